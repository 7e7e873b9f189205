package lab

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/vishvananda/netns"
	"golang.org/x/sys/unix"

	"github.com/vigil-ha/vigil/test/lab/spawn"
)

// ErrPoweredOff is returned (and set as exec.Cmd.Err) when something is
// started on a host that is powered off.
var ErrPoweredOff = errors.New("host is powered off")

// Host is one simulated hypervisor host: a network namespace with an
// address on the management network and one on the migration network,
// fronted by a BMC.
type Host struct {
	// Index is 1-based within the lab.
	Index int
	// Name is unique among all labs alive on the machine ("lab3-h1").
	Name string
	// Netns is the named network namespace ("vlab3-h1"): usable with
	// `ip netns exec`; NetnsPath is its file for `nsenter --net=`.
	Netns, NetnsPath string
	// MgmtIP (10.213.<lab>.<10+i>) is reachable from the test process and
	// every host; MigIP (10.214.<lab>.<10+i>) only from other hosts.
	MgmtIP, MigIP netip.Addr
	// BMC is the host's baseboard management controller.
	BMC *BMC
	// StateDir is host-local storage: a small tmpfs (FillDisk fills it).
	StateDir string
	// LogDir holds the output of processes started through Start and
	// Service, and the serial logs of VMs started through StartVM.
	LogDir string

	lab   *Lab
	ns    netns.NsHandle
	nsIno uint64

	mu       sync.Mutex
	on       bool
	closed   bool
	procs    map[*Proc]struct{}
	services []*service
	seq      int
}

type service struct {
	name string
	mk   func() *exec.Cmd
	cur  *Proc
}

func (l *Lab) newHost(i int, ns string, h netns.NsHandle) *Host {
	host := &Host{
		Index:     i,
		Name:      fmt.Sprintf("%s%d-h%d", l.opts.Name, l.Index, i),
		Netns:     ns,
		NetnsPath: netnsPath(ns),
		MgmtIP:    netip.AddrFrom4([4]byte{10, 213, byte(l.Index), byte(10 + i)}),
		MigIP:     netip.AddrFrom4([4]byte{10, 214, byte(l.Index), byte(10 + i)}),
		lab:       l,
		ns:        h,
		procs:     map[*Proc]struct{}{},
	}
	host.BMC = &BMC{Kind: l.opts.BMC, IP: netip.AddrFrom4([4]byte{10, 213, byte(l.Index), byte(100 + i)}), host: host}
	var st unix.Stat_t
	if err := unix.Fstat(int(h), &st); err == nil {
		host.nsIno = st.Ino
	}
	return host
}

// Lab returns the lab the host belongs to.
func (h *Host) Lab() *Lab { return h.lab }

func (h *Host) String() string { return h.Name }

// On reports whether the host is powered on.
func (h *Host) On() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.on
}

// Command returns a command that runs name inside the host's network
// namespace (through nsenter, which execs it: the process's pid is the
// command's). Like everything on the host it is killed at power off. On a
// powered-off host the command's Start fails with ErrPoweredOff.
func (h *Host) Command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "nsenter", append([]string{"--net=" + h.NetnsPath, "--", name}, args...)...)
	if p, err := lookPath("nsenter"); err == nil {
		cmd.Path = p
	}
	cmd.WaitDelay = 5 * time.Second
	if !h.On() {
		cmd.Err = fmt.Errorf("lab: %s: start %s: %w", h.Name, name, ErrPoweredOff)
	}
	return cmd
}

// Do runs fn on a locked OS thread inside the host's network namespace
// (sockets fn opens live there). The thread is discarded afterwards.
func (h *Host) Do(fn func() error) error {
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		// No UnlockOSThread: the thread is in the host's namespace
		// and must not run other goroutines.
		if err := netns.Set(h.ns); err != nil {
			errc <- fmt.Errorf("lab: enter %s: %w", h.Name, err)
			return
		}
		errc <- fn()
	}()
	return <-errc
}

// Proc is a process the lab started on a host and tracks.
type Proc struct {
	// Name labels the process ("vigil", "qemu-vm1").
	Name string
	// Host is where it runs.
	Host *Host
	// Cmd is the started command (Cmd.Process is set).
	Cmd *exec.Cmd
	// LogPath receives stdout and stderr unless the command had its own.
	LogPath string

	done chan struct{}
	err  error
}

// Pid is the process id.
func (p *Proc) Pid() int { return p.Cmd.Process.Pid }

// Done is closed when the process has exited and been reaped.
func (p *Proc) Done() <-chan struct{} { return p.done }

// Alive reports whether the process has not exited yet.
func (p *Proc) Alive() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// Wait waits for the process to exit and returns its exit error.
func (p *Proc) Wait(ctx context.Context) error {
	select {
	case <-p.done:
		return p.err
	case <-ctx.Done():
		return fmt.Errorf("lab: wait for %s on %s: %w", p.Name, p.Host.Name, ctx.Err())
	}
}

// Signal sends sig to the process (not an error if it already exited).
func (p *Proc) Signal(sig syscall.Signal) error {
	if !p.Alive() {
		return nil
	}
	if err := p.Cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("lab: signal %s on %s: %w", p.Name, p.Host.Name, err)
	}
	return nil
}

// Kill kills the process with SIGKILL and waits until it is reaped.
func (p *Proc) Kill() error {
	if err := p.Signal(syscall.SIGKILL); err != nil {
		return err
	}
	<-p.done
	return nil
}

// Pause stops the process (SIGSTOP): it stays alive but does nothing, like
// a hung agent.
func (p *Proc) Pause() error { return p.Signal(syscall.SIGSTOP) }

// Resume continues a paused process (SIGCONT).
func (p *Proc) Resume() error { return p.Signal(syscall.SIGCONT) }

// Start starts name with args on the host and tracks it: its output goes to
// a log file in LogDir, it is killed at power off, at Close and when the
// test process dies (Pdeathsig).
func (h *Host) Start(name string, args ...string) (*Proc, error) {
	return h.StartCmd(filepath.Base(name), h.Command(context.Background(), name, args...))
}

// StartCmd starts a command made by h.Command and tracks it like Start.
// label names the process and its log file.
func (h *Host) StartCmd(label string, cmd *exec.Cmd) (*Proc, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.startLocked(label, cmd)
}

func (h *Host) startLocked(label string, cmd *exec.Cmd) (*Proc, error) {
	if h.closed {
		return nil, fmt.Errorf("lab: %s: start %s: lab closed", h.Name, label)
	}
	if !h.on {
		return nil, fmt.Errorf("lab: %s: start %s: %w", h.Name, label, ErrPoweredOff)
	}
	h.seq++
	p := &Proc{Name: label, Host: h, Cmd: cmd, done: make(chan struct{})}
	var logf *os.File
	if cmd.Stdout == nil || cmd.Stderr == nil {
		p.LogPath = filepath.Join(h.LogDir, fmt.Sprintf("%s.%d.log", label, h.seq))
		f, err := os.OpenFile(p.LogPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return nil, fmt.Errorf("lab: %s: %w", h.Name, err)
		}
		logf = f
		if cmd.Stdout == nil {
			cmd.Stdout = f
		}
		if cmd.Stderr == nil {
			cmd.Stderr = f
		}
	}
	// Tracked processes die with the test process (SIGKILL when their
	// parent thread exits), so a test binary killed by a timeout leaves
	// no QEMU or agent burning CPU until the next sweep. The kernel sends
	// the signal when the forking *thread* ends, and the Go runtime ends
	// the thread of every goroutine that exits locked (Do's): any thread
	// may be handed to Do later, so forks happen on one thread that is
	// locked for good and never ends (package spawn).
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	if cmd.SysProcAttr.Pdeathsig == 0 {
		cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
	}
	err := spawn.Start(cmd)
	if logf != nil {
		logf.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("lab: %s: start %s: %w", h.Name, label, err)
	}
	h.procs[p] = struct{}{}
	h.waitEntered(p.Pid())
	go func() {
		p.err = cmd.Wait()
		h.mu.Lock()
		delete(h.procs, p)
		h.mu.Unlock()
		close(p.done)
	}()
	return p, nil
}

// AddService registers a boot service: mk builds its command (with
// h.Command) each time the host boots. It starts now if the host is on and
// again at every power on; it is not restarted when it exits on its own.
// It returns the running process (nil if the host is off).
func (h *Host) AddService(name string, mk func() *exec.Cmd) (*Proc, error) {
	h.mu.Lock()
	for _, s := range h.services {
		if s.name == name {
			h.mu.Unlock()
			return nil, fmt.Errorf("lab: %s: service %q already registered", h.Name, name)
		}
	}
	s := &service{name: name, mk: mk}
	h.services = append(h.services, s)
	on := h.on
	h.mu.Unlock()
	if !on {
		return nil, nil
	}
	return h.startService(s)
}

// startService builds the service's command (outside the lock: mk may call
// Host methods) and starts it.
func (h *Host) startService(s *service) (*Proc, error) {
	cmd := s.mk()
	h.mu.Lock()
	defer h.mu.Unlock()
	p, err := h.startLocked(s.name, cmd)
	s.cur = p
	return p, err
}

// Service returns the current process of a boot service (nil if unknown or
// not started since the last boot).
func (h *Host) Service(name string) *Proc {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, s := range h.services {
		if s.name == name {
			return s.cur
		}
	}
	return nil
}

// Procs lists the processes the lab tracks on the host.
func (h *Host) Procs() []*Proc {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]*Proc, 0, len(h.procs))
	for p := range h.procs {
		out = append(out, p)
	}
	return out
}

// Pids lists every process running in the host's network namespace,
// whoever started it.
func (h *Host) Pids() []int {
	var out []int
	self := os.Getpid()
	for _, p := range listPids() {
		if p == self {
			continue
		}
		if ino, ok := netnsInode(p); ok && ino == h.nsIno && !isZombie(p) {
			out = append(out, p)
		}
	}
	return out
}

// waitEntered waits (briefly) until a process started through nsenter is
// inside the host's namespace, so that Start returns a process that is
// really "on" the host.
func (h *Host) waitEntered(pid int) {
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		if ino, ok := netnsInode(pid); !ok || ino == h.nsIno || isZombie(pid) {
			return
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// entering lists nsenter processes on their way into the host's namespace
// (forked by Command, not yet in the namespace).
func (h *Host) entering() []int {
	var out []int
	arg := "--net=" + h.NetnsPath + "\x00"
	for _, p := range listPids() {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", p))
		if err == nil && strings.HasPrefix(filepath.Base(string(b[:max(0, bytes.IndexByte(b, 0))])), "nsenter") && bytes.Contains(b, []byte(arg)) {
			out = append(out, p)
		}
	}
	return out
}

// killAll SIGKILLs every process in the host's namespace until none is
// left (tracked ones are also reaped).
func (h *Host) killAll(timeout time.Duration) error {
	if h.nsIno == 0 {
		return nil
	}
	deadline := time.Now().Add(timeout)
	for {
		h.mu.Lock()
		for p := range h.procs {
			_ = p.Cmd.Process.Signal(syscall.SIGKILL)
		}
		h.mu.Unlock()
		pids := append(h.Pids(), h.entering()...)
		for _, p := range pids {
			_ = syscall.Kill(p, syscall.SIGKILL)
		}
		h.mu.Lock()
		tracked := len(h.procs)
		h.mu.Unlock()
		if len(pids) == 0 && tracked == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("lab: %s: %d processes survive SIGKILL (%d tracked)", h.Name, len(pids), tracked)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// PowerOff turns the host off: every process running in the host's
// namespace (agent, QEMU, anything) is killed, and nothing can start there
// until PowerOn. With a BMC it goes through the BMC (as a power button
// would), so the BMC reads off too.
func (h *Host) PowerOff() error { return h.setPower(false) }

// PowerOn turns the host on: its boot services start again. With a BMC it
// goes through the BMC, which then reads on.
func (h *Host) PowerOn() error { return h.setPower(true) }

func (h *Host) setPower(on bool) error {
	if h.BMC.need() != nil {
		if on {
			return h.powerOn()
		}
		return h.powerOff()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := h.BMC.SetPower(ctx, on); err != nil {
		return fmt.Errorf("lab: %s: power: %w", h.Name, err)
	}
	// The hook has normally run when SetPower returns; a BMC with a power
	// delay switches later.
	deadline := time.Now().Add(max(h.lab.opts.PowerDelay, 0) + 10*time.Second)
	for h.On() != on && !h.isClosed() {
		if time.Now().After(deadline) {
			return fmt.Errorf("lab: %s: the BMC switched power but the host is on=%v (power hook failed? see the BMC's hooks.log)", h.Name, h.On())
		}
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

func (h *Host) isClosed() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.closed
}

// powerOff is what a BMC's power-off hook does: kill everything in the
// host's namespace and refuse new processes.
func (h *Host) powerOff() error {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return nil
	}
	h.on = false
	h.mu.Unlock()
	err := h.killAll(5 * time.Second)
	h.lab.logf("%s powered off", h.Name)
	return err
}

// powerOn is what a BMC's power-on hook does: start the boot services. A
// host that is already on is left alone.
func (h *Host) powerOn() error {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return fmt.Errorf("lab: %s: power on: lab closed", h.Name)
	}
	if h.on {
		h.mu.Unlock()
		return nil
	}
	h.on = true
	services := slices.Clone(h.services)
	h.mu.Unlock()
	var errs []error
	for _, s := range services {
		if _, err := h.startService(s); err != nil {
			errs = append(errs, err)
		}
	}
	h.lab.logf("%s powered on (%d boot services)", h.Name, len(services))
	return errors.Join(errs...)
}

// setupDisk mounts the host's small tmpfs and creates its log directory.
func (h *Host) setupDisk() error {
	base := filepath.Join(h.lab.Dir, "hosts", h.Name)
	h.StateDir = filepath.Join(base, "state")
	h.LogDir = filepath.Join(base, "log")
	for _, d := range []string{h.StateDir, h.LogDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("lab: %w", err)
		}
	}
	size := fmt.Sprintf("size=%dk,mode=0755", diskKiB)
	if err := unix.Mount("tmpfs", h.StateDir, "tmpfs", unix.MS_NOSUID|unix.MS_NODEV, size); err != nil {
		return fmt.Errorf("lab: mount tmpfs on %s: %w", h.StateDir, err)
	}
	return nil
}

// diskKiB is the size of each host's StateDir tmpfs.
const diskKiB = 16 * 1024
