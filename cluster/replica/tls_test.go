package replica

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/raft"
	"github.com/vigil-ha/vigil/cluster/state"
)

func TestLoadTLS(t *testing.T) {
	ca := newCA(t, "cluster CA")
	good := ca.issue(t, "h1")
	other := newCA(t, "other CA").issue(t, "h1")
	loose := ca.issue(t, "h2")
	if err := os.Chmod(loose.KeyFile, 0o644); err != nil {
		t.Fatal(err)
	}
	mismatched := good
	mismatched.KeyFile = ca.issue(t, "h3").KeyFile
	noCA := good
	noCA.CAFile = good.CertFile + ".missing"
	emptyCA := good
	emptyCA.CAFile = ca.issue(t, "h4").KeyFile // a PEM file with no certificate
	foreign := other
	foreign.CAFile = good.CAFile

	if cfg, err := LoadTLS(good); err != nil || cfg.MinVersion != tls.VersionTLS13 || cfg.ClientAuth != tls.RequireAndVerifyClientCert {
		t.Fatalf("LoadTLS(good) = %+v, %v", cfg, err)
	}
	cases := []struct {
		name    string
		files   TLSFiles
		mention string
	}{
		{"missing CA file", noCA, "ca_file"},
		{"CA file without certificate", emptyCA, "no PEM certificate"},
		{"key readable by others", loose, "chmod 600"},
		{"key of another certificate", mismatched, "key_file"},
		{"certificate of another CA", foreign, "is not a server and client certificate of ca_file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadTLS(tc.files)
			if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tc.mention) {
				t.Fatalf("LoadTLS = %v, want ErrConfig mentioning %q", err, tc.mention)
			}
			if strings.Contains(err.Error(), "PRIVATE KEY") {
				t.Fatalf("error shows key material: %v", err)
			}
		})
	}
}

// rogueTLS is a peer whose certificate comes from another CA. It trusts
// the cluster CA too, so only the cluster's own checks stand in its way.
func rogueTLS(t *testing.T, c *testCluster) *tls.Config {
	t.Helper()
	files := newCA(t, "rogue CA").issue(t, "rogue")
	caPEM, err := os.ReadFile(c.ca.dir + "/ca.pem")
	if err != nil {
		t.Fatal(err)
	}
	bundle := t.TempDir() + "/both.pem"
	rogueCA, _ := os.ReadFile(files.CAFile)
	if err := os.WriteFile(bundle, append(caPEM, rogueCA...), 0o644); err != nil {
		t.Fatal(err)
	}
	files.CAFile = bundle
	cfg, err := LoadTLS(files)
	if err != nil {
		t.Fatal(err)
	}
	// Offer its certificate even though the cluster asks for its own CA's
	// (Go's client would otherwise send none).
	cfg.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
		return &cfg.Certificates[0], nil
	}
	return cfg
}

// A peer with a certificate from another CA can neither join nor send a
// command: the leader refuses to add it, and its raft RPCs (a vote request
// and an append carrying a command, both at a higher term) are refused at
// the TLS handshake, leaving term, leader and state as they were.
func TestForeignCAPeerRefused(t *testing.T) {
	c := newCluster(t, 3, 0, nil)
	l := c.leader(15 * time.Second)
	c.mustApply(hostCmd("h1", 1))
	c.converged(10 * time.Second)
	rogueCfg := rogueTLS(t, c)

	// Join: the rogue listens as a raft peer would; the leader's probe
	// fails on its certificate, and the configuration stays as it was.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	rogueStream := &streamLayer{ln: ln, advertise: ln.Addr(), cfg: rogueCfg, log: testLogger(t)}
	rogueTrans := raft.NewNetworkTransportWithConfig(&raft.NetworkTransportConfig{Stream: rogueStream, MaxPool: 1, Timeout: 2 * time.Second, Logger: newHCLog(testLogger(t), "rogue")})
	t.Cleanup(func() { rogueTrans.Close() })
	before, err := l.Servers(ctxT(t, 5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Join(ctxT(t, 10*time.Second), "rogue", ln.Addr().String()); !errors.Is(err, ErrPeerRefused) || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("join rogue = %v, want ErrPeerRefused naming the certificate", err)
	}
	after, err := l.Servers(ctxT(t, 5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Fatalf("servers after refused join = %+v, want %+v", after, before)
	}

	// Commands: the rogue speaks raft to each node directly.
	entry, err := state.Encode(hostCmd("evil", 66))
	if err != nil {
		t.Fatal(err)
	}
	term := l.Term()
	leaderID := l.ID()
	for _, n := range c.live() {
		refused := n.RefusedPeers()
		target := raft.ServerAddress(n.Addr())
		var resp raft.AppendEntriesResponse
		err := rogueTrans.AppendEntries("n?", target, &raft.AppendEntriesRequest{
			RPCHeader:         raft.RPCHeader{ProtocolVersion: raft.ProtocolVersionMax, ID: []byte("rogue"), Addr: []byte(ln.Addr().String())},
			Term:              term + 10,
			PrevLogEntry:      n.rf().LastIndex(),
			PrevLogTerm:       term,
			Entries:           []*raft.Log{{Index: n.rf().LastIndex() + 1, Term: term + 10, Type: raft.LogCommand, Data: entry}},
			LeaderCommitIndex: n.rf().LastIndex() + 1,
		}, &resp)
		if err == nil {
			t.Fatalf("append from rogue to %s accepted: %+v", n.ID(), resp)
		}
		var vote raft.RequestVoteResponse
		if err := rogueTrans.RequestVote("n?", target, &raft.RequestVoteRequest{
			RPCHeader: raft.RPCHeader{ProtocolVersion: raft.ProtocolVersionMax, ID: []byte("rogue"), Addr: []byte(ln.Addr().String())},
			Term:      term + 20, LastLogIndex: 1 << 40, LastLogTerm: term + 20,
		}, &vote); err == nil {
			t.Fatalf("vote request from rogue to %s accepted: %+v", n.ID(), vote)
		}
		deadline := time.Now().Add(5 * time.Second)
		for n.RefusedPeers() < refused+2 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if got := n.RefusedPeers() - refused; got < 2 {
			t.Errorf("%s refused %d rogue connections, want 2", n.ID(), got)
		}
	}

	// A client with no certificate at all fares no better.
	bare := &tls.Config{MinVersion: tls.VersionTLS13, RootCAs: l.cfg.TLS.RootCAs, ServerName: "127.0.0.1"}
	conn, err := tls.Dial("tcp", l.Addr(), bare)
	if err == nil {
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		_, err = conn.Read(make([]byte, 1))
		conn.Close()
	}
	if err == nil {
		t.Fatal("a client without a certificate got data from the leader")
	}

	// Nothing moved: same leader, same term, no "evil" host anywhere.
	time.Sleep(2 * testTiming.Heartbeat)
	l2 := c.leader(10 * time.Second)
	if l2.ID() != leaderID || l2.Term() != term {
		t.Errorf("leader %s term %d after the rogue, want %s term %d", l2.ID(), l2.Term(), leaderID, term)
	}
	c.mustApply(hostCmd("h2", 2)) // the cluster still works
	c.converged(10 * time.Second)
	for _, n := range c.live() {
		if _, ok := n.State().Host("evil"); ok {
			t.Fatalf("%s applied the rogue's command", n.ID())
		}
	}
}

// The rogue is also refused as a server: a cluster node dialling it
// rejects its certificate.
func TestDialRefusesForeignServer(t *testing.T) {
	c := newCluster(t, 1, 0, func(cfg *Config) { cfg.Voters = 1 })
	n := c.leader(10 * time.Second)
	rogueCfg := rogueTLS(t, c)
	ln, err := tls.Listen("tcp", "127.0.0.1:0", rogueCfg)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { c.(*tls.Conn).Handshake(); c.Close() }()
		}
	}()
	_, err = n.stream.Dial(raft.ServerAddress(ln.Addr().String()), 5*time.Second)
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("dial rogue server = %v, want a certificate error", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := n.probePeer(ctx, "rogue", ln.Addr().String()); !errors.Is(err, ErrPeerRefused) {
		t.Fatalf("probe rogue = %v, want ErrPeerRefused", err)
	}
}
