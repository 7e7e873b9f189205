package ipmi

import (
	"fmt"

	"github.com/vigil-ha/vigil/sensors"
)

// State is one decoded offset of a discrete sensor or event: its name as
// the IPMI 2.0 specification (tables 42-2 and 42-3) gives it and how bad it
// is when asserted.
type State struct {
	Offset uint8
	Name   string
	Status sensors.Status
}

const (
	ok   = sensors.StatusOK
	warn = sensors.StatusWarning
	crit = sensors.StatusCritical
)

type st struct {
	name   string
	status sensors.Status
}

// genericStates are the generic event/reading type codes 0x02-0x0c
// (IPMI 2.0 table 42-2), indexed by offset.
var genericStates = map[uint8][]st{
	0x02: {{"Transition to Idle", ok}, {"Transition to Active", ok}, {"Transition to Busy", ok}},
	0x03: {{"State Deasserted", ok}, {"State Asserted", ok}},
	0x04: {{"Predictive Failure deasserted", ok}, {"Predictive Failure asserted", warn}},
	0x05: {{"Limit Not Exceeded", ok}, {"Limit Exceeded", warn}},
	0x06: {{"Performance Met", ok}, {"Performance Lags", warn}},
	0x07: {
		{"Transition to OK", ok}, {"Transition to Non-critical from OK", warn},
		{"Transition to Critical from less severe", crit}, {"Transition to Non-recoverable from less severe", crit},
		{"Transition to Non-critical from more severe", warn}, {"Transition to Critical from Non-recoverable", crit},
		{"Transition to Non-recoverable", crit}, {"Monitor", ok}, {"Informational", ok},
	},
	0x08: {{"Device Removed/Device Absent", warn}, {"Device Inserted/Device Present", ok}},
	0x09: {{"Device Disabled", warn}, {"Device Enabled", ok}},
	0x0a: {
		{"Transition to Running", ok}, {"Transition to In Test", ok}, {"Transition to Power Off", warn},
		{"Transition to On Line", ok}, {"Transition to Off Line", warn}, {"Transition to Off Duty", warn},
		{"Transition to Degraded", warn}, {"Transition to Power Save", ok}, {"Install Error", crit},
	},
	0x0b: {
		{"Fully Redundant", ok}, {"Redundancy Lost", warn}, {"Redundancy Degraded", warn},
		{"Non-redundant: Sufficient Resources from Redundant", warn},
		{"Non-redundant: Sufficient Resources from Insufficient Resources", warn},
		{"Non-redundant: Insufficient Resources", crit},
		{"Redundancy Degraded from Fully Redundant", warn}, {"Redundancy Degraded from Non-redundant", warn},
	},
	0x0c: {{"D0 Power State", ok}, {"D1 Power State", ok}, {"D2 Power State", ok}, {"D3 Power State", ok}},
}

// specificStates are the sensor-specific offsets (event/reading type 0x6f)
// per sensor type (IPMI 2.0 table 42-3), indexed by offset.
var specificStates = map[uint8][]st{
	0x05: { // Physical Security
		{"General Chassis Intrusion", warn}, {"Drive Bay intrusion", warn}, {"I/O Card area intrusion", warn},
		{"Processor area intrusion", warn}, {"LAN Leash Lost", warn}, {"Unauthorized dock", warn}, {"FAN area intrusion", warn},
	},
	0x06: { // Platform Security Violation Attempt
		{"Secure Mode Violation attempt", warn}, {"Pre-boot Password Violation - user password", warn},
		{"Pre-boot Password Violation - setup password", warn}, {"Pre-boot Password Violation - network boot password", warn},
		{"Other pre-boot Password Violation", warn}, {"Out-of-band Access Password Violation", warn},
	},
	0x07: { // Processor
		{"IERR", crit}, {"Thermal Trip", crit}, {"FRB1/BIST failure", crit}, {"FRB2/Hang in POST failure", crit},
		{"FRB3/Processor Startup/Initialization failure", crit}, {"Configuration Error", crit},
		{"SM BIOS Uncorrectable CPU-complex Error", crit}, {"Presence detected", ok}, {"Processor disabled", warn},
		{"Terminator presence detected", ok}, {"Processor automatically throttled", warn},
		{"Machine Check Exception (Uncorrectable)", crit}, {"Correctable Machine Check Error", warn},
	},
	0x08: { // Power Supply
		{"Presence detected", ok}, {"Failure detected", crit}, {"Predictive failure", warn},
		{"Power Supply input lost (AC/DC)", crit}, {"Power Supply input lost or out-of-range", crit},
		{"Power Supply input out-of-range, but present", warn}, {"Configuration error", warn},
		{"Power Supply Inactive (in standby state)", ok},
	},
	0x09: { // Power Unit
		{"Power off/down", ok}, {"Power cycle", ok}, {"240VA power down", warn}, {"Interlock power down", warn},
		{"AC lost / Power input lost", crit}, {"Soft power control failure", crit},
		{"Power unit failure detected", crit}, {"Predictive failure", warn},
	},
	0x0c: { // Memory
		{"Correctable ECC", warn}, {"Uncorrectable ECC", crit}, {"Parity", crit}, {"Memory Scrub Failed", crit},
		{"Memory Device Disabled", warn}, {"Correctable ECC logging limit reached", warn}, {"Presence detected", ok},
		{"Configuration error", warn}, {"Spare", ok}, {"Memory Automatically Throttled", warn},
		{"Critical Overtemperature", crit},
	},
	0x0d: { // Drive Slot (Bay)
		{"Drive Presence", ok}, {"Drive Fault", crit}, {"Predictive Failure", warn}, {"Hot Spare", ok},
		{"Consistency Check In Progress", ok}, {"In Critical Array", warn}, {"In Failed Array", crit},
		{"Rebuild/Remap in progress", warn}, {"Rebuild/Remap Aborted", warn},
	},
	0x0f: { // System Firmware Progress
		{"System Firmware Error", crit}, {"System Firmware Hang", crit}, {"System Firmware Progress", ok},
	},
	0x10: { // Event Logging Disabled
		{"Correctable Memory Error Logging Disabled", warn}, {"Event Type Logging Disabled", warn},
		{"Log Area Reset/Cleared", ok}, {"All Event Logging Disabled", warn}, {"SEL Full", warn},
		{"SEL Almost Full", warn}, {"Correctable Machine Check Error Logging Disabled", warn},
	},
	0x11: { // Watchdog 1
		{"BIOS Watchdog Reset", warn}, {"OS Watchdog Reset", warn}, {"OS Watchdog Shut Down", warn},
		{"OS Watchdog Power Down", warn}, {"OS Watchdog Power Cycle", warn}, {"OS Watchdog NMI/Diagnostic Interrupt", warn},
		{"OS Watchdog Expired, status only", warn}, {"OS Watchdog pre-timeout Interrupt, non-NMI", warn},
	},
	0x12: { // System Event
		{"System Reconfigured", ok}, {"OEM System Boot Event", ok}, {"Undetermined system hardware failure", crit},
		{"Entry added to Auxiliary Log", ok}, {"PEF Action", ok}, {"Timestamp Clock Synch", ok},
	},
	0x13: { // Critical Interrupt
		{"Front Panel NMI/Diagnostic Interrupt", warn}, {"Bus Timeout", warn}, {"I/O channel check NMI", crit},
		{"Software NMI", warn}, {"PCI PERR", crit}, {"PCI SERR", crit}, {"EISA Fail Safe Timeout", warn},
		{"Bus Correctable Error", warn}, {"Bus Uncorrectable Error", crit}, {"Fatal NMI", crit},
		{"Bus Fatal Error", crit}, {"Bus Degraded", warn},
	},
	0x14: { // Button / Switch
		{"Power Button pressed", ok}, {"Sleep Button pressed", ok}, {"Reset Button pressed", ok},
		{"FRU latch open", warn}, {"FRU service request button", ok},
	},
	0x19: {{"Soft Power Control Failure", crit}, {"Thermal Trip", crit}}, // Chip Set
	0x1b: {{"Cable/Interconnect is connected", ok}, {"Configuration Error - Incorrect cable connected", warn}},
	0x1d: { // System Boot / Restart Initiated
		{"Initiated by power up", ok}, {"Initiated by hard reset", ok}, {"Initiated by warm reset", ok},
		{"User requested PXE boot", ok}, {"Automatic boot to diagnostic", ok},
		{"OS / run-time software initiated hard reset", ok}, {"OS / run-time software initiated warm reset", ok},
		{"System Restart", ok},
	},
	0x1e: { // Boot Error
		{"No bootable media", warn}, {"Non-bootable diskette left in drive", warn}, {"PXE Server not found", warn},
		{"Invalid boot sector", warn}, {"Timeout waiting for user selection of boot source", warn},
	},
	0x1f: { // OS Boot
		{"A: boot completed", ok}, {"C: boot completed", ok}, {"PXE boot completed", ok},
		{"Diagnostic boot completed", ok}, {"CD-ROM boot completed", ok}, {"ROM boot completed", ok},
		{"boot completed - boot device not specified", ok}, {"Base OS/Hypervisor Installation started", ok},
		{"Base OS/Hypervisor Installation completed", ok}, {"Base OS/Hypervisor Installation aborted", warn},
		{"Base OS/Hypervisor Installation failed", warn},
	},
	0x20: { // OS Stop / Shutdown
		{"Critical stop during OS load / initialization", crit}, {"Run-time Critical Stop", crit},
		{"OS Graceful Stop", ok}, {"OS Graceful Shutdown", ok}, {"Soft Shutdown initiated by PEF", ok},
		{"Agent Not Responding", warn},
	},
	0x21: { // Slot / Connector
		{"Fault Status asserted", crit}, {"Identify Status asserted", ok}, {"Slot / Connector Device installed/attached", ok},
		{"Slot / Connector Ready for Device Installation", ok}, {"Slot/Connector Ready for Device Removal", ok},
		{"Slot Power is Off", ok}, {"Slot / Connector Device Removal Request", ok}, {"Interlock asserted", ok},
		{"Slot is Disabled", warn}, {"Slot holds spare device", ok},
	},
	0x22: { // System ACPI Power State
		{"S0/G0 working", ok}, {"S1 sleeping with system h/w & processor context maintained", ok},
		{"S2 sleeping, processor context lost", ok}, {"S3 sleeping, processor & h/w context lost, memory retained", ok},
		{"S4 non-volatile sleep / suspend-to disk", ok}, {"S5/G2 soft-off", ok},
		{"S4/S5 soft-off, particular S4/S5 state cannot be determined", ok}, {"G3/Mechanical Off", ok},
		{"Sleeping in an S1, S2, or S3 states", ok}, {"G1 sleeping", ok}, {"S5 entered by override", ok},
		{"Legacy ON state", ok}, {"Legacy OFF state", ok}, {"Unknown", ok},
	},
	0x23: { // Watchdog 2
		{"Timer expired, status only", warn}, {"Hard Reset", warn}, {"Power Down", warn}, {"Power Cycle", warn},
		{"reserved", ok}, {"reserved", ok}, {"reserved", ok}, {"reserved", ok}, {"Timer interrupt", warn},
	},
	0x25: {{"Entity Present", ok}, {"Entity Absent", warn}, {"Entity Disabled", warn}}, // Entity Presence
	0x28: { // Management Subsystem Health
		{"Sensor access degraded or unavailable", warn}, {"Controller access degraded or unavailable", warn},
		{"Management controller off-line", warn}, {"Management controller unavailable", warn},
		{"Sensor failure", warn}, {"FRU failure", warn},
	},
	0x29: {{"Battery low (predictive failure)", warn}, {"Battery failed", crit}, {"Battery presence detected", ok}},
	0x2a: { // Session Audit
		{"Session Activated", ok}, {"Session Deactivated", ok}, {"Invalid Username or Password", warn},
		{"Invalid password disable", warn},
	},
	0x2b: { // Version Change
		{"Hardware change detected", ok}, {"Firmware or software change detected", ok},
		{"Hardware incompatibility detected", warn}, {"Firmware or software incompatibility detected", warn},
		{"Entity is of an invalid or unsupported hardware version", warn},
		{"Entity contains an invalid or unsupported firmware or software version", warn},
		{"Hardware Change detected with associated Entity was successful", ok},
		{"Software or F/W Change detected with associated Entity was successful", ok},
	},
	0x2c: { // FRU State
		{"FRU Not Installed", warn}, {"FRU Inactive", ok}, {"FRU Activation Requested", ok},
		{"FRU Activation In Progress", ok}, {"FRU Active", ok}, {"FRU Deactivation Requested", ok},
		{"FRU Deactivation In Progress", ok}, {"FRU Communication Lost", warn},
	},
}

// thresholdStates are the offsets of the threshold event/reading type 0x01,
// used by threshold events in the SEL.
var thresholdStates = []st{
	{"Lower Non-critical going low", warn}, {"Lower Non-critical going high", warn},
	{"Lower Critical going low", crit}, {"Lower Critical going high", crit},
	{"Lower Non-recoverable going low", crit}, {"Lower Non-recoverable going high", crit},
	{"Upper Non-critical going low", warn}, {"Upper Non-critical going high", warn},
	{"Upper Critical going low", crit}, {"Upper Critical going high", crit},
	{"Upper Non-recoverable going low", crit}, {"Upper Non-recoverable going high", crit},
}

// DecodeState names one offset (0-14) of a sensor with the given sensor type
// and event/reading type code. Unknown combinations still decode, to a
// generic name with an unknown status, so nothing asserted is ever dropped.
func DecodeState(sensorType, eventType, offset uint8) State {
	offset &= 0x0f
	var table []st
	switch {
	case eventType == 0x01:
		table = thresholdStates
	case eventType >= 0x02 && eventType <= 0x0c:
		table = genericStates[eventType]
	case eventType == 0x6f:
		table = specificStates[sensorType]
	}
	if int(offset) < len(table) {
		return State{Offset: offset, Name: table[offset].name, Status: table[offset].status}
	}
	name := fmt.Sprintf("sensor type %#02x event type %#02x offset %d", sensorType, eventType, offset)
	if eventType >= 0x70 && eventType <= 0x7f {
		name = fmt.Sprintf("OEM event type %#02x offset %d", eventType, offset)
	}
	return State{Offset: offset, Name: name, Status: sensors.StatusUnknown}
}

// DecodeStates returns every asserted state in mask (bit n = offset n, as
// Get Sensor Reading returns them in bytes 3 and 4; bit 15 is reserved),
// and the worst status among them (ok when none is asserted).
func DecodeStates(sensorType, eventType uint8, mask uint16) ([]State, sensors.Status) {
	var out []State
	status := sensors.StatusOK
	for off := uint8(0); off < 15; off++ {
		if mask&(1<<off) == 0 {
			continue
		}
		s := DecodeState(sensorType, eventType, off)
		out = append(out, s)
		// An unknown OEM/undocumented bit alone does not make a sensor
		// unhealthy, but it is listed.
		if s.Status != sensors.StatusUnknown {
			status = sensors.Worst(status, s.Status)
		}
	}
	return out, status
}

// KindOf maps an IPMI sensor type code (table 42-3) to a reading kind.
func KindOf(sensorType uint8) sensors.Kind {
	switch sensorType {
	case 0x01:
		return sensors.KindTemperature
	case 0x02:
		return sensors.KindVoltage
	case 0x03:
		return sensors.KindCurrent
	case 0x04:
		return sensors.KindFan
	case 0x07:
		return sensors.KindProcessor
	case 0x08:
		return sensors.KindPSU
	case 0x09:
		return sensors.KindPower
	case 0x0c:
		return sensors.KindMemory
	case 0x0d:
		return sensors.KindStorage
	}
	return sensors.KindOther
}
