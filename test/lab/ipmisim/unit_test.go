package ipmisim

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestRawRealRoundTrip(t *testing.T) {
	for _, s := range Sensors() {
		if s.Discrete() {
			if _, err := s.Raw(1); err == nil {
				t.Errorf("%s: Raw on a discrete sensor succeeded", s.Name)
			}
			continue
		}
		// Every threshold and the initial reading are exactly representable.
		vals := []float64{s.Initial}
		for _, v := range s.Thresholds {
			vals = append(vals, v)
		}
		for _, v := range vals {
			raw, err := s.Raw(v)
			if err != nil {
				t.Errorf("%s.Raw(%v): %v", s.Name, v, err)
				continue
			}
			if got := s.Real(raw); math.Abs(got-v) > 1e-9 {
				t.Errorf("%s.Real(Raw(%v)) = %v", s.Name, v, got)
			}
		}
		if _, err := s.Raw(s.Real(255) + 10*float64(s.M)*math.Pow10(s.RExp)); err == nil {
			t.Errorf("%s: Raw above the range succeeded", s.Name)
		}
		if _, err := s.Raw(s.Real(0) - float64(s.M)*math.Pow10(s.RExp)); err == nil {
			t.Errorf("%s: Raw below the range succeeded", s.Name)
		}
	}
	fan, _ := LookupSensor(Fan1)
	if raw, _ := fan.Raw(800); raw != 8 {
		t.Errorf("FAN1 800 RPM = raw %d, want 8", raw)
	}
	v12, _ := LookupSensor(V12)
	if raw, _ := v12.Raw(12); raw != 200 {
		t.Errorf("12V 12.00 V = raw %d, want 200", raw)
	}
}

func TestSensorTable(t *testing.T) {
	seen := map[uint8]string{}
	names := map[string]bool{}
	for _, s := range Sensors() {
		if s.Number == 0 {
			t.Errorf("%s uses sensor 0 (ipmi_sim's watchdog)", s.Name)
		}
		if o, dup := seen[s.Number]; dup {
			t.Errorf("%s and %s share number %d", s.Name, o, s.Number)
		}
		seen[s.Number] = s.Name
		if names[s.Name] || len(s.Name) > 16 {
			t.Errorf("sensor name %q duplicate or longer than an SDR ID string", s.Name)
		}
		names[s.Name] = true
		if s.Discrete() && s.InitialBits&^s.Offsets != 0 {
			t.Errorf("%s starts with unsupported offsets", s.Name)
		}
	}
	// Sensors returns copies.
	Sensors()[0].Thresholds[UpperCritical] = -1
	if s, _ := LookupSensor(Sensors()[0].Name); s.Thresholds[UpperCritical] == -1 {
		t.Error("Sensors shares its threshold maps")
	}
}

func TestGenerated(t *testing.T) {
	if !strings.Contains(genEmu(true), "sensor_set_bit 0x20 0 11 0 1 0\n") || strings.Contains(genEmu(false), "sensor_set_bit 0x20 0 11 0 1 0\n") {
		t.Error("power unit does not start in step with the chassis")
	}
	emu := genEmu(false)
	for _, want := range []string{
		"sensor_add 0x20 0 3 0x04 0x01\n",
		// FAN1: lnr 500, lc 1000, lnc 1500, unc 16000, uc 18000, no unr.
		"sensor_set_threshold 0x20 0 3 settable 011111 0 180 160 5 10 15\n",
		"sensor_set_event_support 0x20 0 3 enable scanning per-state 000001010010101 ",
		"sensor_set_bit 0x20 0 6 0 1 0\n", // PSU1 present
		"mc_enable 0x20\n",
	} {
		if !strings.Contains(emu, want) {
			t.Errorf("emu lacks %q:\n%s", want, emu)
		}
	}
	sdrs := genSDRs("host-a")
	for _, want := range []string{"id_string               \"FAN1\"", "lc_thresh               10", "r_exp                   -2", "sdr type 2"} {
		if !strings.Contains(sdrs, want) {
			t.Errorf("SDRs lack %q", want)
		}
	}
	conf := genLanConf("h", "127.0.0.1", 1000, "00", "/x/chassis.sh", []account{{id: 2, role: Operator, name: "operator", password: "pw"}}, 2000)
	for _, want := range []string{"addr 127.0.0.1 1000\n", "user 2 true \"operator\" \"pw\" operator 10", "console 127.0.0.1 2000\n", "chassis_control \"/x/chassis.sh\""} {
		if !strings.Contains(conf, want) {
			t.Errorf("lan.conf lacks %q:\n%s", want, conf)
		}
	}
	if strings.Contains(conf, "user 1 ") {
		t.Error("lan.conf defines the anonymous user 1")
	}
}

func TestConfigErrors(t *testing.T) {
	for name, cfg := range map[string]Config{
		"no dir":       {},
		"bad name":     {Dir: t.TempDir(), Name: "a b"},
		"bad addr":     {Dir: t.TempDir(), Addr: "::1"},
		"bad port":     {Dir: t.TempDir(), Port: 70000},
		"bad delay":    {Dir: t.TempDir(), OffDelay: -1},
		"quoted dir":   {Dir: "/tmp/a\"b"},
		"no ipmi_sim":  {Dir: t.TempDir(), IPMISim: "/nonexistent/ipmi_sim"},
		"bad password": {Dir: t.TempDir(), Passwords: map[Role]string{Operator: "a b"}},
	} {
		if _, err := newSim(cfg); err == nil {
			t.Errorf("%s: newSim accepted %+v", name, cfg)
		}
	}
}

// A fixed password is an account's password; the others stay random.
func TestFixedPasswords(t *testing.T) {
	s, err := newSim(Config{Dir: t.TempDir(), Passwords: map[Role]string{Operator: "fence42"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range s.users {
		switch {
		case u.role == Operator && u.password != "fence42":
			t.Errorf("operator password %q, want fence42", u.password)
		case u.role != Operator && (u.password == "fence42" || len(u.password) != 16):
			t.Errorf("%s password %q, want a random one", u.role, u.password)
		}
	}
}

// rakp1 builds an RMCP+ RAKP message 1 for user asking for priv (with the
// name-only lookup bit, as ipmitool sends it).
func rakp1(user string, priv byte) []byte {
	p := make([]byte, 28+len(user))
	p[24] = 0x10 | priv
	p[27] = byte(len(user))
	copy(p[28:], user)
	h := []byte{0x06, 0x00, 0xff, 0x07, rmcpplusAuthType, payloadRAKP1, 0, 0, 0, 0, 0, 0, 0, 0, byte(len(p)), 0}
	return append(h, p...)
}

func testRelay() *relay {
	roles := map[string]Role{"admin": Admin, "operator": Operator, "user": User}
	return &relay{roleOf: func(n string) (Role, bool) { r, ok := roles[n]; return r, ok },
		lock: lockout{failures: map[string]int{}, until: map[string]time.Time{}}}
}

func TestRelayCheck(t *testing.T) {
	r := testRelay()
	for _, c := range []struct {
		user string
		priv byte
		want byte
	}{
		{"user", 2, 0}, {"user", 3, rakpUnauthorizedRole}, {"user", 4, rakpUnauthorizedRole},
		{"operator", 3, 0}, {"operator", 4, rakpUnauthorizedRole}, {"operator", 0, 0},
		{"admin", 4, 0}, {"nobody", 4, 0},
	} {
		pkt := rakp1(c.user, c.priv)
		if got := r.check(pkt); got != c.want {
			t.Errorf("check(%s, priv %d) = %#x, want %#x", c.user, c.priv, got, c.want)
		}
		if c.want != 0 && strings.Contains(string(pkt), c.user) {
			t.Errorf("refused RAKP 1 of %s still carries the name", c.user)
		}
	}
	if r.check([]byte{0x06, 0x00}) != 0 || r.check(rakp1("user", 4)[:40]) != 0 {
		t.Error("short packets flagged")
	}
}

func TestLockoutCounting(t *testing.T) {
	l := lockout{after: 3, dur: time.Minute, failures: map[string]int{}, until: map[string]time.Time{}}
	now := time.Now()
	l.result("op", false, now)
	l.result("op", false, now)
	l.result("op", true, now) // a success clears the failures
	l.result("op", false, now)
	l.result("op", false, now)
	if l.locked("op", now) {
		t.Fatal("locked after 2 failures in a row")
	}
	l.result("op", false, now)
	if !l.locked("op", now) || l.locked("admin", now) {
		t.Fatal("3 failures in a row did not lock exactly op")
	}
	if l.locked("op", now.Add(time.Minute+time.Second)) {
		t.Error("still locked after the lockout time")
	}
}

func FuzzRelayPacket(f *testing.F) {
	f.Add(rakp1("user", 4))
	f.Add(rakp1("admin", 4))
	f.Add(getChannelAuthCaps)
	f.Add([]byte{0x06, 0x00, 0xff, 0x07, 0x06, 0x12})
	r := testRelay()
	f.Fuzz(func(t *testing.T, pkt []byte) {
		n := len(pkt)
		r.check(pkt) // must not panic
		rakp1User(pkt)
		isPayload(pkt, payloadRAKP2)
		if len(pkt) != n {
			t.Fatal("packet length changed")
		}
	})
}
