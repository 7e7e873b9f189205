// Package planner is the raft leader's decision logic: it reads the
// committed cluster state (cluster/state) and what the leader observes
// (memberlist's word and the second opinion, lease renewals, the hosts'
// reports, BMC fence outcomes, hardware health) and proposes cluster/state
// commands through a Proposer. It decides:
//
//   - host dead: revoke the host's ownership of its VMs, fence it through
//     its BMC with the power read back off (when the BMC cannot be reached
//     and the host's watchdog is armed, wait for its lease to expire plus
//     a margin instead; with no watchdog, wait for the BMC, and say why),
//     then place its VMs elsewhere, each under a new generation;
//   - placement: by priority, then RTO budget, honouring allowed source →
//     destination pairs, affinity and anti-affinity, memory and vCPU
//     capacity, and admission control for new VMs;
//   - predicted failure: evacuate by live migration when a component's
//     expected time to failure is within the host's evacuation time (its
//     VMs' memory over the migration bandwidth, times a safety factor) or
//     the risk is imminent; the host becomes degraded. A lost redundancy
//     with no trend only makes it degraded;
//   - operations and guards: drain and readmit; the mass-fence guard; a
//     fenced host is readmitted only with a new boot id after a stable
//     period (or by a person); a VM that fails to start N times in a
//     window is held with a reason; cooldowns where a decision could flap.
//
// Memberlist only raises suspicion. Whether a host is dead is
// cluster/verdict's Decide, on memberlist's word, the BMC, the
// shared-storage heartbeat (Observe) and the lease deadline the planner
// holds: the host is treated as dead when its lease deadline passed, or
// when memberlist says dead and neither a lease renewal since, nor its
// heartbeat, nor its BMC reading its power on (cut off, or its agent
// crashed and is being restarted) says it is alive; even then it is
// fenced, never assumed off.
//
// Two hosts without a witness have no quorum once they lose each other;
// each host's agent then runs its side of a BMC fence race (TieBreak): the
// preferred host fences at once, the other after a fixed delay, and only
// a fence confirmed by the power read back off wins (Pacemaker's
// pcmk_delay_base).
//
// A VM taken from a host that may still run it (a live host, a held VM, an
// uncertain migration) is placed again only once every such host has
// acknowledged the release (its report shows a replica past the revocation
// and the VM not running) or has been fenced.
//
// Timers live here, on the leader, never in the state machine: the lease
// deadline of every host, stable periods, cooldowns, fence retries. A new
// leader's Planner starts them all afresh with a full TTL (Start), so a
// deadline may come later after a leader change, never earlier. When one
// expires, the planner proposes a command.
//
// The planner reads no clock and starts no goroutine: every call takes the
// leader's time, fences and migrations are requested through interfaces
// and their outcomes come back as calls. It is not safe for concurrent
// use; the leader loop owns it, and drops it when leadership ends.
package planner

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/heartbeat"
	"github.com/vigil-ha/vigil/cluster/lease"
	"github.com/vigil-ha/vigil/cluster/membership"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/cluster/verdict"
)

// View is the committed cluster state the planner reads; *state.State
// implements it.
type View interface {
	Index() uint64
	Host(name string) (state.Host, bool)
	Hosts() []state.Host
	VM(name string) (state.VM, bool)
	VMs() []state.VM
	Group(name string) (state.GroupPolicy, bool)
	Admission() state.Admission
	Fences() []state.FenceRecord
	Lease(holder string) (state.Lease, bool)
}

// Proposer appends a command to the replicated log and returns its result
// once it is committed and applied. It fails when this host is not the
// leader (any more). VerifyLeader confirms, with a round of contact with a
// quorum, that this host is still the leader (raft's VerifyLeader): the
// planner calls it before every power command, which no log entry covers
// at the moment it is sent.
type Proposer interface {
	Propose(ctx context.Context, cmd state.Command) (state.Result, error)
	VerifyLeader(ctx context.Context) error
}

// Fencer powers hosts off through their fence levels, asynchronously: the
// planner calls Fence, and the agent (or simulation) later calls
// Planner.FenceSent when the BMC accepted the off command and
// Planner.FenceDone with the outcome. FenceManager adapts fencing.Manager.
type Fencer interface {
	Fence(target string, fenceID uint64)
	// Cancel abandons fence fenceID of target if it is still running: no
	// power command of it may reach the BMC after Cancel returns (the
	// host was confirmed off another way, by its self-fence deadline,
	// and may be powered on and readmitted soon).
	Cancel(target string, fenceID uint64)
}

// Mover sends a migration order to its source host; the outcome comes back
// through Planner.MigrateDone.
type Mover interface {
	Migrate(o executor.MigrateOrder)
}

// Member is memberlist's word on a host.
type Member int

// Member states.
const (
	MemberAlive Member = iota + 1
	MemberSuspect
	MemberDead
	MemberLeft
)

func (m Member) String() string {
	switch m {
	case MemberAlive:
		return "alive"
	case MemberSuspect:
		return "suspect"
	case MemberDead:
		return "dead"
	case MemberLeft:
		return "left"
	}
	return "unknown"
}

// state is the membership state cluster/verdict judges.
func (m Member) state() membership.State {
	switch m {
	case MemberAlive:
		return membership.Alive
	case MemberSuspect:
		return membership.Suspect
	case MemberDead:
		return membership.Dead
	case MemberLeft:
		return membership.Left
	}
	return 0
}

// Observation is the leader's membership view of one host, with the
// witnesses of the second opinion (cluster/verdict) other than the lease,
// which the planner holds itself.
type Observation struct {
	Host   string
	Member Member
	// Since is when Member began, on the leader's clock.
	Since time.Time
	// BMC is what the host's BMC reads, asked since Since, or BMCErr why
	// it could not be read (verdict.ErrPending: asked, no answer yet).
	// Neither set (a zero report and no error): not asked, and the fence
	// asks it.
	BMC    verdict.BMCReport
	BMCErr error
	// Heartbeat is the host's shared-storage heartbeat as the leader's
	// reader (heartbeat.Reader.Observe, on the leader's clock) sees it, or
	// HeartbeatErr why it could not be read. Neither set: no heartbeat
	// storage is configured.
	Heartbeat    heartbeat.Status
	HeartbeatErr error
}

// Health is the hardware prediction of one host (sensors/health).
type Health struct {
	Host string
	// Imminent: a component is about to fail; evacuate now.
	Imminent bool
	// ETA is the expected time to failure of the worst component (0: no
	// trend toward failure).
	ETA time.Duration
	// RedundancyLost: a redundant part (fan, PSU) failed with the rest
	// steady; degraded, but nothing moves.
	RedundancyLost bool
	// Component and Reason say what and why, for events.
	Component string
	Reason    string
	// BandwidthMiBps is the measured migration bandwidth from this host
	// (0: use the configured default).
	BandwidthMiBps float64
}

// FenceOutcome is the result of one Fencer.Fence.
type FenceOutcome struct {
	Target  string
	FenceID uint64
	// Confirmed: the power was read back off.
	Confirmed bool
	// Unreachable: no BMC level answered.
	Unreachable bool
	// Detail says what happened, for events and the fence record.
	Detail string
}

// Event is one decision or observation, with its evidence in Message
// and, for some kinds (rto-met, rto-missed), in Evidence as well.
type Event struct {
	Time    time.Time
	Kind    string
	Subject string
	Message string
	// Evidence holds the figures behind the event, by name (nil for
	// most kinds).
	Evidence map[string]any
}

// Config configures a Planner.
type Config struct {
	// Self is the leader's host name (fence records say who fenced).
	Self string
	// Lease is the cluster's lease timing.
	Lease lease.Config
	// SelfFenceMargin is added to a lease deadline before a host with an
	// armed watchdog is presumed to have fenced itself (default TTL/10,
	// at least 1 s).
	SelfFenceMargin time.Duration
	// HeartbeatStale: a shared-storage heartbeat that has not changed for
	// this long is stale (cluster/verdict's Rules; default four renewal
	// intervals). At least three of the hosts' write intervals plus the
	// reader's polling period.
	HeartbeatStale time.Duration
	// MassFenceShare of the hosts may be fenced within MassFenceWindow
	// (defaults 0.5 and 10 minutes); at least one always may.
	MassFenceShare  float64
	MassFenceWindow time.Duration
	// FenceRetry is the first wait before fencing again after a failed
	// attempt, doubled up to 8 times (default 1 s). A fence whose outcome
	// has not come back after FenceTimeout counts as failed (default 2
	// minutes).
	FenceRetry   time.Duration
	FenceTimeout time.Duration
	// StablePeriod: a fenced host with a new boot id is readmitted after
	// renewing steadily this long (default 2 minutes).
	StablePeriod time.Duration
	// StartFailures in StartWindow on one host keep a VM off that host
	// for HoldFor; on two hosts, or with no other host to take it, they
	// hold it cluster-wide for HoldFor (defaults 3, 5 minutes, 10
	// minutes).
	StartFailures int
	StartWindow   time.Duration
	HoldFor       time.Duration
	// HealthCooldown: a degraded host becomes healthy again only after
	// its health has been fine this long; an evacuation or a failed
	// migration is not retried sooner either (default 5 minutes).
	HealthCooldown time.Duration
	// MigrationBandwidthMiBps is the default migration bandwidth (default
	// 1000) and EvacuationSafety the factor on the evacuation time
	// (default 2).
	MigrationBandwidthMiBps float64
	EvacuationSafety        float64
	// MaxMigrations in flight at once (default 4); MigrateRetry is the
	// wait before a VM whose migration failed is tried again (default 30
	// s).
	MaxMigrations int
	MigrateRetry  time.Duration
	// MigrateTimeout: a migration order with no answer after this long is
	// settled from the hosts' reports instead (default 10 minutes).
	MigrateTimeout time.Duration
	// LeaseRecordEvery: how often a renewal is also written to the log,
	// so that the state's lease expiry is at most this far behind
	// (default TTL). Renewals are answered from the leader's memory; the
	// log records grants, revocations and, this often, expiries.
	LeaseRecordEvery time.Duration
	// Events receives every event (may be nil).
	Events func(Event)
}

func (c *Config) defaults() error {
	if c.Self == "" {
		return errors.New("planner: Config.Self is required")
	}
	if err := c.Lease.Validate(); err != nil {
		return fmt.Errorf("planner: %w", err)
	}
	if c.MassFenceShare < 0 || c.MassFenceShare > 1 {
		return fmt.Errorf("planner: mass fence share %v outside 0..1", c.MassFenceShare)
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.SelfFenceMargin, max(c.Lease.TTL/10, time.Second))
	def(&c.HeartbeatStale, 4*c.Lease.RenewInterval)
	def(&c.MassFenceWindow, 10*time.Minute)
	def(&c.FenceRetry, time.Second)
	def(&c.FenceTimeout, 2*time.Minute)
	def(&c.StablePeriod, 2*time.Minute)
	def(&c.StartWindow, 5*time.Minute)
	def(&c.HoldFor, 10*time.Minute)
	def(&c.HealthCooldown, 5*time.Minute)
	def(&c.LeaseRecordEvery, c.Lease.TTL)
	def(&c.MigrateRetry, 30*time.Second)
	def(&c.MigrateTimeout, 10*time.Minute)
	if c.MassFenceShare == 0 {
		c.MassFenceShare = 0.5
	}
	if c.StartFailures <= 0 {
		c.StartFailures = 3
	}
	if c.MigrationBandwidthMiBps <= 0 {
		c.MigrationBandwidthMiBps = 1000
	}
	if c.EvacuationSafety <= 0 {
		c.EvacuationSafety = 2
	}
	if c.MaxMigrations <= 0 {
		c.MaxMigrations = 4
	}
	return nil
}

// Planner is the leader's decision logic for one term of leadership.
type Planner struct {
	cfg       Config
	view      View
	prop      Proposer
	fencer    Fencer
	mover     Mover
	started   bool
	startedAt time.Time
	// startIndex is the commit index when this planner started.
	startIndex uint64

	hosts map[string]*hostTrack
	vms   map[string]*vmTrack
	// migrations in flight, by VM.
	migrations map[string]executor.MigrateOrder
	// said remembers the last event per key, so a wait is reported once.
	said map[string]string
	// The view's hosts and VMs, read once per commit index.
	cacheIndex uint64
	cacheHosts []state.Host
	cacheVMs   []state.VM
	// cacheByName indexes cacheVMs, for cacheByNameIndex.
	cacheByName      map[string]*state.VM
	cacheByNameIndex uint64
}

// snapshot returns the view's hosts and VMs (sorted by name), read again
// only when the commit index moved. Callers must not change them.
func (p *Planner) snapshot() ([]state.Host, []state.VM) {
	if idx := p.view.Index(); idx != p.cacheIndex || p.cacheHosts == nil {
		p.cacheIndex, p.cacheHosts, p.cacheVMs = idx, p.view.Hosts(), p.view.VMs()
	}
	return p.cacheHosts, p.cacheVMs
}

// vmIndex returns the view's VMs by name, built once per commit index.
func (p *Planner) vmIndex() map[string]*state.VM {
	_, vms := p.snapshot()
	if p.cacheByName == nil || p.cacheByNameIndex != p.cacheIndex {
		p.cacheByName = make(map[string]*state.VM, len(vms))
		for i := range vms {
			p.cacheByName[vms[i].Spec.Name] = &vms[i]
		}
		p.cacheByNameIndex = p.cacheIndex
	}
	return p.cacheByName
}

func (p *Planner) hostsNow() []state.Host {
	h, _ := p.snapshot()
	return h
}

func (p *Planner) vmsNow() []state.VM {
	_, v := p.snapshot()
	return v
}

// hostTrack is what the leader knows of a host beyond the state.
type hostTrack struct {
	name string
	// deadline is the leader's lease deadline: the last renewal it
	// answered plus TTL, or its start plus TTL.
	deadline time.Time
	renewed  time.Time
	// heard: its last lease request, answered or refused.
	heard time.Time
	// readmitted: when it last returned to service (readmit).
	readmitted time.Time
	// aliveSince: renewing without a gap since (stable period).
	aliveSince time.Time
	// invalidSince: since when the host's reports say its own lease is
	// not valid (zero while valid).
	invalidSince time.Time
	// grantedBoot is the boot id this planner last granted a lease to,
	// at grantedEpoch: a repeated grant request of that boot gets the
	// same epoch, not a new one per request.
	grantedBoot  string
	grantedEpoch uint64
	// retiredBoots are the boot ids this planner saw the host leave: a
	// message from one of them is never taken for a new boot.
	retiredBoots map[string]bool
	report       executor.Report
	reported     bool
	obs          Observation
	observed     bool
	health       Health
	healthAt     time.Time
	healthyAt    time.Time // since when health has been fine
	evacuating   bool
	draining     bool

	// Fencing.
	fenceID       uint64
	fenceInFlight bool
	fenceSentAt   time.Time
	fenceNext     time.Time
	fenceFailures int
	fenceDetail   string
}

// vmTrack is what the leader knows of a VM beyond the state.
type vmTrack struct {
	// unplacedAt is the commit index from which the VM had no owner;
	// holders must acknowledge a replica at least this new.
	unplacedAt uint64
	// holders are the hosts that may still run the VM.
	holders map[string]bool
	prev    string // the owner it was taken from
	downAt  time.Time
	// failures are recent failed starts, by host; avoid the hosts it
	// failed on too often, until when.
	failures map[string][]time.Time
	avoid    map[string]time.Time
	held     time.Time // held until
	heldWhy  string
	migrated time.Time // last migration attempt (cooldown)
	// rec is the VM's recovery after its host was lost, until a report
	// shows it running elsewhere (rto.go).
	rec *recovery
}

// New returns a planner that is not started yet.
func New(cfg Config, view View, prop Proposer, fencer Fencer, mover Mover) (*Planner, error) {
	if err := cfg.defaults(); err != nil {
		return nil, err
	}
	if view == nil || prop == nil || fencer == nil || mover == nil {
		return nil, errors.New("planner: view, proposer, fencer and mover are required")
	}
	return &Planner{
		cfg: cfg, view: view, prop: prop, fencer: fencer, mover: mover,
		hosts: map[string]*hostTrack{}, vms: map[string]*vmTrack{},
		migrations: map[string]executor.MigrateOrder{}, said: map[string]string{},
	}, nil
}

// Start begins this planner's term of leadership at now: every timer is
// armed afresh with its full length (a deadline may come later than the
// previous leader's, never earlier), and every VM without an owner that was
// placed before is treated as possibly still running on every host that is
// not fenced, until each has acknowledged it.
func (p *Planner) Start(now time.Time) {
	p.started = true
	p.startedAt = now
	p.startIndex = p.view.Index()
	for _, h := range p.hostsNow() {
		t := p.host(h.Name)
		t.deadline = now.Add(p.cfg.Lease.TTL)
		t.aliveSince, t.healthyAt = now, now
	}
	var live []string
	for _, h := range p.hostsNow() {
		if h.State != state.Fenced && h.State != state.Left {
			live = append(live, h.Name)
		}
	}
	for _, vm := range p.vmsNow() {
		if vm.Owner == "" && vm.Generation > 0 {
			t := p.vm(vm.Spec.Name)
			t.unplacedAt = p.startIndex
			t.holders = map[string]bool{}
			for _, h := range live {
				t.holders[h] = true
			}
			t.downAt = now
			if vm.Hold != nil && now.Before(vm.Hold.Until) {
				// A previous leader's hold stands.
				t.held, t.heldWhy = vm.Hold.Until, vm.Hold.Reason
				continue
			}
			if vm.Desired == state.Running {
				// Lost before this leadership: its recovery is
				// measured from here, and says so.
				t.rec = &recovery{detected: now, origin: originLeaderStart}
			}
		}
	}
	p.emit(now, "leader", p.cfg.Self, fmt.Sprintf("planner started at commit index %d; every lease deadline re-armed to %v from now", p.startIndex, p.cfg.Lease.TTL))
}

func (p *Planner) host(name string) *hostTrack {
	t := p.hosts[name]
	if t == nil {
		t = &hostTrack{name: name}
		p.hosts[name] = t
	}
	return t
}

func (p *Planner) vm(name string) *vmTrack {
	t := p.vms[name]
	if t == nil {
		t = &vmTrack{}
		p.vms[name] = t
	}
	return t
}

func (p *Planner) emit(now time.Time, kind, subject, msg string) {
	if p.cfg.Events != nil {
		p.cfg.Events(Event{Time: now, Kind: kind, Subject: subject, Message: msg})
	}
}

// once emits an event unless the last one under key said the same.
func (p *Planner) once(now time.Time, key, kind, subject, msg string) {
	if p.said[key] == kind+msg {
		return
	}
	p.said[key] = kind + msg
	p.emit(now, kind, subject, msg)
}

// onceTagged emits an event unless the last one under key carried the same
// tag: for messages whose evidence (a sequence number, a time) changes at
// every tick while the decision does not.
func (p *Planner) onceTagged(now time.Time, key, tag, kind, subject, msg string) {
	if p.said[key] == tag {
		return
	}
	p.said[key] = tag
	p.emit(now, kind, subject, msg)
}

func (p *Planner) forget(key string) { delete(p.said, key) }

func (p *Planner) propose(ctx context.Context, cmd state.Command) (state.Result, error) {
	return p.prop.Propose(ctx, cmd)
}

// Observe takes the leader's membership view of hosts (lossy hints: the
// latest replaces the earlier).
func (p *Planner) Observe(now time.Time, obs []Observation) {
	for _, o := range obs {
		t := p.host(o.Host)
		t.obs, t.observed = o, true
	}
}

// Health takes a host's hardware prediction.
func (p *Planner) Health(now time.Time, h Health) {
	t := p.host(h.Host)
	fine := !h.Imminent && h.ETA == 0 && !h.RedundancyLost
	wasFine := !t.health.Imminent && t.health.ETA == 0 && !t.health.RedundancyLost
	if fine && (!wasFine || t.healthyAt.IsZero()) {
		t.healthyAt = now
	}
	t.health, t.healthAt = h, now
}

// leaseHolding reports whether a host in state s may hold a lease.
func leaseHolding(s state.HostState) bool {
	switch s {
	case state.Healthy, state.Degraded, state.Suspect, state.Maintenance:
		return true
	}
	return false
}

// Renew answers a host's lease request at now (the leader's clock), with
// the host's report. The caller has verified that this host is still the
// leader with a quorum (raft's VerifyLeader) just before: a deposed leader
// must not answer. Answering re-arms the leader's deadline for the host to
// now + TTL.
func (p *Planner) Renew(ctx context.Context, now time.Time, req lease.Request, rep executor.Report) lease.Reply {
	reply := lease.Reply{Holder: req.Holder, Seq: req.Seq}
	refuse := func(format string, a ...any) lease.Reply {
		reply.Reason = fmt.Sprintf(format, a...)
		reply.Index = p.view.Index()
		p.once(now, "lease/"+req.Holder, "lease.refused", req.Holder, reply.Reason)
		return reply
	}
	h, ok := p.view.Host(req.Holder)
	if !ok {
		return refuse("host %s is not registered", req.Holder)
	}
	if req.BootID != "" && req.BootID != h.BootID && req.Epoch != 0 {
		// A new boot asks with epoch 0 first: a renewal under an epoch
		// from another boot is a late one from before the host rebooted.
		// Neither its boot id nor its report is the host's now.
		return refuse("boot %s renews epoch %d, but %s runs boot %s now: a late renewal of an earlier boot", req.BootID, req.Epoch, h.Name, h.BootID)
	}
	t := p.host(h.Name)
	if req.BootID != "" && req.BootID != h.BootID && t.retiredBoots[req.BootID] {
		// A late grant request (epoch 0) of a boot this planner saw the
		// host leave: taking its boot id would set the state back to the
		// old boot, and the new boot's next renewal forward again.
		return refuse("boot %s asks for a lease, but %s left it for boot %s: a late request of an earlier boot", req.BootID, h.Name, h.BootID)
	}
	if t.heard.IsZero() || now.Sub(t.heard) > 2*p.cfg.Lease.RenewInterval+p.cfg.Lease.MaxRenewalRTT {
		t.aliveSince = now
	}
	t.heard = now
	if rep.Host == req.Holder {
		p.takeReport(ctx, now, t, rep)
	}
	if req.BootID != "" && req.BootID != h.BootID {
		reg := &state.RegisterHost{Name: h.Name, Addresses: h.Addresses, BootID: req.BootID, Capacity: h.Capacity, BMC: h.BMC, WatchdogArmed: h.WatchdogArmed}
		if _, err := p.propose(ctx, reg); err != nil {
			return refuse("recording boot id %s: %v", req.BootID, err)
		}
		if t.retiredBoots == nil {
			t.retiredBoots = map[string]bool{}
		}
		t.retiredBoots[h.BootID] = true
		p.emit(now, "boot", h.Name, fmt.Sprintf("new boot id %s (was %s)", req.BootID, h.BootID))
		t.aliveSince = now
	}
	if !leaseHolding(h.State) {
		return refuse("host %s is %s: no lease", h.Name, h.State)
	}
	cur, _ := p.view.Lease(h.Name)
	switch {
	case req.Epoch == 0 && t.grantedBoot == req.BootID && t.grantedEpoch == cur.Epoch && !cur.Revoked:
		// Asked again (our answer was lost or came late): the same
		// epoch, not a new entry per request.
		reply.Epoch = cur.Epoch
	case req.Epoch == 0:
		res, err := p.propose(ctx, &state.GrantLease{Holder: h.Name, PrevEpoch: cur.Epoch, Expiry: now.Add(p.cfg.Lease.TTL)})
		if err != nil {
			return refuse("grant: %v", err)
		}
		reply.Epoch = res.Lease.Epoch
		t.grantedBoot, t.grantedEpoch = req.BootID, reply.Epoch
		p.forget("lease/" + h.Name)
		p.emit(now, "lease.granted", h.Name, fmt.Sprintf("epoch %d", reply.Epoch))
	case req.Epoch != cur.Epoch || cur.Revoked:
		return refuse("epoch %d is not current (current %d, revoked %v)", req.Epoch, cur.Epoch, cur.Revoked)
	default:
		reply.Epoch = cur.Epoch
		// Keep the state's expiry informative (for readers of the
		// state: at most one TTL behind), without a log entry per
		// renewal.
		if exp := now.Add(p.cfg.Lease.TTL); exp.Sub(cur.Expiry) >= p.cfg.LeaseRecordEvery {
			if _, err := p.propose(ctx, &state.RenewLease{Holder: h.Name, Epoch: cur.Epoch, Expiry: exp}); err != nil {
				return refuse("renew: %v", err)
			}
		}
	}
	reply.Granted = true
	if d := now.Add(p.cfg.Lease.TTL); d.After(t.deadline) {
		t.deadline = d
	}
	t.renewed = now
	reply.Index = p.view.Index()
	return reply
}

// Report takes a host's report outside a renewal.
func (p *Planner) Report(ctx context.Context, now time.Time, rep executor.Report) {
	if _, ok := p.view.Host(rep.Host); !ok {
		return
	}
	p.takeReport(ctx, now, p.host(rep.Host), rep)
}

func (p *Planner) takeReport(ctx context.Context, now time.Time, t *hostTrack, rep executor.Report) {
	if t.reported && rep.Applied < t.report.Applied {
		return // an older report overtaken by a newer one
	}
	t.report, t.reported = rep, true
	switch {
	case rep.LeaseValid:
		t.invalidSince = time.Time{}
	case t.invalidSince.IsZero():
		t.invalidSince = now
	}
	// Acknowledged releases.
	for name, vt := range p.vms {
		if vt.holders[t.name] && rep.Applied >= vt.unplacedAt && !rep.Runs(name) {
			delete(vt.holders, t.name)
		}
	}
	for _, f := range rep.Failures {
		p.startFailed(ctx, now, t.name, f)
	}
	p.checkRecovered(now, t.name, rep)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
