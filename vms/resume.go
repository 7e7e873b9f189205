package vms

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/store"
)

// Resume finishes or undoes the starts, stops and migrations that a
// previous run of the agent began and never closed (the store's pending
// intents, as store.Store.Pending lists them; fence intents are
// fencing.Manager.Resume's). Each intent is closed with what was found:
//
//   - a start whose QEMU runs is adopted ("adopted"); one whose QEMU is
//     gone is cleaned up ("failed": taps and record removed);
//   - a received migration (start, action "incoming") whose QEMU runs the
//     VM ("running") is adopted; one still waiting or paused is killed
//     ("undone": the source keeps the VM);
//   - a stop is finished ("done");
//   - a migration this host sent is resolved by which side runs: the
//     destination running means it completed (this host's copy is killed
//     and the target commits it: "done"); otherwise the destination is
//     discarded and this host's copy runs on ("undone"), or, if neither
//     runs, "failed". When the target cannot be asked, the intent stays
//     open and the error says ErrUndecided: nothing is resumed on a guess.
//
// Call it once at start-up, before adopting the recorded VMs.
func (h *Host) Resume(ctx context.Context, pending []store.Intent) error {
	var errs []error
	for _, in := range pending {
		var err error
		switch in.Kind {
		case store.IntentStart:
			if in.Action == "incoming" {
				err = h.resumeIncoming(ctx, in)
			} else {
				err = h.resumeStart(ctx, in)
			}
		case store.IntentStop:
			err = h.resumeStop(ctx, in)
		case store.IntentMigrate:
			err = h.resumeMigrate(ctx, in)
		default:
			continue
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("resume %s intent %d of vm %s: %w", in.Kind, in.ID, in.VM, err))
		}
	}
	return errors.Join(errs...)
}

// attached returns id's entry if this process runs it, else adopts its
// QEMU; nil (and no error) when none runs.
func (h *Host) attached(ctx context.Context, id string) (*entry, error) {
	if e := h.entry(id); e != nil && e.state == Running {
		return e, nil
	}
	e, err := h.adopt(ctx, id)
	if errors.Is(err, ErrNotRunning) {
		return nil, nil
	}
	return e, err
}

func (h *Host) resumeStart(ctx context.Context, in store.Intent) error {
	if err := h.claim(in.VM, "resume start"); err != nil {
		return err
	}
	defer h.release(in.VM)
	e, err := h.attached(ctx, in.VM)
	if err != nil {
		return err
	}
	if e != nil {
		return h.closeIntent(in.ID, "adopted", fmt.Sprintf("qemu pid %d runs after restart, generation %d", e.q.PID(), e.vm.Generation), nil)
	}
	var errs []error
	if h.cfg.Net != nil {
		if err := h.cfg.Net.UnplugVM(ctx, in.VM); err != nil {
			errs = append(errs, fmt.Errorf("unplug taps: %w", err))
		}
	}
	if rec, err := h.cfg.Store.VM(in.VM); err == nil && rec.Generation <= in.Generation {
		if err := h.cfg.Store.DeleteVM(in.VM); err != nil {
			errs = append(errs, fmt.Errorf("delete record: %w", err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err // left open: the clean-up is retried next time
	}
	return h.closeIntent(in.ID, "failed", "qemu not running after restart", nil)
}

func (h *Host) resumeIncoming(ctx context.Context, in store.Intent) error {
	state, err := h.Probe(ctx, in.VM)
	if err != nil {
		return err
	}
	switch state {
	case "":
		return h.closeIntent(in.ID, "failed", "destination qemu not running after restart", nil)
	case "running":
		return h.Settle(ctx, in.VM, true, "running after restart")
	default:
		return h.Settle(ctx, in.VM, false, fmt.Sprintf("destination %s after restart: the source keeps the vm", state))
	}
}

func (h *Host) resumeStop(ctx context.Context, in store.Intent) error {
	if err := h.claim(in.VM, "resume stop"); err != nil {
		return err
	}
	defer h.release(in.VM)
	detail, err := h.stop(ctx, in.VM, h.entry(in.VM))
	if err != nil {
		return err
	}
	return h.closeIntent(in.ID, "done", "finished after restart: "+detail, nil)
}

func (h *Host) resumeMigrate(ctx context.Context, in store.Intent) error {
	if h.cfg.Destinations == nil {
		return fmt.Errorf("%w: no way to reach %s (Config.Destinations)", ErrUndecided, in.Target)
	}
	dest, err := h.cfg.Destinations(in.Target)
	if err != nil {
		return fmt.Errorf("%w: reach %s: %w", ErrUndecided, in.Target, err)
	}
	remote, err := dest.Receiver.Probe(ctx, in.VM)
	if err != nil {
		return fmt.Errorf("%w: ask %s: %w", ErrUndecided, in.Target, err)
	}
	if err := h.claim(in.VM, "resume migrate"); err != nil {
		return err
	}
	defer h.release(in.VM)
	e, err := h.attached(ctx, in.VM)
	if err != nil {
		return err
	}
	bg := context.WithoutCancel(ctx)
	if remote == "running" {
		// Switched over: the target has the VM. This host's copy (paused
		// after the switchover, disks inactive) must go.
		if e != nil {
			c, cancel := context.WithTimeout(bg, 30*time.Second)
			err := e.q.Kill(c)
			cancel()
			if err != nil {
				return fmt.Errorf("kill the source copy: %w", err)
			}
			e.q.Close()
			h.mu.Lock()
			if h.vms[in.VM] == e {
				delete(h.vms, in.VM)
			}
			h.mu.Unlock()
		}
		var errs []error
		if err := dest.Receiver.Settle(ctx, in.VM, true, fmt.Sprintf("migrated from %s (resumed)", h.cfg.Name)); err != nil {
			errs = append(errs, fmt.Errorf("settle on %s: %w", in.Target, err))
		}
		if err := dest.Hooks.AfterSwitchover(ctx, in.VM); err != nil {
			errs = append(errs, fmt.Errorf("after switchover: %w", err))
		}
		if err := h.cfg.Store.DeleteVM(in.VM); err != nil {
			errs = append(errs, fmt.Errorf("delete record: %w", err))
		}
		return h.closeIntent(in.ID, "done", "the target runs the vm (found after restart)", errors.Join(errs...))
	}
	// Not switched over: the destination goes first, confirmed, then this
	// host's copy may run.
	if err := dest.Receiver.Settle(ctx, in.VM, false, fmt.Sprintf("migration from %s abandoned after restart", h.cfg.Name)); err != nil {
		return fmt.Errorf("%w: discard the destination on %s: %w", ErrUndecided, in.Target, err)
	}
	var errs []error
	if err := dest.Hooks.AbortTarget(ctx, in.VM); err != nil {
		errs = append(errs, fmt.Errorf("abort target: %w", err))
	}
	if e == nil {
		if err := h.cfg.Store.DeleteVM(in.VM); err != nil {
			errs = append(errs, fmt.Errorf("delete record: %w", err))
		}
		return h.closeIntent(in.ID, "failed", fmt.Sprintf("the vm runs on neither host (target state %q)", remote), errors.Join(errs...))
	}
	if err := h.resumeSource(bg, e, true); err != nil {
		errs = append(errs, err)
	}
	return h.closeIntent(in.ID, "undone", fmt.Sprintf("the source keeps the vm (target state %q)", remote), errors.Join(errs...))
}
