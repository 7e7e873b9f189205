// Package sensors owns the agent's view of hardware health: one reading and
// event model shared by every source (IPMI, Redfish, the host kernel).
//
// Core types: Reading (source, component, name, kind, value, unit, status,
// thresholds, decoded states, time), Event (a SEL record, Redfish log entry
// or pushed event, with severity and the decoded state it asserts), Poll
// (one full read of a source: readings plus the events new since the last
// poll, and what had to be skipped) and Reader (what every source
// implements). Kinds, statuses and units are those of CLI.md; a discrete
// sensor has no value and carries its asserted states.
//
// Sources live in sub-packages named after the peer they talk to:
// sensors/ipmi (BMC over IPMI 2.0 lanplus), sensors/redfish (BMC over
// Redfish), sensors/host (EDAC, hwmon, thermal zones, MCE from sysfs/procfs).
// sensors/health turns histories of readings and events into a risk and an
// expected time to failure per component.
//
// Caveats: a Reader that cannot reach its peer fails the poll with an error
// wrapping ErrSourceDown within the poll's deadline and backs off before
// the next attempt, so one dead BMC never stalls the others; credentials
// never appear in errors or logs.
package sensors
