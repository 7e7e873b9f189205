package planner

import (
	"testing"
	"time"
)

func TestTieBreak(t *testing.T) {
	const delay = 6 * time.Second
	newRace := func(self, peer string) *TieBreak {
		r, err := NewTieBreak(TieBreakConfig{Self: self, Peer: peer, Preferred: "h1", Delay: delay})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	at := func(d time.Duration) time.Time { return t0.Add(d) }

	t.Run("a host that never saw its peer since boot never fences", func(t *testing.T) {
		r := newRace("h1", "h2")
		r.Lost(at(0))
		for d := time.Duration(0); d < time.Minute; d += time.Second {
			if r.Due(at(d)) {
				t.Fatalf("unarmed race due at %v", d)
			}
		}
	})
	t.Run("preferred fences at once, only within a third of the delay after it last saw its peer", func(t *testing.T) {
		r := newRace("h1", "h2")
		r.Together(at(0))
		r.Lost(at(time.Second))
		if !r.Due(at(time.Second)) {
			t.Fatal("preferred host not due at once")
		}
		if r.Due(at(time.Second)) {
			t.Fatal("due again with a fence in flight")
		}
		r.FenceDone(at(1500*time.Millisecond), false, 200*time.Millisecond)
		if r.Won() || !r.Due(at(1700*time.Millisecond)) {
			t.Fatal("failed fence: want no win and a retry")
		}
		r.FenceDone(at(1800*time.Millisecond), false, 200*time.Millisecond)
		if r.Due(at(delay / 3)) {
			t.Fatal("preferred host due at the end of its window")
		}
	})
	t.Run("the other waits the delay after it noticed, however late", func(t *testing.T) {
		r := newRace("h2", "h1")
		r.Together(at(0))
		r.Lost(at(4 * time.Second)) // noticed late (a frozen agent)
		if r.Due(at(9 * time.Second)) {
			t.Fatal("due before its delay")
		}
		if !r.Due(at(10 * time.Second)) {
			t.Fatal("not due after its delay")
		}
		r.FenceDone(at(11*time.Second), true, time.Second)
		if !r.Won() {
			t.Fatal("confirmed fence did not win")
		}
	})
	t.Run("seeing each other again ends the race", func(t *testing.T) {
		r := newRace("h1", "h2")
		r.Together(at(0))
		r.Lost(at(time.Second))
		r.Due(at(time.Second))
		r.Together(at(1500 * time.Millisecond))
		r.FenceDone(at(2*time.Second), true, time.Second)
		if r.Won() {
			t.Fatal("a fence of an ended race won")
		}
	})
	for _, c := range []TieBreakConfig{{Self: "h1", Peer: "h1", Preferred: "h1", Delay: delay}, {Self: "h1", Peer: "h2", Preferred: "h3", Delay: delay}, {Self: "h1", Peer: "h2", Preferred: "h1"}} {
		if _, err := NewTieBreak(c); err == nil {
			t.Errorf("NewTieBreak(%+v) accepted", c)
		}
	}
}
