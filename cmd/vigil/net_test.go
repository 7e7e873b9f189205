package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/vishvananda/netns"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// tempNetns creates a named network namespace for --netns, deleted at cleanup.
func tempNetns(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		testenv.Unavailable(t, "needs root: creates a network namespace, bridges and taps")
	}
	if _, err := os.Stat("/dev/net/tun"); err != nil {
		testenv.Unavailable(t, "needs /dev/net/tun")
	}
	name := fmt.Sprintf("vigil-cli-%d", os.Getpid())
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	orig, err := netns.Get()
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	ns, err := netns.NewNamed(name)
	if err != nil {
		t.Fatalf("netns add: %v", err)
	}
	ns.Close()
	if err := netns.Set(orig); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { netns.DeleteNamed(name) })
	return name
}

const cliFabric = `version: 1
bridges:
  - name: vbr0
vxlans:
  - name: vx42
    vni: 42
    local: 10.9.0.1
    remotes: [10.9.0.2]
    bridge: vbr0
taps:
  - name: vm1-0
    vm: vm1
    bridge: vbr0
    mac: "52:54:00:12:34:56"
`

func TestNetApplyShowDiff(t *testing.T) {
	ns := tempNetns(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "fabric.yaml")
	os.WriteFile(file, []byte(cliFabric), 0o644)

	code, out, errOut := runCLI(t, nil, "net", "diff", "-f", file, "--netns", ns)
	if code != 0 || !strings.Contains(out, "ip tuntap add dev vm1-0 mode tap") {
		t.Fatalf("net diff: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, nil, "net", "apply", "-f", file, "--netns", ns, "--dry-run", "--json")
	var r netResult
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || r.Applied || !r.DryRun || r.Changes == 0 {
		t.Fatalf("net apply --dry-run: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, nil, "net", "apply", "-f", file, "--netns", ns, "--json")
	r = netResult{}
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || !r.Applied || r.Changes != len(r.Steps) || r.Changes < 5 {
		t.Fatalf("net apply: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = runCLI(t, nil, "net", "apply", "-f", file, "--netns", ns, "--json")
	r = netResult{}
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || r.Changes != 0 {
		t.Fatalf("second net apply: exit %d, %q; want 0 changes", code, out)
	}
	code, out, _ = runCLI(t, nil, "net", "diff", "-f", file, "--netns", ns)
	if code != 0 || !strings.Contains(out, "no changes") {
		t.Fatalf("net diff after apply: exit %d, %q", code, out)
	}

	code, showJSON, errOut := runCLI(t, nil, "net", "show", "--netns", ns, "--json")
	if code != 0 {
		t.Fatalf("net show: exit %d, stderr %q", code, errOut)
	}
	// The CLI.md shape, field by field.
	var v struct {
		Bridges []struct {
			Name          string `json:"name"`
			VlanFiltering *bool  `json:"vlan_filtering"`
			Ports         []struct {
				Name     string `json:"name"`
				PVID     *int   `json:"pvid"`
				Vlans    []int  `json:"vlans"`
				Untagged []int  `json:"untagged"`
			} `json:"ports"`
		} `json:"bridges"`
		VXLANs []struct {
			Name    string   `json:"name"`
			VNI     int      `json:"vni"`
			Local   string   `json:"local"`
			Remotes []string `json:"remotes"`
		} `json:"vxlans"`
		Taps []struct {
			Name   string `json:"name"`
			VM     string `json:"vm"`
			Bridge string `json:"bridge"`
			VLAN   *int   `json:"vlan"`
			MAC    string `json:"mac"`
		} `json:"taps"`
	}
	if err := json.Unmarshal([]byte(showJSON), &v); err != nil {
		t.Fatalf("net show --json: %v\n%s", err, showJSON)
	}
	if len(v.Bridges) != 1 || v.Bridges[0].Name != "vbr0" || v.Bridges[0].VlanFiltering == nil || len(v.Bridges[0].Ports) != 2 ||
		v.Bridges[0].Ports[0].PVID == nil || v.Bridges[0].Ports[0].Vlans == nil {
		t.Errorf("bridges = %+v", v.Bridges)
	}
	if len(v.VXLANs) != 1 || v.VXLANs[0].VNI != 42 || v.VXLANs[0].Local != "10.9.0.1" || strings.Join(v.VXLANs[0].Remotes, ",") != "10.9.0.2" {
		t.Errorf("vxlans = %+v", v.VXLANs)
	}
	if len(v.Taps) != 1 || v.Taps[0].VM != "vm1" || v.Taps[0].Bridge != "vbr0" || v.Taps[0].MAC != "52:54:00:12:34:56" || v.Taps[0].VLAN == nil {
		t.Errorf("taps = %+v", v.Taps)
	}
	code, out, _ = runCLI(t, nil, "net", "show", "--netns", ns)
	if code != 0 || !strings.Contains(out, "tap vm1-0") || !strings.Contains(out, "vxlan vx42") {
		t.Errorf("net show: exit %d, %q", code, out)
	}

	// A bad file is refused, naming file and key, and changes nothing.
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte(strings.Replace(cliFabric, "    mac:", "    vlan: 5000\n    mac:", 1)), 0o644)
	code, _, errOut = runCLI(t, nil, "net", "apply", "-f", bad, "--netns", ns)
	if code != 1 || !strings.Contains(errOut, bad) || !strings.Contains(errOut, "taps[0].vlan") {
		t.Errorf("net apply bad.yaml: exit %d, stderr %q; want 1 naming the file and taps[0].vlan", code, errOut)
	}
	if _, after, _ := runCLI(t, nil, "net", "show", "--netns", ns, "--json"); after != showJSON {
		t.Errorf("refused apply changed the host:\n%s\n%s", showJSON, after)
	}
}

func TestNetUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"net", "apply"}, 2, "missing -f FILE"},
		{[]string{"net", "diff", "--netns", "x"}, 2, "missing -f FILE"},
		{[]string{"net", "apply", "-f", "x", "--dry-run", "--watch"}, 2, "exclude"},
		{[]string{"net", "apply", "-f", "/nonexistent/fabric.yaml"}, 1, "/nonexistent/fabric.yaml"},
		{[]string{"net", "show", "--netns", "vigil-no-such-ns"}, 1, "vigil-no-such-ns"},
	} {
		code, _, errOut := runCLI(t, nil, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("vigil %v: exit %d, stderr %q; want %d and %q", tc.args, code, errOut, tc.code, tc.msg)
		}
	}
}
