// Package peerapi is the request/response protocol between the hosts of a
// cluster (and its witness), beside raft: forwarding a command to the
// leader so any host can propose, lease renewals, joining, and a status
// query.
//
// Operations: a person's request that only the leader's planner can carry
// out (drain, readmit, a create checked against admission control, a
// migration to a chosen host) is forwarded like a command (Forwarder.
// Operate) and answered by the leader's Operator; its refusals come back as
// ErrRefused with the planner's words.
//
// Transport: HTTP/1.1 over mutual TLS 1.3 with the cluster's certificates
// (replica.LoadTLS), on the raft port itself. A Mux reads each new
// connection's TLS ClientHello (crypto/tls parses it; nothing is answered)
// and sends those offering ALPN "vigil-peer/1" to the API and the rest to
// raft. One port per cluster means no new configuration key, firewall
// rule or address lookup: the leader's raft address, which every node
// knows, is also where its API answers. HTTP rather than a framed protocol
// on raft's connections: net/http brings deadlines, body limits,
// keep-alive and status codes, and raft's transport stays unmodified.
//
// Identity: every call needs a client certificate from the cluster CA. A
// host is named by its certificate's DNS names (as replica.Join checks):
// renewing a lease, joining, and registering a host are allowed only for
// the host the certificate names, so a host cannot renew another's lease;
// forwarding a command needs a certificate naming a registered host or a
// raft server, and lease commands cannot be forwarded at all
// (DefaultAuthorize; ServerConfig.Authorize tightens it).
//
// Limits: bodies of at most MaxBodyBytes, MaxInFlight calls per server
// (more get ErrBusy), a deadline on every call (the caller's remaining
// time travels in a header, capped at MaxCallTimeout), TLS handshakes and
// ClientHellos within 5 s.
//
// Errors keep their class across the wire (errors.go): a not-leader answer
// is a *NotLeaderError naming the leader; the state machine's refusals
// match the state sentinels; a call sent but not answered is
// replica.ErrUnknownOutcome, never retried blindly. Forwarder retries, a
// bounded number of times, only what certainly did not apply.
//
// Leases: the leader's answer comes from a Renewer (LeaseGranter applies
// GrantLease or RenewLease with an expiry set by the leader; the agent's
// planner is the full one). The host times each renewal on its monotonic
// clock (Client.Renew returns a Renewal) and must accept it only if
// CheckRoundTrip passes: a late reply neither extends its lease nor feeds
// its watchdog.
//
// Wiring (agent, witness): mux := Listen(raft address); replica.Open with
// Config.Listener = mux.Raft(); NewServer with the node, the TLS config and
// a Renewer, then Serve(mux.API()); a Forwarder over a Client for
// proposals and renewals. Close the server, then the node, then the mux.
package peerapi
