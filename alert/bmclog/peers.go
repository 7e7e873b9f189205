package bmclog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vigil-ha/vigil/alert"
)

// DecidedBy is the host whose agent took the decision ev records: the
// leader named in its evidence ("leader"), or "" when the host the event
// is about decided itself (the agent's own events carry no leader).
func DecidedBy(ev alert.Event) string {
	s, _ := ev.Evidence["leader"].(string)
	return s
}

// Target is a peer's BMC with the account to write its log with (the
// fence: account, which has OPERATOR privilege). Exactly one of IPMI and
// Redfish is set.
type Target struct {
	IPMI    *IPMI
	Redfish *Redfish
}

// key tells two targets apart: a peer that registers a new BMC endpoint,
// or a changed password, gets a new Sink.
func (t Target) key() string {
	switch {
	case t.IPMI != nil:
		return fmt.Sprintf("ipmi %s:%d %s %s %d", t.IPMI.Host, t.IPMI.Port, t.IPMI.User, t.IPMI.Password, t.IPMI.CipherSuite)
	case t.Redfish != nil:
		return fmt.Sprintf("redfish %s %s %s %v", t.Redfish.URL, t.Redfish.User, t.Redfish.Password, t.Redfish.Insecure)
	}
	return ""
}

// PeersConfig says whose decisions Peers writes and where peers' BMCs are.
type PeersConfig struct {
	// Self is this host's name: only decisions it took (DecidedBy) about
	// other hosts are written.
	Self string
	// Target returns a peer's BMC (from the cluster's state) with this
	// host's fence: account; false when none is known.
	Target func(host string) (Target, bool)
	// Timeout, MinBackoff, MaxBackoff, Logger and Now are each peer's
	// Sink's (Config).
	Timeout                time.Duration
	MinBackoff, MaxBackoff time.Duration
	Logger                 *slog.Logger
	Now                    func() time.Time
	// Retry is how often records a peer's BMC did not take are tried
	// again (default 15 s); at most MaxPending per peer are kept
	// (default 32; the oldest goes first).
	Retry      time.Duration
	MaxPending int
}

// Peers writes the decisions this host took about other hosts (as the
// cluster's leader: fenced, readmitted, evacuation started and ended) into
// those hosts' BMC logs: the host a decision is about may be off or cut
// off, and its BMC still takes the record. It implements alert.Sink; one
// Sink per peer, opened at the first record for it, does the writing.
//
// Unlike Sink, Peers keeps what a peer's BMC did not take (it was
// unreachable: the host lost its power, or its BMC network is cut) and
// writes it, in order and with its own time, before that peer's next
// record and every PeersConfig.Retry: a fenced host's record lands once
// its BMC answers again.
type Peers struct {
	cfg  PeersConfig
	stop chan struct{}
	done chan struct{}

	mu      sync.Mutex // guards peers and closed
	peers   map[string]*peer
	closed  bool
	ignored atomic.Uint64
	noBMC   atomic.Uint64
	dropped atomic.Uint64
}

// peer is one peer's Sink and the records it has not taken yet.
type peer struct {
	mu      sync.Mutex // one flush at a time, in order
	sink    *Sink
	key     string
	pending []alert.Event
}

var _ alert.Sink = (*Peers)(nil)

// NewPeers checks cfg and returns a Peers sink.
func NewPeers(cfg PeersConfig) (*Peers, error) {
	if cfg.Self == "" || cfg.Target == nil {
		return nil, errors.New("bmclog: peers: this host's name and a way to find peers' BMCs are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 5 * time.Second
	}
	if cfg.Retry <= 0 {
		cfg.Retry = 15 * time.Second
	}
	if cfg.MaxPending <= 0 {
		cfg.MaxPending = 32
	}
	p := &Peers{cfg: cfg, peers: map[string]*peer{}, stop: make(chan struct{}), done: make(chan struct{})}
	go p.retryLoop()
	return p, nil
}

// Name implements alert.Sink.
func (p *Peers) Name() string { return "bmclog-peers" }

// Send writes ev into the BMC log of the host it is about when this host
// decided it about another host and Map writes its kind, after the
// records still pending for that host; other events return nil at once.
// A record the BMC does not take is kept for later and the peer's Sink's
// error (Sink.Send) returned; for a host without a known BMC it is
// dropped.
func (p *Peers) Send(ctx context.Context, ev alert.Event) error {
	if ev.Host == "" || ev.Host == p.cfg.Self || DecidedBy(ev) != p.cfg.Self {
		p.ignored.Add(1)
		return nil
	}
	if _, ok := Map(ev.Host, ev); !ok {
		p.ignored.Add(1)
		return nil
	}
	pr, err := p.peer(ev.Host)
	if err != nil {
		p.noBMC.Add(1)
		return err
	}
	if ev.Time.IsZero() && p.cfg.Now != nil {
		ev.Time = p.cfg.Now() // a record kept for later keeps its time
	} else if ev.Time.IsZero() {
		ev.Time = time.Now()
	}
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.pending = append(pr.pending, ev)
	return p.flush(ctx, pr)
}

// flush writes pr's pending records in order until one fails; at most
// MaxPending stay. Call with pr.mu held.
func (p *Peers) flush(ctx context.Context, pr *peer) error {
	for len(pr.pending) > 0 {
		if err := pr.sink.Send(ctx, pr.pending[0]); err != nil {
			if n := len(pr.pending) - p.cfg.MaxPending; n > 0 {
				p.dropped.Add(uint64(n))
				pr.pending = pr.pending[n:]
			}
			return err
		}
		pr.pending = pr.pending[1:]
	}
	return nil
}

// retryLoop flushes the peers' pending records every Retry until Close.
func (p *Peers) retryLoop() {
	defer close(p.done)
	tick := time.NewTicker(p.cfg.Retry)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
		p.mu.Lock()
		var waiting []string
		for h, pr := range p.peers {
			pr.mu.Lock()
			if len(pr.pending) > 0 {
				waiting = append(waiting, h)
			}
			pr.mu.Unlock()
		}
		p.mu.Unlock()
		for _, h := range waiting {
			pr, err := p.peer(h) // the peer's BMC may have moved
			if err != nil {
				continue
			}
			ctx, cancel := context.WithTimeout(context.Background(), p.cfg.Timeout)
			pr.mu.Lock()
			_ = p.flush(ctx, pr)
			pr.mu.Unlock()
			cancel()
		}
	}
}

// peer returns host's peer with a Sink writing to its BMC, opened (again,
// when its target changed: its pending records go on to the new one).
func (p *Peers) peer(host string) (*peer, error) {
	t, ok := p.cfg.Target(host)
	if !ok {
		return nil, fmt.Errorf("bmclog: %s: no BMC known to write to", host)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, errors.New("bmclog: closed")
	}
	pr, ok := p.peers[host]
	if ok && pr.key == t.key() {
		return pr, nil
	}
	s, err := New(Config{Host: host, Writer: p.cfg.Self, IPMI: t.IPMI, Redfish: t.Redfish, Timeout: p.cfg.Timeout,
		MinBackoff: p.cfg.MinBackoff, MaxBackoff: p.cfg.MaxBackoff, Logger: p.cfg.Logger.With("peer", host), Now: p.cfg.Now})
	if err != nil {
		return nil, err
	}
	if !ok {
		pr = &peer{}
		p.peers[host] = pr
	}
	pr.mu.Lock()
	if pr.sink != nil {
		pr.sink.Close()
	}
	pr.sink, pr.key = s, t.key()
	pr.mu.Unlock()
	return pr, nil
}

// PeersStats are Peers' counters: its peers' Sinks' added up, and its
// own.
type PeersStats struct {
	Stats
	// Pending are records kept for a peer whose BMC did not take them
	// yet; Dropped those let go beyond PeersConfig.MaxPending.
	Pending, Dropped uint64
}

// Stats adds up the peers' Sinks' counters (Failed counts every failed
// attempt, retries included); Ignored also counts the events not for a
// peer, Failed those for a peer without a known BMC.
func (p *Peers) Stats() PeersStats {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := PeersStats{Stats: Stats{Ignored: p.ignored.Load(), Failed: p.noBMC.Load()}, Dropped: p.dropped.Load()}
	for _, pr := range p.peers {
		pr.mu.Lock()
		st := pr.sink.Stats()
		out.Pending += uint64(len(pr.pending))
		pr.mu.Unlock()
		out.Written += st.Written
		out.Ignored += st.Ignored
		out.Failed += st.Failed
		out.Unsupported += st.Unsupported
	}
	return out
}

// Close stops the retries and closes every peer's Sink; what is still
// pending is lost (it is in the audit log). Later Sends fail.
func (p *Peers) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	close(p.stop)
	p.mu.Unlock()
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	for h, pr := range p.peers {
		pr.mu.Lock()
		pr.sink.Close()
		pr.mu.Unlock()
		delete(p.peers, h)
	}
	return nil
}
