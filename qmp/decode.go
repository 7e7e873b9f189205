package qmp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Version is the QEMU version from the QMP greeting.
type Version struct {
	Major, Minor, Micro int
	Package             string
}

func (v Version) String() string { return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Micro) }

// AtLeast reports whether v is major.minor or newer.
func (v Version) AtLeast(major, minor int) bool {
	return v.Major > major || v.Major == major && v.Minor >= minor
}

// Event is one asynchronous QMP event (SHUTDOWN, STOP, RESUME, MIGRATION,
// GUEST_PANICKED, …). Data is left raw; decode it with json.Unmarshal into
// the event's own type.
type Event struct {
	Name string
	Data json.RawMessage
	Time time.Time // QEMU's timestamp
}

// kind of message received on a QMP socket.
type kind int

const (
	kindGreeting kind = iota + 1
	kindReturn
	kindError
	kindEvent
)

// message is one decoded QMP server message.
type message struct {
	kind         kind
	version      Version  // kindGreeting
	capabilities []string // kindGreeting
	id           string   // kindReturn/kindError: the id echoed, "" if none
	ret          json.RawMessage
	err          *Error // kindError (Command left empty)
	event        Event  // kindEvent
}

type wireMessage struct {
	QMP *struct {
		Version struct {
			QEMU struct {
				Major int `json:"major"`
				Minor int `json:"minor"`
				Micro int `json:"micro"`
			} `json:"qemu"`
			Package string `json:"package"`
		} `json:"version"`
		Capabilities []string `json:"capabilities"`
	} `json:"QMP"`
	Event     *string         `json:"event"`
	Data      json.RawMessage `json:"data"`
	Timestamp *struct {
		Seconds      int64 `json:"seconds"`
		Microseconds int64 `json:"microseconds"`
	} `json:"timestamp"`
	ID     json.RawMessage `json:"id"`
	Return json.RawMessage `json:"return"`
	Error  *struct {
		Class *string `json:"class"`
		Desc  *string `json:"desc"`
	} `json:"error"`
}

// decodeMessage parses one line from a QMP socket. It accepts exactly one of
// a greeting, a command return, a command error or an event, and refuses
// anything else with an error wrapping ErrProtocol. The input is untrusted
// (a guest-influenced QEMU may send anything): it never panics.
func decodeMessage(line []byte) (message, error) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 || line[0] != '{' {
		return message{}, fmt.Errorf("%w: not a JSON object: %.60q", ErrProtocol, line)
	}
	var w wireMessage
	if err := json.Unmarshal(line, &w); err != nil {
		return message{}, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	n := 0
	for _, present := range []bool{w.QMP != nil, w.Event != nil, w.Return != nil, w.Error != nil} {
		if present {
			n++
		}
	}
	if n != 1 {
		return message{}, fmt.Errorf("%w: want exactly one of QMP, event, return, error; got %d in %.60q", ErrProtocol, n, line)
	}
	var id string
	if len(w.ID) > 0 && !bytes.Equal(w.ID, []byte("null")) {
		if err := json.Unmarshal(w.ID, &id); err != nil {
			// Not one of ours (we send string ids): keep the raw text so
			// it matches nothing.
			id = string(w.ID)
		}
	}
	switch {
	case w.QMP != nil:
		v := w.QMP.Version
		return message{kind: kindGreeting, version: Version{v.QEMU.Major, v.QEMU.Minor, v.QEMU.Micro, v.Package},
			capabilities: w.QMP.Capabilities}, nil
	case w.Event != nil:
		if *w.Event == "" {
			return message{}, fmt.Errorf("%w: event with empty name", ErrProtocol)
		}
		ev := Event{Name: *w.Event, Data: w.Data}
		if ts := w.Timestamp; ts != nil && ts.Seconds >= 0 && ts.Microseconds >= 0 && ts.Microseconds < 1e6 {
			ev.Time = time.Unix(ts.Seconds, ts.Microseconds*1000)
		}
		return message{kind: kindEvent, event: ev}, nil
	case w.Return != nil:
		return message{kind: kindReturn, id: id, ret: w.Return}, nil
	default:
		if w.Error.Class == nil || w.Error.Desc == nil {
			return message{}, fmt.Errorf("%w: error reply without class or desc: %.60q", ErrProtocol, line)
		}
		return message{kind: kindError, id: id, err: &Error{Class: *w.Error.Class, Desc: *w.Error.Desc}}, nil
	}
}
