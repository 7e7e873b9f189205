package state

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"
)

// bigState builds the state of a large cluster: hosts hosts and vms VMs,
// every VM placed.
func bigState(tb testing.TB, hosts, vms int) *applier {
	a := newApplier()
	for i := range hosts {
		a.must(tb, regHost(fmt.Sprintf("host%03d", i), i))
	}
	for i := range vms {
		a.must(tb, createVM(fmt.Sprintf("vm%05d", i), i))
	}
	batch := make([]Placement, vms)
	for i := range batch {
		batch[i] = Placement{VM: fmt.Sprintf("vm%05d", i), Owner: fmt.Sprintf("host%03d", i%hosts)}
	}
	a.must(tb, &Place{Placements: batch})
	return a
}

// BenchmarkApplyPlace: one ownership compare-and-set per entry (decode,
// check, apply) against 500 hosts and 10,000 VMs.
func BenchmarkApplyPlace(b *testing.B) {
	a := bigState(b, 500, 10_000)
	entries := make([][]byte, 10_000)
	gens := make([]uint64, 10_000)
	for i := range gens {
		gens[i] = 1
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := i % len(entries)
		b.StopTimer()
		e, err := Encode(&Place{Placements: []Placement{{VM: fmt.Sprintf("vm%05d", v), Generation: gens[v], Owner: fmt.Sprintf("host%03d", (i+1)%500)}}})
		if err != nil {
			b.Fatal(err)
		}
		entries[v] = e
		b.StartTimer()
		a.idx++
		if _, err := a.s.Apply(a.idx, entries[v]); err != nil {
			b.Fatal(err)
		}
		gens[v]++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "applies/s")
}

// BenchmarkSnapshot: size of the state of 500 hosts and 10,000 VMs as a
// snapshot, and the time to write and restore it.
func BenchmarkSnapshot(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	a := bigState(b, 500, 10_000)
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := float64(after.HeapAlloc) - float64(before.HeapAlloc)
	var size int
	b.Run("write", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var buf bytes.Buffer
			if _, err := a.s.Snapshot().WriteTo(&buf); err != nil {
				b.Fatal(err)
			}
			size = buf.Len()
		}
		b.ReportMetric(float64(size), "bytes/10kVMs")
		b.ReportMetric(heap, "heap-bytes/10kVMs")
	})
	var buf bytes.Buffer
	if _, err := a.s.Snapshot().WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	b.Run("restore", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := New().Restore(bytes.NewReader(buf.Bytes())); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(buf.Len()), "bytes/10kVMs")
	})
}
