package sim

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/cluster/lease"
	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/vms/vmstest"
)

// Epoch is the simulated time zero. Traces print times relative to it.
var Epoch = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

var ctx = context.Background()

// Timing of the simulated agents.
const (
	agentTick      = time.Second
	leaderTick     = 500 * time.Millisecond
	raftTick       = 250 * time.Millisecond
	checkTick      = time.Second
	leaderLease    = 500 * time.Millisecond // a leader without quorum steps down after this
	heartbeatEvery = time.Second            // raft heartbeat to followers
	bootTime       = 2 * time.Second
	bmcLatency     = 30 * time.Millisecond
	bmcTimeout     = 2 * time.Second
	fenceDeadline  = 8 * time.Second
	fencePoll      = 250 * time.Millisecond
	suspectAfter   = 500 * time.Millisecond // memberlist: suspect after this without a probe
	deadAfter      = time.Second            // and dead after this
	heartbeatStale = 2 * time.Second        // storage heartbeat
)

type event struct {
	at  int64 // nanoseconds since Epoch
	seq uint64
	fn  func()
}

// events is a binary min-heap of events by (at, seq).
type events []event

func (q events) less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}

func (q *events) push(e event) {
	*q = append(*q, e)
	h := *q
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func (q *events) pop() event {
	h := *q
	top := h[0]
	n := len(h) - 1
	h[0] = h[n]
	h[n] = event{}
	h = h[:n]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h.less(l, m) {
			m = l
		}
		if r < n && h.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	*q = h
	return top
}

// Sim is one simulated cluster.
type Sim struct {
	cfg   Cluster
	seed  uint64
	rng   *rand.Rand
	now   time.Time
	seq   uint64
	queue events

	hosts  []*host
	byName map[string]*host
	// The committed log and the state it builds.
	fsm     *state.State
	entries [][]byte
	leader  *host
	term    uint64
	lostAt  time.Time // when the leader lost its quorum
	electAt time.Time // earliest next election
	net     network
	runners *vmstest.Cluster

	trace      *strings.Builder
	verbose    bool
	violations []string
	twice      int
	gens       map[string]uint64
	down       map[string]time.Time // VM → since when it is down with no excuse
	everRan    map[string]bool
	lastOn     map[string]string
	startFails map[string]bool
	fenced     map[string]time.Time // target → first fence record (true time)
	// cancelled are the fence records whose BMC fence the leader
	// abandoned: no command of theirs reaches a BMC after.
	cancelled map[uint64]bool
	// survivor is the host that won the two hosts' fence race and holds
	// the quorum alone; raceOff maps a host to the one whose race fence
	// powers it off.
	survivor *host
	raceOff  map[string]string
	health   map[string]planner.Health
}

// New builds the cluster of cfg at time zero: hosts registered, VMs
// created (not placed), every host booting.
func New(cfg Cluster, seed uint64) (*Sim, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	s := &Sim{
		cfg: cfg, seed: seed, rng: rand.New(rand.NewPCG(seed, 0x5eed)), now: Epoch,
		byName: map[string]*host{}, fsm: state.New(), runners: vmstest.NewCluster(),
		gens: map[string]uint64{}, down: map[string]time.Time{}, everRan: map[string]bool{},
		lastOn: map[string]string{}, startFails: map[string]bool{}, fenced: map[string]time.Time{}, cancelled: map[uint64]bool{}, raceOff: map[string]string{},
		health: map[string]planner.Health{},
	}
	s.runners.Now = func() time.Time { return s.now }
	s.net = newNetwork(cfg.Hosts)
	for i := range cfg.Hosts {
		h := newHost(s, i)
		s.hosts = append(s.hosts, h)
		s.byName[h.name] = h
	}
	for _, cmd := range cfg.bootstrap() {
		if _, err := s.commit(cmd); err != nil {
			return nil, fmt.Errorf("bootstrap: %v", err)
		}
	}
	for _, h := range s.hosts {
		for i := range s.entries {
			if _, err := h.replica.Apply(uint64(i+1), s.entries[i]); err != nil {
				return nil, fmt.Errorf("bootstrap replica %s: %v", h.name, err)
			}
		}
		h.powerOn()
	}
	s.every(raftTick, 0, s.raftStep)
	s.every(checkTick, 0, s.checkRTO)
	return s, nil
}

// Trace turns the trace on (verbose adds lease and replication detail).
func (s *Sim) Trace(verbose bool) {
	s.trace = &strings.Builder{}
	s.verbose = verbose
}

// TakeTrace returns the trace so far and empties it.
func (s *Sim) TakeTrace() string {
	if s.trace == nil {
		return ""
	}
	out := s.trace.String()
	s.trace.Reset()
	return out
}

// Violations returns the invariant violations so far.
func (s *Sim) Violations() []string { return s.violations }

// Now is the simulated time since Epoch.
func (s *Sim) Now() time.Duration { return s.now.Sub(Epoch) }

func fmtDur(d time.Duration) string {
	return fmt.Sprintf("%d.%03ds", d/time.Second, (d%time.Second)/time.Millisecond)
}

func (s *Sim) logf(format string, a ...any) {
	if s.trace == nil {
		return
	}
	fmt.Fprintf(s.trace, "%8s ", fmtDur(s.now.Sub(Epoch)))
	fmt.Fprintf(s.trace, format, a...)
	s.trace.WriteByte('\n')
}

func (s *Sim) violate(format string, a ...any) {
	msg := fmt.Sprintf("%s: %s", fmtDur(s.now.Sub(Epoch)), fmt.Sprintf(format, a...))
	s.violations = append(s.violations, msg)
	s.logf("VIOLATION %s", fmt.Sprintf(format, a...))
}

// at schedules fn at time t (not before now).
func (s *Sim) at(t time.Time, fn func()) {
	if t.Before(s.now) {
		t = s.now
	}
	s.seq++
	s.queue.push(event{at: int64(t.Sub(Epoch)), seq: s.seq, fn: fn})
}

func (s *Sim) after(d time.Duration, fn func()) { s.at(s.now.Add(d), fn) }

// every runs fn every period from offset on, while fn returns true.
func (s *Sim) every(period, offset time.Duration, fn func() bool) {
	var tick func()
	tick = func() {
		if fn() {
			s.after(period, tick)
		}
	}
	s.after(offset, tick)
}

// RunFor runs events for d of simulated time.
func (s *Sim) RunFor(d time.Duration) {
	end := s.now.Add(d)
	endNS := int64(end.Sub(Epoch))
	for len(s.queue) > 0 && s.queue[0].at <= endNS {
		e := s.queue.pop()
		s.now = Epoch.Add(time.Duration(e.at))
		e.fn()
	}
	s.now = end
}

// checkStep collects the never-twice violations vmstest recorded. VMs
// start only in a host's reconcile or a migration, which call it right
// after touching the runner, so a violation is reported at the event that
// caused it.
func (s *Sim) checkStep() {
	if v := s.runners.Violations(); len(v) > s.twice {
		for _, msg := range v[s.twice:] {
			s.violate("never twice: %s", msg)
		}
		s.twice = len(v)
	}
}

// rnd returns a duration uniformly in [lo, hi].
func rnd(r *rand.Rand, lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(r.Int64N(int64(hi-lo)+1))
}

// commit appends cmd to the log and applies it. It is the only way into
// the log; the invariants on committed state are checked here.
func (s *Sim) commit(cmd state.Command) (state.Result, error) {
	entry, err := state.Encode(cmd)
	if err != nil {
		return state.Result{}, err
	}
	index := uint64(len(s.entries) + 1)
	s.entries = append(s.entries, entry)
	res, err := s.fsm.Apply(index, entry)
	if err != nil {
		return res, err
	}
	switch c := cmd.(type) {
	case *state.Place:
		for i, p := range c.Placements {
			g := res.Generations[i]
			if g <= s.gens[p.VM] {
				s.violate("generation of %s fell or stood still: %d after %d", p.VM, g, s.gens[p.VM])
			}
			s.gens[p.VM] = g
		}
	case *state.OpenFence:
		if _, ok := s.fenced[c.Target]; !ok {
			s.fenced[c.Target] = s.now
		}
		s.checkMass(c.Target)
	}
	return res, nil
}

// massLimit is how many hosts may be fenced in the window.
func (s *Sim) massLimit() int { return max(1, s.cfg.Hosts/2) }

func (s *Sim) checkMass(target string) {
	var in []string
	for name, at := range s.fenced {
		if s.now.Sub(at) < s.cfg.MassWindow {
			in = append(in, name)
		}
	}
	if len(in) > s.massLimit() {
		sort.Strings(in)
		s.violate("mass fencing: %d of %d hosts fenced within %v (limit %d): %v", len(in), s.cfg.Hosts, s.cfg.MassWindow, s.massLimit(), in)
	}
}

// proposer is a host's way into the log: only while it is the leader with
// a quorum.
type proposer struct {
	h    *host
	term uint64
}

func (p proposer) Propose(_ context.Context, cmd state.Command) (state.Result, error) {
	s := p.h.s
	if s.leader != p.h || s.term != p.term || !s.quorumConnected(p.h) {
		return state.Result{}, fmt.Errorf("%s is not the leader with a quorum", p.h.name)
	}
	res, err := s.commit(cmd)
	p.h.catchUp(true)
	if s.verbose {
		s.logf("%s commit %d %s err=%v", p.h.name, len(s.entries), describe(cmd), err)
	}
	return res, err
}

func (p proposer) VerifyLeader(context.Context) error {
	s := p.h.s
	if s.leader != p.h || s.term != p.term || !s.quorumConnected(p.h) {
		return fmt.Errorf("%s is not the leader with a quorum", p.h.name)
	}
	return nil
}

func describe(cmd state.Command) string {
	switch c := cmd.(type) {
	case *state.Place:
		var parts []string
		for _, p := range c.Placements {
			parts = append(parts, fmt.Sprintf("%s@%d→%q", p.VM, p.Generation, p.Owner))
		}
		return "place " + strings.Join(parts, " ")
	case *state.SetHostState:
		return fmt.Sprintf("set %s %s", c.Host, c.State)
	case *state.OpenFence:
		return fmt.Sprintf("open-fence %s %s", c.Target, c.Method)
	case *state.ConfirmFence:
		return fmt.Sprintf("confirm-fence %d", c.ID)
	case *state.GrantLease:
		return fmt.Sprintf("grant %s", c.Holder)
	case *state.RenewLease:
		return fmt.Sprintf("renew %s", c.Holder)
	case *state.RegisterHost:
		return fmt.Sprintf("register %s %s", c.Name, c.BootID)
	}
	return fmt.Sprintf("%T", cmd)
}

// Leader returns the leader's name, or "".
func (s *Sim) Leader() string {
	if s.leader == nil {
		return ""
	}
	return s.leader.name
}

// lease config of a host (WatchdogTimeout 0 without a watchdog).
func (s *Sim) leaseConfig(h *host) lease.Config {
	c := s.cfg.Lease
	if !s.cfg.Watchdog[h.idx] {
		c.WatchdogTimeout = 0
	}
	return c
}
