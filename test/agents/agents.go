// Package agents runs a lab cluster of real `vigil agent` processes: one
// per host of a lab (package lab), in the host's network namespace, each
// with its own config written from CLI.md's contract alone, its own state
// directory, socket and BMC, and a boot id that changes at every power on.
// The end-to-end tests in test/ and `vigil-lab demo` (test/demo) both use
// it; neither decides anything the agents decide: they inject failures
// through the lab and watch through the CLI (`vigil status`, `vigil
// events`, `vigil vm …`), the lab's never-twice watcher and the guests'
// heartbeats.
//
// Core type: Cluster, from Start over a lab whose BMCs share the fence
// account (LabOptions). Every agent runs the cluster timing profile "lab",
// `watchdog: none` (the build machine must never arm a watchdog, and its
// kernel has none to arm) unless Options.Watchdog gives each host a lab
// software watchdog, and TCG guests.
//
// Caveats: the agents' sockets live in the hosts' StateDir (tmpfs), so a
// powered-off host's audit log is read again once it is powered on. Every
// method that talks to an agent takes a context and gives up with it.
package agents

import (
	"bytes"
	"cmp"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/vigil-ha/vigil/agent/clusterhost"
	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/cluster/witness"
	"github.com/vigil-ha/vigil/internal/pkitest"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// Profile is the timing profile every agent runs (timing.profile).
const Profile = "lab"

// Timing is the agents' timing: the profile's leases, probes and
// mass-fence window.
func Timing() (clusterhost.Timing, error) { return clusterhost.Profile(Profile, 0) }

// FencePassword is the operator password every BMC of an agents' lab
// shares: agents fence their peers with one account (fence: in the
// config), as a real cluster's hosts do.
const FencePassword = "fence42"

// LabOptions returns the options of a lab of n hosts behind kind BMCs
// that Start can run agents on: the BMCs share the fence account, and
// Redfish BMCs take log entries (the agents write their decisions there).
func LabOptions(n int, kind lab.BMCKind, name string) lab.Options {
	return lab.Options{Hosts: n, BMC: kind, Name: name, RedfishExternalLog: true,
		BMCPasswords: map[ipmisim.Role]string{ipmisim.Operator: FencePassword}}
}

// Options shape the agents of a Cluster.
type Options struct {
	// Vigil is the vigil binary the agents and the CLI run (Build makes
	// one).
	Vigil string
	// Dir holds the configs, keys and certificates. Empty: a new
	// temporary directory, removed by Close.
	Dir string
	// SensorsInterval is each agent's sensors.interval (default 2 s).
	SensorsInterval time.Duration
	// Watchdog, when positive, arms every agent's watchdog with this
	// timeout: a lab software watchdog per host (lab.Host.StartWatchdog,
	// a named pipe as watchdog.device) that resets the host when its agent
	// stops feeding it. Zero: watchdog none.
	Watchdog time.Duration
	// WatchdogHosts, when set, are the only hosts given that watchdog;
	// the others run watchdog none.
	WatchdogHosts []string
	// Fabric, when set, is every host's netfabric file (fabric_file: in
	// its config): the bridges its VMs' taps go on.
	Fabric string
	// Metrics, when set, has every agent serve /metrics on its
	// management address, port MetricsPort (Agent.MetricsURL), which the
	// test process reaches.
	Metrics bool
	// Witness, when set, makes the lab's last host the cluster's witness:
	// it runs `vigil witness` (a raft voter without VMs) instead of an
	// agent, and the other hosts bootstrap with it (cluster.witness). The
	// lab needs at least three hosts.
	Witness bool
	// Bootstrap, when positive, makes only the first Bootstrap hosts the
	// cluster's first voters (cluster.bootstrap); the others join it, as
	// non-voters beyond raft's voter count (3). Zero: every host
	// bootstraps.
	Bootstrap int
	// FabricFor, when set, gives each host its own netfabric file (a
	// VXLAN's local address and remotes differ per host); it takes
	// precedence over Fabric.
	FabricFor func(h *lab.Host) string
	// GuestBridge, when set, gives every test guest (VMFile) one NIC on
	// this bridge with the MAC GuestMAC(name).
	GuestBridge string
	// Ready bounds the wait for every agent to see every host healthy
	// under one leader (default 90 s).
	Ready time.Duration
	// Env is added to every agent's environment (the chaos runner
	// switches a tagged build's seeded bugs on through it).
	Env []string
	// Logf receives progress lines; nil is quiet.
	Logf func(format string, args ...any)
	// Profile is the agents' timing profile (default Profile, lab).
	Profile string
	// HeartbeatDir, when set, gives every agent cluster.heartbeat_dir:
	// Cluster.HeartbeatDir, one directory every lab host sees (the lab's
	// hosts share the machine's filesystem, as real hosts share the VM
	// disks' storage).
	HeartbeatDir bool
}

// Agent is one host's agent: where its config, socket and boot id are.
type Agent struct {
	Host *lab.Host
	// Config is the agent's config file (vigil agent --config).
	Config string
	// Socket is its local API (vigil status --socket).
	Socket string
	// BootIDFile is rewritten with a fresh id at every power on of the
	// host (boot_id_file in the config).
	BootIDFile string
	// Watchdog is the host's lab watchdog (nil: watchdog none).
	Watchdog *lab.Watchdog
	// MetricsURL is its /metrics with Options.Metrics ("" without).
	MetricsURL string
}

// MetricsPort is where each agent serves /metrics with Options.Metrics
// (on its management address; every host has its own).
const MetricsPort = 9798

// Cluster is a lab whose every host runs `vigil agent` in cluster mode.
type Cluster struct {
	Lab   *lab.Lab
	Vigil string
	Dir   string
	// Agents are in the lab's host order.
	Agents []*Agent
	// Witness is the host that runs `vigil witness` (Options.Witness), or
	// nil.
	Witness *lab.Host
	// HeartbeatDir is the agents' cluster.heartbeat_dir
	// (Options.HeartbeatDir), or "".
	HeartbeatDir string

	opts    Options
	ownsDir bool
	mu      sync.Mutex
	byName  map[string]*Agent
}

// Build compiles the vigil binary into dir and returns its path. It must
// run inside the module's source tree (go test does).
func Build(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "vigil")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/vigil-ha/vigil/cmd/vigil")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/vigil: %v\n%s", err, out)
	}
	return bin, nil
}

// Start writes each host's config (checked with `vigil config check`),
// registers the agent as the host's boot service (started now and at every
// power on, with a new boot id) and waits until every agent sees every
// host healthy under one leader. The lab must come from LabOptions. On
// error the agents started are left to the lab's Close.
func Start(ctx context.Context, l *lab.Lab, opts Options) (*Cluster, error) {
	if opts.Vigil == "" {
		return nil, errors.New("agents: Options.Vigil: no vigil binary")
	}
	if opts.SensorsInterval == 0 {
		opts.SensorsInterval = 2 * time.Second
	}
	if opts.Ready == 0 {
		opts.Ready = 90 * time.Second
	}
	c := &Cluster{Lab: l, Vigil: opts.Vigil, Dir: opts.Dir, opts: opts, byName: map[string]*Agent{}}
	if c.Dir == "" {
		d, err := os.MkdirTemp("", "vigil-agents-")
		if err != nil {
			return nil, err
		}
		c.Dir, c.ownsDir = d, true
	}
	if err := c.writeConfigs(); err != nil {
		c.Close()
		return nil, err
	}
	if w := c.Witness; w != nil {
		cfg := filepath.Join(c.Dir, w.Name, "witness.yaml")
		if _, err := w.AddService("vigil-witness", func() *exec.Cmd {
			return w.Command(context.Background(), c.Vigil, "witness", "--config", cfg)
		}); err != nil {
			c.Close()
			return nil, fmt.Errorf("agents: start the witness on %s: %w", w.Name, err)
		}
	}
	for _, a := range c.Agents {
		if _, err := a.Host.AddService("vigil", func() *exec.Cmd {
			// A boot service: every power on is a new boot.
			if err := writeBootID(a); err != nil {
				c.logf("%s: %v", a.Host.Name, err)
			}
			return c.agentCmd(a)
		}); err != nil {
			c.Close()
			return nil, fmt.Errorf("agents: start %s's agent: %w", a.Host.Name, err)
		}
	}
	c.logf("agents: %d agents started, waiting for one leader and every host healthy", len(c.Agents))
	if err := c.WaitReady(ctx, opts.Ready); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// Close removes the directory Start made (the lab's Close stops the
// agents).
func (c *Cluster) Close() error {
	if c.ownsDir {
		return os.RemoveAll(c.Dir)
	}
	return nil
}

func (c *Cluster) logf(format string, args ...any) {
	if c.opts.Logf != nil {
		c.opts.Logf(format, args...)
	}
}

func writeBootID(a *Agent) error {
	// A fresh random UUID, as the kernel's boot_id is.
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	id := fmt.Sprintf("%x-%x-%x-%x-%x\n", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
	return os.WriteFile(a.BootIDFile, []byte(id), 0o644)
}

// writeConfigs writes the cluster's shared material (gossip key, CA) and
// one config per host.
func (c *Cluster) writeConfigs() error {
	l := c.Lab
	key := make([]byte, 32)
	for i := range key {
		key[i] = byte(i * 7)
	}
	gossipKey := filepath.Join(c.Dir, "gossip.key")
	if err := os.WriteFile(gossipKey, []byte(base64.StdEncoding.EncodeToString(key)+"\n"), 0o600); err != nil {
		return err
	}
	caDir := filepath.Join(c.Dir, "pki")
	if err := os.MkdirAll(caDir, 0o700); err != nil {
		return err
	}
	ca, err := pkitest.NewCAIn(caDir, "lab cluster CA")
	if err != nil {
		return fmt.Errorf("agents: cluster CA: %w", err)
	}
	if len(l.Hosts) == 0 || l.Hosts[0].BMC == nil {
		return errors.New("agents: the lab has no hosts with BMCs")
	}
	fence, err := fenceSection(l)
	if err != nil {
		return err
	}
	hosts := l.Hosts
	witnessKey := ""
	if c.opts.Witness {
		if len(hosts) < 3 {
			return fmt.Errorf("agents: a witness needs a lab of at least 3 hosts, not %d", len(hosts))
		}
		hosts = hosts[:len(hosts)-1]
		c.Witness = l.Hosts[len(l.Hosts)-1]
		witnessKey = fmt.Sprintf("  witness: %s:7947\n", c.Witness.MgmtIP)
	}
	if c.opts.HeartbeatDir {
		c.HeartbeatDir = filepath.Join(c.Dir, "heartbeats")
		if err := os.MkdirAll(c.HeartbeatDir, 0o755); err != nil {
			return err
		}
		witnessKey += "  heartbeat_dir: " + c.HeartbeatDir + "\n"
	}
	var names, mgmt []string
	for _, h := range hosts {
		names = append(names, h.Name)
		mgmt = append(mgmt, h.MgmtIP.String())
	}
	bootstrap, bootHosts := names, hosts
	if k := c.opts.Bootstrap; k > 0 && k < len(names) {
		bootstrap, bootHosts = names[:k:k], hosts[:k]
	}
	if c.Witness != nil {
		if err := c.writeWitnessConfig(ca, bootHosts); err != nil {
			return err
		}
		bootstrap = append(bootstrap, witness.DefaultID)
	}
	for _, h := range hosts {
		tlsFiles, err := ca.WriteFor(h.Name, h.MgmtIP.AsSlice())
		if err != nil {
			return fmt.Errorf("agents: %s's certificate: %w", h.Name, err)
		}
		bmc, err := bmcSection(h)
		if err != nil {
			return err
		}
		hdir := filepath.Join(c.Dir, h.Name)
		if err := os.MkdirAll(hdir, 0o700); err != nil {
			return err
		}
		a := &Agent{Host: h, Config: filepath.Join(hdir, "vigil.yaml"), Socket: filepath.Join(h.StateDir, "vigil.sock"),
			BootIDFile: filepath.Join(hdir, "boot_id")}
		watchdogKeys := "  device: none\n"
		if c.opts.Watchdog > 0 && (len(c.opts.WatchdogHosts) == 0 || slices.Contains(c.opts.WatchdogHosts, h.Name)) {
			w, err := h.StartWatchdog(filepath.Join(hdir, "watchdog"))
			if err != nil {
				return err
			}
			a.Watchdog = w
			watchdogKeys = fmt.Sprintf("  device: %s\n  timeout: %s\n", w.Path, c.opts.Watchdog)
		}
		topKeys := ""
		fabric := c.opts.Fabric
		if c.opts.FabricFor != nil {
			fabric = c.opts.FabricFor(h)
		}
		if fabric != "" {
			f := filepath.Join(hdir, "fabric.yaml")
			if err := os.WriteFile(f, []byte(fabric), 0o644); err != nil {
				return err
			}
			topKeys = "fabric_file: " + f + "\n"
		}
		if c.opts.Metrics {
			listen := net.JoinHostPort(h.MgmtIP.String(), strconv.Itoa(MetricsPort))
			a.MetricsURL = "http://" + listen + "/metrics"
			topKeys += "metrics:\n  listen: " + listen + "\n"
		}
		cfg := fmt.Sprintf(`version: 1
host: %[1]s
state_dir: %[2]s/vigil
boot_id_file: %[3]s
socket: %[4]s
addresses:
  management: %[5]s
  migration: %[6]s
bmc:
%[7]sfence:
%[8]scluster:
  name: lab
  join: [%[9]s]
  bootstrap: [%[10]s]
  gossip_key_file: %[11]s
  tls: {ca_file: %[12]s, cert_file: %[13]s, key_file: %[14]s}
%[19]swatchdog:
%[18]ssensors:
  interval: %[15]s
vms:
  run_dir: %[2]s/vms
  accel: tcg
  vcpus: 16   # the lab's hosts share the machine's CPUs: overcommit them
timing:
  profile: %[17]s
log:
  level: info
%[16]s`, h.Name, h.StateDir, a.BootIDFile, a.Socket, h.MgmtIP, h.MigIP, bmc, fence,
			strings.Join(mgmt, ", "), strings.Join(bootstrap, ", "), gossipKey, tlsFiles.CAFile, tlsFiles.CertFile, tlsFiles.KeyFile,
			c.opts.SensorsInterval, topKeys, cmp.Or(c.opts.Profile, Profile), watchdogKeys, witnessKey)
		if err := os.WriteFile(a.Config, []byte(cfg), 0o644); err != nil {
			return err
		}
		if out, err := exec.Command(c.Vigil, "config", "check", "--config", a.Config).CombinedOutput(); err != nil {
			return fmt.Errorf("agents: vigil config check %s: %v\n%s", h.Name, err, out)
		}
		c.Agents = append(c.Agents, a)
		c.byName[h.Name] = a
	}
	return nil
}

// writeWitnessConfig writes the config of `vigil witness` on c.Witness:
// one cluster, bootstrapped with the hosts given, its state on disk beside the
// configs (a witness keeps its disk across a power cut).
func (c *Cluster) writeWitnessConfig(ca *pkitest.CA, hosts []*lab.Host) error {
	w := c.Witness
	tlsFiles, err := ca.WriteFor(witness.DefaultID, w.MgmtIP.AsSlice())
	if err != nil {
		return fmt.Errorf("agents: the witness's certificate: %w", err)
	}
	dir := filepath.Join(c.Dir, w.Name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	var boot strings.Builder
	for _, h := range hosts {
		fmt.Fprintf(&boot, "      - {id: %s, address: \"%s:7947\"}\n", h.Name, h.MgmtIP)
	}
	fmt.Fprintf(&boot, "      - {id: %s, address: \"%s:7947\"}\n", witness.DefaultID, w.MgmtIP)
	cfg := fmt.Sprintf(`version: 1
state_dir: %s
clusters:
  - name: lab
    raft_address: "%s:7947"
    bootstrap:
%s    tls: {ca_file: %s, cert_file: %s, key_file: %s}
`, filepath.Join(dir, "state"), w.MgmtIP, boot.String(), tlsFiles.CAFile, tlsFiles.CertFile, tlsFiles.KeyFile)
	return os.WriteFile(filepath.Join(dir, "witness.yaml"), []byte(cfg), 0o644)
}

// bmcSection is the bmc: section of h's config (indented): its own BMC,
// where its agent reads its sensors and writes its decisions into the log
// (IPMI: the OPERATOR account, as Add SEL Entry needs; Redfish: the
// simulator's administrator).
func bmcSection(h *lab.Host) (string, error) {
	role := lab.User
	if h.BMC.IPMI != nil {
		role = lab.Operator
	}
	user, pw, err := h.BMC.Credentials(role)
	if err != nil {
		return "", err
	}
	switch {
	case h.BMC.IPMI != nil:
		return fmt.Sprintf("  ipmi: %s\n  user: %s\n  password_file: %s\n  cipher_suite: 3\n  timeout: 2s\n", h.BMC.Addr(), user, pw), nil
	case h.BMC.Redfish != nil:
		ca, err := h.BMC.Redfish.CAFile()
		if err != nil {
			return "", fmt.Errorf("agents: %s's BMC CA: %w", h.Name, err)
		}
		return fmt.Sprintf("  redfish: %s\n  user: %s\n  password_file: %s\n  ca_file: %s\n  timeout: 5s\n", h.BMC.URL, user, pw, ca), nil
	}
	return "", fmt.Errorf("agents: %s has no BMC", h.Name)
}

// fenceSection is the fence: section every host shares: the OPERATOR
// account the lab's BMCs share; for Redfish, every BMC's CA in one file.
func fenceSection(l *lab.Lab) (string, error) {
	user, pw, err := l.Hosts[0].BMC.Credentials(lab.Operator)
	if err != nil {
		return "", err
	}
	if l.Hosts[0].BMC.IPMI != nil {
		return fmt.Sprintf("  user: %s\n  password_file: %s\n  cipher_suite: 3\n  timeout: 5s\n", user, pw), nil
	}
	var pems []byte
	for _, h := range l.Hosts {
		if h.BMC.Redfish == nil {
			return "", fmt.Errorf("agents: %s's BMC is not Redfish like %s's", h.Name, l.Hosts[0].Name)
		}
		pems = append(pems, h.BMC.Redfish.CAPEM()...)
	}
	caFile := filepath.Join(l.Dir, "fence-ca.pem")
	if err := os.WriteFile(caFile, pems, 0o644); err != nil {
		return "", err
	}
	return fmt.Sprintf("  user: %s\n  password_file: %s\n  ca_file: %s\n  timeout: 10s\n", user, pw, caFile), nil
}

// Agent returns the agent of the host named name, or nil.
func (c *Cluster) Agent(name string) *Agent {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byName[name]
}

// agentCmd is the command of a's agent, in its host's namespace. The lab
// never arms a watchdog (VIGIL_NO_WATCHDOG=1 makes the agent refuse to).
func (c *Cluster) agentCmd(a *Agent) *exec.Cmd {
	cmd := a.Host.Command(context.Background(), c.Vigil, "agent", "--config", a.Config)
	cmd.Env = append(append(os.Environ(), "VIGIL_NO_WATCHDOG=1"), c.opts.Env...)
	return cmd
}

// agentProc is the running process of h's agent, or nil.
func agentProc(h *lab.Host) *lab.Proc {
	if p := h.Service("vigil"); p != nil && p.Alive() {
		return p
	}
	var found *lab.Proc
	for _, q := range h.Procs() {
		if q.Name == "vigil" && q.Alive() {
			found = q
		}
	}
	return found
}

// StopAgent stops the agent of host with sig (SIGTERM: a clean stop,
// SIGKILL: a crash) and waits until it exited. Its VMs keep running.
func (c *Cluster) StopAgent(ctx context.Context, host string, sig syscall.Signal) error {
	a := c.Agent(host)
	if a == nil {
		return fmt.Errorf("agents: no host %s", host)
	}
	p := agentProc(a.Host)
	if p == nil {
		return fmt.Errorf("agents: %s runs no agent", host)
	}
	if err := p.Signal(sig); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	select {
	case <-p.Done():
		return nil
	case <-ctx.Done():
		return fmt.Errorf("agents: %s's agent still runs 30 s after %v", host, sig)
	}
}

// StartAgent starts host's agent again after StopAgent, with the same
// boot id (an agent restart, not a reboot).
func (c *Cluster) StartAgent(host string) error {
	a := c.Agent(host)
	if a == nil {
		return fmt.Errorf("agents: no host %s", host)
	}
	_, err := a.Host.StartCmd("vigil", c.agentCmd(a))
	return err
}

// RestartAgent stops host's agent with sig and starts it again after
// pause.
func (c *Cluster) RestartAgent(ctx context.Context, host string, sig syscall.Signal, pause time.Duration) error {
	if err := c.StopAgent(ctx, host, sig); err != nil {
		return err
	}
	select {
	case <-time.After(pause):
	case <-ctx.Done():
		return ctx.Err()
	}
	return c.StartAgent(host)
}

// Run runs the vigil CLI with args and returns its stdout; its stderr is
// in the error.
func (c *Cluster) Run(ctx context.Context, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, c.Vigil, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("vigil %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}

// RunOn runs `vigil ARGS --socket SOCKET` against host's agent.
func (c *Cluster) RunOn(ctx context.Context, host string, args ...string) ([]byte, error) {
	a := c.Agent(host)
	if a == nil {
		return nil, fmt.Errorf("agents: no host %s", host)
	}
	return c.Run(ctx, append(args, "--socket", a.Socket)...)
}

// Status is `vigil status --json` from host's agent.
func (c *Cluster) Status(ctx context.Context, host string) (localapi.Status, error) {
	var st localapi.Status
	out, err := c.RunOn(ctx, host, "status", "--json")
	if err == nil {
		err = json.Unmarshal(out, &st)
	}
	return st, err
}

// Events is `vigil events --json` from host's agent: its audit log, less
// the copies of its peers' decisions (IsCopy), so that the union over the
// hosts holds each event once.
func (c *Cluster) Events(ctx context.Context, host string) ([]localapi.Event, error) {
	evs, err := c.AllEvents(ctx, host)
	return slices.DeleteFunc(evs, IsCopy), err
}

// AllEvents is `vigil events --json` from host's agent: its whole audit
// log, copies of its peers' decisions included.
func (c *Cluster) AllEvents(ctx context.Context, host string) ([]localapi.Event, error) {
	var evs []localapi.Event
	out, err := c.RunOn(ctx, host, "events", "--json")
	if err == nil {
		err = json.Unmarshal(out, &evs)
	}
	return evs, err
}

// IsCopy reports whether ev is an agent's copy of a decision a peer
// recorded (its evidence names the recorder: clusterhost.CopiedFrom).
func IsCopy(ev localapi.Event) bool {
	var e map[string]json.RawMessage
	_ = json.Unmarshal(ev.Evidence, &e)
	_, ok := e[clusterhost.CopiedFrom]
	return ok
}

// VMs is `vigil vm list --json` from host's agent.
func (c *Cluster) VMs(ctx context.Context, host string) ([]localapi.VM, error) {
	var vms []localapi.VM
	out, err := c.RunOn(ctx, host, "vm", "list", "--json")
	if err == nil {
		err = json.Unmarshal(out, &vms)
	}
	return vms, err
}

// Poll calls cond every interval until it returns true, limit passes
// (an error naming what) or ctx ends.
func Poll(ctx context.Context, what string, limit, interval time.Duration, cond func() bool) error {
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out after %v waiting for %s", limit, what)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", what, ctx.Err())
		case <-time.After(interval):
		}
	}
	return nil
}

// WaitReady waits until every powered-on host's agent sees every host of
// the lab healthy under one leader with quorum.
func (c *Cluster) WaitReady(ctx context.Context, limit time.Duration) error {
	n := len(c.Agents)
	return Poll(ctx, "every agent to see every host healthy under one leader", limit, 100*time.Millisecond, func() bool {
		var leader string
		for _, a := range c.Agents {
			st, err := c.Status(ctx, a.Host.Name)
			if err != nil || st.Leader == nil || !st.Quorum || len(st.Hosts) != n {
				return false
			}
			if leader != "" && *st.Leader != leader {
				return false
			}
			leader = *st.Leader
			for _, hs := range st.Hosts {
				if hs.State != "healthy" {
					return false
				}
			}
		}
		return true
	})
}

// Leader is the leader as host's agent sees it ("" without one).
func (c *Cluster) Leader(ctx context.Context, host string) string {
	st, err := c.Status(ctx, host)
	if err != nil || st.Leader == nil {
		return ""
	}
	return *st.Leader
}

// A lab test guest's size and recovery budget (its VM file's memory_mib
// and ha.rto; one vCPU).
const (
	GuestMemoryMiB = 64
	GuestRTO       = 30 * time.Second
)

// VMFile writes the VM file (CLI.md) of a lab test guest named name
// booting kernel (guest.Build) and returns its path.
func (c *Cluster) VMFile(name, kernel string, priority int) (string, error) {
	f := filepath.Join(c.Dir, name+".yaml")
	nics := ""
	if c.opts.GuestBridge != "" {
		nics = fmt.Sprintf("nics:\n  - mac: %q\n    bridge: %s\n", GuestMAC(name), c.opts.GuestBridge)
	}
	vm := fmt.Sprintf(`version: 1
name: %s
vcpus: 1
memory_mib: %d
%sha:
  priority: %d
  rto: %s
extra: ["-kernel", "%s", "-append", "id=%s dirty=0 fill=0"]
`, name, GuestMemoryMiB, nics, priority, GuestRTO, kernel, name)
	return f, os.WriteFile(f, []byte(vm), 0o644)
}

// GuestMAC is the MAC of test guest name's NIC (Options.GuestBridge): a
// locally administered QEMU-style address derived from the name.
func GuestMAC(name string) string {
	var h uint32 = 2166136261
	for _, c := range []byte(name) {
		h ^= uint32(c)
		h *= 16777619
	}
	return fmt.Sprintf("52:54:00:%02x:%02x:%02x", byte(h>>16), byte(h>>8), byte(h))
}

// CreateGuests creates the test guests names through `vigil vm create` on
// via's agent (priorities falling from 100 in order) and waits until each
// runs once, on the host the cluster placed it on; it returns where.
func (c *Cluster) CreateGuests(ctx context.Context, via string, names []string, limit time.Duration) (map[string]string, error) {
	kctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	kernel, err := guest.Build(kctx)
	cancel()
	if err != nil {
		return nil, err
	}
	for i, name := range names {
		f, err := c.VMFile(name, kernel, 100-i)
		if err != nil {
			return nil, err
		}
		if err := c.createVM(ctx, via, f); err != nil {
			return nil, err
		}
	}
	where := map[string]string{}
	err = Poll(ctx, "every VM running once where the cluster placed it", limit, 100*time.Millisecond, func() bool {
		st, err := c.Status(ctx, via)
		if err != nil {
			return false
		}
		got := map[string]string{}
		for _, v := range st.VMs {
			got[v.Name] = v.Host
		}
		for _, name := range names {
			hosts := c.Lab.VMHosts(name)
			if got[name] == "" || len(hosts) != 1 || hosts[0].Name != got[name] {
				return false
			}
		}
		for _, name := range names {
			where[name] = got[name]
		}
		return true
	})
	return where, err
}

// createVM runs `vigil vm create -f file` on via's agent. A create whose
// outcome the cluster could not tell (a leadership lost while committing,
// which a loaded machine sees at the cluster's start) is asked again; that
// the VM then already exists means the first one was committed.
func (c *Cluster) createVM(ctx context.Context, via, file string) error {
	for try := 0; ; try++ {
		_, err := c.RunOn(ctx, via, "vm", "create", "-f", file)
		switch {
		case err == nil:
			return nil
		case try > 0 && strings.Contains(err.Error(), "already exists"):
			return nil
		case try < 10 && strings.Contains(err.Error(), "cluster unavailable"):
			c.logf("agents: vm create -f %s: %v; asking again", file, err)
			select {
			case <-ctx.Done():
				return err
			case <-time.After(time.Second):
			}
		default:
			return err
		}
	}
}

// SerialLog is where host's agent has QEMU write vm's serial output.
func (c *Cluster) SerialLog(host *lab.Host, vm string) string {
	return filepath.Join(host.StateDir, "vms", vm, "serial.log")
}

// Heartbeats returns vm's heartbeats in its serial log on host, oldest
// first (none when it never ran there).
func (c *Cluster) Heartbeats(host *lab.Host, vm string) []guest.Heartbeat {
	b, err := os.ReadFile(c.SerialLog(host, vm))
	if err != nil {
		return nil
	}
	var out []guest.Heartbeat
	for line := range strings.SplitSeq(string(b), "\n") {
		if hb, ok := guest.ParseHeartbeat(line); ok && hb.ID == vm {
			out = append(out, hb)
		}
	}
	return out
}

// LastHeartbeat is vm's newest heartbeat on host.
func (c *Cluster) LastHeartbeat(host *lab.Host, vm string) (guest.Heartbeat, bool) {
	hbs := c.Heartbeats(host, vm)
	if len(hbs) == 0 {
		return guest.Heartbeat{}, false
	}
	return hbs[len(hbs)-1], true
}

// Logs returns the last max bytes of every agent log of every host
// (each start of an agent writes its own log file), for a failure report.
func (c *Cluster) Logs(max int) string {
	var b strings.Builder
	hosts := make([]*lab.Host, 0, len(c.Agents)+1)
	for _, a := range c.Agents {
		hosts = append(hosts, a.Host)
	}
	if c.Witness != nil {
		hosts = append(hosts, c.Witness)
	}
	for _, h := range hosts {
		logs, _ := filepath.Glob(filepath.Join(h.LogDir, "vigil*.log"))
		slices.Sort(logs)
		for _, f := range logs {
			raw, _ := os.ReadFile(f)
			if len(raw) > max {
				raw = raw[len(raw)-max:]
			}
			fmt.Fprintf(&b, "%s:\n%s\n", f, raw)
		}
	}
	return b.String()
}
