package netfabric

import (
	"context"
	"fmt"
)

// Hooks are what a live migration calls around the switchover so that a
// VM's network follows it. The caller is the migration's orchestration in
// package vms (vms.Host.Migrate, on the source host; qmp only moves the
// VM's state and knows nothing of taps). It calls, in order:
//
//  1. PrepareTarget(ctx, vm) before the destination QEMU is started: the
//     VM's taps exist on the target host, on their bridges and VLANs, and
//     the destination's `-netdev tap,id=...,ifname=NAME,script=no,
//     downscript=no` opens them at start (so qmp.MigrateOptions'
//     PreSwitchover, which runs later, is not the place for it);
//  2. after the switchover, QMP `announce-self` on the target QEMU (qmp's
//     Migrate does it), so the physical network and the VXLAN peers'
//     bridges learn where the MACs went;
//  3. AfterSwitchover(ctx, vm) once Migrate succeeded and the source QEMU
//     is gone: the source's taps are removed.
//
// A failed or cancelled migration calls AbortTarget instead of 3, which
// removes the taps prepared on the target; so does a restarted agent that
// finds the migration did not switch over (vms.Host.Resume).
type Hooks interface {
	PrepareTarget(ctx context.Context, vm string) error
	AfterSwitchover(ctx context.Context, vm string) error
	AbortTarget(ctx context.Context, vm string) error
}

// Migration is Hooks for two Hosts this process can reach (one machine
// with a namespace per host, as in the lab; the agent wraps the remote
// side's PlugVM/UnplugVM in its own RPC the same way).
type Migration struct {
	Source, Target *Host
}

// NewMigration returns the hooks for moving VMs from source to target.
func NewMigration(source, target *Host) *Migration { return &Migration{Source: source, Target: target} }

// PrepareTarget copies vm's taps from the source's fabric to the target's
// and applies them there.
func (m *Migration) PrepareTarget(ctx context.Context, vm string) error {
	taps := m.Source.VMTaps(vm)
	if len(taps) == 0 {
		return fmt.Errorf("prepare target for %s: %w", vm, ErrUnknownVM)
	}
	if err := m.Target.PlugVM(ctx, taps); err != nil {
		return fmt.Errorf("prepare target for %s: %w", vm, err)
	}
	return nil
}

// AfterSwitchover removes vm's taps from the source.
func (m *Migration) AfterSwitchover(ctx context.Context, vm string) error {
	if err := m.Source.UnplugVM(ctx, vm); err != nil {
		return fmt.Errorf("remove source taps of %s: %w", vm, err)
	}
	return nil
}

// AbortTarget removes vm's taps from the target after a failed migration.
func (m *Migration) AbortTarget(ctx context.Context, vm string) error {
	if err := m.Target.UnplugVM(ctx, vm); err != nil {
		return fmt.Errorf("abort target for %s: %w", vm, err)
	}
	return nil
}

var _ Hooks = (*Migration)(nil)
