package sim

import (
	"time"

	"github.com/vigil-ha/vigil/cluster/planner"
)

// The fence race of two hosts without a witness (Cluster.TieBreak): when
// they lose each other, neither has a quorum; each host's agent runs its
// side of the race (planner.TieBreak) against the other's BMC. The winner,
// its peer's power read back off, holds the quorum alone (raft's
// configuration shrunk to it) until the peer, powered on again, is back in
// touch; as leader, it then fences and recovers the peer's VMs under the
// usual rules.
//
// Invariants checked here: a host wins only with its peer powered off (so
// both never survive, each running the VMs), and the two never fence each
// other (both off, when a BMC path worked both ways).

// raceRetry is the wait before a failed race fence is tried again.
const raceRetry = 500 * time.Millisecond

func (h *host) peer() *host { return h.s.hosts[1-h.idx] }

// newTieBreak is the race of a host's new boot (unarmed until it sees its
// peer).
func (h *host) newTieBreak() {
	s := h.s
	if s.cfg.TieBreak <= 0 {
		return
	}
	tb, err := planner.NewTieBreak(planner.TieBreakConfig{Self: h.name, Peer: h.peer().name, Preferred: hostName(0), Delay: s.cfg.TieBreak})
	if err != nil {
		panic(err) // the configuration was validated
	}
	h.race, h.apartSince = tb, time.Time{}
}

// raceStep runs both hosts' sides of the race.
func (s *Sim) raceStep() {
	if s.cfg.TieBreak <= 0 {
		return
	}
	if w := s.survivor; w != nil {
		if p := w.peer(); !w.powered || p.responsive() && s.connected(w, p) {
			s.logf("%s no longer holds the quorum alone (%s back)", w.name, p.name)
			s.survivor = nil
		}
	}
	for _, h := range s.hosts {
		if h.race == nil || !h.responsive() {
			continue
		}
		p := h.peer()
		if p.responsive() && s.connected(h, p) && s.leader != nil && s.quorumConnected(s.leader) {
			h.race.Together(h.local())
			h.apartSince = time.Time{}
			delete(s.raceOff, h.name)
			continue
		}
		if h.apartSince.IsZero() {
			h.apartSince = s.now
		}
		if s.now.Sub(h.apartSince) < deadAfter || s.quorumConnected(h) {
			continue
		}
		h.race.Lost(h.local())
		if h.race.Due(h.local()) {
			s.raceFence(h, p, h.boots)
		}
	}
}

// raceFence is h's fence of its peer p through p's BMC: the off command,
// then the power read back until off or the deadline.
func (s *Sim) raceFence(h, p *host, boot int) {
	s.logf("%s race: power off %s through its BMC", h.name, p.name)
	alive := func() bool { return h.responsive() && h.boots == boot }
	done := func(confirmed bool, detail string) {
		if !alive() {
			return
		}
		s.logf("%s race fence of %s: confirmed=%v %s", h.name, p.name, confirmed, detail)
		h.race.FenceDone(h.local(), confirmed, raceRetry)
		if !h.race.Won() {
			return
		}
		if p.powered {
			s.violate("two hosts: %s won the fence race while %s is powered", h.name, p.name)
		}
		s.logf("%s won the fence race: holds the quorum alone", h.name)
		s.survivor = h
	}
	s.after(bmcLatency, func() {
		if !alive() {
			return
		}
		if !p.bmcOK {
			s.after(bmcTimeout, func() { done(false, "BMC unreachable") })
			return
		}
		if p.powered && !p.offPending {
			if s.raceOff[p.name] != "" || s.raceOff[h.name] != "" {
				s.violate("two hosts fenced each other: %s powers off %s while %s's off command to it stands", h.name, p.name, s.raceOff[h.name])
			}
			s.raceOff[p.name] = h.name
		}
		p.bmcOff(h.name)
		deadline := s.now.Add(fenceDeadline)
		var poll func()
		poll = func() {
			switch {
			case !p.bmcOK:
				done(false, "BMC stopped answering while confirming")
			case p.bmcReadsOff():
				done(true, "chassis power off")
			case !s.now.Before(deadline):
				done(false, "still reads on")
			default:
				s.after(fencePoll, poll)
			}
		}
		poll()
	})
}
