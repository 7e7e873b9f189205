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

	"github.com/stmcginnis/gofish/schemas"

	"github.com/vigil-ha/vigil/sensors"
)

// eventPayload is a Redfish Event (what a push delivers and an SSE "data:"
// line carries), decoded tolerantly.
type eventPayload struct {
	ID     string `json:"Id"`
	Events []eventRecord
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
	out := make([]sensors.Event, 0, len(p.Events))
	for _, e := range p.Events {
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
	return out, nil
}

// EventHandler is the HTTP endpoint a BMC pushes subscribed events to: it
// decodes each POST and hands the events to fn. Bodies are limited to
// 1 MiB; undecodable ones get 400.
func EventHandler(fn func([]sensors.Event)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, "read error", http.StatusBadRequest)
			return
		}
		evs, err := DecodeEvent(b, time.Now())
		if err != nil {
			http.Error(w, "not a Redfish event", http.StatusBadRequest)
			return
		}
		fn(evs)
		w.WriteHeader(http.StatusNoContent)
	})
}

// client returns the authenticated client, connecting if needed.
func (r *Reader) client(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.api != nil {
		return nil
	}
	if err := r.connectLocked(ctx); err != nil {
		return r.failLocked(err)
	}
	return nil
}

// Subscribe asks the BMC to push events to destination (an https URL the
// agent serves with EventHandler) and returns the subscription's URI, for
// Unsubscribe.
func (r *Reader) Subscribe(ctx context.Context, destination, contextTag string) (string, error) {
	if err := r.client(ctx); err != nil {
		return "", err
	}
	body := map[string]any{"Destination": destination, "Context": contextTag, "Protocol": "Redfish",
		"EventFormatType": "Event"}
	r.mu.Lock()
	api := r.api.WithContext(ctx)
	r.mu.Unlock()
	resp, err := api.Post("/redfish/v1/EventService/Subscriptions", body)
	if err != nil {
		return "", fmt.Errorf("redfish %s: subscribe: %w", r.cfg.URL, r.redact(err))
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
	return loc, nil
}

// Unsubscribe deletes a subscription made by Subscribe.
func (r *Reader) Unsubscribe(ctx context.Context, uri string) error {
	if err := r.client(ctx); err != nil {
		return err
	}
	r.mu.Lock()
	api := r.api.WithContext(ctx)
	r.mu.Unlock()
	resp, err := api.Delete(uri)
	if err != nil {
		return fmt.Errorf("redfish %s: unsubscribe: %w", r.cfg.URL, r.redact(err))
	}
	resp.Body.Close()
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
	err := r.client(cctx)
	if err != nil {
		cancel()
		return err
	}
	r.mu.Lock()
	api := r.api.WithContext(cctx)
	r.mu.Unlock()
	es, err := fetchWith[schemas.EventService](api, "/redfish/v1/EventService")
	cancel()
	if err != nil {
		return err
	}
	if es.ServerSentEventURI == "" {
		return ErrNoSSE
	}
	r.mu.Lock()
	api = r.api.WithContext(ctx)
	r.mu.Unlock()
	hdr := map[string]string{"Accept": "text/event-stream"}
	if *lastID != "" {
		hdr["Last-Event-ID"] = *lastID
	}
	resp, err := api.GetWithHeaders(es.ServerSentEventURI, hdr)
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
