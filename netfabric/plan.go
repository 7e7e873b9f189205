package netfabric

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Step is one change of a Plan. Each step is exactly one `ip` or `bridge`
// command (Argv), which is what `vigil net diff` prints; Host.Apply carries
// it out through netlink instead of forking.
type Step interface {
	// Op names the kind of step: link-add, link-set, link-del, bridge-set,
	// vlan-add, vlan-del, fdb-append, fdb-del, addr-add, addr-del.
	Op() string
	// Object is the interface the step changes.
	Object() string
	// Argv is the equivalent iproute2 command.
	Argv() []string
	phase() int
}

// Execution phases: steps of one phase are independent of each other and
// are sent to the kernel as one batch.
const (
	phaseUnlink = iota // addr-del, fdb-del
	phaseDelete        // link-del
	phaseCreate        // link-add of bridges, vxlans, vlan devices
	phaseTaps          // link-add of taps (ioctl)
	phaseSet           // bridge-set, link-set
	phaseAttach        // vlan-add, fdb-append, addr-add
	phaseTrim          // vlan-del
)

// LinkAdd creates an interface vigil owns. It is always followed by a
// LinkSet that gives it its alias, addresses, master and state.
type LinkAdd struct{ Link *Link }

// LinkSet changes an existing interface's attributes; zero fields are left
// alone.
type LinkSet struct {
	Name   string
	MAC    string
	MTU    int
	Master *string // "" = nomaster
	Alias  *string
	Up     bool
}

// LinkDel deletes an interface vigil owns.
type LinkDel struct {
	Name string
	Kind string
}

// BridgeSet turns VLAN filtering of a bridge on or off.
type BridgeSet struct {
	Name          string
	VlanFiltering bool
}

// VlanAdd adds (or changes the flags of) a bridge VLAN entry of a port, or of
// the bridge itself with Self.
type VlanAdd struct {
	Dev      string
	VID      int
	PVID     bool
	Untagged bool
	Self     bool
}

// VlanDel removes a bridge VLAN entry.
type VlanDel struct {
	Dev  string
	VID  int
	Self bool
}

// FdbAppend adds a VXLAN head-end replication entry (all-zero MAC) towards
// a remote VTEP.
type FdbAppend struct{ Dev, Dst string }

// FdbDel removes such an entry.
type FdbDel struct{ Dev, Dst string }

// AddrAdd adds an address to an interface.
type AddrAdd struct{ Dev, Prefix string }

// AddrDel removes an address.
type AddrDel struct{ Dev, Prefix string }

func (s *LinkAdd) Op() string       { return "link-add" }
func (s *LinkSet) Op() string       { return "link-set" }
func (s *LinkDel) Op() string       { return "link-del" }
func (s *BridgeSet) Op() string     { return "bridge-set" }
func (s *VlanAdd) Op() string       { return "vlan-add" }
func (s *VlanDel) Op() string       { return "vlan-del" }
func (s *FdbAppend) Op() string     { return "fdb-append" }
func (s *FdbDel) Op() string        { return "fdb-del" }
func (s *AddrAdd) Op() string       { return "addr-add" }
func (s *AddrDel) Op() string       { return "addr-del" }
func (s *LinkAdd) Object() string   { return s.Link.Name }
func (s *LinkSet) Object() string   { return s.Name }
func (s *LinkDel) Object() string   { return s.Name }
func (s *BridgeSet) Object() string { return s.Name }
func (s *VlanAdd) Object() string   { return s.Dev }
func (s *VlanDel) Object() string   { return s.Dev }
func (s *FdbAppend) Object() string { return s.Dev }
func (s *FdbDel) Object() string    { return s.Dev }
func (s *AddrAdd) Object() string   { return s.Dev }
func (s *AddrDel) Object() string   { return s.Dev }

func (s *LinkAdd) phase() int {
	if s.Link.Kind == KindTap {
		return phaseTaps
	}
	return phaseCreate
}
func (s *LinkSet) phase() int   { return phaseSet }
func (s *LinkDel) phase() int   { return phaseDelete }
func (s *BridgeSet) phase() int { return phaseSet }
func (s *VlanAdd) phase() int   { return phaseAttach }
func (s *VlanDel) phase() int   { return phaseTrim }
func (s *FdbAppend) phase() int { return phaseAttach }
func (s *FdbDel) phase() int    { return phaseUnlink }
func (s *AddrAdd) phase() int   { return phaseAttach }
func (s *AddrDel) phase() int   { return phaseUnlink }

// Argv of a LinkAdd: `ip link add NAME type bridge [vlan_filtering 1]`,
// `ip link add NAME type vxlan id VNI ...`, `ip link add link PARENT name
// NAME type vlan id VID` or `ip tuntap add dev NAME mode tap`.
func (s *LinkAdd) Argv() []string {
	l := s.Link
	switch l.Kind {
	case KindBridge:
		a := []string{"ip", "link", "add", l.Name, "type", "bridge"}
		if l.VlanFiltering {
			a = append(a, "vlan_filtering", "1")
		}
		return a
	case KindVXLAN:
		x := l.VXLAN
		a := []string{"ip", "link", "add", l.Name, "type", "vxlan", "id", strconv.Itoa(x.VNI)}
		if x.Local != "" {
			a = append(a, "local", x.Local)
		}
		if x.Group != "" {
			a = append(a, "group", x.Group)
		}
		if x.Dev != "" {
			a = append(a, "dev", x.Dev)
		}
		a = append(a, "dstport", strconv.Itoa(x.Port))
		if !x.Learning {
			a = append(a, "nolearning")
		}
		return a
	case KindVLAN:
		return []string{"ip", "link", "add", "link", l.VLANParent, "name", l.Name, "type", "vlan", "id", strconv.Itoa(l.VLANID)}
	case KindTap:
		return []string{"ip", "tuntap", "add", "dev", l.Name, "mode", "tap"}
	}
	return []string{"ip", "link", "add", l.Name, "type", l.Kind}
}

// Argv: `ip link set dev NAME [address MAC] [mtu N] [master BR|nomaster]
// [alias TEXT] [up]`.
func (s *LinkSet) Argv() []string {
	a := []string{"ip", "link", "set", "dev", s.Name}
	if s.MAC != "" {
		a = append(a, "address", s.MAC)
	}
	if s.MTU != 0 {
		a = append(a, "mtu", strconv.Itoa(s.MTU))
	}
	if s.Master != nil {
		if *s.Master == "" {
			a = append(a, "nomaster")
		} else {
			a = append(a, "master", *s.Master)
		}
	}
	if s.Alias != nil {
		a = append(a, "alias", *s.Alias)
	}
	if s.Up {
		a = append(a, "up")
	}
	return a
}

// Argv: `ip link del dev NAME`.
func (s *LinkDel) Argv() []string { return []string{"ip", "link", "del", "dev", s.Name} }

// Argv: `ip link set dev NAME type bridge vlan_filtering 0|1`.
func (s *BridgeSet) Argv() []string {
	return []string{"ip", "link", "set", "dev", s.Name, "type", "bridge", "vlan_filtering", boolDigit(s.VlanFiltering)}
}

// Argv: `bridge vlan add dev DEV vid VID [pvid] [untagged] [self]`.
func (s *VlanAdd) Argv() []string {
	a := []string{"bridge", "vlan", "add", "dev", s.Dev, "vid", strconv.Itoa(s.VID)}
	if s.PVID {
		a = append(a, "pvid")
	}
	if s.Untagged {
		a = append(a, "untagged")
	}
	if s.Self {
		a = append(a, "self")
	}
	return a
}

// Argv: `bridge vlan del dev DEV vid VID [self]`.
func (s *VlanDel) Argv() []string {
	a := []string{"bridge", "vlan", "del", "dev", s.Dev, "vid", strconv.Itoa(s.VID)}
	if s.Self {
		a = append(a, "self")
	}
	return a
}

// Argv: `bridge fdb append 00:00:00:00:00:00 dev DEV dst IP self permanent`.
func (s *FdbAppend) Argv() []string {
	return []string{"bridge", "fdb", "append", "00:00:00:00:00:00", "dev", s.Dev, "dst", s.Dst, "self", "permanent"}
}

// Argv: `bridge fdb del 00:00:00:00:00:00 dev DEV dst IP self`.
func (s *FdbDel) Argv() []string {
	return []string{"bridge", "fdb", "del", "00:00:00:00:00:00", "dev", s.Dev, "dst", s.Dst, "self"}
}

// Argv: `ip addr add PREFIX dev DEV`.
func (s *AddrAdd) Argv() []string { return []string{"ip", "addr", "add", s.Prefix, "dev", s.Dev} }

// Argv: `ip addr del PREFIX dev DEV`.
func (s *AddrDel) Argv() []string { return []string{"ip", "addr", "del", s.Prefix, "dev", s.Dev} }

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// Command renders a step's Argv as a shell command line.
func Command(s Step) string {
	argv := s.Argv()
	out := make([]string, len(argv))
	for i, a := range argv {
		if a == "" || strings.ContainsAny(a, " \t\"'$\\=") && strings.ContainsAny(a, " \t\"'$\\") {
			a = strconv.Quote(a)
		}
		out[i] = a
	}
	return strings.Join(out, " ")
}

// Plan is the ordered list of steps that takes a host from its current state
// to the desired one. An empty plan means the host already matches.
type Plan struct {
	Steps []Step
}

// Empty reports whether there is nothing to do.
func (p *Plan) Empty() bool { return p == nil || len(p.Steps) == 0 }

// String is the plan as `ip`/`bridge` commands, one per line.
func (p *Plan) String() string {
	var b strings.Builder
	for _, s := range p.Steps {
		b.WriteString(Command(s))
		b.WriteByte('\n')
	}
	return b.String()
}

// StepJSON is how a step appears in `vigil net diff --json`.
type StepJSON struct {
	Op      string `json:"op"`
	Object  string `json:"object"`
	Command string `json:"command"`
}

// MarshalJSON renders the plan as {"changes": N, "steps": [...]}.
func (p *Plan) MarshalJSON() ([]byte, error) {
	steps := []StepJSON{}
	if p != nil {
		for _, s := range p.Steps {
			steps = append(steps, StepJSON{Op: s.Op(), Object: s.Object(), Command: Command(s)})
		}
	}
	return json.Marshal(struct {
		Changes int        `json:"changes"`
		Steps   []StepJSON `json:"steps"`
	}{len(steps), steps})
}

// ConflictError lists what on the host prevents a fabric from being applied
// (foreign interfaces in the way, missing uplinks). Nothing was changed.
type ConflictError struct {
	File      string
	Conflicts []Conflict
}

// Conflict is one object in the way.
type Conflict struct {
	Key  string // the file key that names it, e.g. bridges[0].uplink ("" if unknown)
	Name string
	Err  error // ErrNotOwned, ErrMissingUplink or ErrHostTraffic
	Msg  string
}

func (e *ConflictError) Error() string {
	const show = 10
	var parts []string
	for i, c := range e.Conflicts {
		if i == show {
			parts = append(parts, fmt.Sprintf("and %d more", len(e.Conflicts)-show))
			break
		}
		if c.Key != "" {
			parts = append(parts, fmt.Sprintf("%s: %s: %s", c.Key, c.Name, c.Msg))
		} else {
			parts = append(parts, fmt.Sprintf("%s: %s", c.Name, c.Msg))
		}
	}
	prefix := "fabric"
	if e.File != "" {
		prefix = e.File
	}
	return prefix + ": refused, nothing changed: " + strings.Join(parts, "; ")
}

// Is matches the sentinels of its conflicts.
func (e *ConflictError) Is(target error) bool {
	for _, c := range e.Conflicts {
		if errors.Is(c.Err, target) {
			return true
		}
	}
	return false
}

// Diff computes the plan from observed to desired. It refuses (with a
// *ConflictError and no plan) when a desired interface exists but is not
// vigil's, or an uplink may not be taken (see uplinkConflict). It changes
// only interfaces vigil owns: owned interfaces absent from desired are
// deleted (uplinks released), foreign ones are never looked at.
func Diff(desired, observed *State) (*Plan, error) {
	var conflicts []Conflict
	for _, name := range desired.Order {
		d := desired.Links[name]
		o := observed.Links[name]
		if d.isUplink() {
			if c := uplinkConflict(d, o, desired, observed); c != nil {
				conflicts = append(conflicts, *c)
			}
			continue
		}
		if o != nil && !o.Owned() {
			conflicts = append(conflicts, Conflict{Key: d.Key, Name: name, Err: ErrNotOwned,
				Msg: fmt.Sprintf("a %s with this name exists and is not vigil's", kindName(o.Kind))})
		}
	}
	if len(conflicts) > 0 {
		return nil, &ConflictError{Conflicts: conflicts}
	}

	var ph [phaseTrim + 1][]Step
	push := func(s Step) { ph[s.phase()] = append(ph[s.phase()], s) }

	// Deletions, ports before the bridges they are on.
	var dels []*Link
	for _, name := range observed.Order {
		o := observed.Links[name]
		if !o.Owned() {
			continue
		}
		d := desired.Links[name]
		if o.isUplink() {
			if d == nil || !d.isUplink() {
				empty := ""
				s := &LinkSet{Name: name, Alias: &empty}
				if o.Master != "" {
					s.Master = &empty
				}
				push(s)
			}
			continue
		}
		if d == nil || needsRecreate(d, o) {
			dels = append(dels, o)
		}
	}
	slices.SortStableFunc(dels, func(a, b *Link) int { return deleteRank(a) - deleteRank(b) })
	deleted := map[string]bool{}
	for _, o := range dels {
		push(&LinkDel{Name: o.Name, Kind: o.Kind})
		deleted[o.Name] = true
	}

	// Creations first in dependency order: bridges, vxlans, vlan devices, taps.
	order := slices.Clone(desired.Order)
	slices.SortStableFunc(order, func(a, b string) int {
		return createRank(desired.Links[a]) - createRank(desired.Links[b])
	})
	filtering := func(br string) bool {
		if d := desired.Links[br]; d != nil {
			return d.VlanFiltering
		}
		return false
	}
	var bridgeSets, vlanSets []Step
	for _, name := range order {
		d := desired.Links[name]
		o := observed.Links[name]
		if deleted[name] {
			o = nil
		}
		fresh := o == nil
		if fresh {
			push(&LinkAdd{Link: d})
			o = &Link{Name: name, Kind: d.Kind, VlanFiltering: d.VlanFiltering}
		}
		set := &LinkSet{Name: name}
		changed := false
		if d.MAC != "" && !strings.EqualFold(d.MAC, o.MAC) {
			set.MAC, changed = d.MAC, true
		}
		if d.MTU != 0 && d.MTU != o.MTU {
			set.MTU, changed = d.MTU, true
		}
		if d.Master != o.Master {
			m := d.Master
			set.Master, changed = &m, true
		}
		if d.Alias != o.Alias {
			a := d.Alias
			set.Alias, changed = &a, true
		}
		if d.Up && !o.Up {
			set.Up, changed = true, true
		}
		if changed && d.Kind == KindBridge {
			// After its ports: an explicit bridge MTU set while ports
			// join would be recomputed from theirs.
			bridgeSets = append(bridgeSets, set)
		} else if changed && d.Kind == KindVLAN {
			// After the bridge below it is up (ENETDOWN otherwise).
			vlanSets = append(vlanSets, set)
		} else if changed {
			push(set)
		}
		if d.Kind == KindBridge && !fresh && d.VlanFiltering != o.VlanFiltering {
			push(&BridgeSet{Name: name, VlanFiltering: d.VlanFiltering})
		}
		// Bridge VLANs. A port that is new on a VLAN-filtering bridge
		// gets the bridge's default PVID 1 from the kernel.
		if d.Vlans != nil {
			have := o.Vlans
			self := d.Kind == KindBridge
			if fresh || (!self && o.Master != d.Master) {
				have = map[int]VlanFlags{}
				if (self && d.VlanFiltering) || (!self && filtering(d.Master)) {
					have[1] = VlanFlags{PVID: true, Untagged: true}
				}
			}
			for _, vid := range sortedVids(d.Vlans) {
				want := d.Vlans[vid]
				if got, ok := have[vid]; !ok || got != want {
					push(&VlanAdd{Dev: name, VID: vid, PVID: want.PVID, Untagged: want.Untagged, Self: self})
				}
			}
			for _, vid := range sortedVids(have) {
				if _, ok := d.Vlans[vid]; !ok {
					push(&VlanDel{Dev: name, VID: vid, Self: self})
				}
			}
		}
		if d.FDB != nil {
			for _, dst := range d.FDB {
				if !slices.Contains(o.FDB, dst) {
					push(&FdbAppend{Dev: name, Dst: dst})
				}
			}
			for _, dst := range o.FDB {
				if !slices.Contains(d.FDB, dst) {
					push(&FdbDel{Dev: name, Dst: dst})
				}
			}
		}
		for _, a := range d.Addrs {
			if !slices.Contains(o.Addrs, a) {
				push(&AddrAdd{Dev: name, Prefix: a})
			}
		}
		if !d.isUplink() {
			for _, a := range o.Addrs {
				if !slices.Contains(d.Addrs, a) {
					push(&AddrDel{Dev: name, Prefix: a})
				}
			}
		}
	}
	ph[phaseSet] = append(ph[phaseSet], bridgeSets...)
	ph[phaseSet] = append(ph[phaseSet], vlanSets...)
	p := &Plan{}
	for _, steps := range ph {
		p.Steps = append(p.Steps, steps...)
	}
	return p, nil
}

// trunkKinds are the kinds of link a bridge may take as its uplink: a
// physical NIC, a bond or team of them, an 802.1Q VLAN device (a bridge
// per VLAN) and a veth (a namespace or container host's trunk).
var trunkKinds = map[string]bool{KindDevice: true, "bond": true, "team": true, KindVLAN: true, "veth": true}

// neverUplink are the kinds vigil never takes as an uplink, enslaved or
// not: other switches and their ports, and lo.
var neverUplink = map[string]bool{KindBridge: true, KindVXLAN: true, KindTap: true, "tun": true, KindLoopback: true, "openvswitch": true}

// uplinkConflict says why vigil may not take the desired uplink d (observed
// as o), or nil. Refused, in this order:
//   - a missing port (ErrMissingUplink);
//   - another owner's port (a non-vigil alias), an interface vigil made for
//     another role, a bridge, vxlan, tap or lo, and, for a port a bridge
//     would enslave, anything but a physical NIC, bond, team, VLAN device or
//     veth (ErrNotOwned);
//   - a port of a bridge or bond (any master) vigil does not own
//     (ErrNotOwned);
//   - when vigil takes the port over (it is not "vigil:uplink" yet) and a
//     bridge would enslave it: a port holding global addresses other than
//     the ones the file gives it, or a default route, unless the file's
//     management device is its bridge (ErrHostTraffic).
//     Enslaving it would silently cut the host off the network.
func uplinkConflict(d, o *Link, desired, observed *State) *Conflict {
	c := func(err error, format string, a ...any) *Conflict {
		return &Conflict{Key: d.Key, Name: d.Name, Err: err, Msg: fmt.Sprintf(format, a...)}
	}
	switch {
	case o == nil:
		return c(ErrMissingUplink, "uplink does not exist on this host")
	case o.Alias != "" && !o.Owned():
		return c(ErrNotOwned, "uplink carries the alias %q of another owner", o.Alias)
	case o.Owned() && !o.isUplink():
		return c(ErrNotOwned, "uplink is vigil's own %s (%q), not a host port", kindName(o.Kind), o.Alias)
	case neverUplink[o.Kind]:
		return c(ErrNotOwned, "uplink is a %s vigil does not own; an uplink must be a host port (physical NIC, bond, team, VLAN device or veth)", kindName(o.Kind))
	case d.Master != "" && !trunkKinds[o.Kind]:
		return c(ErrNotOwned, "uplink is a %s device; a bridge's uplink must be a physical NIC, bond, team, VLAN device or veth", o.Kind)
	case o.Master != "" && desired.Links[o.Master] == nil && !ownedName(observed, o.Master):
		what := "a port of"
		if m := observed.Links[o.Master]; m != nil && m.Kind == "bond" {
			what = "a slave of bond"
		}
		return c(ErrNotOwned, "uplink is %s %s, which vigil does not own", what, o.Master)
	}
	if o.isUplink() || d.Master == "" || d.Management {
		return nil
	}
	var held []string
	for _, a := range o.Addrs {
		if !slices.Contains(d.Addrs, a) {
			held = append(held, a)
		}
	}
	switch {
	case o.DefaultRoute && len(held) > 0:
		return c(ErrHostTraffic, "uplink holds the default route and %s; enslaving it to %s would cut them off: declare management on %s (or %s) to take it", strings.Join(held, ", "), d.Master, d.Master, d.Name)
	case o.DefaultRoute:
		return c(ErrHostTraffic, "the default route leaves through this uplink; enslaving it to %s would cut it off: declare management on %s (or %s) to take it", d.Master, d.Master, d.Name)
	case len(held) > 0:
		return c(ErrHostTraffic, "uplink holds %s; enslaving it to %s would cut the address off: declare management on %s (or %s) to take it", strings.Join(held, ", "), d.Master, d.Master, d.Name)
	}
	return nil
}

func ownedName(s *State, name string) bool {
	l := s.Links[name]
	return l != nil && l.Owned()
}

func kindName(k string) string {
	switch k {
	case KindTap:
		return "tun/tap device"
	case KindDevice:
		return "network device"
	case "":
		return "link"
	}
	return k
}

// needsRecreate reports whether an owned link must be deleted and created
// again to match d (a different kind, or immutable VXLAN/VLAN parameters).
func needsRecreate(d, o *Link) bool {
	if d.Kind != o.Kind {
		return true
	}
	switch d.Kind {
	case KindVXLAN:
		return o.VXLAN == nil || *d.VXLAN != *o.VXLAN
	case KindVLAN:
		return d.VLANParent != o.VLANParent || d.VLANID != o.VLANID
	}
	return false
}

func deleteRank(l *Link) int {
	switch l.Kind {
	case KindVLAN:
		return 0
	case KindTap:
		return 1
	case KindVXLAN:
		return 2
	case KindBridge:
		return 4
	}
	return 3
}

func createRank(l *Link) int {
	switch l.Kind {
	case "": // uplinks: adopted, never created
		return 0
	case KindBridge:
		return 1
	case KindVXLAN:
		return 2
	case KindVLAN:
		return 3
	}
	return 4
}
