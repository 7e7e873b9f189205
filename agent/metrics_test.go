package agent

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/alert/alerttest"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/store"
)

func scrape(t *testing.T, addr string) (string, error) {
	t.Helper()
	c := &http.Client{Timeout: 30 * time.Second}
	resp, err := c.Get("http://" + addr + "/metrics")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// TestScrapeNeverWaitsForTheBMC: /metrics is served from the last
// round's cached state. With the BMC's poll wedged (its reader ignores
// its context and never returns), a scrape still answers, with the
// values of the round before, while that poll is still stuck.
func TestScrapeNeverWaitsForTheBMC(t *testing.T) {
	newNotifySocket(t, 0)
	cfg := testConfig(t)
	cfg.Metrics.Listen = "127.0.0.1:0"
	r := &wedgeReader{release: make(chan struct{})}
	sink := alerttest.New("syslog")
	a, err := New(cfg, Options{Sources: map[string]sensors.Reader{SourceBMC: r},
		StoreOptions: store.Options{NoSync: true}, Sinks: []alert.Sink{sink}})
	if err != nil {
		t.Fatal(err)
	}
	stop := running(t, a)
	var addr string
	eventually(t, "the metrics listener", func() bool {
		a.mu.Lock()
		defer a.mu.Unlock()
		addr = a.metricsAddr
		return addr != ""
	})
	eventually(t, "a first round in the metrics", func() bool {
		body, err := scrape(t, addr)
		return err == nil && strings.Contains(body, `vigil_fan_speed_rpm{sensor="FAN1",source="ipmi"} 5000`)
	})
	r.wedge()
	eventually(t, "the BMC's poll to wedge", func() bool { return r.blocked() })
	for range 3 {
		start := time.Now()
		body, err := scrape(t, addr)
		if err != nil {
			t.Fatalf("scrape while the BMC hangs: %v", err)
		}
		for _, want := range []string{`vigil_bmc_up{source="ipmi"} 1`, `vigil_fan_speed_rpm{sensor="FAN1",source="ipmi"} 5000`,
			"vigil_host_risk 0", `vigil_alert_delivered_total{sink="syslog"}`, "go_goroutines", "process_open_fds"} {
			if !strings.Contains(body, want) {
				t.Errorf("scrape while the BMC hangs lacks %q", want)
			}
		}
		if !r.blocked() {
			t.Fatal("the poll returned: the test proves nothing")
		}
		t.Logf("scrape with the BMC wedged took %v", time.Since(start).Round(time.Microsecond))
	}
	close(r.release)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// wedgeReader answers with a healthy fan until wedged, then blocks,
// ignoring its context, until released: a BMC driver stuck in a read.
type wedgeReader struct {
	mu      sync.Mutex
	wedged  bool
	inPoll  bool
	release chan struct{}
}

func (r *wedgeReader) Poll(ctx context.Context) (*sensors.Poll, error) {
	r.mu.Lock()
	wedged := r.wedged
	r.inPoll = wedged
	r.mu.Unlock()
	if wedged {
		<-r.release
		r.mu.Lock()
		r.inPoll = false
		r.mu.Unlock()
	}
	return fanPoll(5000), nil
}

func (r *wedgeReader) Close() error { return nil }

func (r *wedgeReader) wedge() {
	r.mu.Lock()
	r.wedged = true
	r.mu.Unlock()
}

func (r *wedgeReader) blocked() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.inPoll
}
