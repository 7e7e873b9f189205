// Package storetest opens stores for tests and checks them at cleanup, the
// way bbolt's own test helper checks every test database: each store lives
// in t.TempDir(), and when the test ends it is closed, reopened and run
// through store.Check (bbolt's page check plus vigil's record invariants).
// A test that leaves a corrupt or inconsistent file fails.
package storetest

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/vigil-ha/vigil/store"
)

// Open opens a fresh store in t.TempDir() with opts and registers the
// cleanup check. The test may Close it itself; a second Close is harmless.
func Open(t testing.TB, opts store.Options) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vigil.db")
	s, err := store.Open(path, opts)
	if err != nil {
		t.Fatalf("storetest: open %s: %v", path, err)
	}
	t.Cleanup(func() {
		s.Close()
		if err := CheckFile(path, opts); err != nil {
			t.Errorf("storetest: %s at cleanup: %v", path, err)
		}
	})
	return s
}

// CheckFile opens the store file at path and runs store.Check on it.
func CheckFile(path string, opts store.Options) error {
	s, err := store.Open(path, opts)
	if err != nil {
		return err
	}
	return errors.Join(s.Check(), s.Close())
}
