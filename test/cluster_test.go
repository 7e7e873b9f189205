package test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
)

// clusterLab is a lab whose every host runs the real `vigil agent` in
// cluster mode (package agents), with the test's helpers around it.
type clusterLab struct {
	t     *testing.T
	lab   *lab.Lab
	ag    *agents.Cluster
	bin   string
	dir   string
	socks map[string]string // host name → socket
	cfgs  map[string]string // host name → config file
}

// startClusterLab brings up n lab hosts, each running `vigil agent` with a
// cluster: config (bootstrapping the n hosts, timing profile lab, no
// watchdog), and waits until every agent sees all n hosts healthy under
// one leader.
func startClusterLab(t *testing.T, n int) *clusterLab {
	t.Helper()
	if testing.Short() {
		t.Skip("builds vigil, runs a lab with ipmi_sim and QEMU")
	}
	testenv.NeedsCommand(t, "qemu-system-x86_64")
	l := lab.New(t, agents.LabOptions(n, lab.IPMI, "ag"))
	c := &clusterLab{t: t, lab: l, bin: buildVigil(t), dir: t.TempDir(), socks: map[string]string{}, cfgs: map[string]string{}}
	t.Cleanup(func() {
		if t.Failed() && c.ag != nil {
			t.Logf("agent logs:\n%s", c.ag.Logs(30000))
		}
	})
	ag, err := agents.Start(context.Background(), l, agents.Options{Vigil: c.bin, Dir: c.dir, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	c.ag = ag
	for _, a := range ag.Agents {
		c.socks[a.Host.Name] = a.Socket
		c.cfgs[a.Host.Name] = a.Config
	}
	return c
}

// restartAgent stops h's agent with sig (SIGTERM: a clean stop) and starts
// it again after pause.
func (c *clusterLab) restartAgent(h *lab.Host, sig syscall.Signal, pause time.Duration) {
	c.t.Helper()
	if err := c.ag.RestartAgent(context.Background(), h.Name, sig, pause); err != nil {
		c.t.Fatal(err)
	}
}

// vigil runs the CLI and returns its stdout, failing the test on an error.
func (c *clusterLab) vigil(args ...string) []byte {
	c.t.Helper()
	out, err := c.run(args...)
	if err != nil {
		c.t.Fatal(err)
	}
	return out
}

func (c *clusterLab) run(args ...string) ([]byte, error) {
	return c.ag.Run(context.Background(), args...)
}

func (c *clusterLab) status(host string) (localapi.Status, error) {
	return c.ag.Status(context.Background(), host)
}

func (c *clusterLab) events(host string) []localapi.Event {
	evs, _ := c.ag.Events(context.Background(), host)
	return evs
}

func (c *clusterLab) waitFor(what string, limit time.Duration, cond func() bool) {
	c.t.Helper()
	if err := agents.Poll(context.Background(), what, limit, 100*time.Millisecond, cond); err != nil {
		c.t.Fatal(err)
	}
}

// writeVMFile writes the VM file of a lab test guest named name.
func (c *clusterLab) writeVMFile(name, kernel string, priority int) string {
	c.t.Helper()
	f, err := c.ag.VMFile(name, kernel, priority)
	if err != nil {
		c.t.Fatal(err)
	}
	return f
}

// TestClusterFailover is the cluster's main promise on real agents: three
// `vigil agent` processes in lab namespaces with ipmi_sim BMCs; three test
// guests created through `vigil vm create` start on hosts the leader
// chose; one host's power is cut through its BMC (its agent and QEMUs die,
// its BMC reads off); within generous bounds each of its VMs runs on
// another host, exactly once (the lab's heartbeat watcher; never twice is
// checked at cleanup), and the agents' events tell the story: suspect,
// dead, fence, fence-confirmed, placed, started. Detection (cut to the
// leader's dead event) and RTO per VM (cut to its first heartbeat
// elsewhere) are logged.
func TestClusterFailover(t *testing.T) {
	c := startClusterLab(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	kernel, err := guest.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first := c.lab.Hosts[0].Name
	vms := []string{"vm1", "vm2", "vm3"}
	for i, vm := range vms {
		out := c.vigil("vm", "create", "-f", c.writeVMFile(vm, kernel, 100-i), "--socket", c.socks[first])
		t.Logf("%s", bytes.TrimSpace(out))
	}
	var list []localapi.VM
	if err := json.Unmarshal(c.vigil("vm", "list", "--json", "--socket", c.socks[first]), &list); err != nil || len(list) != 3 {
		t.Fatalf("vm list = %+v, %v; want 3 VMs", list, err)
	}
	c.waitFor("every VM running once, on the host the cluster placed it", 120*time.Second, func() bool {
		st, err := c.status(first)
		if err != nil {
			return false
		}
		for _, v := range st.VMs {
			hosts := c.lab.VMHosts(v.Name)
			if v.Host == "" || len(hosts) != 1 || hosts[0].Name != v.Host {
				return false
			}
		}
		return len(st.VMs) == 3
	})
	st, err := c.status(first)
	if err != nil {
		t.Fatal(err)
	}
	leader := *st.Leader
	where := map[string]string{}
	perHost := map[string][]string{}
	for _, v := range st.VMs {
		where[v.Name] = v.Host
		perHost[v.Host] = append(perHost[v.Host], v.Name)
		if v.State != "running" || v.Generation == 0 {
			t.Errorf("vm %+v: want running at a generation", v)
		}
	}
	t.Logf("placed by leader %s: %v", leader, where)

	// The victim: a host running VMs, not the leader if another one does
	// (the leader's own loss adds an election: another test's subject).
	var victim *lab.Host
	for _, h := range c.lab.Hosts {
		if len(perHost[h.Name]) > 0 && (victim == nil || victim.Name == leader) {
			victim = h
		}
	}
	moved := perHost[victim.Name]
	slices.Sort(moved)
	t.Logf("cutting the power of %s (runs %v; leader %s)", victim.Name, moved, leader)
	cut := time.Now()
	if err := victim.PowerOff(); err != nil {
		t.Fatal(err)
	}
	if on, err := victim.BMC.Power(); err != nil || on {
		t.Fatalf("%s's BMC after the power cut: on=%v, %v; want off", victim.Name, on, err)
	}

	rto := map[string]time.Duration{}
	c.waitFor("each of the victim's VMs running once on another host", 120*time.Second, func() bool {
		for _, vm := range moved {
			if _, done := rto[vm]; done {
				continue
			}
			hosts := c.lab.VMHosts(vm)
			if len(hosts) == 1 && hosts[0].Name != victim.Name {
				rto[vm] = time.Since(cut)
			}
		}
		return len(rto) == len(moved)
	})
	for _, vm := range vms {
		if n := c.lab.LiveCopies(vm); n != 1 {
			t.Errorf("%s: %d live copies after the failover, want 1", vm, n)
		}
	}

	// The agents' own account, from the survivors' audit logs.
	var all []localapi.Event
	for _, h := range c.lab.Hosts {
		if h != victim {
			all = append(all, c.events(h.Name)...)
		}
	}
	slices.SortFunc(all, func(a, b localapi.Event) int { return a.Time.Compare(b.Time) })
	firstOf := func(kind, host, vm string) (localapi.Event, bool) {
		for _, ev := range all {
			if ev.Kind == kind && ev.Time.After(cut) && (host == "" || ev.Host == host) && (vm == "" || ev.VM == vm) {
				return ev, true
			}
		}
		return localapi.Event{}, false
	}
	for _, ev := range all {
		if !strings.HasPrefix(ev.Kind, "bmc") && ev.Kind != "risk" && ev.Kind != "lease-granted" {
			t.Logf("event %s %-16s host=%s vm=%s %s", ev.Time.Format("15:04:05.000"), ev.Kind, ev.Host, ev.VM, ev.Message)
		}
	}
	var detect, fenced time.Duration
	for _, kind := range []string{"suspect", "dead", "fence", "fence-confirmed"} {
		ev, ok := firstOf(kind, victim.Name, "")
		if !ok {
			t.Errorf("no %s event for %s", kind, victim.Name)
			continue
		}
		switch kind {
		case "dead":
			detect = ev.Time.Sub(cut)
		case "fence-confirmed":
			fenced = ev.Time.Sub(cut)
		}
	}
	for _, vm := range moved {
		placed, ok := firstOf("placed", "", vm)
		if !ok {
			t.Errorf("no placed event for %s", vm)
			continue
		}
		started, ok := firstOf("started", placed.Host, vm)
		if !ok {
			t.Errorf("no started event for %s on %s", vm, placed.Host)
		}
		if placed.Host == victim.Name || started.Time.Before(placed.Time) {
			t.Errorf("%s placed on %s at %s, started %s: want another host, started after placing", vm, placed.Host, placed.Time.Format("15:04:05.000"), started.Time.Format("15:04:05.000"))
		}
	}
	var final []localapi.VM
	if err := json.Unmarshal(c.vigil("vm", "list", "--json", "--socket", c.socks[leaderOr(leader, victim.Name, c)]), &final); err != nil {
		t.Fatal(err)
	}
	for _, v := range final {
		if v.Host == victim.Name || v.Host == "" {
			t.Errorf("vm list after the failover: %+v, want it on a live host", v)
		}
	}
	vs, _ := c.status(leaderOr(leader, victim.Name, c))
	for _, h := range vs.Hosts {
		if h.Name == victim.Name && h.State != "fenced" {
			t.Errorf("%s is %s after the failover, want fenced", h.Name, h.State)
		}
	}
	var worst time.Duration
	for _, d := range rto {
		worst = max(worst, d)
	}
	t.Logf("FIGURES power cut of %s with %d VM(s): detection %v, fence confirmed %v, RTO per VM %v (max %v)",
		victim.Name, len(moved), detect.Round(time.Millisecond), fenced.Round(time.Millisecond), rto, worst.Round(time.Millisecond))
	if detect <= 0 || detect > 20*time.Second || worst > 60*time.Second {
		t.Errorf("detection %v, RTO %v: outside generous bounds (20 s, 60 s)", detect, worst)
	}
}

// leaderOr is the leader's name unless it is the victim, else a survivor.
func leaderOr(leader, victim string, c *clusterLab) string {
	if leader != victim {
		return leader
	}
	for _, h := range c.lab.Hosts {
		if h.Name != victim {
			return h.Name
		}
	}
	return leader
}

// lastHeartbeat is the newest heartbeat of vm in its serial log on host h
// (the agent's run directory).
func (c *clusterLab) lastHeartbeat(h *lab.Host, vm string) (guest.Heartbeat, bool) {
	return c.ag.LastHeartbeat(h, vm)
}

// createGuests creates test guests vm1..vmN through one agent and waits
// until each runs once where the cluster placed it; it returns where.
func (c *clusterLab) createGuests(n int) map[string]string {
	c.t.Helper()
	var names []string
	for i := 1; i <= n; i++ {
		names = append(names, fmt.Sprintf("vm%d", i))
	}
	where, err := c.ag.CreateGuests(context.Background(), c.lab.Hosts[0].Name, names, 120*time.Second)
	if err != nil {
		c.t.Fatal(err)
	}
	return where
}

// TestClusterAgentRestart: an agent stopped cleanly (SIGTERM) and started
// again 1.5 s later while its VMs run restarts no VM and gets its host fenced by
// nobody, whether it is a follower's or the leader's (which hands its
// leadership on first): the new agent adopts the running QEMUs, every
// guest keeps its boot, and the host stays healthy beyond its lease TTL.
func TestClusterAgentRestart(t *testing.T) {
	c := startClusterLab(t, 3)
	where := c.createGuests(3)
	byName := map[string]*lab.Host{}
	for _, h := range c.lab.Hosts {
		byName[h.Name] = h
	}
	boots := map[string]string{}
	for vm, host := range where {
		hb, ok := c.lastHeartbeat(byName[host], vm)
		if !ok {
			t.Fatalf("no heartbeat of %s on %s", vm, host)
		}
		boots[vm] = hb.Boot
	}
	st, _ := c.status(c.lab.Hosts[0].Name)
	leader := *st.Leader
	var follower string
	for _, host := range where {
		if host != leader {
			follower = host
		}
	}
	for _, target := range []string{follower, leader} {
		h := byName[target]
		t.Logf("restarting the agent of %s (leader %v)", target, target == leader)
		restarted := time.Now()
		// Down for longer than the leader's probes take to call a host
		// dead (0.7 s in the lab profile), shorter than its lease (4 s):
		// an upgrade's restart.
		c.restartAgent(h, syscall.SIGTERM, 1500*time.Millisecond)
		c.waitFor(target+"'s agent back with its lease", 60*time.Second, func() bool {
			st, err := c.status(target)
			if err != nil || !st.Quorum {
				return false
			}
			for _, hs := range st.Hosts {
				if hs.Name == target && hs.State != "healthy" {
					return false
				}
			}
			return slices.ContainsFunc(c.events(target), func(ev localapi.Event) bool {
				return ev.Kind == "joined" && ev.Time.After(restarted)
			})
		})
		// Beyond the lease TTL (4 s in the lab profile): nobody took the
		// restart for a death.
		time.Sleep(6 * time.Second)
		for _, hs := range func() []localapi.HostStatus { st, _ := c.status(target); return st.Hosts }() {
			if hs.State != "healthy" {
				t.Errorf("after %s's agent restart, %s is %s", target, hs.Name, hs.State)
			}
		}
		evs := c.events(target)
		for vm, host := range where {
			hosts := c.lab.VMHosts(vm)
			if len(hosts) != 1 || hosts[0].Name != host {
				t.Errorf("%s runs on %v after %s's agent restart, want %s alone", vm, hosts, target, host)
			}
			if hb, ok := c.lastHeartbeat(byName[host], vm); !ok || hb.Boot != boots[vm] {
				t.Errorf("%s's guest boot after %s's agent restart = %q, want %q (not restarted)", vm, target, hb.Boot, boots[vm])
			}
			if host != target {
				continue
			}
			if !slices.ContainsFunc(evs, func(ev localapi.Event) bool {
				return ev.Kind == "vm.adopted" && ev.VM == vm && ev.Time.After(restarted)
			}) {
				t.Errorf("no vm.adopted event for %s on %s after the restart", vm, target)
			}
			for _, ev := range evs {
				if ev.VM == vm && ev.Time.After(restarted) && (ev.Kind == "stopped" || ev.Kind == "started") {
					t.Errorf("%s after %s's agent restart: %s %s", vm, target, ev.Kind, ev.Message)
				}
			}
		}
	}
}
