// Package cluster owns membership and replicated cluster state: hosts find
// each other and detect failure through hashicorp/memberlist, and agree on
// hosts, VMs, placements and fence records through hashicorp/raft. The raft
// leader plans failover and evacuation.
package cluster
