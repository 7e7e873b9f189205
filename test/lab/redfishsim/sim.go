package redfishsim

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Roles of an Account, as Redfish's AccountService names them.
const (
	RoleAdministrator = "Administrator"
	RoleOperator      = "Operator"
	RoleReadOnly      = "ReadOnly"
)

// Account is one BMC user. Operator and Administrator may reset systems and
// manage subscriptions; ReadOnly gets 403 for those.
type Account struct {
	User     string
	Password string
	Role     string
}

// Sensor is a threshold sensor of the built-in tree (a temperature in °C, a
// fan in RPM, a voltage in V). Nil thresholds are absent.
type Sensor struct {
	Name    string
	Reading float64

	LowerFatal, LowerCritical, LowerCaution *float64
	UpperCaution, UpperCritical, UpperFatal *float64
}

// PSU is a power supply of the built-in tree.
type PSU struct {
	Name          string
	CapacityWatts float64
	InputWatts    float64
	OutputWatts   float64
	InputVolts    float64
}

// Chassis is one chassis of the built-in tree with its sensors.
type Chassis struct {
	ID            string
	Temperatures  []Sensor
	Fans          []Sensor
	Voltages      []Sensor
	PowerSupplies []PSU
}

// System is one ComputerSystem of the built-in tree.
type System struct {
	ID string
	// Chassis is the ID of the chassis that holds the system (default: the
	// chassis at the same index, else the first one).
	Chassis string
	// Off starts the system powered off.
	Off bool
	// Memory names the DIMMs (default "DIMM A1", "DIMM B1"); see RaiseECC.
	Memory []string
}

// Config describes one simulated BMC. The zero value is a usable BMC with one
// system "1", one chassis "1" with the default sensors, user "admin" with a
// random password, TLS, and a 2 s reset delay.
type Config struct {
	// User and Password of the administrator account (default "admin" and a
	// random password; see Sim.Credentials).
	User     string
	Password string
	// Accounts are further users.
	Accounts []Account

	// PlainHTTP serves http:// instead of https://.
	PlainHTTP bool
	// TLSHosts are extra DNS names or IPs for the server certificate. The
	// certificate always covers localhost, the address the client connected to
	// and the SNI name it asked for.
	TLSHosts []string

	// Systems and Chassis of the built-in tree (ignored with Mockup).
	Systems []System
	Chassis []Chassis
	// ManagerID names the BMC's manager (default "1").
	ManagerID string

	// Mockup serves a DMTF mockup directory (DIR/index.json is /redfish/v1,
	// DIR/X/index.json is /redfish/v1/X) instead of the built-in tree.
	Mockup string

	// ResetDelay is the time from a Reset request to the change of
	// PowerState (default 2 s; negative means immediate). A power cycle or
	// restart goes off after one delay and on after a second.
	ResetDelay time.Duration
	// AllowedResetTypes replaces the ResetTypes the BMC accepts (default
	// On, ForceOff, GracefulShutdown, GracefulRestart, ForceRestart, Nmi,
	// PowerCycle, PushPowerButton; for a mockup, what the mockup lists).
	AllowedResetTypes []string
	// TransitionStates reports PoweringOn/PoweringOff while a reset is
	// pending instead of the old state.
	TransitionStates bool
	// IgnoreGraceful accepts GracefulShutdown and GracefulRestart but never
	// acts on them, like a host whose OS ignores the ACPI request.
	IgnoreGraceful bool
	// TaskReset answers a Reset with 202 Accepted and a task monitor in
	// Location, as some BMCs do, instead of 204.
	TaskReset bool
	// OnPower is called (outside the simulator's lock, before the new
	// PowerState is visible to clients) whenever a system powers on or off,
	// with the system's ID in OnSystemPower. Hooks may read the simulator
	// but must not call SetPower or NotePower; Reset requests wait for a
	// running hook.
	OnPower       func(on bool)
	OnSystemPower func(system string, on bool)

	// NoSessionService removes the SessionService (404), so clients must
	// fall back to Basic authentication.
	NoSessionService bool
	// SessionTimeout is the idle timeout of a session (default 30 min).
	SessionTimeout time.Duration
	// MaxSessions limits concurrent sessions (default 32); more logins get
	// 503 as on real BMCs.
	MaxSessions int
	// LockoutThreshold locks an account for LockoutDuration (default 60 s)
	// after that many consecutive failed logins (0: never).
	LockoutThreshold int
	LockoutDuration  time.Duration

	// PushRootCAs verifies event destinations' certificates; nil skips
	// verification, as most BMCs do.
	PushRootCAs *x509.CertPool
	// PushTimeout bounds one event delivery (default 5 s);
	// PushRetries and PushRetryInterval (default 3 and 500 ms) govern retries.
	PushTimeout       time.Duration
	PushRetries       int
	PushRetryInterval time.Duration
	// SSEKeepAlive is the interval of comment lines on idle SSE streams
	// (default 15 s).
	SSEKeepAlive time.Duration

	// ExternalLog adds a LogService for external entities to the (first)
	// manager, Managers/{id}/LogServices/External: LogPurposes
	// ["ExternalEntity"], and an Entries collection whose Allow header
	// lists POST and that creates a LogEntry from a POST (Operator or
	// Administrator) and raises an event for it. ExternalLogReadOnly
	// offers the same log service without POST (Allow: GET, HEAD; a POST
	// gets 405), as a BMC that shows such a log but takes nothing into it.
	// Without either, no log service takes entries (every log entry
	// collection answers Allow: GET, HEAD).
	ExternalLog         bool
	ExternalLogReadOnly bool

	// Dir holds files the simulator writes (CA file, password file); default
	// a temporary directory removed by Close.
	Dir string
	// Logger receives request and event logs (default discard).
	Logger *slog.Logger
}

// F returns a pointer to v, for Sensor thresholds.
func F(v float64) *float64 { return &v }

// DefaultChassis returns the built-in chassis with ID id: CPU and inlet
// temperatures, FAN1 and FAN2, a 12 V rail and two power supplies, all with
// realistic thresholds.
func DefaultChassis(id string) Chassis {
	return Chassis{
		ID: id,
		Temperatures: []Sensor{
			{Name: "CPU Temp", Reading: 45, UpperCaution: F(85), UpperCritical: F(95), UpperFatal: F(100)},
			{Name: "Inlet Temp", Reading: 24, LowerCritical: F(5), LowerCaution: F(10), UpperCaution: F(40), UpperCritical: F(45), UpperFatal: F(50)},
		},
		Fans: []Sensor{
			{Name: "FAN1", Reading: 5400, LowerFatal: F(500), LowerCritical: F(1000), LowerCaution: F(1500)},
			{Name: "FAN2", Reading: 5400, LowerFatal: F(500), LowerCritical: F(1000), LowerCaution: F(1500)},
		},
		Voltages: []Sensor{
			{Name: "12V", Reading: 12.05, LowerCritical: F(10.8), LowerCaution: F(11.4), UpperCaution: F(12.6), UpperCritical: F(13.2)},
		},
		PowerSupplies: []PSU{
			{Name: "PSU1", CapacityWatts: 800, InputWatts: 182, OutputWatts: 165, InputVolts: 230},
			{Name: "PSU2", CapacityWatts: 800, InputWatts: 178, OutputWatts: 161, InputVolts: 229},
		},
	}
}

// Sim is one simulated BMC. Create it with New, serve it with Start or
// Serve, stop it with Close. All methods are safe for concurrent use.
type Sim struct {
	cfg     Config
	log     *slog.Logger
	dir     string
	ownsDir bool

	ca     *x509.Certificate
	caKey  any
	caPEM  []byte
	certMu sync.Mutex
	certs  map[string]*tls.Certificate

	mu       sync.RWMutex              // GETs read-lock; everything else locks
	res      map[string]map[string]any // path -> JSON object
	orig     map[string]map[string]any // res as built, for Repair
	raw      map[string][]byte         // path -> raw body served instead
	systems  map[string]*system        // path -> system
	resets   map[string]*system        // reset target -> system
	accounts map[string]*account
	sessions map[string]*session // token -> session
	nextID   int
	subs     map[string]*subscription // path -> subscription
	sse      map[*sseClient]struct{}
	events   []eventRecord // recent events for SSE Last-Event-ID
	eventSeq int
	tasks    map[string]*task // monitor path -> task
	selPath  string           // LogService path receiving SEL entries
	// extLogPath is the External log service ("" without one);
	// postableLogs are the entry collections that take a POST.
	extLogPath   string
	postableLogs map[string]bool
	delay        atomic.Int64 // time.Duration every response waits
	requests     atomic.Int64
	basicReqs    atomic.Int64
	connMu       sync.Mutex // guards servers' conns
	down         bool
	stuck        bool // resets accepted but without effect
	stats        Stats
	closed       bool
	servers      []*server
	url          string
	powerMu      sync.Mutex // serialises OnPower hooks with state changes
	bg           sync.WaitGroup
	bgCtx        context.Context
	bgCancel     context.CancelFunc
	pushHTTP     *http.Client
	keepAlive    time.Duration
}

// Stats counts what clients did, for tests that check a client's manners.
type Stats struct {
	Requests       int      // every HTTP request
	BasicRequests  int      // requests authenticated with HTTP Basic (credentials sent in each)
	AuthFailures   int      // requests or logins rejected with 401
	Logins         int      // sessions created
	Logouts        int      // sessions deleted
	Resets         int      // accepted Reset actions
	ResetTypes     []string // their ResetTypes, oldest first
	EventsSent     int      // events delivered to push subscribers
	EventsFailed   int      // push deliveries that failed after retries
	ActiveSessions int
}

type server struct {
	addr  string // for re-listening after SetDown(false); "" for Serve
	owned bool
	l     net.Listener
	srv   *http.Server
	conns map[net.Conn]struct{}
}

// New builds a simulator from cfg. It does not listen yet.
func New(cfg Config) (*Sim, error) {
	if cfg.User == "" {
		cfg.User = "admin"
	}
	if cfg.Password == "" {
		cfg.Password = randHex(8)
	}
	if cfg.ManagerID == "" {
		cfg.ManagerID = "1"
	}
	if cfg.ResetDelay == 0 {
		cfg.ResetDelay = 2 * time.Second
	}
	if cfg.ResetDelay < 0 {
		cfg.ResetDelay = 0
	}
	if cfg.SessionTimeout <= 0 {
		cfg.SessionTimeout = 30 * time.Minute
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 32
	}
	if cfg.LockoutDuration <= 0 {
		cfg.LockoutDuration = time.Minute
	}
	if cfg.PushTimeout <= 0 {
		cfg.PushTimeout = 5 * time.Second
	}
	if cfg.PushRetries <= 0 {
		cfg.PushRetries = 3
	}
	if cfg.PushRetryInterval <= 0 {
		cfg.PushRetryInterval = 500 * time.Millisecond
	}
	if cfg.SSEKeepAlive <= 0 {
		cfg.SSEKeepAlive = 15 * time.Second
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Sim{
		cfg:          cfg,
		log:          log.With("component", "redfishsim"),
		certs:        map[string]*tls.Certificate{},
		res:          map[string]map[string]any{},
		raw:          map[string][]byte{},
		systems:      map[string]*system{},
		resets:       map[string]*system{},
		accounts:     map[string]*account{},
		sessions:     map[string]*session{},
		subs:         map[string]*subscription{},
		sse:          map[*sseClient]struct{}{},
		tasks:        map[string]*task{},
		postableLogs: map[string]bool{},
		nextID:       1,
		keepAlive:    cfg.SSEKeepAlive,
	}
	s.bgCtx, s.bgCancel = context.WithCancel(context.Background())
	s.accounts[cfg.User] = &account{Account: Account{User: cfg.User, Password: cfg.Password, Role: RoleAdministrator}}
	for _, a := range cfg.Accounts {
		if a.User == "" {
			return nil, errors.New("redfishsim: account with empty user name")
		}
		switch a.Role {
		case "":
			a.Role = RoleOperator
		case RoleAdministrator, RoleOperator, RoleReadOnly:
		default:
			return nil, fmt.Errorf("redfishsim: account %q: unknown role %q", a.User, a.Role)
		}
		s.accounts[a.User] = &account{Account: a}
	}
	var err error
	if cfg.Mockup != "" {
		err = s.loadMockup(cfg.Mockup)
	} else {
		err = s.buildTree()
	}
	if err != nil {
		return nil, err
	}
	s.addServices()
	if cfg.ExternalLog || cfg.ExternalLogReadOnly {
		if err := s.addExternalLog(); err != nil {
			return nil, err
		}
	}
	if err := s.initSystems(); err != nil {
		return nil, err
	}
	s.orig = make(map[string]obj, len(s.res))
	for p, o := range s.res {
		s.orig[p] = deepCopy(o)
	}
	if !cfg.PlainHTTP {
		if err := s.makeCA(); err != nil {
			return nil, err
		}
	}
	tr := &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
	if cfg.PushRootCAs != nil {
		tr.TLSClientConfig.RootCAs = cfg.PushRootCAs
	} else {
		tr.TLSClientConfig.InsecureSkipVerify = true // as BMCs do for event destinations
	}
	s.pushHTTP = &http.Client{Transport: tr, Timeout: cfg.PushTimeout}
	return s, nil
}

// Credentials returns the administrator's user name and password.
func (s *Sim) Credentials() (user, password string) { return s.cfg.User, s.cfg.Password }

// Start listens on addr (e.g. "127.0.0.1:0") and serves in the background.
func (s *Sim) Start(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("redfishsim: listen %s: %w", addr, err)
	}
	return s.serve(l, true)
}

// Serve serves on l in the background; Close closes l. The first listener
// served determines URL.
func (s *Sim) Serve(l net.Listener) error { return s.serve(l, false) }

func (s *Sim) serve(l net.Listener, owned bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		l.Close()
		return errors.New("redfishsim: serve after Close")
	}
	sv := &server{owned: owned, conns: map[net.Conn]struct{}{}}
	if owned {
		sv.addr = l.Addr().String()
	}
	sv.srv = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
		ConnState: func(c net.Conn, st http.ConnState) {
			s.connMu.Lock()
			defer s.connMu.Unlock()
			switch st {
			case http.StateNew:
				sv.conns[c] = struct{}{}
			case http.StateClosed, http.StateHijacked:
				delete(sv.conns, c)
			}
		},
	}
	if s.url == "" {
		scheme := "https"
		if s.cfg.PlainHTTP {
			scheme = "http"
		}
		s.url = scheme + "://" + l.Addr().String()
	}
	s.servers = append(s.servers, sv)
	s.startListener(sv, l)
	return nil
}

// startListener runs sv on l; s.mu is held.
func (s *Sim) startListener(sv *server, l net.Listener) {
	l = &gateListener{Listener: l, s: s}
	if !s.cfg.PlainHTTP {
		l = tls.NewListener(l, s.tlsConfig())
	}
	sv.l = l
	srv := sv.srv
	s.bg.Go(func() {
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
			s.log.Debug("serve ended", "err", err)
		}
	})
}

// gateListener drops connections while the BMC is down (for listeners the
// simulator does not own and so cannot close).
type gateListener struct {
	net.Listener
	s *Sim
}

func (g *gateListener) Accept() (net.Conn, error) {
	for {
		c, err := g.Listener.Accept()
		if err != nil {
			return nil, err
		}
		g.s.mu.Lock()
		down := g.s.down
		g.s.mu.Unlock()
		if !down {
			return c, nil
		}
		if tc, ok := c.(*net.TCPConn); ok {
			tc.SetLinger(0) // reset, not a polite close
		}
		c.Close()
	}
}

// URL is the base URL clients connect to, e.g. https://127.0.0.1:40123.
func (s *Sim) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.url
}

// Close stops serving, cancels pending resets, ends event delivery and SSE
// streams and removes the files the simulator wrote. It waits for its
// goroutines; OnPower hooks already running are waited for too.
func (s *Sim) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	servers := s.servers
	for c := range s.sse {
		c.close()
	}
	s.mu.Unlock()
	s.bgCancel()
	for _, sv := range servers {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		if err := sv.srv.Shutdown(ctx); err != nil {
			sv.srv.Close()
		}
		cancel()
	}
	s.bg.Wait()
	s.pushHTTP.CloseIdleConnections()
	if s.ownsDir {
		os.RemoveAll(s.dir)
	}
	return nil
}

// SetDelay makes every response wait d first ("slow BMC"); 0 restores
// normal service.
func (s *Sim) SetDelay(d time.Duration) {
	s.delay.Store(int64(d))
}

// SetDown(true) makes the BMC unreachable: listeners the simulator opened in
// Start are closed (connections are refused), connections on listeners given
// to Serve are reset at accept, and open connections (including SSE streams)
// are cut. SetDown(false) listens again on the same address.
func (s *Sim) SetDown(down bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || s.down == down {
		return nil
	}
	s.down = down
	if down {
		for c := range s.sse {
			c.close()
		}
		for _, sv := range s.servers {
			if sv.owned {
				sv.l.Close()
			}
			s.connMu.Lock()
			for c := range sv.conns {
				c.Close()
			}
			s.connMu.Unlock()
		}
		return nil
	}
	for _, sv := range s.servers {
		if !sv.owned {
			continue
		}
		l, err := net.Listen("tcp", sv.addr)
		if err != nil {
			return fmt.Errorf("redfishsim: listen again on %s: %w", sv.addr, err)
		}
		s.startListener(sv, l)
	}
	return nil
}

// Stats returns counters of what clients did so far.
func (s *Sim) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.ResetTypes = slices.Clone(s.stats.ResetTypes)
	st.Requests = int(s.requests.Load())
	st.BasicRequests = int(s.basicReqs.Load())
	st.ActiveSessions = len(s.sessions)
	return st
}

// workDir returns (creating on first use) the directory for written files.
func (s *Sim) workDir() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dir != "" {
		return s.dir, nil
	}
	if s.cfg.Dir != "" {
		if err := os.MkdirAll(s.cfg.Dir, 0o700); err != nil {
			return "", fmt.Errorf("redfishsim: %w", err)
		}
		s.dir = s.cfg.Dir
		return s.dir, nil
	}
	d, err := os.MkdirTemp("", "redfishsim-")
	if err != nil {
		return "", fmt.Errorf("redfishsim: %w", err)
	}
	s.dir, s.ownsDir = d, true
	return d, nil
}

// WritePasswordFile writes the administrator's password (no newline) to a
// new 0600 file in the simulator's directory and returns its path, for
// clients that read credentials from a file (vigil's --password-file).
func (s *Sim) WritePasswordFile() (string, error) {
	return s.writeSecret("password", []byte(s.cfg.Password))
}

// WritePasswordFileFor is WritePasswordFile for another account.
func (s *Sim) WritePasswordFileFor(user string) (string, error) {
	s.mu.Lock()
	a := s.accounts[user]
	s.mu.Unlock()
	if a == nil {
		return "", fmt.Errorf("redfishsim: no account %q", user)
	}
	return s.writeSecret("password-"+user, []byte(a.Password))
}

func (s *Sim) writeSecret(name string, data []byte) (string, error) {
	dir, err := s.workDir()
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, name)
	os.Remove(p)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("redfishsim: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", fmt.Errorf("redfishsim: write %s: %w", p, err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("redfishsim: %w", err)
	}
	return p, nil
}

func randHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
