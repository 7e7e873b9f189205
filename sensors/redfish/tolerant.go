package redfish

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// decode unmarshals raw into a T with gofish's types. When that fails (one
// wrongly typed field fails gofish's whole decode), it falls back to a
// tolerant decode: every field, array element and nested field that T
// cannot take is dropped, the rest is decoded, and the dropped paths are
// returned so the caller can log them. Only input that is not JSON at all
// is an error.
func decode[T any](raw []byte) (T, []string, error) {
	var v T
	if err := json.Unmarshal(raw, &v); err == nil {
		return v, nil, nil
	}
	var any0 any
	if err := json.Unmarshal(raw, &any0); err != nil {
		return v, nil, fmt.Errorf("not JSON: %w", err)
	}
	probe := func(b []byte) error {
		var p T
		return json.Unmarshal(b, &p)
	}
	var skipped []string
	cleaned, ok := clean(raw, func(x []byte) []byte { return x }, probe, "", &skipped, 0)
	if !ok {
		return v, skipped, fmt.Errorf("no part of the document fits")
	}
	if err := json.Unmarshal(cleaned, &v); err != nil {
		return v, skipped, fmt.Errorf("tolerant decode: %w", err)
	}
	return v, skipped, nil
}

// maxDepth bounds the recursion of clean on hostile input.
const maxDepth = 32

// clean returns raw without the parts that make probe(wrap(part)) fail.
// wrap embeds a value at its place in an otherwise minimal document, so
// probe checks one field in isolation against the target type.
func clean(raw []byte, wrap func([]byte) []byte, probe func([]byte) error, path string, skipped *[]string, depth int) ([]byte, bool) {
	if probe(wrap(raw)) == nil {
		return raw, true
	}
	raw = bytes.TrimSpace(raw)
	if depth < maxDepth && len(raw) > 0 && raw[0] == '{' {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err == nil {
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			out := map[string]json.RawMessage{}
			for _, k := range keys {
				kb, _ := json.Marshal(k)
				sub := func(x []byte) []byte {
					return wrap(append(append(append([]byte{'{'}, kb...), ':'), append(x, '}')...))
				}
				if c, ok := clean(m[k], sub, probe, path+"/"+k, skipped, depth+1); ok {
					out[k] = c
				}
			}
			if b, _ := json.Marshal(out); probe(wrap(b)) == nil {
				return b, true
			}
		}
	}
	if depth < maxDepth && len(raw) > 0 && raw[0] == '[' {
		var a []json.RawMessage
		if err := json.Unmarshal(raw, &a); err == nil {
			out := make([]json.RawMessage, 0, len(a))
			for i, el := range a {
				sub := func(x []byte) []byte { return wrap(append(append([]byte{'['}, x...), ']')) }
				if c, ok := clean(el, sub, probe, path+"/"+strconv.Itoa(i), skipped, depth+1); ok {
					out = append(out, c)
				}
			}
			if b, _ := json.Marshal(out); probe(wrap(b)) == nil {
				return b, true
			}
		}
	}
	if path == "" {
		path = "/"
	}
	*skipped = append(*skipped, path)
	return nil, false
}
