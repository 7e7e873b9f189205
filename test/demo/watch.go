package demo

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
)

// run is one demo run: the lab, its agents, the VMs and the human output.
type run struct {
	ctx   context.Context
	out   io.Writer
	start time.Time
	l     *lab.Lab
	c     *agents.Cluster
	vms   []string
	// dogHost is the one host whose agent arms a watchdog, dog that
	// watchdog.
	dogHost *lab.Host
	dog     *lab.Watchdog

	// Of the scenario running: when it started, when its failure was
	// injected, and the demo's own steps for its timeline.
	scenarioStart, inject time.Time
	steps                 []Event
}

// say prints one of the demo's lines, stamped with the time since the run
// started.
func (r *run) say(source, format string, args ...any) {
	fmt.Fprintf(r.out, "%8.3fs  %-5s %s\n", time.Since(r.start).Seconds(), source, fmt.Sprintf(format, args...))
}

// step records one of the demo's own steps in the scenario's timeline
// (kind: inject, observe, restore) and prints it.
func (r *run) step(kind, host, format string, args ...any) {
	r.stepAt(time.Now(), kind, host, format, args...)
}

func (r *run) stepAt(at time.Time, kind, host, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	r.steps = append(r.steps, Event{Time: at, Source: "lab", Kind: kind, Host: host, Message: msg})
	r.say("lab", "%s: %s", strings.ToUpper(kind), msg)
}

// injectNow marks the scenario's failure as injected now: the timeline's
// zero and its inject step carry the same instant.
func (r *run) injectNow(host, format string, args ...any) {
	r.inject = time.Now()
	r.stepAt(r.inject, "inject", host, format, args...)
}

// status asks the agents in host order until one answers.
func (r *run) status() (localapi.Status, error) {
	var err error
	for _, h := range r.l.Hosts {
		if !h.On() {
			continue
		}
		var st localapi.Status
		if st, err = r.c.Status(r.ctx, h.Name); err == nil {
			return st, nil
		}
	}
	return localapi.Status{}, fmt.Errorf("no agent answers: %v", err)
}

// leader is the leader as the first answering agent sees it.
func (r *run) leader() (string, error) {
	st, err := r.status()
	if err != nil {
		return "", err
	}
	if st.Leader == nil {
		return "", fmt.Errorf("%s sees no leader", st.Host)
	}
	return *st.Leader, nil
}

// pickVictim returns a powered host that runs VMs, a follower when one
// does (the leader's own loss adds an election: a scenario of its own),
// and the VMs the cluster places on it: the host with the watchdog when
// dog is set, another one otherwise.
func (r *run) pickVictim(dog bool) (*lab.Host, []string, error) {
	st, err := r.leaderStatus()
	if err != nil {
		return nil, nil, err
	}
	leader := ""
	if st.Leader != nil {
		leader = *st.Leader
	}
	on := map[string][]string{}
	for _, v := range st.VMs {
		on[v.Host] = append(on[v.Host], v.Name)
	}
	var pick *lab.Host
	for _, h := range r.l.Hosts {
		if !h.On() || len(on[h.Name]) == 0 || (h == r.dogHost) != dog {
			continue
		}
		if pick == nil || pick.Name == leader || h.Name != leader && len(on[h.Name]) > len(on[pick.Name]) {
			pick = h
		}
	}
	if pick == nil {
		return nil, nil, fmt.Errorf("no powered host runs VMs (%+v)", st.VMs)
	}
	vms := on[pick.Name]
	slices.Sort(vms)
	return pick, vms, nil
}

// beats is, per VM, the highest heartbeat sequence number of every boot
// seen in any host's serial log of it.
type beats map[string]map[string]uint64

// snapshot reads every host's serial logs of vms.
func (r *run) snapshot(vms []string) beats {
	b := beats{}
	for _, vm := range vms {
		b[vm] = map[string]uint64{}
		for _, h := range r.l.Hosts {
			for _, hb := range r.c.Heartbeats(h, vm) {
				if s, ok := b[vm][hb.Boot]; !ok || hb.Seq > s {
					b[vm][hb.Boot] = hb.Seq
				}
			}
		}
	}
	return b
}

// arrival is a VM's first heartbeat on another host after the injection.
type arrival struct {
	host string
	boot string
	// fresh: a new boot (a restart); otherwise the guest went on from
	// where it was (a live migration).
	fresh bool
	at    time.Time
}

// newBeat looks for a heartbeat of vm on a host other than from that the
// snapshot before did not have: a new boot, or a higher sequence number
// of a known boot.
func (r *run) newBeat(vm string, from *lab.Host, before beats) (arrival, bool) {
	for _, h := range r.l.Hosts {
		if h == from {
			continue
		}
		for _, hb := range r.c.Heartbeats(h, vm) {
			seq, known := before[vm][hb.Boot]
			if !known || hb.Seq > seq {
				return arrival{host: h.Name, boot: hb.Boot, fresh: !known, at: time.Now()}, true
			}
		}
	}
	return arrival{}, false
}

// watchArrivals polls the serial logs every serialPoll until every VM of vms
// gave a new heartbeat off from, or stop returns an error, or limit
// passes; it returns the arrivals seen.
func (r *run) watchArrivals(vms []string, from *lab.Host, before beats, limit time.Duration, stop func() error) (map[string]arrival, error) {
	got := map[string]arrival{}
	deadline := time.Now().Add(limit)
	for {
		for _, vm := range vms {
			if _, ok := got[vm]; ok {
				continue
			}
			if a, ok := r.newBeat(vm, from, before); ok {
				got[vm] = a
				how := "restarted (new boot " + a.boot + ")"
				if !a.fresh {
					how = "continuing its boot " + a.boot
				}
				r.say("lab", "OBSERVE: %s gives heartbeats on %s, %s, %d ms after the injection", vm, a.host, how, a.at.Sub(r.inject).Milliseconds())
			}
		}
		if len(got) == len(vms) {
			return got, nil
		}
		if stop != nil {
			if err := stop(); err != nil {
				return got, err
			}
		}
		if time.Now().After(deadline) {
			var missing []string
			for _, vm := range vms {
				if _, ok := got[vm]; !ok {
					missing = append(missing, vm)
				}
			}
			return got, fmt.Errorf("%v gave no heartbeat off %s within %v of the injection", missing, from.Name, limit)
		}
		select {
		case <-r.ctx.Done():
			return got, r.ctx.Err()
		case <-time.After(serialPoll):
		}
	}
}

// lastArrival is the time of the latest arrival.
func lastArrival(got map[string]arrival) time.Time {
	var t time.Time
	for _, a := range got {
		if a.at.After(t) {
			t = a.at
		}
	}
	return t
}

// events gathers the audit logs of every agent that answers, the events
// since `since`, each with the agent whose log holds it, oldest first.
func (r *run) events(since time.Time) []Event {
	var out []Event
	for _, h := range r.l.Hosts {
		if !h.On() {
			continue
		}
		evs, err := r.c.Events(r.ctx, h.Name)
		if err != nil {
			continue
		}
		for _, e := range evs {
			if e.Time.Before(since) {
				continue
			}
			out = append(out, Event{Time: e.Time, Source: "agent", Agent: h.Name, Kind: e.Kind, Host: e.Host, VM: e.VM, Message: e.Message, Evidence: e.Evidence})
		}
	}
	slices.SortStableFunc(out, func(a, b Event) int { return a.Time.Compare(b.Time) })
	return out
}

// first returns the first event of kind about host (or vm) in evs.
func first(evs []Event, kind, host, vm string) (Event, bool) {
	for _, e := range evs {
		if e.Kind == kind && (host == "" || e.Host == host) && (vm == "" || e.VM == vm) {
			return e, true
		}
	}
	return Event{}, false
}

// msSince is t's offset from since in milliseconds.
func msSince(t, since time.Time) *int64 {
	ms := t.Sub(since).Milliseconds()
	return &ms
}

// quiet kinds are left out of the timeline: routine lease grants, BMC log
// bookkeeping and intents closed.
func quiet(kind string) bool {
	return kind == "lease-granted" || kind == "intent-closed" || kind == "intent.closed" || strings.HasPrefix(kind, "bmc")
}

// timeline is the scenario's timeline: the agents' events since the
// scenario started and the demo's own steps, with offsets from the
// injection (or the scenario's start where nothing was injected).
func (r *run) timeline() []Event {
	zero := r.inject
	if zero.IsZero() {
		zero = r.scenarioStart
	}
	var out []Event
	for _, e := range r.events(r.scenarioStart) {
		if !quiet(e.Kind) {
			out = append(out, e)
		}
	}
	out = append(out, r.steps...)
	slices.SortStableFunc(out, func(a, b Event) int { return a.Time.Compare(b.Time) })
	for i := range out {
		out[i].AtMS = out[i].Time.Sub(zero).Milliseconds()
	}
	return out
}

// twiceVMs are the VMs named in the lab watcher's never-twice violations
// ("15:04:05.000: VM vm1 ran 2 times: ...").
func twiceVMs(violations []string) []string {
	set := map[string]bool{}
	for _, v := range violations {
		_, rest, ok := strings.Cut(v, ": VM ")
		if !ok {
			continue
		}
		if vm, _, ok := strings.Cut(rest, " ran "); ok {
			set[vm] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// placement prints where VMs run, by host.
func placement(where map[string]string) string {
	by := map[string][]string{}
	for vm, h := range where {
		by[h] = append(by[h], vm)
	}
	var parts []string
	for _, h := range slices.SortedFunc(maps.Keys(by), cmp.Compare[string]) {
		vms := by[h]
		slices.Sort(vms)
		parts = append(parts, fmt.Sprintf("%s: %s", h, strings.Join(vms, " ")))
	}
	return strings.Join(parts, "; ")
}

// print writes the scenario's timeline and verdict.
func (r *run) print(s Scenario) {
	for _, e := range s.Timeline {
		who := "lab"
		if e.Source == "agent" {
			who = "agent " + e.Agent
		}
		subject := e.Host
		if e.VM != "" {
			subject = e.VM
		}
		msg := strings.Join(strings.Fields(e.Message), " ")
		fmt.Fprintf(r.out, "      %+8.3fs  %-20s %-16s %-10s %s\n", float64(e.AtMS)/1000, who, e.Kind, subject, msg)
	}
	verdict := "PASSED"
	if !s.Passed {
		verdict = "NOT PASSED: " + s.Reason
	}
	r.say("lab", "scenario %s: %s; detect %s, fence %s, RTO %s; %d/%d VMs running, %d ran twice",
		s.Name, verdict, ms(s.DetectMS), ms(s.FenceMS), ms(s.RTOMS), s.VMsRunning, s.VMsExpected, s.VMsRunningTwice)
}

func ms(v *int64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%d ms", *v)
}
