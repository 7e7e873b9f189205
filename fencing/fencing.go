package fencing

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/internal/bmc"
)

// Power is a power state as a BMC reports it.
type Power string

// The power states.
const (
	PowerOn      Power = "on"
	PowerOff     Power = "off"
	PowerUnknown Power = "unknown"
)

// Action is a power action.
type Action string

// The actions `vigil fence` takes.
const (
	ActionOff    Action = "off"
	ActionOn     Action = "on"
	ActionCycle  Action = "cycle"
	ActionStatus Action = "status"
)

// ParseAction checks a user-supplied action name.
func ParseAction(s string) (Action, error) {
	switch a := Action(s); a {
	case ActionOff, ActionOn, ActionCycle, ActionStatus:
		return a, nil
	}
	return "", fmt.Errorf("action %q: want off, on, cycle or status", s)
}

// Fencer is one BMC's power control, as the BMC takes the commands: Set
// sends a command and returns when the BMC accepted it, without waiting for
// the power to change. Do adds the confirmation. Drivers: fencing/ipmi and
// fencing/redfish; fencing/fencingtest has a scriptable fake.
type Fencer interface {
	// Driver names the protocol: "ipmi" or "redfish".
	Driver() string
	// Target names the BMC ("10.0.0.2:623", "https://10.0.0.2").
	Target() string
	// Power reads the power state.
	Power(ctx context.Context) (Power, error)
	// Set sends ActionOff, ActionOn or ActionCycle.
	Set(ctx context.Context, a Action) error
	// Close ends the session with the BMC.
	Close() error
}

// Errors of fencing and its drivers; match with errors.Is. The first five
// are the causes every BMC client of vigil shares (internal/bmc): they are
// the same values, so sensors and fencing, IPMI and Redfish, report a
// failure in the same words. Drivers wrap the peer's own error with one of
// these, so a caller can decide what to retry.
var (
	// ErrAuth: the BMC refused the credentials. Never retried: retrying a
	// wrong password locks accounts out.
	ErrAuth = bmc.ErrAuth
	// ErrPrivilege: the account may log in but not control power (an IPMI
	// USER account; fencing needs OPERATOR). Never retried.
	ErrPrivilege = bmc.ErrPrivilege
	// ErrCipher: no cipher suite or TLS handshake both sides accept, a
	// downgrade, or a certificate that is not trusted. Never retried.
	ErrCipher = bmc.ErrCipher
	// ErrUnsupported: the BMC does not offer the action (a Redfish ResetType
	// outside its AllowableValues). Never retried.
	ErrUnsupported = bmc.ErrUnsupported
	// ErrUnreachable: no answer from the BMC within the deadline.
	ErrUnreachable = bmc.ErrUnreachable
	// ErrNotConfirmed: the command was sent but the power never read back
	// as wanted before the deadline.
	ErrNotConfirmed = errors.New("power state not confirmed")
	// ErrSelfFence: the target is this host or its own BMC.
	ErrSelfFence = errors.New("refusing to fence this host through its own BMC")
	// ErrMassFence: fencing this host would exceed the share of the cluster
	// that may be fenced within the window.
	ErrMassFence = errors.New("refusing to fence: too many hosts fenced in the window")
)

// Permanent reports whether err is one that retrying the same level cannot
// fix (and may make worse, like a locked-out account).
func Permanent(err error) bool {
	for _, e := range []error{ErrAuth, ErrPrivilege, ErrCipher, ErrUnsupported, ErrSelfFence, ErrMassFence} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// Result is the outcome of one confirmed action: the CLI's JSON shape.
type Result struct {
	Action    Action        `json:"action"`
	Driver    string        `json:"driver"`
	Target    string        `json:"target"`
	Power     Power         `json:"power"`
	Confirmed bool          `json:"confirmed"`
	Elapsed   time.Duration `json:"-"`
	ElapsedMS int64         `json:"elapsed_ms"`
	// Polls counts the power reads it took to confirm.
	Polls int `json:"polls"`
}

// Confirm tunes how Do waits for the power to read back.
type Confirm struct {
	// FirstPoll is the wait before the second read (the first comes at
	// once); each later wait doubles up to MaxPoll. Defaults 50 ms and
	// 250 ms.
	FirstPoll, MaxPoll time.Duration
	// DefaultTimeout bounds Do when ctx has no deadline (default 30 s).
	DefaultTimeout time.Duration
	// Sleep waits between polls (default a timer); it returns ctx's
	// error when ctx ends first. Tests and simulations substitute a clock.
	Sleep func(ctx context.Context, d time.Duration) error
}

func (c *Confirm) defaults() {
	if c.FirstPoll <= 0 {
		c.FirstPoll = 50 * time.Millisecond
	}
	if c.MaxPoll <= 0 {
		c.MaxPoll = 250 * time.Millisecond
	}
	if c.MaxPoll < c.FirstPoll {
		c.MaxPoll = c.FirstPoll
	}
	if c.DefaultTimeout <= 0 {
		c.DefaultTimeout = 30 * time.Second
	}
	if c.Sleep == nil {
		c.Sleep = sleep
	}
}

// Do performs a and confirms it: off returns only once the BMC reads the
// power back as off, on once it reads on; cycle is off (confirmed) then on
// (confirmed), like fence_ipmilan's "onoff" method, so a cycle proves the
// host was really off; status reads once. When the power does not read back
// in time, Do returns ErrNotConfirmed with the last state it saw in Result.
//
// Equivalent to: `fence_ipmilan -o off|on|reboot|status` (the reboot being
// `-m onoff`).
func Do(ctx context.Context, f Fencer, a Action, opt Confirm) (Result, error) {
	opt.defaults()
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opt.DefaultTimeout)
		defer cancel()
	}
	start := time.Now()
	res := Result{Action: a, Driver: f.Driver(), Target: f.Target(), Power: PowerUnknown}
	finish := func(err error) (Result, error) {
		res.Elapsed = time.Since(start)
		res.ElapsedMS = res.Elapsed.Milliseconds()
		return res, err
	}
	switch a {
	case ActionStatus:
		p, err := f.Power(ctx)
		res.Polls = 1
		if err != nil {
			return finish(fmt.Errorf("status: %w", err))
		}
		res.Power, res.Confirmed = p, p != PowerUnknown
		return finish(nil)
	case ActionOff, ActionOn:
		err := setAndConfirm(ctx, f, a, opt, &res)
		return finish(err)
	case ActionCycle:
		if err := setAndConfirm(ctx, f, ActionOff, opt, &res); err != nil {
			return finish(fmt.Errorf("cycle: %w", err))
		}
		res.Confirmed = false
		if err := setAndConfirm(ctx, f, ActionOn, opt, &res); err != nil {
			return finish(fmt.Errorf("cycle: %w", err))
		}
		return finish(nil)
	}
	return finish(fmt.Errorf("action %q: want off, on, cycle or status", a))
}

type commandSentKey struct{}

// WithCommandSent returns ctx carrying fn, which Do calls (in its own
// goroutine) each time the BMC accepts a power command, before the power
// is read back. It tells an observer that a command is on its way; only
// the read-back confirms it.
func WithCommandSent(ctx context.Context, fn func(Action)) context.Context {
	return context.WithValue(ctx, commandSentKey{}, fn)
}

// setAndConfirm sends a and polls until the power reads as a wants or ctx
// ends. It fills res.Power with the last state seen.
func setAndConfirm(ctx context.Context, f Fencer, a Action, opt Confirm, res *Result) error {
	want := PowerOff
	if a == ActionOn {
		want = PowerOn
	}
	err := f.Set(ctx, a)
	if sent, ok := ctx.Value(commandSentKey{}).(func(Action)); ok && err == nil {
		go sent(a)
	}
	if err != nil {
		// A lost reply to a command the BMC executed: the read-back below
		// decides, unless the error says the command was refused.
		if Permanent(err) || ctx.Err() != nil {
			return fmt.Errorf("power %s: %w", a, err)
		}
		if p, perr := f.Power(ctx); perr != nil || p != want {
			return fmt.Errorf("power %s: %w", a, err)
		}
	}
	wait := opt.FirstPoll
	var lastErr error
	for {
		p, err := f.Power(ctx)
		res.Polls++
		if err == nil {
			res.Power, lastErr = p, nil
			if p == want {
				res.Confirmed = true
				return nil
			}
		} else {
			lastErr = err
			if Permanent(err) {
				return fmt.Errorf("power %s: reading back: %w", a, err)
			}
		}
		if ctx.Err() != nil || opt.Sleep(ctx, wait) != nil {
			if lastErr != nil {
				return fmt.Errorf("power %s: %w: last state %s, last read failed: %w", a, ErrNotConfirmed, res.Power, lastErr)
			}
			return fmt.Errorf("power %s: %w: still reads %s at the deadline", a, ErrNotConfirmed, res.Power)
		}
		wait = min(2*wait, opt.MaxPoll)
	}
}
