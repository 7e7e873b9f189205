package chaos

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/vigil-ha/vigil/test/chaos/check"
)

// Quiescence is the wait after the schedule: from every fault healed
// until every VM ran once where the cluster places it, or Err.
type Quiescence struct {
	Start, End time.Time
	Err        string
}

// verdict returns a run's violations and its measured failovers.
func verdict(h *check.History, twice []string, q Quiescence, actions []FaultRecord) ([]string, []time.Duration) {
	var out []string
	for _, t := range twice {
		out = append(out, "never twice: "+t)
	}
	if q.Err != "" {
		out = append(out, "no VM left behind: after quiescence: "+q.Err)
	}
	out = append(out, massFencing(h)...)
	return out, failovers(h, actions)
}

// massFencing: within any mass-fence window, the agents started fencing
// at most half the hosts (at least one), DESIGN.md invariant 6.
func massFencing(h *check.History) []string {
	if h.MassFence.Window <= 0 {
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
			if f.at.Sub(g.at) <= h.MassFence.Window {
				targets[g.target] = true
			}
		}
		if len(targets) > limit {
			return []string{fmt.Sprintf("no mass fencing: %d of %d hosts fenced within %v (limit %d), the last %s at %s",
				len(targets), len(h.Hosts), h.MassFence.Window, limit, f.target, f.at.Format("15:04:05.000"))}
		}
	}
	return nil
}

// failovers measures the failovers: for every fault that took a host away
// with VMs on it (a power cut, an isolation), each VM's first heartbeat
// on another host that it had not given before the fault (a new boot, or
// a higher sequence number of a known one), counted from the fault.
func failovers(h *check.History, actions []FaultRecord) []time.Duration {
	var out []time.Duration
	for _, f := range actions {
		if f.Heal || (f.Kind != PowerCut && f.Kind != Isolate) || len(f.Hosts) == 0 {
			continue
		}
		victim := f.Hosts[0]
		for _, vm := range f.Placed {
			before := map[string]uint64{}
			for _, b := range h.Heartbeats {
				if b.VM == vm && !b.At.After(f.At) && b.Seq >= before[b.Boot] {
					before[b.Boot] = b.Seq
				}
			}
			for _, b := range h.Heartbeats {
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
