package netfabric

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodFabric = `
version: 1
uplinks:
  - name: eth1
    mtu: 9000
bridges:
  - name: vbr0
    vlan_filtering: true
    uplink: eth1
    vlans: [100, 200]
    mtu: 9000
vxlans:
  - name: vx5001
    vni: 5001
    local: 10.10.0.1
    remotes: [10.10.0.2, 10.10.0.3]
    bridge: vbr0
    vlan: 200
taps:
  - name: vm1-0
    vm: vm1
    bridge: vbr0
    vlan: 100
    mac: "52:54:00:00:00:01"
management:
  device: vbr0
  vlan: 10
  address: 10.0.0.1/24
migration:
  device: vbr0
  vlan: 20
  address: 10.1.0.1/24
`

func TestParseGood(t *testing.T) {
	f, err := Parse("good.yaml", []byte(goodFabric))
	if err != nil {
		t.Fatalf("Parse(good) = %v", err)
	}
	if len(f.Bridges) != 1 || !f.Bridges[0].VlanFiltering || f.Bridges[0].Uplink != "eth1" || len(f.VXLANs) != 1 || f.Taps[0].VLAN != 100 {
		t.Fatalf("Parse(good) = %+v", f)
	}
	d := Desired(f)
	if got := d.Links["vm1-0"].Vlans; len(got) != 1 || got[100] != (VlanFlags{PVID: true, Untagged: true}) {
		t.Errorf("tap VLANs = %v, want 100 pvid untagged", got)
	}
	if got := d.Links["eth1"].Vlans; len(got) != 2 || got[100] != (VlanFlags{}) {
		t.Errorf("uplink VLANs = %v, want 100 and 200 tagged", got)
	}
	if got := d.Links["vbr0"].Vlans; len(got) != 3 || got[10] != (VlanFlags{}) || got[20] != (VlanFlags{}) {
		t.Errorf("bridge self VLANs = %v, want 1 pvid, 10 and 20 tagged", got)
	}
	if l := d.Links["vbr0.20"]; l == nil || l.Kind != KindVLAN || l.Addrs[0] != "10.1.0.1/24" {
		t.Errorf("migration VLAN device = %+v", l)
	}
	if l := d.Links["vbr0.10"]; l == nil || l.Kind != KindVLAN || l.Addrs[0] != "10.0.0.1/24" {
		t.Errorf("management VLAN device = %+v", l)
	}
	if got := d.Links["vx5001"]; got.VXLAN.Learning || got.VXLAN.Port != 4789 {
		t.Errorf("vxlan = %+v, want nolearning and port 4789", got.VXLAN)
	}
}

// badFabrics: each is refused naming the key path and saying why.
var badFabrics = []struct {
	name, yaml, path, msg string
}{
	{"unknown top key", "version: 1\nbridgez: []\n", "bridgez", `unknown key "bridgez"`},
	{"unknown nested key", "version: 1\nbridges:\n  - name: b0\n    vlan_filterin: true\n", "bridges[0].vlan_filterin", "unknown key"},
	{"wrong type", "version: 1\nbridges:\n  - name: b0\n    mtu: big\n", "bridges[0].mtu", "wrong type"},
	{"version", "version: 2\n", "version", "not supported"},
	{"no version", "bridges: []\n", "version", "not supported"},
	{"vlan 0 is not 'unset' in a list", "version: 1\nuplinks: [{name: e1}]\nbridges:\n  - {name: b0, vlan_filtering: true, uplink: e1, vlans: [0]}\n", "bridges[0].vlans[0]", "outside 1-4094"},
	{"vlan too big", "version: 1\nbridges:\n  - {name: b0, vlan_filtering: true}\ntaps:\n  - {name: t0, vm: v, bridge: b0, vlan: 4095, mac: '52:54:00:00:00:01'}\n", "taps[0].vlan", "VLAN 4095 is outside 1-4094"},
	{"negative vlan", "version: 1\nbridges:\n  - {name: b0, vlan_filtering: true}\ntaps:\n  - {name: t0, vm: v, bridge: b0, vlan: -3, mac: '52:54:00:00:00:01'}\n", "taps[0].vlan", "outside 1-4094"},
	{"vlan without filtering", "version: 1\nbridges:\n  - {name: b0}\ntaps:\n  - {name: t0, vm: v, bridge: b0, vlan: 10, mac: '52:54:00:00:00:01'}\n", "taps[0].bridge", "vlan_filtering off"},
	{"duplicate mac", "version: 1\nbridges: [{name: b0}]\ntaps:\n  - {name: t0, vm: v, bridge: b0, mac: '52:54:00:00:00:01'}\n  - {name: t1, vm: w, bridge: b0, mac: '52:54:00:00:00:01'}\n", "taps[1].mac", "duplicate MAC 52:54:00:00:00:01 (also taps[0].mac)"},
	{"duplicate mac other case", "version: 1\nbridges: [{name: b0}]\ntaps:\n  - {name: t0, vm: v, bridge: b0, mac: '52:54:00:00:00:AA'}\n  - {name: t1, vm: w, bridge: b0, mac: '52:54:00:00:00:aa'}\n", "taps[1].mac", "duplicate MAC"},
	{"duplicate name", "version: 1\nbridges: [{name: b0}]\ntaps:\n  - {name: b0, vm: v, bridge: b0, mac: '52:54:00:00:00:01'}\n", "taps[0].name", `duplicate interface name "b0" (also bridges[0].name)`},
	{"uplink is a bridge of the file", "version: 1\nbridges:\n  - {name: b0, uplink: b1}\n  - {name: b1}\n", "bridges[0].uplink", `"b1" is declared at bridges[1].name: an uplink must be a host port`},
	{"uplink is the bridge itself", "version: 1\nbridges:\n  - {name: b0, uplink: b0}\n", "bridges[0].uplink", `"b0" is declared at bridges[0].name`},
	{"uplink is a tap of the file", "version: 1\nbridges:\n  - {name: b0, uplink: t0}\ntaps:\n  - {name: t0, vm: v, bridge: b0, mac: '52:54:00:00:00:01'}\n", "bridges[0].uplink", `"t0" is declared at taps[0].name`},
	{"uplink name", "version: 1\nbridges:\n  - {name: b0, uplink: 'eth 1'}\n", "bridges[0].uplink", "not a valid interface name"},
	{"implicit uplink twice", "version: 1\nbridges:\n  - {name: b0, uplink: e1}\n  - {name: b1, uplink: e1}\n", "bridges[1].uplink", "already the uplink of bridges[0]"},
	{"migration address on a bridge port", "version: 1\nbridges: [{name: vbr0, uplink: eth1}]\nmigration: {device: eth1, address: 10.1.0.1/24}\n", "migration.device", `"eth1" is a port of bridge "vbr0": put the address on the bridge`},
	{"management address on a bridge port", "version: 1\nbridges: [{name: vbr0, uplink: eth1}]\nmanagement: {device: eth1, address: 192.0.2.1/24}\n", "management.device", `"eth1" is a port of bridge "vbr0"`},
	{"address on an undeclared port", "version: 1\nbridges: [{name: b0, uplink: e1}]\nmigration: {device: e2, address: 10.1.0.1/24}\n", "migration.device", `"e2" is not a bridge or uplink`},
	{"uplink twice", "version: 1\nuplinks: [{name: e1}]\nbridges:\n  - {name: b0, uplink: e1}\n  - {name: b1, uplink: e1}\n", "bridges[1].uplink", "already the uplink of bridges[0]"},
	{"tap on unknown bridge", "version: 1\ntaps:\n  - {name: t0, vm: v, bridge: br-ext, mac: '52:54:00:00:00:01'}\n", "taps[0].bridge", `bridge "br-ext" is not declared`},
	{"bad mac", "version: 1\nbridges: [{name: b0}]\ntaps:\n  - {name: t0, vm: v, bridge: b0, mac: 'zz:54:00:00:00:01'}\n", "taps[0].mac", "not a MAC"},
	{"multicast mac", "version: 1\nbridges: [{name: b0}]\ntaps:\n  - {name: t0, vm: v, bridge: b0, mac: '01:00:5e:00:00:01'}\n", "taps[0].mac", "multicast"},
	{"missing mac", "version: 1\nbridges: [{name: b0}]\ntaps:\n  - {name: t0, vm: v, bridge: b0}\n", "taps[0].mac", "missing MAC"},
	{"long name", "version: 1\nbridges: [{name: this-name-is-too-long}]\n", "bridges[0].name", "not a valid interface name"},
	{"vni", "version: 1\nbridges: [{name: b0}]\nvxlans:\n  - {name: vx0, vni: 16777216, bridge: b0}\n", "vxlans[0].vni", "outside 1-16777215"},
	{"remote not ip", "version: 1\nbridges: [{name: b0}]\nvxlans:\n  - {name: vx0, vni: 5, bridge: b0, remotes: [host-b]}\n", "vxlans[0].remotes[0]", "not a unicast IP"},
	{"group and remotes", "version: 1\nbridges: [{name: b0}]\nvxlans:\n  - {name: vx0, vni: 5, bridge: b0, remotes: [10.0.0.2], group: 239.1.1.1, dev: e0}\n", "vxlans[0].group", "not both"},
	{"address", "version: 1\nbridges: [{name: b0}]\nmanagement: {device: b0, address: 10.0.0.1}\n", "management.address", "prefix length"},
	{"mtu", "version: 1\nbridges: [{name: b0, mtu: 20}]\n", "bridges[0].mtu", "outside 68-65535"},
	{"empty", "", "", "empty file"},
	{"not yaml", "version: [1\n", "", "did not find expected"},
}

func TestParseBad(t *testing.T) {
	for _, tc := range badFabrics {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("bad.yaml", []byte(tc.yaml))
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tc.yaml, f)
			}
			if !errors.Is(err, ErrInvalidFabric) {
				t.Errorf("Parse error %v is not ErrInvalidFabric", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "bad.yaml") {
				t.Errorf("Parse error %q does not name the file", msg)
			}
			if tc.path != "" && !strings.Contains(msg, ": "+tc.path+": ") {
				t.Errorf("Parse error %q does not name key %s", msg, tc.path)
			}
			if !strings.Contains(msg, tc.msg) {
				t.Errorf("Parse error %q does not say %q", msg, tc.msg)
			}
		})
	}
}

func TestParseLineNumbers(t *testing.T) {
	_, err := Parse("f.yaml", []byte("version: 1\nbridges:\n  - name: b0\n    vlan_filtering: true\ntaps:\n  - name: t0\n    vm: v\n    bridge: b0\n    vlan: 5000\n    mac: '52:54:00:00:00:01'\n"))
	if err == nil || !strings.Contains(err.Error(), "f.yaml:9: taps[0].vlan:") {
		t.Fatalf("Parse = %v, want the error at f.yaml:9: taps[0].vlan", err)
	}
}

func TestLoad(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fabric.yaml")
	if err := os.WriteFile(p, []byte(goodFabric), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p); err != nil {
		t.Fatalf("Load = %v", err)
	}
	if _, err := Load(p + ".missing"); err == nil || !strings.Contains(err.Error(), "fabric.yaml.missing") {
		t.Fatalf("Load(missing) = %v, want an error naming the file", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(goodFabric))
	f.Add([]byte(hostFabric))
	f.Add([]byte(cliExample))
	for _, tc := range badFabrics {
		f.Add([]byte(tc.yaml))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fab, err := Parse("fuzz.yaml", data)
		if err != nil {
			if !errors.Is(err, ErrInvalidFabric) {
				t.Fatalf("Parse error %v is not ErrInvalidFabric", err)
			}
			return
		}
		// A valid fabric must yield a desired state without panicking,
		// and a plan against an empty host.
		_, err = Diff(Desired(fab), &State{Links: map[string]*Link{}})
		if ports, _ := fab.hostPorts(); err != nil && len(ports) == 0 {
			t.Fatalf("Diff(valid fabric, empty host) = %v", err)
		}
	})
}

// cliExample is the fabric file of CLI.md.
const cliExample = `version: 1
bridges:
  - name: vbr0
    vlan_filtering: true
    uplink: eth1          # optional trunk port
    vlans: [100, 200]     # allowed on the uplink
vxlans:
  - name: vx5001
    vni: 5001
    local: 10.10.0.1
    remotes: [10.10.0.2, 10.10.0.3]
    bridge: vbr0
    vlan: 200             # the bridge VLAN this segment is mapped to
taps:
  - name: vm1-0
    vm: vm1
    bridge: vbr0
    vlan: 100             # untagged PVID on this port
    mac: "52:54:00:00:00:01"
`

// TestCLIExample: the CLI.md example is accepted as written: the bridge's
// uplink hands eth1 over by itself (TestInsideCLIExample applies it).
func TestCLIExample(t *testing.T) {
	f, err := Parse("cli.yaml", []byte(cliExample))
	if err != nil {
		t.Fatalf("Parse(CLI.md example) = %v", err)
	}
	d := Desired(f)
	eth1 := d.Links["eth1"]
	if eth1 == nil || !eth1.isUplink() || eth1.Master != "vbr0" || eth1.Key != "bridges[0].uplink" || eth1.MTU != 0 ||
		!sameVlans(eth1.Vlans, map[int]VlanFlags{100: {}, 200: {}}) {
		t.Fatalf("desired eth1 = %+v, want the uplink of vbr0 with VLANs 100 and 200 tagged", eth1)
	}
	// Listing it under uplinks as well only adds settings.
	f2, err := Parse("cli.yaml", []byte(cliExample+"uplinks: [{name: eth1, mtu: 9000}]\n"))
	if err != nil {
		t.Fatalf("Parse(CLI.md example + uplinks) = %v", err)
	}
	if l := Desired(f2).Links["eth1"]; l.MTU != 9000 || l.Master != "vbr0" || l.Key != "bridges[0].uplink" {
		t.Errorf("desired eth1 with uplinks entry = %+v", l)
	}
	if n := len(Desired(f2).Order); n != len(d.Order) {
		t.Errorf("uplinks entry changed the number of links: %d, want %d", n, len(d.Order))
	}
	// On a host without eth1 the plan is refused, naming the key.
	_, err = Diff(d, &State{Links: map[string]*Link{}})
	if !errors.Is(err, ErrMissingUplink) || !strings.Contains(err.Error(), "bridges[0].uplink: eth1: uplink does not exist") {
		t.Fatalf("Diff(no eth1) = %v, want ErrMissingUplink naming bridges[0].uplink", err)
	}
}
