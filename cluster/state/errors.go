package state

import "errors"

// Sentinel errors. Apply wraps them with the command and the offending field
// (`place vm "web1": stale generation: expected 3, current 4`); match them
// with errors.Is. A command that fails with any of them changed nothing.
var (
	// ErrUnknownType: the entry's message type is not one this build knows
	// and it does not carry IgnoreUnknownFlag. A replica must stop rather
	// than skip it, or its state would diverge from its peers'.
	ErrUnknownType = errors.New("unknown message type")
	// ErrMalformed: the entry's bytes do not decode into its command.
	ErrMalformed = errors.New("malformed command")
	// ErrInvalid: a field is out of range or badly formed.
	ErrInvalid = errors.New("invalid")
	// ErrNotFound: the command names a host, VM, policy, fence record or
	// lease the state does not hold.
	ErrNotFound = errors.New("not found")
	// ErrExists: a create names something that already exists.
	ErrExists = errors.New("already exists")
	// ErrStaleGeneration: a placement's expected generation is not the VM's
	// current one; someone else placed it first.
	ErrStaleGeneration = errors.New("stale generation")
	// ErrStaleEpoch: a lease command's epoch is not the holder's current one.
	ErrStaleEpoch = errors.New("stale lease epoch")
	// ErrLeaseRevoked: the lease was revoked; only a new grant revives it.
	ErrLeaseRevoked = errors.New("lease revoked")
	// ErrTransition: the host state change is not allowed from its current
	// state (or needs a fence confirmation, or a new boot id).
	ErrTransition = errors.New("state transition not allowed")
	// ErrHostOwnsVMs: a host may be fenced or leave only once its VMs'
	// ownership has been revoked (DESIGN: revoke first, then fence).
	ErrHostOwnsVMs = errors.New("host still owns VMs")
	// ErrHostNotPlaceable: a VM may be placed only on a healthy host.
	ErrHostNotPlaceable = errors.New("host takes no VMs")
	// ErrVMPlaced: a VM that has an owner cannot be deleted or held.
	ErrVMPlaced = errors.New("vm is placed")
	// ErrDuplicateMAC: two VMs may not share a NIC's MAC address.
	ErrDuplicateMAC = errors.New("duplicate MAC address")
	// ErrIndex: Apply was called with a log index not above the last one.
	ErrIndex = errors.New("log index not increasing")
	// ErrSnapshot: a snapshot stream is damaged, truncated or of an unknown
	// format; Restore left the current state in place.
	ErrSnapshot = errors.New("bad snapshot")
)
