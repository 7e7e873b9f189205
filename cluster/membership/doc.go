// Package membership finds the cluster's hosts and raises suspicion when
// one stops answering, through hashicorp/memberlist (SWIM with Lifeguard).
// It is a hint source for the leader's planner, never an authority: a
// "dead" from here starts a second opinion (package cluster/verdict); it
// never fences or moves a VM by itself.
//
// Core types: List (Start, Join, Members, SetMeta, Leave, Close) runs one
// memberlist with encrypted gossip (keys from a 0600/0640 file, see
// ReadKeyFile) and the host name as node name; Meta is what a member
// announces (boot id, agent incarnation, watchdog armed, BMC endpoint),
// compactly encoded and defensively decoded; Profile is a measured set of
// timings.
//
// Hints: memberlist's join, update and leave callbacks, its own failed
// probes (read from its log line: memberlist reports suspicion nowhere
// else) and acks of suspect members become Events, queued for the Handler
// on the List's own goroutine: memberlist never waits for the handler, and
// a full queue drops events (counted in View.Dropped). Every
// Config.ReconcileEvery the handler also receives the full member list, a
// View checked against memberlist's own list: that, not the event stream,
// is the source of truth. Timestamps come from Config.Now. memberlist's log
// goes to slog (NewLogger). memberlist's callbacks do not say whether a
// member left or died; List.Leave announces Meta.Leaving first so the
// others can tell.
//
// # Profiles, as measured
//
// In one process on loopback (membershiptest; BenchmarkDetect and
// BenchmarkFalseSuspicion in measure_test.go) on a 2-core machine shared
// with other work (load average 5 to 9), memberlist v0.7.0. Detection is
// from a member's network dying to every other member declaring it dead,
// median of 9 trials:
//
//	profile    probe/timeout  suspicion  3 members: median (max)
//	fast       200/100 ms     ×2         0.75–0.80 s (1.0 s)
//	confirmed  200/100 ms     ×3         0.95–1.0 s  (1.2 s)
//	stock      1 s/500 ms     ×4         6.8 s
//
// In the lab (TestMembershipLab in package test: three agent processes in
// network namespaces, one cut by nftables) fast took 0.80–1.0 s over three
// runs and confirmed 0.97–1.02 s.
//
// False suspicions where nobody failed (suspicions / false deaths; one
// 20 s run per cell, four for 30 % loss among 20; pauses hold (freeze, as
// SIGSTOP) or drop (blip) one member's traffic for 300 ms, ten times):
//
//	                      fast        confirmed   stock
//	5 % loss, 3 and 20    0 / 0       0 / 0       0 / 0
//	30 % loss, 3          21 / 0      29 / 1      6 / 0
//	30 % loss, 20         99–130 /    107–121 /   21 / 0
//	                      4–27        4–6
//	freeze 300 ms, 3      7 / 0       8 / 0       0 / 0
//	blip 300 ms, 3        16 / 0      18 / 0      0 / 0
//	freeze 300 ms, 20     12 / 0      11 / 0      0 / 0
//
// In the lab, ten real 300 ms SIGSTOPs of an agent gave 4–6 suspicions and
// no death with either profile; 5 % packet loss (nftables, 20 s) none;
// about 10 % (5 % at each switch port) 6–8 suspicions and 0–3 deaths with
// fast.
//
// Default is Fast: it is the one that meets the design's goal of a
// median detection of at most 1 s among 3 hosts with margin, and under
// the conditions of that goal (5 % loss, 300 ms stalls) it declared nobody
// dead. Confirmed waits for a second member's confirmation and cuts the
// false deaths under heavy loss in a cluster of 20 to about a third, at
// about 0.2 s more detection; prefer it beyond a handful of hosts. False deaths that remain
// (heavy loss) are why a death here is only a hint.
//
// Larger clusters, fast (membershiptest joins them in batches and waits
// for them to settle; the machine 89–100 % busy with other work). Median
// (max) of five deaths in one cluster, with no false suspicion or death
// among the others meanwhile:
//
//	members  detection          suspicion timeout  process CPU
//	20       0.95 s (1.07 s)    0.52 s             0.06 cores
//	50       1.22 s (1.35 s)    0.68 s             0.13 cores
//	200      never formed       0.92 s
//
// Detection grows with the suspicion timeout, SuspicionMult ×
// log10(members) × ProbeInterval: at 200 members it alone is 0.92 s, so
// even on idle hosts fast would not keep 1 s there (about 1.5 s by these
// figures, an estimate). 200 members in one process never formed here, with either
// profile, in five tries: past 100–185 members the process's threads
// waited for a core longer than they ran (0.4–0.8 cores used, 1.0–1.4
// cores' worth of waiting), acks missed their 100 ms timeout and false
// deaths fed on themselves (84,000–418,000 Died events within 5 minutes),
// also while the rest of the machine was quieter (load 3–5). One process
// freezes all its members together whenever the machine deschedules it,
// which real hosts do not: these storms describe the harness on a shared
// 2-core machine, not memberlist on 200 hosts. Gossip compression is off
// in Fast and Confirmed: LZW took a quarter of the CPU time of 120
// in-process members.
//
// Caveats: State Suspect reflects this member's own probes only
// (suspicion raised by others is not visible until it turns into Dead),
// and lapses back to Alive once memberlist's longest suspicion has passed
// without a death.
package membership
