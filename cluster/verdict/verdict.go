// Package verdict is the second opinion the leader takes before it treats
// a host as dead. memberlist only raises suspicion (package
// cluster/membership); it never authorises a fence or a restart. When it
// reports a host dead, Judge asks three other witnesses and Decide combines
// them into one Verdict with a reason:
//
//   - the host's BMC: power read back off means dead, and confirmed (no
//     fence needed); power on means the host runs (cut off, hung, or its
//     agent crashed and is being restarted, its VMs still running), so it
//     is fenced only when its lease expires; recent SEL entries travel
//     along as evidence;
//   - the host's heartbeat on shared storage (package cluster/heartbeat):
//     still changing since memberlist's suspicion began means the host is
//     alive but cut off, isolated: never fenced on memberlist's word;
//   - the host's lease at the leader: renewed after the suspicion began
//     means only gossip is broken; when the BMC cannot be reached, an
//     armed watchdog and an expired lease (plus margin) are what allow the
//     host to be presumed self-fenced. A host whose watchdog is not armed
//     is never presumed to have fenced itself: without a confirmed BMC
//     fence its VMs wait, and the verdict says why (Pacemaker's rule).
//
// The lease is also the authority that memberlist is not: once the
// leader's lease of a host has expired, the host has lost the right to run
// VMs whatever memberlist and the heartbeat say, and the verdict is Fence
// (Dead if the BMC reads off, SelfFenced past the self-fence deadline with
// the BMC unreachable). An isolated host keeps its VMs until then, and they
// run elsewhere only once it is fenced or presumed self-fenced.
//
// The planner (cluster/planner) decides every host's death through Decide,
// with the lease it holds itself; there is no other notion of dead.
//
// Decide is a pure function of the Evidence, so the same rules run in the
// planner, the deterministic simulation and the table tests; Judge gathers
// the evidence through the BMC, Heartbeats and Leases interfaces
// (implemented by fencing drivers, heartbeat.Reader and the raft state;
// faked in verdicttest), each within a deadline, in parallel.
package verdict

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/cluster/heartbeat"
	"github.com/vigil-ha/vigil/cluster/membership"
	"github.com/vigil-ha/vigil/fencing"
)

// Suspicion is memberlist's word on a host, as the leader's membership
// table holds it.
type Suspicion struct {
	// State is the member's state (Alive, Suspect, Dead or Left).
	State membership.State
	// Since is when that state began, by the leader's clock.
	Since time.Time
}

// BMCReport is what a host's BMC says.
type BMCReport struct {
	// Power is the power state read from the BMC.
	Power fencing.Power
	// SEL holds recent SEL (or Redfish log) entries, as text: evidence for
	// the record, not input to the rules.
	SEL []string
}

// BMC reads a host's power state through its BMC.
type BMC interface {
	// Report reads the power state and recent log of host's BMC. An error
	// means the BMC could not be asked (unreachable, refused, timed out).
	Report(ctx context.Context, host string) (BMCReport, error)
}

// Heartbeats reads hosts' shared-storage heartbeats; *heartbeat.Reader
// implements it.
type Heartbeats interface {
	Observe(ctx context.Context, host string) (heartbeat.Status, error)
}

// Lease is a host's lease as the leader holds it. From the replicated
// state (cluster/state.Lease, whose Expiry a renewal sets to the
// proposer's now + TTL): Expires = Expiry, Renewed = Expiry − TTL, and
// WatchdogArmed from the host record.
type Lease struct {
	// Renewed is when the leader last granted the host a renewal, by the
	// leader's clock.
	Renewed time.Time
	// Expires is when the lease ends, by the leader's clock.
	Expires time.Time
	// WatchdogArmed is the replicated host record's word that the host
	// armed a hardware watchdog (memberlist's meta is only a hint).
	WatchdogArmed bool
}

// Leases reads hosts' leases at the leader. The lease must be the leader's
// own live deadline (the planner's), not only the replicated state's
// record of it, which may lag a renewal interval or more behind: an
// expired lease is taken as the host's loss of its right to run VMs.
type Leases interface {
	Lease(ctx context.Context, host string) (Lease, error)
}

// Outcome is what the leader may do about a host.
type Outcome int

// The outcomes.
const (
	// Alive: nothing failed. Do nothing.
	Alive Outcome = iota + 1
	// Suspect: memberlist suspects the host but has not declared it dead.
	// Watch; do nothing yet.
	Suspect
	// Isolated: the host is alive but cut off from the cluster. Never
	// fence it on this evidence; its own lease expiry makes it stop its
	// VMs (Verdict.SelfFenceAt says when that is certain).
	Isolated
	// Fence: the host looks dead (or lost its lease) and nothing shows it
	// alive, but nothing shows it off either: fence it through its BMC
	// (revoke ownership first, then power off, then confirm).
	Fence
	// Dead: the BMC reads the power off: dead and confirmed, no fence
	// needed. Its VMs may be placed elsewhere (after revoking ownership).
	Dead
	// SelfFenced: the BMC cannot be reached, but the host's watchdog is
	// armed and its lease expired with margin: presumed stopped by its
	// own watchdog. Its VMs may be placed elsewhere.
	SelfFenced
	// Wait: the evidence does not allow a safe decision yet; Verdict.Code
	// and Reason say why, Recheck when to look again.
	Wait
)

func (o Outcome) String() string {
	switch o {
	case Alive:
		return "alive"
	case Suspect:
		return "suspect"
	case Isolated:
		return "isolated"
	case Fence:
		return "fence"
	case Dead:
		return "dead"
	case SelfFenced:
		return "self-fenced"
	case Wait:
		return "wait"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// Code names the rule that decided, for events and metrics.
type Code string

// The codes.
const (
	CodeMemberAlive        Code = "member-alive"
	CodeMemberSuspect      Code = "member-suspect"
	CodeLeaseRenewed       Code = "lease-renewed-after-suspicion"
	CodeHeartbeatAdvancing Code = "heartbeat-advancing"
	CodeContradiction      Code = "bmc-off-but-heartbeat-advancing"
	CodePowerOff           Code = "bmc-power-off"
	CodeHeartbeatPending   Code = "heartbeat-not-yet-stale"
	CodePowerOn            Code = "bmc-power-on"
	CodePowerUnknown       Code = "bmc-power-unknown"
	CodeNoWatchdog         Code = "bmc-unreachable-no-watchdog"
	CodeLeaseUnknown       Code = "bmc-unreachable-lease-unknown"
	CodeLeasePending       Code = "bmc-unreachable-lease-not-expired"
	CodeSelfFenceDeadline  Code = "bmc-unreachable-self-fence-deadline-passed"
	CodeUnknownMemberState Code = "unknown-member-state"
	CodeLeaseExpired       Code = "lease-expired"
	CodeBMCNotAsked        Code = "bmc-not-asked"
	CodeBMCPending         Code = "bmc-asked-no-answer-yet"
)

// Verdict is the second opinion on one host.
type Verdict struct {
	Host    string
	Outcome Outcome
	Code    Code
	// Reason says, in a sentence with the evidence, why.
	Reason string
	// Recheck, when not zero, is when the verdict may change by the
	// passing of time alone (a heartbeat going stale, a lease expiring).
	Recheck time.Time
	// SelfFenceAt, when not zero, is when the host is certain to have
	// stopped its VMs by itself (lease expiry plus margin, watchdog
	// armed).
	SelfFenceAt time.Time
	// Evidence is what the verdict was decided on.
	Evidence Evidence
}

// Evidence is everything Decide looks at.
type Evidence struct {
	Host      string
	Now       time.Time
	Suspicion Suspicion

	BMC    BMCReport
	BMCErr error

	Heartbeat heartbeat.Status
	// HeartbeatErr is the error reading the heartbeat (os.ErrNotExist if
	// the host never wrote one; ErrNoSource if no storage is configured).
	HeartbeatErr error

	Lease    Lease
	LeaseErr error
}

// Rules are the timings Decide applies.
type Rules struct {
	// HeartbeatStale: a heartbeat that has not changed for this long is
	// stale. Make it at least three write intervals plus the reader's
	// polling period.
	HeartbeatStale time.Duration
	// SelfFenceMargin is added to a lease's expiry before a host with an
	// armed watchdog is presumed self-fenced (clock drift, the watchdog's
	// own timeout beyond the lease).
	SelfFenceMargin time.Duration
}

// ErrNoSource is the evidence error of a witness that is not configured.
var ErrNoSource = errors.New("not configured")

// ErrPending is the BMC evidence error while the BMC was asked and has not
// answered yet.
var ErrPending = errors.New("asked, no answer yet")

// Decide combines the evidence into a verdict. It is pure: the same
// evidence and rules give the same verdict.
func Decide(e Evidence, r Rules) Verdict {
	v := Verdict{Host: e.Host, Evidence: e}
	set := func(o Outcome, c Code, format string, args ...any) Verdict {
		v.Outcome, v.Code, v.Reason = o, c, fmt.Sprintf(format, args...)
		return v
	}
	if e.LeaseErr == nil && e.Lease.WatchdogArmed && !e.Lease.Expires.IsZero() {
		v.SelfFenceAt = e.Lease.Expires.Add(r.SelfFenceMargin)
	}
	// (c) The lease, first: expired, the host may run nothing, whatever
	// memberlist or the heartbeat say.
	if e.LeaseErr == nil && !e.Lease.Expires.IsZero() && !e.Now.Before(e.Lease.Expires) {
		return decideExpired(e, v, set)
	}
	s := e.Suspicion
	switch s.State {
	case membership.Alive:
		return set(Alive, CodeMemberAlive, "memberlist holds %s alive", e.Host)
	case membership.Suspect:
		return set(Suspect, CodeMemberSuspect, "memberlist suspects %s since %s; not dead yet", e.Host, stamp(s.Since))
	case membership.Dead, membership.Left:
	default:
		return set(Wait, CodeUnknownMemberState, "memberlist state %v of %s is not one the rules know", s.State, e.Host)
	}
	said := fmt.Sprintf("memberlist says %s %s since %s", e.Host, s.State, stamp(s.Since))

	// (c) The lease: a renewal granted after the suspicion began proves
	// the host talks to the leader; only gossip is broken.
	if e.LeaseErr == nil && e.Lease.Renewed.After(s.Since) {
		return set(Alive, CodeLeaseRenewed, "%s, but the leader renewed its lease at %s, after that: gossip is broken, the host is not", said, stamp(e.Lease.Renewed))
	}

	// (b) The heartbeat on shared storage.
	hb := judgeHeartbeat(e, r)
	off := e.BMCErr == nil && e.BMC.Power == fencing.PowerOff
	switch {
	case hb.advancing && off:
		v.Recheck = hb.staleAt
		return set(Wait, CodeContradiction, "%s and its BMC reads power off, yet its heartbeat changed at %s (seq %d): BMC and host disagree, check which BMC belongs to which host; nothing is done",
			said, stamp(e.Heartbeat.LastChange), e.Heartbeat.Record.Seq)
	case hb.advancing:
		v.Recheck = hb.staleAt
		return set(Isolated, CodeHeartbeatAdvancing, "%s, but its heartbeat is still being written (seq %d, changed at %s, after the suspicion): isolated, not dead; no fence",
			said, e.Heartbeat.Record.Seq, stamp(e.Heartbeat.LastChange))
	}

	// (a) The BMC: power off is dead and confirmed.
	if off {
		return set(Dead, CodePowerOff, "%s and its BMC reads power off%s: dead, confirmed", said, selNote(e.BMC.SEL))
	}
	if hb.pending {
		v.Recheck = hb.staleAt
		return set(Wait, CodeHeartbeatPending, "%s; its heartbeat has not been still for %v yet (stale at %s): waiting before any fence",
			said, r.HeartbeatStale, stamp(hb.staleAt))
	}
	if errors.Is(e.BMCErr, ErrPending) {
		return set(Wait, CodeBMCPending, "%s, %s; its BMC was asked and has not answered yet: waiting for its word", said, hb.note)
	}
	if e.BMCErr == nil {
		if e.BMC.Power == fencing.PowerOn {
			// Powered, so running: cut off, hung, or its agent crashed and
			// is being restarted (its VMs still run). Its lease decides:
			// at its expiry (the rule above) it is fenced.
			if e.LeaseErr == nil && !e.Lease.Expires.IsZero() {
				v.Recheck = e.Lease.Expires
			}
			return set(Wait, CodePowerOn, "%s, %s, but its BMC reads power on%s: cut off or its agent down, not dead; fenced at its lease's expiry (%s)",
				said, hb.note, selNote(e.BMC.SEL), stamp(e.Lease.Expires))
		}
		return set(Fence, CodePowerUnknown, "%s, %s, and its BMC answers but reads power %q%s: fence it", said, hb.note, e.BMC.Power, selNote(e.BMC.SEL))
	}

	if errors.Is(e.BMCErr, ErrNoSource) {
		// Nobody asked the BMC before: the fence asks it, and confirms
		// only with the power read back off.
		return set(Fence, CodeBMCNotAsked, "%s, %s, and its BMC was not asked: fence it (the fence reads the power back)", said, hb.note)
	}

	// The BMC cannot be reached: only a self-fence can be relied on.
	bmc := fmt.Sprintf("its BMC cannot be reached (%v)", e.BMCErr)
	if e.LeaseErr != nil {
		return set(Wait, CodeLeaseUnknown, "%s, %s, %s, and its lease cannot be read (%v): cannot tell when it must have fenced itself; its VMs wait",
			said, hb.note, bmc, e.LeaseErr)
	}
	if !e.Lease.WatchdogArmed {
		return set(Wait, CodeNoWatchdog, "%s, %s, %s, and it has no armed watchdog: it is never presumed to have fenced itself; its VMs wait for a confirmed BMC fence or a person",
			said, hb.note, bmc)
	}
	if e.Now.Before(v.SelfFenceAt) {
		v.Recheck = v.SelfFenceAt
		return set(Wait, CodeLeasePending, "%s, %s, %s; its watchdog is armed and its lease expires at %s: presumed self-fenced only at %s (with %v margin)",
			said, hb.note, bmc, stamp(e.Lease.Expires), stamp(v.SelfFenceAt), r.SelfFenceMargin)
	}
	return set(SelfFenced, CodeSelfFenceDeadline, "%s, %s, %s; its watchdog is armed and its lease expired at %s, more than %v ago: presumed self-fenced",
		said, hb.note, bmc, stamp(e.Lease.Expires), r.SelfFenceMargin)
}

// decideExpired is the verdict on a host whose lease at the leader has
// expired.
func decideExpired(e Evidence, v Verdict, set func(Outcome, Code, string, ...any) Verdict) Verdict {
	said := fmt.Sprintf("the leader's lease of %s expired at %s (last renewed %s; memberlist: %s)", e.Host, stamp(e.Lease.Expires), stamp(e.Lease.Renewed), e.Suspicion.State)
	off := e.BMCErr == nil && e.BMC.Power == fencing.PowerOff
	advancing := e.HeartbeatErr == nil && !e.Heartbeat.LastChange.IsZero() && !e.Heartbeat.LastChange.Before(e.Lease.Expires)
	switch {
	case off && !advancing:
		return set(Dead, CodePowerOff, "%s and its BMC reads power off%s: dead, confirmed", said, selNote(e.BMC.SEL))
	case e.BMCErr != nil && !errors.Is(e.BMCErr, ErrNoSource) && !errors.Is(e.BMCErr, ErrPending) && e.Lease.WatchdogArmed && !e.Now.Before(v.SelfFenceAt):
		return set(SelfFenced, CodeSelfFenceDeadline, "%s; its BMC cannot be reached (%v), its watchdog is armed and the lease expired more than the margin ago: presumed self-fenced",
			said, e.BMCErr)
	case advancing:
		return set(Fence, CodeLeaseExpired, "%s; its heartbeat still changes (seq %d at %s): isolated, and it has lost its lease: fence it before its VMs run elsewhere",
			said, e.Heartbeat.Record.Seq, stamp(e.Heartbeat.LastChange))
	}
	return set(Fence, CodeLeaseExpired, "%s: it has lost the right to run VMs; fence it", said)
}

type hbJudgement struct {
	advancing bool // changed after the suspicion began, and recently
	pending   bool // not still for long enough to call stale
	staleAt   time.Time
	note      string // for reasons
}

func judgeHeartbeat(e Evidence, r Rules) hbJudgement {
	st := e.Heartbeat
	if errors.Is(e.HeartbeatErr, ErrNoSource) {
		return hbJudgement{note: "no heartbeat storage is configured"}
	}
	if st.FirstSeen.IsZero() {
		if e.HeartbeatErr != nil {
			return hbJudgement{note: fmt.Sprintf("its heartbeat cannot be read (%v)", e.HeartbeatErr)}
		}
		return hbJudgement{note: "no heartbeat of it was ever read"}
	}
	// The last change seen, or, before any, since when the reader has
	// watched the record not change.
	last := st.LastChange
	if last.IsZero() {
		last = st.FirstSeen
	}
	staleAt := last.Add(r.HeartbeatStale)
	fresh := e.Now.Before(staleAt)
	switch {
	case e.HeartbeatErr == nil && fresh && !st.LastChange.IsZero() && st.LastChange.After(e.Suspicion.Since):
		return hbJudgement{advancing: true, staleAt: staleAt}
	case fresh:
		// Not still for long enough to call it stale (or a read failed
		// now: a failing read never makes a host look alive, nor dead
		// before its time).
		return hbJudgement{pending: true, staleAt: staleAt}
	case e.HeartbeatErr != nil:
		return hbJudgement{staleAt: staleAt, note: fmt.Sprintf("its heartbeat cannot be read now (%v) and was stale before (seq %d, no change since %s)",
			e.HeartbeatErr, st.Record.Seq, stamp(last))}
	}
	return hbJudgement{staleAt: staleAt, note: fmt.Sprintf("its heartbeat is stale (seq %d, no change since %s)", st.Record.Seq, stamp(last))}
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Format("15:04:05.000")
}

func selNote(sel []string) string {
	if len(sel) == 0 {
		return ""
	}
	return " (recent SEL: " + strings.Join(sel, "; ") + ")"
}

// Config configures a Judge.
type Config struct {
	// BMC, Heartbeats and Leases are the witnesses; a nil one counts as
	// a witness that cannot answer (ErrNoSource).
	BMC        BMC
	Heartbeats Heartbeats
	Leases     Leases
	// Rules are the timings of Decide.
	Rules Rules
	// Timeout bounds each witness (default 2 s); a BMC that does not
	// answer within it counts as unreachable.
	Timeout time.Duration
	// Now is the leader's clock; nil means time.Now.
	Now func() time.Time
}

// Judge gathers evidence and decides.
type Judge struct {
	cfg Config
}

// New returns a Judge.
func New(cfg Config) (*Judge, error) {
	if cfg.Rules.HeartbeatStale <= 0 {
		return nil, fmt.Errorf("verdict: Rules.HeartbeatStale %v must be positive", cfg.Rules.HeartbeatStale)
	}
	if cfg.Rules.SelfFenceMargin < 0 {
		return nil, fmt.Errorf("verdict: Rules.SelfFenceMargin %v must not be negative", cfg.Rules.SelfFenceMargin)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 2 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Judge{cfg: cfg}, nil
}

// Judge asks the witnesses about host, in parallel and each within the
// configured timeout (and ctx), and decides. A member memberlist holds
// alive or only suspect is decided without asking anyone.
func (j *Judge) Judge(ctx context.Context, host string, s Suspicion) Verdict {
	e := Evidence{Host: host, Suspicion: s}
	if s.State == membership.Dead || s.State == membership.Left {
		j.gather(ctx, &e)
	}
	e.Now = j.cfg.Now()
	return Decide(e, j.cfg.Rules)
}

func (j *Judge) gather(ctx context.Context, e *Evidence) {
	ctx, cancel := context.WithTimeout(ctx, j.cfg.Timeout)
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() {
		if j.cfg.BMC == nil {
			e.BMCErr = ErrNoSource
			return
		}
		e.BMC, e.BMCErr = ask(ctx, func(ctx context.Context) (BMCReport, error) { return j.cfg.BMC.Report(ctx, e.Host) })
	})
	wg.Go(func() {
		if j.cfg.Heartbeats == nil {
			e.HeartbeatErr = ErrNoSource
			return
		}
		e.Heartbeat, e.HeartbeatErr = ask(ctx, func(ctx context.Context) (heartbeat.Status, error) {
			return j.cfg.Heartbeats.Observe(ctx, e.Host)
		})
	})
	wg.Go(func() {
		if j.cfg.Leases == nil {
			e.LeaseErr = ErrNoSource
			return
		}
		e.Lease, e.LeaseErr = ask(ctx, func(ctx context.Context) (Lease, error) { return j.cfg.Leases.Lease(ctx, e.Host) })
	})
	wg.Wait()
}

// ask calls fn and returns at ctx's end even if fn does not.
func ask[T any](ctx context.Context, fn func(context.Context) (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	ch := make(chan result, 1)
	go func() {
		v, err := fn(ctx)
		ch <- result{v, err}
	}()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
