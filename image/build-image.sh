#!/usr/bin/env bash
# Builds the vigil hypervisor OS image (Debian 12) without loop devices:
#   bash image/build-image.sh OUTDIR VIGIL_DEB
#     -> OUTDIR/vigil-hypervisor.raw and OUTDIR/vigil-hypervisor.qcow2
#
# The root tree comes from mmdebstrap (image/rootfs.sh, cached), vigil's
# package is installed into it with dpkg and image/os/ laid over it; the
# disk is a plain file: a GPT (sfdisk), an EFI system partition made with
# mkfs.vfat -C and mtools holding systemd-boot, the kernel and the initrd,
# and the root filesystem written by `mke2fs -d` at its partition's offset.
# UEFI boots it (OVMF in the tests); the kernel's console is the serial
# port, which a BMC's serial-over-LAN shows.
#
# Environment: VIGIL_IMAGE_QCOW2=0 leaves the qcow2 out (the boot test uses
# the raw image).
set -euo pipefail

out=${1:?usage: build-image.sh OUTDIR VIGIL_DEB}
deb=${2:?usage: build-image.sh OUTDIR VIGIL_DEB}
name=vigil-hypervisor
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
cd "$root"

for tool in mmdebstrap sfdisk mke2fs mkfs.vfat mcopy mmd qemu-img; do
	command -v "$tool" >/dev/null || {
		echo "build-image: $tool is missing (test/deps.sh installs it)" >&2
		exit 1
	}
done

# What the image holds (issue 13): the kernel, systemd, QEMU, the network
# tools, ipmitool, node_exporter; jq for the console banner, systemd-boot's
# EFI binary for the ESP.
packages=(
	systemd-sysv udev dbus kmod
	linux-image-amd64 initramfs-tools zstd
	systemd-boot-efi
	qemu-system-x86
	iproute2 nftables ipmitool
	prometheus-node-exporter
	ca-certificates procps e2fsprogs jq
)
start=$(date +%s)
tarball=$(bash image/rootfs.sh --slim "${packages[@]}")

work=$(mktemp -d "$out/.build-XXXXXX")
trap 'rm -rf "$work"' EXIT
tree=$work/tree
mkdir "$tree"
tar --xattrs --xattrs-include='*' -xpf "$tarball" -C "$tree"

# In the tree's own namespace, with /proc mounted as on a host.
in_tree() {
	unshare --mount --propagation private --fork chroot "$tree" \
		env PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C sh -c 'mount -t proc proc /proc && exec "$@"' sh "$@"
}

# vigil, installed the way an admin would.
cp "$deb" "$tree/tmp/vigil.deb"
in_tree dpkg -i /tmp/vigil.deb >&2
rm "$tree/tmp/vigil.deb"

# Kernel modules for hardware a hypervisor host has no use for: sound,
# cameras and TV cards, GPUs (the console is the firmware's framebuffer or
# the serial port; passthrough binds vfio), Wi-Fi, Bluetooth, staging, and
# the modules that need one of those: a third of the root filesystem. (A
# kernel upgrade through apt brings them back.)
kver=$(find "$tree/boot" -name 'vmlinuz-*' -printf '%f\n' | sed 's/^vmlinuz-//' | sort -V | tail -n1)
moddir=$tree/usr/lib/modules/$kver
prune=(sound drivers/media drivers/gpu drivers/net/wireless net/wireless net/mac80211
	net/bluetooth drivers/bluetooth drivers/staging drivers/isdn drivers/iio
	drivers/input/joystick drivers/input/touchscreen drivers/input/tablet)
before_mib=$(du -sm "$moddir" | cut -f1)
# modules.dep is read four times over: a module may come before the one it
# needs.
awk -v dirs="${prune[*]}" '
	BEGIN { n = split(dirs, d, " ") }
	{ sub(/:$/, "", $1); if ($1 in out) next; gone = 0
	  for (i = 1; i <= n; i++) if (index($1, "kernel/" d[i] "/") == 1) gone = 1
	  for (j = 2; j <= NF && !gone; j++) if ($j in out) gone = 1
	  if (gone) { out[$1] = 1; print $1 } }' "$moddir/modules.dep" "$moddir/modules.dep" "$moddir/modules.dep" "$moddir/modules.dep" |
	(cd "$moddir" && xargs rm -f)
in_tree depmod "$kver"
echo "build-image: kernel modules pruned from ${before_mib} to $(du -sm "$moddir" | cut -f1) MiB" >&2

# The image's own files: first boot, the console banner, the network, the
# initramfs's module list.
cp -r --no-preserve=ownership image/os/. "$tree/"
# A small initramfs: only the drivers of the disks a root filesystem lives
# on (MODULES=list, etc/initramfs-tools/ in os/) instead of Debian's
# "most". The firmware reads it from the ESP and the kernel unpacks it:
# under TCG, Debian's 30 MB one costs a large share of the boot.
in_tree update-initramfs -u -k "$kver" >&2
systemctl --root="$tree" enable --quiet systemd-networkd.service vigil-firstboot.service vigil-banner.service vigil-banner.timer vigil-wait-online.service
# network-online.target is vigil-wait-online's (see its unit): networkd's
# own waiter would order the agent after networkd's start on every host.
systemctl --root="$tree" mask --quiet systemd-networkd-wait-online.service
systemctl --root="$tree" is-enabled --quiet vigil.service prometheus-node-exporter.service
# e2scrub_reap removes stale e2scrub snapshots of LVM volumes, which this
# image has none of; at boot it only competes for the CPU.
systemctl --root="$tree" disable --quiet e2scrub_reap.service
# Not on a hypervisor: unattended apt runs and the dpkg database backup (its
# packages change with the image), e2scrub of LVM volumes (none), and the
# boot-time loads of modules for graphics, loop devices, device-mapper and
# FUSE (the last three load on first use through their static /dev nodes).
systemctl --root="$tree" mask --quiet apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer \
	e2scrub_all.timer modprobe@drm.service modprobe@loop.service modprobe@dm_mod.service \
	modprobe@fuse.service sys-fs-fuse-connections.mount
# Generators for what this image does not use, each one a program run at
# every boot and daemon-reload: root found by GPT type (the fstab names it),
# encrypted, integrity and verity volumes, hibernation, offline updates,
# SysV scripts (every package here has a native unit) and rc.local.
mkdir -p "$tree/etc/systemd/system-generators"
for g in gpt-auto cryptsetup integritysetup veritysetup hibernate-resume system-update sysv rc-local; do
	ln -sf /dev/null "$tree/etc/systemd/system-generators/systemd-$g-generator"
done

# Every host is a new machine: its machine id is made on the first boot
# (which is what ConditionFirstBoot and vigil-firstboot go by).
: >"$tree/etc/machine-id"
rm -f "$tree/var/lib/dbus/machine-id"
echo vigil >"$tree/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tvigil\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$tree/etc/hosts"
rm -rf "$tree/var/cache/apt/"*.bin "$tree/var/lib/apt/lists/"*_Packages "$tree/var/log/"*.log

# The disk's identities.
root_part=$(cat /proc/sys/kernel/random/uuid)
esp_part=$(cat /proc/sys/kernel/random/uuid)
root_fs=$(cat /proc/sys/kernel/random/uuid)
esp_serial=$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')

mkdir -p "$tree/boot/efi"
cat >"$tree/etc/fstab" <<FSTAB
# vigil-hypervisor: the root filesystem and the EFI system partition
# (systemd-boot, the kernel and the initrd live there).
PARTUUID=$root_part  /          ext4  errors=remount-ro                           0 0
PARTUUID=$esp_part  /boot/efi  vfat  umask=0077,noauto,x-systemd.automount  0 0
FSTAB

# The EFI system partition.
kernel=$tree/boot/vmlinuz-$kver
initrd=$tree/boot/initrd.img-$kver
sdboot=$tree/usr/lib/systemd/boot/efi/systemd-bootx64.efi
for f in "$kernel" "$initrd" "$sdboot"; do
	[ -f "$f" ] || {
		echo "build-image: $f is missing from the tree" >&2
		exit 1
	}
done
# Room for a second kernel and initrd.
boot_mib=$((($(stat -c %s "$kernel") + $(stat -c %s "$initrd")) / 1048576))
esp_mib=$(((2 * boot_mib + 32 + 63) / 64 * 64))
[ "$esp_mib" -ge 128 ] || esp_mib=128
esp=$work/esp.img
mkfs.vfat -C -F 32 -n VIGIL-ESP -i "$esp_serial" "$esp" $((esp_mib * 1024)) >/dev/null
# Root is mounted read-write by the initramfs and not checked at boot
# (fstab pass 0): ext4's journal makes an unclean shutdown's filesystem
# consistent at mount, and the check of a clean one (systemd-fsck-root, then
# systemd-remount-fs) only cost the boot seconds under TCG; errors=remount-ro
# still guards it, and e2fsck (in the tree) checks it from a rescue boot.
# cryptomgr.notests skips the crypto API's self-tests
# of every algorithm at boot (a debugging aid outside FIPS mode, which this
# image does not use): a large share of the kernel's start under TCG.
cmdline="root=PARTUUID=$root_part rw console=tty0 console=ttyS0,115200n8 loglevel=4 cryptomgr.notests systemd.show_status=true"
printf 'default vigil.conf\ntimeout 0\neditor no\n' >"$work/loader.conf"
printf 'title vigil hypervisor (Debian 12, Linux %s)\nlinux /vigil/vmlinuz\ninitrd /vigil/initrd.img\noptions %s\n' "$kver" "$cmdline" >"$work/vigil.conf"
mmd -i "$esp" ::/EFI ::/EFI/BOOT ::/EFI/systemd ::/loader ::/loader/entries ::/vigil
mcopy -i "$esp" "$sdboot" ::/EFI/BOOT/BOOTX64.EFI
mcopy -i "$esp" "$sdboot" ::/EFI/systemd/systemd-bootx64.efi
mcopy -i "$esp" "$work/loader.conf" ::/loader/loader.conf
mcopy -i "$esp" "$work/vigil.conf" ::/loader/entries/vigil.conf
mcopy -i "$esp" "$kernel" ::/vigil/vmlinuz
mcopy -i "$esp" "$initrd" ::/vigil/initrd.img
# The kernel and initrd stay in /boot as well: a technician can see them.

# The root filesystem's size: what the tree holds, a quarter more for
# metadata, and 512 MiB free for logs, the store and a package upgrade.
used_mib=$(du -sm --apparent-size "$tree" | cut -f1)
root_mib=$(((used_mib * 5 / 4 + 512 + 63) / 64 * 64))

# The disk: 1 MiB for the GPT, the ESP, the root, 1 MiB for the backup GPT.
esp_start=1
root_start=$((esp_start + esp_mib))
disk_mib=$((root_start + root_mib + 1))
raw=$work/$name.raw
truncate -s "${disk_mib}M" "$raw"
sfdisk --quiet --no-reread --no-tell-kernel "$raw" >/dev/null <<SFDISK
label: gpt
unit: sectors
start=$((esp_start * 2048)), size=$((esp_mib * 2048)), type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, uuid=$esp_part, name="ESP"
start=$((root_start * 2048)), size=$((root_mib * 2048)), type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, uuid=$root_part, name="root"
SFDISK
mke2fs -q -t ext4 -L vigil-root -U "$root_fs" -d "$tree" -E offset=$((root_start * 1048576)) "$raw" "${root_mib}M"
dd if="$esp" of="$raw" bs=1M seek="$esp_start" conv=notrunc,sparse status=none

mv "$raw" "$out/$name.raw"
echo "build-image: $out/$name.raw: ${disk_mib} MiB disk (ESP ${esp_mib} MiB, root ${root_mib} MiB, ${used_mib} MiB used), Linux $kver" >&2
if [ "${VIGIL_IMAGE_QCOW2:-1}" != 0 ]; then
	qemu-img convert -c -O qcow2 "$out/$name.raw" "$work/$name.qcow2"
	mv "$work/$name.qcow2" "$out/$name.qcow2"
	echo "build-image: $out/$name.qcow2: $(du -h --apparent-size "$out/$name.qcow2" | cut -f1)" >&2
fi
echo "build-image: done in $(($(date +%s) - start)) s" >&2
echo "$out/$name.raw"
