// Package sensors owns the agent's view of hardware health: one reading and
// event model shared by every source (IPMI, Redfish, the host kernel).
//
// Sources live in sub-packages named after the peer they talk to:
// sensors/ipmi (BMC over IPMI 2.0 lanplus), sensors/redfish (BMC over
// Redfish), sensors/host (EDAC, hwmon, thermal zones, MCE from sysfs/procfs).
// sensors/health turns histories of readings and events into a risk and an
// expected time to failure per component.
package sensors
