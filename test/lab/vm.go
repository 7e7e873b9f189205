package lab

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/test/lab/guest"
)

// Counting live copies of a VM ("never twice").
//
// A watcher goroutine finds every QEMU process running in a lab host's
// namespace, learns from its command line where its COM1 output goes
// (-serial file:PATH, a -chardev's logfile=PATH or path=PATH of a file
// backend, or a regular file on its stdout) and follows those files,
// stamping each heartbeat line (package guest) with the time it was read.
// The heartbeats feed guest.Streams, which holds the counting rules (a
// stream per file, VM and boot; hand-offs by migration or reboot; two
// writers of one file); a stream counts only while a QEMU still writes its
// file.
//
// Only QEMUs whose serial output reaches a file are seen: a VM whose COM1
// goes only to a socket or a pty is invisible to the check.

const watchInterval = 200 * time.Millisecond

type followed struct {
	off  int64
	part []byte
	// inc is the file's incarnation (guest.StreamKey): one more each time
	// a QEMU that was not writing it opens it.
	inc int
}

// HeartbeatRead is one heartbeat as the watcher read it: when, in which
// order (Ord increases by one per heartbeat read), from which serial file
// and which incarnation of it (guest.StreamKey), and the host whose QEMU
// writes it.
type HeartbeatRead struct {
	At   time.Time
	Ord  uint64
	Host string
	File string
	Inc  int
	guest.Heartbeat
}

type vmWatcher struct {
	lab *Lab

	mu      sync.Mutex
	files   map[string]*followed
	writers map[string][]int // file -> live QEMU pids, as of the last scan
	hosts   map[string]string
	streams *guest.Streams
	twice   []string       // descriptions of violations
	lastNow time.Time      // time of the latest sample
	overlap map[string]int // VM id -> copies at the latest sample
	onBeat  map[int]func(HeartbeatRead)
	nextOn  int
	stop    chan struct{}
	done    chan struct{}
}

func newWatcher(l *Lab) *vmWatcher {
	return &vmWatcher{
		lab:     l,
		files:   map[string]*followed{},
		writers: map[string][]int{},
		hosts:   map[string]string{},
		streams: guest.NewStreams(),
		overlap: map[string]int{},
		onBeat:  map[int]func(HeartbeatRead){},
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
}

func (l *Lab) watcher() *vmWatcher {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.vmw == nil {
		w := newWatcher(l)
		l.vmw = w
		go w.run()
		l.cleanups = append(l.cleanups, func() error { w.close(); return nil })
	}
	return l.vmw
}

func (w *vmWatcher) close() {
	select {
	case <-w.stop:
	default:
		close(w.stop)
	}
	<-w.done
}

func (w *vmWatcher) run() {
	defer close(w.done)
	t := time.NewTicker(watchInterval)
	defer t.Stop()
	for {
		w.poll()
		select {
		case <-w.stop:
			return
		case <-t.C:
		}
	}
}

// poll rescans QEMU processes, reads new serial output and checks the
// never-twice invariant for every VM seen.
func (w *vmWatcher) poll() {
	writers := map[string][]int{}
	hosts := map[string]string{}
	byIno := make(map[uint64]*Host, len(w.lab.Hosts))
	for _, h := range w.lab.Hosts {
		byIno[h.nsIno] = h
	}
	self := os.Getpid()
	for _, pid := range listPids() {
		if pid == self {
			continue
		}
		ino, ok := netnsInode(pid)
		if !ok {
			continue
		}
		h := byIno[ino]
		if h == nil {
			continue
		}
		for _, f := range qemuSerialFiles(pid) {
			writers[f] = append(writers[f], pid)
			hosts[f] = h.Name
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	// Stamp reads after taking the lock, never earlier than a previous
	// sample: concurrent polls (the ticker and LiveCopies) must not stamp
	// a later read with an earlier time, or a hand-off looks like overlap.
	now := time.Now()
	if now.Before(w.lastNow) {
		now = w.lastNow
	}
	w.sampleLocked(writers, hosts, now)
}

// sampleLocked takes one scan of the QEMU processes (writers: serial file
// -> pids, hosts: serial file -> host), reads the serial output at now and
// checks the never-twice invariant for every VM seen.
func (w *vmWatcher) sampleLocked(writers map[string][]int, hosts map[string]string, now time.Time) {
	w.lastNow = now
	// A file whose last writer died since the previous scan is read to its
	// end now, while nothing writes it: what its QEMU wrote after the
	// previous read belongs to that dead incarnation. Left unread, it would
	// be read only when a QEMU opens the file again (an incoming migration
	// or a restart on the same host) and stamped then, as if the dead
	// incarnation were alive beside the new one.
	for f := range w.writers {
		if _, ok := writers[f]; !ok {
			w.read(f, now)
		}
	}
	// A QEMU that was not writing a file starts its next incarnation:
	// what the guest writes there now never continues a stream of an
	// earlier stay on this host (the same boot, if it left and came back
	// by live migration).
	for f, pids := range writers {
		if fl := w.files[f]; fl != nil && slices.ContainsFunc(pids, func(p int) bool { return !slices.Contains(w.writers[f], p) }) {
			fl.inc++
		}
	}
	w.writers = writers
	for f, h := range hosts {
		w.hosts[f] = h
	}
	for f := range writers {
		w.read(f, now)
	}
	w.streams.Forget(now)
	for _, id := range w.streams.IDs() {
		n, desc := w.countLocked(id, now)
		// One entry per episode (and when it gets worse), not per sample.
		if n > 1 && n > w.overlap[id] {
			w.twice = append(w.twice, fmt.Sprintf("%s: VM %s ran %d times: %s", now.Format("15:04:05.000"), id, n, desc))
		}
		w.overlap[id] = n
	}
}

// read follows one serial file from where it was left.
func (w *vmWatcher) read(path string, now time.Time) {
	st, err := os.Stat(path)
	if err != nil {
		return
	}
	f := w.files[path]
	fresh := f == nil
	if fresh {
		f = &followed{}
		w.files[path] = f
	}
	if st.Size() < f.off { // truncated: a new QEMU opened it
		f.off, f.part = 0, nil
	}
	if st.Size() == f.off {
		return
	}
	fh, err := os.Open(path)
	if err != nil {
		return
	}
	defer fh.Close()
	if fresh && st.Size() > 64<<10 {
		f.off = st.Size() - 64<<10
	}
	b, err := io.ReadAll(io.NewSectionReader(fh, f.off, 1<<20))
	if err != nil {
		return
	}
	f.off += int64(len(b))
	data := append(f.part, b...)
	nl := bytes.LastIndexByte(data, '\n')
	if nl < 0 {
		f.part = data
		return
	}
	f.part = append([]byte(nil), data[nl+1:]...)
	at := now
	if fresh {
		// History that was there before the watcher saw the file: it is
		// at most as new as the file.
		at = st.ModTime()
	}
	for _, line := range strings.Split(string(data[:nl]), "\n") {
		hb, ok := guest.ParseHeartbeat(line)
		if !ok {
			continue
		}
		w.add(path, f.inc, hb, at)
	}
}

// add records one heartbeat read from file at time at and hands it to the
// OnHeartbeat callbacks.
func (w *vmWatcher) add(file string, inc int, hb guest.Heartbeat, at time.Time) {
	ord := w.streams.AddInc(file, inc, hb.ID, hb.Boot, hb.Seq, at)
	if len(w.onBeat) == 0 {
		return
	}
	r := HeartbeatRead{At: at, Ord: ord, Host: w.hosts[file], File: file, Inc: inc, Heartbeat: hb}
	for _, fn := range w.onBeat {
		fn(r)
	}
}

// liveCopy is one running copy of a VM.
type liveCopy struct {
	s                *guest.Stream
	host, file, boot string
	pids             []int
	mult             int
}

// countLocked counts the live copies of VM id at now and describes them.
func (w *vmWatcher) countLocked(id string, now time.Time) (int, string) {
	cs := w.copiesLocked(id, now)
	n := 0
	desc := make([]string, 0, len(cs))
	for _, c := range cs {
		n += c.mult
		desc = append(desc, fmt.Sprintf("%s boot %s x%d seq %d-%d read %s-%s (%s, pids %v)", c.host, c.boot, c.mult,
			c.s.MinSeq, c.s.MaxSeq, c.s.First.Format("05.000"), c.s.Last.Format("05.000"), c.file, c.pids))
	}
	slices.Sort(desc)
	return n, strings.Join(desc, "; ")
}

// copiesLocked lists the live copies of VM id at now.
func (w *vmWatcher) copiesLocked(id string, now time.Time) []liveCopy {
	writing := func(file string) bool { return len(w.writers[file]) > 0 }
	var out []liveCopy
	for _, c := range w.streams.Copies(id, now, writing) {
		k := c.Stream.Key
		out = append(out, liveCopy{s: c.Stream, host: w.hosts[k.File], file: k.File, boot: k.Boot, pids: w.writers[k.File], mult: c.Mult})
	}
	return out
}

// OnHeartbeat has fn called with every heartbeat the never-twice watcher
// reads from now on, in reading order (the chaos runner records them). fn
// runs under the watcher's lock: it must be quick and must not call back
// into the lab. The returned function stops the calls.
func (l *Lab) OnHeartbeat(fn func(HeartbeatRead)) (stop func()) {
	w := l.watcher()
	w.mu.Lock()
	defer w.mu.Unlock()
	id := w.nextOn
	w.nextOn++
	w.onBeat[id] = fn
	return func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		delete(w.onBeat, id)
	}
}

// LiveCopies returns how many copies of VM id are running across the lab's
// hosts right now (see the package documentation for how copies are told
// apart). It reads the freshest serial output first.
func (l *Lab) LiveCopies(id string) int {
	w := l.watcher()
	w.poll()
	w.mu.Lock()
	defer w.mu.Unlock()
	n, _ := w.countLocked(id, time.Now())
	return n
}

// VMHosts returns the hosts on which VM id runs right now, one entry per
// live copy (so a host appears twice if it runs the VM twice).
func (l *Lab) VMHosts(id string) []*Host {
	w := l.watcher()
	w.poll()
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []*Host
	for _, c := range w.copiesLocked(id, time.Now()) {
		for range c.mult {
			if h := l.hostByName(c.host); h != nil {
				out = append(out, h)
			}
		}
	}
	return out
}

// VMs lists the VM ids the lab has seen heartbeats from, with their live
// copies now.
func (l *Lab) VMs() map[string]int {
	w := l.watcher()
	w.poll()
	w.mu.Lock()
	defer w.mu.Unlock()
	out := map[string]int{}
	now := time.Now()
	for _, id := range w.streams.IDs() {
		out[id], _ = w.countLocked(id, now)
	}
	return out
}

// TwiceViolations returns every moment the watcher saw a VM running more
// than once, oldest first.
func (l *Lab) TwiceViolations() []string {
	w := l.watcher()
	w.poll()
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.twice)
}

// CheckNeverTwice makes the test fail at cleanup if any VM ran on more than
// one host at the same time at any moment since the call (the watcher
// samples every 200 ms). New calls it for every lab.
func (l *Lab) CheckNeverTwice(t testing.TB) {
	t.Helper()
	w := l.watcher()
	w.mu.Lock()
	from := len(w.twice)
	w.mu.Unlock()
	t.Cleanup(func() {
		w.poll()
		w.mu.Lock()
		v := slices.Clone(w.twice[min(from, len(w.twice)):])
		w.mu.Unlock()
		if len(v) > 0 {
			if len(v) > 10 {
				v = append(v[:10], fmt.Sprintf("... and %d more", len(v)-10))
			}
			t.Errorf("never-twice violated:\n  %s", strings.Join(v, "\n  "))
		}
	})
}

// qemuSerialFiles returns the regular files a QEMU process writes its
// serial output to, judging by its command line.
func qemuSerialFiles(pid int) []string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil || len(b) == 0 {
		return nil
	}
	args := strings.Split(strings.TrimRight(string(b), "\x00"), "\x00")
	if !strings.HasPrefix(filepath.Base(args[0]), "qemu-system") {
		return nil
	}
	cwd, _ := os.Readlink(fmt.Sprintf("/proc/%d/cwd", pid))
	abs := func(p string) string {
		if p != "" && !filepath.IsAbs(p) && cwd != "" {
			return filepath.Join(cwd, p)
		}
		return p
	}
	var out []string
	for i := 1; i+1 < len(args); i++ {
		switch strings.TrimPrefix(args[i], "-") {
		case "-serial", "serial":
			if p, ok := strings.CutPrefix(args[i+1], "file:"); ok {
				out = append(out, abs(p))
			}
		case "-chardev", "chardev":
			opts := qemuOpts(args[i+1])
			if len(opts) > 0 && opts[0] == "file" {
				if p := optGet(opts, "path"); p != "" {
					out = append(out, abs(p))
				}
			}
			if p := optGet(opts, "logfile"); p != "" {
				out = append(out, abs(p))
			}
		}
	}
	if p, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/1", pid)); err == nil && filepath.IsAbs(p) {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// qemuOpts splits a QEMU option string at commas (",," is a literal comma).
func qemuOpts(s string) []string {
	var out []string
	var cur strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			if i+1 < len(s) && s[i+1] == ',' {
				cur.WriteByte(',')
				i++
				continue
			}
			out = append(out, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteByte(s[i])
	}
	return append(out, cur.String())
}

func optGet(opts []string, key string) string {
	for _, o := range opts {
		if v, ok := strings.CutPrefix(o, key+"="); ok {
			return v
		}
	}
	return ""
}

// VMOptions describe a test guest for StartVM.
type VMOptions struct {
	// ID is the VM's identity in its heartbeats (required).
	ID string
	// MemoryMiB (default 64) and DirtyMiBps as in guest.Options.
	MemoryMiB, DirtyMiBps int
	// Incoming, if set, is passed as -incoming (e.g. "defer" or
	// "tcp:10.214.3.12:4444"): the destination of a live migration.
	Incoming string
	// Args are extra QEMU arguments.
	Args []string
}

// VM is a test guest the lab started on a host.
type VM struct {
	ID   string
	Host *Host
	Proc *Proc
	// Serial is COM1's output file; QMP is the QMP unix socket.
	Serial, QMP string
}

// StartVM boots the test guest (package guest) on h under TCG, with COM1 in
// a file in h.LogDir and a QMP socket beside it. The process is tracked
// like Start's. It does not wait for the first heartbeat: see WaitHeartbeat.
func (h *Host) StartVM(ctx context.Context, o VMOptions) (*VM, error) {
	kernel, err := guest.Build(ctx)
	if err != nil {
		return nil, fmt.Errorf("lab: %s: guest: %w", h.Name, err)
	}
	h.mu.Lock()
	h.seq++
	n := h.seq
	h.mu.Unlock()
	vm := &VM{
		ID:     o.ID,
		Host:   h,
		Serial: filepath.Join(h.LogDir, fmt.Sprintf("vm-%s.%d.serial", o.ID, n)),
		QMP:    filepath.Join(h.LogDir, fmt.Sprintf("vm-%s.%d.qmp", o.ID, n)),
	}
	gopts := guest.Options{Kernel: kernel, ID: o.ID, MemoryMiB: o.MemoryMiB, DirtyMiBps: o.DirtyMiBps, SerialFile: vm.Serial}
	if err := gopts.Validate(); err != nil {
		return nil, fmt.Errorf("lab: %s: %w", h.Name, err)
	}
	args := append(guest.QEMUArgs(gopts), "-qmp", "unix:"+vm.QMP+",server=on,wait=off", "-name", o.ID)
	if o.Incoming != "" {
		args = append(args, "-incoming", o.Incoming)
	}
	args = append(args, o.Args...)
	p, err := h.StartCmd("qemu-"+o.ID, h.Command(context.Background(), "qemu-system-x86_64", args...))
	if err != nil {
		return nil, err
	}
	vm.Proc = p
	h.lab.watcher() // make sure the never-twice watcher runs
	return vm, nil
}

// WaitHeartbeat waits for the next heartbeat of the VM on its serial file.
func (vm *VM) WaitHeartbeat(ctx context.Context) (guest.Heartbeat, error) {
	r := guest.NewFileReader(vm.Serial)
	defer r.Close()
	type res struct {
		hb  guest.Heartbeat
		err error
	}
	ch := make(chan res, 1)
	go func() {
		hb, err := r.Wait(ctx, "a heartbeat from "+vm.ID, func(hb guest.Heartbeat) bool { return hb.ID == vm.ID })
		ch <- res{hb, err}
	}()
	select {
	case r := <-ch:
		return r.hb, r.err
	case <-vm.Proc.Done():
		return guest.Heartbeat{}, fmt.Errorf("lab: VM %s on %s exited: %v", vm.ID, vm.Host.Name, vm.Proc.err)
	}
}
