// Package redfish is the Redfish fencing driver, built on gofish: a
// ComputerSystem's PowerState, and its #ComputerSystem.Reset action with
// ForceOff, On (or ForceOn) and PowerCycle.
//
// Core type: Fencer (implements fencing.Fencer), from Dial. Equivalents:
// `fence_redfish --ip HOST --systems-uri /redfish/v1/Systems/ID -o off|on|status`,
// `curl -X POST .../Actions/ComputerSystem.Reset -d '{"ResetType":"ForceOff"}'`.
//
// Authentication is HTTP Basic on every request. gofish's Connect succeeds
// with any password (the service root is public), so Dial proves the
// credentials with an authenticated GET of the Systems collection: 401 is
// fencing.ErrAuth, 403 fencing.ErrPrivilege. A ResetType is checked against
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
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/stmcginnis/gofish"
	"github.com/stmcginnis/gofish/schemas"

	"github.com/vigil-ha/vigil/fencing"
)

// Config names a Redfish service and how to talk to it.
type Config struct {
	// URL is the service ("https://10.0.0.2"); a bare host means https.
	URL      string
	User     string
	Password string
	// System is the ComputerSystem Id; empty when the BMC has exactly one.
	System string
	// Insecure skips certificate verification; RootCAs, when set, replaces
	// the system roots (the system roots honour SSL_CERT_FILE).
	Insecure bool
	RootCAs  *x509.CertPool
	// TaskPoll is the wait between task monitor polls (default 200 ms).
	TaskPoll time.Duration
}

// Endpoint is the normalised service URL (scheme and host, no path).
func (c Config) Endpoint() (string, error) {
	raw := strings.TrimSpace(c.URL)
	if raw == "" {
		return "", errors.New("redfish: URL is required")
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", fmt.Errorf("redfish: URL %q: want https://HOST[:PORT]", c.URL)
	}
	return u.Scheme + "://" + u.Host, nil
}

// Fencer is one Redfish service and one of its ComputerSystems.
type Fencer struct {
	cfg      Config
	endpoint string
	mu       sync.Mutex
	api      *gofish.APIClient
	sysURI   string
}

// Dial connects, proves the credentials and finds the system.
func Dial(ctx context.Context, cfg Config) (*Fencer, error) {
	endpoint, err := cfg.Endpoint()
	if err != nil {
		return nil, err
	}
	if cfg.TaskPoll <= 0 {
		cfg.TaskPoll = 200 * time.Millisecond
	}
	tlsConf := &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: cfg.RootCAs, InsecureSkipVerify: cfg.Insecure} //nolint:gosec // only with --insecure
	hc := &http.Client{Transport: &http.Transport{
		TLSClientConfig:     tlsConf,
		TLSHandshakeTimeout: 10 * time.Second,
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        2,
		IdleConnTimeout:     30 * time.Second,
	}}
	api, err := gofish.ConnectContext(ctx, gofish.ClientConfig{
		Endpoint: endpoint, Username: cfg.User, Password: cfg.Password, BasicAuth: true,
		HTTPClient: hc, NoModifyTransport: true, ReuseConnections: true,
	})
	if err != nil {
		return nil, fmt.Errorf("redfish %s: %w", endpoint, classify(ctx, err))
	}
	f := &Fencer{cfg: cfg, endpoint: endpoint, api: api}
	if err := f.findSystem(ctx); err != nil {
		f.Close()
		return nil, fmt.Errorf("redfish %s: %w", endpoint, err)
	}
	return f, nil
}

// Level returns a fence level that dials cfg for every attempt.
func Level(name string, cfg Config, timeout time.Duration, retries int) fencing.Level {
	target, _ := cfg.Endpoint()
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
		return fmt.Errorf("service root: %w", classify(ctx, err))
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
		return fmt.Errorf("systems collection %s: %w", systemsURI, classify(ctx, err))
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
		return nil, classify(ctx, err)
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
		return fmt.Errorf("redfish %s: reset types: %w", f.endpoint, classify(ctx, err))
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
		err = classify(ctx, err)
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
	cl := f.api.WithContext(ctx)
	for {
		resp, err := cl.Get(info.TaskMonitor)
		if err != nil {
			var re *schemas.Error
			if errors.As(err, &re) && re.HTTPReturnedStatusCode == http.StatusNotFound {
				return nil // the monitor is gone once the task completed
			}
			return fmt.Errorf("task monitor %s: %w", info.TaskMonitor, classify(ctx, err))
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

// Close releases idle connections.
func (f *Fencer) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.api != nil && f.api.HTTPClient != nil {
		f.api.HTTPClient.CloseIdleConnections()
	}
	f.api = nil
	return nil
}

// classify maps gofish's errors to fencing's sentinels by HTTP status.
// gofish turns transport failures into status 0 with the text only.
func classify(ctx context.Context, err error) error {
	var re *schemas.Error
	if errors.As(err, &re) {
		switch re.HTTPReturnedStatusCode {
		case http.StatusUnauthorized:
			return fmt.Errorf("%w: the BMC answered 401 (wrong user or password)", fencing.ErrAuth)
		case http.StatusForbidden:
			return fmt.Errorf("%w: the BMC answered 403 for this account: %s", fencing.ErrPrivilege, brief(re))
		case http.StatusBadRequest:
			return fmt.Errorf("%w: the BMC answered 400: %s", fencing.ErrUnsupported, brief(re))
		case 0:
			if ctx.Err() != nil {
				return fmt.Errorf("%w: %v", fencing.ErrUnreachable, ctx.Err())
			}
			return fmt.Errorf("%w: %s", fencing.ErrUnreachable, re.Message)
		}
		return fmt.Errorf("HTTP %d: %s", re.HTTPReturnedStatusCode, brief(re))
	}
	if ctx.Err() != nil {
		return fmt.Errorf("%w: %v", fencing.ErrUnreachable, err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%w: %v", fencing.ErrUnreachable, err)
	}
	return err
}

// brief is the Redfish error's message (its first extended message when the
// top one is generic), without the raw body.
func brief(e *schemas.Error) string {
	msg := e.Message
	if len(e.ExtendedInfos) > 0 && e.ExtendedInfos[0].Message != "" {
		msg = e.ExtendedInfos[0].Message
	}
	if msg == "" {
		msg = http.StatusText(e.HTTPReturnedStatusCode)
	}
	return msg
}
