package qmp

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	sddbus "github.com/coreos/go-systemd/v22/dbus"
	"github.com/coreos/go-systemd/v22/unit"
	"github.com/godbus/dbus/v5"
)

// Launcher starts QEMU outside the caller's process tree and tells whether
// what it started still runs. Start uses it instead of a session of its own
// when Options.Launcher is set; the VM's pidfile then names the process,
// which is watched as an adopted one is (a pidfd, not wait).
type Launcher interface {
	// Launch starts argv for the VM named vm, its standard output and
	// error appended to logPath, and returns once the process was
	// executed.
	Launch(ctx context.Context, vm string, argv []string, logPath string) error
	// Active reports whether what Launch started for vm still runs (or is
	// starting).
	Active(ctx context.Context, vm string) (bool, error)
}

// SystemdLauncher runs each VM's QEMU in a transient service unit of its
// own, vigil-vm-NAME.service in machine.slice, started over D-Bus: QEMU is
// never the agent's child, none of the agent's unit sandbox applies to it,
// and stopping or restarting the agent's unit leaves every VM running. The
// unit is collected once it ends (CollectMode=inactive-or-failed), so a
// VM's unit name is free again for its next start.
type SystemdLauncher struct {
	conn *sddbus.Conn
}

// MachineSlice is the slice VM units run in (systemd's convention for VMs
// and containers: systemd-machined and libvirt use it too).
const MachineSlice = "machine.slice"

// SystemdBooted reports whether systemd is this machine's init (its
// runtime directory exists: sd_booted(3)).
func SystemdBooted() bool {
	fi, err := os.Lstat("/run/systemd/system")
	return err == nil && fi.IsDir()
}

// NewSystemdLauncher connects to systemd: its private socket when root,
// else the system bus. The private socket needs no D-Bus daemon, and there
// systemd knows its caller by uid alone: root whose capabilities a unit's
// CapabilityBoundingSet= cut (vigil.service) is still root, where through
// the bus systemd would ask for CAP_SYS_ADMIN or polkit.
func NewSystemdLauncher(ctx context.Context) (*SystemdLauncher, error) {
	var conn *sddbus.Conn
	var err error
	if os.Geteuid() == 0 {
		conn, err = sddbus.NewSystemdConnectionContext(ctx)
	} else {
		conn, err = sddbus.NewSystemConnectionContext(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("qmp: connect to systemd over D-Bus: %w", err)
	}
	return &SystemdLauncher{conn: conn}, nil
}

// Close drops the D-Bus connection; the units keep running.
func (l *SystemdLauncher) Close() error {
	l.conn.Close()
	return nil
}

// UnitName is the transient unit vm's QEMU runs in: vigil-vm-NAME.service.
// A VM name (Spec.Validate) is made of characters a unit name allows, so
// it is used as it is; anything else is escaped as systemd-escape would.
func UnitName(vm string) string {
	if !unitSafe.MatchString(vm) {
		vm = unit.UnitNameEscape(vm)
	}
	return "vigil-vm-" + vm + ".service"
}

var unitSafe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// Launch implements Launcher: a transient Type=exec service in
// machine.slice running argv, started with mode "fail" (an existing job for
// the unit is an error, never replaced).
func (l *SystemdLauncher) Launch(ctx context.Context, vm string, argv []string, logPath string) error {
	if len(argv) == 0 {
		return errors.New("qmp: launch: empty command")
	}
	name := UnitName(vm)
	// A unit of an earlier run of this VM that failed and was not
	// collected yet would make the name taken.
	_ = l.conn.ResetFailedUnitContext(ctx, name)
	props := []sddbus.Property{
		sddbus.PropDescription("vigil VM " + vm + " (QEMU)"),
		sddbus.PropSlice(MachineSlice),
		sddbus.PropType("exec"),
		sddbus.PropExecStart(argv, false),
		{Name: "CollectMode", Value: dbus.MakeVariant("inactive-or-failed")},
		{Name: "StandardOutputFileToAppend", Value: dbus.MakeVariant(logPath)},
		{Name: "StandardErrorFileToAppend", Value: dbus.MakeVariant(logPath)},
		// QEMU ends the VM itself (quit over QMP); systemd stopping the
		// unit (shutdown, an admin) gets it the same way, SIGTERM,
		// with time to flush its disks.
		{Name: "KillMode", Value: dbus.MakeVariant("mixed")},
		{Name: "TimeoutStopUSec", Value: dbus.MakeVariant(uint64(60_000_000))},
	}
	done := make(chan string, 1)
	if _, err := l.conn.StartTransientUnitContext(ctx, name, "fail", props, done); err != nil {
		return fmt.Errorf("qmp: start transient unit %s: %w", name, err)
	}
	select {
	case res := <-done:
		if res != "done" {
			return fmt.Errorf("qmp: transient unit %s: start job %s (journalctl -u %s)", name, res, name)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("qmp: transient unit %s: %w", name, ctx.Err())
	}
}

// Active implements Launcher: the unit's ActiveState is active,
// activating or reloading.
func (l *SystemdLauncher) Active(ctx context.Context, vm string) (bool, error) {
	p, err := l.conn.GetUnitPropertyContext(ctx, UnitName(vm), "ActiveState")
	if err != nil {
		return false, fmt.Errorf("qmp: %s: %w", UnitName(vm), err)
	}
	s := strings.Trim(p.Value.String(), `"`)
	return s == "active" || s == "activating" || s == "reloading", nil
}
