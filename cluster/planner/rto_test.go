package planner

import (
	"fmt"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
)

// TestRecoveryRTO: every VM of a lost host gets one rto-met or rto-missed
// once its new host reports it running, measured from the lost host's last
// renewal, against its ha.rto, with the evidence.
func TestRecoveryRTO(t *testing.T) {
	b := newBench(t, 3, 6)
	b.placeAll()
	lost := b.s.VMsOn("h2")
	if len(lost) < 2 {
		t.Fatalf("%d VMs on h2, want 2 or more", len(lost))
	}
	// One of them with a budget the recovery cannot meet.
	tight := lost[0]
	tight.Spec.HA.RTO = time.Second
	b.must(&state.UpdateVM{Spec: tight.Spec, Desired: state.Running})
	lastSeen := b.now // h2's last renewal (placeAll's last round)
	b.observe("h2", MemberDead, b.now, true, false)
	b.step(500*time.Millisecond, "h1", "h3")
	detected := b.now
	if st := b.host("h2").State; st != state.Fencing {
		t.Fatalf("h2 %s, want fencing\n%s", st, b.dump())
	}
	if n := b.count("rto-met") + b.count("rto-missed"); n != 0 {
		t.Fatalf("%d rto events before any VM runs elsewhere\n%s", n, b.dump())
	}
	var id uint64
	fmt.Sscanf(b.fences[0], "h2/%d", &id)
	b.step(time.Second, "h1", "h3")
	b.p.FenceDone(ctx, b.now, FenceOutcome{Target: "h2", FenceID: id, Confirmed: true, Detail: "chassis power off"})
	// Placed in this round; the next renewals report them running.
	b.step(2*time.Second, "h1", "h3")
	for _, vm := range lost {
		var got []Event
		for _, e := range b.events {
			if (e.Kind == "rto-met" || e.Kind == "rto-missed") && e.Subject == vm.Spec.Name {
				got = append(got, e)
			}
		}
		if len(got) != 1 {
			t.Fatalf("%s: %d rto events, want 1\n%s", vm.Spec.Name, len(got), b.dump())
		}
		e := got[0]
		want := "rto-met"
		if vm.Spec.Name == tight.Spec.Name {
			want = "rto-missed"
		}
		v, _ := b.s.VM(vm.Spec.Name)
		ev := e.Evidence
		took := e.Time.Sub(lastSeen)
		if e.Kind != want || ev["host"] != v.Owner || ev["failed_host"] != "h2" || ev["generation"] != v.Generation ||
			ev["measured_from"] != originLastSeen || ev["rto_ms"] != took.Milliseconds() || ev["since_detection_ms"] != e.Time.Sub(detected).Milliseconds() {
			t.Errorf("%s: %s %v, want %s on %s at generation %d, %v from h2's last renewal", vm.Spec.Name, e.Kind, ev, want, v.Owner, v.Generation, took)
		}
		budget, _ := b.s.VM(vm.Spec.Name)
		if ev["rto_budget_ms"] != budget.Spec.HA.RTO.Milliseconds() {
			t.Errorf("%s: budget %v, want %v", vm.Spec.Name, ev["rto_budget_ms"], budget.Spec.HA.RTO.Milliseconds())
		}
	}
	// Once only: later reports of the same VMs say nothing more.
	n := b.count("rto-met") + b.count("rto-missed")
	b.step(2*time.Second, "h1", "h3")
	if m := b.count("rto-met") + b.count("rto-missed"); m != n {
		t.Fatalf("%d rto events after more reports, want %d", m, n)
	}
}

// TestRecoveryRTONewLeader: a VM already taken from its host when a new
// leader starts is measured from that leadership's start, and says so.
func TestRecoveryRTONewLeader(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	lost := b.s.VMsOn("h2")
	if len(lost) == 0 {
		t.Fatal("nothing on h2")
	}
	b.observe("h2", MemberDead, b.now, true, false)
	b.step(500*time.Millisecond, "h1", "h3")
	var id uint64
	fmt.Sscanf(b.fences[0], "h2/%d", &id)
	b.p.FenceDone(ctx, b.now, FenceOutcome{Target: "h2", FenceID: id, Confirmed: true, Detail: "chassis power off"})
	// The leader changes before anything is placed.
	p2, err := New(b.p.cfg, b.s, b, b, b)
	if err != nil {
		t.Fatal(err)
	}
	b.p = p2
	p2.Start(b.now)
	started := b.now
	b.step(5*time.Second, "h1", "h3")
	for _, vm := range lost {
		found := false
		for _, e := range b.events {
			if e.Kind == "rto-met" && e.Subject == vm.Spec.Name {
				found = e.Evidence["measured_from"] == originLeaderStart && e.Evidence["rto_ms"] == e.Time.Sub(started).Milliseconds()
			}
		}
		if !found {
			t.Errorf("%s: no rto-met measured from the leadership's start\n%s", vm.Spec.Name, b.dump())
		}
	}
}

func (b *bench) count(kind string) int {
	n := 0
	for _, e := range b.events {
		if e.Kind == kind {
			n++
		}
	}
	return n
}
