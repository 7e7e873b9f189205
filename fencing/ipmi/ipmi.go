// Package ipmi is the IPMI 2.0 (RMCP+ "lanplus") fencing driver, built on
// go-ipmi's pkg/client: chassis power off, on, cycle and status through a
// session at OPERATOR privilege, the least that power control needs.
//
// Core type: Fencer (implements fencing.Fencer), from Dial. Equivalents:
// `ipmitool -I lanplus -C N -L OPERATOR chassis power off|on|cycle|status`,
// `fence_ipmilan -P -L operator -o off|on|status`.
//
// Cipher suites: the zero Config is safe: auto, every standard suite at
// least as strong as Config.MinCipherSuite (default 3), strongest first
// (internal/rmcp; the default floor keeps suite 2, which crashes ipmi_sim,
// out), never suite 0; Config.CipherSuite pins one. A suite or floor below 3
// is refused unless Config.AllowWeakCipher. go-ipmi accepts a BMC that
// answers with weaker algorithms than asked for, so the driver reads the
// Open Session exchange off the wire (rmcp.Observer) and refuses a
// downgrade (ErrWeakCipher) as soon as the Open Session Response arrives,
// before a session is built on it.
//
// Errors keep the BMC's verdict as internal/bmc's causes, which fencing's
// sentinels are: RAKP status 0x0d (unknown user), 0x0f and a RAKP 2 HMAC
// mismatch (wrong password) are fencing.ErrAuth; RAKP status 0x09/0x0a
// (role refused) and completion code 0xd4 are fencing.ErrPrivilege; an Open
// Session refused for every suite offered, or a downgrade, is
// fencing.ErrCipher; no answer at all is fencing.ErrUnreachable. go-ipmi
// flattens its connect errors to text, so the statuses are taken from the
// datagrams themselves, not from the error string; bmc.Detail keeps that
// text for logs. Config's String, GoString, Format and LogValue never show
// the password (bmc.Redacted).
package ipmi

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/bougou/go-ipmi/pkg/client"
	"github.com/bougou/go-ipmi/pkg/command/chassis"
	"github.com/bougou/go-ipmi/pkg/types"

	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/rmcp"
)

// Config names a BMC and how to talk to it. Its zero value, given Host,
// User and Password, is the safe default: port 623, cipher suites chosen
// automatically (never weaker than suite 3).
type Config struct {
	Host     string
	Port     int // default 623
	User     string
	Password string `json:"-"`
	// CipherSuite pins one suite (1-17). Zero (or negative) means auto:
	// the suites at least as strong as MinCipherSuite, strongest first.
	CipherSuite    int
	MinCipherSuite int // floor in auto mode; zero means 3
	// AllowWeakCipher permits a CipherSuite or MinCipherSuite below 3
	// (an old BMC on an isolated network only: anyone on that network
	// could then forge a "power off" confirmation).
	AllowWeakCipher bool
	// Timeout is one UDP exchange's timeout (default 1 s); Retries how
	// many times a lost exchange is re-sent (default 2). The context's
	// deadline bounds everything on top.
	Timeout time.Duration
	Retries int
}

// ErrWeakCipher: the BMC negotiated weaker algorithms than allowed. It is
// rmcp.ErrWeakCipher (which wraps fencing.ErrCipher), so errors.Is matches
// any of the names.
var ErrWeakCipher = rmcp.ErrWeakCipher

// Target is "HOST:PORT".
func (c Config) Target() string { return rmcp.Target(c.Host, c.Port) }

// Policy is the cipher suite policy the Config asks for.
func (c Config) Policy() rmcp.Policy {
	return rmcp.Policy{Suite: c.CipherSuite, Min: c.MinCipherSuite, AllowWeak: c.AllowWeakCipher}
}

// redacted is what the Config shows of itself (bmc.Redacted).
func (c Config) redacted() bmc.Redacted {
	return bmc.Redacted{Driver: "ipmi", Target: c.Target(), User: c.User, HasPassword: c.Password != "",
		Attrs: []slog.Attr{slog.String("cipher_suite", c.Policy().String())}}
}

// String keeps the password out of formatted output.
func (c Config) String() string { return c.redacted().String() }

// GoString keeps the password out of %#v.
func (c Config) GoString() string { return c.redacted().GoString() }

// Format keeps the password out of every fmt verb.
func (c Config) Format(f fmt.State, verb rune) { c.redacted().Format(f, verb) }

// LogValue implements slog.LogValuer.
func (c Config) LogValue() slog.Value { return c.redacted().LogValue() }

// Fencer is one RMCP+ session with a BMC at OPERATOR privilege. Safe for
// concurrent use (calls are serialised).
type Fencer struct {
	cfg   Config
	mu    sync.Mutex
	cl    *client.Client
	suite int
}

// Dial opens a session at OPERATOR privilege. It fails with
// fencing.ErrAuth, fencing.ErrPrivilege, fencing.ErrUnreachable or
// fencing.ErrCipher (ErrWeakCipher for a downgrade), wrapped with the
// target, or with a configuration error (missing host or user, a user name
// or password IPMI cannot carry, a weak cipher suite not allowed) before
// anything is sent.
func Dial(ctx context.Context, cfg Config) (*Fencer, error) {
	if cfg.Port == 0 {
		cfg.Port = 623
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = time.Second
	}
	if cfg.Retries <= 0 {
		cfg.Retries = 2
	}
	cl, suite, err := rmcp.Open(ctx, rmcp.Session{
		Host: cfg.Host, Port: cfg.Port, User: cfg.User, Password: cfg.Password,
		Policy: cfg.Policy(), Privilege: types.PrivilegeLevelOperator,
		Timeout: cfg.Timeout, Retries: cfg.Retries,
		Hint: "fencing needs an account with OPERATOR privilege",
	})
	if err != nil {
		return nil, fmt.Errorf("ipmi %s: %w", cfg.Target(), err)
	}
	return &Fencer{cfg: cfg, cl: cl, suite: suite}, nil
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
		return fencing.PowerUnknown, fmt.Errorf("ipmi %s: chassis status: %w", f.Target(), rmcp.Classify(ctx, bmc.Scrub(err, f.cfg.Password), "Get Chassis Status", ""))
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
		return fmt.Errorf("ipmi %s: chassis power %s: %w", f.Target(), a,
			rmcp.Classify(ctx, bmc.Scrub(err, f.cfg.Password), "chassis power "+string(a), "power control needs OPERATOR"))
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
