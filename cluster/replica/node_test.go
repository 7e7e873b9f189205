package replica

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	raftboltdb "github.com/hashicorp/raft-boltdb/v2"
	"github.com/vigil-ha/vigil/cluster/state"
)

// Three nodes elect a leader and apply commands; the state machine's
// errors reach the proposer; the leader is killed three times, each time a
// new one takes over (the failover time is logged) and the killed node
// comes back from its bbolt files and catches up; all replicas end equal.
func TestElectApplyFailover(t *testing.T) {
	c := newCluster(t, 3, 0, nil)
	l := c.leader(15 * time.Second)
	c.mustApply(hostCmd("h1", 1), hostCmd("h2", 2), hostCmd("h3", 3), vmCmd("vm1", 1))
	res := c.mustApply(&state.Place{Placements: []state.Placement{{VM: "vm1", Generation: 0, Owner: "h1"}}})
	if !reflect.DeepEqual(res.Generations, []uint64{1}) {
		t.Fatalf("place result generations = %v, want [1]", res.Generations)
	}

	// The FSM's refusal comes back to the proposer, typed.
	_, err := l.Apply(ctxT(t, 5*time.Second), &state.Place{Placements: []state.Placement{{VM: "vm1", Generation: 0, Owner: "h2"}}})
	if !errors.Is(err, state.ErrStaleGeneration) {
		t.Fatalf("stale place = %v, want state.ErrStaleGeneration", err)
	}
	// A follower does not propose.
	for _, n := range c.live() {
		if n != l {
			if _, err := n.Apply(ctxT(t, 5*time.Second), hostCmd("h9", 9)); !errors.Is(err, ErrNotLeader) {
				t.Fatalf("apply on follower %s = %v, want ErrNotLeader", n.ID(), err)
			}
			break
		}
	}
	c.converged(10 * time.Second)

	var failovers []time.Duration
	gen := uint64(1)
	for round := range 3 {
		old := l.ID()
		start := time.Now()
		c.stop(old)
		l = c.leader(15 * time.Second)
		failovers = append(failovers, time.Since(start))
		if l.ID() == old {
			t.Fatalf("round %d: killed leader %s still leads", round, old)
		}
		owner := []string{"h2", "h3", "h1"}[round]
		res := c.mustApply(&state.Place{Placements: []state.Placement{{VM: "vm1", Generation: gen, Owner: owner}}})
		gen = res.Generations[0]
		c.restart(old)
		want := c.converged(15 * time.Second)
		restarted := snapshotOf(t, c.node(old).State())
		if !bytes.Equal(restarted, want) {
			t.Fatalf("round %d: restarted %s differs from the leader", round, old)
		}
		if vm, _ := c.node(old).State().VM("vm1"); vm.Owner != owner || vm.Generation != gen {
			t.Fatalf("round %d: restarted %s sees vm1 %s@%d, want %s@%d", round, old, vm.Owner, vm.Generation, owner, gen)
		}
	}
	slices.Sort(failovers)
	t.Logf("leader failover on loopback (kill to a new leader known by all live nodes): %v; median %v", failovers, failovers[len(failovers)/2])
}

// Snapshots land in snapshots.db, the log behind them is compacted, and a
// restarted cluster rebuilds its state from snapshot plus log.
func TestSnapshotRestoreAcrossRestart(t *testing.T) {
	c := newCluster(t, 3, 0, func(cfg *Config) {
		cfg.TrailingLogs = 2
		cfg.SnapshotThreshold = 1 << 30 // only when asked
	})
	l := c.leader(15 * time.Second)
	for i := range 30 {
		c.mustApply(hostCmd(fmt.Sprintf("h%02d", i), i+1))
	}
	c.converged(10 * time.Second)
	for _, n := range c.live() {
		if err := n.Snapshot(ctxT(t, 10*time.Second)); err != nil {
			t.Fatalf("snapshot on %s: %v", n.ID(), err)
		}
	}
	c.mustApply(vmCmd("vm1", 1), &state.Place{Placements: []state.Placement{{VM: "vm1", Owner: "h00"}}})
	want := c.converged(10 * time.Second)
	wantIndex := l.State().Index()
	c.closeAll()

	for _, id := range c.ids {
		dir := c.cfgs[id].Dir
		snaps, err := openSnapshotStore(filepath.Join(dir, snapshotFile), 1)
		if err != nil {
			t.Fatal(err)
		}
		list, err := snaps.List()
		snaps.Close()
		if err != nil || len(list) == 0 {
			t.Fatalf("%s: snapshots in bbolt = %v, %v; want one", id, list, err)
		}
		logs, err := raftboltdb.NewBoltStore(filepath.Join(dir, logFile))
		if err != nil {
			t.Fatal(err)
		}
		first, _ := logs.FirstIndex()
		logs.Close()
		if first <= 2 {
			t.Fatalf("%s: log starts at %d; want it compacted behind the snapshot at %d", id, first, list[0].Index)
		}
	}

	for _, id := range c.ids {
		c.restart(id)
	}
	got := c.converged(15 * time.Second)
	if !bytes.Equal(got, want) {
		t.Fatal("state after restart differs from before")
	}
	if idx := c.leader(time.Second).State().Index(); idx != wantIndex {
		t.Errorf("restored index %d, want %d", idx, wantIndex)
	}
	if vm, ok := c.leader(time.Second).State().VM("vm1"); !ok || vm.Owner != "h00" || vm.Generation != 1 {
		t.Errorf("vm1 after restart = %+v, %v", vm, ok)
	}
}

// Bootstrap happens once: reopening a Dir with another bootstrap list
// changes neither the configuration nor the state.
func TestBootstrapOnce(t *testing.T) {
	c := newCluster(t, 1, 0, func(cfg *Config) { cfg.Voters = 1 })
	c.leader(10 * time.Second)
	c.mustApply(hostCmd("h1", 1))
	c.stop("n1")
	cfg := c.cfgs["n1"]
	cfg.Bootstrap = append(cfg.Bootstrap, Server{ID: "ghost", Address: "127.0.0.1:1"})
	c.cfgs["n1"] = cfg
	n := c.restart("n1")
	c.leader(10 * time.Second)
	servers, err := n.Servers(ctxT(t, 5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if len(servers) != 1 || servers[0].ID != "n1" || !servers[0].Voter {
		t.Fatalf("servers after reopen = %+v, want n1 alone", servers)
	}
	if err := n.Read(ctxT(t, 5*time.Second), func(s *state.State) {
		if _, ok := s.Host("h1"); !ok {
			t.Error("h1 lost across restart")
		}
	}); err != nil {
		t.Fatal(err)
	}
}

// A fourth host joins as a non-voter (three voters already). When a voter
// dies and is not eligible any more, ReconcileVoters promotes the
// non-voter; the cluster then survives the loss of a second original voter,
// which three voters with two dead could not.
func TestJoinAndReconcileVoters(t *testing.T) {
	c := newCluster(t, 3, 1, nil)
	l := c.leader(15 * time.Second)
	voter, err := l.Join(ctxT(t, 10*time.Second), "n4", c.cfgs["n4"].Bind)
	if err != nil {
		t.Fatalf("join n4: %v", err)
	}
	if voter {
		t.Fatal("n4 joined as a voter; three voters were there already")
	}
	c.mustApply(hostCmd("h1", 1))
	c.converged(10 * time.Second)

	var followers []string
	for _, id := range []string{"n1", "n2", "n3"} {
		if id != l.ID() {
			followers = append(followers, id)
		}
	}
	dead := followers[0]
	c.stop(dead)
	plan, err := l.ReconcileVoters(ctxT(t, 10*time.Second), func(id string) bool { return id != dead })
	if err != nil {
		t.Fatalf("reconcile: %v", err)
	}
	if want := (VoterPlan{Promote: []string{"n4"}, Demote: []string{dead}}); !reflect.DeepEqual(plan, want) {
		t.Fatalf("plan = %+v, want %+v", plan, want)
	}
	servers, err := l.Servers(ctxT(t, 5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range servers {
		if wantVoter := s.ID != dead; s.Voter != wantVoter {
			t.Errorf("server %s voter = %v, want %v", s.ID, s.Voter, wantVoter)
		}
	}

	// Voters now: the leader, n4 and followers[1]. Without n4's promotion,
	// losing followers[1] would leave one live voter of three.
	c.stop(followers[1])
	c.mustApply(hostCmd("h2", 2))
	c.converged(10 * time.Second)
	if _, ok := c.node("n4").State().Host("h2"); !ok {
		t.Error("n4 does not hold the entry committed with its vote")
	}
}

func TestPlanVoters(t *testing.T) {
	all := func(string) bool { return true }
	not := func(ids ...string) func(string) bool {
		return func(id string) bool { return !slices.Contains(ids, id) }
	}
	v := func(id string) Server { return Server{ID: id, Voter: true} }
	nv := func(id string) Server { return Server{ID: id} }
	cases := []struct {
		name     string
		servers  []Server
		want     int
		eligible func(string) bool
		plan     VoterPlan
	}{
		{"steady", []Server{v("a"), v("b"), v("c"), nv("d")}, 3, all, VoterPlan{}},
		{"voter fenced", []Server{v("a"), v("b"), v("c"), nv("d"), nv("e")}, 3, not("b"), VoterPlan{Promote: []string{"d"}, Demote: []string{"b"}}},
		{"skip ineligible candidate", []Server{v("a"), v("b"), v("c"), nv("d"), nv("e")}, 3, not("c", "d"), VoterPlan{Promote: []string{"e"}, Demote: []string{"c"}}},
		{"no candidate still demotes", []Server{v("a"), v("b"), v("c")}, 3, not("c"), VoterPlan{Demote: []string{"c"}}},
		{"never demote self", []Server{v("a"), v("b"), v("c")}, 3, not("a"), VoterPlan{}},
		{"grow to five", []Server{v("a"), v("b"), v("c"), nv("d"), nv("e"), nv("f")}, 5, all, VoterPlan{Promote: []string{"d", "e"}}},
		{"surplus demoted", []Server{v("a"), v("b"), v("c"), v("d")}, 3, all, VoterPlan{Demote: []string{"d"}}},
		{"two voters lost of five", []Server{v("a"), v("b"), v("c"), v("d"), v("e"), nv("f"), nv("g")}, 5, not("b", "e"), VoterPlan{Promote: []string{"f", "g"}, Demote: []string{"b", "e"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := PlanVoters(tc.servers, "a", tc.want, tc.eligible)
			if !reflect.DeepEqual(got, tc.plan) {
				t.Errorf("PlanVoters = %+v, want %+v", got, tc.plan)
			}
		})
	}
}

// VerifyLeader passes on the leader and fails with ErrNotLeader on a
// follower and on a leader that lost its quorum, without a log entry.
func TestVerifyLeader(t *testing.T) {
	c := newCluster(t, 3, 0, nil)
	l := c.leader(15 * time.Second)
	before := l.State().Index()
	if err := l.VerifyLeader(ctxT(t, 5*time.Second)); err != nil {
		t.Fatalf("VerifyLeader on leader %s = %v, want nil", l.ID(), err)
	}
	for _, n := range c.live() {
		if n != l {
			if err := n.VerifyLeader(ctxT(t, 5*time.Second)); !errors.Is(err, ErrNotLeader) {
				t.Fatalf("VerifyLeader on follower %s = %v, want ErrNotLeader", n.ID(), err)
			}
		}
	}
	if got := l.State().Index(); got != before {
		t.Fatalf("applied index moved %d → %d: VerifyLeader wrote to the log", before, got)
	}
	for _, n := range c.live() {
		if n != l {
			c.stop(n.ID())
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := l.VerifyLeader(ctxT(t, 10*time.Second))
		if errors.Is(err, ErrNotLeader) {
			break
		}
		if err != nil {
			t.Fatalf("VerifyLeader on %s without a quorum = %v, want nil or ErrNotLeader", l.ID(), err)
		}
		if time.Now().After(deadline) {
			t.Fatalf("VerifyLeader on %s still passes 10 s after losing its quorum", l.ID())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TransferLeadershipTo hands leadership to the voter named, and refuses a
// server that is not another voter.
func TestTransferLeadershipTo(t *testing.T) {
	c := newCluster(t, 3, 0, nil)
	l := c.leader(15 * time.Second)
	if err := l.TransferLeadershipTo(ctxT(t, 5*time.Second), "n9"); !errors.Is(err, ErrConfig) {
		t.Fatalf("transfer to unknown n9 = %v, want ErrConfig", err)
	}
	for _, target := range []string{"n1", "n2", "n3"} {
		l = c.leader(15 * time.Second)
		if l.ID() == target {
			continue
		}
		if err := l.TransferLeadershipTo(ctxT(t, 10*time.Second), target); err != nil {
			t.Fatalf("transfer %s → %s: %v", l.ID(), target, err)
		}
		if got := c.leader(15 * time.Second); got.ID() != target {
			t.Fatalf("after transfer to %s the leader is %s", target, got.ID())
		}
	}
}

// Nodes opened without Config.Bootstrap form a cluster once each is told
// the first voters (Bootstrap), as agents do after learning their peers'
// addresses; a second Bootstrap, or one on a node that has state, changes
// nothing, and a list without the node itself is refused.
func TestBootstrapLater(t *testing.T) {
	c := newCluster(t, 0, 3, nil)
	var servers []Server
	for _, id := range c.ids {
		servers = append(servers, Server{ID: id, Address: c.cfgs[id].Bind, Voter: true})
	}
	if err := c.node("n1").Bootstrap(servers[1:]); !errors.Is(err, ErrConfig) {
		t.Errorf("Bootstrap without n1 on n1 = %v, want ErrConfig", err)
	}
	for _, id := range c.ids {
		if err := c.node(id).Bootstrap(servers); err != nil {
			t.Fatalf("Bootstrap on %s: %v", id, err)
		}
	}
	l := c.leader(10 * time.Second)
	c.mustApply(hostCmd("h1", 1))
	if err := l.Bootstrap([]Server{{ID: l.ID(), Address: l.Addr(), Voter: true}}); err != nil {
		t.Fatalf("second Bootstrap = %v, want nil (a no-op)", err)
	}
	got, err := l.Servers(ctxT(t, 5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Errorf("servers after a second Bootstrap = %+v, want the first three", got)
	}
}

// A follower applies a command soon after the leader has, even when the
// leader's idle heartbeat (Timing.Commit) is long: Apply pushes the new
// commit index out at once instead of leaving it to the next idle send.
func TestFollowersApplyBeforeCommitTimeout(t *testing.T) {
	const commit = 3 * time.Second
	// Without the idle sends, only heartbeats reset the followers' election
	// timers: the slower wan-like timeouts keep a loaded machine from
	// electing leaders over and over.
	c := newCluster(t, 3, 0, func(cfg *Config) {
		cfg.Timing = Timing{Heartbeat: time.Second, Election: time.Second, LeaderLease: 500 * time.Millisecond, Commit: commit}
	})
	c.mustApply(hostCmd("warm-up", 9))
	for i := range 3 {
		l := c.leader(15 * time.Second)
		if _, err := l.Apply(ctxT(t, 5*time.Second), hostCmd(fmt.Sprintf("h%d", i), i)); err != nil {
			t.Fatalf("Apply on leader %s = %v, want nil", l.ID(), err)
		}
		want, applied := l.State().Index(), time.Now()
		for _, n := range c.live() {
			for n.State().Index() < want {
				if waited := time.Since(applied); waited > commit/2 {
					t.Fatalf("follower %s at index %d %v after the leader applied %d, want it within %v (the idle heartbeat is %v)",
						n.ID(), n.State().Index(), waited.Round(time.Millisecond), want, commit/2, commit)
				}
				time.Sleep(5 * time.Millisecond)
			}
		}
	}
}

// Applied signals every node, leader and followers, once its state has
// taken a new entry.
func TestAppliedSignals(t *testing.T) {
	c := newCluster(t, 3, 0, nil)
	c.mustApply(hostCmd("warm-up", 9))
	c.converged(10 * time.Second)
	l := c.leader(15 * time.Second)
	for _, n := range c.live() {
		for len(n.Applied()) > 0 {
			<-n.Applied()
		}
	}
	if _, err := l.Apply(ctxT(t, 5*time.Second), hostCmd("h1", 1)); err != nil {
		t.Fatalf("Apply on leader %s = %v, want nil", l.ID(), err)
	}
	want := l.State().Index()
	for _, n := range c.live() {
		for deadline := time.Now().Add(5 * time.Second); n.State().Index() < want; time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: state at index %d 5 s after the leader applied %d", n.ID(), n.State().Index(), want)
			}
		}
		select {
		case <-n.Applied():
		default:
			t.Errorf("%s: state at index %d, and Applied not signalled", n.ID(), n.State().Index())
		}
	}
}
