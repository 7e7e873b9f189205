package demo

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
)

// Bounds of the scenarios: generous, for a machine shared with others.
const (
	// recoverWithin bounds a failover from the injection to the last VM's
	// heartbeat elsewhere.
	recoverWithin = 90 * time.Second
	// holdAtLeast is how long a host that cannot be confirmed off is
	// watched with nothing restarting: beyond its lease (4 s in the lab
	// profile) plus the self-fence margin, twice over.
	holdAtLeast = 12 * time.Second
	// eventPoll is how often a scenario reads the agents' audit logs
	// while it waits (each read runs `vigil events` once per agent); the
	// figures come from the events' own times, not from when they were
	// read.
	eventPoll = time.Second
	// cliPoll is how often the demo asks the agents for their status
	// while it waits: each ask starts a vigil process per agent, and the
	// machine is shared.
	cliPoll = 500 * time.Millisecond
	// serialPoll is how often the demo reads the guests' serial logs
	// while it waits for heartbeats (a guest beats once a second).
	serialPoll = 100 * time.Millisecond
)

// failover is one failure of a host that runs VMs: what ran there and the
// heartbeats known before.
type failover struct {
	victim *lab.Host
	moved  []string
	before beats
}

// prepare picks the victim of a scenario (the host with the watchdog when
// dog is set); one that may end in a fence first waits out the agents'
// mass-fence window since the last fence.
func (r *run) prepare(s *Scenario, fences, dog bool) (*failover, error) {
	if fences {
		if err := r.awaitFenceWindow(); err != nil {
			return nil, err
		}
	}
	victim, moved, err := r.pickVictim(dog)
	if err != nil {
		return nil, err
	}
	s.Victim, s.Moved = victim.Name, moved
	return &failover{victim: victim, moved: moved, before: r.snapshot(r.vms)}, nil
}

// awaitFenceWindow waits until the agents' last fence is older than their
// mass-fence window: with three hosts they fence at most one within it
// (DESIGN.md, invariant 6), so scenarios that fence keep apart.
func (r *run) awaitFenceWindow() error {
	tm, err := agents.Timing()
	if err != nil {
		return err
	}
	var last time.Time
	for _, e := range r.events(r.start) {
		if (e.Kind == "fence" || e.Kind == "fence-confirmed") && e.Time.After(last) {
			last = e.Time
		}
	}
	wait := time.Until(last.Add(tm.MassFenceWindow + time.Second))
	if last.IsZero() || wait <= 0 {
		return nil
	}
	r.step("wait", "", "%.1f s: the agents fence at most one host of %d within %v (the %s profile's mass-fence guard); the last fence was %.1f s ago",
		wait.Seconds(), len(r.l.Hosts), tm.MassFenceWindow, agents.Profile, time.Since(last).Seconds())
	select {
	case <-time.After(wait):
		return nil
	case <-r.ctx.Done():
		return r.ctx.Err()
	}
}

// settle checks what every failover ends with, from the agents' events:
// an agent declared the victim dead and confirmed its fence, and every
// moved VM was started elsewhere only after that confirmation. It fills
// detect, suspect and fence figures.
func (r *run) settle(s *Scenario, f *failover, got map[string]arrival) error {
	evs := r.events(r.inject)
	dead, ok := first(evs, "dead", f.victim.Name, "")
	if !ok {
		return fmt.Errorf("no agent declared %s dead", f.victim.Name)
	}
	s.DetectMS = msSince(dead.Time, r.inject)
	if sus, ok := first(evs, "suspect", f.victim.Name, ""); ok {
		s.SuspectMS = msSince(sus.Time, r.inject)
	}
	fenced, ok := first(evs, "fence-confirmed", f.victim.Name, "")
	if !ok {
		return fmt.Errorf("no agent confirmed %s's fence", f.victim.Name)
	}
	s.FenceMS = msSince(fenced.Time, r.inject)
	if len(got) > 0 {
		s.RTOMS = msSince(lastArrival(got), r.inject)
	}
	for _, vm := range f.moved {
		a := got[vm]
		started, ok := first(evs, "started", "", vm)
		if !ok {
			return fmt.Errorf("%s runs on %s, but no agent recorded its start", vm, a.host)
		}
		if started.Time.Before(fenced.Time) {
			return fmt.Errorf("%s started on %s at %s, before %s's fence was confirmed at %s", vm, started.Agent,
				started.Time.Format("15:04:05.000"), f.victim.Name, fenced.Time.Format("15:04:05.000"))
		}
		if !a.fresh {
			return fmt.Errorf("%s on %s continues its old boot %s: it was not restarted, yet its host died", vm, a.host, a.boot)
		}
	}
	return nil
}

// powerCut: a follower running VMs loses its power through its BMC (the
// BMC stays up and reads off); the agents must declare it dead, confirm it
// off through its BMC and start its VMs elsewhere.
func powerCut(r *run, s *Scenario) error {
	f, err := r.prepare(s, true, false)
	if err != nil {
		return err
	}
	r.injectNow(f.victim.Name, "power of %s cut through its %s BMC (it runs %s)", f.victim.Name, f.victim.BMC.Kind, strings.Join(f.moved, " "))
	if err := f.victim.PowerOff(); err != nil {
		return fmt.Errorf("cut the power: %w", err)
	}
	got, err := r.watchArrivals(f.moved, f.victim, f.before, recoverWithin, nil)
	if err != nil {
		return err
	}
	time.Sleep(time.Second) // the last events reach the audit logs
	if err := r.settle(s, f, got); err != nil {
		return err
	}
	return r.checkNetwork(s, hostsOf(got), nil, f.victim)
}

// hostsOf is where each arrival was seen: VM → host.
func hostsOf(got map[string]arrival) map[string]string {
	out := map[string]string{}
	for vm, a := range got {
		out[vm] = a.host
	}
	return out
}

// partition: a follower running VMs is cut off from every peer on both
// networks but stays powered, its BMC reachable. The majority must fence it
// through its BMC and start its VMs elsewhere; the isolated host itself
// stops its VMs when its own lease ends, if the fence has not come first
// (its own events, read when it is back, say which).
func partition(r *run, s *Scenario) error {
	f, err := r.prepare(s, true, false)
	if err != nil {
		return err
	}
	r.injectNow(f.victim.Name, "%s cut off from its peers on both networks, still powered, its BMC reachable (it runs %s)", f.victim.Name, strings.Join(f.moved, " "))
	if err := r.l.Isolate(f.victim); err != nil {
		return fmt.Errorf("isolate: %w", err)
	}
	got, err := r.watchArrivals(f.moved, f.victim, f.before, recoverWithin, nil)
	if err != nil {
		return err
	}
	time.Sleep(time.Second)
	if err := r.settle(s, f, got); err != nil {
		return err
	}
	if f.victim.On() {
		return fmt.Errorf("%s's VMs run elsewhere, yet %s is still powered", strings.Join(f.moved, " "), f.victim.Name)
	}
	// Which came first for the isolated host: the fence or the end of
	// its own lease (its agent's own events say so once it is back).
	if tm, err := agents.Timing(); err == nil && *s.FenceMS < tm.Lease.TTL.Milliseconds() {
		r.step("observe", f.victim.Name, "%s was fenced %d ms after the cut, before its own lease (%v) could lapse: its VMs stopped with it",
			f.victim.Name, *s.FenceMS, tm.Lease.TTL)
	}
	return r.checkNetwork(s, hostsOf(got), nil, f.victim)
}

// partitionBMCDownWatchdog: the host whose watchdog is armed, running
// VMs, is cut off from its peers and its BMC from theirs. Its renewals stop
// being answered, so its agent stops feeding the watchdog, which resets
// the host. Nobody can confirm it off through its BMC, but its watchdog is
// armed: once its lease deadline plus the agents' margin has passed they
// presume it self-fenced and start its VMs elsewhere. Nothing may run
// elsewhere before that deadline, nor before the watchdog reset.
func partitionBMCDownWatchdog(r *run, s *Scenario) error {
	if r.dog == nil {
		return fmt.Errorf("no host runs a watchdog")
	}
	f, err := r.prepare(s, true, true)
	if err != nil {
		return err
	}
	if armed, _ := r.dog.Armed(); !armed {
		return fmt.Errorf("%s's watchdog is not armed", f.victim.Name)
	}
	resetsBefore := len(r.dog.Resets())
	tm, err := agents.Timing()
	if err != nil {
		return err
	}
	r.injectNow(f.victim.Name, "%s cut off from its peers and its %s BMC from theirs; its %v watchdog armed (it runs %s)",
		f.victim.Name, f.victim.BMC.Kind, demoWatchdog, strings.Join(f.moved, " "))
	for _, h := range r.l.Hosts {
		if h != f.victim {
			if err := r.l.PartitionBMC(h, f.victim); err != nil {
				return fmt.Errorf("partition %s from %s's BMC: %w", h.Name, f.victim.Name, err)
			}
		}
	}
	if err := r.l.Isolate(f.victim); err != nil {
		return fmt.Errorf("isolate: %w", err)
	}
	_, lastFed := r.dog.Armed()
	// The leader's deadline runs from the last renewal it answered, which
	// came back at most a round trip before the last feed; the agents add
	// their self-fence margin (the planner's default: a tenth of the
	// lease, at least 1 s).
	margin := max(tm.Lease.TTL/10, time.Second)
	deadline := lastFed.Add(tm.Lease.TTL + margin - tm.Lease.MaxRenewalRTT)
	var reset time.Time
	got, err := r.watchArrivals(f.moved, f.victim, f.before, recoverWithin, func() error {
		if resets := r.dog.Resets(); reset.IsZero() && len(resets) > resetsBefore {
			reset = resets[resetsBefore]
			r.say("lab", "OBSERVE: %s's watchdog went unfed for %v and reset the host, %d ms after the cut", f.victim.Name, demoWatchdog, reset.Sub(r.inject).Milliseconds())
		}
		return nil
	})
	if err != nil {
		return err
	}
	if resets := r.dog.Resets(); len(resets) > resetsBefore {
		reset = resets[resetsBefore]
	}
	if reset.IsZero() {
		return fmt.Errorf("%s's watchdog never reset it, yet its VMs run elsewhere", f.victim.Name)
	}
	r.step("observe", f.victim.Name, "self-fence deadline %d ms after the cut (last feed + lease %v + margin %v − round trip %v); watchdog reset at %d ms",
		deadline.Sub(r.inject).Milliseconds(), tm.Lease.TTL, margin, tm.Lease.MaxRenewalRTT, reset.Sub(r.inject).Milliseconds())
	for vm, a := range got {
		if a.at.Before(deadline) || a.at.Before(reset) {
			return fmt.Errorf("%s ran on %s %d ms after the cut: before the self-fence deadline (%d ms) or the watchdog reset (%d ms)",
				vm, a.host, a.at.Sub(r.inject).Milliseconds(), deadline.Sub(r.inject).Milliseconds(), reset.Sub(r.inject).Milliseconds())
		}
	}
	time.Sleep(time.Second)
	if err := r.settle(s, f, got); err != nil {
		return err
	}
	if fc, _ := first(r.events(r.inject), "fence-confirmed", f.victim.Name, ""); !strings.Contains(fc.Message, "self-fence deadline") {
		return fmt.Errorf("%s's fence was confirmed, but not by its self-fence deadline: %q", f.victim.Name, fc.Message)
	}
	// The reset host is back but still cut off.
	return r.checkNetwork(s, hostsOf(got), nil, f.victim)
}

// partitionBMCDownNoWatchdog: a follower running VMs is cut off from its
// peers and its BMC becomes unreachable; its watchdog is none. Nothing may
// restart its VMs elsewhere, however long it lasts, since nothing can
// confirm it off, and an agent's event must say so. The isolated host
// stops its VMs itself when its lease lapses. Then its BMC comes back (the
// partition stays): the agents must fence it through the BMC and only
// then start its VMs elsewhere.
func partitionBMCDownNoWatchdog(r *run, s *Scenario) error {
	f, err := r.prepare(s, true, false)
	if err != nil {
		return err
	}
	r.injectNow(f.victim.Name, "%s cut off from its peers and its %s BMC unreachable from everywhere; watchdog none (it runs %s)", f.victim.Name, f.victim.BMC.Kind, strings.Join(f.moved, " "))
	if err := f.victim.BMC.SetDown(true); err != nil {
		return fmt.Errorf("take the BMC away: %w", err)
	}
	if err := r.l.Isolate(f.victim); err != nil {
		return fmt.Errorf("isolate: %w", err)
	}
	// Hold: nothing may restart; wait for the agents to say why, and for
	// the isolated host to stop its VMs on its own.
	var why, selfFence Event
	errHeld := errors.New("held")
	var polled time.Time
	arrived, err := r.watchArrivals(f.moved, f.victim, f.before, 60*time.Second, func() error {
		if time.Since(polled) < eventPoll {
			return nil
		}
		polled = time.Now()
		evs := r.events(r.inject)
		if why.Kind == "" {
			if e, ok := first(evs, "fence-wait", f.victim.Name, ""); ok {
				why = e
				r.say("lab", "OBSERVE: agent %s says why nothing restarts: %s", e.Agent, strings.Join(strings.Fields(e.Message), " "))
			}
		}
		if selfFence.Kind == "" {
			for _, e := range evs {
				if e.Kind == "self-fence" && e.Agent == f.victim.Name {
					selfFence = e
					r.say("lab", "OBSERVE: the isolated %s stopped its own VMs: %s", e.Agent, e.Message)
				}
			}
		}
		if why.Kind != "" && time.Since(r.inject) >= holdAtLeast {
			return errHeld
		}
		return nil
	})
	if !errors.Is(err, errHeld) {
		if len(arrived) > 0 {
			return fmt.Errorf("VMs restarted while %s could not be confirmed off: %v", f.victim.Name, arrived)
		}
		if why.Kind == "" {
			return fmt.Errorf("no agent said why %s's VMs wait (no fence-wait event) within 60 s: %v", f.victim.Name, err)
		}
		return err
	}
	if !strings.Contains(why.Message, "watchdog is none") {
		return fmt.Errorf("the agents' reason for waiting does not name the missing watchdog: %q", why.Message)
	}
	if selfFence.Kind == "" {
		return fmt.Errorf("%s's lease lapsed %v ago but its agent recorded no self-fence", f.victim.Name, time.Since(r.inject).Round(time.Second))
	}
	for _, vm := range f.moved {
		if r.l.LiveCopies(vm) != 0 {
			return fmt.Errorf("%s still runs on the isolated %s after its lease lapsed", vm, f.victim.Name)
		}
	}
	r.step("inject", f.victim.Name, "%s's BMC reachable again (%s still cut off from its peers): now it can be confirmed off", f.victim.Name, f.victim.Name)
	back := time.Now()
	if err := f.victim.BMC.SetDown(false); err != nil {
		return fmt.Errorf("bring the BMC back: %w", err)
	}
	got, err := r.watchArrivals(f.moved, f.victim, f.before, recoverWithin, nil)
	if err != nil {
		return err
	}
	time.Sleep(time.Second)
	if err := r.settle(s, f, got); err != nil {
		return err
	}
	for vm, a := range got {
		if a.at.Before(back) {
			return fmt.Errorf("%s restarted on %s before %s's BMC came back", vm, a.host, f.victim.Name)
		}
	}
	return r.checkNetwork(s, hostsOf(got), nil, f.victim)
}

// The predicted failure's heat: the CPU starts warm and climbs steadily
// toward its critical threshold (95 °C on both simulators; its warning
// band starts at 85 °C).
const (
	cpuStart    = 78.0
	cpuPerSec   = 0.5
	cpuCritical = 95.0
	cpuNormal   = 45.0
	fanNormal   = 5400.0
)

// predictedFailure: FAN1 of a follower running VMs stops and its CPU heats
// up. The agents must see the risk, evacuate the host by live migration
// (each guest goes on with the same boot on another host) before the CPU
// reaches critical, and restart nothing.
func predictedFailure(r *run, s *Scenario) error {
	f, err := r.prepare(s, false, false)
	if err != nil {
		return err
	}
	bmc := f.victim.BMC
	r.injectNow(f.victim.Name, "%s's FAN1 stops; its CPU heats from %.0f °C by %.1f °C/s toward critical %.0f °C (it runs %s)",
		f.victim.Name, cpuStart, cpuPerSec, cpuCritical, strings.Join(f.moved, " "))
	if err := bmc.FailFan(r.ctx, 1); err != nil {
		return fmt.Errorf("fail FAN1: %w", err)
	}
	defer func() {
		bmc.SetSensor(r.ctx, "FAN1", fanNormal)
		bmc.SetSensor(r.ctx, "CPU Temp", cpuNormal)
		r.step("restore", f.victim.Name, "FAN1 replaced, CPU back to %.0f °C", cpuNormal)
	}()
	temp := cpuStart
	lastHeat := time.Time{}
	var critical time.Time
	var evacuate Event
	var polled time.Time
	heat := func() error {
		if time.Since(lastHeat) >= time.Second && critical.IsZero() {
			lastHeat = time.Now()
			temp = cpuStart + cpuPerSec*time.Since(r.inject).Seconds()
			if temp >= cpuCritical {
				temp, critical = cpuCritical, time.Now()
				r.step("observe", f.victim.Name, "CPU at its critical %.0f °C", cpuCritical)
			}
			if err := bmc.SetSensor(r.ctx, "CPU Temp", temp); err != nil {
				return fmt.Errorf("set CPU Temp: %w", err)
			}
		}
		if time.Since(polled) < eventPoll {
			return nil
		}
		polled = time.Now()
		evs := r.events(r.inject)
		if evacuate.Kind == "" {
			if e, ok := first(evs, "evacuate", f.victim.Name, ""); ok {
				evacuate = e
				s.DetectMS = msSince(e.Time, r.inject)
				r.say("lab", "OBSERVE: agent %s decided to evacuate %s at %.1f °C: %s", e.Agent, f.victim.Name, temp, e.Message)
			}
		}
		for _, e := range evs {
			if e.Kind == "migrate-failed" && contains(f.moved, e.VM) {
				return fmt.Errorf("live migration of %s failed: %s", e.VM, e.Message)
			}
		}
		if !critical.IsZero() {
			return fmt.Errorf("%s's CPU reached critical before its VMs left", f.victim.Name)
		}
		return nil
	}
	got, err := r.watchArrivals(f.moved, f.victim, f.before, recoverWithin, heat)
	if err != nil {
		if evacuate.Kind == "" {
			var u unsupported
			if !errors.As(err, &u) {
				err = fmt.Errorf("%w; no agent decided to evacuate %s", err, f.victim.Name)
			}
		}
		return err
	}
	if !critical.IsZero() && lastArrival(got).After(critical) {
		return fmt.Errorf("the last VM left %s after its CPU reached critical", f.victim.Name)
	}
	s.RTOMS = msSince(lastArrival(got), r.inject)
	time.Sleep(time.Second)
	evs := r.events(r.inject)
	for vm, a := range got {
		if a.fresh {
			return fmt.Errorf("%s was restarted on %s (new boot %s), not live-migrated", vm, a.host, a.boot)
		}
		if _, ok := first(evs, "migrated", "", vm); !ok {
			return fmt.Errorf("%s runs on %s, but no agent recorded its migration", vm, a.host)
		}
	}
	// The host the VMs left is still up and connected: reach them from it.
	return r.checkNetwork(s, hostsOf(got), f.victim)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
