package qmp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Options say how to run QEMU on this host.
type Options struct {
	Binary string       // default "qemu-system-x86_64" from PATH
	Logger *slog.Logger // default slog.Default()
	// Command, if set, builds the exec.Cmd (the lab runs QEMU inside a
	// host's network namespace this way). Default exec.Command.
	Command func(name string, args ...string) *exec.Cmd
	// Launcher, if set, starts QEMU instead (SystemdLauncher: a transient
	// unit in machine.slice); Command is then not used. Nil: QEMU runs in
	// a session of its own, forked from this process.
	Launcher Launcher
}

func (o Options) binary() string {
	if o.Binary != "" {
		return o.Binary
	}
	return "qemu-system-x86_64"
}

func (o Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.Default()
}

// VM is one running QEMU process of a VM on this host, started by Start or
// found again by Adopt. Its monitor connection is the agent's; a second QMP
// socket (Paths.QMPAdmin) stays free for technicians.
type VM struct {
	Spec  Spec
	Paths Paths

	pid int
	mon *Client
	log *slog.Logger

	exited   chan struct{}
	exitOnce sync.Once
	mu       sync.Mutex
	exit     Exit
	shutdown *shutdownData // last SHUTDOWN event
	panicked bool

	stopping  bool // Stop or Kill was called
	watchDone chan struct{}
}

// Exit says how a VM's QEMU process ended.
type Exit struct {
	// Reason: "stopped" (Stop or Kill asked for it), "guest-shutdown" (the
	// guest powered off), "host-quit" (a quit from another QMP client or a
	// signal QEMU handled), "guest-panic", "crashed" (the process
	// died without a SHUTDOWN event: killed, QEMU crash), "exited" (other).
	Reason string
	// ShutdownReason is QEMU's SHUTDOWN event reason, if one came.
	ShutdownReason string
	Code           int    // exit code, -1 if killed by a signal or unknown
	Signal         string // the signal that killed it, if any
}

// Crashed reports whether the VM ended without anyone asking it to.
func (e Exit) Crashed() bool { return e.Reason == "crashed" || e.Reason == "guest-panic" }

type shutdownData struct {
	Guest  bool   `json:"guest"`
	Reason string `json:"reason"`
}

// Start runs QEMU for spec with its runtime files in paths, waits for the
// QMP socket and connects to it. incoming starts a migration destination
// (`-incoming defer`). It refuses to start a second copy: if the pidfile
// names a live QEMU of this VM, it returns ErrAlreadyRunning (use Adopt).
// QEMU runs in its own session so it outlives the agent.
func Start(ctx context.Context, spec Spec, paths Paths, incoming bool, opt Options) (*VM, error) {
	args, err := spec.Args(paths, incoming)
	if err != nil {
		return nil, err
	}
	for _, sock := range []string{paths.QMP, paths.QMPAdmin, paths.Serial} {
		if len(sock) >= 108 {
			return nil, fmt.Errorf("%w: vm %q: socket path %q longer than a unix socket allows (107 bytes)", ErrInvalidSpec, spec.Name, sock)
		}
	}
	if pid, ok := runningPID(paths.PIDFile, spec); ok {
		return nil, fmt.Errorf("start vm %s: %w (pid %d)", spec.Name, ErrAlreadyRunning, pid)
	}
	if err := os.MkdirAll(paths.Dir, 0o750); err != nil {
		return nil, fmt.Errorf("start vm %s: %w", spec.Name, err)
	}
	for _, f := range []string{paths.QMP, paths.QMPAdmin, paths.Serial, paths.PIDFile} {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("start vm %s: stale %s: %w", spec.Name, f, err)
		}
	}
	logf, err := os.OpenFile(paths.Log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
	if err != nil {
		return nil, fmt.Errorf("start vm %s: %w", spec.Name, err)
	}
	defer logf.Close()
	if opt.Launcher != nil {
		return startLaunched(ctx, spec, paths, args, incoming, opt)
	}
	mk := opt.Command
	if mk == nil {
		mk = exec.Command
	}
	cmd := mk(opt.binary(), args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setsid = true
	log := opt.logger().With("component", "qmp", "vm", spec.Name)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start vm %s: %w", spec.Name, err)
	}
	vm := &VM{Spec: spec, Paths: paths, pid: cmd.Process.Pid, log: log, exited: make(chan struct{})}
	go func() {
		err := cmd.Wait()
		vm.processExited(cmd.ProcessState, err)
	}()
	mon, err := vm.connect(ctx)
	if err != nil {
		cmd.Process.Kill()
		<-vm.exited
		return nil, fmt.Errorf("start vm %s: %w%s", spec.Name, err, logTail(paths.Log))
	}
	vm.attach(mon)
	// The pidfile names QEMU itself, which may differ from the process
	// started when a wrapper (a namespace helper) runs it.
	if b, err := os.ReadFile(paths.PIDFile); err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 {
			vm.pid = pid
		}
	}
	log.Info("vm started", "pid", vm.pid, "incoming", incoming)
	return vm, nil
}

// startLaunched runs QEMU through opt.Launcher: it waits for the pidfile
// to name the VM's QEMU (QEMU writes it before it opens its monitors),
// watches that process through a pidfd, then connects as Start does.
func startLaunched(ctx context.Context, spec Spec, paths Paths, args []string, incoming bool, opt Options) (*VM, error) {
	if opt.Command != nil {
		return nil, fmt.Errorf("start vm %s: qmp.Options: Command and Launcher are exclusive", spec.Name)
	}
	bin, err := exec.LookPath(opt.binary())
	if err != nil {
		return nil, fmt.Errorf("start vm %s: %w", spec.Name, err)
	}
	if bin, err = filepath.Abs(bin); err != nil {
		return nil, fmt.Errorf("start vm %s: %w", spec.Name, err)
	}
	log := opt.logger().With("component", "qmp", "vm", spec.Name)
	if err := opt.Launcher.Launch(ctx, spec.Name, append([]string{bin}, args...), paths.Log); err != nil {
		return nil, fmt.Errorf("start vm %s: %w", spec.Name, err)
	}
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	var pid int
	for n := 0; ; n++ {
		var ok bool
		if pid, ok = runningPID(paths.PIDFile, spec); ok {
			break
		}
		// Every quarter second: has it ended before writing its pidfile?
		if n%12 == 11 {
			if active, err := opt.Launcher.Active(ctx, spec.Name); err == nil && !active {
				if pid, ok = runningPID(paths.PIDFile, spec); ok {
					break
				}
				return nil, fmt.Errorf("start vm %s: qemu exited before writing its pidfile%s", spec.Name, logTail(paths.Log))
			}
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("start vm %s: waiting for its pidfile: %w%s", spec.Name, ctx.Err(), logTail(paths.Log))
		case <-tick.C:
		}
	}
	pidfd, err := unix.PidfdOpen(pid, 0)
	if err != nil {
		return nil, fmt.Errorf("start vm %s: pidfd for %d: %w", spec.Name, pid, err)
	}
	vm := &VM{Spec: spec, Paths: paths, pid: pid, log: log, exited: make(chan struct{})}
	go vm.watchPidfd(pidfd)
	mon, err := vm.connect(ctx)
	if err != nil {
		unix.Kill(pid, unix.SIGKILL)
		<-vm.exited
		return nil, fmt.Errorf("start vm %s: %w%s", spec.Name, err, logTail(paths.Log))
	}
	vm.attach(mon)
	log.Info("vm started", "pid", pid, "incoming", incoming, "launched", true)
	return vm, nil
}

// connect waits for the QMP socket to accept and negotiates; it gives up
// when the process exits or ctx ends.
func (vm *VM) connect(ctx context.Context) (*Client, error) {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		dctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		mon, err := Dial(dctx, vm.Paths.QMP)
		cancel()
		if err == nil {
			return mon, nil
		}
		select {
		case <-vm.exited:
			return nil, fmt.Errorf("qemu exited before its monitor came up (%s)", vm.Exit().describe())
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for QMP socket: %w (last: %v)", ctx.Err(), err)
		case <-tick.C:
		}
	}
}

func sdReason(sd *shutdownData) string {
	if sd == nil {
		return ""
	}
	return sd.Reason
}

func (e Exit) describe() string {
	if e.Signal != "" {
		return "signal " + e.Signal
	}
	return "exit code " + strconv.Itoa(e.Code)
}

func logTail(path string) string {
	b, err := os.ReadFile(path)
	if err != nil || len(b) == 0 {
		return ""
	}
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return "; qemu log: " + strings.TrimSpace(string(b))
}

// attach makes mon the VM's monitor and watches its events for the
// shutdown reason.
func (vm *VM) attach(mon *Client) {
	vm.mon = mon
	events, unsub := mon.Subscribe(64)
	watchDone := make(chan struct{})
	_ = unsub // the subscription ends with the connection
	vm.mu.Lock()
	vm.watchDone = watchDone
	vm.mu.Unlock()
	go func() {
		defer close(watchDone)
		for ev := range events {
			switch ev.Name {
			case "SHUTDOWN":
				var d shutdownData
				json.Unmarshal(ev.Data, &d)
				vm.mu.Lock()
				vm.shutdown = &d
				vm.mu.Unlock()
				vm.log.Info("vm shutdown event", "guest", d.Guest, "reason", d.Reason)
			case "GUEST_PANICKED":
				vm.mu.Lock()
				vm.panicked = true
				vm.mu.Unlock()
				vm.log.Warn("guest panicked", "data", string(ev.Data))
			}
		}
	}()
}

func (vm *VM) processExited(ps *os.ProcessState, waitErr error) {
	vm.exitOnce.Do(func() {
		e := Exit{Code: -1}
		if ps != nil {
			if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				e.Signal = ws.Signal().String()
			} else {
				e.Code = ps.ExitCode()
			}
		}
		// Let the event watcher see the SHUTDOWN that preceded the exit:
		// the socket closes right after, ending the watcher.
		vm.mu.Lock()
		wd := vm.watchDone
		vm.mu.Unlock()
		if wd != nil {
			select {
			case <-wd:
			case <-time.After(2 * time.Second):
			}
		}
		vm.mu.Lock()
		sd, panicked := vm.shutdown, vm.panicked
		switch {
		case vm.stopping:
			e.Reason, e.ShutdownReason = "stopped", sdReason(sd)
		case panicked:
			e.Reason = "guest-panic"
		case sd != nil && sd.Guest:
			e.Reason, e.ShutdownReason = "guest-shutdown", sd.Reason
		case sd != nil:
			e.Reason, e.ShutdownReason = "host-quit", sd.Reason
		case e.Signal != "" || e.Code != 0:
			e.Reason = "crashed"
		default:
			e.Reason = "exited"
		}
		vm.exit = e
		vm.mu.Unlock()
		if e.Crashed() {
			vm.log.Warn("vm process ended", "reason", e.Reason, "how", e.describe())
		} else {
			vm.log.Info("vm process ended", "reason", e.Reason, "shutdown_reason", e.ShutdownReason)
		}
		close(vm.exited)
	})
}

// PID is the QEMU process id.
func (vm *VM) PID() int { return vm.pid }

// Monitor is the agent's QMP connection to this VM.
func (vm *VM) Monitor() Monitor { return vm.mon }

// Exited is closed when the QEMU process has ended.
func (vm *VM) Exited() <-chan struct{} { return vm.exited }

// Exit says how the process ended (zero until Exited is closed).
func (vm *VM) Exit() Exit {
	vm.mu.Lock()
	defer vm.mu.Unlock()
	return vm.exit
}

// StatusInfo is query-status's reply.
type StatusInfo struct {
	Status  string `json:"status"` // running, paused, inmigrate, postmigrate, shutdown, …
	Running bool   `json:"running"`
}

// Status asks QEMU for the VM's run state.
func Status(ctx context.Context, m Monitor) (StatusInfo, error) {
	var s StatusInfo
	err := m.Run(ctx, "query-status", nil, &s)
	return s, err
}

// Status is query-status on this VM.
func (vm *VM) Status(ctx context.Context) (StatusInfo, error) { return Status(ctx, vm.mon) }

// Stop ends the VM: an ACPI powerdown (system_powerdown) and up to
// powerdown for the guest to power off; then `quit`; then SIGKILL. It
// returns when the process is gone, or ctx's error (the process may then
// still be running).
func (vm *VM) Stop(ctx context.Context, powerdown time.Duration) error {
	select {
	case <-vm.exited:
		return nil
	default:
	}
	vm.markStopping()
	if powerdown > 0 {
		rctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := vm.mon.Run(rctx, "system_powerdown", nil, nil)
		cancel()
		if err == nil {
			if vm.waitExit(ctx, powerdown) {
				return nil
			}
			vm.log.Info("guest ignored ACPI powerdown; quitting", "waited", powerdown)
		} else if !errors.Is(err, ErrClosed) {
			vm.log.Warn("system_powerdown failed", "err", err)
		}
	}
	rctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	err := vm.mon.Run(rctx, "quit", nil, nil)
	cancel()
	if err != nil && !errors.Is(err, ErrClosed) {
		vm.log.Warn("quit failed", "err", err)
	}
	if vm.waitExit(ctx, 5*time.Second) {
		return nil
	}
	if ctx.Err() != nil {
		return fmt.Errorf("stop vm %s: %w", vm.Spec.Name, ctx.Err())
	}
	vm.log.Warn("qemu ignored quit; killing", "pid", vm.pid)
	return vm.Kill(ctx)
}

// Kill sends SIGKILL and waits for the process to be gone.
func (vm *VM) Kill(ctx context.Context) error {
	select {
	case <-vm.exited:
		return nil
	default:
	}
	vm.markStopping()
	if err := unix.Kill(vm.pid, unix.SIGKILL); err != nil && err != unix.ESRCH {
		return fmt.Errorf("kill vm %s (pid %d): %w", vm.Spec.Name, vm.pid, err)
	}
	select {
	case <-vm.exited:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("kill vm %s: %w", vm.Spec.Name, ctx.Err())
	}
}

func (vm *VM) markStopping() {
	vm.mu.Lock()
	vm.stopping = true
	vm.mu.Unlock()
}

func (vm *VM) waitExit(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-vm.exited:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	return false
}

// Close drops the agent's monitor connection and stops watching the
// process, leaving QEMU running (an agent shutting down; Adopt finds the
// VM again).
func (vm *VM) Close() error {
	if vm.mon != nil {
		vm.mon.Close()
	}
	return nil
}

// Adopt finds the VM's QEMU that is already running (started before an
// agent restart): the pidfile must name a live process whose command line is
// this VM's, and its QMP socket must answer. It returns ErrNotRunning when
// there is none (the caller may then Start one).
func Adopt(ctx context.Context, spec Spec, paths Paths, opt Options) (*VM, error) {
	pid, ok := runningPID(paths.PIDFile, spec)
	if !ok {
		return nil, fmt.Errorf("adopt vm %s: %w", spec.Name, ErrNotRunning)
	}
	pidfd, err := unix.PidfdOpen(pid, 0)
	if err != nil {
		return nil, fmt.Errorf("adopt vm %s: pidfd for %d: %w", spec.Name, pid, err)
	}
	log := opt.logger().With("component", "qmp", "vm", spec.Name)
	vm := &VM{Spec: spec, Paths: paths, pid: pid, log: log, exited: make(chan struct{})}
	mon, err := Dial(ctx, paths.QMP)
	if err != nil {
		unix.Close(pidfd)
		return nil, fmt.Errorf("adopt vm %s (pid %d): %w", spec.Name, pid, err)
	}
	vm.attach(mon)
	go vm.watchPidfd(pidfd)
	log.Info("vm adopted", "pid", pid)
	return vm, nil
}

// watchPidfd waits for a process that is not our child to end (a pidfd
// becomes readable when it does). The exit status of a non-child is not
// ours to collect.
func (vm *VM) watchPidfd(fd int) {
	defer unix.Close(fd)
	for {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, 500)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n > 0 {
			break
		}
	}
	vm.processExited(nil, nil)
}

// runningPID reads pidfile and reports whether it names a live QEMU
// process of spec (its command line carries guest=NAME and, if set, the
// UUID), so a recycled pid is not mistaken for the VM.
func runningPID(pidfile string, spec Spec) (int, bool) {
	b, err := os.ReadFile(pidfile)
	if err != nil {
		return 0, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0, false
	}
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		return 0, false
	}
	args := bytes.Split(cmdline, []byte{0})
	nameOK, uuidOK := false, spec.UUID == ""
	for i := 0; i+1 < len(args); i++ {
		switch string(args[i]) {
		case "-name":
			nameOK = bytes.HasPrefix(args[i+1], []byte("guest="+spec.Name+",")) || string(args[i+1]) == "guest="+spec.Name
		case "-uuid":
			uuidOK = strings.EqualFold(string(args[i+1]), spec.UUID)
		}
	}
	if !nameOK || !uuidOK {
		return 0, false
	}
	// A zombie (exited, not yet reaped) is not running.
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err == nil {
		if i := bytes.LastIndexByte(stat, ')'); i > 0 && i+2 < len(stat) && stat[i+2] == 'Z' {
			return 0, false
		}
	}
	return pid, true
}
