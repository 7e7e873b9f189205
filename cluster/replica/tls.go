package replica

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"log/slog"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/raft"
)

// TLSFiles names the PEM files of a host's cluster identity (CLI.md's
// cluster.tls): the cluster CA, this host's certificate and its key.
type TLSFiles struct {
	CAFile   string
	CertFile string
	KeyFile  string
}

// LoadTLS reads the files and returns the mutual TLS configuration every
// raft connection uses: TLS 1.3 only, this host's certificate offered on
// both sides, and the peer's certificate required to chain to the cluster
// CA. It refuses a key file others can read, and a certificate the CA did
// not sign (a misconfiguration peers would refuse anyway). Errors name the
// file, never a key's contents.
func LoadTLS(files TLSFiles) (*tls.Config, error) {
	caPEM, err := os.ReadFile(files.CAFile)
	if err != nil {
		return nil, fmt.Errorf("%w: ca_file: %w", ErrConfig, err)
	}
	pool := x509.NewCertPool()
	var cas int
	for rest := caPEM; ; {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("%w: ca_file %s: %w", ErrConfig, files.CAFile, err)
		}
		pool.AddCert(c)
		cas++
	}
	if cas == 0 {
		return nil, fmt.Errorf("%w: ca_file %s: no PEM certificate", ErrConfig, files.CAFile)
	}
	fi, err := os.Stat(files.KeyFile)
	if err != nil {
		return nil, fmt.Errorf("%w: key_file: %w", ErrConfig, err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%w: key_file %s: mode %v lets others read it; chmod 600", ErrConfig, files.KeyFile, fi.Mode().Perm())
	}
	pair, err := tls.LoadX509KeyPair(files.CertFile, files.KeyFile)
	if err != nil {
		return nil, fmt.Errorf("%w: cert_file %s, key_file %s: %w", ErrConfig, files.CertFile, files.KeyFile, err)
	}
	leaf := pair.Leaf
	if leaf == nil {
		if leaf, err = x509.ParseCertificate(pair.Certificate[0]); err != nil {
			return nil, fmt.Errorf("%w: cert_file %s: %w", ErrConfig, files.CertFile, err)
		}
	}
	inter := x509.NewCertPool()
	for _, der := range pair.Certificate[1:] {
		if c, err := x509.ParseCertificate(der); err == nil {
			inter.AddCert(c)
		}
	}
	if _, err := leaf.Verify(x509.VerifyOptions{Roots: pool, Intermediates: inter, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}}); err != nil {
		return nil, fmt.Errorf("%w: cert_file %s is not a server and client certificate of ca_file %s: %w", ErrConfig, files.CertFile, files.CAFile, err)
	}
	return &tls.Config{
		MinVersion:   tls.VersionTLS13,
		Certificates: []tls.Certificate{pair},
		RootCAs:      pool,
		ClientCAs:    pool,
		ClientAuth:   tls.RequireAndVerifyClientCert,
	}, nil
}

// handshakeTimeout bounds a peer's TLS handshake on either side.
const handshakeTimeout = 5 * time.Second

// streamLayer is raft's transport stream over mutual TLS. Outgoing
// connections verify the peer's certificate against the cluster CA and the
// address dialled (the certificate must carry the host's management IP);
// incoming ones require a client certificate from the cluster CA.
type streamLayer struct {
	ln        net.Listener
	advertise net.Addr
	cfg       *tls.Config
	log       *slog.Logger
	refused   atomic.Int64

	// mu guards the outgoing connections and the context their dials
	// end with (dropOutbound).
	mu       sync.Mutex
	out      map[*clientConn]struct{}
	dialCtx  context.Context
	dialStop context.CancelFunc
}

// clientConn is an outgoing connection, tracked until closed.
type clientConn struct {
	*tls.Conn
	s *streamLayer
}

func (c *clientConn) Close() error {
	c.s.mu.Lock()
	delete(c.s.out, c)
	c.s.mu.Unlock()
	return c.Conn.Close()
}

// dropOutbound ends every outgoing dial and connection now: raft's
// requests in flight fail at once instead of at the transport's timeout.
// ForceSoleVoter calls it before it stops raft, whose Shutdown waits for
// them.
func (s *streamLayer) dropOutbound() {
	s.mu.Lock()
	if s.dialStop != nil {
		s.dialStop()
	}
	s.dialCtx, s.dialStop = nil, nil
	conns := make([]*clientConn, 0, len(s.out))
	for c := range s.out {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.Close()
	}
}

var _ raft.StreamLayer = (*streamLayer)(nil)

func (s *streamLayer) Accept() (net.Conn, error) {
	c, err := s.ln.Accept()
	if err != nil {
		return nil, err
	}
	return &serverConn{Conn: tls.Server(c, s.cfg), s: s}, nil
}

func (s *streamLayer) Close() error   { return s.ln.Close() }
func (s *streamLayer) Addr() net.Addr { return s.advertise }

// Dial connects to a peer and completes the TLS handshake.
func (s *streamLayer) Dial(address raft.ServerAddress, timeout time.Duration) (net.Conn, error) {
	s.mu.Lock()
	if s.dialCtx == nil {
		s.dialCtx, s.dialStop = context.WithCancel(context.Background())
	}
	base := s.dialCtx
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(base, timeout)
	defer cancel()
	tc, err := dialTLS(ctx, s.cfg, string(address))
	if err != nil {
		return nil, err
	}
	c := &clientConn{Conn: tc, s: s}
	s.mu.Lock()
	defer s.mu.Unlock()
	if base.Err() != nil {
		tc.Close() // dropped while it was dialled
		return nil, base.Err()
	}
	if s.out == nil {
		s.out = map[*clientConn]struct{}{}
	}
	s.out[c] = struct{}{}
	return c, nil
}

func dialTLS(ctx context.Context, base *tls.Config, address string) (*tls.Conn, error) {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	cfg := base.Clone()
	cfg.ServerName = host
	d := tls.Dialer{NetDialer: &net.Dialer{}, Config: cfg}
	c, err := d.DialContext(ctx, "tcp", address)
	if err != nil {
		return nil, err
	}
	return c.(*tls.Conn), nil
}

// serverConn completes the handshake on first use, with a deadline, and
// counts and logs a peer that fails it.
type serverConn struct {
	*tls.Conn
	s    *streamLayer
	once sync.Once
	err  error
}

func (c *serverConn) handshake() error {
	c.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), handshakeTimeout)
		defer cancel()
		if c.err = c.Conn.HandshakeContext(ctx); c.err != nil {
			c.s.refused.Add(1)
			c.s.log.Warn("raft peer refused", "remote", c.RemoteAddr().String(), "err", c.err)
			c.Conn.Close()
		}
	})
	return c.err
}

func (c *serverConn) Read(p []byte) (int, error) {
	if err := c.handshake(); err != nil {
		return 0, err
	}
	return c.Conn.Read(p)
}

func (c *serverConn) Write(p []byte) (int, error) {
	if err := c.handshake(); err != nil {
		return 0, err
	}
	return c.Conn.Write(p)
}
