#!/usr/bin/env bash
# A Debian 12 root tree as a tarball, built by mmdebstrap once and cached:
#   bash image/rootfs.sh [--variant V] [--slim] [PACKAGE...]   # prints its path
#
# --slim leaves documentation (but copyright files), manual pages and
# locales out, also of packages installed later in the tree.
#
# The cache (VIGIL_CACHE, default /var/cache/vigil) keeps one tarball per
# variant, package list and recipe; a second call with the same arguments
# returns at once. Concurrent callers wait for the first one's build.
# Debian's archive moves on, so a cached tree ages: VIGIL_ROOTFS_MAX_AGE_DAYS
# (default 14) rebuilds it after that many days.
set -euo pipefail

variant=minbase
slim=
while [ $# -gt 0 ]; do
	case $1 in
	--variant) variant=$2 && shift 2 ;;
	--slim) slim=slim && shift ;;
	*) break ;;
	esac
done
packages=("$@")
suite=bookworm
mirrors=(
	"deb http://deb.debian.org/debian bookworm main"
	"deb http://deb.debian.org/debian bookworm-updates main"
	"deb http://deb.debian.org/debian-security bookworm-security main"
)
# Bump when the recipe below changes in a way the key does not see.
recipe=1

cache=${VIGIL_CACHE:-/var/cache/vigil}/rootfs
max_age=${VIGIL_ROOTFS_MAX_AGE_DAYS:-14}
mkdir -p "$cache"
sorted=$(printf '%s\n' "${packages[@]}" | sort -u | paste -sd, -)
key=$(printf '%s\n' "$recipe" "$suite" "$variant" "$slim" "$sorted" "${mirrors[@]}" | sha256sum | cut -c1-16)
tarball=$cache/$suite-$variant${slim:+-$slim}-$key.tar

exec 9>"$tarball.lock"
flock 9
if [ -s "$tarball" ] && [ -z "$(find "$tarball" -mtime +"$max_age")" ]; then
	echo "$tarball"
	exit 0
fi

echo "rootfs: mmdebstrap $suite ($variant) with ${sorted:-nothing more} into $tarball" >&2
tmp=$tarball.tmp.$$
trap 'rm -f "$tmp"' EXIT
include=()
[ -n "$sorted" ] && include=(--include="$sorted")
dpkgopts=()
if [ -n "$slim" ]; then
	dpkgopts=(
		--dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright'
		--dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*'
		--dpkgopt='path-exclude=/usr/share/info/*'
	)
fi
start=$(date +%s)
mmdebstrap --quiet --mode=root --variant="$variant" --format=tar "${include[@]}" \
	--aptopt='Acquire::Retries "3"' "${dpkgopts[@]}" \
	"$suite" "$tmp" "${mirrors[@]}" >&2
mv "$tmp" "$tarball"
trap - EXIT
echo "rootfs: built in $(($(date +%s) - start)) s, $(du -h "$tarball" | cut -f1)" >&2
echo "$tarball"
