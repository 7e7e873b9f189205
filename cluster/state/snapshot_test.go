package state

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"
)

func snapshotBytes(tb testing.TB, s *State) []byte {
	tb.Helper()
	var buf bytes.Buffer
	n, err := s.Snapshot().WriteTo(&buf)
	if err != nil {
		tb.Fatal(err)
	}
	if n != int64(buf.Len()) {
		tb.Fatalf("WriteTo returned %d, wrote %d bytes", n, buf.Len())
	}
	return buf.Bytes()
}

func TestSnapshotRoundTrip(t *testing.T) {
	a := richState(t)
	data := snapshotBytes(t, a.s)

	restored := New()
	if err := restored.Restore(bytes.NewReader(data)); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	sameView(t, "restored state", viewOf(restored), viewOf(a.s))
	if got, want := restored.Index(), a.s.Index(); got != want {
		t.Errorf("restored Index() = %d, want %d", got, want)
	}
	if again := snapshotBytes(t, restored); !bytes.Equal(again, data) {
		t.Error("snapshot of the restored state differs from the original snapshot")
	}

	// The indexes came back too: MACs are still taken, ownership still
	// checked, and the restored state applies further commands.
	if _, err := restored.ApplyCommand(restored.Index()+1, createVM("dup", 0)); !errors.Is(err, ErrDuplicateMAC) {
		t.Errorf("create with vm0's MAC after restore = %v, want ErrDuplicateMAC", err)
	}
	if _, err := restored.ApplyCommand(restored.Index()+1, &SetHostState{Host: "h1", State: Fencing}); !errors.Is(err, ErrHostOwnsVMs) {
		t.Errorf("fence h1 (owns vm0) after restore = %v, want ErrHostOwnsVMs", err)
	}
	if _, err := restored.ApplyCommand(restored.Index()+1, &Place{Placements: []Placement{{VM: "vm0", Generation: 1, Owner: "h2"}}}); err != nil {
		t.Errorf("place after restore: %v", err)
	}
}

// A snapshot is the state when Snapshot was called, whatever Apply does
// before WriteTo runs.
func TestSnapshotIsPointInTime(t *testing.T) {
	a := richState(t)
	want := viewOf(a.s)
	sn := a.s.Snapshot()
	a.must(t,
		&Place{Placements: []Placement{{VM: "vm0", Generation: 1, Owner: "h2"}, {VM: "vm2", Owner: "h1"}}},
		&SetHostState{Host: "h1", State: Degraded},
		&RenewLease{Holder: "h1", Epoch: 1, Expiry: t0.Add(time.Hour)},
		&SetGroupPolicy{Policy: GroupPolicy{Name: "web"}},
		&DeleteVM{Name: "vm3"},
		regHost("h4", 4),
		&SetHostState{Host: "h4", State: Fencing},
	)
	res := a.must(t, &OpenFence{Target: "h4", By: "h1", Method: "redfish", Started: t0})
	a.must(t, &ConfirmFence{ID: res.FenceID, At: t0.Add(time.Second)})

	var buf bytes.Buffer
	if _, err := sn.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	restored := New()
	if err := restored.Restore(&buf); err != nil {
		t.Fatal(err)
	}
	sameView(t, "snapshot taken before the changes", viewOf(restored), want)
}

func TestRestoreRefusesDamage(t *testing.T) {
	a := richState(t)
	good := snapshotBytes(t, a.s)
	magic := len(snapshotMagic)
	afterMeta := magic + 1 + 2 + int(good[magic+2]) // type byte, 1-byte length, payload
	if good[magic+1] != byte(recMeta) || good[magic+2] >= 0x80 {
		t.Fatalf("snapshot does not start with a short meta record: % x", good[magic:magic+3])
	}
	replace := func(old, new string) []byte {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("snapshot has no %q", old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1)
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "header"},
		{"wrong magic", append([]byte("not-a-snapshot"), good[magic:]...), "not a vigil state snapshot"},
		{"newer version", append(append(good[:magic:magic], 2), good[magic+1:]...), "format version 2"},
		{"trailing data", append(good[:len(good):len(good)], 0), "data after the end record"},
		{"unknown field", replace(`"boot_id"`, `"boot_ix"`), "unknown field"},
		{"invalid record", replace(`"vcpus":2`, `"vcpus":0`), "spec.vcpus"},
		{"owner not a host", replace(`"owner":"h1"`, `"owner":"hx"`), `host "hx"`},
		{"duplicate MAC", replace(`52:54:00:00:00:01`, `52:54:00:00:00:00`), "duplicate MAC"},
		{"record before meta", append(append(good[:magic+1:magic+1], byte(recHost), 2, '{', '}'), good[magic+1:]...), "before the meta record"},
		{"unknown record type", append(append(good[:afterMeta:afterMeta], 0x42, 2, '{', '}'), good[afterMeta:]...), "unknown type 66"},
		{"tables out of order", append(append(good[:afterMeta:afterMeta], append([]byte{byte(recGroup), 12}, `{"name":"g"}`...)...), good[afterMeta:]...), "out of order"},
		{"huge length", append(good[:magic+1:magic+1], 1, 0xff, 0xff, 0xff, 0xff, 0x0f), "over"},
	}
	// Every cut short of the whole stream is refused.
	for cut := 0; cut < len(good); cut += max(1, len(good)/200) {
		cases = append(cases, struct {
			name string
			data []byte
			want string
		}{fmt.Sprintf("cut at %d", cut), good[:cut], ""})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := richState(t).s
			before := viewOf(s)
			err := s.Restore(bytes.NewReader(tc.data))
			if !errors.Is(err, ErrSnapshot) {
				t.Fatalf("Restore = %v, want ErrSnapshot", err)
			}
			if !bytes.Contains([]byte(err.Error()), []byte(tc.want)) {
				t.Errorf("Restore error %q does not say %q", err, tc.want)
			}
			sameView(t, "state after a refused restore", viewOf(s), before)
		})
	}
}
