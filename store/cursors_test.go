package store_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/store/storetest"
	bolt "go.etcd.io/bbolt"
)

func selCursor(src string, last uint16) store.Cursor {
	return store.Cursor{Source: src, Updated: t0, SEL: &store.SELCursor{Valid: true, LastID: last, LastSum: 0xdeadbeef,
		Stamp: 1_800_000_000, Marks: []store.SELMark{{ID: last, Sum: 0xdeadbeef}}, Entries: 3, Added: t0, Erased: t0}}
}

func logCursor(src string) store.Cursor {
	return store.Cursor{Source: src, Updated: t0, Log: &store.LogCursor{Floor: t0,
		Recent: []store.LogMark{{Key: "7", Created: t0}, {Key: "8", Created: t0.Add(time.Second)}}, Known: []string{"7", "8"}, Members: 8}}
}

// TestCursorsSurviveReopen: cursors written with the samples of their
// events are read back after the file is closed and opened again.
func TestCursorsSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vigil.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Cursor("ipmi:bmc:623/sel"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Cursor(unknown) = %v, want ErrNotFound", err)
	}
	sel, lg := selCursor("ipmi:bmc:623/sel", 41), logCursor("redfish:https://bmc/redfish/v1/Managers/1/LogServices/SEL")
	batches := []store.Batch{
		{Time: t0, Values: map[string]float64{"h/ev/DIMM/Correctable ECC": 1}},
		{Time: t0.Add(time.Second), Values: map[string]float64{"h/ev/DIMM/Correctable ECC": 1, "h/FAN1": 5000}},
	}
	if err := s.AppendBatches(batches, sel, lg); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	got, err := s.Cursor(sel.Source)
	if err != nil || !sameJSON(got, sel) {
		t.Errorf("Cursor(%s) after reopen = %+v, %v; want %+v", sel.Source, got, err, sel)
	}
	all, err := s.Cursors()
	if err != nil || len(all) != 2 || !sameJSON(all[1], lg) {
		t.Errorf("Cursors() = %+v, %v; want both, ordered by source", all, err)
	}
	if smp, _ := s.Samples("h/ev/DIMM/Correctable ECC"); len(smp) != 2 {
		t.Errorf("samples written with the cursors: %d, want 2", len(smp))
	}
	if err := s.DeleteCursor(sel.Source); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Cursor(sel.Source); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Cursor after DeleteCursor = %v, want ErrNotFound", err)
	}
}

// TestBadCursorWritesNothing: an invalid cursor is refused with an error
// naming it, and neither it nor the samples of its batch are written.
func TestBadCursorWritesNothing(t *testing.T) {
	many := make([]string, store.MaxLogKnown+1)
	for i := range many {
		many[i] = fmt.Sprint(i)
	}
	cases := []struct {
		name string
		c    store.Cursor
		want string
	}{
		{"no source", store.Cursor{SEL: &store.SELCursor{}}, "cursor source"},
		{"neither kind", store.Cursor{Source: "x"}, "exactly one of"},
		{"both kinds", store.Cursor{Source: "x", SEL: &store.SELCursor{}, Log: &store.LogCursor{}}, "exactly one of"},
		{"reserved id", store.Cursor{Source: "x", SEL: &store.SELCursor{Valid: true, LastID: 0xffff}}, "reserved"},
		{"position without a read", store.Cursor{Source: "x", SEL: &store.SELCursor{LastID: 4}}, "without a read"},
		{"marks over the bound", store.Cursor{Source: "x", SEL: &store.SELCursor{Valid: true,
			Marks: make([]store.SELMark, store.MaxSELMarks+1)}}, "limit"},
		{"known over the bound", store.Cursor{Source: "x", Log: &store.LogCursor{Known: many}}, "limit"},
		{"entry before the floor", store.Cursor{Source: "x", Log: &store.LogCursor{Floor: t0,
			Recent: []store.LogMark{{Key: "1", Created: t0.Add(-time.Second)}}}}, "before the floor"},
		{"recent out of order", store.Cursor{Source: "x", Log: &store.LogCursor{Floor: t0,
			Recent: []store.LogMark{{Key: "2", Created: t0.Add(time.Second)}, {Key: "1", Created: t0}}}}, "out of order"},
		{"empty key", store.Cursor{Source: "x", Log: &store.LogCursor{Known: []string{""}}}, "entry key"},
	}
	s := storetest.Open(t, store.Options{NoSync: true})
	for _, c := range cases {
		err := s.AppendBatches([]store.Batch{{Time: t0, Values: map[string]float64{"k": 1}}}, c.c)
		if !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: AppendBatches = %v, want ErrInvalid mentioning %q", c.name, err, c.want)
		}
	}
	if smp, _ := s.Samples("k"); len(smp) != 0 {
		t.Errorf("refused batches wrote %d samples", len(smp))
	}
	if all, _ := s.Cursors(); len(all) != 0 {
		t.Errorf("refused cursors were written: %+v", all)
	}
}

// TestCheckFindsBadCursor: a cursor damaged on disk (over its bound, or
// filed under another source's key) fails Check and is ErrCorrupt to Cursor.
func TestCheckFindsBadCursor(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vigil.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.PutCursor(selCursor("a", 3), selCursor("b", 4)); err != nil {
		t.Fatal(err)
	}
	marks := strings.Repeat(`{"id":1,"sum":1},`, store.MaxSELMarks+1)
	s.DB().Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("cursors"))
		b.Put([]byte("a"), []byte("\x01"+`{"source":"a","updated":"2026-11-22T01:00:00Z","sel":{"valid":true,"last_id":3,"last_sum":0,"stamp":0,"marks":[`+
			strings.TrimSuffix(marks, ",")+`],"entries":0,"added":"0001-01-01T00:00:00Z","erased":"0001-01-01T00:00:00Z"}}`))
		return b.Put([]byte("c"), b.Get([]byte("b")))
	})
	err = s.Check()
	for _, want := range []string{"cursors/61", "limit", "cursors/63", `key names cursor "c", record "b"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check() = %v, want it to mention %q", err, want)
		}
	}
	if _, err := s.Cursor("a"); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("Cursor(damaged) = %v, want ErrCorrupt", err)
	}
}

func TestMigrationFromV2KeepsSamples(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vigil.db")
	old, err := store.OpenAt(path, store.Options{}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.AppendSample("k", t0, 1); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Fatalf("Check after migration from 2: %v", err)
	}
	if smp, _ := s.Samples("k"); len(smp) != 1 {
		t.Errorf("samples after migration: %d, want 1", len(smp))
	}
	if err := s.PutCursor(selCursor("ipmi:bmc:623/sel", 1)); err != nil {
		t.Errorf("cursor after migration: %v", err)
	}
}

// sameJSON compares records as the store keeps them (JSON drops monotonic
// clock readings and locations).
func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
