package test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
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

// buildRelease builds bin/vigil as `make build` does (image/workspace.sh's
// workspace, CGO_ENABLED=0, -trimpath, -ldflags '-s -w') into dir.
func buildRelease(tb testing.TB, dir string) string {
	tb.Helper()
	ws := filepath.Join(dir, "work")
	if out, err := exec.Command("bash", "../image/workspace.sh", ws).CombinedOutput(); err != nil {
		tb.Fatalf("image/workspace.sh: %v\n%s", err, out)
	}
	bin := filepath.Join(dir, "vigil")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, "./cmd/vigil")
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "GOWORK="+filepath.Join(ws, "go.work"), "GOFLAGS=", "CGO_ENABLED=0")
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

// BenchmarkAgentFootprint measures the release agent (built as `make
// build` does) idle on its host: standalone, polling a real ipmi_sim BMC
// and the kernel every 10 s, watched for a minute (VIGIL_FOOTPRINT_SECONDS)
// from /proc after a settling poll: its resident set (max-rss-MiB, the
// most seen at one-second samples; goal 40 MiB) and CPU (cpu-%-of-core,
// user plus system time over the window; goal under 1 %), and the
// binary's size (binary-MiB). ipmi_sim, the BMC it polls, is measured
// beside it over the same window as a reference for what an idle daemon
// of this kind costs on this machine.
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
	if out, err := exec.Command("file", bin).Output(); err == nil {
		b.Logf("%s", bytes.TrimSpace(out))
	}
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
	for range b.N {
		agent := exec.Command(bin, "agent", "--config", cfgPath)
		logf, err := os.Create(filepath.Join(dir, "agent.log"))
		if err != nil {
			b.Fatal(err)
		}
		agent.Stdout, agent.Stderr = logf, logf
		if err := agent.Start(); err != nil {
			b.Fatal(err)
		}
		stop := func() {
			agent.Process.Kill()
			agent.Wait()
			logf.Close()
		}
		// Settled: a first sensor round answered, then one more poll.
		deadline := time.Now().Add(60 * time.Second)
		for {
			var st localapi.Status
			out, err := exec.Command(bin, "status", "--json", "--config", cfgPath).Output()
			if err == nil && json.Unmarshal(out, &st) == nil && !st.Starting && len(st.Hosts) == 1 && len(st.Hosts[0].Sources) > 0 && st.Hosts[0].Sources[0].Up {
				break
			}
			if time.Now().After(deadline) {
				stop()
				log, _ := os.ReadFile(logf.Name())
				b.Fatalf("agent: no sensor round within 60 s\n%s", log)
			}
			time.Sleep(200 * time.Millisecond)
		}
		time.Sleep(11 * time.Second)
		window := footprintWindow()
		pids := map[string]int{"vigil agent": agent.Process.Pid, "ipmi_sim (reference)": sim.PID()}
		first, maxRSS := map[string]procSample{}, map[string]int64{}
		for name, pid := range pids {
			s, err := sampleProc(pid)
			if err != nil {
				stop()
				b.Fatalf("%s: %v", name, err)
			}
			first[name], maxRSS[name] = s, s.rss
		}
		start := time.Now()
		last := map[string]procSample{}
		for time.Since(start) < window {
			time.Sleep(time.Second)
			for name, pid := range pids {
				s, err := sampleProc(pid)
				if err != nil {
					stop()
					b.Fatalf("%s: %v", name, err)
				}
				last[name], maxRSS[name] = s, max(maxRSS[name], s.rss)
			}
		}
		elapsed := time.Since(start)
		stop()
		for _, name := range []string{"vigil agent", "ipmi_sim (reference)"} {
			cpu := float64(last[name].cpu-first[name].cpu) / float64(elapsed) * 100
			mib := float64(maxRSS[name]) / (1 << 20)
			b.Logf("%s: max RSS %.1f MiB, CPU %.3f %% of a core over %v (%v of CPU time)", name, mib, cpu, elapsed.Round(time.Second), last[name].cpu-first[name].cpu)
			if name == "vigil agent" {
				b.ReportMetric(mib, "max-rss-MiB")
				b.ReportMetric(cpu, "cpu-%-of-core")
			} else {
				b.ReportMetric(mib, "ref-ipmi_sim-rss-MiB")
				b.ReportMetric(cpu, "ref-ipmi_sim-cpu-%")
			}
		}
	}
	b.ReportMetric(float64(fi.Size())/(1<<20), "binary-MiB")
	b.ReportMetric(0, "ns/op") // the window's length is not a figure
	b.Logf("release binary (make build's flags): %d bytes (%.1f MiB)", fi.Size(), float64(fi.Size())/(1<<20))
}
