package netfabric

import (
	"context"
	"net"
	"sort"
)

// View is what vigil manages on a host, shaped as `vigil net show --json`
// prints it (CLI.md).
type View struct {
	Bridges []BridgeView `json:"bridges"`
	VXLANs  []VXLANView  `json:"vxlans"`
	Taps    []TapView    `json:"taps"`
	Uplinks []string     `json:"uplinks"`
	// Addresses are the global addresses on vigil's interfaces.
	Addresses []AddrView `json:"addresses"`
}

// BridgeView is one bridge and its ports.
type BridgeView struct {
	Name          string     `json:"name"`
	VlanFiltering bool       `json:"vlan_filtering"`
	MTU           int        `json:"mtu"`
	Up            bool       `json:"up"`
	Vlans         []int      `json:"vlans"` // the bridge's own entries
	Ports         []PortView `json:"ports"`
}

// PortView is one bridge port with its VLAN entries.
type PortView struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	PVID     int    `json:"pvid"`
	Vlans    []int  `json:"vlans"`
	Untagged []int  `json:"untagged"`
}

// VXLANView is one VXLAN device.
type VXLANView struct {
	Name     string   `json:"name"`
	VNI      int      `json:"vni"`
	Local    string   `json:"local"`
	Group    string   `json:"group,omitempty"`
	Port     int      `json:"port"`
	Learning bool     `json:"learning"`
	Bridge   string   `json:"bridge"`
	Remotes  []string `json:"remotes"`
}

// TapView is one VM NIC.
type TapView struct {
	Name   string `json:"name"`
	VM     string `json:"vm"`
	Bridge string `json:"bridge"`
	VLAN   int    `json:"vlan"`
	// MAC is the guest's address; TapMAC the tap's own.
	MAC    string `json:"mac"`
	TapMAC string `json:"tap_mac"`
	MTU    int    `json:"mtu"`
	Up     bool   `json:"up"`
}

// AddrView is an address on one of vigil's interfaces.
type AddrView struct {
	Dev     string `json:"dev"`
	Address string `json:"address"`
}

// Show reads what vigil owns on the host.
// Equivalent to: `ip -d link show; bridge vlan show; bridge fdb show`,
// filtered to vigil's interfaces.
func (h *Host) Show(ctx context.Context) (*View, error) {
	s, err := h.Read(ctx)
	if err != nil {
		return nil, err
	}
	return s.View(), nil
}

// View renders the owned part of s.
func (s *State) View() *View {
	v := &View{Bridges: []BridgeView{}, VXLANs: []VXLANView{}, Taps: []TapView{}, Uplinks: []string{}, Addresses: []AddrView{}}
	bridges := map[string]*BridgeView{}
	for _, name := range s.Order {
		l := s.Links[name]
		if l.Owned() && l.Kind == KindBridge {
			v.Bridges = append(v.Bridges, BridgeView{Name: l.Name, VlanFiltering: l.VlanFiltering, MTU: l.MTU, Up: l.Up,
				Vlans: sortedVids(l.Vlans), Ports: []PortView{}})
		}
	}
	for i := range v.Bridges {
		bridges[v.Bridges[i].Name] = &v.Bridges[i]
	}
	for _, name := range s.Order {
		l := s.Links[name]
		if !l.Owned() {
			continue
		}
		for _, a := range l.Addrs {
			v.Addresses = append(v.Addresses, AddrView{Dev: l.Name, Address: a})
		}
		pvid := 0
		var vids, untagged []int
		for _, vid := range sortedVids(l.Vlans) {
			f := l.Vlans[vid]
			vids = append(vids, vid)
			if f.Untagged {
				untagged = append(untagged, vid)
			}
			if f.PVID {
				pvid = vid
			}
		}
		if b := bridges[l.Master]; b != nil {
			b.Ports = append(b.Ports, PortView{Name: l.Name, Kind: l.Kind, PVID: pvid, Vlans: nonNil(vids), Untagged: nonNil(untagged)})
		}
		switch {
		case l.isUplink():
			v.Uplinks = append(v.Uplinks, l.Name)
		case l.Kind == KindVXLAN && l.VXLAN != nil:
			x := l.VXLAN
			v.VXLANs = append(v.VXLANs, VXLANView{Name: l.Name, VNI: x.VNI, Local: x.Local, Group: x.Group, Port: x.Port,
				Learning: x.Learning, Bridge: l.Master, Remotes: nonNilS(l.FDB)})
		case l.Kind == KindTap:
			mac := aliasField(l.Alias, "mac")
			if hw, err := net.ParseMAC(mac); err == nil {
				mac = hw.String()
			}
			v.Taps = append(v.Taps, TapView{Name: l.Name, VM: aliasField(l.Alias, "vm"), Bridge: l.Master, VLAN: pvid,
				MAC: mac, TapMAC: l.MAC, MTU: l.MTU, Up: l.Up})
		}
	}
	sort.Slice(v.Taps, func(i, j int) bool { return v.Taps[i].Name < v.Taps[j].Name })
	return v
}

func nonNil(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

func nonNilS(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
