package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// ClusterSource is what the cluster layer reports for the metrics.
// ClusterMetrics must answer from memory at once, also without quorum: it
// runs on every scrape.
type ClusterSource interface {
	ClusterMetrics() ClusterState
}

// ClusterState is the cluster as this host last knew it.
type ClusterState struct {
	// Hosts counts the cluster's hosts by state (DESIGN.md's: healthy,
	// degraded, suspect, fencing, fenced, maintenance, left).
	Hosts map[string]int
	// Leader: this host is the raft leader. Quorum: this host heard
	// from a quorum within the lease time.
	Leader, Quorum bool
	// Lease is how long this host's own lease has left by its own
	// clock (0 or less: none).
	Lease time.Duration
	// VMs counts the cluster's VMs by state (running, starting,
	// migrating, stopped, recovering, held).
	VMs map[string]int
}

// HostStates and VMStates are always exported, at 0 when none is in that
// state, so that a dashboard's series do not come and go.
var (
	HostStates = []string{"healthy", "degraded", "suspect", "fencing", "fenced", "maintenance", "left"}
	VMStates   = []string{"running", "starting", "migrating", "stopped", "recovering", "held"}
)

var (
	descClusterHosts = prometheus.NewDesc("vigil_cluster_hosts", "The cluster's hosts by state.", []string{"state"}, nil)
	descLeader       = prometheus.NewDesc("vigil_cluster_leader", "Whether this host is the cluster's raft leader (1).", nil, nil)
	descQuorum       = prometheus.NewDesc("vigil_cluster_quorum", "Whether this host hears from a quorum of the cluster (1).", nil, nil)
	descLease        = prometheus.NewDesc("vigil_lease_remaining_seconds", "Time left on this host's own lease, by its own clock (0: none).", nil, nil)
	descVMs          = prometheus.NewDesc("vigil_vms", "The cluster's VMs by state.", []string{"state"}, nil)
)

type clusterCollector struct{ src ClusterSource }

func (clusterCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descClusterHosts, descLeader, descQuorum, descLease, descVMs} {
		ch <- d
	}
}

func (c clusterCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.src.ClusterMetrics()
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	byState := func(d *prometheus.Desc, known []string, counts map[string]int) {
		for _, s := range known {
			gauge(d, float64(counts[s]), s)
		}
		for s, n := range counts {
			if !contains(known, s) {
				gauge(d, float64(n), s)
			}
		}
	}
	byState(descClusterHosts, HostStates, st.Hosts)
	byState(descVMs, VMStates, st.VMs)
	b := 0.0
	if st.Leader {
		b = 1
	}
	gauge(descLeader, b)
	b = 0
	if st.Quorum {
		b = 1
	}
	gauge(descQuorum, b)
	gauge(descLease, max(st.Lease, 0).Seconds())
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// ClusterFunc adapts a function to ClusterSource.
type ClusterFunc func() ClusterState

// ClusterMetrics implements ClusterSource.
func (f ClusterFunc) ClusterMetrics() ClusterState { return f() }

// Observer counts what the cluster layer does; *Metrics implements it.
type Observer interface {
	FenceDone(driver, result string)
	MigrationDone(result string, downtime time.Duration)
	Recovered(d time.Duration)
}

var _ Observer = (*Metrics)(nil)
