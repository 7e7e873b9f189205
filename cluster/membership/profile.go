package membership

import (
	"fmt"
	"math"
	"time"

	"github.com/hashicorp/memberlist"
)

// Profile is a set of memberlist timings. The profiles here were measured
// (see the package doc and measure_test.go); pick one by name in the
// configuration rather than tuning single knobs.
type Profile struct {
	// Name is how the configuration refers to the profile.
	Name string
	// ProbeInterval is the time between two probes of this member;
	// ProbeTimeout how long a direct probe waits for its ack before the
	// indirect and TCP probes go out.
	ProbeInterval, ProbeTimeout time.Duration
	// SuspicionMult scales the suspicion timeout: SuspicionMult ×
	// max(1, log10(members)) × ProbeInterval. It also sets how many other
	// members must confirm a suspicion before that minimum applies:
	// SuspicionMult − 2 (Lifeguard); without them the timeout is
	// SuspicionMaxTimeoutMult times longer.
	SuspicionMult, SuspicionMaxTimeoutMult int
	// IndirectChecks is how many members probe on our behalf when a direct
	// probe fails.
	IndirectChecks int
	// GossipInterval and GossipNodes: how often and to how many members
	// news is pushed beyond what rides on probes.
	GossipInterval time.Duration
	GossipNodes    int
	// RetransmitMult × log10(members+1) is how often a message is gossiped.
	RetransmitMult int
	// PushPullInterval is the period of full state exchanges over TCP.
	PushPullInterval time.Duration
	// TCPTimeout bounds a TCP exchange (push/pull, joins).
	TCPTimeout time.Duration
	// AwarenessMaxMultiplier caps how far Lifeguard stretches this
	// member's own timeouts when it sees itself missing acks.
	AwarenessMaxMultiplier int
	// Compress LZW-compresses gossip. It saves bytes a LAN does not need
	// and costs CPU: with 120 members in one process it was a quarter of
	// the CPU time (a fresh LZW table per message), and a CPU-starved
	// member misses acks and raises false suspicions.
	Compress bool
}

// The measured profiles.
var (
	// Fast is tuned for the fastest detection among a few hosts: a member
	// that stops is declared dead by every other member within about a
	// second. A suspicion needs no confirmation by others (SuspicionMult 2
	// means zero confirmations), so a member that is slow to refute, under
	// loss or a stall, is more readily declared dead.
	Fast = Profile{
		Name:          "fast",
		ProbeInterval: 200 * time.Millisecond, ProbeTimeout: 100 * time.Millisecond,
		SuspicionMult: 2, SuspicionMaxTimeoutMult: 4,
		IndirectChecks: 3,
		GossipInterval: 50 * time.Millisecond, GossipNodes: 3,
		RetransmitMult:   4,
		PushPullInterval: 15 * time.Second, TCPTimeout: 2 * time.Second,
		AwarenessMaxMultiplier: 8,
	}
	// Confirmed probes as often as Fast but waits for one other member to
	// confirm a suspicion before the short timeout applies (SuspicionMult
	// 3); unconfirmed, a suspicion lasts four times longer.
	Confirmed = Profile{
		Name:          "confirmed",
		ProbeInterval: 200 * time.Millisecond, ProbeTimeout: 100 * time.Millisecond,
		SuspicionMult: 3, SuspicionMaxTimeoutMult: 4,
		IndirectChecks: 3,
		GossipInterval: 50 * time.Millisecond, GossipNodes: 3,
		RetransmitMult:   4,
		PushPullInterval: 15 * time.Second, TCPTimeout: 2 * time.Second,
		AwarenessMaxMultiplier: 8,
	}
	// Stock is memberlist's own DefaultLANConfig timings (1 s probes,
	// SuspicionMult 4), kept as the reference the others are measured
	// against.
	Stock = stockProfile()
)

func stockProfile() Profile {
	c := memberlist.DefaultLANConfig()
	return Profile{
		Name:          "stock",
		ProbeInterval: c.ProbeInterval, ProbeTimeout: c.ProbeTimeout,
		SuspicionMult: c.SuspicionMult, SuspicionMaxTimeoutMult: c.SuspicionMaxTimeoutMult,
		IndirectChecks: c.IndirectChecks,
		GossipInterval: c.GossipInterval, GossipNodes: c.GossipNodes,
		RetransmitMult:   c.RetransmitMult,
		PushPullInterval: c.PushPullInterval, TCPTimeout: c.TCPTimeout,
		AwarenessMaxMultiplier: c.AwarenessMaxMultiplier,
		Compress:               c.EnableCompression,
	}
}

// Default is the profile Config uses when none is given.
var Default = Fast

// Profiles lists the measured profiles, Default first.
func Profiles() []Profile {
	out := []Profile{Default}
	for _, p := range []Profile{Fast, Confirmed, Stock} {
		if p.Name != Default.Name {
			out = append(out, p)
		}
	}
	return out
}

// ProfileByName returns the profile called name.
func ProfileByName(name string) (Profile, error) {
	for _, p := range Profiles() {
		if p.Name == name {
			return p, nil
		}
	}
	return Profile{}, fmt.Errorf("membership profile %q: want one of %s", name, profileNames())
}

func profileNames() string {
	s := ""
	for i, p := range Profiles() {
		if i > 0 {
			s += ", "
		}
		s += p.Name
	}
	return s
}

// Check reports a profile whose timings memberlist cannot work with.
func (p Profile) Check() error {
	switch {
	case p.ProbeInterval <= 0 || p.ProbeTimeout <= 0:
		return fmt.Errorf("membership profile %q: probe interval %v and timeout %v must be positive", p.Name, p.ProbeInterval, p.ProbeTimeout)
	case p.ProbeTimeout >= p.ProbeInterval:
		return fmt.Errorf("membership profile %q: probe timeout %v must be shorter than the probe interval %v", p.Name, p.ProbeTimeout, p.ProbeInterval)
	case p.SuspicionMult < 1 || p.SuspicionMaxTimeoutMult < 1:
		return fmt.Errorf("membership profile %q: suspicion multipliers %d and %d must be at least 1", p.Name, p.SuspicionMult, p.SuspicionMaxTimeoutMult)
	case p.GossipInterval <= 0 || p.GossipNodes < 1:
		return fmt.Errorf("membership profile %q: gossip interval %v and nodes %d must be positive", p.Name, p.GossipInterval, p.GossipNodes)
	case p.TCPTimeout <= 0:
		return fmt.Errorf("membership profile %q: TCP timeout %v must be positive", p.Name, p.TCPTimeout)
	}
	return nil
}

// maxSuspicion is the longest memberlist lets a suspicion last among n
// members before declaring death (its suspicionTimeout times
// SuspicionMaxTimeoutMult), plus two probe intervals of slack.
func (p Profile) maxSuspicion(n int) time.Duration {
	scale := math.Max(1, math.Log10(math.Max(1, float64(n))))
	min := time.Duration(float64(p.SuspicionMult) * scale * float64(p.ProbeInterval))
	return time.Duration(p.SuspicionMaxTimeoutMult)*min + 2*p.ProbeInterval
}

// apply sets the profile's timings on a memberlist configuration.
func (p Profile) apply(c *memberlist.Config) {
	c.ProbeInterval = p.ProbeInterval
	c.ProbeTimeout = p.ProbeTimeout
	c.SuspicionMult = p.SuspicionMult
	c.SuspicionMaxTimeoutMult = p.SuspicionMaxTimeoutMult
	c.IndirectChecks = p.IndirectChecks
	c.GossipInterval = p.GossipInterval
	c.GossipNodes = p.GossipNodes
	c.RetransmitMult = p.RetransmitMult
	c.PushPullInterval = p.PushPullInterval
	c.TCPTimeout = p.TCPTimeout
	c.AwarenessMaxMultiplier = p.AwarenessMaxMultiplier
	c.EnableCompression = p.Compress
	// A dead member is still gossiped to for a while, so it can refute
	// when it was only cut off; keep that window to a few push/pulls.
	c.GossipToTheDeadTime = 2 * p.PushPullInterval
}
