package replica

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
)

// BenchmarkApply: ownership compare-and-sets committed through a 3-node
// cluster on loopback over mutual TLS (each commit is a bbolt fsync on a
// quorum), from 16 concurrent proposers on the leader.
func BenchmarkApply(b *testing.B) {
	c := newCluster(b, 3, 0, nil)
	l := c.leader(15 * time.Second)
	c.mustApply(hostCmd("h1", 1))
	const vms = 256
	for i := range vms {
		c.mustApply(vmCmd(fmt.Sprintf("vm%03d", i), i))
	}
	var next atomic.Int64
	b.SetParallelism(8) // 8 × GOMAXPROCS proposers
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		gens := map[string]uint64{}
		for pb.Next() {
			vm := fmt.Sprintf("vm%03d", next.Add(1)%vms)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			res, err := l.Apply(ctx, &state.Place{Placements: []state.Placement{{VM: vm, Generation: gens[vm], Owner: "h1"}}})
			cancel()
			switch {
			case err == nil:
				gens[vm] = res.Generations[0]
			case err != nil && isStale(err):
				v, _ := l.State().VM(vm)
				gens[vm] = v.Generation
			default:
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "commits/s")
}

func isStale(err error) bool { return err != nil && errors.Is(err, state.ErrStaleGeneration) }
