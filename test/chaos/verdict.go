package chaos

import (
	"time"

	"github.com/vigil-ha/vigil/test/chaos/check"
)

// Quiescence is the wait after the schedule: from every fault healed
// until every VM ran once where the cluster places it, or Err.
type Quiescence struct {
	Start, End time.Time
	Err        string
}

// verdict returns a run's violations and the checker's recovery times:
// the checker's (test/chaos/check) over the history, and quiescence that
// did not converge.
func verdict(h *check.History, q Quiescence) ([]string, []time.Duration) {
	var out []string
	if q.Err != "" {
		out = append(out, "quiescence: not every VM running once where the cluster places it: "+q.Err)
	}
	rep := check.Check(h)
	for _, v := range rep.Violations {
		out = append(out, v.String())
	}
	return out, rep.Recoveries
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
