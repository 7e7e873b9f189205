package syslog

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vigil-ha/vigil/alert"
)

// AppName is the APP-NAME of every message.
const AppName = "vigil"

// SD-IDs of the two structured data elements.
const (
	EnterpriseNumber = "32473"
	SDIDEvent        = "vigil@" + EnterpriseNumber
	SDIDEvidence     = "evidence@" + EnterpriseNumber
)

// Message size bounds, the whole message without framing.
const (
	MaxDatagram = 2048 // UDP: what RFC 5426 receivers must accept
	MaxStream   = 8192 // rsyslog's default maxMessageSize
	// maxValue bounds one evidence value before escaping.
	maxValue = 512
)

// Facility is a syslog facility (RFC 5424 §6.2.1).
type Facility int

var facilityNames = map[string]Facility{
	"kern": 0, "user": 1, "mail": 2, "daemon": 3, "auth": 4, "syslog": 5, "lpr": 6, "news": 7, "uucp": 8, "cron": 9,
	"authpriv": 10, "ftp": 11, "local0": 16, "local1": 17, "local2": 18, "local3": 19, "local4": 20, "local5": 21,
	"local6": 22, "local7": 23,
}

// ParseFacility returns the facility of a name (daemon, local0, ...).
func ParseFacility(name string) (Facility, error) {
	if f, ok := facilityNames[name]; ok {
		return f, nil
	}
	return 0, fmt.Errorf("syslog: unknown facility %q (want one of %s)", name, strings.Join(slices.Sorted(maps.Keys(facilityNames)), ", "))
}

// Header is what a message says about its sender.
type Header struct {
	Facility Facility
	Hostname string
	ProcID   int
}

// Format returns ev as one RFC 5424 message of at most max bytes (no
// framing). resent marks a message written again after a connection
// broke.
func Format(h Header, ev alert.Event, resent bool, max int) []byte {
	pri := int(h.Facility)*8 + int(alert.SeverityOf(ev))
	ts := "-"
	if !ev.Time.IsZero() {
		ts = ev.Time.UTC().Format("2006-01-02T15:04:05.000000Z07:00")
	}
	head := fmt.Sprintf("<%d>1 %s %s %s %d %s ", pri, ts, headerField(h.Hostname, 255), AppName, h.ProcID, headerField(ev.Kind, 32))

	evidence := make([]param, 0, len(ev.Evidence))
	for _, k := range slices.Sorted(maps.Keys(ev.Evidence)) {
		evidence = append(evidence, param{SDName(k), capValue(valueString(ev.Evidence[k]))})
	}
	msg := validUTF8(ev.Message)
	if ev.Dropped > 0 {
		msg += fmt.Sprintf(" [%d earlier events lost]", ev.Dropped)
	}
	event := []param{{"seq", strconv.FormatUint(ev.Seq, 10)}, {"kind", capName(ev.Kind)}, {"host", capName(ev.Host)},
		{"vm", capName(ev.VM)}, {"generation", strconv.FormatUint(ev.Generation, 10)}}
	if ev.Dropped > 0 {
		event = append(event, param{"dropped", strconv.FormatUint(ev.Dropped, 10)})
	}
	if resent {
		event = append(event, param{"resent", "true"})
	}
	truncated := false
	for {
		var b strings.Builder
		b.WriteString(head)
		if truncated {
			writeElement(&b, SDIDEvent, append(event[:len(event):len(event)], param{"truncated", "true"}))
		} else {
			writeElement(&b, SDIDEvent, event)
		}
		if len(evidence) > 0 {
			writeElement(&b, SDIDEvidence, evidence)
		}
		prefix := b.String()
		switch {
		case msg == "" && len(prefix) <= max:
			return []byte(prefix)
		case len(prefix)+1+len(msg) <= max:
			return []byte(prefix + " " + msg)
		case !truncated:
			truncated = true
		case len(evidence) > 0:
			evidence = evidence[:len(evidence)-1]
		default:
			// Only the text is left to cut. The header and the event's
			// own element are bounded (capName) and fit MaxDatagram.
			room := max - len(prefix) - 1 - len("…")
			if room <= 0 || msg == "" {
				return []byte(prefix)
			}
			return []byte(prefix + " " + cutUTF8(msg, room) + "…")
		}
	}
}

// capName bounds the event's own names (kind, host, vm) so that the
// header and the event's element always fit a datagram.
func capName(s string) string {
	s = validUTF8(s)
	if len(s) <= 128 {
		return s
	}
	return cutUTF8(s, 128-len("…")) + "…"
}

type param struct{ name, value string }

func writeElement(b *strings.Builder, id string, params []param) {
	b.WriteByte('[')
	b.WriteString(id)
	for _, p := range params {
		b.WriteByte(' ')
		b.WriteString(p.name)
		b.WriteString(`="`)
		b.WriteString(EscapeParamValue(p.value))
		b.WriteByte('"')
	}
	b.WriteByte(']')
}

// EscapeParamValue escapes a PARAM-VALUE as RFC 5424 §6.3.3 says: '"',
// '\' and ']' get a backslash before them. Bytes that are not UTF-8
// become U+FFFD, since a PARAM-VALUE is UTF-8.
func EscapeParamValue(s string) string {
	s = validUTF8(s)
	if !strings.ContainsAny(s, `"\]`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\', ']':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// SDName turns s into an SD-NAME: 1 to 32 printable US-ASCII characters
// other than '=', ' ', ']' and '"'; others become '_'.
func SDName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s) && b.Len() < 32; i++ {
		c := s[i]
		if c < 33 || c > 126 || c == '=' || c == ']' || c == '"' {
			c = '_'
		}
		b.WriteByte(c)
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// headerField is a HOSTNAME or MSGID: printable US-ASCII without spaces,
// at most max, "-" when empty.
func headerField(s string, max int) string {
	var b strings.Builder
	for i := 0; i < len(s) && b.Len() < max; i++ {
		c := s[i]
		if c < 33 || c > 126 {
			c = '_'
		}
		b.WriteByte(c)
	}
	if b.Len() == 0 {
		return "-"
	}
	return b.String()
}

// valueString renders an evidence value: strings as they are, times in
// RFC 3339, the rest as JSON.
func valueString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case *time.Time:
		if x == nil {
			return ""
		}
		return x.UTC().Format(time.RFC3339Nano)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if string(b) == "null" { // a nil pointer, map or slice
		return ""
	}
	return string(b)
}

func capValue(s string) string {
	s = validUTF8(s)
	if len(s) <= maxValue {
		return s
	}
	return cutUTF8(s, maxValue-len("…")) + "…"
}

func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// cutUTF8 returns the longest prefix of s of at most n bytes that ends on
// a rune boundary.
func cutUTF8(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if n >= len(s) {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
