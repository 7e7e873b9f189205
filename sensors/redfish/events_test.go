package redfish

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

var eventTable = []string{
	`{"@odata.type":"#Event.v1_7_0.Event","Id":"3","Events":[{"EventId":"3","EventType":"Alert","EventTimestamp":"2026-03-01T10:00:00Z","MessageSeverity":"Critical","Message":"Fan 'FAN1' has failed.","MessageId":"ResourceEvent.1.0.ResourceStatusChangedCritical","MessageArgs":["FAN1","Critical"],"OriginOfCondition":{"@odata.id":"/redfish/v1/Chassis/1/Thermal"}}]}`,
	`{"Events":[{"EventId":4,"Severity":"Warning","Message":"x","MessageArgs":"not-an-array"}]}`,
	`{"Events":"nope"}`,
}

func TestDecodeEvent(t *testing.T) {
	evs, err := DecodeEvent([]byte(eventTable[0]), time.Unix(0, 0))
	if err != nil || len(evs) != 1 {
		t.Fatalf("DecodeEvent = %v, %v", evs, err)
	}
	ev := evs[0]
	if ev.Severity != sensors.SeverityCritical || ev.Component != "FAN1" || ev.Time.Year() != 2026 || ev.Kind != sensors.KindFan {
		t.Errorf("DecodeEvent = %+v", ev)
	}
	evs, err = DecodeEvent([]byte(eventTable[1]), time.Unix(0, 0))
	if err != nil || len(evs) != 1 || evs[0].Severity != sensors.SeverityWarning {
		t.Errorf("DecodeEvent with wrongly typed fields = %+v, %v; want one warning", evs, err)
	}
}

func TestReadSSE(t *testing.T) {
	var got []string
	err := readSSE(strings.NewReader(": hello\nid: 1\ndata: {\"a\":\ndata: 1}\n\nid: 2\ndata: x\n\n"), func(id string, d []byte) {
		got = append(got, id+"="+string(d))
	})
	if !errors.Is(err, errEOF()) || strings.Join(got, "|") != "1={\"a\":\n1}|2=x" {
		t.Errorf("readSSE = %q, %v", got, err)
	}
}

func FuzzDecodeEvent(f *testing.F) {
	for _, s := range eventTable {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		evs, err := DecodeEvent(b, time.Unix(0, 0))
		if err != nil {
			return
		}
		for _, ev := range evs {
			if ev.Severity == "" || ev.Source != sensors.SourceRedfish {
				t.Fatalf("event %+v lacks severity or source", ev)
			}
		}
	})
}

func TestSSEAndPushFromSimulator(t *testing.T) {
	sim := startSim(t, redfishsim.Config{})
	r := newReader(sim, nil)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	sse := make(chan sensors.Event, 16)
	sctx, scancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- r.StreamSSE(sctx, func(ev sensors.Event) { sse <- ev }) }()

	pushed := make(chan []sensors.Event, 16)
	dest := httptest.NewServer(EventHandler(func(evs []sensors.Event) { pushed <- evs }))
	defer dest.Close()
	sub, err := r.Subscribe(ctx, dest.URL+"/events", "vigil-test")
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // let the SSE stream open
	if err := sim.FailFan("FAN1"); err != nil {
		t.Fatal(err)
	}
	select {
	case ev := <-sse:
		if ev.Severity != sensors.SeverityCritical || !strings.Contains(ev.Message, "FAN1") {
			t.Errorf("SSE event = %+v", ev)
		}
	case <-ctx.Done():
		t.Fatal("no SSE event within the deadline")
	}
	select {
	case evs := <-pushed:
		if len(evs) == 0 || !strings.Contains(evs[0].Message, "FAN1") {
			t.Errorf("pushed events = %+v", evs)
		}
	case <-ctx.Done():
		t.Fatal("no pushed event within the deadline")
	}
	if err := r.Unsubscribe(ctx, sub); err != nil {
		t.Errorf("Unsubscribe(%s): %v", sub, err)
	}
	scancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("StreamSSE after cancel = %v", err)
	}
	_ = http.StatusOK
}

func errEOF() error { return io.EOF }
