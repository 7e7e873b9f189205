package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigil-ha/vigil/internal/bmc/rfsession"
	"github.com/vigil-ha/vigil/internal/rmcp"
	"github.com/vigil-ha/vigil/internal/yamlconf"
)

// DefaultPath is where the agent looks for its config.
const DefaultPath = "/etc/vigil/vigil.yaml"

// Defaults of optional keys.
const (
	DefaultStateDir    = "/var/lib/vigil"
	DefaultBootIDFile  = "/proc/sys/kernel/random/boot_id"
	DefaultSocket      = "/run/vigil/vigil.sock"
	DefaultRunDir      = "/run/vigil/vms"
	DefaultGossipPort  = 7946
	DefaultRaftPort    = 7947
	DefaultIPMIPort    = 623
	DefaultInterval    = 10 * time.Second
	DefaultWatchdogDev = "/dev/watchdog"
	DefaultWDTimeout   = 10 * time.Second
	DefaultBMCTimeout  = 10 * time.Second
	// DefaultFenceTimeout bounds one fence attempt on one BMC.
	DefaultFenceTimeout = 20 * time.Second
)

// maxSocketPath is the longest path a Unix socket address holds (sun_path
// is 108 bytes with its terminating NUL).
const maxSocketPath = 107

// Config is the agent's configuration (CLI.md, "The agent's config"). Every
// optional key has its default filled in by Parse.
type Config struct {
	// File is the path it was read from.
	File       string
	Version    int
	Host       string
	StateDir   string
	BootIDFile string
	Socket     string
	Addresses  Addresses
	// BMC is this host's own BMC; nil when the host has none to read.
	BMC *BMC
	// Fence is the account this host uses on its peers' BMCs; nil in
	// standalone mode.
	Fence *Fence
	// Cluster is nil for a standalone host: sensors, prediction and
	// alerts only.
	Cluster  *Cluster
	Watchdog Watchdog
	Sensors  Sensors
	VMs      VMs
	// FabricFile is the netfabric file of this host (vigil net apply -f);
	// empty when vigil manages no network here.
	FabricFile string
	Metrics    Metrics
	// Syslog is nil when events go to no syslog server.
	Syslog *Syslog
	Log    Log
	Timing Timing

	refs []fileRef
}

// Addresses are this host's addresses on the cluster's networks.
type Addresses struct {
	Management netip.Addr // gossip, raft, the inter-host API
	Migration  netip.Addr // live-migration streams; default Management
}

// BMC is this host's own BMC: sensors are read there, peers fence through it.
type BMC struct {
	// IPMI is "HOST:PORT" (port 623 by default); Redfish is the service URL.
	// Exactly one is set.
	IPMIHost string
	IPMIPort int
	Redfish  string
	Account
	// CipherSuite pins an IPMI cipher suite; 0 is auto (the strongest both
	// sides support, never below suite 3).
	CipherSuite     int
	AllowWeakCipher bool
	// Redfish only. CAFile holds the CA certificates (PEM) the BMC's
	// certificate is checked against instead of the system's.
	System         string
	Insecure       bool
	AllowPlainHTTP bool
	CAFile         string
	// Timeout bounds one poll of the BMC.
	Timeout time.Duration
	// EventsListen is where the agent receives the events its Redfish BMC
	// pushes (HOST:PORT, HTTPS; port 0 picks a free one); empty: the
	// agent follows the BMC's Server-Sent Events stream instead, where
	// it has one. EventsHost is the host put in the push URL the BMC is
	// given: EventsListen's, or addresses.management when that one is
	// unspecified (0.0.0.0, ::).
	EventsListen string
	EventsHost   string
}

// Target names the BMC: "HOST:PORT" for IPMI, the URL for Redfish.
func (b *BMC) Target() string {
	if b.Redfish != "" {
		return b.Redfish
	}
	return rmcp.Target(b.IPMIHost, b.IPMIPort)
}

// Account is a BMC user and the file holding its password.
type Account struct {
	User         string
	PasswordFile string
}

// Fence is how this host reaches its peers' BMCs to fence them: the
// account, and how to trust what answers.
type Fence struct {
	Account
	// CipherSuite pins an IPMI cipher suite on peers' BMCs; 0 is auto
	// (never below suite 3).
	CipherSuite int
	// CAFile holds the CA certificates (PEM) peers' Redfish BMCs are
	// checked against instead of the system's; Insecure skips the check
	// (an isolated lab network only).
	CAFile   string
	Insecure bool
	// Timeout bounds one fence attempt on one BMC (default 20 s).
	Timeout time.Duration
}

// Cluster says how this host joins its cluster.
type Cluster struct {
	Name          string
	GossipPort    int
	RaftPort      int
	Join          []string
	Bootstrap     []string
	GossipKeyFile string
	TLS           TLS
	// Witness is the optional third vote of a two-host cluster, HOST:PORT.
	Witness string
	// HeartbeatDir is a directory on the storage every host of the
	// cluster sees (where the VM disks live): each host writes its
	// heartbeat file there and the leader reads its peers', so that a host
	// cut off from the network but still writing is judged isolated, not
	// dead (cluster/heartbeat, cluster/verdict). Empty: no storage
	// heartbeat.
	HeartbeatDir string
	// TieBreak tunes the fence race of a two-host cluster without a
	// witness (cluster/planner.TieBreak).
	TieBreak TieBreak
}

// TieBreak is cluster.tie_break: when the two hosts of a cluster without a
// witness lose each other, each fences the other through its BMC, the
// preferred one at once, the other only after Delay; the one whose fence
// is confirmed holds the cluster alone.
type TieBreak struct {
	// Preferred is the host that fences at once (default: the first of
	// cluster.bootstrap). Both hosts must name the same one.
	Preferred string
	// Delay is the other host's wait (default: the timing profile's). It
	// must exceed a fence's time to land (the BMC's power-off and the
	// round trip) plus the gap between the two hosts' detections.
	Delay time.Duration
}

// TLS is the cluster's mutual TLS material.
type TLS struct {
	CAFile, CertFile, KeyFile string
}

// Watchdog is the hardware watchdog this host feeds.
type Watchdog struct {
	// Device is empty for "none": the cluster then never assumes this host
	// fenced itself.
	Device  string
	Timeout time.Duration
}

// Sensors tunes the sensor loop.
type Sensors struct {
	Interval time.Duration
	// SysfsRoot and ProcfsRoot are where the host's kernel view is read
	// (default /sys and /proc).
	SysfsRoot, ProcfsRoot string
}

// VMs says where this host's VMs keep their sockets and how they run.
type VMs struct {
	RunDir string
	Accel  string // kvm or tcg
	// VCPUs and MemoryMiB are what this host offers VMs, for placement
	// (0: its CPUs and its memory). More vCPUs than CPUs overcommit them.
	VCPUs     int
	MemoryMiB int64
}

// Metrics is the Prometheus endpoint; Listen empty turns it off.
type Metrics struct {
	Listen string
}

// Syslog is where events go besides the audit log.
type Syslog struct {
	Network  string // unix, udp, tcp or tls
	Address  string // a path for unix, HOST:PORT otherwise
	Facility string
	// CAFile holds the CA certificates (PEM) a tls receiver's certificate
	// is checked against instead of the system's; tls only.
	CAFile string
}

// Log sets the agent's own log.
type Log struct {
	Level  string // debug, info, warn, error
	Format string // text or json
}

// Timing is the cluster's timing profile: how fast failure is suspected
// and how long leases last. lan (the default) suits hosts on one switch,
// wan tolerates slower links, lab is the fast profile of the test lab.
type Timing struct {
	Profile string
}

// fileRef is a file the config names, with where it is named.
type fileRef struct {
	path   string
	key    string
	line   int
	secret bool
	dir    bool // a directory, not a regular file
}

// Load reads and checks the config at path: its syntax, every value, and
// the files it names (secrets must exist, be non-empty and be readable by
// no one beyond owner and group, 0640). The error is Errors naming file,
// line and key of each problem, or the reason the file could not be read.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, Errors{{File: path, Msg: readError(err)}}
	}
	// Problems with the files are reported together with those of the
	// text, in line order.
	c, errs := parse(path, data)
	if c != nil {
		if err := c.CheckFiles(); err != nil {
			errs = append(errs, err.(Errors)...)
		}
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *Error) int { return a.Line - b.Line })
		return nil, errs
	}
	return c, nil
}

func readError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "cannot read: " + err.Error()
}

// Parse checks data, the content of the file named file, against the
// schema without touching the filesystem (CheckFiles does that), and fills
// in defaults.
func Parse(file string, data []byte) (*Config, error) {
	c, errs := parse(file, data)
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// parse returns the config as far as it could be read (nil when the YAML
// itself is broken) and every problem found.
func parse(file string, data []byte) (*Config, Errors) {
	d := newDecoder(file)
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{File: file, Line: 1, Msg: "empty config (want at least version: 1 and host:)"}}
		}
		return nil, Errors{syntaxError(file, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{{File: file, Line: extra.Line, Msg: "more than one YAML document"}}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	c := &Config{File: file}
	c.decode(d, root)
	return c, d.Errs
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func syntaxError(file string, err error) *Error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &Error{File: file, Line: n, Msg: "YAML syntax: " + m[2]}
	}
	return &Error{File: file, Msg: "YAML syntax: " + strings.TrimPrefix(err.Error(), "yaml: ")}
}

var hostName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)

func (c *Config) decode(d *decoder, root *yaml.Node) {
	var mgmt, migr string
	var clusterNode *yaml.Node
	seen := d.Mapping(root, "", []yamlconf.Field{
		yamlconf.Required("version", d.integer(&c.Version, 1, 1)),
		yamlconf.Required("host", d.str(&c.Host)),
		yamlconf.Optional("state_dir", d.absPath(&c.StateDir)),
		yamlconf.Optional("boot_id_file", d.absPath(&c.BootIDFile)),
		yamlconf.Optional("socket", d.absPath(&c.Socket)),
		yamlconf.Optional("addresses", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []yamlconf.Field{
				yamlconf.Required("management", d.str(&mgmt)),
				yamlconf.Optional("migration", d.str(&migr)),
			})
		}),
		yamlconf.Optional("bmc", func(n *yaml.Node, p string) { c.BMC = d.bmc(n, p) }),
		yamlconf.Optional("fence", func(n *yaml.Node, p string) {
			c.Fence = &Fence{}
			var suite string
			fs := d.Mapping(n, p, []yamlconf.Field{
				yamlconf.Required("user", d.str(&c.Fence.User)),
				yamlconf.Required("password_file", d.absPath(&c.Fence.PasswordFile)),
				yamlconf.Optional("cipher_suite", d.str(&suite)),
				yamlconf.Optional("ca_file", d.absPath(&c.Fence.CAFile)),
				yamlconf.Optional("insecure", d.boolean(&c.Fence.Insecure)),
				yamlconf.Optional("timeout", d.duration(&c.Fence.Timeout, 100*time.Millisecond, 5*time.Minute)),
			})
			if suite != "" && suite != "auto" {
				c.Fence.CipherSuite = d.suite(fs["cipher_suite"], p+".cipher_suite", suite, false)
			}
		}),
		yamlconf.Optional("cluster", func(n *yaml.Node, p string) { clusterNode = n; c.Cluster = d.cluster(n, p) }),
		yamlconf.Optional("watchdog", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []yamlconf.Field{
				yamlconf.Optional("device", d.str(&c.Watchdog.Device)),
				yamlconf.Optional("timeout", d.duration(&c.Watchdog.Timeout, time.Second, 10*time.Minute)),
			})
		}),
		yamlconf.Optional("sensors", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []yamlconf.Field{
				yamlconf.Optional("interval", d.duration(&c.Sensors.Interval, time.Second, time.Hour)),
				yamlconf.Optional("sysfs", d.absPath(&c.Sensors.SysfsRoot)),
				yamlconf.Optional("procfs", d.absPath(&c.Sensors.ProcfsRoot)),
			})
		}),
		yamlconf.Optional("vms", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []yamlconf.Field{
				yamlconf.Optional("run_dir", d.absPath(&c.VMs.RunDir)),
				yamlconf.Optional("accel", d.oneOf(&c.VMs.Accel, "kvm", "tcg")),
				yamlconf.Optional("vcpus", d.integer(&c.VMs.VCPUs, 1, 1<<16)),
				yamlconf.Optional("memory_mib", d.int64(&c.VMs.MemoryMiB)),
			})
		}),
		yamlconf.Optional("fabric_file", d.absPath(&c.FabricFile)),
		yamlconf.Optional("metrics", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []yamlconf.Field{yamlconf.Required("listen", d.hostPort(&c.Metrics.Listen))})
		}),
		yamlconf.Optional("syslog", func(n *yaml.Node, p string) { c.Syslog = d.syslog(n, p) }),
		yamlconf.Optional("log", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []yamlconf.Field{
				yamlconf.Optional("level", d.oneOf(&c.Log.Level, "debug", "info", "warn", "error")),
				yamlconf.Optional("format", d.oneOf(&c.Log.Format, "text", "json")),
			})
		}),
		yamlconf.Optional("timing", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []yamlconf.Field{yamlconf.Optional("profile", d.oneOf(&c.Timing.Profile, "lan", "wan", "lab"))})
		}),
	})
	if n := seen["host"]; n != nil && c.Host != "" && !hostName.MatchString(c.Host) {
		d.Errorf(n, "host", "%q is not a host name (letters, digits and '-', at most 63)", c.Host)
	}
	if n := seen["socket"]; n != nil && len(c.Socket) > maxSocketPath {
		d.Errorf(n, "socket", "path is %d bytes, a Unix socket path holds at most %d", len(c.Socket), maxSocketPath)
	}
	if a := seen["addresses"]; a != nil {
		c.Addresses.Management = d.ip(a, "addresses.management", mgmt)
		c.Addresses.Migration = d.ip(a, "addresses.migration", migr)
	}
	if wd := seen["watchdog"]; wd != nil && c.Watchdog.Device != "" && c.Watchdog.Device != "none" && !filepath.IsAbs(c.Watchdog.Device) {
		d.Errorf(wd, "watchdog.device", "%q: want an absolute device path or none", c.Watchdog.Device)
	}
	if c.Cluster != nil && clusterNode.Kind == yaml.MappingNode {
		key := d.At(clusterNode)
		if _, ok := seen["addresses"]; !ok {
			d.Errorf(key, "addresses.management", "required with cluster:")
		}
		if c.Fence == nil {
			d.Errorf(key, "fence", "required with cluster: (the account this host fences its peers with)")
		}
		if c.BMC == nil {
			d.Errorf(key, "bmc", "required with cluster: (peers fence this host through it)")
		}
	}
	if b := c.BMC; b != nil && b.EventsListen != "" && b.EventsHost == "" {
		if c.Addresses.Management.IsValid() {
			b.EventsHost = c.Addresses.Management.String()
		} else {
			d.Errorf(valueNode(seen["bmc"], "events_listen"), "bmc.events_listen",
				"%q listens on every address: name the one the BMC pushes to, or set addresses.management", b.EventsListen)
		}
	}
	c.defaults()
	if cl := c.Cluster; cl != nil && cl.GossipPort == cl.RaftPort && clusterNode.Kind == yaml.MappingNode {
		if n := valueNode(clusterNode, "raft_port"); n != clusterNode {
			d.Errorf(n, "cluster.raft_port", "%d is also gossip_port", cl.RaftPort)
		} else {
			d.Errorf(valueNode(clusterNode, "gossip_port"), "cluster.gossip_port", "%d is also raft_port (default %d)", cl.GossipPort, DefaultRaftPort)
		}
	}
	c.collectRefs(seen)
}

// defaults fills in every optional key left out.
func (c *Config) defaults() {
	set := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	set(&c.StateDir, DefaultStateDir)
	set(&c.BootIDFile, DefaultBootIDFile)
	set(&c.Socket, DefaultSocket)
	set(&c.VMs.RunDir, DefaultRunDir)
	set(&c.VMs.Accel, "kvm")
	set(&c.Sensors.SysfsRoot, "/sys")
	set(&c.Sensors.ProcfsRoot, "/proc")
	set(&c.Log.Level, "info")
	set(&c.Log.Format, "text")
	set(&c.Timing.Profile, "lan")
	switch c.Watchdog.Device {
	case "":
		c.Watchdog.Device = DefaultWatchdogDev
	case "none":
		c.Watchdog.Device = ""
	}
	if c.Watchdog.Timeout == 0 {
		c.Watchdog.Timeout = DefaultWDTimeout
	}
	if c.Sensors.Interval == 0 {
		c.Sensors.Interval = DefaultInterval
	}
	if !c.Addresses.Migration.IsValid() {
		c.Addresses.Migration = c.Addresses.Management
	}
	if c.Fence != nil && c.Fence.Timeout == 0 {
		c.Fence.Timeout = DefaultFenceTimeout
	}
	if c.BMC != nil && c.BMC.Timeout == 0 {
		c.BMC.Timeout = min(DefaultBMCTimeout, c.Sensors.Interval)
	}
	if c.Cluster != nil {
		if c.Cluster.GossipPort == 0 {
			c.Cluster.GossipPort = DefaultGossipPort
		}
		if c.Cluster.RaftPort == 0 {
			c.Cluster.RaftPort = DefaultRaftPort
		}
	}
	if c.Syslog != nil && c.Syslog.Facility == "" {
		c.Syslog.Facility = "daemon"
	}
}

// collectRefs remembers the files the config names, with their lines,
// for CheckFiles.
func (c *Config) collectRefs(seen map[string]*yaml.Node) {
	line := func(path ...string) int {
		n := seen[path[0]]
		for _, k := range path[1:] {
			if n == nil || n.Kind != yaml.MappingNode {
				return 0
			}
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == k {
					next = n.Content[i+1]
				}
			}
			n = next
		}
		if n == nil {
			return 0
		}
		return n.Line
	}
	add := func(p string, secret bool, key ...string) {
		if p != "" {
			c.refs = append(c.refs, fileRef{path: p, key: strings.Join(key, "."), line: line(key...), secret: secret})
		}
	}
	if c.BMC != nil {
		add(c.BMC.PasswordFile, true, "bmc", "password_file")
		add(c.BMC.CAFile, false, "bmc", "ca_file")
	}
	if c.Fence != nil {
		add(c.Fence.PasswordFile, true, "fence", "password_file")
		add(c.Fence.CAFile, false, "fence", "ca_file")
	}
	if cl := c.Cluster; cl != nil {
		add(cl.GossipKeyFile, true, "cluster", "gossip_key_file")
		add(cl.TLS.CAFile, false, "cluster", "tls", "ca_file")
		add(cl.TLS.CertFile, false, "cluster", "tls", "cert_file")
		add(cl.TLS.KeyFile, true, "cluster", "tls", "key_file")
		if cl.HeartbeatDir != "" {
			c.refs = append(c.refs, fileRef{path: cl.HeartbeatDir, key: "cluster.heartbeat_dir", line: line("cluster", "heartbeat_dir"), dir: true})
		}
	}
	add(c.FabricFile, false, "fabric_file")
	if c.Syslog != nil {
		add(c.Syslog.CAFile, false, "syslog", "ca_file")
	}
}

// CheckFiles checks the files the config names: each must exist and be a
// regular file; a secret (a password, the gossip key, the TLS key) must
// also be non-empty and grant nothing beyond owner read-write and group
// read (0640). Errors name the file, the line and the key.
func (c *Config) CheckFiles() error {
	var errs Errors
	for _, r := range c.refs {
		fail := func(format string, args ...any) {
			errs = append(errs, &Error{File: c.File, Line: r.line, Path: r.key, Msg: r.path + ": " + fmt.Sprintf(format, args...)})
		}
		fi, err := os.Stat(r.path)
		switch {
		case errors.Is(err, fs.ErrNotExist) && r.dir:
			fail("no such directory (is the shared storage mounted?)")
			continue
		case errors.Is(err, fs.ErrNotExist):
			fail("no such file")
			continue
		case err != nil:
			fail("%v", errors.Unwrap(err))
			continue
		case r.dir && !fi.IsDir():
			fail("not a directory")
			continue
		case r.dir:
			continue
		case !fi.Mode().IsRegular():
			fail("not a regular file")
			continue
		}
		if !r.secret {
			continue
		}
		if perm := fi.Mode().Perm(); perm&^0o640 != 0 {
			fail("mode %04o lets others read or change a secret; want 0600 or 0640 (chmod 600 %s)", perm, r.path)
			continue
		}
		if fi.Size() == 0 {
			fail("empty")
			continue
		}
		f, err := os.Open(r.path)
		if err != nil {
			fail("%v", errors.Unwrap(err))
			continue
		}
		f.Close()
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// ReadSecret returns the content of a secret file without its trailing
// newline. Errors name the file, never its content.
func ReadSecret(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	s := strings.TrimRight(string(raw), "\r\n")
	if s == "" {
		return "", fmt.Errorf("%s is empty", path)
	}
	return s, nil
}

func (d *decoder) absPath(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		var v string
		d.str(&v)(n, path)
		if v == "" {
			return
		}
		if !filepath.IsAbs(v) {
			d.Errorf(n, path, "%q: want an absolute path", v)
			return
		}
		*dst = filepath.Clean(v)
	}
}

func (d *decoder) ip(n *yaml.Node, path, v string) netip.Addr {
	if v == "" {
		return netip.Addr{}
	}
	a, err := netip.ParseAddr(v)
	if err != nil {
		d.Errorf(valueNode(n, path), path, "%q is not an IP address", v)
	}
	return a
}

// valueNode finds the node of the last key of path under n, for its line;
// n itself when it is not there.
func valueNode(n *yaml.Node, path string) *yaml.Node {
	key := path[strings.LastIndex(path, ".")+1:]
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
	}
	return n
}

// hostPort decodes HOST:PORT with a numeric port.
func (d *decoder) hostPort(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		var v string
		d.str(&v)(n, path)
		if v == "" {
			return
		}
		if err := checkHostPort(v, false); err != nil {
			d.Errorf(n, path, "%q: %v", v, err)
			return
		}
		*dst = v
	}
}

// checkHostPort checks "HOST:PORT" (IPv6 in brackets); with portOptional
// a bare host is accepted too.
func checkHostPort(v string, portOptional bool) error {
	def := 0
	if portOptional {
		def = 1
	}
	_, _, err := splitHostPort(v, def)
	return err
}

func (d *decoder) bmc(n *yaml.Node, path string) *BMC {
	b := &BMC{}
	if n.Kind != yaml.MappingNode {
		d.Mapping(n, path, nil)
		return b
	}
	var ipmiAddr, suite string
	seen := d.Mapping(n, path, []yamlconf.Field{
		yamlconf.Optional("ipmi", d.str(&ipmiAddr)),
		yamlconf.Optional("redfish", d.str(&b.Redfish)),
		yamlconf.Required("user", d.str(&b.User)),
		yamlconf.Required("password_file", d.absPath(&b.PasswordFile)),
		yamlconf.Optional("cipher_suite", d.str(&suite)),
		yamlconf.Optional("allow_weak_cipher", d.boolean(&b.AllowWeakCipher)),
		yamlconf.Optional("system", d.str(&b.System)),
		yamlconf.Optional("insecure", d.boolean(&b.Insecure)),
		yamlconf.Optional("allow_plain_http", d.boolean(&b.AllowPlainHTTP)),
		yamlconf.Optional("ca_file", d.absPath(&b.CAFile)),
		yamlconf.Optional("timeout", d.duration(&b.Timeout, 100*time.Millisecond, 5*time.Minute)),
		yamlconf.Optional("events_listen", d.str(&b.EventsListen)),
	})
	at := func(key string) *yaml.Node { return valueNode(n, key) }
	_, hasIPMI := seen["ipmi"]
	_, hasRedfish := seen["redfish"]
	switch {
	case !hasIPMI && !hasRedfish:
		d.Errorf(d.At(n), path+".ipmi", "required: one of ipmi: HOST[:PORT] or redfish: URL")
	case hasIPMI && hasRedfish:
		d.Errorf(seen["redfish"], path+".redfish", "ipmi: and redfish: are exclusive")
	}
	for _, k := range []string{"system", "insecure", "allow_plain_http", "ca_file", "events_listen"} {
		if _, ok := seen[k]; ok && hasIPMI && !hasRedfish {
			d.Errorf(seen[k], path+"."+k, "applies to redfish: only")
		}
	}
	for _, k := range []string{"cipher_suite", "allow_weak_cipher"} {
		if _, ok := seen[k]; ok && hasRedfish && !hasIPMI {
			d.Errorf(seen[k], path+"."+k, "applies to ipmi: only")
		}
	}
	if hasIPMI && ipmiAddr != "" {
		h, port, err := splitHostPort(ipmiAddr, DefaultIPMIPort)
		if err != nil {
			d.Errorf(at("ipmi"), path+".ipmi", "%q: %v", ipmiAddr, err)
		}
		b.IPMIHost, b.IPMIPort = h, port
		if len(b.User) > rmcp.MaxUserName {
			d.Errorf(at("user"), path+".user", "%d bytes: IPMI user names hold at most %d", len(b.User), rmcp.MaxUserName)
		}
	}
	if !hasRedfish || hasIPMI {
		b.EventsListen = "" // refused above: IPMI BMCs push nothing here
	}
	if b.EventsListen != "" {
		h, _, err := splitHostPortAny(b.EventsListen)
		if err != nil {
			d.Errorf(at("events_listen"), path+".events_listen", "%q: %v", b.EventsListen, err)
			b.EventsListen = ""
		} else if a, aerr := netip.ParseAddr(h); aerr != nil || !a.IsUnspecified() {
			b.EventsHost = h
		}
	}
	if suite != "" && suite != "auto" {
		b.CipherSuite = d.suite(at("cipher_suite"), path+".cipher_suite", suite, b.AllowWeakCipher)
	}
	if hasRedfish && b.Redfish != "" {
		ep, err := rfsession.Endpoint(b.Redfish, b.AllowPlainHTTP)
		switch {
		case errors.Is(err, rfsession.ErrPlainHTTP):
			d.Errorf(at("redfish"), path+".redfish", "%q: plain http refused: the BMC password (or session token) would cross the network unencrypted; "+
				"use https://, or allow_plain_http: true on an isolated lab network only", b.Redfish)
		case err != nil:
			d.Errorf(at("redfish"), path+".redfish", "%v", err)
		default:
			b.Redfish = ep
		}
	}
	return b
}

// splitHostPortAny splits "HOST:PORT" where PORT may be 0 (any free
// port) and HOST may be empty or unspecified (every address).
func splitHostPortAny(s string) (string, int, error) {
	h, p, err := net.SplitHostPort(s)
	if err != nil {
		return "", 0, errors.New("want HOST:PORT")
	}
	port, err := strconv.Atoi(p)
	if err != nil || port < 0 || port > 65535 {
		return "", 0, fmt.Errorf("bad port %q (0 to 65535; 0 picks a free one)", p)
	}
	return h, port, nil
}

// suite decodes an IPMI cipher suite number other than auto.
func (d *decoder) suite(n *yaml.Node, path, v string, allowWeak bool) int {
	s, err := strconv.Atoi(v)
	switch {
	case err != nil:
		d.Errorf(n, path, "want auto or a suite number 1 to %d, got %q", rmcp.MaxStandardSuite, v)
	case s == 0:
		d.Errorf(n, path, "0 refused: %v", rmcp.ErrSuiteZero)
	case s < 0 || s > rmcp.MaxStandardSuite:
		d.Errorf(n, path, "IPMI cipher suites are 1 to %d, got %d", rmcp.MaxStandardSuite, s)
	default:
		if err := (rmcp.Policy{Suite: s, AllowWeak: allowWeak}).Validate(); err != nil {
			d.Errorf(n, path, "%d refused: %v (allow_weak_cipher: true)", s, err)
			return 0
		}
		return s
	}
	return 0
}

// splitHostPort splits "HOST[:PORT]" (IPv6 in brackets); a bare host
// gets port def, or is refused when def is 0.
func splitHostPort(s string, def int) (string, int, error) {
	if !strings.Contains(s, ":") || (strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]")) {
		h := strings.Trim(s, "[]")
		switch {
		case h == "":
			return "", 0, errors.New("empty host")
		case def == 0:
			return "", 0, errors.New("want HOST:PORT")
		}
		return h, def, nil
	}
	h, p, err := net.SplitHostPort(s)
	if err != nil {
		return "", 0, errors.New("want HOST:PORT")
	}
	port, err := strconv.Atoi(p)
	if err != nil || port < 1 || port > 65535 {
		return "", 0, fmt.Errorf("bad port %q (1 to 65535)", p)
	}
	return h, port, nil
}

func (d *decoder) cluster(n *yaml.Node, path string) *Cluster {
	c := &Cluster{}
	seen := d.Mapping(n, path, []yamlconf.Field{
		yamlconf.Required("name", d.str(&c.Name)),
		yamlconf.Optional("gossip_port", d.integer(&c.GossipPort, 1, 65535)),
		yamlconf.Optional("raft_port", d.integer(&c.RaftPort, 1, 65535)),
		yamlconf.Optional("join", d.strList(&c.Join)),
		yamlconf.Optional("bootstrap", d.strList(&c.Bootstrap)),
		yamlconf.Optional("gossip_key_file", d.absPath(&c.GossipKeyFile)),
		yamlconf.Required("tls", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []yamlconf.Field{
				yamlconf.Required("ca_file", d.absPath(&c.TLS.CAFile)),
				yamlconf.Required("cert_file", d.absPath(&c.TLS.CertFile)),
				yamlconf.Required("key_file", d.absPath(&c.TLS.KeyFile)),
			})
		}),
		yamlconf.Optional("witness", d.hostPort(&c.Witness)),
		yamlconf.Optional("heartbeat_dir", d.absPath(&c.HeartbeatDir)),
		yamlconf.Optional("tie_break", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []yamlconf.Field{
				yamlconf.Optional("preferred", d.str(&c.TieBreak.Preferred)),
				yamlconf.Optional("delay", d.duration(&c.TieBreak.Delay, 100*time.Millisecond, 10*time.Minute)),
			})
		}),
	})
	if tb := seen["tie_break"]; tb != nil {
		switch {
		case c.Witness != "":
			d.Errorf(tb, path+".tie_break", "a cluster with a witness has no fence race")
		case c.TieBreak.Preferred != "" && !hostName.MatchString(c.TieBreak.Preferred):
			d.Errorf(valueNode(tb, "preferred"), path+".tie_break.preferred", "%q is not a host name", c.TieBreak.Preferred)
		}
	}
	if c.Name != "" && !hostName.MatchString(c.Name) {
		d.Errorf(seen["name"], path+".name", "%q is not a cluster name (letters, digits and '-', at most 63)", c.Name)
	}
	if jn := seen["join"]; jn != nil {
		for i, j := range c.Join {
			if err := checkHostPort(j, true); err != nil {
				d.Errorf(jn.Content[min(i, len(jn.Content)-1)], fmt.Sprintf("%s.join[%d]", path, i), "%q: %v", j, err)
			}
		}
	}
	if bn := seen["bootstrap"]; bn != nil {
		names := map[string]bool{}
		for i, h := range c.Bootstrap {
			p := fmt.Sprintf("%s.bootstrap[%d]", path, i)
			switch {
			case !hostName.MatchString(h):
				d.Errorf(bn.Content[min(i, len(bn.Content)-1)], p, "%q is not a host name", h)
			case names[h]:
				d.Errorf(bn.Content[min(i, len(bn.Content)-1)], p, "%q listed twice", h)
			}
			names[h] = true
		}
	}
	return c
}

var facilities = []string{"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
	"local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"}

func (d *decoder) syslog(n *yaml.Node, path string) *Syslog {
	s := &Syslog{}
	var addr string
	seen := d.Mapping(n, path, []yamlconf.Field{
		yamlconf.Required("address", d.str(&addr)),
		yamlconf.Optional("facility", d.oneOf(&s.Facility, facilities...)),
		yamlconf.Optional("ca_file", d.absPath(&s.CAFile)),
	})
	if s.CAFile != "" && !strings.HasPrefix(addr, "tls://") {
		d.Errorf(seen["ca_file"], path+".ca_file", "only with a tls:// address (the receiver's certificate is checked against it)")
	}
	if addr == "" {
		return s
	}
	an := seen["address"]
	u, err := url.Parse(addr)
	if err != nil {
		d.Errorf(an, path+".address", "%q: want unix:///PATH, udp://HOST:PORT, tcp://HOST:PORT or tls://HOST:PORT", addr)
		return s
	}
	switch u.Scheme {
	case "unix":
		if !filepath.IsAbs(u.Path) || u.Host != "" {
			d.Errorf(an, path+".address", "%q: want unix:///ABSOLUTE/PATH", addr)
		}
		s.Network, s.Address = "unix", u.Path
	case "udp", "tcp", "tls":
		if err := checkHostPort(u.Host, false); err != nil || u.Path != "" {
			d.Errorf(an, path+".address", "%q: want %s://HOST:PORT", addr, u.Scheme)
		}
		s.Network, s.Address = u.Scheme, u.Host
	default:
		d.Errorf(an, path+".address", "%q: scheme must be unix, udp, tcp or tls", addr)
	}
	return s
}
