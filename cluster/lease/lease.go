// Package lease is a host's own view of its lease: the right, granted by
// the raft leader, to run VMs. A host runs VMs only while this view says
// the lease is valid, and it is valid only until a time the host computes
// from its own clock: the moment it sent the last renewal whose reply came
// back within the round-trip bound, plus the lease TTL, minus the worst
// clock drift. A reply that came back late extends nothing and does not
// feed the watchdog, so a host cut off from the leader cannot be kept alive
// by stragglers (DESIGN.md, invariant 2).
//
// Core types: Config (the timings, checked against fencing/watchdog's
// CheckTiming), Keeper (one host's lease: Request makes the next renewal,
// Handle takes the leader's Reply, Valid answers "may I run VMs now"), and
// the wire types Request and Reply. The leader's side (answering renewals,
// its own deadlines, what expiry means) is cluster/planner.
//
// The Keeper reads no clock: every call takes the host's time, so the same
// code runs in the agent and in the deterministic simulation (cluster/sim).
// It is not safe for concurrent use; the agent's lease loop owns it.
//
// Caveat, from the timing rule itself: since WatchdogTimeout + the round
// trip < TTL − drift, a host with a watchdog that stops getting timely
// answers is reset by its watchdog before its own lease lapses; the lapse
// is what stops VMs on a host whose watchdog is "none" and on one whose
// renewal the leader refused. For the same reason the watchdog must
// outlast a leader election plus a renewal interval, or every host resets
// when the leader fails.
package lease

import (
	"errors"
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/cluster/internal/seeded"
	"github.com/vigil-ha/vigil/fencing/watchdog"
)

// Config is the lease timing of a cluster. Every host and the leader use
// the same values.
type Config struct {
	// TTL is how long a renewal keeps a lease, from the moment the host
	// sent it (host side) or the leader answered it (leader side).
	TTL time.Duration
	// MaxDrift is the worst difference between two hosts' clocks over one
	// TTL; the host ends its lease that much early.
	MaxDrift time.Duration
	// MaxRenewalRTT is the round-trip bound: a reply that comes back
	// later than this after its request neither extends the lease nor
	// feeds the watchdog.
	MaxRenewalRTT time.Duration
	// RenewInterval is how often a host sends a renewal.
	RenewInterval time.Duration
	// WatchdogTimeout is the host's hardware watchdog timeout; zero for a
	// host whose watchdog is "none" (it is then never assumed to have
	// fenced itself).
	WatchdogTimeout time.Duration
}

// Validate checks the timings and names the first that is wrong. With a
// watchdog, the rule of DESIGN.md must hold: TTL − MaxDrift >
// WatchdogTimeout + MaxRenewalRTT (watchdog.CheckTiming); and the watchdog
// must outlast the gap between two timely renewals, or a healthy host
// resets itself.
func (c Config) Validate() error {
	switch {
	case c.TTL <= 0:
		return fmt.Errorf("lease: ttl %v: want > 0", c.TTL)
	case c.MaxDrift < 0:
		return fmt.Errorf("lease: max drift %v: want ≥ 0", c.MaxDrift)
	case c.MaxRenewalRTT <= 0:
		return fmt.Errorf("lease: max renewal rtt %v: want > 0", c.MaxRenewalRTT)
	case c.RenewInterval <= 0:
		return fmt.Errorf("lease: renew interval %v: want > 0", c.RenewInterval)
	case c.WatchdogTimeout < 0:
		return fmt.Errorf("lease: watchdog timeout %v: want ≥ 0 (0 for none)", c.WatchdogTimeout)
	}
	if c.RenewInterval+c.MaxRenewalRTT >= c.TTL-c.MaxDrift {
		return fmt.Errorf("lease: renew interval %v + renewal rtt %v must be below ttl %v − drift %v, or the lease lapses between renewals",
			c.RenewInterval, c.MaxRenewalRTT, c.TTL, c.MaxDrift)
	}
	if c.WatchdogTimeout > 0 {
		if err := watchdog.CheckTiming(c.TTL, c.MaxDrift, c.WatchdogTimeout, c.MaxRenewalRTT); err != nil {
			return fmt.Errorf("lease: %w", err)
		}
		if c.WatchdogTimeout <= c.RenewInterval+c.MaxRenewalRTT {
			return fmt.Errorf("lease: watchdog timeout %v must exceed renew interval %v + renewal rtt %v, or a healthy host resets itself",
				c.WatchdogTimeout, c.RenewInterval, c.MaxRenewalRTT)
		}
	}
	return nil
}

// Request is a renewal as a host sends it to the leader.
type Request struct {
	Holder string
	// BootID is the host's current boot id; the leader records a new one.
	BootID string
	// Epoch is the lease epoch the host holds; 0 asks for a new lease.
	Epoch uint64
	// Seq numbers the host's requests; the reply carries it back.
	Seq uint64
}

// Reply is the leader's answer to a Request.
type Reply struct {
	Holder string
	Seq    uint64
	// Granted: the lease is renewed (or, for epoch 0, granted) at Epoch.
	Granted bool
	Epoch   uint64
	// Index is the leader's commit index when it answered: the host acts
	// on its replica of the cluster state only once it has applied this
	// far, so it never acts on a view older than its lease.
	Index uint64
	// Reason says why a renewal was refused.
	Reason string
}

// Outcome is what Handle made of a reply.
type Outcome int

// The outcomes of Handle.
const (
	// Accepted: a timely grant; the lease runs until ValidUntil and the
	// watchdog was fed.
	Accepted Outcome = iota + 1
	// Late: granted, but after the round-trip bound: ignored.
	Late
	// Refused: the leader refused; the lease ended at once and the next
	// request asks for a new one.
	Refused
	// Stale: a reply to no request this keeper remembers, or for an
	// older epoch: ignored.
	Stale
)

func (o Outcome) String() string {
	switch o {
	case Accepted:
		return "accepted"
	case Late:
		return "late"
	case Refused:
		return "refused"
	case Stale:
		return "stale"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// Feeder pets the host's watchdog; *watchdog.Watchdog implements it.
type Feeder interface {
	Feed() error
}

// outstanding is how many unanswered requests a Keeper remembers.
const outstanding = 32

type sent struct {
	seq   uint64
	epoch uint64
	at    time.Time
}

// Keeper is one host's lease.
type Keeper struct {
	cfg    Config
	holder string
	bootID string
	dog    Feeder

	epoch      uint64
	seq        uint64
	sent       [outstanding]sent
	validUntil time.Time
	index      uint64
	lastFeed   time.Time
	feedErr    error
}

// New returns the lease keeper of host holder in boot bootID, with no lease
// yet. dog is fed after every timely renewal; nil when the host has no
// watchdog (cfg.WatchdogTimeout must then be 0, and the reverse).
func New(cfg Config, holder, bootID string, dog Feeder) (*Keeper, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if holder == "" || bootID == "" {
		return nil, errors.New("lease: holder and boot id are required")
	}
	if (dog == nil) != (cfg.WatchdogTimeout == 0) {
		return nil, fmt.Errorf("lease: watchdog timeout %v but feeder %v: give both or neither", cfg.WatchdogTimeout, dog != nil)
	}
	return &Keeper{cfg: cfg, holder: holder, bootID: bootID, dog: dog}, nil
}

// Request returns the next renewal to send at now (the host's clock) and
// remembers when it was sent.
func (k *Keeper) Request(now time.Time) Request {
	k.seq++
	k.sent[k.seq%outstanding] = sent{seq: k.seq, epoch: k.epoch, at: now}
	return Request{Holder: k.holder, BootID: k.bootID, Epoch: k.epoch, Seq: k.seq}
}

// Handle takes the leader's reply, received at now (the host's clock).
func (k *Keeper) Handle(now time.Time, r Reply) Outcome {
	s := k.sent[r.Seq%outstanding]
	if r.Holder != k.holder || r.Seq == 0 || s.seq != r.Seq {
		return Stale
	}
	if !r.Granted {
		// A refusal of the epoch we hold (or of a request for a new
		// one) ends the lease now; one about an older epoch says
		// nothing about the current lease.
		if s.epoch != k.epoch {
			return Stale
		}
		k.epoch, k.validUntil = 0, time.Time{}
		return Refused
	}
	switch {
	case s.epoch == 0 && r.Epoch > k.epoch:
		// The grant we asked for. A newer epoch supersedes whatever an
		// older one promised.
		k.epoch, k.validUntil = r.Epoch, time.Time{}
	case r.Epoch != k.epoch || s.epoch != k.epoch:
		return Stale
	}
	if rtt := now.Sub(s.at); rtt > k.cfg.MaxRenewalRTT && !seeded.On(seeded.FeedAfterLateRenewal) {
		return Late
	}
	if until := s.at.Add(k.cfg.TTL - k.cfg.MaxDrift); until.After(k.validUntil) {
		k.validUntil = until
	}
	k.index = max(k.index, r.Index)
	if k.dog != nil {
		k.feedErr = k.dog.Feed()
		if k.feedErr == nil {
			k.lastFeed = now
		}
	}
	return Accepted
}

// Valid reports whether the host may run VMs at now (its clock).
func (k *Keeper) Valid(now time.Time) bool { return now.Before(k.validUntil) }

// ValidUntil is when the lease ends unless renewed (zero: no lease).
func (k *Keeper) ValidUntil() time.Time { return k.validUntil }

// Epoch is the lease epoch held (0: none).
func (k *Keeper) Epoch() uint64 { return k.epoch }

// Index is the commit index the host's replica must reach before the host
// acts on it: the highest a timely reply carried.
func (k *Keeper) Index() uint64 { return k.index }

// LastFeed is when the watchdog was last fed, and the error of the last
// feed (a watchdog that cannot be fed resets the host).
func (k *Keeper) LastFeed() (time.Time, error) { return k.lastFeed, k.feedErr }

// Drop ends the lease at once (the host is shutting down, or its agent
// found it cannot keep its promises); the next request asks for a new one.
func (k *Keeper) Drop() {
	k.epoch, k.validUntil = 0, time.Time{}
}
