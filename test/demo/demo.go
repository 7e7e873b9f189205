// Package demo holds the scenarios `vigil-lab demo` runs on one machine: a lab
// cluster (package lab) with real BMC simulators and real QEMU guests, a
// failure injected, and a timeline of what vigil saw and did.
//
// Scenarios are listed in scenarios below; each returns one Scenario line of
// the report (CLI.md, `demo` JSON). Until the failover engine exists, each
// scenario performs in sequence the steps the engine will plan, with vigil's
// own packages and the lab's never-twice watcher:
//   - host-power-loss: a host's power is cut through its BMC, confirmed off
//     by read-back, and its VM restarted on a healthy host;
//   - predicted-failure-evacuation: a fan fails and the CPU heats up; the
//     BMC reader and predictor call the risk, and the VM is live-migrated
//     away before the CPU reaches its critical threshold.
package demo

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/test/lab"
)

// Options shape a demo run.
type Options struct {
	// Hosts in the lab cluster (default 3).
	Hosts int
	// BMC fronts every host: lab.IPMI (ipmi_sim, the default) or
	// lab.Redfish (the Redfish simulator).
	BMC lab.BMCKind
	// Out receives the human timeline (default os.Stderr).
	Out io.Writer
}

// Report is the demo's result: the JSON of `vigil-lab demo --json`.
type Report struct {
	Scenarios []Scenario `json:"scenarios"`
	// LabUpMS is how long the lab took to come up (namespaces, networks,
	// BMCs).
	LabUpMS int64 `json:"lab_up_ms"`
}

// Scenario is one injected failure and how it was survived.
type Scenario struct {
	Name   string `json:"name"`
	Passed bool   `json:"passed"`
	// DetectMS: failure injected until vigil saw it; FenceMS: the fence
	// command until the BMC read the host back off; RTOMS: failure
	// injected until the VM's heartbeat came from its new host.
	DetectMS        int64    `json:"detect_ms"`
	FenceMS         int64    `json:"fence_ms"`
	RTOMS           int64    `json:"rto_ms"`
	VMsExpected     int      `json:"vms_expected"`
	VMsRunning      int      `json:"vms_running"`
	VMsRunningTwice int      `json:"vms_running_twice"`
	Timeline        []string `json:"timeline"`
	Error           string   `json:"error,omitempty"`
}

// timeline prints steps with their offset from the start of the run.
type timeline struct {
	out   io.Writer
	start time.Time
	lines *[]string
}

func (tl timeline) printf(format string, args ...any) {
	line := fmt.Sprintf("%7.3fs  %s", time.Since(tl.start).Seconds(), fmt.Sprintf(format, args...))
	fmt.Fprintln(tl.out, line)
	if tl.lines != nil {
		*tl.lines = append(*tl.lines, strings.TrimSpace(line))
	}
}

// Run brings up the lab, runs every scenario and always tears the lab down.
// It returns an error only when the demo could not run at all; a failed
// scenario is reported in the Report with Passed false.
func Run(ctx context.Context, opts Options) (rep Report, err error) {
	if opts.Hosts == 0 {
		opts.Hosts = 3
	}
	if opts.Out == nil {
		opts.Out = os.Stderr
	}
	if opts.BMC != lab.IPMI && opts.BMC != lab.Redfish {
		return rep, fmt.Errorf("demo: BMC %v: want ipmi or redfish", opts.BMC)
	}
	if err := lab.Check(lab.Options{Hosts: opts.Hosts, BMC: opts.BMC}); err != nil {
		return rep, fmt.Errorf("demo needs the lab: %w (run as root after `make deps`)", err)
	}
	tl := timeline{out: opts.Out, start: time.Now()}
	tl.printf("bringing up a %d-host lab: namespaces, management and migration networks, one %s BMC per host", opts.Hosts, opts.BMC)
	l, err := lab.Start(ctx, lab.Options{Hosts: opts.Hosts, BMC: opts.BMC, Name: "demo"})
	if err != nil {
		return rep, fmt.Errorf("lab: %w", err)
	}
	defer func() {
		tl.printf("tearing the lab down")
		if cerr := l.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("lab teardown: %w", cerr)
		}
	}()
	rep.LabUpMS = time.Since(tl.start).Milliseconds()
	tl.printf("lab up in %d ms", rep.LabUpMS)
	for _, h := range l.Hosts {
		tl.printf("  %s  mgmt %s  migration %s  BMC %s", h.Name, h.MgmtIP, h.MigIP, h.BMC)
	}
	for _, sc := range scenarios {
		s := sc.run(ctx, l, tl)
		s.Name = sc.name
		rep.Scenarios = append(rep.Scenarios, s)
		verdict := "PASSED"
		if !s.Passed {
			verdict = "FAILED: " + s.Error
		}
		tl.printf("scenario %s: %s", sc.name, verdict)
	}
	return rep, ctx.Err()
}

type scenario struct {
	name string
	run  func(ctx context.Context, l *lab.Lab, tl timeline) Scenario
}

var scenarios = []scenario{
	{"host-power-loss", hostPowerLoss},
	{"predicted-failure-evacuation", predictedFailureEvacuation},
}
