package clusterhost

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/fencing/fencingtest"
	"github.com/vigil-ha/vigil/metrics"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/store/storetest"
	"github.com/vigil-ha/vigil/vms"
	"github.com/vigil-ha/vigil/vms/vmstest"
)

func held(name string, until time.Time) state.VM {
	vm := vmOn(name, "", 2, state.Running)
	vm.Hold = &state.Hold{Reason: "start failed 3 times", Until: until}
	return vm
}

func vmOn(name, owner string, gen uint64, d state.Desired) state.VM {
	return state.VM{Spec: state.VMSpec{Name: name, VCPUs: 1, MemoryMiB: 64}, Owner: owner, Generation: gen, Desired: d}
}

// registry is a metrics registry whose cluster source is src.
func registry(t *testing.T, src metrics.ClusterFunc) *metrics.Metrics {
	t.Helper()
	m, err := metrics.New(metrics.Config{Host: metrics.HostFunc(func() metrics.HostState { return metrics.HostState{} }),
		Cluster: src, NoRuntime: true})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestClusterGauges: the leader of three hosts, one fenced, counts the
// cluster's VMs in the state `vigil status` gives them (its own from its
// executor, the others' from their reports, a host without a report by
// the desired state), with migrating and held where it knows; its lease
// and quorum are its own lease's. The registry built on it passes
// promlint.
func TestClusterGauges(t *testing.T) {
	now := time.Date(2026, 12, 2, 20, 0, 0, 0, time.UTC)
	v := clusterView{Self: "h1", Now: now, Leader: true, LeaseValid: true, LeaseUntil: now.Add(3500 * time.Millisecond),
		Hosts: []state.Host{{Name: "h1", State: state.Healthy}, {Name: "h2", State: state.Healthy}, {Name: "h3", State: state.Fenced}},
		VMs: []state.VM{
			vmOn("a", "h1", 3, state.Running),  // runs here
			vmOn("b", "h1", 4, state.Running),  // placed here, not running yet
			vmOn("c", "h2", 2, state.Running),  // h2 reports it
			vmOn("d", "h2", 5, state.Running),  // h2 reports an older generation
			vmOn("e", "", 6, state.Running),    // revoked from the fenced host
			vmOn("f", "", 1, state.Stopped),    // stopped
			vmOn("g", "h2", 1, state.Running),  // the leader ordered it moved
			held("h", now.Add(time.Minute)),    // held back
			held("k", now.Add(-time.Second)),   // a hold that ended
			vmOn("i", "h1", 7, state.Running),  // migrating away from here
			vmOn("j", "h3", 1, state.Stopped)}, // no report from h3
		LocalKnown: true, Local: []executor.Running{{VM: "a", Generation: 3}, {VM: "i", Generation: 7}},
		Remote:   map[string][]executor.Running{"h2": {{VM: "c", Generation: 2}, {VM: "d", Generation: 4}, {VM: "g", Generation: 1}}},
		Ordered:  map[string]bool{"g": true},
		Sourcing: map[string]bool{"i": true},
	}
	m := registry(t, func() metrics.ClusterState { return clusterState(v) })
	want := `
# HELP vigil_cluster_hosts The cluster's hosts by state.
# TYPE vigil_cluster_hosts gauge
vigil_cluster_hosts{state="degraded"} 0
vigil_cluster_hosts{state="fenced"} 1
vigil_cluster_hosts{state="fencing"} 0
vigil_cluster_hosts{state="healthy"} 2
vigil_cluster_hosts{state="left"} 0
vigil_cluster_hosts{state="maintenance"} 0
vigil_cluster_hosts{state="suspect"} 0
# HELP vigil_cluster_leader Whether this host is the cluster's raft leader (1).
# TYPE vigil_cluster_leader gauge
vigil_cluster_leader 1
# HELP vigil_cluster_quorum Whether this host hears from a quorum of the cluster (1).
# TYPE vigil_cluster_quorum gauge
vigil_cluster_quorum 1
# HELP vigil_lease_remaining_seconds Time left on this host's own lease, by its own clock (0: none).
# TYPE vigil_lease_remaining_seconds gauge
vigil_lease_remaining_seconds 3.5
# HELP vigil_vms The cluster's VMs by state.
# TYPE vigil_vms gauge
vigil_vms{state="held"} 1
vigil_vms{state="migrating"} 2
vigil_vms{state="recovering"} 2
vigil_vms{state="running"} 2
vigil_vms{state="starting"} 2
vigil_vms{state="stopped"} 2
`
	names := []string{"vigil_cluster_hosts", "vigil_cluster_leader", "vigil_cluster_quorum", "vigil_lease_remaining_seconds", "vigil_vms"}
	if err := testutil.GatherAndCompare(m.Gatherer(), strings.NewReader(want), names...); err != nil {
		t.Error(err)
	}
	problems, err := testutil.GatherAndLint(m.Gatherer())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("promlint: %s: %s", p.Metric, p.Text)
	}

	// A follower that lost its lease: no quorum, no lease left, and
	// without the leader's reports its peers' VMs go by their desired
	// state.
	v.Leader, v.LeaseValid, v.Remote, v.Ordered = false, false, nil, nil
	st := clusterState(v)
	if st.Leader || st.Quorum || st.Lease != 0 {
		t.Errorf("follower without a lease: leader %v quorum %v lease %v, want none", st.Leader, st.Quorum, st.Lease)
	}
	if st.VMs["running"] != 4 || st.VMs["recovering"] != 2 || st.VMs["held"] != 1 {
		t.Errorf("follower's VMs = %v, want c, d, g and a running, e and k recovering, h held", st.VMs)
	}
}

// view is a replica for the meter's logic.
type view struct {
	vms    map[string]state.VM
	fences []state.FenceRecord
}

func (v view) VM(name string) (state.VM, bool) { vm, ok := v.vms[name]; return vm, ok }
func (v view) Fences() []state.FenceRecord     { return v.fences }
func (v view) VMsOn(host string) []state.VM {
	var out []state.VM
	for _, vm := range v.vms {
		if vm.Owner == host {
			out = append(out, vm)
		}
	}
	return out
}

func histogram(t *testing.T, m *metrics.Metrics, name string) (uint64, float64) {
	t.Helper()
	mfs, err := m.Gatherer().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name {
			h := mf.GetMetric()[0].GetHistogram()
			return h.GetSampleCount(), h.GetSampleSum()
		}
	}
	t.Fatalf("no family %s", name)
	return 0, 0
}

func newMeter(t *testing.T) (*meter, *metrics.Metrics) {
	m := registry(t, func() metrics.ClusterState { return metrics.ClusterState{} })
	var mt meter
	mt.init()
	var o metrics.Observer = m
	mt.obs.Store(&o)
	return &mt, m
}

// TestRecoveryTimed: a dead host's recovery is observed once, when the
// last of its running VMs runs on another host under a newer generation
// (a VM stopped meanwhile no longer counts), measured from the dead event.
func TestRecoveryTimed(t *testing.T) {
	mt, m := newMeter(t)
	t0 := time.Date(2026, 12, 2, 20, 0, 0, 0, time.UTC)
	v := view{vms: map[string]state.VM{
		"a": vmOn("a", "h3", 2, state.Running), "b": vmOn("b", "h3", 5, state.Running),
		"c": vmOn("c", "h3", 1, state.Running), "x": vmOn("x", "h1", 1, state.Running)}}
	mt.note(agent.Event{Time: t0, Kind: "dead", Host: "h3"}, "h1", v)
	running := map[string][]executor.Running{"h1": {{VM: "x", Generation: 1}}}
	if got := mt.recovered(t0.Add(time.Second), v, running); len(got) != 0 {
		t.Fatalf("nothing moved yet, recovered %v", got)
	}
	// a placed on h1 and running; b placed on h2, not reported yet.
	v.vms["a"], v.vms["b"] = vmOn("a", "h1", 3, state.Running), vmOn("b", "h2", 6, state.Running)
	running["h1"] = append(running["h1"], executor.Running{VM: "a", Generation: 3})
	running["h2"] = []executor.Running{{VM: "b", Generation: 5}} // the old generation is not the new copy
	if got := mt.recovered(t0.Add(2*time.Second), v, running); len(got) != 0 {
		t.Fatalf("b not running elsewhere yet, recovered %v", got)
	}
	running["h2"] = []executor.Running{{VM: "b", Generation: 6}}
	v.vms["c"] = vmOn("c", "", 2, state.Stopped) // a person stopped it
	got := mt.recovered(t0.Add(4500*time.Millisecond), v, running)
	if len(got) != 1 || got[0] != 4500*time.Millisecond {
		t.Fatalf("recovered %v, want one recovery of 4.5s", got)
	}
	for _, d := range got {
		mt.observe(func(o metrics.Observer) { o.Recovered(d) })
	}
	if n, sum := histogram(t, m, "vigil_recovery_seconds"); n != 1 || sum != 4.5 {
		t.Errorf("vigil_recovery_seconds: %d samples, sum %v; want one of 4.5", n, sum)
	}
	if got := mt.recovered(t0.Add(5*time.Second), v, running); len(got) != 0 {
		t.Errorf("a recovery observed twice: %v", got)
	}
	// A host without running VMs has nothing to recover; a new
	// leadership forgets what the last one followed.
	mt.note(agent.Event{Time: t0, Kind: "dead", Host: "h9"}, "h1", v)
	mt.note(agent.Event{Time: t0, Kind: "dead", Host: "h1"}, "h1", v)
	mt.note(agent.Event{Time: t0, Kind: "leader", Host: "h1"}, "h1", v)
	if len(mt.recovering) != 0 {
		t.Errorf("after a new leadership %d recoveries followed, want none", len(mt.recovering))
	}
}

// TestFenceCounts: every fence the fence manager writes down is counted
// by the driver that last tried and its result; a lease-expiry fence this
// leader confirmed counts once as the watchdog's.
func TestFenceCounts(t *testing.T) {
	mt, m := newMeter(t)
	st := storetest.Open(t, store.Options{NoSync: true})
	hosts := 4
	fm, err := fencing.NewManager(fencing.Config{Self: "h1", ClusterSize: func() int { return hosts }, Store: meteredFences{st, mt},
		Revoker: fencing.Standalone, MaxShare: 1, Sleep: func(context.Context, time.Duration) error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ok := &fencingtest.Fake{Name: "10.0.1.2:623", DriverName: "ipmi"}
	ok.SetPower(true)
	if _, err := fm.Fence(ctx, fencing.HostLevels{Host: "h2", Levels: []fencing.Level{ok.Level("ipmi", time.Second, 0)}}, fencing.ActionOff, "test"); err != nil {
		t.Fatal(err)
	}
	bad := &fencingtest.Fake{Name: "https://10.0.1.3", DriverName: "redfish", SetErr: func(fencing.Action) error { return errors.New("BMC says no") }}
	bad.SetPower(true)
	if _, err := fm.Fence(ctx, fencing.HostLevels{Host: "h3", Levels: []fencing.Level{bad.Level("redfish", time.Second, 0)}}, fencing.ActionOff, "test"); err == nil {
		t.Fatal("a refused power off was confirmed")
	}
	// Powering a host on is no fence.
	if _, err := fm.Fence(ctx, fencing.HostLevels{Host: "h2", Levels: []fencing.Level{ok.Level("ipmi", time.Second, 0)}}, fencing.ActionOn, "test"); err != nil {
		t.Fatal(err)
	}
	v := view{fences: []state.FenceRecord{
		{ID: 7, Target: "h4", By: "h1", Method: "lease-expiry", Confirmed: true},
		{ID: 5, Target: "h4", By: "h1", Method: "ipmi"},
		{ID: 9, Target: "h4", By: "h2", Method: "lease-expiry", Confirmed: true}}}
	mt.note(agent.Event{Kind: "fence-confirmed", Host: "h4"}, "h1", v)
	mt.note(agent.Event{Kind: "fence-confirmed", Host: "h4"}, "h1", v)
	want := `
# HELP vigil_fences_total Fences this host carried out, by driver (ipmi, redfish, watchdog) and result (confirmed, failed, ...).
# TYPE vigil_fences_total counter
vigil_fences_total{driver="ipmi",result="confirmed"} 1
vigil_fences_total{driver="redfish",result="failed"} 1
vigil_fences_total{driver="watchdog",result="confirmed"} 1
`
	if err := testutil.GatherAndCompare(m.Gatherer(), strings.NewReader(want), "vigil_fences_total"); err != nil {
		t.Error(err)
	}
}

// TestMigrationCounts: a migration away from this host shows the VM
// migrating while it runs, then counts its result and, when completed,
// its downtime.
func TestMigrationCounts(t *testing.T) {
	mt, m := newMeter(t)
	c := vmstest.NewCluster()
	src, _ := c.Host("h1"), c.Host("h2")
	ctx := context.Background()
	vm := vms.VM{Generation: 1, Spec: qmp.Spec{Name: "a", VCPUs: 1, MemoryMiB: 64}}
	if _, err := src.Start(ctx, vm); err != nil {
		t.Fatal(err)
	}
	inFlight := false
	src.Fail = func(op, id string) error {
		if op == "migrate" {
			mt.mu.Lock()
			inFlight = mt.sourcing[id]
			mt.mu.Unlock()
		}
		return nil
	}
	r := meteredRunner{src, mt}
	if _, err := r.Migrate(ctx, "a", "h2", 2); err != nil {
		t.Fatal(err)
	}
	if !inFlight {
		t.Error("the VM was not shown migrating while it migrated")
	}
	if _, err := r.Migrate(ctx, "a", "h2", 3); err == nil {
		t.Fatal("migrating a VM that left succeeded")
	}
	if len(mt.sourcing) != 0 {
		t.Errorf("still migrating after the migrations: %v", mt.sourcing)
	}
	want := `
# HELP vigil_migrations_total Live migrations this host took part in as the source, by result (completed, failed, cancelled; undecided when where the VM runs could not be established).
# TYPE vigil_migrations_total counter
vigil_migrations_total{result="completed"} 1
vigil_migrations_total{result="failed"} 1
`
	if err := testutil.GatherAndCompare(m.Gatherer(), strings.NewReader(want), "vigil_migrations_total"); err != nil {
		t.Error(err)
	}
	if n, _ := histogram(t, m, "vigil_migration_downtime_seconds"); n != 1 {
		t.Errorf("downtime observed %d times, want once (the completed migration)", n)
	}
}
