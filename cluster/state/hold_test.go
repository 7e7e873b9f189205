package state

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

// TestHoldVM: a hold applies to the unplaced VM at its generation only,
// every reader sees it, a placement with an owner lifts it, and its entry
// carries IgnoreUnknownFlag (an older build skips it).
func TestHoldVM(t *testing.T) {
	a := newApplier()
	a.must(t, regHost("h1", 1), createVM("vm1", 1))
	a.must(t, &Place{Placements: []Placement{{VM: "vm1", Generation: 0, Owner: "h1"}}})
	hold := Hold{Reason: "failed to start 3 times", Host: "h1", Since: t0, Until: t0.Add(10 * time.Minute)}
	if _, err := a.apply(&HoldVM{VM: "vm1", Generation: 1, Hold: hold}); !errors.Is(err, ErrVMPlaced) {
		t.Fatalf("hold of a placed VM = %v, want %v", err, ErrVMPlaced)
	}
	a.must(t, &Place{Placements: []Placement{{VM: "vm1", Generation: 1}}})
	cases := []struct {
		name string
		cmd  *HoldVM
		want error
	}{
		{"stale generation", &HoldVM{VM: "vm1", Generation: 1, Hold: hold}, ErrStaleGeneration},
		{"unknown vm", &HoldVM{VM: "vm9", Generation: 2, Hold: hold}, ErrNotFound},
		{"no reason", &HoldVM{VM: "vm1", Generation: 2, Hold: Hold{Since: t0, Until: t0.Add(time.Minute)}}, ErrInvalid},
		{"until before since", &HoldVM{VM: "vm1", Generation: 2, Hold: Hold{Reason: "x", Since: t0, Until: t0}}, ErrInvalid},
		{"generation zero", &HoldVM{VM: "vm1", Hold: hold}, ErrInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := a.apply(tc.cmd); !errors.Is(err, tc.want) {
				t.Fatalf("apply(%+v) = %v, want %v", tc.cmd, err, tc.want)
			}
		})
	}
	a.must(t, &HoldVM{VM: "vm1", Generation: 2, Hold: hold})
	restored := New()
	if err := restored.Restore(bytes.NewReader(snapshotBytes(t, a.s))); err != nil {
		t.Fatal(err)
	}
	if vm, _ := restored.VM("vm1"); vm.Hold == nil || *vm.Hold != hold {
		t.Fatalf("restored from a snapshot: hold %+v, want %+v", vm.Hold, hold)
	}
	vm, _ := a.s.VM("vm1")
	if vm.Hold == nil || *vm.Hold != hold || vm.Generation != 2 || vm.Owner != "" {
		t.Fatalf("VM after the hold = %+v (hold %+v), want held at generation 2, unplaced", vm, vm.Hold)
	}
	vm.Hold.Reason = "changed by a reader"
	if again, _ := a.s.VM("vm1"); again.Hold.Reason != hold.Reason {
		t.Fatal("a reader changed the state's hold")
	}
	a.must(t, &Place{Placements: []Placement{{VM: "vm1", Generation: 2, Owner: "h1"}}})
	if vm, _ := a.s.VM("vm1"); vm.Hold != nil {
		t.Fatalf("hold %+v still set after placing it", vm.Hold)
	}

	entry, err := Encode(&HoldVM{VM: "vm1", Generation: 3, Hold: hold})
	if err != nil {
		t.Fatal(err)
	}
	if MessageType(entry[0]) != HoldVMType|IgnoreUnknownFlag {
		t.Fatalf("type byte %#x, want %#x", entry[0], HoldVMType|IgnoreUnknownFlag)
	}
}
