package test

import (
	"bufio"
	"context"
	"encoding/json"
	"log/slog"
	"net/netip"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/heartbeat"
	"github.com/vigil-ha/vigil/cluster/membership"
	"github.com/vigil-ha/vigil/cluster/membership/membershiptest"
	"github.com/vigil-ha/vigil/cluster/verdict"
	"github.com/vigil-ha/vigil/cluster/verdict/verdicttest"
	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/lab"
)

// Environment of the membership helper process (TestMembershipHelperProcess).
const (
	mlHelperEnv = "VIGIL_MEMBERSHIP_HELPER"
	mlPort      = 7946
)

// mlLine is one line the helper prints: an event or a view.
type mlLine struct {
	Kind   string `json:"kind"` // an event kind, or "view"
	Member string `json:"member,omitempty"`
	State  string `json:"state,omitempty"`
	From   string `json:"from,omitempty"`
	AtNS   int64  `json:"at_ns"`
	Alive  int    `json:"alive,omitempty"` // views: members alive
}

type mlPrinter struct{ enc *json.Encoder }

func (p mlPrinter) HandleEvent(e membership.Event) {
	_ = p.enc.Encode(mlLine{Kind: e.Kind.String(), Member: e.Member.Name, State: e.Member.State.String(), From: e.From, AtNS: e.At.UnixNano()})
}

func (p mlPrinter) HandleMembers(v membership.View) {
	alive := 0
	for _, m := range v.Members {
		if m.State == membership.Alive {
			alive++
		}
	}
	_ = p.enc.Encode(mlLine{Kind: "view", Alive: alive, AtNS: v.At.UnixNano()})
}

// TestMembershipHelperProcess is not a test: TestMembershipLab runs the test
// binary again as an agent's membership (memberlist on the host's address,
// a heartbeat on the shared directory) inside a lab host's namespace.
func TestMembershipHelperProcess(t *testing.T) {
	if os.Getenv(mlHelperEnv) != "1" {
		t.Skip("helper process for TestMembershipLab")
	}
	env := func(k string) string { return os.Getenv("VIGIL_ML_" + k) }
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	profile, err := membership.ProfileByName(env("PROFILE"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	l, err := membership.Start(ctx, membership.Config{
		Name:    env("NAME"),
		Bind:    netip.MustParseAddrPort(env("BIND")),
		KeyFile: env("KEY"),
		Profile: profile,
		Handler: mlPrinter{json.NewEncoder(os.Stdout)},
		Logger:  logger,
		Meta:    membership.Meta{Incarnation: 1, BMC: "ipmi://" + env("NAME")},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	hb, err := heartbeat.OpenWriter(ctx, heartbeat.WriterConfig{Dir: env("HBDIR"), Host: env("NAME"), Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	defer hb.Close()
	go hb.Run(ctx, 100*time.Millisecond)
	if peers := env("JOIN"); peers != "" {
		for ctx.Err() == nil {
			jctx, cancel := context.WithTimeout(ctx, 2*time.Second)
			_, err := l.Join(jctx, strings.Split(peers, ","))
			cancel()
			if err == nil {
				break
			}
			logger.Warn("join failed, retrying", "err", err)
			time.Sleep(200 * time.Millisecond)
		}
	}
	<-ctx.Done()
}

// mlAgent is one helper process as the test sees it.
type mlAgent struct {
	host *lab.Host
	proc *lab.Proc
	rec  *membershiptest.Recorder
	view chan mlLine // the helper's periodic views
}

func startMLAgent(t *testing.T, h *lab.Host, key, hbDir, profile string, join []*lab.Host) *mlAgent {
	t.Helper()
	var peers []string
	for _, p := range join {
		peers = append(peers, netip.AddrPortFrom(p.MgmtIP, mlPort).String())
	}
	cmd := h.Command(context.Background(), os.Args[0], "-test.run=^TestMembershipHelperProcess$", "-test.v=false")
	cmd.Env = append(os.Environ(),
		mlHelperEnv+"=1",
		"VIGIL_ML_NAME="+h.Name,
		"VIGIL_ML_BIND="+netip.AddrPortFrom(h.MgmtIP, mlPort).String(),
		"VIGIL_ML_KEY="+key,
		"VIGIL_ML_PROFILE="+profile,
		"VIGIL_ML_HBDIR="+hbDir,
		"VIGIL_ML_JOIN="+strings.Join(peers, ","),
	)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p, err := h.StartCmd("membership", cmd)
	if err != nil {
		t.Fatal(err)
	}
	a := &mlAgent{host: h, proc: p, rec: membershiptest.NewRecorder(), view: make(chan mlLine, 1000)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			var ln mlLine
			if json.Unmarshal(sc.Bytes(), &ln) != nil {
				continue // the test framework's own lines
			}
			if ln.Kind == "view" {
				select {
				case a.view <- ln:
				default:
				}
				continue
			}
			a.rec.HandleEvent(membership.Event{Kind: parseKind(ln.Kind), At: time.Unix(0, ln.AtNS), From: ln.From,
				Member: membership.Member{Name: ln.Member}})
		}
	}()
	return a
}

func parseKind(s string) membership.Kind {
	for k := membership.Join; k <= membership.Refuted; k++ {
		if k.String() == s {
			return k
		}
	}
	return 0
}

// waitAlive waits until a view of the agent made after since holds n
// members alive.
func (a *mlAgent) waitAlive(t *testing.T, n int, since time.Time, within time.Duration) {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case v := <-a.view:
			if v.Alive == n && v.AtNS >= since.UnixNano() {
				return
			}
		case <-deadline:
			t.Fatalf("%s: never saw %d members alive within %v (log %s)", a.host.Name, n, within, a.proc.LogPath)
		}
	}
}

// TestMembershipLab runs three agents' memberlists, as separate processes,
// in three lab hosts (network namespaces on a bridge), each writing its
// heartbeat to the lab's shared directory, and checks against real
// failures:
//   - a host cut off by nftables (Lab.Isolate) is declared dead by the
//     other two within a generous bound, and the second opinion calls it
//     isolated, not dead, because its heartbeat still advances;
//   - once that host's agent dies, its heartbeat goes stale, its lease
//     at the leader expires, and the same second opinion says fence;
//
// and reports, without asserting, the suspicions and deaths that 300 ms
// SIGSTOPs of a healthy agent and 5 % packet loss (nftables numgen at the
// switch) produce with the default profile (or VIGIL_MEMBERSHIP_PROFILE).
func TestMembershipLab(t *testing.T) {
	testenv.NeedsRoot(t)
	testenv.NeedsCommand(t, "nft", "nsenter")
	l := lab.New(t, lab.Options{Hosts: 3, BMC: lab.NoBMC, Name: "ml"})
	key, err := membershiptest.WriteKeyFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	hbDir := l.SharedDir
	// VIGIL_MEMBERSHIP_PROFILE picks another profile to measure.
	profile := membership.Default.Name
	if p := os.Getenv("VIGIL_MEMBERSHIP_PROFILE"); p != "" {
		profile = p
	}
	h1, h2, h3 := l.Hosts[0], l.Hosts[1], l.Hosts[2]
	agents := []*mlAgent{
		startMLAgent(t, h1, key, hbDir, profile, nil),
		startMLAgent(t, h2, key, hbDir, profile, []*lab.Host{h1}),
		startMLAgent(t, h3, key, hbDir, profile, []*lab.Host{h1, h2}),
	}
	for _, a := range agents {
		a.waitAlive(t, 3, time.Now(), 60*time.Second)
	}
	watchers := agents[:2]

	// Second opinion on the test process's side: the real heartbeats, a
	// BMC that reads power on (the host is on: only its network is cut)
	// and a lease from before the cut, watchdog armed.
	reader := heartbeat.NewReader(hbDir, nil)
	var bmc verdicttest.BMC
	var leases verdicttest.Leases
	bmc.Set(h3.Name, verdict.BMCReport{Power: fencing.PowerOn}, nil)
	leases.Set(h3.Name, verdict.Lease{Renewed: time.Now(), Expires: time.Now().Add(time.Hour), WatchdogArmed: true}, nil)
	judge, err := verdict.New(verdict.Config{BMC: &bmc, Heartbeats: reader, Leases: &leases,
		Rules: verdict.Rules{HeartbeatStale: 600 * time.Millisecond, SelfFenceMargin: 5 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if _, err := reader.Observe(ctx, h3.Name); err != nil {
		t.Fatalf("heartbeat of %s: %v", h3.Name, err)
	}

	// 1. Cut h3 off the network: the others must declare it dead.
	const bound = 30 * time.Second
	t0 := time.Now()
	if err := l.Isolate(h3); err != nil {
		t.Fatal(err)
	}
	var deadAt time.Time
	for _, a := range watchers {
		e, ok := a.rec.WaitFor(membership.Died, h3.Name, t0, bound)
		if !ok {
			t.Fatalf("%s never declared the isolated %s dead within %v (log %s)", a.host.Name, h3.Name, bound, a.proc.LogPath)
		}
		t.Logf("%s declared %s dead %v after the cut", a.host.Name, h3.Name, e.At.Sub(t0).Round(time.Millisecond))
		deadAt = e.At
	}
	// The heartbeat reader keeps watching; h3 keeps writing (its storage
	// is not cut).
	time.Sleep(300 * time.Millisecond)
	v := judge.Judge(ctx, h3.Name, verdict.Suspicion{State: membership.Dead, Since: deadAt})
	if v.Outcome != verdict.Isolated {
		t.Fatalf("isolated host with a live heartbeat: verdict %v (%s), want isolated: %s", v.Outcome, v.Code, v.Reason)
	}
	t.Logf("verdict on the cut host: %s: %s", v.Outcome, v.Reason)

	// 2. h3's agent dies (the host stays on, as the BMC says): its
	// heartbeat stops and goes stale, and with it its lease renewals: the
	// leader's lease of it expires a little later. A powered host is
	// fenced at its lease's expiry, not before.
	if err := agents[2].proc.Kill(); err != nil {
		t.Fatal(err)
	}
	leases.Set(h3.Name, verdict.Lease{Renewed: deadAt.Add(-time.Second), Expires: time.Now().Add(2 * time.Second), WatchdogArmed: true}, nil)
	deadline := time.Now().Add(bound)
	for {
		v = judge.Judge(ctx, h3.Name, verdict.Suspicion{State: membership.Dead, Since: deadAt})
		if v.Outcome == verdict.Fence {
			t.Logf("verdict once its agent died: %s: %s", v.Outcome, v.Reason)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("host whose agent died: verdict %v (%s), want fence: %s", v.Outcome, v.Code, v.Reason)
		}
		time.Sleep(100 * time.Millisecond)
	}

	// 3. Bring h3 back, then measure false suspicions.
	if err := l.Heal(); err != nil {
		t.Fatal(err)
	}
	restart := time.Now()
	agents[2] = startMLAgent(t, h3, key, hbDir, profile, []*lab.Host{h1, h2})
	for _, a := range agents {
		a.waitAlive(t, 3, restart, 60*time.Second)
	}
	count := func(since time.Time) (suspicions, deaths int) {
		for _, a := range agents {
			for _, e := range a.rec.Since(since) {
				switch e.Kind {
				case membership.Suspected:
					suspicions++
				case membership.Died:
					deaths++
				}
			}
		}
		return suspicions, deaths
	}
	t1 := time.Now()
	for i := range 10 {
		p := agents[i%3].proc
		if err := p.Pause(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		if err := p.Resume(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Second)
	}
	s, d := count(t1)
	t.Logf("profile %s, 10 SIGSTOPs of 300 ms: %d suspicions, %d deaths", profile, s, d)

	// 2.5 % at each switch port, each way: a packet crosses two ports, so
	// about 5 % of packets are lost (and 10 % of round trips).
	t2 := time.Now()
	for _, h := range l.Hosts {
		if err := h.SetLoss(lab.MgmtNet, 0.025); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(20 * time.Second)
	if err := l.Heal(); err != nil {
		t.Fatal(err)
	}
	s, d = count(t2)
	t.Logf("profile %s, 20 s of 5%% packet loss: %d suspicions, %d deaths", profile, s, d)
}
