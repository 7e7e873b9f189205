// Package redfish is the Redfish fencing driver, built on gofish: a
// ComputerSystem's PowerState, and its #ComputerSystem.Reset action with
// ForceOff, On (or ForceOn) and PowerCycle.
//
// Core type: Fencer (implements fencing.Fencer), from Dial. Equivalents:
// `fence_redfish --ip HOST --systems-uri /redfish/v1/Systems/ID -o off|on|status`,
// `curl -X POST .../Actions/ComputerSystem.Reset -d '{"ResetType":"ForceOff"}'`.
//
// Security: https only, certificates verified (unless Config.Insecure), and
// a plain http:// service is refused unless Config.AllowPlainHTTP
// (`--allow-plain-http`), since the credentials would cross the network in
// clear. Dial logs in with a Redfish session (internal/bmc/rfsession: the
// credentials go once, in the POST to the SessionService; every later
// request carries X-Auth-Token) and Close logs out (DELETE of the session).
// HTTP Basic is used only where the BMC has no SessionService; there the
// authenticated GET of the Systems collection proves the credentials
// (gofish's Basic "connect" succeeds with any password). Failures are
// internal/bmc's causes, which fencing's sentinels are: 401 is
// fencing.ErrAuth, 403 fencing.ErrPrivilege, an untrusted certificate or a
// failed handshake fencing.ErrCipher, no answer fencing.ErrUnreachable.
// Config's String, GoString, Format and LogValue never show the password
// (bmc.Redacted). A ResetType is checked against
// the system's ResetType@Redfish.AllowableValues (or its ActionInfo) before
// it is sent; one the BMC does not allow, or that it answers with 400, is
// fencing.ErrUnsupported. A Reset answered 202 with a task monitor is
// followed until the task ends, and a failed task is an error, but
// confirmation is always the PowerState read back (fencing.Do).
//
// PowerState mapping: Off is off; On, PoweringOff and Paused are on (the
// host may still run); PoweringOn is unknown.
package redfish

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/stmcginnis/gofish"
	"github.com/stmcginnis/gofish/schemas"

	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/bmc/rfsession"
)

// Config names a Redfish service and how to talk to it.
type Config struct {
	// URL is the service ("https://10.0.0.2"); a bare host means https.
	URL      string
	User     string
	Password string `json:"-"`
	// System is the ComputerSystem Id; empty when the BMC has exactly one.
	System string
	// Insecure skips certificate verification; RootCAs, when set, replaces
	// the system roots (the system roots honour SSL_CERT_FILE).
	Insecure bool
	RootCAs  *x509.CertPool
	// AllowPlainHTTP permits an http:// URL, whose requests carry the
	// credentials (or the session token) in clear: an isolated lab
	// network only. Without it such a URL is refused (rfsession.ErrPlainHTTP).
	AllowPlainHTTP bool
	// TaskPoll is the wait between task monitor polls (default 200 ms).
	TaskPoll time.Duration
	// LogoutTimeout bounds the session logout at Close (default 2 s).
	LogoutTimeout time.Duration
}

// ErrPlainHTTP: an http:// URL without Config.AllowPlainHTTP.
var ErrPlainHTTP = rfsession.ErrPlainHTTP

// Endpoint is the normalised service URL (scheme and host, no path). It
// refuses http:// unless AllowPlainHTTP.
func (c Config) Endpoint() (string, error) {
	e, err := rfsession.Endpoint(c.URL, c.AllowPlainHTTP)
	if err != nil {
		return "", fmt.Errorf("redfish: %w", err)
	}
	return e, nil
}

// redacted is what the Config shows of itself (bmc.Redacted).
func (c Config) redacted() bmc.Redacted {
	target, err := c.Endpoint()
	if err != nil {
		target = c.URL
	}
	attrs := []slog.Attr{slog.String("system", c.System)}
	if c.Insecure {
		attrs = append(attrs, slog.Bool("insecure", true))
	}
	if c.AllowPlainHTTP {
		attrs = append(attrs, slog.Bool("allow_plain_http", true))
	}
	return bmc.Redacted{Driver: "redfish", Target: target, User: c.User, HasPassword: c.Password != "", Attrs: attrs}
}

// String keeps the password out of formatted output.
func (c Config) String() string { return c.redacted().String() }

// GoString keeps the password out of %#v.
func (c Config) GoString() string { return c.redacted().GoString() }

// Format keeps the password out of every fmt verb.
func (c Config) Format(f fmt.State, verb rune) { c.redacted().Format(f, verb) }

// LogValue implements slog.LogValuer.
func (c Config) LogValue() slog.Value { return c.redacted().LogValue() }

// Fencer is one Redfish service and one of its ComputerSystems, logged in
// with a session (Basic where the BMC has no SessionService) until Close.
type Fencer struct {
	cfg      Config
	endpoint string
	mu       sync.Mutex
	sess     *rfsession.Client
	api      *gofish.APIClient
	sysURI   string
}

// Dial logs in, proves the credentials and finds the system.
func Dial(ctx context.Context, cfg Config) (*Fencer, error) {
	endpoint, err := cfg.Endpoint()
	if err != nil {
		return nil, err
	}
	if cfg.TaskPoll <= 0 {
		cfg.TaskPoll = 200 * time.Millisecond
	}
	if cfg.LogoutTimeout <= 0 {
		cfg.LogoutTimeout = 2 * time.Second
	}
	sess, err := rfsession.Connect(ctx, rfsession.Config{
		URL: cfg.URL, User: cfg.User, Password: cfg.Password,
		TLS:            bmc.TLS{Insecure: cfg.Insecure, RootCAs: cfg.RootCAs},
		AllowPlainHTTP: cfg.AllowPlainHTTP, MaxConns: 2,
	})
	if err != nil {
		return nil, fmt.Errorf("redfish %s: %w", endpoint, err)
	}
	f := &Fencer{cfg: cfg, endpoint: endpoint, sess: sess, api: sess.API}
	if err := f.findSystem(ctx); err != nil {
		f.Close()
		return nil, fmt.Errorf("redfish %s: %w", endpoint, err)
	}
	return f, nil
}

// BasicAuth reports whether the BMC had no SessionService, so every
// request carries the credentials.
func (f *Fencer) BasicAuth() bool { return f.sess.Basic }

// Level returns a fence level that dials cfg for every attempt.
func Level(name string, cfg Config, timeout time.Duration, retries int) fencing.Level {
	target, err := cfg.Endpoint()
	if err != nil {
		target = cfg.URL
	}
	return fencing.Level{
		Name: name, Target: target, Timeout: timeout, Retries: retries,
		Open: func(ctx context.Context) (fencing.Fencer, error) { return Dial(ctx, cfg) },
	}
}

// findSystem reads the Systems collection with the credentials (proving
// them: the collection is never public) and picks the configured system or
// the only one.
func (f *Fencer) findSystem(ctx context.Context) error {
	cl := f.api.WithContext(ctx)
	root := cl.Service
	if root == nil || root.ODataID == "" {
		return errors.New("no service root")
	}
	// The service root is public; read its Systems link ourselves (gofish
	// keeps it private) and GET the collection, which is not.
	systemsURI := "/redfish/v1/Systems"
	var rootDoc struct {
		Systems struct {
			ODataID string `json:"@odata.id"`
		} `json:"Systems"`
	}
	if err := getJSON(cl, root.ODataID, &rootDoc); err != nil {
		return fmt.Errorf("service root: %w", f.classify(ctx, err))
	}
	if rootDoc.Systems.ODataID != "" {
		systemsURI = rootDoc.Systems.ODataID
	}
	var coll struct {
		Members []struct {
			ODataID string `json:"@odata.id"`
		} `json:"Members"`
	}
	if err := getJSON(cl, systemsURI, &coll); err != nil {
		return fmt.Errorf("systems collection %s: %w", systemsURI, f.classify(ctx, err))
	}
	var ids []string
	for _, m := range coll.Members {
		id := m.ODataID[strings.LastIndex(strings.TrimSuffix(m.ODataID, "/"), "/")+1:]
		ids = append(ids, id)
		if f.cfg.System != "" && id == f.cfg.System {
			f.sysURI = m.ODataID
		}
	}
	switch {
	case f.cfg.System != "" && f.sysURI == "":
		return fmt.Errorf("system %q not found (the BMC has %s)", f.cfg.System, strings.Join(ids, ", "))
	case f.cfg.System == "" && len(ids) == 1:
		f.sysURI = coll.Members[0].ODataID
	case f.cfg.System == "":
		return fmt.Errorf("the BMC has %d systems (%s): choose one with --system", len(ids), strings.Join(ids, ", "))
	}
	return nil
}

func getJSON(cl *gofish.APIClient, uri string, v any) error {
	resp, err := cl.Get(uri)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("decode %s: %w", uri, err)
	}
	return nil
}

// Driver implements fencing.Fencer.
func (f *Fencer) Driver() string { return "redfish" }

// Target implements fencing.Fencer.
func (f *Fencer) Target() string { return f.endpoint }

// System is the ComputerSystem's URI.
func (f *Fencer) System() string { return f.sysURI }

func (f *Fencer) system(ctx context.Context) (*schemas.ComputerSystem, error) {
	f.mu.Lock()
	api := f.api
	f.mu.Unlock()
	if api == nil {
		return nil, errors.New("closed")
	}
	sys, err := schemas.GetObject[schemas.ComputerSystem](api.WithContext(ctx), f.sysURI)
	if err != nil {
		return nil, f.classify(ctx, err)
	}
	return sys, nil
}

// Power implements fencing.Fencer. Equivalent to: `fence_redfish -o status`.
func (f *Fencer) Power(ctx context.Context) (fencing.Power, error) {
	sys, err := f.system(ctx)
	if err != nil {
		return fencing.PowerUnknown, fmt.Errorf("redfish %s: power state: %w", f.endpoint, err)
	}
	return mapPower(sys.PowerState), nil
}

func mapPower(s schemas.PowerState) fencing.Power {
	switch s {
	case schemas.OffPowerState:
		return fencing.PowerOff
	case schemas.OnPowerState, schemas.PoweringOffPowerState, schemas.PausedPowerState:
		return fencing.PowerOn
	}
	return fencing.PowerUnknown
}

// resetTypes lists, per action, the ResetTypes to use in order of
// preference.
var resetTypes = map[fencing.Action][]schemas.ResetType{
	fencing.ActionOff:   {schemas.ForceOffResetType},
	fencing.ActionOn:    {schemas.OnResetType, schemas.ForceOnResetType},
	fencing.ActionCycle: {schemas.PowerCycleResetType},
}

// Set implements fencing.Fencer: a Reset with ForceOff, On (ForceOn) or
// PowerCycle, checked against what the system allows.
func (f *Fencer) Set(ctx context.Context, a fencing.Action) error {
	prefs, ok := resetTypes[a]
	if !ok {
		return fmt.Errorf("redfish %s: %w: %q", f.endpoint, fencing.ErrUnsupported, a)
	}
	sys, err := f.system(ctx)
	if err != nil {
		return fmt.Errorf("redfish %s: %w", f.endpoint, err)
	}
	allowed, err := sys.GetSupportedResetTypes()
	if err != nil {
		return fmt.Errorf("redfish %s: reset types: %w", f.endpoint, f.classify(ctx, err))
	}
	rt := prefs[0]
	if len(allowed) > 0 {
		rt = ""
		for _, p := range prefs {
			if slices.Contains(allowed, p) {
				rt = p
				break
			}
		}
		if rt == "" {
			return fmt.Errorf("redfish %s: %w: %s needs ResetType %v, the system allows %v", f.endpoint, fencing.ErrUnsupported, a, prefs, allowed)
		}
	}
	task, err := sys.Reset(rt)
	if err != nil {
		err = f.classify(ctx, err)
		if errors.Is(err, fencing.ErrUnsupported) {
			// Some BMCs refuse ForceOff on a system that is already off.
			if p, perr := f.Power(ctx); perr == nil && ((a == fencing.ActionOff && p == fencing.PowerOff) || (a == fencing.ActionOn && p == fencing.PowerOn)) {
				return nil
			}
		}
		return fmt.Errorf("redfish %s: reset %s: %w", f.endpoint, rt, err)
	}
	if task != nil && task.TaskMonitor != "" {
		if err := f.followTask(ctx, task); err != nil {
			return fmt.Errorf("redfish %s: reset %s: %w", f.endpoint, rt, err)
		}
	}
	return nil
}

// followTask polls a task monitor until the task is no longer running: 202
// means running, anything else carries the Task; a task that ends in
// Exception or Killed, or with Critical status, is an error.
func (f *Fencer) followTask(ctx context.Context, info *schemas.TaskMonitorInfo) error {
	f.mu.Lock()
	api := f.api
	f.mu.Unlock()
	if api == nil {
		return errors.New("closed")
	}
	cl := api.WithContext(ctx)
	for {
		resp, err := cl.Get(info.TaskMonitor)
		if err != nil {
			var re *schemas.Error
			if errors.As(err, &re) && re.HTTPReturnedStatusCode == http.StatusNotFound {
				return nil // the monitor is gone once the task completed
			}
			return fmt.Errorf("task monitor %s: %w", info.TaskMonitor, f.classify(ctx, err))
		}
		var task struct {
			TaskState  string `json:"TaskState"`
			TaskStatus string `json:"TaskStatus"`
			Messages   []struct {
				Message string `json:"Message"`
			} `json:"Messages"`
		}
		code := resp.StatusCode
		_ = json.NewDecoder(resp.Body).Decode(&task)
		resp.Body.Close()
		if code != http.StatusAccepted {
			switch task.TaskState {
			case "Exception", "Killed", "Cancelled":
				msg := ""
				if len(task.Messages) > 0 {
					msg = ": " + task.Messages[0].Message
				}
				return fmt.Errorf("task %s ended %s%s", info.TaskMonitor, task.TaskState, msg)
			}
			if task.TaskStatus == "Critical" {
				return fmt.Errorf("task %s ended with status Critical", info.TaskMonitor)
			}
			if task.TaskState == "" || task.TaskState == "Completed" {
				return nil
			}
		}
		t := time.NewTimer(f.cfg.TaskPoll)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("task %s: %w", info.TaskMonitor, ctx.Err())
		case <-t.C:
		}
	}
}

// Close logs out of the session (bounded by Config.LogoutTimeout; a BMC
// that is gone cannot hear it) and releases idle connections.
func (f *Fencer) Close() error {
	f.mu.Lock()
	sess := f.sess
	f.sess, f.api = nil, nil
	f.mu.Unlock()
	sess.Logout(f.cfg.LogoutTimeout)
	return nil
}

// classify maps gofish's errors to the shared causes (rfsession.Classify),
// with the password scrubbed from the library's text first.
func (f *Fencer) classify(ctx context.Context, err error) error {
	return rfsession.Classify(ctx, bmc.Scrub(err, f.cfg.Password))
}
