package sim

import (
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/cluster/lease"
	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/state"
)

// Cluster is the configuration of one simulated cluster.
type Cluster struct {
	Hosts  int
	Voters int
	// Per host (index 0 is h1): watchdog armed, BMC behaviour, clock rate.
	Watchdog []bool
	BMC      []BMC
	Rate     []float64
	// CatchUpMax bounds how long a rebooted host's replica takes to catch
	// up (drawn per boot from the host's generator).
	CatchUpMax time.Duration
	HostMemMiB int64
	HostVCPUs  int
	VMs        []state.VMSpec
	Groups     []state.GroupPolicy
	// HostFailures kept in reserve by admission control.
	HostFailures int
	Lease        lease.Config
	MassWindow   time.Duration
	// Planner tuning (the rest are the planner's defaults scaled down).
	// TieBreak, when positive, is a two-host cluster without a witness:
	// the hosts settle a lost link by a BMC fence race in which h1 is the
	// preferred host and h2 waits TieBreak before fencing
	// (planner.TieBreak).
	TieBreak       time.Duration
	StablePeriod   time.Duration
	HoldFor        time.Duration
	StartWindow    time.Duration
	HealthCooldown time.Duration
}

// BMC is how a host's BMC behaves.
type BMC struct {
	// OffDelay: the power goes off this long after the off command.
	OffDelay time.Duration
	// ReadLag: the BMC keeps reading "on" this long after the power went.
	ReadLag time.Duration
}

// DefaultLease is the simulation's lease timing: TTL 12 s, drift 0.5 s,
// round trip 1 s, renewal every second, watchdog 8 s. The watchdog must
// outlast a leader election (up to about 4 s here), or every host resets
// when the leader fails.
var DefaultLease = lease.Config{TTL: 12 * time.Second, MaxDrift: 500 * time.Millisecond, MaxRenewalRTT: time.Second, RenewInterval: time.Second, WatchdogTimeout: 8 * time.Second}

// TwoHostLease is the lease timing of a two-host cluster without a
// witness: the watchdog (16 s) outlasts the fence race (its delay, the
// fence and the read-back), so the host that wins is still up to lead.
var TwoHostLease = lease.Config{TTL: 24 * time.Second, MaxDrift: 500 * time.Millisecond, MaxRenewalRTT: time.Second, RenewInterval: time.Second, WatchdogTimeout: 16 * time.Second}

// NewCluster returns a cluster of n hosts (3 voters, or n if fewer) and m
// VMs with plain defaults: watchdogs armed, BMCs that answer at once,
// clocks exact.
func NewCluster(n, m int) Cluster {
	c := Cluster{Hosts: n, Voters: min(n, 3), CatchUpMax: 0, HostMemMiB: 16 << 10, HostVCPUs: 16,
		Lease: DefaultLease, MassWindow: 10 * time.Minute, HostFailures: 1,
		StablePeriod: 5 * time.Second, HoldFor: 20 * time.Second, StartWindow: 30 * time.Second, HealthCooldown: 20 * time.Second}
	for range n {
		c.Watchdog = append(c.Watchdog, true)
		c.BMC = append(c.BMC, BMC{})
		c.Rate = append(c.Rate, 1)
	}
	for i := range m {
		c.VMs = append(c.VMs, vmSpec(i+1, 2048, 2, 100, time.Minute, ""))
	}
	return c
}

func vmSpec(i int, mem int64, vcpus, prio int, rto time.Duration, group string) state.VMSpec {
	name := fmt.Sprintf("vm%d", i)
	return state.VMSpec{
		Name: name, VCPUs: vcpus, MemoryMiB: mem,
		Disks: []state.Disk{{Path: "/shared/" + name + ".qcow2", Format: "qcow2"}},
		NICs:  []state.NIC{{MAC: fmt.Sprintf("52:54:00:00:%02x:%02x", i>>8&0xff, i&0xff), Bridge: "vbr0", VLAN: 100}},
		HA:    state.HA{Priority: prio, RTO: rto, Group: group},
	}
}

func (c Cluster) validate() error {
	switch {
	case c.Hosts < 1 || c.Hosts > 64:
		return fmt.Errorf("sim: %d hosts, want 1..64", c.Hosts)
	case c.Voters < 1 || c.Voters > c.Hosts:
		return fmt.Errorf("sim: %d voters of %d hosts", c.Voters, c.Hosts)
	case len(c.Watchdog) != c.Hosts || len(c.BMC) != c.Hosts || len(c.Rate) != c.Hosts:
		return fmt.Errorf("sim: per-host settings for %d, %d, %d hosts, want %d", len(c.Watchdog), len(c.BMC), len(c.Rate), c.Hosts)
	}
	if c.TieBreak > 0 && (c.Hosts != 2 || c.Voters != 2) {
		return fmt.Errorf("sim: a fence race needs two hosts, both voters (have %d, %d voters)", c.Hosts, c.Voters)
	}
	return c.Lease.Validate()
}

func hostName(i int) string { return fmt.Sprintf("h%d", i+1) }

// bootstrap is the log the cluster starts from.
func (c Cluster) bootstrap() []state.Command {
	var cmds []state.Command
	for i := range c.Hosts {
		cmds = append(cmds, &state.RegisterHost{
			Name:          hostName(i),
			Addresses:     state.Addresses{Management: fmt.Sprintf("10.0.0.%d", i+1)},
			BootID:        bootID(i, 1),
			Capacity:      state.Capacity{MemoryMiB: c.HostMemMiB, VCPUs: c.HostVCPUs},
			BMC:           []state.BMCEndpoint{{Kind: "ipmi", Address: fmt.Sprintf("10.1.0.%d:623", i+1)}},
			WatchdogArmed: c.Watchdog[i],
		})
	}
	for _, g := range c.Groups {
		cmds = append(cmds, &state.SetGroupPolicy{Policy: g})
	}
	if c.HostFailures > 0 {
		cmds = append(cmds, &state.SetAdmission{Admission: state.Admission{HostFailures: c.HostFailures}})
	}
	for _, v := range c.VMs {
		cmds = append(cmds, &state.CreateVM{Spec: v, Desired: state.Running})
	}
	return cmds
}

func bootID(i, boot int) string { return fmt.Sprintf("h%d-boot%d", i+1, boot) }

func (c Cluster) plannerConfig(self string) planner.Config {
	return planner.Config{
		Self: self, Lease: c.Lease, SelfFenceMargin: time.Second, HeartbeatStale: heartbeatStale,
		MassFenceShare: 0.5, MassFenceWindow: c.MassWindow, FenceRetry: 500 * time.Millisecond,
		StablePeriod: c.StablePeriod, StartFailures: 3, StartWindow: c.StartWindow, HoldFor: c.HoldFor,
		HealthCooldown: c.HealthCooldown, MigrationBandwidthMiBps: 1000, EvacuationSafety: 2, MaxMigrations: 4, MigrateRetry: 5 * time.Second, MigrateTimeout: 15 * time.Second,
		// Fewer log entries to copy to every replica: the simulation
		// spends most of its time decoding them.
		LeaseRecordEvery: time.Minute,
	}
}
