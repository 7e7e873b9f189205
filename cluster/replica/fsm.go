package replica

import (
	"errors"
	"fmt"
	"io"

	"github.com/hashicorp/raft"
	"github.com/vigil-ha/vigil/cluster/state"
)

// fsm adapts state.State to raft.FSM. applied, if set, is signalled
// (without blocking) after every entry and snapshot it takes.
type fsm struct {
	st      *state.State
	applied chan struct{}
}

func (f *fsm) signal() {
	select {
	case f.applied <- struct{}{}:
	default:
	}
}

// applyResponse is what raft hands back to the proposer's future.
type applyResponse struct {
	res state.Result
	err error
}

// Apply applies a committed command. An entry of a type this build does not
// know (and may not ignore) stops the process, as in Consul: skipping it
// would let this replica's state silently diverge from its peers'. The
// agent restarts under systemd; its VMs keep running; an upgrade fixes it.
func (f *fsm) Apply(l *raft.Log) any {
	res, err := f.st.Apply(l.Index, l.Data)
	if errors.Is(err, state.ErrUnknownType) {
		panic(fmt.Sprintf("replica: log entry %d: %v; this build is older than the cluster's leader", l.Index, err))
	}
	f.signal()
	return applyResponse{res: res, err: err}
}

func (f *fsm) Snapshot() (raft.FSMSnapshot, error) {
	return fsmSnapshot{f.st.Snapshot()}, nil
}

func (f *fsm) Restore(rc io.ReadCloser) error {
	defer rc.Close()
	defer f.signal()
	return f.st.Restore(rc)
}

type fsmSnapshot struct{ sn *state.Snapshot }

func (s fsmSnapshot) Persist(sink raft.SnapshotSink) error {
	if _, err := s.sn.WriteTo(sink); err != nil {
		sink.Cancel()
		return err
	}
	return sink.Close()
}

func (fsmSnapshot) Release() {}
