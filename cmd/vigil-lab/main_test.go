package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// runCLI runs vigil-lab in-process with args and returns exit code and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), &env{stdout: &out, stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

// TestDispatch covers usage, help and the demo's flag checks, none of
// which bring up a lab.
func TestDispatch(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string // substring of stdout
		wantErr  string // substring of stderr
	}{
		{"no args", nil, 2, "", "Usage: vigil-lab COMMAND"},
		{"help", []string{"--help"}, 0, "demo", ""},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"demo help", []string{"demo", "--help"}, 0, "Usage: vigil-lab demo [--bmc ipmi|redfish]", ""},
		{"demo unknown flag", []string{"demo", "--bogus"}, 2, "", "flag provided but not defined: -bogus"},
		{"demo stray arg", []string{"demo", "now"}, 2, "", `unexpected argument "now"`},
		{"demo bad bmc", []string{"demo", "--bmc", "snmp"}, 2, "", `--bmc "snmp": want ipmi or redfish`},
		{"demo no hosts flag", []string{"demo", "--hosts", "5"}, 2, "", "flag provided but not defined: -hosts"},
		{"demo missing vigil", []string{"demo", "--vigil", "/nonexistent/vigil"}, 2, "", "--vigil: stat /nonexistent/vigil"},
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
