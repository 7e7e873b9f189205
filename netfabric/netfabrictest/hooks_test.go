package netfabrictest

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func TestHooksRecordAndFail(t *testing.T) {
	boom := errors.New("boom")
	h := &Hooks{Err: map[string]error{"AfterSwitchover": boom}}
	ctx := context.Background()
	if err := h.PrepareTarget(ctx, "vm1"); err != nil {
		t.Fatalf("PrepareTarget = %v", err)
	}
	if err := h.AfterSwitchover(ctx, "vm1"); !errors.Is(err, boom) {
		t.Fatalf("AfterSwitchover = %v, want boom", err)
	}
	if err := h.AbortTarget(ctx, "vm2"); err != nil {
		t.Fatalf("AbortTarget = %v", err)
	}
	want := []Call{{"PrepareTarget", "vm1"}, {"AfterSwitchover", "vm1"}, {"AbortTarget", "vm2"}}
	if got := h.Calls(); !slices.Equal(got, want) {
		t.Fatalf("Calls() = %v, want %v", got, want)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := h.PrepareTarget(cctx, "vm3"); !errors.Is(err, context.Canceled) || len(h.Calls()) != 3 {
		t.Fatalf("PrepareTarget(cancelled) = %v, calls %d", err, len(h.Calls()))
	}
}
