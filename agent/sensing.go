package agent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/rmcp"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/health"
	"github.com/vigil-ha/vigil/sensors/host"
	"github.com/vigil-ha/vigil/sensors/ipmi"
	"github.com/vigil-ha/vigil/sensors/redfish"
	"github.com/vigil-ha/vigil/store"
)

// Source names of the sensor loop.
const (
	SourceBMC    = "bmc"
	SourceKernel = "kernel"
)

// source is one thing the sensor loop reads: this host's BMC or its
// kernel, with its predictor and what the loop last saw of it.
type source struct {
	name   string // SourceBMC, SourceKernel
	target string // "ipmi 10.0.1.11:623", "redfish https://...", the host name
	kind   sensors.Source
	reader sensors.Reader
	pred   *health.Predictor
	// cursors persists the reader's log cursors; nil when it has none.
	cursors cursorKeeper
	// rf is the reader when it is a Redfish BMC (its events are
	// followed); nil otherwise.
	rf *redfish.Reader

	// Owned by the main loop.
	up       bool
	polled   bool // answered or failed at least once
	lastOK   time.Time
	lastErr  string
	verdict  *health.Verdict
	readings []sensors.Reading           // of the last poll that answered
	duration time.Duration               // of the last poll
	risks    map[string]health.Component // components above none, by name
	downedAt time.Time
	// rounds counts the verdicts since start. The first warmupRounds
	// verdicts raise risks but clear none: the predictor's hysteresis
	// starts empty (a value needs two polls to count), so a risk restored
	// from before a restart would otherwise be cleared and raised again.
	rounds int
}

// warmupRounds is how many verdicts after a start never clear a risk.
const warmupRounds = 3

// cursorKeeper moves a reader's log cursors between it and the store, so
// that each SEL record or Redfish log entry is reported once, across polls
// and restarts.
type cursorKeeper interface {
	// restore hands the reader the cursors the store keeps.
	restore(st *store.Store) error
	// current is the reader's cursors after a poll, to be written with the
	// poll's samples.
	current(now time.Time) []store.Cursor
	// rewind puts the reader back on the cursors of the last poll that was
	// recorded (the poll just read could not be).
	rewind()
}

// selKeeper keeps an IPMI reader's SEL cursor under "ipmi:HOST:PORT/sel".
type selKeeper struct {
	r     *ipmi.Reader
	key   string
	saved store.SELCursor
}

func (k *selKeeper) restore(st *store.Store) error {
	c, err := st.Cursor(k.key)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if c.SEL != nil {
		k.saved = *c.SEL
		k.r.SetCursor(*c.SEL)
	}
	return nil
}

func (k *selKeeper) current(now time.Time) []store.Cursor {
	c := k.r.Cursor()
	k.saved = c
	return []store.Cursor{{Source: k.key, Updated: now, SEL: &c}}
}

func (k *selKeeper) rewind() { k.r.SetCursor(k.saved) }

// logCursorReader is how a Redfish reader (*redfish.Reader) keeps its log
// service cursors (one per log service, by @odata.id).
type logCursorReader interface {
	Cursors() map[string]store.LogCursor
	SetCursors(map[string]store.LogCursor)
}

var _ logCursorReader = (*redfish.Reader)(nil)

// logKeeper keeps a Redfish reader's log cursors under
// "redfish:URL" + the log service's @odata.id.
type logKeeper struct {
	r      logCursorReader
	prefix string
	saved  map[string]store.LogCursor
}

func (k *logKeeper) restore(st *store.Store) error {
	all, err := st.Cursors()
	if err != nil {
		return err
	}
	k.saved = map[string]store.LogCursor{}
	for _, c := range all {
		if svc, ok := strings.CutPrefix(c.Source, k.prefix); ok && c.Log != nil {
			k.saved[svc] = *c.Log
		}
	}
	k.r.SetCursors(k.saved)
	return nil
}

func (k *logKeeper) current(now time.Time) []store.Cursor {
	cs := k.r.Cursors()
	k.saved = cs
	out := make([]store.Cursor, 0, len(cs))
	for _, svc := range slices.Sorted(maps.Keys(cs)) {
		c := cs[svc]
		out = append(out, store.Cursor{Source: k.prefix + svc, Updated: now, Log: &c})
	}
	return out
}

func (k *logKeeper) rewind() { k.r.SetCursors(k.saved) }

// openSources builds the readers the config asks for: the BMC (when bmc:
// is set) and the kernel. The BMC password is read here, from its file.
func openSources(cfg *config.Config, st *store.Store, log *slog.Logger, now func() time.Time) ([]*source, error) {
	var out []*source
	if b := cfg.BMC; b != nil {
		r, target, err := OpenBMC(b, log.With("component", "sensors", "source", SourceBMC), now)
		if err != nil {
			return nil, err
		}
		s := &source{name: SourceBMC, reader: r, target: target}
		switch r := r.(type) {
		case *redfish.Reader:
			s.rf, s.kind = r, sensors.SourceRedfish
			s.cursors = &logKeeper{r: r, prefix: "redfish:" + b.Redfish}
		case *ipmi.Reader:
			s.kind = sensors.SourceIPMI
			s.cursors = &selKeeper{r: r, key: "ipmi:" + b.Target() + "/sel"}
		}
		out = append(out, s)
	}
	out = append(out, &source{name: SourceKernel, target: cfg.Host, kind: sensors.SourceHost,
		reader: host.New(host.Config{SysfsRoot: cfg.Sensors.SysfsRoot, ProcfsRoot: cfg.Sensors.ProcfsRoot, Target: cfg.Host, Now: now})})
	for _, s := range out {
		s.pred = health.New(health.Config{Prefix: cfg.Host + "/" + s.name + "/"}, st)
		s.risks = map[string]health.Component{}
		if s.cursors != nil {
			if err := s.cursors.restore(st); err != nil {
				closeSources(out)
				return nil, fmt.Errorf("%s: log cursors: %w", s.name, err)
			}
		}
	}
	return out, nil
}

// OpenBMC builds the reader of this host's BMC as bmc: configures it, its
// password read from bmc.password_file, and names it ("ipmi HOST:PORT",
// "redfish URL"). The agent polls it; `vigil tui` reads it directly while
// the daemon does not answer.
func OpenBMC(b *config.BMC, log *slog.Logger, now func() time.Time) (sensors.Reader, string, error) {
	pw, err := config.ReadSecret(b.PasswordFile)
	if err != nil {
		return nil, "", fmt.Errorf("bmc.password_file: %w", err)
	}
	if b.Redfish != "" {
		roots, err := config.ReadCAFile("bmc.ca_file", b.CAFile)
		if err != nil {
			return nil, "", err
		}
		return redfish.New(redfish.Config{URL: b.Redfish, User: b.User, Password: pw, Insecure: b.Insecure, RootCAs: roots,
			AllowPlainHTTP: b.AllowPlainHTTP, System: b.System, PollTimeout: b.Timeout, Logger: log, Now: now}), "redfish " + b.Redfish, nil
	}
	if err := rmcp.CheckCredentials(b.IPMIHost, b.User, pw); err != nil {
		return nil, "", fmt.Errorf("bmc: %w", err)
	}
	return ipmi.New(ipmi.Config{Host: b.IPMIHost, Port: b.IPMIPort, User: b.User, Password: pw,
		CipherSuite: b.CipherSuite, AllowWeakCipher: b.AllowWeakCipher, PollTimeout: b.Timeout, Logger: log, Now: now}), "ipmi " + b.Target(), nil
}

func closeSources(srcs []*source) {
	for _, s := range srcs {
		s.reader.Close()
	}
}

// pollSources polls every source concurrently, each within timeout. It runs
// outside the main loop; the main loop applies the results.
func pollSources(ctx context.Context, srcs []*source, timeout time.Duration) map[string]sensors.Result {
	readers := make(map[string]sensors.Reader, len(srcs))
	for _, s := range srcs {
		readers[s.name] = s.reader
	}
	return sensors.PollAll(ctx, readers, timeout)
}

// apply records one round of polls: each poll's samples and log cursors go
// to the store through its predictor, and every change worth telling (a
// source lost or back, a component's risk raised, changed or cleared)
// becomes an event, written to the audit log before anything else sees it.
func (a *Agent) apply(results map[string]sensors.Result, now time.Time) {
	for _, s := range a.sources {
		res, ok := results[s.name]
		if !ok {
			continue
		}
		s.duration = res.Duration
		if res.Err != nil || res.Poll == nil {
			a.sourceFailed(s, res.Err, now)
			continue
		}
		var cursors []store.Cursor
		if s.cursors != nil {
			cursors = s.cursors.current(now)
		}
		v, err := s.pred.Update(res.Poll, cursors...)
		if err != nil {
			if s.cursors != nil {
				s.cursors.rewind()
			}
			a.log.Error("record poll", "source", s.name, "err", err)
			continue
		}
		for _, sk := range res.Poll.Skipped {
			a.log.Debug("poll skipped", "source", s.name, "what", sk)
		}
		a.sourceAnswered(s, now)
		s.verdict = &v
		s.readings = res.Poll.Readings
		if res.Poll.Source != "" {
			s.kind = res.Poll.Source
		}
		a.compareRisks(s, v)
	}
}

func (a *Agent) sourceFailed(s *source, err error, now time.Time) {
	if err == nil {
		err = errors.New("no poll")
	}
	wasUp, first := s.up, !s.polled
	s.polled, s.up = true, false
	// A reader backing off repeats its last failure; it is not news.
	if errors.Is(err, bmc.ErrBackoff) && !wasUp && !first {
		return
	}
	s.lastErr = bmc.Detail(err)
	if !wasUp && !first {
		a.log.Debug("source still down", "source", s.name, "err", err)
		return
	}
	s.downedAt = now
	kind, what := KindBMCUnreachable, "BMC "+s.target+" unreachable"
	if s.name == SourceKernel {
		kind, what = KindKernelUnreadable, "kernel sensors of "+s.target+" unreadable"
	}
	ev := map[string]any{"source": s.name, "target": s.target, "error": err.Error()}
	if k := bmc.KindOf(err); k != "" {
		ev["cause"] = string(k)
	}
	if !s.lastOK.IsZero() {
		ev["last_answer"] = s.lastOK
	}
	a.record(Event{Time: now, Kind: kind, Message: what + ": " + err.Error(), Evidence: ev})
}

func (a *Agent) sourceAnswered(s *source, now time.Time) {
	wasDown := s.polled && !s.up
	s.polled, s.up, s.lastOK, s.lastErr = true, true, now, ""
	if !wasDown {
		return
	}
	kind, what := KindBMCReachable, "BMC "+s.target+" answers again"
	if s.name == SourceKernel {
		kind, what = KindKernelReadable, "kernel sensors of "+s.target+" readable again"
	}
	down := now.Sub(s.downedAt).Round(time.Second)
	a.record(Event{Time: now, Kind: kind, Message: fmt.Sprintf("%s after %v", what, down),
		Evidence: map[string]any{"source": s.name, "target": s.target, "down_seconds": down.Seconds()}})
}

// compareRisks records a risk event for every component whose risk
// changed since the source's previous verdict.
func (a *Agent) compareRisks(s *source, v health.Verdict) {
	now := map[string]health.Component{}
	for _, c := range v.Components {
		if c.Risk != health.RiskNone && c.Risk != "" {
			now[c.Name] = c
		}
	}
	for _, name := range slices.Sorted(maps.Keys(now)) {
		c := now[name]
		prev, had := s.risks[name]
		if had && prev.Risk == c.Risk && prev.Replace == c.Replace {
			continue
		}
		msg := fmt.Sprintf("%s risk %s: %s", name, c.Risk, c.Reason)
		if had {
			msg = fmt.Sprintf("%s risk %s (was %s): %s", name, c.Risk, prev.Risk, c.Reason)
		}
		if c.Replace && !strings.Contains(c.Reason, "replace") {
			msg += "; replace it (redundancy lost, nothing moves)"
		}
		previous := health.RiskNone
		if had {
			previous = prev.Risk
		}
		a.record(Event{Time: v.Time, Kind: KindRisk, Message: msg, Evidence: riskEvidence(s, c, previous)})
	}
	s.rounds++
	for _, name := range slices.Sorted(maps.Keys(s.risks)) {
		if _, still := now[name]; still {
			continue
		}
		if s.rounds <= warmupRounds {
			now[name] = s.risks[name]
			continue
		}
		prev := s.risks[name]
		cleared := health.Component{Name: name, Risk: health.RiskNone, Reason: "no longer at risk"}
		for _, c := range v.Components {
			if c.Name == name {
				cleared = c
			}
		}
		a.record(Event{Time: v.Time, Kind: KindRisk, Message: fmt.Sprintf("%s risk cleared (was %s)", name, prev.Risk),
			Evidence: riskEvidence(s, cleared, prev.Risk)})
	}
	s.risks = now
}

// restoreRisks sets every source's components at risk as the audit log
// last recorded them, so that a restarted agent reports changes, not the
// state it already reported. The log is read in pages.
func restoreRisks(st *store.Store, srcs []*source) error {
	bySource := map[string]*source{}
	for _, s := range srcs {
		bySource[s.name] = s
	}
	const page = 1000
	for after := uint64(0); ; {
		evs, err := st.Events(after, page)
		if err != nil {
			return err
		}
		for _, e := range evs {
			after = e.Seq
			if e.Kind != KindRisk {
				continue
			}
			var ev struct {
				Source, Component, Risk, Reason, Target string
				Replace                                 bool
			}
			if json.Unmarshal([]byte(e.Evidence), &ev) != nil {
				continue
			}
			s := bySource[ev.Source]
			if s == nil || ev.Target != s.target || ev.Component == "" {
				continue
			}
			if ev.Risk == string(health.RiskNone) {
				delete(s.risks, ev.Component)
				continue
			}
			s.risks[ev.Component] = health.Component{Name: ev.Component, Risk: health.Risk(ev.Risk), Reason: ev.Reason, Replace: ev.Replace}
		}
		if len(evs) < page {
			return nil
		}
	}
}

func riskEvidence(s *source, c health.Component, previous health.Risk) map[string]any {
	ev := map[string]any{"source": s.name, "target": s.target, "component": c.Name, "risk": string(c.Risk),
		"previous": string(previous), "reason": c.Reason, "eta_seconds": c.ETASeconds}
	if c.Replace {
		ev["replace"] = true
	}
	return ev
}

// record writes an event; a failure to write the audit log is logged (the
// agent goes on sensing).
func (a *Agent) record(ev Event) {
	if err := a.events.Record(ev); err != nil {
		a.log.Error("record event", "kind", ev.Kind, "err", err)
		return
	}
	a.log.Info("event", "kind", ev.Kind, "message", ev.Message)
}

// health summarises the sources for the cluster and the status.
func (a *Agent) hostHealth(now time.Time) HostHealth {
	h := HostHealth{Host: a.cfg.Host, Time: now, Risk: health.RiskNone, Verdicts: map[string]health.Verdict{}}
	for _, s := range a.sources {
		if !s.up && s.polled {
			h.Down = append(h.Down, s.name)
		}
		if s.verdict == nil {
			continue
		}
		h.Verdicts[s.name] = *s.verdict
		h.Degraded = h.Degraded || s.verdict.Degraded
		if riskRank(s.verdict.Risk) > riskRank(h.Risk) {
			h.Risk = s.verdict.Risk
		}
	}
	return h
}

func riskRank(r health.Risk) int {
	return slices.Index([]health.Risk{health.RiskNone, health.RiskLow, health.RiskHigh, health.RiskImminent}, r)
}
