package vmstest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/vms"
)

func vm(id string, gen uint64) vms.VM {
	return vms.VM{Spec: qmp.Spec{Name: id, VCPUs: 1, MemoryMiB: 64}, Generation: gen}
}

func TestFakeStartMigrateStop(t *testing.T) {
	ctx := context.Background()
	c := NewCluster()
	a, b := c.Host("a"), c.Host("b")
	st, err := a.Start(ctx, vm("vm1", 1))
	if err != nil || st.State != vms.Running || st.Generation != 1 {
		t.Fatalf("Start = %+v, %v; want running at generation 1", st, err)
	}
	if _, err := a.Start(ctx, vm("vm1", 1)); !errors.Is(err, vms.ErrRunning) {
		t.Fatalf("second Start on the same host = %v, want ErrRunning", err)
	}
	if _, err := a.Migrate(ctx, "vm1", "b", 1); !errors.Is(err, vms.ErrStaleGeneration) {
		t.Fatalf("Migrate without a new generation = %v, want ErrStaleGeneration", err)
	}
	res, err := a.Migrate(ctx, "vm1", "b", 2)
	if err != nil || res.Status != "completed" {
		t.Fatalf("Migrate = %+v, %v", res, err)
	}
	if on := c.RunningOn("vm1"); !slices.Equal(on, []string{"b"}) {
		t.Fatalf("RunningOn(vm1) = %v after the migration, want [b]", on)
	}
	if l, _ := b.List(ctx); len(l) != 1 || l[0].Generation != 2 {
		t.Fatalf("b.List = %+v; want vm1 at generation 2", l)
	}
	if l, _ := a.List(ctx); len(l) != 0 {
		t.Fatalf("a.List = %+v; want empty", l)
	}
	if _, err := b.Adopt(ctx, "vm1"); err != nil {
		t.Fatalf("Adopt on b = %v", err)
	}
	if _, err := a.Adopt(ctx, "vm1"); !errors.Is(err, vms.ErrNotRunning) {
		t.Fatalf("Adopt on a = %v, want ErrNotRunning", err)
	}
	if err := b.Stop(ctx, "vm1"); err != nil {
		t.Fatal(err)
	}
	if err := b.Stop(ctx, "vm1"); !errors.Is(err, vms.ErrNotFound) {
		t.Fatalf("second Stop = %v, want ErrNotFound", err)
	}
	if v := c.Violations(); len(v) != 0 {
		t.Fatalf("violations %q", v)
	}
	if got, want := a.Calls(), []string{"start vm1", "start vm1", "migrate vm1", "migrate vm1", "list", "adopt vm1"}; !slices.Equal(got, want) {
		t.Fatalf("a.Calls() = %q, want %q", got, want)
	}
}

func TestFakeFailuresChangeNothing(t *testing.T) {
	ctx := context.Background()
	c := NewCluster()
	a, b := c.Host("a"), c.Host("b")
	if _, err := a.Start(ctx, vm("vm1", 1)); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("link cut")
	a.Fail = func(op, id string) error {
		if op == "migrate" {
			return boom
		}
		return nil
	}
	if _, err := a.Migrate(ctx, "vm1", "b", 2); !errors.Is(err, boom) {
		t.Fatalf("Migrate with an injected failure = %v, want it", err)
	}
	if on := c.RunningOn("vm1"); !slices.Equal(on, []string{"a"}) {
		t.Fatalf("RunningOn(vm1) = %v after a failed migration, want [a]", on)
	}
	a.Fail = nil
	b.PowerOff()
	if _, err := a.Migrate(ctx, "vm1", "b", 2); !errors.Is(err, ErrHostDown) {
		t.Fatalf("Migrate to a host without power = %v, want ErrHostDown", err)
	}
	if _, err := b.List(ctx); !errors.Is(err, ErrHostDown) {
		t.Fatalf("List on a host without power = %v, want ErrHostDown", err)
	}
	b.PowerOn()
	if _, err := a.Start(ctx, vms.VM{Spec: qmp.Spec{Name: "bad name"}, Generation: 1}); !errors.Is(err, qmp.ErrInvalidSpec) {
		t.Fatalf("Start of an invalid spec = %v, want ErrInvalidSpec", err)
	}
	if !a.Crash("vm1") || a.Crash("vm1") {
		t.Fatal("Crash: want true for a running VM, then false")
	}
	if l, _ := a.List(ctx); len(l) != 1 || l[0].State != vms.Exited || l[0].Exit != "crashed" {
		t.Fatalf("List after a crash = %+v; want vm1 exited (crashed)", l)
	}
	if _, err := a.Start(ctx, vm("vm1", 0+1)); err != nil {
		t.Fatalf("restart after a crash: %v", err)
	}
	ctxDone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := a.List(ctxDone); !errors.Is(err, context.Canceled) {
		t.Fatalf("List with a cancelled context = %v", err)
	}
}

// TestFakeRecordsNeverTwice: the fake does what a buggy cluster asks (a
// start on a second host) and records the violation, so a simulation's
// checker can catch it.
func TestFakeRecordsNeverTwice(t *testing.T) {
	ctx := context.Background()
	c := NewCluster()
	if _, err := c.Host("a").Start(ctx, vm("vm1", 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Host("b").Start(ctx, vm("vm1", 2)); err != nil {
		t.Fatal(err)
	}
	if on := c.RunningOn("vm1"); !slices.Equal(on, []string{"a", "b"}) {
		t.Fatalf("RunningOn = %v", on)
	}
	if v := c.Violations(); len(v) != 1 || v[0] != "VM vm1 on [a b] after start on b" {
		t.Fatalf("Violations = %q", v)
	}
	// A powered-off host runs nothing: the copy on a is gone.
	c.Host("a").PowerOff()
	if on := c.RunningOn("vm1"); !slices.Equal(on, []string{"b"}) {
		t.Fatalf("RunningOn after a's power off = %v, want [b]", on)
	}
}
