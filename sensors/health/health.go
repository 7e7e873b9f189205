package health

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/store"
)

// Risk is how soon a component (or a host) is expected to fail.
type Risk string

// Risks in increasing order (CLI.md "health").
const (
	RiskNone     Risk = "none"
	RiskLow      Risk = "low"
	RiskHigh     Risk = "high"
	RiskImminent Risk = "imminent"
)

func (r Risk) rank() int {
	switch r {
	case RiskLow:
		return 1
	case RiskHigh:
		return 2
	case RiskImminent:
		return 3
	}
	return 0
}

func maxRisk(a, b Risk) Risk {
	if b.rank() > a.rank() {
		return b
	}
	return a
}

// Component is the verdict for one hardware component.
type Component struct {
	Name string `json:"name"`
	Risk Risk   `json:"risk"`
	// ETASeconds is the expected time until a trend crosses its critical
	// threshold; nil when no trend points at failure.
	ETASeconds *float64 `json:"eta_seconds"`
	Reason     string   `json:"reason"`
	// Replace marks a failed part whose redundant set still carries the
	// load (one fan or PSU of a pair): replace it. On its own it is low
	// risk and moves nothing; the host is degraded.
	Replace bool `json:"replace,omitempty"`
}

// Verdict is the prediction for one host (one BMC or the host kernel).
type Verdict struct {
	Target string    `json:"target"`
	Time   time.Time `json:"time"`
	Risk   Risk      `json:"risk"`
	// Degraded: some component lost its redundancy (Component.Replace).
	// The host takes no new VMs and raises an alert, but a lost redundancy
	// alone is no reason to evacuate it (DESIGN.md, failure prediction):
	// evacuation follows Risk and the components' ETAs.
	Degraded   bool        `json:"degraded"`
	Components []Component `json:"components"`
}

// History keeps a bounded ring of samples per key. *store.Store implements
// it (bbolt, survives restarts); NewMemHistory is the in-memory one.
type History interface {
	AppendSamples(t time.Time, values map[string]float64) error
	Samples(key string) ([]store.Sample, error)
}

// MemHistory is an in-memory History with a fixed capacity per key.
type MemHistory struct {
	mu    sync.Mutex
	cap   int
	rings map[string][]store.Sample
}

// NewMemHistory returns a History keeping the newest capacity samples per
// key.
func NewMemHistory(capacity int) *MemHistory {
	return &MemHistory{cap: capacity, rings: map[string][]store.Sample{}}
}

// AppendSamples implements History.
func (m *MemHistory) AppendSamples(t time.Time, values map[string]float64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, v := range values {
		if math.IsNaN(v) {
			return fmt.Errorf("history %s: NaN sample", k)
		}
		r := append(m.rings[k], store.Sample{Time: t, Value: v})
		if len(r) > 2*m.cap {
			// Compact now and then, not on every append.
			r = append(r[:0:0], r[len(r)-m.cap:]...)
		}
		m.rings[k] = r
	}
	return nil
}

// Samples implements History.
func (m *MemHistory) Samples(key string) ([]store.Sample, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.rings[key]
	if len(r) > m.cap {
		r = r[len(r)-m.cap:]
	}
	return slices.Clone(r), nil
}

// Config tunes the predictor. Zero values take the defaults in brackets.
type Config struct {
	// Prefix namespaces this host's history keys ("host-b/").
	Prefix string
	// Window is how far back trends look [30 min]; MinPoints and MinSpan
	// are what a trend needs before it is believed [8 samples, 3 min].
	Window    time.Duration
	MinPoints int
	MinSpan   time.Duration
	// A trend whose threshold crossing is due within ImminentWithin is
	// imminent, within HighWithin high, within LowWithin low
	// [10 min, 1 h, 12 h].
	ImminentWithin, HighWithin, LowWithin time.Duration
	// Correctable ECC per DIMM per hour at which memory risk is low and
	// high [1, 10].
	ECCLowPerHour, ECCHighPerHour float64
	// EventWindow is how far back repeated predictive-failure and
	// redundancy-lost events are counted [24 h]; Repeats of them make the
	// risk high [2].
	EventWindow time.Duration
	Repeats     int
	// With one fan of a redundant set failed, a temperature is a reason
	// to evacuate (imminent) only when it is near its limit: in its
	// warning band or within FanLossMargin °C of its critical threshold,
	// or trending there within FanLossWithin [10 °C, 20 min]. A dead fan
	// while the load warms the CPU far below its limits is a part to
	// replace, not an emergency.
	FanLossMargin float64
	FanLossWithin time.Duration
}

func (c *Config) defaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.Window, 30*time.Minute)
	def(&c.MinSpan, 3*time.Minute)
	def(&c.ImminentWithin, 10*time.Minute)
	def(&c.HighWithin, time.Hour)
	def(&c.LowWithin, 12*time.Hour)
	def(&c.EventWindow, 24*time.Hour)
	def(&c.FanLossWithin, 20*time.Minute)
	if c.FanLossMargin <= 0 {
		c.FanLossMargin = 10
	}
	if c.MinPoints <= 0 {
		c.MinPoints = 8
	}
	if c.ECCLowPerHour <= 0 {
		c.ECCLowPerHour = 1
	}
	if c.ECCHighPerHour <= 0 {
		c.ECCHighPerHour = 10
	}
	if c.Repeats <= 0 {
		c.Repeats = 2
	}
}

// Predictor turns successive polls of one host into verdicts. It keeps
// the hysteresis state in memory and every sample in History.
type Predictor struct {
	cfg  Config
	hist History

	mu      sync.Mutex
	latched map[string]sensors.Status
	rawPrev map[string]sensors.Status
	last    map[string]sensors.Reading
	events  map[evKey]bool
	loaded  bool
}

// KeyLister is an optional History method (*store.Store and MemHistory
// have it): every key with samples. With it a restarted predictor finds the
// event rings of its previous run.
type KeyLister interface {
	SampleKeys() ([]string, error)
}

// New returns a predictor writing to and reading from h.
func New(cfg Config, h History) *Predictor {
	cfg.defaults()
	return &Predictor{cfg: cfg, hist: h, latched: map[string]sensors.Status{}, rawPrev: map[string]sensors.Status{}, last: map[string]sensors.Reading{},
		events: map[evKey]bool{}}
}

func (p *Predictor) key(parts ...string) string {
	return p.cfg.Prefix + strings.Join(parts, "/")
}

func eventKey(ev sensors.Event) string {
	return "event/" + ev.Component + "/" + ev.State
}

// BatchAppender is an optional History method (*store.Store has it):
// write samples taken at several times, and move log cursors, in one
// transaction.
type BatchAppender interface {
	AppendBatches(batches []store.Batch, cursors ...store.Cursor) error
}

// ErrNoCursors: Update was given log cursors but its History cannot keep
// them with the samples (it is not a BatchAppender).
var ErrNoCursors = errors.New("health: this history cannot keep log cursors")

// Update records one poll and returns the verdict as of poll.Time.
//
// cursors, when given, say how far the poll's events were read from each
// log (an IPMI SEL, a Redfish log service); they are written in the same
// transaction as the poll's samples, so an event is counted exactly when its
// log's cursor passes it, even across a crash (History must be a
// BatchAppender, else ErrNoCursors and nothing is written).
func (p *Predictor) Update(poll *sensors.Poll, cursors ...store.Cursor) (Verdict, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := poll.Time
	ba, batched := p.hist.(BatchAppender)
	if len(cursors) > 0 && !batched {
		return Verdict{}, ErrNoCursors
	}
	if !p.loaded {
		p.loaded = true
		if kl, ok := p.hist.(KeyLister); ok {
			keys, err := kl.SampleKeys()
			if err != nil {
				return Verdict{}, fmt.Errorf("health: list event history: %w", err)
			}
			for _, k := range keys {
				rest, ok := strings.CutPrefix(k, p.key("event")+"/")
				if !ok {
					continue
				}
				if i := strings.LastIndex(rest, "/"); i > 0 {
					p.events[evKey{rest[:i], rest[i+1:]}] = true
				}
			}
		}
	}
	values := map[string]float64{}
	for _, r := range poll.Readings {
		p.last[r.Key()] = r
		if r.Value != nil && !math.IsNaN(*r.Value) && !math.IsInf(*r.Value, 0) {
			values[p.key(r.Key())] = *r.Value
		}
	}
	var batches []store.Batch
	if len(values) > 0 {
		batches = append(batches, store.Batch{Time: now, Values: values})
	}
	var seen []evKey
	for _, ev := range poll.Events {
		if !ev.Asserted || ev.State == "" {
			continue
		}
		t := ev.Time
		if t.IsZero() {
			t = now
		}
		batches = addSample(batches, t, p.key(eventKey(ev)))
		seen = append(seen, evKey{ev.Component, ev.State})
	}
	if batched {
		if len(batches) > 0 || len(cursors) > 0 {
			if err := ba.AppendBatches(batches, cursors...); err != nil {
				return Verdict{}, fmt.Errorf("health: record poll: %w", err)
			}
		}
	} else {
		for _, b := range batches {
			if err := p.hist.AppendSamples(b.Time, b.Values); err != nil {
				return Verdict{}, fmt.Errorf("health: record poll: %w", err)
			}
		}
	}
	for _, k := range seen {
		p.events[k] = true
	}
	return p.assessLocked(poll.Target, now)
}

// addSample adds an event sample (value 1) of key at t: to a batch of that
// time without the key, else to a new one, so that two events of one kind
// logged in the same second stay two samples.
func addSample(batches []store.Batch, t time.Time, key string) []store.Batch {
	for i := range batches {
		if _, dup := batches[i].Values[key]; !dup && batches[i].Time.Equal(t) {
			batches[i].Values[key] = 1
			return batches
		}
	}
	return append(batches, store.Batch{Time: t, Values: map[string]float64{key: 1}})
}

// finding is one rule's conclusion about one component.
type finding struct {
	risk    Risk
	eta     *float64
	reason  string
	replace bool // a lost redundancy: replace the part (Component.Replace)
}

type assessment struct {
	comps map[string][]finding
}

func (a *assessment) add(comp string, f finding) {
	a.comps[comp] = append(a.comps[comp], f)
}

// hysteresis is how far a value must come back inside a threshold before
// a latched warning or critical state clears.
func hysteresis(r sensors.Reading, v float64) float64 {
	switch r.Kind {
	case sensors.KindTemperature:
		return 2
	case sensors.KindFan:
		return math.Max(150, 0.03*math.Abs(v))
	}
	return math.Max(0.02*math.Abs(v), 1e-9)
}

// latchLocked applies hysteresis: a status rises at once, and falls only
// when the value is clear of the threshold by the hysteresis margin.
func (p *Predictor) latchLocked(r sensors.Reading) sensors.Status {
	k := r.Key()
	raw := r.Status
	prev, seen := p.latched[k]
	if r.Value != nil && r.Thresholds != nil {
		v := *r.Value
		raw = sensors.Worst(raw, r.Thresholds.Classify(v))
		measured := raw
		// Debounce: after the first observation, a worse status from a
		// value must be seen in two consecutive polls (one glitched
		// reading is not a failure).
		if seen && raw.Rank() > prev.Rank() && p.rawPrev[k].Rank() < raw.Rank() {
			raw = prev
		}
		p.rawPrev[k] = measured
		if seen && prev.Rank() > raw.Rank() && raw != sensors.StatusUnknown {
			// Hysteresis: fall back only once clear of the threshold
			// by the margin.
			h := hysteresis(r, v)
			relaxed := sensors.Worst(r.Thresholds.Classify(v+h), r.Thresholds.Classify(v-h))
			if relaxed.Rank() > raw.Rank() {
				raw = relaxed
				if prev.Rank() < raw.Rank() {
					raw = prev
				}
			}
		}
	}
	p.latched[k] = raw
	return raw
}

func (p *Predictor) assessLocked(target string, now time.Time) (Verdict, error) {
	a := &assessment{comps: map[string][]finding{}}
	keys := make([]string, 0, len(p.last))
	for k := range p.last {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	type groupState struct{ members, failed []string }
	groups := map[string]*groupState{}
	// hot is the temperature that makes a failed redundant fan an
	// emergency (see Config.FanLossMargin), with why.
	var hot struct {
		name, why string
		eta       *float64
	}

	for _, k := range keys {
		r := p.last[k]
		if now.Sub(r.Time) > p.cfg.Window || r.Rollup {
			continue // stale (the source stopped reporting it), or a summary
		}
		st := p.latchLocked(r)
		failed := st == sensors.StatusCritical
		// A discrete sensor whose states say what is wrong needs no
		// second, vaguer finding from its status.
		if n := p.discreteLocked(a, r); n == 0 || r.Value != nil {
			switch st {
			case sensors.StatusCritical:
				a.add(r.Component, finding{risk: RiskHigh, reason: describe(r, "critical")})
			case sensors.StatusWarning:
				a.add(r.Component, finding{risk: RiskLow, reason: describe(r, "warning")})
			}
		}
		if r.Value != nil && r.Thresholds != nil {
			eta, rising, err := p.trendLocked(r, now)
			if err != nil {
				return Verdict{}, err
			}
			if eta != nil {
				a.add(r.Component, finding{risk: p.etaRisk(*eta), eta: eta,
					reason: fmt.Sprintf("%s trending to its critical threshold in %s", r.Name, fmtDur(*eta))})
			}
			if r.Kind == sensors.KindTemperature && hot.name == "" {
				if why := p.nearLimit(r, st, eta, rising); why != "" {
					hot.name, hot.why, hot.eta = r.Name, why, eta
				}
			}
		}
		if r.Source == sensors.SourceHost {
			if err := p.counterRateLocked(a, r, now); err != nil {
				return Verdict{}, err
			}
		}
		if r.Kind == sensors.KindFan || r.Kind == sensors.KindPSU {
			g := r.Redundant
			if g == "" {
				g = string(r.Kind) + ":" + r.Component
			}
			gs := groups[g]
			if gs == nil {
				gs = &groupState{}
				groups[g] = gs
			}
			gs.members = append(gs.members, r.Component)
			if failed || hasFailureState(r.States) {
				gs.failed = append(gs.failed, r.Component)
			}
		}
	}
	if err := p.eventsLocked(a, now); err != nil {
		return Verdict{}, err
	}

	// Combinations over redundant sets.
	gnames := make([]string, 0, len(groups))
	for g := range groups {
		gnames = append(gnames, g)
	}
	sort.Strings(gnames)
	for _, g := range gnames {
		gs := groups[g]
		nf := len(gs.failed)
		switch {
		case nf == 0:
		case nf >= 2:
			for _, c := range gs.failed {
				a.add(c, finding{risk: RiskImminent, reason: fmt.Sprintf("%d of %d in %s failed: %s",
					nf, len(gs.members), g, strings.Join(gs.failed, ", "))})
			}
		case len(gs.members) >= 2 && strings.HasPrefix(g, string(sensors.KindFan)) && hot.name != "":
			// The remaining fans are not keeping a temperature away
			// from its limit.
			a.add(gs.failed[0], finding{risk: RiskImminent, eta: hot.eta, replace: true,
				reason: fmt.Sprintf("%s failed while %s %s", gs.failed[0], hot.name, hot.why)})
		case len(gs.members) >= 2:
			// One failure in a redundant set: the rest carries the
			// load. A warning, not an emergency: replace it.
			a.replace(gs.failed[0], RiskHigh, RiskLow, fmt.Sprintf("%s failed; redundancy in %s lost (%d of %d left): replace it",
				gs.failed[0], g, len(gs.members)-1, len(gs.members)))
		}
	}

	// Redundancy lost in two sets at once (a fan and a PSU): no longer a
	// routine replacement.
	var degraded []string
	for _, g := range gnames {
		if gs := groups[g]; len(gs.failed) == 1 && len(gs.members) >= 2 {
			degraded = append(degraded, g)
		}
	}
	if len(degraded) >= 2 {
		for _, g := range degraded {
			a.add(groups[g].failed[0], finding{risk: RiskHigh,
				reason: "redundancy lost in " + strings.Join(degraded, " and ") + " at once"})
		}
	}

	v := Verdict{Target: target, Time: now, Risk: RiskNone, Components: []Component{}}
	names := make([]string, 0, len(a.comps))
	for c := range a.comps {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, name := range names {
		fs := a.comps[name]
		c := Component{Name: name, Risk: RiskNone}
		var reasons []string
		for _, f := range fs {
			c.Risk = maxRisk(c.Risk, f.risk)
			if f.eta != nil && (c.ETASeconds == nil || *f.eta < *c.ETASeconds) {
				c.ETASeconds = f.eta
			}
			if !slices.Contains(reasons, f.reason) {
				reasons = append(reasons, f.reason)
			}
			c.Replace = c.Replace || f.replace
		}
		c.Reason = strings.Join(reasons, "; ")
		v.Risk = maxRisk(v.Risk, c.Risk)
		v.Degraded = v.Degraded || c.Replace
		v.Components = append(v.Components, c)
	}
	return v, nil
}

// replace lowers the findings of comp at risk from to risk to, with a
// reason saying why (a failure covered by redundancy).
func (a *assessment) replace(comp string, from, to Risk, reason string) {
	fs := a.comps[comp]
	for i := range fs {
		if fs[i].risk == from {
			fs[i].risk = to
		}
	}
	a.comps[comp] = append(fs, finding{risk: to, reason: reason, replace: true})
}

// nearLimit says why temperature r, with latched status st and trend eta,
// is close enough to its limit that a failed redundant fan becomes an
// emergency, or "" when it is not.
func (p *Predictor) nearLimit(r sensors.Reading, st sensors.Status, eta *float64, rising bool) string {
	switch {
	case st == sensors.StatusWarning || st == sensors.StatusCritical:
		return fmt.Sprintf("is %s at %g %s", st, *r.Value, r.Unit)
	case eta != nil && time.Duration(*eta*float64(time.Second)) <= p.cfg.FanLossWithin:
		return fmt.Sprintf("is trending to its critical threshold in %s", fmtDur(*eta))
	}
	if crit := r.Thresholds.CriticalHigh(); crit != nil && rising && *crit-*r.Value <= p.cfg.FanLossMargin {
		return fmt.Sprintf("is rising at %g %s, within %g of its critical threshold", *r.Value, r.Unit, p.cfg.FanLossMargin)
	}
	return ""
}

func describe(r sensors.Reading, level string) string {
	if r.Value != nil {
		return fmt.Sprintf("%s %s at %g %s", r.Name, level, *r.Value, r.Unit)
	}
	if len(r.States) > 0 {
		return fmt.Sprintf("%s %s: %s", r.Name, level, strings.Join(r.States, ", "))
	}
	return fmt.Sprintf("%s %s", r.Name, level)
}

func fmtDur(sec float64) string {
	return time.Duration(sec * float64(time.Second)).Round(time.Second).String()
}

func (p *Predictor) etaRisk(eta float64) Risk {
	d := time.Duration(eta * float64(time.Second))
	switch {
	case d <= p.cfg.ImminentWithin:
		return RiskImminent
	case d <= p.cfg.HighWithin:
		return RiskHigh
	case d <= p.cfg.LowWithin:
		return RiskLow
	}
	return RiskNone
}

var failureWords = []string{"Failure detected", "input lost", "Uncorrectable", "IERR", "Thermal Trip", "Fault", "failed", "Failed"}

func hasFailureState(states []string) bool {
	for _, s := range states {
		for _, w := range failureWords {
			if strings.Contains(s, w) {
				return true
			}
		}
	}
	return false
}

// discreteLocked rates the asserted states of a discrete sensor.
func (p *Predictor) discreteLocked(a *assessment, r sensors.Reading) int {
	n := len(a.comps[r.Component])
	for _, s := range r.States {
		ls := strings.ToLower(s)
		switch {
		case strings.Contains(ls, "uncorrectable"), strings.Contains(ls, "ierr"), strings.Contains(ls, "thermal trip"),
			strings.Contains(ls, "parity"), strings.Contains(ls, "fatal"):
			a.add(r.Component, finding{risk: RiskImminent, reason: fmt.Sprintf("%s: %s", r.Name, s)})
		case strings.Contains(ls, "failure detected"), strings.Contains(ls, "input lost"), strings.Contains(ls, "fault"):
			a.add(r.Component, finding{risk: RiskHigh, reason: fmt.Sprintf("%s: %s", r.Name, s)})
		case strings.Contains(ls, "redundancy lost"), strings.Contains(ls, "redundancy degraded"):
			a.add(r.Component, finding{risk: RiskLow, replace: true, reason: fmt.Sprintf("%s: %s", r.Name, s)})
		case strings.Contains(ls, "predictive"), strings.Contains(ls, "insufficient"), strings.Contains(ls, "correctable"),
			strings.Contains(ls, "throttled"):
			a.add(r.Component, finding{risk: RiskLow, reason: fmt.Sprintf("%s: %s", r.Name, s)})
		}
	}
	return len(a.comps[r.Component]) - n
}

// trendLocked fits a Theil-Sen line to the sensor's history within the
// window and, when it heads toward a critical threshold faster than the
// noise explains, returns the seconds until it crosses. rising reports a
// significant upward trend (used by the fan-plus-temperature rule).
func (p *Predictor) trendLocked(r sensors.Reading, now time.Time) (eta *float64, rising bool, err error) {
	smp, err := p.hist.Samples(p.key(r.Key()))
	if err != nil {
		return nil, false, fmt.Errorf("health: history of %s: %w", r.Key(), err)
	}
	from := now.Add(-p.cfg.Window)
	var ts, ys []float64
	for _, s := range smp {
		if s.Time.Before(from) || s.Time.After(now) {
			continue
		}
		ts = append(ts, s.Time.Sub(now).Seconds())
		ys = append(ys, s.Value)
	}
	if len(ts) < p.cfg.MinPoints || ts[len(ts)-1]-ts[0] < p.cfg.MinSpan.Seconds() {
		return nil, false, nil
	}
	fit := TheilSen(ts, ys)
	// Significance: the change the line explains over the window must
	// clearly exceed the scatter around it (robust sigma from the MAD).
	// The slope's standard error for evenly spread points is about
	// sigma*sqrt(12/n)/span; require the change to be 5 of those.
	span := ts[len(ts)-1] - ts[0]
	change := math.Abs(fit.Slope) * span
	noise := math.Max(fit.Sigma, 1e-9*math.Abs(fit.Intercept)) * math.Sqrt(12/float64(len(ts)))
	if change == 0 || change < 5*noise {
		return nil, false, nil
	}
	if r.Kind == sensors.KindTemperature || r.Kind == sensors.KindFan {
		// Temperatures follow the load with a lag and then settle, and
		// the BMC's fan control follows the temperatures; a failing
		// cooling system or bearing keeps going. Extrapolate the slower
		// of the window's line and its newest third's, and none when
		// the newest third has stopped moving that way.
		recent, ok := p.recentFit(ts, ys)
		switch {
		case !ok:
		case recent.Slope*fit.Slope <= 0:
			return nil, false, nil
		case math.Abs(recent.Slope) < math.Abs(fit.Slope):
			fit = recent
		}
	}
	rising = fit.Slope > 0
	cur := fit.Intercept // value now (t = 0)
	var target *float64
	if fit.Slope > 0 {
		target = r.Thresholds.CriticalHigh()
	} else {
		target = r.Thresholds.CriticalLow()
	}
	if target == nil {
		return nil, rising, nil
	}
	d := (*target - cur) / fit.Slope
	if d < 0 {
		d = 0 // already beyond the threshold and still going
	}
	if d > maxExtrapolation*span {
		// Do not extrapolate a line far beyond the history it was fitted
		// on: 5 minutes of data say nothing about the next 3 hours.
		return nil, rising, nil
	}
	return &d, rising, nil
}

// recentFit fits the newest third of the window (ts are seconds before
// now, oldest first); ok is false when it holds too few points.
func (p *Predictor) recentFit(ts, ys []float64) (Fit, bool) {
	i, _ := slices.BinarySearch(ts, -p.cfg.Window.Seconds()/3)
	if len(ts)-i < max(p.cfg.MinPoints/2, 3) {
		return Fit{}, false
	}
	return TheilSen(ts[i:], ys[i:]), true
}

// maxExtrapolation bounds an ETA to this many times the span of the
// history behind it.
const maxExtrapolation = 4

// counterRateLocked turns a monotonic error counter reading (host EDAC
// "correctable errors" of one DIMM) into a rate per hour over the window.
func (p *Predictor) counterRateLocked(a *assessment, r sensors.Reading, now time.Time) error {
	if r.Value == nil {
		return nil
	}
	ln := strings.ToLower(r.Name)
	var class string
	switch {
	case strings.HasSuffix(ln, "uncorrectable errors"):
		class = "ue"
	case strings.HasSuffix(ln, "correctable errors"):
		class = "ce"
	case strings.HasSuffix(ln, "machine check exceptions"):
		class = "mce"
	case strings.HasSuffix(ln, "i/o errors"):
		class = "io"
	default:
		return nil
	}
	smp, err := p.hist.Samples(p.key(r.Key()))
	if err != nil {
		return fmt.Errorf("health: history of %s: %w", r.Key(), err)
	}
	from := now.Add(-time.Hour)
	var first *store.Sample
	for i := range smp {
		if !smp[i].Time.Before(from) {
			first = &smp[i]
			break
		}
	}
	if first == nil {
		return nil
	}
	delta := *r.Value - first.Value
	if delta <= 0 {
		return nil // no new errors (or the counter was reset)
	}
	// Errors counted within the last hour (or since history began, when
	// it is younger): a count per hour.
	switch class {
	case "ue":
		a.add(r.Component, finding{risk: RiskImminent, reason: fmt.Sprintf("%s: %g new in the last hour", r.Name, delta)})
	case "mce":
		a.add(r.Component, finding{risk: RiskHigh, reason: fmt.Sprintf("%s: %g new in the last hour", r.Name, delta)})
	case "io":
		risk := RiskLow
		if delta >= 10 {
			risk = RiskHigh
		}
		a.add(r.Component, finding{risk: risk, reason: fmt.Sprintf("%s: %g new in the last hour", r.Name, delta)})
	default:
		p.rateFinding(a, r.Component, delta, r.Name)
	}
	return nil
}

func (p *Predictor) rateFinding(a *assessment, comp string, perHour float64, what string) {
	switch {
	case perHour >= p.cfg.ECCHighPerHour:
		a.add(comp, finding{risk: RiskHigh, reason: fmt.Sprintf("%s: %.0f correctable ECC errors per hour", what, perHour)})
	case perHour >= p.cfg.ECCLowPerHour:
		a.add(comp, finding{risk: RiskLow, reason: fmt.Sprintf("%s: %.0f correctable ECC errors per hour", what, perHour)})
	}
}

// eventsLocked rates the event history: ECC per DIMM per hour, repeated
// predictive-failure and redundancy-lost events, uncorrectable errors.
func (p *Predictor) eventsLocked(a *assessment, now time.Time) error {
	for _, k := range p.eventKeysLocked() {
		comp, state := k.comp, k.state
		smp, err := p.hist.Samples(p.key("event", comp, state))
		if err != nil {
			return fmt.Errorf("health: event history: %w", err)
		}
		count := func(d time.Duration) int {
			n := 0
			for _, s := range smp {
				if !s.Time.Before(now.Add(-d)) && !s.Time.After(now) {
					n++
				}
			}
			return n
		}
		ls := strings.ToLower(state)
		switch {
		case strings.Contains(ls, "uncorrectable"), strings.Contains(ls, "ierr"), strings.Contains(ls, "thermal trip"):
			if n := count(time.Hour); n > 0 {
				a.add(comp, finding{risk: RiskImminent, reason: fmt.Sprintf("%d %q events in the last hour", n, state)})
			}
		case ls == "correctable ecc", strings.Contains(ls, "correctable ecc logging limit"):
			if n := count(time.Hour); n > 0 {
				p.rateFinding(a, comp, float64(n), comp)
			}
		case strings.Contains(ls, "predictive"), strings.Contains(ls, "redundancy lost"), strings.Contains(ls, "redundancy degraded"):
			n := count(p.cfg.EventWindow)
			switch {
			case n >= p.cfg.Repeats:
				a.add(comp, finding{risk: RiskHigh, reason: fmt.Sprintf("%d %q events in %s", n, state, p.cfg.EventWindow)})
			case n > 0:
				a.add(comp, finding{risk: RiskLow, reason: fmt.Sprintf("%q event", state)})
			}
		}
	}
	return nil
}

type evKey struct{ comp, state string }

// eventKeysLocked lists the event rings this predictor has written; they
// are remembered in memory alongside the last readings.
func (p *Predictor) eventKeysLocked() []evKey {
	out := make([]evKey, 0, len(p.events))
	for k := range p.events {
		out = append(out, k)
	}
	slices.SortFunc(out, func(x, y evKey) int { return strings.Compare(x.comp+"\x00"+x.state, y.comp+"\x00"+y.state) })
	return out
}

// SampleKeys implements KeyLister.
func (m *MemHistory) SampleKeys() ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.rings))
	for k := range m.rings {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}
