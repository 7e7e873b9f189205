package chaos

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// History is what one run recorded, for the check.
type History struct {
	Seed  uint64
	Plan  Plan
	Hosts []string
	VMs   []string
	Beats []Beat
	// Faults are the schedule's actions as they happened.
	Faults []FaultRecord
	// Events are every agent's audit log, oldest first.
	Events []AgentEvent
	// Chassis is each host's BMC power log (ipmi_sim's chassis script).
	Chassis map[string]string
	// Twice are the lab watcher's never-twice violations during the run.
	Twice []string
	// Quiescence is how the run's quiescence ended.
	Quiescence Quiescence
	// MassFenceWindow is the agents' mass-fence window (their timing
	// profile's).
	MassFenceWindow time.Duration
}

// Quiescence is the wait after the schedule: from every fault healed
// until every VM ran once where the cluster places it, or Err.
type Quiescence struct {
	Start, End time.Time
	Err        string
}

// check returns the run's violations.
func check(h *History) []string {
	var out []string
	for _, t := range h.Twice {
		out = append(out, "never twice: "+t)
	}
	if h.Quiescence.Err != "" {
		out = append(out, "no VM left behind: after quiescence: "+h.Quiescence.Err)
	}
	out = append(out, massFencing(h)...)
	return out
}

// massFencing: within any mass-fence window, the agents started fencing
// at most half the hosts (at least one), DESIGN.md invariant 6.
func massFencing(h *History) []string {
	if h.MassFenceWindow <= 0 {
		return nil
	}
	type fence struct {
		at     time.Time
		target string
	}
	seen := map[fence]bool{}
	var fences []fence
	for _, e := range h.Events {
		if e.Kind != "fence" {
			continue
		}
		f := fence{e.Time, e.Host}
		if !seen[f] {
			seen[f] = true
			fences = append(fences, f)
		}
	}
	slices.SortFunc(fences, func(a, b fence) int { return a.at.Compare(b.at) })
	limit := max(1, int(math.Floor(0.5*float64(len(h.Hosts)))))
	for i, f := range fences {
		targets := map[string]bool{}
		for _, g := range fences[:i+1] {
			if f.at.Sub(g.at) <= h.MassFenceWindow {
				targets[g.target] = true
			}
		}
		if len(targets) > limit {
			return []string{fmt.Sprintf("no mass fencing: %d of %d hosts fenced within %v (limit %d), the last %s at %s",
				len(targets), len(h.Hosts), h.MassFenceWindow, limit, f.target, f.at.Format("15:04:05.000"))}
		}
	}
	return nil
}

// RTO measures the failovers: for every fault that took a host away with
// VMs on it (a power cut, an isolation), each VM's first heartbeat on
// another host that the VM had not given before the fault (a new boot, or
// a higher sequence number of a known one), counted from the fault.
func (h *History) RTO() []time.Duration {
	var out []time.Duration
	for _, f := range h.Faults {
		if f.Heal || (f.Kind != PowerCut && f.Kind != Isolate) || len(f.Hosts) == 0 {
			continue
		}
		victim := f.Hosts[0]
		for _, vm := range f.Placed {
			before := map[string]uint64{}
			for _, b := range h.Beats {
				if b.VM == vm && !b.At.After(f.At) && b.Seq >= before[b.Boot] {
					before[b.Boot] = b.Seq
				}
			}
			for _, b := range h.Beats {
				if b.VM != vm || b.Host == victim || !b.At.After(f.At) {
					continue
				}
				if seq, known := before[b.Boot]; !known || b.Seq > seq {
					out = append(out, b.At.Sub(f.At))
					break
				}
			}
		}
	}
	return out
}
