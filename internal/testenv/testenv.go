// Package testenv decides what a test does when a real peer it needs (root,
// QEMU, ipmi_sim, ipmitool, the full-kernel image, the DMTF mockups) is
// missing on this machine.
//
// Outside CI such a test skips with the reason, so `go test ./...` works on
// a laptop. CI sets VIGIL_REQUIRE_LAB=1: there every real peer must be
// present, and a test that would have skipped for want of one fails instead,
// so a broken set-up can never pass as a green run.
//
// Skips for other reasons (-short, a case that only runs inside the full
// kernel) are plain t.Skip and stay skips everywhere.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// RequireLabVar is the environment variable CI sets to 1.
const RequireLabVar = "VIGIL_REQUIRE_LAB"

// Required reports whether missing lab prerequisites fail tests.
func Required() bool { return os.Getenv(RequireLabVar) == "1" }

// Unavailable ends tb because a prerequisite is missing: a skip with the
// reason, or under VIGIL_REQUIRE_LAB=1 a failure with the same reason.
func Unavailable(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if Required() {
		tb.Fatalf("lab prerequisite missing ("+RequireLabVar+"=1): "+format, args...)
	}
	tb.Skipf(format, args...)
}

// Degraded records that tb goes on without an optional cross-check (a
// reference tool such as fence_ipmilan is missing): a log line with the
// reason, or under VIGIL_REQUIRE_LAB=1 a failure, since CI installs every
// reference tool and a cross-check silently left out proves nothing.
func Degraded(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if Required() {
		tb.Fatalf("lab prerequisite missing ("+RequireLabVar+"=1): "+format, args...)
	}
	tb.Logf(format, args...)
}

// NeedsRoot ends tb unless it runs as root (namespaces, taps, netlink).
func NeedsRoot(tb testing.TB) {
	tb.Helper()
	if os.Geteuid() != 0 {
		Unavailable(tb, "needs root (namespaces, taps, netlink)")
	}
}

// NeedsCommand ends tb unless every named program is on PATH; it returns
// the path of the first.
func NeedsCommand(tb testing.TB, names ...string) string {
	tb.Helper()
	first := ""
	for _, name := range names {
		p, err := exec.LookPath(name)
		if err != nil {
			Unavailable(tb, "%s not installed (test/deps.sh installs it)", name)
			return ""
		}
		if first == "" {
			first = p
		}
	}
	return first
}
