package qmp_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
)

func TestLabMigrateIdle(t *testing.T) {
	needQEMU(t)
	spec := guestSpec(t, "idle", 128, 0)
	// A disk on storage both hosts see: the destination must show it.
	disk := filepath.Join(sharedDir(t), "idle-disk0.img")
	if err := os.WriteFile(disk, make([]byte, 16<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	spec.Disks = []qmp.Disk{{Path: disk}} // cache=none: O_DIRECT, as on real shared storage
	p := newPairSpec(t, spec)
	hooked := false
	before := lastSeq(p.src.Paths.SerialLog, "idle")
	res, err := qmp.MigrateVM(ctx(t, 60*time.Second), p.src, p.dst, qmp.MigrateOptions{
		URI:          p.uri,
		AutoConverge: true,
		PreSwitchover: func(ctx context.Context) error {
			hooked = true
			return nil
		},
	})
	if err != nil {
		t.Fatalf("Migrate: %v (%+v)", err, res)
	}
	t.Logf("result: %+v", res)
	if res.Status != "completed" || res.TransferredBytes == 0 || res.TotalMs <= 0 || res.PausedMs <= 0 {
		t.Errorf("result = %+v", res)
	}
	if !hooked {
		t.Error("pre-switchover hook not called")
	}
	p.checkOn(t, p.dst, before)
	var blocks []struct {
		Device   string `json:"device"`
		Inserted *struct {
			File string `json:"file"`
		} `json:"inserted"`
	}
	if err := p.dst.Monitor().Run(ctx(t, 5*time.Second), "query-block", nil, &blocks); err != nil || len(blocks) != 1 ||
		blocks[0].Device != "drive0" || blocks[0].Inserted == nil || blocks[0].Inserted.File != disk {
		t.Errorf("destination query-block = %+v, %v; want drive0 on %s", blocks, err, disk)
	}
}

// slow migrates p with the bandwidth capped so a test can act mid-way.
func slowOpts(p *pair) qmp.MigrateOptions {
	return qmp.MigrateOptions{URI: p.uri, Bandwidth: 8 << 20, StallTimeout: 3 * time.Second}
}

// midway runs Migrate in the background and calls act once some bytes have
// moved.
func midway(t *testing.T, p *pair, opt qmp.MigrateOptions, act func(cancel context.CancelFunc)) (qmp.Result, error) {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	started := make(chan struct{})
	var once sync.Once
	opt.Progress = func(pr qmp.Progress) {
		if pr.Status == "active" && pr.Transferred > 4<<20 {
			once.Do(func() { close(started) })
		}
	}
	type out struct {
		res qmp.Result
		err error
	}
	done := make(chan out, 1)
	go func() {
		res, err := qmp.Migrate(c, p.src.Monitor(), p.dst.Monitor(), opt)
		done <- out{res, err}
	}()
	select {
	case <-started:
		act(cancel)
	case o := <-done:
		t.Fatalf("migration ended before the action: %+v, %v", o.res, o.err)
	}
	o := <-done
	t.Logf("result: %+v, err: %v", o.res, o.err)
	return o.res, o.err
}

func TestLabMigrateCancel(t *testing.T) {
	p := newPair(t, "cancel", 128, 0)
	before := lastSeq(p.src.Paths.SerialLog, "cancel")
	res, err := midway(t, p, slowOpts(p), func(cancel context.CancelFunc) { cancel() })
	if !errors.Is(err, qmp.ErrMigrationCancelled) || res.Status != "cancelled" {
		t.Fatalf("Migrate cancelled = %+v, %v; want ErrMigrationCancelled", res, err)
	}
	p.checkOn(t, p.src, before)
}

func TestLabMigrateDestinationKilled(t *testing.T) {
	p := newPair(t, "dstkill", 128, 0)
	before := lastSeq(p.src.Paths.SerialLog, "dstkill")
	res, err := midway(t, p, slowOpts(p), func(context.CancelFunc) {
		syscall.Kill(p.dst.PID(), syscall.SIGKILL)
	})
	if !errors.Is(err, qmp.ErrMigrationFailed) || res.Status != "failed" {
		t.Fatalf("Migrate with the destination killed = %+v, %v; want ErrMigrationFailed", res, err)
	}
	p.checkOn(t, p.src, before)
}

func TestLabMigrateNetworkCut(t *testing.T) {
	p := newPair(t, "netcut", 128, 0)
	before := lastSeq(p.src.Paths.SerialLog, "netcut")
	opt := slowOpts(p)
	opt.KillDestination = p.dst.Kill // the stale destination's process, not just its monitor
	res, err := midway(t, p, opt, func(context.CancelFunc) {
		if err := p.lab.Partition(p.srcHost, p.dstHost); err != nil {
			t.Errorf("Partition: %v", err)
		}
	})
	if !errors.Is(err, qmp.ErrMigrationStalled) || res.Status != "failed" || !strings.Contains(res.Reason, "no progress") {
		t.Fatalf("Migrate over a cut link = %+v, %v; want ErrMigrationStalled", res, err)
	}
	// The stale destination was killed (it would wait forever).
	p.checkOn(t, p.src, before)
}

// busy: the guest dirties memory faster than the (limited) link carries it.
func busyPair(t *testing.T, name string) (*pair, qmp.MigrateOptions) {
	// Touching one word per page dirties 200 MiB/s of pages at little CPU
	// cost, so the guest outruns the link even on a loaded machine.
	p := newPairSpec(t, guestSpecWith(t, name, guest.Options{MemoryMiB: 128, DirtyMiBps: 200, TouchWord: true}))
	const link = 20 << 20 // bytes/s
	if err := p.srcHost.SetBandwidth(lab.MigNet, link*8); err != nil {
		t.Fatalf("SetBandwidth: %v", err)
	}
	return p, qmp.MigrateOptions{URI: p.uri, Bandwidth: link, StepTimeout: 2 * time.Second, StallTimeout: 10 * time.Second,
		DowntimeLimit: 50 * time.Millisecond, MaxDowntime: 100 * time.Millisecond}
}

func TestLabMigrateBusyNotConverging(t *testing.T) {
	p, opt := busyPair(t, "busy1")
	before := lastSeq(p.src.Paths.SerialLog, "busy1")
	res, err := qmp.MigrateVM(ctx(t, 120*time.Second), p.src, p.dst, opt)
	t.Logf("result: %+v, err: %v", res, err)
	if !errors.Is(err, qmp.ErrMigrationNotConverging) || res.Status != "cancelled" {
		t.Fatalf("Migrate of a guest outrunning the link without post-copy = %+v, %v; want ErrMigrationNotConverging", res, err)
	}
	if !strings.Contains(res.Reason, "dirties") || !slices.Contains(res.Steps, "downtime") {
		t.Errorf("reason %q, steps %v: want the dirty rate named and the downtime step taken", res.Reason, res.Steps)
	}
	p.checkOn(t, p.src, before)
}

func TestLabMigrateBusyPostcopy(t *testing.T) {
	p, opt := busyPair(t, "busy2")
	opt.AllowPostcopy = true
	before := lastSeq(p.src.Paths.SerialLog, "busy2")
	res, err := qmp.MigrateVM(ctx(t, 120*time.Second), p.src, p.dst, opt)
	t.Logf("result: %+v, err: %v", res, err)
	if err != nil || res.Status != "completed" || !res.Postcopy {
		t.Fatalf("Migrate with post-copy allowed = %+v, %v; want completed through post-copy", res, err)
	}
	p.checkOn(t, p.dst, before)
}

// A link cut before the source even connects: the migration sits in
// "setup" (TCP connect retrying); the stall timer catches that too.
func TestLabMigrateNetworkCutBeforeConnect(t *testing.T) {
	p := newPair(t, "precut", 64, 0)
	before := lastSeq(p.src.Paths.SerialLog, "precut")
	if err := p.lab.Partition(p.srcHost, p.dstHost); err != nil {
		t.Fatalf("Partition: %v", err)
	}
	res, err := qmp.MigrateVM(ctx(t, 60*time.Second), p.src, p.dst, qmp.MigrateOptions{
		URI: p.uri, StallTimeout: 3 * time.Second, CallTimeout: 3 * time.Second,
	})
	t.Logf("result: %+v, err: %v", res, err)
	if !errors.Is(err, qmp.ErrMigrationStalled) || res.Status != "failed" {
		t.Fatalf("Migrate over a link cut before connecting = %+v, %v; want ErrMigrationStalled", res, err)
	}
	p.checkOn(t, p.src, before)
	var info qmp.MigrationInfo
	p.src.Monitor().Run(ctx(t, 5*time.Second), "query-migrate", nil, &info)
	t.Logf("source migration state afterwards: %s", info.Status)
}

// The migration link is cut during post-copy, once the VM runs on the
// destination, for longer than several recovery rounds: vigil pauses both
// sides and resumes once the link is back, with one `migrate resume` that
// connects when it returns (two pending resumes made QEMU 7.2 abort the
// source: see TestMigratePostcopyOneResumeWhileConnecting).
// The cut waits until the destination itself reports postcopy-active and
// running: just after the switch the destination may still be receiving
// the device state, and QEMU cannot recover a post-copy broken there (its
// destination fails the load and exits; see the package doc and
// TestMigratePostcopyStallWhileDestinationLoads).
func TestLabMigratePostcopyLinkCut(t *testing.T) {
	p, opt := busyPair(t, "pccut")
	opt.AllowPostcopy = true
	opt.StallTimeout = 2 * time.Second
	opt.PostcopyRecoverTimeout = 60 * time.Second
	before := lastSeq(p.src.Paths.SerialLog, "pccut")
	defer func() {
		if t.Failed() {
			for _, vm := range []*qmp.VM{p.src, p.dst} {
				b, _ := os.ReadFile(vm.Paths.Log)
				t.Logf("%s:\n%s", vm.Paths.Log, b)
			}
		}
	}()
	var once sync.Once
	healed := make(chan struct{})
	dstRuns := func() bool {
		c, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		var mig qmp.MigrationInfo
		if err := p.dst.Monitor().Run(c, "query-migrate", nil, &mig); err != nil || mig.Status != "postcopy-active" {
			return false
		}
		st, err := p.dst.Status(c)
		return err == nil && st.Status == "running"
	}
	opt.Progress = func(pr qmp.Progress) {
		if pr.Status == "postcopy-active" && dstRuns() {
			once.Do(func() {
				if err := p.lab.Partition(p.srcHost, p.dstHost); err != nil {
					t.Errorf("Partition: %v", err)
				}
				go func() {
					defer close(healed)
					time.Sleep(12 * time.Second)
					if err := p.lab.Unpartition(p.srcHost, p.dstHost); err != nil {
						t.Errorf("Unpartition: %v", err)
					}
				}()
			})
		}
	}
	res, err := qmp.MigrateVM(ctx(t, 120*time.Second), p.src, p.dst, opt)
	t.Logf("result: %+v, err: %v", res, err)
	<-healed
	if err != nil || res.Status != "completed" || !slices.Contains(res.Steps, "postcopy-recover") {
		t.Fatalf("post-copy over a link cut and healed = %+v, %v; want completed after postcopy-recover", res, err)
	}
	p.checkOn(t, p.dst, before)
}

// The migration completes, then the destination QEMU wedges (SIGSTOP: its
// monitor answers nothing). Verification fails and the VM goes back to the
// source, but the source may run again only once the destination process
// is gone: at the moment the source resumes, one copy is alive, never two.
// Migrate gets bare monitors, so it kills the destination by the pid the
// monitor socket's peer credentials name, not by `quit` over the wedged
// monitor.
func TestLabMigrateWedgedDestination(t *testing.T) {
	p := newPair(t, "wedged", 64, 0)
	before := lastSeq(p.src.Paths.SerialLog, "wedged")
	dstMon, ok := p.dst.Monitor().(*qmp.Client)
	if !ok || dstMon.PID() != p.dst.PID() {
		t.Fatalf("destination monitor names pid %d, want QEMU's %d", dstMon.PID(), p.dst.PID())
	}
	// Count live copies the moment the source says it runs again.
	srcEvents, unsub := p.src.Monitor().Subscribe(64)
	defer unsub()
	copiesAtResume := make(chan int, 1)
	go func() {
		for ev := range srcEvents {
			if ev.Name == "RESUME" {
				copiesAtResume <- liveCopies("wedged")
				return
			}
		}
	}()
	var once sync.Once
	stopped := false
	opt := qmp.MigrateOptions{URI: p.uri, CallTimeout: 5 * time.Second}
	opt.Progress = func(pr qmp.Progress) {
		if pr.Status == "completed" {
			once.Do(func() {
				if err := syscall.Kill(p.dst.PID(), syscall.SIGSTOP); err != nil {
					t.Errorf("SIGSTOP destination: %v", err)
				}
				stopped = true
			})
		}
	}
	res, err := qmp.Migrate(ctx(t, 90*time.Second), p.src.Monitor(), p.dst.Monitor(), opt)
	t.Logf("result: %+v, err: %v", res, err)
	if !stopped {
		t.Fatalf("migration never reported completed: %+v, %v", res, err)
	}
	if !errors.Is(err, qmp.ErrVerify) || errors.Is(err, qmp.ErrBothStopped) || res.Status != "failed" {
		t.Fatalf("Migrate with the destination wedged after completion = %+v, %v; want ErrVerify, source resumed", res, err)
	}
	select {
	case n := <-copiesAtResume:
		if n != 1 {
			t.Fatalf("live copies of wedged when the source resumed = %d, want 1 (the destination gone first)", n)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the source never resumed")
	}
	p.checkOn(t, p.src, before)
}
