package redfish

import (
	"sort"
	"strings"

	"github.com/vigil-ha/vigil/sensors"
)

// view is the part of a chassis a reading was read from. A BMC that
// implements several schema generations shows one physical sensor in each
// of them: a fan in Thermal, in ThermalSubsystem/Fans and in the Sensors
// collection. Higher is newer: the Sensors collection is what the
// ThermalSubsystem and PowerSubsystem excerpts copy (their DataSourceUri
// names it), and both replace the deprecated Thermal and Power.
type view int

const (
	viewThermal view = iota + 1
	viewPower
	viewThermalSubsystem
	viewPowerSubsystem
	viewSensors
)

// rank orders views by schema generation: Sensors, then the subsystems,
// then Thermal and Power.
func (v view) rank() int {
	switch v {
	case viewSensors:
		return 3
	case viewThermalSubsystem, viewPowerSubsystem:
		return 2
	}
	return 1
}

// sighting is one reading as one view of one chassis shows it, with what
// tells whether two sightings are the same physical sensor.
type sighting struct {
	rd        sensors.Reading
	chassis   string // the chassis resource's path
	chassisID string
	view      view
	// self is the reading's own resource (a Sensor, Fan or PowerSupply);
	// empty for members of the Thermal and Power arrays.
	self string
	// source is the Sensor an excerpt copies (SpeedPercent.DataSourceUri).
	source string
	member string // array member id, for a stable order
}

// identity merges the sightings of one Poll so that each physical sensor
// is one reading. Two sightings are one sensor when
//
//  1. they are the same resource (a collection or a chassis listed twice);
//  2. one is an excerpt whose DataSourceUri names the other; or
//  3. they are on the same chassis, of the same kind, and share a name that
//     no other sighting of their views on that chassis has (a BMC that
//     names a sensor alike in every view, as most do).
//
// A merged sensor may hold at most one sighting per view: two members of
// one view are two sensors, whatever their names. Sensors of different
// chassis are never merged; when two of them would share a Key, the
// chassis Id is put before their component and name ("1U/CPU Temp").
//
// The merged reading is the newest view's (see view.rank); what that view
// lacks is taken from the next ones: the value with its unit, thresholds
// and status when it has no value, thresholds in the same unit, discrete
// states, the redundancy group, a known status, a specific kind.
func identity(all []sighting) []sensors.Reading {
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.chassis != b.chassis {
			return a.chassis < b.chassis
		}
		if a.view != b.view {
			return a.view > b.view
		}
		if a.self != b.self {
			return a.self < b.self
		}
		if a.rd.Name != b.rd.Name {
			return a.rd.Name < b.rd.Name
		}
		return a.member < b.member
	})
	// 1. One resource read twice is one sighting.
	bySelf := map[string]bool{}
	kept := all[:0:0]
	for _, s := range all {
		if s.self != "" {
			k := strings.TrimRight(s.self, "/")
			if bySelf[k] {
				continue
			}
			bySelf[k] = true
		}
		kept = append(kept, s)
	}
	all = kept

	g := newGroups(all)
	// 2. Excerpts and the Sensor they copy.
	at := map[string]int{}
	for i, s := range all {
		if s.self != "" {
			at[strings.TrimRight(s.self, "/")] = i
		}
	}
	for i, s := range all {
		if j, ok := at[strings.TrimRight(s.source, "/")]; ok && s.source != "" {
			g.union(i, j)
		}
	}
	// 3. One name per view on a chassis.
	type nameKey struct {
		chassis string
		kind    sensors.Kind
		name    string
	}
	byName := map[nameKey]map[view][]int{}
	var order []nameKey
	for i, s := range all {
		k := nameKey{s.chassis, s.rd.Kind, strings.ToLower(strings.TrimSpace(s.rd.Name))}
		if byName[k] == nil {
			byName[k] = map[view][]int{}
			order = append(order, k)
		}
		byName[k][s.view] = append(byName[k][s.view], i)
	}
	for _, k := range order {
		views := byName[k]
		var ids []int
		unique := true
		for _, is := range views {
			unique = unique && len(is) == 1
			ids = append(ids, is...)
		}
		if !unique || len(ids) < 2 {
			continue
		}
		sort.Ints(ids)
		for _, i := range ids[1:] {
			g.union(ids[0], i)
		}
	}

	// One reading per group, in the order of its best sighting.
	members := map[int][]int{}
	var roots []int
	for i := range all {
		r := g.find(i)
		if members[r] == nil {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	out := make([]sensors.Reading, 0, len(roots))
	chassisOf := make([]sighting, 0, len(roots))
	for _, r := range roots {
		ss := make([]sighting, 0, len(members[r]))
		for _, i := range members[r] {
			ss = append(ss, all[i])
		}
		out = append(out, mergeSightings(ss))
		chassisOf = append(chassisOf, ss[0])
	}
	// Distinct sensors of different chassis that share a Key.
	chassisPerKey := map[string]map[string]bool{}
	for i, rd := range out {
		k := rd.Key()
		if chassisPerKey[k] == nil {
			chassisPerKey[k] = map[string]bool{}
		}
		chassisPerKey[k][chassisOf[i].chassis] = true
	}
	for i := range out {
		if len(chassisPerKey[out[i].Key()]) > 1 {
			id := chassisOf[i].chassisID
			out[i].Component = id + "/" + out[i].Component
			out[i].Name = id + "/" + out[i].Name
		}
	}
	return out
}

// mergeSightings makes one reading of the sightings of one sensor: the
// newest view's, completed from the others (newest first).
func mergeSightings(ss []sighting) sensors.Reading {
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].view.rank() > ss[j].view.rank() })
	rd := ss[0].rd
	rest := ss[1:]
	if rd.Value == nil {
		for _, s := range rest {
			if s.rd.Value != nil {
				if s.rd.Unit != rd.Unit {
					rd.Thresholds = nil // they were in the other unit
				}
				rd.Value, rd.Unit = s.rd.Value, s.rd.Unit
				if s.rd.Thresholds != nil {
					rd.Thresholds = s.rd.Thresholds
				}
				if rd.Status == sensors.StatusUnknown {
					rd.Status = s.rd.Status
				}
				break
			}
		}
	}
	for _, s := range rest {
		if rd.Thresholds == nil && s.rd.Thresholds != nil && s.rd.Unit == rd.Unit {
			rd.Thresholds = s.rd.Thresholds
		}
		if len(rd.States) == 0 && len(s.rd.States) > 0 {
			rd.States = s.rd.States
		}
		if rd.Redundant == "" {
			rd.Redundant = s.rd.Redundant
		}
		if rd.Status == sensors.StatusUnknown && s.rd.Status != sensors.StatusUnknown {
			rd.Status = s.rd.Status
		}
		if rd.Kind == sensors.KindOther && s.rd.Kind != sensors.KindOther {
			rd.Kind = s.rd.Kind
		}
	}
	return rd
}

// groups is a union-find over sightings that refuses to join two groups
// holding a sighting of the same view (two members of one view are two
// sensors).
type groups struct {
	parent []int
	views  []map[view]bool
}

func newGroups(all []sighting) *groups {
	g := &groups{parent: make([]int, len(all)), views: make([]map[view]bool, len(all))}
	for i, s := range all {
		g.parent[i] = i
		g.views[i] = map[view]bool{s.view: true}
	}
	return g
}

func (g *groups) find(i int) int {
	for g.parent[i] != i {
		g.parent[i] = g.parent[g.parent[i]]
		i = g.parent[i]
	}
	return i
}

func (g *groups) union(a, b int) {
	ra, rb := g.find(a), g.find(b)
	if ra == rb {
		return
	}
	for v := range g.views[rb] {
		if g.views[ra][v] {
			return
		}
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	g.parent[rb] = ra
	for v := range g.views[rb] {
		g.views[ra][v] = true
	}
	g.views[rb] = nil
}
