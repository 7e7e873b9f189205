package lab

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/vishvananda/netns"

	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// BMCKind selects the BMC simulator that fronts every host of a lab.
type BMCKind int

const (
	// IPMI fronts each host with a real ipmi_sim (package ipmisim), on UDP
	// port 623 of the host's BMC address. It is the default.
	IPMI BMCKind = iota
	// Redfish fronts each host with the Go Redfish simulator (package
	// redfishsim), on HTTPS port 443 of the host's BMC address.
	Redfish
	// NoBMC starts no BMC: the lab's own power methods still work.
	NoBMC
)

func (k BMCKind) String() string {
	switch k {
	case IPMI:
		return "ipmi"
	case Redfish:
		return "redfish"
	case NoBMC:
		return "none"
	}
	return fmt.Sprintf("BMCKind(%d)", int(k))
}

// Options shape a lab. The zero value is one host with an IPMI BMC.
type Options struct {
	// Hosts is the number of simulated hosts (1 to 50); 0 means 1.
	Hosts int
	// BMC selects the simulator behind every host (IPMI by default).
	BMC BMCKind
	// Name is a short label used in host names and logs ("lab" if empty).
	// Host names are "<Name><lab index>-h<i>", unique among all labs alive
	// on the machine.
	Name string
	// RedfishMockup, with BMC=Redfish, is a DMTF mockup directory the
	// simulators serve (see redfishsim.Config.Mockup).
	RedfishMockup string
	// RedfishExternalLog gives each Redfish BMC a log service that takes
	// entries from clients (redfishsim.Config.ExternalLog), where vigil
	// writes its decisions.
	RedfishExternalLog bool
	// PowerDelay is how long a BMC takes from a power-off request to the
	// power really going off (ipmisim OffDelay, redfishsim ResetDelay;
	// Redfish power-on waits as long). 0 keeps the simulators' defaults
	// (IPMI at once, Redfish 2 s); negative means at once for both.
	PowerDelay time.Duration
	// BMCPasswords fixes IPMI accounts' passwords on every BMC (see
	// ipmisim.Config.Passwords): agents fence their peers with one
	// account. Redfish BMCs take only the Operator entry: an Operator
	// account RedfishFenceUser with that password. Empty: each BMC's
	// passwords are random.
	BMCPasswords map[ipmisim.Role]string
	// IPMIAutoRestart, when positive, restarts a crashed ipmi_sim after
	// this long (ipmisim.Config.AutoRestart; cipher suite 2 crashes it).
	// 0 leaves a crashed BMC dead until BMC.IPMI.Restart.
	IPMIAutoRestart time.Duration
	// Logf receives the lab's progress lines (t.Logf in tests); nil is quiet.
	Logf func(format string, args ...any)
}

// Lab is a set of simulated hosts on one machine. Create it with Start (or
// New in tests) and always Close it.
type Lab struct {
	// Index is this lab's number on the machine (1..250); it picks the
	// subnets 10.213.<Index>.0/24 (management) and 10.214.<Index>.0/24
	// (migration) and the namespace names.
	Index int
	// Dir is the lab's private state directory (/run/vigil-lab/<Index>).
	Dir string
	// SharedDir is seen by every host (namespaces share the filesystem):
	// put VM disks here. It is on disk (/var/tmp/vigil-lab/<Index>), so
	// O_DIRECT works, and removed at Close.
	SharedDir string
	// Hosts are the simulated hosts, in order.
	Hosts []*Host
	// MgmtNet and MigNet are the two lab subnets.
	MgmtNet, MigNet netip.Prefix
	// GatewayIP is the test process's address on the management network
	// (a veth from the root namespace into the switch's management bridge).
	GatewayIP netip.Addr

	opts   Options
	sw     netns.NsHandle // the switch namespace
	swName string
	rootIf string // the root namespace's veth into the management bridge
	power  *powerServer

	closeOnce sync.Once
	closeErr  error
	mu        sync.Mutex
	closed    bool
	cleanups  []func() error // run in reverse at Close
	vmw       *vmWatcher
	fwMu      sync.Mutex
	logMu     sync.Mutex
	fw        firewall
	bmcDown   map[netip.Addr]bool
}

const (
	runRoot    = "/run/vigil-lab"
	sharedRoot = "/var/tmp/vigil-lab"
	maxIndex   = 250
	maxHosts   = 50
)

func (l *Lab) logf(format string, args ...any) {
	l.logMu.Lock()
	defer l.logMu.Unlock()
	if l.opts.Logf != nil {
		l.opts.Logf("lab %d: "+format, append([]any{l.Index}, args...)...)
	}
}

// quiet stops logging (a test's t.Logf must not be called after it ends).
func (l *Lab) quiet() {
	l.logMu.Lock()
	l.opts.Logf = nil
	l.logMu.Unlock()
}

// Start brings up a lab: it sweeps leftovers of dead earlier labs, claims a
// free lab index, builds the namespaces and networks, starts one BMC per host
// and powers every host on. On error everything built so far is torn down.
func Start(ctx context.Context, opts Options) (*Lab, error) {
	if err := Check(opts); err != nil {
		return nil, err
	}
	if opts.Hosts == 0 {
		opts.Hosts = 1
	}
	if opts.Hosts < 0 || opts.Hosts > maxHosts {
		return nil, fmt.Errorf("lab: Options.Hosts = %d, want 1..%d", opts.Hosts, maxHosts)
	}
	if opts.Name == "" {
		opts.Name = "lab"
	}
	if !validName(opts.Name) {
		return nil, fmt.Errorf("lab: Options.Name %q: want 1 to 6 characters of [a-z0-9]", opts.Name)
	}
	l := &Lab{opts: opts}
	if err := l.claim(); err != nil {
		return nil, err
	}
	if err := l.build(ctx); err != nil {
		_ = l.Close()
		return nil, err
	}
	return l, nil
}

func validName(s string) bool {
	if len(s) == 0 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// build creates everything after the index is claimed.
func (l *Lab) build(ctx context.Context) error {
	t0 := time.Now()
	// VM disks want a disk-backed filesystem (QEMU's cache=none needs
	// O_DIRECT, which tmpfs lacks; /run often is tmpfs).
	l.SharedDir = sharedDir(l.Index)
	if err := os.RemoveAll(l.SharedDir); err != nil {
		return fmt.Errorf("lab: %w", err)
	}
	if err := os.MkdirAll(l.SharedDir, 0o755); err != nil {
		return fmt.Errorf("lab: %w", err)
	}
	if err := l.buildNetwork(); err != nil {
		return err
	}
	l.logf("network with %d hosts in %v", len(l.Hosts), time.Since(t0).Round(time.Millisecond))
	for _, h := range l.Hosts {
		if err := h.setupDisk(); err != nil {
			return err
		}
	}
	if err := l.startBMCs(ctx); err != nil {
		return err
	}
	for _, h := range l.Hosts {
		h.mu.Lock()
		h.on = true
		h.mu.Unlock()
	}
	l.logf("up in %v (%s BMCs)", time.Since(t0).Round(time.Millisecond), l.opts.BMC)
	return nil
}

// hostByName returns the host with the given name, or nil.
func (l *Lab) hostByName(name string) *Host {
	for _, h := range l.Hosts {
		if h.Name == name {
			return h
		}
	}
	return nil
}

// Close tears everything down: processes on every host, BMCs, firewall and
// traffic-control state, mounts, namespaces, veths and the state directory.
// It is safe to call more than once; later calls return the first result.
func (l *Lab) Close() error {
	l.closeOnce.Do(func() {
		l.mu.Lock()
		l.closed = true
		cleanups := l.cleanups
		l.cleanups = nil
		l.mu.Unlock()
		var errs []error
		// Hosts first: no service may restart while the rest goes away.
		for _, h := range l.Hosts {
			h.mu.Lock()
			h.on = false
			h.closed = true
			h.mu.Unlock()
		}
		for i := len(cleanups) - 1; i >= 0; i-- {
			if err := cleanups[i](); err != nil {
				errs = append(errs, err)
			}
		}
		for _, h := range l.Hosts {
			if err := h.killAll(5 * time.Second); err != nil {
				errs = append(errs, err)
			}
		}
		if l.Index != 0 {
			// Under the lock: a concurrent Start must not claim the
			// index while its directory is being removed.
			unlock, err := lockRun()
			if err != nil {
				errs = append(errs, err)
			} else {
				if err := sweepIndex(l.Index, true); err != nil {
					errs = append(errs, err)
				}
				unlock()
			}
		}
		for _, h := range l.Hosts {
			if h.ns.IsOpen() {
				h.ns.Close()
			}
		}
		if l.sw.IsOpen() {
			l.sw.Close()
		}
		if len(errs) > 0 {
			l.closeErr = fmt.Errorf("lab %d: teardown: %w", l.Index, errors.Join(errs...))
		}
		l.logf("closed")
	})
	return l.closeErr
}

// onClose registers a teardown step; steps run in reverse order at Close.
func (l *Lab) onClose(fn func() error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.cleanups = append(l.cleanups, fn)
}

// nsName is the name of a lab namespace: "vlab<index>-<suffix>".
func nsName(index int, suffix string) string {
	return fmt.Sprintf("vlab%d-%s", index, suffix)
}

func nsPrefix(index int) string { return fmt.Sprintf("vlab%d-", index) }

// Check reports why a lab with these options cannot run here (not root, a
// tool missing), or nil. New skips tests with this reason.
func Check(opts Options) error {
	if os.Geteuid() != 0 {
		return errors.New("lab: needs root (network namespaces, veths, nftables)")
	}
	tools := []string{"nsenter", "nft", "tc", "bash"}
	if opts.BMC == IPMI {
		tools = append(tools, "ipmi_sim", "sdrcomp", "setsid", "flock")
	}
	var missing []string
	for _, tool := range tools {
		if _, err := lookPath(tool); err != nil {
			missing = append(missing, tool)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("lab: missing tools %s (run test/deps.sh)", strings.Join(missing, ", "))
	}
	if _, err := os.Stat("/proc/self/ns/net"); err != nil {
		return fmt.Errorf("lab: no network namespaces: %w", err)
	}
	return nil
}
