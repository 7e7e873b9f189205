package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// BenchmarkFenceVsFenceIPMILan times, side by side against one ipmi_sim,
// `vigil fence off` and `fence_ipmilan -o off` (both return only once the
// BMC reads the power back off), each followed by `on` for the next round.
// Both are whole processes as an operator or a cluster manager runs them:
// the real vigil binary and Debian's fence agent (which runs ipmitool), both
// at OPERATOR privilege with cipher suite 3, options for the agent on stdin.
// Reported per round, in milliseconds: vigil-off, agent-off, vigil-on,
// agent-on and agent-nowait-off (fence_ipmilan with power_wait=0, its
// fastest confirmed off). Two ratios of vigil's off to the agent's:
// off-ratio, the headline, against the agent tuned to power_wait=0 (a fair
// comparison: both then poll the BMC until it reads off), and
// off-ratio-vs-default against the agent's defaults, whose power_wait sleeps
// a fixed 2 s before its first status read, so that ratio mostly measures
// the sleep. The target is an off-ratio of at most 0.5.
func BenchmarkFenceVsFenceIPMILan(b *testing.B) {
	if _, err := exec.LookPath("fence_ipmilan"); err != nil {
		testenv.Unavailable(b, "needs fence_ipmilan (Debian fence-agents)")
	}
	sim := ipmisim.New(b, ipmisim.Config{})
	user, pwFile := sim.User(ipmisim.Operator)
	pw := readPasswordB(b, pwFile)
	bin, err := buildVigilBinary(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}

	vigil := func(verb string) time.Duration {
		start := time.Now()
		out, err := exec.Command(bin, "fence", verb, "--ipmi", sim.Addr(), "--user", user, "--password-file", pwFile, "--json").CombinedOutput()
		d := time.Since(start)
		if err != nil || !strings.Contains(string(out), `"confirmed": true`) {
			b.Fatalf("vigil fence %s: %v: %s", verb, err, out)
		}
		return d
	}
	agent := func(verb string, extra string) time.Duration {
		start := time.Now()
		cmd := exec.Command("fence_ipmilan")
		cmd.Stdin = strings.NewReader(fmt.Sprintf("ip=%s\nipport=%d\nusername=%s\npassword=%s\nlanplus=1\ncipher=3\nprivlvl=operator\naction=%s\n%s",
			sim.Host(), sim.Port(), user, pw, verb, extra))
		out, err := cmd.CombinedOutput()
		d := time.Since(start)
		if err != nil || !strings.Contains(string(out), "Success") {
			b.Fatalf("fence_ipmilan -o %s: %v: %s", verb, err, strings.ReplaceAll(string(out), pw, "****"))
		}
		return d
	}
	check := func(want bool) {
		if on, err := sim.Power(); err != nil || on != want {
			b.Fatalf("simulator power on=%v (%v), want %v", on, err, want)
		}
	}
	var vOff, aOff, vOn, aOn, tOff time.Duration
	b.ResetTimer()
	for b.Loop() {
		vOff += vigil("off")
		check(false)
		vOn += vigil("on")
		check(true)
		aOff += agent("off", "")
		check(false)
		aOn += agent("on", "")
		check(true)
		// The agent tuned: no fixed wait after the command (its default
		// power_wait sleeps 2 s before the first status read).
		tOff += agent("off", "power_wait=0\n")
		check(false)
		agent("on", "power_wait=0\n")
		check(true)
	}
	n := float64(b.N)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / n }
	b.ReportMetric(ms(vOff), "vigil-off-ms")
	b.ReportMetric(ms(aOff), "agent-off-ms")
	b.ReportMetric(ms(vOn), "vigil-on-ms")
	b.ReportMetric(ms(aOn), "agent-on-ms")
	b.ReportMetric(ms(tOff), "agent-nowait-off-ms")
	b.ReportMetric(float64(vOff)/float64(tOff), "off-ratio")
	b.ReportMetric(float64(vOff)/float64(aOff), "off-ratio-vs-default")
}

func readPasswordB(b *testing.B, file string) string {
	raw, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	return strings.TrimSpace(string(raw))
}
