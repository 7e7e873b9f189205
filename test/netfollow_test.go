package test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/vishvananda/netlink"
	"golang.org/x/sys/unix"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/netfabric"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/store/storetest"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
	"github.com/vigil-ha/vigil/vms"
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
// VXLAN segment between them, through the product's own path: a vms.Host
// per lab host starts the guest (tap first) and migrates it, calling
// netfabric's hooks in their documented order around qmp.Migrate (DESIGN.md
// invariant 8), with an intent on each host. It checks that the guest goes
// on (same boot, later heartbeat, one live copy), that the tap moved (gone
// from host 1, on the bridge of host 2 with the right MAC), that no intent
// is left open, and that the network learned the move: before the
// migration host 1's bridge has the guest's MAC on the tap port and host
// 2's on the VXLAN port; afterwards the other way round, which only happens
// if the destination QEMU's RARP announcements crossed the VXLAN.
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

	// One agent-side VM runner per host, each with its own store; host 1
	// reaches host 2 through netfabric's hooks and host 2's runner, as
	// the agent will through its inter-host API.
	runners := map[*lab.Host]*vms.Host{}
	stores := map[*lab.Host]*store.Store{}
	for _, p := range [][2]*lab.Host{{h1, h2}, {h2, h1}} {
		self, peer := p[0], p[1]
		runDir, err := os.MkdirTemp("", "nfw")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(runDir) })
		stores[self] = storetest.Open(t, store.Options{NoSync: true})
		r, err := vms.New(vms.Config{
			Name: self.Name, RunDir: runDir, Store: stores[self], Net: nf[self], MigrationIP: self.MigIP.String(),
			QEMU: qmp.Options{Command: func(name string, args ...string) *exec.Cmd {
				return self.Command(context.Background(), name, args...)
			}},
			Migrate: qmp.MigrateOptions{StallTimeout: 30 * time.Second, CallTimeout: 30 * time.Second},
			Destinations: func(host string) (vms.Destination, error) {
				if host != peer.Name {
					return vms.Destination{}, fmt.Errorf("unknown host %s", host)
				}
				return vms.Destination{Hooks: netfabric.NewMigration(nf[self], nf[peer]), Receiver: runners[peer]}, nil
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close() })
		runners[self] = r
	}
	run1, run2 := runners[h1], runners[h2]

	// The guest on host 1 through vms: its NIC's tap on the bridge, then
	// QEMU.
	vm := nfGuest(ctx, t)
	started, err := run1.Start(ctx, vm)
	if err != nil {
		t.Fatalf("Start on %s: %v", h1, err)
	}
	if plan, err := src1.Plan(ctx, src1.Fabric()); err != nil || !plan.Empty() {
		t.Fatalf("%s: plan after Start = %v, %v; want nothing to do", h1, plan, err)
	}
	checkTap(ctx, t, src1, h1, true)
	srcSerial := run1.Paths(nfVM).SerialLog
	hb0 := waitHeartbeat(ctx, t, srcSerial, 0)
	// The technicians' QMP socket: the agent's monitor is the runner's.
	srcMon, err := qmp.Dial(ctx, run1.Paths(nfVM).QMPAdmin)
	if err != nil {
		t.Fatal(err)
	}
	defer srcMon.Close()

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
	srcMon.Close()

	// The migration through vms: the target's tap first (QEMU opens it at
	// launch), then the destination, then qmp.Migrate (which announces on
	// the destination after switchover and stops the source), then the
	// source's tap goes.
	res, err := run1.Migrate(ctx, nfVM, h2.Name, vm.Generation+1)
	if err != nil {
		t.Fatalf("migration: %v (result %+v)", err, res)
	}
	if res.Status != "completed" {
		t.Fatalf("migration status %q, want completed (%+v)", res.Status, res)
	}
	t.Logf("migration completed: total %d ms, downtime %d ms, paused %.1f ms", res.TotalMs, res.DowntimeMs, res.PausedMs)
	if err := unix.Kill(started.PID, 0); !errors.Is(err, unix.ESRCH) {
		t.Fatalf("source QEMU (pid %d) still there after the migration: %v", started.PID, err)
	}
	if l1, _ := run1.List(ctx); len(l1) != 0 {
		t.Fatalf("%s still lists %+v after the migration", h1, l1)
	}
	l2, _ := run2.List(ctx)
	if len(l2) != 1 || l2[0].State != vms.Running || l2[0].Generation != vm.Generation+1 {
		t.Fatalf("%s lists %+v; want %s running at generation %d", h2, l2, nfVM, vm.Generation+1)
	}
	for h, st := range stores {
		if open, _ := st.OpenIntents(); len(open) != 0 {
			t.Fatalf("%s: open intents after the migration: %+v", h, open)
		}
	}

	// The guest goes on on host 2: same boot, later heartbeats, one copy.
	last := lastHeartbeat(t, srcSerial)
	if last.Boot != hb0.Boot {
		t.Fatalf("source rebooted before the migration: boot %s then %s", hb0.Boot, last.Boot)
	}
	hb := waitHeartbeat(ctx, t, run2.Paths(nfVM).SerialLog, last.Seq)
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

	// Stopped through vms on host 2: the QEMU and its tap go.
	if err := run2.Stop(ctx, nfVM); err != nil {
		t.Fatalf("Stop on %s: %v", h2, err)
	}
	checkTap(ctx, t, dst2, h2, false)
	if n := l.LiveCopies(nfVM); n != 0 {
		t.Fatalf("LiveCopies(%s) = %d after Stop, want 0", nfVM, n)
	}
}

// nfGuest is the test guest with one NIC on the bridge, at generation 1.
func nfGuest(ctx context.Context, t *testing.T) vms.VM {
	t.Helper()
	kernel, err := guest.Build(ctx)
	if err != nil {
		t.Fatalf("guest.Build: %v", err)
	}
	var extra []string
	args := guest.QEMUArgs(guest.Options{Kernel: kernel, ID: nfVM, Serial: "chardev:serial0"})
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "-kernel" || args[i] == "-append" {
			extra = append(extra, args[i], args[i+1])
		}
	}
	return vms.VM{
		Spec:       qmp.Spec{Name: nfVM, VCPUs: 1, MemoryMiB: 64, NICs: []qmp.NIC{{MAC: nfMAC, Tap: nfTap}}, Extra: extra},
		Generation: 1,
		Taps:       []netfabric.Tap{{Name: nfTap, Bridge: nfBridge, MAC: nfMAC}},
	}
}

// waitHeartbeat waits for a heartbeat of the guest in a serial log with
// seq > after.
func waitHeartbeat(ctx context.Context, t *testing.T, serialLog string, after uint64) guest.Heartbeat {
	t.Helper()
	r := guest.NewFileReader(serialLog)
	defer r.Close()
	hb, err := r.Wait(ctx, fmt.Sprintf("a heartbeat of %s with seq > %d", nfVM, after), func(hb guest.Heartbeat) bool {
		return hb.ID == nfVM && hb.Seq > after
	})
	if err != nil {
		t.Fatal(err)
	}
	return hb
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
