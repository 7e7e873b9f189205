package vms_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/netfabric/netfabrictest"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/vms"
)

func hookNames(h *netfabrictest.Hooks) []string {
	var out []string
	for _, c := range h.Calls() {
		out = append(out, c.Hook+" "+c.VM)
	}
	return out
}

// TestMigrate moves a VM between two hosts on this machine: the network
// hooks in order around the move, one QEMU before and after, the VM
// recorded on the target under the new generation and gone from the
// source, and both hosts' intents closed.
func TestMigrate(t *testing.T) {
	needQEMU(t)
	ctx := ctxFor(t, 90*time.Second)
	a, b := newNode(t, "host-a"), newNode(t, "host-b")
	link(a, b)
	killAll(t, "mv1")
	st, err := a.h.Start(ctx, firmwareVM("mv1", 1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.h.Migrate(ctx, "mv1", "host-b", 1); !errors.Is(err, vms.ErrStaleGeneration) {
		t.Fatalf("Migrate without raising the generation = %v, want ErrStaleGeneration", err)
	}
	res, err := a.h.Migrate(ctx, "mv1", "host-b", 2)
	if err != nil || res.Status != "completed" {
		t.Fatalf("Migrate = %+v, %v; want completed", res, err)
	}
	lb, _ := b.h.List(ctx)
	if len(lb) != 1 || lb[0].State != vms.Running || lb[0].Generation != 2 || lb[0].PID == st.PID {
		t.Fatalf("target List = %+v; want mv1 running at generation 2 in a new process", lb)
	}
	waitPIDs(t, "mv1", lb[0].PID)
	if la, _ := a.h.List(ctx); len(la) != 0 {
		t.Fatalf("source List = %+v; want empty", la)
	}
	if got, want := hookNames(a.hooks["host-b"]), []string{"PrepareTarget mv1", "AfterSwitchover mv1"}; !slices.Equal(got, want) {
		t.Fatalf("hooks %q, want %q", got, want)
	}
	if got, want := a.st.Ops(), []string{"open start mv1", "put mv1 gen 1", "close start done", "open migrate mv1", "delete mv1", "close migrate done"}; !slices.Equal(got, want) {
		t.Fatalf("source store calls %q, want %q", got, want)
	}
	if got, want := b.st.Ops(), []string{"open start/incoming mv1", "put mv1 gen 2", "close start done"}; !slices.Equal(got, want) {
		t.Fatalf("target store calls %q, want %q", got, want)
	}
	// And back: the old source receives it.
	if _, err := b.h.Migrate(ctx, "mv1", "host-a", 3); err != nil {
		t.Fatalf("Migrate back: %v", err)
	}
	la, _ := a.h.List(ctx)
	if len(la) != 1 || la[0].Generation != 3 {
		t.Fatalf("List on host-a after the way back = %+v", la)
	}
	waitPIDs(t, "mv1", la[0].PID)
	if err := a.h.Stop(ctx, "mv1"); err != nil {
		t.Fatal(err)
	}
}

// badURI gives the migration an address that is not the destination's, so the
// real qmp.Migrate fails after the destination was started.
type badURI struct{ vms.Receiver }

func (r badURI) Receive(ctx context.Context, vm vms.VM, from string) (vms.Incoming, error) {
	in, err := r.Receiver.Receive(ctx, vm, from)
	if err != nil {
		return nil, err
	}
	return badIncoming{in}, nil
}

type badIncoming struct{ vms.Incoming }

func (badIncoming) URI() string { return "tcp:192.0.2.1:4444" } // TEST-NET-1: not this host

// TestMigrateFailures: a migration that fails at any step leaves the VM
// running on the source (the same process), the destination QEMU gone,
// the target's taps removed (AbortTarget) and every intent closed.
func TestMigrateFailures(t *testing.T) {
	needQEMU(t)
	for _, tc := range []struct {
		name    string
		setup   func(a, b *node, hooks *netfabrictest.Hooks)
		wantErr string
	}{
		{"prepare target fails", func(a, b *node, hooks *netfabrictest.Hooks) {
			hooks.Err = map[string]error{"PrepareTarget": errors.New("no bridge br9")}
		}, "no bridge br9"},
		{"destination refuses", func(a, b *node, hooks *netfabrictest.Hooks) {
			b.st.failOpen = errors.New("target store full")
		}, "target store full"},
		{"migration stream fails", func(a, b *node, hooks *netfabrictest.Hooks) {
			a.wrap = func(r vms.Receiver) vms.Receiver { return badURI{r} }
		}, "qmp"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := ctxFor(t, 90*time.Second)
			a, b := newNode(t, "host-a"), newNode(t, "host-b")
			link(a, b)
			killAll(t, "fv1")
			st, err := a.h.Start(ctx, firmwareVM("fv1", 1))
			if err != nil {
				t.Fatal(err)
			}
			hooks := &netfabrictest.Hooks{}
			a.hooks["host-b"] = hooks
			tc.setup(a, b, hooks)
			_, err = a.h.Migrate(ctx, "fv1", "host-b", 2)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("Migrate = %v; want an error mentioning %q", err, tc.wantErr)
			}
			if got, want := hookNames(hooks), []string{"PrepareTarget fv1", "AbortTarget fv1"}; !slices.Equal(got, want) {
				t.Fatalf("hooks %q, want %q", got, want)
			}
			waitPIDs(t, "fv1", st.PID)
			l, _ := a.h.List(ctx)
			if len(l) != 1 || l[0].State != vms.Running || l[0].Generation != 1 || l[0].PID != st.PID {
				t.Fatalf("source List = %+v; want fv1 running at generation 1, pid %d", l, st.PID)
			}
			if s, err := a.h.Probe(ctx, "fv1"); err != nil || s != "running" {
				t.Fatalf("source run state %q, %v; want running", s, err)
			}
			if lb, _ := b.h.List(ctx); len(lb) != 0 {
				t.Fatalf("target List = %+v; want empty", lb)
			}
			if got := intentsClosed(t, a.st); !slices.Equal(got, []string{"start done", "migrate failed"}) {
				t.Fatalf("source intents %q; want the migration closed as failed", got)
			}
			if open := openIntents(t, b.st); len(open) != 0 {
				t.Fatalf("target open intents %+v", open)
			}
			// The VM can still move once the fault is gone.
			hooks.Err = nil
			b.st.failOpen = nil
			a.wrap = nil
			if _, err := a.h.Migrate(ctx, "fv1", "host-b", 2); err != nil {
				t.Fatalf("Migrate after the fault: %v", err)
			}
			if err := b.h.Stop(ctx, "fv1"); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// halfMigrated builds what a crash in the middle of a migration leaves:
// mv runs on a (generation 1) with a's migrate intent open, and b has an
// incoming destination with its own intent open. switched runs the
// migration up to the switchover (the destination runs the VM, the
// source is paused); otherwise the destination still waits. Both agents
// then restart; the pending intents of each are returned.
func halfMigrated(t *testing.T, ctx context.Context, a, b *node, id string, switched bool) (srcPID, dstPID int, pendA, pendB []store.Intent) {
	t.Helper()
	st, err := a.h.Start(ctx, firmwareVM(id, 1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.st.Store.OpenIntent(store.Intent{Kind: store.IntentMigrate, VM: id, Host: a.name, Target: b.name, Generation: 2}); err != nil {
		t.Fatal(err)
	}
	inc, err := b.h.Receive(ctx, firmwareVM(id, 2), a.name)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(qemuPIDs(id)); n != 2 {
		t.Fatalf("%d QEMUs of %s, want source and destination", n, id)
	}
	if switched {
		// The technicians' QMP socket of the source: the agent's own
		// monitor is the Host's.
		mon, err := qmp.Dial(ctx, qmp.PathsIn(filepath.Join(a.runDir, id)).QMPAdmin)
		if err != nil {
			t.Fatal(err)
		}
		defer mon.Close()
		res, err := qmp.Migrate(ctx, mon, inc.Monitor(), qmp.MigrateOptions{URI: inc.URI(), KeepSource: true})
		if err != nil || res.Status != "completed" {
			t.Fatalf("qmp.Migrate = %+v, %v", res, err)
		}
	}
	for _, p := range qemuPIDs(id) {
		if p != st.PID {
			dstPID = p
		}
	}
	return st.PID, dstPID, a.restart(), b.restart()
}

// TestResumeMigration: a migration interrupted by agent restarts is
// resolved by which side runs the VM, from either host's Resume, and never
// by a guess.
func TestResumeMigration(t *testing.T) {
	needQEMU(t)
	t.Run("switched over: the target keeps it", func(t *testing.T) {
		ctx := ctxFor(t, 90*time.Second)
		a, b := newNode(t, "host-a"), newNode(t, "host-b")
		link(a, b)
		killAll(t, "rm1")
		src, dst, pendA, pendB := halfMigrated(t, ctx, a, b, "rm1", true)
		if len(pendA) != 1 || len(pendB) != 1 {
			t.Fatalf("pending intents %+v and %+v; want the migration on a, the incoming start on b", pendA, pendB)
		}
		if err := a.h.Resume(ctx, pendA); err != nil {
			t.Fatalf("Resume on the source: %v", err)
		}
		waitPIDs(t, "rm1", dst)
		if lb, _ := b.h.List(ctx); len(lb) != 1 || lb[0].State != vms.Running || lb[0].Generation != 2 || lb[0].PID != dst {
			t.Fatalf("target List = %+v; want rm1 running at generation 2 (pid %d)", lb, dst)
		}
		if la, _ := a.h.List(ctx); len(la) != 0 {
			t.Fatalf("source List = %+v; want empty (its copy pid %d killed)", la, src)
		}
		if got := hookNames(a.hooks["host-b"]); !slices.Equal(got, []string{"AfterSwitchover rm1"}) {
			t.Fatalf("hooks %q", got)
		}
		if oa, ob := openIntents(t, a.st), openIntents(t, b.st); len(oa)+len(ob) != 0 {
			t.Fatalf("open intents %+v, %+v", oa, ob)
		}
		if got := intentsClosed(t, a.st); !slices.Equal(got, []string{"start done", "migrate done"}) {
			t.Fatalf("source intents %q", got)
		}
		if s, err := b.h.Probe(ctx, "rm1"); err != nil || s != "running" {
			t.Fatalf("target run state %q, %v", s, err)
		}
		if err := b.h.Stop(ctx, "rm1"); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("switched over: the target resumes first", func(t *testing.T) {
		ctx := ctxFor(t, 90*time.Second)
		a, b := newNode(t, "host-a"), newNode(t, "host-b")
		link(a, b)
		killAll(t, "rm2")
		_, dst, pendA, pendB := halfMigrated(t, ctx, a, b, "rm2", true)
		if err := b.h.Resume(ctx, pendB); err != nil {
			t.Fatalf("Resume on the target: %v", err)
		}
		if got := intentsClosed(t, b.st); !slices.Equal(got, []string{"start done"}) {
			t.Fatalf("target intents %q; want the incoming start closed", got)
		}
		if err := a.h.Resume(ctx, pendA); err != nil {
			t.Fatalf("Resume on the source: %v", err)
		}
		waitPIDs(t, "rm2", dst)
		if lb, _ := b.h.List(ctx); len(lb) != 1 || lb[0].State != vms.Running || lb[0].PID != dst {
			t.Fatalf("target List = %+v", lb)
		}
		if oa, ob := openIntents(t, a.st), openIntents(t, b.st); len(oa)+len(ob) != 0 {
			t.Fatalf("open intents %+v, %+v", oa, ob)
		}
		if err := b.h.Stop(ctx, "rm2"); err != nil {
			t.Fatal(err)
		}
	})
	for _, targetFirst := range []bool{false, true} {
		t.Run(fmt.Sprintf("not switched over: the source keeps it (target resumes first: %v)", targetFirst), func(t *testing.T) {
			ctx := ctxFor(t, 90*time.Second)
			a, b := newNode(t, "host-a"), newNode(t, "host-b")
			link(a, b)
			killAll(t, "rm3")
			src, _, pendA, pendB := halfMigrated(t, ctx, a, b, "rm3", false)
			if targetFirst {
				if err := b.h.Resume(ctx, pendB); err != nil {
					t.Fatalf("Resume on the target: %v", err)
				}
				waitPIDs(t, "rm3", src)
			}
			if err := a.h.Resume(ctx, pendA); err != nil {
				t.Fatalf("Resume on the source: %v", err)
			}
			waitPIDs(t, "rm3", src)
			la, _ := a.h.List(ctx)
			if len(la) != 1 || la[0].State != vms.Running || la[0].Generation != 1 || la[0].PID != src {
				t.Fatalf("source List = %+v; want rm3 running at generation 1 (pid %d)", la, src)
			}
			if s, err := a.h.Probe(ctx, "rm3"); err != nil || s != "running" {
				t.Fatalf("source run state %q, %v", s, err)
			}
			if lb, _ := b.h.List(ctx); len(lb) != 0 {
				t.Fatalf("target List = %+v", lb)
			}
			if got := hookNames(a.hooks["host-b"]); !slices.Equal(got, []string{"AbortTarget rm3"}) {
				t.Fatalf("hooks %q", got)
			}
			if got := intentsClosed(t, b.st); !slices.Equal(got, []string{"start undone"}) {
				t.Fatalf("target intents %q", got)
			}
			if got := intentsClosed(t, a.st); !slices.Equal(got, []string{"start done", "migrate undone"}) {
				t.Fatalf("source intents %q", got)
			}
			if err := a.h.Stop(ctx, "rm3"); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("target unreachable: left open", func(t *testing.T) {
		ctx := ctxFor(t, 90*time.Second)
		a, b := newNode(t, "host-a"), newNode(t, "host-b")
		link(a, b)
		killAll(t, "rm4")
		src, _, pendA, _ := halfMigrated(t, ctx, a, b, "rm4", false)
		delete(a.peers, "host-b")
		err := a.h.Resume(ctx, pendA)
		if !errors.Is(err, vms.ErrUndecided) || !strings.Contains(err.Error(), "no route to host host-b") {
			t.Fatalf("Resume with the target unreachable = %v; want ErrUndecided naming the cause", err)
		}
		if open := openIntents(t, a.st); len(open) != 1 || open[0].Kind != store.IntentMigrate {
			t.Fatalf("open intents %+v; want the migration still open", open)
		}
		if n := len(qemuPIDs("rm4")); n != 2 {
			t.Fatalf("%d QEMUs of rm4; an undecided resume must touch neither copy", n)
		}
		// Once the target answers, the same intent resolves.
		link(a, b)
		if err := a.h.Resume(ctx, openIntents(t, a.st)); err != nil {
			t.Fatalf("Resume with the target back: %v", err)
		}
		waitPIDs(t, "rm4", src)
		if err := a.h.Stop(ctx, "rm4"); err != nil {
			t.Fatal(err)
		}
	})
}

// lostTarget is a target that can no longer be reached once the migration
// stream has broken (its host died): its destination can be neither
// killed nor settled from the source.
type lostTarget struct{ vms.Receiver }

func (r lostTarget) Receive(ctx context.Context, vm vms.VM, from string) (vms.Incoming, error) {
	in, err := r.Receiver.Receive(ctx, vm, from)
	if err != nil {
		return nil, err
	}
	return lostIncoming{badIncoming{in}}, nil
}

func (lostTarget) Settle(context.Context, string, bool, string) error {
	return errors.New("peer unreachable")
}

type lostIncoming struct{ badIncoming }

func (lostIncoming) Kill(context.Context) error { return errors.New("peer unreachable") }

// TestMigrateTargetLost: a migration fails before switchover and its target cannot
// be reached any more to discard the destination. The destination never
// held the whole VM, so the VM runs on at the source (the same process)
// and the migration is closed as failed, not left undecided.
func TestMigrateTargetLost(t *testing.T) {
	needQEMU(t)
	ctx := ctxFor(t, 90*time.Second)
	a, b := newNode(t, "host-a"), newNode(t, "host-b")
	link(a, b)
	killAll(t, "lt1")
	st, err := a.h.Start(ctx, firmwareVM("lt1", 1))
	if err != nil {
		t.Fatal(err)
	}
	a.wrap = func(r vms.Receiver) vms.Receiver { return lostTarget{r} }
	_, err = a.h.Migrate(ctx, "lt1", "host-b", 2)
	if err == nil || errors.Is(err, vms.ErrUndecided) {
		t.Fatalf("Migrate = %v; want a failure, not undecided", err)
	}
	l, _ := a.h.List(ctx)
	if len(l) != 1 || l[0].State != vms.Running || l[0].Generation != 1 || l[0].PID != st.PID {
		t.Fatalf("source List = %+v; want lt1 running at generation 1, pid %d", l, st.PID)
	}
	if s, err := a.h.Probe(ctx, "lt1"); err != nil || s != "running" {
		t.Fatalf("source run state %q, %v; want running", s, err)
	}
	if got := intentsClosed(t, a.st); !slices.Equal(got, []string{"start done", "migrate failed"}) {
		t.Fatalf("source intents %q; want the migration closed as failed", got)
	}
}
