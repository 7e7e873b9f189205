package ipmi

import (
	"context"
	"strconv"
	"testing"
	"time"
)

// TestSELCursorAcrossReaders: against a real ipmi_sim, each run is a new
// Reader given the cursor the previous one left (as `vigil health
// --history` and a restarted agent do). Every SEL record is reported once:
// not again when nothing was logged, nor when an old record is deleted
// (the SEL's erase time moves, but the remembered record is still there),
// and after `sel clear` exactly the records logged since.
func TestSELCursorAcrossReaders(t *testing.T) {
	sim := startSim(t)
	cfg, pwFile := simConfig(t, sim)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var cursor SELCursor
	run := func(what string, want int) {
		t.Helper()
		r := NewWithCursor(cfg, cursor)
		defer r.Close()
		p := poll(t, r)
		if len(p.Events) != want {
			var ids []string
			for _, ev := range p.Events {
				ids = append(ids, ev.ID)
			}
			t.Errorf("%s: %d SEL events %v, want %d (cursor before %+v)", what, len(p.Events), ids, want, cursor)
		}
		cursor = r.Cursor()
	}
	for range 3 {
		if err := sim.RaiseECC(ctx, true); err != nil {
			t.Fatal(err)
		}
	}
	run("first run", 3)
	run("second run, nothing logged", 0)

	ipmitool(t, sim, pwFile, "sel", "delete", "1")
	run("after deleting the oldest record", 0)
	if err := sim.RaiseECC(ctx, true); err != nil {
		t.Fatal(err)
	}
	run("one more record", 1)

	ipmitool(t, sim, pwFile, "sel", "clear")
	run("after sel clear", 0)
	for range 2 {
		if err := sim.RaiseECC(ctx, true); err != nil {
			t.Fatal(err)
		}
	}
	run("two records after the clear", 2)
	run("and again nothing", 0)
	if cursor.LastID == 0 || !cursor.Valid {
		t.Errorf("final cursor %+v does not remember a record", cursor)
	}
	t.Logf("final cursor: last record %s, stamp %d, %d marks", strconv.Itoa(int(cursor.LastID)), cursor.Stamp, len(cursor.Marks))
}
