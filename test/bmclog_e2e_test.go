package test

import (
	"context"
	"encoding/hex"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/sensors/ipmi"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// selOEM matches vigil's records in `ipmitool sel list`: ID and code.
var selOEM = regexp.MustCompile(`(?m)^\s*([0-9a-f]+) \|.*\| OEM record c9 \| 007ed9 \| ([0-9a-f]{12})\s*$`)

// labIPMITool runs `ipmitool -I lanplus -C 3` against h's ipmi_sim as
// its administrator.
func labIPMITool(t *testing.T, h *lab.Host, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("ipmitool"); err != nil {
		testenv.Unavailable(t, "ipmitool not available: %v", err)
	}
	user, pwFile := h.BMC.IPMI.User(ipmisim.Admin)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	base := []string{"-I", "lanplus", "-C", "3", "-H", h.BMC.IP.String(), "-p", strconv.Itoa(h.BMC.Port), "-U", user, "-f", pwFile}
	out, err := exec.CommandContext(ctx, "ipmitool", append(base, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("ipmitool %v: %v: %s", args, err, out)
	}
	return string(out)
}

// vigilRecords are vigil's records in h's SEL, by kind: their SEL IDs
// (as `sel list` prints them, hex).
func vigilRecords(t *testing.T, h *lab.Host) (map[ownlog.Kind][]string, string) {
	t.Helper()
	list := labIPMITool(t, h, "sel", "list")
	out := map[ownlog.Kind][]string{}
	for _, m := range selOEM.FindAllStringSubmatch(list, -1) {
		b, err := hex.DecodeString(m[2])
		if err != nil {
			t.Fatal(err)
		}
		code, err := ownlog.ParseCode([6]byte(b))
		if err != nil {
			t.Fatalf("sel list: %q: %v", m[0], err)
		}
		out[code.Kind] = append(out[code.Kind], m[1])
	}
	return out, list
}

// TestClusterDecisionsInPeersSEL: the cluster's decisions about a host
// land in that host's own BMC log, written by the leader through the
// fence account while the host is off, and each once. Three real agents
// with ipmi_sim BMCs; a follower's power is cut and the leader fences it
// (fence-confirmed); it is powered on and `vigil host readmit` returns it
// (readmit); then a fan of it fails, and its own agent raises a risk
// (written with the lab's bmc: account, OPERATOR). `ipmitool sel list`
// against its ipmi_sim then shows one vigil OEM record for fenced, one
// for readmitted and the risk, and the sensors' IPMI reader, reading that
// whole SEL afresh, reports the fan but none of vigil's records.
func TestClusterDecisionsInPeersSEL(t *testing.T) {
	c := startClusterLab(t, 3)
	victim := c.victimFollower()
	if recs, list := vigilRecords(t, victim); len(recs) != 0 {
		t.Fatalf("%s's SEL before the test holds vigil records:\n%s", victim.Name, list)
	}
	leader := c.leaderName()
	t.Logf("cutting the power of %s (leader %s)", victim.Name, leader)
	cut := time.Now()
	if err := victim.PowerOff(); err != nil {
		t.Fatal(err)
	}
	c.waitFor(victim.Name+" fence-confirmed on the leader", 60*time.Second, func() bool {
		return slices.ContainsFunc(c.events(leader), func(e localapi.Event) bool {
			return e.Kind == "fence-confirmed" && e.Host == victim.Name && e.Time.After(cut)
		})
	})
	c.waitFor("the fenced record in "+victim.Name+"'s SEL while it is off", 30*time.Second, func() bool {
		recs, _ := vigilRecords(t, victim)
		return len(recs[ownlog.KindFenced]) > 0
	})
	if victim.On() {
		t.Fatalf("%s is on: the record must be written while it is off", victim.Name)
	}
	if err := victim.PowerOn(); err != nil {
		t.Fatal(err)
	}
	c.waitFor(victim.Name+" readmitted", 60*time.Second, func() bool {
		if _, err := c.run("host", "readmit", victim.Name, "--socket", c.socks[victim.Name]); err != nil {
			return false
		}
		st, err := c.status(victim.Name)
		return err == nil && slices.ContainsFunc(st.Hosts, func(h localapi.HostStatus) bool { return h.Name == victim.Name && h.State == "healthy" })
	})
	var recs map[ownlog.Kind][]string
	var list string
	c.waitFor("the readmitted record in "+victim.Name+"'s SEL", 30*time.Second, func() bool {
		recs, list = vigilRecords(t, victim)
		return len(recs[ownlog.KindReadmitted]) > 0
	})
	// The host's own decision, written by its own agent with the lab's
	// bmc: account (OPERATOR): a fan fails, its risk is raised.
	if err := victim.BMC.FailFan(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	c.waitFor("the risk record "+victim.Name+"'s agent writes", 30*time.Second, func() bool {
		recs, list = vigilRecords(t, victim)
		return len(recs[ownlog.KindRiskRaised]) > 0
	})
	// Let a second writer, if there were one, catch up before counting.
	time.Sleep(3 * time.Second)
	recs, list = vigilRecords(t, victim)
	t.Logf("ipmitool sel list on %s's BMC:\n%s", victim.Name, list)
	if n, m := len(recs[ownlog.KindFenced]), len(recs[ownlog.KindReadmitted]); n != 1 || m != 1 {
		t.Errorf("%s's SEL: %d fenced and %d readmitted records, want one each:\n%s", victim.Name, n, m, list)
	}
	for k := range recs {
		if k != ownlog.KindFenced && k != ownlog.KindReadmitted && k != ownlog.KindRiskRaised {
			t.Errorf("%s's SEL holds a vigil record of kind %s: only fenced, readmitted and a risk were decided about it:\n%s", victim.Name, k, list)
		}
	}

	// The sensors' reader passes vigil's records: a fresh reader reads
	// the whole SEL and reports none of them.
	user, pwFile := victim.BMC.IPMI.User(ipmisim.User)
	pw, err := os.ReadFile(pwFile)
	if err != nil {
		t.Fatal(err)
	}
	r := ipmi.New(ipmi.Config{Host: victim.BMC.IP.String(), Port: victim.BMC.Port, User: user, Password: strings.TrimSpace(string(pw)), CipherSuite: 3})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	p, err := r.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]bool{}
	for _, ids := range recs {
		for _, id := range ids {
			n, _ := strconv.ParseUint(id, 16, 16)
			ours[strconv.FormatUint(n, 10)] = true
		}
	}
	for _, ev := range p.Events {
		if ours[ev.ID] {
			t.Errorf("the IPMI reader reported vigil's own record %s as hardware evidence: %+v", ev.ID, ev)
		}
	}
	t.Logf("the IPMI reader read %d hardware event(s) and passed %d vigil record(s)", len(p.Events), len(ours))
}

// leaderName is the leader as a powered host's agent sees it.
func (c *clusterLab) leaderName() string {
	c.t.Helper()
	for _, h := range c.lab.Hosts {
		if !h.On() {
			continue
		}
		if st, err := c.status(h.Name); err == nil && st.Leader != nil && *st.Leader != "" {
			return *st.Leader
		}
	}
	c.t.Fatal("no agent names a leader")
	return ""
}

// victimFollower is a powered host that does not lead.
func (c *clusterLab) victimFollower() *lab.Host {
	c.t.Helper()
	leader := c.leaderName()
	for _, h := range c.lab.Hosts {
		if h.On() && h.Name != leader {
			return h
		}
	}
	c.t.Fatal("no follower")
	return nil
}
