package watchdog_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/fencing/watchdog"
	"golang.org/x/sys/unix"
)

// fakeDevice models a watchdog driver: opening arms it, keepalive restarts
// the countdown, 'V' then close disarms it, close without 'V' leaves it
// running (as a driver without nowayout does on an unexpected close, the
// kernel logs "watchdog did not stop!").
type fakeDevice struct {
	mu        sync.Mutex
	maxTO     int // the driver's largest timeout; 0 = any
	minTO     int // the driver's smallest timeout
	failSet   bool
	timeout   int
	lastPet   time.Time
	magic     bool
	closed    bool
	disarmed  bool
	keepalive int
	writes    []string
}

func (d *fakeDevice) SetTimeout(s int) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.failSet {
		return 0, errors.New("EINVAL")
	}
	if d.maxTO > 0 && s > d.maxTO {
		s = d.maxTO
	}
	s = max(s, d.minTO)
	d.timeout = s
	return s, nil
}

func (d *fakeDevice) Keepalive() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return os.ErrClosed
	}
	d.keepalive++
	d.lastPet = time.Now()
	return nil
}

func (d *fakeDevice) Write(p []byte) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.writes = append(d.writes, string(p))
	d.magic = strings.Contains(string(p), "V")
	return len(p), nil
}

func (d *fakeDevice) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	d.disarmed = d.magic
	return nil
}

// fired reports whether the countdown ran out: armed, not disarmed, and no
// keepalive within the timeout.
func (d *fakeDevice) fired() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return !d.disarmed && !d.lastPet.IsZero() && time.Since(d.lastPet) > time.Duration(d.timeout)*time.Second
}

func open(t *testing.T, d *fakeDevice, timeout time.Duration) *watchdog.Watchdog {
	t.Helper()
	w, err := watchdog.Open(watchdog.Config{Path: "/dev/fake-watchdog", Timeout: timeout, Open: func(string) (watchdog.Device, error) { return d, nil }})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestFedWatchdogDoesNotFire(t *testing.T) {
	d := &fakeDevice{}
	w := open(t, d, time.Second)
	if w.Timeout() != time.Second || d.timeout != 1 || d.keepalive != 1 {
		t.Fatalf("after Open: timeout %v (driver %ds), %d keepalives; want 1s and a first keepalive", w.Timeout(), d.timeout, d.keepalive)
	}
	for range 6 {
		time.Sleep(300 * time.Millisecond)
		if err := w.Feed(); err != nil {
			t.Fatal(err)
		}
	}
	if d.fired() {
		t.Fatal("a fed watchdog fired")
	}
	if err := w.Disarm(); err != nil {
		t.Fatal(err)
	}
	if !d.disarmed || d.writes[len(d.writes)-1] != "V" {
		t.Fatalf("Disarm wrote %q, disarmed=%v; want the magic 'V' then close", d.writes, d.disarmed)
	}
	time.Sleep(1100 * time.Millisecond)
	if d.fired() {
		t.Fatal("a disarmed watchdog fired")
	}
	if err := w.Feed(); !errors.Is(err, watchdog.ErrStarving) {
		t.Fatalf("Feed after Disarm = %v, want ErrStarving", err)
	}
}

func TestStarvedWatchdogFires(t *testing.T) {
	d := &fakeDevice{}
	w := open(t, d, time.Second)
	deadline := w.Starve()
	if until := time.Until(deadline); until > time.Second || until < 0 {
		t.Fatalf("Starve deadline in %v, want within the 1s timeout", until)
	}
	if err := w.Feed(); !errors.Is(err, watchdog.ErrStarving) {
		t.Fatalf("Feed after Starve = %v, want ErrStarving", err)
	}
	if err := w.Disarm(); !errors.Is(err, watchdog.ErrStarving) {
		t.Fatalf("Disarm after Starve = %v: the reset was decided, it must not be undone", err)
	}
	if d.closed {
		t.Fatal("Starve closed the device")
	}
	time.Sleep(1200 * time.Millisecond)
	if !d.fired() {
		t.Fatal("a starved watchdog did not fire after its timeout")
	}
}

func TestOpenRefusals(t *testing.T) {
	for _, tc := range []struct {
		name    string
		d       *fakeDevice
		timeout time.Duration
		want    string
	}{
		{"sub-second", &fakeDevice{}, 500 * time.Millisecond, "whole seconds"},
		{"fraction", &fakeDevice{}, 1500 * time.Millisecond, "whole seconds"},
		{"driver cannot set", &fakeDevice{failSet: true}, 10 * time.Second, "set timeout 10s"},
		{"driver rounds up", &fakeDevice{minTO: 30}, 10 * time.Second, "the driver set 30s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := watchdog.Open(watchdog.Config{Timeout: tc.timeout, Open: func(string) (watchdog.Device, error) { return tc.d, nil }})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Open = %v, want an error with %q", err, tc.want)
			}
			if tc.d.timeout != 0 && !tc.d.disarmed {
				t.Fatal("a refused Open left the device armed")
			}
		})
	}
}

// A driver that cannot go as high keeps its own, shorter, timeout: still
// safe for the cluster (the reset comes sooner); Timeout tells the feeder.
func TestDriverShortensTimeout(t *testing.T) {
	d := &fakeDevice{maxTO: 5}
	w := open(t, d, 60*time.Second)
	if w.Timeout() != 5*time.Second {
		t.Fatalf("Timeout() = %v, want the driver's 5s", w.Timeout())
	}
	w.Disarm()
}

// TestNeverArmsTheBuildMachine: inside a test binary on the build machine,
// Open without a fake refuses before touching any device.
func TestNeverArmsTheBuildMachine(t *testing.T) {
	if os.Getenv("VIGIL_FULLKERNEL") == "1" {
		t.Skip("inside the full-kernel guest arming is allowed")
	}
	_, err := watchdog.Open(watchdog.Config{Path: "/dev/watchdog", Timeout: 60 * time.Second})
	if !errors.Is(err, watchdog.ErrForbidden) {
		t.Fatalf("Open(/dev/watchdog) in a test on the build machine = %v, want ErrForbidden", err)
	}
	t.Setenv("VIGIL_NO_WATCHDOG", "1")
	_, err = watchdog.Open(watchdog.Config{Path: "/dev/watchdog", Timeout: 60 * time.Second})
	if !errors.Is(err, watchdog.ErrForbidden) || !strings.Contains(err.Error(), "VIGIL_NO_WATCHDOG") {
		t.Fatalf("Open with VIGIL_NO_WATCHDOG=1 = %v, want ErrForbidden naming it", err)
	}
}

func TestCheckTiming(t *testing.T) {
	for _, tc := range []struct {
		name                string
		ttl, drift, wd, rtt time.Duration
		ok                  bool
	}{
		{"lease outlasts", 30 * time.Second, time.Second, 20 * time.Second, 2 * time.Second, true},
		{"equal is not enough", 23 * time.Second, time.Second, 20 * time.Second, 2 * time.Second, false},
		{"drift eats the margin", 30 * time.Second, 9 * time.Second, 20 * time.Second, 2 * time.Second, false},
	} {
		err := watchdog.CheckTiming(tc.ttl, tc.drift, tc.wd, tc.rtt)
		if (err == nil) != tc.ok {
			t.Errorf("%s: CheckTiming = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

// TestLabPipe: a named pipe in place of the device is a lab's software
// watchdog, allowed even where a real one never is (a test binary,
// VIGIL_NO_WATCHDOG=1): its reader gets the timeout, every keepalive and
// the magic close, one line or byte each.
func TestLabPipe(t *testing.T) {
	t.Setenv("VIGIL_NO_WATCHDOG", "1")
	path := filepath.Join(t.TempDir(), "watchdog")
	if err := unix.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := os.OpenFile(path, os.O_RDONLY|unix.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	w, err := watchdog.Open(watchdog.Config{Path: path, Timeout: 3 * time.Second})
	if err != nil {
		t.Fatalf("Open(lab pipe) = %v", err)
	}
	if err := w.Feed(); err != nil {
		t.Fatal(err)
	}
	if err := w.Disarm(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 256)
	n, _ := r.Read(buf)
	if got, want := string(buf[:n]), "timeout 3\nkeepalive\nkeepalive\nV"; got != want {
		t.Errorf("the pipe's reader got %q, want %q", got, want)
	}
	// A regular file is no pipe: the guard still refuses it here.
	reg := filepath.Join(t.TempDir(), "file")
	os.WriteFile(reg, nil, 0o600)
	if _, err := watchdog.Open(watchdog.Config{Path: reg, Timeout: 3 * time.Second}); !errors.Is(err, watchdog.ErrForbidden) {
		t.Errorf("Open(regular file) = %v, want ErrForbidden", err)
	}
}
