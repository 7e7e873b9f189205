package clusterhost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/lease"
	"github.com/vigil-ha/vigil/cluster/peerapi"
	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/fencing/watchdog"
	"github.com/vigil-ha/vigil/sensors/health"
)

// leaseShared is this host's lease as the other loops read it.
type leaseShared struct {
	mu     sync.Mutex
	keeper *lease.Keeper
	// accepted: a timely renewal was accepted since the start.
	accepted bool
	dog      *lazyDog
}

// Valid implements executor.Lease.
func (l *leaseShared) Valid(now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.keeper != nil && l.keeper.Valid(now)
}

// Index implements executor.Lease.
func (l *leaseShared) Index() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.keeper == nil {
		return 0
	}
	return l.keeper.Index()
}

func (l *leaseShared) snapshot() (accepted bool, until time.Time, epoch uint64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.keeper == nil {
		return false, time.Time{}, 0
	}
	return l.accepted, l.keeper.ValidUntil(), l.keeper.Epoch()
}

// report is what a renewal carries to the leader (peerapi.RenewRequest's
// Report): the executor's report and this host's health.
type report struct {
	Exec   executor.Report `json:"exec"`
	Health *planner.Health `json:"health,omitempty"`
}

// leaseLoop renews this host's lease every renew interval, from the
// moment it is registered, until ctx ends.
func (h *Host) leaseLoop(ctx context.Context) error {
	select {
	case <-h.registered:
	case <-ctx.Done():
		return ctx.Err()
	}
	cfg := h.timing.Lease
	var feeder lease.Feeder
	if cfg.WatchdogTimeout > 0 {
		h.lease.dog = &lazyDog{path: h.cfg.Watchdog.Device, timeout: cfg.WatchdogTimeout}
		feeder = h.lease.dog
	}
	k, err := lease.New(cfg, h.name, h.bootID, feeder)
	if err != nil {
		return err
	}
	h.lease.mu.Lock()
	h.lease.keeper = k
	h.lease.mu.Unlock()
	defer h.lease.dog.disarm(h.log)

	tick := time.NewTicker(cfg.RenewInterval)
	defer tick.Stop()
	valid := false
	for {
		h.renewOnce(ctx)
		if err := h.lease.dog.failed(); err != nil {
			return fmt.Errorf("watchdog %s: %w", h.cfg.Watchdog.Device, err)
		}
		if v := h.lease.Valid(time.Now()); v != valid {
			valid = v
			h.poke()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// renewOnce sends one renewal and hands the reply to the keeper.
func (h *Host) renewOnce(ctx context.Context) {
	now := time.Now()
	h.lease.mu.Lock()
	req := h.lease.keeper.Request(now)
	h.lease.mu.Unlock()
	rep := report{Exec: h.takeReport()}
	if hh := h.health.Load(); hh != nil {
		ph := plannerHealth(*hh)
		rep.Health = &ph
	}
	raw, err := json.Marshal(rep)
	if err != nil {
		h.log.Error("renewal report", "err", err)
		return
	}
	wire := peerapi.RenewRequest{Holder: req.Holder, BootID: req.BootID, Epoch: req.Epoch, Seq: req.Seq, Report: raw}
	// A reply later than the bound is worth nothing: do not wait longer.
	rctx, cancel := context.WithTimeout(ctx, h.timing.Lease.MaxRenewalRTT)
	defer cancel()
	var reply peerapi.RenewReply
	if h.node.IsLeader() {
		// This host leads: its own renewal is answered here, after the
		// same quorum check the peer API makes.
		if err = h.node.VerifyLeader(rctx); err == nil {
			reply, err = h.renew(rctx, time.Now(), wire)
		}
	} else {
		var r peerapi.Renewal
		r, err = h.fwd.Renew(rctx, wire)
		reply = r.Reply
	}
	received := time.Now()
	if err != nil {
		h.giveBack(rep.Exec.Failures)
		h.log.Debug("lease renewal failed", "err", err)
		return
	}
	h.lease.mu.Lock()
	out := h.lease.keeper.Handle(received, lease.Reply{Holder: reply.Holder, Seq: reply.Seq, Granted: reply.Granted, Epoch: reply.Epoch, Index: reply.Index, Reason: reply.Reason})
	first := out == lease.Accepted && !h.lease.accepted
	if out == lease.Accepted {
		h.lease.accepted = true
	}
	h.lease.mu.Unlock()
	switch out {
	case lease.Accepted:
		if first {
			h.log.Info("lease held", "epoch", reply.Epoch, "index", reply.Index, "rtt", received.Sub(now).Round(time.Millisecond))
			h.poke()
		}
	case lease.Late:
		h.giveBack(rep.Exec.Failures)
		h.log.Warn("lease renewal came back late: not counted", "rtt", received.Sub(now).Round(time.Millisecond), "bound", h.timing.Lease.MaxRenewalRTT)
	case lease.Refused:
		h.log.Warn("lease refused", "reason", reply.Reason)
		h.poke()
	}
}

// takeReport returns the executor's latest report with the start failures
// not sent yet.
func (h *Host) takeReport() executor.Report {
	h.exec.mu.Lock()
	defer h.exec.mu.Unlock()
	rep := h.exec.report
	rep.Host = h.name
	rep.Failures, h.exec.failures = h.exec.failures, nil
	return rep
}

// giveBack keeps start failures whose report did not reach the leader.
func (h *Host) giveBack(f []executor.StartFailure) {
	if len(f) == 0 {
		return
	}
	h.exec.mu.Lock()
	h.exec.failures = append(f, h.exec.failures...)
	h.exec.mu.Unlock()
}

// plannerHealth is the planner's view of this host's health verdict.
func plannerHealth(hh agent.HostHealth) planner.Health {
	ph := planner.Health{Host: hh.Host, Imminent: hh.Risk == health.RiskImminent, RedundancyLost: hh.Degraded}
	var worst *health.Component
	for _, v := range hh.Verdicts {
		for i := range v.Components {
			c := &v.Components[i]
			if c.ETASeconds != nil && *c.ETASeconds > 0 {
				eta := time.Duration(*c.ETASeconds * float64(time.Second))
				if ph.ETA == 0 || eta < ph.ETA {
					ph.ETA, worst = eta, c
				}
			}
			if worst == nil && c.Risk != health.RiskNone {
				worst = c
			}
		}
	}
	if worst != nil {
		ph.Component, ph.Reason = worst.Name, worst.Reason
	}
	return ph
}

// lazyDog is the host's watchdog, armed at its first feed: the first
// timely renewal, so that a host still forming its cluster is not reset.
// A watchdog that cannot be armed or fed stops the agent (the host record
// says it is armed).
type lazyDog struct {
	path    string
	timeout time.Duration

	mu  sync.Mutex
	w   *watchdog.Watchdog
	err error
}

// Feed implements lease.Feeder.
func (d *lazyDog) Feed() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return d.err
	}
	if d.w == nil {
		w, err := watchdog.Open(watchdog.Config{Path: d.path, Timeout: d.timeout})
		if err != nil {
			d.err = err
			return err
		}
		d.w = w
		return nil
	}
	if err := d.w.Feed(); err != nil && !errors.Is(err, watchdog.ErrStarving) {
		d.err = err
		return err
	}
	return nil
}

// failed returns the error that makes the watchdog unusable.
func (d *lazyDog) failed() error {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

// disarm stops the watchdog cleanly when the agent stops.
func (d *lazyDog) disarm(log interface{ Warn(string, ...any) }) {
	if d == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.w != nil {
		if err := d.w.Disarm(); err != nil {
			log.Warn("watchdog disarm", "err", err)
		}
	}
}
