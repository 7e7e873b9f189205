package fencing_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/fencing/fencingtest"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/store/storetest"
)

func TestDoConfirmsOffAfterDelay(t *testing.T) {
	f := fencingtest.NewFake("bmc-b")
	f.Delay = 300 * time.Millisecond // reads "on" for a while after off, like ipmi_sim
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	res, err := fencing.Do(ctx, f, fencing.ActionOff, fencing.Confirm{})
	if err != nil || !res.Confirmed || res.Power != fencing.PowerOff {
		t.Fatalf("Do(off) = %+v, %v; want confirmed off", res, err)
	}
	if res.Elapsed < 300*time.Millisecond || res.Polls < 2 {
		t.Fatalf("Do(off) confirmed after %v and %d polls; the power read on for 300ms", res.Elapsed, res.Polls)
	}
	if f.Count("set off") != 1 {
		t.Fatalf("calls %q: want exactly one off command", f.Calls())
	}
}

func TestDoFailsWithLastStateWhenNotConfirmed(t *testing.T) {
	f := fencingtest.NewFake("bmc-b")
	f.Stuck = true
	ctx, cancel := context.WithTimeout(context.Background(), 400*time.Millisecond)
	defer cancel()
	start := time.Now()
	res, err := fencing.Do(ctx, f, fencing.ActionOff, fencing.Confirm{})
	if !errors.Is(err, fencing.ErrNotConfirmed) || res.Confirmed || res.Power != fencing.PowerOn {
		t.Fatalf("Do(off) on a stuck BMC = %+v, %v; want ErrNotConfirmed with power on", res, err)
	}
	if !strings.Contains(err.Error(), "still reads on") {
		t.Fatalf("error %q does not say the last state", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("Do(off) took %v with a 400ms deadline", d)
	}
}

func TestDoStatusCycleAndRefusals(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	f := fencingtest.NewFake("bmc-b")
	res, err := fencing.Do(ctx, f, fencing.ActionStatus, fencing.Confirm{})
	if err != nil || res.Power != fencing.PowerOn || !res.Confirmed || f.Count("set off")+f.Count("set on") != 0 {
		t.Fatalf("Do(status) = %+v, %v (calls %q); want on, read only", res, err, f.Calls())
	}
	f.Delay = 100 * time.Millisecond
	res, err = fencing.Do(ctx, f, fencing.ActionCycle, fencing.Confirm{})
	if err != nil || res.Power != fencing.PowerOn || !res.Confirmed {
		t.Fatalf("Do(cycle) = %+v, %v; want confirmed on", res, err)
	}
	if got := strings.Join(f.Calls(), ","); !strings.Contains(got, "set off") || strings.Index(got, "set off") > strings.Index(got, "set on") {
		t.Fatalf("cycle calls %q: want off confirmed, then on", got)
	}

	f = fencingtest.NewFake("bmc-b")
	f.SetErr = func(fencing.Action) error { return fmt.Errorf("ipmi: %w", fencing.ErrPrivilege) }
	_, err = fencing.Do(ctx, f, fencing.ActionOff, fencing.Confirm{})
	if !errors.Is(err, fencing.ErrPrivilege) || !fencing.Permanent(err) {
		t.Fatalf("Do(off) refused for privilege = %v; want ErrPrivilege, permanent", err)
	}
	// A lost reply to an off the BMC carried out: the read-back decides.
	f = fencingtest.NewFake("bmc-b")
	f.SetErr = func(a fencing.Action) error {
		f.SetErr = nil
		return fmt.Errorf("ipmi: %w: reply lost", fencing.ErrUnreachable)
	}
	f.SetPower(false)
	res, err = fencing.Do(ctx, f, fencing.ActionOff, fencing.Confirm{})
	if err != nil || !res.Confirmed {
		t.Fatalf("Do(off) with a lost reply on a host that reads off = %+v, %v; want confirmed", res, err)
	}
	if _, err := fencing.ParseAction("reboot"); err == nil {
		t.Fatal("ParseAction(reboot) accepted")
	}
}

type cluster struct {
	st *store.Store
	// now is the fake clock's base (tests move it); real time since
	// created runs on top, so attempts have real durations.
	now     time.Time
	created time.Time
	// revoked lists the hosts whose ownership was revoked, in order.
	revoked []string
}

func newManager(t *testing.T, size int, selfBMCs ...string) (*fencing.Manager, *cluster) {
	c := &cluster{st: storetest.Open(t, store.Options{NoSync: true}), now: time.Date(2026, 11, 22, 2, 0, 0, 0, time.UTC), created: time.Now()}
	m, err := fencing.NewManager(fencing.Config{
		Self: "host-a", SelfBMCs: selfBMCs, ClusterSize: func() int { return size },
		Store: c.st, Now: func() time.Time { return c.now.Add(time.Since(c.created)) }, Window: 10 * time.Minute,
		Revoker: fencing.RevokeFunc(func(_ context.Context, host string) error {
			c.revoked = append(c.revoked, host)
			return nil
		}),
	})
	if err != nil {
		t.Fatal(err)
	}
	return m, c
}

func TestManagerFencesAndRecords(t *testing.T) {
	m, c := newManager(t, 3)
	f := fencingtest.NewFake("10.0.0.2:623")
	f.Delay = 50 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rec, err := m.Fence(ctx, fencing.HostLevels{Host: "host-b", Levels: []fencing.Level{f.Level("ipmi", 5*time.Second, 0)}}, fencing.ActionOff, "suspect 12s")
	if err != nil || !rec.Confirmed || rec.Power != "off" || rec.Level != "ipmi" || len(rec.Attempts) != 1 {
		t.Fatalf("Fence = %+v, %v; want confirmed off at level ipmi in one attempt", rec, err)
	}
	if f.IsOn() || f.Closed() != 1 {
		t.Fatalf("fake on=%v closed=%d; want off and the session closed", f.IsOn(), f.Closed())
	}
	stored, _ := c.st.FencesSince(time.Time{})
	if len(stored) != 1 || stored[0].Attempts[0].Elapsed < 50*time.Millisecond || stored[0].Attempts[0].Target != "10.0.0.2:623" {
		t.Fatalf("stored fence records %+v; want one with the attempt's timing and target", stored)
	}
	if open, _ := c.st.OpenIntents(); len(open) != 0 {
		t.Fatalf("open intents after the fence: %+v", open)
	}
	evs, _ := c.st.Events(0, 0)
	if len(evs) != 2 || evs[0].Kind != "fence" || !strings.Contains(evs[0].Message, "confirmed") || !strings.Contains(evs[0].Evidence, "target=10.0.0.2:623") ||
		!strings.Contains(evs[1].Message, "fence intent") || !strings.Contains(evs[1].Message, "confirmed") {
		t.Fatalf("audit %+v; want the fence with its attempts, then the closed fence intent", evs)
	}
	if stored[0].By != "host-a" {
		t.Fatalf("fence record by %q, want host-a", stored[0].By)
	}
	if !slices.Equal(c.revoked, []string{"host-b"}) {
		t.Fatalf("revoked %q; want host-b's ownership revoked once", c.revoked)
	}
}

func TestManagerLevelsRetriesAndAuth(t *testing.T) {
	m, c := newManager(t, 5)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	// Level 1: wrong password. Level 2: times out twice, then works.
	bad := fencingtest.NewFake("10.0.0.2:623")
	bad.SetErr = func(fencing.Action) error { return fmt.Errorf("ipmi: %w", fencing.ErrAuth) }
	var opens atomic.Int32
	authLevel := bad.Level("ipmi", time.Second, 5)
	authLevel.Open = func(ctx context.Context) (fencing.Fencer, error) {
		opens.Add(1)
		return nil, fmt.Errorf("ipmi 10.0.0.2:623: %w", fencing.ErrAuth)
	}
	flaky := fencingtest.NewFake("https://10.0.0.2")
	var calls atomic.Int32
	flaky.SetErr = func(fencing.Action) error {
		if calls.Add(1) <= 2 {
			return fmt.Errorf("redfish: %w", fencing.ErrUnreachable)
		}
		return nil
	}
	rec, err := m.Fence(ctx, fencing.HostLevels{Host: "host-b", Levels: []fencing.Level{authLevel, flaky.Level("redfish", time.Second, 3)}}, fencing.ActionOff, "test")
	if err != nil || !rec.Confirmed || rec.Level != "redfish" {
		t.Fatalf("Fence = %+v, %v; want confirmed through redfish", rec, err)
	}
	if opens.Load() != 1 {
		t.Fatalf("the wrong-password level was tried %d times; auth failures must not be retried", opens.Load())
	}
	if len(rec.Attempts) != 4 || !strings.Contains(rec.Attempts[0].Error, "wrong credentials") {
		t.Fatalf("attempts %+v; want 1 auth failure + 2 unreachable + 1 success", rec.Attempts)
	}

	// Every level failing: not confirmed, error names each level, record kept.
	stuck := fencingtest.NewFake("10.0.0.3:623")
	stuck.Stuck = true
	rec, err = m.Fence(ctx, fencing.HostLevels{Host: "host-c", Levels: []fencing.Level{stuck.Level("ipmi", 300*time.Millisecond, 1)}}, fencing.ActionOff, "test")
	if !errors.Is(err, fencing.ErrNotConfirmed) || rec.Confirmed || rec.Power != "on" || len(rec.Attempts) != 2 {
		t.Fatalf("Fence(stuck) = %+v, %v; want not confirmed, power on, 2 attempts", rec, err)
	}
	stored, _ := c.st.FencesSince(time.Time{})
	if len(stored) != 2 || stored[1].Confirmed || stored[1].Error == "" {
		t.Fatalf("stored %+v; want the failed fence recorded with its error", stored)
	}
}

func TestManagerGuards(t *testing.T) {
	m, c := newManager(t, 4, "10.0.0.1:623")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	own := fencingtest.NewFake("https://10.0.0.1/redfish/v1")
	if _, err := m.Fence(ctx, fencing.HostLevels{Host: "host-a", Levels: []fencing.Level{own.Level("ipmi", time.Second, 0)}}, fencing.ActionOff, ""); !errors.Is(err, fencing.ErrSelfFence) {
		t.Fatalf("fencing host-a (self) = %v, want ErrSelfFence", err)
	}
	if _, err := m.Fence(ctx, fencing.HostLevels{Host: "host-x", Levels: []fencing.Level{own.Level("redfish", time.Second, 0)}}, fencing.ActionOff, ""); !errors.Is(err, fencing.ErrSelfFence) {
		t.Fatalf("fencing through own BMC (another name) = %v, want ErrSelfFence", err)
	}
	if len(own.Calls()) != 0 {
		t.Fatalf("own BMC was called: %q", own.Calls())
	}

	// Cluster of 4, share 0.5: two hosts in the window, not a third.
	for _, h := range []string{"host-b", "host-c"} {
		f := fencingtest.NewFake(h)
		if _, err := m.Fence(ctx, fencing.HostLevels{Host: h, Levels: []fencing.Level{f.Level("ipmi", time.Second, 0)}}, fencing.ActionOff, ""); err != nil {
			t.Fatalf("fence %s: %v", h, err)
		}
	}
	third := fencingtest.NewFake("host-d")
	_, err := m.Fence(ctx, fencing.HostLevels{Host: "host-d", Levels: []fencing.Level{third.Level("ipmi", time.Second, 0)}}, fencing.ActionOff, "")
	if !errors.Is(err, fencing.ErrMassFence) || len(third.Calls()) != 0 {
		t.Fatalf("third fence in the window = %v (calls %q); want ErrMassFence before any call", err, third.Calls())
	}
	// Fencing the same host again and powering on stay allowed.
	again := fencingtest.NewFake("host-b")
	if _, err := m.Fence(ctx, fencing.HostLevels{Host: "host-b", Levels: []fencing.Level{again.Level("ipmi", time.Second, 0)}}, fencing.ActionOn, ""); err != nil {
		t.Fatalf("power host-b back on: %v", err)
	}
	// After the window, fencing is possible again.
	c.now = c.now.Add(11 * time.Minute)
	if _, err := m.Fence(ctx, fencing.HostLevels{Host: "host-d", Levels: []fencing.Level{third.Level("ipmi", time.Second, 0)}}, fencing.ActionOff, ""); err != nil {
		t.Fatalf("fence after the window: %v", err)
	}
}

func TestSameBMC(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"10.0.0.1:623", "10.0.0.1", true},
		{"10.0.0.1:623", "https://10.0.0.1/redfish/v1", true},
		{"ipmi:BMC-A.example:623", "bmc-a.example", true},
		{"[fd00::1]:623", "https://[fd00::1]:8443", true},
		{"10.0.0.1", "10.0.0.10", false},
		{"", "", false},
	} {
		if got := fencing.SameBMC(tc.a, tc.b); got != tc.want {
			t.Errorf("SameBMC(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestResumeAfterCrash: an agent died between writing a fence intent and
// closing it; the next run fences the host again and closes the old intent.
func TestResumeAfterCrash(t *testing.T) {
	m, c := newManager(t, 3)
	id, err := c.st.OpenIntent(store.Intent{Kind: store.IntentFence, Action: "off", Host: "host-b", Detail: "suspect 12s"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.st.OpenIntent(store.Intent{Kind: store.IntentStart, VM: "vm1"}); err != nil {
		t.Fatal(err)
	}
	pending, _ := c.st.OpenIntents()
	f := fencingtest.NewFake("10.0.0.2:623")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	recs, err := m.Resume(ctx, pending, func(host string) (fencing.HostLevels, bool) {
		if host != "host-b" {
			return fencing.HostLevels{}, false
		}
		return fencing.HostLevels{Host: host, Levels: []fencing.Level{f.Level("ipmi", time.Second, 0)}}, true
	})
	if err != nil || len(recs) != 1 || !recs[0].Confirmed || f.IsOn() || !strings.Contains(recs[0].Reason, "resumed") {
		t.Fatalf("Resume = %+v, %v; want host-b fenced again", recs, err)
	}
	if !slices.Equal(c.revoked, []string{"host-b"}) {
		t.Fatalf("revoked %q; a resumed fence must revoke again before powering off", c.revoked)
	}
	open, _ := c.st.OpenIntents()
	if len(open) != 1 || open[0].Kind != store.IntentStart || open[0].ID == id {
		t.Fatalf("open intents after Resume: %+v; want only the start intent", open)
	}
}

// TestManagerRevokesBeforePower: the host's ownership is revoked before the
// first power command (DESIGN.md's fencing order), and a revoke that fails
// stops the fence before anything reaches the BMC.
func TestManagerRevokesBeforePower(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st := storetest.Open(t, store.Options{NoSync: true})
	f := fencingtest.NewFake("10.0.0.2:623")
	var order []string
	fail := error(nil)
	m, err := fencing.NewManager(fencing.Config{
		Self: "host-a", ClusterSize: func() int { return 5 }, Store: st,
		Revoker: fencing.RevokeFunc(func(_ context.Context, host string) error {
			order = append(order, fmt.Sprintf("revoke %s (bmc calls so far %d)", host, len(f.Calls())))
			return fail
		}),
	})
	if err != nil {
		t.Fatal(err)
	}
	level := f.Level("ipmi", time.Second, 0)
	rec, err := m.Fence(ctx, fencing.HostLevels{Host: "host-b", Levels: []fencing.Level{level}}, fencing.ActionOff, "dead")
	if err != nil || !rec.Confirmed {
		t.Fatalf("Fence = %+v, %v; want confirmed", rec, err)
	}
	if want := []string{"revoke host-b (bmc calls so far 0)"}; !slices.Equal(order, want) || f.Count("set off") != 1 {
		t.Fatalf("revokes %q, BMC calls %q; want %q before one off", order, f.Calls(), want)
	}

	// Powering on is not fencing: nothing to revoke.
	order = nil
	if _, err := m.Fence(ctx, fencing.HostLevels{Host: "host-b", Levels: []fencing.Level{level}}, fencing.ActionOn, "readmit"); err != nil || len(order) != 0 {
		t.Fatalf("power on = %v, revokes %q; want no revoke", err, order)
	}

	// A revoke that fails: no power command, a clear error, the failure
	// written down and the intent closed.
	fail = errors.New("raft: not the leader")
	g := fencingtest.NewFake("10.0.0.3:623")
	rec, err = m.Fence(ctx, fencing.HostLevels{Host: "host-c", Levels: []fencing.Level{g.Level("ipmi", time.Second, 3)}}, fencing.ActionOff, "dead")
	if err == nil || !errors.Is(err, fail) || !strings.Contains(err.Error(), "revoke ownership of host-c") || !strings.Contains(err.Error(), "no power command sent") {
		t.Fatalf("Fence with a failing revoke = %v; want an error naming the revoke and wrapping its cause", err)
	}
	if rec.Confirmed || len(g.Calls()) != 0 || !g.IsOn() {
		t.Fatalf("record %+v, BMC calls %q; want nothing sent and the host still on", rec, g.Calls())
	}
	stored, _ := st.FencesSince(time.Time{})
	if last := stored[len(stored)-1]; last.Host != "host-c" || last.Confirmed || !strings.Contains(last.Error, "not the leader") || len(last.Attempts) != 0 {
		t.Fatalf("stored record %+v; want host-c unconfirmed with the revoke error and no attempt", last)
	}
	if open, _ := st.OpenIntents(); len(open) != 0 {
		t.Fatalf("open intents %+v; want the fence intent closed as failed", open)
	}

	if _, err := fencing.NewManager(fencing.Config{Self: "host-a", ClusterSize: func() int { return 5 }, Store: st}); err == nil || !strings.Contains(err.Error(), "Revoker") {
		t.Fatalf("NewManager without a Revoker = %v; want refused", err)
	}
}

// TestManagerClock: retries and confirmation polls wait through the
// Manager's Sleep and attempts are timed with its Now, so a simulation
// drives them without real time passing.
func TestManagerClock(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st := storetest.Open(t, store.Options{NoSync: true})
	now := time.Date(2026, 11, 22, 2, 0, 0, 0, time.UTC)
	f := fencingtest.NewFake("10.0.0.2:623")
	f.Delay = time.Hour // in real time: only the fake clock below turns it off
	var calls atomic.Int32
	f.SetErr = func(fencing.Action) error {
		if calls.Add(1) <= 2 {
			return fmt.Errorf("ipmi: %w", fencing.ErrUnreachable)
		}
		return nil
	}
	var slept []time.Duration
	m, err := fencing.NewManager(fencing.Config{
		Self: "host-a", ClusterSize: func() int { return 5 }, Store: st, Revoker: fencing.Standalone,
		Now: func() time.Time { return now },
		Sleep: func(ctx context.Context, d time.Duration) error {
			slept = append(slept, d)
			now = now.Add(d)
			if len(slept) == 5 { // two retry backoffs, then the third poll reads off
				f.SetPower(false)
			}
			return ctx.Err()
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	level := f.Level("ipmi", 5*time.Second, 2)
	level.Backoff = time.Second
	start := time.Now()
	rec, err := m.Fence(ctx, fencing.HostLevels{Host: "host-b", Levels: []fencing.Level{level}}, fencing.ActionOff, "dead")
	if err != nil || !rec.Confirmed {
		t.Fatalf("Fence = %+v, %v; want confirmed", rec, err)
	}
	want := []time.Duration{time.Second, 2 * time.Second, 50 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond}
	if !slices.Equal(slept, want) {
		t.Fatalf("slept %v, want %v (backoff 1s doubling, then polls from 50ms doubling)", slept, want)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("Fence took %v of real time; every wait should have gone through the fake clock", d)
	}
	if len(rec.Attempts) != 3 || rec.Attempts[2].Elapsed != 350*time.Millisecond || !rec.Finished.Equal(now) {
		t.Fatalf("attempts %+v, finished %v; want the third attempt timed at 350ms on the fake clock, finished at %v", rec.Attempts, rec.Finished, now)
	}
}

// TestDoTellsCommandSent: the hook of WithCommandSent hears of an accepted
// off command while the power still reads on, and of no refused one.
func TestDoTellsCommandSent(t *testing.T) {
	f := fencingtest.NewFake("bmc-b")
	f.Delay = 300 * time.Millisecond
	sent := make(chan fencing.Power, 2)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ctx = fencing.WithCommandSent(ctx, func(a fencing.Action) {
		if a != fencing.ActionOff {
			t.Errorf("told of %s, want off", a)
		}
		p := fencing.PowerOff
		if f.IsOn() {
			p = fencing.PowerOn
		}
		sent <- p
	})
	if res, err := fencing.Do(ctx, f, fencing.ActionOff, fencing.Confirm{}); err != nil || !res.Confirmed {
		t.Fatalf("Do(off) = %+v, %v; want confirmed", res, err)
	}
	select {
	case p := <-sent:
		if p != fencing.PowerOn {
			t.Errorf("told of the command when the power read %s, want before it read off", p)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the hook never heard of the accepted off command")
	}

	refused := fencingtest.NewFake("bmc-c")
	refused.SetErr = func(fencing.Action) error { return fencing.ErrAuth }
	heard := make(chan struct{}, 1)
	rctx := fencing.WithCommandSent(context.Background(), func(fencing.Action) { heard <- struct{}{} })
	rctx, rcancel := context.WithTimeout(rctx, 2*time.Second)
	defer rcancel()
	if _, err := fencing.Do(rctx, refused, fencing.ActionOff, fencing.Confirm{}); err == nil {
		t.Fatal("Do(off) through a refusing BMC succeeded")
	}
	select {
	case <-heard:
		t.Error("the hook heard of a refused command")
	case <-time.After(200 * time.Millisecond):
	}
}
