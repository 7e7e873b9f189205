package clusterhost

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/lease"
	"github.com/vigil-ha/vigil/cluster/peerapi"
	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/fencing"
	fencingipmi "github.com/vigil-ha/vigil/fencing/ipmi"
	fencingredfish "github.com/vigil-ha/vigil/fencing/redfish"
)

// leaderState is what this host keeps while it leads: one planner per
// term of leadership, and what it heard from the hosts.
type leaderState struct {
	mu sync.Mutex
	// base is the context of the leader loop; fences of a leadership end
	// with it or with the leadership.
	base   context.Context
	p      *planner.Planner
	term   uint64
	gen    uint64 // incarnations of the planner
	cancel context.CancelFunc

	lastRenew map[string]time.Time
	suspect   map[string]bool
	member    map[string]planner.Member
	reports   map[string]executor.Report
	health    map[string]planner.Health
	// held: hosts whose agent announced a restart, until when their
	// silence is not taken for death (their lease deadline still is).
	held map[string]time.Time

	// view is what the technician's reads need of the above, published
	// under its own lock (leadView).
	view leadView
}

// leadView is the copy of the leader's state that status, host show, vm
// list, the TUI and the metrics read, so that they never wait on lead.mu:
// the planner's tick holds lead.mu across raft commits, up to 10 s when
// raft cannot commit (a leader losing its quorum).
//
// How stale: renewals and the tick publish what they change before they
// let go of lead.mu (a change of leadership at the latest at the end of
// the next tick), so readers see the leader's state as of the last
// finished renewal or tick, at most one tick old (LeaderTick: 100 ms in
// the lab profile). While a tick waits on raft the view keeps the state
// from before it; renewals wait on lead.mu then too, so nothing newer
// exists.
type leadView struct {
	mu sync.Mutex
	// leading: a planner runs (leaderState.p != nil); gen: its
	// incarnation when last published.
	leading   bool
	gen       uint64
	lastRenew map[string]time.Time
	health    map[string]planner.Health
	// running: every host's running VMs from its last report.
	running map[string][]executor.Running
}

// publish copies into the view what the readers need: the entries of
// hosts, or everything when the leadership changed since the last copy
// (a full copy of 300 hosts takes about 0.2 ms, one host's 0.2 µs). Call
// with l.mu held.
func (l *leaderState) publish(hosts ...string) {
	v := &l.view
	v.mu.Lock()
	defer v.mu.Unlock()
	if l.p == nil { // readers look at the maps only while this host leads
		v.leading, v.gen = false, l.gen
		return
	}
	if !v.leading || l.gen != v.gen {
		v.leading, v.gen = true, l.gen
		v.lastRenew, v.health, v.running = maps.Clone(l.lastRenew), maps.Clone(l.health), make(map[string][]executor.Running, len(l.reports))
		for h, r := range l.reports {
			v.running[h] = r.Running
		}
		return
	}
	for _, host := range hosts {
		copyEntry(v.lastRenew, l.lastRenew, host)
		copyEntry(v.health, l.health, host)
		if r, ok := l.reports[host]; ok {
			v.running[host] = r.Running
		} else {
			delete(v.running, host)
		}
	}
}

func copyEntry[V any](dst, src map[string]V, key string) {
	if x, ok := src[key]; ok {
		dst[key] = x
	} else {
		delete(dst, key)
	}
}

// hostLead is what the view says of host: whether this host leads, when
// it last heard host's renewal and its health (heard, known: whether
// it has).
func (v *leadView) hostLead(host string) (leading bool, last time.Time, heard bool, hl planner.Health, known bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	last, heard = v.lastRenew[host]
	hl, known = v.health[host]
	return v.leading, last, heard, hl, known
}

// hostRunning is host's running VMs from its last report, if this host
// leads and has one.
func (v *leadView) hostRunning(host string) ([]executor.Running, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	rs, ok := v.running[host]
	return rs, ok && v.leading
}

// allRunning is every host's running VMs from their last reports, empty
// when this host does not lead. The map is the caller's.
func (v *leadView) allRunning() map[string][]executor.Running {
	v.mu.Lock()
	defer v.mu.Unlock()
	if !v.leading {
		return map[string][]executor.Running{}
	}
	return maps.Clone(v.running)
}

func (l *leaderState) init() {
	l.lastRenew = map[string]time.Time{}
	l.suspect = map[string]bool{}
	l.member = map[string]planner.Member{}
	l.reports = map[string]executor.Report{}
	l.health = map[string]planner.Health{}
	l.held = map[string]time.Time{}
}

// stop ends the leadership's fences (the agent stops).
func (l *leaderState) stop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cancel != nil {
		l.cancel()
	}
	l.p, l.cancel, l.base = nil, nil, nil
	l.publish()
}

// plannerLocked returns the planner of the current leadership, starting
// one (every timer armed afresh) when this host has just become leader or
// the term changed, or nil when it does not lead. Call with lead.mu held.
func (h *Host) plannerLocked(now time.Time) *planner.Planner {
	l := &h.lead
	if l.base == nil || !h.node.IsLeader() {
		if l.p != nil {
			h.log.Info("leadership lost: planner stopped")
			l.cancel()
			l.p, l.cancel = nil, nil
		}
		return nil
	}
	term := h.node.Term()
	if l.p != nil && l.term == term {
		return l.p
	}
	if l.p != nil {
		l.cancel()
	}
	l.gen++
	gen := l.gen
	ctx, cancel := context.WithCancel(l.base)
	fm := &planner.FenceManager{
		Manager: h.fences, Levels: h.fenceLevels, Context: ctx,
		Done: func(out planner.FenceOutcome) { h.fenceDone(gen, out) },
		Sent: func(target string, id uint64) { h.fenceSent(gen, target, id) },
	}
	cfg := planner.Config{Self: h.name, Lease: h.timing.Lease, HeartbeatStale: h.timing.HeartbeatStale(), MassFenceWindow: h.timing.MassFenceWindow,
		MigrateRetry: h.timing.MigrateRetry, Events: func(e planner.Event) { h.plannerEvent(e, term) }}
	p, err := planner.New(cfg, h.node.State(), proposer{h.node}, fm, mover{h: h, gen: gen})
	if err != nil {
		cancel()
		h.log.Error("planner", "err", err)
		return nil
	}
	l.p, l.term, l.cancel = p, term, cancel
	clear(l.suspect)
	clear(l.member)
	for _, hs := range h.node.State().Hosts() {
		l.lastRenew[hs.Name] = now
	}
	p.Start(now)
	for _, hl := range l.health {
		p.Health(now, hl)
	}
	return p
}

// leaderLoop runs the planner's timers while this host leads, until ctx
// ends.
func (h *Host) leaderLoop(ctx context.Context) {
	h.lead.mu.Lock()
	h.lead.base = ctx
	h.lead.mu.Unlock()
	members := h.opts.Membership
	switch {
	case members != nil:
	case h.gossip != nil:
		members = h.gossip
	default:
		pr := newProber(h)
		go pr.run(ctx)
		members = pr
	}
	power := newPowerOpinions(h)
	tick := time.NewTicker(h.timing.LeaderTick)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now := time.Now()
		h.lead.mu.Lock()
		if p := h.plannerLocked(now); p != nil {
			obs := h.holdObservations(now, members.Observations(now))
			power.annotate(ctx, obs)
			if h.beat != nil {
				h.beat.annotate(obs)
			}
			h.noteMembers(now, obs)
			p.Observe(now, obs)
			h.checkSuspects(now)
			tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			p.Tick(tctx, now)
			cancel()
		}
		h.lead.publish() // a change of leadership
		h.lead.mu.Unlock()
	}
}

// holdObservations reports a host whose agent announced its restart as
// alive until its hold ends: an agent restart is no reason to fence. Its
// lease deadline still is. Call with lead.mu held.
func (h *Host) holdObservations(now time.Time, obs []planner.Observation) []planner.Observation {
	l := &h.lead
	for host, until := range l.held {
		if !now.Before(until) {
			delete(l.held, host)
		}
	}
	for i, o := range obs {
		if _, ok := l.held[o.Host]; ok && o.Member != planner.MemberAlive {
			obs[i].Member, obs[i].Since = planner.MemberAlive, now
		}
	}
	return obs
}

// checkSuspects records a host whose renewals stopped as suspect, once
// per silence. Call with lead.mu held.
func (h *Host) checkSuspects(now time.Time) {
	l := &h.lead
	lc := h.timing.Lease
	for _, hs := range h.node.State().Hosts() {
		switch hs.State {
		case state.Healthy, state.Degraded, state.Maintenance:
		default:
			continue
		}
		if _, held := l.held[hs.Name]; held {
			continue
		}
		last, ok := l.lastRenew[hs.Name]
		if !ok {
			l.lastRenew[hs.Name] = now
			l.publish(hs.Name)
			continue
		}
		if silent := now.Sub(last); silent > 2*lc.RenewInterval+lc.MaxRenewalRTT && !l.suspect[hs.Name] {
			l.suspect[hs.Name] = true
			h.record(agent.Event{Kind: "suspect", Host: hs.Name, Message: fmt.Sprintf("%s: no lease renewal for %v (every %v expected)", hs.Name, silent.Round(time.Millisecond), lc.RenewInterval),
				Evidence: map[string]any{"last_renewal": last, "leader": h.name, "lease_ttl_seconds": lc.TTL.Seconds()}})
		}
	}
}

// noteMembers records the membership's suspicion of a host once per
// change. Call with lead.mu held.
func (h *Host) noteMembers(now time.Time, obs []planner.Observation) {
	l := &h.lead
	for _, o := range obs {
		was := l.member[o.Host]
		l.member[o.Host] = o.Member
		if _, held := l.held[o.Host]; was == o.Member || o.Host == h.name || held {
			continue
		}
		if (o.Member == planner.MemberSuspect || o.Member == planner.MemberDead) && !l.suspect[o.Host] {
			l.suspect[o.Host] = true
			h.record(agent.Event{Kind: "suspect", Host: o.Host, Message: fmt.Sprintf("%s does not answer probes (%s since %s)", o.Host, o.Member, o.Since.Format("15:04:05.000")),
				Evidence: map[string]any{"member": o.Member.String(), "since": o.Since, "leader": h.name}})
		}
	}
}

// plannerEvent records one of the planner's events, marked with the leader
// and the raft term of the leadership that decided it (a checker tells a
// deposed leader's late decisions by it). The planner calls it
// with lead.mu held.
func (h *Host) plannerEvent(e planner.Event, term uint64) {
	kind := strings.ReplaceAll(e.Kind, ".", "-")
	if kind == "readmitted" {
		kind = "readmit"
	}
	ev := agent.Event{Time: e.Time, Kind: kind, Host: e.Subject, Message: e.Message,
		Evidence: map[string]any{"leader": h.name, "term": term}}
	for k, v := range e.Evidence {
		ev.Evidence[k] = v
	}
	if vm, ok := h.node.State().VM(e.Subject); ok {
		ev.VM, ev.Host, ev.Generation = vm.Spec.Name, vm.Owner, vm.Generation
		if ev.Host == "" {
			ev.Host = h.name
		}
	}
	h.record(ev)
}

// renewer is the peer API's Renewer: the leader's planner answers.
type renewer struct{ h *Host }

func (r renewer) Renew(ctx context.Context, now time.Time, req peerapi.RenewRequest) (peerapi.RenewReply, error) {
	return r.h.renew(ctx, now, req)
}

// renew answers a host's lease renewal on the leader, taking its report
// and health.
func (h *Host) renew(ctx context.Context, now time.Time, req peerapi.RenewRequest) (peerapi.RenewReply, error) {
	reply := peerapi.RenewReply{Holder: req.Holder, Seq: req.Seq}
	var rep report
	if len(req.Report) > 0 {
		if err := json.Unmarshal(req.Report, &rep); err != nil {
			h.log.Warn("renewal with an unreadable report", "host", req.Holder, "err", err)
			rep = report{}
		}
	}
	h.lead.mu.Lock()
	defer h.lead.mu.Unlock()
	defer h.lead.publish(req.Holder)
	p := h.plannerLocked(now)
	if p == nil {
		return reply, replica.ErrNotLeader
	}
	l := &h.lead
	if rep.Health != nil {
		hl := *rep.Health
		hl.Host = req.Holder
		l.health[req.Holder] = hl
		p.Health(now, hl)
	}
	if rep.Exec.Host == req.Holder {
		l.reports[req.Holder] = rep.Exec
	}
	lr := p.Renew(ctx, now, lease.Request{Holder: req.Holder, BootID: req.BootID, Epoch: req.Epoch, Seq: req.Seq}, rep.Exec)
	l.lastRenew[req.Holder] = now
	delete(l.suspect, req.Holder)
	delete(l.held, req.Holder)
	reply.Granted, reply.Epoch, reply.Index, reply.Reason = lr.Granted, lr.Epoch, lr.Index, lr.Reason
	if lr.Granted {
		if ls, ok := h.node.State().Lease(req.Holder); ok {
			reply.Expiry = ls.Expiry
		}
	}
	return reply, nil
}

// fenceDone hands a fence's outcome to the planner that asked for it, if
// it still leads.
func (h *Host) fenceDone(gen uint64, out planner.FenceOutcome) {
	h.lead.mu.Lock()
	defer h.lead.mu.Unlock()
	if h.lead.p == nil || h.lead.gen != gen {
		h.log.Info("fence outcome for an ended leadership", "target", out.Target, "confirmed", out.Confirmed)
		return
	}
	ctx, cancel := context.WithTimeout(h.lead.base, 10*time.Second)
	defer cancel()
	h.lead.p.FenceDone(ctx, time.Now(), out)
}

// fenceSent tells this leadership's planner that a peer's BMC accepted
// the power-off command of fence id (Planner.FenceSent).
func (h *Host) fenceSent(gen uint64, target string, id uint64) {
	h.lead.mu.Lock()
	defer h.lead.mu.Unlock()
	if h.lead.p == nil || h.lead.gen != gen {
		return
	}
	ctx, cancel := context.WithTimeout(h.lead.base, 10*time.Second)
	defer cancel()
	h.lead.p.FenceSent(ctx, time.Now(), target, id)
}

// fenceLevels are a peer's fence levels: its BMC endpoints from the state,
// with this host's fence: account.
func (h *Host) fenceLevels(host string) (fencing.HostLevels, bool) {
	eps, pw, ok := h.peerBMCs(host)
	if !ok {
		return fencing.HostLevels{}, false
	}
	fc := h.cfg.Fence
	out := fencing.HostLevels{Host: host}
	for _, ep := range eps {
		switch {
		case ep.Err != nil:
		case ep.Kind == "ipmi":
			out.Levels = append(out.Levels, fencingipmi.Level("ipmi", fencingipmi.Config{Host: ep.Host, Port: ep.Port, User: fc.User, Password: pw,
				CipherSuite: fc.CipherSuite}, fc.Timeout, 1))
		case ep.Kind == "redfish":
			rc := fencingredfish.Config{URL: ep.Address, User: fc.User, Password: pw, System: ep.System, Insecure: fc.Insecure, RootCAs: ep.RootCAs}
			out.Levels = append(out.Levels, fencingredfish.Level("redfish", rc, fc.Timeout, 1))
		}
	}
	return out, len(out.Levels) > 0
}

// proposer is the planner's Proposer: this host's raft node.
type proposer struct{ n *replica.Node }

func (p proposer) Propose(ctx context.Context, cmd state.Command) (state.Result, error) {
	return p.n.Apply(ctx, cmd)
}

func (p proposer) VerifyLeader(ctx context.Context) error { return p.n.VerifyLeader(ctx) }
