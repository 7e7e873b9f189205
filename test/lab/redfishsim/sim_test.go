package redfishsim

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stmcginnis/gofish"
	"github.com/stmcginnis/gofish/schemas"
)

func startSim(t *testing.T, cfg Config) *Sim {
	t.Helper()
	if cfg.ResetDelay == 0 {
		cfg.ResetDelay = 200 * time.Millisecond
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		if hc, ok := clients.LoadAndDelete(s); ok {
			hc.(*http.Client).CloseIdleConnections()
		}
	})
	return s
}

func connect(t *testing.T, s *Sim, basic bool, password string) (*gofish.APIClient, error) {
	t.Helper()
	user, pass := s.Credentials()
	if password != "" {
		pass = password
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	c, err := gofish.ConnectContext(ctx, gofish.ClientConfig{
		Endpoint:   s.URL(),
		Username:   user,
		Password:   pass,
		BasicAuth:  basic,
		HTTPClient: s.HTTPClient(),
	})
	if err == nil {
		t.Cleanup(c.Logout)
	}
	return c, err
}

func mustConnect(t *testing.T, s *Sim, basic bool) *gofish.APIClient {
	t.Helper()
	c, err := connect(t, s, basic, "")
	if err != nil {
		t.Fatalf("connect (basic=%v): %v", basic, err)
	}
	return c
}

func httpStatus(err error) int {
	if e, ok := errors.AsType[*schemas.Error](err); ok {
		return e.HTTPReturnedStatusCode
	}
	return 0
}

// clients keeps one HTTP client per simulator so tests reuse connections.
var clients sync.Map

// do sends a request with Basic credentials and decodes a JSON reply.
func do(t *testing.T, s *Sim, method, path, body string, out any) int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, s.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	user, pass := s.Credentials()
	req.SetBasicAuth(user, pass)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	hc, _ := clients.LoadOrStore(s, s.HTTPClient())
	resp, err := hc.(*http.Client).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if out != nil && len(b) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: decode %q: %v", method, path, b, err)
		}
	}
	return resp.StatusCode
}

func TestAuth(t *testing.T) {
	s := startSim(t, Config{})
	for _, basic := range []bool{false, true} {
		c := mustConnect(t, s, basic)
		systems, err := c.Service.Systems()
		if err != nil || len(systems) != 1 {
			t.Fatalf("Systems (basic=%v) = %d, %v; want 1 system", basic, len(systems), err)
		}
		if systems[0].PowerState != schemas.OnPowerState {
			t.Errorf("PowerState = %q, want On", systems[0].PowerState)
		}
	}
	if st := s.Stats(); st.Logins != 1 || st.ActiveSessions != 1 {
		t.Errorf("after one session login: %+v", st)
	}

	// Session login with a wrong password fails at Connect.
	if _, err := connect(t, s, false, "wrong"); httpStatus(err) != http.StatusUnauthorized {
		t.Errorf("session connect with wrong password: err %v, want 401", err)
	}
	// Basic auth: Connect succeeds (the service root is open), the first
	// authenticated GET gets 401.
	c, err := connect(t, s, true, "wrong")
	if err != nil {
		t.Fatalf("basic connect with wrong password should succeed: %v", err)
	}
	if _, err := c.Get("/redfish/v1/Systems"); httpStatus(err) != http.StatusUnauthorized {
		t.Errorf("GET Systems with wrong password: %v, want 401", err)
	}

	// No credentials: root and odata documents open, the rest 401.
	hc := s.HTTPClient()
	for path, want := range map[string]int{
		"/redfish":                    200,
		"/redfish/v1/":                200,
		"/redfish/v1/odata":           200,
		"/redfish/v1/$metadata":       200,
		"/redfish/v1/Systems":         401,
		"/redfish/v1/Systems/1":       401,
		"/redfish/v1/Chassis/1/Power": 401,
		"/redfish/v1/NoSuchThing":     401,
	} {
		resp, err := hc.Get(s.URL() + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s without credentials = %d, want %d", path, resp.StatusCode, want)
		}
	}
	if code := do(t, s, "GET", "/redfish/v1/NoSuchThing", "", nil); code != 404 {
		t.Errorf("GET unknown path with credentials = %d, want 404", code)
	}

	// Logout deletes the session; its token stops working.
	sc := mustConnect(t, s, false)
	sess, err := sc.GetSession()
	if err != nil {
		t.Fatal(err)
	}
	sc.Logout()
	req, _ := http.NewRequest("GET", s.URL()+"/redfish/v1/Systems", nil)
	req.Header.Set("X-Auth-Token", sess.Token)
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("GET with logged-out token = %d, want 401", resp.StatusCode)
	}
}

func TestNoSessionService(t *testing.T) {
	s := startSim(t, Config{NoSessionService: true})
	if _, err := connect(t, s, false, ""); err == nil {
		t.Fatal("session login succeeded on a BMC without SessionService")
	}
	c := mustConnect(t, s, true)
	if _, err := c.Service.Systems(); err != nil {
		t.Fatalf("basic auth fallback: %v", err)
	}
	if code := do(t, s, "POST", "/redfish/v1/SessionService/Sessions", `{"UserName":"admin","Password":"x"}`, nil); code != 404 {
		t.Errorf("POST Sessions = %d, want 404", code)
	}
	if code := do(t, s, "GET", "/redfish/v1/SessionService", "", nil); code != 404 {
		t.Errorf("GET SessionService = %d, want 404", code)
	}
}

func TestLockout(t *testing.T) {
	s := startSim(t, Config{LockoutThreshold: 3, LockoutDuration: time.Hour})
	for range 3 {
		if _, err := connect(t, s, false, "wrong"); httpStatus(err) != 401 {
			t.Fatalf("wrong password: %v, want 401", err)
		}
	}
	if _, err := connect(t, s, false, ""); httpStatus(err) != 401 {
		t.Fatalf("right password on a locked account: %v, want 401", err)
	}
}

func TestReadThermalPower(t *testing.T) {
	s := startSim(t, Config{})
	c := mustConnect(t, s, false)
	chassis, err := c.Service.Chassis()
	if err != nil || len(chassis) != 1 {
		t.Fatalf("Chassis = %d, %v", len(chassis), err)
	}
	th, err := chassis[0].Thermal()
	if err != nil {
		t.Fatal(err)
	}
	if len(th.Temperatures) != 2 || len(th.Fans) != 2 {
		t.Fatalf("Thermal: %d temperatures, %d fans; want 2, 2", len(th.Temperatures), len(th.Fans))
	}
	cpu := th.Temperatures[0]
	if cpu.Name != "CPU Temp" || gofish.Deref(cpu.ReadingCelsius) != 45 || gofish.Deref(cpu.UpperThresholdCritical) != 95 || cpu.Status.Health != schemas.OKHealth {
		t.Errorf("CPU Temp = %q %v crit %v health %q", cpu.Name, gofish.Deref(cpu.ReadingCelsius), gofish.Deref(cpu.UpperThresholdCritical), cpu.Status.Health)
	}
	fan := th.Fans[0]
	if fan.Name != "FAN1" || gofish.Deref(fan.Reading) != 5400 || fan.ReadingUnits != schemas.RPMReadingUnits {
		t.Errorf("FAN1 = %q %v %q", fan.Name, gofish.Deref(fan.Reading), fan.ReadingUnits)
	}
	pw, err := chassis[0].Power()
	if err != nil {
		t.Fatal(err)
	}
	if len(pw.PowerSupplies) != 2 || len(pw.Voltages) != 1 {
		t.Fatalf("Power: %d PSUs, %d voltages", len(pw.PowerSupplies), len(pw.Voltages))
	}
	if v := gofish.Deref(pw.Voltages[0].ReadingVolts); v != 12.05 {
		t.Errorf("12V = %v", v)
	}
	sensors, err := chassis[0].Sensors()
	if err != nil || len(sensors) != 5 {
		t.Fatalf("Sensors = %d, %v; want 5", len(sensors), err)
	}
	ts, err := chassis[0].ThermalSubsystem()
	if err != nil {
		t.Fatal(err)
	}
	if fans, err := ts.Fans(); err != nil || len(fans) != 2 {
		t.Errorf("ThermalSubsystem fans = %d, %v", len(fans), err)
	}
	ps, err := chassis[0].PowerSubsystem()
	if err != nil {
		t.Fatal(err)
	}
	if psus, err := ps.PowerSupplies(); err != nil || len(psus) != 2 {
		t.Errorf("PowerSubsystem supplies = %d, %v", len(psus), err)
	}
	mgrs, err := c.Service.Managers()
	if err != nil || len(mgrs) != 1 {
		t.Fatalf("Managers = %d, %v", len(mgrs), err)
	}
	logs, err := mgrs[0].LogServices()
	if err != nil || len(logs) != 1 || logs[0].ID != "SEL" {
		t.Fatalf("LogServices = %v, %v", logs, err)
	}
}

func getSystem(t *testing.T, c *gofish.APIClient, path string) *schemas.ComputerSystem {
	t.Helper()
	sys, err := schemas.GetObject[schemas.ComputerSystem](c, path)
	if err != nil {
		t.Fatal(err)
	}
	return sys
}

func TestResetDelay(t *testing.T) {
	const delay = 300 * time.Millisecond
	var mu sync.Mutex
	var hook []bool
	var s *Sim
	s = startSim(t, Config{ResetDelay: delay, OnPower: func(on bool) {
		// The hook runs before clients can see the new state.
		if ps, _ := s.PowerState(""); ps == powerWord(on) {
			t.Errorf("OnPower(%v) called after PowerState already changed", on)
		}
		mu.Lock()
		hook = append(hook, on)
		mu.Unlock()
	}})
	c := mustConnect(t, s, false)
	systems, err := c.Service.Systems()
	if err != nil {
		t.Fatal(err)
	}
	sys := systems[0]
	start := time.Now()
	if _, err := sys.Reset(schemas.ForceOffResetType); err != nil {
		t.Fatal(err)
	}
	if ps := getSystem(t, c, sys.ODataID).PowerState; ps != schemas.OnPowerState && time.Since(start) < delay {
		t.Errorf("PowerState right after ForceOff = %q, want still On", ps)
	}
	waitPower(t, c, sys.ODataID, schemas.OffPowerState)
	if el := time.Since(start); el < delay {
		t.Errorf("PowerState Off after %v, before the %v delay", el, delay)
	}
	if _, err := sys.Reset(schemas.OnResetType); err != nil {
		t.Fatal(err)
	}
	waitPower(t, c, sys.ODataID, schemas.OnPowerState)
	if rt := s.Stats().ResetTypes; len(rt) != 2 || rt[0] != "ForceOff" || rt[1] != "On" {
		t.Errorf("Stats().ResetTypes = %v", rt)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(hook) != 2 || hook[0] || !hook[1] {
		t.Errorf("OnPower calls = %v, want [false true]", hook)
	}
	// The power changes are in the SEL.
	var entries struct{ Members []map[string]any }
	do(t, s, "GET", s.SELPath()+"/Entries?$expand=.", "", &entries)
	if len(entries.Members) != 2 || !strings.Contains(entries.Members[0]["Message"].(string), "power off") {
		t.Errorf("SEL after off/on = %v", entries.Members)
	}
}

func waitPower(t *testing.T, c *gofish.APIClient, path string, want schemas.PowerState) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ps := getSystem(t, c, path).PowerState
		if ps == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("PowerState = %q after 10 s, want %q", ps, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestDisallowedResetType(t *testing.T) {
	s := startSim(t, Config{AllowedResetTypes: []string{"On", "ForceOff"}})
	var e struct {
		Error struct {
			Info []struct {
				MessageId   string
				MessageArgs []string
			} `json:"@Message.ExtendedInfo"`
		} `json:"error"`
	}
	code := do(t, s, "POST", "/redfish/v1/Systems/1/Actions/ComputerSystem.Reset", `{"ResetType":"PowerCycle"}`, &e)
	if code != 400 || len(e.Error.Info) != 1 || !strings.HasSuffix(e.Error.Info[0].MessageId, ".ActionParameterValueNotInList") {
		t.Fatalf("PowerCycle on a BMC allowing only On/ForceOff = %d %+v", code, e)
	}
	for body, want := range map[string]int{
		`{}`:                       400,
		`{"ResetType":`:            400,
		`{"ResetType":5}`:          400,
		`{"ResetType":"ForceOff"}`: 204,
	} {
		if code := do(t, s, "POST", "/redfish/v1/Systems/1/Actions/ComputerSystem.Reset", body, nil); code != want {
			t.Errorf("Reset %s = %d, want %d", body, code, want)
		}
	}
	// gofish reads the allowed values and refuses before sending.
	c := mustConnect(t, s, false)
	sys := getSystem(t, c, "/redfish/v1/Systems/1")
	if _, err := sys.Reset(schemas.PowerCycleResetType); err == nil {
		t.Error("gofish accepted PowerCycle")
	}
}

func TestTaskReset(t *testing.T) {
	s := startSim(t, Config{TaskReset: true, TransitionStates: true, ResetDelay: time.Second})
	c := mustConnect(t, s, false)
	sys := getSystem(t, c, "/redfish/v1/Systems/1")
	tm, err := sys.Reset(schemas.ForceOffResetType)
	if err != nil {
		t.Fatal(err)
	}
	if tm == nil || tm.TaskMonitor == "" {
		t.Fatalf("Reset returned no task monitor: %+v", tm)
	}
	if ps := getSystem(t, c, sys.ODataID).PowerState; ps != schemas.PoweringOffPowerState {
		t.Errorf("PowerState during reset = %q, want PoweringOff", ps)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		var task struct{ TaskState string }
		code := do(t, s, "GET", tm.TaskMonitor, "", &task)
		if code == 200 && task.TaskState == "Completed" {
			break
		}
		if code != 202 || time.Now().After(deadline) {
			t.Fatalf("task monitor = %d %q", code, task.TaskState)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if ps := getSystem(t, c, sys.ODataID).PowerState; ps != schemas.OffPowerState {
		t.Errorf("PowerState after task completed = %q", ps)
	}
}

// eventSink is an HTTP server receiving pushed events.
type eventSink struct {
	srv *httptest.Server
	ch  chan map[string]any
}

func newEventSink(t *testing.T) *eventSink {
	es := &eventSink{ch: make(chan map[string]any, 16)}
	es.srv = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var ev map[string]any
		if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
			t.Errorf("pushed event: %v", err)
		}
		if r.Header.Get("X-Test") != "yes" {
			t.Errorf("pushed event without the subscription's header")
		}
		es.ch <- ev
	}))
	t.Cleanup(es.srv.Close)
	return es
}

func (es *eventSink) next(t *testing.T) map[string]any {
	t.Helper()
	select {
	case ev := <-es.ch:
		return ev
	case <-time.After(10 * time.Second):
		t.Fatal("no event pushed within 10 s")
	}
	return nil
}

func firstEvent(t *testing.T, ev map[string]any) map[string]any {
	t.Helper()
	evs, _ := ev["Events"].([]any)
	if len(evs) != 1 {
		t.Fatalf("event has %d records: %v", len(evs), ev)
	}
	return evs[0].(map[string]any)
}

func TestPushSubscription(t *testing.T) {
	s := startSim(t, Config{})
	sink := newEventSink(t)
	c := mustConnect(t, s, false)
	es, err := c.Service.EventService()
	if err != nil {
		t.Fatal(err)
	}
	subURI, err := es.CreateEventSubscriptionInstance(sink.srv.URL+"/events", nil, nil,
		map[string]string{"X-Test": "yes"}, schemas.RedfishEventDestinationProtocol, "vigil-test", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.FailFan("FAN1"); err != nil {
		t.Fatal(err)
	}
	ev := sink.next(t)
	if ev["Context"] != "vigil-test" {
		t.Errorf("event Context = %v", ev["Context"])
	}
	rec := firstEvent(t, ev)
	if rec["MessageId"] != "ResourceEvent.1.0.ResourceStatusChangedCritical" || rec["Severity"] != "Critical" {
		t.Errorf("fan failure event = %v", rec)
	}
	// The fault shows in every view and in the rollups.
	chassis, _ := c.Service.Chassis()
	th, err := chassis[0].Thermal()
	if err != nil {
		t.Fatal(err)
	}
	if f := th.Fans[0]; gofish.Deref(f.Reading) != 0 || f.Status.Health != schemas.CriticalHealth {
		t.Errorf("failed FAN1 in Thermal: reading %v health %q", gofish.Deref(f.Reading), f.Status.Health)
	}
	var sensor struct {
		Reading float64
		Status  struct{ State, Health string }
	}
	do(t, s, "GET", "/redfish/v1/Chassis/1/Sensors/FAN1", "", &sensor)
	if sensor.Reading != 0 || sensor.Status.Health != "Critical" || sensor.Status.State != "UnavailableOffline" {
		t.Errorf("failed FAN1 sensor = %+v", sensor)
	}
	ch := getChassis(t, c)
	if ch.Status.HealthRollup != schemas.CriticalHealth {
		t.Errorf("chassis HealthRollup = %q, want Critical", ch.Status.HealthRollup)
	}
	if sys := getSystem(t, c, "/redfish/v1/Systems/1"); sys.Status.HealthRollup != schemas.CriticalHealth || sys.Status.Health != schemas.OKHealth {
		t.Errorf("system Health %q HealthRollup %q, want OK, Critical", sys.Status.Health, sys.Status.HealthRollup)
	}
	// The SEL has the entry the event points at.
	le, _ := rec["LogEntry"].(map[string]any)
	var entry struct{ Severity, Message string }
	if code := do(t, s, "GET", le["@odata.id"].(string), "", &entry); code != 200 || entry.Severity != "Critical" {
		t.Errorf("SEL entry of the event = %d %+v", code, entry)
	}

	// A reading crossing a threshold.
	if err := s.SetReading("CPU Temp", 91); err != nil {
		t.Fatal(err)
	}
	rec = firstEvent(t, sink.next(t))
	if rec["MessageId"] != "Sensor.1.0.ReadingAboveUpperCautionThreshold" || rec["Severity"] != "Warning" {
		t.Errorf("temperature event = %v", rec)
	}
	if err := es.DeleteEventSubscription(subURI); err != nil {
		t.Fatal(err)
	}
	s.AddLogEntry(LogEntry{Severity: "OK", Message: "after unsubscribe"})
	select {
	case ev := <-sink.ch:
		t.Errorf("event after unsubscribe: %v", ev)
	case <-time.After(300 * time.Millisecond):
	}
}

func getChassis(t *testing.T, c *gofish.APIClient) *schemas.Chassis {
	t.Helper()
	ch, err := schemas.GetObject[schemas.Chassis](c, "/redfish/v1/Chassis/1")
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

// sseStream opens the EventService's SSE stream.
func sseStream(t *testing.T, s *Sim) *bufio.Reader {
	t.Helper()
	var es struct{ ServerSentEventUri string }
	do(t, s, "GET", "/redfish/v1/EventService", "", &es)
	if es.ServerSentEventUri == "" {
		t.Fatal("EventService has no ServerSentEventUri")
	}
	req, _ := http.NewRequestWithContext(t.Context(), "GET", s.URL()+es.ServerSentEventUri, nil)
	user, pass := s.Credentials()
	req.SetBasicAuth(user, pass)
	hc := s.HTTPClient()
	hc.Timeout = 0
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return newSSEReader(resp)
}

func newSSEReader(resp *http.Response) *bufio.Reader {
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		panic(fmt.Sprintf("SSE: %d %s", resp.StatusCode, resp.Header.Get("Content-Type")))
	}
	return bufio.NewReader(resp.Body)
}

// nextSSE reads one SSE event's data.
func nextSSE(t *testing.T, r *bufio.Reader) map[string]any {
	t.Helper()
	var data string
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("SSE read: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		if strings.HasPrefix(line, "data: ") {
			data += strings.TrimPrefix(line, "data: ")
		}
		if line == "" && data != "" {
			var ev map[string]any
			if err := json.Unmarshal([]byte(data), &ev); err != nil {
				t.Fatalf("SSE data %q: %v", data, err)
			}
			return ev
		}
	}
}

func TestSSE(t *testing.T) {
	s := startSim(t, Config{})
	r := sseStream(t, s)
	if err := s.SetReading("Inlet Temp", 47); err != nil {
		t.Fatal(err)
	}
	rec := firstEvent(t, nextSSE(t, r))
	if rec["MessageId"] != "Sensor.1.0.ReadingAboveUpperCriticalThreshold" || rec["Severity"] != "Critical" {
		t.Errorf("SSE event = %v", rec)
	}
	if err := s.FailPSU("PSU2"); err != nil {
		t.Fatal(err)
	}
	rec = firstEvent(t, nextSSE(t, r))
	if o, _ := rec["OriginOfCondition"].(map[string]any); o["@odata.id"] != "/redfish/v1/Chassis/1/Power" {
		t.Errorf("PSU event origin = %v", rec["OriginOfCondition"])
	}
	var power struct {
		PowerSupplies []struct {
			Name             string
			PowerOutputWatts float64
			Status           struct{ Health string }
		}
		Redundancy []struct{ Status struct{ Health string } }
	}
	do(t, s, "GET", "/redfish/v1/Chassis/1/Power", "", &power)
	if p := power.PowerSupplies[1]; p.PowerOutputWatts != 0 || p.Status.Health != "Critical" {
		t.Errorf("failed PSU2 = %+v", p)
	}
	if power.Redundancy[0].Status.Health != "Warning" {
		t.Errorf("PSU redundancy health = %q, want Warning", power.Redundancy[0].Status.Health)
	}
}

func TestMalformed(t *testing.T) {
	s := startSim(t, Config{})
	c := mustConnect(t, s, false)
	if err := s.SetField("/redfish/v1/Chassis/1/Thermal", "Temperatures/0/SensorNumber", "5"); err != nil {
		t.Fatal(err)
	}
	ch := getChassis(t, c)
	if _, err := ch.Thermal(); err == nil {
		t.Error("gofish decoded Thermal with a string SensorNumber")
	}
	if _, err := ch.Power(); err != nil {
		t.Errorf("Power broke with Thermal: %v", err)
	}
	s.SetRaw("/redfish/v1/Chassis/1/Power", []byte(`{"Voltages": [`))
	if _, err := ch.Power(); err == nil {
		t.Error("gofish decoded truncated JSON")
	}
	s.SetRaw("/redfish/v1/Chassis/1/Power", nil)
	if _, err := ch.Power(); err != nil {
		t.Errorf("Power after restoring: %v", err)
	}
}

func TestSlowAndDown(t *testing.T) {
	s := startSim(t, Config{})
	c := mustConnect(t, s, true)
	s.SetDelay(300 * time.Millisecond)
	start := time.Now()
	if _, err := c.Service.Systems(); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < 300*time.Millisecond {
		t.Errorf("slow BMC answered in %v", el)
	}
	s.SetDelay(0)
	if err := s.SetDown(true); err != nil {
		t.Fatal(err)
	}
	hc := s.HTTPClient()
	hc.Timeout = 2 * time.Second
	if _, err := hc.Get(s.URL() + "/redfish/v1/"); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Errorf("GET on a down BMC: %v, want connection refused", err)
	}
	if err := s.SetDown(false); err != nil {
		t.Fatal(err)
	}
	resp, err := hc.Get(s.URL() + "/redfish/v1/")
	if err != nil {
		t.Fatalf("GET after the BMC came back: %v", err)
	}
	resp.Body.Close()
}

func TestPlainHTTPAndFiles(t *testing.T) {
	s := startSim(t, Config{PlainHTTP: true, Password: "s3cret"})
	if !strings.HasPrefix(s.URL(), "http://") {
		t.Fatalf("URL = %s", s.URL())
	}
	c, err := gofish.Connect(gofish.ClientConfig{Endpoint: s.URL(), Username: "admin", Password: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Logout()
	if _, err := c.Service.Systems(); err != nil {
		t.Fatal(err)
	}
	p, err := s.WritePasswordFile()
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("password file mode %v, want 0600", fi.Mode().Perm())
	}
	if b, _ := os.ReadFile(p); string(b) != "s3cret" {
		t.Errorf("password file holds %q", b)
	}
	s.Close()
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Errorf("password file left after Close: %v", err)
	}
}
