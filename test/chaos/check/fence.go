package check

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// powerCutGrace is how long after a power-cut fault's start (or a BMC's
// delayed off) the BMC's own "off" record is taken as that fault's doing,
// not a fence.
const powerCutGrace = 5 * time.Second

// fencing is one host fenced at one time, and what says so.
type fencing struct {
	host string
	at   time.Time
	what string
}

// fencings lists the fences of the history: every "fence" event (the
// leader powering a host off, one per attempt) and every BMC power off
// that no power-cut fault explains (a fence through a path the events do
// not show).
func fencings(h *History) []fencing {
	var out []fencing
	for _, e := range h.Events {
		if e.Kind == "fence" && e.Host != "" {
			out = append(out, fencing{host: e.Host, at: e.Time, what: fmt.Sprintf("%s: event fence of %s by %s's agent: %s", stamp(e.Time), e.Host, e.From, e.Message)})
		}
	}
	for _, r := range h.Power {
		if r.Action != PowerOff {
			continue
		}
		cut := false
		for _, f := range h.Faults {
			if f.Kind == FaultPowerCut && f.Target == r.Host && !r.At.Before(f.Start) && r.At.Sub(f.Start) <= powerCutGrace {
				cut = true
				break
			}
		}
		if !cut {
			out = append(out, fencing{host: r.Host, at: r.At, what: fmt.Sprintf("%s: BMC of %s powered it off: %s", stamp(r.At), r.Host, r.Line)})
		}
	}
	slices.SortStableFunc(out, func(a, b fencing) int { return a.at.Compare(b.at) })
	return out
}

// CheckMassFencing reports every window in which more hosts were fenced
// than the agents' mass-fence guard allows: max(1, floor(share × hosts))
// hosts within MassFence.Window (cluster/planner's massGuard). It looks at
// the fences themselves, so a guard that forgot a fence (a leader change,
// a lost record) is caught as well as one that was never asked. One
// violation per episode: after one, the window starts again after it.
func CheckMassFencing(h *History) []Violation {
	g := h.MassFence.limits()
	limit := max(1, int(math.Floor(g.Share*float64(len(h.Hosts)))))
	fs := fencings(h)
	var out []Violation
	after := time.Time{}
	for i, f := range fs {
		if !f.at.After(after) && !after.IsZero() {
			continue
		}
		// The hosts fenced in (f.at - window, f.at].
		hosts := []string{}
		var ev []string
		for _, e := range fs[:i+1] {
			if f.at.Sub(e.at) >= g.Window || (!after.IsZero() && !e.at.After(after)) {
				continue
			}
			if !slices.Contains(hosts, e.host) {
				hosts = append(hosts, e.host)
			}
			ev = append(ev, e.what)
		}
		if len(hosts) > limit {
			slices.Sort(hosts)
			out = append(out, Violation{Check: MassFencing, Hosts: hosts, At: f.at,
				Message: fmt.Sprintf("%d of %d hosts fenced within %v by %s (limit %d, share %.2f): %v",
					len(hosts), len(h.Hosts), g.Window, stamp(f.at), limit, g.Share, hosts),
				Evidence: ev})
			after = f.at
		}
	}
	return out
}
