package redfishsim

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestExternalLog: with ExternalLog the manager offers a log service for
// external entities whose Entries answer Allow: GET, HEAD, POST and take a
// LogEntry (stamped, listed, raised as an event), refusing unknown
// properties, bad severities and read-only accounts; with
// ExternalLogReadOnly the same service answers Allow without POST and 405;
// without either, no log service lists ExternalEntity or POST.
func TestExternalLog(t *testing.T) {
	entries := "/redfish/v1/Managers/1/LogServices/External/Entries"
	allow := func(t *testing.T, s *Sim, user, pass, path string) (int, string) {
		t.Helper()
		req, _ := http.NewRequestWithContext(t.Context(), "GET", s.URL()+path, nil)
		req.SetBasicAuth(user, pass)
		resp, err := s.HTTPClient().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("Allow")
	}
	post := func(t *testing.T, s *Sim, user, pass, body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequestWithContext(t.Context(), "POST", s.URL()+entries, strings.NewReader(body))
		req.SetBasicAuth(user, pass)
		req.Header.Set("Content-Type", "application/json")
		resp, err := s.HTTPClient().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("Location")
	}

	t.Run("takes entries", func(t *testing.T) {
		s := startSim(t, Config{ExternalLog: true, Accounts: []Account{{User: "viewer", Password: "look", Role: RoleReadOnly}}})
		user, pass := s.Credentials()
		var svc map[string]any
		if code := do(t, s, "GET", "/redfish/v1/Managers/1/LogServices/External", "", &svc); code != 200 {
			t.Fatalf("GET External = %d", code)
		}
		if p, _ := svc["LogPurposes"].([]any); len(p) != 1 || p[0] != "ExternalEntity" {
			t.Errorf("LogPurposes = %v, want [ExternalEntity]", svc["LogPurposes"])
		}
		if code, a := allow(t, s, user, pass, entries); code != 200 || a != "GET, HEAD, POST" {
			t.Errorf("GET Entries = %d, Allow %q; want 200, GET, HEAD, POST", code, a)
		}
		if _, a := allow(t, s, user, pass, "/redfish/v1/Managers/1/LogServices/SEL/Entries"); a != "GET, HEAD" {
			t.Errorf("SEL Entries Allow %q, want GET, HEAD", a)
		}
		es := newEventSink(t)
		if code := do(t, s, "POST", "/redfish/v1/EventService/Subscriptions",
			`{"Destination":"`+es.srv.URL+`","Protocol":"Redfish","Context":"c","HttpHeaders":{"X-Test":"yes"}}`, nil); code != 201 {
			t.Fatalf("subscribe = %d", code)
		}
		code, loc := post(t, s, user, pass, `{"EntryType":"Oem","OemRecordFormat":"Vigil","Severity":"Warning",`+
			`"Message":"vigil: h1 risk raised","MessageId":"Vigil.1.0.RiskRaised","MessageArgs":["h1"],`+
			`"Links":{"OriginOfCondition":{"@odata.id":"/redfish/v1/Systems/1"}}}`)
		if code != 201 || !strings.HasPrefix(loc, entries+"/") {
			t.Fatalf("POST entry = %d, Location %q", code, loc)
		}
		got := s.LogEntries(s.ExternalLogPath())
		if len(got) != 1 || got[0]["Message"] != "vigil: h1 risk raised" || got[0]["OemRecordFormat"] != "Vigil" ||
			got[0]["Severity"] != "Warning" || got[0]["@odata.id"] != loc {
			t.Fatalf("entries = %v", got)
		}
		if c, _ := time.Parse(time.RFC3339, got[0]["Created"].(string)); time.Since(c) > time.Minute {
			t.Errorf("Created = %v", got[0]["Created"])
		}
		if ev := firstEvent(t, es.next(t)); ev["MessageId"] != "Vigil.1.0.RiskRaised" || ev["Message"] != "vigil: h1 risk raised" {
			t.Errorf("event for the entry = %v", ev)
		}
		for _, tc := range []struct{ body string }{
			{`{"Message":"x","Foo":1}`},
			{`{"Message":"x","Severity":"Fatal"}`},
			{`{"Severity":"OK"}`},
			{`{"Message":"` + strings.Repeat("x", 2000) + `"}`},
		} {
			if code, _ := post(t, s, user, pass, tc.body); code != 400 {
				t.Errorf("POST %.40s = %d, want 400", tc.body, code)
			}
		}
		if code, _ := post(t, s, "viewer", "look", `{"Message":"x"}`); code != 403 {
			t.Errorf("read-only POST = %d, want 403", code)
		}
		if n := len(s.LogEntries(s.ExternalLogPath())); n != 1 {
			t.Errorf("%d entries after refused POSTs, want 1", n)
		}
	})
	t.Run("read-only", func(t *testing.T) {
		s := startSim(t, Config{ExternalLogReadOnly: true})
		user, pass := s.Credentials()
		if code, a := allow(t, s, user, pass, entries); code != 200 || a != "GET, HEAD" {
			t.Errorf("GET Entries = %d, Allow %q; want 200, GET, HEAD", code, a)
		}
		if code, _ := post(t, s, user, pass, `{"Message":"x"}`); code != 405 {
			t.Errorf("POST = %d, want 405", code)
		}
	})
	t.Run("none", func(t *testing.T) {
		s := startSim(t, Config{})
		user, pass := s.Credentials()
		if code, _ := allow(t, s, user, pass, entries); code != 404 {
			t.Errorf("GET External Entries = %d, want 404", code)
		}
		if s.ExternalLogPath() != "" {
			t.Errorf("ExternalLogPath = %q", s.ExternalLogPath())
		}
	})
}
