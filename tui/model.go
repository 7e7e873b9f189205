package tui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/vigil-ha/vigil/agent/localapi"
)

// Screen size: the view never draws more.
const (
	Width  = 80
	Height = 24
)

// Options tune the screen. Zero values take the defaults.
type Options struct {
	// Socket is the daemon's socket, named when it does not answer.
	Socket string
	// Poll is how often the status is fetched (default 1 s).
	Poll time.Duration
	// Timeout bounds each status request (default 3 s) and, times ten,
	// each drain or readmit.
	Timeout time.Duration
	// History is how many audit events are kept (default 1000).
	History int
	// Host is this host's name, shown until the daemon answers.
	Host string
	// Local reads this host's BMC directly while the daemon does not
	// answer, every LocalEvery (default 5 s); nil: no such view.
	Local      LocalBMC
	LocalEvery time.Duration
	// NoLocal says why there is no Local (the config has no bmc:, its
	// password file is not readable), shown while the daemon is down.
	NoLocal string
	// Now is the clock (default time.Now); Location the zone times are
	// shown in (default time.Local).
	Now      func() time.Time
	Location *time.Location
}

func (o *Options) defaults() {
	if o.Poll <= 0 {
		o.Poll = time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 3 * time.Second
	}
	if o.LocalEvery <= 0 {
		o.LocalEvery = 5 * time.Second
	}
	if o.History <= 0 {
		o.History = 1000
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Location == nil {
		o.Location = time.Local
	}
}

// pane is one of the screen's selectable lists.
type pane int

const (
	paneHosts pane = iota
	paneVMs
	paneHistory
	numPanes
)

// Rows of each pane's list on screen.
var paneRows = [numPanes]int{paneHosts: 5, paneVMs: 5, paneHistory: 6}

// Messages the model handles besides keys and the window size.
type (
	// tickMsg drives the status polls and the ages on screen.
	tickMsg time.Time
	// statusMsg is the answer (or failure) of one status request.
	statusMsg struct {
		seq int
		st  *localapi.Status
		err error
	}
	// localMsg is one direct read of this host's BMC.
	localMsg struct {
		readings []localapi.Reading
		err      error
	}
	// actionMsg is the outcome of a drain or readmit.
	actionMsg struct {
		verb, host, state string
		err               error
	}
)

// confirmation is a drain or readmit waiting for y.
type confirmation struct {
	verb, host string
}

// overlay is a full-screen text (an event's evidence, a host's detail)
// over the main screen.
type overlay struct {
	title string
	lines []string
	top   int
}

// Model is the screen's state. Build it with New; Update and View follow
// Bubble Tea's model.
type Model struct {
	b   Backend
	op  Operator
	opt Options

	now time.Time // of the last message, what the ages are measured to
	w   int       // terminal size (0: unknown, taken as 80×24)
	h   int

	// The status and its requests.
	st        *localapi.Status
	stAt      time.Time // when st came
	seq       int       // of the last request sent
	applied   int       // of the last answer applied
	fetching  bool
	fetchedAt time.Time // when the request in flight was sent
	downSince time.Time // first unanswered request since the last answer; zero while answering
	downErr   string

	// This host's BMC read directly while the daemon is down.
	localBusy     bool
	localSent     time.Time // of the read in flight or the last one
	localAt       time.Time // when the last read answered
	localReadings []localapi.Reading
	localErr      string

	// The audit log.
	events    []localapi.Event // oldest first, at most opt.History
	streamErr string
	showAll   bool

	focus  pane
	sel    [numPanes]int
	top    [numPanes]int
	msg    string // the message line
	msgBad bool
	ask    *confirmation
	busy   string // a drain or readmit in flight
	over   *overlay
}

// New returns the screen's model reading b and changing hosts through op
// (nil: drain and readmit are disabled).
func New(b Backend, op Operator, opt Options) *Model {
	opt.defaults()
	return &Model{b: b, op: op, opt: opt, now: opt.Now()}
}

// Init starts the first status request and the clock.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.fetch(), m.tick())
}

func (m *Model) tick() tea.Cmd {
	return tea.Tick(m.opt.Poll, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// fetch sends a status request with a deadline.
func (m *Model) fetch() tea.Cmd {
	m.seq++
	m.fetching, m.fetchedAt = true, m.now
	seq, b, timeout := m.seq, m.b, m.opt.Timeout
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		st, err := b.Status(ctx)
		if err == nil && st == nil {
			err = errors.New("empty status")
		}
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within %v", timeout)
		}
		return statusMsg{seq: seq, st: st, err: err}
	}
}

// Update implements tea.Model.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.now = m.opt.Now()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tickMsg:
		var cmds []tea.Cmd
		cmds = append(cmds, m.tick())
		switch {
		case !m.fetching:
			cmds = append(cmds, m.fetch())
		case m.now.Sub(m.fetchedAt) > m.opt.Timeout:
			// A request that outlived its deadline (a backend that
			// ignores its context): the daemon is not answering, and
			// another request goes out.
			m.markDown(m.fetchedAt, fmt.Sprintf("no answer within %v", m.opt.Timeout))
			cmds = append(cmds, m.fetch())
		}
		if cmd := m.readLocal(); cmd != nil {
			cmds = append(cmds, cmd)
		}
		return m, tea.Batch(cmds...)
	case localMsg:
		m.localBusy = false
		if msg.err != nil {
			m.localErr = msg.err.Error()
		} else {
			m.localReadings, m.localAt, m.localErr = msg.readings, m.now, ""
		}
	case statusMsg:
		if msg.seq < m.applied {
			break // older than what is on screen
		}
		if msg.seq == m.seq {
			m.fetching = false
		}
		if msg.err != nil {
			m.markDown(m.fetchedAt, msg.err.Error())
			return m, m.readLocal()
		}
		m.applied = msg.seq
		m.st, m.stAt = msg.st, m.now
		m.downSince, m.downErr = time.Time{}, ""
		m.clamp()
	case eventsMsg:
		m.streamErr = ""
		m.events = append(m.events, msg...)
		if over := len(m.events) - m.opt.History; over > 0 {
			m.events = append(m.events[:0:0], m.events[over:]...)
		}
		m.clamp()
	case streamMsg:
		if msg.err != nil {
			m.streamErr = msg.err.Error()
		} else {
			m.streamErr = "the daemon closed the event stream"
		}
	case actionMsg:
		m.busy = ""
		if msg.err != nil {
			m.say(true, fmt.Sprintf("%s %s: %v", msg.verb, msg.host, msg.err))
		} else {
			m.say(false, fmt.Sprintf("%s %s: done, host now %s", msg.verb, msg.host, msg.state))
		}
		return m, m.fetchNow()
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

// readLocal reads the BMC directly when the daemon is down, the last read
// is LocalEvery old and none is in flight.
func (m *Model) readLocal() tea.Cmd {
	l := m.opt.Local
	if l == nil || m.downSince.IsZero() || m.localBusy || (!m.localSent.IsZero() && m.now.Sub(m.localSent) < m.opt.LocalEvery) {
		return nil
	}
	m.localBusy, m.localSent = true, m.now
	timeout := 2 * m.opt.Timeout
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		rs, err := l.ReadBMC(ctx)
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within %v", timeout)
		}
		return localMsg{readings: rs, err: err}
	}
}

// localView reports whether this host is shown from the direct read of
// its BMC: the daemon is down and the screen can read the BMC.
func (m *Model) localView() bool { return m.opt.Local != nil && !m.downSince.IsZero() }

// fetchNow asks for the status at once unless a request is in flight.
func (m *Model) fetchNow() tea.Cmd {
	if m.fetching {
		return nil
	}
	return m.fetch()
}

// markDown records that the daemon did not answer a request sent at sent.
func (m *Model) markDown(sent time.Time, why string) {
	if m.downSince.IsZero() {
		m.downSince = sent
	}
	m.downErr = why
}

func (m *Model) say(bad bool, s string) { m.msg, m.msgBad = s, bad }

// key handles one key press.
func (m *Model) key(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	key := k.String()
	if key == "ctrl+c" {
		return m, tea.Quit
	}
	if m.ask != nil {
		ask := m.ask
		m.ask = nil
		if key != "y" && key != "Y" {
			m.say(false, ask.verb+" "+ask.host+": cancelled")
			return m, nil
		}
		return m, m.act(ask.verb, ask.host)
	}
	if m.over != nil {
		return m, m.overlayKey(key)
	}
	switch key {
	case "q":
		return m, tea.Quit
	case "r":
		m.say(false, "refreshing")
		return m, m.fetchNow()
	case "tab":
		m.focus = (m.focus + 1) % numPanes
	case "shift+tab":
		m.focus = (m.focus + numPanes - 1) % numPanes
	case "up", "k":
		m.move(-1)
	case "down", "j":
		m.move(1)
	case "pgup":
		m.move(-paneRows[m.focus])
	case "pgdown":
		m.move(paneRows[m.focus])
	case "home", "g":
		m.move(-1 << 30)
	case "end", "G":
		m.move(1 << 30)
	case "f":
		m.showAll = !m.showAll
		m.sel[paneHistory], m.top[paneHistory] = 0, 0
	case "enter", "e":
		m.open()
	case "d":
		m.confirm("drain")
	case "a":
		m.confirm("readmit")
	}
	return m, nil
}

// move moves the focused pane's selection by d rows, scrolling to keep it
// on screen.
func (m *Model) move(d int) {
	p := m.focus
	m.sel[p] += d
	m.clampPane(p)
}

func (m *Model) clamp() {
	for p := range numPanes {
		m.clampPane(p)
	}
}

func (m *Model) clampPane(p pane) {
	n := m.paneLen(p)
	m.sel[p] = max(0, min(m.sel[p], n-1))
	rows := paneRows[p]
	if m.sel[p] < m.top[p] {
		m.top[p] = m.sel[p]
	}
	if m.sel[p] >= m.top[p]+rows {
		m.top[p] = m.sel[p] - rows + 1
	}
	m.top[p] = max(0, min(m.top[p], n-rows))
}

func (m *Model) paneLen(p pane) int {
	switch p {
	case paneHosts:
		if m.st != nil {
			return len(m.st.Hosts)
		}
	case paneVMs:
		return len(m.localVMs())
	case paneHistory:
		return len(m.history())
	}
	return 0
}

// localVMs are the VMs the status places on this host.
func (m *Model) localVMs() []localapi.VMStatus {
	if m.st == nil {
		return nil
	}
	var out []localapi.VMStatus
	for _, v := range m.st.VMs {
		if v.Host == m.st.Host {
			out = append(out, v)
		}
	}
	return out
}

// history is what the history pane lists, newest first: failed actions
// and fences, or every event. The cluster's fence records that this
// host's audit log does not tell (another host led the fence) are listed
// among them.
func (m *Model) history() []localapi.Event {
	var out []localapi.Event
	for i := len(m.events) - 1; i >= 0; i-- {
		if ev := m.events[i]; m.showAll || isFailure(ev) || isFence(ev) {
			out = append(out, ev)
		}
	}
	if m.st == nil || len(m.st.Fences) == 0 {
		return out
	}
	told := map[string]bool{} // target and record id, as the leader's events name them
	for _, ev := range m.events {
		if isFence(ev) {
			for _, id := range fenceIDs.FindAllStringSubmatch(ev.Message, -1) {
				told[ev.Host+"/"+id[1]] = true
			}
		}
	}
	added := false
	for _, f := range m.st.Fences {
		if !told[fmt.Sprintf("%s/%d", f.Target, f.ID)] {
			out = append(out, fenceEvent(f))
			added = true
		}
	}
	if added {
		slices.SortStableFunc(out, func(a, b localapi.Event) int { return b.Time.Compare(a.Time) })
	}
	return out
}

// fenceIDs finds the fence record ids in a fence event's message ("fence
// 15: power read back off", "power off through ipmi (fence 15, attempt
// 1)").
var fenceIDs = regexp.MustCompile(`\bfence (\d+)\b`)

// fenceEvent is a fence record of the cluster as a history row: its
// confirmation, or its opening while unconfirmed.
func fenceEvent(f localapi.Fence) localapi.Event {
	ev := localapi.Event{Time: f.Started, Kind: "fence", Host: f.Target,
		Message: fmt.Sprintf("fence %d by %s through %s, awaiting confirmation: %s", f.ID, f.By, f.Method, f.Evidence)}
	if f.Confirmed {
		ev.Kind, ev.Message = "fence-confirmed", fmt.Sprintf("fence %d by %s through %s: %s", f.ID, f.By, f.Method, f.Confirmation)
		if f.ConfirmedAt != nil {
			ev.Time = *f.ConfirmedAt
		}
	}
	if raw, err := json.Marshal(map[string]any{"fence_record": f}); err == nil {
		ev.Evidence = raw
	}
	return ev
}

// isFence reports whether ev is part of the fence history: a fence, its
// confirmation or failure, or a self-fence.
func isFence(ev localapi.Event) bool {
	return strings.HasPrefix(ev.Kind, "fence") || ev.Kind == "self-fence"
}

// isFailure reports whether ev is a failed action: a start, migration or
// fence that failed, a missed RTO, a held VM, no capacity, a fence not
// confirmed, a sensor source lost.
func isFailure(ev localapi.Event) bool {
	switch ev.Kind {
	case "rto-missed", "held", "no-capacity", "bmc-unreachable", "kernel-unreadable":
		return true
	case "fence":
		return strings.Contains(ev.Message, "not confirmed")
	}
	return strings.HasSuffix(ev.Kind, "-failed")
}

// selectedHost is the host selected in the hosts table, or "".
func (m *Model) selectedHost() string {
	if m.st == nil || len(m.st.Hosts) == 0 {
		return ""
	}
	return m.st.Hosts[m.sel[paneHosts]].Name
}

// actionBlocked says why drain and readmit cannot be used now ("" when
// they can).
func (m *Model) actionBlocked() string {
	switch {
	case m.op == nil:
		return "this daemon's API has no drain or readmit"
	case m.st == nil:
		return "no status from the daemon yet"
	case !m.downSince.IsZero():
		return "the daemon is not answering"
	case m.st.Cluster == nil:
		return "standalone host: no cluster to drain to"
	case m.busy != "":
		return m.busy + " still running"
	}
	return ""
}

// confirm asks before a drain or readmit of the selected host.
func (m *Model) confirm(verb string) {
	if why := m.actionBlocked(); why != "" {
		m.say(true, verb+" unavailable: "+why)
		return
	}
	host := m.selectedHost()
	if host == "" {
		m.say(true, verb+": no host selected")
		return
	}
	m.ask = &confirmation{verb: verb, host: host}
}

// act runs a confirmed drain or readmit.
func (m *Model) act(verb, host string) tea.Cmd {
	m.busy = verb + " " + host
	m.say(false, m.busy+": asking the daemon")
	op, timeout := m.op, 10*m.opt.Timeout
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		var d localapi.HostDetail
		var err error
		if verb == "drain" {
			d, err = op.DrainHost(ctx, host)
		} else {
			d, err = op.ReadmitHost(ctx, host)
		}
		state := d.State
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within %v", timeout)
		}
		return actionMsg{verb: verb, host: host, state: state, err: err}
	}
}

// open shows the selected host or event full-screen.
func (m *Model) open() {
	switch m.focus {
	case paneHosts:
		if m.st != nil && len(m.st.Hosts) > 0 {
			h := m.st.Hosts[m.sel[paneHosts]]
			m.over = &overlay{title: "Host " + h.Name, lines: m.hostDetail(h)}
		}
	case paneVMs:
		if vms := m.localVMs(); len(vms) > 0 {
			v := vms[m.sel[paneVMs]]
			m.over = &overlay{title: "VM " + v.Name, lines: []string{
				"host        " + v.Host,
				"state       " + v.State,
				fmt.Sprintf("generation  %d", v.Generation),
				fmt.Sprintf("priority    %d", v.Priority),
			}}
		}
	case paneHistory:
		if hist := m.history(); len(hist) > 0 {
			ev := hist[m.sel[paneHistory]]
			m.over = &overlay{title: fmt.Sprintf("Event %d: %s", ev.Seq, ev.Kind), lines: m.eventDetail(ev)}
		}
	}
}

// overlayKey handles a key while an overlay is shown.
func (m *Model) overlayKey(key string) tea.Cmd {
	o := m.over
	page := Height - 3
	switch key {
	case "q":
		return tea.Quit
	case "esc", "enter", "backspace", "e":
		m.over = nil
	case "up", "k":
		o.top--
	case "down", "j":
		o.top++
	case "pgup":
		o.top -= page
	case "pgdown", "space":
		o.top += page
	case "home", "g":
		o.top = 0
	case "end", "G":
		o.top = len(o.lines)
	}
	o.top = max(0, min(o.top, len(o.lines)-page))
	return nil
}
