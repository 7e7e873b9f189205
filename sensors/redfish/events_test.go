package redfish

import (
	"context"
	"errors"
	"io"
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

// TestSSEAndPushFromSimulator: the simulated BMC streams an event over SSE
// and pushes it, over verified TLS, to a Receiver that authenticates it.
// The subscription the BMC keeps has a secret in its Destination and
// vigil's Context, which the pushed event echoes.
func TestSSEAndPushFromSimulator(t *testing.T) {
	rc, dest := newPushServer(t, ReceiverConfig{})
	sim := startSim(t, redfishsim.Config{PushRootCAs: dest})
	r := newReader(sim, nil)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	sse := make(chan sensors.Event, 16)
	sctx, scancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- r.StreamSSE(sctx, func(ev sensors.Event) { sse <- ev }) }()

	pushed := make(chan []sensors.Event, 16)
	sub, err := r.Subscribe(ctx, rc, func(evs []sensors.Event) { pushed <- evs })
	if err != nil {
		t.Fatal(err)
	}
	res, ok := sim.Resource(sub.URI)
	if !ok {
		t.Fatalf("the BMC has no subscription at %s", sub.URI)
	}
	secret := rc.secretOf(sub.ID)
	if d, _ := res["Destination"].(string); d != rc.base+"/"+sub.ID+"/"+secret || len(secret) != 43 {
		t.Errorf("BMC's Destination = %q, want %s/%s/<43-character secret>", d, rc.base, sub.ID)
	}
	if c, _ := res["Context"].(string); c != "vigil "+sub.ID {
		t.Errorf("BMC's Context = %q, want %q", c, "vigil "+sub.ID)
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
	st := rc.Stats()
	if st.Accepted != 1 || st.Events != 1 {
		t.Errorf("Stats() = %+v, want 1 push with 1 event accepted", st)
	}
	for reason, n := range st.Dropped {
		if n != 0 {
			t.Errorf("the BMC's genuine push was dropped: %s = %d", reason, n)
		}
	}
	if err := r.Unsubscribe(ctx, sub); err != nil {
		t.Errorf("Unsubscribe(%s): %v", sub.URI, err)
	}
	if _, ok := sim.Resource(sub.URI); ok {
		t.Errorf("the BMC kept subscription %s after Unsubscribe", sub.URI)
	}
	if n := rc.registrations(); n != 0 {
		t.Errorf("the Receiver kept %d registrations after Unsubscribe", n)
	}
	scancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("StreamSSE after cancel = %v", err)
	}
}

func errEOF() error { return io.EOF }

// TestSubscriptionLifecycle: a tagged Receiver's subscription carries
// "vigil TAG ID"; CheckSubscription sees it while the BMC keeps it and
// says ErrSubscriptionGone once the BMC dropped it or changed its
// Context; Subscriptions lists every subscription with its Context but no
// Destination; DeleteSubscription and Unsubscribe of one already gone are
// no errors.
func TestSubscriptionLifecycle(t *testing.T) {
	rc, dest := newPushServer(t, ReceiverConfig{Tag: "h1"})
	sim := startSim(t, redfishsim.Config{PushRootCAs: dest})
	r := newReader(sim, nil)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	sub, err := r.Subscribe(ctx, rc, func([]sensors.Event) {})
	if err != nil {
		t.Fatal(err)
	}
	if want := "vigil h1 " + sub.ID; sub.Context != want || rc.ContextPrefix() != "vigil h1 " {
		t.Errorf("Context = %q (prefix %q), want %q", sub.Context, rc.ContextPrefix(), want)
	}
	if err := r.CheckSubscription(ctx, sub); err != nil {
		t.Errorf("CheckSubscription of a live subscription: %v", err)
	}
	subs, err := r.Subscriptions(ctx)
	if err != nil || len(subs) != 1 || subs[0].URI != sub.URI || subs[0].Context != sub.Context || subs[0].SubscriptionType != "RedfishEvent" {
		t.Fatalf("Subscriptions = %+v, %v", subs, err)
	}
	if err := sim.Mutate(sub.URI, func(o map[string]any) { o["Context"] = "someone else" }); err != nil {
		t.Fatal(err)
	}
	if err := r.CheckSubscription(ctx, sub); !errors.Is(err, ErrSubscriptionGone) {
		t.Errorf("CheckSubscription after the Context changed = %v, want ErrSubscriptionGone", err)
	}
	if err := r.DeleteSubscription(ctx, sub.URI); err != nil {
		t.Fatal(err)
	}
	if _, ok := sim.Resource(sub.URI); ok {
		t.Errorf("DeleteSubscription left %s", sub.URI)
	}
	if err := r.CheckSubscription(ctx, sub); !errors.Is(err, ErrSubscriptionGone) {
		t.Errorf("CheckSubscription after a delete = %v, want ErrSubscriptionGone", err)
	}
	if err := r.DeleteSubscription(ctx, sub.URI); err != nil {
		t.Errorf("DeleteSubscription of one already gone = %v", err)
	}
	if err := r.Unsubscribe(ctx, sub); err != nil {
		t.Errorf("Unsubscribe of one the BMC dropped = %v", err)
	}
	if _, err := NewReceiver(ReceiverConfig{URL: "https://127.0.0.1:1/x", Tag: "two words"}); err == nil {
		t.Error("NewReceiver took a tag with a space")
	}
}
