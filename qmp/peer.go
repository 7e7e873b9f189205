package qmp

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// ProcessKiller is implemented by a Monitor that knows the QEMU process at
// its other end. Migrate uses it to make sure a stale destination is gone
// before the source may run again.
type ProcessKiller interface {
	// KillProcess sends SIGKILL to the QEMU process behind the monitor and
	// returns once the process has exited (at once if it had already). It
	// returns ErrProcessUnknown when the monitor does not know the process,
	// and ctx's error when the exit was not seen in time.
	KillProcess(ctx context.Context) error
}

// peerProcess is the process at the other end of a local unix socket, held
// by a pidfd taken when the connection was made: a pid recycled later can
// never be signalled by mistake.
type peerProcess struct {
	pid int
	mu  sync.Mutex
	fd  int // pidfd; -1 once closed
}

// peerOf identifies the process that created the listening end of conn
// (QEMU, for its monitor socket) from the kernel's peer credentials. It
// returns nil when conn is not a unix socket, when the peer is not visible
// in this PID namespace, or when the peer is this very process (an
// in-process fake server, which must never be killed).
func peerOf(conn net.Conn) *peerProcess {
	uc, ok := conn.(*net.UnixConn)
	if !ok {
		return nil
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return nil
	}
	var p *peerProcess
	raw.Control(func(s uintptr) {
		cred, err := unix.GetsockoptUcred(int(s), unix.SOL_SOCKET, unix.SO_PEERCRED)
		if err != nil || cred.Pid <= 0 || int(cred.Pid) == os.Getpid() {
			return
		}
		// SO_PEERPIDFD (Linux 6.5) names the peer without a race. Older
		// kernels do not know the option: pidfd_open on the credential's
		// pid, just after connecting. A peer already gone (ESRCH) stays
		// unknown: its pid may be someone else's by now.
		fd, err := unix.GetsockoptInt(int(s), unix.SOL_SOCKET, unix.SO_PEERPIDFD)
		if errors.Is(err, unix.ENOPROTOOPT) {
			fd, err = unix.PidfdOpen(int(cred.Pid), 0)
		}
		if err != nil {
			return
		}
		unix.CloseOnExec(fd)
		p = &peerProcess{pid: int(cred.Pid), fd: fd}
	})
	return p
}

// kill sends SIGKILL and waits until the process has exited.
func (p *peerProcess) kill(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fd < 0 {
		return fmt.Errorf("qemu pid %d: %w (monitor closed)", p.pid, ErrProcessUnknown)
	}
	if err := unix.PidfdSendSignal(p.fd, unix.SIGKILL, nil, 0); err != nil && !errors.Is(err, unix.ESRCH) {
		return fmt.Errorf("kill qemu pid %d: %w", p.pid, err)
	}
	if err := waitPidfd(ctx, p.fd); err != nil {
		return fmt.Errorf("qemu pid %d killed but not seen to exit: %w", p.pid, err)
	}
	return nil
}

func (p *peerProcess) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fd >= 0 {
		unix.Close(p.fd)
		p.fd = -1
	}
}

// waitPidfd waits until the process behind pidfd fd has exited (a pidfd
// turns readable then, whether or not its parent has reaped it yet: an
// exited process holds no files, disks or locks any more).
func waitPidfd(ctx context.Context, fd int) error {
	const slice = 20 * time.Millisecond
	for {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, int(slice/time.Millisecond))
		if err != nil && !errors.Is(err, unix.EINTR) {
			return fmt.Errorf("poll pidfd: %w", err)
		}
		if n > 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// PID is the process id of the QEMU at the other end of the monitor socket,
// from the kernel's peer credentials; 0 when unknown (not a local unix
// socket, a peer in another PID namespace, or a server in this process).
func (c *Client) PID() int {
	if c.peer == nil {
		return 0
	}
	return c.peer.pid
}

// KillProcess implements ProcessKiller: SIGKILL to the QEMU process behind
// the socket (identified when the connection was made, even if the
// connection has dropped since), then wait until it has exited. The
// monitor itself is not used, so a wedged QEMU (stuck main loop, SIGSTOP)
// is killed all the same.
func (c *Client) KillProcess(ctx context.Context) error {
	if c.peer == nil {
		return fmt.Errorf("qmp kill: %w", ErrProcessUnknown)
	}
	return c.peer.kill(ctx)
}

var _ ProcessKiller = (*Client)(nil)
