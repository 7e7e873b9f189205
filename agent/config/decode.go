package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Error is one problem in a config file: where it is and what is wrong.
type Error struct {
	File string
	Line int    // 1-based; 0 when the problem has no line (an unreadable file)
	Path string // key path, dotted ("bmc.password_file", "cluster.join[1]")
	Msg  string
}

// Error reads "FILE:LINE: KEY: MSG".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one file, in file order.
type Errors []*Error

// Error is one line per problem.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// decoder walks a YAML node tree against the schema, collecting every
// error instead of stopping at the first.
type decoder struct {
	file string
	errs Errors
	// keyOf maps a value node to the key node that introduced it, so
	// that a problem with a whole mapping is reported at its key's line.
	keyOf map[*yaml.Node]*yaml.Node
}

// at is the node to report a problem with the value n at: its key when it
// has one (a block mapping's value starts on the next line).
func (d *decoder) at(n *yaml.Node) *yaml.Node {
	if k, ok := d.keyOf[n]; ok {
		return k
	}
	return n
}

func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Path: path, Msg: fmt.Sprintf(format, args...)})
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// field is one key of a mapping and what to do with its value.
type field struct {
	key      string
	required bool
	decode   func(n *yaml.Node, path string)
}

// mapping decodes a mapping node: each known key once, unknown and
// duplicate keys refused, missing required keys reported at the mapping.
// It returns the keys that were present.
func (d *decoder) mapping(n *yaml.Node, path string, fields []field) map[string]*yaml.Node {
	seen := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		d.errorf(d.at(n), path, "want a mapping of keys, got %s", describe(n))
		return seen
	}
	byKey := map[string]field{}
	for _, f := range fields {
		byKey[f.key] = f
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		p := join(path, k.Value)
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, path, "keys must be plain names, got %s", describe(k))
			continue
		}
		f, ok := byKey[k.Value]
		if !ok {
			d.errorf(k, p, "unknown key%s", suggest(k.Value, fields))
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			d.errorf(k, p, "duplicate key (first on line %d)", prev.Line)
			continue
		}
		seen[k.Value] = v
		if d.keyOf == nil {
			d.keyOf = map[*yaml.Node]*yaml.Node{}
		}
		d.keyOf[v] = k
		f.decode(v, p)
	}
	for _, f := range fields {
		if _, ok := seen[f.key]; f.required && !ok {
			d.errorf(d.at(n), join(path, f.key), "required")
		}
	}
	return seen
}

// suggest names the known keys when an unknown one is met.
func suggest(key string, fields []field) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.key
	}
	return " (known: " + strings.Join(names, ", ") + ")"
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an empty document"
}

// scalar checks that n is a plain value and returns it.
func (d *decoder) scalar(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(d.at(n), path, "want a value, got %s", describe(n))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) str(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		if v, ok := d.scalar(n, path); ok {
			if v == "" {
				d.errorf(n, path, "empty (leave the key out instead)")
				return
			}
			*dst = v
		}
	}
}

func (d *decoder) boolean(dst *bool) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		v, ok := d.scalar(n, path)
		if !ok {
			return
		}
		switch v {
		case "true":
			*dst = true
		case "false":
			*dst = false
		default:
			d.errorf(n, path, "want true or false, got %q", v)
		}
	}
}

func (d *decoder) integer(dst *int, lo, hi int) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		v, ok := d.scalar(n, path)
		if !ok {
			return
		}
		i, err := strconv.Atoi(v)
		if err != nil || n.Tag != "!!int" {
			d.errorf(n, path, "want a whole number, got %q", v)
			return
		}
		if i < lo || i > hi {
			d.errorf(n, path, "%d out of range %d to %d", i, lo, hi)
			return
		}
		*dst = i
	}
}

func (d *decoder) duration(dst *time.Duration, lo, hi time.Duration) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		v, ok := d.scalar(n, path)
		if !ok {
			return
		}
		t, err := time.ParseDuration(v)
		if err != nil {
			d.errorf(n, path, "want a duration such as 10s or 1m30s, got %q", v)
			return
		}
		if t < lo || t > hi {
			d.errorf(n, path, "%v out of range %v to %v", t, lo, hi)
			return
		}
		*dst = t
	}
}

func (d *decoder) strList(dst *[]string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, path, "want a list, got %s", describe(n))
			return
		}
		out := []string{}
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			if v, ok := d.scalar(c, p); ok {
				if v == "" {
					d.errorf(c, p, "empty")
					continue
				}
				out = append(out, v)
			}
		}
		*dst = out
	}
}

// oneOf decodes a value that must be one of choices.
func (d *decoder) oneOf(dst *string, choices ...string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		v, ok := d.scalar(n, path)
		if !ok {
			return
		}
		for _, c := range choices {
			if v == c {
				*dst = v
				return
			}
		}
		d.errorf(n, path, "%q is not one of %s", v, strings.Join(choices, ", "))
	}
}
