package syslog

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/vigil-ha/vigil/alert"
)

// Defaults of Config.
const (
	DefaultResendWindow = 5 * time.Second
	DefaultResendMax    = 512
	DefaultDialTimeout  = 10 * time.Second
	DefaultWriteTimeout = 10 * time.Second
	minBackoff          = 100 * time.Millisecond
	maxBackoff          = 5 * time.Second
)

// Config configures a Sink.
type Config struct {
	// Network is unix, udp, tcp or tls; Address the socket's path for
	// unix, HOST:PORT otherwise (agent/config's Syslog).
	Network, Address string
	// Facility names the facility (default daemon).
	Facility string
	// Hostname is the HOSTNAME of every message: this host's name.
	Hostname string
	// RootCAs checks a tls receiver's certificate (nil: the system's);
	// ServerName is the name it must carry (default Address's host).
	RootCAs    *x509.CertPool
	ServerName string
	// ResendWindow is how far back the messages written on a stream
	// connection that broke are written again after reconnecting, at most
	// ResendMax of them.
	ResendWindow time.Duration
	ResendMax    int
	DialTimeout  time.Duration
	WriteTimeout time.Duration
	Logger       *slog.Logger
}

// Stats counts what a Sink did.
type Stats struct {
	Written    uint64 // messages written, resent ones included
	Resent     uint64 // written again after a connection broke
	Reconnects uint64 // connections made after the first
	// Unsure counts messages written on a connection that broke and not
	// written again because ResendMax was reached: the receiver may or
	// may not have them.
	Unsure uint64
}

// Sink is an alert.Sink writing RFC 5424 messages to one receiver. It is
// alert.Patient: Send waits for an absent receiver as long as its context
// lasts.
type Sink struct {
	cfg     Config
	header  Header
	maxSize int
	dial    func(ctx context.Context) (net.Conn, framing, error)
	log     *slog.Logger

	ctx    context.Context // ends at Close
	cancel context.CancelFunc
	wg     sync.WaitGroup // connection watchers

	// sem is held while connecting or writing; a waiting Send can give
	// up on its context, which a mutex would not allow.
	sem chan struct{}
	// Under sem:
	conn     net.Conn
	frame    framing
	connNo   uint64
	recent   []sent        // written on conn, oldest first
	resend   []alert.Event // written on a connection that broke, to go first
	failures int           // connection attempts failed in a row
	nextTry  time.Time
	lastErr  string
	everUp   bool

	written, resent, reconnects, unsure atomic.Uint64
}

type sent struct {
	ev alert.Event
	at time.Time
}

// framing is how messages are delimited on a connection.
type framing int

const (
	frameDatagram framing = iota // one message per datagram
	frameOctets                  // RFC 6587 octet counting: "LEN SP MSG"
	frameNewline                 // a stream Unix socket: MSG LF
)

var _ alert.Sink = (*Sink)(nil)
var _ alert.Patient = (*Sink)(nil)

// New checks cfg; nothing is dialled before the first Send.
func New(cfg Config) (*Sink, error) {
	if cfg.Facility == "" {
		cfg.Facility = "daemon"
	}
	fac, err := ParseFacility(cfg.Facility)
	if err != nil {
		return nil, err
	}
	if cfg.ResendWindow <= 0 {
		cfg.ResendWindow = DefaultResendWindow
	}
	if cfg.ResendMax <= 0 {
		cfg.ResendMax = DefaultResendMax
	}
	if cfg.DialTimeout <= 0 {
		cfg.DialTimeout = DefaultDialTimeout
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = DefaultWriteTimeout
	}
	s := &Sink{cfg: cfg, header: Header{Facility: fac, Hostname: cfg.Hostname, ProcID: os.Getpid()}, maxSize: MaxStream,
		log: cfg.Logger, sem: make(chan struct{}, 1)}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.log = s.log.With("receiver", cfg.Network+"://"+cfg.Address)
	switch cfg.Network {
	case "unix":
		s.dial = s.dialUnix
	case "udp":
		s.maxSize = MaxDatagram
		s.dial = func(ctx context.Context) (net.Conn, framing, error) {
			var d net.Dialer
			c, err := d.DialContext(ctx, "udp", cfg.Address)
			return c, frameDatagram, err
		}
	case "tcp":
		s.dial = func(ctx context.Context) (net.Conn, framing, error) {
			var d net.Dialer
			c, err := d.DialContext(ctx, "tcp", cfg.Address)
			return c, frameOctets, err
		}
	case "tls":
		host, _, err := net.SplitHostPort(cfg.Address)
		if err != nil {
			return nil, fmt.Errorf("syslog: tls address %q: %w", cfg.Address, err)
		}
		name := cfg.ServerName
		if name == "" {
			name = host
		}
		tc := &tls.Config{RootCAs: cfg.RootCAs, ServerName: name, MinVersion: tls.VersionTLS12}
		s.dial = func(ctx context.Context) (net.Conn, framing, error) {
			d := tls.Dialer{Config: tc}
			c, err := d.DialContext(ctx, "tcp", cfg.Address)
			return c, frameOctets, err
		}
	default:
		return nil, fmt.Errorf("syslog: network %q: want unix, udp, tcp or tls", cfg.Network)
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	return s, nil
}

// dialUnix connects to a datagram socket, or to a stream one when the
// path is that.
func (s *Sink) dialUnix(ctx context.Context) (net.Conn, framing, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, "unixgram", s.cfg.Address)
	if err == nil {
		return c, frameDatagram, nil
	}
	if !errors.Is(err, syscall.EPROTOTYPE) {
		return nil, 0, err
	}
	c, err = d.DialContext(ctx, "unix", s.cfg.Address)
	return c, frameNewline, err
}

// Name implements alert.Sink.
func (s *Sink) Name() string { return "syslog" }

// SendTimeout implements alert.Patient: only Close ends a wait for the
// receiver.
func (s *Sink) SendTimeout() time.Duration { return 0 }

// Stats returns the sink's counters.
func (s *Sink) Stats() Stats {
	return Stats{Written: s.written.Load(), Resent: s.resent.Load(), Reconnects: s.reconnects.Load(), Unsure: s.unsure.Load()}
}

// Report implements alert.Reporter: reconnects, messages written again
// after a break (resent) and those a break may have lost that were past
// ResendMax (unsure).
func (s *Sink) Report() map[string]uint64 {
	return map[string]uint64{"reconnects": s.reconnects.Load(), "resent": s.resent.Load(), "unsure": s.unsure.Load()}
}

var _ alert.Reporter = (*Sink)(nil)

func (s *Sink) acquire(ctx context.Context) error {
	select {
	case s.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-s.ctx.Done():
		return errClosed
	}
}

func (s *Sink) release() { <-s.sem }

var errClosed = errors.New("syslog: sink closed")

// Send implements alert.Sink: it writes ev, connecting (with backoff) as
// often as it takes until ctx ends, after what a broken connection left
// to write again.
func (s *Sink) Send(ctx context.Context, ev alert.Event) error {
	if err := s.acquire(ctx); err != nil {
		return err
	}
	defer s.release()
	for {
		if err := s.connectLocked(ctx); err != nil {
			return err
		}
		if err := s.flushLocked(); err != nil {
			s.breakLocked(err)
			continue
		}
		if err := s.writeLocked(ev, false); err != nil {
			s.breakLocked(err)
			continue
		}
		return nil
	}
}

// connectLocked returns with a connection, or with ctx's error (or
// errClosed).
func (s *Sink) connectLocked(ctx context.Context) error {
	for s.conn == nil {
		if wait := time.Until(s.nextTry); wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			case <-s.ctx.Done():
				t.Stop()
				return errClosed
			}
		}
		dctx, cancel := context.WithTimeout(ctx, s.cfg.DialTimeout)
		stop := context.AfterFunc(s.ctx, cancel)
		c, frame, err := s.dial(dctx)
		stop()
		cancel()
		if err != nil {
			if s.ctx.Err() != nil {
				return errClosed
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			s.failures++
			d := min(minBackoff<<min(s.failures-1, 16), maxBackoff)
			d = d*4/5 + rand.N(d*2/5+1) // ±20%
			s.nextTry = time.Now().Add(d)
			if msg := err.Error(); msg != s.lastErr || s.failures == 1 {
				s.lastErr = msg
				s.log.Warn("syslog receiver unreachable; retrying with backoff", "err", err, "next", d.Round(time.Millisecond))
			}
			continue
		}
		if s.everUp {
			s.reconnects.Add(1)
		}
		if s.failures > 0 {
			s.log.Info("syslog receiver reachable again", "attempts", s.failures)
		}
		s.everUp, s.failures, s.lastErr = true, 0, ""
		s.conn, s.frame = c, frame
		s.connNo++
		if frame != frameDatagram {
			s.wg.Add(1)
			go s.watch(c, s.connNo)
		}
	}
	return nil
}

// watch reads from a stream connection until the receiver closes it (a
// syslog receiver sends nothing), then reconnects at once and writes
// again what the broken connection may have lost, so an idle sink does
// not keep them until its next event.
func (s *Sink) watch(c net.Conn, no uint64) {
	defer s.wg.Done()
	buf := make([]byte, 512)
	var err error
	for err == nil {
		_, err = c.Read(buf)
	}
	if s.acquire(s.ctx) != nil {
		return
	}
	defer s.release()
	if s.conn != c || s.connNo != no {
		return // already replaced
	}
	s.breakLocked(fmt.Errorf("receiver closed the connection: %w", err))
	for s.ctx.Err() == nil {
		if s.connectLocked(s.ctx) != nil {
			return
		}
		if err := s.flushLocked(); err != nil {
			s.breakLocked(err)
			continue
		}
		return
	}
}

// breakLocked drops the connection after err; what was written on it
// within the resend window goes to be written again.
func (s *Sink) breakLocked(err error) {
	if s.conn == nil {
		return
	}
	s.log.Warn("syslog connection broke; reconnecting", "err", err)
	s.conn.Close()
	s.conn = nil
	cutoff := time.Now().Add(-s.cfg.ResendWindow)
	for _, m := range s.recent {
		if !m.at.Before(cutoff) {
			s.resend = append(s.resend, m.ev)
		}
	}
	s.recent = s.recent[:0]
	if over := len(s.resend) - s.cfg.ResendMax; over > 0 {
		s.unsure.Add(uint64(over))
		s.resend = append(s.resend[:0], s.resend[over:]...)
	}
}

// flushLocked writes what a broken connection left.
func (s *Sink) flushLocked() error {
	for len(s.resend) > 0 {
		if err := s.writeLocked(s.resend[0], true); err != nil {
			return err
		}
		s.resent.Add(1)
		s.resend = s.resend[1:]
	}
	return nil
}

func (s *Sink) writeLocked(ev alert.Event, resent bool) error {
	msg := Format(s.header, ev, resent, s.maxSize)
	var frame []byte
	switch s.frame {
	case frameOctets:
		frame = append(strconv.AppendInt(nil, int64(len(msg)), 10), ' ')
		frame = append(frame, msg...)
	case frameNewline:
		frame = append(replaceNewlines(msg), '\n')
	default:
		frame = msg
	}
	s.conn.SetWriteDeadline(time.Now().Add(s.cfg.WriteTimeout))
	if _, err := s.conn.Write(frame); err != nil {
		return err
	}
	s.written.Add(1)
	if s.frame != frameDatagram {
		now := time.Now()
		s.recent = append(s.recent, sent{ev: ev, at: now})
		cutoff := now.Add(-s.cfg.ResendWindow)
		i := 0
		for i < len(s.recent) && (s.recent[i].at.Before(cutoff) || len(s.recent)-i > s.cfg.ResendMax) {
			i++
		}
		if i > 0 {
			s.recent = append(s.recent[:0], s.recent[i:]...)
		}
	}
	return nil
}

func replaceNewlines(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if c == '\n' || c == '\r' {
			c = ' '
		}
		out[i] = c
	}
	return out
}

// Close stops reconnecting, writes what a broken connection left if the
// receiver is there, and closes the connection.
func (s *Sink) Close() error {
	s.cancel()
	s.sem <- struct{}{}
	if s.conn != nil && len(s.resend) > 0 {
		if err := s.flushLocked(); err != nil {
			s.log.Warn("syslog: messages to write again lost at close", "count", len(s.resend), "err", err)
		}
	}
	if s.conn != nil {
		s.conn.Close()
		s.conn = nil
	}
	<-s.sem
	s.wg.Wait()
	return nil
}
