package host

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/sensors"
)

func TestPollFixture(t *testing.T) {
	now := time.Unix(1e9, 0)
	r := New(Config{SysfsRoot: "testdata/fixture/sys", ProcfsRoot: "testdata/fixture/proc", Target: "fx", Now: func() time.Time { return now }})
	p, err := r.Poll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]sensors.Reading{}
	for _, rd := range p.Readings {
		got[rd.Component+"|"+rd.Name] = rd
		if rd.Source != sensors.SourceHost || !rd.Time.Equal(now) {
			t.Errorf("%s: source %q time %v", rd.Name, rd.Source, rd.Time)
		}
	}
	for _, tc := range []struct {
		key    string
		kind   sensors.Kind
		value  float64
		unit   sensors.Unit
		status sensors.Status
	}{
		{"mc0/dimm0|CPU0_DIMM_A1 correctable errors", sensors.KindMemory, 12, "", sensors.StatusOK},
		{"mc0/dimm1|CPU0_DIMM_B1 uncorrectable errors", sensors.KindMemory, 1, "", sensors.StatusWarning},
		{"mc1|mc1 correctable errors", sensors.KindMemory, 3, "", sensors.StatusOK},
		{"coretemp/Package id 0|Package id 0", sensors.KindTemperature, 52, sensors.UnitCelsius, sensors.StatusOK},
		{"coretemp/Core 1|Core 1", sensors.KindTemperature, 91, sensors.UnitCelsius, sensors.StatusWarning},
		{"nct6775/fan1|fan1", sensors.KindFan, 4200, sensors.UnitRPM, sensors.StatusOK},
		{"nct6775/fan2|fan2", sensors.KindFan, 0, sensors.UnitRPM, sensors.StatusCritical},
		{"nct6775/+12V|+12V", sensors.KindVoltage, 12.096, sensors.UnitVolts, sensors.StatusOK},
		{"thermal_zone0|thermal_zone0 (x86_pkg_temp)", sensors.KindTemperature, 48, sensors.UnitCelsius, sensors.StatusOK},
		{"cpu|machine check exceptions", sensors.KindProcessor, 3, "", sensors.StatusWarning},
		{"sda|sda I/O errors", sensors.KindStorage, 2, "", sensors.StatusWarning},
	} {
		rd, ok := got[tc.key]
		if !ok {
			t.Errorf("no reading %q; have %v", tc.key, keys(got))
			continue
		}
		if rd.Kind != tc.kind || rd.Value == nil || fmt.Sprintf("%.3f", *rd.Value) != fmt.Sprintf("%.3f", tc.value) ||
			rd.Unit != tc.unit || rd.Status != tc.status {
			t.Errorf("%s = kind %s value %v unit %q status %s; want %s %v %q %s", tc.key, rd.Kind, deref(rd.Value), rd.Unit, rd.Status,
				tc.kind, tc.value, tc.unit, tc.status)
		}
	}
	if rd := got["thermal_zone0|thermal_zone0 (x86_pkg_temp)"]; rd.Thresholds == nil || *rd.Thresholds.UpperCritical != 105 || *rd.Thresholds.UpperWarning != 95 {
		t.Errorf("thermal zone trip points = %+v, want hot 95 critical 105", rd.Thresholds)
	}
	if len(p.Readings) != 14 {
		t.Errorf("got %d readings, want 14 (3 DIMM-level pairs of counters, 8 others)", len(p.Readings))
	}
}

func TestPollEmptyRoots(t *testing.T) {
	dir := t.TempDir()
	p, err := New(Config{SysfsRoot: dir, ProcfsRoot: dir}).Poll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Readings) != 0 || len(p.Skipped) != 1 {
		t.Errorf("empty roots: %d readings, skipped %q; want none and the missing interrupts file", len(p.Readings), p.Skipped)
	}
}

// TestPollThisHost reads the real /sys and /proc: it must not fail, whatever
// this machine has.
func TestPollThisHost(t *testing.T) {
	p, err := New(Config{}).Poll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("this host: %d readings, skipped %q", len(p.Readings), p.Skipped)
}

func keys(m map[string]sensors.Reading) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
