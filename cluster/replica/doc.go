// Package replica runs the cluster state (cluster/state) under
// hashicorp/raft: one Node per host, its raft log and stable store in bbolt
// through raft-boltdb/v2 (raft.db) and its snapshots in a second bbolt file
// (snapshots.db), both in Config.Dir.
//
// Transport: raft's NetworkTransport over mutual TLS 1.3 with certificates
// from files (LoadTLS). Both ends must present a certificate from the
// cluster CA; a dialled peer's certificate must also carry the address
// dialled, and Join checks that a new server's certificate names it. A
// peer from another CA can neither join nor send raft RPCs (RefusedPeers
// counts them).
//
// Membership: the first voters bootstrap once, from Config.Bootstrap, on an
// empty Dir. The leader adds later hosts (Join) as voters up to
// Config.Voters (3 or 5) and as non-voters after that; when a voter's host
// is fenced or leaves, ReconcileVoters promotes a healthy non-voter
// (PlanVoters is the pure decision). ForceSoleVoter rewrites the
// configuration to this node alone without a quorum (raft.RecoverCluster),
// for a two-host cluster whose other voter was fenced, confirmed off.
//
// Proposals: Apply encodes a state.Command, waits within its context and
// returns the state machine's own result or error. ErrNotLeader means the
// command was not proposed; ErrUnknownOutcome means it may yet apply (the
// proposer must read before retrying a non-idempotent change; ownership is
// a compare-and-set on the generation, so a retry is safe). Read gives a
// linearizable view: the leader commits a barrier in its own term first.
// State gives the local, possibly stale, view.
//
// Caveat: an entry of a command type this build does not know stops the
// process (see fsm.Apply): replicas must not diverge, and an upgrade, not a
// skip, is the fix.
package replica
