package qmp_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/qmp/qmptest"
)

// fakeMigration scripts a source and a destination monitor.
type fakeMigration struct {
	mu          sync.Mutex
	src, dst    *qmptest.Monitor
	queries     int
	transferred uint64
	// migrate returns the query-migrate reply for the n-th query.
	migrate   func(f *fakeMigration, n int) map[string]any
	dstStatus string
	srcStatus string
	order     []string // "src:cmd" / "dst:cmd" across both monitors
	// onCancel, if set, is the query-migrate script after migrate_cancel.
	onCancel func(f *fakeMigration, n int) map[string]any
	// onCall, if set, sees every command ("src:cmd", "dst:cmd") with its
	// arguments, under f.mu.
	onCall func(cmd string, args json.RawMessage)
}

func newFake(script func(f *fakeMigration, n int) map[string]any) *fakeMigration {
	f := &fakeMigration{migrate: script, dstStatus: "inmigrate", srcStatus: "running"}
	f.src = qmptest.NewMonitor(func(cmd string, args json.RawMessage) (any, error) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.order = append(f.order, "src:"+cmd)
		if f.onCall != nil {
			f.onCall("src:"+cmd, args)
		}
		switch cmd {
		case "cont":
			f.srcStatus = "running"
		case "query-status":
			return qmp.StatusInfo{Status: f.srcStatus, Running: f.srcStatus == "running"}, nil
		case "query-block":
			return []map[string]any{{"device": "drive0", "inserted": map[string]any{"file": "/s/d.img"}}}, nil
		case "query-migrate":
			f.queries++
			return f.migrate(f, f.queries), nil
		case "migrate_cancel":
			f.migrate = func(*fakeMigration, int) map[string]any { return map[string]any{"status": "cancelled"} }
			if f.onCancel != nil {
				f.migrate = f.onCancel
			}
		}
		return nil, nil
	})
	f.dst = qmptest.NewMonitor(func(cmd string, args json.RawMessage) (any, error) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.order = append(f.order, "dst:"+cmd)
		if f.onCall != nil {
			f.onCall("dst:"+cmd, args)
		}
		switch cmd {
		case "query-status":
			return qmp.StatusInfo{Status: f.dstStatus, Running: f.dstStatus == "running"}, nil
		case "query-block":
			return []map[string]any{{"device": "drive0", "inserted": map[string]any{"file": "/s/d.img"}}}, nil
		case "migrate-incoming":
			// The destination takes over once the source completes.
		}
		return nil, nil
	})
	return f
}

// knowsProcess makes the fake destination's monitor know its QEMU process:
// killing it appends "dst:SIGKILL" to f.order and returns kill's result
// (nil: killed and confirmed gone).
func (f *fakeMigration) knowsProcess(kill error) {
	f.dst.SetKill(func(context.Context) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.order = append(f.order, "dst:SIGKILL")
		return kill
	})
}

func (f *fakeMigration) orderSnapshot() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.order)
}

func active(transferred uint64, sync int) map[string]any {
	return map[string]any{"status": "active", "expected-downtime": 900,
		"ram": map[string]any{"transferred": transferred, "remaining": 50 << 20, "total": 128 << 20,
			"dirty-pages-rate": 25000, "page-size": 4096, "mbps": 160.0, "dirty-sync-count": sync}}
}

func completed() map[string]any {
	return map[string]any{"status": "completed", "total-time": 1200, "downtime": 12, "setup-time": 2,
		"ram": map[string]any{"transferred": 150 << 20, "total": 128 << 20, "dirty-sync-count": 9}}
}

func fastOpts() qmp.MigrateOptions {
	return qmp.MigrateOptions{URI: "tcp:10.0.0.2:4444", PollInterval: time.Millisecond, StepTimeout: 20 * time.Millisecond,
		StallTimeout: 5 * time.Second, CallTimeout: 200 * time.Millisecond}
}

// neverConverges keeps moving bytes but never finishes, until post-copy
// starts (then it completes).
func neverConverges(f *fakeMigration, n int) map[string]any {
	f.transferred += 1 << 20
	if slices.Contains(f.src.Commands(), "migrate-start-postcopy") {
		f.dstStatus = "running"
		c := completed()
		return c
	}
	return active(f.transferred, 3)
}

func TestMigrateHappyPath(t *testing.T) {
	t0 := time.Unix(1700000000, 0)
	f := newFake(func(f *fakeMigration, n int) map[string]any {
		if n < 3 {
			return active(uint64(n)<<20, 1)
		}
		if n == 3 {
			f.src.Emit(qmp.Event{Name: "STOP", Time: t0})
			f.dst.Emit(qmp.Event{Name: "RESUME", Time: t0.Add(12500 * time.Microsecond)})
		}
		f.dstStatus = "running"
		return completed()
	})
	opt := fastOpts()
	opt.Bandwidth = 100 << 20
	opt.DowntimeLimit = 30 * time.Millisecond
	res, err := qmp.Migrate(context.Background(), f.src, f.dst, opt)
	if err != nil || res.Status != "completed" || res.DowntimeMs != 12 || res.TotalMs != 1200 || res.TransferredBytes != 150<<20 {
		t.Fatalf("Migrate = %+v, %v", res, err)
	}
	if res.PausedMs != 12.5 {
		t.Errorf("PausedMs = %v, want 12.5 (STOP to RESUME)", res.PausedMs)
	}
	if res.ThroughputMbps < 1000 || res.ThroughputMbps > 1100 {
		t.Errorf("throughput = %.1f Mbit/s, want 150 MiB over 1.198 s ≈ 1050", res.ThroughputMbps)
	}
	// Capabilities on both sides; no post-copy when the policy does not
	// allow it; bandwidth and downtime set explicitly.
	for name, m := range map[string]*qmptest.Monitor{"source": f.src, "destination": f.dst} {
		var caps string
		for _, c := range m.Calls() {
			if c.Command == "migrate-set-capabilities" {
				caps = string(c.Args)
			}
		}
		if !strings.Contains(caps, `{"capability":"events","state":true}`) || !strings.Contains(caps, `{"capability":"postcopy-ram","state":false}`) {
			t.Errorf("%s capabilities = %s", name, caps)
		}
	}
	var params string
	for _, c := range f.src.Calls() {
		if c.Command == "migrate-set-parameters" {
			params = string(c.Args)
		}
	}
	if !strings.Contains(params, `"max-bandwidth":104857600`) || !strings.Contains(params, `"downtime-limit":30`) {
		t.Errorf("source parameters = %s", params)
	}
	if got := f.dst.Commands(); !slices.Contains(got, "migrate-incoming") || !slices.Contains(got, "announce-self") {
		t.Errorf("destination commands = %v, want migrate-incoming and announce-self", got)
	}
	if got := f.src.Commands(); got[len(got)-1] != "quit" {
		t.Errorf("source commands = %v, want quit last (source gone)", got)
	}
}

func TestMigrateEscalatesToPostcopy(t *testing.T) {
	f := newFake(neverConverges)
	opt := fastOpts()
	opt.AutoConverge, opt.AllowPostcopy = true, true
	opt.MaxDowntime = 200 * time.Millisecond
	res, err := qmp.Migrate(context.Background(), f.src, f.dst, opt)
	if err != nil || res.Status != "completed" || !res.Postcopy {
		t.Fatalf("Migrate = %+v, %v", res, err)
	}
	if want := []string{"throttle", "downtime", "postcopy"}; !slices.Equal(res.Steps, want) {
		t.Errorf("steps = %v, want %v", res.Steps, want)
	}
}

func TestMigrateNotConvergingCancels(t *testing.T) {
	f := newFake(neverConverges)
	opt := fastOpts()
	opt.AutoConverge = true
	opt.MaxDowntime = 100 * time.Millisecond
	res, err := qmp.Migrate(context.Background(), f.src, f.dst, opt)
	if !errors.Is(err, qmp.ErrMigrationNotConverging) || res.Status != "cancelled" {
		t.Fatalf("Migrate = %+v, %v; want ErrMigrationNotConverging", res, err)
	}
	if want := []string{"throttle", "downtime"}; !slices.Equal(res.Steps, want) {
		t.Errorf("steps = %v, want %v", res.Steps, want)
	}
	if !strings.Contains(res.Reason, "dirties 97 MiB/s") || !strings.Contains(res.Reason, "post-copy not allowed") {
		t.Errorf("reason = %q", res.Reason)
	}
	if !slices.Contains(f.src.Commands(), "migrate_cancel") || slices.Contains(f.src.Commands(), "migrate-start-postcopy") {
		t.Errorf("source commands = %v", f.src.Commands())
	}
	if got := f.dst.Commands(); got[len(got)-1] != "quit" {
		t.Errorf("destination commands = %v, want quit (stale destination killed)", got)
	}
}

func TestMigrateStall(t *testing.T) {
	f := newFake(func(f *fakeMigration, n int) map[string]any { return active(8<<20, 1) })
	opt := fastOpts()
	opt.StallTimeout = 100 * time.Millisecond
	res, err := qmp.Migrate(context.Background(), f.src, f.dst, opt)
	if !errors.Is(err, qmp.ErrMigrationStalled) || res.Status != "failed" {
		t.Fatalf("Migrate = %+v, %v; want ErrMigrationStalled", res, err)
	}
	if !slices.Contains(f.src.Commands(), "migrate_cancel") || !slices.Contains(f.dst.Commands(), "quit") {
		t.Errorf("source %v, destination %v: want migrate_cancel and quit", f.src.Commands(), f.dst.Commands())
	}
}

func TestMigratePreSwitchoverHookFails(t *testing.T) {
	f := newFake(func(f *fakeMigration, n int) map[string]any {
		if n < 2 {
			return active(uint64(n)<<20, 1)
		}
		return map[string]any{"status": "pre-switchover", "ram": map[string]any{"transferred": 3 << 20}}
	})
	opt := fastOpts()
	opt.PreSwitchover = func(context.Context) error { return errors.New("tap vm1-0 not ready") }
	res, err := qmp.Migrate(context.Background(), f.src, f.dst, opt)
	if !errors.Is(err, qmp.ErrMigrationCancelled) || !strings.Contains(res.Reason, "tap vm1-0 not ready") {
		t.Fatalf("Migrate = %+v, %v; want cancelled naming the hook's error", res, err)
	}
	if slices.Contains(f.src.Commands(), "migrate-continue") || !slices.Contains(f.src.Commands(), "migrate_cancel") {
		t.Errorf("source commands = %v", f.src.Commands())
	}
}

// A destination that does not come up after completion sends the VM back to
// the source, but only once the destination is confirmed gone: killed
// through its process, never trusted to `quit`. Otherwise the source stays
// paused (never twice beats availability).
func TestMigrateVerifyFailsFallsBack(t *testing.T) {
	killFailed := errors.New("pidfd poll: no exit seen")
	for _, tc := range []struct {
		name       string
		setup      func(f *fakeMigration, opt *qmp.MigrateOptions)
		wantResume bool
		wantInErr  string
	}{
		{"destination killed by pid, confirmed gone", func(f *fakeMigration, _ *qmp.MigrateOptions) { f.knowsProcess(nil) }, true, ""},
		{"destination process unknown: quit proves nothing", func(*fakeMigration, *qmp.MigrateOptions) {}, false, "quit sent, but its exit cannot be seen"},
		{"killing the destination fails", func(f *fakeMigration, _ *qmp.MigrateOptions) { f.knowsProcess(killFailed) }, false, killFailed.Error()},
		{"KillDestination option fails", func(f *fakeMigration, opt *qmp.MigrateOptions) {
			f.knowsProcess(nil) // the option wins over the monitor
			opt.KillDestination = func(context.Context) error { return killFailed }
		}, false, killFailed.Error()},
		{"KillDestination option confirms", func(f *fakeMigration, opt *qmp.MigrateOptions) {
			opt.KillDestination = func(context.Context) error {
				f.mu.Lock()
				defer f.mu.Unlock()
				f.order = append(f.order, "dst:SIGKILL")
				return nil
			}
		}, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(func(f *fakeMigration, n int) map[string]any {
				f.srcStatus = "postmigrate"
				f.dstStatus = "paused" // never comes up running
				return completed()
			})
			opt := fastOpts()
			tc.setup(f, &opt)
			res, err := qmp.Migrate(context.Background(), f.src, f.dst, opt)
			if !errors.Is(err, qmp.ErrVerify) || res.Status != "failed" {
				t.Fatalf("Migrate = %+v, %v; want ErrVerify", res, err)
			}
			order := f.orderSnapshot()
			resumed := slices.Contains(order, "src:cont")
			if slices.Contains(order, "src:quit") {
				t.Errorf("order %v: the source was quit after a failed verification", order)
			}
			if tc.wantResume {
				if !resumed || slices.Index(order, "dst:SIGKILL") > slices.Index(order, "src:cont") {
					t.Errorf("order %v: want dst:SIGKILL, then src:cont", order)
				}
				if errors.Is(err, qmp.ErrBothStopped) {
					t.Errorf("err = %v, want no ErrBothStopped", err)
				}
				return
			}
			if resumed {
				t.Errorf("order %v: source resumed although the destination was not confirmed gone", order)
			}
			if !errors.Is(err, qmp.ErrBothStopped) || !strings.Contains(err.Error(), "source stays paused") || !strings.Contains(err.Error(), tc.wantInErr) {
				t.Errorf("err = %v; want ErrBothStopped saying the source stays paused and %q", err, tc.wantInErr)
			}
			if !strings.Contains(res.Reason, "stopped on both sides") {
				t.Errorf("reason = %q, want it to say the VM is stopped on both sides", res.Reason)
			}
		})
	}
}

func TestMigratePreflight(t *testing.T) {
	f := newFake(func(*fakeMigration, int) map[string]any { return completed() })
	f.dstStatus = "running" // not started with -incoming defer
	_, err := qmp.Migrate(context.Background(), f.src, f.dst, fastOpts())
	if err == nil || !strings.Contains(err.Error(), "want inmigrate") {
		t.Fatalf("Migrate to a running destination = %v", err)
	}
	if slices.Contains(f.src.Commands(), "migrate") {
		t.Error("migrate sent despite a bad destination")
	}
	for _, uri := range []string{"", "10.0.0.2:4444", "exec:cat"} {
		opt := fastOpts()
		opt.URI = uri
		if _, err := qmp.Migrate(context.Background(), f.src, f.dst, opt); !errors.Is(err, qmp.ErrInvalidSpec) {
			t.Errorf("Migrate(uri %q) = %v, want ErrInvalidSpec", uri, err)
		}
	}
}

func TestMigrateCallerCancels(t *testing.T) {
	f := newFake(func(f *fakeMigration, n int) map[string]any {
		f.transferred += 1 << 20
		return active(f.transferred, 1)
	})
	c, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	res, err := qmp.Migrate(c, f.src, f.dst, fastOpts())
	if !errors.Is(err, qmp.ErrMigrationCancelled) || !errors.Is(err, context.DeadlineExceeded) || res.Status != "cancelled" {
		t.Fatalf("Migrate = %+v, %v", res, err)
	}
	// Clean-up ran despite the dead context.
	if !slices.Contains(f.src.Commands(), "migrate_cancel") || !slices.Contains(f.dst.Commands(), "quit") {
		t.Errorf("source %v, destination %v", f.src.Commands(), f.dst.Commands())
	}
}

// A migration that completes while it is being cancelled is rolled back:
// the destination is killed first, then the source resumed (never twice);
// a destination not confirmed gone keeps the source paused.
func TestMigrateCompletesWhileCancelling(t *testing.T) {
	for _, tc := range []struct {
		name       string
		kill       error
		wantResume bool
	}{
		{"destination confirmed gone", nil, true},
		{"destination kill fails", errors.New("no exit seen"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(func(f *fakeMigration, n int) map[string]any {
				f.transferred += 1 << 20
				return active(f.transferred, 1)
			})
			f.onCancel = func(f *fakeMigration, n int) map[string]any {
				f.srcStatus, f.dstStatus = "postmigrate", "running"
				return completed()
			}
			f.knowsProcess(tc.kill)
			c, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
			defer cancel()
			res, err := qmp.Migrate(c, f.src, f.dst, fastOpts())
			if !errors.Is(err, qmp.ErrMigrationCancelled) || res.Status != "cancelled" {
				t.Fatalf("Migrate = %+v, %v", res, err)
			}
			order := f.orderSnapshot()
			kill, cont := slices.Index(order, "dst:SIGKILL"), slices.Index(order, "src:cont")
			if tc.wantResume && (kill < 0 || cont < 0 || kill > cont) {
				t.Errorf("clean-up order %v: want dst:SIGKILL before src:cont", order)
			}
			if !tc.wantResume && (cont >= 0 || !errors.Is(err, qmp.ErrBothStopped)) {
				t.Errorf("clean-up order %v, err %v: want no src:cont and ErrBothStopped", order, err)
			}
		})
	}
}

// A post-copy that pauses (link lost) is resumed: migrate-recover on the
// destination, migrate with resume on the source.
func TestMigratePostcopyRecovers(t *testing.T) {
	f := newFake(nil)
	f.migrate = func(f *fakeMigration, n int) map[string]any {
		f.transferred += 1 << 20
		cmds := f.src.Commands()
		switch {
		case !slices.Contains(cmds, "migrate-start-postcopy"):
			return active(f.transferred, 3)
		case f.resumed():
			f.dstStatus = "running"
			return completed()
		default:
			return map[string]any{"status": "postcopy-paused"}
		}
	}
	f.dst.Handle(func(cmd string, args json.RawMessage) (any, error) {
		f.mu.Lock()
		defer f.mu.Unlock()
		switch cmd {
		case "query-status":
			return qmp.StatusInfo{Status: f.dstStatus, Running: f.dstStatus == "running"}, nil
		case "query-migrate":
			return map[string]any{"status": "postcopy-paused"}, nil
		case "query-block":
			return []map[string]any{{"device": "drive0", "inserted": map[string]any{}}}, nil
		}
		return nil, nil
	})
	opt := fastOpts()
	opt.AllowPostcopy = true
	// Recovery attempts are 2 s apart (a QEMU 7.2 abort): on a fake clock.
	clk := qmptest.NewClock(time.Unix(1700000000, 0))
	runClock(t, clk)
	opt.Clock = clk
	res, err := qmp.Migrate(context.Background(), f.src, f.dst, opt)
	if err != nil || res.Status != "completed" || !slices.Contains(res.Steps, "postcopy-recover") {
		t.Fatalf("Migrate = %+v, %v; want completed after postcopy-recover", res, err)
	}
	if res.WallMs < 4000 {
		t.Errorf("WallMs = %d simulated ms, want >= 4000 (two recovery attempts 2 s apart)", res.WallMs)
	}
	if !slices.Contains(f.dst.Commands(), "migrate-recover") {
		t.Errorf("destination commands = %v, want migrate-recover", f.dst.Commands())
	}
}

// postcopyFake is a migration that switches to post-copy, then follows
// script (given the simulated time since the switch) for the source's
// query-migrate; the destination answers query-migrate with *dstMigrate.
func postcopyFake(clk *qmptest.Clock, dstMigrate *string, script func(f *fakeMigration, since time.Duration) map[string]any) *fakeMigration {
	f := newFake(nil)
	var switched time.Time
	f.migrate = func(f *fakeMigration, n int) map[string]any {
		if !slices.Contains(f.src.Commands(), "migrate-start-postcopy") {
			f.transferred += 1 << 20
			return active(f.transferred, 3)
		}
		if switched.IsZero() {
			switched = clk.Now()
		}
		return script(f, clk.Now().Sub(switched))
	}
	f.dst.Handle(func(cmd string, args json.RawMessage) (any, error) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.order = append(f.order, "dst:"+cmd)
		switch cmd {
		case "query-status":
			return qmp.StatusInfo{Status: f.dstStatus, Running: f.dstStatus == "running"}, nil
		case "query-migrate":
			return map[string]any{"status": *dstMigrate}, nil
		case "query-block":
			return []map[string]any{{"device": "drive0", "inserted": map[string]any{}}}, nil
		}
		return nil, nil
	})
	return f
}

func postcopyOpts(clk *qmptest.Clock) qmp.MigrateOptions {
	opt := fastOpts()
	opt.AllowPostcopy = true
	opt.PollInterval = 100 * time.Millisecond
	opt.StallTimeout = 2 * time.Second
	opt.PostcopyRecoverTimeout = 30 * time.Second
	opt.Clock = clk
	return opt
}

// The link breaks right after the switch to post-copy, while the
// destination still receives the device state (its status still
// "active"). QEMU's destination cannot survive a broken channel there, so
// vigil must not pause (which closes the channel): once the link carries
// data again the migration goes on and completes.
func TestMigratePostcopyStallWhileDestinationLoads(t *testing.T) {
	clk := qmptest.NewClock(time.Unix(1700000000, 0))
	runClock(t, clk)
	dstMigrate := "active"
	f := postcopyFake(clk, &dstMigrate, func(f *fakeMigration, since time.Duration) map[string]any {
		if since < 8*time.Second { // cut: nothing moves, well past the stall timeout
			return map[string]any{"status": "postcopy-active", "ram": map[string]any{"transferred": f.transferred}}
		}
		dstMigrate, f.dstStatus = "postcopy-active", "running"
		return completed()
	})
	res, err := qmp.Migrate(context.Background(), f.src, f.dst, postcopyOpts(clk))
	if err != nil || res.Status != "completed" {
		t.Fatalf("Migrate = %+v, %v; want completed once the link is back", res, err)
	}
	for _, c := range f.orderSnapshot() {
		if strings.HasSuffix(c, ":migrate-pause") {
			t.Fatalf("commands %v: %s while the destination was loading the device state (QEMU's destination exits when that channel breaks)", f.orderSnapshot(), c)
		}
	}
}

// The destination QEMU dies during post-copy (as QEMU 7.2's does when the
// link breaks before it runs the VM): Migrate says so at once with
// ErrPostcopyLost, instead of retrying recovery against a dead process
// for PostcopyRecoverTimeout, and resumes nothing.
func TestMigratePostcopyDestinationLost(t *testing.T) {
	clk := qmptest.NewClock(time.Unix(1700000000, 0))
	runClock(t, clk)
	dstMigrate := "active"
	f := postcopyFake(clk, &dstMigrate, func(f *fakeMigration, since time.Duration) map[string]any {
		if since >= 3*time.Second {
			f.dst.Close() // its load failed: the QEMU exited
		}
		return map[string]any{"status": "postcopy-paused"}
	})
	opt := postcopyOpts(clk)
	res, err := qmp.Migrate(context.Background(), f.src, f.dst, opt)
	if !errors.Is(err, qmp.ErrPostcopyLost) || res.Status != "failed" || !res.Postcopy {
		t.Fatalf("Migrate with the destination gone during post-copy = %+v, %v; want ErrPostcopyLost", res, err)
	}
	if !strings.Contains(res.Reason, "runs nowhere") || !strings.Contains(res.Reason, "never resume") {
		t.Errorf("reason %q: want it to say the VM runs nowhere and that neither side may be resumed", res.Reason)
	}
	if res.WallMs >= opt.PostcopyRecoverTimeout.Milliseconds() {
		t.Errorf("WallMs = %d simulated ms: the loss was reported only after the recovery timeout %v", res.WallMs, opt.PostcopyRecoverTimeout)
	}
	if slices.Contains(f.src.Commands(), "cont") {
		t.Errorf("source commands %v: the source was resumed after post-copy started", f.src.Commands())
	}
}

// The link stays cut after the pause: the source's `migrate resume`
// connects only when the link is back (TCP retries the connect). A second
// resume while the first may still be connecting makes two connections,
// and QEMU 7.2 aborts the source when both succeed (migrate_fd_connect:
// Assertion `!s->cleanup_bh'). So one resume, then wait for it.
func TestMigratePostcopyOneResumeWhileConnecting(t *testing.T) {
	clk := qmptest.NewClock(time.Unix(1700000000, 0))
	runClock(t, clk)
	dstMigrate := "postcopy-paused"
	var resumedAt time.Time
	f := postcopyFake(clk, &dstMigrate, func(f *fakeMigration, since time.Duration) map[string]any {
		if f.resumed() && resumedAt.IsZero() {
			resumedAt = clk.Now()
		}
		// The connect of the first resume succeeds 20 s after it.
		if !resumedAt.IsZero() && clk.Now().Sub(resumedAt) >= 20*time.Second {
			dstMigrate, f.dstStatus = "postcopy-active", "running"
			return completed()
		}
		return map[string]any{"status": "postcopy-paused"}
	})
	res, err := qmp.Migrate(context.Background(), f.src, f.dst, postcopyOpts(clk))
	if err != nil || res.Status != "completed" || !slices.Contains(res.Steps, "postcopy-recover") {
		t.Fatalf("Migrate = %+v, %v; want completed after postcopy-recover", res, err)
	}
	n := 0
	for _, c := range f.src.Calls() {
		if c.Command == "migrate" && strings.Contains(string(c.Args), `"resume":true`) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d resumes while the first was still connecting, want 1 (a second one aborts QEMU 7.2's source)", n)
	}
}

// resumed reports whether the source got `migrate` with resume: true.
func (f *fakeMigration) resumed() bool {
	for _, c := range f.src.Calls() {
		if c.Command == "migrate" && strings.Contains(string(c.Args), `"resume":true`) {
			return true
		}
	}
	return false
}

// runClock starts clk running through simulated time for the test's life.
func runClock(t *testing.T, clk *qmptest.Clock) {
	c, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		clk.Run(c)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

// Stall detection runs on the injected clock: a 10-minute stall timeout
// fires after 10 simulated minutes of 1 s polls, with no real waiting.
func TestMigrateStallOnFakeClock(t *testing.T) {
	f := newFake(func(f *fakeMigration, n int) map[string]any { return active(8<<20, 1) })
	clk := qmptest.NewClock(time.Unix(1700000000, 0))
	runClock(t, clk)
	opt := fastOpts()
	opt.Clock = clk
	opt.PollInterval = time.Second
	opt.StallTimeout = 10 * time.Minute
	res, err := qmp.Migrate(context.Background(), f.src, f.dst, opt)
	if !errors.Is(err, qmp.ErrMigrationStalled) || !strings.Contains(res.Reason, "no progress for 10m0s") {
		t.Fatalf("Migrate = %+v, %v; want ErrMigrationStalled after 10m0s", res, err)
	}
	// The first poll (at 1 s) sees the bytes that then never move; the
	// stall is declared on the first poll more than 10 min after it.
	if want := (10*time.Minute + 2*time.Second).Milliseconds(); res.WallMs != want {
		t.Errorf("WallMs = %d simulated ms, want %d", res.WallMs, want)
	}
	f.mu.Lock()
	queries := f.queries
	f.mu.Unlock()
	if queries < 602 || queries > 604 { // 602 polls, then abort's own queries
		t.Errorf("query-migrate ran %d times, want 602 polls 1 simulated second apart (+ abort's)", queries)
	}
}

// Escalation steps are paced by the injected clock: each step gets
// StepTimeout of simulated time from the end of the first RAM pass.
func TestMigrateEscalationOnFakeClock(t *testing.T) {
	f := newFake(neverConverges)
	clk := qmptest.NewClock(time.Unix(1700000000, 0))
	start := clk.Now()
	type stamp struct {
		what string
		at   time.Duration
	}
	var steps []stamp
	f.onCall = func(cmd string, args json.RawMessage) {
		switch {
		case cmd == "src:migrate-set-parameters" && strings.Contains(string(args), `"cpu-throttle-initial":50`):
			steps = append(steps, stamp{"throttle", clk.Now().Sub(start)})
		case cmd == "src:migrate-set-parameters" && !strings.Contains(string(args), "cpu-throttle"):
			steps = append(steps, stamp{"downtime", clk.Now().Sub(start)})
		case cmd == "src:migrate-start-postcopy":
			steps = append(steps, stamp{"postcopy", clk.Now().Sub(start)})
		}
	}
	runClock(t, clk)
	opt := fastOpts()
	opt.Clock = clk
	opt.AutoConverge, opt.AllowPostcopy = true, true
	opt.MaxDowntime = 200 * time.Millisecond
	opt.PollInterval = time.Second
	opt.StepTimeout = 5 * time.Minute
	opt.StallTimeout = time.Hour
	res, err := qmp.Migrate(context.Background(), f.src, f.dst, opt)
	if err != nil || res.Status != "completed" || !res.Postcopy {
		t.Fatalf("Migrate = %+v, %v; want completed through post-copy", res, err)
	}
	// First poll at 1 s ends the first pass; a step is taken on the first
	// poll more than 5 min after the previous one.
	want := []stamp{{"throttle", 302 * time.Second}, {"downtime", 603 * time.Second}, {"postcopy", 904 * time.Second}}
	f.mu.Lock()
	got := slices.Clone(steps)
	f.mu.Unlock()
	if !slices.Equal(got, want) {
		t.Errorf("escalation steps at simulated times %v, want %v", got, want)
	}
}
