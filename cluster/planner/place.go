package planner

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/internal/seeded"
	"github.com/vigil-ha/vigil/cluster/state"
)

// usage is the memory and vCPUs placed on a host.
type usage struct {
	mem   int64
	vcpus int
}

// placer holds one round of placement: what each host carries, and where
// each group's VMs are.
type placer struct {
	p       *Planner
	now     time.Time
	hosts   map[string]state.Host
	order   []string // host names, sorted
	used    map[string]usage
	groupOn map[string]map[string]int // group → host → VMs
	groups  map[string]*state.GroupPolicy
}

func (p *Planner) newPlacer(now time.Time, hosts []state.Host, vms []state.VM) *placer {
	pl := &placer{p: p, now: now, hosts: make(map[string]state.Host, len(hosts)), used: make(map[string]usage, len(hosts)),
		groupOn: map[string]map[string]int{}, groups: map[string]*state.GroupPolicy{}}
	for _, h := range hosts {
		pl.hosts[h.Name] = h
		pl.order = append(pl.order, h.Name)
	}
	for _, vm := range vms {
		if vm.Owner != "" {
			pl.add(vm.Owner, vm)
		}
	}
	// Migrations in flight already take room on their targets.
	for _, name := range sortedKeys(p.migrations) {
		if vm, ok := p.view.VM(name); ok {
			pl.add(p.migrations[name].Target, vm)
		}
	}
	return pl
}

func (pl *placer) add(host string, vm state.VM) {
	u := pl.used[host]
	u.mem += vm.Spec.MemoryMiB
	u.vcpus += vm.Spec.VCPUs
	pl.used[host] = u
	if g := vm.Spec.HA.Group; g != "" {
		m := pl.groupOn[g]
		if m == nil {
			m = map[string]int{}
			pl.groupOn[g] = m
		}
		m[host]++
	}
}

func (pl *placer) group(name string) *state.GroupPolicy {
	if name == "" {
		return nil
	}
	if g, ok := pl.groups[name]; ok {
		return g
	}
	var gp *state.GroupPolicy
	if g, ok := pl.p.view.Group(name); ok {
		gp = &g
	}
	pl.groups[name] = gp
	return gp
}

// routeAllowed reports whether the group's routes let a VM move from → to.
// A VM with no previous host (a new one) may go anywhere.
func routeAllowed(g *state.GroupPolicy, from, to string) bool {
	if g == nil || len(g.Routes) == 0 || from == "" {
		return true
	}
	for _, r := range g.Routes {
		if (r.From == "*" || r.From == from) && (r.To == "*" || r.To == to) {
			return true
		}
	}
	return false
}

// eligible reports whether host may take a new VM now: healthy in the
// state, and alive by the leader's lease deadline and by its own report.
func (pl *placer) eligible(name string) bool {
	h := pl.hosts[name]
	if h.State != state.Healthy || h.Capacity.MemoryMiB == 0 {
		return false
	}
	t := pl.p.hosts[name]
	if t == nil || !t.reported || !t.report.LeaseValid || !pl.now.Before(t.deadline) {
		return false
	}
	if t.observed && t.obs.Member != MemberAlive {
		return false
	}
	return pl.now.Sub(t.heard) <= pl.p.cfg.Lease.RenewInterval+pl.p.cfg.Lease.MaxRenewalRTT
}

// why names the constraints that ruled hosts out, for events.
type why struct{ route, affinity, apart, capacity, state, failed int }

func (w why) String() string {
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{w.state, "not healthy or not renewing"}, {w.failed, "failed to start it lately"}, {w.route, "route not allowed"}, {w.affinity, "affinity elsewhere"}, {w.apart, "anti-affinity"}, {w.capacity, "no room"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	if len(parts) == 0 {
		return "no hosts"
	}
	return strings.Join(parts, ", ")
}

// choose picks the host for vm moving from `from` (excluded), or "" and
// why not. Among the hosts that fit, the one with the most free memory
// (then vCPUs, then name) wins, spreading load.
func (pl *placer) choose(vm state.VM, from string) (string, why) {
	var w why
	g := pl.group(vm.Spec.HA.Group)
	together := pl.together(g, from)
	best := ""
	var bestFree usage
	for _, name := range pl.order {
		if name == from {
			continue
		}
		free, ok := pl.fits(vm, from, name, g, together, &w)
		if !ok {
			continue
		}
		if best == "" || free.mem > bestFree.mem || free.mem == bestFree.mem && free.vcpus > bestFree.vcpus {
			best, bestFree = name, free
		}
	}
	return best, w
}

// together is the host where most of an affinity group's VMs are (not
// from), "" when the group has no affinity or no VM placed.
func (pl *placer) together(g *state.GroupPolicy, from string) string {
	together := ""
	if g != nil && g.Affinity == state.Together {
		best := 0
		for _, name := range pl.order {
			if n := pl.groupOn[g.Name][name]; n > best && name != from {
				together, best = name, n
			}
		}
	}
	return together
}

// fits reports whether host name may take vm coming from host from (its
// state, the group's routes and affinity, its capacity) and what it would
// have left; a refusal is counted in w.
func (pl *placer) fits(vm state.VM, from, name string, g *state.GroupPolicy, together string, w *why) (usage, bool) {
	if !pl.eligible(name) {
		w.state++
		return usage{}, false
	}
	if t := pl.p.vms[vm.Spec.Name]; t != nil && pl.now.Before(t.avoid[name]) {
		w.failed++
		return usage{}, false
	}
	if !routeAllowed(g, from, name) {
		w.route++
		return usage{}, false
	}
	if together != "" && name != together {
		w.affinity++
		return usage{}, false
	}
	if g != nil && g.Affinity == state.Apart && pl.groupOn[g.Name][name] > 0 {
		w.apart++
		return usage{}, false
	}
	c, u := pl.hosts[name].Capacity, pl.used[name]
	free := usage{mem: c.MemoryMiB - u.mem - vm.Spec.MemoryMiB, vcpus: c.VCPUs - u.vcpus - vm.Spec.VCPUs}
	if free.mem < 0 || free.vcpus < 0 {
		w.capacity++
		return usage{}, false
	}
	return free, true
}

// admissionOK reports whether the cluster, carrying extra more, keeps room
// for the admission control's number of host failures: what runs must fit
// on the hosts left after losing the largest ones.
func (pl *placer) admissionOK(extra usage) (bool, string) {
	n := pl.p.view.Admission().HostFailures
	if n == 0 {
		return true, ""
	}
	var caps []state.Capacity
	var total, used usage
	for _, name := range pl.order {
		h := pl.hosts[name]
		if h.State != state.Healthy && h.State != state.Degraded {
			continue
		}
		caps = append(caps, h.Capacity)
		total.mem += h.Capacity.MemoryMiB
		total.vcpus += h.Capacity.VCPUs
	}
	for _, u := range pl.used {
		used.mem += u.mem
		used.vcpus += u.vcpus
	}
	used.mem += extra.mem
	used.vcpus += extra.vcpus
	slices.SortFunc(caps, func(a, b state.Capacity) int { return cmp.Compare(b.MemoryMiB, a.MemoryMiB) })
	left := total
	for i := 0; i < n && i < len(caps); i++ {
		left.mem -= caps[i].MemoryMiB
		left.vcpus -= caps[i].VCPUs
	}
	if used.mem > left.mem || used.vcpus > left.vcpus {
		return false, fmt.Sprintf("with %d host failure(s) kept in reserve, %d MiB and %d vCPUs would need to fit in %d MiB and %d vCPUs", n, used.mem, used.vcpus, left.mem, left.vcpus)
	}
	return true, ""
}

// Admit checks a VM about to be created against admission control:
// refusing it keeps room for the configured number of host failures.
func (p *Planner) Admit(now time.Time, spec state.VMSpec) error {
	pl := p.newPlacer(now, p.hostsNow(), p.vmsNow())
	if ok, why := pl.admissionOK(usage{mem: spec.MemoryMiB, vcpus: spec.VCPUs}); !ok {
		return fmt.Errorf("%w: vm %s: %s", ErrAdmission, spec.Name, why)
	}
	return nil
}

// ErrAdmission: a VM would break admission control.
var ErrAdmission = errors.New("admission control")

// released reports whether every host that may still run the VM has
// acknowledged its release or is fenced or gone.
func (p *Planner) released(now time.Time, name string, t *vmTrack) bool {
	for _, h := range sortedKeys(t.holders) {
		hs, ok := p.view.Host(h)
		if !ok || hs.State == state.Fenced || hs.State == state.Left {
			delete(t.holders, h)
			continue
		}
		if ht := p.hosts[h]; ht != nil && ht.reported && ht.report.Applied >= t.unplacedAt && !ht.report.Runs(name) {
			delete(t.holders, h)
		}
	}
	if len(t.holders) == 0 || seeded.On(seeded.ReleaseOnRevokeWithoutAck) {
		p.forget("release/" + name)
		return true
	}
	p.once(now, "release/"+name, "release.wait", name, fmt.Sprintf("waiting for %s to release it (a replica at index %d or later without it running) or be fenced", strings.Join(sortedKeys(t.holders), ", "), t.unplacedAt))
	return false
}

// place places every VM that should run and has no owner, highest priority
// first, then tightest RTO, in one compare-and-set.
func (p *Planner) place(ctx context.Context, now time.Time) {
	if now.Sub(p.startedAt) < 2*p.cfg.Lease.RenewInterval+p.cfg.Lease.MaxRenewalRTT {
		return // a new leader first hears every live host renew
	}
	vms := p.vmsNow()
	var todo []state.VM
	for _, vm := range vms {
		if vm.Owner != "" || vm.Desired != state.Running {
			continue
		}
		if _, moving := p.migrations[vm.Spec.Name]; moving {
			continue
		}
		t := p.vm(vm.Spec.Name)
		if now.Before(t.held) {
			continue
		}
		if !p.released(now, vm.Spec.Name, t) || t.prev != "" && seeded.On(seeded.ForgetRevokedVMs) {
			continue
		}
		todo = append(todo, vm)
	}
	if len(todo) == 0 {
		return
	}
	sortVMs(todo)
	pl := p.newPlacer(now, p.hostsNow(), vms)
	var batch []state.Placement
	var targets []string
	for _, vm := range todo {
		t := p.vm(vm.Spec.Name)
		if vm.Generation == 0 {
			if ok, why := pl.admissionOK(usage{mem: vm.Spec.MemoryMiB, vcpus: vm.Spec.VCPUs}); !ok {
				p.once(now, "place/"+vm.Spec.Name, "admission", vm.Spec.Name, "not placed: "+why)
				continue
			}
		}
		host, w := pl.choose(vm, t.prev)
		if host == "" && t.prev != "" {
			// Back where it was, if nowhere else will take it.
			host, w = pl.choose(vm, "")
		}
		if host == "" {
			p.once(now, "place/"+vm.Spec.Name, "no-capacity", vm.Spec.Name, "no host can take it: "+w.String())
			continue
		}
		pl.add(host, vm)
		batch = append(batch, state.Placement{VM: vm.Spec.Name, Generation: vm.Generation, Owner: host})
		targets = append(targets, host)
	}
	if len(batch) == 0 {
		return
	}
	res, err := p.propose(ctx, &state.Place{Placements: batch})
	if err != nil {
		p.emit(now, "error", "place", fmt.Sprintf("place %d vm(s): %v", len(batch), err))
		return
	}
	for i, b := range batch {
		t := p.vm(b.VM)
		p.forget("place/" + b.VM)
		msg := fmt.Sprintf("on %s at generation %d", targets[i], res.Generations[i])
		if t.prev != "" {
			msg += fmt.Sprintf(" (from %s, down %v)", t.prev, now.Sub(t.downAt).Round(time.Millisecond))
		}
		p.emit(now, "placed", b.VM, msg)
		t.prev, t.holders = "", nil
		if t.rec != nil {
			t.rec.target, t.rec.generation = targets[i], res.Generations[i]
		}
	}
}

// startFailed counts a failed start. StartFailures on one host in the
// window take the VM from that host and keep it off there for HoldFor: a
// fault of the host's own (its state disk full, its QEMU broken) must not
// keep the VM down while other hosts could run it. Only when the VM has
// also failed that often on another host, or no other host could take
// it, is it held cluster-wide: then it is the VM that keeps failing.
func (p *Planner) startFailed(ctx context.Context, now time.Time, host string, f executor.StartFailure) {
	t := p.vm(f.VM)
	cut := now.Add(-p.cfg.StartWindow)
	if t.failures == nil {
		t.failures = map[string][]time.Time{}
	}
	t.failures[host] = append(slices.DeleteFunc(t.failures[host], func(at time.Time) bool { return at.Before(cut) }), now)
	if len(t.failures[host]) < p.cfg.StartFailures {
		return
	}
	vm, ok := p.view.VM(f.VM)
	if !ok || vm.Owner != host {
		return
	}
	n := len(t.failures[host])
	if t.avoid == nil {
		t.avoid = map[string]time.Time{}
	}
	t.avoid[host] = now.Add(p.cfg.HoldFor)
	delete(t.failures, host)
	var failedOn []string
	for _, h := range sortedKeys(t.avoid) {
		if now.Before(t.avoid[h]) {
			failedOn = append(failedOn, h)
		}
	}
	if len(failedOn) < 2 && p.elsewhere(now, vm, failedOn) {
		why := fmt.Sprintf("failed to start %d times within %v on %s (last: %s); kept off %s until %s", n, p.cfg.StartWindow, host, f.Err, host, stamp(t.avoid[host]))
		if _, err := p.revoke(ctx, now, host, []state.VM{vm}, why, true); err != nil {
			return
		}
		if p.cfg.Events != nil {
			p.cfg.Events(Event{Time: now, Kind: "avoided", Subject: f.VM, Message: why,
				Evidence: map[string]any{"failed_host": host, "until": t.avoid[host], "last_error": f.Err,
					"start_failures": p.cfg.StartFailures, "window_seconds": p.cfg.StartWindow.Seconds()}})
		}
		return
	}
	why := fmt.Sprintf("failed to start %d times within %v on %s (last: %s)", n, p.cfg.StartWindow, strings.Join(failedOn, " and "), f.Err)
	res, err := p.revoke(ctx, now, host, []state.VM{vm}, "held: "+why, true)
	if err != nil {
		return
	}
	t.held, t.heldWhy, t.failures, t.avoid = now.Add(p.cfg.HoldFor), why, nil, nil
	t.rec = nil // not a recovery any more: the hold says why
	// In the state, so that every host shows it held and a new leader
	// keeps the hold; the hold stands here even if this fails.
	hold := state.Hold{Reason: clip(why, maxHoldReason), Host: host, Since: now, Until: t.held}
	if _, err := p.propose(ctx, &state.HoldVM{VM: f.VM, Generation: res.Generations[0], Hold: hold}); err != nil {
		p.emit(now, "error", f.VM, fmt.Sprintf("record hold: %v", err))
	}
	if p.cfg.Events != nil {
		p.cfg.Events(Event{Time: now, Kind: "held", Subject: f.VM, Message: fmt.Sprintf("%s; held until %s", why, stamp(t.held)),
			Evidence: map[string]any{"failed_host": host, "reason": why, "until": t.held, "last_error": f.Err,
				"start_failures": p.cfg.StartFailures, "window_seconds": p.cfg.StartWindow.Seconds()}})
	}
}

// elsewhere reports whether a healthy host other than those in failed
// has room for vm and a route to it. Whether it renews right now is left
// out: a host late by one renewal still counts.
func (p *Planner) elsewhere(now time.Time, vm state.VM, failed []string) bool {
	pl := p.newPlacer(now, p.hostsNow(), p.vmsNow())
	g := pl.group(vm.Spec.HA.Group)
	for _, name := range pl.order {
		h := pl.hosts[name]
		if slices.Contains(failed, name) || name == vm.Owner || h.State != state.Healthy || !routeAllowed(g, vm.Owner, name) {
			continue
		}
		u := pl.used[name]
		if h.Capacity.MemoryMiB-u.mem >= vm.Spec.MemoryMiB && h.Capacity.VCPUs-u.vcpus >= vm.Spec.VCPUs {
			return true
		}
	}
	return false
}

// maxHoldReason is how much of a hold's reason goes into the state (a
// start error may carry QEMU's whole log); the held event keeps it all.
const maxHoldReason = 512

// clip shortens s to at most n bytes, marking the cut, on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// sortVMs orders VMs highest priority first, then tightest RTO budget,
// then by name.
func sortVMs(vms []state.VM) {
	slices.SortFunc(vms, func(a, b state.VM) int {
		if c := cmp.Compare(b.Spec.HA.Priority, a.Spec.HA.Priority); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Spec.HA.RTO, b.Spec.HA.RTO); c != 0 {
			return c
		}
		return cmp.Compare(a.Spec.Name, b.Spec.Name)
	})
}
