package rfsession_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/bmc/rfsession"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

func TestEndpoint(t *testing.T) {
	for _, tc := range []struct {
		raw     string
		plain   bool
		want    string
		wantErr string
	}{
		{"10.0.0.9", false, "https://10.0.0.9", ""},
		{"https://10.0.0.9:8443/redfish/v1/", false, "https://10.0.0.9:8443", ""},
		{"http://10.0.0.9", true, "http://10.0.0.9", ""},
		{"http://10.0.0.9", false, "", "plain http refused"},
		{"", false, "", "required"},
		{"ftp://10.0.0.9", false, "", "want https://"},
	} {
		got, err := rfsession.Endpoint(tc.raw, tc.plain)
		if got != tc.want || (tc.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("Endpoint(%q, %v) = %q, %v; want %q, %q", tc.raw, tc.plain, got, err, tc.want, tc.wantErr)
		}
	}
	_, err := rfsession.Endpoint("http://10.0.0.9", false)
	if !errors.Is(err, rfsession.ErrPlainHTTP) || !strings.Contains(err.Error(), "unencrypted") {
		t.Errorf("plain http error = %v; want ErrPlainHTTP saying why", err)
	}
}

func start(t *testing.T, cfg redfishsim.Config) (*redfishsim.Sim, rfsession.Config) {
	t.Helper()
	sim, err := redfishsim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	user, pw := sim.Credentials()
	return sim, rfsession.Config{URL: sim.URL(), User: user, Password: pw, TLS: bmc.TLS{RootCAs: sim.CACertPool()},
		AllowPlainHTTP: cfg.PlainHTTP, Prove: "/redfish/v1/Chassis"}
}

// TestSessionLoginAndLogout: against a BMC with a SessionService the
// credentials travel once (the login), every later request carries the
// token, and Logout deletes the session.
func TestSessionLoginAndLogout(t *testing.T) {
	sim, cfg := start(t, redfishsim.Config{})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := rfsession.Connect(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if c.Basic {
		t.Fatal("Basic auth against a BMC with a SessionService")
	}
	resp, err := c.API.WithContext(ctx).Get("/redfish/v1/Systems")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if st := sim.Stats(); st.Logins != 1 || st.ActiveSessions != 1 || st.BasicRequests != 0 {
		t.Fatalf("after login and a GET: %+v; want one session and no Basic request", st)
	}
	c.Logout(2 * time.Second)
	if st := sim.Stats(); st.ActiveSessions != 0 {
		t.Fatalf("after Logout: %d sessions open, want 0", st.ActiveSessions)
	}
}

// TestBasicOnlyWithoutSessionService: Basic is the fallback for a BMC with
// no SessionService, and there the credentials are proved.
func TestBasicOnlyWithoutSessionService(t *testing.T) {
	sim, cfg := start(t, redfishsim.Config{NoSessionService: true})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := rfsession.Connect(ctx, cfg)
	if err != nil || !c.Basic {
		t.Fatalf("Connect without a SessionService = %+v, %v; want Basic", c, err)
	}
	c.Logout(time.Second)
	cfg.Password = "wrong-pw-123"
	_, err = rfsession.Connect(ctx, cfg)
	if !errors.Is(err, bmc.ErrAuth) || strings.Contains(err.Error(), cfg.Password) {
		t.Fatalf("wrong password under Basic = %v; want ErrAuth (the proof GET) without the password", err)
	}
	if st := sim.Stats(); st.Logins != 0 {
		t.Fatalf("%d sessions created on a BMC without a SessionService", st.Logins)
	}
}

// TestRefusedLoginIsNotRetriedWithBasic: a 401 on the login is wrong
// credentials, said once; falling back to Basic would send the wrong
// password again (and count twice toward a lockout).
func TestRefusedLoginIsNotRetriedWithBasic(t *testing.T) {
	sim, cfg := start(t, redfishsim.Config{})
	cfg.Password = "wrong-pw-123"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := rfsession.Connect(ctx, cfg)
	if !errors.Is(err, bmc.ErrAuth) || !strings.Contains(err.Error(), "401") {
		t.Fatalf("wrong password = %v; want ErrAuth (401)", err)
	}
	if st := sim.Stats(); st.AuthFailures != 1 || st.BasicRequests != 0 {
		t.Fatalf("after one refused login: %d auth failures, %d Basic requests; want 1 and 0", st.AuthFailures, st.BasicRequests)
	}
}

func TestPlainHTTPRefusedBeforeAnyRequest(t *testing.T) {
	sim, cfg := start(t, redfishsim.Config{PlainHTTP: true})
	cfg.AllowPlainHTTP = false
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := rfsession.Connect(ctx, cfg); !errors.Is(err, rfsession.ErrPlainHTTP) {
		t.Fatalf("http:// without AllowPlainHTTP = %v, want ErrPlainHTTP", err)
	}
	if n := sim.Stats().Requests; n != 0 {
		t.Fatalf("%d requests reached the BMC; the refusal must come first", n)
	}
	cfg.AllowPlainHTTP = true
	c, err := rfsession.Connect(ctx, cfg)
	if err != nil {
		t.Fatalf("http:// with AllowPlainHTTP: %v", err)
	}
	c.Logout(time.Second)
}
