package bmclog

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/sensors/ipmi"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

func password(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimRight(string(b), "\n")
}

// ipmitool runs `ipmitool -I lanplus -C 3` against sim as its admin.
func ipmitool(t *testing.T, sim *ipmisim.Sim, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("ipmitool"); err != nil {
		testenv.Unavailable(t, "ipmitool not available: %v", err)
	}
	user, pwFile := sim.User(ipmisim.Admin)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	base := []string{"-I", "lanplus", "-C", "3", "-H", sim.Host(), "-p", strconv.Itoa(sim.Port()), "-U", user, "-f", pwFile}
	out, err := exec.CommandContext(ctx, "ipmitool", append(base, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("ipmitool %v: %v: %s", args, err, out)
	}
	return string(out)
}

// ipmiSink is a Sink writing to sim with the account of role.
func ipmiSink(t *testing.T, sim *ipmisim.Sim, role ipmisim.Role, log *slog.Logger) (*Sink, string) {
	t.Helper()
	user, pwFile := sim.User(role)
	pw := password(t, pwFile)
	s, err := New(Config{Host: "h1", IPMI: &IPMI{Host: sim.Host(), Port: sim.Port(), User: user, Password: pw, CipherSuite: 3},
		Timeout: 5 * time.Second, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, pw
}

// decisions are one event of every kind written, in order, with the
// events that must be left out between them.
func decisions() (written, ignored []alert.Event) {
	ev := func(seq uint64, kind, host, vm, msg string, evidence map[string]any) alert.Event {
		return alert.Event{Seq: seq, Time: time.Now(), Kind: kind, Host: host, VM: vm, Message: msg, Evidence: evidence}
	}
	written = []alert.Event{
		ev(11, "risk", "h1", "", "FAN1 risk low: FAN1 failed; redundancy in fans lost", map[string]any{"component": "FAN1", "risk": "low", "previous": "none"}),
		ev(12, "risk", "h1", "", "DIMM A1 risk imminent: uncorrectable ECC", map[string]any{"component": "DIMM A1", "risk": "imminent"}),
		ev(13, "evacuate", "h1", "", "FAN1 failing: evacuating 3 VMs", nil),
		ev(14, "evacuated", "h1", "", "3 VMs moved", nil),
		ev(15, "risk", "h1", "", "FAN1 risk cleared (was low)", map[string]any{"component": "FAN1", "risk": "none", "previous": "low"}),
		ev(16, "fence.confirmed", "h1", "", "powered off by h2, read back off", nil),
		ev(17, "self-fence", "h1", "", "quorum lost for 12s", nil),
		ev(18, "readmit", "h1", "", "readmitted by an operator", nil),
	}
	ignored = []alert.Event{
		ev(20, "risk", "h2", "", "another host's risk", map[string]any{"component": "FAN1", "risk": "high"}),
		ev(21, "agent-started", "h1", "", "vigil agent started", nil),
		ev(22, "started", "h1", "vm1", "vm1 started", nil),
		ev(23, "fence", "h1", "", "fencing h1 (not yet confirmed)", nil),
		ev(24, "risk", "h1", "", "no risk level in the evidence", map[string]any{"component": "FAN1"}),
	}
	return written, ignored
}

var selListOEM = regexp.MustCompile(`(?m)^\s*([0-9a-f]+) \|.*\| OEM record c9 \| 007ed9 \| ([0-9a-f]{12})\s*$`)

// TestIPMIRecordsInSEL: against a real ipmi_sim, with the OPERATOR
// account, each decision about this host becomes one OEM record that
// `ipmitool sel list` and `sel get` show with type c9, manufacturer 007ed9
// and vigil's code bytes, in order; events about other hosts, VMs or of
// other kinds write nothing; and a sensors/ipmi Reader polling the SEL
// reports none of them, only the hardware record logged after them.
func TestIPMIRecordsInSEL(t *testing.T) {
	sim := ipmisim.New(t, ipmisim.Config{})
	s, _ := ipmiSink(t, sim, ipmisim.Operator, nil)
	ruser, rpw := sim.User(ipmisim.User)
	r := ipmi.New(ipmi.Config{Host: sim.Host(), Port: sim.Port(), User: ruser, Password: password(t, rpw), CipherSuite: 3})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := r.Poll(ctx); err != nil {
		t.Fatal(err)
	}

	written, ignored := decisions()
	var want []string
	var spent time.Duration
	for i, ev := range written {
		start := time.Now()
		if err := s.Send(ctx, ev); err != nil {
			t.Fatalf("Send(%s): %v", ev.Kind, err)
		}
		spent += time.Since(start)
		if i < len(ignored) {
			if err := s.Send(ctx, ignored[i]); err != nil {
				t.Fatalf("Send(ignored %s): %v", ignored[i].Kind, err)
			}
		}
		rec, _ := Map("h1", ev)
		b := rec.Code.Bytes()
		want = append(want, fmt.Sprintf("%x", b[:]))
	}
	t.Logf("%d records written, %v each (session, Add SEL Entry, close)", len(written), (spent / time.Duration(len(written))).Round(time.Millisecond))
	if st := s.Stats(); st.Written != uint64(len(written)) || st.Ignored != uint64(len(ignored)) || st.Failed != 0 {
		t.Errorf("Stats() = %+v, want %d written, %d ignored", st, len(written), len(ignored))
	}

	list := ipmitool(t, sim, "sel", "list")
	t.Logf("ipmitool sel list:\n%s", list)
	var got, ids []string
	for _, m := range selListOEM.FindAllStringSubmatch(list, -1) {
		ids = append(ids, m[1])
		got = append(got, m[2])
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("OEM records in `sel list`: %v, want %v", got, want)
	}
	for i, id := range ids {
		out := ipmitool(t, sim, "sel", "get", "0x"+id)
		for _, line := range []string{`Record Type\s+: c9\s+\(OEM timestamped\)`, `Manufactacturer ID\s+: 007ed9`, `OEM Defined\s+: ` + want[i]} {
			if !regexp.MustCompile(line).MatchString(out) {
				t.Errorf("sel get %s lacks %q:\n%s", id, line, out)
			}
		}
	}

	if err := sim.RaiseECC(ctx, true); err != nil {
		t.Fatal(err)
	}
	p, err := r.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Events) != 1 || !strings.Contains(p.Events[0].State, "Correctable ECC") {
		t.Errorf("the sensor reader's events after %d vigil records and one ECC error: %+v, want the ECC error alone", len(written), p.Events)
	}
}

// TestIPMIUserAccountRefused: a USER account cannot add SEL entries: the
// write fails as insufficient privilege, naming OPERATOR, is counted and
// logged once as a warning without the password; the next write is
// refused at once by the backoff; the SEL stays empty.
func TestIPMIUserAccountRefused(t *testing.T) {
	sim := ipmisim.New(t, ipmisim.Config{})
	var logs bytes.Buffer
	s, pw := ipmiSink(t, sim, ipmisim.User, slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	written, _ := decisions()
	ctx := context.Background()
	err := s.Send(ctx, written[0])
	if !errors.Is(err, bmc.ErrPrivilege) || !strings.Contains(err.Error(), "OPERATOR") {
		t.Fatalf("Send with a USER account = %v, want insufficient privilege naming OPERATOR", err)
	}
	if err := s.Send(ctx, written[1]); !errors.Is(err, bmc.ErrBackoff) || !errors.Is(err, bmc.ErrPrivilege) {
		t.Errorf("second Send = %v, want a backoff that keeps the cause", err)
	}
	if st := s.Stats(); st.Failed != 2 || st.Written != 0 {
		t.Errorf("Stats() = %+v, want 2 failed", st)
	}
	if strings.Contains(logs.String(), pw) || strings.Contains(err.Error(), pw) {
		t.Errorf("the password is in the log or the error:\n%s", logs.String())
	}
	if n := strings.Count(logs.String(), `"level":"WARN"`); n != 1 {
		t.Errorf("%d warnings, want 1:\n%s", n, logs.String())
	}
	if out := ipmitool(t, sim, "sel", "list"); selListOEM.MatchString(out) {
		t.Errorf("a refused write left a record:\n%s", out)
	}
}

// TestIPMIUnreachableBounded: a BMC that does not answer fails the write
// as unreachable within the Sink's timeout, not the caller's.
func TestIPMIUnreachableBounded(t *testing.T) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close() // bound but never answered
	port := pc.LocalAddr().(*net.UDPAddr).Port
	s, err := New(Config{Host: "h1", IPMI: &IPMI{Host: "127.0.0.1", Port: port, User: "operator", Password: "secret-pw", CipherSuite: 3},
		Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	written, _ := decisions()
	start := time.Now()
	err = s.Send(context.Background(), written[0])
	took := time.Since(start)
	if !errors.Is(err, bmc.ErrUnreachable) {
		t.Errorf("Send to a silent BMC = %v, want unreachable", err)
	}
	if took > 15*time.Second {
		t.Errorf("Send took %v with a 1 s timeout", took)
	}
	if strings.Contains(err.Error(), "secret-pw") {
		t.Errorf("password in %v", err)
	}
	t.Logf("silent BMC: failed after %v", took.Round(time.Millisecond))
}
