package qmptest

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/qmp"
)

// Clock is a fake qmp.Clock. Time stands still until the test moves it
// (Advance, AdvanceToNext, Run); a timer fires when time reaches it. Safe
// for concurrent use.
type Clock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
	added  chan struct{} // closed and replaced whenever a timer is set
}

type fakeTimer struct {
	at time.Time
	ch chan time.Time
}

// NewClock returns a fake clock reading start.
func NewClock(start time.Time) *Clock {
	return &Clock{now: start, added: make(chan struct{})}
}

// Now implements qmp.Clock.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After implements qmp.Clock.
func (c *Clock) After(d time.Duration) <-chan time.Time {
	return c.set(d).ch
}

func (c *Clock) set(d time.Duration) *fakeTimer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{at: c.now.Add(d), ch: make(chan time.Time, 1)}
	if d <= 0 {
		t.ch <- c.now
		return t
	}
	c.timers = append(c.timers, t)
	close(c.added)
	c.added = make(chan struct{})
	return t
}

// Sleep implements qmp.Clock.
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	t := c.set(d)
	select {
	case <-t.ch:
		return nil
	case <-ctx.Done():
		c.mu.Lock()
		c.timers = slices.DeleteFunc(c.timers, func(x *fakeTimer) bool { return x == t })
		c.mu.Unlock()
		return ctx.Err()
	}
}

// Pending is the number of timers not yet fired.
func (c *Clock) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.timers)
}

// Advance moves time forward by d and fires every timer due.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.advanceTo(c.now.Add(d))
}

// advanceTo moves time to t (never backwards) and fires the timers due,
// earliest first. c.mu is held.
func (c *Clock) advanceTo(t time.Time) {
	if t.After(c.now) {
		c.now = t
	}
	slices.SortStableFunc(c.timers, func(a, b *fakeTimer) int { return a.at.Compare(b.at) })
	n := 0
	for _, tm := range c.timers {
		if tm.at.After(c.now) {
			break
		}
		tm.ch <- c.now // buffered 1, sent once
		n++
	}
	c.timers = c.timers[n:]
}

// AdvanceToNext waits until a timer is pending (or ctx ends), moves time to
// the earliest one and fires every timer due then. It returns how far time
// moved.
func (c *Clock) AdvanceToNext(ctx context.Context) (time.Duration, error) {
	for {
		c.mu.Lock()
		if len(c.timers) > 0 {
			next := c.timers[0].at
			for _, t := range c.timers[1:] {
				if t.at.Before(next) {
					next = t.at
				}
			}
			before := c.now
			c.advanceTo(next)
			moved := c.now.Sub(before)
			c.mu.Unlock()
			return moved, nil
		}
		added := c.added
		c.mu.Unlock()
		select {
		case <-added:
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

// Run moves time to each timer as soon as one is set, until ctx ends: code
// that waits only on this clock then runs through simulated time as fast as
// it can compute. Start it in its own goroutine.
func (c *Clock) Run(ctx context.Context) {
	for {
		if _, err := c.AdvanceToNext(ctx); err != nil {
			return
		}
	}
}

var _ qmp.Clock = (*Clock)(nil)
