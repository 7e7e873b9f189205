package state

import (
	"slices"
	"time"
)

// HostState is a host's state as the cluster sees it (DESIGN.md).
type HostState string

// Host states. New hosts start Healthy. Transitions are checked by
// SetHostState (see [allowedTransitions]); Fenced is reached only through a
// fence confirmation.
const (
	Healthy     HostState = "healthy"
	Degraded    HostState = "degraded"
	Suspect     HostState = "suspect"
	Fencing     HostState = "fencing"
	Fenced      HostState = "fenced"
	Maintenance HostState = "maintenance"
	Left        HostState = "left"
)

// Desired is the state a VM should be in.
type Desired string

// Desired states of a VM.
const (
	Running Desired = "running"
	Stopped Desired = "stopped"
)

// Affinity says how a group's VMs are spread over hosts.
type Affinity string

// Affinity rules, among the VMs of one group.
const (
	NoAffinity Affinity = ""
	// Together: the group's VMs run on one host (affinity).
	Together Affinity = "affinity"
	// Apart: no two of the group's VMs run on one host (anti-affinity).
	Apart Affinity = "anti-affinity"
)

// Host is one hypervisor host (or a VM-less witness) of the cluster.
type Host struct {
	Name      string    `json:"name"`
	Addresses Addresses `json:"addresses"`
	// BootID changes on every boot; a fenced host is readmitted only with a
	// boot id other than FencedBootID.
	BootID string    `json:"boot_id"`
	State  HostState `json:"state"`
	// Reason is the proposer's note on the last state change.
	Reason   string   `json:"reason,omitempty"`
	Capacity Capacity `json:"capacity"`
	// BMC endpoints, for peers to fence this host. Credentials stay in
	// each host's local files and are refused here.
	BMC []BMCEndpoint `json:"bmc,omitempty"`
	// WatchdogArmed: the host feeds a hardware (or soft) watchdog, so after
	// its self-fence deadline it can be assumed off. Without it the cluster
	// never assumes the host fenced itself.
	WatchdogArmed bool `json:"watchdog_armed"`
	// FencedBootID is the boot id the host had when it was fenced.
	FencedBootID string `json:"fenced_boot_id,omitempty"`
}

// Addresses of a host: IP addresses, without ports.
type Addresses struct {
	Management string `json:"management"`
	Migration  string `json:"migration,omitempty"`
}

// Capacity a host offers to VMs. Zero for a witness.
type Capacity struct {
	MemoryMiB int64 `json:"memory_mib"`
	VCPUs     int   `json:"vcpus"`
}

// BMCEndpoint is where a host's BMC answers: Kind "ipmi" with Address
// HOST[:PORT], or Kind "redfish" with Address https://HOST[:PORT] and an
// optional System path.
type BMCEndpoint struct {
	Kind    string `json:"kind"`
	Address string `json:"address"`
	System  string `json:"system,omitempty"`
}

// VM is one VM as the cluster sees it: its spec, what it should be doing, and
// who owns it under which generation.
type VM struct {
	Spec    VMSpec  `json:"spec"`
	Desired Desired `json:"desired"`
	// Owner is the host allowed to run the VM, "" when nobody is.
	Owner string `json:"owner,omitempty"`
	// Generation rises by one with every placement (revocations included)
	// and never falls; it is the fencing token of the VM's current owner.
	Generation uint64 `json:"generation"`
	// Hold, when set, says why the unplaced VM is not placed again before
	// its Until (HoldVM); placing it lifts the hold.
	Hold *Hold `json:"hold,omitempty"`
}

// Hold is a leader's hold on a VM that failed to start too often.
type Hold struct {
	Reason string `json:"reason"`
	// Host is where its starts failed.
	Host  string    `json:"host,omitempty"`
	Since time.Time `json:"since"`
	Until time.Time `json:"until"`
}

// VMSpec is the VM file of CLI.md (`vigil vm create -f FILE`).
type VMSpec struct {
	Name      string   `json:"name"`
	VCPUs     int      `json:"vcpus"`
	MemoryMiB int64    `json:"memory_mib"`
	Disks     []Disk   `json:"disks,omitempty"`
	NICs      []NIC    `json:"nics,omitempty"`
	HA        HA       `json:"ha"`
	Extra     []string `json:"extra,omitempty"`
}

// Disk on storage every host sees.
type Disk struct {
	Path   string `json:"path"`
	Format string `json:"format"`
}

// NIC of a VM: a MAC on a bridge, in a VLAN or a VXLAN VNI (not both).
type NIC struct {
	MAC    string `json:"mac"`
	Bridge string `json:"bridge"`
	VLAN   int    `json:"vlan,omitempty"`
	VNI    int    `json:"vni,omitempty"`
}

// HA settings of a VM.
type HA struct {
	// Priority: higher is placed first.
	Priority int `json:"priority"`
	// RTO is the recovery time budget.
	RTO time.Duration `json:"rto"`
	// Group names the policy the VM follows; "" for none.
	Group    string `json:"group,omitempty"`
	Postcopy bool   `json:"postcopy,omitempty"`
}

// GroupPolicy is what placement must honour for the VMs of one group.
type GroupPolicy struct {
	Name string `json:"name"`
	// Routes are the allowed source → destination host pairs for moving a
	// VM of the group; "*" stands for any host. None: any move is allowed.
	Routes   []Route  `json:"routes,omitempty"`
	Affinity Affinity `json:"affinity,omitempty"`
}

// Route is one allowed source → destination pair.
type Route struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Admission is cluster-wide admission control.
type Admission struct {
	// HostFailures is how many host failures the cluster keeps room for:
	// a create or placement that would leave less is refused by the planner.
	HostFailures int `json:"host_failures"`
}

// FenceRecord says who fenced whom, when, how, on what evidence, and
// whether the fence was confirmed.
type FenceRecord struct {
	// ID is the log index of the command that opened the record.
	ID     uint64 `json:"id"`
	Target string `json:"target"`
	// TargetBootID is the boot id the target had when it was fenced.
	TargetBootID string `json:"target_boot_id,omitempty"`
	// By is the host (the leader) that fenced.
	By string `json:"by"`
	// Method: "ipmi", "redfish" or "lease-expiry" (the self-fence deadline
	// passed on a host whose watchdog was armed).
	Method   string    `json:"method"`
	Evidence string    `json:"evidence,omitempty"`
	Started  time.Time `json:"started"`
	// Confirmed: the power state read back off, or the deadline passed.
	Confirmed    bool      `json:"confirmed"`
	ConfirmedAt  time.Time `json:"confirmed_at,omitzero"`
	Confirmation string    `json:"confirmation,omitempty"`
}

// Lease is a host's right to run VMs. Epoch rises with every grant;
// Expiry is set by the proposer (the FSM never reads a clock) and only ever
// moves later within an epoch.
type Lease struct {
	Holder  string    `json:"holder"`
	Epoch   uint64    `json:"epoch"`
	Expiry  time.Time `json:"expiry"`
	Revoked bool      `json:"revoked,omitempty"`
}

func (h Host) clone() Host {
	h.BMC = slices.Clone(h.BMC)
	return h
}

func (v VM) clone() VM {
	v.Spec = v.Spec.clone()
	if v.Hold != nil {
		h := *v.Hold
		v.Hold = &h
	}
	return v
}

func (s VMSpec) clone() VMSpec {
	s.Disks = slices.Clone(s.Disks)
	s.NICs = slices.Clone(s.NICs)
	s.Extra = slices.Clone(s.Extra)
	return s
}

func (p GroupPolicy) clone() GroupPolicy {
	p.Routes = slices.Clone(p.Routes)
	return p
}
