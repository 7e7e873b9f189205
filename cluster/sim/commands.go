package sim

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/cluster/planner"
)

// The scenario language, one command per line. Hosts are numbers (1 is
// h1) or names; A>B is the one-way link from A to B.
//
//	tick DUR                  run the cluster for DUR
//	partition A [B ...]       cut these hosts off from the others (both ways)
//	cut A B | cut A>B         cut one link, both ways or one way
//	loss A>B P                lose P (0..1, or N%) of what A sends B
//	delay A>B MIN [MAX]       add MIN..MAX to what A sends B
//	heal                      every link as new
//	power-off A | power-on A | reset A
//	fail-bmc A | heal-bmc A   the BMC stops or starts answering
//	stall A DUR               the agent freezes (SIGSTOP) for DUR
//	storage-cut A | storage-heal A
//	stop-fails A on|off       QEMU on A cannot be killed
//	start-fails VM on|off     VM's QEMU exits at start, everywhere
//	health A fine | health A imminent C | health A eta DUR C | health A redundancy-lost C
//	drain A | readmit A       an operator's request to the leader
//	hosts | vms | check       print host states, VM placement, violations

// Exec runs one command and returns what it printed (for tick, the trace
// of the events it ran).
func (s *Sim) Exec(line string) (string, error) {
	f := strings.Fields(line)
	if len(f) == 0 {
		return "", nil
	}
	s.TakeTrace() // what ran before this command belongs to the previous one
	var out strings.Builder
	err := s.exec(f, &out)
	return s.TakeTrace() + out.String(), err
}

func (s *Sim) exec(f []string, out *strings.Builder) error {
	cmd, args := f[0], f[1:]
	need := func(n int) error {
		if len(args) < n {
			return fmt.Errorf("%s: want %d argument(s), got %d", cmd, n, len(args))
		}
		return nil
	}
	switch cmd {
	case "tick":
		if err := need(1); err != nil {
			return err
		}
		d, err := time.ParseDuration(args[0])
		if err != nil || d <= 0 {
			return fmt.Errorf("tick %q: want a positive duration", args[0])
		}
		s.RunFor(d)
		return nil
	case "heal":
		s.net.heal()
		s.logf("network healed")
		return nil
	case "hosts":
		s.printHosts(out)
		return nil
	case "vms":
		s.printVMs(out)
		return nil
	case "check":
		if len(s.violations) == 0 {
			out.WriteString("ok: no violations\n")
		}
		for _, v := range s.violations {
			fmt.Fprintf(out, "violation at %s\n", v)
		}
		return nil
	case "start-fails":
		if err := need(2); err != nil {
			return err
		}
		on, err := onOff(args[1])
		if err != nil {
			return err
		}
		if _, ok := s.fsm.VM(args[0]); !ok {
			return fmt.Errorf("start-fails: no vm %q", args[0])
		}
		s.startFails[args[0]] = on
		s.logf("%s: starts fail %v", args[0], on)
		return nil
	case "partition":
		if err := need(1); err != nil {
			return err
		}
		in := map[int]bool{}
		for _, a := range args {
			h, err := s.hostArg(a)
			if err != nil {
				return err
			}
			in[h.idx] = true
		}
		for a := range s.hosts {
			for b := range s.hosts {
				if in[a] != in[b] {
					s.net.link(a, b).cut = true
				}
			}
		}
		s.logf("partition %v from the rest", hostList(in))
		return nil
	case "cut", "loss", "delay":
		return s.linkCmd(cmd, args)
	}
	if err := need(1); err != nil {
		return err
	}
	h, err := s.hostArg(args[0])
	if err != nil {
		return err
	}
	switch cmd {
	case "power-off":
		h.powerOff("power cut")
	case "power-on":
		h.powerOn()
	case "reset":
		h.reset("reset")
	case "fail-bmc":
		h.bmcOK = false
		s.logf("%s BMC unreachable", h.name)
	case "heal-bmc":
		h.bmcOK = true
		s.logf("%s BMC reachable", h.name)
	case "storage-cut":
		h.storageOK = false
		s.logf("%s storage cut", h.name)
	case "storage-heal":
		h.storageOK = true
		s.logf("%s storage back", h.name)
	case "stall":
		if err := need(2); err != nil {
			return err
		}
		d, err := time.ParseDuration(args[1])
		if err != nil || d <= 0 {
			return fmt.Errorf("stall %q: want a positive duration", args[1])
		}
		if h.up {
			h.stallUntil = s.now.Add(d)
			s.logf("%s agent stalled for %v", h.name, d)
		}
	case "stop-fails":
		if err := need(2); err != nil {
			return err
		}
		on, err := onOff(args[1])
		if err != nil {
			return err
		}
		if h.stopFails && !on {
			h.stopFailsOff = s.now
		}
		h.stopFails = on
		s.logf("%s: stopping QEMU fails %v", h.name, on)
	case "health":
		return s.healthCmd(h, args[1:])
	case "drain", "readmit":
		l := s.leader
		if l == nil || l.planner == nil {
			fmt.Fprintf(out, "%s %s: no leader\n", cmd, h.name)
			return nil
		}
		var err error
		if cmd == "drain" {
			err = l.planner.Drain(ctx, l.local(), h.name)
		} else {
			err = l.planner.Readmit(ctx, l.local(), h.name)
		}
		if err != nil {
			fmt.Fprintf(out, "%s %s: %v\n", cmd, h.name, err)
		}
	default:
		return fmt.Errorf("unknown command %q", cmd)
	}
	return nil
}

func onOff(s string) (bool, error) {
	switch s {
	case "on":
		return true, nil
	case "off":
		return false, nil
	}
	return false, fmt.Errorf("%q: want on or off", s)
}

func hostList(in map[int]bool) []string {
	var out []string
	for i := range in {
		out = append(out, hostName(i))
	}
	sort.Strings(out)
	return out
}

func (s *Sim) hostArg(a string) (*host, error) {
	name := a
	if n, err := strconv.Atoi(a); err == nil {
		name = hostName(n - 1)
	}
	h := s.byName[name]
	if h == nil {
		return nil, fmt.Errorf("no host %q (hosts are 1..%d)", a, len(s.hosts))
	}
	return h, nil
}

// linkCmd runs cut, loss and delay.
func (s *Sim) linkCmd(cmd string, args []string) error {
	if len(args) < 1 {
		return fmt.Errorf("%s: want a link", cmd)
	}
	var pairs [][2]*host
	if a, b, ok := strings.Cut(args[0], ">"); ok {
		ha, err := s.hostArg(a)
		if err != nil {
			return err
		}
		hb, err := s.hostArg(b)
		if err != nil {
			return err
		}
		pairs = [][2]*host{{ha, hb}}
		args = args[1:]
	} else {
		if cmd != "cut" || len(args) < 2 {
			return fmt.Errorf("%s: want A>B", cmd)
		}
		ha, err := s.hostArg(args[0])
		if err != nil {
			return err
		}
		hb, err := s.hostArg(args[1])
		if err != nil {
			return err
		}
		pairs = [][2]*host{{ha, hb}, {hb, ha}}
		args = nil
	}
	for _, p := range pairs {
		l := s.net.link(p[0].idx, p[1].idx)
		switch cmd {
		case "cut":
			l.cut = true
			s.logf("link %s>%s cut", p[0].name, p[1].name)
		case "loss":
			if len(args) < 1 {
				return fmt.Errorf("loss: want a share")
			}
			v, err := share(args[0])
			if err != nil {
				return err
			}
			l.loss = v
			s.logf("link %s>%s loses %.0f%%", p[0].name, p[1].name, 100*v)
		case "delay":
			if len(args) < 1 {
				return fmt.Errorf("delay: want MIN [MAX]")
			}
			lo, err := time.ParseDuration(args[0])
			if err != nil {
				return fmt.Errorf("delay %q: %v", args[0], err)
			}
			hi := lo
			if len(args) > 1 {
				if hi, err = time.ParseDuration(args[1]); err != nil || hi < lo {
					return fmt.Errorf("delay max %q: want a duration ≥ %v", args[1], lo)
				}
			}
			l.delayMin, l.delayMax = lo, hi
			s.logf("link %s>%s delayed %v..%v", p[0].name, p[1].name, lo, hi)
		}
	}
	return nil
}

func share(a string) (float64, error) {
	pct := strings.HasSuffix(a, "%")
	v, err := strconv.ParseFloat(strings.TrimSuffix(a, "%"), 64)
	if pct {
		v /= 100
	}
	if err != nil || v < 0 || v > 1 {
		return 0, fmt.Errorf("%q: want 0..1 or 0%%..100%%", a)
	}
	return v, nil
}

func (s *Sim) healthCmd(h *host, args []string) error {
	if len(args) < 1 {
		return fmt.Errorf("health: want fine, imminent C, eta DUR C or redundancy-lost C")
	}
	hl := planner.Health{Host: h.name}
	comp := func(i int) string {
		if len(args) > i {
			return args[i]
		}
		return "component"
	}
	switch args[0] {
	case "fine":
	case "imminent":
		hl.Imminent, hl.Component, hl.Reason = true, comp(1), "failure imminent"
	case "eta":
		if len(args) < 2 {
			return fmt.Errorf("health eta: want a duration")
		}
		d, err := time.ParseDuration(args[1])
		if err != nil || d <= 0 {
			return fmt.Errorf("health eta %q: want a positive duration", args[1])
		}
		hl.ETA, hl.Component, hl.Reason = d, comp(2), "trend toward failure"
	case "redundancy-lost":
		hl.RedundancyLost, hl.Component, hl.Reason = true, comp(1), "redundant part failed, rest steady"
	default:
		return fmt.Errorf("health %q: want fine, imminent, eta or redundancy-lost", args[0])
	}
	s.health[h.name] = hl
	s.logf("%s health: %s", h.name, strings.Join(args, " "))
	if l := s.leader; l != nil && l.planner != nil {
		l.planner.Health(l.local(), hl)
	}
	return nil
}

func sortedHealth(m map[string]planner.Health) []planner.Health {
	var out []planner.Health
	for _, k := range sortedKeys(m) {
		out = append(out, m[k])
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (s *Sim) printHosts(out *strings.Builder) {
	for _, h := range s.hosts {
		st, _ := s.fsm.Host(h.name)
		power := "on"
		switch {
		case !h.powered:
			power = "off"
		case !h.up:
			power = "booting"
		}
		role := ""
		if s.leader == h {
			role = " leader"
		}
		l, _ := s.fsm.Lease(h.name)
		fmt.Fprintf(out, "%s %s power=%s boot=%s lease=%d%s valid=%v%s\n", h.name, st.State, power, st.BootID, l.Epoch,
			map[bool]string{true: "(revoked)"}[l.Revoked], h.lastValid && h.up, role)
	}
}

func (s *Sim) printVMs(out *strings.Builder) {
	for _, vm := range s.fsm.VMs() {
		on := s.runners.RunningOn(vm.Spec.Name)
		owner := vm.Owner
		if owner == "" {
			owner = "-"
		}
		fmt.Fprintf(out, "%s owner=%s gen=%d running=%s\n", vm.Spec.Name, owner, vm.Generation, strings.Join(on, ",")+map[bool]string{true: "-"}[len(on) == 0])
	}
}
