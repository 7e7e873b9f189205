// Package seeded holds the switches of the cluster's seeded bugs: known
// faults planted in the lease keeper, the planner and the executor so that
// the deterministic simulation (cluster/sim) can show that its invariant
// checks fail when the protocol is broken.
//
// The switches exist only in builds with the tag vigil_seeded_bugs (the
// tests build with it; the release binary never does). Without the tag, On
// is a constant false and the compiler removes every faulty branch.
package seeded

// EnvVar names the environment variable through which a tagged build's
// process switches bugs on at start: a comma-separated list of bug names
// (Bug.String). The chaos runner (test/chaos) runs whole agents that way.
// Builds without the tag never read it.
const EnvVar = "VIGIL_SEEDED_BUGS"

// Bug names one seeded fault.
type Bug int

// The seeded bugs. Each is caught by an invariant of cluster/sim.
const (
	// SkipFenceConfirmation: the planner treats a power-off command the
	// BMC accepted as a confirmed fence, without reading the power back.
	SkipFenceConfirmation Bug = iota + 1
	// TrustMemberlistDead: the planner takes memberlist's "dead" as proof
	// that the host is down, with no second opinion and no fence.
	TrustMemberlistDead
	// FeedAfterLateRenewal: the lease keeper accepts a renewal whose reply
	// came back after the round-trip bound, feeding the watchdog.
	FeedAfterLateRenewal
	// StartWithoutGeneration: the executor starts what a stale replica
	// says it owns, without checking that its view is as new as its
	// lease's.
	StartWithoutGeneration
	// FenceWithoutMassGuard: the planner fences without the mass-fence
	// guard.
	FenceWithoutMassGuard
	// ReleaseOnRevokeWithoutAck: the planner places a VM taken from a live
	// host without waiting for that host to acknowledge the release.
	ReleaseOnRevokeWithoutAck
	// KeepRunningAfterLapse: the executor leaves VMs running when the
	// host's own lease lapsed.
	KeepRunningAfterLapse
	// FenceWithoutVerifyLeader: the planner sends a power command without
	// first confirming it is still the leader with a quorum.
	FenceWithoutVerifyLeader
	// ForgetRevokedVMs: the planner never places again a VM it took from
	// a host (a liveness bug: nothing runs twice, but VMs stay down).
	ForgetRevokedVMs
	// RaceWithoutDelay: the two hosts of a cluster without a witness both
	// fence each other at once when they lose each other (no delay for
	// the other host, no window for the preferred one).
	RaceWithoutDelay
	numBugs
)

// All lists every seeded bug.
func All() []Bug {
	out := make([]Bug, 0, numBugs-1)
	for b := Bug(1); b < numBugs; b++ {
		out = append(out, b)
	}
	return out
}

func (b Bug) String() string {
	switch b {
	case SkipFenceConfirmation:
		return "skip-fence-confirmation"
	case TrustMemberlistDead:
		return "trust-memberlist-dead"
	case FeedAfterLateRenewal:
		return "feed-after-late-renewal"
	case StartWithoutGeneration:
		return "start-without-generation"
	case FenceWithoutMassGuard:
		return "fence-without-mass-guard"
	case ReleaseOnRevokeWithoutAck:
		return "release-on-revoke-without-ack"
	case KeepRunningAfterLapse:
		return "keep-running-after-lapse"
	case FenceWithoutVerifyLeader:
		return "fence-without-verify-leader"
	case ForgetRevokedVMs:
		return "forget-revoked-vms"
	case RaceWithoutDelay:
		return "race-without-delay"
	}
	return "unknown"
}

// Names lists every seeded bug's name, in All's order.
func Names() []string {
	var out []string
	for _, b := range All() {
		out = append(out, b.String())
	}
	return out
}

// Parse returns the bug named s.
func Parse(s string) (Bug, bool) {
	for _, b := range All() {
		if b.String() == s {
			return b, true
		}
	}
	return 0, false
}
