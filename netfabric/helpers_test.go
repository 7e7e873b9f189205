package netfabric

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netns"
	"golang.org/x/sys/unix"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// needRoot skips a test that creates namespaces and interfaces.
func needRoot(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		testenv.Unavailable(t, "needs root: creates network namespaces, bridges and taps")
	}
	if _, err := os.Stat("/dev/net/tun"); err != nil {
		testenv.Unavailable(t, "needs /dev/net/tun: %v", err)
	}
}

// newNS returns a fresh anonymous network namespace, closed at cleanup.
func newNS(t testing.TB) netns.NsHandle {
	t.Helper()
	needRoot(t)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	orig, err := netns.Get()
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	ns, err := netns.New()
	if err != nil {
		t.Fatalf("new netns: %v", err)
	}
	if err := netns.Set(orig); err != nil {
		t.Fatalf("setns back: %v", err)
	}
	t.Cleanup(func() { ns.Close() })
	return ns
}

// openHost opens a Host on ns, closed at cleanup.
func openHost(t testing.TB, ns netns.NsHandle) *Host {
	t.Helper()
	h, err := Open(Options{NS: ns})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { h.Close() })
	return h
}

// nlHandle is a plain netlink handle into ns for tests to poke at.
func nlHandle(t testing.TB, ns netns.NsHandle) *netlink.Handle {
	t.Helper()
	h, err := netlink.NewHandleAt(ns, unix.NETLINK_ROUTE)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.Close)
	return h
}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func mustParse(t testing.TB, y string) *Fabric {
	t.Helper()
	f, err := Parse("test.yaml", []byte(y))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return f
}

// guest is a stand-in for a VM: its own network namespace with a tap
// "eth0" holding the VM's MAC and address, and a UDP echo server. plug
// connects it to a host tap the way QEMU does (opening the persistent tap by
// name through /dev/net/tun) and copies frames both ways.
type guest struct {
	t    testing.TB
	ns   netns.NsHandle
	mac  net.HardwareAddr
	ip   netip.Prefix
	dev  *os.File // guest side tap
	mu   sync.Mutex
	host *os.File // host side tap, when plugged
	wg   sync.WaitGroup
}

const echoPort = 7777

func newGuest(t testing.TB, mac string, cidr string) *guest {
	t.Helper()
	g := &guest{t: t, ns: newNS(t), mac: mustMAC(mac), ip: netip.MustParsePrefix(cidr)}
	err := inNS(g.ns, func() error {
		f, err := openTap("eth0")
		if err != nil {
			return err
		}
		g.dev = f
		h, err := netlink.NewHandle(unix.NETLINK_ROUTE)
		if err != nil {
			return err
		}
		defer h.Close()
		l, err := h.LinkByName("eth0")
		if err != nil {
			return err
		}
		if err := h.LinkSetHardwareAddr(l, g.mac); err != nil {
			return err
		}
		addr, _ := netlink.ParseAddr(cidr)
		if err := h.AddrAdd(l, addr); err != nil {
			return err
		}
		if err := h.LinkSetUp(l); err != nil {
			return err
		}
		lo, _ := h.LinkByName("lo")
		return h.LinkSetUp(lo)
	})
	if err != nil {
		t.Fatalf("guest %s: %v", cidr, err)
	}
	go g.pumpOut()
	var conn *net.UDPConn
	if err := inNS(g.ns, func() error {
		c, err := net.ListenUDP("udp4", &net.UDPAddr{IP: g.ip.Addr().AsSlice(), Port: echoPort})
		conn = c
		return err
	}); err != nil {
		t.Fatalf("guest echo: %v", err)
	}
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := conn.ReadFromUDP(buf)
			if err != nil {
				return
			}
			conn.WriteToUDP(buf[:n], from)
		}
	}()
	t.Cleanup(func() {
		conn.Close()
		g.unplug()
		g.dev.Close()
	})
	return g
}

func mustMAC(s string) net.HardwareAddr {
	m, err := net.ParseMAC(s)
	if err != nil {
		panic(err)
	}
	return m
}

// inNS runs fn on a thread locked inside ns.
func inNS(ns netns.NsHandle, fn func() error) error {
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		orig, err := netns.Get()
		if err != nil {
			errc <- err
			return
		}
		defer orig.Close()
		if err := netns.Set(ns); err != nil {
			errc <- err
			return
		}
		ferr := fn()
		if err := netns.Set(orig); err != nil {
			errc <- err // thread stays locked and is discarded
			return
		}
		runtime.UnlockOSThread()
		errc <- ferr
	}()
	return <-errc
}

// openTap opens (creating if needed) tap name in the calling thread's
// namespace, as QEMU's -netdev tap,ifname=NAME does.
func openTap(name string) (*os.File, error) {
	fd, err := unix.Open("/dev/net/tun", unix.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	ifr, err := unix.NewIfreq(name)
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	ifr.SetUint16(unix.IFF_TAP | unix.IFF_NO_PI)
	if err := unix.IoctlIfreq(fd, unix.TUNSETIFF, ifr); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("TUNSETIFF %s: %w", name, err)
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return os.NewFile(uintptr(fd), "tap:"+name), nil
}

// plug attaches the guest to tap on host h and starts copying frames.
func (g *guest) plug(h *Host, tap string) {
	g.t.Helper()
	var f *os.File
	if err := h.Do(func() (err error) { f, err = openTap(tap); return err }); err != nil {
		g.t.Fatalf("plug into %s: %v", tap, err)
	}
	g.mu.Lock()
	g.host = f
	g.mu.Unlock()
	g.wg.Add(1)
	go func() { // host -> guest
		defer g.wg.Done()
		buf := make([]byte, 65536)
		for {
			n, err := f.Read(buf)
			if err != nil {
				return
			}
			g.dev.Write(buf[:n])
		}
	}()
}

// pumpOut copies the guest's frames to its current host tap, if plugged.
func (g *guest) pumpOut() {
	buf := make([]byte, 65536)
	for {
		n, err := g.dev.Read(buf)
		if err != nil {
			return
		}
		g.mu.Lock()
		if g.host != nil {
			g.host.Write(buf[:n])
		}
		g.mu.Unlock()
	}
}

// unplug detaches the guest from its host tap (QEMU exiting).
func (g *guest) unplug() {
	g.mu.Lock()
	f := g.host
	g.host = nil
	g.mu.Unlock()
	if f == nil {
		return
	}
	f.Close()
	g.wg.Wait()
}

// announce sends a RARP for the guest's MAC out of its host tap, as QEMU's
// announce-self does after a migration.
func (g *guest) announce() {
	g.mu.Lock()
	defer g.mu.Unlock()
	f := g.host
	frame := make([]byte, 60)
	copy(frame[0:6], []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	copy(frame[6:12], g.mac)
	frame[12], frame[13] = 0x80, 0x35 // ETH_P_RARP
	copy(frame[14:22], []byte{0, 1, 8, 0, 6, 4, 0, 3})
	copy(frame[22:28], g.mac)
	copy(frame[32:38], g.mac)
	f.Write(frame)
}

// reach reports whether g gets an echo from other's address within d.
func (g *guest) reach(other *guest, d time.Duration) bool {
	g.t.Helper()
	var conn *net.UDPConn
	if err := inNS(g.ns, func() (err error) {
		conn, err = net.DialUDP("udp4", nil, &net.UDPAddr{IP: other.ip.Addr().AsSlice(), Port: echoPort})
		return err
	}); err != nil {
		g.t.Fatalf("dial: %v", err)
	}
	defer conn.Close()
	deadline := time.Now().Add(d)
	buf := make([]byte, 64)
	for time.Now().Before(deadline) {
		conn.Write([]byte("vigil"))
		conn.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
		if n, err := conn.Read(buf); err == nil && string(buf[:n]) == "vigil" {
			return true
		}
	}
	return false
}
