package main

import (
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigil-ha/vigil/test/lab/ipmisim"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// errorJSON is what a failing command prints with --json.
type errorJSON struct {
	Error *struct {
		Kind    string `json:"kind"`
		Message string `json:"message"`
		Detail  string `json:"detail"`
	} `json:"error"`
}

// closedPort returns a loopback address nothing listens on, for network.
func closedPort(t *testing.T, network string) string {
	t.Helper()
	if network == "udp" {
		c, err := net.ListenPacket("udp4", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := c.LocalAddr().String()
		c.Close()
		return addr
	}
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(f, []byte(content+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

func startRedfish(t *testing.T, cfg redfishsim.Config) *redfishsim.Sim {
	t.Helper()
	cfg.Accounts = append(cfg.Accounts, redfishsim.Account{User: "reader", Password: "reader-pw", Role: redfishsim.RoleReadOnly})
	sim, err := redfishsim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	return sim
}

// TestBMCErrorVocabulary: sensors, health and fence, over IPMI and Redfish,
// report each cause against real peers (ipmi_sim behind the lab's relay,
// which refuses over-privileged logins; the Redfish simulator) in the same
// words, with the cause's exit code and JSON kind; the raw library chain
// shows only with --verbose, the password never.
func TestBMCErrorVocabulary(t *testing.T) {
	isim := ipmisim.New(t, ipmisim.Config{})
	opUser, opFile := isim.User(ipmisim.Operator)
	userUser, userFile := isim.User(ipmisim.User)
	const wrongPW = "wrong-pw-xyz"
	wrongFile := writeFile(t, wrongPW)
	rsim := startRedfish(t, redfishsim.Config{ResetDelay: -1})
	rUser, rPW := rsim.Credentials()
	rFile := writeFile(t, rPW)
	readerFile := writeFile(t, "reader-pw")
	noForceOff := startRedfish(t, redfishsim.Config{ResetDelay: -1, AllowedResetTypes: []string{"On", "GracefulShutdown"}})
	nfUser, nfPW := noForceOff.Credentials()
	nfFile := writeFile(t, nfPW)
	udpClosed, tcpClosed := closedPort(t, "udp"), closedPort(t, "tcp")
	ipmiBMC := func(addr, user, file string) []string {
		return []string{"--ipmi", addr, "--user", user, "--password-file", file, "--timeout", "3s"}
	}
	rfBMC := func(url, user, file string, insecure bool) []string {
		a := []string{"--redfish", url, "--user", user, "--password-file", file, "--timeout", "5s"}
		if insecure {
			a = append(a, "--insecure")
		}
		return a
	}
	sensorsRead := func(bmc []string) []string { return append([]string{"sensors", "read"}, bmc...) }
	health := func(bmc []string) []string { return append([]string{"health"}, bmc...) }
	fenceOff := func(bmc []string) []string { return append([]string{"fence", "off"}, bmc...) }
	fenceStatus := func(bmc []string) []string { return append([]string{"fence", "status"}, bmc...) }

	for _, tc := range []struct {
		name     string
		runs     [][]string // the same cause seen by several commands
		code     int
		kind     string
		text     string
		sameText bool // every run says exactly the same
	}{
		{"ipmi wrong password", [][]string{
			sensorsRead(ipmiBMC(isim.Addr(), opUser, wrongFile)), health(ipmiBMC(isim.Addr(), opUser, wrongFile)),
			fenceOff(ipmiBMC(isim.Addr(), opUser, wrongFile))}, 4, "credentials", "wrong credentials: wrong password", true},
		{"ipmi USER account fencing", [][]string{fenceOff(ipmiBMC(isim.Addr(), userUser, userFile))}, 5, "privilege", "OPERATOR", false},
		{"ipmi unreachable port", [][]string{
			sensorsRead(ipmiBMC(udpClosed, opUser, opFile)), fenceStatus(ipmiBMC(udpClosed, opUser, opFile))},
			3, "unreachable", "BMC unreachable", false},
		{"ipmi cipher suite the BMC lacks", [][]string{
			sensorsRead(append(ipmiBMC(isim.Addr(), opUser, opFile), "--cipher-suite", "17")),
			fenceStatus(append(ipmiBMC(isim.Addr(), opUser, opFile), "--cipher-suite", "17"))},
			6, "cipher", "cipher or TLS refused: the BMC accepts none of the cipher suites offered", true},
		{"redfish wrong password", [][]string{
			sensorsRead(rfBMC(rsim.URL(), rUser, wrongFile, true)), fenceStatus(rfBMC(rsim.URL(), rUser, wrongFile, true))},
			4, "credentials", "wrong credentials: the BMC answered 401", true},
		{"redfish read-only account fencing", [][]string{fenceOff(rfBMC(rsim.URL(), "reader", readerFile, true))}, 5, "privilege", "403", false},
		{"redfish self-signed TLS without --insecure", [][]string{
			sensorsRead(rfBMC(rsim.URL(), rUser, rFile, false)), fenceStatus(rfBMC(rsim.URL(), rUser, rFile, false))},
			6, "cipher", "TLS certificate is not signed by a trusted authority", true},
		{"redfish unsupported ResetType", [][]string{fenceOff(rfBMC(noForceOff.URL(), nfUser, nfFile, true))}, 7, "unsupported", "ForceOff", false},
		{"redfish unreachable port", [][]string{
			sensorsRead(rfBMC("https://"+tcpClosed, rUser, rFile, true)), fenceStatus(rfBMC("https://"+tcpClosed, rUser, rFile, true))},
			3, "unreachable", "connection refused", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var first string
			for _, args := range tc.runs {
				code, out, errOut := runCLI(t, nil, append(args, "--json")...)
				var j errorJSON
				if err := json.Unmarshal([]byte(out), &j); err != nil || j.Error == nil {
					t.Fatalf("vigil %v --json: stdout %q (%v); want {\"error\": {...}}", args, out, err)
				}
				if code != tc.code || j.Error.Kind != tc.kind || !strings.Contains(j.Error.Message, tc.text) || !strings.Contains(errOut, tc.text) {
					t.Fatalf("vigil %v: exit %d, error %+v, stderr %q; want exit %d, kind %q, %q", args, code, j.Error, errOut, tc.code, tc.kind, tc.text)
				}
				for _, leak := range []string{wrongPW, rPW, "connect20", "RAKP2", "x509:"} {
					if strings.Contains(out+errOut, leak) {
						t.Fatalf("vigil %v shows %q by default: %s %s", args, leak, out, errOut)
					}
				}
				if tc.sameText {
					if first == "" {
						first = j.Error.Message
					} else if j.Error.Message != first {
						t.Errorf("the same cause in other words:\n  %q\n  %q", first, j.Error.Message)
					}
				}
			}
		})
	}
	if on, _ := isim.Power(); !on {
		t.Fatal("a refused command changed the IPMI host's power")
	}
	if st, _ := rsim.PowerState(rsim.SystemIDs()[0]); st != "On" {
		t.Fatal("a refused command changed the Redfish host's power")
	}

	// --verbose adds the library's own chain, for the log.
	code, out, errOut := runCLI(t, nil, append(sensorsRead(ipmiBMC(isim.Addr(), opUser, wrongFile)), "--json", "--verbose")...)
	var j errorJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil || j.Error == nil || code != 4 ||
		!strings.Contains(j.Error.Detail, "RAKP2 authentication code mismatch") || !strings.Contains(errOut, "RAKP2") ||
		strings.Contains(j.Error.Message, "RAKP2") {
		t.Fatalf("--verbose: exit %d, %s, stderr %q; want the raw chain in detail and stderr only", code, out, errOut)
	}
}

// TestBMCSecurityFlags: weak choices are refused with the reason, before
// any traffic, unless asked for by name.
func TestBMCSecurityFlags(t *testing.T) {
	pw := writeFile(t, "pw")
	hole, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer hole.Close()
	plain := startRedfish(t, redfishsim.Config{PlainHTTP: true})
	base := []string{"--user", "admin", "--password-file", pw, "--timeout", "1s"}
	for _, tc := range []struct {
		name string
		args []string
		code int
		text string
	}{
		{"suite 0", []string{"sensors", "read", "--ipmi", hole.LocalAddr().String(), "--cipher-suite", "0"}, 2, "no authentication, integrity or confidentiality"},
		{"suite 0 even when weak is allowed", []string{"fence", "status", "--ipmi", hole.LocalAddr().String(), "--cipher-suite", "0", "--allow-weak-cipher"}, 2, "no authentication"},
		{"suite 1", []string{"fence", "status", "--ipmi", hole.LocalAddr().String(), "--cipher-suite", "1"}, 2, "--allow-weak-cipher"},
		{"suite 2", []string{"sensors", "read", "--ipmi", hole.LocalAddr().String(), "--cipher-suite", "2"}, 2, "readable or forgeable"},
		{"suite 2 allowed reaches the BMC", []string{"sensors", "read", "--ipmi", hole.LocalAddr().String(), "--cipher-suite", "2", "--allow-weak-cipher"}, 3, "BMC unreachable"},
		{"plain http", []string{"fence", "status", "--redfish", plain.URL()}, 2, "unencrypted"},
		{"plain http for sensors", []string{"sensors", "read", "--redfish", plain.URL()}, 2, "--allow-plain-http"},
		{"--allow-plain-http with ipmi", []string{"sensors", "read", "--ipmi", hole.LocalAddr().String(), "--allow-plain-http"}, 2, "--redfish only"},
	} {
		code, out, errOut := runCLI(t, nil, append(append(tc.args, base...), "--json")...)
		if code != tc.code || !strings.Contains(errOut, tc.text) {
			t.Errorf("%s: vigil %v: exit %d, stderr %q; want exit %d naming %q", tc.name, tc.args, code, errOut, tc.code, tc.text)
		}
		if tc.code == 2 && !strings.Contains(out, `"kind": "usage"`) {
			t.Errorf("%s: --json printed %q; want an error of kind usage", tc.name, out)
		}
	}
	if st := plain.Stats(); st.Requests != 0 {
		t.Errorf("a refused http:// BMC got %d requests", st.Requests)
	}
	// Every BMC command documents the exit codes.
	for _, args := range [][]string{{"sensors", "read"}, {"health"}, {"fence", "off"}, {"fence", "status"}} {
		_, out, _ := runCLI(t, nil, append(args, "--help")...)
		for _, want := range []string{"3 BMC unreachable", "4 wrong credentials", "5 insufficient privilege", "6 cipher or TLS refused", "7 not supported"} {
			if !strings.Contains(out, want) {
				t.Errorf("vigil %v --help lacks %q", args, want)
			}
		}
	}
}
