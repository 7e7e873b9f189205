package qmp_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/qmp"
)

// systemdPhase names what TestSystemdUnit does: "start" or "adopt". It
// runs only where systemd is PID 1: image/boot_test.go runs it in the booted
// OS image, inside vigil.service's own sandbox (a runtime drop-in's
// ExecStartPre=), once to start a VM and once, after the agent's unit was
// restarted, to adopt it.
const systemdPhase = "VIGIL_QMP_SYSTEMD_PHASE"

// TestSystemdUnit starts a VM through SystemdLauncher (phase start) or
// adopts the one a previous run started (phase adopt), and checks that its
// QEMU runs in vigil-vm-NAME.service in machine.slice, not in the cgroup
// of the process that asked for it.
func TestSystemdUnit(t *testing.T) {
	phase := os.Getenv(systemdPhase)
	if phase == "" {
		t.Skip(systemdPhase + " unset: runs in the booted OS image (image/boot_test.go)")
	}
	if !qmp.SystemdBooted() {
		testenv.Unavailable(t, "systemd is not this machine's init")
	}
	dir := os.Getenv("VIGIL_QMP_SYSTEMD_DIR")
	if dir == "" {
		t.Fatal("VIGIL_QMP_SYSTEMD_DIR unset")
	}
	spec := qmp.Spec{Name: "unit-test", UUID: "6f1c3a52-8a52-4d7e-9f0e-3b1d2c4a5e70", VCPUs: 1, MemoryMiB: 16}
	paths := qmp.PathsIn(dir)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var vm *qmp.VM
	var err error
	switch phase {
	case "start":
		l, lerr := qmp.NewSystemdLauncher(ctx)
		if lerr != nil {
			t.Fatal(lerr)
		}
		defer l.Close()
		vm, err = qmp.Start(ctx, spec, paths, false, qmp.Options{Launcher: l})
	case "adopt":
		vm, err = qmp.Adopt(ctx, spec, paths, qmp.Options{})
	default:
		t.Fatalf("%s=%q: want start or adopt", systemdPhase, phase)
	}
	if err != nil {
		t.Fatalf("%s: %v", phase, err)
	}
	// The agent goes; the VM stays.
	defer vm.Close()
	cg, err := os.ReadFile("/proc/" + strconv.Itoa(vm.PID()) + "/cgroup")
	if err != nil {
		t.Fatal(err)
	}
	want := "/machine.slice/" + qmp.UnitName(spec.Name)
	if !strings.Contains(string(cg), want) {
		t.Errorf("QEMU (pid %d) cgroup %q: want %s", vm.PID(), strings.TrimSpace(string(cg)), want)
	}
	own, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(own)) == strings.TrimSpace(string(cg)) {
		t.Errorf("QEMU shares this process's cgroup %q", strings.TrimSpace(string(own)))
	}
	st, err := vm.Status(ctx)
	if err != nil || st.Status == "" {
		t.Fatalf("query-status: %+v, %v", st, err)
	}
	t.Logf("%s: QEMU pid %d in %s, %s", phase, vm.PID(), strings.TrimSpace(string(cg)), st.Status)
}
