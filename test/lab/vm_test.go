package lab

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/lab/guest"
)

func needGuest(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("not with -short")
	}
	needTool(t, "qemu-system-x86_64")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if _, err := guest.Build(ctx); err != nil {
		testenv.Unavailable(t, "test guest cannot be built here: %v", err)
	}
}

func waitCopies(t *testing.T, l *Lab, id string, want int, d time.Duration) {
	t.Helper()
	waitFor(t, fmt.Sprintf("%d live copies of %s", want, id), d, func() bool { return l.LiveCopies(id) == want })
}

func TestGuestBootsAndIsCounted(t *testing.T) {
	needGuest(t)
	l := New(t, Options{Hosts: 2, BMC: NoBMC})
	h1 := l.Hosts[0]
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var mu sync.Mutex
	var reads []HeartbeatRead
	stopRec := l.OnHeartbeat(func(r HeartbeatRead) {
		mu.Lock()
		reads = append(reads, r)
		mu.Unlock()
	})
	t0 := time.Now()
	vm, err := h1.StartVM(ctx, VMOptions{ID: "vm1", MemoryMiB: 32})
	if err != nil {
		t.Fatal(err)
	}
	hb, err := vm.WaitHeartbeat(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("guest on %s: first heartbeat %v after start: %+v", h1.Name, time.Since(t0), hb)
	if hb.ID != "vm1" {
		t.Errorf("heartbeat id %q", hb.ID)
	}
	waitCopies(t, l, "vm1", 1, 10*time.Second)
	stopRec()
	mu.Lock()
	if len(reads) == 0 {
		t.Error("OnHeartbeat saw no heartbeat")
	}
	for i, r := range reads {
		if r.ID != "vm1" || r.Host != h1.Name || r.File == "" || r.At.IsZero() || (i > 0 && r.Ord != reads[i-1].Ord+1) {
			t.Errorf("OnHeartbeat read %d = %+v, want vm1 on %s, in order", i, r, h1.Name)
		}
	}
	mu.Unlock()
	if n := l.LiveCopies("other"); n != 0 {
		t.Errorf("LiveCopies(other) = %d", n)
	}
	// A reboot in place starts a new heartbeat stream (new boot nonce) in
	// the same file: a hand-off, not a second copy (New's cleanup check
	// fails the test if the watcher ever counts two).
	if _, err := qmpExec(ctx, vm.QMP, `{"execute":"system_reset"}`); err != nil {
		t.Fatal(err)
	}
	r := guest.NewFileReader(vm.Serial)
	defer r.Close()
	if _, err := r.Wait(ctx, "a heartbeat after the reset", func(b guest.Heartbeat) bool { return b.Boot != hb.Boot }); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a few watcher samples", 2*time.Second, func() bool { return l.LiveCopies("vm1") == 1 })
	time.Sleep(time.Second)
	if n := l.LiveCopies("vm1"); n != 1 {
		t.Errorf("after reboot in place LiveCopies = %d, want 1", n)
	}
	// The QEMU runs "on" h1: its power off kills it and the copy is gone.
	if err := h1.PowerOff(); err != nil {
		t.Fatal(err)
	}
	if vm.Proc.Alive() {
		t.Fatal("QEMU survived power off")
	}
	if n := l.LiveCopies("vm1"); n != 0 {
		t.Errorf("LiveCopies after power off = %d, want 0", n)
	}
}

// TestLiveCopiesSeesSplitBrain runs the same VM on two hosts: the check
// must see two copies and record a violation. It uses Start rather than New
// so that the deliberate violation does not fail the test.
func TestLiveCopiesSeesSplitBrain(t *testing.T) {
	needGuest(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	l, err := Start(ctx, Options{Hosts: 2, BMC: NoBMC, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var vms []*VM
	for _, h := range l.Hosts {
		vm, err := h.StartVM(ctx, VMOptions{ID: "twin", MemoryMiB: 32})
		if err != nil {
			t.Fatal(err)
		}
		vms = append(vms, vm)
	}
	for _, vm := range vms {
		if _, err := vm.WaitHeartbeat(ctx); err != nil {
			t.Fatal(err)
		}
	}
	waitCopies(t, l, "twin", 2, 10*time.Second)
	if v := l.TwiceViolations(); len(v) == 0 {
		t.Error("two live copies but no violation recorded")
	} else {
		t.Logf("recorded: %s", v[0])
	}
	if err := vms[1].Proc.Kill(); err != nil {
		t.Fatal(err)
	}
	if n := l.LiveCopies("twin"); n != 1 {
		t.Errorf("after killing one copy LiveCopies = %d, want 1", n)
	}
}

// qmpExec runs QMP commands on a unix socket and returns the last reply.
func qmpExec(ctx context.Context, path string, cmds ...string) (map[string]any, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, "unix", path)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = c.SetDeadline(dl)
	}
	r := bufio.NewReader(c)
	if _, err := r.ReadString('\n'); err != nil { // greeting
		return nil, err
	}
	var last map[string]any
	for _, cmd := range append([]string{`{"execute":"qmp_capabilities"}`}, cmds...) {
		if _, err := fmt.Fprintln(c, cmd); err != nil {
			return nil, err
		}
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return nil, err
			}
			var m map[string]any
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				return nil, err
			}
			if _, ev := m["event"]; ev {
				continue
			}
			if e, ok := m["error"]; ok {
				return nil, fmt.Errorf("qmp %s: %v", cmd, e)
			}
			last = m
			break
		}
	}
	return last, nil
}

// TestMigrationIsNotTwice live-migrates a guest from h1 to h2 over the
// migration network while the watcher samples: the hand-off must never
// count as two copies (New's cleanup check fails the test otherwise).
func TestMigrationIsNotTwice(t *testing.T) {
	needGuest(t)
	l := New(t, Options{Hosts: 2, BMC: NoBMC})
	h1, h2 := l.Hosts[0], l.Hosts[1]
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	src, err := h1.StartVM(ctx, VMOptions{ID: "mig1", MemoryMiB: 64, DirtyMiBps: 5})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.WaitHeartbeat(ctx); err != nil {
		t.Fatal(err)
	}
	uri := fmt.Sprintf("tcp:%s:4444", h2.MigIP)
	dst, err := h2.StartVM(ctx, VMOptions{ID: "mig1", MemoryMiB: 64, DirtyMiBps: 5, Incoming: "defer"})
	if err != nil {
		t.Fatal(err)
	}
	waitCopies(t, l, "mig1", 1, 10*time.Second)
	waitFor(t, "destination QMP", 10*time.Second, func() bool {
		_, err := qmpExec(ctx, dst.QMP, fmt.Sprintf(`{"execute":"migrate-incoming","arguments":{"uri":%q}}`, uri))
		return err == nil
	})
	_, err = qmpExec(ctx, src.QMP,
		`{"execute":"migrate-set-parameters","arguments":{"max-bandwidth":1073741824,"downtime-limit":50}}`,
		fmt.Sprintf(`{"execute":"migrate","arguments":{"uri":%q}}`, uri))
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "migration completed", 60*time.Second, func() bool {
		m, err := qmpExec(ctx, src.QMP, `{"execute":"query-migrate"}`)
		if err != nil {
			return false
		}
		ret, _ := m["return"].(map[string]any)
		if ret["status"] == "failed" {
			t.Fatalf("migration failed: %v", ret)
		}
		return ret["status"] == "completed"
	})
	// The destination heartbeats; the paused source is still alive, yet
	// only one copy counts.
	if _, err := dst.WaitHeartbeat(ctx); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the copy on h2 to count", 5*time.Second, func() bool {
		hs := l.VMHosts("mig1")
		return len(hs) == 1 && hs[0] == h2
	})
	time.Sleep(3 * time.Second) // let the watcher sample across the window
	if n := l.LiveCopies("mig1"); n != 1 {
		t.Errorf("after migration LiveCopies = %d, want 1", n)
	}
	if !src.Proc.Alive() {
		t.Error("source QEMU exited: the test wanted it paused but alive")
	}
	if v := l.TwiceViolations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}
