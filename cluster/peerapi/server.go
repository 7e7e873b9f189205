package peerapi

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/cluster/state"
)

// Replica is the raft node a Server speaks for; *replica.Node implements
// it.
type Replica interface {
	ID() string
	IsLeader() bool
	Leader() (id, addr string)
	Term() uint64
	State() *state.State
	Apply(ctx context.Context, cmd state.Command) (state.Result, error)
	VerifyLeader(ctx context.Context) error
	Join(ctx context.Context, id, addr string) (voter bool, err error)
	Servers(ctx context.Context) ([]replica.Server, error)
}

var _ Replica = (*replica.Node)(nil)

// Server limits and deadlines.
const (
	// MaxCallTimeout bounds the time the server spends on one call,
	// whatever the caller asks.
	MaxCallTimeout = 10 * time.Second
	// DefaultMaxInFlight is how many calls a Server runs at once.
	DefaultMaxInFlight = 64
	// maxHeaderBytes bounds a request's headers.
	maxHeaderBytes = 8 << 10
	// idleTimeout closes a kept-alive connection nobody uses.
	idleTimeout = 90 * time.Second
)

// ServerConfig configures a Server.
type ServerConfig struct {
	// Cluster names the cluster in Status.
	Cluster string
	// Node is the local raft node.
	Node Replica
	// TLS is the cluster's mutual TLS configuration (replica.LoadTLS).
	TLS *tls.Config
	// Renewer answers lease renewals on the leader; nil refuses them
	// (a witness never answers renewals: it hands leadership to a host).
	Renewer Renewer
	// Operator carries out operations (drain, readmit, create, migrate)
	// on the leader; nil refuses them with ErrNoLeader (a witness plans
	// nothing: hosts retry once a host leads).
	Operator Operator
	// Extra serves the routes under ExtraPrefix that another package
	// defines (the agent's live migrations), with every call's identity
	// and in-flight checks; nil serves none.
	Extra http.Handler
	// Authorize decides whether peer may propose cmd through the apply
	// call; nil is DefaultAuthorize.
	Authorize func(peer string, cmd state.Command) error
	// Now is the leader's clock for renewals; time.Now if nil.
	Now func() time.Time
	// MaxInFlight calls at once (default DefaultMaxInFlight); more are
	// refused with ErrBusy.
	MaxInFlight int
	Logger      *slog.Logger
}

// Server answers the peer API on a listener of raw connections (Mux.API):
// it runs the mutual TLS handshake (a certificate from the cluster CA is
// required), then serves HTTP/1.1 with bounded bodies and deadlines.
type Server struct {
	cfg     ServerConfig
	log     *slog.Logger
	http    *http.Server
	sem     chan struct{}
	refused atomic.Int64
}

// NewServer checks cfg and returns a server; Serve starts it.
func NewServer(cfg ServerConfig) (*Server, error) {
	if cfg.Node == nil {
		return nil, errors.New("peerapi: server: Node missing")
	}
	if cfg.TLS == nil || cfg.TLS.ClientAuth != tls.RequireAndVerifyClientCert || cfg.TLS.ClientCAs == nil || len(cfg.TLS.Certificates) == 0 {
		return nil, errors.New("peerapi: server: TLS must require and verify client certificates from the cluster CA (use replica.LoadTLS)")
	}
	if cfg.Authorize == nil {
		cfg.Authorize = DefaultAuthorize
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = DefaultMaxInFlight
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	tc := cfg.TLS.Clone()
	tc.MinVersion = tls.VersionTLS13
	// The Mux routed the connection by its offer of ALPN; answer
	// http/1.1, the protocol net/http serves (it closes a connection
	// that negotiated a protocol it has no handler for).
	tc.NextProtos = []string{"http/1.1"}
	cfg.TLS = tc
	s := &Server{cfg: cfg, sem: make(chan struct{}, cfg.MaxInFlight)}
	s.log = cfg.Logger.With("component", "cluster/peerapi", "node", cfg.Node.ID())
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+pathApply, s.handle(s.apply))
	mux.HandleFunc("POST "+pathRenew, s.handle(s.renew))
	mux.HandleFunc("POST "+pathJoin, s.handle(s.join))
	mux.HandleFunc("GET "+pathStatus, s.handle(s.status))
	mux.HandleFunc("POST "+pathOp, s.handle(s.operate))
	if cfg.Extra != nil {
		mux.Handle(ExtraPrefix, s.extra(cfg.Extra))
	}
	s.http = &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       MaxCallTimeout,
		WriteTimeout:      MaxCallTimeout + 5*time.Second,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		TLSNextProto:      map[string]func(*http.Server, *tls.Conn, http.Handler){}, // HTTP/1.1 only
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
	return s, nil
}

// Serve accepts raw connections from ln (Mux.API()), completes each
// one's mutual TLS handshake and serves it, until Shutdown. It returns
// http.ErrServerClosed after Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	return s.http.Serve(newHandshakeListener(ln, s.cfg.TLS, &s.refused, s.log))
}

// Shutdown stops accepting (closing the listener Serve was given) and
// waits, within ctx, for running calls.
func (s *Server) Shutdown(ctx context.Context) error {
	return s.http.Shutdown(ctx)
}

// Refused counts connections that failed the mutual TLS handshake.
func (s *Server) Refused() int64 { return s.refused.Load() }

// call is one request, as a handler sees it.
type call struct {
	r *http.Request
	// cert is the caller's verified certificate (from the cluster CA).
	cert *x509.Certificate
}

// handler does one call and returns the reply or an error.
type handler func(ctx context.Context, c call) (any, error)

// handle wraps h with the checks every call gets: a verified client
// certificate, the in-flight bound, the body bound and the deadline.
func (s *Server) handle(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.TLS == nil || len(r.TLS.VerifiedChains) == 0 || len(r.TLS.PeerCertificates) == 0 {
			// Unreachable with the TLS config NewServer demands.
			s.fail(w, r, fmt.Errorf("%w: no verified client certificate", ErrForbidden))
			return
		}
		select {
		case s.sem <- struct{}{}:
			defer func() { <-s.sem }()
		default:
			s.fail(w, r, fmt.Errorf("%w: %d calls running", ErrBusy, cap(s.sem)))
			return
		}
		timeout := MaxCallTimeout
		if v := r.Header.Get(timeoutHeader); v != "" {
			ms, err := strconv.ParseInt(v, 10, 64)
			if err != nil || ms <= 0 {
				s.fail(w, r, fmt.Errorf("%w: header %s %q: want a positive number of milliseconds", ErrBadRequest, timeoutHeader, v))
				return
			}
			timeout = min(timeout, time.Duration(ms)*time.Millisecond)
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		reply, err := h(ctx, call{r: r, cert: r.TLS.PeerCertificates[0]})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, reply)
	}
}

// fail writes err as the reply, with its class.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	kind, status := classify(err)
	we := &wireError{Kind: kind, Message: err.Error(), Server: s.cfg.Node.ID()}
	var nl *NotLeaderError
	if errors.As(err, &nl) {
		we.LeaderID, we.LeaderAddr = nl.LeaderID, nl.LeaderAddr
	} else if kind == "not-leader" {
		we.LeaderID, we.LeaderAddr = s.cfg.Node.Leader()
	}
	level := slog.LevelDebug
	switch kind {
	case "forbidden", "bad-request", "too-large", "internal":
		level = slog.LevelWarn
	}
	s.log.Log(r.Context(), level, "peer call failed", "path", r.URL.Path, "peer", peerName(r), "kind", kind, "err", err)
	writeJSON(w, status, errorReply{Error: we})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func peerName(r *http.Request) string {
	if r.TLS == nil || len(r.TLS.PeerCertificates) == 0 {
		return r.RemoteAddr
	}
	return r.TLS.PeerCertificates[0].Subject.CommonName + "@" + r.RemoteAddr
}

// notLeader is the redirect this node gives when it is not the leader.
func (s *Server) notLeader() error {
	id, addr := s.cfg.Node.Leader()
	return &NotLeaderError{Server: s.cfg.Node.ID(), LeaderID: id, LeaderAddr: addr}
}

// asNotLeader turns the replica's ErrNotLeader into the typed redirect.
func (s *Server) asNotLeader(err error) error {
	if errors.Is(err, replica.ErrNotLeader) {
		return s.notLeader()
	}
	return err
}

// names says whether cert names host: one of its DNS names is host, as
// replica.Join checks (crypto/x509 ignores the common name for this).
func names(cert *x509.Certificate, host string) bool {
	return host != "" && cert.VerifyHostname(host) == nil
}

// member returns the host or raft server of this cluster that cert names:
// its common name if that is one of its DNS names, else its first DNS name
// that is a registered host or a raft server.
func (s *Server) member(ctx context.Context, cert *x509.Certificate) (string, error) {
	st := s.cfg.Node.State()
	servers, err := s.cfg.Node.Servers(ctx)
	if err != nil {
		return "", err
	}
	known := func(n string) bool {
		if _, ok := st.Host(n); ok {
			return true
		}
		return slices.ContainsFunc(servers, func(sv replica.Server) bool { return sv.ID == n })
	}
	for _, n := range append([]string{cert.Subject.CommonName}, cert.DNSNames...) {
		if known(n) && names(cert, n) {
			return n, nil
		}
	}
	return "", fmt.Errorf("%w: certificate %q names no host or server of this cluster", ErrForbidden, cert.Subject.CommonName)
}

// DefaultAuthorize lets any member of the cluster forward any command,
// except: lease commands, which only the leader proposes (a host renews
// through the renew call, which checks it renews its own lease), and
// registering a host other than the caller.
func DefaultAuthorize(peer string, cmd state.Command) error {
	switch c := cmd.(type) {
	case *state.GrantLease, *state.RenewLease, *state.RevokeLease:
		return fmt.Errorf("%w: %s may not forward lease commands; hosts renew their own lease through %s", ErrForbidden, peer, pathRenew)
	case *state.RegisterHost:
		if c.Name != peer {
			return fmt.Errorf("%w: %s may not register host %q", ErrForbidden, peer, c.Name)
		}
	}
	return nil
}

func (s *Server) apply(ctx context.Context, c call) (any, error) {
	var req applyRequest
	if err := decodeJSON(c.r.Body, &req, true); err != nil {
		return nil, err
	}
	cmd, err := state.Decode(req.Entry)
	if err != nil {
		return nil, fmt.Errorf("%w: entry: %w", ErrBadRequest, err)
	}
	peer, err := s.member(ctx, c.cert)
	if err != nil {
		return nil, err
	}
	if err := s.cfg.Authorize(peer, cmd); err != nil {
		return nil, err
	}
	if !s.cfg.Node.IsLeader() {
		return nil, s.notLeader()
	}
	res, err := s.cfg.Node.Apply(ctx, cmd)
	if err != nil {
		if !isFSMRefusal(err) {
			return nil, s.asNotLeader(err)
		}
		// The state machine's refusal: nothing changed.
		k, _ := classify(err)
		return applyReply{Result: toWire(res), Error: &wireError{Kind: k, Message: err.Error(), Server: s.cfg.Node.ID()}}, nil
	}
	return applyReply{Result: toWire(res)}, nil
}

func (s *Server) renew(ctx context.Context, c call) (any, error) {
	var req RenewRequest
	if err := decodeJSON(c.r.Body, &req, true); err != nil {
		return nil, err
	}
	if req.Holder == "" {
		return nil, fmt.Errorf("%w: holder missing", ErrBadRequest)
	}
	if !names(c.cert, req.Holder) {
		return nil, fmt.Errorf("%w: certificate %q may not renew the lease of %q", ErrForbidden, c.cert.Subject.CommonName, req.Holder)
	}
	if _, ok := s.cfg.Node.State().Host(req.Holder); !ok {
		return nil, fmt.Errorf("%w: %q is not a registered host", ErrForbidden, req.Holder)
	}
	if s.cfg.Renewer == nil {
		// A witness: it leads only until it has handed over to a host.
		return nil, fmt.Errorf("%w: %s answers no renewals (a witness hands leadership to a host)", ErrNoLeader, s.cfg.Node.ID())
	}
	if !s.cfg.Node.IsLeader() {
		return nil, s.notLeader()
	}
	if err := s.cfg.Node.VerifyLeader(ctx); err != nil {
		return nil, s.asNotLeader(err)
	}
	reply, err := s.cfg.Renewer.Renew(ctx, s.cfg.Now(), req)
	if err != nil {
		return nil, s.asNotLeader(err)
	}
	reply.Holder, reply.Seq = req.Holder, req.Seq
	return reply, nil
}

func (s *Server) operate(ctx context.Context, c call) (any, error) {
	var op Operation
	if err := decodeJSON(c.r.Body, &op, true); err != nil {
		return nil, err
	}
	switch op.Kind {
	case OpCreate, OpDrain, OpReadmit, OpMigrate, OpHold:
	default:
		return nil, fmt.Errorf("%w: operation %q: want %s, %s, %s, %s or %s", ErrBadRequest, op.Kind, OpCreate, OpDrain, OpReadmit, OpMigrate, OpHold)
	}
	peer, err := s.member(ctx, c.cert)
	if err != nil {
		return nil, err
	}
	if op.Kind == OpHold && (op.Host != peer || !names(c.cert, op.Host)) {
		return nil, fmt.Errorf("%w: %s may not ask a hold for %q", ErrForbidden, peer, op.Host)
	}
	if s.cfg.Operator == nil {
		return nil, fmt.Errorf("%w: %s carries out no operations (a witness plans nothing)", ErrNoLeader, s.cfg.Node.ID())
	}
	if !s.cfg.Node.IsLeader() {
		return nil, s.notLeader()
	}
	reply, err := s.cfg.Operator.Operate(ctx, s.cfg.Now(), peer, op)
	if err != nil {
		err = s.asNotLeader(err)
		if k, _ := classify(err); k == "internal" && !errors.Is(err, ErrInternal) {
			err = fmt.Errorf("%w: %w", ErrRefused, err)
		}
		return nil, err
	}
	return reply, nil
}

func (s *Server) join(ctx context.Context, c call) (any, error) {
	var req JoinRequest
	if err := decodeJSON(c.r.Body, &req, true); err != nil {
		return nil, err
	}
	if req.ID == "" || req.Address == "" {
		return nil, fmt.Errorf("%w: id and address are required", ErrBadRequest)
	}
	if _, _, err := net.SplitHostPort(req.Address); err != nil {
		return nil, fmt.Errorf("%w: address %q: %v", ErrBadRequest, req.Address, err)
	}
	if !names(c.cert, req.ID) {
		return nil, fmt.Errorf("%w: certificate %q may not join as %q", ErrForbidden, c.cert.Subject.CommonName, req.ID)
	}
	if req.Host != nil && req.Host.Name != req.ID {
		return nil, fmt.Errorf("%w: host %q registered by a join as %q", ErrForbidden, req.Host.Name, req.ID)
	}
	if !s.cfg.Node.IsLeader() {
		return nil, s.notLeader()
	}
	voter, err := s.cfg.Node.Join(ctx, req.ID, req.Address)
	if err != nil {
		return nil, s.asNotLeader(err)
	}
	reply := JoinReply{Voter: voter}
	if req.Host != nil {
		res, err := s.cfg.Node.Apply(ctx, req.Host)
		if err != nil {
			return nil, fmt.Errorf("joined as %s, registering the host: %w", suffrage(voter), s.asNotLeader(err))
		}
		reply.Index = res.Index
	} else {
		reply.Index = s.cfg.Node.State().Index()
	}
	s.log.Info("server joined", "server", req.ID, "address", req.Address, "voter", voter)
	return reply, nil
}

func suffrage(voter bool) string {
	if voter {
		return "voter"
	}
	return "non-voter"
}

func (s *Server) status(ctx context.Context, c call) (any, error) {
	st := Status{Cluster: s.cfg.Cluster, ID: s.cfg.Node.ID(), IsLeader: s.cfg.Node.IsLeader(), Term: s.cfg.Node.Term(), Applied: s.cfg.Node.State().Index()}
	st.LeaderID, st.LeaderAddr = s.cfg.Node.Leader()
	servers, err := s.cfg.Node.Servers(ctx)
	if err != nil {
		return nil, err
	}
	st.Servers = []ServerInfo{}
	for _, sv := range servers {
		st.Servers = append(st.Servers, ServerInfo{ID: sv.ID, Address: sv.Address, Voter: sv.Voter})
	}
	return st, nil
}

// handshakeListener completes each connection's TLS handshake before
// handing it to net/http, so a peer that fails it is counted and logged
// here and never reaches a handler.
type handshakeListener struct {
	ln      net.Listener
	cfg     *tls.Config
	refused *atomic.Int64
	log     *slog.Logger
	conns   chan net.Conn
	pending chan struct{}
	done    chan struct{}
	once    sync.Once
}

func newHandshakeListener(ln net.Listener, cfg *tls.Config, refused *atomic.Int64, log *slog.Logger) *handshakeListener {
	l := &handshakeListener{ln: ln, cfg: cfg, refused: refused, log: log, conns: make(chan net.Conn), pending: make(chan struct{}, maxPending), done: make(chan struct{})}
	go l.acceptLoop()
	return l
}

func (l *handshakeListener) acceptLoop() {
	for {
		c, err := l.ln.Accept()
		if err != nil {
			l.Close()
			return
		}
		select {
		case l.pending <- struct{}{}:
		default:
			l.refused.Add(1)
			c.Close()
			continue
		}
		go l.handshake(c)
	}
}

func (l *handshakeListener) handshake(c net.Conn) {
	defer func() { <-l.pending }()
	tc := tls.Server(c, l.cfg)
	ctx, cancel := context.WithTimeout(context.Background(), helloTimeout)
	err := tc.HandshakeContext(ctx)
	cancel()
	if err != nil {
		l.refused.Add(1)
		l.log.Warn("peer refused", "remote", c.RemoteAddr().String(), "err", err)
		tc.Close()
		return
	}
	select {
	case l.conns <- tc:
	case <-l.done:
		tc.Close()
	}
}

func (l *handshakeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *handshakeListener) Close() error {
	l.once.Do(func() {
		close(l.done)
		l.ln.Close()
	})
	return nil
}

func (l *handshakeListener) Addr() net.Addr { return l.ln.Addr() }
