package netfabric

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// TestConcurrentPlugUnplug: 50 VM plugs and unplugs arriving at once (many
// migrations landing and leaving together) on real netlink in a fresh
// namespace. Afterwards the host has exactly the taps of the VMs still
// plugged, and the remembered fabric agrees: no plug lost another's tap,
// and no unplugged tap came back.
func TestConcurrentPlugUnplug(t *testing.T) {
	testenv.NeedsRoot(t)
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
