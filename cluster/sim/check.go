package sim

import (
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
)

// checkRTO checks invariant 3: while the cluster has a quorum, capacity
// and a fence path, every VM that should run is running again within its
// RTO budget. A VM's clock starts when it stops running anywhere and
// restarts whenever one of those conditions is missing (the excuse is
// traced with -v).
func (s *Sim) checkRTO() bool {
	s.checkLapsed()
	for _, spec := range s.cfg.VMs {
		name := spec.Name
		if on := s.runners.RunningOn(name); len(on) > 0 {
			s.everRan[name] = true
			s.lastOn[name] = on[0]
			delete(s.down, name)
			continue
		}
		if !s.everRan[name] {
			continue
		}
		vm, ok := s.fsm.VM(name)
		if !ok || vm.Desired != state.Running {
			delete(s.down, name)
			continue
		}
		if why := s.excuse(vm); why != "" {
			if s.verbose {
				s.logf("rto clock of %s held: %s", name, why)
			}
			s.down[name] = s.now
			continue
		}
		since, ok := s.down[name]
		if !ok {
			s.down[name] = s.now
			continue
		}
		if d := s.now.Sub(since); d > vm.Spec.HA.RTO {
			s.violate("no VM left behind: %s down for %v (RTO %v) with a quorum, capacity and a fence path (last on %s, owner %q at generation %d)",
				name, d, vm.Spec.HA.RTO, s.lastOn[name], vm.Owner, vm.Generation)
			s.down[name] = s.now
		}
	}
	return true
}

// excuse says why the cluster cannot be expected to restart vm now, or "".
func (s *Sim) excuse(vm state.VM) string {
	l := s.leader
	if l == nil || !s.quorumConnected(l) {
		return "no leader with a quorum"
	}
	name := vm.Spec.Name
	if s.startFails[name] {
		return "its starts fail"
	}
	last := s.byName[s.lastOn[name]]
	if last != nil {
		h, _ := s.fsm.Host(last.name)
		if h.State != state.Fenced && !last.bmcOK && !s.cfg.Watchdog[last.idx] {
			return fmt.Sprintf("%s has no fence path (BMC unreachable, no watchdog)", last.name)
		}
		if _, fenced := s.fenced[last.name]; !fenced && s.fencedInWindow() >= s.massLimit() {
			return "the mass-fence guard holds"
		}
	}
	if !s.roomFor(vm) {
		return "no capacity"
	}
	return ""
}

func (s *Sim) fencedInWindow() int {
	n := 0
	for _, at := range s.fenced {
		if s.now.Sub(at) < s.cfg.MassWindow {
			n++
		}
	}
	return n
}

// roomFor reports whether some healthy host the leader reaches could take
// vm, by capacity and its group's affinity.
func (s *Sim) roomFor(vm state.VM) bool {
	used := map[string]state.Capacity{}
	groupOn := map[string]int{}
	var group *state.GroupPolicy
	if g, ok := s.fsm.Group(vm.Spec.HA.Group); ok {
		group = &g
	}
	for _, v := range s.fsm.VMs() {
		if v.Owner == "" || v.Spec.Name == vm.Spec.Name {
			continue
		}
		u := used[v.Owner]
		u.MemoryMiB += v.Spec.MemoryMiB
		u.VCPUs += v.Spec.VCPUs
		used[v.Owner] = u
		if group != nil && v.Spec.HA.Group == group.Name {
			groupOn[v.Owner]++
		}
	}
	together := ""
	if group != nil && group.Affinity == state.Together {
		for name, n := range groupOn {
			if n > 0 && (together == "" || name < together) {
				together = name
			}
		}
	}
	for _, h := range s.hosts {
		st, _ := s.fsm.Host(h.name)
		if st.State != state.Healthy || !h.responsive() || !s.connected(h, s.leader) || !h.lastValid {
			continue
		}
		if group != nil && group.Affinity == state.Apart && groupOn[h.name] > 0 {
			continue
		}
		if together != "" && h.name != together {
			continue
		}
		u := used[h.name]
		if st.Capacity.MemoryMiB-u.MemoryMiB >= vm.Spec.MemoryMiB && st.Capacity.VCPUs-u.VCPUs >= vm.Spec.VCPUs {
			return true
		}
	}
	return false
}

// lapseGrace is how long after its own lease lapsed a responsive host may
// still run VMs (the time to stop them).
const lapseGrace = time.Second

// checkLapsed checks the host half of invariant 1: a host whose own view
// of its lease lapsed runs no VM, unless its agent is frozen or QEMU cannot
// be killed (then its watchdog must reset it before the leader presumes it
// off; never twice checks that).
func (s *Sim) checkLapsed() {
	for _, h := range s.hosts {
		if !h.responsive() || h.stopFails || h.keeper == nil {
			continue
		}
		until := h.trueAt(h.keeper.ValidUntil())
		if h.keeper.ValidUntil().IsZero() || s.now.Sub(until) < lapseGrace || s.now.Sub(h.stallUntil) < lapseGrace {
			continue
		}
		if s.now.Sub(h.stopFailsOff) < agentTick+lapseGrace {
			continue // QEMU could not be killed until just now
		}
		if list, _ := h.runner.List(ctx); len(list) > 0 {
			s.violate("lease: %s runs %d VM(s) (first %s) %v after its own lease lapsed", h.name, len(list), list[0].ID, s.now.Sub(until))
		}
	}
}
