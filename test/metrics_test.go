package test

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil/promlint"

	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// freePort returns a loopback TCP port nothing listens on right now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// volatileFamilies are served, but their values change from run to run:
// the golden file keeps their lines with the value replaced.
var volatileFamilies = []string{"vigil_bmc_poll_duration_seconds", "vigil_sensor_source_last_answer_timestamp_seconds"}

// runtimeFamily matches the Go and process collectors' families and
// promhttp's own, left out of the golden file whole.
var runtimeFamily = regexp.MustCompile(`^(# (HELP|TYPE) )?(go|process|promhttp)_`)

// normalizeMetrics drops the runtime families and blanks volatile values.
func normalizeMetrics(body string) string {
	var out strings.Builder
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		line := sc.Text()
		if runtimeFamily.MatchString(line) {
			continue
		}
		for _, f := range volatileFamilies {
			if strings.HasPrefix(line, f+" ") || strings.HasPrefix(line, f+"{") {
				line = line[:strings.LastIndexByte(line, ' ')] + " VOLATILE"
			}
		}
		out.WriteString(line + "\n")
	}
	return out.String()
}

// TestMetricsGolden runs the real `vigil agent` against a real ipmi_sim
// BMC, with the kernel read from a fixed sysfs and procfs tree, and
// compares its /metrics with testdata/metrics.golden (Go and process
// families left out, durations and timestamps blanked). go test ./test
// -run TestMetricsGolden -update rewrites the file.
func TestMetricsGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("builds vigil and runs ipmi_sim")
	}
	sim := ipmisim.New(t, ipmisim.Config{})
	// OPERATOR: the agent also writes its decisions to the BMC's SEL
	// (alert/bmclog), so the alert sink's counters show deliveries.
	user, pwFile := sim.User(ipmisim.Operator)
	bin := buildVigil(t)
	dir := t.TempDir()
	fixture, err := filepath.Abs("../sensors/host/testdata/fixture")
	if err != nil {
		t.Fatal(err)
	}
	listen := fmt.Sprintf("127.0.0.1:%d", freePort(t))
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
  sysfs: %[5]s/sys
  procfs: %[5]s/proc
metrics:
  listen: %[6]s
`, dir, sim.Addr(), user, pwFile, fixture, listen)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "config", "check", "--config", cfgPath).CombinedOutput(); err != nil {
		t.Fatalf("vigil config check: %v\n%s", err, out)
	}
	agent := startAgent(t, bin, cfgPath)
	client := &http.Client{Timeout: 30 * time.Second}
	// Three rounds in which both sources answered: the predictor's
	// warm-up is behind, so the risks are those of a steady host.
	var body string
	rounds := map[string]bool{}
	lastAnswer := regexp.MustCompile(`(?m)^vigil_sensor_source_last_answer_timestamp_seconds\{source="bmc"\} (.*)$`)
	agent.wait(t, "three rounds with both sources up in /metrics", func() bool {
		resp, err := client.Get("http://" + listen + "/metrics")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		body = string(b)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `vigil_bmc_up{source="ipmi"} 1`) ||
			!strings.Contains(body, `vigil_sensor_source_up{source="kernel"} 1`) {
			return false
		}
		if m := lastAnswer.FindStringSubmatch(body); m != nil {
			rounds[m[1]] = true
		}
		return len(rounds) >= 3
	})
	for _, want := range []string{"go_goroutines ", "process_resident_memory_bytes "} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks the runtime collectors' %q", want)
		}
	}
	got := normalizeMetrics(body)
	golden := filepath.Join("testdata", "metrics.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", golden)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("/metrics differs from %s (rerun with -update if the change is meant):\n%s", golden, lineDiff(string(want), got))
	}
	agent.stop(t)
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	w, g := count(want), count(got)
	var out strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if g[l] == 0 {
			out.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if w[l] == 0 {
			out.WriteString("+ " + l + "\n")
		}
	}
	return out.String()
}

// scrapeSamples fetches url and returns its text and every sample by its
// name and labels as written ("vigil_vms{state=\"running\"}").
func scrapeSamples(url string) (string, map[string]float64, error) {
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return "", nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		return "", nil, fmt.Errorf("GET %s: %s %v", url, resp.Status, err)
	}
	out := map[string]float64{}
	for line := range strings.SplitSeq(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	return string(b), out, nil
}

// vigilLines keeps the vigil_* lines of a scrape, and the few Go and
// process lines named.
func vigilLines(body string, keep ...string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(body, "\n") {
		ok := strings.Contains(line, "vigil_")
		for _, k := range keep {
			ok = ok || strings.HasPrefix(line, k+" ") || strings.HasPrefix(line, "# HELP "+k+" ") || strings.HasPrefix(line, "# TYPE "+k+" ")
		}
		if ok {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// TestClusterMetrics: the /metrics of real clustered agents (three lab
// hosts, ipmi_sim BMCs, three guests) shows the cluster as it is: on
// every agent three healthy hosts, quorum, a lease, the three VMs
// running, and exactly one leader, the one `vigil status` names. A live
// migration counts on its source with its downtime; after a follower's
// power cut the leader counts its confirmed IPMI fence and the recovery
// of its VMs, and every survivor shows it fenced. The scrape passes
// promlint.
func TestClusterMetrics(t *testing.T) {
	c := startClusterLabWith(t, 3, agents.Options{Metrics: true})
	where := c.createGuests(3)
	scrape := func(a *agents.Agent) (string, map[string]float64) {
		body, s, err := scrapeSamples(a.MetricsURL)
		if err != nil {
			t.Fatalf("%s: %v", a.Host.Name, err)
		}
		return body, s
	}
	leaderName := func() string {
		st, err := c.status(c.lab.Hosts[0].Name)
		if err != nil || st.Leader == nil {
			t.Fatalf("status: %v", err)
		}
		return *st.Leader
	}
	byName := map[string]*agents.Agent{}
	for _, a := range c.ag.Agents {
		byName[a.Host.Name] = a
	}
	// Every host is known healthy to every agent at once; the VMs'
	// reports reach the leader with the next renewals.
	c.waitFor("every agent's /metrics to show the cluster", 30*time.Second, func() bool {
		leaders := 0.0
		for _, a := range c.ag.Agents {
			_, s, err := scrapeSamples(a.MetricsURL)
			if err != nil || s[`vigil_cluster_hosts{state="healthy"}`] != 3 || s["vigil_cluster_quorum"] != 1 ||
				s["vigil_lease_remaining_seconds"] <= 0 || s[`vigil_vms{state="running"}`] != 3 {
				return false
			}
			leaders += s["vigil_cluster_leader"]
		}
		return leaders == 1
	})
	leader := leaderName()
	body, s := scrape(byName[leader])
	if s["vigil_cluster_leader"] != 1 {
		t.Errorf("%s leads (status) but its vigil_cluster_leader is %v", leader, s["vigil_cluster_leader"])
	}
	if lease, ttl := s["vigil_lease_remaining_seconds"], 4.0; lease > ttl {
		t.Errorf("vigil_lease_remaining_seconds %v beyond the lab's TTL %v", lease, ttl)
	}
	problems, err := promlint.New(strings.NewReader(body)).Lint()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("promlint of %s's /metrics: %s: %s", leader, p.Metric, p.Text)
	}

	// A live migration, counted by its source.
	src := where["vm1"]
	dst := ""
	for _, h := range c.lab.Hosts {
		if h.Name != src {
			dst = h.Name
		}
	}
	c.waitFor("the migration ordered", 30*time.Second, func() bool {
		_, err := c.run("vm", "migrate", "vm1", "--to", dst, "--socket", c.socks[src])
		if err != nil && !strings.Contains(err.Error(), "does not report it running") {
			t.Fatal(err)
		}
		return err == nil
	})
	c.waitFor("vm1's migration counted on "+src, 120*time.Second, func() bool {
		_, s := scrape(byName[src])
		return s[`vigil_migrations_total{result="completed"}`] == 1 && s["vigil_migration_downtime_seconds_count"] == 1
	})
	c.waitFor("vm1 on "+dst+" alone", 60*time.Second, func() bool {
		hosts := c.lab.VMHosts("vm1")
		return len(hosts) == 1 && hosts[0].Name == dst
	})

	// A follower's power cut: the leader fences and recovers.
	victim := c.victim(false)
	c.cutPower(victim)
	leader = leaderName()
	c.waitFor("the fence and the recovery counted on the leader "+leader, 60*time.Second, func() bool {
		_, s := scrape(byName[leader])
		return s[`vigil_fences_total{driver="ipmi",result="confirmed"}`] >= 1 && s["vigil_recovery_seconds_count"] == 1 &&
			s[`vigil_vms{state="running"}`] == 3
	})
	body, s = scrape(byName[leader])
	if sum := s["vigil_recovery_seconds_sum"]; sum <= 0 || sum > 60 {
		t.Errorf("vigil_recovery_seconds_sum %v, want the recovery's seconds (0, 60]", sum)
	}
	for _, a := range c.ag.Agents {
		if a.Host == victim {
			continue
		}
		c.waitFor(a.Host.Name+"'s /metrics to show "+victim.Name+" fenced", 30*time.Second, func() bool {
			_, s := scrape(a)
			return s[`vigil_cluster_hosts{state="fenced"}`] == 1 && s[`vigil_cluster_hosts{state="healthy"}`] == 2 && s["vigil_cluster_quorum"] == 1
		})
	}
	t.Logf("METRICS SAMPLE %s (leader, after a migration and %s's power cut):\n%s", leader, victim.Name,
		vigilLines(body, "go_goroutines", "go_memstats_heap_alloc_bytes", "process_resident_memory_bytes", "process_open_fds"))
}
