package store

import bolt "go.etcd.io/bbolt"

// OpenAt opens a store migrated only up to version (to build old files).
func OpenAt(path string, opts Options, version int) (*Store, error) {
	return openAt(path, opts, version)
}

// DB exposes the bbolt handle so tests can damage a file on purpose.
func (s *Store) DB() *bolt.DB { return s.db }
