package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ev builds one `go test -json` line.
func ev(action, pkg, test, output string) string {
	var b strings.Builder
	b.WriteString(`{"Action":"` + action + `","Package":"` + pkg + `"`)
	if test != "" {
		b.WriteString(`,"Test":"` + test + `"`)
	}
	if output != "" {
		b.WriteString(`,"Output":` + quote(output))
	}
	if action == "pass" || action == "fail" {
		b.WriteString(`,"Elapsed":1.5`)
	}
	return b.String() + "}\n"
}

func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`).Replace(s) + `"`
}

func TestSummarise(t *testing.T) {
	const a, b = "example.com/a", "example.com/b"
	tests := []struct {
		name       string
		in         string
		wantFailed bool
		want       []string // substrings of the output, in order
		dont       []string // must not appear
	}{
		{
			name: "pass and skip",
			in: ev("start", a, "", "") +
				ev("run", a, "TestOK", "") + ev("output", a, "TestOK", "=== RUN   TestOK\n") + ev("output", a, "TestOK", "    a_test.go:9: chatter\n") + ev("pass", a, "TestOK", "") +
				ev("run", a, "TestLab", "") + ev("output", a, "TestLab", "=== RUN   TestLab\n") + ev("output", a, "TestLab", "--- SKIP: TestLab (0.00s)\n") +
				ev("output", a, "TestLab", "    testing.go:27: lab unavailable: needs root\n") + ev("skip", a, "TestLab", "") +
				ev("output", a, "", "ok  \texample.com/a\t1.5s\n") + ev("pass", a, "", "") +
				ev("start", b, "", "") + ev("output", b, "", "?   \texample.com/b\t[no test files]\n") + ev("skip", b, "", ""),
			want: []string{"ok  \texample.com/a\t1.5s\n", "=== summary",
				"ok    example.com/a  passed    1  failed   0  skipped   1", "?     example.com/b  no test files",
				"total: passed 1, failed 0, skipped 1", "=== skipped tests (1)",
				"SKIP  example.com/a TestLab: testing.go:27: lab unavailable: needs root"},
			dont: []string{"chatter", "FAIL"},
		},
		{
			name: "a failed subtest shows its output and fails the run",
			in: ev("run", a, "TestX", "") + ev("output", a, "TestX", "=== RUN   TestX\n") +
				ev("run", a, "TestX/case", "") + ev("output", a, "TestX/case", "=== RUN   TestX/case\n") +
				ev("output", a, "TestX/case", "    x_test.go:12: F(1) = 2, want 3\n") + ev("output", a, "TestX/case", "--- FAIL: TestX/case (0.00s)\n") +
				ev("fail", a, "TestX/case", "") + ev("output", a, "TestX", "--- FAIL: TestX (0.00s)\n") + ev("fail", a, "TestX", "") +
				ev("output", a, "", "FAIL\n") + ev("output", a, "", "FAIL\texample.com/a\t0.1s\n") + ev("fail", a, "", ""),
			wantFailed: true,
			want: []string{"--- FAIL output of example.com/a TestX/case:", "x_test.go:12: F(1) = 2, want 3",
				"FAIL  example.com/a  passed    0  failed   2  skipped   0", "total: passed 0, failed 2, skipped 0"},
			dont: []string{"FAIL output of package"}, // nothing beyond the verdict
		},
		{
			name: "a timeout's panic outside any test is shown, with the test that never ended",
			in: ev("run", a, "TestHang", "") + ev("output", a, "TestHang", "=== RUN   TestHang\n") +
				ev("output", a, "", "panic: test timed out after 1s\n\trunning tests:\n\t\tTestHang (1s)\n") +
				ev("output", a, "", "FAIL\texample.com/a\t1.0s\n") + ev("fail", a, "", ""),
			wantFailed: true,
			want:       []string{"--- FAIL output of package example.com/a:", "panic: test timed out after 1s", "--- unfinished test example.com/a TestHang:", "FAIL  example.com/a"},
		},
		{
			name: "build failure",
			in: `{"ImportPath":"example.com/a [example.com/a.test]","Action":"build-output","Output":"a/a.go:3:1: syntax error\n"}` + "\n" +
				`{"ImportPath":"example.com/a [example.com/a.test]","Action":"build-fail"}` + "\n" +
				ev("start", a, "", "") + ev("output", a, "", "FAIL\texample.com/a [build failed]\n") +
				`{"Action":"fail","Package":"example.com/a","Elapsed":0,"FailedBuild":"example.com/a [example.com/a.test]"}` + "\n",
			wantFailed: true,
			want:       []string{"a/a.go:3:1: syntax error", "FAIL\texample.com/a [build failed]", "(build failed: example.com/a [example.com/a.test])", "FAIL  example.com/a"},
		},
		{
			name:       "stream ends before the package does",
			in:         ev("start", a, "", "") + ev("run", a, "TestOK", "") + ev("pass", a, "TestOK", ""),
			wantFailed: true,
			want:       []string{"FAIL  example.com/a  passed    1"},
		},
		{
			name:       "not JSON passes through",
			in:         "go: downloading example.com/x v1.0.0\n" + ev("start", a, "", "") + ev("pass", a, "", ""),
			want:       []string{"go: downloading example.com/x v1.0.0\n", "ok    example.com/a"},
			wantFailed: false,
		},
		{
			name:       "no events at all",
			in:         "",
			wantFailed: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			failed, err := summarise(strings.NewReader(tt.in), &out)
			if failed != tt.wantFailed {
				t.Errorf("summarise failed = %v (err %v), want %v; output:\n%s", failed, err, tt.wantFailed, out.String())
			}
			rest := out.String()
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("output lacks %q (in this order); output:\n%s", w, out.String())
					break
				}
				rest = rest[i+len(w):]
			}
			for _, d := range tt.dont {
				if strings.Contains(out.String(), d) {
					t.Errorf("output shows %q; output:\n%s", d, out.String())
				}
			}
		})
	}
}

// TestRealGoTest runs `go test -json` on a small module with a passing, a
// failing and a skipping test and a subtest, and checks the summary of
// what the go command really writes.
func TestRealGoTest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command on a scratch module")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/scratch\n\ngo 1.26\n",
		"a/a_test.go": `package a

import "testing"

func TestPass(t *testing.T) { t.Log("fine") }
func TestSkip(t *testing.T) { t.Skip("needs a frobnicator") }
func TestFail(t *testing.T) {
	t.Run("sub", func(t *testing.T) { t.Errorf("F(1) = 2, want 3") })
}
`,
		"b/b.go": "package b\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "test", "-json", "-count=1", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	stream, err := cmd.Output()
	if err == nil {
		t.Fatalf("go test on a failing package succeeded:\n%s", stream)
	}
	var out strings.Builder
	failed, err := summarise(strings.NewReader(string(stream)), &out)
	if !failed || err != nil {
		t.Errorf("summarise = %v, %v; want failed", failed, err)
	}
	for _, w := range []string{
		"--- FAIL output of example.com/scratch/a TestFail/sub:", "F(1) = 2, want 3",
		"FAIL  example.com/scratch/a  passed    1  failed   2  skipped   1",
		"?     example.com/scratch/b  no test files",
		"SKIP  example.com/scratch/a TestSkip: a_test.go:6: needs a frobnicator",
	} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("summary lacks %q:\n%s", w, out.String())
		}
	}
}
