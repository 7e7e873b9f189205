package bmclog

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// TestPeersWriteTheLeadersDecisions: h1's BMC is a real ipmi_sim; h2
// leads. Every event goes both to h2's Peers (fence account) and to h1's
// own Sink, as if both agents' audit logs held it. Each decision lands in
// h1's SEL once, written by the host that took it: the leader's decisions
// about h1 by Peers, h1's own (its risk, a decision it took as leader
// about itself) by its Sink. Decisions about h2 itself, of kinds not
// written, or about a host without a known BMC write nothing to h1's SEL.
func TestPeersWriteTheLeadersDecisions(t *testing.T) {
	sim := ipmisim.New(t, ipmisim.Config{})
	own, _ := ipmiSink(t, sim, ipmisim.Operator, nil)
	fuser, fpw := sim.User(ipmisim.Operator)
	peers, err := NewPeers(PeersConfig{Self: "h2", Timeout: 5 * time.Second, Target: func(host string) (Target, bool) {
		if host != "h1" {
			return Target{}, false
		}
		return Target{IPMI: &IPMI{Host: sim.Host(), Port: sim.Port(), User: fuser, Password: password(t, fpw), CipherSuite: 3}}, true
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer peers.Close()

	ev := func(seq uint64, kind, host, leader string, evidence map[string]any) alert.Event {
		e := alert.Event{Seq: seq, Time: time.Now(), Kind: kind, Host: host, Message: kind + " " + host, Evidence: map[string]any{}}
		for k, v := range evidence {
			e.Evidence[k] = v
		}
		if leader != "" {
			e.Evidence["leader"] = leader
		}
		return e
	}
	events := []struct {
		ev          alert.Event
		byPeers     bool // h2's Peers writes it
		byOwn       bool // h1's Sink writes it
		peersFailed bool // no BMC known
	}{
		{ev: ev(1, "dead", "h1", "h2", nil)},
		{ev: ev(2, "fence-confirmed", "h1", "h2", nil), byPeers: true},
		{ev: ev(3, "risk", "h1", "", map[string]any{"component": "FAN1", "risk": "high"}), byOwn: true},
		{ev: ev(4, "readmit", "h1", "h2", nil), byPeers: true},
		{ev: ev(5, "evacuate", "h1", "h1", nil), byOwn: true},
		{ev: ev(6, "fence-confirmed", "h2", "h2", nil)},
		{ev: ev(7, "fence-confirmed", "h3", "h2", nil), peersFailed: true},
		{ev: ev(8, "drained", "h1", "h2", nil), byPeers: true},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var want []string
	wantPeers, wantOwn := 0, 0
	for _, e := range events {
		err := peers.Send(ctx, e.ev)
		if (err != nil) != e.peersFailed {
			t.Errorf("Peers.Send(%s %s) = %v, want failed %v", e.ev.Kind, e.ev.Host, err, e.peersFailed)
		}
		if err := own.Send(ctx, e.ev); err != nil {
			t.Errorf("Sink.Send(%s %s) = %v", e.ev.Kind, e.ev.Host, err)
		}
		if e.byPeers || e.byOwn {
			rec, _ := Map("h1", e.ev)
			b := rec.Code.Bytes()
			want = append(want, fmt.Sprintf("%x", b[:]))
		}
		wantPeers += boolInt(e.byPeers)
		wantOwn += boolInt(e.byOwn)
	}
	if st := peers.Stats(); st.Written != uint64(wantPeers) || st.Failed != 1 {
		t.Errorf("Peers.Stats() = %+v, want %d written, 1 failed (no BMC)", st, wantPeers)
	}
	if st := own.Stats(); st.Written != uint64(wantOwn) || st.Failed != 0 {
		t.Errorf("Sink.Stats() = %+v, want %d written", st, wantOwn)
	}
	list := ipmitool(t, sim, "sel", "list")
	t.Logf("ipmitool sel list:\n%s", list)
	var got []string
	for _, m := range selListOEM.FindAllStringSubmatch(list, -1) {
		got = append(got, m[2])
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("OEM records in h1's SEL: %v, want %v (each decision once)", got, want)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestDecidedBy: the leader in the evidence, or "" for a host's own.
func TestDecidedBy(t *testing.T) {
	for _, tc := range []struct {
		ev   alert.Event
		want string
	}{
		{alert.Event{Kind: "risk"}, ""},
		{alert.Event{Kind: "fence-confirmed", Evidence: map[string]any{"leader": "h2"}}, "h2"},
		{alert.Event{Kind: "readmit", Evidence: map[string]any{"leader": 3}}, ""},
	} {
		if got := DecidedBy(tc.ev); got != tc.want {
			t.Errorf("DecidedBy(%+v) = %q, want %q", tc.ev, got, tc.want)
		}
	}
}

// TestPeersRedfish: a leader's decision about a peer with a Redfish BMC
// becomes one LogEntry in that BMC's External log, written with the
// peers' shared Operator (fence) account; the peer's own Sink, with its
// administrator, leaves it out.
func TestPeersRedfish(t *testing.T) {
	sim := startRedfish(t, redfishsim.Config{ExternalLog: true,
		Accounts: []redfishsim.Account{{User: "fencer", Password: "fence42", Role: redfishsim.RoleOperator}}})
	user, pw := sim.Credentials()
	own := redfishSink(t, sim, user, pw, nil)
	peers, err := NewPeers(PeersConfig{Self: "h2", Target: func(host string) (Target, bool) {
		return Target{Redfish: &Redfish{URL: sim.URL(), User: "fencer", Password: "fence42", RootCAs: sim.CACertPool()}}, host == "h1"
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer peers.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ev := alert.Event{Seq: 9, Time: time.Now(), Kind: "fence.confirmed", Host: "h1", Message: "fence 3: power read back off",
		Evidence: map[string]any{"leader": "h2"}}
	for _, s := range []alert.Sink{peers, own} {
		if err := s.Send(ctx, ev); err != nil {
			t.Fatalf("%s.Send: %v", s.Name(), err)
		}
	}
	entries := sim.LogEntries(sim.ExternalLogPath())
	rec, _ := Map("h1", ev)
	if len(entries) != 1 || entries[0]["Message"] != rec.Message || entries[0]["MessageId"] != ownlog.MessageID(ownlog.KindFenced) {
		t.Fatalf("External log = %v, want one entry %q", entries, rec.Message)
	}
	if st := own.Stats(); st.Written != 0 || st.Ignored != 1 {
		t.Errorf("own Sink stats %+v, want the leader's decision ignored", st)
	}
}

// TestPeersKeepWhatTheBMCDidNotTake: a peer's BMC that does not answer
// (a silent UDP port) does not lose the leader's records: each is kept,
// written by the retry once the BMC answers (here: the peer's endpoint
// moves to a real ipmi_sim), or before the peer's next record, in order
// and at most MaxPending of them (the oldest goes first).
func TestPeersKeepWhatTheBMCDidNotTake(t *testing.T) {
	sim := ipmisim.New(t, ipmisim.Config{})
	fuser, fpw := sim.User(ipmisim.Operator)
	pw := password(t, fpw)
	silent, err := net.ListenPacket("udp", net.JoinHostPort(sim.Host(), "0"))
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	var reachable atomic.Bool
	peers, err := NewPeers(PeersConfig{Self: "h2", Timeout: time.Second, Retry: 200 * time.Millisecond, MaxPending: 2,
		Target: func(host string) (Target, bool) {
			port := silent.LocalAddr().(*net.UDPAddr).Port
			if reachable.Load() {
				port = sim.Port()
			}
			return Target{IPMI: &IPMI{Host: sim.Host(), Port: port, User: fuser, Password: pw, CipherSuite: 3}}, host == "h1"
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer peers.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	decision := func(seq uint64, kind string) alert.Event {
		return alert.Event{Seq: seq, Time: time.Now(), Kind: kind, Host: "h1", Message: kind, Evidence: map[string]any{"leader": "h2"}}
	}
	code := func(ev alert.Event) string {
		rec, _ := Map("h1", ev)
		b := rec.Code.Bytes()
		return fmt.Sprintf("%x", b[:])
	}
	inSEL := func() []string {
		var got []string
		for _, m := range selListOEM.FindAllStringSubmatch(ipmitool(t, sim, "sel", "list"), -1) {
			got = append(got, m[2])
		}
		return got
	}
	waitSEL := func(want []string) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(200 * time.Millisecond) {
			got := inSEL()
			if strings.Join(got, " ") == strings.Join(want, " ") {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("OEM records in h1's SEL: %v, want %v", got, want)
			}
		}
	}

	fenced := decision(1, "fence-confirmed")
	if err := peers.Send(ctx, fenced); err == nil {
		t.Fatal("Send to a BMC that does not answer succeeded")
	}
	if st := peers.Stats(); st.Pending != 1 || st.Written != 0 {
		t.Fatalf("Stats() = %+v, want 1 pending", st)
	}
	reachable.Store(true)
	waitSEL([]string{code(fenced)}) // the retry wrote it, with no new record
	if st := peers.Stats(); st.Pending != 0 || st.Written != 1 {
		t.Errorf("Stats() = %+v, want 1 written, none pending", st)
	}

	reachable.Store(false)
	lost, drain, drained := decision(2, "readmit"), decision(3, "drain"), decision(4, "drained")
	for _, ev := range []alert.Event{lost, drain, drained} {
		if err := peers.Send(ctx, ev); err == nil {
			t.Fatalf("Send(%s) to a BMC that does not answer succeeded", ev.Kind)
		}
	}
	if st := peers.Stats(); st.Pending != 2 || st.Dropped != 1 {
		t.Fatalf("Stats() = %+v, want 2 pending and 1 dropped (MaxPending 2)", st)
	}
	reachable.Store(true)
	readmit := decision(5, "readmit")
	if err := peers.Send(ctx, readmit); err != nil {
		t.Fatalf("Send(readmit): %v", err)
	}
	waitSEL([]string{code(fenced), code(drain), code(drained), code(readmit)})
}
