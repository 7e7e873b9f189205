// Package model holds a Promela model of the lease, fence and ownership
// protocol (protocol.pml) and the test that checks it with Spin on every
// `make test`. The package has no Go code of its own: the model is the
// product, and model_test.go runs Spin, compiles the verifier with gcc and
// reads its verdict.
//
// # What is modelled
//
// One VM, two hosts (three in the deep run), one raft leader and a hostile
// environment, on a discrete clock. Each tick the clock counts every timer
// down (leases, lease views, watchdogs, margins, the mass-fence window, a
// BMC's power-off delay) and the environment may act once; then the leader
// takes one step and then each host. Timers are countdowns, so the state
// space is finite although time never ends.
//
//   - Leader: extends the lease of every host it is not fencing. A host
//     whose lease expired (memberlist's "dead" alone is not enough) is
//     fenced if the mass-fence guard allows: its ownership is revoked by
//     compare-and-set on (VM, generation), its lease is revoked (it still
//     runs out at the expiry last granted), then its BMC powers it off and
//     the fence is confirmed once the power reads back off. With the BMC
//     unreachable, a host with an armed watchdog counts as fenced at lease
//     expiry plus the margin; with watchdog none the VM waits for the BMC.
//     Once the old owner's fence is confirmed the VM is placed, with a new
//     generation, on a host holding a lease.
//   - Host: renews once a tick. A reply within the round-trip bound renews
//     its own lease view (counted from the request, drift taken off) and
//     feeds the watchdog; a late reply does neither. It starts the VM only
//     under a valid view and only a start the committed state confirms
//     (owner, generation); it stops the VM when the view lapses, and restarts
//     it when the view returns. Its start intent survives reboots (the store).
//   - Environment, within a fault budget (2; 3 in the deep run): cut a host
//     off (its BMC too; the BMC may come back alone), cut power (BMC too),
//     wedge QEMU so it cannot be stopped, congest a link (replies later by a
//     tick each tick, then maybe the link fails), hold up a start command,
//     and, for the variant that trusts it, memberlist's false "dead". Free
//     repairs: BMC back, network back, power on, held start delivered,
//     readmission of a fenced host that rebooted (new boot id). Per host, an
//     armed watchdog or none, and a clock and watchdog that run slow by the
//     drift bound or not.
//
// Timing: lease TTL 5 ticks, drift 1, watchdog 2, round trip 1, margin 1,
// so TTL − drift > watchdog + round trip (fencing/watchdog.CheckTiming).
//
// # Properties
//
// P1 never twice: no start while another copy runs (or was stopped by its
// own host in the same tick). P2 generations only rise: no start under an
// older generation than one already started. P3 no mass fencing: at most
// half the hosts fenced per window. P4 second opinion: only a host whose
// lease expired is fenced. Liveness (ltl recovers): once the network and
// the BMCs stay healthy and some powered host may hold a lease, the VM ends
// up running for good.
//
// # Bug variants
//
// Each is one -D macro and must make Spin find a counterexample:
// BUG_SKIP_CONFIRM (P1), BUG_TRUST_DEAD (P4), BUG_LATE_FEED (P1),
// BUG_SKIP_GEN (P2), BUG_NO_MASS_GUARD (P3), BUG_TRUST_NO_WATCHDOG (P1) and
// BUG_NO_RESTART (liveness). BUG_LATE_FEED only bites when replies grow
// later tick by tick (queues filling): the late replies then keep a host
// whose QEMU is wedged alive past the expiry plus margin at which the leader
// assumes its watchdog fired.
//
// # Reproducing a check
//
//	spin -a -DBUG_SKIP_GEN protocol.pml
//	gcc -O1 -w -DVECTORSZ=256 -DMEMLIM=1024 -DCOLLAPSE -DSAFETY -o pan pan.c
//	./pan -m100000
//	spin -t -p -g -DBUG_SKIP_GEN protocol.pml   # replay the counterexample
//
// For liveness, add -DLIVENESS to spin, leave -DSAFETY out and run ./pan -a.
// A failing subtest prints its own command. The correct model has about a
// million states (safety and liveness alike), a few seconds each.
// VIGIL_SPIN_DEEP=1 go test ./cluster/model adds the correct model with
// three faults (8.3 million states) and with three hosts (13.4 million);
// each takes one to two minutes of a loaded machine and up to 2 GB.
//
// # Limits
//
// Raft is taken as given: the leader is one process that never fails, and
// compare-and-set is atomic. One VM, no live migration, no placement policy.
// Within a tick the leader acts before the hosts. The correct host ignores
// late replies, so only the BUG_LATE_FEED build tracks them in flight, and
// memberlist's verdict exists only in the BUG_TRUST_DEAD build, because the
// correct leader never reads it.
package model
