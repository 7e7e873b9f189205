package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs vigil in-process with args and returns exit code and output.
func runCLI(t *testing.T, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdout: &out, stderr: &errOut, getenv: func(k string) string { return vars[k] }}
	code = run(context.Background(), e, args)
	return code, out.String(), errOut.String()
}

func TestDispatch(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string // substring of stdout
		wantErr  string // substring of stderr
	}{
		{"no args", nil, 2, "", "Usage: vigil COMMAND"},
		{"help", []string{"--help"}, 0, "Commands:", ""},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"version", []string{"version"}, 0, "vigil ", ""},
		{"version unknown flag", []string{"version", "--bogus"}, 2, "", "flag provided but not defined: -bogus"},
		{"version stray arg", []string{"version", "extra"}, 2, "", `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, nil, tt.args...)
			if code != tt.wantCode {
				t.Errorf("vigil %v exit = %d, want %d (stderr %q)", tt.args, code, tt.wantCode, errOut)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("vigil %v stdout = %q, want it to contain %q", tt.args, out, tt.wantOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("vigil %v stderr = %q, want it to contain %q", tt.args, errOut, tt.wantErr)
			}
		})
	}
}

// TestEveryCommandHasHelp checks that `vigil CMD --help` works and exits 0
// for every command, and that an unknown flag exits 2 for every command.
func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, nil, c.name, "--help")
			if code != 0 || !strings.Contains(out, "Usage: vigil "+c.name) {
				t.Errorf("vigil %s --help: exit %d, stdout %q, stderr %q; want exit 0 and usage", c.name, code, out, errOut)
			}
			code, _, errOut = runCLI(t, nil, c.name, "--no-such-flag")
			if code != 2 || errOut == "" {
				t.Errorf("vigil %s --no-such-flag: exit %d, stderr %q; want exit 2 with a message", c.name, code, errOut)
			}
		})
	}
}

// TestEveryVerbHasHelp covers the verbs CLI.md promises.
func TestEveryVerbHasHelp(t *testing.T) {
	verbs := map[string][]string{
		"sensors": {"read", "host"},
		"fence":   {"off", "on", "cycle", "status"},
		"qmp":     {"status", "migrate"},
		"net":     {"apply", "show", "diff"},
	}
	for cmd, vs := range verbs {
		for _, v := range vs {
			t.Run(cmd+"_"+v, func(t *testing.T) {
				code, out, errOut := runCLI(t, nil, cmd, v, "--help")
				if code != 0 || !strings.Contains(out, "Usage: vigil "+cmd+" "+v) {
					t.Errorf("vigil %s %s --help: exit %d, stdout %q, stderr %q; want exit 0 and usage", cmd, v, code, out, errOut)
				}
				code, _, errOut = runCLI(t, nil, cmd, v, "--no-such-flag")
				if code != 2 || !strings.Contains(errOut, "no-such-flag") {
					t.Errorf("vigil %s %s --no-such-flag: exit %d, stderr %q; want exit 2 naming the flag", cmd, v, code, errOut)
				}
			})
		}
	}
}

func TestVersionJSON(t *testing.T) {
	code, out, _ := runCLI(t, nil, "version", "--json")
	if code != 0 {
		t.Fatalf("vigil version --json exit = %d", code)
	}
	var v buildVersion
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("vigil version --json is not JSON: %v\n%s", err, out)
	}
	if !strings.HasPrefix(v.GoVersion, "go") {
		t.Errorf("go_version = %q, want a Go version", v.GoVersion)
	}
}

func TestBMCFlagsCheck(t *testing.T) {
	tests := []struct {
		name    string
		flags   bmcFlags
		wantErr string
	}{
		{"no target", bmcFlags{user: "u", timeout: 1}, "one of --ipmi or --redfish"},
		{"both targets", bmcFlags{ipmi: "h", redfish: "https://h", user: "u", timeout: 1}, "exclusive"},
		{"no user", bmcFlags{ipmi: "h", timeout: 1}, "--user is required"},
		{"zero timeout", bmcFlags{ipmi: "h", user: "u"}, "--timeout must be positive"},
		{"insecure with ipmi", bmcFlags{ipmi: "h", user: "u", timeout: 1, insecure: true, cipherSuite: -1}, "--insecure applies to --redfish only"},
		{"suite with redfish", bmcFlags{redfish: "https://h", user: "u", timeout: 1, cipherSuite: 3}, "apply to --ipmi only"},
		{"suite out of range", bmcFlags{ipmi: "h", user: "u", timeout: 1, cipherSuite: 18}, "1 to 17"},
		{"suite 0", bmcFlags{ipmi: "h", user: "u", timeout: 1, cipherSuite: 0}, "no authentication"},
		{"suite 2 not allowed", bmcFlags{ipmi: "h", user: "u", timeout: 1, cipherSuite: 2}, "--allow-weak-cipher"},
		{"suite 2 allowed", bmcFlags{ipmi: "h", user: "u", timeout: 1, cipherSuite: 2, allowWeakCipher: true}, ""},
		{"plain http", bmcFlags{redfish: "http://h", user: "u", timeout: 1, cipherSuite: -1}, "plain http refused"},
		{"plain http allowed", bmcFlags{redfish: "http://h", user: "u", timeout: 1, cipherSuite: -1, allowPlainHTTP: true}, ""},
		{"ok", bmcFlags{ipmi: "h", user: "u", timeout: 1, cipherSuite: -1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.flags.check()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("check() = %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("check() = %v, want error containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestBMCPasswordSources(t *testing.T) {
	const secret = "s3cret-pw"
	dir := t.TempDir()
	file := filepath.Join(dir, "pw")
	if err := os.WriteFile(file, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	e := &env{getenv: func(string) string { return "" }}
	b := bmcFlags{passwordFile: file}
	if got, err := b.password(e); err != nil || got != secret {
		t.Errorf("password from file = %q, %v; want %q", got, err, secret)
	}
	e.getenv = func(k string) string {
		if k == passwordEnv {
			return secret
		}
		return ""
	}
	b = bmcFlags{}
	if got, err := b.password(e); err != nil || got != secret {
		t.Errorf("password from %s = %q, %v; want %q", passwordEnv, got, err, secret)
	}
	e.getenv = func(string) string { return "" }
	if _, err := b.password(e); err == nil {
		t.Error("password with no file and no env: want an error")
	}
	b = bmcFlags{passwordFile: filepath.Join(dir, "missing")}
	_, err := b.password(e)
	if err == nil || strings.Contains(err.Error(), secret) {
		t.Errorf("password from missing file = %v, want an error without the secret", err)
	}
}

func TestIPMIAddr(t *testing.T) {
	tests := []struct {
		in      string
		host    string
		port    int
		wantErr bool
	}{
		{"10.0.0.2", "10.0.0.2", 623, false},
		{"10.0.0.2:6230", "10.0.0.2", 6230, false},
		{"bmc.example", "bmc.example", 623, false},
		{"[fd00::2]", "fd00::2", 623, false},
		{"[fd00::2]:624", "fd00::2", 624, false},
		{"10.0.0.2:0", "", 0, true},
		{"10.0.0.2:99999", "", 0, true},
		{"10.0.0.2:x", "", 0, true},
	}
	for _, tt := range tests {
		b := bmcFlags{ipmi: tt.in}
		h, p, err := b.ipmiAddr()
		if (err != nil) != tt.wantErr || h != tt.host || p != tt.port {
			t.Errorf("ipmiAddr(%q) = %q, %d, %v; want %q, %d, error %v", tt.in, h, p, err, tt.host, tt.port, tt.wantErr)
		}
	}
}
