package spawn

import (
	"os/exec"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// TestChildOutlivesLockedGoroutines starts a child with a parent-death
// signal, then ends many locked threads (as netns switches do); the child
// must still be alive.
func TestChildOutlivesLockedGoroutines(t *testing.T) {
	cmd := exec.Command("sleep", "30")
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := Start(cmd); err != nil {
		t.Fatalf("Start: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill(); <-exited })
	for range 4 * runtime.GOMAXPROCS(0) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			runtime.LockOSThread() // never unlocked: the runtime ends this thread
		}()
		<-done
	}
	select {
	case err := <-exited:
		t.Fatalf("child died when locked threads ended: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
}
