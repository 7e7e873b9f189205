package clusterhost

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/peerapi"
	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/cluster/state"
)

// opTimeout bounds one operation asked through the local API.
const opTimeout = 15 * time.Second

// Operate implements peerapi.Operator: the leader's planner carries out a
// person's request, from any host.
func (h *Host) Operate(ctx context.Context, now time.Time, peer string, op peerapi.Operation) (peerapi.OperationReply, error) {
	h.lead.mu.Lock()
	defer h.lead.mu.Unlock()
	defer h.lead.publish() // plannerLocked may have changed the leadership
	p := h.plannerLocked(now)
	if p == nil {
		return peerapi.OperationReply{}, replica.ErrNotLeader
	}
	reply := func(msg string) (peerapi.OperationReply, error) {
		return peerapi.OperationReply{Message: msg, Index: h.node.State().Index()}, nil
	}
	switch op.Kind {
	case peerapi.OpCreate:
		if op.Spec == nil {
			return peerapi.OperationReply{}, fmt.Errorf("%w: create without a spec", peerapi.ErrBadRequest)
		}
		if err := p.Admit(now, *op.Spec); err != nil {
			return peerapi.OperationReply{}, err
		}
		if _, err := h.node.Apply(ctx, &state.CreateVM{Spec: *op.Spec, Desired: state.Running}); err != nil {
			return peerapi.OperationReply{}, err
		}
		h.record(agent.Event{Kind: "created", VM: op.Spec.Name, Host: peer, Message: fmt.Sprintf("%s created by a request on %s (%d vCPUs, %d MiB, priority %d)",
			op.Spec.Name, peer, op.Spec.VCPUs, op.Spec.MemoryMiB, op.Spec.HA.Priority), Evidence: map[string]any{"leader": h.name, "requested_on": peer}})
		return reply("created " + op.Spec.Name)
	case peerapi.OpDrain:
		if err := p.Drain(ctx, now, op.Host); err != nil {
			return peerapi.OperationReply{}, err
		}
		return reply("draining " + op.Host)
	case peerapi.OpReadmit:
		if err := p.Readmit(ctx, now, op.Host); err != nil {
			return peerapi.OperationReply{}, err
		}
		return reply("readmitted " + op.Host)
	case peerapi.OpMigrate:
		if err := p.MigrateTo(ctx, now, op.VM, op.To); err != nil {
			return peerapi.OperationReply{}, err
		}
		return reply(fmt.Sprintf("migrating %s to %s", op.VM, op.To))
	case peerapi.OpHold:
		if op.Host != peer {
			return peerapi.OperationReply{}, fmt.Errorf("%w: %s may not ask a hold for %s", peerapi.ErrForbidden, peer, op.Host)
		}
		until := now.Add(h.timing.Lease.TTL)
		h.lead.held[op.Host] = until
		h.record(agent.Event{Kind: "agent-restart", Host: op.Host, Message: fmt.Sprintf("%s's agent restarts: not taken for dead before its lease deadline (%s)", op.Host, until.Format("15:04:05.000")),
			Evidence: map[string]any{"leader": h.name, "hold_until": until}})
		return reply("holding " + op.Host)
	}
	return peerapi.OperationReply{}, fmt.Errorf("%w: operation %q", peerapi.ErrBadRequest, op.Kind)
}

// classify gives an error of the cluster the local API's class.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var class error
	switch {
	case errors.Is(err, state.ErrNotFound):
		class = localapi.ErrNotFound
	case errors.Is(err, state.ErrInvalid), errors.Is(err, state.ErrMalformed), errors.Is(err, peerapi.ErrBadRequest):
		class = localapi.ErrInvalid
	case errors.Is(err, state.ErrExists), errors.Is(err, state.ErrDuplicateMAC), errors.Is(err, state.ErrTransition),
		errors.Is(err, state.ErrVMPlaced), errors.Is(err, state.ErrHostOwnsVMs), errors.Is(err, state.ErrHostNotPlaceable),
		errors.Is(err, peerapi.ErrRefused), errors.Is(err, peerapi.ErrForbidden):
		class = localapi.ErrConflict
	default:
		return fmt.Errorf("%w: %w", localapi.ErrUnavailable, err)
	}
	return fmt.Errorf("%w: %w", class, err)
}

// whenReady waits until Run has opened the replica.
func (h *Host) whenReady(ctx context.Context) error {
	select {
	case <-h.ready:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%w: the cluster member is still starting", localapi.ErrUnavailable)
	}
}

// ListVMs implements localapi.Operations from this host's replica.
func (h *Host) ListVMs(ctx context.Context) ([]localapi.VM, error) {
	if err := h.whenReady(ctx); err != nil {
		return nil, err
	}
	out := []localapi.VM{}
	for _, vm := range h.node.State().VMs() {
		out = append(out, h.vmView(vm))
	}
	return out, nil
}

// ShowVM implements localapi.Operations from this host's replica.
func (h *Host) ShowVM(ctx context.Context, name string) (localapi.VMDetail, error) {
	if err := h.whenReady(ctx); err != nil {
		return localapi.VMDetail{}, err
	}
	vm, ok := h.node.State().VM(name)
	if !ok {
		return localapi.VMDetail{}, fmt.Errorf("vm %q: %w", name, localapi.ErrNotFound)
	}
	d := localapi.VMDetail{VM: h.vmView(vm), Desired: string(vm.Desired), Spec: vm.Spec}
	if d.State == "held" {
		d.Reason = fmt.Sprintf("held until %s: %s", vm.Hold.Until.UTC().Format(time.RFC3339), vm.Hold.Reason)
	}
	return d, nil
}

// CreateVM implements localapi.Operations: the leader checks admission
// control and creates the VM; the planner places it.
func (h *Host) CreateVM(ctx context.Context, spec state.VMSpec) (localapi.VMDetail, error) {
	if err := h.whenReady(ctx); err != nil {
		return localapi.VMDetail{}, err
	}
	if _, err := state.Encode(&state.CreateVM{Spec: spec, Desired: state.Running}); err != nil {
		return localapi.VMDetail{}, classify(err)
	}
	ctx, cancel := context.WithTimeout(ctx, opTimeout)
	defer cancel()
	if _, err := h.fwd.Operate(ctx, peerapi.Operation{Kind: peerapi.OpCreate, Spec: &spec}); err != nil {
		return localapi.VMDetail{}, classify(err)
	}
	return h.waitVM(ctx, spec.Name)
}

// waitVM shows a VM once this host's replica has it.
func (h *Host) waitVM(ctx context.Context, name string) (localapi.VMDetail, error) {
	for {
		if d, err := h.ShowVM(ctx, name); err == nil || ctx.Err() != nil {
			return d, err
		}
		if err := sleep(ctx, 20*time.Millisecond); err != nil {
			return localapi.VMDetail{}, fmt.Errorf("%w: %s applied at the leader, not here yet", localapi.ErrUnavailable, name)
		}
	}
}

// StartVM implements localapi.Operations.
func (h *Host) StartVM(ctx context.Context, name string) (localapi.VMDetail, error) {
	return h.setDesired(ctx, name, state.Running)
}

// StopVM implements localapi.Operations.
func (h *Host) StopVM(ctx context.Context, name string) (localapi.VMDetail, error) {
	return h.setDesired(ctx, name, state.Stopped)
}

func (h *Host) setDesired(ctx context.Context, name string, d state.Desired) (localapi.VMDetail, error) {
	if err := h.whenReady(ctx); err != nil {
		return localapi.VMDetail{}, err
	}
	vm, ok := h.node.State().VM(name)
	if !ok {
		return localapi.VMDetail{}, fmt.Errorf("vm %q: %w", name, localapi.ErrNotFound)
	}
	ctx, cancel := context.WithTimeout(ctx, opTimeout)
	defer cancel()
	if vm.Desired != d {
		res, err := h.fwd.Apply(ctx, &state.UpdateVM{Spec: vm.Spec, Desired: d})
		if err != nil {
			return localapi.VMDetail{}, classify(err)
		}
		for h.node.State().Index() < res.Index {
			if err := sleep(ctx, 20*time.Millisecond); err != nil {
				break
			}
		}
	}
	return h.ShowVM(ctx, name)
}

// MigrateVM implements localapi.Operations.
func (h *Host) MigrateVM(ctx context.Context, name, to string) (localapi.VMDetail, error) {
	if err := h.whenReady(ctx); err != nil {
		return localapi.VMDetail{}, err
	}
	if _, ok := h.node.State().VM(name); !ok {
		return localapi.VMDetail{}, fmt.Errorf("vm %q: %w", name, localapi.ErrNotFound)
	}
	if _, ok := h.node.State().Host(to); !ok {
		return localapi.VMDetail{}, fmt.Errorf("host %q: %w", to, localapi.ErrNotFound)
	}
	ctx, cancel := context.WithTimeout(ctx, opTimeout)
	defer cancel()
	if _, err := h.fwd.Operate(ctx, peerapi.Operation{Kind: peerapi.OpMigrate, VM: name, To: to}); err != nil {
		return localapi.VMDetail{}, classify(err)
	}
	return h.ShowVM(ctx, name)
}

// ShowHost implements localapi.Operations.
func (h *Host) ShowHost(ctx context.Context, name string) (localapi.HostDetail, error) {
	if err := h.whenReady(ctx); err != nil {
		return localapi.HostDetail{}, err
	}
	st := h.node.State()
	hs, ok := st.Host(name)
	if !ok {
		return localapi.HostDetail{}, fmt.Errorf("host %q: %w", name, localapi.ErrNotFound)
	}
	d := localapi.HostDetail{HostStatus: h.hostView(hs, len(st.VMsOn(name)), time.Now()), Reason: hs.Reason, BootID: hs.BootID, Addresses: hs.Addresses,
		Capacity: hs.Capacity, BMC: hs.BMC, WatchdogArmed: hs.WatchdogArmed, VMNames: []string{}}
	if ls, ok := st.Lease(name); ok {
		d.Lease = &ls
	}
	for _, vm := range st.VMsOn(name) {
		d.VMNames = append(d.VMNames, vm.Spec.Name)
	}
	sctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	if servers, err := h.node.Servers(sctx); err == nil {
		for _, s := range servers {
			if s.ID == name {
				v := s.Voter
				d.Voter = &v
			}
		}
	}
	return d, nil
}

// DrainHost implements localapi.Operations through the leader's planner.
func (h *Host) DrainHost(ctx context.Context, name string) (localapi.HostDetail, error) {
	return h.hostOp(ctx, peerapi.OpDrain, name)
}

// ReadmitHost implements localapi.Operations through the leader's planner.
func (h *Host) ReadmitHost(ctx context.Context, name string) (localapi.HostDetail, error) {
	return h.hostOp(ctx, peerapi.OpReadmit, name)
}

func (h *Host) hostOp(ctx context.Context, kind, name string) (localapi.HostDetail, error) {
	if err := h.whenReady(ctx); err != nil {
		return localapi.HostDetail{}, err
	}
	if _, ok := h.node.State().Host(name); !ok {
		return localapi.HostDetail{}, fmt.Errorf("host %q: %w", name, localapi.ErrNotFound)
	}
	ctx, cancel := context.WithTimeout(ctx, opTimeout)
	defer cancel()
	reply, err := h.fwd.Operate(ctx, peerapi.Operation{Kind: kind, Host: name})
	if err != nil {
		return localapi.HostDetail{}, classify(err)
	}
	for h.node.State().Index() < reply.Index {
		if err := sleep(ctx, 20*time.Millisecond); err != nil {
			break
		}
	}
	return h.ShowHost(ctx, name)
}

// Status implements agent.Cluster: the cluster as this host's replica
// shows it, with what this host knows besides (the leader: every host's
// renewals and reports; any host: its own VMs).
func (h *Host) Status(ctx context.Context) (localapi.Status, error) {
	name := h.cfg.Cluster.Name
	out := localapi.Status{Cluster: &name, Hosts: []localapi.HostStatus{}, VMs: []localapi.VMStatus{}}
	select {
	case <-h.ready:
	default:
		return out, nil // starting: no replica yet
	}
	if id, _ := h.node.Leader(); id != "" {
		out.Leader, out.Quorum = &id, true
	}
	now := time.Now()
	st := h.node.State()
	for _, hs := range st.Hosts() {
		out.Hosts = append(out.Hosts, h.hostView(hs, len(st.VMsOn(hs.Name)), now))
	}
	for _, vm := range st.VMs() {
		v := h.vmView(vm)
		out.VMs = append(out.VMs, localapi.VMStatus{Name: v.Name, Host: v.Host, State: v.State, Generation: v.Generation, Priority: v.Priority})
	}
	out.Fences = fenceHistory(st.Fences())
	return out, nil
}

// fenceHistory is the status's fence records: the latest of the state's.
func fenceHistory(fs []state.FenceRecord) []localapi.Fence {
	fs = fs[max(0, len(fs)-localapi.MaxStatusFences):]
	out := make([]localapi.Fence, 0, len(fs))
	for _, f := range fs {
		lf := localapi.Fence{ID: f.ID, Target: f.Target, By: f.By, Method: f.Method, Evidence: f.Evidence, Started: f.Started,
			Confirmed: f.Confirmed, Confirmation: f.Confirmation}
		if !f.ConfirmedAt.IsZero() {
			at := f.ConfirmedAt
			lf.ConfirmedAt = &at
		}
		out = append(out, lf)
	}
	return out
}

// hostView is one host, with vms placed on it, in the status. It reads
// the leader's published view, never waiting on the planner's tick.
func (h *Host) hostView(hs state.Host, vms int, now time.Time) localapi.HostStatus {
	out := localapi.HostStatus{Name: hs.Name, State: string(hs.State), Risk: "none", VMs: vms}
	leading, last, heard, hl, known := h.lead.view.hostLead(hs.Name)
	switch {
	case hs.Name == h.name:
		ms := int64(0)
		out.LastSeenMS = &ms
	case leading && heard:
		ms := now.Sub(last).Milliseconds()
		out.LastSeenMS = &ms
	}
	if known && leading {
		switch {
		case hl.Imminent:
			out.Risk = "imminent"
		case hl.ETA > 0:
			out.Risk = "high"
		case hl.RedundancyLost:
			out.Risk = "low"
		}
	}
	return out
}

// vmView is one VM as the local API shows it; its state from the
// replica, and, where this host knows, from what runs.
func (h *Host) vmView(vm state.VM) localapi.VM {
	out := localapi.VM{Name: vm.Spec.Name, Host: vm.Owner, Generation: vm.Generation, Priority: vm.Spec.HA.Priority,
		MemoryMiB: vm.Spec.MemoryMiB, VCPUs: vm.Spec.VCPUs}
	switch {
	case vm.Desired == state.Stopped && vm.Owner == "":
		out.State = "stopped"
	case vm.Owner == "" && vm.Hold != nil && time.Now().Before(vm.Hold.Until):
		out.State = "held"
	case vm.Owner == "":
		out.State = "recovering"
	default:
		out.State = h.runState(vm)
	}
	return out
}

// runState says whether a placed VM runs where it is placed, as far as
// this host knows: its own VMs from its executor, every host's from the
// reports the leader last published (leadView). Without either it goes by
// the desired state.
func (h *Host) runState(vm state.VM) string {
	known, runs := false, false
	match := func(rs []executor.Running) {
		known = true
		runs = slices.ContainsFunc(rs, func(r executor.Running) bool { return r.VM == vm.Spec.Name && r.Generation == vm.Generation })
	}
	if vm.Owner == h.name {
		h.exec.mu.Lock()
		match(h.exec.report.Running)
		h.exec.mu.Unlock()
	} else {
		if rs, ok := h.lead.view.hostRunning(vm.Owner); ok {
			match(rs)
		}
	}
	switch {
	case runs || !known && vm.Desired == state.Running:
		return "running"
	case vm.Desired == state.Stopped:
		return "stopped"
	}
	return "starting"
}
