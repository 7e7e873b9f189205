package peerapi

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/internal/pkitest"
)

// testLogger writes warnings and errors to the test log until the test
// ends (raft goroutines may outlive it briefly).
func testLogger(tb testing.TB) *slog.Logger {
	w := &tbWriter{tb: tb}
	tb.Cleanup(w.stop)
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type tbWriter struct {
	mu   sync.Mutex
	tb   testing.TB
	done bool
}

func (w *tbWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.tb.Log(string(bytes.TrimSpace(p)))
	}
	return len(p), nil
}

func (w *tbWriter) stop() {
	w.mu.Lock()
	w.done = true
	w.mu.Unlock()
}

func ctxT(tb testing.TB, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	tb.Cleanup(cancel)
	return ctx
}

// testHost is one host: a raft node and the peer API on one port.
type testHost struct {
	id     string
	addr   string
	mux    *Mux
	node   *replica.Node
	srv    *Server
	served chan error
	tls    *tls.Config
	client *Client
	fwd    *Forwarder
}

// testCluster is hosts on loopback, over mutual TLS with one CA.
type testCluster struct {
	tb      testing.TB
	ca      *pkitest.CA
	log     *slog.Logger
	dir     string
	servers []replica.Server
	addrs   map[string]string
	// renewer makes a host's Renewer; LeaseGranter with a 10 s TTL if nil.
	renewer func(h *testHost) Renewer
	// operator makes a host's Operator; none if nil.
	operator func(h *testHost) Operator
	// extra makes a host's Extra handler; none if nil.
	extra func(h *testHost) http.Handler
	mu    sync.Mutex
	hosts map[string]*testHost
	ids   []string
}

// newTestCluster starts voters bootstrapped hosts n1..nN and extra hosts
// that wait to be joined.
func newTestCluster(tb testing.TB, voters, extra int, renewer func(*testHost) Renewer) *testCluster {
	tb.Helper()
	c := &testCluster{tb: tb, ca: pkitest.NewCA(tb, "cluster CA"), log: testLogger(tb), dir: tb.TempDir(), addrs: map[string]string{}, hosts: map[string]*testHost{}, renewer: renewer}
	c.startAll(voters, extra)
	return c
}

// newOperatorCluster is newTestCluster with an Operator on every host.
func newOperatorCluster(tb testing.TB, voters int, operator func(*testHost) Operator) *testCluster {
	tb.Helper()
	c := &testCluster{tb: tb, ca: pkitest.NewCA(tb, "cluster CA"), log: testLogger(tb), dir: tb.TempDir(), addrs: map[string]string{}, hosts: map[string]*testHost{}, operator: operator}
	c.startAll(voters, 0)
	return c
}

// newExtraCluster is newTestCluster with an Extra handler on every host.
func newExtraCluster(tb testing.TB, voters int, extra func(*testHost) http.Handler) *testCluster {
	tb.Helper()
	c := &testCluster{tb: tb, ca: pkitest.NewCA(tb, "cluster CA"), log: testLogger(tb), dir: tb.TempDir(), addrs: map[string]string{}, hosts: map[string]*testHost{}, extra: extra}
	c.startAll(voters, 0)
	return c
}

func (c *testCluster) startAll(voters, extra int) {
	tb := c.tb
	lns := map[string]net.Listener{}
	for i := 1; i <= voters+extra; i++ {
		id := fmt.Sprintf("n%d", i)
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		lns[id] = ln
		c.addrs[id] = ln.Addr().String()
		c.ids = append(c.ids, id)
		if i <= voters {
			c.servers = append(c.servers, replica.Server{ID: id, Address: ln.Addr().String(), Voter: true})
		}
	}
	for _, id := range c.ids {
		c.start(id, lns[id])
	}
	tb.Cleanup(c.closeAll)
}

func (c *testCluster) start(id string, ln net.Listener) *testHost {
	c.tb.Helper()
	tlsCfg, err := replica.LoadTLS(c.ca.Issue(c.tb, id))
	if err != nil {
		c.tb.Fatal(err)
	}
	h := &testHost{id: id, addr: c.addrs[id], tls: tlsCfg, mux: NewMux(ln, c.log), served: make(chan error, 1)}
	h.node, err = replica.Open(ctxT(c.tb, 10*time.Second), replica.Config{
		ID:        id,
		Dir:       filepath.Join(c.dir, id),
		Listener:  h.mux.Raft(),
		TLS:       tlsCfg,
		Bootstrap: c.servers,
		Logger:    c.log,
	})
	if err != nil {
		c.tb.Fatalf("open %s: %v", id, err)
	}
	var renewer Renewer = LeaseGranter{Node: h.node, TTL: 10 * time.Second}
	if c.renewer != nil {
		renewer = c.renewer(h)
	}
	var op Operator
	if c.operator != nil {
		op = c.operator(h)
	}
	var extra http.Handler
	if c.extra != nil {
		extra = c.extra(h)
	}
	h.srv, err = NewServer(ServerConfig{Cluster: "test", Node: h.node, TLS: tlsCfg, Renewer: renewer, Operator: op, Extra: extra, Logger: c.log})
	if err != nil {
		c.tb.Fatal(err)
	}
	go func() { h.served <- h.srv.Serve(h.mux.API()) }()
	if h.client, err = NewClient(tlsCfg); err != nil {
		c.tb.Fatal(err)
	}
	h.fwd = &Forwarder{Node: h.node, Client: h.client, Operator: op}
	c.mu.Lock()
	c.hosts[id] = h
	c.mu.Unlock()
	return h
}

// stop shuts a host down as the agent does: API, raft node, port.
func (c *testCluster) stop(id string) {
	c.tb.Helper()
	c.mu.Lock()
	h := c.hosts[id]
	delete(c.hosts, id)
	c.mu.Unlock()
	if h == nil {
		c.tb.Fatalf("stop %s: not running", id)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := h.srv.Shutdown(ctx); err != nil {
		c.tb.Logf("shutdown API of %s: %v", id, err)
	}
	if err := <-h.served; !errors.Is(err, http.ErrServerClosed) {
		c.tb.Errorf("Serve of %s returned %v, want http.ErrServerClosed", id, err)
	}
	if err := h.node.Close(); err != nil {
		c.tb.Logf("close %s: %v", id, err)
	}
	h.mux.Close()
	h.client.Close()
}

func (c *testCluster) closeAll() {
	for _, id := range c.ids {
		c.mu.Lock()
		h := c.hosts[id]
		c.mu.Unlock()
		if h != nil {
			c.stop(id)
		}
	}
}

func (c *testCluster) host(id string) *testHost {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hosts[id]
}

func (c *testCluster) live() []*testHost {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*testHost
	for _, id := range c.ids {
		if h := c.hosts[id]; h != nil {
			out = append(out, h)
		}
	}
	return out
}

// leader waits until exactly one live host leads and every live voter
// names it.
func (c *testCluster) leader(timeout time.Duration) *testHost {
	c.tb.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		var l *testHost
		n := 0
		for _, h := range c.live() {
			if h.node.IsLeader() {
				l = h
				n++
			}
		}
		if n == 1 {
			agree := true
			for _, h := range c.live() {
				if id, _ := h.node.Leader(); id != l.id && c.isVoter(h.id) {
					agree = false
				}
			}
			if agree {
				return l
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	c.tb.Fatalf("no single leader within %v", timeout)
	return nil
}

func (c *testCluster) isVoter(id string) bool {
	for _, s := range c.servers {
		if s.ID == id {
			return true
		}
	}
	return false
}

// follower returns a live host that is not the leader.
func (c *testCluster) follower(l *testHost) *testHost {
	for _, h := range c.live() {
		if h != l {
			return h
		}
	}
	c.tb.Fatal("no follower")
	return nil
}

// registerCmd registers host nN with management address 127.0.0.N.
func registerCmd(name string) *state.RegisterHost {
	return &state.RegisterHost{
		Name:      name,
		Addresses: state.Addresses{Management: "127.0.0." + strings.TrimPrefix(name, "n")},
		BootID:    "boot-" + name,
		Capacity:  state.Capacity{MemoryMiB: 4096, VCPUs: 4},
	}
}

func vmCmd(name string) *state.CreateVM {
	return &state.CreateVM{Spec: state.VMSpec{Name: name, VCPUs: 1, MemoryMiB: 256, HA: state.HA{Priority: 1, RTO: 30 * time.Second}}, Desired: state.Running}
}

// mustApply proposes on the leader.
func (c *testCluster) mustApply(cmds ...state.Command) {
	c.tb.Helper()
	for _, cmd := range cmds {
		if _, err := c.leader(15*time.Second).node.Apply(ctxT(c.tb, 10*time.Second), cmd); err != nil {
			c.tb.Fatalf("apply %T: %v", cmd, err)
		}
	}
}

// clientAs returns a client whose certificate names name, from this
// cluster's CA.
func (c *testCluster) clientAs(name string) *Client {
	c.tb.Helper()
	cfg, err := replica.LoadTLS(c.ca.Issue(c.tb, name))
	if err != nil {
		c.tb.Fatal(err)
	}
	cl, err := NewClient(cfg)
	if err != nil {
		c.tb.Fatal(err)
	}
	c.tb.Cleanup(cl.Close)
	return cl
}
