package model

import (
	"os"
	"path/filepath"
	"testing"
)

// TestParsePan reads pan reports captured from this model (testdata) and
// checks what the model test relies on: the error count, the first error,
// and whether the search covered the whole state space.
func TestParsePan(t *testing.T) {
	for _, tc := range []struct {
		file       string
		errors     int
		states     int
		depth      int
		complete   bool
		firstError string
	}{
		{"pan-safety-clean.txt", 0, 933279, 1691, true, ""},
		{"pan-liveness-clean.txt", 0, 989037, 1828, true, ""},
		{"pan-assertion-violated.txt", 1, 55, 670, false, "assertion violated (want[h]>=maxstarted)"},
		{"pan-acceptance-cycle.txt", 1, 124701, 1566, false, "acceptance cycle"},
		{"pan-depth-too-small.txt", 0, 121859, 299, false, ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			out, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := parsePan(string(out))
			if err != nil {
				t.Fatalf("parsePan(%s): %v", tc.file, err)
			}
			if r.errors != tc.errors || r.depth != tc.depth || r.complete != tc.complete || r.firstError != tc.firstError {
				t.Errorf("parsePan(%s) = errors %d, depth %d, complete %v, first %q; want %d, %d, %v, %q",
					tc.file, r.errors, r.depth, r.complete, r.firstError, tc.errors, tc.depth, tc.complete, tc.firstError)
			}
			if r.states != tc.states {
				t.Errorf("parsePan(%s) states = %d, want %d", tc.file, r.states, tc.states)
			}
		})
	}
}

// TestParsePanRejects: output without pan's summary, or with errors but no
// error line, is an error, never a clean verdict.
func TestParsePanRejects(t *testing.T) {
	for name, out := range map[string]string{
		"empty":         "",
		"crashed":       "pan: out of memory\n",
		"no error line": "Full statespace search for:\nState-vector 92 byte, depth reached 3, errors: 1\n     5 states, stored\n",
	} {
		if r, err := parsePan(out); err == nil {
			t.Errorf("parsePan(%s) = %+v, nil; want an error", name, r)
		}
	}
}
