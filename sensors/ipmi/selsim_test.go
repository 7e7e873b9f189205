package ipmi

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bougou/go-ipmi/pkg/types"

	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/internal/rmcp"
)

// TestSELCursorAcrossReaders: against a real ipmi_sim, each run is a new
// Reader given the cursor the previous one left (as `vigil health
// --history` and a restarted agent do). Every SEL record is reported once:
// not again when nothing was logged, nor when an old record is deleted
// (the SEL's erase time moves, but the remembered record is still there),
// and after `sel clear` exactly the records logged since.
func TestSELCursorAcrossReaders(t *testing.T) {
	sim := startSim(t)
	cfg, pwFile := simConfig(t, sim)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var cursor SELCursor
	run := func(what string, want int) {
		t.Helper()
		r := NewWithCursor(cfg, cursor)
		defer r.Close()
		p := poll(t, r)
		if len(p.Events) != want {
			var ids []string
			for _, ev := range p.Events {
				ids = append(ids, ev.ID)
			}
			t.Errorf("%s: %d SEL events %v, want %d (cursor before %+v)", what, len(p.Events), ids, want, cursor)
		}
		cursor = r.Cursor()
	}
	for range 3 {
		if err := sim.RaiseECC(ctx, true); err != nil {
			t.Fatal(err)
		}
	}
	run("first run", 3)
	run("second run, nothing logged", 0)

	ipmitool(t, sim, pwFile, "sel", "delete", "1")
	run("after deleting the oldest record", 0)
	if err := sim.RaiseECC(ctx, true); err != nil {
		t.Fatal(err)
	}
	run("one more record", 1)

	ipmitool(t, sim, pwFile, "sel", "clear")
	run("after sel clear", 0)
	for range 2 {
		if err := sim.RaiseECC(ctx, true); err != nil {
			t.Fatal(err)
		}
	}
	run("two records after the clear", 2)
	run("and again nothing", 0)
	if cursor.LastID == 0 || !cursor.Valid {
		t.Errorf("final cursor %+v does not remember a record", cursor)
	}
	t.Logf("final cursor: last record %s, stamp %d, %d marks", strconv.Itoa(int(cursor.LastID)), cursor.Stamp, len(cursor.Marks))
}

// TestOwnRecordsNotEvents: vigil's own SEL records (internal/bmc/ownlog,
// written by alert/bmclog with Add SEL Entry) on a real ipmi_sim are never
// reported as hardware events, while a hardware record logged between them
// still is, and the cursor moves past both.
func TestOwnRecordsNotEvents(t *testing.T) {
	sim := startSim(t)
	cfg, _ := simConfig(t, sim)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r := New(cfg)
	defer r.Close()
	poll(t, r) // the cursor starts after what is logged now

	cl, _, err := rmcp.Open(ctx, rmcp.Session{Host: cfg.Host, Port: cfg.Port, User: cfg.User, Password: cfg.Password,
		Policy: cfg.Policy(), Privilege: types.PrivilegeLevelOperator, Timeout: time.Second, Retries: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close(ctx)
	addOwn := func(k ownlog.Kind, seq uint16) {
		t.Helper()
		raw := ownlog.SEL(time.Now(), ownlog.Code{Kind: k, Severity: ownlog.SeverityWarning, Seq: seq,
			Subject: ownlog.SubjectHash("h1", "FAN1")})
		if _, err := cl.AddSELEntry(ctx, &types.SEL{RecordType: types.SELRecordType(raw[2]),
			OEMTimestamped: &types.SELOEMTimestamped{Timestamp: time.Now(), ManufacturerID: ownlog.Manufacturer,
				OEMDefined: [6]byte(raw[10:16])}}); err != nil {
			t.Fatalf("add SEL entry: %v", err)
		}
	}
	addOwn(ownlog.KindRiskRaised, 1)
	if err := sim.RaiseECC(ctx, true); err != nil {
		t.Fatal(err)
	}
	addOwn(ownlog.KindRiskCleared, 2)
	addOwn(ownlog.KindReadmitted, 3)

	p := poll(t, r)
	if len(p.Events) != 1 || !strings.Contains(p.Events[0].State, "Correctable ECC") {
		t.Fatalf("events after 3 own records and 1 ECC error: %+v, want the ECC error alone", p.Events)
	}
	for _, ev := range p.Events {
		if ev.Component == "oem" {
			t.Errorf("own record reported as an event: %+v", ev)
		}
	}
	if p := poll(t, r); len(p.Events) != 0 {
		t.Errorf("second poll: %+v, want none", p.Events)
	}
}
