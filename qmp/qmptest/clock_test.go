package qmptest

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestClockFiresTimersWhenTimeReachesThem(t *testing.T) {
	t0 := time.Unix(1700000000, 0)
	c := NewClock(t0)
	late, early := c.After(2*time.Second), c.After(time.Second)
	if now := <-c.After(0); !now.Equal(t0) {
		t.Errorf("After(0) = %v, want now %v", now, t0)
	}
	c.Advance(999 * time.Millisecond)
	select {
	case <-early:
		t.Fatal("1 s timer fired at 999 ms")
	default:
	}
	moved, err := c.AdvanceToNext(context.Background())
	if err != nil || moved != time.Millisecond {
		t.Fatalf("AdvanceToNext = %v, %v; want 1ms", moved, err)
	}
	if at := <-early; !at.Equal(t0.Add(time.Second)) {
		t.Errorf("1 s timer fired at %v", at)
	}
	if c.Pending() != 1 {
		t.Errorf("Pending = %d, want 1", c.Pending())
	}
	c.Advance(time.Hour)
	if at := <-late; !at.Equal(t0.Add(time.Second + time.Hour)) {
		t.Errorf("2 s timer fired at %v, want the time it was released", at)
	}
}

func TestClockSleepEndsWithItsContext(t *testing.T) {
	c := NewClock(time.Unix(0, 0))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Sleep(ctx, time.Minute) }()
	for c.Pending() == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Sleep = %v, want context.Canceled", err)
	}
	if c.Pending() != 0 {
		t.Errorf("Pending = %d after a cancelled Sleep, want 0", c.Pending())
	}
}
