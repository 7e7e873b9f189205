package demo

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/vishvananda/netlink"
	"golang.org/x/sys/unix"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
)

// The demo's fabric: on every host a bridge (no VLAN filtering: the
// machine's kernel has none) joined to every other host's by one VXLAN
// over the management network, static remotes, no VXLAN learning; each
// guest has one NIC on the bridge (agents.GuestMAC).
const (
	demoBridge = "vbr0"
	demoVXLAN  = "vx100"
	// probeType is the EtherType of the demo's probe frames (IEEE's
	// local experimental one).
	probeType = 0x88b5
)

// fabricFor is host h's fabric file in lab l.
func fabricFor(l *lab.Lab) func(h *lab.Host) string {
	return func(h *lab.Host) string {
		var remotes []string
		for _, o := range l.Hosts {
			if o != h {
				remotes = append(remotes, o.MgmtIP.String())
			}
		}
		return fmt.Sprintf(`version: 1
bridges:
  - name: %s
    vlan_filtering: false
vxlans:
  - name: %s
    vni: 100
    local: %s
    remotes: [%s]
    learning: false
    bridge: %s
`, demoBridge, demoVXLAN, h.MgmtIP, strings.Join(remotes, ", "), demoBridge)
	}
}

// netWithin bounds each network check of a VM.
const netWithin = 20 * time.Second

// checkNetwork checks, for every VM in where (VM → the host it moved to),
// that its MAC is reachable from another host through its new host's
// bridge, with traffic, as test/netfollow_test.go does: the guest's QEMU
// announces its MAC (announce-self on the technicians' QMP socket: the
// test guest never drives its NIC itself), the new host's bridge must
// learn it on the VM's tap and another host's bridge on its VXLAN port;
// then a frame sent to the MAC from that other host's bridge must come
// out of the VM's tap on the new host. from lists the hosts to send from,
// best first (the host the VM left, when it is still up and connected);
// cut are hosts that must not be used (off, or cut off). It fills the
// scenario's NetworkOK and records one step per VM.
func (r *run) checkNetwork(s *Scenario, where map[string]string, prefer *lab.Host, cut ...*lab.Host) error {
	if len(where) == 0 {
		return nil
	}
	var errs []error
	for _, vm := range slices.Sorted(func(yield func(string) bool) {
		for vm := range where {
			if !yield(vm) {
				return
			}
		}
	}) {
		to := r.l.Hosts[0]
		for _, h := range r.l.Hosts {
			if h.Name == where[vm] {
				to = h
			}
		}
		var from *lab.Host
		for _, h := range append([]*lab.Host{prefer}, r.l.Hosts...) {
			if h != nil && h != to && h.On() && !slices.Contains(cut, h) {
				from = h
				break
			}
		}
		if from == nil {
			errs = append(errs, fmt.Errorf("%s: no other connected host to reach it from", vm))
			continue
		}
		msg, err := r.reach(vm, to, from)
		if err != nil {
			r.step("observe", to.Name, "NETWORK: %s NOT reachable from %s through %s's bridge: %v", vm, from.Name, to.Name, err)
			errs = append(errs, fmt.Errorf("%s on %s from %s: %w", vm, to.Name, from.Name, err))
			continue
		}
		r.step("observe", to.Name, "NETWORK: %s", msg)
	}
	ok := len(errs) == 0
	s.NetworkOK = &ok
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("network: %w", err)
	}
	return nil
}

// reach checks vm's MAC from host from through host to's bridge and
// describes what it saw.
func (r *run) reach(vm string, to, from *lab.Host) (string, error) {
	ctx, cancel := context.WithTimeout(r.ctx, netWithin)
	defer cancel()
	mac := agents.GuestMAC(vm)
	tap := executor.TapName(vm, 0)
	tapIdx, err := linkOn(to, tap, demoBridge)
	if err != nil {
		return "", err
	}
	vxIdx, err := linkOn(from, demoVXLAN, demoBridge)
	if err != nil {
		return "", err
	}
	// Traffic from the guest's NIC.
	mon, err := qmp.Dial(ctx, filepath.Join(to.StateDir, "vms", vm, "qmp-admin.sock"))
	if err != nil {
		return "", fmt.Errorf("%s's QMP: %w", vm, err)
	}
	err = mon.Run(ctx, "announce-self", map[string]any{"initial": 50, "max": 550, "rounds": 3, "step": 100}, nil)
	mon.Close()
	if err != nil {
		return "", fmt.Errorf("announce-self: %w", err)
	}
	if err := waitFDB(ctx, to, mac, tapIdx); err != nil {
		return "", fmt.Errorf("%s's bridge: %w (want it on the tap %s)", to.Name, err, tap)
	}
	if err := waitFDB(ctx, from, mac, vxIdx); err != nil {
		return "", fmt.Errorf("%s's bridge: %w (want it on %s, towards %s)", from.Name, err, demoVXLAN, to.Name)
	}
	// Traffic to the guest's NIC.
	took, err := probe(ctx, from, to, tap, mac)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s (%s) on %s's tap %s; %s's bridge learned it on %s; a frame from %s's %s reached the tap through %s's bridge in %d ms",
		vm, mac, to.Name, tap, from.Name, demoVXLAN, from.Name, demoBridge, to.Name, took.Milliseconds()), nil
}

// linkOn returns the ifindex of link name in host h, which must be a port
// of bridge br.
func linkOn(h *lab.Host, name, br string) (int, error) {
	idx := 0
	err := h.Do(func() error {
		l, err := netlink.LinkByName(name)
		if err != nil {
			return fmt.Errorf("%s: link %s: %w", h.Name, name, err)
		}
		b, err := netlink.LinkByName(br)
		if err != nil {
			return fmt.Errorf("%s: bridge %s: %w", h.Name, br, err)
		}
		if l.Attrs().MasterIndex != b.Attrs().Index {
			return fmt.Errorf("%s: %s is not a port of %s", h.Name, name, br)
		}
		idx = l.Attrs().Index
		return nil
	})
	return idx, err
}

// fdbPort is the ifindex of the port on which h's bridge learned mac, 0
// if none (`bridge fdb show br vbr0`).
func fdbPort(h *lab.Host, mac string) (int, error) {
	port := 0
	err := h.Do(func() error {
		b, err := netlink.LinkByName(demoBridge)
		if err != nil {
			return err
		}
		var ns []netlink.Neigh
		for range 5 {
			ns, err = netlink.NeighList(0, unix.AF_BRIDGE)
			if !errors.Is(err, netlink.ErrDumpInterrupted) {
				break
			}
		}
		if err != nil {
			return fmt.Errorf("bridge fdb show: %w", err)
		}
		for _, n := range ns {
			if n.MasterIndex == b.Attrs().Index && n.HardwareAddr.String() == mac && n.LinkIndex != b.Attrs().Index {
				port = n.LinkIndex
			}
		}
		return nil
	})
	return port, err
}

// waitFDB waits until h's bridge has learned mac on port want.
func waitFDB(ctx context.Context, h *lab.Host, mac string, want int) error {
	for {
		got, err := fdbPort(h, mac)
		if err != nil {
			return err
		}
		if got == want {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s learned on port ifindex %d, not %d", mac, got, want)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func htons(v uint16) uint16 { return v<<8 | v>>8 }

// probe sends frames to mac from host from's bridge until one comes out
// of tap on host to, and returns how long the first took.
func probe(ctx context.Context, from, to *lab.Host, tap, mac string) (time.Duration, error) {
	dst, err := net.ParseMAC(mac)
	if err != nil {
		return 0, err
	}
	nonce := make([]byte, 8)
	rand.Read(nonce)
	payload := []byte("vigil-demo probe " + hex.EncodeToString(nonce))
	// Outgoing frames reach only ETH_P_ALL packet sockets.
	var fd int
	err = to.Do(func() error {
		l, err := netlink.LinkByName(tap)
		if err != nil {
			return err
		}
		fd, err = unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, int(htons(unix.ETH_P_ALL)))
		if err != nil {
			return err
		}
		if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: l.Attrs().Index}); err != nil {
			unix.Close(fd)
			return err
		}
		tv := unix.Timeval{Usec: 100_000}
		if err := unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &tv); err != nil {
			unix.Close(fd)
			return err
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("%s: capture on %s: %w", to.Name, tap, err)
	}
	var seen atomic.Bool
	got := make(chan time.Time, 1)
	go func() {
		defer unix.Close(fd)
		buf := make([]byte, 2048)
		for ctx.Err() == nil {
			n, _, err := unix.Recvfrom(fd, buf, 0)
			if err != nil || n < 14 {
				continue
			}
			f := buf[:n]
			if bytes.Equal(f[0:6], dst) && f[12] == probeType>>8 && f[13] == probeType&0xff && bytes.Contains(f[14:], payload) {
				seen.Store(true)
				got <- time.Now()
				return
			}
		}
	}()
	start := time.Now()
	err = from.Do(func() error {
		br, err := netlink.LinkByName(demoBridge)
		if err != nil {
			return err
		}
		fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			return err
		}
		defer unix.Close(fd)
		frame := make([]byte, 14, 64)
		copy(frame[0:6], dst)
		copy(frame[6:12], br.Attrs().HardwareAddr)
		frame[12], frame[13] = probeType>>8, probeType&0xff
		frame = append(frame, payload...)
		for len(frame) < 60 {
			frame = append(frame, 0)
		}
		to := &unix.SockaddrLinklayer{Ifindex: br.Attrs().Index, Halen: 6, Protocol: htons(probeType)}
		copy(to.Addr[:], dst)
		for !seen.Load() {
			if err := unix.Sendto(fd, frame, 0, to); err != nil {
				return fmt.Errorf("send on %s: %w", demoBridge, err)
			}
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(200 * time.Millisecond):
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("%s: %w", from.Name, err)
	}
	select {
	case at := <-got:
		return at.Sub(start), nil
	case <-ctx.Done():
		return 0, fmt.Errorf("no frame sent to %s from %s's %s came out of %s on %s within %v", mac, from.Name, demoBridge, tap, to.Name, netWithin)
	}
}
