package state

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

// fuzzCommands seeds the fuzzers: one valid command of each type, as the
// unit tables use them.
func fuzzCommands() []Command {
	return []Command{
		regHost("h4", 4),
		&SetHostState{Host: "h2", State: Degraded, Reason: "fan"},
		&SetHostState{Host: "h2", State: Fencing},
		createVM("vm9", 9),
		&UpdateVM{Spec: spec("vm2", 12), Desired: Stopped},
		&DeleteVM{Name: "vm3"},
		&Place{Placements: []Placement{{VM: "vm2", Generation: 0, Owner: "h2"}, {VM: "vm0", Generation: 1}}},
		&SetGroupPolicy{Policy: GroupPolicy{Name: "db", Routes: []Route{{From: "*", To: "h1"}}, Affinity: Together}},
		&DeleteGroupPolicy{Name: "web"},
		&SetAdmission{Admission: Admission{HostFailures: 2}},
		&OpenFence{Target: "h3", By: "h1", Method: "lease-expiry", Started: t0},
		&ConfirmFence{ID: 13, At: t0.Add(time.Second)},
		&GrantLease{Holder: "h2", PrevEpoch: 1, Expiry: t0.Add(time.Minute)},
		&RenewLease{Holder: "h1", Epoch: 1, Expiry: t0.Add(time.Minute)},
		&RevokeLease{Holder: "h1", Epoch: 1},
	}
}

func fuzzSeeds(f *testing.F) {
	for _, c := range fuzzCommands() {
		b, err := Encode(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(append([]byte{b[0] | byte(IgnoreUnknownFlag)}, b[1:]...))
	}
	for _, s := range []string{"", "\x00", "\x01", "\x01null", "\x01{}", "\x06{\"placements\":[]}", "\x7f{}", "\xff{}",
		"\x01{\"name\":\"h1\"} x", "\x03{\"spec\":{\"name\":\"v\",\"vcpus\":1e9}}", "\x06{\"placements\":[{\"vm\":\"vm0\",\"generation\":-1}]}"} {
		f.Add([]byte(s))
	}
}

// FuzzDecode: the command decoder never panics, and what it accepts encodes
// back to a command it decodes to the same value.
func FuzzDecode(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, entry []byte) {
		cmd, err := Decode(entry)
		if err != nil {
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrUnknownType) && !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrDuplicateMAC) {
				t.Fatalf("Decode error %v matches no sentinel", err)
			}
			return
		}
		b, err := Encode(cmd)
		if err != nil {
			t.Fatalf("Encode(Decode(%q)) = %v", entry, err)
		}
		again, err := Decode(b)
		if err != nil {
			t.Fatalf("Decode(Encode(Decode(%q))) = %v", entry, err)
		}
		b2, err := Encode(again)
		if err != nil || !bytes.Equal(b2, b) {
			t.Fatalf("round trip changed the command:\n got %s (%v)\nwant %s", b2, err, b)
		}
	})
}

// FuzzApply: any entry applied to a populated state either fails and
// changes nothing, or succeeds and leaves a state that snapshots and
// restores to itself, with no generation lower than before.
func FuzzApply(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, entry []byte) {
		a := richState(t)
		before := viewOf(a.s)
		_, err := a.s.Apply(a.idx+1, entry)
		after := viewOf(a.s)
		if err != nil {
			sameView(t, "state after a failed entry", after, before)
			return
		}
		old := map[string]uint64{}
		for _, vm := range before.VMs {
			old[vm.Spec.Name] = vm.Generation
		}
		for _, vm := range after.VMs {
			if g, ok := old[vm.Spec.Name]; ok && vm.Generation < g {
				t.Fatalf("vm %s generation fell from %d to %d", vm.Spec.Name, g, vm.Generation)
			}
		}
		var buf bytes.Buffer
		if _, err := a.s.Snapshot().WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		restored := New()
		if err := restored.Restore(&buf); err != nil {
			t.Fatalf("state after %q does not restore: %v", entry, err)
		}
		sameView(t, "restored", viewOf(restored), after)
	})
}

// FuzzRestore: a snapshot stream (a leader's InstallSnapshot) never panics
// Restore, and a refused one leaves the state alone.
func FuzzRestore(f *testing.F) {
	var buf bytes.Buffer
	if _, err := richState(f).s.Snapshot().WriteTo(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(buf.Bytes()[:len(buf.Bytes())/2])
	f.Add([]byte(snapshotMagic + "\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := New()
		if _, err := s.ApplyCommand(1, regHost("h1", 1)); err != nil {
			t.Fatal(err)
		}
		before := viewOf(s)
		if err := s.Restore(bytes.NewReader(data)); err != nil {
			if !errors.Is(err, ErrSnapshot) {
				t.Fatalf("Restore error %v is not ErrSnapshot", err)
			}
			sameView(t, "after refused restore", viewOf(s), before)
		}
	})
}
