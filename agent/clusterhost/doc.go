// Package clusterhost is this host's part in its cluster: the agent's
// Cluster (agent.Cluster) when the config has cluster:. It wires the
// cluster packages to the world: the replicated state (cluster/replica)
// and the inter-host API (cluster/peerapi) on the raft port, the lease
// (cluster/lease) with the watchdog, the executor (cluster/executor) over
// this host's VMs (vms, qmp, netfabric), and, while this host leads, the
// planner (cluster/planner) with its fences (fencing) through the peers'
// BMCs.
//
// Start (Host.Run):
//   - the raft port: one listener (peerapi.Mux) for raft and the peer API;
//     the raft node in state_dir/raft;
//   - this host's VMs: pending intents resumed, running QEMUs adopted
//     (vms.Host), so an agent restart never stops a VM;
//   - forming: on an empty state_dir a host listed in cluster.bootstrap asks
//     the addresses of cluster.join (and the witness) who they are (the peer
//     API's status) until every bootstrap host is known, then bootstraps
//     those voters once; any other host joins through them, and one that
//     finds a cluster already formed joins too. Then the host registers
//     itself (addresses, boot id, capacity, BMC endpoint, watchdog).
//
// Loops, each its own goroutine:
//   - lease: every renew interval a renewal to the leader (forwarded by
//     peerapi, or answered locally when this host leads), carrying the
//     executor's report and this host's health; the keeper accepts only a
//     reply within the round-trip bound, and only such a reply feeds the
//     watchdog, which is armed at the first one;
//   - executor: reconciles this host's VMs with its replica whenever the
//     replica or the lease changes, when the lease lapses, and on a tick;
//     it records started, stopped and self-fence events. It does not run
//     before the first timely renewal (and the replica caught up with it),
//     unless a lease TTL has passed since the start: a restarted agent
//     keeps its adopted VMs through its first renewal rather than stopping
//     them on a stale replica;
//   - leader: while this host leads, one planner (re-created with fresh
//     timers at every new leadership) ticks, answers renewals (Renewer),
//     carries out operations (Operator: create with admission control,
//     drain, readmit), fences through fencing.Manager with the peer's BMC
//     endpoint from the state and this host's fence: credentials, and
//     records its decisions as events (dead, fence, fence-confirmed,
//     placed, ...). A host whose renewals stop is recorded suspect.
//   - decisions (decisions.go): the leader's decisions (every second)
//     and other peers' (every 5 s) copied into this host's audit log, so
//     that `vigil events` on a follower shows what the leaders decided,
//     each once, marked with the leader; the leader also writes its
//     decisions about a peer into that peer's BMC log (PeerBMC,
//     alert/bmclog.Peers).
//
// Membership: the planner treats a host as dead at its lease deadline, or
// earlier when membership says so and the second opinion
// (cluster/verdict) agrees: no renewal came since, its BMC does not read
// its power on (power.go asks it), and, with cluster.heartbeat_dir, its
// heartbeat file on the shared storage has stopped changing (heartbeat.go:
// every host writes its own and reads its peers'). With
// cluster.gossip_key_file every host runs memberlist (cluster/membership:
// encrypted gossip on the gossip port, its boot id, incarnation, watchdog
// and BMC endpoint in the meta) and the leader reads its view; without
// one, the leader probes every host's peer API itself (Prober, DESIGN.md's
// "direct probes among voters every 100-200 ms"). Neither fences on its
// own. A cleanly stopped agent leaves the gossip and asks the leader for a
// hold (peerapi's hold operation) so that its restart is not taken for a
// death before its lease deadline; a crashed agent is not held.
//
// Two hosts without a witness (tiebreak.go): when they lose each other,
// neither has a raft quorum, so each races to fence the other through its
// BMC (planner.TieBreak: the preferred host at once, the other after the
// delay, cluster.tie_break). The winner, its peer's power read back off,
// forces raft's configuration to itself alone (replica.ForceSoleVoter),
// leads, and its planner recovers the peer's VMs as any dead host's (revoke,
// confirmed fence, placement at new generations); it adds the peer back to
// raft once it answers again.
//
// Timing comes from the config's timing profile (Profile): lab, lan or
// wan, with the lease TTL raised where an armed watchdog needs it.
//
// Live migration between agents (migrate.go): the leader's order goes to
// the source over the peer API's Extra routes; the source's VM runner
// (vms.Host.Migrate, network first) reaches the target through a remote
// Destination: the target's taps (PrepareTarget, AbortTarget), its
// receiving QEMU and that QEMU's monitor, commands and events, each a
// route the target serves only to the host the state places the VM on.
// The target's report of the VM under the next generation commits the
// handover. A drain evacuates through the same path; `vigil vm migrate
// --to HOST` asks the planner for one (Planner.MigrateTo).
//
// Metrics (metrics.go): Host is the agent's metrics.ClusterSource, read
// from memory on every scrape (the replica, its own lease and executor
// report, the leader's reports only when their lock is free), and counts
// fences (the fence manager's records; lease-expiry confirmations as the
// watchdog's), migrations away from this host with their downtime, and,
// on the leader, each dead host's recovery until its last VM runs
// elsewhere (as the leader learns from the reports).
//
// Caveats: the watchdog is a real device, a lab's named pipe
// (fencing/watchdog), or none. Only pre-copy migrations have been run
// between agents here; post-copy recovery across a broken link goes
// through the same remote monitor but is untested.
package clusterhost
