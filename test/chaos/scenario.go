package chaos

import (
	"math/rand/v2"
	"slices"
	"time"
)

// A scenario is a schedule aimed at one seeded bug: the faults that bring
// the agents to where that bug breaks an invariant, at hosts and times
// drawn from the seed. Some bugs sit behind a sequence a random schedule
// seldom draws (the mass-fence guard only binds when a fenced host came
// back and voted again inside the guard's window: with a fixed set of
// voters, quorum alone never lets more hosts be fenced than the guard
// allows). `vigil-lab chaos --bug NAME` runs the bug's scenario when it
// has one and a random schedule otherwise; a correct agent passes every
// scenario (TestScenarios).
type scenario func(rng *rand.Rand, p *Plan)

// scenarios are the schedules aimed at a seeded bug, by its name.
var scenarios = map[string]scenario{
	// A follower's agent hangs past its lease while its VMs run on, and
	// BMCs take 3 s to power a host off after taking the command. The
	// leader fences it; only reading the power back off (not the BMC's
	// acceptance) tells it the VMs are gone.
	"skip-fence-confirmation": agentHangsSlowOff,
	// The same: the VMs taken from the hung host may run elsewhere only
	// once it released them or is confirmed off.
	"release-on-revoke-without-ack": agentHangsSlowOff,
	// A follower cut off from its peers (its BMC in reach): memberlist
	// calls it dead within a second, while its lease still lets it run
	// its VMs for seconds.
	"trust-memberlist-dead": func(rng *rand.Rand, p *Plan) {
		p.Hosts, p.VMs = 3+rng.IntN(2), 6+rng.IntN(3)
		p.Steps = []Step{{At: ms(rng, 3000, 4000), Kind: Isolate, Host: 1 + rng.IntN(p.Hosts), AFollower: true, For: ms(rng, 8000, 10000)}}
		p.Tail = 10 * time.Second
	},
	// A follower cut off from its peers and its BMC out of their reach:
	// nobody can fence it, and the lab's hosts have no watchdog, so only
	// its own executor stops its VMs when its lease lapses.
	"keep-running-after-lapse": func(rng *rand.Rand, p *Plan) {
		p.Hosts, p.VMs = 3+rng.IntN(2), 6+rng.IntN(3)
		at, cut := ms(rng, 3000, 4000), ms(rng, 9000, 12000)
		p.Steps = []Step{
			{At: at, Kind: BMCPartition, Host: 1 + rng.IntN(p.Hosts), AFollower: true, For: cut + time.Second},
			{At: at, Kind: Isolate, Like: 1, For: cut},
		}
		p.Tail = 10 * time.Second
	},
	// A follower's power is cut: the cluster must restart its VMs
	// elsewhere, not forget them once taken.
	"forget-revoked-vms": func(rng *rand.Rand, p *Plan) {
		p.Hosts, p.VMs = 3+rng.IntN(2), 6+rng.IntN(3)
		p.Steps = []Step{{At: ms(rng, 3000, 4000), Kind: PowerCut, Host: 1 + rng.IntN(p.Hosts), AFollower: true}}
		// Past the VMs' RTO budget (30 s), so that a VM never placed
		// again is judged before quiescence places it.
		p.Tail = 40 * time.Second
	},
	// Fenced one after another: a host's power is cut, a technician
	// powers it on a few seconds later (it rejoins raft as a voter,
	// fenced), then a second host's power is cut inside the guard's
	// window. The guard holds the second fence until the first leaves
	// the window; without it two of three hosts are fenced within it.
	"fence-without-mass-guard": func(rng *rand.Rand, p *Plan) {
		p.Hosts, p.VMs = 3, 6+rng.IntN(3)
		first := 1 + rng.IntN(p.Hosts)
		second := 1 + (first+rng.IntN(p.Hosts-1))%p.Hosts
		at := ms(rng, 2000, 4000)
		back := ms(rng, 5000, 7000)
		p.Steps = []Step{
			{At: at, Kind: PowerCut, Host: first, For: back},
			{At: at + back + ms(rng, 6000, 9000), Kind: PowerCut, Host: second},
		}
		// Until the first fence left the guard's window (20 s in the
		// lab) and the second host's VMs run again.
		p.Tail = 25 * time.Second
	},
	// The leader stopped while it fences: a follower's power is cut
	// and its BMC crashes and stays down, so the leader's fence fails and
	// is retried; right after a failed attempt the leader's agent is
	// stopped (a new leader is elected meanwhile) and wakes up with its
	// retry due, three times over. Only its confirmation of leadership
	// keeps it from sending the power-off as a deposed leader.
	"fence-without-verify-leader": func(rng *rand.Rand, p *Plan) {
		p.Hosts, p.VMs = 5, 6+rng.IntN(3)
		at := ms(rng, 3000, 4000)
		p.Steps = []Step{
			{At: at, Kind: PowerCut, Host: 1 + rng.IntN(p.Hosts), AFollower: true},
			// Down, not out of reach: a fence attempt fails within
			// seconds and is retried 1 s later, where one to a BMC out
			// of reach would wait out its 20 s timeout.
			{At: at + 200*time.Millisecond, Kind: BMCCrash, Like: 1, For: 40 * time.Second},
		}
		p.BMCStaysDown = true
		// Each stop outlasts the retry's 1 s backoff and an election
		// (about 1 s) and ends before the stopped host's lease (4 s in
		// the lab) runs out and it is fenced itself.
		for range 3 {
			p.Steps = append(p.Steps, Step{At: at + 500*time.Millisecond, Kind: LeaderStop, AfterFenceFailed: true, For: ms(rng, 1500, 2500)})
		}
		// Until the fence the BMC's return lets through has long landed,
		// before quiescence powers the host on again.
		p.Tail = 54 * time.Second
	},
}

// agentHangsSlowOff: a follower's agent stopped for longer than its lease
// while BMCs keep a host running 3 s after a power off.
func agentHangsSlowOff(rng *rand.Rand, p *Plan) {
	p.Hosts, p.VMs = 3+rng.IntN(2), 6+rng.IntN(3)
	p.PowerDelay = 3 * time.Second
	p.Steps = []Step{{At: ms(rng, 3000, 4000), Kind: AgentStop, Host: 1 + rng.IntN(p.Hosts), AFollower: true, For: ms(rng, 8000, 10000)}}
	p.Tail = 12 * time.Second
}

// Two bugs with no scenario, and why, are in the package documentation.

// ms draws a duration from lo to hi milliseconds.
func ms(rng *rand.Rand, lo, hi int) time.Duration {
	return time.Duration(lo+rng.IntN(hi-lo+1)) * time.Millisecond
}

// Scenarios lists the seeded bugs that have a scenario.
func Scenarios() []string {
	out := make([]string, 0, len(scenarios))
	for name := range scenarios {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// NewPlanFor draws a run's plan from seed for seeded bug bug: its
// scenario when it has one, NewPlan's random schedule otherwise.
func NewPlanFor(seed uint64, bug string) Plan {
	build, ok := scenarios[bug]
	if !ok {
		return NewPlan(seed)
	}
	p := Plan{Seed: seed, Scenario: bug}
	build(rand.New(rand.NewPCG(seed, 0x7363656e_6172696f)), &p) // "scenario"
	return p
}
