package bmc

import (
	"fmt"
	"time"
)

// Latch is the memory a BMC reader keeps of a BMC that failed: after each
// failure it leaves the BMC alone for an exponentially growing wait between
// Min and Max, and remembers the failure so that a request refused during
// the wait still says why (and keeps the cause's Kind). Not safe for
// concurrent use: readers hold their own lock around it.
type Latch struct {
	Min, Max time.Duration // defaults 1 s and 1 min

	failures int
	until    time.Time
	last     error
}

// Fail records a failure at now and returns the wait before the next try.
func (l *Latch) Fail(now time.Time, err error) time.Duration {
	lo, hi := l.Min, l.Max
	if lo <= 0 {
		lo = time.Second
	}
	if hi <= 0 {
		hi = time.Minute
	}
	l.failures++
	d := lo << min(l.failures-1, 16)
	if d > hi || d <= 0 {
		d = hi
	}
	l.until, l.last = now.Add(d), err
	return d
}

// Reset forgets the failures after a success.
func (l *Latch) Reset() { l.failures, l.until, l.last = 0, time.Time{}, nil }

// Failures is the number of failures in a row.
func (l *Latch) Failures() int { return l.failures }

// Err is nil when a try is allowed at now; otherwise an error wrapping
// ErrBackoff and the last failure, naming the time left.
func (l *Latch) Err(now time.Time) error {
	if !now.Before(l.until) {
		return nil
	}
	left := l.until.Sub(now).Round(time.Millisecond)
	if l.last == nil {
		return fmt.Errorf("%w (next attempt in %v)", ErrBackoff, left)
	}
	return fmt.Errorf("%w (next attempt in %v); last failure: %w", ErrBackoff, left, l.last)
}
