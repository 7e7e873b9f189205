package ipmi

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/bougou/go-ipmi/pkg/command/storage"
	"github.com/bougou/go-ipmi/pkg/types"

	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/store/storetest"
)

// fakeSEL is a BMC's System Event Log as Get SEL Info and Get SEL Entry
// show it, with the behaviours real BMCs differ in: record IDs reused after
// a clear or not, a full SEL that overwrites its oldest records, a clock
// that ticks or stands still, IDs that wrap after 0xfffe.
type fakeSEL struct {
	recs          [][]byte
	nextID        uint16
	clock         uint32 // SEL time, seconds
	tick          uint32 // added to the clock after each record
	added, erased time.Time
	reuseIDs      bool // a clear starts IDs at 1 again
	capacity      int  // 0: unbounded; else the oldest record is overwritten
	gets          int
}

func newFakeSEL() *fakeSEL {
	return &fakeSEL{nextID: 1, clock: 1_780_000_000}
}

func (f *fakeSEL) stamp() time.Time { return time.Unix(int64(f.clock), 0) }

// add logs a standard record from sensor num (its content tells records
// apart), or a non-timestamped OEM record when oem is set.
func (f *fakeSEL) add(num byte, oem bool) {
	b := make([]byte, 16)
	binary.LittleEndian.PutUint16(b, f.nextID)
	if oem {
		b[2] = 0xe1
		copy(b[3:], "vigil-oem")
	} else {
		b[2] = 0x02
		binary.LittleEndian.PutUint32(b[3:7], f.clock)
		b[7], b[9], b[10], b[11], b[12], b[13] = 0x20, 0x04, 0x0c, num, 0x6f, 0x01
	}
	f.recs = append(f.recs, b)
	if f.capacity > 0 && len(f.recs) > f.capacity {
		f.recs = f.recs[1:]
	}
	f.nextID++
	if f.nextID == 0xffff {
		f.nextID = 1
	}
	f.added = f.stamp()
	f.clock += f.tick
}

// addOwn logs one of vigil's own records (alert/bmclog's OEM record).
func (f *fakeSEL) addOwn() {
	b := ownlog.SEL(f.stamp(), ownlog.Code{Kind: ownlog.KindRiskRaised})
	binary.LittleEndian.PutUint16(b[:], f.nextID)
	f.recs = append(f.recs, b[:])
	f.nextID++
	f.added = f.stamp()
	f.clock += f.tick
}

func (f *fakeSEL) clear() {
	f.recs = nil
	f.erased = f.stamp()
	if f.reuseIDs {
		f.nextID = 1
	}
}

// delete removes the record with id (Delete SEL Entry).
func (f *fakeSEL) delete(id uint16) {
	f.recs = slices.DeleteFunc(f.recs, func(b []byte) bool { return binary.LittleEndian.Uint16(b) == id })
	f.erased = f.stamp()
}

func (f *fakeSEL) Exchange(_ context.Context, req types.Request, res types.Response) error {
	switch q := req.(type) {
	case *storage.GetSELInfoRequest:
		r := res.(*storage.GetSELInfoResponse)
		r.Entries, r.RecentAdditionTime, r.RecentEraseTime = uint16(len(f.recs)), f.added, f.erased
		return nil
	case *storage.GetSELEntryRequest:
		f.gets++
		r := res.(*storage.GetSELEntryResponse)
		for i, b := range f.recs {
			if q.RecordID != 0 && binary.LittleEndian.Uint16(b) != q.RecordID {
				continue
			}
			r.Data, r.NextRecordID = slices.Clone(b), 0xffff
			if i+1 < len(f.recs) {
				r.NextRecordID = binary.LittleEndian.Uint16(f.recs[i+1])
			}
			return nil
		}
		return types.NewResponseError(ccEmpty, "requested record not present")
	}
	return fmt.Errorf("fakeSEL: unexpected %T", req)
}

// poller reads a fake SEL the way a Reader does and keeps the cursor in a
// store between polls, as the agent does between runs.
type poller struct {
	t   *testing.T
	sel *fakeSEL
	st  *store.Store
	c   SELCursor
}

func (p *poller) poll() []sensors.Event {
	p.t.Helper()
	evs, c, err := readSEL(context.Background(), p.sel, p.c, func(rec SELRecord) sensors.Event {
		return rec.Event(nil, time.Time{})
	}, func(id uint16, err error) { p.t.Errorf("record %d: %v", id, err) })
	if err != nil {
		p.t.Fatal(err)
	}
	if err := p.st.PutCursor(store.Cursor{Source: "ipmi:bmc/sel", SEL: &c}); err != nil {
		p.t.Fatal(err)
	}
	back, err := p.st.Cursor("ipmi:bmc/sel")
	if err != nil {
		p.t.Fatal(err)
	}
	p.c = *back.SEL
	return evs
}

func ids(evs []sensors.Event) []string {
	out := make([]string, len(evs))
	for i, ev := range evs {
		out[i] = ev.ID
	}
	return out
}

// TestSELCursorCountsEachRecordOnce: across polls, SEL clears (with and
// without reused record IDs, in the same second as the last record read),
// single deletions, a full SEL overwriting its oldest records, OEM records
// without a timestamp and record IDs wrapping after 0xfffe, every record
// is reported exactly once.
func TestSELCursorCountsEachRecordOnce(t *testing.T) {
	type step struct {
		do   func(f *fakeSEL)
		want []string // record IDs the poll after it reports
	}
	add := func(nums ...byte) func(f *fakeSEL) {
		return func(f *fakeSEL) {
			for _, n := range nums {
				f.add(n, false)
			}
		}
	}
	cases := []struct {
		name  string
		setup func(f *fakeSEL)
		steps []step
	}{
		{"incremental", nil, []step{
			{add(1, 2, 3), []string{"1", "2", "3"}},
			{nil, nil},
			{add(4, 5), []string{"4", "5"}},
		}},
		{"clear, IDs reused, same second", func(f *fakeSEL) { f.reuseIDs = true }, []step{
			{add(1, 2), []string{"1", "2"}},
			{func(f *fakeSEL) { f.clear(); add(3, 4, 5)(f) }, []string{"1", "2", "3"}},
			{nil, nil},
		}},
		{"clear, IDs reused, clock ticking", func(f *fakeSEL) { f.reuseIDs, f.tick = true, 1 }, []step{
			{add(1, 2, 3), []string{"1", "2", "3"}},
			{func(f *fakeSEL) { f.clear(); add(4, 5, 6, 7)(f) }, []string{"1", "2", "3", "4"}},
			{add(8), []string{"5"}},
		}},
		{"clear, IDs not reused", func(f *fakeSEL) { f.tick = 1 }, []step{
			{add(1, 2), []string{"1", "2"}},
			{func(f *fakeSEL) { f.clear(); add(3)(f) }, []string{"3"}},
		}},
		{"cleared and empty, then new records", nil, []step{
			{add(1, 2), []string{"1", "2"}},
			{func(f *fakeSEL) { f.clear() }, nil},
			{add(3), []string{"3"}},
		}},
		{"an old record deleted", func(f *fakeSEL) { f.tick = 1 }, []step{
			{add(1, 2, 3), []string{"1", "2", "3"}},
			{func(f *fakeSEL) { f.delete(1) }, nil},
			{add(4), []string{"4"}},
		}},
		{"the newest record deleted", func(f *fakeSEL) { f.tick = 1 }, []step{
			{add(1, 2, 3), []string{"1", "2", "3"}},
			{func(f *fakeSEL) { f.delete(3) }, nil},
			{add(4), []string{"4"}},
		}},
		{"full SEL overwrites the remembered record", func(f *fakeSEL) { f.capacity, f.tick = 4, 1 }, []step{
			{add(1, 2, 3), []string{"1", "2", "3"}},
			{add(4, 5, 6, 7, 8), []string{"5", "6", "7", "8"}}, // 4 was overwritten before anyone read it
			{add(9), []string{"9"}},
		}},
		{"full SEL, clock standing still", func(f *fakeSEL) { f.capacity = 4 }, []step{
			{add(1, 2, 3), []string{"1", "2", "3"}},
			{add(4, 5, 6, 7, 8), []string{"5", "6", "7", "8"}}, // 4 was overwritten before anyone read it
			{nil, nil},
		}},
		{"OEM records without a timestamp", func(f *fakeSEL) { f.capacity, f.tick = 3, 1 }, []step{
			{func(f *fakeSEL) { f.add(1, false); f.add(0, true) }, []string{"1", "2"}},
			{func(f *fakeSEL) { f.add(0, true); f.add(0, true); f.add(0, true) }, []string{"3", "4", "5"}},
		}},
		{"vigil's own records are passed, not reported", func(f *fakeSEL) { f.tick = 1 }, []step{
			{func(f *fakeSEL) { f.addOwn(); f.add(1, false); f.addOwn() }, []string{"2"}},
			{func(f *fakeSEL) { f.addOwn() }, nil},
			{add(2), []string{"5"}},
		}},
		{"record IDs wrap after 0xfffe", func(f *fakeSEL) { f.nextID, f.tick = 0xfffd, 1 }, []step{
			{add(1, 2), []string{"65533", "65534"}},
			{add(3, 4), []string{"1", "2"}},
			{nil, nil},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeSEL()
			if c.setup != nil {
				c.setup(f)
			}
			p := &poller{t: t, sel: f, st: storetest.Open(t, store.Options{NoSync: true})}
			for i, s := range c.steps {
				if s.do != nil {
					s.do(f)
				}
				if got := ids(p.poll()); !slices.Equal(got, s.want) {
					t.Errorf("poll %d reported records %v, want %v (cursor %+v)", i+1, got, s.want, p.c)
				}
			}
		})
	}
}

// FuzzSELTracker walks arbitrary record bytes, as a BMC might return them,
// twice (a first read, then a full walk against the cursor it left): it
// must not panic, and every cursor it builds must be one the store keeps.
func FuzzSELTracker(f *testing.F) {
	sel := newFakeSEL()
	sel.tick = 1
	for n := range byte(3) {
		sel.add(n, n == 2)
	}
	var seed []byte
	for _, r := range sel.recs {
		seed = append(seed, r...)
	}
	f.Add(seed)
	f.Add([]byte{0xff, 0xff, 0x02, 0, 0, 0, 0x30})
	f.Add(make([]byte, 40))
	f.Fuzz(func(t *testing.T, b []byte) {
		var recs [][]byte
		for len(b) > 0 {
			n := min(len(b), 16)
			recs = append(recs, b[:n])
			b = b[n:]
		}
		info := &storage.GetSELInfoResponse{Entries: uint16(len(recs))}
		c := SELCursor{}
		for range 2 {
			tr := newSELTracker(c)
			for i, r := range recs {
				tr.add(uint16(i+1), r)
			}
			c = tr.cursor(info, true)
			if err := (&store.Cursor{Source: "fuzz", SEL: &c}).Validate(); err != nil {
				t.Fatalf("cursor %+v: %v", c, err)
			}
		}
	})
}
