package redfish

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stmcginnis/gofish/schemas"
)

var thermalTable = []struct {
	name     string
	doc      string
	temps    int
	skipped  string // substring of the skipped paths
	wantCPU1 float64
}{
	{"well typed", `{"Temperatures":[{"Name":"CPU1","ReadingCelsius":41,"SensorNumber":5},{"Name":"Inlet","ReadingCelsius":25}],"Fans":[{"Name":"F1","Reading":2100}]}`, 2, "", 41},
	{"SensorNumber as string", `{"Temperatures":[{"Name":"CPU1","ReadingCelsius":41,"SensorNumber":"5"},{"Name":"Inlet","ReadingCelsius":25}],"Fans":[{"Name":"F1","Reading":2100}]}`, 2, "/Temperatures/0/SensorNumber", 41},
	{"Reading as string in a fan", `{"Temperatures":[{"Name":"CPU1","ReadingCelsius":41}],"Fans":[{"Name":"F1","Reading":"2100"}]}`, 1, "/Fans/0/Reading", 41},
	{"Status as a string", `{"Temperatures":[{"Name":"CPU1","ReadingCelsius":41,"Status":"OK"}]}`, 1, "/Temperatures/0/Status", 41},
	{"Temperatures not an array", `{"Temperatures":{"Name":"CPU1"},"Fans":[{"Name":"F1","Reading":2100}]}`, 0, "/Temperatures", 0},
}

func TestDecodeTolerant(t *testing.T) {
	for _, tc := range thermalTable {
		if _, err := func() (schemas.Thermal, error) {
			var v schemas.Thermal
			return v, json.Unmarshal([]byte(tc.doc), &v)
		}(); (err != nil) != (tc.skipped != "") {
			t.Errorf("%s: gofish's own decode error = %v; the table assumes it fails only with a skipped field", tc.name, err)
		}
		th, skipped, err := decode[schemas.Thermal]([]byte(tc.doc))
		if err != nil {
			t.Errorf("%s: decode: %v", tc.name, err)
			continue
		}
		if len(th.Temperatures) != tc.temps {
			t.Errorf("%s: %d temperatures, want %d", tc.name, len(th.Temperatures), tc.temps)
		}
		if tc.temps > 0 && (th.Temperatures[0].ReadingCelsius == nil || *th.Temperatures[0].ReadingCelsius != tc.wantCPU1) {
			t.Errorf("%s: CPU1 reading %v, want %v", tc.name, th.Temperatures[0].ReadingCelsius, tc.wantCPU1)
		}
		got := strings.Join(skipped, ",")
		if (tc.skipped == "") != (got == "") || !strings.Contains(got, tc.skipped) {
			t.Errorf("%s: skipped %q, want %q", tc.name, got, tc.skipped)
		}
	}
	if _, _, err := decode[schemas.Thermal]([]byte(`{"Temperatures":[`)); err == nil {
		t.Errorf("decode of truncated JSON = nil error")
	}
}

func TestDecodeLogEntry(t *testing.T) {
	ev, err := DecodeLogEntry([]byte(`{"Id":"7","Created":"2026-03-01T10:00:00Z","Severity":"Critical","Message":"Fan 1 failed","SensorType":"Fan","EntryCode":"Assert"}`), time.Unix(0, 0))
	if err != nil || ev.Severity != "critical" || ev.Component != "Fan" || ev.Time.Year() != 2026 || !ev.Asserted {
		t.Errorf("DecodeLogEntry = %+v, %v", ev, err)
	}
	ev, err = DecodeLogEntry([]byte(`{"Id":8,"Severity":"OK","Message":"restored","EntryCode":"Deassert"}`), time.Unix(5, 0))
	if err != nil || ev.Asserted || ev.Time.Unix() != 5 {
		t.Errorf("DecodeLogEntry with a numeric Id = %+v, %v; want deasserted at poll time", ev, err)
	}
}

func FuzzDecodeTolerant(f *testing.F) {
	for _, tc := range thermalTable {
		f.Add([]byte(tc.doc))
	}
	f.Add([]byte(`{"Severity":"Warning","Created":"x","Message":1}`))
	f.Add([]byte(`[[[[[[[[]]]]]]]]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		th, _, err := decode[schemas.Thermal](b)
		if err == nil {
			// Whatever was kept must re-encode and decode cleanly.
			out, mErr := json.Marshal(th.Temperatures)
			if mErr != nil {
				t.Fatalf("kept temperatures do not marshal: %v", mErr)
			}
			var back []schemas.Temperature
			if err := json.Unmarshal(out, &back); err != nil {
				t.Fatalf("kept temperatures do not round-trip: %v", err)
			}
		} else if json.Valid(b) && len(b) > 0 && b[0] == '{' {
			t.Fatalf("valid JSON object %q refused: %v", b, err)
		}
		_, _ = DecodeLogEntry(b, time.Unix(0, 0))
	})
}
