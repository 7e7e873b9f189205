package peerapi

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/cluster/state"
)

// DefaultCallTimeout bounds a call whose context has no deadline.
const DefaultCallTimeout = 5 * time.Second

// DialTimeout bounds connecting to a peer, TLS handshake included. A
// failed dial sent nothing, so a forwarded command can go elsewhere.
const DialTimeout = 2 * time.Second

// Client calls peers' APIs at their raft addresses (the Mux port), over
// mutual TLS with this host's certificate. The peer's certificate must
// chain to the cluster CA and carry the address dialled, as for raft.
//
// Renewals, joins and status queries reuse kept-alive connections (they
// are safe to repeat, so net/http resends one that met a connection the
// server had just closed). A command is sent on a connection of its own:
// on a kept-alive connection to a leader that has since lost power, the
// write would succeed and the outcome be unknown; a fresh dial to it fails
// before anything is sent, so the Forwarder can try the next leader. Safe
// for concurrent use.
type Client struct {
	tls    *tls.Config
	hc     *http.Client // kept-alive connections
	hcOnce *http.Client // one connection per call
}

// NewClient returns a client using the cluster's TLS configuration
// (replica.LoadTLS).
func NewClient(tlsCfg *tls.Config) (*Client, error) {
	if tlsCfg == nil || tlsCfg.RootCAs == nil || len(tlsCfg.Certificates) == 0 {
		return nil, errors.New("peerapi: client: TLS needs the cluster CA and this host's certificate (use replica.LoadTLS)")
	}
	c := &Client{tls: tlsCfg.Clone()}
	c.tls.MinVersion = tls.VersionTLS13
	// ALPN sends the connection to the API (Mux); the server then
	// answers http/1.1, which net/http serves.
	c.tls.NextProtos = []string{ALPN, "http/1.1"}
	transport := func(keepAlive bool) *http.Client {
		return &http.Client{
			Transport: &http.Transport{
				DialTLSContext:         c.dial,
				DisableKeepAlives:      !keepAlive,
				MaxIdleConnsPerHost:    4,
				IdleConnTimeout:        60 * time.Second,
				ResponseHeaderTimeout:  MaxCallTimeout + time.Second,
				MaxResponseHeaderBytes: maxHeaderBytes,
				TLSNextProto:           map[string]func(string, *tls.Conn) http.RoundTripper{}, // HTTP/1.1 only
			},
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	}
	c.hc, c.hcOnce = transport(true), transport(false)
	return c, nil
}

// Close drops idle connections.
func (c *Client) Close() { c.hc.CloseIdleConnections() }

// dialError marks a failure to reach the peer: nothing was sent, so any
// call may be retried elsewhere.
type dialError struct{ err error }

func (e *dialError) Error() string { return e.err.Error() }
func (e *dialError) Unwrap() error { return e.err }

func (c *Client) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, &dialError{err}
	}
	cfg := c.tls.Clone()
	cfg.ServerName = host
	d := tls.Dialer{NetDialer: &net.Dialer{Timeout: DialTimeout}, Config: cfg}
	conn, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, &dialError{fmt.Errorf("%w: %w", ErrUnreachable, err)}
	}
	if p := conn.(*tls.Conn).ConnectionState().NegotiatedProtocol; p != "http/1.1" {
		conn.Close()
		return nil, &dialError{fmt.Errorf("%w: %s does not speak %s", ErrProtocol, addr, ALPN)}
	}
	return conn, nil
}

// ErrUnreachable: the peer could not be reached or failed the TLS check;
// nothing was sent.
var ErrUnreachable = errors.New("peer unreachable")

// do sends one call to addr and decodes its reply into out. An error that
// matches ErrUnreachable means nothing was sent; a transport failure after
// sending is replica.ErrUnknownOutcome.
func (c *Client) do(ctx context.Context, method, addr, path string, in, out any) error {
	return c.doCall(ctx, method, addr, path, in, out, path != pathApply && path != pathOp)
}

// doCall is do; repeatable says the call may be sent twice (on a kept-alive
// connection) with no harm.
func (c *Client) doCall(ctx context.Context, method, addr, path string, in, out any, repeatable bool) error {
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return fmt.Errorf("peerapi: encode %s: %w", path, err)
		}
		if len(body) > MaxBodyBytes {
			return fmt.Errorf("%w: request of %d bytes", ErrTooLarge, len(body))
		}
	}
	return c.send(ctx, method, addr, path, body, out, repeatable)
}

// send sends body (nil for none) as it is.
func (c *Client) send(ctx context.Context, method, addr, path string, body []byte, out any, repeatable bool) error {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultCallTimeout)
		defer cancel()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, "https://"+addr+path, rd)
	if err != nil {
		return fmt.Errorf("%w: %s: %w", ErrBadRequest, addr, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if d, ok := ctx.Deadline(); ok {
		req.Header.Set(timeoutHeader, strconv.FormatInt(max(time.Until(d).Milliseconds(), 1), 10))
	}
	hc := c.hcOnce
	if repeatable {
		// net/http resends a POST marked idempotent when a kept-alive
		// connection turns out closed by the server; an empty key is
		// not sent.
		req.Header["Idempotency-Key"] = []string{}
		hc = c.hc
	}
	resp, err := hc.Do(req)
	if err != nil {
		if de := (*dialError)(nil); errors.As(err, &de) {
			return fmt.Errorf("%s: %w", addr, de.err)
		}
		return fmt.Errorf("%w: %s%s: %w", replica.ErrUnknownOutcome, addr, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var er errorReply
		if err := decodeJSON(resp.Body, &er, false); err != nil || er.Error == nil {
			return fmt.Errorf("%w: %s%s: HTTP %d without an error body", ErrProtocol, addr, path, resp.StatusCode)
		}
		return er.Error.err(addr)
	}
	if err := decodeJSON(resp.Body, out, false); err != nil {
		return fmt.Errorf("%w: %s%s: reply: %w", replica.ErrUnknownOutcome, addr, path, err)
	}
	return nil
}

// Apply proposes cmd through the leader at addr. The result and error are
// the state machine's, as replica.Node.Apply returns them; a
// *NotLeaderError says addr is not the leader (nothing was proposed).
func (c *Client) Apply(ctx context.Context, addr string, cmd state.Command) (state.Result, error) {
	entry, err := state.Encode(cmd)
	if err != nil {
		return state.Result{}, err
	}
	var reply applyReply
	if err := c.do(ctx, http.MethodPost, addr, pathApply, applyRequest{Entry: entry}, &reply); err != nil {
		return state.Result{}, err
	}
	if reply.Error != nil {
		return reply.Result.result(), reply.Error.err(addr)
	}
	return reply.Result.result(), nil
}

// Renew sends a lease renewal to the leader at addr and times it on this
// host's monotonic clock. The caller must still judge the round trip
// (Renewal.Check, CheckRoundTrip) before trusting the reply.
func (c *Client) Renew(ctx context.Context, addr string, req RenewRequest) (Renewal, error) {
	r := Renewal{Sent: time.Now()}
	err := c.do(ctx, http.MethodPost, addr, pathRenew, req, &r.Reply)
	r.Received = time.Now()
	if err != nil {
		return r, err
	}
	if r.Reply.Holder != req.Holder || r.Reply.Seq != req.Seq {
		return r, fmt.Errorf("%w: %s: renewal reply for %s #%d, sent %s #%d", ErrProtocol, addr, r.Reply.Holder, r.Reply.Seq, req.Holder, req.Seq)
	}
	return r, nil
}

// Join asks the leader at addr to add this server.
func (c *Client) Join(ctx context.Context, addr string, req JoinRequest) (JoinReply, error) {
	var reply JoinReply
	err := c.do(ctx, http.MethodPost, addr, pathJoin, req, &reply)
	return reply, err
}

// Operate asks the leader at addr to carry out op.
func (c *Client) Operate(ctx context.Context, addr string, op Operation) (OperationReply, error) {
	var reply OperationReply
	err := c.do(ctx, http.MethodPost, addr, pathOp, op, &reply)
	return reply, err
}

// Status asks the server at addr for its view of the cluster.
func (c *Client) Status(ctx context.Context, addr string) (Status, error) {
	var st Status
	err := c.do(ctx, http.MethodGet, addr, pathStatus, nil, &st)
	return st, err
}

// JoinAny asks the cluster to add this server through any of seeds (raft
// addresses of members), following a not-leader redirect once per seed. It
// returns the first success, or the last error.
func (c *Client) JoinAny(ctx context.Context, seeds []string, req JoinRequest) (JoinReply, error) {
	if len(seeds) == 0 {
		return JoinReply{}, fmt.Errorf("%w: no address to join through", ErrBadRequest)
	}
	var last error
	for _, addr := range seeds {
		reply, err := c.Join(ctx, addr, req)
		if nl := (*NotLeaderError)(nil); errors.As(err, &nl) && nl.LeaderAddr != "" && nl.LeaderAddr != addr {
			reply, err = c.Join(ctx, nl.LeaderAddr, req)
		}
		if err == nil {
			return reply, nil
		}
		last = err
		if ctx.Err() != nil || !retryable(err) {
			break
		}
	}
	return JoinReply{}, fmt.Errorf("peerapi: join as %s: %w", req.ID, last)
}
