package sensors_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/sensorstest"
)

func TestPollAllDeadSourceDoesNotStallOthers(t *testing.T) {
	dead := &sensorstest.Reader{Hang: true}
	slow := &sensorstest.Reader{Delay: 50 * time.Millisecond}
	fast := &sensorstest.Reader{}
	fast.Push(&sensors.Poll{Source: sensors.SourceIPMI, Target: "host-a"})
	start := time.Now()
	res := sensors.PollAll(context.Background(), map[string]sensors.Reader{"dead": dead, "slow": slow, "fast": fast}, 300*time.Millisecond)
	took := time.Since(start)
	if !res["fast"].Up || !res["slow"].Up || res["dead"].Up {
		t.Errorf("up: fast %v slow %v dead %v; want true true false", res["fast"].Up, res["slow"].Up, res["dead"].Up)
	}
	if !errors.Is(res["dead"].Err, sensors.ErrSourceDown) {
		t.Errorf("dead source error = %v, want ErrSourceDown", res["dead"].Err)
	}
	if res["fast"].Duration > 100*time.Millisecond {
		t.Errorf("the fast source took %v next to a dead one", res["fast"].Duration)
	}
	if took > 2*time.Second {
		t.Errorf("PollAll took %v with a 300 ms per-source deadline", took)
	}
}
