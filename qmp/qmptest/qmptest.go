// Package qmptest holds fakes of package qmp's boundaries for unit tests:
// Monitor, an in-memory qmp.Monitor whose replies a test scripts (and,
// with SetKill, a stand-in for its QEMU process); Server, a QMP socket
// server speaking the real wire protocol (greeting, capability
// negotiation, ids, events) for testing clients end to end without QEMU,
// which can also wedge like a stuck or stopped QEMU (ErrHang, Hang); and
// Clock, a fake qmp.Clock that moves only when the test says.
//
// They are fakes for logic tests; behaviour against QEMU itself is tested
// with real QEMU processes in package qmp.
package qmptest

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/vigil-ha/vigil/qmp"
)

// Handler answers one command: a result (marshalled to JSON as "return")
// or an error (a *qmp.Error keeps its class; any other error becomes a
// GenericError).
type Handler func(cmd string, args json.RawMessage) (any, error)

// Call is one command a fake received.
type Call struct {
	Command string
	Args    json.RawMessage
}

// Monitor is a fake qmp.Monitor. Handle sets its handler; Emit sends an
// event to subscribers; Calls lists what was run. Safe for concurrent use.
type Monitor struct {
	mu      sync.Mutex
	handler Handler
	calls   []Call
	subs    map[chan qmp.Event]struct{}
	closed  bool
	done    chan struct{}
	kill    func(ctx context.Context) error
}

// NewMonitor returns a fake monitor answering with h (nil answers every
// command with an empty return).
func NewMonitor(h Handler) *Monitor {
	return &Monitor{handler: h, subs: map[chan qmp.Event]struct{}{}, done: make(chan struct{})}
}

// Handle replaces the handler.
func (m *Monitor) Handle(h Handler) {
	m.mu.Lock()
	m.handler = h
	m.mu.Unlock()
}

// Calls returns the commands run so far.
func (m *Monitor) Calls() []Call {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Call(nil), m.calls...)
}

// Commands returns the names of the commands run so far.
func (m *Monitor) Commands() []string {
	var names []string
	for _, c := range m.Calls() {
		names = append(names, c.Command)
	}
	return names
}

// Run implements qmp.Monitor.
func (m *Monitor) Run(ctx context.Context, cmd string, args, result any) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("qmp %s: %w", cmd, err)
	}
	raw, err := json.Marshal(args)
	if err != nil {
		return err
	}
	if args == nil {
		raw = nil
	}
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return fmt.Errorf("qmp %s: %w", cmd, qmp.ErrClosed)
	}
	m.calls = append(m.calls, Call{cmd, raw})
	h := m.handler
	m.mu.Unlock()
	var res any = struct{}{}
	if h != nil {
		res, err = h(cmd, raw)
	}
	if err != nil {
		if qe, ok := err.(*qmp.Error); ok {
			e := *qe
			e.Command = cmd
			return &e
		}
		return &qmp.Error{Command: cmd, Class: qmp.ClassGenericError, Desc: err.Error()}
	}
	if result == nil || res == nil {
		return nil
	}
	b, err := json.Marshal(res)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, result)
}

// Subscribe implements qmp.Monitor.
func (m *Monitor) Subscribe(buf int) (<-chan qmp.Event, func()) {
	if buf < 1 {
		buf = 1
	}
	ch := make(chan qmp.Event, buf)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		close(ch)
		return ch, func() {}
	}
	m.subs[ch] = struct{}{}
	return ch, func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		if _, ok := m.subs[ch]; ok {
			delete(m.subs, ch)
			close(ch)
		}
	}
}

// Emit delivers ev to every subscriber (dropping it for a full one).
func (m *Monitor) Emit(ev qmp.Event) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for ch := range m.subs {
		select {
		case ch <- ev:
		default:
		}
	}
}

// SetKill makes the fake know its QEMU process: KillProcess calls kill,
// which stands for "SIGKILL it and wait until it has exited" (return nil
// only then). Without it the process is unknown, as behind a monitor that
// is not a local unix socket.
func (m *Monitor) SetKill(kill func(ctx context.Context) error) {
	m.mu.Lock()
	m.kill = kill
	m.mu.Unlock()
}

// KillProcess implements qmp.ProcessKiller through the function given to
// SetKill, or returns qmp.ErrProcessUnknown.
func (m *Monitor) KillProcess(ctx context.Context) error {
	m.mu.Lock()
	kill := m.kill
	m.mu.Unlock()
	if kill == nil {
		return fmt.Errorf("qmptest kill: %w", qmp.ErrProcessUnknown)
	}
	return kill(ctx)
}

// Done implements qmp.Monitor.
func (m *Monitor) Done() <-chan struct{} { return m.done }

// Close implements qmp.Monitor.
func (m *Monitor) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil
	}
	m.closed = true
	for ch := range m.subs {
		close(ch)
	}
	m.subs = nil
	close(m.done)
	return nil
}

var (
	_ qmp.Monitor       = (*Monitor)(nil)
	_ qmp.ProcessKiller = (*Monitor)(nil)
)
