package guest

import (
	"slices"
	"strings"
	"time"
)

// Counting live copies of a VM from its heartbeats ("never twice").
//
// Heartbeats, each stamped with the time it was read, form streams, one per
// (file, incarnation, VM id, boot nonce). A file's incarnation changes when
// a QEMU that was not writing it opens it: serial logs are appended to, and
// a guest that comes back to a host (restarted there, or live-migrated back
// with the same boot) must not continue the stream of its earlier stay. A
// stream is a live copy when a process still
// writes its file, it produced a heartbeat in the last LiveWindow, and no
// other stream of the same VM started after its last heartbeat (that is a
// hand-off: a live migration's destination, or a reboot). Two writers of
// one file with the same boot (a split brain after migration onto a shared
// serial log) show up as the same seq twice within the window and count
// twice.
//
// The lab's watcher (test/lab) feeds Streams as it reads serial files; the
// chaos checker (test/chaos/check) replays a recorded run through the same
// rules.

const (
	// LiveWindow is how recent a stream's last heartbeat must be for the
	// stream to count as running (the guest beats once a second).
	LiveWindow = 2500 * time.Millisecond
	// KeepHistory is how long Forget keeps a stream's individual beats.
	KeepHistory = 10 * time.Second
)

// StreamKey names a stream: one boot of one VM in one incarnation of one
// serial file.
type StreamKey struct {
	File     string
	Inc      int
	ID, Boot string
}

// Stream is the heartbeats of one StreamKey.
type Stream struct {
	Key               StreamKey
	First, Last       time.Time // read times of the first and last beat
	FirstOrd, LastOrd uint64    // reading order of the first and last beat
	MinSeq, MaxSeq    uint64
	beats             []streamBeat // the last KeepHistory
}

type streamBeat struct {
	at  time.Time
	seq uint64
}

// supersedes reports whether stream d started after stream c's last
// heartbeat (a hand-off: migration destination, reboot), so c no longer
// runs. Beats read in the same sample are ordered by their place in one
// file, or by seq within one boot; otherwise neither supersedes the other.
func (d *Stream) supersedes(c *Stream) bool {
	switch {
	case d.First.After(c.Last):
		return true
	case !d.First.Equal(c.Last):
		return false
	case d.Key.File == c.Key.File:
		return d.FirstOrd > c.LastOrd
	case d.Key.Boot == c.Key.Boot:
		return d.MinSeq > c.MaxSeq
	}
	return false
}

// Streams is the heartbeat streams read so far. It is not safe for
// concurrent use.
type Streams struct {
	m   map[StreamKey]*Stream
	ord uint64
}

// NewStreams returns an empty set of streams.
func NewStreams() *Streams { return &Streams{m: map[StreamKey]*Stream{}} }

// Add records one heartbeat of VM id, boot boot, read from file at time at,
// and returns its place in the reading order (1 for the first).
func (ss *Streams) Add(file, id, boot string, seq uint64, at time.Time) uint64 {
	return ss.AddInc(file, 0, id, boot, seq, at)
}

// AddInc is Add for a heartbeat read in incarnation inc of file.
func (ss *Streams) AddInc(file string, inc int, id, boot string, seq uint64, at time.Time) uint64 {
	ss.ord++
	k := StreamKey{File: file, Inc: inc, ID: id, Boot: boot}
	s := ss.m[k]
	if s == nil {
		s = &Stream{Key: k, First: at, FirstOrd: ss.ord, MinSeq: seq, MaxSeq: seq}
		ss.m[k] = s
	}
	s.Last, s.LastOrd = at, ss.ord
	s.MinSeq, s.MaxSeq = min(s.MinSeq, seq), max(s.MaxSeq, seq)
	s.beats = append(s.beats, streamBeat{at: at, seq: seq})
	return ss.ord
}

// Forget drops beats older than KeepHistory at now, and streams silent for
// twice that.
func (ss *Streams) Forget(now time.Time) {
	for k, s := range ss.m {
		i := 0
		for i < len(s.beats) && now.Sub(s.beats[i].at) > KeepHistory {
			i++
		}
		s.beats = s.beats[i:]
		if len(s.beats) == 0 && now.Sub(s.Last) > 2*KeepHistory {
			delete(ss.m, k)
		}
	}
}

// IDs lists the VMs with a stream, sorted.
func (ss *Streams) IDs() []string {
	seen := map[string]bool{}
	var out []string
	for k := range ss.m {
		if !seen[k.ID] {
			seen[k.ID] = true
			out = append(out, k.ID)
		}
	}
	slices.Sort(out)
	return out
}

// Copy is one live copy of a VM: its stream, and how many processes write
// it (Mult > 1: the same seq read twice within LiveWindow).
type Copy struct {
	Stream *Stream
	Mult   int
}

// Copies lists the live copies of VM id at now, sorted by file and boot.
// writing reports whether a process still writes a file; nil: every file
// is written (a recorded history knows no more).
func (ss *Streams) Copies(id string, now time.Time, writing func(file string) bool) []Copy {
	var all, cands []*Stream
	for k, s := range ss.m {
		if k.ID != id {
			continue
		}
		all = append(all, s)
		if (writing == nil || writing(k.File)) && now.Sub(s.Last) <= LiveWindow {
			cands = append(cands, s)
		}
	}
	var out []Copy
	for _, c := range cands {
		superseded := false
		for _, d := range all {
			if d != c && d.supersedes(c) {
				superseded = true
				break
			}
		}
		if superseded {
			continue
		}
		// Same seq twice within the window: two writers of one stream.
		mult := 1
		count := map[uint64]int{}
		for _, b := range c.beats {
			if now.Sub(b.at) <= LiveWindow {
				count[b.seq]++
				mult = max(mult, count[b.seq])
			}
		}
		out = append(out, Copy{Stream: c, Mult: mult})
	}
	slices.SortFunc(out, func(a, b Copy) int {
		if c := strings.Compare(a.Stream.Key.File, b.Stream.Key.File); c != 0 {
			return c
		}
		return strings.Compare(a.Stream.Key.Boot, b.Stream.Key.Boot)
	})
	return out
}
