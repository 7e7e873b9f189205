package netfabric

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netns"
	"golang.org/x/sys/unix"
)

const hostFabric = `
version: 1
bridges:
  - name: vbr0
    mtu: 1500
vxlans:
  - name: vx5001
    vni: 5001
    local: 10.10.0.1
    remotes: [10.10.0.2, 10.10.0.3]
    bridge: vbr0
taps:
  - name: vm1-0
    vm: vm1
    bridge: vbr0
    mac: "52:54:00:00:00:01"
  - name: vm2-0
    vm: vm2
    bridge: vbr0
    mac: "52:54:00:00:00:02"
    mtu: 1400
`

func TestApplyReapplyDiff(t *testing.T) {
	ns := newNS(t)
	h := openHost(t, ns)
	ctx := ctxT(t)
	f := mustParse(t, hostFabric)

	p, err := h.Plan(ctx, f)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	t.Logf("plan:\n%s", p)
	if p.Empty() {
		t.Fatal("Plan on an empty namespace is empty")
	}
	if got, _ := h.Read(ctx); len(got.Links) != 1 {
		t.Fatalf("Plan changed the host: %d links, want only lo", len(got.Links))
	}
	if _, err := h.Apply(ctx, f); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	st, err := h.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tap := st.Links["vm1-0"]
	if tap == nil || tap.Kind != KindTap || tap.Master != "vbr0" || tap.MAC != "fe:54:00:00:00:01" || !tap.Up || tap.MTU != 1500 {
		t.Fatalf("vm1-0 = %+v, want a tap on vbr0 with fe:54:00:00:00:01, mtu 1500, up", tap)
	}
	if l := st.Links["vm2-0"]; l == nil || l.MTU != 1400 {
		t.Fatalf("vm2-0 = %+v, want mtu 1400", l)
	}
	vx := st.Links["vx5001"]
	if vx == nil || vx.VXLAN == nil || vx.VXLAN.VNI != 5001 || vx.VXLAN.Learning || vx.VXLAN.Port != 4789 || vx.Master != "vbr0" {
		t.Fatalf("vx5001 = %+v %+v", vx, vx.VXLAN)
	}
	if strings.Join(vx.FDB, ",") != "10.10.0.2,10.10.0.3" {
		t.Fatalf("vx5001 FDB = %v, want both remotes", vx.FDB)
	}
	// Re-apply: nothing to do.
	p2, err := h.Apply(ctx, f)
	if err != nil {
		t.Fatalf("re-Apply: %v", err)
	}
	if !p2.Empty() {
		t.Fatalf("re-Apply changed things:\n%s", p2)
	}
	// A changed file: diff names exactly the change.
	f2 := f.Clone()
	f2.Taps[0].MTU = 1300
	f2.VXLANs[0].Remotes = []string{"10.10.0.2", "10.10.0.4"}
	p3, err := h.Plan(ctx, f2)
	if err != nil {
		t.Fatal(err)
	}
	want := "ip link set dev vm1-0 mtu 1300\n" +
		"bridge fdb append 00:00:00:00:00:00 dev vx5001 dst 10.10.0.4 self permanent\n"
	fdbDel := "bridge fdb del 00:00:00:00:00:00 dev vx5001 dst 10.10.0.3 self\n"
	if p3.String() != fdbDel+want {
		t.Fatalf("Plan(changed) =\n%s\nwant\n%s%s", p3, fdbDel, want)
	}
	if _, err := h.Apply(ctx, f2); err != nil {
		t.Fatal(err)
	}
	if p4, _ := h.Plan(ctx, f2); !p4.Empty() {
		t.Fatalf("after applying the change, plan is not empty:\n%s", p4)
	}
}

// snapshot renders every link of a namespace (owned or not), with its
// addresses, and every route, for before/after comparisons.
func snapshot(t testing.TB, h *Host) string {
	t.Helper()
	st, err := h.Read(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, name := range st.Order {
		l := st.Links[name]
		fmt.Fprintf(&b, "%s kind=%s alias=%q mtu=%d mac=%s master=%s up=%v vlans=%v fdb=%v addrs=%v default=%v\n",
			l.Name, l.Kind, l.Alias, l.MTU, l.MAC, l.Master, l.Up, l.Vlans, l.FDB, l.Addrs, l.DefaultRoute)
	}
	routes, err := h.nlh.RouteListFiltered(netlink.FAMILY_ALL, &netlink.Route{Table: unix.RT_TABLE_UNSPEC}, netlink.RT_FILTER_TABLE)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range routes {
		fmt.Fprintf(&b, "route %s\n", r)
	}
	return b.String()
}

// quietNS is newNS without IPv6: the kernel adds IPv6 link-local
// addresses and their routes on its own, up to seconds after a link gains
// carrier (linkwatch, then duplicate address detection), so tests that
// compare the namespace before and after a refused apply run without it.
func quietNS(t testing.TB) netns.NsHandle {
	t.Helper()
	ns := newNS(t)
	err := inNS(ns, func() error {
		for _, conf := range []string{"all", "default"} {
			if err := os.WriteFile("/proc/sys/net/ipv6/conf/"+conf+"/disable_ipv6", []byte("1"), 0o644); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("turning IPv6 off in the test namespace: %v", err)
	}
	return ns
}

// addForeign creates interfaces vigil does not own: a bridge with a tap.
func addForeign(t testing.TB, ns netns.NsHandle) {
	t.Helper()
	nh := nlHandle(t, ns)
	if err := nh.LinkAdd(&netlink.Bridge{LinkAttrs: netlink.LinkAttrs{Name: "br-ext"}}); err != nil {
		t.Fatal(err)
	}
	br, _ := nh.LinkByName("br-ext")
	if err := inNS(ns, func() error { fd, err := createTap("ext-tap"); unix.Close(fd); return err }); err != nil {
		t.Fatal(err)
	}
	tap, _ := nh.LinkByName("ext-tap")
	if err := nh.LinkSetMaster(tap, br); err != nil {
		t.Fatal(err)
	}
	veth := &netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: "eth1"}, PeerName: "eth1-peer"}
	if err := nh.LinkAdd(veth); err != nil {
		t.Fatal(err)
	}
	port := &netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: "ext-port", MasterIndex: br.Attrs().Index}, PeerName: "ext-port-p"}
	if err := nh.LinkAdd(port); err != nil {
		t.Fatal(err)
	}
}

// TestRefusedChangesNothing: files that collide with what vigil does not
// own are refused at apply, naming the file and object, with the host left
// exactly as it was.
func TestRefusedChangesNothing(t *testing.T) {
	ns := quietNS(t)
	addForeign(t, ns)
	h := openHost(t, ns)
	ctx := ctxT(t)
	if _, err := h.Apply(ctx, mustParse(t, hostFabric)); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, h)
	cases := []struct {
		name, yaml, want string
		sentinel         error
	}{
		{"tap named like a foreign tap", "version: 1\nbridges: [{name: vbr0}]\ntaps:\n  - {name: ext-tap, vm: vm9, bridge: vbr0, mac: '52:54:00:00:00:09'}\n",
			"ext-tap: a tun/tap device with this name exists and is not vigil's", ErrNotOwned},
		{"bridge named like a foreign bridge", "version: 1\nbridges: [{name: br-ext}]\n",
			"br-ext: a bridge with this name exists and is not vigil's", ErrNotOwned},
		{"listed uplink enslaved to a foreign bridge", "version: 1\nuplinks: [{name: ext-port}]\nbridges: [{name: vbr0, uplink: ext-port}]\n",
			"bridges[0].uplink: ext-port: uplink is a port of br-ext, which vigil does not own", ErrNotOwned},
		{"listed missing uplink", "version: 1\nuplinks: [{name: eth7}]\nbridges: [{name: vbr0, uplink: eth7}]\n",
			"bridges[0].uplink: eth7: uplink does not exist", ErrMissingUplink},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := mustParse(t, tc.yaml)
			_, err := h.ApplyFile(ctx, f, "bad.yaml")
			if err == nil {
				t.Fatalf("Apply(%s) succeeded", tc.name)
			}
			if !errors.Is(err, tc.sentinel) || !strings.Contains(err.Error(), "bad.yaml") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Apply error = %v, want %v naming bad.yaml and %q", err, tc.sentinel, tc.want)
			}
			if after := snapshot(t, h); after != before {
				t.Fatalf("refused apply changed the host:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
	// Statically invalid files never reach the host either.
	bad := mustParse(t, hostFabric)
	bad.Taps[1].MAC = bad.Taps[0].MAC
	if _, err := h.ApplyFile(ctx, bad, "dup.yaml"); !errors.Is(err, ErrInvalidFabric) || !strings.Contains(err.Error(), "dup.yaml: taps[1].mac: duplicate MAC") {
		t.Fatalf("Apply(duplicate MAC) = %v", err)
	}
	if after := snapshot(t, h); after != before {
		t.Fatalf("invalid apply changed the host")
	}
}

// TestRemoveVMNIC: dropping a VM's NIC from the file deletes exactly that
// tap; foreign interfaces are never touched, even when vigil deletes all.
func TestRemoveVMNIC(t *testing.T) {
	ns := newNS(t)
	addForeign(t, ns)
	h := openHost(t, ns)
	ctx := ctxT(t)
	f := mustParse(t, hostFabric)
	if _, err := h.Apply(ctx, f); err != nil {
		t.Fatal(err)
	}
	if err := h.UnplugVM(ctx, "vm2"); err != nil {
		t.Fatal(err)
	}
	st, _ := h.Read(ctx)
	if st.Links["vm2-0"] != nil || st.Links["vm1-0"] == nil || st.Links["vbr0"] == nil {
		t.Fatalf("after UnplugVM(vm2): vm2-0=%v vm1-0=%v", st.Links["vm2-0"], st.Links["vm1-0"])
	}
	f2 := f.Clone()
	f2.Taps = f2.Taps[:1]
	if p, _ := h.Plan(ctx, f2); !p.Empty() {
		t.Fatalf("plan after removal is not empty:\n%s", p)
	}
	// Everything vigil owns goes; the foreign bridge, tap and veth stay.
	p, err := h.Apply(ctx, &Fabric{Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := "ip link del dev vm1-0\nip link del dev vx5001\nip link del dev vbr0\n"
	if p.String() != want {
		t.Fatalf("Apply(empty) =\n%s\nwant\n%s", p, want)
	}
	st, _ = h.Read(ctx)
	for _, n := range []string{"br-ext", "ext-tap", "ext-port", "eth1", "eth1-peer"} {
		if st.Links[n] == nil {
			t.Errorf("foreign %s was removed", n)
		}
	}
	if st.Links["ext-tap"].Master != "br-ext" {
		t.Errorf("foreign ext-tap left br-ext")
	}
}

// TestDriftRepair: Watch puts back a deleted tap, a port taken off its
// bridge and a deleted VXLAN within a second.
func TestDriftRepair(t *testing.T) {
	ns := newNS(t)
	h := openHost(t, ns)
	ctx := ctxT(t)
	if _, err := h.Apply(ctx, mustParse(t, hostFabric)); err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithCancel(ctx)
	repairs := make(chan *Plan, 16)
	done := make(chan error, 1)
	go func() {
		done <- h.Watch(wctx, WatchOptions{OnRepair: func(p *Plan, err error) {
			if err != nil {
				t.Errorf("repair: %v", err)
			}
			repairs <- p
		}})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Watch = %v", err)
		}
	}()
	time.Sleep(100 * time.Millisecond) // let the subscriptions start
	nh := nlHandle(t, ns)
	check := func(what string, breakIt func() error, ok func(*State) bool) {
		t.Helper()
		if err := breakIt(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		start := time.Now()
		for time.Since(start) < 5*time.Second {
			st, err := h.Read(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if ok(st) {
				t.Logf("%s: repaired after %v", what, time.Since(start).Round(time.Millisecond))
				if d := time.Since(start); d > time.Second {
					t.Errorf("%s: repair took %v, want within 1s", what, d)
				}
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
		t.Fatalf("%s: not repaired within 5s", what)
	}
	check("delete tap vm1-0", func() error {
		l, err := nh.LinkByName("vm1-0")
		if err != nil {
			return err
		}
		return nh.LinkDel(l)
	}, func(st *State) bool {
		l := st.Links["vm1-0"]
		return l != nil && l.Master == "vbr0" && l.Up && l.MAC == "fe:54:00:00:00:01"
	})
	check("take vm2-0 off its bridge", func() error {
		l, err := nh.LinkByName("vm2-0")
		if err != nil {
			return err
		}
		return nh.LinkSetNoMaster(l)
	}, func(st *State) bool { return st.Links["vm2-0"].Master == "vbr0" })
	oldIndex := 0
	check("delete vx5001", func() error {
		l, err := nh.LinkByName("vx5001")
		if err != nil {
			return err
		}
		oldIndex = l.Attrs().Index
		return nh.LinkDel(l)
	}, func(st *State) bool {
		l := st.Links["vx5001"]
		return l != nil && l.Index != oldIndex && l.Master == "vbr0" && len(l.FDB) == 2
	})
	if len(repairs) == 0 {
		t.Fatal("OnRepair never called")
	}
}

// foreignPorts adds to ns what a bridge's uplink must not take: a port of
// a foreign bridge, a foreign vxlan, a tap, a veth carrying the default
// route, one carrying an address, one with another owner's alias and
// (where the kernel has them: the full kernel) a bond slave and a dummy.
// It reports which optional kinds it could create.
func foreignPorts(t testing.TB, ns netns.NsHandle) (bond, dummy bool) {
	t.Helper()
	addForeign(t, ns)
	nh := nlHandle(t, ns)
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	must("vxlan", nh.LinkAdd(&netlink.Vxlan{LinkAttrs: netlink.LinkAttrs{Name: "vx-ext"}, VxlanId: 77, Port: 4790}))
	must("tap", inNS(ns, func() error { fd, err := createTap("tap-ext"); unix.Close(fd); return err }))
	veth := func(name string) netlink.Link {
		t.Helper()
		must(name, nh.LinkAdd(&netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: name}, PeerName: name + "-p"}))
		l, err := nh.LinkByName(name)
		must(name, err)
		must(name+" up", nh.LinkSetUp(l))
		return l
	}
	gw := veth("gw0")
	a, _ := netlink.ParseAddr("192.0.2.10/24")
	must("gw0 address", nh.AddrAdd(gw, a))
	must("default route", nh.RouteAdd(&netlink.Route{LinkIndex: gw.Attrs().Index, Gw: net.ParseIP("192.0.2.1")}))
	ad := veth("addr0")
	a, _ = netlink.ParseAddr("198.51.100.10/24")
	must("addr0 address", nh.AddrAdd(ad, a))
	lbl := veth("lbl0")
	must("alias", nh.LinkSetAlias(lbl, "libvirt:net0"))
	if err := nh.LinkAdd(netlink.NewLinkBond(netlink.LinkAttrs{Name: "bond-ext"})); err == nil {
		bond = true
		b, _ := nh.LinkByName("bond-ext")
		must("bond slave", nh.LinkAdd(&netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: "bslave"}, PeerName: "bslave-p"}))
		sl, _ := nh.LinkByName("bslave")
		must("enslave bslave", nh.LinkSetMaster(sl, b))
	} else {
		t.Logf("no bond on this kernel (%v): the bond case runs in the full kernel", err)
	}
	if err := nh.LinkAdd(&netlink.Dummy{LinkAttrs: netlink.LinkAttrs{Name: "dum0"}}); err == nil {
		dummy = true
	} else {
		t.Logf("no dummy on this kernel (%v): the dummy case runs in the full kernel", err)
	}
	return bond, dummy
}

// testUplinkRefused: a bridge's uplink (or a declared interface) that vigil
// may not take is refused at apply, naming the file, the key and the
// interface, with the namespace byte-identical afterwards (links, their
// addresses, bridge VLANs, FDB, routes), also with vigil's own interfaces
// in place.
func testUplinkRefused(t *testing.T) {
	ns := quietNS(t)
	bond, dummy := foreignPorts(t, ns)
	h := openHost(t, ns)
	ctx := ctxT(t)
	if _, err := h.Apply(ctx, mustParse(t, hostFabric)); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, h)
	br := func(uplink string) string { return "version: 1\nbridges: [{name: vbr1, uplink: " + uplink + "}]\n" }
	cases := []struct {
		name, yaml, want string
		sentinel         error
		skip             bool
	}{
		{"port of a foreign bridge", br("ext-port"), "bridges[0].uplink: ext-port: uplink is a port of br-ext, which vigil does not own", ErrNotOwned, false},
		{"slave of a foreign bond", br("bslave"), "bridges[0].uplink: bslave: uplink is a slave of bond bond-ext, which vigil does not own", ErrNotOwned, !bond},
		{"slave of a foreign bond, second bridge", "version: 1\nbridges: [{name: vbr1}, {name: vbr2, uplink: bslave}]\n",
			"bridges[1].uplink: bslave: uplink is a slave of bond", ErrNotOwned, !bond},
		{"foreign bridge", br("br-ext"), "bridges[0].uplink: br-ext: uplink is a bridge vigil does not own", ErrNotOwned, false},
		{"foreign vxlan", br("vx-ext"), "bridges[0].uplink: vx-ext: uplink is a vxlan vigil does not own", ErrNotOwned, false},
		{"foreign tap", br("tap-ext"), "bridges[0].uplink: tap-ext: uplink is a tun/tap device vigil does not own", ErrNotOwned, false},
		{"listed foreign tap", "version: 1\nuplinks: [{name: tap-ext}]\n", "uplinks[0].name: tap-ext: uplink is a tun/tap device", ErrNotOwned, false},
		{"loopback", br("lo"), "bridges[0].uplink: lo: uplink is a loopback", ErrNotOwned, false},
		{"dummy", br("dum0"), "bridges[0].uplink: dum0: uplink is a dummy device; a bridge's uplink must be a physical NIC", ErrNotOwned, !dummy},
		{"another owner's alias", br("lbl0"), `bridges[0].uplink: lbl0: uplink carries the alias "libvirt:net0" of another owner`, ErrNotOwned, false},
		{"vigil's own tap", br("vm1-0"), "bridges[0].uplink: vm1-0: uplink is vigil's own tun/tap device", ErrNotOwned, false},
		{"default route", br("gw0"), "bridges[0].uplink: gw0: uplink holds the default route and 192.0.2.10/24", ErrHostTraffic, false},
		{"default route, only migration declared on its bridge", br("gw0") + "migration: {device: vbr1, address: 192.0.2.10/24}\n",
			"bridges[0].uplink: gw0: uplink holds the default route", ErrHostTraffic, false},
		{"address", br("addr0"), "bridges[0].uplink: addr0: uplink holds 198.51.100.10/24", ErrHostTraffic, false},
		{"missing", br("eth7"), "bridges[0].uplink: eth7: uplink does not exist", ErrMissingUplink, false},
		{"tap named like a foreign veth", "version: 1\nbridges: [{name: vbr1}]\ntaps:\n  - {name: addr0, vm: vm9, bridge: vbr1, mac: '52:54:00:00:00:09'}\n",
			"taps[0].name: addr0: a veth with this name exists and is not vigil's", ErrNotOwned, false},
		{"bridge named like a foreign bridge", "version: 1\nbridges: [{name: vbr1}, {name: br-ext}]\n",
			"bridges[1].name: br-ext: a bridge with this name exists and is not vigil's", ErrNotOwned, false},
		{"vxlan named like a foreign vxlan", "version: 1\nbridges: [{name: vbr1}]\nvxlans: [{name: vx-ext, vni: 9, bridge: vbr1}]\n",
			"vxlans[0].name: vx-ext: a vxlan with this name exists and is not vigil's", ErrNotOwned, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skip {
				t.Skip("this kernel cannot build the case (bond, dummy): it runs inside the full kernel (TestInsideUplinkRefused)")
			}
			f := mustParse(t, tc.yaml)
			if p, err := h.Plan(ctx, f); p != nil || !errors.Is(err, tc.sentinel) {
				t.Errorf("Plan = %v, %v; want no plan and %v", p, err, tc.sentinel)
			}
			_, err := h.ApplyFile(ctx, f, "bad.yaml")
			if err == nil {
				t.Fatalf("Apply(%s) succeeded", tc.name)
			}
			if !errors.Is(err, tc.sentinel) || !strings.HasPrefix(err.Error(), "bad.yaml: ") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Apply error = %v, want %v naming bad.yaml and %q", err, tc.sentinel, tc.want)
			}
			if after := snapshot(t, h); after != before {
				t.Fatalf("refused apply changed the host:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

func TestUplinkRefused(t *testing.T) { testUplinkRefused(t) }

// TestUplinkTakenAndReleased: a bridge's uplink alone hands the port over
// (the CLI.md shape; this kernel has no vlan_filtering, which
// TestInsideCLIExample covers); a port holding the default route is taken
// when the file declares management on its bridge; re-apply changes
// nothing; dropped from the file, both are released, never deleted.
func TestUplinkTakenAndReleased(t *testing.T) {
	ns := newNS(t)
	foreignPorts(t, ns)
	h := openHost(t, ns)
	ctx := ctxT(t)
	f := mustParse(t, `version: 1
bridges:
  - name: vbr0
    uplink: eth1
  - name: vbr1
    uplink: gw0
taps:
  - {name: vm1-0, vm: vm1, bridge: vbr0, mac: "52:54:00:00:00:01"}
management: {device: vbr1, address: 192.0.2.11/24}
`)
	p, err := h.Apply(ctx, f)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	t.Logf("applied:\n%s", p)
	st, _ := h.Read(ctx)
	for up, br := range map[string]string{"eth1": "vbr0", "gw0": "vbr1"} {
		if l := st.Links[up]; l == nil || l.Master != br || l.Alias != "vigil:uplink" || !l.Up {
			t.Errorf("%s = %+v, want a port of %s with alias vigil:uplink, up", up, l, br)
		}
	}
	if l := st.Links["vbr1"]; strings.Join(l.Addrs, ",") != "192.0.2.11/24" {
		t.Errorf("vbr1 addresses = %v, want the management address", l.Addrs)
	}
	if p, err := h.Apply(ctx, f); err != nil || !p.Empty() {
		t.Fatalf("re-Apply = %v; want no change:\n%s", err, p)
	}
	p, err = h.Apply(ctx, &Fabric{Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ip link set dev eth1 nomaster alias \"\"\n", "ip link set dev gw0 nomaster alias \"\"\n"} {
		if !strings.Contains(p.String(), want) {
			t.Errorf("release plan lacks %q:\n%s", want, p)
		}
	}
	st, _ = h.Read(ctx)
	for _, n := range []string{"eth1", "gw0"} {
		if l := st.Links[n]; l == nil || l.Master != "" || l.Alias != "" {
			t.Errorf("released %s = %+v, want it kept, on no bridge, without alias", n, l)
		}
	}
	if l := st.Links["gw0"]; l == nil || strings.Join(l.Addrs, ",") != "192.0.2.10/24" || !l.DefaultRoute {
		t.Errorf("gw0 lost its own address or default route: %+v", l)
	}
	if st.Links["vbr0"] != nil || st.Links["vbr1"] != nil {
		t.Errorf("vigil's bridges were not deleted")
	}
}
