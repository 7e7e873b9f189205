// Package check is the chaos checker (issue 14): it owns History, what one
// `vigil-lab chaos` run recorded (the lab watcher's guest heartbeats, every
// agent's events, the BMCs' power logs, the faults applied and their
// windows, the VMs' budgets, the hosts' state directory copies), and the
// checks that judge it. Check runs them all and returns a Report (counts
// per check, the violations, the RTO distribution in ms):
//
//   - CheckNeverTwice: no VM ran twice at once, by the lab watcher's own
//     rules (guest.Streams) replayed over the recorded heartbeats;
//   - CheckRTO: every VM that should run ran again within its RTO budget,
//     the clock starting once nothing blocked its recovery (see rto.go for
//     the rule; Outages lists every outage and how it was judged);
//   - CheckMassFencing: no more hosts fenced within the guard's window
//     than cluster/planner's mass-fence guard allows;
//   - CheckStores: every host's store copy passes store.Check;
//   - CheckLinearizable: the ownership changes the events show are
//     linearizable under replicatest.OwnershipModel (porcupine; see
//     linear.go for what the events can and cannot show);
//   - CheckLeaseLapse: a host whose own lease lapsed (its self-fence
//     event) did not run its VMs on (lapse.go): never-twice cannot see
//     this while the cluster waits for a fence it cannot confirm;
//   - CheckFenceByLeader: no power-off sent by a leader after a newer
//     term's leader had started (leader.go): a deposed leader that did
//     not confirm its leadership first.
//
// The package is pure logic over a History: it starts nothing and talks
// to no process, so its tests run on hand-made histories. The runner
// (package test/chaos) fills the History from test/lab (Lab.OnHeartbeat,
// ipmisim's ChassisLog through ParseChassisLog) and test/agents (Events).
package check
