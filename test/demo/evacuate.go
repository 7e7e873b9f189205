package demo

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/health"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
)

// evacuationNote is the scenario's Note.
const evacuationNote = "staged: no agent runs yet. The demo polls the sick host's BMC with vigil's sensor reader and predictor " +
	"(detect_ms: the fan failure until that predictor rated the risk high or imminent), decides the evacuation itself " +
	"and live-migrates the guest with vigil's qmp package (rto_ms: the guest's pause during the migration)"

// evacuateVM is the identity of the guest the evacuation scenario moves;
// evacuateGuest is how it runs, on the source and the destination alike.
const evacuateVM = "demo-vm2"

var evacuateGuest = lab.VMOptions{ID: evacuateVM, MemoryMiB: 128, DirtyMiBps: 16}

// Demo time runs fast: the predictor's trend windows are scaled from
// minutes to seconds so a thermal runaway plays out in a few seconds.
var demoHealth = health.Config{
	Window: 60 * time.Second, MinSpan: 2 * time.Second, MinPoints: 5,
	ImminentWithin: time.Minute, HighWithin: 5 * time.Minute, LowWithin: time.Hour,
}

const (
	cpuTemp          = "CPU Temp"
	cpuStart         = 50.0 // °C when the runaway starts
	cpuStepPerPoll   = 1.5  // °C added every poll
	evacPollInterval = 400 * time.Millisecond
)

// predictedFailureEvacuation: a guest runs on host 2 while it dirties
// memory. One of host 2's fans fails, then its CPU temperature climbs.
// vigil's reader (IPMI or Redfish) and predictor watch the BMC; once the
// risk is high the guest is live-migrated to host 3 over the migration
// network, before the CPU reaches its critical threshold. The guest's
// heartbeat must go on (same boot, rising sequence) on host 3 and it must
// never run twice.
func predictedFailureEvacuation(ctx context.Context, l *lab.Lab, tl timeline) (s Scenario) {
	tl.steps = &s.Timeline
	s.VMsExpected = 1
	fail := func(err error) Scenario {
		s.Error = err.Error()
		return s
	}
	if len(l.Hosts) < 3 {
		return fail(fmt.Errorf("needs 3 hosts, have %d", len(l.Hosts)))
	}
	sick, spare := l.Hosts[1], l.Hosts[2]

	src, err := sick.StartVM(ctx, evacuateGuest)
	if err != nil {
		return fail(fmt.Errorf("boot %s on %s: %w", evacuateVM, sick.Name, err))
	}
	hb, err := waitBeat(ctx, src)
	if err != nil {
		return fail(err)
	}
	tl.printf(ByLab, "%s runs on %s (boot %s), dirtying %d MiB/s", evacuateVM, sick.Name, hb.Boot, evacuateGuest.DirtyMiBps)

	reader, err := newReader(sick)
	if err != nil {
		return fail(err)
	}
	defer reader.Close()
	pred := health.New(demoHealth, health.NewMemHistory(256))
	poll := func() (health.Verdict, float64, error) {
		pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		p, err := reader.Poll(pctx)
		if err != nil {
			return health.Verdict{}, 0, err
		}
		v, err := pred.Update(p)
		return v, readingValue(p, cpuTemp), err
	}
	if v, _, err := poll(); err != nil {
		return fail(fmt.Errorf("%s: first poll: %w", sick.Name, err))
	} else {
		tl.printf(ByVigil, "%s health: %s", sick.Name, v.Risk)
	}

	tl.printf(ByDemo, "FAILURE: %s's FAN1 stops (the lab's BMC simulator)", sick.Name)
	injected := time.Now()
	if err := sick.BMC.FailFan(ctx, 1); err != nil {
		return fail(fmt.Errorf("fail FAN1: %w", err))
	}
	temp := cpuStart
	last := health.RiskNone
	var verdict health.Verdict
	for verdict.Risk != health.RiskHigh && verdict.Risk != health.RiskImminent {
		if time.Since(injected) > 60*time.Second {
			return fail(fmt.Errorf("%s: no high risk 60 s after the fan failed (last %s)", sick.Name, last))
		}
		if err := sick.BMC.SetSensor(ctx, cpuTemp, temp); err != nil {
			return fail(fmt.Errorf("set %s: %w", cpuTemp, err))
		}
		var seen float64
		verdict, seen, err = poll()
		if err != nil {
			return fail(fmt.Errorf("%s: poll: %w", sick.Name, err))
		}
		if verdict.Risk != last {
			tl.printf(ByVigil, "%s health: %s (CPU %.0f °C): %s", sick.Name, verdict.Risk, seen, reasons(verdict))
			last = verdict.Risk
		}
		temp += cpuStepPerPoll
		select {
		case <-ctx.Done():
			return fail(ctx.Err())
		case <-time.After(evacPollInterval):
		}
	}
	detect := time.Since(injected).Milliseconds()
	s.DetectMS = &detect
	tl.printf(ByDemo, "risk %s %d ms after the fan failed: the demo evacuates %s to %s by live migration", verdict.Risk, detect, evacuateVM, spare.Name)

	// Keep the runaway going while the guest moves, as real hardware would.
	stopHeat := make(chan struct{})
	heatDone := make(chan float64, 1)
	go func() {
		t := temp
		defer func() { heatDone <- t }()
		for {
			select {
			case <-stopHeat:
				return
			case <-time.After(evacPollInterval):
			}
			t += cpuStepPerPoll
			sick.BMC.SetSensor(ctx, cpuTemp, t)
		}
	}()
	// The timeline tells the story; only QEMU's warnings (escalations, a
	// stall) are worth a line of their own.
	log := slog.New(slog.NewTextHandler(tl.out, &slog.HandlerOptions{Level: slog.LevelWarn}))
	dst, res, err := migrate(ctx, src, spare, log)
	close(stopHeat)
	tempAtEnd := <-heatDone
	if err != nil {
		return fail(fmt.Errorf("evacuate %s: %w (%+v)", evacuateVM, err, res))
	}
	s.RTOMS = int64(math.Ceil(res.PausedMs))
	if s.RTOMS == 0 {
		s.RTOMS = res.DowntimeMs
	}
	tl.printf(ByVigil, "%s migrated to %s in %d ms: %d MiB at %.0f Mbit/s, guest paused %.1f ms (QEMU downtime %d ms)",
		evacuateVM, spare.Name, res.TotalMs, res.TransferredBytes>>20, res.ThroughputMbps, res.PausedMs, res.DowntimeMs)
	if tempAtEnd >= 95 {
		return fail(fmt.Errorf("the CPU reached %.0f °C (critical 95 °C) before the guest left", tempAtEnd))
	}
	tl.printf(ByLab, "the guest left %s with its CPU at %.0f °C, below the 95 °C critical threshold", sick.Name, tempAtEnd)

	dstBeat, err := waitNextBeat(ctx, dst, hb)
	if err != nil {
		return fail(err)
	}
	tl.printf(ByLab, "%s heartbeat from %s: boot %s seq=%d (was seq=%d on %s): the same guest, never restarted", evacuateVM, spare.Name, dstBeat.Boot, dstBeat.Seq, hb.Seq, sick.Name)
	s.VMsRunning = l.LiveCopies(evacuateVM)
	if v := l.TwiceViolations(); len(v) > 0 {
		s.VMsRunningTwice = 1
		return fail(fmt.Errorf("never-twice violated: %s", strings.Join(v, "; ")))
	}
	if s.VMsRunning != 1 {
		return fail(fmt.Errorf("%d live copies of %s, want 1", s.VMsRunning, evacuateVM))
	}
	tl.printf(ByLab, "live copies of %s across all hosts: %d", evacuateVM, s.VMsRunning)
	s.Passed = true
	return s
}

// migrate starts an incoming QEMU for src's guest on dst (the same guest
// options, so the two machines match) and live-migrates src there over the
// migration network.
func migrate(ctx context.Context, src *lab.VM, dst *lab.Host, log *slog.Logger) (*lab.VM, qmp.Result, error) {
	opts := evacuateGuest
	opts.Incoming = "defer"
	in, err := dst.StartVM(ctx, opts)
	if err != nil {
		return nil, qmp.Result{}, fmt.Errorf("destination on %s: %w", dst.Name, err)
	}
	dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	srcMon, err := dialQMP(dctx, src.QMP)
	if err != nil {
		in.Proc.Kill()
		return nil, qmp.Result{}, fmt.Errorf("source QMP: %w", err)
	}
	defer srcMon.Close()
	dstMon, err := dialQMP(dctx, in.QMP)
	if err != nil {
		in.Proc.Kill()
		return nil, qmp.Result{}, fmt.Errorf("destination QMP: %w", err)
	}
	defer dstMon.Close()
	mctx, mcancel := context.WithTimeout(ctx, 60*time.Second)
	defer mcancel()
	res, err := qmp.Migrate(mctx, srcMon, dstMon, qmp.MigrateOptions{
		Logger:       log,
		URI:          fmt.Sprintf("tcp:%s:4450", dst.MigIP),
		AutoConverge: true,
		StallTimeout: 5 * time.Second,
	})
	return in, res, err
}

// dialQMP waits for a freshly started QEMU's QMP socket.
func dialQMP(ctx context.Context, path string) (*qmp.Client, error) {
	for {
		c, err := qmp.Dial(ctx, path)
		if err == nil {
			return c, nil
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// waitNextBeat waits for a heartbeat of vm that continues prev: the same
// boot with a higher sequence number.
func waitNextBeat(ctx context.Context, vm *lab.VM, prev guest.Heartbeat) (guest.Heartbeat, error) {
	hb, err := waitBeat(ctx, vm)
	if err != nil {
		return hb, err
	}
	if hb.Boot != prev.Boot || hb.Seq <= prev.Seq {
		return hb, fmt.Errorf("heartbeat on %s is boot %s seq %d, want boot %s after seq %d", vm.Host.Name, hb.Boot, hb.Seq, prev.Boot, prev.Seq)
	}
	return hb, nil
}

func readingValue(p *sensors.Poll, name string) float64 {
	for _, r := range p.Readings {
		if r.Name == name && r.Value != nil {
			return *r.Value
		}
	}
	return math.NaN()
}

func reasons(v health.Verdict) string {
	var out []string
	for _, c := range v.Components {
		if c.Risk != health.RiskNone {
			out = append(out, c.Name+": "+c.Reason)
		}
	}
	return strings.Join(out, "; ")
}
