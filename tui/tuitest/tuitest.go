// Package tuitest is a fake of the TUI's daemon (tui.Backend and
// tui.Operator) for its model and view tests: a status and an error set by
// the test, a daemon that hangs, an audit log that can grow while
// followed, and a record of drains and readmits; and a fake of this
// host's BMC read directly (tui.LocalBMC).
package tuitest

import (
	"context"
	"errors"
	"sync"

	"github.com/vigil-ha/vigil/agent/localapi"
)

// Backend is a fake daemon. The zero value answers with an empty status.
type Backend struct {
	mu     sync.Mutex
	status *localapi.Status
	err    error
	hang   bool
	events []localapi.Event
	// grew is closed and replaced whenever events grow or the stream is
	// cut.
	grew        chan struct{}
	cut         int // bumped by CutStream
	calls       []string
	opErr       error
	statusCalls int
}

// SetStatus sets what Status answers.
func (b *Backend) SetStatus(st *localapi.Status) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.status, b.err = st, nil
}

// SetErr makes Status and Events fail with err (nil: answer again).
func (b *Backend) SetErr(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.err = err
	b.wake()
}

// Hang makes Status block until its context ends (a daemon that accepts
// the connection and never answers), or answer again.
func (b *Backend) Hang(hang bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.hang = hang
}

// StatusCalls is how many times Status was asked.
func (b *Backend) StatusCalls() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.statusCalls
}

// Status implements tui.Backend.
func (b *Backend) Status(ctx context.Context) (*localapi.Status, error) {
	b.mu.Lock()
	b.statusCalls++
	hang, err, st := b.hang, b.err, b.status
	b.mu.Unlock()
	if hang {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	if st == nil {
		return &localapi.Status{}, nil
	}
	cp := *st
	return &cp, nil
}

// Append adds events to the audit log, numbering them, and hands them to
// the followers.
func (b *Backend) Append(evs ...localapi.Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ev := range evs {
		ev.Seq = uint64(len(b.events) + 1)
		b.events = append(b.events, ev)
	}
	b.wake()
}

// CutStream ends every follower's stream (as a daemon that stops does);
// they reconnect.
func (b *Backend) CutStream() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.cut++
	b.wake()
}

func (b *Backend) wake() {
	if b.grew != nil {
		close(b.grew)
	}
	b.grew = make(chan struct{})
}

// ErrCut is what a follower's Events returns when CutStream cut it.
var ErrCut = errors.New("tuitest: stream cut")

// Events implements tui.Backend.
func (b *Backend) Events(ctx context.Context, after uint64, follow bool, fn func(localapi.Event) error) error {
	b.mu.Lock()
	if b.grew == nil {
		b.grew = make(chan struct{})
	}
	cut := b.cut
	b.mu.Unlock()
	for {
		b.mu.Lock()
		if b.err != nil {
			err := b.err
			b.mu.Unlock()
			return err
		}
		if b.cut != cut {
			b.mu.Unlock()
			return ErrCut
		}
		var todo []localapi.Event
		if after < uint64(len(b.events)) {
			todo = append(todo, b.events[after:]...)
		}
		grew := b.grew
		b.mu.Unlock()
		for _, ev := range todo {
			if err := fn(ev); err != nil {
				return err
			}
			after = ev.Seq
		}
		if !follow {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-grew:
		}
	}
}

// SetOpErr makes drains and readmits fail with err.
func (b *Backend) SetOpErr(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.opErr = err
}

// Calls are the drains and readmits asked for, as "drain h2".
func (b *Backend) Calls() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.calls...)
}

func (b *Backend) op(verb, name, state string) (localapi.HostDetail, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.calls = append(b.calls, verb+" "+name)
	if b.opErr != nil {
		return localapi.HostDetail{}, b.opErr
	}
	return localapi.HostDetail{HostStatus: localapi.HostStatus{Name: name, State: state}}, nil
}

// DrainHost implements tui.Operator: the host is then in maintenance.
func (b *Backend) DrainHost(ctx context.Context, name string) (localapi.HostDetail, error) {
	return b.op("drain", name, "maintenance")
}

// ReadmitHost implements tui.Operator: the host is then healthy.
func (b *Backend) ReadmitHost(ctx context.Context, name string) (localapi.HostDetail, error) {
	return b.op("readmit", name, "healthy")
}

// BMC is a fake of this host's BMC read directly (tui.LocalBMC).
type BMC struct {
	Name string // its Target

	mu       sync.Mutex
	readings []localapi.Reading
	err      error
	reads    int
}

// Set sets what ReadBMC answers.
func (b *BMC) Set(readings []localapi.Reading, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.readings, b.err = readings, err
}

// Reads is how many times the BMC was read.
func (b *BMC) Reads() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.reads
}

// Target implements tui.LocalBMC.
func (b *BMC) Target() string { return b.Name }

// ReadBMC implements tui.LocalBMC.
func (b *BMC) ReadBMC(ctx context.Context) ([]localapi.Reading, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.reads++
	return append([]localapi.Reading(nil), b.readings...), b.err
}
