// Package watchdog is vigil's self-fence: it arms the hardware watchdog
// (/dev/watchdog), feeds it while the host may keep running its VMs, and
// stops feeding it when told to, so that a host which lost quorum and could
// not stop its VMs is reset by its own hardware within the timeout.
//
// Core type: Watchdog, from Open (which arms the device: opening
// /dev/watchdog starts the countdown). Feed pets it (WDIOC_KEEPALIVE), Starve
// stops feeding for good while keeping the device open (the reset follows
// within Timeout), Disarm is the clean shutdown: the magic character 'V'
// then close, which stops the countdown on drivers that support magic close
// and were not built with nowayout. Equivalents: `wdctl`, and systemd's
// RuntimeWatchdogSec.
//
// Timing (DESIGN.md, invariant 2): feed only after a lease renewal that came
// back within its round-trip bound, and keep
// lease TTL − clock drift > watchdog timeout + renewal round trip;
// CheckTiming verifies a configuration against that rule.
//
// Labs: a named pipe in place of the device is a software watchdog whose
// reader (the lab, which owns the simulated host) resets the host when the
// keepalives stop ("timeout N", "keepalive" and the magic "V", one line or
// byte each). It resets no machine, so the guard below does not apply.
//
// Guard: the build machine must never arm its watchdog. Open refuses a real
// device inside any Go test binary unless the test runs in the full-kernel
// guest (test/fullkernel sets VIGIL_FULLKERNEL=1 there), and refuses when
// VIGIL_NO_WATCHDOG=1 is set (labs and demos that run agents on the build
// machine set it). Unit tests use Config.Open with a fake Device.
package watchdog

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// Device is the watchdog character device, as far as vigil uses it.
type Device interface {
	// SetTimeout asks for a timeout in seconds and returns what the driver
	// set (WDIOC_SETTIMEOUT, then WDIOC_GETTIMEOUT).
	SetTimeout(seconds int) (int, error)
	// Keepalive pets the watchdog (WDIOC_KEEPALIVE).
	Keepalive() error
	// Write writes to the device; "V" before Close is the magic close.
	Write(p []byte) (int, error)
	Close() error
}

// Config configures Open.
type Config struct {
	// Path is the device (default /dev/watchdog).
	Path string
	// Timeout is the reset deadline; whole seconds, at least 1 s.
	Timeout time.Duration
	// Open opens the device; nil opens the real one (guarded, see the
	// package doc). Tests pass a fake.
	Open func(path string) (Device, error)
}

// Errors of the watchdog.
var (
	// ErrForbidden: arming a real watchdog here is not allowed.
	ErrForbidden = errors.New("watchdog: refusing to arm a real watchdog here")
	// ErrStarving: Feed after Starve (or Disarm): the decision to let the
	// host reset is final.
	ErrStarving = errors.New("watchdog: starving, not fed")
)

// Environment variables of the guard.
const (
	envFullKernel = "VIGIL_FULLKERNEL"  // set to 1 by test/fullkernel inside its guest
	envForbid     = "VIGIL_NO_WATCHDOG" // set to 1 to refuse arming
)

type state int

const (
	armed state = iota
	starving
	disarmed
)

// Watchdog is an armed watchdog. Safe for concurrent use.
type Watchdog struct {
	path    string
	timeout time.Duration

	mu       sync.Mutex
	dev      Device
	state    state
	lastFeed time.Time
}

// Open opens and thereby arms the watchdog, and sets its timeout. The
// countdown runs from here: feed it within Timeout.
func Open(cfg Config) (*Watchdog, error) {
	if cfg.Path == "" {
		cfg.Path = "/dev/watchdog"
	}
	if cfg.Timeout < time.Second || cfg.Timeout%time.Second != 0 {
		return nil, fmt.Errorf("watchdog %s: timeout %v: want whole seconds, at least 1s", cfg.Path, cfg.Timeout)
	}
	open := cfg.Open
	if open == nil {
		open = openReal
		if fi, err := os.Stat(cfg.Path); err == nil && fi.Mode()&os.ModeNamedPipe != 0 {
			// A lab's software watchdog: it resets a simulated host,
			// never this machine.
			open = openPipe
		} else if err := guard(); err != nil {
			return nil, fmt.Errorf("watchdog %s: %w", cfg.Path, err)
		}
	}
	dev, err := open(cfg.Path)
	if err != nil {
		return nil, fmt.Errorf("watchdog %s: %w", cfg.Path, err)
	}
	want := int(cfg.Timeout / time.Second)
	got, err := dev.SetTimeout(want)
	if err != nil {
		// Armed with an unknown timeout: disarm rather than leave a
		// countdown nobody feeds.
		magicClose(dev)
		return nil, fmt.Errorf("watchdog %s: set timeout %ds: %w", cfg.Path, want, err)
	}
	// Longer than asked would break the cluster's assumption about when
	// this host is gone; shorter is safe, and Timeout reports it.
	if got <= 0 || got > want {
		magicClose(dev)
		return nil, fmt.Errorf("watchdog %s: asked for a %ds timeout, the driver set %ds", cfg.Path, want, got)
	}
	w := &Watchdog{path: cfg.Path, timeout: time.Duration(got) * time.Second, dev: dev, lastFeed: time.Now()}
	if err := dev.Keepalive(); err != nil {
		magicClose(dev)
		return nil, fmt.Errorf("watchdog %s: keepalive: %w", cfg.Path, err)
	}
	return w, nil
}

// guard refuses a real watchdog in test binaries outside the full-kernel
// guest, and wherever VIGIL_NO_WATCHDOG=1.
func guard() error {
	if os.Getenv(envForbid) == "1" {
		return fmt.Errorf("%w: %s=1", ErrForbidden, envForbid)
	}
	if inTestBinary() && os.Getenv(envFullKernel) != "1" {
		return fmt.Errorf("%w: a test binary outside the full-kernel guest (the build machine must never be reset)", ErrForbidden)
	}
	return nil
}

// inTestBinary reports whether this process is a Go test binary (named
// NAME.test, or run with -test.* flags), without linking package testing
// into the agent, which must not (cmd/vigil's deps test).
func inTestBinary() bool {
	if strings.HasSuffix(filepath.Base(os.Args[0]), ".test") {
		return true
	}
	for _, a := range os.Args[1:] {
		if strings.HasPrefix(a, "-test.") {
			return true
		}
	}
	return false
}

// Timeout is the timeout the driver set.
func (w *Watchdog) Timeout() time.Duration { return w.timeout }

// Feed pets the watchdog. Call it only after proof that the host may keep
// running (a lease renewal that came back in time). After Starve or Disarm
// it returns ErrStarving and does nothing.
func (w *Watchdog) Feed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.state != armed {
		return ErrStarving
	}
	if err := w.dev.Keepalive(); err != nil {
		return fmt.Errorf("watchdog %s: keepalive: %w", w.path, err)
	}
	w.lastFeed = time.Now()
	return nil
}

// Starve stops feeding for good and keeps the device open: the host resets
// within Timeout of the last feed. It returns that deadline.
func (w *Watchdog) Starve() time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.state == armed {
		w.state = starving
	}
	return w.lastFeed.Add(w.timeout)
}

// Disarm stops the watchdog cleanly: magic close ('V', then close). A
// starving watchdog is not disarmed (ErrStarving): the reset was decided.
func (w *Watchdog) Disarm() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch w.state {
	case starving:
		return ErrStarving
	case disarmed:
		return nil
	}
	w.state = disarmed
	if err := magicClose(w.dev); err != nil {
		return fmt.Errorf("watchdog %s: magic close: %w", w.path, err)
	}
	return nil
}

func magicClose(dev Device) error {
	_, werr := dev.Write([]byte("V"))
	return errors.Join(werr, dev.Close())
}

// CheckTiming verifies the self-fence rule of DESIGN.md: a lease must
// outlast the watchdog, lease TTL − worst clock drift > watchdog timeout +
// longest renewal round trip; otherwise a partitioned host could still run
// its VMs after the cluster assumed it reset.
func CheckTiming(leaseTTL, maxDrift, watchdogTimeout, maxRenewalRTT time.Duration) error {
	if leaseTTL-maxDrift <= watchdogTimeout+maxRenewalRTT {
		return fmt.Errorf("watchdog timing: lease %v − drift %v must exceed watchdog %v + renewal round trip %v",
			leaseTTL, maxDrift, watchdogTimeout, maxRenewalRTT)
	}
	return nil
}

// pipeDevice is a lab's software watchdog: a named pipe whose reader (a
// process of the lab that owns the simulated host) resets the host when no
// keepalive arrives within the timeout, as softdog would. Each call writes
// one line: "timeout N", "keepalive"; the magic close writes "V".
type pipeDevice struct{ f *os.File }

func openPipe(path string) (Device, error) {
	// Read-write, non-blocking: opening waits for no reader, and a feed
	// never blocks the lease loop (a reader that stopped reading is a
	// watchdog that stopped counting: the lab's fault).
	f, err := os.OpenFile(path, os.O_RDWR|unix.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	return &pipeDevice{f: f}, nil
}

func (d *pipeDevice) SetTimeout(seconds int) (int, error) {
	if _, err := fmt.Fprintf(d.f, "timeout %d\n", seconds); err != nil {
		return 0, err
	}
	return seconds, nil
}

func (d *pipeDevice) Keepalive() error {
	_, err := d.f.Write([]byte("keepalive\n"))
	return err
}

func (d *pipeDevice) Write(p []byte) (int, error) { return d.f.Write(p) }
func (d *pipeDevice) Close() error                { return d.f.Close() }

// realDevice is /dev/watchdog.
type realDevice struct{ f *os.File }

func openReal(path string) (Device, error) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	return &realDevice{f: f}, nil
}

func (d *realDevice) fd() int { return int(d.f.Fd()) }

func (d *realDevice) SetTimeout(seconds int) (int, error) {
	if err := unix.IoctlSetPointerInt(d.fd(), unix.WDIOC_SETTIMEOUT, seconds); err != nil {
		return 0, err
	}
	return unix.IoctlGetInt(d.fd(), unix.WDIOC_GETTIMEOUT)
}

func (d *realDevice) Keepalive() error            { return unix.IoctlWatchdogKeepalive(d.fd()) }
func (d *realDevice) Write(p []byte) (int, error) { return d.f.Write(p) }
func (d *realDevice) Close() error                { return d.f.Close() }
