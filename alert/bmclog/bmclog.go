package bmclog

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
)

// Config says which host's decisions are written and to which BMC.
// Exactly one of IPMI and Redfish is set.
type Config struct {
	// Host is the host whose BMC this is: only events about it are
	// written.
	Host string
	// Writer is the host whose agent writes (default Host): an event
	// another host decided (DecidedBy) is left to that host's Peers.
	Writer  string
	IPMI    *IPMI
	Redfish *Redfish
	// Timeout bounds one write, session setup included (default 5 s; a
	// shorter deadline of Send's context wins).
	Timeout time.Duration
	// MinBackoff and MaxBackoff bound the pause after a failed write,
	// during which further writes fail at once (default 1 s and 1 min).
	MinBackoff, MaxBackoff time.Duration
	// Logger receives failures (without secrets); nil discards.
	Logger *slog.Logger
	// Now stamps events without a time (default time.Now).
	Now func() time.Time
}

// IPMI is the host's BMC over IPMI 2.0 (RMCP+ lanplus): the account of
// bmc: in the agent's config, which needs OPERATOR privilege for Add SEL
// Entry.
type IPMI struct {
	Host     string
	Port     int // default 623
	User     string
	Password string `json:"-"`
	// CipherSuite pins a suite (0: auto, never below 3); AllowWeakCipher
	// permits suites below 3, as for the sensors.
	CipherSuite     int
	AllowWeakCipher bool
}

// Redfish is the host's BMC over Redfish.
type Redfish struct {
	URL            string // https://HOST[:PORT]
	User           string
	Password       string `json:"-"`
	Insecure       bool
	RootCAs        *x509.CertPool
	AllowPlainHTTP bool
}

// String keeps the password out of formatted output.
func (c IPMI) String() string { return c.redacted().String() }

// LogValue keeps the password out of logs.
func (c IPMI) LogValue() slog.Value { return c.redacted().LogValue() }

func (c IPMI) redacted() bmc.Redacted {
	port := c.Port
	if port == 0 {
		port = 623
	}
	return bmc.Redacted{Driver: "ipmi", Target: fmt.Sprintf("%s:%d", c.Host, port), User: c.User, HasPassword: c.Password != ""}
}

// String keeps the password out of formatted output.
func (c Redfish) String() string { return c.redacted().String() }

// LogValue keeps the password out of logs.
func (c Redfish) LogValue() slog.Value { return c.redacted().LogValue() }

func (c Redfish) redacted() bmc.Redacted {
	return bmc.Redacted{Driver: "redfish", Target: c.URL, User: c.User, HasPassword: c.Password != ""}
}

// ErrNoLogService: the Redfish BMC has no log service that takes entries
// (none lists ExternalEntity among its LogPurposes with POST in its
// Entries' Allow header). Sink.Send then writes nothing, logs that once
// and returns nil.
var ErrNoLogService = errors.New("the BMC has no log service that takes entries (LogPurposes ExternalEntity with POST allowed on its Entries)")

// writer puts one record into a BMC's log.
type writer interface {
	write(ctx context.Context, rec Record) error
	target() string
	close()
}

// Stats counts what a Sink did with the events it was given.
type Stats struct {
	Written uint64 // records the BMC took
	Ignored uint64 // events about another host, or of a kind not written
	// Failed counts records that could not be written (the BMC refused,
	// did not answer, or the Sink was backing off after such a failure).
	Failed uint64
	// Unsupported counts records not written because the BMC takes no
	// log entries (Redfish; ErrNoLogService).
	Unsupported uint64
}

// Sink writes this host's decisions into its BMC's log. It implements
// alert.Sink. Safe for concurrent use; writes are serialised.
type Sink struct {
	cfg Config
	w   writer
	log *slog.Logger

	mu      sync.Mutex // one write at a time; guards latch and told
	latch   bmc.Latch
	told    map[string]bool // failure kinds already logged at warning level
	closed  bool
	written atomic.Uint64
	ignored atomic.Uint64
	failed  atomic.Uint64
	unsupp  atomic.Uint64
}

var _ alert.Sink = (*Sink)(nil)

// New checks cfg and returns a Sink. Nothing is sent before the first
// event to write.
func New(cfg Config) (*Sink, error) {
	if cfg.Host == "" {
		return nil, errors.New("bmclog: the host's name is required")
	}
	if cfg.Writer == "" {
		cfg.Writer = cfg.Host
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 5 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	var w writer
	var err error
	switch {
	case cfg.IPMI != nil && cfg.Redfish != nil:
		return nil, errors.New("bmclog: IPMI and Redfish are exclusive")
	case cfg.IPMI != nil:
		w, err = newIPMIWriter(*cfg.IPMI, cfg.Timeout)
	case cfg.Redfish != nil:
		w, err = newRedfishWriter(*cfg.Redfish, cfg.Logger)
	default:
		return nil, errors.New("bmclog: no BMC (IPMI or Redfish) to write to")
	}
	if err != nil {
		return nil, fmt.Errorf("bmclog: %w", err)
	}
	return &Sink{cfg: cfg, w: w, log: cfg.Logger.With("component", "bmclog", "bmc", w.target()), told: map[string]bool{},
		latch: bmc.Latch{Min: cfg.MinBackoff, Max: cfg.MaxBackoff}}, nil
}

// Name implements alert.Sink.
func (s *Sink) Name() string { return "bmclog" }

// Stats returns the Sink's counters.
func (s *Sink) Stats() Stats {
	return Stats{Written: s.written.Load(), Ignored: s.ignored.Load(), Failed: s.failed.Load(), Unsupported: s.unsupp.Load()}
}

// Send writes ev to the BMC's log when it is a decision about this host
// (Map) that Config.Writer took (DecidedBy is it or ""), within
// Config.Timeout and ctx. Other events return nil at once.
// A failure is counted, logged (the first of each cause as a warning,
// repeats at debug level) and returned; the Sink then refuses writes
// without touching the network until a backoff passes (bmc.Latch), so a
// dead BMC costs the fan-out one timeout, not one per event.
func (s *Sink) Send(ctx context.Context, ev alert.Event) error {
	if ev.Time.IsZero() {
		ev.Time = s.cfg.Now()
	}
	rec, ok := Map(s.cfg.Host, ev)
	if d := DecidedBy(ev); d != "" && d != s.cfg.Writer {
		ok = false // the deciding host writes it
	}
	if !ok {
		s.ignored.Add(1)
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		s.failed.Add(1)
		return errors.New("bmclog: closed")
	}
	if err := s.latch.Err(s.cfg.Now()); err != nil {
		s.failed.Add(1)
		s.log.Debug("BMC log write skipped", "kind", ev.Kind, "seq", ev.Seq, "err", err)
		return fmt.Errorf("bmclog %s: %w", s.w.target(), err)
	}
	wctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	start := time.Now()
	err := s.w.write(wctx, rec)
	switch {
	case errors.Is(err, ErrNoLogService):
		s.unsupp.Add(1)
		if !s.told["unsupported"] {
			s.told["unsupported"] = true
			s.log.Info("the BMC takes no log entries: vigil's decisions are not written to its log", "why", err.Error())
		}
		return nil
	case err != nil:
		s.failed.Add(1)
		s.latch.Fail(s.cfg.Now(), err)
		kind := string(bmc.KindOf(err))
		level := slog.LevelDebug
		if !s.told[kind] {
			s.told[kind] = true
			level = slog.LevelWarn
		}
		s.log.Log(ctx, level, "BMC log write failed", "kind", ev.Kind, "seq", ev.Seq, "cause", kind, "err", err.Error(), "detail", bmc.Detail(err))
		return fmt.Errorf("bmclog %s: %w", s.w.target(), err)
	}
	s.latch.Reset()
	s.written.Add(1)
	s.log.Debug("BMC log record written", "kind", ev.Kind, "seq", ev.Seq, "code", fmt.Sprintf("% x", rec.Code.Bytes()),
		"elapsed", time.Since(start).Round(time.Millisecond))
	return nil
}

// Close releases the BMC session (Redfish: logs out). Later Sends fail.
func (s *Sink) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		s.w.close()
	}
	return nil
}

// Record is one decision as it goes into a BMC's log.
type Record struct {
	Code ownlog.Code
	Time time.Time
	// Message is the Redfish entry's text: "vigil: HOST what: the
	// event's message", at most MaxMessage bytes.
	Message string
	// Args are the Redfish MessageArgs: host, subject (component or ""),
	// risk level (risk events) or "".
	Args []string
}

// MaxMessage bounds a Redfish entry's Message (BMCs keep short records).
const MaxMessage = 255

// Event kinds Map writes, with the ownlog kind each becomes. A risk event
// is RiskRaised at its new level (raised or changed) or RiskCleared (its
// evidence says risk none). A drain (a person's request) is an evacuation
// too. The planner's spellings (fence.confirmed, readmitted) are taken as
// well as CLI.md's.
var kinds = map[string]ownlog.Kind{
	"risk":            ownlog.KindRiskRaised,
	"evacuate":        ownlog.KindEvacuationStarted,
	"evacuated":       ownlog.KindEvacuationEnded,
	"drain":           ownlog.KindEvacuationStarted,
	"drained":         ownlog.KindEvacuationEnded,
	"fence-confirmed": ownlog.KindFenced,
	"fence.confirmed": ownlog.KindFenced,
	"self-fence":      ownlog.KindSelfFence,
	"readmit":         ownlog.KindReadmitted,
	"readmitted":      ownlog.KindReadmitted,
}

// Map turns an event into the record written to host's BMC log, or
// reports false: for an event about another host or a VM, or of a kind not
// written (only risk raised or cleared, evacuation started and ended,
// fenced, self-fence and readmitted are).
func Map(host string, ev alert.Event) (Record, bool) {
	k, ok := kinds[ev.Kind]
	if !ok || ev.VM != "" || (ev.Host != "" && ev.Host != host) {
		return Record{}, false
	}
	str := func(key string) string { v, _ := ev.Evidence[key].(string); return v }
	var sev ownlog.Severity
	var subject, level, what string
	switch k {
	case ownlog.KindRiskRaised:
		subject, level = str("component"), str("risk")
		switch level {
		case "":
			return Record{}, false
		case "none":
			k, sev, what = ownlog.KindRiskCleared, ownlog.SeverityInfo, "risk cleared"
		case "low":
			sev, what = ownlog.SeverityWarning, "risk "+level
		default:
			sev, what = ownlog.SeverityCritical, "risk "+level
		}
	case ownlog.KindEvacuationStarted:
		sev, what = ownlog.SeverityWarning, "evacuation started"
	case ownlog.KindEvacuationEnded:
		sev, what = ownlog.SeverityInfo, "evacuation ended"
	case ownlog.KindFenced:
		sev, what = ownlog.SeverityCritical, "fenced"
	case ownlog.KindSelfFence:
		sev, what = ownlog.SeverityCritical, "self-fence"
	case ownlog.KindReadmitted:
		sev, what = ownlog.SeverityInfo, "readmitted"
	}
	if subject != "" {
		what = subject + " " + what
	}
	msg := ownlog.MessagePrefix + host + " " + what
	if ev.Message != "" {
		msg += ": " + ev.Message
	}
	return Record{
		Code:    ownlog.Code{Kind: k, Severity: sev, Seq: uint16(ev.Seq), Subject: ownlog.SubjectHash(host, subject)},
		Time:    ev.Time,
		Message: truncate(msg, MaxMessage),
		Args:    []string{host, subject, level},
	}, true
}

// truncate cuts s to at most n bytes on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n-len("…")]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "…"
}
