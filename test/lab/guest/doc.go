// Package guest builds and describes vigil's tiny test guest: a 32-bit
// multiboot kernel (a few KB of C and assembly in src/, embedded in this
// package) that QEMU loads with -kernel. It boots in milliseconds under TCG,
// fills its RAM with incompressible xorshift data, keeps dirtying pages at a
// rate given on its command line and prints one heartbeat line a second on
// COM1:
//
//	vigil-guest id=vm1 seq=3 boot=8b57b441 up_ms=3000 state=run mem_mib=64 filled_mib=62 dirty_mibps=50 dirtied_kib=153076
//
// The id is the VM's identity (the lab counts live copies by it); seq and
// up_ms continue across a live migration, boot changes only when the guest
// boots afresh. Time comes from the HPET counter, which QEMU derives from
// its virtual clock: real time under TCG even when the host starves the vCPU,
// stopped while the VM is paused, carried over by migration. The PIT only
// wakes the idle loop (hlt) 100 times a second.
//
// Core API: [Build] compiles the guest once per source hash into a cache
// directory (gcc and ld only, no multilib packages needed); [QEMUArgs] turns
// [Options] into qemu-system-x86_64 arguments; [ParseHeartbeat] parses one
// serial line; [Reader] follows a serial stream or file and [WaitHeartbeat]
// waits for a given VM's heartbeat; [Streams] counts a VM's live copies
// from heartbeats stamped with their read time (the never-twice rules the
// lab's watcher and the chaos checker share).
//
// Caveats: the guest uses memory below 4 GiB only, without paging, so
// [Options].MemoryMiB is limited to 2048. Dirtying is best effort: when TCG
// cannot keep up, the backlog is capped at one second and dirtied_kib shows
// what was really written. The guest runs only under TCG or KVM on x86.
package guest
