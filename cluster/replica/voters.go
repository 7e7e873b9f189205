package replica

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/raft"
)

// VoterPlan is what ReconcileVoters changes: non-voters it promotes and
// voters it demotes, in the order it applies them (promotions first, so the
// cluster never has fewer live voters than before).
type VoterPlan struct {
	Promote []string
	Demote  []string
}

// PlanVoters decides which servers should vote. Voters that are not
// eligible (their host is fenced, gone or unhealthy) are demoted, except
// self (the leader, which is alive by definition); eligible non-voters are
// promoted, in ID order, until there are want eligible voters; surplus
// eligible voters beyond want are demoted, highest ID first, never self.
func PlanVoters(servers []Server, self string, want int, eligible func(id string) bool) VoterPlan {
	var plan VoterPlan
	var healthy, candidates []string
	for _, s := range servers {
		switch {
		case s.Voter && (s.ID == self || eligible(s.ID)):
			healthy = append(healthy, s.ID)
		case s.Voter:
			plan.Demote = append(plan.Demote, s.ID)
		case eligible(s.ID):
			candidates = append(candidates, s.ID)
		}
	}
	slices.Sort(healthy)
	slices.Sort(candidates)
	slices.Sort(plan.Demote)
	if need := want - len(healthy); need > 0 {
		plan.Promote = candidates[:min(need, len(candidates))]
	}
	for i := len(healthy) - 1; i >= 0 && len(healthy) > want; i-- {
		if healthy[i] != self {
			plan.Demote = append(plan.Demote, healthy[i])
			healthy = slices.Delete(healthy, i, i+1)
		}
	}
	return plan
}

// ReconcileVoters is what the leader calls when a host is fenced, removed
// or readmitted: it keeps Config.Voters eligible voters, promoting healthy
// non-voters to replace voters that are not eligible and demoting those.
// eligible says whether a server's host may vote (typically: its host is
// healthy in the state). It returns the plan it applied.
func (n *Node) ReconcileVoters(ctx context.Context, eligible func(id string) bool) (VoterPlan, error) {
	if !n.IsLeader() {
		return VoterPlan{}, n.classify(raft.ErrNotLeader)
	}
	servers, err := n.Servers(ctx)
	if err != nil {
		return VoterPlan{}, err
	}
	plan := PlanVoters(servers, n.cfg.ID, n.cfg.Voters, eligible)
	addr := map[string]string{}
	for _, s := range servers {
		addr[s.ID] = s.Address
	}
	timeout := enqueueTimeout(ctx)
	for _, id := range plan.Promote {
		f := n.rf().AddVoter(raft.ServerID(id), raft.ServerAddress(addr[id]), 0, timeout)
		if err := n.classify(wait(ctx, f)); err != nil {
			return plan, fmt.Errorf("promote %s: %w", id, err)
		}
		n.log.Info("voter promoted", "server", id)
	}
	for _, id := range plan.Demote {
		if err := n.classify(wait(ctx, n.rf().DemoteVoter(raft.ServerID(id), 0, timeout))); err != nil {
			return plan, fmt.Errorf("demote %s: %w", id, err)
		}
		n.log.Info("voter demoted", "server", id)
	}
	return plan, nil
}
