package vms

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/vigil-ha/vigil/netfabric"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/store"
)

// Destination is another host as the source of a migration reaches it: the
// hooks that make the VM's network follow it, and the host's receiving
// side. In the lab both are in this process (netfabric.NewMigration and
// the other *Host); the agent wraps them in its inter-host API.
type Destination struct {
	Hooks    netfabric.Hooks
	Receiver Receiver
}

// Receiver is the receiving side of live migrations on a host. *Host
// implements it.
type Receiver interface {
	// Receive starts vm's destination QEMU, waiting for an incoming
	// migration (-incoming defer), after writing a start intent. The
	// VM's taps are the hooks' business (PrepareTarget runs first). The
	// VM stays busy on the receiving host until Settle.
	Receive(ctx context.Context, vm VM, from string) (Incoming, error)
	// Probe reports the run state of id's QEMU on the receiving host
	// (QEMU's query-status: "running", "inmigrate", "paused",
	// "postmigrate", ...), or "" when none runs there.
	Probe(ctx context.Context, id string) (string, error)
	// Settle ends an incoming migration of id: commit (the VM runs there
	// now: record it) or discard (its QEMU is killed, confirmed gone). The
	// receiving start intent is closed either way. Discarding what is not
	// there is not an error.
	Settle(ctx context.Context, id string, commit bool, detail string) error
}

// Incoming is one destination QEMU waiting for its migration.
type Incoming interface {
	// Monitor is the destination QEMU's monitor.
	Monitor() qmp.Monitor
	// URI is where the source sends the migration stream.
	URI() string
	// Exited is closed when the destination QEMU has ended.
	Exited() <-chan struct{}
	// Kill ends the destination QEMU and returns once it is gone.
	Kill(ctx context.Context) error
}

// incoming is a destination QEMU on this host.
type incoming struct {
	vm     VM
	q      *qmp.VM
	intent uint64 // 0: none known (found after a restart without one)
	port   int
	uri    string
}

func (in *incoming) Monitor() qmp.Monitor           { return in.q.Monitor() }
func (in *incoming) URI() string                    { return in.uri }
func (in *incoming) Exited() <-chan struct{}        { return in.q.Exited() }
func (in *incoming) Kill(ctx context.Context) error { return in.q.Kill(ctx) }

var _ Receiver = (*Host)(nil)

// Migrate live-migrates id to host target under generation, network first:
//
//  1. a migrate intent in the store;
//  2. Hooks.PrepareTarget: the VM's taps on the target's bridges;
//  3. Receiver.Receive: the destination QEMU, waiting;
//  4. qmp.Migrate from this host's QEMU to the destination's (which, on
//     failure, kills the destination before the source may run again,
//     and on success announces the VM's MACs and stops the source);
//  5. on success Receiver.Settle(commit) and Hooks.AfterSwitchover (the
//     source's taps go); on failure Receiver.Settle(discard) and
//     Hooks.AbortTarget, and the VM runs here;
//  6. the intent closed with the outcome.
//
// When it cannot tell where the VM runs (a post-copy migration that broke,
// a destination that could not be killed) it returns ErrUndecided and
// leaves the intent open for Resume rather than resume anything.
func (h *Host) Migrate(ctx context.Context, id, target string, generation uint64) (qmp.Result, error) {
	var res qmp.Result
	if target == h.cfg.Name {
		return res, fmt.Errorf("migrate vm %s: %w: target %s is this host", id, ErrInvalid, target)
	}
	if h.cfg.Destinations == nil {
		return res, fmt.Errorf("migrate vm %s: this host has no way to reach other hosts (Config.Destinations)", id)
	}
	if err := h.claim(id, "migrate"); err != nil {
		return res, err
	}
	defer h.release(id)
	e := h.entry(id)
	if e == nil || e.state != Running {
		return res, fmt.Errorf("migrate vm %s: %w", id, ErrNotRunning)
	}
	if generation <= e.vm.Generation {
		return res, fmt.Errorf("migrate vm %s: %w: the target's generation %d must be above the current %d", id, ErrStaleGeneration, generation, e.vm.Generation)
	}
	dest, err := h.cfg.Destinations(target)
	if err != nil {
		return res, fmt.Errorf("migrate vm %s to %s: %w", id, target, err)
	}
	intent, err := h.cfg.Store.OpenIntent(store.Intent{Kind: store.IntentMigrate, VM: id, Host: h.cfg.Name, Target: target, Generation: generation})
	if err != nil {
		return res, fmt.Errorf("migrate vm %s: %w: %w", id, ErrIntent, err)
	}
	res, outcome, err := h.migrate(ctx, e, target, generation, dest)
	if err != nil {
		err = fmt.Errorf("migrate vm %s to %s: %w", id, target, err)
	}
	if outcome == "" { // undecided: Resume decides
		return res, err
	}
	detail := fmt.Sprintf("status=%s total_ms=%d downtime_ms=%d paused_ms=%.1f", res.Status, res.TotalMs, res.DowntimeMs, res.PausedMs)
	if err != nil {
		detail += " error=" + err.Error()
	}
	return res, h.closeIntent(intent, outcome, detail, err)
}

// migrate runs steps 2 to 5 and returns the intent's outcome ("done",
// "failed"), or "" when it is undecided.
func (h *Host) migrate(ctx context.Context, e *entry, target string, generation uint64, dest Destination) (qmp.Result, string, error) {
	var res qmp.Result
	id := e.vm.ID()
	bg := context.WithoutCancel(ctx)
	if err := dest.Hooks.PrepareTarget(ctx, id); err != nil {
		return res, "failed", errors.Join(fmt.Errorf("prepare target: %w", err), h.abortTarget(bg, dest, id))
	}
	moved := e.vm
	moved.Generation = generation
	inc, err := dest.Receiver.Receive(ctx, moved, h.cfg.Name)
	if err != nil {
		return res, "failed", errors.Join(fmt.Errorf("start destination: %w", err), h.abortTarget(bg, dest, id))
	}
	opt := h.cfg.Migrate
	opt.URI, opt.ListenURI = inc.URI(), ""
	opt.KillDestination = inc.Kill
	opt.StopSource = func(ctx context.Context) error { return e.q.Stop(ctx, 0) }
	opt.BlockDevices = e.vm.Spec.DiskIDs()
	opt.KeepSource = false // never two copies: the source goes after switchover
	if opt.Logger == nil {
		opt.Logger = h.log.With("vm", id, "target", target)
	}
	wasRunning := false
	if st, err := e.q.Status(ctx); err == nil {
		wasRunning = st.Running
	}
	res, err = qmp.Migrate(ctx, e.q.Monitor(), inc.Monitor(), opt)
	if err == nil {
		select {
		case <-inc.Exited():
			res.Status = "failed"
			err = fmt.Errorf("%w: destination QEMU exited after switchover", qmp.ErrVerify)
		default:
		}
	}
	if res.Status == "completed" && err != nil {
		// Switched over, but the source would not stop: the VM runs on
		// the target, so the source (paused, disks inactive) must go.
		kctx, cancel := context.WithTimeout(bg, 30*time.Second)
		kerr := e.q.Kill(kctx)
		cancel()
		if kerr != nil {
			return res, "", fmt.Errorf("%w: switched over, but the source QEMU could not be killed: %w (%w)", ErrUndecided, kerr, err)
		}
		h.log.Warn("source QEMU killed after switchover", "vm", id, "err", err)
		err = nil
	}
	if err == nil {
		var errs []error
		if serr := dest.Receiver.Settle(bg, id, true, fmt.Sprintf("migrated from %s", h.cfg.Name)); serr != nil {
			errs = append(errs, fmt.Errorf("settle on %s: %w", target, serr))
		}
		if herr := dest.Hooks.AfterSwitchover(bg, id); herr != nil {
			errs = append(errs, fmt.Errorf("after switchover: %w", herr))
		}
		h.mu.Lock()
		if h.vms[id] == e {
			delete(h.vms, id)
		}
		h.mu.Unlock()
		e.q.Close()
		if derr := h.cfg.Store.DeleteVM(id); derr != nil {
			errs = append(errs, fmt.Errorf("delete record: %w", derr))
		}
		if len(errs) > 0 {
			return res, "done", fmt.Errorf("completed, but: %w", errors.Join(errs...))
		}
		return res, "done", nil
	}
	if res.Postcopy {
		// Post-copy gave up rollback: the VM's memory is split between
		// the two QEMUs. Keep both; Resume decides by which side runs.
		return res, "", fmt.Errorf("%w: post-copy did not complete: %w", ErrUndecided, err)
	}
	// Failed before switchover: the destination goes (qmp.Migrate killed
	// it already unless that failed), then the source must run.
	errs := []error{err}
	if serr := dest.Receiver.Settle(bg, id, false, "migration failed: "+err.Error()); serr != nil {
		if errors.Is(err, qmp.ErrBothStopped) {
			return res, "", fmt.Errorf("%w: the destination could not be discarded: %w (%w)", ErrUndecided, serr, err)
		}
		// qmp.Migrate fell back to the source: the destination was
		// confirmed gone, or never held the whole VM (the source's own
		// account of a pre-copy that failed before completion), so it can
		// never run it. Its host, unreachable now (dead, or cut off),
		// discards it when its agent next resumes. The VM runs on here.
		h.log.Warn("migration failed and its destination could not be discarded; it never held the whole VM: the source runs on", "vm", id, "target", target, "err", serr)
		errs = append(errs, fmt.Errorf("settle on %s: %w", target, serr))
	}
	if herr := dest.Hooks.AbortTarget(bg, id); herr != nil {
		errs = append(errs, fmt.Errorf("abort target: %w", herr))
	}
	if rerr := h.resumeSource(bg, e, wasRunning); rerr != nil {
		errs = append(errs, rerr)
	}
	return res, "failed", errors.Join(errs...)
}

// abortTarget removes the taps prepared on the target after a migration
// that did not get as far as qmp.Migrate.
func (h *Host) abortTarget(ctx context.Context, dest Destination, id string) error {
	if err := dest.Hooks.AbortTarget(ctx, id); err != nil {
		return fmt.Errorf("abort target: %w", err)
	}
	return nil
}

// resumeSource makes the source run again after a failed migration whose
// destination is confirmed gone, if it was running before and QEMU left it
// paused (a failed switchover, a kill that qmp could not confirm).
func (h *Host) resumeSource(ctx context.Context, e *entry, wasRunning bool) error {
	select {
	case <-e.q.Exited():
		return fmt.Errorf("the source QEMU ended during the migration (%s)", e.q.Exit().Reason)
	default:
	}
	c, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	st, err := e.q.Status(c)
	if err != nil {
		return fmt.Errorf("source status: %w", err)
	}
	if wasRunning && !st.Running {
		switch st.Status {
		case "paused", "postmigrate", "finish-migrate":
			if err := e.q.Monitor().Run(c, "cont", nil, nil); err != nil {
				return fmt.Errorf("resume source: %w", err)
			}
		}
	}
	return nil
}

// Receive starts vm's destination QEMU here (taps already plugged by the
// source's PrepareTarget), listening on Config.MigrationIP, after writing a
// start intent (action "incoming", host: the source). Settle closes it.
func (h *Host) Receive(ctx context.Context, vm VM, from string) (Incoming, error) {
	if err := vm.Validate(); err != nil {
		return nil, fmt.Errorf("receive: %w", err)
	}
	id := vm.ID()
	if h.cfg.MigrationIP == "" {
		return nil, fmt.Errorf("receive vm %s: this host has no migration address (Config.MigrationIP)", id)
	}
	if err := h.claim(id, "receive"); err != nil {
		return nil, err
	}
	defer h.release(id)
	if e := h.entry(id); e != nil && e.state == Running {
		return nil, fmt.Errorf("receive vm %s: %w (generation %d)", id, ErrRunning, e.vm.Generation)
	}
	if err := h.checkGeneration(id, vm.Generation); err != nil {
		return nil, fmt.Errorf("receive %w", err)
	}
	port, err := h.takePort()
	if err != nil {
		return nil, fmt.Errorf("receive vm %s: %w", id, err)
	}
	intent, err := h.cfg.Store.OpenIntent(store.Intent{Kind: store.IntentStart, Action: "incoming", VM: id, Host: from, Target: h.cfg.Name, Generation: vm.Generation})
	if err != nil {
		h.freePort(port)
		return nil, fmt.Errorf("receive vm %s: %w: %w", id, ErrIntent, err)
	}
	e, err := h.startQEMU(ctx, vm, true)
	if err != nil {
		h.freePort(port)
		err = fmt.Errorf("receive vm %s: %w", id, err)
		return nil, h.closeIntent(intent, "failed", err.Error(), err)
	}
	in := &incoming{vm: vm, q: e.q, intent: intent, port: port, uri: "tcp:" + net.JoinHostPort(h.cfg.MigrationIP, strconv.Itoa(port))}
	h.mu.Lock()
	h.incoming[id] = in
	h.mu.Unlock()
	return in, nil
}

func (h *Host) takePort() (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for p := h.cfg.MigrationPorts[0]; p <= h.cfg.MigrationPorts[1]; p++ {
		if !h.ports[p] {
			h.ports[p] = true
			return p, nil
		}
	}
	return 0, fmt.Errorf("every migration port in %d-%d is in use", h.cfg.MigrationPorts[0], h.cfg.MigrationPorts[1])
}

func (h *Host) freePort(p int) {
	h.mu.Lock()
	delete(h.ports, p)
	h.mu.Unlock()
}

// Probe reports the run state of id's QEMU here: a VM this host runs, an
// incoming one, or one found through its run directory (after a restart;
// it is then held as incoming until Settle).
func (h *Host) Probe(ctx context.Context, id string) (string, error) {
	h.mu.Lock()
	var q *qmp.VM
	if e := h.vms[id]; e != nil && e.state == Running {
		q = e.q
	} else if in := h.incoming[id]; in != nil {
		q = in.q
	}
	h.mu.Unlock()
	if q == nil {
		in, err := h.findIncoming(ctx, id)
		if errors.Is(err, ErrNotRunning) {
			return "", nil
		}
		if err != nil {
			return "", fmt.Errorf("probe vm %s: %w", id, err)
		}
		q = in.q
	}
	select {
	case <-q.Exited():
		return "", nil
	default:
	}
	st, err := q.Status(ctx)
	if err != nil {
		select {
		case <-q.Exited():
			return "", nil
		default:
		}
		return "", fmt.Errorf("probe vm %s: %w", id, err)
	}
	return st.Status, nil
}

// findIncoming attaches to id's QEMU through its run directory and holds
// it as incoming, with the open receiving intent if there is one.
func (h *Host) findIncoming(ctx context.Context, id string) (*incoming, error) {
	if err := h.claim(id, "probe"); err != nil {
		return nil, err
	}
	defer h.release(id)
	vm, q, err := h.find(ctx, id)
	if err != nil {
		return nil, err
	}
	in := &incoming{vm: vm, q: q}
	if pending, err := h.cfg.Store.OpenIntents(); err == nil {
		for _, p := range pending {
			if p.Kind == store.IntentStart && p.Action == "incoming" && p.VM == id {
				in.intent = p.ID
			}
		}
	}
	h.mu.Lock()
	h.incoming[id] = in
	h.mu.Unlock()
	return in, nil
}

// Settle commits or discards an incoming migration of id (see Receiver).
func (h *Host) Settle(ctx context.Context, id string, commit bool, detail string) error {
	h.mu.Lock()
	in := h.incoming[id]
	cur := h.vms[id]
	h.mu.Unlock()
	if in == nil && cur != nil && cur.state == Running {
		// Committed already (this host's Resume adopted it).
		if !commit {
			return fmt.Errorf("settle vm %s: refusing to discard: it runs here committed at generation %d", id, cur.vm.Generation)
		}
		return h.closeIncomingIntents(id, "done", detail)
	}
	if in == nil {
		var err error
		in, err = h.findIncoming(ctx, id)
		if errors.Is(err, ErrNotRunning) {
			if commit {
				return fmt.Errorf("settle vm %s: %w", id, ErrNotRunning)
			}
			return h.closeIncomingIntents(id, "undone", detail)
		}
		if err != nil {
			return fmt.Errorf("settle vm %s: %w", id, err)
		}
	}
	if err := h.claimIncoming(id); err != nil {
		return err
	}
	defer h.release(id)
	if !commit {
		c, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := in.q.Kill(c)
		cancel()
		if err != nil {
			return fmt.Errorf("settle vm %s: kill destination: %w", id, err)
		}
		in.q.Close()
		h.dropIncoming(in)
		if in.intent != 0 {
			return h.closeIntent(in.intent, "undone", detail, nil)
		}
		return nil
	}
	select {
	case <-in.q.Exited():
		return fmt.Errorf("settle vm %s: %w: the destination QEMU ended (%s)", id, ErrNotRunning, in.q.Exit().Reason)
	default:
	}
	e := &entry{vm: in.vm, q: in.q, started: time.Now(), state: Running}
	if err := h.record(e); err != nil {
		return fmt.Errorf("settle vm %s: record: %w", id, err)
	}
	h.dropIncoming(in)
	h.attach(e)
	if in.intent != 0 {
		return h.closeIntent(in.intent, "done", fmt.Sprintf("pid=%d generation=%d %s", e.q.PID(), e.vm.Generation, detail), nil)
	}
	return nil
}

// claimIncoming marks an incoming VM busy while it is settled.
func (h *Host) claimIncoming(id string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if other, ok := h.busy[id]; ok {
		return fmt.Errorf("settle vm %s: %w (%s)", id, ErrBusy, other)
	}
	h.busy[id] = "settle"
	return nil
}

func (h *Host) dropIncoming(in *incoming) {
	h.mu.Lock()
	if h.incoming[in.vm.ID()] == in {
		delete(h.incoming, in.vm.ID())
	}
	if in.port != 0 {
		delete(h.ports, in.port)
	}
	h.mu.Unlock()
}

// closeIncomingIntents closes the open receiving intents of id.
func (h *Host) closeIncomingIntents(id, outcome, detail string) error {
	pending, err := h.cfg.Store.OpenIntents()
	if err != nil {
		return fmt.Errorf("settle vm %s: %w", id, err)
	}
	var errs []error
	for _, p := range pending {
		if p.Kind == store.IntentStart && p.Action == "incoming" && p.VM == id {
			errs = append(errs, h.closeIntent(p.ID, outcome, detail, nil))
		}
	}
	return errors.Join(errs...)
}
