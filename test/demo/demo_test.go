package demo

import (
	"bytes"
	"context"
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
		switch s.Name {
		case "host-power-loss":
			if s.FenceMS <= 0 || s.RTOMS < s.FenceMS {
				t.Errorf("scenario %s: fence %d ms, RTO %d ms: want 0 < fence <= RTO", s.Name, s.FenceMS, s.RTOMS)
			}
		case "predicted-failure-evacuation":
			// No fence: the guest moves before the host fails; its RTO is
			// the pause of the live migration.
			if s.DetectMS <= 0 || s.RTOMS <= 0 || s.FenceMS != 0 {
				t.Errorf("scenario %s: detect %d ms, fence %d ms, RTO %d ms: want detect > 0, no fence, a measured pause", s.Name, s.DetectMS, s.FenceMS, s.RTOMS)
			}
		default:
			t.Errorf("scenario %s has no checks in this test", s.Name)
		}
	}
	if !strings.Contains(out.String(), "tearing the lab down") {
		t.Error("timeline does not show the teardown")
	}
}
