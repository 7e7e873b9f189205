package test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// buildVigil builds cmd/vigil into a temporary directory.
func buildVigil(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "vigil")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/vigil")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/vigil: %v\n%s", err, out)
	}
	return bin
}

// vigilJSON runs `vigil ARGS...` and decodes its stdout into v.
func vigilJSON(t *testing.T, bin string, v any, args ...string) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("vigil %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return json.Unmarshal(stdout.Bytes(), v)
}

// bmcCase is one kind of BMC the standalone agent is tested against.
type bmcCase struct {
	name string
	// yaml is the config's bmc: section, indented.
	yaml string
	// failFan kills the BMC's FAN1.
	failFan func() error
	// cursor names the log cursor the agent must keep in its store.
	cursor string
}

// TestAgentStandaloneIPMI runs the real `vigil agent` binary against a real
// ipmi_sim BMC: a fan fails, `vigil status --json` shows the host's risk
// with the fan, `vigil events` (listed, and followed as it happens) shows
// the risk event, and SIGTERM stops the agent with exit 0, its socket
// removed and its store consistent, SEL cursor included.
func TestAgentStandaloneIPMI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds vigil and runs ipmi_sim")
	}
	sim := ipmisim.New(t, ipmisim.Config{})
	user, pwFile := sim.User(ipmisim.User)
	runStandalone(t, bmcCase{
		name:    "ipmi",
		yaml:    fmt.Sprintf("  ipmi: %s\n  user: %s\n  password_file: %s\n  cipher_suite: 3\n", sim.Addr(), user, pwFile),
		failFan: func() error { return sim.FailFan(context.Background(), 1) },
		cursor:  "ipmi:" + sim.Addr() + "/sel",
	})
}

// TestAgentStandaloneRedfish is the same against redfishsim over HTTPS,
// the BMC's certificate checked against its CA (bmc.ca_file).
func TestAgentStandaloneRedfish(t *testing.T) {
	if testing.Short() {
		t.Skip("builds vigil")
	}
	sim, err := redfishsim.New(redfishsim.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	user, _ := sim.Credentials()
	pwFile, err := sim.WritePasswordFile()
	if err != nil {
		t.Fatal(err)
	}
	caFile, err := sim.CAFile()
	if err != nil {
		t.Fatal(err)
	}
	runStandalone(t, bmcCase{
		name:    "redfish",
		yaml:    fmt.Sprintf("  redfish: %s\n  user: %s\n  password_file: %s\n  ca_file: %s\n", sim.URL(), user, pwFile, caFile),
		failFan: func() error { return sim.FailFan("FAN1") },
		cursor:  "redfish:" + sim.URL() + sim.SELPath(),
	})
}

func runStandalone(t *testing.T, bc bmcCase) {
	bin := buildVigil(t)
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "vigil.yaml")
	cfg := fmt.Sprintf(`version: 1
host: lab1
state_dir: %[1]s/state
socket: %[1]s/run/vigil.sock
bmc:
%[2]s  timeout: 5s
watchdog:
  device: none
sensors:
  interval: 1s
log:
  level: debug
`, dir, bc.yaml)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "config", "check", "--config", cfgPath).CombinedOutput(); err != nil {
		t.Fatalf("vigil config check: %v\n%s", err, out)
	}

	agent := startAgent(t, bin, cfgPath)
	wait := func(what string, cond func() bool) { t.Helper(); agent.wait(t, what, cond) }

	var st localapi.Status
	wait("a first sensor round in status", func() bool {
		return vigilJSON(t, bin, &st, "status", "--json", "--config", cfgPath) == nil && !st.Starting
	})
	if st.Mode != "standalone" || st.Cluster != nil || len(st.Hosts) != 1 || st.Hosts[0].Risk != "none" {
		t.Fatalf("status before the fault = %+v, want standalone lab1 at risk none", st)
	}
	if src := st.Hosts[0].Sources; len(src) != 2 || !src[0].Up || src[0].Name != "bmc" {
		t.Fatalf("sources = %+v, want the BMC up and the kernel", src)
	}

	// Follow the event stream as the fault happens.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	follow := exec.CommandContext(ctx, bin, "events", "--follow", "--json", "--config", cfgPath)
	stream, err := follow.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := follow.Start(); err != nil {
		t.Fatal(err)
	}
	defer follow.Wait()
	followed := make(chan localapi.Event, 64)
	go func() {
		sc := bufio.NewScanner(stream)
		for sc.Scan() {
			var ev localapi.Event
			if json.Unmarshal(sc.Bytes(), &ev) == nil {
				followed <- ev
			}
		}
		close(followed)
	}()

	faultAt := time.Now()
	if err := bc.failFan(); err != nil {
		t.Fatal(err)
	}
	wait("FAN1 at risk in status", func() bool {
		if vigilJSON(t, bin, &st, "status", "--json", "--config", cfgPath) != nil || len(st.Hosts) != 1 {
			return false
		}
		return slices.ContainsFunc(st.Hosts[0].Components, isFan1)
	})
	h := st.Hosts[0]
	if h.Risk == "none" || h.State != "degraded" {
		t.Errorf("host with a dead fan: %+v, want degraded with a risk", h)
	}
	t.Logf("fan failure seen in status %v after injection: risk %s, state %s", time.Since(faultAt).Round(time.Millisecond), h.Risk, h.State)

	human, err := exec.Command(bin, "status", "--config", cfgPath).Output()
	if err != nil || !strings.Contains(string(human), "lab1: standalone") || !strings.Contains(string(human), "degraded") || !strings.Contains(string(human), "FAN1") {
		t.Errorf("vigil status: %v\n%s", err, human)
	}
	t.Logf("vigil status:\n%s", human)

	isFanRisk := func(ev localapi.Event) bool {
		var evd struct{ Component, Risk, Source string }
		json.Unmarshal(ev.Evidence, &evd)
		return ev.Kind == "risk" && isFan1(localapi.Component{Name: evd.Component}) && evd.Risk != "none" && evd.Source == "bmc" && ev.Host == "lab1"
	}
	var events []localapi.Event
	if err := vigilJSON(t, bin, &events, "events", "--json", "--config", cfgPath); err != nil {
		t.Fatal(err)
	}
	for _, ev := range events {
		t.Logf("event %d %s %s: %s %s", ev.Seq, ev.Kind, ev.Host, ev.Message, ev.Evidence)
	}
	if len(events) == 0 || events[0].Kind != "agent-started" || !slices.ContainsFunc(events, isFanRisk) {
		t.Errorf("vigil events --json = %+v, want agent-started and FAN1's risk", events)
	}
	timeout := time.After(30 * time.Second)
	for seen := false; !seen; {
		select {
		case ev, ok := <-followed:
			if !ok {
				t.Fatal("vigil events --follow ended before FAN1's risk")
			}
			seen = isFanRisk(ev)
		case <-timeout:
			t.Fatal("vigil events --follow did not show FAN1's risk")
		}
	}

	// SIGTERM: a clean stop.
	agent.stop(t)
	if _, err := os.Lstat(filepath.Join(dir, "run", "vigil.sock")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("socket left after SIGTERM (%v)", err)
	}
	// The follower ends too, saying no daemon answers.
	select {
	case _, ok := <-followed:
		for ok {
			_, ok = <-followed
		}
	case <-time.After(30 * time.Second):
		t.Error("vigil events --follow still running after the agent stopped")
	}
	if err := follow.Wait(); err == nil {
		t.Error("vigil events --follow exited 0 after the daemon went away, want 1")
	}

	s, err := store.Open(filepath.Join(dir, "state", "vigil.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Errorf("store after SIGTERM: %v", err)
	}
	evs, err := s.Events(0, 0)
	if err != nil || len(evs) == 0 || evs[len(evs)-1].Kind != "agent-stopped" {
		t.Errorf("audit log ends with %+v (%v), want agent-stopped", evs[len(evs)-1:], err)
	}
	cur, err := s.Cursor(bc.cursor)
	if err != nil || (cur.SEL == nil || !cur.SEL.Valid) && cur.Log == nil {
		all, _ := s.Cursors()
		t.Errorf("log cursor %s after the run = %+v, %v; want one kept in the store (have %+v)", bc.cursor, cur, err, all)
	}
	keys, _ := s.SampleKeys()
	if !slices.ContainsFunc(keys, func(k string) bool {
		return strings.HasPrefix(k, "lab1/bmc/") && strings.Contains(strings.ToUpper(k), "FAN1")
	}) {
		t.Errorf("no FAN1 history under lab1/bmc/ among %v", keys)
	}

	// A restarted agent goes on from the kept log cursors: the BMC log
	// entries it read before are not counted again, and the fan, still
	// dead, is not reported again.
	eventSamples := func(s *store.Store) map[string]int {
		out := map[string]int{}
		keys, _ := s.SampleKeys()
		for _, k := range keys {
			if strings.Contains(k, "/event/") {
				samples, _ := s.Samples(k)
				out[k] = len(samples)
			}
		}
		return out
	}
	before := eventSamples(s)
	if len(before) == 0 {
		t.Errorf("no log events recorded from the BMC (keys %v)", keys)
	}
	nEvents := len(evs)
	s.Close()
	agent = startAgent(t, bin, cfgPath)
	restarted := time.Now()
	agent.wait(t, "three sensor rounds after the restart", func() bool {
		if vigilJSON(t, bin, &st, "status", "--json", "--config", cfgPath) != nil || st.Starting {
			return false
		}
		lp := st.Hosts[0].Sources[0].LastPoll
		return lp != nil && lp.Sub(restarted) > 3*time.Second
	})
	agent.stop(t)
	s, err = store.Open(filepath.Join(dir, "state", "vigil.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if after := eventSamples(s); !maps.Equal(before, after) {
		t.Errorf("log event samples after a restart = %v, want unchanged %v", after, before)
	}
	evs, _ = s.Events(0, 0)
	var kinds []string
	for _, e := range evs[nEvents:] {
		kinds = append(kinds, e.Kind)
	}
	if !slices.Equal(kinds, []string{"agent-started", "agent-stopped"}) {
		t.Errorf("events of the restarted agent = %v, want only its start and stop", kinds)
	}

	// With the daemon gone, the clients say so in one line and exit 1.
	out, err := exec.Command(bin, "status", "--config", cfgPath).CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || strings.Count(string(out), "\n") != 1 || !strings.Contains(string(out), "no vigil daemon answers") {
		t.Errorf("vigil status without a daemon: %v, %q; want exit 1 and one line", err, out)
	}
}

// agentProc is a running `vigil agent`.
type agentProc struct {
	cmd    *exec.Cmd
	exited chan error
}

func startAgent(t *testing.T, bin, cfgPath string) *agentProc {
	t.Helper()
	logFile, err := os.CreateTemp(t.TempDir(), "agent-*.log")
	if err != nil {
		t.Fatal(err)
	}
	p := &agentProc{cmd: exec.Command(bin, "agent", "--config", cfgPath), exited: make(chan error, 1)}
	p.cmd.Stdout, p.cmd.Stderr = logFile, logFile
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.exited <- p.cmd.Wait() }()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
			<-p.exited
		}
		logFile.Close()
		if t.Failed() {
			b, _ := os.ReadFile(logFile.Name())
			t.Logf("agent log:\n%s", b)
		}
	})
	return p
}

// wait polls cond until it holds, failing when 60 s pass or the agent
// exits first.
func (p *agentProc) wait(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		select {
		case err := <-p.exited:
			p.exited <- err
			t.Fatalf("agent exited while waiting for %s: %v", what, err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// stop sends SIGTERM and expects exit 0 within 60 s.
func (p *agentProc) stop(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-p.exited:
		if err != nil {
			t.Fatalf("agent after SIGTERM: %v, want exit 0", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("agent still running 60 s after SIGTERM")
	}
}

func isFan1(c localapi.Component) bool { return strings.Contains(strings.ToUpper(c.Name), "FAN1") }
