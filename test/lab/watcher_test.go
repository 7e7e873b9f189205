package lab

import (
	"testing"
	"time"

	"github.com/vigil-ha/vigil/test/lab/guest"
)

// TestCountRules checks the never-twice counting rules on hand-made
// heartbeat streams (no QEMU needed).
func TestCountRules(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }
	type beatAt struct {
		file, boot string
		at         float64
		seq        uint64
	}
	for _, c := range []struct {
		name  string
		beats []beatAt
		alive []string // files with a live writer
		now   float64
		want  int
	}{
		{"one copy", []beatAt{{"a", "b1", 1, 0}, {"a", "b1", 2, 1}, {"a", "b1", 3, 2}}, []string{"a"}, 3.5, 1},
		{"stale", []beatAt{{"a", "b1", 1, 0}}, []string{"a"}, 5, 0},
		{"writer dead", []beatAt{{"a", "b1", 3, 2}}, nil, 3.5, 0},
		{"migration hand-off", []beatAt{
			{"src", "b1", 1, 10}, {"src", "b1", 2, 11},
			{"dst", "b1", 2.5, 12}, {"dst", "b1", 3.5, 13},
		}, []string{"src", "dst"}, 3.6, 1},
		{"split brain after migration", []beatAt{
			{"src", "b1", 1, 10}, {"src", "b1", 2, 11}, {"src", "b1", 3, 12},
			{"dst", "b1", 2.5, 12}, {"dst", "b1", 3.5, 13},
		}, []string{"src", "dst"}, 3.6, 2},
		{"fresh boot elsewhere while the old one runs", []beatAt{
			{"a", "b1", 1, 100}, {"a", "b1", 2, 101}, {"a", "b1", 3, 102},
			{"b", "b2", 1.5, 0}, {"b", "b2", 2.5, 1},
		}, []string{"a", "b"}, 3.1, 2},
		{"reboot in place", []beatAt{
			{"a", "b1", 1, 100}, {"a", "b1", 2, 101},
			{"a", "b2", 2.3, 0}, {"a", "b2", 3.3, 1},
		}, []string{"a"}, 3.4, 1},
		{"two writers of one shared log, same boot", []beatAt{
			{"s", "b1", 1, 5}, {"s", "b1", 1.1, 5}, {"s", "b1", 2, 6}, {"s", "b1", 2.1, 6},
		}, []string{"s"}, 2.2, 2},
		{"hand-off seen in one sample", []beatAt{
			{"src", "b1", 2, 11}, {"dst", "b1", 2, 12},
		}, []string{"src", "dst"}, 2.1, 1},
		{"reboot seen in one sample", []beatAt{
			{"a", "b1", 2, 50}, {"a", "b2", 2, 0},
		}, []string{"a"}, 2.1, 1},
		{"two boots first seen in one sample on two hosts", []beatAt{
			{"a", "b1", 2, 50}, {"b", "b2", 2, 0},
		}, []string{"a", "b"}, 2.1, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := newWatcher(nil)
			for _, f := range c.alive {
				w.writers[f] = []int{1}
			}
			for _, b := range c.beats {
				w.add(b.file, guest.Heartbeat{ID: "vm", Boot: b.boot, Seq: b.seq}, at(b.at))
			}
			if got, desc := w.countLocked("vm", at(c.now)); got != c.want {
				t.Errorf("count = %d (%s), want %d", got, desc, c.want)
			}
		})
	}
}
