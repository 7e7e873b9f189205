package membershiptest

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// CPUMeter measures the CPU this process and the whole machine used over
// an interval: a large in-process cluster's timings mean little without
// knowing whether the CPU was saturated.
type CPUMeter struct {
	wall              time.Time
	self, waited      time.Duration
	hostBusy, hostAll uint64
	hostOK            bool
}

// CPUUsage is what a CPUMeter measured.
type CPUUsage struct {
	// Wall is the interval measured.
	Wall time.Duration
	// Cores is this process's CPU time (user and system) per second of
	// Wall: 1.5 means one and a half cores busy on average.
	Cores float64
	// Waiting is the time this process's threads were ready to run but
	// waited for a core, per second of Wall (from the kernel's
	// schedstat): well above 0, the machine starved the process; -1 if
	// unknown.
	Waiting float64
	// HostBusy is the share (0..1) of all cores' time the machine spent
	// busy, this process and any other; -1 if unknown.
	HostBusy float64
}

// StartCPU starts measuring.
func StartCPU() *CPUMeter {
	m := &CPUMeter{wall: time.Now(), self: selfCPU(), waited: runWait()}
	m.hostBusy, m.hostAll, m.hostOK = hostCPU()
	return m
}

// Stop returns the usage since StartCPU.
func (m *CPUMeter) Stop() CPUUsage {
	u := CPUUsage{Wall: time.Since(m.wall), HostBusy: -1, Waiting: -1}
	if u.Wall > 0 {
		u.Cores = float64(selfCPU()-m.self) / float64(u.Wall)
		if w := runWait(); w >= 0 && m.waited >= 0 {
			u.Waiting = float64(w-m.waited) / float64(u.Wall)
		}
	}
	if busy, all, ok := hostCPU(); ok && m.hostOK && all > m.hostAll {
		u.HostBusy = float64(busy-m.hostBusy) / float64(all-m.hostAll)
	}
	return u
}

func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// runWait sums the time this process's threads spent waiting on a run
// queue (the second field of /proc/self/task/*/schedstat); -1 if unknown.
// Threads that ended meanwhile are left out, which Go's few long-lived
// threads make small.
func runWait() time.Duration {
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return -1
	}
	var sum time.Duration
	for _, t := range tasks {
		b, err := os.ReadFile("/proc/self/task/" + t.Name() + "/schedstat")
		if err != nil {
			continue
		}
		f := strings.Fields(string(b))
		if len(f) < 2 {
			continue
		}
		if ns, err := strconv.ParseInt(f[1], 10, 64); err == nil {
			sum += time.Duration(ns)
		}
	}
	return sum
}

// hostCPU reads the machine's busy and total CPU ticks from /proc/stat
// (busy: all but idle and iowait).
func hostCPU() (busy, all uint64, ok bool) {
	f, err := os.Open("/proc/stat")
	if err != nil {
		return 0, 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() {
		return 0, 0, false
	}
	fields := strings.Fields(sc.Text())
	if len(fields) < 6 || fields[0] != "cpu" {
		return 0, 0, false
	}
	// user nice system idle iowait irq softirq steal (guest time is
	// already in user).
	for i, s := range fields[1:min(len(fields), 9)] {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return 0, 0, false
		}
		all += v
		if i != 3 && i != 4 {
			busy += v
		}
	}
	return busy, all, true
}
