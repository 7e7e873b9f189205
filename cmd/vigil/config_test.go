package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigCheck(t *testing.T) {
	dir := t.TempDir()
	pw := filepath.Join(dir, "bmc.pw")
	if err := os.WriteFile(pw, []byte("secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte("version: 1\nhost: h1\nbmc:\n  ipmi: 127.0.0.1:623\n  user: vigil\n  password_file: "+pw+"\n"), 0o644)
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("version: 1\nhost: h1\nbmc:\n  ipmi: 127.0.0.1:623\n  user: vigil\n  password_file: "+dir+"/none.pw\nsensors:\n  intervall: 5s\n"), 0o644)

	code, out, errOut := runCLI(t, nil, "config", "check", "--config", good)
	if code != 0 || !strings.HasPrefix(out, "OK: "+good+" (host h1, standalone)") {
		t.Errorf("config check good: exit %d, stdout %q, stderr %q; want 0 and OK", code, out, errOut)
	}
	code, out, errOut = runCLI(t, nil, "config", "check", "--config", bad)
	want := bad + ":6: bmc.password_file: " + dir + "/none.pw: no such file\n" + bad + ":8: sensors.intervall: unknown key (known: interval, sysfs, procfs)\n"
	if code != 1 || out != "" || !strings.HasPrefix(errOut, want) {
		t.Errorf("config check bad: exit %d, stdout %q, stderr %q; want 1 and %q", code, out, errOut, want)
	}
	if code, _, errOut = runCLI(t, nil, "config", "check", "--config", good, "extra"); code != 2 {
		t.Errorf("config check extra: exit %d (%q), want 2", code, errOut)
	}
	code, out, _ = runCLI(t, nil, "config", "check", "--json", "--config", bad)
	var got struct {
		OK     bool
		Errors []configProblem
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 1 || got.OK || len(got.Errors) != 2 || got.Errors[1].Line != 8 || got.Errors[1].Key != "sensors.intervall" {
		t.Errorf("config check --json bad: exit %d, %+v (%v) from %q", code, got, err, out)
	}
}
