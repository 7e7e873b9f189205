package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
)

// hostPowerLossNote is the scenario's Note.
const hostPowerLossNote = "staged: no agent detects or recovers anything yet. " +
	"The demo cuts the host's power itself, through its BMC with vigil's fencing, so the failure and the fence are one command: " +
	"fence_ms is that command until the BMC read back off, detect_ms is null (nothing detected the failure), " +
	"qemu_reaped_ms is when the lab reaped the victim's QEMU, and the restart on a healthy host is the demo's, not vigil's " +
	"(rto_ms: power cut until the restarted guest's first heartbeat)"

// demoVM is the identity of the guest the scenario keeps alive.
const demoVM = "demo-vm1"

// hostPowerLoss: every host's BMC is read through vigil's reader (IPMI or
// Redfish), a guest boots on the first host, that host's power is cut
// through its BMC (confirmed off by read-back), and the guest is started
// again on the second host; the lab's watcher checks it never ran twice.
func hostPowerLoss(ctx context.Context, l *lab.Lab, tl timeline) (s Scenario) {
	tl.steps = &s.Timeline
	s.VMsExpected = 1
	fail := func(err error) Scenario {
		s.Error = err.Error()
		s.Passed = false
		return s
	}
	if len(l.Hosts) < 2 {
		return fail(errors.New("needs at least 2 hosts"))
	}
	fencers := make([]fencing.Fencer, len(l.Hosts))
	defer func() {
		for _, f := range fencers {
			if f != nil {
				f.Close()
			}
		}
	}()
	for i, h := range l.Hosts {
		line, err := bmcSummary(ctx, h)
		if err != nil {
			return fail(fmt.Errorf("%s: reading BMC: %w", h.Name, err))
		}
		tl.printf(ByVigil, "%s BMC sensors: %s", h.Name, line)
		f, err := dialFencer(ctx, h)
		if err != nil {
			return fail(fmt.Errorf("%s: %w", h.Name, err))
		}
		fencers[i] = f
		res, err := fencing.Do(ctx, f, fencing.ActionStatus, fencing.Confirm{})
		if err != nil {
			return fail(fmt.Errorf("%s: power status: %w", h.Name, err))
		}
		tl.printf(ByVigil, "%s BMC power: %s (%d ms)", h.Name, res.Power, res.ElapsedMS)
	}

	victim, rescuer := l.Hosts[0], l.Hosts[1]
	bootStart := time.Now()
	vm, err := victim.StartVM(ctx, lab.VMOptions{ID: demoVM, MemoryMiB: 64, DirtyMiBps: 4})
	if err != nil {
		return fail(fmt.Errorf("boot %s on %s: %w", demoVM, victim.Name, err))
	}
	hb, err := waitBeat(ctx, vm)
	if err != nil {
		return fail(err)
	}
	tl.printf(ByLab, "%s booted on %s under TCG: first heartbeat seq=%d after %d ms", demoVM, victim.Name, hb.Seq, time.Since(bootStart).Milliseconds())

	tl.printf(ByDemo, "FAILURE: cutting %s's power with vigil's fencing through its %s BMC (no agent decided this)", victim.Name, victim.BMC.Kind)
	cut := time.Now()
	res, err := fencing.Do(ctx, fencers[0], fencing.ActionOff, fencing.Confirm{})
	if err != nil {
		return fail(fmt.Errorf("power off %s: %w", victim.Name, err))
	}
	s.FenceMS = res.ElapsedMS
	tl.printf(ByVigil, "%s BMC reads power %s: confirmed=%v after %d ms (%d reads)", victim.Name, res.Power, res.Confirmed, res.ElapsedMS, res.Polls)
	if !res.Confirmed || res.Power != fencing.PowerOff {
		return fail(fmt.Errorf("%s not confirmed off", victim.Name))
	}
	select {
	case <-vm.Proc.Done():
	case <-time.After(10 * time.Second):
		return fail(fmt.Errorf("%s's QEMU still runs 10 s after its host lost power", demoVM))
	}
	s.QEMUReapedMS = time.Since(cut).Milliseconds()
	tl.printf(ByLab, "reaped %s's QEMU on %s %d ms after the cut: the BMC really powered the host off", demoVM, victim.Name, s.QEMUReapedMS)

	if n := l.LiveCopies(demoVM); n != 0 {
		return fail(fmt.Errorf("%d copies of %s alive after %s was confirmed off", n, demoVM, victim.Name))
	}
	tl.printf(ByDemo, "restarting %s on %s (host confirmed off, so it cannot run twice); the demo restarts it, not vigil", demoVM, rescuer.Name)
	vm2, err := rescuer.StartVM(ctx, lab.VMOptions{ID: demoVM, MemoryMiB: 64, DirtyMiBps: 4})
	if err != nil {
		return fail(fmt.Errorf("boot %s on %s: %w", demoVM, rescuer.Name, err))
	}
	hb, err = waitBeat(ctx, vm2)
	if err != nil {
		return fail(err)
	}
	s.RTOMS = time.Since(cut).Milliseconds()
	tl.printf(ByLab, "%s heartbeat from %s seq=%d: recovered %d ms after the power cut", demoVM, rescuer.Name, hb.Seq, s.RTOMS)

	s.VMsRunning = l.LiveCopies(demoVM)
	if v := l.TwiceViolations(); len(v) > 0 {
		s.VMsRunningTwice = 1
		return fail(fmt.Errorf("never-twice violated: %s", strings.Join(v, "; ")))
	}
	tl.printf(ByLab, "live copies of %s across all hosts: %d", demoVM, s.VMsRunning)
	if s.VMsRunning != 1 {
		return fail(fmt.Errorf("%d live copies of %s, want 1", s.VMsRunning, demoVM))
	}

	res, err = fencing.Do(ctx, fencers[0], fencing.ActionOn, fencing.Confirm{})
	if err != nil {
		return fail(fmt.Errorf("power %s back on: %w", victim.Name, err))
	}
	tl.printf(ByVigil, "%s powered back on through its BMC: reads %s after %d ms", victim.Name, res.Power, res.ElapsedMS)
	s.Passed = true
	return s
}

func waitBeat(ctx context.Context, vm *lab.VM) (guest.Heartbeat, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	hb, err := vm.WaitHeartbeat(ctx)
	if err != nil {
		return hb, fmt.Errorf("heartbeat of %s on %s: %w", vm.ID, vm.Host.Name, err)
	}
	return hb, nil
}
