package planner

import (
	"fmt"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/lease"
	"github.com/vigil-ha/vigil/cluster/state"
)

// bigBench is a planner over 500 hosts of 512 GiB and 10,000 VMs of 2 GiB,
// 20 per host, every host renewing.
func bigBench(b *testing.B) *bench {
	const hosts, vms = 500, 10_000
	bb := &bench{t: b, s: state.New(), now: t0, leader: true, boots: map[string]string{}, epochs: map[string]uint64{}}
	for i := range hosts {
		name := fmt.Sprintf("h%03d", i)
		bb.hosts = append(bb.hosts, name)
		bb.boots[name] = name + "-b1"
		bb.must(&state.RegisterHost{Name: name, Addresses: state.Addresses{Management: fmt.Sprintf("10.%d.%d.%d", i/62500, i/250%250, i%250+1)}, BootID: bb.boots[name],
			Capacity: state.Capacity{MemoryMiB: 512 << 10, VCPUs: 512}, BMC: []state.BMCEndpoint{{Kind: "ipmi", Address: fmt.Sprintf("10.200.%d.%d", i/250, i%250+1)}}, WatchdogArmed: true})
	}
	placements := make([]state.Placement, vms)
	for i := range vms {
		spec := vmSpec(i+1, "")
		spec.HA.Priority = i % 7
		bb.must(&state.CreateVM{Desired: state.Running, Spec: spec})
		placements[i] = state.Placement{VM: spec.Name, Owner: bb.hosts[i%hosts]}
	}
	bb.must(&state.Place{Placements: placements})
	p, err := New(Config{Self: bb.hosts[0], Lease: lc}, bb.s, bb, bb, bb)
	if err != nil {
		b.Fatal(err)
	}
	bb.p = p
	p.Start(bb.now)
	bb.now = bb.now.Add(5 * time.Second)
	for _, h := range bb.hosts {
		bb.seq++
		rep := executor.Report{Host: h, Applied: bb.s.Index(), LeaseValid: true}
		r := p.Renew(ctx, bb.now, lease.Request{Holder: h, BootID: bb.boots[h], Seq: bb.seq}, rep)
		bb.epochs[h] = r.Epoch
	}
	return bb
}

// BenchmarkPlanDeadHost: with 500 hosts and 10,000 VMs in the state, the
// time from a dead host's fence confirmation to its 20 VMs placed
// elsewhere (one planner Tick: read the state, choose hosts by priority,
// RTO, routes, affinity and capacity, commit one compare-and-set). The
// goal is under 50 ms.
func BenchmarkPlanDeadHost(b *testing.B) {
	bb := bigBench(b)
	next := 1
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if next == len(bb.hosts) {
			bb = bigBench(b)
			next = 1
		}
		dead := bb.hosts[next]
		next++
		vms := bb.s.VMsOn(dead)
		pl := make([]state.Placement, len(vms))
		for j, vm := range vms {
			pl[j] = state.Placement{VM: vm.Spec.Name, Generation: vm.Generation}
		}
		res := bb.must(&state.Place{Placements: pl})
		for _, vm := range vms {
			t := bb.p.vm(vm.Spec.Name)
			t.unplacedAt, t.prev, t.holders = res.Index, dead, nil
		}
		bb.must(&state.SetHostState{Host: dead, State: state.Fencing})
		f := bb.must(&state.OpenFence{Target: dead, By: bb.hosts[0], Method: "ipmi", Started: bb.now})
		bb.must(&state.ConfirmFence{ID: f.FenceID, At: bb.now})
		bb.now = bb.now.Add(time.Millisecond)
		for _, h := range bb.p.hosts {
			h.heard, h.deadline = bb.now, bb.now.Add(lc.TTL)
		}
		b.StartTimer()
		bb.p.Tick(ctx, bb.now)
		b.StopTimer()
		for _, vm := range vms {
			if v, _ := bb.s.VM(vm.Spec.Name); v.Owner == "" || v.Owner == dead {
				b.Fatalf("%s not placed: owner %q", vm.Spec.Name, v.Owner)
			}
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/plan")
}
