package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
)

// mayBeUnsupported are the scenarios the agents cannot do yet. None: every
// scenario must pass.
var mayBeUnsupported = map[string]bool{}

// TestDemo runs the whole demo as `vigil-lab demo` does, on real agents,
// and checks every scenario: no VM ever ran twice, every VM runs at the
// end, the failovers passed with the agents' own detection, fence and
// restarts in order, every moved guest was reached through its new host's
// bridge, and nothing is reported unsupported.
//
// One chained run takes two to three minutes, so `make test` runs it
// behind one kind of BMC: Redfish by default (the end-to-end tests in test/
// run their agents behind IPMI BMCs; this is the agents' one run behind
// Redfish ones). VIGIL_DEMO_BMC=ipmi, redfish or all chooses.
//
// Its agents run the lab timing profile (4 s leases renewed every 250 ms,
// a 3 s watchdog on one host): on a machine whose two cores are shared by
// many other labs (load averages of 40 and more) their leases can lapse
// and the watchdog host be reset, as real hosts that starve would.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("the demo brings up a lab of real agents: not in -short")
	}
	kinds := map[string][]lab.BMCKind{"": {lab.Redfish}, "redfish": {lab.Redfish}, "ipmi": {lab.IPMI}, "all": {lab.IPMI, lab.Redfish}}[os.Getenv("VIGIL_DEMO_BMC")]
	if kinds == nil {
		t.Fatalf("VIGIL_DEMO_BMC=%q: want ipmi, redfish or all", os.Getenv("VIGIL_DEMO_BMC"))
	}
	testenv.NeedsCommand(t, "qemu-system-x86_64")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	bin, err := agents.Build(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range kinds {
		t.Run(kind.String(), func(t *testing.T) { testDemo(ctx, t, kind, bin) })
	}
}

func testDemo(ctx context.Context, t *testing.T, kind lab.BMCKind, bin string) {
	if err := lab.Check(agents.LabOptions(Hosts, kind, "demo")); err != nil {
		testenv.Unavailable(t, "lab unavailable: %v", err)
	}
	var out bytes.Buffer
	rep, err := Run(ctx, Options{BMC: kind, Vigil: bin, Out: &out})
	t.Logf("timeline:\n%s", out.String())
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if raw, err := json.Marshal(rep); err == nil {
		t.Logf("report: %s", raw)
	}
	var names []string
	for _, s := range rep.Scenarios {
		names = append(names, s.Name)
	}
	var want []string
	for _, sc := range scenarios {
		want = append(want, sc.name)
	}
	if !slices.Equal(names, want) {
		t.Fatalf("scenarios %v, want %v", names, want)
	}
	for _, s := range rep.Scenarios {
		checkScenario(t, s)
	}
	if !strings.Contains(out.String(), "tearing the lab down") {
		t.Error("the timeline does not show the teardown")
	}
	if strings.Contains(out.String(), "staged") {
		t.Error("the timeline still calls something staged: the agents decide everything")
	}
}

func checkScenario(t *testing.T, s Scenario) {
	t.Helper()
	if s.VMsRunningTwice != 0 {
		t.Errorf("%s: %d VMs ran twice", s.Name, s.VMsRunningTwice)
	}
	if s.Unsupported != "" {
		if !mayBeUnsupported[s.Name] || s.Passed {
			t.Errorf("%s: unsupported (%s), passed %v: only %v may be", s.Name, s.Unsupported, s.Passed, mayBeUnsupported)
		}
		t.Logf("%s: not supported by the agents yet: %s", s.Name, s.Unsupported)
		return
	}
	if !s.Passed {
		t.Errorf("%s did not pass: %s", s.Name, s.Reason)
		return
	}
	if s.VMsRunning != s.VMsExpected || s.VMsExpected != VMs {
		t.Errorf("%s: %d of %d VMs running, want %d", s.Name, s.VMsRunning, s.VMsExpected, VMs)
	}
	if len(s.Moved) == 0 || s.Victim == "" {
		t.Errorf("%s: victim %q moved %v: want a host that ran VMs", s.Name, s.Victim, s.Moved)
	}
	kinds := map[string]bool{}
	for _, e := range s.Timeline {
		if e.Source == "agent" && e.AtMS >= 0 {
			kinds[e.Kind] = true
		}
	}
	if !slices.ContainsFunc(s.Timeline, func(e Event) bool { return e.Source == "lab" && e.Kind == "inject" && e.AtMS == 0 }) {
		t.Errorf("%s: no injection at 0 in the timeline", s.Name)
	}
	// Every moved guest was reached through its new host's bridge.
	if s.NetworkOK == nil || !*s.NetworkOK {
		t.Errorf("%s: network_ok %v: want every moved VM reachable from another host through its new host's bridge", s.Name, s.NetworkOK)
	}
	netChecks := 0
	for _, e := range s.Timeline {
		if e.Source == "lab" && strings.HasPrefix(e.Message, "NETWORK: ") {
			netChecks++
		}
	}
	if netChecks < len(s.Moved) {
		t.Errorf("%s: %d network checks in the timeline for %d VMs moved", s.Name, netChecks, len(s.Moved))
	}
	switch s.Name {
	case "power-cut", "partition", "partition-bmc-down-watchdog", "partition-bmc-down-no-watchdog":
		if s.DetectMS == nil || s.FenceMS == nil || s.RTOMS == nil {
			t.Fatalf("%s: detect %v fence %v rto %v: want all measured", s.Name, s.DetectMS, s.FenceMS, s.RTOMS)
		}
		if !(0 < *s.DetectMS && *s.DetectMS <= *s.FenceMS && *s.FenceMS <= *s.RTOMS) {
			t.Errorf("%s: detect %d ms, fence %d ms, RTO %d ms: want 0 < detect <= fence <= RTO", s.Name, *s.DetectMS, *s.FenceMS, *s.RTOMS)
		}
		for _, k := range []string{"dead", "fence", "fence-confirmed", "placed", "started"} {
			if !kinds[k] {
				t.Errorf("%s: no %s event from the agents in the timeline", s.Name, k)
			}
		}
		switch s.Name {
		case "partition-bmc-down-watchdog":
			// Nothing before the lease (4 s) ends; the agents presume the
			// host self-fenced only after it.
			if *s.FenceMS < 4000 || !slices.ContainsFunc(s.Timeline, func(e Event) bool {
				return e.Source == "agent" && e.Kind == "fence-confirmed" && strings.Contains(e.Message, "self-fence deadline")
			}) {
				t.Errorf("%s: fence %d ms: want it confirmed by the self-fence deadline, after the lease", s.Name, *s.FenceMS)
			}
		case "partition-bmc-down-no-watchdog":
			if *s.RTOMS < holdAtLeast.Milliseconds() || !kinds["fence-wait"] || !kinds["self-fence"] {
				t.Errorf("%s: RTO %d ms, fence-wait %v, self-fence %v: want nothing restarted for %v, the reason and the isolated host's self-fence",
					s.Name, *s.RTOMS, kinds["fence-wait"], kinds["self-fence"], holdAtLeast)
			}
		default:
			if *s.DetectMS > 20000 || *s.RTOMS > 60000 {
				t.Errorf("%s: detect %d ms, RTO %d ms: beyond generous bounds (20 s, 60 s)", s.Name, *s.DetectMS, *s.RTOMS)
			}
		}
	case "predicted-failure":
		if s.DetectMS == nil || s.FenceMS != nil || s.RTOMS == nil || !kinds["evacuate"] || !kinds["migrated"] {
			t.Errorf("%s: detect %v fence %v rto %v, events %v: want detection, no fence, the migrations", s.Name, s.DetectMS, s.FenceMS, s.RTOMS, kinds)
		}
	case "drain-readmit":
		if s.DetectMS == nil || s.FenceMS != nil || s.RTOMS == nil || !kinds["drain"] || !kinds["migrated"] || !kinds["readmit"] || kinds["fence"] || kinds["dead"] {
			t.Errorf("%s: detect %v fence %v rto %v, events %v: want the drain, migrations, the readmission, no host dead, no fence", s.Name, s.DetectMS, s.FenceMS, s.RTOMS, kinds)
		}
		if !slices.ContainsFunc(s.Timeline, func(e Event) bool {
			return e.Source == "lab" && strings.Contains(e.Message, "refused while it is in maintenance") && strings.Contains(e.Message, "cannot take it")
		}) || !slices.ContainsFunc(s.Timeline, func(e Event) bool {
			return e.Source == "lab" && strings.Contains(e.Message, "the readmitted host takes VMs again")
		}) {
			t.Errorf("%s: the timeline does not show placement refused in maintenance and accepted after the readmission", s.Name)
		}
	default:
		t.Errorf("%s has no checks in this test", s.Name)
	}
}

// TestReportJSON: the report carries CLI.md's demo fields for every
// scenario, null figures where nothing was measured.
func TestReportJSON(t *testing.T) {
	detect := int64(900)
	rep := Report{Scenarios: []Scenario{
		{Name: "power-cut", Passed: true, DetectMS: &detect, FenceMS: &detect, RTOMS: &detect, VMsExpected: 6, VMsRunning: 6,
			Timeline: []Event{{AtMS: 0, Source: "lab", Kind: "inject", Message: "power cut"}}},
		{Name: "predicted-failure", Unsupported: "no migration", Reason: "not supported", VMsExpected: 6, VMsRunning: 6},
	}}
	raw, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Scenarios []map[string]any `json:"scenarios"`
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	for _, s := range got.Scenarios {
		for _, field := range []string{"name", "passed", "detect_ms", "fence_ms", "rto_ms", "vms_expected", "vms_running", "vms_running_twice", "network_ok", "timeline"} {
			if _, ok := s[field]; !ok {
				t.Errorf("scenario %v: JSON lacks %q: %s", s["name"], field, raw)
			}
		}
	}
	if got.Scenarios[0]["detect_ms"] != float64(900) || got.Scenarios[1]["detect_ms"] != nil || got.Scenarios[1]["unsupported"] != "no migration" {
		t.Errorf("figures: %s", raw)
	}
	step := got.Scenarios[0]["timeline"].([]any)[0].(map[string]any)
	if step["source"] != "lab" || step["kind"] != "inject" || step["at_ms"] != float64(0) {
		t.Errorf("timeline event = %v", step)
	}
}

// TestTwiceVMs reads the VM names out of the lab watcher's violations.
func TestTwiceVMs(t *testing.T) {
	got := twiceVMs([]string{
		"15:04:05.000: VM vm1 ran 2 times: a and b",
		"15:04:06.200: VM vm3 ran 2 times: c: VM x ran",
		"15:04:07.000: VM vm1 ran 3 times: d",
		"garbage",
	})
	if want := []string{"vm1", "vm3"}; !slices.Equal(got, want) {
		t.Errorf("twiceVMs = %v, want %v", got, want)
	}
}
