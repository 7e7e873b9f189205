package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/internal/yamlconf"
	"gopkg.in/yaml.v3"
)

// Error is one problem in a config file: where it is and what is wrong.
type Error = yamlconf.Error

// Errors is every problem found in one file, in file order.
type Errors = yamlconf.Errors

// decoder is the shared walker (internal/yamlconf) plus the value helpers
// of the agent's files: a value given is never empty.
type decoder struct {
	yamlconf.Decoder
}

func newDecoder(file string) *decoder {
	return &decoder{yamlconf.Decoder{File: file}}
}

// str decodes a non-empty string.
func (d *decoder) str(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		if v, ok := d.Scalar(n, path); ok {
			if v == "" {
				d.Errorf(n, path, "empty (leave the key out instead)")
				return
			}
			*dst = v
		}
	}
}

func (d *decoder) boolean(dst *bool) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		v, ok := d.Scalar(n, path)
		if !ok {
			return
		}
		switch v {
		case "true":
			*dst = true
		case "false":
			*dst = false
		default:
			d.Errorf(n, path, "want true or false, got %q", v)
		}
	}
}

func (d *decoder) integer(dst *int, lo, hi int) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		v, ok := d.Scalar(n, path)
		if !ok {
			return
		}
		i, err := strconv.Atoi(v)
		if err != nil || n.Tag != "!!int" {
			d.Errorf(n, path, "want a whole number, got %q", v)
			return
		}
		if i < lo || i > hi {
			d.Errorf(n, path, "%d out of range %d to %d", i, lo, hi)
			return
		}
		*dst = i
	}
}

func (d *decoder) duration(dst *time.Duration, lo, hi time.Duration) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		v, ok := d.Scalar(n, path)
		if !ok {
			return
		}
		t, err := time.ParseDuration(v)
		if err != nil {
			d.Errorf(n, path, "want a duration such as 10s or 1m30s, got %q", v)
			return
		}
		if t < lo || t > hi {
			d.Errorf(n, path, "%v out of range %v to %v", t, lo, hi)
			return
		}
		*dst = t
	}
}

func (d *decoder) strList(dst *[]string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		if n.Kind != yaml.SequenceNode {
			d.Errorf(n, path, "want a list, got %s", yamlconf.Describe(n))
			return
		}
		out := []string{}
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			if v, ok := d.Scalar(c, p); ok {
				if v == "" {
					d.Errorf(c, p, "empty")
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
		v, ok := d.Scalar(n, path)
		if !ok {
			return
		}
		for _, c := range choices {
			if v == c {
				*dst = v
				return
			}
		}
		d.Errorf(n, path, "%q is not one of %s", v, strings.Join(choices, ", "))
	}
}
