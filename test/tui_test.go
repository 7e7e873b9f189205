package test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// tmuxTerm is an 80×24 terminal: a tmux server of its own, one session.
type tmuxTerm struct {
	t      *testing.T
	socket string
	// exitFile receives the command's exit status when it ends.
	exitFile string
}

// newTmux runs command (a shell line) in a new detached 80×24 tmux session
// on a server of its own, killed at cleanup.
func newTmux(t *testing.T, command string) *tmuxTerm {
	t.Helper()
	testenv.NeedsCommand(t, "tmux")
	dir := t.TempDir()
	tm := &tmuxTerm{t: t, socket: filepath.Join(dir, "tmux.sock"), exitFile: filepath.Join(dir, "exit")}
	// The session stays open after the command, so its last screen can be
	// read; its exit status goes to exitFile.
	line := fmt.Sprintf("%s; echo $? > %s; sleep 600", command, tm.exitFile)
	cmd := exec.Command("tmux", "-S", tm.socket, "-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "-s", "tui", line)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	cmd.Env = slicesWithout(cmd.Env, "TMUX=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("last screen:\n%s", tm.capture())
		}
		exec.Command("tmux", "-S", tm.socket, "kill-server").Run()
	})
	return tm
}

func slicesWithout(env []string, prefix string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, prefix) {
			out = append(out, e)
		}
	}
	return out
}

// capture is the screen as text (capture-pane -p).
func (tm *tmuxTerm) capture() string {
	out, err := exec.Command("tmux", "-S", tm.socket, "capture-pane", "-p", "-t", "tui").Output()
	if err != nil {
		return fmt.Sprintf("(capture-pane: %v)", err)
	}
	return string(out)
}

// keys types keys (tmux key names).
func (tm *tmuxTerm) keys(keys ...string) {
	tm.t.Helper()
	args := append([]string{"-S", tm.socket, "send-keys", "-t", "tui"}, keys...)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		tm.t.Fatalf("tmux send-keys %v: %v\n%s", keys, err, out)
	}
}

// waitScreen polls the screen until cond holds on it, failing after
// within; it returns the screen.
func (tm *tmuxTerm) waitScreen(what string, within time.Duration, cond func(screen string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(within)
	for {
		s := tm.capture()
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out after %v waiting for %s; screen:\n%s", within, what, s)
		}
		time.Sleep(150 * time.Millisecond)
	}
}

// exited waits for the command's exit status.
func (tm *tmuxTerm) exited(within time.Duration) (int, bool) {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		b, err := os.ReadFile(tm.exitFile)
		if err == nil && strings.HasSuffix(string(b), "\n") {
			var code int
			fmt.Sscan(string(b), &code)
			return code, true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return 0, false
}

// checkFits fails unless the screen has at most 24 lines of at most 80
// columns.
func checkFits(t *testing.T, screen string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(lines) > 24 {
		t.Errorf("screen has %d lines, want at most 24", len(lines))
	}
	for i, l := range lines {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("screen line %d has %d columns: %q", i+1, n, l)
		}
	}
}

// lineWith is the screen's first line that starts (after blanks) with
// prefix, or "".
func lineWith(screen, prefix string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), prefix) {
			return l
		}
	}
	return ""
}

// tableRow is the screen's first table row (selected or not) whose first
// column is name, or "".
func tableRow(screen, name string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " >"), name+"  ") {
			return l
		}
	}
	return ""
}

// riskRow is a risk event of lab1 in the history.
var riskRow = regexp.MustCompile(`(?m)^[ >]\d\d:\d\d:\d\d risk +lab1 `)

// TestTUI runs the real `vigil tui` in an 80×24 tmux against the real
// `vigil agent`, standalone on a real ipmi_sim: the screen shows the host
// and its BMC up, a failed fan's reading and risk once injected, and q
// quits with exit 0. A second screen sees the daemon stop answering
// (SIGSTOP: requests time out; SIGKILL: nothing on the socket), says so
// with the time, keeps taking keys, recovers when the daemon answers
// again, reads the BMC itself once the daemon is gone (a second fan's
// failure shows), and quits at once. Started with no daemon, it shows the
// BMC read directly; with neither daemon nor config it says so in one line
// and exits 1.
func TestTUI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds vigil and runs ipmi_sim and tmux")
	}
	testenv.NeedsCommand(t, "tmux")
	sim := ipmisim.New(t, ipmisim.Config{})
	user, pwFile := sim.User(ipmisim.User)
	bin := buildVigil(t)
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "vigil.yaml")
	cfg := fmt.Sprintf(`version: 1
host: lab1
state_dir: %[1]s/state
socket: %[1]s/run/vigil.sock
bmc:
  ipmi: %[2]s
  user: %[3]s
  password_file: %[4]s
  cipher_suite: 3
  timeout: 5s
watchdog:
  device: none
sensors:
  interval: 1s
`, dir, sim.Addr(), user, pwFile)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	agent := startAgent(t, bin, cfgPath)
	var st localapi.Status
	agent.wait(t, "a first sensor round", func() bool {
		return vigilJSON(t, bin, &st, "status", "--json", "--config", cfgPath) == nil && !st.Starting
	})

	// The host, its BMC and readings.
	tm := newTmux(t, fmt.Sprintf("%s tui --config %s --timeout 2s", bin, cfgPath))
	screen := tm.waitScreen("lab1 with its BMC up", 60*time.Second, func(s string) bool {
		return strings.Contains(lineWith(s, "lab1 ·"), "standalone") && strings.Contains(lineWith(s, "BMC"), "ipmi "+sim.Addr()+" up") &&
			strings.Contains(lineWith(s, "Fans"), "FAN1")
	})
	checkFits(t, screen)
	if l := lineWith(screen, "Risk"); !strings.Contains(l, "none") {
		t.Errorf("risk before the fault: %q, want none", l)
	}
	if l := lineWith(screen, "BMC"); !strings.Contains(l, "Watchdog none") {
		t.Errorf("BMC line %q, want watchdog none", l)
	}
	t.Logf("screen before the fault:\n%s", screen)

	// A fan fails.
	faultAt := time.Now()
	if err := sim.FailFan(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	screen = tm.waitScreen("FAN1's failure and risk", 60*time.Second, func(s string) bool {
		risk := lineWith(s, "Risk")
		return strings.Contains(lineWith(s, "Fans"), "FAN1 0 rpm!") && strings.Contains(risk, "FAN1 (bmc)") && !strings.Contains(risk, "none") &&
			strings.Contains(s, "This host lab1: degraded")
	})
	checkFits(t, screen)
	t.Logf("fan failure on screen %v after injection:\n%s", time.Since(faultAt).Round(time.Millisecond), screen)
	// Its risk event, among every event.
	tm.keys("f")
	tm.waitScreen("the risk event in the history", 30*time.Second, func(s string) bool {
		return strings.Contains(s, "History: every event") && riskRow.MatchString(s)
	})
	// Its evidence.
	tm.keys("Tab", "Tab", "Enter")
	tm.waitScreen("an event's evidence", 30*time.Second, func(s string) bool {
		return strings.Contains(s, "Evidence") && strings.Contains(s, "esc back")
	})
	tm.keys("Escape")
	tm.waitScreen("the main screen again", 30*time.Second, func(s string) bool { return strings.Contains(s, "History: every event") })

	// Drain is refused on a standalone host, with the reason.
	tm.keys("d")
	tm.waitScreen("drain refused", 10*time.Second, func(s string) bool {
		return strings.Contains(s, "drain unavailable: standalone host")
	})

	quitAt := time.Now()
	tm.keys("q")
	code, ok := tm.exited(10 * time.Second)
	if !ok || code != 0 {
		t.Fatalf("vigil tui after q: exited %v with %d, want 0 within 10 s", ok, code)
	}
	t.Logf("q quit in %v", time.Since(quitAt).Round(time.Millisecond))

	// A daemon that stops answering, then answers again.
	tm = newTmux(t, fmt.Sprintf("%s tui --config %s --timeout 2s", bin, cfgPath))
	tm.waitScreen("lab1", 60*time.Second, func(s string) bool { return strings.Contains(lineWith(s, "lab1 ·"), "standalone") })
	if err := agent.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	stoppedAt := time.Now()
	screen = tm.waitScreen("not answering (daemon stopped)", 30*time.Second, func(s string) bool {
		return strings.Contains(s, "daemon not answering since") && strings.Contains(s, "no answer within 2s")
	})
	checkFits(t, screen)
	t.Logf("SIGSTOP seen in %v:\n%s", time.Since(stoppedAt).Round(time.Millisecond), screen)
	// Keys still work.
	tm.keys("f")
	tm.waitScreen("the filter toggled while the daemon hangs", 10*time.Second, func(s string) bool {
		return strings.Contains(s, "History: every event")
	})
	if err := agent.cmd.Process.Signal(syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	tm.waitScreen("the daemon answering again", 30*time.Second, func(s string) bool {
		return !strings.Contains(s, "not answering") && strings.Contains(lineWith(s, "lab1 ·"), "standalone")
	})

	// Killed: nothing on the socket any more.
	if err := agent.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-agent.exited
	killedAt := time.Now()
	screen = tm.waitScreen("not answering (daemon killed)", 30*time.Second, func(s string) bool {
		return strings.Contains(s, "daemon not answering since") && strings.Contains(s, "no vigil daemon answers")
	})
	checkFits(t, screen)
	t.Logf("SIGKILL seen in %v:\n%s", time.Since(killedAt).Round(time.Millisecond), screen)
	// The screen reads the BMC itself now: a second fan failing shows.
	screen = tm.waitScreen("the BMC read directly", 30*time.Second, func(s string) bool {
		return strings.Contains(s, "(daemon down: BMC read directly)") && strings.Contains(lineWith(s, "BMC"), "up (read directly")
	})
	if l := lineWith(screen, "Fans"); !strings.Contains(l, "FAN1 0 rpm!") {
		t.Errorf("Fans line %q, want FAN1 still failed", l)
	}
	if err := sim.FailFan(context.Background(), 2); err != nil {
		t.Fatal(err)
	}
	screen = tm.waitScreen("FAN2's failure read directly", 30*time.Second, func(s string) bool {
		return strings.Contains(lineWith(s, "Fans"), "FAN2 0 rpm!")
	})
	checkFits(t, screen)
	t.Logf("daemon killed, the BMC read directly:\n%s", screen)
	tm.keys("f")
	tm.waitScreen("the filter toggled with the daemon gone", 10*time.Second, func(s string) bool {
		return strings.Contains(s, "History: failed actions and fences")
	})
	quitAt = time.Now()
	tm.keys("q")
	if code, ok := tm.exited(10 * time.Second); !ok || code != 0 {
		t.Fatalf("vigil tui after q with the daemon gone: exited %v with %d, want 0 within 10 s", ok, code)
	}
	t.Logf("q quit with the daemon gone in %v", time.Since(quitAt).Round(time.Millisecond))

	// No daemon at the start: with the config, the BMC read directly.
	tm = newTmux(t, fmt.Sprintf("%s tui --config %s", bin, cfgPath))
	screen = tm.waitScreen("a start without a daemon", 30*time.Second, func(s string) bool {
		return strings.Contains(s, "lab1 · no status from the daemon yet") && strings.Contains(s, "daemon not answering since") &&
			strings.Contains(lineWith(s, "Fans"), "FAN2 0 rpm!")
	})
	checkFits(t, screen)
	tm.keys("q")
	if code, ok := tm.exited(10 * time.Second); !ok || code != 0 {
		t.Fatalf("vigil tui started without a daemon, after q: exited %v with %d, want 0", ok, code)
	}
	// Without a config, nothing to show: one line, exit 1.
	if _, err := os.Stat("/etc/vigil/vigil.yaml"); err == nil {
		t.Log("not checking vigil tui with neither daemon nor config: this machine has /etc/vigil/vigil.yaml")
		return
	}
	tm = newTmux(t, fmt.Sprintf("%s tui --socket %s", bin, filepath.Join(dir, "run", "vigil.sock")))
	code, ok = tm.exited(30 * time.Second)
	screen = tm.capture()
	if !ok || code != 1 || !strings.Contains(screen, "vigil tui: no vigil daemon answers") {
		t.Errorf("vigil tui without a daemon or config: exited %v with %d, want 1 and one line; screen:\n%s", ok, code, screen)
	}
}

// TestTUICluster runs `vigil tui` in an 80×24 tmux against the leader of a
// lab cluster of real agents (three hosts, ipmi_sim BMCs, three guests):
// the header names the cluster, the leader and quorum; the hosts table
// lists the three hosts healthy, and the VMs this host runs are listed.
// After a follower's power cut the table shows it fenced and the history
// its fence, on the leader from its events, on the other follower from
// its copies of them (or the cluster's fence records).
func TestTUICluster(t *testing.T) {
	testenv.NeedsCommand(t, "tmux")
	c := startClusterLab(t, 3)
	where := c.createGuests(3)
	st, err := c.status(c.lab.Hosts[0].Name)
	if err != nil || st.Leader == nil {
		t.Fatalf("status: %+v, %v", st, err)
	}
	leader := *st.Leader
	var mine []string
	for vm, h := range where {
		if h == leader {
			mine = append(mine, vm)
		}
	}
	tm := newTmux(t, fmt.Sprintf("%s tui --config %s --timeout 2s", c.bin, c.cfgs[leader]))
	screen := tm.waitScreen("the cluster, its leader and hosts", 60*time.Second, func(s string) bool {
		head := lineWith(s, leader+" ·")
		if !strings.Contains(head, "cluster lab") || !strings.Contains(head, "leader "+leader) || !strings.Contains(head, "quorum yes") {
			return false
		}
		for _, h := range c.lab.Hosts {
			if !strings.Contains(tableRow(s, h.Name), "healthy") {
				return false
			}
		}
		for _, vm := range mine {
			if !strings.Contains(s, vm) {
				return false
			}
		}
		return true
	})
	checkFits(t, screen)
	t.Logf("TUI SAMPLE %s, the leader, with its cluster healthy:\n%s", leader, screen)

	victim := c.victim(false)
	c.cutPower(victim)
	screen = tm.waitScreen(victim.Name+" fenced, with its fence in the history", 60*time.Second, func(s string) bool {
		return strings.Contains(tableRow(s, victim.Name), "fenced") && regexp.MustCompile(`(?m)^[ >]\d\d:\d\d:\d\d fence\S* +`+regexp.QuoteMeta(victim.Name)).MatchString(s)
	})
	checkFits(t, screen)
	t.Logf("TUI SAMPLE %s, the leader, after %s's power cut:\n%s", leader, victim.Name, screen)
	tm.keys("q")
	if code, ok := tm.exited(10 * time.Second); !ok || code != 0 {
		t.Fatalf("vigil tui after q: exited %v with %d, want 0", ok, code)
	}

	// A follower's audit log holds copies of the leader's fence events
	// (until they arrive, its screen lists the fence from the cluster's
	// records).
	follower := ""
	for _, h := range c.lab.Hosts {
		if h != victim && h.Name != leader {
			follower = h.Name
		}
	}
	tm = newTmux(t, fmt.Sprintf("%s tui --config %s --timeout 2s", c.bin, c.cfgs[follower]))
	screen = tm.waitScreen("the fence on the follower "+follower, 60*time.Second, func(s string) bool {
		return strings.Contains(lineWith(s, follower+" ·"), "leader "+leader) && strings.Contains(tableRow(s, victim.Name), "fenced") &&
			regexp.MustCompile(`(?m)^[ >]\d\d:\d\d:\d\d fence-confirmed +`+regexp.QuoteMeta(victim.Name)+` +fence \d+( by `+regexp.QuoteMeta(leader)+`|:)`).MatchString(s)
	})
	checkFits(t, screen)
	t.Logf("TUI SAMPLE %s, a follower, after %s's power cut:\n%s", follower, victim.Name, screen)
	tm.keys("q")
	if code, ok := tm.exited(10 * time.Second); !ok || code != 0 {
		t.Fatalf("vigil tui on the follower after q: exited %v with %d, want 0", ok, code)
	}
}
