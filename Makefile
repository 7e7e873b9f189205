# vigil: build, test, lint, bench and the lab demo.
# `make demo` and `make test` work on a fresh Debian 12 machine as root: both
# install what they need first (make deps).

# Recipes run under bash with pipefail: `make test` pipes go test into its
# summariser and must fail when go test does.
SHELL       := /bin/bash
.SHELLFLAGS := -o pipefail -c

GO        ?= go
BIN       := bin/vigil
LAB_BIN   := bin/vigil-lab
PKGS      := ./...
# This machine's environment sets GOFLAGS=-buildvcs=false; release builds
# want the VCS stamp, so override it here.
BUILDFLAGS := -trimpath -buildvcs=true -ldflags='-s -w'
TESTFLAGS ?=
# The cluster simulation's seeded bugs (cluster/internal/seeded) are
# compiled in only under this tag; the tests switch them on one at a time
# to show the invariant checks can fail. The release build never uses it.
TEST_TAGS := vigil_seeded_bugs
SEEDS ?= 2000
TEST_TIMEOUT ?= 45m

.PHONY: all build test unit lint bench demo chaos deps fullkernel sim clean

all: build

# The agent (bin/vigil, which links no test code) and the lab's own binary
# (bin/vigil-lab: demo, chaos).
build:
	GOFLAGS= CGO_ENABLED=0 $(GO) build $(BUILDFLAGS) -o $(BIN) ./cmd/vigil
	GOFLAGS= CGO_ENABLED=0 $(GO) build $(BUILDFLAGS) -o $(LAB_BIN) ./cmd/vigil-lab

# The Debian package, dist/vigil_<version>_amd64.deb, made with nfpm (pinned
# in image/deb.sh) from bin/vigil, the unit, sysusers and tmpfiles snippets
# and the example config (image/).
deb: build
	VIGIL_BIN=$(BIN) bash image/deb.sh dist

# The hypervisor OS image, dist/vigil-hypervisor.raw and .qcow2: Debian 12
# from mmdebstrap (cached in /var/cache/vigil), vigil's package, UEFI with
# systemd-boot, console on the serial port; built without loop devices
# (image/build-image.sh).
image: build
	deb=$$(VIGIL_BIN=$(BIN) bash image/deb.sh dist) && bash image/build-image.sh dist "$$deb"

# The whole suite, as CI runs it: set-up, lint, then every test (root-only
# lab tests included) under the race detector. test/testsummary shows each
# failure's output as it happens and ends with one line per package (passed,
# failed, skipped) and the skipped tests with their reasons; it fails when
# anything failed.
test: deps lint
	$(GO) build -o bin/testsummary ./test/testsummary
	$(GO) test -race -tags $(TEST_TAGS) -timeout $(TEST_TIMEOUT) -count=1 -json $(TESTFLAGS) $(PKGS) | bin/testsummary

# Fast unit tests only: no lab, no QEMU, no root.
unit:
	$(GO) test -short -count=1 $(PKGS)

lint:
	@unformatted=$$(gofmt -s -l $$(git ls-files '*.go' ':!third_party')); \
	if [ -n "$$unformatted" ]; then echo "gofmt -s would change: $$unformatted"; exit 1; fi
	$(GO) vet $(PKGS)
	$(GO) vet -tags $(TEST_TAGS) ./cluster/...
	$(GO) tool staticcheck $(PKGS)
	$(GO) tool staticcheck -tags $(TEST_TAGS) ./cluster/...

# Benchmarks compare vigil with the reference tools side by side in one run;
# one package at a time (-p 1) so they do not share the two cores. The
# closing note's migration pause and footprint come from test's
# BenchmarkMigratePause (raw QMP vs the agent's path with the network
# hooks; VIGIL_PAUSE_RUNS migrations each, default 5) and
# BenchmarkAgentFootprint (the release agent idle, standalone and in a
# cluster; VIGIL_FOOTPRINT_SECONDS, default 60).
bench: deps
	$(GO) test -p 1 -run '^$$' -bench . -benchmem -count=1 -timeout 60m $(PKGS)

demo: deps build
	$(LAB_BIN) demo

# Randomized faults against real agents (test/chaos): RUNS runs from a
# random seed (CHAOSFLAGS adds flags: --seed S, --replay S, --json,
# --bug NAME). bin/vigil-seeded is vigil with the seeded bugs compiled in,
# for --bug; the agents run bin/vigil otherwise.
RUNS ?= 1000
CHAOSFLAGS ?=
chaos: deps build
	GOFLAGS= CGO_ENABLED=0 $(GO) build -tags $(TEST_TAGS) -o bin/vigil-seeded ./cmd/vigil
	$(LAB_BIN) chaos --runs $(RUNS) $(CHAOSFLAGS)

deps:
	bash test/deps.sh

# The cluster's deterministic simulation: SEEDS seeds with every invariant
# checked at every step, then each seeded bug switched on until a seed
# catches it. Ends with "sim: N seeds, V violations, C/B seeded bugs caught".
# A failing seed prints the one-line command that replays it.
sim:
	$(GO) test -c -tags $(TEST_TAGS) -o bin/simtest ./cluster/sim
	bin/simtest -test.run '^TestSim$$' -test.timeout 60m -sim -seeds=$(SEEDS) | grep -v -e '^PASS$$' -e '^FAIL$$' -e '^--- FAIL: TestSim '

# Run one package's tests inside Debian's own kernel under QEMU (VLANs, bridge
# VLAN filtering, netem, softdog): make fullkernel PKG=./netfabric RUN=TestX
fullkernel: deps
	$(GO) run ./test/fullkernel/cmd/fullkernel -pkg $(or $(PKG),.) -run '$(RUN)'

clean:
	rm -rf bin dist
	$(GO) clean -testcache
