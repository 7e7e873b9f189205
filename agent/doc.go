// Package agent is the daemon every hypervisor host runs (`vigil agent`):
// it wires sensors, health, the store and the local API into one process,
// and is where the cluster layer plugs in. cmd/vigil keeps only flags,
// signals and output.
//
// Run opens the local API's socket first (a second daemon is refused
// there), then the store in state_dir, then the sensor sources: this host's
// BMC over IPMI or Redfish, with its log cursors restored from the store so
// each SEL record or log entry is reported once across restarts, and the
// host kernel (sensors/host). The main loop polls them every
// sensors.interval, one round at a time, feeds each poll to its
// sensors/health predictor (samples and cursors in one store transaction)
// and turns every change into an Event: a component's risk raised, changed
// or cleared, the BMC unreachable or back, the agent started or stopped.
// Every event goes to the store's audit log first (Recorder), then to the
// alert sinks through alert.Fanout (each its own bounded queue, so a sink
// never stalls the loop: the BMC's own log, the journal when the agent
// runs under systemd, syslog: when configured), then to the followers of
// the local API's event stream.
//
// Metrics: with metrics.listen set, /metrics is served (package metrics)
// from the main loop's last round (HostMetrics), never by polling; a
// Cluster that implements metrics.ClusterSource fills the cluster's
// gauges, and one with ObserveMetrics gets the counters of fences,
// migrations and recoveries.
//
// A Redfish BMC's own events come in between polls: pushed over HTTPS to
// bmc.events_listen, through sensors/redfish's Receiver (a random secret
// per subscription, a self-signed certificate), or, without a listener or
// when the BMC refuses push subscriptions, from its SSE stream. Each is
// recorded (bmc-event) and the BMC polled at once, twice for a warning or
// critical event (the predictor counts a worse reading only when two polls
// in a row show it), so a failure shows within a second, not at the next
// poll. On start the subscriptions an earlier run left (Context "vigil
// HOST ...") are deleted; the BMC is asked every Options.EventsCheck
// whether it still has the agent's subscription, which is made again when
// it was dropped, and removed at shutdown.
//
// systemd: READY=1 once the loop starts, a STATUS= line after every round,
// STOPPING=1 on the way out; WATCHDOG=1 is sent by the main loop only, and
// only while sensor rounds keep completing (Notifier, Systemd).
//
// Standalone and cluster: without cluster: in the config the agent senses,
// predicts and records events only, and `vigil status` shows this host
// alone. The cluster layer plugs in through Cluster (it receives the host's
// health, a Recorder and the store, answers the status and serves the
// cluster's VMs and hosts to the local API); a config with cluster: and no
// Cluster is refused (ErrClusterUnavailable). What the cluster's VM runner
// and fencing append to the store reaches the sinks and followers too
// (AuditStore).
//
// Events in the store: the subject is the host, or the VM for VM events
// (the host then in the evidence); the evidence is a JSON object.
package agent
