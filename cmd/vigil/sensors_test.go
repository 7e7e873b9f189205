package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

func TestSensorsHostFixture(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "sensors", "host", "--sysfs", "../../sensors/host/testdata/fixture/sys",
		"--procfs", "../../sensors/host/testdata/fixture/proc", "--json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var p struct {
		Source   string
		Readings []struct {
			Name, Kind, Unit, Status string
			Value                    *float64
		}
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	if p.Source != "host" || len(p.Readings) == 0 {
		t.Fatalf("source %q, %d readings", p.Source, len(p.Readings))
	}
	for _, r := range p.Readings {
		if r.Kind == "" || r.Status == "" {
			t.Errorf("reading %+v lacks kind or status", r)
		}
	}
}

func TestSensorsReadAndHealthRedfish(t *testing.T) {
	sim, err := redfishsim.New(redfishsim.Config{PlainHTTP: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	user, pw := sim.Credentials()
	vars := map[string]string{passwordEnv: pw}
	code, out, errOut := runCLI(t, vars, "sensors", "read", "--redfish", sim.URL(), "--allow-plain-http", "--user", user, "--json")
	if code != 0 {
		t.Fatalf("sensors read: exit %d, stderr %q", code, errOut)
	}
	if strings.Contains(out+errOut, pw) {
		t.Errorf("output contains the password")
	}
	var p struct {
		Source, Target string
		Readings       []map[string]any
		Events         []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil || p.Source != "redfish" || len(p.Readings) == 0 || p.Events == nil {
		t.Fatalf("sensors read JSON = %+v, %v", p, err)
	}
	for _, f := range []string{"name", "kind", "value", "unit", "status"} {
		if _, ok := p.Readings[0][f]; !ok {
			t.Errorf("reading lacks %q: %v", f, p.Readings[0])
		}
	}
	if err := sim.FailFan("FAN1"); err != nil {
		t.Fatal(err)
	}
	hist := t.TempDir() + "/history.db"
	code, out, errOut = runCLI(t, vars, "health", "--redfish", sim.URL(), "--allow-plain-http", "--user", user, "--history", hist, "--json")
	if code != 0 {
		t.Fatalf("health: exit %d, stderr %q", code, errOut)
	}
	var v struct {
		Target     string
		Risk       string
		Components []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || v.Risk == "" || v.Components == nil {
		t.Fatalf("health JSON = %s, %v", out, err)
	}
	if v.Risk == "none" {
		t.Errorf("health after FAN1 failed: risk none, want it raised (%v)", v.Components)
	}
	t.Logf("health after FailFan: risk %s, components %v", v.Risk, v.Components)
	// The history file keeps FAN1's samples for the next run.
	code, _, errOut = runCLI(t, vars, "health", "--redfish", sim.URL(), "--allow-plain-http", "--user", user, "--history", hist, "--json")
	if code != 0 {
		t.Fatalf("second health run with --history: exit %d, stderr %q", code, errOut)
	}
	st, err := store.Open(hist, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	keys, _ := st.SampleKeys()
	var fan1 int
	for _, k := range keys {
		if strings.HasSuffix(k, "/FAN1/FAN1") {
			smp, _ := st.Samples(k)
			fan1 = max(fan1, len(smp))
		}
	}
	st.Close()
	if fan1 != 2 {
		t.Errorf("after two runs with --history the FAN1 ring holds %d samples, want 2 (keys %q)", fan1, keys)
	}

	code, _, errOut = runCLI(t, map[string]string{passwordEnv: "wrong"}, "sensors", "read", "--redfish", sim.URL(), "--allow-plain-http", "--user", user)
	if code != 4 || !strings.Contains(errOut, "wrong credentials") {
		t.Errorf("wrong password: exit %d, stderr %q; want 4 and a wrong credentials error", code, errOut)
	}
}

func TestSensorsReadAndHealthIPMI(t *testing.T) {
	sim := ipmisim.New(t, ipmisim.Config{})
	user, pwFile := sim.User(ipmisim.Operator)
	for _, suite := range []string{"3", "-1"} { // pinned, and strongest-first probing
		code, out, errOut := runCLI(t, nil, "sensors", "read", "--ipmi", sim.Addr(), "--user", user,
			"--password-file", pwFile, "--cipher-suite", suite, "--json")
		if code != 0 {
			t.Fatalf("sensors read --cipher-suite %s: exit %d, stderr %q", suite, code, errOut)
		}
		var p struct {
			Source   string
			Readings []struct {
				Name, Kind, Unit, Status string
				Value                    *float64
				States                   []string
			}
			Events []map[string]any
		}
		if err := json.Unmarshal([]byte(out), &p); err != nil || p.Source != "ipmi" || len(p.Readings) < 6 {
			t.Fatalf("sensors read JSON: %v\n%s", err, out)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := sim.FailPSU(ctx, 1); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, nil, "health", "--ipmi", sim.Addr(), "--user", user, "--password-file", pwFile,
		"--cipher-suite", "3", "--json")
	if code != 0 {
		t.Fatalf("health: exit %d, stderr %q", code, errOut)
	}
	var v struct {
		Risk       string
		Components []struct {
			Name, Risk, Reason string
			ETASeconds         *float64 `json:"eta_seconds"`
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range v.Components {
		if c.Name == ipmisim.PSU1Status && c.Risk != "none" && strings.Contains(c.Reason, "Failure detected") {
			found = true
		}
	}
	if v.Risk == "none" || !found {
		t.Errorf("health after PSU1 failure = %s", out)
	}
	code, _, errOut = runCLI(t, map[string]string{passwordEnv: "wrong-password"}, "sensors", "read", "--ipmi", sim.Addr(),
		"--user", user, "--cipher-suite", "3", "--timeout", "5s")
	if code != 4 || strings.Contains(errOut, "wrong-password") {
		t.Errorf("wrong password: exit %d, stderr %q; want 4 without the password", code, errOut)
	}
}
