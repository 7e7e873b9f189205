package netfabric

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestConcurrentPlugUnplug: 50 VM plugs and unplugs arriving at once (many
// migrations landing and leaving together) on real netlink in a fresh
// namespace. Afterwards the host has exactly the taps of the VMs still
// plugged, and the remembered fabric agrees: no plug lost another's tap,
// and no unplugged tap came back.
func TestConcurrentPlugUnplug(t *testing.T) {
	ns := newNS(t)
	h := openHost(t, ns)
	ctx := ctxT(t)

	const leaving, arriving = 25, 25 // 50 operations in all
	tap := func(i int) Tap {
		return Tap{Name: fmt.Sprintf("vm%02d-0", i), VM: fmt.Sprintf("vm%02d", i), Bridge: "vbr0",
			MAC: fmt.Sprintf("52:54:00:00:01:%02x", i)}
	}
	f := &Fabric{Version: 1, Bridges: []Bridge{{Name: "vbr0", MTU: 1500}}}
	// Two VMs stay put throughout: the concurrent applies must not touch them.
	const stayers = 2
	for i := range leaving {
		f.Taps = append(f.Taps, tap(i))
	}
	for i := range stayers {
		f.Taps = append(f.Taps, tap(200+i))
	}
	if _, err := h.Apply(ctx, f); err != nil {
		t.Fatalf("Apply: %v", err)
	}

	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, leaving+arriving)
	for i := range leaving {
		wg.Go(func() {
			<-start
			if err := h.UnplugVM(ctx, tap(i).VM); err != nil {
				errs <- fmt.Errorf("UnplugVM(%s): %w", tap(i).VM, err)
			}
		})
	}
	for i := range arriving {
		wg.Go(func() {
			<-start
			if err := h.PlugVM(ctx, []Tap{tap(100 + i)}); err != nil {
				errs <- fmt.Errorf("PlugVM(%s): %w", tap(100+i).Name, err)
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	var want []string
	for i := range arriving {
		want = append(want, tap(100+i).Name)
	}
	for i := range stayers {
		want = append(want, tap(200+i).Name)
	}
	slices.Sort(want)

	st, err := h.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var onHost []string
	for _, name := range st.Order {
		if l := st.Links[name]; l.Kind == KindTap {
			if l.Master != "vbr0" || !l.Up {
				t.Errorf("tap %s: master %q, up %v; want on vbr0 and up", name, l.Master, l.Up)
			}
			onHost = append(onHost, name)
		}
	}
	if !slices.Equal(onHost, want) {
		t.Errorf("taps on the host after concurrent plugs and unplugs:\n got %v\nwant %v\nmissing %v, unexpected %v",
			onHost, want, minus(want, onHost), minus(onHost, want))
	}
	var remembered []string
	for _, tp := range h.Fabric().Taps {
		remembered = append(remembered, tp.Name)
	}
	slices.Sort(remembered)
	if !slices.Equal(remembered, want) {
		t.Errorf("remembered fabric's taps = %v, want %v", remembered, want)
	}
	// The host matches the remembered fabric: Watch would repair nothing.
	if p, err := h.Plan(ctx, h.Fabric()); err != nil || !p.Empty() {
		t.Errorf("Plan(remembered fabric) = %v, %v; want nothing to do", p, err)
	}
}

// minus returns the elements of a not in b.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// queuedBehind holds the Host's apply token while start runs, waits until
// n VM hooks are queued behind it, and then lets them go: they are carried
// out together by whichever caller takes the token next.
func queuedBehind(t *testing.T, h *Host, n int, start func()) {
	t.Helper()
	h.applying <- struct{}{}
	start()
	deadline := time.Now().Add(30 * time.Second)
	for {
		h.mu.Lock()
		queued := len(h.edits)
		h.mu.Unlock()
		if queued == n {
			break
		}
		if time.Now().After(deadline) {
			h.unlockApply()
			t.Fatalf("%d VM hooks queued, want %d", queued, n)
		}
		time.Sleep(time.Millisecond)
	}
	h.unlockApply()
}

// TestBatchedPlugFailsAlone: VM hooks queued behind one apply go to the
// kernel together, but each keeps its own outcome. A plug with a MAC that
// is already taken (invalid) and one whose tap name is a foreign interface
// (a conflict found only against the host) fail with their own errors and
// are not remembered; the plugs and the unplug queued with them succeed.
func TestBatchedPlugFailsAlone(t *testing.T) {
	ns := newNS(t)
	addForeign(t, ns)
	h := openHost(t, ns)
	ctx := ctxT(t)
	if _, err := h.Apply(ctx, mustParse(t, hostFabric)); err != nil {
		t.Fatal(err)
	}
	ops := []struct {
		name string
		run  func() error
		want error // nil: succeeds
	}{
		{"plug vm3", func() error {
			return h.PlugVM(ctx, []Tap{{Name: "vm3-0", VM: "vm3", Bridge: "vbr0", MAC: "52:54:00:00:00:03"}})
		}, nil},
		{"plug vm4 with vm1's MAC", func() error {
			return h.PlugVM(ctx, []Tap{{Name: "vm4-0", VM: "vm4", Bridge: "vbr0", MAC: "52:54:00:00:00:01"}})
		}, ErrInvalidFabric},
		{"plug vm5 onto foreign ext-tap", func() error {
			return h.PlugVM(ctx, []Tap{{Name: "ext-tap", VM: "vm5", Bridge: "vbr0", MAC: "52:54:00:00:00:05"}})
		}, ErrNotOwned},
		{"unplug vm2", func() error { return h.UnplugVM(ctx, "vm2") }, nil},
		{"plug vm6", func() error {
			return h.PlugVM(ctx, []Tap{{Name: "vm6-0", VM: "vm6", Bridge: "vbr0", MAC: "52:54:00:00:00:06"}})
		}, nil},
	}
	errs := make([]error, len(ops))
	var wg sync.WaitGroup
	queuedBehind(t, h, len(ops), func() {
		for i, op := range ops {
			wg.Go(func() { errs[i] = op.run() })
		}
	})
	wg.Wait()
	for i, op := range ops {
		if op.want == nil && errs[i] != nil || op.want != nil && !errors.Is(errs[i], op.want) {
			t.Errorf("%s = %v, want %v", op.name, errs[i], op.want)
		}
	}
	st, err := h.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"vm1-0": true, "vm2-0": false, "vm3-0": true, "vm4-0": false, "vm6-0": true} {
		if got := st.Links[name] != nil; got != want {
			t.Errorf("%s on the host = %v, want %v", name, got, want)
		}
	}
	if l := st.Links["ext-tap"]; l == nil || l.Master != "br-ext" || l.Owned() {
		t.Errorf("foreign ext-tap = %+v, want it untouched on br-ext", l)
	}
	var remembered []string
	for _, tp := range h.Fabric().Taps {
		remembered = append(remembered, tp.Name)
	}
	slices.Sort(remembered)
	if want := []string{"vm1-0", "vm3-0", "vm6-0"}; !slices.Equal(remembered, want) {
		t.Errorf("remembered taps = %v, want %v", remembered, want)
	}
	if p, err := h.Plan(ctx, h.Fabric()); err != nil || !p.Empty() {
		t.Errorf("Plan(remembered fabric) = %v, %v; want nothing to do", p, err)
	}
}

// TestPlugWaitHonoursContext: a plug whose context ends while it waits
// behind another apply returns the context's error and is never applied;
// a Host closed with hooks still queued fails them with ErrClosed.
func TestPlugWaitHonoursContext(t *testing.T) {
	ns := newNS(t)
	h := openHost(t, ns)
	ctx := ctxT(t)
	if _, err := h.Apply(ctx, mustParse(t, hostFabric)); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithCancel(ctx)
	h.applying <- struct{}{}
	errc := make(chan error, 1)
	go func() {
		errc <- h.PlugVM(short, []Tap{{Name: "vm3-0", VM: "vm3", Bridge: "vbr0", MAC: "52:54:00:00:00:03"}})
	}()
	for {
		h.mu.Lock()
		n := len(h.edits)
		h.mu.Unlock()
		if n == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("PlugVM with its context cancelled while queued = %v, want context.Canceled", err)
	}
	h.unlockApply()
	if st, _ := h.Read(ctx); st.Links["vm3-0"] != nil {
		t.Errorf("cancelled plug created vm3-0")
	}
	if slices.ContainsFunc(h.Fabric().Taps, func(tp Tap) bool { return tp.VM == "vm3" }) {
		t.Errorf("cancelled plug was remembered")
	}

	h.applying <- struct{}{}
	go func() { errc <- h.UnplugVM(ctx, "vm1") }()
	for {
		h.mu.Lock()
		n := len(h.edits)
		h.mu.Unlock()
		if n == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	closed := make(chan error, 1)
	go func() { closed <- h.Close() }()
	h.unlockApply() // Close takes the token next or after the unplug's apply
	if err := <-closed; err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, ErrClosed) {
		t.Errorf("UnplugVM queued at Close = %v, want nil (ran first) or ErrClosed", err)
	}
	if err := h.PlugVM(ctx, nil); !errors.Is(err, ErrClosed) {
		t.Errorf("PlugVM after Close = %v, want ErrClosed", err)
	}
}

// TestTapsDeletedTogether: a VM's taps are deleted together through
// vigil's delete group; an interface someone else put in that group is
// never deleted with them (the taps then go one by one).
func TestTapsDeletedTogether(t *testing.T) {
	ns := newNS(t)
	addForeign(t, ns)
	h := openHost(t, ns)
	ctx := ctxT(t)
	f := mustParse(t, hostFabric)
	for i := range 3 {
		f.Taps = append(f.Taps, Tap{Name: fmt.Sprintf("vm9-%d", i), VM: "vm9", Bridge: "vbr0", MAC: fmt.Sprintf("52:54:00:00:09:%02x", i)})
		f.Taps = append(f.Taps, Tap{Name: fmt.Sprintf("vm8-%d", i), VM: "vm8", Bridge: "vbr0", MAC: fmt.Sprintf("52:54:00:00:08:%02x", i)})
	}
	if _, err := h.Apply(ctx, f); err != nil {
		t.Fatal(err)
	}
	nh := nlHandle(t, ns)
	inGroup := func() []string {
		links, err := nh.LinkList()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, l := range links {
			if l.Attrs().Group == deleteGroup {
				out = append(out, l.Attrs().Name)
			}
		}
		return out
	}
	if err := h.UnplugVM(ctx, "vm9"); err != nil {
		t.Fatalf("UnplugVM(vm9): %v", err)
	}
	st, _ := h.Read(ctx)
	for i := range 3 {
		if l := st.Links[fmt.Sprintf("vm9-%d", i)]; l != nil {
			t.Errorf("vm9-%d still on the host after UnplugVM", i)
		}
		if l := st.Links[fmt.Sprintf("vm8-%d", i)]; l == nil || l.Master != "vbr0" {
			t.Errorf("vm8-%d = %+v, want it kept on vbr0", i, l)
		}
	}
	if g := inGroup(); len(g) != 0 {
		t.Errorf("left in the delete group: %v", g)
	}

	// Someone else's tap in the group: it survives vm8's unplug.
	ext, err := nh.LinkByName("ext-tap")
	if err != nil {
		t.Fatal(err)
	}
	if err := nh.LinkSetGroup(ext, deleteGroup); err != nil {
		t.Fatal(err)
	}
	if err := h.UnplugVM(ctx, "vm8"); err != nil {
		t.Fatalf("UnplugVM(vm8): %v", err)
	}
	st, _ = h.Read(ctx)
	for i := range 3 {
		if st.Links[fmt.Sprintf("vm8-%d", i)] != nil {
			t.Errorf("vm8-%d still on the host after UnplugVM", i)
		}
	}
	if l := st.Links["ext-tap"]; l == nil || l.Master != "br-ext" {
		t.Errorf("foreign ext-tap in the delete group = %+v, want it untouched", l)
	}
	if g := inGroup(); !slices.Equal(g, []string{"ext-tap"}) {
		t.Errorf("delete group holds %v, want only the foreign ext-tap", g)
	}
}

// TestBatchRequeuedWhenApplierTimesOut: when the caller carrying out a
// batch runs out of time, the other callers' hooks are not failed with its
// error: they go back to the queue and the next caller carries them out.
func TestBatchRequeuedWhenApplierTimesOut(t *testing.T) {
	ns := newNS(t)
	h := openHost(t, ns)
	ctx := ctxT(t)
	if _, err := h.Apply(ctx, mustParse(t, hostFabric)); err != nil {
		t.Fatal(err)
	}
	const n = 3
	errs := make([]error, n)
	var wg sync.WaitGroup
	h.applying <- struct{}{} // this test is the applier
	for i := range n {
		wg.Go(func() {
			errs[i] = h.PlugVM(ctx, []Tap{{Name: fmt.Sprintf("vm%d-0", 10+i), VM: fmt.Sprintf("vm%d", 10+i), Bridge: "vbr0",
				MAC: fmt.Sprintf("52:54:00:00:00:%02x", 10+i)}})
		})
	}
	for {
		h.mu.Lock()
		queued := len(h.edits)
		h.mu.Unlock()
		if queued == n {
			break
		}
		time.Sleep(time.Millisecond)
	}
	expired, cancel := context.WithCancel(ctx)
	cancel()
	h.runEdits(expired, nil)
	h.mu.Lock()
	requeued := len(h.edits)
	h.mu.Unlock()
	if requeued != n {
		t.Errorf("after the applier's context ended, %d hooks are queued, want all %d back", requeued, n)
	}
	h.unlockApply()
	wg.Wait()
	st, _ := h.Read(ctx)
	for i := range n {
		if errs[i] != nil {
			t.Errorf("PlugVM(vm%d) = %v, want it carried out by the next caller", 10+i, errs[i])
		}
		if st.Links[fmt.Sprintf("vm%d-0", 10+i)] == nil {
			t.Errorf("vm%d-0 missing", 10+i)
		}
	}
}
