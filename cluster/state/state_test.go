package state

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestApply(t *testing.T) {
	withHosts := []Command{regHost("h1", 1), regHost("h2", 2)}
	withVM := append(withHosts[:2:2], createVM("vm1", 1))
	placed := append(withVM[:3:3], &Place{Placements: []Placement{{VM: "vm1", Generation: 0, Owner: "h1"}}})
	leased := append(withHosts[:2:2], &GrantLease{Holder: "h1", Expiry: t0.Add(10 * time.Second)})
	fencing := append(withHosts[:2:2], &SetHostState{Host: "h2", State: Fencing})
	fenced := append(fencing[:3:3],
		&OpenFence{Target: "h2", By: "h1", Method: "ipmi", Started: t0},
		&ConfirmFence{ID: 4, At: t0.Add(time.Second)})
	redfishCreds := regHost("h1", 1)
	redfishCreds.BMC = []BMCEndpoint{{Kind: "redfish", Address: "https://admin:hunter2@10.1.0.2"}}
	ipmiCreds := regHost("h1", 1)
	ipmiCreds.BMC = []BMCEndpoint{{Kind: "ipmi", Address: "admin:hunter2@10.1.0.2"}}
	badIP := regHost("h1", 1)
	badIP.Addresses.Management = "10.0.0.300"
	sameIP := regHost("h3", 1)
	newBoot := regHost("h2", 2)
	newBoot.BootID = "boot-h2-2"
	vlanAndVNI := createVM("vm2", 2)
	vlanAndVNI.Spec.NICs[0].VNI = 5001
	upperMAC := createVM("vm2", 2)
	upperMAC.Spec.NICs[0].MAC = "52:54:00:AA:00:01"
	dupMAC := createVM("vm2", 1)
	commaDisk := createVM("vm2", 2)
	commaDisk.Spec.Disks[0].Path = "/shared/a,format=raw"
	newMAC := &UpdateVM{Spec: spec("vm1", 7), Desired: Stopped}

	cases := []struct {
		name    string
		setup   []Command
		cmd     Command
		want    error    // nil, or the sentinel the error must match
		mention []string // words the error must contain
		hide    []string // words it must not contain
		check   func(t *testing.T, s *State, res Result)
	}{
		{name: "register host", cmd: regHost("h1", 1), check: func(t *testing.T, s *State, _ Result) {
			h, ok := s.Host("h1")
			if !ok || h.State != Healthy || h.BootID != "boot-h1-1" || !h.WatchdogArmed {
				t.Errorf("Host(h1) = %+v, %v; want healthy, boot-h1-1, watchdog armed", h, ok)
			}
		}},
		{name: "register keeps state", setup: append(withHosts[:2:2], &SetHostState{Host: "h1", State: Maintenance}),
			cmd: regHost("h1", 1), check: func(t *testing.T, s *State, _ Result) {
				if h, _ := s.Host("h1"); h.State != Maintenance {
					t.Errorf("state after re-register = %s, want maintenance", h.State)
				}
			}},
		{name: "bad management address", cmd: badIP, want: ErrInvalid, mention: []string{"addresses.management", "10.0.0.300"}},
		{name: "management address taken", setup: withHosts, cmd: sameIP, want: ErrExists, mention: []string{`"h1"`}},
		{name: "redfish URL with credentials", cmd: redfishCreds, want: ErrInvalid, mention: []string{"bmc[0].address", "credentials"}, hide: []string{"hunter2", "admin"}},
		{name: "ipmi address with credentials", cmd: ipmiCreds, want: ErrInvalid, mention: []string{"bmc[0].address"}, hide: []string{"hunter2", "admin"}},
		{name: "state of unknown host", cmd: &SetHostState{Host: "h9", State: Degraded}, want: ErrNotFound},
		{name: "fenced only by a fence record", setup: withHosts, cmd: &SetHostState{Host: "h1", State: Fenced}, want: ErrTransition, mention: []string{"fence record"}},
		{name: "left to degraded not allowed", setup: append(withHosts[:2:2], &SetHostState{Host: "h1", State: Left}),
			cmd: &SetHostState{Host: "h1", State: Degraded}, want: ErrTransition, mention: []string{"from left to degraded"}},
		{name: "fencing needs ownership revoked", setup: placed, cmd: &SetHostState{Host: "h1", State: Fencing}, want: ErrHostOwnsVMs, mention: []string{`"vm1"`}},
		{name: "leaving needs ownership revoked", setup: placed, cmd: &SetHostState{Host: "h1", State: Left}, want: ErrHostOwnsVMs},
		{name: "fencing revokes the lease", setup: leased, cmd: &SetHostState{Host: "h1", State: Fencing}, check: func(t *testing.T, s *State, _ Result) {
			if l, _ := s.Lease("h1"); !l.Revoked || l.Epoch != 1 {
				t.Errorf("lease after fencing = %+v, want epoch 1 revoked", l)
			}
		}},
		{name: "create vm", setup: withHosts, cmd: createVM("vm1", 1), check: func(t *testing.T, s *State, _ Result) {
			vm, ok := s.VM("vm1")
			if !ok || vm.Generation != 0 || vm.Owner != "" || vm.Desired != Running || vm.Spec.HA.RTO != 30*time.Second {
				t.Errorf("VM(vm1) = %+v, %v; want unplaced at generation 0", vm, ok)
			}
		}},
		{name: "create existing vm", setup: withVM, cmd: createVM("vm1", 5), want: ErrExists},
		{name: "MAC of another vm", setup: withVM, cmd: dupMAC, want: ErrDuplicateMAC, mention: []string{"spec.nics[0].mac", `"vm1"`}},
		{name: "vlan and vni", cmd: vlanAndVNI, want: ErrInvalid, mention: []string{"spec.nics[0]", "both vlan and vni"}},
		{name: "MAC not canonical", cmd: upperMAC, want: ErrInvalid, mention: []string{"52:54:00:aa:00:01"}},
		{name: "disk path with comma", cmd: commaDisk, want: ErrInvalid, mention: []string{"spec.disks[0].path"}},
		{name: "update keeps owner and frees the old MAC", setup: placed, cmd: newMAC, check: func(t *testing.T, s *State, _ Result) {
			vm, _ := s.VM("vm1")
			if vm.Owner != "h1" || vm.Generation != 1 || vm.Desired != Stopped || vm.Spec.NICs[0].MAC != spec("vm1", 7).NICs[0].MAC {
				t.Errorf("VM(vm1) after update = %+v", vm)
			}
			if _, err := s.ApplyCommand(s.Index()+1, createVM("vm2", 1)); err != nil {
				t.Errorf("old MAC still taken: %v", err)
			}
		}},
		{name: "update unknown vm", cmd: newMAC, want: ErrNotFound},
		{name: "delete placed vm", setup: placed, cmd: &DeleteVM{Name: "vm1"}, want: ErrVMPlaced, mention: []string{`"h1"`}},
		{name: "delete vm frees its MAC", setup: withVM, cmd: &DeleteVM{Name: "vm1"}, check: func(t *testing.T, s *State, _ Result) {
			if _, ok := s.VM("vm1"); ok {
				t.Error("vm1 still there")
			}
			if _, err := s.ApplyCommand(s.Index()+1, createVM("vm2", 1)); err != nil {
				t.Errorf("MAC of deleted vm still taken: %v", err)
			}
		}},
		{name: "place", setup: withVM, cmd: &Place{Placements: []Placement{{VM: "vm1", Generation: 0, Owner: "h2"}}}, check: func(t *testing.T, s *State, res Result) {
			vm, _ := s.VM("vm1")
			if vm.Owner != "h2" || vm.Generation != 1 || len(res.Generations) != 1 || res.Generations[0] != 1 {
				t.Errorf("after place: vm %+v, result %+v; want owner h2 generation 1", vm, res)
			}
			if on := s.VMsOn("h2"); len(on) != 1 || on[0].Spec.Name != "vm1" {
				t.Errorf("VMsOn(h2) = %+v", on)
			}
		}},
		{name: "stale generation", setup: placed, cmd: &Place{Placements: []Placement{{VM: "vm1", Generation: 0, Owner: "h2"}}},
			want: ErrStaleGeneration, mention: []string{"expected 0, current 1"}},
		{name: "revoke raises the generation", setup: placed, cmd: &Place{Placements: []Placement{{VM: "vm1", Generation: 1}}}, check: func(t *testing.T, s *State, _ Result) {
			if vm, _ := s.VM("vm1"); vm.Owner != "" || vm.Generation != 2 {
				t.Errorf("after revoke: %+v, want no owner, generation 2", vm)
			}
			if on := s.VMsOn("h1"); len(on) != 0 {
				t.Errorf("VMsOn(h1) after revoke = %+v", on)
			}
		}},
		{name: "place on unknown host", setup: withVM, cmd: &Place{Placements: []Placement{{VM: "vm1", Owner: "h9"}}}, want: ErrNotFound, mention: []string{`"h9"`}},
		{name: "place on degraded host", setup: append(withVM[:3:3], &SetHostState{Host: "h2", State: Degraded}),
			cmd: &Place{Placements: []Placement{{VM: "vm1", Owner: "h2"}}}, want: ErrHostNotPlaceable, mention: []string{"degraded"}},
		{name: "place is all or nothing", setup: append(placed[:4:4], createVM("vm2", 2)),
			cmd:  &Place{Placements: []Placement{{VM: "vm2", Generation: 0, Owner: "h2"}, {VM: "vm1", Generation: 0, Owner: "h2"}}},
			want: ErrStaleGeneration, mention: []string{"placements[1]"}},
		{name: "vm twice in one place", setup: withVM, cmd: &Place{Placements: []Placement{{VM: "vm1", Owner: "h1"}, {VM: "vm1", Owner: "h2"}}},
			want: ErrInvalid, mention: []string{"placements[1].vm"}},
		{name: "fence a host not fencing", setup: withHosts, cmd: &OpenFence{Target: "h2", By: "h1", Method: "ipmi", Started: t0}, want: ErrTransition},
		{name: "confirm fence", setup: fencing[:3:3], cmd: &OpenFence{Target: "h2", By: "h1", Method: "ipmi", Started: t0}, check: func(t *testing.T, s *State, res Result) {
			if res.FenceID != 4 {
				t.Fatalf("FenceID = %d, want the entry's index 4", res.FenceID)
			}
			if _, err := s.ApplyCommand(5, &ConfirmFence{ID: 4, At: t0.Add(time.Second), Confirmation: "off"}); err != nil {
				t.Fatal(err)
			}
			h, _ := s.Host("h2")
			f, _ := s.Fence(4)
			if h.State != Fenced || h.FencedBootID != "boot-h2-1" || !f.Confirmed || f.By != "h1" {
				t.Errorf("after confirm: host %+v, record %+v", h, f)
			}
		}},
		{name: "confirm twice", setup: fenced, cmd: &ConfirmFence{ID: 4, At: t0.Add(2 * time.Second)}, want: ErrExists},
		{name: "confirm before start", setup: fenced[:4:4], cmd: &ConfirmFence{ID: 4, At: t0.Add(-time.Second)}, want: ErrInvalid},
		{name: "fenced host back without reboot", setup: fenced, cmd: &SetHostState{Host: "h2", State: Healthy}, want: ErrTransition, mention: []string{"boot id"}},
		{name: "fenced host back after reboot", setup: append(fenced[:5:5], newBoot), cmd: &SetHostState{Host: "h2", State: Healthy}},
		{name: "no lease for a fenced host", setup: fenced, cmd: &GrantLease{Holder: "h2", Expiry: t0}, want: ErrHostNotPlaceable},
		{name: "grant lease", setup: withHosts, cmd: &GrantLease{Holder: "h1", Expiry: t0}, check: func(t *testing.T, _ *State, res Result) {
			if res.Lease.Epoch != 1 || !res.Lease.Expiry.Equal(t0) {
				t.Errorf("lease = %+v, want epoch 1", res.Lease)
			}
		}},
		{name: "grant with stale epoch", setup: leased, cmd: &GrantLease{Holder: "h1", Expiry: t0}, want: ErrStaleEpoch, mention: []string{"expected 0, current 1"}},
		{name: "renewal never shortens", setup: leased, cmd: &RenewLease{Holder: "h1", Epoch: 1, Expiry: t0.Add(5 * time.Second)}, check: func(t *testing.T, s *State, res Result) {
			if l, _ := s.Lease("h1"); !l.Expiry.Equal(t0.Add(10*time.Second)) || !res.Lease.Expiry.Equal(l.Expiry) {
				t.Errorf("lease = %+v (result %+v), want expiry kept at t0+10s", l, res.Lease)
			}
		}},
		{name: "renewal extends", setup: leased, cmd: &RenewLease{Holder: "h1", Epoch: 1, Expiry: t0.Add(20 * time.Second)}, check: func(t *testing.T, s *State, _ Result) {
			if l, _ := s.Lease("h1"); !l.Expiry.Equal(t0.Add(20 * time.Second)) {
				t.Errorf("lease = %+v, want expiry t0+20s", l)
			}
		}},
		{name: "renew wrong epoch", setup: leased, cmd: &RenewLease{Holder: "h1", Epoch: 2, Expiry: t0}, want: ErrStaleEpoch},
		{name: "renew revoked", setup: append(leased[:3:3], &RevokeLease{Holder: "h1", Epoch: 1}), cmd: &RenewLease{Holder: "h1", Epoch: 1, Expiry: t0.Add(time.Hour)}, want: ErrLeaseRevoked},
		{name: "grant after revoke", setup: append(leased[:3:3], &RevokeLease{Holder: "h1", Epoch: 1}), cmd: &GrantLease{Holder: "h1", PrevEpoch: 1, Expiry: t0}, check: func(t *testing.T, s *State, _ Result) {
			if l, _ := s.Lease("h1"); l.Epoch != 2 || l.Revoked {
				t.Errorf("lease = %+v, want epoch 2 live", l)
			}
		}},
		{name: "group policy", cmd: &SetGroupPolicy{Policy: GroupPolicy{Name: "db", Routes: []Route{{From: "*", To: "h2"}}, Affinity: Together}}, check: func(t *testing.T, s *State, _ Result) {
			if g, ok := s.Group("db"); !ok || g.Affinity != Together || len(g.Routes) != 1 {
				t.Errorf("Group(db) = %+v, %v", g, ok)
			}
		}},
		{name: "bad affinity", cmd: &SetGroupPolicy{Policy: GroupPolicy{Name: "db", Affinity: "near"}}, want: ErrInvalid, mention: []string{"policy.affinity"}},
		{name: "delete unknown policy", cmd: &DeleteGroupPolicy{Name: "db"}, want: ErrNotFound},
		{name: "admission out of range", cmd: &SetAdmission{Admission: Admission{HostFailures: -1}}, want: ErrInvalid, mention: []string{"admission.host_failures"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newApplier()
			a.must(t, tc.setup...)
			before := viewOf(a.s)
			entry, err := Encode(tc.cmd)
			if err == nil {
				a.idx++
				var res Result
				res, err = a.s.Apply(a.idx, entry)
				if err == nil && tc.check != nil {
					tc.check(t, a.s, res)
				}
			}
			switch {
			case tc.want == nil && err != nil:
				t.Fatalf("apply %T = %v, want success", tc.cmd, err)
			case tc.want != nil && !errors.Is(err, tc.want):
				t.Fatalf("apply %T = %v, want %v", tc.cmd, err, tc.want)
			}
			if err == nil {
				return
			}
			sameView(t, "state after a failed command", viewOf(a.s), before)
			for _, w := range tc.mention {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			for _, w := range tc.hide {
				if strings.Contains(err.Error(), w) {
					t.Errorf("error %q reveals %q", err, w)
				}
			}
		})
	}
}

// A failed command changes no table, even when Encode's checks are skipped
// and the entry reaches Apply (as from a newer or broken proposer).
func TestApplyRejectsWithoutEncodeChecks(t *testing.T) {
	a := newApplier()
	a.must(t, regHost("h1", 1))
	before := viewOf(a.s)
	entry := []byte("\x03" + `{"spec":{"name":"vm1","vcpus":0,"memory_mib":1,"ha":{"priority":0,"rto":1}},"desired":"running"}`)
	if _, err := a.s.Apply(9, entry); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "spec.vcpus") {
		t.Fatalf("Apply(vcpus 0) = %v, want ErrInvalid naming spec.vcpus", err)
	}
	sameView(t, "after rejected entry", viewOf(a.s), before)
	if got := a.s.Index(); got != 9 {
		t.Errorf("Index() = %d, want 9: a rejected entry is still consumed", got)
	}
}

func TestMessageTypes(t *testing.T) {
	known, err := Encode(regHost("h1", 1))
	if err != nil {
		t.Fatal(err)
	}
	flagged := append([]byte{byte(RegisterHostType | IgnoreUnknownFlag)}, known[1:]...)
	cases := []struct {
		name        string
		entry       []byte
		want        error
		wantIgnored bool
		wantHost    bool
	}{
		{name: "known type", entry: known, wantHost: true},
		{name: "known type with ignore flag applies", entry: flagged, wantHost: true},
		{name: "unknown type fails", entry: []byte("\x63{}"), want: ErrUnknownType},
		{name: "unknown type with ignore flag skipped", entry: []byte("\xe3{}"), wantIgnored: true},
		{name: "type zero", entry: []byte("\x00{}"), want: ErrUnknownType},
		{name: "empty entry", entry: nil, want: ErrMalformed},
		{name: "unknown field", entry: append(known[:len(known)-1:len(known)-1], []byte(`,"color":"red"}`)...), want: ErrMalformed},
		{name: "trailing data", entry: append(known[:len(known):len(known)], []byte(` {}`)...), want: ErrMalformed},
		{name: "trailing brace", entry: append(known[:len(known):len(known)], '}'), want: ErrMalformed},
		{name: "not JSON", entry: []byte("\x01\xff\xfe"), want: ErrMalformed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := New()
			res, err := s.Apply(1, tc.entry)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("Apply(%q) = %v, want %v", tc.entry, err, tc.want)
			}
			if res.Ignored != tc.wantIgnored {
				t.Errorf("Ignored = %v, want %v", res.Ignored, tc.wantIgnored)
			}
			if _, ok := s.Host("h1"); ok != tc.wantHost {
				t.Errorf("host registered = %v, want %v", ok, tc.wantHost)
			}
		})
	}
}

func TestApplyIndexRises(t *testing.T) {
	s := New()
	if _, err := s.ApplyCommand(5, regHost("h1", 1)); err != nil {
		t.Fatal(err)
	}
	for _, idx := range []uint64{5, 4, 0} {
		if _, err := s.ApplyCommand(idx, regHost("h2", 2)); !errors.Is(err, ErrIndex) {
			t.Errorf("ApplyCommand(%d) after 5 = %v, want ErrIndex", idx, err)
		}
	}
	if _, ok := s.Host("h2"); ok {
		t.Error("a refused index registered h2")
	}
}

func TestQueriesReturnCopies(t *testing.T) {
	a := richState(t)
	before := viewOf(a.s)
	vm, _ := a.s.VM("vm0")
	vm.Spec.NICs[0].MAC = "02:00:00:00:00:01"
	vm.Spec.Disks[0].Path = "/elsewhere"
	h, _ := a.s.Host("h1")
	h.BMC[0].Address = "10.9.9.9"
	for _, v := range a.s.VMs() {
		v.Spec.NICs[0].Bridge = "hijack"
	}
	g, _ := a.s.Group("web")
	g.Routes[0].To = "h9"
	sameView(t, "state after callers changed their copies", viewOf(a.s), before)
}

// Generations only rise: random placements, revocations and stale attempts
// against a running model of what each VM's generation must be.
func TestGenerationsOnlyRise(t *testing.T) {
	seed := rand.Uint64()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	a := newApplier()
	a.must(t, regHost("h1", 1), regHost("h2", 2), regHost("h3", 3))
	names := []string{"a", "b", "c"}
	for i, n := range names {
		a.must(t, createVM(n, i))
	}
	want := map[string]uint64{}
	for range 2000 {
		n := names[rng.IntN(len(names))]
		gen := want[n]
		if rng.IntN(4) == 0 {
			gen = uint64(rng.IntN(int(gen) + 3)) // often stale, sometimes ahead
		}
		owner := []string{"", "h1", "h2", "h3"}[rng.IntN(4)]
		_, err := a.apply(&Place{Placements: []Placement{{VM: n, Generation: gen, Owner: owner}}})
		if gen == want[n] {
			if err != nil {
				t.Fatalf("seed %d: place %s at current generation %d: %v", seed, n, gen, err)
			}
			want[n]++
		} else if !errors.Is(err, ErrStaleGeneration) {
			t.Fatalf("seed %d: place %s at generation %d (current %d) = %v, want ErrStaleGeneration", seed, n, gen, want[n], err)
		}
		vm, _ := a.s.VM(n)
		if vm.Generation != want[n] {
			t.Fatalf("seed %d: vm %s generation %d, want %d", seed, n, vm.Generation, want[n])
		}
	}
}
