package qmp

import (
	"errors"
	"fmt"
)

// Error is an error QEMU answered a command with. It keeps QMP's error class
// (GenericError, CommandNotFound, DeviceNotActive, DeviceNotFound,
// KVMMissingCap) and the human description, so callers can tell "no such
// command" from "the command failed":
//
//	var qe *qmp.Error
//	if errors.As(err, &qe) && qe.Class == qmp.ClassCommandNotFound { … }
type Error struct {
	Command string // the command that failed
	Class   string // QMP error class
	Desc    string // QEMU's description
}

func (e *Error) Error() string {
	return fmt.Sprintf("qmp %s: %s: %s", e.Command, e.Class, e.Desc)
}

// QMP error classes (qapi/error.json).
const (
	ClassGenericError    = "GenericError"
	ClassCommandNotFound = "CommandNotFound"
	ClassDeviceNotActive = "DeviceNotActive"
	ClassDeviceNotFound  = "DeviceNotFound"
	ClassKVMMissingCap   = "KVMMissingCap"
)

// Sentinel errors; match them with errors.Is.
var (
	// ErrClosed: the monitor connection is gone (QEMU exited, the socket
	// was closed, or Close was called) before a reply arrived.
	ErrClosed = errors.New("qmp: monitor connection closed")
	// ErrProtocol: QEMU sent something that is not QMP.
	ErrProtocol = errors.New("qmp: protocol error")
	// ErrReplyTooLarge: one QMP message exceeded the client's MaxMessage.
	ErrReplyTooLarge = errors.New("qmp: message larger than the limit")
	// ErrNotRunning: the VM's QEMU process is not running.
	ErrNotRunning = errors.New("qmp: QEMU process not running")
	// ErrAlreadyRunning: a QEMU process of this VM already runs (adopt it
	// instead of starting a second copy).
	ErrAlreadyRunning = errors.New("qmp: QEMU process of this VM already running")
	// ErrInvalidSpec: a VM spec or migration option failed validation.
	ErrInvalidSpec = errors.New("qmp: invalid spec")
	// ErrMigrationStalled: no migration progress within the stall timeout.
	ErrMigrationStalled = errors.New("qmp: migration stalled")
	// ErrMigrationNotConverging: the guest dirties memory faster than the
	// link carries it and no allowed escalation is left.
	ErrMigrationNotConverging = errors.New("qmp: migration not converging")
	// ErrMigrationFailed: QEMU reported the migration failed.
	ErrMigrationFailed = errors.New("qmp: migration failed")
	// ErrMigrationCancelled: the migration was cancelled (by the caller's
	// context or by a hook's error); the VM runs on the source.
	ErrMigrationCancelled = errors.New("qmp: migration cancelled")
	// ErrVerify: the post-migration check on the destination failed.
	ErrVerify = errors.New("qmp: post-migration verification failed")
	// ErrBothStopped: a migration that had handed the VM's whole state to
	// the destination fell back, but the destination QEMU could not be
	// confirmed gone, so the source was left paused rather than risk two
	// running copies. The VM runs nowhere that vigil can vouch for: make
	// sure the destination is dead (fence its host if need be), then
	// resume the source.
	ErrBothStopped = errors.New("qmp: VM left stopped on both sides")
	// ErrPostcopyLost: the destination QEMU went away (its monitor
	// closed) after post-copy had started. The VM runs nowhere: the
	// destination's copy is gone, and the source QEMU, paused with the
	// rest of the VM's memory, cannot be resumed (QEMU refuses `cont`
	// while a post-copy migration is unfinished, even after
	// migrate_cancel). What is left is a restart from the VM's disks,
	// once, after the source QEMU is killed and confirmed gone.
	ErrPostcopyLost = errors.New("qmp: post-copy migration lost with the destination")
	// ErrProcessUnknown: a monitor does not know the QEMU process at its
	// other end (not a local unix socket, a peer outside this PID
	// namespace), so it can neither kill it nor see it exit.
	ErrProcessUnknown = errors.New("qmp: QEMU process behind the monitor unknown")
)
