package peerapi

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/cluster/state"
)

// Local is this host's raft node as the Forwarder uses it; *replica.Node
// implements it.
type Local interface {
	ID() string
	IsLeader() bool
	Leader() (id, addr string)
	Apply(ctx context.Context, cmd state.Command) (state.Result, error)
}

var _ Local = (*replica.Node)(nil)

// Forwarding defaults.
const (
	DefaultAttempts = 8
	DefaultBackoff  = 100 * time.Millisecond
)

// Forwarder lets any host propose: it applies on the local node when that
// is the leader and otherwise sends the command to the leader the local
// node knows of. It retries, at most Attempts times within the context,
// only what certainly did not apply: a not-leader answer (following its
// redirect), no known leader, a leader that could not be reached, a busy
// leader. A call whose outcome is unknown (sent, but no reply) is not
// retried: it returns replica.ErrUnknownOutcome and the caller reads the
// state before trying again, as with replica.Node.Apply.
type Forwarder struct {
	Node   Local
	Client *Client
	// Operator carries out operations when the local node leads (the
	// agent's planner); nil refuses them there.
	Operator Operator
	// Attempts bounds the tries (default DefaultAttempts); Backoff is the
	// first wait between tries that found no leader, doubling up to 1 s
	// (default DefaultBackoff).
	Attempts int
	Backoff  time.Duration
}

// retryable reports whether err says the command was certainly not
// applied and another try may reach the leader.
func retryable(err error) bool {
	switch {
	case errors.Is(err, replica.ErrUnknownOutcome):
		return false
	case errors.Is(err, replica.ErrNotLeader), errors.Is(err, ErrNoLeader),
		errors.Is(err, ErrUnreachable), errors.Is(err, ErrBusy):
		return true
	}
	return false
}

// Apply proposes cmd through the leader and returns the state machine's
// result and error.
func (f *Forwarder) Apply(ctx context.Context, cmd state.Command) (state.Result, error) {
	var res state.Result
	err := f.retry(ctx, "apply", func(ctx context.Context, addr string) error {
		var err error
		if addr == "" {
			res, err = f.Node.Apply(ctx, cmd)
		} else {
			res, err = f.Client.Apply(ctx, addr, cmd)
		}
		return err
	})
	return res, err
}

// Operate has the leader carry out op, following redirects like Apply.
func (f *Forwarder) Operate(ctx context.Context, op Operation) (OperationReply, error) {
	var reply OperationReply
	err := f.retry(ctx, "operate", func(ctx context.Context, addr string) error {
		var err error
		switch {
		case addr != "":
			reply, err = f.Client.Operate(ctx, addr, op)
		case f.Operator == nil:
			err = fmt.Errorf("%w: %s carries out no operations", ErrNoLeader, f.Node.ID())
		default:
			reply, err = f.Operator.Operate(ctx, time.Now(), f.Node.ID(), op)
		}
		return err
	})
	return reply, err
}

// Renew sends a lease renewal to the leader, following redirects, and
// times it from the first send: a renewal that needed a redirect is judged
// on its whole round trip. The local node never answers its own host's
// renewal here; on the leader, the agent calls its Renewer directly.
func (f *Forwarder) Renew(ctx context.Context, req RenewRequest) (Renewal, error) {
	sent := time.Now()
	var r Renewal
	err := f.retry(ctx, "renew", func(ctx context.Context, addr string) error {
		if addr == "" {
			return fmt.Errorf("%w: this host leads; its own renewal is answered locally", ErrBadRequest)
		}
		var err error
		r, err = f.Client.Renew(ctx, addr, req)
		return err
	})
	r.Sent = sent
	return r, err
}

// retry runs try against the leader ("" for the local node) until it
// succeeds, fails for good, or runs out of attempts or time.
func (f *Forwarder) retry(ctx context.Context, what string, try func(ctx context.Context, addr string) error) error {
	attempts := cmpOrInt(f.Attempts, DefaultAttempts)
	wait := cmpOrDur(f.Backoff, DefaultBackoff)
	var hint string // a redirect's leader address
	var last error
	tries := 0
	for range attempts {
		if ctx.Err() != nil {
			break
		}
		tries++
		addr, known := "", true
		switch {
		case f.Node.IsLeader():
		case hint != "":
			addr, hint = hint, ""
		default:
			if _, addr = f.Node.Leader(); addr == "" {
				known = false
				last = fmt.Errorf("%w (asked %s)", ErrNoLeader, f.Node.ID())
			}
		}
		if known {
			last = try(ctx, addr)
			if !retryable(last) {
				return last
			}
			if nl := (*NotLeaderError)(nil); errors.As(last, &nl) && nl.LeaderAddr != "" && nl.LeaderAddr != addr {
				hint = nl.LeaderAddr
				continue // a fresh redirect: follow it at once
			}
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
		case <-t.C:
		}
		wait = min(2*wait, time.Second)
	}
	if last == nil {
		last = errors.New("not tried")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("peerapi: %s: %w after %d attempts; last: %w", what, err, tries, last)
	}
	return fmt.Errorf("peerapi: %s: gave up after %d attempts: %w", what, tries, last)
}

func cmpOrInt(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

func cmpOrDur(v, def time.Duration) time.Duration {
	if v > 0 {
		return v
	}
	return def
}
