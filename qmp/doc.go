// Package qmp runs VMs by driving QEMU directly over QMP (no libvirt): it
// turns a VM spec into a QEMU command line, starts, stops and adopts QEMU
// processes, notices when they end and why, and live-migrates VMs between
// hosts so that a migration ends with the VM running on exactly one of them.
//
// # Transport
//
// [Client] is a hardened QMP client written beside go-qemu's qmp package,
// which has no context on Run, flattens QMP's error class into a string,
// breaks for good on a reply over 64 KiB (query-qmp-schema is ~210 KB) and
// stalls when its event channel is not drained. [Dial] negotiates
// capabilities under a context; [Client.Run] matches replies by id, honours
// its context (a late reply is discarded) and returns QEMU's errors as
// [*Error] with Class and Desc (match with errors.As); events fan out to
// [Client.Subscribe] channels that drop their oldest entry rather than ever
// block the socket reader; messages up to [DefaultMaxMessage] are read; when
// QEMU dies every pending call returns [ErrClosed] and the reader goroutine
// ends. [Monitor] is the interface the rest of vigil uses; qmp/qmptest has
// an in-memory fake and a wire-level fake server.
//
// # Running VMs
//
// [Spec] (name, UUID, vCPUs, memory, disks on shared storage, NICs with MAC
// and tap, extra options) becomes a command line with [Spec.Args]: machine
// type pinned to [DefaultMachine] (migration across QEMU versions needs the
// same versioned type on both sides), -accel tcg unless the spec says kvm,
// taps with vhost=off, two QMP sockets (the agent's and a free one for
// technicians, since a QMP socket serves one client at a time), COM1 on a
// unix socket with everything it prints kept in a log file, and a pidfile.
// [Start] runs QEMU in its own session (it outlives the agent), or through
// Options.Launcher outside the caller's tree ([SystemdLauncher]: a transient
// unit vigil-vm-NAME.service in machine.slice, started over D-Bus, which
// the agent uses whenever systemd is init), and refuses a second copy; [Adopt] finds a running one again after an agent restart
// (pidfile, /proc cmdline naming the VM and UUID, QMP socket) and watches it
// through a pidfd. [VM.Stop] escalates ACPI powerdown, quit, SIGKILL;
// [VM.Exited] and [VM.Exit] report the end with its reason, from the last
// SHUTDOWN/GUEST_PANICKED event and the process's status.
//
// # Live migration
//
// [Migrate] (and [MigrateVM], which stops and kills processes rather than
// asking monitors) drives a source and a destination started with
// `-incoming defer`: capabilities on both sides (events, return-path so
// the source completes only once the destination has loaded the state,
// pause-before-switchover when a pre-switchover hook is set, auto-converge,
// postcopy-ram only when the VM's policy allows it, multifd if asked),
// parameters (downtime-limit, max-bandwidth raised from QEMU's 128 MiB/s
// default to the link, TLS x509 credentials), then follows query-migrate and
// MIGRATION events. When the guest dirties memory faster than the link
// carries it, it escalates in steps (harder vCPU throttling, the downtime
// limit raised to the VM's budget, post-copy if allowed) and otherwise
// cancels naming the rates. No progress for StallTimeout (a cut link leaves
// QEMU's migration active forever) cancels. Every failure and cancel before
// post-copy leaves the VM running on the source and kills the destination.
// When the destination may hold the whole VM (the migration completed, then
// verification failed or a cancel came too late), the source is resumed
// only once the destination's process is confirmed gone: SIGKILL through a
// pidfd taken from the monitor socket's peer credentials ([Client.KillProcess])
// or MigrateOptions.KillDestination, never a `quit` over a monitor that may
// be the one that just timed out. Otherwise the source stays paused and the
// error wraps [ErrBothStopped]. After completion the destination must be
// running with the source's block devices, it announces the VM's MACs
// (announce-self), and the source is stopped.
//
// Polling, stall detection, escalation and post-copy recovery pacing read
// time through MigrateOptions.Clock ([Clock]), so a simulation can drive a
// migration through simulated time (qmp/qmptest has a fake clock).
//
// Caveats: once post-copy starts there is no rollback. A post-copy whose
// link breaks (QEMU pauses it, or the stall timer pauses both sides) is
// resumed with migrate-recover and one `migrate resume`, which connects
// when the link is back (TCP retries the connect), for
// PostcopyRecoverTimeout; after that both processes must be kept, since
// the VM's memory is split between them. A second resume is sent only once
// the first connect has surely ended: two pending connects that both
// succeed make QEMU 7.2 abort the source (migrate_fd_connect: Assertion
// `!s->cleanup_bh'), and the pages only it held are lost.
//
// QEMU's own window: right after the switch to post-copy the source sends
// the device state, with the LISTEN and RUN commands, as one package, and
// the destination runs the VM only once it has read all of it. A channel
// that breaks before then makes the destination's load fail ("CMD_PACKAGED:
// Buffer receive fail … load of migration failed: Resource temporarily
// unavailable") and its QEMU exit: QEMU pauses a post-copy for recovery
// only once the destination runs the VM. vigil does not pause while the
// destination has not started the VM (its migration status still active or
// its run state still inmigrate), since that would break the channel
// itself; it waits for TCP to deliver the package. If the destination exits
// anyway, Migrate returns ErrPostcopyLost at once: the VM is lost on the
// destination and runs nowhere. The source QEMU is left paused, holding the
// rest of the VM's memory, and is never resumed: QEMU 7.2 refuses `cont`
// while the post-copy migration is unfinished, even after migrate_cancel,
// and a destination that ran the VM may have written to its disks since.
// The VM must be restarted from its disks, on one host, once the source
// QEMU is killed and confirmed gone.
//
// Result.PausedMs is the guest's real pause, from the source's STOP to the
// destination's RESUME event; QEMU's downtime_ms is measured on the source
// alone (and, without return-path, misses the destination's load time).
//
// Downtime includes the pre-switchover hook: prepare the destination's
// network before Migrate where possible and keep the hook to a last check.
// A link cut before the source connects leaves QEMU's migration
// "cancelling" until its TCP connect gives up (about two minutes): the VM
// runs on the source meanwhile, but a new migration of it is refused until
// then. TCG is the only accelerator that runs guest code on the build
// machines; KVM specs are accepted but not exercised in tests.
package qmp
