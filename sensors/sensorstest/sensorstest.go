// Package sensorstest holds a scripted fake of sensors.Reader for unit tests
// of code that consumes readings (the agent, health wiring, the TUI): it
// returns queued polls or errors, can block like a dead BMC until the
// context ends, and counts calls.
package sensorstest

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/sensors"
)

// Reader is a fake sensors.Reader. Zero value: every Poll returns an empty
// poll of source "ipmi".
type Reader struct {
	mu     sync.Mutex
	queue  []step
	last   *sensors.Poll
	calls  int
	closed bool
	// Hang makes Poll block until its context ends, as a BMC that never
	// answers, and return an error wrapping sensors.ErrSourceDown.
	Hang bool
	// Delay is added before every answer (bounded by the context).
	Delay time.Duration
}

type step struct {
	p   *sensors.Poll
	err error
}

// Push queues a poll result; the last one pushed repeats once the queue is
// empty.
func (r *Reader) Push(p *sensors.Poll) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.queue = append(r.queue, step{p: p})
}

// PushErr queues a failed poll.
func (r *Reader) PushErr(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.queue = append(r.queue, step{err: err})
}

// Calls returns how many times Poll ran.
func (r *Reader) Calls() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls
}

// Closed reports whether Close was called.
func (r *Reader) Closed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.closed
}

// Poll implements sensors.Reader.
func (r *Reader) Poll(ctx context.Context) (*sensors.Poll, error) {
	r.mu.Lock()
	r.calls++
	hang, delay := r.Hang, r.Delay
	var s step
	switch {
	case len(r.queue) > 0:
		s = r.queue[0]
		r.queue = r.queue[1:]
		if s.p != nil {
			r.last = s.p
		}
	case r.last != nil:
		s = step{p: r.last}
	default:
		s = step{p: &sensors.Poll{Source: sensors.SourceIPMI, Readings: []sensors.Reading{}, Events: []sensors.Event{}}}
	}
	r.mu.Unlock()
	if hang {
		<-ctx.Done()
		return nil, errors.Join(sensors.ErrSourceDown, ctx.Err())
	}
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return nil, errors.Join(sensors.ErrSourceDown, ctx.Err())
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	cp := *s.p
	cp.Time = time.Now()
	return &cp, nil
}

// Close implements sensors.Reader.
func (r *Reader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	return nil
}

var _ sensors.Reader = (*Reader)(nil)
