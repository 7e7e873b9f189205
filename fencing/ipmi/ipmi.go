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
// first (internal/rmcp; the default floor keeps suite 2, which crashes
// ipmi_sim, out). go-ipmi accepts a BMC that answers with weaker algorithms
// than asked for, so the driver reads the Open Session exchange off the wire
// (rmcp.Observer) and refuses a downgrade (ErrWeakCipher) as soon as the
// Open Session Response arrives, before a session is built on it.
//
// Errors keep the BMC's verdict as fencing sentinels: RAKP status 0x0d
// (unknown user) and a RAKP 2 HMAC mismatch (wrong password) are
// fencing.ErrAuth; RAKP status 0x09/0x0a (role refused) and completion code
// 0xd4 are fencing.ErrPrivilege; no answer at all is fencing.ErrUnreachable.
// go-ipmi flattens its connect errors to text, so the RAKP status is taken
// from the datagrams themselves, not from the error string.
package ipmi

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bougou/go-ipmi/pkg/client"
	"github.com/bougou/go-ipmi/pkg/command/chassis"
	"github.com/bougou/go-ipmi/pkg/types"

	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/internal/rmcp"
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

// ErrWeakCipher: the BMC negotiated weaker algorithms than allowed. It is
// rmcp.ErrWeakCipher, so errors.Is matches either name.
var ErrWeakCipher = rmcp.ErrWeakCipher

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
	suites, err := rmcp.CandidateSuites(cfg.CipherSuite, cfg.MinCipherSuite)
	if err != nil {
		return nil, fmt.Errorf("ipmi: %w", err)
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
	obs := rmcp.NewObserver(rmcp.RefuseDowngrade(cfg.CipherSuite, cfg.MinCipherSuite))
	cl.WithCipherSuiteID(ids...).
		WithMaxPrivilegeLevel(types.PrivilegeLevelOperator).
		WithTimeout(cfg.Timeout).
		WithRetry(cfg.Retries).
		WithUDPProxy(obs)
	if err := cl.Connect(ctx); err != nil {
		// No session to close: only release the socket, without waiting
		// for a BMC that may not answer.
		done, cancel := context.WithCancel(context.Background())
		cancel()
		_ = cl.Close(done)
		if _, werr := obs.Check(cfg.CipherSuite, cfg.MinCipherSuite); obs.Answered() && werr != nil {
			// The downgrade, not whatever go-ipmi tripped on after it.
			return nil, fmt.Errorf("ipmi %s: %w", target, werr)
		}
		return nil, fmt.Errorf("ipmi %s: %w", target, classifyConnect(ctx, err, obs))
	}
	f := &Fencer{cfg: cfg, cl: cl}
	suite, err := obs.Check(cfg.CipherSuite, cfg.MinCipherSuite)
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
func classifyConnect(ctx context.Context, err error, w *rmcp.Observer) error {
	status, inbound := w.RAKPStatus(), w.Inbound()
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
