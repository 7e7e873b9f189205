package localapi

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"syscall"

	"github.com/vigil-ha/vigil/cluster/state"
)

// Client talks to the daemon's socket.
type Client struct {
	socket string
	hc     *http.Client
}

// NewClient returns a client of the daemon listening on socket.
func NewClient(socket string) *Client {
	tr := &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", socket)
		},
		DisableCompression: true,
		Proxy:              nil,
	}
	return &Client{socket: socket, hc: &http.Client{Transport: tr}}
}

// Socket is the path the client dials.
func (c *Client) Socket() string { return c.socket }

// get sends a GET and returns the body of a 200 answer.
func (c *Client) get(ctx context.Context, path string, q url.Values) (io.ReadCloser, error) {
	return c.call(ctx, http.MethodGet, path, q, nil)
}

// call sends a request and returns the body of a 200 answer. An error
// answer keeps its class: it wraps ErrStandalone, ErrNotFound, ErrInvalid,
// ErrConflict, ErrReadOnly or ErrUnavailable by its status, with the
// daemon's words.
func (c *Client) call(ctx context.Context, method, path string, q url.Values, in any) (io.ReadCloser, error) {
	u := "http://vigil" + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if isNoDaemon(err) {
			return nil, fmt.Errorf("%w on %s", ErrNoDaemon, c.socket)
		}
		return nil, fmt.Errorf("daemon on %s: %w", c.socket, err)
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		msg := resp.Status
		var ae apiError
		if json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&ae) == nil && ae.Error != "" {
			msg = ae.Error
		}
		if class := classOf(resp.StatusCode); class != nil {
			return nil, &classError{class: class, msg: "daemon: " + msg}
		}
		return nil, fmt.Errorf("daemon: %s", msg)
	}
	return resp.Body, nil
}

// classError is a daemon's error answer: its words, and the class its
// status says.
type classError struct {
	class error
	msg   string
}

func (e *classError) Error() string { return e.msg }
func (e *classError) Unwrap() error { return e.class }

// classOf is the sentinel of an error answer's status.
func classOf(status int) error {
	switch status {
	case http.StatusNotImplemented:
		return ErrStandalone
	case http.StatusNotFound:
		return ErrNotFound
	case http.StatusBadRequest:
		return ErrInvalid
	case http.StatusConflict:
		return ErrConflict
	case http.StatusForbidden:
		return ErrReadOnly
	case http.StatusServiceUnavailable:
		return ErrUnavailable
	}
	return nil
}

// do sends a request and decodes the 200 answer into out.
func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	body, err := c.call(ctx, method, path, nil, in)
	if err != nil {
		return err
	}
	defer body.Close()
	if err := json.NewDecoder(io.LimitReader(body, 16<<20)).Decode(out); err != nil {
		return fmt.Errorf("daemon: %s %s: %w", method, path, err)
	}
	return nil
}

// ListVMs lists the cluster's VMs.
func (c *Client) ListVMs(ctx context.Context) ([]VM, error) {
	var out []VM
	err := c.do(ctx, http.MethodGet, "/v1/vms", nil, &out)
	return out, err
}

// ShowVM shows one VM.
func (c *Client) ShowVM(ctx context.Context, name string) (VMDetail, error) {
	var out VMDetail
	err := c.do(ctx, http.MethodGet, "/v1/vms/"+url.PathEscape(name), nil, &out)
	return out, err
}

// CreateVM creates a VM from its spec.
func (c *Client) CreateVM(ctx context.Context, spec state.VMSpec) (VMDetail, error) {
	var out VMDetail
	err := c.do(ctx, http.MethodPost, "/v1/vms", spec, &out)
	return out, err
}

// StartVM asks for the VM to run.
func (c *Client) StartVM(ctx context.Context, name string) (VMDetail, error) {
	var out VMDetail
	err := c.do(ctx, http.MethodPost, "/v1/vms/"+url.PathEscape(name)+"/start", struct{}{}, &out)
	return out, err
}

// StopVM asks for the VM to stop.
func (c *Client) StopVM(ctx context.Context, name string) (VMDetail, error) {
	var out VMDetail
	err := c.do(ctx, http.MethodPost, "/v1/vms/"+url.PathEscape(name)+"/stop", struct{}{}, &out)
	return out, err
}

// MigrateVM asks for a live migration of the VM to host to.
func (c *Client) MigrateVM(ctx context.Context, name, to string) (VMDetail, error) {
	var out VMDetail
	err := c.do(ctx, http.MethodPost, "/v1/vms/"+url.PathEscape(name)+"/migrate", migrateRequest{To: to}, &out)
	return out, err
}

// ShowHost shows one host.
func (c *Client) ShowHost(ctx context.Context, name string) (HostDetail, error) {
	var out HostDetail
	err := c.do(ctx, http.MethodGet, "/v1/hosts/"+url.PathEscape(name), nil, &out)
	return out, err
}

// DrainHost asks for the host to be drained.
func (c *Client) DrainHost(ctx context.Context, name string) (HostDetail, error) {
	var out HostDetail
	err := c.do(ctx, http.MethodPost, "/v1/hosts/"+url.PathEscape(name)+"/drain", struct{}{}, &out)
	return out, err
}

// ReadmitHost asks for the host to return to service.
func (c *Client) ReadmitHost(ctx context.Context, name string) (HostDetail, error) {
	var out HostDetail
	err := c.do(ctx, http.MethodPost, "/v1/hosts/"+url.PathEscape(name)+"/readmit", struct{}{}, &out)
	return out, err
}

var _ Operations = (*Client)(nil)

// isNoDaemon reports whether a dial failed because nothing listens.
func isNoDaemon(err error) bool {
	return errors.Is(err, syscall.ENOENT) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOTDIR)
}

// Status asks for the daemon's status.
func (c *Client) Status(ctx context.Context) (*Status, error) {
	body, err := c.get(ctx, "/v1/status", nil)
	if err != nil {
		return nil, err
	}
	defer body.Close()
	var st Status
	if err := json.NewDecoder(body).Decode(&st); err != nil {
		return nil, fmt.Errorf("daemon: status: %w", err)
	}
	return &st, nil
}

// Events calls fn with the audit events after sequence number after, oldest
// first. With follow it goes on with every new event until ctx ends, fn
// fails, or the daemon goes away; a stream the daemon ended because this
// client fell behind is reopened from the last event seen.
func (c *Client) Events(ctx context.Context, after uint64, follow bool, fn func(Event) error) error {
	for {
		q := url.Values{}
		if after > 0 {
			q.Set("after", strconv.FormatUint(after, 10))
		}
		if follow {
			q.Set("follow", "1")
		}
		body, err := c.get(ctx, "/v1/events", q)
		if err != nil {
			return err
		}
		err = readEvents(body, func(ev Event) error {
			after = ev.Seq
			return fn(ev)
		})
		body.Close()
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case err != nil:
			return err
		case !follow:
			return nil
		}
	}
}

func readEvents(r io.Reader, fn func(Event) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		var ev Event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			return fmt.Errorf("daemon: event: %w", err)
		}
		if err := fn(ev); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("daemon: events: %w", err)
	}
	return nil
}
