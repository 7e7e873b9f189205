package qmp_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
)

// guestKernel builds (cached) the lab's test guest, skipping when the
// toolchain is missing.
func guestKernel(t testing.TB) string {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	k, err := guest.Build(c)
	if errors.Is(err, guest.ErrNoToolchain) {
		testenv.Unavailable(t, "test guest: %v", err)
	}
	if err != nil {
		t.Fatalf("guest.Build: %v", err)
	}
	return k
}

// guestSpec is a VM running the test guest: heartbeat on COM1 with id=name,
// dirtying dirty MiB/s (whole pages).
func guestSpec(t testing.TB, name string, memMiB, dirty int) qmp.Spec {
	return guestSpecWith(t, name, guest.Options{MemoryMiB: memMiB, DirtyMiBps: dirty})
}

// guestSpecWith is guestSpec with the guest's own options.
func guestSpecWith(t testing.TB, name string, o guest.Options) qmp.Spec {
	o.Kernel, o.ID, o.Serial = guestKernel(t), name, "chardev:serial0"
	memMiB := o.MemoryMiB
	args := guest.QEMUArgs(o)
	var extra []string
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "-kernel" || args[i] == "-append" {
			extra = append(extra, args[i], args[i+1])
		}
	}
	return qmp.Spec{Name: name, UUID: "2b7e1516-28ae-4d2a-a6ab-f7158809cf4f", VCPUs: 1, MemoryMiB: memMiB, Extra: extra}
}

// startOn starts spec on lab host h (h nil: on this machine) with its run
// directory under dir.
func startOn(t testing.TB, h *lab.Host, spec qmp.Spec, dir string, incoming bool) *qmp.VM {
	t.Helper()
	opt := qmp.Options{}
	if h != nil {
		opt.Command = func(name string, args ...string) *exec.Cmd {
			return h.Command(context.Background(), name, args...)
		}
	}
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	vm, err := qmp.Start(c, spec, qmp.PathsIn(dir), incoming, opt)
	if err != nil {
		t.Fatalf("Start(%s in %s): %v", spec.Name, dir, err)
	}
	t.Cleanup(func() {
		c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		vm.Kill(c)
	})
	return vm
}

// liveCopies counts QEMU processes on this machine (all lab hosts share
// its process table) running the VM name: the "never twice" check.
func liveCopies(name string) int {
	ents, _ := os.ReadDir("/proc")
	n := 0
	for _, e := range ents {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		cmd, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil || !bytes.Contains(cmd, []byte("qemu-system")) {
			continue
		}
		stat, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if i := bytes.LastIndexByte(stat, ')'); i > 0 && i+2 < len(stat) && stat[i+2] == 'Z' {
			continue
		}
		if bytes.Contains(cmd, []byte("\x00guest="+name+",")) {
			n++
		}
	}
	return n
}

// waitCopies waits until exactly want copies of name are alive.
func waitCopies(t testing.TB, name string, want int) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		n := liveCopies(name)
		if n == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("live copies of %s = %d, want %d", name, n, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// lastSeq returns the newest heartbeat seq of guest id in a serial log (-1
// if none).
func lastSeq(path, id string) int64 {
	b, _ := os.ReadFile(path)
	seq := int64(-1)
	for _, line := range strings.Split(string(b), "\n") {
		if hb, ok := guest.ParseHeartbeat(line); ok && hb.ID == id {
			seq = int64(hb.Seq)
		}
	}
	return seq
}

// waitSeq waits until the serial log at path shows guest id's heartbeat
// with seq > after, and returns it.
func waitSeq(t testing.TB, path, id string, after int64, within time.Duration) int64 {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		if s := lastSeq(path, id); s > after {
			return s
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(path)
			if len(b) > 600 {
				b = b[len(b)-600:]
			}
			t.Fatalf("no heartbeat of %s with seq > %d in %s within %v; tail: %q", id, after, path, within, b)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// pair is a source VM running on one lab host and an incoming destination
// on another.
type pair struct {
	lab      *lab.Lab
	srcHost  *lab.Host
	dstHost  *lab.Host
	spec     qmp.Spec
	src, dst *qmp.VM
	uri      string
}

var portSeq = 0

// sharedDir is storage every lab host sees (VM disks). The lab's own
// SharedDir is on tmpfs, which has no O_DIRECT (cache=none); the machine's
// temp dir is visible from every namespace as well.
func sharedDir(t testing.TB) string { return shortDir(t) }

func newPair(t *testing.T, name string, memMiB, dirty int) *pair {
	t.Helper()
	return newPairSpec(t, guestSpec(t, name, memMiB, dirty))
}

func newPairSpec(t *testing.T, spec qmp.Spec) *pair {
	t.Helper()
	needQEMU(t)
	name := spec.Name
	l := lab.New(t, lab.Options{Hosts: 2, BMC: lab.NoBMC, Name: "qmp"})
	p := &pair{lab: l, srcHost: l.Hosts[0], dstHost: l.Hosts[1], spec: spec}
	p.src = startOn(t, p.srcHost, spec, shortDir(t), false)
	waitSeq(t, p.src.Paths.SerialLog, name, 0, 30*time.Second)
	p.dst = startOn(t, p.dstHost, spec, shortDir(t), true)
	portSeq++
	p.uri = fmt.Sprintf("tcp:%s:%d", p.dstHost.MigIP, 4400+portSeq)
	waitCopies(t, name, 2)
	return p
}

// checkOn asserts the VM lives on exactly one host, vm, and that its
// heartbeat continues there past the last seq seen before the migration.
func (p *pair) checkOn(t *testing.T, vm *qmp.VM, before int64) {
	t.Helper()
	other := p.src
	if vm == p.src {
		other = p.dst
	}
	select {
	case <-other.Exited():
	case <-time.After(15 * time.Second):
		t.Fatalf("the other copy (pid %d) is still running", other.PID())
	}
	waitCopies(t, p.spec.Name, 1)
	st, err := vm.Status(ctx(t, 5*time.Second))
	if err != nil || st.Status != "running" {
		t.Fatalf("surviving copy status = %+v, %v; want running", st, err)
	}
	s1 := waitSeq(t, vm.Paths.SerialLog, p.spec.Name, before, 20*time.Second)
	waitSeq(t, vm.Paths.SerialLog, p.spec.Name, s1, 20*time.Second)
	// The lab's heartbeat watcher agrees: one live copy across all hosts.
	if n := p.lab.LiveCopies(p.spec.Name); n != 1 {
		t.Fatalf("lab.LiveCopies(%s) = %d, want 1", p.spec.Name, n)
	}
}
