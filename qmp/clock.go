package qmp

import (
	"context"
	"time"
)

// Clock is where a migration reads the time and waits: polling, stall
// detection, escalation steps, post-copy recovery pacing and the waits for
// QEMU to settle. MigrateOptions.Clock nil is the system clock; a
// simulation passes a fake (qmptest.Clock) to run migrations through
// simulated time, deterministically and without real waiting.
//
// Deadlines on I/O with the world stay on the system clock: each QMP call's
// CallTimeout, the pre-switchover hook's bound, and the wait for a killed
// QEMU process to exit.
type Clock interface {
	// Now is the current time.
	Now() time.Time
	// After returns a channel that receives the time once d has passed.
	After(d time.Duration) <-chan time.Time
	// Sleep waits for d, or until ctx ends and then returns ctx's error.
	Sleep(ctx context.Context, d time.Duration) error
}

// systemClock is the real clock.
type systemClock struct{}

func (systemClock) Now() time.Time                         { return time.Now() }
func (systemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

func (systemClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
