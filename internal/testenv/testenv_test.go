package testenv

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestUnavailableFailsWhenRequired runs a child test binary that calls
// Unavailable, once plain and once with VIGIL_REQUIRE_LAB=1: the first must
// skip, the second fail, both naming the reason.
func TestUnavailableFailsWhenRequired(t *testing.T) {
	if os.Getenv("TESTENV_CHILD") == "1" {
		Unavailable(t, "widget %s missing", "frobnicator")
		return
	}
	runChild(t, "TestUnavailableFailsWhenRequired", "--- SKIP")
}

// TestDegradedFailsWhenRequired: a missing cross-check tool only logs
// (the test passes) unless VIGIL_REQUIRE_LAB=1, where it fails.
func TestDegradedFailsWhenRequired(t *testing.T) {
	if os.Getenv("TESTENV_CHILD") == "1" {
		Degraded(t, "widget %s missing", "frobnicator")
		return
	}
	runChild(t, "TestDegradedFailsWhenRequired", "--- PASS")
}

// runChild re-runs test in a child binary, plain and with
// VIGIL_REQUIRE_LAB=1: plain it must end with plainVerdict, required it must
// fail; both must name the reason.
func runChild(t *testing.T, test, plainVerdict string) {
	for _, tc := range []struct {
		name     string
		require  string
		wantFail bool
		wantText string
	}{
		{"plain", "", false, plainVerdict},
		{"required", "1", true, "--- FAIL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run", "^"+test+"$", "-test.v")
			cmd.Env = append(os.Environ(), "TESTENV_CHILD=1", RequireLabVar+"="+tc.require)
			out, err := cmd.CombinedOutput()
			if failed := err != nil; failed != tc.wantFail {
				t.Fatalf("child failed = %v, want %v; output:\n%s", failed, tc.wantFail, out)
			}
			if !strings.Contains(string(out), tc.wantText) || !strings.Contains(string(out), "widget frobnicator missing") {
				t.Fatalf("child output lacks %q and the reason:\n%s", tc.wantText, out)
			}
		})
	}
}
