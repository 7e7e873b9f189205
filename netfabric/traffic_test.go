package netfabric

import (
	"fmt"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/test/lab"
)

// TestBridgeTraffic: two guests on taps of the same vigil bridge reach each
// other; a guest on another vigil bridge does not reach them.
func TestBridgeTraffic(t *testing.T) {
	ns := newNS(t)
	h := openHost(t, ns)
	ctx := ctxT(t)
	f := mustParse(t, `
version: 1
bridges: [{name: vbr0}, {name: vbr1}]
taps:
  - {name: a-0, vm: a, bridge: vbr0, mac: "52:54:00:00:01:01"}
  - {name: b-0, vm: b, bridge: vbr0, mac: "52:54:00:00:01:02"}
  - {name: c-0, vm: c, bridge: vbr1, mac: "52:54:00:00:01:03"}
`)
	if _, err := h.Apply(ctx, f); err != nil {
		t.Fatal(err)
	}
	a := newGuest(t, "52:54:00:00:01:01", "192.168.50.1/24")
	b := newGuest(t, "52:54:00:00:01:02", "192.168.50.2/24")
	c := newGuest(t, "52:54:00:00:01:03", "192.168.50.3/24")
	a.plug(h, "a-0")
	b.plug(h, "b-0")
	c.plug(h, "c-0")
	if !a.reach(b, 5*time.Second) {
		t.Fatal("a does not reach b on the same bridge")
	}
	if !b.reach(a, 2*time.Second) {
		t.Fatal("b does not reach a on the same bridge")
	}
	if a.reach(c, 500*time.Millisecond) {
		t.Fatal("a reaches c on another bridge")
	}
}

// vxlanFabric is one lab host's fabric: a bridge with a VXLAN towards the
// other host and the taps given.
func vxlanFabric(self, peer *lab.Host, taps string) string {
	return fmt.Sprintf(`
version: 1
bridges: [{name: vbr0}]
vxlans:
  - {name: vx100, vni: 100, local: %s, remotes: [%s], bridge: vbr0}
taps: %s
`, self.MgmtIP, peer.MgmtIP, taps)
}

func twoLabHosts(t *testing.T) (*lab.Lab, *Host, *Host) {
	t.Helper()
	needRoot(t)
	l := lab.New(t, lab.Options{Hosts: 2, BMC: lab.NoBMC, Name: "nf"})
	var hs [2]*Host
	for i := range hs {
		h, err := Open(Options{NetNS: l.Hosts[i].Netns})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { h.Close() })
		hs[i] = h
	}
	return l, hs[0], hs[1]
}

// TestVXLANAcrossHosts: a VXLAN segment between two lab hosts (static
// peers, no learning) carries traffic between guests on either side.
func TestVXLANAcrossHosts(t *testing.T) {
	l, h1, h2 := twoLabHosts(t)
	ctx := ctxT(t)
	f1 := mustParse(t, vxlanFabric(l.Hosts[0], l.Hosts[1], `[{name: a-0, vm: a, bridge: vbr0, mac: "52:54:00:00:02:01"}]`))
	f2 := mustParse(t, vxlanFabric(l.Hosts[1], l.Hosts[0], `[{name: b-0, vm: b, bridge: vbr0, mac: "52:54:00:00:02:02"}]`))
	if _, err := h1.Apply(ctx, f1); err != nil {
		t.Fatal(err)
	}
	if _, err := h2.Apply(ctx, f2); err != nil {
		t.Fatal(err)
	}
	a := newGuest(t, "52:54:00:00:02:01", "192.168.60.1/24")
	b := newGuest(t, "52:54:00:00:02:02", "192.168.60.2/24")
	a.plug(h1, "a-0")
	b.plug(h2, "b-0")
	if !a.reach(b, 5*time.Second) || !b.reach(a, 2*time.Second) {
		t.Fatal("guests on two hosts do not reach each other over the VXLAN")
	}
	// Drop the peer from host 1's FDB: the segment is cut.
	f1.VXLANs[0].Remotes = []string{"10.99.99.99"}
	if _, err := h1.Apply(ctx, f1); err != nil {
		t.Fatal(err)
	}
	if a.reach(b, 500*time.Millisecond) {
		t.Fatal("traffic still crosses after host 1 dropped its only real peer")
	}
}

// TestNICFollowsVM: a VM moves from host 1 to host 2. PrepareTarget puts its
// tap on host 2 before the switchover, the guest announces itself (as
// QEMU's announce-self), AfterSwitchover removes host 1's tap, and a peer on
// host 1 reaches the VM again right away.
func TestNICFollowsVM(t *testing.T) {
	l, h1, h2 := twoLabHosts(t)
	ctx := ctxT(t)
	taps := `
  - {name: p-0, vm: peer, bridge: vbr0, mac: "52:54:00:00:03:01"}
  - {name: m-0, vm: mover, bridge: vbr0, mac: "52:54:00:00:03:02"}`
	if _, err := h1.Apply(ctx, mustParse(t, vxlanFabric(l.Hosts[0], l.Hosts[1], taps))); err != nil {
		t.Fatal(err)
	}
	if _, err := h2.Apply(ctx, mustParse(t, vxlanFabric(l.Hosts[1], l.Hosts[0], "[]"))); err != nil {
		t.Fatal(err)
	}
	peer := newGuest(t, "52:54:00:00:03:01", "192.168.70.1/24")
	vm := newGuest(t, "52:54:00:00:03:02", "192.168.70.2/24")
	peer.plug(h1, "p-0")
	vm.plug(h1, "m-0")
	if !peer.reach(vm, 5*time.Second) {
		t.Fatal("peer does not reach the VM before the move")
	}

	var hooks Hooks = NewMigration(h1, h2)
	if err := hooks.PrepareTarget(ctx, "mover"); err != nil {
		t.Fatal(err)
	}
	st, _ := h2.Read(ctx)
	if l := st.Links["m-0"]; l == nil || l.Master != "vbr0" || l.MAC != "fe:54:00:00:03:02" {
		t.Fatalf("target tap after PrepareTarget = %+v", l)
	}
	// Switchover: the guest stops on host 1 and continues on host 2.
	start := time.Now()
	vm.unplug()
	vm.plug(h2, "m-0")
	vm.announce()
	if err := hooks.AfterSwitchover(ctx, "mover"); err != nil {
		t.Fatal(err)
	}
	if !peer.reach(vm, 3*time.Second) {
		t.Fatal("peer does not reach the VM after the move")
	}
	t.Logf("connectivity restored %v after the switchover", time.Since(start).Round(time.Millisecond))
	st, _ = h1.Read(ctx)
	if st.Links["m-0"] != nil {
		t.Fatal("source tap still there after AfterSwitchover")
	}
	if len(h1.VMTaps("mover")) != 0 || len(h2.VMTaps("mover")) != 1 {
		t.Fatalf("fabrics after the move: source %v, target %v", h1.VMTaps("mover"), h2.VMTaps("mover"))
	}
	if err := hooks.PrepareTarget(ctx, "nosuchvm"); err == nil {
		t.Fatal("PrepareTarget(unknown VM) succeeded")
	}
}
