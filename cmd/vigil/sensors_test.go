package main

import (
	"encoding/json"
	"strings"
	"testing"

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
	code, out, errOut := runCLI(t, vars, "sensors", "read", "--redfish", sim.URL(), "--user", user, "--json")
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
	code, out, errOut = runCLI(t, vars, "health", "--redfish", sim.URL(), "--user", user, "--json")
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

	code, _, errOut = runCLI(t, map[string]string{passwordEnv: "wrong"}, "sensors", "read", "--redfish", sim.URL(), "--user", user)
	if code != 1 || !strings.Contains(errOut, "authentication") {
		t.Errorf("wrong password: exit %d, stderr %q; want 1 and an authentication error", code, errOut)
	}
}
