package agent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/sensorstest"
	"github.com/vigil-ha/vigil/store"
)

// notifySocket is a fake systemd: a unixgram socket at $NOTIFY_SOCKET that
// collects what the agent sends.
type notifySocket struct {
	mu     sync.Mutex
	states []string
	at     []time.Time
}

func newNotifySocket(t *testing.T, watchdog time.Duration) *notifySocket {
	t.Helper()
	path := filepath.Join(t.TempDir(), "notify.sock")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("NOTIFY_SOCKET", path)
	if watchdog > 0 {
		t.Setenv("WATCHDOG_USEC", fmt.Sprint(watchdog.Microseconds()))
		t.Setenv("WATCHDOG_PID", fmt.Sprint(os.Getpid()))
	}
	n := &notifySocket{}
	go func() {
		buf := make([]byte, 4096)
		for {
			k, err := conn.Read(buf)
			if err != nil {
				return
			}
			n.mu.Lock()
			for _, line := range strings.Split(strings.TrimSpace(string(buf[:k])), "\n") {
				n.states = append(n.states, line)
				n.at = append(n.at, time.Now())
			}
			n.mu.Unlock()
		}
	}()
	t.Cleanup(func() { conn.Close() })
	return n
}

// count returns how many states with prefix arrived since t.
func (n *notifySocket) count(prefix string, since time.Time) int {
	n.mu.Lock()
	defer n.mu.Unlock()
	c := 0
	for i, s := range n.states {
		if strings.HasPrefix(s, prefix) && !n.at[i].Before(since) {
			c++
		}
	}
	return c
}

func (n *notifySocket) all() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return slices.Clone(n.states)
}

func testConfig(t *testing.T) *config.Config {
	t.Helper()
	dir := t.TempDir()
	c, err := config.Parse("test.yaml", []byte(fmt.Sprintf("version: 1\nhost: h1\nstate_dir: %s/state\nsocket: %s/vigil.sock\nsensors: {interval: 1s}\nwatchdog: {device: none}\n", dir, dir)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// running starts a on its own goroutine; stop cancels it and returns
// Run's error.
func running(t *testing.T, a *Agent) (stop func() error) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(60 * time.Second):
				err = errors.New("Run did not return within 60 s of cancel")
			}
		})
		return err
	}
	t.Cleanup(func() { stop() })
	return stop
}

// eventually polls cond until it holds or 60 s pass.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func fanPoll(rpm float64) *sensors.Poll {
	st := sensors.StatusOK
	th := sensors.Thresholds{LowerCritical: sensors.F(1000), LowerWarning: sensors.F(1500)}
	st = th.Classify(rpm)
	return &sensors.Poll{Source: sensors.SourceIPMI, Target: "bmc", Time: time.Now(), Readings: []sensors.Reading{{
		Source: sensors.SourceIPMI, Component: "FAN1", Name: "FAN1", Kind: sensors.KindFan, Value: sensors.F(rpm),
		Unit: sensors.UnitRPM, Status: st, Thresholds: &th, Time: time.Now()}}}
}

func eventKinds(t *testing.T, c *localapi.Client) []string {
	t.Helper()
	kinds, err := tryKinds(c)
	if err != nil {
		t.Fatal(err)
	}
	return kinds
}

// tryKinds lists the kinds of the audit log's events through the API.
func tryKinds(c *localapi.Client) ([]string, error) {
	var kinds []string
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := c.Events(ctx, 0, false, func(ev localapi.Event) error { kinds = append(kinds, ev.Kind); return nil })
	return kinds, err
}

// TestStandaloneLoop: the loop turns a BMC that does not answer, then
// answers, then reports a dead fan into events in the audit log, serves them
// and the host's risk on the socket, and speaks sd_notify from READY to
// STOPPING with watchdog kicks between.
func TestStandaloneLoop(t *testing.T) {
	ns := newNotifySocket(t, 2*time.Second)
	cfg := testConfig(t)
	bmcReader := &sensorstest.Reader{}
	bmcReader.PushErr(fmt.Errorf("%w: %w", sensors.ErrSourceDown, bmc.Errorf(bmc.ErrUnreachable, nil, "no answer from 127.0.0.1:623 within 1s")))
	bmcReader.Push(fanPoll(5000))
	bmcReader.Push(fanPoll(0)) // repeats: the fan stays dead
	kernel := &sensorstest.Reader{}
	kernel.Push(&sensors.Poll{Source: sensors.SourceHost, Target: "h1", Time: time.Now()})
	a, err := New(cfg, Options{Sources: map[string]sensors.Reader{SourceBMC: bmcReader, SourceKernel: kernel}, StoreOptions: store.Options{NoSync: true},
		Version: "v1.2.3-test"})
	if err != nil {
		t.Fatal(err)
	}
	stop := running(t, a)
	c := localapi.NewClient(cfg.Socket)

	var st *localapi.Status
	eventually(t, "the dead fan's risk in status", func() bool {
		st, err = c.Status(context.Background())
		return err == nil && st.Hosts[0].Risk != "none"
	})
	if st.Cluster != nil || st.Leader != nil || st.Mode != "standalone" || len(st.Hosts) != 1 || st.Hosts[0].Name != "h1" || len(st.VMs) != 0 {
		t.Errorf("standalone status = %+v", st)
	}
	h := st.Hosts[0]
	if h.State != "degraded" || len(h.Components) != 1 || h.Components[0].Name != "FAN1" || h.Components[0].Source != SourceBMC || h.LastSeenMS == nil {
		t.Errorf("host status = %+v, want degraded with FAN1 at risk", h)
	}
	// The status carries what the TUI shows of this host: the last
	// readings per source, the watchdog and the daemon's version.
	if len(h.Sources) != 2 || h.Sources[0].Name != SourceBMC || len(h.Sources[0].Readings) != 1 {
		t.Fatalf("sources = %+v, want the BMC with FAN1's reading", h.Sources)
	}
	if r := h.Sources[0].Readings[0]; r.Name != "FAN1" || r.Kind != "fan" || r.Value == nil || *r.Value != 0 || r.Unit != "rpm" || r.Status != "critical" {
		t.Errorf("BMC reading = %+v, want FAN1 at 0 rpm, critical", r)
	}
	if wd := st.Watchdog; wd == nil || wd.Device != "none" || wd.Armed == nil || *wd.Armed {
		t.Errorf("watchdog = %+v, want none, not armed", wd)
	}
	if st.Version != "v1.2.3-test" {
		t.Errorf("version = %q, want the one the agent was given", st.Version)
	}

	kinds := eventKinds(t, c)
	want := []string{KindAgentStarted, KindBMCUnreachable, KindBMCReachable, KindRisk}
	if !slices.Equal(kinds, want) {
		t.Errorf("events = %v, want %v", kinds, want)
	}
	if err := stop(); err != nil {
		t.Fatalf("Run after cancel = %v, want nil", err)
	}
	if _, err := os.Lstat(cfg.Socket); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("socket left after stop (%v)", err)
	}
	if !bmcReader.Closed() || !kernel.Closed() {
		t.Error("readers not closed at stop")
	}

	// The audit log holds the same events, the stop last, and the store
	// is consistent.
	s, err := store.Open(filepath.Join(cfg.StateDir, StoreFile), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Errorf("store check: %v", err)
	}
	evs, _ := s.Events(0, 0)
	var stored []string
	for _, e := range evs {
		stored = append(stored, e.Kind)
	}
	if !slices.Equal(stored, append(want, KindAgentStopped)) {
		t.Errorf("audit log kinds = %v", stored)
	}
	risk := fromStore(evs[3], "h1")
	var evd map[string]any
	json.Unmarshal(risk.Evidence, &evd)
	if risk.Host != "h1" || risk.VM != "" || evd["component"] != "FAN1" || evd["previous"] != "none" || evd["source"] != SourceBMC {
		t.Errorf("risk event = %+v evidence %v", risk, evd)
	}

	// sd_notify: READY first, STATUS lines, watchdog kicks, STOPPING.
	states := ns.all()
	iReady := slices.Index(states, "READY=1")
	iStop := slices.Index(states, "STOPPING=1")
	if iReady < 0 || iStop < iReady {
		t.Fatalf("sd_notify states %q: want READY=1 then STOPPING=1", states)
	}
	if !strings.HasPrefix(states[0], "STATUS=starting") {
		t.Errorf("first state %q, want a STATUS=starting line", states[0])
	}
	if ns.count("WATCHDOG=1", time.Time{}) == 0 {
		t.Errorf("no WATCHDOG=1 among %q", states)
	}
	if !slices.ContainsFunc(states, func(s string) bool { return strings.HasPrefix(s, "STATUS=h1: degraded, risk ") }) {
		t.Errorf("no STATUS line with the host's state among %q", states)
	}
}

// stuckReader answers until stuck is set, then blocks, ignoring its
// context, until released: a wedged driver.
type stuckReader struct {
	mu      sync.Mutex
	stuck   bool
	release chan struct{}
}

func (r *stuckReader) Poll(ctx context.Context) (*sensors.Poll, error) {
	r.mu.Lock()
	stuck := r.stuck
	r.mu.Unlock()
	if stuck {
		<-r.release
	}
	return &sensors.Poll{Source: sensors.SourceIPMI, Time: time.Now()}, nil
}

func (r *stuckReader) Close() error { return nil }

func (r *stuckReader) set(stuck bool) {
	r.mu.Lock()
	r.stuck = stuck
	r.mu.Unlock()
}

// TestWatchdogFollowsProgress: WATCHDOG=1 comes only while sensor rounds
// complete: a poll stuck past its deadline stops the kicks, and they come
// back once it returns.
func TestWatchdogFollowsProgress(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for a stuck poll to be noticed (about 10 s)")
	}
	ns := newNotifySocket(t, time.Second)
	cfg := testConfig(t)
	r := &stuckReader{release: make(chan struct{})}
	a, err := New(cfg, Options{Sources: map[string]sensors.Reader{SourceBMC: r}, StoreOptions: store.Options{NoSync: true}})
	if err != nil {
		t.Fatal(err)
	}
	stop := running(t, a)
	eventually(t, "watchdog kicks", func() bool { return ns.count("WATCHDOG=1", time.Time{}) >= 2 })

	r.set(true)
	// The loop tolerates a round of 2 x the poll timeout (1 s) + 5 s.
	stuckAfter := 2*a.pollTimeout() + 5*time.Second
	time.Sleep(stuckAfter + 2*time.Second)
	quiet := time.Now()
	time.Sleep(3 * time.Second)
	if n := ns.count("WATCHDOG=1", quiet); n != 0 {
		t.Errorf("%d WATCHDOG=1 while the poll was stuck, want none", n)
	}
	r.set(false)
	close(r.release)
	back := time.Now()
	eventually(t, "kicks after the poll returned", func() bool { return ns.count("WATCHDOG=1", back) >= 1 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestSecondAgentRefused(t *testing.T) {
	newNotifySocket(t, 0)
	cfg := testConfig(t)
	kernel := &sensorstest.Reader{}
	a, _ := New(cfg, Options{Sources: map[string]sensors.Reader{SourceKernel: kernel}, StoreOptions: store.Options{NoSync: true}})
	stop := running(t, a)
	c := localapi.NewClient(cfg.Socket)
	eventually(t, "the first agent's socket", func() bool { _, err := c.Status(context.Background()); return err == nil })
	b, _ := New(cfg, Options{Sources: map[string]sensors.Reader{SourceKernel: &sensorstest.Reader{}}})
	if err := b.Run(context.Background()); !errors.Is(err, localapi.ErrInUse) {
		t.Errorf("second agent Run = %v, want ErrInUse", err)
	}
	if _, err := c.Status(context.Background()); err != nil {
		t.Errorf("first agent after the second was refused: %v", err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestClusterConfigNeedsCluster(t *testing.T) {
	cfg := testConfig(t)
	cfg.Cluster = &config.Cluster{Name: "edge-7"}
	if _, err := New(cfg, Options{}); !errors.Is(err, ErrClusterUnavailable) {
		t.Errorf("New(cluster config, no Cluster) = %v, want ErrClusterUnavailable", err)
	}
}

func TestFromStore(t *testing.T) {
	tests := []struct {
		name string
		in   store.Event
		host string
		vm   string
		evid string
	}{
		{"agent host event", store.Event{Kind: "risk", Subject: "h1", Evidence: `{"component":"FAN1"}`}, "h1", "", `{"component":"FAN1"}`},
		{"agent vm event", store.Event{Kind: "started", Subject: "web1", Evidence: `{"host":"h2"}`}, "h2", "web1", `{"host":"h2"}`},
		{"vms package event", store.Event{Kind: "vm.exited", Subject: "web1", Evidence: "pid=12 status=0"}, "local", "web1", `{"text":"pid=12 status=0"}`},
		{"fence text evidence", store.Event{Kind: "fence", Subject: "h3", Evidence: "by=h1 reason=\"dead\"\n"}, "h3", "", `{"text":"by=h1 reason=\"dead\"\n"}`},
		{"cut evidence", store.Event{Kind: "fence", Subject: "h3", Evidence: `{"a":`, EvidenceBytes: 99999}, "h3", "", `{"text":"{\"a\":","truncated_from_bytes":99999}`},
		{"no evidence", store.Event{Kind: "agent-started", Subject: "h1"}, "h1", "", `{}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fromStore(tt.in, "local")
			if got.Host != tt.host || got.VM != tt.vm || string(got.Evidence) != tt.evid {
				t.Errorf("fromStore(%+v) = host %q vm %q evidence %s, want %q %q %s", tt.in, got.Host, got.VM, got.Evidence, tt.host, tt.vm, tt.evid)
			}
		})
	}
	se, err := toStore(Event{Kind: "started", Host: "h2", VM: "web1", Evidence: map[string]any{"generation": 3}})
	if err != nil || se.Subject != "web1" || se.Evidence != `{"generation":3,"host":"h2"}` {
		t.Errorf("toStore(vm event) = %+v, %v", se, err)
	}
}

// TestRestartKeepsRisks: a restarted agent does not report again a risk it
// reported before the restart (nor clear it while its predictor warms up),
// and reports the change once the part recovers.
func TestRestartKeepsRisks(t *testing.T) {
	newNotifySocket(t, 0)
	cfg := testConfig(t)
	run := func(polls ...*sensors.Poll) (*localapi.Client, func() error, *sensorstest.Reader) {
		r := &sensorstest.Reader{}
		for _, p := range polls {
			r.Push(p)
		}
		a, err := New(cfg, Options{Sources: map[string]sensors.Reader{SourceBMC: r}, StoreOptions: store.Options{NoSync: true}})
		if err != nil {
			t.Fatal(err)
		}
		return localapi.NewClient(cfg.Socket), running(t, a), r
	}
	c, stop, _ := run(fanPoll(0))
	eventually(t, "the risk", func() bool { k, _ := tryKinds(c); return slices.Contains(k, KindRisk) })
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	c, stop, r := run(fanPoll(0))
	eventually(t, "rounds past the warm-up", func() bool { return r.Calls() >= warmupRounds+3 })
	want := []string{KindAgentStarted, KindRisk, KindAgentStopped, KindAgentStarted}
	if got := eventKinds(t, c); !slices.Equal(got, want) {
		t.Errorf("events after a restart with the fan still dead = %v, want %v", got, want)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	c, stop, _ = run(fanPoll(5000))
	var evs []localapi.Event
	eventually(t, "the risk cleared", func() bool {
		evs = nil
		c.Events(context.Background(), 0, false, func(ev localapi.Event) error { evs = append(evs, ev); return nil })
		return len(evs) > 0 && evs[len(evs)-1].Kind == KindRisk
	})
	if last := evs[len(evs)-1]; len(evs) != 7 || !strings.Contains(last.Message, "FAN1 risk cleared") {
		t.Errorf("after the fan recovered: %d events, the last %+v; want 7, FAN1's risk cleared", len(evs), last)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// fakeCluster is a Cluster whose Run writes one event through each way
// the cluster layer writes them: its Recorder, and the store it hands the
// VM runner and fencing.
type fakeCluster struct {
	localapi.Operations
	ran chan ClusterEnv
}

func (f *fakeCluster) Run(ctx context.Context, env ClusterEnv) error {
	f.ran <- env
	<-ctx.Done()
	return ctx.Err()
}
func (f *fakeCluster) PublishHealth(HostHealth) {}
func (f *fakeCluster) Status(context.Context) (localapi.Status, error) {
	name := "edge-7"
	return localapi.Status{Cluster: &name}, nil
}
func (f *fakeCluster) ListVMs(context.Context) ([]localapi.VM, error) {
	return []localapi.VM{{Name: "web1", Host: "h1", State: "running"}}, nil
}

// TestClusterSeam: a cluster's events reach a follower of the event
// stream whether it records them or its VM runner appends them to the
// store; the cluster's VMs are served through the agent; a standalone
// agent answers the cluster's routes with ErrStandalone.
func TestClusterSeam(t *testing.T) {
	cfg := testConfig(t)
	cfg.Cluster = &config.Cluster{Name: "edge-7"}
	fc := &fakeCluster{ran: make(chan ClusterEnv, 1)}
	a, err := New(cfg, Options{Cluster: fc, Sources: map[string]sensors.Reader{}})
	if err != nil {
		t.Fatal(err)
	}
	running(t, a)
	env := <-fc.ran
	c := localapi.NewClient(cfg.Socket)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	got := make(chan localapi.Event, 16)
	go c.Events(ctx, 0, true, func(ev localapi.Event) error { got <- ev; return nil })
	// The follower is in once it has the backlog's agent-started.
	for ev := range got {
		if ev.Kind == KindAgentStarted {
			break
		}
	}
	if err := env.Recorder.Record(Event{Kind: "placed", VM: "web1", Host: "h2", Generation: 4, Message: "on h2"}); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Store.Append(store.Event{Kind: "vm.started", Subject: "web1", Message: "qemu up", Evidence: `{"host":"h2"}`}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"placed", "vm.started"} {
		select {
		case ev := <-got:
			if ev.Kind != want || ev.VM != "web1" || ev.Host != "h2" {
				t.Errorf("followed event = %+v, want %s of web1 on h2", ev, want)
			}
		case <-ctx.Done():
			t.Fatalf("no %s event followed", want)
		}
	}
	vms, err := c.ListVMs(ctx)
	if err != nil || len(vms) != 1 || vms[0].Name != "web1" {
		t.Errorf("ListVMs through the agent = %+v, %v", vms, err)
	}

	sa, err := New(testConfig(t), Options{Sources: map[string]sensors.Reader{}})
	if err != nil {
		t.Fatal(err)
	}
	running(t, sa)
	sc := localapi.NewClient(sa.cfg.Socket)
	eventually(t, "the standalone agent's socket", func() bool { _, err := sc.Status(ctx); return err == nil })
	if _, err := sc.ListVMs(ctx); !errors.Is(err, localapi.ErrStandalone) {
		t.Errorf("ListVMs on a standalone agent = %v, want ErrStandalone", err)
	}
}

// clusterWithHosts is a fakeCluster whose status lists h1 and h2, both at
// no risk: a follower's view, which knows no host's risk.
type clusterWithHosts struct{ fakeCluster }

func (f *clusterWithHosts) Status(context.Context) (localapi.Status, error) {
	name, leader := "edge-7", "h2"
	return localapi.Status{Cluster: &name, Leader: &leader, Quorum: true, Hosts: []localapi.HostStatus{
		{Name: "h1", State: "healthy", Risk: "none"}, {Name: "h2", State: "healthy", Risk: "none"}}}, nil
}

// TestClusterStatusHasOwnRisk: in cluster mode the status shows this
// host's risk from its own prediction (a dead fan), with its readings, the
// cluster's word for its state, and the other hosts as the cluster gives
// them.
func TestClusterStatusHasOwnRisk(t *testing.T) {
	cfg := testConfig(t)
	cfg.Cluster = &config.Cluster{Name: "edge-7"}
	fc := &clusterWithHosts{fakeCluster{ran: make(chan ClusterEnv, 1)}}
	bmcReader := &sensorstest.Reader{}
	bmcReader.Push(fanPoll(0))
	a, err := New(cfg, Options{Cluster: fc, Sources: map[string]sensors.Reader{SourceBMC: bmcReader}, StoreOptions: store.Options{NoSync: true}})
	if err != nil {
		t.Fatal(err)
	}
	running(t, a)
	c := localapi.NewClient(cfg.Socket)
	var st *localapi.Status
	eventually(t, "the dead fan's risk in the cluster status", func() bool {
		st, err = c.Status(context.Background())
		return err == nil && len(st.Hosts) == 2 && st.Hosts[0].Risk != "none"
	})
	if h := st.Hosts[0]; h.Name != "h1" || h.State != "healthy" || len(h.Components) != 1 || len(h.Sources) != 1 {
		t.Errorf("this host in the cluster status = %+v, want the cluster's state with its own risk and readings", h)
	}
	if h := st.Hosts[1]; h.Name != "h2" || h.Risk != "none" {
		t.Errorf("the other host = %+v, want it as the cluster gives it", h)
	}
}
