package syslog

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parsed is an RFC 5424 message as its ABNF (§6) reads it: the checker
// the tests hold Format's output to, independent of Format's code.
type parsed struct {
	Pri                                     int
	Timestamp, Hostname, App, ProcID, MsgID string
	Elements                                []element
	Msg                                     string
}

type element struct {
	ID     string
	Params []param
}

// sd returns the value of name in the element id, and whether it is
// there.
func (p parsed) sd(id, name string) (string, bool) {
	for _, e := range p.Elements {
		if e.ID != id {
			continue
		}
		for _, pr := range e.Params {
			if pr.name == name {
				return pr.value, true
			}
		}
	}
	return "", false
}

func parse5424(s string) (parsed, error) {
	var p parsed
	if !strings.HasPrefix(s, "<") {
		return p, errors.New("no PRI")
	}
	end := strings.IndexByte(s, '>')
	if end < 2 || end > 4 {
		return p, errors.New("PRI: 1 to 3 digits")
	}
	pri, err := strconv.Atoi(s[1:end])
	if err != nil || pri > 191 || (len(s[1:end]) > 1 && s[1] == '0') {
		return p, fmt.Errorf("PRI %q", s[1:end])
	}
	p.Pri = pri
	s = s[end+1:]
	if !strings.HasPrefix(s, "1 ") {
		return p, errors.New("VERSION is not 1")
	}
	s = s[2:]
	field := func(name string, max int) (string, error) {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return "", fmt.Errorf("%s: no SP after it", name)
		}
		v := s[:i]
		s = s[i+1:]
		if v == "" || len(v) > max {
			return "", fmt.Errorf("%s %q: 1 to %d characters", name, v, max)
		}
		for j := 0; j < len(v); j++ {
			if v[j] < 33 || v[j] > 126 {
				return "", fmt.Errorf("%s %q: not PRINTUSASCII", name, v)
			}
		}
		return v, nil
	}
	for _, f := range []struct {
		name string
		max  int
		dst  *string
	}{{"TIMESTAMP", 32, &p.Timestamp}, {"HOSTNAME", 255, &p.Hostname}, {"APP-NAME", 48, &p.App}, {"PROCID", 128, &p.ProcID}, {"MSGID", 32, &p.MsgID}} {
		if *f.dst, err = field(f.name, f.max); err != nil {
			return p, err
		}
	}
	if s == "" {
		return p, errors.New("no STRUCTURED-DATA")
	}
	if s[0] == '-' {
		s = s[1:]
	} else {
		for len(s) > 0 && s[0] == '[' {
			var e element
			s = s[1:]
			e.ID, s, err = sdName(s, "SD-ID")
			if err != nil {
				return p, err
			}
			for len(s) > 0 && s[0] == ' ' {
				var pr param
				pr.name, s, err = sdName(s[1:], "PARAM-NAME")
				if err != nil {
					return p, err
				}
				if !strings.HasPrefix(s, `="`) {
					return p, fmt.Errorf("param %s: no =\"", pr.name)
				}
				s = s[2:]
				var v strings.Builder
				closed := false
				for i := 0; i < len(s); i++ {
					c := s[i]
					if c == '\\' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\' || s[i+1] == ']') {
						v.WriteByte(s[i+1])
						i++
						continue
					}
					if c == ']' {
						return p, fmt.Errorf("param %s: unescaped ']'", pr.name)
					}
					if c == '"' {
						s = s[i+1:]
						closed = true
						break
					}
					v.WriteByte(c)
				}
				if !closed {
					return p, fmt.Errorf("param %s: no closing quote", pr.name)
				}
				pr.value = v.String()
				if !utf8.ValidString(pr.value) {
					return p, fmt.Errorf("param %s: not UTF-8", pr.name)
				}
				e.Params = append(e.Params, pr)
			}
			if !strings.HasPrefix(s, "]") {
				return p, fmt.Errorf("element %s: no ']'", e.ID)
			}
			s = s[1:]
			p.Elements = append(p.Elements, e)
		}
		if len(p.Elements) == 0 {
			return p, errors.New("STRUCTURED-DATA: neither - nor an element")
		}
	}
	switch {
	case s == "":
	case s[0] == ' ':
		p.Msg = s[1:]
	default:
		return p, fmt.Errorf("no SP before MSG: %q", s)
	}
	return p, nil
}

// sdName reads an SD-NAME: 1 to 32 PRINTUSASCII except '=', SP, ']', '"'.
func sdName(s, what string) (string, string, error) {
	i := 0
	for i < len(s) && s[i] >= 33 && s[i] <= 126 && s[i] != '=' && s[i] != ']' && s[i] != '"' {
		i++
	}
	if i == 0 || i > 32 {
		return "", s, fmt.Errorf("%s %q: 1 to 32 characters", what, s[:min(i, 40)])
	}
	return s[:i], s[i:], nil
}
