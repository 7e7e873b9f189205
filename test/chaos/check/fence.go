package check

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// powerCutGrace is how long after a power-cut fault's end (the host is off
// by then) the BMC's own "off" record is still taken as that fault's
// doing, not a fence.
const powerCutGrace = 5 * time.Second

// fenceSpan is one fence of a host: from its start (the leader's first
// attempt, or a BMC power off nobody recorded a fence for) until it was
// confirmed (its start when it never was).
type fenceSpan struct {
	host       string
	start, end time.Time
	what       string
}

// fences lists the history's fences. The leader's "fence" events ("power
// off through M (fence N, attempt K)") give each fence's start, its
// "fence-confirmed" event ("fence N: ...") its end; a BMC power off that
// neither a power-cut fault nor a fence of that host within the window
// before it explains is a fence too (one the events do not show).
func fences(h *History, window time.Duration) []fenceSpan {
	byID := map[int]*fenceSpan{}
	var out []*fenceSpan
	for _, e := range h.Events {
		if e.Host == "" || e.Leader() == "" {
			continue
		}
		switch e.Kind {
		case "fence":
			var method string
			var id, attempt int
			if _, err := fmt.Sscanf(e.Message, "power off through %s (fence %d, attempt %d)", &method, &id, &attempt); err != nil {
				id = -len(out) - 1 // a message of another shape: a fence of its own
			}
			if s := byID[id]; s != nil {
				continue // a retry: the fence started earlier
			}
			s := &fenceSpan{host: e.Host, start: e.Time, end: e.Time,
				what: fmt.Sprintf("%s fence of %s by the leader on %s: %s", stamp(e.Time), e.Host, e.From, e.Message)}
			byID[id] = s
			out = append(out, s)
		case "fence-confirmed":
			var id int
			if _, err := fmt.Sscanf(e.Message, "fence %d:", &id); err == nil && byID[id] != nil && byID[id].host == e.Host {
				byID[id].end = e.Time
				byID[id].what += fmt.Sprintf(", confirmed %s", stamp(e.Time))
			}
		}
	}
	for _, r := range h.Power {
		if r.Action != PowerOff {
			continue
		}
		explained := false
		for _, f := range h.Faults {
			if f.Kind == FaultPowerCut && f.Target == r.Host && !r.At.Before(f.Start) &&
				(f.End.IsZero() || !r.At.After(f.End.Add(powerCutGrace))) {
				explained = true
			}
		}
		for _, s := range out {
			if s.host == r.Host && !s.start.After(r.At) && r.At.Sub(s.start) <= window {
				explained = true
			}
		}
		if !explained {
			out = append(out, &fenceSpan{host: r.Host, start: r.At, end: r.At,
				what: fmt.Sprintf("%s BMC of %s powered it off, no fence or power cut recorded: %s", stamp(r.At), r.Host, r.Line)})
		}
	}
	spans := make([]fenceSpan, len(out))
	for i, s := range out {
		spans[i] = *s
	}
	slices.SortStableFunc(spans, func(a, b fenceSpan) int { return a.start.Compare(b.start) })
	return spans
}

// CheckMassFencing reports every fence that took more hosts than the
// agents' mass-fence guard allows: at most max(1, floor(share × hosts))
// hosts fenced within MassFence.Window, counting, as cluster/planner's
// massGuard does, the fences started within the window before a new one
// and those still in progress. It counts the fences themselves (see
// fences), so a guard that forgot a fence (a leader change, a lost record)
// is caught as well as one that was never asked. One violation per
// episode: the next is reported only once the count fell back to the
// limit.
func CheckMassFencing(h *History) []Violation {
	g := h.MassFence.limits()
	limit := max(1, int(math.Floor(g.Share*float64(len(h.Hosts)))))
	fs := fences(h, g.Window)
	var out []Violation
	over := false
	for i, f := range fs {
		hosts := []string{}
		var ev []string
		for _, e := range fs[:i+1] {
			if f.start.Sub(e.start) >= g.Window && e.end.Before(f.start) {
				continue
			}
			if !slices.Contains(hosts, e.host) {
				hosts = append(hosts, e.host)
			}
			ev = append(ev, e.what)
		}
		if len(hosts) <= limit {
			over = false
			continue
		}
		if over {
			continue
		}
		over = true
		slices.Sort(hosts)
		out = append(out, Violation{Check: MassFencing, Hosts: hosts, At: f.start,
			Message: fmt.Sprintf("%d of %d hosts fenced within %v by %s (limit %d, share %.2f): %v",
				len(hosts), len(h.Hosts), g.Window, stamp(f.start), limit, g.Share, hosts),
			Evidence: ev})
	}
	return out
}
