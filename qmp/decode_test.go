package qmp

import (
	"bufio"
	"bytes"
	"errors"
	"testing"
)

var decodeCases = []struct {
	name  string
	in    string
	kind  kind
	id    string
	class string
	event string
	bad   bool
}{
	{name: "greeting", in: `{"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": "Debian 1:7.2+dfsg-7+deb12u18"}, "capabilities": ["oob"]}}`, kind: kindGreeting},
	{name: "return empty", in: `{"return": {}, "id": "vigil-1"}`, kind: kindReturn, id: "vigil-1"},
	{name: "return list no id", in: `{"return": [1,2,3]}` + "\r\n", kind: kindReturn},
	{name: "return string", in: `{"return": "x", "id": "a"}`, kind: kindReturn, id: "a"},
	{name: "numeric id", in: `{"return": {}, "id": 7}`, kind: kindReturn, id: "7"},
	{name: "error", in: `{"id": "vigil-3", "error": {"class": "CommandNotFound", "desc": "The command nope has not been found"}}`, kind: kindError, id: "vigil-3", class: "CommandNotFound"},
	{name: "event", in: `{"timestamp": {"seconds": 1700000000, "microseconds": 5}, "event": "SHUTDOWN", "data": {"guest": true, "reason": "guest-shutdown"}}`, kind: kindEvent, event: "SHUTDOWN"},
	{name: "event no data", in: `{"timestamp": {"seconds": 1, "microseconds": 2}, "event": "STOP"}`, kind: kindEvent, event: "STOP"},
	{name: "migration event", in: `{"timestamp": {"seconds": 1, "microseconds": 2}, "event": "MIGRATION", "data": {"status": "active"}}`, kind: kindEvent, event: "MIGRATION"},
	{name: "empty", in: ``, bad: true},
	{name: "not object", in: `[1,2]`, bad: true},
	{name: "garbage", in: `{"return": `, bad: true},
	{name: "nothing known", in: `{"foo": 1}`, bad: true},
	{name: "two kinds", in: `{"return": {}, "event": "STOP"}`, bad: true},
	{name: "error without class", in: `{"error": {"desc": "x"}}`, bad: true},
	{name: "empty event name", in: `{"event": ""}`, bad: true},
	{name: "wrong types", in: `{"QMP": {"version": "7.2"}}`, bad: true},
}

func TestDecodeMessage(t *testing.T) {
	for _, tc := range decodeCases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := decodeMessage([]byte(tc.in))
			if tc.bad {
				if err == nil || !errors.Is(err, ErrProtocol) {
					t.Fatalf("decodeMessage(%q) = %+v, %v; want ErrProtocol", tc.in, m, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("decodeMessage(%q): %v", tc.in, err)
			}
			if m.kind != tc.kind || m.id != tc.id {
				t.Errorf("decodeMessage(%q) = kind %d id %q, want kind %d id %q", tc.in, m.kind, m.id, tc.kind, tc.id)
			}
			if tc.class != "" && (m.err == nil || m.err.Class != tc.class) {
				t.Errorf("decodeMessage(%q).err = %v, want class %s", tc.in, m.err, tc.class)
			}
			if m.event.Name != tc.event {
				t.Errorf("decodeMessage(%q).event = %q, want %q", tc.in, m.event.Name, tc.event)
			}
		})
	}
	m, _ := decodeMessage([]byte(decodeCases[0].in))
	if got := m.version.String(); got != "7.2.22" || !m.version.AtLeast(7, 2) || m.version.AtLeast(7, 3) {
		t.Errorf("greeting version = %s", got)
	}
}

// FuzzDecodeMessage: the decoder never panics, and what it accepts is one
// well-formed kind.
func FuzzDecodeMessage(f *testing.F) {
	for _, tc := range decodeCases {
		f.Add([]byte(tc.in))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decodeMessage(b)
		if err != nil {
			if !errors.Is(err, ErrProtocol) {
				t.Fatalf("error not ErrProtocol: %v", err)
			}
			return
		}
		switch m.kind {
		case kindGreeting, kindReturn:
		case kindError:
			if m.err == nil {
				t.Fatal("error message without error")
			}
		case kindEvent:
			if m.event.Name == "" {
				t.Fatal("event without name")
			}
		default:
			t.Fatalf("unknown kind %d", m.kind)
		}
	})
}

// FuzzReadMessage: the line reader plus decoder on arbitrary streams with a
// small limit never panics and never returns more than the limit.
func FuzzReadMessage(f *testing.F) {
	for _, tc := range decodeCases {
		f.Add([]byte(tc.in + "\n" + tc.in + "\r\n"))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r := bufio.NewReaderSize(bytes.NewReader(b), 16)
		for i := 0; i < 100; i++ {
			if _, err := readMessage(r, 256); err != nil {
				return
			}
		}
	})
}
