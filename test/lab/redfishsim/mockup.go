package redfishsim

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Mockup names of the DMTF mockups in ../shared/redfish-mockups.
const (
	MockupRackmount = "public-rackmount1"
	MockupTower     = "public-tower"
)

// ErrNoMockups means the shared mockup directory is absent; tests skip.
var ErrNoMockups = errors.New("redfishsim: DMTF mockups not found")

// FindMockup locates the DMTF mockup name in ../shared/redfish-mockups
// relative to the module root (the nearest go.mod above the working
// directory, which is a package's directory under go test). The error wraps
// ErrNoMockups when it is absent, so callers can t.Skip.
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
	p := filepath.Join(dir, "..", "shared", "redfish-mockups", name)
	if _, err := os.Stat(filepath.Join(p, "index.json")); err != nil {
		return "", fmt.Errorf("%w: %s", ErrNoMockups, p)
	}
	return filepath.Clean(p), nil
}
