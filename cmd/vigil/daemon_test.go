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
	vmFile := filepath.Join(dir, "web1.yaml")
	os.WriteFile(vmFile, []byte("version: 1\nname: web1\nvcpus: 1\nmemory_mib: 64\n"), 0o644)
	for _, args := range [][]string{
		{"vm", "list", "--socket", sock},
		{"vm", "show", "web1", "--config", cfg, "--json"},
		{"vm", "create", "-f", vmFile, "--socket", sock},
		{"vm", "stop", "--socket", sock, "web1"},
		{"vm", "migrate", "web1", "--to", "h2", "--socket", sock},
		{"host", "show", "h1", "--socket", sock},
		{"host", "drain", "h1", "--config", cfg},
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

// TestVMCreateBadFile: a bad VM file is refused before the daemon is
// asked, every problem with its file, line and key, exit 1.
func TestVMCreateBadFile(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "web1.yaml")
	os.WriteFile(f, []byte("version: 1\nname: web1\nvcpus: two\nmemory_mib: 64\ncolor: red\n"), 0o644)
	code, out, errOut := runCLI(t, nil, "vm", "create", "-f", f, "--socket", filepath.Join(dir, "none.sock"))
	want := f + ":3: vcpus: want a whole number, got \"two\"\n" + f + ":5: color: unknown key (known: version, name, vcpus, memory_mib, disks, nics, ha, extra)\n"
	if code != 1 || out != "" || errOut != want {
		t.Errorf("vm create with a bad file: exit %d, stdout %q, stderr %q; want 1 and %q", code, out, errOut, want)
	}
	if code, _, errOut := runCLI(t, nil, "vm", "create", "--socket", filepath.Join(dir, "none.sock")); code != 2 || !strings.Contains(errOut, "-f FILE") {
		t.Errorf("vm create without -f: exit %d, %q; want 2 naming -f FILE", code, errOut)
	}
}
