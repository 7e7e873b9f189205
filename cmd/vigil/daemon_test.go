package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoDaemon: status and events without a daemon say so in one line and
// exit 1, whether the socket comes from --socket or from --config.
func TestNoDaemon(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "vigil.sock")
	cfg := filepath.Join(dir, "vigil.yaml")
	os.WriteFile(cfg, []byte("version: 1\nhost: h1\nsocket: "+sock+"\n"), 0o644)
	for _, args := range [][]string{
		{"status", "--socket", sock},
		{"status", "--config", cfg, "--json"},
		{"events", "--socket", sock},
		{"events", "--follow", "--config", cfg},
	} {
		code, out, errOut := runCLI(t, nil, args...)
		want := "vigil " + args[0] + ": no vigil daemon answers on " + sock + "\n"
		if code != 1 || out != "" || errOut != want {
			t.Errorf("vigil %s: exit %d, stdout %q, stderr %q; want 1 and %q", strings.Join(args, " "), code, out, errOut, want)
		}
	}
	if code, _, errOut := runCLI(t, nil, "status", "--config", filepath.Join(dir, "none.yaml")); code != 1 || !strings.Contains(errOut, "none.yaml") {
		t.Errorf("status with a missing config: exit %d, %q", code, errOut)
	}
}

// TestAgentBadConfig: the daemon does not start on a bad config and names
// every problem.
func TestAgentBadConfig(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "vigil.yaml")
	os.WriteFile(cfg, []byte("version: 1\nhost: h1\nbmc:\n  ipmi: 127.0.0.1\n  user: u\n  password_file: /nonexistent/bmc.pw\nsensors: {interval: 0s}\n"), 0o644)
	code, _, errOut := runCLI(t, nil, "agent", "--config", cfg)
	want := cfg + ":6: bmc.password_file: /nonexistent/bmc.pw: no such file\n" + cfg + ":7: sensors.interval: 0s out of range 1s to 1h0m0s\n"
	if code != 1 || errOut != want {
		t.Errorf("agent with a bad config: exit %d, stderr %q, want 1 and %q", code, errOut, want)
	}
}
