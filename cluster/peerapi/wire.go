package peerapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
)

// Routes. Every call is a POST of one JSON object (status a GET) and
// answers one JSON object; errors answer an errorReply.
const (
	pathApply  = "/v1/apply"
	pathRenew  = "/v1/lease/renew"
	pathJoin   = "/v1/join"
	pathStatus = "/v1/status"
	pathOp     = "/v1/operate"
)

// timeoutHeader carries the caller's remaining time in milliseconds, so the
// server stops working on a call its caller has given up on.
const timeoutHeader = "Vigil-Timeout-Ms"

// MaxBodyBytes bounds every request and reply body. The largest command, a
// VM spec, is a few KiB.
const MaxBodyBytes = 1 << 20

// applyRequest carries one command as its log entry (state.Encode): the
// type byte and the command's JSON, checked by state.Decode on arrival.
type applyRequest struct {
	Entry []byte `json:"entry"`
}

// applyReply is the state machine's result. Error, if set, is its refusal:
// the command was applied and changed nothing.
type applyReply struct {
	Result resultWire `json:"result"`
	Error  *wireError `json:"error,omitempty"`
}

// resultWire is state.Result on the wire.
type resultWire struct {
	Index       uint64      `json:"index"`
	Ignored     bool        `json:"ignored,omitempty"`
	Generations []uint64    `json:"generations,omitempty"`
	FenceID     uint64      `json:"fence_id,omitempty"`
	Lease       state.Lease `json:"lease"`
}

func toWire(r state.Result) resultWire {
	return resultWire{Index: r.Index, Ignored: r.Ignored, Generations: r.Generations, FenceID: r.FenceID, Lease: r.Lease}
}

func (r resultWire) result() state.Result {
	return state.Result{Index: r.Index, Ignored: r.Ignored, Generations: r.Generations, FenceID: r.FenceID, Lease: r.Lease}
}

// RenewRequest is a host's lease renewal (cluster/lease's Request, plus
// the host's report for the leader).
type RenewRequest struct {
	// Holder is the host whose lease this is; the caller's certificate
	// must name it.
	Holder string `json:"holder"`
	// BootID is the host's current boot id.
	BootID string `json:"boot_id,omitempty"`
	// Epoch the host holds; 0 asks for a new lease.
	Epoch uint64 `json:"epoch"`
	// Seq numbers the host's requests; the reply carries it back, so the
	// host knows which send time to measure the round trip from.
	Seq uint64 `json:"seq"`
	// Report is passed to the leader's Renewer as it is (the agent puts
	// its executor report here).
	Report json.RawMessage `json:"report,omitempty"`
}

// RenewReply is the leader's answer to a RenewRequest.
type RenewReply struct {
	Holder string `json:"holder"`
	Seq    uint64 `json:"seq"`
	// Granted: renewed (or, for epoch 0, granted) at Epoch.
	Granted bool   `json:"granted"`
	Epoch   uint64 `json:"epoch"`
	// Expiry is the lease's expiry in the replicated state, on the
	// leader's clock. Informative only: the host computes its own view
	// from when it sent the request (see CheckRoundTrip).
	Expiry time.Time `json:"expiry,omitzero"`
	// Index is the leader's applied index when it answered.
	Index uint64 `json:"index"`
	// Reason says why a renewal was refused.
	Reason string `json:"reason,omitempty"`
}

// JoinRequest asks the leader to add the caller to the raft configuration.
type JoinRequest struct {
	// ID is the joining server's raft ID (its host name); the caller's
	// certificate must name it.
	ID string `json:"id"`
	// Address is its raft address, HOST:PORT. The leader dials it and
	// checks that the certificate there names ID before adding it.
	Address string `json:"address"`
	// Host, if set, is registered in the state after the server joined;
	// its Name must be ID. A witness leaves it out.
	Host *state.RegisterHost `json:"host,omitempty"`
}

// JoinReply says how the server was added.
type JoinReply struct {
	// Voter: added as a voter (the cluster had fewer than its voter
	// count); otherwise as a non-voter.
	Voter bool `json:"voter"`
	// Index is the leader's applied index after the join.
	Index uint64 `json:"index"`
}

// Status is one server's view of its cluster.
type Status struct {
	Cluster    string `json:"cluster,omitempty"`
	ID         string `json:"id"`
	IsLeader   bool   `json:"is_leader"`
	LeaderID   string `json:"leader_id"`
	LeaderAddr string `json:"leader_addr"`
	Term       uint64 `json:"term"`
	// Applied is the index of the last command this server applied.
	Applied uint64 `json:"applied"`
	// Servers is the raft configuration as this server knows it.
	Servers []ServerInfo `json:"servers"`
}

// ServerInfo is one member of the raft configuration.
type ServerInfo struct {
	ID      string `json:"id"`
	Address string `json:"address"`
	Voter   bool   `json:"voter"`
}

// Operation kinds.
const (
	OpCreate  = "create"  // create Spec, checked against admission control
	OpDrain   = "drain"   // move every VM off Host and keep new ones away
	OpReadmit = "readmit" // return Host to service
	OpMigrate = "migrate" // live-migrate VM to host To
	// OpHold: Host's agent is restarting (a clean stop); the leader does
	// not take its silence for death before its lease deadline. Only the
	// host itself may ask.
	OpHold = "hold"
)

// Operation is a person's request that only the leader's planner carries
// out (it keeps state beside the replicated one: a host being drained, an
// admission check against what is placed and moving). A host forwards it
// to the leader as it forwards commands.
type Operation struct {
	Kind string        `json:"kind"`
	Host string        `json:"host,omitempty"`
	VM   string        `json:"vm,omitempty"`
	To   string        `json:"to,omitempty"`
	Spec *state.VMSpec `json:"spec,omitempty"`
}

// OperationReply says what the leader did.
type OperationReply struct {
	Message string `json:"message,omitempty"`
	// Index is the leader's applied index after the operation.
	Index uint64 `json:"index"`
}

// errorReply is every error's body.
type errorReply struct {
	Error *wireError `json:"error"`
}

// wireError is an error on the wire: its class as a kind, its text, and for
// not-leader the leader the server knows of.
type wireError struct {
	Kind       string `json:"kind"`
	Message    string `json:"message"`
	Server     string `json:"server,omitempty"`
	LeaderID   string `json:"leader_id,omitempty"`
	LeaderAddr string `json:"leader_addr,omitempty"`
}

// err turns a wire error from peer back into an error of its class.
func (w *wireError) err(peer string) error {
	if w.Kind == "not-leader" {
		return &NotLeaderError{Server: cmpOr(w.Server, peer), LeaderID: w.LeaderID, LeaderAddr: w.LeaderAddr}
	}
	return &RemoteError{Peer: peer, Kind: w.Kind, Message: w.Message, class: kindError(w.Kind)}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// decodeJSON reads exactly one JSON object from r into v, at most
// MaxBodyBytes. strict refuses fields v does not have: requests are strict
// (a field the server does not know would be ignored, not obeyed), replies
// are not (a newer server may add fields).
func decodeJSON(r io.Reader, v any, strict bool) error {
	body, err := io.ReadAll(io.LimitReader(r, MaxBodyBytes+1))
	if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) || len(body) > MaxBodyBytes {
		return fmt.Errorf("%w: body over %d bytes", ErrTooLarge, MaxBodyBytes)
	}
	if err != nil {
		return fmt.Errorf("%w: reading body: %w", ErrBadRequest, err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", ErrBadRequest, err)
	}
	if len(bytes.TrimSpace(body[dec.InputOffset():])) > 0 {
		return fmt.Errorf("%w: data after the JSON object", ErrBadRequest)
	}
	return nil
}
