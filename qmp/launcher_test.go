package qmp_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/qmp"
)

// orphanLauncher starts QEMU the way a service manager would, as far as
// the caller can tell: through a shell that backgrounds it and exits at
// once, so QEMU is not the test's child and only its pidfile names it.
// (The systemd path, qmp.SystemdLauncher, is tested in the booted OS
// image: image/boot_test.go.)
type orphanLauncher struct {
	mu   sync.Mutex
	pids map[string]int
}

func (l *orphanLauncher) Launch(ctx context.Context, vm string, argv []string, logPath string) error {
	cmd := exec.CommandContext(ctx, "sh", append([]string{"-c", `exec 0</dev/null >>"$0" 2>&1; "$@" 3>&- & echo $! >&3`, logPath}, argv...)...)
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	defer r.Close()
	cmd.ExtraFiles = []*os.File{w}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	err = cmd.Run()
	w.Close()
	if err != nil {
		return err
	}
	var out bytes.Buffer
	out.ReadFrom(r)
	pid, err := strconv.Atoi(strings.TrimSpace(out.String()))
	if err != nil {
		return fmt.Errorf("launcher: pid %q: %v", out.String(), err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pids == nil {
		l.pids = map[string]int{}
	}
	l.pids[vm] = pid
	return nil
}

func (l *orphanLauncher) Active(ctx context.Context, vm string) (bool, error) {
	l.mu.Lock()
	pid := l.pids[vm]
	l.mu.Unlock()
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false, nil
	}
	i := bytes.LastIndexByte(stat, ')')
	return i > 0 && i+2 < len(stat) && stat[i+2] != 'Z', nil
}

// TestRealQEMULaunched starts QEMU through a Launcher: the VM is the
// process its pidfile names, not a child of this process; it is watched,
// asked over QMP and stopped as a forked one is.
func TestRealQEMULaunched(t *testing.T) {
	needQEMU(t)
	dir := shortDir(t)
	l := &orphanLauncher{}
	vm, err := qmp.Start(ctx(t, 30*time.Second), testSpec("launched"), qmp.PathsIn(dir), false, qmp.Options{Launcher: l})
	if err != nil {
		t.Fatalf("Start through a launcher: %v", err)
	}
	t.Cleanup(func() { vm.Kill(ctx(t, 10*time.Second)) })
	if want := l.pids["launched"]; vm.PID() != want {
		t.Errorf("PID() = %d, want the launched process %d", vm.PID(), want)
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(vm.PID()) + "/stat")
	if err != nil {
		t.Fatal(err)
	}
	if f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+2:])); len(f) < 2 || f[1] == strconv.Itoa(os.Getpid()) {
		t.Errorf("QEMU's parent is this process (stat %q): want it outside our tree", stat)
	}
	if st, err := vm.Status(ctx(t, 5*time.Second)); err != nil || st.Status != "running" {
		t.Fatalf("Status = %+v, %v", st, err)
	}
	if err := vm.Stop(ctx(t, 30*time.Second), 0); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	select {
	case <-vm.Exited():
	case <-time.After(10 * time.Second):
		t.Fatal("the launched VM's exit was not noticed")
	}
	if e := vm.Exit(); e.Reason != "stopped" {
		t.Errorf("Exit() = %+v, want stopped", e)
	}
}

// TestRealQEMULaunchedFails: a launched QEMU that refuses its command line
// is reported with its complaint, not after the caller's whole deadline.
func TestRealQEMULaunchedFails(t *testing.T) {
	needQEMU(t)
	spec := testSpec("broken-launched")
	spec.Extra = []string{"-device", "no-such-device"}
	start := time.Now()
	_, err := qmp.Start(ctx(t, 60*time.Second), spec, qmp.PathsIn(shortDir(t)), false, qmp.Options{Launcher: &orphanLauncher{}})
	if err == nil || !strings.Contains(err.Error(), "no-such-device") {
		t.Fatalf("Start with a bad device = %v, want QEMU's complaint", err)
	}
	if d := time.Since(start); d > 45*time.Second {
		t.Errorf("the failure took %s: noticed only at the deadline", d)
	}
}

func TestUnitName(t *testing.T) {
	for name, want := range map[string]string{
		"web-1":     "vigil-vm-web-1.service",
		"db_2.prod": "vigil-vm-db_2.prod.service",
		"a/b c":     `vigil-vm-a-b\x20c.service`,
	} {
		if got := qmp.UnitName(name); got != want {
			t.Errorf("UnitName(%q) = %q, want %q", name, got, want)
		}
	}
}
