package syslog

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vigil-ha/vigil/alert"
)

var hdr = Header{Facility: 3, Hostname: "lab1", ProcID: 4242}

func riskEvent() alert.Event {
	return alert.Event{Seq: 17, Time: time.Date(2026, 3, 1, 12, 30, 5, 123456789, time.UTC), Kind: "risk", Host: "lab1",
		Message: "FAN1 risk high: FAN1 at 1200 rpm, falling", Evidence: map[string]any{
			"component": "FAN1", "risk": "high", "eta_seconds": 5400.5, "replace": true, "odd key=]\"": `a"b\c]d`,
			"nested": map[string]any{"x": 1}, "no_eta": (*float64)(nil), "last_answer": time.Date(2026, 3, 1, 12, 30, 0, 0, time.UTC), "none": nil}}
}

func TestFormat(t *testing.T) {
	got := string(Format(hdr, riskEvent(), false, MaxStream))
	want := `<27>1 2026-03-01T12:30:05.123456Z lab1 vigil 4242 risk [vigil@32473 seq="17" kind="risk" host="lab1" vm="" generation="0"]` +
		`[evidence@32473 component="FAN1" eta_seconds="5400.5" last_answer="2026-03-01T12:30:00Z" nested="{"x":1}" no_eta="" none="" odd_key___="a\"b\\c\]d" replace="true" risk="high"]` +
		` FAN1 risk high: FAN1 at 1200 rpm, falling`
	want = strings.Replace(want, `nested="{"x":1}"`, `nested="{\"x\":1}"`, 1)
	if got != want {
		t.Errorf("Format =\n%s\nwant\n%s", got, want)
	}
	p, err := parse5424(got)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if v, _ := p.sd(SDIDEvidence, "odd_key___"); v != `a"b\c]d` {
		t.Errorf("escaped value reads back as %q", v)
	}
}

func TestFormatCases(t *testing.T) {
	tests := []struct {
		name  string
		ev    alert.Event
		check func(t *testing.T, p parsed)
	}{
		{"VM event with generation and drops", alert.Event{Seq: 9, Kind: "started", Host: "h2", VM: "web1", Generation: 4, Dropped: 3, Message: "web1 started"},
			func(t *testing.T, p parsed) {
				for k, want := range map[string]string{"vm": "web1", "generation": "4", "dropped": "3", "host": "h2", "seq": "9"} {
					if v, _ := p.sd(SDIDEvent, k); v != want {
						t.Errorf("%s = %q, want %q", k, v, want)
					}
				}
				if p.Timestamp != "-" || p.Msg != "web1 started [3 earlier events lost]" || p.Pri != 3*8+5 {
					t.Errorf("timestamp %q msg %q pri %d", p.Timestamp, p.Msg, p.Pri)
				}
				if len(p.Elements) != 1 {
					t.Errorf("elements %+v, want the event's only (no evidence)", p.Elements)
				}
			}},
		{"severity of a dead host", alert.Event{Kind: "dead", Host: "h3"}, func(t *testing.T, p parsed) {
			if p.Pri != 3*8+2 || p.Msg != "" {
				t.Errorf("pri %d msg %q, want critical and no MSG", p.Pri, p.Msg)
			}
		}},
		{"kind that is no MSGID", alert.Event{Kind: "odd kind with spaces and more than thirty-two characters"}, func(t *testing.T, p parsed) {
			if p.MsgID != "odd_kind_with_spaces_and_more_th" {
				t.Errorf("MSGID %q", p.MsgID)
			}
		}},
		{"no kind", alert.Event{}, func(t *testing.T, p parsed) {
			if p.MsgID != "-" {
				t.Errorf("MSGID %q, want -", p.MsgID)
			}
		}},
		{"invalid UTF-8", alert.Event{Kind: "risk", Message: "bad \xff byte", Evidence: map[string]any{"v": "\xc3"}}, func(t *testing.T, p parsed) {
			if v, _ := p.sd(SDIDEvidence, "v"); v != "\uFFFD" || p.Msg != "bad \uFFFD byte" {
				t.Errorf("value %q msg %q", v, p.Msg)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Format(hdr, tt.ev, false, MaxStream)
			p, err := parse5424(string(b))
			if err != nil {
				t.Fatalf("parse %q: %v", b, err)
			}
			tt.check(t, p)
		})
	}
}

// A message too big for the transport loses evidence from the end, then
// the end of its text, never its event element, and says so.
func TestFormatTruncates(t *testing.T) {
	ev := riskEvent()
	for i := range 40 {
		ev.Evidence[fmt.Sprintf("k%02d", i)] = strings.Repeat("v", 100)
	}
	ev.Message = strings.Repeat("é", 5000) // 10000 bytes: over every bound
	for _, bound := range []int{MaxDatagram, MaxStream, 600} {
		b := Format(hdr, ev, true, bound)
		if len(b) > bound {
			t.Errorf("bound %d: %d bytes", bound, len(b))
		}
		p, err := parse5424(string(b))
		if err != nil {
			t.Fatalf("bound %d: parse: %v", bound, err)
		}
		for k, want := range map[string]string{"truncated": "true", "resent": "true", "seq": "17"} {
			if v, _ := p.sd(SDIDEvent, k); v != want {
				t.Errorf("bound %d: %s = %q, want %q", bound, k, v, want)
			}
		}
		if !utf8.ValidString(p.Msg) || !strings.HasSuffix(p.Msg, "…") {
			t.Errorf("bound %d: MSG cut badly: ...%q", bound, p.Msg[max(0, len(p.Msg)-10):])
		}
	}
	small := Format(hdr, riskEvent(), false, MaxStream)
	if p, _ := parse5424(string(small)); p.Elements[0].Params[len(p.Elements[0].Params)-1].name == "truncated" {
		t.Error("a message that fits says truncated")
	}
}

func TestEscapeParamValue(t *testing.T) {
	for in, want := range map[string]string{
		``: ``, `plain`: `plain`, `"`: `\"`, `\`: `\\`, `]`: `\]`, `a]b"c\d`: `a\]b\"c\\d`, `[x=y]`: `[x=y\]`, "\xff": "\uFFFD",
	} {
		if got := EscapeParamValue(in); got != want {
			t.Errorf("EscapeParamValue(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzEscapeParamValue: whatever the bytes, the escaped value reads back
// under RFC 5424's rules as the value made valid UTF-8, and never ends
// the parameter or its element early.
func FuzzEscapeParamValue(f *testing.F) {
	for _, s := range []string{"", "plain", `"`, `\`, `]`, `a]b"c\d`, "\xff\xfe", `\"`, `\\]`, "é ü", "\x00\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		msg := fmt.Sprintf(`<30>1 - h vigil 1 k [x@1 v="%s" w="end"]`, EscapeParamValue(s))
		p, err := parse5424(msg)
		if err != nil {
			t.Fatalf("%q escaped as %q: %v", s, EscapeParamValue(s), err)
		}
		if v, _ := p.sd("x@1", "v"); v != strings.ToValidUTF8(s, "\uFFFD") {
			t.Fatalf("%q read back as %q", s, v)
		}
		if v, ok := p.sd("x@1", "w"); !ok || v != "end" {
			t.Fatalf("%q: the next parameter reads %q, %v", s, v, ok)
		}
	})
}

// FuzzFormat: any event makes one message that parses under RFC 5424's
// ABNF, fits the bound, and keeps the event's identity.
func FuzzFormat(f *testing.F) {
	f.Add("risk", "lab1", "", "FAN1 risk high", "component", "FAN1", uint64(17), uint64(0), 0)
	f.Add("bad kind ]", "h\"ost", "vm]1", "msg\nwith lines", "k=e]y\"", `v"a\l]`, uint64(1), uint64(2), 5)
	f.Add("", "", "", "", "", "", uint64(0), uint64(0), 0)
	f.Fuzz(func(t *testing.T, kind, host, vm, msg, key, value string, seq, dropped uint64, fac int) {
		ev := alert.Event{Seq: seq, Kind: kind, Host: host, VM: vm, Message: msg, Dropped: dropped, Evidence: map[string]any{key: value, "n": 3}}
		h := Header{Facility: Facility(((fac % 24) + 24) % 24), Hostname: host, ProcID: 7}
		for _, max := range []int{MaxDatagram, MaxStream} {
			b := Format(h, ev, false, max)
			if len(b) > max {
				t.Fatalf("%d bytes over a bound of %d", len(b), max)
			}
			p, err := parse5424(string(b))
			if err != nil {
				t.Fatalf("%q: %v", b, err)
			}
			if v, _ := p.sd(SDIDEvent, "seq"); v != fmt.Sprint(seq) {
				t.Fatalf("seq %q, want %d", v, seq)
			}
			if v, _ := p.sd(SDIDEvent, "host"); v != capName(host) {
				t.Fatalf("host %q, want %q", v, capName(host))
			}
			if p.App != AppName || p.Pri != int(h.Facility)*8+int(alert.SeverityOf(ev)) {
				t.Fatalf("app %q pri %d", p.App, p.Pri)
			}
			if _, truncated := p.sd(SDIDEvent, "truncated"); !truncated {
				if v, _ := p.sd(SDIDEvidence, SDName(key)); key != "n" && v != capValue(value) {
					t.Fatalf("evidence %q = %q, want %q", key, v, capValue(value))
				}
				if v, _ := p.sd(SDIDEvidence, SDName(key)); len(validUTF8(value)) > maxValue && (len(v) > maxValue || !strings.HasSuffix(v, "…")) {
					t.Fatalf("evidence of %d bytes served as %d bytes, want cut to %d with …", len(value), len(v), maxValue)
				}
			}
		}
	})
}
