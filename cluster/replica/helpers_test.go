package replica

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
)

// testTiming: raft's defaults, which the failover figure is measured with.
// The machine is shared, so they are not shortened.
var testTiming = DefaultTiming

// testCA is a cluster CA made for one test.
type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	dir  string
}

var serial = big.NewInt(time.Now().UnixNano())
var serialMu sync.Mutex

func nextSerial() *big.Int {
	serialMu.Lock()
	defer serialMu.Unlock()
	serial = new(big.Int).Add(serial, big.NewInt(1))
	return serial
}

func writePEM(tb testing.TB, path, typ string, der []byte, mode os.FileMode) {
	tb.Helper()
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), mode); err != nil {
		tb.Fatal(err)
	}
}

func newCA(tb testing.TB, name string) *testCA {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          nextSerial(),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		tb.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	ca := &testCA{cert: cert, key: key, dir: tb.TempDir()}
	writePEM(tb, filepath.Join(ca.dir, "ca.pem"), "CERTIFICATE", der, 0o644)
	return ca
}

// issue writes a host certificate (DNS name = host, IP 127.0.0.1, server and
// client auth) and its key, and returns the files with this CA as ca_file.
func (ca *testCA) issue(tb testing.TB, host string) TLSFiles {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: nextSerial(),
		Subject:      pkix.Name{CommonName: host},
		DNSNames:     []string{host},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		tb.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		tb.Fatal(err)
	}
	files := TLSFiles{
		CAFile:   filepath.Join(ca.dir, "ca.pem"),
		CertFile: filepath.Join(ca.dir, host+".pem"),
		KeyFile:  filepath.Join(ca.dir, host+".key"),
	}
	writePEM(tb, files.CertFile, "CERTIFICATE", der, 0o644)
	writePEM(tb, files.KeyFile, "PRIVATE KEY", keyDER, 0o600)
	return files
}

// testLogger writes raft's warnings and errors to the test log, and
// nothing once the test has ended (raft goroutines may outlive it briefly).
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

// testCluster is n raft nodes on loopback, over mutual TLS with one CA.
type testCluster struct {
	tb      testing.TB
	ca      *testCA
	cfgs    map[string]Config
	nodes   map[string]*Node // live nodes
	ids     []string
	mu      sync.Mutex
	tweak   func(*Config)
	servers []Server
}

// newCluster starts voters bootstrapped nodes n1..nN and extra nodes that
// wait to be joined.
func newCluster(tb testing.TB, voters, extra int, tweak func(*Config)) *testCluster {
	tb.Helper()
	c := &testCluster{tb: tb, ca: newCA(tb, "cluster CA"), cfgs: map[string]Config{}, nodes: map[string]*Node{}, tweak: tweak}
	lns := map[string]net.Listener{}
	for i := 1; i <= voters+extra; i++ {
		id := fmt.Sprintf("n%d", i)
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		lns[id] = ln
		c.ids = append(c.ids, id)
		if i <= voters {
			c.servers = append(c.servers, Server{ID: id, Address: ln.Addr().String(), Voter: true})
		}
	}
	logger := testLogger(tb)
	base := tb.TempDir()
	for _, id := range c.ids {
		tlsCfg, err := LoadTLS(c.ca.issue(tb, id))
		if err != nil {
			tb.Fatal(err)
		}
		cfg := Config{
			ID:        id,
			Dir:       filepath.Join(base, id),
			Bind:      lns[id].Addr().String(),
			TLS:       tlsCfg,
			Bootstrap: c.servers,
			Timing:    testTiming,
			Logger:    logger,
		}
		if tweak != nil {
			tweak(&cfg)
		}
		c.cfgs[id] = cfg
		c.start(id, lns[id])
	}
	tb.Cleanup(c.closeAll)
	return c
}

func (c *testCluster) start(id string, ln net.Listener) *Node {
	c.tb.Helper()
	cfg := c.cfgs[id]
	cfg.Listener = ln
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	n, err := Open(ctx, cfg)
	if err != nil {
		c.tb.Fatalf("open %s: %v", id, err)
	}
	c.mu.Lock()
	c.nodes[id] = n
	c.mu.Unlock()
	return n
}

// restart opens a stopped node again on its Dir and address.
func (c *testCluster) restart(id string) *Node {
	c.tb.Helper()
	var ln net.Listener
	var err error
	for range 50 { // the port was just released
		if ln, err = net.Listen("tcp", c.cfgs[id].Bind); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		c.tb.Fatalf("listen again on %s: %v", c.cfgs[id].Bind, err)
	}
	return c.start(id, ln)
}

func (c *testCluster) stop(id string) {
	c.tb.Helper()
	c.mu.Lock()
	n := c.nodes[id]
	delete(c.nodes, id)
	c.mu.Unlock()
	if n == nil {
		c.tb.Fatalf("stop %s: not running", id)
	}
	if err := n.Close(); err != nil {
		c.tb.Logf("close %s: %v", id, err)
	}
}

func (c *testCluster) closeAll() {
	c.mu.Lock()
	ids := make([]string, 0, len(c.nodes))
	for id := range c.nodes {
		ids = append(ids, id)
	}
	c.mu.Unlock()
	for _, id := range ids {
		c.stop(id)
	}
}

func (c *testCluster) node(id string) *Node {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.nodes[id]
}

// leader waits until exactly one live node is leader and every live node
// that knows of a leader names it.
func (c *testCluster) leader(timeout time.Duration) *Node {
	c.tb.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if l := c.currentLeader(); l != nil {
			return l
		}
		time.Sleep(10 * time.Millisecond)
	}
	c.tb.Fatalf("no leader among %d live nodes within %v", len(c.live()), timeout)
	return nil
}

func (c *testCluster) currentLeader() *Node {
	var leader *Node
	for _, n := range c.live() {
		if n.IsLeader() {
			if leader != nil {
				return nil
			}
			leader = n
		}
	}
	return leader
}

func (c *testCluster) live() []*Node {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*Node
	for _, id := range c.ids {
		if n := c.nodes[id]; n != nil {
			out = append(out, n)
		}
	}
	return out
}

func snapshotOf(tb testing.TB, s *state.State) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if _, err := s.Snapshot().WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// converged waits until every live node holds the same state as the
// leader (byte-equal snapshots at the same applied index), after the leader
// has applied everything committed (a barrier).
func (c *testCluster) converged(timeout time.Duration) []byte {
	c.tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		l := c.leader(timeout)
		if err := l.Read(ctxT(c.tb, timeout), func(*state.State) {}); err != nil {
			if time.Now().After(deadline) {
				c.tb.Fatalf("barrier on leader %s: %v", l.ID(), err)
			}
			continue
		}
		want := snapshotOf(c.tb, l.State())
		same := true
		for _, n := range c.live() {
			if !bytes.Equal(snapshotOf(c.tb, n.State()), want) {
				same = false
			}
		}
		if same {
			return want
		}
		if time.Now().After(deadline) {
			for _, n := range c.live() {
				c.tb.Logf("%s: index %d", n.ID(), n.State().Index())
			}
			c.tb.Fatalf("replicas differ after %v", timeout)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func ctxT(tb testing.TB, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	tb.Cleanup(cancel)
	return ctx
}

func hostCmd(name string, n int) *state.RegisterHost {
	return &state.RegisterHost{
		Name:      name,
		Addresses: state.Addresses{Management: fmt.Sprintf("10.0.0.%d", n)},
		BootID:    "boot-" + name,
		Capacity:  state.Capacity{MemoryMiB: 65536, VCPUs: 32},
	}
}

func vmCmd(name string, n int) *state.CreateVM {
	return &state.CreateVM{Desired: state.Running, Spec: state.VMSpec{
		Name: name, VCPUs: 1, MemoryMiB: 512,
		NICs: []state.NIC{{MAC: fmt.Sprintf("52:54:00:00:%02x:%02x", n>>8&0xff, n&0xff), Bridge: "vbr0", VLAN: 10}},
		HA:   state.HA{Priority: 1, RTO: 30 * time.Second},
	}}
}

// mustApply applies cmds one by one through whichever node leads, riding
// out leader changes: a command refused as not-leader is retried; one whose
// outcome was unknown is retried too, and a retry that then finds it
// already done (exists, stale generation) reads its result from the state.
func (c *testCluster) mustApply(cmds ...state.Command) state.Result {
	c.tb.Helper()
	var res state.Result
	for _, cmd := range cmds {
		res = c.apply1(cmd)
	}
	return res
}

func (c *testCluster) apply1(cmd state.Command) state.Result {
	c.tb.Helper()
	deadline := time.Now().Add(15 * time.Second)
	uncertain := false
	for {
		l := c.leader(15 * time.Second)
		res, err := l.Apply(ctxT(c.tb, 5*time.Second), cmd)
		switch {
		case err == nil:
			return res
		case uncertain && (errors.Is(err, state.ErrExists) || errors.Is(err, state.ErrStaleGeneration)):
			if p, ok := cmd.(*state.Place); ok {
				for _, pl := range p.Placements {
					vm, _ := l.State().VM(pl.VM)
					if vm.Owner != pl.Owner || vm.Generation != pl.Generation+1 {
						c.tb.Fatalf("apply %T: %v, and the state does not show it applied", cmd, err)
					}
					res.Generations = append(res.Generations, vm.Generation)
				}
			}
			return res
		case errors.Is(err, ErrNotLeader), errors.Is(err, ErrUnknownOutcome):
			uncertain = uncertain || errors.Is(err, ErrUnknownOutcome)
			if time.Now().After(deadline) {
				c.tb.Fatalf("apply %T: %v", cmd, err)
			}
			c.tb.Logf("apply %T on %s: %v; retrying", cmd, l.ID(), err)
		default:
			c.tb.Fatalf("apply %T on %s: %v", cmd, l.ID(), err)
		}
	}
}
