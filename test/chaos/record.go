package chaos

import (
	"context"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/chaos/check"
	"github.com/vigil-ha/vigil/test/lab"
)

// FaultRecord is one action of the schedule as it happened: a fault
// injected or healed (Heal), against which hosts, and a note (a skipped
// fault says why; a leader kill names the leader it found). The runner
// logs these; the checker reads the faults' windows (check.Fault).
type FaultRecord struct {
	At    time.Time
	Step  int // index in the plan; -1 for quiescence's own actions
	Kind  Kind
	Heal  bool
	Hosts []string
	Note  string
	// Placed is, for a fault that takes a host away (power cut,
	// isolation, the leader's kill, a degrading host), the VMs the
	// cluster placed on it when the fault was injected.
	Placed []string
	// faults are the checker's records of what was injected (a BMC cut
	// off from every peer is one fault per peer); a heal ends them.
	faults []check.Fault
}

// recorder keeps a run's history for the checker while the run goes on:
// every heartbeat the lab's never-twice watcher reads (Lab.OnHeartbeat)
// and the faults' windows.
type recorder struct {
	mu     sync.Mutex
	beats  []check.Beat
	faults []check.Fault
	open   map[int][]int // plan step → its faults still open (indexes in faults)
	stop   func()
}

func newRecorder(l *lab.Lab) *recorder {
	r := &recorder{open: map[int][]int{}}
	r.stop = l.OnHeartbeat(func(hb lab.HeartbeatRead) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.beats = append(r.beats, check.Beat{At: hb.At, Ord: hb.Ord, Host: hb.Host, File: hb.File, VM: hb.ID, Boot: hb.Boot, Seq: hb.Seq})
	})
	return r
}

// close stops recording heartbeats.
func (r *recorder) close() { r.stop() }

// record takes a schedule action's checker faults: an injection opens
// them, a heal ends those of its step.
func (r *recorder) record(rec FaultRecord) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if rec.Heal {
		for _, i := range r.open[rec.Step] {
			r.faults[i].End = rec.At
		}
		delete(r.open, rec.Step)
		return
	}
	for _, f := range rec.faults {
		r.faults = append(r.faults, f)
		if f.End.IsZero() {
			r.open[rec.Step] = append(r.open[rec.Step], len(r.faults)-1)
		}
	}
}

// endAt ends every fault still open at t (quiescence healed them all).
func (r *recorder) endAt(t time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, is := range r.open {
		for _, i := range is {
			if r.faults[i].End.IsZero() {
				r.faults[i].End = t
			}
		}
	}
	clear(r.open)
}

// snapshot returns copies of what was recorded so far.
func (r *recorder) snapshot() ([]check.Beat, []check.Fault) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]check.Beat(nil), r.beats...), append([]check.Fault(nil), r.faults...)
}

// agentEvents gathers every answering agent's audit log.
func agentEvents(ctx context.Context, l *lab.Lab, c *agents.Cluster) []check.Event {
	var out []check.Event
	for _, h := range l.Hosts {
		if !h.On() {
			continue
		}
		evs, err := c.Events(ctx, h.Name)
		if err != nil {
			continue
		}
		for _, e := range evs {
			out = append(out, check.Event{From: h.Name, Event: e})
		}
	}
	return out
}
