package state

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func regHost(name string, n int) *RegisterHost {
	return &RegisterHost{
		Name:          name,
		Addresses:     Addresses{Management: fmt.Sprintf("10.0.%d.%d", n/250, n%250+1)},
		BootID:        fmt.Sprintf("boot-%s-1", name),
		Capacity:      Capacity{MemoryMiB: 256 << 10, VCPUs: 64},
		BMC:           []BMCEndpoint{{Kind: "ipmi", Address: fmt.Sprintf("10.1.%d.%d:623", n/250, n%250+1)}},
		WatchdogArmed: true,
	}
}

func spec(name string, n int) VMSpec {
	return VMSpec{
		Name:      name,
		VCPUs:     2,
		MemoryMiB: 2048,
		Disks:     []Disk{{Path: "/shared/" + name + ".qcow2", Format: "qcow2"}},
		NICs:      []NIC{{MAC: fmt.Sprintf("52:54:00:%02x:%02x:%02x", n>>16&0xff, n>>8&0xff, n&0xff), Bridge: "vbr0", VLAN: 100}},
		HA:        HA{Priority: 100, RTO: 30 * time.Second, Group: "web"},
	}
}

func createVM(name string, n int) *CreateVM {
	return &CreateVM{Spec: spec(name, n), Desired: Running}
}

// applier feeds commands to a state at rising indexes.
type applier struct {
	s   *State
	idx uint64
}

func newApplier() *applier { return &applier{s: New()} }

func (a *applier) apply(cmd Command) (Result, error) {
	a.idx++
	return a.s.ApplyCommand(a.idx, cmd)
}

func (a *applier) must(tb testing.TB, cmds ...Command) Result {
	tb.Helper()
	var res Result
	for _, c := range cmds {
		var err error
		if res, err = a.apply(c); err != nil {
			tb.Fatalf("apply %T: %v", c, err)
		}
	}
	return res
}

// view is everything a query can see, for comparing states.
type view struct {
	Hosts     []Host
	VMs       []VM
	Owned     map[string][]VM
	Groups    []GroupPolicy
	Admission Admission
	Fences    []FenceRecord
	Leases    []Lease
}

func viewOf(s *State) view {
	v := view{
		Hosts:     s.Hosts(),
		VMs:       s.VMs(),
		Owned:     map[string][]VM{},
		Groups:    s.Groups(),
		Admission: s.Admission(),
		Fences:    s.Fences(),
		Leases:    s.Leases(),
	}
	for _, h := range v.Hosts {
		if vms := s.VMsOn(h.Name); len(vms) > 0 {
			v.Owned[h.Name] = vms
		}
	}
	return v
}

func sameView(tb testing.TB, what string, got, want view) {
	tb.Helper()
	if !reflect.DeepEqual(got, want) {
		tb.Fatalf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// richState builds a state with something in every table: 3 hosts, 4 VMs
// (2 placed), a group policy, admission, a confirmed fence and leases.
func richState(tb testing.TB) *applier {
	a := newApplier()
	a.must(tb, regHost("h1", 1), regHost("h2", 2), regHost("h3", 3))
	for i := range 4 {
		a.must(tb, createVM(fmt.Sprintf("vm%d", i), i))
	}
	a.must(tb,
		&Place{Placements: []Placement{{VM: "vm0", Owner: "h1"}, {VM: "vm1", Owner: "h2"}}},
		&SetGroupPolicy{Policy: GroupPolicy{Name: "web", Routes: []Route{{From: "h1", To: "*"}}, Affinity: Apart}},
		&SetAdmission{Admission: Admission{HostFailures: 1}},
		&GrantLease{Holder: "h1", Expiry: t0.Add(10 * time.Second)},
		&GrantLease{Holder: "h2", Expiry: t0.Add(10 * time.Second)},
		&GrantLease{Holder: "h3", Expiry: t0.Add(10 * time.Second)},
		&SetHostState{Host: "h3", State: Fencing, Reason: "dead"},
	)
	res := a.must(tb, &OpenFence{Target: "h3", By: "h1", Method: "ipmi", Evidence: "power on, no gossip", Started: t0})
	a.must(tb, &ConfirmFence{ID: res.FenceID, At: t0.Add(80 * time.Millisecond), Confirmation: "chassis power off read back"})
	return a
}
