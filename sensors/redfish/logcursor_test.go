package redfish

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// entry is one log entry as a walk sees it: key and Created (zero: none).
type entry struct {
	key     string
	created time.Time
}

// walkLog runs one tracker over a log's entries and returns the keys it
// reports and the cursor after them, checked as the store would.
func walkLog(t *testing.T, old *LogCursor, log []entry) ([]string, LogCursor) {
	t.Helper()
	tr := newLogTracker(old, len(log))
	var got []string
	for _, e := range log {
		if tr.add(e.key, e.created, !e.created.IsZero()) {
			got = append(got, e.key)
		}
	}
	c := tr.cursor()
	if err := (&store.Cursor{Source: "redfish:test", Log: &c}).Validate(); err != nil {
		t.Fatalf("cursor the store would refuse: %v", err)
	}
	return got, c
}

// TestLogTrackerCountsEachEntryOnce: across walks, a cleared log whose Ids
// start over, entries created in the same second, an entry logged late
// (created before the newest read, within the slack), undated entries and
// a log far longer than the cursor's bounds, every entry is reported once.
func TestLogTrackerCountsEachEntryOnce(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	at := func(sec int) time.Time { return t0.Add(time.Duration(sec) * time.Second) }
	type walk struct {
		log  []entry
		want []string
	}
	cases := []struct {
		name  string
		walks []walk
	}{
		{"incremental", []walk{
			{[]entry{{"1", at(0)}, {"2", at(0)}}, []string{"1", "2"}},
			{[]entry{{"1", at(0)}, {"2", at(0)}}, nil},
			{[]entry{{"1", at(0)}, {"2", at(0)}, {"3", at(0)}, {"4", at(5)}}, []string{"3", "4"}},
		}},
		{"cleared, Ids start over", []walk{
			{[]entry{{"1", at(0)}, {"2", at(1)}, {"3", at(2)}}, []string{"1", "2", "3"}},
			{[]entry{{"1", at(100)}, {"2", at(101)}}, []string{"1", "2"}},
			{[]entry{{"1", at(100)}, {"2", at(101)}}, nil},
		}},
		{"cleared in the same second, Ids start over", []walk{
			{[]entry{{"1", at(0)}, {"2", at(0)}}, []string{"1", "2"}},
			{[]entry{{"1", at(1)}}, []string{"1"}},
		}},
		{"logged late, within the slack", []walk{
			{[]entry{{"1", at(0)}, {"3", at(30)}}, []string{"1", "3"}},
			{[]entry{{"1", at(0)}, {"2", at(20)}, {"3", at(30)}}, []string{"2"}},
		}},
		{"old entries long before the newest", []walk{
			{[]entry{{"1", at(0)}, {"2", at(600)}}, []string{"1", "2"}},
			{[]entry{{"1", at(0)}, {"2", at(600)}, {"5", at(601)}}, []string{"5"}},
		}},
		{"undated entries", []walk{
			{[]entry{{"a", time.Time{}}, {"b", time.Time{}}}, []string{"a", "b"}},
			{[]entry{{"a", time.Time{}}, {"b", time.Time{}}, {"c", time.Time{}}}, []string{"c"}},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var cur *LogCursor
			for i, w := range c.walks {
				got, next := walkLog(t, cur, w.log)
				if !slices.Equal(got, w.want) {
					t.Errorf("walk %d reported %v, want %v (cursor %+v)", i+1, got, w.want, cur)
				}
				cur = &next
			}
		})
	}

	t.Run("a long log in one burst stays within the bounds", func(t *testing.T) {
		var log []entry
		for i := range 3000 {
			log = append(log, entry{fmt.Sprint(i + 1), at(i / 100)}) // 100 a second
		}
		got, c := walkLog(t, nil, log[:2000])
		if len(got) != 2000 || len(c.Recent) > store.MaxLogRecent || len(c.Known) > store.MaxLogKnown {
			t.Fatalf("first walk: %d new, cursor %d recent, %d known", len(got), len(c.Recent), len(c.Known))
		}
		// The log wrapped: its oldest 1000 entries are gone, 1000 new.
		got, c = walkLog(t, &c, log[1000:])
		if len(got) != 1000 || got[0] != "2001" {
			t.Errorf("after the log wrapped: %d new from %v, want 1000 from 2001", len(got), got[:min(3, len(got))])
		}
		if got, _ = walkLog(t, &c, log[1000:]); len(got) != 0 {
			t.Errorf("walk without new entries reported %d", len(got))
		}
		// More than MaxLogRecent entries a second: the floor passed
		// second 27, whose entries Known tells apart. One more logged in
		// that second after the read is new.
		if !c.Floor.After(at(27)) || c.Floor.After(at(28)) {
			t.Fatalf("floor %s, want within second 27 (the test's premise)", c.Floor)
		}
		log = append(log, entry{"3001", at(27)})
		if got, _ = walkLog(t, &c, log[1000:]); !slices.Equal(got, []string{"3001"}) {
			t.Errorf("an entry logged in a burst's second below the floor: reported %v, want [3001]", got)
		}
	})
}

// TestLogCursorAcrossReaders: against the Redfish simulator, each run is a
// new Reader given the cursors the previous one left (as `vigil health
// --history` and a restarted agent do). Every SEL entry is reported once:
// not again when nothing was logged, after ClearLog exactly the entries
// logged since, and when the log wraps at 1000 entries the cursor stays
// within its bounds.
func TestLogCursorAcrossReaders(t *testing.T) {
	sim := startSim(t, redfishsim.Config{})
	var cursors map[string]LogCursor
	selEvents := func(p *sensors.Poll) int {
		n := 0
		for _, ev := range p.Events {
			if strings.HasPrefix(ev.Message, "vigil-test ") {
				n++
			}
		}
		return n
	}
	run := func(what string, want int) {
		t.Helper()
		r := newReader(sim, nil)
		defer r.Close()
		r.SetCursors(cursors)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		p, err := r.Poll(ctx)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if got := selEvents(p); got != want {
			t.Errorf("%s: %d log entries reported, want %d", what, got, want)
		}
		cursors = r.Cursors()
		for svc, c := range cursors {
			if err := (&store.Cursor{Source: "redfish:" + svc, Log: &c}).Validate(); err != nil {
				t.Errorf("%s: cursor of %s: %v", what, svc, err)
			}
		}
	}
	add := func(n int) {
		t.Helper()
		for i := range n {
			if err := sim.AddLogEntry(redfishsim.LogEntry{Severity: "Warning", Message: fmt.Sprintf("vigil-test %d", i)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	add(3)
	run("first run", 3)
	run("second run, nothing logged", 0)
	add(2)
	run("two more entries", 2)

	user, pw := sim.Credentials()
	req, _ := http.NewRequest("POST", sim.URL()+sim.SELPath()+"/Actions/LogService.ClearLog", strings.NewReader("{}"))
	req.SetBasicAuth(user, pw)
	req.Header.Set("Content-Type", "application/json")
	resp, err := sim.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		t.Fatalf("ClearLog: %s", resp.Status)
	}
	run("after ClearLog", 0)
	add(2)
	run("two entries after the clear", 2)

	add(1100) // the simulator keeps the newest 1000
	run("1100 entries into a log of 1000", 1000)
	run("and again nothing", 0)
	c := cursors[sim.SELPath()]
	t.Logf("cursor after 1000 entries: %d recent, %d known, floor %s", len(c.Recent), len(c.Known), c.Floor.Format(time.RFC3339))
}

// FuzzLogTracker walks arbitrary logs (keys and Created times, some
// undated, repeated or out of order) twice: every cursor it builds must be
// one the store keeps.
func FuzzLogTracker(f *testing.F) {
	f.Add([]byte{1, 10, 2, 10, 3, 0, 1, 10, 200, 255})
	f.Add(make([]byte, 64))
	f.Fuzz(func(t *testing.T, b []byte) {
		t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		var log []entry
		for i := 0; i+1 < len(b); i += 2 {
			e := entry{key: fmt.Sprint(b[i])}
			if b[i+1] != 0 {
				e.created = t0.Add(time.Duration(b[i+1]) * 7 * time.Second)
			}
			log = append(log, e)
		}
		_, c := walkLog(t, nil, log)
		slices.Reverse(log)
		walkLog(t, &c, log)
	})
}
