package clusterhost

import (
	"cmp"
	"context"
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/fencing"
)

// The fence race of a two-host cluster without a witness (DESIGN.md; the
// same planner.TieBreak that cluster/sim proves).
//
// With two raft voters and no witness, neither host has a quorum once
// they lose each other: no lease is renewed, so each host stops its VMs
// when its own lease lapses, and no ownership can change through raft.
// Each host then races to power the other off through its BMC: the
// preferred host (cluster.tie_break.preferred, by default the first of
// cluster.bootstrap) at once, the other only after the delay. The winner,
// its peer's power read back off by the BMC:
//
//  1. forces raft's configuration to itself alone (replica.ForceSoleVoter):
//     every committed entry is on both voters, so it loses nothing, and
//     the peer, off, can commit nothing;
//  2. leads alone: its planner judges the peer as any lost host
//     (cluster/verdict: its BMC reads off, so dead and confirmed), revokes
//     its VMs in raft, confirms the fence, and places them, each start at a
//     new generation;
//  3. adds the peer back as a voter once it answers again (a new boot,
//     since it was powered off), after which the peer follows the
//     winner's log and rejoins under the planner's usual rules.
//
// The race fence is the one fence sent by a host that does not lead: with
// two voters apart, no leader can exist. The simulation checks it by the
// race's own invariants (a winner's peer is off; the two never fence each
// other) rather than by "only the leader fences".
//
// Caveats: the non-preferred host wins only after the delay, past its own
// lease in the lab and lan profiles, so its own VMs restart too. A
// preferred host that lost a race and came back (fenced, not readmitted)
// is still preferred in the next one, though the other runs every VM.
//
// Never twice: the loser's QEMUs die with its power; the winner runs
// nothing before its forced configuration (its own lease lapsed with the
// quorum), and after it, only what its committed state places on it under
// a live lease. Neither host's fence wins without the power read back off,
// so both cannot win; the race fence is written down as an intent and a
// fence record like any other, without the revoke (there is no quorum to
// commit it; the planner revokes before any placement).

// raceRevoker is the race fences' Revoker: nothing can be committed
// without a quorum, and the peer, without one too, renews no lease; the
// winner's planner revokes the peer's VMs before it places any.
var raceRevoker = fencing.RevokeFunc(func(context.Context, string) error { return nil })

// raceRetry is the wait before a failed race fence is tried again.
const raceRetry = 500 * time.Millisecond

// race is this host's side of one fence race against peer.
type race struct {
	tb        *planner.TieBreak
	cfg       planner.TieBreakConfig
	peer      replica.Server
	lastReach time.Time
	lost      bool // the loss was recorded
}

// tieBreakConfig is this host's race configuration against peer.
func (h *Host) tieBreakConfig(peer string) planner.TieBreakConfig {
	cl := h.cfg.Cluster
	pref := cl.TieBreak.Preferred
	if pref == "" && len(cl.Bootstrap) > 0 {
		pref = cl.Bootstrap[0]
	}
	return planner.TieBreakConfig{Self: h.name, Peer: peer, Preferred: pref, Delay: cmp.Or(cl.TieBreak.Delay, h.timing.TieBreakDelay)}
}

// twoVoterPeer is the other voter when servers are exactly two voters,
// this host one of them, and nothing else.
func twoVoterPeer(servers []replica.Server, self string) (replica.Server, bool) {
	var peer replica.Server
	voters, mine := 0, false
	for _, s := range servers {
		if !s.Voter {
			continue
		}
		voters++
		if s.ID == self {
			mine = true
		} else {
			peer = s
		}
	}
	return peer, voters == 2 && len(servers) == 2 && mine
}

// raceLoop runs this host's side of the fence race while the cluster is
// two voters and no witness, until ctx ends.
func (h *Host) raceLoop(ctx context.Context) {
	if h.cfg.Cluster.Witness != "" {
		return
	}
	select {
	case <-h.registered:
	case <-ctx.Done():
		return
	}
	tick := time.NewTicker(h.timing.ProbeEvery)
	defer tick.Stop()
	var (
		r         *race
		servers   []replica.Server
		serversAt time.Time
		badConfig string
	)
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now := time.Now()
		if now.Sub(serversAt) >= time.Second {
			sctx, cancel := context.WithTimeout(ctx, time.Second)
			if s, err := h.node.Servers(sctx); err == nil {
				servers, serversAt = s, now
			}
			cancel()
		}
		peer, ok := twoVoterPeer(servers, h.name)
		if !ok {
			r = nil
			h.readdPeer(ctx, servers)
			continue
		}
		if r == nil || r.peer != peer {
			cfg := h.tieBreakConfig(peer.ID)
			tb, err := planner.NewTieBreak(cfg)
			if err != nil {
				if msg := err.Error(); msg != badConfig {
					badConfig = msg
					h.log.Error("two hosts without a witness, and no fence race: set cluster.tie_break.preferred", "err", err)
				}
				continue
			}
			r = &race{tb: tb, cfg: cfg, peer: peer, lastReach: now}
		}
		if h.raceStep(ctx, r, now) {
			serversAt = time.Time{} // the configuration changed
		}
	}
}

// raceStep is one round of race r at now; it reports whether this host
// won and took the cluster alone.
func (h *Host) raceStep(ctx context.Context, r *race, now time.Time) bool {
	t := h.timing
	pctx, cancel := context.WithTimeout(ctx, t.ProbeTimeout)
	st, err := h.client.Status(pctx, r.peer.Address)
	cancel()
	reachable := err == nil && st.ID == r.peer.ID
	if reachable {
		r.lastReach = now
	}
	leader, _ := h.node.Leader()
	quorum := leader != ""
	if reachable && quorum {
		r.tb.Together(now)
		if r.lost {
			h.log.Info("fence race: peer and quorum back", "peer", r.peer.ID)
		}
		r.lost = false
		return false
	}
	if quorum || now.Sub(r.lastReach) < t.DeadAfter {
		return false
	}
	r.tb.Lost(now)
	if !r.lost {
		r.lost = true
		wait := "at once"
		if r.cfg.Preferred != h.name {
			wait = fmt.Sprintf("after %v", r.cfg.Delay)
		}
		h.record(agent.Event{Kind: "tie-break", Host: r.peer.ID,
			Message: fmt.Sprintf("%s lost %s and the quorum (two voters, no witness): fence race, this host fences %s through its BMC %s", h.name, r.peer.ID, r.peer.ID, wait),
			Evidence: map[string]any{"peer": r.peer.ID, "preferred": r.cfg.Preferred, "delay_seconds": r.cfg.Delay.Seconds(),
				"last_reached": r.lastReach, "probe_error": fmt.Sprint(err)}})
	}
	if r.tb.Due(now) {
		confirmed := h.raceFence(ctx, r)
		r.tb.FenceDone(time.Now(), confirmed, raceRetry)
	}
	if !r.tb.Won() {
		return false
	}
	return h.takeAlone(ctx, r)
}

// raceFence powers the peer off through its BMC, confirmed by the power
// read back off.
func (h *Host) raceFence(ctx context.Context, r *race) bool {
	levels, ok := h.fenceLevels(r.peer.ID)
	if !ok {
		h.log.Error("fence race: no BMC of the peer in the state", "peer", r.peer.ID)
		return false
	}
	reason := fmt.Sprintf("fence race: %s lost %s and the quorum (two voters, no witness)", h.name, r.peer.ID)
	rec, err := h.raceFences.Fence(ctx, levels, fencing.ActionOff, reason)
	if err != nil {
		h.log.Warn("fence race: fence not confirmed", "peer", r.peer.ID, "err", err)
	}
	return rec.Confirmed
}

// takeAlone makes the race's winner the cluster's only voter; it reports
// whether the configuration changed (a failure is tried again at the next
// round, the race still won).
func (h *Host) takeAlone(ctx context.Context, r *race) bool {
	fctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	start := time.Now()
	err := h.node.ForceSoleVoter(fctx)
	took := time.Since(start)
	cancel()
	if err != nil {
		h.log.Error("fence race won, but raft's configuration could not be forced to this host", "err", err)
		return false
	}
	h.record(agent.Event{Kind: "tie-break-won", Host: r.peer.ID,
		Message:  fmt.Sprintf("%s won the fence race: %s is off (read back through its BMC); %s now holds the cluster alone (raft voter set forced to it), and recovers %s's VMs at new generations", h.name, r.peer.ID, h.name, r.peer.ID),
		Evidence: map[string]any{"peer": r.peer.ID, "preferred": r.cfg.Preferred, "delay_seconds": r.cfg.Delay.Seconds(), "force_ms": took.Milliseconds()}})
	return true
}

// readdPeer adds a two-host cluster's other host back as a raft voter
// when this host leads alone (it won a fence race) and the other answers
// again.
func (h *Host) readdPeer(ctx context.Context, servers []replica.Server) {
	if len(servers) != 1 || servers[0].ID != h.name || !h.node.IsLeader() {
		return
	}
	var others []state.Host
	for _, hs := range h.node.State().Hosts() {
		if hs.Name != h.name && hs.State != state.Left {
			others = append(others, hs)
		}
	}
	if len(others) != 1 || others[0].Addresses.Management == "" {
		return
	}
	peer := others[0]
	addr := h.peerAddr(peer.Addresses.Management)
	pctx, cancel := context.WithTimeout(ctx, h.timing.ProbeTimeout)
	st, err := h.client.Status(pctx, addr)
	cancel()
	if err != nil || st.ID != peer.Name {
		return
	}
	jctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	voter, err := h.node.Join(jctx, peer.Name, addr)
	cancel()
	if err != nil {
		h.log.Warn("adding the other host back to raft", "host", peer.Name, "err", err)
		return
	}
	h.record(agent.Event{Kind: "tie-break", Host: peer.Name,
		Message:  fmt.Sprintf("%s answers again: added back to raft (voter %v); it rejoins the cluster under the usual rules", peer.Name, voter),
		Evidence: map[string]any{"address": addr}})
}
