package ipmi

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
	"time"

	"github.com/bougou/go-ipmi/pkg/command/storage"
	"github.com/bougou/go-ipmi/pkg/types"

	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/store"
)

// SELRecord is one decoded 16-byte System Event Log record (IPMI 2.0
// section 32).
type SELRecord struct {
	ID   uint16
	Type uint8
	// Time is zero when the BMC stamped the record relative to its own
	// initialisation (pre-init timestamps) or not at all (OEM 0xe0-0xff).
	Time time.Time

	// Standard records (type 0x02) only.
	GeneratorID uint16
	EvMRev      uint8
	SensorType  uint8
	SensorNum   uint8
	Deassert    bool
	EventType   uint8 // event/reading type code, 7 bits
	Data        [3]byte

	// OEM records: the raw payload after the header.
	OEM []byte
}

// Errors of the SEL decoder.
var (
	ErrShortRecord = errors.New("ipmi: SEL record shorter than 16 bytes")
)

// ParseSEL decodes one SEL record as Get SEL Entry returns it. It never
// panics on malformed input (fuzzed).
func ParseSEL(b []byte) (SELRecord, error) {
	if len(b) < 16 {
		return SELRecord{}, fmt.Errorf("%w: got %d", ErrShortRecord, len(b))
	}
	r := SELRecord{ID: binary.LittleEndian.Uint16(b[0:2]), Type: b[2]}
	switch {
	case r.Type >= 0xe0: // non-timestamped OEM
		r.OEM = append([]byte(nil), b[3:16]...)
		return r, nil
	case r.Type >= 0xc0: // timestamped OEM
		r.Time = selTime(binary.LittleEndian.Uint32(b[3:7]))
		r.OEM = append([]byte(nil), b[10:16]...)
		return r, nil
	}
	r.Time = selTime(binary.LittleEndian.Uint32(b[3:7]))
	r.GeneratorID = binary.LittleEndian.Uint16(b[7:9])
	r.EvMRev = b[9]
	r.SensorType = b[10]
	r.SensorNum = b[11]
	r.Deassert = b[12]&0x80 != 0
	r.EventType = b[12] & 0x7f
	copy(r.Data[:], b[13:16])
	return r, nil
}

// selTime converts a SEL timestamp. Values up to 0x20000000 count seconds
// since the BMC's initialisation, 0xffffffff is "unspecified": both give
// the zero time.
func selTime(ts uint32) time.Time {
	if ts <= 0x20000000 || ts == 0xffffffff {
		return time.Time{}
	}
	return time.Unix(int64(ts), 0).UTC()
}

// Offset returns the event offset (event data 1, bits 3:0).
func (r SELRecord) Offset() uint8 { return r.Data[0] & 0x0f }

// SensorInfo is what the SEL decoder needs to know about the sensor that
// logged a record: its name and, for threshold readings in event data, a
// conversion from raw to value and the unit.
type SensorInfo struct {
	Name    string
	Kind    sensors.Kind
	Unit    sensors.Unit
	Convert func(raw uint8) float64
}

// Event turns the record into a model event. info may be nil when the SDR
// does not describe the sensor; now stands in for records without a real
// timestamp.
func (r SELRecord) Event(info *SensorInfo, now time.Time) sensors.Event {
	ev := sensors.Event{
		Source: sensors.SourceIPMI,
		ID:     fmt.Sprintf("%d", r.ID),
		Time:   r.Time,
	}
	if ev.Time.IsZero() {
		ev.Time = now
	}
	if r.Type != 0x02 {
		ev.Severity = sensors.SeverityInfo
		ev.Component = "oem"
		ev.Kind = sensors.KindOther
		ev.Message = fmt.Sprintf("OEM record type %#02x: % x", r.Type, r.OEM)
		ev.Asserted = true
		return ev
	}
	name := fmt.Sprintf("sensor %#02x", r.SensorNum)
	kind := KindOf(r.SensorType)
	if info != nil {
		if info.Name != "" {
			name = info.Name
		}
		if info.Kind != "" {
			kind = info.Kind
		}
	}
	ev.Component = name
	ev.Kind = kind
	s := DecodeState(r.SensorType, r.EventType, r.Offset())
	ev.State = s.Name
	ev.Asserted = !r.Deassert
	switch {
	case r.Deassert || s.Status == sensors.StatusOK:
		ev.Severity = sensors.SeverityInfo
	case s.Status == sensors.StatusCritical:
		ev.Severity = sensors.SeverityCritical
	case s.Status == sensors.StatusWarning:
		ev.Severity = sensors.SeverityWarning
	default:
		ev.Severity = sensors.SeverityInfo
	}
	dir := "Asserted"
	if r.Deassert {
		dir = "Deasserted"
	}
	ev.Message = fmt.Sprintf("%s: %s %s", name, s.Name, dir)
	ed2, ed3 := (r.Data[0]>>6)&3, (r.Data[0]>>4)&3
	switch {
	case r.EventType == 0x01 && ed2 == 1 && ed3 == 1:
		// Threshold event with trigger reading and threshold, as ipmitool
		// prints them: "Reading 800 < Threshold 1000 RPM".
		rd, th := float64(r.Data[1]), float64(r.Data[2])
		unit := ""
		if info != nil && info.Convert != nil {
			rd, th = info.Convert(r.Data[1]), info.Convert(r.Data[2])
			unit = " " + string(info.Unit)
		}
		cmp := "<"
		if r.Offset()%2 == 1 { // "going high" offsets are odd
			cmp = ">"
		}
		ev.Message += fmt.Sprintf(" (Reading %g %s Threshold %g%s)", rd, cmp, th, unit)
	case r.EventType == 0x6f && r.SensorType == 0x0c && ed3 == 3:
		// Memory: event data 3 identifies the DIMM (module) when the
		// BMC says so; health rates ECC per DIMM.
		ev.Component = fmt.Sprintf("%s/dimm%d", name, r.Data[2])
		ev.Message += fmt.Sprintf(" (memory module %d)", r.Data[2])
	}
	return ev
}

// SELCursor is how far the SEL has been read (see store.SELCursor, which
// explains how records are told apart). The agent keeps it in its store
// (Reader.Cursor after a poll, SetCursor before the next one, from another
// process too) so that every SEL record is reported once: across polls,
// restarts, SEL clears that reuse record IDs, and a full SEL that wraps.
type SELCursor = store.SELCursor

// NewWithCursor is New with a SEL cursor remembered from an earlier run:
// only entries after it are reported.
func NewWithCursor(cfg Config, c SELCursor) *Reader {
	r := New(cfg)
	r.cursor = c
	return r
}

// SetCursor replaces the SEL cursor (one remembered from an earlier run);
// the next poll reports only the entries after it.
func (r *Reader) SetCursor(c SELCursor) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cursor = c
}

// Cursor returns the current SEL cursor: the position after the entries
// the last poll returned.
func (r *Reader) Cursor() SELCursor {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cursor
}

// maxSELPerPoll bounds one poll's SEL walk (a full SEL holds about 3000).
const maxSELPerPoll = 4096

// readSELLocked returns the SEL entries added since the cursor and moves
// it past them.
func (r *Reader) readSELLocked(ctx context.Context, now time.Time) ([]sensors.Event, error) {
	evs, c, err := readSEL(ctx, r.cl, r.cursor, func(rec SELRecord) sensors.Event {
		var si *SensorInfo
		if d := r.byNum[uint16(rec.GeneratorID&0xff)<<8|uint16(rec.SensorNum)]; d != nil && rec.Type == 0x02 {
			si = d.info()
		}
		return rec.Event(si, now)
	}, func(id uint16, err error) {
		r.cfg.Logger.Warn("undecodable SEL record", "target", r.cfg.Target(), "record", id, "err", err)
	})
	if err != nil {
		return nil, err
	}
	r.cursor = c
	return evs, nil
}

// exchanger is the one call of a go-ipmi client the SEL walk makes.
type exchanger interface {
	Exchange(ctx context.Context, req types.Request, res types.Response) error
}

// readSEL returns the SEL records added since cursor c, decoded by event,
// and the cursor after them; bad reports a record it could not parse.
//
// Get SEL Info first: when neither the entry count nor the last addition
// or erase time moved, that is the only request. Then the remembered
// record is read back: when it is still there (same checksum) the walk
// goes on after it; when it is gone or replaced (the SEL was cleared and
// its IDs reused, or it wrapped) the whole SEL is walked and the
// timestamps tell the new records (selTracker). An empty SEL (0 entries or
// 0xcb) is no events. vigil's own records (internal/bmc/ownlog) move the
// cursor but are never events: its decisions are not hardware evidence.
func readSEL(ctx context.Context, ex exchanger, c SELCursor, event func(SELRecord) sensors.Event,
	bad func(uint16, error)) ([]sensors.Event, SELCursor, error) {
	info := &storage.GetSELInfoResponse{}
	if err := ex.Exchange(ctx, &storage.GetSELInfoRequest{}, info); err != nil {
		if isCompletion(err) {
			return nil, c, nil // no SEL on this BMC
		}
		return nil, c, fmt.Errorf("get SEL info: %w", err)
	}
	if info.Entries == 0 {
		// Whatever is logged next is new.
		return nil, SELCursor{Valid: true, Added: info.RecentAdditionTime, Erased: info.RecentEraseTime}, nil
	}
	if c.Valid && c.Entries == info.Entries && c.Added.Equal(info.RecentAdditionTime) && c.Erased.Equal(info.RecentEraseTime) {
		return nil, c, nil
	}
	get := func(id uint16) (*storage.GetSELEntryResponse, error) {
		res := &storage.GetSELEntryResponse{}
		err := ex.Exchange(ctx, &storage.GetSELEntryRequest{RecordID: id, ReadBytes: 0xff}, res)
		return res, err
	}
	tr := newSELTracker(c)
	next := uint16(0) // first entry
	if c.Valid && c.LastID != 0 {
		res, err := get(c.LastID)
		switch cc, isCC := completionCode(err); {
		case err == nil && selSum(res.Data) == c.LastSum:
			next = res.NextRecordID
			tr.resume(res.Data)
		case err == nil, isCC && (cc == ccEmpty || cc == 0xc9 || cc == 0xca):
			// The remembered record was erased, or its ID now holds
			// another record: walk the whole SEL.
		default:
			return nil, c, fmt.Errorf("get SEL entry %#04x: %w", c.LastID, err)
		}
	}
	var out []sensors.Event
	complete := true
	for i := 0; next != 0xffff; i++ {
		if i == maxSELPerPoll {
			complete = false
			break
		}
		res, err := get(next)
		if cc, isCC := completionCode(err); isCC && cc == ccEmpty {
			break
		}
		if err != nil {
			return nil, c, fmt.Errorf("get SEL entry %#04x: %w", next, err)
		}
		isNew := tr.add(next, res.Data)
		rec, perr := ParseSEL(res.Data)
		switch {
		case ownlog.IsSEL(res.Data):
			// vigil's own record of a decision (alert/bmclog): passed,
			// never hardware evidence.
		case perr != nil:
			bad(next, perr)
		case isNew:
			out = append(out, event(rec))
		}
		if res.NextRecordID == next {
			break // a BMC that loops
		}
		next = res.NextRecordID
	}
	return out, tr.cursor(info, complete), nil
}

// selSum is the checksum that tells a record from another one that reuses
// its ID: CRC-32 (IEEE) of its 16 bytes.
func selSum(b []byte) uint32 {
	return crc32.ChecksumIEEE(b[:min(len(b), 16)])
}

// selStamp is a record's raw timestamp, and whether it has one (OEM
// records 0xe0-0xff do not).
func selStamp(b []byte) (uint32, bool) {
	if len(b) < 7 || b[2] >= 0xe0 {
		return 0, false
	}
	return binary.LittleEndian.Uint32(b[3:7]), true
}

// realStamp: a timestamp of the SEL clock, not seconds since the BMC's
// initialisation (those restart at every BMC boot) nor "unspecified".
func realStamp(ts uint32) bool { return ts > 0x20000000 && ts != 0xffffffff }

// selTracker walks SEL records in log order against the cursor of the
// previous read: it says which records are new and builds the cursor that
// follows them. Walking on from the remembered record (resume), every
// record is new. Walking the whole SEL because that record is gone, a
// record is new when its timestamp is newer than the cursor's, or equal and
// not among its marks; a record without a timestamp takes the one before
// it; timestamps of different clocks (real vs since BMC boot) do not
// compare, and such a record counts as new.
type selTracker struct {
	old     SELCursor
	resumed bool
	prev    uint32 // stamp of the previous record walked
	next    SELCursor
}

func newSELTracker(old SELCursor) *selTracker {
	return &selTracker{old: old, next: SELCursor{Valid: true, LastID: old.LastID, LastSum: old.LastSum,
		Stamp: old.Stamp, Marks: slices.Clone(old.Marks)}}
}

// resume: the walk goes on after the remembered record, whose bytes are b.
func (t *selTracker) resume(b []byte) {
	t.resumed = true
	if ts, ok := selStamp(b); ok {
		t.prev = ts
	}
}

// add takes the next record (asked for as id, bytes b) and says whether
// it is new.
func (t *selTracker) add(id uint16, b []byte) bool {
	if len(b) >= 2 {
		id = binary.LittleEndian.Uint16(b[0:2])
	}
	ts, ok := selStamp(b)
	if !ok {
		ts = t.prev
	}
	t.prev = ts
	mark := store.SELMark{ID: id, Sum: selSum(b)}
	old := t.old
	isNew := true
	switch {
	case t.resumed, !old.Valid:
	case realStamp(ts) != realStamp(old.Stamp) && old.Stamp != 0:
		isNew = !slices.Contains(old.Marks, mark)
	case ts < old.Stamp:
		isNew = false
	case ts == old.Stamp:
		isNew = !slices.Contains(old.Marks, mark)
	}
	if id != 0 && id != 0xffff {
		t.next.LastID, t.next.LastSum = id, mark.Sum
	}
	switch n := &t.next; {
	case ts > n.Stamp || realStamp(ts) != realStamp(n.Stamp) && n.Stamp != 0 && isNew:
		n.Stamp, n.Marks = ts, []store.SELMark{mark}
	case ts == n.Stamp && !slices.Contains(n.Marks, mark):
		n.Marks = append(n.Marks, mark)
		if len(n.Marks) > store.MaxSELMarks {
			n.Marks = slices.Delete(n.Marks, 0, len(n.Marks)-store.MaxSELMarks)
		}
	}
	return isNew
}

// cursor is the cursor after the walk. A walk cut short by maxSELPerPoll
// leaves Entries and Added unset, so the next poll goes on.
func (t *selTracker) cursor(info *storage.GetSELInfoResponse, complete bool) SELCursor {
	c := t.next
	c.Erased = info.RecentEraseTime
	if complete {
		c.Entries, c.Added = info.Entries, info.RecentAdditionTime
	}
	return c
}
