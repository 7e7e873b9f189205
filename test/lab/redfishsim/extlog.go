package redfishsim

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
)

// A BMC that takes clients' log entries has a LogService whose
// LogPurposes include ExternalEntity and whose Entries collection lists
// POST in its Allow header (Redfish specification, "Log services"). The
// simulator offers one at Managers/{id}/LogServices/External when
// Config.ExternalLog is set; Config.ExternalLogReadOnly offers it without
// POST, as a BMC that shows such a log but takes nothing into it.

// maxExternalMessage is the longest Message the simulated BMC stores, as
// BMCs bound their log records.
const maxExternalMessage = 1024

// logEntryWritable are the LogEntry properties a client may POST.
var logEntryWritable = []string{"EntryType", "OemRecordFormat", "Severity", "Message", "MessageId", "MessageArgs",
	"EntryCode", "SensorType", "Links", "Oem"}

// addExternalLog adds the External log service to the first manager.
func (s *Sim) addExternalLog() error {
	var mgrs []string
	for p, o := range s.res {
		if isType(o, "Manager") {
			mgrs = append(mgrs, p)
		}
	}
	sort.Strings(mgrs)
	if len(mgrs) == 0 {
		return fmt.Errorf("redfishsim: ExternalLog: no manager to hold the log service")
	}
	m := mgrs[0]
	if s.res[m+"/LogServices"] == nil {
		s.collection(m+"/LogServices", "LogServiceCollection", "Log Service Collection")
		s.res[m]["LogServices"] = link(m + "/LogServices")
	}
	p := m + "/LogServices/External"
	s.addMember(m+"/LogServices", p)
	s.put(p, obj{
		"@odata.type":        "#LogService.v1_5_0.LogService",
		"Id":                 "External",
		"Name":               "External Entity Log",
		"Description":        "Entries added by clients of the BMC",
		"LogEntryType":       "Multiple",
		"LogPurposes":        []any{"ExternalEntity"},
		"MaxNumberOfRecords": 1000,
		"OverWritePolicy":    "WrapsWhenFull",
		"ServiceEnabled":     true,
		"Status":             status("OK"),
		"Entries":            link(p + "/Entries"),
	})
	s.collection(p+"/Entries", "LogEntryCollection", "External Entity Log Entries")
	s.extLogPath = p
	if !s.cfg.ExternalLogReadOnly {
		s.postableLogs[p+"/Entries"] = true
	}
	return nil
}

// ExternalLogPath returns the @odata.id of the External log service ("" when
// Config.ExternalLog is not set).
func (s *Sim) ExternalLogPath() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.extLogPath
}

// LogEntries returns copies of the entries of the log service at path,
// oldest first.
func (s *Sim) LogEntries(path string) []map[string]any {
	s.mu.RLock()
	defer s.mu.RUnlock()
	coll := s.res[s.entriesPath(normPath(path))]
	var out []map[string]any
	for _, m := range anyList(coll["Members"]) {
		mo, _ := m.(obj)
		id, _ := mo["@odata.id"].(string)
		if e := s.res[id]; e != nil {
			out = append(out, deepCopy(e))
		}
	}
	return out
}

// postable reports whether the log entry collection at p takes a POST.
func (s *Sim) postable(p string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.postableLogs[p]
}

// allowHeader sets Allow on a GET of a log entry collection: POST only
// where the BMC takes entries; s.mu is held.
func (s *Sim) allowHeader(w http.ResponseWriter, p string, o obj) {
	typ, _ := o["@odata.type"].(string)
	if !strings.Contains(typ, "LogEntryCollection") {
		return
	}
	if s.postableLogs[p] {
		w.Header().Set("Allow", "GET, HEAD, POST")
	} else {
		w.Header().Set("Allow", "GET, HEAD")
	}
}

// postLogEntry creates a LogEntry in a collection that takes them: only
// the writable properties, Severity OK, Warning or Critical, a Message of
// at most maxExternalMessage bytes. The BMC stamps Created and Id, and
// raises an event for the entry, as BMCs that forward their logs do.
func (s *Sim) postLogEntry(w http.ResponseWriter, r *http.Request, coll string) {
	var body obj
	if e := readBody(r, &body); e != nil {
		writeError(w, e)
		return
	}
	for k := range body {
		if !slices.Contains(logEntryWritable, k) && !strings.HasPrefix(k, "@") {
			writeError(w, &rfError{status: http.StatusBadRequest, msgID: "PropertyUnknown",
				message: fmt.Sprintf("The property %s is not in the list of valid properties for the resource.", k), args: []string{k}})
			return
		}
	}
	msg, _ := body["Message"].(string)
	if msg == "" {
		writeError(w, &rfError{status: http.StatusBadRequest, msgID: "PropertyMissing",
			message: "The property Message is a required property and must be included in the request.", args: []string{"Message"}})
		return
	}
	if len(msg) > maxExternalMessage {
		writeError(w, &rfError{status: http.StatusBadRequest, msgID: "PropertyValueFormatError",
			message: "The value for the property Message is of a different format than the property can accept.", args: []string{"Message"}})
		return
	}
	sev, _ := body["Severity"].(string)
	if sev == "" {
		sev = "OK"
	}
	if validHealth(sev) != nil {
		writeError(w, &rfError{status: http.StatusBadRequest, msgID: "PropertyValueNotInList",
			message: fmt.Sprintf("The value '%s' for the property Severity is not in the list of acceptable values.", sev), args: []string{sev, "Severity"}})
		return
	}
	s.mu.Lock()
	id := s.newID()
	p := coll + "/" + id
	e := obj{}
	for k, v := range body {
		if !strings.HasPrefix(k, "@") {
			e[k] = v
		}
	}
	e["@odata.type"] = "#LogEntry.v1_15_0.LogEntry"
	e["Id"], e["Name"], e["Created"], e["Severity"] = id, "Log Entry "+id, now(), sev
	if e["EntryType"] == nil {
		e["EntryType"] = "Oem"
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
	msgID, _ := e["MessageId"].(string)
	ev := obj{"EventType": "Alert", "Severity": sev, "MessageSeverity": sev, "Message": msg,
		"MessageId": nameOrDefault(msgID, "ResourceEvent.1.0.ResourceCreated"), "MessageArgs": anyList(e["MessageArgs"]),
		"OriginOfCondition": link(p), "LogEntry": link(p)}
	if ev["MessageArgs"] == nil {
		ev["MessageArgs"] = []any{}
	}
	s.emitLocked(ev)
	reply := deepCopy(e)
	s.mu.Unlock()
	w.Header().Set("Location", p)
	writeJSON(w, http.StatusCreated, reply)
}

func nameOrDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
