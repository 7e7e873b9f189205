package demo

import (
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/test/agents"
)

// restore brings the lab back to every host in service with every VM
// running once, as a technician would after a failure: the network healed,
// every BMC reachable, powered-off hosts powered on (their agents start
// with a new boot id) and fenced hosts readmitted through `vigil host
// readmit`. In service is healthy, or degraded for a host whose fan was
// replaced after a predicted failure: the agents keep it degraded for
// their health cooldown (5 minutes), as they should. It moves no VM: the
// cluster keeps them where they are.
func (r *run) restore() error {
	if err := r.l.Heal(); err != nil {
		return fmt.Errorf("heal the network: %w", err)
	}
	for _, h := range r.l.Hosts {
		if err := h.BMC.SetDown(false); err != nil {
			return fmt.Errorf("%s's BMC: %w", h.Name, err)
		}
	}
	var off []string
	for _, h := range r.l.Hosts {
		if !h.On() {
			off = append(off, h.Name)
		}
	}
	r.step("restore", "", "network healed, BMCs reachable; powering on %v", off)
	for _, h := range r.l.Hosts {
		if !h.On() {
			if err := h.PowerOn(); err != nil {
				return fmt.Errorf("power %s on: %w", h.Name, err)
			}
		}
	}
	readmitted := map[string]bool{}
	var last string
	err := agents.Poll(r.ctx, "every host in service", 2*time.Minute, cliPoll, func() bool {
		// The leader's view: a host just powered on answers from its
		// replica as it was before it went down until it catches up.
		st, err := r.leaderStatus()
		if err != nil {
			last = err.Error()
			return false
		}
		var out []string
		for _, hs := range st.Hosts {
			switch hs.State {
			case "healthy", "degraded":
				continue
			case "fenced":
				// Refused until the host is back with a new boot id.
				if !readmitted[hs.Name] {
					if _, err := r.c.RunOn(r.ctx, st.Host, "host", "readmit", hs.Name); err == nil {
						readmitted[hs.Name] = true
						r.step("restore", hs.Name, "`vigil host readmit %s` accepted", hs.Name)
					}
				}
			}
			out = append(out, hs.Name+" "+hs.State)
		}
		last = fmt.Sprintf("%s sees %v", st.Host, out)
		return len(out) == 0
	})
	if err != nil {
		return fmt.Errorf("%w (%s)", err, last)
	}
	if err := r.inService(time.Minute); err != nil {
		return err
	}
	return agents.Poll(r.ctx, "every VM running once where the cluster places it", time.Minute, cliPoll, func() bool {
		st, err := r.leaderStatus()
		if err != nil || len(st.VMs) != len(r.vms) {
			return false
		}
		for _, v := range st.VMs {
			hosts := r.l.VMHosts(v.Name)
			if v.State != "running" || len(hosts) != 1 || hosts[0].Name != v.Host {
				return false
			}
		}
		return true
	})
}

// inService waits until every agent sees every host in service (healthy
// or degraded) under one leader with quorum.
func (r *run) inService(limit time.Duration) error {
	var last string
	err := agents.Poll(r.ctx, "every agent to see every host in service under one leader", limit, cliPoll, func() bool {
		leader := ""
		for _, h := range r.l.Hosts {
			st, err := r.c.Status(r.ctx, h.Name)
			if err != nil {
				last = fmt.Sprintf("%s: %v", h.Name, err)
				return false
			}
			if st.Leader == nil || !st.Quorum || len(st.Hosts) != len(r.l.Hosts) || leader != "" && *st.Leader != leader {
				last = fmt.Sprintf("%s: leader %v quorum %v, %d hosts", h.Name, st.Leader, st.Quorum, len(st.Hosts))
				return false
			}
			leader = *st.Leader
			for _, hs := range st.Hosts {
				if hs.State != "healthy" && hs.State != "degraded" {
					last = fmt.Sprintf("%s sees %s %s", h.Name, hs.Name, hs.State)
					return false
				}
			}
		}
		return true
	})
	if err != nil {
		return fmt.Errorf("%w (%s)", err, last)
	}
	return nil
}

// leaderStatus is `vigil status` from the leader's own agent.
func (r *run) leaderStatus() (localapi.Status, error) {
	st, err := r.status()
	if err != nil {
		return st, err
	}
	if st.Leader == nil {
		return st, fmt.Errorf("%s sees no leader", st.Host)
	}
	if *st.Leader == st.Host {
		return st, nil
	}
	lst, err := r.c.Status(r.ctx, *st.Leader)
	if err != nil {
		return lst, err
	}
	if lst.Leader == nil || *lst.Leader != lst.Host {
		return lst, fmt.Errorf("%s, named leader by %s, does not lead", lst.Host, st.Host)
	}
	return lst, nil
}
