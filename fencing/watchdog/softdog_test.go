package watchdog_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/fencing/watchdog"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/fullkernel"
)

// These tests arm a real softdog, inside Debian's kernel booted under QEMU
// by test/fullkernel, never on the build machine.

// TestSoftdogFedThenDisarmed: a watchdog fed every 500 ms for three times
// its timeout keeps the guest alive; after a clean Disarm (magic close) the
// guest survives well past the timeout without feeding.
func TestSoftdogFedThenDisarmed(t *testing.T) {
	if !fullkernel.Inside() {
		fullkernel.RunTest(t, fullkernel.Options{Timeout: 5 * time.Minute})
		return
	}
	w, err := watchdog.Open(watchdog.Config{Timeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if w.Timeout() != 3*time.Second {
		t.Fatalf("softdog timeout %v, want 3s", w.Timeout())
	}
	start := time.Now()
	for time.Since(start) < 9*time.Second {
		time.Sleep(500 * time.Millisecond)
		if err := w.Feed(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("fed for %v past a 3s timeout: alive", time.Since(start).Round(time.Millisecond))
	if err := w.Disarm(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(8 * time.Second)
	t.Log("8s after a clean disarm with a 3s timeout: alive")
}

const starvingMarker = "vigil-watchdog-test: starving now"

// TestSoftdogStarvedResets: a starved watchdog resets the guest within its
// timeout. Inside, the test arms a 3 s softdog, feeds it twice, prints a
// marker, starves it and waits; it must never get to report. Outside, the
// guest must end without a verdict (QEMU runs with -no-reboot, so the reset
// ends it), the kernel must say softdog fired, and the end must come within
// the timeout (plus the time QEMU takes to exit) after the marker.
func TestSoftdogStarvedResets(t *testing.T) {
	if fullkernel.Inside() {
		w, err := watchdog.Open(watchdog.Config{Timeout: 3 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			time.Sleep(500 * time.Millisecond)
			if err := w.Feed(); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Println(starvingMarker)
		os.Stdout.Sync()
		w.Starve()
		time.Sleep(60 * time.Second)
		t.Fatal("still running 60s after starving a 3s watchdog")
		return
	}
	if testing.Short() {
		t.Skip("boots a full kernel")
	}
	if _, err := fullkernel.FindAssets(fullkernel.Dir()); err != nil {
		testenv.Unavailable(t, "%v", err)
	}
	if _, err := exec.LookPath("qemu-system-x86_64"); err != nil {
		testenv.Unavailable(t, "qemu-system-x86_64 not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var mu sync.Mutex
	var starvedAt time.Time
	res, err := fullkernel.Run(ctx, fullkernel.Config{
		Run: "^TestSoftdogStarvedResets$",
		Output: func(line string) {
			t.Log(line)
			if strings.Contains(line, starvingMarker) {
				mu.Lock()
				starvedAt = time.Now()
				mu.Unlock()
			}
		},
	})
	ended := time.Now()
	if errors.Is(err, fullkernel.ErrNoAssets) {
		testenv.Unavailable(t, "%v", err)
	}
	if !errors.Is(err, fullkernel.ErrNoVerdict) {
		t.Fatalf("run = exit %d, %v; want the guest reset before any verdict", res.ExitCode, err)
	}
	mu.Lock()
	at := starvedAt
	mu.Unlock()
	if at.IsZero() {
		t.Fatal("the inner test never reached the starving point")
	}
	console := strings.Join(res.Console, "\n")
	if !strings.Contains(console, "softdog") || !strings.Contains(console, "Initiating system reboot") {
		t.Fatalf("no softdog reset on the console; last lines:\n%s", strings.Join(res.Console[max(0, len(res.Console)-15):], "\n"))
	}
	took := ended.Sub(at)
	t.Logf("guest reset %v after the watchdog was starved (timeout 3s, last feed just before)", took.Round(time.Millisecond))
	if took > 3*time.Second+10*time.Second {
		t.Fatalf("reset %v after starving a 3s watchdog", took)
	}
}
