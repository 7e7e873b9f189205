package state

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// MessageType is the first byte of every log entry: which command follows.
// Numbers are only ever added, never reused or renumbered; a command whose
// meaning changes gets a new number. Zero is never a valid type.
type MessageType uint8

// IgnoreUnknownFlag, set on an entry's type byte, lets a build that does not
// know the type skip the entry instead of failing. Only commands whose loss
// cannot make replicas disagree on anything that matters may carry it.
const IgnoreUnknownFlag MessageType = 0x80

// Message types. Append only.
const (
	RegisterHostType      MessageType = 1
	SetHostStateType      MessageType = 2
	CreateVMType          MessageType = 3
	UpdateVMType          MessageType = 4
	DeleteVMType          MessageType = 5
	PlaceType             MessageType = 6
	SetGroupPolicyType    MessageType = 7
	DeleteGroupPolicyType MessageType = 8
	SetAdmissionType      MessageType = 9
	OpenFenceType         MessageType = 10
	ConfirmFenceType      MessageType = 11
	GrantLeaseType        MessageType = 12
	RenewLeaseType        MessageType = 13
	RevokeLeaseType       MessageType = 14
	// HoldVMType carries IgnoreUnknownFlag: a hold only says why an
	// unplaced VM is not placed again yet.
	HoldVMType MessageType = 15
)

// Command is one change to the cluster state, as carried in a log entry.
type Command interface {
	// Type is the entry's message type.
	Type() MessageType
	// check validates what can be checked without the state.
	check() error
	// describe names the command for error text, without secrets.
	describe() string
}

// RegisterHost adds a host (in state Healthy) or updates a known host's
// identity, addresses, capacity, BMC endpoints and watchdog; its state is
// left as it is.
type RegisterHost struct {
	Name          string        `json:"name"`
	Addresses     Addresses     `json:"addresses"`
	BootID        string        `json:"boot_id"`
	Capacity      Capacity      `json:"capacity"`
	BMC           []BMCEndpoint `json:"bmc,omitempty"`
	WatchdogArmed bool          `json:"watchdog_armed"`
}

// SetHostState moves a host to another state (never to Fenced: that takes
// ConfirmFence). Fencing and Left need the host to own no VM; Fencing also
// revokes its lease; leaving Fenced needs a boot id other than the fenced one.
type SetHostState struct {
	Host   string    `json:"host"`
	State  HostState `json:"state"`
	Reason string    `json:"reason,omitempty"`
}

// CreateVM adds a VM, unplaced, at generation 0.
type CreateVM struct {
	Spec    VMSpec  `json:"spec"`
	Desired Desired `json:"desired"`
}

// UpdateVM replaces a known VM's spec and desired state; owner and
// generation are untouched (a running VM picks the spec up on its next start).
type UpdateVM struct {
	Spec    VMSpec  `json:"spec"`
	Desired Desired `json:"desired"`
}

// DeleteVM removes an unplaced VM.
type DeleteVM struct {
	Name string `json:"name"`
}

// HoldVM records that the leader holds an unplaced VM (it failed to start
// too often) until Until, and why: every replica can then show the VM held,
// and a new leader keeps the hold. It applies only to the VM at Generation
// with no owner; the next placement with an owner lifts it.
type HoldVM struct {
	VM         string `json:"vm"`
	Generation uint64 `json:"generation"`
	Hold       Hold   `json:"hold"`
}

// Placement is one compare-and-set of a VM's ownership: it succeeds only if
// the VM is at Generation, and leaves it at Generation+1 owned by Owner
// ("" revokes ownership).
type Placement struct {
	VM         string `json:"vm"`
	Generation uint64 `json:"generation"`
	Owner      string `json:"owner"`
}

// Place applies its placements all together or not at all.
type Place struct {
	Placements []Placement `json:"placements"`
}

// SetGroupPolicy adds or replaces a group's policy.
type SetGroupPolicy struct {
	Policy GroupPolicy `json:"policy"`
}

// DeleteGroupPolicy removes a group's policy; its VMs fall back to none.
type DeleteGroupPolicy struct {
	Name string `json:"name"`
}

// SetAdmission replaces the cluster's admission control.
type SetAdmission struct {
	Admission Admission `json:"admission"`
}

// OpenFence records that By starts fencing Target (which must be in state
// Fencing). The record's ID is the entry's log index.
type OpenFence struct {
	Target   string    `json:"target"`
	By       string    `json:"by"`
	Method   string    `json:"method"`
	Evidence string    `json:"evidence,omitempty"`
	Started  time.Time `json:"started"`
}

// ConfirmFence marks a fence record confirmed and moves its target from
// Fencing to Fenced, remembering the boot id it was fenced in.
type ConfirmFence struct {
	ID           uint64    `json:"id"`
	At           time.Time `json:"at"`
	Confirmation string    `json:"confirmation,omitempty"`
}

// GrantLease starts a new lease epoch for Holder: PrevEpoch must be the
// current one (0 for a holder that never had a lease).
type GrantLease struct {
	Holder    string    `json:"holder"`
	PrevEpoch uint64    `json:"prev_epoch"`
	Expiry    time.Time `json:"expiry"`
}

// RenewLease moves the expiry of Holder's current, unrevoked epoch. An
// expiry earlier than the current one leaves it where it is.
type RenewLease struct {
	Holder string    `json:"holder"`
	Epoch  uint64    `json:"epoch"`
	Expiry time.Time `json:"expiry"`
}

// RevokeLease ends Holder's current epoch.
type RevokeLease struct {
	Holder string `json:"holder"`
	Epoch  uint64 `json:"epoch"`
}

func (RegisterHost) Type() MessageType      { return RegisterHostType }
func (SetHostState) Type() MessageType      { return SetHostStateType }
func (CreateVM) Type() MessageType          { return CreateVMType }
func (UpdateVM) Type() MessageType          { return UpdateVMType }
func (DeleteVM) Type() MessageType          { return DeleteVMType }
func (Place) Type() MessageType             { return PlaceType }
func (SetGroupPolicy) Type() MessageType    { return SetGroupPolicyType }
func (DeleteGroupPolicy) Type() MessageType { return DeleteGroupPolicyType }
func (SetAdmission) Type() MessageType      { return SetAdmissionType }
func (OpenFence) Type() MessageType         { return OpenFenceType }
func (ConfirmFence) Type() MessageType      { return ConfirmFenceType }
func (GrantLease) Type() MessageType        { return GrantLeaseType }
func (RenewLease) Type() MessageType        { return RenewLeaseType }
func (RevokeLease) Type() MessageType       { return RevokeLeaseType }
func (HoldVM) Type() MessageType            { return HoldVMType | IgnoreUnknownFlag }

// newCommand returns a pointer to a zero command of type t, or nil.
func newCommand(t MessageType) Command {
	switch t {
	case RegisterHostType:
		return &RegisterHost{}
	case SetHostStateType:
		return &SetHostState{}
	case CreateVMType:
		return &CreateVM{}
	case UpdateVMType:
		return &UpdateVM{}
	case DeleteVMType:
		return &DeleteVM{}
	case PlaceType:
		return &Place{}
	case SetGroupPolicyType:
		return &SetGroupPolicy{}
	case DeleteGroupPolicyType:
		return &DeleteGroupPolicy{}
	case SetAdmissionType:
		return &SetAdmission{}
	case OpenFenceType:
		return &OpenFence{}
	case ConfirmFenceType:
		return &ConfirmFence{}
	case GrantLeaseType:
		return &GrantLease{}
	case RenewLeaseType:
		return &RenewLease{}
	case RevokeLeaseType:
		return &RevokeLease{}
	case HoldVMType:
		return &HoldVM{}
	}
	return nil
}

// Encode returns cmd as a log entry: its type byte, then its JSON. It checks
// what can be checked without the state, so a proposer learns of a bad
// command before it reaches the log.
func Encode(cmd Command) ([]byte, error) {
	if err := cmd.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", cmd.describe(), err)
	}
	var buf bytes.Buffer
	buf.WriteByte(byte(cmd.Type()))
	if err := json.NewEncoder(&buf).Encode(cmd); err != nil {
		return nil, fmt.Errorf("%s: encode: %w", cmd.describe(), err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Decode parses a log entry into its command (a pointer to one of the
// command structs). The JSON must hold exactly one object whose fields are
// all known: a field this build does not know means a newer command shape,
// and applying part of it would make replicas disagree. Decode checks the
// fields' form, not the state.
func Decode(entry []byte) (Command, error) {
	if len(entry) == 0 {
		return nil, fmt.Errorf("%w: empty entry", ErrMalformed)
	}
	t := MessageType(entry[0])
	cmd := newCommand(t &^ IgnoreUnknownFlag)
	if cmd == nil {
		return nil, fmt.Errorf("%w %d", ErrUnknownType, t&^IgnoreUnknownFlag)
	}
	dec := json.NewDecoder(bytes.NewReader(entry[1:]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(cmd); err != nil {
		return nil, fmt.Errorf("%w: type %d: %v", ErrMalformed, t, err)
	}
	if rest := entry[1+dec.InputOffset():]; len(bytes.TrimSpace(rest)) > 0 {
		return nil, fmt.Errorf("%w: type %d: trailing data after the command", ErrMalformed, t)
	}
	if err := cmd.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", cmd.describe(), err)
	}
	return cmd, nil
}
