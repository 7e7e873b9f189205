package redfishsim

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Mockup names of the DMTF mockups in testdata/mockups (BSD-3-Clause, the
// license beside them).
const (
	MockupRackmount = "public-rackmount1"
	MockupTower     = "public-tower"
)

// mockupsPath is where the DMTF mockups live, relative to the module root.
const mockupsPath = "test/lab/redfishsim/testdata/mockups"

// ErrNoMockups means the mockup asked for is not in the repository's
// testdata (a misspelt name or a broken checkout).
var ErrNoMockups = errors.New("redfishsim: DMTF mockup not found")

// FindMockup locates the DMTF mockup name in this package's
// testdata/mockups, found from the module root (the nearest go.mod above
// the working directory, which is a package's directory under go test).
// Every test that serves a mockup finds it here. The error wraps
// ErrNoMockups when it is absent.
func FindMockup(name string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("redfishsim: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("%w: no go.mod above the working directory", ErrNoMockups)
		}
		dir = parent
	}
	p := filepath.Join(dir, filepath.FromSlash(mockupsPath), name)
	if _, err := os.Stat(filepath.Join(p, "index.json")); err != nil {
		return "", fmt.Errorf("%w: %s", ErrNoMockups, p)
	}
	return p, nil
}
