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
// build-image.sh builds the hypervisor OS image (`make image`:
// dist/vigil-hypervisor.raw and .qcow2) without loop devices: the cached
// tree (kernel, systemd, qemu-system-x86, iproute2, nftables, ipmitool,
// prometheus-node-exporter), vigil's package installed with dpkg, os/ laid
// over it; a GPT written by sfdisk into a plain file, an EFI system
// partition made with mkfs.vfat -C and mtools (systemd-boot, kernel,
// initrd, one boot entry with the console on the serial port) and the root
// filesystem written by `mke2fs -d` at its partition's offset. os/ holds
// vigil-firstboot (on the boot that finds no /etc/vigil/vigil.yaml: the
// config, BMC password files, cluster keys, network files and host name from
// a seed disk labelled VIGILSEED or a cloud-init NoCloud seed, else a
// standalone default), vigil-banner (a DCUI-like status screen above the
// console's login prompt: host, addresses, vigil's state from `vigil status
// --json`), DHCP on every port, the modules the fabric needs, and
// vigil-wait-online, the image's network-online.target (at once on a
// standalone host; on a clustered one, whose agent binds its management
// address and feeds the watchdog its sandbox binds in at start, after
// udev's coldplug and one configured port). The boot to READY is kept short
// (measured under TCG, where one vCPU does all of it): the initramfs holds
// only the root disk's drivers (etc/initramfs-tools, loaded for the
// hardware present), the kernel skips the crypto self-tests, root is
// mounted read-write with no fsck at boot, generators, timers and modules
// the image does not use are masked, vigil-firstboot runs almost no
// programs, network-online.target does not wait for networkd, and while
// the host boots vigil.service and vigil-firstboot get ten times the CPU
// share of the units alongside them (dbus, logind, the gettys and
// node_exporter start after the agent). boot-time.sh boots an image a few
// times and prints power-on to systemd and to vigil.service's READY, with
// QEMU's CPU time.
//
// The tests read the unit against the agent's config defaults, run
// `systemd-analyze verify` (no output allowed) and `systemd-analyze security
// --offline=yes` (exposure 3.0 or better), and apply the snippets with
// systemd-sysusers and systemd-tmpfiles to an empty root. None of them needs
// systemd as PID 1. The package is checked with `lintian --fail-on error`
// (overrides in deb/lintian-overrides) and installed, upgraded, removed and
// purged with dpkg in a Debian 12 chroot, where a recording systemctl stands
// in for the running systemd a chroot cannot have; the first-boot script
// runs there on each kind of seed. The image is booted under QEMU (TCG):
// through OVMF and systemd-boot with a seed disk, until vigil.service's
// READY shows on the serial console, then logged into on that console to
// check `vigil status --json`, the seeded files, the unit's sandbox under
// the real systemd, node_exporter (from outside, through a forwarded port)
// and a package upgrade that restarts the agent while a VM's unit in
// machine.slice keeps running; then, from inside vigil.service's sandbox
// (qmp's TestSystemdUnit as a runtime ExecStartPre=), a VM is started
// through qmp.SystemdLauncher, found in machine.slice, and adopted after
// the agent's unit restarted; and by direct kernel boot without a seed.
package image
