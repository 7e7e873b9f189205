// Package sim is the deterministic simulation of a vigil cluster: N hosts
// running the real lease keeper (cluster/lease), executor
// (cluster/executor) and, on the leader, planner (cluster/planner), over
// the real state machine (cluster/state), with everything else faked: one
// clock, a network (partitions, one-way loss, delay, reordering), BMCs
// (unreachable, or still reading "on" for a while after off), hardware
// watchdogs, shared storage, and the VM runner (vms/vmstest).
//
// Raft itself is tested elsewhere (cluster/replica); here the replicated
// log is one sequence of entries applied to a cluster/state, appended only
// by a leader connected to a quorum of voters, and copied to each host's
// own replica by messages that can be late or lost. Leadership moves when
// the leader loses its quorum, after an election timeout.
//
// Determinism: one root seed; every random choice comes from it (per-host
// generators are derived from it); events run in (time, sequence) order;
// maps are walked in sorted order; no goroutine, no wall clock. The same
// seed gives the same trace, byte for byte.
//
// Invariants, checked after every event (the last two every simulated
// second): a VM never runs on two hosts at once; committed generations
// only rise; only the leader, with a quorum and an open fence record,
// fences; never more than the allowed share of hosts is fenced in the
// window; no VM stays down longer than its RTO while a quorum, capacity
// and a fence path exist; a host whose own lease lapsed runs no VM
// (unless QEMU cannot be killed or its agent is frozen: then its watchdog
// must act in time, which never twice checks). In a two-host cluster
// without a witness (Cluster.TieBreak; one generated seed in ten), the
// hosts settle a lost link by a BMC fence race (planner.TieBreak, h1
// preferred): the winner holds the quorum alone only with its peer's power
// off, and the two never fence each other.
//
// Seeded bugs (cluster/internal/seeded, build tag vigil_seeded_bugs) plant
// known faults in the lease keeper, planner and executor; TestSeededBugs
// shows each one caught within the seeds `make test` runs. A failing seed
// prints its schedule and the one-line command that replays it.
//
// Scenarios are scripts of commands (partition 1 2, tick 500ms, fail-bmc
// 3, ...), either written by hand in testdata/*.txt with golden output, or
// generated from a seed (Generate). See commands.go for the language.
package sim
