package check_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/chaos/check"
	"github.com/vigil-ha/vigil/test/lab"
)

// TestRealFailoverIsClean records a history the way the chaos runner does
// (the lab watcher's heartbeats, every agent's events, the BMCs' chassis
// logs, the state directories after the agents stopped) around one power
// cut on real agents, and checks it: a failover the agents got right must
// pass every check, with the moved VMs' recoveries measured. The checks'
// ability to fail is shown on hand-made histories (check_test.go).
func TestRealFailoverIsClean(t *testing.T) {
	if testing.Short() {
		t.Skip("builds vigil, runs a lab with ipmi_sim and QEMU")
	}
	testenv.NeedsCommand(t, "qemu-system-x86_64")
	ctx := context.Background()
	l := lab.New(t, agents.LabOptions(3, lab.IPMI, "cc"))
	bin, err := agents.Build(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	c, err := agents.Start(ctx, l, agents.Options{Vigil: bin, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("agent logs:\n%s", c.Logs(20000))
		}
	})
	tm, err := agents.Timing()
	if err != nil {
		t.Fatal(err)
	}
	h := &check.History{Start: time.Now(), MassFence: check.MassFence{Window: tm.MassFenceWindow}}
	var mu sync.Mutex
	stop := l.OnHeartbeat(func(r lab.HeartbeatRead) {
		mu.Lock()
		h.Heartbeats = append(h.Heartbeats, check.Beat{At: r.At, Ord: r.Ord, Host: r.Host, File: r.File, VM: r.ID, Boot: r.Boot, Seq: r.Seq})
		mu.Unlock()
	})
	names := []string{"vm1", "vm2", "vm3"}
	where, err := c.CreateGuests(ctx, l.Hosts[0].Name, names, 120*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range names {
		h.VMs = append(h.VMs, check.VM{Name: n, Priority: 100 - i, RTO: 30 * time.Second, MemoryMiB: 64, VCPUs: 1})
	}
	// Cut the power of a follower that runs a VM.
	leader := c.Leader(ctx, l.Hosts[0].Name)
	var victim *lab.Host
	for _, hst := range l.Hosts {
		for _, on := range where {
			if on == hst.Name && hst.Name != leader {
				victim = hst
			}
		}
	}
	if victim == nil {
		t.Fatalf("no follower runs a VM: %v, leader %s", where, leader)
	}
	f := check.Fault{Kind: check.FaultPowerCut, Target: victim.Name, Start: time.Now()}
	if err := victim.CutPower(ctx); err != nil {
		t.Fatal(err)
	}
	// Its BMC is down with it: no fence path, so no failover, until the
	// BMC is back (reading off).
	time.Sleep(5 * time.Second)
	if err := victim.RestorePower(); err != nil {
		t.Fatal(err)
	}
	f.End = time.Now()
	h.Faults = append(h.Faults, f)
	if err := agents.Poll(ctx, "every VM running once off "+victim.Name, 120*time.Second, 200*time.Millisecond, func() bool {
		for _, n := range names {
			if hs := l.VMHosts(n); len(hs) != 1 || hs[0] == victim {
				return false
			}
		}
		return true
	}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Second) // quiescence
	h.End = time.Now()
	stop()

	stateCopies := t.TempDir()
	for _, a := range c.Agents {
		hst := a.Host
		h.Hosts = append(h.Hosts, check.Host{Name: hst.Name})
		log, err := check.ParseChassisLog(hst.Name, hst.BMC.IPMI.ChassisLog())
		if err != nil {
			t.Fatal(err)
		}
		h.Power = append(h.Power, log...)
		if !hst.On() {
			continue
		}
		evs, err := c.Events(ctx, hst.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			h.Events = append(h.Events, check.Event{From: hst.Name, Event: e})
		}
		if err := c.StopAgent(ctx, hst.Name, syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		// The agent's state_dir (test/agents' config: StateDir/vigil).
		dst := filepath.Join(stateCopies, hst.Name)
		if out, err := exec.Command("cp", "-a", filepath.Join(hst.StateDir, "vigil"), dst).CombinedOutput(); err != nil {
			t.Fatalf("copy %s's state: %v: %s", hst.Name, err, out)
		}
		h.Hosts[len(h.Hosts)-1].StateDir = dst
	}
	h.Sort()
	if dir := os.Getenv("VIGIL_CHAOS_HISTORY"); dir != "" {
		_ = h.WriteFile(filepath.Join(dir, "history.json"))
	}
	r := check.Check(h)
	for _, v := range r.Violations {
		t.Errorf("violation: %s", v)
	}
	for _, o := range check.Outages(h) {
		t.Logf("outage: %+v", o)
	}
	t.Logf("report: checks %v, %d operations, RTO %+v, %d heartbeats, %d events, %d power records", r.Checks, r.Operations, r.RTO, len(h.Heartbeats), len(h.Events), len(h.Power))
	if len(r.Recoveries) == 0 || r.Operations < len(names)*2 {
		t.Errorf("report %+v: want the moved VMs' recoveries and every VM's placement and start judged", r)
	}
}

// TestRealSplitBrainIsCaught runs one VM on two lab hosts at once (no
// agents): the heartbeats recorded through Lab.OnHeartbeat, replayed by
// CheckNeverTwice, show the two copies the live watcher saw. The lab is
// started with Start, not New, so that the deliberate violation does not
// fail the test at cleanup.
func TestRealSplitBrainIsCaught(t *testing.T) {
	if testing.Short() {
		t.Skip("runs QEMU")
	}
	testenv.NeedsCommand(t, "qemu-system-x86_64")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	l, err := lab.Start(ctx, lab.Options{Hosts: 2, BMC: lab.NoBMC, Name: "cs", Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	h := &check.History{Start: time.Now(), Hosts: []check.Host{{Name: l.Hosts[0].Name}, {Name: l.Hosts[1].Name}}}
	var mu sync.Mutex
	stop := l.OnHeartbeat(func(r lab.HeartbeatRead) {
		mu.Lock()
		h.Heartbeats = append(h.Heartbeats, check.Beat{At: r.At, Ord: r.Ord, Host: r.Host, File: r.File, VM: r.ID, Boot: r.Boot, Seq: r.Seq})
		mu.Unlock()
	})
	for _, hst := range l.Hosts {
		vm, err := hst.StartVM(ctx, lab.VMOptions{ID: "twin", MemoryMiB: 32})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := vm.WaitHeartbeat(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if err := agents.Poll(ctx, "two live copies of twin", 20*time.Second, 200*time.Millisecond, func() bool { return l.LiveCopies("twin") == 2 }); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	stop()
	mu.Lock()
	defer mu.Unlock()
	got := check.CheckNeverTwice(h)
	live := l.TwiceViolations()
	if len(got) == 0 || len(live) == 0 {
		t.Fatalf("replayed violations %v, live watcher's %q: want both to see twin twice (%d heartbeats recorded)", got, live, len(h.Heartbeats))
	}
	if v := got[0]; v.VM != "twin" || len(v.Hosts) != 2 {
		t.Errorf("violation %s: want twin on both hosts", v)
	}
	t.Logf("replayed: %s\nlive: %s", got[0], live[0])
}
