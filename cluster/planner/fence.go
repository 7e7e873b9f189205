package planner

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/vigil-ha/vigil/cluster/internal/seeded"
	"github.com/vigil-ha/vigil/cluster/membership"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/cluster/verdict"
)

// Tick runs the leader's timers at now: hosts whose deadline passed or that
// memberlist and the second opinion agree are dead are fenced, fences are
// driven and confirmed, fenced hosts readmitted, VMs without an owner
// placed, predicted failures evacuated. Every expiry becomes a command.
func (p *Planner) Tick(ctx context.Context, now time.Time) {
	if !p.started {
		p.Start(now)
	}
	hosts := p.hostsNow()
	for _, h := range hosts {
		t := p.host(h.Name)
		if t.deadline.IsZero() {
			// Registered after Start: its timers run from now, as they
			// did for every host at Start. A zero deadline would have
			// passed already.
			t.deadline = now.Add(p.cfg.Lease.TTL)
			t.aliveSince, t.healthyAt = now, now
		}
		switch h.State {
		case state.Healthy, state.Degraded, state.Suspect, state.Maintenance:
			if h.Name == p.cfg.Self {
				// The leader runs this planner: its host is not lost.
				// A lapse of its own lease (renewals whose commits
				// stall) stops its VMs through its executor, and they
				// run again when it renews; a leader cut off from the
				// majority loses leadership and the next one judges
				// it. It could never fence itself anyway.
				break
			}
			p.checkLost(ctx, now, h, t)
		case state.Fencing:
			p.driveFence(ctx, now, h, t)
		case state.Fenced:
			p.checkReadmit(ctx, now, h, t)
		}
	}
	p.checkHealth(ctx, now)
	p.resolveHandovers(ctx, now)
	p.place(ctx, now)
	p.evacuate(ctx, now)
}

// lostReason says why host h is to be treated as dead, or "": the
// verdict (cluster/verdict) on the leader's membership view of it, its
// BMC and heartbeat, and the lease deadline this planner holds.
func (p *Planner) lostReason(now time.Time, h state.Host, t *hostTrack) string {
	if now.Before(t.deadline) && !t.invalidSince.IsZero() && now.Sub(t.invalidSince) >= p.cfg.Lease.TTL && len(p.ownedBy(h.Name)) > 0 {
		// It renews, but our answers reach it too late to count: it
		// cannot run its VMs, and nothing else will while it owns them.
		return fmt.Sprintf("its own lease has been invalid since %s though it renews: answers reach it too late", stamp(t.invalidSince))
	}
	if !t.readmitted.IsZero() && !t.renewed.After(t.readmitted) && now.Before(t.deadline) && len(p.ownedBy(h.Name)) == 0 {
		// Readmitted, and not renewed since: what memberlist, the BMC
		// and the heartbeat said may predate its new boot. It owns
		// nothing, so waiting costs nothing: like a new leader's, its
		// deadline gets a full TTL, and fences it if it stays silent.
		return ""
	}
	v := p.judge(now, h, t)
	switch v.Outcome {
	case verdict.Fence, verdict.Dead, verdict.SelfFenced:
		p.forget("alive/" + h.Name)
		return v.Reason
	case verdict.Isolated, verdict.Wait:
		p.onceTagged(now, "alive/"+h.Name, string(v.Code)+stamp(t.deadline), v.Outcome.String(), h.Name, fmt.Sprintf("%s (lease deadline %s)", v.Reason, stamp(t.deadline)))
	case verdict.Alive:
		if v.Code == verdict.CodeLeaseRenewed {
			p.onceTagged(now, "alive/"+h.Name, string(v.Code), "alive", h.Name, v.Reason)
			break
		}
		p.forget("alive/" + h.Name)
	default:
		p.forget("alive/" + h.Name)
	}
	return ""
}

// judge is the second opinion on host h at now (cluster/verdict), with the
// lease as this planner holds it: its deadline, its last renewal, and the
// replicated host record's watchdog.
func (p *Planner) judge(now time.Time, h state.Host, t *hostTrack) verdict.Verdict {
	e := verdict.Evidence{
		Host: h.Name, Now: now,
		Suspicion: verdict.Suspicion{State: membership.Alive, Since: p.startedAt},
		BMCErr:    verdict.ErrNoSource, HeartbeatErr: verdict.ErrNoSource,
		Lease: verdict.Lease{Renewed: t.renewed, Expires: t.deadline, WatchdogArmed: h.WatchdogArmed},
	}
	if !t.readmitted.IsZero() && !t.renewed.After(t.readmitted) && t.heard.After(e.Lease.Renewed) {
		// Readmitted (from fenced or maintenance, where its requests were
		// refused) and not renewed since: its lease requests count as
		// contact, since a host reset while cut off rejoins the gossip
		// only some time after it reaches the leader again. Its lease
		// deadline, re-armed at the readmission, still finds it if it
		// goes silent.
		e.Lease.Renewed = t.heard
	}
	if o := t.obs; t.observed {
		e.Suspicion = verdict.Suspicion{State: o.Member.state(), Since: o.Since}
		if o.BMCErr != nil || o.BMC.Power != "" {
			e.BMC, e.BMCErr = o.BMC, o.BMCErr
		}
		if o.HeartbeatErr != nil || !o.Heartbeat.FirstSeen.IsZero() {
			e.Heartbeat, e.HeartbeatErr = o.Heartbeat, o.HeartbeatErr
		}
	}
	return verdict.Decide(e, verdict.Rules{HeartbeatStale: p.cfg.HeartbeatStale, SelfFenceMargin: p.cfg.SelfFenceMargin})
}

func stamp(t time.Time) string { return t.UTC().Format("15:04:05.000") }

// checkLost starts the dead-host path for a lease-holding host that is
// lost.
func (p *Planner) checkLost(ctx context.Context, now time.Time, h state.Host, t *hostTrack) {
	if seeded.On(seeded.TrustMemberlistDead) && t.observed && t.obs.Member == MemberDead {
		// Seeded bug: memberlist's word taken as proof of death.
		if vms := p.ownedBy(h.Name); len(vms) > 0 {
			if _, err := p.revoke(ctx, now, h.Name, vms, "memberlist says dead", false); err == nil {
				p.emit(now, "dead", h.Name, "memberlist says dead")
			}
		}
		return
	}
	reason := p.lostReason(now, h, t)
	if reason == "" {
		return
	}
	if !p.massGuard(now, h.Name) {
		return
	}
	p.emit(now, "dead", h.Name, reason)
	if vms := p.ownedBy(h.Name); len(vms) > 0 {
		if _, err := p.revoke(ctx, now, h.Name, vms, "host dead: "+reason, true); err != nil {
			return
		}
		p.recoveriesFrom(now, h.Name, t, vms)
	}
	if _, err := p.propose(ctx, &state.SetHostState{Host: h.Name, State: state.Fencing, Reason: reason}); err != nil {
		p.emit(now, "error", h.Name, fmt.Sprintf("set fencing: %v", err))
		return
	}
	t.fenceID, t.fenceInFlight, t.fenceFailures, t.fenceNext = 0, false, 0, now
	h.State = state.Fencing
	p.driveFence(ctx, now, h, t)
}

// ownedBy lists the VMs the state places on host, with their generations.
func (p *Planner) ownedBy(host string) []state.VM {
	var out []state.VM
	for _, vm := range p.vmsNow() {
		if vm.Owner == host {
			out = append(out, vm)
		}
	}
	return out
}

// revoke takes the VMs' ownership away from host in one compare-and-set.
// With wait, the VMs are placed again only once host acknowledged the
// release or was fenced; in-flight migrations add their targets.
func (p *Planner) revoke(ctx context.Context, now time.Time, host string, vms []state.VM, why string, wait bool) (state.Result, error) {
	pl := make([]state.Placement, len(vms))
	for i, vm := range vms {
		pl[i] = state.Placement{VM: vm.Spec.Name, Generation: vm.Generation}
	}
	res, err := p.propose(ctx, &state.Place{Placements: pl})
	if err != nil {
		p.emit(now, "error", host, fmt.Sprintf("revoke %d vm(s): %v", len(vms), err))
		return res, err
	}
	for i, vm := range vms {
		t := p.vm(vm.Spec.Name)
		t.unplacedAt, t.prev, t.downAt = res.Index, host, now
		t.holders = map[string]bool{}
		if wait || !seeded.On(seeded.TrustMemberlistDead) {
			t.holders[host] = true
		}
		if o, ok := p.migrations[vm.Spec.Name]; ok {
			t.holders[o.Target] = true
			delete(p.migrations, vm.Spec.Name)
		}
		p.emit(now, "revoke", vm.Spec.Name, fmt.Sprintf("taken from %s at generation %d (now %d): %s", host, vm.Generation, res.Generations[i], why))
	}
	return res, nil
}

// massGuard reports whether fencing target keeps within the share of the
// cluster that may be fenced in the window (DESIGN.md, invariant 6).
func (p *Planner) massGuard(now time.Time, target string) bool {
	if seeded.On(seeded.FenceWithoutMassGuard) {
		return true
	}
	hosts := p.hostsNow()
	fenced := map[string]bool{target: true}
	for _, h := range hosts {
		if h.State == state.Fencing {
			fenced[h.Name] = true
		}
	}
	since := now.Add(-p.cfg.MassFenceWindow)
	for _, f := range p.view.Fences() {
		if f.Started.After(since) {
			fenced[f.Target] = true
		}
	}
	limit := max(1, int(math.Floor(p.cfg.MassFenceShare*float64(len(hosts)))))
	if len(fenced) > limit {
		p.once(now, "guard/"+target, "mass-fence-guard", target, fmt.Sprintf("not fencing: it would be host %d of %d within %v (limit %d); many hosts lost at once means the network failed", len(fenced), len(hosts), p.cfg.MassFenceWindow, limit))
		return false
	}
	p.forget("guard/" + target)
	return true
}

// fenceMethod is the fence record method of a host's first BMC, or "".
func fenceMethod(h state.Host) string {
	if len(h.BMC) == 0 {
		return ""
	}
	return h.BMC[0].Kind
}

// driveFence moves a host in state Fencing toward Fenced: a BMC fence in
// flight or retried, or, with an armed watchdog, the lease deadline plus
// margin.
func (p *Planner) driveFence(ctx context.Context, now time.Time, h state.Host, t *hostTrack) {
	if t.fenceID == 0 {
		// A fence this planner did not open (a previous leader's), or
		// one not opened yet.
		for _, f := range p.view.Fences() {
			if f.Target == h.Name && !f.Confirmed && f.Method != "lease-expiry" {
				t.fenceID = f.ID
			}
		}
	}
	// Back with a new boot id: the incarnation being fenced is gone (a
	// boot id changes only when the host boots, which ends every process
	// of the old one, its VMs included). Without this a host that
	// rebooted and came to lead would try to fence itself through its own
	// BMC for ever.
	for _, f := range p.view.Fences() {
		if f.ID == t.fenceID && !f.Confirmed && f.TargetBootID != "" && h.BootID != "" && h.BootID != f.TargetBootID {
			p.confirm(ctx, now, h.Name, t, f.ID, fmt.Sprintf("it came back with a new boot id %s (fenced as %s): the fenced incarnation is gone", h.BootID, f.TargetBootID))
			return
		}
	}
	method := fenceMethod(h)
	if t.fenceInFlight && now.Sub(t.fenceSentAt) >= p.cfg.FenceTimeout {
		t.fenceInFlight = false
		t.fenceFailures++
		t.fenceDetail = fmt.Sprintf("no outcome after %v", p.cfg.FenceTimeout)
		p.emit(now, "fence.failed", h.Name, fmt.Sprintf("fence %d: %s", t.fenceID, t.fenceDetail))
	}
	if method != "" && t.fenceID == 0 {
		res, err := p.propose(ctx, &state.OpenFence{Target: h.Name, By: p.cfg.Self, Method: method, Evidence: h.Reason, Started: now})
		if err != nil {
			p.emit(now, "error", h.Name, fmt.Sprintf("open fence: %v", err))
			return
		}
		t.fenceID, t.fenceNext = res.FenceID, now
	}
	if method != "" && !t.fenceInFlight && !now.Before(t.fenceNext) {
		if err := p.prop.VerifyLeader(ctx); err != nil && !seeded.On(seeded.FenceWithoutVerifyLeader) {
			p.emit(now, "error", h.Name, fmt.Sprintf("not fencing: %v", err))
			return
		}
		t.fenceInFlight, t.fenceSentAt = true, now
		p.emit(now, "fence", h.Name, fmt.Sprintf("power off through %s (fence %d, attempt %d)", method, t.fenceID, t.fenceFailures+1))
		p.fencer.Fence(h.Name, t.fenceID)
	}
	selfFenceAt := t.deadline.Add(p.cfg.SelfFenceMargin)
	switch {
	case h.WatchdogArmed && !now.Before(selfFenceAt):
		p.confirmByLease(ctx, now, h, t)
	case h.WatchdogArmed:
		if t.fenceFailures > 0 {
			p.once(now, "fence/"+h.Name, "fence.wait", h.Name, fmt.Sprintf("BMC fence not confirmed (%s); watchdog armed: presumed self-fenced at %s (lease deadline + %v)", t.fenceDetail, stamp(selfFenceAt), p.cfg.SelfFenceMargin))
		}
	case method == "":
		p.once(now, "fence/"+h.Name, "fence.wait", h.Name, "no BMC and no watchdog: never presumed off; its VMs wait for a person to fence it")
	case t.fenceFailures > 0:
		p.once(now, "fence/"+h.Name, "fence.wait", h.Name, fmt.Sprintf("BMC fence not confirmed (%s) and the watchdog is none: never presumed self-fenced; its VMs wait for a confirmed BMC fence", t.fenceDetail))
	}
}

// confirmByLease records a fence by lease expiry: the host's watchdog is
// armed and its lease deadline plus margin passed, so it has stopped its
// VMs or been reset.
func (p *Planner) confirmByLease(ctx context.Context, now time.Time, h state.Host, t *hostTrack) {
	ev := fmt.Sprintf("watchdog armed; lease deadline %s + margin %v passed", stamp(t.deadline), p.cfg.SelfFenceMargin)
	res, err := p.propose(ctx, &state.OpenFence{Target: h.Name, By: p.cfg.Self, Method: "lease-expiry", Evidence: ev, Started: now})
	if err != nil {
		p.emit(now, "error", h.Name, fmt.Sprintf("open lease-expiry fence: %v", err))
		return
	}
	if t.fenceInFlight && t.fenceID != 0 {
		// The BMC fence still running must not power the host off
		// later, when it may be back and readmitted.
		p.fencer.Cancel(h.Name, t.fenceID)
		p.emit(now, "fence.cancelled", h.Name, fmt.Sprintf("fence %d through the BMC abandoned: confirmed by the self-fence deadline", t.fenceID))
	}
	p.confirm(ctx, now, h.Name, t, res.FenceID, "self-fence deadline passed: "+ev)
}

func (p *Planner) confirm(ctx context.Context, now time.Time, host string, t *hostTrack, id uint64, how string) {
	if _, err := p.propose(ctx, &state.ConfirmFence{ID: id, At: now, Confirmation: how}); err != nil {
		p.emit(now, "error", host, fmt.Sprintf("confirm fence %d: %v", id, err))
		return
	}
	t.fenceID, t.fenceInFlight = 0, false
	p.forget("fence/" + host)
	p.emit(now, "fence.confirmed", host, fmt.Sprintf("fence %d: %s", id, how))
	for _, vt := range p.vms {
		delete(vt.holders, host)
	}
}

// FenceSent tells the planner that the BMC accepted the power-off command
// of fence id. Nothing follows from it: only the power read back off
// confirms a fence.
func (p *Planner) FenceSent(ctx context.Context, now time.Time, target string, id uint64) {
	if !seeded.On(seeded.SkipFenceConfirmation) {
		return
	}
	// Seeded bug: an accepted command taken as a confirmed fence.
	t := p.host(target)
	if h, ok := p.view.Host(target); ok && h.State == state.Fencing && t.fenceID == id {
		p.confirm(ctx, now, target, t, id, "power off command accepted")
	}
}

// FenceDone takes the outcome of a Fencer.Fence.
func (p *Planner) FenceDone(ctx context.Context, now time.Time, out FenceOutcome) {
	t := p.host(out.Target)
	if out.FenceID != t.fenceID {
		return // a fence this planner no longer waits for
	}
	t.fenceInFlight = false
	h, ok := p.view.Host(out.Target)
	if !ok || h.State != state.Fencing {
		return
	}
	if out.Confirmed {
		p.confirm(ctx, now, out.Target, t, out.FenceID, "power read back off: "+out.Detail)
		return
	}
	t.fenceFailures++
	t.fenceDetail = out.Detail
	wait := min(p.cfg.FenceRetry<<min(t.fenceFailures-1, 3), 8*p.cfg.FenceRetry)
	t.fenceNext = now.Add(wait)
	p.emit(now, "fence.failed", out.Target, fmt.Sprintf("fence %d not confirmed: %s; next attempt in %v", out.FenceID, out.Detail, wait))
	p.driveFence(ctx, now, h, t)
}

// checkReadmit readmits a fenced host that came back with a new boot id and
// has renewed steadily for the stable period.
func (p *Planner) checkReadmit(ctx context.Context, now time.Time, h state.Host, t *hostTrack) {
	if h.BootID == h.FencedBootID || t.heard.IsZero() {
		return
	}
	if now.Sub(t.heard) > 2*p.cfg.Lease.RenewInterval+p.cfg.Lease.MaxRenewalRTT {
		return // not heard from lately
	}
	if now.Sub(t.aliveSince) < p.cfg.StablePeriod {
		p.once(now, "readmit/"+h.Name, "readmit.wait", h.Name, fmt.Sprintf("new boot id %s; readmitted after %v of steady renewals (since %s)", h.BootID, p.cfg.StablePeriod, stamp(t.aliveSince)))
		return
	}
	p.readmit(ctx, now, h, fmt.Sprintf("new boot id %s, renewing steadily since %s", h.BootID, stamp(t.aliveSince)))
}

func (p *Planner) readmit(ctx context.Context, now time.Time, h state.Host, why string) error {
	if _, err := p.propose(ctx, &state.SetHostState{Host: h.Name, State: state.Healthy, Reason: "readmitted: " + why}); err != nil {
		p.emit(now, "error", h.Name, fmt.Sprintf("readmit: %v", err))
		return err
	}
	t := p.host(h.Name)
	t.draining, t.evacuating = false, false
	t.healthyAt = now
	// A lease-holding host again: its deadline runs from now.
	t.deadline = now.Add(p.cfg.Lease.TTL)
	t.readmitted = now
	p.forget("readmit/" + h.Name)
	p.emit(now, "readmitted", h.Name, why)
	return nil
}
