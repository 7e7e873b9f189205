#!/usr/bin/env bash
# Builds vigil's Debian package with nfpm (image/deb/nfpm.yaml):
#   bash image/deb.sh OUTDIR      # prints OUTDIR/vigil_<version>_amd64.deb
#
# Environment:
#   VIGIL_BIN          the static binary to package (default: built here the
#                      way `make build` builds bin/vigil)
#   VIGIL_DEB_VERSION  the package version (default: from git,
#                      0.0.0~git<commit time, UTC>.<commit>[+dirty])
#   NFPM               the nfpm binary (default: bin/nfpm, installed at the
#                      pinned version when missing or different)
#
# The copyright file is generated from the binary's own build info: the Go
# standard library and every module linked in, each with its license.
set -euo pipefail

nfpm_module=github.com/goreleaser/nfpm/v2
nfpm_version=v2.45.2

out=${1:?usage: deb.sh OUTDIR}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$root"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# nfpm, pinned.
nfpm=${NFPM:-$root/bin/nfpm}
if [ "$(go version -m "$nfpm" 2>/dev/null | awk '$1 == "mod" {print $2 "@" $3}')" != "$nfpm_module@$nfpm_version" ]; then
	mkdir -p "$(dirname "$nfpm")"
	GOFLAGS= GOBIN="$stage/gobin" go install "$nfpm_module/cmd/nfpm@$nfpm_version"
	mv "$stage/gobin/nfpm" "$nfpm"
fi

# The binary, as `make build` makes it: static, trimmed.
bin=${VIGIL_BIN:-}
if [ -z "$bin" ]; then
	GOFLAGS= CGO_ENABLED=0 go build -trimpath -buildvcs=true -ldflags='-s -w' -o "$stage/vigil" ./cmd/vigil
	bin=$stage/vigil
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
if ! go version -m "$bin" | grep -q $'^\tbuild\tCGO_ENABLED=0$'; then
	echo "deb: $bin is not a static (CGO_ENABLED=0) Go binary" >&2
	exit 1
fi

# The version, from the commit.
commit=$(git rev-parse HEAD)
commit_epoch=$(git log -1 --format=%ct HEAD)
if [ -z "${VIGIL_DEB_VERSION:-}" ]; then
	dirty=
	git diff --quiet HEAD -- || dirty=+dirty
	VIGIL_DEB_VERSION=0.0.0~git$(TZ=UTC date -d "@$commit_epoch" +%Y%m%d%H%M%S).${commit:0:12}$dirty
fi
if ! dpkg --validate-version "$VIGIL_DEB_VERSION" 2>/dev/null; then
	echo "deb: $VIGIL_DEB_VERSION is not a Debian version" >&2
	exit 1
fi
maintainer=$(sed -n 's/^maintainer: //p' image/deb/nfpm.yaml)

# changelog.gz (a native package's changelog): one entry for this build.
{
	printf 'vigil (%s) unstable; urgency=medium\n\n' "$VIGIL_DEB_VERSION"
	printf '  * Built from commit %s.\n' "$commit"
	git log -1 --format=%s HEAD | cut -c1-300 | fold -s -w 70 | sed 's/ *$//; 1s/^/  * /; 1!s/^/    /'
	printf '\n -- %s  %s\n' "$maintainer" "$(LC_ALL=C date -R -u -d "@$commit_epoch")"
} >"$stage/changelog"
gzip -9n <"$stage/changelog" >"$stage/changelog.gz"

# vigil.1: the program's own help, top level and per command, as a manual
# page (so it never drifts from the binary).
roff() { sed 's/\\/\\e/g; s/^\([.'"'"']\)/\\\&\1/'; }
{
	printf '.TH VIGIL 1 "%s" "vigil %s" "User Commands"\n' "$(TZ=UTC date -d "@$commit_epoch" +%Y-%m-%d)" "$VIGIL_DEB_VERSION"
	printf '.SH NAME\nvigil \\- high-availability agent for KVM/QEMU hosts\n'
	printf '.SH SYNOPSIS\n.B vigil\n.I COMMAND\n.RI [ FLAGS ]\n'
	printf '.SH DESCRIPTION\n.nf\n'
	"$bin" --help 2>&1 | roff
	printf '.fi\n.SH COMMANDS\n'
	"$bin" --help 2>&1 | awk '/^Commands:/ {on = 1; next} on && NF == 0 {exit} on {print $1}' | while read -r cmd; do
		printf '.SS %s\n.nf\n' "$cmd"
		"$bin" "$cmd" --help 2>&1 | roff
		printf '.fi\n'
	done
	printf '.SH FILES\n.TP\n.I /etc/vigil/vigil.yaml\nthe agent'"'"'s config; the agent (vigil.service) starts once it exists\n'
	printf '.TP\n.I /run/vigil/vigil.sock\nthe local API of the running agent\n'
	printf '.TP\n.I /var/lib/vigil\nthe store: audit log, raft log and snapshots\n'
} >"$stage/vigil.1"
gzip -9n <"$stage/vigil.1" >"$stage/vigil.1.gz"

# copyright (machine-readable, DEP-5).
# license_of FILE: the Debian short name(s) of the license text in FILE.
license_of() {
	local f=$1 names=()
	grep -q 'Apache License' "$f" && grep -q 'Version 2.0' "$f" && names+=(Apache-2.0)
	grep -q 'Mozilla Public License' "$f" && names+=(MPL-2.0)
	grep -q 'Permission is hereby granted, free of charge' "$f" && names+=(Expat)
	if grep -q 'Redistribution and use in source and binary forms' "$f"; then
		if grep -qi 'Neither the name' "$f"; then names+=(BSD-3-clause); else names+=(BSD-2-clause); fi
	fi
	grep -q 'Permission to use, copy, modify, and/or distribute' "$f" && names+=(ISC)
	if [ ${#names[@]} -eq 0 ]; then
		echo "deb: cannot tell the license of $f" >&2
		return 1
	fi
	local IFS=' '
	echo "${names[*]}" | sed 's/ / and /g'
}
# stanza FILES-PATTERN COMMENT LICENSE-FILE...: one Files paragraph.
stanza() {
	local pattern=$1 comment=$2
	shift 2
	local lic=$1 names copyright
	names=$(license_of "$lic")
	copyright=$(cat "$@" | grep -ihE '^[[:space:]]*(copyright|\(c\))[[:space:]]' | grep -viE 'copyright (notice|holder|owner|license)|copyright and license|the copyright' |
		sed 's/^[[:space:]]*//; s/^copyright[[:space:]]*//I; s/^(c)[[:space:]]*//I' | awk '!seen[$0]++' | head -n 8 || true)
	[ -n "$copyright" ] || copyright="the authors of $comment"
	printf '\nFiles: %s\n' "$pattern"
	printf 'Copyright: %s\n' "$(printf '%s\n' "$copyright" | sed '2,$s/^/ /')"
	printf 'License: %s\n' "$names"
	case $names in
	*Apache-2.0* | *MPL-2.0*)
		for n in Apache-2.0 MPL-2.0; do
			case $names in *$n*) printf ' On Debian systems the full text of the %s license is in\n /usr/share/common-licenses/%s.\n' "$n" "$n" ;; esac
		done
		case $names in *Expat* | *BSD* | *ISC*) sed 's/[[:space:]]*$//; s/^$/./; s/^/ /' "$lic" ;; esac
		;;
	*) sed 's/[[:space:]]*$//; s/^$/./; s/^/ /' "$lic" | awk 'NF || !blank++' ;;
	esac
	printf 'Comment: %s\n' "$comment"
}
{
	printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n'
	printf 'Upstream-Name: vigil\nSource: https://github.com/vigil-ha/vigil\n'
	printf 'Comment: /usr/bin/vigil is a static Go program: it embeds the Go standard\n library and the Go modules listed below, each under its own license.\n'
	if [ -f LICENSE ]; then
		stanza '*' "vigil" LICENSE
	else
		printf '\nFiles: *\nCopyright: the vigil authors\nLicense: none-declared\n'
		printf ' The vigil repository declares no license yet; until it does, all rights\n are reserved by its authors.\n'
	fi
	goroot=$(go env GOROOT)
	stanza 'vendor/std/*' "the Go standard library ($(go version "$bin" | awk '{print $2}'))" "$goroot/LICENSE"
	go version -m "$bin" | awk '$1 == "dep" {print $2, $3}' | while read -r mod ver; do
		dir=$(GOWORK=off GOFLAGS=-mod=mod go mod download -json "$mod@$ver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
		lics=()
		for f in "$dir"/*; do
			case ${f##*/} in [Ll][Ii][Cc][Ee][Nn][SsCc][Ee]* | COPYING*) lics+=("$f") ;; esac
		done
		if [ ${#lics[@]} -eq 0 ]; then
			echo "deb: $mod@$ver has no license file in $dir" >&2
			exit 1
		fi
		notices=()
		[ -f "$dir/NOTICE" ] && notices+=("$dir/NOTICE")
		stanza "vendor/$mod/*" "$mod $ver" "${lics[0]}" "${notices[@]}"
	done
} >"$stage/copyright"

VIGIL_DEB_VERSION=$VIGIL_DEB_VERSION VIGIL_BIN=$bin VIGIL_DEB_STAGE=$stage SOURCE_DATE_EPOCH=$commit_epoch \
	"$nfpm" package --config image/deb/nfpm.yaml --packager deb --target "$out/vigil_${VIGIL_DEB_VERSION}_amd64.deb" >&2
echo "$out/vigil_${VIGIL_DEB_VERSION}_amd64.deb"
