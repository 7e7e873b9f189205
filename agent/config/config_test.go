package config

import (
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCLIExampleAccepted: the example config of CLI.md (copied into
// testdata) parses, every key lands where it should, and with its files
// present and private Load accepts it.
func TestCLIExampleAccepted(t *testing.T) {
	data, err := os.ReadFile("testdata/cli-example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse("cli-example.yaml", data)
	if err != nil {
		t.Fatalf("Parse(CLI.md example) = %v, want nil", err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"host", c.Host, "h1"},
		{"state_dir", c.StateDir, "/var/lib/vigil"},
		{"socket", c.Socket, "/run/vigil/vigil.sock"},
		{"addresses.management", c.Addresses.Management, netip.MustParseAddr("10.0.0.11")},
		{"addresses.migration", c.Addresses.Migration, netip.MustParseAddr("10.0.2.11")},
		{"bmc ipmi", c.BMC.Target(), "10.0.1.11:623"},
		{"bmc.cipher_suite", c.BMC.CipherSuite, 0},
		{"bmc.password_file", c.BMC.PasswordFile, "/etc/vigil/bmc.pw"},
		{"fence.user", c.Fence.User, "fencer"},
		{"fence.cipher_suite default", c.Fence.CipherSuite, 0},
		{"fence.timeout default", c.Fence.Timeout, DefaultFenceTimeout},
		{"cluster.name", c.Cluster.Name, "edge-7"},
		{"cluster.join", strings.Join(c.Cluster.Join, ","), "10.0.0.12,10.0.0.13"},
		{"cluster.bootstrap", strings.Join(c.Cluster.Bootstrap, ","), "h1,h2,h3"},
		{"cluster.tls.key_file", c.Cluster.TLS.KeyFile, "/etc/vigil/h1.key"},
		{"cluster.witness", c.Cluster.Witness, "10.0.9.1:7947"},
		{"watchdog.device", c.Watchdog.Device, "/dev/watchdog"},
		{"watchdog.timeout", c.Watchdog.Timeout, 10 * time.Second},
		{"sensors.interval", c.Sensors.Interval, 10 * time.Second},
		{"vms.accel", c.VMs.Accel, "kvm"},
		{"metrics.listen", c.Metrics.Listen, "127.0.0.1:9798"},
		{"syslog", c.Syslog.Network + " " + c.Syslog.Address, "unix /dev/log"},
		{"syslog.facility", c.Syslog.Facility, "daemon"},
		{"log.level default", c.Log.Level, "info"},
		{"timing.profile default", c.Timing.Profile, "lan"},
	}
	for _, ck := range checks {
		if ck.got != ck.want {
			t.Errorf("%s = %v, want %v", ck.name, ck.got, ck.want)
		}
	}

	// The same file with its /etc/vigil files present in a private
	// directory: Load accepts it.
	dir := t.TempDir()
	text := strings.ReplaceAll(string(data), "/etc/vigil/", dir+"/")
	for _, f := range []string{"bmc.pw", "fence.pw", "gossip.key", "ca.pem", "h1.pem", "h1.key", "fabric.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "vigil.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err != nil {
		t.Fatalf("Load(example with files) = %v, want nil", err)
	}
}

func TestStandaloneDefaults(t *testing.T) {
	c, err := Parse("vigil.yaml", []byte("version: 1\nhost: h1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Cluster != nil || c.BMC != nil || c.Syslog != nil {
		t.Errorf("minimal config: cluster %v bmc %v syslog %v, want all nil", c.Cluster, c.BMC, c.Syslog)
	}
	if c.Socket != DefaultSocket || c.StateDir != DefaultStateDir || c.Sensors.Interval != DefaultInterval || c.Watchdog.Device != DefaultWatchdogDev {
		t.Errorf("defaults: socket %q state_dir %q interval %v watchdog %q", c.Socket, c.StateDir, c.Sensors.Interval, c.Watchdog.Device)
	}
	c, err = Parse("vigil.yaml", []byte("version: 1\nhost: h1\nwatchdog: {device: none}\nbmc: {redfish: 'bmc.example', user: u, password_file: /p, insecure: true}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Watchdog.Device != "" {
		t.Errorf("watchdog none: device %q, want empty", c.Watchdog.Device)
	}
	if c.BMC.Redfish != "https://bmc.example" || !c.BMC.Insecure || c.BMC.Timeout != DefaultBMCTimeout || c.BMC.EventsListen != "" {
		t.Errorf("redfish bmc: %+v", *c.BMC)
	}
	for _, tc := range []struct{ yaml, listen, host string }{
		{"bmc: {redfish: 'bmc.example', user: u, password_file: /p, events_listen: '10.0.0.5:8443'}\n", "10.0.0.5:8443", "10.0.0.5"},
		{"addresses: {management: 10.0.0.1}\nbmc: {redfish: 'bmc.example', user: u, password_file: /p, events_listen: '0.0.0.0:0'}\n", "0.0.0.0:0", "10.0.0.1"},
		{"addresses: {management: 10.0.0.1}\nbmc: {redfish: 'bmc.example', user: u, password_file: /p, events_listen: ':8443'}\n", ":8443", "10.0.0.1"},
		{"bmc: {redfish: 'bmc.example', user: u, password_file: /p, events_listen: 'h1.lan:8443'}\n", "h1.lan:8443", "h1.lan"},
	} {
		c, err := Parse("vigil.yaml", []byte("version: 1\nhost: h1\n"+tc.yaml))
		if err != nil {
			t.Errorf("Parse(%q) = %v", tc.yaml, err)
			continue
		}
		if c.BMC.EventsListen != tc.listen || c.BMC.EventsHost != tc.host {
			t.Errorf("Parse(%q): events_listen %q host %q, want %q %q", tc.yaml, c.BMC.EventsListen, c.BMC.EventsHost, tc.listen, tc.host)
		}
	}
}

// TestBadConfigs: each bad input is refused with every problem, each
// naming file, line and key.
func TestBadConfigs(t *testing.T) {
	const head = "version: 1\nhost: h1\n"
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"empty", "", []string{"vigil.yaml:1: empty config (want at least version: 1 and host:)"}},
		{"syntax", "version: 1\n host: h1\n", []string{"vigil.yaml:2: YAML syntax: mapping values are not allowed in this context"}},
		{"not a mapping", "- a\n", []string{"vigil.yaml:1: want a mapping of keys, got a list"}},
		{"missing version and host", "socket: /run/x.sock\n", []string{
			"vigil.yaml:1: version: required",
			"vigil.yaml:1: host: required"}},
		{"wrong version", "version: 2\nhost: h1\n", []string{"vigil.yaml:1: version: 2 out of range 1 to 1"}},
		{"version not a number", "version: one\nhost: h1\n", []string{`vigil.yaml:1: version: want a whole number, got "one"`}},
		{"unknown top-level key", head + "sokcet: /run/x\n", []string{
			"vigil.yaml:3: sokcet: unknown key (known: version, host, state_dir, boot_id_file, socket, addresses, bmc, fence, cluster, watchdog, sensors, vms, fabric_file, metrics, syslog, log, timing)"}},
		{"unknown nested key", head + "sensors:\n  interval: 5s\n  intervall: 6s\n", []string{
			"vigil.yaml:5: sensors.intervall: unknown key (known: interval, sysfs, procfs)"}},
		{"duplicate key", head + "socket: /a.sock\nsocket: /b.sock\n", []string{"vigil.yaml:4: socket: duplicate key (first on line 3)"}},
		{"bad host name", "version: 1\nhost: h_1\n", []string{`vigil.yaml:2: host: "h_1" is not a host name (letters, digits and '-', at most 63)`}},
		{"relative paths", head + "state_dir: var/lib\nsocket: vigil.sock\n", []string{
			`vigil.yaml:3: state_dir: "var/lib": want an absolute path`,
			`vigil.yaml:4: socket: "vigil.sock": want an absolute path`}},
		{"socket too long", head + "socket: /" + strings.Repeat("s", 110) + "\n", []string{
			"vigil.yaml:3: socket: path is 111 bytes, a Unix socket path holds at most 107"}},
		{"bad address", head + "addresses:\n  management: 10.0.0.300\n", []string{
			`vigil.yaml:4: addresses.management: "10.0.0.300" is not an IP address`}},
		{"fence cipher suite out of range", head + "fence:\n  user: f\n  password_file: /p\n  cipher_suite: 18\n", []string{
			"vigil.yaml:6: fence.cipher_suite: IPMI cipher suites are 1 to 17, got 18"}},
		{"fence unknown key", head + "fence: {user: f, password_file: /p, password: x}\n", []string{
			"vigil.yaml:3: fence.password: unknown key (known: user, password_file, cipher_suite, ca_file, insecure, timeout)"}},
		{"bmc without endpoint", head + "bmc:\n  user: vigil\n  password_file: /etc/vigil/bmc.pw\n", []string{
			"vigil.yaml:3: bmc.ipmi: required: one of ipmi: HOST[:PORT] or redfish: URL"}},
		{"bmc both endpoints", head + "bmc:\n  ipmi: 10.0.1.1\n  redfish: https://10.0.1.1\n  user: vigil\n  password_file: /p\n", []string{
			"vigil.yaml:5: bmc.redfish: ipmi: and redfish: are exclusive"}},
		{"bmc inline password", head + "bmc:\n  ipmi: 10.0.1.1\n  user: vigil\n  password: hunter2\n", []string{
			"vigil.yaml:6: bmc.password: unknown key (known: ipmi, redfish, user, password_file, cipher_suite, allow_weak_cipher, system, insecure, allow_plain_http, ca_file, timeout, events_listen)",
			"vigil.yaml:3: bmc.password_file: required"}},
		{"cipher suite 0", head + "bmc: {ipmi: 10.0.1.1, user: u, password_file: /p, cipher_suite: 0}\n", []string{
			`vigil.yaml:3: bmc.cipher_suite: 0 refused: weak IPMI cipher suite refused: cipher suite 0 has no authentication, integrity or confidentiality: any password opens a session and anyone on the BMC's network could forge its answers, a "power off" confirmation included`}},
		{"cipher suite 2 without allow", head + "bmc: {ipmi: 10.0.1.1, user: u, password_file: /p, cipher_suite: 2}\n", []string{
			"vigil.yaml:3: bmc.cipher_suite: 2 refused: weak IPMI cipher suite refused: cipher suite 2 (auth hmac_sha1, integrity hmac_sha1_96, confidentiality none) leaves the session readable or forgeable by anyone on the BMC's network; use 3 or stronger, or allow weak ciphers explicitly for an old BMC on an isolated network (allow_weak_cipher: true)"}},
		{"cipher suite out of range", head + "bmc: {ipmi: 10.0.1.1, user: u, password_file: /p, cipher_suite: 18}\n", []string{
			"vigil.yaml:3: bmc.cipher_suite: IPMI cipher suites are 1 to 17, got 18"}},
		{"redfish options on ipmi", head + "bmc: {ipmi: '10.0.1.1:99999', user: u, password_file: /p, insecure: true}\n", []string{
			"vigil.yaml:3: bmc.insecure: applies to redfish: only",
			`vigil.yaml:3: bmc.ipmi: "10.0.1.1:99999": bad port "99999" (1 to 65535)`}},
		{"plain http redfish", head + "bmc:\n  redfish: http://10.0.1.1\n  user: u\n  password_file: /p\n  cipher_suite: 3\n", []string{
			"vigil.yaml:7: bmc.cipher_suite: applies to ipmi: only",
			`vigil.yaml:4: bmc.redfish: "http://10.0.1.1": plain http refused: the BMC password (or session token) would cross the network unencrypted; use https://, or allow_plain_http: true on an isolated lab network only`}},
		{"ipmi user too long", head + "bmc: {ipmi: 10.0.1.1, user: abcdefghijklmnopq, password_file: /p}\n", []string{
			"vigil.yaml:3: bmc.user: 17 bytes: IPMI user names hold at most 16"}},
		{"events_listen on ipmi", head + "bmc: {ipmi: 10.0.1.1, user: u, password_file: /p, events_listen: '10.0.0.5:8443'}\n", []string{
			"vigil.yaml:3: bmc.events_listen: applies to redfish: only"}},
		{"events_listen without a port", head + "bmc:\n  redfish: https://10.0.1.1\n  user: u\n  password_file: /p\n  events_listen: 10.0.0.5\n", []string{
			`vigil.yaml:7: bmc.events_listen: "10.0.0.5": want HOST:PORT`}},
		{"events_listen bad port", head + "bmc:\n  redfish: https://10.0.1.1\n  user: u\n  password_file: /p\n  events_listen: '10.0.0.5:65536'\n", []string{
			`vigil.yaml:7: bmc.events_listen: "10.0.0.5:65536": bad port "65536" (0 to 65535; 0 picks a free one)`}},
		{"events_listen on every address", head + "bmc:\n  redfish: https://10.0.1.1\n  user: u\n  password_file: /p\n  events_listen: '0.0.0.0:8443'\n", []string{
			`vigil.yaml:7: bmc.events_listen: "0.0.0.0:8443" listens on every address: name the one the BMC pushes to, or set addresses.management`}},
		{"cluster without fence, bmc, addresses and tls", head + "cluster:\n  name: edge-7\n", []string{
			"vigil.yaml:3: cluster.tls: required",
			"vigil.yaml:3: addresses.management: required with cluster:",
			"vigil.yaml:3: fence: required with cluster: (the account this host fences its peers with)",
			"vigil.yaml:3: bmc: required with cluster: (peers fence this host through it)"}},
		{"cluster values", head + "addresses: {management: 10.0.0.1}\nbmc: {ipmi: 10.0.1.1, user: u, password_file: /p}\nfence: {user: f, password_file: /f}\n" +
			"cluster:\n  name: edge-7\n  gossip_port: 7947\n  join: [10.0.0.2, 'a:b']\n  bootstrap: [h1, h1]\n  tls: {ca_file: ca.pem, cert_file: /c, key_file: /k}\n  witness: 10.0.9.1\n", []string{
			`vigil.yaml:11: cluster.tls.ca_file: "ca.pem": want an absolute path`,
			`vigil.yaml:12: cluster.witness: "10.0.9.1": want HOST:PORT`,
			`vigil.yaml:9: cluster.join[1]: "a:b": bad port "b" (1 to 65535)`,
			`vigil.yaml:10: cluster.bootstrap[1]: "h1" listed twice`,
			"vigil.yaml:8: cluster.gossip_port: 7947 is also raft_port (default 7947)"}},
		{"heartbeat_dir relative", head + "addresses: {management: 10.0.0.1}\nbmc: {ipmi: 10.0.1.1, user: u, password_file: /p}\nfence: {user: f, password_file: /f}\n" +
			"cluster:\n  name: edge-7\n  tls: {ca_file: /ca, cert_file: /c, key_file: /k}\n  heartbeat_dir: shared/hb\n", []string{
			`vigil.yaml:9: cluster.heartbeat_dir: "shared/hb": want an absolute path`}},
		{"tie_break", head + "addresses: {management: 10.0.0.1}\nbmc: {ipmi: 10.0.1.1, user: u, password_file: /p}\nfence: {user: f, password_file: /f}\n" +
			"cluster:\n  name: edge-7\n  tls: {ca_file: /ca, cert_file: /c, key_file: /k}\n  tie_break:\n    preferred: h_1\n    delay: 10\n", []string{
			`vigil.yaml:11: cluster.tie_break.delay: want a duration such as 10s or 1m30s, got "10"`,
			`vigil.yaml:10: cluster.tie_break.preferred: "h_1" is not a host name`}},
		{"tie_break with a witness", head + "addresses: {management: 10.0.0.1}\nbmc: {ipmi: 10.0.1.1, user: u, password_file: /p}\nfence: {user: f, password_file: /f}\n" +
			"cluster:\n  name: edge-7\n  tls: {ca_file: /ca, cert_file: /c, key_file: /k}\n  witness: 10.0.9.1:7947\n  tie_break: {delay: 5s}\n", []string{
			`vigil.yaml:10: cluster.tie_break: a cluster with a witness has no fence race`}},
		{"watchdog", head + "watchdog:\n  device: watchdog0\n  timeout: 10\n", []string{
			`vigil.yaml:5: watchdog.timeout: want a duration such as 10s or 1m30s, got "10"`,
			`vigil.yaml:4: watchdog.device: "watchdog0": want an absolute device path or none`}},
		{"interval too short", head + "sensors: {interval: 100ms}\n", []string{"vigil.yaml:3: sensors.interval: 100ms out of range 1s to 1h0m0s"}},
		{"accel", head + "vms: {accel: hvf}\n", []string{`vigil.yaml:3: vms.accel: "hvf" is not one of kvm, tcg`}},
		{"metrics", head + "metrics:\n  listen: localhost\n", []string{`vigil.yaml:4: metrics.listen: "localhost": want HOST:PORT`}},
		{"syslog", head + "syslog:\n  address: udp://logs\n  facility: local9\n", []string{
			`vigil.yaml:5: syslog.facility: "local9" is not one of kern, user, mail, daemon, auth, syslog, lpr, news, uucp, cron, authpriv, ftp, local0, local1, local2, local3, local4, local5, local6, local7`,
			`vigil.yaml:4: syslog.address: "udp://logs": want udp://HOST:PORT`}},
		{"syslog ca_file", head + "syslog:\n  address: udp://logs:514\n  ca_file: /etc/ssl/ca.pem\n", []string{
			`vigil.yaml:5: syslog.ca_file: only with a tls:// address (the receiver's certificate is checked against it)`}},
		{"syslog ca_file relative", head + "syslog:\n  address: tls://logs:6514\n  ca_file: ca.pem\n", []string{
			`vigil.yaml:5: syslog.ca_file: "ca.pem": want an absolute path`}},
		{"log and timing", head + "log: {level: verbose}\ntiming: {profile: fast}\n", []string{
			`vigil.yaml:3: log.level: "verbose" is not one of debug, info, warn, error`,
			`vigil.yaml:4: timing.profile: "fast" is not one of lan, wan, lab`}},
		{"wrong shapes", head + "bmc: 10.0.1.1\ncluster:\n  name: e\n  join: 10.0.0.2\n  tls: {ca_file: /a, cert_file: /b, key_file: /c}\nsensors: {interval: }\n", []string{
			`vigil.yaml:3: bmc: want a mapping of keys, got "10.0.1.1"`,
			`vigil.yaml:6: cluster.join: want a list, got "10.0.0.2"`,
			`vigil.yaml:8: sensors.interval: want a value, got nothing`,
			"vigil.yaml:4: addresses.management: required with cluster:",
			"vigil.yaml:4: fence: required with cluster: (the account this host fences its peers with)"}},
		{"two documents", head + "---\nhost: h2\n", []string{"vigil.yaml:3: more than one YAML document"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("vigil.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, nil; want errors", tt.yaml, c)
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("Parse error %T %v, want Errors", err, err)
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Parse(%q) errors:\n%s\nwant:\n%s", tt.yaml, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestSecretFiles: a secret that is missing, empty, or readable beyond
// 0640 is an error naming the key, its line and the file; other named
// files must exist.
func TestSecretFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, mode os.FileMode, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.pw", 0o640, "secret\n")
	world := write("world.pw", 0o644, "secret\n")
	groupw := write("groupw.key", 0o660, "k")
	empty := write("empty.key", 0o600, "")
	missing := filepath.Join(dir, "missing.pem")
	cfg := "version: 1\nhost: h1\naddresses: {management: 10.0.0.1}\n" +
		"bmc:\n  ipmi: 10.0.1.1\n  user: u\n  password_file: " + world + "\n" +
		"fence:\n  user: f\n  password_file: " + good + "\n" +
		"cluster:\n  name: e\n  gossip_key_file: " + groupw + "\n" +
		"  tls:\n    ca_file: " + missing + "\n    cert_file: " + dir + "\n    key_file: " + empty + "\n" +
		"fabric_file: " + good + "\n" +
		"syslog:\n  address: tls://logs:6514\n  ca_file: " + missing + "\n"
	path := write("vigil.yaml", 0o644, cfg)
	_, err := Load(path)
	want := []string{
		path + ":7: bmc.password_file: " + world + ": mode 0644 lets others read or change a secret; want 0600 or 0640 (chmod 600 " + world + ")",
		path + ":13: cluster.gossip_key_file: " + groupw + ": mode 0660 lets others read or change a secret; want 0600 or 0640 (chmod 600 " + groupw + ")",
		path + ":15: cluster.tls.ca_file: " + missing + ": no such file",
		path + ":16: cluster.tls.cert_file: " + dir + ": not a regular file",
		path + ":17: cluster.tls.key_file: " + empty + ": empty",
		path + ":21: syslog.ca_file: " + missing + ": no such file",
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("Load errors:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
	if err != nil && strings.Contains(err.Error(), "secret\n") {
		t.Errorf("error shows a secret's content: %v", err)
	}

	if _, err := Load(filepath.Join(dir, "nope.yaml")); err == nil || err.Error() != filepath.Join(dir, "nope.yaml")+": cannot read: no such file or directory" {
		t.Errorf("Load(missing) = %v", err)
	}
}

// FuzzParse: no input makes Parse panic, and every error it reports
// names the file and a line.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/cli-example.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("version: 1\nhost: h1\nbmc: {ipmi: x, user: u, password_file: /p, cipher_suite: 0}\n"))
	f.Add([]byte("version: 1\nhost: &a h1\nsocket: *a\n"))
	f.Add([]byte("cluster:\n  join: [[1], {a: b}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse("f.yaml", data)
		if err == nil {
			return
		}
		var es Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("Parse error %T %v, want Errors", err, err)
		}
		for _, e := range es {
			if e.File != "f.yaml" {
				t.Fatalf("error without the file: %v", e)
			}
		}
	})
}

// TestVMCapacity: vms: may say what the host offers VMs (overcommitting
// its CPUs); by default nothing is set and the machine's own count is used.
func TestVMCapacity(t *testing.T) {
	c, err := Parse("c.yaml", []byte("version: 1\nhost: h1\nvms:\n  vcpus: 32\n  memory_mib: 65536\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.VMs.VCPUs != 32 || c.VMs.MemoryMiB != 65536 {
		t.Errorf("vms = %+v, want 32 vCPUs and 65536 MiB", c.VMs)
	}
	_, err = Parse("c.yaml", []byte("version: 1\nhost: h1\nvms:\n  vcpus: 0\n  memory_mib: lots\n"))
	if err == nil || !strings.Contains(err.Error(), "c.yaml:4: vms.vcpus: 0 out of range") || !strings.Contains(err.Error(), "c.yaml:5: vms.memory_mib: want a whole number") {
		t.Errorf("bad vms capacity: %v", err)
	}
}

// TestFenceSettings: fence: takes how peers' BMCs are reached besides the
// account: a pinned IPMI cipher suite, a CA file, a timeout.
func TestFenceSettings(t *testing.T) {
	c, err := Parse("f.yaml", []byte("version: 1\nhost: h1\nfence:\n  user: f\n  password_file: /p\n  cipher_suite: 3\n  ca_file: /ca.pem\n  timeout: 5s\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f := c.Fence; f.CipherSuite != 3 || f.CAFile != "/ca.pem" || f.Timeout != 5*time.Second || f.Insecure || f.User != "f" {
		t.Errorf("fence = %+v, want suite 3, /ca.pem, 5s", *f)
	}
}

// TestHeartbeatDir: cluster.heartbeat_dir must name an existing directory
// (an unmounted share fails at load, naming the line and the key).
func TestHeartbeatDir(t *testing.T) {
	dir := t.TempDir()
	pw := filepath.Join(dir, "p.pw")
	if err := os.WriteFile(pw, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(dir, "shared")
	if err := os.Mkdir(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, hbDir, want string
	}{
		{"a directory", shared, ""},
		{"missing", filepath.Join(dir, "unmounted"), ":10: cluster.heartbeat_dir: " + filepath.Join(dir, "unmounted") + ": no such directory (is the shared storage mounted?)"},
		{"a file", pw, ":10: cluster.heartbeat_dir: " + pw + ": not a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := "version: 1\nhost: h1\naddresses: {management: 10.0.0.1}\n" +
				"bmc: {ipmi: 10.0.1.1, user: u, password_file: " + pw + "}\nfence: {user: f, password_file: " + pw + "}\n" +
				"cluster:\n  name: e\n" +
				"  tls: {ca_file: " + pw + ", cert_file: " + pw + ", key_file: " + pw + "}\n" +
				"\n  heartbeat_dir: " + tc.hbDir + "\n"
			path := filepath.Join(dir, "vigil.yaml")
			if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := Load(path)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("Load = %v, want nil", err)
			case tc.want == "" && c.Cluster.HeartbeatDir != tc.hbDir:
				t.Fatalf("cluster.heartbeat_dir = %q, want %q", c.Cluster.HeartbeatDir, tc.hbDir)
			case tc.want != "" && (err == nil || err.Error() != path+tc.want):
				t.Fatalf("Load = %v, want %s", err, path+tc.want)
			}
		})
	}
}
