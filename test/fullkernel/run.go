package fullkernel

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// EnvInside is set to "1" in the environment of test binaries run inside
// the full kernel.
const EnvInside = "VIGIL_FULLKERNEL"

// Inside reports whether this process runs inside the full-kernel guest.
func Inside() bool { return os.Getenv(EnvInside) == "1" }

// ErrNoVerdict means the guest ended (reset, panic, timeout) before the
// test binary reported its exit status.
var ErrNoVerdict = errors.New("fullkernel: guest ended without a verdict")

// Config describes one run.
type Config struct {
	Package string   // directory of the Go package whose tests run inside ("" = ".")
	Binary  string   // a prebuilt static test binary instead of building Package
	Run     string   // -test.run pattern (required)
	Args    []string // more test binary arguments, e.g. "-test.short"
	Env     []string // KEY=VALUE for the test binary
	Modules []string // modules to load besides DefaultModules
	// ModuleParams gives insmod parameters by module name, e.g.
	// {"softdog": "soft_margin=5"}.
	ModuleParams map[string]string

	KernelArgs []string      // appended to the kernel command line (e.g. "loglevel=7" to debug a boot)
	MemoryMiB  int           // guest RAM; 0 = 512
	Timeout    time.Duration // -test.timeout inside; 0 = what ctx leaves minus a boot margin

	// Output receives every console line as it arrives (kernel and test),
	// without the runner's own markers. May be nil.
	Output func(line string)
}

// Result of a run.
type Result struct {
	ExitCode int      // the test binary's exit status; -1 without a verdict
	Failed   []string // tests that printed "--- FAIL: NAME"
	Lines    []string // console lines after init started the test binary
	// WatchdogReset: the guest printed softdog's "Initiating system
	// reboot" and ended without a verdict (Run then returns ErrNoVerdict):
	// what a self-fencing test that stops feeding /dev/watchdog expects.
	WatchdogReset bool
	Console       []string // every console line, boot included

	Build time.Duration // go test -c
	Boot  time.Duration // QEMU start to the test binary's start (modules loaded)
	Test  time.Duration // test binary start to its exit
	Total time.Duration // QEMU start to QEMU exit
}

// Passed reports whether the test binary exited 0.
func (r Result) Passed() bool { return r.ExitCode == 0 }

var (
	envKey       = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	moduleParams = regexp.MustCompile(`^[A-Za-z0-9_]+=[A-Za-z0-9_.,:/-]*( [A-Za-z0-9_]+=[A-Za-z0-9_.,:/-]*)*$`)
)

func (c Config) validate() error {
	if c.Run == "" {
		return errors.New("fullkernel: Config.Run is empty (a -test.run pattern)")
	}
	for _, e := range c.Env {
		k, _, ok := strings.Cut(e, "=")
		if !ok || !envKey.MatchString(k) {
			return fmt.Errorf("fullkernel: Config.Env entry %q is not KEY=VALUE", e)
		}
	}
	for _, m := range c.Modules {
		if !envKey.MatchString(strings.ReplaceAll(m, "-", "_")) {
			return fmt.Errorf("fullkernel: Config.Modules entry %q is not a module name", m)
		}
	}
	for m, p := range c.ModuleParams {
		if !envKey.MatchString(strings.ReplaceAll(m, "-", "_")) || !moduleParams.MatchString(p) {
			return fmt.Errorf("fullkernel: Config.ModuleParams[%q] = %q: want a module name and key=value words", m, p)
		}
	}
	if c.MemoryMiB != 0 && (c.MemoryMiB < 128 || c.MemoryMiB > 8192) {
		return fmt.Errorf("fullkernel: Config.MemoryMiB %d outside 128..8192", c.MemoryMiB)
	}
	return nil
}

// Run builds (unless Config.Binary is set) the package's test binary,
// boots Debian's kernel under QEMU TCG with it and returns the verdict. A
// failing inner test is a Result with ExitCode != 0 and a nil error; an
// error means the run itself failed (assets missing: ErrNoAssets; no
// verdict: ErrNoVerdict, with the Result so far).
func Run(ctx context.Context, cfg Config) (Result, error) {
	res := Result{ExitCode: -1}
	if err := cfg.validate(); err != nil {
		return res, err
	}
	if Inside() {
		return res, errors.New("fullkernel: Run called inside the full kernel")
	}
	assets, err := FindAssets(Dir())
	if err != nil {
		return res, err
	}
	qemu, err := exec.LookPath("qemu-system-x86_64")
	if err != nil {
		return res, fmt.Errorf("fullkernel: qemu-system-x86_64 not installed (run test/deps.sh)")
	}
	work, err := os.MkdirTemp("", "vigil-fullkernel-")
	if err != nil {
		return res, err
	}
	if os.Getenv("VIGIL_FULLKERNEL_KEEP") == "" {
		defer os.RemoveAll(work)
	} else if cfg.Output != nil {
		cfg.Output("fullkernel: keeping the initrd and test binary in " + work + " (VIGIL_FULLKERNEL_KEEP)")
	}

	bin := cfg.Binary
	if bin == "" {
		start := time.Now()
		bin, err = buildTest(ctx, cfg.Package, work)
		if err != nil {
			return res, err
		}
		res.Build = time.Since(start)
	}
	if err := static(bin); err != nil {
		return res, fmt.Errorf("fullkernel: test binary: %w (build with CGO_ENABLED=0)", err)
	}

	nonce := make([]byte, 8)
	rand.Read(nonce)
	marker := "vigil-fullkernel-" + hex.EncodeToString(nonce)

	timeout := cfg.Timeout
	if dl, ok := ctx.Deadline(); ok {
		left := time.Until(dl) - 30*time.Second // boot and power-off margin
		if left < 10*time.Second {
			return res, fmt.Errorf("fullkernel: only %v left before the deadline", time.Until(dl).Round(time.Second))
		}
		if timeout == 0 || timeout > left {
			timeout = left
		}
	}
	if timeout == 0 {
		timeout = 10 * time.Minute
	}
	if _, ok := ctx.Deadline(); !ok { // bound QEMU too: a hung kernel never powers off
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout+2*time.Minute)
		defer cancel()
	}

	initrd := filepath.Join(work, "initrd")
	if err := writeInitrd(ctx, initrd, assets, cfg, bin, marker, timeout); err != nil {
		return res, err
	}
	mem := cfg.MemoryMiB
	if mem == 0 {
		mem = 512
	}
	args := []string{
		"-accel", "tcg", "-cpu", "qemu64,+rdrand", "-smp", "1", "-nodefaults", "-no-user-config",
		"-machine", "q35", "-m", strconv.Itoa(mem), "-display", "none", "-no-reboot",
		"-kernel", assets.Kernel, "-initrd", initrd,
		"-append", strings.Join(append([]string{"console=ttyS0 quiet panic=-1"}, cfg.KernelArgs...), " "),
		"-serial", "stdio",
	}
	cmd := exec.CommandContext(ctx, qemu, args...)
	cmd.WaitDelay = 5 * time.Second
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return res, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return res, fmt.Errorf("fullkernel: start qemu: %w", err)
	}
	var testStart time.Time
	var moduleErr error
	sc := bufio.NewScanner(out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		res.Console = append(res.Console, line)
		if rest, ok := strings.CutPrefix(line, marker+" "); ok {
			switch {
			case rest == "start":
				testStart = time.Now()
				res.Boot = testStart.Sub(start)
			case strings.HasPrefix(rest, "exit="):
				if n, err := strconv.Atoi(strings.TrimPrefix(rest, "exit=")); err == nil {
					res.ExitCode = n
					res.Test = time.Since(testStart)
				}
			case strings.HasPrefix(rest, "insmod-failed "):
				moduleErr = fmt.Errorf("fullkernel: insmod %s failed inside the guest", strings.TrimPrefix(rest, "insmod-failed "))
			}
			continue
		}
		if strings.Contains(line, "softdog: Initiating system reboot") {
			res.WatchdogReset = true
		}
		if !testStart.IsZero() && res.ExitCode == -1 {
			res.Lines = append(res.Lines, line)
			if name, ok := failedTest(line); ok {
				res.Failed = append(res.Failed, name)
			}
		}
		if cfg.Output != nil {
			cfg.Output(line)
		}
	}
	waitErr := cmd.Wait()
	res.Total = time.Since(start)
	if moduleErr != nil {
		return res, moduleErr
	}
	if res.ExitCode == -1 {
		why := "QEMU exited"
		if res.WatchdogReset {
			why = "softdog reset the guest"
		}
		if ctx.Err() != nil {
			why = "deadline reached, QEMU killed"
		} else if waitErr != nil {
			why = "QEMU: " + waitErr.Error()
		}
		return res, fmt.Errorf("%w (%s after %v); stderr: %s; last console lines:\n%s", ErrNoVerdict, why,
			res.Total.Round(time.Millisecond), strings.TrimSpace(stderr.String()), strings.Join(tail(res.Console, 15), "\n"))
	}
	return res, nil
}

var failLine = regexp.MustCompile(`^\s*--- FAIL: (\S+)`)

func failedTest(line string) (string, bool) {
	m := failLine.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	return m[1], true
}

func tail(lines []string, n int) []string {
	if len(lines) > n {
		return lines[len(lines)-n:]
	}
	return lines
}

// buildTest runs CGO_ENABLED=0 go test -c in dir and returns the binary's
// path in work. Go's build cache makes repeated builds cheap.
func buildTest(ctx context.Context, dir, work string) (string, error) {
	if dir == "" {
		dir = "."
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", errors.New("fullkernel: go command not on PATH")
	}
	bin := filepath.Join(work, "pkg.test")
	cmd := exec.CommandContext(ctx, goTool, "test", "-c", "-o", bin, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS="+withoutRace(os.Getenv("GOFLAGS")))
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("fullkernel: go test -c in %s: %w\n%s", dir, err, b)
	}
	if _, err := os.Stat(bin); err != nil {
		return "", fmt.Errorf("fullkernel: go test -c in %s wrote no binary (no test files?)", dir)
	}
	return bin, nil
}

// withoutRace drops -race from GOFLAGS: the race detector needs cgo.
func withoutRace(flags string) string {
	f := strings.Fields(flags)
	f = slices.DeleteFunc(f, func(s string) bool { return s == "-race" || s == "-race=true" })
	return strings.Join(f, " ")
}

// writeInitrd writes the base archive and the run's own archive (init and
// test binary) concatenated, uncompressed: under TCG the kernel unpacks
// plain cpio much faster than it inflates gzip.
func writeInitrd(ctx context.Context, path string, a *Assets, cfg Config, bin, marker string, timeout time.Duration) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	modules := append(slices.Clone(DefaultModules), cfg.Modules...)
	if err := writeBase(ctx, w, a, modules); err != nil {
		return err
	}
	c := newCPIO(w)
	if err := c.file("/init", 0o755, []byte(initScript(cfg, marker, timeout))); err != nil {
		return err
	}
	for m, p := range cfg.ModuleParams {
		if err := c.file("/modparams/"+modName(m), 0o644, []byte(p)); err != nil {
			return err
		}
	}
	if err := c.copyFile("/test/pkg.test", bin); err != nil {
		return err
	}
	if cfg.Binary == "" {
		if err := addTestdata(c, cfg.Package); err != nil {
			return err
		}
	}
	if err := c.close(); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// maxTestdata bounds the package's testdata copied into the guest.
const maxTestdata = 64 << 20

// addTestdata copies the package's testdata directory (regular files) to
// /test/testdata: inside, the test binary runs in /test as go test would
// run it in the package directory.
func addTestdata(c *cpioWriter, pkg string) error {
	if pkg == "" {
		pkg = "."
	}
	root := filepath.Join(pkg, "testdata")
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		return nil
	}
	var total int64
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if total += info.Size(); total > maxTestdata {
			return fmt.Errorf("fullkernel: %s holds more than %d MiB", root, maxTestdata>>20)
		}
		rel, err := filepath.Rel(pkg, p)
		if err != nil {
			return err
		}
		return c.copyFile("/test/"+filepath.ToSlash(rel), p)
	})
}

// shellQuote quotes s for sh.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func initScript(cfg Config, marker string, timeout time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, `#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin:/sbin LD_LIBRARY_PATH=/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu HOME=/tmp TMPDIR=/tmp
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mkdir -p /dev/pts /dev/shm /sys/fs/cgroup
mount -t devpts devpts /dev/pts
/sbin/ip link set lo up
for m in /modules/*.ko; do
	n=${m##*/}
	n=${n#*-}
	n=${n%%.ko}
	p=
	[ -f /modparams/$n ] && p=$(cat /modparams/$n)
	if ! insmod "$m" $p; then
		echo "%[1]s insmod-failed $n $p"
		poweroff -f
	fi
done
cd /test
echo "%[1]s start"
`, marker)
	b.WriteString("env " + EnvInside + "=1")
	for _, e := range cfg.Env {
		b.WriteString(" " + shellQuote(e))
	}
	b.WriteString(" ./pkg.test -test.v -test.count=1 -test.timeout=" + timeout.String())
	b.WriteString(" -test.run " + shellQuote(cfg.Run))
	for _, a := range cfg.Args {
		b.WriteString(" " + shellQuote(a))
	}
	fmt.Fprintf(&b, ` </dev/null 2>&1
rc=$?
echo "%s exit=$rc"
sync
poweroff -f
`, marker)
	return b.String()
}
