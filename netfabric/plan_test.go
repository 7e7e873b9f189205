package netfabric

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// observedFrom turns a desired state into what the kernel would report once
// it is in place (names in name order, as Read returns them).
func observedFrom(d *State) *State {
	o := &State{Links: map[string]*Link{}}
	for _, n := range d.Order {
		l := *d.Links[n]
		if l.Kind == "" {
			l.Kind = "veth"
		}
		if l.Vlans == nil {
			l.Vlans = map[int]VlanFlags{}
		}
		o.Links[n] = &l
		o.Order = append(o.Order, n)
	}
	return o
}

func TestDiffTable(t *testing.T) {
	base := `
version: 1
uplinks: [{name: eth1}]
bridges: [{name: vbr0, vlan_filtering: true, uplink: eth1, vlans: [100]}]
vxlans: [{name: vx1, vni: 1, remotes: [10.0.0.2], bridge: vbr0, vlan: 100}]
taps: [{name: t0, vm: v, bridge: vbr0, vlan: 100, mac: "52:54:00:00:00:01"}]
`
	tests := []struct {
		name   string
		change func(f *Fabric, o *State)
		want   string
	}{
		{"in place: nothing", func(*Fabric, *State) {}, ""},
		{"VNI change recreates the vxlan", func(f *Fabric, _ *State) { f.VXLANs[0].VNI = 2 },
			"ip link del dev vx1\n" +
				"ip link add vx1 type vxlan id 2 dstport 4789 nolearning\n" +
				"ip link set dev vx1 master vbr0 alias vigil:vxlan up\n" +
				"bridge vlan add dev vx1 vid 100 pvid untagged\n" +
				"bridge fdb append 00:00:00:00:00:00 dev vx1 dst 10.0.0.2 self permanent\n" +
				"bridge vlan del dev vx1 vid 1\n"},
		{"uplink dropped is released, not deleted", func(f *Fabric, _ *State) { f.Uplinks = nil; f.Bridges[0].Uplink = ""; f.Bridges[0].VLANs = nil },
			"ip link set dev eth1 nomaster alias \"\"\n"},
		{"port taken off and VLAN removed behind vigil's back", func(_ *Fabric, o *State) {
			o.Links["t0"].Master = ""
			o.Links["t0"].Vlans = map[int]VlanFlags{}
		}, "ip link set dev t0 master vbr0\nbridge vlan add dev t0 vid 100 pvid untagged\nbridge vlan del dev t0 vid 1\n"},
		{"tap went down and lost its MAC", func(_ *Fabric, o *State) { o.Links["t0"].Up = false; o.Links["t0"].MAC = "aa:bb:cc:dd:ee:ff" },
			"ip link set dev t0 address fe:54:00:00:00:01 up\n"},
		{"vlan_filtering turned off by someone", func(_ *Fabric, o *State) { o.Links["vbr0"].VlanFiltering = false },
			"ip link set dev vbr0 type bridge vlan_filtering 1\n"},
		{"extra owned tap deleted, foreign one kept", func(_ *Fabric, o *State) {
			o.Links["old"] = &Link{Name: "old", Kind: KindTap, Alias: "vigil:tap vm=gone mac=52:54:00:00:00:09"}
			o.Links["theirs"] = &Link{Name: "theirs", Kind: KindTap}
			o.Order = append(o.Order, "old", "theirs")
		}, "ip link del dev old\n"},
		{"extra address removed from an owned bridge, kept on the uplink", func(_ *Fabric, o *State) {
			o.Links["vbr0"].Addrs = []string{"192.0.2.1/24"}
			o.Links["eth1"].Addrs = []string{"192.0.2.2/24"}
		}, "ip addr del 192.0.2.1/24 dev vbr0\n"},
		{"group vxlan", func(f *Fabric, _ *State) {
			f.VXLANs[0].Remotes, f.VXLANs[0].Group, f.VXLANs[0].Dev = nil, "239.1.1.1", "eth1"
		}, "ip link del dev vx1\n" +
			"ip link add vx1 type vxlan id 1 group 239.1.1.1 dev eth1 dstport 4789\n" +
			"ip link set dev vx1 master vbr0 alias vigil:vxlan up\n" +
			"bridge vlan add dev vx1 vid 100 pvid untagged\n" +
			"bridge vlan del dev vx1 vid 1\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := mustParse(t, base)
			o := observedFrom(Desired(f))
			tc.change(f, o)
			if err := f.Validate("changed"); err != nil {
				t.Fatal(err)
			}
			p, err := Diff(Desired(f), o)
			if err != nil {
				t.Fatal(err)
			}
			if p.String() != tc.want {
				t.Errorf("Diff =\n%s\nwant\n%s", p, tc.want)
			}
		})
	}
}

func TestDiffConflicts(t *testing.T) {
	f := mustParse(t, "version: 1\nuplinks: [{name: eth1}]\nbridges: [{name: vbr0, uplink: eth1}]\ntaps: [{name: t0, vm: v, bridge: vbr0, mac: '52:54:00:00:00:01'}]\n")
	o := &State{Links: map[string]*Link{
		"eth1": {Name: "eth1", Kind: "veth", Master: "docker0"},
		"t0":   {Name: "t0", Kind: KindTap, Alias: "libvirt"},
	}, Order: []string{"eth1", "t0"}}
	p, err := Diff(Desired(f), o)
	if p != nil || !errors.Is(err, ErrNotOwned) {
		t.Fatalf("Diff = %v, %v; want no plan and ErrNotOwned", p, err)
	}
	for _, want := range []string{"bridges[0].uplink: eth1: uplink is a port of docker0", "taps[0].name: t0: a tun/tap device with this name exists and is not vigil's"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Diff error %q lacks %q", err, want)
		}
	}
}

// TestUplinkConflicts: which host ports a bridge may take as its uplink.
func TestUplinkConflicts(t *testing.T) {
	const file = "version: 1\nbridges: [{name: vbr0, uplink: eth1}]\n"
	tests := []struct {
		name string
		yaml string // "" = file
		eth1 Link
		err  error // nil = accepted
		msg  string
	}{
		{"physical NIC", "", Link{Kind: KindDevice}, nil, ""},
		{"veth", "", Link{Kind: "veth"}, nil, ""},
		{"bond", "", Link{Kind: "bond"}, nil, ""},
		{"802.1Q device", "", Link{Kind: KindVLAN}, nil, ""},
		{"already vigil's uplink with an address and the default route", "",
			Link{Kind: KindDevice, Alias: aliasUplink, Master: "vbr0", Addrs: []string{"192.0.2.1/24"}, DefaultRoute: true}, nil, ""},
		{"default route, management on its bridge", "version: 1\nbridges: [{name: vbr0, uplink: eth1}]\nmanagement: {device: vbr0, address: 192.0.2.1/24}\n",
			Link{Kind: KindDevice, Addrs: []string{"192.0.2.1/24"}, DefaultRoute: true}, nil, ""},
		{"address and default route not on a bridge", "version: 1\nuplinks: [{name: eth1, mtu: 9000}]\n",
			Link{Kind: KindDevice, Addrs: []string{"192.0.2.1/24"}, DefaultRoute: true}, nil, ""},
		{"default route", "", Link{Kind: KindDevice, Addrs: []string{"192.0.2.1/24"}, DefaultRoute: true}, ErrHostTraffic,
			"bridges[0].uplink: eth1: uplink holds the default route and 192.0.2.1/24"},
		{"default route only", "", Link{Kind: KindDevice, DefaultRoute: true}, ErrHostTraffic, "the default route leaves through this uplink"},
		{"address", "", Link{Kind: KindDevice, Addrs: []string{"2001:db8::1/64"}}, ErrHostTraffic, "uplink holds 2001:db8::1/64"},
		{"management on another bridge", "version: 1\nbridges: [{name: vbr0, uplink: eth1}, {name: vbr1}]\nmanagement: {device: vbr1, address: 192.0.2.1/24}\n",
			Link{Kind: KindDevice, DefaultRoute: true}, ErrHostTraffic, "bridges[0].uplink: eth1: the default route"},
		{"port of a foreign bridge", "", Link{Kind: "veth", Master: "docker0"}, ErrNotOwned, "uplink is a port of docker0"},
		{"slave of a foreign bond", "", Link{Kind: KindDevice, Master: "bond0"}, ErrNotOwned, "uplink is a slave of bond bond0"},
		{"foreign bridge", "", Link{Kind: KindBridge}, ErrNotOwned, "uplink is a bridge vigil does not own"},
		{"foreign vxlan", "", Link{Kind: KindVXLAN}, ErrNotOwned, "uplink is a vxlan vigil does not own"},
		{"foreign tap", "", Link{Kind: KindTap}, ErrNotOwned, "uplink is a tun/tap device vigil does not own"},
		{"foreign tap, not on a bridge", "version: 1\nuplinks: [{name: eth1}]\n", Link{Kind: KindTap}, ErrNotOwned, "uplinks[0].name: eth1: uplink is a tun/tap"},
		{"loopback", "", Link{Kind: KindLoopback}, ErrNotOwned, "uplink is a loopback"},
		{"dummy", "", Link{Kind: "dummy"}, ErrNotOwned, "uplink is a dummy device; a bridge's uplink must be"},
		{"macvlan", "", Link{Kind: "macvlan"}, ErrNotOwned, "uplink is a macvlan device"},
		{"another owner's alias", "", Link{Kind: KindDevice, Alias: "libvirt:net0"}, ErrNotOwned, `uplink carries the alias "libvirt:net0"`},
		{"vigil's own tap", "", Link{Kind: KindTap, Alias: "vigil:tap vm=a mac=52:54:00:00:00:01"}, ErrNotOwned, "uplink is vigil's own tun/tap device"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			y := tc.yaml
			if y == "" {
				y = file
			}
			f := mustParse(t, y)
			eth1 := tc.eth1
			eth1.Name = "eth1"
			o := &State{Links: map[string]*Link{"eth1": &eth1}, Order: []string{"eth1"}}
			if eth1.Master != "" && eth1.Master != "vbr0" {
				kind := KindBridge
				if strings.HasPrefix(eth1.Master, "bond") {
					kind = "bond"
				}
				o.Links[eth1.Master] = &Link{Name: eth1.Master, Kind: kind}
				o.Order = append(o.Order, eth1.Master)
			}
			if eth1.Alias == aliasUplink {
				o.Links["vbr0"] = &Link{Name: "vbr0", Kind: KindBridge, Alias: aliasBridge}
				o.Order = append(o.Order, "vbr0")
			}
			p, err := Diff(Desired(f), o)
			if tc.err == nil {
				if err != nil {
					t.Fatalf("Diff = %v, want accepted", err)
				}
				return
			}
			if p != nil || !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("Diff = %v, %v; want no plan and %v saying %q", p, err, tc.err, tc.msg)
			}
		})
	}
}

func TestPlanJSON(t *testing.T) {
	p := &Plan{Steps: []Step{&LinkDel{Name: "t0"}, &VlanAdd{Dev: "t1", VID: 5, PVID: true, Untagged: true}}}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"changes":2,"steps":[{"op":"link-del","object":"t0","command":"ip link del dev t0"},{"op":"vlan-add","object":"t1","command":"bridge vlan add dev t1 vid 5 pvid untagged"}]}`
	if string(b) != want {
		t.Errorf("json = %s\nwant %s", b, want)
	}
}

func TestConflictErrorIsShort(t *testing.T) {
	e := &ConflictError{File: "f.yaml"}
	for i := range 15 {
		e.Conflicts = append(e.Conflicts, Conflict{Name: fmt.Sprintf("t%d", i), Err: ErrNotOwned, Msg: "not vigil's"})
	}
	msg := e.Error()
	if !strings.HasPrefix(msg, "f.yaml: refused, nothing changed: t0: not vigil's;") || !strings.HasSuffix(msg, "t9: not vigil's; and 5 more") {
		t.Errorf("Error() = %q", msg)
	}
}
