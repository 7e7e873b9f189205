package test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// footprintWindow is how long the idle agent is watched; VIGIL_FOOTPRINT_SECONDS
// overrides it.
func footprintWindow() time.Duration {
	if s, err := strconv.Atoi(os.Getenv("VIGIL_FOOTPRINT_SECONDS")); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	return 60 * time.Second
}

// profileDir is where the agents write CPU profiles of the watched window
// (VIGIL_FOOTPRINT_PROFILE_DIR); empty: none. With it the agent is built
// with the tag vigil_cpuprofile (cmd/vigil/cpuprofile.go), which starts a
// profile on SIGUSR1; the figures then include the profiler's own cost.
func profileDir() string { return os.Getenv("VIGIL_FOOTPRINT_PROFILE_DIR") }

// profileEnv is the environment that makes an agent of a vigil_cpuprofile
// build write its profile to PROFILE_DIR/name-PID.pprof.
func profileEnv(name string) []string {
	if profileDir() == "" {
		return nil
	}
	return []string{"VIGIL_CPUPROFILE=" + filepath.Join(profileDir(), name),
		fmt.Sprintf("VIGIL_CPUPROFILE_SECONDS=%d", int(footprintWindow()/time.Second))}
}

// buildRelease builds bin/vigil as `make build` does (CGO_ENABLED=0,
// -trimpath, -ldflags '-s -w') into dir, with the
// tag vigil_cpuprofile under VIGIL_FOOTPRINT_PROFILE_DIR.
func buildRelease(tb testing.TB, dir string) string {
	tb.Helper()
	bin := filepath.Join(dir, "vigil")
	args := []string{"build", "-trimpath", "-buildvcs=true", "-ldflags=-s -w", "-o", bin}
	if profileDir() != "" {
		args = append(args, "-tags", "vigil_cpuprofile")
	}
	cmd := exec.Command("go", append(args, "./cmd/vigil")...)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "GOFLAGS=", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("release build: %v\n%s", err, out)
	}
	return bin
}

// procSample is a process's CPU time so far and resident set now, from
// /proc/PID/stat and /proc/PID/status.
type procSample struct {
	cpu time.Duration
	rss int64 // bytes
}

// userHZ is the kernel's USER_HZ, the unit of /proc/PID/stat's times (100
// on every Linux architecture Go supports here).
const userHZ = 100

func sampleProc(pid int) (procSample, error) {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procSample{}, err
	}
	// The command name may hold spaces: fields count from its ')'.
	i := bytes.LastIndexByte(stat, ')')
	f := strings.Fields(string(stat[i+1:]))
	if len(f) < 13 {
		return procSample{}, fmt.Errorf("/proc/%d/stat: %d fields after the name", pid, len(f))
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64) // field 14
	stime, _ := strconv.ParseInt(f[12], 10, 64) // field 15
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return procSample{}, err
	}
	var rssKiB int64
	for _, line := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			rssKiB, _ = strconv.ParseInt(strings.Fields(line)[1], 10, 64)
		}
	}
	return procSample{cpu: time.Duration(utime+stime) * time.Second / userHZ, rss: rssKiB << 10}, nil
}

// footprint is one process's figures over a window.
type footprint struct {
	maxRSS int64
	cpu    time.Duration
	window time.Duration
}

func (f footprint) rssMiB() float64     { return float64(f.maxRSS) / (1 << 20) }
func (f footprint) cpuPercent() float64 { return float64(f.cpu) / float64(f.window) * 100 }

// watch samples the processes every second for window: the most RSS seen
// and the CPU time used. Under VIGIL_FOOTPRINT_PROFILE_DIR, the processes
// in profiled are sent SIGUSR1 first, which starts their CPU profile.
func watch(b *testing.B, pids map[string]int, window time.Duration, profiled ...string) map[string]footprint {
	b.Helper()
	if profileDir() != "" {
		for _, name := range profiled {
			if err := syscall.Kill(pids[name], syscall.SIGUSR1); err != nil {
				b.Fatalf("%s: start its CPU profile: %v", name, err)
			}
			b.Logf("%s: CPU profile in %s/*-%d.pprof", name, profileDir(), pids[name])
		}
	}
	first, last, out := map[string]procSample{}, map[string]procSample{}, map[string]footprint{}
	for name, pid := range pids {
		s, err := sampleProc(pid)
		if err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		first[name], out[name] = s, footprint{maxRSS: s.rss}
	}
	start := time.Now()
	for time.Since(start) < window {
		time.Sleep(time.Second)
		for name, pid := range pids {
			s, err := sampleProc(pid)
			if err != nil {
				b.Fatalf("%s: %v", name, err)
			}
			last[name] = s
			f := out[name]
			f.maxRSS = max(f.maxRSS, s.rss)
			out[name] = f
		}
	}
	elapsed := time.Since(start)
	for name := range pids {
		f := out[name]
		f.cpu, f.window = last[name].cpu-first[name].cpu, elapsed
		out[name] = f
		b.Logf("%s: max RSS %.1f MiB, CPU %.3f %% of a core over %v (%v of CPU time)", name, f.rssMiB(), f.cpuPercent(), elapsed.Round(time.Second), f.cpu)
	}
	return out
}

// agentPID finds the process running `vigil agent --config cfg`.
func agentPID(cfg string) int {
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		raw, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		args := strings.Split(strings.TrimRight(string(raw), "\x00"), "\x00")
		if len(args) >= 4 && filepath.Base(args[0]) == "vigil" && args[1] == "agent" && slices.Contains(args, cfg) {
			return pid
		}
	}
	return 0
}

// BenchmarkAgentFootprint measures the release agent (built as `make
// build` does) idle on its host, polling a real ipmi_sim BMC and the
// kernel every 10 s, watched for a minute (VIGIL_FOOTPRINT_SECONDS) from
// /proc after a settling poll: its resident set (max-rss-MiB, the most
// seen at one-second samples; goal 40 MiB) and CPU (cpu-%-of-core, user
// plus system time over the window; goal under 1 %), and the binary's
// size (binary-MiB):
//   - standalone: sensors, prediction and alerts only; ipmi_sim, the BMC
//     it polls, is measured beside it as a reference for an idle daemon
//     on this machine;
//   - cluster-lan, cluster-wan: three lab hosts' agents in a cluster,
//     no VMs, the leader and a follower measured, and the three agents'
//     CPU together (agents-cpu-%-of-core, which a leader change within
//     the window does not skew); lan: lease renewals
//     every second, raft heartbeats to each follower every 50-100 ms,
//     memberlist's fast gossip (detection within about a second); wan:
//     renewals every 2 s, raft at half that pace, memberlist's stock
//     gossip.
func BenchmarkAgentFootprint(b *testing.B) {
	if testing.Short() {
		b.Skip("builds vigil and runs ipmi_sim")
	}
	dir := b.TempDir()
	bin := buildRelease(b, dir)
	fi, err := os.Stat(bin)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("standalone", func(b *testing.B) {
		// Logged here: a benchmark with sub-benchmarks shows only theirs.
		if out, err := exec.Command("file", bin).Output(); err == nil {
			b.Logf("%s", bytes.TrimSpace(out))
		}
		b.Logf("release binary (make build's flags): %d bytes (%.1f MiB)", fi.Size(), float64(fi.Size())/(1<<20))
		for range b.N {
			f := standaloneFootprint(b, bin)
			b.ReportMetric(f["vigil agent"].rssMiB(), "max-rss-MiB")
			b.ReportMetric(f["vigil agent"].cpuPercent(), "cpu-%-of-core")
			b.ReportMetric(f["ipmi_sim (reference)"].rssMiB(), "ref-ipmi_sim-rss-MiB")
			b.ReportMetric(f["ipmi_sim (reference)"].cpuPercent(), "ref-ipmi_sim-cpu-%")
		}
		b.ReportMetric(float64(fi.Size())/(1<<20), "binary-MiB")
		b.ReportMetric(0, "ns/op") // the window's length is not a figure
	})
	for _, profile := range []string{"lan", "wan"} {
		b.Run("cluster-"+profile, func(b *testing.B) {
			for range b.N {
				f := clusterFootprint(b, bin, profile)
				b.ReportMetric(f["leader"].rssMiB(), "leader-max-rss-MiB")
				b.ReportMetric(f["leader"].cpuPercent(), "leader-cpu-%-of-core")
				b.ReportMetric(f["follower"].rssMiB(), "follower-max-rss-MiB")
				b.ReportMetric(f["follower"].cpuPercent(), "follower-cpu-%-of-core")
				b.ReportMetric(f["leader"].cpuPercent()+f["follower"].cpuPercent()+f["follower 2"].cpuPercent(), "agents-cpu-%-of-core")
			}
			b.ReportMetric(0, "ns/op")
		})
	}
}

func standaloneFootprint(b *testing.B, bin string) map[string]footprint {
	dir := b.TempDir()
	sim := ipmisim.New(b, ipmisim.Config{})
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
  interval: 10s
log:
  level: info
`, dir, sim.Addr(), user, pwFile)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		b.Fatal(err)
	}
	agent := exec.Command(bin, "agent", "--config", cfgPath)
	agent.Env = append(os.Environ(), profileEnv("standalone")...)
	logf, err := os.Create(filepath.Join(dir, "agent.log"))
	if err != nil {
		b.Fatal(err)
	}
	agent.Stdout, agent.Stderr = logf, logf
	if err := agent.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() {
		agent.Process.Kill()
		agent.Wait()
		logf.Close()
	}()
	// Settled: a first sensor round answered, then one more poll.
	deadline := time.Now().Add(60 * time.Second)
	for {
		var st localapi.Status
		out, err := exec.Command(bin, "status", "--json", "--config", cfgPath).Output()
		if err == nil && json.Unmarshal(out, &st) == nil && !st.Starting && len(st.Hosts) == 1 && len(st.Hosts[0].Sources) > 0 && st.Hosts[0].Sources[0].Up {
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(logf.Name())
			b.Fatalf("agent: no sensor round within 60 s\n%s", log)
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(11 * time.Second)
	return watch(b, map[string]int{"vigil agent": agent.Process.Pid, "ipmi_sim (reference)": sim.PID()}, footprintWindow(), "vigil agent")
}

func clusterFootprint(b *testing.B, bin, profile string) map[string]footprint {
	testenv.NeedsCommand(b, "qemu-system-x86_64")
	l := lab.New(b, agents.LabOptions(3, lab.IPMI, "fp"))
	ag, err := agents.Start(context.Background(), l, agents.Options{Vigil: bin, Dir: b.TempDir(), SensorsInterval: 10 * time.Second, Profile: profile, Logf: b.Logf,
		Env: profileEnv("cluster-" + profile)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ag.Close() })
	leader := ag.Leader(context.Background(), ag.Agents[0].Host.Name)
	pids := map[string]int{}
	for _, a := range ag.Agents {
		role := "follower"
		if a.Host.Name == leader {
			role = "leader"
		} else if _, ok := pids[role]; ok {
			role = "follower 2"
		}
		if pids[role] = agentPID(a.Config); pids[role] == 0 {
			b.Fatalf("no process runs vigil agent --config %s", a.Config)
		}
	}
	if len(pids) != 3 {
		b.Fatalf("leader %q: found %v, want a leader and two followers", leader, pids)
	}
	time.Sleep(11 * time.Second)
	f := watch(b, pids, footprintWindow(), "leader", "follower")
	// A leader change within the window mixes the roles' figures; the
	// three agents' sum does not depend on them.
	switch now := ag.Leader(context.Background(), ag.Agents[0].Host.Name); now {
	case leader:
	case "":
		b.Logf("%s: no leader known (or no status) at the window's end", ag.Agents[0].Host.Name)
	default:
		b.Logf("leadership moved from %s to %s within the window: the leader's and follower's figures are mixed", leader, now)
	}
	return f
}
