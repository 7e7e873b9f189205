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
	// KindLoopback is what Read calls lo (netlink reports no kind for it,
	// as for a physical NIC, which is "device").
	KindLoopback = "loopback"
	// KindDevice is a link without a kind: a physical NIC.
	KindDevice = "device"
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

// State is a host's network as vigil sees it: every link by name with its
// addresses and default routes, and the bridge VLANs and VXLAN FDB remotes
// of the links vigil owns.
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
	// Addrs are global-scope addresses with prefix length (of every link
	// in an observed state).
	Addrs []string
	// DefaultRoute: a default route (any table, IPv4 or IPv6) leaves
	// through this link. Observed states only.
	DefaultRoute bool

	// Key is the file key that declares the link (bridges[0].name,
	// bridges[0].uplink, ...), named when the host refuses it. Desired
	// states only.
	Key string
	// Management: the file declares this uplink, or the bridge it is the
	// trunk of, as the management interface, so it may carry the host's
	// addresses and default route. Desired uplinks only.
	Management bool
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
	ports, keys := f.hostPorts()
	for i, u := range ports {
		l := &Link{Name: u.Name, Alias: aliasUplink, MTU: u.MTU, Up: true, Key: keys[i]}
		if m := f.Management; m != nil && m.Device == u.Name {
			l.Management = true
		}
		if b := uplinkOf[u.Name]; b != nil {
			l.Master = b.Name
			if m := f.Management; m != nil && m.Device == b.Name {
				l.Management = true
			}
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
	for i, b := range f.Bridges {
		l := &Link{Name: b.Name, Kind: KindBridge, Alias: aliasBridge, MTU: b.MTU, Up: true, VlanFiltering: b.VlanFiltering,
			Key: fmt.Sprintf("bridges[%d].name", i)}
		if b.VlanFiltering {
			// The bridge itself keeps the kernel's default PVID 1 and
			// carries the VLANs of its VLAN devices tagged.
			l.Vlans = map[int]VlanFlags{1: {PVID: true, Untagged: true}}
		}
		add(l)
	}
	for i, x := range f.VXLANs {
		info := &VXLANInfo{VNI: x.VNI, Dev: x.Dev, Port: x.port(), Learning: x.learning()}
		if x.Local != "" {
			info.Local = netip.MustParseAddr(x.Local).String()
		}
		if x.Group != "" {
			info.Group = netip.MustParseAddr(x.Group).String()
		}
		l := &Link{Name: x.Name, Kind: KindVXLAN, Alias: aliasVXLAN, MTU: x.MTU, Master: x.Bridge, Up: true,
			VXLAN: info, Vlans: portVlans(x.Bridge, x.VLAN), FDB: []string{}, Key: fmt.Sprintf("vxlans[%d].name", i)}
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
		key := a.role + ".vlan"
		if a.a.Name != "" {
			key = a.role + ".name"
		}
		add(&Link{Name: a.a.vlanDevName(), Kind: KindVLAN, Alias: aliasVLAN(a.role), Up: true,
			VLANParent: a.a.Device, VLANID: a.a.VLAN, Addrs: []string{pfx}, Key: key})
		if br := s.Links[a.a.Device]; br != nil && br.Vlans != nil {
			if _, ok := br.Vlans[a.a.VLAN]; !ok {
				br.Vlans[a.a.VLAN] = VlanFlags{}
			}
		}
	}
	for i, t := range f.Taps {
		mac, _ := net.ParseMAC(t.MAC)
		mtu := t.MTU
		if mtu == 0 && bridges[t.Bridge] != nil {
			mtu = bridges[t.Bridge].MTU
		}
		add(&Link{Name: t.Name, Kind: KindTap, Alias: aliasTap(t.VM, mac), MAC: TapMAC(mac).String(), MTU: mtu,
			Master: t.Bridge, Up: true, Vlans: portVlans(t.Bridge, t.VLAN), Key: fmt.Sprintf("taps[%d].name", i)})
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
