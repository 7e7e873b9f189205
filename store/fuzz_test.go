package store

import (
	"reflect"
	"testing"
	"time"
)

// Seeds: one valid record of each kind and the damaged shapes the unit
// tests use.
func fuzzSeeds(f *testing.F, valid ...any) {
	for _, v := range valid {
		b, err := encode(v)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte{})
	f.Add([]byte("garbage"))
	f.Add([]byte("\x01{}"))
	f.Add([]byte("\x01{\"id\":\"vm9\",\"pid\":1,\"generation\":0}"))
	f.Add([]byte("\x01{\"id\":1} {\"id\":2}"))
	f.Add([]byte("\x02{}"))
}

var seedTime = time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC)

// roundTrip checks that a record the decoder accepted encodes and decodes to
// the same value.
func roundTrip[T any](t *testing.T, v T, dec func([]byte) (T, error)) {
	b, err := encode(&v)
	if err != nil {
		t.Fatalf("re-encode accepted record: %v", err)
	}
	again, err := dec(b)
	if err != nil {
		t.Fatalf("decode(encode(accepted)) = %v", err)
	}
	if !reflect.DeepEqual(normal(v), normal(again)) {
		t.Fatalf("round trip changed the record:\n%+v\n%+v", v, again)
	}
}

// normal strips monotonic/location detail that JSON does not keep.
func normal(v any) any { b, _ := encode(v); return string(b) }

func FuzzDecodeVM(f *testing.F) {
	fuzzSeeds(f, &VMRecord{ID: "vm1", PID: 10, Generation: 2, Started: seedTime, QMPSocket: "/run/q"})
	f.Fuzz(func(t *testing.T, b []byte) {
		if v, err := decodeVM(b); err == nil {
			if v.validate() != nil {
				t.Fatal("accepted an invalid record")
			}
			roundTrip(t, v, decodeVM)
		}
	})
}

func FuzzDecodeIntent(f *testing.F) {
	fuzzSeeds(f, &Intent{ID: 1, Kind: IntentFence, Host: "host-b", Opened: seedTime},
		&Intent{ID: 2, Kind: IntentMigrate, VM: "vm1", Host: "a", Target: "b", Generation: 3, Opened: seedTime})
	f.Fuzz(func(t *testing.T, b []byte) {
		if v, err := decodeIntent(b); err == nil {
			roundTrip(t, v, decodeIntent)
		}
	})
}

func FuzzDecodeEvent(f *testing.F) {
	fuzzSeeds(f, &Event{Seq: 1, Time: seedTime, Kind: "detect", Message: "m", Evidence: "e", EvidenceBytes: 5})
	f.Fuzz(func(t *testing.T, b []byte) {
		if v, err := decodeEvent(b); err == nil {
			roundTrip(t, v, decodeEvent)
		}
	})
}

func FuzzDecodeFence(f *testing.F) {
	fuzzSeeds(f, &FenceRecord{ID: 1, Host: "h", Action: "off", Started: seedTime, Finished: seedTime.Add(time.Second), Confirmed: true, Power: "off",
		Attempts: []FenceAttempt{{Level: "ipmi", Driver: "ipmi", Target: "t", Started: seedTime, Elapsed: time.Second, Power: "off"}}})
	f.Fuzz(func(t *testing.T, b []byte) {
		if v, err := decodeFence(b); err == nil {
			roundTrip(t, v, decodeFence)
		}
	})
}

func FuzzDecodeSample(f *testing.F) {
	f.Add(encodeSample(Sample{Time: seedTime, Value: 42.5}))
	f.Add([]byte{1, 2, 3})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0x7f, 0xf8, 0, 0, 0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := decodeSample(b)
		if err != nil {
			return
		}
		again, err := decodeSample(encodeSample(s))
		if err != nil || again.Value != s.Value || !again.Time.Equal(s.Time) {
			t.Fatalf("sample round trip: %+v -> %+v, %v", s, again, err)
		}
	})
}

func FuzzDecodeCursor(f *testing.F) {
	fuzzSeeds(f,
		&Cursor{Source: "ipmi:bmc:623/sel", Updated: seedTime, SEL: &SELCursor{Valid: true, LastID: 7, LastSum: 9, Stamp: 1_800_000_000,
			Marks: []SELMark{{ID: 6, Sum: 1}, {ID: 7, Sum: 9}}, Entries: 7, Added: seedTime, Erased: seedTime}},
		&Cursor{Source: "redfish:https://bmc/redfish/v1/Managers/1/LogServices/SEL", Updated: seedTime, Log: &LogCursor{Floor: seedTime,
			Recent: []LogMark{{Key: "1", Created: seedTime}, {Key: "2", Created: seedTime}}, Known: []string{"1", "2", "x"}, Members: 3}})
	f.Add([]byte("\x01" + `{"source":"x","updated":"2026-11-22T01:00:00Z","sel":{"valid":false,"last_id":3}}`))
	f.Add([]byte("\x01" + `{"source":"x","updated":"2026-11-22T01:00:00Z","log":{"floor":"2026-11-22T01:00:00Z","recent":[{"key":"1","created":"2020-01-01T00:00:00Z"}]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if v, err := decodeCursor(b); err == nil {
			if v.validate() != nil {
				t.Fatal("accepted an invalid cursor")
			}
			roundTrip(t, v, decodeCursor)
		}
	})
}
