package config

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
)

// TestParseVMCLIExample: CLI.md's VM file parses into the spec the
// cluster keeps.
func TestParseVMCLIExample(t *testing.T) {
	data, err := os.ReadFile("testdata/vm-example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseVM("web1.yaml", data)
	if err != nil {
		t.Fatalf("ParseVM(CLI.md example) = %v", err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"name", s.Name, "web1"},
		{"vcpus", s.VCPUs, 2},
		{"memory_mib", s.MemoryMiB, int64(2048)},
		{"disks", len(s.Disks), 1},
		{"disks[0]", s.Disks[0], state.Disk{Path: "/shared/web1.qcow2", Format: "qcow2"}},
		{"nics[0]", s.NICs[0], state.NIC{MAC: "52:54:00:12:34:56", Bridge: "vbr0", VLAN: 100}},
		{"ha.priority", s.HA.Priority, 100},
		{"ha.rto", s.HA.RTO, 30 * time.Second},
		{"ha.group", s.HA.Group, "web"},
		{"ha.postcopy", s.HA.Postcopy, false},
		{"extra", len(s.Extra), 0},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// TestParseVMDefaults: a minimal file gets the default RTO and no devices.
func TestParseVMDefaults(t *testing.T) {
	s, err := ParseVM("min.yaml", []byte("version: 1\nname: a\nvcpus: 1\nmemory_mib: 64\nextra: [-kernel, /k]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.HA.RTO != DefaultVMRTO || s.HA.Priority != 0 || len(s.Disks) != 0 || len(s.NICs) != 0 || strings.Join(s.Extra, " ") != "-kernel /k" {
		t.Errorf("ParseVM(minimal) = %+v, want default RTO %v, no disks or NICs, the extra arguments", s, DefaultVMRTO)
	}
}

// TestParseVMErrors: every bad input is refused with the file, the line
// and the key path of the problem, and several shape problems at once.
func TestParseVMErrors(t *testing.T) {
	const head = "version: 1\nname: web1\nvcpus: 2\nmemory_mib: 2048\n"
	cases := []struct {
		name string
		yaml string
		want []string // each an error line, "LINE: PATH: substring"
	}{
		{"empty", "", []string{"1: empty VM file"}},
		{"syntax", "name: [\n", []string{"YAML syntax"}},
		{"two documents", head + "---\nname: b\n", []string{"5: more than one YAML document"}},
		{"missing keys", "version: 1\n", []string{"1: name: required", "1: vcpus: required", "1: memory_mib: required"}},
		{"unknown key", head + "cpus: 4\n", []string{"5: cpus: unknown key"}},
		{"duplicate key", head + "name: b\n", []string{"5: name: duplicate key (first on line 2)"}},
		{"version", "version: 2\nname: a\nvcpus: 1\nmemory_mib: 1\n", []string{"1: version: 2 out of range"}},
		{"vcpus not a number", "version: 1\nname: a\nvcpus: two\nmemory_mib: 1\n", []string{"3: vcpus: want a whole number"}},
		{"memory zero", "version: 1\nname: a\nvcpus: 1\nmemory_mib: 0\n", []string{"4: memory_mib: 0: want at least 1"}},
		{"several at once", "version: 1\nname: a\nvcpus: 0\nmemory_mib: x\nfoo: 1\n", []string{"3: vcpus: 0 out of range", "4: memory_mib: want a whole number", "5: foo: unknown key"}},
		{"bad name", "version: 1\nname: -web\nvcpus: 1\nmemory_mib: 64\n", []string{"2: name: \"-web\": only letters"}},
		{"disk format", head + "disks:\n  - path: /shared/a.img\n    format: vmdk\n", []string{"7: disks[0].format: \"vmdk\" is not one of qcow2, raw"}},
		{"disk relative", head + "disks:\n  - path: a.img\n    format: raw\n", []string{"6: disks[0].path: \"a.img\" is not a clean absolute path"}},
		{"disk missing format", head + "disks:\n  - path: /a.img\n", []string{"6: disks[0].format: required"}},
		{"disks not a list", head + "disks: /a.img\n", []string{"5: disks: want a list"}},
		{"bad mac", head + "nics:\n  - mac: \"52:54:00:12:34\"\n    bridge: vbr0\n", []string{"6: nics[0].mac: \"52:54:00:12:34\" is not a MAC address"}},
		{"upper-case mac", head + "nics:\n  - mac: \"52:54:00:AB:34:56\"\n    bridge: vbr0\n", []string{"6: nics[0].mac: \"52:54:00:AB:34:56\": write it as \"52:54:00:ab:34:56\""}},
		{"duplicate mac", head + "nics:\n  - mac: \"52:54:00:12:34:56\"\n    bridge: vbr0\n  - mac: \"52:54:00:12:34:56\"\n    bridge: vbr0\n", []string{"8: nics[1].mac: duplicate MAC address"}},
		{"vlan and vni", head + "nics:\n  - mac: \"52:54:00:12:34:56\"\n    bridge: vbr0\n    vlan: 10\n    vni: 5001\n", []string{"9: nics[0].vni: a NIC is in a VLAN or a VXLAN VNI, not both"}},
		{"vlan range", head + "nics:\n  - mac: \"52:54:00:12:34:56\"\n    bridge: vbr0\n    vlan: 5000\n", []string{"8: nics[0].vlan: 5000 out of range 1 to 4094"}},
		{"bad bridge", head + "nics:\n  - mac: \"52:54:00:12:34:56\"\n    bridge: \"a b\"\n", []string{"7: nics[0].bridge: \"a b\" is not a Linux interface name"}},
		{"rto", head + "ha:\n  rto: soon\n", []string{"6: ha.rto: want a duration"}},
		{"rto too long", head + "ha:\n  rto: 48h\n", []string{"6: ha.rto: 48h0m0s out of range"}},
		{"group", head + "ha:\n  group: \"web team\"\n", []string{"6: ha.group: \"web team\": only letters"}},
		{"ha unknown", head + "ha:\n  prio: 1\n", []string{"6: ha.prio: unknown key"}},
		{"postcopy", head + "ha:\n  postcopy: maybe\n", []string{"6: ha.postcopy: want true or false"}},
		{"extra not a list", head + "extra: -S\n", []string{"5: extra: want a list"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseVM("vm.yaml", []byte(c.yaml))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("ParseVM(%q) = %v, want Errors", c.yaml, err)
			}
			if len(es) != len(c.want) {
				t.Errorf("ParseVM(%q) = %d errors, want %d:\n%v", c.yaml, len(es), len(c.want), err)
			}
			for i, w := range c.want {
				if i >= len(es) {
					break
				}
				got := strings.TrimPrefix(es[i].Error(), "vm.yaml:")
				if es[i].File != "vm.yaml" || !strings.Contains(got, w) {
					t.Errorf("error %d = %q, want it to contain %q", i, es[i].Error(), w)
				}
			}
		})
	}
}

// FuzzParseVM: no input makes ParseVM panic; every error names the file,
// and a spec it accepts is one the cluster state accepts.
func FuzzParseVM(f *testing.F) {
	if data, err := os.ReadFile("testdata/vm-example.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("version: 1\nname: a\nvcpus: 1\nmemory_mib: 64\nnics: [{mac: \"52:54:00:00:00:01\", bridge: b, vlan: 1}]\n"))
	f.Add([]byte("version: 1\nname: &a x\nvcpus: *a\n"))
	f.Add([]byte("disks: [[1], {a: b}]\nha: {rto: 1s}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		spec, err := ParseVM("f.yaml", data)
		if err == nil {
			if _, err := state.Encode(&state.CreateVM{Spec: spec, Desired: state.Running}); err != nil {
				t.Fatalf("ParseVM accepted a spec the state refuses: %v", err)
			}
			return
		}
		var es Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("ParseVM error %T %v, want Errors", err, err)
		}
		for _, e := range es {
			if e.File != "f.yaml" {
				t.Fatalf("error without the file: %v", e)
			}
		}
	})
}
