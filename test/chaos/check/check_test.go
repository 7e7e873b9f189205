package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/store"
	bolt "go.etcd.io/bbolt"
)

// Hand-made histories. Times are seconds after t0.

var t0 = time.Date(2026, 12, 2, 21, 0, 0, 0, time.UTC)

func at(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }

// run is a guest running on host from second from to second to (beating
// once a second, read 0.1 s later), its seq starting at seq.
type run struct {
	vm, host, boot string
	from, to       float64
	seq            uint64
}

func (r run) file() string { return "/lab/" + r.host + "/vms/" + r.vm + "/serial.log" }

// beats lays the runs' heartbeats out in reading order.
func beats(runs ...run) []Beat {
	var out []Beat
	for _, r := range runs {
		seq := r.seq
		for s := r.from; s <= r.to+1e-9; s++ {
			out = append(out, Beat{At: at(s + 0.1), Host: r.host, File: r.file(), VM: r.vm, Boot: r.boot, Seq: seq})
			seq++
		}
	}
	slices.SortStableFunc(out, func(a, b Beat) int { return a.At.Compare(b.At) })
	for i := range out {
		out[i].Ord = uint64(i + 1)
	}
	return out
}

func hosts(n int) []Host {
	var out []Host
	for i := 1; i <= n; i++ {
		out = append(out, Host{Name: fmt.Sprintf("h%d", i)})
	}
	return out
}

func history(n int, runs ...run) *History {
	h := &History{Start: at(0), End: at(60), Hosts: hosts(n), Heartbeats: beats(runs...),
		MassFence: MassFence{Share: 0.5, Window: 20 * time.Second}}
	seen := map[string]bool{}
	for _, r := range runs {
		if !seen[r.vm] {
			seen[r.vm] = true
			h.VMs = append(h.VMs, VM{Name: r.vm, RTO: 10 * time.Second})
		}
	}
	return h
}

func event(from string, s float64, kind, vm, msg string, evidence map[string]any) Event {
	raw, _ := json.Marshal(evidence)
	host := from
	if kind == "placed" || kind == "revoke" || kind == "migrated" || kind == "fence" {
		host = ""
	}
	return Event{From: from, Event: localapi.Event{Time: at(s), Kind: kind, Host: host, VM: vm, Message: msg, Evidence: raw}}
}

func numbered(evs ...Event) []Event {
	for i := range evs {
		evs[i].Seq = uint64(i + 1)
	}
	return evs
}

func checks(vs []Violation) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.String())
	}
	return out
}

func TestNeverTwice(t *testing.T) {
	for _, c := range []struct {
		name  string
		runs  []run
		want  int
		hosts []string
	}{
		{"failover after the old copy stopped", []run{
			{"vm1", "h1", "b1", 0, 10, 0}, {"vm1", "h2", "b2", 15, 30, 0}}, 0, nil},
		{"live migration hands the boot over", []run{
			{"vm1", "h1", "b1", 0, 10, 0}, {"vm1", "h2", "b1", 11, 30, 11}}, 0, nil},
		{"reboot in place", []run{
			{"vm1", "h1", "b1", 0, 10, 0}, {"vm1", "h1", "b2", 11, 30, 0}}, 0, nil},
		{"two VMs side by side", []run{
			{"vm1", "h1", "b1", 0, 30, 0}, {"vm2", "h2", "b2", 0, 30, 0}}, 0, nil},
		{"restarted elsewhere while the old copy runs", []run{
			{"vm1", "h1", "b1", 0, 20, 0}, {"vm1", "h2", "b2", 15, 30, 0}}, 1, []string{"h1", "h2"}},
		{"migration source keeps running", []run{
			{"vm1", "h1", "b1", 0, 20, 0}, {"vm1", "h2", "b1", 11, 30, 11}}, 1, []string{"h1", "h2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := CheckNeverTwice(history(3, c.runs...))
			if len(got) != c.want {
				t.Fatalf("CheckNeverTwice = %d violations %q, want %d", len(got), checks(got), c.want)
			}
			for _, v := range got {
				if v.VM != "vm1" || !slices.Equal(v.Hosts, c.hosts) || v.At.IsZero() || len(v.Evidence) != 2 {
					t.Errorf("violation %+v: want vm1 on %v with a time and both streams as evidence", v, c.hosts)
				}
			}
		})
	}
}

func TestRTO(t *testing.T) {
	type want struct {
		violations int
		recovered  []time.Duration // recovery times measured
		clock      float64         // the first outage's clock start (0: not checked)
	}
	failover := []run{{"vm1", "h1", "b1", 0, 10, 0}, {"vm1", "h2", "b2", 25, 59, 0}}
	for _, c := range []struct {
		name   string
		runs   []run
		faults []Fault
		power  []PowerRecord
		end    float64
		want   want
	}{
		{"no outage", []run{{"vm1", "h1", "b1", 0, 59, 0}}, nil, nil, 60, want{0, nil, 0}},
		{"a silence within one stream is no outage", []run{{"vm1", "h1", "b1", 0, 10, 0}, {"vm1", "h1", "b1", 30, 59, 30}}, nil, nil, 60, want{0, nil, 0}},
		{"agent killed on the VM's host: the failure, clock at the outage", failover,
			[]Fault{{Kind: FaultAgentKill, Target: "h1", Start: at(10.5), End: at(40)}}, nil, 60,
			want{1, []time.Duration{15 * time.Second}, 10.1}},
		{"power cut: no fence path until the power is back", failover,
			[]Fault{{Kind: FaultPowerCut, Target: "h1", Start: at(10.5), End: at(20)}}, nil, 60,
			want{0, []time.Duration{5100 * time.Millisecond}, 20}},
		{"a partition elsewhere blocks until healed", failover,
			[]Fault{{Kind: FaultIsolate, Target: "h1", Start: at(10.5), End: at(50)}, {Kind: FaultPartition, Target: "h2", Peer: "h3", Start: at(11), End: at(18)}}, nil, 60,
			want{0, []time.Duration{7100 * time.Millisecond}, 18}},
		{"cut off from a peer, as the partition's peer: the failure", failover,
			[]Fault{{Kind: FaultPartitionOneWay, Target: "h3", Peer: "h1", Start: at(10.5), End: at(50)}}, nil, 60,
			want{1, []time.Duration{15 * time.Second}, 10.1}},
		{"a fault after the deadline excuses nothing", []run{{"vm1", "h1", "b1", 0, 10, 0}, {"vm1", "h2", "b2", 40, 59, 0}},
			[]Fault{{Kind: FaultAgentKill, Target: "h1", Start: at(10.5), End: at(59)}, {Kind: FaultBMCDown, Target: "h3", Start: at(30), End: at(35)}}, nil, 60,
			want{1, []time.Duration{30 * time.Second}, 10.1}},
		{"never back", []run{{"vm1", "h1", "b1", 0, 10, 0}},
			[]Fault{{Kind: FaultAgentKill, Target: "h1", Start: at(10.5), End: at(20)}}, nil, 60,
			want{1, nil, 10.1}},
		{"history ends before the deadline: not judged", []run{{"vm1", "h1", "b1", 0, 10, 0}},
			[]Fault{{Kind: FaultAgentKill, Target: "h1", Start: at(10.5), End: at(12)}}, nil, 15,
			want{0, nil, 0}},
		{"a fault never healed: not judged", []run{{"vm1", "h1", "b1", 0, 10, 0}},
			[]Fault{{Kind: FaultPowerCut, Target: "h1", Start: at(10.5)}}, nil, 60,
			want{0, nil, 0}},
		{"no quorum while most hosts are off", failover,
			[]Fault{{Kind: FaultAgentKill, Target: "h1", Start: at(10.5), End: at(59)}},
			[]PowerRecord{{At: at(10.3), Host: "h1", Action: PowerOff}, {At: at(10.4), Host: "h3", Action: PowerOff}, {At: at(17), Host: "h3", Action: PowerOn}}, 60,
			want{0, []time.Duration{8100 * time.Millisecond}, 17}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := history(3, c.runs...)
			h.Faults, h.Power, h.End = c.faults, c.power, at(c.end)
			got, rec := CheckRTO(h)
			if len(got) != c.want.violations {
				t.Errorf("CheckRTO = %d violations %q, want %d", len(got), checks(got), c.want.violations)
			}
			for _, v := range got {
				if v.VM != "vm1" || len(v.Hosts) == 0 || v.At.IsZero() || !strings.Contains(v.Message, "RTO 10s") {
					t.Errorf("violation %+v: want vm1, its hosts, deadline and budget", v)
				}
			}
			if !slices.Equal(rec, c.want.recovered) {
				t.Errorf("recoveries = %v, want %v", rec, c.want.recovered)
			}
			if c.want.clock != 0 {
				outs := Outages(h)
				if len(outs) == 0 || !outs[0].Clock.Equal(at(c.want.clock)) {
					t.Errorf("outages = %+v, want the first clock at %s", outs, stamp(at(c.want.clock)))
				}
			}
		})
	}
}

func TestRTOCapacity(t *testing.T) {
	// vm1 (priority 1, 512 MiB) lost h1; h2 alone (1024 MiB) holds vm2
	// (priority 2, 768 MiB) and cannot hold both until h3 is back.
	h := history(3, run{"vm1", "h1", "b1", 0, 10, 0}, run{"vm2", "h2", "b2", 0, 59, 0}, run{"vm1", "h3", "b3", 30, 59, 0})
	for i := range h.Hosts {
		h.Hosts[i].MemoryMiB, h.Hosts[i].VCPUs = 1024, 4
	}
	h.VMs[0].Priority, h.VMs[0].MemoryMiB, h.VMs[0].VCPUs = 1, 512, 1
	h.VMs[1].Priority, h.VMs[1].MemoryMiB, h.VMs[1].VCPUs = 2, 768, 1
	h.Power = []PowerRecord{{At: at(10.3), Host: "h1", Action: PowerOff}, {At: at(10.4), Host: "h3", Action: PowerOff}, {At: at(25), Host: "h3", Action: PowerOn}}
	// Quorum needs 2 of 3: h2 alone lacks it too; both come back with h3.
	got, rec := CheckRTO(h)
	if len(got) != 0 || !slices.Equal(rec, []time.Duration{5100 * time.Millisecond}) {
		t.Errorf("CheckRTO = %q, %v; want none, [5.1s]", checks(got), rec)
	}
	// Two small hosts more: h2, h4 and h5 make a quorum, not the room.
	h.Hosts = append(h.Hosts, Host{Name: "h4", MemoryMiB: 64, VCPUs: 4}, Host{Name: "h5", MemoryMiB: 64, VCPUs: 4})
	outs := Outages(h)
	if len(outs) != 1 || !outs[0].Clock.Equal(at(25)) || !strings.Contains(strings.Join(outs[0].Blocked, ";"), "no capacity") {
		t.Errorf("Outages = %+v, want the clock at 25 s for lack of capacity", outs)
	}
}

func TestNeverStarted(t *testing.T) {
	h := history(3, run{"vm1", "h1", "b1", 0, 59, 0})
	h.VMs = append(h.VMs, VM{Name: "vm2", RTO: 10 * time.Second, Created: at(5)}, VM{Name: "vm3", RTO: 10 * time.Second, Stopped: true})
	got, _ := CheckRTO(h)
	if len(got) != 1 || got[0].VM != "vm2" || !strings.Contains(got[0].Message, "before its first start") {
		t.Errorf("CheckRTO = %q, want vm2 never started", checks(got))
	}
}

func TestMassFencing(t *testing.T) {
	lead := map[string]any{"leader": "h1"}
	// fence is attempt n of fence id of host; confirmed its confirmation.
	fence := func(s float64, host string, id, n int) Event {
		e := event("h1", s, "fence", "", fmt.Sprintf("power off through ipmi (fence %d, attempt %d)", id, n), lead)
		e.Host = host
		return e
	}
	confirmed := func(s float64, host string, id int) Event {
		e := event("h1", s, "fence-confirmed", "", fmt.Sprintf("fence %d: power read back off", id), lead)
		e.Host = host
		return e
	}
	// fenced is the fencing package's own record of a power off done.
	fenced := func(s float64, host string) Event {
		e := event("h1", s, "fence", "", "power off of "+host+" confirmed (reads off) after 1 attempt(s) via ipmi", map[string]any{"text": "by=h1"})
		e.Host = host
		return e
	}
	for _, c := range []struct {
		name   string
		events []Event
		power  []PowerRecord
		faults []Fault
		want   []string // hosts of the violation
	}{
		{"two of five within the window", []Event{fence(0, "h2", 1, 1), confirmed(3, "h2", 1), fence(5, "h3", 2, 1), confirmed(8, "h3", 2), fence(30, "h4", 3, 1)}, nil, nil, nil},
		{"retries of one fence", []Event{fence(0, "h2", 1, 1), fence(2, "h2", 1, 2), fence(4, "h2", 1, 3), fence(6, "h3", 2, 1)}, nil, nil, nil},
		{"a confirmation is no new fence", []Event{fence(0, "h2", 1, 1), fence(15, "h3", 2, 1), confirmed(18, "h2", 1), fenced(18, "h2"), fence(22, "h4", 3, 1)}, nil, nil, nil},
		{"the fence's own BMC off is no new fence", []Event{fence(0, "h2", 1, 1), confirmed(12, "h2", 1), fence(15, "h3", 2, 1), fence(25, "h4", 3, 1)},
			[]PowerRecord{{At: at(11), Host: "h2", Action: PowerOff}}, nil, nil},
		{"three of five within the window", []Event{fence(0, "h2", 1, 1), fence(5, "h3", 2, 1), fence(10, "h4", 3, 1)}, nil, nil, []string{"h2", "h3", "h4"}},
		{"a fence still in progress counts after the window", []Event{fence(0, "h2", 1, 1), fence(16, "h3", 2, 1), fence(30, "h2", 1, 5), confirmed(40, "h2", 1), fence(35, "h4", 3, 1)}, nil, nil, []string{"h2", "h3", "h4"}},
		{"a power cut is no fence", []Event{fence(0, "h2", 1, 1), fence(5, "h3", 2, 1)},
			[]PowerRecord{{At: at(12), Host: "h4", Action: PowerOff}},
			[]Fault{{Kind: FaultPowerCut, Target: "h4", Start: at(10), End: at(11)}}, nil},
		{"a BMC power off without an event counts", []Event{fence(0, "h2", 1, 1), fence(5, "h3", 2, 1)},
			[]PowerRecord{{At: at(10.5), Host: "h4", Action: PowerOff, Line: "1.0 power off"}}, nil, []string{"h2", "h3", "h4"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := history(5)
			h.Events, h.Power, h.Faults = numbered(c.events...), c.power, c.faults
			h.Sort()
			got := CheckMassFencing(h)
			if c.want == nil {
				if len(got) != 0 {
					t.Errorf("CheckMassFencing = %q, want none", checks(got))
				}
				return
			}
			if len(got) != 1 || !slices.Equal(got[0].Hosts, c.want) || !strings.Contains(got[0].Message, "limit 2") {
				t.Errorf("CheckMassFencing = %q, want one naming %v and the limit 2", checks(got), c.want)
			}
		})
	}
}

// newStore makes a state directory with a store holding one VM record.
func newStore(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, agent.StoreFile), store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutVM(store.VMRecord{ID: "vm1", PID: 1, Generation: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Append(store.Event{Time: t0, Kind: "started", Message: "vm1 runs"}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestStores(t *testing.T) {
	good, bad := newStore(t), newStore(t)
	// A record that does not decode, behind the store's back.
	db, err := bolt.Open(filepath.Join(bad, agent.StoreFile), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("vms")).Put([]byte("vm9"), []byte("\x01{not json")) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	h := &History{Hosts: []Host{{Name: "h1", StateDir: good}, {Name: "h2", StateDir: bad}, {Name: "h3", StateDir: t.TempDir()}, {Name: "h4"}}}
	got := CheckStores(h)
	if len(got) != 2 {
		t.Fatalf("CheckStores = %q, want h2's bad record and h3's missing store", checks(got))
	}
	if got[0].Hosts[0] != "h2" || !strings.Contains(strings.Join(got[0].Evidence, " "), "vms/766d39: corrupt record") {
		t.Errorf("violation %q: want h2's record vm9 (766d39) named", got[0].String())
	}
	if got[1].Hosts[0] != "h3" || !strings.Contains(got[1].Message, "missing") {
		t.Errorf("violation %q: want h3's store missing", got[1].String())
	}
	if vs := CheckStores(&History{Hosts: []Host{{Name: "h1", StateDir: good}}}); len(vs) != 0 {
		t.Errorf("CheckStores on a good store = %q", checks(vs))
	}
}

func TestLinearizable(t *testing.T) {
	lead := map[string]any{"leader": "h3"}
	placed := func(s float64, vm, host string, gen uint64) Event {
		return event("h3", s, "placed", vm, fmt.Sprintf("on %s at generation %d (from h1, down 3s)", host, gen), lead)
	}
	revoke := func(s float64, vm, from string, gen uint64) Event {
		return event("h3", s, "revoke", vm, fmt.Sprintf("taken from %s at generation %d (now %d): fenced", from, gen, gen+1), lead)
	}
	migrated := func(s float64, vm, from, to string, gen uint64) Event {
		return event("h3", s, "migrated", vm, fmt.Sprintf("from %s to %s at generation %d", from, to, gen), lead)
	}
	started := func(s float64, host, vm string, gen uint64) Event {
		return event(host, s, "started", vm, fmt.Sprintf("%s runs on %s at generation %d", vm, host, gen), map[string]any{"generation": gen})
	}
	for _, c := range []struct {
		name   string
		events []Event
		faults []Fault
		want   bool // a violation
	}{
		{"placed, started, revoked, placed again, migrated", []Event{
			placed(1, "vm1", "h1", 1), started(2, "h1", "vm1", 1), placed(1, "vm2", "h2", 1), started(2.5, "h2", "vm2", 1),
			revoke(10, "vm1", "h1", 1), placed(12, "vm1", "h2", 3), started(13, "h2", "vm1", 3),
			migrated(20, "vm1", "h2", "h1", 4), started(21, "h1", "vm1", 4),
			event("h1", 21, "migrated", "vm1", "vm1 live-migrated from h2 to h1", map[string]any{"source": "h2", "target": "h1", "generation": 4}),
		}, nil, false},
		{"a migration's target starts ahead of the hand-over", []Event{
			placed(1, "vm1", "h1", 1), started(2, "h1", "vm1", 1),
			event("h2", 20, "started", "vm1", "vm1 runs on h2 at generation 2", map[string]any{"generation": 2, "owner": "h1"}),
			migrated(20.002, "vm1", "h1", "h2", 2)}, nil, false},
		{"a failed migration's target started at a generation that went elsewhere", []Event{
			placed(1, "vm1", "h1", 1), started(2, "h1", "vm1", 1),
			event("h2", 20, "started", "vm1", "vm1 runs on h2 at generation 2", map[string]any{"generation": 2, "owner": "h1"}),
			event("h1", 21, "migrate-failed", "vm1", "vm1 stays on h1: migration to h2 failed", map[string]any{"generation": 1}),
			revoke(30, "vm1", "h1", 1), placed(31, "vm1", "h3", 3)}, nil, false},
		{"a migration's target at a generation that went elsewhere", []Event{
			placed(1, "vm1", "h1", 1), started(2, "h1", "vm1", 1),
			event("h2", 20, "started", "vm1", "vm1 runs on h2 at generation 2", map[string]any{"generation": 2, "owner": "h1"}),
			migrated(21, "vm1", "h1", "h3", 2)}, nil, true},
		{"a generation without its event (outcome unknown)", []Event{
			placed(1, "vm1", "h1", 1), started(2, "h1", "vm1", 1), started(8, "h2", "vm1", 2), placed(12, "vm1", "h3", 3)}, nil, false},
		{"two hosts started one generation", []Event{
			placed(1, "vm1", "h1", 1), started(2, "h1", "vm1", 1), started(3, "h2", "vm1", 1)}, nil, true},
		{"one generation placed twice (two leaders)", []Event{
			placed(1, "vm1", "h1", 1), event("h2", 2, "placed", "vm1", "on h2 at generation 1", map[string]any{"leader": "h2"})}, nil, true},
		{"started before any leader proposed it", []Event{
			placed(1, "vm1", "h1", 1), started(4, "h2", "vm1", 2), placed(6, "vm1", "h2", 2)}, nil, true},
		{"the same, with the clocks stepped: times dropped", []Event{
			placed(1, "vm1", "h1", 1), started(4, "h2", "vm1", 2), placed(6, "vm1", "h2", 2)},
			[]Fault{{Kind: FaultClockStep, Target: "h3", Start: at(0), End: at(5), Step: time.Minute}}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := history(3)
			h.Events, h.Faults = numbered(c.events...), c.faults
			got, n := CheckLinearizable(h)
			if n < len(c.events)/2 {
				t.Errorf("CheckLinearizable judged %d operations of %d events", n, len(c.events))
			}
			if c.want != (len(got) > 0) {
				t.Fatalf("CheckLinearizable = %q, want a violation: %v", checks(got), c.want)
			}
			for _, v := range got {
				if v.VM != "vm1" || len(v.Hosts) == 0 || len(v.Evidence) == 0 {
					t.Errorf("violation %q: want vm1, its hosts and the operations", v.String())
				}
			}
		})
	}
}

func TestDistribution(t *testing.T) {
	var s []time.Duration
	for i := 100; i >= 1; i-- {
		s = append(s, time.Duration(i)*time.Millisecond)
	}
	if got, want := Distribution(s), (Millis{P50: 50, P99: 99, Max: 100}); got != want {
		t.Errorf("Distribution(1..100 ms) = %+v, want %+v", got, want)
	}
	if got := Distribution(nil); got != (Millis{}) {
		t.Errorf("Distribution(nil) = %+v, want zero", got)
	}
}

// TestCheck runs every check on a clean run and on the same run with a
// violation of each kind seeded, and reads the report's JSON.
func TestLeaseLapse(t *testing.T) {
	lapse := func(host string, s float64) Event {
		return event(host, s, "self-fence", "", host+"'s own lease lapsed", nil)
	}
	for _, c := range []struct {
		name   string
		runs   []run
		events []Event
		want   int
	}{
		{"stopped at the lapse", []run{{"vm1", "h1", "b1", 0, 10, 0}}, []Event{lapse("h1", 10.5)}, 0},
		{"stopped, read late", []run{{"vm1", "h1", "b1", 0, 10, 0}, {"vm1", "h1", "b1", 16, 18, 8}}, []Event{lapse("h1", 10.5)}, 0},
		{"stopped, its last beats read up to 2 s late", []run{{"vm1", "h1", "b1", 0, 10, 0}, {"vm1", "h1", "b1", 11.5, 13, 11}}, []Event{lapse("h1", 10.5)}, 0},
		{"restarted after the lease came back", []run{{"vm1", "h1", "b1", 0, 10, 0}, {"vm1", "h1", "b2", 14, 30, 0}}, []Event{lapse("h1", 10.5)}, 0},
		{"another host's lapse", []run{{"vm1", "h1", "b1", 0, 30, 0}}, []Event{lapse("h2", 10.5)}, 0},
		{"migrated away before, back after", []run{{"vm1", "h1", "b1", 0, 5, 0}, {"vm1", "h2", "b1", 6, 20, 6}, {"vm1", "h1", "b1", 21, 30, 21}}, []Event{lapse("h1", 7)}, 0},
		{"ran on through the lapse", []run{{"vm1", "h1", "b1", 0, 30, 0}}, []Event{lapse("h1", 10.5)}, 1},
		{"ran on, two lapses, one violation", []run{{"vm1", "h1", "b1", 0, 40, 0}}, []Event{lapse("h1", 10.5), lapse("h1", 25.5)}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := history(3, c.runs...)
			h.Events = numbered(c.events...)
			got := CheckLeaseLapse(h)
			if len(got) != c.want {
				t.Fatalf("CheckLeaseLapse = %d violations %q, want %d", len(got), checks(got), c.want)
			}
			for _, v := range got {
				if v.Check != LeaseLapse || v.VM != "vm1" || !slices.Equal(v.Hosts, []string{"h1"}) || len(v.Evidence) != 2 {
					t.Errorf("violation %+v: want vm1 on h1 with the event and the stream as evidence", v)
				}
			}
		})
	}
}

func TestCheck(t *testing.T) {
	clean := func() *History {
		h := history(3, run{"vm1", "h1", "b1", 0, 10, 0}, run{"vm1", "h2", "b2", 25, 59, 0}, run{"vm2", "h3", "b3", 0, 59, 0})
		h.Faults = []Fault{{Kind: FaultPowerCut, Target: "h1", Start: at(10.5), End: at(20)}}
		h.Power = []PowerRecord{{At: at(10.6), Host: "h1", Action: PowerOff}}
		h.Events = numbered(
			event("h3", 1, "placed", "vm1", "on h1 at generation 1", map[string]any{"leader": "h3"}),
			event("h1", 2, "started", "vm1", "vm1 runs on h1 at generation 1", map[string]any{"generation": 1}),
			event("h3", 21, "fence", "", "power off through ipmi (fence 1, attempt 1)", map[string]any{"leader": "h3"}),
			event("h3", 22, "revoke", "vm1", "taken from h1 at generation 1 (now 2): fenced", map[string]any{"leader": "h3"}),
			event("h3", 23, "placed", "vm1", "on h2 at generation 3", map[string]any{"leader": "h3"}),
			event("h2", 24, "started", "vm1", "vm1 runs on h2 at generation 3", map[string]any{"generation": 3}),
		)
		h.Events[2].Host = "h1"
		h.Hosts[0].StateDir = newStore(t)
		return h
	}
	r := Check(clean())
	if !r.OK() || len(r.Checks) != 7 || r.Operations != 5 {
		t.Fatalf("Check(clean) = %+v, want no violations, 7 checks and 5 operations", r)
	}
	if r.RTO != (Millis{P50: 5100, P99: 5100, Max: 5100}) {
		t.Errorf("Check(clean).RTO = %+v, want 5100 ms throughout", r.RTO)
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(r); err != nil {
		t.Fatal(err)
	}
	var shape struct {
		RTO        map[string]int64  `json:"rto_ms"`
		Violations []json.RawMessage `json:"violations"`
	}
	if err := json.Unmarshal(buf.Bytes(), &shape); err != nil || len(shape.RTO) != 3 || shape.RTO["p50"] != 5100 || shape.Violations == nil {
		t.Errorf("report JSON %s: want rto_ms {p50,p99,max} and a violations list (%v)", buf.String(), err)
	}

	h := clean()
	h.Heartbeats = beats(run{"vm1", "h1", "b1", 0, 10, 0}, run{"vm1", "h2", "b2", 25, 59, 0}, run{"vm2", "h3", "b3", 0, 59, 0},
		run{"vm2", "h2", "b4", 50, 59, 0}, // a second copy of vm2
		run{"vm3", "h3", "b5", 0, 5, 0})   // lost for good
	h.VMs = append(h.VMs, VM{Name: "vm3", RTO: 10 * time.Second})
	h.Events = append(h.Events,
		event("h3", 30, "fence", "", "power off through ipmi (fence 2, attempt 1)", map[string]any{"leader": "h3"}),
		event("h3", 31, "fence", "", "power off through ipmi (fence 3, attempt 1)", map[string]any{"leader": "h3"}),
		event("h3", 40, "started", "vm1", "vm1 runs on h3 at generation 3", map[string]any{"generation": 3}),
		event("h3", 30, "self-fence", "", "h3's own lease lapsed: 0 VM(s) stopped", nil)) // vm2 runs on
	h.Events[6].Host, h.Events[7].Host = "h2", "h3"
	h.Events = append(h.Events,
		event("h2", 33, "leader", "", "planner started", map[string]any{"leader": "h2", "term": 4}),
		event("h3", 34, "fence", "", "power off through ipmi (fence 3, attempt 2)", map[string]any{"leader": "h3", "term": 3}))
	h.Events = numbered(h.Events...)
	os.Remove(filepath.Join(h.Hosts[0].StateDir, agent.StoreFile))
	r = Check(h)
	for _, name := range []string{NeverTwice, RTO, MassFencing, Store, Linearizable, LeaseLapse, FenceByLeader} {
		if r.Checks[name] == 0 {
			t.Errorf("Check(seeded): no %s violation: %q", name, checks(r.Violations))
		}
	}
}

func TestFenceByLeader(t *testing.T) {
	lead := func(from string, s float64, term int) Event {
		return event(from, s, "leader", "", "planner started", map[string]any{"leader": from, "term": term})
	}
	fence := func(from string, s float64, term int) Event {
		e := event(from, s, "fence", "", "power off through ipmi (fence 1, attempt 2)", map[string]any{"leader": from, "term": term})
		e.Host = "h4"
		return e
	}
	copied := fence("h1", 12, 2)
	copied.From = "h3"
	for _, c := range []struct {
		name   string
		events []Event
		want   int
	}{
		{"deposed leader fences", []Event{lead("h1", 1, 2), lead("h2", 10, 3), fence("h1", 12, 2)}, 1},
		{"copied into another log", []Event{lead("h1", 1, 2), lead("h2", 10, 3), fence("h1", 12, 2), copied}, 1},
		{"fence before the new term", []Event{lead("h1", 1, 2), fence("h1", 9, 2), lead("h2", 10, 3)}, 0},
		{"the newest leader fences", []Event{lead("h1", 1, 2), lead("h2", 10, 3), fence("h2", 12, 3)}, 0},
		{"an older term after", []Event{lead("h1", 1, 3), fence("h1", 12, 3), lead("h2", 10, 2)}, 0},
		{"no term recorded", []Event{lead("h1", 1, 2), lead("h2", 10, 3), event("h1", 12, "fence", "", "power off", map[string]any{"leader": "h1"})}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := history(4)
			h.Events = numbered(c.events...)
			got := CheckFenceByLeader(h)
			if len(got) != c.want {
				t.Fatalf("CheckFenceByLeader = %q, want %d violation(s)", checks(got), c.want)
			}
			for _, v := range got {
				if v.Check != FenceByLeader || !slices.Equal(v.Hosts, []string{"h1", "h4"}) || len(v.Evidence) != 2 {
					t.Errorf("violation %+v", v)
				}
			}
		})
	}
}
