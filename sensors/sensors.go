package sensors

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Source names where a reading came from.
type Source string

// The sources vigil reads.
const (
	SourceIPMI    Source = "ipmi"
	SourceRedfish Source = "redfish"
	SourceHost    Source = "host"
)

// Kind is what a sensor measures (CLI.md: the "kind" field).
type Kind string

// The kinds of CLI.md. A discrete sensor has the kind of what it watches
// (a PSU status sensor is KindPSU, a DIMM ECC sensor KindMemory).
const (
	KindTemperature Kind = "temperature"
	KindFan         Kind = "fan"
	KindVoltage     Kind = "voltage"
	KindCurrent     Kind = "current"
	KindPower       Kind = "power"
	KindPSU         Kind = "psu"
	KindMemory      Kind = "memory"
	KindProcessor   Kind = "processor"
	KindStorage     Kind = "storage"
	KindOther       Kind = "other"
)

// Unit is the unit of Reading.Value; empty for discrete sensors.
type Unit string

// The units of CLI.md.
const (
	UnitNone    Unit = ""
	UnitCelsius Unit = "celsius"
	UnitRPM     Unit = "rpm"
	UnitPercent Unit = "percent" // fan duty where a BMC gives no RPM
	UnitVolts   Unit = "volts"
	UnitAmps    Unit = "amps"
	UnitWatts   Unit = "watts"
)

// Status is the health of one reading or the severity of one event.
type Status string

// Statuses in increasing order of concern, except StatusUnknown which means
// "no usable reading" (sensor absent, scanning disabled, source down).
const (
	StatusOK       Status = "ok"
	StatusWarning  Status = "warning"
	StatusCritical Status = "critical"
	StatusUnknown  Status = "unknown"
)

// Rank orders statuses for "worst of": ok < unknown < warning < critical.
func (s Status) Rank() int {
	switch s {
	case StatusOK:
		return 0
	case StatusUnknown:
		return 1
	case StatusWarning:
		return 2
	case StatusCritical:
		return 3
	}
	return 1
}

// Worst returns the more severe of a and b.
func Worst(a, b Status) Status {
	if b.Rank() > a.Rank() {
		return b
	}
	return a
}

// Severity is how bad an event is.
type Severity string

// Event severities. Deasserted (cleared) conditions are SeverityInfo.
const (
	SeverityInfo     Severity = "info"
	SeverityWarning  Severity = "warning"
	SeverityCritical Severity = "critical"
)

// Thresholds of a threshold sensor, nil where the sensor has none. Lower*
// thresholds are crossed going low, Upper* going high. "Fatal" is IPMI's
// non-recoverable and Redfish's Fatal.
type Thresholds struct {
	LowerWarning  *float64 `json:"lower_warning,omitempty"`
	LowerCritical *float64 `json:"lower_critical,omitempty"`
	LowerFatal    *float64 `json:"lower_fatal,omitempty"`
	UpperWarning  *float64 `json:"upper_warning,omitempty"`
	UpperCritical *float64 `json:"upper_critical,omitempty"`
	UpperFatal    *float64 `json:"upper_fatal,omitempty"`
}

// Empty reports whether no threshold is set.
func (t Thresholds) Empty() bool {
	return t.LowerWarning == nil && t.LowerCritical == nil && t.LowerFatal == nil &&
		t.UpperWarning == nil && t.UpperCritical == nil && t.UpperFatal == nil
}

// Classify returns the status value v has against t: critical at or beyond a
// critical or fatal threshold, warning at or beyond a warning one.
func (t Thresholds) Classify(v float64) Status {
	le := func(p *float64) bool { return p != nil && v <= *p }
	ge := func(p *float64) bool { return p != nil && v >= *p }
	switch {
	case le(t.LowerFatal), le(t.LowerCritical), ge(t.UpperFatal), ge(t.UpperCritical):
		return StatusCritical
	case le(t.LowerWarning), ge(t.UpperWarning):
		return StatusWarning
	}
	return StatusOK
}

// CriticalLow returns the nearest threshold that is critical going low
// (critical, else fatal).
func (t Thresholds) CriticalLow() *float64 {
	if t.LowerCritical != nil {
		return t.LowerCritical
	}
	return t.LowerFatal
}

// CriticalHigh returns the nearest threshold that is critical going high.
func (t Thresholds) CriticalHigh() *float64 {
	if t.UpperCritical != nil {
		return t.UpperCritical
	}
	return t.UpperFatal
}

// F returns a pointer to v, for building Thresholds.
func F(v float64) *float64 { return &v }

// Reading is one sensor's value at one time, from any source.
type Reading struct {
	Source Source `json:"source"`
	// Component is the hardware part the sensor watches, as stable as the
	// source allows ("FAN1", "PSU1", "DIMM_A1", "mc0/dimm2", "CPU"); health
	// risk is computed per component.
	Component string `json:"component"`
	Name      string `json:"name"`
	Kind      Kind   `json:"kind"`
	// Value is nil for discrete sensors and for sensors without a reading.
	Value      *float64    `json:"value"`
	Unit       Unit        `json:"unit"`
	Status     Status      `json:"status"`
	Thresholds *Thresholds `json:"thresholds,omitempty"`
	// States are a discrete sensor's asserted states, decoded ("Failure
	// detected", "Correctable ECC"); empty when it asserts none.
	States []string  `json:"states,omitempty"`
	Time   time.Time `json:"time"`
	// Redundant names the redundancy group (e.g. "fans", "psus") the
	// component belongs to, when the source says so; health uses it to
	// tell "one of a redundant pair failed" from "the only one failed".
	Redundant string `json:"redundant,omitempty"`
	// Rollup marks a summary of other readings (a Redfish chassis or
	// system HealthRollup): shown, but not counted again by health.
	Rollup bool `json:"rollup,omitempty"`
}

// Key identifies a sensor across polls: source, component and name.
func (r Reading) Key() string {
	return string(r.Source) + "/" + r.Component + "/" + r.Name
}

// Event is one log entry or pushed alert from any source: an IPMI SEL
// record, a Redfish LogEntry or event, a kernel machine check.
type Event struct {
	Source    Source    `json:"source"`
	ID        string    `json:"id,omitempty"`
	Time      time.Time `json:"time"`
	Severity  Severity  `json:"severity"`
	Component string    `json:"component"`
	Kind      Kind      `json:"kind,omitempty"`
	Message   string    `json:"message"`
	// State is the decoded condition the event is about ("Predictive
	// failure", "Correctable ECC", "Upper critical going high"); Asserted
	// is false when the condition cleared.
	State    string `json:"state,omitempty"`
	Asserted bool   `json:"asserted"`
}

// Poll is one full read of a source: every reading and the log entries that
// are new since the previous poll.
type Poll struct {
	Source   Source    `json:"source"`
	Target   string    `json:"target"`
	Time     time.Time `json:"time"`
	Readings []Reading `json:"readings"`
	Events   []Event   `json:"events"`
	// Skipped lists what could not be read or decoded in this poll, one
	// line each (resource and reason, never credentials), while the rest
	// was read.
	Skipped []string `json:"skipped,omitempty"`
}

// Reader is one source of readings: a BMC session or the host kernel.
// Poll must honour ctx's deadline; a Reader is not safe for concurrent Polls.
type Reader interface {
	Poll(ctx context.Context) (*Poll, error)
	Close() error
}

// KindForName guesses a kind from a sensor name for sources that carry no
// type ("CPU Temp", "FAN1", "PSU1 Status").
func KindForName(name string) Kind {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "temp"), strings.Contains(n, "thermal"):
		return KindTemperature
	case strings.Contains(n, "fan"):
		return KindFan
	case strings.Contains(n, "psu"), strings.Contains(n, "power supply"):
		return KindPSU
	case strings.Contains(n, "dimm"), strings.Contains(n, "mem"), strings.Contains(n, "ecc"):
		return KindMemory
	case strings.Contains(n, "cpu"), strings.Contains(n, "proc"):
		return KindProcessor
	}
	return KindOther
}

// ParseStatus maps a free-form health word (Redfish "OK"/"Warning"/
// "Critical", ipmitool "ok"/"nc"/"cr"/"nr") to a Status.
func ParseStatus(s string) Status {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ok":
		return StatusOK
	case "warning", "nc":
		return StatusWarning
	case "critical", "cr", "nr":
		return StatusCritical
	}
	return StatusUnknown
}

// ErrSourceDown is wrapped by Readers when their peer does not answer.
var ErrSourceDown = fmt.Errorf("source down")

// MarshalJSON writes the CLI.md shape: "thresholds" is always present ({}
// when the sensor has none) and a reading without a value (a discrete
// sensor) always has "states", empty when nothing is asserted.
func (r Reading) MarshalJSON() ([]byte, error) {
	type plain Reading
	out := struct {
		plain
		Thresholds Thresholds `json:"thresholds"`
		States     *[]string  `json:"states,omitempty"`
	}{plain: plain(r)}
	if r.Thresholds != nil {
		out.Thresholds = *r.Thresholds
	}
	states := r.States
	if r.Value == nil && states == nil {
		states = []string{}
	}
	if states != nil {
		out.States = &states
	}
	return json.Marshal(out)
}
