package vms_test

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/netfabric"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
	"github.com/vigil-ha/vigil/vms"
)

// guestVM is the lab's test guest (heartbeats on COM1, which qmp keeps in
// the run directory's serial.log) with one NIC on bridge.
func guestVM(t testing.TB, ctx context.Context, id, mac, bridge string, gen uint64) vms.VM {
	t.Helper()
	kernel, err := guest.Build(ctx)
	if errors.Is(err, guest.ErrNoToolchain) {
		testenv.Unavailable(t, "test guest: %v", err)
	}
	if err != nil {
		t.Fatalf("guest.Build: %v", err)
	}
	var extra []string
	args := guest.QEMUArgs(guest.Options{Kernel: kernel, ID: id, Serial: "chardev:serial0"})
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "-kernel" || args[i] == "-append" {
			extra = append(extra, args[i], args[i+1])
		}
	}
	tap := id + "-0"
	return vms.VM{
		Spec:       qmp.Spec{Name: id, UUID: "5d0e3c1a-7b2f-4c8e-9a6d-1f2e3d4c5b6a", VCPUs: 1, MemoryMiB: 64, NICs: []qmp.NIC{{MAC: mac, Tap: tap}}, Extra: extra},
		Generation: gen,
		Taps:       []netfabric.Tap{{Name: tap, Bridge: bridge, MAC: mac}},
	}
}

// inHost runs QEMU inside a lab host's network namespace.
func inHost(h *lab.Host) qmp.Options {
	return qmp.Options{Command: func(name string, args ...string) *exec.Cmd {
		return h.Command(context.Background(), name, args...)
	}}
}

// waitBeat waits for a heartbeat of id in the serial log with seq > after.
func waitBeat(t testing.TB, ctx context.Context, serialLog, id string, after uint64) guest.Heartbeat {
	t.Helper()
	r := guest.NewFileReader(serialLog)
	defer r.Close()
	hb, err := r.Wait(ctx, fmt.Sprintf("a heartbeat of %s with seq > %d", id, after), func(hb guest.Heartbeat) bool {
		return hb.ID == id && hb.Seq > after
	})
	if err != nil {
		t.Fatal(err)
	}
	return hb
}

// TestLabStartRestartAdoptStop runs the test guest with a NIC on a bridge
// in a lab host's namespace through vms: the intent is written before
// QEMU exists and closed after; the agent-side Host is then dropped and its
// store reopened (an agent restart), the guest keeps running (same boot,
// later heartbeats), a new Host adopts the same QEMU and stops it, and the
// tap goes with it. The lab's watcher checks that the guest never ran
// twice.
func TestLabStartRestartAdoptStop(t *testing.T) {
	testenv.NeedsRoot(t)
	needQEMU(t)
	const id, mac, bridge = "labvm", "52:54:00:76:6d:01", "vbr0"
	ctx := ctxFor(t, 3*time.Minute)
	l := lab.New(t, lab.Options{Hosts: 1, BMC: lab.NoBMC, Name: "vms"})
	h := l.Hosts[0]
	fh, err := netfabric.Open(netfabric.Options{NetNS: h.Netns})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fh.Close() }) // before the lab's teardown
	f, err := netfabric.Parse("vbr0.yaml", []byte("version: 1\nbridges:\n  - name: "+bridge+"\n    vlan_filtering: false\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fh.Apply(ctx, f); err != nil {
		t.Fatal(err)
	}
	vm := guestVM(t, ctx, id, mac, bridge, 7)

	dir := shortDir(t)
	dbPath := filepath.Join(dir, "vigil.db")
	var st *recStore
	var host *vms.Host
	open := func() {
		s, err := store.Open(dbPath, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		st = newRecStore(s)
		host, err = vms.New(vms.Config{Name: h.Name, RunDir: filepath.Join(dir, "run"), Store: st, Net: fh, QEMU: inHost(h)})
		if err != nil {
			t.Fatal(err)
		}
	}
	open()
	t.Cleanup(func() { host.Close(); st.Close() })
	var copiesAtOpen []int
	st.onOpen = func(store.Intent) { copiesAtOpen = append(copiesAtOpen, len(qemuPIDs(id))) }

	started, err := host.Start(ctx, vm)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	serial := qmp.PathsIn(filepath.Join(dir, "run", id)).SerialLog
	hb0 := waitBeat(t, ctx, serial, id, 0)
	if got, want := st.Ops(), []string{"open start " + id, "put " + id + " gen 7", "close start done"}; !slices.Equal(got, want) || !slices.Equal(copiesAtOpen, []int{0}) {
		t.Fatalf("store calls %q with %v QEMUs at the intent; want %q with none", got, copiesAtOpen, want)
	}
	if open := openIntents(t, st); len(open) != 0 {
		t.Fatalf("open intents after Start: %+v", open)
	}
	checkTap(t, ctx, fh, vm.Taps[0], true)
	if n := l.LiveCopies(id); n != 1 {
		t.Fatalf("LiveCopies(%s) = %d, want 1", id, n)
	}

	// Agent restart: the Host goes, the store is reopened, QEMU stays.
	host.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	before := waitBeat(t, ctx, serial, id, hb0.Seq)
	open()
	if p := st.Pending(); len(p) != 0 {
		t.Fatalf("pending intents after the restart: %+v", p)
	}
	if err := host.Resume(ctx, st.Pending()); err != nil {
		t.Fatal(err)
	}
	ls, _ := host.List(ctx)
	if len(ls) != 1 || ls[0].State != vms.Detached || ls[0].PID != started.PID {
		t.Fatalf("List after the restart = %+v; want %s detached with pid %d", ls, id, started.PID)
	}
	adopted, err := host.Adopt(ctx, id)
	if err != nil || adopted.PID != started.PID || adopted.Generation != 7 || adopted.State != vms.Running {
		t.Fatalf("Adopt = %+v, %v; want pid %d running at generation 7", adopted, err, started.PID)
	}
	after := waitBeat(t, ctx, serial, id, before.Seq)
	if after.Boot != hb0.Boot {
		t.Fatalf("guest boot %s after the restart, %s before: the VM was restarted, not adopted", after.Boot, hb0.Boot)
	}
	if s, err := host.Probe(ctx, id); err != nil || s != "running" {
		t.Fatalf("run state %q, %v; want running (the adopted monitor answers)", s, err)
	}

	if err := host.Stop(ctx, id); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	waitPIDs(t, id)
	checkTap(t, ctx, fh, vm.Taps[0], false)
	if got, want := st.Ops(), []string{"put " + id + " gen 7", "open stop " + id, "delete " + id, "close stop done"}; !slices.Equal(got, want) {
		t.Fatalf("store calls after the restart %q, want %q", got, want)
	}
	if got := intentsClosed(t, st); !slices.Equal(got, []string{"start done", "stop done"}) {
		t.Fatalf("audit %q", got)
	}
	if n := l.LiveCopies(id); n != 0 {
		t.Fatalf("LiveCopies(%s) = %d after Stop", id, n)
	}
}

// checkTap asserts that tap is (or is not) on its bridge in fh's namespace.
func checkTap(t testing.TB, ctx context.Context, fh *netfabric.Host, tap netfabric.Tap, want bool) {
	t.Helper()
	s, err := fh.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	l := s.Links[tap.Name]
	switch {
	case want && (l == nil || l.Kind != "tuntap" || l.Master != tap.Bridge):
		t.Fatalf("tap %s = %+v; want a tuntap on %s", tap.Name, l, tap.Bridge)
	case !want && l != nil:
		t.Fatalf("tap %s still there: %+v", tap.Name, l)
	}
}
