package metrics

import (
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// TestCollectorsLint: each of vigil's own collectors, the cluster's with
// states beyond the known ones, passes promlint on its own
// (testutil.CollectAndLint), as do the counters the cluster layer feeds.
func TestCollectorsLint(t *testing.T) {
	cluster := ClusterFunc(func() ClusterState {
		return ClusterState{Hosts: map[string]int{"healthy": 2, "fenced": 1}, Leader: true, Quorum: true, Lease: 3 * time.Second,
			VMs: map[string]int{"running": 4, "migrating": 1, "held": 1}}
	})
	m, err := New(Config{Host: HostFunc(func() HostState { return HostState{} }), Cluster: cluster, NoRuntime: true})
	if err != nil {
		t.Fatal(err)
	}
	m.FenceDone("ipmi", "confirmed")
	m.FenceDone("watchdog", "confirmed")
	m.MigrationDone("completed", 40*time.Millisecond)
	m.Recovered(3 * time.Second)
	for name, c := range map[string]prometheus.Collector{
		"cluster": clusterCollector{src: cluster}, "fences": m.fences, "migrations": m.migrations,
		"downtime": m.downtime, "recovery": m.recovery,
	} {
		problems, err := testutil.CollectAndLint(c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range problems {
			t.Errorf("%s: promlint: %s: %s", name, p.Metric, p.Text)
		}
		if n := testutil.CollectAndCount(c); n == 0 {
			t.Errorf("%s collected nothing: the lint proves nothing", name)
		}
	}
}
