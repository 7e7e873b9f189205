package clusterhost

import (
	"context"
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/vms"
)

// replicaPoll is how often a migration order waits for the replica to
// catch up.
const replicaPoll = 50 * time.Millisecond

// execLoop makes this host's VMs match its replica until ctx ends.
func (h *Host) execLoop(ctx context.Context) error {
	accel := h.cfg.VMs.Accel
	exec, err := executor.New(executor.Config{
		Host: h.name, Runner: meteredRunner{h.runner, &h.meter}, RetryAfter: time.Second,
		Build: func(vm state.VM) (vms.VM, error) {
			v, err := executor.BuildVM(vm)
			if err == nil {
				v.Spec.Accel = accel
			}
			return v, err
		},
	})
	if err != nil {
		return err
	}
	st := h.node.State()
	tick := time.NewTicker(h.timing.ExecTick)
	defer tick.Stop()
	var lapse *time.Timer
	var lapseC <-chan time.Time
	defer func() {
		if lapse != nil {
			lapse.Stop()
		}
	}()
	lastIndex := st.Index()
	// What runs here already (adopted): not "started" again.
	running := map[string]uint64{}
	if list, err := h.runner.List(ctx); err == nil {
		for _, s := range list {
			if s.State == vms.Running {
				running[s.ID] = s.Generation
			}
		}
	}
	wasValid, waiting := false, true
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case req := <-h.exec.orders:
			res := h.migrateOrder(ctx, exec, req.o)
			req.done <- res
			h.log.Info("migration order", "vm", req.o.VM, "to", req.o.Target, "result", orOK(res.Err))
		case <-tick.C:
		case <-h.exec.changed:
		case <-lapseC:
		case <-h.node.Applied():
			if idx := st.Index(); idx == lastIndex {
				continue
			}
		}
		lastIndex = st.Index()
		now := time.Now()
		accepted, until, epoch := h.lease.snapshot()
		if waiting {
			// Not before the first timely renewal with a replica caught up
			// with it, or one TTL after the start: a restarted agent keeps
			// its VMs until it knows.
			fresh := accepted && st.Index() >= h.lease.Index()
			if !fresh && now.Sub(h.started) < h.timing.Lease.TTL {
				continue
			}
			waiting = false
		}
		rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		rep, err := exec.Reconcile(rctx, now, st, &h.lease)
		cancel()
		if err != nil {
			h.log.Warn("reconcile", "err", err)
		}
		h.exec.mu.Lock()
		rep.Failures, h.exec.failures = nil, append(h.exec.failures, rep.Failures...)
		h.exec.report = rep
		h.exec.mu.Unlock()
		h.noteChanges(running, rep, st, wasValid, epoch)
		wasValid = rep.LeaseValid
		// Reconcile again the moment the lease lapses.
		if !until.IsZero() && until.After(now) {
			if lapse == nil {
				lapse = time.NewTimer(until.Sub(now))
			} else {
				lapse.Reset(until.Sub(now))
			}
			lapseC = lapse.C
		}
	}
}

// orderWait is how long a source waits for its replica to catch up with
// an order before it fails it.
const orderWait = 5 * time.Second

// migrateOrder carries out the leader's order as the source, once the
// replica is as new as the order and the lease (executor.Ready), and
// records the outcome.
func (h *Host) migrateOrder(ctx context.Context, exec *executor.Executor, o executor.MigrateOrder) executor.MigrateResult {
	st := h.node.State()
	for deadline := time.Now().Add(orderWait); !exec.Ready(o, st, &h.lease); {
		if time.Now().After(deadline) {
			return executor.MigrateResult{Order: o, Err: fmt.Sprintf("replica at %d did not reach the order's %d within %v", st.Index(), o.Index, orderWait)}
		}
		if sleep(ctx, replicaPoll) != nil {
			return executor.MigrateResult{Order: o, Err: "agent stopping"}
		}
	}
	started := time.Now()
	mctx, cancel := context.WithTimeout(ctx, migrateTimeout)
	res := exec.Migrate(mctx, time.Now(), o, st, &h.lease)
	cancel()
	ev := agent.Event{Kind: "migrated", VM: o.VM, Generation: o.Generation + 1,
		Message:  fmt.Sprintf("%s live-migrated from %s to %s in %v (generation %d → %d)", o.VM, h.name, o.Target, time.Since(started).Round(time.Millisecond), o.Generation, o.Generation+1),
		Evidence: map[string]any{"source": h.name, "target": o.Target}}
	if res.Err != "" {
		ev.Kind, ev.Generation = "migrate-failed", o.Generation
		ev.Message = fmt.Sprintf("%s stays on %s: migration to %s failed: %s", o.VM, h.name, o.Target, res.Err)
	}
	h.record(ev)
	h.poke()
	return res
}

func orOK(s string) string {
	if s == "" {
		return "ok"
	}
	return s
}

// noteChanges records the VMs that started or stopped here since the last
// reconcile, and the self-fence when the lease lapsed with VMs running.
func (h *Host) noteChanges(running map[string]uint64, rep executor.Report, st *state.State, wasValid bool, epoch uint64) {
	now := make(map[string]uint64, len(rep.Running))
	for _, r := range rep.Running {
		now[r.VM] = r.Generation
	}
	var stopped []string
	released := map[string]bool{}
	for _, r := range rep.Released {
		released[r.VM] = true
	}
	for name, g := range running {
		if released[name] {
			continue // migrated away: the source recorded it
		}
		if ng, ok := now[name]; !ok || ng != g {
			stopped = append(stopped, name)
			why := "the cluster places it elsewhere or wants it stopped"
			if !rep.LeaseValid {
				why = "this host's lease is not valid"
			}
			h.record(agent.Event{Kind: "stopped", VM: name, Generation: g, Message: fmt.Sprintf("%s stopped on %s at generation %d: %s", name, h.name, g, why),
				Evidence: map[string]any{"lease_valid": rep.LeaseValid, "applied": rep.Applied}})
		}
	}
	for name, g := range now {
		if og, ok := running[name]; !ok || og != g {
			vm, _ := st.VM(name)
			h.record(agent.Event{Kind: "started", VM: name, Generation: g, Message: fmt.Sprintf("%s runs on %s at generation %d", name, h.name, g),
				Evidence: map[string]any{"applied": rep.Applied, "lease_epoch": epoch, "owner": vm.Owner}})
		}
	}
	if wasValid && !rep.LeaseValid {
		h.record(agent.Event{Kind: "self-fence", Message: fmt.Sprintf("%s's own lease lapsed: %d VM(s) stopped", h.name, len(stopped)),
			Evidence: map[string]any{"stopped": stopped, "applied": rep.Applied}})
	}
	clear(running)
	for k, v := range now {
		running[k] = v
	}
}
