package clusterhost

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/verdict"
	"github.com/vigil-ha/vigil/fencing"
)

// TestPowerOpinions: a peer the membership says is dead gets a pending
// second opinion until its BMC answers; then the reading counts for that
// verdict only (a later verdict asks again). A BMC that does not answer
// counts as not on. Live and suspect peers, and this host, are not asked.
func TestPowerOpinions(t *testing.T) {
	var mu sync.Mutex
	answers := map[string]error{"h2": nil, "h3": errors.New("unreachable")}
	asked := map[string]int{}
	po := &powerOpinions{self: "h1", log: slog.New(slog.DiscardHandler), got: map[string]powerReading{}, asking: map[string]bool{},
		read: func(ctx context.Context, host string) (fencing.Power, error) {
			mu.Lock()
			defer mu.Unlock()
			asked[host]++
			if answers[host] != nil {
				return "", answers[host]
			}
			return fencing.PowerOn, nil
		}}
	pending := func(o planner.Observation) bool { return errors.Is(o.BMCErr, verdict.ErrPending) }
	on := func(o planner.Observation) bool { return o.BMCErr == nil && o.BMC.Power == fencing.PowerOn }
	since := time.Now()
	obs := func(since time.Time) []planner.Observation {
		return []planner.Observation{
			{Host: "h1", Member: planner.MemberDead, Since: since},
			{Host: "h2", Member: planner.MemberDead, Since: since},
			{Host: "h3", Member: planner.MemberDead, Since: since},
			{Host: "h4", Member: planner.MemberSuspect, Since: since},
		}
	}
	o := obs(since)
	po.annotate(context.Background(), o)
	if pending(o[0]) || !pending(o[1]) || !pending(o[2]) || pending(o[3]) {
		t.Fatalf("first look: %+v; want h2 and h3 pending only", o)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		o = obs(since)
		po.annotate(context.Background(), o)
		if !pending(o[1]) && !pending(o[2]) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no answers: %+v", o)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if !on(o[1]) || on(o[2]) || o[2].BMCErr == nil {
		t.Errorf("after the answers: %+v; want h2 on, h3 not", o)
	}
	// A verdict newer than the reading asks again.
	o = obs(time.Now().Add(time.Second))
	po.annotate(context.Background(), o)
	if !pending(o[1]) || on(o[1]) {
		t.Errorf("a newer verdict: %+v; want h2 pending again", o[1])
	}
	mu.Lock()
	defer mu.Unlock()
	if asked["h1"] != 0 || asked["h4"] != 0 {
		t.Errorf("asked %v; never this host or a suspect one", asked)
	}
}
