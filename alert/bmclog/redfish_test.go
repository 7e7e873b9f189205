package bmclog

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/redfish"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

func startRedfish(t *testing.T, cfg redfishsim.Config) *redfishsim.Sim {
	t.Helper()
	sim, err := redfishsim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	return sim
}

func redfishSink(t *testing.T, sim *redfishsim.Sim, user, pw string, log *slog.Logger) *Sink {
	t.Helper()
	s, err := New(Config{Host: "h1", Redfish: &Redfish{URL: sim.URL(), User: user, Password: pw, RootCAs: sim.CACertPool()},
		Timeout: 5 * time.Second, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestRedfishEntriesWritten: on a BMC whose External log service takes
// entries, each decision about this host is one LogEntry there with
// vigil's markers, severity and message; other events write nothing; and
// a sensors/redfish Reader polling every log service (and subscribed to
// the events the BMC raises for new entries) reports none of them, only
// the hardware entry logged after them. The session is logged out at
// Close.
func TestRedfishEntriesWritten(t *testing.T) {
	sim := startRedfish(t, redfishsim.Config{ExternalLog: true})
	user, pw := sim.Credentials()
	s := redfishSink(t, sim, user, pw, nil)
	r := redfish.New(redfish.Config{URL: sim.URL(), User: user, Password: pw, RootCAs: sim.CACertPool()})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := r.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	streamed := make(chan string, 32)
	sctx, scancel := context.WithCancel(ctx)
	defer scancel()
	go r.StreamSSE(sctx, func(ev sensors.Event) { streamed <- ev.Message })
	time.Sleep(200 * time.Millisecond) // let the stream open

	written, ignored := decisions()
	for i, ev := range written {
		if err := s.Send(ctx, ev); err != nil {
			t.Fatalf("Send(%s): %v", ev.Kind, err)
		}
		if i < len(ignored) {
			if err := s.Send(ctx, ignored[i]); err != nil {
				t.Fatalf("Send(ignored %s): %v", ignored[i].Kind, err)
			}
		}
	}
	entries := sim.LogEntries(sim.ExternalLogPath())
	if len(entries) != len(written) {
		t.Fatalf("%d entries in the External log, want %d: %v", len(entries), len(written), entries)
	}
	for i, e := range entries {
		rec, _ := Map("h1", written[i])
		if e["Message"] != rec.Message || e["MessageId"] != ownlog.MessageID(rec.Code.Kind) || e["OemRecordFormat"] != "Vigil" ||
			e["EntryType"] != "Oem" || e["Severity"] != rec.Code.Severity.Redfish() {
			t.Errorf("entry %d = %v, want %q %s %s", i, e, rec.Message, ownlog.MessageID(rec.Code.Kind), rec.Code.Severity.Redfish())
		}
	}
	if st := s.Stats(); st.Written != uint64(len(written)) || st.Ignored != uint64(len(ignored)) {
		t.Errorf("Stats() = %+v", st)
	}
	if n := len(sim.LogEntries(sim.SELPath())); n != 0 {
		t.Errorf("%d entries went to the SEL, which takes none", n)
	}

	if err := sim.AddLogEntry(redfishsim.LogEntry{Severity: "Critical", Message: "Uncorrectable ECC error on DIMM A1",
		MessageID: "Memory.1.0.UncorrectableError"}); err != nil {
		t.Fatal(err)
	}
	p, err := r.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Events) != 1 || !strings.Contains(p.Events[0].Message, "Uncorrectable ECC") {
		t.Errorf("the sensor reader's events after %d vigil entries and one ECC error: %+v, want the ECC error alone", len(written), p.Events)
	}
	select {
	case msg := <-streamed:
		if !strings.Contains(msg, "Uncorrectable ECC") {
			t.Errorf("first streamed event %q, want the ECC error (vigil's own came back)", msg)
		}
	case <-ctx.Done():
		t.Fatal("no streamed event")
	}
	logins := sim.Stats().Logins
	s.Close()
	if st := sim.Stats(); st.Logouts == 0 || logins < 1 {
		t.Errorf("sim stats after Close: %+v, want the sink's session logged out", st)
	}
}

// TestRedfishNoLogService: a BMC without a log service for external
// entities, or with one that lists no POST in its Allow header, gets
// nothing: Send returns nil, the record is counted unsupported and said
// once in the log; the search is not repeated for every event.
func TestRedfishNoLogService(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  redfishsim.Config
	}{
		{"none", redfishsim.Config{}},
		{"read-only", redfishsim.Config{ExternalLogReadOnly: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sim := startRedfish(t, tc.cfg)
			user, pw := sim.Credentials()
			var logs bytes.Buffer
			s := redfishSink(t, sim, user, pw, slog.New(slog.NewTextHandler(&logs, nil)))
			written, _ := decisions()
			ctx := context.Background()
			if err := s.Send(ctx, written[0]); err != nil {
				t.Fatalf("Send = %v, want nil", err)
			}
			before := sim.Stats().Requests
			for _, ev := range written[1:] {
				if err := s.Send(ctx, ev); err != nil {
					t.Fatalf("Send = %v, want nil", err)
				}
			}
			if n := sim.Stats().Requests - before; n != 0 {
				t.Errorf("%d requests for %d more records after the BMC was found to take none", n, len(written)-1)
			}
			if st := s.Stats(); st.Unsupported != uint64(len(written)) || st.Written != 0 || st.Failed != 0 {
				t.Errorf("Stats() = %+v, want all %d unsupported", st, len(written))
			}
			if n := strings.Count(logs.String(), "takes no log entries"); n != 1 {
				t.Errorf("said %d times that the BMC takes no entries:\n%s", n, logs.String())
			}
			if p := sim.ExternalLogPath(); p != "" && len(sim.LogEntries(p)) != 0 {
				t.Errorf("entries written to a read-only log")
			}
		})
	}
}

// TestRedfishReadOnlyAccount: a ReadOnly account is refused with
// insufficient privilege, counted, logged without the password.
func TestRedfishReadOnlyAccount(t *testing.T) {
	sim := startRedfish(t, redfishsim.Config{ExternalLog: true,
		Accounts: []redfishsim.Account{{User: "viewer", Password: "look-but-no-touch", Role: redfishsim.RoleReadOnly}}})
	var logs bytes.Buffer
	s := redfishSink(t, sim, "viewer", "look-but-no-touch", slog.New(slog.NewTextHandler(&logs, nil)))
	written, _ := decisions()
	err := s.Send(context.Background(), written[0])
	if !errors.Is(err, bmc.ErrPrivilege) {
		t.Fatalf("Send as ReadOnly = %v, want insufficient privilege", err)
	}
	if st := s.Stats(); st.Failed != 1 {
		t.Errorf("Stats() = %+v", st)
	}
	if strings.Contains(logs.String()+err.Error(), "look-but-no-touch") {
		t.Errorf("password in the log or error:\n%s\n%v", logs.String(), err)
	}
	if n := len(sim.LogEntries(sim.ExternalLogPath())); n != 0 {
		t.Errorf("%d entries written by a ReadOnly account", n)
	}
}
