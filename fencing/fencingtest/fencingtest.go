// Package fencingtest holds a scriptable fencing.Fencer for unit tests of
// logic built on fencing (levels, guards, confirmation, the CLI): a power
// state that changes after a delay, errors injected per call, and a log of
// every call. Tests against real BMCs use test/lab/ipmisim and
// test/lab/redfishsim instead.
package fencingtest

import (
	"context"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/fencing"
)

// Fake is an in-memory BMC. Zero value: powered off, no delay, no errors.
// Safe for concurrent use.
type Fake struct {
	// Name is the Target; DriverName the Driver (default "fake").
	Name, DriverName string
	// Delay is how long the power keeps reading its old state after Set
	// (ipmi_sim reads "on" for about a second after power off).
	Delay time.Duration
	// SetErr and PowerErr, when set, are asked before each call; a non-nil
	// error fails that call without touching the state.
	SetErr   func(a fencing.Action) error
	PowerErr func() error
	// Stuck makes Set accepted but ignored: the power never changes.
	Stuck bool

	mu      sync.Mutex
	on      bool
	pending *change
	calls   []string
	closed  int
}

type change struct {
	on bool
	at time.Time
}

// NewFake returns a Fake named name with the power on.
func NewFake(name string) *Fake { return &Fake{Name: name, on: true} }

// Driver implements fencing.Fencer.
func (f *Fake) Driver() string {
	if f.DriverName == "" {
		return "fake"
	}
	return f.DriverName
}

// Target implements fencing.Fencer.
func (f *Fake) Target() string { return f.Name }

// Power implements fencing.Fencer.
func (f *Fake) Power(ctx context.Context) (fencing.Power, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "power")
	if f.PowerErr != nil {
		if err := f.PowerErr(); err != nil {
			return fencing.PowerUnknown, err
		}
	}
	if err := ctx.Err(); err != nil {
		return fencing.PowerUnknown, err
	}
	f.settle()
	if f.on {
		return fencing.PowerOn, nil
	}
	return fencing.PowerOff, nil
}

// Set implements fencing.Fencer.
func (f *Fake) Set(ctx context.Context, a fencing.Action) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "set "+string(a))
	if f.SetErr != nil {
		if err := f.SetErr(a); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if f.Stuck {
		return nil
	}
	f.settle()
	switch a {
	case fencing.ActionOff:
		f.pending = &change{on: false, at: time.Now().Add(f.Delay)}
	case fencing.ActionOn:
		f.pending = &change{on: true, at: time.Now().Add(f.Delay)}
	case fencing.ActionCycle:
		f.on = false
		f.pending = &change{on: true, at: time.Now().Add(f.Delay)}
	}
	f.settle()
	return nil
}

func (f *Fake) settle() {
	if f.pending != nil && !time.Now().Before(f.pending.at) {
		f.on, f.pending = f.pending.on, nil
	}
}

// Close implements fencing.Fencer.
func (f *Fake) Close() error {
	f.mu.Lock()
	f.closed++
	f.mu.Unlock()
	return nil
}

// SetPower sets the state at once (the host was switched by hand).
func (f *Fake) SetPower(on bool) {
	f.mu.Lock()
	f.on, f.pending = on, nil
	f.mu.Unlock()
}

// IsOn reports the state now.
func (f *Fake) IsOn() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.settle()
	return f.on
}

// Calls returns the calls so far ("power", "set off", ...).
func (f *Fake) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

// Count returns how many calls equal call.
func (f *Fake) Count(call string) int {
	n := 0
	for _, c := range f.Calls() {
		if c == call {
			n++
		}
	}
	return n
}

// Closed reports how many times Close was called.
func (f *Fake) Closed() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.closed
}

// Level returns a fence level that opens f.
func (f *Fake) Level(name string, timeout time.Duration, retries int) fencing.Level {
	return fencing.Level{
		Name: name, Target: f.Name, Timeout: timeout, Retries: retries, Backoff: time.Millisecond,
		Open: func(context.Context) (fencing.Fencer, error) { return f, nil },
	}
}
