package qmp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"
)

// MigrateOptions shape one live migration. Zero values pick the defaults
// noted per field.
type MigrateOptions struct {
	// URI is what the source connects to, on the migration network:
	// "tcp:HOST:PORT". Required.
	URI string
	// ListenURI is what the destination listens on (default URI).
	ListenURI string
	// Bandwidth is the migration link's capacity in bytes/s, set as
	// max-bandwidth (QEMU's default is 128 MiB/s whatever the link).
	// 0 means unlimited (the link is the limit).
	Bandwidth int64
	// DowntimeLimit is the pause QEMU aims for at switchover (default
	// 50 ms; QEMU's own default is 300 ms).
	DowntimeLimit time.Duration
	// MaxDowntime is the VM's downtime budget: escalation may raise the
	// limit up to it (default: DowntimeLimit, no raise).
	MaxDowntime time.Duration
	// AutoConverge enables QEMU's vCPU throttling when the guest dirties
	// memory faster than the link carries it.
	AutoConverge bool
	// AllowPostcopy: the VM's policy allows post-copy as the last
	// escalation. Post-copy gives up rollback: once started, a failure
	// can no longer fall back to the source.
	AllowPostcopy bool
	// MultifdChannels > 0 sends RAM over that many parallel streams
	// (slower than one stream on small hosts: LAB.md).
	MultifdChannels int
	// StallTimeout: no byte moved for this long means the link is cut:
	// cancel, keep the source, kill the destination (default 10 s).
	StallTimeout time.Duration
	// PostcopyRecoverTimeout: how long to keep trying to resume a
	// post-copy migration whose link broke (default 2 min). Post-copy
	// cannot fall back to the source, so it keeps trying.
	PostcopyRecoverTimeout time.Duration
	// StepTimeout is how long each escalation step gets to make the
	// migration converge, counted from the end of the first RAM pass
	// (default 5 s).
	StepTimeout time.Duration
	// PollInterval between query-migrate calls (default 100 ms; MIGRATION
	// events wake the loop early).
	PollInterval time.Duration
	// CallTimeout bounds each QMP command (default 10 s).
	CallTimeout time.Duration
	// PreSwitchover runs while the source is paused before switchover
	// (pause-before-switchover): make the network ready on the
	// destination here. An error cancels the migration. It counts
	// towards downtime: keep it short.
	PreSwitchover func(ctx context.Context) error
	// Progress, if set, receives a snapshot after every poll.
	Progress func(Progress)
	// TLS, if set, encrypts the stream with QEMU's tls-creds-x509.
	TLS *TLS
	// KillDestination stops a stale destination after a failure and must
	// return nil only once the destination's QEMU process has exited
	// (reaped, or its pidfd readable): the source resumes on that word.
	// Default: SIGKILL to the process behind the destination's monitor
	// when the monitor knows it (ProcessKiller: a Client on a local unix
	// socket), never `quit` on a monitor that may be the one that just
	// timed out. Without either, `quit` is sent but nothing confirms the
	// exit: a fallback after the destination got the whole VM then leaves
	// the source paused (ErrBothStopped).
	KillDestination func(ctx context.Context) error
	// StopSource stops the source after success (default: `quit` on its
	// monitor).
	StopSource func(ctx context.Context) error
	// KeepSource leaves the paused source process after success (tests,
	// or a caller that stops it itself).
	KeepSource bool
	// BlockDevices that must exist on the destination afterwards (default:
	// those the source had).
	BlockDevices []string
	Logger       *slog.Logger
	// Clock is the time source of polling, stall detection, escalation
	// and post-copy recovery (default: the system clock). QMP call
	// deadlines stay on the system clock (see Clock).
	Clock Clock
}

// TLS names the x509 credentials directory QEMU reads: ca-cert.pem,
// server-cert.pem and server-key.pem (destination), client-cert.pem and
// client-key.pem (source).
type TLS struct {
	Dir      string
	Hostname string // name the destination's certificate must carry (default: URI host)
}

func (o *MigrateOptions) defaults() error {
	if !strings.HasPrefix(o.URI, "tcp:") && !strings.HasPrefix(o.URI, "unix:") {
		return fmt.Errorf("%w: migrate: uri %q: want tcp:HOST:PORT or unix:PATH", ErrInvalidSpec, o.URI)
	}
	if o.ListenURI == "" {
		o.ListenURI = o.URI
	}
	if o.Bandwidth < 0 {
		return fmt.Errorf("%w: migrate: bandwidth %d < 0", ErrInvalidSpec, o.Bandwidth)
	}
	if o.DowntimeLimit == 0 {
		o.DowntimeLimit = 50 * time.Millisecond
	}
	if o.DowntimeLimit < time.Millisecond || o.DowntimeLimit > 2000*time.Second {
		return fmt.Errorf("%w: migrate: downtime limit %v", ErrInvalidSpec, o.DowntimeLimit)
	}
	if o.MaxDowntime < o.DowntimeLimit {
		o.MaxDowntime = o.DowntimeLimit
	}
	if o.MultifdChannels < 0 || o.MultifdChannels > 255 {
		return fmt.Errorf("%w: migrate: multifd channels %d", ErrInvalidSpec, o.MultifdChannels)
	}
	if o.StallTimeout == 0 {
		o.StallTimeout = 10 * time.Second
	}
	if o.PostcopyRecoverTimeout == 0 {
		o.PostcopyRecoverTimeout = 2 * time.Minute
	}
	if o.StepTimeout == 0 {
		o.StepTimeout = 5 * time.Second
	}
	if o.PollInterval == 0 {
		o.PollInterval = 100 * time.Millisecond
	}
	if o.CallTimeout == 0 {
		o.CallTimeout = 10 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Clock == nil {
		o.Clock = systemClock{}
	}
	if o.TLS != nil && o.TLS.Dir == "" {
		return fmt.Errorf("%w: migrate: tls dir empty", ErrInvalidSpec)
	}
	return nil
}

// MigrationInfo is query-migrate's reply (the fields vigil reads).
type MigrationInfo struct {
	Status           string `json:"status"`
	TotalTime        int64  `json:"total-time"`        // ms
	Downtime         int64  `json:"downtime"`          // ms, when completed
	ExpectedDowntime int64  `json:"expected-downtime"` // ms, while active
	SetupTime        int64  `json:"setup-time"`        // ms
	RAM              *struct {
		Transferred      uint64  `json:"transferred"`
		Remaining        uint64  `json:"remaining"`
		Total            uint64  `json:"total"`
		DirtyPagesRate   uint64  `json:"dirty-pages-rate"` // pages/s
		PageSize         uint64  `json:"page-size"`
		Mbps             float64 `json:"mbps"`
		DirtySyncCount   uint64  `json:"dirty-sync-count"`
		MultifdBytes     uint64  `json:"multifd-bytes"`
		PostcopyRequests uint64  `json:"postcopy-requests"`
	} `json:"ram"`
	CPUThrottlePercentage int    `json:"cpu-throttle-percentage"`
	ErrorDesc             string `json:"error-desc"`
}

// Progress is one snapshot of a running migration.
type Progress struct {
	Status           string
	Elapsed          time.Duration
	Transferred      uint64  // bytes sent so far
	Remaining        uint64  // bytes of RAM still to send
	Total            uint64  // guest RAM
	DirtyRate        uint64  // bytes/s the guest dirties
	Mbps             float64 // current throughput
	ExpectedDowntime time.Duration
	Throttle         int // auto-converge vCPU throttle, percent
	Pass             uint64
	Step             string // current escalation step ("" none yet)
}

// Result sums up a migration (CLI.md's `qmp migrate` JSON).
type Result struct {
	Status           string   `json:"status"` // completed, failed, cancelled
	TotalMs          int64    `json:"total_ms"`
	DowntimeMs       int64    `json:"downtime_ms"`
	SetupMs          int64    `json:"setup_ms"`
	TransferredBytes uint64   `json:"transferred_bytes"`
	ThroughputMbps   float64  `json:"throughput_mbps"`
	Postcopy         bool     `json:"postcopy"`
	Steps            []string `json:"escalations,omitempty"`
	Reason           string   `json:"reason,omitempty"`
	WallMs           int64    `json:"wall_ms"` // from the first command to the verified end
	// PausedMs is the guest's real pause: from the source's STOP event to
	// the destination's RESUME event (QEMU's timestamps; meaningful when
	// the hosts' clocks agree). QEMU's downtime_ms is measured on the
	// source alone. 0 when either event was not seen.
	PausedMs float64 `json:"paused_ms"`
}

// migration is the state of one Migrate call.
type migration struct {
	src, dst Monitor
	o        MigrateOptions
	log      *slog.Logger
	clock    Clock
	start    time.Time
	res      Result
	downtime time.Duration // current downtime-limit
	step     int           // escalation steps taken
	postcopy bool
	switched atomic.Bool // the pre-switchover pause was handled
	// wasRunning: the source ran before; only then is it resumed.
	wasRunning bool
	srcStop    time.Time    // last STOP event of the source
	srcEvents  <-chan Event // the source's events (STOP)
	dstEvents  <-chan Event // the destination's events (RESUME)
}

func eventStatus(ev Event) string {
	var d struct {
		Status string `json:"status"`
	}
	json.Unmarshal(ev.Data, &d)
	return d.Status
}

// Migrate live-migrates the VM whose QEMU src is connected to the QEMU dst
// started with `-incoming defer`. It sets capabilities and parameters on
// both, follows progress, escalates when the guest outruns the link,
// cancels on a stall, runs the pre-switchover hook, and verifies the
// destination afterwards. On success the VM runs on the destination only
// (the source is quit unless KeepSource). On any failure or cancel before
// post-copy starts, the VM keeps running on the source and the
// destination is killed: the error wraps ErrMigrationStalled,
// ErrMigrationNotConverging, ErrMigrationFailed, ErrMigrationCancelled or
// ErrVerify, and the Result says why. When the destination had received
// the whole VM, the source runs again only after the destination's process
// is confirmed gone (see KillDestination); if it cannot be, the source
// stays paused and the error also wraps ErrBothStopped.
func Migrate(ctx context.Context, src, dst Monitor, opt MigrateOptions) (Result, error) {
	if err := opt.defaults(); err != nil {
		return Result{Status: "failed", Reason: err.Error()}, err
	}
	m := &migration{src: src, dst: dst, o: opt, log: opt.Logger.With("component", "qmp", "op", "migrate"),
		clock: opt.Clock, start: opt.Clock.Now(), downtime: opt.DowntimeLimit}
	err := m.run(ctx)
	m.res.WallMs = m.clock.Now().Sub(m.start).Milliseconds()
	if err != nil {
		if m.res.Status == "" || m.res.Status == "completed" {
			m.res.Status = "failed"
		}
		if m.res.Reason == "" {
			m.res.Reason = err.Error()
		}
		m.log.Warn("migration did not complete", "status", m.res.Status, "reason", m.res.Reason)
		return m.res, err
	}
	m.log.Info("migration completed", "total_ms", m.res.TotalMs, "downtime_ms", m.res.DowntimeMs,
		"transferred", m.res.TransferredBytes, "mbps", m.res.ThroughputMbps, "steps", m.res.Steps)
	return m.res, nil
}

// call runs one QMP command with the per-call timeout, under a context
// that survives the caller's cancellation (clean-up must still run).
func (m *migration) call(ctx context.Context, mon Monitor, cmd string, args, result any) error {
	c, cancel := context.WithTimeout(context.WithoutCancel(ctx), m.o.CallTimeout)
	defer cancel()
	return mon.Run(c, cmd, args, result)
}

type capability struct {
	Capability string `json:"capability"`
	State      bool   `json:"state"`
}

const tlsID = "vigil-migrate-tls"

func (m *migration) run(ctx context.Context) error {
	srcSt, err := Status(ctx, m.src)
	if err != nil {
		return fmt.Errorf("migrate: source status: %w", err)
	}
	m.wasRunning = srcSt.Status == "running"
	switch srcSt.Status {
	case "running", "paused":
	default:
		return fmt.Errorf("migrate: source is %q, want running or paused", srcSt.Status)
	}
	dstSt, err := Status(ctx, m.dst)
	if err != nil {
		return fmt.Errorf("migrate: destination status: %w", err)
	}
	if dstSt.Status != "inmigrate" {
		return fmt.Errorf("migrate: destination is %q, want inmigrate (started with -incoming defer)", dstSt.Status)
	}
	devices := m.o.BlockDevices
	if devices == nil {
		if devices, err = blockDevices(ctx, m.src, m.o.CallTimeout); err != nil {
			return fmt.Errorf("migrate: source block devices: %w", err)
		}
	}
	// From here on a failure must leave the VM on the source: everything
	// below goes through abort.
	if err := m.setup(ctx); err != nil {
		return m.abort(ctx, "failed", "setup: "+err.Error(), fmt.Errorf("migrate: setup: %w", err))
	}
	events, unsub := m.src.Subscribe(64)
	defer unsub()
	dstEvents, dstUnsub := m.dst.Subscribe(256)
	defer dstUnsub()
	m.srcEvents, m.dstEvents = events, dstEvents
	// The source sits paused in pre-switchover until we act: a goroutine
	// of its own answers the event at once, whatever the poll loop is
	// waiting for; the loop learns the outcome from switchErr.
	switchErr := make(chan error, 1)
	if m.o.PreSwitchover != nil {
		swEvents, swUnsub := m.src.Subscribe(64)
		defer swUnsub()
		swCtx, swCancel := context.WithCancel(ctx)
		defer swCancel()
		go func() {
			for {
				select {
				case ev, ok := <-swEvents:
					if !ok {
						return
					}
					if ev.Name == "MIGRATION" && eventStatus(ev) == "pre-switchover" {
						if m.switched.CompareAndSwap(false, true) {
							switchErr <- m.switchover(swCtx)
						}
						return
					}
				case <-swCtx.Done():
					return
				}
			}
		}()
	}
	if err := m.call(ctx, m.dst, "migrate-incoming", map[string]any{"uri": m.o.ListenURI}, nil); err != nil {
		return m.abort(ctx, "failed", err.Error(), fmt.Errorf("migrate: destination: %w", err))
	}
	if err := m.call(ctx, m.src, "migrate", map[string]any{"uri": m.o.URI}, nil); err != nil {
		return m.abort(ctx, "failed", err.Error(), fmt.Errorf("migrate: %w", err))
	}
	m.log.Info("migration started", "uri", m.o.URI, "bandwidth", m.o.Bandwidth, "downtime_limit", m.o.DowntimeLimit,
		"auto_converge", m.o.AutoConverge, "postcopy_allowed", m.o.AllowPostcopy, "multifd", m.o.MultifdChannels)
	info, err := m.follow(ctx, events, switchErr)
	if err != nil {
		return err
	}
	m.fill(info)
	return m.finish(ctx, devices, m.wasRunning)
}

// setup sets capabilities and parameters on both sides.
func (m *migration) setup(ctx context.Context) error {
	multifd := m.o.MultifdChannels > 0
	caps := []capability{
		{"events", true},
		// The source completes only once the destination confirms it
		// loaded the state (otherwise a load failure shows as success).
		{"return-path", true},
		{"pause-before-switchover", m.o.PreSwitchover != nil},
		{"auto-converge", m.o.AutoConverge},
		{"postcopy-ram", m.o.AllowPostcopy},
		{"multifd", multifd},
		{"xbzrle", false},
	}
	for _, side := range []struct {
		name string
		mon  Monitor
	}{{"source", m.src}, {"destination", m.dst}} {
		if err := m.call(ctx, side.mon, "migrate-set-capabilities", map[string]any{"capabilities": caps}, nil); err != nil {
			return fmt.Errorf("%s capabilities: %w", side.name, err)
		}
	}
	srcParams := map[string]any{
		"downtime-limit": m.downtime.Milliseconds(),
		// 0 is "unlimited" only for postcopy bandwidth; for pre-copy
		// use a value no link reaches.
		"max-bandwidth":          bandwidth(m.o.Bandwidth),
		"max-postcopy-bandwidth": m.o.Bandwidth,
		"cpu-throttle-initial":   20,
		"cpu-throttle-increment": 10,
	}
	dstParams := map[string]any{}
	if multifd {
		srcParams["multifd-channels"] = m.o.MultifdChannels
		dstParams["multifd-channels"] = m.o.MultifdChannels
	}
	if t := m.o.TLS; t != nil {
		if err := m.addTLS(ctx, m.src, "client"); err != nil {
			return fmt.Errorf("source tls: %w", err)
		}
		if err := m.addTLS(ctx, m.dst, "server"); err != nil {
			return fmt.Errorf("destination tls: %w", err)
		}
		host := t.Hostname
		if host == "" {
			host = uriHost(m.o.URI)
		}
		srcParams["tls-creds"], srcParams["tls-hostname"] = tlsID, host
		dstParams["tls-creds"] = tlsID
	} else {
		srcParams["tls-creds"], dstParams["tls-creds"] = "", ""
	}
	if err := m.call(ctx, m.src, "migrate-set-parameters", srcParams, nil); err != nil {
		return fmt.Errorf("source parameters: %w", err)
	}
	if err := m.call(ctx, m.dst, "migrate-set-parameters", dstParams, nil); err != nil {
		return fmt.Errorf("destination parameters: %w", err)
	}
	return nil
}

// bandwidth maps "unlimited" (0) to QEMU's largest max-bandwidth.
func bandwidth(b int64) int64 {
	if b == 0 {
		return 1 << 40 // 1 TiB/s: no link reaches it
	}
	return b
}

func uriHost(uri string) string {
	rest := strings.TrimPrefix(uri, "tcp:")
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		rest = rest[:i]
	}
	return strings.Trim(rest, "[]")
}

func (m *migration) addTLS(ctx context.Context, mon Monitor, endpoint string) error {
	// A previous attempt may have left the object.
	_ = m.call(ctx, mon, "object-del", map[string]any{"id": tlsID}, nil)
	return m.call(ctx, mon, "object-add", map[string]any{
		"qom-type": "tls-creds-x509", "id": tlsID, "dir": m.o.TLS.Dir,
		"endpoint": endpoint, "verify-peer": true,
	}, nil)
}

// follow polls query-migrate until the migration ends, escalating,
// detecting stalls and running the pre-switchover hook on the way.
func (m *migration) follow(ctx context.Context, events <-chan Event, switchErr <-chan error) (MigrationInfo, error) {
	var (
		lastBytes     uint64
		lastMove      = m.clock.Now()
		firstPassEnd  time.Time
		lastStep      time.Time
		lastPass      uint64
		passRemaining uint64
		// loadingSince: post-copy stalled while the destination was
		// still receiving the device state (see destinationLoading).
		loadingSince time.Time
	)
	for {
		// Once post-copy starts the destination holds part of the VM:
		// its going away ends the migration at once.
		var dstGone <-chan struct{}
		if m.postcopy {
			dstGone = m.dst.Done()
		}
		select {
		case <-ctx.Done():
			return MigrationInfo{}, m.abort(ctx, "cancelled", "cancelled: "+context.Cause(ctx).Error(),
				fmt.Errorf("%w: %w", ErrMigrationCancelled, ctx.Err()))
		case <-m.clock.After(m.o.PollInterval):
		case ev, ok := <-events:
			if !ok {
				events = nil
			}
			if ev.Name == "STOP" && m.srcStop.IsZero() {
				m.srcStop = ev.Time
			}
		case err := <-switchErr:
			if err != nil {
				return MigrationInfo{}, m.switchoverFailed(ctx, err)
			}
			lastMove = m.clock.Now()
		case <-m.src.Done():
			// The source QEMU is gone: nothing left to keep running.
			return MigrationInfo{}, m.abort(ctx, "failed", "source QEMU exited during migration",
				fmt.Errorf("%w: source QEMU exited during migration", ErrMigrationFailed))
		case <-dstGone:
			return MigrationInfo{}, m.postcopyLost()
		}
		var info MigrationInfo
		if err := m.call(ctx, m.src, "query-migrate", nil, &info); err != nil {
			return MigrationInfo{}, m.abort(ctx, "failed", err.Error(), fmt.Errorf("%w: query-migrate: %w", ErrMigrationFailed, err))
		}
		now := m.clock.Now()
		p := m.progress(info)
		if m.o.Progress != nil {
			m.o.Progress(p)
		}
		moved := p.Transferred
		if moved != lastBytes {
			lastBytes, lastMove = moved, now
			loadingSince = time.Time{}
		}
		switch info.Status {
		case "completed":
			// total-time and downtime appear a moment after the status.
			for i := 0; i < 50 && info.TotalTime == 0; i++ {
				m.clock.Sleep(context.WithoutCancel(ctx), 10*time.Millisecond)
				var again MigrationInfo
				if m.call(ctx, m.src, "query-migrate", nil, &again) == nil && again.Status == "completed" {
					info = again
				}
			}
			return info, nil
		case "failed":
			why := info.ErrorDesc
			if why == "" {
				why = "QEMU reported failure"
			}
			return info, m.abort(ctx, "failed", why, fmt.Errorf("%w: %s", ErrMigrationFailed, why))
		case "cancelled":
			return info, m.abort(ctx, "cancelled", "cancelled by QEMU or another client",
				ErrMigrationCancelled)
		case "pre-switchover":
			// Normally the event goroutine has answered already; this
			// is the fallback if the event was missed.
			if m.switched.CompareAndSwap(false, true) {
				if err := m.switchover(ctx); err != nil {
					return info, m.switchoverFailed(ctx, err)
				}
			}
			lastMove = m.clock.Now()
			continue
		case "postcopy-paused", "postcopy-recover":
			// The link broke during post-copy: the VM's memory is split
			// between the hosts, so there is no going back; keep
			// trying to resume until the link returns.
			if err := m.recoverPostcopy(ctx); err != nil {
				return info, err
			}
			lastMove = m.clock.Now()
			continue
		}
		if now.Sub(lastMove) > m.o.StallTimeout {
			why := fmt.Sprintf("no progress for %v (status %s, %d bytes sent): migration link cut?", m.o.StallTimeout, info.Status, moved)
			if m.postcopy && m.destinationLoading(ctx) {
				// Pausing now would break the channel that still
				// carries the device state, and QEMU's destination
				// cannot survive that: wait for TCP to deliver it.
				if loadingSince.IsZero() {
					loadingSince = now
					m.log.Warn("post-copy stalled while the destination still loads the device state; not pausing (QEMU cannot recover there), waiting for the link", "why", why)
				}
				if now.Sub(loadingSince) > m.o.PostcopyRecoverTimeout {
					why = fmt.Sprintf("post-copy link lost while the destination was still loading the device state, and not back within %v: the VM runs nowhere (the source holds it paused and QEMU cannot resume it there; the destination has not started it); keep both processes: the migration goes on if the link returns",
						m.o.PostcopyRecoverTimeout)
					m.res.Reason = why
					return info, fmt.Errorf("%w: %s", ErrMigrationStalled, why)
				}
				continue
			}
			if m.postcopy {
				// A silent cut leaves post-copy "active": pause both
				// sides so QEMU can recover once the link is back.
				m.log.Warn("post-copy stalled; pausing both sides to recover", "why", why)
				m.call(ctx, m.src, "migrate-pause", nil, nil)
				m.call(ctx, m.dst, "migrate-pause", nil, nil)
				if err := m.recoverPostcopy(ctx); err != nil {
					return info, err
				}
				lastMove = m.clock.Now()
				continue
			}
			return info, m.abort(ctx, "failed", why, fmt.Errorf("%w: %s", ErrMigrationStalled, why))
		}
		if info.Status != "active" || info.RAM == nil {
			continue
		}
		if info.RAM.DirtySyncCount >= 2 && firstPassEnd.IsZero() {
			firstPassEnd, lastStep = now, now
		}
		// At each new pass, the dirty set left over is "remaining". While
		// it shrinks pass over pass the migration converges on its own:
		// give it time before escalating.
		if info.RAM.DirtySyncCount != lastPass {
			lastPass = info.RAM.DirtySyncCount
			r := info.RAM.Remaining
			if passRemaining > 0 && r < passRemaining*8/10 {
				lastStep = now
			}
			passRemaining = r
		}
		if !firstPassEnd.IsZero() && now.Sub(lastStep) > m.o.StepTimeout {
			lastStep = now
			if err := m.escalate(ctx, p); err != nil {
				return info, err
			}
		}
	}
}

func (m *migration) progress(info MigrationInfo) Progress {
	p := Progress{Status: info.Status, Elapsed: m.clock.Now().Sub(m.start), ExpectedDowntime: time.Duration(info.ExpectedDowntime) * time.Millisecond,
		Throttle: info.CPUThrottlePercentage}
	if r := info.RAM; r != nil {
		p.Transferred = r.Transferred
		p.Remaining, p.Total, p.Mbps, p.Pass = r.Remaining, r.Total, r.Mbps, r.DirtySyncCount
		page := r.PageSize
		if page == 0 {
			page = 4096
		}
		p.DirtyRate = r.DirtyPagesRate * page
	}
	if m.step > 0 {
		p.Step = m.res.Steps[len(m.res.Steps)-1]
	}
	return p
}

// escalate takes the next step when the guest outruns the link: more
// throttling, a higher downtime limit within the budget, post-copy if
// allowed; when none is left, it cancels and says why.
func (m *migration) escalate(ctx context.Context, p Progress) error {
	linkRate := p.Mbps * 1e6 / 8
	for {
		m.step++
		switch m.step {
		case 1: // auto-converge: throttle harder and faster
			if !m.o.AutoConverge {
				continue
			}
			if err := m.call(ctx, m.src, "migrate-set-parameters", map[string]any{
				"cpu-throttle-initial": 50, "cpu-throttle-increment": 25, "cpu-throttle-tailslow": false,
			}, nil); err != nil {
				m.log.Warn("escalation: throttle", "err", err)
			}
			m.note("throttle", "dirty rate %d MiB/s vs link %.0f MiB/s: vCPU throttle raised", p.DirtyRate>>20, linkRate/(1<<20))
			return nil
		case 2: // the downtime budget
			if m.o.MaxDowntime <= m.downtime {
				continue
			}
			m.downtime = m.o.MaxDowntime
			if err := m.call(ctx, m.src, "migrate-set-parameters", map[string]any{"downtime-limit": m.downtime.Milliseconds()}, nil); err != nil {
				m.log.Warn("escalation: downtime", "err", err)
			}
			m.note("downtime", "downtime limit raised to the VM's budget %v (expected %v)", m.downtime, p.ExpectedDowntime)
			return nil
		case 3:
			if !m.o.AllowPostcopy {
				continue
			}
			if err := m.call(ctx, m.src, "migrate-start-postcopy", nil, nil); err != nil {
				return m.abort(ctx, "failed", "migrate-start-postcopy: "+err.Error(), fmt.Errorf("%w: start post-copy: %w", ErrMigrationFailed, err))
			}
			m.postcopy = true
			m.res.Postcopy = true
			m.note("postcopy", "switched to post-copy (dirty rate %d MiB/s)", p.DirtyRate>>20)
			return nil
		default:
			why := fmt.Sprintf("not converging: guest dirties %d MiB/s, link carries %.0f MiB/s, expected downtime %v > budget %v, post-copy not allowed",
				p.DirtyRate>>20, linkRate/(1<<20), p.ExpectedDowntime, m.o.MaxDowntime)
			if m.o.AllowPostcopy {
				why = fmt.Sprintf("not converging after post-copy (%d MiB/s dirty)", p.DirtyRate>>20)
			}
			if m.postcopy {
				// Post-copy always converges; nothing to cancel.
				return nil
			}
			return m.abort(ctx, "cancelled", why, fmt.Errorf("%w: %s", ErrMigrationNotConverging, why))
		}
	}
}

func (m *migration) note(step, format string, a ...any) {
	m.res.Steps = append(m.res.Steps, step)
	m.log.Info("migration escalation", "step", step, "detail", fmt.Sprintf(format, a...))
}

// resumeConnectTimeout is how long a `migrate resume` may still be
// connecting while the source stays postcopy-paused: QEMU's connect is
// asynchronous and, over a link still cut, TCP retries it until Linux
// gives up (about 127 s with the default tcp_syn_retries of 6). A second
// resume while the first may still connect makes two connections, and
// when both succeed QEMU 7.2 aborts the source (migrate_fd_connect:
// Assertion `!s->cleanup_bh'), taking the pages the destination still
// needs with it.
const resumeConnectTimeout = 150 * time.Second

// recoverPostcopy resumes a post-copy migration whose link broke: the
// destination listens again (migrate-recover, once per pause), the source
// reconnects (migrate with resume, once, and again only when that connect
// has surely ended: resumeConnectTimeout), checked every 2 s until the
// source runs the migration again or PostcopyRecoverTimeout passes. A
// resume issued while the link is still cut connects when it comes back
// (TCP retransmits its SYN). The VM runs on the destination throughout,
// stalling on pages it has not received.
func (m *migration) recoverPostcopy(ctx context.Context) error {
	m.note("postcopy-recover", "post-copy link lost; recovering")
	deadline := m.clock.Now().Add(m.o.PostcopyRecoverTimeout)
	listening := false
	var resumed time.Time // a resume that may still be connecting
	for attempt := 1; ; attempt++ {
		m.clock.Sleep(ctx, 2*time.Second)
		select {
		case <-m.dst.Done():
			return m.postcopyLost()
		default:
		}
		var src, dst MigrationInfo
		m.call(ctx, m.src, "query-migrate", nil, &src)
		if err := m.call(ctx, m.dst, "query-migrate", nil, &dst); errors.Is(err, ErrClosed) || dst.Status == "failed" {
			// A destination whose load failed exits.
			return m.postcopyLost()
		}
		if src.Status != "postcopy-paused" && src.Status != "" {
			resumed = time.Time{} // its connect ended (postcopy-recover or on)
		}
		switch src.Status {
		case "postcopy-active", "completed":
			m.log.Info("post-copy recovered", "attempts", attempt)
			return nil
		case "postcopy-paused":
			if dst.Status == "postcopy-paused" && !listening {
				// migrate-recover keeps listening until the source
				// reconnects: once per pause.
				if err := m.call(ctx, m.dst, "migrate-recover", map[string]any{"uri": m.o.ListenURI}, nil); err != nil {
					m.log.Warn("migrate-recover", "err", err)
				} else {
					listening = true
				}
			}
			if listening && (resumed.IsZero() || m.clock.Now().Sub(resumed) > resumeConnectTimeout) {
				err := m.call(ctx, m.src, "migrate", map[string]any{"uri": m.o.URI, "resume": true}, nil)
				if _, refused := errors.AsType[*Error](err); !refused {
					// Accepted, or no answer: it may be connecting.
					resumed = m.clock.Now()
				}
				if err != nil {
					m.log.Debug("migrate resume", "err", err)
				}
			}
		}
		if dst.Status == "postcopy-active" {
			listening = false
		}
		if m.clock.Now().After(deadline) || ctx.Err() != nil {
			if dst.Status == "active" {
				why := fmt.Sprintf("post-copy link lost while the destination was still loading the device state, and not back within %v (source %s): the VM runs nowhere (the source holds it paused and QEMU cannot resume it there; the destination has not started it); keep both processes",
					m.o.PostcopyRecoverTimeout, src.Status)
				m.res.Reason = why
				return fmt.Errorf("%w: %s", ErrMigrationStalled, why)
			}
			return fmt.Errorf("%w: post-copy link lost and not recovered within %v (source %s, destination %s): the VM runs on the destination but pages still on the source are needed; keep both processes and retry migrate-recover",
				ErrMigrationStalled, m.o.PostcopyRecoverTimeout, src.Status, dst.Status)
		}
	}
}

// destinationLoading reports whether the destination, after the source
// switched to post-copy, has not started the VM yet: QEMU sends the LISTEN
// command, the device state and the RUN command as one package, which the
// destination reads whole before it acts on it (its migration status turns
// postcopy-active at LISTEN, its run state leaves inmigrate at RUN). A
// channel that breaks before RUN makes the destination's load fail
// ("CMD_PACKAGED: Buffer receive fail … Resource temporarily unavailable")
// and its QEMU exit: QEMU pauses a post-copy for recovery only once the
// destination runs the VM. So a stall there must not be answered with
// migrate-pause, which closes the channel. A destination that does not
// answer counts as not loading (the stall is handled as before).
func (m *migration) destinationLoading(ctx context.Context) bool {
	var dst MigrationInfo
	if err := m.call(ctx, m.dst, "query-migrate", nil, &dst); err != nil {
		return false
	}
	if dst.Status == "active" {
		return true
	}
	st, err := m.status(ctx, m.dst)
	return err == nil && st.Status == "inmigrate"
}

// postcopyLost ends a post-copy migration whose destination QEMU went
// away: nothing can be recovered (see ErrPostcopyLost), and nothing is
// resumed.
func (m *migration) postcopyLost() error {
	why := "post-copy lost: the destination QEMU is gone (its monitor closed) and the VM with it; " +
		"the VM runs nowhere: the source QEMU stays paused with the rest of its memory, and QEMU cannot resume it there; " +
		"never resume either side: kill the source, confirm it gone, then start the VM from its disks on one host"
	m.res.Status, m.res.Reason = "failed", why
	m.log.Error("post-copy migration lost with the destination; the VM runs nowhere", "why", why)
	return fmt.Errorf("%w: %s", ErrPostcopyLost, why)
}

// switchover runs the pre-switchover hook, then lets QEMU switch over.
func (m *migration) switchover(ctx context.Context) error {
	if m.o.PreSwitchover != nil {
		// The hook gets the caller's context: cancelling it cancels.
		hctx, cancel := context.WithTimeout(ctx, m.o.CallTimeout)
		err := m.o.PreSwitchover(hctx)
		cancel()
		if err != nil {
			return &hookError{err}
		}
	}
	return m.call(ctx, m.src, "migrate-continue", map[string]any{"state": "pre-switchover"}, nil)
}

type hookError struct{ err error }

func (h *hookError) Error() string { return "pre-switchover hook: " + h.err.Error() }
func (h *hookError) Unwrap() error { return h.err }

func (m *migration) switchoverFailed(ctx context.Context, err error) error {
	var he *hookError
	if errors.As(err, &he) {
		return m.abort(ctx, "cancelled", he.Error(), fmt.Errorf("%w: %s", ErrMigrationCancelled, he.Error()))
	}
	return m.abort(ctx, "failed", "migrate-continue: "+err.Error(), fmt.Errorf("%w: migrate-continue: %w", ErrMigrationFailed, err))
}

// abort cancels a migration that has not switched over: the source keeps
// (or gets back) the VM, the destination is killed. status and why go to
// the Result; err is returned (joined with any clean-up failure).
func (m *migration) abort(ctx context.Context, status, why string, err error) error {
	m.res.Status, m.res.Reason = status, why
	if m.postcopy {
		return fmt.Errorf("%w (post-copy had started: the source can no longer take over)", err)
	}
	var errs []error
	var info MigrationInfo
	queryErr := m.call(ctx, m.src, "query-migrate", nil, &info)
	if queryErr == nil {
		switch info.Status {
		case "setup", "active", "pre-switchover", "device", "wait-unplug", "cancelling":
			if e := m.call(ctx, m.src, "migrate_cancel", nil, nil); e != nil {
				errs = append(errs, fmt.Errorf("migrate_cancel: %w", e))
			}
			// Wait for QEMU to settle (cancelled) so the source resumes.
			deadline := m.clock.Now().Add(m.o.CallTimeout)
			for m.clock.Now().Before(deadline) {
				if e := m.call(ctx, m.src, "query-migrate", nil, &info); e != nil || info.Status == "cancelled" || info.Status == "failed" || info.Status == "completed" {
					break
				}
				m.clock.Sleep(context.WithoutCancel(ctx), 20*time.Millisecond)
			}
			if info.Status == "completed" {
				// Completed while we cancelled: roll back like a failed
				// verification (kill the destination, resume the source).
				m.log.Warn("migration completed while being cancelled; rolling back to the source")
			}
		}
	}
	m.fill(info)
	m.res.Status = status
	// QEMU resumes the source itself on cancel and failure; after a
	// completion (or when the source could not say) the destination may
	// hold the whole VM, and only a destination confirmed gone lets the
	// source run again.
	destMayRun := queryErr != nil || info.Status == "completed"
	errs = append(errs, m.fallBack(ctx, destMayRun)...)
	if len(errs) > 0 {
		return fmt.Errorf("%w (clean-up: %w)", err, errors.Join(errs...))
	}
	return err
}

func (m *migration) status(ctx context.Context, mon Monitor) (StatusInfo, error) {
	var st StatusInfo
	err := m.call(ctx, mon, "query-status", nil, &st)
	return st, err
}

// fallBack gives the VM back to the source after a failed migration, in
// the only safe order: the destination goes first, and the source is
// resumed (if it ran before and is not running) only once the destination
// is confirmed gone, or when the destination never held the whole VM
// (destMayRun false). Otherwise the source stays paused and the errors
// include ErrBothStopped: never twice comes before availability. abort and
// finish both end here.
func (m *migration) fallBack(ctx context.Context, destMayRun bool) []error {
	gone, killErr := m.stopDestination(ctx)
	if m.wasRunning && destMayRun && !gone {
		why := "quit sent, but its exit cannot be seen"
		if killErr != nil {
			why = killErr.Error()
		}
		if p, ok := m.dst.(interface{ PID() int }); ok && p.PID() > 0 {
			why = fmt.Sprintf("pid %d: %s", p.PID(), why)
		}
		m.res.Reason += "; VM stopped on both sides: the destination QEMU was not confirmed gone, so the source stays paused"
		m.log.Error("migration fell back but the destination is not confirmed gone; source left paused (never twice)", "why", why)
		return []error{fmt.Errorf("%w: destination QEMU not confirmed gone (%s); the source stays paused so the VM cannot run twice: make sure the destination is dead, then resume the source (cont)",
			ErrBothStopped, why)}
	}
	var errs []error
	if killErr != nil {
		errs = append(errs, fmt.Errorf("kill destination: %w", killErr))
	}
	if !m.wasRunning {
		return errs
	}
	st, err := m.status(ctx, m.src)
	if errors.Is(err, ErrClosed) {
		return errs // the source QEMU is gone: nothing to resume
	}
	if err != nil {
		return append(errs, fmt.Errorf("resume source: query-status: %w", err))
	}
	if !st.Running && (st.Status == "postmigrate" || st.Status == "finish-migrate" || st.Status == "paused") {
		if e := m.call(ctx, m.src, "cont", nil, nil); e != nil {
			errs = append(errs, fmt.Errorf("resume source: %w", e))
		}
	}
	return errs
}

// stopDestination ends the destination QEMU and reports whether its
// process is confirmed gone: through KillDestination when set (nil means
// gone), else SIGKILL to the process behind its monitor (ProcessKiller).
// A monitor that knows no process only gets `quit`, which proves nothing
// about the process: gone is false then, even when quit succeeds.
func (m *migration) stopDestination(ctx context.Context) (gone bool, err error) {
	c, cancel := context.WithTimeout(context.WithoutCancel(ctx), m.o.CallTimeout)
	defer cancel()
	if m.o.KillDestination != nil {
		err := m.o.KillDestination(c)
		return err == nil, err
	}
	if pk, ok := m.dst.(ProcessKiller); ok {
		err := pk.KillProcess(c)
		if !errors.Is(err, ErrProcessUnknown) {
			return err == nil, err
		}
	}
	if err := m.dst.Run(c, "quit", nil, nil); err != nil && !errors.Is(err, ErrClosed) {
		return false, fmt.Errorf("quit: %w (and the destination's process is unknown: %w)", err, ErrProcessUnknown)
	}
	return false, nil
}

func (m *migration) fill(info MigrationInfo) {
	m.res.TotalMs, m.res.DowntimeMs, m.res.SetupMs = info.TotalTime, info.Downtime, info.SetupTime
	if info.RAM != nil {
		m.res.TransferredBytes = info.RAM.Transferred
		if d := info.TotalTime - info.SetupTime; d > 0 {
			m.res.ThroughputMbps = float64(info.RAM.Transferred) * 8 / 1e6 / (float64(d) / 1000)
		}
	}
}

// finish verifies the destination and stops the source. If the
// destination does not come up running with its disks (or its monitor does
// not answer), the destination is killed and, once it is confirmed gone,
// the VM goes back to the source (its disks are still there: `cont`
// re-activates them); see fallBack.
func (m *migration) finish(ctx context.Context, devices []string, wasRunning bool) error {
	m.res.Status = "completed"
	fail := func(why string) error {
		m.res.Status, m.res.Reason = "failed", why
		// The destination has the whole VM and may be running it.
		errs := m.fallBack(ctx, true)
		err := fmt.Errorf("%w: %s", ErrVerify, why)
		if len(errs) > 0 {
			return fmt.Errorf("%w (fallback: %w)", err, errors.Join(errs...))
		}
		return err
	}
	want := "running"
	if !wasRunning {
		want = "paused"
	}
	deadline := m.clock.Now().Add(m.o.CallTimeout)
	var st StatusInfo
	for {
		var err error
		st, err = m.status(ctx, m.dst)
		if err == nil && st.Status == want {
			break
		}
		// A monitor that let a whole call time out is wedged: asking
		// again only prolongs the outage.
		if m.clock.Now().After(deadline) || errors.Is(err, ErrClosed) || errors.Is(err, context.DeadlineExceeded) {
			return fail(fmt.Sprintf("destination status %q (err %v), want %s", st.Status, err, want))
		}
		m.clock.Sleep(context.WithoutCancel(ctx), 20*time.Millisecond)
	}
	m.measurePause()
	// Tell the network where the VM is now (RARPs for every NIC's MAC).
	if err := m.call(ctx, m.dst, "announce-self", map[string]any{
		"initial": 50, "max": 550, "rounds": 5, "step": 100,
	}, nil); err != nil {
		m.log.Warn("announce-self failed", "err", err)
	}
	have, err := blockDevices(context.WithoutCancel(ctx), m.dst, m.o.CallTimeout)
	if err != nil {
		return fail("destination block devices: " + err.Error())
	}
	set := map[string]bool{}
	for _, d := range have {
		set[d] = true
	}
	for _, d := range devices {
		if !set[d] {
			return fail(fmt.Sprintf("block device %q missing on the destination (has %v)", d, have))
		}
	}
	if m.o.KeepSource {
		return nil
	}
	c, cancel := context.WithTimeout(context.WithoutCancel(ctx), m.o.CallTimeout)
	defer cancel()
	if m.o.StopSource != nil {
		err = m.o.StopSource(c)
	} else if err = m.src.Run(c, "quit", nil, nil); errors.Is(err, ErrClosed) {
		err = nil
	}
	if err != nil {
		// The destination runs the VM; a source that will not go is a
		// second copy (paused, disks inactive) that must be killed by
		// the caller.
		return fmt.Errorf("migrate: completed, but stopping the source failed: %w", err)
	}
	return nil
}

// measurePause finds the destination's RESUME (already delivered: QEMU
// sends the event before the query-status reply that said "running").
func (m *migration) measurePause() {
	for drained := false; !drained; {
		select {
		case ev, ok := <-m.srcEvents:
			if !ok {
				drained = true
			} else if ev.Name == "STOP" && m.srcStop.IsZero() {
				m.srcStop = ev.Time
			}
		default:
			drained = true
		}
	}
	if m.srcStop.IsZero() {
		return
	}
	for {
		select {
		case ev, ok := <-m.dstEvents:
			if !ok {
				return
			}
			if ev.Name == "RESUME" && !ev.Time.IsZero() {
				m.res.PausedMs = float64(ev.Time.Sub(m.srcStop).Microseconds()) / 1000
				return
			}
		default:
			return
		}
	}
}

// blockDevices lists the devices query-block reports with media inserted.
func blockDevices(ctx context.Context, mon Monitor, timeout time.Duration) ([]string, error) {
	c, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var blocks []struct {
		Device   string `json:"device"`
		QDev     string `json:"qdev"`
		Inserted *struct {
			File string `json:"file"`
		} `json:"inserted"`
	}
	if err := mon.Run(c, "query-block", nil, &blocks); err != nil {
		return nil, err
	}
	names := []string{}
	for _, b := range blocks {
		if b.Inserted == nil {
			continue
		}
		n := b.Device
		if n == "" {
			n = b.QDev
		}
		names = append(names, n)
	}
	return names, nil
}

// MigrateVM is Migrate between two VM processes on this host's view (src
// running, dst started with Start(…, incoming=true)): a failed migration
// kills the destination process, a completed one stops the source process
// and waits until it is gone, and the destination must show the spec's
// disks. Options left nil get these defaults.
func MigrateVM(ctx context.Context, src, dst *VM, opt MigrateOptions) (Result, error) {
	if opt.KillDestination == nil {
		opt.KillDestination = dst.Kill
	}
	if opt.StopSource == nil {
		// The source is paused in postmigrate: quit, then kill.
		opt.StopSource = func(ctx context.Context) error { return src.Stop(ctx, 0) }
	}
	if opt.BlockDevices == nil {
		opt.BlockDevices = src.Spec.DiskIDs()
	}
	if opt.Logger == nil {
		opt.Logger = src.log
	}
	res, err := Migrate(ctx, src.mon, dst.mon, opt)
	if err == nil {
		select {
		case <-dst.Exited():
			res.Status = "failed"
			return res, fmt.Errorf("%w: destination QEMU exited after switchover (%s)", ErrVerify, dst.Exit().describe())
		default:
		}
	}
	return res, err
}
