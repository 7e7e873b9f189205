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

// firewall is the desired nftables state of one host's namespace; every
// change rewrites the host's table "vigillab" in one nft transaction.
type firewall struct {
	dropIn  map[netip.Addr]bool // packets from these addresses are dropped
	dropOut map[netip.Addr]bool // packets to these addresses are dropped
	loss    map[string]float64  // interface -> share of packets dropped (both ways)
}

const nftTable = "vigillab"

func (fw *firewall) ruleset() string {
	var b strings.Builder
	fmt.Fprintf(&b, "table inet %s\ndelete table inet %s\n", nftTable, nftTable)
	fmt.Fprintf(&b, "table inet %s {\n", nftTable)
	for _, dir := range []struct {
		chain, hook, addr, ifkey string
		set                      map[netip.Addr]bool
	}{
		{"in", "input", "saddr", "iifname", fw.dropIn},
		{"out", "output", "daddr", "oifname", fw.dropOut},
	} {
		fmt.Fprintf(&b, "  chain %s {\n    type filter hook %s priority 0; policy accept;\n    %s \"lo\" accept\n", dir.chain, dir.hook, dir.ifkey)
		if addrs := sortedAddrs(dir.set); len(addrs) > 0 {
			fmt.Fprintf(&b, "    ip %s { %s } drop\n", dir.addr, strings.Join(addrs, ", "))
		}
		ifs := make([]string, 0, len(fw.loss))
		for i := range fw.loss {
			ifs = append(ifs, i)
		}
		slices.Sort(ifs)
		for _, i := range ifs {
			// numgen over 1e6 gives a resolution of one in a million.
			fmt.Fprintf(&b, "    %s %q numgen random mod 1000000 < %d drop\n", dir.ifkey, i, int(fw.loss[i]*1e6+0.5))
		}
		b.WriteString("  }\n")
	}
	b.WriteString("}\n")
	return b.String()
}

func sortedAddrs(m map[netip.Addr]bool) []string {
	var as []netip.Addr
	for a, on := range m {
		if on {
			as = append(as, a)
		}
	}
	slices.SortFunc(as, func(a, b netip.Addr) int { return a.Compare(b) })
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return out
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

// applyFirewall writes the host's nftables table; called with h.mu held.
func (h *Host) applyFirewallLocked() error {
	if err := h.inNS(context.Background(), h.fw.ruleset(), "nft", "-f", "-"); err != nil {
		return fmt.Errorf("lab: %s: firewall: %w", h.Name, err)
	}
	return nil
}

func (h *Host) editFirewall(edit func(fw *firewall)) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.fw.dropIn == nil {
		h.fw = firewall{dropIn: map[netip.Addr]bool{}, dropOut: map[netip.Addr]bool{}, loss: map[string]float64{}}
	}
	edit(&h.fw)
	return h.applyFirewallLocked()
}

// Partition cuts all traffic between hosts a and b, both ways, on both
// networks. Heal or Unpartition restores it.
func (l *Lab) Partition(a, b *Host) error {
	if err := l.PartitionOneWay(a, b); err != nil {
		return err
	}
	return l.PartitionOneWay(b, a)
}

// PartitionOneWay drops packets from host from to host to (both networks);
// packets from to to from still pass.
func (l *Lab) PartitionOneWay(from, to *Host) error {
	if err := from.editFirewall(func(fw *firewall) {
		fw.dropOut[to.MgmtIP], fw.dropOut[to.MigIP] = true, true
	}); err != nil {
		return err
	}
	return to.editFirewall(func(fw *firewall) {
		fw.dropIn[from.MgmtIP], fw.dropIn[from.MigIP] = true, true
	})
}

// Unpartition restores traffic between a and b in both directions.
func (l *Lab) Unpartition(a, b *Host) error {
	return errors.Join(
		a.editFirewall(func(fw *firewall) {
			for _, x := range []netip.Addr{b.MgmtIP, b.MigIP} {
				delete(fw.dropIn, x)
				delete(fw.dropOut, x)
			}
		}),
		b.editFirewall(func(fw *firewall) {
			for _, x := range []netip.Addr{a.MgmtIP, a.MigIP} {
				delete(fw.dropIn, x)
				delete(fw.dropOut, x)
			}
		}))
}

// Isolate partitions h from every other host (its BMC stays reachable).
func (l *Lab) Isolate(h *Host) error {
	var errs []error
	for _, o := range l.Hosts {
		if o != h {
			errs = append(errs, l.Partition(h, o))
		}
	}
	return errors.Join(errs...)
}

// PartitionBMC cuts traffic between host h and the BMC of host of (h itself
// or another host), both ways. The test process still reaches that BMC.
func (l *Lab) PartitionBMC(h, of *Host) error {
	return h.editFirewall(func(fw *firewall) {
		fw.dropIn[of.BMC.IP], fw.dropOut[of.BMC.IP] = true, true
	})
}

// UnpartitionBMC restores traffic between h and the BMC of host of.
func (l *Lab) UnpartitionBMC(h, of *Host) error {
	return h.editFirewall(func(fw *firewall) {
		delete(fw.dropIn, of.BMC.IP)
		delete(fw.dropOut, of.BMC.IP)
	})
}

// SetLoss drops the given share (0..1) of the packets that leave or reach h
// on the chosen network (nftables numgen in h's namespace; a round trip
// sees the loss twice). 0 removes it.
func (h *Host) SetLoss(n Network, share float64) error {
	if share < 0 || share > 1 {
		return fmt.Errorf("lab: %s: loss share %v, want 0..1", h.Name, share)
	}
	return h.editFirewall(func(fw *firewall) {
		for _, i := range n.ifaces() {
			if share == 0 {
				delete(fw.loss, i)
			} else {
				fw.loss[i] = share
			}
		}
	})
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
	var errs []error
	for _, h := range l.Hosts {
		errs = append(errs, h.editFirewall(func(fw *firewall) {
			clear(fw.dropIn)
			clear(fw.dropOut)
			clear(fw.loss)
		}))
		for _, i := range AllNets.ifaces() {
			_ = h.inNS(context.Background(), "", "tc", "qdisc", "del", "dev", i, "root")
		}
		for _, p := range []string{fmt.Sprintf("h%dm", h.Index), fmt.Sprintf("h%dg", h.Index)} {
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
