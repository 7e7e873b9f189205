package clusterhost

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "vigil.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func appendEvent(t *testing.T, st *store.Store, kind, subject, evidence string) uint64 {
	t.Helper()
	seq, err := st.Append(store.Event{Time: time.Now(), Kind: kind, Subject: subject, Message: kind + " " + subject, Evidence: evidence})
	if err != nil {
		t.Fatal(err)
	}
	return seq
}

// TestDecisionsAfter: a host serves the decisions it took as leader, not
// its other events nor its copies of a peer's, and the cursor moves past
// everything scanned; a cursor beyond its log gets the newest sequence
// number back (the log started over).
func TestDecisionsAfter(t *testing.T) {
	st := openStore(t)
	appendEvent(t, st, "agent-started", "h1", `{}`)
	dead := appendEvent(t, st, "dead", "h2", `{"leader":"h1"}`)
	appendEvent(t, st, "started", "vm1", `{"host":"h1"}`)
	appendEvent(t, st, "fence", "h3", `{"leader":"h2","recorded_by":"h2","recorded_seq":7}`)
	placed := appendEvent(t, st, "placed", "vm2", `{"leader":"h1","host":"h3"}`)
	last := appendEvent(t, st, "risk", "h1", `{"component":"FAN1","risk":"low"}`)

	r, err := decisionsAfter(st, "h1", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Events) != 2 || r.Events[0].Seq != dead || r.Events[1].Seq != placed || r.Next != last || r.More {
		t.Errorf("decisionsAfter(0) = %+v, want seqs %d and %d, next %d", r, dead, placed, last)
	}
	if r, _ := decisionsAfter(st, "h1", last); len(r.Events) != 0 || r.Next != last {
		t.Errorf("decisionsAfter(%d) = %+v, want none, next %d", last, r, last)
	}
	if r, _ := decisionsAfter(st, "h1", last+100); r.Next != last {
		t.Errorf("decisionsAfter(%d) = %+v, want next %d (the newest: the asker's cursor is from an older log)", last+100, r, last)
	}
	if r, _ := decisionsAfter(st, "h2", 0); len(r.Events) != 0 {
		t.Errorf("decisionsAfter for h2 = %+v, want none: h2's decision here is a copy", r)
	}
}

// TestCopyOf: a copy keeps the event and names its recorder and sequence
// number, which copiedCursors finds again.
func TestCopyOf(t *testing.T) {
	ev := store.Event{Seq: 42, Time: time.Now(), Kind: "fence-confirmed", Subject: "h3", Message: "fence 1", Evidence: `{"leader":"h2"}`}
	cp := copyOf("h2", ev)
	var e map[string]any
	if err := json.Unmarshal([]byte(cp.Evidence), &e); err != nil || e["leader"] != "h2" || e[CopiedFrom] != "h2" || e[CopiedSeq] != float64(42) {
		t.Errorf("copyOf evidence = %s, %v; want leader, %s and %s", cp.Evidence, err, CopiedFrom, CopiedSeq)
	}
	if cp.Kind != ev.Kind || cp.Subject != ev.Subject || cp.Message != ev.Message || !cp.Time.Equal(ev.Time) || cp.Seq != 0 {
		t.Errorf("copyOf = %+v, want %+v without its seq", cp, ev)
	}
	if decidedBy(cp) != "" {
		t.Errorf("decidedBy(a copy) = %q, want \"\": copies are not served on", decidedBy(cp))
	}
	text := copyOf("h2", store.Event{Seq: 3, Kind: "fence", Subject: "h3", Evidence: "target=h3 level=ipmi"})
	if err := json.Unmarshal([]byte(text.Evidence), &e); err != nil || e["text"] != "target=h3 level=ipmi" {
		t.Errorf("copyOf(text evidence) = %s, %v", text.Evidence, err)
	}

	st := openStore(t)
	for _, c := range []store.Event{cp, copyOf("h2", store.Event{Seq: 40, Kind: "dead", Subject: "h3", Evidence: `{"leader":"h2"}`}),
		copyOf("h1", store.Event{Seq: 5, Kind: "dead", Subject: "h3", Evidence: `{"leader":"h1"}`})} {
		if _, err := st.Append(c); err != nil {
			t.Fatal(err)
		}
	}
	got, err := copiedCursors(st)
	if err != nil || len(got) != 2 || got["h2"] != 42 || got["h1"] != 5 {
		t.Errorf("copiedCursors = %v, %v; want h2 42, h1 5", got, err)
	}
}
