package ownlog

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

func TestSELLayout(t *testing.T) {
	at := time.Unix(0x6650_1234, 0)
	c := Code{Kind: KindRiskRaised, Severity: SeverityCritical, Seq: 0x0102, Subject: 0xa1b2}
	got := SEL(at, c)
	want := []byte{
		0x00, 0x00, // record ID: the BMC's
		0xc9,                   // record type
		0x34, 0x12, 0x50, 0x66, // timestamp, LS first
		0xd9, 0x7e, 0x00, // manufacturer 32473, LS first
		0x12,       // version 1, severity critical
		0x01,       // risk raised
		0x02, 0x01, // seq
		0xb2, 0xa1, // subject
	}
	if !bytes.Equal(got[:], want) {
		t.Fatalf("SEL = % x, want % x", got, want)
	}
	if !IsSEL(got[:]) {
		t.Fatal("IsSEL(own record) = false")
	}
	back, err := ParseSEL(got[:])
	if err != nil || back != c {
		t.Fatalf("ParseSEL = %+v, %v, want %+v", back, err, c)
	}
}

func TestIsSEL(t *testing.T) {
	own := SEL(time.Now(), Code{Kind: KindFenced})
	for _, tc := range []struct {
		name string
		b    func() []byte
		want bool
	}{
		{"own", func() []byte { return own[:] }, true},
		{"short", func() []byte { return own[:15] }, false},
		{"other OEM type", func() []byte { b := own; b[2] = 0xc0; return b[:] }, false},
		{"other manufacturer", func() []byte { b := own; b[7] = 0x57; return b[:] }, false},
		{"standard record", func() []byte {
			return []byte{1, 0, 0x02, 1, 2, 3, 4, 0x20, 0, 4, 0x04, 0x30, 0x01, 0x52, 0xd9, 0x7e}
		}, false},
		{"future layout version", func() []byte { b := own; b[10] = 0x20; return b[:] }, true},
	} {
		if got := IsSEL(tc.b()); got != tc.want {
			t.Errorf("%s: IsSEL = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestParseCodeRefuses(t *testing.T) {
	good := Code{Kind: KindReadmitted, Severity: SeverityInfo, Seq: 7, Subject: 9}.Bytes()
	for _, tc := range []struct {
		name string
		mod  func(b *[6]byte)
		want error
	}{
		{"version 2", func(b *[6]byte) { b[0] = 0x20 }, ErrVersion},
		{"kind 0", func(b *[6]byte) { b[1] = 0 }, ErrKind},
		{"kind 8", func(b *[6]byte) { b[1] = 8 }, ErrKind},
	} {
		b := good
		tc.mod(&b)
		if _, err := ParseCode(b); !errors.Is(err, tc.want) {
			t.Errorf("%s: ParseCode(% x) = %v, want %v", tc.name, b, err, tc.want)
		}
	}
	b := good
	b[0] = 0x13
	if _, err := ParseCode(b); err == nil {
		t.Error("ParseCode accepted severity 3")
	}
}

func TestIsLogEntry(t *testing.T) {
	for _, tc := range []struct {
		id, oem, msg string
		want         bool
	}{
		{MessageID(KindRiskRaised), "", "", true},
		{"", "Vigil", "", true},
		{"", "vigil", "", true},
		{"", "", "vigil: h1 risk raised", true},
		{"ResourceEvent.1.0.ResourceStatusChangedCritical", "", "Fan FAN1 failed", false},
		{"VigilX.1.0.Foo", "", "", false},
		{"", "", "Vigil: not ours (capital V)", false},
		{"", "", "", false},
	} {
		if got := IsLogEntry(tc.id, tc.oem, tc.msg); got != tc.want {
			t.Errorf("IsLogEntry(%q, %q, %q) = %v, want %v", tc.id, tc.oem, tc.msg, got, tc.want)
		}
	}
	if got := MessageID(KindSelfFence); got != "Vigil.1.0.SelfFence" {
		t.Errorf("MessageID(self-fence) = %q", got)
	}
}

func TestSubjectHashStable(t *testing.T) {
	// The hash is in records on BMCs: it must never change.
	if got := SubjectHash("h1", "FAN1"); got != SubjectHash("h1", "FAN1") || got == SubjectHash("h2", "FAN1") {
		t.Errorf("SubjectHash not a function of host and subject: %#04x", got)
	}
	if got, want := SubjectHash("h1", "FAN1"), uint16(0xc57b); got != want {
		t.Errorf("SubjectHash(h1, FAN1) = %#04x, want %#04x", got, want)
	}
}

// FuzzParseSEL: any 16 bytes from a BMC are either not vigil's or parse
// to a code that packs back to the same six bytes.
func FuzzParseSEL(f *testing.F) {
	own := SEL(time.Unix(1700000000, 0), Code{Kind: KindRiskCleared, Severity: SeverityWarning, Seq: 3, Subject: 4})
	f.Add(own[:])
	f.Add([]byte{1, 0, 0x02, 1, 2, 3, 4, 0x20, 0, 4, 0x04, 0x30, 0x01, 0x52, 0xd9, 0x7e})
	f.Add([]byte{0xc9})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseSEL(b)
		if err != nil {
			return
		}
		if !IsSEL(b) {
			t.Fatalf("ParseSEL accepted % x that IsSEL refuses", b)
		}
		if got := c.Bytes(); !bytes.Equal(got[:], b[10:16]) {
			t.Fatalf("code % x packs back to % x", b[10:16], got)
		}
	})
}
