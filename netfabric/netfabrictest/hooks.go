// Package netfabrictest holds a fake of netfabric.Hooks for unit tests of
// code that migrates VMs (qmp): it records the calls in order and can be told
// to fail one of them. Real netlink behaviour is tested in netfabric itself
// against fresh network namespaces.
package netfabrictest

import (
	"context"
	"sync"

	"github.com/vigil-ha/vigil/netfabric"
)

// Call is one recorded hook call.
type Call struct {
	Hook string // PrepareTarget, AfterSwitchover or AbortTarget
	VM   string
}

// Hooks records calls. Set Err[hook] to make that hook fail.
type Hooks struct {
	mu    sync.Mutex
	calls []Call
	Err   map[string]error
}

var _ netfabric.Hooks = (*Hooks)(nil)

func (h *Hooks) record(ctx context.Context, hook, vm string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls = append(h.calls, Call{hook, vm})
	return h.Err[hook]
}

// PrepareTarget records the call.
func (h *Hooks) PrepareTarget(ctx context.Context, vm string) error {
	return h.record(ctx, "PrepareTarget", vm)
}

// AfterSwitchover records the call.
func (h *Hooks) AfterSwitchover(ctx context.Context, vm string) error {
	return h.record(ctx, "AfterSwitchover", vm)
}

// AbortTarget records the call.
func (h *Hooks) AbortTarget(ctx context.Context, vm string) error {
	return h.record(ctx, "AbortTarget", vm)
}

// Calls returns the calls so far, in order.
func (h *Hooks) Calls() []Call {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Call(nil), h.calls...)
}
