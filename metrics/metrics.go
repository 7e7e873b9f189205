package metrics

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/sensors/redfish"
)

// Path is where the metrics are served.
const Path = "/metrics"

// Config says where each family's values come from. Only Host is
// required; a nil source leaves its families out.
type Config struct {
	Host    HostSource
	Cluster ClusterSource
	// Alerts returns the alert fan-out's counters per sink
	// (alert.Fanout.Stats).
	Alerts func() []alert.SinkStats
	// Receiver returns the Redfish event receiver's counters
	// (redfish.Receiver.Stats).
	Receiver func() redfish.ReceiverStats
	// NoRuntime leaves out the Go and process collectors (tests that
	// compare output).
	NoRuntime bool
	Logger    *slog.Logger
}

// Metrics is vigil's private registry with its collectors.
type Metrics struct {
	reg *prometheus.Registry
	log *slog.Logger

	fences     *prometheus.CounterVec
	migrations *prometheus.CounterVec
	downtime   prometheus.Histogram
	recovery   prometheus.Histogram
}

// Buckets of the histograms, in seconds.
var (
	// DowntimeBuckets: a live migration's switchover pause, milliseconds
	// to seconds.
	DowntimeBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}
	// RecoveryBuckets: a failed host's VMs running again, the lab's
	// seconds to a real guest's minutes.
	RecoveryBuckets = []float64{0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600}
)

// New builds the registry.
func New(cfg Config) (*Metrics, error) {
	if cfg.Host == nil {
		return nil, errors.New("metrics: no host source")
	}
	m := &Metrics{reg: prometheus.NewRegistry(), log: cfg.Logger}
	if m.log == nil {
		m.log = slog.New(slog.DiscardHandler)
	}
	cs := []prometheus.Collector{hostCollector{src: cfg.Host}}
	if !cfg.NoRuntime {
		cs = append(cs, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	if cfg.Cluster != nil {
		m.fences = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "vigil_fences_total",
			Help: "Fences this host carried out, by driver (ipmi, redfish, watchdog) and result (confirmed, failed, ...)."}, []string{"driver", "result"})
		m.migrations = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "vigil_migrations_total",
			Help: "Live migrations this host took part in as the source, by result (completed, failed, cancelled; undecided when where the VM runs could not be established)."}, []string{"result"})
		m.downtime = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "vigil_migration_downtime_seconds",
			Help: "Switchover pause of each completed live migration.", Buckets: DowntimeBuckets})
		m.recovery = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "vigil_recovery_seconds",
			Help: "From a host's failure being declared to the last of its VMs running again elsewhere.", Buckets: RecoveryBuckets})
		cs = append(cs, clusterCollector{src: cfg.Cluster}, m.fences, m.migrations, m.downtime, m.recovery)
	}
	if cfg.Alerts != nil {
		cs = append(cs, alertCollector{stats: cfg.Alerts})
	}
	if cfg.Receiver != nil {
		cs = append(cs, receiverCollector{stats: cfg.Receiver})
	}
	for _, c := range cs {
		if err := m.reg.Register(c); err != nil {
			return nil, fmt.Errorf("metrics: %w", err)
		}
	}
	return m, nil
}

// Gatherer is the registry, for tests and other exporters.
func (m *Metrics) Gatherer() prometheus.Gatherer { return m.reg }

// Handler serves the registry in the text or protobuf exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorLog:            slog.NewLogLogger(m.log.Handler(), slog.LevelWarn),
		ErrorHandling:       promhttp.ContinueOnError,
		MaxRequestsInFlight: 4,
		Timeout:             10 * time.Second,
	})
}

// FenceDone counts a fence this host carried out. Without a cluster it
// does nothing.
func (m *Metrics) FenceDone(driver, result string) {
	if m.fences != nil {
		m.fences.WithLabelValues(driver, result).Inc()
	}
}

// MigrationDone counts a live migration by result and, when it
// completed, observes its downtime.
func (m *Metrics) MigrationDone(result string, downtime time.Duration) {
	if m.migrations == nil {
		return
	}
	m.migrations.WithLabelValues(result).Inc()
	if result == "completed" {
		m.downtime.Observe(downtime.Seconds())
	}
}

// Recovered observes how long a failed host's VMs took to run again.
func (m *Metrics) Recovered(d time.Duration) {
	if m.recovery != nil {
		m.recovery.Observe(d.Seconds())
	}
}

// Server serves /metrics on its own listener.
type Server struct {
	ln  net.Listener
	srv *http.Server
}

// Listen opens addr (metrics.listen, HOST:PORT) for m. Nothing is served
// before Serve.
func Listen(addr string, m *Metrics) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics.listen %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle(Path, m.Handler())
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(w, "vigil: metrics at %s\n", Path)
	})
	return &Server{ln: ln, srv: &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(m.log.Handler(), slog.LevelDebug)}}, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Serve serves until Shutdown; it returns nil then.
func (s *Server) Serve() error {
	if err := s.srv.Serve(s.ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Shutdown stops serving, letting running scrapes finish until ctx ends.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if err != nil {
		s.srv.Close()
	}
	s.ln.Close() // when Serve never ran
	return err
}
