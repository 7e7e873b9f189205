#!/usr/bin/env bash
# Installs what the lab, the tests and the demo need on a fresh Debian 12
# machine (LAB.md). Idempotent: installs only what is missing.
set -euo pipefail

packages=(
	qemu-system-x86 qemu-utils
	openipmi ipmitool freeipmi-tools
	fence-agents
	iproute2 nftables iptables
	busybox-static cpio kmod
	gcc             # test/lab/guest: -m32 -ffreestanding build, no multilib needed
	xz-utils        # test/fullkernel: unpacks the kernel image once
	spin            # cluster/model: the protocol's model checker (its verifier builds with gcc)
	libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients # qmp benchmark: virsh migrate --live side by side
	systemd         # image: systemd-analyze verify/security, systemd-sysusers, systemd-tmpfiles (none needs systemd as PID 1)
	mmdebstrap lintian # image: the package's chroot tests and lint
	tmux            # test: vigil tui driven in an 80x24 terminal (send-keys, capture-pane)
	fdisk dosfstools mtools e2fsprogs ovmf openssl # image: GPT, ESP and root filesystem without loop devices; UEFI boot test; seed password hash
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "deps: need root to install: ${missing[*]}" >&2
		exit 1
	fi
	echo "deps: installing ${missing[*]}"
	# libvirt-daemon's postinst needs its user and group (LAB.md).
	getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
	getent passwd libvirt-qemu >/dev/null || useradd -r -g libvirt-qemu -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# rsyslog: the real receiver of alert/syslog's tests, which start their own
# rsyslogd (test/lab/rsyslogd: its own config, socket and pid file, in a lab
# namespace). It must not become this machine's syslog: it is installed with
# service starts refused (policy-rc.d) and its unit left disabled.
syslog_missing=()
for p in rsyslog rsyslog-openssl; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || syslog_missing+=("$p")
done
if [ ${#syslog_missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "deps: need root to install: ${syslog_missing[*]}" >&2
		exit 1
	fi
	echo "deps: installing ${syslog_missing[*]} (not started, not enabled)"
	policy=/usr/sbin/policy-rc.d
	own_policy=
	if [ ! -e "$policy" ]; then
		printf '#!/bin/sh\n# test/deps.sh: no service starts while rsyslog installs\nexit 101\n' >"$policy"
		chmod 755 "$policy"
		own_policy=1
		trap 'rm -f "$policy"' EXIT
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${syslog_missing[@]}" >/dev/null
	if [ -n "$own_policy" ]; then
		rm -f "$policy"
		trap - EXIT
	fi
	if command -v systemctl >/dev/null; then
		systemctl disable rsyslog.service >/dev/null 2>&1 || true
	fi
fi

# Debian's own kernel and modules for the full-kernel test runner
# (test/fullkernel): VLANs, bridge vlan_filtering, netem and softdog, which the
# build machine's kernel lacks. Unpacked, not installed, outside the repo.
fullkernel_dir=${VIGIL_FULLKERNEL_DIR:-/var/cache/vigil/fullkernel}
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n1)
if [ -z "$kpkg" ]; then
	apt-get update -qq
	kpkg=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n1)
fi
if [ -z "$kpkg" ]; then
	echo "deps: cannot resolve the current linux-image-*-amd64 package" >&2
	exit 1
fi
if ! compgen -G "$fullkernel_dir/$kpkg/boot/vmlinuz-*" >/dev/null; then
	echo "deps: fetching $kpkg into $fullkernel_dir"
	mkdir -p "$fullkernel_dir"
	tmp=$(mktemp -d "$fullkernel_dir/.fetch-XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	(cd "$tmp" && apt-get download -q "$kpkg" >/dev/null 2>&1 || { apt-get update -qq && apt-get download -q "$kpkg" >/dev/null; })
	dpkg-deb -x "$tmp"/"$kpkg"_*.deb "$tmp/root"
	rm -rf "${fullkernel_dir:?}/$kpkg"
	mv "$tmp/root" "$fullkernel_dir/$kpkg"
	rm -rf "$tmp"
	trap - EXIT
fi
# The uncompressed vmlinux boots through QEMU's PVH entry in 0.3 s under TCG;
# the bzImage spends 5-7 s in its xz decompressor first.
kdir="$fullkernel_dir/$kpkg/boot"
if ! compgen -G "$kdir/vmlinux-*" >/dev/null; then
	for z in "$kdir"/vmlinuz-*; do
		# Offset of the xz magic (FD 37 7A 58 5A) inside the bzImage.
		off=$(LC_ALL=C grep -abo -m1 $'\xfd7zXZ' "$z" | head -n1 | cut -d: -f1) || off=
		if [ -n "$off" ]; then
			# xz stops after the stream: tail may die of SIGPIPE, that is fine.
			{ tail -c +$((off + 1)) "$z" || true; } | xz -dc --single-stream >"$kdir/.vmlinux.tmp" &&
				mv "$kdir/.vmlinux.tmp" "$kdir/vmlinux-${z##*/vmlinuz-}"
		fi
	done
fi
ln -sfn "$kpkg" "$fullkernel_dir/current"
