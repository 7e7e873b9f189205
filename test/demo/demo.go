// Package demo is `vigil-lab demo`: a lab of three hosts (package lab), each
// running a real `vigil agent` in its namespace with its own config, BMC and
// state directory (package agents), six test guests created through `vigil
// vm create`, and then failures injected one after another. From the
// creation on, the demo only injects failures through the lab and watches:
// every detection, fence, restart and migration is the agents' own, read
// from their audit logs (`vigil events`), and the guests' heartbeats say
// where each VM really runs. Between scenarios the demo restores the lab as
// a technician would: heals the network, powers the fenced host on and
// readmits it (`vigil host readmit`).
//
// Scenarios, in order (see scenarios below):
//   - power-cut: a host's power is cut through its BMC;
//   - partition: a host is cut off from its peers but still powered: the
//     majority fences it through its BMC;
//   - partition-bmc-down-watchdog: the same with its BMC unreachable too and
//     an armed watchdog (the last host's, a lab software watchdog that
//     resets the host when unfed): nothing may restart before its
//     self-fence deadline, and everything must after it;
//   - partition-bmc-down-no-watchdog: the same with `watchdog: none`: nothing
//     may restart until the host can be confirmed off, and an event says why;
//   - predicted-failure: a fan fails and the CPU heats up; the agents must
//     evacuate by live migration before the CPU reaches critical;
//   - drain-readmit: `vigil host drain` moves a host's VMs away by live
//     migration (none restarts) and shows it in maintenance, where nothing
//     is placed; `vigil host readmit` returns it to service and a VM can
//     be placed there again.
//
// After every move each moved guest's MAC must be reachable from another
// host through its new host's bridge (a bridge per host, joined by VXLAN
// over the management network), checked with traffic both ways
// (network_ok).
//
// A scenario the agents cannot do yet is reported as not passed with the
// reason in Unsupported (never staged by the demo); Run's caller exits
// non-zero for it as for a failure.
//
// Figures (CLI.md's `demo` JSON): detect_ms is the injection until an
// agent's dead event (its evacuate event for a predicted failure, its drain
// event for a drain), fence_ms until an agent's fence-confirmed event,
// rto_ms until the last of the affected VMs gave its first heartbeat on
// another host (the demo reads the serial logs every 100 ms).
// vms_running_twice counts VMs the lab's watcher saw running twice during
// the scenario.
package demo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
)

// Options shape a demo run.
type Options struct {
	// BMC fronts every host: lab.IPMI (ipmi_sim, the default) or
	// lab.Redfish (the Redfish simulator).
	BMC lab.BMCKind
	// Vigil is the vigil binary the agents and the CLI run.
	Vigil string
	// Out receives the human timeline (default os.Stderr).
	Out io.Writer
}

// Hosts and VMs of the demo's cluster.
const (
	Hosts = 3
	VMs   = 6
)

// demoWatchdog is the timeout of the one host's watchdog: short, so that
// the self-fence plays out in seconds, and long enough that renewals late
// on a busy machine do not starve it.
const demoWatchdog = 3 * time.Second

// Report is the demo's result: the JSON of `vigil-lab demo --json`.
type Report struct {
	Scenarios []Scenario `json:"scenarios"`
	// BMC is the kind of the lab's BMCs (ipmi, redfish).
	BMC string `json:"bmc"`
	// UpMS is how long the lab, its agents and the first placement of
	// the VMs took; TotalMS is the whole run, teardown included.
	UpMS    int64 `json:"up_ms"`
	TotalMS int64 `json:"total_ms"`
}

// Failed lists the scenarios that did not pass, unsupported ones
// included.
func (r Report) Failed() []Scenario {
	var out []Scenario
	for _, s := range r.Scenarios {
		if !s.Passed {
			out = append(out, s)
		}
	}
	return out
}

// Scenario is one injected failure and how the agents survived it.
type Scenario struct {
	Name   string `json:"name"`
	Passed bool   `json:"passed"`
	// Reason says why a scenario did not pass.
	Reason string `json:"reason,omitempty"`
	// Unsupported is set when the agents cannot do what the scenario
	// needs yet (the reason); Passed is false then.
	Unsupported string `json:"unsupported,omitempty"`
	// Victim is the host the failure was injected on; Moved its VMs then.
	Victim string   `json:"victim,omitempty"`
	Moved  []string `json:"moved,omitempty"`
	// DetectMS, FenceMS, RTOMS: see the package doc; null where nothing
	// was measured (no fence in a predicted failure, no run).
	DetectMS *int64 `json:"detect_ms"`
	FenceMS  *int64 `json:"fence_ms"`
	RTOMS    *int64 `json:"rto_ms"`
	// SuspectMS is the injection until an agent's first suspect event.
	SuspectMS *int64 `json:"suspect_ms,omitempty"`
	// NetworkOK says whether every VM that moved was reachable from
	// another host through its new host's bridge afterwards (null where
	// nothing moved or nothing was checked).
	NetworkOK       *bool   `json:"network_ok"`
	VMsExpected     int     `json:"vms_expected"`
	VMsRunning      int     `json:"vms_running"`
	VMsRunningTwice int     `json:"vms_running_twice"`
	Timeline        []Event `json:"timeline"`
}

// Event is one line of a scenario's timeline: an agent's audit log entry
// (Source "agent", Agent naming whose log) or the demo's own step (Source
// "lab": an injection, an observation of the lab, a restoring action).
type Event struct {
	// AtMS is the offset from the scenario's injection.
	AtMS     int64           `json:"at_ms"`
	Time     time.Time       `json:"time"`
	Source   string          `json:"source"`
	Agent    string          `json:"agent,omitempty"`
	Kind     string          `json:"kind"`
	Host     string          `json:"host,omitempty"`
	VM       string          `json:"vm,omitempty"`
	Message  string          `json:"message"`
	Evidence json.RawMessage `json:"evidence,omitempty"`
}

// Run brings up the lab and its agents, creates the VMs, runs every
// scenario and always tears the lab down. It returns an error only when
// the demo could not run at all; a failed scenario is in the Report.
func Run(ctx context.Context, opts Options) (rep Report, err error) {
	start := time.Now()
	if opts.Out == nil {
		opts.Out = os.Stderr
	}
	if opts.BMC != lab.IPMI && opts.BMC != lab.Redfish {
		return rep, fmt.Errorf("demo: BMC %v: want ipmi or redfish", opts.BMC)
	}
	if opts.Vigil == "" {
		return rep, errors.New("demo: no vigil binary")
	}
	rep.BMC = opts.BMC.String()
	labOpts := agents.LabOptions(Hosts, opts.BMC, "demo")
	if err := lab.Check(labOpts); err != nil {
		return rep, fmt.Errorf("demo needs the lab: %w (run as root after `make deps`)", err)
	}
	r := &run{ctx: ctx, out: opts.Out, start: start}
	r.say("lab", "bringing up %d hosts with %s BMCs, one vigil agent each; from the VMs' creation on, every decision is the agents'", Hosts, opts.BMC)
	l, err := lab.Start(ctx, labOpts)
	if err != nil {
		return rep, fmt.Errorf("lab: %w", err)
	}
	r.l = l
	defer func() {
		r.say("lab", "tearing the lab down")
		if cerr := l.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("lab teardown: %w", cerr)
		}
		rep.TotalMS = time.Since(start).Milliseconds()
	}()
	for _, h := range l.Hosts {
		r.say("lab", "%s  management %s  migration %s  BMC %s", h.Name, h.MgmtIP, h.MigIP, h.BMC)
	}
	// One host arms a watchdog (the lab's software watchdog, which resets
	// the host as softdog would): the scenario with an armed watchdog
	// fails it; the others run watchdog none.
	r.dogHost = l.Hosts[len(l.Hosts)-1]
	// Ready: generous, for a machine shared with other labs.
	c, err := agents.Start(ctx, l, agents.Options{Vigil: opts.Vigil, Watchdog: demoWatchdog, WatchdogHosts: []string{r.dogHost.Name},
		FabricFor: fabricFor(l), GuestBridge: demoBridge, Ready: 3 * time.Minute})
	if err != nil {
		return rep, fmt.Errorf("%w\n%s", err, agentLogs(l, 3000))
	}
	defer c.Close()
	r.c = c
	r.dog = c.Agent(r.dogHost.Name).Watchdog
	r.say("lab", "%s's agent arms a %v lab watchdog (a pipe; unfed, the lab resets the host as softdog would); the others run watchdog none", r.dogHost.Name, demoWatchdog)
	leader, _ := r.leader()
	r.say("lab", "agents up: every host healthy, leader %s", leader)
	for i := 1; i <= VMs; i++ {
		r.vms = append(r.vms, fmt.Sprintf("vm%d", i))
	}
	where, err := c.CreateGuests(ctx, l.Hosts[0].Name, r.vms, 3*time.Minute)
	if err != nil {
		return rep, fmt.Errorf("create the VMs: %w\n%s", err, c.Logs(4000))
	}
	r.say("lab", "%d VMs created through `vigil vm create`; the leader placed them: %s", VMs, placement(where))
	rep.UpMS = time.Since(start).Milliseconds()

	broken := ""
	for i, sc := range scenarios {
		r.say("lab", "scenario %d/%d %s: %s", i+1, len(scenarios), sc.name, sc.about)
		s, err := r.scenario(sc, broken, i == len(scenarios)-1)
		rep.Scenarios = append(rep.Scenarios, s)
		r.print(s)
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
		if err != nil && broken == "" {
			broken = fmt.Sprintf("the lab could not be restored after %s: %v", sc.name, err)
		}
	}
	return rep, nil
}

// scenario is one entry of the demo.
type scenario struct {
	name  string
	about string
	run   func(r *run, s *Scenario) error
}

var scenarios = []scenario{
	{"power-cut", "a host's power is cut through its BMC", powerCut},
	{"partition", "a host is cut off from its peers but stays powered; its BMC is reachable", partition},
	{"partition-bmc-down-watchdog", "a host is cut off from its peers and its BMC from them; its watchdog is armed", partitionBMCDownWatchdog},
	{"partition-bmc-down-no-watchdog", "a host is cut off from its peers and its BMC is unreachable; its watchdog is none", partitionBMCDownNoWatchdog},
	{"predicted-failure", "a fan fails and the CPU heats up: the VMs must leave by live migration before critical", predictedFailure},
	{"drain-readmit", "a technician drains a host: its VMs leave by live migration, none restarts; readmitted, it takes VMs again", drainReadmit},
}

// unsupported is a scenario's error when the agents cannot do what it
// needs yet.
type unsupported struct{ reason string }

func (u unsupported) Error() string { return "not supported by the agents yet: " + u.reason }

// scenario runs sc (unless the lab is broken) and checks the invariants
// every scenario shares: no VM ran twice, every VM runs. Unless it is the
// last, the lab is restored afterwards (its steps and the agents' events
// are part of the scenario's timeline); the error says why that failed.
func (r *run) scenario(sc scenario, broken string, last bool) (Scenario, error) {
	s := Scenario{Name: sc.name, VMsExpected: len(r.vms)}
	if broken != "" {
		s.Reason = "not run: " + broken
		return s, nil
	}
	twiceBefore := len(r.l.TwiceViolations())
	r.scenarioStart, r.inject, r.steps = time.Now(), time.Time{}, nil
	err := sc.run(r, &s)
	twice := twiceVMs(r.l.TwiceViolations()[twiceBefore:])
	s.VMsRunningTwice = len(twice)
	for _, vm := range r.vms {
		if r.l.LiveCopies(vm) >= 1 {
			s.VMsRunning++
		}
	}
	var u unsupported
	switch {
	case len(twice) > 0:
		s.Reason = fmt.Sprintf("never twice broken: %v ran twice (%v)", twice, r.l.TwiceViolations()[twiceBefore:])
		if err != nil {
			s.Reason += "; " + err.Error()
		}
	case errors.As(err, &u):
		s.Unsupported, s.Reason = u.reason, u.Error()
	case err != nil:
		s.Reason = err.Error()
	case s.VMsRunning != s.VMsExpected:
		s.Reason = fmt.Sprintf("%d of %d VMs running", s.VMsRunning, s.VMsExpected)
	default:
		s.Passed = true
	}
	var rerr error
	if !last && !r.inject.IsZero() {
		if rerr = r.restore(); rerr != nil {
			r.step("restore", "", "failed: %v", rerr)
		}
	}
	s.Timeline = r.timeline()
	return s, rerr
}

// agentLogs returns the last max bytes of each host's latest agent log,
// for an error report.
func agentLogs(l *lab.Lab, max int) string {
	var b strings.Builder
	for _, h := range l.Hosts {
		logs, _ := filepath.Glob(filepath.Join(h.LogDir, "vigil.*.log"))
		slices.Sort(logs)
		if len(logs) == 0 {
			continue
		}
		f := logs[len(logs)-1]
		raw, _ := os.ReadFile(f)
		if len(raw) > max {
			raw = raw[len(raw)-max:]
		}
		fmt.Fprintf(&b, "%s:\n%s\n", f, raw)
	}
	return b.String()
}
