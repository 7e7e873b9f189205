// Package cluster owns membership and replicated cluster state: hosts find
// each other and detect failure through hashicorp/memberlist, and agree on
// hosts, VMs, placements and fence records through hashicorp/raft. The raft
// leader plans failover and evacuation.
//
// Nothing is built here yet: it arrives with the failover engine.
package cluster
