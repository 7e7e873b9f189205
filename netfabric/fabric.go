package netfabric

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Version is the only fabric file version this package reads.
const Version = 1

// DefaultVXLANPort is the IANA VXLAN port, used when a vxlan sets no port
// (the kernel's own default, 8472, is not what other VTEPs expect).
const DefaultVXLANPort = 4789

// Fabric is a host's declared VM network: the contents of a fabric file
// (`vigil net apply -f`). Build one with Parse or Load (which validate it), or
// by hand followed by Validate.
type Fabric struct {
	Version int `yaml:"version"`
	// Uplinks are host ports handed over to vigil (physical NICs, bonds,
	// veths): vigil enslaves them to a bridge, sets their MTU and brings them
	// up, but never creates or deletes them. A bridge's `uplink:` hands its
	// port over by itself; list a port here too to give it settings (MTU),
	// or to hand over one that no bridge enslaves (for an address).
	Uplinks []Uplink `yaml:"uplinks,omitempty"`
	Bridges []Bridge `yaml:"bridges,omitempty"`
	VXLANs  []VXLAN  `yaml:"vxlans,omitempty"`
	Taps    []Tap    `yaml:"taps,omitempty"`
	// Management and Migration are this host's addresses on those networks.
	Management *Address `yaml:"management,omitempty"`
	Migration  *Address `yaml:"migration,omitempty"`
}

// Uplink is a host port vigil may enslave to one of its bridges.
type Uplink struct {
	Name string `yaml:"name"`
	MTU  int    `yaml:"mtu,omitempty"`
}

// Bridge is a Linux bridge vigil creates and owns.
type Bridge struct {
	Name          string `yaml:"name"`
	VlanFiltering bool   `yaml:"vlan_filtering"`
	// Uplink is the trunk port: an existing host port (physical NIC, bond,
	// team, 802.1Q VLAN device or veth) that naming here hands over to
	// vigil, as listing it under Fabric.Uplinks does. Host.Apply refuses a
	// port that is in use elsewhere (see the package documentation).
	Uplink string `yaml:"uplink,omitempty"`
	// VLANs are allowed, tagged, on the uplink.
	VLANs []int `yaml:"vlans,omitempty"`
	// NativeVLAN, if set, is the uplink's untagged PVID.
	NativeVLAN int `yaml:"native_vlan,omitempty"`
	MTU        int `yaml:"mtu,omitempty"`
}

// VXLAN is a VXLAN device (a VTEP) vigil creates and enslaves to a bridge.
type VXLAN struct {
	Name string `yaml:"name"`
	VNI  int    `yaml:"vni"`
	// Local is the source address of the tunnel.
	Local string `yaml:"local,omitempty"`
	// Remotes are static peers (head-end replication through all-zero FDB
	// entries); Group is a multicast group instead. Not both.
	Remotes []string `yaml:"remotes,omitempty"`
	Group   string   `yaml:"group,omitempty"`
	// Dev is the underlay device (required with Group).
	Dev  string `yaml:"dev,omitempty"`
	Port int    `yaml:"port,omitempty"`
	// Learning defaults to off with static remotes and on otherwise.
	Learning *bool  `yaml:"learning,omitempty"`
	MTU      int    `yaml:"mtu,omitempty"`
	Bridge   string `yaml:"bridge"`
	// VLAN is the bridge VLAN this segment carries (untagged PVID of the
	// VXLAN port); needs a vlan_filtering bridge.
	VLAN int `yaml:"vlan,omitempty"`
}

// Tap is one VM NIC: a persistent tap device on a bridge.
type Tap struct {
	Name   string `yaml:"name"`
	VM     string `yaml:"vm"`
	Bridge string `yaml:"bridge"`
	// VLAN is the untagged PVID of the port (vlan_filtering bridges only).
	VLAN int `yaml:"vlan,omitempty"`
	// MAC is the guest's MAC address. The tap itself gets the same address
	// with its first octet set to 0xfe (as libvirt does), so that the bridge
	// never treats the guest's address as one of its own.
	MAC string `yaml:"mac"`
	// MTU defaults to the bridge's MTU.
	MTU int `yaml:"mtu,omitempty"`
}

// Address is one of the host's own addresses (management or migration
// network), on a bridge or uplink, optionally on an 802.1Q VLAN device on
// top of a vlan_filtering bridge.
type Address struct {
	Device string `yaml:"device"`
	VLAN   int    `yaml:"vlan,omitempty"`
	// Name of the VLAN device; default DEVICE.VLAN.
	Name    string `yaml:"name,omitempty"`
	Address string `yaml:"address"`
}

// TapMAC is the hardware address vigil gives the tap of a guest NIC with
// address mac: mac with its first octet replaced by 0xfe.
func TapMAC(mac net.HardwareAddr) net.HardwareAddr {
	out := append(net.HardwareAddr(nil), mac...)
	if len(out) > 0 {
		out[0] = 0xfe
	}
	return out
}

// ConfigError is a refused fabric file: every problem, each naming the key
// path (and line when known) inside File.
type ConfigError struct {
	File     string
	Problems []Problem
}

// Problem is one thing wrong in a fabric file.
type Problem struct {
	Path string // key path, e.g. taps[2].vlan
	Line int    // 0 when unknown
	Msg  string
}

func (e *ConfigError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		if p.Path != "" {
			b.WriteString(": " + p.Path)
		}
		b.WriteString(": " + p.Msg)
	}
	return b.String()
}

// Is makes errors.Is(err, ErrInvalidFabric) true for a *ConfigError.
func (e *ConfigError) Is(target error) bool { return target == ErrInvalidFabric }

// Load reads and validates the fabric file at path.
func Load(path string) (*Fabric, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("fabric: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes and validates a fabric file; name is used in errors.
// Unknown keys, wrong types and every semantic problem are refused with the
// key path named.
func Parse(name string, data []byte) (*Fabric, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, &ConfigError{File: name, Problems: []Problem{yamlProblem(err, nil)}}
	}
	if root.Kind == 0 {
		return nil, &ConfigError{File: name, Problems: []Problem{{Msg: "empty file"}}}
	}
	var f Fabric
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		ce := &ConfigError{File: name}
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, msg := range te.Errors {
				ce.Problems = append(ce.Problems, yamlProblem(errors.New(msg), &root))
			}
		} else {
			ce.Problems = append(ce.Problems, yamlProblem(err, &root))
		}
		return nil, ce
	}
	if err := f.validate(name, &root); err != nil {
		return nil, err
	}
	return &f, nil
}

// Validate checks a Fabric built in code; name is used in errors.
func (f *Fabric) Validate(name string) error { return f.validate(name, nil) }

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
var yamlFieldRE = regexp.MustCompile(`^field (\S+) not found in type`)

// yamlProblem turns a yaml.v3 message ("line 7: field foo not found in type
// netfabric.Tap") into a Problem naming the key path.
func yamlProblem(err error, root *yaml.Node) Problem {
	msg := err.Error()
	m := yamlLineRE.FindStringSubmatch(msg)
	if m == nil {
		return Problem{Msg: msg}
	}
	line, _ := strconv.Atoi(m[1])
	p := Problem{Line: line, Msg: m[2]}
	if fm := yamlFieldRE.FindStringSubmatch(m[2]); fm != nil {
		p.Msg = "unknown key " + strconv.Quote(fm[1])
		if root != nil {
			p.Path = findKey(root, "", line, fm[1])
		}
		return p
	}
	if root != nil {
		p.Path = findLine(root, "", line)
		p.Msg = strings.ReplaceAll(p.Msg, "cannot unmarshal ", "wrong type: ")
	}
	return p
}

// findKey returns the path of mapping key `key` on line, or "".
func findKey(n *yaml.Node, path string, line int, key string) string {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			if p := findKey(c, path, line, key); p != "" {
				return p
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kp := joinPath(path, k.Value)
			if k.Line == line && k.Value == key {
				return kp
			}
			if p := findKey(v, kp, line, key); p != "" {
				return p
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if p := findKey(c, fmt.Sprintf("%s[%d]", path, i), line, key); p != "" {
				return p
			}
		}
	}
	return ""
}

// findLine returns the path of the deepest value node on line, or "".
func findLine(n *yaml.Node, path string, line int) string {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			if p := findLine(c, path, line); p != "" {
				return p
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kp := joinPath(path, k.Value)
			if p := findLine(v, kp, line); p != "" {
				return p
			}
			if k.Line == line {
				return kp
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if p := findLine(c, fmt.Sprintf("%s[%d]", path, i), line); p != "" {
				return p
			}
		}
	default:
		if n.Line == line {
			return path
		}
	}
	return ""
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// lineOf finds the line of path (as built by joinPath) in root, or 0.
func lineOf(root *yaml.Node, path string) int {
	if root == nil {
		return 0
	}
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, part := range strings.Split(path, ".") {
		name, idx := part, -1
		if i := strings.IndexByte(part, '['); i >= 0 {
			name = part[:i]
			idx, _ = strconv.Atoi(strings.TrimSuffix(part[i+1:], "]"))
		}
		if n.Kind != yaml.MappingNode {
			return line
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == name {
				line = n.Content[i].Line
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return line
		}
		n = next
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return line
			}
			n = n.Content[idx]
			line = n.Line
		}
	}
	return line
}

var ifnameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$`)
var vmNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

type validator struct {
	root     *yaml.Node
	problems []Problem
}

func (v *validator) add(path, format string, a ...any) {
	v.problems = append(v.problems, Problem{Path: path, Line: lineOf(v.root, path), Msg: fmt.Sprintf(format, a...)})
}

func (v *validator) vlan(path string, id int) {
	if id < 1 || id > 4094 {
		v.add(path, "VLAN %d is outside 1-4094", id)
	}
}

func (v *validator) mtu(path string, mtu int) {
	if mtu != 0 && (mtu < 68 || mtu > 65535) {
		v.add(path, "MTU %d is outside 68-65535", mtu)
	}
}

func (f *Fabric) validate(name string, root *yaml.Node) error {
	v := &validator{root: root}
	if f.Version != Version {
		v.add("version", "version %d is not supported (want %d)", f.Version, Version)
	}
	names := map[string]string{} // link name -> path of its declaration
	declare := func(path, n string) {
		if !ifnameRE.MatchString(n) {
			v.add(path, "%q is not a valid interface name (1-15 of A-Z a-z 0-9 _ . -)", n)
			return
		}
		if prev, ok := names[n]; ok {
			v.add(path, "duplicate interface name %q (also %s)", n, prev)
			return
		}
		names[n] = path
	}
	uplinks := map[string]bool{}
	for i, u := range f.Uplinks {
		p := fmt.Sprintf("uplinks[%d]", i)
		declare(p+".name", u.Name)
		v.mtu(p+".mtu", u.MTU)
		uplinks[u.Name] = true
	}
	bridges := map[string]*Bridge{}
	enslaved := map[string]string{}
	for i := range f.Bridges {
		b := &f.Bridges[i]
		p := fmt.Sprintf("bridges[%d]", i)
		declare(p+".name", b.Name)
		bridges[b.Name] = b
		v.mtu(p+".mtu", b.MTU)
		if b.Uplink != "" {
			switch {
			case !ifnameRE.MatchString(b.Uplink):
				v.add(p+".uplink", "%q is not a valid interface name (1-15 of A-Z a-z 0-9 _ . -)", b.Uplink)
			case enslaved[b.Uplink] != "":
				v.add(p+".uplink", "%q is already the uplink of %s", b.Uplink, enslaved[b.Uplink])
			default:
				enslaved[b.Uplink] = p
			}
		}
		seen := map[int]bool{}
		for j, id := range b.VLANs {
			vp := fmt.Sprintf("%s.vlans[%d]", p, j)
			v.vlan(vp, id)
			if seen[id] {
				v.add(vp, "duplicate VLAN %d", id)
			}
			seen[id] = true
		}
		if b.NativeVLAN != 0 {
			v.vlan(p+".native_vlan", b.NativeVLAN)
		}
		if !b.VlanFiltering {
			if len(b.VLANs) > 0 {
				v.add(p+".vlans", "VLANs need vlan_filtering: true")
			}
			if b.NativeVLAN != 0 {
				v.add(p+".native_vlan", "a native VLAN needs vlan_filtering: true")
			}
		} else if (len(b.VLANs) > 0 || b.NativeVLAN != 0) && b.Uplink == "" {
			v.add(p+".vlans", "VLANs on the uplink need an uplink")
		}
	}
	// A bridge's uplink hands its port over as an uplinks entry does.
	for _, b := range f.Bridges {
		if b.Uplink != "" {
			uplinks[b.Uplink] = true
		}
	}
	needBridge := func(path, br string, vlan int) {
		b, ok := bridges[br]
		switch {
		case br == "":
			v.add(path, "missing bridge")
		case !ok:
			v.add(path, "bridge %q is not declared under bridges", br)
		case vlan != 0 && !b.VlanFiltering:
			v.add(path, "bridge %q has vlan_filtering off, so a VLAN cannot be set", br)
		}
	}
	for i := range f.VXLANs {
		x := &f.VXLANs[i]
		p := fmt.Sprintf("vxlans[%d]", i)
		declare(p+".name", x.Name)
		if x.VNI < 1 || x.VNI > 1<<24-1 {
			v.add(p+".vni", "VNI %d is outside 1-16777215", x.VNI)
		}
		if x.Local != "" {
			if _, err := netip.ParseAddr(x.Local); err != nil {
				v.add(p+".local", "%q is not an IP address", x.Local)
			}
		}
		seen := map[string]bool{}
		for j, r := range x.Remotes {
			a, err := netip.ParseAddr(r)
			if err != nil || a.IsMulticast() || a.IsUnspecified() {
				v.add(fmt.Sprintf("%s.remotes[%d]", p, j), "%q is not a unicast IP address", r)
			} else if seen[a.String()] {
				v.add(fmt.Sprintf("%s.remotes[%d]", p, j), "duplicate remote %s", r)
			}
			seen[a.String()] = true
		}
		if x.Group != "" {
			if a, err := netip.ParseAddr(x.Group); err != nil || !a.IsMulticast() {
				v.add(p+".group", "%q is not a multicast address", x.Group)
			}
			if len(x.Remotes) > 0 {
				v.add(p+".group", "set remotes or group, not both")
			}
			if x.Dev == "" {
				v.add(p+".dev", "a multicast group needs the underlay dev")
			}
		}
		if x.Dev != "" && !ifnameRE.MatchString(x.Dev) {
			v.add(p+".dev", "%q is not a valid interface name", x.Dev)
		}
		if x.Port < 0 || x.Port > 65535 {
			v.add(p+".port", "port %d is outside 1-65535", x.Port)
		}
		v.mtu(p+".mtu", x.MTU)
		if x.VLAN != 0 {
			v.vlan(p+".vlan", x.VLAN)
		}
		needBridge(p+".bridge", x.Bridge, x.VLAN)
	}
	macs := map[string]string{}
	for i := range f.Taps {
		t := &f.Taps[i]
		p := fmt.Sprintf("taps[%d]", i)
		declare(p+".name", t.Name)
		if !vmNameRE.MatchString(t.VM) {
			v.add(p+".vm", "%q is not a valid VM name (A-Z a-z 0-9 _ . -)", t.VM)
		}
		if t.VLAN != 0 {
			v.vlan(p+".vlan", t.VLAN)
		}
		needBridge(p+".bridge", t.Bridge, t.VLAN)
		v.mtu(p+".mtu", t.MTU)
		mac, err := net.ParseMAC(t.MAC)
		switch {
		case t.MAC == "":
			v.add(p+".mac", "missing MAC address")
		case err != nil || len(mac) != 6:
			v.add(p+".mac", "%q is not a MAC address", t.MAC)
		case mac[0]&1 != 0:
			v.add(p+".mac", "%s is a multicast address", t.MAC)
		case mac[0] == 0xfe:
			v.add(p+".mac", "%s starts with fe, which vigil reserves for the host side of taps", t.MAC)
		case macs[mac.String()] != "":
			v.add(p+".mac", "duplicate MAC %s (also %s)", mac, macs[mac.String()])
		default:
			macs[mac.String()] = p + ".mac"
		}
	}
	enslavedBy := map[string]string{}
	for _, b := range f.Bridges {
		if b.Uplink != "" {
			enslavedBy[b.Uplink] = b.Name
		}
	}
	for _, a := range []struct {
		key string
		a   *Address
	}{{"management", f.Management}, {"migration", f.Migration}} {
		if a.a == nil {
			continue
		}
		p := a.key
		if _, err := netip.ParsePrefix(a.a.Address); err != nil {
			v.add(p+".address", "%q is not an address with prefix length (10.0.0.1/24)", a.a.Address)
		}
		_, isBridge := bridges[a.a.Device]
		switch {
		case a.a.Device == "":
			v.add(p+".device", "missing device")
		case !isBridge && !uplinks[a.a.Device]:
			v.add(p+".device", "%q is not a bridge or uplink of this file", a.a.Device)
		case enslavedBy[a.a.Device] != "":
			// The kernel hands a bridge port's frames to the bridge: an
			// address on the port itself would never see its traffic.
			v.add(p+".device", "%q is a port of bridge %q: put the address on the bridge", a.a.Device, enslavedBy[a.a.Device])
		}
		if a.a.VLAN != 0 {
			v.vlan(p+".vlan", a.a.VLAN)
			if !isBridge || !bridges[a.a.Device].VlanFiltering {
				v.add(p+".vlan", "a VLAN address needs a vlan_filtering bridge as device")
			}
			declare(p+".name", a.a.vlanDevName())
		} else if a.a.Name != "" {
			v.add(p+".name", "name is only used with vlan")
		}
	}
	// An uplink is a host port, not something this file creates.
	for i, b := range f.Bridges {
		if prev, ok := names[b.Uplink]; ok && b.Uplink != "" && !strings.HasPrefix(prev, "uplinks[") {
			v.add(fmt.Sprintf("bridges[%d].uplink", i), "%q is declared at %s: an uplink must be a host port (physical NIC, bond, veth), not an interface vigil creates", b.Uplink, prev)
		}
	}
	if len(v.problems) == 0 {
		return nil
	}
	sort.SliceStable(v.problems, func(i, j int) bool { return v.problems[i].Line < v.problems[j].Line })
	return &ConfigError{File: name, Problems: v.problems}
}

// hostPorts returns the uplinks vigil takes over: those listed under
// uplinks, then each bridge uplink not listed there (no settings of its
// own), with the file key that hands each over: the uplink of the bridge
// that enslaves it, else its uplinks entry.
func (f *Fabric) hostPorts() (ports []Uplink, keys []string) {
	listed := map[string]bool{}
	key := map[string]string{}
	for i, b := range f.Bridges {
		if b.Uplink != "" && key[b.Uplink] == "" {
			key[b.Uplink] = fmt.Sprintf("bridges[%d].uplink", i)
		}
	}
	for i, u := range f.Uplinks {
		listed[u.Name] = true
		k := key[u.Name]
		if k == "" {
			k = fmt.Sprintf("uplinks[%d].name", i)
		}
		ports, keys = append(ports, u), append(keys, k)
	}
	for _, b := range f.Bridges {
		if b.Uplink != "" && !listed[b.Uplink] {
			listed[b.Uplink] = true
			ports, keys = append(ports, Uplink{Name: b.Uplink}), append(keys, key[b.Uplink])
		}
	}
	return ports, keys
}

func (a *Address) vlanDevName() string {
	if a.Name != "" {
		return a.Name
	}
	return fmt.Sprintf("%s.%d", a.Device, a.VLAN)
}

// learning reports whether x learns remote MACs.
func (x *VXLAN) learning() bool {
	if x.Learning != nil {
		return *x.Learning
	}
	return len(x.Remotes) == 0
}

func (x *VXLAN) port() int {
	if x.Port == 0 {
		return DefaultVXLANPort
	}
	return x.Port
}

// Clone returns a deep copy of f.
func (f *Fabric) Clone() *Fabric {
	out := *f
	out.Uplinks = append([]Uplink(nil), f.Uplinks...)
	out.Bridges = make([]Bridge, len(f.Bridges))
	for i, b := range f.Bridges {
		b.VLANs = append([]int(nil), b.VLANs...)
		out.Bridges[i] = b
	}
	out.VXLANs = make([]VXLAN, len(f.VXLANs))
	for i, x := range f.VXLANs {
		x.Remotes = append([]string(nil), x.Remotes...)
		if x.Learning != nil {
			l := *x.Learning
			x.Learning = &l
		}
		out.VXLANs[i] = x
	}
	out.Taps = append([]Tap(nil), f.Taps...)
	if f.Management != nil {
		m := *f.Management
		out.Management = &m
	}
	if f.Migration != nil {
		m := *f.Migration
		out.Migration = &m
	}
	return &out
}
