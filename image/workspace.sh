#!/usr/bin/env bash
# Prepares the Go workspace that release builds of bin/vigil use:
#   bash image/workspace.sh DIR   # then GOWORK=DIR/go.work go build ./cmd/vigil
#
# gofish v0.23.0 (pinned in go.mod) ships assertion helpers in
# schemas/testutil.go, a non-test file that imports package testing, so every
# program that reads Redfish through gofish links testing. The workspace
# replaces gofish with a copy of the very same module from the verified module
# cache, minus that one file, so the shipped agent links no test code. Nothing
# else changes: same version, same sources, go.sum-checked download.
set -euo pipefail
dir=${1:?usage: workspace.sh DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mod=github.com/stmcginnis/gofish
ver=$(GOWORK=off go list -m -f '{{.Version}}' "$mod")
src=$(GOWORK=off go list -m -f '{{.Dir}}' "$mod")
if [ -z "$src" ] || [ ! -d "$src" ]; then
	GOWORK=off go mod download "$mod"
	src=$(GOWORK=off go list -m -f '{{.Dir}}' "$mod")
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
rm -rf "$dir/gofish"
cp -r "$src" "$dir/gofish"
chmod -R u+w "$dir/gofish"
rm -f "$dir/gofish/schemas/testutil.go"
gover=$(GOWORK=off go list -m -f '{{.GoVersion}}')
cat >"$dir/go.work" <<WORK
go $gover

use $root

replace $mod $ver => ./gofish
WORK
