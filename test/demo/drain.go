package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
)

// drainReadmit: a technician drains a follower running VMs (`vigil host
// drain`). The agents must move its VMs away by live migration, each guest
// going on with the same boot and heartbeat sequence, restart none, and
// show the host in maintenance with no VM; nothing may be placed there
// while it is (`vigil vm migrate --to` it is refused). `vigil host
// readmit` returns it to service: then a VM can be placed there again,
// which the demo shows by asking for one's migration to it.
func drainReadmit(r *run, s *Scenario) error {
	f, err := r.prepare(s, false, false)
	if err != nil {
		return err
	}
	// Ask through another host's agent, as a technician's console would.
	via := r.l.Hosts[0]
	for _, h := range r.l.Hosts {
		if h != f.victim {
			via = h
			break
		}
	}
	r.injectNow(f.victim.Name, "`vigil host drain %s` through %s's agent (it runs %s)", f.victim.Name, via.Name, strings.Join(f.moved, " "))
	out, err := r.c.RunOn(r.ctx, via.Name, "host", "drain", f.victim.Name)
	if err != nil {
		return fmt.Errorf("drain: %w", err)
	}
	r.say("lab", "OBSERVE: vigil host drain: %s", strings.TrimSpace(string(out)))
	var drain Event
	var polled time.Time
	got, err := r.watchArrivals(f.moved, f.victim, f.before, recoverWithin, func() error {
		if time.Since(polled) < eventPoll {
			return nil
		}
		polled = time.Now()
		evs := r.events(r.inject)
		if drain.Kind == "" {
			if e, ok := first(evs, "drain", f.victim.Name, ""); ok {
				drain = e
				s.DetectMS = msSince(e.Time, r.inject)
			}
		}
		for _, e := range evs {
			if e.Kind == "migrate-failed" && contains(f.moved, e.VM) {
				return fmt.Errorf("live migration of %s failed: %s", e.VM, e.Message)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.RTOMS = msSince(lastArrival(got), r.inject)
	for vm, a := range got {
		if a.fresh {
			return fmt.Errorf("%s was restarted on %s (new boot %s), not live-migrated", vm, a.host, a.boot)
		}
	}
	// The host shows maintenance with no VM, and runs none.
	var state string
	err = agents.Poll(r.ctx, f.victim.Name+" in maintenance with no VM", time.Minute, cliPoll, func() bool {
		st, err := r.c.Status(r.ctx, via.Name)
		if err != nil {
			return false
		}
		for _, hs := range st.Hosts {
			if hs.Name == f.victim.Name {
				state = fmt.Sprintf("%s with %d VMs", hs.State, hs.VMs)
				if hs.State != "maintenance" || hs.VMs != 0 {
					return false
				}
			}
		}
		for _, vm := range f.moved {
			if hosts := r.l.VMHosts(vm); len(hosts) != 1 || hosts[0] == f.victim {
				return false
			}
		}
		return true
	})
	if err != nil {
		return fmt.Errorf("%w: %s is %s", err, f.victim.Name, state)
	}
	r.step("observe", f.victim.Name, "%s is in maintenance and runs no VM; %s went on elsewhere with the same boots", f.victim.Name, strings.Join(f.moved, " "))
	time.Sleep(time.Second)
	evs := r.events(r.inject)
	if drain.Kind == "" {
		return fmt.Errorf("no agent recorded the drain of %s", f.victim.Name)
	}
	for vm, a := range got {
		if _, ok := first(evs, "migrated", "", vm); !ok {
			return fmt.Errorf("%s runs on %s, but no agent recorded its migration", vm, a.host)
		}
	}
	if err := r.checkNetwork(s, hostsOf(got), f.victim); err != nil {
		return err
	}

	// Nothing is placed on a host in maintenance.
	back := f.moved[0]
	from := r.hostNamed(got[back].host)
	_, err = r.c.RunOn(r.ctx, via.Name, "vm", "migrate", back, "--to", f.victim.Name)
	switch {
	case err == nil:
		return fmt.Errorf("`vigil vm migrate %s --to %s` accepted while %s is in maintenance", back, f.victim.Name, f.victim.Name)
	case !strings.Contains(err.Error(), "cannot take it"):
		return fmt.Errorf("`vigil vm migrate %s --to %s` refused, but not because %s cannot take it: %v", back, f.victim.Name, f.victim.Name, err)
	}
	r.step("observe", f.victim.Name, "`vigil vm migrate %s --to %s` refused while it is in maintenance: %s", back, f.victim.Name, cliError(err))

	// Readmitted, it takes VMs again.
	r.step("inject", f.victim.Name, "`vigil host readmit %s`", f.victim.Name)
	if _, err := r.c.RunOn(r.ctx, via.Name, "host", "readmit", f.victim.Name); err != nil {
		return fmt.Errorf("readmit: %w", err)
	}
	if err := r.inService(time.Minute); err != nil {
		return fmt.Errorf("after the readmission: %w", err)
	}
	if _, ok := first(r.events(r.inject), "readmit", f.victim.Name, ""); !ok {
		return fmt.Errorf("no agent recorded %s's readmission", f.victim.Name)
	}
	before := r.snapshot([]string{back})
	// The leader orders it once the VM's host has reported it running
	// there (its next lease renewal).
	var asked error
	err = agents.Poll(r.ctx, "the migration of "+back+" to "+f.victim.Name+" accepted", 30*time.Second, 500*time.Millisecond, func() bool {
		_, asked = r.c.RunOn(r.ctx, via.Name, "vm", "migrate", back, "--to", f.victim.Name)
		return asked == nil
	})
	if err != nil {
		return fmt.Errorf("%w: %v", err, asked)
	}
	r.step("observe", f.victim.Name, "`vigil vm migrate %s --to %s` accepted: the readmitted host takes VMs again", back, f.victim.Name)
	arrived, err := r.watchArrivals([]string{back}, from, before, recoverWithin, nil)
	if err != nil {
		return err
	}
	again := arrived[back]
	if again.host != f.victim.Name {
		return fmt.Errorf("%s went to %s, not to %s", back, again.host, f.victim.Name)
	}
	if again.fresh {
		return fmt.Errorf("%s was restarted on %s (new boot %s), not live-migrated", back, f.victim.Name, again.boot)
	}
	if hosts := r.l.VMHosts(back); len(hosts) != 1 || hosts[0] != f.victim {
		return fmt.Errorf("%s runs on %v after its migration to %s", back, hosts, f.victim.Name)
	}
	return r.checkNetwork(s, map[string]string{back: f.victim.Name}, from)
}

// hostNamed is the lab's host called name, or nil.
func (r *run) hostNamed(name string) *lab.Host {
	for _, h := range r.l.Hosts {
		if h.Name == name {
			return h
		}
	}
	return nil
}

// cliError is what the vigil CLI said in err (agents.Cluster.Run's error
// names the command line first).
func cliError(err error) string {
	s := err.Error()
	if _, msg, ok := strings.Cut(s, "exit status 1: "); ok {
		return strings.TrimSpace(msg)
	}
	return s
}
