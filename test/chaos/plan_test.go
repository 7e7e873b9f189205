package chaos

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/test/chaos/check"
)

// TestNewPlan: a seed always gives the same plan, within the issue's
// bounds, and over many seeds every fault kind is drawn.
func TestNewPlan(t *testing.T) {
	seen := map[Kind]int{}
	for seed := range uint64(500) {
		p := NewPlan(seed)
		if q := NewPlan(seed); q.String() != p.String() {
			t.Fatalf("NewPlan(%d) differs between calls:\n%s\n%s", seed, p, q)
		}
		if p.Hosts < 3 || p.Hosts > 5 || p.VMs < 6 || p.VMs > 12 {
			t.Errorf("NewPlan(%d) = %d hosts, %d VMs; want 3..5 and 6..12", seed, p.Hosts, p.VMs)
		}
		if len(p.Steps) < minSteps || len(p.Steps) > maxSteps {
			t.Errorf("NewPlan(%d) has %d steps, want %d..%d", seed, len(p.Steps), minSteps, maxSteps)
		}
		for i, s := range p.Steps {
			if i > 0 && s.At <= p.Steps[i-1].At {
				t.Errorf("NewPlan(%d) step %d at %v, not after step %d at %v", seed, i, s.At, i-1, p.Steps[i-1].At)
			}
			if s.Kind != LeaderKill && (s.Host < 1 || s.Host > p.Hosts) || s.Peer < 1 || s.Peer > p.Hosts || s.Peer == s.Host {
				t.Errorf("NewPlan(%d) step %d hosts %d, %d of %d", seed, i, s.Host, s.Peer, p.Hosts)
			}
			if s.Kind == Loss && (s.Share < 0.05 || s.Share > 0.30) {
				t.Errorf("NewPlan(%d) step %d loss %v, want 5..30 %%", seed, i, s.Share)
			}
			if s.Kind == SlowDisk && (s.IOPS < 1 || s.IOPS > 10 || !slices.Contains(p.SlowDiskHosts(), s.Host)) {
				t.Errorf("NewPlan(%d) step %d slow disk of %d iops on h%d (slow disk hosts %v), want 1..10 iops on one of them", seed, i, s.IOPS, s.Host, p.SlowDiskHosts())
			}
		}
		for k, n := range p.Kinds() {
			seen[k] += n
		}
	}
	for _, k := range kinds {
		if seen[k.kind] == 0 {
			t.Errorf("500 seeds never drew %s", k.kind)
		}
	}
	for _, k := range []Kind{BMCSlowOff, SlowDisk} {
		if seen[k] == 0 {
			t.Errorf("500 seeds never drew %s", k)
		}
	}
	if a, b := NewPlan(1).String(), NewPlan(2).String(); a == b {
		t.Errorf("seeds 1 and 2 give the same plan:\n%s", a)
	}
}

// TestPlanStable: a seed replayed after faults were added runs what it
// ran before (this one failed once; its schedule as it was printed then).
func TestPlanStable(t *testing.T) {
	want := `seed 90642234112: 5 hosts, 7 VMs, BMCs read on 2s after a power off
  +  2.7s isolate          h3 for 4.2s
  +  5.4s disk-full        h2 for 3.5s
  + 10.9s partition        h3 h2 for 6.3s
  + 13.2s agent-kill       h1 for 6.3s
  + 17.4s disk-full        h2 for 7.9s
  + 20.9s partition        h3 h4 for 5.1s`
	if got := NewPlan(90642234112).String(); got != want {
		t.Errorf("NewPlan(90642234112) =\n%s\nwant\n%s", got, want)
	}
}

// TestPlanString: the schedule a failing run prints names the seed, the
// lab and every step.
func TestPlanString(t *testing.T) {
	p := Plan{Seed: 42, Hosts: 4, VMs: 7, PowerDelay: 2 * time.Second, Steps: []Step{
		{At: 2500 * time.Millisecond, Kind: PowerCut, Host: 3, Peer: 1},
		{At: 5 * time.Second, Kind: Partition, Host: 1, Peer: 2, For: 3 * time.Second},
		{At: 7 * time.Second, Kind: Loss, Host: 2, Peer: 1, Share: 0.17, For: time.Second},
		{At: 9 * time.Second, Kind: LeaderKill, Peer: 1, For: 4 * time.Second},
		{At: 10 * time.Second, Kind: BMCCrash, Host: 4, Peer: 1},
	}}
	want := []string{
		"seed 42: 4 hosts, 7 VMs, BMCs read on 2s after a power off",
		"+  2.5s power-cut        h3 until quiescence",
		"+  5.0s partition        h1 h2 for 3.0s",
		"+  7.0s loss             h2 17% for 1.0s",
		"+  9.0s leader-kill      the leader for 4.0s",
		"+ 10.0s ipmi-crash       h4",
	}
	if got := p.Schedule(); !slices.Equal(got, want) {
		t.Errorf("Schedule() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := p.End(); got != 13*time.Second {
		t.Errorf("End() = %v, want 13s", got)
	}
}

func TestPercentiles(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	got := percentiles(ds)
	if want := (Percentiles{N: 100, P50: 50, P99: 99, Max: 100}); got != want {
		t.Errorf("percentiles(1..100 ms) = %+v, want %+v", got, want)
	}
	if got := percentiles(nil); got != (Percentiles{}) {
		t.Errorf("percentiles(nil) = %+v, want zero", got)
	}
}

// TestVerdict: the checker's violations and a quiescence that did not
// converge are the run's; a clean history has none.
func TestVerdict(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	// beats: vm1 beating every second on each of hosts for 6 s.
	beats := func(hosts ...string) []check.Beat {
		var out []check.Beat
		ord := uint64(0)
		for sec := range 6 {
			for i, h := range hosts {
				ord++
				out = append(out, check.Beat{At: t0.Add(time.Duration(sec) * time.Second), Ord: ord, Host: h,
					File: "/lab/" + h + "/vm1/serial.log", VM: "vm1", Boot: string(rune('a' + i)), Seq: uint64(sec)})
			}
		}
		return out
	}
	base := func() *check.History {
		return &check.History{Start: t0, End: t0.Add(6 * time.Second),
			Hosts: []check.Host{{Name: "h1"}, {Name: "h2"}, {Name: "h3"}},
			VMs:   []check.VM{{Name: "vm1", Priority: 100, RTO: 30 * time.Second, Created: t0}}}
	}
	tests := []struct {
		name  string
		hosts []string
		q     Quiescence
		want  string // substring of the only violation; "" for none
	}{
		{name: "clean", hosts: []string{"h1"}},
		{name: "twice", hosts: []string{"h1", "h2"}, want: "never-twice"},
		{name: "not quiet", hosts: []string{"h1"}, q: Quiescence{Err: "timed out"}, want: "quiescence: not every VM running once where the cluster places it: timed out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := base()
			h.Heartbeats = beats(tt.hosts...)
			got, _ := verdict(h, tt.q)
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("verdict = %q, want none", got)
			case tt.want != "" && (len(got) == 0 || !strings.Contains(got[0], tt.want)):
				t.Errorf("verdict = %q, want a first one containing %q", got, tt.want)
			}
		})
	}
}

// TestFailovers: a failover is measured from the fault to the VM's first
// heartbeat elsewhere that it had not given before; a VM that never moved
// is not measured.
func TestFailovers(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	actions := []FaultRecord{
		{At: at(1000), Kind: PowerCut, Hosts: []string{"h1"}, Placed: []string{"vm1", "vm2", "vm3"}},
		{At: at(1500), Kind: AgentKill, Hosts: []string{"h2"}, Placed: []string{"vm4"}},
	}
	h := &check.History{Heartbeats: []check.Beat{
		{At: at(800), Host: "h1", VM: "vm1", Boot: "a", Seq: 5},
		{At: at(800), Host: "h1", VM: "vm2", Boot: "b", Seq: 5},
		{At: at(900), Host: "h2", VM: "vm4", Boot: "d", Seq: 5},
		// vm1 restarted on h2 (a new boot) 3.2 s after the cut.
		{At: at(4200), Host: "h2", VM: "vm1", Boot: "c", Seq: 0},
		// vm2's old boot seen again elsewhere with a seq it had already
		// given does not count; a higher one does.
		{At: at(2000), Host: "h3", VM: "vm2", Boot: "b", Seq: 5},
		{At: at(2600), Host: "h3", VM: "vm2", Boot: "b", Seq: 6},
		// vm3 only ever beats on its dead host.
		{At: at(1100), Host: "h1", VM: "vm3", Boot: "e", Seq: 9},
		{At: at(5000), Host: "h2", VM: "vm4", Boot: "d", Seq: 9},
	}}
	got := failovers(h, actions)
	want := []time.Duration{3200 * time.Millisecond, 1600 * time.Millisecond}
	if !slices.Equal(got, want) {
		t.Errorf("failovers = %v, want %v", got, want)
	}
}

// TestStaleOn: a slow-off BMC's stale "on" lasts from the off request to
// the off, or the delay when the log has no off.
func TestStaleOn(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	recs := []check.PowerRecord{
		{At: t0, Action: check.PowerOffRequested},
		{At: t0.Add(2100 * time.Millisecond), Action: check.PowerOff},
		{At: t0.Add(5 * time.Second), Action: check.PowerOn},
		{At: t0.Add(9 * time.Second), Action: check.PowerOffRequested},
	}
	got := staleOn("h1", recs, 2*time.Second)
	if len(got) != 2 || !got[0].End.Equal(t0.Add(2100*time.Millisecond)) || !got[1].End.Equal(t0.Add(11*time.Second)) ||
		got[0].Kind != check.FaultBMCStaleOn || got[0].Target != "h1" {
		t.Errorf("staleOn = %+v", got)
	}
}

// TestNewPlanFor: a seeded bug's scenario is drawn from the seed alone,
// stays within the lab's bounds and refers only to earlier steps; a bug
// without one gets the random schedule.
func TestNewPlanFor(t *testing.T) {
	if len(Scenarios()) == 0 {
		t.Fatal("no scenarios")
	}
	for _, bug := range Scenarios() {
		for seed := range uint64(50) {
			p := NewPlanFor(seed, bug)
			if q := NewPlanFor(seed, bug); q.String() != p.String() {
				t.Fatalf("NewPlanFor(%d, %s) differs between calls:\n%s\n%s", seed, bug, p, q)
			}
			if p.Scenario != bug || !strings.Contains(p.String(), "the scenario for "+bug) {
				t.Errorf("NewPlanFor(%d, %s): scenario %q in\n%s", seed, bug, p.Scenario, p)
			}
			if p.Hosts < minHosts || p.Hosts > maxHosts || p.VMs < minVMs || p.VMs > maxVMs || len(p.Steps) == 0 {
				t.Errorf("NewPlanFor(%d, %s) = %d hosts, %d VMs, %d steps", seed, bug, p.Hosts, p.VMs, len(p.Steps))
			}
			for i, s := range p.Steps {
				if i > 0 && s.At < p.Steps[i-1].At {
					t.Errorf("NewPlanFor(%d, %s) step %d at %v before step %d", seed, bug, i+1, s.At, i)
				}
				if s.Like > i || s.Host < 0 || s.Host > p.Hosts {
					t.Errorf("NewPlanFor(%d, %s) step %d: host %d, like %d", seed, bug, i+1, s.Host, s.Like)
				}
			}
		}
	}
	if a, b := NewPlanFor(3, "feed-after-late-renewal"), NewPlan(3); a.String() != b.String() {
		t.Errorf("a bug without a scenario gets\n%s\nwant the random plan\n%s", a, b)
	}
}
