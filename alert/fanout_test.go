package alert_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/alert/alerttest"
)

// generous bounds what "at once" means on a loaded machine: a hang shows
// up as this, never a slow but correct run.
const generous = 30 * time.Second

func ev(seq uint64) alert.Event {
	return alert.Event{Seq: seq, Kind: "risk", Host: "h1", Message: fmt.Sprintf("event %d", seq)}
}

// waitFor polls cond until it holds or generous passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(generous)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func seqs(evs []alert.Event) []uint64 {
	var out []uint64
	for _, e := range evs {
		out = append(out, e.Seq)
	}
	return out
}

func TestFanoutDeliversEveryEventToEverySinkInOrder(t *testing.T) {
	a, b := alerttest.New("a"), alerttest.New("b")
	f := alert.NewFanout(alert.Options{}, a, b)
	for i := uint64(1); i <= 100; i++ {
		f.Publish(ev(i))
	}
	if err := f.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*alerttest.Sink{a, b} {
		got := s.Events()
		if len(got) != 100 {
			t.Fatalf("sink %s got %d events, want 100", s.Name(), len(got))
		}
		for i, e := range got {
			if e.Seq != uint64(i+1) || e.Dropped != 0 {
				t.Fatalf("sink %s event %d = seq %d dropped %d, want seq %d dropped 0", s.Name(), i, e.Seq, e.Dropped, i+1)
			}
		}
		if !s.Closed() {
			t.Errorf("sink %s not closed by Close", s.Name())
		}
	}
	for _, st := range f.Stats() {
		if st.Delivered != 100 || st.Dropped != 0 || st.Failed != 0 || st.Queued != 0 || st.Capacity != alert.DefaultQueue {
			t.Errorf("stats %+v, want 100 delivered, none lost, queue %d", st, alert.DefaultQueue)
		}
	}
	f.Publish(ev(101)) // after Close: ignored, no panic
}

// A sink that hangs never blocks Publish: its queue fills, the rest is
// dropped and counted for that sink only, and the next event it is handed
// says how many it lost.
func TestFanoutHungSinkNeverBlocksAndReportsDrops(t *testing.T) {
	const queue, total = 8, 1000
	hung, fine := alerttest.New("hung"), alerttest.New("fine")
	starts := make(chan uint64, total)
	hung.Block(starts)
	f := alert.NewFanout(alert.Options{Queue: queue, SendTimeout: time.Hour}, hung, fine)
	defer f.Close(context.Background())
	defer hung.Unblock()

	f.Publish(ev(1))
	select { // event 1 is in the sink's Send, out of the queue
	case <-starts:
	case <-time.After(generous):
		t.Fatal("the sink never got event 1")
	}
	done := make(chan struct{})
	go func() {
		for i := uint64(2); i <= total; i++ {
			f.Publish(ev(i))
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(generous):
		t.Fatal("Publish blocked behind a hung sink")
	}
	// The other sink is not held up: it works through what its own
	// queue took.
	waitFor(t, "the other sink to drain its queue", func() bool {
		st := f.Stats()[1]
		return st.Queued == 0 && st.Delivered+st.Dropped == total && len(fine.Events()) == int(st.Delivered)
	})

	wantDropped := uint64(total - 1 - queue)
	st := f.Stats()
	if st[0].Dropped != wantDropped || st[0].Queued != queue || st[0].Delivered != 0 {
		t.Fatalf("stats %+v, want hung: %d dropped, %d queued, none delivered", st, wantDropped, queue)
	}
	hung.Unblock()
	waitFor(t, "the hung sink to catch up", func() bool { return len(hung.Events()) == 1+queue })
	got := hung.Events()
	if want := []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9}; fmt.Sprint(seqs(got)) != fmt.Sprint(want) {
		t.Fatalf("hung sink got %v, want %v", seqs(got), want)
	}
	for _, e := range got {
		if e.Dropped != 0 {
			t.Errorf("event %d reports %d dropped before it, want 0 (the drops came after it)", e.Seq, e.Dropped)
		}
	}
	f.Publish(ev(total + 1))
	waitFor(t, "the event after the drops", func() bool { return len(hung.Events()) == 2+queue })
	if last := hung.Events()[1+queue]; last.Seq != total+1 || last.Dropped != wantDropped {
		t.Errorf("next event = seq %d dropped %d, want seq %d dropped %d", last.Seq, last.Dropped, total+1, wantDropped)
	}
}

// A failed Send loses that event for the sink: counted, and reported with
// the next one, together with any drops carried by the failed event.
func TestFanoutFailedSendIsReportedWithTheNext(t *testing.T) {
	s := alerttest.New("s")
	s.FailSeq(2, errors.New("receiver said no"))
	s.FailSeq(3, errors.New("receiver said no"))
	f := alert.NewFanout(alert.Options{}, s)
	for i := uint64(1); i <= 4; i++ {
		f.Publish(ev(i))
	}
	if err := f.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := s.Events()
	if len(got) != 2 || got[0].Seq != 1 || got[1].Seq != 4 || got[1].Dropped != 2 {
		t.Fatalf("events %+v, want 1 and then 4 reporting 2 lost", got)
	}
	if st := f.Stats()[0]; st.Failed != 2 || st.Delivered != 2 || st.Dropped != 0 {
		t.Errorf("stats %+v, want 2 failed, 2 delivered", st)
	}
}

// patient is a sink that waits for its receiver as long as the fan-out
// runs.
type patient struct{ *alerttest.Sink }

func (patient) SendTimeout() time.Duration { return 0 }

// SendTimeout bounds an impatient sink's Send; a Patient sink waits until
// Close, and Close's deadline then cancels it.
func TestFanoutSendTimeoutAndPatientSinks(t *testing.T) {
	slow, waits := alerttest.New("slow"), patient{alerttest.New("waits")}
	slow.Block(nil)
	waits.Block(nil)
	f := alert.NewFanout(alert.Options{SendTimeout: 50 * time.Millisecond}, slow, waits)
	f.Publish(ev(1))
	waitFor(t, "the impatient sink's Send to time out", func() bool { return f.Stats()[0].Failed == 1 })
	time.Sleep(200 * time.Millisecond) // four times the timeout
	if st := f.Stats()[1]; st.Failed != 0 {
		t.Fatalf("patient sink failed after %v: %+v", 200*time.Millisecond, st)
	}
	f.Publish(ev(2))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := f.Close(ctx)
	if err == nil || time.Since(start) > generous {
		t.Fatalf("Close with a hung patient sink = %v after %v, want an error naming the events left", err, time.Since(start))
	}
	t.Logf("Close: %v", err)
	if !slow.Closed() || !waits.Closed() {
		t.Error("sinks not closed")
	}
}

// reporting is a sink with counters of its own.
type reporting struct{ *alerttest.Sink }

func (reporting) Report() map[string]uint64 { return map[string]uint64{"reconnects": 3} }

func TestFanoutStatsCarrySinkCounters(t *testing.T) {
	f := alert.NewFanout(alert.Options{}, reporting{alerttest.New("r")}, alerttest.New("plain"))
	defer f.Close(context.Background())
	st := f.Stats()
	if st[0].Counters["reconnects"] != 3 || st[1].Counters != nil {
		t.Errorf("stats %+v, want the reporting sink's counters only", st)
	}
}
