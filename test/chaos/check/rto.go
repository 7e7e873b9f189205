package check

import (
	"fmt"
	"slices"
	"time"

	"github.com/vigil-ha/vigil/test/lab/guest"
)

// The RTO rule.
//
// Outages come from the heartbeats. A VM is down from the last heartbeat
// read before a silence longer than guest.LiveWindow until the first
// heartbeat of a different stream (another serial file or another boot: it
// was restarted or moved). A silence that ends with the same stream going
// on is not an outage (the watcher or the guest was starved, the VM never
// stopped). A VM that never beat is down from its creation (VM.Created, or
// History.Start).
//
// The clock of an outage of a VM last seen on host H starts at the later of
// the outage's start and the end of every fault that blocks its recovery:
// a fault blocks it when its window overlaps the outage before the VM was
// back (and before the deadline computed so far: a fault that begins after
// the deadline passed does not excuse the miss), and it is not one of the
// faults that make the failure itself. The failure is what hits H alone
// and leaves quorum, capacity and a fence path to H in place: H's agent
// killed or stopped (not as the leader), H isolated or cut off from one
// peer (either way, H at either end), H's disk full or slow, H's clock
// stepped, H degrading, loss on H.
// Everything else blocks: a power cut (H's BMC goes down with it, so no
// fence path until it is restored; on another host it costs quorum and
// capacity), a BMC partitioned, crashed, restarted or lying, the leader
// killed or stopped, and any fault on another host while H is down. A fault never
// healed blocks to the end: the outage is not judged.
//
// Then quorum and capacity, from the BMCs' power logs: the clock waits
// until a majority of the hosts is powered on; and when the hosts' and
// VMs' sizes are known, until the powered-on hosts' memory and vCPUs hold
// every VM of the VM's priority or higher (the planner places by
// priority), the VM included.
//
// The VM must run again by clock start + its RTO. An outage still open when
// the history ends is a violation if the deadline passed, and not judged
// otherwise. The recovery time reported is back − clock start (0 when it
// came back before its clock started).

// Outage is one time a VM was down, and how the RTO rule judged it.
type Outage struct {
	VM string `json:"vm"`
	// From is the host last seen running it ("" before its first start);
	// To the host it came back on ("" if it did not).
	From     string    `json:"from,omitempty"`
	To       string    `json:"to,omitempty"`
	Down     time.Time `json:"down"`
	Up       time.Time `json:"up,omitzero"`
	Clock    time.Time `json:"clock,omitzero"`
	Deadline time.Time `json:"deadline,omitzero"`
	// Blocked lists what moved the clock (faults, quorum, capacity).
	Blocked []string `json:"blocked,omitempty"`
	// Judged is false when the history ends before the deadline or a
	// blocking fault never healed.
	Judged bool `json:"judged"`
}

// failureKinds are the faults that, on the VM's own host, are the failure
// rather than something blocking recovery (see the RTO rule).
var failureKinds = map[string]bool{
	FaultAgentKill: true, FaultAgentStop: true, FaultIsolate: true,
	FaultPartition: true, FaultPartitionOneWay: true,
	FaultDiskFull: true, FaultSlowDisk: true, FaultClockStep: true,
	FaultDegrade: true, FaultLoss: true,
}

// blocks reports whether fault f blocks the recovery of a VM that was on
// host.
func blocks(f Fault, host string) bool {
	if f.Kind == FaultDegrade {
		return false // an evacuation's cause, never a lack of resources
	}
	if host == "" || !failureKinds[f.Kind] {
		return true
	}
	// A partition between H and a peer is H's failure from either end.
	own := f.Target == host || (f.Peer == host && (f.Kind == FaultPartition || f.Kind == FaultPartitionOneWay))
	return !own
}

// Outages lists every outage of the VMs that should run, judged by the
// RTO rule.
func Outages(h *History) []Outage {
	byVM := map[string][]Beat{}
	for _, b := range h.Heartbeats {
		byVM[b.VM] = append(byVM[b.VM], b)
	}
	pw := newPowerTimeline(h)
	var out []Outage
	for _, vm := range h.VMs {
		if vm.Stopped {
			continue
		}
		beats := byVM[vm.Name]
		slices.SortStableFunc(beats, func(a, b Beat) int { return cmpUint(a.Ord, b.Ord) })
		var raw []Outage
		if len(beats) == 0 {
			down := vm.Created
			if down.IsZero() {
				down = h.Start
			}
			raw = append(raw, Outage{VM: vm.Name, Down: down})
		}
		for i, b := range beats {
			var next *Beat
			if i+1 < len(beats) {
				next = &beats[i+1]
			}
			switch {
			case next == nil:
				if h.End.Sub(b.At) > guest.LiveWindow {
					raw = append(raw, Outage{VM: vm.Name, From: b.Host, Down: b.At})
				}
			case next.At.Sub(b.At) > guest.LiveWindow && (next.File != b.File || next.Boot != b.Boot):
				raw = append(raw, Outage{VM: vm.Name, From: b.Host, To: next.Host, Down: b.At, Up: next.At})
			}
		}
		for _, o := range raw {
			out = append(out, judge(h, pw, vm, o))
		}
	}
	return out
}

// judge sets the outage's clock and deadline by the RTO rule.
func judge(h *History, pw *powerTimeline, vm VM, o Outage) Outage {
	o.Clock = o.Down
	back := o.Up
	if back.IsZero() {
		back = h.End
	}
	never := false
	for changed := true; changed && !never; {
		changed = false
		for _, f := range h.Faults {
			deadline := o.Clock.Add(vm.RTO)
			if !blocks(f, o.From) || !f.Start.Before(back) || f.Start.After(deadline) {
				continue
			}
			if f.End.IsZero() {
				o.Blocked = append(o.Blocked, f.String()+" (never healed)")
				never = true
				break
			}
			if f.End.After(o.Clock) {
				o.Clock = f.End
				o.Blocked = append(o.Blocked, f.String())
				changed = true
			}
		}
		if never {
			break
		}
		// Quorum and capacity, once the faults are over.
		if t, why, ok := pw.ready(h, vm, o.Clock, back); !ok {
			o.Blocked = append(o.Blocked, why+" until the end")
			never = true
		} else if t.After(o.Clock) {
			o.Clock = t
			o.Blocked = append(o.Blocked, why)
			changed = true
		}
	}
	if never {
		o.Clock = time.Time{}
		return o
	}
	o.Deadline = o.Clock.Add(vm.RTO)
	o.Judged = !o.Up.IsZero() || !h.End.Before(o.Deadline)
	return o
}

// CheckRTO judges every outage by the RTO rule and returns the violations
// and the recovery times (back − clock start) of the judged recoveries.
func CheckRTO(h *History) ([]Violation, []time.Duration) {
	budget := map[string]time.Duration{}
	for _, vm := range h.VMs {
		budget[vm.Name] = vm.RTO
	}
	var out []Violation
	var rec []time.Duration
	for _, o := range Outages(h) {
		if !o.Judged {
			continue
		}
		if !o.Up.IsZero() && !o.Up.After(o.Deadline) {
			rec = append(rec, max(0, o.Up.Sub(o.Clock)))
			continue
		}
		v := Violation{Check: RTO, VM: o.VM, At: o.Deadline}
		for _, hst := range []string{o.From, o.To} {
			if hst != "" && !slices.Contains(v.Hosts, hst) {
				v.Hosts = append(v.Hosts, hst)
			}
		}
		from := "before its first start"
		if o.From != "" {
			from = "on " + o.From
		}
		if o.Up.IsZero() {
			v.Message = fmt.Sprintf("VM %s down since %s (last seen %s) not running again by %s: RTO %v from clock start %s; still down at the end %s",
				o.VM, stamp(o.Down), from, stamp(o.Deadline), budget[o.VM], stamp(o.Clock), stamp(h.End))
		} else {
			rec = append(rec, o.Up.Sub(o.Clock))
			v.Message = fmt.Sprintf("VM %s down since %s (last seen %s) back on %s at %s, %v after its clock started at %s: over its RTO %v",
				o.VM, stamp(o.Down), from, o.To, stamp(o.Up), o.Up.Sub(o.Clock).Round(time.Millisecond), stamp(o.Clock), budget[o.VM])
		}
		v.Evidence = append(v.Evidence, o.Blocked...)
		if len(o.Blocked) == 0 {
			v.Evidence = append(v.Evidence, "nothing blocked its recovery")
		}
		out = append(out, v)
	}
	return out, rec
}

// powerTimeline is each host's power, from the BMCs' logs: on from the
// start until a power off, and so on.
type powerTimeline struct {
	hosts []string
	recs  map[string][]PowerRecord // per host, off and on only, in time order
}

func newPowerTimeline(h *History) *powerTimeline {
	pt := &powerTimeline{recs: map[string][]PowerRecord{}}
	for _, hst := range h.Hosts {
		pt.hosts = append(pt.hosts, hst.Name)
	}
	for _, r := range h.Power {
		if r.Action == PowerOff || r.Action == PowerOn {
			pt.recs[r.Host] = append(pt.recs[r.Host], r)
		}
	}
	for _, rs := range pt.recs {
		slices.SortStableFunc(rs, func(a, b PowerRecord) int { return a.At.Compare(b.At) })
	}
	return pt
}

// on lists the hosts powered on at t.
func (pt *powerTimeline) on(t time.Time) []string {
	var out []string
	for _, hst := range pt.hosts {
		on := true
		for _, r := range pt.recs[hst] {
			if r.At.After(t) {
				break
			}
			on = r.Action == PowerOn
		}
		if on {
			out = append(out, hst)
		}
	}
	return out
}

// changes lists the times in [from, to] at which some host's power changed.
func (pt *powerTimeline) changes(from, to time.Time) []time.Time {
	var out []time.Time
	for _, rs := range pt.recs {
		for _, r := range rs {
			if r.At.After(from) && !r.At.After(to) {
				out = append(out, r.At)
			}
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	return out
}

// ready returns the clock start for vm once quorum and capacity are
// counted: from t, the first moment a majority of the hosts is powered on
// and they hold vm and every VM of its priority or higher, and again after
// every lapse before the deadline that moment sets (or until, if sooner);
// why names what was missing. ok is false when they never came back
// before until.
func (pt *powerTimeline) ready(h *History, vm VM, t, until time.Time) (at time.Time, why string, ok bool) {
	check := func(at time.Time) string {
		on := pt.on(at)
		if len(pt.hosts) > 0 && 2*len(on) <= len(pt.hosts) {
			return fmt.Sprintf("no quorum: %d of %d hosts powered on %v", len(on), len(pt.hosts), on)
		}
		return capacityShort(h, vm, on)
	}
	at = t
	for {
		end := at.Add(vm.RTO)
		if until.Before(end) {
			end = until
		}
		lapse := time.Time{}
		if w := check(at); w != "" {
			lapse, why = at, w
		} else {
			for _, c := range pt.changes(at, end) {
				if w := check(c); w != "" {
					lapse, why = c, w
					break
				}
			}
		}
		if lapse.IsZero() {
			return at, why, true
		}
		back := time.Time{}
		for _, c := range pt.changes(lapse, until) {
			if check(c) == "" {
				back = c
				break
			}
		}
		if back.IsZero() {
			return time.Time{}, why, false
		}
		at = back
	}
}

// capacityShort says why the hosts on cannot hold vm and the VMs of its
// priority or higher, or "" when they can or sizes are unknown.
func capacityShort(h *History, vm VM, on []string) string {
	if vm.MemoryMiB == 0 && vm.VCPUs == 0 {
		return ""
	}
	var mem int64
	var cpus int
	for _, hst := range h.Hosts {
		if slices.Contains(on, hst.Name) {
			if hst.MemoryMiB == 0 && hst.VCPUs == 0 {
				return "" // unknown: assume it fits
			}
			mem += hst.MemoryMiB
			cpus += hst.VCPUs
		}
	}
	var needMem int64
	var needCPUs int
	for _, o := range h.VMs {
		if !o.Stopped && o.Priority >= vm.Priority {
			needMem += o.MemoryMiB
			needCPUs += o.VCPUs
		}
	}
	if (vm.MemoryMiB > 0 && needMem > mem) || (vm.VCPUs > 0 && needCPUs > cpus) {
		return fmt.Sprintf("no capacity: VMs of priority >= %d need %d MiB and %d vCPUs, hosts on %v have %d MiB and %d vCPUs",
			vm.Priority, needMem, needCPUs, on, mem, cpus)
	}
	return ""
}
