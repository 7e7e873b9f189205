// Package chaos is `vigil-lab chaos`: randomized faults against real
// agents in the lab. Each run draws, from its seed, a lab of 3 to 5 hosts
// (package lab: namespaces, ipmi_sim BMCs) each running a real `vigil
// agent` (package agents), 6 to 12 test guests created through `vigil vm
// create`, and a schedule of 3 to 6 faults, each healed after a while or
// at quiescence. Then every fault is healed, every host powered on and
// fenced hosts readmitted (quiescence), and the run's history is checked:
// the guests' heartbeats as read from every host's serial logs, the fault
// actions, every agent's audit log, every BMC's power log and the lab's
// never-twice watcher.
//
// Core types: Plan (NewPlan: a seed's lab size and schedule; String is
// what a failing run prints), Run (a session of runs, Report its JSON),
// RunOne (one run, Result), History (what a run recorded).
//
// # Faults
//
// Done here: a power cut through the BMC (power-cut); partitions host to
// host both ways (partition) or one way (partition-one-way) and a host cut
// from every peer (isolate); a BMC cut off from every other host
// (partition-bmc); 5 to 30 % packet loss on a host's management port
// (loss: an nftables numgen drop in the lab's switch, since this
// kernel has no netem); an agent SIGKILLed and restarted (agent-kill), or
// SIGSTOPped and SIGCONTed (agent-stop); the leader's agent killed
// (leader-kill, the leader found when the step runs); ipmi_sim killed as a
// crash, back after 2 s (ipmi-crash), or restarted (ipmi-restart); BMCs that
// read "on" for 1 to 3 s after a power off (bmc-stale-on: ipmi_sim's
// delayed off, set for the whole run when the lab starts); the state
// directory's tmpfs filled to ENOSPC (disk-full); an agent starved of CPU
// through a cgroup quota (slow-agent); the agent's I/O on its state
// directory throttled to 1 to 10 operations a second (slow-disk: the
// directory is then a 16 MiB ext4 on a loop device mounted over the
// tmpfs when the lab starts, and a blkio cgroup throttles the device for
// the agent's process, its fsyncs included; the heal notes how many reads
// and writes it did meanwhile); a fan failing and the CPU heating toward
// critical, which should set off an evacuation by live migration
// (degrade). Half the steps drawn as slow-agent are slow-disk, drawn from
// a stream of their own so that older seeds keep their plans. The
// scenarios (below) add the leader's agent SIGSTOPped and SIGCONTed
// (leader-stop) and a cut host powered on again mid-run.
//
// Not possible here, and why:
//   - a clock step: the agent reads the system clock directly (no clock it
//     can be given), stepping the machine's clock would disturb everyone
//     on it, and time namespaces offset only the monotonic and boot
//     clocks, never the wall clock. What it would take: one wall-clock
//     seam in the agent (agent and agent/clusterhost call time.Now in
//     some 25 places) that a lab build shifts from a file, or a kernel per
//     host (the full-kernel runner, test/fullkernel, runs one package's
//     tests, not a lab of agents). Go's timers and durations use the
//     monotonic clock, so what a step would test is the wall times that
//     cross processes: lease expiries in the raft log, the peer API, the
//     shared-storage heartbeat, event stamps. A seam that shifted every
//     time.Now would also shift the monotonic reading (time.Time.Add
//     moves both) and so invent jumps in in-process durations that a
//     real step never causes: it has to be limited to the values that
//     cross processes. The checker already knows the fault
//     (check.FaultClockStep).
//   - a slow disk beyond the agent: the throttle holds only the agent's
//     own I/O on its state device (not QEMU's serial logs there, nor the
//     kernel's background writeback), and only the agent process that ran
//     when it was injected (an agent restarted meanwhile runs unthrottled).
//   - latency (not asked, but a common fault): no sch_netem on this kernel.
//
// # Replay
//
// Run i of a session uses seed Seed+i; a failing run prints its seed and
// schedule, and `vigil-lab chaos --replay S` runs seed S again: the same
// lab, the same faults at the same offsets against the same hosts. The
// agents' own timing (elections, who leads when the leader is killed) is
// theirs, so a replay is as close as real processes allow.
//
// # Seeded bugs
//
// With Options.Bug the agents run a vigil built with the tag
// vigil_seeded_bugs and the bug named in their environment
// (cluster/seededbugs.EnvVar); the session stops at the first run that
// catches it. The release build has no such code path (TestReleaseBinary).
// A bug with a scenario (scenario.go, NewPlanFor) runs the schedule aimed
// at it instead of a random one; correct agents pass every scenario
// (TestScenarios).
//
// Two of the cluster's seeded bugs have no path to a violation in this
// lab, and the simulation (cluster/sim) is what catches them:
//   - feed-after-late-renewal feeds the watchdog after a reply that came
//     back late. The lease it extends still counts from when the request
//     was sent, so the host's view stays within the leader's; only the
//     watchdog's reset comes later than the leader presumes, which
//     matters only when the host can no longer stop its VMs. The lab can
//     neither delay packets (no sch_netem) nor make QEMU unkillable; the
//     simulation catches it with 6 to 9 s link delays and a host whose
//     QEMU will not stop.
//   - start-without-generation starts VMs from a replica older than the
//     lease's index. VMs leave a live host only by migration or by a
//     release that host acknowledged (the executor keeps its own release
//     record), so a stale view matters only to a host that comes back
//     from a reboot while the cluster moved its VMs; and a restarted agent
//     asks for its first lease only once its registration went through
//     the cluster. A schedule that cut a host's raft traffic (its lease
//     renewals still passing), powered it off and on and readmitted it at
//     once never got that host a lease while its raft was cut. The
//     simulation catches the bug with a host that rejoins with a replica
//     up to 12 s behind.
package chaos
