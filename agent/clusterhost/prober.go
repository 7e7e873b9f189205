package clusterhost

import (
	"context"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/cluster/planner"
)

// Prober is the leader's Membership until memberlist is wired here: while
// this host leads, it asks every other registered host's peer API for its
// status every Timing.ProbeEvery (each within ProbeTimeout) and reports a
// host Suspect from its first failed probe and Dead once its probes have
// failed for DeadAfter. Since is when the first failure was seen, so a
// renewal that arrives after it still proves the host alive to the
// planner. An answer makes the host Alive again at once.
type Prober struct {
	h *Host

	mu    sync.Mutex
	hosts map[string]*probed
}

// probed is one host's probe record.
type probed struct {
	failingSince time.Time // zero while it answers
	member       planner.Member
	since        time.Time
}

func newProber(h *Host) *Prober { return &Prober{h: h, hosts: map[string]*probed{}} }

// run probes while this host leads, until ctx ends.
func (p *Prober) run(ctx context.Context) {
	t := p.h.timing
	tick := time.NewTicker(t.ProbeEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if !p.h.node.IsLeader() {
			p.mu.Lock()
			clear(p.hosts)
			p.mu.Unlock()
			continue
		}
		addrs := p.addresses(ctx)
		var wg sync.WaitGroup
		for name, addr := range addrs {
			wg.Go(func() {
				pctx, cancel := context.WithTimeout(ctx, t.ProbeTimeout)
				st, err := p.h.client.Status(pctx, addr)
				cancel()
				p.note(name, err == nil && st.ID == name, time.Now())
			})
		}
		wg.Wait()
	}
}

// addresses are the peer API addresses of every other registered host:
// its raft address, else its management address on this cluster's raft
// port.
func (p *Prober) addresses(ctx context.Context) map[string]string {
	raft := map[string]string{}
	sctx, cancel := context.WithTimeout(ctx, time.Second)
	if servers, err := p.h.node.Servers(sctx); err == nil {
		for _, s := range servers {
			raft[s.ID] = s.Address
		}
	}
	cancel()
	out := map[string]string{}
	for _, hs := range p.h.node.State().Hosts() {
		if hs.Name == p.h.name {
			continue
		}
		if a, ok := raft[hs.Name]; ok {
			out[hs.Name] = a
		} else if hs.Addresses.Management != "" {
			out[hs.Name] = net.JoinHostPort(hs.Addresses.Management, strconv.Itoa(p.h.cfg.Cluster.RaftPort))
		}
	}
	return out
}

func (p *Prober) note(name string, ok bool, now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	r := p.hosts[name]
	if r == nil {
		r = &probed{member: planner.MemberAlive, since: now}
		p.hosts[name] = r
	}
	m := planner.MemberAlive
	switch {
	case ok:
		r.failingSince = time.Time{}
	case r.failingSince.IsZero():
		r.failingSince = now
		m = planner.MemberSuspect
	case now.Sub(r.failingSince) >= p.h.timing.DeadAfter:
		m = planner.MemberDead
	default:
		m = planner.MemberSuspect
	}
	if m != r.member {
		r.member, r.since = m, now
		if m != planner.MemberAlive {
			r.since = r.failingSince
		}
	}
}

// Observations implements Membership.
func (p *Prober) Observations(time.Time) []planner.Observation {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]planner.Observation, 0, len(p.hosts))
	for name, r := range p.hosts {
		out = append(out, planner.Observation{Host: name, Member: r.member, Since: r.since})
	}
	return out
}
