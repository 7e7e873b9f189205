package agent

import (
	"strings"
	"time"

	"github.com/coreos/go-systemd/v22/daemon"
)

// Notifier tells the service manager how the agent is doing: the sd_notify
// protocol of a Type=notify unit.
type Notifier interface {
	// Notify sends one state ("READY=1", "STATUS=...", "STOPPING=1",
	// "WATCHDOG=1").
	Notify(state string) error
	// WatchdogInterval is the unit's WatchdogSec, zero when the watchdog
	// is off for this process.
	WatchdogInterval() time.Duration
}

// Systemd is the Notifier for systemd: it writes to $NOTIFY_SOCKET and reads
// $WATCHDOG_USEC and $WATCHDOG_PID (github.com/coreos/go-systemd/v22/daemon).
// Without NOTIFY_SOCKET every call does nothing.
type Systemd struct{}

// Notify implements Notifier.
func (Systemd) Notify(state string) error {
	_, err := daemon.SdNotify(false, state)
	return err
}

// WatchdogInterval implements Notifier.
func (Systemd) WatchdogInterval() time.Duration {
	d, err := daemon.SdWatchdogEnabled(false)
	if err != nil {
		return 0
	}
	return d
}

// statusLine makes a STATUS= value one line.
func statusLine(s string) string {
	return "STATUS=" + strings.ReplaceAll(s, "\n", " ")
}
