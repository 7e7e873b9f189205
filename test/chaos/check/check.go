package check

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Names of the checks, as Violation.Check and Report.Checks use them.
const (
	NeverTwice   = "never-twice"
	RTO          = "rto"
	MassFencing  = "mass-fencing"
	Store        = "store"
	Linearizable = "linearizable"
	LeaseLapse   = "lease-lapse"
	// FenceByLeader: only the leader with a quorum fences.
	FenceByLeader = "fence-by-leader"
)

// Violation is one broken invariant, with what a person needs to find it in
// the logs.
type Violation struct {
	Check string    `json:"check"`
	VM    string    `json:"vm,omitempty"`
	Hosts []string  `json:"hosts,omitempty"`
	At    time.Time `json:"at,omitzero"`
	// Message says what broke, in one line.
	Message string `json:"message"`
	// Evidence is what the verdict rests on (heartbeat streams, events,
	// faults), one item a line.
	Evidence []string `json:"evidence,omitempty"`
}

// String is the violation in one paragraph.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", v.Check, v.Message)
	for _, e := range v.Evidence {
		b.WriteString("\n    " + e)
	}
	return b.String()
}

// Millis is a distribution of durations in milliseconds, as issue 14's
// JSON has it.
type Millis struct {
	P50 int64 `json:"p50"`
	P99 int64 `json:"p99"`
	Max int64 `json:"max"`
}

// Distribution summarises samples (nearest-rank percentiles); none: zero.
func Distribution(samples []time.Duration) Millis {
	if len(samples) == 0 {
		return Millis{}
	}
	s := slices.Clone(samples)
	slices.Sort(s)
	rank := func(p float64) time.Duration {
		i := int(math.Ceil(p*float64(len(s)))) - 1
		return s[max(0, min(i, len(s)-1))]
	}
	return Millis{P50: rank(0.5).Milliseconds(), P99: rank(0.99).Milliseconds(), Max: s[len(s)-1].Milliseconds()}
}

// Report is the checker's verdict on one history.
type Report struct {
	// Checks counts the violations of each check (every check appears,
	// with 0 when it passed).
	Checks     map[string]int `json:"checks"`
	Violations []Violation    `json:"violations"`
	// RTO is the distribution of Recoveries.
	RTO Millis `json:"rto_ms"`
	// Recoveries are the measured recovery times (see CheckRTO), so a
	// runner can pool them over runs.
	Recoveries []time.Duration `json:"recoveries_ns,omitempty"`
	// Operations is how many ownership operations the linearizability
	// check judged.
	Operations int `json:"operations"`
}

// OK reports whether no check found a violation.
func (r Report) OK() bool { return len(r.Violations) == 0 }

// Check runs every check on h and reports.
func Check(h *History) Report {
	r := Report{Checks: map[string]int{}}
	add := func(name string, vs []Violation) {
		r.Checks[name] = len(vs)
		r.Violations = append(r.Violations, vs...)
	}
	add(NeverTwice, CheckNeverTwice(h))
	rto, recoveries := CheckRTO(h)
	add(RTO, rto)
	r.Recoveries = recoveries
	r.RTO = Distribution(recoveries)
	add(MassFencing, CheckMassFencing(h))
	add(Store, CheckStores(h))
	lin, ops := CheckLinearizable(h)
	add(Linearizable, lin)
	add(LeaseLapse, CheckLeaseLapse(h))
	add(FenceByLeader, CheckFenceByLeader(h))
	r.Operations = ops
	if r.Violations == nil {
		r.Violations = []Violation{}
	}
	return r
}
