// Package demo holds the scenarios `vigil-lab demo` runs on one machine: a lab
// cluster (package lab) with real BMC simulators and real QEMU guests, a
// failure injected, and a timeline of what vigil saw and did.
//
// Scenarios are listed in scenarios below; each returns one Scenario line of
// the report (CLI.md, `demo` JSON). No vigil agent runs yet: until the
// failover engine exists, the demo itself performs in sequence the steps the
// engine will plan, calling vigil's packages (sensors, health, fencing, qmp)
// and the lab's never-twice watcher. The report says so: every scenario
// carries a Note, every timeline step names who acted (Actor), and a figure
// no agent measured is not reported under an agent's name.
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
	// Note says what the scenario stages in place of the agents that do
	// not exist yet, and what its figures measure.
	Note string `json:"note"`
	// DetectMS: failure injected until something of vigil's rated it (nil
	// where nothing did: no agent runs yet, so a power loss is seen only by
	// the lab). QEMUReapedMS: the lab's view of a power cut, until the lab
	// reaped the victim's QEMU. FenceMS: the power-off command until the BMC
	// read the host back off. RTOMS: failure injected until the VM's
	// heartbeat came from its new host (the pause of a live migration).
	DetectMS        *int64 `json:"detect_ms"`
	QEMUReapedMS    int64  `json:"qemu_reaped_ms,omitempty"`
	FenceMS         int64  `json:"fence_ms"`
	RTOMS           int64  `json:"rto_ms"`
	VMsExpected     int    `json:"vms_expected"`
	VMsRunning      int    `json:"vms_running"`
	VMsRunningTwice int    `json:"vms_running_twice"`
	Timeline        []Step `json:"timeline"`
	Error           string `json:"error,omitempty"`
}

// Actor names who did a step of the timeline.
type Actor string

const (
	// ByLab: the lab (namespaces, BMC simulators, QEMU processes, the
	// never-twice watcher) did or saw it.
	ByLab Actor = "lab"
	// ByDemo: the demo's own script did it, standing in for an agent that
	// does not exist yet (injecting a failure, deciding, restarting a VM).
	ByDemo Actor = "demo"
	// ByVigil: one of vigil's packages did it (the sensor readers, the
	// predictor, fencing, live migration), called by the demo.
	ByVigil Actor = "vigil"
)

// Step is one line of a scenario's timeline.
type Step struct {
	// AtMS is the offset from the start of the run.
	AtMS  int64  `json:"at_ms"`
	Actor Actor  `json:"actor"`
	Event string `json:"event"`
}

// timeline prints steps with their offset from the start of the run and who
// did them.
type timeline struct {
	out   io.Writer
	start time.Time
	steps *[]Step
}

func (tl timeline) printf(by Actor, format string, args ...any) {
	at := time.Since(tl.start)
	event := fmt.Sprintf(format, args...)
	fmt.Fprintf(tl.out, "%7.3fs  %-7s %s\n", at.Seconds(), "["+string(by)+"]", event)
	if tl.steps != nil {
		*tl.steps = append(*tl.steps, Step{AtMS: at.Milliseconds(), Actor: by, Event: event})
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
	tl.printf(ByDemo, "no vigil agent runs yet: the demo performs the steps the agents will take, with vigil's packages; each step names who acted")
	tl.printf(ByLab, "bringing up a %d-host lab: namespaces, management and migration networks, one %s BMC per host", opts.Hosts, opts.BMC)
	l, err := lab.Start(ctx, lab.Options{Hosts: opts.Hosts, BMC: opts.BMC, Name: "demo"})
	if err != nil {
		return rep, fmt.Errorf("lab: %w", err)
	}
	defer func() {
		tl.printf(ByLab, "tearing the lab down")
		if cerr := l.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("lab teardown: %w", cerr)
		}
	}()
	rep.LabUpMS = time.Since(tl.start).Milliseconds()
	tl.printf(ByLab, "lab up in %d ms", rep.LabUpMS)
	for _, h := range l.Hosts {
		tl.printf(ByLab, "  %s  mgmt %s  migration %s  BMC %s", h.Name, h.MgmtIP, h.MigIP, h.BMC)
	}
	for _, sc := range scenarios {
		tl.printf(ByDemo, "scenario %s: %s", sc.name, sc.note)
		s := sc.run(ctx, l, tl)
		s.Name, s.Note = sc.name, sc.note
		rep.Scenarios = append(rep.Scenarios, s)
		verdict := "PASSED"
		if !s.Passed {
			verdict = "FAILED: " + s.Error
		}
		tl.printf(ByDemo, "scenario %s: %s", sc.name, verdict)
	}
	return rep, ctx.Err()
}

type scenario struct {
	name string
	// note is the Scenario's Note: what is staged, what the figures mean.
	note string
	run  func(ctx context.Context, l *lab.Lab, tl timeline) Scenario
}

var scenarios = []scenario{
	{"host-power-loss", hostPowerLossNote, hostPowerLoss},
	{"predicted-failure-evacuation", evacuationNote, predictedFailureEvacuation},
}
