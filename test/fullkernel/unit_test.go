package fullkernel

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// TestCPIOReadByCpio writes an archive and unpacks it with GNU cpio, the
// reference reader of the newc format.
func TestCPIOReadByCpio(t *testing.T) {
	if _, err := exec.LookPath("cpio"); err != nil {
		testenv.Unavailable(t, "cpio not installed (run test/deps.sh)")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "src.bin")
	payload := bytes.Repeat([]byte("0123456789abcdef"), 1000)
	payload = append(payload, 'x', 'y', 'z') // not a multiple of 4
	if err := os.WriteFile(src, payload, 0o751); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	c := newCPIO(&buf)
	for _, err := range []error{
		c.mkdirAll("/a/b"),
		c.file("/a/b/init", 0o755, []byte("#!/bin/sh\n")),
		c.file("/etc/x", 0o600, []byte("1")),
		c.copyFile("/bin/tool", src),
		c.close(),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if buf.Len()%4 != 0 {
		t.Errorf("archive length %d not a multiple of 4", buf.Len())
	}
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	cmd := exec.Command("cpio", "-idm", "--quiet", "--no-absolute-filenames")
	cmd.Dir = out
	cmd.Stdin = &buf
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("cpio -i: %v: %s", err, b)
	}
	for _, f := range []struct {
		name string
		mode os.FileMode
		data []byte
	}{
		{"a/b/init", 0o755, []byte("#!/bin/sh\n")},
		{"etc/x", 0o600, []byte("1")},
		{"bin/tool", 0o751, payload},
	} {
		p := filepath.Join(out, f.name)
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, f.data) {
			t.Errorf("%s: %d bytes, %v; want %d bytes as written", f.name, len(got), err, len(f.data))
			continue
		}
		if st, _ := os.Stat(p); st.Mode().Perm() != f.mode {
			t.Errorf("%s: mode %v, want %v", f.name, st.Mode().Perm(), f.mode)
		}
	}
}

func TestLoadOrder(t *testing.T) {
	a, err := FindAssets(Dir())
	if err != nil {
		testenv.Unavailable(t, "%v", err)
	}
	order, err := a.LoadOrder(DefaultModules)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range order {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".ko"))
	}
	t.Logf("load order: %s", strings.Join(names, " "))
	pos := map[string]int{}
	for i, n := range names {
		if _, dup := pos[n]; dup {
			t.Errorf("%s listed twice", n)
		}
		pos[n] = i
	}
	for _, n := range append([]string{"llc", "stp", "mrp", "garp", "udp_tunnel", "ip6_udp_tunnel", "watchdog"}, DefaultModules...) {
		if _, ok := pos[n]; !ok {
			t.Errorf("%s missing from the load order", n)
		}
	}
	for i, p := range order {
		deps, err := moduleDepends(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range deps {
			if j, ok := pos[d]; !ok || j > i {
				t.Errorf("%s loads before its dependency %s", names[i], d)
			}
		}
	}
	if _, err := a.LoadOrder([]string{"no_such_module"}); err == nil || !strings.Contains(err.Error(), "no_such_module") {
		t.Errorf("LoadOrder(no_such_module) = %v, want an error naming it", err)
	}
}

func TestNamePattern(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"TestX", "^TestX$"},
		{"TestX/sub_case", "^TestX$/^sub_case$"},
		{"TestX/a.b(c)", `^TestX$/^a\.b\(c\)$`},
	} {
		if got := namePattern(tc.name); got != tc.want {
			t.Errorf("namePattern(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for _, s := range []string{"", "plain", "it's", `a"b$c` + "`d`", "'", "x y\tz", "^TestA$|^TestB$"} {
		out, err := exec.Command("/bin/sh", "-c", "printf %s "+shellQuote(s)).Output()
		if err != nil || string(out) != s {
			t.Errorf("sh printf %s = %q, %v, want %q", shellQuote(s), out, err, s)
		}
	}
}

func TestInitScript(t *testing.T) {
	s := initScript(Config{Run: "^TestA$", Env: []string{"K=it's"}, Args: []string{"-test.short"}}, "MARK", 90*time.Second)
	for _, want := range []string{
		"#!/bin/busybox sh\n",
		`env VIGIL_FULLKERNEL=1 'K=it'\''s' ./pkg.test -test.v -test.count=1 -test.timeout=1m30s -test.run '^TestA$' '-test.short'`,
		`echo "MARK exit=$rc"`,
		`echo "MARK start"`,
		"insmod",
		"poweroff -f",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("init script lacks %q:\n%s", want, s)
		}
	}
	f := filepath.Join(t.TempDir(), "init")
	os.WriteFile(f, []byte(s), 0o755)
	if b, err := exec.Command("/bin/sh", "-n", f).CombinedOutput(); err != nil {
		t.Errorf("sh -n init: %v: %s", err, b)
	}
}

func TestFailedTest(t *testing.T) {
	for _, tc := range []struct {
		line string
		want string
		ok   bool
	}{
		{"--- FAIL: TestX (0.01s)", "TestX", true},
		{"    --- FAIL: TestX/sub (0.00s)", "TestX/sub", true},
		{"--- PASS: TestX (0.01s)", "", false},
		{"FAIL", "", false},
		{"some text --- FAIL: TestX", "", false},
	} {
		got, ok := failedTest(tc.line)
		if got != tc.want || ok != tc.ok {
			t.Errorf("failedTest(%q) = %q, %v, want %q, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}

func TestWithoutRace(t *testing.T) {
	if got := withoutRace("-buildvcs=false -race -mod=mod"); got != "-buildvcs=false -mod=mod" {
		t.Errorf("withoutRace = %q", got)
	}
}

func TestRunRefusesInside(t *testing.T) {
	t.Setenv(EnvInside, "1")
	if _, err := Run(context.Background(), Config{Run: "x"}); err == nil || !strings.Contains(err.Error(), "inside") {
		t.Errorf("Run inside = %v, want a refusal", err)
	}
	if !slices.Contains(os.Environ(), EnvInside+"=1") || !Inside() {
		t.Error("Inside() = false with the variable set")
	}
}
