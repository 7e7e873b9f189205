package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/health"
)

// HostSource is the agent's view of its own host as of its last sensor
// round. HostMetrics must answer from memory at once: it runs on every
// scrape.
type HostSource interface {
	HostMetrics() HostState
}

// HostState is this host's sensors and health as last seen.
type HostState struct {
	Risk     health.Risk
	Degraded bool
	Sources  []SourceState
}

// SourceState is one of the agent's sensor sources: the BMC or the
// kernel.
type SourceState struct {
	// Name is the agent's name of the source ("bmc", "kernel").
	Name string
	// Kind is what is read: ipmi or redfish for the BMC, host for the
	// kernel; it is the source label.
	Kind sensors.Source
	// Polled is set once a poll answered or failed; Up when the last one
	// answered. Duration is the last poll's, answered or not.
	Polled, Up bool
	Duration   time.Duration
	// LastAnswer is when the source last answered (zero: never).
	LastAnswer time.Time
	// Readings are those of the last answered poll; Components the
	// verdict on them.
	Readings   []sensors.Reading
	Components []health.Component
}

// SourceBMC is the Name of the BMC source, the one vigil_bmc_up and
// vigil_bmc_poll_duration_seconds describe.
const SourceBMC = "bmc"

var (
	descBMCUp = prometheus.NewDesc("vigil_bmc_up",
		"Whether this host's BMC answered the agent's last poll (1) or not (0).", []string{"source"}, nil)
	descBMCPollDuration = prometheus.NewDesc("vigil_bmc_poll_duration_seconds",
		"How long the agent's last poll of this host's BMC took.", nil, nil)
	descSourceUp = prometheus.NewDesc("vigil_sensor_source_up",
		"Whether a sensor source (the BMC, the kernel) answered the agent's last poll.", []string{"source"}, nil)
	descLastAnswer = prometheus.NewDesc("vigil_sensor_source_last_answer_timestamp_seconds",
		"When a sensor source last answered (Unix time): the age of the values served here.", []string{"source"}, nil)
	descTemp = prometheus.NewDesc("vigil_temperature_celsius",
		"Temperature reading.", []string{"source", "sensor"}, nil)
	descFan = prometheus.NewDesc("vigil_fan_speed_rpm",
		"Fan speed reading.", []string{"source", "sensor"}, nil)
	descVolt = prometheus.NewDesc("vigil_voltage_volts",
		"Voltage reading.", []string{"source", "sensor"}, nil)
	descPower = prometheus.NewDesc("vigil_power_watts",
		"Power reading.", []string{"source", "sensor"}, nil)
	descCurrent = prometheus.NewDesc("vigil_current_amperes",
		"Current reading.", []string{"source", "sensor"}, nil)
	descState = prometheus.NewDesc("vigil_sensor_state",
		"Sensor state: 0 ok, 1 warning, 2 critical (as ipmi_exporter's ipmi_sensor_state).", []string{"source", "sensor"}, nil)
	descRisk = prometheus.NewDesc("vigil_host_risk",
		"This host's failure risk: 0 none, 1 low, 2 high, 3 imminent.", nil, nil)
	descDegraded = prometheus.NewDesc("vigil_host_degraded",
		"Whether a redundant part of this host failed (1): replace it; the host takes no new VMs.", nil, nil)
	descComponentRisk = prometheus.NewDesc("vigil_component_risk",
		"A component's failure risk: 0 none, 1 low, 2 high, 3 imminent; components at no risk have no sample.", []string{"source", "component"}, nil)
	descETA = prometheus.NewDesc("vigil_component_failure_eta_seconds",
		"Expected time until a component's trend crosses its critical threshold; no sample when no trend points at failure.", []string{"source", "component"}, nil)
)

// hostCollector serves HostSource's cached state.
type hostCollector struct{ src HostSource }

func (hostCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descBMCUp, descBMCPollDuration, descSourceUp, descLastAnswer, descTemp, descFan,
		descVolt, descPower, descCurrent, descState, descRisk, descDegraded, descComponentRisk, descETA} {
		ch <- d
	}
}

// RiskValue is a risk as vigil_host_risk counts it.
func RiskValue(r health.Risk) float64 {
	switch r {
	case health.RiskLow:
		return 1
	case health.RiskHigh:
		return 2
	case health.RiskImminent:
		return 3
	}
	return 0
}

func (c hostCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.src.HostMetrics()
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	b2f := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	gauge(descRisk, RiskValue(st.Risk))
	gauge(descDegraded, b2f(st.Degraded))
	// One sample per label set: a second source of the same kind, or a
	// name given twice, would otherwise make the scrape fail.
	seen := map[string]bool{}
	once := func(d *prometheus.Desc, labels ...string) bool {
		k := d.String() + "\x00" + labels[0] + "\x00" + labels[1]
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	for _, s := range st.Sources {
		if !s.Polled {
			continue
		}
		source := string(s.Kind)
		if source == "" {
			source = s.Name
		}
		if s.Name == SourceBMC {
			gauge(descBMCUp, b2f(s.Up), source)
			gauge(descBMCPollDuration, s.Duration.Seconds())
		}
		if once(descSourceUp, s.Name, "") {
			gauge(descSourceUp, b2f(s.Up), s.Name)
		}
		if !s.LastAnswer.IsZero() && once(descLastAnswer, s.Name, "") {
			gauge(descLastAnswer, float64(s.LastAnswer.UnixNano())/1e9, s.Name)
		}
		for _, name := range sensorNames(s.Readings) {
			r := s.Readings[name.index]
			if r.Value != nil {
				if d := valueDesc(r); d != nil && once(d, source, name.label) {
					gauge(d, *r.Value, source, name.label)
				}
			}
			if v, ok := stateValue(r.Status); ok && once(descState, source, name.label) {
				gauge(descState, v, source, name.label)
			}
		}
		for _, comp := range s.Components {
			if comp.Risk != health.RiskNone && comp.Risk != "" && once(descComponentRisk, source, comp.Name) {
				gauge(descComponentRisk, RiskValue(comp.Risk), source, comp.Name)
			}
			if comp.ETASeconds != nil && once(descETA, source, comp.Name) {
				gauge(descETA, *comp.ETASeconds, source, comp.Name)
			}
		}
	}
}

// valueDesc is the family of a reading's value by unit; nil for units
// without one (a fan's duty in percent).
func valueDesc(r sensors.Reading) *prometheus.Desc {
	switch r.Unit {
	case sensors.UnitCelsius:
		return descTemp
	case sensors.UnitRPM:
		return descFan
	case sensors.UnitVolts:
		return descVolt
	case sensors.UnitWatts:
		return descPower
	case sensors.UnitAmps:
		return descCurrent
	}
	return nil
}

func stateValue(s sensors.Status) (float64, bool) {
	switch s {
	case sensors.StatusOK:
		return 0, true
	case sensors.StatusWarning:
		return 1, true
	case sensors.StatusCritical:
		return 2, true
	}
	return 0, false
}

type sensorName struct {
	index int
	label string
}

// sensorNames labels each reading by its name, qualified with its
// component where the source gives one name more than once.
func sensorNames(rs []sensors.Reading) []sensorName {
	count := map[string]int{}
	for _, r := range rs {
		count[r.Name]++
	}
	out := make([]sensorName, 0, len(rs))
	for i, r := range rs {
		label := r.Name
		if count[r.Name] > 1 && r.Component != "" && r.Component != r.Name {
			label = r.Component + "/" + r.Name
		}
		out = append(out, sensorName{index: i, label: label})
	}
	return out
}

// HostFunc adapts a function to HostSource.
type HostFunc func() HostState

// HostMetrics implements HostSource.
func (f HostFunc) HostMetrics() HostState { return f() }
