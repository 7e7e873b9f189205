package peerapi

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// ALPN is the TLS application protocol a peer API client offers. The Mux
// sends connections that offer it to the API and all others to raft.
const ALPN = "vigil-peer/1"

// Limits of the Mux.
const (
	// helloTimeout bounds how long a new connection may take to send its
	// TLS ClientHello.
	helloTimeout = 5 * time.Second
	// maxHelloBytes bounds what the Mux reads before it has a ClientHello.
	maxHelloBytes = 64 << 10
	// maxPending bounds connections whose ClientHello is still awaited;
	// more are closed at once.
	maxPending = 128
	// acceptBacklog is how many sorted connections wait for their
	// listener's Accept.
	acceptBacklog = 16
)

// Mux shares one TCP port (the cluster's raft_port) between raft and the
// peer API. It reads each connection's TLS ClientHello (with crypto/tls,
// not a parser of ours), without answering it, and hands the connection,
// with the bytes it read replayed, to the API listener when the hello
// offers ALPN and to the raft listener otherwise. Each side then runs its
// own mutual TLS handshake, so nothing is trusted before a certificate
// from the cluster CA has been verified.
type Mux struct {
	ln      net.Listener
	raft    *muxListener
	api     *muxListener
	log     *slog.Logger
	pending chan struct{}
	dropped atomic.Int64
	done    chan struct{}
	wg      sync.WaitGroup
	once    sync.Once
}

// Listen listens on addr (host:port) and starts sorting connections.
func Listen(ctx context.Context, addr string, logger *slog.Logger) (*Mux, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("peerapi: listen %s: %w", addr, err)
	}
	return NewMux(ln, logger), nil
}

// NewMux sorts the connections of ln. Close closes ln.
func NewMux(ln net.Listener, logger *slog.Logger) *Mux {
	if logger == nil {
		logger = slog.Default()
	}
	m := &Mux{
		ln:      ln,
		log:     logger.With("component", "cluster/peerapi"),
		pending: make(chan struct{}, maxPending),
		done:    make(chan struct{}),
	}
	m.raft = newMuxListener(ln.Addr(), m.sideClosed)
	m.api = newMuxListener(ln.Addr(), m.sideClosed)
	m.wg.Add(1)
	go m.serve()
	return m
}

// Raft is the listener to give raft (replica.Config.Listener).
func (m *Mux) Raft() net.Listener { return m.raft }

// API is the listener the peer API's Server serves.
func (m *Mux) API() net.Listener { return m.api }

// Addr is the shared address.
func (m *Mux) Addr() net.Addr { return m.ln.Addr() }

// Dropped counts connections closed before they could be sorted: no TLS
// ClientHello in time, or too many waiting.
func (m *Mux) Dropped() int64 { return m.dropped.Load() }

// sideClosed closes the Mux once both its listeners are closed.
func (m *Mux) sideClosed() {
	if m.raft.isClosed() && m.api.isClosed() {
		m.Close()
	}
}

// Close stops accepting and closes both listeners. Connections already
// handed over belong to their servers.
func (m *Mux) Close() error {
	var err error
	m.once.Do(func() {
		close(m.done)
		err = m.ln.Close()
		m.raft.close()
		m.api.close()
	})
	return err
}

func (m *Mux) serve() {
	defer m.wg.Done()
	var delay time.Duration
	for {
		c, err := m.ln.Accept()
		if err != nil {
			select {
			case <-m.done:
				return
			default:
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				delay = min(max(2*delay, 5*time.Millisecond), time.Second)
				time.Sleep(delay)
				continue
			}
			m.log.Error("accept failed; the cluster port is closed", "err", err)
			m.Close()
			return
		}
		delay = 0
		select {
		case m.pending <- struct{}{}:
		default:
			m.dropped.Add(1)
			c.Close()
			continue
		}
		go m.sort(c)
	}
}

// sort reads c's ClientHello and hands c to its listener.
func (m *Mux) sort(c net.Conn) {
	defer func() { <-m.pending }()
	protos, replay, err := peekHello(c)
	if err != nil {
		m.dropped.Add(1)
		m.log.Debug("connection dropped before TLS", "remote", c.RemoteAddr().String(), "err", err)
		c.Close()
		return
	}
	rc := &replayConn{Conn: c, buf: replay}
	to := m.raft
	if slices.Contains(protos, ALPN) {
		to = m.api
	}
	if !to.deliver(rc, m.done) {
		c.Close()
	}
}

// errPeeked stops crypto/tls once it has parsed the ClientHello.
var errPeeked = errors.New("client hello read")

// peekHello reads c's TLS ClientHello and returns the ALPN protocols it
// offers and every byte read from c. Nothing is written to c.
func peekHello(c net.Conn) ([]string, []byte, error) {
	if err := c.SetReadDeadline(time.Now().Add(helloTimeout)); err != nil {
		return nil, nil, err
	}
	rec := &recordingConn{Conn: c}
	var protos []string
	got := false
	srv := tls.Server(rec, &tls.Config{
		GetConfigForClient: func(hi *tls.ClientHelloInfo) (*tls.Config, error) {
			protos = slices.Clone(hi.SupportedProtos)
			got = true
			return nil, errPeeked
		},
	})
	err := srv.Handshake()
	if !got {
		if err == nil {
			err = errors.New("no client hello")
		}
		return nil, nil, fmt.Errorf("reading TLS client hello: %w", err)
	}
	if err := c.SetReadDeadline(time.Time{}); err != nil {
		return nil, nil, err
	}
	return protos, rec.buf.Bytes(), nil
}

// recordingConn keeps every byte read and swallows writes (the alert
// crypto/tls sends when the peek stops it).
type recordingConn struct {
	net.Conn
	buf bytes.Buffer
}

func (r *recordingConn) Read(p []byte) (int, error) {
	if room := maxHelloBytes - r.buf.Len(); room <= 0 {
		return 0, errors.New("client hello too large")
	} else if len(p) > room {
		p = p[:room]
	}
	n, err := r.Conn.Read(p)
	r.buf.Write(p[:n])
	return n, err
}

func (r *recordingConn) Write(p []byte) (int, error) { return len(p), nil }

// replayConn reads buf before the connection.
type replayConn struct {
	net.Conn
	mu  sync.Mutex
	buf []byte
}

func (r *replayConn) Read(p []byte) (int, error) {
	r.mu.Lock()
	if len(r.buf) > 0 {
		n := copy(p, r.buf)
		r.buf = r.buf[n:]
		r.mu.Unlock()
		return n, nil
	}
	r.mu.Unlock()
	return r.Conn.Read(p)
}

// muxListener is one side of a Mux.
type muxListener struct {
	addr     net.Addr
	conns    chan net.Conn
	closed   chan struct{}
	once     sync.Once
	onClosed func()
}

func newMuxListener(addr net.Addr, onClosed func()) *muxListener {
	return &muxListener{addr: addr, conns: make(chan net.Conn, acceptBacklog), closed: make(chan struct{}), onClosed: onClosed}
}

// deliver queues c for Accept; false if the listener or mux is closed.
func (l *muxListener) deliver(c net.Conn, done <-chan struct{}) bool {
	select {
	case l.conns <- c:
		return true
	case <-l.closed:
		return false
	case <-done:
		return false
	}
}

func (l *muxListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

// Close closes this side: its connections are closed from now on. The
// Mux closes the port once both sides are closed.
func (l *muxListener) Close() error {
	l.close()
	l.onClosed()
	return nil
}

func (l *muxListener) isClosed() bool {
	select {
	case <-l.closed:
		return true
	default:
		return false
	}
}

func (l *muxListener) Addr() net.Addr { return l.addr }

func (l *muxListener) close() {
	l.once.Do(func() {
		close(l.closed)
		for {
			select {
			case c := <-l.conns:
				c.Close()
			default:
				return
			}
		}
	})
}
