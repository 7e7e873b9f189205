// Package metrics owns vigil's Prometheus endpoint (metrics.listen,
// /metrics): the names of CLI.md, on a private registry with the Go and
// process collectors, served by client_golang.
//
// Everything is served from cached state: a scrape never polls a BMC,
// waits on raft or on a peer. The host's metrics come from HostSource,
// which the agent answers from its last sensor round (readings, source
// up and poll duration, risk and each component's expected time to
// failure); the cluster's gauges from ClusterSource, answered from the
// cluster layer's memory; the alert sinks' and the Redfish event
// receiver's counters from their Stats. Counters of things that happen
// (fences, migrations, recoveries) are pushed by the cluster layer through
// FenceDone, MigrationDone and Recovered.
//
// Labels: readings carry sensor (the sensor's name) and source (ipmi,
// redfish or host); a name one source gives twice is qualified with its
// component ("PSU1/Status"). vigil_sensor_state is 0 ok, 1 warning, 2
// critical, as ipmi_exporter's ipmi_sensor_state; a sensor whose state is
// unknown has no sample. vigil_host_risk is 0 none, 1 low, 2 high, 3
// imminent.
//
// A standalone host has no cluster: the cluster, VM, fence and migration
// names are registered only with a ClusterSource.
package metrics
