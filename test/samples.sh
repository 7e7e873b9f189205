#!/usr/bin/env bash
# Gathers the surfaces' samples from real runs here (issue 12's closing
# note): a clustered lab agent's /metrics, an RFC 5424 message as rsyslog
# received and parsed it, `ipmitool sel list` with vigil's OEM record, and
# `vigil tui` on a clustered lab agent as text. Each comes from the test
# that checks it, run with -v; the test marks its sample with "... SAMPLE".
# Needs root and the lab (test/deps.sh). Usage: test/samples.sh [OUT.md]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/dev/stdout}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

run() { # name package test-regexp
	go test -count=1 -v -run "$3" "$2" >"$logs/$1.log" 2>&1 || {
		echo "samples: go test -run '$3' $2 failed:" >&2
		tail -50 "$logs/$1.log" >&2
		exit 1
	}
}

# sample LOG MARKER: the marked t.Logf block (its first line and the
# continuation lines, which go test indents by 8 spaces).
sample() {
	awk -v m="$2" '
		index($0, m) { on = 1; sub(/^ *[a-z_]+\.go:[0-9]+: /, ""); print "# " $0; next }
		on && /^        / { sub(/^        /, ""); print; next }
		on { on = 0 }' "$1"
}

run metrics ./test 'TestClusterMetrics$'
run syslog ./test 'TestAgentSyslogTLS$'
run sel ./agent 'TestDecisionsInSEL$'
run tui ./test 'TestTUICluster$'

{
	echo "# vigil surfaces: samples from real runs ($(date -u +%FT%TZ), $(git rev-parse --short HEAD))"
	echo
	echo "Regenerate with \`test/samples.sh OUT.md\` (root, the lab installed)."
	echo
	echo "## /metrics of a clustered lab agent (go test -run TestClusterMetrics ./test)"
	echo
	echo '```'
	sample "$logs/metrics.log" "METRICS SAMPLE"
	echo '```'
	echo
	echo "## An RFC 5424 message over TLS, as rsyslog received and parsed it (go test -run TestAgentSyslogTLS ./test)"
	echo
	echo '```'
	sample "$logs/syslog.log" "SYSLOG SAMPLE"
	echo '```'
	echo
	echo "## ipmitool sel list on the agent's ipmi_sim BMC after its risk decision (go test -run TestDecisionsInSEL ./agent)"
	echo
	echo '```'
	sample "$logs/sel.log" "SEL SAMPLE"
	echo '```'
	echo
	echo "## vigil tui, 80x24, on a clustered lab agent (go test -run TestTUICluster ./test)"
	echo
	echo '```'
	sample "$logs/tui.log" "TUI SAMPLE"
	echo '```'
} >"$out"
