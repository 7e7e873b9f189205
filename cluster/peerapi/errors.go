package peerapi

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/cluster/state"
)

// Errors of the peer API. A reply's error keeps its class across the wire:
// the client returns an error that matches (errors.Is) the sentinel the
// server's error matched, from this list, from replica (ErrNotLeader,
// ErrUnknownOutcome, ErrPeerRefused, ErrClosed) or from state (the state
// machine's refusals: ErrStaleGeneration, ErrStaleEpoch, …).
var (
	// ErrForbidden: the caller's certificate is from the cluster CA but
	// does not entitle it to the call (it names another host than the
	// one the call is about, or no host of the cluster).
	ErrForbidden = errors.New("forbidden")
	// ErrBadRequest: the request is malformed; nothing was done.
	ErrBadRequest = errors.New("bad request")
	// ErrTooLarge: the request or reply exceeds MaxBodyBytes.
	ErrTooLarge = errors.New("too large")
	// ErrBusy: the server has MaxInFlight calls running; nothing was done.
	ErrBusy = errors.New("peer busy")
	// ErrNoLeader: no leader is known (an election is under way, or there
	// is no quorum); nothing was proposed.
	ErrNoLeader = errors.New("no leader known")
	// ErrLateReply: a lease renewal's reply came back after the round-trip
	// bound; it must neither extend the lease nor feed the watchdog.
	ErrLateReply = errors.New("renewal reply late")
	// ErrProtocol: the peer's reply is not one this build understands.
	ErrProtocol = errors.New("peer api protocol error")
	// ErrRefused: the leader's planner refused an operation (a drain of a
	// host it cannot drain, a readmission of a healthy host, ...); nothing
	// was done.
	ErrRefused = errors.New("operation refused")
	// ErrInternal: the server failed in a way that has no better class.
	ErrInternal = errors.New("peer internal error")
)

// NotLeaderError is the typed redirect: the server is not the leader, the
// call was not carried out, and LeaderID/LeaderAddr name the leader the
// server knows of (empty during an election). It matches
// replica.ErrNotLeader.
type NotLeaderError struct {
	Server     string // the server that answered
	LeaderID   string
	LeaderAddr string
}

func (e *NotLeaderError) Error() string {
	if e.LeaderID == "" {
		return fmt.Sprintf("%s: %v (no leader known)", e.Server, replica.ErrNotLeader)
	}
	return fmt.Sprintf("%s: %v (leader %s at %s)", e.Server, replica.ErrNotLeader, e.LeaderID, e.LeaderAddr)
}

func (e *NotLeaderError) Unwrap() error { return replica.ErrNotLeader }

// RemoteError is an error a peer returned: its text as the peer wrote it,
// and the sentinel of its class.
type RemoteError struct {
	Peer    string // the address called
	Kind    string // the wire kind (errorKinds)
	Message string
	class   error
}

func (e *RemoteError) Error() string { return e.Peer + ": " + e.Message }

func (e *RemoteError) Unwrap() error { return e.class }

// errorKinds maps wire kinds to sentinels, most specific first: an error
// that matches several takes the first kind it matches.
var errorKinds = []struct {
	kind   string
	err    error
	status int
	// fsm: the state machine's refusal of a command (applied or checked
	// before proposing, and changing nothing either way).
	fsm bool
}{
	{"not-leader", replica.ErrNotLeader, http.StatusMisdirectedRequest, false},
	{"unknown-outcome", replica.ErrUnknownOutcome, http.StatusGatewayTimeout, false},
	{"closed", replica.ErrClosed, http.StatusServiceUnavailable, false},
	{"peer-refused", replica.ErrPeerRefused, http.StatusForbidden, false},
	{"forbidden", ErrForbidden, http.StatusForbidden, false},
	{"too-large", ErrTooLarge, http.StatusRequestEntityTooLarge, false},
	{"bad-request", ErrBadRequest, http.StatusBadRequest, false},
	{"busy", ErrBusy, http.StatusServiceUnavailable, false},
	{"no-leader", ErrNoLeader, http.StatusServiceUnavailable, false},
	// The state machine's refusals: the command was applied and changed
	// nothing.
	{"stale-generation", state.ErrStaleGeneration, http.StatusConflict, true},
	{"stale-epoch", state.ErrStaleEpoch, http.StatusConflict, true},
	{"lease-revoked", state.ErrLeaseRevoked, http.StatusConflict, true},
	{"transition", state.ErrTransition, http.StatusConflict, true},
	{"host-owns-vms", state.ErrHostOwnsVMs, http.StatusConflict, true},
	{"host-not-placeable", state.ErrHostNotPlaceable, http.StatusConflict, true},
	{"vm-placed", state.ErrVMPlaced, http.StatusConflict, true},
	{"duplicate-mac", state.ErrDuplicateMAC, http.StatusConflict, true},
	{"exists", state.ErrExists, http.StatusConflict, true},
	{"not-found", state.ErrNotFound, http.StatusConflict, true},
	{"invalid", state.ErrInvalid, http.StatusBadRequest, true},
	{"malformed", state.ErrMalformed, http.StatusBadRequest, true},
	{"unknown-type", state.ErrUnknownType, http.StatusBadRequest, true},
	{"refused", ErrRefused, http.StatusConflict, false},
	{"internal", ErrInternal, http.StatusInternalServerError, false},
}

// classify returns the wire kind and HTTP status of err.
func classify(err error) (kind string, status int) {
	for _, k := range errorKinds {
		if errors.Is(err, k.err) {
			return k.kind, k.status
		}
	}
	return "internal", http.StatusInternalServerError
}

// isFSMRefusal reports whether err is the state machine refusing a
// command: it reached the state machine (or its checks) and changed
// nothing.
func isFSMRefusal(err error) bool {
	for _, k := range errorKinds {
		if errors.Is(err, k.err) {
			return k.fsm
		}
	}
	return false
}

// kindError returns the sentinel of a wire kind; unknown kinds (a newer
// peer's) are ErrInternal.
func kindError(kind string) error {
	for _, k := range errorKinds {
		if k.kind == kind {
			return k.err
		}
	}
	return ErrInternal
}
