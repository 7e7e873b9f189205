// Package executor is the host side of the cluster's decisions: it watches
// this host's replica of the committed cluster state and makes the VMs
// that run here match it, through vms.Runner.
//
// Rules (DESIGN.md, invariant 1):
//   - a VM is started only when the committed state places it on this
//     host, under the generation the state gives it, while this host's own
//     view of its lease is valid, and only from a replica at least as new
//     as the commit index its last timely lease renewal carried (an older
//     replica may still show a VM that has since been placed elsewhere);
//   - every VM is stopped when the lease is not valid;
//   - a VM running here is stopped when the state, at a generation at
//     least as high as the one it runs under, places it elsewhere or
//     nowhere, or wants it stopped. One running under a higher generation
//     than the replica knows is the arriving end of a migration whose
//     handover is not committed yet: it is left alone.
//   - after migrating a VM away, the executor does not start it again
//     until the state has moved past the generation it released.
//
// Core types: Executor (Reconcile, Migrate), Report (what the leader learns
// from each renewal: the replica's applied index, the VMs running here,
// start failures) and MigrateOrder / MigrateResult (a live migration the
// leader asks of this host, the source).
//
// The executor reads no clock and starts no goroutine; the agent (or the
// simulation) calls Reconcile whenever the replica or the lease changed,
// and periodically.
package executor

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/cluster/internal/seeded"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/netfabric"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/vms"
)

// Replica is this host's replica of the committed cluster state;
// *state.State implements it.
type Replica interface {
	Index() uint64
	VM(name string) (state.VM, bool)
	VMsOn(host string) []state.VM
}

// Lease is this host's own view of its lease; *lease.Keeper implements it.
type Lease interface {
	Valid(now time.Time) bool
	// Index is the commit index the replica must reach before the
	// executor starts anything.
	Index() uint64
}

// Running is a VM running on this host, under a generation.
type Running struct {
	VM         string
	Generation uint64
}

// StartFailure is one failed start of a VM on this host.
type StartFailure struct {
	VM         string
	Generation uint64
	At         time.Time
	Err        string
}

// Report is what a host tells the leader with each lease renewal.
type Report struct {
	Host string
	// Applied is the replica's applied index when the report was made:
	// every VM the replica no longer places here, at that index, is
	// stopped and will not be started again from it.
	Applied uint64
	// LeaseValid is this host's own view of its lease.
	LeaseValid bool
	// Running lists the VMs running here, sorted by name.
	Running []Running
	// Failures are the start failures since the last report.
	Failures []StartFailure
	// Released lists the VMs this host migrated away and that the
	// replica still places here: the leader commits the handover (or, if
	// it lost track of the migration, resolves it) from these.
	Released []Released
}

// Released is a VM migrated away from this host, not yet handed over in
// the state.
type Released struct {
	VM         string
	Generation uint64
	Target     string
}

// Runs reports whether the report lists vm as running.
func (r Report) Runs(vm string) bool {
	i := sort.Search(len(r.Running), func(i int) bool { return r.Running[i].VM >= vm })
	return i < len(r.Running) && r.Running[i].VM == vm
}

// MigrateOrder asks the source host to live-migrate VM to Target. The VM
// must be at Generation on the source; it runs under Generation+1 on the
// target, and the leader commits that placement when the source reports
// success.
type MigrateOrder struct {
	VM         string
	Source     string
	Target     string
	Generation uint64
	// Index is the leader's commit index when it gave the order: the
	// source acts on it only from a replica at least this new (Ready).
	Index uint64
}

// MigrateResult is the source's answer to a MigrateOrder.
type MigrateResult struct {
	Order MigrateOrder
	// Err is empty when the VM now runs on the target under
	// Order.Generation+1 and no longer here.
	Err string
}

// Config configures an Executor.
type Config struct {
	// Host is this host's name.
	Host string
	// Runner runs this host's VMs.
	Runner vms.Runner
	// Build turns the state's VM into what the runner starts (its QEMU
	// spec and taps on this host). Default: BuildVM.
	Build func(vm state.VM) (vms.VM, error)
	// RetryAfter is the wait before starting again a VM whose start
	// failed (default 1 s).
	RetryAfter time.Duration
	// Memory keeps the VMs migrated away across a restart of the agent or
	// a reboot of the host (the agent backs it with its store). Default:
	// in this process only.
	Memory Memory
}

// Memory is what the executor must not forget across a restart: the VMs
// it migrated away whose handover the state does not show yet. Without
// it, a source that reboots before the leader commits the handover would
// start such a VM again from its replica while the target runs it.
type Memory interface {
	Released() ([]Released, error)
	SetReleased(r Released) error
	ForgetReleased(vm string) error
}

// memMemory is the default Memory: this process only.
type memMemory map[string]Released

func (m memMemory) Released() ([]Released, error) {
	out := make([]Released, 0, len(m))
	for _, r := range m {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].VM < out[j].VM })
	return out, nil
}
func (m memMemory) SetReleased(r Released) error   { m[r.VM] = r; return nil }
func (m memMemory) ForgetReleased(vm string) error { delete(m, vm); return nil }

// Executor reconciles one host's VMs with its replica. Not safe for
// concurrent use.
type Executor struct {
	cfg Config
	// released: VMs migrated away from here, by the generation they ran
	// under; they are not started again from a replica at or below it.
	released map[string]Released
	retryAt  map[string]time.Time
	failures []StartFailure
	// What the last reconcile saw, when it left nothing to do: the next
	// one with the same inputs can only come to the same.
	settled bool
	last    struct {
		index, leaseIndex uint64
		valid             bool
		report            Report
	}
}

// New returns an Executor.
func New(cfg Config) (*Executor, error) {
	if cfg.Host == "" || cfg.Runner == nil {
		return nil, errors.New("executor: Config.Host and Config.Runner are required")
	}
	if cfg.Build == nil {
		cfg.Build = BuildVM
	}
	if cfg.RetryAfter <= 0 {
		cfg.RetryAfter = time.Second
	}
	if cfg.Memory == nil {
		cfg.Memory = memMemory{}
	}
	e := &Executor{cfg: cfg, released: map[string]Released{}, retryAt: map[string]time.Time{}}
	rel, err := cfg.Memory.Released()
	if err != nil {
		return nil, fmt.Errorf("executor %s: reading the VMs migrated away: %w", cfg.Host, err)
	}
	for _, r := range rel {
		e.released[r.VM] = r
	}
	return e, nil
}

// Reconcile makes the VMs running here match the replica, at now (this
// host's clock), and returns the report for the leader. Errors of single
// VMs are in the report's failures and in the returned error; the rest was
// still done.
func (e *Executor) Reconcile(ctx context.Context, now time.Time, r Replica, l Lease) (Report, error) {
	rep := Report{Host: e.cfg.Host, Applied: r.Index(), LeaseValid: l.Valid(now)}
	list, err := e.cfg.Runner.List(ctx)
	if err != nil {
		return rep, fmt.Errorf("executor %s: list: %w", e.cfg.Host, err)
	}
	if e.settled && e.last.index == rep.Applied && e.last.leaseIndex == l.Index() && e.last.valid == rep.LeaseValid && sameRunning(list, e.last.report.Running) {
		return e.last.report, nil
	}
	var errs []error
	pending := false // something left to do later: not settled
	running := map[string]uint64{}
	for _, st := range list {
		keep := st.State == vms.Running && (rep.LeaseValid || seeded.On(seeded.KeepRunningAfterLapse)) && e.mayKeep(r, st)
		if keep {
			running[st.ID] = st.Generation
			continue
		}
		// Stopped: not owned, lease gone, or a record of a QEMU that
		// ended (Stop clears it).
		pending = true // the list changes: the next reconcile looks again
		if err := e.cfg.Runner.Stop(ctx, st.ID); err != nil && !errors.Is(err, vms.ErrNotFound) {
			errs = append(errs, fmt.Errorf("stop %s: %w", st.ID, err))
			if st.State == vms.Running {
				running[st.ID] = st.Generation // still there
			}
		}
	}
	fresh := r.Index() >= l.Index() || seeded.On(seeded.StartWithoutGeneration)
	if !fresh {
		pending = true
	}
	if rep.LeaseValid && fresh {
		for _, vm := range r.VMsOn(e.cfg.Host) {
			name := vm.Spec.Name
			if _, ok := running[name]; ok || vm.Desired != state.Running {
				continue
			}
			if rel, ok := e.released[name]; ok && vm.Generation <= rel.Generation {
				continue // migrated away; the handover is not committed yet
			}
			if now.Before(e.retryAt[name]) {
				pending = true
				continue
			}
			pending = true // the list changes: the next reconcile looks again
			if err := e.start(ctx, now, vm); err != nil {
				errs = append(errs, err)
				continue
			}
			running[name] = vm.Generation
		}
	}
	for name, rel := range e.released {
		if vm, ok := r.VM(name); !ok || vm.Generation > rel.Generation {
			if err := e.cfg.Memory.ForgetReleased(name); err != nil {
				errs = append(errs, fmt.Errorf("forget released %s: %w", name, err))
				rep.Released = append(rep.Released, rel)
				continue
			}
			delete(e.released, name)
			continue
		}
		rep.Released = append(rep.Released, rel)
	}
	sort.Slice(rep.Released, func(i, j int) bool { return rep.Released[i].VM < rep.Released[j].VM })
	rep.Running = make([]Running, 0, len(running))
	for name, g := range running {
		rep.Running = append(rep.Running, Running{VM: name, Generation: g})
	}
	sort.Slice(rep.Running, func(i, j int) bool { return rep.Running[i].VM < rep.Running[j].VM })
	rep.Failures, e.failures = e.failures, nil
	e.settled = !pending && len(errs) == 0
	e.last.index, e.last.leaseIndex, e.last.valid = rep.Applied, l.Index(), rep.LeaseValid
	e.last.report = rep
	e.last.report.Failures = nil
	return rep, errors.Join(errs...)
}

// sameRunning reports whether the runner's list shows exactly the VMs of
// running, at the same generations, all running.
func sameRunning(list []vms.Status, running []Running) bool {
	if len(list) != len(running) {
		return false
	}
	for i, st := range list {
		if st.State != vms.Running || st.ID != running[i].VM || st.Generation != running[i].Generation {
			return false
		}
	}
	return true
}

// mayKeep reports whether a VM running here may go on running, by the
// replica.
func (e *Executor) mayKeep(r Replica, st vms.Status) bool {
	vm, ok := r.VM(st.ID)
	if !ok {
		return false
	}
	if vm.Generation < st.Generation {
		return true // arriving migration, handover not yet in the replica
	}
	return vm.Owner == e.cfg.Host && vm.Desired == state.Running
}

func (e *Executor) start(ctx context.Context, now time.Time, vm state.VM) error {
	name := vm.Spec.Name
	spec, err := e.cfg.Build(vm)
	if err == nil {
		spec.Generation = vm.Generation
		_, err = e.cfg.Runner.Start(ctx, spec)
	}
	if err != nil {
		e.retryAt[name] = now.Add(e.cfg.RetryAfter)
		e.failures = append(e.failures, StartFailure{VM: name, Generation: vm.Generation, At: now, Err: err.Error()})
		return fmt.Errorf("start %s at generation %d: %w", name, vm.Generation, err)
	}
	delete(e.retryAt, name)
	return nil
}

// Ready reports whether the replica is new enough to act on order o: at
// least the order's index and the lease's. The agent holds an order until
// it is (replication may trail the order).
func (e *Executor) Ready(o MigrateOrder, r Replica, l Lease) bool {
	return r.Index() >= o.Index && r.Index() >= l.Index()
}

// Migrate carries out a migration order as the source: only while the
// lease is valid, the replica is fresh, and it places the VM here at the
// order's generation. On success the VM is remembered as released, so
// Reconcile does not start it here again before the handover is committed.
func (e *Executor) Migrate(ctx context.Context, now time.Time, o MigrateOrder, r Replica, l Lease) MigrateResult {
	res := MigrateResult{Order: o}
	fail := func(format string, a ...any) MigrateResult {
		res.Err = fmt.Sprintf(format, a...)
		return res
	}
	switch vm, ok := r.VM(o.VM); {
	case o.Source != e.cfg.Host:
		return fail("order for source %s reached %s", o.Source, e.cfg.Host)
	case !l.Valid(now):
		return fail("lease not valid on %s", e.cfg.Host)
	case !e.Ready(o, r, l):
		return fail("replica at %d, older than the order's %d or the lease's %d", r.Index(), o.Index, l.Index())
	case !ok || vm.Owner != e.cfg.Host || vm.Generation != o.Generation:
		return fail("vm %s is not %s's at generation %d here", o.VM, e.cfg.Host, o.Generation)
	}
	// Intent before action: once the VM may run on the target, this host
	// must never start it again from this generation, even after a
	// reboot.
	rel := Released{VM: o.VM, Generation: o.Generation, Target: o.Target}
	if err := e.cfg.Memory.SetReleased(rel); err != nil {
		return fail("recording the release before migrating: %v", err)
	}
	e.released[o.VM] = rel
	e.settled = false
	if _, err := e.cfg.Runner.Migrate(ctx, o.VM, o.Target, o.Generation+1); err != nil {
		if !errors.Is(err, vms.ErrUndecided) {
			// It still runs here, only here: forget the release.
			if ferr := e.cfg.Memory.ForgetReleased(o.VM); ferr == nil {
				delete(e.released, o.VM)
			}
		}
		return fail("%v", err)
	}
	return res
}

// BuildVM is the default Build: the state's spec as a QEMU spec, one tap
// per NIC named after the VM and the NIC's index, on the NIC's bridge and
// VLAN.
func BuildVM(vm state.VM) (vms.VM, error) {
	s := vm.Spec
	out := vms.VM{Generation: vm.Generation, Spec: qmp.Spec{
		Name:      s.Name,
		VCPUs:     s.VCPUs,
		MemoryMiB: int(s.MemoryMiB),
		Extra:     s.Extra,
	}}
	for _, d := range s.Disks {
		out.Spec.Disks = append(out.Spec.Disks, qmp.Disk{Path: d.Path, Format: d.Format})
	}
	for i, n := range s.NICs {
		tap := TapName(s.Name, i)
		out.Spec.NICs = append(out.Spec.NICs, qmp.NIC{MAC: n.MAC, Tap: tap})
		out.Taps = append(out.Taps, netfabric.Tap{Name: tap, VM: s.Name, Bridge: n.Bridge, VLAN: n.VLAN, MAC: n.MAC})
	}
	if err := out.Validate(); err != nil {
		return vms.VM{}, fmt.Errorf("build vm %s: %w", s.Name, err)
	}
	return out, nil
}

// TapName is the tap of a VM's NIC i: "vt" and a hash of the VM's name,
// then the index, at most 15 bytes.
func TapName(vm string, i int) string {
	var h uint32 = 2166136261
	for _, c := range []byte(vm) {
		h ^= uint32(c)
		h *= 16777619
	}
	return strings.ToLower(fmt.Sprintf("vt%08x.%d", h, i))
}
