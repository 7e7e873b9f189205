package lab

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/test/lab/ipmisim"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// BMC is a host's baseboard management controller: a simulator running in
// the test process's namespace on its own address of the management
// network, so the test process, ipmitool, fence agents and every host reach
// it by plain IP. Its power control really powers the host off and on.
type BMC struct {
	// Kind is IPMI, Redfish or NoBMC.
	Kind BMCKind
	// IP is the BMC's address (10.213.<lab>.<100+i>).
	IP netip.Addr
	// Port is 623 (IPMI, UDP) or 443 (Redfish, HTTPS).
	Port int
	// URL is the Redfish service URL ("https://10.213.3.101"); empty for IPMI.
	URL string
	// IPMI is the simulator when Kind is IPMI (sensor tables, console,
	// crash handling: see package ipmisim).
	IPMI *ipmisim.Sim
	// Redfish is the simulator when Kind is Redfish (TLS CA, events,
	// malformed replies: see package redfishsim).
	Redfish *redfishsim.Sim

	host *Host
	ln   net.Listener
	dir  string
}

// Addr is "IP:port".
func (b *BMC) Addr() string { return netip.AddrPortFrom(b.IP, uint16(b.Port)).String() }

// String describes the BMC for logs ("ipmi 10.213.3.101:623").
func (b *BMC) String() string { return b.Kind.String() + " " + b.Addr() }

// Role selects a BMC account.
type Role int

const (
	// Admin may do everything.
	Admin Role = iota
	// Operator may control power (enough for fencing).
	Operator
	// User may only read.
	User
)

// RedfishFenceUser is the Operator account a Redfish BMC gets when
// Options.BMCPasswords has an Operator password: the fence account its
// peers share.
const RedfishFenceUser = "fencer"

// Credentials returns the user name and a 0600 password file for an
// account of the BMC. A Redfish simulator has one administrator account
// every role maps to, except Operator when Options.BMCPasswords fixes its
// password: then RedfishFenceUser.
func (b *BMC) Credentials(r Role) (user, passwordFile string, err error) {
	switch {
	case b.IPMI != nil:
		role := map[Role]ipmisim.Role{Admin: ipmisim.Admin, Operator: ipmisim.Operator, User: ipmisim.User}[r]
		user, passwordFile = b.IPMI.User(role)
		return user, passwordFile, nil
	case b.Redfish != nil:
		if _, shared := b.host.lab.opts.BMCPasswords[ipmisim.Operator]; shared && r == Operator {
			passwordFile, err = b.Redfish.WritePasswordFileFor(RedfishFenceUser)
			if err != nil {
				return "", "", fmt.Errorf("lab: %s BMC: %w", b.host.Name, err)
			}
			return RedfishFenceUser, passwordFile, nil
		}
		user, _ = b.Redfish.Credentials()
		passwordFile, err = b.Redfish.WritePasswordFile()
		if err != nil {
			return "", "", fmt.Errorf("lab: %s BMC: %w", b.host.Name, err)
		}
		return user, passwordFile, nil
	}
	return "", "", fmt.Errorf("lab: %s has no BMC", b.host.Name)
}

func (l *Lab) startBMCs(ctx context.Context) error {
	if l.opts.BMC == NoBMC {
		return nil
	}
	if l.opts.BMC == IPMI {
		ps, err := l.startPowerServer()
		if err != nil {
			return err
		}
		l.power = ps
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	errs := make([]error, len(l.Hosts))
	var wg sync.WaitGroup
	for i, h := range l.Hosts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = h.BMC.start(ctx)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (b *BMC) start(ctx context.Context) error {
	h := b.host
	l := h.lab
	b.dir = filepath.Join(l.Dir, "hosts", h.Name, "bmc")
	switch b.Kind {
	case IPMI:
		b.Port = 623
		sim, err := ipmisim.Start(ctx, ipmisim.Config{
			Dir:         b.dir,
			Name:        h.Name,
			Addr:        b.IP.String(),
			Port:        b.Port,
			OffDelay:    max(l.opts.PowerDelay, 0),
			AutoRestart: l.opts.IPMIAutoRestart,
			OnPowerOff:  l.power.hook(h.Index, "off"),
			OnPowerOn:   l.power.hook(h.Index, "on"),
			Passwords:   l.opts.BMCPasswords,
		})
		if err != nil {
			return fmt.Errorf("lab: %s: BMC: %w", h.Name, err)
		}
		b.IPMI = sim
		l.onClose(sim.Close)
		return nil
	case Redfish:
		b.Port = 443
		if err := os.MkdirAll(b.dir, 0o700); err != nil {
			return fmt.Errorf("lab: %s: BMC: %w", h.Name, err)
		}
		var accounts []redfishsim.Account
		if pw, ok := l.opts.BMCPasswords[ipmisim.Operator]; ok {
			accounts = append(accounts, redfishsim.Account{User: RedfishFenceUser, Password: pw, Role: "Operator"})
		}
		sim, err := redfishsim.New(redfishsim.Config{
			Accounts:    accounts,
			Dir:         b.dir,
			Mockup:      l.opts.RedfishMockup,
			ExternalLog: l.opts.RedfishExternalLog,
			TLSHosts:    []string{b.IP.String()},
			ResetDelay:  l.opts.PowerDelay,
			OnPower: func(on bool) {
				var err error
				if on {
					err = h.powerOn()
				} else {
					err = h.powerOff()
				}
				if err != nil {
					l.logf("%s: BMC power hook: %v", h.Name, err)
				}
			},
		})
		if err != nil {
			return fmt.Errorf("lab: %s: BMC: %w", h.Name, err)
		}
		ln, err := net.Listen("tcp", b.Addr())
		if err != nil {
			_ = sim.Close()
			return fmt.Errorf("lab: %s: BMC listener: %w", h.Name, err)
		}
		b.Redfish, b.ln = sim, ln
		go func() { _ = sim.Serve(ln) }()
		b.URL = "https://" + b.IP.String()
		l.onClose(func() error {
			err := sim.Close()
			ln.Close()
			return err
		})
		return nil
	}
	return fmt.Errorf("lab: unknown BMC kind %v", b.Kind)
}

func (b *BMC) need() error {
	if b.IPMI == nil && b.Redfish == nil {
		return fmt.Errorf("lab: %s has no BMC", b.host.Name)
	}
	return nil
}

// Power reports the power state the BMC reads.
func (b *BMC) Power() (on bool, err error) {
	if err := b.need(); err != nil {
		return false, err
	}
	if b.IPMI != nil {
		return b.IPMI.Power()
	}
	ps, err := b.Redfish.PowerState("")
	return ps == "On", err
}

// SetPower presses the BMC's power control from outside its protocol (as a
// technician would): the host really powers off or on.
// Equivalent to: `ipmitool chassis power on|off`.
func (b *BMC) SetPower(ctx context.Context, on bool) error {
	if err := b.need(); err != nil {
		return err
	}
	if b.IPMI != nil {
		return b.IPMI.SetPower(ctx, on)
	}
	return b.Redfish.SetPower("", on)
}

// SetSensor sets a threshold sensor's reading by name, with the names both
// simulators share: "CPU Temp", "Inlet Temp" (°C), "FAN1", "FAN2" (RPM),
// "12V" (volts).
func (b *BMC) SetSensor(ctx context.Context, name string, value float64) error {
	if err := b.need(); err != nil {
		return err
	}
	if b.IPMI != nil {
		return b.IPMI.SetSensor(ctx, name, value)
	}
	return b.Redfish.SetReading(name, value)
}

// FailFan makes fan n (1 or 2) stop: 0 RPM, below its critical threshold.
func (b *BMC) FailFan(ctx context.Context, n int) error {
	if err := b.need(); err != nil {
		return err
	}
	if b.IPMI != nil {
		return b.IPMI.FailFan(ctx, n)
	}
	return b.Redfish.FailFan(fmt.Sprintf("FAN%d", n))
}

// FailPSU makes power supply n (1 or 2) report a failure (and redundancy
// lost).
func (b *BMC) FailPSU(ctx context.Context, n int) error {
	if err := b.need(); err != nil {
		return err
	}
	if b.IPMI != nil {
		return b.IPMI.FailPSU(ctx, n)
	}
	return b.Redfish.FailPSU(fmt.Sprintf("PSU%d", n))
}

// RaiseECC logs one memory ECC error on the first DIMM, correctable or
// not: the IPMI BMC asserts the DIMM ECC sensor's offset (and writes a SEL
// entry); the Redfish BMC counts it in "DIMM A1"'s MemoryMetrics, sets its
// health and writes a SEL entry and event.
func (b *BMC) RaiseECC(ctx context.Context, correctable bool) error {
	if err := b.need(); err != nil {
		return err
	}
	if b.IPMI != nil {
		return b.IPMI.RaiseECC(ctx, correctable)
	}
	return b.Redfish.RaiseECC("DIMM A1", !correctable, 1)
}

// SetDown makes the BMC unreachable (down=true) from everywhere, the test
// process included, as a hung or unplugged BMC; the host keeps running.
// SetDown(false) brings it back.
func (b *BMC) SetDown(down bool) error {
	return b.host.lab.editRootFirewall(func(set map[netip.Addr]bool) {
		if down {
			set[b.IP] = true
		} else {
			delete(set, b.IP)
		}
	})
}

// CutPower cuts the host's power entirely: the host dies and its BMC goes
// down with it (unreachable). RestorePower brings the BMC back, reading
// power off; the host stays off until someone powers it on through the BMC.
func (h *Host) CutPower(ctx context.Context) error {
	var errs []error
	if h.BMC.Kind != NoBMC {
		errs = append(errs, h.BMC.SetDown(true))
		if err := h.BMC.need(); err == nil {
			// The BMC records the loss of power (for IPMI this runs
			// the power-off hook, which kills the host).
			if h.BMC.IPMI != nil {
				errs = append(errs, h.BMC.IPMI.SetPower(ctx, false))
			} else {
				errs = append(errs, h.BMC.Redfish.NotePower("", false))
			}
		}
	}
	errs = append(errs, h.powerOff())
	return errors.Join(errs...)
}

// RestorePower undoes CutPower: the BMC answers again and reads "off".
func (h *Host) RestorePower() error {
	if h.BMC.Kind == NoBMC {
		return nil
	}
	return h.BMC.SetDown(false)
}

// editRootFirewall changes the set of BMC addresses that the root
// namespace's table "vigillab<index>" drops on input (which also covers
// the test process's own traffic to them, through lo).
func (l *Lab) editRootFirewall(edit func(map[netip.Addr]bool)) error {
	l.fwMu.Lock()
	defer l.fwMu.Unlock()
	if l.bmcDown == nil {
		l.bmcDown = map[netip.Addr]bool{}
		// Mark the directory so a sweep after a crash deletes the table.
		if err := os.WriteFile(filepath.Join(l.Dir, "rootfw"), nil, 0o644); err != nil {
			return fmt.Errorf("lab: %w", err)
		}
	}
	edit(l.bmcDown)
	var addrs []string
	for a, on := range l.bmcDown {
		if on {
			addrs = append(addrs, a.String())
		}
	}
	sort.Strings(addrs)
	t := rootTable(l.Index)
	var b strings.Builder
	fmt.Fprintf(&b, "table inet %s\ndelete table inet %s\n", t, t)
	fmt.Fprintf(&b, "table inet %s {\n  chain bmcdown {\n    type filter hook input priority 0; policy accept;\n", t)
	if len(addrs) > 0 {
		fmt.Fprintf(&b, "    ip daddr { %s } drop\n", strings.Join(addrs, ", "))
	}
	b.WriteString("  }\n}\n")
	if err := runIn(context.Background(), "", b.String(), "nft", "-f", "-"); err != nil {
		return fmt.Errorf("lab %d: BMC firewall: %w", l.Index, err)
	}
	return nil
}

func rootTable(i int) string { return fmt.Sprintf("vigillab%d", i) }
