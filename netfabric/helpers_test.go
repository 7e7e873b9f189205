package netfabric

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netns"
	"golang.org/x/sys/unix"
)

// needRoot skips a test that creates namespaces and interfaces.
func needRoot(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root: creates network namespaces, bridges and taps")
	}
	if _, err := os.Stat("/dev/net/tun"); err != nil {
		t.Skip("needs /dev/net/tun: ", err)
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
