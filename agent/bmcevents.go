package agent

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"math/bits"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/redfish"
)

// DefaultEventsCheck is how often the agent asks its Redfish BMC whether
// it still has the agent's event subscription.
const DefaultEventsCheck = 30 * time.Second

// eventsPath is where the agent's HTTPS listener serves the Receiver.
const eventsPath = "/vigil/events"

// bmcEvent is one event the BMC sent, on its way to the main loop.
type bmcEvent struct {
	via string // push or sse
	ev  sensors.Event
}

// eventQueue is how many BMC events may wait for the main loop; more are
// dropped (and counted): the next poll reads the BMC's state anyway.
const eventQueue = 64

// follower follows this host's Redfish BMC's events: pushed to its own
// HTTPS listener through an authenticated redfish.Receiver (bmc.events_listen),
// or the BMC's Server-Sent Events stream where there is no listener or the
// BMC refuses push subscriptions. It hands every event to the main loop
// without blocking.
//
// Push: on start it deletes the subscriptions an earlier run of this agent
// left on the BMC (their Context starts "vigil HOST "), subscribes, asks
// the BMC every check interval whether the subscription is still there and
// subscribes again when the BMC dropped it; on shutdown it unsubscribes.
type follower struct {
	r       *redfish.Reader
	target  string
	rc      *redfish.Receiver // nil: SSE only
	srv     *http.Server
	ln      net.Listener
	check   time.Duration
	timeout time.Duration
	out     chan<- bmcEvent
	log     *slog.Logger

	dropped atomic.Uint64
	done    chan struct{}
}

// newFollower binds the push listener (an error when the address cannot
// be bound: the config is wrong) and builds the Receiver; nothing is sent
// to the BMC before run.
func newFollower(r *redfish.Reader, target, host, listen, advertise string, check, timeout time.Duration,
	out chan<- bmcEvent, log *slog.Logger) (*follower, error) {
	f := &follower{r: r, target: target, check: check, timeout: timeout, out: out, log: log, done: make(chan struct{})}
	if listen == "" {
		return f, nil
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return nil, fmt.Errorf("bmc.events_listen: %w", err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	cert, err := selfSigned(advertise)
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("bmc.events_listen: certificate: %w", err)
	}
	url := "https://" + net.JoinHostPort(advertise, strconv.Itoa(port)) + eventsPath
	rc, err := redfish.NewReceiver(redfish.ReceiverConfig{URL: url, Tag: host, Logger: log})
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("bmc.events_listen: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle(eventsPath+"/", rc)
	f.rc, f.ln = rc, tls.NewListener(ln, &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}})
	f.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second,
		WriteTimeout: 15 * time.Second, IdleTimeout: time.Minute, MaxHeaderBytes: 16 << 10,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelDebug)}
	log.Info("receiving pushed BMC events", "url", url)
	return f, nil
}

// selfSigned makes the listener's certificate for host: BMCs push to it
// without checking it (most do not verify event destinations); what keeps
// forged events out is the Receiver's per-subscription secret, which TLS
// keeps off the wire.
func selfSigned(host string) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		return tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{SerialNumber: serial, Subject: pkix.Name{CommonName: "vigil events " + host},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(1, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	if a, err := netip.ParseAddr(host); err == nil {
		tmpl.IPAddresses = []net.IP{a.AsSlice()}
	} else {
		tmpl.DNSNames = []string{host}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}

// deliver hands events to the main loop without blocking (the Receiver
// calls it from its HTTP handler, SSE from its stream).
func (f *follower) deliver(via string, evs []sensors.Event) {
	for _, ev := range evs {
		select {
		case f.out <- bmcEvent{via: via, ev: ev}:
		default:
			if n := f.dropped.Add(1); bits.OnesCount64(n) == 1 {
				f.log.Warn("BMC events arrive faster than the agent takes them: dropped (the next poll reads the BMC's state)", "dropped", n)
			}
		}
	}
}

// run follows the BMC's events until ctx ends, then unsubscribes and
// stops the listener. It closes f.done when it is over.
func (f *follower) run(ctx context.Context) {
	defer close(f.done)
	if f.rc == nil {
		f.stream(ctx)
		return
	}
	served := make(chan struct{})
	go func() {
		defer close(served)
		if err := f.srv.Serve(f.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			f.log.Error("event listener", "err", err)
		}
	}()
	defer func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = f.srv.Shutdown(sctx)
		<-served
	}()
	if !f.push(ctx) {
		f.stream(ctx)
	}
}

// push keeps a push subscription until ctx ends (true), or reports false
// when the BMC refuses push subscriptions (SSE may still work).
func (f *follower) push(ctx context.Context) bool {
	var sub *redfish.Subscription
	defer func() {
		if sub == nil {
			return
		}
		uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), f.timeout)
		defer cancel()
		if err := f.r.Unsubscribe(uctx, sub); err != nil {
			f.log.Warn("could not remove the event subscription from the BMC", "subscription", sub.URI, "err", err.Error())
			return
		}
		f.log.Info("event subscription removed", "subscription", sub.URI)
	}()
	pruned := false
	told := map[bmc.Kind]bool{}
	warn := func(what string, err error) {
		level := slog.LevelDebug
		if k := bmc.KindOf(err); !told[k] {
			told[k], level = true, slog.LevelWarn
		}
		f.log.Log(ctx, level, what, "err", err.Error())
	}
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return true
		case <-t.C:
		}
		cctx, cancel := context.WithTimeout(ctx, f.timeout)
		next := f.check
		switch {
		case !pruned:
			if err := f.prune(cctx); err != nil {
				warn("could not list the BMC's event subscriptions", err)
				break
			}
			pruned, next = true, 0
		case sub == nil:
			s, err := f.r.Subscribe(cctx, f.rc, func(evs []sensors.Event) { f.deliver("push", evs) })
			if errors.Is(err, bmc.ErrUnsupported) {
				cancel()
				f.log.Warn("the BMC refuses push subscriptions: following its event stream (SSE) instead", "err", err.Error())
				return false
			}
			if err != nil {
				warn("could not subscribe to the BMC's events", err)
				break
			}
			sub = s
			clear(told)
			f.log.Info("subscribed to the BMC's events", "subscription", sub.URI)
		default:
			err := f.r.CheckSubscription(cctx, sub)
			if errors.Is(err, redfish.ErrSubscriptionGone) {
				f.log.Warn("the BMC dropped the event subscription: subscribing again", "subscription", sub.URI, "why", err.Error())
				_ = f.r.Unsubscribe(cctx, sub) // its slot in the Receiver; the BMC's copy is gone or not ours
				sub, next = nil, 0
				break
			}
			if err != nil {
				warn("could not check the event subscription", err)
			}
		}
		cancel()
		t.Reset(next)
	}
}

// prune deletes the subscriptions an earlier run of this agent left on the
// BMC (a crash, a kill -9, a BMC that was away at shutdown): every one
// whose Context starts with the Receiver's prefix, since this run has made
// none yet.
func (f *follower) prune(ctx context.Context) error {
	subs, err := f.r.Subscriptions(ctx)
	if err != nil {
		return err
	}
	prefix := f.rc.ContextPrefix()
	for _, s := range subs {
		if len(s.Context) < len(prefix) || s.Context[:len(prefix)] != prefix {
			continue
		}
		if err := f.r.DeleteSubscription(ctx, s.URI); err != nil {
			return err
		}
		f.log.Info("removed a stale event subscription of an earlier run", "subscription", s.URI, "context", s.Context)
	}
	return nil
}

// stream follows the BMC's SSE stream until ctx ends (StreamSSE reopens
// it after a failure); a BMC without one is said once.
func (f *follower) stream(ctx context.Context) {
	f.log.Info("following the BMC's event stream (SSE)")
	err := f.r.StreamSSE(ctx, func(ev sensors.Event) { f.deliver("sse", []sensors.Event{ev}) })
	if errors.Is(err, redfish.ErrNoSSE) {
		f.log.Warn("the BMC offers no event stream and no push listener is configured (bmc.events_listen): its events are seen at polls only")
	}
}

// wait blocks until run has returned.
func (f *follower) wait() { <-f.done }

// newFollower builds the follower of the Redfish BMC's events, or nil when
// the BMC is not Redfish (or the sources were injected).
func (a *Agent) newFollower() (*follower, error) {
	var s *source
	for _, x := range a.sources {
		if x.rf != nil {
			s = x
		}
	}
	if s == nil || a.cfg.BMC == nil {
		return nil, nil
	}
	check := a.opts.EventsCheck
	if check <= 0 {
		check = DefaultEventsCheck
	}
	return newFollower(s.rf, s.target, a.cfg.Host, a.cfg.BMC.EventsListen, a.cfg.BMC.EventsHost, check,
		a.cfg.BMC.Timeout, a.bmcEvents, a.log.With("component", "bmc-events"))
}

// bmcEventArrived records an event of the BMC in the audit log and says
// how many polls it asks for: one to see what changed, two for a warning
// or a critical event, since the predictor counts a worse reading only
// when two polls in a row show it (one glitched reading is not a failure)
// and the BMC has just said that this one is real.
func (a *Agent) bmcEventArrived(be bmcEvent) int {
	ev := be.ev
	target := ""
	for _, s := range a.sources {
		if s.rf != nil {
			target = s.target
		}
	}
	evidence := map[string]any{"source": SourceBMC, "target": target, "via": be.via, "severity": string(ev.Severity),
		"component": ev.Component, "kind": string(ev.Kind), "state": ev.State, "id": ev.ID}
	if !ev.Time.IsZero() {
		evidence["event_time"] = ev.Time
	}
	a.record(Event{Kind: KindBMCEvent, Message: fmt.Sprintf("BMC event (%s): %s", ev.Severity, ev.Message), Evidence: evidence})
	if ev.Severity == sensors.SeverityWarning || ev.Severity == sensors.SeverityCritical {
		return 2
	}
	return 1
}
