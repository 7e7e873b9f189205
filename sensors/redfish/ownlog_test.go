package redfish

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// postOwnEntry writes a log entry the way alert/bmclog does, with one of
// vigil's markers (internal/bmc/ownlog) set in fields.
func postOwnEntry(t *testing.T, sim *redfishsim.Sim, fields string) {
	t.Helper()
	user, pass := sim.Credentials()
	req, _ := http.NewRequestWithContext(t.Context(), "POST", sim.URL()+sim.ExternalLogPath()+"/Entries",
		strings.NewReader(`{"EntryType":"Oem","Severity":"Critical",`+fields+`}`))
	req.SetBasicAuth(user, pass)
	req.Header.Set("Content-Type", "application/json")
	resp, err := sim.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST log entry = %d", resp.StatusCode)
	}
}

// TestOwnEntriesNotEvents: vigil's own log entries (any one of its three
// markers) on a BMC that raises an event for every entry are never
// reported as hardware events, neither by a poll of the logs nor by the
// pushed or streamed events; a hardware entry logged between them is.
func TestOwnEntriesNotEvents(t *testing.T) {
	rc, dest := newPushServer(t, ReceiverConfig{})
	sim := startSim(t, redfishsim.Config{ExternalLog: true, PushRootCAs: dest})
	r := newReader(sim, nil)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := r.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	pushed := make(chan sensors.Event, 16)
	sub, err := r.Subscribe(ctx, rc, func(evs []sensors.Event) {
		for _, ev := range evs {
			pushed <- ev
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Unsubscribe(context.Background(), sub)
	streamed := make(chan sensors.Event, 16)
	sctx, scancel := context.WithCancel(ctx)
	defer scancel()
	go r.StreamSSE(sctx, func(ev sensors.Event) { streamed <- ev })
	time.Sleep(200 * time.Millisecond) // let the SSE stream open

	postOwnEntry(t, sim, `"OemRecordFormat":"Vigil","MessageId":"Vigil.1.0.RiskRaised","Message":"vigil: h1 FAN1 risk high"`)
	if err := sim.AddLogEntry(redfishsim.LogEntry{Severity: "Critical", Message: "Uncorrectable ECC error on DIMM A1",
		MessageID: "Memory.1.0.UncorrectableError"}); err != nil {
		t.Fatal(err)
	}
	postOwnEntry(t, sim, `"MessageId":"Vigil.1.0.SelfFence","Message":"host h1 fences itself"`)
	postOwnEntry(t, sim, `"Message":"vigil: h1 readmitted"`)

	p, err := r.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Events) != 1 || !strings.Contains(p.Events[0].Message, "Uncorrectable ECC") {
		t.Errorf("poll after 3 own entries and 1 ECC error: %+v, want the ECC error alone", p.Events)
	}
	for name, ch := range map[string]chan sensors.Event{"pushed": pushed, "streamed": streamed} {
		select {
		case ev := <-ch:
			if !strings.Contains(ev.Message, "Uncorrectable ECC") {
				t.Errorf("%s event %+v, want the ECC error first", name, ev)
			}
		case <-ctx.Done():
			t.Fatalf("no %s event", name)
		}
		select {
		case ev := <-ch:
			t.Errorf("%s: own entry came back as an event: %+v", name, ev)
		case <-time.After(time.Second):
		}
	}
	if p, err := r.Poll(ctx); err != nil || len(p.Events) != 0 {
		t.Errorf("second poll: %+v, %v; want no events", p.Events, err)
	}
}

// TestDecodeEventSkipsOwn: an event about one of vigil's entries is left
// out of a payload, the others kept.
func TestDecodeEventSkipsOwn(t *testing.T) {
	b := `{"Events":[{"EventId":"1","MessageId":"Vigil.1.0.Fenced","Message":"vigil: h1 fenced","MessageSeverity":"Critical"},` +
		`{"EventId":"2","MessageId":"ResourceEvent.1.0.ResourceStatusChangedCritical","Message":"Fan 'FAN2' has failed.","MessageSeverity":"Critical"}]}`
	evs, err := DecodeEvent([]byte(b), time.Unix(0, 0))
	if err != nil || len(evs) != 1 || evs[0].ID != "2" {
		t.Errorf("DecodeEvent = %+v, %v; want event 2 alone", evs, err)
	}
}
