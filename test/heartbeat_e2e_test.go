package test

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/cluster/heartbeat"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
)

// TestHeartbeatIsolated: the storage heartbeat (cluster.heartbeat_dir) as
// the second opinion on real agents. A host running VMs is cut off from
// its peers and its BMC from them, but it still writes its heartbeat file
// in the shared directory: the leader classifies it isolated, not dead,
// with an event saying why, and nothing of it runs elsewhere. Its lease
// lapses, its watchdog (armed, 2 s) resets it and its heartbeat stops:
// then it is handled as a dead host whose BMC cannot be reached, presumed
// self-fenced at its deadline, and its VMs run once elsewhere.
func TestHeartbeatIsolated(t *testing.T) {
	c := startClusterLabWith(t, 3, agents.Options{Watchdog: 2 * time.Second, HeartbeatDir: true})
	c.createGuests(3)
	victim := c.victim(false)
	var dog *lab.Watchdog
	for _, a := range c.ag.Agents {
		if a.Host == victim {
			dog = a.Watchdog
		}
	}
	hbFile := heartbeat.Path(c.ag.HeartbeatDir, victim.Name)
	if _, err := os.Stat(hbFile); err != nil {
		t.Fatalf("%s writes no heartbeat file: %v", victim.Name, err)
	}
	st, _ := c.status(c.lab.Hosts[0].Name)
	var moved []string
	for _, v := range st.VMs {
		if v.Host == victim.Name {
			moved = append(moved, v.Name)
		}
	}
	t.Logf("isolating %s and its BMC (runs %v); its heartbeat file is %s", victim.Name, moved, hbFile)
	for _, h := range c.lab.Hosts {
		if h != victim {
			if err := c.lab.PartitionBMC(h, victim); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := c.lab.Isolate(victim); err != nil {
		t.Fatal(err)
	}
	cut := time.Now()
	var isolated localapi.Event
	c.waitFor("the leader classifying the cut-off host isolated", 60*time.Second, func() bool {
		evs := c.eventsOfAllBut(victim)
		i := slices.IndexFunc(evs, func(ev localapi.Event) bool {
			return ev.Kind == "isolated" && ev.Host == victim.Name && ev.Time.After(cut)
		})
		if i >= 0 {
			isolated = evs[i]
		}
		return i >= 0
	})
	t.Logf("isolated %v after the cut: %s", isolated.Time.Sub(cut).Round(time.Millisecond), isolated.Message)
	if !strings.Contains(isolated.Message, "heartbeat is still being written") || !strings.Contains(isolated.Message, "not dead") {
		t.Errorf("isolated event says %q; want that its heartbeat is still being written, so not dead", isolated.Message)
	}
	resetsBefore := len(dog.Resets())
	a, _ := os.ReadFile(hbFile)
	time.Sleep(600 * time.Millisecond)
	b, _ := os.ReadFile(hbFile)
	if bytes.Equal(a, b) && len(dog.Resets()) == resetsBefore {
		t.Errorf("%s's heartbeat file did not change in 600 ms while it ran cut off", victim.Name)
	}

	elsewhere := map[string]time.Time{}
	c.waitFor("the isolated host's VMs running once elsewhere", 120*time.Second, func() bool {
		for _, vm := range moved {
			if hosts := c.lab.VMHosts(vm); len(hosts) == 1 && hosts[0] != victim {
				if _, ok := elsewhere[vm]; !ok {
					elsewhere[vm] = time.Now()
				}
			}
		}
		return len(elsewhere) == len(moved)
	})
	resets := dog.Resets()
	if len(resets) == 0 {
		t.Fatalf("%s's watchdog never reset it", victim.Name)
	}
	for vm, at := range elsewhere {
		if at.Before(resets[0]) {
			t.Errorf("%s ran elsewhere %v after the cut, before %s's reset at %v, while its heartbeat was written",
				vm, at.Sub(cut).Round(time.Millisecond), victim.Name, resets[0].Sub(cut).Round(time.Millisecond))
		}
		t.Logf("%s ran elsewhere %v after the cut (watchdog reset at %v)", vm, at.Sub(cut).Round(time.Millisecond), resets[0].Sub(cut).Round(time.Millisecond))
	}
	evs := c.eventsOfAllBut(victim)
	if !slices.ContainsFunc(evs, func(ev localapi.Event) bool {
		return ev.Kind == "fence-confirmed" && ev.Host == victim.Name && ev.Time.After(cut) && strings.Contains(ev.Message, "self-fence deadline")
	}) {
		t.Errorf("no fence-confirmed event by the self-fence deadline for %s", victim.Name)
	}
	if slices.ContainsFunc(evs, func(ev localapi.Event) bool {
		return ev.Kind == "dead" && ev.Host == victim.Name && ev.Time.After(cut) && ev.Time.Before(isolated.Time)
	}) {
		t.Errorf("%s was declared dead before it was classified isolated", victim.Name)
	}
}
