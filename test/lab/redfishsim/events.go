package redfishsim

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

type eventRecord struct {
	seq int
	ev  obj // one member of an Event's Events array
}

type subscription struct {
	id       string
	path     string
	dest     string
	context  string
	types    []string
	prefixes []string
	msgIDs   []string
	origins  []string
	resTypes []string
	headers  map[string]string
	ch       chan eventRecord
	cancel   context.CancelFunc
	dropped  int
}

type sseClient struct {
	path  string // the EventDestination shown while the stream is open
	match func(ev obj, typeName func(string) string) bool
	ch    chan eventRecord
	done  chan struct{}
	once  sync.Once
}

func (c *sseClient) close() { c.once.Do(func() { close(c.done) }) }

const maxHistory = 256

func (s *Sim) sseURI() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if es := s.res[root+"/EventService"]; es != nil {
		if u, ok := es["ServerSentEventUri"].(string); ok {
			return normPath(u)
		}
	}
	return ""
}

// faultLocked writes a SEL entry and emits the matching event to every
// subscriber and SSE stream; s.mu is held. severity is OK, Warning or
// Critical; msgID a registry MessageId such as
// "ResourceEvent.1.0.ResourceStatusChangedCritical".
func (s *Sim) faultLocked(severity, message, msgID string, args []string, origin string) {
	entry := s.addSELLocked(severity, message, msgID, args, origin)
	ev := obj{
		"EventType":       "Alert",
		"Severity":        severity,
		"MessageSeverity": severity,
		"Message":         message,
		"MessageId":       msgID,
		"MessageArgs":     strAny(args),
	}
	if origin != "" {
		ev["OriginOfCondition"] = link(origin)
	}
	if entry != "" {
		ev["LogEntry"] = link(entry)
	}
	s.emitLocked(ev)
}

func strAny(a []string) []any {
	out := make([]any, len(a))
	for i, x := range a {
		out[i] = x
	}
	return out
}

func (s *Sim) entriesPath(logService string) string {
	if e, ok := s.res[logService]["Entries"].(obj); ok {
		if p, ok := e["@odata.id"].(string); ok {
			return p
		}
	}
	return logService + "/Entries"
}

// addSELLocked appends an entry to the BMC's SEL, wrapping at 1000 entries.
func (s *Sim) addSELLocked(severity, message, msgID string, args []string, origin string) string {
	if s.selPath == "" {
		return ""
	}
	coll := s.entriesPath(s.selPath)
	id := s.newID()
	p := coll + "/" + id
	e := obj{
		"@odata.type": "#LogEntry.v1_15_0.LogEntry",
		"Id":          id,
		"Name":        "Log Entry " + id,
		"EntryType":   "SEL",
		"EntryCode":   "Assert",
		"Severity":    severity,
		"Created":     now(),
		"Message":     message,
		"MessageId":   msgID,
		"MessageArgs": strAny(args),
	}
	if origin != "" {
		e["Links"] = obj{"OriginOfCondition": link(origin)}
	}
	s.put(p, e)
	s.addMember(coll, p)
	if c := s.res[coll]; c != nil {
		if ms, _ := c["Members"].([]any); len(ms) > 1000 {
			old, _ := ms[0].(obj)
			if op, ok := old["@odata.id"].(string); ok {
				delete(s.res, op)
			}
			c["Members"] = ms[1:]
			c["Members@odata.count"] = len(ms) - 1
		}
	}
	return p
}

// emitLocked numbers ev and hands it to subscribers and SSE clients without
// blocking; s.mu is held.
func (s *Sim) emitLocked(ev obj) {
	s.eventSeq++
	ev["EventId"] = strconv.Itoa(s.eventSeq)
	ev["EventTimestamp"] = now()
	rec := eventRecord{seq: s.eventSeq, ev: ev}
	s.events = append(s.events, rec)
	if len(s.events) > maxHistory {
		s.events = s.events[len(s.events)-maxHistory:]
	}
	for _, sub := range s.subs {
		if s.down || !sub.matches(ev, s.typeName) {
			// A BMC that is down sends nothing; SSE clients catch up with
			// Last-Event-ID when it is back.
			continue
		}
		select {
		case sub.ch <- rec:
		default:
			sub.dropped++
		}
	}
	for c := range s.sse {
		if !c.match(ev, s.typeName) {
			continue
		}
		select {
		case c.ch <- rec:
		default:
		}
	}
}

// typeName returns the schema name of the resource at p (e.g. "Thermal");
// s.mu is held.
func (s *Sim) typeName(p string) string {
	t, _ := s.res[p]["@odata.type"].(string)
	t = strings.TrimPrefix(t, "#")
	name, _, _ := strings.Cut(t, ".")
	return name
}

func (sub *subscription) matches(ev obj, typeName func(string) string) bool {
	et, _ := ev["EventType"].(string)
	if len(sub.types) > 0 && !slices.Contains(sub.types, et) {
		return false
	}
	id, _ := ev["MessageId"].(string)
	if len(sub.prefixes) > 0 {
		prefix, _, _ := strings.Cut(id, ".")
		if !slices.Contains(sub.prefixes, prefix) {
			return false
		}
	}
	if len(sub.msgIDs) > 0 {
		ok := false
		for _, m := range sub.msgIDs {
			// "Registry.Message" matches any version of the registry.
			reg, msg, _ := strings.Cut(m, ".")
			if id == m || (strings.HasPrefix(id, reg+".") && strings.HasSuffix(id, "."+msg)) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	o, _ := ev["OriginOfCondition"].(obj)
	op, _ := o["@odata.id"].(string)
	if len(sub.resTypes) > 0 && !slices.Contains(sub.resTypes, typeName(op)) {
		return false
	}
	if len(sub.origins) > 0 {
		ok := false
		for _, want := range sub.origins {
			ok = ok || op == want || strings.HasPrefix(op, want+"/")
		}
		if !ok {
			return false
		}
	}
	return true
}

func eventBody(rec eventRecord, context string) obj {
	return obj{
		"@odata.type": "#Event.v1_7_0.Event",
		"Id":          strconv.Itoa(rec.seq),
		"Name":        "Event Array",
		"Context":     context,
		"Events":      []any{rec.ev},
	}
}

func (s *Sim) subscribe(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Destination      string
		Context          string
		Protocol         string
		SubscriptionType string
		EventTypes       []string
		RegistryPrefixes []string
		MessageIds       []string
		ResourceTypes    []string
		OriginResources  []obj
		HttpHeaders      any // gofish sends an object, the schema an array of objects
	}
	var raw obj
	if e := readBody(r, &raw); e != nil {
		writeError(w, e)
		return
	}
	b, _ := json.Marshal(raw)
	if err := json.Unmarshal(b, &body); err != nil {
		writeError(w, &rfError{status: http.StatusBadRequest, msgID: "PropertyValueTypeError",
			message: "A property of the subscription has the wrong type: " + err.Error(), severity: "Warning"})
		return
	}
	if body.Destination == "" {
		writeError(w, &rfError{status: http.StatusBadRequest, msgID: "PropertyMissing",
			message: "The property Destination is a required property and must be included in the request.", args: []string{"Destination"}})
		return
	}
	u, err := url.Parse(body.Destination)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		writeError(w, &rfError{status: http.StatusBadRequest, msgID: "PropertyValueFormatError",
			message: fmt.Sprintf("The value '%s' for the property Destination is of a different format than the property can accept.", body.Destination),
			args:    []string{body.Destination, "Destination"}})
		return
	}
	if body.Protocol == "" {
		body.Protocol = "Redfish"
	}
	if body.Protocol != "Redfish" || (body.SubscriptionType != "" && body.SubscriptionType != "RedfishEvent") {
		writeError(w, &rfError{status: http.StatusBadRequest, msgID: "PropertyValueNotInList",
			message: "Only Protocol Redfish and SubscriptionType RedfishEvent can be created here.", args: []string{body.Protocol, "Protocol"}})
		return
	}
	s.mu.Lock()
	if len(s.subs) >= 16 {
		s.mu.Unlock()
		writeError(w, &rfError{status: http.StatusServiceUnavailable, msgID: "EventSubscriptionLimitExceeded",
			message: "The event subscription failed due to the number of simultaneous subscriptions exceeding the limit of the implementation.", severity: "Critical"})
		return
	}
	id := s.newID()
	sub := &subscription{
		id: id, path: root + "/EventService/Subscriptions/" + id,
		dest: body.Destination, context: body.Context,
		types: body.EventTypes, prefixes: body.RegistryPrefixes, msgIDs: body.MessageIds,
		resTypes: body.ResourceTypes,
		headers:  map[string]string{},
		ch:       make(chan eventRecord, 256),
	}
	for _, o := range body.OriginResources {
		if p, ok := o["@odata.id"].(string); ok {
			sub.origins = append(sub.origins, normPath(p))
		}
	}
	addHeaders := func(m obj) {
		for k, v := range m {
			if vs, ok := v.(string); ok {
				sub.headers[k] = vs
			}
		}
	}
	switch h := body.HttpHeaders.(type) {
	case obj:
		addHeaders(h)
	case []any:
		for _, x := range h {
			if m, ok := x.(obj); ok {
				addHeaders(m)
			}
		}
	}
	o := s.put(sub.path, obj{
		"@odata.type":         "#EventDestination.v1_13_0.EventDestination",
		"Id":                  id,
		"Name":                "Event Subscription " + id,
		"Destination":         sub.dest,
		"Context":             sub.context,
		"Protocol":            "Redfish",
		"SubscriptionType":    "RedfishEvent",
		"EventFormatType":     "Event",
		"DeliveryRetryPolicy": "RetryForever",
		"EventTypes":          nonNilStr(body.EventTypes),
		"RegistryPrefixes":    nonNilStr(body.RegistryPrefixes),
		"MessageIds":          nonNilStr(body.MessageIds),
		"ResourceTypes":       nonNilStr(body.ResourceTypes),
		"OriginResources":     links(sub.origins...),
		"HttpHeaders":         []any{}, // never shown, per the spec
		"Status":              status("OK"),
	})
	s.addMember(root+"/EventService/Subscriptions", sub.path)
	s.subs[sub.path] = sub
	ctx, cancel := context.WithCancel(s.bgCtx)
	sub.cancel = cancel
	s.bg.Go(func() { s.deliver(ctx, sub) })
	reply := deepCopy(o)
	s.mu.Unlock()
	w.Header().Set("Location", sub.path)
	writeJSON(w, http.StatusCreated, reply)
}

func nonNilStr(a []string) []string {
	if a == nil {
		return []string{}
	}
	return a
}

func (s *Sim) unsubscribeLocked(sub *subscription) {
	sub.cancel()
	delete(s.subs, sub.path)
	delete(s.res, sub.path)
	s.removeMember(root+"/EventService/Subscriptions", sub.path)
}

// deliver pushes sub's events in order, retrying each a few times.
func (s *Sim) deliver(ctx context.Context, sub *subscription) {
	for {
		var rec eventRecord
		select {
		case <-ctx.Done():
			return
		case rec = <-sub.ch:
		}
		s.mu.RLock()
		body, _ := json.Marshal(eventBody(rec, sub.context))
		s.mu.RUnlock()
		ok := false
		for attempt := 0; attempt <= s.cfg.PushRetries && !ok; attempt++ {
			if attempt > 0 {
				t := time.NewTimer(s.cfg.PushRetryInterval)
				select {
				case <-ctx.Done():
					t.Stop()
					return
				case <-t.C:
				}
			}
			ok = s.post(ctx, sub, body)
		}
		s.mu.Lock()
		if ok {
			s.stats.EventsSent++
		} else {
			s.stats.EventsFailed++
		}
		s.mu.Unlock()
	}
}

func (s *Sim) post(ctx context.Context, sub *subscription, body []byte) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, sub.dest, bytes.NewReader(body))
	if err != nil {
		return false
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("OData-Version", "4.0")
	for k, v := range sub.headers {
		req.Header.Set(k, v)
	}
	resp, err := s.pushHTTP.Do(req)
	if err != nil {
		s.log.Debug("event push failed", "subscription", sub.id, "err", err)
		return false
	}
	resp.Body.Close()
	return resp.StatusCode >= 200 && resp.StatusCode < 300
}

// serveSSE streams events as Server-Sent Events ("id: N" and "data: JSON"),
// replaying what followed Last-Event-ID when a client reconnects.
func (s *Sim) serveSSE(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		writeError(w, &rfError{status: 500, msgID: "InternalError", message: "streaming unsupported"})
		return
	}
	match, ferr := parseFilter(r.URL.Query().Get("$filter"))
	if ferr != nil {
		writeError(w, ferr)
		return
	}
	c := &sseClient{ch: make(chan eventRecord, 256), done: make(chan struct{}), match: match}
	s.mu.Lock()
	if s.closed || s.down {
		s.mu.Unlock()
		return
	}
	if last, err := strconv.Atoi(r.Header.Get("Last-Event-ID")); err == nil {
		for _, rec := range s.events {
			if rec.seq > last && c.match(rec.ev, s.typeName) {
				select {
				case c.ch <- rec:
				default:
				}
			}
		}
	}
	s.sse[c] = struct{}{}
	// As the spec asks, an open stream shows as an SSE subscription; DELETE
	// of it ends the stream.
	id := s.newID()
	c.path = root + "/EventService/Subscriptions/" + id
	s.put(c.path, obj{
		"@odata.type":      "#EventDestination.v1_13_0.EventDestination",
		"Id":               id,
		"Name":             "SSE Subscription " + id,
		"Destination":      r.RemoteAddr,
		"Context":          "",
		"Protocol":         "Redfish",
		"SubscriptionType": "SSE",
		"EventFormatType":  "Event",
		"Status":           status("OK"),
	})
	s.addMember(root+"/EventService/Subscriptions", c.path)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.sse, c)
		delete(s.res, c.path)
		s.removeMember(root+"/EventService/Subscriptions", c.path)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	fl.Flush()
	if r.Method == http.MethodHead {
		return
	}
	tick := time.NewTicker(s.keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-c.done:
			return
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			fl.Flush()
		case rec := <-c.ch:
			s.mu.RLock()
			b, _ := json.Marshal(eventBody(rec, ""))
			s.mu.RUnlock()
			if _, err := fmt.Fprintf(w, "id: %d\ndata: %s\n\n", rec.seq, b); err != nil {
				return
			}
			fl.Flush()
		}
	}
}

func (s *Sim) submitTestEvent(w http.ResponseWriter, r *http.Request) {
	var body obj
	if e := readBody(r, &body); e != nil {
		writeError(w, e)
		return
	}
	str := func(k, def string) string {
		if v, ok := body[k].(string); ok && v != "" {
			return v
		}
		return def
	}
	sev := str("Severity", str("MessageSeverity", "OK"))
	ev := obj{
		"EventType":       str("EventType", "Alert"),
		"Severity":        sev,
		"MessageSeverity": sev,
		"Message":         str("Message", "Test event"),
		"MessageId":       str("MessageId", "ResourceEvent.1.0.TestMessage"),
		"MessageArgs":     anyList(body["MessageArgs"]),
	}
	if o := str("OriginOfCondition", ""); o != "" {
		ev["OriginOfCondition"] = link(o)
	}
	if ev["MessageArgs"] == nil {
		ev["MessageArgs"] = []any{}
	}
	s.mu.Lock()
	s.emitLocked(ev)
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Sim) clearLog(w http.ResponseWriter, p string) {
	ls := strings.TrimSuffix(p, "/Actions/LogService.ClearLog")
	s.mu.Lock()
	defer s.mu.Unlock()
	if !isType(s.res[ls], "LogService") {
		writeError(w, errNotFound(p))
		return
	}
	coll := s.entriesPath(ls)
	if c := s.res[coll]; c != nil {
		for _, m := range anyList(c["Members"]) {
			if mo, ok := m.(obj); ok {
				if mp, ok := mo["@odata.id"].(string); ok {
					delete(s.res, mp)
				}
			}
		}
		c["Members"] = []any{}
		c["Members@odata.count"] = 0
	}
	w.WriteHeader(http.StatusNoContent)
}

// parseFilter parses the SSE $filter the Redfish spec defines for event
// streams: terms "Property eq 'value'" joined by "or" (or "and"), with
// EventType, MessageId, RegistryPrefix, ResourceType, OriginResource.
func parseFilter(f string) (func(ev obj, typeName func(string) string) bool, *rfError) {
	f = strings.TrimSpace(f)
	if f == "" {
		return func(obj, func(string) string) bool { return true }, nil
	}
	bad := func(why string) *rfError {
		return &rfError{status: http.StatusBadRequest, msgID: "QueryParameterValueFormatError",
			message: fmt.Sprintf("The value '%s' for the parameter $filter is of a different format than the parameter can accept: %s.", f, why),
			args:    []string{f, "$filter"}}
	}
	type term struct{ prop, val string }
	var groups [][]term // OR of ANDs
	for _, alt := range strings.Split(f, " or ") {
		var and []term
		for _, t := range strings.Split(alt, " and ") {
			t = strings.Trim(strings.TrimSpace(t), "()")
			prop, val, ok := strings.Cut(t, " eq ")
			val = strings.TrimSpace(val)
			if !ok || len(val) < 2 || val[0] != '\'' || val[len(val)-1] != '\'' {
				return nil, bad("want Property eq 'value'")
			}
			prop = strings.TrimSpace(prop)
			switch prop {
			case "EventType", "MessageId", "RegistryPrefix", "ResourceType", "OriginResource":
			default:
				return nil, bad("unsupported property " + prop)
			}
			and = append(and, term{prop, val[1 : len(val)-1]})
		}
		groups = append(groups, and)
	}
	return func(ev obj, typeName func(string) string) bool {
		id, _ := ev["MessageId"].(string)
		et, _ := ev["EventType"].(string)
		o, _ := ev["OriginOfCondition"].(obj)
		origin, _ := o["@odata.id"].(string)
		for _, and := range groups {
			all := true
			for _, t := range and {
				switch t.prop {
				case "EventType":
					all = all && et == t.val
				case "MessageId":
					reg, msg, _ := strings.Cut(t.val, ".")
					all = all && (id == t.val || (strings.HasPrefix(id, reg+".") && strings.HasSuffix(id, "."+msg)))
				case "RegistryPrefix":
					p, _, _ := strings.Cut(id, ".")
					all = all && p == t.val
				case "ResourceType":
					all = all && typeName(origin) == t.val
				case "OriginResource":
					all = all && (origin == t.val || strings.HasPrefix(origin, t.val+"/"))
				}
			}
			if all {
				return true
			}
		}
		return false
	}, nil
}
