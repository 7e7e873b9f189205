package executor

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/vms/vmstest"
)

var (
	ctx = context.Background()
	t0  = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
)

// lease is a fake Lease.
type lease struct {
	valid bool
	index uint64
}

func (l lease) Valid(time.Time) bool { return l.valid }
func (l lease) Index() uint64        { return l.index }

// world is a state with hosts h1 and h2 and a runner cluster.
type world struct {
	t   *testing.T
	s   *state.State
	idx uint64
	c   *vmstest.Cluster
}

func newWorld(t *testing.T, vms ...string) *world {
	w := &world{t: t, s: state.New(), c: vmstest.NewCluster()}
	for i, h := range []string{"h1", "h2"} {
		w.apply(&state.RegisterHost{Name: h, Addresses: state.Addresses{Management: fmt.Sprintf("10.0.0.%d", i+1)}, BootID: "b1", Capacity: state.Capacity{MemoryMiB: 8192, VCPUs: 8}})
	}
	for i, name := range vms {
		w.apply(&state.CreateVM{Desired: state.Running, Spec: state.VMSpec{Name: name, VCPUs: 1, MemoryMiB: 512,
			NICs: []state.NIC{{MAC: fmt.Sprintf("52:54:00:00:00:%02x", i+1), Bridge: "vbr0", VLAN: 10}}, HA: state.HA{RTO: time.Minute}}})
	}
	return w
}

func (w *world) apply(cmd state.Command) state.Result {
	w.t.Helper()
	w.idx++
	res, err := w.s.ApplyCommand(w.idx, cmd)
	if err != nil {
		w.t.Fatalf("apply %T: %v", cmd, err)
	}
	return res
}

func (w *world) place(vm, owner string) uint64 {
	w.t.Helper()
	cur, _ := w.s.VM(vm)
	return w.apply(&state.Place{Placements: []state.Placement{{VM: vm, Generation: cur.Generation, Owner: owner}}}).Generations[0]
}

func (w *world) exec(host string) *Executor {
	w.t.Helper()
	e, err := New(Config{Host: host, Runner: w.c.Host(host)})
	if err != nil {
		w.t.Fatal(err)
	}
	return e
}

func running(rep Report) []string {
	var out []string
	for _, r := range rep.Running {
		out = append(out, fmt.Sprintf("%s@%d", r.VM, r.Generation))
	}
	return out
}

func TestReconcile(t *testing.T) {
	w := newWorld(t, "web", "db")
	g := w.place("web", "h1")
	w.place("db", "h2")
	e := w.exec("h1")
	valid := lease{valid: true, index: w.s.Index()}

	// No lease: nothing starts.
	rep, err := e.Reconcile(ctx, t0, w.s, lease{})
	if err != nil || len(rep.Running) != 0 || rep.LeaseValid {
		t.Fatalf("without a lease: %v, %v; want nothing running", running(rep), err)
	}
	// A replica older than the lease's index: nothing starts.
	rep, _ = e.Reconcile(ctx, t0, w.s, lease{valid: true, index: w.s.Index() + 1})
	if len(rep.Running) != 0 {
		t.Fatalf("from a stale replica: %v; want nothing started", running(rep))
	}
	// Lease and fresh replica: the owned VM starts under its generation,
	// the other host's does not.
	rep, err = e.Reconcile(ctx, t0, w.s, valid)
	if want := []string{fmt.Sprintf("web@%d", g)}; err != nil || !slices.Equal(running(rep), want) {
		t.Fatalf("Reconcile = %v, %v; want %v", running(rep), err, want)
	}
	if rep.Applied != w.s.Index() || !rep.LeaseValid || rep.Host != "h1" {
		t.Errorf("report %+v", rep)
	}
	// Moved elsewhere at a newer generation: stopped.
	w.place("web", "h2")
	rep, _ = e.Reconcile(ctx, t0, w.s, lease{valid: true, index: w.s.Index()})
	if len(rep.Running) != 0 || len(w.c.RunningOn("web")) != 0 {
		t.Fatalf("after the move: h1 runs %v, web on %v; want it stopped", running(rep), w.c.RunningOn("web"))
	}
	// Back here, then the lease lapses: everything stops.
	w.place("web", "h1")
	e.Reconcile(ctx, t0, w.s, lease{valid: true, index: w.s.Index()})
	if on := w.c.RunningOn("web"); !slices.Equal(on, []string{"h1"}) {
		t.Fatalf("web on %v, want h1", on)
	}
	rep, _ = e.Reconcile(ctx, t0, w.s, lease{valid: false, index: w.s.Index()})
	if len(rep.Running) != 0 || len(w.c.RunningOn("web")) != 0 {
		t.Fatalf("lease lapsed: still running %v", running(rep))
	}
	if v := w.c.Violations(); len(v) != 0 {
		t.Fatalf("never twice: %v", v)
	}
}

// TestDesiredStopped: a VM the state wants stopped is stopped and not
// started.
func TestDesiredStopped(t *testing.T) {
	w := newWorld(t, "web")
	w.place("web", "h1")
	e := w.exec("h1")
	e.Reconcile(ctx, t0, w.s, lease{valid: true, index: w.s.Index()})
	vm, _ := w.s.VM("web")
	w.apply(&state.UpdateVM{Spec: vm.Spec, Desired: state.Stopped})
	rep, _ := e.Reconcile(ctx, t0, w.s, lease{valid: true, index: w.s.Index()})
	if len(rep.Running) != 0 {
		t.Fatalf("running %v, want web stopped", running(rep))
	}
}

// TestStartFailureRetry: a failed start is reported once and retried only
// after RetryAfter.
func TestStartFailureRetry(t *testing.T) {
	w := newWorld(t, "web")
	w.place("web", "h1")
	h := w.c.Host("h1")
	fail := true
	h.Fail = func(op, id string) error {
		if op == "start" && fail {
			return errors.New("qemu exited")
		}
		return nil
	}
	e := w.exec("h1")
	l := lease{valid: true, index: w.s.Index()}
	rep, err := e.Reconcile(ctx, t0, w.s, l)
	if err == nil || len(rep.Failures) != 1 || !strings.Contains(rep.Failures[0].Err, "qemu exited") || rep.Failures[0].Generation != 1 {
		t.Fatalf("Reconcile = %+v, %v; want one failure at generation 1", rep.Failures, err)
	}
	fail = false
	rep, _ = e.Reconcile(ctx, t0.Add(500*time.Millisecond), w.s, l)
	if len(rep.Running) != 0 || len(rep.Failures) != 0 {
		t.Fatalf("before RetryAfter: running %v failures %v; want neither", running(rep), rep.Failures)
	}
	rep, _ = e.Reconcile(ctx, t0.Add(time.Second), w.s, l)
	if len(rep.Running) != 1 {
		t.Fatalf("after RetryAfter: running %v, want web", running(rep))
	}
}

// TestMigrate: the source migrates only what it owns at the order's
// generation, then neither stops the arrived VM on the target nor starts
// it again here until the handover is committed; the target keeps a VM
// running under a generation its replica does not know yet.
func TestMigrate(t *testing.T) {
	w := newWorld(t, "web")
	g := w.place("web", "h1")
	src, dst := w.exec("h1"), w.exec("h2")
	l := lease{valid: true, index: w.s.Index()}
	src.Reconcile(ctx, t0, w.s, l)

	bad := []struct {
		name string
		o    MigrateOrder
		l    lease
	}{
		{"wrong generation", MigrateOrder{VM: "web", Source: "h1", Target: "h2", Generation: g + 1}, l},
		{"wrong source", MigrateOrder{VM: "web", Source: "h2", Target: "h1", Generation: g}, l},
		{"no lease", MigrateOrder{VM: "web", Source: "h1", Target: "h2", Generation: g}, lease{index: l.index}},
		{"replica behind the order", MigrateOrder{VM: "web", Source: "h1", Target: "h2", Generation: g, Index: l.index + 1}, l},
	}
	for _, c := range bad {
		if res := src.Migrate(ctx, t0, c.o, w.s, c.l); res.Err == "" {
			t.Errorf("%s: Migrate succeeded", c.name)
		}
	}
	if on := w.c.RunningOn("web"); !slices.Equal(on, []string{"h1"}) {
		t.Fatalf("after refused orders web runs on %v, want h1", on)
	}
	o := MigrateOrder{VM: "web", Source: "h1", Target: "h2", Generation: g, Index: l.index}
	if res := src.Migrate(ctx, t0, o, w.s, l); res.Err != "" {
		t.Fatalf("Migrate: %s", res.Err)
	}
	// Handover not committed: the source must not restart it, the target
	// must not stop it.
	rs, _ := src.Reconcile(ctx, t0, w.s, l)
	rd, _ := dst.Reconcile(ctx, t0, w.s, l)
	if len(rs.Running) != 0 || !slices.Equal(running(rd), []string{fmt.Sprintf("web@%d", g+1)}) {
		t.Fatalf("before the commit: source runs %v, target %v; want nothing and web@%d", running(rs), running(rd), g+1)
	}
	if len(rs.Released) != 1 || rs.Released[0] != (Released{VM: "web", Generation: g, Target: "h2"}) {
		t.Fatalf("source reports released %+v", rs.Released)
	}
	// Committed: the source forgets it, the target owns it.
	w.place("web", "h2")
	l.index = w.s.Index()
	rs, _ = src.Reconcile(ctx, t0, w.s, l)
	rd, _ = dst.Reconcile(ctx, t0, w.s, l)
	if len(rs.Running) != 0 || len(rs.Released) != 0 || len(rd.Running) != 1 {
		t.Fatalf("after the commit: source %v released %v, target %v", running(rs), rs.Released, running(rd))
	}
	if v := w.c.Violations(); len(v) != 0 {
		t.Fatalf("never twice: %v", v)
	}
}

// TestSettledSkipsWork: with nothing changed, a reconcile does no work
// (and reports the same); a change in any input is seen.
func TestSettledSkipsWork(t *testing.T) {
	w := newWorld(t, "web")
	w.place("web", "h1")
	e := w.exec("h1")
	l := lease{valid: true, index: w.s.Index()}
	first, _ := e.Reconcile(ctx, t0, w.s, l)
	second, _ := e.Reconcile(ctx, t0, w.s, l)
	if !slices.Equal(running(first), running(second)) || !e.settled {
		t.Fatalf("second reconcile %v, settled %v", running(second), e.settled)
	}
	w.c.Host("h1").Crash("web")
	rep, _ := e.Reconcile(ctx, t0, w.s, l)
	if len(rep.Running) != 1 || len(w.c.RunningOn("web")) != 1 {
		t.Fatalf("a crashed VM was not restarted: %v", running(rep))
	}
}

func TestBuildVM(t *testing.T) {
	vm := state.VM{Generation: 3, Spec: state.VMSpec{Name: "web", VCPUs: 2, MemoryMiB: 1024,
		Disks: []state.Disk{{Path: "/shared/web.qcow2", Format: "qcow2"}},
		NICs:  []state.NIC{{MAC: "52:54:00:00:00:01", Bridge: "vbr0", VLAN: 100}}}}
	out, err := BuildVM(vm)
	if err != nil {
		t.Fatal(err)
	}
	if out.Generation != 3 || out.Spec.Name != "web" || len(out.Taps) != 1 || out.Taps[0].Bridge != "vbr0" || out.Taps[0].VLAN != 100 || out.Spec.NICs[0].Tap != out.Taps[0].Name {
		t.Errorf("BuildVM = %+v", out)
	}
	if n := TapName("a-very-long-vm-name-indeed", 63); len(n) > 15 {
		t.Errorf("TapName = %q, longer than 15 bytes", n)
	}
	vm.Spec.MemoryMiB = 1 // below QEMU's minimum
	if _, err := BuildVM(vm); err == nil || !strings.Contains(err.Error(), "web") {
		t.Errorf("BuildVM of a bad spec = %v, want an error naming the VM", err)
	}
}

// TestReleaseSurvivesRestart: a source that migrated a VM away and
// restarts (agent restart or reboot) before the handover is committed does
// not start it again from its replica, which still places it there. With
// its memory lost, it would: the VM would run twice.
func TestReleaseSurvivesRestart(t *testing.T) {
	for _, keep := range []bool{true, false} {
		t.Run(fmt.Sprintf("memory kept=%v", keep), func(t *testing.T) {
			w := newWorld(t, "web")
			g := w.place("web", "h1")
			w.c.Host("h2") // the target exists
			mem := memMemory{}
			src, err := New(Config{Host: "h1", Runner: w.c.Host("h1"), Memory: mem})
			if err != nil {
				t.Fatal(err)
			}
			l := lease{valid: true, index: w.s.Index()}
			src.Reconcile(ctx, t0, w.s, l)
			if res := src.Migrate(ctx, t0, MigrateOrder{VM: "web", Source: "h1", Target: "h2", Generation: g}, w.s, l); res.Err != "" {
				t.Fatal(res.Err)
			}
			// The source reboots: its QEMUs die, its agent starts afresh.
			w.c.Host("h1").PowerOff()
			w.c.Host("h1").PowerOn()
			if !keep {
				mem = memMemory{}
			}
			again, err := New(Config{Host: "h1", Runner: w.c.Host("h1"), Memory: mem})
			if err != nil {
				t.Fatal(err)
			}
			again.Reconcile(ctx, t0, w.s, l)
			twice := len(w.c.Violations()) > 0
			if keep && twice {
				t.Fatalf("with its memory kept, the restarted source started web again: %v", w.c.Violations())
			}
			if !keep && !twice {
				t.Fatal("with its memory lost, the restarted source did not start web: the test shows nothing")
			}
		})
	}
}

// TestMigrateFailureForgetsRelease: a migration that failed (the VM still
// runs here, only here) leaves no release behind.
func TestMigrateFailureForgetsRelease(t *testing.T) {
	w := newWorld(t, "web")
	g := w.place("web", "h1")
	mem := memMemory{}
	e, _ := New(Config{Host: "h1", Runner: w.c.Host("h1"), Memory: mem})
	l := lease{valid: true, index: w.s.Index()}
	e.Reconcile(ctx, t0, w.s, l)
	w.c.Host("h2").PowerOff()
	if res := e.Migrate(ctx, t0, MigrateOrder{VM: "web", Source: "h1", Target: "h2", Generation: g}, w.s, l); res.Err == "" {
		t.Fatal("migration to a host without power succeeded")
	}
	if rel, _ := mem.Released(); len(rel) != 0 {
		t.Fatalf("released after a failed migration: %+v", rel)
	}
	if on := w.c.RunningOn("web"); !slices.Equal(on, []string{"h1"}) {
		t.Fatalf("web on %v, want h1", on)
	}
}
