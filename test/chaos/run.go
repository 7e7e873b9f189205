package chaos

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/cluster/seededbugs"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/chaos/check"
	"github.com/vigil-ha/vigil/test/lab"
)

// Options shape a chaos session.
type Options struct {
	// Runs is how many runs (default 1). Run i (from 0) uses seed Seed+i.
	Runs int
	// Seed is the first run's seed.
	Seed uint64
	// Vigil is the vigil binary the agents and the CLI run; with Bug, a
	// build made with the tag vigil_seeded_bugs.
	Vigil string
	// Bug, when set, is a seeded bug switched on in every agent
	// (seededbugs.EnvVar). The session then stops at the first run that
	// catches it.
	Bug string
	// Scenario, when set, runs that seeded bug's scenario (NewPlanFor)
	// instead of a random schedule, with the agents Bug says (correct
	// ones when Bug is empty). With Bug alone, the bug's scenario runs.
	Scenario string
	// Quiesce bounds quiescence: from the schedule's end until every
	// host is back and every VM runs once where the cluster places it
	// (default 2 min).
	Quiesce time.Duration
	// Out receives progress lines and failure reports (default: none).
	Out io.Writer
}

// Report is a session's result: the JSON of `vigil-lab chaos --json`.
type Report struct {
	Runs       int            `json:"runs"`
	Violations int            `json:"violations"`
	Seed       uint64         `json:"seed"`
	Faults     map[string]int `json:"faults"`
	RTOMS      Percentiles    `json:"rto_ms"`
	// FailoverMS: see Result.Failovers.
	FailoverMS Percentiles `json:"failover_ms"`
	Failures   []Failure   `json:"failures"`
	// Bug is the seeded bug the agents ran with; CaughtAfter the number
	// of runs until one caught it (null: not caught).
	Bug         string `json:"bug,omitempty"`
	CaughtAfter *int   `json:"caught_after,omitempty"`
	// Errors are runs that could not run to the check (the lab or the
	// agents did not come up): neither passed nor failed.
	Errors []RunError `json:"errors,omitempty"`
	// RunMS are the runs' wall times; TotalMS the session's.
	RunMS   Percentiles `json:"run_ms"`
	TotalMS int64       `json:"total_ms"`
}

// Percentiles of a set of durations in milliseconds (zero when empty).
type Percentiles struct {
	N   int   `json:"n"`
	P50 int64 `json:"p50"`
	P99 int64 `json:"p99"`
	Max int64 `json:"max"`
}

// Failure is one violation of one run.
type Failure struct {
	Seed      uint64   `json:"seed"`
	Schedule  []string `json:"schedule"`
	Violation string   `json:"violation"`
}

// RunError is a run that could not run to the check.
type RunError struct {
	Seed  uint64 `json:"seed"`
	Error string `json:"error"`
}

// Result is one run's outcome.
type Result struct {
	Plan       Plan
	Violations []string
	// RTO are the recovery times the checker judged (check.CheckRTO:
	// from when nothing blocked a VM's recovery to its first heartbeat
	// again).
	RTO []time.Duration
	// Failovers are measured from a fault that took a host away (power
	// cut, isolation) to each of its VMs' first heartbeat elsewhere, as
	// the demo's rto_ms.
	Failovers []time.Duration
	// Kept is the directory with a failing run's history.json and its
	// hosts' state directory copies (removed when the run passed).
	Kept string
	// Faults counts the faults really injected (skipped ones left out).
	Faults map[Kind]int
	// History is what the run recorded, as the checker read it.
	History *check.History
	// Phases: bring-up (lab, agents, guests), schedule, quiescence,
	// collection and check, teardown.
	Up, Schedule, Quiesce, Check, Teardown time.Duration
}

func percentiles(ds []time.Duration) Percentiles {
	if len(ds) == 0 {
		return Percentiles{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	at := func(q float64) int64 {
		i := int(q*float64(len(s))+0.5) - 1
		return s[min(max(i, 0), len(s)-1)].Milliseconds()
	}
	return Percentiles{N: len(s), P50: at(0.5), P99: at(0.99), Max: s[len(s)-1].Milliseconds()}
}

// Run runs the session: opts.Runs runs from opts.Seed on, each checked
// after its quiescence. It returns an error only when the session could
// not run at all (bad options, the lab unavailable, interrupted); failed
// runs are in the Report.
func Run(ctx context.Context, opts Options) (Report, error) {
	start := time.Now()
	if opts.Runs <= 0 {
		opts.Runs = 1
	}
	rep := Report{Seed: opts.Seed, Faults: map[string]int{}, Bug: opts.Bug, Failures: []Failure{}}
	if opts.Bug != "" && !seededbugs.Known(opts.Bug) {
		return rep, fmt.Errorf("chaos: unknown seeded bug %q (known: %s)", opts.Bug, strings.Join(seededbugs.Names(), ", "))
	}
	if err := lab.Check(agents.LabOptions(minHosts, lab.IPMI, "chaos")); err != nil {
		return rep, fmt.Errorf("chaos needs the lab: %w (run as root after `make deps`)", err)
	}
	var rtos, fos, runs []time.Duration
	for i := range opts.Runs {
		seed := opts.Seed + uint64(i)
		t0 := time.Now()
		res, err := RunOne(ctx, opts, seed)
		var bu bringUpError
		if errors.As(err, &bu) && ctx.Err() == nil {
			// A lab whose agents or guests did not come up on a loaded
			// machine says nothing about the faults: try the seed once
			// more.
			fprintf(opts.Out, "chaos: run %d/%d seed %d did not come up (%v): once more\n", i+1, opts.Runs, seed, err)
			res, err = RunOne(ctx, opts, seed)
		}
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
		runs = append(runs, time.Since(t0))
		rep.Runs++
		if err != nil {
			rep.Errors = append(rep.Errors, RunError{Seed: seed, Error: err.Error()})
			fprintf(opts.Out, "chaos: run %d/%d seed %d could not run: %v\n", i+1, opts.Runs, seed, err)
			continue
		}
		for k, n := range res.Faults {
			rep.Faults[string(k)] += n
		}
		rtos = append(rtos, res.RTO...)
		fos = append(fos, res.Failovers...)
		for _, v := range res.Violations {
			rep.Violations++
			rep.Failures = append(rep.Failures, Failure{Seed: seed, Schedule: res.Plan.Schedule(), Violation: v})
		}
		if len(res.Violations) > 0 && opts.Bug != "" {
			n := i + 1
			rep.CaughtAfter = &n
			break
		}
	}
	rep.RTOMS, rep.FailoverMS, rep.RunMS = percentiles(rtos), percentiles(fos), percentiles(runs)
	rep.TotalMS = time.Since(start).Milliseconds()
	return rep, nil
}

func fprintf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format, args...)
	}
}

// bringUpError is a run whose lab, agents or guests did not come up: it
// never reached its faults.
type bringUpError struct{ err error }

func (b bringUpError) Error() string { return b.err.Error() }
func (b bringUpError) Unwrap() error { return b.err }

// run is one run in progress.
type run struct {
	ctx   context.Context
	plan  Plan
	l     *lab.Lab
	c     *agents.Cluster
	rec   *recorder
	out   io.Writer
	start time.Time
	vms   []string
	// created is when every VM ran; schedStart when the schedule began.
	created, schedStart time.Time
	// actions are the schedule's actions as they happened.
	actions []FaultRecord
	// disks are the loop devices ("major:minor") under the state
	// directories of the hosts a slow disk hits, by plan host.
	disks map[int]string
}

func (r *run) logf(format string, args ...any) {
	fprintf(r.out, "%8.3fs  %s\n", time.Since(r.start).Seconds(), fmt.Sprintf(format, args...))
}

// RunOne runs the plan of seed: a lab of its size with an agent per host,
// its VMs, its schedule, quiescence and the check. The error says why the
// run could not run to the check; violations are in the Result.
func RunOne(ctx context.Context, opts Options, seed uint64) (res Result, err error) {
	p := NewPlanFor(seed, cmp.Or(opts.Scenario, opts.Bug))
	res.Plan = p
	if opts.Quiesce == 0 {
		opts.Quiesce = 2 * time.Minute
	}
	r := &run{ctx: ctx, plan: p, out: opts.Out, start: time.Now()}
	r.logf("run seed %d: %s", seed, strings.ReplaceAll(p.String(), "\n", "\n            "))
	labOpts := agents.LabOptions(p.Hosts, lab.IPMI, "chaos")
	labOpts.PowerDelay = p.PowerDelay
	// A crashed ipmi_sim comes back as a real BMC's own watchdog reboots
	// it.
	labOpts.IPMIAutoRestart = 2 * time.Second
	if p.BMCStaysDown {
		labOpts.IPMIAutoRestart = 0
	}
	l, err := lab.Start(ctx, labOpts)
	if err != nil {
		return res, bringUpError{fmt.Errorf("lab: %w", err)}
	}
	r.l = l
	r.rec = newRecorder(l)
	defer r.rec.close()
	defer func() {
		t0 := time.Now()
		if cerr := l.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("lab teardown: %w", cerr)
		}
		res.Teardown = time.Since(t0)
	}()
	// Slow disks need a block device under the state directory, before
	// the agent opens its store there.
	r.disks = map[int]string{}
	for _, i := range p.SlowDiskHosts() {
		dev, err := mountStateDisk(l.Hosts[i-1])
		if err != nil {
			return res, bringUpError{err}
		}
		r.disks[i] = dev
	}
	agOpts := agents.Options{Vigil: opts.Vigil, Ready: 2 * time.Minute}
	if opts.Bug != "" {
		agOpts.Env = []string{seededbugs.EnvVar + "=" + opts.Bug}
	}
	c, err := agents.Start(ctx, l, agOpts)
	if err != nil {
		return res, bringUpError{err}
	}
	defer c.Close()
	r.c = c
	for i := 1; i <= p.VMs; i++ {
		r.vms = append(r.vms, fmt.Sprintf("vm%d", i))
	}
	if _, err := c.CreateGuests(ctx, l.Hosts[0].Name, r.vms, 3*time.Minute); err != nil {
		fprintf(r.out, "agent logs (tails):\n%s\n", c.Logs(3000))
		return res, bringUpError{fmt.Errorf("create the VMs: %w", err)}
	}
	r.created = time.Now()
	res.Up = time.Since(r.start)
	r.logf("up: %d hosts, %d VMs running, leader %s", p.Hosts, p.VMs, r.leaderName())

	t0 := time.Now()
	r.schedStart = t0
	f := newFaults(r)
	res.Faults = r.schedule(f)
	res.Schedule = time.Since(t0)

	t0 = time.Now()
	quiet := r.quiesce(f, opts.Quiesce)
	res.Quiesce = time.Since(t0)
	if ctx.Err() != nil {
		return res, ctx.Err()
	}

	t0 = time.Now()
	h := r.history(quiet)
	r.rec.close()
	// The stores are checked closed, on copies: stop every agent cleanly
	// first.
	for _, host := range l.Hosts {
		if host.On() {
			if err := c.StopAgent(ctx, host.Name, syscall.SIGTERM); err != nil {
				r.logf("stop %s's agent for the store check: %v", host.Name, err)
			}
		}
	}
	keep, err := os.MkdirTemp("", fmt.Sprintf("vigil-chaos-%d-", seed))
	if err != nil {
		return res, err
	}
	for i := range h.Hosts {
		dst := filepath.Join(keep, h.Hosts[i].Name)
		if err := copyDir(filepath.Join(l.Hosts[i].StateDir, "vigil"), dst); err != nil {
			r.logf("copy %s's state directory: %v", h.Hosts[i].Name, err)
			continue
		}
		h.Hosts[i].StateDir = dst
	}
	res.Violations, res.RTO = verdict(h, quiet)
	res.Failovers = failovers(h, r.actions)
	res.History = h
	res.Check = time.Since(t0)
	if len(res.Violations) == 0 {
		os.RemoveAll(keep)
	} else {
		f := filepath.Join(keep, "history.json")
		if err := h.WriteFile(f); err != nil {
			r.logf("%v", err)
		}
		res.Kept = keep
	}
	if len(res.Violations) == 0 {
		n := 0
		for _, k := range res.Faults {
			n += k
		}
		r.logf("run seed %d passed: %d faults injected, %d recoveries judged (max %s), %d failovers measured (max %s), quiescence in %.1f s",
			seed, n, len(res.RTO), maxDur(res.RTO), len(res.Failovers), maxDur(res.Failovers), res.Quiesce.Seconds())
	} else {
		r.logf("run seed %d FAILED:\n%s\n  violations:\n    %s\n  history and store copies: %s\n  replay: vigil-lab chaos --replay %d%s",
			seed, p, strings.Join(res.Violations, "\n    "), res.Kept, seed, bugFlag(opts))
		fprintf(r.out, "agent logs (tails):\n%s\n", c.Logs(3000))
	}
	return res, nil
}

// bugFlag is what a replay of the run adds to `vigil-lab chaos`.
func bugFlag(opts Options) string {
	var out string
	if opts.Bug != "" {
		out += " --bug " + opts.Bug
	}
	if opts.Scenario != "" && opts.Scenario != opts.Bug {
		out += " --scenario " + opts.Scenario
	}
	return out
}

func maxDur(ds []time.Duration) string {
	if len(ds) == 0 {
		return "-"
	}
	return slices.Max(ds).Round(time.Millisecond).String()
}

// schedule runs the plan's steps and heals at their offsets and returns
// the faults really injected.
func (r *run) schedule(f *faults) map[Kind]int {
	type action struct {
		at   time.Duration
		i    int
		heal bool
	}
	var acts []action
	for i, s := range r.plan.Steps {
		acts = append(acts, action{s.At, i, false})
		if s.For > 0 && !s.AfterFenceFailed {
			acts = append(acts, action{s.At + s.For, i, true})
		}
	}
	sort.SliceStable(acts, func(a, b int) bool { return acts[a].at < acts[b].at })
	injected := map[Kind]int{}
	if r.plan.PowerDelay > 0 {
		injected[BMCSlowOff]++
	}
	t0 := time.Now()
	for _, a := range acts {
		select {
		case <-time.After(time.Until(t0.Add(a.at))):
		case <-r.ctx.Done():
			return injected
		}
		s := f.resolve(a.i, r.plan.Steps[a.i])
		var rec FaultRecord
		if a.heal {
			rec = f.heal(a.i, s)
		} else {
			rec = f.inject(a.i, s)
			if !strings.Contains(rec.Note, "skipped") && !strings.Contains(rec.Note, "failed") {
				injected[s.Kind]++
			}
		}
		r.actions = append(r.actions, rec)
		verb := "inject"
		if a.heal {
			verb = "heal  "
		}
		r.logf("%s %-16s %s %s", verb, s.Kind, strings.Join(rec.Hosts, " "), rec.Note)
	}
	select {
	case <-time.After(time.Until(t0.Add(r.plan.End()))):
	case <-r.ctx.Done():
	}
	return injected
}

// settle is how long quiescence holds once converged.
const settle = 5 * time.Second

// quiesce heals everything, powers every host on, readmits fenced hosts
// and waits until every host is back under one leader and every VM runs
// once where the cluster places it. It returns how it ended.
func (r *run) quiesce(f *faults, limit time.Duration) Quiescence {
	q := Quiescence{Start: time.Now()}
	if err := f.healAll(); err != nil {
		r.logf("quiesce: heal: %v", err)
	}
	for _, h := range r.l.Hosts {
		if !h.On() {
			if err := h.PowerOn(); err != nil {
				r.logf("quiesce: power on %s: %v", h.Name, err)
			}
		}
	}
	r.rec.endAt(time.Now())
	r.logf("quiesce: every fault healed, every host on; waiting for every VM to run once")
	readmitted := map[string]bool{}
	last := ""
	converged := func() bool {
		// A fence that was under way when quiescence began may power a
		// host off after the first pass: power it on as a technician
		// would (a new boot, so it can be readmitted).
		for _, h := range r.l.Hosts {
			if !h.On() {
				if err := h.PowerOn(); err != nil {
					last = fmt.Sprintf("power on %s: %v", h.Name, err)
					return false
				}
				r.logf("quiesce: %s was off again: powered on", h.Name)
			}
		}
		st, err := r.status()
		if err != nil {
			last = err.Error()
			return false
		}
		if st.Leader == nil || !st.Quorum {
			last = st.Host + " sees no leader with quorum"
			return false
		}
		back := true
		for _, hs := range st.Hosts {
			switch hs.State {
			case "healthy", "degraded":
			case "fenced", "maintenance":
				back = false
				// Refused until the host is back with a new boot id.
				if _, err := r.c.RunOn(r.ctx, st.Host, "host", "readmit", hs.Name); err == nil && !readmitted[hs.Name] {
					readmitted[hs.Name] = true
					r.logf("quiesce: `vigil host readmit %s` accepted", hs.Name)
				}
			default:
				back = false
			}
		}
		if !back {
			last = fmt.Sprintf("hosts %s", hostStates(st.Hosts))
			return false
		}
		if len(st.VMs) != len(r.vms) {
			last = fmt.Sprintf("%d of %d VMs known", len(st.VMs), len(r.vms))
			return false
		}
		for _, v := range st.VMs {
			hosts := r.l.VMHosts(v.Name)
			if v.State != "running" || len(hosts) != 1 || hosts[0].Name != v.Host {
				var on []string
				for _, h := range hosts {
					on = append(on, h.Name)
				}
				last = fmt.Sprintf("%s is %s on %q, runs on %v", v.Name, v.State, v.Host, on)
				return false
			}
		}
		return true
	}
	err := agents.Poll(r.ctx, "every host back and every VM running once where the cluster places it", limit, 250*time.Millisecond, converged)
	if err == nil {
		// Hold: a host just back (a new boot, an agent restarted) may
		// still act on what it thought it owned; what runs must stay
		// as it is.
		select {
		case <-time.After(settle):
		case <-r.ctx.Done():
		}
		if !converged() {
			err = fmt.Errorf("converged, then changed within %v", settle)
		}
	}
	q.End = time.Now()
	if err != nil {
		q.Err = fmt.Sprintf("%v (last: %s)", err, last)
		r.logf("quiesce: %s", q.Err)
	} else {
		r.logf("quiesce: converged in %.1f s", q.End.Sub(q.Start).Seconds())
	}
	return q
}

func hostStates(hs []localapi.HostStatus) string {
	var parts []string
	for _, h := range hs {
		parts = append(parts, h.Name+"="+h.State)
	}
	return strings.Join(parts, " ")
}

// status asks the powered hosts' agents in order until one answers.
func (r *run) status() (localapi.Status, error) {
	err := errors.New("no host is on")
	for _, h := range r.l.Hosts {
		if !h.On() {
			continue
		}
		// A starved or stopped agent must not hold the schedule up.
		ctx, cancel := context.WithTimeout(r.ctx, 3*time.Second)
		var st localapi.Status
		st, err = r.c.Status(ctx, h.Name)
		cancel()
		if err == nil {
			return st, nil
		}
	}
	return localapi.Status{}, fmt.Errorf("no agent answers: %v", err)
}

// fenceFailed waits until the leader records a failed fence after the
// step's wait began and returns its host (nil after 30 s or without a
// leader): LeaderStop's AfterFenceFailed.
func (r *run) fenceFailed(s Step) *lab.Host {
	since := time.Now()
	for time.Since(since) < 30*time.Second && r.ctx.Err() == nil {
		if h := r.leader(); h != nil {
			evs, _ := r.c.Events(r.ctx, h.Name)
			for _, e := range evs {
				if e.Kind == "fence-failed" && e.Time.After(since) {
					return h
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil
}

// leader is the host the first answering agent names leader, or nil.
func (r *run) leader() *lab.Host {
	st, err := r.status()
	if err != nil || st.Leader == nil {
		return nil
	}
	for _, h := range r.l.Hosts {
		if h.Name == *st.Leader {
			return h
		}
	}
	return nil
}

func (r *run) leaderName() string {
	if h := r.leader(); h != nil {
		return h.Name
	}
	return "none"
}

// placedOn lists the VMs the cluster places on host, as the first
// answering agent sees it.
func (r *run) placedOn(host string) []string {
	st, err := r.status()
	if err != nil {
		return nil
	}
	var out []string
	for _, v := range st.VMs {
		if v.Host == host {
			out = append(out, v.Name)
		}
	}
	slices.Sort(out)
	return out
}

// history gathers what the run recorded for the checker: heartbeats and
// faults, every agent's audit log, every BMC's power log (and the stale
// "on" windows of a slow-off BMC in it), the VMs with their budgets and
// the hosts with their state directories (checked once their agents
// stopped).
func (r *run) history(q Quiescence) *check.History {
	beats, faults := r.rec.snapshot()
	h := &check.History{Seed: r.plan.Seed, Start: r.schedStart, End: q.End, Heartbeats: beats, Faults: faults,
		Events: agentEvents(r.ctx, r.l, r.c)}
	for _, host := range r.l.Hosts {
		h.Hosts = append(h.Hosts, check.Host{Name: host.Name, StateDir: filepath.Join(host.StateDir, "vigil")})
		if host.BMC.IPMI == nil {
			continue
		}
		recs, err := check.ParseChassisLog(host.Name, host.BMC.IPMI.ChassisLog())
		if err != nil {
			r.logf("chassis log of %s: %v", host.Name, err)
		}
		h.Power = append(h.Power, recs...)
		if r.plan.PowerDelay > 0 {
			h.Faults = append(h.Faults, staleOn(host.Name, recs, r.plan.PowerDelay)...)
		}
	}
	for i, vm := range r.vms {
		h.VMs = append(h.VMs, check.VM{Name: vm, Priority: 100 - i, RTO: agents.GuestRTO, Created: r.created,
			MemoryMiB: agents.GuestMemoryMiB, VCPUs: 1})
	}
	if tm, err := agents.Timing(); err == nil {
		h.MassFence = check.MassFence{Share: 0.5, Window: tm.MassFenceWindow}
	}
	h.Sort()
	return h
}

// staleOn are the windows in which host's BMC read "on" after accepting a
// power off: from each delayed off's request to the off itself.
func staleOn(host string, recs []check.PowerRecord, delay time.Duration) []check.Fault {
	var out []check.Fault
	for i, p := range recs {
		if p.Action != check.PowerOffRequested {
			continue
		}
		f := check.Fault{Kind: string(BMCSlowOff), Target: host, Start: p.At, End: p.At.Add(delay),
			Detail: fmt.Sprintf("the BMC reads on for %v after a power off", delay)}
		for _, q := range recs[i+1:] {
			if q.Action == check.PowerOff || q.Action == check.PowerCancelled {
				f.End = q.At
				break
			}
		}
		out = append(out, f)
	}
	return out
}

// copyDir copies the regular files of src into dst (a state directory:
// the store, the raft log and snapshots).
func copyDir(src, dst string) error {
	ents, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return err
	}
	for _, e := range ents {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o600); err != nil {
			return err
		}
	}
	return nil
}
