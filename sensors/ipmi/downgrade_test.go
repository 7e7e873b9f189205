package ipmi

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/rmcp/rmcptest"
)

// TestDowngradeRefused: a man in the middle rewrites the Open Session
// Request to weaker algorithms; both ends agree on them and only the
// comparison with what was asked for catches it.
func TestDowngradeRefused(t *testing.T) {
	sim := startSim(t)
	cfg, _ := simConfig(t, sim)

	// Control: through a relay that changes nothing, the session opens.
	clean := rmcptest.StartDowngradeRelay(t, sim.Addr(), 0x01, 0x01)
	cfg.Host, cfg.Port = "127.0.0.1", clean.Port()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r := New(cfg)
	if _, err := r.Poll(ctx); err != nil {
		t.Fatalf("through a transparent relay: %v", err)
	}
	r.Close()

	// Integrity and confidentiality forced to none (suite 3 asked, the
	// equivalent of suite 1 negotiated).
	mitm := rmcptest.StartDowngradeRelay(t, sim.Addr(), 0x00, 0x00)
	cfg.Port = mitm.Port()
	r = New(cfg)
	defer r.Close()
	_, err := r.Poll(ctx)
	if !errors.Is(err, ErrWeakCipher) {
		t.Fatalf("downgraded session: Poll = %v, want ErrWeakCipher", err)
	}
	if !strings.Contains(err.Error(), "confidentiality") || strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("error %q should name the algorithms and never the password", err)
	}
	t.Logf("refused: %v", err)
}
