package fullkernel

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// Options for RunTest.
type Options struct {
	// Run is the -test.run pattern inside; "" runs just the calling test
	// (t.Name(), subtests included, anchored).
	Run          string
	Args         []string          // more test binary arguments
	Env          []string          // KEY=VALUE for the test binary inside
	Modules      []string          // modules besides DefaultModules
	ModuleParams map[string]string // insmod parameters by module, e.g. {"softdog": "soft_margin=5"}
	MemoryMiB    int               // guest RAM; 0 = 512
	Timeout      time.Duration     // whole run; 0 = up to the test's deadline, at most 10 minutes
}

// RunTest runs tests of the calling package inside the full kernel and
// reports their output through t.Log and their verdict through t. It skips
// when the kernel assets, QEMU or busybox are missing (test/deps.sh
// installs them) and in -short mode. Call it only outside (see Inside).
func RunTest(t testing.TB, o Options) {
	t.Helper()
	if Inside() {
		t.Fatal("fullkernel.RunTest called inside the full kernel: guard it with if !fullkernel.Inside()")
	}
	if testing.Short() {
		t.Skip("fullkernel: boots a full kernel under TCG (skipped in -short mode)")
	}
	if _, err := FindAssets(Dir()); err != nil {
		testenv.Unavailable(t, "%v (VIGIL_FULLKERNEL_DIR=%s)", err, Dir())
	}
	if _, err := exec.LookPath("qemu-system-x86_64"); err != nil {
		testenv.Unavailable(t, "fullkernel: qemu-system-x86_64 not installed (run test/deps.sh)")
	}
	if _, err := findBusybox(); err != nil {
		testenv.Unavailable(t, "%v", err)
	}
	run := o.Run
	if run == "" {
		run = namePattern(t.Name())
	}
	timeout := o.Timeout
	if timeout == 0 {
		timeout = 10 * time.Minute
	}
	if dt, ok := t.(interface{ Deadline() (time.Time, bool) }); ok {
		if dl, ok := dt.Deadline(); ok && time.Until(dl)-5*time.Second < timeout {
			timeout = time.Until(dl) - 5*time.Second
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()

	// Inner lines go to the test's output without a file:line prefix, marked
	// with "> " so that go test and test2json never take an inner
	// "--- FAIL:" for a subtest of the outer test.
	out := t.Output()
	res, err := Run(ctx, Config{
		Run: run, Args: o.Args, Env: o.Env, Modules: o.Modules, ModuleParams: o.ModuleParams, MemoryMiB: o.MemoryMiB,
		Output: func(line string) { fmt.Fprintln(out, "> "+line) },
	})
	t.Logf("fullkernel: -test.run %s: build %v, boot %v, test %v, total QEMU %v", run,
		res.Build.Round(time.Millisecond), res.Boot.Round(time.Millisecond),
		res.Test.Round(time.Millisecond), res.Total.Round(time.Millisecond))
	if err != nil {
		if errors.Is(err, ErrNoAssets) {
			testenv.Unavailable(t, "%v", err)
		}
		t.Fatal(err)
	}
	if !res.Passed() {
		failed := "the test binary"
		if len(res.Failed) > 0 {
			failed = strings.Join(res.Failed, ", ")
		}
		t.Fatalf("inside the full kernel: %s failed (exit status %d)", failed, res.ExitCode)
	}
	if !ranSomething(res.Lines) {
		t.Fatalf("inside the full kernel: -test.run %s matched no test", run)
	}
}

// namePattern anchors each element of a test name: "TestA/b c" becomes
// "^TestA$/^b_c$" (go test replaces spaces in subtest names with _).
func namePattern(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// ranSomething reports whether go test's verbose output shows a test run.
func ranSomething(lines []string) bool {
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "=== RUN") {
			return true
		}
	}
	return false
}
