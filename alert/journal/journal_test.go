package journal

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coreos/go-systemd/v22/journal"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/alert/journal/journaltest"
	"github.com/vigil-ha/vigil/internal/testenv"
)

const generous = 30 * time.Second

func TestFields(t *testing.T) {
	tests := []struct {
		name string
		ev   alert.Event
		msg  string
		want map[string]string
	}{
		{"host risk", alert.Event{Seq: 12, Kind: "risk", Host: "h1", Message: "FAN1 risk high", Evidence: map[string]any{"component": "FAN1", "eta_seconds": 5400}},
			"FAN1 risk high", map[string]string{"SYSLOG_IDENTIFIER": "vigil", "MESSAGE_ID": "df8f464bb71d44f09e4bdce1c9619f2d", "VIGIL_KIND": "risk",
				"VIGIL_EVENT_SEQ": "12", "VIGIL_HOST": "h1", "VIGIL_EVIDENCE": `{"component":"FAN1","eta_seconds":5400}`}},
		{"VM event after drops", alert.Event{Seq: 40, Kind: "started", Host: "h2", VM: "web1", Generation: 3, Dropped: 2, Message: "web1 started"},
			"web1 started [2 earlier events lost]", map[string]string{"SYSLOG_IDENTIFIER": "vigil", "MESSAGE_ID": "2ce269dbbc7a4152a503dd4f1ef7bace",
				"VIGIL_KIND": "started", "VIGIL_EVENT_SEQ": "40", "VIGIL_HOST": "h2", "VIGIL_VM": "web1", "VIGIL_GENERATION": "3", "VIGIL_DROPPED": "2"}},
		{"unknown kind", alert.Event{Seq: 1, Kind: "vm.exited", Host: "h1"}, "", map[string]string{"SYSLOG_IDENTIFIER": "vigil",
			"MESSAGE_ID": OtherMessageID, "VIGIL_KIND": "vm.exited", "VIGIL_EVENT_SEQ": "1", "VIGIL_HOST": "h1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Fields(tt.ev)
			gj, _ := json.Marshal(got)
			wj, _ := json.Marshal(tt.want)
			if string(gj) != string(wj) {
				t.Errorf("Fields = %s\nwant     %s", gj, wj)
			}
			if m := Message(tt.ev); m != tt.msg {
				t.Errorf("Message = %q, want %q", m, tt.msg)
			}
		})
	}
}

// TestMessageIDs: every id is a 128-bit id as journalctl --new-id128
// prints it, no two kinds share one, CLI.md's kinds all have one, and
// the package doc's table says exactly what MessageIDs holds.
func TestMessageIDs(t *testing.T) {
	hex := regexp.MustCompile(`^[0-9a-f]{32}$`)
	seen := map[string]string{OtherMessageID: "other"}
	for kind, id := range MessageIDs {
		if !hex.MatchString(id) {
			t.Errorf("%s: MESSAGE_ID %q is not 32 lowercase hex digits", kind, id)
		}
		if k, dup := seen[id]; dup {
			t.Errorf("%s and %s share MESSAGE_ID %s", kind, k, id)
		}
		seen[id] = kind
	}
	for _, kind := range strings.Fields("suspect dead fence fence-confirmed self-fence placed started stopped migrated evacuate risk drain readmit rto-met rto-missed") {
		if _, ok := MessageIDs[kind]; !ok {
			t.Errorf("CLI.md's kind %s has no MESSAGE_ID", kind)
		}
	}
	src, err := os.ReadFile("journal.go")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`(?m)^//\t([a-z-]+|any other kind)\s+([0-9a-f]{32})`)
	documented := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(src), -1) {
		documented[m[1]] = m[2]
	}
	if documented["any other kind"] != OtherMessageID {
		t.Errorf("doc says other kinds have %q, code %q", documented["any other kind"], OtherMessageID)
	}
	delete(documented, "any other kind")
	dj, _ := json.Marshal(documented)
	cj, _ := json.Marshal(MessageIDs)
	if string(dj) != string(cj) {
		t.Errorf("the package doc's table\n%s\ndiffers from MessageIDs\n%s", dj, cj)
	}
}

// TestSendGivesUpOnAWedgedJournal: a journal that does not take the entry
// costs Send its context, not more, and one entry at most is in flight.
func TestSendGivesUpOnAWedgedJournal(t *testing.T) {
	release := make(chan struct{})
	s := &Sink{send: func(string, journal.Priority, map[string]string) error { <-release; return nil }}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := s.Send(ctx, alert.Event{Kind: "risk"}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Send to a wedged journal = %v, want its deadline", err)
	}
	if err := s.Send(context.Background(), alert.Event{Kind: "risk"}); !errors.Is(err, ErrBusy) {
		t.Errorf("Send while one entry is in flight = %v, want ErrBusy", err)
	}
	close(release)
	deadline := time.Now().Add(generous)
	for s.busy.Load() {
		if time.Now().After(deadline) {
			t.Fatal("the entry in flight never finished")
		}
		time.Sleep(time.Millisecond)
	}
	if err := s.Send(context.Background(), alert.Event{Kind: "risk"}); err != nil {
		t.Errorf("Send after the journal came back = %v", err)
	}
}

const childEnv = "VIGIL_JOURNAL_TEST_CHILD"

// TestNativeEntriesAtAFakeJournal sends events through go-systemd to a
// fake journald on /run/systemd/journal/socket, the path go-systemd
// writes to: the test runs itself again in a mount namespace of its own
// with a tmpfs on /run, so the machine's /run is never touched. The fake
// parses the native protocol: multi-line values in their binary-safe form
// and an entry too big for a datagram, passed as a file.
func TestNativeEntriesAtAFakeJournal(t *testing.T) {
	if os.Getenv(childEnv) == "1" {
		nativeEntries(t)
		return
	}
	testenv.NeedsRoot(t)
	unshare := testenv.NeedsCommand(t, "unshare")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*generous)
	defer cancel()
	cmd := exec.CommandContext(ctx, unshare, "--mount", "--propagation", "private", "--", exe,
		"-test.run=^TestNativeEntriesAtAFakeJournal$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.CombinedOutput()
	t.Logf("in a mount namespace:\n%s", out)
	if err != nil {
		t.Fatalf("child: %v", err)
	}
	if !bytes.Contains(out, []byte("--- PASS: TestNativeEntriesAtAFakeJournal")) {
		t.Fatal("the child did not pass")
	}
}

func nativeEntries(t *testing.T) {
	if err := syscall.Mount("tmpfs", "/run", "tmpfs", 0, "mode=0755"); err != nil {
		t.Fatalf("mount a tmpfs on /run in the test's mount namespace: %v", err)
	}
	dir := "/run/systemd/journal"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("JOURNAL_STREAM", "")
	t.Setenv("INVOCATION_ID", "")
	os.Unsetenv("JOURNAL_STREAM")
	os.Unsetenv("INVOCATION_ID")
	if Detect() {
		t.Fatal("Detect without INVOCATION_ID or JOURNAL_STREAM = true")
	}
	t.Setenv("INVOCATION_ID", "0123456789abcdef0123456789abcdef")
	if Detect() {
		t.Fatal("Detect without a journal socket = true")
	}
	j, err := journaltest.Listen(filepath.Join(dir, "socket"))
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	if !Detect() {
		t.Fatal("Detect under systemd with a journal = false")
	}

	s := New()
	big := strings.Repeat("0123456789abcdef", 16<<10) // 256 KiB: over a datagram
	events := []alert.Event{
		{Seq: 7, Kind: "risk", Host: "lab1", Message: "FAN1 risk high", Evidence: map[string]any{"component": "FAN1", "risk": "high"}},
		{Seq: 8, Kind: "fence", Host: "h3", Message: "fence h3\nby h1 after 3 missed renewals\n", Evidence: map[string]any{"why": "line one\nline two"}},
		{Seq: 9, Kind: "started", Host: "lab1", VM: "web1", Generation: 4, Dropped: 1, Message: "web1 started", Evidence: map[string]any{"blob": big}},
	}
	for _, ev := range events {
		ctx, cancel := context.WithTimeout(context.Background(), generous)
		err := s.Send(ctx, ev)
		cancel()
		if err != nil {
			t.Fatalf("Send %d: %v", ev.Seq, err)
		}
	}
	for _, ev := range events {
		var e journaltest.Entry
		select {
		case e = <-j.Entries:
		case err := <-j.Errors:
			t.Fatalf("the journal could not parse an entry: %v", err)
		case <-time.After(generous):
			t.Fatalf("entry %d never arrived", ev.Seq)
		}
		if got, want := e.Get("MESSAGE"), Message(ev); got != want {
			t.Errorf("entry %d: MESSAGE %q, want %q", ev.Seq, got, want)
		}
		if got, want := e.Get("PRIORITY"), []byte{byte('0' + alert.SeverityOf(ev))}; got != string(want) {
			t.Errorf("entry %d: PRIORITY %q, want %q", ev.Seq, got, want)
		}
		for name, want := range Fields(ev) {
			if got := e[name]; len(got) != 1 || got[0] != want {
				t.Errorf("entry %d: %s = %q, want [%q]", ev.Seq, name, got, want)
			}
		}
		if e.Get("SYSLOG_IDENTIFIER") != "vigil" || e.Get("MESSAGE_ID") != MessageID(ev.Kind) {
			t.Errorf("entry %d: identifier %q message id %q", ev.Seq, e.Get("SYSLOG_IDENTIFIER"), e.Get("MESSAGE_ID"))
		}
		t.Logf("entry %d: %d fields, MESSAGE %d bytes, VIGIL_EVIDENCE %d bytes", ev.Seq, len(e), len(e.Get("MESSAGE")), len(e.Get("VIGIL_EVIDENCE")))
	}
	if n := j.Passed.Load(); n != 1 {
		t.Errorf("%d entries came as a file, want the big one", n)
	}
}

// TestSequentialSendsNeverBusy: a Send that returned has freed the sink for
// the next one (the flag used to be cleared after the result was handed
// back, so the next Send could find it still set and drop its entry).
func TestSequentialSendsNeverBusy(t *testing.T) {
	s := &Sink{send: func(string, journal.Priority, map[string]string) error { return nil }}
	for i := range 20000 {
		if err := s.Send(context.Background(), alert.Event{Seq: uint64(i), Kind: "risk"}); err != nil {
			t.Fatalf("Send %d after %d sends that returned: %v", i, i, err)
		}
	}
}
