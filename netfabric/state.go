package netfabric

import (
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"
)

// AliasPrefix marks the interfaces vigil owns: their IFLA_IFALIAS (`ip link
// set dev X alias ...`) starts with it. vigil never changes an interface
// without it, except an uplink the fabric file hands over (which then gets
// the alias "vigil:uplink").
const AliasPrefix = "vigil:"

// Kinds of links, as netlink's Link.Type() names them.
const (
	KindBridge = "bridge"
	KindVXLAN  = "vxlan"
	KindVLAN   = "vlan"
	KindTap    = "tuntap"
)

const (
	aliasBridge = AliasPrefix + "bridge"
	aliasVXLAN  = AliasPrefix + "vxlan"
	aliasUplink = AliasPrefix + "uplink"
)

func aliasTap(vm string, mac net.HardwareAddr) string {
	return fmt.Sprintf("%stap vm=%s mac=%s", AliasPrefix, vm, mac)
}

func aliasVLAN(role string) string { return AliasPrefix + "vlan role=" + role }

// aliasField returns the value of key=value in a vigil alias.
func aliasField(alias, key string) string {
	for _, f := range strings.Fields(alias) {
		if v, ok := strings.CutPrefix(f, key+"="); ok {
			return v
		}
	}
	return ""
}

// State is a host's network as vigil sees it: every link by name, with the
// bridge VLANs, VXLAN FDB remotes and addresses of the links vigil owns.
// The same type describes the desired state computed from a Fabric.
type State struct {
	Links map[string]*Link
	// Order lists link names in a stable order (declaration order for a
	// desired state, name order for an observed one).
	Order []string
}

// Link is one interface.
type Link struct {
	Name  string
	Index int
	// Kind is netlink's type name (bridge, vxlan, vlan, tuntap, veth...);
	// empty in a desired uplink (any kind will do).
	Kind  string
	Alias string
	MTU   int    // 0 in a desired state: leave as is
	MAC   string // "" in a desired state: leave as is
	// Master is the name of the bridge this link is a port of.
	Master string
	Up     bool

	VlanFiltering bool       // bridges
	VXLAN         *VXLANInfo // vxlans
	VLANParent    string     // 802.1Q devices
	VLANID        int

	// Vlans are the bridge VLAN entries of a port (or of a bridge itself);
	// nil in a desired state means "not managed".
	Vlans map[int]VlanFlags
	// FDB holds the destinations of all-zero FDB entries of a vxlan.
	FDB []string
	// Addrs are global-scope addresses with prefix length.
	Addrs []string
}

// VXLANInfo is what identifies a VXLAN device; changing any of it means
// deleting and recreating the device.
type VXLANInfo struct {
	VNI      int
	Local    string
	Group    string
	Dev      string
	Port     int
	Learning bool
}

// VlanFlags are a bridge VLAN entry's flags.
type VlanFlags struct {
	PVID     bool `json:"pvid"`
	Untagged bool `json:"untagged"`
}

// Owned reports whether vigil owns l.
func (l *Link) Owned() bool { return strings.HasPrefix(l.Alias, AliasPrefix) }

// isUplink reports whether l is a handed-over host port.
func (l *Link) isUplink() bool { return l.Alias == aliasUplink }

// Desired computes the state f asks for. It does not look at the host.
func Desired(f *Fabric) *State {
	s := &State{Links: map[string]*Link{}}
	add := func(l *Link) {
		s.Links[l.Name] = l
		s.Order = append(s.Order, l.Name)
	}
	bridges := map[string]*Bridge{}
	uplinkOf := map[string]*Bridge{}
	for i := range f.Bridges {
		b := &f.Bridges[i]
		bridges[b.Name] = b
		if b.Uplink != "" {
			uplinkOf[b.Uplink] = b
		}
	}
	portVlans := func(br string, vlan int) map[int]VlanFlags {
		b := bridges[br]
		if b == nil || !b.VlanFiltering {
			return nil
		}
		if vlan == 0 {
			vlan = 1
		}
		return map[int]VlanFlags{vlan: {PVID: true, Untagged: true}}
	}
	for _, u := range f.Uplinks {
		l := &Link{Name: u.Name, Alias: aliasUplink, MTU: u.MTU, Up: true}
		if b := uplinkOf[u.Name]; b != nil {
			l.Master = b.Name
			if b.VlanFiltering {
				l.Vlans = map[int]VlanFlags{}
				for _, v := range b.VLANs {
					l.Vlans[v] = VlanFlags{}
				}
				if b.NativeVLAN != 0 {
					l.Vlans[b.NativeVLAN] = VlanFlags{PVID: true, Untagged: true}
				}
			}
		}
		add(l)
	}
	for _, b := range f.Bridges {
		l := &Link{Name: b.Name, Kind: KindBridge, Alias: aliasBridge, MTU: b.MTU, Up: true, VlanFiltering: b.VlanFiltering}
		if b.VlanFiltering {
			// The bridge itself keeps the kernel's default PVID 1 and
			// carries the VLANs of its VLAN devices tagged.
			l.Vlans = map[int]VlanFlags{1: {PVID: true, Untagged: true}}
		}
		add(l)
	}
	for _, x := range f.VXLANs {
		info := &VXLANInfo{VNI: x.VNI, Dev: x.Dev, Port: x.port(), Learning: x.learning()}
		if x.Local != "" {
			info.Local = netip.MustParseAddr(x.Local).String()
		}
		if x.Group != "" {
			info.Group = netip.MustParseAddr(x.Group).String()
		}
		l := &Link{Name: x.Name, Kind: KindVXLAN, Alias: aliasVXLAN, MTU: x.MTU, Master: x.Bridge, Up: true,
			VXLAN: info, Vlans: portVlans(x.Bridge, x.VLAN), FDB: []string{}}
		for _, r := range x.Remotes {
			l.FDB = append(l.FDB, netip.MustParseAddr(r).String())
		}
		if x.Group != "" {
			l.FDB = nil
		}
		add(l)
	}
	for _, a := range []struct {
		role string
		a    *Address
	}{{"management", f.Management}, {"migration", f.Migration}} {
		if a.a == nil {
			continue
		}
		pfx := netip.MustParsePrefix(a.a.Address).String()
		if a.a.VLAN == 0 {
			if l := s.Links[a.a.Device]; l != nil {
				l.Addrs = append(l.Addrs, pfx)
			}
			continue
		}
		add(&Link{Name: a.a.vlanDevName(), Kind: KindVLAN, Alias: aliasVLAN(a.role), Up: true,
			VLANParent: a.a.Device, VLANID: a.a.VLAN, Addrs: []string{pfx}})
		if br := s.Links[a.a.Device]; br != nil && br.Vlans != nil {
			if _, ok := br.Vlans[a.a.VLAN]; !ok {
				br.Vlans[a.a.VLAN] = VlanFlags{}
			}
		}
	}
	for _, t := range f.Taps {
		mac, _ := net.ParseMAC(t.MAC)
		mtu := t.MTU
		if mtu == 0 && bridges[t.Bridge] != nil {
			mtu = bridges[t.Bridge].MTU
		}
		add(&Link{Name: t.Name, Kind: KindTap, Alias: aliasTap(t.VM, mac), MAC: TapMAC(mac).String(), MTU: mtu,
			Master: t.Bridge, Up: true, Vlans: portVlans(t.Bridge, t.VLAN)})
	}
	return s
}

// sortedVids returns m's keys in order.
func sortedVids(m map[int]VlanFlags) []int {
	out := make([]int, 0, len(m))
	for v := range m {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}
