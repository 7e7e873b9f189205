package chaos

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Kind names one fault of the schedule; the names are the keys of the
// report's "faults" counts and, but for slow-agent, the checker's fault
// kinds (check.Fault*).
type Kind string

// The faults a run draws from. What the issue asks for and this lab cannot
// do is listed in the package documentation.
const (
	// PowerCut presses the host's power off through its BMC (the BMC
	// stays up and reads off); the host stays off until quiescence, or,
	// when the step has a duration, until a technician powers it on then
	// (a new boot: the agent starts again, the host rejoins as fenced and
	// the technician readmits it as soon as the cluster takes it).
	PowerCut Kind = "power-cut"
	// Partition cuts two hosts apart, both ways, on both networks.
	Partition Kind = "partition"
	// PartitionOneWay drops one host's packets to another (both networks).
	PartitionOneWay Kind = "partition-one-way"
	// Isolate cuts one host from every peer (its BMC stays reachable).
	Isolate Kind = "isolate"
	// BMCPartition cuts a host's BMC off from every other host (the test
	// process still reaches it).
	BMCPartition Kind = "partition-bmc"
	// Loss drops 5 to 30 % of a host's management packets each way.
	Loss Kind = "loss"
	// AgentKill SIGKILLs a host's agent and starts it again after a pause.
	AgentKill Kind = "agent-kill"
	// AgentStop SIGSTOPs a host's agent and SIGCONTs it after a while.
	AgentStop Kind = "agent-stop"
	// LeaderStop SIGSTOPs the agent of the host the cluster's leader is at
	// that moment and SIGCONTs it after a while: it wakes up deposed, with
	// the timers of a leader.
	LeaderStop Kind = "leader-stop"
	// LeaderKill SIGKILLs the agent of the host the cluster's leader is at
	// that moment and starts it again after a pause.
	LeaderKill Kind = "leader-kill"
	// BMCCrash kills a host's ipmi_sim as a crash would; the lab's BMC
	// watchdog (lab.Options.IPMIAutoRestart) brings it back.
	BMCCrash Kind = "ipmi-crash"
	// BMCRestart restarts a host's ipmi_sim (same ports, SEL, power).
	BMCRestart Kind = "ipmi-restart"
	// BMCSlowOff makes every BMC of the run read "on" (and the host run)
	// for a while after a power off was accepted (ipmi_sim's OffDelay,
	// lab.Options.PowerDelay). It is a property of the whole run, drawn
	// with the lab's size, since the lab sets it when the BMCs start.
	BMCSlowOff Kind = "bmc-stale-on"
	// DiskFull fills the host's state directory (its tmpfs) to ENOSPC.
	DiskFull Kind = "disk-full"
	// SlowAgent starves the host's agent of CPU (a cgroup CPU quota of 5 %
	// of one core): every write, fsync and reply of the agent crawls.
	SlowAgent Kind = "slow-agent"
	// SlowDisk throttles the agent's I/O on its state directory to a few
	// operations a second (blkio write and read IOPS on the block device
	// under it): every bbolt commit, raft's log included, waits on its
	// fsync. The host's state directory is then a small ext4 on a loop
	// device (mounted over its tmpfs when the lab starts), since a tmpfs
	// has no device to throttle.
	SlowDisk Kind = "slow-disk"
	// Degrade fails a host's FAN1 and heats its CPU toward critical: the
	// agents should evacuate it by live migration meanwhile.
	Degrade Kind = "degrade"
)

// kinds are the faults a step may be, with their weights.
var kinds = []struct {
	kind   Kind
	weight int
}{
	{PowerCut, 4},
	{Partition, 2},
	{PartitionOneWay, 2},
	{Isolate, 3},
	{BMCPartition, 2},
	{Loss, 2},
	{AgentKill, 2},
	{AgentStop, 2},
	{LeaderKill, 2},
	{BMCCrash, 1},
	{BMCRestart, 1},
	{DiskFull, 1},
	{SlowAgent, 1},
	{Degrade, 2},
}

// Plan is one run, drawn from its seed: the lab's size and the schedule
// of faults. The same seed always gives the same plan; replaying it runs
// the same faults at the same offsets against the same hosts (what the
// agents decide in between is theirs).
type Plan struct {
	Seed uint64
	// Scenario is the seeded bug whose scenario drew the schedule (see
	// NewPlanFor); "" for a random schedule.
	Scenario string
	Hosts    int
	VMs      int
	// PowerDelay is how long every BMC reads "on" after a power off
	// (zero: at once); see BMCSlowOff.
	PowerDelay time.Duration
	Steps      []Step
	// BMCStaysDown: a crashed ipmi_sim stays down until its step is
	// healed (BMCCrash with a duration), not brought back by the lab's
	// BMC watchdog after 2 s.
	BMCStaysDown bool
	// Tail is how long the schedule goes on after its last step starts
	// (faults left to the agents before quiescence heals them all).
	Tail time.Duration
}

// Step is one fault: injected At after the schedule starts, healed For
// later (zero: healed only at quiescence).
type Step struct {
	At   time.Duration
	Kind Kind
	// Host is the host the fault hits (1-based); Peer the other end of a
	// partition. For LeaderKill and LeaderStop, Host is resolved when the
	// step runs, as it is for AFollower and Like.
	Host, Peer int
	// AFollower: the host is one the leader is not on when the step runs
	// (the first powered-on one from Host on).
	AFollower bool
	// Like (1-based step number, 0: none): the host is the one that
	// earlier step hit.
	Like int
	// AfterFenceFailed (LeaderStop only): from At, the step waits until
	// the leader records a failed fence, then stops it at once for For,
	// so that its retry falls due while it sleeps (at most 30 s; none:
	// skipped). Its heal is timed from the stop, not from At.
	AfterFenceFailed bool
	// Share is the packet loss share.
	Share float64
	// IOPS is a slow disk's read and write operations a second.
	IOPS int
	For  time.Duration
}

// Lab sizes and schedule bounds.
const (
	minHosts, maxHosts = 3, 5
	minVMs, maxVMs     = 6, 12
	minSteps, maxSteps = 3, 6
)

// NewPlan draws a run's plan from seed.
func NewPlan(seed uint64) Plan {
	rng := rand.New(rand.NewPCG(seed, 0x76696769_6c636861)) // "vigilcha"
	p := Plan{Seed: seed}
	p.Hosts = minHosts + rng.IntN(maxHosts-minHosts+1)
	p.VMs = minVMs + rng.IntN(maxVMs-minVMs+1)
	// Real BMCs take seconds to power a host off while they already
	// answered the command: half the runs have BMCs that do.
	if rng.IntN(2) == 0 {
		p.PowerDelay = time.Duration(1+rng.IntN(3)) * time.Second
	}
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	n := minSteps + rng.IntN(maxSteps-minSteps+1)
	// Draws added since seeds were first replayed come from a stream of
	// their own, so that an older seed's plan stays what it was: half of
	// the slow-agent steps are slow disks.
	more := rand.New(rand.NewPCG(seed, 0x736c6f77_6469736b)) // "slowdisk"
	at := time.Duration(0)
	for range n {
		// 2 to 8 s between steps: faults overlap, and the agents' own
		// timers (a 4 s lease, 0.7 s to dead) run in between.
		at += time.Duration(2000+rng.IntN(6000)) * time.Millisecond
		pick := rng.IntN(total)
		var kind Kind
		for _, k := range kinds {
			if pick < k.weight {
				kind = k.kind
				break
			}
			pick -= k.weight
		}
		s := Step{At: at, Kind: kind, Host: 1 + rng.IntN(p.Hosts)}
		s.Peer = 1 + rng.IntN(p.Hosts-1)
		if s.Peer >= s.Host {
			s.Peer++
		}
		// How long the fault lasts: 1 to 12 s (a power cut lasts until
		// quiescence, as a technician powers the host on later).
		s.For = time.Duration(1000+rng.IntN(11000)) * time.Millisecond
		switch kind {
		case PowerCut:
			s.For = 0
		case Loss:
			s.Share = float64(5+rng.IntN(26)) / 100
		case BMCCrash, BMCRestart:
			// Over at once: the BMC's own restart is the heal.
			s.For = 0
		case Degrade:
			// The heat needs time to build; the evacuation needs time
			// to finish.
			s.For = time.Duration(15000+rng.IntN(10000)) * time.Millisecond
		case SlowAgent:
			if more.IntN(2) == 0 {
				s.Kind, s.IOPS = SlowDisk, 1+more.IntN(10)
			}
		}
		if kind == LeaderKill || kind == LeaderStop {
			s.Host = 0
		}
		p.Steps = append(p.Steps, s)
	}
	return p
}

// Kinds counts the plan's faults by kind (BMCSlowOff once when set).
func (p Plan) Kinds() map[Kind]int {
	out := map[Kind]int{}
	for _, s := range p.Steps {
		out[s.Kind]++
	}
	if p.PowerDelay > 0 {
		out[BMCSlowOff]++
	}
	return out
}

// SlowDiskHosts are the hosts (1-based) a slow disk hits: their state
// directories go on loop devices when the lab starts.
func (p Plan) SlowDiskHosts() []int {
	var out []int
	for _, s := range p.Steps {
		if s.Kind == SlowDisk && s.Host > 0 && !s.AFollower && s.Like == 0 && !slices.Contains(out, s.Host) {
			out = append(out, s.Host)
		}
	}
	slices.Sort(out)
	return out
}

// End is when the schedule's last fault is healed (quiescence starts).
func (p Plan) End() time.Duration {
	var end time.Duration
	for _, s := range p.Steps {
		end = max(end, s.At+s.For, s.At+p.Tail)
	}
	return end
}

func (s Step) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "+%5.1fs %-16s", s.At.Seconds(), s.Kind)
	switch {
	case s.Kind == LeaderStop && s.AfterFenceFailed:
		b.WriteString(" the leader right after a failed fence")
	case s.Kind == LeaderKill, s.Kind == LeaderStop:
		b.WriteString(" the leader")
	case s.Like > 0:
		fmt.Fprintf(&b, " the host of step %d", s.Like)
	case s.AFollower:
		fmt.Fprintf(&b, " a follower (from h%d)", s.Host)
	case s.Kind == Partition, s.Kind == PartitionOneWay:
		fmt.Fprintf(&b, " h%d h%d", s.Host, s.Peer)
	default:
		fmt.Fprintf(&b, " h%d", s.Host)
	}
	if s.Kind == Loss {
		fmt.Fprintf(&b, " %.0f%%", s.Share*100)
	}
	if s.Kind == SlowDisk {
		fmt.Fprintf(&b, " %d iops", s.IOPS)
	}
	switch {
	case s.For > 0 && s.Kind == PowerCut:
		fmt.Fprintf(&b, ", powered on %.1fs later", s.For.Seconds())
	case s.For > 0:
		fmt.Fprintf(&b, " for %.1fs", s.For.Seconds())
	case s.Kind == BMCCrash, s.Kind == BMCRestart:
	default:
		b.WriteString(" until quiescence")
	}
	return b.String()
}

// String is the plan as the failure report prints it: one line for the
// lab, one per step.
func (p Plan) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "seed %d: %d hosts, %d VMs", p.Seed, p.Hosts, p.VMs)
	if p.Scenario != "" {
		fmt.Fprintf(&b, ", the scenario for %s", p.Scenario)
	}
	if p.PowerDelay > 0 {
		fmt.Fprintf(&b, ", BMCs read on %v after a power off", p.PowerDelay)
	}
	if p.BMCStaysDown {
		b.WriteString(", a crashed BMC stays down until its step ends")
	}
	for _, s := range p.Steps {
		b.WriteString("\n  ")
		b.WriteString(s.String())
	}
	return b.String()
}

// Schedule is the plan's steps as lines (the report's "schedule").
func (p Plan) Schedule() []string {
	out := []string{strings.SplitN(p.String(), "\n", 2)[0]}
	for _, s := range p.Steps {
		out = append(out, s.String())
	}
	return out
}
