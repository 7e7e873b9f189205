package clusterhost

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/cluster/executor"
	"github.com/vigil-ha/vigil/cluster/peerapi"
	"github.com/vigil-ha/vigil/netfabric"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/vms"
)

// MigrateOptions are the agent's live-migration settings (its VM runner's,
// vms.Config.Migrate): QEMU aims for a 20 ms pause at the switchover and
// may raise that up to 300 ms, throttling the vCPUs first, only for a
// guest that dirties memory faster than the link carries. A 100 ms aim
// paused a 1 GiB idle guest about as long as QEMU's defaults do (test's
// BenchmarkMigratePause measures the guest's real pause, STOP to RESUME,
// on this path with the network hooks and on QMP alone).
var MigrateOptions = qmp.MigrateOptions{AutoConverge: true, DowntimeLimit: 20 * time.Millisecond, MaxDowntime: 300 * time.Millisecond}

// A live migration between agents: the leader sends its order to the
// source (orderPath); the source's VM runner (vms.Host.Migrate) reaches the
// target through a remote Destination: the target's network hooks and its
// receiving side, the destination QEMU's monitor included, each call one
// route of the peer API's Extra routes on the target. The target checks
// that the caller is the host the state places the VM on, at the
// generation just below the one it is to receive.
const (
	migPrefix   = peerapi.ExtraPrefix + "migrate/"
	orderPath   = migPrefix + "order"
	preparePath = migPrefix + "prepare"
	abortPath   = migPrefix + "abort"
	receivePath = migPrefix + "receive"
	qmpPath     = migPrefix + "qmp"
	eventsPath  = migPrefix + "events"
	watchPath   = migPrefix + "watch"
	killPath    = migPrefix + "kill"
	probePath   = migPrefix + "probe"
	settlePath  = migPrefix + "settle"
)

// migrateTimeout bounds one migration as the leader waits for it.
const migrateTimeout = 10 * time.Minute

// Wire shapes of the migration routes.
type (
	vmRequest      struct{ VM string }
	prepareRequest struct {
		VM   string
		Taps []netfabric.Tap
	}
	receiveRequest struct {
		VM   vms.VM
		From string
	}
	receiveReply struct{ URI string }
	qmpRequest   struct {
		VM   string
		Cmd  string
		Args json.RawMessage `json:",omitempty"`
	}
	qmpReply struct {
		Return json.RawMessage `json:",omitempty"`
		// Class and Desc are QEMU's error; Closed: the monitor is gone.
		Class, Desc string `json:",omitempty"`
		Closed      bool   `json:",omitempty"`
	}
	probeReply    struct{ Status string }
	settleRequest struct {
		VM     string
		Commit bool
		Detail string
	}
	// streamLine is one line of the events and watch streams.
	streamLine struct {
		Ready  bool            `json:",omitempty"`
		Exited bool            `json:",omitempty"`
		Name   string          `json:",omitempty"`
		Data   json.RawMessage `json:",omitempty"`
		Time   time.Time       `json:",omitzero"`
	}
)

// orderReq is an order handed to the executor loop, which answers on done.
type orderReq struct {
	o    executor.MigrateOrder
	done chan executor.MigrateResult
}

// migrationHandler serves the migration routes.
func (h *Host) migrationHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+orderPath, h.serveOrder)
	mux.HandleFunc("POST "+preparePath, h.serveIncoming(h.prepare))
	mux.HandleFunc("POST "+abortPath, h.serveIncoming(h.abort))
	mux.HandleFunc("POST "+receivePath, h.serveReceive)
	mux.HandleFunc("POST "+qmpPath, h.serveIncoming(h.qmpCall))
	mux.HandleFunc("GET "+eventsPath, h.serveStream(false))
	mux.HandleFunc("GET "+watchPath, h.serveStream(true))
	mux.HandleFunc("POST "+killPath, h.serveIncoming(h.kill))
	mux.HandleFunc("POST "+probePath, h.serveIncoming(h.probe))
	mux.HandleFunc("POST "+settlePath, h.serveIncoming(h.settle))
	return mux
}

func (h *Host) fail(w http.ResponseWriter, err error) { peerapi.WriteError(w, h.name, err) }

// serveOrder takes the leader's order as the source and answers once the
// migration ended.
func (h *Host) serveOrder(w http.ResponseWriter, r *http.Request) {
	var o executor.MigrateOrder
	if err := peerapi.ReadRequest(r, &o); err != nil {
		h.fail(w, err)
		return
	}
	if leader, _ := h.node.Leader(); peerapi.PeerFrom(r.Context()) != leader {
		h.fail(w, fmt.Errorf("%w: migration orders come from the leader %q, not %s", peerapi.ErrForbidden, leader, peerapi.PeerFrom(r.Context())))
		return
	}
	res, err := h.runOrder(r.Context(), o)
	if err != nil {
		h.fail(w, err)
		return
	}
	peerapi.WriteReply(w, res)
}

// runOrder hands an order to the executor loop and waits for its result.
func (h *Host) runOrder(ctx context.Context, o executor.MigrateOrder) (executor.MigrateResult, error) {
	req := orderReq{o: o, done: make(chan executor.MigrateResult, 1)}
	select {
	case h.exec.orders <- req:
	case <-ctx.Done():
		return executor.MigrateResult{}, ctx.Err()
	}
	select {
	case res := <-req.done:
		return res, nil
	case <-ctx.Done():
		return executor.MigrateResult{}, ctx.Err()
	}
}

// serveIncoming decodes a call about one VM and answers with fn's reply.
func (h *Host) serveIncoming(fn func(ctx context.Context, peer string, body []byte) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var raw json.RawMessage
		if err := peerapi.ReadRequest(r, &raw); err != nil {
			h.fail(w, err)
			return
		}
		reply, err := fn(r.Context(), peerapi.PeerFrom(r.Context()), raw)
		if err != nil {
			h.fail(w, err)
			return
		}
		peerapi.WriteReply(w, reply)
	}
}

func decodeStrict(b []byte, v any) error {
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%w: %v", peerapi.ErrBadRequest, err)
	}
	return nil
}

// checkSource refuses a migration call from a host that the state does
// not place the VM on, at the generation right below gen (0: any).
func (h *Host) checkSource(peer, vm string, gen uint64) error {
	v, ok := h.node.State().VM(vm)
	switch {
	case !ok:
		return fmt.Errorf("%w: vm %s is not in the state here", peerapi.ErrForbidden, vm)
	case v.Owner != peer:
		return fmt.Errorf("%w: vm %s is %q's in the state here, not %s's", peerapi.ErrForbidden, vm, v.Owner, peer)
	case gen != 0 && gen != v.Generation+1:
		return fmt.Errorf("%w: vm %s at generation %d here; %s offers %d", peerapi.ErrForbidden, vm, v.Generation, peer, gen)
	}
	return nil
}

func (h *Host) prepare(ctx context.Context, peer string, body []byte) (any, error) {
	var req prepareRequest
	if err := decodeStrict(body, &req); err != nil {
		return nil, err
	}
	if err := h.checkSource(peer, req.VM, 0); err != nil {
		return nil, err
	}
	if len(req.Taps) == 0 {
		return struct{}{}, nil
	}
	if h.net == nil {
		return nil, fmt.Errorf("%w: %s has no fabric_file: no bridge for vm %s's taps", peerapi.ErrRefused, h.name, req.VM)
	}
	return struct{}{}, h.net.PlugVM(ctx, req.Taps)
}

func (h *Host) abort(ctx context.Context, peer string, body []byte) (any, error) {
	var req vmRequest
	if err := decodeStrict(body, &req); err != nil {
		return nil, err
	}
	if err := h.checkSource(peer, req.VM, 0); err != nil {
		return nil, err
	}
	if h.net == nil {
		return struct{}{}, nil
	}
	return struct{}{}, h.net.UnplugVM(ctx, req.VM)
}

func (h *Host) serveReceive(w http.ResponseWriter, r *http.Request) {
	var req receiveRequest
	if err := peerapi.ReadRequest(r, &req); err != nil {
		h.fail(w, err)
		return
	}
	peer := peerapi.PeerFrom(r.Context())
	if req.From != peer {
		h.fail(w, fmt.Errorf("%w: %s may not send a migration from %s", peerapi.ErrForbidden, peer, req.From))
		return
	}
	if err := h.checkSource(peer, req.VM.ID(), req.VM.Generation); err != nil {
		h.fail(w, err)
		return
	}
	inc, err := h.runner.Receive(r.Context(), req.VM, peer)
	if err != nil {
		h.fail(w, fmt.Errorf("%w: %w", peerapi.ErrRefused, err))
		return
	}
	h.migMu.Lock()
	h.incoming[req.VM.ID()] = inc
	h.migMu.Unlock()
	peerapi.WriteReply(w, receiveReply{URI: inc.URI()})
}

// incomingOf is the destination QEMU received for vm, for a call from the
// source.
func (h *Host) incomingOf(peer, vm string) (vms.Incoming, error) {
	h.migMu.Lock()
	inc := h.incoming[vm]
	h.migMu.Unlock()
	if inc == nil {
		return nil, fmt.Errorf("%w: no incoming migration of vm %s here", peerapi.ErrRefused, vm)
	}
	return inc, h.checkSource(peer, vm, 0)
}

func (h *Host) qmpCall(ctx context.Context, peer string, body []byte) (any, error) {
	var req qmpRequest
	if err := decodeStrict(body, &req); err != nil {
		return nil, err
	}
	inc, err := h.incomingOf(peer, req.VM)
	if err != nil {
		return nil, err
	}
	var args any
	if len(req.Args) > 0 {
		args = req.Args
	}
	var ret json.RawMessage
	err = inc.Monitor().Run(ctx, req.Cmd, args, &ret)
	var qe *qmp.Error
	switch {
	case err == nil:
		return qmpReply{Return: ret}, nil
	case errors.As(err, &qe):
		return qmpReply{Class: qe.Class, Desc: qe.Desc}, nil
	case errors.Is(err, qmp.ErrClosed):
		return qmpReply{Closed: true}, nil
	}
	return nil, err
}

func (h *Host) kill(ctx context.Context, peer string, body []byte) (any, error) {
	var req vmRequest
	if err := decodeStrict(body, &req); err != nil {
		return nil, err
	}
	inc, err := h.incomingOf(peer, req.VM)
	if err != nil {
		return nil, err
	}
	return struct{}{}, inc.Kill(ctx)
}

func (h *Host) probe(ctx context.Context, peer string, body []byte) (any, error) {
	var req vmRequest
	if err := decodeStrict(body, &req); err != nil {
		return nil, err
	}
	if err := h.checkSource(peer, req.VM, 0); err != nil {
		return nil, err
	}
	st, err := h.runner.Probe(ctx, req.VM)
	return probeReply{Status: st}, err
}

func (h *Host) settle(ctx context.Context, peer string, body []byte) (any, error) {
	var req settleRequest
	if err := decodeStrict(body, &req); err != nil {
		return nil, err
	}
	if err := h.checkSource(peer, req.VM, 0); err != nil {
		return nil, err
	}
	err := h.runner.Settle(ctx, req.VM, req.Commit, req.Detail)
	h.migMu.Lock()
	delete(h.incoming, req.VM)
	h.migMu.Unlock()
	if err == nil {
		h.poke()
	}
	return struct{}{}, err
}

// serveStream streams the destination QEMU's events, or (watch) whether it
// exited, one JSON line at a time, until it is gone or the caller leaves.
func (h *Host) serveStream(watch bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		inc, err := h.incomingOf(peerapi.PeerFrom(r.Context()), r.URL.Query().Get("vm"))
		if err != nil {
			h.fail(w, err)
			return
		}
		if err := peerapi.LiftWriteDeadline(w); err != nil {
			h.fail(w, err)
			return
		}
		enc := json.NewEncoder(w)
		flush := func() { w.(http.Flusher).Flush() }
		var events <-chan qmp.Event
		if !watch {
			ch, cancel := inc.Monitor().Subscribe(256)
			defer cancel()
			events = ch
		}
		enc.Encode(streamLine{Ready: true})
		flush()
		for {
			select {
			case <-r.Context().Done():
				return
			case <-inc.Exited():
				enc.Encode(streamLine{Exited: true})
				flush()
				return
			case ev, ok := <-events:
				if !ok {
					return
				}
				enc.Encode(streamLine{Name: ev.Name, Data: ev.Data, Time: ev.Time})
				flush()
			}
		}
	}
}

// destination is how the source reaches target for a migration
// (vms.Config.Destinations).
func (h *Host) destination(target string) (vms.Destination, error) {
	addr, err := h.peerAPIAddr(target)
	if err != nil {
		return vms.Destination{}, err
	}
	d := &remoteDest{h: h, target: target, addr: addr}
	return vms.Destination{Hooks: d, Receiver: d}, nil
}

// peerAPIAddr is host's raft (and peer API) address.
func (h *Host) peerAPIAddr(host string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if servers, err := h.node.Servers(ctx); err == nil {
		for _, s := range servers {
			if s.ID == host {
				return s.Address, nil
			}
		}
	}
	if hs, ok := h.node.State().Host(host); ok && hs.Addresses.Management != "" {
		return net.JoinHostPort(hs.Addresses.Management, strconv.Itoa(h.cfg.Cluster.RaftPort)), nil
	}
	return "", fmt.Errorf("host %s: no address known", host)
}

// remoteDest is a migration's target host as the source reaches it: its
// network hooks (this host's taps go after switchover) and its receiving
// side.
type remoteDest struct {
	h      *Host
	target string
	addr   string
	in     *remoteIncoming // the one Receive made
}

func (d *remoteDest) call(ctx context.Context, path string, in, out any) error {
	if out == nil {
		out = &struct{}{}
	}
	return d.h.client.Call(ctx, http.MethodPost, d.addr, path, in, out)
}

// PrepareTarget implements netfabric.Hooks: the VM's taps (as this host's
// fabric has them) on the target's bridges.
func (d *remoteDest) PrepareTarget(ctx context.Context, vm string) error {
	var taps []netfabric.Tap
	if d.h.net != nil {
		taps = d.h.net.VMTaps(vm)
	}
	return d.call(ctx, preparePath, prepareRequest{VM: vm, Taps: taps}, nil)
}

// AfterSwitchover implements netfabric.Hooks: this host's taps go.
func (d *remoteDest) AfterSwitchover(ctx context.Context, vm string) error {
	if d.h.net == nil {
		return nil
	}
	return d.h.net.UnplugVM(ctx, vm)
}

// AbortTarget implements netfabric.Hooks.
func (d *remoteDest) AbortTarget(ctx context.Context, vm string) error {
	return d.call(ctx, abortPath, vmRequest{VM: vm}, nil)
}

// Receive implements vms.Receiver.
func (d *remoteDest) Receive(ctx context.Context, vm vms.VM, from string) (vms.Incoming, error) {
	var reply receiveReply
	if err := d.call(ctx, receivePath, receiveRequest{VM: vm, From: from}, &reply); err != nil {
		return nil, err
	}
	in := &remoteIncoming{d: d, vm: vm.ID(), uri: reply.URI, exited: make(chan struct{})}
	wctx, cancel := context.WithCancel(context.Background())
	in.stop = cancel
	d.in = in
	body, err := d.h.client.Stream(wctx, http.MethodGet, d.addr, watchPath+"?vm="+url.QueryEscape(in.vm), nil)
	if err != nil {
		cancel()
		close(in.exited)
		return in, nil // the destination is gone already: Exited says so
	}
	go func() {
		defer body.Close()
		defer close(in.exited)
		sc := bufio.NewScanner(body)
		for sc.Scan() {
			var l streamLine
			if json.Unmarshal(sc.Bytes(), &l) == nil && l.Exited {
				return
			}
		}
	}()
	return in, nil
}

// Probe implements vms.Receiver.
func (d *remoteDest) Probe(ctx context.Context, id string) (string, error) {
	var reply probeReply
	err := d.call(ctx, probePath, vmRequest{VM: id}, &reply)
	return reply.Status, err
}

// Settle implements vms.Receiver; it ends the watch of the destination.
func (d *remoteDest) Settle(ctx context.Context, id string, commit bool, detail string) error {
	err := d.call(ctx, settlePath, settleRequest{VM: id, Commit: commit, Detail: detail}, nil)
	if d.in != nil && d.in.vm == id {
		d.in.stop()
	}
	return err
}

// remoteIncoming is the destination QEMU on the target.
type remoteIncoming struct {
	d      *remoteDest
	vm     string
	uri    string
	exited chan struct{}
	stop   context.CancelFunc
}

func (in *remoteIncoming) Monitor() qmp.Monitor    { return remoteMonitor{in} }
func (in *remoteIncoming) URI() string             { return in.uri }
func (in *remoteIncoming) Exited() <-chan struct{} { return in.exited }
func (in *remoteIncoming) Kill(ctx context.Context) error {
	err := in.d.call(ctx, killPath, vmRequest{VM: in.vm}, nil)
	if err == nil {
		select {
		case <-in.exited:
		case <-ctx.Done():
		}
	}
	return err
}

// remoteMonitor is the destination QEMU's monitor, through the target's
// agent.
type remoteMonitor struct{ in *remoteIncoming }

// Run implements qmp.Monitor.
func (m remoteMonitor) Run(ctx context.Context, cmd string, args, result any) error {
	req := qmpRequest{VM: m.in.vm, Cmd: cmd}
	if args != nil {
		b, err := json.Marshal(args)
		if err != nil {
			return fmt.Errorf("qmp %s: %w", cmd, err)
		}
		req.Args = b
	}
	var reply qmpReply
	if err := m.in.d.call(ctx, qmpPath, req, &reply); err != nil {
		return fmt.Errorf("qmp %s on %s: %w", cmd, m.in.d.target, err)
	}
	switch {
	case reply.Closed:
		return fmt.Errorf("qmp %s on %s: %w", cmd, m.in.d.target, qmp.ErrClosed)
	case reply.Class != "":
		return &qmp.Error{Command: cmd, Class: reply.Class, Desc: reply.Desc}
	case result != nil && len(reply.Return) > 0:
		return json.Unmarshal(reply.Return, result)
	}
	return nil
}

// Subscribe implements qmp.Monitor: the target streams the destination's
// events from the moment it answers (waited for, at most 5 s).
func (m remoteMonitor) Subscribe(buf int) (<-chan qmp.Event, func()) {
	ch := make(chan qmp.Event, buf)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	var once sync.Once
	go func() {
		defer close(ch)
		defer once.Do(func() { close(ready) })
		body, err := m.in.d.h.client.Stream(ctx, http.MethodGet, m.in.d.addr, eventsPath+"?vm="+url.QueryEscape(m.in.vm), nil)
		if err != nil {
			return
		}
		defer body.Close()
		sc := bufio.NewScanner(body)
		sc.Buffer(make([]byte, 64<<10), 4<<20)
		for sc.Scan() {
			var l streamLine
			if json.Unmarshal(sc.Bytes(), &l) != nil {
				continue
			}
			switch {
			case l.Ready:
				once.Do(func() { close(ready) })
			case l.Exited:
				return
			case l.Name != "":
				ev := qmp.Event{Name: l.Name, Data: l.Data, Time: l.Time}
				select {
				case ch <- ev:
				default: // a slow reader loses the oldest, as qmp's own
					select {
					case <-ch:
					default:
					}
					ch <- ev
				}
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(5 * time.Second):
	}
	return ch, cancel
}

// Done implements qmp.Monitor: the destination QEMU exited, or its host
// can no longer be reached about it.
func (m remoteMonitor) Done() <-chan struct{} { return m.in.exited }

// Close implements qmp.Monitor: the connection is the target agent's, not
// this host's to close.
func (remoteMonitor) Close() error { return nil }

// mover is the planner's Mover: each order goes to its source (this host's
// executor loop when it is the source), whose answer comes back to the
// planner that gave it, if it still leads.
type mover struct {
	h   *Host
	gen uint64
}

func (m mover) Migrate(o executor.MigrateOrder) {
	go func() {
		h := m.h
		ctx, cancel := context.WithTimeout(context.Background(), migrateTimeout)
		defer cancel()
		var res executor.MigrateResult
		var err error
		if o.Source == h.name {
			res, err = h.runOrder(ctx, o)
		} else {
			var addr string
			if addr, err = h.peerAPIAddr(o.Source); err == nil {
				err = h.client.Call(ctx, http.MethodPost, addr, orderPath, o, &res)
			}
		}
		if err != nil {
			res = executor.MigrateResult{Order: o, Err: err.Error()}
		}
		h.lead.mu.Lock()
		defer h.lead.mu.Unlock()
		if h.lead.p == nil || h.lead.gen != m.gen {
			return // another leadership: the hosts' reports decide
		}
		dctx, dcancel := context.WithTimeout(h.lead.base, 10*time.Second)
		defer dcancel()
		h.lead.p.MigrateDone(dctx, time.Now(), res)
	}()
}
