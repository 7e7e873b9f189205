package witness

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/peerapi"
	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/internal/pkitest"
)

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

// freeAddr reserves a loopback port and releases it for a listener that
// cannot be handed over (the witness listens itself, from its config).
func freeAddr(tb testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// host is one in-process hypervisor host's cluster side: its raft node
// and peer API on one port, as the agent runs them.
type host struct {
	id     string
	addr   string
	mux    *peerapi.Mux
	node   *replica.Node
	srv    *peerapi.Server
	served chan error
}

// twoHosts is a two-host cluster with its CA; the witness joins it or is
// bootstrapped with it.
type twoHosts struct {
	tb        testing.TB
	name      string
	ca        *pkitest.CA
	dir       string
	log       *slog.Logger
	addrs     map[string]string
	bootstrap []replica.Server
	witness   string // the witness's raft address
	mu        sync.Mutex
	hosts     map[string]*host
}

// newTwoHosts starts hosts h1 and h2 of cluster name. With withWitness,
// the three bootstrap together; otherwise the hosts bootstrap alone and
// the witness joins.
func newTwoHosts(tb testing.TB, name string, withWitness bool) *twoHosts {
	tb.Helper()
	c := &twoHosts{tb: tb, name: name, ca: pkitest.NewCA(tb, name+" CA"), dir: tb.TempDir(), log: testLogger(tb), addrs: map[string]string{}, hosts: map[string]*host{}}
	lns := map[string]net.Listener{}
	for _, id := range []string{"h1", "h2"} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		lns[id] = ln
		c.addrs[id] = ln.Addr().String()
		c.bootstrap = append(c.bootstrap, replica.Server{ID: id, Address: c.addrs[id], Voter: true})
	}
	c.witness = freeAddr(tb)
	if withWitness {
		c.bootstrap = append(c.bootstrap, replica.Server{ID: DefaultID, Address: c.witness, Voter: true})
	}
	for _, id := range []string{"h1", "h2"} {
		c.start(id, lns[id])
	}
	tb.Cleanup(func() {
		for _, id := range []string{"h1", "h2"} {
			if c.host(id) != nil {
				c.stop(id)
			}
		}
	})
	return c
}

func (c *twoHosts) start(id string, ln net.Listener) {
	c.tb.Helper()
	tlsCfg, err := replica.LoadTLS(c.ca.Issue(c.tb, id))
	if err != nil {
		c.tb.Fatal(err)
	}
	h := &host{id: id, addr: c.addrs[id], mux: peerapi.NewMux(ln, c.log), served: make(chan error, 1)}
	h.node, err = replica.Open(ctxT(c.tb, 10*time.Second), replica.Config{
		ID: id, Dir: filepath.Join(c.dir, id), Listener: h.mux.Raft(), TLS: tlsCfg, Bootstrap: c.bootstrap, Logger: c.log,
	})
	if err != nil {
		c.tb.Fatalf("%s: open %s: %v", c.name, id, err)
	}
	h.srv, err = peerapi.NewServer(peerapi.ServerConfig{Cluster: c.name, Node: h.node, TLS: tlsCfg, Renewer: peerapi.LeaseGranter{Node: h.node, TTL: 10 * time.Second}, Logger: c.log})
	if err != nil {
		c.tb.Fatal(err)
	}
	go func() { h.served <- h.srv.Serve(h.mux.API()) }()
	c.mu.Lock()
	c.hosts[id] = h
	c.mu.Unlock()
}

// restart opens a stopped host again on its directory and address.
func (c *twoHosts) restart(id string) {
	c.tb.Helper()
	var ln net.Listener
	var err error
	for range 100 { // the port was just released
		if ln, err = net.Listen("tcp", c.addrs[id]); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		c.tb.Fatalf("listen again on %s: %v", c.addrs[id], err)
	}
	c.start(id, ln)
}

// stop takes a host down as a crash of its agent looks to its peers: its
// port closes and its raft node stops.
func (c *twoHosts) stop(id string) {
	c.tb.Helper()
	c.mu.Lock()
	h := c.hosts[id]
	delete(c.hosts, id)
	c.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	h.srv.Shutdown(ctx)
	if err := <-h.served; !errors.Is(err, http.ErrServerClosed) {
		c.tb.Errorf("%s: Serve of %s = %v", c.name, id, err)
	}
	if err := h.node.Close(); err != nil {
		c.tb.Logf("%s: close %s: %v", c.name, id, err)
	}
	h.mux.Close()
}

func (c *twoHosts) host(id string) *host {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hosts[id]
}

// hostLeader waits until a live host leads; the witness may win an
// election but must hand over.
func (c *twoHosts) hostLeader(timeout time.Duration) *host {
	c.tb.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		for _, id := range []string{"h1", "h2"} {
			if h := c.host(id); h != nil && h.node.IsLeader() {
				return h
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	c.tb.Fatalf("%s: no host leads within %v", c.name, timeout)
	return nil
}

func (c *twoHosts) other(id string) string {
	if id == "h1" {
		return "h2"
	}
	return "h1"
}

// witnessEntry is the cluster's entry in the witness's YAML.
func (c *twoHosts) witnessEntry(tb testing.TB) string {
	files := c.ca.Issue(tb, DefaultID)
	var b strings.Builder
	fmt.Fprintf(&b, "  - name: %s\n    raft_address: %s\n", c.name, c.witness)
	if len(c.bootstrap) == 3 {
		b.WriteString("    bootstrap:\n")
		for _, s := range c.bootstrap {
			fmt.Fprintf(&b, "      - {id: %s, address: %q}\n", s.ID, s.Address)
		}
	} else {
		fmt.Fprintf(&b, "    join: [%q, %q]\n", c.addrs["h1"], c.addrs["h2"])
	}
	fmt.Fprintf(&b, "    tls: {ca_file: %s, cert_file: %s, key_file: %s}\n", files.CAFile, files.CertFile, files.KeyFile)
	return b.String()
}

func openWitness(tb testing.TB, clusters ...*twoHosts) *Witness {
	tb.Helper()
	dir := tb.TempDir()
	var b strings.Builder
	fmt.Fprintf(&b, "version: 1\nstate_dir: %s\nclusters:\n", filepath.Join(dir, "state"))
	for _, c := range clusters {
		b.WriteString(c.witnessEntry(tb))
	}
	path := filepath.Join(dir, "witness.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		tb.Fatal(err)
	}
	cfg, err := Load(path)
	if err != nil {
		tb.Fatalf("load the witness config:\n%s\n%v", b.String(), err)
	}
	w, err := Open(ctxT(tb, 10*time.Second), cfg, testLogger(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return w
}

func vmCmd(name string) *state.CreateVM {
	return &state.CreateVM{Spec: state.VMSpec{Name: name, VCPUs: 1, MemoryMiB: 256, HA: state.HA{Priority: 1, RTO: 30 * time.Second}}, Desired: state.Running}
}

// waitVoters waits until the cluster's configuration has h1, h2 and the
// witness as voters.
func waitVoters(tb testing.TB, c *twoHosts, timeout time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	var last []replica.Server
	for time.Now().Before(deadline) {
		l := c.hostLeader(timeout)
		servers, err := l.node.Servers(ctxT(tb, 5*time.Second))
		if err == nil {
			last = servers
			voters := 0
			for _, s := range servers {
				if s.Voter && slices.Contains([]string{"h1", "h2", DefaultID}, s.ID) {
					voters++
				}
			}
			if voters == 3 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.Fatalf("%s: voters are %+v, want h1, h2 and the witness", c.name, last)
}

// commit proposes on the cluster's host leader and returns how long it
// took to find one and commit.
func commit(tb testing.TB, c *twoHosts, name string, timeout time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		l := c.hostLeader(time.Until(deadline))
		_, err := l.node.Apply(ctxT(tb, 5*time.Second), vmCmd(name))
		if err == nil {
			return
		}
		if time.Now().After(deadline) || !(errors.Is(err, replica.ErrNotLeader) || errors.Is(err, replica.ErrUnknownOutcome)) {
			tb.Fatalf("%s: commit %s: %v", c.name, name, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// One witness serves two two-host clusters, one bootstrapped with it and
// one it joins. Each cluster commits; with one host of each stopped, each
// still elects a host and commits (failover measured); with the witness
// stopped too, neither has a quorum: nothing commits and no host leads.
func TestWitnessServesTwoClusters(t *testing.T) {
	a := newTwoHosts(t, "edge-a", true)
	b := newTwoHosts(t, "edge-b", false)
	w := openWitness(t, a, b)
	witnessClosed := false
	defer func() {
		if !witnessClosed {
			w.Close()
		}
	}()
	clusters := []*twoHosts{a, b}
	for _, c := range clusters {
		waitVoters(t, c, 30*time.Second)
		commit(t, c, "before", 15*time.Second)
	}
	// The witness follows both clusters' logs.
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		ok := true
		for i, st := range w.Status() {
			if _, has := w.Node(clusters[i].name).State().VM("before"); !has || st.Leader == "" || st.IsLeader {
				ok = false
			}
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("witness status %+v: a cluster's leader unknown, led by the witness, or its commit not applied", w.Status())
		}
	}

	for _, c := range clusters {
		l := c.hostLeader(15 * time.Second)
		start := time.Now()
		c.stop(l.id)
		commit(t, c, "after-"+l.id, 30*time.Second)
		t.Logf("%s: leader %s stopped; %s leads and committed after %v", c.name, l.id, c.other(l.id), time.Since(start).Round(time.Millisecond))
		// The witness holds the cluster's state: it was part of the
		// quorum that committed.
		deadline := time.Now().Add(10 * time.Second)
		for {
			if _, ok := w.Node(c.name).State().VM("after-" + l.id); ok {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the witness never applied after-%s", c.name, l.id)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}

	if err := w.Close(); err != nil {
		t.Fatalf("close witness: %v", err)
	}
	witnessClosed = true
	for _, c := range clusters {
		var survivor *host
		for _, id := range []string{"h1", "h2"} {
			if h := c.host(id); h != nil {
				survivor = h
			}
		}
		_, err := survivor.node.Apply(ctxT(t, 3*time.Second), vmCmd("no-quorum"))
		if err == nil {
			t.Fatalf("%s: %s committed alone", c.name, survivor.id)
		}
		// Within raft's leader lease it steps down and stays a follower
		// or candidate.
		deadline := time.Now().Add(10 * time.Second)
		for survivor.node.IsLeader() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: %s still leads 10 s after losing the witness", c.name, survivor.id)
			}
			time.Sleep(20 * time.Millisecond)
		}
		time.Sleep(2 * time.Second)
		if survivor.node.IsLeader() {
			t.Fatalf("%s: %s became leader without a quorum", c.name, survivor.id)
		}
		if _, ok := survivor.node.State().VM("no-quorum"); ok {
			t.Fatalf("%s: a command proposed without a quorum was applied", c.name)
		}
	}
}

// A witness that wins an election hands leadership back to a host at once.
func TestWitnessHandsLeadershipToAHost(t *testing.T) {
	a := newTwoHosts(t, "edge-a", true)
	w := openWitness(t, a)
	defer w.Close()
	waitVoters(t, a, 30*time.Second)
	l := a.hostLeader(15 * time.Second)
	// Only the witness is left to take over from l.
	a.stop(a.other(l.id))
	if err := l.node.TransferLeadershipTo(ctxT(t, 10*time.Second), DefaultID); err != nil {
		t.Fatalf("transfer from %s to the witness: %v", l.id, err)
	}
	commit(t, a, "back", 30*time.Second)
	if got := a.hostLeader(15 * time.Second); got.id != l.id {
		t.Fatalf("leader is %s, want %s (the only live host)", got.id, l.id)
	}
	if st := w.Status()[0]; st.Handoffs < 1 {
		t.Fatalf("witness status %+v: no handoff counted", st)
	}
}

// Leader failover in a two-host cluster with a witness: the leading host
// is stopped, and the time until the other host leads and commits is
// measured over several rounds (a figure, not a timed assertion).
func TestWitnessFailoverFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("failover rounds: not with -short")
	}
	a := newTwoHosts(t, "edge-a", true)
	w := openWitness(t, a)
	defer w.Close()
	waitVoters(t, a, 30*time.Second)
	var took []time.Duration
	for round := range 6 {
		l := a.hostLeader(15 * time.Second)
		start := time.Now()
		a.stop(l.id)
		commit(t, a, fmt.Sprintf("round-%d", round), 30*time.Second)
		took = append(took, time.Since(start))
		a.restart(l.id)
		waitVoters(t, a, 30*time.Second)
		commit(t, a, fmt.Sprintf("settled-%d", round), 30*time.Second)
	}
	slices.Sort(took)
	t.Logf("two hosts + witness, leading host stopped → other host leads and commits: %v; median %v, max %v; witness handoffs %d",
		roundAll(took), took[len(took)/2].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond), w.Status()[0].Handoffs)
}

func roundAll(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(time.Millisecond)
	}
	return out
}
