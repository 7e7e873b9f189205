package check

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// leadership is what a leader's event says of who decided it.
type leadership struct {
	Leader string `json:"leader"`
	Term   uint64 `json:"term"`
}

// leadershipOf reads the deciding leader and its raft term from e's
// evidence; ok is false for events no leader decided (or an agent that
// does not record the term).
func leadershipOf(e Event) (leadership, bool) {
	var l leadership
	if len(e.Evidence) == 0 || json.Unmarshal(e.Evidence, &l) != nil {
		return l, false
	}
	return l, l.Leader != "" && l.Term > 0
}

// CheckFenceByLeader checks that only the leader with a quorum sends a
// power-off (DESIGN.md, invariant 4: a fence needs the leader to confirm
// its leadership first). The evidence is the agents' own events: each
// planner started marks its term with a "leader" event, and each power-off
// it sends a "fence" event with the term it decided in, stamped when its
// tick began (before it confirmed its leadership). A newer term's planner
// can only start once a quorum voted for it, after which no quorum
// confirms the older term: a fence stamped after a newer leader's start
// was sent by a deposed leader that never asked.
func CheckFenceByLeader(h *History) []Violation {
	type start struct {
		leadership
		at time.Time
	}
	var starts []start
	for _, e := range h.Events {
		if l, ok := leadershipOf(e); ok && e.Kind == "leader" {
			starts = append(starts, start{l, e.Time})
		}
	}
	slices.SortFunc(starts, func(a, b start) int { return a.at.Compare(b.at) })
	var out []Violation
	seen := map[string]bool{}
	for _, e := range h.Events {
		l, ok := leadershipOf(e)
		if !ok || e.Kind != "fence" {
			continue
		}
		for _, s := range starts {
			if !s.at.Before(e.Time) {
				break
			}
			if s.Term <= l.Term {
				continue
			}
			key := fmt.Sprintf("%s/%d/%s/%s", l.Leader, l.Term, e.Host, e.Time)
			if seen[key] {
				break // the same event, copied into another agent's log
			}
			seen[key] = true
			out = append(out, Violation{
				Check: FenceByLeader, Hosts: []string{l.Leader, e.Host}, At: e.Time,
				Message: fmt.Sprintf("%s fenced %s at term %d, after %s led at term %d: a deposed leader sent a power-off", l.Leader, e.Host, l.Term, s.Leader, s.Term),
				Evidence: []string{
					fmt.Sprintf("%s leader %s: planner started at term %d", stamp(s.at), s.Leader, s.Term),
					fmt.Sprintf("%s fence %s by %s at term %d: %s (from %s's log)", stamp(e.Time), e.Host, l.Leader, l.Term, e.Message, e.From),
				},
			})
			break
		}
	}
	return out
}
