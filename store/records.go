package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"time"
	"unicode/utf8"
)

// formatJSON tags a record encoded as JSON (format 1). A later format gets a
// new tag and its decoder beside this one.
const formatJSON = 1

// maxName bounds identifiers (VM ids, host names, sensor keys).
const maxName = 255

// VMRecord is this host's runtime view of one VM it runs.
type VMRecord struct {
	ID           string    `json:"id"`
	PID          int       `json:"pid"`
	QMPSocket    string    `json:"qmp_socket,omitempty"`
	SerialSocket string    `json:"serial_socket,omitempty"`
	Generation   uint64    `json:"generation"`
	Started      time.Time `json:"started"`
	Updated      time.Time `json:"updated"`
}

func (r *VMRecord) validate() error {
	switch {
	case !validName(r.ID):
		return fmt.Errorf("vm id %q: must be 1 to %d bytes of UTF-8", r.ID, maxName)
	case r.PID < 0:
		return fmt.Errorf("vm %s: pid %d is negative", r.ID, r.PID)
	case r.Generation == 0:
		return fmt.Errorf("vm %s: generation 0 (generations start at 1)", r.ID)
	}
	return nil
}

// IntentKind names the action an intent announces.
type IntentKind string

// The actions that are written down before they begin.
const (
	IntentFence   IntentKind = "fence"
	IntentStart   IntentKind = "start"
	IntentStop    IntentKind = "stop"
	IntentMigrate IntentKind = "migrate"
)

// Intent is an action announced before it begins. While it is in the store
// the action may be half done: a restarted agent finishes or undoes it.
type Intent struct {
	ID         uint64     `json:"id"`
	Kind       IntentKind `json:"kind"`
	Action     string     `json:"action,omitempty"` // a fence's power action: off, on, cycle
	VM         string     `json:"vm,omitempty"`
	Host       string     `json:"host,omitempty"`   // the host acted on (fenced, source of a migration)
	Target     string     `json:"target,omitempty"` // destination host of a start or migration
	Generation uint64     `json:"generation,omitempty"`
	Opened     time.Time  `json:"opened"`
	Detail     string     `json:"detail,omitempty"`
}

func (in *Intent) validate() error {
	switch in.Kind {
	case IntentFence:
		if in.Host == "" {
			return fmt.Errorf("fence intent without a host")
		}
	case IntentStart, IntentStop, IntentMigrate:
		if in.VM == "" {
			return fmt.Errorf("%s intent without a vm", in.Kind)
		}
	default:
		return fmt.Errorf("intent kind %q: want fence, start, stop or migrate", in.Kind)
	}
	for _, s := range []string{in.VM, in.Host, in.Target} {
		if s != "" && !validName(s) {
			return fmt.Errorf("intent name %q: must be 1 to %d bytes of UTF-8", s, maxName)
		}
	}
	if in.Opened.IsZero() {
		return fmt.Errorf("intent without an open time")
	}
	return nil
}

// Event is one audit log entry: what was decided, about what, and why.
type Event struct {
	Seq      uint64    `json:"seq"`
	Time     time.Time `json:"time"`
	Kind     string    `json:"kind"`              // e.g. "fence", "intent.closed", "detect"
	Subject  string    `json:"subject,omitempty"` // host, VM or component
	Message  string    `json:"message"`
	Evidence string    `json:"evidence,omitempty"`
	// EvidenceBytes is the evidence's full length when it was cut to
	// Options.MaxEvidence; zero when kept whole.
	EvidenceBytes int `json:"evidence_bytes,omitempty"`
}

func (e *Event) validate() error {
	switch {
	case e.Kind == "" || len(e.Kind) > maxName:
		return fmt.Errorf("event kind %q: must be 1 to %d bytes", e.Kind, maxName)
	case e.Time.IsZero():
		return fmt.Errorf("event %s without a time", e.Kind)
	case e.EvidenceBytes < 0 || (e.EvidenceBytes > 0 && e.EvidenceBytes < len(e.Evidence)):
		return fmt.Errorf("event %s: evidence length %d inconsistent", e.Kind, e.EvidenceBytes)
	}
	return nil
}

// FenceRecord is one fence of a host: every attempt and the result.
type FenceRecord struct {
	ID        uint64         `json:"id"`
	Host      string         `json:"host"`
	By        string         `json:"by,omitempty"` // the host that fenced
	Action    string         `json:"action"`       // off, on, cycle
	Reason    string         `json:"reason,omitempty"`
	Started   time.Time      `json:"started"`
	Finished  time.Time      `json:"finished"`
	Confirmed bool           `json:"confirmed"`
	Power     string         `json:"power"` // last state read back: on, off, unknown
	Level     string         `json:"level,omitempty"`
	Error     string         `json:"error,omitempty"`
	Attempts  []FenceAttempt `json:"attempts,omitempty"`
}

// FenceAttempt is one try at one fence level.
type FenceAttempt struct {
	Level     string        `json:"level"`
	Driver    string        `json:"driver"`
	Target    string        `json:"target"`
	Started   time.Time     `json:"started"`
	Elapsed   time.Duration `json:"elapsed_ns"`
	Power     string        `json:"power"`
	Confirmed bool          `json:"confirmed"`
	Error     string        `json:"error,omitempty"`
}

func (f *FenceRecord) validate() error {
	switch {
	case !validName(f.Host):
		return fmt.Errorf("fence host %q: must be 1 to %d bytes of UTF-8", f.Host, maxName)
	case f.Action != "off" && f.Action != "on" && f.Action != "cycle":
		return fmt.Errorf("fence %s: action %q, want off, on or cycle", f.Host, f.Action)
	case f.Started.IsZero():
		return fmt.Errorf("fence %s without a start time", f.Host)
	case !f.Finished.IsZero() && f.Finished.Before(f.Started):
		return fmt.Errorf("fence %s finished before it started", f.Host)
	case !validPower(f.Power):
		return fmt.Errorf("fence %s: power %q, want on, off or unknown", f.Host, f.Power)
	case f.Confirmed && f.Action == "off" && f.Power != "off":
		return fmt.Errorf("fence %s confirmed off but power reads %q", f.Host, f.Power)
	}
	for i, a := range f.Attempts {
		if a.Elapsed < 0 || !validPower(a.Power) {
			return fmt.Errorf("fence %s attempt %d: elapsed %v, power %q", f.Host, i, a.Elapsed, a.Power)
		}
	}
	return nil
}

func validPower(p string) bool { return p == "on" || p == "off" || p == "unknown" }

func validName(s string) bool { return s != "" && len(s) <= maxName && utf8.ValidString(s) }

// Sample is one sensor reading in a history ring.
type Sample struct {
	Time  time.Time
	Value float64
}

// sampleSize is a sample's encoded length: Unix nanoseconds and float64 bits.
const sampleSize = 16

func encodeSample(s Sample) []byte {
	b := make([]byte, sampleSize)
	binary.BigEndian.PutUint64(b, uint64(s.Time.UnixNano()))
	binary.BigEndian.PutUint64(b[8:], math.Float64bits(s.Value))
	return b
}

func decodeSample(b []byte) (Sample, error) {
	if len(b) != sampleSize {
		return Sample{}, fmt.Errorf("%w: sample is %d bytes, want %d", ErrCorrupt, len(b), sampleSize)
	}
	v := math.Float64frombits(binary.BigEndian.Uint64(b[8:]))
	if math.IsNaN(v) {
		return Sample{}, fmt.Errorf("%w: sample value is NaN", ErrCorrupt)
	}
	return Sample{Time: time.Unix(0, int64(binary.BigEndian.Uint64(b))), Value: v}, nil
}

// encode tags and marshals a record.
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte(formatJSON)
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// decode checks the tag and unmarshals strictly: unknown fields and trailing
// data are corruption, not something to ignore.
func decode(b []byte, v any) error {
	if len(b) == 0 {
		return fmt.Errorf("%w: empty record", ErrCorrupt)
	}
	if b[0] != formatJSON {
		return fmt.Errorf("%w: unknown record format %d", ErrCorrupt, b[0])
	}
	dec := json.NewDecoder(bytes.NewReader(b[1:]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: trailing data", ErrCorrupt)
	}
	return nil
}

type validator interface{ validate() error }

func decodeValid[T any, P interface {
	*T
	validator
}](b []byte) (T, error) {
	var v T
	if err := decode(b, &v); err != nil {
		return v, err
	}
	if err := P(&v).validate(); err != nil {
		return v, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return v, nil
}

func decodeVM(b []byte) (VMRecord, error)       { return decodeValid[VMRecord](b) }
func decodeIntent(b []byte) (Intent, error)     { return decodeValid[Intent](b) }
func decodeEvent(b []byte) (Event, error)       { return decodeValid[Event](b) }
func decodeFence(b []byte) (FenceRecord, error) { return decodeValid[FenceRecord](b) }
