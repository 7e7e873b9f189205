package lab

import (
	"fmt"
	"os"
	"path/filepath"
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
				w.add(b.file, 0, guest.Heartbeat{ID: "vm", Boot: b.boot, Seq: b.seq}, at(b.at))
			}
			if got, desc := w.countLocked("vm", at(c.now)); got != c.want {
				t.Errorf("count = %d (%s), want %d", got, desc, c.want)
			}
		})
	}
}

// TestGuestBackOnAHost drives the watcher's sampling with real serial files
// and made-up QEMU pids: a guest's output on a host it left stays in its
// appended serial log, and must never count as a live copy when a QEMU
// opens that log again. Two ways it did: the last lines its dying QEMU
// wrote after the previous read were read only when the next QEMU opened
// the file (a restart elsewhere, then a migration back), and a guest that
// came back by live migration with the same boot continued the stream of
// its earlier stay there.
func TestGuestBackOnAHost(t *testing.T) {
	dir := t.TempDir()
	logA, logB := filepath.Join(dir, "a.log"), filepath.Join(dir, "b.log")
	hosts := map[string]string{logA: "a", logB: "b"}
	beat := func(file, boot string, seq uint64) {
		t.Helper()
		f, err := os.OpenFile(file, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		fmt.Fprintf(f, "%sid=vm seq=%d boot=%s\n", guest.Prefix, seq, boot)
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }
	for _, c := range []struct {
		name string
		// play writes the files and samples; it returns the sample time
		// at which exactly one copy runs.
		play func(w *vmWatcher, sample func(now float64, writers map[string][]int)) float64
	}{
		{"unread lines of a dead QEMU, then a migration back", func(w *vmWatcher, sample func(float64, map[string][]int)) float64 {
			beat(logA, "0000000a", 1)
			sample(1, map[string][]int{logA: {10}})
			beat(logA, "0000000a", 2) // written, then the host loses power
			sample(1.2, map[string][]int{})
			// Restarted on b with a new boot; much later it migrates back
			// to a: the receiving QEMU opens a's log before b's stops.
			for i := range uint64(39) {
				beat(logB, "0000000b", i)
				sample(2+float64(i), map[string][]int{logB: {20}})
			}
			beat(logB, "0000000b", 39)
			sample(40.5, map[string][]int{logB: {20}, logA: {30}})
			return 40.5
		}},
		{"same boot back by live migration", func(w *vmWatcher, sample func(float64, map[string][]int)) float64 {
			for i := range uint64(3) {
				beat(logA, "0000000a", i)
				sample(1+float64(i), map[string][]int{logA: {10}})
			}
			// Migrated to b: a's QEMU quits.
			for i := uint64(3); i < 10; i++ {
				beat(logB, "0000000a", i)
				sample(1+float64(i), map[string][]int{logB: {20}})
			}
			// And back to a: the switchover, b's QEMU not yet gone.
			sample(11, map[string][]int{logB: {20}, logA: {30}})
			beat(logA, "0000000a", 10)
			sample(11.5, map[string][]int{logB: {20}, logA: {30}})
			beat(logA, "0000000a", 11)
			sample(12.5, map[string][]int{logB: {20}, logA: {30}})
			return 12.5
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			os.Remove(logA)
			os.Remove(logB)
			w := newWatcher(nil)
			// Both logs exist, empty, before the watcher first reads them.
			for _, f := range []string{logA, logB} {
				if err := os.WriteFile(f, nil, 0o644); err != nil {
					t.Fatal(err)
				}
				w.read(f, at(0))
			}
			sample := func(now float64, writers map[string][]int) {
				hs := map[string]string{}
				for f := range writers {
					hs[f] = hosts[f]
				}
				w.sampleLocked(writers, hs, at(now))
			}
			end := c.play(w, sample)
			if n, desc := w.countLocked("vm", at(end)); n != 1 || len(w.twice) != 0 {
				t.Errorf("%d copies (%s), violations %v: want one copy, none", n, desc, w.twice)
			}
		})
	}
}
