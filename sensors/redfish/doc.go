// Package redfish reads a BMC over Redfish through github.com/stmcginnis/gofish:
// Systems, Chassis thermal and power, Sensors, Health rollups, log services
// and event subscriptions, tolerating single malformed resources.
package redfish
