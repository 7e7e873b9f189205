package planner

import (
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/lease"
)

// TestHoldInState: a VM held after failed starts is held in the committed
// state too (reason, host, until), so every replica shows it; a new leader
// keeps the hold, and placing it again after the hold lifts it.
func TestHoldInState(t *testing.T) {
	b := newBench(t, 2, 1)
	b.placeAll()
	host := b.owner("vm1")
	vm, _ := b.s.VM("vm1")
	for i := range 3 {
		b.now = b.now.Add(time.Second)
		b.p.Renew(ctx, b.now, lease.Request{Holder: host, BootID: b.boots[host], Epoch: b.epochs[host], Seq: 1000 + uint64(i)},
			executor.Report{Host: host, Applied: b.s.Index(), LeaseValid: true, Failures: []executor.StartFailure{{VM: "vm1", Generation: vm.Generation, Err: "could not open disk /nonexistent; qemu log: " + strings.Repeat("x", 2000)}}})
	}
	held, _ := b.s.VM("vm1")
	if h := held.Hold; held.Owner != "" || h == nil || h.Host != host || !strings.Contains(h.Reason, "/nonexistent") || !h.Until.Equal(b.now.Add(10*time.Minute)) {
		t.Fatalf("vm1 after 3 failed starts: owner %q hold %+v, want unplaced and held 10m with the reason\n%s", held.Owner, held.Hold, b.dump())
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
