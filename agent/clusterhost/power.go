package clusterhost

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/verdict"
	"github.com/vigil-ha/vigil/fencing"
)

// powerTimeout bounds one reading of a peer's power through its BMC.
const powerTimeout = 2 * time.Second

// powerOpinions is the leader's second opinion on a host the membership
// says is dead (DESIGN.md): its BMC's power reading. A host whose BMC
// reads on runs (cut off from its peers, or its agent crashed and is
// being restarted); the planner (cluster/verdict's rules) then waits for
// its lease deadline rather than fencing it, and its VMs, at once. Off is
// dead, confirmed; no answer leaves the lease and the watchdog to decide. Readings are
// taken with the fence account, and count only when asked after the
// membership's verdict began.
type powerOpinions struct {
	self string
	// read reads a peer's power (no answer: err).
	read func(ctx context.Context, host string) (fencing.Power, error)
	log  interface{ Info(string, ...any) }

	mu     sync.Mutex
	got    map[string]powerReading
	asking map[string]bool
}

type powerReading struct {
	power fencing.Power
	err   error     // no answer
	asked time.Time // when the request was sent: the reading is from after it
}

func newPowerOpinions(h *Host) *powerOpinions {
	return &powerOpinions{self: h.name, read: h.readPower, log: h.log, got: map[string]powerReading{}, asking: map[string]bool{}}
}

// annotate adds the BMC's word to every observation of a peer the
// membership says is dead, asking the BMC (in the background, bounded by
// ctx) when no reading since the verdict exists yet.
func (po *powerOpinions) annotate(ctx context.Context, obs []planner.Observation) {
	po.mu.Lock()
	defer po.mu.Unlock()
	for i, o := range obs {
		if o.Host == po.self || o.Member != planner.MemberDead {
			continue
		}
		if r, ok := po.got[o.Host]; ok && !r.asked.Before(o.Since) {
			obs[i].BMC, obs[i].BMCErr = verdict.BMCReport{Power: r.power}, r.err
			continue
		}
		obs[i].BMCErr = verdict.ErrPending
		if !po.asking[o.Host] {
			po.asking[o.Host] = true
			go po.ask(ctx, o.Host)
		}
	}
}

// ask reads host's power and records whether it read on (an error
// counts as not on).
func (po *powerOpinions) ask(ctx context.Context, host string) {
	asked := time.Now()
	rctx, cancel := context.WithTimeout(ctx, powerTimeout)
	power, err := po.read(rctx, host)
	cancel()
	if err != nil {
		po.log.Info("second opinion: no power reading from the BMC", "host", host, "err", err)
		power = ""
	} else {
		po.log.Info("second opinion: power read through the BMC", "host", host, "power", power)
	}
	po.mu.Lock()
	po.got[host] = powerReading{power: power, err: err, asked: asked}
	delete(po.asking, host)
	po.mu.Unlock()
}

// readPower reads host's power through the first of its fence levels.
func (h *Host) readPower(ctx context.Context, host string) (fencing.Power, error) {
	levels, ok := h.fenceLevels(host)
	if !ok || len(levels.Levels) == 0 {
		return "", fmt.Errorf("host %s: no BMC to ask", host)
	}
	f, err := levels.Levels[0].Open(ctx)
	if err != nil {
		return "", err
	}
	defer f.Close()
	return f.Power(ctx)
}
