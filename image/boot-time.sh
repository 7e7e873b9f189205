#!/usr/bin/env bash
# Boots the vigil hypervisor image under QEMU (TCG) a few times and prints,
# per boot, the seconds from power-on to systemd's first words on the serial
# console ("Welcome to Debian": firmware, boot loader, kernel and initramfs
# are done) and to vigil.service's READY ("Started vigil.service"), and the
# CPU time QEMU used until each (a steadier figure on a loaded machine):
#   bash image/boot-time.sh RAW [BOOTS] [uefi|direct] [CMDLINE...]
# uefi (the default) boots through OVMF and the image's systemd-boot; direct
# has QEMU load the kernel and initrd from the image's ESP. CMDLINE words are
# added to the boot entry's kernel command line (e.g. `loglevel=6
# systemd.log_level=info` to see where the time goes); each boot's console
# is kept in $VIGIL_BOOT_LOGS (default /tmp/vigil-boot-time), one file per
# boot, each line with the seconds since power-on and QEMU's CPU seconds. The image is never written (a qcow2 overlay per boot). The same
# QEMU options as image/boot_test.go: q35, -cpu max, 1 GiB, one vCPU.
set -euo pipefail
shopt -s extglob

raw=$(readlink -f "${1:?usage: boot-time.sh RAW [BOOTS] [uefi|direct] [CMDLINE...]}")
boots=${2:-3}
mode=${3:-uefi}
shift $(($# < 3 ? $# : 3))
extra="$*"
logs=${VIGIL_BOOT_LOGS:-/tmp/vigil-boot-time}
mkdir -p "$logs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

esp="$raw@@1M"
mtype -i "$esp" ::/loader/entries/vigil.conf >"$work/entry"
opts=$(sed -n 's/^options //p' "$work/entry")
disk=$raw
if [ -n "$extra" ]; then
	# A copy of the image whose boot entry carries the extra words.
	disk=$work/disk.raw
	cp --sparse=always "$raw" "$disk"
	sed -i "s|^options .*|options $opts $extra|" "$work/entry"
	mcopy -o -i "$disk@@1M" "$work/entry" ::/loader/entries/vigil.conf
	opts="$opts $extra"
fi
if [ "$mode" = direct ]; then
	mcopy -o -i "$esp" ::/vigil/vmlinuz "$work/vmlinuz"
	mcopy -o -i "$esp" ::/vigil/initrd.img "$work/initrd.img" 2>/dev/null || : >"$work/initrd.img"
fi

# cpu PID: the CPU seconds QEMU has used so far. The guest's one vCPU keeps
# it busy from power-on to READY, so on a loaded machine this is closer than
# the wall clock to what the boot takes on an idle one.
tck=$(getconf CLK_TCK)
cpu() {
	local st
	read -r -a st <"/proc/$1/stat" || return 0
	awk -v t=$((st[13] + st[14])) -v hz="$tck" 'BEGIN { printf "%.1f", t / hz }'
}

for i in $(seq 1 "$boots"); do
	qemu-img create -q -f qcow2 -F raw -b "$disk" "$work/overlay.qcow2"
	args=(-machine q35,accel=tcg -cpu max -m 1024 -smp 1 -nodefaults -display none
		-serial stdio -no-reboot
		-drive if=none,id=root,format=qcow2,file="$work/overlay.qcow2"
		-netdev user,id=n0 -device virtio-net-pci,netdev=n0 -device i6300esb)
	if [ "$mode" = direct ]; then
		initrd=()
		[ -s "$work/initrd.img" ] && initrd=(-initrd "$work/initrd.img")
		args+=(-kernel "$work/vmlinuz" "${initrd[@]}" -append "$opts" -device virtio-blk-pci,drive=root)
	else
		cp /usr/share/OVMF/OVMF_VARS.fd "$work/vars.fd"
		args+=(-drive if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE.fd
			-drive if=pflash,format=raw,file="$work/vars.fd"
			-device virtio-blk-pci,drive=root,bootindex=0)
	fi
	log=$logs/boot-$mode-$i.log
	: >"$log"
	start=$EPOCHREALTIME
	welcome= ready= welcome_cpu=? ready_cpu=?
	coproc QEMU { exec qemu-system-x86_64 "${args[@]}" 2>&1 </dev/null; }
	qpid=$QEMU_PID
	while IFS= read -r -t 1200 line <&"${QEMU[0]}"; do
		now=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
		printf '%6s %6s %s\n' "$now" "$(cpu "$qpid")" "$line" >>"$log"
		# systemd colours unit names: match the text without escapes.
		line=${line//$'\e'\[*([0-9;])m/}
		case $line in
		*"Welcome to "*) [ -n "$welcome" ] || welcome=$now welcome_cpu=$(cpu "$qpid") ;;
		*"Started vigil.service"* | *"Started "*"vigil HA agent"*) ready=$now ready_cpu=$(cpu "$qpid") && break ;;
		esac
	done
	kill "$qpid" 2>/dev/null || true
	wait "$qpid" 2>/dev/null || true
	rm -f "$work/overlay.qcow2"
	echo "boot $i ($mode): systemd at ${welcome:-?} s, vigil READY at ${ready:-never (see $log)} s; QEMU's CPU time ${welcome_cpu} s, ${ready_cpu} s (load $(cut -d' ' -f1 /proc/loadavg))"
done
