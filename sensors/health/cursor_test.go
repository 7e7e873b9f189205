package health

import (
	"errors"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/store/storetest"
)

// TestUpdateWritesCursorsWithSamples: the cursors given to Update land in
// the store with the poll's samples; two events of one kind in the same
// second stay two samples; a history that cannot keep cursors refuses them
// and records nothing.
func TestUpdateWritesCursorsWithSamples(t *testing.T) {
	st := storetest.Open(t, store.Options{NoSync: true})
	p := New(Config{Prefix: "h/"}, st)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	ecc := sensors.Event{Source: sensors.SourceIPMI, Component: "DIMM ECC", State: "Correctable ECC", Asserted: true, Time: now.Add(-time.Minute)}
	v := 40.0
	poll := &sensors.Poll{Time: now, Events: []sensors.Event{ecc, ecc}, Readings: []sensors.Reading{{Source: sensors.SourceIPMI,
		Component: "CPU", Name: "CPU Temp", Kind: sensors.KindTemperature, Value: &v, Time: now}}}
	cur := store.Cursor{Source: "ipmi:bmc:623/sel", SEL: &store.SELCursor{Valid: true, LastID: 2}}
	if _, err := p.Update(poll, cur); err != nil {
		t.Fatal(err)
	}
	if got, err := st.Cursor(cur.Source); err != nil || got.SEL.LastID != 2 {
		t.Errorf("cursor after Update = %+v, %v; want LastID 2", got.SEL, err)
	}
	if smp, _ := st.Samples("h/event/DIMM ECC/Correctable ECC"); len(smp) != 2 {
		t.Errorf("two ECC events in one second: %d samples, want 2", len(smp))
	}

	mem := NewMemHistory(16)
	if _, err := New(Config{}, mem).Update(poll, cur); !errors.Is(err, ErrNoCursors) {
		t.Errorf("Update with cursors on a MemHistory = %v, want ErrNoCursors", err)
	}
	if keys, _ := mem.SampleKeys(); len(keys) != 0 {
		t.Errorf("refused Update recorded %q", keys)
	}
}
