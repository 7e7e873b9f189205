package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/lab"
)

// TestDemo runs the whole demo as `vigil-lab demo` does, behind each kind
// of BMC, and checks every scenario's verdict and figures.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("the demo brings up a lab: not in -short")
	}
	for _, kind := range []lab.BMCKind{lab.IPMI, lab.Redfish} {
		t.Run(kind.String(), func(t *testing.T) { testDemo(t, kind) })
	}
}

func testDemo(t *testing.T, kind lab.BMCKind) {
	if err := lab.Check(lab.Options{Hosts: 3, BMC: kind}); err != nil {
		testenv.Unavailable(t, "lab unavailable: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var out bytes.Buffer
	rep, err := Run(ctx, Options{Hosts: 3, BMC: kind, Out: &out})
	t.Logf("timeline:\n%s", out.String())
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(rep.Scenarios) != len(scenarios) {
		t.Fatalf("report has %d scenarios, want %d", len(rep.Scenarios), len(scenarios))
	}
	for _, s := range rep.Scenarios {
		if !s.Passed {
			t.Errorf("scenario %s failed: %s", s.Name, s.Error)
		}
		if s.VMsRunning != s.VMsExpected || s.VMsRunningTwice != 0 {
			t.Errorf("scenario %s: %d VMs running (%d twice), want %d once", s.Name, s.VMsRunning, s.VMsRunningTwice, s.VMsExpected)
		}
		if !strings.HasPrefix(s.Note, "staged:") {
			t.Errorf("scenario %s: note %q does not say what is staged", s.Name, s.Note)
		}
		actors := map[Actor]bool{}
		for _, st := range s.Timeline {
			actors[st.Actor] = true
		}
		if !actors[ByLab] || !actors[ByDemo] || !actors[ByVigil] || len(actors) != 3 {
			t.Errorf("scenario %s: timeline actors %v, want lab, demo and vigil only", s.Name, actors)
		}
		switch s.Name {
		case "host-power-loss":
			// Nothing detects a power loss until agents exist: the lab's
			// reaping of QEMU is reported under its own name.
			if s.DetectMS != nil || s.QEMUReapedMS <= 0 {
				t.Errorf("scenario %s: detect %v, qemu reaped %d ms: want no detection and the lab's reap time", s.Name, s.DetectMS, s.QEMUReapedMS)
			}
			if s.FenceMS <= 0 || s.RTOMS < s.FenceMS {
				t.Errorf("scenario %s: fence %d ms, RTO %d ms: want 0 < fence <= RTO", s.Name, s.FenceMS, s.RTOMS)
			}
		case "predicted-failure-evacuation":
			// No fence: the guest moves before the host fails; its RTO is
			// the pause of the live migration.
			if s.DetectMS == nil || *s.DetectMS <= 0 || s.RTOMS <= 0 || s.FenceMS != 0 || s.QEMUReapedMS != 0 {
				t.Errorf("scenario %s: detect %v, fence %d ms, RTO %d ms, reaped %d ms: want detect > 0, no fence, a measured pause", s.Name, s.DetectMS, s.FenceMS, s.RTOMS, s.QEMUReapedMS)
			}
		default:
			t.Errorf("scenario %s has no checks in this test", s.Name)
		}
	}
	if !strings.Contains(out.String(), "[lab]   tearing the lab down") {
		t.Error("timeline does not show the teardown")
	}
	if !strings.Contains(out.String(), "no vigil agent runs yet") {
		t.Error("the human timeline does not say that no agent runs yet")
	}
}

// TestReportJSON: the report's JSON carries CLI.md's fields, a note per
// scenario, a null detect_ms where nothing detected the failure, and
// timeline steps that name their actor.
func TestReportJSON(t *testing.T) {
	detect := int64(2400)
	rep := Report{Scenarios: []Scenario{
		{Name: "host-power-loss", Note: hostPowerLossNote, QEMUReapedMS: 52, FenceMS: 52, RTOMS: 139,
			Timeline: []Step{{AtMS: 206, Actor: ByDemo, Event: "FAILURE"}}},
		{Name: "predicted-failure-evacuation", Note: evacuationNote, DetectMS: &detect, RTOMS: 22},
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
		for _, field := range []string{"name", "passed", "note", "detect_ms", "fence_ms", "rto_ms", "vms_expected", "vms_running", "vms_running_twice", "timeline"} {
			if _, ok := s[field]; !ok {
				t.Errorf("scenario %v: JSON lacks %q: %s", s["name"], field, raw)
			}
		}
	}
	if d := got.Scenarios[0]["detect_ms"]; d != nil {
		t.Errorf("host-power-loss detect_ms = %v, want null", d)
	}
	if r := got.Scenarios[0]["qemu_reaped_ms"]; r != float64(52) {
		t.Errorf("host-power-loss qemu_reaped_ms = %v, want 52", r)
	}
	if d := got.Scenarios[1]["detect_ms"]; d != float64(2400) {
		t.Errorf("evacuation detect_ms = %v, want 2400", d)
	}
	step := got.Scenarios[0]["timeline"].([]any)[0].(map[string]any)
	if step["actor"] != "demo" || step["event"] != "FAILURE" || step["at_ms"] != float64(206) {
		t.Errorf("timeline step = %v, want at_ms, actor demo, event", step)
	}
}

// TestTimelineNamesActor: every human line says who acted, and the steps
// recorded for JSON match.
func TestTimelineNamesActor(t *testing.T) {
	var out bytes.Buffer
	var steps []Step
	tl := timeline{out: &out, start: time.Now(), steps: &steps}
	tl.printf(ByLab, "reaped %s", "qemu")
	tl.printf(ByVigil, "confirmed off")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "[lab]   reaped qemu") || !strings.Contains(lines[1], "[vigil] confirmed off") {
		t.Errorf("human timeline = %q", out.String())
	}
	if len(steps) != 2 || steps[0].Actor != ByLab || steps[0].Event != "reaped qemu" || steps[1].Actor != ByVigil {
		t.Errorf("steps = %+v", steps)
	}
}
