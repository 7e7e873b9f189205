package replica

import (
	"errors"
	"net"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
)

// A two-voter cluster that lost one voter commits nothing; forced to its
// survivor alone, it commits again, and the other, back with its old
// configuration, never leads until the survivor adds it back, then follows.
func TestForceSoleVoter(t *testing.T) {
	c := newCluster(t, 2, 0, nil)
	c.leader(15 * time.Second)
	c.mustApply(hostCmd("h1", 1), hostCmd("h2", 2), vmCmd("vm1", 1))
	c.mustApply(&state.Place{Placements: []state.Placement{{VM: "vm1", Generation: 0, Owner: "h2"}}})
	c.converged(10 * time.Second)

	c.stop("n2")
	n1 := c.node("n1")
	if _, err := n1.Apply(ctxT(t, 2*time.Second), hostCmd("h9", 9)); err == nil {
		t.Fatal("apply with one of two voters succeeded, want no quorum")
	}
	// A black hole where n2 was: raft's requests to it hang until the
	// transport's timeout unless the force drops them.
	hole, err := net.Listen("tcp", c.cfgs["n2"].Bind)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			conn, err := hole.Accept()
			if err != nil {
				return
			}
			defer conn.Close()
		}
	}()
	time.Sleep(time.Second) // n1 campaigns, its requests hang
	start := time.Now()
	if err := n1.ForceSoleVoter(ctxT(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	// Without dropping them, raft's stop waited for the hung requests:
	// 1.7 s here, of the transport's 2 s timeout; dropped, some 20 ms.
	if took := time.Since(start); took > time.Second {
		t.Errorf("forcing n1 alone took %v: raft's requests to the black hole were not dropped", took)
	} else {
		t.Logf("forced to n1 alone in %v", took.Round(time.Millisecond))
	}
	hole.Close()
	if l := c.leader(15 * time.Second); l != n1 {
		t.Fatalf("leader after the force = %s, want n1", l.ID())
	}
	servers, err := n1.Servers(ctxT(t, 5*time.Second))
	if err != nil || len(servers) != 1 || servers[0].ID != "n1" || !servers[0].Voter {
		t.Fatalf("servers after the force = %v, %v; want n1 alone, voting", servers, err)
	}
	if vm, _ := n1.State().VM("vm1"); vm.Owner != "h2" || vm.Generation != 1 {
		t.Fatalf("vm1 after the force = %s@%d, want the committed h2@1", vm.Owner, vm.Generation)
	}
	res := c.apply1(&state.Place{Placements: []state.Placement{{VM: "vm1", Generation: 1, Owner: "h1"}}})
	if len(res.Generations) != 1 || res.Generations[0] != 2 {
		t.Fatalf("place after the force = %v, want generation 2", res.Generations)
	}

	n2 := c.restart("n2")
	time.Sleep(3 * time.Second) // several election timeouts
	if n2.IsLeader() || !n1.IsLeader() {
		t.Fatalf("n2 back with its old configuration: n2 leads %v, n1 leads %v; want n1 alone", n2.IsLeader(), n1.IsLeader())
	}
	voter, err := n1.Join(ctxT(t, 10*time.Second), "n2", c.cfgs["n2"].Bind)
	if err != nil || !voter {
		t.Fatalf("add n2 back = %v, %v; want a voter", voter, err)
	}
	c.converged(15 * time.Second)
	if vm, _ := n2.State().VM("vm1"); vm.Owner != "h1" || vm.Generation != 2 {
		t.Fatalf("n2 after rejoining sees vm1 %s@%d, want h1@2", vm.Owner, vm.Generation)
	}
	if _, err := n1.Apply(ctxT(t, 5*time.Second), hostCmd("h3", 3)); err != nil && !errors.Is(err, ErrNotLeader) {
		t.Fatalf("apply with both voters back: %v", err)
	}
}
