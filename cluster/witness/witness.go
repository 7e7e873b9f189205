package witness

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/cluster/peerapi"
	"github.com/vigil-ha/vigil/cluster/replica"
)

// Timings of the witness's loops.
const (
	// handoffPoll is how often a member checks whether it leads.
	handoffPoll = 50 * time.Millisecond
	// handoffRetry is the wait after a failed handover.
	handoffRetry = 500 * time.Millisecond
	// joinRetry is the first wait between join attempts, doubled to 10 s.
	joinRetry = 500 * time.Millisecond
)

// Witness is one process voting in many clusters: per cluster, a raft
// voter (replica.Node) holding that cluster's state in its own directory,
// with the cluster's TLS identity, and the peer API on the same port.
type Witness struct {
	stateDir string
	log      *slog.Logger
	members  []*member
	cancel   context.CancelFunc
	wg       sync.WaitGroup
	closed   sync.Once
}

// member is the witness in one cluster.
type member struct {
	cfg    Cluster
	log    *slog.Logger
	mux    *peerapi.Mux
	node   *replica.Node
	srv    *peerapi.Server
	client *peerapi.Client
	served chan error

	mu        sync.Mutex
	handoffs  int
	lastError string
}

// Open starts the witness in every cluster of cfg. A cluster that cannot
// start (its TLS files, its port, its state directory) fails Open, and the
// ones already started are stopped: a witness that silently votes in only
// some of its clusters would leave the others one failure from losing
// quorum.
func Open(ctx context.Context, cfg *Config, logger *slog.Logger) (*Witness, error) {
	if logger == nil {
		logger = slog.Default()
	}
	if len(cfg.Clusters) == 0 {
		return nil, errors.New("witness: no clusters")
	}
	runCtx, cancel := context.WithCancel(context.Background())
	w := &Witness{stateDir: cfg.StateDir, log: logger.With("component", "cluster/witness"), cancel: cancel}
	for _, c := range cfg.Clusters {
		m, err := w.start(ctx, c)
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("witness: cluster %s: %w", c.Name, err)
		}
		w.members = append(w.members, m)
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			m.run(runCtx)
		}()
	}
	w.log.Info("witness voting", "clusters", len(w.members))
	return w, nil
}

func (w *Witness) start(ctx context.Context, c Cluster) (*member, error) {
	m := &member{cfg: c, log: w.log.With("cluster", c.Name, "id", c.ID), served: make(chan error, 1)}
	tlsCfg, err := replica.LoadTLS(c.TLS)
	if err != nil {
		return nil, fmt.Errorf("tls: %w", err)
	}
	if m.mux, err = peerapi.Listen(ctx, cmp(c.Listen, c.RaftAddress), m.log); err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			m.close()
		}
	}()
	var bootstrap []replica.Server
	if len(c.Bootstrap) > 0 {
		bootstrap = c.Bootstrap
	}
	m.node, err = replica.Open(ctx, replica.Config{
		ID:        c.ID,
		Dir:       c.Dir(w.stateDir),
		Listener:  m.mux.Raft(),
		Advertise: c.RaftAddress,
		TLS:       tlsCfg,
		Bootstrap: bootstrap,
		Timing:    c.Timing,
		Logger:    m.log,
	})
	if err != nil {
		return nil, err
	}
	// No Renewer: a witness answers no lease renewals; it hands
	// leadership to a host as soon as it gets it.
	if m.srv, err = peerapi.NewServer(peerapi.ServerConfig{Cluster: c.Name, Node: m.node, TLS: tlsCfg, Logger: m.log}); err != nil {
		return nil, err
	}
	go func() { m.served <- m.srv.Serve(m.mux.API()) }()
	if m.client, err = peerapi.NewClient(tlsCfg); err != nil {
		return nil, err
	}
	ok = true
	return m, nil
}

// Close stops every member: API, raft node, port.
func (w *Witness) Close() error {
	var errs []error
	w.closed.Do(func() {
		w.cancel()
		w.wg.Wait()
		for _, m := range w.members {
			if err := m.close(); err != nil {
				errs = append(errs, fmt.Errorf("cluster %s: %w", m.cfg.Name, err))
			}
		}
	})
	return errors.Join(errs...)
}

func (m *member) close() error {
	var errs []error
	if m.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if err := m.srv.Shutdown(ctx); err != nil {
			errs = append(errs, err)
		}
		cancel()
		if err := <-m.served; !errors.Is(err, http.ErrServerClosed) {
			errs = append(errs, err)
		}
	}
	if m.node != nil {
		if err := m.node.Close(); err != nil {
			errs = append(errs, err)
		}
	}
	if m.mux != nil {
		m.mux.Close()
	}
	if m.client != nil {
		m.client.Close()
	}
	return errors.Join(errs...)
}

// run joins the cluster if configured to, then hands leadership to a host
// whenever this member wins an election, until ctx ends.
func (m *member) run(ctx context.Context) {
	if len(m.cfg.Join) > 0 {
		m.join(ctx)
	}
	tick := time.NewTicker(handoffPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if !m.node.IsLeader() {
			continue
		}
		// The leader plans failover; a witness has no planner and no
		// VMs, so it lets a host lead.
		tctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := m.handOff(tctx)
		cancel()
		m.mu.Lock()
		if err != nil {
			m.lastError = err.Error()
		} else {
			m.handoffs++
		}
		m.mu.Unlock()
		if err != nil {
			m.log.Warn("leadership handover failed", "err", err)
			sleep(ctx, handoffRetry)
			continue
		}
		m.log.Info("leadership handed to a host")
	}
}

// handOff transfers leadership to the live voter whose replica is the
// most up to date, asked through the peer API. raft's own choice
// (TransferLeadership) takes the most up-to-date voter even when it is
// down, which right after a host failed may be the dead host.
func (m *member) handOff(ctx context.Context) error {
	servers, err := m.node.Servers(ctx)
	if err != nil {
		return err
	}
	type candidate struct {
		id      string
		applied uint64
	}
	var (
		mu    sync.Mutex
		alive []candidate
		wg    sync.WaitGroup
	)
	for _, s := range servers {
		if !s.Voter || s.ID == m.cfg.ID {
			continue
		}
		wg.Go(func() {
			sctx, cancel := context.WithTimeout(ctx, time.Second)
			defer cancel()
			st, err := m.client.Status(sctx, s.Address)
			if err != nil || st.ID != s.ID {
				return
			}
			mu.Lock()
			alive = append(alive, candidate{s.ID, st.Applied})
			mu.Unlock()
		})
	}
	wg.Wait()
	if len(alive) == 0 {
		return errors.New("no other voter answers")
	}
	best := slices.MaxFunc(alive, func(a, b candidate) int {
		if a.applied != b.applied {
			return cmpUint(a.applied, b.applied)
		}
		return strings.Compare(b.id, a.id) // lower ID wins a tie
	})
	if err := m.node.TransferLeadershipTo(ctx, best.id); err != nil {
		return fmt.Errorf("to %s: %w", best.id, err)
	}
	return nil
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// join asks the cluster's members to add the witness, until one does or
// the node finds itself in a configuration (joined earlier, or added by
// the hosts).
func (m *member) join(ctx context.Context) {
	wait := joinRetry
	for ctx.Err() == nil {
		if m.inConfiguration(ctx) {
			return
		}
		jctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		reply, err := m.client.JoinAny(jctx, m.cfg.Join, peerapi.JoinRequest{ID: m.cfg.ID, Address: m.cfg.RaftAddress})
		cancel()
		if err == nil {
			m.log.Info("joined", "voter", reply.Voter)
			if !reply.Voter {
				m.log.Warn("joined as a non-voter: the cluster already has its voters, so this witness adds no vote")
			}
			return
		}
		m.mu.Lock()
		m.lastError = err.Error()
		m.mu.Unlock()
		m.log.Warn("join failed; retrying", "err", err, "in", wait)
		sleep(ctx, wait)
		wait = min(2*wait, 10*time.Second)
	}
}

// inConfiguration reports whether the local node has a raft configuration
// that lists it (it joined before a restart, or was bootstrapped).
func (m *member) inConfiguration(ctx context.Context) bool {
	sctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	servers, err := m.node.Servers(sctx)
	return err == nil && slices.ContainsFunc(servers, func(s replica.Server) bool { return s.ID == m.cfg.ID })
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// ClusterStatus is the witness's view of one cluster.
type ClusterStatus struct {
	Name     string `json:"name"`
	ID       string `json:"id"`
	Address  string `json:"address"`
	Leader   string `json:"leader"`
	IsLeader bool   `json:"is_leader"`
	Term     uint64 `json:"term"`
	Applied  uint64 `json:"applied"`
	// Handoffs counts the times this witness won an election and handed
	// leadership to a host.
	Handoffs  int    `json:"handoffs"`
	LastError string `json:"last_error,omitempty"`
}

// Status returns every cluster's status, in config order.
func (w *Witness) Status() []ClusterStatus {
	var out []ClusterStatus
	for _, m := range w.members {
		leader, _ := m.node.Leader()
		m.mu.Lock()
		out = append(out, ClusterStatus{
			Name: m.cfg.Name, ID: m.cfg.ID, Address: m.cfg.RaftAddress,
			Leader: leader, IsLeader: m.node.IsLeader(), Term: m.node.Term(), Applied: m.node.State().Index(),
			Handoffs: m.handoffs, LastError: m.lastError,
		})
		m.mu.Unlock()
	}
	return out
}

// Node returns the witness's raft node in cluster name, or nil.
func (w *Witness) Node(name string) *replica.Node {
	for _, m := range w.members {
		if m.cfg.Name == name {
			return m.node
		}
	}
	return nil
}
