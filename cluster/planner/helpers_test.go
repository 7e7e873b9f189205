package planner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/heartbeat"
	"github.com/vigil-ha/vigil/cluster/lease"
	"github.com/vigil-ha/vigil/cluster/state"
)

var (
	ctx = context.Background()
	t0  = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	lc  = lease.Config{TTL: 12 * time.Second, MaxDrift: 500 * time.Millisecond, MaxRenewalRTT: time.Second, RenewInterval: time.Second, WatchdogTimeout: 8 * time.Second}
)

// bench is a planner on a real state machine, with fakes around it.
type bench struct {
	t      testing.TB
	s      *state.State
	idx    uint64
	p      *Planner
	now    time.Time
	leader bool
	fences []string // "target/id"
	// cancels are the fences abandoned ("target/id").
	cancels []string
	// bmc, when set, answers every fence: the outcome is delivered at
	// the next step.
	bmc     func(target string, id uint64) FenceOutcome
	answers []FenceOutcome
	orders  []executor.MigrateOrder
	events  []Event
	hosts   []string
	boots   map[string]string
	epochs  map[string]uint64
	seq     uint64
	// beating: hosts whose heartbeat changes at every step.
	beating map[string]Observation
}

func (b *bench) Propose(_ context.Context, cmd state.Command) (state.Result, error) {
	if !b.leader {
		return state.Result{}, errors.New("not the leader")
	}
	b.idx++
	return b.s.ApplyCommand(b.idx, cmd)
}

func (b *bench) VerifyLeader(context.Context) error {
	if !b.leader {
		return errors.New("not the leader")
	}
	return nil
}

func (b *bench) Fence(target string, id uint64) {
	b.fences = append(b.fences, fmt.Sprintf("%s/%d", target, id))
	if b.bmc != nil {
		b.answers = append(b.answers, b.bmc(target, id))
	}
}

func (b *bench) Cancel(target string, id uint64) {
	b.cancels = append(b.cancels, fmt.Sprintf("%s/%d", target, id))
}

func (b *bench) Migrate(o executor.MigrateOrder) { b.orders = append(b.orders, o) }

// newBench registers hosts (watchdog armed unless listed in noDog) and
// VMs of 2 GiB, 2 vCPUs, and starts a planner.
func newBench(t testing.TB, hosts, vms int, noDog ...string) *bench {
	b := &bench{t: t, s: state.New(), now: t0, leader: true, boots: map[string]string{}, epochs: map[string]uint64{}, beating: map[string]Observation{}}
	for i := range hosts {
		name := fmt.Sprintf("h%d", i+1)
		b.hosts = append(b.hosts, name)
		b.boots[name] = name + "-b1"
		dog := true
		for _, n := range noDog {
			dog = dog && n != name
		}
		b.must(&state.RegisterHost{Name: name, Addresses: state.Addresses{Management: fmt.Sprintf("10.0.%d.%d", i/250, i%250+1)}, BootID: b.boots[name],
			Capacity: state.Capacity{MemoryMiB: 16 << 10, VCPUs: 16}, BMC: []state.BMCEndpoint{{Kind: "ipmi", Address: fmt.Sprintf("10.1.%d.%d", i/250, i%250+1)}}, WatchdogArmed: dog})
	}
	for i := range vms {
		b.must(&state.CreateVM{Desired: state.Running, Spec: vmSpec(i+1, "")})
	}
	cfg := Config{Self: "h1", Lease: lc, StablePeriod: 5 * time.Second, HealthCooldown: 20 * time.Second, MigrateRetry: 5 * time.Second,
		Events: func(e Event) { b.events = append(b.events, e) }}
	p, err := New(cfg, b.s, b, b, b)
	if err != nil {
		t.Fatal(err)
	}
	b.p = p
	p.Start(b.now)
	return b
}

func vmSpec(i int, group string) state.VMSpec {
	return state.VMSpec{Name: fmt.Sprintf("vm%d", i), VCPUs: 2, MemoryMiB: 2048,
		NICs: []state.NIC{{MAC: fmt.Sprintf("52:54:00:00:%02x:%02x", i>>8, i&0xff), Bridge: "vbr0"}},
		HA:   state.HA{Priority: 100, RTO: time.Minute, Group: group}}
}

func (b *bench) must(cmd state.Command) state.Result {
	b.t.Helper()
	b.idx++
	res, err := b.s.ApplyCommand(b.idx, cmd)
	if err != nil {
		b.t.Fatalf("apply %T: %v", cmd, err)
	}
	return res
}

// renew has every listed host renew with a report of what it runs (by
// the state), its replica as new as the state.
func (b *bench) renew(hosts ...string) {
	b.t.Helper()
	for _, h := range hosts {
		b.seq++
		rep := executor.Report{Host: h, Applied: b.s.Index(), LeaseValid: true}
		for _, vm := range b.s.VMsOn(h) {
			rep.Running = append(rep.Running, executor.Running{VM: vm.Spec.Name, Generation: vm.Generation})
		}
		r := b.p.Renew(ctx, b.now, lease.Request{Holder: h, BootID: b.boots[h], Epoch: b.epochs[h], Seq: b.seq}, rep)
		if r.Granted {
			b.epochs[h] = r.Epoch
		} else {
			b.epochs[h] = 0
		}
	}
}

// step advances time by d in renewal rounds: the live hosts renew, the
// planner ticks.
func (b *bench) step(d time.Duration, live ...string) {
	b.t.Helper()
	end := b.now.Add(d)
	for b.now.Before(end) {
		b.now = b.now.Add(500 * time.Millisecond)
		b.beat()
		b.renew(live...)
		b.p.Tick(ctx, b.now)
		answers := b.answers
		b.answers = nil
		for _, a := range answers {
			b.p.FenceDone(ctx, b.now, a)
		}
	}
}

// observe hands the planner memberlist's word on host and its shared-storage
// heartbeat: none (not hbKnown), stale since long before, or advancing
// (changing at every step from now on). Its BMC is not asked.
func (b *bench) observe(host string, m Member, since time.Time, hbKnown, hbAdvancing bool) {
	// The suspicion begins just after the last renewal round.
	o := Observation{Host: host, Member: m, Since: since.Add(time.Millisecond)}
	if hbKnown {
		o.Heartbeat = heartbeat.Status{FirstSeen: t0.Add(-time.Hour), LastChange: since.Add(-time.Hour), ReadAt: b.now}
	}
	delete(b.beating, host)
	if hbKnown && hbAdvancing {
		b.beating[host] = o
		o.Heartbeat.LastChange, o.Heartbeat.Record.Seq = b.now.Add(2*time.Millisecond), 1
	}
	b.p.Observe(b.now, []Observation{o})
}

// beat moves the heartbeats of the hosts observed advancing.
func (b *bench) beat() {
	for _, host := range sortedKeys(b.beating) {
		o := b.beating[host]
		o.Heartbeat.Record.Seq++
		o.Heartbeat.LastChange, o.Heartbeat.ReadAt = b.now, b.now
		b.beating[host] = o
		b.p.Observe(b.now, []Observation{o})
	}
}

func (b *bench) host(name string) state.Host {
	h, _ := b.s.Host(name)
	return h
}

func (b *bench) owner(vm string) string {
	v, _ := b.s.VM(vm)
	return v.Owner
}

// saw reports whether an event of kind about subject was emitted whose
// message contains all the words.
func (b *bench) saw(kind, subject string, words ...string) bool {
	for _, e := range b.events {
		if e.Kind != kind || e.Subject != subject {
			continue
		}
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(e.Message, w)
		}
		if ok {
			return true
		}
	}
	return false
}

func (b *bench) dump() string {
	var s strings.Builder
	for _, e := range b.events {
		fmt.Fprintf(&s, "%s %s %s: %s\n", e.Time.Sub(t0), e.Kind, e.Subject, e.Message)
	}
	return s.String()
}

// placeAll gets every VM placed with all hosts renewing.
func (b *bench) placeAll() {
	b.t.Helper()
	b.step(4*time.Second, b.hosts...)
	for _, vm := range b.s.VMs() {
		if vm.Owner == "" {
			b.t.Fatalf("%s not placed:\n%s", vm.Spec.Name, b.dump())
		}
	}
}
