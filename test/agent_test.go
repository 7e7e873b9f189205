package test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
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

// TestAgentStandaloneIPMI runs the real `vigil agent` binary against a real
// ipmi_sim BMC: a fan fails, `vigil status --json` shows the host's risk
// with the fan, `vigil events` (listed, and followed as it happens) shows
// the risk event, and SIGTERM stops the agent with exit 0, its socket
// removed and its store consistent.
func TestAgentStandaloneIPMI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds vigil and runs ipmi_sim")
	}
	sim := ipmisim.New(t, ipmisim.Config{})
	bin := buildVigil(t)
	dir := t.TempDir()
	user, pwFile := sim.User(ipmisim.User)
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
log:
  level: debug
`, dir, sim.Addr(), user, pwFile)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "config", "check", "--config", cfgPath).CombinedOutput(); err != nil {
		t.Fatalf("vigil config check: %v\n%s", err, out)
	}

	logPath := filepath.Join(dir, "agent.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	agent := exec.Command(bin, "agent", "--config", cfgPath)
	agent.Stdout, agent.Stderr = logFile, logFile
	if err := agent.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- agent.Wait() }()
	t.Cleanup(func() {
		if agent.ProcessState == nil {
			agent.Process.Kill()
			<-exited
		}
		if t.Failed() {
			b, _ := os.ReadFile(logPath)
			t.Logf("agent log:\n%s", b)
		}
	})
	wait := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
			select {
			case err := <-exited:
				t.Fatalf("agent exited while waiting for %s: %v", what, err)
			case <-time.After(200 * time.Millisecond):
			}
		}
	}

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
	if err := sim.FailFan(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	wait("FAN1 at risk in status", func() bool {
		if vigilJSON(t, bin, &st, "status", "--json", "--config", cfgPath) != nil || len(st.Hosts) != 1 {
			return false
		}
		return slices.ContainsFunc(st.Hosts[0].Components, func(c localapi.Component) bool { return c.Name == ipmisim.Fan1 })
	})
	h := st.Hosts[0]
	if h.Risk == "none" || h.State != "degraded" {
		t.Errorf("host with a dead fan: %+v, want degraded with a risk", h)
	}
	t.Logf("fan failure seen in status %v after injection: risk %s, state %s", time.Since(faultAt).Round(time.Millisecond), h.Risk, h.State)

	isFanRisk := func(ev localapi.Event) bool {
		var evd struct{ Component, Risk, Source string }
		json.Unmarshal(ev.Evidence, &evd)
		return ev.Kind == "risk" && evd.Component == ipmisim.Fan1 && evd.Risk != "none" && evd.Source == "bmc" && ev.Host == "lab1"
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
	if err := agent.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("agent after SIGTERM: %v, want exit 0", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("agent still running 60 s after SIGTERM")
	}
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
	cur, err := s.Cursor("ipmi:" + sim.Addr() + "/sel")
	if err != nil || cur.SEL == nil || !cur.SEL.Valid {
		t.Errorf("SEL cursor after the run = %+v, %v; want a valid cursor kept in the store", cur, err)
	}
	keys, _ := s.SampleKeys()
	if !slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, "lab1/bmc/") && strings.Contains(k, ipmisim.Fan1) }) {
		t.Errorf("no FAN1 history under lab1/bmc/ among %v", keys)
	}

	// With the daemon gone, the clients say so in one line and exit 1.
	out, err := exec.Command(bin, "status", "--config", cfgPath).CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || strings.Count(string(out), "\n") != 1 || !strings.Contains(string(out), "no vigil daemon answers") {
		t.Errorf("vigil status without a daemon: %v, %q; want exit 1 and one line", err, out)
	}
}
