package ipmisim

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/vigil-ha/vigil/test/lab/spawn"
)

// Role is an IPMI account of the simulated BMC, named after its maximum
// privilege level.
type Role int

// The three accounts every Sim has.
const (
	Admin    Role = iota // ADMINISTRATOR
	Operator             // OPERATOR: enough for chassis power control
	User                 // USER: may read sensors and the SEL, not control power
)

func (r Role) String() string {
	switch r {
	case Admin:
		return "admin"
	case Operator:
		return "operator"
	case User:
		return "user"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

func (r Role) confName() string { return r.String() }

// privilege is the IPMI privilege level number of the role.
func (r Role) privilege() uint8 {
	switch r {
	case Admin:
		return 4
	case Operator:
		return 3
	}
	return 2
}

// Config describes one simulated BMC.
type Config struct {
	// Dir is the directory for everything the BMC keeps: generated
	// configuration, password files, ipmi_sim's state (SDRs, SEL), power
	// state and logs. Use a fresh one per test; it is created if missing.
	Dir string
	// Name is the BMC name (ipmi_sim's state subdirectory and MC locator ID
	// string). Default "bmc". Letters, digits, '.', '_' and '-'.
	Name string
	// Addr is the IP address to serve IPMI on. Default 127.0.0.1.
	Addr string
	// Port is the UDP port; 0 picks a free one.
	Port int
	// OnPowerOff and OnPowerOn are shell commands (run with sh in their own
	// session, output appended to Dir/hooks.log) run when the chassis power
	// goes off or on, through IPMI or SetPower. A hard reset runs both.
	// They run in Dir with IPMISIM_POWER=on|off, IPMISIM_NAME and
	// IPMISIM_DIR set. OnPowerOn must
	// start long-running processes in the background; they are the caller's
	// to clean up.
	OnPowerOff, OnPowerOn string
	// StartOff makes the chassis read "off" at start. No hook runs for the
	// initial state.
	StartOff bool
	// OffDelay, when positive, makes a power off take effect only after this
	// long: the BMC keeps reading "on" and runs OnPowerOff at the end, as
	// real BMCs (and ipmi_sim's startcmd mode) do. A later power request
	// cancels a pending power off.
	OffDelay time.Duration
	// NoPrivilegeGuard serves ipmi_sim directly on Addr:Port, without the
	// relay that refuses sessions above an account's privilege (see the
	// package documentation).
	NoPrivilegeGuard bool
	// LockoutAfter, when positive, locks an account for LockoutFor (default
	// 60 s) after that many failed RMCP+ logins in a row, as real BMCs do;
	// a locked account's RAKP 1 gets status 0x0d ("unauthorized name").
	// A client that goes silent after RAKP 2 (what a wrong password looks
	// like from the BMC) counts as a failure. Needs the relay.
	LockoutAfter int
	LockoutFor   time.Duration
	// AutoRestart, when positive, restarts a crashed ipmi_sim after this
	// long, as a real BMC's own watchdog reboots it. Zero leaves it dead
	// until Restart.
	AutoRestart time.Duration
	// IPMISim and SDRComp override the binaries (default: from PATH).
	IPMISim, SDRComp string
	// Passwords fixes accounts' passwords (1 to 20 letters and digits);
	// the others get random ones. Several BMCs sharing one fence account
	// (an agent's fence: password_file) need it.
	Passwords map[Role]string
}

// Sim is one running ipmi_sim.
type Sim struct {
	cfg      Config
	dir      string
	stateDir string
	script   string
	host     netip.Addr
	port     int // public UDP port (relay or ipmi_sim)
	simPort  int // ipmi_sim's own UDP port
	conPort  int // console TCP port
	users    []account
	guid     string
	relay    *relay

	conMu  sync.Mutex // one console conversation at a time
	lifeMu sync.Mutex // serializes Restart, automatic restarts and Close

	mu       sync.Mutex
	proc     *os.Process
	done     chan struct{} // closed when proc exits
	exitErr  error
	stopping bool // we are killing proc: its exit is no crash
	crashes  int
	closed   bool
	injected map[uint8]injection

	stopWatch chan struct{} // closed by Close: ends watchPower
	watchDone chan struct{} // closed when watchPower has returned
}

type account struct {
	id       int
	role     Role
	name     string
	password string
	file     string
}

// injection remembers what fault injection did to a sensor so that Restart
// can replay it.
type injection struct {
	raw    uint8
	hasRaw bool
	bits   map[int]bool
}

// Errors callers may match with errors.Is.
var (
	// ErrNotFound reports that a required binary is missing; tests skip
	// on it.
	ErrNotFound = errors.New("ipmisim: binary not found")
	// ErrUnknownSensor names a sensor the simulated server does not have.
	ErrUnknownSensor = errors.New("ipmisim: no such sensor")
	// ErrDiscrete reports a value set on a discrete sensor.
	ErrDiscrete = errors.New("ipmisim: sensor is discrete")
	// ErrThreshold reports an offset set on a threshold sensor.
	ErrThreshold = errors.New("ipmisim: sensor is a threshold sensor")
)

// Available reports whether ipmi_sim and sdrcomp are installed, with an
// error naming what is missing.
func Available() error {
	for _, b := range []string{"ipmi_sim", "sdrcomp"} {
		if _, err := exec.LookPath(b); err != nil {
			return fmt.Errorf("%w: %s (Debian package openipmi)", ErrNotFound, b)
		}
	}
	return nil
}

var (
	nameRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,32}$`)
	// Paths end up unquoted in a popen command line and in quoted config
	// strings: keep them to characters that need no quoting.
	pathRE = regexp.MustCompile(`^[A-Za-z0-9._/+,=:@%-]+$`)
)

// Start writes the BMC's configuration into cfg.Dir, starts ipmi_sim and
// returns once it answers on UDP. Without a deadline on ctx it waits at most
// 10 s.
func Start(ctx context.Context, cfg Config) (*Sim, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
	}
	s, err := newSim(cfg)
	if err != nil {
		return nil, err
	}
	if err := s.writeFiles(); err != nil {
		return nil, err
	}
	if !s.cfg.NoPrivilegeGuard {
		s.relay, err = newRelay(s.host, s.port, netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), uint16(s.simPort)),
			s.roleOf, s.cfg.LockoutAfter, s.cfg.LockoutFor)
		if err != nil {
			return nil, fmt.Errorf("ipmisim %s: relay: %w", s.cfg.Name, err)
		}
		s.port = s.relay.port()
	}
	s.lifeMu.Lock()
	err = s.launch(ctx)
	s.lifeMu.Unlock()
	if err != nil {
		s.Close()
		return nil, err
	}
	s.stopWatch, s.watchDone = make(chan struct{}), make(chan struct{})
	go s.watchPower(!s.cfg.StartOff)
	return s, nil
}

var passwordRE = regexp.MustCompile(`^[A-Za-z0-9]{1,20}$`)

func newSim(cfg Config) (*Sim, error) {
	if cfg.Dir == "" {
		return nil, errors.New("ipmisim: Config.Dir is empty")
	}
	if cfg.Name == "" {
		cfg.Name = "bmc"
	}
	if !nameRE.MatchString(cfg.Name) {
		return nil, fmt.Errorf("ipmisim: Config.Name %q: use 1-32 letters, digits, '.', '_', '-'", cfg.Name)
	}
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1"
	}
	host, err := netip.ParseAddr(cfg.Addr)
	if err != nil || !host.Is4() {
		return nil, fmt.Errorf("ipmisim %s: Config.Addr %q is not an IPv4 address", cfg.Name, cfg.Addr)
	}
	if cfg.Port < 0 || cfg.Port > 65535 {
		return nil, fmt.Errorf("ipmisim %s: Config.Port %d out of range", cfg.Name, cfg.Port)
	}
	if cfg.OffDelay < 0 {
		return nil, fmt.Errorf("ipmisim %s: Config.OffDelay %v is negative", cfg.Name, cfg.OffDelay)
	}
	if cfg.LockoutAfter < 0 || cfg.LockoutFor < 0 {
		return nil, fmt.Errorf("ipmisim %s: Config.LockoutAfter %d / LockoutFor %v is negative", cfg.Name, cfg.LockoutAfter, cfg.LockoutFor)
	}
	if cfg.LockoutAfter > 0 && cfg.NoPrivilegeGuard {
		return nil, fmt.Errorf("ipmisim %s: Config.LockoutAfter needs the relay (Config.NoPrivilegeGuard is set)", cfg.Name)
	}
	if cfg.LockoutAfter > 0 && cfg.LockoutFor == 0 {
		cfg.LockoutFor = time.Minute
	}
	if cfg.IPMISim == "" {
		cfg.IPMISim = "ipmi_sim"
	}
	if cfg.SDRComp == "" {
		cfg.SDRComp = "sdrcomp"
	}
	for _, b := range []*string{&cfg.IPMISim, &cfg.SDRComp} {
		p, err := exec.LookPath(*b)
		if err != nil {
			return nil, fmt.Errorf("%w: %s (Debian package openipmi)", ErrNotFound, *b)
		}
		*b = p
	}
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("ipmisim %s: Config.Dir: %w", cfg.Name, err)
	}
	if !pathRE.MatchString(dir) {
		return nil, fmt.Errorf("ipmisim %s: Config.Dir %q: only letters, digits and ._/+,=:@%%- are allowed", cfg.Name, dir)
	}
	s := &Sim{
		cfg:      cfg,
		dir:      dir,
		stateDir: filepath.Join(dir, "state"),
		script:   filepath.Join(dir, "chassis.sh"),
		host:     host,
		injected: map[uint8]injection{},
	}
	for i, r := range []Role{Admin, Operator, User} {
		pw, ok := cfg.Passwords[r]
		if !ok {
			if pw, err = randomHex(8); err != nil {
				return nil, err
			}
		} else if !passwordRE.MatchString(pw) {
			return nil, fmt.Errorf("ipmisim %s: Config.Passwords[%s]: 1 to 20 letters and digits", cfg.Name, r)
		}
		s.users = append(s.users, account{
			id: i + 2, role: r, name: r.String(), password: pw,
			file: filepath.Join(dir, r.String()+".password"),
		})
	}
	return s, nil
}

func randomHex(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("ipmisim: random: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// writeFiles writes every generated file and compiles the SDRs. Ports are
// chosen here (free ones when Config.Port is 0).
func (s *Sim) writeFiles() error {
	name := s.cfg.Name
	simDir := filepath.Join(s.stateDir, "ipmi_sim", name)
	if err := os.MkdirAll(simDir, 0o700); err != nil {
		return fmt.Errorf("ipmisim %s: %w", name, err)
	}
	if err := os.Chmod(s.dir, 0o700); err != nil {
		return fmt.Errorf("ipmisim %s: %w", name, err)
	}
	var err error
	s.port = s.cfg.Port
	if s.cfg.NoPrivilegeGuard {
		if s.port == 0 {
			if s.port, err = freeUDPPort(s.host); err != nil {
				return fmt.Errorf("ipmisim %s: %w", name, err)
			}
		}
		s.simPort = s.port
	} else if s.simPort, err = freeUDPPort(netip.MustParseAddr("127.0.0.1")); err != nil {
		return fmt.Errorf("ipmisim %s: %w", name, err)
	}
	if s.conPort, err = freeTCPPort(); err != nil {
		return fmt.Errorf("ipmisim %s: %w", name, err)
	}
	for _, u := range s.users {
		if err := writeSecret(u.file, u.password+"\n"); err != nil {
			return fmt.Errorf("ipmisim %s: %w", name, err)
		}
	}
	if s.guid, err = randomHex(16); err != nil {
		return err
	}
	if err := s.writeLanConf(); err != nil {
		return err
	}
	files := map[string]string{
		"host.emu":     genEmu(s.cfg.StartOff),
		"sensors.sdrs": genSDRs(name),
		"hook-on.sh":   s.cfg.OnPowerOn + "\n",
		"hook-off.sh":  s.cfg.OnPowerOff + "\n",
	}
	for f, content := range files {
		if err := os.WriteFile(filepath.Join(s.dir, f), []byte(content), 0o600); err != nil {
			return fmt.Errorf("ipmisim %s: %w", name, err)
		}
	}
	delay := strconv.FormatFloat(s.cfg.OffDelay.Seconds(), 'f', 3, 64)
	if s.cfg.OffDelay == 0 {
		delay = "0"
	}
	if err := os.WriteFile(s.script, []byte(genChassisScript(s.dir, s.cfg.Name, delay)), 0o700); err != nil {
		return fmt.Errorf("ipmisim %s: %w", name, err)
	}
	power := "1\n"
	if s.cfg.StartOff {
		power = "0\n"
	}
	if err := os.WriteFile(filepath.Join(s.dir, "power"), []byte(power), 0o600); err != nil {
		return fmt.Errorf("ipmisim %s: %w", name, err)
	}
	out, err := exec.Command(s.cfg.SDRComp, "-8", "-o", filepath.Join(simDir, "sdr.20.main"),
		filepath.Join(s.dir, "sensors.sdrs")).CombinedOutput()
	if err != nil {
		return fmt.Errorf("ipmisim %s: sdrcomp: %w: %s", name, err, bytes.TrimSpace(out))
	}
	return nil
}

func writeSecret(path, content string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func freeUDPPort(host netip.Addr) (int, error) {
	c, err := net.ListenUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(host, 0)))
	if err != nil {
		return 0, fmt.Errorf("pick a free UDP port on %s: %w", host, err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port, nil
}

func freeTCPPort() (int, error) {
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pick a free TCP port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// launch starts ipmi_sim and waits until it answers. Ports picked by us may
// be taken in between: such a failure is retried with new ports.
func (s *Sim) launch(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if attempt > 0 {
			// Our own ports were taken meanwhile: pick new ones.
			if err := s.repickPorts(); err != nil {
				return err
			}
		}
		s.mu.Lock()
		crashes := s.crashes
		s.mu.Unlock()
		if err = s.startProcess(); err != nil {
			return err
		}
		if err = s.waitReady(ctx); err == nil {
			break
		}
		s.stopProcess()
		s.mu.Lock()
		s.crashes = crashes // a failed start is no crash
		s.mu.Unlock()
		if ctx.Err() != nil || !s.portsOurs() {
			break // a fixed port that is taken stays taken
		}
	}
	if err != nil {
		return err
	}
	if err := s.setSELTime(ctx); err != nil {
		return err
	}
	return s.replay(ctx)
}

// portsOurs reports whether ipmi_sim's UDP port was picked by us (so a bind
// failure may be retried with another).
func (s *Sim) portsOurs() bool { return s.cfg.Port == 0 || !s.cfg.NoPrivilegeGuard }

func (s *Sim) repickPorts() error {
	simPort, port := s.simPort, s.port
	if s.portsOurs() {
		var err error
		if simPort, err = freeUDPPort(s.simHost()); err != nil {
			return fmt.Errorf("ipmisim %s: %w", s.cfg.Name, err)
		}
		if s.cfg.NoPrivilegeGuard {
			port = simPort
		} else {
			s.relay.setUpstream(netip.AddrPortFrom(s.simHost(), uint16(simPort)))
		}
	}
	conPort, err := freeTCPPort()
	if err != nil {
		return fmt.Errorf("ipmisim %s: %w", s.cfg.Name, err)
	}
	s.mu.Lock()
	s.simPort, s.port, s.conPort = simPort, port, conPort
	s.mu.Unlock()
	return s.writeLanConf()
}

// simHost is the address ipmi_sim itself listens on: loopback behind the
// relay, else Config.Addr.
func (s *Sim) simHost() netip.Addr {
	if s.cfg.NoPrivilegeGuard {
		return s.host
	}
	return netip.MustParseAddr("127.0.0.1")
}

// writeLanConf writes lan.conf (0600: it holds the passwords).
func (s *Sim) writeLanConf() error {
	conf := genLanConf(s.cfg.Name, s.simHost().String(), s.simPort, s.guid, s.script, s.users, s.conPort)
	if err := writeSecret(filepath.Join(s.dir, "lan.conf"), conf); err != nil {
		return fmt.Errorf("ipmisim %s: %w", s.cfg.Name, err)
	}
	return nil
}

func (s *Sim) startProcess() error {
	logf, err := os.OpenFile(filepath.Join(s.dir, "ipmi_sim.log"), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("ipmisim %s: %w", s.cfg.Name, err)
	}
	defer logf.Close()
	// ipmi_sim writes LAN session logs to every console connection as
	// they happen; one that hits a console client that just hung up gets
	// SIGPIPE and kills ipmi_sim. A shell that ignores SIGPIPE and execs
	// ipmi_sim passes the ignored disposition on (same pid), and ipmi_sim
	// then sees a plain EPIPE.
	cmd := exec.Command("/bin/sh", "-c", `trap "" PIPE; exec "$@"`, "ipmi_sim",
		s.cfg.IPMISim, "-n", "-c", filepath.Join(s.dir, "lan.conf"),
		"-f", filepath.Join(s.dir, "host.emu"), "-s", s.stateDir)
	cmd.Dir = s.dir
	cmd.Stdout = logf
	cmd.Stderr = logf
	// Pdeathsig: ipmi_sim dies with the test process; spawn keeps it from
	// dying earlier, when the thread that forked it ends.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := spawn.Start(cmd); err != nil {
		return fmt.Errorf("ipmisim %s: start ipmi_sim: %w", s.cfg.Name, err)
	}
	done := make(chan struct{})
	s.mu.Lock()
	s.proc = cmd.Process
	s.done = done
	s.exitErr = nil
	s.stopping = false
	s.mu.Unlock()
	go func() {
		err := cmd.Wait()
		if err == nil {
			err = errors.New("exited with status 0")
		}
		s.mu.Lock()
		s.exitErr = err
		crashed := !s.stopping
		if crashed {
			s.crashes++
		}
		s.mu.Unlock()
		close(done)
		if crashed && s.cfg.AutoRestart > 0 {
			s.autoRestart(done)
		}
	}()
	return nil
}

// autoRestart restarts ipmi_sim after Config.AutoRestart unless someone
// restarted or closed it meanwhile. Failures are logged to ipmi_sim.log.
func (s *Sim) autoRestart(done chan struct{}) {
	time.Sleep(s.cfg.AutoRestart)
	s.lifeMu.Lock()
	defer s.lifeMu.Unlock()
	s.mu.Lock()
	stale := s.closed || s.done != done
	s.mu.Unlock()
	if stale {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.launch(ctx); err != nil {
		s.logf("automatic restart failed: %v", err)
	}
}

func (s *Sim) logf(format string, args ...any) {
	f, err := os.OpenFile(filepath.Join(s.dir, "ipmi_sim.log"), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "ipmisim: %s: %s\n", time.Now().Format(time.RFC3339Nano), fmt.Sprintf(format, args...))
}

// stopProcess kills ipmi_sim's process group (ipmi_sim and any chassis
// script it is running) and waits for ipmi_sim to exit.
func (s *Sim) stopProcess() {
	s.mu.Lock()
	p, done := s.proc, s.done
	select {
	case <-done:
	default:
		s.stopping = true
	}
	s.mu.Unlock()
	if p == nil {
		return
	}
	// The group outlives a crashed ipmi_sim if a chassis script still runs.
	_ = syscall.Kill(-p.Pid, syscall.SIGKILL)
	<-done
}

// waitReady polls the BMC with Get Channel Authentication Capabilities
// until it answers, ipmi_sim exits or ctx ends.
func (s *Sim) waitReady(ctx context.Context) error {
	s.mu.Lock()
	done := s.done
	s.mu.Unlock()
	target := netip.AddrPortFrom(s.host, uint16(s.port))
	for {
		if err := ping(ctx, target, 50*time.Millisecond); err == nil {
			return nil
		}
		select {
		case <-done:
			return fmt.Errorf("ipmisim %s: ipmi_sim exited at start (%v): %s", s.cfg.Name, s.exitError(), s.logTail())
		case <-ctx.Done():
			return fmt.Errorf("ipmisim %s: no answer on %s: %w; log: %s", s.cfg.Name, target, ctx.Err(), s.logTail())
		default:
		}
	}
}

func (s *Sim) exitError() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exitErr
}

func (s *Sim) logTail() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "ipmi_sim.log"))
	b = bytes.TrimSpace(b)
	if len(b) > 400 {
		b = b[len(b)-400:]
	}
	return string(b)
}

// PID is ipmi_sim's process id, 0 while it does not run.
func (s *Sim) PID() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proc == nil {
		return 0
	}
	return s.proc.Pid
}

// Addr returns the BMC's UDP address as "host:port".
func (s *Sim) Addr() string { return netip.AddrPortFrom(s.host, uint16(s.Port())).String() }

// Host returns the IP address the BMC serves on.
func (s *Sim) Host() string { return s.host.String() }

// Port returns the BMC's UDP port.
func (s *Sim) Port() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.port
}

// Dir returns the BMC's directory.
func (s *Sim) Dir() string { return s.dir }

// Name returns the BMC's name.
func (s *Sim) Name() string { return s.cfg.Name }

// User returns the account name of role and the path of the 0600 file that
// holds its password (one line).
func (s *Sim) User(r Role) (name, passwordFile string) {
	for _, u := range s.users {
		if u.role == r {
			return u.name, u.file
		}
	}
	return "", ""
}

// roleOf maps an account name to its role (for the relay).
func (s *Sim) roleOf(name string) (Role, bool) {
	for _, u := range s.users {
		if u.name == name {
			return u.role, true
		}
	}
	return 0, false
}

// LockedOut reports whether role's account is locked after failed logins
// (Config.LockoutAfter).
func (s *Sim) LockedOut(r Role) bool {
	if s.relay == nil || s.relay.lock.after <= 0 {
		return false
	}
	name, _ := s.User(r)
	s.relay.sweep(time.Now())
	return s.relay.lock.locked(name, time.Now())
}

// Alive reports whether ipmi_sim is running.
func (s *Sim) Alive() bool {
	s.mu.Lock()
	done := s.done
	s.mu.Unlock()
	if done == nil {
		return false
	}
	select {
	case <-done:
		return false
	default:
		return true
	}
}

// Restart kills ipmi_sim if it still runs and starts it again with the same
// ports, accounts, SEL and power state, then replays injected sensor values
// (without new events) and sets the SEL clock.
func (s *Sim) Restart(ctx context.Context) error {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
	}
	s.lifeMu.Lock()
	defer s.lifeMu.Unlock()
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return fmt.Errorf("ipmisim %s: restart after Close", s.cfg.Name)
	}
	s.stopProcess()
	return s.launch(ctx)
}

// Err returns nil while ipmi_sim runs, else how it ended (for a crash,
// "signal: segmentation fault" and the like).
func (s *Sim) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done == nil {
		return errors.New("not started")
	}
	select {
	case <-s.done:
		return fmt.Errorf("ipmisim %s: ipmi_sim %w", s.cfg.Name, s.exitErr)
	default:
		return nil
	}
}

// Crashes counts how often ipmi_sim ended without being asked to.
func (s *Sim) Crashes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.crashes
}

// Close kills ipmi_sim (and a chassis script it may be running) and stops
// the relay. It removes nothing: Dir is the caller's. Processes started by
// OnPowerOn are the caller's too.
func (s *Sim) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	s.lifeMu.Lock() // wait out a restart in flight
	defer s.lifeMu.Unlock()
	// A delayed power off sleeping in the background (from IPMI or
	// SetPower) finds its request cancelled: no hook runs after Close.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if out, err := exec.CommandContext(ctx, s.script, "cancel").CombinedOutput(); err != nil {
		s.logf("cancel pending power requests: %v: %s", err, bytes.TrimSpace(out))
	}
	if s.stopWatch != nil {
		close(s.stopWatch)
		<-s.watchDone
	}
	s.stopProcess()
	if s.relay != nil {
		s.relay.close()
	}
	return nil
}
