package vms

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/vigil-ha/vigil/netfabric"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/store"
)

// VM is what this host needs to run one VM: its QEMU spec, the generation
// it is placed under, and its NICs' taps on this host's fabric.
type VM struct {
	Spec qmp.Spec
	// Generation is the placement the cluster granted (raised every time
	// the VM is placed, a migration included). Generations start at 1.
	Generation uint64
	// Taps are the VM's NICs on the fabric, one per Spec.NICs entry in the
	// same order, with the same tap name and MAC. Their VM field is the
	// spec's name (filled in when empty).
	Taps []netfabric.Tap
}

// ID is the VM's name.
func (v VM) ID() string { return v.Spec.Name }

// Validate checks v and names the first bad field. It fills in the taps'
// VM field.
func (v *VM) Validate() error {
	if err := v.Spec.Validate(); err != nil {
		return err
	}
	if v.Generation == 0 {
		return fmt.Errorf("%w: vm %s: generation 0 (generations start at 1)", ErrInvalid, v.Spec.Name)
	}
	if len(v.Taps) != len(v.Spec.NICs) {
		return fmt.Errorf("%w: vm %s: %d taps for %d NICs (want one tap per NIC)", ErrInvalid, v.Spec.Name, len(v.Taps), len(v.Spec.NICs))
	}
	for i := range v.Taps {
		t, n := &v.Taps[i], v.Spec.NICs[i]
		if t.VM == "" {
			t.VM = v.Spec.Name
		}
		tm, _ := net.ParseMAC(t.MAC)
		nm, _ := net.ParseMAC(n.MAC)
		switch {
		case t.VM != v.Spec.Name:
			return fmt.Errorf("%w: vm %s: taps[%d].vm is %q", ErrInvalid, v.Spec.Name, i, t.VM)
		case t.Name != n.Tap:
			return fmt.Errorf("%w: vm %s: taps[%d].name %q, but nics[%d].tap is %q", ErrInvalid, v.Spec.Name, i, t.Name, i, n.Tap)
		case tm == nil || tm.String() != nm.String():
			return fmt.Errorf("%w: vm %s: taps[%d].mac %q, but nics[%d].mac is %q", ErrInvalid, v.Spec.Name, i, t.MAC, i, n.MAC)
		case t.Bridge == "":
			return fmt.Errorf("%w: vm %s: taps[%d] has no bridge", ErrInvalid, v.Spec.Name, i)
		}
	}
	return nil
}

// State is where a VM this host knows of stands.
type State string

// The states List reports.
const (
	// Running: its QEMU runs and this host is attached to it.
	Running State = "running"
	// Exited: its QEMU ended without being asked to (a crash, the guest
	// powered off); Status.Exit says how. Stop clears it.
	Exited State = "exited"
	// Detached: the store has a record of it but this process is not
	// attached to a QEMU (after an agent restart, before Adopt or Resume).
	Detached State = "detached"
)

// Status is one VM as this host sees it.
type Status struct {
	ID         string
	Generation uint64
	State      State
	PID        int
	Started    time.Time
	// Exit says how the QEMU ended (qmp.Exit's reason: crashed,
	// guest-shutdown, guest-panic, host-quit, exited) when State is
	// Exited.
	Exit string
}

// Runner runs the VMs of one host. The cluster reaches VMs only through it:
// *Host is the real one (QEMU over qmp, taps over netfabric, intents in the
// store), vms/vmstest has a fake for simulations.
type Runner interface {
	// Start starts vm on this host under its generation. It refuses a VM
	// whose QEMU already runs here (ErrRunning) and a generation older
	// than the one this host recorded (ErrStaleGeneration).
	Start(ctx context.Context, vm VM) (Status, error)
	// Adopt attaches to the VM's QEMU that already runs on this host (after
	// an agent restart), or returns ErrNotRunning.
	Adopt(ctx context.Context, id string) (Status, error)
	// Stop stops the VM and forgets it; when it returns nil its QEMU is
	// gone. Stopping a VM this host does not know is ErrNotFound.
	Stop(ctx context.Context, id string) error
	// Migrate live-migrates a VM running here to host target, where it
	// runs under generation afterwards. On error the VM runs on this host
	// (or, if the error says the outcome is undecided, the intent stays
	// open for Resume).
	Migrate(ctx context.Context, id, target string, generation uint64) (qmp.Result, error)
	// List reports every VM this host runs or has a record of, by id.
	List(ctx context.Context) ([]Status, error)
}

// Store is the part of the local store a Host needs: intents around every
// action, this host's VM records and the audit log. *store.Store
// satisfies it.
type Store interface {
	OpenIntent(in store.Intent) (uint64, error)
	CloseIntent(id uint64, outcome, detail string) error
	OpenIntents() ([]store.Intent, error)
	PutVM(r store.VMRecord) error
	VM(id string) (store.VMRecord, error)
	VMs() ([]store.VMRecord, error)
	DeleteVM(id string) error
	Append(ev store.Event) (uint64, error)
}

// Net is the part of netfabric a Host needs: a VM's taps on this host's
// fabric. *netfabric.Host satisfies it.
type Net interface {
	PlugVM(ctx context.Context, taps []netfabric.Tap) error
	UnplugVM(ctx context.Context, vm string) error
}

// Errors of this package; match with errors.Is.
var (
	// ErrInvalid: a VM or request failed validation; nothing was done.
	ErrInvalid = errors.New("invalid vm")
	// ErrNotFound: this host neither runs nor records the VM.
	ErrNotFound = errors.New("vm not on this host")
	// ErrNotRunning: no QEMU of the VM runs on this host.
	ErrNotRunning = errors.New("vm not running on this host")
	// ErrRunning: a QEMU of the VM already runs on this host.
	ErrRunning = errors.New("vm already running on this host")
	// ErrBusy: another action on the VM is in progress on this host.
	ErrBusy = errors.New("another action on this vm is in progress")
	// ErrStaleGeneration: the generation asked for is older than the one
	// this host recorded for the VM.
	ErrStaleGeneration = errors.New("stale generation")
	// ErrUndecided: where the VM runs could not be established (the other
	// host did not answer, or a post-copy migration split it); the intent
	// stays open for Resume, and nothing was resumed on a guess.
	ErrUndecided = errors.New("outcome undecided")
	// ErrIntent: the intent could not be written; the action was not
	// begun.
	ErrIntent = errors.New("intent not written")
)
