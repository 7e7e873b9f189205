package sensors

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestReadingJSONShape(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    Reading
		want []string
	}{
		{"threshold sensor", Reading{Name: "FAN1", Kind: KindFan, Value: F(800), Unit: UnitRPM, Status: StatusCritical,
			Thresholds: &Thresholds{LowerCritical: F(1000)}, Time: time.Unix(0, 0)},
			[]string{`"name":"FAN1"`, `"kind":"fan"`, `"value":800`, `"unit":"rpm"`, `"status":"critical"`, `"thresholds":{"lower_critical":1000}`}},
		{"discrete, nothing asserted", Reading{Name: "PSU1", Kind: KindPSU, Status: StatusOK},
			[]string{`"value":null`, `"unit":""`, `"thresholds":{}`, `"states":[]`}},
		{"discrete, asserted", Reading{Name: "PSU1", Kind: KindPSU, Status: StatusCritical, States: []string{"Failure detected"}},
			[]string{`"states":["Failure detected"]`}},
	} {
		b, err := json.Marshal(tc.r)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s: JSON %s lacks %s", tc.name, b, w)
			}
		}
		if strings.Count(string(b), `"thresholds"`) != 1 || strings.Count(string(b), `"states"`) > 1 {
			t.Errorf("%s: duplicated fields in %s", tc.name, b)
		}
	}
}

func TestClassify(t *testing.T) {
	th := Thresholds{LowerCritical: F(10), LowerWarning: F(20), UpperWarning: F(80), UpperCritical: F(90)}
	for v, want := range map[float64]Status{5: StatusCritical, 10: StatusCritical, 15: StatusWarning, 50: StatusOK, 85: StatusWarning, 95: StatusCritical} {
		if got := th.Classify(v); got != want {
			t.Errorf("Classify(%v) = %s, want %s", v, got, want)
		}
	}
}
