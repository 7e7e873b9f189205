package lease

import (
	"strings"
	"testing"
	"time"
)

var (
	t0  = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	cfg = Config{TTL: 12 * time.Second, MaxDrift: 500 * time.Millisecond, MaxRenewalRTT: time.Second, RenewInterval: time.Second, WatchdogTimeout: 8 * time.Second}
)

func TestConfigValidate(t *testing.T) {
	with := func(f func(*Config)) Config {
		c := cfg
		f(&c)
		return c
	}
	cases := []struct {
		name    string
		cfg     Config
		mention string // "" when valid
	}{
		{"good", cfg, ""},
		{"no watchdog", with(func(c *Config) { c.WatchdogTimeout = 0 }), ""},
		{"zero ttl", with(func(c *Config) { c.TTL = 0 }), "ttl"},
		{"negative drift", with(func(c *Config) { c.MaxDrift = -1 }), "drift"},
		{"zero rtt", with(func(c *Config) { c.MaxRenewalRTT = 0 }), "rtt"},
		{"zero renew", with(func(c *Config) { c.RenewInterval = 0 }), "renew interval"},
		{"lapses between renewals", with(func(c *Config) { c.RenewInterval = 11 * time.Second }), "lapses between renewals"},
		// 12 − 0.5 > 11 + 1 is false: the watchdog outlives the lease.
		{"watchdog outlives lease", with(func(c *Config) { c.WatchdogTimeout = 11 * time.Second }), "watchdog timing"},
		{"watchdog shorter than a renewal round", with(func(c *Config) { c.WatchdogTimeout = 2 * time.Second }), "resets itself"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.cfg.Validate()
			switch {
			case c.mention == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case c.mention != "" && (err == nil || !strings.Contains(err.Error(), c.mention)):
				t.Fatalf("Validate() = %v, want an error mentioning %q", err, c.mention)
			}
		})
	}
}

type dog struct{ fed int }

func (d *dog) Feed() error { d.fed++; return nil }

func newKeeper(t *testing.T) (*Keeper, *dog) {
	t.Helper()
	d := &dog{}
	k, err := New(cfg, "h1", "boot-1", d)
	if err != nil {
		t.Fatal(err)
	}
	return k, d
}

func TestNewChecksWatchdogPairing(t *testing.T) {
	if _, err := New(cfg, "h1", "b", nil); err == nil {
		t.Error("New with a watchdog timeout but no feeder succeeded")
	}
	c := cfg
	c.WatchdogTimeout = 0
	if _, err := New(c, "h1", "b", &dog{}); err == nil {
		t.Error("New with a feeder but no watchdog timeout succeeded")
	}
	if _, err := New(c, "", "b", nil); err == nil {
		t.Error("New without a holder succeeded")
	}
}

// TestTimelyGrant: a reply within the bound grants the lease from the
// request's send time (not the reply's), minus the drift, and feeds the
// watchdog once.
func TestTimelyGrant(t *testing.T) {
	k, d := newKeeper(t)
	req := k.Request(t0)
	if req.Epoch != 0 || req.Holder != "h1" || req.BootID != "boot-1" {
		t.Fatalf("first request %+v, want a grant request for h1 boot-1", req)
	}
	if got := k.Handle(t0.Add(900*time.Millisecond), Reply{Holder: "h1", Seq: req.Seq, Granted: true, Epoch: 4, Index: 17}); got != Accepted {
		t.Fatalf("Handle = %v, want accepted", got)
	}
	if want := t0.Add(cfg.TTL - cfg.MaxDrift); !k.ValidUntil().Equal(want) {
		t.Errorf("ValidUntil = %v, want send time + TTL − drift = %v", k.ValidUntil(), want)
	}
	if k.Epoch() != 4 || k.Index() != 17 || d.fed != 1 {
		t.Errorf("epoch %d index %d fed %d, want 4, 17, 1", k.Epoch(), k.Index(), d.fed)
	}
	if !k.Valid(t0.Add(11*time.Second)) || k.Valid(t0.Add(cfg.TTL-cfg.MaxDrift)) {
		t.Error("Valid should hold until ValidUntil and not at it")
	}
	if next := k.Request(t0.Add(time.Second)); next.Epoch != 4 {
		t.Errorf("next request epoch %d, want 4", next.Epoch)
	}
}

// TestLateRenewalKeepsNothingAlive: a reply after the round-trip bound
// neither extends the lease nor feeds the watchdog, so a host cut off from
// the leader is not kept alive by stragglers (DESIGN.md invariant 2).
func TestLateRenewalKeepsNothingAlive(t *testing.T) {
	k, d := newKeeper(t)
	r0 := k.Request(t0)
	k.Handle(t0.Add(100*time.Millisecond), Reply{Holder: "h1", Seq: r0.Seq, Granted: true, Epoch: 1})
	until, fed := k.ValidUntil(), d.fed
	r1 := k.Request(t0.Add(time.Second))
	got := k.Handle(t0.Add(time.Second+cfg.MaxRenewalRTT+time.Millisecond), Reply{Holder: "h1", Seq: r1.Seq, Granted: true, Epoch: 1, Index: 99})
	if got != Late {
		t.Fatalf("Handle of a late reply = %v, want late", got)
	}
	if !k.ValidUntil().Equal(until) || d.fed != fed || k.Index() == 99 {
		t.Errorf("a late reply changed the lease: until %v (was %v), fed %d (was %d), index %d", k.ValidUntil(), until, d.fed, fed, k.Index())
	}
	// Exactly at the bound still counts.
	r2 := k.Request(t0.Add(2 * time.Second))
	if got := k.Handle(t0.Add(2*time.Second+cfg.MaxRenewalRTT), Reply{Holder: "h1", Seq: r2.Seq, Granted: true, Epoch: 1}); got != Accepted {
		t.Errorf("reply at the bound = %v, want accepted", got)
	}
}

func TestRefusalEndsLease(t *testing.T) {
	k, _ := newKeeper(t)
	r0 := k.Request(t0)
	k.Handle(t0, Reply{Holder: "h1", Seq: r0.Seq, Granted: true, Epoch: 3})
	r1 := k.Request(t0.Add(time.Second))
	if got := k.Handle(t0.Add(time.Second), Reply{Holder: "h1", Seq: r1.Seq, Reason: "fencing"}); got != Refused {
		t.Fatalf("Handle(refusal) = %v, want refused", got)
	}
	if k.Valid(t0.Add(time.Second)) || k.Epoch() != 0 {
		t.Errorf("after a refusal: valid %v epoch %d, want invalid and 0", k.Valid(t0.Add(time.Second)), k.Epoch())
	}
	if next := k.Request(t0.Add(2 * time.Second)); next.Epoch != 0 {
		t.Errorf("request after a refusal asks for epoch %d, want 0 (a new grant)", next.Epoch)
	}
}

func TestStaleReplies(t *testing.T) {
	k, d := newKeeper(t)
	r0 := k.Request(t0)
	k.Handle(t0, Reply{Holder: "h1", Seq: r0.Seq, Granted: true, Epoch: 2})
	r1 := k.Request(t0.Add(time.Second))
	r2 := k.Request(t0.Add(2 * time.Second))
	fed := d.fed
	cases := []struct {
		name string
		r    Reply
	}{
		{"unknown seq", Reply{Holder: "h1", Seq: 999, Granted: true, Epoch: 2}},
		{"other holder", Reply{Holder: "h2", Seq: r1.Seq, Granted: true, Epoch: 2}},
		{"older epoch", Reply{Holder: "h1", Seq: r1.Seq, Granted: true, Epoch: 1}},
		{"zero seq", Reply{Holder: "h1", Granted: true, Epoch: 2}},
	}
	for _, c := range cases {
		if got := k.Handle(t0.Add(2*time.Second), c.r); got != Stale {
			t.Errorf("%s: Handle = %v, want stale", c.name, got)
		}
	}
	if d.fed != fed {
		t.Errorf("stale replies fed the watchdog")
	}
	// Replies out of order: the newer first, then the older; the older
	// must not shorten the lease.
	k.Handle(t0.Add(2200*time.Millisecond), Reply{Holder: "h1", Seq: r2.Seq, Granted: true, Epoch: 2})
	until := k.ValidUntil()
	k.Handle(t0.Add(1900*time.Millisecond), Reply{Holder: "h1", Seq: r1.Seq, Granted: true, Epoch: 2})
	if !k.ValidUntil().Equal(until) {
		t.Errorf("an older reply moved ValidUntil from %v to %v", until, k.ValidUntil())
	}
	// A refusal answering a request made under an older epoch says
	// nothing about the current one.
	k.Drop()
	r3 := k.Request(t0.Add(3 * time.Second)) // epoch 0: a new grant
	k.Handle(t0.Add(3*time.Second), Reply{Holder: "h1", Seq: r3.Seq, Granted: true, Epoch: 3})
	r4 := k.Request(t0.Add(4 * time.Second))
	k.Handle(t0.Add(4*time.Second), Reply{Holder: "h1", Seq: r4.Seq, Granted: true, Epoch: 3})
	if got := k.Handle(t0.Add(4*time.Second), Reply{Holder: "h1", Seq: r2.Seq, Reason: "old"}); got != Stale {
		t.Errorf("refusal of an old epoch's request = %v, want stale", got)
	}
	if !k.Valid(t0.Add(4 * time.Second)) {
		t.Error("an old refusal ended the current lease")
	}
}

func TestNoWatchdog(t *testing.T) {
	c := cfg
	c.WatchdogTimeout = 0
	k, err := New(c, "h1", "b", nil)
	if err != nil {
		t.Fatal(err)
	}
	r := k.Request(t0)
	if got := k.Handle(t0, Reply{Holder: "h1", Seq: r.Seq, Granted: true, Epoch: 1}); got != Accepted {
		t.Fatalf("Handle = %v", got)
	}
	if at, err := k.LastFeed(); !at.IsZero() || err != nil {
		t.Errorf("LastFeed = %v, %v without a watchdog", at, err)
	}
}
