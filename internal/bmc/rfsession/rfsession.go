// Package rfsession logs vigil's Redfish clients (sensors/redfish and
// fencing/redfish) in to a BMC one way, through gofish, and maps gofish's
// errors to internal/bmc's causes.
//
// Connect refuses a plain http:// service unless Config.AllowPlainHTTP
// (ErrPlainHTTP: the password, or the session token, would cross the
// network in clear on every request), then opens a Redfish session: a POST
// of the credentials to the SessionService, X-Auth-Token on every later
// request, and Client.Logout deletes the session. HTTP Basic is used only
// where the service has no SessionService (no Sessions link, or 404, 405 or
// 501 on the login) or Config.BasicOnly; a login refused with 401 or 403 is
// a credentials or privilege failure, never a reason to retry with Basic.
// Because gofish's Basic "connect" succeeds with any password (the service
// root is public), Basic mode proves the credentials with one authenticated
// GET (Config.Prove). HTTPS goes through bmc.HTTPClient.
//
// Classify turns gofish's errors into causes: 401 bmc.ErrAuth, 403
// bmc.ErrPrivilege, 400, 405 and 501 bmc.ErrUnsupported (with the Redfish
// error's own message), certificate and handshake failures bmc.ErrCipher,
// transport failures bmc.ErrUnreachable.
package rfsession

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/stmcginnis/gofish"
	"github.com/stmcginnis/gofish/schemas"

	"github.com/vigil-ha/vigil/internal/bmc"
)

// ErrPlainHTTP refuses an http:// service that was not explicitly allowed.
var ErrPlainHTTP = errors.New("plain http refused: the BMC password (or session token) would cross the network unencrypted on every request; " +
	"use https://, or allow plain http explicitly (--allow-plain-http) on an isolated lab network only")

// Config says how to reach and log in to one Redfish service.
type Config struct {
	URL            string // https://HOST[:PORT]; a bare host means https
	User, Password string
	TLS            bmc.TLS
	// AllowPlainHTTP permits an http:// URL.
	AllowPlainHTTP bool
	// BasicOnly skips the session login and uses HTTP Basic.
	BasicOnly bool
	// MaxConns bounds parallel requests and kept-alive connections
	// (default 4).
	MaxConns int
	// Prove is the resource Basic mode GETs to prove the credentials
	// ("/redfish/v1/Chassis"); empty when the caller's first request does
	// (an authenticated GET whose 401 it classifies).
	Prove string
}

// Endpoint normalises raw to "scheme://host[:port]": a bare host means
// https, any path is dropped, and http:// is refused unless allowPlain.
func Endpoint(raw string, allowPlain bool) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", errors.New("the Redfish URL is required")
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", fmt.Errorf("URL %q: want https://HOST[:PORT]", raw)
	}
	if u.Scheme == "http" && !allowPlain {
		return "", fmt.Errorf("URL %q: %w", raw, ErrPlainHTTP)
	}
	return u.Scheme + "://" + u.Host, nil
}

// Client is one logged-in gofish client.
type Client struct {
	API      *gofish.APIClient
	Endpoint string
	// Basic is true when every request carries HTTP Basic credentials
	// (the service has no SessionService, or Config.BasicOnly).
	Basic bool
}

// Connect logs in as the package doc says. Failures are classified; a
// configuration error (URL, plain http) comes before any request.
func Connect(ctx context.Context, cfg Config) (*Client, error) {
	endpoint, err := Endpoint(cfg.URL, cfg.AllowPlainHTTP)
	if err != nil {
		return nil, err
	}
	maxConns := cfg.MaxConns
	if maxConns <= 0 {
		maxConns = 4
	}
	hc := bmc.HTTPClient(cfg.TLS, maxConns)
	cc := gofish.ClientConfig{
		Endpoint: endpoint, Username: cfg.User, Password: cfg.Password,
		HTTPClient: hc, NoModifyTransport: true, ReuseConnections: true,
		MaxConcurrentRequests: int64(maxConns),
	}
	fail := func(err error) (*Client, error) {
		hc.CloseIdleConnections()
		return nil, Classify(ctx, bmc.Scrub(err, cfg.Password))
	}
	if !cfg.BasicOnly {
		api, err := gofish.ConnectContext(ctx, cc)
		if err == nil {
			return &Client{API: api, Endpoint: endpoint}, nil
		}
		if !noSessionService(ctx, err) {
			return fail(err)
		}
	}
	cc.BasicAuth = true
	api, err := gofish.ConnectContext(ctx, cc)
	if err != nil {
		return fail(err)
	}
	if cfg.Prove != "" {
		resp, err := api.WithContext(ctx).Get(cfg.Prove)
		if err != nil {
			return fail(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return &Client{API: api, Endpoint: endpoint, Basic: true}, nil
}

// noSessionService reports whether a failed session login means the
// service has no SessionService: no Sessions link in the service root
// (gofish then has no URI to POST to) or a login answered 404, 405 or 501.
func noSessionService(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	var re *schemas.Error
	if errors.As(err, &re) {
		switch re.HTTPReturnedStatusCode {
		case http.StatusNotFound, http.StatusMethodNotAllowed, http.StatusNotImplemented:
			return true
		}
		return false
	}
	return strings.Contains(err.Error(), "no target provided")
}

// Logout deletes the session (nothing to do under Basic) within timeout,
// best effort, and closes idle connections.
func (c *Client) Logout(timeout time.Duration) {
	if c == nil || c.API == nil {
		return
	}
	if !c.Basic {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		c.API.WithContext(ctx).Logout()
		cancel()
	}
	if c.API.HTTPClient != nil {
		c.API.HTTPClient.CloseIdleConnections()
	}
}

// Classify maps an error of gofish (or of a request made through it) to
// internal/bmc's causes; anything else is returned as it is.
func Classify(ctx context.Context, err error) error {
	if err == nil || bmc.Classified(err) {
		return err
	}
	var re *schemas.Error
	if errors.As(err, &re) {
		if re.HTTPReturnedStatusCode == 0 {
			// gofish reports a failed read of a response body as status 0
			// with the text only.
			if ctx.Err() != nil {
				return bmc.Transport(ctx, ctx.Err())
			}
			return bmc.Errorf(bmc.ErrUnreachable, err, "the connection failed: "+re.Message)
		}
		if e := bmc.HTTPStatus(re.HTTPReturnedStatusCode, Brief(re), err); e != nil {
			return e
		}
		return &statusError{msg: fmt.Sprintf("HTTP %d: %s", re.HTTPReturnedStatusCode, Brief(re)), err: err}
	}
	return bmc.Transport(ctx, err)
}

// statusError is an HTTP error answer that is none of the causes: its
// status and message without the raw body, the gofish error still
// reachable with errors.As.
type statusError struct {
	msg string
	err error
}

func (e *statusError) Error() string { return e.msg }
func (e *statusError) Unwrap() error { return e.err }

// Brief is a Redfish error's message (its first extended message when the
// top one is generic), without the raw body.
func Brief(e *schemas.Error) string {
	msg := e.Message
	if len(e.ExtendedInfos) > 0 && e.ExtendedInfos[0].Message != "" {
		msg = e.ExtendedInfos[0].Message
	}
	if msg == "" {
		msg = http.StatusText(e.HTTPReturnedStatusCode)
	}
	return msg
}
