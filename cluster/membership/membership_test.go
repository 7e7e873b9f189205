package membership_test

import (
	"context"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/membership"
	"github.com/vigil-ha/vigil/cluster/membership/membershiptest"
)

// Bounds here are generous on purpose (the machine is shared and loaded):
// they catch "never", not "slow". BenchmarkDetect measures speed.
const bound = 20 * time.Second

func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("real memberlist members on loopback: not with -short")
	}
}

func TestClusterFormsWithMeta(t *testing.T) {
	skipShort(t)
	c := membershiptest.Start(t, membershiptest.Options{N: 3, Configure: func(i int, cfg *membership.Config) {
		cfg.Meta = membership.Meta{BootID: membership.BootID{byte(i + 1)}, Incarnation: uint64(10 + i), WatchdogArmed: i == 1, BMC: "ipmi://10.0.0." + string(rune('1'+i)) + ":623"}
	}})
	v := c.Nodes[0].List.Members()
	if v.Self != "m000" || len(v.Members) != 3 {
		t.Fatalf("Members() = %+v, want self m000 and 3 members", v)
	}
	m, ok := v.Get("m001")
	if !ok || m.State != membership.Alive || m.MetaErr != "" {
		t.Fatalf("m001 in m000's view = %+v, %v", m, ok)
	}
	want := membership.Meta{BootID: membership.BootID{2}, Incarnation: 11, WatchdogArmed: true, BMC: "ipmi://10.0.0.2:623"}
	if m.Meta != want {
		t.Errorf("m001's meta as m000 sees it = %+v, want %+v", m.Meta, want)
	}
	if m.Addr != c.Nodes[1].List.Addr() || !m.Addr.Addr().IsLoopback() {
		t.Errorf("m001's address = %v, want %v", m.Addr, c.Nodes[1].List.Addr())
	}
}

// TestDeadMemberSuspectedThenDead checks the whole event path on a member
// whose network dies: each other member raises Suspected (read from
// memberlist's own log line: this fails if a memberlist upgrade changes
// it) and then Died, stamped after the cut, and its periodic view agrees.
func TestDeadMemberSuspectedThenDead(t *testing.T) {
	skipShort(t)
	c := membershiptest.Start(t, membershiptest.Options{N: 3, Profile: membership.Fast, Configure: func(_ int, cfg *membership.Config) {
		cfg.ReconcileEvery = 100 * time.Millisecond
	}})
	t0 := time.Now()
	c.Nodes[2].Transport.Cut()
	for _, n := range c.Nodes[:2] {
		s, ok := n.Events.WaitFor(membership.Suspected, "m002", t0, bound)
		if !ok {
			t.Fatalf("%s: no Suspected event for m002 within %v; events: %v", n.Name, bound, kinds(n.Events.Events()))
		}
		d, ok := n.Events.WaitFor(membership.Died, "m002", t0, bound)
		if !ok {
			t.Fatalf("%s: no Died event for m002 within %v", n.Name, bound)
		}
		if d.At.Before(s.At) || d.Member.State != membership.Dead {
			t.Errorf("%s: dead %+v before suspect %+v", n.Name, d, s)
		}
		t.Logf("%s: suspect after %v, dead after %v", n.Name, s.At.Sub(t0), d.At.Sub(t0))
		waitView(t, n, "m002", membership.Dead)
	}
}

func waitView(t *testing.T, n *membershiptest.Node, member string, want membership.State) {
	t.Helper()
	deadline := time.Now().Add(bound)
	for time.Now().Before(deadline) {
		v, _ := n.Events.LastView()
		if m, ok := v.Get(member); ok && m.State == want {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	v, _ := n.Events.LastView()
	t.Fatalf("%s: view never showed %s %v: %+v", n.Name, member, want, v)
}

func kinds(es []membership.Event) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(e.Kind.String() + ":" + e.Member.Name + " ")
	}
	return b.String()
}

// TestFalseSuspicionRecoversAndIsRefuted freezes a member (a stalled
// process) for less than the suspicion timeout: the others suspect it, it
// refutes when it thaws (Refuted, naming its accuser), and they see it
// answer again (Recovered), never Died.
func TestFalseSuspicionRecoversAndIsRefuted(t *testing.T) {
	skipShort(t)
	slow := membership.Profile{
		Name: "slow-suspicion", ProbeInterval: 100 * time.Millisecond, ProbeTimeout: 50 * time.Millisecond,
		SuspicionMult: 50, SuspicionMaxTimeoutMult: 2, IndirectChecks: 2,
		GossipInterval: 20 * time.Millisecond, GossipNodes: 3, RetransmitMult: 4,
		PushPullInterval: 30 * time.Second, TCPTimeout: time.Second, AwarenessMaxMultiplier: 2,
	}
	c := membershiptest.Start(t, membershiptest.Options{N: 3, Profile: slow})
	victim := c.Nodes[2]
	t0 := time.Now()
	victim.Transport.Freeze()
	var suspected *membershiptest.Node
	deadline := time.Now().Add(bound)
	for suspected == nil && time.Now().Before(deadline) {
		for _, n := range c.Nodes[:2] {
			if _, ok := n.Events.WaitFor(membership.Suspected, victim.Name, t0, 10*time.Millisecond); ok {
				suspected = n
			}
		}
	}
	victim.Transport.Thaw()
	if suspected == nil {
		t.Fatalf("nobody suspected the frozen member within %v", bound)
	}
	if _, ok := suspected.Events.WaitFor(membership.Recovered, victim.Name, t0, bound); !ok {
		t.Errorf("%s never saw %s recover: %s", suspected.Name, victim.Name, kinds(suspected.Events.Events()))
	}
	e, ok := victim.Events.WaitFor(membership.Refuted, victim.Name, t0, bound)
	if !ok {
		t.Fatalf("%s never refuted: %s", victim.Name, kinds(victim.Events.Events()))
	}
	if e.From != "m000" && e.From != "m001" {
		t.Errorf("Refuted.From = %q, want the accuser m000 or m001", e.From)
	}
	if tally := c.Tally(t0); tally.Deaths != 0 {
		t.Errorf("a 50×-long suspicion still produced %d deaths", tally.Deaths)
	}
}

// blockingHandler never returns from its first event: memberlist must not
// notice.
type blockingHandler struct {
	once    sync.Once
	entered chan struct{}
	release chan struct{}
}

func (h *blockingHandler) HandleEvent(membership.Event) {
	h.once.Do(func() { close(h.entered) })
	<-h.release
}
func (h *blockingHandler) HandleMembers(membership.View) {}

func TestStuckHandlerNeverStallsDetection(t *testing.T) {
	skipShort(t)
	h := &blockingHandler{entered: make(chan struct{}), release: make(chan struct{})}
	defer close(h.release)
	c := membershiptest.Start(t, membershiptest.Options{N: 3, Profile: membership.Fast, Configure: func(i int, cfg *membership.Config) {
		if i == 0 {
			cfg.Handler, cfg.QueueLen = h, 2
		}
	}})
	<-h.entered
	c.Nodes[2].Transport.Cut()
	deadline := time.Now().Add(bound)
	for {
		v := c.Nodes[0].List.Members()
		if m, _ := v.Get("m002"); m.State == membership.Dead {
			if v.Dropped == 0 {
				t.Errorf("View.Dropped = 0 with a stuck handler and a queue of 2, want the lost events counted")
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("with a stuck handler, m000 never saw m002 dead: %+v", v)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestWrongKeyCannotJoin(t *testing.T) {
	skipShort(t)
	c := membershiptest.Start(t, membershiptest.Options{N: 2})
	other := &membershiptest.Cluster{}
	key, err := membershiptest.WriteKeyFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	other.KeyFile = key
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	stranger, err := other.AddNode(ctx, "stranger", membership.Fast, 1, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if n, err := stranger.List.Join(ctx, []string{c.Nodes[0].List.Addr().String()}); err == nil || n != 0 {
		t.Errorf("Join with another key = %d, %v; want an error", n, err)
	}
	time.Sleep(500 * time.Millisecond)
	if _, ok := c.Nodes[0].List.Members().Get("stranger"); ok {
		t.Errorf("a member with another key got into the cluster")
	}
}

func TestLeaveSeenAsLeft(t *testing.T) {
	skipShort(t)
	c := membershiptest.Start(t, membershiptest.Options{N: 3})
	t0 := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	if err := c.Nodes[2].List.Leave(ctx); err != nil {
		t.Fatal(err)
	}
	for _, n := range c.Nodes[:2] {
		e, ok := n.Events.WaitFor(membership.Departed, "m002", t0, bound)
		if !ok || e.Member.State != membership.Left {
			t.Errorf("%s: Departed of m002 = %+v, %v", n.Name, e, ok)
		}
	}
	if tally := c.Tally(t0); tally.Deaths != 0 {
		t.Errorf("a graceful leave produced %d deaths", tally.Deaths)
	}
}

func TestSetMetaPropagates(t *testing.T) {
	skipShort(t)
	c := membershiptest.Start(t, membershiptest.Options{N: 3})
	t0 := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	want := membership.Meta{Incarnation: 2, WatchdogArmed: true, BMC: "redfish+https://10.0.0.9"}
	if err := c.Nodes[1].List.SetMeta(ctx, want); err != nil {
		t.Fatal(err)
	}
	for _, n := range []*membershiptest.Node{c.Nodes[0], c.Nodes[2]} {
		e, ok := n.Events.WaitFor(membership.Update, "m001", t0, bound)
		if !ok || e.Member.Meta != want {
			t.Errorf("%s: Update of m001 = %+v, %v; want meta %+v", n.Name, e.Member.Meta, ok, want)
		}
	}
	if err := c.Nodes[1].List.SetMeta(ctx, membership.Meta{BMC: "has space"}); err == nil {
		t.Error("SetMeta with a bad BMC endpoint = nil error, want one")
	}
}

func TestClockAndViewsInjected(t *testing.T) {
	skipShort(t)
	fixed := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	c := membershiptest.Start(t, membershiptest.Options{N: 2, Configure: func(_ int, cfg *membership.Config) {
		cfg.Now = func() time.Time { return fixed }
		cfg.ReconcileEvery = 50 * time.Millisecond
	}})
	es := c.Nodes[0].Events.Events()
	if len(es) == 0 {
		t.Fatal("no events")
	}
	for _, e := range es {
		if !e.At.Equal(fixed) || !e.Member.Since.Equal(fixed) {
			t.Errorf("event %v %s at %v since %v, want the injected clock's %v", e.Kind, e.Member.Name, e.At, e.Member.Since, fixed)
		}
	}
	deadline := time.Now().Add(bound)
	for {
		v, n := c.Nodes[0].Events.LastView()
		if n >= 2 {
			if !v.At.Equal(fixed) || len(v.Members) != 2 {
				t.Errorf("periodic view = %+v, want 2 members at %v", v, fixed)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d periodic views within %v", n, bound)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestStartOnBindAddress(t *testing.T) {
	skipShort(t)
	key, err := membershiptest.WriteKeyFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	a, err := membership.Start(ctx, membership.Config{Name: "a", KeyFile: key, Bind: netip.MustParseAddrPort("127.0.0.1:0")})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := membership.Start(ctx, membership.Config{Name: "b", KeyFile: key, Bind: netip.MustParseAddrPort("127.0.0.1:0")})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if !a.Addr().Addr().IsLoopback() || a.Addr().Port() == 0 {
		t.Fatalf("Addr() = %v, want a loopback address with its port", a.Addr())
	}
	if n, err := b.Join(ctx, []string{a.Addr().String()}); err != nil || n != 1 {
		t.Fatalf("Join = %d, %v", n, err)
	}
	// a learns of b while answering b's push-pull; its view follows its
	// event queue, so give it a moment.
	deadline := time.Now().Add(5 * time.Second)
	for {
		m, ok := a.Members().Get("b")
		if ok && m.State == membership.Alive {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a's view of b after 5 s = %+v, %v", m, ok)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := a.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := a.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestDetectMeasuresEveryObserver checks the measuring harness itself:
// every other member is an observer of a cut, and each is timed.
func TestDetectMeasuresEveryObserver(t *testing.T) {
	skipShort(t)
	c := membershiptest.Start(t, membershiptest.Options{N: 4, Profile: membership.Fast})
	d := c.Detect(3, bound)
	if len(d.Each) != 3 || d.Missed != 0 || d.NotAlive != 0 {
		t.Fatalf("Detect = %+v, want 3 observers timed", d)
	}
	for _, e := range d.Each {
		if e <= 0 || e > bound {
			t.Errorf("detection delay %v out of (0, %v]", e, bound)
		}
	}
	if d.All() != d.Each[2] {
		t.Errorf("All() = %v, want the slowest %v", d.All(), d.Each[2])
	}
}

// TestTallyLeavesOutTheCut checks that the harness counts no false death
// for a cut member's own view: cut off, it holds every other member dead.
func TestTallyLeavesOutTheCut(t *testing.T) {
	skipShort(t)
	c := membershiptest.Start(t, membershiptest.Options{N: 3, Profile: membership.Fast})
	t0 := time.Now()
	d := c.Detect(2, bound)
	if d.Missed != 0 {
		t.Fatalf("Detect = %+v, want every observer timed", d)
	}
	// The cut member declares the others dead in its own view.
	victim := c.Nodes[2]
	for _, other := range c.Nodes[:2] {
		if _, ok := victim.Events.WaitFor(membership.Died, other.Name, t0, bound); !ok {
			t.Fatalf("cut %s never declared %s dead", victim.Name, other.Name)
		}
	}
	if got := c.Tally(t0, victim.Name); got.Deaths != 0 || got.Suspicions != 0 {
		t.Errorf("Tally leaving out %s = %+v, want no suspicion or death", victim.Name, got)
	}
}

// TestStartJoinsInBatches checks that a cluster larger than a join batch
// forms with every member seeing every other alive.
func TestStartJoinsInBatches(t *testing.T) {
	skipShort(t)
	c := membershiptest.Start(t, membershiptest.Options{N: 7, JoinBatch: 3, Profile: membership.Fast})
	for _, n := range c.Nodes {
		v := n.List.Members()
		alive := 0
		for _, m := range v.Members {
			if m.State == membership.Alive {
				alive++
			}
		}
		if alive != 7 {
			t.Errorf("%s sees %d of 7 alive: %+v", n.Name, alive, v.Members)
		}
	}
}
