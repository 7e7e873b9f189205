package planner

import (
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/state"
)

// The origins a recovery time is measured from, as the events name them.
const (
	// originLastSeen: the lost host's last lease renewal this leader
	// answered, the latest moment it is known to have been alive.
	originLastSeen = "last-seen"
	// originDetection: the moment this leader declared the host dead (it
	// never heard the host itself: it became leader after).
	originDetection = "detection"
	// originLeaderStart: the VM had already lost its host when this
	// leadership began; the time before is not known here.
	originLeaderStart = "leader-start"
)

// recovery is one VM's way back after its host was lost: from the loss
// to the first report of the VM running on its new host under the
// generation it was placed with.
type recovery struct {
	failed   string    // the lost host ("" when lost before this leadership)
	detected time.Time // declared dead (or this leadership's start)
	lastSeen time.Time // the lost host's last renewal here (zero: none)
	origin   string
	// Set when placed: where, under which generation.
	target     string
	generation uint64
}

// from is the instant the recovery time is measured from.
func (r *recovery) from() time.Time {
	if r.origin == originLastSeen {
		return r.lastSeen
	}
	return r.detected
}

// recoveriesFrom starts the recovery clock of the VMs taken from host,
// declared dead at now.
func (p *Planner) recoveriesFrom(now time.Time, host string, t *hostTrack, vms []state.VM) {
	for _, vm := range vms {
		if vm.Desired != state.Running {
			continue
		}
		r := &recovery{failed: host, detected: now, lastSeen: t.heard, origin: originDetection}
		if !t.heard.IsZero() && !t.heard.After(now) {
			r.origin = originLastSeen
		}
		p.vm(vm.Spec.Name).rec = r
	}
}

// checkRecovered ends the recoveries that host's report confirms: each VM
// it runs under the generation it was placed there with (or a later one)
// gets rto-met or rto-missed against its ha.rto, with the evidence.
func (p *Planner) checkRecovered(now time.Time, host string, rep executor.Report) {
	for _, r := range rep.Running {
		t := p.vms[r.VM]
		if t == nil || t.rec == nil || t.rec.target != host || r.Generation < t.rec.generation {
			continue
		}
		rec := t.rec
		t.rec = nil
		vm, ok := p.view.VM(r.VM)
		if !ok || vm.Desired != state.Running {
			continue
		}
		budget := vm.Spec.HA.RTO
		took := now.Sub(rec.from())
		kind, verdict := "rto-met", "within"
		if took > budget {
			kind, verdict = "rto-missed", "over"
		}
		msg := fmt.Sprintf("%s runs on %s at generation %d, %v after %s: %s its RTO of %v",
			r.VM, host, r.Generation, took.Round(time.Millisecond), rec.since(), verdict, budget)
		ev := map[string]any{
			"vm": r.VM, "host": host, "failed_host": rec.failed, "generation": r.Generation,
			"rto_budget_ms": budget.Milliseconds(), "rto_ms": took.Milliseconds(),
			"measured_from": rec.origin, "from": rec.from(),
			"detected_at": rec.detected, "since_detection_ms": now.Sub(rec.detected).Milliseconds(),
			"confirmed_at": now, "confirmed_by": "the new host's report of the VM running",
		}
		if !rec.lastSeen.IsZero() {
			ev["last_seen"] = rec.lastSeen
		}
		if p.cfg.Events != nil {
			p.cfg.Events(Event{Time: now, Kind: kind, Subject: r.VM, Message: msg, Evidence: ev})
		}
	}
}

// since says what the recovery time is measured from, for messages.
func (r *recovery) since() string {
	switch r.origin {
	case originLastSeen:
		return r.failed + "'s last lease renewal"
	case originDetection:
		return r.failed + " was declared dead"
	}
	return "this leadership began"
}
