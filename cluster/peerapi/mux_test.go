package peerapi

import (
	"crypto/tls"
	"io"
	"net"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/internal/pkitest"
)

// The Mux sends a TLS client offering the peer ALPN to the API side and
// one offering nothing to the raft side, each with its ClientHello intact
// (the handshake completes there); bytes that are not TLS are dropped, and
// a peer that never finishes its hello does not hold up the others.
func TestMuxSortsByALPN(t *testing.T) {
	ca := pkitest.NewCA(t, "cluster CA")
	cfg, err := replica.LoadTLS(ca.Issue(t, "n1"))
	if err != nil {
		t.Fatal(err)
	}
	m := NewMux(mustListen(t), testLogger(t))
	defer m.Close()
	addr := m.Addr().String()

	// A silent peer holds one pending slot until helloTimeout.
	silent, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()

	// Serve each side: complete the handshake, report the side.
	sides := make(chan string, 4)
	serve := func(name string, ln net.Listener) {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				sc := cfg.Clone()
				if name == "api" {
					sc.NextProtos = []string{"http/1.1"}
				}
				tc := tls.Server(c, sc)
				if tc.Handshake() == nil {
					sides <- name
					io.Copy(io.Discard, tc)
				}
			}()
		}
	}
	go serve("raft", m.Raft())
	go serve("api", m.API())

	for _, tc := range []struct {
		protos []string
		want   string
	}{
		{nil, "raft"},
		{[]string{ALPN, "http/1.1"}, "api"},
		{[]string{"h2", "http/1.1"}, "raft"},
	} {
		cc := cfg.Clone()
		cc.ServerName = "127.0.0.1"
		cc.NextProtos = tc.protos
		conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, cc)
		if err != nil {
			t.Fatalf("dial offering %v: %v", tc.protos, err)
		}
		select {
		case got := <-sides:
			if got != tc.want {
				t.Fatalf("a hello offering %v went to %s, want %s", tc.protos, got, tc.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("a hello offering %v reached no side", tc.protos)
		}
		conn.Close()
	}

	before := m.Dropped()
	junk, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	junk.Write([]byte("GET / HTTP/1.0\r\n\r\n"))
	junk.SetReadDeadline(time.Now().Add(10 * time.Second))
	if n, err := junk.Read(make([]byte, 1)); err == nil {
		t.Fatalf("a non-TLS peer got %d bytes back", n)
	}
	junk.Close()
	for deadline := time.Now().Add(5 * time.Second); m.Dropped() == before; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the non-TLS connection was not counted as dropped")
		}
	}

	// Both sides closed: the port closes.
	m.Raft().Close()
	m.API().Close()
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Fatal("the port still accepts after both sides closed")
	}
}
