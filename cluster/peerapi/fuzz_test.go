package peerapi

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/vigil-ha/vigil/cluster/state"
)

// Request bodies come from any holder of a cluster certificate: decoding
// them never panics, and what decodes encodes back to an equal value.
// Error bodies come from peers: any kind turns into an error of some class.
func FuzzRequestBodies(f *testing.F) {
	entry, _ := state.Encode(vmCmd("vm1"))
	seeds := []any{
		applyRequest{Entry: entry},
		RenewRequest{Holder: "h1", BootID: "b", Epoch: 3, Seq: 9, Report: json.RawMessage(`{"host":"h1"}`)},
		JoinRequest{ID: "h4", Address: "10.0.0.4:7947", Host: registerCmd("n4")},
		errorReply{Error: &wireError{Kind: "not-leader", Message: "m", LeaderID: "h2", LeaderAddr: "10.0.0.2:7947"}},
		errorReply{Error: &wireError{Kind: "stale-generation", Message: "m"}},
	}
	for _, s := range seeds {
		b, _ := json.Marshal(s)
		f.Add(b)
	}
	f.Add([]byte(`{"entry":"AQ=="} trailing`))
	f.Add([]byte(`{"holder":"h1","unknown":1}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var ar applyRequest
		if decodeJSON(bytes.NewReader(body), &ar, true) == nil {
			if cmd, err := state.Decode(ar.Entry); err == nil {
				if _, err := state.Encode(cmd); err != nil {
					t.Fatalf("decoded command does not encode: %v", err)
				}
			}
		}
		var rr RenewRequest
		if decodeJSON(bytes.NewReader(body), &rr, true) == nil {
			roundTrip(t, &rr, new(RenewRequest))
		}
		var jr JoinRequest
		if decodeJSON(bytes.NewReader(body), &jr, true) == nil {
			roundTrip(t, &jr, new(JoinRequest))
		}
		var er errorReply
		if decodeJSON(bytes.NewReader(body), &er, false) == nil && er.Error != nil {
			if err := er.Error.err("peer"); err == nil {
				t.Fatal("an error reply became a nil error")
			}
		}
	})
}

func roundTrip[T any](t *testing.T, v *T, into *T) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("re-encode %T: %v", v, err)
	}
	if err := decodeJSON(bytes.NewReader(b), into, true); err != nil {
		t.Fatalf("re-decode %T %s: %v", v, b, err)
	}
	if !reflect.DeepEqual(normalize(v), normalize(into)) {
		t.Fatalf("%T round trip changed it: %+v → %+v", v, *v, *into)
	}
}

// normalize re-encodes v, so values equal as JSON compare equal (times
// with different monotonic readings or locations, raw JSON spacing).
func normalize(v any) string {
	b, _ := json.Marshal(v)
	var out any
	json.Unmarshal(b, &out)
	nb, _ := json.Marshal(out)
	return string(nb)
}
