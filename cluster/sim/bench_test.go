package sim

import "testing"

// BenchmarkSeed: one generated scenario per iteration (3 to 7 hosts, about
// two minutes of simulated time, every invariant checked after every
// event), on one core: seeds per second.
func BenchmarkSeed(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s, err := Run(Generate(uint64(i+1)), false, false)
		if err != nil {
			b.Fatal(err)
		}
		if v := s.Violations(); len(v) > 0 {
			b.Fatalf("seed %d: %s", i+1, v[0])
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "seeds/s")
}
