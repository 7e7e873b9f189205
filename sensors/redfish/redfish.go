package redfish

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/stmcginnis/gofish"
	"github.com/stmcginnis/gofish/schemas"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/internal/bmc/rfsession"
	"github.com/vigil-ha/vigil/sensors"
)

// Config says how to reach one Redfish service.
type Config struct {
	URL      string // https://host[:port] (the service root is /redfish/v1)
	User     string
	Password string `json:"-"`
	// Insecure skips TLS certificate verification (never the default);
	// RootCAs, when set, replaces the system roots.
	Insecure bool
	RootCAs  *x509.CertPool
	// AllowPlainHTTP permits an http:// URL, whose requests carry the
	// credentials (or the session token) in clear: an isolated lab
	// network only. Without it such a URL fails every Poll with
	// rfsession.ErrPlainHTTP.
	AllowPlainHTTP bool
	// System limits the walk to one ComputerSystem (by Id) where a BMC
	// manages several; empty reads them all.
	System string
	// NoExpand never asks for $expand, even when the service root says
	// the BMC supports it (one GET per collection member instead).
	NoExpand bool
	// BasicOnly skips the session login and uses HTTP Basic auth.
	BasicOnly bool
	// Concurrency bounds parallel GETs of one walk (default 4).
	Concurrency int
	// PollTimeout bounds a Poll whose context has no deadline (10 s).
	PollTimeout time.Duration
	// MinBackoff and MaxBackoff bound the wait between reconnects to a
	// service that does not answer (default 1 s and 1 min).
	MinBackoff, MaxBackoff time.Duration
	Logger                 *slog.Logger     `json:"-"`
	Now                    func() time.Time `json:"-"`
}

// Errors of the Redfish reader. Failures are classified with
// internal/bmc's causes (bmc.ErrUnreachable, bmc.ErrAuth, bmc.ErrPrivilege,
// bmc.ErrCipher, bmc.ErrUnsupported), the same as fencing's.
var (
	// ErrAuth: the service refused the credentials. It is bmc.ErrAuth.
	ErrAuth = bmc.ErrAuth
	// ErrBackoff: a poll refused without a request because the last
	// connect failed recently; the error also wraps that failure. It is
	// bmc.ErrBackoff.
	ErrBackoff = bmc.ErrBackoff
	// ErrPlainHTTP: an http:// URL without Config.AllowPlainHTTP.
	ErrPlainHTTP = rfsession.ErrPlainHTTP
)

// Reader keeps one authenticated client (session token, or Basic where the
// service has no SessionService) to one Redfish service and walks its
// chassis and logs on every Poll.
type Reader struct {
	cfg Config

	mu sync.Mutex
	// cur is the open login, nil when there is none: every use and every
	// drop of the session goes through it whole.
	cur    *login
	logs   map[string]LogCursor // log service -> how far it has been read
	latch  bmc.Latch
	cfgErr error // a URL that cannot be used, reported by every Poll
}

// login is one authenticated client to the service: the rfsession client
// (a session token, or Basic credentials) and what the service root said.
// A Reader holds one or none; it is dropped as a whole, so no part of a
// session the BMC refused can outlive it (Close once logged out a session
// whose client had already been dropped).
type login struct {
	api    *gofish.APIClient
	sess   *rfsession.Client
	expand bool // collections fetched with $expand=.
}

// logout deletes the session on the BMC (nothing to do under Basic):
// for a session given up while the BMC still knows it.
func (l *login) logout(timeout time.Duration) { l.sess.Logout(timeout) }

// abandon forgets a session the BMC refused (401): no DELETE with a token
// the BMC no longer takes, only its idle connections closed.
func (l *login) abandon() {
	if l.api.HTTPClient != nil {
		l.api.HTTPClient.CloseIdleConnections()
	}
}

// New returns a Reader; it connects on the first Poll.
func New(cfg Config) *Reader {
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 4
	}
	if cfg.PollTimeout <= 0 {
		cfg.PollTimeout = 10 * time.Second
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = time.Second
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = time.Minute
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	endpoint, err := rfsession.Endpoint(cfg.URL, cfg.AllowPlainHTTP)
	if err == nil {
		cfg.URL = endpoint
	}
	return &Reader{cfg: cfg, logs: map[string]LogCursor{}, cfgErr: err,
		latch: bmc.Latch{Min: cfg.MinBackoff, Max: cfg.MaxBackoff}}
}

// BasicAuth reports whether the open client fell back to Basic auth
// (false when none is open).
func (r *Reader) BasicAuth() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cur != nil && r.cur.sess.Basic
}

// Close logs out of the session.
func (r *Reader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.dropLocked()
	return nil
}

func (r *Reader) dropLocked() {
	if r.cur != nil {
		r.cur.logout(2 * time.Second)
	}
	r.cur = nil
}

// redact keeps the password out of any error text that reaches callers.
func (r *Reader) redact(err error) error { return bmc.Scrub(err, r.cfg.Password) }

// connectLocked logs in (internal/bmc/rfsession: a session, Basic only
// where the service has no SessionService, credentials proved either way).
func (r *Reader) connectLocked(ctx context.Context) error {
	if r.cfgErr != nil {
		return r.cfgErr
	}
	sess, err := rfsession.Connect(ctx, rfsession.Config{
		URL: r.cfg.URL, User: r.cfg.User, Password: r.cfg.Password,
		TLS:            bmc.TLS{Insecure: r.cfg.Insecure, RootCAs: r.cfg.RootCAs},
		AllowPlainHTTP: r.cfg.AllowPlainHTTP, BasicOnly: r.cfg.BasicOnly,
		MaxConns: r.cfg.Concurrency, Prove: "/redfish/v1/Chassis",
	})
	if err != nil {
		return err
	}
	api := sess.API
	r.cur = &login{api: api, sess: sess,
		expand: !r.cfg.NoExpand && api.Service != nil && api.Service.ProtocolFeaturesSupported.ExpandQuery.NoLinks}
	return nil
}

func isTransport(err error) bool {
	var ue *url.Error
	return errors.As(err, &ue)
}

// Poll walks every chassis (Thermal, Power, Sensors, ThermalSubsystem
// fans, PowerSubsystem power supplies) and the log services of managers
// and systems, with up to Concurrency GETs in flight. A resource that
// fails to load or decode is listed in Poll.Skipped; the rest is read.
func (r *Reader) Poll(ctx context.Context) (*sensors.Poll, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.cfg.PollTimeout)
		defer cancel()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cur == nil {
		if err := r.latch.Err(r.cfg.Now()); err != nil {
			return nil, fmt.Errorf("redfish %s: %w", r.cfg.URL, err)
		}
		if err := r.connectLocked(ctx); err != nil {
			return nil, r.failLocked(err)
		}
	}
	p, err := r.walkLocked(ctx)
	if err != nil {
		var re *schemas.Error
		if errors.As(err, &re) && re.HTTPReturnedStatusCode == 401 && ctx.Err() == nil {
			// Session expired: log in again once.
			r.cur.abandon()
			r.cur = nil
			if err := r.connectLocked(ctx); err != nil {
				return nil, r.failLocked(err)
			}
			p, err = r.walkLocked(ctx)
		}
	}
	if err != nil {
		// Log the session out in the background (a dead BMC must not
		// hold this poll past its deadline; a live one frees its slot).
		if cur := r.cur; cur != nil {
			go cur.logout(2 * time.Second)
		}
		r.cur = nil
		return nil, r.failLocked(rfsession.Classify(ctx, err))
	}
	r.latch.Reset()
	return p, nil
}

// failLocked records a failed attempt, schedules the next one with
// exponential backoff and classifies the error: a service that does not
// answer (or fails in a way no cause names) is sensors.ErrSourceDown; one
// that refused the credentials, the privilege or the TLS handshake
// answered, so it is not.
func (r *Reader) failLocked(err error) error {
	if !bmc.Classified(err) {
		err = r.redact(err) // a library's error; ours never hold the password
	}
	err = rfsession.Classify(context.Background(), err)
	switch bmc.KindOf(err) {
	case bmc.KindUnreachable, "":
		err = bmc.Tag(fmt.Errorf("redfish %s: %w", r.cfg.URL, err), sensors.ErrSourceDown)
	default:
		err = fmt.Errorf("redfish %s: %w", r.cfg.URL, err)
	}
	r.latch.Fail(r.cfg.Now(), err)
	r.cfg.Logger.Debug("redfish poll failed", "target", r.cfg.URL, "err", bmc.Detail(err))
	return err
}

// walker is one Poll's state: the client bound to the poll's context and
// the results gathered by concurrent fetches.
type walker struct {
	r   *Reader
	api *gofish.APIClient
	ctx context.Context
	now time.Time
	sem chan struct{}
	wg  sync.WaitGroup

	mu        sync.Mutex
	readings  []sensors.Reading // rollups
	sightings []sighting        // chassis sensors, one per view (identity merges them)
	events    []sensors.Event
	skipped   []string
	fatal     error
	newLogs   map[string]LogCursor
	expand    bool
}

// get fetches one resource's JSON.
func (w *walker) get(path string) ([]byte, error) {
	if err := w.ctx.Err(); err != nil {
		return nil, err
	}
	resp, err := w.api.Get(path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, 16<<20))
}

// spawn runs f concurrently, bounded by the semaphore.
func (w *walker) spawn(f func()) {
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		select {
		case w.sem <- struct{}{}:
		case <-w.ctx.Done():
			return
		}
		defer func() { <-w.sem }()
		f()
	}()
}

func (w *walker) skip(path string, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var re *schemas.Error
	if errors.As(err, &re) && re.HTTPReturnedStatusCode == 401 && w.fatal == nil {
		w.fatal = err
	}
	if isTransport(err) && w.fatal == nil {
		w.fatal = err
	}
	if re != nil && re.HTTPReturnedStatusCode != 0 {
		// The status and message, not the raw body.
		err = fmt.Errorf("HTTP %d: %s", re.HTTPReturnedStatusCode, rfsession.Brief(re))
	}
	w.skipped = append(w.skipped, fmt.Sprintf("%s: %v", path, w.r.redact(err)))
}

func (w *walker) add(rs ...sensors.Reading) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for i := range rs {
		rs[i].Source = sensors.SourceRedfish
		rs[i].Time = w.now
	}
	w.readings = append(w.readings, rs...)
}

// sight records readings of chassis c as view v shows them.
func (w *walker) sight(c chassisRef, v view, ss ...sighting) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, s := range ss {
		s.rd.Source, s.rd.Time = sensors.SourceRedfish, w.now
		s.chassis, s.chassisID, s.view = c.path, c.id, v
		w.sightings = append(w.sightings, s)
	}
}

func (w *walker) note(path string, skipped []string) {
	if len(skipped) == 0 {
		return
	}
	w.r.cfg.Logger.Warn("redfish resource decoded tolerantly", "target", w.r.cfg.URL, "resource", path, "skipped", skipped)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.skipped = append(w.skipped, fmt.Sprintf("%s: skipped wrongly typed %s", path, strings.Join(skipped, ", ")))
}

// fetch GETs path and decodes it into T, tolerantly.
func fetch[T any](w *walker, path string) (T, bool) {
	var zero T
	raw, err := w.get(path)
	if err != nil {
		w.skip(path, err)
		return zero, false
	}
	v, skipped, err := decode[T](raw)
	if err != nil {
		w.skip(path, err)
		return zero, false
	}
	w.note(path, skipped)
	return v, true
}

// fetchOr decodes raw (a member already inlined by $expand) or, when raw
// is nil, GETs path.
func fetchOr[T any](w *walker, path string, raw []byte) (T, bool) {
	if raw == nil {
		return fetch[T](w, path)
	}
	v, skipped, err := decode[T](raw)
	if err != nil {
		w.skip(path, err)
		return v, false
	}
	w.note(path, skipped)
	return v, true
}

// expandedMembers GETs a collection (with $expand=. where the BMC supports
// it) and returns each member's path and, when inlined, its JSON.
func (w *walker) expandedMembers(path string) ([]string, [][]byte, bool) {
	q := path
	if w.expand {
		q += "?$expand=."
	}
	raw, err := w.get(q)
	var re *schemas.Error
	if err != nil && w.expand && errors.As(err, &re) && re.HTTPReturnedStatusCode >= 400 && re.HTTPReturnedStatusCode != 401 {
		raw, err = w.get(path) // advertised but refused: plain GET
	}
	if err != nil {
		w.skip(path, err)
		return nil, nil, false
	}
	var c struct{ Members []json.RawMessage }
	if err := json.Unmarshal(raw, &c); err != nil {
		w.skip(path, err)
		return nil, nil, false
	}
	paths := make([]string, 0, len(c.Members))
	bodies := make([][]byte, 0, len(c.Members))
	listed := map[string]bool{}
	for _, m := range c.Members {
		var probe map[string]json.RawMessage
		if json.Unmarshal(m, &probe) != nil {
			continue
		}
		var id string
		_ = json.Unmarshal(probe["@odata.id"], &id)
		if id == "" || listed[strings.TrimRight(id, "/")] {
			continue // a member listed twice is read once
		}
		listed[strings.TrimRight(id, "/")] = true
		paths = append(paths, id)
		if len(probe) > 1 {
			bodies = append(bodies, m) // inlined
		} else {
			bodies = append(bodies, nil)
		}
	}
	return paths, bodies, true
}

// collection is the part of a Redfish collection we use.
type collection struct {
	Members []struct {
		ODataID string `json:"@odata.id"`
	}
}

type link struct {
	ODataID string `json:"@odata.id"`
}

// chassisLinks is the part of a Chassis we follow.
type chassisLinks struct {
	ID               string `json:"Id"`
	Name             string
	Status           schemas.Status
	Thermal          link
	Power            link
	Sensors          link
	ThermalSubsystem link
	PowerSubsystem   link
	LogServices      link
}

func (r *Reader) walkLocked(ctx context.Context) (*sensors.Poll, error) {
	w := &walker{r: r, api: r.cur.api.WithContext(ctx), ctx: ctx, now: r.cfg.Now(),
		sem: make(chan struct{}, r.cfg.Concurrency), newLogs: map[string]LogCursor{}, expand: r.cur.expand}
	chassis, bodies, ok := w.expandedMembers("/redfish/v1/Chassis")
	if !ok {
		return nil, w.firstError()
	}
	for i, path := range chassis {
		w.spawn(func() { w.chassis(path, bodies[i]) })
	}
	for _, root := range []string{"/redfish/v1/Managers", "/redfish/v1/Systems"} {
		w.spawn(func() {
			paths, bodies, ok := w.expandedMembers(root)
			if !ok {
				return
			}
			for i, path := range paths {
				if root == "/redfish/v1/Systems" {
					if r.cfg.System != "" && lastPathElem(path) != r.cfg.System {
						continue
					}
					w.spawn(func() { w.system(path, bodies[i]) })
				}
				w.spawn(func() { w.guessedLogServices(path + "/LogServices") })
			}
		})
	}
	w.wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if w.fatal != nil {
		return nil, w.fatal
	}
	for svc, c := range w.newLogs {
		r.logs[svc] = c
	}
	// One reading per physical sensor, however many views show it.
	w.readings = append(w.readings, identity(w.sightings)...)
	// Fans and PSUs form one redundant set per kind when there are at
	// least two distinct ones.
	distinct := map[sensors.Kind]map[string]bool{}
	for _, rd := range w.readings {
		if rd.Kind == sensors.KindFan || rd.Kind == sensors.KindPSU {
			if distinct[rd.Kind] == nil {
				distinct[rd.Kind] = map[string]bool{}
			}
			distinct[rd.Kind][rd.Component] = true
		}
	}
	for i := range w.readings {
		rd := &w.readings[i]
		if n := len(distinct[rd.Kind]); n > 1 && rd.Redundant == "" {
			rd.Redundant = string(rd.Kind) + "s"
		}
	}
	sort.Slice(w.readings, func(i, j int) bool { return w.readings[i].Key() < w.readings[j].Key() })
	sort.Slice(w.events, func(i, j int) bool { return w.events[i].Time.Before(w.events[j].Time) })
	sort.Strings(w.skipped)
	p := &sensors.Poll{Source: sensors.SourceRedfish, Target: r.cfg.URL, Time: w.now,
		Readings: w.readings, Events: w.events, Skipped: w.skipped}
	if p.Readings == nil {
		p.Readings = []sensors.Reading{}
	}
	if p.Events == nil {
		p.Events = []sensors.Event{}
	}
	return p, nil
}

func (w *walker) firstError() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.fatal != nil {
		return w.fatal
	}
	if len(w.skipped) > 0 {
		return errors.New(w.skipped[0])
	}
	return errors.New("redfish: walk failed")
}

// chassisRef names the chassis a reading belongs to.
type chassisRef struct{ path, id string }

func (w *walker) chassis(path string, raw []byte) {
	c, ok := fetchOr[chassisLinks](w, path, raw)
	if !ok {
		return
	}
	ref := chassisRef{path: path, id: nameOr(c.ID, lastPathElem(path))}
	w.add(rollup("Chassis", ref.id, c.Status, ""))
	if p := c.Thermal.ODataID; p != "" {
		w.spawn(func() { w.thermal(ref, p) })
	}
	if p := c.Power.ODataID; p != "" {
		w.spawn(func() { w.power(ref, p) })
	}
	if p := c.Sensors.ODataID; p != "" {
		w.spawn(func() { w.members(p, func(p string, raw []byte) { w.sensor(ref, p, raw) }) })
	}
	if p := c.ThermalSubsystem.ODataID; p != "" {
		w.spawn(func() { w.members(p+"/Fans", func(p string, raw []byte) { w.fan(ref, p, raw) }) })
	}
	if p := c.PowerSubsystem.ODataID; p != "" {
		w.spawn(func() { w.members(p+"/PowerSupplies", func(p string, raw []byte) { w.psu(ref, p, raw) }) })
	}
	if p := c.LogServices.ODataID; p != "" {
		w.spawn(func() { w.logServices(p) })
	}
}

// rollup is the health rollup of a chassis or system as a discrete reading.
func rollup(what, id string, st schemas.Status, power string) sensors.Reading {
	h := st
	if st.HealthRollup != "" {
		h.Health = st.HealthRollup
	}
	states := healthStates(h)
	if power != "" {
		states = append(states, "Power "+power)
	}
	n := what + " " + id
	return sensors.Reading{Component: n, Name: n + " health", Kind: sensors.KindOther, Status: statusOf(h), States: states, Rollup: true}
}

// system reads a ComputerSystem's health rollup and power state.
func (w *walker) system(path string, raw []byte) {
	s, ok := fetchOr[struct {
		ID         string `json:"Id"`
		Status     schemas.Status
		PowerState string
	}](w, path, raw)
	if !ok {
		return
	}
	w.add(rollup("System", nameOr(s.ID, lastPathElem(path)), s.Status, s.PowerState))
}

// members GETs a collection and each member not already inlined,
// concurrently.
func (w *walker) members(path string, each func(string, []byte)) {
	paths, bodies, ok := w.expandedMembers(path)
	if !ok {
		return
	}
	for i, p := range paths {
		w.spawn(func() { each(p, bodies[i]) })
	}
}

// statusOf maps a Redfish Status to a reading status. Absent, disabled
// and standby resources report nothing (unknown); a resource that is
// UnavailableOffline has failed (its Health, or critical when it has none);
// otherwise the Health.
func statusOf(s schemas.Status) sensors.Status {
	switch s.State {
	case schemas.AbsentState, schemas.DisabledState, schemas.StandbyOfflineState, schemas.StandbySpareState:
		return sensors.StatusUnknown
	}
	switch strings.ToLower(string(s.Health)) {
	case "ok":
		return sensors.StatusOK
	case "warning":
		return sensors.StatusWarning
	case "critical":
		return sensors.StatusCritical
	}
	if s.State == schemas.UnavailableOfflineState {
		return sensors.StatusCritical
	}
	return sensors.StatusUnknown
}

// f64 widens a schema number; a float32 (gofish's type for some legacy
// readings, such as ReadingVolts) keeps its shortest decimal form, so
// 12.05 stays 12.05 and not 12.050000190734863.
func f64[T float32 | float64 | int](p *T) *float64 {
	if p == nil {
		return nil
	}
	if v, ok := any(*p).(float32); ok {
		d, _ := strconv.ParseFloat(strconv.FormatFloat(float64(v), 'g', -1, 32), 64)
		return sensors.F(d)
	}
	return sensors.F(float64(*p))
}

func thr[T float32 | float64 | int](lw, lc, lf, uw, uc, uf *T) *sensors.Thresholds {
	t := sensors.Thresholds{LowerWarning: f64(lw), LowerCritical: f64(lc), LowerFatal: f64(lf),
		UpperWarning: f64(uw), UpperCritical: f64(uc), UpperFatal: f64(uf)}
	if t.Empty() {
		return nil
	}
	return &t
}

func nameOr(names ...string) string {
	for _, n := range names {
		if n != "" {
			return n
		}
	}
	return "unnamed"
}

// valueIfEnabled drops the value of a sensor that is not enabled (a
// disabled sensor's last reading is not a reading).
func valueIfEnabled(v *float64, st sensors.Status) *float64 {
	if st == sensors.StatusUnknown {
		return nil
	}
	return v
}

func (w *walker) thermal(c chassisRef, path string) {
	t, ok := fetch[schemas.Thermal](w, path)
	if !ok {
		return
	}
	var temps, rs []sighting
	for _, x := range t.Temperatures {
		st := statusOf(x.Status)
		n := nameOr(x.Name, x.MemberID)
		temps = append(temps, sighting{member: x.MemberID, rd: sensors.Reading{Component: n, Name: n, Kind: sensors.KindTemperature, Unit: sensors.UnitCelsius,
			Value: valueIfEnabled(f64(x.ReadingCelsius), st), Status: st,
			Thresholds: thr(x.LowerThresholdNonCritical, x.LowerThresholdCritical, x.LowerThresholdFatal,
				x.UpperThresholdNonCritical, x.UpperThresholdCritical, x.UpperThresholdFatal)}})
	}
	fans := 0
	for _, x := range t.Fans {
		if statusOf(x.Status) != sensors.StatusUnknown {
			fans++
		}
	}
	for _, x := range t.Fans {
		st := statusOf(x.Status)
		n := nameOr(x.Name, x.MemberID)
		unit := sensors.UnitRPM
		if strings.EqualFold(string(x.ReadingUnits), "Percent") {
			unit = sensors.UnitPercent
		}
		rd := sensors.Reading{Component: n, Name: n, Kind: sensors.KindFan, Unit: unit,
			Value: valueIfEnabled(f64(x.Reading), st), Status: st,
			Thresholds: thr(x.LowerThresholdNonCritical, x.LowerThresholdCritical, x.LowerThresholdFatal,
				x.UpperThresholdNonCritical, x.UpperThresholdCritical, x.UpperThresholdFatal)}
		if fans > 1 {
			rd.Redundant = "fans"
		}
		rs = append(rs, sighting{member: x.MemberID, rd: rd})
	}
	w.sight(c, viewThermal, append(temps, rs...)...)
}

func (w *walker) power(c chassisRef, path string) {
	p, ok := fetch[schemas.Power](w, path)
	if !ok {
		return
	}
	var rs []sighting
	for _, x := range p.Voltages {
		st := statusOf(x.Status)
		n := nameOr(x.Name, x.MemberID)
		rs = append(rs, sighting{member: x.MemberID, rd: sensors.Reading{Component: n, Name: n, Kind: sensors.KindVoltage, Unit: sensors.UnitVolts,
			Value: valueIfEnabled(f64(x.ReadingVolts), st), Status: st,
			Thresholds: thr(x.LowerThresholdNonCritical, x.LowerThresholdCritical, x.LowerThresholdFatal,
				x.UpperThresholdNonCritical, x.UpperThresholdCritical, x.UpperThresholdFatal)}})
	}
	for _, x := range p.PowerSupplies {
		st := statusOf(x.Status)
		n := nameOr(x.Name, x.MemberID)
		rd := sensors.Reading{Component: n, Name: n, Kind: sensors.KindPSU, Unit: sensors.UnitWatts,
			Value: valueIfEnabled(f64(x.LastPowerOutputWatts), st), Status: st}
		if rd.Value == nil {
			rd.Unit = sensors.UnitNone
		}
		rd.States = healthStates(x.Status)
		if len(p.PowerSupplies) > 1 {
			rd.Redundant = "psus"
		}
		rs = append(rs, sighting{member: x.MemberID, rd: rd})
	}
	w.sight(c, viewPower, rs...)
}

// healthStates turns a Status into discrete states ("Enabled", "Health
// Critical") for resources without a numeric reading.
func healthStates(s schemas.Status) []string {
	var out []string
	if s.State != "" {
		out = append(out, string(s.State))
	}
	if s.Health != "" && !strings.EqualFold(string(s.Health), "OK") {
		out = append(out, "Health "+string(s.Health))
	}
	return out
}

// sensorKind maps a Sensor's ReadingType (or, when a BMC leaves it out,
// its ReadingUnits) to a kind and unit. A percent sensor named like a fan
// is a fan duty.
func sensorKind(t schemas.ReadingType, units, name string) (sensors.Kind, sensors.Unit) {
	if t == "" {
		switch units {
		case "Cel":
			t = schemas.TemperatureReadingType
		case "RPM", "{rev}/min":
			t = schemas.RotationalReadingType
		case "V":
			t = schemas.VoltageReadingType
		case "A":
			t = schemas.CurrentReadingType
		case "W":
			t = schemas.PowerReadingType
		case "%":
			t = schemas.PercentReadingType
		}
	}
	switch t {
	case schemas.TemperatureReadingType:
		return sensors.KindTemperature, sensors.UnitCelsius
	case schemas.RotationalReadingType:
		return sensors.KindFan, sensors.UnitRPM
	case schemas.VoltageReadingType:
		return sensors.KindVoltage, sensors.UnitVolts
	case schemas.CurrentReadingType:
		return sensors.KindCurrent, sensors.UnitAmps
	case schemas.PowerReadingType:
		return sensors.KindPower, sensors.UnitWatts
	case schemas.PercentReadingType:
		if strings.Contains(strings.ToLower(name), "fan") {
			return sensors.KindFan, sensors.UnitPercent
		}
		return sensors.KindOther, sensors.UnitPercent
	}
	return sensors.KindOther, sensors.Unit(units)
}

func (w *walker) sensor(c chassisRef, path string, raw []byte) {
	s, ok := fetchOr[schemas.Sensor](w, path, raw)
	if !ok {
		return
	}
	kind, unit := sensorKind(s.ReadingType, s.ReadingUnits, s.Name+" "+s.ID)
	st := statusOf(s.Status)
	n := nameOr(s.Name, s.ID)
	t := s.Thresholds
	rd := sensors.Reading{Component: n, Name: n, Kind: kind, Unit: unit, Value: valueIfEnabled(s.Reading, st), Status: st,
		Thresholds: thr(t.LowerCaution.Reading, t.LowerCritical.Reading, t.LowerFatal.Reading,
			t.UpperCaution.Reading, t.UpperCritical.Reading, t.UpperFatal.Reading)}
	w.sight(c, viewSensors, sighting{rd: rd, self: path})
}

func (w *walker) fan(c chassisRef, path string, raw []byte) {
	f, ok := fetchOr[schemas.Fan](w, path, raw)
	if !ok {
		return
	}
	st := statusOf(f.Status)
	n := nameOr(f.Name, f.ID)
	rd := sensors.Reading{Component: n, Name: n, Kind: sensors.KindFan, Status: st, Redundant: "fans"}
	switch {
	case f.SpeedPercent.SpeedRPM != nil:
		rd.Value, rd.Unit = valueIfEnabled(f.SpeedPercent.SpeedRPM, st), sensors.UnitRPM
	case f.SpeedPercent.Reading != nil:
		rd.Value, rd.Unit = valueIfEnabled(f.SpeedPercent.Reading, st), sensors.UnitPercent
	}
	w.sight(c, viewThermalSubsystem, sighting{rd: rd, self: path, source: f.SpeedPercent.DataSourceURI})
}

func (w *walker) psu(c chassisRef, path string, raw []byte) {
	p, ok := fetchOr[schemas.PowerSupplyUnit](w, path, raw)
	if !ok {
		return
	}
	n := nameOr(p.Name, p.ID)
	w.sight(c, viewPowerSubsystem, sighting{self: path, rd: sensors.Reading{Component: n, Name: n, Kind: sensors.KindPSU,
		Status: statusOf(p.Status), States: healthStates(p.Status), Redundant: "psus"}})
}

// logServices reads the entries of every log service under path that its
// cursor has not passed (logTracker), and moves the cursor past them.
func (w *walker) logServices(path string) {
	c, ok := fetch[collection](w, path)
	if !ok {
		return
	}
	w.logEntries(c)
}

// guessedLogServices is logServices at the usual place under a manager or
// system, which need not have one: a 404 there is no log, not a failure.
func (w *walker) guessedLogServices(path string) {
	raw, err := w.get(path)
	var re *schemas.Error
	if errors.As(err, &re) && re.HTTPReturnedStatusCode == http.StatusNotFound {
		return
	}
	if err != nil {
		w.skip(path, err)
		return
	}
	c, skipped, err := decode[collection](raw)
	if err != nil {
		w.skip(path, err)
		return
	}
	w.note(path, skipped)
	w.logEntries(c)
}

// logEntries reads the entries of each log service of c.
func (w *walker) logEntries(c collection) {
	for _, m := range c.Members {
		svc := m.ODataID
		w.spawn(func() {
			q := svc + "/Entries"
			if w.expand {
				q += "?$expand=."
			}
			raw, err := w.get(q)
			if err != nil {
				w.skip(svc+"/Entries", err)
				return
			}
			var coll struct {
				Members []json.RawMessage
			}
			if err := json.Unmarshal(raw, &coll); err != nil {
				w.skip(svc+"/Entries", err)
				return
			}
			// r.logs is only written after the walk, by the goroutine
			// holding r.mu: reading it here is safe.
			var old *LogCursor
			if c, ok := w.r.logs[svc]; ok {
				old = &c
			}
			tr := newLogTracker(old, len(coll.Members))
			var evs []sensors.Event
			for _, mraw := range coll.Members {
				var l struct {
					ID      string `json:"@odata.id"`
					EntryID string `json:"Id"`
				}
				_ = json.Unmarshal(mraw, &l)
				key := entryKey(l.EntryID, l.ID)
				entry := mraw
				if l.EntryID == "" && l.ID != "" {
					// A link, not an expanded member: fetch it, unless
					// it was read before.
					if tr.known(key) {
						continue
					}
					b, err := w.get(l.ID)
					if err != nil {
						w.skip(l.ID, err)
						tr.incomplete = true
						continue
					}
					entry = b
				}
				ev, err := DecodeLogEntry(entry, w.now)
				if err != nil {
					w.skip(nameOr(l.ID, svc), err)
					tr.incomplete = true
					continue
				}
				created, dated := entryCreated(entry, w.now)
				if tr.add(key, created, dated) && !ownEntry(entry) {
					evs = append(evs, ev)
				}
			}
			w.mu.Lock()
			w.events = append(w.events, evs...)
			w.newLogs[svc] = tr.cursor()
			w.mu.Unlock()
		})
	}
}

// logEntry is the part of a Redfish LogEntry the agent uses.
type logEntry struct {
	ID         string `json:"Id"`
	Name       string
	Created    string
	Severity   string
	Message    string
	MessageID  string `json:"MessageId"`
	SensorType string
	EntryType  string
	EntryCode  string
	Origin     struct {
		ODataID string `json:"@odata.id"`
	} `json:"OriginOfCondition"`
}

// ownEntry reports whether a LogEntry is one vigil wrote itself
// (alert/bmclog; internal/bmc/ownlog tells): the cursor passes it, but a
// decision of vigil's is never hardware evidence.
func ownEntry(b []byte) bool {
	e, _, err := decode[struct {
		MessageID       string `json:"MessageId"`
		OemRecordFormat string
		Message         string
	}](b)
	return err == nil && ownlog.IsLogEntry(e.MessageID, e.OemRecordFormat, e.Message)
}

// DecodeLogEntry turns one Redfish LogEntry (a SEL record or an event log
// line) into a model event. Tolerant: only the fields it needs, each
// optional.
func DecodeLogEntry(b []byte, now time.Time) (sensors.Event, error) {
	e, skipped, err := decode[logEntry](b)
	if err != nil {
		return sensors.Event{}, fmt.Errorf("log entry: %w", err)
	}
	_ = skipped // fields we could not use are simply absent
	ev := sensors.Event{Source: sensors.SourceRedfish, ID: e.ID, Time: now, Message: e.Message, Asserted: true}
	if t, err := time.Parse(time.RFC3339, e.Created); err == nil {
		ev.Time = t
	}
	ev.Severity = severityOf(e.Severity)
	ev.Component = nameOr(e.SensorType, lastPathElem(e.Origin.ODataID), e.Name)
	ev.Kind = kindOf(ev.Component, e.Message)
	ev.State = nameOr(e.EntryCode, e.MessageID, e.Severity)
	if strings.Contains(strings.ToLower(e.EntryCode), "deassert") {
		ev.Asserted = false
	}
	if ev.Message == "" {
		ev.Message = nameOr(e.MessageID, e.Name)
	}
	return ev, nil
}

func severityOf(s string) sensors.Severity {
	switch strings.ToLower(s) {
	case "critical":
		return sensors.SeverityCritical
	case "warning":
		return sensors.SeverityWarning
	}
	return sensors.SeverityInfo
}

func lastPathElem(p string) string {
	p = strings.TrimRight(p, "/")
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[i+1:]
	}
	return p
}

// redacted is what the Config shows of itself (bmc.Redacted).
func (c Config) redacted() bmc.Redacted {
	var attrs []slog.Attr
	if c.System != "" {
		attrs = append(attrs, slog.String("system", c.System))
	}
	if c.Insecure {
		attrs = append(attrs, slog.Bool("insecure", true))
	}
	if c.AllowPlainHTTP {
		attrs = append(attrs, slog.Bool("allow_plain_http", true))
	}
	return bmc.Redacted{Driver: "redfish", Target: c.URL, User: c.User, HasPassword: c.Password != "", Attrs: attrs}
}

// String keeps the password out of formatted output.
func (c Config) String() string { return c.redacted().String() }

// GoString keeps the password out of %#v.
func (c Config) GoString() string { return c.redacted().GoString() }

// Format keeps the password out of every fmt verb.
func (c Config) Format(f fmt.State, verb rune) { c.redacted().Format(f, verb) }

// LogValue implements slog.LogValuer.
func (c Config) LogValue() slog.Value { return c.redacted().LogValue() }
