// Package journal writes the agent's events to the systemd journal as
// native entries (the journal's native protocol, through
// github.com/coreos/go-systemd/v22/journal), so that `journalctl
// MESSAGE_ID=... ` or `journalctl VIGIL_HOST=h2` finds them. Sink is an
// alert.Sink; Detect says whether the agent runs under systemd with a
// journal.
//
// Each entry carries:
//
//	MESSAGE            the event's text (and how many events were lost before it)
//	PRIORITY           alert.SeverityOf, as syslog's
//	SYSLOG_IDENTIFIER  vigil
//	MESSAGE_ID         the event kind's fixed id (MessageIDs)
//	VIGIL_KIND         the event's kind
//	VIGIL_EVENT_SEQ    its place in the audit log
//	VIGIL_HOST         the host it is about
//	VIGIL_VM           the VM it is about (VM events only)
//	VIGIL_GENERATION   the VM's generation (VM events only)
//	VIGIL_DROPPED      events this sink lost right before it (when any)
//	VIGIL_EVIDENCE     the evidence, as a JSON object
//
// MESSAGE_ID per kind (never changed once given; new kinds get new ids):
//
//	suspect            d2d94daf2c734c939efb8e881d4db5f2
//	dead               e985431ad1ee4c08b7c49759b7622eff
//	fence              841cb8af61694967954f18c26e44b277
//	fence-confirmed    2098e981b316483b98263fc71f470b5a
//	self-fence         4b1a76071ac84f5c80905ec8bea7e93c
//	placed             10e089032c2c4f42b58ebf8e06f24ad7
//	started            2ce269dbbc7a4152a503dd4f1ef7bace
//	stopped            a7f0be82ef63475789fb944bee511f5e
//	migrated           e79607354c8c4e4e881481a4928f27a0
//	evacuate           2b24855dd0f04902b4bc899010d55e54
//	risk               df8f464bb71d44f09e4bdce1c9619f2d
//	drain              94052b3e8a5b4167a3ecdd2778cc8358
//	readmit            5191a57024bb4b4fab55b1b145c2315f
//	rto-met            09e2e4f1e4f64d0faf70d221a5f1e51a
//	rto-missed         55ad0348b243482ba72b389d7e59192d
//	held               43dc5f88c8b845f79f29b16aee705953
//	created            beb351dc402741259ac6a8c0c8ae5ab1
//	joined             356aebf37802465c8baeb1f61c923150
//	bmc-event          1b0c9332dea14d0e81ede61977b2a852
//	bmc-unreachable    6807432d655b43b8822af35885d11e53
//	bmc-reachable      9379bc9f5e2741728111d104f2ccfb26
//	kernel-unreadable  b0925d35bc45434c896b14adc8ebb03b
//	kernel-readable    1374d9501a474d8892e5fd181fba259a
//	agent-started      582d7ff586b5466cad69c6aa574f18ef
//	agent-stopped      9bc3a9f09d8b4cce975ee6914f0a57de
//	any other kind     faad0d847cd7480ba69e39d6d11eb2ea (OtherMessageID)
//
// go-systemd's Send takes no context: a journald that stops reading would
// hold it. Send runs it aside and gives up at its context's end, with at
// most one entry in flight; the fan-out counts what is lost.
package journal

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"

	"github.com/coreos/go-systemd/v22/journal"

	"github.com/vigil-ha/vigil/alert"
)

// Identifier is the SYSLOG_IDENTIFIER of every entry.
const Identifier = "vigil"

// MessageIDs are the MESSAGE_IDs of the event kinds (see the package doc).
var MessageIDs = map[string]string{
	"suspect":           "d2d94daf2c734c939efb8e881d4db5f2",
	"dead":              "e985431ad1ee4c08b7c49759b7622eff",
	"fence":             "841cb8af61694967954f18c26e44b277",
	"fence-confirmed":   "2098e981b316483b98263fc71f470b5a",
	"self-fence":        "4b1a76071ac84f5c80905ec8bea7e93c",
	"placed":            "10e089032c2c4f42b58ebf8e06f24ad7",
	"started":           "2ce269dbbc7a4152a503dd4f1ef7bace",
	"stopped":           "a7f0be82ef63475789fb944bee511f5e",
	"migrated":          "e79607354c8c4e4e881481a4928f27a0",
	"evacuate":          "2b24855dd0f04902b4bc899010d55e54",
	"risk":              "df8f464bb71d44f09e4bdce1c9619f2d",
	"drain":             "94052b3e8a5b4167a3ecdd2778cc8358",
	"readmit":           "5191a57024bb4b4fab55b1b145c2315f",
	"rto-met":           "09e2e4f1e4f64d0faf70d221a5f1e51a",
	"rto-missed":        "55ad0348b243482ba72b389d7e59192d",
	"held":              "43dc5f88c8b845f79f29b16aee705953",
	"created":           "beb351dc402741259ac6a8c0c8ae5ab1",
	"joined":            "356aebf37802465c8baeb1f61c923150",
	"bmc-event":         "1b0c9332dea14d0e81ede61977b2a852",
	"bmc-unreachable":   "6807432d655b43b8822af35885d11e53",
	"bmc-reachable":     "9379bc9f5e2741728111d104f2ccfb26",
	"kernel-unreadable": "b0925d35bc45434c896b14adc8ebb03b",
	"kernel-readable":   "1374d9501a474d8892e5fd181fba259a",
	"agent-started":     "582d7ff586b5466cad69c6aa574f18ef",
	"agent-stopped":     "9bc3a9f09d8b4cce975ee6914f0a57de",
}

// OtherMessageID is the MESSAGE_ID of kinds MessageIDs does not name.
const OtherMessageID = "faad0d847cd7480ba69e39d6d11eb2ea"

// MessageID is kind's MESSAGE_ID.
func MessageID(kind string) string {
	if id, ok := MessageIDs[kind]; ok {
		return id
	}
	return OtherMessageID
}

// Detect reports whether the agent runs as a systemd service
// (INVOCATION_ID or JOURNAL_STREAM set) and the journal's socket
// (/run/systemd/journal/socket) takes entries.
func Detect() bool {
	if os.Getenv("INVOCATION_ID") == "" && os.Getenv("JOURNAL_STREAM") == "" {
		return false
	}
	return journal.Enabled()
}

// Message is an entry's MESSAGE.
func Message(ev alert.Event) string {
	if ev.Dropped > 0 {
		return fmt.Sprintf("%s [%d earlier events lost]", ev.Message, ev.Dropped)
	}
	return ev.Message
}

// Fields are an entry's fields besides MESSAGE and PRIORITY.
func Fields(ev alert.Event) map[string]string {
	f := map[string]string{
		"SYSLOG_IDENTIFIER": Identifier,
		"MESSAGE_ID":        MessageID(ev.Kind),
		"VIGIL_KIND":        ev.Kind,
		"VIGIL_EVENT_SEQ":   strconv.FormatUint(ev.Seq, 10),
		"VIGIL_HOST":        ev.Host,
	}
	if ev.VM != "" || ev.Generation != 0 {
		f["VIGIL_VM"] = ev.VM
		f["VIGIL_GENERATION"] = strconv.FormatUint(ev.Generation, 10)
	}
	if ev.Dropped > 0 {
		f["VIGIL_DROPPED"] = strconv.FormatUint(ev.Dropped, 10)
	}
	if len(ev.Evidence) > 0 {
		b, err := json.Marshal(ev.Evidence)
		if err != nil {
			b, _ = json.Marshal(map[string]string{"unencodable": fmt.Sprint(ev.Evidence)})
		}
		f["VIGIL_EVIDENCE"] = string(b)
	}
	return f
}

// Sink writes events to the local journal.
type Sink struct {
	busy atomic.Bool
	send func(message string, priority journal.Priority, vars map[string]string) error
}

var _ alert.Sink = (*Sink)(nil)

// New returns a sink writing to /run/systemd/journal/socket.
func New() *Sink { return &Sink{send: journal.Send} }

// Name implements alert.Sink.
func (s *Sink) Name() string { return "journal" }

// ErrBusy: the previous entry is still being written (journald is not
// reading its socket).
var ErrBusy = errors.New("journal: the previous entry is still being written")

// Send implements alert.Sink.
func (s *Sink) Send(ctx context.Context, ev alert.Event) error {
	if !s.busy.CompareAndSwap(false, true) {
		return ErrBusy
	}
	done := make(chan error, 1)
	go func() {
		err := s.send(Message(ev), journal.Priority(alert.SeverityOf(ev)), Fields(ev))
		// Free the sink before handing back the result: the caller's next
		// Send may come the moment this one returns.
		s.busy.Store(false)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("journal: %w", err)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("journal: %w", ctx.Err())
	}
}

// Close implements alert.Sink; go-systemd keeps one socket for the
// process.
func (s *Sink) Close() error { return nil }
