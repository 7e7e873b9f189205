package clusterhost

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/cluster/peerapi"
	"github.com/vigil-ha/vigil/cluster/replica"
)

// formRetry is the wait between attempts to bootstrap, join or register.
const formRetry = 500 * time.Millisecond

// form makes this host a member: bootstrap or join on a fresh state_dir,
// then register it in the state. It returns once registered.
func (h *Host) form(ctx context.Context) error {
	for {
		servers, err := h.node.Servers(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			h.log.Warn("reading the raft configuration", "err", err)
		} else if len(servers) > 0 {
			break // bootstrapped or joined before: raft has its configuration
		}
		if h.formOnce(ctx) {
			break
		}
		if err := sleep(ctx, formRetry); err != nil {
			return err
		}
	}
	for {
		rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		_, err := h.fwd.Apply(rctx, h.registration())
		cancel()
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		h.log.Info("registering this host: waiting for the cluster", "err", err)
		if err := sleep(ctx, formRetry); err != nil {
			return err
		}
	}
	close(h.registered)
	leader, _ := h.node.Leader()
	h.record(agent.Event{Kind: "joined", Message: fmt.Sprintf("%s is a member of cluster %s (leader %s)", h.name, h.cfg.Cluster.Name, leader),
		Evidence: map[string]any{"raft": h.raftAddr, "boot_id": h.bootID, "lease_ttl_seconds": h.timing.Lease.TTL.Seconds(), "timing": h.timing.Name}})
	return nil
}

// seeds are the addresses of the peers this host was told of.
func (h *Host) seeds() []string {
	var out []string
	for _, j := range h.cfg.Cluster.Join {
		out = append(out, h.peerAddr(j))
	}
	if w := h.cfg.Cluster.Witness; w != "" {
		out = append(out, h.peerAddr(w))
	}
	return slices.DeleteFunc(out, func(a string) bool { return a == h.raftAddr })
}

// formOnce makes one attempt to bootstrap or join; it reports whether
// this host is now in a raft configuration.
func (h *Host) formOnce(ctx context.Context) bool {
	seeds := h.seeds()
	bootstrap := h.cfg.Cluster.Bootstrap
	if slices.Contains(bootstrap, h.name) {
		// Who answers where, and whether a cluster already exists.
		known := map[string]string{h.name: h.raftAddr}
		formed := false
		for _, addr := range seeds {
			sctx, cancel := context.WithTimeout(ctx, time.Second)
			st, err := h.client.Status(sctx, addr)
			cancel()
			if err != nil {
				continue
			}
			if st.LeaderID != "" || len(st.Servers) > 0 {
				formed = true
			}
			if slices.Contains(bootstrap, st.ID) {
				known[st.ID] = addr
			}
		}
		if !formed {
			if len(known) < len(bootstrap) {
				var missing []string
				for _, b := range bootstrap {
					if _, ok := known[b]; !ok {
						missing = append(missing, b)
					}
				}
				h.log.Info("bootstrap: waiting for the first voters to answer", "missing", strings.Join(missing, ","))
				return false
			}
			var servers []replica.Server
			for _, b := range bootstrap {
				servers = append(servers, replica.Server{ID: b, Address: known[b], Voter: true})
			}
			if err := h.node.Bootstrap(servers); err != nil {
				h.log.Warn("bootstrap", "err", err)
				return false
			}
			return true
		}
	}
	if len(seeds) == 0 {
		h.log.Warn("cannot join: cluster.join names no other member")
		return false
	}
	jctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	reply, err := h.client.JoinAny(jctx, seeds, peerapi.JoinRequest{ID: h.name, Address: h.raftAddr, Host: h.registration()})
	if err != nil {
		h.log.Info("join: waiting for the cluster", "err", err)
		return false
	}
	h.log.Info("joined", "voter", reply.Voter)
	return true
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
