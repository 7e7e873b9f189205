package planner

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/heartbeat"
	"github.com/vigil-ha/vigil/cluster/lease"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/cluster/verdict"
	"github.com/vigil-ha/vigil/fencing"
)

// TestHostDeadPowerCut: memberlist says a host is dead and nothing says
// it is alive: it is revoked, set fencing and fenced through its BMC; its
// VMs wait for the power to be read back off and are then placed
// elsewhere under new generations. Without a watchdog, the same holds
// when the lease deadline is what noticed.
func TestHostDeadPowerCut(t *testing.T) {
	for _, viaLease := range []bool{false, true} {
		t.Run(fmt.Sprintf("noticed by lease deadline=%v", viaLease), func(t *testing.T) {
			var noDog []string
			if viaLease {
				noDog = []string{"h2"}
			}
			b := newBench(t, 3, 6, noDog...)
			b.placeAll()
			lost := b.s.VMsOn("h2")
			if len(lost) == 0 {
				t.Fatal("nothing on h2")
			}
			if viaLease {
				// h2 stops renewing. Just before its deadline: nothing.
				b.step(lc.TTL-time.Second, "h1", "h3")
				if st := b.host("h2").State; st != state.Healthy || len(b.fences) != 0 {
					t.Fatalf("before the deadline: h2 %s, fences %v", st, b.fences)
				}
				b.step(2*time.Second, "h1", "h3")
			} else {
				b.observe("h2", MemberDead, b.now, true, false)
				b.step(500*time.Millisecond, "h1", "h3")
			}
			if st := b.host("h2").State; st != state.Fencing || len(b.fences) != 1 || !strings.HasPrefix(b.fences[0], "h2/") {
				t.Fatalf("h2 %s, fences %v\n%s", st, b.fences, b.dump())
			}
			for _, vm := range lost {
				if v, _ := b.s.VM(vm.Spec.Name); v.Owner != "" || v.Generation != vm.Generation+1 {
					t.Fatalf("%s = owner %q gen %d, want revoked at %d", vm.Spec.Name, v.Owner, v.Generation, vm.Generation+1)
				}
			}
			if l, _ := b.s.Lease("h2"); !l.Revoked {
				t.Error("h2's lease not revoked")
			}
			// Not confirmed yet: the VMs wait.
			b.step(3*time.Second, "h1", "h3")
			for _, vm := range lost {
				if o := b.owner(vm.Spec.Name); o != "" {
					t.Fatalf("%s placed on %s before the fence was confirmed\n%s", vm.Spec.Name, o, b.dump())
				}
			}
			var id uint64
			fmt.Sscanf(b.fences[0], "h2/%d", &id)
			b.p.FenceDone(ctx, b.now, FenceOutcome{Target: "h2", FenceID: id, Confirmed: true, Detail: "chassis power off"})
			if st := b.host("h2").State; st != state.Fenced {
				t.Fatalf("after the confirmation h2 is %s", st)
			}
			b.step(time.Second, "h1", "h3")
			for _, vm := range lost {
				v, _ := b.s.VM(vm.Spec.Name)
				if v.Owner != "h1" && v.Owner != "h3" || v.Generation != vm.Generation+2 {
					t.Errorf("%s = owner %q gen %d, want on h1 or h3 at %d", vm.Spec.Name, v.Owner, v.Generation, vm.Generation+2)
				}
			}
			if !b.saw("fence.confirmed", "h2", "power read back off") {
				t.Errorf("no confirmation event:\n%s", b.dump())
			}
		})
	}
}

// TestMemberlistAloneFencesNobody: memberlist's "dead" is a hint. A host
// that renewed since, or whose storage heartbeat still advances, is not
// fenced; one with neither is.
func TestMemberlistAloneFencesNobody(t *testing.T) {
	cases := []struct {
		name      string
		renewing  bool
		hbKnown   bool
		hbAdvance bool
		fenced    bool
		event     string
	}{
		{"renewed since the suspicion", true, true, false, false, "alive"},
		{"heartbeat advancing", false, true, true, false, "isolated"},
		{"nothing says alive", false, true, false, true, "dead"},
		{"no storage", false, false, false, true, "dead"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := newBench(t, 3, 3)
			b.placeAll()
			since := b.now
			b.observe("h2", MemberDead, since, c.hbKnown, c.hbAdvance)
			live := []string{"h1", "h3"}
			if c.renewing {
				live = append(live, "h2")
			}
			b.step(2*time.Second, live...)
			if got := len(b.fences) > 0; got != c.fenced {
				t.Fatalf("fenced = %v, want %v\n%s", got, c.fenced, b.dump())
			}
			if !b.saw(c.event, "h2") {
				t.Errorf("no %q event about h2:\n%s", c.event, b.dump())
			}
		})
	}
}

// TestBMCUnreachableWatchdog: with the BMC unreachable, a host whose
// watchdog is armed is presumed fenced at its lease deadline plus the
// margin, not a moment earlier; one whose watchdog is none never is, and
// an event says why.
func TestBMCUnreachableWatchdog(t *testing.T) {
	for _, dog := range []bool{true, false} {
		t.Run(fmt.Sprintf("watchdog=%v", dog), func(t *testing.T) {
			var noDog []string
			if !dog {
				noDog = []string{"h2"}
			}
			b := newBench(t, 3, 3, noDog...)
			b.placeAll()
			lastRenewal := b.now
			b.observe("h2", MemberDead, b.now, true, false)
			b.step(time.Second, "h1", "h3")
			if len(b.fences) != 1 {
				t.Fatalf("fences %v", b.fences)
			}
			var id uint64
			fmt.Sscanf(b.fences[0], "h2/%d", &id)
			b.bmc = func(target string, id uint64) FenceOutcome {
				return FenceOutcome{Target: target, FenceID: id, Unreachable: true, Detail: "BMC unreachable"}
			}
			b.p.FenceDone(ctx, b.now, FenceOutcome{Target: "h2", FenceID: id, Unreachable: true, Detail: "BMC unreachable"})
			selfFenceAt := lastRenewal.Add(lc.TTL + b.p.cfg.SelfFenceMargin)
			for b.now.Before(selfFenceAt.Add(-500 * time.Millisecond)) {
				b.step(500*time.Millisecond, "h1", "h3")
				if st := b.host("h2").State; st != state.Fencing {
					t.Fatalf("at %v (self-fence at %v) h2 is %s", b.now.Sub(t0), selfFenceAt.Sub(t0), st)
				}
			}
			b.step(2*time.Second, "h1", "h3")
			st := b.host("h2").State
			if dog && st != state.Fenced {
				t.Fatalf("armed watchdog: h2 %s after the deadline\n%s", st, b.dump())
			}
			if !dog {
				b.step(time.Minute, "h1", "h3")
				if st := b.host("h2").State; st != state.Fencing {
					t.Fatalf("no watchdog: h2 %s, want still fencing", st)
				}
				if !b.saw("fence.wait", "h2", "watchdog is none", "never presumed") {
					t.Errorf("no event saying why:\n%s", b.dump())
				}
				if len(b.fences) < 3 {
					t.Errorf("BMC fence retried %d times in a minute, want retries", len(b.fences))
				}
			}
			if dog {
				for _, f := range b.s.Fences() {
					if f.Target == "h2" && f.Method == "lease-expiry" && f.Confirmed {
						return
					}
				}
				t.Errorf("no confirmed lease-expiry fence record: %+v", b.s.Fences())
			}
		})
	}
}

// TestLeaderChangeRearmsTimers: a new leader's planner re-arms every
// deadline with a full TTL: a host the old leader last heard long ago is
// not fenced before the new TTL runs out.
func TestLeaderChangeRearmsTimers(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	b.step(lc.TTL-time.Second, "h1", "h3") // h2 silent: almost expired
	p2, err := New(b.p.cfg, b.s, b, b, b)
	if err != nil {
		t.Fatal(err)
	}
	b.p = p2
	p2.Start(b.now)
	b.step(lc.TTL-time.Second, "h1", "h3")
	if st := b.host("h2").State; st != state.Healthy {
		t.Fatalf("new leader fenced h2 after %v, before a full TTL", lc.TTL-time.Second)
	}
	b.step(2*time.Second, "h1", "h3")
	if st := b.host("h2").State; st != state.Fencing {
		t.Fatalf("after a full TTL: h2 %s, want fencing", st)
	}
}

// TestNotLeaderNoFence: a planner whose host is no longer leader sends no
// power command.
func TestNotLeaderNoFence(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	b.observe("h2", MemberDead, b.now, true, false)
	b.step(time.Second, "h1", "h3")
	if len(b.fences) != 1 {
		t.Fatalf("fences %v", b.fences)
	}
	var id uint64
	fmt.Sscanf(b.fences[0], "h2/%d", &id)
	b.p.FenceDone(ctx, b.now, FenceOutcome{Target: "h2", FenceID: id, Detail: "still reads on"})
	b.leader = false
	b.step(10*time.Second, "h1", "h3")
	if len(b.fences) != 1 {
		t.Fatalf("a deposed leader fenced again: %v", b.fences)
	}
}

// TestMassFenceGuard: of 5 hosts, 3 lost at once: 2 are fenced (half of 5,
// rounded down), the third is not, and an event says why.
func TestMassFenceGuard(t *testing.T) {
	b := newBench(t, 5, 5)
	b.placeAll()
	for _, h := range []string{"h3", "h4", "h5"} {
		b.observe(h, MemberDead, b.now, true, false)
	}
	b.step(2*time.Second, "h1", "h2")
	var targets []string
	for _, f := range b.fences {
		targets = append(targets, strings.Split(f, "/")[0])
	}
	slices.Sort(targets)
	targets = slices.Compact(targets)
	if !slices.Equal(targets, []string{"h3", "h4"}) {
		t.Fatalf("fenced %v, want h3 and h4 only", targets)
	}
	if st := b.host("h5").State; st != state.Healthy {
		t.Errorf("h5 is %s, want untouched", st)
	}
	if !b.saw("mass-fence-guard", "h5", "limit 2") {
		t.Errorf("no guard event:\n%s", b.dump())
	}
}

// TestPlacementRules: priority first, then anti-affinity, affinity,
// routes and capacity.
func TestPlacementRules(t *testing.T) {
	t.Run("anti-affinity", func(t *testing.T) {
		b := newBench(t, 3, 0)
		b.must(&state.SetGroupPolicy{Policy: state.GroupPolicy{Name: "pair", Affinity: state.Apart}})
		for i := 1; i <= 3; i++ {
			b.must(&state.CreateVM{Desired: state.Running, Spec: vmSpec(i, "pair")})
		}
		b.placeAll()
		seen := map[string]bool{}
		for _, vm := range b.s.VMs() {
			if seen[vm.Owner] {
				t.Fatalf("two VMs of the anti-affinity group on %s", vm.Owner)
			}
			seen[vm.Owner] = true
		}
	})
	t.Run("affinity", func(t *testing.T) {
		b := newBench(t, 3, 0)
		b.must(&state.SetGroupPolicy{Policy: state.GroupPolicy{Name: "app", Affinity: state.Together}})
		for i := 1; i <= 3; i++ {
			b.must(&state.CreateVM{Desired: state.Running, Spec: vmSpec(i, "app")})
		}
		b.step(4*time.Second, b.hosts...)
		owners := map[string]bool{}
		for _, vm := range b.s.VMs() {
			owners[vm.Owner] = true
		}
		if len(owners) != 1 || owners[""] {
			t.Fatalf("affinity group spread over %v", owners)
		}
	})
	t.Run("routes", func(t *testing.T) {
		b := newBench(t, 3, 0)
		b.must(&state.SetGroupPolicy{Policy: state.GroupPolicy{Name: "g", Routes: []state.Route{{From: "h2", To: "h3"}}}})
		b.must(&state.CreateVM{Desired: state.Running, Spec: vmSpec(1, "g")})
		b.step(time.Second, b.hosts...)
		// Move it onto h2 by hand, then lose h2: it may only go to h3,
		// though h1 has more room.
		vm, _ := b.s.VM("vm1")
		b.must(&state.Place{Placements: []state.Placement{{VM: "vm1", Generation: vm.Generation, Owner: "h2"}}})
		b.must(&state.CreateVM{Desired: state.Running, Spec: vmSpec(9, "")})
		b.step(time.Second, b.hosts...)
		if o := b.owner("vm9"); o == "h3" {
			b.t.Log("vm9 went to h3; h1 has more room for vm1")
		}
		b.observe("h2", MemberDead, b.now, true, false)
		b.step(time.Second, "h1", "h3")
		var id uint64
		fmt.Sscanf(b.fences[0], "h2/%d", &id)
		b.p.FenceDone(ctx, b.now, FenceOutcome{Target: "h2", FenceID: id, Confirmed: true})
		b.step(time.Second, "h1", "h3")
		if o := b.owner("vm1"); o != "h3" {
			t.Fatalf("vm1 moved to %q, want h3 (the only allowed route from h2)\n%s", o, b.dump())
		}
	})
	t.Run("priority and capacity", func(t *testing.T) {
		b := newBench(t, 1, 0)
		// One host of 16 GiB: a 12 GiB VM of priority 10 and two 6 GiB
		// VMs of priority 200 and 100. Priority 200 goes first, then
		// 100 fits, then 12 GiB no longer does.
		for i, p := range []struct {
			mem  int64
			prio int
		}{{12 << 10, 10}, {6 << 10, 200}, {6 << 10, 100}} {
			spec := vmSpec(i+1, "")
			spec.MemoryMiB, spec.HA.Priority = p.mem, p.prio
			b.must(&state.CreateVM{Desired: state.Running, Spec: spec})
		}
		b.step(4*time.Second, b.hosts...)
		got := []string{b.owner("vm1"), b.owner("vm2"), b.owner("vm3")}
		if !slices.Equal(got, []string{"", "h1", "h1"}) {
			t.Fatalf("owners %q, want the two high-priority VMs placed and the big one not", got)
		}
		if !b.saw("no-capacity", "vm1", "no room") {
			t.Errorf("no event for vm1:\n%s", b.dump())
		}
	})
}

// TestAdmissionControl: with room kept for one host failure, a create
// that would leave less is refused, and an unplaced new VM that would
// break it waits.
func TestAdmissionControl(t *testing.T) {
	b := newBench(t, 2, 0)
	b.must(&state.SetAdmission{Admission: state.Admission{HostFailures: 1}})
	// Two hosts of 16 GiB, one kept in reserve: 16 GiB may run.
	for i := 1; i <= 4; i++ {
		if err := b.p.Admit(b.now, vmSpec(i, "")); err != nil {
			t.Fatalf("Admit vm%d: %v", i, err)
		}
		spec := vmSpec(i, "")
		spec.MemoryMiB = 4096
		b.must(&state.CreateVM{Desired: state.Running, Spec: spec})
	}
	b.step(4*time.Second, b.hosts...)
	spec := vmSpec(5, "")
	if err := b.p.Admit(b.now, spec); err == nil || !strings.Contains(err.Error(), "host failure") {
		t.Fatalf("Admit over the reserve = %v, want an admission error", err)
	}
	b.must(&state.CreateVM{Desired: state.Running, Spec: spec})
	b.step(time.Second, b.hosts...)
	if o := b.owner("vm5"); o != "" {
		t.Fatalf("vm5 placed on %s beyond admission control", o)
	}
	if !b.saw("admission", "vm5") {
		t.Errorf("no admission event:\n%s", b.dump())
	}
}

// TestReadmit: a fenced host comes back only with a new boot id and only
// after renewing steadily for the stable period; Readmit by a person skips
// the wait but not the boot id.
func TestReadmit(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	b.observe("h2", MemberDead, b.now, true, false)
	b.step(time.Second, "h1", "h3")
	var id uint64
	fmt.Sscanf(b.fences[0], "h2/%d", &id)
	b.p.FenceDone(ctx, b.now, FenceOutcome{Target: "h2", FenceID: id, Confirmed: true})
	b.observe("h2", MemberAlive, b.now, true, true)
	// Same boot id: never readmitted, by time or by a person.
	b.step(10*time.Second, b.hosts...)
	if st := b.host("h2").State; st != state.Fenced {
		t.Fatalf("h2 %s with its fenced boot id", st)
	}
	if err := b.p.Readmit(ctx, b.now, "h2"); err == nil {
		t.Fatal("Readmit with the fenced boot id succeeded")
	}
	// New boot id: after the stable period.
	b.boots["h2"] = "h2-b2"
	b.step(4*time.Second, b.hosts...)
	if st := b.host("h2").State; st != state.Fenced {
		t.Fatalf("h2 %s before the stable period", st)
	}
	b.step(2*time.Second, b.hosts...)
	if st := b.host("h2").State; st != state.Healthy {
		t.Fatalf("h2 %s after the stable period\n%s", st, b.dump())
	}
	b.step(time.Second, b.hosts...)
	if b.epochs["h2"] == 0 {
		t.Error("readmitted h2 got no lease")
	}
}

// TestReadmitGetsFullTTL: a host readmitted by a person before its new
// boot renewed is not fenced again on what was seen of it before (chaos
// seed 1002: fenced 1 ms after its readmission); its deadline, re-armed at
// the readmission, still finds it if it stays silent.
func TestReadmitGetsFullTTL(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	b.observe("h2", MemberDead, b.now, true, false)
	b.step(time.Second, "h1", "h3")
	var id uint64
	fmt.Sscanf(b.fences[0], "h2/%d", &id)
	b.p.FenceDone(ctx, b.now, FenceOutcome{Target: "h2", FenceID: id, Confirmed: true})
	b.step(time.Second, "h1", "h3")
	// The new boot asks once (refused: fenced), then memberlist still
	// calls the host dead.
	b.boots["h2"], b.epochs["h2"] = "h2-b2", 0
	b.renew("h2")
	b.step(2*time.Second, "h1", "h3")
	b.observe("h2", MemberDead, b.now, true, false)
	b.step(time.Second, "h1", "h3")
	if err := b.p.Readmit(ctx, b.now, "h2"); err != nil {
		t.Fatal(err)
	}
	b.step(5*time.Second, "h1", "h3")
	if len(b.fences) != 1 || b.host("h2").State != state.Healthy {
		t.Fatalf("h2 %s, fences %v, 5s after its readmission (lease TTL %v), want healthy and not fenced again\n%s", b.host("h2").State, b.fences, lc.TTL, b.dump())
	}
	b.step(lc.TTL, "h1", "h3")
	if len(b.fences) != 2 {
		t.Fatalf("h2 silent for a TTL after its readmission: fences %v, want fenced again\n%s", b.fences, b.dump())
	}
}

// TestStartFailuresHold: N failed starts in the window on each of two
// hosts revoke the VM and hold it, with the reason; it is not placed again
// until the hold ends.
func TestStartFailuresHold(t *testing.T) {
	b := newBench(t, 2, 1)
	b.placeAll()
	b.failStarts(b.owner("vm1"), "vm1", 3, "qemu exited")
	b.step(3*time.Second, b.hosts...)
	b.failStarts(b.owner("vm1"), "vm1", 3, "qemu exited")
	if o := b.owner("vm1"); o != "" {
		t.Fatalf("after 3 failures on each host vm1 is on %s, want held", o)
	}
	if !b.saw("held", "vm1", "failed to start 3 times", "qemu exited") {
		t.Fatalf("no hold event:\n%s", b.dump())
	}
	b.step(time.Minute, b.hosts...)
	if o := b.owner("vm1"); o != "" {
		t.Fatalf("vm1 placed on %s during its hold", o)
	}
	b.step(10*time.Minute, b.hosts...)
	if o := b.owner("vm1"); o == "" {
		t.Fatal("vm1 still unplaced after its hold")
	}
}

// TestReleaseNeedsAck: a VM taken from a live host is placed again only
// once that host reports a replica past the revocation without it running.
func TestReleaseNeedsAck(t *testing.T) {
	b := newBench(t, 2, 1)
	b.placeAll()
	host := b.owner("vm1")
	other := "h1"
	if host == "h1" {
		other = "h2"
	}
	vm, _ := b.s.VM("vm1")
	if _, err := b.p.revoke(ctx, b.now, host, []state.VM{vm}, "test", true); err != nil {
		t.Fatal(err)
	}
	revokedAt := b.s.Index()
	// The host still reports it running, from an older replica.
	b.p.Report(ctx, b.now, executor.Report{Host: host, Applied: revokedAt - 1, LeaseValid: true, Running: []executor.Running{{VM: "vm1", Generation: vm.Generation}}})
	b.p.Tick(ctx, b.now)
	if o := b.owner("vm1"); o != "" {
		t.Fatalf("placed on %s before %s released it", o, host)
	}
	b.p.Report(ctx, b.now, executor.Report{Host: host, Applied: revokedAt, LeaseValid: true})
	b.renew(other)
	b.p.Tick(ctx, b.now)
	if o := b.owner("vm1"); o == "" {
		t.Fatalf("not placed after the release:\n%s", b.dump())
	}
}

// TestHealth: a failure expected within the evacuation time makes the
// host degraded and migrates its VMs; one expected later, or a lost
// redundancy, only makes it degraded; fine health brings it back after the
// cooldown.
func TestHealth(t *testing.T) {
	cases := []struct {
		name    string
		h       Health
		migrate bool
	}{
		{"imminent", Health{Imminent: true, Component: "dimm", Reason: "uncorrectable errors"}, true},
		{"due within the evacuation time", Health{ETA: time.Second, Component: "fan1", Reason: "rpm falling"}, true},
		{"due later", Health{ETA: time.Hour, Component: "fan1", Reason: "rpm falling"}, false},
		{"redundancy lost", Health{RedundancyLost: true, Component: "psu2", Reason: "failed"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := newBench(t, 3, 6)
			b.placeAll()
			c.h.Host = "h2"
			b.p.Health(b.now, c.h)
			b.step(time.Second, b.hosts...)
			if st := b.host("h2").State; st != state.Degraded {
				t.Fatalf("h2 %s, want degraded", st)
			}
			if got := len(b.orders) > 0; got != c.migrate {
				t.Fatalf("migration orders %v, want some: %v", b.orders, c.migrate)
			}
			for _, o := range b.orders {
				if o.Source != "h2" || o.Target == "h2" {
					t.Fatalf("order %+v", o)
				}
				b.p.MigrateDone(ctx, b.now, executor.MigrateResult{Order: o})
				if v, _ := b.s.VM(o.VM); v.Owner != o.Target || v.Generation != o.Generation+1 {
					t.Fatalf("after MigrateDone %s = %s@%d, want %s@%d", o.VM, v.Owner, v.Generation, o.Target, o.Generation+1)
				}
			}
			// Nothing new goes to a degraded host.
			b.must(&state.CreateVM{Desired: state.Running, Spec: vmSpec(50, "")})
			b.step(time.Second, b.hosts...)
			if o := b.owner("vm50"); o == "h2" {
				t.Fatal("a new VM went to the degraded host")
			}
			// An evacuation ends when the host has no VMs left.
			if got := b.saw("evacuated", "h2"); got != c.migrate {
				t.Errorf("evacuated event for h2: %v, want %v\n%s", got, c.migrate, b.dump())
			}
			b.p.Health(b.now, Health{Host: "h2"})
			b.step(10*time.Second, b.hosts...)
			if st := b.host("h2").State; st != state.Degraded {
				t.Fatalf("h2 %s before the cooldown", st)
			}
			b.step(11*time.Second, b.hosts...)
			if st := b.host("h2").State; st != state.Healthy {
				t.Fatalf("h2 %s after the cooldown\n%s", st, b.dump())
			}
		})
	}
}

// TestDrainAndReadmit: drain moves every VM off by migration and keeps the
// host in maintenance; readmit brings it back.
func TestDrainAndReadmit(t *testing.T) {
	b := newBench(t, 3, 6)
	b.placeAll()
	if err := b.p.Drain(ctx, b.now, "h3"); err != nil {
		t.Fatal(err)
	}
	for range 4 {
		b.step(time.Second, b.hosts...)
		for _, o := range b.orders {
			b.p.MigrateDone(ctx, b.now, executor.MigrateResult{Order: o})
		}
		b.orders = nil
	}
	if n := len(b.s.VMsOn("h3")); n != 0 || b.host("h3").State != state.Maintenance {
		t.Fatalf("after the drain h3 owns %d VMs and is %s", n, b.host("h3").State)
	}
	if !b.saw("drained", "h3") {
		t.Errorf("no drained event:\n%s", b.dump())
	}
	if err := b.p.Readmit(ctx, b.now, "h3"); err != nil {
		t.Fatal(err)
	}
	if st := b.host("h3").State; st != state.Healthy {
		t.Fatalf("h3 %s after readmit", st)
	}
	// A second drain ends with its own drained event.
	if err := b.p.Drain(ctx, b.now, "h3"); err != nil {
		t.Fatal(err)
	}
	b.step(time.Second, b.hosts...)
	n := 0
	for _, e := range b.events {
		if e.Kind == "drained" && e.Subject == "h3" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d drained events for two drains, want 2:\n%s", n, b.dump())
	}
}

// TestResolveReportedHandover: a migration whose answer was lost is
// committed from the source's report when the target runs the VM at the
// new generation, and taken away from both otherwise.
func TestResolveReportedHandover(t *testing.T) {
	for _, targetRuns := range []bool{true, false} {
		t.Run(fmt.Sprintf("target runs it=%v", targetRuns), func(t *testing.T) {
			b := newBench(t, 2, 1)
			b.placeAll()
			src := b.owner("vm1")
			dst := "h1"
			if src == "h1" {
				dst = "h2"
			}
			vm, _ := b.s.VM("vm1")
			b.p.Report(ctx, b.now, executor.Report{Host: src, Applied: b.s.Index(), LeaseValid: true,
				Released: []executor.Released{{VM: "vm1", Generation: vm.Generation, Target: dst}}})
			rep := executor.Report{Host: dst, Applied: b.s.Index(), LeaseValid: true}
			if targetRuns {
				rep.Running = []executor.Running{{VM: "vm1", Generation: vm.Generation + 1}}
			}
			b.p.Report(ctx, b.now, rep)
			b.p.Tick(ctx, b.now)
			v, _ := b.s.VM("vm1")
			switch {
			case targetRuns && (v.Owner != dst || v.Generation != vm.Generation+1):
				t.Fatalf("vm1 = %s@%d, want the handover to %s@%d committed", v.Owner, v.Generation, dst, vm.Generation+1)
			case !targetRuns && v.Owner != "":
				t.Fatalf("vm1 = %s@%d, want it taken from %s\n%s", v.Owner, v.Generation, src, b.dump())
			}
		})
	}
}

// TestGrantIsIdempotentPerBoot: a host that asks for a lease again (our
// answer was lost or late) gets the epoch it was granted, not a new log
// entry per request; a new boot gets a new epoch.
func TestGrantIsIdempotentPerBoot(t *testing.T) {
	b := newBench(t, 2, 0)
	ask := func(boot string) lease.Reply {
		b.seq++
		return b.p.Renew(ctx, b.now, lease.Request{Holder: "h2", BootID: boot, Seq: b.seq}, executor.Report{Host: "h2", Applied: b.s.Index()})
	}
	first := ask("h2-b1")
	idx := b.s.Index()
	again := ask("h2-b1")
	if !first.Granted || again.Epoch != first.Epoch || b.s.Index() != idx {
		t.Fatalf("second grant request: %+v after %+v, index %d → %d; want the same epoch and no new entry", again, first, idx, b.s.Index())
	}
	if rebooted := ask("h2-b2"); rebooted.Epoch <= first.Epoch {
		t.Fatalf("a new boot got epoch %d, want above %d", rebooted.Epoch, first.Epoch)
	}
}

// TestLeaseInvalidWhileRenewing: a host whose renewals are answered but
// whose own lease stays invalid (the answers arrive too late) cannot run
// its VMs; after a TTL of that it is treated as lost, so they run
// elsewhere.
func TestLeaseInvalidWhileRenewing(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	vms := b.s.VMsOn("h2")
	late := func() {
		b.seq++
		b.p.Renew(ctx, b.now, lease.Request{Holder: "h2", BootID: b.boots["h2"], Epoch: b.epochs["h2"], Seq: b.seq},
			executor.Report{Host: "h2", Applied: b.s.Index(), LeaseValid: false})
	}
	for b.now.Before(t0.Add(4*time.Second + lc.TTL - time.Second)) {
		late()
		b.step(500*time.Millisecond, "h1", "h3")
	}
	if st := b.host("h2").State; st != state.Healthy {
		t.Fatalf("h2 %s before a TTL of invalid reports", st)
	}
	for range 4 {
		late()
		b.step(500*time.Millisecond, "h1", "h3")
	}
	if st := b.host("h2").State; st != state.Fencing || !b.saw("dead", "h2", "answers reach it too late") {
		t.Fatalf("h2 %s after a TTL of invalid reports\n%s", st, b.dump())
	}
	// Its reports (a replica past the revocation, nothing running)
	// acknowledge the release: the VMs run elsewhere.
	b.step(time.Second, "h1", "h3")
	for _, vm := range vms {
		if o := b.owner(vm.Spec.Name); o == "h2" || o == "" {
			t.Errorf("%s owned by %q, want h1 or h3", vm.Spec.Name, o)
		}
	}
}

// TestETAAges: an expected time to failure counts down from its report:
// a failure due in 10 s on a host that needs 4 s to empty itself is
// evacuated after about 6 s, with no new report.
func TestETAAges(t *testing.T) {
	b := newBench(t, 3, 6) // 2 VMs of 2 GiB each: 4 GiB / 1000 MiB/s × 2 ≈ 8 s
	b.placeAll()
	b.p.Health(b.now, Health{Host: "h2", ETA: 12 * time.Second, Component: "fan1", Reason: "rpm falling"})
	b.step(2*time.Second, b.hosts...)
	if len(b.orders) != 0 {
		t.Fatalf("evacuated at once: %v", b.orders)
	}
	b.step(3*time.Second, b.hosts...)
	if len(b.orders) == 0 {
		t.Fatalf("not evacuated as the failure came within the evacuation time\n%s", b.dump())
	}
}

// TestFenceTimeout: a fence whose outcome never comes back counts as
// failed after FenceTimeout and is tried again.
func TestFenceTimeout(t *testing.T) {
	b := newBench(t, 3, 3, "h2")
	b.placeAll()
	b.observe("h2", MemberDead, b.now, true, false)
	b.step(time.Second, "h1", "h3")
	if len(b.fences) != 1 {
		t.Fatalf("fences %v", b.fences)
	}
	b.step(b.p.cfg.FenceTimeout-2*time.Second, "h1", "h3")
	if len(b.fences) != 1 {
		t.Fatalf("fenced again before the timeout: %v", b.fences)
	}
	b.step(4*time.Second, "h1", "h3")
	if len(b.fences) != 2 || !b.saw("fence.failed", "h2", "no outcome after") {
		t.Fatalf("after the timeout: fences %v\n%s", b.fences, b.dump())
	}
}

// TestHandoverFromTargetReport: the source's answer to a migration is lost,
// but the target reports the VM running under the next generation: the
// handover is committed from that report alone, and the late answer, if it
// comes, changes nothing.
func TestHandoverFromTargetReport(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	b.p.Health(b.now, Health{Host: "h2", Imminent: true, Component: "dimm"})
	b.step(time.Second, b.hosts...)
	if len(b.orders) == 0 {
		t.Fatal("no migration order")
	}
	o := b.orders[0]
	b.p.Report(ctx, b.now, executor.Report{Host: o.Target, Applied: b.s.Index(), LeaseValid: true,
		Running: []executor.Running{{VM: o.VM, Generation: o.Generation + 1}}})
	b.p.Tick(ctx, b.now)
	if v, _ := b.s.VM(o.VM); v.Owner != o.Target || v.Generation != o.Generation+1 {
		t.Fatalf("%s = %s@%d, want the handover to %s@%d committed\n%s", o.VM, v.Owner, v.Generation, o.Target, o.Generation+1, b.dump())
	}
	b.p.MigrateDone(ctx, b.now, executor.MigrateResult{Order: o})
	if v, _ := b.s.VM(o.VM); v.Owner != o.Target || v.Generation != o.Generation+1 {
		t.Fatalf("the late answer changed %s to %s@%d", o.VM, v.Owner, v.Generation)
	}
}

// TestMigrateTimeout: a migration order that is never answered stops
// holding room on its target after MigrateTimeout (it held a dead host's
// VMs out of the only host with room), and the VM can be ordered again.
func TestMigrateTimeout(t *testing.T) {
	b := newBench(t, 3, 3)
	b.p.cfg.MigrateTimeout = 15 * time.Second
	b.placeAll()
	if err := b.p.Drain(ctx, b.now, "h1"); err != nil {
		t.Fatal(err)
	}
	b.step(time.Second, b.hosts...)
	if len(b.orders) == 0 {
		t.Fatal("no migration order")
	}
	vm := b.orders[0].VM
	if _, busy := b.p.migrations[vm]; !busy {
		t.Fatal("order not tracked")
	}
	b.step(10*time.Second, b.hosts...)
	if _, busy := b.p.migrations[vm]; !busy {
		t.Fatal("order dropped before the timeout")
	}
	b.step(6*time.Second, b.hosts...)
	if !b.saw("migrate.failed", vm, "no answer after 15s") {
		t.Fatalf("no timeout event for %s:\n%s", vm, b.dump())
	}
	n := 0
	for _, o := range b.orders {
		if o.VM == vm {
			n++
		}
	}
	if n < 2 {
		t.Fatalf("%s ordered %d time(s), want it ordered again after the timeout", vm, n)
	}
}

// A host that joins the state after the planner started (an agent that
// registers while the leader already plans) gets a full TTL from when the
// planner first sees it, as every host gets from Start: it is not dead
// before its first renewal could arrive. Silent for a TTL, it is.
func TestHostRegisteredAfterStart(t *testing.T) {
	b := newBench(t, 3, 0)
	b.step(2*time.Second, "h1", "h2", "h3")
	b.must(&state.RegisterHost{Name: "h4", Addresses: state.Addresses{Management: "10.0.0.44"}, BootID: "h4-b1",
		Capacity: state.Capacity{MemoryMiB: 16 << 10, VCPUs: 16}, BMC: []state.BMCEndpoint{{Kind: "ipmi", Address: "10.1.0.44"}}, WatchdogArmed: true})
	b.step(time.Second, "h1", "h2", "h3")
	if s := b.host("h4").State; s != state.Healthy {
		t.Fatalf("h4 registered a second ago is %s, want healthy:\n%s", s, b.dump())
	}
	b.boots["h4"] = "h4-b1"
	b.step(5*time.Second, "h1", "h2", "h3", "h4")
	if s := b.host("h4").State; s != state.Healthy {
		t.Fatalf("h4 renewing is %s, want healthy:\n%s", s, b.dump())
	}
	b.step(lc.TTL+time.Second, "h1", "h2", "h3")
	if s := b.host("h4").State; s == state.Healthy {
		t.Fatalf("h4 silent for a TTL is still healthy:\n%s", b.dump())
	}
}

// MigrateTo orders a live migration to the host asked for, once: not of
// a VM that is unknown, already there or already moving, nor to a host
// without room; the handover is committed when the target reports the VM
// under the next generation.
func TestMigrateTo(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	vm, _ := b.s.VM("vm1")
	src := vm.Owner
	to := "h1"
	if src == to {
		to = "h2"
	}
	for name, bad := range map[string]func() error{
		"unknown vm":   func() error { return b.p.MigrateTo(ctx, b.now, "vm9", to) },
		"same host":    func() error { return b.p.MigrateTo(ctx, b.now, "vm1", src) },
		"unknown host": func() error { return b.p.MigrateTo(ctx, b.now, "vm1", "h9") },
	} {
		if err := bad(); err == nil {
			t.Errorf("MigrateTo(%s) = nil, want an error", name)
		}
	}
	if len(b.orders) != 0 {
		t.Fatalf("orders after refusals: %+v", b.orders)
	}
	if err := b.p.MigrateTo(ctx, b.now, "vm1", to); err != nil {
		t.Fatal(err)
	}
	if len(b.orders) != 1 || b.orders[0] != (executor.MigrateOrder{VM: "vm1", Source: src, Target: to, Generation: vm.Generation, Index: b.s.Index()}) {
		t.Fatalf("orders = %+v, want vm1 from %s to %s at generation %d", b.orders, src, to, vm.Generation)
	}
	if err := b.p.MigrateTo(ctx, b.now, "vm1", to); err == nil {
		t.Error("a second MigrateTo while the first runs = nil, want an error")
	}
	// The target runs it under the next generation: the handover is
	// committed from its report.
	b.seq++
	rep := executor.Report{Host: to, Applied: b.s.Index(), LeaseValid: true, Running: []executor.Running{{VM: "vm1", Generation: vm.Generation + 1}}}
	for _, v := range b.s.VMsOn(to) {
		rep.Running = append(rep.Running, executor.Running{VM: v.Spec.Name, Generation: v.Generation})
	}
	slices.SortFunc(rep.Running, func(a, b executor.Running) int { return strings.Compare(a.VM, b.VM) })
	b.p.Renew(ctx, b.now, lease.Request{Holder: to, BootID: b.boots[to], Epoch: b.epochs[to], Seq: b.seq}, rep)
	b.p.Tick(ctx, b.now)
	if got := b.owner("vm1"); got != to {
		t.Fatalf("vm1's owner after the target's report = %q, want %s:\n%s", got, to, b.dump())
	}

	// A host without room is refused.
	full := newBench(t, 2, 0)
	full.must(&state.CreateVM{Desired: state.Running, Spec: state.VMSpec{Name: "big", VCPUs: 2, MemoryMiB: 15 << 10, HA: state.HA{RTO: time.Minute}}})
	full.must(&state.CreateVM{Desired: state.Running, Spec: state.VMSpec{Name: "big2", VCPUs: 2, MemoryMiB: 15 << 10, HA: state.HA{RTO: time.Minute}}})
	full.placeAll()
	v, _ := full.s.VM("big")
	other := map[string]string{"h1": "h2", "h2": "h1"}[v.Owner]
	if err := full.p.MigrateTo(ctx, full.now, "big", other); err == nil || !strings.Contains(err.Error(), "cannot take it") {
		t.Errorf("MigrateTo a full host = %v, want it refused for room", err)
	}
}

// TestReadmitBeforeGossipRecovers: a fenced host back with a new boot id is
// readmitted by a person while the leader's memberlist still says it is
// dead (a host reset while cut off rejoins the gossip some time after it
// reaches the leader again). Its renewal requests came after that mark, so
// the mark is stale: the host must not be declared dead and fenced again
// at once (it was, the fence read back off, and the host stayed off).
func TestReadmitBeforeGossipRecovers(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	b.observe("h2", MemberDead, b.now, true, false)
	b.step(time.Second, "h1", "h3")
	var id uint64
	fmt.Sscanf(b.fences[0], "h2/%d", &id)
	b.p.FenceDone(ctx, b.now, FenceOutcome{Target: "h2", FenceID: id, Confirmed: true})
	b.step(10*time.Second, "h1", "h3")
	// Back with a new boot id, asking for a lease (refused: fenced);
	// memberlist still has it dead since the fence.
	b.boots["h2"] = "h2-b2"
	b.step(time.Second, b.hosts...)
	if err := b.p.Readmit(ctx, b.now, "h2"); err != nil {
		t.Fatal(err)
	}
	// The leader's next tick may come before the host's next renewal.
	fences := len(b.fences)
	b.p.Tick(ctx, b.now)
	b.step(2*time.Second, b.hosts...)
	if st := b.host("h2").State; st != state.Healthy || len(b.fences) != fences || b.epochs["h2"] == 0 {
		t.Fatalf("readmitted h2 is %s with lease epoch %d, fences %v: want it healthy with a lease, no new fence\n%s", st, b.epochs["h2"], b.fences[fences:], b.dump())
	}
	// Really gone afterwards: its lease deadline still finds it.
	b.step(lc.TTL+2*time.Second, "h1", "h3")
	if st := b.host("h2").State; st == state.Healthy {
		t.Fatalf("h2 silent for a lease TTL after its readmission is still %s\n%s", st, b.dump())
	}
}

// TestMemberlistDeadPowerOn: memberlist says dead, no renewal comes, but
// the host's BMC reads its power on (an agent that crashed and is being
// restarted, or a host cut off): it is not fenced while the BMC's answer
// is awaited or says on, only at its lease deadline if its renewals never
// come back; one whose BMC reads off is fenced at once.
func TestMemberlistDeadPowerOn(t *testing.T) {
	for _, c := range []struct {
		name             string
		pending, powerOn bool
		fenced           bool
	}{
		{"BMC asked", true, false, false},
		{"BMC reads on", false, true, false},
		{"BMC reads off", false, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := newBench(t, 3, 3)
			b.placeAll()
			deadline := b.now.Add(b.p.cfg.Lease.TTL)
			o := Observation{Host: "h2", Member: MemberDead, Since: b.now.Add(time.Millisecond), BMC: verdict.BMCReport{Power: fencing.PowerOff}}
			switch {
			case c.pending:
				o.BMC, o.BMCErr = verdict.BMCReport{}, verdict.ErrPending
			case c.powerOn:
				o.BMC.Power = fencing.PowerOn
			}
			obs := []Observation{o}
			b.p.Observe(b.now, obs)
			b.step(2*time.Second, "h1", "h3")
			if got := len(b.fences) > 0; got != c.fenced {
				t.Fatalf("fenced within 2 s = %v, want %v\n%s", got, c.fenced, b.dump())
			}
			if c.fenced {
				return
			}
			if c.powerOn && !b.saw("wait", "h2", "power on") {
				t.Errorf("no event about h2's power:\n%s", b.dump())
			}
			// Its renewals never come back: its lease deadline decides.
			b.p.Observe(b.now, obs)
			b.step(time.Until(deadline)-time.Until(b.now)+time.Second, "h1", "h3")
			if len(b.fences) == 0 {
				t.Fatalf("not fenced after its lease deadline\n%s", b.dump())
			}
		})
	}
}

// TestLateRenewalOfAnEarlierBoot: a renewal from a host's earlier boot
// that arrives after its new boot registered (held up on the way) is
// refused and records nothing: the state keeps the new boot id and no boot
// event is emitted; the new boot's lease goes on.
func TestLateRenewalOfAnEarlierBoot(t *testing.T) {
	b := newBench(t, 2, 0)
	ask := func(boot string, epoch uint64) lease.Reply {
		b.seq++
		return b.p.Renew(ctx, b.now, lease.Request{Holder: "h2", BootID: boot, Epoch: epoch, Seq: b.seq}, executor.Report{Host: "h2", Applied: b.s.Index()})
	}
	first := ask("h2-b1", 0)
	if r := ask("h2-b1", first.Epoch); !r.Granted {
		t.Fatalf("renewal of the first boot: %+v", r)
	}
	rebooted := ask("h2-b2", 0)
	if !rebooted.Granted {
		t.Fatalf("the new boot's grant: %+v", rebooted)
	}
	events := len(b.events)
	if late := ask("h2-b1", first.Epoch); late.Granted {
		t.Errorf("a late renewal of the earlier boot was granted: %+v", late)
	}
	if id := b.host("h2").BootID; id != "h2-b2" {
		t.Errorf("boot id after the late renewal = %q, want h2-b2", id)
	}
	for _, e := range b.events[events:] {
		if e.Kind == "boot" {
			t.Errorf("a late renewal recorded a boot: %s", e.Message)
		}
	}
	if r := ask("h2-b2", rebooted.Epoch); !r.Granted || r.Epoch != rebooted.Epoch {
		t.Errorf("the new boot's renewal after it: %+v, want epoch %d granted", r, rebooted.Epoch)
	}
}

// TestFenceConfirmedByNewBoot: a host declared dead whose fence is not
// confirmed (its BMC does not answer) comes back with a new boot id: its
// old incarnation is gone, so the fence is confirmed and its VMs run
// elsewhere. The leader went on fencing it for ever before, and a host
// that came back and was elected leader tried to fence itself through its
// own BMC (found by vigil-lab demo on a heavily loaded machine).
func TestFenceConfirmedByNewBoot(t *testing.T) {
	b := newBench(t, 3, 3, "h2")
	b.placeAll()
	b.observe("h2", MemberDead, b.now, true, false)
	b.step(3*time.Second, "h1", "h3") // fences sent, never answered
	if st := b.host("h2").State; st != state.Fencing {
		t.Fatalf("h2 is %s, want fencing\n%s", st, b.dump())
	}
	b.boots["h2"] = "h2-b2"
	b.step(time.Second, b.hosts...)
	if st := b.host("h2").State; st != state.Fenced || !b.saw("fence.confirmed", "h2", "new boot id h2-b2") {
		t.Fatalf("h2 back with a new boot id is %s\n%s", st, b.dump())
	}
	b.step(2*time.Second, "h1", "h3")
	if o := b.owner("vm2"); o == "h2" || o == "" {
		t.Fatalf("vm2 owned by %q after h2's fence was confirmed\n%s", o, b.dump())
	}
}

// TestIsolatedUntilLeaseExpires: a host cut off from the others whose
// shared-storage heartbeat keeps changing is isolated, not dead: nothing
// is taken from it before its lease deadline. Once the deadline passed
// (it has stopped its VMs by its own lease) it is fenced, and only the
// confirmed fence lets its VMs run elsewhere.
func TestIsolatedUntilLeaseExpires(t *testing.T) {
	b := newBench(t, 3, 6)
	b.placeAll()
	lost := b.s.VMsOn("h2")
	if len(lost) == 0 {
		t.Fatal("nothing on h2")
	}
	b.observe("h2", MemberDead, b.now, true, true)
	b.step(lc.TTL-time.Second, "h1", "h3")
	if st := b.host("h2").State; st != state.Healthy || len(b.fences) != 0 || len(b.s.VMsOn("h2")) != len(lost) {
		t.Fatalf("isolated h2 before its deadline: %s, fences %v, owns %d of %d\n%s", st, b.fences, len(b.s.VMsOn("h2")), len(lost), b.dump())
	}
	if !b.saw("isolated", "h2", "still being written") {
		t.Errorf("no isolated event:\n%s", b.dump())
	}
	b.step(2*time.Second, "h1", "h3")
	if st := b.host("h2").State; st != state.Fencing || len(b.fences) != 1 {
		t.Fatalf("after its deadline: h2 %s, fences %v\n%s", st, b.fences, b.dump())
	}
	if !b.saw("dead", "h2", "lost its lease") {
		t.Errorf("the dead event does not say the isolated host lost its lease:\n%s", b.dump())
	}
	for _, vm := range lost {
		if o := b.owner(vm.Spec.Name); o != "" {
			t.Fatalf("%s placed on %s before the fence was confirmed", vm.Spec.Name, o)
		}
	}
}

// TestBMCOffIsDead: memberlist's "dead" with the BMC reading power off is
// dead and confirmed by the verdict; the planner still takes the fence
// path (revoke, then the power read back off) before placing anything.
func TestBMCOffIsDead(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	b.p.Observe(b.now, []Observation{{Host: "h2", Member: MemberDead, Since: b.now.Add(time.Millisecond),
		BMC: verdict.BMCReport{Power: fencing.PowerOff, SEL: []string{"Power Unit: AC lost"}}}})
	b.step(500*time.Millisecond, "h1", "h3")
	if st := b.host("h2").State; st != state.Fencing || len(b.fences) != 1 {
		t.Fatalf("h2 %s, fences %v\n%s", st, b.fences, b.dump())
	}
	if !b.saw("dead", "h2", "AC lost") {
		t.Errorf("the dead event does not carry the BMC's evidence:\n%s", b.dump())
	}
}

// TestBMCUnreachableNoWatchdogWaitsForLease: memberlist's "dead", a stale
// heartbeat and an unreachable BMC on a host without a watchdog: the
// verdict waits (never presumed self-fenced), so nothing is revoked until
// the lease deadline; then the fence is tried.
func TestBMCUnreachableNoWatchdogWaitsForLease(t *testing.T) {
	b := newBench(t, 3, 3, "h2")
	b.placeAll()
	b.p.Observe(b.now, []Observation{{Host: "h2", Member: MemberDead, Since: b.now.Add(time.Millisecond),
		BMCErr: fencing.ErrUnreachable, Heartbeat: heartbeat.Status{FirstSeen: t0.Add(-time.Hour), LastChange: t0.Add(-time.Hour)}}})
	b.step(lc.TTL-time.Second, "h1", "h3")
	if st := b.host("h2").State; st != state.Healthy || len(b.fences) != 0 {
		t.Fatalf("h2 %s, fences %v before its deadline\n%s", st, b.fences, b.dump())
	}
	if !b.saw("wait", "h2", "no armed watchdog") {
		t.Errorf("no wait event saying why:\n%s", b.dump())
	}
	b.step(2*time.Second, "h1", "h3")
	if st := b.host("h2").State; st != state.Fencing || len(b.fences) != 1 {
		t.Fatalf("after the deadline: h2 %s, fences %v\n%s", st, b.fences, b.dump())
	}
}

// TestSelfFenceDeadlineCancelsBMCFence: a BMC fence still in flight when
// the self-fence deadline confirms the host off is abandoned; left
// running, its power-off could land after the host came back and was
// readmitted.
func TestSelfFenceDeadlineCancelsBMCFence(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	b.observe("h2", MemberDead, b.now, true, false)
	b.step(time.Second, "h1", "h3")
	if len(b.fences) != 1 {
		t.Fatalf("fences %v", b.fences)
	}
	// The BMC never answers (a hung session); the lease deadline plus
	// margin passes.
	b.step(lc.TTL+2*time.Second, "h1", "h3")
	if st := b.host("h2").State; st != state.Fenced {
		t.Fatalf("h2 %s after its self-fence deadline\n%s", st, b.dump())
	}
	if !slices.Equal(b.cancels, b.fences[:1]) {
		t.Fatalf("cancelled %v, want the BMC fence in flight %v\n%s", b.cancels, b.fences[:1], b.dump())
	}
}

// TestLateRenewalOfOldBoot: a renewal, or a grant request, from a host's
// previous boot that arrives after the new boot registered (delayed in the
// network) is refused without recording its boot id: the state keeps the
// new one and no boot event flips it back.
func TestLateRenewalOfOldBoot(t *testing.T) {
	b := newBench(t, 3, 3)
	b.placeAll()
	b.renew(b.hosts...)
	oldBoot, oldEpoch := b.boots["h2"], b.epochs["h2"]
	if oldEpoch == 0 {
		t.Fatal("h2 holds no epoch")
	}
	// h2 reboots and asks for a lease under its new boot id.
	b.boots["h2"], b.epochs["h2"] = "h2-b2", 0
	b.now = b.now.Add(time.Second)
	b.renew("h2")
	if h := b.host("h2"); h.BootID != "h2-b2" || b.epochs["h2"] == 0 {
		t.Fatalf("after the reboot: boot id %s, epoch %d", h.BootID, b.epochs["h2"])
	}
	// The old boot's last renewal and a grant request it sent before
	// (epoch 0: its answer was lost) arrive now.
	for _, epoch := range []uint64{oldEpoch, 0} {
		b.seq++
		r := b.p.Renew(ctx, b.now, lease.Request{Holder: "h2", BootID: oldBoot, Epoch: epoch, Seq: b.seq}, executor.Report{})
		if r.Granted {
			t.Errorf("late request (epoch %d) of the old boot granted: %+v", epoch, r)
		}
	}
	if h := b.host("h2"); h.BootID != "h2-b2" {
		t.Fatalf("a late renewal of boot %s set the boot id back to %s", oldBoot, h.BootID)
	}
	for _, e := range b.events {
		if e.Kind == "boot" && strings.Contains(e.Message, "new boot id "+oldBoot) {
			t.Errorf("boot event flipped back: %s", e.Message)
		}
	}
	// The new boot renews on.
	b.now = b.now.Add(time.Second)
	b.renew("h2")
	if b.epochs["h2"] == 0 {
		t.Fatalf("the new boot lost its lease: %s", b.dump())
	}
}

// TestLeaderNeverLosesItself: the leader's own host misses its lease
// deadline (its renewals' commits stalled: a voter's disk was full, found
// by the chaos runner, seed 90642234112). The leader runs the planner, so
// its host is not lost: it must not revoke its own VMs and start fencing
// itself, which it never can ("a host does not fence itself through the
// cluster"); that left it in fencing for good, its VMs placed nowhere.
// Its executor stops its VMs when its own lease lapses; they run again
// when it renews.
func TestLeaderNeverLosesItself(t *testing.T) {
	b := newBench(t, 3, 6)
	b.placeAll()
	own := b.s.VMsOn("h1")
	if len(own) == 0 {
		t.Fatal("nothing on h1")
	}
	b.step(lc.TTL+2*time.Second, "h2", "h3")
	if st := b.host("h1").State; st != state.Healthy || len(b.fences) != 0 {
		t.Fatalf("the leader's own host h1 is %s after its lease deadline, fences %v\n%s", st, b.fences, b.dump())
	}
	for _, vm := range own {
		if o := b.owner(vm.Spec.Name); o != "h1" {
			t.Errorf("%s moved to %q: the leader revoked its own VMs", vm.Spec.Name, o)
		}
	}
}
