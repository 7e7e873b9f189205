package fullkernel

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netns"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// TestInFullKernel boots the full kernel once and runs every TestInside*
// test of this package in it.
func TestInFullKernel(t *testing.T) {
	if Inside() {
		t.Skip("the outer half; runs outside only")
	}
	t.Parallel()
	RunTest(t, Options{
		Run:          "^TestInside",
		ModuleParams: map[string]string{"softdog": "soft_margin=7"},
		Env:          []string{"WANT_SOFT_MARGIN=7"},
	})
}

// TestVerdictPropagates runs a test that fails on purpose inside and checks
// that the runner reports the failure with the inner test's name and text.
func TestVerdictPropagates(t *testing.T) {
	if Inside() {
		t.Skip("the outer half; runs outside only")
	}
	if testing.Short() {
		t.Skip("boots a full kernel under TCG")
	}
	if _, err := FindAssets(Dir()); err != nil {
		testenv.Unavailable(t, "%v", err)
	}
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := Run(ctx, Config{
		Run: "^TestDeliberate(Failure|Pass)$",
		Env: []string{"VIGIL_FULLKERNEL_DELIBERATE=fail it's 'quoted'"},
	})
	t.Logf("build %v, boot %v, test %v, total QEMU %v", res.Build, res.Boot, res.Test, res.Total)
	if err != nil {
		t.Fatal(err)
	}
	if res.Passed() || res.ExitCode != 1 {
		t.Errorf("ExitCode = %d, want 1 (go test's failure status)", res.ExitCode)
	}
	if !slices.Equal(res.Failed, []string{"TestDeliberateFailure"}) {
		t.Errorf("Failed = %q, want [TestDeliberateFailure]", res.Failed)
	}
	out := strings.Join(res.Lines, "\n")
	for _, want := range []string{"deliberate failure, env=fail it's 'quoted'", "--- PASS: TestDeliberatePass"} {
		if !strings.Contains(out, want) {
			t.Errorf("inner output lacks %q:\n%s", want, out)
		}
	}
}

func TestDeliberateFailure(t *testing.T) {
	v := os.Getenv("VIGIL_FULLKERNEL_DELIBERATE")
	if !Inside() || v == "" {
		t.Skip("fails on purpose, only inside the full kernel for TestVerdictPropagates")
	}
	t.Errorf("deliberate failure, env=%s", v)
}

func TestDeliberatePass(t *testing.T) {
	if !Inside() || os.Getenv("VIGIL_FULLKERNEL_DELIBERATE") == "" {
		t.Skip("only inside the full kernel for TestVerdictPropagates")
	}
}

func inside(t *testing.T) {
	t.Helper()
	if !Inside() {
		t.Skip("runs inside the full kernel, through TestInFullKernel")
	}
}

// inNewNetns runs fn on a locked thread in a fresh network namespace.
func inNewNetns(t *testing.T, fn func()) {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	orig, err := netns.Get()
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	ns, err := netns.New()
	if err != nil {
		t.Fatal(err)
	}
	defer ns.Close()
	defer netns.Set(orig)
	fn()
}

func TestInsideVLANFilteringBridge(t *testing.T) {
	inside(t)
	inNewNetns(t, func() {
		on := true
		br := &netlink.Bridge{LinkAttrs: netlink.LinkAttrs{Name: "br0"}, VlanFiltering: &on}
		if err := netlink.LinkAdd(br); err != nil {
			t.Fatalf("add bridge with vlan_filtering: %v", err)
		}
		veth := &netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: "v0", MasterIndex: br.Index}, PeerName: "v1"}
		if err := netlink.LinkAdd(veth); err != nil {
			t.Fatalf("add veth: %v", err)
		}
		for _, l := range []netlink.Link{br, veth} {
			if err := netlink.LinkSetUp(l); err != nil {
				t.Fatal(err)
			}
		}
		// Equivalent to: bridge vlan add dev v0 vid 100 master
		if err := netlink.BridgeVlanAdd(veth, 100, false, false, false, true); err != nil {
			t.Fatalf("bridge vlan add: %v", err)
		}
		vlan := &netlink.Vlan{LinkAttrs: netlink.LinkAttrs{Name: "br0.100", ParentIndex: br.Index}, VlanId: 100}
		if err := netlink.LinkAdd(vlan); err != nil {
			t.Fatalf("add 802.1Q device: %v", err)
		}

		got, err := netlink.LinkByName("br0")
		if err != nil {
			t.Fatal(err)
		}
		if b, ok := got.(*netlink.Bridge); !ok || b.VlanFiltering == nil || !*b.VlanFiltering {
			t.Errorf("br0 = %#v, want a bridge with vlan_filtering on", got)
		}
		if l, err := netlink.LinkByName("br0.100"); err != nil || l.Type() != "vlan" || l.(*netlink.Vlan).VlanId != 100 {
			t.Errorf("br0.100 = %v, %v, want a vlan device with id 100", l, err)
		}
		vlans, err := netlink.BridgeVlanList()
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, v := range vlans[int32(veth.Index)] {
			found = found || v.Vid == 100
		}
		if !found {
			t.Errorf("netlink BridgeVlanList()[v0] = %+v, want vid 100", vlans[int32(veth.Index)])
		}
		// Cross-check with iproute2, by full path (busybox has no bridge vlan).
		out, err := exec.Command("/sbin/bridge", "-j", "vlan", "show", "dev", "v0").Output()
		if err != nil {
			t.Fatalf("/sbin/bridge vlan show: %v", err)
		}
		var shown []struct {
			Ifname string `json:"ifname"`
			Vlans  []struct {
				Vlan int `json:"vlan"`
			} `json:"vlans"`
		}
		if err := json.Unmarshal(out, &shown); err != nil {
			t.Fatalf("bridge -j vlan show: %v: %s", err, out)
		}
		found = false
		for _, s := range shown {
			for _, v := range s.Vlans {
				found = found || s.Ifname == "v0" && v.Vlan == 100
			}
		}
		if !found {
			t.Errorf("bridge vlan show dev v0 = %s, want vlan 100", out)
		}
		t.Logf("bridge vlan show: %s", strings.TrimSpace(string(out)))
	})
}

func TestInsideSoftdog(t *testing.T) {
	inside(t)
	// Do not open /dev/watchdog: opening arms it.
	st, err := os.Stat("/dev/watchdog")
	if err != nil {
		t.Fatalf("softdog loaded but %v", err)
	}
	if st.Mode()&os.ModeDevice == 0 {
		t.Errorf("/dev/watchdog mode %v, want a device", st.Mode())
	}
	id, err := os.ReadFile("/sys/class/watchdog/watchdog0/identity")
	if err != nil || strings.TrimSpace(string(id)) != "Software Watchdog" {
		t.Errorf("watchdog0 identity = %q, %v, want Software Watchdog", id, err)
	}
	// TestInFullKernel loads softdog with soft_margin=7 (a module parameter).
	want := os.Getenv("WANT_SOFT_MARGIN")
	if want == "" {
		want = "60" // softdog's default
	}
	timeout, err := os.ReadFile("/sys/class/watchdog/watchdog0/timeout")
	if err != nil || strings.TrimSpace(string(timeout)) != want {
		t.Errorf("watchdog0 timeout = %q, %v, want %s", timeout, err, want)
	}
}

func TestInsideTestdata(t *testing.T) {
	inside(t)
	b, err := os.ReadFile("testdata/sub/greeting.txt")
	if err != nil || string(b) != "hello from testdata\n" {
		t.Errorf("testdata/sub/greeting.txt = %q, %v, want the package's file", b, err)
	}
}

func TestInsideNetem(t *testing.T) {
	inside(t)
	inNewNetns(t, func() {
		if out, err := exec.Command("/sbin/ip", "link", "set", "lo", "up").CombinedOutput(); err != nil {
			t.Fatalf("ip link set lo up: %v: %s", err, out)
		}
		if out, err := exec.Command("/sbin/tc", "qdisc", "add", "dev", "lo", "root", "netem", "delay", "100ms").CombinedOutput(); err != nil {
			t.Fatalf("tc qdisc add netem: %v: %s", err, out)
		}
		out, err := exec.Command("/sbin/tc", "qdisc", "show", "dev", "lo").CombinedOutput()
		if err != nil || !strings.Contains(string(out), "netem") || !strings.Contains(string(out), "delay 100ms") {
			t.Errorf("tc qdisc show dev lo = %s, %v, want netem delay 100ms", out, err)
		}
	})
}

func TestRunRejectsBadConfig(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no pattern", Config{}, "Config.Run"},
		{"env without =", Config{Run: "x", Env: []string{"FOO"}}, "Config.Env"},
		{"env bad key", Config{Run: "x", Env: []string{"A B=1"}}, "Config.Env"},
		{"module with slash", Config{Run: "x", Modules: []string{"../x"}}, "Config.Modules"},
		{"memory", Config{Run: "x", MemoryMiB: 64}, "MemoryMiB"},
		{"module params injection", Config{Run: "x", ModuleParams: map[string]string{"softdog": "a=1; reboot"}}, "ModuleParams"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Run(context.Background(), tc.cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Run(%+v) = %v, want an error naming %s", tc.cfg, err, tc.want)
			}
		})
	}
}

func TestNoAssetsIsReported(t *testing.T) {
	t.Setenv("VIGIL_FULLKERNEL_DIR", t.TempDir())
	_, err := Run(context.Background(), Config{Run: "x"})
	if !errors.Is(err, ErrNoAssets) {
		t.Fatalf("Run without assets = %v, want ErrNoAssets", err)
	}
}

// BenchmarkOverhead measures the runner's cost per test binary: build
// (cached by Go), boot to the test, a trivial test, power-off.
func BenchmarkOverhead(b *testing.B) {
	if Inside() {
		b.Skip("the outer half")
	}
	if _, err := FindAssets(Dir()); err != nil {
		testenv.Unavailable(b, "%v", err)
	}
	var build, boot, total time.Duration
	for b.Loop() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		res, err := Run(ctx, Config{Run: "^TestInsideSoftdog$"})
		cancel()
		if err != nil || !res.Passed() {
			b.Fatalf("run: %v (exit %d)", err, res.ExitCode)
		}
		build += res.Build
		boot += res.Boot
		total += res.Total
	}
	n := float64(b.N)
	b.ReportMetric(build.Seconds()/n, "build-s/op")
	b.ReportMetric(boot.Seconds()/n, "boot-s/op")
	b.ReportMetric(total.Seconds()/n, "qemu-s/op")
}
