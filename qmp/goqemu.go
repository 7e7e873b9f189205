package qmp

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	goqmp "github.com/digitalocean/go-qemu/qmp"
)

// GoQEMU adapts c to go-qemu's qmp.Monitor, so go-qemu's generated command
// wrappers (qmp/raw) and its qemu.Domain run on this hardened transport:
// each Run gets timeout as its deadline (go-qemu's API has no context),
// errors keep their *Error type (errors.As still finds the class), replies
// of any size work, and Events never stall replies. Connect is a no-op (the
// Client is already connected); Disconnect closes the Client.
func (c *Client) GoQEMU(timeout time.Duration) goqmp.Monitor {
	return &goQEMUMonitor{c: c, timeout: timeout}
}

type goQEMUMonitor struct {
	c       *Client
	timeout time.Duration
}

func (g *goQEMUMonitor) Connect() error    { return nil }
func (g *goQEMUMonitor) Disconnect() error { return g.c.Close() }

func (g *goQEMUMonitor) Run(command []byte) ([]byte, error) {
	var cmd struct {
		Execute   string          `json:"execute"`
		Arguments json.RawMessage `json:"arguments"`
	}
	if err := json.Unmarshal(command, &cmd); err != nil || cmd.Execute == "" {
		return nil, fmt.Errorf("qmp: go-qemu command %.80q: not a QMP command", command)
	}
	var args any
	if len(cmd.Arguments) > 0 && string(cmd.Arguments) != "{}" && string(cmd.Arguments) != "null" {
		args = cmd.Arguments
	}
	ctx, cancel := context.WithTimeout(context.Background(), g.timeout)
	defer cancel()
	var ret json.RawMessage
	if err := g.c.Run(ctx, cmd.Execute, args, &ret); err != nil {
		return nil, err
	}
	if ret == nil {
		ret = json.RawMessage("{}")
	}
	return json.Marshal(struct {
		Return json.RawMessage `json:"return"`
	}{ret})
}

func (g *goQEMUMonitor) Events(ctx context.Context) (<-chan goqmp.Event, error) {
	in, unsub := g.c.Subscribe(256)
	out := make(chan goqmp.Event)
	go func() {
		defer close(out)
		defer unsub()
		for {
			select {
			case ev, ok := <-in:
				if !ok {
					return
				}
				ge := goqmp.Event{Event: ev.Name}
				json.Unmarshal(ev.Data, &ge.Data)
				if !ev.Time.IsZero() {
					ge.Timestamp.Seconds = ev.Time.Unix()
					ge.Timestamp.Microseconds = int64(ev.Time.Nanosecond() / 1000)
				}
				select {
				case out <- ge:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}
