package demo

import (
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/test/agents"
)

// restore brings the lab back to every host healthy with every VM running
// once, as a technician would after a failure: the network healed, every
// BMC reachable, powered-off hosts powered on (their agents start with a
// new boot id) and fenced hosts readmitted through `vigil host readmit`.
// It moves no VM: the cluster keeps them where they are.
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
	err := agents.Poll(r.ctx, "every host healthy", 2*time.Minute, 250*time.Millisecond, func() bool {
		st, err := r.status()
		if err != nil {
			return false
		}
		healthy := 0
		for _, hs := range st.Hosts {
			switch hs.State {
			case "healthy":
				healthy++
			case "fenced":
				// Refused until the host is back with a new boot id.
				if _, err := r.c.RunOn(r.ctx, st.Host, "host", "readmit", hs.Name); err == nil && !readmitted[hs.Name] {
					readmitted[hs.Name] = true
					r.step("restore", hs.Name, "`vigil host readmit %s` accepted", hs.Name)
				}
			}
		}
		return healthy == len(r.l.Hosts)
	})
	if err != nil {
		return err
	}
	if err := r.c.WaitReady(r.ctx, time.Minute); err != nil {
		return err
	}
	return agents.Poll(r.ctx, "every VM running once where the cluster places it", time.Minute, 250*time.Millisecond, func() bool {
		st, err := r.status()
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
