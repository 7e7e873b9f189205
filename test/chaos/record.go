package chaos

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
)

// Beat is one guest heartbeat as the recorder read it from a host's serial
// log of the VM: when it was read, where, and the guest's own identity
// (boot nonce and sequence number).
type Beat struct {
	At   time.Time
	Host string
	VM   string
	Boot string
	Seq  uint64
}

// FaultRecord is one action of the schedule as it happened: a fault
// injected or healed (Heal), against which hosts, and a note (a skipped
// fault says why; a leader kill names the leader it found).
type FaultRecord struct {
	At    time.Time
	Step  int // index in the plan; -1 for quiescence's own actions
	Kind  Kind
	Heal  bool
	Hosts []string
	Note  string
	// Placed is, for a fault that takes a host away (power cut,
	// isolation, the leader's kill), the VMs the cluster placed on it
	// when the fault was injected: their failover's RTO is measured.
	Placed []string
}

// AgentEvent is one entry of an agent's audit log, with whose log holds it.
type AgentEvent struct {
	Agent string
	localapi.Event
}

// recorder follows the guests' serial logs on every host of a lab while a
// run goes on (every 200 ms, as the lab's never-twice watcher does) and
// keeps the run's fault actions.
type recorder struct {
	l *lab.Lab
	c *agents.Cluster

	mu     sync.Mutex
	beats  []Beat
	faults []FaultRecord
	files  map[string]*tail // serial log path → what was read of it

	stop chan struct{}
	done chan struct{}
}

type tail struct {
	off     int64
	partial []byte
}

const recordEvery = 200 * time.Millisecond

func newRecorder(l *lab.Lab, c *agents.Cluster) *recorder {
	r := &recorder{l: l, c: c, files: map[string]*tail{}, stop: make(chan struct{}), done: make(chan struct{})}
	go r.run()
	return r
}

func (r *recorder) run() {
	defer close(r.done)
	t := time.NewTicker(recordEvery)
	defer t.Stop()
	for {
		r.poll()
		select {
		case <-r.stop:
			r.poll()
			return
		case <-t.C:
		}
	}
}

// close stops following the logs (after a last read).
func (r *recorder) close() {
	select {
	case <-r.stop:
	default:
		close(r.stop)
	}
	<-r.done
}

// poll reads what every serial log gained since the last poll.
func (r *recorder) poll() {
	now := time.Now()
	for _, h := range r.l.Hosts {
		logs, _ := filepath.Glob(filepath.Join(h.StateDir, "vms", "*", "serial.log"))
		slices.Sort(logs)
		for _, f := range logs {
			vm := filepath.Base(filepath.Dir(f))
			for _, hb := range r.read(f) {
				if hb.ID != vm {
					continue
				}
				r.mu.Lock()
				r.beats = append(r.beats, Beat{At: now, Host: h.Name, VM: vm, Boot: hb.Boot, Seq: hb.Seq})
				r.mu.Unlock()
			}
		}
	}
}

// read returns the heartbeats in the complete lines f gained; a file that
// shrank (a new QEMU on the same host rewrote it) is read from the start.
func (r *recorder) read(f string) []guest.Heartbeat {
	t := r.files[f]
	if t == nil {
		t = &tail{}
		r.files[f] = t
	}
	fh, err := os.Open(f)
	if err != nil {
		return nil
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && st.Size() < t.off {
		t.off, t.partial = 0, nil
	}
	buf := make([]byte, 64*1024)
	var out []guest.Heartbeat
	for {
		n, err := fh.ReadAt(buf, t.off)
		t.off += int64(n)
		data := append(t.partial, buf[:n]...)
		for {
			i := bytes.IndexByte(data, '\n')
			if i < 0 {
				break
			}
			if hb, ok := guest.ParseHeartbeat(string(data[:i])); ok {
				out = append(out, hb)
			}
			data = data[i+1:]
		}
		t.partial = append([]byte(nil), data...)
		if err != nil || n == 0 {
			return out
		}
	}
}

// fault records one action of the schedule.
func (r *recorder) fault(f FaultRecord) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.faults = append(r.faults, f)
}

// snapshot returns copies of what was recorded so far.
func (r *recorder) snapshot() ([]Beat, []FaultRecord) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.beats), slices.Clone(r.faults)
}

// agentEvents gathers every answering agent's audit log, oldest first.
func agentEvents(ctx context.Context, l *lab.Lab, c *agents.Cluster) []AgentEvent {
	var out []AgentEvent
	for _, h := range l.Hosts {
		if !h.On() {
			continue
		}
		evs, err := c.Events(ctx, h.Name)
		if err != nil {
			continue
		}
		for _, e := range evs {
			out = append(out, AgentEvent{Agent: h.Name, Event: e})
		}
	}
	slices.SortStableFunc(out, func(a, b AgentEvent) int { return a.Time.Compare(b.Time) })
	return out
}
