package test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
	"github.com/vigil-ha/vigil/test/lab/rsyslogd"
)

// TestAgentSyslogTLS runs the real `vigil agent` on a real ipmi_sim BMC
// with syslog: to Debian's rsyslogd over TLS (RFC 5425, the receiver's
// certificate checked against syslog.ca_file), rsyslogd in a lab host's
// network namespace. A fan fails; rsyslog parses the risk event as RFC
// 5424 with the audit log's seq, the host and the evidence as structured
// data.
func TestAgentSyslogTLS(t *testing.T) {
	if testing.Short() {
		t.Skip("builds vigil, runs ipmi_sim, a lab and rsyslogd")
	}
	if err := rsyslogd.Available(); err != nil {
		testenv.Unavailable(t, "%v", err)
	}
	l := lab.New(t, lab.Options{Hosts: 1, Name: "slog"})
	h := l.Hosts[0]
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	rs, err := rsyslogd.Start(ctx, rsyslogd.Config{Dir: t.TempDir(), Addr: h.MgmtIP, UDPPort: 514, TCPPort: 601, TLSPort: 6514, Command: h.Command})
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()

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
syslog:
  address: tls://%[5]s
  facility: local2
  ca_file: %[6]s
`, dir, sim.Addr(), user, pwFile, rs.TLS, rs.CAFile)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "config", "check", "--config", cfgPath).CombinedOutput(); err != nil {
		t.Fatalf("vigil config check: %v\n%s", err, out)
	}
	agent := startAgent(t, bin, cfgPath)
	fromVigil := func(kind string) []rsyslogd.Message {
		msgs, _ := rs.Messages()
		var out []rsyslogd.Message
		for _, m := range msgs {
			if m.AppName == "vigil" && m.MsgID == kind {
				out = append(out, m)
			}
		}
		return out
	}
	agent.wait(t, "agent-started at rsyslog", func() bool { return len(fromVigil("agent-started")) == 1 })
	if err := sim.FailFan(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	var risk rsyslogd.Message
	agent.wait(t, "FAN1's risk at rsyslog", func() bool {
		for _, m := range fromVigil("risk") {
			if m.SD["evidence@32473"]["component"] == "FAN1" {
				risk = m
				return true
			}
		}
		return false
	})
	t.Logf("SYSLOG SAMPLE as it arrived at rsyslog:\n%s\nas rsyslog parsed it (mmpstrucdata):\n%s", risk.RawMsg, risk.Raw)
	if !strings.HasPrefix(risk.RawMsg, "<") || !strings.Contains(risk.RawMsg, " vigil ") || !strings.Contains(risk.RawMsg, "[vigil@32473 ") {
		t.Errorf("the risk as it arrived: %q, want an RFC 5424 line from vigil with its structured data", risk.RawMsg)
	}
	var events []localapi.Event
	if err := vigilJSON(t, bin, &events, "events", "--json", "--config", cfgPath); err != nil {
		t.Fatal(err)
	}
	seq, _ := strconv.ParseUint(risk.SD["vigil@32473"]["seq"], 10, 64)
	var audit *localapi.Event
	for i := range events {
		if events[i].Seq == seq {
			audit = &events[i]
		}
	}
	if audit == nil || audit.Kind != "risk" || audit.Message != risk.Msg {
		t.Fatalf("seq %d at rsyslog is %+v in the audit log; rsyslog has %q", seq, audit, risk.Msg)
	}
	if risk.Input != "imtcp" || risk.Facility != "18" || risk.Hostname != "lab1" || risk.SD["vigil@32473"]["host"] != "lab1" ||
		risk.SD["vigil@32473"]["kind"] != "risk" || risk.SD["evidence@32473"]["source"] != "bmc" || risk.SD["evidence@32473"]["risk"] == "" {
		t.Errorf("risk at rsyslog: %+v", risk)
	}
	agent.stop(t)
	agent.wait(t, "agent-stopped at rsyslog", func() bool { return len(fromVigil("agent-stopped")) == 1 })
}
