package agent

import (
	"time"

	"github.com/vigil-ha/vigil/alert"
)

// sinkFlushTimeout is how long the alert sinks get at shutdown to send
// what they still hold (agent-stopped included).
const sinkFlushTimeout = 5 * time.Second

// openSinks builds the alert sinks: those the config asks for and
// Options.Sinks.
func (a *Agent) openSinks() ([]alert.Sink, error) {
	return append([]alert.Sink(nil), a.opts.Sinks...), nil
}
