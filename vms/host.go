package vms

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/store"
)

// Config configures a Host.
type Config struct {
	// Name is this host's name in intents and migrations. Required.
	Name string
	// RunDir holds one directory per VM (RunDir/ID: QMP sockets, serial
	// log, pidfile, QEMU's log and run.json, the VM this directory's QEMU
	// was started for). Keep it short: unix socket paths are limited to
	// 107 bytes. Required.
	RunDir string
	// Store keeps intents, VM records and audit events. Required.
	Store Store
	// Net plugs VMs' taps. Nil: VMs with NICs are refused.
	Net Net
	// QEMU says how to run QEMU (binary, logger, a command wrapper).
	QEMU qmp.Options
	// Powerdown is how long Stop lets the guest power off after an ACPI
	// powerdown before it quits QEMU (0: quit at once).
	Powerdown time.Duration
	// MigrationIP is the address incoming migrations listen on, on the
	// migration network. Needed to receive migrations.
	MigrationIP string
	// MigrationPorts is the range of TCP ports incoming migrations listen
	// on, one per migration in flight (default 49152-49215).
	MigrationPorts [2]int
	// Destinations reaches another host for a migration: its network
	// hooks and its receiving side. Needed to send migrations and to
	// resume them.
	Destinations func(host string) (Destination, error)
	// Migrate shapes every migration this host sends (URI, the kill and
	// stop functions and the block devices are filled in per migration).
	Migrate qmp.MigrateOptions
	// Logger (default slog.Default()).
	Logger *slog.Logger
}

// Host runs the VMs of this host: the real Runner. Every start, stop and
// migration is written to the store as an intent before it begins and
// closed with its outcome afterwards; Resume finishes or undoes what a
// previous run left open. QEMU runs in its own session (qmp.Start), so it
// outlives the agent; Close leaves it running. Safe for concurrent use; one
// action at a time per VM (ErrBusy).
type Host struct {
	cfg Config
	log *slog.Logger

	mu       sync.Mutex
	closed   bool
	vms      map[string]*entry
	incoming map[string]*incoming
	busy     map[string]string // id -> the action in progress
	ports    map[int]bool
}

// entry is a VM this process is attached to.
type entry struct {
	vm      VM
	q       *qmp.VM
	started time.Time
	state   State
	exit    string
}

var _ Runner = (*Host)(nil)

// New checks cfg and returns a Host attached to nothing: Resume the pending
// intents and Adopt the recorded VMs next.
func New(cfg Config) (*Host, error) {
	switch {
	case cfg.Name == "":
		return nil, errors.New("vms: Config.Name is required")
	case cfg.RunDir == "" || !filepath.IsAbs(cfg.RunDir):
		return nil, fmt.Errorf("vms: Config.RunDir %q: want an absolute directory", cfg.RunDir)
	case cfg.Store == nil:
		return nil, errors.New("vms: Config.Store is required")
	}
	if cfg.MigrationPorts == [2]int{} {
		cfg.MigrationPorts = [2]int{49152, 49215}
	}
	if p := cfg.MigrationPorts; p[0] < 1 || p[1] > 65535 || p[0] > p[1] {
		return nil, fmt.Errorf("vms: Config.MigrationPorts %d-%d: want a range within 1-65535", p[0], p[1])
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.QEMU.Logger == nil {
		cfg.QEMU.Logger = cfg.Logger
	}
	if err := os.MkdirAll(cfg.RunDir, 0o750); err != nil {
		return nil, fmt.Errorf("vms: run dir: %w", err)
	}
	return &Host{
		cfg:      cfg,
		log:      cfg.Logger.With("component", "vms", "host", cfg.Name),
		vms:      map[string]*entry{},
		incoming: map[string]*incoming{},
		busy:     map[string]string{},
		ports:    map[int]bool{},
	}, nil
}

// Name is this host's name.
func (h *Host) Name() string { return h.cfg.Name }

// Close detaches from every VM and leaves their QEMUs running (an agent
// shutting down or restarting; the next Host adopts them). Nothing is
// written to the store afterwards.
func (h *Host) Close() error {
	h.mu.Lock()
	h.closed = true
	var qs []*qmp.VM
	for _, e := range h.vms {
		qs = append(qs, e.q)
	}
	for _, in := range h.incoming {
		qs = append(qs, in.q)
	}
	h.mu.Unlock()
	for _, q := range qs {
		q.Close()
	}
	return nil
}

// claim marks id busy with action; release must follow.
func (h *Host) claim(id, action string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return fmt.Errorf("%s vm %s: host closed", action, id)
	}
	if other, ok := h.busy[id]; ok {
		return fmt.Errorf("%s vm %s: %w (%s)", action, id, ErrBusy, other)
	}
	if _, ok := h.incoming[id]; ok {
		return fmt.Errorf("%s vm %s: %w (an incoming migration)", action, id, ErrBusy)
	}
	h.busy[id] = action
	return nil
}

// release ends an action on id. A QEMU that ended during the action
// without the action removing it is noted as exited now.
func (h *Host) release(id string) {
	h.mu.Lock()
	delete(h.busy, id)
	e := h.vms[id]
	h.mu.Unlock()
	if e != nil {
		select {
		case <-e.q.Exited():
			h.noteExit(e)
		default:
		}
	}
}

func (h *Host) entry(id string) *entry {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.vms[id]
}

// attach records e as a VM this process runs and watches its end.
func (h *Host) attach(e *entry) {
	h.mu.Lock()
	h.vms[e.vm.ID()] = e
	h.mu.Unlock()
	go func() {
		<-e.q.Exited()
		h.mu.Lock()
		_, busy := h.busy[e.vm.ID()]
		h.mu.Unlock()
		if !busy { // an action in progress notes it when it ends
			h.noteExit(e)
		}
	}()
}

// noteExit records that e's QEMU ended on its own: the VM no longer runs
// here, and the audit log says how it ended.
func (h *Host) noteExit(e *entry) {
	h.mu.Lock()
	if h.closed || h.vms[e.vm.ID()] != e || e.state != Running {
		h.mu.Unlock()
		return
	}
	x := e.q.Exit()
	e.state, e.exit = Exited, x.Reason
	h.mu.Unlock()
	id := e.vm.ID()
	h.log.Warn("vm ended without being stopped", "vm", id, "reason", x.Reason, "code", x.Code, "signal", x.Signal)
	var errs []error
	if err := h.cfg.Store.DeleteVM(id); err != nil {
		errs = append(errs, err)
	}
	_, err := h.cfg.Store.Append(store.Event{Kind: "vm.exited", Subject: id,
		Message:  fmt.Sprintf("VM %s (generation %d) ended on %s: %s", id, e.vm.Generation, h.cfg.Name, x.Reason),
		Evidence: fmt.Sprintf("pid=%d reason=%s shutdown_reason=%q code=%d signal=%q", e.q.PID(), x.Reason, x.ShutdownReason, x.Code, x.Signal)})
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		h.log.Error("recording a vm's end", "vm", id, "err", errors.Join(errs...))
	}
}

// Paths are the runtime files of VM id on this host (its serial log, the
// technicians' QMP socket, ...).
func (h *Host) Paths(id string) qmp.Paths { return qmp.PathsIn(filepath.Join(h.cfg.RunDir, id)) }

func (h *Host) paths(id string) qmp.Paths { return h.Paths(id) }

// runFile is the VM a run directory's QEMU was started for.
func (h *Host) runFile(id string) string { return filepath.Join(h.cfg.RunDir, id, "run.json") }

func (h *Host) writeRun(vm VM) error {
	dir := h.paths(vm.ID()).Dir
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	b, err := json.Marshal(vm)
	if err != nil {
		return err
	}
	tmp := h.runFile(vm.ID()) + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, h.runFile(vm.ID()))
}

// readRun reads the VM a run directory was started for, checking it as a
// request would be.
func (h *Host) readRun(id string) (VM, error) {
	var vm VM
	b, err := os.ReadFile(h.runFile(id))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return vm, fmt.Errorf("vm %s: %w (no %s)", id, ErrNotFound, h.runFile(id))
		}
		return vm, err
	}
	if err := json.Unmarshal(b, &vm); err != nil {
		return vm, fmt.Errorf("vm %s: %s: %w", id, h.runFile(id), err)
	}
	if err := vm.Validate(); err != nil {
		return vm, fmt.Errorf("%s: %w", h.runFile(id), err)
	}
	if vm.ID() != id {
		return vm, fmt.Errorf("%s: names vm %q", h.runFile(id), vm.ID())
	}
	return vm, nil
}

// find attaches to id's QEMU if one runs here (by its run directory),
// without recording anything. ErrNotRunning when none runs.
func (h *Host) find(ctx context.Context, id string) (VM, *qmp.VM, error) {
	vm, err := h.readRun(id)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return vm, nil, fmt.Errorf("vm %s: %w", id, ErrNotRunning)
		}
		return vm, nil, err
	}
	q, err := qmp.Adopt(ctx, vm.Spec, h.paths(id), h.cfg.QEMU)
	if errors.Is(err, qmp.ErrNotRunning) {
		return vm, nil, fmt.Errorf("vm %s: %w", id, ErrNotRunning)
	}
	return vm, q, err
}

func (h *Host) record(e *entry) error {
	return h.cfg.Store.PutVM(store.VMRecord{
		ID: e.vm.ID(), PID: e.q.PID(), QMPSocket: e.q.Paths.QMP, SerialSocket: e.q.Paths.Serial,
		Generation: e.vm.Generation, Started: e.started,
	})
}

func (e *entry) status() Status {
	return Status{ID: e.vm.ID(), Generation: e.vm.Generation, State: e.state, PID: e.q.PID(), Started: e.started, Exit: e.exit}
}

// checkGeneration refuses gen when this host recorded a newer one for id.
func (h *Host) checkGeneration(id string, gen uint64) error {
	rec, err := h.cfg.Store.VM(id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return nil
	case err != nil:
		return fmt.Errorf("vm %s: read record: %w", id, err)
	case gen < rec.Generation:
		return fmt.Errorf("vm %s: %w: generation %d, this host recorded %d", id, ErrStaleGeneration, gen, rec.Generation)
	}
	return nil
}

// Start starts vm here: intent, taps, QEMU, record, intent closed. A
// failure after the intent undoes what was done (QEMU killed, taps
// removed) and closes the intent as failed.
func (h *Host) Start(ctx context.Context, vm VM) (Status, error) {
	if err := vm.Validate(); err != nil {
		return Status{}, fmt.Errorf("start: %w", err)
	}
	id := vm.ID()
	if len(vm.Taps) > 0 && h.cfg.Net == nil {
		return Status{}, fmt.Errorf("start vm %s: %w: it has NICs and this host has no fabric", id, ErrInvalid)
	}
	if err := h.claim(id, "start"); err != nil {
		return Status{}, err
	}
	defer h.release(id)
	if e := h.entry(id); e != nil && e.state == Running {
		return e.status(), fmt.Errorf("start vm %s: %w (generation %d, pid %d)", id, ErrRunning, e.vm.Generation, e.q.PID())
	}
	if err := h.checkGeneration(id, vm.Generation); err != nil {
		return Status{}, fmt.Errorf("start %w", err)
	}
	intent, err := h.cfg.Store.OpenIntent(store.Intent{Kind: store.IntentStart, VM: id, Target: h.cfg.Name, Generation: vm.Generation})
	if err != nil {
		return Status{}, fmt.Errorf("start vm %s: %w: %w", id, ErrIntent, err)
	}
	e, err := h.startQEMU(ctx, vm, false)
	if err == nil {
		if err = h.record(e); err != nil {
			// Never leave a QEMU running that no record names.
			err = errors.Join(fmt.Errorf("record: %w", err), h.killAndUnplug(ctx, e, true))
		}
	}
	if err != nil {
		err = fmt.Errorf("start vm %s: %w", id, err)
		return Status{}, h.closeIntent(intent, "failed", err.Error(), err)
	}
	h.attach(e)
	st := e.status()
	return st, h.closeIntent(intent, "done", fmt.Sprintf("pid=%d generation=%d", st.PID, vm.Generation), nil)
}

// startQEMU plugs vm's taps (unless incoming: the migration hooks did) and
// starts its QEMU. On failure it removes what it plugged.
func (h *Host) startQEMU(ctx context.Context, vm VM, incoming bool) (*entry, error) {
	id := vm.ID()
	// A QEMU this process is not attached to (before Adopt after a
	// restart) keeps its run directory: refuse before touching it.
	if _, q, err := h.find(ctx, id); err == nil {
		q.Close()
		return nil, fmt.Errorf("%w (pid %d, not adopted yet)", ErrRunning, q.PID())
	} else if !errors.Is(err, ErrNotRunning) {
		h.log.Warn("run directory unreadable; starting afresh", "vm", id, "err", err)
	}
	if err := h.writeRun(vm); err != nil {
		return nil, fmt.Errorf("run dir: %w", err)
	}
	plugged := false
	if len(vm.Taps) > 0 && !incoming {
		if err := h.cfg.Net.PlugVM(ctx, vm.Taps); err != nil {
			return nil, fmt.Errorf("plug taps: %w", err)
		}
		plugged = true
	}
	q, err := qmp.Start(ctx, vm.Spec, h.paths(id), incoming, h.cfg.QEMU)
	if err != nil {
		if errors.Is(err, qmp.ErrAlreadyRunning) {
			// Not ours to unplug: the QEMU that runs uses the taps.
			return nil, fmt.Errorf("%w: %w", ErrRunning, err)
		}
		if plugged {
			if uerr := h.cfg.Net.UnplugVM(context.WithoutCancel(ctx), id); uerr != nil {
				err = errors.Join(err, fmt.Errorf("unplug taps: %w", uerr))
			}
		}
		return nil, err
	}
	return &entry{vm: vm, q: q, started: time.Now(), state: Running}, nil
}

// killAndUnplug kills e's QEMU and, if unplug, removes its taps.
func (h *Host) killAndUnplug(ctx context.Context, e *entry, unplug bool) error {
	c, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	err := e.q.Kill(c)
	if unplug && h.cfg.Net != nil && len(e.vm.Taps) > 0 {
		err = errors.Join(err, h.cfg.Net.UnplugVM(c, e.vm.ID()))
	}
	return err
}

// closeIntent closes an intent and joins a failure to close it to err
// (the action's own error, or nil).
func (h *Host) closeIntent(id uint64, outcome, detail string, err error) error {
	if cerr := h.cfg.Store.CloseIntent(id, outcome, detail); cerr != nil {
		cerr = fmt.Errorf("close intent %d (%s): %w", id, outcome, cerr)
		h.log.Error("intent not closed", "intent", id, "outcome", outcome, "err", cerr)
		return errors.Join(err, cerr)
	}
	return err
}

// Adopt attaches to the VM's QEMU that runs here (found through its run
// directory: run.json, the pidfile naming a live QEMU of this VM, the QMP
// socket) and records it. A VM already attached is returned as it is.
func (h *Host) Adopt(ctx context.Context, id string) (Status, error) {
	if err := h.claim(id, "adopt"); err != nil {
		return Status{}, err
	}
	defer h.release(id)
	if e := h.entry(id); e != nil && e.state == Running {
		return e.status(), nil
	}
	e, err := h.adopt(ctx, id)
	if err != nil {
		return Status{}, fmt.Errorf("adopt %w", err)
	}
	return e.status(), nil
}

// adopt finds, records and attaches id's running QEMU.
func (h *Host) adopt(ctx context.Context, id string) (*entry, error) {
	vm, q, err := h.find(ctx, id)
	if err != nil {
		return nil, err
	}
	e := &entry{vm: vm, q: q, started: time.Now(), state: Running}
	if rec, err := h.cfg.Store.VM(id); err == nil && rec.Generation == vm.Generation && !rec.Started.IsZero() {
		e.started = rec.Started
	}
	if err := h.record(e); err != nil {
		q.Close()
		return nil, fmt.Errorf("vm %s: record: %w", id, err)
	}
	h.attach(e)
	h.log.Info("vm adopted", "vm", id, "pid", q.PID(), "generation", vm.Generation)
	if _, err := h.cfg.Store.Append(store.Event{Kind: "vm.adopted", Subject: id,
		Message:  fmt.Sprintf("VM %s (generation %d) adopted on %s", id, vm.Generation, h.cfg.Name),
		Evidence: fmt.Sprintf("pid=%d qmp=%s", q.PID(), q.Paths.QMP)}); err != nil {
		h.log.Error("audit", "err", err)
	}
	return e, nil
}

// Stop stops the VM (ACPI powerdown for Config.Powerdown, then quit, then
// SIGKILL), removes its taps and its record. A VM this host records but
// whose QEMU no longer runs is cleaned up the same way.
func (h *Host) Stop(ctx context.Context, id string) error {
	if err := h.claim(id, "stop"); err != nil {
		return err
	}
	defer h.release(id)
	e := h.entry(id)
	rec, recErr := h.cfg.Store.VM(id)
	if recErr != nil && !errors.Is(recErr, store.ErrNotFound) {
		return fmt.Errorf("stop vm %s: read record: %w", id, recErr)
	}
	var gen uint64
	switch {
	case e != nil:
		gen = e.vm.Generation
	case recErr == nil:
		gen = rec.Generation
	default:
		// Nothing recorded: stop only a QEMU the run directory names.
		vm, q, err := h.find(ctx, id)
		if errors.Is(err, ErrNotRunning) {
			return fmt.Errorf("stop vm %s: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("stop vm %s: %w", id, err)
		}
		q.Close()
		gen = vm.Generation
	}
	intent, err := h.cfg.Store.OpenIntent(store.Intent{Kind: store.IntentStop, VM: id, Host: h.cfg.Name, Generation: gen})
	if err != nil {
		return fmt.Errorf("stop vm %s: %w: %w", id, ErrIntent, err)
	}
	detail, err := h.stop(ctx, id, e)
	if err != nil {
		err = fmt.Errorf("stop vm %s: %w", id, err)
		return h.closeIntent(intent, "failed", err.Error(), err)
	}
	return h.closeIntent(intent, "done", detail, nil)
}

// stop ends id's QEMU (e, or one found through the run directory), then
// removes its taps, its record and its entry.
func (h *Host) stop(ctx context.Context, id string, e *entry) (string, error) {
	var q *qmp.VM
	if e != nil {
		q = e.q
	} else {
		_, found, err := h.find(ctx, id)
		switch {
		case errors.Is(err, ErrNotRunning):
		case err != nil:
			return "", err
		default:
			q = found
		}
	}
	detail := "not running"
	if q != nil {
		select {
		case <-q.Exited():
			detail = "had ended: " + q.Exit().Reason
		default:
			if err := q.Stop(ctx, h.cfg.Powerdown); err != nil {
				return "", err
			}
			detail = fmt.Sprintf("pid %d stopped", q.PID())
		}
		q.Close()
	}
	var errs []error
	if h.cfg.Net != nil {
		if err := h.cfg.Net.UnplugVM(ctx, id); err != nil {
			errs = append(errs, fmt.Errorf("unplug taps: %w", err))
		}
	}
	if err := h.cfg.Store.DeleteVM(id); err != nil {
		errs = append(errs, fmt.Errorf("delete record: %w", err))
	}
	h.mu.Lock()
	if h.vms[id] == e {
		delete(h.vms, id)
	}
	h.mu.Unlock()
	return detail, errors.Join(errs...)
}

// List reports the VMs this process is attached to and those the store
// records that it is not (Detached), ordered by id.
func (h *Host) List(ctx context.Context) ([]Status, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	recs, err := h.cfg.Store.VMs()
	if err != nil {
		return nil, fmt.Errorf("list vms: %w", err)
	}
	h.mu.Lock()
	out := make([]Status, 0, len(h.vms)+len(recs))
	for _, e := range h.vms {
		out = append(out, e.status())
	}
	for _, r := range recs {
		if _, ok := h.vms[r.ID]; !ok {
			out = append(out, Status{ID: r.ID, Generation: r.Generation, State: Detached, PID: r.PID, Started: r.Started})
		}
	}
	h.mu.Unlock()
	slices.SortFunc(out, func(a, b Status) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}
