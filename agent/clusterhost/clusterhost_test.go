package clusterhost

import (
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/fencing/watchdog"
	"github.com/vigil-ha/vigil/sensors/health"
)

// TestProfile: every profile's lease timing holds DESIGN.md's rule; an
// armed watchdog raises the TTL as far as the rule needs, and a watchdog
// too short for the gap between renewals is refused.
func TestProfile(t *testing.T) {
	for _, name := range []string{"lab", "lan", "wan"} {
		for _, wd := range []time.Duration{0, time.Second, 10 * time.Second, 30 * time.Second} {
			p, err := Profile(name, wd)
			if name == "wan" && wd == time.Second || name == "lan" && wd == time.Second {
				if err == nil {
					t.Errorf("Profile(%s, %v) = nil error, want the watchdog refused (renewals every %v)", name, wd, p.Lease.RenewInterval)
				}
				continue
			}
			if err != nil {
				t.Errorf("Profile(%s, %v) = %v", name, wd, err)
				continue
			}
			l := p.Lease
			if wd > 0 {
				if err := watchdog.CheckTiming(l.TTL, l.MaxDrift, wd, l.MaxRenewalRTT); err != nil {
					t.Errorf("Profile(%s, %v): %v", name, wd, err)
				}
			}
			if p.Raft.Heartbeat == 0 || p.LeaderTick == 0 || p.DeadAfter == 0 {
				t.Errorf("Profile(%s, %v) leaves timings unset: %+v", name, wd, p)
			}
		}
	}
	lab, _ := Profile("lab", 0)
	if lab.Lease.TTL != 4*time.Second {
		t.Errorf("lab TTL without a watchdog = %v, want 4s", lab.Lease.TTL)
	}
	if lab10, _ := Profile("lab", 10*time.Second); lab10.Lease.TTL <= 10*time.Second+lab10.Lease.MaxRenewalRTT+lab10.Lease.MaxDrift {
		t.Errorf("lab TTL with a 10 s watchdog = %v, not beyond the watchdog", lab10.Lease.TTL)
	}
	if _, err := Profile("fast", 0); err == nil || !strings.Contains(err.Error(), "lab, lan or wan") {
		t.Errorf("Profile(fast) = %v, want the known profiles named", err)
	}
}

func eta(s float64) *float64 { return &s }

// TestPlannerHealth: the leader learns the host's most urgent component:
// the shortest expected time to failure, imminence, and a lost redundancy.
func TestPlannerHealth(t *testing.T) {
	hh := agent.HostHealth{Host: "h1", Risk: health.RiskHigh, Degraded: true, Verdicts: map[string]health.Verdict{
		"bmc": {Components: []health.Component{
			{Name: "FAN1", Risk: health.RiskHigh, ETASeconds: eta(600), Reason: "falling"},
			{Name: "PSU2", Risk: health.RiskLow, Replace: true, Reason: "failed"},
		}},
		"kernel": {Components: []health.Component{{Name: "DIMM_A1", Risk: health.RiskHigh, ETASeconds: eta(120), Reason: "ECC rising"}}},
	}}
	ph := plannerHealth(hh)
	if ph.ETA != 2*time.Minute || ph.Component != "DIMM_A1" || ph.Imminent || !ph.RedundancyLost {
		t.Errorf("plannerHealth = %+v, want DIMM_A1 in 2m, redundancy lost, not imminent", ph)
	}
	hh.Risk = health.RiskImminent
	if ph := plannerHealth(hh); !ph.Imminent {
		t.Errorf("plannerHealth(imminent) = %+v, want Imminent", ph)
	}
	if ph := plannerHealth(agent.HostHealth{Host: "h1", Risk: health.RiskNone}); ph.ETA != 0 || ph.Imminent || ph.RedundancyLost || ph.Component != "" {
		t.Errorf("plannerHealth(fine) = %+v, want nothing", ph)
	}
}

// TestProberVerdicts: a host is suspect from its first failed probe and
// dead once its probes have failed for DeadAfter, since the first failure
// was seen; an answer makes it alive at once.
func TestProberVerdicts(t *testing.T) {
	tm, _ := Profile("lab", 0)
	p := &Prober{h: &Host{timing: tm}, hosts: map[string]*probed{}}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	step := func(ok bool, at time.Duration) planner.Observation {
		p.note("h2", ok, t0.Add(at))
		obs := p.Observations(t0.Add(at))
		if len(obs) != 1 {
			t.Fatalf("%d observations, want 1", len(obs))
		}
		return obs[0]
	}
	if o := step(true, 0); o.Member != planner.MemberAlive {
		t.Errorf("answering host = %v, want alive", o.Member)
	}
	if o := step(false, 500*time.Millisecond); o.Member != planner.MemberSuspect || !o.Since.Equal(t0.Add(500*time.Millisecond)) {
		t.Errorf("first failure = %+v, want suspect since it", o)
	}
	if o := step(false, 500*time.Millisecond+tm.DeadAfter-time.Millisecond); o.Member != planner.MemberSuspect {
		t.Errorf("failing just under DeadAfter = %v, want suspect", o.Member)
	}
	if o := step(false, 500*time.Millisecond+tm.DeadAfter); o.Member != planner.MemberDead || !o.Since.Equal(t0.Add(500*time.Millisecond)) {
		t.Errorf("failing for DeadAfter = %+v, want dead since the first failure", o)
	}
	if o := step(true, 3*time.Second); o.Member != planner.MemberAlive {
		t.Errorf("answering again = %v, want alive", o.Member)
	}
}

// TestVMViewStates: an unplaced VM is recovering, or held while the
// state's hold lasts (vm list, status), and vm show says why.
func TestVMViewStates(t *testing.T) {
	now := time.Now()
	spec := state.VMSpec{Name: "vm1", VCPUs: 1, MemoryMiB: 64, HA: state.HA{Priority: 1, RTO: time.Second}}
	hold := &state.Hold{Reason: "failed to start 3 times within 5m0s on h2 (last: no disk)", Host: "h2", Since: now.Add(-time.Minute), Until: now.Add(time.Hour)}
	expired := &state.Hold{Reason: "old", Host: "h2", Since: now.Add(-2 * time.Hour), Until: now.Add(-time.Hour)}
	cases := []struct {
		name string
		vm   state.VM
		want string
	}{
		{"unplaced", state.VM{Spec: spec, Desired: state.Running, Generation: 2}, "recovering"},
		{"held", state.VM{Spec: spec, Desired: state.Running, Generation: 2, Hold: hold}, "held"},
		{"hold over", state.VM{Spec: spec, Desired: state.Running, Generation: 2, Hold: expired}, "recovering"},
		{"stopped", state.VM{Spec: spec, Desired: state.Stopped, Generation: 2, Hold: hold}, "stopped"},
	}
	h := &Host{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := h.vmView(tc.vm).State; got != tc.want {
				t.Errorf("vmView(%s).State = %q, want %q", tc.name, got, tc.want)
			}
		})
	}
}

// TestFenceHistory: the status carries the state's latest fence records,
// oldest first, bounded, with a confirmation time only when confirmed.
func TestFenceHistory(t *testing.T) {
	var fs []state.FenceRecord
	t0 := time.Date(2026, 12, 2, 20, 0, 0, 0, time.UTC)
	for i := range localapi.MaxStatusFences + 5 {
		fs = append(fs, state.FenceRecord{ID: uint64(i + 1), Target: "h3", By: "h1", Method: "ipmi", Started: t0.Add(time.Duration(i) * time.Minute)})
	}
	fs[len(fs)-1].Confirmed, fs[len(fs)-1].ConfirmedAt, fs[len(fs)-1].Confirmation = true, t0.Add(time.Hour), "power read back off"
	got := fenceHistory(fs)
	if len(got) != localapi.MaxStatusFences || got[0].ID != 6 || got[len(got)-1].ID != uint64(len(fs)) {
		t.Fatalf("fenceHistory kept %d records from %d to %d, want the latest %d", len(got), got[0].ID, got[len(got)-1].ID, localapi.MaxStatusFences)
	}
	last := got[len(got)-1]
	if !last.Confirmed || last.ConfirmedAt == nil || !last.ConfirmedAt.Equal(t0.Add(time.Hour)) || last.Confirmation == "" || got[0].ConfirmedAt != nil {
		t.Errorf("records %+v … %+v: want the confirmation on the confirmed one only", got[0], last)
	}
	if len(fenceHistory(nil)) != 0 {
		t.Error("no records, yet a history")
	}
}
