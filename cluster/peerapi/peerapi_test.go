package peerapi

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/replica"
	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/internal/pkitest"
)

// A peer without a certificate from the cluster CA is refused before any
// handler runs: one with another CA's certificate and one with none. The
// refusals are counted, and the foreign peer's command changed nothing. A
// server with another CA's certificate is refused by the client.
func TestPeerWithoutClusterCertRefused(t *testing.T) {
	c := newTestCluster(t, 3, 0, nil)
	l := c.leader(15 * time.Second)
	c.mustApply(registerCmd("n1"), registerCmd("n2"), registerCmd("n3"))
	before := l.node.State().Index()

	foreignCA := pkitest.NewCA(t, "other CA")
	// The foreign certificate even names a host of the cluster.
	foreignCfg, err := replica.LoadTLS(foreignCA.Issue(t, "n2"))
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := NewClient(foreignCfg)
	if err != nil {
		t.Fatal(err)
	}
	defer foreign.Close()

	refused := l.srv.Refused()
	if _, err := foreign.Apply(ctxT(t, 5*time.Second), l.addr, vmCmd("intruder")); err == nil {
		t.Fatal("apply with a foreign CA's certificate succeeded")
	}
	if _, err := foreign.Renew(ctxT(t, 5*time.Second), l.addr, RenewRequest{Holder: "n2", Seq: 1}); err == nil {
		t.Fatal("renew with a foreign CA's certificate succeeded")
	}
	// The server counts a refusal just after its alert reached the client.
	for deadline := time.Now().Add(5 * time.Second); l.srv.Refused()-refused < 2; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("leader counted %d refused handshakes, want ≥ 2", l.srv.Refused()-refused)
		}
	}

	// No client certificate at all, straight TLS with the right ALPN.
	noCert := &tls.Config{MinVersion: tls.VersionTLS13, NextProtos: []string{ALPN, "http/1.1"}, RootCAs: l.tls.RootCAs, ServerName: "127.0.0.1"}
	conn, err := tls.Dial("tcp", l.addr, noCert)
	if err == nil {
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		_, err = conn.Write([]byte("GET /v1/status HTTP/1.1\r\nHost: x\r\n\r\n"))
		if err == nil {
			buf := make([]byte, 64)
			_, err = conn.Read(buf)
		}
		conn.Close()
	}
	if err == nil {
		t.Fatal("a client without a certificate got an answer")
	}
	if _, ok := l.node.State().VM("intruder"); ok || l.node.State().Index() != before {
		t.Fatalf("the foreign peer changed the state (index %d → %d)", before, l.node.State().Index())
	}

	// The client refuses a server from another CA, before sending.
	fake := NewMux(mustListen(t), c.log)
	defer fake.Close()
	go func() {
		for {
			conn, err := fake.API().Accept()
			if err != nil {
				return
			}
			go tls.Server(conn, foreignCfg).Handshake()
		}
	}()
	if _, err := l.client.Status(ctxT(t, 5*time.Second), fake.Addr().String()); !errors.Is(err, ErrUnreachable) {
		t.Fatalf("status of a server from another CA = %v, want ErrUnreachable", err)
	}
}

func mustListen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// A host renews its own lease; it cannot renew another host's, even
// through a forwarded lease command; a certificate naming no registered
// host renews nothing.
func TestHostRenewsOnlyItsOwnLease(t *testing.T) {
	c := newTestCluster(t, 3, 0, nil)
	l := c.leader(15 * time.Second)
	c.mustApply(registerCmd("n1"), registerCmd("n2"), registerCmd("n3"))
	f := c.follower(l)
	other := "n1"
	if f.id == other {
		other = "n2"
	}

	r, err := f.fwd.Renew(ctxT(t, 10*time.Second), RenewRequest{Holder: f.id, BootID: "boot-" + f.id, Seq: 1})
	if err != nil {
		t.Fatalf("%s renews its own lease: %v", f.id, err)
	}
	if !r.Reply.Granted || r.Reply.Epoch != 1 || r.Reply.Seq != 1 {
		t.Fatalf("%s's first renewal = %+v, want granted at epoch 1 for seq 1", f.id, r.Reply)
	}
	if err := r.Check(5 * time.Second); err != nil {
		t.Fatalf("timely renewal judged %v (rtt %v)", err, r.RTT())
	}
	r, err = f.fwd.Renew(ctxT(t, 10*time.Second), RenewRequest{Holder: f.id, Epoch: 1, Seq: 2})
	if err != nil || !r.Reply.Granted || r.Reply.Epoch != 1 {
		t.Fatalf("%s renews epoch 1 = %+v, %v; want granted", f.id, r.Reply, err)
	}
	before, _ := l.node.State().Lease(other)

	_, err = f.fwd.Renew(ctxT(t, 10*time.Second), RenewRequest{Holder: other, Seq: 3})
	if !errors.Is(err, ErrForbidden) {
		t.Fatalf("%s renews %s's lease = %v, want ErrForbidden", f.id, other, err)
	}
	_, err = f.fwd.Apply(ctxT(t, 10*time.Second), &state.GrantLease{Holder: other, Expiry: time.Now().Add(time.Hour)})
	if !errors.Is(err, ErrForbidden) {
		t.Fatalf("%s forwards a GrantLease for %s = %v, want ErrForbidden", f.id, other, err)
	}
	_, err = f.fwd.Apply(ctxT(t, 10*time.Second), registerCmd(other))
	if !errors.Is(err, ErrForbidden) {
		t.Fatalf("%s registers host %s = %v, want ErrForbidden", f.id, other, err)
	}
	if after, _ := l.node.State().Lease(other); after != before {
		t.Fatalf("%s's lease changed %+v → %+v", other, before, after)
	}

	// A valid certificate for a name that is no registered host.
	stranger := c.clientAs("n9")
	if _, err := stranger.Renew(ctxT(t, 5*time.Second), l.addr, RenewRequest{Holder: "n9", Seq: 1}); !errors.Is(err, ErrForbidden) {
		t.Fatalf("unregistered n9 renews = %v, want ErrForbidden", err)
	}
	if _, err := stranger.Apply(ctxT(t, 5*time.Second), l.addr, vmCmd("vm-n9")); !errors.Is(err, ErrForbidden) {
		t.Fatalf("unregistered n9 forwards a command = %v, want ErrForbidden", err)
	}
}

// Commands forwarded from followers reach the leader; the state machine's
// refusal keeps its class across the wire; a follower answers with a typed
// redirect; after the leader is killed, forwarding from the survivors
// works again once a new leader is elected.
func TestForwardAcrossLeaderChange(t *testing.T) {
	c := newTestCluster(t, 3, 0, nil)
	l := c.leader(15 * time.Second)
	f := c.follower(l)

	if _, err := f.fwd.Apply(ctxT(t, 10*time.Second), vmCmd("vm1")); err != nil {
		t.Fatalf("forward CreateVM from %s: %v", f.id, err)
	}
	if _, ok := l.node.State().VM("vm1"); !ok {
		t.Fatal("the leader does not hold vm1 after the forward returned")
	}
	_, err := f.fwd.Apply(ctxT(t, 10*time.Second), vmCmd("vm1"))
	if !errors.Is(err, state.ErrExists) {
		t.Fatalf("forwarding a duplicate CreateVM = %v, want state.ErrExists", err)
	}
	_, err = f.client.Apply(ctxT(t, 5*time.Second), f.addr, vmCmd("vm2"))
	var nl *NotLeaderError
	if !errors.As(err, &nl) || !errors.Is(err, replica.ErrNotLeader) || nl.LeaderID != l.id || nl.LeaderAddr != l.addr {
		t.Fatalf("apply at follower %s = %v, want a redirect to %s at %s", f.id, err, l.id, l.addr)
	}
	if _, ok := l.node.State().VM("vm2"); ok {
		t.Fatal("the redirected command was applied")
	}

	old := l.id
	start := time.Now()
	c.stop(old)
	// Forward at once, while the survivors still name the dead leader:
	// the retries ride out the election.
	var wg sync.WaitGroup
	errs := make(map[string]error)
	var mu sync.Mutex
	for _, h := range c.live() {
		wg.Go(func() {
			_, err := h.fwd.Apply(ctxT(t, 20*time.Second), vmCmd("after-"+h.id))
			mu.Lock()
			errs[h.id] = err
			mu.Unlock()
		})
	}
	wg.Wait()
	took := time.Since(start)
	for id, err := range errs {
		if err != nil {
			t.Fatalf("forward from %s after killing leader %s: %v", id, old, err)
		}
	}
	nl2 := c.leader(15 * time.Second)
	for _, h := range c.live() {
		if _, ok := nl2.node.State().VM("after-" + h.id); !ok {
			t.Fatalf("new leader %s lacks after-%s", nl2.id, h.id)
		}
	}
	t.Logf("forwarding resumed %v after the leader was killed (new leader %s)", took.Round(time.Millisecond), nl2.id)
}

// A renewal whose reply comes back after the round-trip bound is rejected
// by the client-side check, although the leader granted it; the same
// reply within the bound is accepted.
func TestLateRenewalRejected(t *testing.T) {
	var delay sync.Map // holder → time.Duration
	c := newTestCluster(t, 3, 0, func(h *testHost) Renewer {
		return slowRenewer{next: LeaseGranter{Node: h.node, TTL: 10 * time.Second}, delay: &delay}
	})
	l := c.leader(15 * time.Second)
	c.mustApply(registerCmd("n1"), registerCmd("n2"), registerCmd("n3"))
	f := c.follower(l)
	const bound = 200 * time.Millisecond

	delay.Store(f.id, 600*time.Millisecond)
	r, err := f.fwd.Renew(ctxT(t, 10*time.Second), RenewRequest{Holder: f.id, Seq: 1})
	if err != nil {
		t.Fatalf("slow renewal: %v", err)
	}
	if !r.Reply.Granted {
		t.Fatalf("slow renewal not granted: %+v", r.Reply)
	}
	if err := r.Check(bound); !errors.Is(err, ErrLateReply) {
		t.Fatalf("reply after %v judged against %v = %v, want ErrLateReply", r.RTT(), bound, err)
	}

	delay.Store(f.id, time.Duration(0))
	r, err = f.fwd.Renew(ctxT(t, 10*time.Second), RenewRequest{Holder: f.id, Epoch: r.Reply.Epoch, Seq: 2})
	if err != nil || !r.Reply.Granted {
		t.Fatalf("prompt renewal = %+v, %v", r.Reply, err)
	}
	// Generous: the machine is shared. The bound is a protocol deadline.
	if err := r.Check(5 * time.Second); err != nil {
		t.Fatalf("prompt renewal judged %v", err)
	}
}

type slowRenewer struct {
	next  Renewer
	delay *sync.Map
}

func (s slowRenewer) Renew(ctx context.Context, now time.Time, req RenewRequest) (RenewReply, error) {
	reply, err := s.next.Renew(ctx, now, req)
	if d, ok := s.delay.Load(req.Holder); ok && d.(time.Duration) > 0 {
		time.Sleep(d.(time.Duration))
	}
	return reply, err
}

func TestCheckRoundTrip(t *testing.T) {
	sent := time.Now()
	tests := []struct {
		name     string
		received time.Time
		bound    time.Duration
		want     error
	}{
		{"within", sent.Add(99 * time.Millisecond), 100 * time.Millisecond, nil},
		{"at the bound", sent.Add(100 * time.Millisecond), 100 * time.Millisecond, nil},
		{"late", sent.Add(100*time.Millisecond + time.Nanosecond), 100 * time.Millisecond, ErrLateReply},
		{"very late", sent.Add(time.Hour), 100 * time.Millisecond, ErrLateReply},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckRoundTrip(sent, tt.received, tt.bound); !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("CheckRoundTrip(rtt %v, bound %v) = %v, want %v", tt.received.Sub(sent), tt.bound, err, tt.want)
			}
		})
	}
	for name, f := range map[string]func() error{
		"received before sent": func() error { return CheckRoundTrip(sent, sent.Add(-time.Millisecond), time.Second) },
		"zero bound":           func() error { return CheckRoundTrip(sent, sent, 0) },
		"no send time":         func() error { return CheckRoundTrip(time.Time{}, sent, time.Second) },
	} {
		if err := f(); err == nil {
			t.Errorf("CheckRoundTrip with %s = nil, want an error", name)
		}
	}
}

// A new host joins through a follower (redirected to the leader) as a
// non-voter when the cluster has its three voters, and is registered; a
// certificate cannot join under another name; the leader refuses a server
// whose own certificate does not name it.
func TestJoin(t *testing.T) {
	c := newTestCluster(t, 3, 2, nil)
	l := c.leader(15 * time.Second)
	f := c.follower(l)
	if f.id == "n4" || f.id == "n5" {
		t.Fatalf("follower %s is not a voter", f.id)
	}
	n4 := c.host("n4")
	reply, err := n4.client.JoinAny(ctxT(t, 15*time.Second), []string{f.addr}, JoinRequest{ID: "n4", Address: n4.addr, Host: registerCmd("n4")})
	if err != nil {
		t.Fatalf("n4 joins: %v", err)
	}
	if reply.Voter {
		t.Fatal("n4 joined as a voter; the cluster already had 3")
	}
	servers, err := l.node.Servers(ctxT(t, 5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(serversString(servers), "n4:non-voter") {
		t.Fatalf("servers after n4 joined: %s", serversString(servers))
	}
	if _, ok := l.node.State().Host("n4"); !ok {
		t.Fatal("n4 is not registered after its join")
	}

	n5 := c.host("n5")
	_, err = n5.client.Join(ctxT(t, 5*time.Second), l.addr, JoinRequest{ID: "n6", Address: n5.addr})
	if !errors.Is(err, ErrForbidden) {
		t.Fatalf("n5 joins as n6 = %v, want ErrForbidden", err)
	}
	// n5's certificate names n5, but the server at the address given is n4.
	_, err = n5.client.Join(ctxT(t, 10*time.Second), l.addr, JoinRequest{ID: "n5", Address: n4.addr})
	if !errors.Is(err, replica.ErrPeerRefused) {
		t.Fatalf("n5 joins with n4's address = %v, want replica.ErrPeerRefused", err)
	}
}

func serversString(ss []replica.Server) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.ID + ":" + suffrage(s.Voter) + " ")
	}
	return b.String()
}

func TestStatus(t *testing.T) {
	c := newTestCluster(t, 3, 0, nil)
	l := c.leader(15 * time.Second)
	f := c.follower(l)
	st, err := l.client.Status(ctxT(t, 5*time.Second), f.addr)
	if err != nil {
		t.Fatal(err)
	}
	if st.ID != f.id || st.IsLeader || st.LeaderID != l.id || st.LeaderAddr != l.addr || st.Cluster != "test" || len(st.Servers) != 3 {
		t.Fatalf("status of %s = %+v", f.id, st)
	}
}

// Bodies over the limit, unknown fields, a bad timeout header and a
// flood beyond MaxInFlight are refused with their class; nothing applies.
func TestRequestLimits(t *testing.T) {
	block := make(chan struct{})
	c := newTestCluster(t, 1, 0, func(h *testHost) Renewer { return blockingRenewer{block} })
	l := c.leader(15 * time.Second)
	c.mustApply(registerCmd("n1"))
	before := l.node.State().Index()

	big := &state.Place{}
	for i := range 20000 {
		big.Placements = append(big.Placements, state.Placement{VM: fmt.Sprintf("vm-%058d", i), Owner: "n1"})
	}
	if _, err := l.client.Apply(ctxT(t, 5*time.Second), l.addr, big); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("oversized apply = %v, want ErrTooLarge", err)
	}
	// A body the server reads past the limit (the client checks its own
	// encoding, so send one raw).
	var out applyReply
	raw := []byte(`{"entry": "` + strings.Repeat("A", MaxBodyBytes) + `"}`)
	if err := l.client.send(ctxT(t, 5*time.Second), "POST", l.addr, pathApply, raw, &out, false); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("apply of a %d-byte body = %v, want ErrTooLarge", MaxBodyBytes, err)
	}
	unknown := map[string]any{"entry": []byte{1}, "sudo": true}
	if err := l.client.do(ctxT(t, 5*time.Second), "POST", l.addr, pathApply, unknown, &out); !errors.Is(err, ErrBadRequest) {
		t.Fatalf("apply with an unknown field = %v, want ErrBadRequest", err)
	}
	if got := l.node.State().Index(); got != before {
		t.Fatalf("refused requests moved the index %d → %d", before, got)
	}

	// MaxInFlight: fill the server with blocked renewals.
	var wg sync.WaitGroup
	for range DefaultMaxInFlight {
		wg.Go(func() { l.client.Renew(ctxT(t, 20*time.Second), l.addr, RenewRequest{Holder: "n1", Seq: 1}) })
	}
	deadline := time.Now().Add(15 * time.Second)
	for len(l.srv.sem) < DefaultMaxInFlight {
		if time.Now().After(deadline) {
			t.Fatalf("only %d calls in flight", len(l.srv.sem))
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, err := l.client.Status(ctxT(t, 5*time.Second), l.addr); !errors.Is(err, ErrBusy) {
		t.Fatalf("call beyond MaxInFlight = %v, want ErrBusy", err)
	}
	close(block)
	wg.Wait()
	if _, err := l.client.Status(ctxT(t, 5*time.Second), l.addr); err != nil {
		t.Fatalf("status once the flood drained: %v", err)
	}
}

type blockingRenewer struct{ block chan struct{} }

func (b blockingRenewer) Renew(ctx context.Context, now time.Time, req RenewRequest) (RenewReply, error) {
	select {
	case <-b.block:
	case <-ctx.Done():
	}
	return RenewReply{Granted: true, Epoch: 1}, nil
}

// A caller's deadline travels with the call: the leader stops working on a
// renewal when its caller's time is up.
func TestCallerDeadlineTravels(t *testing.T) {
	got := make(chan time.Duration, 1)
	c := newTestCluster(t, 1, 0, func(h *testHost) Renewer {
		return deadlineRenewer{got}
	})
	l := c.leader(15 * time.Second)
	c.mustApply(registerCmd("n1"))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if _, err := l.client.Renew(ctx, l.addr, RenewRequest{Holder: "n1", Seq: 1}); err != nil {
		t.Fatal(err)
	}
	if left := <-got; left <= 0 || left > 2*time.Second {
		t.Fatalf("renewer saw %v left, want within (0, 2s]", left)
	}
}

type deadlineRenewer struct{ got chan time.Duration }

func (d deadlineRenewer) Renew(ctx context.Context, now time.Time, req RenewRequest) (RenewReply, error) {
	dl, ok := ctx.Deadline()
	left := time.Duration(-1)
	if ok {
		left = time.Until(dl)
	}
	d.got <- left
	return RenewReply{Granted: true, Epoch: 1}, nil
}

// recordingOperator is an Operator that remembers what it was asked and
// refuses readmissions.
type recordingOperator struct {
	id  string
	mu  sync.Mutex
	ops []string
}

func (o *recordingOperator) Operate(_ context.Context, _ time.Time, peer string, op Operation) (OperationReply, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.ops = append(o.ops, peer+" "+op.Kind+" "+op.Host)
	if op.Kind == OpReadmit {
		return OperationReply{}, fmt.Errorf("readmit %s: it is healthy", op.Host)
	}
	return OperationReply{Message: "done by " + o.id, Index: 7}, nil
}

// An operation sent to a follower reaches the leader's Operator, naming
// the caller by its certificate; the Operator's refusal comes back as
// ErrRefused with its words; an unknown kind is a bad request; a server
// without an Operator (a witness) answers ErrNoLeader.
func TestOperateOnLeader(t *testing.T) {
	ops := map[string]*recordingOperator{}
	var mu sync.Mutex
	c := newOperatorCluster(t, 3, func(h *testHost) Operator {
		mu.Lock()
		defer mu.Unlock()
		ops[h.id] = &recordingOperator{id: h.id}
		return ops[h.id]
	})
	l := c.leader(15 * time.Second)
	f := c.follower(l)
	reply, err := f.fwd.Operate(ctxT(t, 10*time.Second), Operation{Kind: OpDrain, Host: "n3"})
	if err != nil || reply.Message != "done by "+l.id || reply.Index != 7 {
		t.Fatalf("Operate(drain) from %s = %+v, %v; want the leader %s's reply", f.id, reply, err, l.id)
	}
	mu.Lock()
	got := slices.Clone(ops[l.id].ops)
	mu.Unlock()
	if len(got) != 1 || got[0] != f.id+" drain n3" {
		t.Errorf("leader's operator saw %q, want [%q]", got, f.id+" drain n3")
	}
	_, err = f.fwd.Operate(ctxT(t, 10*time.Second), Operation{Kind: OpReadmit, Host: "n2"})
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "readmit n2: it is healthy") {
		t.Errorf("Operate(readmit) = %v, want ErrRefused with the operator's words", err)
	}
	if _, err := f.client.Operate(ctxT(t, 5*time.Second), l.addr, Operation{Kind: OpHold, Host: l.id}); !errors.Is(err, ErrForbidden) {
		t.Errorf("Operate(hold of %s) from %s = %v, want ErrForbidden: a host asks holds for itself only", l.id, f.id, err)
	}
	if _, err := f.client.Operate(ctxT(t, 5*time.Second), l.addr, Operation{Kind: OpHold, Host: f.id}); err != nil {
		t.Errorf("Operate(hold of itself) from %s = %v", f.id, err)
	}
	if _, err := f.client.Operate(ctxT(t, 5*time.Second), l.addr, Operation{Kind: "reboot"}); !errors.Is(err, ErrBadRequest) {
		t.Errorf("Operate(reboot) = %v, want ErrBadRequest", err)
	}

	plain := newTestCluster(t, 1, 0, nil)
	pl := plain.leader(15 * time.Second)
	if _, err := pl.client.Operate(ctxT(t, 5*time.Second), pl.addr, Operation{Kind: OpDrain, Host: "n1"}); !errors.Is(err, ErrNoLeader) {
		t.Errorf("Operate on a server without an Operator = %v, want ErrNoLeader", err)
	}
}

// Extra routes answer members only, know who calls (PeerFrom), keep their
// errors' class across the wire, and may stream.
func TestExtraRoutes(t *testing.T) {
	c := newExtraCluster(t, 2, func(h *testHost) http.Handler {
		mux := http.NewServeMux()
		mux.HandleFunc("POST /v1/x/echo", func(w http.ResponseWriter, r *http.Request) {
			var in struct{ Word string }
			if err := ReadRequest(r, &in); err != nil {
				WriteError(w, h.id, err)
				return
			}
			if in.Word == "no" {
				WriteError(w, h.id, fmt.Errorf("%w: %s says no", ErrRefused, h.id))
				return
			}
			WriteReply(w, map[string]string{"peer": PeerFrom(r.Context()), "word": in.Word})
		})
		mux.HandleFunc("GET /v1/x/count", func(w http.ResponseWriter, r *http.Request) {
			if err := LiftWriteDeadline(w); err != nil {
				WriteError(w, h.id, err)
				return
			}
			for i := range 3 {
				fmt.Fprintf(w, "%d\n", i)
				w.(http.Flusher).Flush()
			}
		})
		return mux
	})
	l := c.leader(15 * time.Second)
	f := c.follower(l)
	var out map[string]string
	if err := f.client.Call(ctxT(t, 5*time.Second), http.MethodPost, l.addr, "/v1/x/echo", map[string]string{"word": "hi"}, &out); err != nil || out["peer"] != f.id || out["word"] != "hi" {
		t.Fatalf("Call(echo) = %v, %v; want the word back and the caller %s", out, err, f.id)
	}
	if err := f.client.Call(ctxT(t, 5*time.Second), http.MethodPost, l.addr, "/v1/x/echo", map[string]string{"word": "no"}, &out); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "says no") {
		t.Errorf("Call(echo no) = %v, want ErrRefused with the words", err)
	}
	if err := f.client.Call(ctxT(t, 5*time.Second), http.MethodPost, l.addr, "/v1/x/echo", map[string]any{"word": "x", "extra": 1}, &out); !errors.Is(err, ErrBadRequest) {
		t.Errorf("Call with an unknown field = %v, want ErrBadRequest", err)
	}
	if err := f.client.Call(ctxT(t, 5*time.Second), http.MethodPost, l.addr, "/v1/apply", nil, &out); !errors.Is(err, ErrBadRequest) {
		t.Errorf("Call outside the extra prefix = %v, want ErrBadRequest", err)
	}
	body, err := f.client.Stream(ctxT(t, 5*time.Second), http.MethodGet, l.addr, "/v1/x/count", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(body)
	body.Close()
	if err != nil || string(b) != "0\n1\n2\n" {
		t.Errorf("Stream(count) = %q, %v", b, err)
	}
}

// CallIdempotent reuses one kept-alive connection across calls (an idle
// agent's poll pays no TLS handshake per call); Call dials every time.
func TestCallIdempotentKeepsConnection(t *testing.T) {
	c := newExtraCluster(t, 2, func(h *testHost) http.Handler {
		mux := http.NewServeMux()
		mux.HandleFunc("POST /v1/x/read", func(w http.ResponseWriter, r *http.Request) {
			var in struct{ After int }
			if err := ReadRequest(r, &in); err != nil {
				WriteError(w, h.id, err)
				return
			}
			WriteReply(w, map[string]int{"next": in.After + 1})
		})
		return mux
	})
	l := c.leader(15 * time.Second)
	cl := c.clientAs(c.follower(l).id)
	var dials atomic.Int64
	for _, hc := range []*http.Client{cl.hc, cl.hcOnce} {
		tr := hc.Transport.(*http.Transport)
		dial := tr.DialTLSContext
		tr.DialTLSContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			dials.Add(1)
			return dial(ctx, network, addr)
		}
	}
	const calls = 4
	for i := range calls {
		var out map[string]int
		if err := cl.CallIdempotent(ctxT(t, 5*time.Second), http.MethodPost, l.addr, "/v1/x/read", map[string]int{"after": i}, &out); err != nil || out["next"] != i+1 {
			t.Fatalf("CallIdempotent(read %d) = %v, %v; want next %d", i, out, err, i+1)
		}
	}
	if n := dials.Load(); n != 1 {
		t.Errorf("%d CallIdempotent calls dialled %d times, want once", calls, n)
	}
	dials.Store(0)
	for i := range 2 {
		var out map[string]int
		if err := cl.Call(ctxT(t, 5*time.Second), http.MethodPost, l.addr, "/v1/x/read", map[string]int{"after": i}, &out); err != nil {
			t.Fatalf("Call(read) = %v", err)
		}
	}
	if n := dials.Load(); n != 2 {
		t.Errorf("2 Calls dialled %d times, want twice (a connection each)", n)
	}
	if err := cl.CallIdempotent(ctxT(t, 5*time.Second), http.MethodPost, l.addr, "/v1/apply", nil, nil); !errors.Is(err, ErrBadRequest) {
		t.Errorf("CallIdempotent outside the extra prefix = %v, want ErrBadRequest", err)
	}
}
