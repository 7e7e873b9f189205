package lab

import (
	"context"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// BenchmarkBringUp measures Start+Close of a 3-host lab with IPMI BMCs
// (ipmi_sim) and with Redfish BMCs.
func BenchmarkBringUp(b *testing.B) {
	for _, c := range []struct {
		name string
		kind BMCKind
	}{{"ipmi", IPMI}, {"redfish", Redfish}, {"nobmc", NoBMC}} {
		b.Run(c.name, func(b *testing.B) {
			opts := Options{Hosts: 3, BMC: c.kind}
			if err := Check(opts); err != nil {
				testenv.Unavailable(b, "%v", err)
			}
			var up, down time.Duration
			for b.Loop() {
				t0 := time.Now()
				l, err := Start(context.Background(), opts)
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if err := l.Close(); err != nil {
					b.Fatal(err)
				}
				up += t1.Sub(t0)
				down += time.Since(t1)
			}
			b.ReportMetric(float64(up.Milliseconds())/float64(b.N), "ms-up/op")
			b.ReportMetric(float64(down.Milliseconds())/float64(b.N), "ms-down/op")
		})
	}
}

// BenchmarkWatcherPoll measures one never-twice sample of a 3-host lab.
func BenchmarkWatcherPoll(b *testing.B) {
	opts := Options{Hosts: 3, BMC: NoBMC}
	if err := Check(opts); err != nil {
		testenv.Unavailable(b, "%v", err)
	}
	l, err := Start(context.Background(), opts)
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	w := l.watcher()
	for b.Loop() {
		w.poll()
	}
}
