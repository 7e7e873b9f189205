package check

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
)

func TestHistoryJSONRoundTrip(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 21, 0, 0, 0, time.UTC)
	h := &History{
		Seed: 42, Start: t0, End: t0.Add(time.Minute),
		Hosts:      []Host{{Name: "h1", StateDir: "/tmp/x/h1"}},
		VMs:        []VM{{Name: "vm1", Priority: 2, RTO: 30 * time.Second}},
		Heartbeats: []Beat{{At: t0, Ord: 1, Host: "h1", File: "/f", VM: "vm1", Boot: "abcd0001", Seq: 3}},
		Events: []Event{{From: "h1", Event: localapi.Event{Seq: 1, Time: t0, Kind: "started", Host: "h1", VM: "vm1",
			Evidence: json.RawMessage(`{"generation":4}`)}}},
		Power:     []PowerRecord{{At: t0, Host: "h1", Action: PowerOff}},
		Faults:    []Fault{{Kind: FaultPowerCut, Target: "h1", Start: t0, End: t0.Add(5 * time.Second)}},
		MassFence: MassFence{Share: 0.5, Window: 20 * time.Second},
	}
	path := filepath.Join(t.TempDir(), "h.json")
	if err := h.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Evidence is re-indented by the encoder: compare it decoded.
	if g := got.Events[0].Generation(); g != 4 {
		t.Errorf("Generation() = %d, want 4", g)
	}
	got.Events[0].Evidence, h.Events[0].Evidence = nil, nil
	if !reflect.DeepEqual(got, h) {
		var a, b bytes.Buffer
		_ = got.Encode(&a)
		_ = h.Encode(&b)
		t.Errorf("round trip:\n%s\nwant\n%s", a.String(), b.String())
	}
}

func TestParseChassisLog(t *testing.T) {
	log := `1764709200.123456789 hook off start
1764709200.5 hook off exit 0
1764709200.500000001 power off
1764709201.25 power off in 3 s (request 4)
1764709204.25 power off (delayed, request 4)
1764709205 power on (request 5)
1764709206.1 pending power requests cancelled
`
	got, err := ParseChassisLog("h2", log)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{PowerOff, PowerOffRequested, PowerOff, PowerOn, PowerCancelled}
	if len(got) != len(want) {
		t.Fatalf("ParseChassisLog = %v, want actions %v", got, want)
	}
	for i, r := range got {
		if r.Action != want[i] || r.Host != "h2" {
			t.Errorf("record %d = %+v, want action %s on h2", i, r, want[i])
		}
	}
	if ns := got[0].At.Nanosecond(); ns != 500000001 {
		t.Errorf("first power off at ns %d, want 500000001", ns)
	}
	if _, err := ParseChassisLog("h2", "yesterday power off\n"); err == nil {
		t.Error("ParseChassisLog accepted a line without a time")
	}
}
