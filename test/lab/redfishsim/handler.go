package redfishsim

import (
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

type account struct {
	Account
	failures    int
	lockedUntil time.Time
}

type session struct {
	id       string
	path     string
	token    string
	user     string
	lastUsed atomic.Int64 // unix nanoseconds of the last request
}

func (se *session) touch() { se.lastUsed.Store(time.Now().UnixNano()) }

func (se *session) expired(timeout time.Duration) bool {
	return time.Since(time.Unix(0, se.lastUsed.Load())) > timeout
}

// rfError is a Redfish error reply: an HTTP status and one message of the
// Base registry.
type rfError struct {
	status   int
	msgID    string // e.g. "ActionParameterNotSupported"
	message  string
	args     []string
	severity string
}

const baseRegistry = "Base.1.16."

func (e *rfError) body() obj {
	sev := e.severity
	if sev == "" {
		sev = "Warning"
		if e.status >= 500 {
			sev = "Critical"
		}
	}
	args := make([]any, len(e.args))
	for i, a := range e.args {
		args[i] = a
	}
	return obj{"error": obj{
		"code":    baseRegistry + "GeneralError",
		"message": "A general error has occurred. See ExtendedInfo for more information.",
		"@Message.ExtendedInfo": []any{obj{
			"@odata.type":     "#Message.v1_1_1.Message",
			"MessageId":       baseRegistry + e.msgID,
			"Message":         e.message,
			"MessageArgs":     args,
			"Severity":        sev,
			"MessageSeverity": sev,
			"Resolution":      resolution(e.msgID),
		}},
	}}
}

func resolution(id string) string {
	switch id {
	case "NoValidSession":
		return "Establish a session before attempting any operations."
	case "ResourceMissingAtURI":
		return "Place a valid resource at the URI or correct the URI and resubmit the request."
	case "ActionParameterNotSupported", "ActionParameterValueNotInList":
		return "Choose a value from the enumeration list that the implementation can support and resubmit the request if the operation failed."
	case "InsufficientPrivilege":
		return "Either abandon the operation or change the associated access rights and resubmit the request if the operation failed."
	}
	return "None."
}

func errNotFound(p string) *rfError {
	return &rfError{status: http.StatusNotFound, msgID: "ResourceMissingAtURI",
		message: fmt.Sprintf("The resource at the URI '%s' was not found.", p), args: []string{p}, severity: "Critical"}
}

func errUnauthorized() *rfError {
	return &rfError{status: http.StatusUnauthorized, msgID: "NoValidSession",
		message: "There is no valid session established with the implementation.", severity: "Critical"}
}

func errMethod(method, p string) *rfError {
	return &rfError{status: http.StatusMethodNotAllowed, msgID: "OperationNotAllowed",
		message: fmt.Sprintf("The HTTP method %s is not allowed on the URI %s.", method, p), severity: "Critical"}
}

func errPrivilege() *rfError {
	return &rfError{status: http.StatusForbidden, msgID: "InsufficientPrivilege",
		message: "There are insufficient privileges for the account or credentials associated with the current session to perform the requested operation.", severity: "Critical"}
}

func errMalformed() *rfError {
	return &rfError{status: http.StatusBadRequest, msgID: "MalformedJSON",
		message: "The request body submitted was malformed JSON and could not be parsed by the receiving service.", severity: "Critical"}
}

func errMissing(param, action string) *rfError {
	return &rfError{status: http.StatusBadRequest, msgID: "ActionParameterMissing",
		message: fmt.Sprintf("The action %s requires the parameter %s to be present in the request body.", action, param),
		args:    []string{action, param}, severity: "Critical"}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("OData-Version", "4.0")
	w.WriteHeader(status)
	w.Write(b)
}

func writeError(w http.ResponseWriter, e *rfError) {
	if e.status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Basic realm="redfishsim"`)
	}
	writeJSON(w, e.status, e.body())
}

func normPath(p string) string {
	for len(p) > 1 && strings.HasSuffix(p, "/") {
		p = p[:len(p)-1]
	}
	return p
}

// public reports whether p may be read without credentials, as the spec
// and real BMCs allow for the service root and the OData documents.
func public(p string) bool {
	return p == "/redfish" || p == root || p == root+"/odata" || p == root+"/$metadata"
}

// ServeHTTP serves the Redfish API; a Sim is an http.Handler, so tests may
// also mount it in httptest or their own server.
func (s *Sim) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	if delay := time.Duration(s.delay.Load()); delay > 0 {
		t := time.NewTimer(delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		case <-s.bgCtx.Done():
			t.Stop()
			return
		}
	}
	w.Header().Set("Server", "redfishsim")
	p := normPath(r.URL.Path)
	s.log.Debug("request", "method", r.Method, "path", p)
	if p == "/redfish" && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		writeJSON(w, http.StatusOK, obj{"v1": root + "/"})
		return
	}
	if p != root && !strings.HasPrefix(p, root+"/") {
		writeError(w, errNotFound(p))
		return
	}
	var acct *account
	var sess *session
	login := r.Method == http.MethodPost && p == root+"/SessionService/Sessions" && !s.cfg.NoSessionService
	if !login && !(public(p) && (r.Method == http.MethodGet || r.Method == http.MethodHead)) {
		var ok bool
		acct, sess, ok = s.authenticate(r)
		if !ok {
			writeError(w, errUnauthorized())
			return
		}
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		if sse := s.sseURI(); p == sse {
			s.serveSSE(w, r)
			return
		}
		if strings.HasPrefix(p, root+"/TaskService/TaskMonitors/") {
			s.serveTaskMonitor(w, p)
			return
		}
		s.serveGet(w, r, p)
	case http.MethodPost:
		if login {
			s.login(w, r)
			return
		}
		s.servePost(w, r, p, acct)
	case http.MethodDelete:
		s.serveDelete(w, p, acct, sess)
	case http.MethodPatch:
		s.servePatch(w, r, p, acct)
	default:
		s.mu.Lock()
		e := errNotFound(p)
		if s.res[p] != nil || s.raw[p] != nil {
			e = errMethod(r.Method, p)
		}
		s.mu.Unlock()
		writeError(w, e)
	}
}

// authenticate checks X-Auth-Token or Basic credentials. The common case
// (valid credentials) needs only the read lock, so clients' requests run in
// parallel as they do on a BMC with several worker threads.
func (s *Sim) authenticate(r *http.Request) (*account, *session, bool) {
	if tok := r.Header.Get("X-Auth-Token"); tok != "" && !s.cfg.NoSessionService {
		s.mu.RLock()
		se := s.sessions[tok]
		var a *account
		if se != nil {
			a = s.accounts[se.user]
		}
		s.mu.RUnlock()
		if se != nil && !se.expired(s.cfg.SessionTimeout) {
			se.touch()
			return a, se, true
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if se != nil && s.sessions[tok] == se {
			s.dropSession(se)
		}
		s.stats.AuthFailures++
		return nil, nil, false
	}
	user, pass, ok := r.BasicAuth()
	if ok {
		s.basicReqs.Add(1)
		s.mu.RLock()
		a := s.accounts[user]
		good := a != nil && a.failures == 0 && time.Now().After(a.lockedUntil) &&
			subtle.ConstantTimeCompare([]byte(pass), []byte(a.Password)) == 1
		s.mu.RUnlock()
		if good {
			return a, nil, true
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !ok {
		s.stats.AuthFailures++
		return nil, nil, false
	}
	a := s.checkPassword(user, pass)
	return a, nil, a != nil
}

// checkPassword verifies credentials with lockout; s.mu is held.
func (s *Sim) checkPassword(user, pass string) *account {
	a := s.accounts[user]
	if a == nil {
		s.stats.AuthFailures++
		return nil
	}
	now := time.Now()
	if now.Before(a.lockedUntil) {
		s.stats.AuthFailures++
		return nil
	}
	if subtle.ConstantTimeCompare([]byte(pass), []byte(a.Password)) != 1 {
		s.stats.AuthFailures++
		a.failures++
		if s.cfg.LockoutThreshold > 0 && a.failures >= s.cfg.LockoutThreshold {
			a.lockedUntil = now.Add(s.cfg.LockoutDuration)
			a.failures = 0
			s.faultLocked("Warning", "Account locked out after repeated failed logins: "+user,
				"ResourceEvent.1.0.ResourceStatusChangedWarning", []string{root + "/AccountService", "Warning"}, root+"/AccountService")
		}
		return nil
	}
	a.failures = 0
	return a
}

func (s *Sim) login(w http.ResponseWriter, r *http.Request) {
	var body struct {
		UserName string
		Password string
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&body); err != nil {
		writeError(w, errMalformed())
		return
	}
	s.mu.Lock()
	if s.checkPassword(body.UserName, body.Password) == nil {
		s.mu.Unlock()
		writeError(w, errUnauthorized())
		return
	}
	for _, se := range s.sessions {
		if se.expired(s.cfg.SessionTimeout) {
			s.dropSession(se)
		}
	}
	if len(s.sessions) >= s.cfg.MaxSessions {
		s.mu.Unlock()
		writeError(w, &rfError{status: http.StatusServiceUnavailable, msgID: "SessionLimitExceeded",
			message: "The session establishment failed due to the number of simultaneous sessions exceeding the limit of the implementation.", severity: "Critical"})
		return
	}
	se := &session{id: randHex(8), token: randHex(16), user: body.UserName}
	se.touch()
	se.path = root + "/SessionService/Sessions/" + se.id
	s.sessions[se.token] = se
	o := s.put(se.path, obj{
		"@odata.type": "#Session.v1_3_0.Session",
		"Id":          se.id,
		"Name":        "User Session",
		"UserName":    se.user,
	})
	s.addMember(root+"/SessionService/Sessions", se.path)
	s.stats.Logins++
	b := deepCopy(o)
	s.mu.Unlock()
	w.Header().Set("X-Auth-Token", se.token)
	w.Header().Set("Location", se.path)
	writeJSON(w, http.StatusCreated, b)
}

// dropSession removes a session; s.mu is held.
func (s *Sim) dropSession(se *session) {
	delete(s.sessions, se.token)
	delete(s.res, se.path)
	s.removeMember(root+"/SessionService/Sessions", se.path)
}

func deepCopy(o obj) obj {
	b, _ := json.Marshal(o)
	var c obj
	json.Unmarshal(b, &c)
	return c
}

func (s *Sim) serveGet(w http.ResponseWriter, r *http.Request, p string) {
	if p == root+"/SessionService/Sessions" || strings.HasPrefix(p, root+"/SessionService/Sessions/") {
		// Sessions are live: expire idle ones before showing them.
		s.mu.Lock()
		for _, se := range s.sessions {
			if se.expired(s.cfg.SessionTimeout) {
				s.dropSession(se)
			}
		}
		s.mu.Unlock()
	}
	// Readers share the lock, so concurrent clients marshal in parallel.
	s.mu.RLock()
	if b, ok := s.raw[p]; ok {
		s.mu.RUnlock()
		ct := "application/json; charset=utf-8"
		if strings.HasPrefix(strings.TrimSpace(string(b)), "<") {
			ct = "application/xml"
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("OData-Version", "4.0")
		w.Write(b)
		return
	}
	o := s.res[p]
	if o == nil {
		s.mu.RUnlock()
		writeError(w, errNotFound(p))
		return
	}
	b, err := json.MarshalIndent(s.expand(o, r.URL.Query().Get("$expand")), "", "  ")
	s.allowHeader(w, p, o)
	s.mu.RUnlock()
	if err != nil {
		writeError(w, &rfError{status: 500, msgID: "InternalError", message: err.Error()})
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("OData-Version", "4.0")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// expand returns o with collection members inlined when $expand asks for it
// (one level); s.mu is held.
func (s *Sim) expand(o obj, exp string) any {
	if exp == "" {
		return o
	}
	ms, ok := o["Members"].([]any)
	if !ok {
		return o
	}
	c := make(obj, len(o))
	for k, v := range o {
		c[k] = v
	}
	out := make([]any, 0, len(ms))
	for _, m := range ms {
		mo, _ := m.(obj)
		id, _ := mo["@odata.id"].(string)
		if full := s.res[id]; full != nil && len(mo) == 1 {
			out = append(out, full)
		} else {
			out = append(out, m)
		}
	}
	c["Members"] = out
	return c
}

func readBody(r *http.Request, v any) *rfError {
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return errMalformed()
	}
	if len(strings.TrimSpace(string(b))) == 0 {
		b = []byte("{}")
	}
	if err := json.Unmarshal(b, v); err != nil {
		return errMalformed()
	}
	return nil
}

func canOperate(a *account) bool {
	return a != nil && (a.Role == RoleAdministrator || a.Role == RoleOperator)
}

func (s *Sim) servePost(w http.ResponseWriter, r *http.Request, p string, acct *account) {
	switch {
	case p == root+"/EventService/Subscriptions":
		if !canOperate(acct) {
			writeError(w, errPrivilege())
			return
		}
		s.subscribe(w, r)
		return
	case strings.HasSuffix(p, "/Actions/EventService.SubmitTestEvent"), strings.HasSuffix(p, "/Actions/EventService.TestEventSubscription"):
		if !canOperate(acct) {
			writeError(w, errPrivilege())
			return
		}
		s.submitTestEvent(w, r)
		return
	case s.postable(p):
		if !canOperate(acct) {
			writeError(w, errPrivilege())
			return
		}
		s.postLogEntry(w, r, p)
		return
	case strings.HasSuffix(p, "/Actions/LogService.ClearLog"):
		if !canOperate(acct) {
			writeError(w, errPrivilege())
			return
		}
		s.clearLog(w, p)
		return
	}
	s.mu.Lock()
	sys := s.resets[p]
	exists := s.res[p] != nil
	s.mu.Unlock()
	if sys != nil {
		if !canOperate(acct) {
			writeError(w, errPrivilege())
			return
		}
		s.serveReset(w, r, sys)
		return
	}
	if exists {
		writeError(w, errMethod(r.Method, p))
		return
	}
	writeError(w, errNotFound(p))
}

func (s *Sim) serveDelete(w http.ResponseWriter, p string, acct *account, cur *session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if strings.HasPrefix(p, root+"/SessionService/Sessions/") && s.res[p] != nil {
		var target *session
		for _, se := range s.sessions {
			if se.path == p {
				target = se
			}
		}
		if target != nil && (cur == target || acct.Role == RoleAdministrator) {
			s.dropSession(target)
		} else if target != nil {
			writeError(w, errPrivilege())
			return
		} else {
			delete(s.res, p) // a mockup's static session
			s.removeMember(root+"/SessionService/Sessions", p)
		}
		s.stats.Logouts++
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if sub := s.subs[p]; sub != nil {
		if !canOperate(acct) {
			writeError(w, errPrivilege())
			return
		}
		s.unsubscribeLocked(sub)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	for c := range s.sse {
		if c.path == p {
			if !canOperate(acct) {
				writeError(w, errPrivilege())
				return
			}
			c.close() // the stream's handler removes the resource
			delete(s.res, p)
			s.removeMember(root+"/EventService/Subscriptions", p)
			w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	if s.res[p] != nil {
		writeError(w, errMethod(http.MethodDelete, p))
		return
	}
	writeError(w, errNotFound(p))
}

// servePatch accepts PATCH of a subscription's Context and of a system's
// writable basics; anything else gets 405 as on a BMC.
func (s *Sim) servePatch(w http.ResponseWriter, r *http.Request, p string, acct *account) {
	var body obj
	if e := readBody(r, &body); e != nil {
		writeError(w, e)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.res[p]
	if o == nil {
		writeError(w, errNotFound(p))
		return
	}
	if !canOperate(acct) {
		writeError(w, errPrivilege())
		return
	}
	var allowed []string
	switch {
	case s.subs[p] != nil:
		allowed = []string{"Context", "DeliveryRetryPolicy"}
	case s.systems[p] != nil:
		allowed = []string{"AssetTag", "IndicatorLED", "LocationIndicatorActive"}
	default:
		writeError(w, errMethod(http.MethodPatch, p))
		return
	}
	for k := range body {
		ok := false
		for _, a := range allowed {
			ok = ok || a == k
		}
		if !ok {
			writeError(w, &rfError{status: http.StatusBadRequest, msgID: "PropertyNotWritable",
				message: fmt.Sprintf("The property %s is a read only property and cannot be assigned a value.", k), args: []string{k}})
			return
		}
	}
	for k, v := range body {
		o[k] = v
		if sub := s.subs[p]; sub != nil && k == "Context" {
			sub.context, _ = v.(string)
		}
	}
	writeJSON(w, http.StatusOK, o)
}
