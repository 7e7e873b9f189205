// Package cluster owns membership and replicated cluster state: hosts find
// each other and detect failure through hashicorp/memberlist, and agree on
// hosts, VMs, placements and fence records through hashicorp/raft. The raft
// leader plans failover and evacuation.
//
// Built so far: cluster/state (the replicated state machine: hosts, VMs and
// their ownership by generation, policies, fence records, leases) and
// cluster/replica (that state under raft over mutual TLS, stored in bbolt).
// Leases, the planner and the simulation build on them.
package cluster
