package clusterhost

import (
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/state"
)

// TestStatusDuringTick: while the leader's tick holds lead.mu (as one
// waiting on raft does, up to 10 s), hostView, the VMs' run state and the
// metrics' reports answer at once from what the leader last published,
// not from what it changes under the lock meanwhile.
func TestStatusDuringTick(t *testing.T) {
	h := &Host{name: "h1"}
	h.lead.init()
	l := &h.lead
	l.p = &planner.Planner{} // leads
	heard := time.Now().Add(-300 * time.Millisecond)
	l.lastRenew["h2"] = heard
	l.health["h2"] = planner.Health{Host: "h2", Imminent: true}
	l.reports["h2"] = executor.Report{Host: "h2", Running: []executor.Running{{VM: "vm1", Generation: 3}}}
	l.publish("h2")

	l.mu.Lock()                                   // a tick waiting on raft
	l.health["h2"] = planner.Health{Host: "h2"}   // not published yet
	l.reports["h2"] = executor.Report{Host: "h2"} // not published yet

	type reads struct {
		host    localapi.HostStatus
		vm      string
		running int
	}
	done := make(chan reads, 1)
	go func() {
		now := time.Now()
		done <- reads{
			host:    h.hostView(state.Host{Name: "h2", State: state.Healthy}, 1, now),
			vm:      h.vmView(vmOn("vm1", "h2", 3, state.Running)).State,
			running: len(h.lead.view.allRunning()["h2"]),
		}
	}()
	select {
	case got := <-done:
		if got.host.Risk != "imminent" || got.host.LastSeenMS == nil || *got.host.LastSeenMS < 300 || got.host.VMs != 1 {
			t.Errorf("hostView(h2) = %+v (last seen %v), want the published renewal (>= 300 ms ago) and imminent risk", got.host, got.host.LastSeenMS)
		}
		if got.vm != "running" {
			t.Errorf("vmView(vm1 on h2).State = %q, want running, as h2's published report says", got.vm)
		}
		if got.running != 1 {
			t.Errorf("allRunning()[h2] has %d VMs, want the published 1", got.running)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the status reads waited on lead.mu")
	}
	l.p = nil // leadership lost
	l.publish()
	l.mu.Unlock()
	if hv := h.hostView(state.Host{Name: "h2", State: state.Healthy}, 0, time.Now()); hv.LastSeenMS != nil || hv.Risk != "none" {
		t.Errorf("hostView(h2) after leadership lost = %+v, want no renewal or risk shown", hv)
	}
}
