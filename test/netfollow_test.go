package test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vishvananda/netlink"
	"golang.org/x/sys/unix"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/netfabric"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
)

const (
	nfVM     = "netvm"
	nfMAC    = "52:54:00:6e:66:01"
	nfTap    = "netvm-0"
	nfBridge = "vbr0"
	nfVXLAN  = "vx100"
)

// nfFabric is one lab host's fabric: a bridge (no VLAN filtering: this
// kernel has none) with a VXLAN towards the other host over the management
// network, static peer, learning off.
func nfFabric(self, peer *lab.Host) string {
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
`, nfBridge, nfVXLAN, self.MgmtIP, peer.MgmtIP, nfBridge)
}

// TestNetworkFollowsVM live-migrates a real QEMU guest with a virtio-net
// NIC from lab host 1 to lab host 2, each with a netfabric bridge and a
// VXLAN segment between them, calling netfabric's migration hooks in their
// documented order around qmp.Migrate (DESIGN.md invariant 8). It checks
// that the guest goes on (same boot, later heartbeat, one live copy), that
// the tap moved (gone from host 1, on the bridge of host 2 with the right
// MAC), and that the network learned the move: before the migration host
// 1's bridge has the guest's MAC on the tap port and host 2's on the VXLAN
// port; afterwards the other way round, which only happens if the
// destination QEMU's RARP announcements crossed the VXLAN.
func TestNetworkFollowsVM(t *testing.T) {
	l := lab.New(t, lab.Options{Hosts: 2, BMC: lab.NoBMC, Name: "nfw"})
	h1, h2 := l.Hosts[0], l.Hosts[1]
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	if _, err := guest.Build(ctx); errors.Is(err, guest.ErrNoToolchain) {
		testenv.Unavailable(t, "test guest: %v", err)
	} else if err != nil {
		t.Fatalf("guest.Build: %v", err)
	}

	// The fabric on both hosts, applied twice: the second apply changes
	// nothing.
	nf := map[*lab.Host]*netfabric.Host{}
	for _, p := range [][2]*lab.Host{{h1, h2}, {h2, h1}} {
		self, peer := p[0], p[1]
		fh, err := netfabric.Open(netfabric.Options{NetNS: self.Netns})
		if err != nil {
			t.Fatalf("%s: netfabric.Open: %v", self, err)
		}
		// Registered after lab.New, so it runs before the lab's teardown:
		// the handle would keep the namespace alive.
		t.Cleanup(func() { fh.Close() })
		nf[self] = fh
		f, err := netfabric.Parse(self.Name+".yaml", []byte(nfFabric(self, peer)))
		if err != nil {
			t.Fatal(err)
		}
		plan, err := fh.Apply(ctx, f)
		if err != nil {
			t.Fatalf("%s: apply: %v", self, err)
		}
		if plan.Empty() {
			t.Fatalf("%s: first apply planned nothing", self)
		}
		plan, err = fh.Apply(ctx, f)
		if err != nil {
			t.Fatalf("%s: second apply: %v", self, err)
		}
		if !plan.Empty() {
			t.Fatalf("%s: second apply changed something:\n%s", self, plan)
		}
	}
	src1, dst2 := nf[h1], nf[h2]

	// The VM's NIC on host 1, then the guest on it.
	if err := src1.PlugVM(ctx, []netfabric.Tap{{Name: nfTap, VM: nfVM, Bridge: nfBridge, MAC: nfMAC}}); err != nil {
		t.Fatalf("PlugVM on %s: %v", h1, err)
	}
	if plan, err := src1.Plan(ctx, src1.Fabric()); err != nil || !plan.Empty() {
		t.Fatalf("%s: plan after PlugVM = %v, %v; want nothing to do", h1, plan, err)
	}
	checkTap(ctx, t, src1, h1, true)
	nicArgs := []string{
		"-netdev", "tap,id=net0,ifname=" + nfTap + ",script=no,downscript=no,vhost=off",
		"-device", "virtio-net-pci,netdev=net0,mac=" + nfMAC + ",id=nic0",
	}
	src, err := h1.StartVM(ctx, lab.VMOptions{ID: nfVM, MemoryMiB: 64, Args: nicArgs})
	if err != nil {
		t.Fatal(err)
	}
	hb0, err := src.WaitHeartbeat(ctx)
	if err != nil {
		t.Fatal(err)
	}
	srcMon := dialQMP(ctx, t, src)

	// The test guest never drives its NIC: have QEMU announce the MAC from
	// host 1 so that both bridges learn where it is before the move.
	vxOn1, tapOn1 := linkIndex(t, h1, nfVXLAN), linkIndex(t, h1, nfTap)
	vxOn2 := linkIndex(t, h2, nfVXLAN)
	if port := fdbPort(t, h1, nfBridge, nfMAC); port == vxOn1 {
		t.Fatalf("%s: %s already on the VXLAN port before anything was sent", h1, nfMAC)
	}
	if err := srcMon.Run(ctx, "announce-self", map[string]any{"initial": 50, "max": 550, "rounds": 3, "step": 100}, nil); err != nil {
		t.Fatalf("announce-self on the source: %v", err)
	}
	waitFDB(ctx, t, h1, nfMAC, tapOn1, nfTap+" (local)")
	waitFDB(ctx, t, h2, nfMAC, vxOn2, nfVXLAN+" (remote)")

	// Migration: the target's tap first (QEMU opens it at launch), then the
	// destination, then qmp.Migrate (which announces on the destination
	// after switchover and quits the source), then the source's tap goes.
	var hooks netfabric.Hooks = netfabric.NewMigration(src1, dst2)
	if err := hooks.PrepareTarget(ctx, nfVM); err != nil {
		t.Fatalf("PrepareTarget: %v", err)
	}
	checkTap(ctx, t, dst2, h2, true)
	dst, err := h2.StartVM(ctx, lab.VMOptions{ID: nfVM, MemoryMiB: 64, Incoming: "defer", Args: nicArgs})
	if err != nil {
		abortTarget(ctx, t, hooks)
		t.Fatal(err)
	}
	dstMon := dialQMP(ctx, t, dst)
	res, err := qmp.Migrate(ctx, srcMon, dstMon, qmp.MigrateOptions{
		URI:          fmt.Sprintf("tcp:%s:4471", h2.MigIP),
		StallTimeout: 30 * time.Second,
		CallTimeout:  30 * time.Second,
	})
	if err != nil {
		abortTarget(ctx, t, hooks)
		t.Fatalf("migration: %v (result %+v)", err, res)
	}
	if res.Status != "completed" {
		t.Fatalf("migration status %q, want completed (%+v)", res.Status, res)
	}
	t.Logf("migration completed: total %d ms, downtime %d ms, paused %.1f ms", res.TotalMs, res.DowntimeMs, res.PausedMs)
	select {
	case <-src.Proc.Done():
	case <-ctx.Done():
		t.Fatal("source QEMU still running after the migration")
	}
	if err := hooks.AfterSwitchover(ctx, nfVM); err != nil {
		t.Fatalf("AfterSwitchover: %v", err)
	}

	// The guest goes on on host 2: same boot, later heartbeats, one copy.
	last := lastHeartbeat(t, src.Serial)
	if last.Boot != hb0.Boot {
		t.Fatalf("source rebooted before the migration: boot %s then %s", hb0.Boot, last.Boot)
	}
	r := guest.NewFileReader(dst.Serial)
	hb, err := r.Wait(ctx, fmt.Sprintf("a heartbeat of %s with seq > %d", nfVM, last.Seq), func(hb guest.Heartbeat) bool {
		return hb.ID == nfVM && hb.Seq > last.Seq
	})
	r.Close()
	if err != nil {
		t.Fatal(err)
	}
	if hb.Boot != last.Boot {
		t.Fatalf("heartbeat on %s has boot %s, want %s (the guest rebooted instead of moving)", h2, hb.Boot, last.Boot)
	}
	for {
		if hs := l.VMHosts(nfVM); len(hs) == 1 && hs[0] == h2 {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("VM %s runs on %v, want only %s", nfVM, l.VMHosts(nfVM), h2)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if n := l.LiveCopies(nfVM); n != 1 {
		t.Fatalf("LiveCopies(%s) = %d after the migration, want 1", nfVM, n)
	}

	// The tap followed the VM.
	checkTap(ctx, t, src1, h1, false)
	checkTap(ctx, t, dst2, h2, true)
	if n1, n2 := len(src1.VMTaps(nfVM)), len(dst2.VMTaps(nfVM)); n1 != 0 || n2 != 1 {
		t.Fatalf("fabrics after the move: %d taps of %s on %s, %d on %s; want 0 and 1", n1, nfVM, h1, n2, h2)
	}

	// The network learned where the MAC went: host 1 now reaches it over
	// the VXLAN, host 2 on its own tap.
	tapOn2 := linkIndex(t, h2, nfTap)
	waitFDB(ctx, t, h1, nfMAC, vxOn1, nfVXLAN+" (remote)")
	waitFDB(ctx, t, h2, nfMAC, tapOn2, nfTap+" (local)")
}

// dialQMP connects to a lab VM's QMP socket, waiting for QEMU to create it.
func dialQMP(ctx context.Context, t *testing.T, vm *lab.VM) *qmp.Client {
	t.Helper()
	for {
		c, cancel := context.WithTimeout(ctx, 10*time.Second)
		mon, err := qmp.Dial(c, vm.QMP)
		cancel()
		if err == nil {
			t.Cleanup(func() { mon.Close() })
			return mon
		}
		select {
		case <-vm.Proc.Done():
			t.Fatalf("QEMU of %s on %s exited before its QMP socket answered: %v", vm.ID, vm.Host, err)
		case <-ctx.Done():
			t.Fatalf("QMP of %s on %s: %v", vm.ID, vm.Host, err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func abortTarget(ctx context.Context, t *testing.T, hooks netfabric.Hooks) {
	t.Helper()
	c, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if err := hooks.AbortTarget(c, nfVM); err != nil {
		t.Errorf("AbortTarget: %v", err)
	}
}

// checkTap asserts the VM's tap is (or is not) on host h: a tap on the
// bridge, owned by vigil for the VM, with the guest's MAC turned into the
// tap's own (first octet fe).
func checkTap(ctx context.Context, t *testing.T, fh *netfabric.Host, h *lab.Host, want bool) {
	t.Helper()
	st, err := fh.Read(ctx)
	if err != nil {
		t.Fatalf("%s: read: %v", h, err)
	}
	l := st.Links[nfTap]
	if !want {
		if l != nil {
			t.Fatalf("%s: tap %s still there: %+v", h, nfTap, l)
		}
		return
	}
	hw, _ := net.ParseMAC(nfMAC)
	switch {
	case l == nil:
		t.Fatalf("%s: no tap %s", h, nfTap)
	case l.Kind != "tuntap" || l.Master != nfBridge || l.MAC != netfabric.TapMAC(hw).String():
		t.Fatalf("%s: tap %s is %s on %q with MAC %s; want tuntap on %s with %s", h, nfTap, l.Kind, l.Master, l.MAC, nfBridge, netfabric.TapMAC(hw))
	case !strings.HasPrefix(l.Alias, "vigil:tap") || !strings.Contains(l.Alias, "vm="+nfVM) || !strings.Contains(l.Alias, "mac="+nfMAC):
		t.Fatalf("%s: tap %s alias %q does not name VM %s and MAC %s", h, nfTap, l.Alias, nfVM, nfMAC)
	}
}

// linkIndex is the ifindex of name inside host h.
func linkIndex(t *testing.T, h *lab.Host, name string) int {
	t.Helper()
	var idx int
	err := h.Do(func() error {
		l, err := netlink.LinkByName(name)
		if err != nil {
			return err
		}
		idx = l.Attrs().Index
		return nil
	})
	if err != nil {
		t.Fatalf("%s: link %s: %v", h, name, err)
	}
	return idx
}

// fdbPort returns the ifindex of the bridge port on which bridge br in host
// h has learned mac (`bridge fdb show br BR | grep MAC`), 0 if none.
func fdbPort(t *testing.T, h *lab.Host, br, mac string) int {
	t.Helper()
	port := 0
	err := h.Do(func() error {
		b, err := netlink.LinkByName(br)
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
	if err != nil {
		t.Fatalf("%s: %v", h, err)
	}
	return port
}

// waitFDB waits until host h's bridge has learned mac on port want.
func waitFDB(ctx context.Context, t *testing.T, h *lab.Host, mac string, want int, what string) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	for {
		got := fdbPort(t, h, nfBridge, mac)
		if got == want {
			return
		}
		select {
		case <-c.Done():
			t.Fatalf("%s: bridge %s has %s on port ifindex %d, want %d = %s", h, nfBridge, mac, got, want, what)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// lastHeartbeat is the newest heartbeat of the VM in a serial file.
func lastHeartbeat(t *testing.T, path string) guest.Heartbeat {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var last guest.Heartbeat
	found := false
	for _, line := range strings.Split(string(b), "\n") {
		if hb, ok := guest.ParseHeartbeat(line); ok && hb.ID == nfVM {
			last, found = hb, true
		}
	}
	if !found {
		t.Fatalf("no heartbeat of %s in %s", nfVM, path)
	}
	return last
}
