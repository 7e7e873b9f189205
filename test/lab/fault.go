package lab

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// Network selects one or both lab networks for a fault.
type Network int

const (
	// AllNets is both networks.
	AllNets Network = iota
	// MgmtNet is the management network (agents, BMCs).
	MgmtNet
	// MigNet is the migration network.
	MigNet
)

func (n Network) ifaces() []string {
	switch n {
	case MgmtNet:
		return []string{hostMgmtIf}
	case MigNet:
		return []string{hostMigIf}
	}
	return []string{hostMgmtIf, hostMigIf}
}

// firewall is the desired nftables state of the switch: partitions and
// loss are dropped by the "switch" namespace's bridges (nftables bridge
// family, forward hook), silently as a broken network would, so senders see
// timeouts rather than errors. Every change rewrites the table "vigillab"
// in one nft transaction.
type firewall struct {
	drop map[[2]netip.Addr]bool // (source, destination) pairs dropped
	loss map[string]float64     // switch port -> share of packets dropped each way
}

const nftTable = "vigillab"

func (fw *firewall) ruleset() string {
	var b strings.Builder
	fmt.Fprintf(&b, "table bridge %s\ndelete table bridge %s\n", nftTable, nftTable)
	fmt.Fprintf(&b, "table bridge %s {\n  chain lab {\n    type filter hook forward priority 0; policy accept;\n", nftTable)
	pairs := make([][2]netip.Addr, 0, len(fw.drop))
	for p := range fw.drop {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b [2]netip.Addr) int {
		if c := a[0].Compare(b[0]); c != 0 {
			return c
		}
		return a[1].Compare(b[1])
	})
	for _, p := range pairs {
		fmt.Fprintf(&b, "    ip saddr %s ip daddr %s drop\n", p[0], p[1])
	}
	ports := make([]string, 0, len(fw.loss))
	for p := range fw.loss {
		ports = append(ports, p)
	}
	slices.Sort(ports)
	for _, p := range ports {
		// numgen over 1e6 gives a resolution of one in a million.
		n := int(fw.loss[p]*1e6 + 0.5)
		fmt.Fprintf(&b, "    iifname %q numgen random mod 1000000 < %d drop\n", p, n)
		fmt.Fprintf(&b, "    oifname %q numgen random mod 1000000 < %d drop\n", p, n)
	}
	b.WriteString("  }\n}\n")
	return b.String()
}

// inNS runs a tool inside the host's namespace regardless of power state
// (network faults belong to the fabric, not to the host's software).
func (h *Host) inNS(ctx context.Context, stdin string, name string, args ...string) error {
	return runIn(ctx, h.NetnsPath, stdin, name, args...)
}

func runIn(ctx context.Context, nsPath, stdin, name string, args ...string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "nsenter", append([]string{"--net=" + nsPath, "--", name}, args...)...)
	if nsPath == "" { // the test process's own namespace
		cmd = exec.CommandContext(ctx, name, args...)
	}
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s in %s: %w: %s", name, strings.Join(args, " "), filepath.Base(nsPath), err, strings.TrimSpace(out.String()))
	}
	return nil
}

// editFirewall changes the switch's drop rules and applies them.
func (l *Lab) editFirewall(edit func(fw *firewall)) error {
	l.fwMu.Lock()
	defer l.fwMu.Unlock()
	if l.fw.drop == nil {
		l.fw = firewall{drop: map[[2]netip.Addr]bool{}, loss: map[string]float64{}}
	}
	edit(&l.fw)
	if err := runIn(context.Background(), netnsPath(l.swName), l.fw.ruleset(), "nft", "-f", "-"); err != nil {
		return fmt.Errorf("lab %d: switch firewall: %w", l.Index, err)
	}
	return nil
}

func hostAddrs(h *Host) []netip.Addr { return []netip.Addr{h.MgmtIP, h.MigIP} }

// Partition cuts all traffic between hosts a and b, both ways, on both
// networks. Heal or Unpartition restores it.
func (l *Lab) Partition(a, b *Host) error {
	return l.editFirewall(func(fw *firewall) {
		setPairs(fw, hostAddrs(a), hostAddrs(b), true)
		setPairs(fw, hostAddrs(b), hostAddrs(a), true)
	})
}

func setPairs(fw *firewall, from, to []netip.Addr, on bool) {
	for _, x := range from {
		for _, y := range to {
			if on {
				fw.drop[[2]netip.Addr{x, y}] = true
			} else {
				delete(fw.drop, [2]netip.Addr{x, y})
			}
		}
	}
}

// PartitionOneWay drops packets from host from to host to (both networks);
// packets from to to from still pass (TCP then fails both ways, UDP shows
// the asymmetry).
func (l *Lab) PartitionOneWay(from, to *Host) error {
	return l.editFirewall(func(fw *firewall) { setPairs(fw, hostAddrs(from), hostAddrs(to), true) })
}

// Unpartition restores traffic between a and b in both directions.
func (l *Lab) Unpartition(a, b *Host) error {
	return l.editFirewall(func(fw *firewall) {
		setPairs(fw, hostAddrs(a), hostAddrs(b), false)
		setPairs(fw, hostAddrs(b), hostAddrs(a), false)
	})
}

// Isolate partitions h from every other host (its BMC stays reachable).
func (l *Lab) Isolate(h *Host) error {
	return l.editFirewall(func(fw *firewall) {
		for _, o := range l.Hosts {
			if o != h {
				setPairs(fw, hostAddrs(h), hostAddrs(o), true)
				setPairs(fw, hostAddrs(o), hostAddrs(h), true)
			}
		}
	})
}

// PartitionBMC cuts traffic between host h and the BMC of host of (h itself
// or another host), both ways. The test process still reaches that BMC.
func (l *Lab) PartitionBMC(h, of *Host) error {
	return l.editFirewall(func(fw *firewall) {
		setPairs(fw, []netip.Addr{h.MgmtIP}, []netip.Addr{of.BMC.IP}, true)
		setPairs(fw, []netip.Addr{of.BMC.IP}, []netip.Addr{h.MgmtIP}, true)
	})
}

// UnpartitionBMC restores traffic between h and the BMC of host of.
func (l *Lab) UnpartitionBMC(h, of *Host) error {
	return l.editFirewall(func(fw *firewall) {
		setPairs(fw, []netip.Addr{h.MgmtIP}, []netip.Addr{of.BMC.IP}, false)
		setPairs(fw, []netip.Addr{of.BMC.IP}, []netip.Addr{h.MgmtIP}, false)
	})
}

// SetLoss drops the given share (0..1) of the packets that leave or reach h
// on the chosen network, at h's switch port (a round trip sees the loss
// twice). 0 removes it.
func (h *Host) SetLoss(n Network, share float64) error {
	if share < 0 || share > 1 {
		return fmt.Errorf("lab: %s: loss share %v, want 0..1", h.Name, share)
	}
	return h.lab.editFirewall(func(fw *firewall) {
		for _, p := range h.switchPorts(n) {
			if share == 0 {
				delete(fw.loss, p)
			} else {
				fw.loss[p] = share
			}
		}
	})
}

// switchPorts names h's ports on the switch for a network.
func (h *Host) switchPorts(n Network) []string {
	m, g := fmt.Sprintf("h%dm", h.Index), fmt.Sprintf("h%dg", h.Index)
	switch n {
	case MgmtNet:
		return []string{m}
	case MigNet:
		return []string{g}
	}
	return []string{m, g}
}

// SetBandwidth limits h's traffic on the chosen network to bitsPerSec in
// each direction (tc tbf on both ends of the host's veth). 0 removes the
// limit.
func (h *Host) SetBandwidth(n Network, bitsPerSec uint64) error {
	var errs []error
	for _, i := range n.ifaces() {
		peer := fmt.Sprintf("h%dm", h.Index)
		if i == hostMigIf {
			peer = fmt.Sprintf("h%dg", h.Index)
		}
		for _, end := range []struct{ ns, dev string }{{h.NetnsPath, i}, {netnsPath(h.lab.swName), peer}} {
			_ = runIn(context.Background(), end.ns, "", "tc", "qdisc", "del", "dev", end.dev, "root")
			if bitsPerSec == 0 {
				continue
			}
			// burst: at least 10 ms worth of traffic and one jumbo frame.
			burst := max(bitsPerSec/8/100, 16*1024)
			err := runIn(context.Background(), end.ns, "", "tc", "qdisc", "add", "dev", end.dev, "root", "tbf",
				"rate", fmt.Sprintf("%dbit", bitsPerSec), "burst", fmt.Sprint(burst), "latency", "200ms")
			if err != nil {
				errs = append(errs, fmt.Errorf("lab: %s: bandwidth: %w", h.Name, err))
			}
		}
	}
	return errors.Join(errs...)
}

// ErrNeedsFullKernel marks faults this kernel cannot inject (no netem):
// run the test inside the full kernel (test/fullkernel).
var ErrNeedsFullKernel = fmt.Errorf("needs sch_netem, which only the full-kernel runner has (test/fullkernel): %w", errors.ErrUnsupported)

// SetLatency delays h's outgoing packets on the chosen network by d (tc
// netem). This machine's kernel has no netem: it returns an error wrapping
// ErrNeedsFullKernel there; inside test/fullkernel it works. 0 removes it.
func (h *Host) SetLatency(n Network, d time.Duration) error {
	var errs []error
	for _, i := range n.ifaces() {
		_ = h.inNS(context.Background(), "", "tc", "qdisc", "del", "dev", i, "root")
		if d == 0 {
			continue
		}
		if err := h.inNS(context.Background(), "", "tc", "qdisc", "add", "dev", i, "root", "netem", "delay", fmt.Sprintf("%dus", d.Microseconds())); err != nil {
			if _, serr := os.Stat("/sys/module/sch_netem"); serr != nil {
				err = fmt.Errorf("%w: %w", ErrNeedsFullKernel, err)
			}
			errs = append(errs, fmt.Errorf("lab: %s: latency: %w", h.Name, err))
		}
	}
	return errors.Join(errs...)
}

// Heal removes every network fault: partitions (host and BMC), loss,
// bandwidth limits and latency on every host.
func (l *Lab) Heal() error {
	errs := []error{l.editFirewall(func(fw *firewall) {
		clear(fw.drop)
		clear(fw.loss)
	})}
	for _, h := range l.Hosts {
		for _, i := range AllNets.ifaces() {
			_ = h.inNS(context.Background(), "", "tc", "qdisc", "del", "dev", i, "root")
		}
		for _, p := range h.switchPorts(AllNets) {
			_ = runIn(context.Background(), netnsPath(l.swName), "", "tc", "qdisc", "del", "dev", p, "root")
		}
	}
	return errors.Join(errs...)
}

// fillName is the file FillDisk grows in StateDir.
const fillName = ".lab-fill"

// FillDisk fills h's StateDir until the filesystem reports ENOSPC.
func (h *Host) FillDisk() error {
	f, err := os.OpenFile(filepath.Join(h.StateDir, fillName), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("lab: %s: fill disk: %w", h.Name, err)
	}
	defer f.Close()
	buf := make([]byte, 1<<20)
	for {
		if _, err := f.Write(buf); err != nil {
			if errors.Is(err, unix.ENOSPC) {
				break
			}
			return fmt.Errorf("lab: %s: fill disk: %w", h.Name, err)
		}
	}
	// Small writes may still fit in the last partial block: fill those too.
	for {
		if _, err := f.Write(buf[:512]); err != nil {
			break
		}
	}
	return nil
}

// FreeDisk undoes FillDisk.
func (h *Host) FreeDisk() error {
	if err := os.Remove(filepath.Join(h.StateDir, fillName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("lab: %s: free disk: %w", h.Name, err)
	}
	return nil
}
