package ipmisim

import (
	"fmt"
	"math"
	"slices"
)

// Sensor names exactly as `ipmitool -I lanplus -C 3 sensor list` prints
// them (without ipmitool's padding).
const (
	CPUTemp       = "CPU Temp"
	InletTemp     = "Inlet Temp"
	Fan1          = "FAN1"
	Fan2          = "FAN2"
	V12           = "12V"
	PSU1Status    = "PSU1 Status"
	PSU2Status    = "PSU2 Status"
	PSURedundancy = "PSU Redundancy"
	DIMMECC       = "DIMM ECC"
	CPUStatus     = "CPU Status"
	PowerUnit     = "Power Unit"
)

// IPMI sensor types (IPMI 2.0 table 42-3) used by the simulated server.
const (
	TypeTemperature uint8 = 0x01
	TypeVoltage     uint8 = 0x02
	TypeFan         uint8 = 0x04
	TypeProcessor   uint8 = 0x07
	TypePowerSupply uint8 = 0x08
	TypePowerUnit   uint8 = 0x09
	TypeMemory      uint8 = 0x0c
)

// Event/reading type codes (IPMI 2.0 table 42-1).
const (
	ReadingThreshold      uint8 = 0x01
	ReadingRedundancy     uint8 = 0x0b
	ReadingSensorSpecific uint8 = 0x6f
)

// Sensor-specific offsets of the discrete sensors (IPMI 2.0 table 42-3).
const (
	// Power supply (type 0x08).
	PSUPresence          = 0
	PSUFailure           = 1
	PSUPredictiveFailure = 2
	PSUInputLost         = 3
	PSUInputLostOrRange  = 4
	PSUInputOutOfRange   = 5
	PSUConfigError       = 6
	// Memory (type 0x0c).
	MemCorrectableECC   = 0
	MemUncorrectableECC = 1
	MemParity           = 2
	MemScrubFailed      = 3
	MemDeviceDisabled   = 4
	MemECCLogLimit      = 5
	MemPresence         = 6
	MemConfigError      = 7
	MemSpare            = 8
	MemThrottled        = 9
	MemCriticalOvertemp = 10
	// Processor (type 0x07).
	CPUIERR          = 0
	CPUThermalTrip   = 1
	CPUFRB1          = 2
	CPUFRB2          = 3
	CPUFRB3          = 4
	CPUConfigError   = 5
	CPUSMBIOSError   = 6
	CPUPresence      = 7
	CPUDisabled      = 8
	CPUTerminator    = 9
	CPUThrottled     = 10
	CPUMachineCheck  = 11
	CPUCorrectableMC = 12
	// Power unit (type 0x09).
	PowerOffDown     = 0
	PowerCycle       = 1
	PowerACLost      = 4
	PowerUnitFailure = 6
	// Generic redundancy (reading type 0x0b).
	RedundancyFull     = 0
	RedundancyLost     = 1
	RedundancyDegraded = 2
)

// Threshold names one of a threshold sensor's six thresholds. The values are
// ipmi_sim's numbering (sensor_set_threshold's bit order).
type Threshold int

// The six IPMI thresholds.
const (
	LowerNonCritical Threshold = iota
	LowerCritical
	LowerNonRecoverable
	UpperNonCritical
	UpperCritical
	UpperNonRecoverable
)

var thresholdNames = [...]string{"lnc", "lc", "lnr", "unc", "uc", "unr"}

func (t Threshold) String() string {
	if t < 0 || int(t) >= len(thresholdNames) {
		return fmt.Sprintf("Threshold(%d)", int(t))
	}
	return thresholdNames[t]
}

// Sensor describes one simulated sensor: what ipmi_sim is told (.emu) and
// what its SDR says. Real values convert to raw bytes with the linear SDR
// formula real = (M*raw + B*10^BExp) * 10^RExp.
type Sensor struct {
	Name        string // ID string, as ipmitool prints it
	Number      uint8
	Type        uint8 // IPMI sensor type
	ReadingType uint8 // event/reading type code
	EntityID    uint8
	Instance    uint8
	// Threshold sensors only.
	Unit       string // as ipmitool prints it: "degrees C", "RPM", "Volts"
	M, B       int
	RExp, BExp int
	Thresholds map[Threshold]float64 // real values; absent ones read "na"
	Initial    float64               // real value at start
	// Discrete sensors only.
	Offsets     uint16 // offsets the sensor supports (assertion/deassertion mask)
	InitialBits uint16 // offsets asserted at start
}

// Discrete reports whether s is a discrete (non-threshold) sensor.
func (s Sensor) Discrete() bool { return s.ReadingType != ReadingThreshold }

// Real converts a raw reading to its real value.
func (s Sensor) Real(raw uint8) float64 {
	return (float64(s.M)*float64(raw) + float64(s.B)*math.Pow10(s.BExp)) * math.Pow10(s.RExp)
}

// Raw converts a real value to the nearest raw reading; values outside the
// representable range are an error.
func (s Sensor) Raw(real float64) (uint8, error) {
	if s.Discrete() {
		return 0, fmt.Errorf("sensor %q is discrete: set its offsets, not a value", s.Name)
	}
	r := math.Round((real/math.Pow10(s.RExp) - float64(s.B)*math.Pow10(s.BExp)) / float64(s.M))
	if math.IsNaN(r) || r < 0 || r > 255 {
		return 0, fmt.Errorf("sensor %q: %g %s is outside %g..%g", s.Name, real, s.Unit, s.Real(0), s.Real(255))
	}
	return uint8(r), nil
}

const (
	entityProcessor     = 3
	entitySystemBoard   = 7
	entityMemoryModule  = 8
	entityPowerSupply   = 10
	entityPowerUnit     = 19
	entityFan           = 29
	entityExternalEnv   = 39
	psuOffsets          = 0x007f // offsets 0-6
	memOffsets          = 0x07ff // offsets 0-10
	cpuOffsets          = 0x1fff // offsets 0-12
	powerUnitOffsets    = 0x00ff // offsets 0-7
	redundancyOffsets   = 0x00ff // offsets 0-7
	fanNominalRPM       = 8400
	fanLowerCritRPM     = 1000
	fanLowerNonCritRPM  = 1500
	fanLowerNonRecovRPM = 500
)

// sensorTable is the simulated server. Numbers start at 1: ipmi_sim keeps
// sensor 0 for its watchdog.
var sensorTable = []Sensor{
	{Name: CPUTemp, Number: 1, Type: TypeTemperature, ReadingType: ReadingThreshold,
		EntityID: entityProcessor, Instance: 1, Unit: "degrees C", M: 1, Initial: 45,
		Thresholds: map[Threshold]float64{LowerCritical: 5, LowerNonCritical: 10,
			UpperNonCritical: 85, UpperCritical: 95, UpperNonRecoverable: 105}},
	{Name: InletTemp, Number: 2, Type: TypeTemperature, ReadingType: ReadingThreshold,
		EntityID: entityExternalEnv, Instance: 1, Unit: "degrees C", M: 1, Initial: 24,
		Thresholds: map[Threshold]float64{LowerCritical: 3, LowerNonCritical: 8,
			UpperNonCritical: 38, UpperCritical: 42}},
	{Name: Fan1, Number: 3, Type: TypeFan, ReadingType: ReadingThreshold,
		EntityID: entityFan, Instance: 1, Unit: "RPM", M: 100, Initial: fanNominalRPM,
		Thresholds: map[Threshold]float64{LowerNonRecoverable: fanLowerNonRecovRPM,
			LowerCritical: fanLowerCritRPM, LowerNonCritical: fanLowerNonCritRPM,
			UpperNonCritical: 16000, UpperCritical: 18000}},
	{Name: Fan2, Number: 4, Type: TypeFan, ReadingType: ReadingThreshold,
		EntityID: entityFan, Instance: 2, Unit: "RPM", M: 100, Initial: fanNominalRPM + 100,
		Thresholds: map[Threshold]float64{LowerNonRecoverable: fanLowerNonRecovRPM,
			LowerCritical: fanLowerCritRPM, LowerNonCritical: fanLowerNonCritRPM,
			UpperNonCritical: 16000, UpperCritical: 18000}},
	// 60 mV per count: 12.00 V is raw 200, the range is 0..15.3 V.
	{Name: V12, Number: 5, Type: TypeVoltage, ReadingType: ReadingThreshold,
		EntityID: entitySystemBoard, Instance: 1, Unit: "Volts", M: 6, RExp: -2, Initial: 12,
		Thresholds: map[Threshold]float64{LowerNonRecoverable: 10.2, LowerCritical: 10.8,
			LowerNonCritical: 11.4, UpperNonCritical: 12.6, UpperCritical: 13.2,
			UpperNonRecoverable: 13.8}},
	{Name: PSU1Status, Number: 6, Type: TypePowerSupply, ReadingType: ReadingSensorSpecific,
		EntityID: entityPowerSupply, Instance: 1, Offsets: psuOffsets, InitialBits: 1 << PSUPresence},
	{Name: PSU2Status, Number: 7, Type: TypePowerSupply, ReadingType: ReadingSensorSpecific,
		EntityID: entityPowerSupply, Instance: 2, Offsets: psuOffsets, InitialBits: 1 << PSUPresence},
	{Name: PSURedundancy, Number: 8, Type: TypePowerSupply, ReadingType: ReadingRedundancy,
		EntityID: entityPowerUnit, Instance: 1, Offsets: redundancyOffsets, InitialBits: 1 << RedundancyFull},
	{Name: DIMMECC, Number: 9, Type: TypeMemory, ReadingType: ReadingSensorSpecific,
		EntityID: entityMemoryModule, Instance: 1, Offsets: memOffsets},
	{Name: CPUStatus, Number: 10, Type: TypeProcessor, ReadingType: ReadingSensorSpecific,
		EntityID: entityProcessor, Instance: 1, Offsets: cpuOffsets, InitialBits: 1 << CPUPresence},
	// Follows the chassis power: "Power off/down" is asserted while off
	// (InitialBits is for a chassis that starts on).
	{Name: PowerUnit, Number: 11, Type: TypePowerUnit, ReadingType: ReadingSensorSpecific,
		EntityID: entityPowerUnit, Instance: 1, Offsets: powerUnitOffsets},
}

// Sensors returns the simulated server's sensor table (a copy).
func Sensors() []Sensor {
	out := make([]Sensor, len(sensorTable))
	for i, s := range sensorTable {
		s.Thresholds = clonemap(s.Thresholds)
		out[i] = s
	}
	return out
}

// LookupSensor returns the sensor with the given name.
func LookupSensor(name string) (Sensor, bool) {
	i := slices.IndexFunc(sensorTable, func(s Sensor) bool { return s.Name == name })
	if i < 0 {
		return Sensor{}, false
	}
	s := sensorTable[i]
	s.Thresholds = clonemap(s.Thresholds)
	return s, true
}

func clonemap(m map[Threshold]float64) map[Threshold]float64 {
	if m == nil {
		return nil
	}
	out := make(map[Threshold]float64, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func mustRaw(s Sensor, v float64) uint8 {
	r, err := s.Raw(v)
	if err != nil {
		panic(err)
	}
	return r
}
