package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/qmp/qmptest"
)

func TestQMPStatusFake(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "q.sock")
	srv, err := qmptest.NewServer(sock, func(cmd string, _ json.RawMessage) (any, error) {
		switch cmd {
		case "query-status":
			return map[string]any{"status": "running", "running": true}, nil
		case "query-name":
			return map[string]any{"name": "vm1"}, nil
		case "query-block":
			return []any{map[string]any{"device": "drive0", "inserted": map[string]any{"file": "/shared/vm1.img"}}}, nil
		case "query-migrate":
			return map[string]any{}, nil
		}
		return nil, &qmp.Error{Class: qmp.ClassCommandNotFound, Desc: "The command " + cmd + " has not been found"}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	code, out, errOut := runCLI(t, nil, "qmp", "status", "--socket", sock, "--json")
	if code != 0 {
		t.Fatalf("qmp status exit %d, stderr %q", code, errOut)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("qmp status --json output %q: %v", out, err)
	}
	if m["status"] != "running" || m["running"] != true || m["name"] != "vm1" || m["qemu_version"] != "7.2.22" {
		t.Errorf("qmp status --json = %v", m)
	}
	if b, _ := m["block_devices"].([]any); len(b) != 1 || b[0] != "drive0=/shared/vm1.img" {
		t.Errorf("block_devices = %v", m["block_devices"])
	}
}

func TestQMPUsage(t *testing.T) {
	for _, args := range [][]string{
		{"qmp", "status"},
		{"qmp", "migrate", "--socket", "a", "--target-socket", "b"},
		{"qmp", "migrate", "--socket", "a", "--target-socket", "b", "--uri", "tcp:1.2.3.4:5", "--downtime-ms", "0"},
		{"qmp", "frob"},
	} {
		if code, _, errOut := runCLI(t, nil, args...); code != 2 {
			t.Errorf("vigil %v exit %d (stderr %q), want 2", args, code, errOut)
		}
	}
	code, _, errOut := runCLI(t, nil, "qmp", "status", "--socket", filepath.Join(t.TempDir(), "none.sock"))
	if code != 1 || !strings.Contains(errOut, "none.sock") {
		t.Errorf("qmp status on a missing socket: exit %d, stderr %q; want 1 naming the socket", code, errOut)
	}
}

// TestQMPMigrateRealQEMU migrates between two local QEMUs (firmware only,
// no guest kernel) through the CLI, as a technician would.
func TestQMPMigrateRealQEMU(t *testing.T) {
	if testing.Short() {
		t.Skip("starts QEMU")
	}
	if _, err := exec.LookPath("qemu-system-x86_64"); err != nil {
		testenv.Unavailable(t, "qemu-system-x86_64 not installed (test/deps.sh)")
	}
	dir, err := os.MkdirTemp("", "vqc")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	spec := qmp.Spec{Name: "clivm", VCPUs: 1, MemoryMiB: 64}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	src, err := qmp.Start(ctx, spec, qmp.PathsIn(filepath.Join(dir, "s")), false, qmp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Kill(context.Background())
	dst, err := qmp.Start(ctx, spec, qmp.PathsIn(filepath.Join(dir, "d")), true, qmp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Kill(context.Background())
	port := 20000 + os.Getpid()%20000
	code, out, errOut := runCLI(t, nil, "qmp", "migrate", "--socket", src.Paths.QMPAdmin, "--target-socket", dst.Paths.QMPAdmin,
		"--uri", fmt.Sprintf("tcp:127.0.0.1:%d", port), "--json")
	if code != 0 {
		t.Fatalf("qmp migrate exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("qmp migrate --json output %q: %v", out, err)
	}
	for _, k := range []string{"status", "total_ms", "downtime_ms", "transferred_bytes", "throughput_mbps", "setup_ms"} {
		if _, ok := res[k]; !ok {
			t.Errorf("qmp migrate --json lacks %q: %v", k, res)
		}
	}
	if res["status"] != "completed" {
		t.Errorf("status = %v", res["status"])
	}
	select {
	case <-src.Exited():
	case <-time.After(10 * time.Second):
		t.Fatal("source QEMU still running after a completed migration")
	}
	if st, err := dst.Status(ctx); err != nil || st.Status != "running" {
		t.Errorf("target status = %+v, %v; want running", st, err)
	}
}
