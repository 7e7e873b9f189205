package yamlconf

import (
	"fmt"
	"strconv"
	"strings"

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

// Decoder walks a YAML node tree against a schema, collecting every error
// instead of stopping at the first. The zero value with File set is ready.
type Decoder struct {
	File string // named in every Error
	Errs Errors // the problems met so far
	// keyOf maps a value node to the key node that introduced it, so
	// that a problem with a whole mapping is reported at its key's line.
	keyOf map[*yaml.Node]*yaml.Node
}

// At is the node to report a problem with the value n at: its key when it
// has one (a block mapping's value starts on the next line).
func (d *Decoder) At(n *yaml.Node) *yaml.Node {
	if k, ok := d.keyOf[n]; ok {
		return k
	}
	return n
}

// Errorf records a problem at n's line (none when n is nil) under the key
// path.
func (d *Decoder) Errorf(n *yaml.Node, path, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	d.Errs = append(d.Errs, &Error{File: d.File, Line: line, Path: path, Msg: fmt.Sprintf(format, args...)})
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Field is one key of a mapping and what to do with its value. Decode is
// given the value node and its key path.
type Field struct {
	Key      string
	Required bool
	Decode   func(n *yaml.Node, path string)
}

// Required is a key that must be present.
func Required(key string, decode func(n *yaml.Node, path string)) Field {
	return Field{Key: key, Required: true, Decode: decode}
}

// Optional is a key that may be left out.
func Optional(key string, decode func(n *yaml.Node, path string)) Field {
	return Field{Key: key, Decode: decode}
}

// Mapping decodes a mapping node: each known key once, unknown and
// duplicate keys refused, missing required keys reported at the mapping.
// It returns the value nodes of the keys that were present.
func (d *Decoder) Mapping(n *yaml.Node, path string, fields []Field) map[string]*yaml.Node {
	seen := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		d.Errorf(d.At(n), path, "want a mapping of keys, got %s", Describe(n))
		return seen
	}
	byKey := map[string]Field{}
	for _, f := range fields {
		byKey[f.Key] = f
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		p := join(path, k.Value)
		if k.Kind != yaml.ScalarNode {
			d.Errorf(k, path, "keys must be plain names, got %s", Describe(k))
			continue
		}
		f, ok := byKey[k.Value]
		if !ok {
			d.Errorf(k, p, "unknown key%s", known(fields))
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			d.Errorf(k, p, "duplicate key (first on line %d)", d.At(prev).Line)
			continue
		}
		seen[k.Value] = v
		if d.keyOf == nil {
			d.keyOf = map[*yaml.Node]*yaml.Node{}
		}
		d.keyOf[v] = k
		f.Decode(v, p)
	}
	for _, f := range fields {
		if _, ok := seen[f.Key]; f.Required && !ok {
			d.Errorf(d.At(n), join(path, f.Key), "required")
		}
	}
	return seen
}

// known names the known keys, for an unknown one.
func known(fields []Field) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Key
	}
	return " (known: " + strings.Join(names, ", ") + ")"
}

// Describe names what n is, for "want X, got Y" messages: "a mapping",
// "a list", "nothing" (null), or a scalar's value quoted.
func Describe(n *yaml.Node) string {
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

// Scalar checks that n is a plain value, not null, and returns it.
func (d *Decoder) Scalar(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.Errorf(d.At(n), path, "want a value, got %s", Describe(n))
		return "", false
	}
	return n.Value, true
}
