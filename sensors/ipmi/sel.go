package ipmi

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/bougou/go-ipmi/pkg/command/storage"

	"github.com/vigil-ha/vigil/sensors"
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

// SELCursor remembers how far the SEL has been read. The agent may persist
// it (Reader.Cursor / Config via NewWithCursor) so that a restart does not
// report old entries again.
type SELCursor struct {
	Valid   bool      `json:"valid"`
	LastID  uint16    `json:"last_id"`
	Entries uint16    `json:"entries"`
	Added   time.Time `json:"added"`
	// Erased is the SEL's last erase time: when it moves, the log was
	// cleared and record IDs may be reused, so reading starts over.
	Erased time.Time `json:"erased"`
}

// NewWithCursor is New with a SEL cursor remembered from an earlier run:
// only entries after it are reported.
func NewWithCursor(cfg Config, c SELCursor) *Reader {
	r := New(cfg)
	r.cursor = c
	return r
}

// Cursor returns the current SEL cursor.
func (r *Reader) Cursor() SELCursor {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cursor
}

// maxSELPerPoll bounds one poll's SEL walk (a full SEL holds about 3000).
const maxSELPerPoll = 4096

// readSELLocked returns the SEL entries added since the cursor. Get SEL Info
// first: when neither the entry count nor the last addition time moved,
// that is the only request. An empty SEL (0 entries or 0xcb) is no events.
func (r *Reader) readSELLocked(ctx context.Context, now time.Time) ([]sensors.Event, error) {
	info := &storage.GetSELInfoResponse{}
	if err := r.cl.Exchange(ctx, &storage.GetSELInfoRequest{}, info); err != nil {
		if isCompletion(err) {
			return nil, nil // no SEL on this BMC
		}
		return nil, fmt.Errorf("get SEL info: %w", err)
	}
	if info.Entries == 0 {
		r.cursor = SELCursor{Valid: true, Added: info.RecentAdditionTime, Erased: info.RecentEraseTime}
		return nil, nil
	}
	c := r.cursor
	if c.Valid && !c.Erased.Equal(info.RecentEraseTime) {
		c = SELCursor{} // cleared since: IDs may have been reused
	}
	if c.Valid && c.Entries == info.Entries && c.Added.Equal(info.RecentAdditionTime) {
		return nil, nil
	}
	next := uint16(0) // first entry
	if c.Valid && c.LastID != 0 {
		res, err := r.getSELLocked(ctx, c.LastID)
		switch cc, isCC := completionCode(err); {
		case err == nil:
			next = res.NextRecordID
		case isCC && (cc == ccEmpty || cc == 0xc9 || cc == 0xca):
			next = 0 // the remembered entry was erased: read from the start
		default:
			return nil, fmt.Errorf("get SEL entry %#04x: %w", c.LastID, err)
		}
	}
	var out []sensors.Event
	last := c.LastID
	for i := 0; next != 0xffff && i < maxSELPerPoll; i++ {
		res, err := r.getSELLocked(ctx, next)
		if cc, isCC := completionCode(err); isCC && cc == ccEmpty {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("get SEL entry %#04x: %w", next, err)
		}
		rec, perr := ParseSEL(res.Data)
		if perr != nil {
			r.cfg.Logger.Warn("undecodable SEL record", "target", r.cfg.Target(), "record", next, "err", perr)
		} else {
			var si *SensorInfo
			if d := r.byNum[uint16(rec.GeneratorID&0xff)<<8|uint16(rec.SensorNum)]; d != nil && rec.Type == 0x02 {
				si = d.info()
			}
			out = append(out, rec.Event(si, now))
			last = rec.ID
		}
		if res.NextRecordID == next {
			break // a BMC that loops
		}
		next = res.NextRecordID
	}
	r.cursor = SELCursor{Valid: true, LastID: last, Entries: info.Entries, Added: info.RecentAdditionTime, Erased: info.RecentEraseTime}
	return out, nil
}

func (r *Reader) getSELLocked(ctx context.Context, id uint16) (*storage.GetSELEntryResponse, error) {
	res := &storage.GetSELEntryResponse{}
	err := r.cl.Exchange(ctx, &storage.GetSELEntryRequest{RecordID: id, ReadBytes: 0xff}, res)
	return res, err
}
