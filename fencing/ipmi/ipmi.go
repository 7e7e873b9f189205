// Package ipmi is the IPMI 2.0 (RMCP+ "lanplus") fencing driver, built on
// go-ipmi's pkg/client: chassis power off, on, cycle and status through a
// session at OPERATOR privilege, the least that power control needs.
//
// Core type: Fencer (implements fencing.Fencer), from Dial. Equivalents:
// `ipmitool -I lanplus -C N -L OPERATOR chassis power off|on|cycle|status`,
// `fence_ipmilan -P -L operator -o off|on|status`.
//
// Cipher suites: pinned (Config.CipherSuite) or, by default, every standard
// suite at least as strong as Config.MinCipherSuite (default 3), strongest
// first; suite 2 is never offered unless pinned, since it crashes ipmi_sim.
// go-ipmi accepts a BMC that answers with weaker algorithms than asked for,
// so the driver reads the Open Session exchange off the wire and refuses a
// downgrade (ErrWeakCipher).
//
// Errors keep the BMC's verdict as fencing sentinels: RAKP status 0x0d
// (unknown user) and a RAKP 2 HMAC mismatch (wrong password) are
// fencing.ErrAuth; RAKP status 0x09/0x0a (role refused) and completion code
// 0xd4 are fencing.ErrPrivilege; no answer at all is fencing.ErrUnreachable.
// go-ipmi flattens its connect errors to text, so the RAKP status is taken
// from the datagrams themselves, not from the error string.
package ipmi

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bougou/go-ipmi/pkg/client"
	"github.com/bougou/go-ipmi/pkg/command/chassis"
	"github.com/bougou/go-ipmi/pkg/types"

	"github.com/vigil-ha/vigil/fencing"
)

// Config names a BMC and how to talk to it.
type Config struct {
	Host     string
	Port     int // default 623
	User     string
	Password string
	// CipherSuite pins one suite; -1 (or unset through NewConfig) tries the
	// suites at least as strong as MinCipherSuite, strongest first.
	CipherSuite    int
	MinCipherSuite int // default 3
	// Timeout is one UDP exchange's timeout (default 1 s); Retries how
	// many times a lost exchange is re-sent (default 2). The context's
	// deadline bounds everything on top.
	Timeout time.Duration
	Retries int
}

// ErrWeakCipher: the BMC negotiated weaker algorithms than allowed.
var ErrWeakCipher = errors.New("BMC negotiated a cipher weaker than allowed")

// Target is "HOST:PORT".
func (c Config) Target() string {
	port := c.Port
	if port == 0 {
		port = 623
	}
	return net.JoinHostPort(c.Host, strconv.Itoa(port))
}

// Fencer is one RMCP+ session with a BMC at OPERATOR privilege. Safe for
// concurrent use (calls are serialised).
type Fencer struct {
	cfg   Config
	mu    sync.Mutex
	cl    *client.Client
	suite int
}

// Dial opens a session. It fails with fencing.ErrAuth, fencing.ErrPrivilege,
// fencing.ErrUnreachable or ErrWeakCipher, wrapped with the target.
func Dial(ctx context.Context, cfg Config) (*Fencer, error) {
	if cfg.Port == 0 {
		cfg.Port = 623
	}
	if cfg.MinCipherSuite == 0 {
		cfg.MinCipherSuite = 3
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = time.Second
	}
	if cfg.Retries <= 0 {
		cfg.Retries = 2
	}
	if cfg.Host == "" || cfg.User == "" {
		return nil, fmt.Errorf("ipmi: host and user are required")
	}
	suites, err := candidateSuites(cfg.CipherSuite, cfg.MinCipherSuite)
	if err != nil {
		return nil, err
	}
	target := cfg.Target()
	ids := make([]types.CipherSuiteID, len(suites))
	for i, s := range suites {
		ids[i] = types.CipherSuiteID(s)
	}
	cl, err := client.NewClient(cfg.Host, cfg.Port, cfg.User, cfg.Password)
	if err != nil {
		return nil, fmt.Errorf("ipmi %s: %w", target, err)
	}
	wire := &wire{}
	cl.WithCipherSuiteID(ids...).
		WithMaxPrivilegeLevel(types.PrivilegeLevelOperator).
		WithTimeout(cfg.Timeout).
		WithRetry(cfg.Retries).
		WithUDPProxy(wire)
	if err := cl.Connect(ctx); err != nil {
		// No session to close: only release the socket, without waiting
		// for a BMC that may not answer.
		done, cancel := context.WithCancel(context.Background())
		cancel()
		_ = cl.Close(done)
		return nil, fmt.Errorf("ipmi %s: %w", target, classifyConnect(ctx, err, wire))
	}
	f := &Fencer{cfg: cfg, cl: cl}
	suite, err := wire.check(cfg.CipherSuite, cfg.MinCipherSuite)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("ipmi %s: %w", target, err)
	}
	f.suite = suite
	return f, nil
}

// Level returns a fence level that dials cfg for every attempt.
func Level(name string, cfg Config, timeout time.Duration, retries int) fencing.Level {
	return fencing.Level{
		Name: name, Target: cfg.Target(), Timeout: timeout, Retries: retries,
		Open: func(ctx context.Context) (fencing.Fencer, error) { return Dial(ctx, cfg) },
	}
}

// Driver implements fencing.Fencer.
func (f *Fencer) Driver() string { return "ipmi" }

// Target implements fencing.Fencer.
func (f *Fencer) Target() string { return f.cfg.Target() }

// CipherSuite is the suite of the session.
func (f *Fencer) CipherSuite() int { return f.suite }

// Power implements fencing.Fencer. Equivalent to: `ipmitool chassis power
// status` (Get Chassis Status, current power state bit).
func (f *Fencer) Power(ctx context.Context) (fencing.Power, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cl == nil {
		return fencing.PowerUnknown, fmt.Errorf("ipmi %s: session closed", f.Target())
	}
	st, err := f.cl.GetChassisStatus(ctx)
	if err != nil {
		return fencing.PowerUnknown, fmt.Errorf("ipmi %s: chassis status: %w", f.Target(), classify(ctx, err))
	}
	if st.PowerIsOn {
		return fencing.PowerOn, nil
	}
	return fencing.PowerOff, nil
}

// Set implements fencing.Fencer. Equivalent to: `ipmitool chassis power
// off|on|cycle` (Chassis Control 0x00, 0x01, 0x02). Off is the hard
// power-down, not an ACPI soft shutdown: fencing must not wait for the OS.
func (f *Fencer) Set(ctx context.Context, a fencing.Action) error {
	var ctl chassis.ChassisControl
	switch a {
	case fencing.ActionOff:
		ctl = chassis.ChassisControlPowerDown
	case fencing.ActionOn:
		ctl = chassis.ChassisControlPowerUp
	case fencing.ActionCycle:
		ctl = chassis.ChassisControlPowerCycle
	default:
		return fmt.Errorf("ipmi %s: %w: %q", f.Target(), fencing.ErrUnsupported, a)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cl == nil {
		return fmt.Errorf("ipmi %s: session closed", f.Target())
	}
	if _, err := f.cl.ChassisControl(ctx, ctl); err != nil {
		return fmt.Errorf("ipmi %s: chassis power %s: %w", f.Target(), a, classify(ctx, err))
	}
	return nil
}

// Close ends the session (best effort: a BMC that is gone cannot hear it).
func (f *Fencer) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cl == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), f.cfg.Timeout)
	defer cancel()
	_ = f.cl.Close(ctx)
	f.cl = nil
	return nil
}

// classify maps an error of an established session.
func classify(ctx context.Context, err error) error {
	if re, ok := types.IsResponseError(err); ok && re.CompletionCode() == types.CompletionCode(0xd4) {
		return fmt.Errorf("%w: the BMC refused the command for this account (completion code 0xd4); power control needs OPERATOR: %v", fencing.ErrPrivilege, err)
	}
	if ctx.Err() != nil || isTimeout(err) {
		return fmt.Errorf("%w: %v", fencing.ErrUnreachable, err)
	}
	return err
}

// classifyConnect maps a failed session setup, preferring what the BMC said
// on the wire over go-ipmi's flattened text.
func classifyConnect(ctx context.Context, err error, w *wire) error {
	w.mu.Lock()
	status, inbound := w.rakpStatus, w.inbound
	w.mu.Unlock()
	switch status {
	case 0x09, 0x0a, 0x0b:
		return fmt.Errorf("%w: the BMC refused an OPERATOR session for this account (RAKP status %#02x); fencing needs an account with OPERATOR privilege", fencing.ErrPrivilege, status)
	case 0x0d, 0x0f:
		return fmt.Errorf("%w: the BMC refused the user name or password (RAKP status %#02x)", fencing.ErrAuth, status)
	}
	if strings.Contains(err.Error(), client.ErrRAKPAuthentication.Error()) {
		return fmt.Errorf("%w: wrong password (the BMC's RAKP 2 proof does not match it)", fencing.ErrAuth)
	}
	if inbound == 0 {
		return fmt.Errorf("%w: no answer", fencing.ErrUnreachable)
	}
	if ctx.Err() != nil || isTimeout(err) {
		return fmt.Errorf("%w: %v", fencing.ErrUnreachable, err)
	}
	return err
}

func isTimeout(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	s := err.Error()
	return strings.Contains(s, "timeout") || strings.Contains(s, "deadline exceeded")
}

// Algorithm strength ranks (higher is stronger); RMCP+ algorithm numbers are
// not ordered by strength.
var (
	authRank  = map[uint8]int{0x00: 0, 0x02: 1, 0x01: 2, 0x03: 3}
	integRank = map[uint8]int{0x00: 0, 0x03: 1, 0x02: 2, 0x01: 3, 0x04: 4}
	cryptRank = map[uint8]int{0x00: 0, 0x03: 1, 0x02: 2, 0x01: 3}
)

type algs struct{ auth, integ, crypt uint8 }

func rank(m map[uint8]int, v uint8) int {
	if r, ok := m[v]; ok {
		return r
	}
	return -1
}

func (a algs) atLeast(b algs) bool {
	return rank(authRank, a.auth) >= rank(authRank, b.auth) &&
		rank(integRank, a.integ) >= rank(integRank, b.integ) &&
		rank(cryptRank, a.crypt) >= rank(cryptRank, b.crypt)
}

func suiteAlgs(id int) (algs, bool) {
	if id < 0 || id > 17 {
		return algs{}, false
	}
	a, i, c, ok := types.GetCipherSuiteAlgorithms(types.CipherSuiteID(id))
	return algs{uint8(a), uint8(i), uint8(c)}, ok
}

// candidateSuites: the pinned suite alone, or every standard suite at least
// as strong as minSuite, strongest first.
func candidateSuites(pinned, minSuite int) ([]int, error) {
	if pinned >= 0 {
		if _, ok := suiteAlgs(pinned); !ok {
			return nil, fmt.Errorf("ipmi: cipher suite %d is not a standard suite (0-17)", pinned)
		}
		return []int{pinned}, nil
	}
	floor, ok := suiteAlgs(minSuite)
	if !ok {
		return nil, fmt.Errorf("ipmi: minimum cipher suite %d is not a standard suite (0-17)", minSuite)
	}
	var out []int
	for id := 0; id <= 17; id++ {
		if a, ok := suiteAlgs(id); ok && id != 2 && a.atLeast(floor) {
			out = append(out, id)
		}
	}
	slices.SortStableFunc(out, func(x, y int) int {
		a, _ := suiteAlgs(x)
		b, _ := suiteAlgs(y)
		return cmp.Or(
			cmp.Compare(rank(cryptRank, b.crypt), rank(cryptRank, a.crypt)),
			cmp.Compare(rank(integRank, b.integ), rank(integRank, a.integ)),
			cmp.Compare(rank(authRank, b.auth), rank(authRank, a.auth)),
		)
	})
	return out, nil
}
