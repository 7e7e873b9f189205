package health

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/store"
)

// host is a synthetic server: two fans, CPU and inlet temperatures, 12 V,
// two PSUs and a DIMM ECC sensor, polled every step. Each trace changes some
// of its signals over time.
type host struct {
	rng     *rand.Rand
	t0      time.Time
	fan     [2]func(min float64) float64
	cpu     func(min float64) float64
	inlet   func(min float64) float64
	volt    func(min float64) float64
	psu     [2]func(min float64) []string
	ecc     func(min float64) []sensors.Event // events logged in this step
	glitchP float64                           // chance per reading of a glitched value
	spikeP  float64                           // chance per call of spike of a wild value
}

func newHost(seed uint64) *host {
	h := &host{rng: rand.New(rand.NewPCG(seed, 7)), t0: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	h.fan[0] = func(float64) float64 { return 5000 + h.rng.NormFloat64()*60 }
	h.fan[1] = func(float64) float64 { return 5100 + h.rng.NormFloat64()*60 }
	h.cpu = func(m float64) float64 { return 50 + 3*math.Sin(m/240) + h.rng.NormFloat64()*0.8 }
	h.inlet = func(m float64) float64 { return 24 + 2*math.Sin(m/720) + h.rng.NormFloat64()*0.3 }
	h.volt = func(float64) float64 { return 12 + h.rng.NormFloat64()*0.05 }
	ok := func(float64) []string { return []string{"Presence detected"} }
	h.psu = [2]func(float64) []string{ok, ok}
	h.ecc = func(float64) []sensors.Event { return nil }
	return h
}

func (h *host) glitch(v float64) float64 {
	if h.glitchP > 0 && h.rng.Float64() < h.glitchP {
		return v * h.rng.Float64() * 0.2 // a dropped-out reading
	}
	return v
}

// spike returns v, or with chance spikeP one of the wild values a BMC
// reports for a single sample (a sensor read mid-update, 0 or full scale).
func (h *host) spike(v float64, wild ...float64) float64 {
	if h.spikeP > 0 && len(wild) > 0 && h.rng.Float64() < h.spikeP {
		return wild[h.rng.IntN(len(wild))]
	}
	return v
}

func (h *host) poll(m float64) *sensors.Poll {
	now := h.t0.Add(time.Duration(m * float64(time.Minute)))
	fanThr := &sensors.Thresholds{LowerWarning: sensors.F(1500), LowerCritical: sensors.F(1000), LowerFatal: sensors.F(500)}
	cpuThr := &sensors.Thresholds{UpperWarning: sensors.F(75), UpperCritical: sensors.F(85), UpperFatal: sensors.F(95)}
	inThr := &sensors.Thresholds{UpperWarning: sensors.F(35), UpperCritical: sensors.F(40)}
	vThr := &sensors.Thresholds{LowerCritical: sensors.F(10.8), LowerWarning: sensors.F(11.4), UpperWarning: sensors.F(12.6), UpperCritical: sensors.F(13.2)}
	rd := func(name string, k sensors.Kind, u sensors.Unit, v float64, thr *sensors.Thresholds, red string) sensors.Reading {
		v = h.glitch(v)
		return sensors.Reading{Source: sensors.SourceIPMI, Component: name, Name: name, Kind: k, Unit: u, Value: &v,
			Status: thr.Classify(v), Thresholds: thr, Time: now, Redundant: red}
	}
	p := &sensors.Poll{Source: sensors.SourceIPMI, Target: "trace", Time: now}
	p.Readings = append(p.Readings,
		rd("FAN1", sensors.KindFan, sensors.UnitRPM, h.fan[0](m), fanThr, "fans"),
		rd("FAN2", sensors.KindFan, sensors.UnitRPM, h.fan[1](m), fanThr, "fans"),
		rd("CPU Temp", sensors.KindTemperature, sensors.UnitCelsius, h.cpu(m), cpuThr, ""),
		rd("Inlet Temp", sensors.KindTemperature, sensors.UnitCelsius, h.inlet(m), inThr, ""),
		rd("12V", sensors.KindVoltage, sensors.UnitVolts, h.volt(m), vThr, ""),
	)
	for i, f := range h.psu {
		states := f(m)
		st := sensors.StatusOK
		for _, s := range states {
			if s != "Presence detected" {
				st = sensors.StatusCritical
			}
		}
		name := fmt.Sprintf("PSU%d Status", i+1)
		p.Readings = append(p.Readings, sensors.Reading{Source: sensors.SourceIPMI, Component: name, Name: name,
			Kind: sensors.KindPSU, Status: st, States: states, Time: now, Redundant: "psus"})
	}
	p.Readings = append(p.Readings, sensors.Reading{Source: sensors.SourceIPMI, Component: "DIMM ECC", Name: "DIMM ECC",
		Kind: sensors.KindMemory, Status: sensors.StatusOK, Time: now})
	for _, ev := range h.ecc(m) {
		ev.Time = now
		p.Events = append(p.Events, ev)
	}
	return p
}

// outcome is what a trace run measured.
type outcome struct {
	firstAlarm, firstHigh, firstImminent float64 // minutes; NaN if never
	falseAlarms                          int     // alarm episodes before the fault onset
	falsePolls                           int     // polls with risk > none before onset
	final                                Verdict
}

// run polls h every step minutes from 0 to end, and measures alarms. onset
// is when the injected fault begins (alarms before it are false).
func run(t *testing.T, h *host, end, step, onset float64) outcome {
	t.Helper()
	p := New(Config{Prefix: "trace/"}, NewMemHistory(240))
	o := outcome{firstAlarm: math.NaN(), firstHigh: math.NaN(), firstImminent: math.NaN()}
	alarmed := false
	for m := 0.0; m <= end; m += step {
		v, err := p.Update(h.poll(m))
		if err != nil {
			t.Fatalf("Update at %v min: %v", m, err)
		}
		o.final = v
		if m < onset {
			if v.Risk != RiskNone {
				o.falsePolls++
				if !alarmed {
					o.falseAlarms++
					t.Logf("false alarm at %.1f min: %+v", m, v.Components)
				}
			}
			alarmed = v.Risk != RiskNone
			continue
		}
		if v.Risk.rank() >= RiskLow.rank() && math.IsNaN(o.firstAlarm) {
			o.firstAlarm = m
		}
		if v.Risk.rank() >= RiskHigh.rank() && math.IsNaN(o.firstHigh) {
			o.firstHigh = m
		}
		if v.Risk == RiskImminent && math.IsNaN(o.firstImminent) {
			o.firstImminent = m
		}
	}
	return o
}

func lead(fault, at float64) string {
	if math.IsNaN(at) {
		return "never"
	}
	return fmt.Sprintf("%+.1f min", fault-at)
}

func TestTraceSlowFanDecay(t *testing.T) {
	// FAN1 bearing wear from minute 120; critical (1000 RPM) at 220.
	o := run(t, fanDecayHost(), 240, 0.5, 120)
	t.Logf("TRACE slow-fan-decay: lead time before critical crossing: first alarm %s, high %s, imminent %s; false alarms %d (%d polls)",
		lead(220, o.firstAlarm), lead(220, o.firstHigh), lead(220, o.firstImminent), o.falseAlarms, o.falsePolls)
	if o.falseAlarms != 0 {
		t.Errorf("false alarms before the decay: %d", o.falseAlarms)
	}
	if math.IsNaN(o.firstAlarm) || o.firstAlarm > 220-30 {
		t.Errorf("first alarm at %.1f min, want at least 30 min before the crossing at 220", o.firstAlarm)
	}
	if math.IsNaN(o.firstHigh) || o.firstHigh > 220-minLead {
		t.Errorf("risk high at %.1f min, want at least %d min before the crossing at 220", o.firstHigh, minLead)
	}
	if c := findComp(o.final, "FAN1"); c == nil || c.Risk == RiskNone {
		t.Errorf("final verdict %+v does not blame FAN1", o.final)
	}
}

func TestTraceThermalRunaway(t *testing.T) {
	// From minute 60 the CPU heats up, accelerating: 85 °C at minute 120.
	o := run(t, thermalRunawayHost(), 130, 0.5, 60)
	t.Logf("TRACE thermal-runaway: lead time before 85 °C: first alarm %s, high %s, imminent %s; false alarms %d (%d polls)",
		lead(120, o.firstAlarm), lead(120, o.firstHigh), lead(120, o.firstImminent), o.falseAlarms, o.falsePolls)
	if o.falseAlarms != 0 {
		t.Errorf("false alarms before the runaway: %d", o.falseAlarms)
	}
	if math.IsNaN(o.firstHigh) || o.firstHigh > 120-minLead {
		t.Errorf("risk high at %.1f min, want at least %d min before 85 °C at 120", o.firstHigh, minLead)
	}
	if math.IsNaN(o.firstImminent) || o.firstImminent > 120 {
		t.Errorf("imminent at %.1f min, want by minute 120", o.firstImminent)
	}
	c := findComp(o.final, "CPU Temp")
	if c == nil || c.ETASeconds == nil {
		t.Errorf("final verdict %+v has no ETA for CPU Temp", o.final)
	}
}

func TestTracePSULoss(t *testing.T) {
	h := newHost(3)
	// PSU1 fails at minute 60 (redundant pair: a warning), PSU2 at 90
	// (both gone: imminent).
	h.psu[0] = func(m float64) []string {
		if m >= 60 {
			return []string{"Presence detected", "Failure detected"}
		}
		return []string{"Presence detected"}
	}
	h.psu[1] = func(m float64) []string {
		if m >= 90 {
			return []string{"Presence detected", "Power Supply input lost (AC/DC)"}
		}
		return []string{"Presence detected"}
	}
	var at60, at90 Verdict
	p := New(Config{}, NewMemHistory(500))
	false0 := 0
	for m := 0.0; m <= 100; m += 0.5 {
		v, err := p.Update(h.poll(m))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case m < 60 && v.Risk != RiskNone:
			false0++
		case m == 60:
			at60 = v
		case m == 90:
			at90 = v
		}
	}
	t.Logf("TRACE psu-loss: detection delay 0 polls; one of two PSUs failed -> %s; both -> %s; false alarms %d",
		at60.Risk, at90.Risk, false0)
	if false0 != 0 {
		t.Errorf("%d false alarms before the PSU failure", false0)
	}
	if at60.Risk != RiskLow {
		t.Errorf("one failed PSU of a redundant pair: risk %s, want low (%+v)", at60.Risk, at60.Components)
	}
	if at90.Risk != RiskImminent {
		t.Errorf("both PSUs failed: risk %s, want imminent (%+v)", at90.Risk, at90.Components)
	}
}

func TestTraceECCBurst(t *testing.T) {
	h := newHost(4)
	// DIMM 3 logs a correctable error every 20 min from minute 60, one a
	// minute from 150 (the burst), and an uncorrectable one at 180.
	h.ecc = func(m float64) []sensors.Event {
		ce := sensors.Event{Source: sensors.SourceIPMI, Component: "DIMM ECC/dimm3", Kind: sensors.KindMemory,
			State: "Correctable ECC", Asserted: true, Severity: sensors.SeverityWarning}
		switch {
		case m >= 180 && m < 180.5:
			ue := ce
			ue.State, ue.Severity = "Uncorrectable ECC", sensors.SeverityCritical
			return []sensors.Event{ue}
		case m >= 150 && m < 180 && math.Mod(m, 1) == 0:
			return []sensors.Event{ce}
		case m >= 60 && m < 150 && math.Mod(m, 20) == 0:
			return []sensors.Event{ce}
		}
		return nil
	}
	o := run(t, h, 185, 0.5, 60)
	t.Logf("TRACE ecc-burst: lead time before the uncorrectable error: first alarm %s, high %s, imminent %s; false alarms %d",
		lead(180, o.firstAlarm), lead(180, o.firstHigh), lead(180, o.firstImminent), o.falseAlarms)
	if o.falseAlarms != 0 {
		t.Errorf("false alarms: %d", o.falseAlarms)
	}
	if math.IsNaN(o.firstHigh) || o.firstHigh > 170 {
		t.Errorf("risk high at %.1f min, want during the burst, before minute 170", o.firstHigh)
	}
	if o.final.Risk != RiskImminent {
		t.Errorf("after an uncorrectable ECC: risk %s, want imminent", o.final.Risk)
	}
	if c := findComp(o.final, "DIMM ECC/dimm3"); c == nil {
		t.Errorf("verdict does not name the DIMM: %+v", o.final.Components)
	}
}

func TestTraceHealthyNoisy(t *testing.T) {
	total := 0
	for seed := uint64(10); seed < 13; seed++ {
		h := newHost(seed)
		h.glitchP = 0.002 // one dropped-out reading in 500
		o := run(t, h, 24*60, 1, math.Inf(1))
		t.Logf("TRACE healthy-noisy seed %d: 24 h at 1 min polls with glitches: false alarms %d (%d polls)", seed, o.falseAlarms, o.falsePolls)
		total += o.falseAlarms
	}
	// And at the agent's faster cadence, with more noise on the CPU.
	h := newHost(13)
	h.glitchP = 0.002
	base := h.cpu
	h.cpu = func(m float64) float64 { return base(m) + h.rng.NormFloat64()*1.5 }
	o := run(t, h, 24*60, 0.5, math.Inf(1))
	t.Logf("TRACE healthy-noisy seed 13: 24 h at 30 s polls, CPU noise sigma 1.7 °C, glitches: false alarms %d (%d polls)", o.falseAlarms, o.falsePolls)
	total += o.falseAlarms
	if total != 0 {
		t.Errorf("healthy noisy signals raised %d false alarms", total)
	}
}

// TestDeadFanAndTemperature: with one fan of a redundant pair dead, a
// temperature makes it an emergency only near its limit. Far below it, a
// rise is a load ramp and the fan a part to replace (risk low, host
// degraded); once the temperature heads for its critical threshold within
// FanLossWithin, or is within FanLossMargin of it, or in its warning band,
// the host must be emptied (imminent).
func TestDeadFanAndTemperature(t *testing.T) {
	cases := []struct {
		name string
		// cpu is the CPU temperature (critical 85 °C, warning 75 °C)
		// from minute 30, when FAN2 dies.
		cpu    func(m float64) float64
		at     float64 // minute checked
		margin float64 // Config.FanLossMargin
		want   Risk
	}{
		{"steady", func(float64) float64 { return 45 }, 60, 0, RiskLow},
		{"load ramp 45 to 55", func(m float64) float64 { return 45 + math.Min(10, m-30) }, 45, 0, RiskLow},
		{"slow climb far from the limit", func(m float64) float64 { return 45 + 0.2*(m-30) }, 60, 0, RiskLow},
		{"climb due within 20 min", func(m float64) float64 { return 45 + 1.5*(m-30) }, 50, 0, RiskImminent},
		{"slow climb within the margin", func(m float64) float64 { return 70 + 0.05*(m-30) }, 60, 15, RiskImminent},
		{"slow climb outside the margin", func(m float64) float64 { return 70 + 0.05*(m-30) }, 60, 10, RiskLow},
		{"steady in the warning band", func(float64) float64 { return 78 }, 60, 0, RiskImminent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHost(5)
			h.fan[1] = func(m float64) float64 {
				if m >= 30 {
					return 0
				}
				return 5100
			}
			base := h.cpu
			h.cpu = func(m float64) float64 {
				if m < 30 {
					return base(m) - 5
				}
				return c.cpu(m) + h.rng.NormFloat64()*0.3
			}
			p := New(Config{FanLossMargin: c.margin}, NewMemHistory(500))
			var v Verdict
			for m := 0.0; m <= c.at; m += 0.5 {
				var err error
				if v, err = p.Update(h.poll(m)); err != nil {
					t.Fatal(err)
				}
			}
			if v.Risk != c.want {
				t.Errorf("FAN2 dead, CPU %s: risk %s at minute %g, want %s (%s)", c.name, v.Risk, c.at, c.want, summary(v))
			}
			fan := findComp(v, "FAN2")
			if fan == nil || !fan.Replace || !v.Degraded {
				t.Errorf("FAN2 dead: component %+v, degraded %v; want FAN2 marked replace and the host degraded", fan, v.Degraded)
			}
		})
	}
}

func TestHysteresis(t *testing.T) {
	thr := &sensors.Thresholds{UpperWarning: sensors.F(75), UpperCritical: sensors.F(85)}
	p := New(Config{}, NewMemHistory(100))
	t0 := time.Unix(1e9, 0)
	seq := []struct {
		v    float64
		want Risk
	}{
		{70, RiskNone}, {86, RiskNone}, {86, RiskHigh}, // confirmed on the second poll
		{84, RiskHigh}, // within 2 °C of critical: still latched
		{82, RiskLow},  // clear of critical, above warning
		{74, RiskLow},  // within the margin of warning
		{72, RiskNone},
	}
	for i, s := range seq {
		v := s.v
		r := sensors.Reading{Source: "ipmi", Component: "CPU", Name: "CPU Temp", Kind: sensors.KindTemperature,
			Value: &v, Thresholds: thr, Status: thr.Classify(v), Time: t0.Add(time.Duration(i) * time.Hour)}
		got, err := p.Update(&sensors.Poll{Time: r.Time, Readings: []sensors.Reading{r}})
		if err != nil {
			t.Fatal(err)
		}
		if got.Risk != s.want {
			t.Errorf("step %d value %v: risk %s, want %s (%+v)", i, s.v, got.Risk, s.want, got.Components)
		}
	}
}

func TestTheilSenRobust(t *testing.T) {
	var ts, ys []float64
	for i := range 50 {
		ts = append(ts, float64(i))
		y := 3 + 2*float64(i)
		if i%7 == 0 {
			y = -1000 // outliers
		}
		ys = append(ys, y)
	}
	f := TheilSen(ts, ys)
	if math.Abs(f.Slope-2) > 1e-9 || math.Abs(f.Intercept-3) > 1e-9 {
		t.Errorf("TheilSen = slope %v intercept %v, want 2 and 3", f.Slope, f.Intercept)
	}
}

func findComp(v Verdict, name string) *Component {
	for i := range v.Components {
		if v.Components[i].Name == name {
			return &v.Components[i]
		}
	}
	return nil
}

// TestRestartKeepsTrend: with the bbolt store as History, a predictor
// created after a restart sees the trend the previous one recorded.
func TestRestartKeepsTrend(t *testing.T) {
	path := t.TempDir() + "/vigil.db"
	h := newHost(6)
	base := h.fan[0]
	h.fan[0] = func(m float64) float64 { return base(m) - 60*m }
	feed := func(from, to float64) Verdict {
		st, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		p := New(Config{Prefix: "host-a/"}, st)
		var v Verdict
		for m := from; m <= to; m++ {
			if v, err = p.Update(h.poll(m)); err != nil {
				t.Fatal(err)
			}
		}
		return v
	}
	// An ECC storm before the restart must still count after it.
	h.ecc = func(m float64) []sensors.Event {
		if m >= 10 && m <= 20 {
			return []sensors.Event{{Source: sensors.SourceIPMI, Component: "DIMM ECC/dimm1", State: "Correctable ECC", Asserted: true}}
		}
		return nil
	}
	feed(0, 20)
	h.ecc = func(float64) []sensors.Event { return nil }
	v := feed(21, 21) // one poll after the restart
	if c := findComp(v, "DIMM ECC/dimm1"); c == nil || c.Risk != RiskHigh {
		t.Errorf("after a restart the ECC history is lost: %+v", v.Components)
	}
	c := findComp(v, "FAN1")
	if c == nil || c.ETASeconds == nil {
		t.Fatalf("after a restart the FAN1 trend is lost: %+v", v.Components)
	}
	t.Logf("after restart: FAN1 %s, ETA %.0f s", c.Risk, *c.ETASeconds)
}

func TestMedian(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 1; n < 60; n++ {
		v := make([]float64, n)
		for i := range v {
			v[i] = float64(rng.IntN(10)) // many ties
		}
		s := slices.Clone(v)
		slices.Sort(s)
		want := s[n/2]
		if n%2 == 0 {
			want = (s[n/2-1] + s[n/2]) / 2
		}
		if got := median(v); got != want {
			t.Fatalf("median(%v) = %v, want %v", s, got, want)
		}
	}
}

func TestTraceVoltageDrift(t *testing.T) {
	// The 12 V rail sags from minute 60 by 10 mV a minute: 10.8 V at 180.
	o := run(t, voltageSagHost(), 185, 0.5, 60)
	t.Logf("TRACE voltage-drift: lead time before 10.8 V: first alarm %s, high %s, imminent %s; false alarms %d",
		lead(180, o.firstAlarm), lead(180, o.firstHigh), lead(180, o.firstImminent), o.falseAlarms)
	if o.falseAlarms != 0 || math.IsNaN(o.firstHigh) || o.firstHigh > 180-minLead {
		t.Errorf("voltage drift: false alarms %d, high at %.1f min; want none and high by minute %d", o.falseAlarms, o.firstHigh, 180-minLead)
	}
}

func TestRepeatedPredictiveFailure(t *testing.T) {
	p := New(Config{}, NewMemHistory(100))
	t0 := time.Unix(2e9, 0)
	ev := sensors.Event{Source: sensors.SourceIPMI, Component: "Disk 3", State: "Predictive Failure", Asserted: true, Severity: sensors.SeverityWarning}
	var risks []Risk
	for i := range 3 {
		now := t0.Add(time.Duration(i) * 6 * time.Hour)
		e := ev
		e.Time = now
		v, err := p.Update(&sensors.Poll{Time: now, Events: []sensors.Event{e}})
		if err != nil {
			t.Fatal(err)
		}
		risks = append(risks, v.Risk)
	}
	// Two days later the events have aged out of the 24 h window.
	v, err := p.Update(&sensors.Poll{Time: t0.Add(72 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	risks = append(risks, v.Risk)
	want := []Risk{RiskLow, RiskHigh, RiskHigh, RiskNone}
	if !slices.Equal(risks, want) {
		t.Errorf("risk after 1, 2, 3 predictive-failure events and 2 days later = %v, want %v", risks, want)
	}
}

// TestHostCounters: since-boot counters from sensors/host are a warning at
// most; new errors within the hour escalate (EDAC CE rate, a new UE, a new
// machine check).
func TestHostCounters(t *testing.T) {
	p := New(Config{}, NewMemHistory(100))
	t0 := time.Unix(2e9, 0)
	rd := func(comp, name string, k sensors.Kind, v float64, st sensors.Status) sensors.Reading {
		return sensors.Reading{Source: sensors.SourceHost, Component: comp, Name: name, Kind: k, Value: &v, Status: st}
	}
	step := func(m int, ce, ue, mce float64) Verdict {
		now := t0.Add(time.Duration(m) * time.Minute)
		ueSt, mceSt := sensors.StatusOK, sensors.StatusOK
		if ue > 0 {
			ueSt = sensors.StatusWarning
		}
		if mce > 0 {
			mceSt = sensors.StatusWarning
		}
		rs := []sensors.Reading{
			rd("mc0/dimm0", "DIMM_A1 correctable errors", sensors.KindMemory, ce, sensors.StatusOK),
			rd("mc0/dimm0", "DIMM_A1 uncorrectable errors", sensors.KindMemory, ue, ueSt),
			rd("cpu", "machine check exceptions", sensors.KindProcessor, mce, mceSt),
		}
		for i := range rs {
			rs[i].Time = now
		}
		v, err := p.Update(&sensors.Poll{Time: now, Readings: rs})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v := step(0, 12, 0, 1); v.Risk != RiskLow {
		t.Errorf("old errors since boot: risk %s, want low (%+v)", v.Risk, v.Components)
	}
	step(1, 12, 0, 1)
	if v := step(30, 30, 0, 1); v.Risk != RiskHigh {
		t.Errorf("18 new CEs in 30 min: risk %s, want high (%+v)", v.Risk, v.Components)
	}
	if v := step(31, 30, 1, 1); v.Risk != RiskImminent {
		t.Errorf("a new UE: risk %s, want imminent (%+v)", v.Risk, v.Components)
	}
}

func TestTwoRedundantSetsDegradedIsHigh(t *testing.T) {
	h := newHost(8)
	h.fan[1] = func(m float64) float64 {
		if m >= 10 {
			return 0
		}
		return 5100
	}
	h.psu[0] = func(m float64) []string {
		if m >= 20 {
			return []string{"Presence detected", "Failure detected"}
		}
		return []string{"Presence detected"}
	}
	p := New(Config{}, NewMemHistory(200))
	var at15, at25 Verdict
	for m := 0.0; m <= 25; m += 0.5 {
		v, err := p.Update(h.poll(m))
		if err != nil {
			t.Fatal(err)
		}
		switch m {
		case 15:
			at15 = v
		case 25:
			at25 = v
		}
	}
	if at15.Risk != RiskLow || at25.Risk != RiskHigh {
		t.Errorf("fan lost: %s (want low); fan and PSU lost: %s (want high) %+v", at15.Risk, at25.Risk, at25.Components)
	}
}
