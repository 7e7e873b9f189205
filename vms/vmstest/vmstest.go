// Package vmstest holds a fake vms.Runner for unit tests and simulations of
// logic built on vms (the cluster): a Cluster of in-memory hosts that share
// one view of which VM runs where, so a test can check "never twice" after
// every step. It has no goroutines, timers or randomness: the same calls
// give the same results. Failures are injected per call; hosts can crash a
// VM or lose power. Real QEMU is tested in vms itself and in test/.
package vmstest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/vms"
)

// Cluster is a set of fake hosts. Safe for concurrent use.
type Cluster struct {
	mu    sync.Mutex
	hosts map[string]*Host
	twice []string
	// Now stamps Status.Started (default: a fixed epoch, so runs repeat).
	Now func() time.Time
}

// NewCluster returns an empty Cluster.
func NewCluster() *Cluster {
	epoch := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return &Cluster{hosts: map[string]*Host{}, Now: func() time.Time { return epoch }}
}

// Host returns the fake host name, creating it (powered on, empty).
func (c *Cluster) Host(name string) *Host {
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[name]
	if h == nil {
		h = &Host{c: c, name: name, vms: map[string]*fakeVM{}}
		c.hosts[name] = h
	}
	return h
}

// RunningOn lists the hosts on which VM id runs now, sorted. More than one
// is a never-twice violation.
func (c *Cluster) RunningOn(id string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.runningOnLocked(id)
}

func (c *Cluster) runningOnLocked(id string) []string {
	var out []string
	for name, h := range c.hosts {
		if v := h.vms[id]; v != nil && v.state == vms.Running {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Violations returns every moment a VM ran on more than one host, oldest
// first ("VM x on [a b] after start on b").
func (c *Cluster) Violations() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.twice)
}

func (c *Cluster) checkLocked(id, after string) {
	if on := c.runningOnLocked(id); len(on) > 1 {
		c.twice = append(c.twice, fmt.Sprintf("VM %s on %v after %s", id, on, after))
	}
}

type fakeVM struct {
	vm      vms.VM
	state   vms.State
	started time.Time
	exit    string
	pid     int
}

// Host is one fake host: a vms.Runner. Start does not refuse a VM that
// runs on another host (the cluster must never ask for that); it records
// a violation instead.
type Host struct {
	c    *Cluster
	name string
	// Fail, when set, is asked before every action ("start", "adopt",
	// "stop", "migrate", "list") with the VM's id ("" for list); an error
	// fails the action and changes nothing.
	Fail func(op, id string) error

	// Guarded by c.mu.
	vms   map[string]*fakeVM
	down  bool
	calls []string
	pid   int
}

var _ vms.Runner = (*Host)(nil)

// Name is the host's name.
func (h *Host) Name() string { return h.name }

// begin records a call and applies the host's state and injected failure.
// It returns with c.mu held on success.
func (h *Host) begin(ctx context.Context, op, id string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s %s on %s: %w", op, id, h.name, err)
	}
	h.c.mu.Lock()
	h.calls = append(h.calls, strings.TrimSpace(op+" "+id))
	if h.down {
		h.c.mu.Unlock()
		return fmt.Errorf("%s %s on %s: %w", op, id, h.name, ErrHostDown)
	}
	fail := h.Fail
	if fail != nil {
		h.c.mu.Unlock()
		if err := fail(op, id); err != nil {
			return fmt.Errorf("%s %s on %s: %w", op, id, h.name, err)
		}
		h.c.mu.Lock()
	}
	return nil
}

// ErrHostDown: the fake host has no power.
var ErrHostDown = errors.New("host down")

func (v *fakeVM) status() vms.Status {
	return vms.Status{ID: v.vm.ID(), Generation: v.vm.Generation, State: v.state, PID: v.pid, Started: v.started, Exit: v.exit}
}

// Start implements vms.Runner.
func (h *Host) Start(ctx context.Context, vm vms.VM) (vms.Status, error) {
	if err := vm.Validate(); err != nil {
		return vms.Status{}, fmt.Errorf("start: %w", err)
	}
	id := vm.ID()
	if err := h.begin(ctx, "start", id); err != nil {
		return vms.Status{}, err
	}
	defer h.c.mu.Unlock()
	if v := h.vms[id]; v != nil {
		if v.state == vms.Running {
			return v.status(), fmt.Errorf("start vm %s on %s: %w", id, h.name, vms.ErrRunning)
		}
		if vm.Generation < v.vm.Generation {
			return vms.Status{}, fmt.Errorf("start vm %s on %s: %w: %d < %d", id, h.name, vms.ErrStaleGeneration, vm.Generation, v.vm.Generation)
		}
	}
	h.pid++
	v := &fakeVM{vm: vm, state: vms.Running, started: h.c.Now(), pid: h.pid}
	h.vms[id] = v
	h.c.checkLocked(id, "start on "+h.name)
	return v.status(), nil
}

// Adopt implements vms.Runner: a VM that runs here is returned.
func (h *Host) Adopt(ctx context.Context, id string) (vms.Status, error) {
	if err := h.begin(ctx, "adopt", id); err != nil {
		return vms.Status{}, err
	}
	defer h.c.mu.Unlock()
	if v := h.vms[id]; v != nil && v.state == vms.Running {
		return v.status(), nil
	}
	return vms.Status{}, fmt.Errorf("adopt vm %s on %s: %w", id, h.name, vms.ErrNotRunning)
}

// Stop implements vms.Runner.
func (h *Host) Stop(ctx context.Context, id string) error {
	if err := h.begin(ctx, "stop", id); err != nil {
		return err
	}
	defer h.c.mu.Unlock()
	if h.vms[id] == nil {
		return fmt.Errorf("stop vm %s on %s: %w", id, h.name, vms.ErrNotFound)
	}
	delete(h.vms, id)
	return nil
}

// Migrate implements vms.Runner: the VM moves at once to target (a host of
// the same Cluster) under generation, or stays here on any error.
func (h *Host) Migrate(ctx context.Context, id, target string, generation uint64) (qmp.Result, error) {
	if err := h.begin(ctx, "migrate", id); err != nil {
		return qmp.Result{Status: "failed"}, err
	}
	defer h.c.mu.Unlock()
	fail := func(format string, a ...any) (qmp.Result, error) {
		return qmp.Result{Status: "failed"}, fmt.Errorf("migrate vm %s from %s to %s: "+format, append([]any{id, h.name, target}, a...)...)
	}
	v := h.vms[id]
	t := h.c.hosts[target]
	switch {
	case v == nil || v.state != vms.Running:
		return fail("%w", vms.ErrNotRunning)
	case generation <= v.vm.Generation:
		return fail("%w: %d <= %d", vms.ErrStaleGeneration, generation, v.vm.Generation)
	case t == nil || t == h:
		return fail("%w: no such other host", vms.ErrInvalid)
	case t.down:
		return fail("%w", ErrHostDown)
	case t.vms[id] != nil && t.vms[id].state == vms.Running:
		return fail("%w on the target", vms.ErrRunning)
	}
	delete(h.vms, id)
	moved := *v
	moved.vm.Generation = generation
	t.pid++
	moved.pid = t.pid
	t.vms[id] = &moved
	h.c.checkLocked(id, "migrate to "+target)
	return qmp.Result{Status: "completed"}, nil
}

// List implements vms.Runner.
func (h *Host) List(ctx context.Context) ([]vms.Status, error) {
	if err := h.begin(ctx, "list", ""); err != nil {
		return nil, err
	}
	defer h.c.mu.Unlock()
	out := make([]vms.Status, 0, len(h.vms))
	for _, v := range h.vms {
		out = append(out, v.status())
	}
	slices.SortFunc(out, func(a, b vms.Status) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// Crash ends VM id's process here as if QEMU died (State Exited, reason
// "crashed"). It reports whether the VM was running.
func (h *Host) Crash(id string) bool {
	h.c.mu.Lock()
	defer h.c.mu.Unlock()
	v := h.vms[id]
	if v == nil || v.state != vms.Running {
		return false
	}
	v.state, v.exit = vms.Exited, "crashed"
	return true
}

// PowerOff cuts the host's power: every VM on it is gone and every call
// fails with ErrHostDown until PowerOn.
func (h *Host) PowerOff() {
	h.c.mu.Lock()
	defer h.c.mu.Unlock()
	h.down = true
	clear(h.vms)
}

// PowerOn restores the host's power; it comes back empty.
func (h *Host) PowerOn() {
	h.c.mu.Lock()
	defer h.c.mu.Unlock()
	h.down = false
}

// Calls returns the calls so far ("start vm1", "list"), in order.
func (h *Host) Calls() []string {
	h.c.mu.Lock()
	defer h.c.mu.Unlock()
	return slices.Clone(h.calls)
}
