package agent

import (
	"context"
	"slices"
	"testing"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/alert/alerttest"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/sensorstest"
	"github.com/vigil-ha/vigil/store"
)

// TestEventsReachSinksAfterTheAuditLog: every event the agent records
// reaches each alert sink with its audit log Seq, agent-stopped included
// (the sinks are flushed at shutdown), and a sink that hangs holds up
// neither the sensor loop nor the other sinks.
func TestEventsReachSinksAfterTheAuditLog(t *testing.T) {
	newNotifySocket(t, 0)
	cfg := testConfig(t)
	r := &sensorstest.Reader{}
	r.Push(fanPoll(5000))
	r.Push(fanPoll(0))
	good, hung := alerttest.New("good"), alerttest.New("hung")
	hung.Block(nil)
	defer hung.Unblock()
	a, err := New(cfg, Options{Sources: map[string]sensors.Reader{SourceBMC: r}, StoreOptions: store.Options{NoSync: true},
		Sinks: []alert.Sink{good, hung}})
	if err != nil {
		t.Fatal(err)
	}
	stop := running(t, a)
	eventually(t, "the fan's risk at the good sink", func() bool {
		return slices.ContainsFunc(good.Events(), func(e alert.Event) bool { return e.Kind == KindRisk })
	})
	// The loop goes on while the hung sink holds its first event.
	calls := r.Calls()
	eventually(t, "more sensor rounds", func() bool { return r.Calls() >= calls+2 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if !good.Closed() || !hung.Closed() {
		t.Error("sinks not closed at stop")
	}

	s, err := store.Open(cfg.StateDir+"/"+StoreFile, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stored, _ := s.Events(0, 0)
	got := good.Events()
	if len(got) != len(stored) {
		t.Fatalf("good sink got %d events, the audit log has %d", len(got), len(stored))
	}
	for i, e := range got {
		se := stored[i]
		if e.Seq != se.Seq || e.Kind != se.Kind || e.Message != se.Message || e.Host != "h1" || !e.Time.Equal(se.Time) {
			t.Errorf("sink event %d = %+v, audit log %+v", i, e, se)
		}
	}
	if last := got[len(got)-1]; last.Kind != KindAgentStopped {
		t.Errorf("last event at the sink = %s, want %s", last.Kind, KindAgentStopped)
	}
	risk := got[slices.IndexFunc(got, func(e alert.Event) bool { return e.Kind == KindRisk })]
	if risk.Evidence["component"] != "FAN1" || risk.Evidence["source"] != SourceBMC {
		t.Errorf("risk evidence at the sink = %v", risk.Evidence)
	}
}

// TestGenerationReachesSinksAndAuditLog: a VM event's generation is kept
// in the audit log's evidence and handed to the sinks.
func TestGenerationReachesSinksAndAuditLog(t *testing.T) {
	newNotifySocket(t, 0)
	cfg := testConfig(t)
	sink := alerttest.New("s")
	a, err := New(cfg, Options{Sources: map[string]sensors.Reader{SourceKernel: &sensorstest.Reader{}},
		StoreOptions: store.Options{NoSync: true}, Sinks: []alert.Sink{sink}})
	if err != nil {
		t.Fatal(err)
	}
	stop := running(t, a)
	eventually(t, "the agent's start at the sink", func() bool { return len(sink.Events()) > 0 })
	if err := a.events.Record(Event{Kind: "started", VM: "web1", Generation: 7, Message: "web1 started"}); err != nil {
		t.Fatal(err)
	}
	evs, err := a.Events(context.Background(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	last := evs[len(evs)-1]
	if last.VM != "web1" || last.Host != "h1" || string(last.Evidence) != `{"generation":7,"host":"h1"}` {
		t.Errorf("audit log event = %+v evidence %s", last, last.Evidence)
	}
	eventually(t, "the VM event at the sink", func() bool { return len(sink.Events()) >= 2 })
	if e := sink.Events()[1]; e.Generation != 7 || e.VM != "web1" || e.Host != "h1" || e.Seq != last.Seq {
		t.Errorf("sink event = %+v, want generation 7 of web1 on h1, seq %d", e, last.Seq)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}
