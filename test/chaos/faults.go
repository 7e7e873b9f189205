package chaos

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/vigil-ha/vigil/test/chaos/check"
	"github.com/vigil-ha/vigil/test/lab"
)

// faults injects a plan's steps into a live lab and heals them, keeping
// what is active so that quiescence can undo everything.
type faults struct {
	r *run

	mu sync.Mutex
	// net are the network faults in force, by step: healing one rebuilds
	// the switch's rules from the rest (partitions overlap).
	net map[int]Step
	// paused agents (SIGSTOP) to resume; slowed agents' cgroups; filled
	// disks; hosts whose sensors degrade (their heat's cancel).
	paused  map[int]*lab.Proc
	slowed  map[int]*cage
	filled  map[int]*lab.Host
	heating map[int]func()
	killed  map[int]*lab.Host
	// steps are the steps as resolved when injected (resolve), by step;
	// cut the hosts whose power a step cut.
	steps map[int]Step
	cut   map[int]*lab.Host
	wg    sync.WaitGroup
}

func newFaults(r *run) *faults {
	return &faults{r: r, net: map[int]Step{}, paused: map[int]*lab.Proc{}, slowed: map[int]*cage{},
		filled: map[int]*lab.Host{}, heating: map[int]func(){}, killed: map[int]*lab.Host{}, steps: map[int]Step{},
		cut: map[int]*lab.Host{}}
}

// host is plan host i (1-based).
func (f *faults) host(i int) *lab.Host { return f.r.l.Hosts[i-1] }

// resolve names the host of step i where the plan leaves it to the moment
// the step runs (the leader for LeaderStop, a follower, the host of an
// earlier step); a heal gets the step as its injection resolved it. A step
// whose host cannot be found keeps Host 0 and is skipped.
func (f *faults) resolve(i int, s Step) Step {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r, ok := f.steps[i]; ok {
		return r
	}
	index := func(h *lab.Host) int {
		for j, o := range f.r.l.Hosts {
			if o == h {
				return j + 1
			}
		}
		return 0
	}
	switch {
	case s.Like > 0:
		s.Host = f.steps[s.Like-1].Host
	case s.Kind == LeaderStop && s.AfterFenceFailed:
		f.mu.Unlock()
		s.Host = index(f.r.fenceFailed(s))
		f.mu.Lock()
	case s.Kind == LeaderStop:
		s.Host = index(f.r.leader())
	case s.AFollower:
		leader, n := f.r.leader(), len(f.r.l.Hosts)
		from := s.Host
		s.Host = 0
		for k := range n {
			h := f.r.l.Hosts[(from-1+k)%n]
			if h != leader && h.On() {
				s.Host = index(h)
				break
			}
		}
	}
	s.Like, s.AFollower = 0, false
	f.steps[i] = s
	return s
}

// inject applies step i; the record says what was done or why nothing was.
func (f *faults) inject(i int, s Step) FaultRecord {
	rec := FaultRecord{At: time.Now(), Step: i, Kind: s.Kind}
	ctx := f.r.ctx
	l := f.r.l
	var h, peer *lab.Host
	if s.Host <= 0 && s.Kind != LeaderKill {
		rec.Note = "skipped: no host found for the step"
		f.r.rec.record(rec)
		return rec
	}
	if s.Host > 0 {
		h = f.host(s.Host)
		rec.Hosts = append(rec.Hosts, h.Name)
	}
	if s.Kind == Partition || s.Kind == PartitionOneWay {
		peer = f.host(s.Peer)
		rec.Hosts = append(rec.Hosts, peer.Name)
	}
	var err error
	powerOff := false
	switch s.Kind {
	case PowerCut:
		if !h.On() {
			rec.Note = "skipped: already off"
			break
		}
		rec.Placed = f.r.placedOn(h.Name)
		powerOff = true
		f.mu.Lock()
		f.cut[i] = h
		f.mu.Unlock()
	case Partition, PartitionOneWay, Isolate, BMCPartition, Loss:
		if s.Kind == Isolate {
			rec.Placed = f.r.placedOn(h.Name)
		}
		f.mu.Lock()
		f.net[i] = s
		f.mu.Unlock()
		err = f.applyNet(s)
	case AgentKill, LeaderKill:
		if s.Kind == LeaderKill {
			leader := f.r.leader()
			if leader == nil {
				rec.Note = "skipped: no agent names a leader"
				break
			}
			h = leader
			rec.Hosts = []string{h.Name}
			rec.Note = "leader " + h.Name
			rec.Placed = f.r.placedOn(h.Name)
		}
		if !h.On() {
			rec.Note = strings.TrimSpace(rec.Note + " skipped: host off")
			break
		}
		if err = f.r.c.StopAgent(ctx, h.Name, syscall.SIGKILL); err != nil {
			break
		}
		f.mu.Lock()
		f.killed[i] = h
		f.mu.Unlock()
	case AgentStop, LeaderStop:
		if s.Kind == LeaderStop {
			rec.Note = "leader " + h.Name
			rec.Placed = f.r.placedOn(h.Name)
		}
		p := h.Service("vigil")
		if p == nil || !p.Alive() {
			rec.Note = "skipped: no agent runs"
			break
		}
		if err = p.Pause(); err == nil {
			f.mu.Lock()
			f.paused[i] = p
			f.mu.Unlock()
			if s.AfterFenceFailed {
				f.wg.Add(1)
				go func() {
					defer f.wg.Done()
					select {
					case <-time.After(s.For):
					case <-ctx.Done():
					}
					f.r.logf("heal   %-16s %s", s.Kind, h.Name)
					f.heal(i, s)
				}()
			}
		}
	case BMCCrash:
		err = crashIPMISim(h)
	case BMCRestart:
		err = h.BMC.IPMI.Restart(ctx)
	case DiskFull:
		if err = h.FillDisk(); err == nil {
			f.mu.Lock()
			f.filled[i] = h
			f.mu.Unlock()
		}
	case SlowAgent:
		p := h.Service("vigil")
		if p == nil || !p.Alive() {
			rec.Note = "skipped: no agent runs"
			break
		}
		var cage *cage
		if cage, err = newCPUCage(fmt.Sprintf("vigil-chaos-%d-%d", l.Index, i), p.Pid()); err == nil {
			f.mu.Lock()
			f.slowed[i] = cage
			f.mu.Unlock()
		}
	case SlowDisk:
		p := h.Service("vigil")
		if p == nil || !p.Alive() {
			rec.Note = "skipped: no agent runs"
			break
		}
		var cage *cage
		if cage, err = newIOCage(fmt.Sprintf("vigil-chaos-disk-%d-%d", l.Index, i), p.Pid(), f.r.disks[s.Host], s.IOPS); err == nil {
			f.mu.Lock()
			f.slowed[i] = cage
			f.mu.Unlock()
		}
	case Degrade:
		hctx, cancel := context.WithCancel(ctx)
		f.mu.Lock()
		f.heating[i] = cancel
		f.mu.Unlock()
		rec.Placed = f.r.placedOn(h.Name)
		if err = h.BMC.FailFan(ctx, 1); err != nil {
			break
		}
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			heat(hctx, h)
		}()
	default:
		err = fmt.Errorf("unknown fault %q", s.Kind)
	}
	if err != nil {
		rec.Note = strings.TrimSpace(rec.Note + " failed: " + err.Error())
	}
	if !strings.Contains(rec.Note, "skipped") && err == nil {
		rec.faults = f.checkFaults(s, rec, h, peer)
	}
	f.r.rec.record(rec)
	if powerOff {
		// PowerOff waits until the host is off: with a slow-off BMC that
		// is seconds, during which the schedule goes on. The cut is over
		// then (the host stays off until quiescence; the checker reads
		// that from the BMC's power log, and its BMC stays reachable).
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			if err := h.PowerOff(); err != nil {
				f.r.logf("step %d: power off %s: %v", i, h.Name, err)
			}
			f.r.rec.record(FaultRecord{At: time.Now(), Step: i, Kind: s.Kind, Heal: true})
		}()
	}
	if s.Kind == BMCCrash && err == nil && s.For == 0 {
		// The crash lasts until the lab's BMC watchdog has ipmi_sim
		// answering again.
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			waitBMC(ctx, h)
			f.r.rec.record(FaultRecord{At: time.Now(), Step: i, Kind: s.Kind, Heal: true})
		}()
	}
	return rec
}

// checkFaults are the checker's records of step s as injected.
func (f *faults) checkFaults(s Step, rec FaultRecord, h, peer *lab.Host) []check.Fault {
	mk := func(kind, target, peer string) check.Fault {
		return check.Fault{Kind: kind, Target: target, Peer: peer, Start: rec.At, Detail: fmt.Sprintf("step %d", rec.Step+1)}
	}
	switch s.Kind {
	case Partition, PartitionOneWay:
		return []check.Fault{mk(string(s.Kind), h.Name, peer.Name)}
	case BMCPartition:
		var out []check.Fault
		for _, o := range f.r.l.Hosts {
			if o != h {
				out = append(out, mk(check.FaultPartitionBMC, o.Name, h.Name))
			}
		}
		return out
	case Loss:
		c := mk(check.FaultLoss, h.Name, "")
		c.Share = s.Share
		return []check.Fault{c}
	case SlowAgent:
		// The checker's nearest kind: a fault of the host alone that
		// slows its agent's writes.
		c := mk(check.FaultSlowDisk, h.Name, "")
		c.Detail += ": the agent starved of CPU by a cgroup quota of 5 %"
		return []check.Fault{c}
	case SlowDisk:
		c := mk(check.FaultSlowDisk, h.Name, "")
		c.Detail += fmt.Sprintf(": the agent's I/O on its state directory (loop device %s) throttled to %d operations a second", f.r.disks[s.Host], s.IOPS)
		return []check.Fault{c}
	case BMCRestart:
		// Restart returned: the BMC is back.
		c := mk(string(s.Kind), h.Name, "")
		c.End = time.Now()
		return []check.Fault{c}
	case PowerCut:
		c := mk(string(s.Kind), h.Name, "")
		c.Detail += ": powered off through its BMC, which stays reachable; the fault ends when the host is off"
		return []check.Fault{c}
	}
	return []check.Fault{mk(string(s.Kind), h.Name, "")}
}

// waitBMC waits until h's ipmi_sim answers again (at most 20 s).
func waitBMC(ctx context.Context, h *lab.Host) {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		if sim := h.BMC.IPMI; sim != nil && sim.Alive() {
			pctx, cancel := context.WithTimeout(ctx, time.Second)
			err := sim.Ping(pctx)
			cancel()
			if err == nil {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// The degrading host's heat: the CPU climbs from warm toward its critical
// threshold (95 °C on the lab's BMCs; warning from 85 °C), as in the
// demo's predicted failure, and stays there until healed.
const (
	cpuStart    = 80.0
	cpuPerSec   = 1.0
	cpuCritical = 95.0
	cpuNormal   = 45.0
	fanNormal   = 5400.0
)

func heat(ctx context.Context, h *lab.Host) {
	start := time.Now()
	for {
		temp := min(cpuStart+cpuPerSec*time.Since(start).Seconds(), cpuCritical)
		sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		_ = h.BMC.SetSensor(sctx, "CPU Temp", temp)
		cancel()
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

// heal undoes step i.
func (f *faults) heal(i int, s Step) FaultRecord {
	rec := FaultRecord{At: time.Now(), Step: i, Kind: s.Kind, Heal: true}
	var err error
	f.mu.Lock()
	defer f.mu.Unlock()
	switch s.Kind {
	case Partition, PartitionOneWay, Isolate, BMCPartition, Loss:
		rec.Hosts = []string{f.host(s.Host).Name}
		if s.Kind == Partition || s.Kind == PartitionOneWay {
			rec.Hosts = append(rec.Hosts, f.host(s.Peer).Name)
		}
		delete(f.net, i)
		err = f.rebuildNetLocked()
	case AgentKill, LeaderKill:
		h := f.killed[i]
		delete(f.killed, i)
		if h == nil {
			rec.Note = "nothing to heal"
			break
		}
		rec.Hosts = []string{h.Name}
		err = f.startAgent(h)
	case BMCCrash:
		// A BMC that stays down (Plan.BMCStaysDown) until a technician
		// restarts it.
		h := f.host(s.Host)
		rec.Hosts = []string{h.Name}
		if sim := h.BMC.IPMI; sim != nil && !sim.Alive() {
			err = sim.Restart(f.r.ctx)
		}
	case PowerCut:
		// A technician powers the host on (steps with a duration only).
		h := f.cut[i]
		delete(f.cut, i)
		if h == nil {
			rec.Note = "nothing to heal"
			break
		}
		rec.Hosts = []string{h.Name}
		for t0 := time.Now(); h.On() && time.Since(t0) < 15*time.Second; {
			time.Sleep(50 * time.Millisecond) // a slow-off BMC
		}
		if err = h.PowerOn(); err == nil {
			f.booted(h)
		}
	case AgentStop, LeaderStop:
		if p := f.paused[i]; p != nil {
			rec.Hosts = []string{p.Host.Name}
			err = p.Resume()
		}
		delete(f.paused, i)
	case DiskFull:
		if h := f.filled[i]; h != nil {
			rec.Hosts = []string{h.Name}
			err = h.FreeDisk()
		}
		delete(f.filled, i)
	case SlowAgent, SlowDisk:
		rec.Hosts = []string{f.host(s.Host).Name}
		if c := f.slowed[i]; c != nil {
			if s.Kind == SlowDisk {
				rec.Note = c.ioServiced(f.r.disks[s.Host])
			}
			err = c.release()
		}
		delete(f.slowed, i)
	case Degrade:
		h := f.host(s.Host)
		rec.Hosts = []string{h.Name}
		if cancel := f.heating[i]; cancel != nil {
			cancel()
		}
		delete(f.heating, i)
		err = restoreSensors(f.r.ctx, h)
	}
	if err != nil {
		rec.Note = "failed: " + err.Error()
	}
	f.r.rec.record(rec)
	return rec
}

// booted follows host h powered on again by a technician, who readmits it
// as soon as the cluster takes it (in the background).
func (f *faults) booted(h *lab.Host) {
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		for t0 := time.Now(); time.Since(t0) < 30*time.Second && f.r.ctx.Err() == nil; time.Sleep(200 * time.Millisecond) {
			st, err := f.r.status()
			if err != nil {
				continue
			}
			if _, err := f.r.c.RunOn(f.r.ctx, st.Host, "host", "readmit", h.Name); err == nil {
				f.r.logf("readmit %s: accepted %.1f s after its power came back", h.Name, time.Since(t0).Seconds())
				return
			}
		}
		f.r.logf("readmit %s: not accepted within 30 s", h.Name)
	}()
}

// startAgent starts h's agent again unless the host is off (its boot
// starts it) or an agent already runs there.
func (f *faults) startAgent(h *lab.Host) error {
	if !h.On() {
		return nil
	}
	if p := h.Service("vigil"); p != nil && p.Alive() {
		return nil
	}
	for _, p := range h.Procs() {
		if p.Name == "vigil" && p.Alive() {
			return nil
		}
	}
	err := f.r.c.StartAgent(h.Name)
	if errors.Is(err, lab.ErrPoweredOff) {
		return nil
	}
	return err
}

func restoreSensors(ctx context.Context, h *lab.Host) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return errors.Join(h.BMC.SetSensor(ctx, "FAN1", fanNormal), h.BMC.SetSensor(ctx, "CPU Temp", cpuNormal))
}

// applyNet adds one network fault to the switch's rules.
func (f *faults) applyNet(s Step) error {
	l := f.r.l
	h := f.host(s.Host)
	switch s.Kind {
	case Partition:
		return l.Partition(h, f.host(s.Peer))
	case PartitionOneWay:
		return l.PartitionOneWay(h, f.host(s.Peer))
	case Isolate:
		return l.Isolate(h)
	case BMCPartition:
		var errs []error
		for _, o := range l.Hosts {
			if o != h {
				errs = append(errs, l.PartitionBMC(o, h))
			}
		}
		return errors.Join(errs...)
	case Loss:
		return h.SetLoss(lab.MgmtNet, s.Share)
	}
	return nil
}

// rebuildNetLocked heals the network and applies the faults still in
// force, oldest first.
func (f *faults) rebuildNetLocked() error {
	errs := []error{f.r.l.Heal()}
	for i := range len(f.r.plan.Steps) {
		if s, ok := f.net[i]; ok {
			errs = append(errs, f.applyNet(s))
		}
	}
	return errors.Join(errs...)
}

// healAll undoes every fault still in force (quiescence): the network,
// paused and starved agents, full disks, sensors, dead BMCs and killed
// agents; powered-off hosts are the caller's.
func (f *faults) healAll() error {
	f.mu.Lock()
	var errs []error
	for _, cancel := range f.heating {
		cancel()
	}
	clear(f.net)
	errs = append(errs, f.rebuildNetLocked())
	for _, p := range f.paused {
		errs = append(errs, p.Resume())
	}
	for _, c := range f.slowed {
		errs = append(errs, c.release())
	}
	for _, h := range f.filled {
		errs = append(errs, h.FreeDisk())
	}
	clear(f.paused)
	clear(f.slowed)
	clear(f.filled)
	f.mu.Unlock()
	f.wg.Wait() // power offs in flight, heat loops ended
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.r.plan.Steps {
		if s.Kind == Degrade {
			errs = append(errs, restoreSensors(f.r.ctx, f.host(s.Host)))
		}
	}
	for _, h := range f.r.l.Hosts {
		if sim := h.BMC.IPMI; sim != nil && !sim.Alive() {
			errs = append(errs, sim.Restart(f.r.ctx))
		}
	}
	for _, h := range f.killed {
		errs = append(errs, f.startAgent(h))
	}
	clear(f.killed)
	return errors.Join(errs...)
}

// crashIPMISim kills h's ipmi_sim as a crash would (SIGKILL from outside
// the simulator's own Close or Restart): the simulator counts a crash and
// the lab restarts it after lab.Options.IPMIAutoRestart.
func crashIPMISim(h *lab.Host) error {
	sim := h.BMC.IPMI
	if sim == nil {
		return errors.New("no ipmi_sim")
	}
	conf := filepath.Join(sim.Dir(), "lan.conf")
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return err
	}
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		args := strings.Split(string(b), "\x00")
		if len(args) > 0 && filepath.Base(args[0]) == "ipmi_sim" && strings.Contains(string(b), conf) {
			return syscall.Kill(pid, syscall.SIGKILL)
		}
	}
	return fmt.Errorf("no ipmi_sim process of %s found", h.Name)
}

// cage is a cgroup that holds a process: newCPUCage to 5 % of a core
// (cgroup v1's cpu controller, this machine's, or v2's cpu.max),
// newIOCage to a few I/O operations a second on one device.
type cage struct {
	dir  string
	root string
}

func newCPUCage(name string, pid int) (*cage, error) {
	type layout struct{ root, period, quota, value string }
	for _, lay := range []layout{
		{"/sys/fs/cgroup/cpu", "cpu.cfs_period_us", "cpu.cfs_quota_us", "5000"},
		{"/sys/fs/cgroup", "", "cpu.max", "5000 100000"},
	} {
		if _, err := os.Stat(filepath.Join(lay.root, "cgroup.procs")); err != nil {
			continue
		}
		if lay.period == "" {
			if _, err := os.Stat(filepath.Join(lay.root, "cgroup.controllers")); err != nil {
				continue
			}
		}
		c := &cage{dir: filepath.Join(lay.root, name), root: lay.root}
		if err := os.Mkdir(c.dir, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("cgroup %s: %w", c.dir, err)
		}
		if lay.period != "" {
			if err := os.WriteFile(filepath.Join(c.dir, lay.period), []byte("100000"), 0o644); err != nil {
				c.release()
				return nil, fmt.Errorf("cgroup %s: %w", c.dir, err)
			}
		}
		if err := os.WriteFile(filepath.Join(c.dir, lay.quota), []byte(lay.value), 0o644); err != nil {
			c.release()
			return nil, fmt.Errorf("cgroup %s: %w", c.dir, err)
		}
		if err := os.WriteFile(filepath.Join(c.dir, "cgroup.procs"), []byte(strconv.Itoa(pid)), 0o644); err != nil {
			c.release()
			return nil, fmt.Errorf("cgroup %s: %w", c.dir, err)
		}
		return c, nil
	}
	return nil, errors.New("no writable cgroup cpu controller")
}

// release moves the process, and whatever it started meanwhile (a QEMU
// inherits its parent's group), back to the root group and removes the
// cage.
func (c *cage) release() error {
	var err error
	for range 50 {
		if b, rerr := os.ReadFile(filepath.Join(c.dir, "cgroup.procs")); rerr == nil {
			for _, pid := range strings.Fields(string(b)) {
				_ = os.WriteFile(filepath.Join(c.root, "cgroup.procs"), []byte(pid), 0o644)
			}
		}
		if err = os.Remove(c.dir); err == nil || errors.Is(err, os.ErrNotExist) {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("cgroup %s: %w", c.dir, err)
}
