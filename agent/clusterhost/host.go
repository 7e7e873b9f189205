package clusterhost

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/peerapi"
	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/netfabric"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/vms"
)

// RaftDir is the raft log and snapshots' directory inside state_dir.
const RaftDir = "raft"

// Membership is the leader's view of which hosts answer: memberlist's, or
// the Prober's until memberlist is wired here. It is a hint: the planner
// never fences on it alone.
type Membership interface {
	// Observations is the view at now, one per host it knows.
	Observations(now time.Time) []planner.Observation
}

// Options are what a Host is built from besides its config.
type Options struct {
	Logger *slog.Logger
	// QEMU says how VMs run (the binary; a command wrapper).
	QEMU qmp.Options
	// Membership replaces the Prober (tests; memberlist later).
	Membership Membership
}

// Host is this host's part in its cluster: the agent's Cluster. Build it
// with New and hand it to the agent, which runs it once.
type Host struct {
	cfg    *config.Config
	opts   Options
	log    *slog.Logger
	timing Timing
	name   string
	// raftAddr is this host's raft and peer API address.
	raftAddr string
	started  time.Time

	// Set by Run before ready is closed.
	ready  chan struct{}
	rec    agent.Recorder
	st     *agent.AuditStore
	node   *replica.Node
	client *peerapi.Client
	fwd    *peerapi.Forwarder
	runner *vms.Host
	fences *fencing.Manager
	// raceFences fences in a two-host fence race (tiebreak.go): no revoke,
	// there being no quorum to commit one.
	raceFences *fencing.Manager
	bootID     string
	// net is this host's fabric (nil without fabric_file).
	net *netfabric.Host
	// incoming are the destination QEMUs of migrations to this host, by
	// VM, until settled.
	migMu    sync.Mutex
	incoming map[string]vms.Incoming
	// gossip is this host's memberlist; nil without cluster.gossip_key_file
	// (the leader then probes the hosts itself: Prober).
	gossip *gossip
	// beat is the shared-storage heartbeat; nil without
	// cluster.heartbeat_dir.
	beat *storageBeat

	// registered is closed once this host is in the state.
	registered chan struct{}

	health atomic.Pointer[agent.HostHealth]
	exec   execShared
	lease  leaseShared
	lead   leaderState
	meter  meter
}

// New checks cfg (it must have cluster:) and returns a Host; nothing is
// opened before Run.
func New(cfg *config.Config, opts Options) (*Host, error) {
	if cfg.Cluster == nil {
		return nil, errors.New("clusterhost: the config has no cluster section")
	}
	if cfg.Fence == nil || cfg.BMC == nil || !cfg.Addresses.Management.IsValid() {
		return nil, errors.New("clusterhost: a cluster needs addresses.management, bmc and fence in the config")
	}
	t, err := Profile(cfg.Timing.Profile, cfg.Watchdog.Timeout*time.Duration(boolInt(cfg.Watchdog.Device != "")))
	if err != nil {
		return nil, err
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	h := &Host{
		cfg: cfg, opts: opts, timing: t, name: cfg.Host,
		log:        opts.Logger.With("component", "cluster"),
		raftAddr:   net.JoinHostPort(cfg.Addresses.Management.String(), strconv.Itoa(cfg.Cluster.RaftPort)),
		ready:      make(chan struct{}),
		registered: make(chan struct{}),
	}
	h.exec.changed = make(chan struct{}, 1)
	h.exec.orders = make(chan orderReq)
	h.incoming = map[string]vms.Incoming{}
	h.lead.init()
	h.meter.init()
	return h, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Timing is the host's timing profile.
func (h *Host) Timing() Timing { return h.timing }

// PublishHealth implements agent.Cluster: the latest verdict goes with the
// next lease renewal.
func (h *Host) PublishHealth(hh agent.HostHealth) { h.health.Store(&hh) }

// Run implements agent.Cluster: it joins the cluster and acts on its
// decisions until ctx ends.
func (h *Host) Run(ctx context.Context, env agent.ClusterEnv) (err error) {
	h.started = time.Now()
	h.rec, h.st = env.Recorder, env.Store
	if h.bootID, err = readBootID(h.cfg.BootIDFile); err != nil {
		return err
	}
	tlsCfg, err := replica.LoadTLS(replica.TLSFiles{CAFile: h.cfg.Cluster.TLS.CAFile, CertFile: h.cfg.Cluster.TLS.CertFile, KeyFile: h.cfg.Cluster.TLS.KeyFile})
	if err != nil {
		return fmt.Errorf("cluster.tls: %w", err)
	}
	mux, err := peerapi.Listen(ctx, h.raftAddr, h.log)
	if err != nil {
		return fmt.Errorf("raft port: %w", err)
	}
	defer mux.Close()
	h.node, err = replica.Open(ctx, replica.Config{
		ID: h.name, Dir: filepath.Join(h.cfg.StateDir, RaftDir), Listener: mux.Raft(), Advertise: h.raftAddr,
		TLS: tlsCfg, Timing: h.timing.Raft, Logger: h.log,
	})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := h.node.Close(); cerr != nil {
			h.log.Warn("raft close", "err", cerr)
		}
	}()
	if h.client, err = peerapi.NewClient(tlsCfg); err != nil {
		return err
	}
	defer h.client.Close()
	h.fwd = &peerapi.Forwarder{Node: h.node, Client: h.client, Operator: h}
	srv, err := peerapi.NewServer(peerapi.ServerConfig{Cluster: h.cfg.Cluster.Name, Node: h.node, TLS: tlsCfg,
		Renewer: renewer{h}, Operator: h, Extra: h.extraRoutes(), Logger: h.log})
	if err != nil {
		return err
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(mux.API()) }()
	defer func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
		<-served
	}()

	if h.cfg.Cluster.GossipKeyFile != "" {
		if h.gossip, err = h.startGossip(ctx); err != nil {
			return err
		}
		defer h.gossip.list.Close()
	}
	if dir := h.cfg.Cluster.HeartbeatDir; dir != "" {
		if h.beat, err = h.startStorageBeat(ctx, dir); err != nil {
			return fmt.Errorf("cluster.heartbeat_dir: %w", err)
		}
		defer h.beat.close(h)
	}
	if err := h.openVMs(ctx); err != nil {
		return err
	}
	// VMs outlive the agent: Close only lets go of them.
	defer h.runner.Close()
	h.fences, err = fencing.NewManager(fencing.Config{
		Self: h.name, SelfBMCs: []string{h.cfg.BMC.Target()},
		ClusterSize: func() int { return len(h.node.State().Hosts()) },
		Store:       meteredFences{h.st, &h.meter}, Revoker: planner.StateRevoker{View: h.node.State()},
		Window: h.timing.MassFenceWindow,
	})
	if err != nil {
		return err
	}
	h.raceFences, err = fencing.NewManager(fencing.Config{
		Self: h.name, SelfBMCs: []string{h.cfg.BMC.Target()},
		ClusterSize: func() int { return len(h.node.State().Hosts()) },
		Store:       meteredFences{h.st, &h.meter}, Revoker: raceRevoker,
		Window: h.timing.MassFenceWindow,
	})
	if err != nil {
		return err
	}
	close(h.ready)
	h.log.Info("cluster member starting", "cluster", h.cfg.Cluster.Name, "raft", h.raftAddr, "timing", h.timing.Name,
		"lease_ttl", h.timing.Lease.TTL, "boot_id", h.bootID)

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	fail := func(err error) {
		if err != nil && !errors.Is(err, context.Canceled) {
			cancel(err)
		}
	}
	wg.Go(func() { fail(h.form(ctx)) })
	wg.Go(func() { fail(h.leaseLoop(ctx)) })
	wg.Go(func() { fail(h.execLoop(ctx)) })
	wg.Go(func() { h.leaderLoop(ctx) })
	wg.Go(func() { h.meterLoop(ctx) })
	wg.Go(func() { h.raceLoop(ctx) })
	wg.Go(func() { h.decisionsLoop(ctx) })
	if h.gossip != nil {
		wg.Go(func() { h.gossip.join(ctx, h) })
	}
	if h.beat != nil {
		wg.Go(func() { h.beat.run(ctx, h) })
	}
	<-ctx.Done()
	wg.Wait()
	h.lead.stop()
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	h.announceStop()
	return ctx.Err()
}

// stopNotice bounds what a clean stop spends telling the cluster.
const stopNotice = 3 * time.Second

// announceStop tells the leader, on a clean stop, that this host's agent
// goes away while its VMs run on (a restart, an upgrade): the leader does
// not take the silence for death before the host's lease deadline, so the
// agent's probes failing for a moment fence nobody. A leader hands its
// leadership on first. A host whose agent does not come back within its
// lease is declared dead as any other.
func (h *Host) announceStop() {
	select {
	case <-h.registered:
	default:
		return // never a member: nothing to announce
	}
	ctx, cancel := context.WithTimeout(context.Background(), stopNotice)
	defer cancel()
	if h.gossip != nil {
		// Left, not dead, in the others' memberlist.
		defer h.gossip.leave(h)
	}
	if h.node.IsLeader() {
		if err := h.node.TransferLeadership(ctx); err != nil {
			h.log.Warn("stop: leadership transfer", "err", err)
			return
		}
	}
	if _, err := h.fwd.Operate(ctx, peerapi.Operation{Kind: peerapi.OpHold, Host: h.name}); err != nil {
		h.log.Warn("stop: the leader was not told of this restart", "err", err)
		return
	}
	h.log.Info("stop: the leader holds this host until its lease deadline")
}

// openVMs builds this host's VM runner (with its fabric when the config
// names one), finishes what a previous run left open and adopts the VMs
// that still run.
func (h *Host) openVMs(ctx context.Context) error {
	var nw vms.Net
	if h.cfg.FabricFile != "" {
		f, err := netfabric.Load(h.cfg.FabricFile)
		if err != nil {
			return fmt.Errorf("fabric_file: %w", err)
		}
		nh, err := netfabric.Open(netfabric.Options{Logger: h.log})
		if err != nil {
			return fmt.Errorf("fabric_file: %w", err)
		}
		if _, err := nh.ApplyFile(ctx, f, h.cfg.FabricFile); err != nil {
			nh.Close()
			return fmt.Errorf("fabric_file %s: %w", h.cfg.FabricFile, err)
		}
		nw, h.net = nh, nh
	}
	var err error
	h.runner, err = vms.New(vms.Config{
		Name: h.name, RunDir: h.cfg.VMs.RunDir, Store: h.st, Net: nw, QEMU: h.opts.QEMU,
		MigrationIP: h.cfg.Addresses.Migration.String(), Logger: h.log,
		Destinations: h.destination,
		Migrate:      MigrateOptions,
	})
	if err != nil {
		return err
	}
	if err := h.runner.Resume(ctx, h.st.Pending()); err != nil {
		h.log.Warn("resuming what the last run left open", "err", err)
	}
	recs, err := h.st.VMs()
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	for _, r := range recs {
		if _, err := h.runner.Adopt(ctx, r.ID); err != nil && !errors.Is(err, vms.ErrNotRunning) {
			h.log.Warn("adopt", "vm", r.ID, "err", err)
		}
	}
	return nil
}

// readBootID reads this boot's id (boot_id_file).
func readBootID(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("boot_id_file: %w", err)
	}
	id := strings.TrimSpace(string(b))
	if id == "" {
		return "", fmt.Errorf("boot_id_file %s is empty", path)
	}
	return id, nil
}

// registration is this host as the state registers it.
func (h *Host) registration() *state.RegisterHost {
	reg := &state.RegisterHost{
		Name:          h.name,
		Addresses:     state.Addresses{Management: h.cfg.Addresses.Management.String()},
		BootID:        h.bootID,
		Capacity:      capacity(h.cfg.Sensors.ProcfsRoot, h.cfg.VMs.VCPUs, h.cfg.VMs.MemoryMiB),
		WatchdogArmed: h.cfg.Watchdog.Device != "",
	}
	if m := h.cfg.Addresses.Migration; m.IsValid() && m != h.cfg.Addresses.Management {
		reg.Addresses.Migration = m.String()
	}
	b := h.cfg.BMC
	if b.Redfish != "" {
		reg.BMC = []state.BMCEndpoint{{Kind: "redfish", Address: b.Redfish, System: b.System}}
	} else {
		reg.BMC = []state.BMCEndpoint{{Kind: "ipmi", Address: b.Target()}}
	}
	return reg
}

// capacity is what this host offers VMs: vms.vcpus and vms.memory_mib, or
// its CPUs and its memory (MemTotal).
func capacity(procfs string, vcpus int, memMiB int64) state.Capacity {
	c := state.Capacity{VCPUs: runtime.NumCPU(), MemoryMiB: memMiB}
	if vcpus > 0 {
		c.VCPUs = vcpus
	}
	if memMiB > 0 {
		return c
	}
	f, err := os.Open(filepath.Join(procfs, "meminfo"))
	if err != nil {
		return c
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
			if kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64); err == nil {
				c.MemoryMiB = kb / 1024
			}
		}
	}
	return c
}

// peerAddr is the raft (and peer API) address of a join: or witness:
// entry: HOST[:PORT], the port defaulting to this cluster's raft port.
func (h *Host) peerAddr(s string) string {
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.String()
	}
	if host, port, err := net.SplitHostPort(s); err == nil {
		return net.JoinHostPort(host, port)
	}
	return net.JoinHostPort(strings.Trim(s, "[]"), strconv.Itoa(h.cfg.Cluster.RaftPort))
}

// record writes a cluster event; failures are logged (the audit log is
// the agent's, and it reports its own trouble).
func (h *Host) record(ev agent.Event) {
	if err := h.rec.Record(ev); err != nil {
		h.log.Error("record event", "kind", ev.Kind, "err", err)
	}
	h.noteEvent(ev)
}

// execShared is what the executor loop shares: its latest report and the
// start failures not yet sent to the leader.
type execShared struct {
	changed  chan struct{} // a reason to reconcile now
	orders   chan orderReq // migration orders, this host the source
	mu       sync.Mutex
	report   executor.Report
	failures []executor.StartFailure
}

// poke asks the executor loop to reconcile soon.
func (h *Host) poke() {
	select {
	case h.exec.changed <- struct{}{}:
	default:
	}
}
