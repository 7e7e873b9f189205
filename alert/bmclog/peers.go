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
}

// Peers writes the decisions this host took about other hosts (as the
// cluster's leader: fenced, readmitted, evacuation started and ended) into
// those hosts' BMC logs: the host a decision is about may be off or cut
// off, and its BMC still takes the record. It implements alert.Sink; one
// Sink per peer, opened at the first record for it, does the writing.
type Peers struct {
	cfg PeersConfig

	mu      sync.Mutex
	sinks   map[string]*Sink // by peer
	keys    map[string]string
	closed  bool
	ignored atomic.Uint64
	noBMC   atomic.Uint64
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
	return &Peers{cfg: cfg, sinks: map[string]*Sink{}, keys: map[string]string{}}, nil
}

// Name implements alert.Sink.
func (p *Peers) Name() string { return "bmclog-peers" }

// Send writes ev into the BMC log of the host it is about when this host
// decided it about another host and Map writes its kind; other events
// return nil at once. Failures are the peer's Sink's (Sink.Send).
func (p *Peers) Send(ctx context.Context, ev alert.Event) error {
	if ev.Host == "" || ev.Host == p.cfg.Self || DecidedBy(ev) != p.cfg.Self {
		p.ignored.Add(1)
		return nil
	}
	if _, ok := Map(ev.Host, ev); !ok {
		p.ignored.Add(1)
		return nil
	}
	s, err := p.sink(ev.Host)
	if err != nil {
		p.noBMC.Add(1)
		return err
	}
	return s.Send(ctx, ev)
}

// sink returns the Sink writing to host's BMC, opening it (again, when
// its target changed).
func (p *Peers) sink(host string) (*Sink, error) {
	t, ok := p.cfg.Target(host)
	if !ok {
		return nil, fmt.Errorf("bmclog: %s: no BMC known to write to", host)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, errors.New("bmclog: closed")
	}
	if s, ok := p.sinks[host]; ok && p.keys[host] == t.key() {
		return s, nil
	}
	if old, ok := p.sinks[host]; ok {
		old.Close()
		delete(p.sinks, host)
	}
	s, err := New(Config{Host: host, Writer: p.cfg.Self, IPMI: t.IPMI, Redfish: t.Redfish, Timeout: p.cfg.Timeout,
		MinBackoff: p.cfg.MinBackoff, MaxBackoff: p.cfg.MaxBackoff, Logger: p.cfg.Logger.With("peer", host), Now: p.cfg.Now})
	if err != nil {
		return nil, err
	}
	p.sinks[host], p.keys[host] = s, t.key()
	return s, nil
}

// Stats adds up the peers' Sinks' counters; Ignored also counts the
// events not for a peer, Failed those for a peer without a known BMC.
func (p *Peers) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := Stats{Ignored: p.ignored.Load(), Failed: p.noBMC.Load()}
	for _, s := range p.sinks {
		st := s.Stats()
		out.Written += st.Written
		out.Ignored += st.Ignored
		out.Failed += st.Failed
		out.Unsupported += st.Unsupported
	}
	return out
}

// Close closes every peer's Sink. Later Sends fail.
func (p *Peers) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	for h, s := range p.sinks {
		s.Close()
		delete(p.sinks, h)
	}
	return nil
}
