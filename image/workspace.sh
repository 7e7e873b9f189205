#!/usr/bin/env bash
# Prepares the Go workspace that release builds of bin/vigil use:
#   bash image/workspace.sh DIR   # then GOWORK=DIR/go.work go build ./cmd/vigil
#
# Two pinned modules ship test helpers in non-test files that import package
# testing, so every program using them links testing:
#   - gofish v0.23.0: assertion helpers in schemas/testutil.go;
#   - hashicorp/raft v1.8.0: cluster helpers (MakeCluster, MockFSM) in
#     testing.go.
# The workspace replaces each with a copy of the very same module from the
# verified module cache, minus that one file, so the shipped agent links no
# test code. Nothing else changes: same version, same sources, go.sum-checked
# download.
set -euo pipefail
dir=${1:?usage: workspace.sh DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
gover=$(GOWORK=off go list -m -f '{{.GoVersion}}')
replaces=""
# strip MODULE COPY FILE: copy MODULE's pinned version to DIR/COPY without FILE.
strip() {
	local mod=$1 copy=$2 file=$3 ver src
	ver=$(GOWORK=off go list -m -f '{{.Version}}' "$mod")
	src=$(GOWORK=off go list -m -f '{{.Dir}}' "$mod")
	if [ -z "$src" ] || [ ! -d "$src" ]; then
		GOWORK=off go mod download "$mod"
		src=$(GOWORK=off go list -m -f '{{.Dir}}' "$mod")
	fi
	rm -rf "${dir:?}/$copy"
	cp -r "$src" "$dir/$copy"
	chmod -R u+w "$dir/$copy"
	rm -f "$dir/$copy/$file"
	replaces+="replace $mod $ver => ./$copy"$'\n'
}
strip github.com/stmcginnis/gofish gofish schemas/testutil.go
strip github.com/hashicorp/raft raft testing.go
cat >"$dir/go.work" <<WORK
go $gover

use $root

$replaces
WORK
