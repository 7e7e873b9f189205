package tui

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/tui/tuitest"
)

var update = flag.Bool("update", false, "rewrite the golden screens in testdata")

// t0 is the fake clock's start.
var t0 = time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)

// fakeClock is the model's clock in tests.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// harness is a model on a fake daemon and a fake clock.
type harness struct {
	t     *testing.T
	b     *tuitest.Backend
	m     *Model
	clock *fakeClock
	quit  bool
}

func newHarness(t *testing.T, op bool) *harness {
	t.Helper()
	h := &harness{t: t, b: &tuitest.Backend{}, clock: &fakeClock{t: t0}}
	var o Operator
	if op {
		o = h.b
	}
	h.m = New(h.b, o, Options{Socket: "/run/vigil/vigil.sock", Poll: time.Millisecond, Timeout: 50 * time.Millisecond,
		Now: h.clock.now, Location: time.UTC})
	return h
}

// run executes cmd and feeds what it returns back into the model, as the
// program does, except the clock's ticks (the test moves the clock).
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil, tickMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		h.send(msg)
	}
}

// send hands msg to Update and runs the command it returns.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

// press sends keys: single characters, or names such as "down", "enter".
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		var key tea.Key
		switch k {
		case "enter":
			key.Code = tea.KeyEnter
		case "esc":
			key.Code = tea.KeyEscape
		case "tab":
			key.Code = tea.KeyTab
		case "up":
			key.Code = tea.KeyUp
		case "down":
			key.Code = tea.KeyDown
		case "pgdown":
			key.Code = tea.KeyPgDown
		case "end":
			key.Code = tea.KeyEnd
		default:
			key.Code, key.Text = rune(k[0]), k
		}
		h.send(tea.KeyPressMsg(key))
	}
}

// tick moves the clock by d and delivers a tick.
func (h *harness) tick(d time.Duration) {
	h.t.Helper()
	h.clock.advance(d)
	h.send(tickMsg(h.clock.t))
}

// screen is the rendered screen without styles; it fails the test when
// the styled screen exceeds 80×24.
func (h *harness) screen() string {
	h.t.Helper()
	return checkedScreen(h.t, h.m)
}

func checkedScreen(t *testing.T, m *Model) string {
	t.Helper()
	raw := m.Render()
	lines := strings.Split(raw, "\n")
	if len(lines) > Height {
		t.Errorf("screen has %d lines, want at most %d", len(lines), Height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > Width {
			t.Errorf("line %d is %d columns wide, want at most %d: %q", i+1, w, Width, ansi.Strip(l))
		}
	}
	var out []string
	for _, l := range lines {
		out = append(out, strings.TrimRight(ansi.Strip(l), " "))
	}
	return strings.Join(out, "\n") + "\n"
}

// golden compares the screen with testdata/NAME.golden (rewritten with
// -update).
func (h *harness) golden(name string) {
	h.t.Helper()
	got := h.screen()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			h.t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		h.t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		h.t.Errorf("screen %s differs from %s:\n--- got\n%s--- want\n%s", name, path, got, want)
	}
}

func ptr[T any](v T) *T { return &v }

func reading(name, kind string, v *float64, unit, status string, states ...string) localapi.Reading {
	return localapi.Reading{Component: name, Name: name, Kind: kind, Value: v, Unit: unit, Status: status, States: states}
}

// clusterStatus is h1 of a three-host cluster, h3 fenced.
func clusterStatus() *localapi.Status {
	lp := t0.Add(-400 * time.Millisecond)
	return &localapi.Status{
		Cluster: ptr("edge-7"), Host: "h1", Leader: ptr("h2"), Quorum: true, Mode: "cluster", Version: "v0.4.1",
		Watchdog: &localapi.Watchdog{Device: "/dev/watchdog", TimeoutSeconds: 10, Armed: ptr(true)},
		Hosts: []localapi.HostStatus{
			{Name: "h1", State: "healthy", Risk: "none", VMs: 2, LastSeenMS: ptr(int64(400)),
				Sources: []localapi.Source{
					{Name: "bmc", Target: "ipmi 10.0.1.11:623", Up: true, LastPoll: &lp, Readings: []localapi.Reading{
						reading("CPU", "temperature", ptr(45.0), "celsius", "ok"),
						reading("Inlet", "temperature", ptr(24.0), "celsius", "ok"),
						reading("FAN1", "fan", ptr(5200.0), "rpm", "ok"),
						reading("FAN2", "fan", ptr(5100.0), "rpm", "ok"),
						reading("PSU1", "psu", nil, "", "ok"),
						reading("PSU2", "psu", nil, "", "ok"),
					}},
					{Name: "kernel", Target: "h1", Up: true, LastPoll: &lp},
				}},
			{Name: "h2", State: "healthy", Risk: "low", VMs: 3, LastSeenMS: ptr(int64(150))},
			{Name: "h3", State: "fenced", Risk: "none", VMs: 0, LastSeenMS: ptr(int64(95_000))},
		},
		VMs: []localapi.VMStatus{
			{Name: "web1", Host: "h1", State: "running", Generation: 4, Priority: 100},
			{Name: "db1", Host: "h1", State: "migrating", Generation: 7, Priority: 200},
			{Name: "web2", Host: "h2", State: "running", Generation: 2, Priority: 100},
		},
	}
}

// standaloneFanDead is a standalone host whose FAN1 stopped and PSU2
// failed.
func standaloneFanDead() *localapi.Status {
	lp := t0.Add(-1200 * time.Millisecond)
	return &localapi.Status{
		Host: "lab1", Mode: "standalone", Version: "(devel) 2d4e46c1a0b9",
		Watchdog: &localapi.Watchdog{Device: "none", Armed: ptr(false)},
		Hosts: []localapi.HostStatus{{Name: "lab1", State: "degraded", Risk: "high", LastSeenMS: ptr(int64(1200)),
			Components: []localapi.Component{
				{Source: "bmc", Name: "PSU2", Risk: "low", Reason: "redundancy lost: Failure detected", Replace: true},
				{Source: "bmc", Name: "FAN1", Risk: "high", ETASeconds: ptr(720.0), Reason: "FAN1 0 rpm below lower critical 1000 rpm"},
			},
			Sources: []localapi.Source{
				{Name: "bmc", Target: "ipmi 127.0.0.1:9623", Up: true, LastPoll: &lp, Readings: []localapi.Reading{
					reading("CPU_TEMP", "temperature", ptr(71.0), "celsius", "warning"),
					reading("SYS_TEMP", "temperature", ptr(33.0), "celsius", "ok"),
					reading("FAN1", "fan", ptr(0.0), "rpm", "critical"),
					reading("FAN2", "fan", ptr(6100.0), "rpm", "ok"),
					reading("PSU1", "psu", nil, "", "ok"),
					reading("PSU2", "psu", nil, "", "critical", "Failure detected"),
					reading("VCORE", "voltage", ptr(1.1), "volts", "ok"),
				}},
				{Name: "kernel", Target: "lab1", Up: true, LastPoll: &lp, Readings: []localapi.Reading{
					reading("coretemp/Package id 0", "temperature", ptr(52.0), "celsius", "ok"),
				}},
			}}},
	}
}

func clusterEvents() []localapi.Event {
	at := func(d time.Duration) time.Time { return t0.Add(-d) }
	return []localapi.Event{
		{Time: at(3 * time.Hour), Kind: "agent-started", Host: "h1", Message: "vigil agent started on h1 (cluster)", Evidence: json.RawMessage(`{"pid":4242}`)},
		{Time: at(2 * time.Hour), Kind: "dead", Host: "h3", Message: "h3 missed its lease", Evidence: json.RawMessage(`{}`)},
		{Time: at(2*time.Hour - time.Second), Kind: "fence", Host: "h3", Message: "power off of h3 confirmed (reads off) after 1 attempt(s) in 84ms via ipmi",
			Evidence: json.RawMessage(`{"text":"by=h2 reason=\"lease expired\"\nattempt 1: level=ipmi driver=ipmi target=10.0.1.13:623 elapsed=84ms power=off confirmed=true\n"}`)},
		{Time: at(2*time.Hour - 2*time.Second), Kind: "placed", Host: "h1", VM: "web1", Message: "web1 placed on h1 (generation 4)", Evidence: json.RawMessage(`{"generation":4}`)},
		{Time: at(40 * time.Minute), Kind: "start-failed", Host: "h2", VM: "web9", Message: "qemu exited: could not open disk /shared/web9.qcow2", Evidence: json.RawMessage(`{"generation":3,"exit":1}`)},
		{Time: at(5 * time.Minute), Kind: "risk", Host: "h2", Message: "FAN3 risk low: 1900 rpm, falling", Evidence: json.RawMessage(`{"component":"FAN3","risk":"low"}`)},
	}
}

// TestGoldenScreens compares the main screens with testdata.
func TestGoldenScreens(t *testing.T) {
	t.Run("cluster", func(t *testing.T) {
		h := newHarness(t, true)
		h.b.SetStatus(clusterStatus())
		h.run(h.m.fetch())
		h.send(eventsMsg(numbered(clusterEvents())))
		h.golden("cluster")
		// The fence's evidence, from the history.
		h.press("tab", "tab", "down", "enter")
		h.golden("cluster-fence-evidence")
		h.press("esc", "tab", "down", "d")
		h.golden("cluster-confirm-drain")
	})
	t.Run("standalone-fan-dead", func(t *testing.T) {
		h := newHarness(t, true)
		h.b.SetStatus(standaloneFanDead())
		h.run(h.m.fetch())
		h.send(eventsMsg(numbered([]localapi.Event{
			{Time: t0.Add(-time.Minute), Kind: "agent-started", Host: "lab1", Message: "vigil agent started on lab1 (standalone)"},
			{Time: t0.Add(-30 * time.Second), Kind: "risk", Host: "lab1", Message: "FAN1 risk high: 0 rpm below lower critical"},
		})))
		h.golden("standalone-fan-dead")
		h.press("enter")
		h.golden("standalone-host-detail")
	})
	t.Run("daemon-down", func(t *testing.T) {
		h := newHarness(t, true)
		h.b.SetStatus(standaloneFanDead())
		h.run(h.m.fetch())
		h.b.SetErr(fmt.Errorf("%w on /run/vigil/vigil.sock", localapi.ErrNoDaemon))
		h.tick(time.Second)
		h.tick(20 * time.Second)
		h.golden("daemon-down")
	})
	t.Run("daemon-down-local-bmc", func(t *testing.T) {
		h, bmc := newLocalHarness(t)
		h.b.SetStatus(standaloneFanDead())
		h.run(h.m.fetch())
		h.b.SetErr(fmt.Errorf("%w on /run/vigil/vigil.sock", localapi.ErrNoDaemon))
		h.tick(time.Second)
		h.clock.advance(2 * time.Second)
		h.golden("daemon-down-local-bmc")
		if bmc.Reads() != 1 {
			t.Errorf("BMC read %d times, want once", bmc.Reads())
		}
	})
	t.Run("daemon-down-from-start", func(t *testing.T) {
		h, _ := newLocalHarness(t)
		h.b.SetErr(fmt.Errorf("%w on /run/vigil/vigil.sock", localapi.ErrNoDaemon))
		h.tick(time.Second)
		h.golden("daemon-down-from-start")
	})
	t.Run("no-status-yet", func(t *testing.T) {
		h := newHarness(t, true)
		h.golden("no-status-yet")
	})
}

// newLocalHarness is a harness whose screen reads a fake BMC directly
// while the daemon is down: FAN2 has stopped since the daemon's last word.
func newLocalHarness(t *testing.T) (*harness, *tuitest.BMC) {
	h := newHarness(t, true)
	bmc := &tuitest.BMC{Name: "ipmi 127.0.0.1:9623"}
	bmc.Set([]localapi.Reading{
		reading("CPU_TEMP", "temperature", ptr(74.0), "celsius", "warning"),
		reading("FAN1", "fan", ptr(0.0), "rpm", "critical"),
		reading("FAN2", "fan", ptr(0.0), "rpm", "critical"),
		reading("PSU1", "psu", nil, "", "ok"),
	}, nil)
	h.m = New(h.b, h.b, Options{Socket: "/run/vigil/vigil.sock", Host: "lab1", Local: bmc, Poll: time.Millisecond, Timeout: 50 * time.Millisecond,
		Now: h.clock.now, Location: time.UTC})
	return h, bmc
}

// TestLocalBMC: the BMC is read directly only while the daemon does not
// answer, at most every LocalEvery, and its failure is shown.
func TestLocalBMC(t *testing.T) {
	h, bmc := newLocalHarness(t)
	h.b.SetStatus(standaloneFanDead())
	h.run(h.m.fetch())
	h.tick(10 * time.Second)
	if bmc.Reads() != 0 {
		t.Fatalf("BMC read %d times while the daemon answers", bmc.Reads())
	}
	h.b.SetErr(localapi.ErrNoDaemon)
	h.tick(time.Second)
	h.tick(time.Second)
	if bmc.Reads() != 1 {
		t.Errorf("BMC read %d times in the first 5 s of the daemon down, want once", bmc.Reads())
	}
	bmc.Set(nil, errors.New("ipmi 127.0.0.1:9623: no answer within 5s"))
	h.tick(5 * time.Second)
	if s := h.screen(); bmc.Reads() != 2 || !strings.Contains(s, "ipmi 127.0.0.1:9623 DOWN: ipmi 127.0.0.1:9623: no") {
		t.Errorf("after %d reads, the BMC failing:\n%s", bmc.Reads(), s)
	}
	h.b.SetErr(nil)
	h.tick(10 * time.Second) // may read once more: the daemon's answer comes after the tick
	reads := bmc.Reads()
	h.tick(10 * time.Second)
	if s := h.screen(); bmc.Reads() != reads || strings.Contains(s, "read directly") {
		t.Errorf("daemon back: %d reads after %d, screen:\n%s", bmc.Reads(), reads, s)
	}
}

func numbered(evs []localapi.Event) []localapi.Event {
	for i := range evs {
		evs[i].Seq = uint64(i + 1)
	}
	return evs
}

// TestDaemonNotAnswering: a daemon that is gone, one that accepts and
// never answers, and a backend that ignores its deadline all turn the
// banner to "not answering since" with the time of the first unanswered
// request, keep the last data on screen, and recover at the next answer.
func TestDaemonNotAnswering(t *testing.T) {
	cases := []struct {
		name    string
		breakIt func(h *harness)
		// fetch: run the request the tick sends (false: it never returns).
		fetch bool
		why   string
	}{
		{"gone", func(h *harness) { h.b.SetErr(fmt.Errorf("%w on /run/vigil/vigil.sock", localapi.ErrNoDaemon)) }, true, "no vigil daemon answers"},
		{"hung", func(h *harness) { h.b.Hang(true) }, true, "no answer within 50ms"},
		{"ignores its deadline", func(h *harness) {}, false, "no answer within 50ms"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, false)
			h.b.SetStatus(clusterStatus())
			h.run(h.m.fetch())
			if s := h.screen(); strings.Contains(s, "not answering") || !strings.Contains(s, "h3") {
				t.Fatalf("answering daemon:\n%s", s)
			}
			tc.breakIt(h)
			h.clock.advance(time.Second)
			failedAt := h.clock.t
			_, cmd := h.m.Update(tickMsg(h.clock.t))
			if tc.fetch {
				h.run(cmd)
			}
			h.clock.advance(5 * time.Second)
			_, cmd = h.m.Update(tickMsg(h.clock.t))
			if tc.fetch {
				h.run(cmd)
			}
			s := h.screen()
			want := "daemon not answering since " + failedAt.Format("15:04:05") + " (5.0s): " + tc.why
			if !strings.Contains(s, want) {
				t.Errorf("screen lacks %q:\n%s", want, s)
			}
			if !strings.Contains(s, "data age 6.0s") || !strings.Contains(s, "fenced") {
				t.Errorf("the last data is not kept with its age:\n%s", s)
			}
			if s := h.screen(); !strings.Contains(s, "d drain") {
				t.Errorf("no keys line:\n%s", s)
			}
			// It answers again.
			h.b.Hang(false)
			h.b.SetErr(nil)
			h.m.fetching = false
			h.tick(time.Second)
			if s := h.screen(); strings.Contains(s, "not answering") || !strings.Contains(s, "data age 0.0s") {
				t.Errorf("after the daemon answers again:\n%s", s)
			}
		})
	}
}

// TestStaleAnswerIgnored: an answer older than the one on screen does not
// replace it.
func TestStaleAnswerIgnored(t *testing.T) {
	h := newHarness(t, false)
	h.b.SetStatus(clusterStatus())
	h.m.fetch() // the first request, whose answer comes late
	h.run(h.m.fetch())
	st := standaloneFanDead()
	h.b.SetStatus(st)
	h.send(statusMsg{seq: 1, st: st}) // the first request's late answer
	if h.m.st.Host != "h1" {
		t.Errorf("a stale answer replaced the status: host %s", h.m.st.Host)
	}
}

// TestKeys: selection, scrolling, filter, the overlays and quit.
func TestKeys(t *testing.T) {
	h := newHarness(t, true)
	st := clusterStatus()
	for i := 4; i <= 12; i++ {
		st.Hosts = append(st.Hosts, localapi.HostStatus{Name: fmt.Sprintf("h%d", i), State: "healthy", Risk: "none"})
	}
	h.b.SetStatus(st)
	h.run(h.m.fetch())
	h.send(eventsMsg(numbered(clusterEvents())))

	// The hosts table scrolls with the selection.
	h.press("down", "down", "down", "down", "down", "down")
	s := h.screen()
	if !strings.Contains(s, "Hosts (12) 7/12") || !strings.Contains(s, ">h7") || !strings.Contains(s, "\n h3 ") || strings.Contains(s, "\n h1 ") {
		t.Errorf("after 6 downs the table should show h3..h7 with h7 selected:\n%s", s)
	}
	h.press("end")
	if s := h.screen(); !strings.Contains(s, ">h12") || !strings.Contains(s, "12/12") {
		t.Errorf("end: want h12 selected:\n%s", s)
	}
	h.press("enter")
	if s := h.screen(); !strings.Contains(s, "Host h12") || !strings.Contains(s, "esc back") {
		t.Errorf("enter on a host: want its detail:\n%s", s)
	}
	h.press("esc")

	// History: failures and fences, or every event.
	h.press("tab", "tab")
	s = h.screen()
	if !strings.Contains(s, "failed actions and fences (2)") || !strings.Contains(s, "start-failed") || strings.Contains(s, "agent-started") {
		t.Errorf("history should list the failed start and the fence only:\n%s", s)
	}
	h.press("f")
	s = h.screen()
	if !strings.Contains(s, "every event (6)") || !strings.Contains(s, "agent-started") {
		t.Errorf("f: want every event:\n%s", s)
	}
	// The newest first; enter shows the selected event's evidence.
	h.press("down", "enter")
	s = h.screen()
	if !strings.Contains(s, "Event 5: start-failed") || !strings.Contains(s, `"exit": 1`) {
		t.Errorf("enter on the failed start: want its evidence:\n%s", s)
	}
	h.press("esc")

	// More events than the history keeps.
	h.m.opt.History = 4
	h.send(eventsMsg{{Seq: 7, Kind: "rto-missed", Message: "web9 missed its RTO"}})
	if n := len(h.m.events); n != 4 || h.m.events[3].Seq != 7 {
		t.Errorf("history keeps %d events ending with %d, want the last 4", n, h.m.events[n-1].Seq)
	}

	h.press("q")
	if !h.quit {
		t.Error("q did not quit")
	}
}

// TestDrainReadmit: each asks first, then calls the daemon once; another
// key cancels; they are refused with a reason on a standalone host,
// without an Operator, and while the daemon does not answer.
func TestDrainReadmit(t *testing.T) {
	h := newHarness(t, true)
	h.b.SetStatus(clusterStatus())
	h.run(h.m.fetch())
	h.press("down", "d")
	if s := h.screen(); !strings.Contains(s, "Drain h2? Its VMs move away") {
		t.Fatalf("d: want a confirmation:\n%s", s)
	}
	if c := h.b.Calls(); len(c) != 0 {
		t.Fatalf("drain called before confirmation: %v", c)
	}
	h.press("y")
	if c := h.b.Calls(); !slices.Equal(c, []string{"drain h2"}) {
		t.Errorf("calls = %v, want drain h2", c)
	}
	if s := h.screen(); !strings.Contains(s, "drain h2: done, host now maintenance") {
		t.Errorf("after y:\n%s", s)
	}
	h.press("a", "n")
	if s := h.screen(); !strings.Contains(s, "readmit h2: cancelled") || len(h.b.Calls()) != 1 {
		t.Errorf("a then n: want cancelled and no call (calls %v):\n%s", h.b.Calls(), s)
	}
	h.b.SetOpErr(errors.New("daemon: host h2: refused: it is the last healthy host"))
	h.press("a", "y")
	if s := h.screen(); !strings.Contains(s, "readmit h2: daemon: host h2: refused") {
		t.Errorf("a refused readmit should say why:\n%s", s)
	}

	refused := []struct {
		name  string
		setup func() *harness
		why   string
	}{
		{"standalone", func() *harness {
			h := newHarness(t, true)
			h.b.SetStatus(standaloneFanDead())
			h.run(h.m.fetch())
			return h
		}, "drain unavailable: standalone host: no cluster to drain to"},
		{"no operator", func() *harness {
			h := newHarness(t, false)
			h.b.SetStatus(clusterStatus())
			h.run(h.m.fetch())
			return h
		}, "drain unavailable: this daemon's API has no drain or readmit"},
		{"daemon down", func() *harness {
			h := newHarness(t, true)
			h.b.SetStatus(clusterStatus())
			h.run(h.m.fetch())
			h.b.SetErr(localapi.ErrNoDaemon)
			h.tick(time.Second)
			return h
		}, "drain unavailable: the daemon is not answering"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			h := tc.setup()
			h.press("d", "y")
			if s := h.screen(); !strings.Contains(s, tc.why) || len(h.b.Calls()) != 0 {
				t.Errorf("want %q and no call (calls %v):\n%s", tc.why, h.b.Calls(), s)
			}
		})
	}
}

// TestScreenFits renders random statuses, events and key presses: the
// screen never exceeds 80×24, in an 80×24 terminal or a smaller one.
func TestScreenFits(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	word := func() string {
		alphabet := []string{"a", "x", "-", "é", "日", "0", "_", " ", "Z"}
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	keys := []string{"down", "up", "tab", "enter", "esc", "f", "d", "a", "n", "pgdown", "end", "r"}
	for range 60 {
		h := newHarness(t, rng.IntN(2) == 0)
		st := clusterStatus()
		if rng.IntN(3) == 0 {
			st = standaloneFanDead()
		}
		st.Host = word()
		st.Version = word()
		for range rng.IntN(30) {
			st.Hosts = append(st.Hosts, localapi.HostStatus{Name: word(), State: word(), Risk: word(), VMs: rng.IntN(100000),
				LastSeenMS: ptr(rng.Int64N(1 << 40)), Components: []localapi.Component{{Name: word(), Risk: "high", Reason: word()}}})
			st.VMs = append(st.VMs, localapi.VMStatus{Name: word(), Host: st.Host, State: word(), Generation: rng.Uint64()})
		}
		local := &st.Hosts[0]
		local.Name = st.Host
		for range rng.IntN(40) {
			local.Sources[0].Readings = append(local.Sources[0].Readings, reading(word(), []string{"temperature", "fan", "psu"}[rng.IntN(3)], ptr(rng.Float64()*1e6), "x", "critical", word()))
		}
		local.Sources[0].Error, local.Sources[0].Up = word(), rng.IntN(2) == 0
		h.b.SetStatus(st)
		h.run(h.m.fetch())
		var evs []localapi.Event
		for range rng.IntN(50) {
			evs = append(evs, localapi.Event{Time: t0.Add(-time.Duration(rng.Int64N(1 << 50))), Kind: []string{"fence", "held", word()}[rng.IntN(3)],
				Host: word(), VM: word(), Message: word() + "\n" + word(), Evidence: json.RawMessage(`{"text":"` + word() + `"}`)})
		}
		h.send(eventsMsg(numbered(evs)))
		if rng.IntN(4) == 0 {
			h.send(tea.WindowSizeMsg{Width: rng.IntN(80), Height: rng.IntN(24)})
		}
		if rng.IntN(4) == 0 {
			h.b.SetErr(errors.New(word()))
			h.tick(time.Duration(rng.Int64N(int64(time.Hour))))
		}
		for range 10 {
			h.press(keys[rng.IntN(len(keys))])
			checkedScreen(t, h.m)
		}
		if t.Failed() {
			t.Fatalf("seed %d", seed)
		}
	}
}

// TestFollow: events come in batches, in order, once each, across a
// stream the daemon cut; Follow ends with its context.
func TestFollow(t *testing.T) {
	b := &tuitest.Backend{}
	b.Append(numbered(clusterEvents())...)
	got := make(chan tea.Msg, 100)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		Follow(ctx, b, func(m tea.Msg) { got <- m }, 10*time.Millisecond)
	}()
	var seqs []uint64
	var cuts int
	want := func(n int) {
		t.Helper()
		timeout := time.After(30 * time.Second)
		for len(seqs) < n {
			select {
			case m := <-got:
				switch m := m.(type) {
				case eventsMsg:
					for _, ev := range m {
						seqs = append(seqs, ev.Seq)
					}
				case streamMsg:
					cuts++
				}
			case <-timeout:
				t.Fatalf("got events %v, want %d", seqs, n)
			}
		}
	}
	want(6)
	b.CutStream()
	b.Append(localapi.Event{Kind: "fence"}, localapi.Event{Kind: "self-fence"})
	want(8)
	if !slices.Equal(seqs, []uint64{1, 2, 3, 4, 5, 6, 7, 8}) || cuts != 1 {
		t.Errorf("events %v after %d cut(s), want 1..8 once each after 1", seqs, cuts)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Follow did not end with its context")
	}
}

// TestHeaderKeepsLeaderAndQuorum: with long host names the header drops
// the version, then the cluster's name, never the leader or quorum (a lab
// agent's "(devel)" version cut "quorum" to "quor…").
func TestHeaderKeepsLeaderAndQuorum(t *testing.T) {
	for _, tc := range []struct {
		host, leader, want, gone string
	}{
		{"ag1-h3", "ag1-h3", " ag1-h3 · cluster edge-7 · leader ag1-h3 · quorum yes", "(devel)"},
		{"hv-rack12-node07", "hv-rack12-node03", " hv-rack12-node07 · leader hv-rack12-node03 · quorum yes", "edge-7"},
	} {
		h := newHarness(t, true)
		st := clusterStatus()
		st.Host, st.Leader, st.Version = tc.host, ptr(tc.leader), "(devel) 2d4e46c1a0b9"
		st.Hosts[0].Name = tc.host
		h.b.SetStatus(st)
		h.run(h.m.fetch())
		head, _, _ := strings.Cut(h.screen(), "\n")
		if !strings.HasPrefix(head, tc.want) || strings.Contains(head, tc.gone) || !strings.Contains(head, "data age") {
			t.Errorf("header %q, want it to start %q, without %q, with the data's age", head, tc.want, tc.gone)
		}
	}
	// Room enough: everything.
	h := newHarness(t, true)
	h.b.SetStatus(clusterStatus())
	h.run(h.m.fetch())
	if head, _, _ := strings.Cut(h.screen(), "\n"); !strings.HasPrefix(head, " h1 · v0.4.1 · cluster edge-7 · leader h2 · quorum yes") {
		t.Errorf("header %q, want the version and the cluster too", head)
	}
}

// TestFenceHistoryFromState: a follower's audit log has no fence events
// (the leader that fenced has them), so the history lists the cluster's
// fence records from the status, confirmed and open, newest first among
// the events; on the leader, whose events name the records, none is
// listed twice.
func TestFenceHistoryFromState(t *testing.T) {
	at := func(d time.Duration) time.Time { return t0.Add(-d) }
	st := clusterStatus()
	st.Fences = []localapi.Fence{
		{ID: 15, Target: "h3", By: "h2", Method: "ipmi", Evidence: "memberlist dead", Started: at(2 * time.Hour), Confirmed: true,
			ConfirmedAt: ptr(at(2*time.Hour - time.Second)), Confirmation: "power read back off through level ipmi"},
		{ID: 21, Target: "h4", By: "h2", Method: "redfish", Evidence: "no lease renewal", Started: at(time.Minute)},
	}
	follower := []localapi.Event{
		{Time: at(3 * time.Hour), Kind: "agent-started", Host: "h1", Message: "vigil agent started on h1 (cluster)"},
		{Time: at(30 * time.Minute), Kind: "start-failed", Host: "h1", VM: "web9", Message: "qemu exited"},
	}
	h := newHarness(t, true)
	h.b.SetStatus(st)
	h.run(h.m.fetch())
	h.send(eventsMsg(numbered(follower)))
	screen := h.screen()
	rows := regexp.MustCompile(`(?m)^[ >]\d\d:\d\d:\d\d (\S+) +(\S+) +(.*)$`).FindAllStringSubmatch(screen, -1)
	var got []string
	for _, r := range rows {
		got = append(got, r[1]+" "+r[2])
	}
	want := []string{"fence h4", "start-failed web9", "fence-confirmed h3"}
	if !slices.Equal(got, want) || !strings.Contains(screen, "fence 15 by h2 through ipmi: power") ||
		!strings.Contains(screen, "History: failed actions and fences (3)") {
		t.Errorf("follower's history rows %v, want %v; screen:\n%s", got, want, screen)
	}
	// The record's evidence, from the history.
	h.press("tab", "tab", "end", "enter")
	if s := h.screen(); !strings.Contains(s, "Evidence") || !strings.Contains(s, "memberlist dead") {
		t.Errorf("the fence record's evidence:\n%s", s)
	}
	h.press("esc")

	// The leader's own events name both records: no row twice.
	leader := append(follower,
		localapi.Event{Time: at(2*time.Hour - 500*time.Millisecond), Kind: "fence", Host: "h3", Message: "power off through ipmi (fence 15, attempt 1)"},
		localapi.Event{Time: at(2*time.Hour - time.Second), Kind: "fence-confirmed", Host: "h3", Message: "fence 15: power read back off through level ipmi"},
		localapi.Event{Time: at(time.Minute), Kind: "fence", Host: "h4", Message: "power off through redfish (fence 21, attempt 1)"})
	h = newHarness(t, true)
	h.b.SetStatus(st)
	h.run(h.m.fetch())
	h.send(eventsMsg(numbered(leader)))
	if s := h.screen(); !strings.Contains(s, "History: failed actions and fences (4)") || strings.Contains(s, " by h2 through ") {
		t.Errorf("the leader's history lists a record its events tell:\n%s", s)
	}
}
