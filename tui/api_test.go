package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/cluster/state"
)

// clusterDaemon is a cluster daemon behind the real local API: a fixed
// status and audit log, and Operations that record drains and readmits.
type clusterDaemon struct {
	mu    sync.Mutex
	calls []string
}

func (d *clusterDaemon) Status(context.Context) (localapi.Status, error) {
	return *clusterStatus(), nil
}

func (d *clusterDaemon) Events(_ context.Context, after uint64, limit int) ([]localapi.Event, error) {
	var out []localapi.Event
	for _, ev := range numbered(clusterEvents()) {
		if ev.Seq > after {
			out = append(out, ev)
		}
	}
	return out, nil
}

func (d *clusterDaemon) Subscribe() (<-chan localapi.Event, func()) {
	return make(chan localapi.Event), func() {}
}

func (d *clusterDaemon) op(verb, name, state string) (localapi.HostDetail, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.calls = append(d.calls, verb+" "+name)
	if name == "h3" {
		return localapi.HostDetail{}, fmt.Errorf("%w: h3 is fenced", localapi.ErrConflict)
	}
	return localapi.HostDetail{HostStatus: localapi.HostStatus{Name: name, State: state}}, nil
}

func (d *clusterDaemon) DrainHost(_ context.Context, name string) (localapi.HostDetail, error) {
	return d.op("drain", name, "maintenance")
}

func (d *clusterDaemon) ReadmitHost(_ context.Context, name string) (localapi.HostDetail, error) {
	return d.op("readmit", name, "healthy")
}

func (d *clusterDaemon) ListVMs(context.Context) ([]localapi.VM, error) { return nil, nil }
func (d *clusterDaemon) ShowVM(context.Context, string) (localapi.VMDetail, error) {
	return localapi.VMDetail{}, localapi.ErrNotFound
}
func (d *clusterDaemon) CreateVM(context.Context, state.VMSpec) (localapi.VMDetail, error) {
	return localapi.VMDetail{}, localapi.ErrInvalid
}
func (d *clusterDaemon) StartVM(context.Context, string) (localapi.VMDetail, error) {
	return localapi.VMDetail{}, localapi.ErrNotFound
}
func (d *clusterDaemon) StopVM(context.Context, string) (localapi.VMDetail, error) {
	return localapi.VMDetail{}, localapi.ErrNotFound
}
func (d *clusterDaemon) MigrateVM(context.Context, string, string) (localapi.VMDetail, error) {
	return localapi.VMDetail{}, localapi.ErrNotFound
}
func (d *clusterDaemon) ShowHost(context.Context, string) (localapi.HostDetail, error) {
	return localapi.HostDetail{}, localapi.ErrNotFound
}

var _ localapi.Operations = (*clusterDaemon)(nil)

// TestThroughLocalAPI: the screen on the real local API client and server
// shows the cluster's status and audit log, and drain and readmit reach
// the daemon's routes, its refusals shown with its words.
func TestThroughLocalAPI(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "vigil.sock")
	ln, err := localapi.Listen(sock)
	if err != nil {
		t.Fatal(err)
	}
	daemon := &clusterDaemon{}
	srv := localapi.NewServer(ln, daemon, nil)
	go srv.Serve()
	t.Cleanup(func() { srv.Close(context.Background()) })

	c := localapi.NewClient(sock)
	h := newHarness(t, true)
	h.m = New(c, c, Options{Socket: sock, Timeout: 10 * time.Second, Now: h.clock.now, Location: time.UTC})
	h.run(h.m.fetch())
	ctx, cancel := context.WithCancel(context.Background())
	msgs := make(chan tea.Msg, 16)
	done := make(chan struct{})
	go func() { defer close(done); Follow(ctx, c, func(m tea.Msg) { msgs <- m }, time.Second) }()
	for timeout := time.After(30 * time.Second); len(h.m.events) < 6; {
		select {
		case m := <-msgs:
			h.send(m)
		case <-timeout:
			t.Fatalf("%d events through the local API, want 6", len(h.m.events))
		}
	}
	cancel()
	<-done

	if s := h.screen(); !strings.Contains(s, "cluster edge-7 · leader h2") || !strings.Contains(s, "power off of h3 confirmed") {
		t.Errorf("screen through the local API:\n%s", s)
	}
	h.press("down", "d", "y")
	if s := h.screen(); !strings.Contains(s, "drain h2: done, host now maintenance") {
		t.Errorf("after drain h2:\n%s", s)
	}
	h.press("down", "a", "y")
	if s := h.screen(); !strings.Contains(s, "readmit h3: daemon: ") || !strings.Contains(s, "h3 is fenced") {
		t.Errorf("a refused readmit should show the daemon's words:\n%s", s)
	}
	daemon.mu.Lock()
	calls := slices.Clone(daemon.calls)
	daemon.mu.Unlock()
	if !slices.Equal(calls, []string{"drain h2", "readmit h3"}) {
		t.Errorf("daemon got %v, want drain h2 and readmit h3", calls)
	}
}
