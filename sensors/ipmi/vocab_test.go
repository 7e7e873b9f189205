package ipmi

import (
	"context"
	"errors"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/rmcp"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// udpHole is a BMC address that swallows datagrams and counts them.
type udpHole struct {
	c *net.UDPConn
}

func newUDPHole(t *testing.T) *udpHole {
	t.Helper()
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &udpHole{c: c}
}

func (h *udpHole) port() int { return h.c.LocalAddr().(*net.UDPAddr).Port }

// received reports whether a datagram arrives within d.
func (h *udpHole) received(d time.Duration) bool {
	h.c.SetReadDeadline(time.Now().Add(d))
	_, _, err := h.c.ReadFromUDP(make([]byte, 512))
	return err == nil
}

// TestZeroConfigIsAutoNotSuiteZero: a Config that says nothing about cipher
// suites negotiates the strongest suite the BMC has (3 on ipmi_sim), never
// suite 0 (no authentication: any password would open it).
func TestZeroConfigIsAutoNotSuiteZero(t *testing.T) {
	sim := startSim(t)
	cfg, _ := simConfig(t, sim)
	cfg.CipherSuite = 0
	r := New(cfg)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := r.Poll(ctx); err != nil {
		t.Fatalf("Poll with the zero cipher settings: %v", err)
	}
	if got := r.CipherSuite(); got != 3 {
		t.Fatalf("zero Config negotiated cipher suite %d, want 3 (auto, floor 3)", got)
	}
}

// TestWeakSuiteRefusedBeforeSending: suites 1 and 2 are refused, without a
// datagram, unless AllowWeakCipher.
func TestWeakSuiteRefusedBeforeSending(t *testing.T) {
	for _, suite := range []int{1, 2} {
		hole := newUDPHole(t)
		cfg := Config{Host: "127.0.0.1", Port: hole.port(), User: "admin", Password: "pw", CipherSuite: suite,
			Timeout: 100 * time.Millisecond, Retries: 0}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_, err := New(cfg).Poll(ctx)
		cancel()
		if !errors.Is(err, rmcp.ErrWeakPolicy) || !strings.Contains(err.Error(), "AllowWeakCipher") && !strings.Contains(err.Error(), "allow weak") {
			t.Fatalf("CipherSuite %d: Poll = %v; want ErrWeakPolicy saying how to allow it", suite, err)
		}
		if hole.received(100 * time.Millisecond) {
			t.Fatalf("CipherSuite %d: a datagram went out although the suite was refused", suite)
		}
		cfg.AllowWeakCipher = true
		ctx, cancel = context.WithTimeout(context.Background(), 2*time.Second)
		go func() { _, _ = New(cfg).Poll(ctx) }()
		got := hole.received(2 * time.Second)
		cancel()
		if !got {
			t.Fatalf("CipherSuite %d with AllowWeakCipher: nothing sent", suite)
		}
	}
}

// TestCredentialLimitsNamed: what go-ipmi's NewClient (or IPMI) cannot take
// is reported as what it is, before anything is sent (it used to be "user
// name too long" whatever the cause).
func TestCredentialLimitsNamed(t *testing.T) {
	hole := newUDPHole(t)
	pw21 := "secret-pw-" + strings.Repeat("x", 11)
	for _, tc := range []struct {
		name     string
		host     string
		user, pw string
		want     string
	}{
		{"no host", "", "admin", "pw", "host is required"},
		{"no user", "127.0.0.1", "", "pw", "user name is required"},
		{"17-byte user", "127.0.0.1", "a-seventeen-byte!", "pw", "17 bytes; IPMI 2.0 carries at most 16"},
		{"21-byte password", "127.0.0.1", "admin", pw21, "21 bytes; IPMI 2.0 passwords are at most 20"},
	} {
		cfg := Config{Host: tc.host, Port: hole.port(), User: tc.user, Password: tc.pw, Timeout: 100 * time.Millisecond}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_, err := New(cfg).Poll(ctx)
		cancel()
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "secret-pw") {
			t.Errorf("%s: Poll = %v; want %q, never the password", tc.name, err, tc.want)
		}
		if strings.Contains(err.Error(), "too long") && tc.name != "17-byte user" {
			t.Errorf("%s: reported as a long user name: %v", tc.name, err)
		}
	}
	if hole.received(100 * time.Millisecond) {
		t.Fatal("a datagram went out for a configuration IPMI cannot carry")
	}
}

// TestErrorCauses: each way a real BMC (ipmi_sim behind the lab's relay,
// which refuses over-privileged logins as real BMCs do) turns a poll down
// comes back as one of internal/bmc's causes, in words, with go-ipmi's own
// chain kept for logs only.
func TestErrorCauses(t *testing.T) {
	sim := startSim(t)
	admin, _ := simConfig(t, sim)
	userName, userPWFile := sim.User(ipmisim.User)
	userPW, err := os.ReadFile(userPWFile)
	if err != nil {
		t.Fatal(err)
	}
	hole := newUDPHole(t)
	closed := newUDPHole(t)
	closedPort := closed.port()
	closed.c.Close() // nothing listens: ICMP port unreachable

	for _, tc := range []struct {
		name       string
		mod        func(*Config)
		want       error
		sourceDown bool
		text       string
	}{
		{"wrong password", func(c *Config) { c.Password = "not-the-pw-42" }, bmc.ErrAuth, false, "wrong password"},
		{"unknown user", func(c *Config) { c.User = "nobody" }, bmc.ErrAuth, false, "user name"},
		{"USER account asking OPERATOR", func(c *Config) {
			c.User, c.Password, c.Privilege = userName, strings.TrimSpace(string(userPW)), "operator"
		}, bmc.ErrPrivilege, false, "OPERATOR"},
		{"suite 17 (ipmi_sim has no SHA-256)", func(c *Config) { c.CipherSuite = 17 }, bmc.ErrCipher, false, "cipher suites"},
		{"silent BMC", func(c *Config) { c.Host, c.Port = "127.0.0.1", hole.port() }, bmc.ErrUnreachable, true, "no answer"},
		{"closed port", func(c *Config) { c.Host, c.Port = "127.0.0.1", closedPort }, bmc.ErrUnreachable, true, "BMC unreachable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := admin
			cfg.Timeout, cfg.Retries = 300*time.Millisecond, 1
			tc.mod(&cfg)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_, err := New(cfg).Poll(ctx)
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.text) {
				t.Fatalf("Poll = %v; want %v saying %q", err, tc.want, tc.text)
			}
			if errors.Is(err, sensors.ErrSourceDown) != tc.sourceDown {
				t.Errorf("Poll = %v: ErrSourceDown %v, want %v", err, !tc.sourceDown, tc.sourceDown)
			}
			if strings.Contains(err.Error(), "connect20") || strings.Contains(err.Error(), cfg.Password) {
				t.Errorf("Poll = %v shows go-ipmi's chain or the password", err)
			}
			t.Logf("%s: %v\n  detail: %s", tc.name, err, bmc.Detail(err))
		})
	}
	if !sim.Alive() {
		t.Fatal("ipmi_sim died during the error cases")
	}
}
