package syslog

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/alert"
)

// generous bounds what "at once" means on a loaded machine.
const generous = 30 * time.Second

func testEvent(seq uint64) alert.Event {
	return alert.Event{Seq: seq, Time: time.Now(), Kind: "risk", Host: "lab1", Message: fmt.Sprintf("event %d", seq),
		Evidence: map[string]any{"component": "FAN1", "risk": "high"}}
}

func newSink(t *testing.T, cfg Config) *Sink {
	t.Helper()
	if cfg.Hostname == "" {
		cfg.Hostname = "lab1"
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func send(t *testing.T, s *Sink, seqs ...uint64) {
	t.Helper()
	for _, seq := range seqs {
		ctx, cancel := context.WithTimeout(context.Background(), generous)
		err := s.Send(ctx, testEvent(seq))
		cancel()
		if err != nil {
			t.Fatalf("Send %d: %v", seq, err)
		}
	}
}

// readOctetFrame reads one RFC 6587 octet-counted frame.
func readOctetFrame(r *bufio.Reader) (string, error) {
	n, err := r.ReadString(' ')
	if err != nil {
		return "", err
	}
	size, err := strconv.Atoi(strings.TrimSuffix(n, " "))
	if err != nil || size <= 0 {
		return "", fmt.Errorf("bad frame length %q", n)
	}
	buf := make([]byte, size)
	if _, err := io.ReadFull(r, buf); err != nil {
		return "", err
	}
	return string(buf), nil
}

// collector reads octet-counted frames from every connection a listener
// accepts and parses them.
type collector struct {
	ln   net.Listener
	msgs chan parsed
	errs chan error
}

func collect(t *testing.T, ln net.Listener) *collector {
	c := &collector{ln: ln, msgs: make(chan parsed, 1000), errs: make(chan error, 10)}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				r := bufio.NewReader(conn)
				for {
					m, err := readOctetFrame(r)
					if err != nil {
						if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
							c.errs <- err
						}
						return
					}
					p, err := parse5424(m)
					if err != nil {
						c.errs <- fmt.Errorf("%q: %w", m, err)
						return
					}
					c.msgs <- p
				}
			}()
		}
	}()
	return c
}

func (c *collector) next(t *testing.T) parsed {
	t.Helper()
	select {
	case p := <-c.msgs:
		return p
	case err := <-c.errs:
		t.Fatal(err)
	case <-time.After(generous):
		t.Fatal("no message arrived")
	}
	return parsed{}
}

func seqOf(p parsed) uint64 {
	v, _ := p.sd(SDIDEvent, "seq")
	n, _ := strconv.ParseUint(v, 10, 64)
	return n
}

func TestTCPOctetCounting(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	c := collect(t, ln)
	s := newSink(t, Config{Network: "tcp", Address: ln.Addr().String(), Facility: "local3"})
	send(t, s, 1, 2, 3)
	for want := uint64(1); want <= 3; want++ {
		p := c.next(t)
		if seqOf(p) != want || p.Pri != 19*8+3 || p.Hostname != "lab1" || p.App != "vigil" || p.MsgID != "risk" {
			t.Errorf("message %d = %+v", want, p)
		}
	}
}

func TestUnixDatagramAndStream(t *testing.T) {
	dir := t.TempDir()
	t.Run("datagram", func(t *testing.T) {
		path := filepath.Join(dir, "dgram")
		conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		s := newSink(t, Config{Network: "unix", Address: path})
		send(t, s, 5)
		buf := make([]byte, 65536)
		conn.SetReadDeadline(time.Now().Add(generous))
		n, err := conn.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		p, err := parse5424(string(buf[:n]))
		if err != nil || seqOf(p) != 5 {
			t.Fatalf("datagram %q: %v", buf[:n], err)
		}
	})
	t.Run("stream", func(t *testing.T) {
		path := filepath.Join(dir, "stream")
		ln, err := net.Listen("unix", path)
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		s := newSink(t, Config{Network: "unix", Address: path})
		ev := testEvent(6)
		ev.Message = "two\nlines"
		ctx, cancel := context.WithTimeout(context.Background(), generous)
		defer cancel()
		if err := s.Send(ctx, ev); err != nil {
			t.Fatal(err)
		}
		conn, err := ln.Accept()
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.SetReadDeadline(time.Now().Add(generous))
		line, err := bufio.NewReader(conn).ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		p, err := parse5424(strings.TrimSuffix(line, "\n"))
		if err != nil || seqOf(p) != 6 || p.Msg != "two lines" {
			t.Fatalf("line %q: %+v %v", line, p, err)
		}
	})
}

// testCA makes a CA and a server certificate for 127.0.0.1 signed by it.
func testCA(t *testing.T) (*x509.CertPool, tls.Certificate) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "vigil test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	return pool, tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func TestTLS(t *testing.T) {
	pool, cert := testCA(t)
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	c := collect(t, ln)
	s := newSink(t, Config{Network: "tls", Address: ln.Addr().String(), RootCAs: pool})
	send(t, s, 1)
	if p := c.next(t); seqOf(p) != 1 {
		t.Errorf("over TLS: %+v", p)
	}

	// A receiver whose certificate the CA did not sign is never written
	// to: Send waits, as for an absent receiver, until its context ends.
	other, _ := testCA(t)
	bad := newSink(t, Config{Network: "tls", Address: ln.Addr().String(), RootCAs: other})
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	if err := bad.Send(ctx, testEvent(2)); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Send to a receiver with an unknown certificate = %v, want the context's deadline", err)
	}
	select {
	case p := <-c.msgs:
		t.Errorf("the untrusted receiver got %+v", p)
	case <-time.After(100 * time.Millisecond):
	}
}

// relisten opens addr again after a receiver went away (the port may
// take a moment to be free).
func relisten(t *testing.T, addr string) net.Listener {
	t.Helper()
	deadline := time.Now().Add(generous)
	for {
		ln, err := net.Listen("tcp", addr)
		if err == nil {
			return ln
		}
		if time.Now().After(deadline) {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestReceiverRestart: the receiver goes away (its connections closed, the
// port refusing), events sent meanwhile wait, and once it is back every
// event arrives: the ones written just before it went away again, marked
// resent, without another Send.
func TestReceiverRestart(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	// The first receiver reads nothing, as one that stops reading
	// before it closes: the two messages written to it are lost in its
	// socket buffer.
	accepted := make(chan net.Conn, 1)
	go func() {
		conn, err := ln.Accept()
		if err == nil {
			accepted <- conn
		}
	}()
	s := newSink(t, Config{Network: "tcp", Address: addr})
	send(t, s, 1, 2)
	conn := <-accepted
	ln.Close()
	conn.(*net.TCPConn).SetLinger(0) // RST: the unread bytes are gone
	conn.Close()

	sent := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*generous)
		defer cancel()
		sent <- s.Send(ctx, testEvent(3))
	}()
	time.Sleep(300 * time.Millisecond) // a few reconnect attempts refused
	select {
	case err := <-sent:
		t.Fatalf("Send returned %v while the receiver was away", err)
	default:
	}
	ln = relisten(t, addr)
	defer ln.Close()
	c := collect(t, ln)
	if err := <-sent; err != nil {
		t.Fatal(err)
	}
	got := map[uint64]bool{}
	resent := 0
	for len(got) < 3 {
		p := c.next(t)
		got[seqOf(p)] = true
		if v, _ := p.sd(SDIDEvent, "resent"); v == "true" {
			resent++
		}
	}
	if !got[1] || !got[2] || !got[3] || resent != 2 {
		t.Errorf("after the restart: %v, %d resent; want 1, 2 (resent) and 3", got, resent)
	}
	if st := s.Stats(); st.Reconnects != 1 || st.Resent != 2 || st.Unsure != 0 {
		t.Errorf("stats %+v", st)
	}
}

// TestIdleBreakReconnects: a receiver that closes an idle connection gets
// it back at once, with what was written on it within the window.
func TestIdleBreakReconnects(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	conns := make(chan net.Conn, 4)
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			conns <- conn
		}
	}()
	s := newSink(t, Config{Network: "tcp", Address: ln.Addr().String()})
	send(t, s, 1)
	first := <-conns
	first.Close()
	select {
	case second := <-conns:
		defer second.Close()
		second.SetReadDeadline(time.Now().Add(generous))
		m, err := readOctetFrame(bufio.NewReader(second))
		if err != nil {
			t.Fatal(err)
		}
		if p, err := parse5424(m); err != nil || seqOf(p) != 1 {
			t.Fatalf("on the new connection: %q %v", m, err)
		}
	case <-time.After(generous):
		t.Fatal("no reconnect after the receiver closed the idle connection")
	}
}

// TestCloseEndsAWait: Close ends a Send waiting for an absent receiver.
func TestCloseEndsAWait(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	s := newSink(t, Config{Network: "tcp", Address: addr})
	sent := make(chan error, 1)
	go func() { sent <- s.Send(context.Background(), testEvent(1)) }()
	time.Sleep(200 * time.Millisecond)
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	select {
	case err := <-sent:
		if !errors.Is(err, errClosed) {
			t.Errorf("Send after Close = %v, want errClosed", err)
		}
	case <-time.After(generous):
		t.Fatal("Send still waiting after Close")
	}
	if err := <-closed; err != nil {
		t.Error(err)
	}
}

func TestNewRefuses(t *testing.T) {
	for _, cfg := range []Config{{Network: "http", Address: "x:1"}, {Network: "udp", Address: "x:1", Facility: "local9"}, {Network: "tls", Address: "nohost"}} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) = nil error", cfg)
		}
	}
}
