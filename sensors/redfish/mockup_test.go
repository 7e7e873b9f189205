package redfish

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

func mockupDir(t testing.TB, name string) string {
	t.Helper()
	dir, err := redfishsim.FindMockup(name)
	if err != nil {
		t.Fatal(err) // the mockups are in the repository's testdata
	}
	return dir
}

func startSim(t testing.TB, cfg redfishsim.Config) *redfishsim.Sim {
	t.Helper()
	sim, err := redfishsim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	return sim
}

func newReader(sim *redfishsim.Sim, mod func(*Config)) *Reader {
	u, pw := sim.Credentials()
	cfg := Config{URL: sim.URL(), User: u, Password: pw, RootCAs: sim.CACertPool()}
	if mod != nil {
		mod(&cfg)
	}
	return New(cfg)
}

// expected is one temperature, fan or PSU as the mockup file states it.
type expected struct {
	file, name string
	kind       sensors.Kind
	value      *float64
	unit       sensors.Unit
	status     sensors.Status
}

func readJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

func num(v any) *float64 {
	if f, ok := v.(float64); ok {
		return &f
	}
	return nil
}

func mockStatus(o map[string]any) sensors.Status {
	st, _ := o["Status"].(map[string]any)
	switch s, _ := st["State"].(string); s {
	case "Absent", "Disabled", "StandbyOffline", "StandbySpare":
		return sensors.StatusUnknown
	}
	h, _ := st["Health"].(string)
	if h == "" {
		return sensors.StatusUnknown
	}
	return sensors.ParseStatus(h)
}

// expectations walks the mockup files themselves (not through the
// simulator) and lists every temperature, fan and PSU, once per physical
// part: a ThermalSubsystem fan whose SpeedPercent.DataSourceUri names a
// Sensor is that sensor's reading, and entries of one name and kind in
// several views of a chassis are one reading, as the newest view states it,
// with the value of an older one when it has none (see identity).
func expectations(t *testing.T, dir string) []expected {
	var out []expected
	chassis, _ := filepath.Glob(filepath.Join(dir, "Chassis/*/index.json"))
	for _, c := range chassis {
		out = append(out, sameSensorOnce(chassisExpectations(t, dir, c))...)
	}
	return out
}

// fileRank orders expectation sources like view.rank.
var fileRank = map[string]int{"Thermal": 1, "Power": 1, "Fans": 2, "PowerSupplies": 2, "Sensors": 3}

// sameSensorOnce folds expectations of one chassis that name the same
// sensor in several files into one.
func sameSensorOnce(in []expected) []expected {
	type key struct {
		kind sensors.Kind
		name string
	}
	byKey := map[key][]expected{}
	var order []key
	for _, e := range in {
		k := key{e.kind, strings.ToLower(e.name)}
		if byKey[k] == nil {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], e)
	}
	var out []expected
	for _, k := range order {
		es := byKey[k]
		sort.SliceStable(es, func(i, j int) bool { return fileRank[es[i].file] > fileRank[es[j].file] })
		e := es[0]
		for _, o := range es[1:] {
			if e.value == nil && o.value != nil {
				e.value, e.unit = o.value, o.unit
				if e.status == sensors.StatusUnknown {
					e.status = o.status
				}
			}
		}
		out = append(out, e)
	}
	return out
}

func chassisExpectations(t *testing.T, dir, c string) []expected {
	var out []expected
	{
		cd := filepath.Dir(c)
		if m := readJSON(t, c); m["Thermal"] != nil {
			th := readJSON(t, filepath.Join(cd, "Thermal/index.json"))
			for _, x := range th["Temperatures"].([]any) {
				o := x.(map[string]any)
				st := mockStatus(o)
				v := num(o["ReadingCelsius"])
				if st == sensors.StatusUnknown {
					v = nil
				}
				out = append(out, expected{"Thermal", o["Name"].(string), sensors.KindTemperature, v, sensors.UnitCelsius, st})
			}
			for _, x := range th["Fans"].([]any) {
				o := x.(map[string]any)
				st := mockStatus(o)
				unit := sensors.UnitRPM
				if o["ReadingUnits"] == "Percent" {
					unit = sensors.UnitPercent
				}
				out = append(out, expected{"Thermal", o["Name"].(string), sensors.KindFan, num(o["Reading"]), unit, st})
			}
			pw := readJSON(t, filepath.Join(cd, "Power/index.json"))
			for _, x := range pw["PowerSupplies"].([]any) {
				o := x.(map[string]any)
				unit := sensors.UnitWatts
				v := num(o["LastPowerOutputWatts"])
				if v == nil {
					unit = ""
				}
				out = append(out, expected{"Power", o["Name"].(string), sensors.KindPSU, v, unit, mockStatus(o)})
			}
		}
		fans, _ := filepath.Glob(filepath.Join(cd, "ThermalSubsystem/Fans/*/index.json"))
		for _, f := range fans {
			o := readJSON(t, f)
			sp, _ := o["SpeedPercent"].(map[string]any)
			if src, _ := sp["DataSourceUri"].(string); src != "" {
				continue // read as the Sensor it names
			}
			v, u := num(sp["SpeedRPM"]), sensors.UnitRPM
			if v == nil {
				v, u = num(sp["Reading"]), sensors.UnitPercent // duty only
			}
			out = append(out, expected{"Fans", o["Name"].(string), sensors.KindFan, v, u, mockStatus(o)})
		}
		psus, _ := filepath.Glob(filepath.Join(cd, "PowerSubsystem/PowerSupplies/*/index.json"))
		for _, f := range psus {
			o := readJSON(t, f)
			out = append(out, expected{"PowerSupplies", o["Name"].(string), sensors.KindPSU, nil, "", mockStatus(o)})
		}
		sens, _ := filepath.Glob(filepath.Join(cd, "Sensors/*/index.json"))
		for _, f := range sens {
			o := readJSON(t, f)
			var k sensors.Kind
			var u sensors.Unit
			id, _ := o["Id"].(string)
			switch {
			case o["ReadingType"] == "Temperature" || o["ReadingUnits"] == "Cel":
				k, u = sensors.KindTemperature, sensors.UnitCelsius
			case o["ReadingType"] == "Rotational":
				k, u = sensors.KindFan, sensors.UnitRPM
			case o["ReadingUnits"] == "%" && strings.Contains(strings.ToLower(id), "fan"):
				k, u = sensors.KindFan, sensors.UnitPercent
			default:
				continue // power, energy, voltage sensors: not in this check
			}
			st := mockStatus(o)
			v := num(o["Reading"])
			if st == sensors.StatusUnknown {
				v = nil
			}
			out = append(out, expected{"Sensors", o["Name"].(string), k, v, u, st})
		}
	}
	return out
}

func fmtV(v *float64) string {
	if v == nil {
		return "null"
	}
	return fmt.Sprintf("%g", *v)
}

func TestMockupsReadEveryTemperatureFanPSU(t *testing.T) {
	for _, tc := range []struct {
		name     string
		noExpand bool
	}{{"public-rackmount1", false}, {"public-tower", false}, {"public-rackmount1", true}} {
		name := tc.name
		t.Run(fmt.Sprintf("%s/no-expand=%v", name, tc.noExpand), func(t *testing.T) {
			dir := mockupDir(t, name)
			sim := startSim(t, redfishsim.Config{Mockup: dir})
			r := newReader(sim, func(c *Config) { c.NoExpand = tc.noExpand })
			defer r.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			p, err := r.Poll(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := expectations(t, dir)
			if len(want) < 8 {
				t.Fatalf("only %d expectations from %s: is the mockup walk broken?", len(want), dir)
			}
			byName := map[string][]sensors.Reading{}
			for _, rd := range p.Readings {
				byName[rd.Name] = append(byName[rd.Name], rd)
			}
			for _, w := range want {
				found := false
				for _, rd := range byName[w.name] {
					if rd.Kind == w.kind && fmtV(rd.Value) == fmtV(w.value) && rd.Unit == w.unit && rd.Status == w.status {
						found = true
					}
				}
				if !found {
					t.Errorf("%s %q: want kind %s value %s unit %q status %s; got %s", w.file, w.name, w.kind, fmtV(w.value), w.unit, w.status, descr(byName[w.name]))
				}
			}
			before := sim.Stats().Requests
			if _, err := r.Poll(ctx); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d readings, %d expectations checked, %d log entries, %d GETs per poll (expand %v), skipped %q",
				name, len(p.Readings), len(want), len(p.Events), sim.Stats().Requests-before, r.cur.expand, p.Skipped)
		})
	}
}

func descr(rs []sensors.Reading) string {
	var s []string
	for _, r := range rs {
		s = append(s, fmt.Sprintf("{%s %s %q %s}", r.Kind, fmtV(r.Value), r.Unit, r.Status))
	}
	if len(s) == 0 {
		return "nothing"
	}
	return strings.Join(s, " ")
}

func TestWrongPasswordRefused(t *testing.T) {
	for _, noSession := range []bool{false, true} {
		sim := startSim(t, redfishsim.Config{NoSessionService: noSession})
		r := newReader(sim, func(c *Config) { c.Password = "definitely-wrong-pw" })
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err := r.Poll(ctx)
		cancel()
		if !errors.Is(err, ErrAuth) {
			t.Errorf("NoSessionService=%v: Poll with a wrong password = %v, want ErrAuth", noSession, err)
		}
		if err != nil && strings.Contains(err.Error(), "definitely-wrong-pw") {
			t.Errorf("error text contains the password: %v", err)
		}
		// One refused login, not a second try of the same wrong password
		// over Basic (which counts toward a lockout), and no session left.
		if st := sim.Stats(); st.AuthFailures != 1 || st.ActiveSessions != 0 {
			t.Errorf("NoSessionService=%v: %d auth failures, %d sessions; want 1 and 0", noSession, st.AuthFailures, st.ActiveSessions)
		}
		if errors.Is(err, sensors.ErrSourceDown) {
			t.Errorf("wrong credentials reported as a source down: %v", err)
		}
	}
}

// TestSessionLoggedOutAtClose: the reader polls with one session token and
// deletes the session at Close.
func TestSessionLoggedOutAtClose(t *testing.T) {
	sim := startSim(t, redfishsim.Config{})
	r := newReader(sim, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for range 2 {
		if _, err := r.Poll(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if st := sim.Stats(); st.Logins != 1 || st.ActiveSessions != 1 || st.BasicRequests != 0 || r.BasicAuth() {
		t.Fatalf("after two polls: %+v; want one session and no Basic request", st)
	}
	r.Close()
	if st := sim.Stats(); st.ActiveSessions != 0 {
		t.Fatalf("after Close: %d sessions open, want 0", st.ActiveSessions)
	}
}

// TestPlainHTTPRefused: without AllowPlainHTTP an http:// service gets no
// request (the credentials would cross in clear).
func TestPlainHTTPRefused(t *testing.T) {
	sim := startSim(t, redfishsim.Config{PlainHTTP: true})
	r := newReader(sim, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := r.Poll(ctx)
	if !errors.Is(err, ErrPlainHTTP) || sim.Stats().Requests != 0 {
		t.Fatalf("Poll of http:// = %v after %d requests; want ErrPlainHTTP and none", err, sim.Stats().Requests)
	}
	r = newReader(sim, func(c *Config) { c.AllowPlainHTTP = true })
	defer r.Close()
	if p, err := r.Poll(ctx); err != nil || len(p.Readings) == 0 {
		t.Fatalf("Poll of http:// with AllowPlainHTTP = %v", err)
	}
}

func TestSessionFallsBackToBasic(t *testing.T) {
	sim := startSim(t, redfishsim.Config{NoSessionService: true})
	r := newReader(sim, nil)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	p, err := r.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !r.BasicAuth() || len(p.Readings) == 0 {
		t.Errorf("without a SessionService: basic=%v, %d readings; want Basic and readings", r.BasicAuth(), len(p.Readings))
	}
}

func TestTLSVerifiedByDefault(t *testing.T) {
	sim := startSim(t, redfishsim.Config{})
	r := newReader(sim, func(c *Config) { c.RootCAs = nil }) // system roots do not know the sim's CA
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := r.Poll(ctx); !errors.Is(err, bmc.ErrCipher) || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("Poll against an unknown CA = %v, want ErrCipher naming the certificate", err)
	}
	r = newReader(sim, func(c *Config) { c.RootCAs, c.Insecure = nil, true })
	if _, err := r.Poll(ctx); err != nil {
		t.Errorf("Poll with Insecure = %v, want success", err)
	}
}

func TestWronglyTypedFieldDoesNotBlind(t *testing.T) {
	sim := startSim(t, redfishsim.Config{})
	r := newReader(sim, nil)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	before, err := r.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	thermal := ""
	for _, rd := range before.Readings {
		_ = rd
	}
	// Find the Thermal resource of the first chassis and make one
	// SensorNumber a string, as some BMCs send it.
	thermal = firstThermal(t, r, ctx)
	if err := sim.SetField(thermal, "Temperatures/0/SensorNumber", "12"); err != nil {
		t.Fatalf("SetField: %v", err)
	}
	after, err := r.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	count := func(p *sensors.Poll, k sensors.Kind) int {
		n := 0
		for _, rd := range p.Readings {
			if rd.Kind == k {
				n++
			}
		}
		return n
	}
	if b, a := count(before, sensors.KindTemperature), count(after, sensors.KindTemperature); a != b || a == 0 {
		t.Errorf("temperatures before %d, after a wrongly typed field %d; want the same, nonzero", b, a)
	}
	if !strings.Contains(strings.Join(after.Skipped, "\n"), "SensorNumber") {
		t.Errorf("skipped = %q, want the wrongly typed SensorNumber named", after.Skipped)
	}
}

func firstThermal(t *testing.T, r *Reader, ctx context.Context) string {
	t.Helper()
	resp, err := r.cur.api.WithContext(ctx).Get("/redfish/v1/Chassis")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var c collection
	if err := json.NewDecoder(resp.Body).Decode(&c); err != nil || len(c.Members) == 0 {
		t.Fatalf("chassis collection: %v", err)
	}
	return c.Members[0].ODataID + "/Thermal"
}

// BenchmarkWalk measures one full Redfish poll (every chassis view and
// log) of a DMTF mockup served over HTTPS, with 1, 4 and 8 GETs in flight.
func BenchmarkWalk(b *testing.B) {
	dir := mockupDir(b, "public-rackmount1")
	sim := startSim(b, redfishsim.Config{Mockup: dir})
	for _, tc := range []struct {
		delay    time.Duration
		c        int
		noExpand bool
	}{{0, 1, false}, {0, 4, false}, {0, 8, false}, {5 * time.Millisecond, 1, false}, {5 * time.Millisecond, 4, false},
		{5 * time.Millisecond, 8, false}, {5 * time.Millisecond, 1, true}, {5 * time.Millisecond, 8, true}} {
		c := tc.c
		b.Run(fmt.Sprintf("bmc-latency-%v/concurrency-%d/expand-%v", tc.delay, c, !tc.noExpand), func(b *testing.B) {
			sim.SetDelay(tc.delay) // a real BMC answers in milliseconds, not microseconds
			defer sim.SetDelay(0)
			r := newReader(sim, func(cfg *Config) { cfg.Concurrency, cfg.NoExpand = c, tc.noExpand })
			defer r.Close()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if _, err := r.Poll(ctx); err != nil {
				b.Fatal(err)
			}
			n := 0
			for b.Loop() {
				p, err := r.Poll(ctx)
				if err != nil {
					b.Fatal(err)
				}
				n = len(p.Readings)
			}
			b.ReportMetric(float64(n), "readings")
		})
	}
}

// TestDeadBMCFailsWithinDeadline: a simulator that stops answering (SetDown)
// fails the poll with ErrSourceDown within its deadline, backs off, and
// the reader recovers when the BMC is back.
func TestDeadBMCFailsWithinDeadline(t *testing.T) {
	sim := startSim(t, redfishsim.Config{})
	r := newReader(sim, func(c *Config) { c.MinBackoff = 100 * time.Millisecond })
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := r.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if err := sim.SetDown(true); err != nil {
		t.Fatal(err)
	}
	pctx, pcancel := context.WithTimeout(ctx, time.Second)
	start := time.Now()
	_, err := r.Poll(pctx)
	pcancel()
	if !errors.Is(err, sensors.ErrSourceDown) || time.Since(start) > 1500*time.Millisecond {
		t.Errorf("poll of a dead BMC = %v after %v, want ErrSourceDown within 1 s", err, time.Since(start))
	}
	if err := sim.SetDown(false); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		p, err := r.Poll(ctx)
		if err == nil && len(p.Readings) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("reader did not recover after the BMC came back: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
