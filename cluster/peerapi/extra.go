package peerapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// ExtraPrefix is where the routes of ServerConfig.Extra live: calls
// another package of the agent defines (the hosts' side of a live
// migration between agents), on the same port, TLS and identity checks.
const ExtraPrefix = "/v1/x/"

type peerKey struct{}

// PeerFrom returns the cluster member (host or raft server) that made an
// Extra call, as its certificate names it.
func PeerFrom(ctx context.Context) string {
	p, _ := ctx.Value(peerKey{}).(string)
	return p
}

// extra serves h under ExtraPrefix: a verified certificate naming a member
// of the cluster, the in-flight bound and the body bound, as every call;
// no deadline beyond the caller's own (a handler that streams, a
// migration's events, lifts the server's write deadline itself).
func (s *Server) extra(h http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.TLS == nil || len(r.TLS.VerifiedChains) == 0 || len(r.TLS.PeerCertificates) == 0 {
			s.fail(w, r, fmt.Errorf("%w: no verified client certificate", ErrForbidden))
			return
		}
		select {
		case s.sem <- struct{}{}:
			defer func() { <-s.sem }()
		default:
			s.fail(w, r, fmt.Errorf("%w: %d calls running", ErrBusy, cap(s.sem)))
			return
		}
		ctx := r.Context()
		mctx, cancel := context.WithTimeout(ctx, MaxCallTimeout)
		peer, err := s.member(mctx, r.TLS.PeerCertificates[0])
		cancel()
		if err != nil {
			s.fail(w, r, err)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		h.ServeHTTP(w, r.WithContext(context.WithValue(ctx, peerKey{}, peer)))
	}
}

// WriteReply answers an Extra call with v as JSON.
func WriteReply(w http.ResponseWriter, v any) { writeJSON(w, http.StatusOK, v) }

// WriteError answers an Extra call with err, its class kept across the
// wire as for every call (server names the host that answers).
func WriteError(w http.ResponseWriter, server string, err error) {
	kind, status := classify(err)
	writeJSON(w, status, errorReply{Error: &wireError{Kind: kind, Message: err.Error(), Server: server}})
}

// ReadRequest decodes an Extra call's JSON body strictly (unknown fields
// refused), as an ErrBadRequest when it does not decode.
func ReadRequest(r *http.Request, v any) error {
	return decodeJSON(r.Body, v, true)
}

// Call sends a call to an Extra route at addr and decodes its reply into
// out. It is never resent on a kept-alive connection: the caller decides
// what a lost reply means.
func (c *Client) Call(ctx context.Context, method, addr, path string, in, out any) error {
	if !strings.HasPrefix(path, ExtraPrefix) {
		return fmt.Errorf("%w: %s is not under %s", ErrBadRequest, path, ExtraPrefix)
	}
	return c.doCall(ctx, method, addr, path, in, out, false)
}

// CallIdempotent is Call for a call that changes nothing at the peer (a
// read, a poll): it rides a kept-alive connection, so a poll does not pay
// a TLS handshake each time, and net/http may send it again on a
// connection the server had just closed.
func (c *Client) CallIdempotent(ctx context.Context, method, addr, path string, in, out any) error {
	if !strings.HasPrefix(path, ExtraPrefix) {
		return fmt.Errorf("%w: %s is not under %s", ErrBadRequest, path, ExtraPrefix)
	}
	return c.doCall(ctx, method, addr, path, in, out, true)
}

// Stream opens an Extra route at addr whose reply is a stream and returns
// its body, to be read and closed by the caller; it ends with ctx.
func (c *Client) Stream(ctx context.Context, method, addr, path string, in any) (io.ReadCloser, error) {
	if !strings.HasPrefix(path, ExtraPrefix) {
		return nil, fmt.Errorf("%w: %s is not under %s", ErrBadRequest, path, ExtraPrefix)
	}
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return nil, fmt.Errorf("peerapi: encode %s: %w", path, err)
		}
		body = strings.NewReader(string(b))
	}
	req, err := http.NewRequestWithContext(ctx, method, "https://"+addr+path, body)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrBadRequest, addr, err)
	}
	resp, err := c.hcOnce.Do(req)
	if err != nil {
		if de := (*dialError)(nil); errors.As(err, &de) {
			return nil, fmt.Errorf("%s: %w", addr, de.err)
		}
		return nil, fmt.Errorf("%w: %s%s: %w", ErrUnreachable, addr, path, err)
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		var er errorReply
		if err := decodeJSON(resp.Body, &er, false); err != nil || er.Error == nil {
			return nil, fmt.Errorf("%w: %s%s: HTTP %d without an error body", ErrProtocol, addr, path, resp.StatusCode)
		}
		return nil, er.Error.err(addr)
	}
	return resp.Body, nil
}

// LiftWriteDeadline lets an Extra handler stream beyond the server's write
// deadline (it ends with the request's context).
func LiftWriteDeadline(w http.ResponseWriter) error {
	return http.NewResponseController(w).SetWriteDeadline(time.Time{})
}
