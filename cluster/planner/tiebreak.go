package planner

import (
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/cluster/internal/seeded"
)

// TieBreakConfig configures the fence race of a two-host cluster without a
// witness (Pacemaker's two-node clusters with pcmk_delay_base or
// priority-fencing-delay): when the two hosts lose each other, neither
// has a quorum, and the race decides which one survives.
type TieBreakConfig struct {
	Self, Peer string
	// Preferred is the host that fences at once; the other waits Delay
	// first.
	Preferred string
	// Delay is the other host's wait. It must exceed the time a fence
	// command takes to land (the BMC's power-off delay plus the round
	// trip) plus the difference between the two hosts' moments of
	// detection, so that the preferred host's fence, if its BMC path
	// works, has powered the other off before it fires.
	Delay time.Duration
}

// Validate checks the configuration.
func (c TieBreakConfig) Validate() error {
	switch {
	case c.Self == "" || c.Peer == "" || c.Self == c.Peer:
		return fmt.Errorf("tie-break: hosts %q and %q: want two distinct hosts", c.Self, c.Peer)
	case c.Preferred != c.Self && c.Preferred != c.Peer:
		return fmt.Errorf("tie-break: preferred host %q is neither %s nor %s", c.Preferred, c.Self, c.Peer)
	case c.Delay <= 0:
		return fmt.Errorf("tie-break: delay %v must be positive", c.Delay)
	}
	return nil
}

// TieBreak is one host's side of the race. It only ever wins on its own
// fence of the peer confirmed by the power read back off: a race won on a
// presumption (the peer's lease, an unreachable BMC) could be won by both
// hosts at once, each then running every VM.
//
// The preferred host fences only until a third of Delay after it last saw
// its peer; the other only from Delay after it noticed the loss. The last
// moment the two were together comes before either notices the loss, so
// the windows are at least two thirds of Delay apart, however late either
// host notices (a frozen agent, a slow probe): two working BMC paths never
// fence both hosts, the preferred host's command landing before the
// other's is sent. When the preferred
// host's window passes without a confirmed fence (the peer's BMC out of its
// reach), the other host's fence decides; when neither path works, nobody
// survives the race and both wait, their VMs stopped by their own leases,
// until the network heals.
//
// A host races only once it has seen its peer (and a quorum) since it
// booted: a host that boots alone never fences a peer that may be running
// the VMs (corosync's wait_for_all).
//
// The agent (agent/clusterhost, tiebreak.go) drives it against the real
// BMCs, and its winner forces raft's voters to itself; cluster/sim drives
// it against the fake ones.
//
// TieBreak reads no clock; it is not safe for concurrent use.
type TieBreak struct {
	cfg   TieBreakConfig
	armed bool // saw the peer since boot
	// together is the last time the two hosts were seen together.
	together time.Time
	lost     bool
	lostAt   time.Time
	// inFlight: a fence was sent and its outcome has not come back.
	inFlight bool
	nextTry  time.Time
	won      bool
}

// NewTieBreak returns one host's side of the race, unarmed.
func NewTieBreak(cfg TieBreakConfig) (*TieBreak, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &TieBreak{cfg: cfg}, nil
}

// Together records that, at now, the two hosts see each other with a
// quorum: the race is armed, and any race in progress ends (a lost fence
// in flight still reports through FenceDone, and is ignored).
func (r *TieBreak) Together(now time.Time) {
	r.armed, r.together, r.lost, r.inFlight, r.won = true, now, false, false, false
}

// Lost records that, at now, this host lost its peer and has no quorum.
// Calling it again while lost changes nothing.
func (r *TieBreak) Lost(now time.Time) {
	if !r.armed || r.lost {
		return
	}
	r.lost, r.lostAt, r.nextTry = true, now, now
	if r.cfg.Self != r.cfg.Preferred && !seeded.On(seeded.RaceWithoutDelay) {
		r.nextTry = now.Add(r.cfg.Delay)
	}
}

// window reports whether this host may send a fence at now.
func (r *TieBreak) window(now time.Time) bool {
	if seeded.On(seeded.RaceWithoutDelay) {
		return true // seeded bug: both hosts fence at once
	}
	if r.cfg.Self == r.cfg.Preferred {
		return now.Before(r.together.Add(r.cfg.Delay / 3))
	}
	return !now.Before(r.lostAt.Add(r.cfg.Delay))
}

// Due reports whether this host should send a fence of its peer at now;
// when it says yes, the fence counts as sent.
func (r *TieBreak) Due(now time.Time) bool {
	if !r.lost || r.won || r.inFlight || now.Before(r.nextTry) || !r.window(now) {
		return false
	}
	r.inFlight = true
	return true
}

// FenceDone takes the outcome of the fence Due asked for: confirmed (the
// peer's power read back off) wins the race; otherwise the next attempt
// comes after retry, within this host's window.
func (r *TieBreak) FenceDone(now time.Time, confirmed bool, retry time.Duration) {
	if !r.lost || !r.inFlight {
		return
	}
	r.inFlight = false
	if confirmed {
		r.won = true
		return
	}
	r.nextTry = now.Add(retry)
}

// Won reports whether this host fenced its peer, confirmed, in the
// current race: it may take the quorum alone (and the peer's VMs, under
// the usual lease and fence rules).
func (r *TieBreak) Won() bool { return r.won }
