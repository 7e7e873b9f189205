// Package vms runs the VMs of one host with their network and their
// intents: the layer between the cluster's decisions and qmp, netfabric and
// the store. The cluster reaches VMs only through the Runner interface
// (start, adopt, stop, migrate, list), so the same cluster code runs against
// vms/vmstest's fake in a simulation and against Host in the agent.
//
// Core types: Runner; Host, the real Runner (QEMU through qmp.Start,
// qmp.Adopt and qmp.Migrate; taps through the Net interface, which
// *netfabric.Host satisfies; records through the Store interface, which
// *store.Store satisfies); VM (a qmp.Spec, the generation it is placed
// under, its taps); Destination, Receiver and Incoming, the other host of a
// migration as the source reaches it.
//
// Intent before action (DESIGN.md invariant 5): Start, Stop and Migrate
// write an intent to the store before they touch anything and close it with
// the outcome ("done", "failed"); a receiving host writes its own start
// intent (action "incoming") closed by Settle. A restarted agent calls
// Resume with the intents left open: it adopts, cleans up, finishes or
// undoes each one by looking at what actually runs (see Resume), and
// leaves an intent open rather than guess when the other host of a
// migration cannot be asked.
//
// Migration, network first: Host.Migrate calls the destination's
// netfabric.Hooks.PrepareTarget, starts the destination QEMU through its
// Receiver, runs qmp.Migrate, then AfterSwitchover (the source's taps go)
// or AbortTarget (the target's taps go, the VM runs on the source).
//
// Processes: QEMU runs in its own session (qmp.Start), never as part of the
// agent's lifetime: Close detaches and leaves it running, and a new Host
// finds it again through its run directory (RunDir/ID/run.json, the
// pidfile, the QMP socket). Under systemd the agent sets
// qmp.Options.Launcher to a qmp.SystemdLauncher: each QEMU then runs in its
// own transient unit, vigil-vm-NAME.service in machine.slice, and is found
// again the same way; elsewhere qmp.Options.Command may wrap the command
// (the lab runs it in a host's network namespace).
//
// Caveats: one action at a time per VM (ErrBusy). A QEMU that ends on its
// own is noticed (State Exited, a "vm.exited" audit event, its record
// removed) but not restarted: that is the cluster's decision. A VM migrated
// while paused is treated on resume as not switched over.
package vms
