package fencing

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/store"
)

// Level is one way to fence a host, for example its IPMI BMC, then its
// Redfish interface, then a switched PDU.
type Level struct {
	// Name identifies the level in records ("ipmi", "redfish").
	Name string
	// Target is the BMC address the level talks to; the self-fence guard
	// compares it with this host's own BMCs before anything is opened.
	Target string
	// Open connects to the BMC for one attempt.
	Open func(ctx context.Context) (Fencer, error)
	// Timeout bounds one attempt, connect to confirmation (default 20 s).
	Timeout time.Duration
	// Retries is how many more attempts follow a failed one (default 0).
	// Permanent errors (wrong password, privilege, unsupported) are never
	// retried.
	Retries int
	// Backoff is the wait before the first retry, doubled for each next
	// one up to 8 times the first (default 1 s).
	Backoff time.Duration
}

// HostLevels is a host and its fence levels, tried in order.
type HostLevels struct {
	Host   string
	Levels []Level
}

// Store is the part of the store a Manager writes to: intents around every
// fence, the fence records (also read back by the mass-fence guard) and the
// audit log. *store.Store satisfies it.
type Store interface {
	OpenIntent(in store.Intent) (uint64, error)
	CloseIntent(id uint64, outcome, detail string) error
	AddFence(f store.FenceRecord) (uint64, error)
	FencesSince(t time.Time) ([]store.FenceRecord, error)
	Append(ev store.Event) (uint64, error)
}

// Revoker takes a host's ownership of its VMs away in the replicated
// cluster state, so that no VM is placed on it again and its VMs may be
// placed elsewhere once the fence is confirmed. Manager.Fence calls it
// before the first power command of an off or a cycle (DESIGN.md's fencing
// order: revoke, power off, record the confirmation); when it fails, no
// command is sent and the fence fails. It must be idempotent: a resumed
// fence revokes again.
type Revoker interface {
	Revoke(ctx context.Context, host string) error
}

// RevokeFunc adapts a function to a Revoker.
type RevokeFunc func(ctx context.Context, host string) error

// Revoke calls f.
func (f RevokeFunc) Revoke(ctx context.Context, host string) error { return f(ctx, host) }

// Standalone is the Revoker of a Manager that belongs to no cluster (a
// technician's tool, a test): there is no replicated ownership to revoke.
var Standalone Revoker = RevokeFunc(func(context.Context, string) error { return nil })

// Config configures a Manager.
type Config struct {
	// Self is this host's name; SelfBMCs its own BMC addresses. Neither may
	// be fenced through a Manager.
	Self     string
	SelfBMCs []string
	// ClusterSize returns the number of hosts in the cluster now.
	ClusterSize func() int
	// MaxShare of the cluster may be fenced within Window (defaults 0.5 and
	// 10 minutes). Every off or cycle attempted counts, confirmed or not;
	// powering on does not. At least one host may always be fenced.
	MaxShare float64
	Window   time.Duration
	// Store records intents, fence records and audit events. Required.
	Store Store
	// Revoker revokes the host's ownership before it is powered off.
	// Required: a Manager outside any cluster says so with Standalone.
	Revoker Revoker
	// Confirm tunes the power read-back. Its Sleep defaults to the
	// Manager's.
	Confirm Confirm
	// Now and Sleep are the clock (defaults time.Now and a timer): Sleep
	// paces the retries and the confirmation polls, Now stamps the
	// records and times the attempts.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

// Manager fences hosts level by level, keeping the guards and writing
// every attempt down. Safe for concurrent use.
type Manager struct {
	cfg      Config
	mu       sync.Mutex
	inflight map[string]bool
}

// NewManager checks cfg and returns a Manager.
func NewManager(cfg Config) (*Manager, error) {
	switch {
	case cfg.Store == nil:
		return nil, errors.New("fencing: Config.Store is required")
	case cfg.Revoker == nil:
		return nil, errors.New("fencing: Config.Revoker is required (fencing.Standalone outside a cluster)")
	case cfg.ClusterSize == nil:
		return nil, errors.New("fencing: Config.ClusterSize is required")
	case cfg.Self == "":
		return nil, errors.New("fencing: Config.Self is required")
	case cfg.MaxShare < 0 || cfg.MaxShare > 1:
		return nil, fmt.Errorf("fencing: MaxShare %v outside 0..1", cfg.MaxShare)
	}
	if cfg.MaxShare == 0 {
		cfg.MaxShare = 0.5
	}
	if cfg.Window <= 0 {
		cfg.Window = 10 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	if cfg.Confirm.Sleep == nil {
		cfg.Confirm.Sleep = cfg.Sleep
	}
	return &Manager{cfg: cfg, inflight: map[string]bool{}}, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Fence powers h off (or on, or cycles it) through its levels in order until
// one confirms, and returns the fence record it stored. Before anything is
// sent it refuses to fence this host (ErrSelfFence) or more than MaxShare of
// the cluster within Window (ErrMassFence), writes a fence intent that it
// closes with the outcome and, for an off or a cycle, revokes the host's
// ownership through Config.Revoker; if that fails, no power command is sent
// and the fence fails (the record says so).
func (m *Manager) Fence(ctx context.Context, h HostLevels, a Action, reason string) (store.FenceRecord, error) {
	rec := store.FenceRecord{Host: h.Host, By: m.cfg.Self, Action: string(a), Reason: reason, Power: string(PowerUnknown), Started: m.cfg.Now()}
	if a != ActionOff && a != ActionOn && a != ActionCycle {
		return rec, fmt.Errorf("fence %s: action %q: want off, on or cycle", h.Host, a)
	}
	if len(h.Levels) == 0 {
		return rec, fmt.Errorf("fence %s: no fence levels configured", h.Host)
	}
	if err := m.guardSelf(h); err != nil {
		return rec, err
	}
	if err := m.admit(h.Host, a); err != nil {
		return rec, err
	}
	defer m.release(h.Host)

	intent, err := m.cfg.Store.OpenIntent(store.Intent{Kind: store.IntentFence, Action: string(a), Host: h.Host, Detail: reason})
	if err != nil {
		return rec, fmt.Errorf("fence %s: write intent: %w", h.Host, err)
	}
	var fenceErr error
	if a != ActionOn {
		if err := m.cfg.Revoker.Revoke(ctx, h.Host); err != nil {
			fenceErr = fmt.Errorf("revoke ownership of %s (no power command sent): %w", h.Host, err)
		}
	}
	if fenceErr == nil {
		fenceErr = m.run(ctx, h, a, &rec)
	}
	rec.Finished = m.cfg.Now()
	if fenceErr != nil {
		rec.Error = fenceErr.Error()
	}
	var errs []error
	if _, err := m.cfg.Store.AddFence(rec); err != nil {
		errs = append(errs, fmt.Errorf("record: %w", err))
	}
	outcome := "confirmed"
	if !rec.Confirmed {
		outcome = "failed"
	}
	if _, err := m.cfg.Store.Append(fenceEvent(rec)); err != nil {
		errs = append(errs, fmt.Errorf("audit: %w", err))
	}
	if err := m.cfg.Store.CloseIntent(intent, outcome, fmt.Sprintf("level=%s power=%s", rec.Level, rec.Power)); err != nil {
		errs = append(errs, fmt.Errorf("close intent: %w", err))
	}
	if fenceErr != nil {
		return rec, fmt.Errorf("fence %s: %w", h.Host, errors.Join(append([]error{fenceErr}, errs...)...))
	}
	if len(errs) > 0 {
		// Confirmed, but not fully written down: the caller must know.
		return rec, fmt.Errorf("fence %s confirmed %s: %w", h.Host, rec.Power, errors.Join(errs...))
	}
	return rec, nil
}

// Resume finishes the fences that a previous run of the agent began and
// never closed (fence intents left open in the store, as Store.Pending
// lists them): each host is fenced again through the levels that levels
// returns for it (an off on a host that is already off is confirmed at
// once), and the old intent is closed as "resumed". An intent whose host
// has no levels stays open and is reported in the error.
func (m *Manager) Resume(ctx context.Context, pending []store.Intent, levels func(host string) (HostLevels, bool)) ([]store.FenceRecord, error) {
	var recs []store.FenceRecord
	var errs []error
	for _, in := range pending {
		if in.Kind != store.IntentFence {
			continue
		}
		h, ok := levels(in.Host)
		if !ok {
			errs = append(errs, fmt.Errorf("resume fence intent %d: no fence levels for host %s", in.ID, in.Host))
			continue
		}
		a := Action(in.Action)
		if a == "" {
			a = ActionOff
		}
		rec, err := m.Fence(ctx, h, a, "resumed after restart: "+in.Detail)
		recs = append(recs, rec)
		if err != nil {
			errs = append(errs, fmt.Errorf("resume fence intent %d: %w", in.ID, err))
			continue
		}
		if err := m.cfg.Store.CloseIntent(in.ID, "resumed", fmt.Sprintf("fence record %s confirmed %s", in.Host, rec.Power)); err != nil {
			errs = append(errs, fmt.Errorf("resume fence intent %d: close: %w", in.ID, err))
		}
	}
	return recs, errors.Join(errs...)
}

// fenceEvent is the audit entry of a fence: the verdict in the message,
// every attempt in the evidence.
func fenceEvent(rec store.FenceRecord) store.Event {
	verdict := "not confirmed"
	if rec.Confirmed {
		verdict = "confirmed"
	}
	msg := fmt.Sprintf("power %s of %s %s (reads %s) after %d attempt(s) in %v", rec.Action, rec.Host, verdict, rec.Power,
		len(rec.Attempts), rec.Finished.Sub(rec.Started).Round(time.Millisecond))
	if rec.Confirmed {
		msg += " via " + rec.Level
	}
	var ev strings.Builder
	fmt.Fprintf(&ev, "by=%s reason=%q\n", rec.By, rec.Reason)
	for i, a := range rec.Attempts {
		fmt.Fprintf(&ev, "attempt %d: level=%s driver=%s target=%s elapsed=%v power=%s confirmed=%v", i+1, a.Level, a.Driver, a.Target,
			a.Elapsed.Round(time.Millisecond), a.Power, a.Confirmed)
		if a.Error != "" {
			fmt.Fprintf(&ev, " error=%q", a.Error)
		}
		ev.WriteByte('\n')
	}
	return store.Event{Time: rec.Finished, Kind: "fence", Subject: rec.Host, Message: msg, Evidence: ev.String()}
}

// run tries the levels in order; each gets 1+Retries attempts.
func (m *Manager) run(ctx context.Context, h HostLevels, a Action, rec *store.FenceRecord) error {
	var errs []error
	for _, lv := range h.Levels {
		timeout, backoff := lv.Timeout, lv.Backoff
		if timeout <= 0 {
			timeout = 20 * time.Second
		}
		if backoff <= 0 {
			backoff = time.Second
		}
		for try := 0; try <= lv.Retries; try++ {
			if try > 0 {
				wait := min(backoff<<(try-1), 8*backoff)
				if err := m.cfg.Sleep(ctx, wait); err != nil {
					return errors.Join(append(errs, err)...)
				}
			}
			att, err := m.attempt(ctx, lv, a, timeout)
			rec.Attempts = append(rec.Attempts, att)
			if att.Power != string(PowerUnknown) {
				rec.Power = att.Power
			}
			if err == nil {
				rec.Confirmed, rec.Level = true, lv.Name
				return nil
			}
			errs = append(errs, fmt.Errorf("level %s attempt %d: %w", lv.Name, try+1, err))
			if ctx.Err() != nil {
				return errors.Join(errs...)
			}
			if Permanent(err) {
				break // next level; never hammer a BMC that refused us
			}
		}
	}
	return errors.Join(errs...)
}

func (m *Manager) attempt(ctx context.Context, lv Level, a Action, timeout time.Duration) (store.FenceAttempt, error) {
	start := m.cfg.Now()
	att := store.FenceAttempt{Level: lv.Name, Target: lv.Target, Started: start, Power: string(PowerUnknown)}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	err := func() error {
		if lv.Open == nil {
			return fmt.Errorf("level %s has no driver", lv.Name)
		}
		f, err := lv.Open(ctx)
		if err != nil {
			return err
		}
		defer f.Close()
		att.Driver, att.Target = f.Driver(), f.Target()
		res, err := Do(ctx, f, a, m.cfg.Confirm)
		att.Power, att.Confirmed = string(res.Power), res.Confirmed
		return err
	}()
	att.Elapsed = m.cfg.Now().Sub(start)
	if err != nil {
		att.Error = err.Error()
	}
	return att, err
}

func (m *Manager) guardSelf(h HostLevels) error {
	if h.Host == m.cfg.Self {
		return fmt.Errorf("fence %s: %w (it is this host)", h.Host, ErrSelfFence)
	}
	for _, lv := range h.Levels {
		for _, own := range m.cfg.SelfBMCs {
			if SameBMC(lv.Target, own) {
				return fmt.Errorf("fence %s: level %s: %w (%s)", h.Host, lv.Name, ErrSelfFence, lv.Target)
			}
		}
	}
	return nil
}

// admit applies the mass-fencing guard and marks host as being fenced.
// Powering a host on is not fencing and is not limited.
func (m *Manager) admit(host string, a Action) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.inflight[host] {
		return fmt.Errorf("fence %s: already being fenced", host)
	}
	if a != ActionOn {
		recent, err := m.cfg.Store.FencesSince(m.cfg.Now().Add(-m.cfg.Window))
		if err != nil {
			return fmt.Errorf("fence %s: reading fence records: %w", host, err)
		}
		hosts := map[string]bool{host: true}
		for _, r := range recent {
			if r.Action != string(ActionOn) {
				hosts[r.Host] = true
			}
		}
		for hname := range m.inflight {
			hosts[hname] = true
		}
		size := m.cfg.ClusterSize()
		limit := max(1, int(math.Floor(m.cfg.MaxShare*float64(size))))
		if len(hosts) > limit {
			return fmt.Errorf("fence %s: %w: it would be host %d of %d within %v (limit %d, %.0f%% of the cluster)",
				host, ErrMassFence, len(hosts), size, m.cfg.Window, limit, 100*m.cfg.MaxShare)
		}
	}
	m.inflight[host] = true
	return nil
}

func (m *Manager) release(host string) {
	m.mu.Lock()
	delete(m.inflight, host)
	m.mu.Unlock()
}

// SameBMC reports whether two BMC addresses name the same BMC: the same
// host or IP, whatever the protocol, port or URL scheme ("10.0.0.2:623" and
// "https://10.0.0.2/redfish" are one BMC).
func SameBMC(a, b string) bool {
	na, nb := bmcHost(a), bmcHost(b)
	return na != "" && na == nb
}

func bmcHost(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil {
			return s
		}
		return strings.Trim(u.Hostname(), "[]")
	}
	s = strings.TrimPrefix(s, "ipmi:")
	if host, _, err := net.SplitHostPort(s); err == nil {
		return host
	}
	return strings.Trim(s, "[]")
}
