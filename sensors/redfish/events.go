package redfish

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/stmcginnis/gofish"
	"github.com/stmcginnis/gofish/schemas"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/internal/bmc/rfsession"
	"github.com/vigil-ha/vigil/sensors"
)

// eventPayload is a Redfish Event (what a push delivers and an SSE "data:"
// line carries), decoded tolerantly.
type eventPayload struct {
	ID      string `json:"Id"`
	Context string // the subscriber's Context, echoed by the BMC
	Events  []eventRecord
}

type eventRecord struct {
	EventID         string `json:"EventId"`
	EventType       string
	EventTimestamp  string
	Severity        string
	MessageSeverity string
	Message         string
	MessageID       string `json:"MessageId"`
	MessageArgs     []string
	Origin          struct {
		ODataID string `json:"@odata.id"`
	} `json:"OriginOfCondition"`
}

// DecodeEvent turns one Redfish Event payload into model events. Fields of
// the wrong type are skipped, not fatal.
func DecodeEvent(b []byte, now time.Time) ([]sensors.Event, error) {
	p, _, err := decode[eventPayload](b)
	if err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	return p.events(now), nil
}

// events turns the payload's records into model events; now stamps those
// without a valid EventTimestamp. Events about vigil's own log entries
// (a BMC that raises an event for every entry added) are left out.
func (p *eventPayload) events(now time.Time) []sensors.Event {
	out := make([]sensors.Event, 0, len(p.Events))
	for _, e := range p.Events {
		if ownlog.IsLogEntry(e.MessageID, "", e.Message) {
			continue
		}
		ev := sensors.Event{Source: sensors.SourceRedfish, ID: e.EventID, Time: now, Message: e.Message, Asserted: true}
		if t, err := time.Parse(time.RFC3339, e.EventTimestamp); err == nil {
			ev.Time = t
		}
		ev.Severity = severityOf(nameOr(e.MessageSeverity, e.Severity))
		ev.Component = nameOr(lastPathElem(e.Origin.ODataID), e.EventType)
		if len(e.MessageArgs) > 0 && strings.Contains(e.Message, "'"+e.MessageArgs[0]+"'") {
			ev.Component = e.MessageArgs[0]
		}
		ev.Kind = kindOf(ev.Component, e.Message, e.Origin.ODataID)
		ev.State = nameOr(e.MessageID, e.EventType)
		if ev.Message == "" {
			ev.Message = nameOr(e.MessageID, e.EventType)
		}
		out = append(out, ev)
	}
	return out
}

// session returns the Reader's authenticated client bound to ctx, logging
// in first when there is none, and the login it belongs to (for forget).
// Checking r.cur and taking it is one critical section: a Poll failing
// concurrently drops the session for later callers only, never between
// this caller's check and its use (that was a nil-pointer panic).
func (r *Reader) session(ctx context.Context) (api *gofish.APIClient, base *login, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cur == nil {
		if err := r.connectLocked(ctx); err != nil {
			return nil, nil, r.failLocked(err)
		}
	}
	return r.cur.api.WithContext(ctx), r.cur, nil
}

// forget drops base, whole, if it is still the Reader's login, so that the
// next caller logs in again. The BMC refused its session already: no
// logout with a token it no longer takes (Close has nothing left to log
// out either).
func (r *Reader) forget(base *login) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cur == base {
		r.cur.abandon()
		r.cur = nil
	}
}

// withSession runs op with the Reader's session bound to ctx. If the BMC
// answers 401 (the session expired, or a failed Poll logged it out after
// op took it), it logs in again and runs op once more: a request refused
// with 401 changed nothing.
func (r *Reader) withSession(ctx context.Context, op func(api *gofish.APIClient) error) error {
	for attempt := 0; ; attempt++ {
		api, base, err := r.session(ctx)
		if err != nil {
			return err
		}
		err = op(api)
		if !unauthorized(err) || ctx.Err() != nil {
			return err
		}
		r.forget(base)
		if attempt > 0 {
			return err
		}
	}
}

// unauthorized reports whether err is the BMC's HTTP 401.
func unauthorized(err error) bool {
	var re *schemas.Error
	return errors.As(err, &re) && re.HTTPReturnedStatusCode == http.StatusUnauthorized
}

// Subscription is a push subscription made by Subscribe.
type Subscription struct {
	// URI is the EventDestination on the BMC.
	URI string
	// ID names the subscription in the Receiver's logs; the BMC echoes
	// Context ("vigil ID", or "vigil TAG ID" with ReceiverConfig.Tag) in
	// its events.
	ID      string
	Context string

	rc *Receiver
}

// Subscribe registers a new subscription with rc (a random ID and 32-byte
// secret) and asks the BMC to push its events to rc at URL/ID/SECRET with
// Context "vigil ID". rc hands each authenticated push's events to deliver,
// which must not block. If the BMC refuses, the registration is removed.
// Equivalent to: POST /redfish/v1/EventService/Subscriptions.
func (r *Reader) Subscribe(ctx context.Context, rc *Receiver, deliver func([]sensors.Event)) (*Subscription, error) {
	reg, destination, err := rc.register(r.cfg.URL, deliver)
	if err != nil {
		return nil, fmt.Errorf("redfish %s: subscribe: %w", r.cfg.URL, err)
	}
	body := map[string]any{"Destination": destination, "Context": reg.context, "Protocol": "Redfish",
		"EventFormatType": "Event"}
	var resp *http.Response
	err = r.withSession(ctx, func(api *gofish.APIClient) (err error) {
		resp, err = api.Post("/redfish/v1/EventService/Subscriptions", body)
		return err
	})
	if err != nil {
		rc.unregister(reg.id)
		// A BMC may quote the Destination in its refusal: never the secret.
		err = bmc.Scrub(rfsession.Classify(ctx, err), r.cfg.Password, string(reg.secret))
		return nil, fmt.Errorf("redfish %s: subscribe: %w", r.cfg.URL, err)
	}
	defer resp.Body.Close()
	loc := resp.Header.Get("Location")
	if loc == "" {
		var s struct {
			ID string `json:"@odata.id"`
		}
		_ = json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&s)
		loc = s.ID
	}
	if i := strings.Index(loc, "/redfish/"); i > 0 {
		loc = loc[i:]
	}
	return &Subscription{URI: loc, ID: reg.id, Context: reg.context, rc: rc}, nil
}

// ErrSubscriptionGone: the BMC no longer has the subscription (it dropped
// it, as BMCs do after failed deliveries or a reboot, or someone deleted
// it), or it now carries another Context.
var ErrSubscriptionGone = errors.New("redfish: the BMC no longer has the event subscription")

// CheckSubscription asks the BMC whether sub is still there with its
// Context: nil when it is, ErrSubscriptionGone when the BMC answers 404 or
// shows another Context, another error when the BMC could not be asked.
// Equivalent to: GET URI.
func (r *Reader) CheckSubscription(ctx context.Context, sub *Subscription) error {
	var got struct{ Context string }
	err := r.withSession(ctx, func(api *gofish.APIClient) (err error) {
		got, err = fetchWith[struct{ Context string }](api, sub.URI)
		return err
	})
	var re *schemas.Error
	switch {
	case errors.As(err, &re) && re.HTTPReturnedStatusCode == http.StatusNotFound:
		return fmt.Errorf("%w: %s answers 404", ErrSubscriptionGone, sub.URI)
	case err != nil:
		return fmt.Errorf("redfish %s: check subscription: %w", r.cfg.URL, r.redact(rfsession.Classify(ctx, err)))
	case got.Context != sub.Context:
		return fmt.Errorf("%w: %s now has Context %q", ErrSubscriptionGone, sub.URI, got.Context)
	}
	return nil
}

// SubscriptionInfo is one EventDestination on the BMC, without its
// Destination (which holds another subscriber's secret).
type SubscriptionInfo struct {
	URI              string
	Context          string
	SubscriptionType string // RedfishEvent, SSE, ...
}

// Subscriptions lists the BMC's event subscriptions.
// Equivalent to: GET /redfish/v1/EventService/Subscriptions and each member.
func (r *Reader) Subscriptions(ctx context.Context) ([]SubscriptionInfo, error) {
	var out []SubscriptionInfo
	err := r.withSession(ctx, func(api *gofish.APIClient) error {
		out = out[:0]
		coll, err := fetchWith[collection](api, "/redfish/v1/EventService/Subscriptions")
		if err != nil {
			return err
		}
		for _, m := range coll.Members {
			d, err := fetchWith[struct {
				Context          string
				SubscriptionType string
			}](api, m.ODataID)
			var re *schemas.Error
			if errors.As(err, &re) && re.HTTPReturnedStatusCode == http.StatusNotFound {
				continue // deleted since the listing
			}
			if err != nil {
				return err
			}
			out = append(out, SubscriptionInfo{URI: m.ODataID, Context: d.Context, SubscriptionType: d.SubscriptionType})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("redfish %s: list subscriptions: %w", r.cfg.URL, r.redact(rfsession.Classify(ctx, err)))
	}
	return out, nil
}

// DeleteSubscription deletes the subscription at uri (one Subscriptions
// listed); one already gone is no error.
// Equivalent to: DELETE URI.
func (r *Reader) DeleteSubscription(ctx context.Context, uri string) error {
	err := r.withSession(ctx, func(api *gofish.APIClient) error {
		resp, err := api.Delete(uri)
		if err == nil {
			resp.Body.Close()
		}
		return err
	})
	var re *schemas.Error
	if errors.As(err, &re) && re.HTTPReturnedStatusCode == http.StatusNotFound {
		return nil
	}
	if err != nil {
		return fmt.Errorf("redfish %s: delete subscription %s: %w", r.cfg.URL, uri, r.redact(rfsession.Classify(ctx, err)))
	}
	return nil
}

// Unsubscribe stops accepting sub's pushes and deletes the subscription
// on the BMC; one the BMC no longer has (404) is no error.
// Equivalent to: DELETE URI.
func (r *Reader) Unsubscribe(ctx context.Context, sub *Subscription) error {
	sub.rc.unregister(sub.ID)
	if sub.URI == "" {
		return fmt.Errorf("redfish %s: unsubscribe %s: the BMC gave no subscription URI", r.cfg.URL, sub.ID)
	}
	err := r.withSession(ctx, func(api *gofish.APIClient) error {
		resp, err := api.Delete(sub.URI)
		if err == nil {
			resp.Body.Close()
		}
		return err
	})
	var re *schemas.Error
	if errors.As(err, &re) && re.HTTPReturnedStatusCode == http.StatusNotFound {
		return nil
	}
	if err != nil {
		return fmt.Errorf("redfish %s: unsubscribe: %w", r.cfg.URL, r.redact(rfsession.Classify(ctx, err)))
	}
	return nil
}

// ErrNoSSE means the BMC's EventService offers no ServerSentEventUri.
var ErrNoSSE = errors.New("redfish: the BMC offers no Server-Sent Events")

// StreamSSE follows the BMC's Server-Sent Event stream and hands every
// event to fn until ctx ends. A dropped stream is reopened with the last
// event ID (Last-Event-ID) after a backoff, so nothing is lost across a
// BMC hiccup that the BMC itself remembers. It returns ErrNoSSE when the
// service has no stream, ctx's error when ctx ends.
func (r *Reader) StreamSSE(ctx context.Context, fn func(sensors.Event)) error {
	backoff := r.cfg.MinBackoff
	lastID := ""
	for {
		err := r.streamOnce(ctx, fn, &lastID)
		if errors.Is(err, ErrNoSSE) || ctx.Err() != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
		r.cfg.Logger.Info("redfish event stream ended, reopening", "target", r.cfg.URL, "err", r.redact(err), "in", backoff)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, r.cfg.MaxBackoff)
	}
}

func (r *Reader) streamOnce(ctx context.Context, fn func(sensors.Event), lastID *string) error {
	cctx, cancel := context.WithTimeout(ctx, r.cfg.PollTimeout)
	var es schemas.EventService
	err := r.withSession(cctx, func(api *gofish.APIClient) (err error) {
		es, err = fetchWith[schemas.EventService](api, "/redfish/v1/EventService")
		return err
	})
	cancel()
	if err != nil {
		return r.redact(err)
	}
	if es.ServerSentEventURI == "" {
		return ErrNoSSE
	}
	hdr := map[string]string{"Accept": "text/event-stream"}
	if *lastID != "" {
		hdr["Last-Event-ID"] = *lastID
	}
	// A new session when a Poll dropped the one used just above.
	var resp *http.Response
	err = r.withSession(ctx, func(api *gofish.APIClient) (err error) {
		resp, err = api.GetWithHeaders(es.ServerSentEventURI, hdr)
		return err
	})
	if err != nil {
		return r.redact(err)
	}
	defer resp.Body.Close()
	return readSSE(resp.Body, func(id string, data []byte) {
		if id != "" {
			*lastID = id
		}
		evs, err := DecodeEvent(data, time.Now())
		if err != nil {
			r.cfg.Logger.Warn("undecodable SSE event", "target", r.cfg.URL, "err", err)
			return
		}
		for _, ev := range evs {
			fn(ev)
		}
	})
}

// readSSE parses a text/event-stream: "id:" and "data:" fields, events
// separated by a blank line, ":" comments ignored.
func readSSE(rd io.Reader, emit func(id string, data []byte)) error {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var id string
	var data []byte
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if len(data) > 0 {
				emit(id, data)
			}
			data = data[:0]
		case strings.HasPrefix(line, ":"):
		case strings.HasPrefix(line, "id:"):
			id = strings.TrimSpace(strings.TrimPrefix(line, "id:"))
		case strings.HasPrefix(line, "data:"):
			if len(data) > 0 {
				data = append(data, '\n')
			}
			data = append(data, strings.TrimPrefix(strings.TrimPrefix(line, "data:"), " ")...)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return io.EOF
}

// fetchWith GETs one resource with api and decodes it tolerantly.
func fetchWith[T any](api interface {
	Get(string) (*http.Response, error)
}, path string) (T, error) {
	var zero T
	resp, err := api.Get(path)
	if err != nil {
		return zero, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return zero, err
	}
	v, _, err := decode[T](b)
	return v, err
}

// kindOf guesses an event's kind from the most specific text first.
func kindOf(texts ...string) sensors.Kind {
	for _, t := range texts {
		if k := sensors.KindForName(t); k != sensors.KindOther {
			return k
		}
	}
	return sensors.KindOther
}
