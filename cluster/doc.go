// Package cluster owns membership and replicated cluster state: hosts find
// each other and detect failure through hashicorp/memberlist, and agree on
// hosts, VMs, placements and fence records through hashicorp/raft. The raft
// leader plans failover and evacuation.
//
// Built so far: cluster/state (the replicated state machine: hosts, VMs and
// their ownership by generation, policies, fence records, leases),
// cluster/replica (that state under raft over mutual TLS, stored in bbolt),
// cluster/peerapi (the inter-host API beside raft, on the same port:
// forwarding commands to the leader, lease renewals with the host's
// round-trip check, join, status) and cluster/witness (`vigil witness`, the
// VM-less third voter of two-host clusters), cluster/lease (a host's own view
// of its lease), cluster/planner (the leader's decisions: dead hosts fenced
// and their VMs placed, evacuation, drain, guards), cluster/executor (a
// host making its VMs match the committed state) and cluster/sim (all of
// them in a deterministic simulation that checks the invariants at every
// step, with seeded bugs it must catch), cluster/membership (memberlist:
// encrypted gossip, node meta, lossy hints and measured timing profiles),
// cluster/heartbeat (each host's heartbeat on shared storage) and
// cluster/verdict (the second opinion (BMC, heartbeat, lease) before a host
// memberlist calls dead is treated as dead).
package cluster
