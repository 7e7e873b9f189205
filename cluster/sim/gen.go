package sim

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
)

// Step is one command of a scenario, at a time since Epoch.
type Step struct {
	At  time.Duration
	Cmd string
}

// Scenario is a cluster and a schedule of faults, run until End.
type Scenario struct {
	Seed    uint64
	Cluster Cluster
	Steps   []Step
	End     time.Duration
}

// quiet is how long a generated scenario runs after its last fault
// cleared: longer than the RTO, so every VM must be back.
const (
	quiet = 50 * time.Second
	rto   = 45 * time.Second
)

// Generate derives a scenario from seed: 3 to 7 hosts with mixed
// watchdogs, BMCs and clocks, some VMs, and one to three fault episodes
// (power cuts, partitions and blips, BMCs that stop answering, stalled
// agents, late replies, mass splits, lossy links, failing starts,
// predicted failures, resets, drains, storage cuts, unkillable QEMU), then
// everything cleared and a quiet period longer than the RTO.
func Generate(seed uint64) Scenario {
	if seed%10 == 9 {
		return generateTwoHosts(seed)
	}
	r := rand.New(rand.NewPCG(seed, 0x9e4e))
	n := []int{3, 3, 4, 5, 5, 6, 7, 7}[r.IntN(8)]
	c := NewCluster(n, 0)
	if n >= 5 && r.IntN(3) == 0 {
		c.Voters = 5
	}
	for i := range n {
		c.Watchdog[i] = r.IntN(4) != 0
		c.BMC[i] = BMC{OffDelay: rnd(r, 0, 3*time.Second), ReadLag: rnd(r, 0, time.Second)}
		c.Rate[i] = 1 + (r.Float64()*2-1)*0.02
	}
	if r.IntN(2) == 0 {
		c.CatchUpMax = 12 * time.Second
	}
	m := n + r.IntN(2*n+1)
	pair := n >= 3 && r.IntN(3) == 0
	for i := range m {
		group := ""
		if pair && i < 2 {
			group = "pair"
		}
		c.VMs = append(c.VMs, vmSpec(i+1, []int64{1024, 2048, 4096}[r.IntN(3)], []int{1, 2, 4}[r.IntN(3)], []int{0, 100, 200}[r.IntN(3)], rto, group))
	}
	if pair {
		c.Groups = []state.GroupPolicy{{Name: "pair", Affinity: state.Apart}}
	}
	g := &gen{r: r, n: n, voters: c.Voters, vms: m}
	for range 1 + r.IntN(3) {
		g.episode(rnd(r, 6*time.Second, 25*time.Second))
	}
	return g.finish(seed, c)
}

// finish sorts the faults and adds the healing of everything and the quiet
// period.
func (g *gen) finish(seed uint64, c Cluster) Scenario {
	n, m := g.n, g.vms
	sort.SliceStable(g.steps, func(i, j int) bool { return g.steps[i].At < g.steps[j].At })
	last := 6 * time.Second
	if k := len(g.steps); k > 0 {
		last = g.steps[k-1].At
	}
	clear := last + time.Second
	g.steps = append(g.steps, Step{clear, "heal"})
	for i := range n {
		h := hostName(i)
		for _, cmd := range []string{"heal-bmc", "storage-heal", "power-on", "health %s fine", "stop-fails %s off"} {
			if strings.Contains(cmd, "%s") {
				cmd = fmt.Sprintf(cmd, h)
			} else {
				cmd += " " + h
			}
			g.steps = append(g.steps, Step{clear, cmd})
		}
	}
	for i := range m {
		g.steps = append(g.steps, Step{clear, fmt.Sprintf("start-fails vm%d off", i+1)})
	}
	return Scenario{Seed: seed, Cluster: c, Steps: g.steps, End: clear + quiet}
}

// raceDelay is the non-preferred host's wait in generated two-host
// clusters: more than two BMC power-off delays (up to 3 s here) after the
// preferred host's window closes.
const raceDelay = 6 * time.Second

// generateTwoHosts is a scenario of two hosts without a witness, both
// voters, settling lost links by a fence race (Cluster.TieBreak): links
// cut for a blip or for long, BMCs out of reach (one or both), power cuts,
// frozen agents and cut storage, then everything healed.
func generateTwoHosts(seed uint64) Scenario {
	r := rand.New(rand.NewPCG(seed, 0x2b057))
	c := NewCluster(2, 0)
	c.Voters, c.TieBreak, c.Lease = 2, raceDelay, TwoHostLease
	for i := range 2 {
		c.Watchdog[i] = r.IntN(4) != 0
		c.BMC[i] = BMC{OffDelay: rnd(r, 0, 3*time.Second), ReadLag: rnd(r, 0, time.Second)}
		c.Rate[i] = 1 + (r.Float64()*2-1)*0.02
	}
	m := 2 + r.IntN(4)
	for i := range m {
		c.VMs = append(c.VMs, vmSpec(i+1, []int64{1024, 2048, 4096}[r.IntN(3)], []int{1, 2, 4}[r.IntN(3)], []int{0, 100, 200}[r.IntN(3)], rto, ""))
	}
	g := &gen{r: r, n: 2, voters: 2, vms: m}
	for range 1 + r.IntN(2) {
		t := rnd(r, 6*time.Second, 25*time.Second)
		h := g.host()
		switch r.IntN(6) {
		case 0: // cut apart, short or long
			g.at(t, "partition %d", h)
			g.at(t+rnd(r, 300*time.Millisecond, 30*time.Second), "heal")
		case 1: // cut apart with one BMC, or both, out of reach
			g.at(t-time.Second, "fail-bmc %d", h)
			if r.IntN(3) == 0 {
				g.at(t-time.Second, "fail-bmc %d", 3-h)
			}
			g.at(t, "partition %d", h)
			g.at(t+rnd(r, 5*time.Second, 30*time.Second), "heal")
			if r.IntN(2) == 0 {
				g.at(t+rnd(r, 2*time.Second, 20*time.Second), "heal-bmc %d", h)
			}
		case 2: // a power cut, maybe repaired
			g.at(t, "power-off %d", h)
			if r.IntN(2) == 0 {
				g.at(t+rnd(r, 10*time.Second, 30*time.Second), "power-on %d", h)
			}
		case 3: // a frozen agent, then cut apart
			g.at(t, "stall %d %v", h, rnd(r, 300*time.Millisecond, 10*time.Second).Round(time.Millisecond))
			if r.IntN(2) == 0 {
				g.at(t+rnd(r, 0, 3*time.Second), "partition %d", h)
				g.at(t+rnd(r, 5*time.Second, 20*time.Second), "heal")
			}
		case 4: // blips
			for range 2 + r.IntN(4) {
				g.at(t, "partition %d", g.host())
				t += rnd(r, 100*time.Millisecond, 2500*time.Millisecond)
				g.at(t, "heal")
				t += rnd(r, 200*time.Millisecond, 3*time.Second)
			}
		case 5: // cut apart from each other and from storage
			g.at(t, "storage-cut %d", h)
			g.at(t, "partition %d", h)
			g.at(t+rnd(r, 5*time.Second, 20*time.Second), "heal")
		}
	}
	return g.finish(seed, c)
}

type gen struct {
	r      *rand.Rand
	n      int
	voters int
	vms    int
	steps  []Step
}

func (g *gen) at(t time.Duration, format string, a ...any) {
	g.steps = append(g.steps, Step{At: t.Round(time.Millisecond), Cmd: fmt.Sprintf(format, a...)})
}

func (g *gen) host() int { return 1 + g.r.IntN(g.n) }

func (g *gen) episode(t time.Duration) {
	r := g.r
	h := g.host()
	switch r.IntN(15) {
	case 0: // power cut, maybe repaired later
		g.at(t, "power-off %d", h)
		if r.IntN(10) < 7 {
			g.at(t+rnd(r, 10*time.Second, 30*time.Second), "power-on %d", h)
		}
	case 1: // partition of one host, short or long
		g.at(t, "partition %d", h)
		g.at(t+rnd(r, 300*time.Millisecond, 20*time.Second), "heal")
	case 2: // blips: false suspicions that must lead nowhere
		for range 2 + r.IntN(4) {
			g.at(t, "partition %d", g.host())
			t += rnd(r, 100*time.Millisecond, 1500*time.Millisecond)
			g.at(t, "heal")
			t += rnd(r, 200*time.Millisecond, 3*time.Second)
		}
	case 3: // the BMC stops answering, then the host is lost
		g.at(t-time.Second, "fail-bmc %d", h)
		if r.IntN(2) == 0 {
			g.at(t, "power-off %d", h)
		} else {
			g.at(t, "partition %d", h)
			g.at(t+rnd(r, 5*time.Second, 25*time.Second), "heal")
		}
		if r.IntN(10) < 6 {
			g.at(t+rnd(r, 5*time.Second, 30*time.Second), "heal-bmc %d", h)
		}
	case 4: // the agent freezes
		g.at(t, "stall %d %v", h, rnd(r, 300*time.Millisecond, 15*time.Second).Round(time.Millisecond))
	case 5: // replies reach the host late, then it is cut off with QEMU unkillable
		for v := 1; v <= g.voters; v++ {
			if v != h {
				g.at(t, "delay %d>%d %v %v", v, h, 6*time.Second, 9*time.Second)
			}
		}
		t2 := t + rnd(r, 500*time.Millisecond, 1500*time.Millisecond)
		g.at(t2, "partition %d", h)
		g.at(t2, "stop-fails %d on", h)
		g.at(t2, "fail-bmc %d", h)
		g.at(t2+rnd(r, 20*time.Second, 25*time.Second), "heal")
	case 6: // a switch fails: most non-voters cut off at once
		if g.n-g.voters >= 2 {
			var cut []string
			for i := g.voters + 1; i <= g.n; i++ {
				cut = append(cut, fmt.Sprint(i))
			}
			g.at(t, "partition %s", strings.Join(cut, " "))
			g.at(t+rnd(r, 10*time.Second, 25*time.Second), "heal")
		} else {
			g.at(t, "power-off %d", h)
		}
	case 7: // lossy links
		for range 1 + r.IntN(4) {
			a, b := g.host(), g.host()
			if a != b {
				g.at(t, "loss %d>%d %.2f", a, b, 0.1+r.Float64()*0.5)
			}
		}
		g.at(t+rnd(r, 3*time.Second, 15*time.Second), "heal")
	case 8: // a VM that will not start
		vm := 1 + r.IntN(g.vms)
		g.at(t, "start-fails vm%d on", vm)
		g.at(t+rnd(r, 5*time.Second, 25*time.Second), "start-fails vm%d off", vm)
	case 9: // predicted failure
		switch r.IntN(4) {
		case 0:
			g.at(t, "health %d imminent dimm", h)
		case 1:
			g.at(t, "health %d eta 5s fan", h)
		case 2:
			g.at(t, "health %d eta 1h psu", h)
		default:
			g.at(t, "health %d redundancy-lost fan2", h)
		}
		if r.IntN(2) == 0 {
			g.at(t+rnd(r, 10*time.Second, 25*time.Second), "health %d fine", h)
		}
	case 10: // a quick reset (watchdog or a person)
		g.at(t, "reset %d", h)
	case 11: // drain and readmit
		g.at(t, "drain %d", h)
		g.at(t+rnd(r, 10*time.Second, 20*time.Second), "readmit %d", h)
	case 12: // cut off from storage and network: not isolated, dead
		g.at(t, "storage-cut %d", h)
		g.at(t, "partition %d", h)
		g.at(t+rnd(r, 5*time.Second, 20*time.Second), "heal")
	case 14: // answers reach the host too late, and nothing else is wrong
		d := rnd(r, 1500*time.Millisecond, 4*time.Second)
		for v := 1; v <= g.voters; v++ {
			if v != h {
				g.at(t, "delay %d>%d %v %v", v, h, d.Round(time.Millisecond), (d + time.Second).Round(time.Millisecond))
			}
		}
		g.at(t+rnd(r, 10*time.Second, 25*time.Second), "heal")
	case 13: // cut off with QEMU unkillable: the watchdog must act
		g.at(t, "stop-fails %d on", h)
		g.at(t, "partition %d", h)
		g.at(t+rnd(r, 5*time.Second, 20*time.Second), "heal")
	}
}

// String is the scenario's schedule, one command per line.
func (sc Scenario) String() string {
	var b strings.Builder
	c := sc.Cluster
	fmt.Fprintf(&b, "# seed %d: %d hosts (%d voters), %d VMs, watchdog %v, catch-up ≤ %v\n", sc.Seed, c.Hosts, c.Voters, len(c.VMs), c.Watchdog, c.CatchUpMax)
	for _, st := range sc.Steps {
		fmt.Fprintf(&b, "at %-9s %s\n", fmtDur(st.At), st.Cmd)
	}
	fmt.Fprintf(&b, "end %s\n", fmtDur(sc.End))
	return b.String()
}

// Run runs a scenario and returns the simulation with its violations
// (and trace, if asked for).
func Run(sc Scenario, trace, verbose bool) (*Sim, error) {
	s, err := New(sc.Cluster, sc.Seed)
	if err != nil {
		return nil, err
	}
	if trace {
		s.Trace(verbose)
	}
	for _, st := range sc.Steps {
		s.RunFor(st.At - s.Now())
		var out strings.Builder
		if err := s.exec(strings.Fields(st.Cmd), &out); err != nil {
			return s, fmt.Errorf("at %s %q: %w", fmtDur(st.At), st.Cmd, err)
		}
		if s.trace != nil {
			s.trace.WriteString(out.String())
		}
	}
	s.RunFor(sc.End - s.Now())
	return s, nil
}
