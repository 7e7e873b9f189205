package tui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/vigil-ha/vigil/agent/localapi"
)

// Styles of the screen. Colours are the 16 ANSI ones, which every console
// has (the Linux VT at the rack too).
var (
	stBold     = lipgloss.NewStyle().Bold(true)
	stFaint    = lipgloss.NewStyle().Faint(true)
	stTitle    = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Cyan)
	stRule     = lipgloss.NewStyle().Foreground(lipgloss.Cyan)
	stGood     = lipgloss.NewStyle().Foreground(lipgloss.Green)
	stWarn     = lipgloss.NewStyle().Foreground(lipgloss.Yellow)
	stBad      = lipgloss.NewStyle().Foreground(lipgloss.Red).Bold(true)
	stInfo     = lipgloss.NewStyle().Foreground(lipgloss.Blue)
	stAlarm    = lipgloss.NewStyle().Foreground(lipgloss.BrightWhite).Background(lipgloss.Red).Bold(true)
	stAsk      = lipgloss.NewStyle().Foreground(lipgloss.Black).Background(lipgloss.Yellow).Bold(true)
	stSelected = lipgloss.NewStyle().Reverse(true)
	stKey      = lipgloss.NewStyle().Bold(true)
)

// View implements tea.Model: Render on the alternate screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.WindowTitle = "vigil tui"
	if m.st != nil {
		v.WindowTitle += " " + m.st.Host
	}
	return v
}

// Render is the screen: at most Height lines of at most Width columns
// (fewer in a smaller terminal), with ANSI styles.
func (m *Model) Render() string {
	w, h := Width, Height
	if m.w > 0 {
		w = min(w, m.w)
	}
	if m.h > 0 {
		h = min(h, m.h)
	}
	var lines []string
	if m.over != nil {
		lines = m.overlayLines()
	} else {
		lines = append(lines, m.header(), m.banner())
		lines = append(lines, m.thisHost()...)
		lines = append(lines, m.tables()...)
		lines = append(lines, m.historyLines()...)
		lines = append(lines, m.messageLine(), m.keyLine())
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = cut(l, w)
	}
	return strings.Join(lines, "\n")
}

// cut truncates a styled line to w columns.
func cut(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// pad fits plain text to exactly w columns: cut with an ellipsis, or
// padded with spaces.
func pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = cut(s, w)
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// padLeft is pad, aligned right.
func padLeft(s string, w int) string {
	s = cut(s, w)
	if n := ansi.StringWidth(s); n < w {
		s = strings.Repeat(" ", w-n) + s
	}
	return s
}

// rule is a section title on a line of ─ w wide.
func rule(title string, w int) string {
	t := "─ " + title + " "
	t = cut(t, w)
	return stRule.Render("─ ") + stTitle.Render(strings.TrimPrefix(t, "─ ")) + stRule.Render(strings.Repeat("─", max(0, w-ansi.StringWidth(t))))
}

// age is a duration as the screen shows it: 0.4s, 12s, 5m, 3h, 2d.
func age(d time.Duration) string {
	switch {
	case d < 0:
		return "0s"
	case d < 10*time.Second:
		return fmt.Sprintf("%.1fs", d.Seconds())
	case d < 2*time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < 2*time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

func (m *Model) clock(t time.Time) string { return t.In(m.opt.Location).Format("15:04:05") }

// stamp is an event's time: the time of day today, the date before.
func (m *Model) stamp(t time.Time) string {
	t = t.In(m.opt.Location)
	y, mo, d := t.Date()
	ny, nmo, nd := m.now.In(m.opt.Location).Date()
	if y == ny && mo == nmo && d == nd {
		return t.Format("15:04:05")
	}
	return t.Format("Jan _2")
}

func riskStyle(r string) lipgloss.Style {
	switch r {
	case "none":
		return stGood
	case "low":
		return stWarn
	case "high", "imminent":
		return stBad
	}
	return stFaint
}

func stateStyle(s string) lipgloss.Style {
	switch s {
	case "healthy", "running":
		return stGood
	case "degraded", "starting", "migrating", "recovering":
		return stWarn
	case "suspect", "fencing", "fenced", "held":
		return stBad
	case "maintenance":
		return stInfo
	}
	return stFaint
}

func statusStyle(s string) lipgloss.Style {
	switch s {
	case "ok":
		return lipgloss.NewStyle()
	case "warning":
		return stWarn
	case "critical":
		return stBad
	}
	return stFaint
}

// header: host, version, cluster, leader, quorum, age of the data.
func (m *Model) header() string {
	right := m.clock(m.now)
	if m.st == nil {
		left := stBold.Render("vigil")
		if m.opt.Host != "" {
			left = stBold.Render(m.opt.Host)
		}
		return " " + left + stFaint.Render(" · no status from the daemon yet") + "  " + right
	}
	st := m.st
	dataAge := "data age " + age(m.now.Sub(m.stAt))
	if !m.downSince.IsZero() {
		dataAge = stBad.Render(dataAge)
	}
	right = dataAge + " · " + right
	room := Width - 1 - ansi.StringWidth(right) - 1
	// The leader and quorum matter most: when the line is too long the
	// version goes first, then the cluster's name, then the clock.
	version, cluster := "", ""
	if st.Version != "" {
		version = " · " + st.Version
	}
	if st.Cluster != nil {
		cluster = " · cluster " + *st.Cluster
	}
	rest := " · standalone"
	if st.Cluster != nil {
		rest = " · leader "
		if st.Leader != nil {
			rest += *st.Leader
		} else {
			rest += stBad.Render("none")
		}
		rest += " · quorum "
		if st.Quorum {
			rest += stGood.Render("yes")
		} else {
			rest += stBad.Render("NO")
		}
	}
	left := stBold.Render(st.Host) + version + cluster + rest
	if ansi.StringWidth(left) > room {
		left = stBold.Render(st.Host) + cluster + rest
	}
	if ansi.StringWidth(left) > room {
		left = stBold.Render(st.Host) + rest
	}
	if ansi.StringWidth(left) > room {
		// Then the clock (the age of the data stays).
		right = dataAge
		room = Width - 1 - ansi.StringWidth(right) - 1
	}
	return " " + pad(left, room) + " " + right
}

// banner is the line under the header: the daemon not answering, starting,
// or a summary.
func (m *Model) banner() string {
	switch {
	case !m.downSince.IsZero():
		s := fmt.Sprintf(" daemon not answering since %s (%s): %s", m.clock(m.downSince), age(m.now.Sub(m.downSince)), m.downErr)
		return stAlarm.Render(pad(s, Width))
	case m.st == nil:
		s := " asking the daemon"
		if m.opt.Socket != "" {
			s += " on " + m.opt.Socket
		}
		return stFaint.Render(s + "…")
	case m.st.Starting:
		return stWarn.Render(" daemon starting: no sensor poll finished yet")
	case m.streamErr != "":
		return stWarn.Render(" audit log: " + m.streamErr + " (reconnecting)")
	}
	running := 0
	for _, v := range m.st.VMs {
		if v.State == "running" {
			running++
		}
	}
	healthy := 0
	for _, h := range m.st.Hosts {
		if h.State == "healthy" {
			healthy++
		}
	}
	return stFaint.Render(fmt.Sprintf(" %s · %d host(s), %d healthy · %d VM(s), %d running · %d event(s) read",
		m.st.Mode, len(m.st.Hosts), healthy, len(m.st.VMs), running, len(m.events)))
}

// local is this host's entry in the status.
func (m *Model) local() (localapi.HostStatus, bool) {
	if m.st == nil {
		return localapi.HostStatus{}, false
	}
	for _, h := range m.st.Hosts {
		if h.Name == m.st.Host {
			return h, true
		}
	}
	return localapi.HostStatus{Name: m.st.Host}, false
}

const labelWidth = 9

func label(s string) string { return " " + stBold.Render(pad(s, labelWidth-1)) }

// thisHost is the six lines about this host: from the daemon's status,
// or, while the daemon does not answer and the screen can read the BMC
// itself, the BMC's reachability and readings from that direct read.
func (m *Model) thisHost() []string {
	direct := m.localView()
	if m.st == nil && !direct {
		lines := []string{rule("This host", Width), "", "", "", "", ""}
		if !m.downSince.IsZero() && m.opt.NoLocal != "" {
			lines[1] = label("BMC") + stFaint.Render("not read directly: "+m.opt.NoLocal)
		}
		return lines
	}
	h, ok := m.local()
	if m.st == nil {
		h.Name = m.opt.Host
	}
	title := "This host " + h.Name
	if ok {
		title += ": " + h.State + ", risk " + h.Risk
	}
	if direct {
		title += " (daemon down: BMC read directly)"
	}
	out := []string{rule(title, Width)}

	// The BMC and the watchdog.
	bmc := stFaint.Render("none configured (kernel sensors only)")
	sources := h.Sources
	if direct {
		l := m.opt.Local
		switch {
		case m.localErr != "":
			bmc = l.Target() + " " + stBad.Render("DOWN") + ": " + firstLine(m.localErr)
		case m.localAt.IsZero():
			bmc = l.Target() + " being read directly"
		default:
			bmc = l.Target() + " " + stGood.Render("up") + " (read directly " + age(m.now.Sub(m.localAt)) + " ago)"
		}
		sources = []localapi.Source{{Name: "bmc", Readings: m.localReadings}}
	} else {
		for _, s := range h.Sources {
			if s.Name != "bmc" {
				continue
			}
			switch {
			case s.Up && s.LastPoll != nil:
				bmc = s.Target + " " + stGood.Render("up") + " (" + age(m.now.Sub(*s.LastPoll)) + " ago)"
			case s.Up:
				bmc = s.Target + " not polled yet"
			default:
				why := firstLine(s.Error)
				if why == "" {
					why = "no answer"
				}
				bmc = s.Target + " " + stBad.Render("DOWN") + ": " + why
			}
		}
	}
	wd := stFaint.Render("unknown")
	if m.st != nil && m.st.Watchdog != nil {
		w := m.st.Watchdog
		switch {
		case w.Device == "none":
			wd = stWarn.Render("none")
		default:
			wd = fmt.Sprintf("%s %ds", w.Device, int(w.TimeoutSeconds))
			switch {
			case w.Armed == nil:
			case *w.Armed:
				wd += " " + stGood.Render("armed")
			default:
				wd += " not armed"
			}
		}
	}
	wd = stBold.Render("Watchdog ") + wd
	room := Width - labelWidth - 2 - ansi.StringWidth(wd)
	out = append(out, label("BMC")+pad(bmc, room)+"  "+wd)

	// Risk with the top cause.
	var risk string
	switch c, n := topCause(h.Components); {
	case !ok:
		risk = stFaint.Render("unknown: the daemon predicts it, and has not answered")
	case n > 0:
		risk = riskStyle(c.Risk).Render(c.Risk)
		if c.ETASeconds != nil {
			risk += " · ETA " + age(time.Duration(*c.ETASeconds*float64(time.Second)))
		}
		risk += " · " + c.Name + " (" + c.Source + "): " + firstLine(c.Reason)
		if c.Replace && !strings.Contains(c.Reason, "replace") {
			risk += ", replace it"
		}
		if n > 1 {
			risk = cut(risk, Width-labelWidth-10) + fmt.Sprintf(" · +%d more", n-1)
		}
	default:
		risk = riskStyle(h.Risk).Render(h.Risk) + stFaint.Render(": no component at risk")
	}
	if direct && ok {
		risk = stFaint.Render("(daemon's last) ") + risk
	}
	out = append(out, label("Risk")+risk)

	// Readings.
	temps, fans, psus := readingItems(sources)
	out = append(out,
		label("Temp")+joinFit(temps, Width-labelWidth),
		label("Fans")+joinFit(fans, Width-labelWidth),
		label("PSUs")+joinFit(psus, Width-labelWidth))
	return out
}

// topCause is the component at the highest risk, the nearest ETA first,
// and how many are at risk.
func topCause(cs []localapi.Component) (localapi.Component, int) {
	var at []localapi.Component
	for _, c := range cs {
		if c.Risk != "none" {
			at = append(at, c)
		}
	}
	if len(at) == 0 {
		return localapi.Component{}, 0
	}
	rank := map[string]int{"low": 1, "high": 2, "imminent": 3}
	eta := func(c localapi.Component) float64 {
		if c.ETASeconds == nil {
			return math.Inf(1)
		}
		return *c.ETASeconds
	}
	slices.SortStableFunc(at, func(a, b localapi.Component) int {
		if d := rank[b.Risk] - rank[a.Risk]; d != 0 {
			return d
		}
		if ea, eb := eta(a), eta(b); ea != eb {
			if ea < eb {
				return -1
			}
			return 1
		}
		return 0
	})
	return at[0], len(at)
}

// item is one reading on a line: its text and style.
type item struct {
	text  string
	style lipgloss.Style
}

// readingItems are the temperatures, fans and PSUs of this host's sources,
// the BMC's first.
func readingItems(sources []localapi.Source) (temps, fans, psus []item) {
	for _, s := range sources {
		for _, r := range s.Readings {
			st := statusStyle(r.Status)
			switch r.Kind {
			case "temperature":
				temps = append(temps, item{r.Name + " " + value(r, "C"), st})
			case "fan":
				fans = append(fans, item{r.Name + " " + value(r, " rpm"), st})
			case "psu":
				text := r.Name + " " + r.Status
				if r.Status != "ok" && len(r.States) > 0 {
					text = r.Name + " " + strings.Join(r.States, ", ")
				}
				psus = append(psus, item{text, st})
			}
		}
	}
	return temps, fans, psus
}

// value is a reading's value with its unit, or its status when it has no
// value.
func value(r localapi.Reading, unit string) string {
	if r.Value == nil {
		if len(r.States) > 0 {
			return strings.Join(r.States, ", ")
		}
		return r.Status
	}
	s := fmt.Sprintf("%.0f%s", *r.Value, unit)
	if r.Status == "warning" || r.Status == "critical" {
		s += "!"
	}
	return s
}

// joinFit joins items with " · " into at most w columns; what does not
// fit is counted as "+N".
func joinFit(items []item, w int) string {
	if len(items) == 0 {
		return stFaint.Render("-")
	}
	sep := stFaint.Render(" · ")
	var b strings.Builder
	used := 0
	for i, it := range items {
		more := ""
		if rest := len(items) - i - 1; rest > 0 {
			more = fmt.Sprintf(" +%d", rest)
		}
		n := ansi.StringWidth(it.text)
		if i > 0 {
			n += 3
		}
		if used+n+len(more) > w {
			// This one and the rest do not fit.
			b.WriteString(stFaint.Render(fmt.Sprintf(" +%d", len(items)-i)))
			break
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(it.style.Render(it.text))
		used += n
	}
	return b.String()
}

// Column widths of the two tables: hosts left, this host's VMs right.
const (
	hostsWidth = 47
	vmsWidth   = Width - hostsWidth - 1
)

// tables is the hosts table beside the VMs on this host: a title, the
// column names and paneRows rows.
func (m *Model) tables() []string {
	rows := paneRows[paneHosts]
	var hosts, vms []string
	nHosts, vmList := 0, m.localVMs()
	if m.st != nil {
		nHosts = len(m.st.Hosts)
	}
	hostTitle := fmt.Sprintf("Hosts (%d)", nHosts)
	vmTitle := "VMs on this host"
	if m.st != nil {
		vmTitle = fmt.Sprintf("VMs on %s (%d)", m.st.Host, len(vmList))
	}
	title := m.paneTitle(paneHosts, hostTitle, hostsWidth) + stRule.Render("┬") + m.paneTitle(paneVMs, vmTitle, vmsWidth)
	head := stFaint.Render(pad(fmt.Sprintf(" %-12s %-11s %6s %3s %-8s", "NAME", "STATE", "SEEN", "VMS", "RISK"), hostsWidth)) + stRule.Render("│") +
		stFaint.Render(pad(fmt.Sprintf(" %-14s %-10s %5s", "VM", "STATE", "GEN"), vmsWidth))
	for i := range rows {
		k := m.top[paneHosts] + i
		if m.st == nil || k >= len(m.st.Hosts) {
			if i == 0 && m.st != nil {
				hosts = append(hosts, stFaint.Render(pad(" (none)", hostsWidth)))
			} else {
				hosts = append(hosts, pad("", hostsWidth))
			}
			continue
		}
		h := m.st.Hosts[k]
		seen := "-"
		if d, ok := m.lastSeen(h); ok {
			seen = age(d)
		}
		name := pad(h.Name, 12)
		if h.Name == m.st.Host {
			name = stBold.Render(name)
		}
		line := " " + name + " " + stateStyle(h.State).Render(pad(h.State, 11)) + " " + padLeft(seen, 6) + " " +
			padLeft(fmt.Sprint(h.VMs), 3) + " " + riskStyle(h.Risk).Render(pad(h.Risk, 8))
		hosts = append(hosts, m.row(paneHosts, k, line, hostsWidth))
	}
	for i := range rows {
		k := m.top[paneVMs] + i
		if k >= len(vmList) {
			switch {
			case i == 0 && m.st != nil && m.st.Cluster == nil:
				vms = append(vms, stFaint.Render(pad(" (standalone: no VMs)", vmsWidth)))
			case i == 0 && m.st != nil:
				vms = append(vms, stFaint.Render(pad(" (none)", vmsWidth)))
			default:
				vms = append(vms, pad("", vmsWidth))
			}
			continue
		}
		v := vmList[k]
		line := " " + pad(v.Name, 14) + " " + stateStyle(v.State).Render(pad(v.State, 10)) + " " + padLeft(fmt.Sprint(v.Generation), 5)
		vms = append(vms, m.row(paneVMs, k, line, vmsWidth))
	}
	out := []string{title, head}
	for i := range rows {
		out = append(out, hosts[i]+stRule.Render("│")+vms[i])
	}
	return out
}

// lastSeen is how long ago h was last heard from, as of now: the status's
// figure plus the status's own age.
func (m *Model) lastSeen(h localapi.HostStatus) (time.Duration, bool) {
	if h.LastSeenMS == nil {
		return 0, false
	}
	return time.Duration(*h.LastSeenMS)*time.Millisecond + m.now.Sub(m.stAt), true
}

// paneTitle is a pane's title rule, marked when the pane has the focus,
// with the selected row's position.
func (m *Model) paneTitle(p pane, title string, w int) string {
	if n := m.paneLen(p); n > paneRows[p] {
		title += fmt.Sprintf(" %d/%d", m.sel[p]+1, n)
	}
	if m.focus == p {
		title = "▸ " + title
	}
	return rule(title, w)
}

// row is one table row, w wide: the selected one marked, and reversed
// when its pane has the focus.
func (m *Model) row(p pane, k int, line string, w int) string {
	if k != m.sel[p] {
		return pad(line, w)
	}
	line = ">" + strings.TrimPrefix(line, " ")
	if m.focus == p {
		return stSelected.Render(pad(ansi.Strip(line), w))
	}
	return pad(line, w)
}

// historyLines is the history: a title and paneRows rows.
func (m *Model) historyLines() []string {
	hist := m.history()
	title := fmt.Sprintf("History: failed actions and fences (%d)", len(hist))
	if m.showAll {
		title = fmt.Sprintf("History: every event (%d)", len(hist))
	}
	out := []string{m.paneTitle(paneHistory, title, Width)}
	for i := range paneRows[paneHistory] {
		k := m.top[paneHistory] + i
		if k >= len(hist) {
			if i == 0 {
				empty := " (no failed action or fence; f: every event)"
				switch {
				case len(m.events) == 0:
					empty = " (audit log not read yet)"
				case m.showAll:
					empty = " (none)"
				}
				out = append(out, stFaint.Render(empty))
			} else {
				out = append(out, "")
			}
			continue
		}
		ev := hist[k]
		subject := ev.Host
		if ev.VM != "" {
			subject = ev.VM
		}
		st := lipgloss.NewStyle()
		switch {
		case isFailure(ev):
			st = stBad
		case isFence(ev):
			st = stWarn
		}
		line := " " + m.stamp(ev.Time) + " " + st.Render(pad(ev.Kind, 15)) + " " + pad(subject, 10) + " " + firstLine(ev.Message)
		out = append(out, m.row(paneHistory, k, line, Width))
	}
	return out
}

// messageLine is a question, the outcome of the last key, or a hint.
func (m *Model) messageLine() string {
	switch {
	case m.ask != nil:
		q := fmt.Sprintf(" Drain %s? Its VMs move away and it takes no new ones. y: yes, other key: no", m.ask.host)
		if m.ask.verb == "readmit" {
			q = fmt.Sprintf(" Readmit %s? It takes VMs again. y: yes, other key: no", m.ask.host)
		}
		return stAsk.Render(pad(q, Width))
	case m.msg != "":
		if m.msgBad {
			return stBad.Render(" " + m.msg)
		}
		return " " + m.msg
	}
	return ""
}

// keyLine lists the keys; drain and readmit dimmed when unavailable.
func (m *Model) keyLine() string {
	k := func(key, what string) string { return stKey.Render(key) + " " + what }
	keys := []string{k("q", "quit"), k("r", "refresh"), k("tab", "pane"), k("↑↓", "move"), k("enter", "show"), k("f", "filter")}
	d, a := k("d", "drain"), k("a", "readmit")
	if m.actionBlocked() != "" {
		d, a = stFaint.Render("d drain"), stFaint.Render("a readmit")
	}
	return " " + strings.Join(append(keys, d, a), "  ")
}

// overlayLines is the overlay: its title, a page of its text, and its
// keys.
func (m *Model) overlayLines() []string {
	o := m.over
	page := Height - 2
	out := []string{stSelected.Render(pad(" "+o.title, Width))}
	for i := range page - 1 {
		if k := o.top + i; k < len(o.lines) {
			out = append(out, o.lines[k])
		} else {
			out = append(out, "")
		}
	}
	last := min(len(o.lines), o.top+page-1)
	out = append(out, " "+strings.Join([]string{stKey.Render("esc") + " back", stKey.Render("↑↓ PgUp PgDn") + " scroll", stKey.Render("q") + " quit"}, "  ")+
		stFaint.Render(fmt.Sprintf("   lines %d-%d of %d", min(o.top+1, last), last, len(o.lines))))
	return out
}

// wrap breaks text into lines of at most Width-1 columns, each prefixed
// with indent; a line's own leading blanks indent its continuations too.
func wrap(s string, indent string) []string {
	var out []string
	for _, para := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		body := strings.TrimLeft(para, " ")
		lead := indent + para[:len(para)-len(body)]
		for _, l := range strings.Split(ansi.Wrap(body, max(Width-1-ansi.StringWidth(lead), 20), " ,"), "\n") {
			out = append(out, lead+l)
		}
	}
	return out
}

// hostDetail is the overlay of one host: its state, components at risk,
// sources and every reading.
func (m *Model) hostDetail(h localapi.HostStatus) []string {
	seen := "never"
	if d, ok := m.lastSeen(h); ok {
		seen = age(d) + " ago"
	}
	out := []string{
		" state       " + h.State,
		" risk        " + h.Risk,
		fmt.Sprintf(" VMs         %d", h.VMs),
		" last seen   " + seen,
	}
	if len(h.Components) > 0 {
		out = append(out, "", stBold.Render(" Components at risk"))
		for _, c := range h.Components {
			eta := "no ETA"
			if c.ETASeconds != nil {
				eta = "ETA " + age(time.Duration(*c.ETASeconds*float64(time.Second)))
			}
			out = append(out, fmt.Sprintf(" %s (%s): %s, %s", c.Name, c.Source, c.Risk, eta))
			out = append(out, wrap(c.Reason, "   ")...)
		}
	}
	for _, s := range h.Sources {
		state := "up"
		if !s.Up {
			state = "down"
		}
		polled := "never answered"
		if s.LastPoll != nil {
			polled = "last answered " + m.clock(*s.LastPoll)
		}
		out = append(out, "", stBold.Render(fmt.Sprintf(" Source %s: %s, %s, %s", s.Name, s.Target, state, polled)))
		if s.Error != "" {
			out = append(out, wrap(s.Error, "   ")...)
		}
		for _, r := range s.Readings {
			v := "-"
			if r.Value != nil {
				v = fmt.Sprintf("%.1f %s", *r.Value, r.Unit)
			}
			line := fmt.Sprintf("   %-16s %-11s %12s  %s", r.Name, r.Kind, v, r.Status)
			if len(r.States) > 0 {
				line += " (" + strings.Join(r.States, ", ") + ")"
			}
			out = append(out, statusStyle(r.Status).Render(line))
		}
	}
	return out
}

// eventDetail is the overlay of one event: its fields and its evidence.
func (m *Model) eventDetail(ev localapi.Event) []string {
	out := []string{
		" time        " + ev.Time.In(m.opt.Location).Format("2006-01-02 15:04:05.000 MST"),
		" kind        " + ev.Kind,
		" host        " + ev.Host,
	}
	if ev.VM != "" {
		out = append(out, " vm          "+ev.VM)
	}
	out = append(out, "", stBold.Render(" Message"))
	out = append(out, wrap(ev.Message, "   ")...)
	out = append(out, "", stBold.Render(" Evidence"))
	var text struct {
		Text string `json:"text"`
	}
	var pretty bytes.Buffer
	switch {
	case len(ev.Evidence) == 0 || string(ev.Evidence) == "null" || string(ev.Evidence) == "{}":
		out = append(out, stFaint.Render("   (none)"))
	case json.Unmarshal(ev.Evidence, &text) == nil && text.Text != "":
		// Evidence recorded as text (a fence's attempts).
		out = append(out, wrap(text.Text, "   ")...)
	case json.Indent(&pretty, ev.Evidence, "   ", "  ") == nil:
		out = append(out, wrap("   "+pretty.String(), "")...)
	default:
		out = append(out, wrap(string(ev.Evidence), "   ")...)
	}
	return out
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}
