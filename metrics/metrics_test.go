package metrics_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/metrics"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/health"
	"github.com/vigil-ha/vigil/sensors/redfish"
)

func reading(src sensors.Source, comp, name string, unit sensors.Unit, v *float64, st sensors.Status) sensors.Reading {
	return sensors.Reading{Source: src, Component: comp, Name: name, Unit: unit, Value: v, Status: st}
}

// host is a host with a BMC and a kernel: every unit, a discrete sensor,
// an unknown state, a fan in percent, a name the BMC gives twice, and a
// component at risk with an ETA.
func host() metrics.HostState {
	eta := 5400.0
	return metrics.HostState{Risk: health.RiskHigh, Degraded: true, Sources: []metrics.SourceState{
		{Name: "bmc", Kind: sensors.SourceIPMI, Polled: true, Up: true, Duration: 250 * time.Millisecond,
			LastAnswer: time.Unix(1700000000, 500e6),
			Readings: []sensors.Reading{
				reading("ipmi", "CPU", "CPU Temp", sensors.UnitCelsius, sensors.F(48), sensors.StatusOK),
				reading("ipmi", "FAN1", "FAN1", sensors.UnitRPM, sensors.F(1200), sensors.StatusWarning),
				reading("ipmi", "FAN2", "FAN2", sensors.UnitPercent, sensors.F(40), sensors.StatusOK),
				reading("ipmi", "12V", "12V", sensors.UnitVolts, sensors.F(12.05), sensors.StatusOK),
				reading("ipmi", "PSU1", "PSU1 Power", sensors.UnitWatts, sensors.F(180), sensors.StatusOK),
				reading("ipmi", "PSU1", "PSU1 Current", sensors.UnitAmps, sensors.F(1.5), sensors.StatusOK),
				reading("ipmi", "PSU1", "Status", "", nil, sensors.StatusCritical),
				reading("ipmi", "PSU2", "Status", "", nil, sensors.StatusOK),
				reading("ipmi", "DIMM", "DIMM ECC", "", nil, sensors.StatusUnknown),
			},
			Components: []health.Component{
				{Name: "FAN1", Risk: health.RiskHigh, ETASeconds: &eta, Reason: "falling"},
				{Name: "PSU1", Risk: health.RiskLow, Replace: true},
				{Name: "CPU", Risk: health.RiskNone},
			}},
		{Name: "kernel", Kind: sensors.SourceHost, Polled: true, Up: false, Duration: time.Second},
		{Name: "never", Kind: sensors.SourceHost},
	}}
}

const wantHost = `
# HELP vigil_bmc_poll_duration_seconds How long the agent's last poll of this host's BMC took.
# TYPE vigil_bmc_poll_duration_seconds gauge
vigil_bmc_poll_duration_seconds 0.25
# HELP vigil_bmc_up Whether this host's BMC answered the agent's last poll (1) or not (0).
# TYPE vigil_bmc_up gauge
vigil_bmc_up{source="ipmi"} 1
# HELP vigil_component_failure_eta_seconds Expected time until a component's trend crosses its critical threshold; no sample when no trend points at failure.
# TYPE vigil_component_failure_eta_seconds gauge
vigil_component_failure_eta_seconds{component="FAN1",source="ipmi"} 5400
# HELP vigil_component_risk A component's failure risk: 0 none, 1 low, 2 high, 3 imminent; components at no risk have no sample.
# TYPE vigil_component_risk gauge
vigil_component_risk{component="FAN1",source="ipmi"} 2
vigil_component_risk{component="PSU1",source="ipmi"} 1
# HELP vigil_current_amperes Current reading.
# TYPE vigil_current_amperes gauge
vigil_current_amperes{sensor="PSU1 Current",source="ipmi"} 1.5
# HELP vigil_fan_speed_rpm Fan speed reading.
# TYPE vigil_fan_speed_rpm gauge
vigil_fan_speed_rpm{sensor="FAN1",source="ipmi"} 1200
# HELP vigil_host_degraded Whether a redundant part of this host failed (1): replace it; the host takes no new VMs.
# TYPE vigil_host_degraded gauge
vigil_host_degraded 1
# HELP vigil_host_risk This host's failure risk: 0 none, 1 low, 2 high, 3 imminent.
# TYPE vigil_host_risk gauge
vigil_host_risk 2
# HELP vigil_power_watts Power reading.
# TYPE vigil_power_watts gauge
vigil_power_watts{sensor="PSU1 Power",source="ipmi"} 180
# HELP vigil_sensor_source_last_answer_timestamp_seconds When a sensor source last answered (Unix time): the age of the values served here.
# TYPE vigil_sensor_source_last_answer_timestamp_seconds gauge
vigil_sensor_source_last_answer_timestamp_seconds{source="bmc"} 1.7000000005e+09
# HELP vigil_sensor_source_up Whether a sensor source (the BMC, the kernel) answered the agent's last poll.
# TYPE vigil_sensor_source_up gauge
vigil_sensor_source_up{source="bmc"} 1
vigil_sensor_source_up{source="kernel"} 0
# HELP vigil_sensor_state Sensor state: 0 ok, 1 warning, 2 critical (as ipmi_exporter's ipmi_sensor_state).
# TYPE vigil_sensor_state gauge
vigil_sensor_state{sensor="12V",source="ipmi"} 0
vigil_sensor_state{sensor="CPU Temp",source="ipmi"} 0
vigil_sensor_state{sensor="FAN1",source="ipmi"} 1
vigil_sensor_state{sensor="FAN2",source="ipmi"} 0
vigil_sensor_state{sensor="PSU1 Current",source="ipmi"} 0
vigil_sensor_state{sensor="PSU1 Power",source="ipmi"} 0
vigil_sensor_state{sensor="PSU1/Status",source="ipmi"} 2
vigil_sensor_state{sensor="PSU2/Status",source="ipmi"} 0
# HELP vigil_temperature_celsius Temperature reading.
# TYPE vigil_temperature_celsius gauge
vigil_temperature_celsius{sensor="CPU Temp",source="ipmi"} 48
# HELP vigil_voltage_volts Voltage reading.
# TYPE vigil_voltage_volts gauge
vigil_voltage_volts{sensor="12V",source="ipmi"} 12.05
`

// TestHostMetrics: the host's families hold exactly the cached state.
func TestHostMetrics(t *testing.T) {
	m, err := metrics.New(metrics.Config{Host: metrics.HostFunc(host), NoRuntime: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := testutil.GatherAndCompare(m.Gatherer(), strings.NewReader(wantHost)); err != nil {
		t.Error(err)
	}
}

// cluster is a leader of five hosts, one fenced.
func cluster() metrics.ClusterState {
	return metrics.ClusterState{Hosts: map[string]int{"healthy": 3, "suspect": 1, "fenced": 1}, Leader: true, Quorum: true,
		Lease: 7500 * time.Millisecond, VMs: map[string]int{"running": 9, "recovering": 2, "weird": 1}}
}

// everything is a registry with every family filled.
func everything(t *testing.T) (*metrics.Metrics, *redfish.Receiver) {
	t.Helper()
	rc, err := redfish.NewReceiver(redfish.ReceiverConfig{URL: "http://127.0.0.1:1/events", AllowHTTP: true})
	if err != nil {
		t.Fatal(err)
	}
	stats := []alert.SinkStats{{Sink: "syslog", Queued: 3, Capacity: 1024, Delivered: 40, Dropped: 2, Failed: 1,
		Counters: map[string]uint64{"reconnects": 1, "resent": 5, "unsure": 0}}, {Sink: "journal", Capacity: 1024, Delivered: 43}}
	m, err := metrics.New(metrics.Config{Host: metrics.HostFunc(host), Cluster: metrics.ClusterFunc(cluster),
		Alerts: func() []alert.SinkStats { return stats }, Receiver: rc.Stats})
	if err != nil {
		t.Fatal(err)
	}
	m.FenceDone("ipmi", "confirmed")
	m.FenceDone("ipmi", "confirmed")
	m.FenceDone("redfish", "failed")
	m.MigrationDone("completed", 80*time.Millisecond)
	m.MigrationDone("failed", 0)
	m.Recovered(4 * time.Second)
	return m, rc
}

// TestLint: every family vigil serves, Go and process collectors
// included, passes promlint.
func TestLint(t *testing.T) {
	m, _ := everything(t)
	problems, err := testutil.GatherAndLint(m.Gatherer())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("promlint: %s: %s", p.Metric, p.Text)
	}
	n, err := testutil.GatherAndCount(m.Gatherer())
	if err != nil || n < 50 {
		t.Errorf("gathered %d samples (%v), want the whole registry", n, err)
	}
}

const wantCluster = `
# HELP vigil_cluster_hosts The cluster's hosts by state.
# TYPE vigil_cluster_hosts gauge
vigil_cluster_hosts{state="degraded"} 0
vigil_cluster_hosts{state="fenced"} 1
vigil_cluster_hosts{state="fencing"} 0
vigil_cluster_hosts{state="healthy"} 3
vigil_cluster_hosts{state="left"} 0
vigil_cluster_hosts{state="maintenance"} 0
vigil_cluster_hosts{state="suspect"} 1
# HELP vigil_cluster_leader Whether this host is the cluster's raft leader (1).
# TYPE vigil_cluster_leader gauge
vigil_cluster_leader 1
# HELP vigil_cluster_quorum Whether this host hears from a quorum of the cluster (1).
# TYPE vigil_cluster_quorum gauge
vigil_cluster_quorum 1
# HELP vigil_lease_remaining_seconds Time left on this host's own lease, by its own clock (0: none).
# TYPE vigil_lease_remaining_seconds gauge
vigil_lease_remaining_seconds 7.5
# HELP vigil_vms The cluster's VMs by state.
# TYPE vigil_vms gauge
vigil_vms{state="held"} 0
vigil_vms{state="migrating"} 0
vigil_vms{state="recovering"} 2
vigil_vms{state="running"} 9
vigil_vms{state="starting"} 0
vigil_vms{state="stopped"} 0
vigil_vms{state="weird"} 1
# HELP vigil_fences_total Fences this host carried out, by driver (ipmi, redfish, watchdog) and result (confirmed, failed, ...).
# TYPE vigil_fences_total counter
vigil_fences_total{driver="ipmi",result="confirmed"} 2
vigil_fences_total{driver="redfish",result="failed"} 1
# HELP vigil_migrations_total Live migrations this host took part in as the source, by result (completed, failed, cancelled; undecided when where the VM runs could not be established).
# TYPE vigil_migrations_total counter
vigil_migrations_total{result="completed"} 1
vigil_migrations_total{result="failed"} 1
# HELP vigil_alert_dropped_total Events an alert sink lost: its queue was full (queue_full) or its send failed (send_failed).
# TYPE vigil_alert_dropped_total counter
vigil_alert_dropped_total{reason="queue_full",sink="journal"} 0
vigil_alert_dropped_total{reason="queue_full",sink="syslog"} 2
vigil_alert_dropped_total{reason="send_failed",sink="journal"} 0
vigil_alert_dropped_total{reason="send_failed",sink="syslog"} 1
# HELP vigil_alert_queue_length Events waiting in an alert sink's queue.
# TYPE vigil_alert_queue_length gauge
vigil_alert_queue_length{sink="journal"} 0
vigil_alert_queue_length{sink="syslog"} 3
# HELP vigil_alert_sink_events_total What happened inside an alert sink: syslog's reconnects, messages written again after a broken connection (resent), and those a break may have lost beyond its resend bound (unsure).
# TYPE vigil_alert_sink_events_total counter
vigil_alert_sink_events_total{event="reconnects",sink="syslog"} 1
vigil_alert_sink_events_total{event="resent",sink="syslog"} 5
vigil_alert_sink_events_total{event="unsure",sink="syslog"} 0
# HELP vigil_redfish_push_dropped_total Redfish pushes the receiver refused, by reason.
# TYPE vigil_redfish_push_dropped_total counter
vigil_redfish_push_dropped_total{reason="bad_secret"} 0
vigil_redfish_push_dropped_total{reason="malformed_body"} 0
vigil_redfish_push_dropped_total{reason="not_post"} 1
vigil_redfish_push_dropped_total{reason="too_large"} 0
vigil_redfish_push_dropped_total{reason="unknown_subscription"} 1
vigil_redfish_push_dropped_total{reason="wrong_context"} 0
`

// TestClusterAlertAndReceiverMetrics: the cluster's gauges from its
// source (every known state from zero), the pushed counters, the alert
// sinks' and the Redfish receiver's counters, read from a real Receiver
// that refused two pushes.
func TestClusterAlertAndReceiverMetrics(t *testing.T) {
	m, rc := everything(t)
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		rc.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(method, "/events/nosuch/secret", strings.NewReader("{}")))
	}
	names := []string{"vigil_cluster_hosts", "vigil_cluster_leader", "vigil_cluster_quorum", "vigil_lease_remaining_seconds", "vigil_vms",
		"vigil_fences_total", "vigil_migrations_total", "vigil_alert_dropped_total", "vigil_alert_queue_length", "vigil_alert_sink_events_total", "vigil_redfish_push_dropped_total"}
	if err := testutil.GatherAndCompare(m.Gatherer(), strings.NewReader(wantCluster), names...); err != nil {
		t.Error(err)
	}
	mfs, err := m.Gatherer().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		switch mf.GetName() {
		case "vigil_migration_downtime_seconds":
			if h := mf.GetMetric()[0].GetHistogram(); h.GetSampleCount() != 1 || h.GetSampleSum() != 0.08 {
				t.Errorf("downtime histogram: %d samples, sum %v; want the completed migration's 0.08 s only", h.GetSampleCount(), h.GetSampleSum())
			}
		case "vigil_recovery_seconds":
			if h := mf.GetMetric()[0].GetHistogram(); h.GetSampleCount() != 1 || h.GetSampleSum() != 4 {
				t.Errorf("recovery histogram: %d samples, sum %v", h.GetSampleCount(), h.GetSampleSum())
			}
		}
	}
}

// TestStandaloneHasNoClusterFamilies: without a cluster source the
// cluster's names are not served, and the pushed counters are no-ops.
func TestStandaloneHasNoClusterFamilies(t *testing.T) {
	m, err := metrics.New(metrics.Config{Host: metrics.HostFunc(host), NoRuntime: true})
	if err != nil {
		t.Fatal(err)
	}
	m.FenceDone("ipmi", "confirmed")
	m.MigrationDone("completed", time.Second)
	m.Recovered(time.Second)
	n, err := testutil.GatherAndCount(m.Gatherer(), "vigil_cluster_hosts", "vigil_fences_total", "vigil_migrations_total", "vigil_recovery_seconds")
	if err != nil || n != 0 {
		t.Errorf("standalone: %d cluster samples (%v), want none", n, err)
	}
}

// TestServer: Listen serves the registry at /metrics, Go and process
// collectors included, and Shutdown stops it.
func TestServer(t *testing.T) {
	m, _ := everything(t)
	s, err := metrics.Listen("127.0.0.1:0", m)
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve() }()
	resp, err := http.Get("http://" + s.Addr().String() + metrics.Path)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{"vigil_host_risk 2", "go_goroutines ", "process_resident_memory_bytes ", `vigil_fences_total{driver="ipmi",result="confirmed"} 2`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Errorf("/metrics: %s %q", resp.Status, resp.Header.Get("Content-Type"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve after Shutdown = %v, want nil", err)
	}
	if _, err := metrics.Listen("256.0.0.1:1", m); err == nil || !strings.Contains(err.Error(), "metrics.listen") {
		t.Errorf("Listen on a bad address = %v, want an error naming metrics.listen", err)
	}
}
