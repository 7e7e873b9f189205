package sim

import (
	"fmt"

	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/state"
)

// fencer is the leader's way to the BMCs: an off command, then the power
// read back until it reads off or the deadline passes.
type fencer struct {
	s    *Sim
	h    *host
	term uint64
}

// Fence checks the "only the leader fences" invariant, then talks to the
// target's BMC.
func (f fencer) Fence(target string, id uint64) {
	s := f.s
	t := s.byName[target]
	if t == nil {
		return
	}
	if s.leader != f.h || s.term != f.term || !s.quorumConnected(f.h) {
		s.violate("only the leader fences: %s (term %d) fenced %s while the leader with a quorum is %q (term %d; %s reaches a quorum: %v)",
			f.h.name, f.term, target, s.Leader(), s.term, f.h.name, s.quorumConnected(f.h))
	}
	h, _ := s.fsm.Host(target)
	rec, open := state.FenceRecord{}, false
	for _, r := range s.fsm.Fences() {
		if r.ID == id && r.Target == target && !r.Confirmed {
			rec, open = r, true
		}
	}
	if h.State != state.Fencing || !open {
		s.violate("fence of %s (record %d) without an open fence record and ownership revoked first (state %s, record %+v)", target, id, h.State, rec)
	}
	s.after(bmcLatency, func() {
		if s.cancelled[id] {
			return
		}
		if !t.bmcOK {
			s.after(bmcTimeout, func() {
				f.done(planner.FenceOutcome{Target: target, FenceID: id, Unreachable: true, Detail: "BMC unreachable"})
			})
			return
		}
		t.bmcOff(f.h.name)
		s.after(bmcLatency, func() { f.sent(target, id) })
		deadline := s.now.Add(fenceDeadline)
		var poll func()
		poll = func() {
			switch {
			case s.cancelled[id]:
			case !t.bmcOK:
				f.done(planner.FenceOutcome{Target: target, FenceID: id, Unreachable: true, Detail: "BMC stopped answering while confirming"})
			case t.bmcReadsOff():
				f.done(planner.FenceOutcome{Target: target, FenceID: id, Confirmed: true, Detail: "chassis power off"})
			case !s.now.Before(deadline):
				f.done(planner.FenceOutcome{Target: target, FenceID: id, Detail: fmt.Sprintf("still reads on after %v", fenceDeadline)})
			default:
				s.after(fencePoll, poll)
			}
		}
		poll()
	})
}

// Cancel abandons fence id: its command, if not sent yet, never is, and
// its outcome never comes.
func (f fencer) Cancel(target string, id uint64) {
	f.s.logf("%s fence %s: fence %d abandoned", f.h.name, target, id)
	f.s.cancelled[id] = true
}

func (f fencer) current() bool {
	return f.s.leader == f.h && f.s.term == f.term && f.h.planner != nil
}

func (f fencer) sent(target string, id uint64) {
	if f.current() {
		f.h.planner.FenceSent(ctx, f.h.local(), target, id)
	}
}

func (f fencer) done(out planner.FenceOutcome) {
	if f.current() && !f.s.cancelled[out.FenceID] {
		f.s.logf("%s fence %s: confirmed=%v unreachable=%v %s", f.h.name, out.Target, out.Confirmed, out.Unreachable, out.Detail)
		f.h.planner.FenceDone(ctx, f.h.local(), out)
	}
}

// bmcOff is the BMC taking an off command: the power goes after its
// OffDelay.
func (h *host) bmcOff(by string) {
	s := h.s
	if !h.powered || h.offPending {
		return
	}
	h.offPending = true
	s.logf("%s BMC: power off command from %s", h.name, by)
	s.after(s.cfg.BMC[h.idx].OffDelay, func() {
		if h.offPending {
			h.powerOff("BMC power off")
		}
	})
}

// bmcReadsOff is what the BMC reads: off once the power has been off for
// its ReadLag.
func (h *host) bmcReadsOff() bool {
	return !h.powered && !h.s.now.Before(h.offAt.Add(h.s.cfg.BMC[h.idx].ReadLag))
}
