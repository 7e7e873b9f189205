package redfishsim

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stmcginnis/gofish"
	"github.com/stmcginnis/gofish/schemas"
)

func TestLayoutAndSetPower(t *testing.T) {
	small := Chassis{ID: "blade2", Temperatures: []Sensor{{Name: "Board Temp", Reading: 30, UpperCritical: F(70)}}}
	var mu sync.Mutex
	calls := map[string][]bool{}
	s := startSim(t, Config{
		Systems: []System{{ID: "node1"}, {ID: "node2", Off: true}},
		Chassis: []Chassis{DefaultChassis("blade1"), small},
		OnSystemPower: func(id string, on bool) {
			mu.Lock()
			calls[id] = append(calls[id], on)
			mu.Unlock()
		},
	})
	if ids := s.SystemIDs(); len(ids) != 2 || ids[0] != "node1" || ids[1] != "node2" {
		t.Fatalf("SystemIDs = %v", ids)
	}
	c := mustConnect(t, s, false)
	if ps := getSystem(t, c, "/redfish/v1/Systems/node2").PowerState; ps != schemas.OffPowerState {
		t.Errorf("node2 PowerState = %q, want Off", ps)
	}
	ch, err := schemas.GetObject[schemas.Chassis](c, "/redfish/v1/Chassis/blade2")
	if err != nil {
		t.Fatal(err)
	}
	th, err := ch.Thermal()
	if err != nil || len(th.Temperatures) != 1 || len(th.Fans) != 0 {
		t.Fatalf("blade2 Thermal = %+v, %v", th, err)
	}
	if err := s.SetPower("node1", false); err != nil {
		t.Fatal(err)
	}
	if ps := getSystem(t, c, "/redfish/v1/Systems/node1").PowerState; ps != schemas.OffPowerState {
		t.Errorf("node1 after SetPower(false) = %q", ps)
	}
	if _, err := s.PowerState(""); err == nil {
		t.Error(`PowerState("") with two systems should fail`)
	}
	if err := s.SetPower("nope", true); err == nil {
		t.Error("SetPower of an unknown system succeeded")
	}
	code := do(t, s, "POST", "/redfish/v1/Systems/node2/Actions/ComputerSystem.Reset", `{"ResetType":"On"}`, nil)
	if code != 204 {
		t.Fatalf("Reset On = %d", code)
	}
	waitPower(t, c, "/redfish/v1/Systems/node2", schemas.OnPowerState)
	mu.Lock()
	defer mu.Unlock()
	if len(calls["node1"]) != 1 || calls["node1"][0] || len(calls["node2"]) != 1 || !calls["node2"][0] {
		t.Errorf("OnSystemPower calls = %v", calls)
	}
	if _, err := New(Config{Systems: []System{{ID: "a", Chassis: "missing"}}}); err == nil {
		t.Error("New accepted a system in an unknown chassis")
	}
}

func TestReadOnlyAccount(t *testing.T) {
	s := startSim(t, Config{Accounts: []Account{{User: "viewer", Password: "look", Role: RoleReadOnly}}})
	hc := s.HTTPClient()
	req := func(method, path, body string) int {
		r, _ := http.NewRequest(method, s.URL()+path, strings.NewReader(body))
		r.SetBasicAuth("viewer", "look")
		resp, err := hc.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := req("GET", "/redfish/v1/Systems/1", ""); code != 200 {
		t.Errorf("read-only GET = %d", code)
	}
	if code := req("POST", "/redfish/v1/Systems/1/Actions/ComputerSystem.Reset", `{"ResetType":"ForceOff"}`); code != 403 {
		t.Errorf("read-only Reset = %d, want 403", code)
	}
	if st := s.Stats(); st.Resets != 0 {
		t.Errorf("a refused reset was counted: %+v", st)
	}
}

func TestSessionLimitAndExpiry(t *testing.T) {
	s := startSim(t, Config{MaxSessions: 2, SessionTimeout: time.Second})
	user, pass := s.Credentials()
	body := `{"UserName":"` + user + `","Password":"` + pass + `"}`
	login := func() (int, string) {
		resp, err := s.HTTPClient().Post(s.URL()+"/redfish/v1/SessionService/Sessions", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("X-Auth-Token")
	}
	_, tok := login()
	login()
	if code, _ := login(); code != http.StatusServiceUnavailable {
		t.Errorf("third session = %d, want 503", code)
	}
	time.Sleep(1300 * time.Millisecond)
	r, _ := http.NewRequest("GET", s.URL()+"/redfish/v1/Systems", nil)
	r.Header.Set("X-Auth-Token", tok)
	resp, err := s.HTTPClient().Do(r)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("expired token = %d, want 401", resp.StatusCode)
	}
	if code, _ := login(); code != 201 {
		t.Errorf("login after expiry = %d, want 201", code)
	}
}

func TestSSEReplayAndTestEvent(t *testing.T) {
	s := startSim(t, Config{})
	c := mustConnect(t, s, false)
	es, err := c.Service.EventService()
	if err != nil {
		t.Fatal(err)
	}
	r := sseStream(t, s)
	if _, err := es.TestEventSubscription(); err != nil {
		t.Fatal(err)
	}
	ev := nextSSE(t, r)
	if rec := firstEvent(t, ev); rec["MessageId"] != "ResourceEvent.1.0.TestMessage" {
		t.Errorf("test event = %v", rec)
	}
	s.AddLogEntry(LogEntry{Severity: "Warning", Message: "one"})
	s.AddLogEntry(LogEntry{Severity: "Critical", Message: "two"})
	// A client reconnecting with Last-Event-ID gets what it missed.
	var es2 struct{ ServerSentEventUri string }
	do(t, s, "GET", "/redfish/v1/EventService", "", &es2)
	req, _ := http.NewRequestWithContext(t.Context(), "GET", s.URL()+es2.ServerSentEventUri, nil)
	user, pass := s.Credentials()
	req.SetBasicAuth(user, pass)
	req.Header.Set("Last-Event-ID", ev["Id"].(string))
	resp, err := s.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r2 := newSSEReader(resp)
	for _, want := range []string{"one", "two"} {
		if rec := firstEvent(t, nextSSE(t, r2)); rec["Message"] != want {
			t.Errorf("replayed event = %v, want message %q", rec, want)
		}
	}
}

func TestClearLogAndExpand(t *testing.T) {
	s := startSim(t, Config{})
	for i := range 3 {
		s.AddLogEntry(LogEntry{Severity: "OK", Message: "entry", Args: []string{string(rune('a' + i))}})
	}
	var coll struct {
		Count   int `json:"Members@odata.count"`
		Members []map[string]any
	}
	do(t, s, "GET", s.SELPath()+"/Entries?$expand=.", "", &coll)
	if coll.Count != 3 || coll.Members[2]["Message"] != "entry" {
		t.Fatalf("expanded SEL = %+v", coll)
	}
	if code := do(t, s, "POST", s.SELPath()+"/Actions/LogService.ClearLog", "{}", nil); code != 204 {
		t.Fatalf("ClearLog = %d", code)
	}
	do(t, s, "GET", s.SELPath()+"/Entries", "", &coll)
	if coll.Count != 0 {
		t.Errorf("SEL after ClearLog has %d entries", coll.Count)
	}
}

// FuzzRequestBodies feeds arbitrary bodies to every POST and PATCH the
// simulator parses: it must answer 2xx or 4xx with a JSON body, never 5xx.
func FuzzRequestBodies(f *testing.F) {
	for _, seed := range []string{
		`{"ResetType":"ForceOff"}`, `{"ResetType":5}`, `{}`, ``, `{"ResetType":`, `[]`, `null`,
		`{"Destination":"https://127.0.0.1:1/x","Context":"c","Protocol":"Redfish","HttpHeaders":{"a":"b"}}`,
		`{"Destination":"ftp://x","HttpHeaders":[{"a":1}]}`, `{"Destination":5}`,
		`{"UserName":"admin","Password":"x"}`, `{"UserName":5}`, `{"Context":"x"}`, `{"PowerState":"Off"}`,
		`{"Message":"vigil: x","Severity":"Warning","EntryType":"Oem","OemRecordFormat":"Vigil","MessageId":"Vigil.1.0.RiskRaised"}`,
		`{"Message":5}`, `{"Message":"x","Severity":"Bad"}`, `{"Message":"x","Links":{"OriginOfCondition":{"@odata.id":"/redfish/v1/Systems/1"}}}`,
	} {
		f.Add(seed)
	}
	s, err := New(Config{ResetDelay: time.Hour, Password: "pw", PushRetries: 1, PushTimeout: 10 * time.Millisecond, ExternalLog: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	targets := []struct{ method, path string }{
		{"POST", "/redfish/v1/Systems/1/Actions/ComputerSystem.Reset"},
		{"POST", "/redfish/v1/EventService/Subscriptions"},
		{"POST", "/redfish/v1/SessionService/Sessions"},
		{"POST", "/redfish/v1/EventService/Actions/EventService.SubmitTestEvent"},
		{"PATCH", "/redfish/v1/Systems/1"},
		{"PATCH", "/redfish/v1/Chassis/1"},
		{"POST", "/redfish/v1/Managers/1/LogServices/External/Entries"},
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, tg := range targets {
			req := httptest.NewRequest(tg.method, tg.path, strings.NewReader(body))
			req.SetBasicAuth("admin", "pw")
			w := httptest.NewRecorder()
			s.ServeHTTP(w, req)
			if w.Code >= 500 {
				t.Fatalf("%s %s %q = %d", tg.method, tg.path, body, w.Code)
			}
			if w.Body.Len() > 0 && !json.Valid(bytes.TrimSpace(w.Body.Bytes())) {
				t.Fatalf("%s %s %q: reply is not JSON: %q", tg.method, tg.path, body, w.Body.String())
			}
		}
		// Keep the subscription table from filling up across inputs.
		s.mu.Lock()
		for _, sub := range s.subs {
			s.unsubscribeLocked(sub)
		}
		s.mu.Unlock()
	})
}

// TestAutoExpand reads collections the way gofish does with AutoExpand:
// $expand on every collection, members inlined by the simulator.
func TestAutoExpand(t *testing.T) {
	s := startSim(t, Config{})
	user, pass := s.Credentials()
	c, err := gofish.ConnectContext(t.Context(), gofish.ClientConfig{
		Endpoint: s.URL(), Username: user, Password: pass, HTTPClient: s.HTTPClient(), AutoExpand: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Logout()
	chassis, err := c.Service.Chassis()
	if err != nil || len(chassis) != 1 || chassis[0].ID != "1" {
		t.Fatalf("expanded Chassis = %v, %v", chassis, err)
	}
	sensors, err := chassis[0].Sensors()
	if err != nil || len(sensors) != 5 {
		t.Fatalf("expanded Sensors = %d, %v", len(sensors), err)
	}
	for _, sn := range sensors {
		if sn.Name == "FAN2" && gofish.Deref(sn.Reading) != 5400 {
			t.Errorf("FAN2 sensor reading = %v", gofish.Deref(sn.Reading))
		}
	}
}

func TestRedundancyAndRepair(t *testing.T) {
	s := startSim(t, Config{})
	c := mustConnect(t, s, false)
	if err := s.FailFan("FAN2"); err != nil {
		t.Fatal(err)
	}
	if err := s.FailPSU("PSU1"); err != nil {
		t.Fatal(err)
	}
	var th struct {
		Fans       []struct{ Status struct{ Health string } }
		Redundancy []struct{ Status struct{ Health string } }
	}
	do(t, s, "GET", "/redfish/v1/Chassis/1/Thermal", "", &th)
	if th.Fans[1].Status.Health != "Critical" || th.Redundancy[0].Status.Health != "Warning" {
		t.Errorf("Thermal after FAN2 failed = %+v", th)
	}
	var sub struct {
		FanRedundancy []struct{ Status struct{ Health string } }
		Status        struct{ HealthRollup string }
	}
	do(t, s, "GET", "/redfish/v1/Chassis/1/ThermalSubsystem", "", &sub)
	if sub.FanRedundancy[0].Status.Health != "Warning" || sub.Status.HealthRollup != "Critical" {
		t.Errorf("ThermalSubsystem after FAN2 failed = %+v", sub)
	}
	var psu struct {
		LineInputStatus string
		Status          struct{ State, Health string }
	}
	do(t, s, "GET", "/redfish/v1/Chassis/1/PowerSubsystem/PowerSupplies/PSU1", "", &psu)
	if psu.LineInputStatus != "LossOfInput" || psu.Status.Health != "Critical" {
		t.Errorf("PSU1 after failure = %+v", psu)
	}
	var metrics struct{ InputVoltage struct{ Reading float64 } }
	do(t, s, "GET", "/redfish/v1/Chassis/1/PowerSubsystem/PowerSupplies/PSU1/Metrics", "", &metrics)
	if metrics.InputVoltage.Reading != 0 {
		t.Errorf("failed PSU1 input voltage = %v", metrics.InputVoltage.Reading)
	}

	for _, name := range []string{"FAN2", "PSU1"} {
		if err := s.Repair(name); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Repair("nothing"); err == nil {
		t.Error("Repair of an unknown name succeeded")
	}
	do(t, s, "GET", "/redfish/v1/Chassis/1/Thermal", "", &th)
	if th.Fans[1].Status.Health != "OK" || th.Redundancy[0].Status.Health != "OK" {
		t.Errorf("Thermal after repair = %+v", th)
	}
	do(t, s, "GET", "/redfish/v1/Chassis/1/PowerSubsystem/PowerSupplies/PSU1/Metrics", "", &metrics)
	if metrics.InputVoltage.Reading != 230 {
		t.Errorf("repaired PSU1 input voltage = %v", metrics.InputVoltage.Reading)
	}
	if sys := getSystem(t, c, "/redfish/v1/Systems/1"); sys.Status.HealthRollup != schemas.OKHealth {
		t.Errorf("system HealthRollup after repairs = %q", sys.Status.HealthRollup)
	}
	// SetHealth on a whole system, then repair it.
	if err := s.SetHealth("/redfish/v1/Systems/1", "Warning"); err != nil {
		t.Fatal(err)
	}
	if sys := getSystem(t, c, "/redfish/v1/Systems/1"); sys.Status.Health != schemas.WarningHealth || sys.Status.HealthRollup != schemas.WarningHealth {
		t.Errorf("system after SetHealth Warning = %+v", sys.Status)
	}
	if err := s.SetHealth("CPU Temp", "Bad"); err == nil {
		t.Error("SetHealth accepted health Bad")
	}
}

// TestServeListenerDown covers a listener the caller owns (as the lab
// passes one opened inside a namespace): down resets connections, up serves
// again, Close stops serving.
func TestServeListenerDown(t *testing.T) {
	s, err := New(Config{ResetDelay: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Serve(l); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s.URL(), "https://127.0.0.1:") {
		t.Fatalf("URL = %s", s.URL())
	}
	hc := s.HTTPClient()
	hc.Timeout = 2 * time.Second
	hc.Transport.(*http.Transport).DisableKeepAlives = true
	get := func() error {
		resp, err := hc.Get(s.URL() + "/redfish/v1/")
		if err == nil {
			resp.Body.Close()
		}
		return err
	}
	if err := get(); err != nil {
		t.Fatal(err)
	}
	s.SetDown(true)
	if err := get(); err == nil {
		t.Error("GET succeeded on a down BMC")
	}
	s.SetDown(false)
	if err := get(); err != nil {
		t.Errorf("GET after up: %v", err)
	}
	if err := s.NotePower("", false); err != nil {
		t.Fatal(err)
	}
	if ps, _ := s.PowerState(""); ps != "Off" {
		t.Errorf("PowerState after NotePower(false) = %q", ps)
	}
	s.Close()
	if err := get(); err == nil {
		t.Error("GET succeeded after Close")
	}
}

func TestResetReplaced(t *testing.T) {
	var mu sync.Mutex
	var calls []bool
	slow := make(chan struct{})
	entered := make(chan struct{}, 1)
	s := startSim(t, Config{ResetDelay: 500 * time.Millisecond, TransitionStates: true, OnPower: func(on bool) {
		if !on {
			entered <- struct{}{}
			<-slow // a host that takes a while to die
		}
		mu.Lock()
		calls = append(calls, on)
		mu.Unlock()
	}})
	reset := func(rt string) int {
		return do(t, s, "POST", "/redfish/v1/Systems/1/Actions/ComputerSystem.Reset", `{"ResetType":"`+rt+`"}`, nil)
	}
	// On replaces a pending ForceOff before it happened: nothing changes.
	reset("ForceOff")
	if ps, _ := s.PowerState(""); ps != "PoweringOff" {
		t.Errorf("PowerState with ForceOff pending = %q", ps)
	}
	reset("On")
	if ps, _ := s.PowerState(""); ps != "On" {
		t.Errorf("PowerState after On replaced ForceOff = %q", ps)
	}
	time.Sleep(700 * time.Millisecond)
	mu.Lock()
	if len(calls) != 0 {
		t.Errorf("hook called for a replaced reset: %v", calls)
	}
	mu.Unlock()

	// On arriving while the ForceOff's hook runs waits for it, then powers
	// the machine back on.
	reset("ForceOff")
	select {
	case <-entered: // the hook is now blocked
	case <-time.After(10 * time.Second):
		t.Fatal("ForceOff never called the hook")
	}
	done := make(chan int)
	go func() { done <- reset("On") }()
	select {
	case code := <-done:
		t.Fatalf("Reset On answered (%d) while a power change was in progress", code)
	case <-time.After(100 * time.Millisecond):
	}
	close(slow)
	if code := <-done; code != 204 {
		t.Fatalf("Reset On = %d", code)
	}
	c := mustConnect(t, s, true)
	waitPower(t, c, "/redfish/v1/Systems/1", schemas.OnPowerState)
	mu.Lock()
	defer mu.Unlock()
	if len(calls) != 2 || calls[0] || !calls[1] {
		t.Errorf("hook calls = %v, want [false true]", calls)
	}
}

func TestSSEFilterAndECC(t *testing.T) {
	s := startSim(t, Config{})
	user, pass := s.Credentials()
	open := func(filter string) *http.Response {
		req, _ := http.NewRequestWithContext(t.Context(), "GET",
			s.URL()+"/redfish/v1/EventService/SSE?$filter="+url.QueryEscape(filter), nil)
		req.SetBasicAuth(user, pass)
		hc := s.HTTPClient()
		hc.Timeout = 0
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		return resp
	}
	if resp := open("Severity gt 3"); resp.StatusCode != 400 {
		t.Errorf("unsupported $filter = %d, want 400", resp.StatusCode)
	}
	r := newSSEReader(open("RegistryPrefix eq 'Sensor' or MessageId eq 'ResourceEvent.ResourceErrorsDetected'"))
	if err := s.SetHealth("FAN1", "Warning"); err != nil { // ResourceStatusChanged: filtered out
		t.Fatal(err)
	}
	if err := s.RaiseECC("DIMM A1", false, 3); err != nil {
		t.Fatal(err)
	}
	rec := firstEvent(t, nextSSE(t, r))
	if rec["MessageId"] != "ResourceEvent.1.0.ResourceErrorsDetected" || rec["Severity"] != "Warning" {
		t.Errorf("first filtered event = %v", rec)
	}
	if err := s.SetReading("12V", 10.5); err != nil {
		t.Fatal(err)
	}
	if rec := firstEvent(t, nextSSE(t, r)); rec["MessageId"] != "Sensor.1.0.ReadingBelowLowerCriticalThreshold" {
		t.Errorf("second filtered event = %v", rec)
	}

	c := mustConnect(t, s, false)
	sys := getSystem(t, c, "/redfish/v1/Systems/1")
	mem, err := sys.Memory()
	if err != nil || len(mem) != 2 {
		t.Fatalf("Memory = %d, %v", len(mem), err)
	}
	a1 := mem[0]
	if a1.Name != "DIMM A1" { // gofish fetches members concurrently
		a1 = mem[1]
	}
	if a1.Status.Health != schemas.WarningHealth {
		t.Errorf("DIMM A1 health after correctable errors = %q", a1.Status.Health)
	}
	mm, err := a1.Metrics()
	if err != nil {
		t.Fatal(err)
	}
	if n := gofish.Deref(mm.CurrentPeriod.CorrectableECCErrorCount); n != 3 || !mm.HealthData.AlarmTrips.CorrectableECCError {
		t.Errorf("DIMM A1 metrics: %d correctable, alarm %v", n, mm.HealthData.AlarmTrips.CorrectableECCError)
	}
	if err := s.RaiseECC("DIMM B1", true, 1); err != nil {
		t.Fatal(err)
	}
	if sys := getSystem(t, c, "/redfish/v1/Systems/1"); sys.Status.HealthRollup != schemas.CriticalHealth {
		t.Errorf("system rollup after an uncorrectable error = %q", sys.Status.HealthRollup)
	}
	if err := s.Repair("DIMM A1"); err != nil {
		t.Fatal(err)
	}
	mm, _ = a1.Metrics()
	if n := gofish.Deref(mm.CurrentPeriod.CorrectableECCErrorCount); n != 0 {
		t.Errorf("DIMM A1 count after repair = %d", n)
	}
	if err := s.RaiseECC("FAN1", false, 1); err == nil {
		t.Error("RaiseECC on a fan succeeded")
	}
}

func TestStuckAndIgnoredGraceful(t *testing.T) {
	s := startSim(t, Config{ResetDelay: 50 * time.Millisecond, IgnoreGraceful: true})
	reset := func(rt string) {
		t.Helper()
		if code := do(t, s, "POST", "/redfish/v1/Systems/1/Actions/ComputerSystem.Reset", `{"ResetType":"`+rt+`"}`, nil); code != 204 {
			t.Fatalf("Reset %s = %d", rt, code)
		}
	}
	reset("GracefulShutdown")
	s.SetStuck(true)
	reset("ForceOff")
	time.Sleep(300 * time.Millisecond)
	if ps, _ := s.PowerState(""); ps != "On" {
		t.Errorf("PowerState after ignored GracefulShutdown and stuck ForceOff = %q, want On", ps)
	}
	s.SetStuck(false)
	reset("ForceOff")
	c := mustConnect(t, s, true)
	waitPower(t, c, "/redfish/v1/Systems/1", schemas.OffPowerState)
}

func TestSSEShowsAsSubscription(t *testing.T) {
	s := startSim(t, Config{})
	r := sseStream(t, s)
	var coll struct{ Members []map[string]any }
	do(t, s, "GET", "/redfish/v1/EventService/Subscriptions?$expand=.", "", &coll)
	if len(coll.Members) != 1 || coll.Members[0]["SubscriptionType"] != "SSE" {
		t.Fatalf("subscriptions with an SSE stream open = %v", coll.Members)
	}
	p := coll.Members[0]["@odata.id"].(string)
	if code := do(t, s, "DELETE", p, "", nil); code != 204 {
		t.Fatalf("DELETE SSE subscription = %d", code)
	}
	for {
		if _, err := r.ReadString('\n'); err != nil {
			break // the stream ended
		}
	}
	do(t, s, "GET", "/redfish/v1/EventService/Subscriptions", "", &coll)
	if len(coll.Members) != 0 {
		t.Errorf("subscriptions after the stream ended = %v", coll.Members)
	}
}

// FuzzParseFilter: the SSE $filter parser never panics, and what it accepts
// can be applied to any event.
func FuzzParseFilter(f *testing.F) {
	for _, seed := range []string{
		"", "EventType eq 'Alert'", "RegistryPrefix eq 'Sensor' or MessageId eq 'ResourceEvent.ResourceErrorsDetected'",
		"(ResourceType eq 'Thermal') and (OriginResource eq '/redfish/v1/Chassis/1')", "Severity gt 3", "EventType eq '", "x eq 'y' or",
	} {
		f.Add(seed)
	}
	ev := obj{"EventType": "Alert", "MessageId": "Sensor.1.0.ReadingAboveUpperCautionThreshold",
		"OriginOfCondition": obj{"@odata.id": "/redfish/v1/Chassis/1/Thermal"}}
	f.Fuzz(func(t *testing.T, filter string) {
		match, err := parseFilter(filter)
		if err != nil {
			if err.status != 400 {
				t.Fatalf("parseFilter(%q) error status %d", filter, err.status)
			}
			return
		}
		match(ev, func(string) string { return "Thermal" })
		match(obj{}, func(string) string { return "" })
	})
}
