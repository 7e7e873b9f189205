package planner

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/fencing"
)

// FenceManager is the Fencer of a real leader: each Fence runs
// fencing.Manager.Fence (the host's levels in order, power read back off)
// in its own goroutine and hands the outcome to Done, which the leader
// loop forwards to Planner.FenceDone. The Manager's Revoker should be a
// StateRevoker, so that no power command leaves before the state shows the
// host revoked.
type FenceManager struct {
	Manager *fencing.Manager
	// Levels returns a host's fence levels (its BMC endpoints with the
	// credentials from this host's local files).
	Levels func(host string) (fencing.HostLevels, bool)
	// Done receives every outcome, from the fence's goroutine.
	Done func(FenceOutcome)
	// Sent, if set, is told that the BMC accepted fence id's power-off
	// command (Planner.FenceSent), before the power reads back off.
	Sent func(target string, id uint64)
	// Context ends every fence in flight (the agent's shutdown, or the
	// end of this leadership); Timeout bounds each one (default 2
	// minutes).
	Context context.Context
	Timeout time.Duration

	mu       sync.Mutex
	inFlight map[uint64]context.CancelFunc
}

// Fence starts fencing target under fence record id.
func (f *FenceManager) Fence(target string, id uint64) {
	parent := f.Context
	if parent == nil {
		parent = context.Background()
	}
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	ctx, cancel := context.WithTimeout(parent, timeout)
	f.mu.Lock()
	if f.inFlight == nil {
		f.inFlight = map[uint64]context.CancelFunc{}
	}
	f.inFlight[id] = cancel
	f.mu.Unlock()
	go func() {
		out := f.run(ctx, target, id)
		f.mu.Lock()
		delete(f.inFlight, id)
		f.mu.Unlock()
		cancel()
		f.Done(out)
	}()
}

// Cancel ends fence id's context: fencing.Manager sends no command after
// it (the fake and real drivers check the context before each one).
func (f *FenceManager) Cancel(target string, id uint64) {
	f.mu.Lock()
	cancel := f.inFlight[id]
	delete(f.inFlight, id)
	f.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

func (f *FenceManager) run(ctx context.Context, target string, id uint64) FenceOutcome {
	out := FenceOutcome{Target: target, FenceID: id}
	levels, ok := f.Levels(target)
	if !ok {
		out.Detail = "no fence levels for " + target
		return out
	}
	if f.Sent != nil {
		ctx = fencing.WithCommandSent(ctx, func(a fencing.Action) {
			if a == fencing.ActionOff {
				f.Sent(target, id)
			}
		})
	}
	rec, err := f.Manager.Fence(ctx, levels, fencing.ActionOff, fmt.Sprintf("cluster fence record %d", id))
	out.Confirmed = err == nil && rec.Confirmed && rec.Power == string(fencing.PowerOff)
	out.Unreachable = errors.Is(err, fencing.ErrUnreachable)
	switch {
	case out.Confirmed:
		out.Detail = fmt.Sprintf("power read back off through level %s", rec.Level)
	case err != nil:
		out.Detail = err.Error()
	default:
		out.Detail = fmt.Sprintf("not confirmed: power reads %s", rec.Power)
	}
	return out
}

// StateRevoker is the fencing.Revoker of a cluster member: the planner
// revokes a host's ownership in the replicated state before it fences, so
// Revoke only checks, in the committed state, that the host is being
// fenced and owns no VM. When it does not hold, no power command is sent.
type StateRevoker struct {
	View interface {
		Host(name string) (state.Host, bool)
		VMsOn(host string) []state.VM
	}
}

// Revoke implements fencing.Revoker.
func (r StateRevoker) Revoke(_ context.Context, host string) error {
	h, ok := r.View.Host(host)
	if !ok {
		return fmt.Errorf("revoke %s: not in the cluster state", host)
	}
	if h.State != state.Fencing {
		return fmt.Errorf("revoke %s: it is %s in the cluster state, not fencing", host, h.State)
	}
	if vms := r.View.VMsOn(host); len(vms) > 0 {
		return fmt.Errorf("revoke %s: it still owns %d VM(s), first %s", host, len(vms), vms[0].Spec.Name)
	}
	return nil
}
