// Package alert carries the agent's events to the surfaces people watch:
// syslog, the journal, the host's own BMC log and the metrics. The audit log
// in the store is written first, by the agent's recorder; every sink here
// gets the event afterwards and must never stall the agent (DESIGN.md,
// "Events, one stream").
//
// A Sink is one surface. Sinks live in sub-packages (alert/syslog,
// alert/journal, alert/bmclog); the fan-out that feeds them, each through
// its own bounded queue, lives here.
package alert

import (
	"context"
	"time"
)

// Event is one decision or observation as the sinks see it, after it was
// written to the audit log (Seq is its place there).
type Event struct {
	Seq     uint64
	Time    time.Time
	Kind    string // CLI.md's kinds: suspect, dead, fence, fence-confirmed, risk, ...
	Host    string
	VM      string // empty for host events
	Message string
	// Generation is the VM's generation the event is about (0 when none).
	Generation uint64
	// Evidence is what the decision rested on.
	Evidence map[string]any
}

// Sink is one surface events go to.
type Sink interface {
	// Name names the sink in logs and metrics ("syslog", "bmclog").
	Name() string
	// Send delivers one event. It may block up to ctx's deadline; the
	// fan-out calls it from the sink's own goroutine, never the agent's.
	Send(ctx context.Context, ev Event) error
	// Close flushes what it can and releases the sink's connections.
	Close() error
}
