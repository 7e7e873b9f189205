package verdict_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/heartbeat"
	"github.com/vigil-ha/vigil/cluster/membership"
	"github.com/vigil-ha/vigil/cluster/verdict"
	"github.com/vigil-ha/vigil/cluster/verdict/verdicttest"
	"github.com/vigil-ha/vigil/fencing"
)

var (
	t0    = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC) // memberlist declared the host dead
	rules = verdict.Rules{HeartbeatStale: time.Second, SelfFenceMargin: 2 * time.Second}
)

func at(d time.Duration) time.Time { return t0.Add(d) }

// base is a dead host with a stale heartbeat, a BMC reading power on and a
// lease from before the suspicion, watchdog armed, expiring in 10 s.
func base() verdict.Evidence {
	return verdict.Evidence{
		Host:      "host-b",
		Now:       at(time.Second),
		Suspicion: verdict.Suspicion{State: membership.Dead, Since: t0},
		BMC:       verdict.BMCReport{Power: fencing.PowerOn},
		Heartbeat: heartbeat.Status{
			Record:     heartbeat.Record{Host: "host-b", Seq: 41},
			FirstSeen:  at(-time.Minute),
			LastChange: at(-2 * time.Second),
			ReadAt:     at(time.Second),
		},
		Lease: verdict.Lease{Renewed: at(-3 * time.Second), Expires: at(10 * time.Second), WatchdogArmed: true},
	}
}

var errUnreachable = errors.New("no route to host: " + fencing.ErrUnreachable.Error())

func TestDecide(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(e *verdict.Evidence)
		want    verdict.Outcome
		code    verdict.Code
		reason  []string // substrings the reason must hold
		recheck time.Time
	}{
		{
			name: "memberlist alive: nothing asked, nothing done",
			edit: func(e *verdict.Evidence) { e.Suspicion.State = membership.Alive },
			want: verdict.Alive, code: verdict.CodeMemberAlive,
		},
		{
			name: "memberlist only suspects: watch",
			edit: func(e *verdict.Evidence) { e.Suspicion.State = membership.Suspect },
			want: verdict.Suspect, code: verdict.CodeMemberSuspect,
		},
		{
			name: "memberlist says dead, heartbeat still advancing: isolated, no fence",
			edit: func(e *verdict.Evidence) {
				e.Heartbeat.LastChange = at(800 * time.Millisecond)
				e.Heartbeat.Record.Seq = 57
			},
			want: verdict.Isolated, code: verdict.CodeHeartbeatAdvancing,
			reason: []string{"still being written", "seq 57", "no fence"}, recheck: at(1800 * time.Millisecond),
		},
		{
			name: "heartbeat advancing and BMC unreachable: still isolated",
			edit: func(e *verdict.Evidence) {
				e.Heartbeat.LastChange = at(500 * time.Millisecond)
				e.BMC, e.BMCErr = verdict.BMCReport{}, errUnreachable
			},
			want: verdict.Isolated, code: verdict.CodeHeartbeatAdvancing, recheck: at(1500 * time.Millisecond),
		},
		{
			name: "BMC reads off while the heartbeat advances: contradiction, nothing done",
			edit: func(e *verdict.Evidence) {
				e.Heartbeat.LastChange = at(500 * time.Millisecond)
				e.BMC.Power = fencing.PowerOff
			},
			want: verdict.Wait, code: verdict.CodeContradiction, reason: []string{"disagree"}, recheck: at(1500 * time.Millisecond),
		},
		{
			name: "BMC reads off: dead and confirmed, SEL in the reason",
			edit: func(e *verdict.Evidence) {
				e.BMC = verdict.BMCReport{Power: fencing.PowerOff, SEL: []string{"Power Unit: AC lost"}}
			},
			want: verdict.Dead, code: verdict.CodePowerOff, reason: []string{"power off", "AC lost", "confirmed"},
		},
		{
			name: "BMC reads off before the heartbeat is stale: off is enough",
			edit: func(e *verdict.Evidence) {
				e.BMC.Power = fencing.PowerOff
				e.Heartbeat.LastChange = at(-500 * time.Millisecond)
			},
			want: verdict.Dead, code: verdict.CodePowerOff,
		},
		{
			name: "BMC reads on, heartbeat stale: running (cut off, or its agent restarting), fenced at its lease's expiry",
			edit: func(e *verdict.Evidence) {},
			want: verdict.Wait, code: verdict.CodePowerOn, reason: []string{"stale", "seq 41", "power on", "not dead"}, recheck: at(10 * time.Second),
		},
		{
			name: "BMC unknown, heartbeat unreadable and never read: fence",
			edit: func(e *verdict.Evidence) {
				e.Heartbeat, e.HeartbeatErr = heartbeat.Status{}, os.ErrNotExist
				e.BMC.Power = fencing.PowerUnknown
			},
			want: verdict.Fence, code: verdict.CodePowerUnknown, reason: []string{"cannot be read"},
		},
		{
			name: "BMC not asked, no heartbeat storage: fence",
			edit: func(e *verdict.Evidence) {
				e.Heartbeat, e.HeartbeatErr = heartbeat.Status{}, verdict.ErrNoSource
				e.BMC, e.BMCErr = verdict.BMCReport{}, verdict.ErrNoSource
			},
			want: verdict.Fence, code: verdict.CodeBMCNotAsked, reason: []string{"no heartbeat storage"},
		},
		{
			name: "heartbeat changed before the suspicion, not stale yet: wait for it",
			edit: func(e *verdict.Evidence) {
				e.Heartbeat.LastChange = at(-300 * time.Millisecond)
				e.Now = at(500 * time.Millisecond)
			},
			want: verdict.Wait, code: verdict.CodeHeartbeatPending, recheck: at(700 * time.Millisecond),
		},
		{
			name: "heartbeat first read just now, no history: wait for it",
			edit: func(e *verdict.Evidence) {
				e.Heartbeat.FirstSeen, e.Heartbeat.LastChange = at(900*time.Millisecond), time.Time{}
			},
			want: verdict.Wait, code: verdict.CodeHeartbeatPending, recheck: at(1900 * time.Millisecond),
		},
		{
			name: "heartbeat advanced after the suspicion but the read fails now: wait, not isolated",
			edit: func(e *verdict.Evidence) {
				e.Heartbeat.LastChange = at(800 * time.Millisecond)
				e.HeartbeatErr = context.DeadlineExceeded
			},
			want: verdict.Wait, code: verdict.CodeHeartbeatPending, recheck: at(1800 * time.Millisecond),
		},
		{
			name: "heartbeat read fails now and was stale before: fence",
			edit: func(e *verdict.Evidence) {
				e.HeartbeatErr = context.DeadlineExceeded
				e.BMC.Power = fencing.PowerUnknown
			},
			want: verdict.Fence, code: verdict.CodePowerUnknown, reason: []string{"cannot be read now", "stale before"},
		},
		{
			name: "BMC answers but power unknown: fence",
			edit: func(e *verdict.Evidence) { e.BMC.Power = fencing.PowerUnknown },
			want: verdict.Fence, code: verdict.CodePowerUnknown,
		},
		{
			name: "BMC unreachable and watchdog none: wait, with a reason",
			edit: func(e *verdict.Evidence) {
				e.BMC, e.BMCErr = verdict.BMCReport{}, errUnreachable
				e.Lease.WatchdogArmed = false
				e.Now = at(9 * time.Second)
			},
			want: verdict.Wait, code: verdict.CodeNoWatchdog,
			reason: []string{"cannot be reached", "no route to host", "no armed watchdog", "never presumed", "VMs wait"},
		},
		{
			name: "BMC unreachable, watchdog none, lease expired long ago: fence (retried until the BMC answers), never self-fenced",
			edit: func(e *verdict.Evidence) {
				e.BMC, e.BMCErr = verdict.BMCReport{}, errUnreachable
				e.Lease.WatchdogArmed = false
				e.Now = at(time.Hour)
			},
			want: verdict.Fence, code: verdict.CodeLeaseExpired, reason: []string{"expired", "lost the right"},
		},
		{
			name: "lease expired while memberlist holds it alive: the lease decides, fence",
			edit: func(e *verdict.Evidence) {
				e.Suspicion.State = membership.Alive
				e.Now = at(10 * time.Second)
			},
			want: verdict.Fence, code: verdict.CodeLeaseExpired,
		},
		{
			name: "lease expired, heartbeat still advancing: isolated until now, fence",
			edit: func(e *verdict.Evidence) {
				e.Now = at(11 * time.Second)
				e.Heartbeat.LastChange = at(10500 * time.Millisecond)
			},
			want: verdict.Fence, code: verdict.CodeLeaseExpired, reason: []string{"isolated", "lost its lease"},
		},
		{
			name: "lease expired, BMC reads off: dead",
			edit: func(e *verdict.Evidence) {
				e.Now = at(11 * time.Second)
				e.BMC.Power = fencing.PowerOff
			},
			want: verdict.Dead, code: verdict.CodePowerOff,
		},
		{
			name: "BMC not asked, heartbeat stale: fence (the fence reads the power)",
			edit: func(e *verdict.Evidence) { e.BMC, e.BMCErr = verdict.BMCReport{}, verdict.ErrNoSource },
			want: verdict.Fence, code: verdict.CodeBMCNotAsked,
		},
		{
			name: "BMC unreachable, watchdog armed, lease not expired: wait for lease expiry plus margin",
			edit: func(e *verdict.Evidence) { e.BMC, e.BMCErr = verdict.BMCReport{}, errUnreachable },
			want: verdict.Wait, code: verdict.CodeLeasePending, recheck: at(12 * time.Second),
		},
		{
			name: "BMC unreachable, watchdog armed, lease expired but within margin: fence (tried until the self-fence deadline)",
			edit: func(e *verdict.Evidence) {
				e.BMC, e.BMCErr = verdict.BMCReport{}, errUnreachable
				e.Now = at(11 * time.Second)
			},
			want: verdict.Fence, code: verdict.CodeLeaseExpired,
		},
		{
			name: "BMC unreachable, watchdog armed, lease expired past margin: self-fenced",
			edit: func(e *verdict.Evidence) {
				e.BMC, e.BMCErr = verdict.BMCReport{}, errUnreachable
				e.Now = at(12 * time.Second)
			},
			want: verdict.SelfFenced, code: verdict.CodeSelfFenceDeadline,
		},
		{
			name: "BMC unreachable, lease unreadable: wait",
			edit: func(e *verdict.Evidence) {
				e.BMC, e.BMCErr = verdict.BMCReport{}, errUnreachable
				e.Lease, e.LeaseErr = verdict.Lease{}, errors.New("no leader")
				e.Now = at(time.Hour)
			},
			want: verdict.Wait, code: verdict.CodeLeaseUnknown, reason: []string{"no leader"},
		},
		{
			name: "lease renewed after the suspicion: gossip is broken, the host is not",
			edit: func(e *verdict.Evidence) { e.Lease.Renewed = at(500 * time.Millisecond) },
			want: verdict.Alive, code: verdict.CodeLeaseRenewed,
		},
		{
			name: "left gracefully, heartbeat stale, BMC unknown: same rules, fence",
			edit: func(e *verdict.Evidence) { e.Suspicion.State = membership.Left; e.BMC.Power = fencing.PowerUnknown },
			want: verdict.Fence, code: verdict.CodePowerUnknown, reason: []string{"left"},
		},
		{
			name: "BMC asked, no answer yet: wait for it",
			edit: func(e *verdict.Evidence) { e.BMC, e.BMCErr = verdict.BMCReport{}, verdict.ErrPending },
			want: verdict.Wait, code: verdict.CodeBMCPending,
		},
		{
			name: "a state the rules do not know: wait",
			edit: func(e *verdict.Evidence) { e.Suspicion.State = 0 },
			want: verdict.Wait, code: verdict.CodeUnknownMemberState,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := base()
			tc.edit(&e)
			v := verdict.Decide(e, rules)
			if v.Outcome != tc.want || v.Code != tc.code {
				t.Fatalf("Decide() = %v (%s), want %v (%s); reason: %s", v.Outcome, v.Code, tc.want, tc.code, v.Reason)
			}
			for _, s := range tc.reason {
				if !strings.Contains(v.Reason, s) {
					t.Errorf("Decide().Reason = %q, want it to mention %q", v.Reason, s)
				}
			}
			if !v.Recheck.Equal(tc.recheck) {
				t.Errorf("Decide().Recheck = %v, want %v", v.Recheck, tc.recheck)
			}
			if v.Reason == "" || v.Host != "host-b" {
				t.Errorf("Decide() = %+v: want a reason and the host", v)
			}
		})
	}
}

// TestDecideSafety checks the rules' safety properties on many random
// combinations of evidence: whatever the witnesses say,
//   - a host whose heartbeat changed after the suspicion, recently, and was
//     read now, is never fenced, declared dead or presumed self-fenced
//     while its lease at the leader holds;
//   - Dead only ever rests on the BMC reading power off;
//   - Fence only when the BMC answered or was not asked, or the lease
//     expired;
//   - SelfFenced only with an armed watchdog past lease expiry plus margin;
//   - memberlist's word alone (alive, suspect) never leads to an action
//     while the lease holds.
func TestDecideSafety(t *testing.T) {
	seed := rand.Uint64()
	rng := rand.New(rand.NewPCG(seed, 1))
	t.Logf("seed %d", seed)
	dur := func() time.Duration { return time.Duration(rng.IntN(40)-20) * 250 * time.Millisecond }
	pick := func(ts ...time.Time) time.Time { return ts[rng.IntN(len(ts))] }
	for i := range 20000 {
		e := base()
		e.Suspicion.State = []membership.State{membership.Alive, membership.Suspect, membership.Dead, membership.Left}[rng.IntN(4)]
		e.Now = at(time.Duration(rng.IntN(30)) * 500 * time.Millisecond)
		e.BMC.Power = []fencing.Power{fencing.PowerOn, fencing.PowerOff, fencing.PowerUnknown}[rng.IntN(3)]
		if rng.IntN(3) == 0 {
			e.BMCErr = errUnreachable
		}
		e.Heartbeat.FirstSeen = pick(time.Time{}, at(dur()))
		e.Heartbeat.LastChange = pick(time.Time{}, at(dur()))
		switch rng.IntN(4) {
		case 0:
			e.HeartbeatErr = os.ErrNotExist
		case 1:
			e.HeartbeatErr = verdict.ErrNoSource
		}
		e.Lease.Renewed = at(dur())
		e.Lease.Expires = at(dur())
		e.Lease.WatchdogArmed = rng.IntN(2) == 0
		if rng.IntN(4) == 0 {
			e.LeaseErr = errors.New("no leader")
		}
		v := verdict.Decide(e, rules)
		acts := v.Outcome == verdict.Fence || v.Outcome == verdict.Dead || v.Outcome == verdict.SelfFenced
		expired := e.LeaseErr == nil && !e.Now.Before(e.Lease.Expires)
		advancing := e.HeartbeatErr == nil && !e.Heartbeat.FirstSeen.IsZero() && !e.Heartbeat.LastChange.IsZero() &&
			e.Heartbeat.LastChange.After(e.Suspicion.Since) && e.Now.Before(e.Heartbeat.LastChange.Add(rules.HeartbeatStale))
		fail := func(why string) {
			t.Fatalf("case %d (seed %d): %s: Decide(%+v) = %v (%s): %s", i, seed, why, e, v.Outcome, v.Code, v.Reason)
		}
		if advancing && acts && !expired {
			fail("acted on a host whose heartbeat advances")
		}
		if v.Outcome == verdict.Dead && (e.BMCErr != nil || e.BMC.Power != fencing.PowerOff) {
			fail("dead without the BMC reading off")
		}
		if v.Outcome == verdict.Fence && e.BMCErr != nil && !errors.Is(e.BMCErr, verdict.ErrNoSource) && !expired {
			fail("fence with an unreachable BMC and the lease not expired")
		}
		if acts && !expired && e.BMCErr == nil && e.BMC.Power == fencing.PowerOn {
			fail("acted on a powered host before its lease expired")
		}
		if v.Outcome == verdict.SelfFenced && (e.LeaseErr != nil || !e.Lease.WatchdogArmed || e.Now.Before(e.Lease.Expires.Add(rules.SelfFenceMargin))) {
			fail("self-fenced without an armed watchdog past lease expiry plus margin")
		}
		if acts && !expired && (e.Suspicion.State == membership.Alive || e.Suspicion.State == membership.Suspect) {
			fail("acted on memberlist's alive or suspect")
		}
		if v.Reason == "" {
			fail("no reason")
		}
	}
}

func TestJudgeAsksWitnessesOnlyForDead(t *testing.T) {
	var bmc verdicttest.BMC
	var hb verdicttest.Heartbeats
	var leases verdicttest.Leases
	j, err := verdict.New(verdict.Config{BMC: &bmc, Heartbeats: &hb, Leases: &leases, Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []membership.State{membership.Alive, membership.Suspect} {
		v := j.Judge(context.Background(), "host-b", verdict.Suspicion{State: s, Since: time.Now()})
		if v.Outcome == verdict.Fence || v.Outcome == verdict.Dead {
			t.Errorf("Judge(%v) = %v, want no action", s, v.Outcome)
		}
	}
	if n := bmc.Calls("host-b") + hb.Calls("host-b") + leases.Calls("host-b"); n != 0 {
		t.Errorf("witnesses asked %d times for an alive or suspect member, want 0", n)
	}
}

func TestJudgeHungBMCCountsAsUnreachable(t *testing.T) {
	var bmc verdicttest.BMC
	var hb verdicttest.Heartbeats
	var leases verdicttest.Leases
	bmc.Hang("host-b")
	now := time.Now()
	hb.Set("host-b", heartbeat.Status{FirstSeen: now.Add(-time.Minute), LastChange: now.Add(-30 * time.Second)}, nil)
	leases.Set("host-b", verdict.Lease{Renewed: now.Add(-40 * time.Second), Expires: now.Add(20 * time.Second)}, nil)
	j, err := verdict.New(verdict.Config{BMC: &bmc, Heartbeats: &hb, Leases: &leases, Rules: rules, Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	v := j.Judge(context.Background(), "host-b", verdict.Suspicion{State: membership.Dead, Since: now.Add(-5 * time.Second)})
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("Judge took %v with a hung BMC, want about its 100 ms timeout", took)
	}
	if v.Outcome != verdict.Wait || v.Code != verdict.CodeNoWatchdog {
		t.Fatalf("Judge() = %v (%s), want wait (%s): %s", v.Outcome, v.Code, verdict.CodeNoWatchdog, v.Reason)
	}
	if !errors.Is(v.Evidence.BMCErr, context.DeadlineExceeded) {
		t.Errorf("Evidence.BMCErr = %v, want the deadline", v.Evidence.BMCErr)
	}
	if bmc.Calls("host-b") != 1 || hb.Calls("host-b") != 1 || leases.Calls("host-b") != 1 {
		t.Errorf("calls: bmc %d, heartbeats %d, leases %d; want one each", bmc.Calls("host-b"), hb.Calls("host-b"), leases.Calls("host-b"))
	}
}

func TestJudgeMissingWitnesses(t *testing.T) {
	j, err := verdict.New(verdict.Config{Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	v := j.Judge(context.Background(), "host-b", verdict.Suspicion{State: membership.Dead, Since: time.Now()})
	// Nothing shows the host alive and nobody asked its BMC: the fence
	// asks it (and confirms only with the power read back off).
	if v.Outcome != verdict.Fence || v.Code != verdict.CodeBMCNotAsked {
		t.Fatalf("Judge() with no witnesses = %v (%s), want fence (%s): %s", v.Outcome, v.Code, verdict.CodeBMCNotAsked, v.Reason)
	}
}

func TestNewRefusesBadRules(t *testing.T) {
	for _, r := range []verdict.Rules{{}, {HeartbeatStale: time.Second, SelfFenceMargin: -1}} {
		if _, err := verdict.New(verdict.Config{Rules: r}); err == nil {
			t.Errorf("New(%+v) = nil error, want one", r)
		}
	}
}

// TestJudgeIsolatedWithRealHeartbeat runs the isolated case on a real
// heartbeat file: a writer keeps beating on a directory while memberlist
// says the host is dead and its BMC reads on; the judge must not fence.
// Once the writer stops and the BMC no longer reads on, it says fence.
func TestJudgeIsolatedWithRealHeartbeat(t *testing.T) {
	dir := t.TempDir()
	ctx := t.Context()
	w, err := heartbeat.OpenWriter(ctx, heartbeat.WriterConfig{Dir: dir, Host: "host-b"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var bmc verdicttest.BMC
	var leases verdicttest.Leases
	bmc.Set("host-b", verdict.BMCReport{Power: fencing.PowerOn}, nil)
	leases.Set("host-b", verdict.Lease{Renewed: time.Now().Add(-time.Minute), Expires: time.Now().Add(time.Minute), WatchdogArmed: true}, nil)
	reader := heartbeat.NewReader(dir, nil)
	stale := 400 * time.Millisecond
	j, err := verdict.New(verdict.Config{BMC: &bmc, Heartbeats: reader, Leases: &leases, Rules: verdict.Rules{HeartbeatStale: stale}})
	if err != nil {
		t.Fatal(err)
	}
	beat := func() {
		t.Helper()
		if _, err := w.Beat(ctx); err != nil {
			t.Fatal(err)
		}
	}
	beat()
	if _, err := reader.Observe(ctx, "host-b"); err != nil {
		t.Fatal(err)
	}
	dead := verdict.Suspicion{State: membership.Dead, Since: time.Now()}
	beat()
	v := j.Judge(ctx, "host-b", dead)
	if v.Outcome != verdict.Isolated {
		t.Fatalf("heartbeat advancing: Judge() = %v (%s), want isolated: %s", v.Outcome, v.Code, v.Reason)
	}
	// The writer stops: stale after `stale`. The BMC still reads on:
	// running, wait for the lease.
	time.Sleep(stale + 50*time.Millisecond)
	v = j.Judge(ctx, "host-b", dead)
	if v.Outcome != verdict.Wait || v.Code != verdict.CodePowerOn {
		t.Fatalf("heartbeat stopped, BMC on: Judge() = %v (%s), want wait (%s): %s", v.Outcome, v.Code, verdict.CodePowerOn, v.Reason)
	}
	// The host really died (its BMC cannot tell its power): fence.
	bmc.Set("host-b", verdict.BMCReport{Power: fencing.PowerUnknown}, nil)
	v = j.Judge(ctx, "host-b", dead)
	if v.Outcome != verdict.Fence {
		t.Fatalf("heartbeat stopped: Judge() = %v (%s), want fence: %s", v.Outcome, v.Code, v.Reason)
	}
}
