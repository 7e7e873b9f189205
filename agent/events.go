package agent

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/store"
)

// Event kinds the agent records besides CLI.md's (suspect, dead, fence,
// risk, ...).
const (
	KindRisk             = "risk"
	KindBMCUnreachable   = "bmc-unreachable"
	KindBMCReachable     = "bmc-reachable"
	KindKernelUnreadable = "kernel-unreadable"
	KindKernelReadable   = "kernel-readable"
	KindAgentStarted     = "agent-started"
	KindAgentStopped     = "agent-stopped"
	// KindBMCEvent is an event the host's Redfish BMC pushed or streamed
	// (its evidence says which); the agent polls the BMC at once.
	KindBMCEvent = "bmc-event"
)

// vmKinds are the kinds whose store subject is a VM, not a host.
var vmKinds = map[string]bool{
	"placed": true, "started": true, "stopped": true, "migrated": true,
	"rto-met": true, "rto-missed": true, "held": true, "avoided": true,
	// The leader's decisions about one VM.
	"revoke": true, "migrate": true, "migrate-failed": true, "release-wait": true,
	"admission": true, "no-capacity": true, "start-failed": true, "created": true,
}

// Event is one decision or observation (DESIGN.md, "Events, one stream").
type Event struct {
	Time    time.Time
	Kind    string
	Host    string
	VM      string // empty for host events
	Message string
	// Generation is the VM's generation the event is about (0 when
	// none); it is stored in the evidence as "generation".
	Generation uint64
	// Evidence is what the decision rested on; it is stored as a JSON
	// object.
	Evidence map[string]any
}

// Recorder writes events: the audit log in the store first, then whoever
// follows the stream. The cluster records its decisions through it.
type Recorder interface {
	Record(ev Event) error
}

// eventLog is the agent's Recorder: store.Append, then the alert sinks
// (syslog, journal, BMC log: each through its own bounded queue), then the
// followers of the local API's event stream. A follower that falls behind
// is dropped (its channel closed) so that a hung client never stalls the
// agent.
type eventLog struct {
	st        *store.Store
	localHost string
	now       func() time.Time
	sinks     *alert.Fanout // nil: none

	mu   sync.Mutex
	subs map[chan localapi.Event]struct{}
}

// followerBuffer is how many events a follower may lag behind before it is
// dropped (it reconnects and reads the rest from the store).
const followerBuffer = 256

func newEventLog(st *store.Store, localHost string, now func() time.Time) *eventLog {
	return &eventLog{st: st, localHost: localHost, now: now, subs: map[chan localapi.Event]struct{}{}}
}

// Record appends ev to the audit log and hands it to the followers.
func (l *eventLog) Record(ev Event) error {
	if ev.Time.IsZero() {
		ev.Time = l.now()
	}
	if ev.Host == "" {
		ev.Host = l.localHost
	}
	se, err := toStore(ev)
	if err != nil {
		return err
	}
	seq, err := l.st.Append(se)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	se.Seq = seq
	l.sinks.Publish(alert.Event{Seq: seq, Time: ev.Time, Kind: ev.Kind, Host: ev.Host, VM: ev.VM, Message: ev.Message,
		Generation: ev.Generation, Evidence: ev.Evidence})
	l.follow(fromStore(se, l.localHost))
	return nil
}

// appendStored appends an audit entry written by another package (the VM
// runner, fencing) and hands it to the sinks and followers like Record.
func (l *eventLog) appendStored(se store.Event) (uint64, error) {
	if se.Time.IsZero() {
		se.Time = l.now()
	}
	seq, err := l.st.Append(se)
	if err != nil {
		return 0, err
	}
	se.Seq = seq
	out := fromStore(se, l.localHost)
	var evidence map[string]any
	_ = json.Unmarshal(out.Evidence, &evidence)
	l.sinks.Publish(alert.Event{Seq: seq, Time: se.Time, Kind: se.Kind, Host: out.Host, VM: out.VM, Message: se.Message, Evidence: evidence})
	l.follow(out)
	return seq, nil
}

// appendCopy appends another agent's event and hands it to the
// followers only (AuditStore.AppendCopy).
func (l *eventLog) appendCopy(se store.Event) (uint64, error) {
	if se.Time.IsZero() {
		se.Time = l.now()
	}
	seq, err := l.st.Append(se)
	if err != nil {
		return 0, err
	}
	se.Seq = seq
	l.follow(fromStore(se, l.localHost))
	return seq, nil
}

// follow hands an event to the followers of the stream.
func (l *eventLog) follow(out localapi.Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for ch := range l.subs {
		select {
		case ch <- out:
		default:
			delete(l.subs, ch)
			close(ch)
		}
	}
}

// subscribe implements localapi.Backend's Subscribe.
func (l *eventLog) subscribe() (<-chan localapi.Event, func()) {
	ch := make(chan localapi.Event, followerBuffer)
	l.mu.Lock()
	l.subs[ch] = struct{}{}
	l.mu.Unlock()
	return ch, func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		if _, ok := l.subs[ch]; ok {
			delete(l.subs, ch)
			close(ch)
		}
	}
}

// closeAll ends every follower's stream (the agent stops).
func (l *eventLog) closeAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for ch := range l.subs {
		delete(l.subs, ch)
		close(ch)
	}
}

// toStore encodes an event for the audit log: the subject is the VM for
// VM events (the host then goes into the evidence), else the host.
func toStore(ev Event) (store.Event, error) {
	evidence := map[string]any{}
	for k, v := range ev.Evidence {
		evidence[k] = v
	}
	subject := ev.Host
	if ev.VM != "" {
		subject = ev.VM
		evidence["host"] = ev.Host
	}
	if ev.Generation != 0 {
		evidence["generation"] = ev.Generation
	}
	b, err := json.Marshal(evidence)
	if err != nil {
		return store.Event{}, fmt.Errorf("event %s: evidence: %w", ev.Kind, err)
	}
	return store.Event{Time: ev.Time, Kind: ev.Kind, Subject: subject, Message: ev.Message, Evidence: string(b)}, nil
}

// fromStore turns an audit log entry, whoever wrote it (the agent, vms,
// fencing, the store's own intent records), into CLI.md's event shape.
// Evidence that is not a JSON object (older writers keep key=value text)
// is served as {"text": ...}.
func fromStore(se store.Event, localHost string) localapi.Event {
	ev := localapi.Event{Seq: se.Seq, Time: se.Time, Kind: se.Kind, Host: se.Subject, Message: se.Message}
	var obj map[string]json.RawMessage
	switch {
	case se.Evidence == "":
		ev.Evidence = json.RawMessage(`{}`)
	case se.EvidenceBytes == 0 && json.Unmarshal([]byte(se.Evidence), &obj) == nil && obj != nil:
		ev.Evidence = json.RawMessage(se.Evidence)
	default:
		text := map[string]any{"text": se.Evidence}
		if se.EvidenceBytes > 0 {
			text["truncated_from_bytes"] = se.EvidenceBytes
		}
		ev.Evidence, _ = json.Marshal(text)
	}
	if vmKinds[se.Kind] || strings.HasPrefix(se.Kind, "vm.") || se.Kind == "intent.closed" && obj == nil && strings.Contains(se.Evidence, " vm="+se.Subject+" ") {
		ev.VM = se.Subject
		ev.Host = localHost
		if h, ok := obj["host"]; ok {
			var s string
			if json.Unmarshal(h, &s) == nil && s != "" {
				ev.Host = s
			}
		}
	}
	return ev
}
