package peerapi

import (
	"slices"
	"testing"
	"time"
)

// BenchmarkRenewRoundTrip: a host's lease renewal to the leader of a
// three-node cluster on loopback, measured as the host measures it (send to
// reply on its monotonic clock): TLS on a kept-alive connection, the
// leader's quorum check, a RenewLease committed by the quorum.
func BenchmarkRenewRoundTrip(b *testing.B) {
	c := newTestCluster(b, 3, 0, nil)
	l := c.leader(15 * time.Second)
	c.mustApply(registerCmd("n1"), registerCmd("n2"), registerCmd("n3"))
	f := c.follower(l)
	r, err := f.client.Renew(ctxT(b, 10*time.Second), l.addr, RenewRequest{Holder: f.id, Seq: 1})
	if err != nil || !r.Reply.Granted {
		b.Fatalf("grant: %+v %v", r.Reply, err)
	}
	epoch := r.Reply.Epoch
	rtts := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		r, err := f.client.Renew(ctxT(b, 10*time.Second), l.addr, RenewRequest{Holder: f.id, Epoch: epoch, Seq: uint64(i + 2)})
		if err != nil || !r.Reply.Granted {
			b.Fatalf("renew: %+v %v", r.Reply, err)
		}
		rtts = append(rtts, r.RTT())
	}
	b.StopTimer()
	slices.Sort(rtts)
	b.ReportMetric(float64(rtts[len(rtts)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(rtts[len(rtts)*99/100].Microseconds())/1000, "p99-ms")
}
