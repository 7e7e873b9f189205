package replica

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/raft"
	"github.com/vigil-ha/vigil/cluster/state"
)

// ForceSoleVoter makes this node the only voter of its cluster, without a
// quorum: raft is stopped, its configuration rewritten to this node alone
// (raft.RecoverCluster, the peers.json recovery that Consul and Nomad
// document), and started again, so that it elects itself and commits
// alone. Entries in its log that were never committed become committed.
//
// It is only safe when every other voter is known to be off and stays out
// of the cluster until this node adds it back: a two-host cluster's winner
// of the fence race (the peer's power read back off by its BMC) is the one
// caller. A node with the other host's log entries that it lacks cannot
// exist: with two voters every committed entry is on both.
//
// Calls on the Node during the restart fail or wait as on a node without a
// leader.
func (n *Node) ForceSoleVoter(ctx context.Context) error {
	n.swapMu.Lock()
	defer n.swapMu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	if n.closed {
		return fmt.Errorf("force sole voter: %w", raft.ErrRaftShutdown)
	}
	start := time.Now()
	old := n.rf()
	n.stream.dropOutbound()
	if err := old.Shutdown().Error(); err != nil {
		return fmt.Errorf("force sole voter: stop raft: %w", err)
	}
	// Shutdown waits for raft's requests in flight to the lost peer, which
	// dropOutbound ended.
	stopped := time.Since(start)
	conf := raft.Configuration{Servers: []raft.Server{{Suffrage: raft.Voter, ID: raft.ServerID(n.cfg.ID), Address: n.trans.LocalAddr()}}}
	// RecoverCluster replays the log into a scratch state machine to
	// write its snapshot; the live state is restored from that snapshot
	// by the new instance.
	rerr := raft.RecoverCluster(n.rc, &fsm{st: state.New()}, n.logs, n.logs, n.snaps, keepOpen{n.trans}, conf)
	r, err := raft.NewRaft(n.rc, n.fsm(), n.logs, n.logs, n.snaps, keepOpen{n.trans})
	if err != nil {
		// The old instance is stopped and none runs: the node is of no use.
		return fmt.Errorf("force sole voter: restart raft: %w (recovery: %v)", err, rerr)
	}
	n.rp.Store(r)
	if rerr != nil {
		return fmt.Errorf("force sole voter: %w (raft restarted with its old configuration)", rerr)
	}
	n.log.Warn("raft configuration forced to this node alone", "voter", n.cfg.ID,
		"stop_ms", stopped.Milliseconds(), "total_ms", time.Since(start).Milliseconds())
	return nil
}
