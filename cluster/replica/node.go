package replica

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/raft"
	raftboltdb "github.com/hashicorp/raft-boltdb/v2"
	"github.com/vigil-ha/vigil/cluster/state"
	bolt "go.etcd.io/bbolt"
)

// Files in Config.Dir.
const (
	logFile      = "raft.db"      // raft log and stable store (raft-boltdb)
	snapshotFile = "snapshots.db" // snapshots (snapshotStore)
)

// Server is one member of the raft configuration.
type Server struct {
	ID      string
	Address string
	Voter   bool
}

// Timing is raft's timing. Zero fields take DefaultTiming's.
type Timing struct {
	// Heartbeat: a follower that hears nothing from the leader this long
	// starts an election (randomised up to twice this).
	Heartbeat time.Duration
	// Election: a candidate that wins no election this long tries again.
	Election time.Duration
	// LeaderLease: a leader that hears from no quorum this long steps down.
	LeaderLease time.Duration
	// Commit: how often an idle leader sends each follower its log and
	// commit index (raft's CommitTimeout). Apply pushes a new commit out
	// at once, so this sets only the idle traffic and how soon a
	// follower that missed entries is caught up.
	Commit time.Duration
}

// DefaultTiming suits a LAN: a dead leader is replaced in about one to two
// heartbeats. Commit is three times raft's default (50 ms): at 50 ms an
// idle leader's sends to each follower (with a log read per send) were the
// largest share of an idle agent's CPU, and commands do not wait for it
// (Apply). It stays well under Heartbeat: these sends also reset a
// follower's election timer, so one late heartbeat does not start an
// election (at 500 ms, leaders changed now and then on a loaded machine).
var DefaultTiming = Timing{
	Heartbeat:   500 * time.Millisecond,
	Election:    500 * time.Millisecond,
	LeaderLease: 250 * time.Millisecond,
	Commit:      150 * time.Millisecond,
}

// Config of a Node.
type Config struct {
	// ID is this server's raft ID: the host name.
	ID string
	// Dir holds raft.db (log and stable store) and snapshots.db.
	Dir string
	// Bind is the host:port the transport listens on, unless Listener is
	// given. Advertise is the address peers dial (default: the listener's).
	Bind      string
	Advertise string
	// Listener, if set, is used instead of listening on Bind.
	Listener net.Listener
	// TLS is the mutual TLS configuration from LoadTLS. Required.
	TLS *tls.Config
	// Bootstrap lists the first voters. It is used once, on a Dir with no
	// raft state, by a node that is in the list; otherwise ignored.
	Bootstrap []Server
	// Voters is how many voters the leader keeps when it adds servers or
	// reconciles them: 3 or 5 (default 3); the other servers are non-voters.
	Voters int
	Timing Timing
	// Snapshots: taken every SnapshotInterval when SnapshotThreshold
	// entries have been added since the last one; TrailingLogs entries are
	// kept behind a snapshot; SnapshotRetain snapshots are kept.
	SnapshotInterval  time.Duration
	SnapshotThreshold uint64
	TrailingLogs      uint64
	SnapshotRetain    int
	// State is the state machine; a fresh one if nil.
	State *state.State
	// Logger; slog's default if nil.
	Logger *slog.Logger
}

// Node is one raft server holding the cluster state.
type Node struct {
	cfg Config
	st  *state.State
	// rp is the running raft instance; ForceSoleVoter replaces it under
	// swapMu, which Close holds too.
	rp     atomic.Pointer[raft.Raft]
	swapMu sync.Mutex
	closed bool // under swapMu
	rc     *raft.Config
	trans  *raft.NetworkTransport
	stream *streamLayer
	logs   *raftboltdb.BoltStore
	snaps  *snapshotStore
	log    *slog.Logger
	// applied is signalled after the state takes an entry or snapshot.
	applied chan struct{}
}

func (c *Config) check() error {
	if c.ID == "" {
		return fmt.Errorf("%w: ID missing", ErrConfig)
	}
	if c.Dir == "" {
		return fmt.Errorf("%w: Dir missing", ErrConfig)
	}
	if c.Listener == nil && c.Bind == "" {
		return fmt.Errorf("%w: Bind missing", ErrConfig)
	}
	if c.TLS == nil {
		return fmt.Errorf("%w: TLS missing: raft runs over mutual TLS only", ErrConfig)
	}
	if c.TLS.ClientAuth != tls.RequireAndVerifyClientCert || c.TLS.ClientCAs == nil || c.TLS.RootCAs == nil || len(c.TLS.Certificates) == 0 {
		return fmt.Errorf("%w: TLS must require and verify peer certificates against the cluster CA (use LoadTLS)", ErrConfig)
	}
	switch c.Voters {
	case 0:
		c.Voters = 3
	case 1, 3, 5:
	default:
		return fmt.Errorf("%w: Voters %d: want 3 or 5 (1 for a single host)", ErrConfig, c.Voters)
	}
	seen := map[string]bool{}
	for i, s := range c.Bootstrap {
		if s.ID == "" || s.Address == "" {
			return fmt.Errorf("%w: Bootstrap[%d]: ID and Address required", ErrConfig, i)
		}
		if seen[s.ID] {
			return fmt.Errorf("%w: Bootstrap[%d]: %q twice", ErrConfig, i, s.ID)
		}
		seen[s.ID] = true
	}
	t := &c.Timing
	t.Heartbeat = cmpOr(t.Heartbeat, DefaultTiming.Heartbeat)
	t.Election = cmpOr(t.Election, DefaultTiming.Election)
	t.LeaderLease = cmpOr(t.LeaderLease, DefaultTiming.LeaderLease)
	t.Commit = cmpOr(t.Commit, DefaultTiming.Commit)
	c.SnapshotInterval = cmpOr(c.SnapshotInterval, 2*time.Minute)
	c.SnapshotThreshold = cmpOr(c.SnapshotThreshold, 8192)
	c.TrailingLogs = cmpOr(c.TrailingLogs, 10240)
	c.SnapshotRetain = cmpOr(c.SnapshotRetain, 2)
	return nil
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// Open starts a raft server on cfg.Dir. On a Dir without raft state it
// bootstraps from cfg.Bootstrap if this node is listed there; otherwise it
// waits for a leader to add it (Join).
func Open(ctx context.Context, cfg Config) (*Node, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	n := &Node{cfg: cfg, st: cfg.State, log: cfg.Logger, applied: make(chan struct{}, 1)}
	if n.st == nil {
		n.st = state.New()
	}
	if n.log == nil {
		n.log = slog.Default()
	}
	n.log = n.log.With("component", "cluster/replica", "node", cfg.ID)
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("%w: Dir: %w", ErrConfig, err)
	}
	ok := false
	defer func() {
		if !ok {
			n.closeStores()
		}
	}()

	var err error
	n.logs, err = raftboltdb.New(raftboltdb.Options{
		Path:        filepath.Join(cfg.Dir, logFile),
		BoltOptions: &bolt.Options{Timeout: time.Second},
	})
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", filepath.Join(cfg.Dir, logFile), err)
	}
	if n.snaps, err = openSnapshotStore(filepath.Join(cfg.Dir, snapshotFile), cfg.SnapshotRetain); err != nil {
		return nil, err
	}

	ln := cfg.Listener
	if ln == nil {
		var lc net.ListenConfig
		if ln, err = lc.Listen(ctx, "tcp", cfg.Bind); err != nil {
			return nil, fmt.Errorf("listen %s: %w", cfg.Bind, err)
		}
	}
	advertise := ln.Addr()
	if cfg.Advertise != "" {
		if advertise, err = net.ResolveTCPAddr("tcp", cfg.Advertise); err != nil {
			ln.Close()
			return nil, fmt.Errorf("%w: Advertise %q: %w", ErrConfig, cfg.Advertise, err)
		}
	}
	n.stream = &streamLayer{ln: ln, advertise: advertise, cfg: cfg.TLS, log: n.log}
	hl := newHCLog(n.log, "raft")
	n.trans = raft.NewNetworkTransportWithConfig(&raft.NetworkTransportConfig{
		Stream:  n.stream,
		MaxPool: 3,
		Timeout: 2 * time.Second,
		Logger:  hl.Named("transport"),
	})

	rc := raft.DefaultConfig()
	rc.LocalID = raft.ServerID(cfg.ID)
	rc.HeartbeatTimeout = cfg.Timing.Heartbeat
	rc.ElectionTimeout = cfg.Timing.Election
	rc.LeaderLeaseTimeout = cfg.Timing.LeaderLease
	rc.CommitTimeout = cfg.Timing.Commit
	rc.SnapshotInterval = cfg.SnapshotInterval
	rc.SnapshotThreshold = cfg.SnapshotThreshold
	rc.TrailingLogs = cfg.TrailingLogs
	rc.Logger = hl
	rc.NoLegacyTelemetry = true
	if err := raft.ValidateConfig(rc); err != nil {
		n.trans.Close()
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}

	existing, err := raft.HasExistingState(n.logs, n.logs, n.snaps)
	if err != nil {
		n.trans.Close()
		return nil, fmt.Errorf("read raft state in %s: %w", cfg.Dir, err)
	}
	r, err := raft.NewRaft(rc, n.fsm(), n.logs, n.logs, n.snaps, keepOpen{n.trans})
	if err != nil {
		n.trans.Close()
		return nil, fmt.Errorf("start raft: %w", err)
	}
	n.rp.Store(r)
	n.rc = rc
	if !existing && slices.ContainsFunc(cfg.Bootstrap, func(s Server) bool { return s.ID == cfg.ID }) {
		var conf raft.Configuration
		for _, s := range cfg.Bootstrap {
			conf.Servers = append(conf.Servers, raft.Server{Suffrage: raft.Voter, ID: raft.ServerID(s.ID), Address: raft.ServerAddress(s.Address)})
		}
		if err := n.rf().BootstrapCluster(conf).Error(); err != nil {
			n.rf().Shutdown().Error()
			n.trans.Close()
			return nil, fmt.Errorf("bootstrap: %w", err)
		}
		n.log.Info("bootstrapped", "voters", len(conf.Servers))
	}
	ok = true
	return n, nil
}

// Bootstrap makes servers the first voters of a node opened without
// Config.Bootstrap, once their addresses are known (an agent learns its
// peers' addresses by asking them). It does nothing on a node that already
// has raft state, bootstrapped or joined: the configuration is used once,
// like Config.Bootstrap. Every listed node may call it with the same list.
func (n *Node) Bootstrap(servers []Server) error {
	if !slices.ContainsFunc(servers, func(s Server) bool { return s.ID == n.cfg.ID }) {
		return fmt.Errorf("%w: bootstrap without this node %q", ErrConfig, n.cfg.ID)
	}
	existing, err := raft.HasExistingState(n.logs, n.logs, n.snaps)
	if err != nil {
		return fmt.Errorf("read raft state in %s: %w", n.cfg.Dir, err)
	}
	if existing {
		return nil
	}
	var conf raft.Configuration
	for _, s := range servers {
		if s.ID == "" || s.Address == "" {
			return fmt.Errorf("%w: bootstrap: ID and Address required", ErrConfig)
		}
		conf.Servers = append(conf.Servers, raft.Server{Suffrage: raft.Voter, ID: raft.ServerID(s.ID), Address: raft.ServerAddress(s.Address)})
	}
	if err := n.rf().BootstrapCluster(conf).Error(); err != nil && !errors.Is(err, raft.ErrCantBootstrap) {
		return fmt.Errorf("bootstrap: %w", err)
	}
	n.log.Info("bootstrapped", "voters", len(conf.Servers))
	return nil
}

func (n *Node) closeStores() {
	if n.logs != nil {
		n.logs.Close()
	}
	if n.snaps != nil {
		n.snaps.Close()
	}
}

// Close stops the server and closes its files. Peers see it as failed.
func (n *Node) Close() error {
	n.swapMu.Lock()
	defer n.swapMu.Unlock()
	n.closed = true
	err := n.rf().Shutdown().Error()
	if e := n.trans.Close(); err == nil {
		err = e
	}
	n.closeStores()
	return err
}

// rf is the running raft instance.
func (n *Node) rf() *raft.Raft { return n.rp.Load() }

// fsm is the state machine a raft instance of this node applies to.
func (n *Node) fsm() *fsm { return &fsm{st: n.st, applied: n.applied} }

// Applied is signalled after the state has taken one or more entries (or a
// snapshot) since the last receive: one reader waits on it instead of
// polling State().Index(). Signals coalesce; compare the index.
func (n *Node) Applied() <-chan struct{} { return n.applied }

// keepOpen is the transport as raft instances see it: a raft Shutdown
// closes its transport, which ForceSoleVoter hands on to the next
// instance; Node.Close closes it.
type keepOpen struct{ *raft.NetworkTransport }

func (keepOpen) Close() error { return nil }

// ID is this server's ID.
func (n *Node) ID() string { return n.cfg.ID }

// Addr is the address peers dial.
func (n *Node) Addr() string { return n.stream.Addr().String() }

// State is the local replica of the state, for reads that may be stale
// (a follower lags; a deposed leader may not know it yet). Use Read for a
// linearizable view.
func (n *Node) State() *state.State { return n.st }

// IsLeader reports whether this node believes it is the leader.
func (n *Node) IsLeader() bool { return n.rf().State() == raft.Leader }

// Leader returns the ID and address of the leader this node knows of.
func (n *Node) Leader() (id, addr string) {
	a, i := n.rf().LeaderWithID()
	return string(i), string(a)
}

// Term is the node's current raft term.
func (n *Node) Term() uint64 { return n.rf().CurrentTerm() }

// RefusedPeers counts incoming connections that failed the TLS check.
func (n *Node) RefusedPeers() int64 { return n.stream.refused.Load() }

// wait waits for a raft future within ctx. A ctx that ends first leaves the
// future running: its outcome is unknown.
func wait(ctx context.Context, f raft.Future) error {
	done := make(chan error, 1)
	go func() { done <- f.Error() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("%w: %w", ErrUnknownOutcome, ctx.Err())
	}
}

// enqueueTimeout is how long raft may take to accept an operation.
func enqueueTimeout(ctx context.Context) time.Duration {
	if d, ok := ctx.Deadline(); ok {
		return max(time.Until(d), time.Millisecond)
	}
	return 10 * time.Second
}

// classify maps raft's errors to ours: whether the operation certainly did
// not happen (ErrNotLeader) or may have (ErrUnknownOutcome).
func (n *Node) classify(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrUnknownOutcome):
		return err
	case errors.Is(err, raft.ErrNotLeader), errors.Is(err, raft.ErrLeadershipTransferInProgress):
		id, _ := n.Leader()
		return fmt.Errorf("%w (leader %q)", ErrNotLeader, id)
	case errors.Is(err, raft.ErrRaftShutdown):
		return fmt.Errorf("%w: %w: %w", ErrUnknownOutcome, ErrClosed, err)
	default:
		return fmt.Errorf("%w: %w", ErrUnknownOutcome, err)
	}
}

// Apply proposes cmd and waits, within ctx, until it is applied. The
// result is the state machine's: its error (a state sentinel: a stale
// generation, an invalid field) means the command was applied and refused,
// changing nothing. ErrNotLeader means it was not proposed;
// ErrUnknownOutcome means it may or may not be applied.
func (n *Node) Apply(ctx context.Context, cmd state.Command) (state.Result, error) {
	entry, err := state.Encode(cmd)
	if err != nil {
		return state.Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return state.Result{}, err
	}
	f := n.rf().Apply(entry, enqueueTimeout(ctx))
	if err := n.classify(wait(ctx, f)); err != nil {
		return state.Result{}, err
	}
	n.pushCommit()
	r, ok := f.Response().(applyResponse)
	if !ok {
		return state.Result{}, fmt.Errorf("%w: no response from the state machine", ErrUnknownOutcome)
	}
	return r.res, r.err
}

// pushCommit sends the followers the leader's commit index now. raft tells
// followers what is committed only with the next entries it sends, or on
// its idle timer (Timing.Commit): a barrier entry, not waited for, is such
// a send, so a follower applies a command about a round trip after the
// leader did.
func (n *Node) pushCommit() {
	n.rf().Barrier(n.cfg.Timing.Commit)
}

// Read runs fn on the state once it reflects every command committed before
// Read was called: a linearizable read. Only the leader serves it; it
// commits a barrier entry in its own term first, so a deposed leader fails
// instead of answering from old state.
func (n *Node) Read(ctx context.Context, fn func(*state.State)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := n.classify(wait(ctx, n.rf().Barrier(enqueueTimeout(ctx)))); err != nil {
		return err
	}
	fn(n.st)
	return nil
}

// VerifyLeader confirms that this node is still the leader: a quorum
// answered it in its current term since the call. It appends nothing to the
// log (unlike Read), so it suits a check made on every lease renewal. A
// leader that lost its quorum fails it (ErrNotLeader) once it notices, within
// raft's leader lease; a leader deposed by a newer one fails it at once.
func (n *Node) VerifyLeader(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := wait(ctx, n.rf().VerifyLeader())
	if errors.Is(err, raft.ErrLeadershipLost) {
		err = raft.ErrNotLeader
	}
	return n.classify(err)
}

// Snapshot takes a snapshot now.
func (n *Node) Snapshot(ctx context.Context) error {
	return n.classify(wait(ctx, n.rf().Snapshot()))
}

// WaitLeader waits until some node is known as leader and returns its ID.
func (n *Node) WaitLeader(ctx context.Context) (string, error) {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		if id, _ := n.Leader(); id != "" {
			return id, nil
		}
		select {
		case <-ctx.Done():
			return "", fmt.Errorf("no leader: %w", ctx.Err())
		case <-tick.C:
		}
	}
}

// Servers returns the current raft configuration, sorted by ID.
func (n *Node) Servers(ctx context.Context) ([]Server, error) {
	f := n.rf().GetConfiguration()
	if err := n.classify(wait(ctx, f)); err != nil {
		return nil, err
	}
	var out []Server
	for _, s := range f.Configuration().Servers {
		out = append(out, Server{ID: string(s.ID), Address: string(s.Address), Voter: s.Suffrage == raft.Voter})
	}
	slices.SortFunc(out, func(a, b Server) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// probePeer checks, before a server is added, that it answers at addr
// with a certificate from the cluster CA that names it (DNS name id).
func (n *Node) probePeer(ctx context.Context, id, addr string) error {
	ctx, cancel := context.WithTimeout(ctx, handshakeTimeout)
	defer cancel()
	c, err := dialTLS(ctx, n.cfg.TLS, addr)
	if err != nil {
		return fmt.Errorf("%w: %s at %s: %w", ErrPeerRefused, id, addr, err)
	}
	defer c.Close()
	leaf := c.ConnectionState().PeerCertificates[0]
	if err := leaf.VerifyHostname(id); err != nil {
		return fmt.Errorf("%w: %s at %s: its certificate does not name it: %w", ErrPeerRefused, id, addr, err)
	}
	return nil
}

// Join adds a server (leader only): as a voter while the cluster has fewer
// than Config.Voters, else as a non-voter. The peer must first pass the
// mutual TLS check and present a certificate naming id.
func (n *Node) Join(ctx context.Context, id, addr string) (voter bool, err error) {
	if !n.IsLeader() {
		return false, n.classify(raft.ErrNotLeader)
	}
	if err := n.probePeer(ctx, id, addr); err != nil {
		return false, err
	}
	servers, err := n.Servers(ctx)
	if err != nil {
		return false, err
	}
	voters := 0
	for _, s := range servers {
		if s.ID == id && s.Address == addr {
			return s.Voter, nil
		}
		if s.Voter {
			voters++
		}
	}
	timeout := enqueueTimeout(ctx)
	if voters < n.cfg.Voters {
		return true, n.classify(wait(ctx, n.rf().AddVoter(raft.ServerID(id), raft.ServerAddress(addr), 0, timeout)))
	}
	return false, n.classify(wait(ctx, n.rf().AddNonvoter(raft.ServerID(id), raft.ServerAddress(addr), 0, timeout)))
}

// Remove removes a server from the configuration (leader only).
func (n *Node) Remove(ctx context.Context, id string) error {
	return n.classify(wait(ctx, n.rf().RemoveServer(raft.ServerID(id), 0, enqueueTimeout(ctx))))
}

// TransferLeadership asks raft to hand leadership to another voter.
func (n *Node) TransferLeadership(ctx context.Context) error {
	return n.classify(wait(ctx, n.rf().LeadershipTransfer()))
}

// TransferLeadershipTo asks raft to hand leadership to the voter id (leader
// only). Unlike TransferLeadership, which picks the most up-to-date voter
// even when it is down, the caller chooses one it knows to be alive.
func (n *Node) TransferLeadershipTo(ctx context.Context, id string) error {
	servers, err := n.Servers(ctx)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(servers, func(s Server) bool { return s.ID == id })
	if i < 0 || !servers[i].Voter || id == n.cfg.ID {
		return fmt.Errorf("%w: transfer leadership to %q: not another voter of the cluster", ErrConfig, id)
	}
	f := n.rf().LeadershipTransferToServer(raft.ServerID(id), raft.ServerAddress(servers[i].Address))
	return n.classify(wait(ctx, f))
}
