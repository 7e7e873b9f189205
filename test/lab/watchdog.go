package lab

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Watchdog is a host's software watchdog: a named pipe that an agent opens
// as its watchdog device (fencing/watchdog takes a pipe for a lab's
// watchdog). The agent writes "timeout N" when it arms it, "keepalive" at
// every feed and "V" when it disarms it cleanly. When an armed watchdog
// gets no keepalive for its timeout, the lab resets the host as softdog
// would: power off (its processes die, QEMU included), then on (its boot
// services start again with a new boot), through its BMC. A reset host's
// watchdog is disarmed until its next boot's agent arms it.
type Watchdog struct {
	// Path is the pipe: the agent's watchdog.device.
	Path string

	host *Host
	f    *os.File

	mu      sync.Mutex
	timeout time.Duration
	timer   *time.Timer
	resets  []time.Time
	lastFed time.Time
	closed  bool
}

// StartWatchdog makes a software watchdog for h at path (a new named pipe)
// and watches it until the lab closes.
func (h *Host) StartWatchdog(path string) (*Watchdog, error) {
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		return nil, fmt.Errorf("lab: %s: watchdog %s: %w", h.Name, path, err)
	}
	// Read-write: the pipe never reads end-of-file between two agents.
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, fmt.Errorf("lab: %s: watchdog %s: %w", h.Name, path, err)
	}
	w := &Watchdog{Path: path, host: h, f: f}
	h.lab.onClose(w.close)
	go w.run()
	return w, nil
}

// Resets returns when the watchdog reset the host.
func (w *Watchdog) Resets() []time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Time(nil), w.resets...)
}

// Armed reports whether an agent armed the watchdog and when it was last
// fed.
func (w *Watchdog) Armed() (bool, time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.timer != nil, w.lastFed
}

func (w *Watchdog) run() {
	buf := make([]byte, 512)
	var line []byte
	for {
		n, err := w.f.Read(buf)
		for _, b := range buf[:n] {
			switch {
			case b == '\n':
				w.command(string(line))
				line = line[:0]
			case b == 'V' && len(line) == 0:
				w.command("V")
			default:
				line = append(line, b)
			}
		}
		if err != nil {
			return
		}
	}
}

// command takes one line from the agent.
func (w *Watchdog) command(cmd string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	switch {
	case strings.HasPrefix(cmd, "timeout "):
		s, err := strconv.Atoi(strings.TrimPrefix(cmd, "timeout "))
		if err != nil || s <= 0 {
			w.host.lab.logf("%s: watchdog: bad line %q", w.host.Name, cmd)
			return
		}
		w.timeout = time.Duration(s) * time.Second
		w.feedLocked()
		w.host.lab.logf("%s: watchdog armed (%v)", w.host.Name, w.timeout)
	case cmd == "keepalive":
		if w.timer != nil {
			w.feedLocked()
		}
	case cmd == "V":
		if w.timer != nil {
			w.timer.Stop()
			w.timer = nil
			w.host.lab.logf("%s: watchdog disarmed", w.host.Name)
		}
	}
}

func (w *Watchdog) feedLocked() {
	w.lastFed = time.Now()
	if w.timer != nil {
		w.timer.Stop()
	}
	// The timer's function reads t only under w.mu, which is held here
	// until t is assigned: a timer that fires at once must not read it
	// earlier (the race detector caught that).
	var t *time.Timer
	t = time.AfterFunc(w.timeout, func() { w.fire(&t) })
	w.timer = t
}

// fire resets the host: the timer *tp ran out.
func (w *Watchdog) fire(tp **time.Timer) {
	w.mu.Lock()
	if w.timer != *tp || w.closed {
		w.mu.Unlock()
		return
	}
	w.timer = nil
	w.resets = append(w.resets, time.Now())
	fed := w.lastFed
	w.mu.Unlock()
	h := w.host
	h.lab.logf("%s: watchdog expired (last fed %v ago): resetting the host", h.Name, time.Since(fed).Round(time.Millisecond))
	if err := errors.Join(h.PowerOff(), h.PowerOn()); err != nil {
		h.lab.logf("%s: watchdog reset: %v", h.Name, err)
	}
}

func (w *Watchdog) close() error {
	w.mu.Lock()
	w.closed = true
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	w.mu.Unlock()
	err := w.f.Close()
	os.Remove(w.Path)
	return err
}
