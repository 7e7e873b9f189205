package netfabric

import "errors"

// Sentinel errors. Match them with errors.Is; the wrapping error says which
// object and which key of the file.
var (
	// ErrInvalidFabric: the fabric file was refused (a *ConfigError).
	ErrInvalidFabric = errors.New("invalid fabric")
	// ErrNotOwned: the file names an interface that exists on the host but
	// is not vigil's (no "vigil:" alias), or an uplink that vigil may not
	// take: a port of a bridge or bond vigil does not own, another owner's
	// interface, or a device that is no trunk port (a bridge, vxlan, tap,
	// loopback, dummy...). Nothing was changed.
	ErrNotOwned = errors.New("interface exists and is not owned by vigil")
	// ErrMissingUplink: an uplink named by the file does not exist.
	ErrMissingUplink = errors.New("uplink does not exist")
	// ErrHostTraffic: an uplink a bridge would enslave carries this host's
	// own addresses or a default route, and the file does not declare it
	// (or its bridge) as the management interface. Nothing was changed.
	ErrHostTraffic = errors.New("uplink carries the host's own traffic")
	// ErrUnknownVM: a migration hook named a VM with no NICs declared.
	ErrUnknownVM = errors.New("VM has no NICs in the fabric")
	// ErrNoFabric: a VM was plugged into a Host before any fabric was
	// applied (there is no bridge to plug it into).
	ErrNoFabric = errors.New("no fabric applied on this host yet")
	// ErrClosed: the Host was closed.
	ErrClosed = errors.New("netfabric host closed")
)
