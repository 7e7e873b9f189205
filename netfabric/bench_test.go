package netfabric

import (
	"context"
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vishvananda/netns"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// portsFabric is a bridge with n VM ports (taps), on VLANs 100..199 when
// vlans is set (which needs the full kernel).
func portsFabric(n int, vlans bool) *Fabric {
	f := &Fabric{Version: 1, Bridges: []Bridge{{Name: "vbr0", VlanFiltering: vlans, MTU: 1500}}}
	for i := range n {
		t := Tap{Name: fmt.Sprintf("vm%d-0", i), VM: fmt.Sprintf("vm%d", i), Bridge: "vbr0",
			MAC: fmt.Sprintf("52:54:00:%02x:%02x:%02x", i>>16&0xff, i>>8&0xff, i&0xff)}
		if vlans {
			t.VLAN = 100 + i%100
		}
		f.Taps = append(f.Taps, t)
	}
	return f
}

// namedNS creates a named namespace (/run/netns/NAME, for `ip -n`) and
// returns a cleanup that deletes it.
func namedNS(tb testing.TB, name string) (netns.NsHandle, func()) {
	tb.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	orig, err := netns.Get()
	if err != nil {
		tb.Fatal(err)
	}
	defer orig.Close()
	_ = netns.DeleteNamed(name)
	ns, err := netns.NewNamed(name)
	if err != nil {
		tb.Fatalf("netns add %s: %v", name, err)
	}
	if err := netns.Set(orig); err != nil {
		tb.Fatal(err)
	}
	return ns, func() {
		ns.Close()
		_ = netns.DeleteNamed(name)
	}
}

// applyWithIP carries out p by forking `ip`/`bridge` once per step, inside
// namespace name: what a shell script doing the same would cost.
func applyWithIP(ctx context.Context, name string, p *Plan) error {
	ipPath, bridgePath := "ip", "bridge"
	if p, err := exec.LookPath("/sbin/ip"); err == nil {
		ipPath = p
	}
	if p, err := exec.LookPath("/sbin/bridge"); err == nil {
		bridgePath = p
	}
	for _, s := range p.Steps {
		argv := s.Argv()
		bin := ipPath
		if argv[0] == "bridge" {
			bin = bridgePath
		}
		args := append([]string{"-n", name}, argv[1:]...)
		out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
		if err != nil {
			if _, ok := s.(*VlanDel); ok {
				continue // as Apply: deleting what is not there is fine
			}
			return fmt.Errorf("%s: %v: %s", Command(s), err, out)
		}
	}
	return nil
}

// comparable renders the parts of a state both ways must agree on.
func comparable(st *State) string {
	var b strings.Builder
	for _, name := range st.Order {
		l := st.Links[name]
		fmt.Fprintf(&b, "%s %s %q mtu=%d mac=%s master=%s up=%v vlans=%v\n", l.Name, l.Kind, l.Alias, l.MTU, l.MAC, l.Master, l.Up, l.Vlans)
	}
	return b.String()
}

// benchPorts applies n VM ports through vigil and through forked ip
// commands, each into a fresh namespace, and reports both times.
func benchPorts(b *testing.B, n int, vlans bool) {
	needRoot(b)
	if _, err := exec.LookPath("ip"); err != nil {
		if _, err := exec.LookPath("/sbin/ip"); err != nil {
			testenv.Unavailable(b, "iproute2 not installed")
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	f := portsFabric(n, vlans)
	var vigilTotal, ipTotal time.Duration
	checked := false
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ns1, done1 := namedNS(b, fmt.Sprintf("vigil-bench-a%d", i))
		ns2, done2 := namedNS(b, fmt.Sprintf("vigil-bench-b%d", i))
		h1, err := Open(Options{NS: ns1})
		if err != nil {
			b.Fatal(err)
		}
		h2, err := Open(Options{NS: ns2})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()

		start := time.Now()
		if _, err := h1.Apply(ctx, f); err != nil {
			b.Fatal(err)
		}
		vigilTotal += time.Since(start)

		b.StopTimer()
		p, err := h2.Plan(ctx, f)
		if err != nil {
			b.Fatal(err)
		}
		start = time.Now()
		if err := applyWithIP(ctx, fmt.Sprintf("vigil-bench-b%d", i), p); err != nil {
			b.Fatal(err)
		}
		ipTotal += time.Since(start)
		if !checked {
			s1, _ := h1.Read(ctx)
			s2, _ := h2.Read(ctx)
			if c1, c2 := comparable(s1), comparable(s2); c1 != c2 {
				b.Fatalf("vigil and ip built different hosts:\nvigil:\n%.2000s\nip:\n%.2000s", c1, c2)
			}
			if len(s1.Links) != n+2 {
				b.Fatalf("%d links, want %d", len(s1.Links), n+2)
			}
			if p2, _ := h1.Plan(ctx, f); !p2.Empty() {
				b.Fatalf("after Apply the plan is not empty: %d steps", len(p2.Steps))
			}
			checked = true
		}
		// Delete the ports now rather than leaving them to namespace
		// teardown, which would run in the kernel during the next
		// iteration and hold the rtnl lock against it.
		for _, h := range []*Host{h1, h2} {
			if _, err := h.Apply(ctx, &Fabric{Version: 1}); err != nil {
				b.Fatal(err)
			}
			h.Close()
		}
		done1()
		done2()
		time.Sleep(200 * time.Millisecond)
		b.StartTimer()
	}
	b.StopTimer()
	v := vigilTotal / time.Duration(b.N)
	ip := ipTotal / time.Duration(b.N)
	b.ReportMetric(float64(v.Microseconds())/1000, "vigil-ms/op")
	b.ReportMetric(float64(ip.Microseconds())/1000, "ip-ms/op")
	b.ReportMetric(float64(ip)/float64(v), "speedup-x")
	b.Logf("%d ports (vlans=%v): vigil %v, forking ip/bridge %v: %.1fx", n, vlans, v.Round(time.Microsecond), ip.Round(time.Millisecond), float64(ip)/float64(v))
}

// BenchmarkApply500Ports: 500 VM ports (tap, MAC, MTU, master, alias, up)
// through vigil's batched netlink against one forked ip command per step.
func BenchmarkApply500Ports(b *testing.B) { benchPorts(b, 500, false) }

// BenchmarkConcurrentPlug200Ports: 50 VMs plugged at once, each by its own
// goroutine, into a host that already has 200 ports, then unplugged at
// once (an evacuation arriving, then leaving). Applies are serialised per
// Host; hooks queued behind one go together in the next. Reported per
// hook: about 13 ms with one round per hook, 1.3 ms batched with the taps
// deleted as a group (2 cores, shared).
func BenchmarkConcurrentPlug200Ports(b *testing.B) {
	ns := newNS(b)
	h := openHost(b, ns)
	ctx := context.Background()
	if _, err := h.Apply(ctx, portsFabric(200, false)); err != nil {
		b.Fatal(err)
	}
	const n = 50
	b.ResetTimer()
	for range b.N {
		for _, plug := range []bool{true, false} {
			var wg sync.WaitGroup
			for i := range n {
				vm := fmt.Sprintf("new%d", i)
				wg.Go(func() {
					var err error
					if plug {
						err = h.PlugVM(ctx, []Tap{{Name: vm + "-0", VM: vm, Bridge: "vbr0", MAC: fmt.Sprintf("52:54:00:ff:00:%02x", i)}})
					} else {
						err = h.UnplugVM(ctx, vm)
					}
					if err != nil {
						b.Error(err)
					}
				})
			}
			wg.Wait()
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*2*n), "µs/hook")
}
