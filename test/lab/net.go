package lab

import (
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netns"
	"golang.org/x/sys/unix"
)

// Topology of lab <L> with hosts h1..hN:
//
//	root ns: vlab<L>m 10.213.<L>.1/24 + each BMC address 10.213.<L>.<100+i>/32
//	   |
//	switch ns vlab<L>-sw: bridge brm (mgmt) <- up, h<i>m;  bridge brg (migration) <- h<i>g
//	   |
//	host ns vlab<L>-h<i>: mgmt0 10.213.<L>.<10+i>/24, mig0 10.214.<L>.<10+i>/24, lo
//
// The BMC simulators run in the root namespace, bound to their BMC address,
// so the test process reaches them directly and every host reaches them
// through the management bridge.

const (
	hostMgmtIf = "mgmt0"
	hostMigIf  = "mig0"
	swUplink   = "up"
	swMgmtBr   = "brm"
	swMigBr    = "brg"
)

// newNamedNS creates named network namespaces on one locked OS thread that
// is thrown away afterwards (it never returns to the root namespace).
func newNamedNS(names []string) ([]netns.NsHandle, error) {
	type result struct {
		hs  []netns.NsHandle
		err error
	}
	ch := make(chan result, 1)
	go func() {
		runtime.LockOSThread()
		// No UnlockOSThread: this thread ends in a lab namespace and
		// must die with the goroutine.
		var r result
		for _, n := range names {
			h, err := netns.NewNamed(n)
			if err != nil {
				r.err = fmt.Errorf("lab: create netns %s: %w", n, err)
				break
			}
			r.hs = append(r.hs, h)
		}
		ch <- r
	}()
	r := <-ch
	return r.hs, r.err
}

func (l *Lab) buildNetwork() error {
	if err := os.MkdirAll("/run/netns", 0o755); err != nil {
		return fmt.Errorf("lab: %w", err)
	}
	l.swName = nsName(l.Index, "sw")
	names := []string{l.swName}
	for i := 1; i <= l.opts.Hosts; i++ {
		names = append(names, nsName(l.Index, fmt.Sprintf("h%d", i)))
	}
	handles, err := newNamedNS(names)
	if len(handles) > 0 {
		l.sw = handles[0]
	}
	for i, h := range handles[min(1, len(handles)):] {
		l.Hosts = append(l.Hosts, l.newHost(i+1, names[i+1], h))
	}
	if err != nil {
		return err
	}

	sw, err := netlink.NewHandleAt(l.sw, unix.NETLINK_ROUTE)
	if err != nil {
		return fmt.Errorf("lab: netlink in %s: %w", l.swName, err)
	}
	defer sw.Close()
	for _, br := range []string{swMgmtBr, swMigBr} {
		if err := sw.LinkAdd(&netlink.Bridge{LinkAttrs: netlink.LinkAttrs{Name: br}}); err != nil {
			return fmt.Errorf("lab: add bridge %s in %s: %w", br, l.swName, err)
		}
	}
	// Root namespace uplink into the management bridge.
	l.rootIf = rootIfName(l.Index)
	up := &netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: l.rootIf}, PeerName: swUplink, PeerNamespace: netlink.NsFd(int(l.sw))}
	if err := netlink.LinkAdd(up); err != nil {
		return fmt.Errorf("lab: add veth %s: %w", l.rootIf, err)
	}
	for _, h := range l.Hosts {
		for _, pair := range [][3]string{
			{hostMgmtIf, fmt.Sprintf("h%dm", h.Index), swMgmtBr},
			{hostMigIf, fmt.Sprintf("h%dg", h.Index), swMigBr},
		} {
			v := &netlink.Veth{
				LinkAttrs:     netlink.LinkAttrs{Name: pair[0], Namespace: netlink.NsFd(int(h.ns))},
				PeerName:      pair[1],
				PeerNamespace: netlink.NsFd(int(l.sw)),
			}
			if err := netlink.LinkAdd(v); err != nil {
				return fmt.Errorf("lab: add veth %s/%s: %w", h.Name, pair[0], err)
			}
		}
	}
	// Switch side: ports into bridges, everything up.
	attach := map[string]string{swUplink: swMgmtBr}
	for _, h := range l.Hosts {
		attach[fmt.Sprintf("h%dm", h.Index)] = swMgmtBr
		attach[fmt.Sprintf("h%dg", h.Index)] = swMigBr
	}
	brs := map[string]netlink.Link{}
	for _, br := range []string{swMgmtBr, swMigBr} {
		lk, err := sw.LinkByName(br)
		if err != nil {
			return fmt.Errorf("lab: %s: %w", br, err)
		}
		brs[br] = lk
		if err := sw.LinkSetUp(lk); err != nil {
			return fmt.Errorf("lab: up %s: %w", br, err)
		}
	}
	for port, br := range attach {
		lk, err := sw.LinkByName(port)
		if err != nil {
			return fmt.Errorf("lab: %s in %s: %w", port, l.swName, err)
		}
		if err := sw.LinkSetMaster(lk, brs[br]); err != nil {
			return fmt.Errorf("lab: %s into %s: %w", port, br, err)
		}
		if err := sw.LinkSetUp(lk); err != nil {
			return fmt.Errorf("lab: up %s: %w", port, err)
		}
	}
	// Root side: gateway address and one address per BMC.
	rootLink, err := netlink.LinkByName(l.rootIf)
	if err != nil {
		return fmt.Errorf("lab: %s: %w", l.rootIf, err)
	}
	if err := netlink.AddrAdd(rootLink, addr(l.GatewayIP, 24)); err != nil {
		return fmt.Errorf("lab: address on %s: %w", l.rootIf, err)
	}
	for _, h := range l.Hosts {
		if err := netlink.AddrAdd(rootLink, addr(h.BMC.IP, 32)); err != nil {
			return fmt.Errorf("lab: BMC address for %s: %w", h.Name, err)
		}
	}
	if err := netlink.LinkSetUp(rootLink); err != nil {
		return fmt.Errorf("lab: up %s: %w", l.rootIf, err)
	}
	// Hosts: lo, mgmt0, mig0.
	for _, h := range l.Hosts {
		if err := h.setupLinks(); err != nil {
			return err
		}
	}
	return l.waitLinksUp(sw)
}

// waitLinksUp waits until the kernel's link watcher has activated every lab
// veth (operational state up): until then a device has no queue and drops
// what is sent through it, and a lost first ARP request costs a second.
func (l *Lab) waitLinksUp(sw *netlink.Handle) error {
	type end struct {
		h    *netlink.Handle
		ns   string
		name string
	}
	var ends []end
	ends = append(ends, end{nil, "root", l.rootIf}, end{sw, l.swName, swUplink})
	for _, h := range l.Hosts {
		nh, err := netlink.NewHandleAt(h.ns, unix.NETLINK_ROUTE)
		if err != nil {
			return fmt.Errorf("lab: netlink in %s: %w", h.Name, err)
		}
		defer nh.Close()
		ends = append(ends,
			end{nh, h.Name, hostMgmtIf}, end{nh, h.Name, hostMigIf},
			end{sw, l.swName, fmt.Sprintf("h%dm", h.Index)}, end{sw, l.swName, fmt.Sprintf("h%dg", h.Index)})
	}
	deadline := time.Now().Add(5 * time.Second)
	for _, e := range ends {
		for {
			var lk netlink.Link
			var err error
			if e.h == nil {
				lk, err = netlink.LinkByName(e.name)
			} else {
				lk, err = e.h.LinkByName(e.name)
			}
			if err != nil {
				return fmt.Errorf("lab: %s/%s: %w", e.ns, e.name, err)
			}
			if lk.Attrs().OperState == netlink.OperUp {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("lab: %s/%s still %s after 5 s", e.ns, e.name, lk.Attrs().OperState)
			}
			time.Sleep(time.Millisecond)
		}
	}
	return nil
}

func addr(a netip.Addr, bits int) *netlink.Addr {
	return &netlink.Addr{IPNet: &net.IPNet{IP: a.AsSlice(), Mask: net.CIDRMask(bits, 32)}}
}

func (h *Host) setupLinks() error {
	nh, err := netlink.NewHandleAt(h.ns, unix.NETLINK_ROUTE)
	if err != nil {
		return fmt.Errorf("lab: netlink in %s: %w", h.Name, err)
	}
	defer nh.Close()
	for _, c := range []struct {
		name string
		ip   netip.Addr
	}{{"lo", netip.Addr{}}, {hostMgmtIf, h.MgmtIP}, {hostMigIf, h.MigIP}} {
		lk, err := nh.LinkByName(c.name)
		if err != nil {
			return fmt.Errorf("lab: %s/%s: %w", h.Name, c.name, err)
		}
		if c.ip.IsValid() {
			if err := nh.AddrAdd(lk, addr(c.ip, 24)); err != nil {
				return fmt.Errorf("lab: address %s on %s/%s: %w", c.ip, h.Name, c.name, err)
			}
		}
		if err := nh.LinkSetUp(lk); err != nil {
			return fmt.Errorf("lab: up %s/%s: %w", h.Name, c.name, err)
		}
	}
	return nil
}

// NetnsPath is the bind-mounted namespace file of a lab namespace, usable
// with `nsenter --net=PATH` and `ip netns exec NAME`.
func netnsPath(name string) string { return filepath.Join("/run/netns", name) }
