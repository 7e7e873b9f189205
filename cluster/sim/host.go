package sim

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/lease"
	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/vms/vmstest"
)

// host is one simulated host: its hardware (power, BMC, watchdog, storage
// path, clock), its replica of the log (kept across reboots, as on disk),
// and, while it is up, its agent.
type host struct {
	s     *Sim
	idx   int
	name  string
	rng   *rand.Rand
	rate  float64
	voter bool

	powered    bool
	up         bool
	boots      int
	bootID     string
	offAt      time.Time // when the power went off
	offPending bool
	stallUntil time.Time
	storageOK  bool
	lastHB     time.Time
	// hbSeen is this host's heartbeat reader (used while it leads).
	hbSeen map[string]hbView
	// race is this boot's side of the two hosts' fence race (nil without
	// Cluster.TieBreak); apartSince is when it lost its peer.
	race       *planner.TieBreak
	apartSince time.Time
	bmcOK      bool
	stopFails  bool
	// stopFailsOff is when QEMU became killable again.
	stopFailsOff time.Time
	dogArmed     bool
	dogFed       time.Time
	dogSeq       uint64

	runner       *vmstest.Host
	replica      *state.State
	disk         diskMemory // the executor's memory, kept across reboots
	knownUpTo    uint64
	catchUpUntil time.Time
	term         uint64

	// Membership, as the leader sees it.
	seen        time.Time
	member      planner.Member
	memberSince time.Time

	// Leader's replication bookkeeping for this follower.
	sentUpTo uint64
	sentAt   time.Time

	// The agent of the current boot.
	keeper     *lease.Keeper
	exec       *executor.Executor
	planner    *planner.Planner
	leaderHint *host
	nextRenew  time.Time
	report     executor.Report
	failures   []executor.StartFailure
	awaiting   bool // a renewal got no answer yet
	orders     []heldOrder
	lastValid  bool
	lapseSeq   uint64
}

var errUnkillable = errors.New("qemu does not die (uninterruptible I/O)")

func newHost(s *Sim, i int) *host {
	h := &host{s: s, idx: i, name: hostName(i), rng: rand.New(rand.NewPCG(s.seed, uint64(i+1))),
		rate: s.cfg.Rate[i], voter: i < s.cfg.Voters, storageOK: true, bmcOK: true,
		replica: state.New(), member: planner.MemberAlive, disk: diskMemory{}, hbSeen: map[string]hbView{}}
	h.runner = s.runners.Host(h.name)
	h.runner.Fail = func(op, id string) error {
		switch {
		case op == "stop" && h.stopFails:
			return errUnkillable
		case op == "start" && s.startFails[id]:
			return errors.New("qemu exited at start")
		}
		return nil
	}
	return h
}

// local is the host's clock now: it runs at rate against true time.
func (h *host) local() time.Time { return h.localAt(h.s.now) }

func (h *host) localAt(t time.Time) time.Time {
	return Epoch.Add(time.Duration(float64(t.Sub(Epoch)) * h.rate))
}

// trueAt is the true time at which the host's clock reads local.
func (h *host) trueAt(local time.Time) time.Time {
	return Epoch.Add(time.Duration(float64(local.Sub(Epoch)) / h.rate))
}

func (h *host) responsive() bool { return h.up && !h.s.now.Before(h.stallUntil) }

// powerOff cuts the power at once: VMs gone, agent gone, watchdog off.
func (h *host) powerOff(why string) {
	if !h.powered {
		return
	}
	s := h.s
	h.powered, h.up, h.offPending = false, false, false
	h.offAt = s.now
	h.runner.PowerOff()
	h.dropAgent()
	h.dogArmed = false
	s.logf("%s power off (%s)", h.name, why)
	if s.leader == h {
		s.stepDown("powered off")
	}
}

func (h *host) dropAgent() {
	h.keeper, h.exec, h.planner, h.leaderHint = nil, nil, nil, nil
	h.failures = nil
	h.orders = nil
	h.report = executor.Report{}
}

// powerOn switches the power on; the agent starts after the boot time with
// a new boot id.
func (h *host) powerOn() {
	if h.powered {
		return
	}
	h.powered = true
	h.runner.PowerOn()
	s := h.s
	gen := h.boots
	s.after(bootTime, func() {
		if h.powered && h.boots == gen {
			h.boot()
		}
	})
	if s.now.After(Epoch) {
		s.logf("%s power on", h.name)
	}
}

func (h *host) boot() {
	s := h.s
	h.boots++
	h.up = true
	h.lastValid = false
	h.bootID = bootID(h.idx, h.boots)
	h.hbSeen = map[string]hbView{} // a new agent's heartbeat reader
	h.newTieBreak()
	var feeder lease.Feeder
	cfg := s.leaseConfig(h)
	if cfg.WatchdogTimeout > 0 {
		feeder = dogFeeder{h: h, boot: h.boots}
	}
	k, err := lease.New(cfg, h.name, h.bootID, feeder)
	if err != nil {
		panic(err)
	}
	e, err := executor.New(executor.Config{Host: h.name, Runner: simRunner{Host: h.runner, h: h}, RetryAfter: time.Second, Memory: h.disk})
	if err != nil {
		panic(err)
	}
	h.keeper, h.exec = k, e
	h.nextRenew = h.local()
	if s.cfg.CatchUpMax > 0 && h.boots > 1 {
		h.catchUpUntil = s.now.Add(rnd(h.rng, 0, s.cfg.CatchUpMax))
	}
	boot := h.boots
	if s.now.After(Epoch) {
		s.logf("%s booted (%s)", h.name, h.bootID)
	}
	s.every(agentTick, rnd(h.rng, 0, agentTick), func() bool {
		if h.boots != boot || !h.up {
			return false
		}
		h.agentStep()
		return true
	})
}

// agentStep is one round of the agent's loop: storage heartbeat, replica,
// reconcile, renewal.
func (h *host) agentStep() {
	if !h.responsive() {
		return
	}
	s := h.s
	if h.storageOK {
		h.lastHB = s.now
	}
	h.catchUp(false)
	h.runOrders()
	h.reconcile()
	if now := h.local(); !now.Before(h.nextRenew) {
		h.nextRenew = now.Add(s.cfg.Lease.RenewInterval)
		h.renew()
	}
}

// catchUp applies the entries the host knows are committed (all of them,
// for the leader), unless its replica is still restoring after a boot.
func (h *host) catchUp(leader bool) {
	s := h.s
	upTo := h.knownUpTo
	if leader {
		upTo = uint64(len(s.entries))
		h.knownUpTo = upTo
	} else if s.now.Before(h.catchUpUntil) {
		return
	}
	if upTo > uint64(len(s.entries)) {
		upTo = uint64(len(s.entries))
	}
	applied := false
	for i := h.replica.Index() + 1; i <= upTo; i++ {
		// Errors are the same on every replica: the entry was consumed.
		_, _ = h.replica.Apply(i, s.entries[i-1])
		applied = true
	}
	if applied && !leader && h.exec != nil && h.responsive() {
		h.runOrders()
		h.reconcile()
	}
}

func (h *host) reconcile() {
	if h.exec == nil {
		return
	}
	rep, err := h.exec.Reconcile(ctx, h.local(), h.replica, h.keeper)
	h.s.checkStep()
	if err != nil && h.s.verbose {
		h.s.logf("%s reconcile: %v", h.name, err)
	}
	h.failures = append(h.failures, rep.Failures...)
	rep.Failures = nil
	if rep.LeaseValid != h.lastValid {
		h.s.logf("%s lease %s", h.name, map[bool]string{true: "valid", false: "lapsed"}[rep.LeaseValid])
		h.lastValid = rep.LeaseValid
	}
	h.report = rep
}

// renew sends a lease request with the latest report to the leader it
// knows, or to every voter when the last request went unanswered.
func (h *host) renew() {
	s := h.s
	req := h.keeper.Request(h.local())
	rep := h.report
	rep.Failures, h.failures = h.failures, nil
	boot := h.boots
	targets := s.hosts[:s.cfg.Voters]
	if h.leaderHint != nil && !h.awaiting {
		targets = []*host{h.leaderHint}
	}
	h.awaiting = true
	for _, t := range targets {
		s.send(h, t, func() { t.onRenew(h, boot, req, rep) })
	}
}

// onRenew: the leader answers a renewal, after making sure it still is the
// leader with a quorum (raft's VerifyLeader).
func (l *host) onRenew(from *host, boot int, req lease.Request, rep executor.Report) {
	s := l.s
	if s.leader != l || l.planner == nil || !s.quorumConnected(l) {
		return
	}
	reply := l.planner.Renew(ctx, l.local(), req, rep)
	if s.leader != l {
		return
	}
	s.send(l, from, func() { from.onReply(l, boot, reply) })
}

func (h *host) onReply(from *host, boot int, r lease.Reply) {
	if h.boots != boot || h.keeper == nil {
		return
	}
	s := h.s
	h.awaiting = false
	h.leaderHint = from
	out := h.keeper.Handle(h.local(), r)
	if s.verbose || out == lease.Refused && h.lastValid {
		s.logf("%s lease reply %s (epoch %d, index %d) %s", h.name, out, r.Epoch, r.Index, r.Reason)
	}
	if out == lease.Accepted {
		if !h.lastValid {
			h.reconcile()
		}
		h.armLapse()
	} else if out == lease.Refused {
		h.reconcile()
	}
}

// armLapse schedules a reconcile at the moment the lease lapses, so VMs
// stop then and not at the next tick.
func (h *host) armLapse() {
	h.lapseSeq++
	seq, boot := h.lapseSeq, h.boots
	h.s.at(h.trueAt(h.keeper.ValidUntil()), func() {
		if h.boots == boot && h.lapseSeq == seq && h.responsive() {
			h.reconcile()
		} else if h.boots == boot && h.lapseSeq == seq && h.up {
			// Stalled: it stops its VMs when it runs again.
			h.s.at(h.stallUntil, func() {
				if h.boots == boot && h.responsive() {
					h.reconcile()
				}
			})
		}
	})
}

// dogFeeder is a host's hardware watchdog as the lease keeper feeds it: the
// first feed arms it; when no feed comes within the timeout, it resets the
// host.
type dogFeeder struct {
	h    *host
	boot int
}

func (d dogFeeder) Feed() error {
	h := d.h
	if h.boots != d.boot || !h.up {
		return errors.New("host is down")
	}
	s := h.s
	if !h.dogArmed {
		s.logf("%s watchdog armed (%v)", h.name, s.cfg.Lease.WatchdogTimeout)
	}
	h.dogArmed, h.dogFed = true, s.now
	h.dogSeq++
	seq := h.dogSeq
	s.after(s.cfg.Lease.WatchdogTimeout, func() {
		if h.dogSeq == seq && h.dogArmed && h.boots == d.boot && h.powered {
			h.reset(fmt.Sprintf("watchdog expired: not fed since %s", fmtDur(h.dogFed.Sub(Epoch))))
		}
	})
	return nil
}

// reset power-cycles the host (a watchdog reset).
func (h *host) reset(why string) {
	h.powerOff(why)
	h.powerOn()
}

// heldOrder is a migration order waiting for the replica to catch up.
type heldOrder struct {
	from     *host
	term     uint64
	o        executor.MigrateOrder
	deadline time.Time
}

// orderWait is how long a source holds an order its replica is not ready
// for.
const orderWait = 5 * time.Second

// migrateOrder takes a migration order on the source.
func (h *host) migrateOrder(from *host, term uint64, o executor.MigrateOrder) {
	if h.exec == nil {
		return
	}
	h.orders = append(h.orders, heldOrder{from: from, term: term, o: o, deadline: h.s.now.Add(orderWait)})
	h.runOrders()
}

// runOrders carries out the orders the replica is ready for, and fails
// those that waited too long.
func (h *host) runOrders() {
	s := h.s
	kept := h.orders[:0]
	for _, ho := range h.orders {
		var res executor.MigrateResult
		switch {
		case h.exec.Ready(ho.o, h.replica, h.keeper):
			res = h.exec.Migrate(ctx, h.local(), ho.o, h.replica, h.keeper)
			s.checkStep()
		case !s.now.Before(ho.deadline):
			res = executor.MigrateResult{Order: ho.o, Err: "replica did not catch up with the order"}
		default:
			kept = append(kept, ho)
			continue
		}
		s.logf("%s migrate %s to %s: %s", h.name, ho.o.VM, ho.o.Target, errText(res.Err))
		from, term := ho.from, ho.term
		s.send(h, from, func() {
			if s.leader == from && s.term == term && from.planner != nil {
				from.planner.MigrateDone(ctx, from.local(), res)
			}
		})
	}
	h.orders = kept
}

// simRunner is a host's VM runner: vmstest's, with migrations carried over
// the simulated network to a target whose agent can receive.
type simRunner struct {
	*vmstest.Host
	h *host
}

func (r simRunner) Migrate(ctx context.Context, id, target string, generation uint64) (qmp.Result, error) {
	s := r.h.s
	t := s.byName[target]
	if t == nil || !t.responsive() || !s.connected(r.h, t) {
		return qmp.Result{Status: "failed"}, fmt.Errorf("migrate vm %s from %s to %s: migration network: target unreachable", id, r.h.name, target)
	}
	return r.Host.Migrate(ctx, id, target, generation)
}

func errText(e string) string {
	if e == "" {
		return "ok"
	}
	return e
}

// mover sends the leader's migration orders.
type mover struct {
	s    *Sim
	h    *host
	term uint64
}

func (m mover) Migrate(o executor.MigrateOrder) {
	src := m.s.byName[o.Source]
	if src == nil {
		return
	}
	m.s.send(m.h, src, func() { src.migrateOrder(m.h, m.term, o) })
}

// diskMemory is a host's executor memory on its local disk: it survives
// reboots, like the replica.
type diskMemory map[string]executor.Released

func (m diskMemory) Released() ([]executor.Released, error) {
	out := make([]executor.Released, 0, len(m))
	for _, k := range sortedKeys(m) {
		out = append(out, m[k])
	}
	return out, nil
}

func (m diskMemory) SetReleased(r executor.Released) error { m[r.VM] = r; return nil }
func (m diskMemory) ForgetReleased(vm string) error        { delete(m, vm); return nil }
