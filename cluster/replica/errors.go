package replica

import "errors"

// Errors a proposer must tell apart: whether its command may have been
// applied decides whether it may retry it blindly.
var (
	// ErrNotLeader: this node is not the leader (or is handing leadership
	// over); the command was not applied. Node.Leader says where to go.
	ErrNotLeader = errors.New("not the raft leader")
	// ErrUnknownOutcome: the command reached the log but its fate is not
	// known (timeout, leadership lost before commit, shutdown). It may
	// still be applied; read the state before acting on it.
	ErrUnknownOutcome = errors.New("outcome unknown")
	// ErrClosed: the node is shut down.
	ErrClosed = errors.New("replica closed")
	// ErrPeerRefused: a peer failed the mutual TLS check (its certificate
	// is not from the cluster's CA, or does not name the server it claims
	// to be).
	ErrPeerRefused = errors.New("peer refused")
	// ErrConfig: the node's configuration is unusable; the text names the
	// field or file.
	ErrConfig = errors.New("replica config")
)
