package test

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
)

// The end-to-end tests of issue 11 that cluster_test.go does not have: a
// two-host cluster with a witness, the leader's agent killed in the middle
// of a failover, many hosts lost at once, a migration whose target dies,
// and a rolling restart of every agent. Each runs real `vigil agent`
// processes in a lab (package agents), injects failures through the lab
// only, and ends with the never-twice check (endNeverTwice) on top of the
// lab's own at cleanup.

// vmNames are vm1..vmN, the names createGuests gives.
func vmNames(n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("vm%d", i))
	}
	return out
}

// agentHosts are the hosts that run an agent (not the witness).
func (c *clusterLab) agentHosts() []*lab.Host {
	var out []*lab.Host
	for _, a := range c.ag.Agents {
		out = append(out, a.Host)
	}
	return out
}

func (c *clusterLab) host(name string) *lab.Host {
	for _, h := range c.lab.Hosts {
		if h.Name == name {
			return h
		}
	}
	c.t.Fatalf("no host %s", name)
	return nil
}

// leader is the leader as the first powered agent host that answers sees
// it, waiting for one.
func (c *clusterLab) leader() *lab.Host {
	c.t.Helper()
	var name string
	c.waitFor("a leader", 60*time.Second, func() bool {
		for _, h := range c.agentHosts() {
			if h.On() {
				if name = c.ag.Leader(context.Background(), h.Name); name != "" {
					return true
				}
			}
		}
		return false
	})
	return c.host(name)
}

// twiceMark is where the lab's never-twice record stands now.
func (c *clusterLab) twiceMark() int { return len(c.lab.TwiceViolations()) }

// endNeverTwice is every test's closing check: no VM ran twice since mark
// (the lab's watcher, every 200 ms), and each VM of once runs exactly
// once now.
func (c *clusterLab) endNeverTwice(t *testing.T, mark int, once []string) {
	t.Helper()
	if v := c.lab.TwiceViolations(); len(v) > mark {
		t.Errorf("never twice violated:\n  %s", strings.Join(v[mark:], "\n  "))
	}
	for _, vm := range once {
		if n := c.lab.LiveCopies(vm); n != 1 {
			t.Errorf("%s: %d live copies at the end, want exactly 1", vm, n)
		}
	}
}

// placement is where each VM runs now (one live copy each) and its guest's
// boot id, waiting until every one runs exactly once.
func (c *clusterLab) placement(vms []string) (where map[string]*lab.Host, boots map[string]string) {
	c.t.Helper()
	c.waitFor("every VM running once with a heartbeat", 60*time.Second, func() bool {
		where, boots = map[string]*lab.Host{}, map[string]string{}
		for _, vm := range vms {
			hosts := c.lab.VMHosts(vm)
			if len(hosts) != 1 {
				return false
			}
			hb, ok := c.lastHeartbeat(hosts[0], vm)
			if !ok {
				return false
			}
			where[vm], boots[vm] = hosts[0], hb.Boot
		}
		return true
	})
	return where, boots
}

// unmoved says how a VM left where it was or restarted (another guest
// boot), or "".
func (c *clusterLab) unmoved(where map[string]*lab.Host, boots map[string]string) string {
	for vm, h := range where {
		hosts := c.lab.VMHosts(vm)
		if len(hosts) > 1 || (len(hosts) == 1 && hosts[0] != h) {
			return fmt.Sprintf("%s runs on %v, want %s alone", vm, hosts, h.Name)
		}
		if hb, ok := c.lastHeartbeat(h, vm); ok && hb.Boot != boots[vm] {
			return fmt.Sprintf("%s's guest on %s booted again (boot %s, was %s)", vm, h.Name, hb.Boot, boots[vm])
		}
	}
	return ""
}

// holdFor checks cond every 250 ms for d: the first problem it names
// fails the test. It is for "nothing happens" windows.
func (c *clusterLab) holdFor(t *testing.T, what string, d time.Duration, cond func() string) {
	t.Helper()
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		if bad := cond(); bad != "" {
			t.Fatalf("%s: %s", what, bad)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// eventsSince are the audit-log events of the powered agent hosts but one
// (nil: none left out) at or after since whose kind is one of kinds (none:
// every kind).
func (c *clusterLab) eventsSince(but *lab.Host, since time.Time, kinds ...string) []localapi.Event {
	var out []localapi.Event
	for _, h := range c.agentHosts() {
		if h == but || !h.On() {
			continue
		}
		for _, ev := range c.events(h.Name) {
			if !ev.Time.Before(since) && (len(kinds) == 0 || slices.Contains(kinds, ev.Kind)) {
				out = append(out, ev)
			}
		}
	}
	slices.SortFunc(out, func(a, b localapi.Event) int { return a.Time.Compare(b.Time) })
	return out
}

func logEvents(t *testing.T, evs []localapi.Event) {
	t.Helper()
	for _, ev := range evs {
		if strings.HasPrefix(ev.Kind, "bmc") || ev.Kind == "risk" || ev.Kind == "lease-granted" {
			continue
		}
		t.Logf("event %s %-16s host=%s vm=%s %s", ev.Time.Format("15:04:05.000"), ev.Kind, ev.Host, ev.VM, ev.Message)
	}
}

// hostStates is each host's state as host's agent sees it ("" on error).
func (c *clusterLab) hostStates(host string) (map[string]string, bool) {
	st, err := c.status(host)
	if err != nil {
		return nil, false
	}
	out := map[string]string{}
	for _, hs := range st.Hosts {
		out[hs.Name] = hs.State
	}
	return out, st.Quorum
}

// readmit powers victim on (a new boot id) and readmits it with `vigil
// host readmit`, waiting until it is healthy.
func (c *clusterLab) readmit(victim *lab.Host) {
	c.t.Helper()
	if err := victim.PowerOn(); err != nil {
		c.t.Fatal(err)
	}
	c.waitFor(victim.Name+" readmitted", 90*time.Second, func() bool {
		if _, err := c.run("host", "readmit", victim.Name, "--socket", c.socks[victim.Name]); err != nil {
			return false
		}
		states, quorum := c.hostStates(victim.Name)
		return quorum && states[victim.Name] == "healthy"
	})
}

// powerCutFailover cuts victim's power through its BMC and waits until
// each VM it ran runs exactly once on another powered host, the survivors'
// audit logs saying dead and fence-confirmed for it.
func (c *clusterLab) powerCutFailover(t *testing.T, victim *lab.Host, vms []string) {
	t.Helper()
	var moved []string
	for _, vm := range vms {
		if hosts := c.lab.VMHosts(vm); len(hosts) == 1 && hosts[0] == victim {
			moved = append(moved, vm)
		}
	}
	t.Logf("cutting the power of %s (runs %v)", victim.Name, moved)
	cut := time.Now()
	if err := victim.PowerOff(); err != nil {
		t.Fatal(err)
	}
	c.waitFor("each of "+victim.Name+"'s VMs running once on another host", 90*time.Second, func() bool {
		for _, vm := range moved {
			if hosts := c.lab.VMHosts(vm); len(hosts) != 1 || hosts[0] == victim || !hosts[0].On() {
				return false
			}
		}
		return true
	})
	t.Logf("%s's VMs run elsewhere %v after the cut", victim.Name, time.Since(cut).Round(time.Millisecond))
	evs := c.eventsSince(victim, cut)
	for _, kind := range []string{"dead", "fence-confirmed"} {
		if !slices.ContainsFunc(evs, func(ev localapi.Event) bool { return ev.Kind == kind && ev.Host == victim.Name }) {
			logEvents(t, evs)
			t.Errorf("no %s event for %s after its power cut", kind, victim.Name)
		}
	}
}

// TestE2EWitness: a two-host cluster whose third raft voter is `vigil
// witness` on a host of its own. Losing the witness fences nothing and
// moves nothing (both hosts keep their quorum, every guest its boot);
// losing a host, a follower and then the leader, fences it and runs its
// VMs once on the other host (the witness's vote keeps the survivor's
// quorum; with the leader lost, the witness hands leadership to the
// survivor). The lab profile's mass-fence guard lets half the hosts (here
// one of two) be fenced within 20 s, so the two host losses keep apart.
func TestE2EWitness(t *testing.T) {
	c := startClusterLabWith(t, 3, agents.Options{Witness: true})
	w := c.ag.Witness
	vms := vmNames(4)
	c.createGuests(len(vms))
	tm, err := agents.Timing()
	if err != nil {
		t.Fatal(err)
	}
	ok := t.Run("witness lost", func(t *testing.T) {
		mark := c.twiceMark()
		where, boots := c.placement(vms)
		cut := time.Now()
		t.Logf("cutting the power of the witness %s", w.Name)
		if err := w.PowerOff(); err != nil {
			t.Fatal(err)
		}
		// Two lease TTLs and more: long enough for a lost quorum to lapse
		// every lease and for any fence to happen.
		c.holdFor(t, "the witness lost", 2*tm.Lease.TTL+2*time.Second, func() string {
			for _, h := range c.agentHosts() {
				states, quorum := c.hostStates(h.Name)
				if states == nil {
					continue // no answer this time: load
				}
				if !quorum {
					return h.Name + " lost its quorum"
				}
				for name, s := range states {
					if s != "healthy" {
						return fmt.Sprintf("%s sees %s %s", h.Name, name, s)
					}
				}
			}
			return c.unmoved(where, boots)
		})
		if evs := c.eventsSince(nil, cut, "dead", "fence", "fence-confirmed", "placed", "started", "stopped", "self-fence"); len(evs) > 0 {
			logEvents(t, evs)
			t.Errorf("%d fence or VM events after the witness was lost, want none", len(evs))
		}
		if err := w.PowerOn(); err != nil {
			t.Fatal(err)
		}
		c.waitFor("the witness answering again", 60*time.Second, func() bool {
			conn, err := net.DialTimeout("tcp", net.JoinHostPort(w.MgmtIP.String(), "7947"), time.Second)
			if err == nil {
				conn.Close()
			}
			return err == nil
		})
		c.endNeverTwice(t, mark, vms)
	})
	var firstFence time.Time
	ok = ok && t.Run("follower lost", func(t *testing.T) {
		mark := c.twiceMark()
		leader := c.leader()
		var victim *lab.Host
		for _, h := range c.agentHosts() {
			if h != leader {
				victim = h
			}
		}
		firstFence = time.Now()
		c.powerCutFailover(t, victim, vms)
		c.endNeverTwice(t, mark, vms)
		c.readmit(victim)
	})
	if !ok {
		return
	}
	t.Run("leader lost", func(t *testing.T) {
		// The guard: at most max(1, ⌊0.5 × 2⌋) = 1 host fenced within the
		// 20 s window, which the first loss opened.
		time.Sleep(time.Until(firstFence.Add(tm.MassFenceWindow + time.Second)))
		mark := c.twiceMark()
		leader := c.leader()
		c.powerCutFailover(t, leader, vms)
		c.endNeverTwice(t, mark, vms)
	})
}

// TestE2ELeaderKilledMidFailover: a follower's power is cut together with
// its BMC (no fence can be confirmed yet); once the leader has declared it
// dead and begun to fence it, the leader's agent is SIGKILLed and started
// again a second later (a crash and its restart by systemd). Then the
// host's BMC comes back, reading off. A leadership after the crash
// finishes the failover: the dead host's VMs run exactly once on the
// others, and the crashed agent's own VMs never restart (the guard, one
// host of three within 20 s, keeps its silence from being taken for a
// second death anyway).
func TestE2ELeaderKilledMidFailover(t *testing.T) {
	c := startClusterLab(t, 3)
	vms := vmNames(4)
	c.createGuests(len(vms))
	mark := c.twiceMark()
	where, boots := c.placement(vms)
	leader := c.leader()
	victim := c.victim(false)
	var moved []string
	kept := map[string]*lab.Host{}
	for vm, h := range where {
		if h == victim {
			moved = append(moved, vm)
		} else {
			kept[vm] = h
		}
	}
	ctx := context.Background()
	t.Logf("cutting the power of %s and its BMC (runs %v); leader %s", victim.Name, moved, leader.Name)
	cut := time.Now()
	if err := victim.CutPower(ctx); err != nil {
		t.Fatal(err)
	}
	c.waitFor("the leader declaring "+victim.Name+" dead and fencing it", 60*time.Second, func() bool {
		evs := c.eventsSince(victim, cut, "dead", "fence")
		return slices.ContainsFunc(evs, func(ev localapi.Event) bool { return ev.Kind == "dead" && ev.Host == victim.Name }) &&
			slices.ContainsFunc(evs, func(ev localapi.Event) bool { return ev.Kind == "fence" && ev.Host == victim.Name })
	})
	for _, vm := range moved {
		if n := c.lab.LiveCopies(vm); n != 0 {
			t.Fatalf("%s: %d live copies before the fence could be confirmed, want 0", vm, n)
		}
	}
	t.Logf("SIGKILL of the leader's agent on %s, mid-failover", leader.Name)
	killed := time.Now()
	c.restartAgent(leader, syscall.SIGKILL, time.Second)
	if err := victim.RestorePower(); err != nil {
		t.Fatal(err)
	}
	c.waitFor("each of "+victim.Name+"'s VMs running once on another host", 90*time.Second, func() bool {
		for _, vm := range moved {
			if hosts := c.lab.VMHosts(vm); len(hosts) != 1 || hosts[0] == victim {
				return false
			}
		}
		return true
	})
	t.Logf("the failover finished %v after the cut, %v after the crash", time.Since(cut).Round(time.Millisecond), time.Since(killed).Round(time.Millisecond))
	evs := c.eventsSince(victim, cut)
	i := slices.IndexFunc(evs, func(ev localapi.Event) bool { return ev.Kind == "fence-confirmed" && ev.Host == victim.Name })
	if i < 0 || evs[i].Time.Before(killed) {
		logEvents(t, evs)
		t.Fatalf("no fence-confirmed event for %s after the leader's crash (index %d)", victim.Name, i)
	}
	t.Logf("fence confirmed (%s): %s", evs[i].Evidence, evs[i].Message)
	if on, err := victim.BMC.Power(); err != nil || on {
		t.Errorf("%s's BMC: on=%v, %v; want off", victim.Name, on, err)
	}
	if bad := c.unmoved(kept, boots); bad != "" {
		t.Errorf("after the leader's crash: %s", bad)
	}
	for _, ev := range evs {
		if ev.Host == leader.Name && (ev.Kind == "dead" || ev.Kind == "fence") {
			t.Errorf("the crashed agent's host: %s %s", ev.Kind, ev.Message)
		}
	}
	c.endNeverTwice(t, mark, vms)
}

// TestE2EManyHostsLost: five hosts, three of them raft voters; the switch
// cuts three hosts off at once (one voter that does not lead and the two
// non-voters), their BMCs still reachable. The leader keeps its quorum
// and sees three of five hosts lost: the mass-fence guard (share 0.5, so
// at most ⌊0.5 × 5⌋ = 2 hosts fenced within the lab profile's 20 s window)
// fences two and refuses the third, saying why. The fenced hosts' VMs run
// once on the connected hosts; the unfenced host stops its VMs itself
// when its lease lapses and nothing starts them elsewhere.
func TestE2EManyHostsLost(t *testing.T) {
	c := startClusterLabWith(t, 5, agents.Options{Bootstrap: 3})
	vms := vmNames(6)
	c.createGuests(len(vms))
	mark := c.twiceMark()
	where, _ := c.placement(vms)
	leader := c.leader()
	hosts := c.agentHosts()
	if !slices.Contains(hosts[:3], leader) {
		t.Fatalf("leader %s is not one of the voters %v", leader.Name, hosts[:3])
	}
	// One voter that does not lead and both non-voters.
	cutOff := []*lab.Host{hosts[3], hosts[4]}
	for _, h := range hosts[:3] {
		if h != leader {
			cutOff = append(cutOff, h)
			break
		}
	}
	t.Logf("leader %s; cutting %v off the switch at once; placement %v", leader.Name, cutOff, where)
	cut := time.Now()
	for _, h := range cutOff {
		if err := c.lab.Isolate(h); err != nil {
			t.Fatal(err)
		}
	}
	isCut := func(h *lab.Host) bool { return slices.Contains(cutOff, h) }
	var guard localapi.Event
	c.waitFor("the mass-fence guard refusing a third fence", 90*time.Second, func() bool {
		evs := c.eventsSince(nil, cut, "mass-fence-guard")
		for _, ev := range evs {
			if isCut(c.host(ev.Host)) {
				guard = ev
				return true
			}
		}
		return false
	})
	t.Logf("guard: %s %s", guard.Host, guard.Message)
	spared := c.host(guard.Host)
	// Every VM of a fenced host runs once on a connected host; the spared
	// host's VMs stop there at its lease's end and run nowhere.
	c.waitFor("the fenced hosts' VMs elsewhere, the spared host's stopped", 120*time.Second, func() bool {
		for vm, h := range where {
			hosts := c.lab.VMHosts(vm)
			switch {
			case h == spared && len(hosts) != 0:
				return false
			case h != spared && (len(hosts) != 1 || isCut(hosts[0])):
				return false
			}
		}
		return true
	})
	// Two lease TTLs more: the guard holds.
	tm, _ := agents.Timing()
	c.holdFor(t, "the guard holding", 2*tm.Lease.TTL, func() string {
		if on, err := spared.BMC.Power(); err == nil && !on {
			return spared.Name + " was powered off"
		}
		for vm, h := range where {
			if h == spared && c.lab.LiveCopies(vm) != 0 {
				return vm + " runs again"
			}
		}
		return ""
	})
	fenced := 0
	for _, h := range cutOff {
		if on, err := h.BMC.Power(); err == nil && !on {
			fenced++
		}
	}
	evs := c.eventsSince(nil, cut, "fence-confirmed", "dead")
	logEvents(t, evs)
	if fenced > 2 || fenced == 0 {
		t.Errorf("%d of %d cut-off hosts powered off, want 1 or 2 (guard share 0.5 of 5 hosts)", fenced, len(cutOff))
	}
	for _, ev := range evs {
		if ev.Kind == "fence-confirmed" && ev.Host == spared.Name {
			t.Errorf("%s fenced despite the guard: %s", spared.Name, ev.Message)
		}
	}
	var once []string
	for vm, h := range where {
		if h != spared {
			once = append(once, vm)
		}
	}
	c.endNeverTwice(t, mark, once)
}

// migratingGuest writes the VM file of a test guest that fills its 64 MiB
// with incompressible data (so a migration has all of it to send) and
// creates it through via's agent.
func (c *clusterLab) migratingGuest(name, via string) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	kernel, err := guest.Build(ctx)
	if err != nil {
		c.t.Fatal(err)
	}
	f := filepath.Join(c.dir, name+".yaml")
	vm := fmt.Sprintf("version: 1\nname: %s\nvcpus: 1\nmemory_mib: 64\nha:\n  priority: 50\n"+
		"extra: [\"-kernel\", \"%s\", \"-append\", \"id=%s dirty=0 fill=1\"]\n", name, kernel, name)
	if err := os.WriteFile(f, []byte(vm), 0o644); err != nil {
		c.t.Fatal(err)
	}
	c.vigil("vm", "create", "-f", f, "--socket", c.socks[via])
}

// qemuOf reports whether h runs a QEMU for vm (a migration's destination
// sends no heartbeat, so the lab's watcher does not count it).
func qemuOf(h *lab.Host, vm string) bool {
	for _, pid := range h.Pids() {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
		if err != nil {
			continue
		}
		args := strings.Split(string(b), "\x00")
		if strings.Contains(filepath.Base(args[0]), "qemu") && slices.ContainsFunc(args, func(a string) bool { return strings.Contains(a, "id="+vm+" ") }) {
			return true
		}
	}
	return false
}

// TestE2EMigrationTargetDies: `vigil vm migrate --to` a host whose power
// is cut half-way through (its migration link slowed to 16 Mbit/s so that
// the guest's 64 MiB take half a minute). The VM keeps running on the
// source, or runs exactly once somewhere; the dead target is fenced.
func TestE2EMigrationTargetDies(t *testing.T) {
	c := startClusterLab(t, 3)
	c.createGuests(1)
	leader := c.leader()
	c.migratingGuest("mig1", leader.Name)
	vms := []string{"vm1", "mig1"}
	mark := c.twiceMark()
	var src *lab.Host
	c.waitFor("mig1 running once, its RAM filled", 120*time.Second, func() bool {
		hosts := c.lab.VMHosts("mig1")
		if len(hosts) != 1 {
			return false
		}
		hb, ok := c.lastHeartbeat(hosts[0], "mig1")
		src = hosts[0]
		return ok && !hb.Filling
	})
	before, _ := c.lastHeartbeat(src, "mig1")
	var dst *lab.Host
	for _, h := range c.agentHosts() {
		if h != src && (dst == nil || h != leader) {
			dst = h
		}
	}
	if err := dst.SetBandwidth(lab.MigNet, 16_000_000); err != nil {
		t.Fatal(err)
	}
	t.Logf("migrating mig1 from %s to %s (leader %s)", src.Name, dst.Name, leader.Name)
	c.waitFor("the migration ordered", 30*time.Second, func() bool {
		_, err := c.run("vm", "migrate", "mig1", "--to", dst.Name, "--socket", c.socks[src.Name])
		if err != nil && !strings.Contains(err.Error(), "does not report it running") {
			t.Fatal(err)
		}
		return err == nil
	})
	c.waitFor("mig1's destination QEMU on "+dst.Name, 60*time.Second, func() bool { return qemuOf(dst, "mig1") })
	// Half-way: well into the transfer, far from its end.
	time.Sleep(3 * time.Second)
	if hosts := c.lab.VMHosts("mig1"); len(hosts) != 1 || hosts[0] != src {
		t.Fatalf("mig1 runs on %v before the cut, want %s (still migrating)", hosts, src.Name)
	}
	cut := time.Now()
	t.Logf("cutting the power of the target %s mid-migration", dst.Name)
	if err := dst.PowerOff(); err != nil {
		t.Fatal(err)
	}
	c.waitFor("mig1 running once on a live host, the cluster agreeing", 120*time.Second, func() bool {
		hosts := c.lab.VMHosts("mig1")
		if len(hosts) != 1 || hosts[0] == dst {
			return false
		}
		st, err := c.status(hosts[0].Name)
		if err != nil {
			return false
		}
		return slices.ContainsFunc(st.VMs, func(v localapi.VMStatus) bool {
			return v.Name == "mig1" && v.Host == hosts[0].Name && v.State == "running"
		})
	})
	logEvents(t, c.eventsSince(dst, cut))
	c.waitFor(dst.Name+" fenced", 60*time.Second, func() bool {
		states, _ := c.hostStates(src.Name)
		return states[dst.Name] == "fenced"
	})
	// Settled: every VM runs exactly once on a live host (vm1, if it ran
	// on the target, once its fence is confirmed) and stays so for a lease
	// TTL.
	tm, _ := agents.Timing()
	var settled map[string]*lab.Host
	c.waitFor("every VM running once on a live host", 90*time.Second, func() bool {
		settled = map[string]*lab.Host{}
		for _, vm := range vms {
			hosts := c.lab.VMHosts(vm)
			if len(hosts) != 1 || hosts[0] == dst {
				return false
			}
			settled[vm] = hosts[0]
		}
		return true
	})
	boots := map[string]string{}
	for vm, h := range settled {
		hb, _ := c.lastHeartbeat(h, vm)
		boots[vm] = hb.Boot
	}
	c.holdFor(t, "after the failed migration", tm.Lease.TTL+time.Second, func() string { return c.unmoved(settled, boots) })
	if settled["mig1"] == src && boots["mig1"] == before.Boot {
		t.Logf("mig1 kept running on the source %s (the same guest)", src.Name)
	} else {
		t.Logf("mig1 runs on %s, guest boot %s (was %s on %s)", settled["mig1"].Name, boots["mig1"], before.Boot, src.Name)
	}
	logEvents(t, c.eventsSince(dst, cut))
	c.endNeverTwice(t, mark, vms)
}

// TestE2ERollingRestart: every agent is restarted in turn (SIGTERM, back
// 1.5 s later, the next one only once it holds its lease again), as an
// upgrade does. No VM moves and no guest boots again; nobody is fenced.
func TestE2ERollingRestart(t *testing.T) {
	c := startClusterLab(t, 3)
	vms := vmNames(4)
	c.createGuests(len(vms))
	mark := c.twiceMark()
	where, boots := c.placement(vms)
	start := time.Now()
	for _, h := range c.agentHosts() {
		restarted := time.Now()
		t.Logf("restarting the agent of %s", h.Name)
		c.restartAgent(h, syscall.SIGTERM, 1500*time.Millisecond)
		c.waitFor(h.Name+"'s agent back with its lease", 60*time.Second, func() bool {
			states, quorum := c.hostStates(h.Name)
			if !quorum || states[h.Name] != "healthy" {
				return false
			}
			return slices.ContainsFunc(c.events(h.Name), func(ev localapi.Event) bool {
				return ev.Kind == "joined" && ev.Time.After(restarted)
			})
		})
		if bad := c.unmoved(where, boots); bad != "" {
			t.Fatalf("after %s's agent restart: %s", h.Name, bad)
		}
	}
	tm, _ := agents.Timing()
	c.holdFor(t, "after the rolling restart", tm.Lease.TTL+time.Second, func() string {
		if bad := c.unmoved(where, boots); bad != "" {
			return bad
		}
		states, _ := c.hostStates(c.agentHosts()[0].Name)
		for name, s := range states {
			if s != "healthy" {
				return name + " is " + s
			}
		}
		return ""
	})
	if evs := c.eventsSince(nil, start, "dead", "fence", "fence-confirmed", "placed", "started", "stopped", "migrate", "self-fence"); len(evs) > 0 {
		logEvents(t, evs)
		t.Errorf("%d fence, placement or VM events during the rolling restart, want none", len(evs))
	}
	c.endNeverTwice(t, mark, vms)
}

// TestE2EAgentCrashRestart: a follower's agent is SIGKILLed while its VMs
// run and started again a second later, as systemd's Restart= does. Its
// gossip falls silent, so memberlist soon says dead; but its BMC reads its
// power on (the leader's second opinion), so nobody fences it before its
// lease deadline, which the restarted agent beats. The new agent adopts
// the running QEMUs: no VM moves, no guest boots again.
func TestE2EAgentCrashRestart(t *testing.T) {
	c := startClusterLab(t, 3)
	vms := vmNames(3)
	c.createGuests(len(vms))
	mark := c.twiceMark()
	where, boots := c.placement(vms)
	victim := c.victim(false)
	t.Logf("SIGKILL of %s's agent (runs %v)", victim.Name, func() (out []string) {
		for vm, h := range where {
			if h == victim {
				out = append(out, vm)
			}
		}
		return out
	}())
	killed := time.Now()
	ctx := context.Background()
	if err := c.ag.StopAgent(ctx, victim.Name, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // systemd's Restart= delay, and the agent's own start
	if !victim.On() {
		logEvents(t, c.eventsSince(victim, killed))
		t.Fatalf("%s was fenced within a second of its agent's crash", victim.Name)
	}
	if err := c.ag.StartAgent(victim.Name); err != nil {
		t.Fatal(err)
	}
	c.waitFor(victim.Name+"'s agent back with its lease", 60*time.Second, func() bool {
		if !victim.On() {
			return true // fenced: said below
		}
		states, quorum := c.hostStates(victim.Name)
		return quorum && states[victim.Name] == "healthy" && slices.ContainsFunc(c.events(victim.Name), func(ev localapi.Event) bool {
			return ev.Kind == "joined" && ev.Time.After(killed)
		})
	})
	if !victim.On() {
		logEvents(t, c.eventsSince(victim, killed))
		c.placement(vms)
		c.endNeverTwice(t, mark, vms)
		t.Fatalf("%s was fenced for its agent's crash (restarted after 1 s)", victim.Name)
	}
	tm, _ := agents.Timing()
	c.holdFor(t, "after the agent's crash and restart", tm.Lease.TTL+time.Second, func() string {
		if !victim.On() {
			return victim.Name + " was fenced"
		}
		return c.unmoved(where, boots)
	})
	evs := c.eventsSince(nil, killed)
	logEvents(t, evs)
	for _, ev := range evs {
		switch {
		case ev.Kind == "dead" || ev.Kind == "fence" || ev.Kind == "fence-confirmed" || ev.Kind == "placed" || ev.Kind == "self-fence",
			ev.VM != "" && (ev.Kind == "started" || ev.Kind == "stopped"):
			t.Errorf("after %s's agent crash: %s %s %s", victim.Name, ev.Kind, ev.VM, ev.Message)
		}
	}
	c.endNeverTwice(t, mark, vms)
}
