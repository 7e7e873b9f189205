// Package image holds what bakes vigil into a hypervisor OS image, with the
// tests that keep each part honest.
//
// vigil.service is the agent's systemd unit: Type=notify with
// NotifyAccess=main and a watchdog, Restart=on-failure, and hardening as far
// as a root daemon allows that needs netlink and taps (CAP_NET_ADMIN), raw
// and UDP sockets to BMCs, /dev/watchdog, its state and runtime directories
// and D-Bus to systemd (each VM runs in its own transient unit in
// machine.slice, so none of the agent's confinement applies to QEMU and a
// restart of the agent never stops a VM). Every hardening line carries the
// comment that says why it is there. sysusers.d/vigil.conf makes the vigil
// group (writers on the local API), tmpfiles.d/vigil.conf the directories.
//
// The tests read the unit against the agent's config defaults, run
// `systemd-analyze verify` (no output allowed) and `systemd-analyze security
// --offline=yes` (exposure 3.0 or better), and apply the snippets with
// systemd-sysusers and systemd-tmpfiles to an empty root. None of them needs
// systemd as PID 1.
package image
