package agent

import (
	"context"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/sensors/health"
	"github.com/vigil-ha/vigil/store"
)

// Cluster is where the cluster layer (cluster/...: membership, raft state,
// leases, the planner) plugs into the agent. A standalone host has none:
// its agent senses, predicts and records events only.
//
// The agent owns the process, the store, the local API and the sensor loop;
// the cluster gets this host's health through PublishHealth and records its
// decisions through the Recorder that Run receives, so they reach the audit
// log first like every other event. Its VMs and hosts are the local API's
// Operations, which the agent serves through it.
type Cluster interface {
	// Run joins the cluster and acts on its decisions until ctx ends;
	// context.Canceled then is not an error.
	Run(ctx context.Context, env ClusterEnv) error
	// PublishHealth hands over this host's latest verdict. It must not
	// block: the sensor loop calls it every poll.
	PublishHealth(h HostHealth)
	// Status is the cluster's view for `vigil status`: the cluster's name,
	// leader and quorum, every host and VM. It must answer within ctx even
	// while the cluster has no quorum.
	Status(ctx context.Context) (localapi.Status, error)
	localapi.Operations
}

// ClusterEnv is what the agent hands the cluster when it runs it.
type ClusterEnv struct {
	// Recorder records the cluster's decisions.
	Recorder Recorder
	// Store is the agent's store, open for the cluster's intents, VM and
	// fence records.
	Store *AuditStore
}

// AuditStore is the agent's store as the cluster's VM runner and fencing
// write to it: every audit event they append also reaches the alert sinks
// and the followers of the event stream, as the agent's own do.
type AuditStore struct {
	*store.Store
	log *eventLog
}

// Append appends ev to the audit log and hands it on.
func (s *AuditStore) Append(ev store.Event) (uint64, error) {
	return s.log.appendStored(ev)
}

// AppendCopy appends a copy of an event another host's agent recorded (a
// leader's decision) to the audit log and hands it to the followers of
// the event stream, not to the alert sinks: that host's agent fed its
// own, so syslog, the journal and BMC logs get each decision once.
func (s *AuditStore) AppendCopy(ev store.Event) (uint64, error) {
	return s.log.appendCopy(ev)
}

// HostHealth is this host's health as its sensor loop last saw it.
type HostHealth struct {
	Host string
	Time time.Time
	// Risk is the worst risk of every source; Degraded is set when a
	// redundant part failed (replace it; the host takes no new VMs).
	Risk     health.Risk
	Degraded bool
	// Verdicts per source ("bmc", "kernel"); a source that did not answer
	// in the last poll keeps its previous verdict and is listed in Down.
	Verdicts map[string]health.Verdict
	Down     []string
}
