package lab

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestWatchdog: a host's software watchdog resets the host (its processes
// die, its boot services start again) once an armed watchdog goes unfed
// for its timeout, and not while it is fed or after a clean disarm.
func TestWatchdog(t *testing.T) {
	l := New(t, Options{Hosts: 1, BMC: NoBMC})
	h := l.Hosts[0]
	svc, err := h.AddService("agent", func() *exec.Cmd { return h.Command(context.Background(), "sleep", "1000") })
	if err != nil {
		t.Fatal(err)
	}
	w, err := h.StartWatchdog(filepath.Join(t.TempDir(), "watchdog"))
	if err != nil {
		t.Fatal(err)
	}
	dev, err := os.OpenFile(w.Path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	say := func(s string) {
		if _, err := dev.WriteString(s); err != nil {
			t.Fatal(err)
		}
	}
	// Fed every 300 ms for 2.5 s with a 1 s timeout, then disarmed: no
	// reset.
	say("timeout 1\n")
	for range 8 {
		time.Sleep(300 * time.Millisecond)
		say("keepalive\n")
	}
	say("V")
	time.Sleep(1500 * time.Millisecond)
	if r := w.Resets(); len(r) != 0 || !svc.Alive() {
		t.Fatalf("fed, then disarmed: resets %v, agent alive %v; want none and alive", r, svc.Alive())
	}
	// Armed and starved: the host is reset within the timeout (and a
	// scheduling margin).
	say("timeout 1\n")
	armed := time.Now()
	select {
	case <-svc.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("a starved watchdog did not reset the host")
	}
	if r := w.Resets(); len(r) != 1 || r[0].Sub(armed) < time.Second {
		t.Fatalf("resets %v after arming at %v, want one after 1 s", r, armed)
	}
	for deadline := time.Now().Add(5 * time.Second); h.Service("agent") == nil || h.Service("agent") == svc; {
		if time.Now().After(deadline) {
			t.Fatal("the reset host's boot service did not start again")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if ok, _ := w.Armed(); ok {
		t.Error("the watchdog is still armed after the reset")
	}
}
