package planner

import (
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/lease"
	"github.com/vigil-ha/vigil/cluster/state"
)

// failStarts has host report n failed starts of vm, a second apart,
// while the hosts in others renew.
func (b *bench) failStarts(host, vm string, n int, err string, others ...string) {
	b.t.Helper()
	v, _ := b.s.VM(vm)
	for range n {
		b.now = b.now.Add(time.Second)
		b.renew(others...)
		b.seq++
		b.p.Renew(ctx, b.now, lease.Request{Holder: host, BootID: b.boots[host], Epoch: b.epochs[host], Seq: b.seq},
			executor.Report{Host: host, Applied: b.s.Index(), LeaseValid: true, Failures: []executor.StartFailure{{VM: vm, Generation: v.Generation, Err: err}}})
	}
}

// TestHostFaultNotHeld: a VM that fails to start on one host only (its
// state disk full: chaos seed 90642234112) is not held cluster-wide while
// another host can run it: it is taken from that host, placed on another,
// and kept off the failing host until HoldFor has passed.
func TestHostFaultNotHeld(t *testing.T) {
	b := newBench(t, 3, 1)
	b.placeAll()
	bad := b.owner("vm1")
	b.failStarts(bad, "vm1", 3, "write intent: no space left on device")
	b.step(5*time.Second, b.hosts...)
	v, _ := b.s.VM("vm1")
	if v.Hold != nil || v.Owner == "" || v.Owner == bad {
		t.Fatalf("vm1 after 3 failed starts on %s alone: owner %q hold %+v, want placed on another host, not held\n%s", bad, v.Owner, v.Hold, b.dump())
	}
	// Its new host is lost: vm1 does not go back to the host it failed on
	// while another can take it.
	second := v.Owner
	var live []string
	for _, h := range b.hosts {
		if h != second {
			live = append(live, h)
		}
	}
	b.step(2*time.Second, live...)
	b.failStarts(second, "vm1", 3, "qemu: no such file")
	b.step(5*time.Second, live...)
	if v, _ := b.s.VM("vm1"); v.Owner == bad {
		t.Fatalf("vm1 went back to %s, where it failed to start:\n%s", bad, b.dump())
	}
}

// TestHoldInState: a VM that failed to start on two hosts is held in the
// committed state (reason, host, until), so every replica shows it; a new
// leader keeps the hold, and places it again after the hold lifts.
func TestHoldInState(t *testing.T) {
	b := newBench(t, 2, 1)
	b.placeAll()
	first := b.owner("vm1")
	b.failStarts(first, "vm1", 3, "could not open disk /nonexistent")
	b.step(3*time.Second, b.hosts...)
	host := b.owner("vm1")
	if host == "" || host == first {
		t.Fatalf("vm1 after 3 failed starts on %s: owner %q, want the other host\n%s", first, host, b.dump())
	}
	b.failStarts(host, "vm1", 3, "could not open disk /nonexistent; qemu log: "+strings.Repeat("x", 2000))
	held, _ := b.s.VM("vm1")
	if h := held.Hold; held.Owner != "" || h == nil || h.Host != host || !strings.Contains(h.Reason, "/nonexistent") || !h.Until.Equal(b.now.Add(10*time.Minute)) {
		t.Fatalf("vm1 after 3 failed starts on each host: owner %q hold %+v, want unplaced and held 10m with the reason\n%s", held.Owner, held.Hold, b.dump())
	}
	if len(held.Hold.Reason) > maxHoldReason {
		t.Errorf("hold reason of %d bytes, want at most %d", len(held.Hold.Reason), maxHoldReason)
	}
	// A new leader keeps the hold.
	p2, err := New(b.p.cfg, b.s, b, b, b)
	if err != nil {
		t.Fatal(err)
	}
	b.p = p2
	p2.Start(b.now)
	b.step(time.Minute, b.hosts...)
	if o := b.owner("vm1"); o != "" {
		t.Fatalf("the new leader placed vm1 on %s during its hold", o)
	}
	b.step(10*time.Minute, b.hosts...)
	if v, _ := b.s.VM("vm1"); v.Owner == "" || v.Hold != nil {
		t.Fatalf("after the hold: owner %q hold %+v, want placed, hold lifted", v.Owner, v.Hold)
	}
}

// TestHoldNoOtherHost: failed starts on the only host that could run the
// VM hold it cluster-wide, as before.
func TestHoldNoOtherHost(t *testing.T) {
	b := newBench(t, 2, 1)
	b.placeAll()
	host := b.owner("vm1")
	var other string
	for _, h := range b.hosts {
		if h != host {
			other = h
		}
	}
	b.must(&state.SetHostState{Host: other, State: state.Maintenance})
	b.failStarts(host, "vm1", 3, "qemu: no such file")
	if v, _ := b.s.VM("vm1"); v.Hold == nil || v.Owner != "" {
		t.Fatalf("vm1 after 3 failed starts with no other host: owner %q hold %+v, want held\n%s", v.Owner, v.Hold, b.dump())
	}
}
