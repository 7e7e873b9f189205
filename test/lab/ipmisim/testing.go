package ipmisim

import (
	"context"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// New starts a simulator for a test or benchmark, as lab.New does for a
// lab: it skips tb when ipmi_sim is not installed, puts the state in a fresh
// tb.TempDir() when cfg.Dir is empty, fails tb when the BMC does not come
// up within 20 s and closes it at cleanup.
func New(tb testing.TB, cfg Config) *Sim {
	tb.Helper()
	if err := Available(); err != nil {
		testenv.Unavailable(tb, "needs ipmi_sim: %v", err)
	}
	if cfg.Dir == "" {
		cfg.Dir = tb.TempDir()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	sim, err := Start(ctx, cfg)
	if err != nil {
		tb.Fatalf("ipmisim: start: %v", err)
	}
	tb.Cleanup(func() { sim.Close() })
	return sim
}
