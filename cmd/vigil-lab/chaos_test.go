package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigil-ha/vigil/cluster/seededbugs"
)

// TestChaosFlags covers the chaos command's flag checks and --bugs, none
// of which bring up a lab.
func TestChaosFlags(t *testing.T) {
	untagged := filepath.Join(t.TempDir(), "vigil")
	if err := os.WriteFile(untagged, []byte("#!/bin/sh\n# a vigil without seeded bugs\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string // substring of stdout
		wantErr  string // substring of stderr
	}{
		{"help", []string{"chaos", "--help"}, 0, "Usage: vigil-lab chaos [--runs N] [--seed S] [--replay S]", ""},
		{"listed", []string{"--help"}, 0, "chaos", ""},
		{"bugs", []string{"chaos", "--bugs"}, 0, seededbugs.Names()[len(seededbugs.Names())-1] + "\n", ""},
		{"bugs with a scenario", []string{"chaos", "--bugs"}, 0, "fence-without-mass-guard (scenario)\n", ""},
		{"unknown scenario", []string{"chaos", "--scenario", "race-without-delay"}, 2, "", `--scenario "race-without-delay": no such scenario (scenarios: fence-without-mass-guard, fence-without-verify-leader, forget-revoked-vms, keep-running-after-lapse, release-on-revoke-without-ack, skip-fence-confirmation, trust-memberlist-dead)`},
		{"zero runs", []string{"chaos", "--runs", "0"}, 2, "", "--runs 0: want at least 1"},
		{"bad seed", []string{"chaos", "--seed", "x"}, 2, "", `invalid value "x" for flag -seed`},
		{"replay with seed", []string{"chaos", "--replay", "7", "--seed", "3"}, 2, "", "--replay runs one seed"},
		{"replay with runs", []string{"chaos", "--replay", "7", "--runs", "3"}, 2, "", "--replay runs one seed"},
		{"unknown bug", []string{"chaos", "--bug", "no-such-bug"}, 2, "", `--bug "no-such-bug": unknown (known: skip-fence-confirmation`},
		{"bug needs tagged vigil", []string{"chaos", "--bug", "forget-revoked-vms", "--vigil", untagged}, 1, "", "--bug needs a vigil built with -tags vigil_seeded_bugs"},
		{"missing vigil", []string{"chaos", "--vigil", "/nonexistent/vigil"}, 2, "", "--vigil: stat /nonexistent/vigil"},
		{"stray arg", []string{"chaos", "now"}, 2, "", `unexpected argument "now"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != tt.wantCode {
				t.Errorf("vigil-lab %v exit = %d, want %d (stderr %q)", tt.args, code, tt.wantCode, errOut)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("vigil-lab %v stdout = %q, want it to contain %q", tt.args, out, tt.wantOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("vigil-lab %v stderr = %q, want it to contain %q", tt.args, errOut, tt.wantErr)
			}
		})
	}
}
