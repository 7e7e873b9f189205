package agent

import (
	"context"
	"time"

	"github.com/vigil-ha/vigil/metrics"
)

// metricsObserver is what a Cluster implements to count fences,
// migrations and recoveries in the metrics; its gauges come from
// metrics.ClusterSource, which it implements too.
type metricsObserver interface {
	ObserveMetrics(o metrics.Observer)
}

// HostMetrics implements metrics.HostSource from the main loop's last
// round: a scrape never waits on a sensor poll.
func (a *Agent) HostMetrics() metrics.HostState {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.snap.metrics
}

// serveMetrics serves /metrics on metrics.listen until the returned stop
// is called.
func (a *Agent) serveMetrics() (stop func(), err error) {
	cfg := metrics.Config{Host: a, Alerts: a.events.sinks.Stats, Logger: a.log.With("component", "metrics")}
	if a.follower != nil && a.follower.rc != nil {
		cfg.Receiver = a.follower.rc.Stats
	}
	if cs, ok := a.cluster.(metrics.ClusterSource); ok {
		cfg.Cluster = cs
	}
	m, err := metrics.New(cfg)
	if err != nil {
		return nil, err
	}
	if o, ok := a.cluster.(metricsObserver); ok {
		o.ObserveMetrics(m)
	}
	srv, err := metrics.Listen(a.cfg.Metrics.Listen, m)
	if err != nil {
		return nil, err
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(); err != nil {
			a.log.Error("metrics server", "err", err)
		}
	}()
	a.mu.Lock()
	a.metricsAddr = srv.Addr().String()
	a.mu.Unlock()
	a.log.Info("serving metrics", "listen", srv.Addr().String())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		<-done
	}, nil
}
