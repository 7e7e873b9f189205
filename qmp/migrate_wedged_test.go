package qmp_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/qmp/qmptest"
)

// wedgedSocketVar, set in this test binary's environment, turns it into a
// destination QEMU stand-in (see TestMain) serving on that path.
const wedgedSocketVar = "VIGIL_QMPTEST_WEDGED_SOCKET"

// TestMain runs the tests, or, with wedgedSocketVar set, serves a wedging
// destination until killed: a process the tests can kill by pid.
func TestMain(m *testing.M) {
	if path := os.Getenv(wedgedSocketVar); path != "" {
		if _, err := qmptest.NewServer(path, wedgingDestination()); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		time.Sleep(time.Hour) // until killed
		os.Exit(3)
	}
	os.Exit(m.Run())
}

// wedgingDestination answers like a QEMU started with -incoming defer until
// migrate-incoming, then wedges (no reply to anything, as a QEMU whose main
// loop is stuck or that was stopped with SIGSTOP).
func wedgingDestination() qmptest.Handler {
	var mu sync.Mutex
	incoming := false
	return func(cmd string, _ json.RawMessage) (any, error) {
		mu.Lock()
		defer mu.Unlock()
		if incoming {
			return nil, qmptest.ErrHang
		}
		switch cmd {
		case "query-status":
			return qmp.StatusInfo{Status: "inmigrate"}, nil
		case "migrate-incoming":
			incoming = true
		}
		return nil, nil
	}
}

// startWedgedDestination runs this test binary as a wedging destination in
// a child process and returns the child's pid and a pidfd of it.
func startWedgedDestination(t *testing.T, path string) (pid, pidfd int) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), wedgedSocketVar+"="+path)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	fd, err := unix.PidfdOpen(cmd.Process.Pid, 0)
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("pidfd_open: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		unix.Close(fd)
	})
	return cmd.Process.Pid, fd
}

// exited reports whether the process behind pidfd has exited.
func exited(pidfd int) bool {
	fds := []unix.PollFd{{Fd: int32(pidfd), Events: unix.POLLIN}}
	n, _ := unix.Poll(fds, 0)
	return n > 0
}

// dialRetry dials a QMP socket that is about to appear.
func dialRetry(t *testing.T, path string) *qmp.Client {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for {
		mon, err := qmp.Dial(c, path)
		if err == nil {
			t.Cleanup(func() { mon.Close() })
			return mon
		}
		select {
		case <-c.Done():
			t.Fatalf("Dial(%s): %v", path, err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// A migration completes, then the destination wedges: its monitor (over
// the real wire protocol) answers nothing, so verification fails. The VM
// may go back to the source only once the destination's process is
// confirmed gone: killed by pid (through a pidfd from the socket's peer
// credentials) when the monitor knows it; when it does not (a server in
// this very process), the source must stay paused.
func TestMigrateWedgedDestination(t *testing.T) {
	for _, tc := range []struct {
		name        string
		ownProcess  bool // destination in a child process vigil can kill
		wantResumed bool
	}{
		{"process known: killed, confirmed gone, source resumed", true, true},
		{"process unknown: source left paused", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(shortDir(t), "dst.qmp")
			pidfd := -1
			if tc.ownProcess {
				var pid int
				pid, pidfd = startWedgedDestination(t, path)
				defer func() {
					if t.Failed() {
						t.Logf("destination pid %d", pid)
					}
				}()
			} else {
				s, err := qmptest.NewServer(path, wedgingDestination())
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
			}
			dst := dialRetry(t, path)
			if tc.ownProcess && dst.PID() <= 0 {
				t.Fatalf("Client.PID() = %d for a destination in a child process, want its pid", dst.PID())
			}
			if !tc.ownProcess && dst.PID() != 0 {
				t.Fatalf("Client.PID() = %d for a server in this process, want 0 (never kill ourselves)", dst.PID())
			}
			f := newFake(func(f *fakeMigration, n int) map[string]any {
				f.srcStatus = "postmigrate"
				return completed()
			})
			goneAtResume := false
			f.onCall = func(cmd string, _ json.RawMessage) {
				if cmd == "src:cont" {
					goneAtResume = pidfd >= 0 && exited(pidfd)
				}
			}
			opt := fastOpts()
			opt.CallTimeout = 2 * time.Second // generous: the machine is shared
			res, err := qmp.Migrate(context.Background(), f.src, dst, opt)
			t.Logf("Migrate = %+v, %v", res, err)
			if !errors.Is(err, qmp.ErrVerify) || res.Status != "failed" {
				t.Fatalf("Migrate = %+v, %v; want ErrVerify", res, err)
			}
			resumed := slices.Contains(f.orderSnapshot(), "src:cont")
			if tc.wantResumed {
				if !resumed || !goneAtResume {
					t.Errorf("source resumed %v, destination gone at that moment %v: want resumed only after the destination exited", resumed, goneAtResume)
				}
				if errors.Is(err, qmp.ErrBothStopped) {
					t.Errorf("err = %v: want no ErrBothStopped once the destination was killed", err)
				}
				return
			}
			if resumed {
				t.Errorf("source resumed although the wedged destination could not be confirmed gone")
			}
			if !errors.Is(err, qmp.ErrBothStopped) || !strings.Contains(err.Error(), "source stays paused") {
				t.Errorf("err = %v; want ErrBothStopped saying the source stays paused", err)
			}
		})
	}
}

// Client.KillProcess kills the process behind a monitor whatever state its
// monitor is in, and a second call on the dead process still succeeds.
func TestClientKillProcess(t *testing.T) {
	path := filepath.Join(shortDir(t), "dst.qmp")
	pid, pidfd := startWedgedDestination(t, path)
	mon := dialRetry(t, path)
	if mon.PID() != pid {
		t.Fatalf("Client.PID() = %d, want the child's %d", mon.PID(), pid)
	}
	if err := mon.Run(ctx(t, 10*time.Second), "migrate-incoming", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := mon.Run(ctx(t, 200*time.Millisecond), "query-status", nil, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("query-status on the wedged monitor = %v, want a timeout", err)
	}
	for i := range 2 {
		if err := mon.KillProcess(ctx(t, 30*time.Second)); err != nil {
			t.Fatalf("KillProcess #%d = %v", i+1, err)
		}
		if !exited(pidfd) {
			t.Fatalf("KillProcess #%d returned but the child has not exited", i+1)
		}
	}
	mon.Close()
	if err := mon.KillProcess(ctx(t, time.Second)); !errors.Is(err, qmp.ErrProcessUnknown) {
		t.Errorf("KillProcess after Close = %v, want ErrProcessUnknown", err)
	}
}
