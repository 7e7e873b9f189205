package clusterhost

import (
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/cluster/lease"
	"github.com/vigil-ha/vigil/cluster/replica"
)

// Timing is a cluster's timing profile: leases, raft, and how often each
// loop runs. Every host of a cluster must use the same profile.
type Timing struct {
	Name  string
	Lease lease.Config
	Raft  replica.Timing
	// LeaderTick is how often the leader's planner runs its timers.
	LeaderTick time.Duration
	// ExecTick is how often the executor reconciles without a reason.
	ExecTick time.Duration
	// ProbeEvery, ProbeTimeout and DeadAfter tune the Prober: a host
	// whose probes have failed for DeadAfter is reported dead.
	ProbeEvery, ProbeTimeout, DeadAfter time.Duration
	// Gossip names the memberlist profile (cluster/membership).
	Gossip string
	// MassFenceWindow is the window of the mass-fence guard (at most half
	// the hosts fenced within it): 0 is the planner's and fencing's
	// default, 10 minutes.
	MassFenceWindow time.Duration
	// MigrateRetry is the planner's cooldown before a VM is migrated
	// again (0: the planner's default, 30 s).
	MigrateRetry time.Duration
	// TieBreakDelay is the non-preferred host's wait in a two-host
	// cluster's fence race (cluster.tie_break.delay overrides it). The
	// preferred host fences only within a third of it after it last saw
	// its peer: that third must outlast DeadAfter and raft's loss of its
	// leader.
	TieBreakDelay time.Duration
}

// Profile returns the timing of profile name (lab, lan or wan) for a host
// whose watchdog times out after watchdog (0: none). The lease TTL is
// raised where the watchdog needs it (DESIGN.md: TTL − drift > watchdog +
// round trip, plus a renewal's gap); a watchdog too short to outlast the
// gap between two timely renewals is refused.
func Profile(name string, watchdog time.Duration) (Timing, error) {
	var t Timing
	switch name {
	case "lab":
		// The lab: hosts on one machine, a failover measured in seconds.
		// The TTL outlasts a raft election (about 1 s), so the loss of the
		// leader lapses no lease.
		t = Timing{
			Lease:      lease.Config{TTL: 4 * time.Second, MaxDrift: 200 * time.Millisecond, MaxRenewalRTT: 500 * time.Millisecond, RenewInterval: 250 * time.Millisecond},
			Raft:       replica.DefaultTiming,
			LeaderTick: 100 * time.Millisecond, ExecTick: 250 * time.Millisecond,
			ProbeEvery: 150 * time.Millisecond, ProbeTimeout: 300 * time.Millisecond, DeadAfter: 700 * time.Millisecond,
			Gossip: "fast",
			// The lab fails hosts one after another on purpose: the guard
			// still catches hosts lost together.
			MassFenceWindow: 20 * time.Second,
			MigrateRetry:    5 * time.Second,
			// The preferred host's window, 3 s after it last saw its
			// peer, outlasts its detection (DeadAfter and raft's loss of
			// its leader, about 1 to 1.3 s here) on a loaded machine.
			TieBreakDelay: 9 * time.Second,
		}
	case "lan":
		t = Timing{
			Lease:      lease.Config{TTL: 12 * time.Second, MaxDrift: 500 * time.Millisecond, MaxRenewalRTT: time.Second, RenewInterval: time.Second},
			Raft:       replica.DefaultTiming,
			LeaderTick: 250 * time.Millisecond, ExecTick: time.Second,
			ProbeEvery: 200 * time.Millisecond, ProbeTimeout: 500 * time.Millisecond, DeadAfter: 2 * time.Second,
			Gossip:        "fast",
			TieBreakDelay: 15 * time.Second,
		}
	case "wan":
		t = Timing{
			Lease: lease.Config{TTL: 24 * time.Second, MaxDrift: time.Second, MaxRenewalRTT: 2 * time.Second, RenewInterval: 2 * time.Second},
			Raft: replica.Timing{Heartbeat: 2 * replica.DefaultTiming.Heartbeat, Election: 2 * replica.DefaultTiming.Election,
				LeaderLease: 2 * replica.DefaultTiming.LeaderLease, Commit: 2 * replica.DefaultTiming.Commit},
			LeaderTick: 500 * time.Millisecond, ExecTick: 2 * time.Second,
			ProbeEvery: 500 * time.Millisecond, ProbeTimeout: 2 * time.Second, DeadAfter: 5 * time.Second,
			Gossip:        "stock",
			TieBreakDelay: 30 * time.Second,
		}
	default:
		return Timing{}, fmt.Errorf("timing profile %q: want lab, lan or wan", name)
	}
	t.Name = name
	if watchdog > 0 {
		t.Lease.WatchdogTimeout = watchdog
		if need := watchdog + t.Lease.MaxRenewalRTT + t.Lease.MaxDrift + t.Lease.RenewInterval; t.Lease.TTL < need {
			t.Lease.TTL = need
		}
	}
	if err := t.Lease.Validate(); err != nil {
		return Timing{}, fmt.Errorf("timing profile %s with watchdog.timeout %v: %w", name, watchdog, err)
	}
	return t, nil
}
