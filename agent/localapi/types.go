package localapi

import (
	"encoding/json"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/sensors"
)

// Status is the answer of GET /v1/status: CLI.md's `vigil status --json`.
type Status struct {
	// Cluster is the cluster's name; null on a standalone host.
	Cluster *string `json:"cluster"`
	Host    string  `json:"host"`
	// Leader is the host that plans; null when there is none (standalone,
	// or no quorum).
	Leader *string `json:"leader"`
	Quorum bool    `json:"quorum"`
	// Mode is "standalone" or "cluster".
	Mode string `json:"mode"`
	// Starting is true until the daemon's first sensor poll finished.
	Starting bool         `json:"starting"`
	Hosts    []HostStatus `json:"hosts"`
	VMs      []VMStatus   `json:"vms"`
	// Version is the daemon's own version (`vigil version`); empty when
	// it was not told.
	Version string `json:"version,omitempty"`
	// Watchdog is this host's hardware watchdog as the daemon runs it.
	Watchdog *Watchdog `json:"watchdog,omitempty"`
	// Fences are the cluster's latest fence records from the replicated
	// state, oldest first (MaxStatusFences at most): every host has
	// them, while the fence's events are in the fencing leader's audit
	// log only. None on a standalone host.
	Fences []Fence `json:"fences,omitempty"`
}

// MaxStatusFences bounds Status.Fences.
const MaxStatusFences = 20

// Fence is one fence record of the cluster in Status.
type Fence struct {
	ID     uint64 `json:"id"`
	Target string `json:"target"`
	// By is the leader that fenced; Method "ipmi", "redfish" or
	// "lease-expiry" (the host's self-fence deadline passed).
	By       string    `json:"by"`
	Method   string    `json:"method"`
	Evidence string    `json:"evidence,omitempty"`
	Started  time.Time `json:"started"`
	// Confirmed: the power read back off, or the deadline passed.
	Confirmed    bool       `json:"confirmed"`
	ConfirmedAt  *time.Time `json:"confirmed_at,omitempty"`
	Confirmation string     `json:"confirmation,omitempty"`
}

// Watchdog is this host's hardware watchdog in Status.
type Watchdog struct {
	// Device is the watchdog device, or "none": the cluster then never
	// presumes this host fenced itself.
	Device         string  `json:"device"`
	TimeoutSeconds float64 `json:"timeout_seconds"`
	// Armed is true while the daemon holds the device open and feeds it:
	// never on a standalone host; in a cluster from the first timely lease
	// renewal on. Null when the daemon cannot tell.
	Armed *bool `json:"armed"`
}

// HostStatus is one host in Status.
type HostStatus struct {
	Name string `json:"name"`
	// State is one of DESIGN.md's: healthy, degraded, suspect, fencing,
	// fenced, maintenance, left.
	State string `json:"state"`
	// Risk is the host's worst component risk: none, low, high, imminent.
	Risk string `json:"risk"`
	// VMs counts the VMs placed on the host.
	VMs int `json:"vms"`
	// LastSeenMS is how long ago the host was last heard from; for the
	// local host, how long ago its sensors were last polled. Null when
	// never.
	LastSeenMS *int64 `json:"last_seen_ms"`
	// Components are the parts with a risk above none (the local host's
	// own view; peers may leave it out).
	Components []Component `json:"components,omitempty"`
	// Sources are the local host's sensor sources (its BMC, its kernel).
	Sources []Source `json:"sources,omitempty"`
}

// Component is one hardware part with its risk (CLI.md "health").
type Component struct {
	// Source is where the verdict came from: bmc or kernel.
	Source     string   `json:"source"`
	Name       string   `json:"name"`
	Risk       string   `json:"risk"`
	ETASeconds *float64 `json:"eta_seconds"`
	Reason     string   `json:"reason"`
	Replace    bool     `json:"replace,omitempty"`
}

// Source is one sensor source of the local host.
type Source struct {
	Name   string `json:"name"`   // bmc, kernel
	Target string `json:"target"` // the BMC's address, the host name
	Up     bool   `json:"up"`
	// LastPoll is when it last answered; null when never.
	LastPoll *time.Time `json:"last_poll"`
	Error    string     `json:"error,omitempty"`
	// Readings are the source's readings of its last poll that answered
	// (CLI.md "sensors read"), whose time is LastPoll.
	Readings []Reading `json:"readings,omitempty"`
}

// FromSensors is a poll's readings as the API shows them (nil for none).
func FromSensors(rs []sensors.Reading) []Reading {
	if len(rs) == 0 {
		return nil
	}
	out := make([]Reading, len(rs))
	for i, r := range rs {
		out[i] = Reading{Component: r.Component, Name: r.Name, Kind: string(r.Kind), Value: r.Value,
			Unit: string(r.Unit), Status: string(r.Status), States: r.States}
	}
	return out
}

// Reading is one sensor reading of a Source (CLI.md "sensors read").
type Reading struct {
	// Component is the hardware part the sensor watches (FAN1, PSU1,
	// DIMM_A1); Name is the sensor's own.
	Component string `json:"component"`
	Name      string `json:"name"`
	// Kind is temperature, fan, voltage, current, power, psu, memory,
	// processor, storage or other.
	Kind string `json:"kind"`
	// Value is null for discrete sensors and those without a reading.
	Value *float64 `json:"value"`
	Unit  string   `json:"unit"`
	// Status is ok, warning, critical or unknown.
	Status string `json:"status"`
	// States are a discrete sensor's asserted states.
	States []string `json:"states,omitempty"`
}

// VMStatus is one VM in Status.
type VMStatus struct {
	Name       string `json:"name"`
	Host       string `json:"host"`
	State      string `json:"state"`
	Generation uint64 `json:"generation"`
	Priority   int    `json:"priority"`
}

// Event is one audit log entry as GET /v1/events serves it (CLI.md
// "events"); with follow, one JSON object per line.
type Event struct {
	Seq     uint64    `json:"seq"`
	Time    time.Time `json:"time"`
	Kind    string    `json:"kind"`
	Host    string    `json:"host"`
	VM      string    `json:"vm"`
	Message string    `json:"message"`
	// Evidence is a JSON object: what the decision rested on.
	Evidence json.RawMessage `json:"evidence"`
}

// apiError is the body of every non-2xx answer.
type apiError struct {
	Error string `json:"error"`
}

// VM is one VM as `vigil vm list --json` shows it (CLI.md).
type VM struct {
	Name string `json:"name"`
	// Host is the host the cluster places it on; "" when none.
	Host string `json:"host"`
	// State is running, starting, migrating, stopped, recovering or held.
	State      string `json:"state"`
	Generation uint64 `json:"generation"`
	Priority   int    `json:"priority"`
	MemoryMiB  int64  `json:"memory_mib"`
	VCPUs      int    `json:"vcpus"`
}

// VMDetail is one VM as `vigil vm show --json` shows it: the list's
// fields, the state it should be in and its spec (the VM file).
type VMDetail struct {
	VM
	// Desired is running or stopped.
	Desired string `json:"desired"`
	// Reason says why the VM is in its state when the cluster knows one
	// (held after failed starts, waiting for a fence).
	Reason string       `json:"reason,omitempty"`
	Spec   state.VMSpec `json:"spec"`
}

// HostDetail is one host as `vigil host show --json` shows it.
type HostDetail struct {
	HostStatus
	// Reason is the note of the host's last state change.
	Reason        string              `json:"reason,omitempty"`
	BootID        string              `json:"boot_id"`
	Addresses     state.Addresses     `json:"addresses"`
	Capacity      state.Capacity      `json:"capacity"`
	BMC           []state.BMCEndpoint `json:"bmc"`
	WatchdogArmed bool                `json:"watchdog_armed"`
	// Lease is the host's lease in the replicated state (null: none).
	Lease *state.Lease `json:"lease"`
	// VMNames are the VMs the cluster places on it.
	VMNames []string `json:"vm_names"`
	// Voter: the host votes in raft (null when unknown here).
	Voter *bool `json:"voter"`
}

// migrateRequest is the body of POST /v1/vms/{name}/migrate.
type migrateRequest struct {
	To string `json:"to"`
}
