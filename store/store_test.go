package store_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/store/storetest"
	bolt "go.etcd.io/bbolt"
)

// clock is a settable time source for the store's bounds.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

var t0 = time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC)

func TestVMRecords(t *testing.T) {
	s := storetest.Open(t, store.Options{NoSync: true})
	r := store.VMRecord{ID: "vm1", PID: 4242, QMPSocket: "/run/vigil/vm1.qmp", Generation: 3, Started: t0}
	if err := s.PutVM(r); err != nil {
		t.Fatal(err)
	}
	got, err := s.VM("vm1")
	if err != nil || got.PID != 4242 || got.Generation != 3 || got.QMPSocket != r.QMPSocket {
		t.Fatalf("VM(vm1) = %+v, %v; want pid 4242 generation 3", got, err)
	}
	if err := s.PutVM(store.VMRecord{ID: "vm1", PID: 1, Generation: 2}); !errors.Is(err, store.ErrStaleGeneration) {
		t.Fatalf("PutVM(generation 2 over 3) = %v, want ErrStaleGeneration", err)
	}
	if got, _ := s.VM("vm1"); got.PID != 4242 {
		t.Fatalf("a refused PutVM changed the record: %+v", got)
	}
	bad := []store.VMRecord{
		{ID: "", PID: 1, Generation: 1},
		{ID: "vm2", PID: -1, Generation: 1},
		{ID: "vm2", PID: 1, Generation: 0},
		{ID: strings.Repeat("x", 256), PID: 1, Generation: 1},
	}
	for _, b := range bad {
		if err := s.PutVM(b); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("PutVM(%+v) = %v, want ErrInvalid", b, err)
		}
	}
	if err := s.PutVM(store.VMRecord{ID: "vm0", PID: 7, Generation: 1}); err != nil {
		t.Fatal(err)
	}
	all, err := s.VMs()
	if err != nil || len(all) != 2 || all[0].ID != "vm0" || all[1].ID != "vm1" {
		t.Fatalf("VMs() = %+v, %v; want vm0, vm1", all, err)
	}
	if err := s.DeleteVM("vm1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.VM("vm1"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("VM(deleted) = %v, want ErrNotFound", err)
	}
}

func TestIntentsSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vigil.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fence, err := s.OpenIntent(store.Intent{Kind: store.IntentFence, Host: "host-b", Detail: "suspect for 12s"})
	if err != nil {
		t.Fatal(err)
	}
	mig, err := s.OpenIntent(store.Intent{Kind: store.IntentMigrate, VM: "vm1", Host: "host-a", Target: "host-c", Generation: 4})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CloseIntent(fence, "done", "confirmed off"); err != nil {
		t.Fatal(err)
	}
	if err := s.CloseIntent(fence, "done", ""); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("closing a closed intent = %v, want ErrNotFound", err)
	}
	if _, err := s.OpenIntent(store.Intent{Kind: "reboot", Host: "x"}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("OpenIntent(kind reboot) = %v, want ErrInvalid", err)
	}
	if _, err := s.OpenIntent(store.Intent{Kind: store.IntentStart}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("OpenIntent(start without vm) = %v, want ErrInvalid", err)
	}
	s.Close()

	s, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	open, err := s.OpenIntents()
	if err != nil {
		t.Fatal(err)
	}
	if len(open) != 1 || open[0].ID != mig || open[0].Kind != store.IntentMigrate || open[0].Target != "host-c" || open[0].Generation != 4 {
		t.Fatalf("OpenIntents() after reopen = %+v, want only migrate intent %d", open, mig)
	}
	if p := s.Pending(); len(p) != 1 || p[0].ID != mig {
		t.Fatalf("Pending() after reopen = %+v, want migrate intent %d", p, mig)
	}
	evs, err := s.Events(0, 0)
	if err != nil || len(evs) != 1 || evs[0].Kind != "intent.closed" || evs[0].Subject != "host-b" || !strings.Contains(evs[0].Evidence, "confirmed off") {
		t.Fatalf("Events() = %+v, %v; want one intent.closed for host-b", evs, err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestAuditBounds(t *testing.T) {
	c := &clock{t: t0}
	opts := store.Options{NoSync: true, Now: c.now, MaxAuditBytes: 4000, MaxAuditAge: time.Hour, MaxEvidence: 100}
	s := storetest.Open(t, opts)

	// Evidence is cut at the limit, on a rune boundary, and says so.
	long := strings.Repeat("é", 80) // 160 bytes
	seq, err := s.Append(store.Event{Kind: "detect", Subject: "host-b", Message: "fan failing", Evidence: long})
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Events(seq-1, 1)
	if len(evs) != 1 || len(evs[0].Evidence) != 100 || evs[0].EvidenceBytes != 160 {
		t.Fatalf("evidence kept %d bytes (EvidenceBytes %d), want 100 (160)", len(evs[0].Evidence), evs[0].EvidenceBytes)
	}

	// Size bound: many events, the total stays under the bound and the
	// newest survive.
	var last uint64
	for i := range 200 {
		c.t = c.t.Add(time.Second)
		last, err = s.Append(store.Event{Kind: "detect", Message: "reading", Evidence: strings.Repeat("x", i%50)})
		if err != nil {
			t.Fatal(err)
		}
	}
	evs, _ = s.Events(0, 0)
	if len(evs) == 0 || len(evs) >= 200 || evs[len(evs)-1].Seq != last {
		t.Fatalf("after 200 appends under a 4000-byte bound: %d events kept, newest %d (want newest %d, fewer than 200)", len(evs), evs[len(evs)-1].Seq, last)
	}

	// Age bound: two hours later one append prunes everything older than
	// an hour.
	c.t = c.t.Add(2 * time.Hour)
	last, _ = s.Append(store.Event{Kind: "detect", Message: "later"})
	evs, _ = s.Events(0, 0)
	if len(evs) != 1 || evs[0].Seq != last {
		t.Fatalf("after the age bound passed: %d events, want only the newest", len(evs))
	}
	if _, err := s.Append(store.Event{Message: "no kind"}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("Append(no kind) = %v, want ErrInvalid", err)
	}
}

func TestSampleRings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vigil.db")
	s, err := store.Open(path, store.Options{NoSync: true, SampleCapacity: 5})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		err := s.AppendSamples(t0.Add(time.Duration(i)*time.Second), map[string]float64{
			"ipmi:host-b/FAN1":     float64(9000 - 100*i),
			"ipmi:host-b/CPU Temp": float64(40 + i),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Samples("ipmi:host-b/FAN1")
	if err != nil || len(got) != 5 {
		t.Fatalf("Samples(FAN1) = %d samples, %v; want 5", len(got), err)
	}
	for i, smp := range got {
		want := float64(9000 - 100*(7+i))
		if smp.Value != want || !smp.Time.Equal(t0.Add(time.Duration(7+i)*time.Second)) {
			t.Errorf("sample %d = %v at %v, want %v at +%ds", i, smp.Value, smp.Time, want, 7+i)
		}
	}
	keys, _ := s.SampleKeys()
	if len(keys) != 2 {
		t.Fatalf("SampleKeys() = %q, want 2 keys", keys)
	}
	if none, err := s.Samples("nope"); none != nil || err != nil {
		t.Fatalf("Samples(unknown) = %v, %v; want nil, nil", none, err)
	}
	if err := s.AppendSample("", t0, 1); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("AppendSample(empty key) = %v, want ErrInvalid", err)
	}
	s.Close()

	// A smaller capacity on reopen trims the rings at once.
	s, err = store.Open(path, store.Options{NoSync: true, SampleCapacity: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, _ = s.Samples("ipmi:host-b/CPU Temp")
	if len(got) != 3 || got[0].Value != 49 || got[2].Value != 51 {
		t.Fatalf("after shrinking to 3: %+v, want 49, 50, 51", got)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestFenceRecords(t *testing.T) {
	s := storetest.Open(t, store.Options{NoSync: true, MaxFences: 3})
	for i := range 5 {
		f := store.FenceRecord{
			Host: "host-b", Action: "off", Started: t0.Add(time.Duration(i) * time.Minute),
			Finished: t0.Add(time.Duration(i)*time.Minute + 900*time.Millisecond), Confirmed: true, Power: "off", Level: "ipmi",
			Attempts: []store.FenceAttempt{{Level: "ipmi", Driver: "ipmi", Target: "10.0.0.2:623", Started: t0, Elapsed: 900 * time.Millisecond, Power: "off", Confirmed: true}},
		}
		if _, err := s.AddFence(f); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.FencesSince(time.Time{})
	if err != nil || len(all) != 3 || all[0].ID != 3 || all[2].ID != 5 {
		t.Fatalf("FencesSince(zero) = %d records, %v; want ids 3..5", len(all), err)
	}
	recent, _ := s.FencesSince(t0.Add(4 * time.Minute))
	if len(recent) != 1 || recent[0].Attempts[0].Elapsed != 900*time.Millisecond {
		t.Fatalf("FencesSince(+4m) = %+v, want the last record with its attempt timing", recent)
	}
	bad := store.FenceRecord{Host: "host-b", Action: "off", Started: t0, Confirmed: true, Power: "on"}
	if _, err := s.AddFence(bad); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("AddFence(confirmed off but power on) = %v, want ErrInvalid", err)
	}
}

func TestMigrationFromV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vigil.db")
	old, err := store.OpenAt(path, store.Options{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	// A v1 file has audit events but no byte counter and no sample bucket.
	err = old.DB().Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("audit")).Put([]byte{0, 0, 0, 0, 0, 0, 0, 1}, []byte("\x01"+`{"seq":1,"time":"2026-11-22T01:00:00Z","kind":"detect","message":"old"}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := old.Schema(); v != 1 {
		t.Fatalf("old file schema = %d, want 1", v)
	}
	old.Close()

	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Schema(); v != store.SchemaVersion {
		t.Fatalf("migrated schema = %d, want %d", v, store.SchemaVersion)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check after migration: %v", err)
	}
	if err := s.AppendSample("k", t0, 1); err != nil {
		t.Fatalf("samples after migration: %v", err)
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vigil.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.DB().Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 99}) })
	s.Close()
	if _, err := store.Open(path, store.Options{}); !errors.Is(err, store.ErrSchemaTooNew) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open(schema 99) = %v, want ErrSchemaTooNew naming the file", err)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vigil.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Fatalf("fresh store: %v", err)
	}
	s.DB().Update(func(tx *bolt.Tx) error {
		tx.Bucket([]byte("vms")).Put([]byte("vm9"), []byte("\x01{\"id\":\"vm9\",\"pid\":1,\"generation\":0}"))
		return tx.Bucket([]byte("meta")).Put([]byte("audit.bytes"), make([]byte, 8))
	})
	s.DB().Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("audit")).Put([]byte{0, 0, 0, 0, 0, 0, 0, 9}, []byte("garbage"))
	})
	err = s.Check()
	for _, want := range []string{"vms/", "generation 0", "audit/", "unknown record format"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check() = %v, want it to mention %q", err, want)
		}
	}
	if _, err := s.VMs(); !errors.Is(err, store.ErrCorrupt) {
		t.Fatalf("VMs() over a damaged record = %v, want ErrCorrupt", err)
	}
}

func TestSecondOpenIsLockedOut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vigil.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	_, err = store.Open(path, store.Options{LockTimeout: 200 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "locked") {
		t.Fatalf("second Open = %v, want a lock error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("second Open took %v, want about the 200ms lock timeout", d)
	}
}
