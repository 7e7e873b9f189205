// Package alerttest holds a hand-written fake alert.Sink for tests of the
// fan-out and of whoever records events through it.
package alerttest

import (
	"context"
	"sync"

	"github.com/vigil-ha/vigil/alert"
)

// Sink records every event it is sent. Block makes Send wait (until
// Unblock or its context ends); Fail makes Send return an error for the
// events it names by Seq.
type Sink struct {
	SinkName string

	mu      sync.Mutex
	events  []alert.Event
	fail    map[uint64]error
	gate    chan struct{} // nil: not blocked
	sending chan uint64   // Seq of each Send as it starts, when non-nil
	closed  bool
	notify  chan struct{}
}

// New returns a sink named name.
func New(name string) *Sink {
	return &Sink{SinkName: name, fail: map[uint64]error{}, notify: make(chan struct{}, 1)}
}

// Name implements alert.Sink.
func (s *Sink) Name() string { return s.SinkName }

// Send implements alert.Sink.
func (s *Sink) Send(ctx context.Context, ev alert.Event) error {
	s.mu.Lock()
	gate, sending := s.gate, s.sending
	s.mu.Unlock()
	if sending != nil {
		sending <- ev.Seq
	}
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.fail[ev.Seq]; err != nil {
		return err
	}
	s.events = append(s.events, ev)
	select {
	case s.notify <- struct{}{}:
	default:
	}
	return nil
}

// Close implements alert.Sink.
func (s *Sink) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

// Closed reports whether Close was called.
func (s *Sink) Closed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// Block makes every Send wait until Unblock. Sends, when non-nil,
// receives the Seq of each Send as it starts (before it waits).
func (s *Sink) Block(sends chan uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gate, s.sending = make(chan struct{}), sends
}

// Unblock releases the waiting Sends and stops blocking.
func (s *Sink) Unblock() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gate != nil {
		close(s.gate)
	}
	s.gate, s.sending = nil, nil
}

// FailSeq makes the Send of the event with this Seq return err.
func (s *Sink) FailSeq(seq uint64, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail[seq] = err
}

// Events returns what the sink received, in order.
func (s *Sink) Events() []alert.Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]alert.Event(nil), s.events...)
}

// Delivered is signalled (without blocking) after each delivered event.
func (s *Sink) Delivered() <-chan struct{} { return s.notify }
