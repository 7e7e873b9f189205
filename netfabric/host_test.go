package netfabric

import (
	"context"
	"errors"
	"fmt"
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

// snapshot renders every link of a namespace (owned or not) for
// before/after comparisons.
func snapshot(t testing.TB, h *Host) string {
	t.Helper()
	st, err := h.Read(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, name := range st.Order {
		l := st.Links[name]
		fmt.Fprintf(&b, "%s kind=%s alias=%q mtu=%d mac=%s master=%s up=%v vlans=%v fdb=%v addrs=%v\n",
			l.Name, l.Kind, l.Alias, l.MTU, l.MAC, l.Master, l.Up, l.Vlans, l.FDB, l.Addrs)
	}
	return b.String()
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
}

// TestRefusedChangesNothing: files that collide with what vigil does not
// own are refused at apply, naming the file and object, with the host left
// exactly as it was.
func TestRefusedChangesNothing(t *testing.T) {
	ns := newNS(t)
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
		{"uplink enslaved to a foreign bridge", "version: 1\nuplinks: [{name: ext-tap}]\nbridges: [{name: vbr0, uplink: ext-tap}]\n",
			"ext-tap: uplink is a port of br-ext, which vigil does not own", ErrNotOwned},
		{"missing uplink", "version: 1\nuplinks: [{name: eth7}]\nbridges: [{name: vbr0, uplink: eth7}]\n",
			"eth7: uplink does not exist", ErrMissingUplink},
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
	for _, n := range []string{"br-ext", "ext-tap", "eth1", "eth1-peer"} {
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
