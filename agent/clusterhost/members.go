package clusterhost

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/cluster/membership"
	"github.com/vigil-ha/vigil/cluster/planner"
)

// gossip is this host's memberlist (cluster/membership) and, for the
// leader, its view as the planner's Membership.
type gossip struct {
	list *membership.List
}

// startGossip starts memberlist on the management address's gossip port
// with the cluster's key file, this host's boot id, incarnation, watchdog
// and BMC endpoint in its meta.
func (h *Host) startGossip(ctx context.Context) (*gossip, error) {
	cl := h.cfg.Cluster
	profile := membership.Default
	if h.timing.Gossip != "" {
		p, err := membership.ProfileByName(h.timing.Gossip)
		if err != nil {
			return nil, err
		}
		profile = p
	}
	meta := membership.Meta{Incarnation: uint64(h.started.UnixNano()), WatchdogArmed: h.cfg.Watchdog.Device != "", BMC: h.bmcEndpoint()}
	if id, err := membership.ParseBootID(h.bootID); err == nil {
		meta.BootID = id
	} else {
		h.log.Warn("boot id is not a UUID: not announced in the gossip", "boot_id", h.bootID)
	}
	l, err := membership.Start(ctx, membership.Config{
		Name:    h.name,
		Bind:    netip.AddrPortFrom(h.cfg.Addresses.Management, uint16(cl.GossipPort)),
		KeyFile: cl.GossipKeyFile,
		Meta:    meta,
		Profile: profile,
		Logger:  h.log.With("component", "membership"),
	})
	if err != nil {
		return nil, fmt.Errorf("gossip: %w", err)
	}
	return &gossip{list: l}, nil
}

// bmcEndpoint is this host's BMC as its membership meta names it.
func (h *Host) bmcEndpoint() string {
	if b := h.cfg.BMC; b.Redfish != "" {
		return "redfish+" + b.Redfish
	}
	return "ipmi://" + h.cfg.BMC.Target()
}

// gossipSeeds are the join: addresses on the cluster's gossip port.
func (h *Host) gossipSeeds() []string {
	var out []string
	for _, j := range h.cfg.Cluster.Join {
		host := j
		if hh, _, err := net.SplitHostPort(j); err == nil {
			host = hh
		}
		host = strings.Trim(host, "[]")
		if host == h.cfg.Addresses.Management.String() {
			continue
		}
		out = append(out, net.JoinHostPort(host, strconv.Itoa(h.cfg.Cluster.GossipPort)))
	}
	return out
}

// join joins the gossip through the seeds until one answers or ctx ends.
func (g *gossip) join(ctx context.Context, h *Host) {
	seeds := h.gossipSeeds()
	if len(seeds) == 0 {
		return
	}
	for wait := formRetry; ; wait = min(2*wait, 10*time.Second) {
		jctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		n, err := g.list.Join(jctx, seeds)
		cancel()
		if n > 0 {
			h.log.Info("gossip joined", "answered", n)
			return
		}
		h.log.Info("gossip: waiting for peers", "err", err)
		if sleep(ctx, wait) != nil {
			return
		}
	}
}

// Observations implements Membership from memberlist's view.
func (g *gossip) Observations(time.Time) []planner.Observation {
	v := g.list.Members()
	out := make([]planner.Observation, 0, len(v.Members))
	for _, m := range v.Members {
		if m.Name == v.Self {
			continue
		}
		o := planner.Observation{Host: m.Name, Since: m.Since}
		switch m.State {
		case membership.Alive:
			o.Member = planner.MemberAlive
		case membership.Suspect:
			o.Member = planner.MemberSuspect
		case membership.Dead:
			o.Member = planner.MemberDead
		case membership.Left:
			o.Member = planner.MemberLeft
		default:
			continue
		}
		out = append(out, o)
	}
	return out
}

// leave tells the others this member goes (a clean stop), then stops.
func (g *gossip) leave(h *Host) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := g.list.Leave(ctx); err != nil {
		h.log.Warn("gossip leave", "err", err)
	}
}
