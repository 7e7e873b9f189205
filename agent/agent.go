package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/metrics"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/health"
	"github.com/vigil-ha/vigil/store"
)

// StoreFile is the agent's bbolt file inside state_dir.
const StoreFile = "vigil.db"

// ErrClusterUnavailable: the config has cluster: but the agent was given no
// Cluster to run it with.
var ErrClusterUnavailable = errors.New("cluster: is configured, but this agent runs standalone only (no cluster layer)")

// Options are what the agent is built from besides its config.
type Options struct {
	Logger *slog.Logger
	// Notifier is the service manager (default Systemd, which does nothing
	// without NOTIFY_SOCKET).
	Notifier Notifier
	// Cluster runs the cluster when the config has cluster:; nil for a
	// standalone host.
	Cluster Cluster
	// Sources replaces the readers built from the config (tests of the
	// loop's logic; the BMC first, named SourceBMC, then SourceKernel).
	Sources map[string]sensors.Reader
	// Now is the clock of readings and events (default time.Now).
	Now func() time.Time
	// StoreOptions tune the store (tests: NoSync).
	StoreOptions store.Options
	// Sinks get every event after the audit log, besides those the
	// config asks for (syslog:, the journal under systemd).
	Sinks []alert.Sink
	// EventsCheck is how often a Redfish BMC is asked whether it still
	// has the agent's event subscription (default DefaultEventsCheck).
	EventsCheck time.Duration
	// Version is the daemon's version, as the local API's status shows
	// it.
	Version string
}

// Agent is the daemon of one host. Build it with New and run it with Run,
// once.
type Agent struct {
	cfg      *config.Config
	log      *slog.Logger
	notifier Notifier
	cluster  Cluster
	now      func() time.Time
	opts     Options

	// ready is closed once the store is open (events can be served).
	ready   chan struct{}
	st      *store.Store
	events  *eventLog
	sources []*source // owned by the main loop
	// bmcEvents carries the Redfish BMC's events to the main loop;
	// follower (nil without a Redfish BMC) feeds it.
	bmcEvents chan bmcEvent
	follower  *follower

	mu          sync.Mutex
	snap        snapshot // what Status serves, rebuilt by the main loop
	metricsAddr string   // where /metrics is served, once it is
}

// snapshot is the local host's status as of the main loop's last round.
type snapshot struct {
	starting bool
	host     localapi.HostStatus
	lastPoll time.Time
	metrics  metrics.HostState
}

// New checks that the agent can run with cfg; nothing is opened before Run.
func New(cfg *config.Config, opts Options) (*Agent, error) {
	if cfg.Cluster != nil && opts.Cluster == nil {
		return nil, ErrClusterUnavailable
	}
	a := &Agent{cfg: cfg, log: opts.Logger, notifier: opts.Notifier, cluster: opts.Cluster, now: opts.Now, opts: opts,
		ready: make(chan struct{}), bmcEvents: make(chan bmcEvent, eventQueue)}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	if a.notifier == nil {
		a.notifier = Systemd{}
	}
	if a.now == nil {
		a.now = time.Now
	}
	a.snap = snapshot{starting: true, host: localapi.HostStatus{Name: cfg.Host, State: "healthy", Risk: string(health.RiskNone)}}
	return a, nil
}

// Run opens the local API's socket first (refusing to start when another
// daemon answers on it), then the store and the sensors, tells systemd it
// is ready and runs the sensor loop until ctx ends. A cancelled ctx is a
// clean stop: Run then returns nil, with the socket removed and the store
// closed.
func (a *Agent) Run(ctx context.Context) (err error) {
	ln, err := localapi.Listen(a.cfg.Socket)
	if err != nil {
		return err
	}
	srv := localapi.NewServer(ln, a, a.log.With("component", "localapi"))
	served := make(chan error, 1)
	go func() { served <- srv.Serve() }()
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if a.events != nil {
			a.events.closeAll()
		}
		srv.Close(cctx)
		if serr := <-served; serr != nil && err == nil {
			err = fmt.Errorf("local API: %w", serr)
		}
	}()
	a.notify(statusLine("starting: opening the store"))

	if err := os.MkdirAll(a.cfg.StateDir, 0o700); err != nil {
		return fmt.Errorf("state_dir: %w", err)
	}
	sopts := a.opts.StoreOptions
	if sopts.Now == nil {
		sopts.Now = a.now
	}
	st, err := store.Open(filepath.Join(a.cfg.StateDir, StoreFile), sopts)
	if err != nil {
		return err
	}
	defer st.Close()
	a.st = st
	a.events = newEventLog(st, a.cfg.Host, a.now)
	sinks, err := a.openSinks()
	if err != nil {
		return err
	}
	a.events.sinks = alert.NewFanout(alert.Options{Logger: a.log.With("component", "alert")}, sinks...)
	defer func() {
		// After agent-stopped is recorded: the sinks get until the
		// deadline to send what they still hold.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), sinkFlushTimeout)
		defer cancel()
		if err := a.events.sinks.Close(cctx); err != nil {
			a.log.Warn("alert sinks at shutdown", "err", err)
		}
	}()
	close(a.ready)

	if a.opts.Sources != nil {
		a.sources = a.injectedSources(st)
	} else {
		a.sources, err = openSources(a.cfg, st, a.log, a.now)
		if err != nil {
			return err
		}
	}
	defer closeSources(a.sources)
	if err := restoreRisks(st, a.sources); err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	if a.follower, err = a.newFollower(); err != nil {
		return err
	}
	if a.cfg.Metrics.Listen != "" {
		stop, err := a.serveMetrics()
		if err != nil {
			return err
		}
		defer stop()
	}

	mode := "standalone"
	if a.cluster != nil {
		mode = "cluster " + a.cfg.Cluster.Name
	}
	a.record(Event{Kind: KindAgentStarted, Message: fmt.Sprintf("vigil agent started on %s (%s)", a.cfg.Host, mode),
		Evidence: map[string]any{"pid": os.Getpid(), "mode": mode, "sensors_interval_seconds": a.cfg.Sensors.Interval.Seconds()}})

	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	clusterDone := make(chan error, 1)
	if a.cluster != nil {
		env := ClusterEnv{Recorder: a.events, Store: &AuditStore{Store: st, log: a.events}}
		go func() { clusterDone <- a.cluster.Run(lctx, env) }()
	}
	if a.follower != nil {
		go a.follower.run(lctx)
	}
	a.notify("READY=1")
	loopErr := a.loop(lctx, clusterDone)
	a.notify("STOPPING=1")
	a.notify(statusLine("stopping"))
	cancel()
	if a.follower != nil {
		a.follower.wait() // its subscription removed while the reader is open
	}
	if a.cluster != nil && loopErr == nil {
		if cerr := <-clusterDone; cerr != nil && !errors.Is(cerr, context.Canceled) {
			loopErr = fmt.Errorf("cluster: %w", cerr)
		}
	}
	a.record(Event{Kind: KindAgentStopped, Message: "vigil agent stopped on " + a.cfg.Host,
		Evidence: map[string]any{"pid": os.Getpid()}})
	return loopErr
}

func (a *Agent) injectedSources(st *store.Store) []*source {
	var out []*source
	for _, name := range []string{SourceBMC, SourceKernel} {
		r, ok := a.opts.Sources[name]
		if !ok {
			continue
		}
		kind := sensors.SourceIPMI
		if name == SourceKernel {
			kind = sensors.SourceHost
		}
		out = append(out, &source{name: name, target: name, kind: kind, reader: r, risks: map[string]health.Component{},
			pred: health.New(health.Config{Prefix: a.cfg.Host + "/" + name + "/"}, st)})
	}
	return out
}

func (a *Agent) notify(state string) {
	if err := a.notifier.Notify(state); err != nil {
		a.log.Warn("sd_notify", "state", state, "err", err)
	}
}

// pollTimeout bounds one source's poll.
func (a *Agent) pollTimeout() time.Duration {
	if a.cfg.BMC != nil {
		return a.cfg.BMC.Timeout
	}
	return min(config.DefaultBMCTimeout, a.cfg.Sensors.Interval)
}

// loop is the main loop: it starts a poll round every sensors.interval (one
// at a time), applies each round's results, and feeds systemd's watchdog
// only while rounds keep completing: a poll stuck beyond its deadline, or
// a main loop stuck applying one, stops the kicks and systemd restarts the
// agent.
func (a *Agent) loop(ctx context.Context, clusterDone <-chan error) error {
	interval := a.cfg.Sensors.Interval
	timeout := a.pollTimeout()
	// A round that has not come back within this long is stuck: every
	// reader is bounded by timeout, so only a reader ignoring its context
	// or a wedged machine gets here.
	stuckAfter := 2*timeout + 5*time.Second

	var wdC <-chan time.Time
	if wd := a.notifier.WatchdogInterval(); wd > 0 {
		t := time.NewTicker(wd / 2)
		defer t.Stop()
		wdC = t.C
		a.log.Info("systemd watchdog on", "interval", wd)
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()

	type round struct {
		results map[string]sensors.Result
	}
	done := make(chan round, 1)
	var inFlight bool
	var started time.Time
	pollCtx, cancelPolls := context.WithCancel(ctx)
	defer func() {
		cancelPolls()
		if inFlight {
			// Give the round its deadline to notice the cancellation; the
			// readers are closed after this.
			select {
			case <-done:
			case <-time.After(stuckAfter):
				a.log.Warn("a sensor poll did not end at shutdown")
			}
		}
	}()
	start := func() {
		inFlight, started = true, time.Now()
		go func() { done <- round{pollSources(pollCtx, a.sources, timeout)} }()
	}
	// owed counts the polls BMC events asked for that have not started
	// yet (a poll already running when the event came does not count).
	owed := 0
	start()
	for {
		select {
		case <-ctx.Done():
			return nil
		case be := <-a.bmcEvents:
			owed = max(owed, a.bmcEventArrived(be))
			if !inFlight {
				start()
				owed--
			}
		case err := <-clusterDone:
			if err == nil || errors.Is(err, context.Canceled) {
				err = errors.New("stopped")
			}
			return fmt.Errorf("cluster: %w", err)
		case <-tick.C:
			if !inFlight {
				start()
			} else {
				a.log.Warn("sensor poll still running at the next interval", "running", time.Since(started).Round(time.Millisecond))
			}
		case r := <-done:
			inFlight = false
			now := a.now()
			a.apply(r.results, now)
			hh := a.hostHealth(now)
			if a.cluster != nil {
				a.cluster.PublishHealth(hh)
			}
			a.publish(hh, now)
			if owed > 0 {
				start()
				owed--
			}
		case <-wdC:
			if inFlight && time.Since(started) > stuckAfter {
				a.log.Error("sensor poll stuck: not feeding the systemd watchdog", "running", time.Since(started).Round(time.Second))
				continue
			}
			a.notify("WATCHDOG=1")
		}
	}
}

// publish rebuilds the status snapshot and the STATUS= line.
func (a *Agent) publish(hh HostHealth, now time.Time) {
	hs := localapi.HostStatus{Name: a.cfg.Host, State: "healthy", Risk: string(hh.Risk), Components: []localapi.Component{}}
	if hh.Degraded || riskRank(hh.Risk) >= riskRank(health.RiskHigh) {
		hs.State = "degraded"
	}
	var lastPoll time.Time
	ms := metrics.HostState{Risk: hh.Risk, Degraded: hh.Degraded}
	for _, s := range a.sources {
		m := metrics.SourceState{Name: s.name, Kind: s.kind, Polled: s.polled, Up: s.up, Duration: s.duration,
			LastAnswer: s.lastOK, Readings: s.readings}
		if s.verdict != nil {
			m.Components = s.verdict.Components
		}
		ms.Sources = append(ms.Sources, m)
		src := localapi.Source{Name: s.name, Target: s.target, Up: s.up, Error: s.lastErr, Readings: localapi.FromSensors(s.readings)}
		if !s.lastOK.IsZero() {
			t := s.lastOK
			src.LastPoll = &t
			if t.After(lastPoll) {
				lastPoll = t
			}
		}
		hs.Sources = append(hs.Sources, src)
		if s.verdict == nil {
			continue
		}
		for _, c := range s.verdict.Components {
			if c.Risk == health.RiskNone {
				continue
			}
			hs.Components = append(hs.Components, localapi.Component{Source: s.name, Name: c.Name, Risk: string(c.Risk),
				ETASeconds: c.ETASeconds, Reason: c.Reason, Replace: c.Replace})
		}
	}
	a.mu.Lock()
	a.snap = snapshot{host: hs, lastPoll: lastPoll, metrics: ms}
	a.mu.Unlock()

	line := fmt.Sprintf("%s: %s, risk %s", a.cfg.Host, hs.State, hs.Risk)
	for _, d := range hh.Down {
		line += ", " + d + " down"
	}
	a.notify(statusLine(line))
}

// Status implements localapi.Backend: the cluster's view when there is a
// cluster, else this host alone.
func (a *Agent) Status(ctx context.Context) (localapi.Status, error) {
	a.mu.Lock()
	snap := a.snap
	a.mu.Unlock()
	host := snap.host
	if !snap.lastPoll.IsZero() {
		ms := a.now().Sub(snap.lastPoll).Milliseconds()
		host.LastSeenMS = &ms
	}
	if a.cluster != nil {
		st, err := a.cluster.Status(ctx)
		if err != nil {
			return localapi.Status{}, err
		}
		st.Host, st.Mode, st.Starting, st.Version = a.cfg.Host, "cluster", snap.starting, a.opts.Version
		for i, h := range st.Hosts {
			if h.Name == a.cfg.Host {
				// This host's risk is its own prediction: the cluster
				// knows it only on the leader, from the renewals.
				h.Components, h.Sources, h.Risk = host.Components, host.Sources, host.Risk
				st.Hosts[i] = h
			}
		}
		if st.Watchdog == nil {
			// The cluster layer arms it; without its word, armed is unknown.
			st.Watchdog = a.watchdogStatus(nil)
		}
		return st, nil
	}
	notArmed := false
	return localapi.Status{Host: a.cfg.Host, Mode: "standalone", Starting: snap.starting,
		Hosts: []localapi.HostStatus{host}, VMs: []localapi.VMStatus{}, Version: a.opts.Version,
		Watchdog: a.watchdogStatus(&notArmed)}, nil
}

// watchdogStatus is the configured watchdog with armed as given.
func (a *Agent) watchdogStatus(armed *bool) *localapi.Watchdog {
	wd := &localapi.Watchdog{Device: a.cfg.Watchdog.Device, TimeoutSeconds: a.cfg.Watchdog.Timeout.Seconds(), Armed: armed}
	if wd.Device == "" {
		wd.Device, wd.TimeoutSeconds = "none", 0
	}
	return wd
}

// Events implements localapi.Backend from the audit log.
func (a *Agent) Events(ctx context.Context, after uint64, limit int) ([]localapi.Event, error) {
	select {
	case <-a.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	evs, err := a.st.Events(after, limit)
	if err != nil {
		return nil, err
	}
	out := make([]localapi.Event, len(evs))
	for i, e := range evs {
		out[i] = fromStore(e, a.cfg.Host)
	}
	return out, nil
}

// Subscribe implements localapi.Backend.
func (a *Agent) Subscribe() (<-chan localapi.Event, func()) {
	select {
	case <-a.ready:
		return a.events.subscribe()
	default:
		// Nothing is recorded before the store opens: an empty stream
		// that ends at once; the follower reconnects.
		ch := make(chan localapi.Event)
		close(ch)
		return ch, func() {}
	}
}

// operations returns the cluster's VMs and hosts, or ErrStandalone.
func (a *Agent) operations() (localapi.Operations, error) {
	if a.cluster == nil {
		return nil, localapi.ErrStandalone
	}
	return a.cluster, nil
}

// ListVMs implements localapi.Operations through the cluster.
func (a *Agent) ListVMs(ctx context.Context) ([]localapi.VM, error) {
	o, err := a.operations()
	if err != nil {
		return nil, err
	}
	return o.ListVMs(ctx)
}

// ShowVM implements localapi.Operations through the cluster.
func (a *Agent) ShowVM(ctx context.Context, name string) (localapi.VMDetail, error) {
	o, err := a.operations()
	if err != nil {
		return localapi.VMDetail{}, err
	}
	return o.ShowVM(ctx, name)
}

// CreateVM implements localapi.Operations through the cluster.
func (a *Agent) CreateVM(ctx context.Context, spec state.VMSpec) (localapi.VMDetail, error) {
	o, err := a.operations()
	if err != nil {
		return localapi.VMDetail{}, err
	}
	return o.CreateVM(ctx, spec)
}

// StartVM implements localapi.Operations through the cluster.
func (a *Agent) StartVM(ctx context.Context, name string) (localapi.VMDetail, error) {
	o, err := a.operations()
	if err != nil {
		return localapi.VMDetail{}, err
	}
	return o.StartVM(ctx, name)
}

// StopVM implements localapi.Operations through the cluster.
func (a *Agent) StopVM(ctx context.Context, name string) (localapi.VMDetail, error) {
	o, err := a.operations()
	if err != nil {
		return localapi.VMDetail{}, err
	}
	return o.StopVM(ctx, name)
}

// MigrateVM implements localapi.Operations through the cluster.
func (a *Agent) MigrateVM(ctx context.Context, name, to string) (localapi.VMDetail, error) {
	o, err := a.operations()
	if err != nil {
		return localapi.VMDetail{}, err
	}
	return o.MigrateVM(ctx, name, to)
}

// ShowHost implements localapi.Operations through the cluster.
func (a *Agent) ShowHost(ctx context.Context, name string) (localapi.HostDetail, error) {
	o, err := a.operations()
	if err != nil {
		return localapi.HostDetail{}, err
	}
	return o.ShowHost(ctx, name)
}

// DrainHost implements localapi.Operations through the cluster.
func (a *Agent) DrainHost(ctx context.Context, name string) (localapi.HostDetail, error) {
	o, err := a.operations()
	if err != nil {
		return localapi.HostDetail{}, err
	}
	return o.DrainHost(ctx, name)
}

// ReadmitHost implements localapi.Operations through the cluster.
func (a *Agent) ReadmitHost(ctx context.Context, name string) (localapi.HostDetail, error) {
	o, err := a.operations()
	if err != nil {
		return localapi.HostDetail{}, err
	}
	return o.ReadmitHost(ctx, name)
}

var (
	_ localapi.Backend    = (*Agent)(nil)
	_ localapi.Operations = (*Agent)(nil)
)
