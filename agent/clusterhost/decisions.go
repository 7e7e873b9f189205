package clusterhost

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/cluster/peerapi"
	"github.com/vigil-ha/vigil/store"
)

// The leader's decisions (dead, fence, fence-confirmed, placed, readmit,
// ...) are recorded in the leader's audit log. Every agent copies its
// peers' decisions into its own, so that `vigil events` on any host tells
// the cluster's story: each agent serves the decisions it took (evidence
// "leader" names it) on the peer API, and pulls them from where it left
// off: the leader's every decisionsPoll, the other peers' (a former
// leader's last decisions) every decisionsSlowPoll. A copy keeps the original's time,
// kind, subject and message, and adds to its evidence who recorded it and
// under which sequence number there (CopiedFrom, CopiedSeq): the cursor
// that keeps copies from repeating across restarts. Copies reach the
// event stream's followers but not the alert sinks (the deciding agent
// fed its own), and are never served on: each comes from its recorder.

// Evidence keys of a copy.
const (
	CopiedFrom = "recorded_by"
	CopiedSeq  = "recorded_seq"
)

const (
	decisionsPath = peerapi.ExtraPrefix + "decisions"
	// decisionsPoll is how often an agent asks each peer for its new
	// decisions; decisionsTimeout bounds one ask.
	decisionsPoll     = time.Second
	decisionsSlowPoll = 5 * time.Second
	decisionsTimeout  = 2 * time.Second
	// decisionsPage bounds the audit events one answer scans.
	decisionsPage = 500
)

// decisionsRequest asks for the decisions recorded after sequence number
// After.
type decisionsRequest struct {
	After uint64 `json:"after"`
}

// decisionsReply carries the decisions among the events scanned and
// Next, the last sequence number scanned (the asker's next After). More
// says the scan stopped at decisionsPage; without it Next is the newest
// in the audit log, and one below the asker's After means the log started
// over.
type decisionsReply struct {
	Events []store.Event `json:"events"`
	Next   uint64        `json:"next"`
	More   bool          `json:"more"`
}

// extraRoutes are the peer API routes this package serves: migrations'
// and decisions'.
func (h *Host) extraRoutes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle(peerapi.ExtraPrefix, h.migrationHandler())
	mux.HandleFunc("POST "+decisionsPath, h.serveDecisions)
	return mux
}

// serveDecisions answers a peer's ask for this host's decisions.
func (h *Host) serveDecisions(w http.ResponseWriter, r *http.Request) {
	var req decisionsRequest
	if err := peerapi.ReadRequest(r, &req); err != nil {
		h.fail(w, err)
		return
	}
	reply, err := decisionsAfter(h.st.Store, h.name, req.After)
	if err != nil {
		h.fail(w, err)
		return
	}
	peerapi.WriteReply(w, reply)
}

// decisionsAfter scans the audit log after after for the events self
// decided (evidence leader is self; copies left out).
func decisionsAfter(st *store.Store, self string, after uint64) (decisionsReply, error) {
	evs, err := st.Events(after, decisionsPage)
	if err != nil {
		return decisionsReply{}, err
	}
	reply := decisionsReply{Events: []store.Event{}, Next: after, More: len(evs) == decisionsPage}
	for _, ev := range evs {
		reply.Next = ev.Seq
		if decidedBy(ev) == self {
			reply.Events = append(reply.Events, ev)
		}
	}
	if len(evs) == 0 && after > 0 {
		// Nothing after: is after itself still (or once) in the log?
		// (Pruning never takes the newest event.)
		if last, err := st.Events(after-1, 1); err == nil && (len(last) == 0 || last[0].Seq != after) {
			reply.Next = newestSeq(st)
		}
	}
	return reply, nil
}

// newestSeq is the sequence number of the newest event in st's audit log
// (0: none).
func newestSeq(st *store.Store) uint64 {
	evs, err := st.Events(0, 0)
	if err != nil || len(evs) == 0 {
		return 0
	}
	return evs[len(evs)-1].Seq
}

// evidence is an audit event's evidence as an object (nil when it is not
// one: older writers' text, or cut).
func evidence(ev store.Event) map[string]any {
	var obj map[string]any
	if ev.EvidenceBytes > 0 || json.Unmarshal([]byte(ev.Evidence), &obj) != nil {
		return nil
	}
	return obj
}

// decidedBy is the leader that took the decision ev records, "" for
// events that are not a leader's, or copies.
func decidedBy(ev store.Event) string {
	obj := evidence(ev)
	if _, copied := obj[CopiedFrom]; copied {
		return ""
	}
	s, _ := obj["leader"].(string)
	return s
}

// copyOf is the copy of peer's event ev for this host's audit log.
func copyOf(peer string, ev store.Event) store.Event {
	obj := evidence(ev)
	if obj == nil {
		obj = map[string]any{"text": ev.Evidence}
	}
	obj[CopiedFrom], obj[CopiedSeq] = peer, ev.Seq
	b, _ := json.Marshal(obj)
	return store.Event{Time: ev.Time, Kind: ev.Kind, Subject: ev.Subject, Message: ev.Message, Evidence: string(b)}
}

// copiedCursors are, per peer, the newest of its sequence numbers copied
// into st's audit log.
func copiedCursors(st *store.Store) (map[string]uint64, error) {
	out := map[string]uint64{}
	var after uint64
	for {
		evs, err := st.Events(after, decisionsPage)
		if err != nil {
			return nil, err
		}
		for _, ev := range evs {
			after = ev.Seq
			obj := evidence(ev)
			peer, _ := obj[CopiedFrom].(string)
			seq, _ := obj[CopiedSeq].(float64)
			if peer != "" && uint64(seq) > out[peer] {
				out[peer] = uint64(seq)
			}
		}
		if len(evs) < decisionsPage {
			return out, nil
		}
	}
}

// decisionsLoop copies the peers' decisions into this host's audit log
// until ctx ends.
func (h *Host) decisionsLoop(ctx context.Context) {
	cursors, err := copiedCursors(h.st.Store)
	if err != nil {
		h.log.Error("peers' decisions: read the audit log", "err", err)
		return
	}
	var mu sync.Mutex // guards cursors
	tick := time.NewTicker(decisionsPoll)
	defer tick.Stop()
	var lastSlow time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		leader, _ := h.node.Leader()
		all := time.Since(lastSlow) >= decisionsSlowPoll
		if all {
			lastSlow = time.Now()
		}
		var wg sync.WaitGroup
		for _, hs := range h.node.State().Hosts() {
			if hs.Name == h.name || !all && hs.Name != leader {
				continue
			}
			wg.Go(func() {
				mu.Lock()
				after := cursors[hs.Name]
				mu.Unlock()
				next := h.copyDecisions(ctx, hs.Name, after)
				mu.Lock()
				cursors[hs.Name] = next
				mu.Unlock()
			})
		}
		wg.Wait()
	}
}

// copyDecisions copies peer's decisions after after into the audit log
// and returns the new cursor (after itself when the peer did not answer).
func (h *Host) copyDecisions(ctx context.Context, peer string, after uint64) uint64 {
	addr, err := h.peerAPIAddr(peer)
	if err != nil {
		return after
	}
	for {
		cctx, cancel := context.WithTimeout(ctx, decisionsTimeout)
		var reply decisionsReply
		// A read: kept-alive, not a TLS handshake per poll.
		err = h.client.CallIdempotent(cctx, http.MethodPost, addr, decisionsPath, decisionsRequest{After: after}, &reply)
		cancel()
		if err != nil {
			return after
		}
		if reply.Next < after {
			// The peer's audit log started over (a new store).
			h.log.Info("peers' decisions: the peer's audit log started over", "peer", peer, "had", after, "newest", reply.Next)
			after = 0
			continue
		}
		for _, ev := range reply.Events {
			if ev.Seq <= after {
				continue
			}
			if _, err := h.st.AppendCopy(copyOf(peer, ev)); err != nil {
				h.log.Warn("peers' decisions: append", "peer", peer, "seq", ev.Seq, "err", err)
				return after
			}
			after = ev.Seq
		}
		after = max(after, reply.Next)
		if !reply.More {
			return after
		}
	}
}
