package qmp_test

import (
	"context"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/qmp"
)

func TestLabMigrateIdle(t *testing.T) {
	p := newPair(t, "idle", 128, 0)
	hooked := false
	before := lastSeq(p.src.Paths.SerialLog, "idle")
	res, err := qmp.Migrate(ctx(t, 60*time.Second), p.src.Monitor(), p.dst.Monitor(), qmp.MigrateOptions{
		URI:          p.uri,
		AutoConverge: true,
		PreSwitchover: func(ctx context.Context) error {
			hooked = true
			return nil
		},
	})
	if err != nil {
		t.Fatalf("Migrate: %v (%+v)", err, res)
	}
	t.Logf("result: %+v", res)
	if res.Status != "completed" || res.TransferredBytes == 0 || res.TotalMs <= 0 {
		t.Errorf("result = %+v", res)
	}
	if !hooked {
		t.Error("pre-switchover hook not called")
	}
	p.checkOn(t, p.dst, before)
}
