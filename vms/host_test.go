package vms_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/netfabric"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/vms"
)

// TestStartStopWriteIntentsFirst: Start writes its intent before QEMU
// exists and closes it after the record; Stop likewise; the QEMU is gone
// after Stop.
func TestStartStopWriteIntentsFirst(t *testing.T) {
	needQEMU(t)
	ctx := ctxFor(t, 60*time.Second)
	n := newNode(t, "host-a")
	var qemuAtOpen []int
	n.st.onOpen = func(store.Intent) { qemuAtOpen = append(qemuAtOpen, len(qemuPIDs("iv1"))) }
	killAll(t, "iv1")

	st, err := n.h.Start(ctx, firmwareVM("iv1", 3))
	if err != nil || st.State != vms.Running || st.Generation != 3 || st.PID <= 0 {
		t.Fatalf("Start = %+v, %v; want running at generation 3", st, err)
	}
	waitPIDs(t, "iv1", st.PID)
	if _, err := n.h.Start(ctx, firmwareVM("iv1", 3)); !errors.Is(err, vms.ErrRunning) {
		t.Fatalf("second Start = %v, want ErrRunning", err)
	}
	l, err := n.h.List(ctx)
	if err != nil || len(l) != 1 || l[0].State != vms.Running || l[0].PID != st.PID {
		t.Fatalf("List = %+v, %v", l, err)
	}
	if err := n.h.Stop(ctx, "iv1"); err != nil {
		t.Fatal(err)
	}
	waitPIDs(t, "iv1")
	want := []string{"open start iv1", "put iv1 gen 3", "close start done", "open stop iv1", "delete iv1", "close stop done"}
	if got := n.st.Ops(); !slices.Equal(got, want) {
		t.Fatalf("store calls %q, want %q", got, want)
	}
	if !slices.Equal(qemuAtOpen, []int{0, 1}) {
		t.Fatalf("QEMU processes when each intent was opened: %v; want none before the start, one before the stop", qemuAtOpen)
	}
	if l, _ := n.h.List(ctx); len(l) != 0 {
		t.Fatalf("List after Stop = %+v", l)
	}
	if err := n.h.Stop(ctx, "iv1"); !errors.Is(err, vms.ErrNotFound) {
		t.Fatalf("Stop of a stopped VM = %v, want ErrNotFound", err)
	}
	if got := intentsClosed(t, n.st); !slices.Equal(got, []string{"start done", "stop done"}) {
		t.Fatalf("audit %q", got)
	}
}

// TestStartRefusals: nothing is started when the intent cannot be written,
// when the generation is older than the recorded one, or when the request
// is invalid; a QEMU that fails to start closes its intent as failed.
func TestStartRefusals(t *testing.T) {
	needQEMU(t)
	ctx := ctxFor(t, 60*time.Second)
	n := newNode(t, "host-a")
	killAll(t, "rv1")

	n.st.failOpen = errors.New("disk full")
	if _, err := n.h.Start(ctx, firmwareVM("rv1", 1)); !errors.Is(err, vms.ErrIntent) || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Start with the store refusing the intent = %v; want ErrIntent with the cause", err)
	}
	if p := qemuPIDs("rv1"); len(p) != 0 {
		t.Fatalf("QEMU started without an intent: %v", p)
	}
	if _, err := os.Stat(filepath.Join(n.runDir, "rv1")); !os.IsNotExist(err) {
		t.Fatalf("run dir written without an intent: %v", err)
	}
	n.st.failOpen = nil

	if err := n.st.Store.PutVM(store.VMRecord{ID: "rv1", Generation: 5}); err != nil {
		t.Fatal(err)
	}
	if _, err := n.h.Start(ctx, firmwareVM("rv1", 4)); !errors.Is(err, vms.ErrStaleGeneration) {
		t.Fatalf("Start at generation 4 after 5 = %v, want ErrStaleGeneration", err)
	}
	if len(n.st.Ops()) != 0 {
		t.Fatalf("store calls on refusal: %q", n.st.Ops())
	}
	if err := n.st.Store.DeleteVM("rv1"); err != nil {
		t.Fatal(err)
	}

	bad := firmwareVM("rv1", 1)
	bad.Spec.NICs = []qmp.NIC{{MAC: "52:54:00:00:00:01", Tap: "rv1-0"}}
	bad.Taps = []netfabric.Tap{{Name: "rv1-0", Bridge: "br0", MAC: "52:54:00:00:00:02"}}
	if _, err := n.h.Start(ctx, bad); !errors.Is(err, vms.ErrInvalid) || !strings.Contains(err.Error(), "taps[0].mac") {
		t.Fatalf("Start with a tap whose MAC differs from the NIC's = %v; want ErrInvalid naming taps[0].mac", err)
	}
	bad.Taps[0].MAC = "52:54:00:00:00:01"
	if _, err := n.h.Start(ctx, bad); !errors.Is(err, vms.ErrInvalid) || !strings.Contains(err.Error(), "no fabric") {
		t.Fatalf("Start of a VM with NICs on a host without a fabric = %v; want ErrInvalid", err)
	}

	// QEMU refuses the spec at start (an unknown option): the intent is
	// closed as failed and nothing is recorded.
	broken := firmwareVM("rv1", 1)
	broken.Spec.Extra = []string{"-no-such-option"}
	if _, err := n.h.Start(ctx, broken); err == nil {
		t.Fatal("Start of a QEMU that cannot start succeeded")
	}
	if got := n.st.Ops(); !slices.Equal(got, []string{"open start rv1", "close start failed"}) {
		t.Fatalf("store calls %q; want the intent opened then closed as failed", got)
	}
	if l, _ := n.h.List(ctx); len(l) != 0 {
		t.Fatalf("List after a failed start = %+v", l)
	}
}

// TestCrashIsNoticed: a QEMU killed behind the Host's back shows as
// Exited, crashed, with its record gone and an audit event.
func TestCrashIsNoticed(t *testing.T) {
	needQEMU(t)
	ctx := ctxFor(t, 60*time.Second)
	n := newNode(t, "host-a")
	st, err := n.h.Start(ctx, firmwareVM("cv1", 1))
	if err != nil {
		t.Fatal(err)
	}
	syscall.Kill(st.PID, syscall.SIGKILL)
	deadline := time.Now().Add(20 * time.Second)
	for {
		l, _ := n.h.List(ctx)
		if len(l) == 1 && l[0].State == vms.Exited {
			if l[0].Exit != "crashed" {
				t.Fatalf("exit %q, want crashed", l[0].Exit)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("List = %+v; want cv1 exited", l)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if _, err := n.st.VM("cv1"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("record after the crash: %v; want it removed", err)
	}
	evs, _ := n.st.Events(0, 0)
	if !slices.ContainsFunc(evs, func(e store.Event) bool { return e.Kind == "vm.exited" && strings.Contains(e.Message, "crashed") }) {
		t.Fatalf("audit %+v; want a vm.exited event saying crashed", evs)
	}
	// It can be started again.
	st, err = n.h.Start(ctx, firmwareVM("cv1", 2))
	if err != nil || st.State != vms.Running {
		t.Fatalf("Start after the crash = %+v, %v", st, err)
	}
	if err := n.h.Stop(ctx, "cv1"); err != nil {
		t.Fatal(err)
	}
}

// TestRestartAdopts: after an agent restart (Host dropped, store
// reopened) the VM still runs, List shows it detached, Adopt finds the
// same process and Stop ends it.
func TestRestartAdopts(t *testing.T) {
	needQEMU(t)
	ctx := ctxFor(t, 60*time.Second)
	n := newNode(t, "host-a")
	killAll(t, "av1")
	st, err := n.h.Start(ctx, firmwareVM("av1", 2))
	if err != nil {
		t.Fatal(err)
	}
	if pending := n.restart(); len(pending) != 0 {
		t.Fatalf("pending intents after a clean start: %+v", pending)
	}
	waitPIDs(t, "av1", st.PID)
	l, err := n.h.List(ctx)
	if err != nil || len(l) != 1 || l[0].State != vms.Detached || l[0].PID != st.PID || l[0].Generation != 2 {
		t.Fatalf("List after restart = %+v, %v; want av1 detached, pid %d", l, err, st.PID)
	}
	// A start before the adoption must not touch the running QEMU or its
	// run directory.
	if _, err := n.h.Start(ctx, firmwareVM("av1", 3)); !errors.Is(err, vms.ErrRunning) {
		t.Fatalf("Start of a running, not yet adopted VM = %v, want ErrRunning", err)
	}
	waitPIDs(t, "av1", st.PID)
	got, err := n.h.Adopt(ctx, "av1")
	if err != nil || got.PID != st.PID || got.State != vms.Running || got.Generation != 2 || !got.Started.Equal(st.Started) {
		t.Fatalf("Adopt = %+v, %v; want pid %d running at generation 2, started %v", got, err, st.PID, st.Started)
	}
	if _, err := n.h.Adopt(ctx, "nosuch"); !errors.Is(err, vms.ErrNotRunning) {
		t.Fatalf("Adopt of an unknown VM = %v, want ErrNotRunning", err)
	}
	if err := n.h.Stop(ctx, "av1"); err != nil {
		t.Fatal(err)
	}
	waitPIDs(t, "av1")
}

// TestResumeStart: a start whose intent was never closed (the agent died
// after QEMU started) is adopted when its QEMU runs, and closed as failed
// (record removed) when it does not.
func TestResumeStart(t *testing.T) {
	needQEMU(t)
	ctx := ctxFor(t, 90*time.Second)
	n := newNode(t, "host-a")
	killAll(t, "sv1")
	killAll(t, "sv2")
	n.st.failClose = store.IntentStart
	st1, err1 := n.h.Start(ctx, firmwareVM("sv1", 1))
	st2, err2 := n.h.Start(ctx, firmwareVM("sv2", 1))
	if err1 == nil || err2 == nil || st1.PID <= 0 || st2.PID <= 0 {
		t.Fatalf("Start with the close failing = %+v, %v and %+v, %v; want running and an error", st1, err1, st2, err2)
	}
	syscall.Kill(st2.PID, syscall.SIGKILL) // sv2's QEMU dies while the agent is down
	waitPIDs(t, "sv2")
	pending := n.restart()
	if len(pending) != 2 || pending[0].Kind != store.IntentStart || pending[1].VM != "sv2" {
		t.Fatalf("pending %+v; want the two start intents", pending)
	}
	if err := n.h.Resume(ctx, pending); err != nil {
		t.Fatalf("Resume: %v", err)
	}
	if got := intentsClosed(t, n.st); !slices.Equal(got, []string{"start adopted", "start failed"}) {
		t.Fatalf("closed intents %q; want sv1 adopted, sv2 failed", got)
	}
	if open := openIntents(t, n.st); len(open) != 0 {
		t.Fatalf("open intents after Resume: %+v", open)
	}
	l, _ := n.h.List(ctx)
	if len(l) != 1 || l[0].ID != "sv1" || l[0].State != vms.Running || l[0].PID != st1.PID {
		t.Fatalf("List after Resume = %+v; want sv1 running (pid %d) and sv2 gone", l, st1.PID)
	}
	if err := n.h.Stop(ctx, "sv1"); err != nil {
		t.Fatal(err)
	}
}

// TestResumeStop: a stop whose intent was never closed is finished.
func TestResumeStop(t *testing.T) {
	needQEMU(t)
	ctx := ctxFor(t, 60*time.Second)
	n := newNode(t, "host-a")
	killAll(t, "tv1")
	if _, err := n.h.Start(ctx, firmwareVM("tv1", 1)); err != nil {
		t.Fatal(err)
	}
	// The agent wrote the stop intent and died before acting.
	if _, err := n.st.Store.OpenIntent(store.Intent{Kind: store.IntentStop, VM: "tv1", Host: "host-a", Generation: 1}); err != nil {
		t.Fatal(err)
	}
	pending := n.restart()
	if err := n.h.Resume(ctx, pending); err != nil {
		t.Fatal(err)
	}
	waitPIDs(t, "tv1")
	if l, _ := n.h.List(ctx); len(l) != 0 {
		t.Fatalf("List after the resumed stop = %+v", l)
	}
	if open := openIntents(t, n.st); len(open) != 0 {
		t.Fatalf("open intents %+v", open)
	}
}
