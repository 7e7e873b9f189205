package localapi

import (
	"bufio"
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
	u := "http://vigil" + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
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
		var ae apiError
		if json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&ae) == nil && ae.Error != "" {
			return nil, fmt.Errorf("daemon: %s", ae.Error)
		}
		return nil, fmt.Errorf("daemon: %s", resp.Status)
	}
	return resp.Body, nil
}

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
