package planner

import (
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/fencing/fencingtest"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/store/storetest"
)

// TestFenceManager runs the planner's fences through a real
// fencing.Manager against the fake BMC: confirmed off; an unreachable BMC
// reported as such; and no power command at all while the state still
// shows the host owning VMs.
func TestFenceManager(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	bmc := fencingtest.NewFake("10.1.0.2")
	st := storetest.Open(t, store.Options{NoSync: true})
	m, err := fencing.NewManager(fencing.Config{Self: "h1", ClusterSize: func() int { return 3 }, MaxShare: 1, Store: st, Revoker: StateRevoker{View: b.s},
		Confirm: fencing.Confirm{FirstPoll: time.Millisecond, MaxPoll: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan FenceOutcome, 1)
	type sentFence struct {
		target string
		id     uint64
	}
	sent := make(chan sentFence, 8)
	fm := &FenceManager{Manager: m, Done: func(o FenceOutcome) { done <- o }, Timeout: 10 * time.Second,
		Sent: func(target string, id uint64) { sent <- sentFence{target, id} },
		Levels: func(host string) (fencing.HostLevels, bool) {
			return fencing.HostLevels{Host: host, Levels: []fencing.Level{bmc.Level("ipmi", 5*time.Second, 0)}}, host == "h2"
		}}
	wait := func() FenceOutcome {
		select {
		case o := <-done:
			return o
		case <-time.After(30 * time.Second):
			t.Fatal("no fence outcome within 30 s")
			return FenceOutcome{}
		}
	}

	// Still owning VMs: the revoker refuses, no command reaches the BMC.
	fm.Fence("h2", 1)
	if o := wait(); o.Confirmed || bmc.Count("set off") != 0 {
		t.Fatalf("fence of a host still owning VMs: %+v, BMC calls %v", o, bmc.Calls())
	}
	// Revoked and fencing: confirmed off.
	vms := b.s.VMsOn("h2")
	pl := make([]state.Placement, len(vms))
	for i, vm := range vms {
		pl[i] = state.Placement{VM: vm.Spec.Name, Generation: vm.Generation}
	}
	b.must(&state.Place{Placements: pl})
	b.must(&state.SetHostState{Host: "h2", State: state.Fencing})
	fm.Fence("h2", 2)
	if o := wait(); !o.Confirmed || o.FenceID != 2 || o.Target != "h2" || bmc.IsOn() {
		t.Fatalf("fence: %+v, BMC on %v", o, bmc.IsOn())
	}
	select {
	case s := <-sent:
		if s != (sentFence{"h2", 2}) {
			t.Fatalf("told of an accepted off command for %+v, want h2 fence 2", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Sent never heard of fence 2's accepted off command")
	}
	// BMC unreachable.
	bmc.SetPower(true)
	bmc.PowerErr = func() error { return fencing.ErrUnreachable }
	bmc.SetErr = func(fencing.Action) error { return fencing.ErrUnreachable }
	fm.Fence("h2", 3)
	if o := wait(); o.Confirmed || !o.Unreachable {
		t.Fatalf("unreachable BMC: %+v", o)
	}
	// No levels.
	fm.Fence("h3", 4)
	if o := wait(); o.Confirmed || o.Detail == "" {
		t.Fatalf("no levels: %+v", o)
	}
	// Only fence 2's command reached the BMC.
	select {
	case s := <-sent:
		t.Fatalf("told of a command that never reached the BMC: %+v", s)
	case <-time.After(200 * time.Millisecond):
	}
}

func TestStateRevoker(t *testing.T) {
	b := newBench(t, 2, 1)
	b.placeAll()
	r := StateRevoker{View: b.s}
	owner := b.owner("vm1")
	if err := r.Revoke(ctx, owner); err == nil {
		t.Fatal("Revoke of a healthy host owning a VM succeeded")
	}
	if err := r.Revoke(ctx, "nosuch"); err == nil {
		t.Fatal("Revoke of an unknown host succeeded")
	}
	vm, _ := b.s.VM("vm1")
	b.must(&state.Place{Placements: []state.Placement{{VM: "vm1", Generation: vm.Generation}}})
	if err := r.Revoke(ctx, owner); err == nil {
		t.Fatal("Revoke of a host not set fencing succeeded")
	}
	b.must(&state.SetHostState{Host: owner, State: state.Fencing})
	if err := r.Revoke(ctx, owner); err != nil {
		t.Fatalf("Revoke of a revoked, fencing host: %v", err)
	}
}

// TestFenceManagerCancel: a cancelled fence sends no power command after
// Cancel, and reports itself not confirmed.
func TestFenceManagerCancel(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	vms := b.s.VMsOn("h2")
	pl := make([]state.Placement, len(vms))
	for i, vm := range vms {
		pl[i] = state.Placement{VM: vm.Spec.Name, Generation: vm.Generation}
	}
	b.must(&state.Place{Placements: pl})
	b.must(&state.SetHostState{Host: "h2", State: state.Fencing})
	bmc := fencingtest.NewFake("10.1.0.2")
	asked, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	// The off command waits for the test before the BMC takes it (a slow
	// session set-up).
	bmc.SetErr = func(fencing.Action) error {
		once.Do(func() { close(asked); <-release })
		return nil
	}
	st := storetest.Open(t, store.Options{NoSync: true})
	m, err := fencing.NewManager(fencing.Config{Self: "h1", ClusterSize: func() int { return 3 }, MaxShare: 1, Store: st, Revoker: StateRevoker{View: b.s},
		Confirm: fencing.Confirm{FirstPoll: time.Millisecond, MaxPoll: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan FenceOutcome, 1)
	type sentFence struct {
		target string
		id     uint64
	}
	sent := make(chan sentFence, 8)
	fm := &FenceManager{Manager: m, Done: func(o FenceOutcome) { done <- o }, Timeout: 10 * time.Second,
		Sent: func(target string, id uint64) { sent <- sentFence{target, id} },
		Levels: func(host string) (fencing.HostLevels, bool) {
			return fencing.HostLevels{Host: host, Levels: []fencing.Level{bmc.Level("ipmi", 5*time.Second, 0)}}, true
		}}
	fm.Fence("h2", 7)
	select {
	case <-asked:
	case <-time.After(30 * time.Second):
		t.Fatalf("the fence never reached the BMC: %v", bmc.Calls())
	}
	fm.Cancel("h2", 7)
	close(release)
	var o FenceOutcome
	select {
	case o = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("no outcome within 30 s")
	}
	if o.Confirmed || !bmc.IsOn() {
		t.Fatalf("cancelled fence: %+v, BMC calls %v, on %v; want no off command", o, bmc.Calls(), bmc.IsOn())
	}
}
