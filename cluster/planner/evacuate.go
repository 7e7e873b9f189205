package planner

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/state"
)

// evacuationTime is how long host needs to empty itself by live migration:
// its VMs' memory over the migration bandwidth, times the safety factor.
func (p *Planner) evacuationTime(host string, t *hostTrack) time.Duration {
	var mem int64
	for _, vm := range p.ownedBy(host) {
		mem += vm.Spec.MemoryMiB
	}
	bw := p.cfg.MigrationBandwidthMiBps
	if t.health.BandwidthMiBps > 0 {
		bw = t.health.BandwidthMiBps
	}
	return time.Duration(float64(mem) / bw * p.cfg.EvacuationSafety * float64(time.Second))
}

// checkHealth turns predictions into host states: evacuate (and degraded)
// when a failure is imminent or due within the evacuation time; degraded
// only for a lost redundancy with no trend; healthy again after a cooldown
// of fine health.
func (p *Planner) checkHealth(ctx context.Context, now time.Time) {
	for _, h := range p.hostsNow() {
		t := p.host(h.Name)
		if t.healthAt.IsZero() || (h.State != state.Healthy && h.State != state.Degraded) {
			continue
		}
		hl := t.health
		if h.State == state.Healthy && !hl.Imminent && hl.ETA == 0 && !hl.RedundancyLost {
			continue // the common case: nothing to decide
		}
		if hl.ETA > 0 {
			// The expected failure comes closer as time passes.
			hl.ETA = max(hl.ETA-now.Sub(t.healthAt), time.Nanosecond)
		}
		evac := p.evacuationTime(h.Name, t)
		switch {
		case hl.Imminent || hl.ETA > 0 && hl.ETA <= evac:
			why := fmt.Sprintf("%s: %s", hl.Component, hl.Reason)
			if hl.Imminent {
				why += " (imminent)"
			} else {
				why += fmt.Sprintf(" (expected failure in %v, evacuation takes %v)", hl.ETA.Round(time.Second), evac.Round(time.Second))
			}
			if h.State == state.Healthy && !p.setState(ctx, now, h.Name, state.Degraded, "predicted failure: "+why) {
				continue
			}
			if !t.evacuating {
				t.evacuating = true
				p.forget("evacuated/" + h.Name)
				p.emit(now, "evacuate", h.Name, why)
			}
		case hl.ETA > 0 || hl.RedundancyLost:
			if h.State == state.Healthy {
				why := fmt.Sprintf("%s: %s", hl.Component, hl.Reason)
				if hl.ETA > 0 {
					why += fmt.Sprintf(" (expected failure in %v, evacuation takes %v: not yet)", hl.ETA.Round(time.Second), evac.Round(time.Second))
				} else {
					why += " (redundancy lost, no trend: nothing moves)"
				}
				p.setState(ctx, now, h.Name, state.Degraded, why)
			}
		default:
			if h.State == state.Degraded && !t.draining && now.Sub(t.healthyAt) >= p.cfg.HealthCooldown {
				if p.setState(ctx, now, h.Name, state.Healthy, fmt.Sprintf("health fine since %s (cooldown %v)", stamp(t.healthyAt), p.cfg.HealthCooldown)) {
					t.evacuating = false
				}
			}
		}
	}
}

func (p *Planner) setState(ctx context.Context, now time.Time, host string, s state.HostState, why string) bool {
	if _, err := p.propose(ctx, &state.SetHostState{Host: host, State: s, Reason: why}); err != nil {
		p.emit(now, "error", host, fmt.Sprintf("set %s: %v", s, err))
		return false
	}
	p.emit(now, string(s), host, why)
	return true
}

// evacuate sends migration orders for the VMs of hosts being evacuated or
// drained, highest priority first, a few at a time.
func (p *Planner) evacuate(ctx context.Context, now time.Time) {
	var sources []string
	for _, name := range sortedKeys(p.hosts) {
		if t := p.hosts[name]; t.evacuating || t.draining {
			sources = append(sources, name)
		}
	}
	if len(sources) == 0 {
		return
	}
	vms := p.vmsNow()
	pl := p.newPlacer(now, p.hostsNow(), vms)
	for _, src := range sources {
		h, ok := p.view.Host(src)
		if !ok || !leaseHolding(h.State) {
			continue
		}
		st := p.hosts[src]
		if len(p.ownedBy(src)) == 0 {
			// The evacuation ended (the BMC log's record says so too).
			if st.draining {
				p.once(now, "drain/"+src, "drained", src, "no VMs left")
			} else {
				p.once(now, "evacuated/"+src, "evacuated", src, "no VMs left")
			}
		}
		for _, vm := range byPriority(vms) {
			if vm.Owner != src || vm.Desired != state.Running {
				continue
			}
			if len(p.migrations) >= p.cfg.MaxMigrations {
				return
			}
			name := vm.Spec.Name
			t := p.vm(name)
			if _, busy := p.migrations[name]; busy || (!t.migrated.IsZero() && now.Sub(t.migrated) < p.cfg.MigrateRetry) {
				continue
			}
			if !st.reported || !st.report.Runs(name) {
				continue // not running there: nothing to migrate live
			}
			target, w := pl.choose(vm, src)
			if target == "" {
				p.once(now, "evac/"+name, "no-capacity", name, fmt.Sprintf("cannot leave %s: %s", src, w))
				continue
			}
			p.forget("evac/" + name)
			pl.add(target, vm)
			o := executor.MigrateOrder{VM: name, Source: src, Target: target, Generation: vm.Generation, Index: p.view.Index()}
			p.migrations[name] = o
			t.migrated = now
			p.emit(now, "migrate", name, fmt.Sprintf("from %s to %s (generation %d → %d)", src, target, vm.Generation, vm.Generation+1))
			p.mover.Migrate(o)
		}
	}
}

func byPriority(vms []state.VM) []state.VM {
	out := append([]state.VM(nil), vms...)
	sortVMs(out)
	return out
}

// MigrateDone takes a source's answer to a migration order. On success the
// handover is committed: the VM's ownership moves to the target at the
// generation it runs under there.
func (p *Planner) MigrateDone(ctx context.Context, now time.Time, res executor.MigrateResult) {
	o := res.Order
	cur, ok := p.migrations[o.VM]
	if !ok || cur != o {
		if res.Err == "" {
			// An order this planner no longer tracks (its source was
			// declared dead meanwhile) succeeded: the target may run it.
			if t := p.vms[o.VM]; t != nil && t.holders != nil {
				t.holders[o.Target] = true
			}
		}
		return
	}
	delete(p.migrations, o.VM)
	if res.Err != "" {
		p.emit(now, "migrate.failed", o.VM, fmt.Sprintf("from %s to %s: %s; retried after %v", o.Source, o.Target, res.Err, p.cfg.MigrateRetry))
		return
	}
	r, err := p.propose(ctx, &state.Place{Placements: []state.Placement{{VM: o.VM, Generation: o.Generation, Owner: o.Target}}})
	if err != nil {
		// The VM runs on the target under a generation the state does
		// not give it: take it from everyone until the target releases
		// it or is fenced.
		p.emit(now, "error", o.VM, fmt.Sprintf("commit migration to %s: %v", o.Target, err))
		if vm, ok := p.view.VM(o.VM); ok {
			t := p.vm(o.VM)
			if vm.Owner != "" {
				if _, err := p.revoke(ctx, now, vm.Owner, []state.VM{vm}, "migration outcome not committed", true); err != nil {
					return
				}
			} else {
				t.unplacedAt = p.view.Index()
				if t.holders == nil {
					t.holders = map[string]bool{}
				}
			}
			t.holders[o.Target] = true
		}
		return
	}
	p.emit(now, "migrated", o.VM, fmt.Sprintf("from %s to %s at generation %d", o.Source, o.Target, r.Generations[0]))
}

// Drain moves every VM off host by live migration and keeps new ones away
// (state maintenance).
func (p *Planner) Drain(ctx context.Context, now time.Time, host string) error {
	h, ok := p.view.Host(host)
	if !ok {
		return fmt.Errorf("drain %s: %w", host, errNoHost)
	}
	if h.State != state.Maintenance {
		if _, err := p.propose(ctx, &state.SetHostState{Host: host, State: state.Maintenance, Reason: "drain"}); err != nil {
			return fmt.Errorf("drain %s: %w", host, err)
		}
	}
	p.host(host).draining = true
	p.forget("drain/" + host)
	p.emit(now, "drain", host, fmt.Sprintf("%d VM(s) to move", len(p.ownedBy(host))))
	return nil
}

// Readmit returns a host in maintenance (or a fenced host with a new boot
// id, without waiting for the stable period: a person decided) to service.
func (p *Planner) Readmit(ctx context.Context, now time.Time, host string) error {
	h, ok := p.view.Host(host)
	if !ok {
		return fmt.Errorf("readmit %s: %w", host, errNoHost)
	}
	switch h.State {
	case state.Maintenance, state.Fenced:
	default:
		return fmt.Errorf("readmit %s: it is %s, not in maintenance or fenced", host, h.State)
	}
	if h.State == state.Fenced && h.BootID == h.FencedBootID {
		return fmt.Errorf("readmit %s: it has not rebooted since it was fenced (boot id %s)", host, h.BootID)
	}
	return p.readmit(ctx, now, h, "by request")
}

var errNoHost = errors.New("no such host")

// MigrateTo orders a live migration of vm to host to, at a person's
// request: the VM must run where the state places it (its host reported
// it), to must take it by the placement rules (its state, the group's
// routes and affinity, its capacity), and no migration of it may be in
// flight. The order goes to the source as an evacuation's does.
func (p *Planner) MigrateTo(ctx context.Context, now time.Time, name, to string) error {
	vm, ok := p.view.VM(name)
	if !ok {
		return fmt.Errorf("migrate %s: %w", name, errNoVM)
	}
	src := vm.Owner
	switch {
	case src == "":
		return fmt.Errorf("migrate %s: it is placed on no host", name)
	case src == to:
		return fmt.Errorf("migrate %s: it is on %s already", name, to)
	}
	if _, busy := p.migrations[name]; busy {
		return fmt.Errorf("migrate %s: a migration of it is under way", name)
	}
	if _, ok := p.view.Host(to); !ok {
		return fmt.Errorf("migrate %s to %s: %w", name, to, errNoHost)
	}
	if h, ok := p.view.Host(src); !ok || !leaseHolding(h.State) {
		return fmt.Errorf("migrate %s: its host %s holds no lease", name, src)
	}
	if st := p.hosts[src]; st == nil || !st.reported || !st.report.Runs(name) {
		return fmt.Errorf("migrate %s: %s does not report it running", name, src)
	}
	pl := p.newPlacer(now, p.hostsNow(), p.vmsNow())
	var w why
	g := pl.group(vm.Spec.HA.Group)
	if _, ok := pl.fits(vm, src, to, g, pl.together(g, src), &w); !ok {
		return fmt.Errorf("migrate %s to %s: the host cannot take it: %s", name, to, w)
	}
	o := executor.MigrateOrder{VM: name, Source: src, Target: to, Generation: vm.Generation, Index: p.view.Index()}
	p.migrations[name] = o
	p.vm(name).migrated = now
	p.emit(now, "migrate", name, fmt.Sprintf("from %s to %s (generation %d → %d), as requested", src, to, vm.Generation, vm.Generation+1))
	p.mover.Migrate(o)
	return nil
}

var errNoVM = errors.New("no such vm")

// resolveHandovers settles migrations the hosts report as done but the
// state does not show (the leader's answer was lost, or a previous leader
// gave the order): when the target runs the VM under the generation the
// handover gives it, the handover is committed; otherwise the VM is taken
// from its owner and placed again once source and target both released it.
func (p *Planner) resolveHandovers(ctx context.Context, now time.Time) {
	// Orders with no answer for MigrateTimeout: the reports decide.
	for _, name := range sortedKeys(p.migrations) {
		if now.Sub(p.vm(name).migrated) >= p.cfg.MigrateTimeout {
			o := p.migrations[name]
			delete(p.migrations, name)
			p.emit(now, "migrate.failed", name, fmt.Sprintf("from %s to %s: no answer after %v; the hosts' reports decide", o.Source, o.Target, p.cfg.MigrateTimeout))
		}
	}
	// A target that runs a VM under the generation right above the
	// state's, which its owner gave it by migrating: commit the handover
	// at once, so that nothing (a source that rebooted, a leader that
	// lost track) can start the older generation again.
	byName := p.vmIndex()
	for _, dst := range sortedKeys(p.hosts) {
		tt := p.hosts[dst]
		if !tt.reported {
			continue
		}
		th, ok := p.view.Host(dst)
		if !ok || th.State != state.Healthy && th.State != state.Degraded {
			continue
		}
		for _, r := range tt.report.Running {
			vm, ok := byName[r.VM]
			if !ok || vm.Owner == "" || vm.Owner == dst || r.Generation != vm.Generation+1 {
				continue
			}
			if o, busy := p.migrations[r.VM]; busy && (o.Target != dst || o.Generation != vm.Generation) {
				continue
			}
			res, err := p.propose(ctx, &state.Place{Placements: []state.Placement{{VM: r.VM, Generation: vm.Generation, Owner: dst}}})
			if err != nil {
				p.emit(now, "error", r.VM, fmt.Sprintf("commit the handover %s reports: %v", dst, err))
				return
			}
			delete(p.migrations, r.VM)
			p.emit(now, "migrated", r.VM, fmt.Sprintf("from %s to %s at generation %d (reported by the target)", vm.Owner, dst, res.Generations[0]))
			byName = p.vmIndex()
		}
	}
	for _, src := range sortedKeys(p.hosts) {
		st := p.hosts[src]
		if !st.reported {
			continue
		}
		for _, rel := range st.report.Released {
			if _, busy := p.migrations[rel.VM]; busy {
				continue
			}
			vm, ok := p.view.VM(rel.VM)
			if !ok || vm.Owner != src || vm.Generation != rel.Generation {
				continue
			}
			tt := p.hosts[rel.Target]
			if th, ok := p.view.Host(rel.Target); ok && th.State == state.Healthy && tt != nil && tt.reported && runsAt(tt.report, rel.VM, rel.Generation+1) {
				r, err := p.propose(ctx, &state.Place{Placements: []state.Placement{{VM: rel.VM, Generation: rel.Generation, Owner: rel.Target}}})
				if err != nil {
					p.emit(now, "error", rel.VM, fmt.Sprintf("commit reported migration to %s: %v", rel.Target, err))
					return
				}
				p.emit(now, "migrated", rel.VM, fmt.Sprintf("from %s to %s at generation %d (handover reported by the source)", src, rel.Target, r.Generations[0]))
				continue
			}
			if _, err := p.revoke(ctx, now, src, []state.VM{vm}, fmt.Sprintf("%s reports it migrated to %s, which does not run it", src, rel.Target), true); err != nil {
				return
			}
			p.vm(rel.VM).holders[rel.Target] = true
		}
	}
}

// runsAt reports whether a host's report lists vm running at generation g.
func runsAt(rep executor.Report, vm string, g uint64) bool {
	for _, r := range rep.Running {
		if r.VM == vm {
			return r.Generation == g
		}
	}
	return false
}
