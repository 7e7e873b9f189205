package ipmi_test

import (
	"context"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/fencing/ipmi"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// BenchmarkOffOn times the library path against one ipmi_sim: a new RMCP+
// session, power off confirmed, close; then the same for on. (The process
// level comparison with fence_ipmilan is in cmd/vigil.)
func BenchmarkOffOn(b *testing.B) {
	ctx := context.Background()
	sim := ipmisim.New(b, ipmisim.Config{})
	cfg := config(b, sim, ipmisim.Operator)
	step := func(a fencing.Action) time.Duration {
		start := time.Now()
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		f, err := ipmi.Dial(ctx, cfg)
		if err != nil {
			b.Fatal(err)
		}
		res, err := fencing.Do(ctx, f, a, fencing.Confirm{})
		f.Close()
		if err != nil || !res.Confirmed {
			b.Fatalf("%s: %+v, %v", a, res, err)
		}
		return time.Since(start)
	}
	var off, on time.Duration
	for b.Loop() {
		off += step(fencing.ActionOff)
		on += step(fencing.ActionOn)
	}
	b.ReportMetric(float64(off.Microseconds())/1000/float64(b.N), "off-ms")
	b.ReportMetric(float64(on.Microseconds())/1000/float64(b.N), "on-ms")
}
