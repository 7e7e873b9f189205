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
	"strings"
	"testing"
	"time"

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
