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
// deb.sh builds the Debian package (`make deb`, nfpm pinned there, recipe in
// deb/nfpm.yaml): the static binary, the unit in /lib/systemd/system, the
// snippets, an example config (0640; never /etc/vigil/vigil.yaml itself, so
// the enabled unit stays idle until someone configures the host), a manual
// page from the binary's own help, a changelog and a copyright file
// generated from the binary's build info (the Go modules it embeds, each with
// its license). The maintainer scripts (deb/) use deb-systemd-helper and
// deb-systemd-invoke: enabled on install, started only with a config,
// restarted and never stopped on upgrade, the state removed on purge.
// rootfs.sh builds Debian 12 trees with mmdebstrap and caches them under
// /var/cache/vigil.
//
// The tests read the unit against the agent's config defaults, run
// `systemd-analyze verify` (no output allowed) and `systemd-analyze security
// --offline=yes` (exposure 3.0 or better), and apply the snippets with
// systemd-sysusers and systemd-tmpfiles to an empty root. None of them needs
// systemd as PID 1. The package is checked with `lintian --fail-on error`
// (overrides in deb/lintian-overrides) and installed, upgraded, removed and
// purged with dpkg in a Debian 12 chroot, where a recording systemctl stands
// in for the running systemd a chroot cannot have.
package image
