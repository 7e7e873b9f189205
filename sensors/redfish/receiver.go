package redfish

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/bits"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vigil-ha/vigil/sensors"
)

// A BMC pushes events to the Destination of a subscription by plain HTTP
// POSTs, without credentials of its own. Anyone who can reach the agent's
// event port could otherwise post a forged "Uncorrectable ECC" event and
// set off an evacuation. So every subscription gets its own secret, which
// only that BMC learns (in the Destination it was given), and a push is
// accepted only with it.

// DropReason says why the Receiver refused a push.
type DropReason string

// Reasons for refusing a push, as a metric label would show them.
const (
	// DropUnknownSubscription: the path names no subscription this
	// Receiver has (forged, or a subscription left on the BMC by an agent
	// that has since restarted or unsubscribed).
	DropUnknownSubscription DropReason = "unknown_subscription"
	// DropBadSecret: the subscription exists, the secret is wrong.
	DropBadSecret DropReason = "bad_secret"
	// DropWrongContext: the secret is right but the event carries another
	// subscription's Context.
	DropWrongContext DropReason = "wrong_context"
	// DropMalformed: not a Redfish Event with at least one event record.
	DropMalformed DropReason = "malformed_body"
	// DropTooLarge: the body exceeds ReceiverConfig.MaxBody.
	DropTooLarge DropReason = "too_large"
	// DropNotPost: any method but POST.
	DropNotPost DropReason = "not_post"
)

var dropReasons = [...]DropReason{DropUnknownSubscription, DropBadSecret, DropWrongContext, DropMalformed, DropTooLarge, DropNotPost}

// DropReasons lists every DropReason, for metrics that show each from zero.
func DropReasons() []DropReason { return append([]DropReason(nil), dropReasons[:]...) }

// ReceiverStats counts what a Receiver did with the pushes it got.
type ReceiverStats struct {
	Accepted uint64                // pushes handed to a subscriber
	Events   uint64                // event records in them
	Dropped  map[DropReason]uint64 // refused pushes by reason; every reason present
}

// ReceiverConfig configures a Receiver.
type ReceiverConfig struct {
	// URL is where BMCs reach the Receiver's handler, e.g.
	// "https://10.0.0.5:8443/vigil/events". Each subscription's Destination
	// is URL/ID/SECRET; the handler looks only at the last two path
	// elements, so it may be mounted under any prefix.
	URL string
	// AllowHTTP accepts a plain http URL. The secrets then cross the
	// network in clear, so anyone on the path can forge events: for a lab.
	AllowHTTP bool
	// MaxBody bounds a push body (default 256 KiB); larger ones are
	// refused unread.
	MaxBody int64
	// ReadTimeout bounds reading one push body (default 10 s), so a peer
	// trickling bytes cannot hold the handler.
	ReadTimeout time.Duration
	// Logger receives refused pushes (the first of each reason, then at
	// every power of two) and is never given a secret; nil discards.
	Logger *slog.Logger
	// Now stamps events that carry no timestamp of their own (time.Now).
	Now func() time.Time
	// Tag names the subscriber in every subscription's Context ("vigil
	// TAG ID" instead of "vigil ID"), so that an agent can tell the
	// subscriptions an earlier run of itself left on its BMC
	// (ContextPrefix). Letters, digits, '.', '_' and '-'.
	Tag string
}

// Receiver is the HTTP handler BMCs push subscribed events to (serve it
// over HTTPS). Reader.Subscribe registers a subscription with it; a push is
// handed to that subscription's callback only when its path carries the
// subscription's secret (compared in constant time), its body fits
// MaxBody, decodes as a Redfish Event and carries the subscription's
// Context if it carries one. Everything else is dropped, answered with an
// HTTP error (404 alike for an unknown subscription and a wrong secret)
// and counted by reason (Stats). Safe for concurrent use.
type Receiver struct {
	cfg  ReceiverConfig
	base string // cfg.URL without a trailing slash

	mu   sync.RWMutex
	subs map[string]*registration // by ID

	accepted, events atomic.Uint64
	dropped          [len(dropReasons)]atomic.Uint64
}

// registration is one subscription's slot in a Receiver.
type registration struct {
	id, context string
	secret      []byte // the path element, as sent
	source      string // the BMC, for logs
	deliver     func([]sensors.Event)
}

// NewReceiver checks cfg and returns a Receiver.
func NewReceiver(cfg ReceiverConfig) (*Receiver, error) {
	u, err := url.Parse(cfg.URL)
	switch {
	case err != nil:
		return nil, fmt.Errorf("redfish event receiver: URL %q: %w", cfg.URL, err)
	case u.Host == "":
		return nil, fmt.Errorf("redfish event receiver: URL %q has no host (want https://HOST[:PORT]/PATH)", cfg.URL)
	case u.User != nil || u.RawQuery != "" || u.Fragment != "":
		return nil, fmt.Errorf("redfish event receiver: URL %q: no user, query or fragment allowed", cfg.URL)
	case u.Scheme == "http" && !cfg.AllowHTTP:
		return nil, fmt.Errorf("redfish event receiver: URL %q is plain http: the subscription secrets in it would cross the network in clear; use https (or allow http for a lab)", cfg.URL)
	case u.Scheme != "https" && u.Scheme != "http":
		return nil, fmt.Errorf("redfish event receiver: URL %q: scheme must be https", cfg.URL)
	}
	if !validTag(cfg.Tag) {
		return nil, fmt.Errorf("redfish event receiver: tag %q: letters, digits, '.', '_' and '-' only", cfg.Tag)
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 256 << 10
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = 10 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cfg.Logger = cfg.Logger.With("component", "redfish-events")
	return &Receiver{cfg: cfg, base: strings.TrimRight(cfg.URL, "/"), subs: map[string]*registration{}}, nil
}

// register makes a slot for a new subscription of source: a random ID, a
// random 32-byte secret, the Destination to give the BMC and the Context
// the BMC echoes in its events.
func (rc *Receiver) register(source string, deliver func([]sensors.Event)) (*registration, string, error) {
	var id [8]byte
	var secret [32]byte
	if _, err := rand.Read(id[:]); err != nil {
		return nil, "", err
	}
	if _, err := rand.Read(secret[:]); err != nil {
		return nil, "", err
	}
	reg := &registration{id: hex.EncodeToString(id[:]), source: source, deliver: deliver,
		secret: []byte(base64.RawURLEncoding.EncodeToString(secret[:]))}
	reg.context = rc.ContextPrefix() + reg.id
	rc.mu.Lock()
	rc.subs[reg.id] = reg
	rc.mu.Unlock()
	return reg, rc.base + "/" + reg.id + "/" + string(reg.secret), nil
}

// ContextPrefix is how every Context this Receiver gives a subscription
// begins: "vigil TAG " (or "vigil " without a Tag).
func (rc *Receiver) ContextPrefix() string {
	if rc.cfg.Tag == "" {
		return "vigil "
	}
	return "vigil " + rc.cfg.Tag + " "
}

func validTag(t string) bool {
	for _, c := range t {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return len(t) <= 64
}

// unregister removes a subscription's slot; later pushes to it are
// dropped as DropUnknownSubscription.
func (rc *Receiver) unregister(id string) {
	rc.mu.Lock()
	delete(rc.subs, id)
	rc.mu.Unlock()
}

// Stats returns the Receiver's counters.
func (rc *Receiver) Stats() ReceiverStats {
	s := ReceiverStats{Accepted: rc.accepted.Load(), Events: rc.events.Load(), Dropped: make(map[DropReason]uint64, len(dropReasons))}
	for i, reason := range dropReasons {
		s.Dropped[reason] = rc.dropped[i].Load()
	}
	return s
}

// ServeHTTP authenticates one push and hands its events to the
// subscription's callback (synchronously: the callback must not block).
func (rc *Receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		rc.drop(w, r, DropNotPost, nil, http.StatusMethodNotAllowed)
		return
	}
	reg, reason := rc.authenticate(r.URL.Path)
	if reg == nil {
		// The same answer for both: no hint which subscriptions exist.
		rc.drop(w, r, reason, nil, http.StatusNotFound)
		return
	}
	if r.ContentLength > rc.cfg.MaxBody {
		rc.drop(w, r, DropTooLarge, reg, http.StatusRequestEntityTooLarge)
		return
	}
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(rc.cfg.ReadTimeout))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, rc.cfg.MaxBody))
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		rc.drop(w, r, DropTooLarge, reg, http.StatusRequestEntityTooLarge)
		return
	}
	if err != nil {
		rc.drop(w, r, DropMalformed, reg, http.StatusBadRequest)
		return
	}
	evs, pushContext, err := decodePush(body, rc.cfg.Now())
	if err != nil {
		rc.drop(w, r, DropMalformed, reg, http.StatusBadRequest)
		return
	}
	if pushContext != "" && pushContext != reg.context {
		rc.drop(w, r, DropWrongContext, reg, http.StatusBadRequest)
		return
	}
	rc.accepted.Add(1)
	rc.events.Add(uint64(len(evs)))
	reg.deliver(evs)
	w.WriteHeader(http.StatusNoContent)
}

// authenticate finds the subscription named by a push path ".../ID/SECRET"
// and checks its secret in constant time.
func (rc *Receiver) authenticate(path string) (*registration, DropReason) {
	rest, secret, ok := cutLast(strings.TrimRight(path, "/"))
	if !ok {
		return nil, DropUnknownSubscription
	}
	_, id, ok := cutLast(rest)
	if !ok {
		return nil, DropUnknownSubscription
	}
	rc.mu.RLock()
	reg := rc.subs[id]
	rc.mu.RUnlock()
	if reg == nil {
		return nil, DropUnknownSubscription
	}
	if subtle.ConstantTimeCompare([]byte(secret), reg.secret) != 1 {
		return nil, DropBadSecret
	}
	return reg, ""
}

// cutLast splits p at its last "/" into what precedes and a non-empty
// last element.
func cutLast(p string) (before, last string, ok bool) {
	i := strings.LastIndexByte(p, '/')
	if i < 0 || i == len(p)-1 {
		return "", "", false
	}
	return p[:i], p[i+1:], true
}

// drop answers a refused push and counts it.
func (rc *Receiver) drop(w http.ResponseWriter, r *http.Request, reason DropReason, reg *registration, status int) {
	n := uint64(0)
	for i, x := range dropReasons {
		if x == reason {
			n = rc.dropped[i].Add(1)
		}
	}
	if bits.OnesCount64(n) == 1 { // 1, 2, 4, 8...: a flood cannot flood the log
		attrs := []any{"reason", string(reason), "count", n, "from", r.RemoteAddr}
		if reg != nil {
			attrs = append(attrs, "subscription", reg.id, "bmc", reg.source)
		}
		rc.cfg.Logger.Warn("redfish event push refused", attrs...)
	}
	http.Error(w, http.StatusText(status), status)
}

// decodePush decodes a pushed Redfish Event: its events and the Context it
// carries ("" when none). An Event without event records is malformed.
func decodePush(b []byte, now time.Time) ([]sensors.Event, string, error) {
	p, _, err := decode[eventPayload](b)
	if err != nil {
		return nil, "", fmt.Errorf("event: %w", err)
	}
	if len(p.Events) == 0 {
		return nil, "", errors.New("event: no event records")
	}
	return p.events(now), p.Context, nil
}
