package agent

import (
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// TestDecisionsInSEL: an agent whose bmc: account has OPERATOR privilege
// writes the risk it raises for a failed fan into its BMC's SEL, where
// `ipmitool sel list` shows vigil's OEM record with the risk event's
// sequence number; its own sensor polls never read that record back (no
// "oem" component, no second risk).
func TestDecisionsInSEL(t *testing.T) {
	if _, err := exec.LookPath("ipmitool"); err != nil {
		testenv.Unavailable(t, "ipmitool not available: %v", err)
	}
	sim := ipmisim.New(t, ipmisim.Config{})
	user, pwFile := sim.User(ipmisim.Operator)
	dir := t.TempDir()
	cfg, err := config.Parse("vigil.yaml", []byte(fmt.Sprintf("version: 1\nhost: h1\nstate_dir: %s/state\nsocket: %s/vigil.sock\n"+
		"sensors: {interval: 1s}\nwatchdog: {device: none}\nbmc: {ipmi: '%s', user: %s, password_file: %s, cipher_suite: 3}\n",
		dir, dir, sim.Addr(), user, pwFile)))
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(cfg, Options{StoreOptions: store.Options{NoSync: true}})
	if err != nil {
		t.Fatal(err)
	}
	c := localapi.NewClient(cfg.Socket)
	stop := running(t, a)
	eventually(t, "the first poll", func() bool {
		st, err := c.Status(context.Background())
		return err == nil && !st.Starting
	})
	if err := sim.FailFan(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	var risk *localapi.Event
	eventually(t, "FAN1's risk", func() bool {
		risk = seen(allEvents(c), 0, KindRisk, "FAN1")
		return risk != nil
	})
	rec := regexp.MustCompile(`(?m)\| OEM record c9 \| 007ed9 \| ([0-9a-f]{12})\s*$`)
	var line, list string
	eventually(t, "vigil's record in `ipmitool sel list`", func() bool {
		admin, adminPw := sim.User(ipmisim.Admin)
		out, err := exec.Command("ipmitool", "-I", "lanplus", "-C", "3", "-H", sim.Host(), "-p", strconv.Itoa(sim.Port()),
			"-U", admin, "-f", adminPw, "sel", "list").Output()
		if err != nil {
			return false
		}
		for _, m := range rec.FindAllStringSubmatch(string(out), -1) {
			var b [6]byte
			for i := range b {
				v, _ := strconv.ParseUint(m[1][2*i:2*i+2], 16, 8)
				b[i] = byte(v)
			}
			code, err := ownlog.ParseCode(b)
			if err == nil && code.Kind == ownlog.KindRiskRaised && code.Seq == uint16(risk.Seq) &&
				code.Subject == ownlog.SubjectHash("h1", "FAN1") {
				line, list = strings.TrimSpace(m[0]), string(out)
				return true
			}
		}
		return false
	})
	t.Logf("ipmitool sel list: ... %s", line)
	t.Logf("SEL SAMPLE ipmitool sel list, after the risk event seq %d (%s):\n%s", risk.Seq, risk.Message, list)
	time.Sleep(3 * time.Second) // three more polls read the SEL with vigil's record in it
	st, err := c.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, comp := range st.Hosts[0].Components {
		if strings.Contains(strings.ToLower(comp.Name), "oem") {
			t.Errorf("vigil's own SEL record was read back as a component at risk: %+v", comp)
		}
	}
	n := 0
	for _, ev := range allEvents(c) {
		if ev.Kind == KindRisk {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d risk events, want the one for FAN1", n)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}
