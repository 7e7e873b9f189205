package spawn

import (
	"os/exec"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// startFromDoomedThread starts `sleep 30` with a parent-death signal from a
// goroutine that then exits locked to its thread, so the runtime ends that
// thread (as a netns switch does). It reports whether the child is still
// alive afterwards.
func startFromDoomedThread(t *testing.T, start func(*exec.Cmd) error) bool {
	t.Helper()
	cmd := exec.Command("sleep", "30")
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the runtime ends this thread
		started <- start(cmd)
	}()
	if err := <-started; err != nil {
		t.Fatalf("start: %v", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() { cmd.Process.Kill(); <-exited })
	select {
	case <-exited:
		return false
	case <-time.After(500 * time.Millisecond):
		return true
	}
}

// TestChildOutlivesForkingThread: started through Start, the child survives
// the end of the thread that asked for it.
func TestChildOutlivesForkingThread(t *testing.T) {
	if !startFromDoomedThread(t, Start) {
		t.Fatal("child started through Start died when the asking thread ended")
	}
}

// TestPlainStartDiesWithThread is the control: started with cmd.Start from
// that thread, the kernel kills the child when the thread ends. It shows
// the test above can fail.
func TestPlainStartDiesWithThread(t *testing.T) {
	if startFromDoomedThread(t, (*exec.Cmd).Start) {
		t.Fatal("child started with cmd.Start outlived its forking thread; the Pdeathsig hazard Start avoids did not show")
	}
}
