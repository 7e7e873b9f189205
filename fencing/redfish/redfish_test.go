package redfish_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/fencing/redfish"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// powerLog records the simulator's OnPower hook: what the lab uses to kill
// and restart a host.
type powerLog struct {
	mu  sync.Mutex
	ons []bool
}

func (p *powerLog) hook(on bool) { p.mu.Lock(); p.ons = append(p.ons, on); p.mu.Unlock() }
func (p *powerLog) get() []bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]bool(nil), p.ons...)
}

func startSim(t *testing.T, cfg redfishsim.Config) (*redfishsim.Sim, redfish.Config, *powerLog) {
	t.Helper()
	pl := &powerLog{}
	cfg.OnPower = pl.hook
	cfg.Accounts = append(cfg.Accounts, redfishsim.Account{User: "reader", Password: "reader-pw", Role: redfishsim.RoleReadOnly})
	sim, err := redfishsim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	user, pw := sim.Credentials()
	return sim, redfish.Config{URL: sim.URL(), User: user, Password: pw, RootCAs: sim.CACertPool()}, pl
}

func do(t *testing.T, cfg redfish.Config, a fencing.Action, timeout time.Duration) (fencing.Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	f, err := redfish.Dial(ctx, cfg)
	if err != nil {
		return fencing.Result{}, err
	}
	defer f.Close()
	return fencing.Do(ctx, f, a, fencing.Confirm{})
}

// fenceRedfishStatus asks Debian's fence_redfish, options on stdin.
func fenceRedfishStatus(t *testing.T, cfg redfish.Config, systemURI string) string {
	t.Helper()
	if _, err := exec.LookPath("fence_redfish"); err != nil {
		testenv.Degraded(t, "fence_redfish not installed: no cross-check")
		return ""
	}
	u, _ := url.Parse(cfg.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "fence_redfish")
	cmd.Stdin = strings.NewReader(fmt.Sprintf("ip=%s\nipport=%s\nusername=%s\npassword=%s\nssl_insecure=1\nsystems_uri=%s\naction=status\n",
		u.Hostname(), u.Port(), cfg.User, cfg.Password, systemURI))
	out, _ := cmd.CombinedOutput()
	s := string(out)
	switch {
	case strings.Contains(s, "Status: ON"):
		return "on"
	case strings.Contains(s, "Status: OFF"):
		return "off"
	}
	t.Fatalf("fence_redfish status: %s", strings.ReplaceAll(s, cfg.Password, "****"))
	return ""
}

func TestDelayedPowerState(t *testing.T) {
	sim, cfg, pl := startSim(t, redfishsim.Config{ResetDelay: time.Second})
	id := sim.SystemIDs()[0]
	sysURI := "/redfish/v1/Systems/" + id

	res, err := do(t, cfg, fencing.ActionOff, 10*time.Second)
	if err != nil || !res.Confirmed || res.Power != fencing.PowerOff {
		t.Fatalf("off = %+v, %v; want confirmed off", res, err)
	}
	if res.Elapsed < 900*time.Millisecond || res.Polls < 2 {
		t.Fatalf("off confirmed after %v and %d polls, but PowerState changes only after 1s", res.Elapsed, res.Polls)
	}
	if st, _ := sim.PowerState(id); st != "Off" {
		t.Fatalf("simulator reads %q after a confirmed off", st)
	}
	if got := pl.get(); len(got) != 1 || got[0] {
		t.Fatalf("power hook calls %v, want one power off", got)
	}
	if got := fenceRedfishStatus(t, cfg, sysURI); got != "" && got != "off" {
		t.Fatalf("fence_redfish reads %s after vigil's off", got)
	}

	// A deadline shorter than the BMC's delay: not confirmed, last state on.
	if err := sim.SetPower(id, true); err != nil {
		t.Fatal(err)
	}
	res, err = do(t, cfg, fencing.ActionOff, 500*time.Millisecond)
	if !errors.Is(err, fencing.ErrNotConfirmed) || res.Power != fencing.PowerOn {
		t.Fatalf("off with a 500ms deadline = %+v, %v; want ErrNotConfirmed, last state on", res, err)
	}
	time.Sleep(time.Second) // let that off land

	res, err = do(t, cfg, fencing.ActionOn, 10*time.Second)
	if err != nil || !res.Confirmed || res.Power != fencing.PowerOn {
		t.Fatalf("on = %+v, %v; want confirmed on", res, err)
	}
	if got := fenceRedfishStatus(t, cfg, sysURI); got != "" && got != "on" {
		t.Fatalf("fence_redfish reads %s after vigil's on", got)
	}
	res, err = do(t, cfg, fencing.ActionCycle, 10*time.Second)
	if err != nil || !res.Confirmed || res.Power != fencing.PowerOn {
		t.Fatalf("cycle = %+v, %v; want confirmed on", res, err)
	}
	if got := fenceRedfishStatus(t, cfg, sysURI); got != "" && got != "on" {
		t.Fatalf("fence_redfish reads %s after vigil's cycle", got)
	}
	res, err = do(t, cfg, fencing.ActionStatus, 5*time.Second)
	if err != nil || res.Power != fencing.PowerOn || res.Driver != "redfish" {
		t.Fatalf("status = %+v, %v", res, err)
	}
}

func TestResetWithTaskMonitor(t *testing.T) {
	_, cfg, pl := startSim(t, redfishsim.Config{ResetDelay: 300 * time.Millisecond, TaskReset: true, TransitionStates: true})
	res, err := do(t, cfg, fencing.ActionOff, 10*time.Second)
	if err != nil || !res.Confirmed || res.Power != fencing.PowerOff {
		t.Fatalf("off through a task monitor = %+v, %v; want confirmed off", res, err)
	}
	if got := pl.get(); len(got) != 1 || got[0] {
		t.Fatalf("power hook calls %v, want one power off", got)
	}
}

func TestDisallowedResetType(t *testing.T) {
	sim, cfg, pl := startSim(t, redfishsim.Config{ResetDelay: -1, AllowedResetTypes: []string{"On", "GracefulShutdown"}})
	_, err := do(t, cfg, fencing.ActionOff, 5*time.Second)
	if !errors.Is(err, fencing.ErrUnsupported) || !strings.Contains(err.Error(), "ForceOff") || !strings.Contains(err.Error(), "GracefulShutdown") {
		t.Fatalf("off without ForceOff allowed = %v; want ErrUnsupported naming ForceOff and what is allowed", err)
	}
	if st, _ := sim.PowerState(sim.SystemIDs()[0]); st != "On" || len(pl.get()) != 0 {
		t.Fatalf("a refused ResetType changed the power: %s, hooks %v", st, pl.get())
	}
}

func TestCredentialsAndPrivilege(t *testing.T) {
	sim, cfg, pl := startSim(t, redfishsim.Config{ResetDelay: -1})
	wrong := cfg
	wrong.Password = "not-the-password"
	_, err := do(t, wrong, fencing.ActionStatus, 5*time.Second)
	if !errors.Is(err, fencing.ErrAuth) || !strings.Contains(err.Error(), "401") || strings.Contains(err.Error(), wrong.Password) {
		t.Fatalf("wrong password = %v; want ErrAuth (401) without the password", err)
	}
	reader := cfg
	reader.User, reader.Password = "reader", "reader-pw"
	res, err := do(t, reader, fencing.ActionStatus, 5*time.Second)
	if err != nil || res.Power != fencing.PowerOn {
		t.Fatalf("read-only status = %+v, %v; want on", res, err)
	}
	_, err = do(t, reader, fencing.ActionOff, 5*time.Second)
	if !errors.Is(err, fencing.ErrPrivilege) || !strings.Contains(err.Error(), "insufficient privilege") {
		t.Fatalf("read-only off = %v; want ErrPrivilege", err)
	}
	if st, _ := sim.PowerState(sim.SystemIDs()[0]); st != "On" || len(pl.get()) != 0 {
		t.Fatalf("refused accounts changed the power: %s", st)
	}
	if !fencing.Permanent(err) {
		t.Fatal("a privilege error must not be retried")
	}
}

func TestUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	_, err = do(t, redfish.Config{URL: "https://" + addr, User: "u", Password: "p"}, fencing.ActionStatus, 3*time.Second)
	if !errors.Is(err, fencing.ErrUnreachable) {
		t.Fatalf("closed port = %v, want ErrUnreachable", err)
	}

	// A BMC that accepts TCP but never answers: bounded by the deadline.
	sim, cfg, _ := startSim(t, redfishsim.Config{})
	if err := sim.SetDown(true); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = do(t, cfg, fencing.ActionOff, 2*time.Second)
	if err == nil || time.Since(start) > 5*time.Second {
		t.Fatalf("dead BMC = %v after %v; want an error within the 2s deadline", err, time.Since(start))
	}
}

func TestMockupSystem(t *testing.T) {
	dir, err := redfishsim.FindMockup(redfishsim.MockupRackmount)
	if err != nil {
		t.Fatal(err) // the mockups are in the repository's testdata
	}
	sim, cfg, _ := startSim(t, redfishsim.Config{Mockup: dir, ResetDelay: 200 * time.Millisecond})
	cfg.System = sim.SystemIDs()[0]
	res, err := do(t, cfg, fencing.ActionOff, 10*time.Second)
	if err != nil || !res.Confirmed {
		t.Fatalf("off on the rackmount mockup = %+v, %v", res, err)
	}
	cfg.System = "no-such-system"
	if _, err := do(t, cfg, fencing.ActionStatus, 5*time.Second); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Fatalf("unknown --system = %v; want an error listing the systems", err)
	}
}

// TestFenceUsesASession: a fence logs in once through the SessionService,
// sends every power request with the session token (never Basic
// credentials) and logs out at Close.
func TestFenceUsesASession(t *testing.T) {
	sim, cfg, pl := startSim(t, redfishsim.Config{ResetDelay: 200 * time.Millisecond})
	res, err := do(t, cfg, fencing.ActionOff, 10*time.Second)
	if err != nil || !res.Confirmed {
		t.Fatalf("off = %+v, %v", res, err)
	}
	st := sim.Stats()
	if st.Logins != 1 || st.ActiveSessions != 0 || st.BasicRequests != 0 {
		t.Fatalf("after a fence: %d logins, %d sessions still open, %d Basic requests; want 1, 0, 0", st.Logins, st.ActiveSessions, st.BasicRequests)
	}
	if got := pl.get(); len(got) != 1 || got[0] {
		t.Fatalf("power hook calls %v, want one power off", got)
	}

	// Without a SessionService: Basic, and the fence still works.
	sim2, cfg2, _ := startSim(t, redfishsim.Config{ResetDelay: -1, NoSessionService: true})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	f, err := redfish.Dial(ctx, cfg2)
	if err != nil {
		t.Fatal(err)
	}
	if !f.BasicAuth() {
		t.Error("no SessionService, yet BasicAuth() is false")
	}
	if _, err := fencing.Do(ctx, f, fencing.ActionOff, fencing.Confirm{}); err != nil {
		t.Fatalf("off with Basic auth: %v", err)
	}
	f.Close()
	if st := sim2.Stats(); st.Logins != 0 || st.BasicRequests == 0 {
		t.Fatalf("without a SessionService: %+v; want Basic requests and no login", st)
	}
}

// TestPlainHTTPRefused: an http:// BMC would get the credentials in clear;
// without AllowPlainHTTP nothing is sent to it.
func TestPlainHTTPRefused(t *testing.T) {
	sim, cfg, pl := startSim(t, redfishsim.Config{PlainHTTP: true, ResetDelay: -1})
	_, err := do(t, cfg, fencing.ActionOff, 5*time.Second)
	if !errors.Is(err, redfish.ErrPlainHTTP) || !strings.Contains(err.Error(), "unencrypted") {
		t.Fatalf("off over http:// = %v; want ErrPlainHTTP saying why", err)
	}
	if st := sim.Stats(); st.Requests != 0 || len(pl.get()) != 0 {
		t.Fatalf("a refused http:// BMC got %d requests, power hooks %v", st.Requests, pl.get())
	}
	cfg.AllowPlainHTTP = true
	if res, err := do(t, cfg, fencing.ActionOff, 5*time.Second); err != nil || !res.Confirmed {
		t.Fatalf("off over http:// with AllowPlainHTTP = %+v, %v", res, err)
	}
}

// TestUntrustedCertificate: a self-signed BMC certificate without Insecure
// or its CA is fencing.ErrCipher, said in words, and permanent.
func TestUntrustedCertificate(t *testing.T) {
	sim, cfg, _ := startSim(t, redfishsim.Config{ResetDelay: -1})
	cfg.RootCAs = nil
	_, err := do(t, cfg, fencing.ActionStatus, 5*time.Second)
	if !errors.Is(err, fencing.ErrCipher) || !strings.Contains(err.Error(), "certificate") || !fencing.Permanent(err) {
		t.Fatalf("untrusted certificate = %v; want a permanent ErrCipher naming the certificate", err)
	}
	if st := sim.Stats(); st.Logins != 0 {
		t.Fatalf("the credentials reached a BMC whose certificate was refused (%d logins)", st.Logins)
	}
}
