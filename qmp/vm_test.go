package qmp_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/qmp"
)

// needQEMU skips when QEMU is not installed (CI installs it: test/deps.sh).
func needQEMU(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts QEMU; skipped with -short")
	}
	p, err := exec.LookPath("qemu-system-x86_64")
	if err != nil {
		testenv.Unavailable(t, "qemu-system-x86_64 not installed (test/deps.sh installs it)")
	}
	return p
}

// shortDir returns a directory with a path short enough for unix sockets
// (t.TempDir paths can pass the 108-byte sun_path limit).
func shortDir(t testing.TB) string {
	t.Helper()
	d, err := os.MkdirTemp("", "vq")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

func testSpec(name string) qmp.Spec {
	return qmp.Spec{Name: name, UUID: "6f1c3a52-8a52-4d7e-9f0e-3b1d2c4a5e6f", VCPUs: 1, MemoryMiB: 64}
}

func startVM(t *testing.T, spec qmp.Spec, dir string, incoming bool) *qmp.VM {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	vm, err := qmp.Start(c, spec, qmp.PathsIn(dir), incoming, qmp.Options{})
	if err != nil {
		t.Fatalf("Start(%s): %v", spec.Name, err)
	}
	t.Cleanup(func() {
		c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		vm.Kill(c)
	})
	return vm
}

func TestRealQEMUClient(t *testing.T) {
	needQEMU(t)
	dir := shortDir(t)
	vm := startVM(t, testSpec("client"), dir, false)
	c := dial(t, vm.Paths.QMPAdmin) // the technician's socket, beside the agent's
	if !c.Version().AtLeast(7, 0) {
		t.Errorf("Version = %s", c.Version())
	}
	// query-qmp-schema is ~210 KB: it broke go-qemu's monitor for good.
	var schema []json.RawMessage
	if err := c.Run(ctx(t, 20*time.Second), "query-qmp-schema", nil, &schema); err != nil || len(schema) < 100 {
		t.Fatalf("query-qmp-schema = %d entries, %v", len(schema), err)
	}
	var st qmp.StatusInfo
	if err := c.Run(ctx(t, 5*time.Second), "query-status", nil, &st); err != nil || st.Status == "" {
		t.Fatalf("query-status = %+v, %v", st, err)
	}
	err := c.Run(ctx(t, 5*time.Second), "no-such-command", nil, nil)
	var qe *qmp.Error
	if !errors.As(err, &qe) || qe.Class != qmp.ClassCommandNotFound {
		t.Fatalf("unknown command = %v, want CommandNotFound", err)
	}
	err = c.Run(ctx(t, 5*time.Second), "migrate-set-capabilities", map[string]any{
		"capabilities": []map[string]any{{"capability": "no-such-cap", "state": true}}}, nil)
	if !errors.As(err, &qe) || qe.Class != qmp.ClassGenericError {
		t.Fatalf("bad capability = %v, want GenericError", err)
	}

	// QEMU dies with a command in flight: Run returns ErrClosed, no hang.
	syscall.Kill(vm.PID(), syscall.SIGSTOP)
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx(t, 30*time.Second), "query-status", nil, nil) }()
	time.Sleep(100 * time.Millisecond)
	syscall.Kill(vm.PID(), syscall.SIGKILL)
	select {
	case err := <-done:
		if !errors.Is(err, qmp.ErrClosed) {
			t.Fatalf("Run while QEMU died = %v, want ErrClosed", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run hung after QEMU died")
	}
	select {
	case <-vm.Exited():
	case <-time.After(10 * time.Second):
		t.Fatal("VM.Exited not closed")
	}
	if e := vm.Exit(); e.Reason != "crashed" || e.Signal != "killed" || !e.Crashed() {
		t.Errorf("Exit() = %+v, want crashed by killed", e)
	}
}

func TestRealQEMUStopEscalates(t *testing.T) {
	needQEMU(t)
	dir := shortDir(t)
	vm := startVM(t, testSpec("stopper"), dir, false)
	st, err := vm.Status(ctx(t, 5*time.Second))
	if err != nil || st.Status != "running" {
		t.Fatalf("Status = %+v, %v; want running", st, err)
	}
	// The firmware-only guest ignores ACPI powerdown: Stop must fall back
	// to quit after the deadline.
	start := time.Now()
	if err := vm.Stop(ctx(t, 30*time.Second), 500*time.Millisecond); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if d := time.Since(start); d < 500*time.Millisecond || d > 15*time.Second {
		t.Errorf("Stop took %v, want powerdown deadline then quit", d)
	}
	if e := vm.Exit(); e.Reason != "stopped" || e.ShutdownReason != "host-qmp-quit" || e.Crashed() {
		t.Errorf("Exit() = %+v, want stopped/host-qmp-quit", e)
	}
	if _, err := os.Stat("/proc/" + strconv.Itoa(vm.PID())); err == nil {
		t.Errorf("QEMU pid %d still exists after Stop", vm.PID())
	}
}

func TestRealQEMUAdopt(t *testing.T) {
	needQEMU(t)
	dir := shortDir(t)
	spec := testSpec("adoptee")
	vm := startVM(t, spec, dir, false)
	// The agent "restarts": its connection goes, QEMU stays.
	vm.Close()
	if _, err := qmp.Start(ctx(t, 10*time.Second), spec, qmp.PathsIn(dir), false, qmp.Options{}); !errors.Is(err, qmp.ErrAlreadyRunning) {
		t.Fatalf("second Start = %v, want ErrAlreadyRunning", err)
	}
	other := spec
	other.UUID = "00000000-0000-4000-8000-000000000001"
	if _, err := qmp.Adopt(ctx(t, 5*time.Second), other, qmp.PathsIn(dir), qmp.Options{}); !errors.Is(err, qmp.ErrNotRunning) {
		t.Fatalf("Adopt with another UUID = %v, want ErrNotRunning", err)
	}
	av, err := qmp.Adopt(ctx(t, 10*time.Second), spec, qmp.PathsIn(dir), qmp.Options{})
	if err != nil {
		t.Fatalf("Adopt: %v", err)
	}
	if av.PID() != vm.PID() {
		t.Errorf("adopted pid %d, started pid %d", av.PID(), vm.PID())
	}
	if st, err := av.Status(ctx(t, 5*time.Second)); err != nil || st.Status != "running" {
		t.Fatalf("adopted Status = %+v, %v", st, err)
	}
	// A crash of an adopted (non-child) QEMU is still noticed.
	syscall.Kill(av.PID(), syscall.SIGKILL)
	select {
	case <-av.Exited():
	case <-time.After(10 * time.Second):
		t.Fatal("adopted VM's exit not noticed")
	}
	if e := av.Exit(); e.Reason != "crashed" {
		t.Errorf("adopted Exit() = %+v, want crashed", e)
	}
	if _, err := qmp.Adopt(ctx(t, 5*time.Second), spec, qmp.PathsIn(dir), qmp.Options{}); !errors.Is(err, qmp.ErrNotRunning) {
		t.Errorf("Adopt after exit = %v, want ErrNotRunning", err)
	}
}

func TestRealQEMUBadOption(t *testing.T) {
	needQEMU(t)
	spec := testSpec("broken")
	spec.Extra = []string{"-device", "no-such-device"}
	_, err := qmp.Start(ctx(t, 20*time.Second), spec, qmp.PathsIn(shortDir(t)), false, qmp.Options{})
	if err == nil || !strings.Contains(err.Error(), "no-such-device") {
		t.Fatalf("Start with a bad device = %v, want QEMU's complaint", err)
	}
}
