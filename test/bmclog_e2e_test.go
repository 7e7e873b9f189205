package test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/sensors/ipmi"
	"github.com/vigil-ha/vigil/sensors/redfish"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// decisionsPollForTest is how often an agent copies the leader's
// decisions (clusterhost's decisionsPoll; other peers' every 5 s).
const decisionsPollForTest = time.Second

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

// TestClusterFollowersSeeLeaderDecisions: `vigil events` on every agent
// tells the cluster's story, the leaders' decisions included, each once.
// Three real agents; the leader's power is cut, a new leader fences it,
// it is powered on and readmitted. Then the third host's audit log holds
// the new leader's dead, fence, fence-confirmed and readmit about the old
// one, each exactly once and marked with the leader that decided and
// recorded it, and the old leader's planner start from before the cut;
// the old leader, back, has caught up with its own fence and readmission;
// and no agent, the third one restarted included, holds a copy of its own
// decisions or any copy twice.
func TestClusterFollowersSeeLeaderDecisions(t *testing.T) {
	c := startClusterLab(t, 3)
	old := c.leaderName()
	var victim, other *lab.Host
	for _, h := range c.lab.Hosts {
		if h.Name == old {
			victim = h
		} else {
			other = h
		}
	}
	// `vigil events --follow --json` on each of the others, from now.
	streams := map[string]*followed{}
	for _, h := range c.lab.Hosts {
		if h != victim {
			streams[h.Name] = c.follow(h.Name)
		}
	}
	t.Logf("cutting the power of the leader %s", old)
	cut := time.Now()
	if err := victim.PowerOff(); err != nil {
		t.Fatal(err)
	}
	var leader string
	c.waitFor("a new leader's fence-confirmed for "+old, 60*time.Second, func() bool {
		for _, h := range c.lab.Hosts {
			if h.On() && slices.ContainsFunc(c.events(h.Name), func(e localapi.Event) bool {
				return e.Kind == "fence-confirmed" && e.Host == old && e.Time.After(cut)
			}) {
				leader = h.Name
				return true
			}
		}
		return false
	})
	for _, h := range c.lab.Hosts {
		if h != victim && h.Name != leader {
			other = h
		}
	}
	t.Logf("new leader %s; the third host %s", leader, other.Name)
	if err := victim.PowerOn(); err != nil {
		t.Fatal(err)
	}
	c.waitFor(old+" readmitted", 60*time.Second, func() bool {
		if _, err := c.run("host", "readmit", old, "--socket", c.socks[old]); err != nil {
			return false
		}
		st, err := c.status(old)
		return err == nil && slices.ContainsFunc(st.Hosts, func(h localapi.HostStatus) bool { return h.Name == old && h.State == "healthy" })
	})

	type evidence struct {
		Leader      string `json:"leader"`
		RecordedBy  string `json:"recorded_by"`
		RecordedSeq uint64 `json:"recorded_seq"`
	}
	copies := func(host string) ([]localapi.Event, []evidence) {
		all, err := c.ag.AllEvents(context.Background(), host)
		if err != nil {
			t.Fatal(err)
		}
		var evs []localapi.Event
		var es []evidence
		for _, ev := range all {
			var e evidence
			_ = json.Unmarshal(ev.Evidence, &e)
			if e.RecordedBy != "" {
				evs, es = append(evs, ev), append(es, e)
			}
		}
		return evs, es
	}
	decided := []string{"dead", "fence", "fence-confirmed", "readmit"}
	has := func(evs []localapi.Event, es []evidence, kind, host, by string, after time.Time) int {
		n := 0
		for i, ev := range evs {
			if ev.Kind == kind && ev.Host == host && es[i].Leader == by && es[i].RecordedBy == by && ev.Time.After(after) {
				n++
			}
		}
		return n
	}
	for _, who := range []string{other.Name, old} {
		c.waitFor(who+" has copied "+leader+"'s decisions about "+old, 30*time.Second, func() bool {
			evs, es := copies(who)
			for _, kind := range decided {
				if has(evs, es, kind, old, leader, cut) == 0 {
					return false
				}
			}
			return true
		})
	}
	// A restarted agent goes on from its audit log: no copy twice.
	c.restartAgent(other, syscall.SIGTERM, 0)
	c.waitFor(other.Name+"'s agent back", 30*time.Second, func() bool {
		_, err := c.status(other.Name)
		return err == nil
	})
	time.Sleep(3 * decisionsPollForTest) // a repeat, if any, would come now
	for _, h := range c.lab.Hosts {
		evs, es := copies(h.Name)
		seen := map[string]bool{}
		for i, ev := range evs {
			key := fmt.Sprintf("%s/%d", es[i].RecordedBy, es[i].RecordedSeq)
			if seen[key] {
				t.Errorf("%s holds %s %s (%s) twice", h.Name, ev.Kind, ev.Host, key)
			}
			seen[key] = true
			if es[i].RecordedBy == h.Name {
				t.Errorf("%s holds a copy of its own decision: %s %s", h.Name, ev.Kind, ev.Host)
			}
		}
		if h == victim {
			continue
		}
		for _, kind := range decided {
			if n := has(evs, es, kind, old, leader, cut); h.Name != leader && n != 1 {
				t.Errorf("%s's audit log: %d copies of %s's %s about %s, want 1", h.Name, n, leader, kind, old)
			}
		}
	}
	// The copies stream to a follower's `vigil events --follow`.
	if !slices.ContainsFunc(streams[other.Name].events(), func(ev localapi.Event) bool {
		return ev.Kind == "fence-confirmed" && ev.Host == old && agents.IsCopy(ev)
	}) {
		t.Errorf("%s's `vigil events --follow --json` did not stream the copy of %s's fence-confirmed about %s", other.Name, leader, old)
	}
	// The old leader's decisions from before the cut reach the others
	// too (before the cut, or once it is back).
	var evs []localapi.Event
	c.waitFor(other.Name+" has copied "+old+"'s planner start (kind leader) from before the cut", 15*time.Second, func() bool {
		var es []evidence
		evs, es = copies(other.Name)
		return has(evs, es, "leader", old, old, time.Time{}) > 0
	})
	logEvents(t, evs)
	for _, ev := range evs {
		if ev.Kind == "fence-confirmed" {
			b, _ := json.Marshal(ev)
			t.Logf("%s's copy, as `vigil events --json` gives it: %s", other.Name, b)
			break
		}
	}
}

// startClusterLabOn is startClusterLab with kind BMCs.
func startClusterLabOn(t *testing.T, n int, kind lab.BMCKind, name string) *clusterLab {
	t.Helper()
	if testing.Short() {
		t.Skip("builds vigil, runs a lab with BMC simulators and QEMU")
	}
	testenv.NeedsCommand(t, "qemu-system-x86_64")
	l := lab.New(t, agents.LabOptions(n, kind, name))
	c := &clusterLab{t: t, lab: l, bin: buildVigil(t), dir: t.TempDir(), socks: map[string]string{}, cfgs: map[string]string{}}
	t.Cleanup(func() {
		if t.Failed() && c.ag != nil {
			t.Logf("agent logs:\n%s", c.ag.Logs(30000))
		}
	})
	ag, err := agents.Start(context.Background(), l, agents.Options{Vigil: c.bin, Dir: c.dir, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	c.ag = ag
	for _, a := range ag.Agents {
		c.socks[a.Host.Name] = a.Socket
		c.cfgs[a.Host.Name] = a.Config
	}
	return c
}

// redfishRecords are vigil's entries in h's Redfish BMC's External log,
// by kind.
func redfishRecords(h *lab.Host) map[ownlog.Kind][]map[string]any {
	out := map[ownlog.Kind][]map[string]any{}
	for _, e := range h.BMC.Redfish.LogEntries(h.BMC.Redfish.ExternalLogPath()) {
		for k := ownlog.KindRiskRaised; k <= ownlog.KindReadmitted; k++ {
			if e["MessageId"] == ownlog.MessageID(k) {
				out[k] = append(out[k], e)
			}
		}
	}
	return out
}

// TestClusterDecisionsInPeersRedfishLog is TestClusterDecisionsInPeersSEL
// on Redfish BMCs: the leader POSTs fenced (while the host is off) and
// readmitted as LogEntries to the host's BMC's External log with the
// fence (Operator) account, the host's own agent its risk; each once, and
// the sensors' Redfish reader reports the fan but none of them.
func TestClusterDecisionsInPeersRedfishLog(t *testing.T) {
	c := startClusterLabOn(t, 3, lab.Redfish, "rl")
	victim := c.victimFollower()
	sim := victim.BMC.Redfish
	if sim.ExternalLogPath() == "" {
		t.Fatal("the lab's Redfish BMC has no External log service")
	}
	user, pw := sim.Credentials()
	r := redfish.New(redfish.Config{URL: victim.BMC.URL, User: user, Password: pw, RootCAs: sim.CACertPool()})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if _, err := r.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	leader := c.leaderName()
	t.Logf("cutting the power of %s (leader %s)", victim.Name, leader)
	if err := victim.PowerOff(); err != nil {
		t.Fatal(err)
	}
	c.waitFor("the fenced entry in "+victim.Name+"'s BMC log while it is off", 60*time.Second, func() bool {
		return len(redfishRecords(victim)[ownlog.KindFenced]) > 0
	})
	if victim.On() {
		t.Fatalf("%s is on: the entry must be written while it is off", victim.Name)
	}
	if err := victim.PowerOn(); err != nil {
		t.Fatal(err)
	}
	c.waitFor(victim.Name+" readmitted", 90*time.Second, func() bool {
		if _, err := c.run("host", "readmit", victim.Name, "--socket", c.socks[victim.Name]); err != nil {
			return false
		}
		st, err := c.status(victim.Name)
		return err == nil && slices.ContainsFunc(st.Hosts, func(h localapi.HostStatus) bool { return h.Name == victim.Name && h.State == "healthy" })
	})
	if err := victim.BMC.FailFan(ctx, 1); err != nil {
		t.Fatal(err)
	}
	c.waitFor("the readmitted and risk entries in "+victim.Name+"'s BMC log", 60*time.Second, func() bool {
		recs := redfishRecords(victim)
		return len(recs[ownlog.KindReadmitted]) > 0 && len(recs[ownlog.KindRiskRaised]) > 0
	})
	time.Sleep(3 * time.Second) // a second writer, if any, would come now
	recs := redfishRecords(victim)
	for k, es := range recs {
		for _, e := range es {
			t.Logf("%s: %s %v %q", k, e["Created"], e["Severity"], e["Message"])
		}
	}
	if n, m := len(recs[ownlog.KindFenced]), len(recs[ownlog.KindReadmitted]); n != 1 || m != 1 {
		t.Errorf("%s's BMC log: %d fenced and %d readmitted entries, want one each", victim.Name, n, m)
	}
	p, err := r.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range p.Events {
		if strings.HasPrefix(ev.Message, ownlog.MessagePrefix) {
			t.Errorf("the Redfish reader reported vigil's own entry as hardware evidence: %+v", ev)
		}
	}
	t.Logf("the Redfish reader reported %d event(s) since the start, none of vigil's", len(p.Events))
	// Nor does the host's agent, subscribed to its BMC's events.
	own := ownlog.MessagePrefix + victim.Name
	for _, ev := range c.events(victim.Name) {
		if ev.Kind == "bmc-event" && (strings.Contains(ev.Message, own) || strings.Contains(string(ev.Evidence), own)) {
			t.Errorf("%s's agent took vigil's own entry for a BMC event: %+v", victim.Name, ev)
		}
	}
}

// followed is a running `vigil events --follow --json` and what it
// printed.
type followed struct {
	mu  sync.Mutex
	evs []localapi.Event
}

func (f *followed) events() []localapi.Event {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.evs)
}

// follow runs `vigil events --follow --json` against host's agent until
// the test ends.
func (c *clusterLab) follow(host string) *followed {
	c.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, c.bin, "events", "--follow", "--json", "--socket", c.socks[host])
	out, err := cmd.StdoutPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	f := &followed{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		dec := json.NewDecoder(out)
		for {
			var ev localapi.Event
			if dec.Decode(&ev) != nil {
				return
			}
			f.mu.Lock()
			f.evs = append(f.evs, ev)
			f.mu.Unlock()
		}
	}()
	c.t.Cleanup(func() {
		cancel()
		<-done
		_ = cmd.Wait()
	})
	return f
}
