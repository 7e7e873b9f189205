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
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
