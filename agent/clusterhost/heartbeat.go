package clusterhost

import (
	"context"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/cluster/heartbeat"
	"github.com/vigil-ha/vigil/cluster/membership"
	"github.com/vigil-ha/vigil/cluster/planner"
)

// storageBeat is the shared-storage heartbeat of this host
// (cluster.heartbeat_dir): its Writer writes this host's file, its Reader
// polls the peers' on every host (so that a new leader already knows which
// heartbeats still change), and the leader hands what it read to the
// planner with memberlist's word: the second opinion that tells a host cut
// off from the network but still writing (isolated) from a dead one.
type storageBeat struct {
	w     *heartbeat.Writer
	r     *heartbeat.Reader
	every time.Duration

	mu   sync.Mutex
	errs map[string]error // the last read's error, per host
}

// heartbeatEvery is how often this host writes its heartbeat and reads its
// peers': every lease renewal interval.
func (t Timing) heartbeatEvery() time.Duration { return t.Lease.RenewInterval }

// HeartbeatStale is how long a peer's heartbeat may stay unchanged before
// it counts as stale: four write intervals and a leader tick, at least 2 s
// (a loaded host's fsync on a share can take a while).
func (t Timing) HeartbeatStale() time.Duration {
	return max(4*t.heartbeatEvery()+t.LeaderTick, 2*time.Second)
}

// startStorageBeat opens this host's heartbeat file in dir; the directory
// must exist (an unmounted share fails here, not by filling the local
// disk).
func (h *Host) startStorageBeat(ctx context.Context, dir string) (*storageBeat, error) {
	cfg := heartbeat.WriterConfig{Dir: dir, Host: h.name, Logger: h.log}
	if id, err := membership.ParseBootID(h.bootID); err == nil {
		cfg.BootID = id
	}
	octx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	w, err := heartbeat.OpenWriter(octx, cfg)
	if err != nil {
		return nil, err
	}
	return &storageBeat{w: w, r: heartbeat.NewReader(dir, nil), every: h.timing.heartbeatEvery(), errs: map[string]error{}}, nil
}

// run writes this host's heartbeat and reads the peers' until ctx ends.
func (b *storageBeat) run(ctx context.Context, h *Host) {
	go func() {
		if err := b.w.Run(ctx, b.every); err != nil {
			h.log.Error("heartbeat writer", "err", err)
		}
	}()
	t := time.NewTicker(b.every)
	defer t.Stop()
	for {
		b.readPeers(ctx, h)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// readPeers reads every peer's heartbeat once, each within one interval
// (a hung share fails the read; it never stalls the leader, which only
// looks at what was read).
func (b *storageBeat) readPeers(ctx context.Context, h *Host) {
	if h.node == nil {
		return
	}
	for _, hs := range h.node.State().Hosts() {
		if hs.Name == h.name {
			continue
		}
		rctx, cancel := context.WithTimeout(ctx, b.every)
		_, err := b.r.Observe(rctx, hs.Name)
		cancel()
		if ctx.Err() != nil {
			return
		}
		b.mu.Lock()
		b.errs[hs.Name] = err
		b.mu.Unlock()
	}
}

// annotate adds to each observation what this host last read of that
// host's heartbeat. A host never read yet gets nothing (the verdict then
// waits for no heartbeat).
func (b *storageBeat) annotate(obs []planner.Observation) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range obs {
		err, tried := b.errs[obs[i].Host]
		st, ok := b.r.Status(obs[i].Host)
		if !tried && !ok {
			continue
		}
		obs[i].Heartbeat, obs[i].HeartbeatErr = st, err
	}
}

// close lets go of this host's heartbeat file (its last record stays:
// readers see it stop).
func (b *storageBeat) close(h *Host) {
	if err := b.w.Close(); err != nil {
		h.log.Warn("heartbeat close", "err", err)
	}
}
