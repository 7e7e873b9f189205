package sim

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/vigil-ha/vigil/cluster/heartbeat"
	"github.com/vigil-ha/vigil/fencing"

	"github.com/vigil-ha/vigil/cluster/planner"
)

// quorumConnected reports whether h is a responsive voter that reaches a
// majority of the voters (itself included) both ways.
func (s *Sim) quorumConnected(h *host) bool {
	if !h.voter || !h.responsive() {
		return false
	}
	if s.survivor == h {
		return true // the fence race's winner: the quorum is itself
	}
	n := 0
	for _, v := range s.hosts[:s.cfg.Voters] {
		if v.responsive() && s.connected(h, v) {
			n++
		}
	}
	return n > s.cfg.Voters/2
}

// raftStep moves leadership: a leader that lost its quorum steps down after
// the leader lease; with no leader, after an election timeout, one of the
// voters that reach a quorum wins.
func (s *Sim) raftStep() bool {
	s.raceStep()
	if l := s.leader; l != nil {
		if s.quorumConnected(l) {
			s.lostAt = time.Time{}
		} else if s.lostAt.IsZero() {
			s.lostAt = s.now
		} else if s.now.Sub(s.lostAt) >= leaderLease {
			s.stepDown("lost its quorum")
		}
	}
	if s.leader == nil && !s.now.Before(s.electAt) {
		var cands []*host
		for _, v := range s.hosts[:s.cfg.Voters] {
			if s.quorumConnected(v) {
				cands = append(cands, v)
			}
		}
		if len(cands) > 0 {
			s.elect(cands[s.rng.IntN(len(cands))])
		}
	}
	return true
}

func (s *Sim) stepDown(why string) {
	l := s.leader
	s.logf("%s steps down as leader (term %d): %s", l.name, s.term, why)
	l.planner = nil
	s.leader = nil
	s.lostAt = time.Time{}
	s.electAt = s.now.Add(rnd(s.rng, time.Second, 2*time.Second))
}

func (s *Sim) elect(h *host) {
	s.term++
	s.leader = h
	s.lostAt = time.Time{}
	h.catchUp(true)
	term := s.term
	cfg := s.cfg.plannerConfig(h.name)
	cfg.Events = func(e planner.Event) {
		s.logf("%s %s %s: %s", h.name, e.Kind, e.Subject, e.Message)
	}
	p, err := planner.New(cfg, s.fsm, proposer{h: h, term: term}, fencer{s: s, h: h, term: term}, mover{s: s, h: h, term: term})
	if err != nil {
		panic(err) // the configuration was validated
	}
	h.planner = p
	s.logf("%s elected leader (term %d)", h.name, term)
	p.Start(h.local())
	for _, hl := range sortedHealth(s.health) {
		p.Health(h.local(), hl)
	}
	s.every(leaderTick, 0, func() bool {
		if s.leader != h || s.term != term {
			return false
		}
		h.leaderStep()
		return true
	})
}

// leaderStep is one round of the leader's loop: membership view, planner
// timers, replication.
func (h *host) leaderStep() {
	s := h.s
	if !h.responsive() {
		return
	}
	now := h.local()
	h.planner.Observe(now, s.observe(h))
	h.planner.Tick(ctx, now)
	if s.leader != h {
		return // stepped down while planning
	}
	for _, f := range s.hosts {
		if f == h {
			continue
		}
		upTo := uint64(len(s.entries))
		if upTo > f.sentUpTo || s.now.Sub(f.sentAt) >= heartbeatEvery {
			f.sentUpTo, f.sentAt = upTo, s.now
			term := s.term
			s.send(h, f, func() { f.appendEntries(h, term, upTo) })
		}
	}
}

// observe is the leader's membership view: memberlist declares a host dead
// when no member that the leader reaches has reached it for deadAfter
// (probes through any member, as SWIM's indirect probes). The second
// opinion's witnesses travel along: the leader's read of the host's
// storage heartbeat and what the host's BMC reads.
func (s *Sim) observe(l *host) []planner.Observation {
	out := make([]planner.Observation, 0, len(s.hosts))
	for _, h := range s.hosts {
		if h != l && h.responsive() {
			for _, p := range s.hosts {
				if !p.responsive() || !s.connected(l, p) {
					continue
				}
				if p == h || s.probe(p, h) {
					h.seen = s.now
					break
				}
			}
		}
		if h == l {
			h.seen = s.now
		}
		m := planner.MemberAlive
		switch since := s.now.Sub(h.seen); {
		case since >= deadAfter:
			m = planner.MemberDead
		case since >= suspectAfter:
			m = planner.MemberSuspect
		}
		if m != h.member {
			h.member, h.memberSince = m, s.now
		}
		o := planner.Observation{Host: h.name, Member: h.member, Since: l.localAt(h.memberSince)}
		o.Heartbeat, o.HeartbeatErr = l.readHeartbeat(h)
		if h.bmcOK {
			o.BMC.Power = fencing.PowerOn
			if h.bmcReadsOff() {
				o.BMC.Power = fencing.PowerOff
			}
		} else {
			o.BMCErr = errBMCUnreachable
		}
		out = append(out, o)
	}
	return out
}

var (
	errBMCUnreachable = fmt.Errorf("BMC: %w", fencing.ErrUnreachable)
	errStorageCut     = errors.New("heartbeat storage: input/output error")
)

// hbView is what a host's heartbeat reader knows of another host's
// record (heartbeat.Reader's Status), in true time.
type hbView struct {
	rec        time.Time // the record: when it was written
	seq        uint64
	firstSeen  time.Time
	lastChange time.Time
}

// readHeartbeat is l's reader observing h's heartbeat now: the record
// changes whenever h wrote since the last read; with l's storage cut the
// read fails and the previous status stays.
func (l *host) readHeartbeat(h *host) (heartbeat.Status, error) {
	s := l.s
	v, known := l.hbSeen[h.name]
	if l.storageOK {
		switch {
		case h.lastHB.IsZero() && !known:
			return heartbeat.Status{}, os.ErrNotExist
		case !known:
			v = hbView{rec: h.lastHB, firstSeen: s.now}
		case !h.lastHB.Equal(v.rec):
			v.rec, v.seq, v.lastChange = h.lastHB, v.seq+1, s.now
		}
		l.hbSeen[h.name] = v
	}
	st := heartbeat.Status{Record: heartbeat.Record{Host: h.name, Seq: v.seq}}
	if known || l.storageOK {
		st.FirstSeen, st.ReadAt = l.localAt(v.firstSeen), l.local()
		if !v.lastChange.IsZero() {
			st.LastChange = l.localAt(v.lastChange)
		}
	}
	if !l.storageOK {
		return st, errStorageCut
	}
	return st, nil
}

// probe reports whether p's probe of h and its answer got through.
func (s *Sim) probe(p, h *host) bool {
	a, b := s.net.link(p.idx, h.idx), s.net.link(h.idx, p.idx)
	if a.cut || b.cut {
		return false
	}
	return s.rng.Float64() >= a.loss && s.rng.Float64() >= b.loss
}

// appendEntries delivers the leader's log up to upTo to follower f.
func (f *host) appendEntries(from *host, term, upTo uint64) {
	if term >= f.term {
		f.term, f.leaderHint = term, from
	}
	if upTo > f.knownUpTo {
		f.knownUpTo = upTo
	}
	f.catchUp(false)
}
