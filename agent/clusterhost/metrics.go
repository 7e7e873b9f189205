package clusterhost

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/metrics"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/vms"
)

// This file feeds the agent's /metrics in cluster mode: the gauges
// (metrics.ClusterSource) from what the host holds in memory, and the
// counters (metrics.Observer) from where fences, migrations and
// recoveries end. A scrape never waits on raft: the replica is read under
// its own short lock, and the leader's reports from the view it publishes
// (leadView), not under the lock the planner holds across raft commits.

// meter is what the metrics need beyond the host's own state.
type meter struct {
	obs atomic.Pointer[metrics.Observer]

	mu sync.Mutex
	// migrating: VMs this host migrates away now (its runner), and VMs
	// the leader ordered moved (its planner's events), until settled.
	sourcing map[string]bool
	ordered  map[string]bool
	// leaseFences: lease-expiry fence records already counted.
	leaseFences map[uint64]bool
	// recovering: hosts declared dead by this leader whose VMs are not
	// all running elsewhere yet.
	recovering map[string]*recovery
}

// recovery is one dead host's VMs on their way to other hosts.
type recovery struct {
	since time.Time
	// vms: the generation each had on the dead host; it runs again once
	// a newer generation runs on another host.
	vms map[string]uint64
}

func (m *meter) init() {
	m.sourcing = map[string]bool{}
	m.ordered = map[string]bool{}
	m.leaseFences = map[uint64]bool{}
	m.recovering = map[string]*recovery{}
}

// observe hands the observer, if the agent gave one, to fn.
func (m *meter) observe(fn func(metrics.Observer)) {
	if o := m.obs.Load(); o != nil {
		fn(*o)
	}
}

// ObserveMetrics implements the agent's metrics hook: fences, migrations
// and recoveries are counted in o from now on.
func (h *Host) ObserveMetrics(o metrics.Observer) { h.meter.obs.Store(&o) }

var (
	_ metrics.ClusterSource = (*Host)(nil)
	_ interface {
		ObserveMetrics(metrics.Observer)
	} = (*Host)(nil)
)

// ClusterMetrics implements metrics.ClusterSource from memory: the
// replica, this host's lease and executor report, and the leader's
// published reports.
func (h *Host) ClusterMetrics() metrics.ClusterState {
	select {
	case <-h.ready:
	default:
		return metrics.ClusterState{} // starting: no replica yet
	}
	now := time.Now()
	st := h.node.State()
	_, until, _ := h.lease.snapshot()
	v := clusterView{Self: h.name, Now: now, Hosts: st.Hosts(), VMs: st.VMs(), Leader: h.node.IsLeader(),
		LeaseValid: h.lease.Valid(now), LeaseUntil: until}
	h.exec.mu.Lock()
	v.Local = h.exec.report.Running
	v.LocalKnown = h.exec.report.Host != "" || h.exec.report.Applied > 0
	h.exec.mu.Unlock()

	remote := h.lead.view.allRunning()
	m := &h.meter
	m.mu.Lock()
	defer m.mu.Unlock()
	if v.Leader {
		v.Remote = remote
		v.Ordered = m.ordered
	}
	v.Sourcing = m.sourcing
	return clusterState(v)
}

// clusterView is what the cluster's gauges are computed from.
type clusterView struct {
	Self   string
	Now    time.Time
	Hosts  []state.Host
	VMs    []state.VM
	Leader bool
	// LeaseValid: this host's own view of its lease (it heard from a
	// quorum within the lease time). LeaseUntil: when it lapses.
	LeaseValid bool
	LeaseUntil time.Time
	// Local: the VMs running here (LocalKnown: the executor reported).
	Local      []executor.Running
	LocalKnown bool
	// Remote: other hosts' running VMs as the leader last heard.
	Remote map[string][]executor.Running
	// Sourcing and Ordered: VMs migrating away from here, ordered to
	// migrate by the leader.
	Sourcing, Ordered map[string]bool
}

// clusterState counts the view's hosts and VMs by state. A VM's state is
// the one `vigil status` shows (recovering while unplaced; running,
// starting or stopped where it is placed, as far as this host knows;
// held while the state holds it), with migrating where this host knows.
func clusterState(v clusterView) metrics.ClusterState {
	out := metrics.ClusterState{Hosts: map[string]int{}, VMs: map[string]int{}, Leader: v.Leader, Quorum: v.LeaseValid}
	if v.LeaseValid {
		out.Lease = v.LeaseUntil.Sub(v.Now)
	}
	for _, hs := range v.Hosts {
		out.Hosts[string(hs.State)]++
	}
	runs := func(list []executor.Running, vm state.VM) bool {
		for _, r := range list {
			if r.VM == vm.Spec.Name && r.Generation == vm.Generation {
				return true
			}
		}
		return false
	}
	for _, vm := range v.VMs {
		name := vm.Spec.Name
		var s string
		switch {
		case v.Sourcing[name] || v.Ordered[name] && vm.Owner != "":
			s = "migrating"
		case vm.Owner == "" && vm.Desired == state.Stopped:
			s = "stopped"
		case vm.Owner == "" && vm.Hold != nil && v.Now.Before(vm.Hold.Until):
			s = "held"
		case vm.Owner == "":
			s = "recovering"
		default:
			known, running := false, false
			if vm.Owner == v.Self && v.LocalKnown {
				known, running = true, runs(v.Local, vm)
			} else if r, ok := v.Remote[vm.Owner]; ok && vm.Owner != v.Self {
				known, running = true, runs(r, vm)
			}
			switch {
			case running || !known && vm.Desired == state.Running:
				s = "running"
			case vm.Desired == state.Stopped:
				s = "stopped"
			default:
				s = "starting"
			}
		}
		out.VMs[s]++
	}
	return out
}

// noteEvent follows the events this host records for the metrics.
// Called by record.
func (h *Host) noteEvent(ev agent.Event) {
	if h.node == nil {
		return
	}
	h.meter.note(ev, h.name, h.node.State())
}

// meterView is the part of the replica the meter reads.
type meterView interface {
	VM(name string) (state.VM, bool)
	VMsOn(host string) []state.VM
	Fences() []state.FenceRecord
}

// note takes one of this host's events: the leader's migration orders,
// lease-expiry fences (counted as the watchdog's) and dead
// hosts, whose recovery meterLoop then times.
func (m *meter) note(ev agent.Event, self string, st meterView) {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch ev.Kind {
	case "leader":
		// A new leadership: what an earlier one tracked is not known to
		// still hold.
		clear(m.ordered)
		clear(m.recovering)
	case "migrate":
		if ev.VM != "" {
			m.ordered[ev.VM] = true
		}
	case "migrated", "migrate-failed":
		delete(m.ordered, ev.VM)
	case "fence-confirmed":
		for _, f := range st.Fences() {
			if f.Target == ev.Host && f.By == self && f.Method == "lease-expiry" && f.Confirmed && !m.leaseFences[f.ID] {
				m.leaseFences[f.ID] = true
				m.observe(func(o metrics.Observer) { o.FenceDone("watchdog", "confirmed") })
			}
		}
	case "dead":
		if ev.VM != "" || ev.Host == "" {
			return
		}
		r := &recovery{since: ev.Time, vms: map[string]uint64{}}
		if r.since.IsZero() {
			r.since = time.Now()
		}
		for _, vm := range st.VMsOn(ev.Host) {
			if vm.Desired == state.Running {
				r.vms[vm.Spec.Name] = vm.Generation
			}
		}
		if len(r.vms) > 0 {
			m.recovering[ev.Host] = r
		}
	}
}

// recoveryGiveUp is how long a dead host's recovery is followed; VMs
// still not running elsewhere after it (held, no capacity) are not timed.
const recoveryGiveUp = time.Hour

// meterLoop times the recoveries of the hosts this leader declared dead,
// every leader tick, until ctx ends.
func (h *Host) meterLoop(ctx context.Context) {
	tick := time.NewTicker(h.timing.LeaderTick)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		h.meter.mu.Lock()
		pending := len(h.meter.recovering) > 0
		h.meter.mu.Unlock()
		if !pending {
			continue
		}
		if !h.node.IsLeader() {
			h.meter.mu.Lock()
			clear(h.meter.recovering)
			h.meter.mu.Unlock()
			continue
		}
		running := h.lead.view.allRunning()
		h.exec.mu.Lock()
		running[h.name] = h.exec.report.Running
		h.exec.mu.Unlock()
		now := time.Now()
		for _, d := range h.meter.recovered(now, h.node.State(), running) {
			h.meter.observe(func(o metrics.Observer) { o.Recovered(d) })
		}
	}
}

// recovered returns how long each dead host's recovery took whose last VM
// now runs on another host under a newer generation, and forgets them. A
// VM deleted or stopped meanwhile no longer counts.
func (m *meter) recovered(now time.Time, st meterView, running map[string][]executor.Running) []time.Duration {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []time.Duration
	for host, r := range m.recovering {
		for name, gen := range r.vms {
			vm, ok := st.VM(name)
			if !ok || vm.Desired != state.Running {
				delete(r.vms, name)
				continue
			}
			if vm.Owner == "" || vm.Owner == host || vm.Generation <= gen {
				continue
			}
			for _, x := range running[vm.Owner] {
				if x.VM == name && x.Generation == vm.Generation {
					delete(r.vms, name)
					break
				}
			}
		}
		switch {
		case len(r.vms) == 0:
			out = append(out, now.Sub(r.since))
			delete(m.recovering, host)
		case now.Sub(r.since) > recoveryGiveUp:
			delete(m.recovering, host)
		}
	}
	return out
}

// meteredFences is the fencing store of this host's fence manager: every
// fence record it writes is counted by driver and result.
type meteredFences struct {
	fencing.Store
	m *meter
}

// AddFence implements fencing.Store.
func (s meteredFences) AddFence(rec store.FenceRecord) (uint64, error) {
	id, err := s.Store.AddFence(rec)
	if rec.Action == string(fencing.ActionOn) {
		return id, err // powering on fences nobody
	}
	driver := rec.Level
	if n := len(rec.Attempts); n > 0 {
		a := rec.Attempts[n-1]
		driver = a.Driver
		if driver == "" {
			driver = a.Level
		}
	}
	if driver == "" {
		driver = "none" // refused before any BMC was tried
	}
	result := "failed"
	if rec.Confirmed {
		result = "confirmed"
	}
	s.m.observe(func(o metrics.Observer) { o.FenceDone(driver, result) })
	return id, err
}

// meteredRunner is this host's VM runner as its executor uses it: each
// live migration away from here is shown migrating while it runs, then
// counted with its downtime.
type meteredRunner struct {
	vms.Runner
	m *meter
}

// Migrate implements vms.Runner.
func (r meteredRunner) Migrate(ctx context.Context, id, target string, generation uint64) (qmp.Result, error) {
	r.m.mu.Lock()
	r.m.sourcing[id] = true
	r.m.mu.Unlock()
	defer func() {
		r.m.mu.Lock()
		delete(r.m.sourcing, id)
		r.m.mu.Unlock()
	}()
	res, err := r.Runner.Migrate(ctx, id, target, generation)
	result := "completed"
	switch {
	case err == nil:
	case errors.Is(err, vms.ErrUndecided):
		result = "undecided"
	case res.Status == "cancelled":
		result = "cancelled"
	default:
		result = "failed"
	}
	r.m.observe(func(o metrics.Observer) {
		o.MigrationDone(result, time.Duration(res.DowntimeMs)*time.Millisecond)
	})
	return res, err
}
