// Package ownlog is the shape of the records vigil writes into a host's own
// BMC log (alert/bmclog writes them) and the test that tells them apart from
// the hardware's, so that the readers in sensors/ never feed vigil's own
// decisions back into prediction (DESIGN.md, "Events, one stream").
//
// IPMI: an OEM timestamped SEL record (IPMI 2.0 section 32.2), 16 bytes:
//
//	bytes 0-1   record ID (the BMC assigns it)
//	byte  2     record type: RecordType (0xC9, in the timestamped OEM range 0xC0-0xDF)
//	bytes 3-6   timestamp, seconds since 1970, LS byte first
//	bytes 7-9   manufacturer ID, LS byte first: Manufacturer (32473 = 0x007ED9)
//	bytes 10-15 vigil's event code (Code):
//	  byte 10   bits 7-4 layout version (1), bits 3-0 severity (0 info, 1 warning, 2 critical)
//	  byte 11   event kind (Kind: 1 risk raised ... 7 readmitted)
//	  bytes 12-13 the audit log sequence number of the event, low 16 bits, LS byte first
//	            (`vigil events --json` shows it as seq)
//	  bytes 14-15 subject hash: FNV-1a (32 bit) of "HOST/SUBJECT" (the component or
//	            VM the event is about), low 16 bits, LS byte first
//
// vigil has no IANA enterprise number of its own; 32473 is the one RFC 5612
// reserves for documentation and examples, so no vendor's OEM records carry
// it. `ipmitool sel list` shows such a record as "OEM record c9" with the
// manufacturer 007ed9 and the code's six bytes; `ipmitool sel get ID` prints
// them too. IsSEL recognises a record by its type and manufacturer alone,
// whatever the layout version.
//
// Redfish: a LogEntry POSTed to a LogService for external entities, with
// EntryType "Oem", OemRecordFormat "Vigil", a MessageId in the "Vigil"
// registry ("Vigil.1.0.RiskRaised") and a Message that starts with
// "vigil: ". BMCs differ in which of those fields they keep, so
// IsLogEntry recognises an entry (or an event a BMC raised for one) by any
// of the three.
package ownlog

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"time"
)

// RecordType is the SEL record type of vigil's records (timestamped OEM).
const RecordType = 0xC9

// Manufacturer is the IANA enterprise number in vigil's SEL records
// (32473, RFC 5612's documentation number).
const Manufacturer = 32473

// Version is the layout version of Code this package writes.
const Version = 1

// Kind is what a record says happened to the host.
type Kind uint8

// The decisions vigil writes to a host's BMC log.
const (
	KindRiskRaised        Kind = 1
	KindRiskCleared       Kind = 2
	KindEvacuationStarted Kind = 3
	KindEvacuationEnded   Kind = 4
	KindFenced            Kind = 5
	KindSelfFence         Kind = 6
	KindReadmitted        Kind = 7
)

var kindNames = map[Kind]string{
	KindRiskRaised:        "RiskRaised",
	KindRiskCleared:       "RiskCleared",
	KindEvacuationStarted: "EvacuationStarted",
	KindEvacuationEnded:   "EvacuationEnded",
	KindFenced:            "Fenced",
	KindSelfFence:         "SelfFence",
	KindReadmitted:        "Readmitted",
}

// String is the kind's MessageId suffix ("RiskRaised"), or "Kind(N)".
func (k Kind) String() string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Valid reports whether k is one of the kinds above.
func (k Kind) Valid() bool { _, ok := kindNames[k]; return ok }

// Severity is how serious the record is, as the BMC's log shows it.
type Severity uint8

// Severities, as Redfish names them: OK, Warning, Critical.
const (
	SeverityInfo     Severity = 0
	SeverityWarning  Severity = 1
	SeverityCritical Severity = 2
)

// Redfish is the severity as a LogEntry's Severity: OK, Warning or Critical.
func (s Severity) Redfish() string {
	switch s {
	case SeverityWarning:
		return "Warning"
	case SeverityCritical:
		return "Critical"
	}
	return "OK"
}

// Code is vigil's six-byte event code (bytes 10-15 of the SEL record).
type Code struct {
	Kind     Kind
	Severity Severity
	// Seq is the event's audit log sequence number, low 16 bits.
	Seq uint16
	// Subject is SubjectHash of the host and the component or VM.
	Subject uint16
}

// SubjectHash is the low 16 bits of FNV-1a (32 bit) of "host/subject".
func SubjectHash(host, subject string) uint16 {
	h := fnv.New32a()
	h.Write([]byte(host + "/" + subject))
	return uint16(h.Sum32())
}

// Bytes packs the code as the layout above says.
func (c Code) Bytes() [6]byte {
	var b [6]byte
	b[0] = Version<<4 | byte(c.Severity)&0x0f
	b[1] = byte(c.Kind)
	binary.LittleEndian.PutUint16(b[2:4], c.Seq)
	binary.LittleEndian.PutUint16(b[4:6], c.Subject)
	return b
}

// Errors of ParseCode.
var (
	ErrVersion = errors.New("ownlog: unknown code layout version")
	ErrKind    = errors.New("ownlog: unknown event kind")
)

// ParseCode unpacks a code written with layout Version.
func ParseCode(b [6]byte) (Code, error) {
	if v := b[0] >> 4; v != Version {
		return Code{}, fmt.Errorf("%w %d", ErrVersion, v)
	}
	c := Code{Severity: Severity(b[0] & 0x0f), Kind: Kind(b[1]),
		Seq: binary.LittleEndian.Uint16(b[2:4]), Subject: binary.LittleEndian.Uint16(b[4:6])}
	if !c.Kind.Valid() {
		return Code{}, fmt.Errorf("%w %d", ErrKind, b[1])
	}
	if c.Severity > SeverityCritical {
		return Code{}, fmt.Errorf("ownlog: unknown severity %d", c.Severity)
	}
	return c, nil
}

// SEL returns the 16 bytes of an Add SEL Entry request for c at t (record
// ID 0: the BMC assigns one).
func SEL(t time.Time, c Code) [16]byte {
	var b [16]byte
	b[2] = RecordType
	binary.LittleEndian.PutUint32(b[3:7], uint32(t.Unix()))
	b[7], b[8], b[9] = Manufacturer&0xff, Manufacturer>>8&0xff, Manufacturer>>16&0xff
	code := c.Bytes()
	copy(b[10:16], code[:])
	return b
}

// IsSEL reports whether b, a SEL record as Get SEL Entry returns it, is
// one of vigil's: record type RecordType and manufacturer Manufacturer.
func IsSEL(b []byte) bool {
	return len(b) >= 16 && b[2] == RecordType &&
		uint32(b[7])|uint32(b[8])<<8|uint32(b[9])<<16 == Manufacturer
}

// ParseSEL returns the code of one of vigil's SEL records (IsSEL).
func ParseSEL(b []byte) (Code, error) {
	if !IsSEL(b) {
		return Code{}, errors.New("ownlog: not a vigil SEL record")
	}
	return ParseCode([6]byte(b[10:16]))
}

// Redfish markers of vigil's log entries.
const (
	// Registry is the message registry prefix of vigil's MessageIds.
	Registry = "Vigil"
	// RegistryVersion completes a MessageId: "Vigil.1.0.RiskRaised".
	RegistryVersion = "1.0"
	// OemRecordFormat is the LogEntry's OemRecordFormat.
	OemRecordFormat = "Vigil"
	// MessagePrefix starts every Message vigil writes.
	MessagePrefix = "vigil: "
)

// MessageID is the MessageId of a log entry of kind k.
func MessageID(k Kind) string { return Registry + "." + RegistryVersion + "." + k.String() }

// IsLogEntry reports whether a Redfish LogEntry (or an Event a BMC raised
// about one) with these fields is one of vigil's: a MessageId in the Vigil
// registry, OemRecordFormat Vigil, or a Message starting with
// MessagePrefix.
func IsLogEntry(messageID, oemRecordFormat, message string) bool {
	reg, _, _ := strings.Cut(messageID, ".")
	return reg == Registry || strings.EqualFold(oemRecordFormat, OemRecordFormat) || strings.HasPrefix(message, MessagePrefix)
}
