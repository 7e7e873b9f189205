// Package witness is `vigil witness`: the VM-less third voter of two-host
// clusters. One process serves many clusters (vSAN's witness serves 64; a
// Config allows MaxClusters): for each it runs a raft voter
// (cluster/replica) holding that cluster's state in its own directory
// (state_dir/NAME), with that cluster's CA and certificate, and the peer
// API (cluster/peerapi) on the same port, so hosts can reach it as they
// reach each other.
//
// With the witness, a two-host cluster keeps a quorum when either host
// fails; when the witness fails, the two hosts still have one. When both a
// host and the witness are gone, the survivor has no quorum and, by its
// lease, stops its VMs: that is the point of the third vote.
//
// A witness may win an election (it cannot be kept out of them: raft has
// no such voter), but it never stays leader: the leader plans failover and
// answers lease renewals, and a witness has no planner. It hands
// leadership to a host at once (raft's leadership transfer picks the most
// up-to-date voter: a live host), and meanwhile answers renewals with
// ErrNoLeader, so hosts retry.
//
// A cluster entry either bootstraps (the three first voters, the witness
// among them, used once on an empty directory) or joins through members'
// addresses (the leader adds it as a voter while the cluster has fewer
// than its voter count). The witness's raft ID defaults to "witness"; its
// certificate, from the cluster's CA, must name that ID (DNS name) and
// carry its raft address (IP), as every host's does.
//
// Config is YAML, version 1, unknown keys refused; every error names file,
// line and key (Load, Parse).
package witness
