package qmp_test

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/qmp/qmptest"
)

func newServer(t *testing.T, h qmptest.Handler) *qmptest.Server {
	t.Helper()
	s, err := qmptest.NewServer(filepath.Join(t.TempDir(), "qmp.sock"), h)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func dial(t *testing.T, path string) *qmp.Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := qmp.Dial(ctx, path)
	if err != nil {
		t.Fatalf("Dial(%s): %v", path, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func ctx(t *testing.T, d time.Duration) context.Context {
	c, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return c
}

func TestClientNegotiatesAndRuns(t *testing.T) {
	s := newServer(t, func(cmd string, args json.RawMessage) (any, error) {
		switch cmd {
		case "echo":
			return args, nil
		case "nope":
			return nil, &qmp.Error{Class: qmp.ClassCommandNotFound, Desc: "The command nope has not been found"}
		case "fail":
			return nil, errors.New("it failed")
		}
		return nil, nil
	})
	c := dial(t, s.Path)
	if got := c.Version().String(); got != "7.2.22" {
		t.Errorf("Version() = %s, want 7.2.22", got)
	}
	var out map[string]int
	if err := c.Run(ctx(t, 5*time.Second), "echo", map[string]int{"a": 1}, &out); err != nil || out["a"] != 1 {
		t.Fatalf("Run(echo) = %v, %v; want a=1", out, err)
	}
	err := c.Run(ctx(t, 5*time.Second), "nope", nil, nil)
	var qe *qmp.Error
	if !errors.As(err, &qe) || qe.Class != qmp.ClassCommandNotFound || qe.Command != "nope" {
		t.Fatalf("Run(nope) = %v, want *qmp.Error CommandNotFound", err)
	}
	err = c.Run(ctx(t, 5*time.Second), "fail", nil, nil)
	if !errors.As(err, &qe) || qe.Class != qmp.ClassGenericError || qe.Desc != "it failed" {
		t.Fatalf("Run(fail) = %v, want GenericError 'it failed'", err)
	}
	calls := s.Calls()
	if len(calls) == 0 || calls[0].Command != "qmp_capabilities" {
		t.Errorf("first command = %v, want qmp_capabilities", calls)
	}
}

func TestClientBigReply(t *testing.T) {
	big := strings.Repeat("x", 1<<20) // far over go-qemu's 64 KiB limit
	s := newServer(t, func(cmd string, _ json.RawMessage) (any, error) { return big, nil })
	c := dial(t, s.Path)
	var got string
	if err := c.Run(ctx(t, 60*time.Second), "big", nil, &got); err != nil || len(got) != len(big) {
		t.Fatalf("Run(big) = %d bytes, %v; want %d bytes", len(got), err, len(big))
	}
	// The connection is still usable.
	if err := c.Run(ctx(t, 60*time.Second), "big", nil, nil); err != nil {
		t.Fatalf("second Run: %v", err)
	}
}

func TestClientMessageLimit(t *testing.T) {
	s := newServer(t, func(cmd string, _ json.RawMessage) (any, error) { return strings.Repeat("y", 4096), nil })
	c, err := qmp.DialWith(ctx(t, 5*time.Second), s.Path, qmp.DialOptions{MaxMessage: 1024})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	err = c.Run(ctx(t, 5*time.Second), "big", nil, nil)
	if !errors.Is(err, qmp.ErrClosed) || !errors.Is(c.Err(), qmp.ErrClosed) {
		t.Fatalf("Run over the limit = %v, want ErrClosed", err)
	}
	if !strings.Contains(c.Err().Error(), "larger than the limit") {
		t.Errorf("Err() = %v, want it to name the limit", c.Err())
	}
}

func TestClientEventsNeverBlockReplies(t *testing.T) {
	s := newServer(t, nil)
	c := dial(t, s.Path)
	slow, unsubSlow := c.Subscribe(4) // never read
	defer unsubSlow()
	fast, unsub := c.Subscribe(10000)
	defer unsub()
	for i := 0; i < 2000; i++ {
		if err := s.Emit("MIGRATION_PASS", map[string]int{"pass": i}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Run(ctx(t, 5*time.Second), "query-status", nil, nil); err != nil {
		t.Fatalf("Run after an event flood: %v", err)
	}
	n := 0
	for n < 2000 {
		select {
		case ev := <-fast:
			if ev.Name != "MIGRATION_PASS" || ev.Time.IsZero() {
				t.Fatalf("event = %+v", ev)
			}
			n++
		case <-time.After(30 * time.Second):
			t.Fatalf("got %d of 2000 events", n)
		}
	}
	if d := c.Dropped(slow); d != 2000-4 {
		t.Errorf("Dropped(slow) = %d, want %d", d, 2000-4)
	}
	// The slow subscriber keeps the newest.
	var last qmp.Event
	for len(slow) > 0 {
		last = <-slow
	}
	var data struct{ Pass int }
	json.Unmarshal(last.Data, &data)
	if data.Pass != 1999 {
		t.Errorf("slow subscriber's last event pass = %d, want 1999", data.Pass)
	}
}

func TestClientDeadline(t *testing.T) {
	release := make(chan struct{})
	s := newServer(t, func(cmd string, _ json.RawMessage) (any, error) {
		if cmd == "hang" {
			<-release
		}
		return nil, nil
	})
	defer close(release)
	c := dial(t, s.Path)
	start := time.Now()
	err := c.Run(ctx(t, 200*time.Millisecond), "hang", nil, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Run(hang) = %v, want DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Run(hang) took %v", d)
	}
	release <- struct{}{}
	// The late reply is discarded and the next command gets its own.
	var st qmp.StatusInfo
	if err := c.Run(ctx(t, 5*time.Second), "query-status", nil, &st); err != nil {
		t.Fatalf("Run after a timed-out call: %v", err)
	}
}

func TestClientPeerDiesMidCommand(t *testing.T) {
	before := runtime.NumGoroutine()
	s := newServer(t, func(cmd string, _ json.RawMessage) (any, error) {
		if cmd == "die" {
			return nil, qmptest.ErrHangUp
		}
		return nil, nil
	})
	c := dial(t, s.Path)
	events, _ := c.Subscribe(8)
	err := c.Run(ctx(t, 10*time.Second), "die", nil, nil)
	if !errors.Is(err, qmp.ErrClosed) {
		t.Fatalf("Run(die) = %v, want ErrClosed", err)
	}
	select {
	case <-c.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("Done not closed after the peer hung up")
	}
	if _, ok := <-events; ok {
		t.Error("event channel still open after the peer hung up")
	}
	if err := c.Run(ctx(t, time.Second), "x", nil, nil); !errors.Is(err, qmp.ErrClosed) {
		t.Errorf("Run on a dead client = %v, want ErrClosed", err)
	}
	c.Close()
	s.Close()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("goroutines: %d before, %d after", before, n)
	}
}

func TestDialNoGreeting(t *testing.T) {
	// A socket that accepts but never greets (QMP busy with another
	// client) must not hang Dial past its deadline.
	s := newServer(t, nil)
	first := dial(t, s.Path) // the fake serves one client at a time
	_ = first
	start := time.Now()
	_, err := qmp.Dial(ctx(t, 300*time.Millisecond), s.Path)
	if err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Dial to a busy monitor = %v, want DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Dial took %v", d)
	}
}
