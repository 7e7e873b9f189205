package netfabric

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/fullkernel"
	"github.com/vishvananda/netlink"
)

// TestFullKernel boots Debian's kernel once (802.1Q, bridge vlan_filtering,
// bonds and dummies, which this machine's kernel lacks) and runs every
// TestInside* test of this package in it. The bonding and dummy modules
// create no device of their own (max_bonds=0, numdummies=0).
func TestFullKernel(t *testing.T) {
	if fullkernel.Inside() {
		t.Skip("the outer half; runs outside only")
	}
	fullkernel.RunTest(t, fullkernel.Options{Run: "^TestInside",
		Modules:      []string{"bonding", "dummy"},
		ModuleParams: map[string]string{"bonding": "max_bonds=0", "dummy": "numdummies=0"}})
}

// TestInsideCLIExample: the fabric file of CLI.md, exactly as written, is
// applied in a fresh namespace where a veth named eth1 stands in for the
// NIC: eth1 becomes the trunk of vbr0 with VLANs 100 and 200; re-applying
// changes nothing.
func TestInsideCLIExample(t *testing.T) {
	inside(t)
	ns := newNS(t)
	nh := nlHandle(t, ns)
	if err := nh.LinkAdd(&netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: "eth1"}, PeerName: "eth1-p"}); err != nil {
		t.Fatal(err)
	}
	h := openHost(t, ns)
	ctx := ctxT(t)
	f, err := Parse("cli.yaml", []byte(cliExample))
	if err != nil {
		t.Fatalf("Parse(CLI.md example) = %v", err)
	}
	p, err := h.ApplyFile(ctx, f, "cli.yaml")
	if err != nil {
		t.Fatalf("Apply(CLI.md example): %v\nplan:\n%s", err, p)
	}
	t.Logf("applied:\n%s", p)
	st, err := h.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if l := st.Links["eth1"]; l == nil || l.Master != "vbr0" || l.Alias != "vigil:uplink" || !l.Up ||
		!sameVlans(l.Vlans, map[int]VlanFlags{100: tagged, 200: tagged}) {
		t.Errorf("eth1 = %+v, want the trunk of vbr0 carrying VLANs 100 and 200 tagged", l)
	}
	if l := st.Links["vm1-0"]; l == nil || l.Master != "vbr0" || !sameVlans(l.Vlans, map[int]VlanFlags{100: pu}) {
		t.Errorf("vm1-0 = %+v, want on vbr0 with PVID 100", l)
	}
	if l := st.Links["vx5001"]; l == nil || l.Master != "vbr0" || !sameVlans(l.Vlans, map[int]VlanFlags{200: pu}) {
		t.Errorf("vx5001 = %+v, want on vbr0 mapped to VLAN 200", l)
	}
	if p, err := h.ApplyFile(ctx, f, "cli.yaml"); err != nil || !p.Empty() {
		t.Fatalf("re-Apply(CLI.md example) = %v; want no change:\n%s", err, p)
	}
}

// TestInsideUplinkRefused is TestUplinkRefused where bonds and dummies
// exist.
func TestInsideUplinkRefused(t *testing.T) {
	inside(t)
	testUplinkRefused(t)
}

func inside(t *testing.T) {
	t.Helper()
	if !fullkernel.Inside() {
		t.Skip("needs VLAN filtering: runs inside the full kernel through TestFullKernel")
	}
}

const vlanFabric = `
version: 1
uplinks: [{name: eth1}]
bridges:
  - name: vbr0
    vlan_filtering: true
    uplink: eth1
    vlans: [100, 200]
vxlans:
  - {name: vx5001, vni: 5001, local: 10.10.0.1, remotes: [10.10.0.2], bridge: vbr0, vlan: 200}
taps:
  - {name: vm1-0, vm: vm1, bridge: vbr0, vlan: 100, mac: "52:54:00:00:00:01"}
  - {name: vm2-0, vm: vm2, bridge: vbr0, vlan: 200, mac: "52:54:00:00:00:02"}
management: {device: vbr0, vlan: 10, address: 10.0.0.1/24}
`

func vlansOf(st *State, name string) map[int]VlanFlags {
	if l := st.Links[name]; l != nil {
		return l.Vlans
	}
	return nil
}

func sameVlans(got, want map[int]VlanFlags) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

var (
	pu     = VlanFlags{PVID: true, Untagged: true}
	tagged = VlanFlags{}
)

// TestInsideVLANApply: bridge VLANs of taps (untagged PVID), trunk uplink,
// VXLAN mapped to a VLAN and a management VLAN device; re-apply, diff and
// drift repair of a deleted VLAN entry and VLAN device.
func TestInsideVLANApply(t *testing.T) {
	inside(t)
	ns := newNS(t)
	nh := nlHandle(t, ns)
	if err := nh.LinkAdd(&netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: "eth1"}, PeerName: "eth1-p"}); err != nil {
		t.Fatal(err)
	}
	h := openHost(t, ns)
	ctx := ctxT(t)
	f := mustParse(t, vlanFabric)
	p, err := h.Apply(ctx, f)
	if err != nil {
		t.Fatalf("Apply: %v\nplan:\n%s", err, p)
	}
	t.Logf("applied:\n%s", p)
	st, err := h.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]map[int]VlanFlags{
		"vm1-0":  {100: pu},
		"vm2-0":  {200: pu},
		"vx5001": {200: pu},
		"eth1":   {100: tagged, 200: tagged},
		"vbr0":   {1: pu, 10: tagged},
	} {
		if got := vlansOf(st, name); !sameVlans(got, want) {
			t.Errorf("VLANs of %s = %v, want %v", name, got, want)
		}
	}
	if l := st.Links["vbr0"]; !l.VlanFiltering {
		t.Error("vbr0 has vlan_filtering off")
	}
	if l := st.Links["vbr0.10"]; l == nil || l.Kind != KindVLAN || l.VLANID != 10 || strings.Join(l.Addrs, ",") != "10.0.0.1/24" {
		t.Errorf("management VLAN device = %+v", l)
	}
	if l := st.Links["eth1"]; l.Master != "vbr0" || l.Alias != "vigil:uplink" {
		t.Errorf("uplink = %+v", l)
	}
	if p, err := h.Apply(ctx, f); err != nil || !p.Empty() {
		t.Fatalf("re-Apply = %v, %v; want no change:\n%s", p, err, p)
	}
	// A VM changing VLAN: exactly add the new PVID, drop the old.
	f2 := f.Clone()
	f2.Taps[0].VLAN = 300
	p, err = h.Plan(ctx, f2)
	if err != nil {
		t.Fatal(err)
	}
	if want := "bridge vlan add dev vm1-0 vid 300 pvid untagged\nbridge vlan del dev vm1-0 vid 100\n"; p.String() != want {
		t.Errorf("Plan(vlan 100 -> 300) =\n%s\nwant\n%s", p, want)
	}

	// Drift: a VLAN entry and the VLAN device come back within a second.
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- h.Watch(wctx, WatchOptions{}) }()
	defer func() {
		cancel()
		<-done
	}()
	time.Sleep(200 * time.Millisecond)
	waitFor := func(what string, ok func(*State) bool) {
		t.Helper()
		start := time.Now()
		for time.Since(start) < 10*time.Second {
			st, err := h.Read(ctx)
			if err == nil && ok(st) {
				t.Logf("%s: repaired after %v", what, time.Since(start).Round(time.Millisecond))
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Errorf("%s: not repaired within 10s", what)
	}
	tap, _ := nh.LinkByName("vm1-0")
	if err := nh.BridgeVlanDel(tap, 100, true, true, false, true); err != nil {
		t.Fatal(err)
	}
	waitFor("bridge vlan del dev vm1-0 vid 100", func(st *State) bool { return sameVlans(vlansOf(st, "vm1-0"), map[int]VlanFlags{100: pu}) })
	vl, _ := nh.LinkByName("vbr0.10")
	if err := nh.LinkDel(vl); err != nil {
		t.Fatal(err)
	}
	waitFor("ip link del vbr0.10", func(st *State) bool {
		l := st.Links["vbr0.10"]
		return l != nil && len(l.Addrs) == 1
	})
}

// TestInsideVLANIsolation: guests on the same VLAN of one bridge reach each
// other, guests on different VLANs do not, until one is moved.
func TestInsideVLANIsolation(t *testing.T) {
	inside(t)
	ns := newNS(t)
	h := openHost(t, ns)
	ctx := ctxT(t)
	f := mustParse(t, `
version: 1
bridges: [{name: vbr0, vlan_filtering: true}]
taps:
  - {name: a-0, vm: a, bridge: vbr0, vlan: 100, mac: "52:54:00:00:05:01"}
  - {name: b-0, vm: b, bridge: vbr0, vlan: 100, mac: "52:54:00:00:05:02"}
  - {name: c-0, vm: c, bridge: vbr0, vlan: 200, mac: "52:54:00:00:05:03"}
`)
	if _, err := h.Apply(ctx, f); err != nil {
		t.Fatal(err)
	}
	a := newGuest(t, "52:54:00:00:05:01", "192.168.80.1/24")
	b := newGuest(t, "52:54:00:00:05:02", "192.168.80.2/24")
	c := newGuest(t, "52:54:00:00:05:03", "192.168.80.3/24")
	a.plug(h, "a-0")
	b.plug(h, "b-0")
	c.plug(h, "c-0")
	if !a.reach(b, 10*time.Second) {
		t.Fatal("a does not reach b on the same VLAN")
	}
	if a.reach(c, 2*time.Second) {
		t.Fatal("a reaches c on another VLAN")
	}
	f.Taps[2].VLAN = 100
	if _, err := h.Apply(ctx, f); err != nil {
		t.Fatal(err)
	}
	if !a.reach(c, 10*time.Second) {
		t.Fatal("a does not reach c after c moved to VLAN 100")
	}
}

// BenchmarkInsideVLANPorts is BenchmarkApply500Ports with each port on a
// VLAN (`bridge vlan add ... pvid untagged` + `bridge vlan del ... vid 1`
// on the ip side); it runs inside the full kernel through
// BenchmarkFullKernelVLANPorts, with fewer ports since everything there is
// about 100 times slower.
func BenchmarkInsideVLANPorts(b *testing.B) {
	if !fullkernel.Inside() {
		b.Skip("runs inside the full kernel through BenchmarkFullKernelVLANPorts")
	}
	benchPorts(b, 100, true)
}

// BenchmarkFullKernelVLANPorts boots the full kernel and runs
// BenchmarkInsideVLANPorts there, relaying its figures.
func BenchmarkFullKernelVLANPorts(b *testing.B) {
	if fullkernel.Inside() {
		b.Skip("the outer half")
	}
	if _, err := fullkernel.FindAssets(fullkernel.Dir()); err != nil {
		testenv.Unavailable(b, "%v", err)
	}
	for i := 0; i < b.N; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		res, err := fullkernel.Run(ctx, fullkernel.Config{Run: "^$",
			Args: []string{"-test.bench", "^BenchmarkInsideVLANPorts$", "-test.benchtime", "1x"}})
		cancel()
		for _, l := range res.Lines {
			if strings.Contains(l, "ports") || strings.Contains(l, "Benchmark") {
				b.Log(strings.TrimSpace(l))
			}
		}
		if err != nil || !res.Passed() {
			b.Fatalf("inside: %v (exit %d)\n%s", err, res.ExitCode, strings.Join(res.Lines, "\n"))
		}
	}
}

// underlay links two fresh namespaces with a veth pair addressed
// 10.10.0.1/24 and 10.10.0.2/24 (two hosts, inside the full kernel where
// the lab is not available).
func underlay(t *testing.T) (*Host, *Host) {
	t.Helper()
	ns1, ns2 := newNS(t), newNS(t)
	n1, n2 := nlHandle(t, ns1), nlHandle(t, ns2)
	veth := &netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: "under0"}, PeerName: "under0", PeerNamespace: netlink.NsFd(int(ns2))}
	if err := n1.LinkAdd(veth); err != nil {
		t.Fatal(err)
	}
	for i, nh := range []*netlink.Handle{n1, n2} {
		l, err := nh.LinkByName("under0")
		if err != nil {
			t.Fatal(err)
		}
		a, _ := netlink.ParseAddr(fmt.Sprintf("10.10.0.%d/24", i+1))
		if err := nh.AddrAdd(l, a); err != nil {
			t.Fatal(err)
		}
		if err := nh.LinkSetUp(l); err != nil {
			t.Fatal(err)
		}
	}
	return openHost(t, ns1), openHost(t, ns2)
}

// TestInsideVXLANMappedVLAN: a VXLAN segment mapped to bridge VLAN 200 on
// two hosts carries VLAN 200 between them and nothing of VLAN 100.
func TestInsideVXLANMappedVLAN(t *testing.T) {
	inside(t)
	h1, h2 := underlay(t)
	ctx := ctxT(t)
	fab := func(local, remote, taps string) *Fabric {
		return mustParse(t, fmt.Sprintf(`
version: 1
bridges: [{name: vbr0, vlan_filtering: true}]
vxlans: [{name: vx200, vni: 200, local: %s, remotes: [%s], bridge: vbr0, vlan: 200}]
taps: %s
`, local, remote, taps))
	}
	if _, err := h1.Apply(ctx, fab("10.10.0.1", "10.10.0.2", `[{name: a-0, vm: a, bridge: vbr0, vlan: 200, mac: "52:54:00:00:06:01"}, {name: c-0, vm: c, bridge: vbr0, vlan: 100, mac: "52:54:00:00:06:03"}]`)); err != nil {
		t.Fatal(err)
	}
	if _, err := h2.Apply(ctx, fab("10.10.0.2", "10.10.0.1", `[{name: b-0, vm: b, bridge: vbr0, vlan: 200, mac: "52:54:00:00:06:02"}]`)); err != nil {
		t.Fatal(err)
	}
	a := newGuest(t, "52:54:00:00:06:01", "192.168.90.1/24")
	b := newGuest(t, "52:54:00:00:06:02", "192.168.90.2/24")
	c := newGuest(t, "52:54:00:00:06:03", "192.168.90.3/24")
	a.plug(h1, "a-0")
	b.plug(h2, "b-0")
	c.plug(h1, "c-0")
	if !a.reach(b, 10*time.Second) {
		t.Fatal("VLAN 200 does not cross the VXLAN")
	}
	if c.reach(b, 2*time.Second) {
		t.Fatal("VLAN 100 crosses a VXLAN mapped to VLAN 200")
	}
}
