package redfishsim

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Health values of Status.Health.
const (
	HealthOK       = "OK"
	HealthWarning  = "Warning"
	HealthCritical = "Critical"
)

// hit is one place a component appears: a member of a Thermal or Power
// array, or a resource of its own.
type hit struct {
	path string // resource path, or resource path + "#/Key/N" for members
	o    obj
	kind string // temp, fan, volt, psu (array members); sensor, fanres, psures, other
}

var arrayKinds = map[string]string{"Temperatures": "temp", "Fans": "fan", "Voltages": "volt", "PowerSupplies": "psu"}

// findLocked returns every place target names: a component's Name, a
// resource's Id (sensors, fans, power supplies) or any @odata.id.
func (s *Sim) findLocked(target string) []hit {
	target = normPath(target)
	var hits []hit
	paths := make([]string, 0, len(s.res))
	for p := range s.res {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		o := s.res[p]
		kind := "other"
		switch {
		case isType(o, "Sensor"):
			kind = "sensor"
		case isType(o, "Fan"):
			kind = "fanres"
		case isType(o, "PowerSupply"):
			kind = "psures"
		case isType(o, "Memory"):
			kind = "memory"
		}
		if p == target {
			hits = append(hits, hit{p, o, kind})
			continue
		}
		if kind != "other" && (o["Name"] == target || o["Id"] == target) {
			hits = append(hits, hit{p, o, kind})
			continue
		}
		if !isType(o, "Thermal") && !isType(o, "Power") {
			continue
		}
		for key, k := range arrayKinds {
			for i, m := range anyList(o[key]) {
				mo, ok := m.(obj)
				if !ok {
					continue
				}
				mp := fmt.Sprintf("%s#/%s/%d", p, key, i)
				if mo["Name"] == target || mo["@odata.id"] == target || mp == target {
					hits = append(hits, hit{mp, mo, k})
				}
			}
		}
	}
	return hits
}

// followLocked adds the sensors fans read from (SpeedPercent.DataSourceUri)
// and the fans that read from sensors already hit.
func (s *Sim) followLocked(hits []hit) []hit {
	seen := map[string]bool{}
	for _, h := range hits {
		seen[h.path] = true
	}
	out := hits
	for _, h := range hits {
		switch h.kind {
		case "fanres":
			sp, _ := h.o["SpeedPercent"].(obj)
			if src, ok := sp["DataSourceUri"].(string); ok && !seen[src] && s.res[src] != nil {
				seen[src] = true
				out = append(out, hit{src, s.res[src], "sensor"})
			}
		case "sensor":
			for p, o := range s.res {
				if !isType(o, "Fan") || seen[p] {
					continue
				}
				if sp, _ := o["SpeedPercent"].(obj); sp != nil && sp["DataSourceUri"] == h.path {
					seen[p] = true
					out = append(out, hit{p, o, "fanres"})
				}
			}
		}
	}
	return out
}

func num(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}

// thresholdHealth classifies v against thresholds; get returns a threshold
// by its Sensor-schema name (UpperCaution...). which names the threshold
// crossed, "" if none.
func thresholdHealth(v float64, get func(string) (float64, bool)) (health, which string) {
	order := []struct {
		name, health string
		upper        bool
	}{
		{"UpperFatal", HealthCritical, true}, {"LowerFatal", HealthCritical, false},
		{"UpperCritical", HealthCritical, true}, {"LowerCritical", HealthCritical, false},
		{"UpperCaution", HealthWarning, true}, {"LowerCaution", HealthWarning, false},
	}
	for _, t := range order {
		th, ok := get(t.name)
		if !ok {
			continue
		}
		if (t.upper && v >= th) || (!t.upper && v <= th) {
			return t.health, t.name
		}
	}
	return HealthOK, ""
}

var flatNames = map[string]string{
	"UpperFatal": "UpperThresholdFatal", "LowerFatal": "LowerThresholdFatal",
	"UpperCritical": "UpperThresholdCritical", "LowerCritical": "LowerThresholdCritical",
	"UpperCaution": "UpperThresholdNonCritical", "LowerCaution": "LowerThresholdNonCritical",
}

func flatGetter(o obj) func(string) (float64, bool) {
	return func(n string) (float64, bool) { return num(o[flatNames[n]]) }
}

func sensorGetter(o obj) func(string) (float64, bool) {
	return func(n string) (float64, bool) {
		th, _ := o["Thresholds"].(obj)
		t, _ := th[n].(obj)
		return num(t["Reading"])
	}
}

func hasAnyThreshold(get func(string) (float64, bool)) bool {
	for n := range flatNames {
		if _, ok := get(n); ok {
			return true
		}
	}
	return false
}

func setHealth(o obj, health string) {
	st, _ := o["Status"].(obj)
	if st == nil {
		st = obj{"State": "Enabled"}
		o["Status"] = st
	}
	st["Health"] = health
}

func healthOf(o obj) string {
	st, _ := o["Status"].(obj)
	h, _ := st["Health"].(string)
	return h
}

var healthRank = map[string]int{HealthOK: 1, HealthWarning: 2, HealthCritical: 3}

func worse(a, b string) string {
	if healthRank[b] > healthRank[a] {
		return b
	}
	return a
}

func validHealth(h string) error {
	if healthRank[h] == 0 {
		return fmt.Errorf("redfishsim: health %q is not OK, Warning or Critical", h)
	}
	return nil
}

func unitOf(kind string, o obj) string {
	switch kind {
	case "temp":
		return "Cel"
	case "fan", "fanres":
		return "RPM"
	case "volt":
		return "V"
	}
	u, _ := o["ReadingUnits"].(string)
	return u
}

// SetReading sets the reading of every sensor target names (a Name as shown
// in Thermal, Power or Sensors, a resource Id, or an @odata.id such as
// "/redfish/v1/Chassis/1/Thermal#/Fans/0"): ReadingCelsius, Reading,
// ReadingVolts, a Fan's SpeedPercent, or a power supply's input voltage.
// Health follows the thresholds, as a BMC computes it; rollups are
// recomputed, a SEL entry written and an event emitted.
func (s *Sim) SetReading(target string, value float64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	hits := s.findLocked(target)
	if len(hits) == 0 {
		return fmt.Errorf("redfishsim: SetReading: no sensor %q", target)
	}
	hits = s.followLocked(hits)
	health, which, unit := "", "", ""
	applied := false
	for _, h := range hits {
		var get func(string) (float64, bool)
		switch h.kind {
		case "temp":
			h.o["ReadingCelsius"] = value
			get = flatGetter(h.o)
		case "fan":
			h.o["Reading"] = value
			get = flatGetter(h.o)
		case "volt":
			h.o["ReadingVolts"] = value
			get = flatGetter(h.o)
		case "sensor":
			h.o["Reading"] = value
			get = sensorGetter(h.o)
		case "fanres":
			sp, _ := h.o["SpeedPercent"].(obj)
			if sp == nil {
				sp = obj{}
				h.o["SpeedPercent"] = sp
			}
			old, _ := num(sp["SpeedRPM"])
			oldPct, _ := num(sp["Reading"])
			sp["SpeedRPM"] = value
			switch {
			case h.o["RatedSpeedRPM"] != nil:
				rated, _ := num(h.o["RatedSpeedRPM"])
				if rated > 0 {
					sp["Reading"] = float64(int(value/rated*100 + 0.5))
				}
			case old > 0 && oldPct > 0:
				sp["Reading"] = float64(int(value/old*oldPct + 0.5))
			default:
				sp["Reading"] = pct(value)
			}
		case "psu":
			h.o["LineInputVoltage"] = value
		case "psures":
			if m := s.metricsLocked(h.o); m != nil {
				if iv, ok := m["InputVoltage"].(obj); ok {
					iv["Reading"] = value
				}
			}
		default:
			continue
		}
		applied = true
		if unit == "" {
			unit = unitOf(h.kind, h.o)
		}
		if get != nil && hasAnyThreshold(get) {
			hh, w := thresholdHealth(value, get)
			setHealth(h.o, hh)
			health = worse(health, hh)
			if which == "" {
				which = w
			}
		}
	}
	if !applied {
		return fmt.Errorf("redfishsim: SetReading: %q is not a sensor, fan or power supply", target)
	}
	// A Fan resource shows the health of the sensor it reads from.
	for _, h := range hits {
		if h.kind != "fanres" {
			continue
		}
		sp, _ := h.o["SpeedPercent"].(obj)
		if src, ok := sp["DataSourceUri"].(string); ok && s.res[src] != nil {
			if sh := healthOf(s.res[src]); sh != "" {
				setHealth(h.o, sh)
			}
		}
	}
	s.rollupLocked()
	if health == "" {
		health = HealthOK
	}
	val := strconv.FormatFloat(value, 'f', -1, 64)
	msgID := "Sensor.1.0.ReadingNormalRange"
	msg := fmt.Sprintf("Sensor '%s' reading of %s (%s) is within normal range.", target, val, unit)
	if which != "" {
		dir := "Above"
		if strings.HasPrefix(which, "Lower") {
			dir = "Below"
		}
		msgID = "Sensor.1.0.Reading" + dir + which + "Threshold"
		msg = fmt.Sprintf("Sensor '%s' reading of %s (%s) is %s the %s threshold.", target, val, unit, strings.ToLower(dir), which)
	}
	s.faultLocked(health, msg, msgID, []string{target, val, unit}, originOf(hits[0].path))
	return nil
}

// originOf strips a "#/..." member suffix.
func originOf(p string) string {
	q, _, _ := strings.Cut(p, "#")
	return q
}

func (s *Sim) metricsLocked(o obj) obj {
	if l, ok := o["Metrics"].(obj); ok {
		if p, ok := l["@odata.id"].(string); ok {
			return s.res[p]
		}
	}
	return nil
}

// SetHealth sets Status.Health of every component or resource target names
// (component Name, sensor/fan/PSU Id, or any @odata.id, e.g.
// "/redfish/v1/Systems/1") to OK, Warning or Critical, recomputes rollups,
// writes a SEL entry and emits an event.
func (s *Sim) SetHealth(target, health string) error {
	if err := validHealth(health); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	hits := s.findLocked(target)
	if len(hits) == 0 {
		return fmt.Errorf("redfishsim: SetHealth: nothing named %q", target)
	}
	for _, h := range hits {
		setHealth(h.o, health)
	}
	s.rollupLocked()
	origin := originOf(hits[0].path)
	s.faultLocked(health, fmt.Sprintf("The health of resource '%s' has changed to %s.", target, health),
		"ResourceEvent.1.0.ResourceStatusChanged"+health, []string{origin, health}, origin)
	return nil
}

// FailFan makes the fan target names fail: Status.State UnavailableOffline,
// Health Critical, reading 0 (in Thermal, Sensors and ThermalSubsystem),
// its redundancy group degraded; then SEL entry and event.
func (s *Sim) FailFan(target string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	hits := s.followLocked(s.findLocked(target))
	var failed []string
	for _, h := range hits {
		switch h.kind {
		case "fan":
			h.o["Reading"] = 0.0
		case "fanres":
			sp, _ := h.o["SpeedPercent"].(obj)
			if sp == nil {
				sp = obj{}
				h.o["SpeedPercent"] = sp
			}
			sp["Reading"], sp["SpeedRPM"] = 0.0, 0.0
		case "sensor":
			h.o["Reading"] = 0.0
		default:
			continue
		}
		h.o["Status"] = obj{"State": "UnavailableOffline", "Health": HealthCritical}
		failed = append(failed, h.path)
	}
	if len(failed) == 0 {
		return fmt.Errorf("redfishsim: FailFan: no fan %q", target)
	}
	s.degradeRedundancyLocked(failed)
	s.rollupLocked()
	origin := originOf(failed[0])
	s.faultLocked(HealthCritical, fmt.Sprintf("Fan '%s' has failed.", target),
		"ResourceEvent.1.0.ResourceStatusChangedCritical", []string{origin, HealthCritical}, origin)
	return nil
}

// FailPSU makes the power supply target names fail: Status.State
// UnavailableOffline, Health Critical, input and output 0, input status
// LossOfInput, its redundancy group degraded; then SEL entry and event.
func (s *Sim) FailPSU(target string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	hits := s.findLocked(target)
	var failed []string
	for _, h := range hits {
		switch h.kind {
		case "psu":
			for _, k := range []string{"PowerInputWatts", "PowerOutputWatts", "LastPowerOutputWatts", "LineInputVoltage"} {
				if _, ok := h.o[k]; ok {
					h.o[k] = 0.0
				}
			}
		case "psures":
			h.o["LineInputStatus"] = "LossOfInput"
			if m := s.metricsLocked(h.o); m != nil {
				for _, k := range []string{"InputVoltage", "InputPowerWatts", "OutputPowerWatts", "InputCurrentAmps"} {
					if r, ok := m[k].(obj); ok {
						r["Reading"] = 0.0
					}
				}
				setHealth(m, HealthCritical)
			}
		default:
			continue
		}
		h.o["Status"] = obj{"State": "UnavailableOffline", "Health": HealthCritical}
		failed = append(failed, h.path)
	}
	if len(failed) == 0 {
		return fmt.Errorf("redfishsim: FailPSU: no power supply %q", target)
	}
	s.degradeRedundancyLocked(failed)
	s.rollupLocked()
	origin := originOf(failed[0])
	s.faultLocked(HealthCritical, fmt.Sprintf("Power supply '%s' has failed: input lost.", target),
		"ResourceEvent.1.0.ResourceStatusChangedCritical", []string{origin, HealthCritical}, origin)
	return nil
}

// degradeRedundancyLocked marks redundancy groups holding a failed member
// Warning (redundancy lost).
func (s *Sim) degradeRedundancyLocked(failed []string) {
	isFailed := map[string]bool{}
	for _, f := range failed {
		isFailed[f] = true
	}
	for _, o := range s.res {
		for _, key := range []string{"Redundancy", "FanRedundancy", "PowerSupplyRedundancy"} {
			for _, g := range anyList(o[key]) {
				grp, ok := g.(obj)
				if !ok {
					continue
				}
				for _, setKey := range []string{"RedundancySet", "RedundancyGroup"} {
					for _, m := range anyList(grp[setKey]) {
						mo, _ := m.(obj)
						if id, _ := mo["@odata.id"].(string); isFailed[id] {
							setHealth(grp, worse(healthOf(grp), HealthWarning))
						}
					}
				}
			}
		}
	}
}

// worstBelow returns the worst Status.Health inside v (not counting Links).
func worstBelow(v any) string {
	w := ""
	switch x := v.(type) {
	case obj:
		for k, c := range x {
			switch k {
			case "Links", "Conditions", "RelatedItem":
				continue
			case "Status":
				if st, ok := c.(obj); ok {
					if h, ok := st["Health"].(string); ok {
						w = worse(w, h)
					}
				}
				continue
			}
			w = worse(w, worstBelow(c))
		}
	case []any:
		for _, c := range x {
			w = worse(w, worstBelow(c))
		}
	}
	return w
}

// rollupLocked recomputes Status.HealthRollup of every resource that has
// one from the resources below it (by path), and of systems also from their
// chassis, as a BMC does.
func (s *Sim) rollupLocked() {
	below := map[string]string{} // path -> worst health of the resource itself
	for p, o := range s.res {
		below[p] = worstBelow(o)
	}
	rollup := func(p string) string {
		w := ""
		for q, h := range below {
			if q == p || strings.HasPrefix(q, p+"/") {
				w = worse(w, h)
			}
		}
		return w
	}
	var systems []string
	for p, o := range s.res {
		st, _ := o["Status"].(obj)
		if _, ok := st["HealthRollup"]; !ok {
			continue
		}
		if isType(o, "ComputerSystem") {
			systems = append(systems, p)
			continue
		}
		if w := rollup(p); w != "" {
			st["HealthRollup"] = w
		}
	}
	for _, p := range systems {
		o := s.res[p]
		w := rollup(p)
		if l, ok := o["Links"].(obj); ok {
			for _, c := range anyList(l["Chassis"]) {
				co, _ := c.(obj)
				cp, _ := co["@odata.id"].(string)
				if ch := s.res[cp]; ch != nil {
					cst, _ := ch["Status"].(obj)
					if r, ok := cst["HealthRollup"].(string); ok {
						w = worse(w, r)
					} else {
						w = worse(w, rollup(cp))
					}
				}
			}
		}
		if w != "" {
			o["Status"].(obj)["HealthRollup"] = w
		}
	}
}

// LogEntry is a SEL entry for AddLogEntry.
type LogEntry struct {
	Severity  string   // OK, Warning or Critical
	Message   string   // human-readable text
	MessageID string   // registry MessageId (default ResourceEvent.1.0.ResourceErrorsDetected)
	Args      []string // MessageArgs
	Origin    string   // @odata.id of the resource concerned (optional)
}

// AddLogEntry appends e to the SEL and emits it as an event.
func (s *Sim) AddLogEntry(e LogEntry) error {
	if err := validHealth(e.Severity); err != nil {
		return err
	}
	if e.Message == "" {
		return fmt.Errorf("redfishsim: AddLogEntry: empty message")
	}
	if e.MessageID == "" {
		e.MessageID = "ResourceEvent.1.0.ResourceErrorsDetected"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.selPath == "" {
		return fmt.Errorf("redfishsim: AddLogEntry: this BMC has no log service")
	}
	s.faultLocked(e.Severity, e.Message, e.MessageID, e.Args, normPath(e.Origin))
	return nil
}

// SELPath returns the @odata.id of the log service that receives SEL
// entries ("" if the mockup has none).
func (s *Sim) SELPath() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.selPath
}

// SetField sets one field of the resource at path to value, so a test can
// serve a wrongly typed field, e.g. SetField(".../Thermal",
// "Temperatures/0/SensorNumber", "5"). field is a "/"-separated path
// through objects and array indexes.
func (s *Sim) SetField(path, field string, value any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.res[normPath(path)]
	if o == nil {
		return fmt.Errorf("redfishsim: SetField: no resource %s", path)
	}
	parts := strings.Split(field, "/")
	var cur any = o
	for i, part := range parts {
		last := i == len(parts)-1
		switch c := cur.(type) {
		case obj:
			if last {
				c[part] = value
				return nil
			}
			cur = c[part]
		case []any:
			n, err := strconv.Atoi(part)
			if err != nil || n < 0 || n >= len(c) {
				return fmt.Errorf("redfishsim: SetField %s: %q: no index %q", path, field, part)
			}
			if last {
				c[n] = value
				return nil
			}
			cur = c[n]
		default:
			return fmt.Errorf("redfishsim: SetField %s: %q: %q is not inside an object or array", path, field, part)
		}
	}
	return nil
}

// SetRaw makes GET path answer body verbatim (for malformed JSON); a nil
// body restores the resource.
func (s *Sim) SetRaw(path string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if body == nil {
		delete(s.raw, normPath(path))
		return
	}
	s.raw[normPath(path)] = body
}

// Mutate runs f on the resource at path under the simulator's lock, for
// changes no other method offers.
func (s *Sim) Mutate(path string, f func(o map[string]any)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.res[normPath(path)]
	if o == nil {
		return fmt.Errorf("redfishsim: Mutate: no resource %s", path)
	}
	f(o)
	return nil
}

// Resource returns a copy of the resource at path as clients would read it.
func (s *Sim) Resource(path string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.res[normPath(path)]
	if o == nil {
		return nil, false
	}
	return deepCopy(o), true
}

// Paths lists every resource path the simulator serves, sorted.
func (s *Sim) Paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.res))
	for p := range s.res {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// memberLocked resolves a path, or a path with a "#/Key/N" array member
// suffix, in tree.
func memberLocked(tree map[string]obj, p string) obj {
	base, frag, ok := strings.Cut(p, "#/")
	o := tree[base]
	if !ok || o == nil {
		return o
	}
	key, idx, _ := strings.Cut(frag, "/")
	n, err := strconv.Atoi(idx)
	l := anyList(o[key])
	if err != nil || n < 0 || n >= len(l) {
		return nil
	}
	m, _ := l[n].(obj)
	return m
}

func failed(o obj) bool {
	st, _ := o["Status"].(obj)
	return st["Health"] == HealthCritical || st["State"] == "UnavailableOffline"
}

// Repair undoes faults on what target names (as in SetReading): sensors,
// fans and power supplies get back their readings and status as the
// simulator started; other resources get back their Status. Redundancy
// groups without failed members become OK again; rollups are recomputed, a
// SEL entry written and an event emitted.
func (s *Sim) Repair(target string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	hits := s.followLocked(s.findLocked(target))
	restored := 0
	for _, h := range hits {
		orig := memberLocked(s.orig, h.path)
		if orig == nil {
			continue
		}
		orig = deepCopy(orig)
		if h.kind == "other" {
			if st, ok := orig["Status"]; ok {
				h.o["Status"] = st
				restored++
			}
			continue
		}
		for k := range h.o {
			delete(h.o, k)
		}
		for k, v := range orig {
			h.o[k] = v
		}
		if h.kind == "psures" || h.kind == "memory" {
			if m, ok := h.o["Metrics"].(obj); ok {
				if mp, ok := m["@odata.id"].(string); ok && s.orig[mp] != nil {
					s.res[mp] = deepCopy(s.orig[mp])
				}
			}
		}
		restored++
	}
	if restored == 0 {
		return fmt.Errorf("redfishsim: Repair: nothing named %q", target)
	}
	for _, o := range s.res {
		for _, key := range []string{"Redundancy", "FanRedundancy", "PowerSupplyRedundancy"} {
			for _, g := range anyList(o[key]) {
				grp, ok := g.(obj)
				if !ok || healthOf(grp) == HealthOK || healthOf(grp) == "" {
					continue
				}
				healthy := true
				for _, setKey := range []string{"RedundancySet", "RedundancyGroup"} {
					for _, m := range anyList(grp[setKey]) {
						mo, _ := m.(obj)
						id, _ := mo["@odata.id"].(string)
						if mem := memberLocked(s.res, id); mem != nil && failed(mem) {
							healthy = false
						}
					}
				}
				if healthy {
					setHealth(grp, HealthOK)
				}
			}
		}
	}
	s.rollupLocked()
	origin := originOf(hits[0].path)
	s.faultLocked(HealthOK, fmt.Sprintf("'%s' has been repaired.", target),
		"ResourceEvent.1.0.ResourceStatusChangedOK", []string{origin, HealthOK}, origin)
	return nil
}

// RaiseECC records count memory errors on the DIMM target names (Name, Id
// or @odata.id): MemoryMetrics' CurrentPeriod and LifeTime counters grow,
// the alarm trip is set, and the DIMM's health becomes Warning for
// correctable errors or Critical for uncorrectable ones; then SEL entry and
// event (ResourceEvent.1.0.ResourceErrorsDetected).
func (s *Sim) RaiseECC(target string, uncorrectable bool, count int) error {
	if count <= 0 {
		return fmt.Errorf("redfishsim: RaiseECC: count %d", count)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var dimm *hit
	for _, h := range s.findLocked(target) {
		if h.kind == "memory" {
			dimm = &h
			break
		}
	}
	if dimm == nil {
		return fmt.Errorf("redfishsim: RaiseECC: no memory device %q", target)
	}
	kind, health := "CorrectableECCError", HealthWarning
	if uncorrectable {
		kind, health = "UncorrectableECCError", HealthCritical
	}
	if m := s.metricsLocked(dimm.o); m != nil {
		for _, period := range []string{"CurrentPeriod", "LifeTime"} {
			po, _ := m[period].(obj)
			if po == nil {
				po = obj{}
				m[period] = po
			}
			n, _ := num(po[kind+"Count"])
			po[kind+"Count"] = int(n) + count
		}
		hd, _ := m["HealthData"].(obj)
		if hd == nil {
			hd = obj{}
			m["HealthData"] = hd
		}
		at, _ := hd["AlarmTrips"].(obj)
		if at == nil {
			at = obj{}
			hd["AlarmTrips"] = at
		}
		at[kind] = true
	}
	setHealth(dimm.o, worse(healthOf(dimm.o), health))
	s.rollupLocked()
	name, _ := dimm.o["Name"].(string)
	what := "correctable"
	if uncorrectable {
		what = "uncorrectable"
	}
	s.faultLocked(health, fmt.Sprintf("%d %s ECC error(s) detected on memory device '%s'.", count, what, name),
		"ResourceEvent.1.0.ResourceErrorsDetected", []string{dimm.path, kind}, dimm.path)
	return nil
}
