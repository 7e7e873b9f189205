package qmp_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/digitalocean/go-qemu/qmp/raw"

	"github.com/vigil-ha/vigil/qmp"
)

// go-qemu's generated wrappers run on the hardened client, against QEMU.
func TestGoQEMUAdapter(t *testing.T) {
	needQEMU(t)
	vm := startVM(t, testSpec("goqemu"), shortDir(t), false)
	c := dial(t, vm.Paths.QMPAdmin)
	mon := raw.NewMonitor(c.GoQEMU(10 * time.Second))
	st, err := mon.QueryStatus()
	if err != nil || !st.Running {
		t.Fatalf("raw QueryStatus = %+v, %v", st, err)
	}
	// A reply over 64 KiB broke go-qemu's own socket monitor for good.
	schema, err := c.GoQEMU(20 * time.Second).Run([]byte(`{"execute":"query-qmp-schema"}`))
	if err != nil || len(schema) < 64<<10 {
		t.Fatalf("query-qmp-schema through go-qemu's API = %d bytes, %v", len(schema), err)
	}
	var reply struct {
		Return []json.RawMessage `json:"return"`
	}
	if err := json.Unmarshal(schema, &reply); err != nil || len(reply.Return) < 100 {
		t.Fatalf("schema reply: %d entries, %v", len(reply.Return), err)
	}
	_, err = c.GoQEMU(5 * time.Second).Run([]byte(`{"execute":"no-such"}`))
	var qe *qmp.Error
	if !errors.As(err, &qe) || qe.Class != qmp.ClassCommandNotFound {
		t.Errorf("unknown command through go-qemu's API = %v, want *qmp.Error CommandNotFound", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	events, err := c.GoQEMU(5 * time.Second).Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := mon.Stop(); err != nil {
		t.Fatalf("raw Stop: %v", err)
	}
	select {
	case ev := <-events:
		if ev.Event != "STOP" || ev.Timestamp.Seconds == 0 {
			t.Errorf("event = %+v, want STOP with a timestamp", ev)
		}
	case <-time.After(10 * time.Second):
		t.Error("no STOP event")
	}
	cancel()
}
