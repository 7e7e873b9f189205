package peerapi

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
)

// Renewer answers lease renewals on the leader. The Server calls it only
// after checking that the caller's certificate names req.Holder, that
// req.Holder is a registered host, and that this node is still the leader
// with a quorum (a deposed leader must not answer). now is the leader's
// clock. An error is a failure to answer (the host retries); a refusal is a
// reply with Granted false and a Reason.
//
// In the agent, the leader loop's planner answers (it re-arms its deadline
// for the host and takes the report); LeaseGranter is the plain version.
type Renewer interface {
	Renew(ctx context.Context, now time.Time, req RenewRequest) (RenewReply, error)
}

// Operator carries out operations on the leader (the agent's planner).
// The Server calls it only on the leader, for a caller whose certificate
// names a member of the cluster (peer). An error that is not already one
// of this package's classes is sent as ErrRefused.
type Operator interface {
	Operate(ctx context.Context, now time.Time, peer string, op Operation) (OperationReply, error)
}

// Proposer proposes a command and returns the state machine's result;
// *replica.Node implements it.
type Proposer interface {
	Apply(ctx context.Context, cmd state.Command) (state.Result, error)
	State() *state.State
}

// LeaseGranter is a Renewer that only keeps the lease table: epoch 0 gets
// a GrantLease, a held epoch a RenewLease, each with the expiry set by the
// leader (now + TTL), applied through raft before the reply is sent.
type LeaseGranter struct {
	Node Proposer
	TTL  time.Duration
}

// Renew implements Renewer.
func (g LeaseGranter) Renew(ctx context.Context, now time.Time, req RenewRequest) (RenewReply, error) {
	reply := RenewReply{Holder: req.Holder, Seq: req.Seq}
	if g.TTL <= 0 {
		return reply, fmt.Errorf("%w: lease TTL %v", ErrInternal, g.TTL)
	}
	expiry := now.Add(g.TTL)
	var cmd state.Command
	if req.Epoch == 0 {
		cur, _ := g.Node.State().Lease(req.Holder)
		cmd = &state.GrantLease{Holder: req.Holder, PrevEpoch: cur.Epoch, Expiry: expiry}
	} else {
		cmd = &state.RenewLease{Holder: req.Holder, Epoch: req.Epoch, Expiry: expiry}
	}
	res, err := g.Node.Apply(ctx, cmd)
	reply.Index = res.Index
	if err != nil {
		if isFSMRefusal(err) {
			reply.Reason = err.Error()
			return reply, nil
		}
		return reply, err
	}
	reply.Granted, reply.Epoch, reply.Expiry = true, res.Lease.Epoch, res.Lease.Expiry
	return reply, nil
}

// Renewal is a renewal's reply with its timing on the host's clock.
type Renewal struct {
	Reply RenewReply
	// Sent is when the request left, Received when its reply had been
	// read, both from time.Now (monotonic readings: the host's wall clock
	// may jump without changing their difference).
	Sent, Received time.Time
}

// RTT is the measured round trip.
func (r Renewal) RTT() time.Duration { return r.Received.Sub(r.Sent) }

// Check is CheckRoundTrip on the renewal's timing.
func (r Renewal) Check(bound time.Duration) error {
	return CheckRoundTrip(r.Sent, r.Received, bound)
}

// CheckRoundTrip is the host's rule for a lease renewal (DESIGN.md,
// invariant 2): a reply is worth something only if it came back within
// bound of its request, measured on the host's monotonic clock. A late
// reply (ErrLateReply) must neither extend the host's own view of its lease
// nor feed its watchdog, even though the leader granted it: a host cut off
// long enough for its replies to straggle in must not keep running. A valid
// reply keeps the lease until sent + TTL − drift, never from when it
// arrived.
func CheckRoundTrip(sent, received time.Time, bound time.Duration) error {
	if bound <= 0 {
		return fmt.Errorf("%w: round-trip bound %v", ErrBadRequest, bound)
	}
	if sent.IsZero() || received.IsZero() {
		return errors.New("renewal: send or receive time missing")
	}
	rtt := received.Sub(sent)
	if rtt < 0 {
		return fmt.Errorf("renewal: received %v before sent", -rtt)
	}
	if rtt > bound {
		return fmt.Errorf("%w: round trip %v over the bound %v", ErrLateReply, rtt.Round(time.Microsecond), bound)
	}
	return nil
}
