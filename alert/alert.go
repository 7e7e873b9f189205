// Package alert carries the agent's events to the surfaces people watch:
// syslog, the journal, the host's own BMC log and the metrics. The audit log
// in the store is written first, by the agent's recorder; every sink here
// gets the event afterwards and must never stall the agent (DESIGN.md,
// "Events, one stream").
//
// A Sink is one surface. Sinks live in sub-packages (alert/syslog,
// alert/journal, alert/bmclog); the fan-out that feeds them, each through
// its own bounded queue, lives here (Fanout).
//
// Loss is counted, never silent: an event a sink's queue had no room for,
// or whose Send failed, is counted per sink (Fanout.Stats, for the
// metrics) and the sink's next event carries the count in Event.Dropped,
// so the surface itself says that something is missing before it.
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
	// Dropped is how many events this sink lost right before this one
	// (its queue was full, or their Send failed); the sink reports it
	// with this event. The fan-out sets it.
	Dropped uint64
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

// Patient is implemented by a sink whose Send waits for its receiver to
// come back (reconnecting with backoff) instead of failing while it is
// away, as syslog does. The fan-out then bounds its Send by SendTimeout
// instead of Options.SendTimeout; 0 means only by the fan-out's Close, so
// that the queue bound alone decides what is lost during an outage.
type Patient interface {
	SendTimeout() time.Duration
}

// Reporter is implemented by a sink with counters of its own (syslog's
// reconnects, messages written again after a break); Fanout.Stats hands
// them to the metrics.
type Reporter interface {
	Report() map[string]uint64
}
