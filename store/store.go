package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout this build writes. Open migrates older files up
// to it.
const SchemaVersion = 3

// Bucket names. Each bucket holds one kind of record.
var (
	bucketMeta    = []byte("meta")
	bucketVMs     = []byte("vms")
	bucketIntents = []byte("intents")
	bucketAudit   = []byte("audit")
	bucketFences  = []byte("fences")
	bucketSamples = []byte("samples")
	bucketCursors = []byte("cursors")

	keySchema     = []byte("schema")
	keyAuditBytes = []byte("audit.bytes")
)

// Errors the store returns; match with errors.Is.
var (
	// ErrNotFound: the record asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrCorrupt: a stored record or the file layout failed validation.
	ErrCorrupt = errors.New("corrupt record")
	// ErrSchemaTooNew: the file was written by a newer vigil.
	ErrSchemaTooNew = errors.New("schema newer than this build")
	// ErrStaleGeneration: a VM record would go back to an older generation.
	ErrStaleGeneration = errors.New("stale generation")
	// ErrInvalid: a record given to the store is not valid; nothing was written.
	ErrInvalid = errors.New("invalid record")
	// ErrClosed: the store was closed.
	ErrClosed = errors.New("store closed")
)

// Options bound what the store keeps. Zero values take the defaults.
type Options struct {
	// LockTimeout is how long Open waits for another process's lock on the
	// file (default 2 s).
	LockTimeout time.Duration
	// MaxAuditAge and MaxAuditBytes bound the audit log (defaults 30 days and
	// 64 MiB). The newest event is always kept.
	MaxAuditAge   time.Duration
	MaxAuditBytes int64
	// MaxEvidence cuts one event's evidence (default 16 KiB).
	MaxEvidence int
	// SampleCapacity is the length of each sensor's history ring (default
	// 4096 samples: more than a day at one poll per 30 s).
	SampleCapacity int
	// MaxFences keeps the newest fence records (default 10000).
	MaxFences int
	// Now is the clock (default time.Now); tests substitute their own.
	Now func() time.Time
	// NoSync skips fsync on commit. Tests of logic only: it voids crash
	// safety.
	NoSync bool
}

func (o *Options) defaults() {
	if o.LockTimeout <= 0 {
		o.LockTimeout = 2 * time.Second
	}
	if o.MaxAuditAge <= 0 {
		o.MaxAuditAge = 30 * 24 * time.Hour
	}
	if o.MaxAuditBytes <= 0 {
		o.MaxAuditBytes = 64 << 20
	}
	if o.MaxEvidence <= 0 {
		o.MaxEvidence = 16 << 10
	}
	if o.SampleCapacity <= 0 {
		o.SampleCapacity = 4096
	}
	if o.MaxFences <= 0 {
		o.MaxFences = 10000
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Store is the agent's local state file. Its methods are safe for concurrent
// use; every write is one transaction, committed before the method returns.
type Store struct {
	db      *bolt.DB
	opts    Options
	path    string
	pending []Intent
}

// Open opens (creating if needed, mode 0600) the store file at path and
// migrates it to SchemaVersion.
func Open(path string, opts Options) (*Store, error) {
	return openAt(path, opts, SchemaVersion)
}

// openAt opens the store and migrates it up to version target (tests use an
// older target to build old files).
func openAt(path string, opts Options, target int) (*Store, error) {
	opts.defaults()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.LockTimeout, NoSync: opts.NoSync})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("store %s: locked by another process after %v", path, opts.LockTimeout)
		}
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	s := &Store{db: db, opts: opts, path: path}
	err = db.Update(func(tx *bolt.Tx) error {
		if err := migrate(tx, target); err != nil {
			return err
		}
		if samples := tx.Bucket(bucketSamples); samples != nil {
			return trimRings(samples, opts.SampleCapacity)
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if target == SchemaVersion {
		if s.pending, err = s.OpenIntents(); err != nil {
			db.Close()
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
	}
	return s, nil
}

// Pending returns the intents that were open when the store was opened:
// what the previous run of the agent began and never closed, to finish or
// undo now.
func (s *Store) Pending() []Intent { return append([]Intent(nil), s.pending...) }

// Path is the file the store lives in.
func (s *Store) Path() string { return s.path }

// Close releases the file.
func (s *Store) Close() error { return s.db.Close() }

// migration moves a file from version i to i+1 (migrations[i]).
type migration func(tx *bolt.Tx) error

var migrations = []migration{
	// 0 -> 1: the first layout.
	func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketVMs, bucketIntents, bucketAudit, bucketFences} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	},
	// 1 -> 2: sensor history rings, and a running byte count of the audit
	// log so pruning by size no longer scans it.
	func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucketIfNotExists(bucketSamples); err != nil {
			return err
		}
		var total uint64
		err := tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
			total += uint64(len(k) + len(v))
			return nil
		})
		if err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyAuditBytes, u64(total))
	},
	// 2 -> 3: how far each BMC event log has been read.
	func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketCursors)
		return err
	},
}

func migrate(tx *bolt.Tx, target int) error {
	version := 0
	if meta := tx.Bucket(bucketMeta); meta != nil {
		if v := meta.Get(keySchema); v != nil {
			if len(v) != 4 {
				return fmt.Errorf("meta/schema: %w: %d bytes, want 4", ErrCorrupt, len(v))
			}
			version = int(binary.BigEndian.Uint32(v))
		}
	}
	if version > SchemaVersion {
		return fmt.Errorf("%w: file has schema %d, this build knows up to %d", ErrSchemaTooNew, version, SchemaVersion)
	}
	for v := version; v < target; v++ {
		if err := migrations[v](tx); err != nil {
			return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
		}
		var b [4]byte
		binary.BigEndian.PutUint32(b[:], uint32(v+1))
		if err := tx.Bucket(bucketMeta).Put(keySchema, b[:]); err != nil {
			return err
		}
	}
	return nil
}

// Schema reports the file's schema version.
func (s *Store) Schema() (int, error) {
	var v int
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketMeta).Get(keySchema)
		if len(raw) != 4 {
			return fmt.Errorf("meta/schema: %w", ErrCorrupt)
		}
		v = int(binary.BigEndian.Uint32(raw))
		return nil
	})
	return v, err
}

// Check verifies the file: bbolt's own page-level consistency check, then
// vigil's invariants (every record decodes and validates, the audit byte
// count matches, sample rings are contiguous and within capacity, open
// intents are open, log cursors are within their bounds and consistent). It returns every problem found, joined.
func (s *Store) Check() error {
	return s.db.View(func(tx *bolt.Tx) error { return check(tx, s.opts) })
}

func check(tx *bolt.Tx, opts Options) error {
	var errs []error
	for err := range tx.Check() {
		errs = append(errs, fmt.Errorf("bbolt: %w", err))
	}
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return errors.Join(append(errs, fmt.Errorf("%w: no meta bucket", ErrCorrupt))...)
	}
	if v := meta.Get(keySchema); len(v) != 4 || int(binary.BigEndian.Uint32(v)) != SchemaVersion {
		errs = append(errs, fmt.Errorf("meta/schema: %w: %x, want %d", ErrCorrupt, v, SchemaVersion))
	}
	for _, name := range [][]byte{bucketVMs, bucketIntents, bucketAudit, bucketFences, bucketSamples, bucketCursors} {
		if tx.Bucket(name) == nil {
			errs = append(errs, fmt.Errorf("%w: bucket %s missing", ErrCorrupt, name))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	each := func(bucket []byte, fn func(k, v []byte) error) {
		err := tx.Bucket(bucket).ForEach(func(k, v []byte) error {
			if err := fn(k, v); err != nil {
				errs = append(errs, fmt.Errorf("%s/%x: %w", bucket, k, err))
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	each(bucketVMs, func(k, v []byte) error {
		r, err := decodeVM(v)
		if err == nil && r.ID != string(k) {
			err = fmt.Errorf("%w: key names VM %q, record %q", ErrCorrupt, k, r.ID)
		}
		return err
	})
	each(bucketIntents, func(k, v []byte) error {
		in, err := decodeIntent(v)
		if err == nil && (len(k) != 8 || in.ID != binary.BigEndian.Uint64(k)) {
			err = fmt.Errorf("%w: key does not match intent id %d", ErrCorrupt, in.ID)
		}
		return err
	})
	var auditBytes uint64
	each(bucketAudit, func(k, v []byte) error {
		auditBytes += uint64(len(k) + len(v))
		ev, err := decodeEvent(v)
		if err == nil && (len(k) != 8 || ev.Seq != binary.BigEndian.Uint64(k)) {
			err = fmt.Errorf("%w: key does not match event seq %d", ErrCorrupt, ev.Seq)
		}
		if err == nil && len(ev.Evidence) > opts.MaxEvidence {
			err = fmt.Errorf("%w: evidence %d bytes over the %d limit", ErrCorrupt, len(ev.Evidence), opts.MaxEvidence)
		}
		return err
	})
	if got := meta.Get(keyAuditBytes); len(got) != 8 || binary.BigEndian.Uint64(got) != auditBytes {
		errs = append(errs, fmt.Errorf("meta/audit.bytes: %w: counter %x, actual %d", ErrCorrupt, got, auditBytes))
	}
	if auditBytes > uint64(opts.MaxAuditBytes) && tx.Bucket(bucketAudit).Stats().KeyN > 1 {
		errs = append(errs, fmt.Errorf("audit: %d bytes over the %d limit", auditBytes, opts.MaxAuditBytes))
	}
	each(bucketFences, func(k, v []byte) error {
		f, err := decodeFence(v)
		if err == nil && (len(k) != 8 || f.ID != binary.BigEndian.Uint64(k)) {
			err = fmt.Errorf("%w: key does not match fence id %d", ErrCorrupt, f.ID)
		}
		return err
	})
	each(bucketCursors, func(k, v []byte) error {
		c, err := decodeCursor(v)
		if err == nil && c.Source != string(k) {
			err = fmt.Errorf("%w: key names cursor %q, record %q", ErrCorrupt, k, c.Source)
		}
		return err
	})
	err := tx.Bucket(bucketSamples).ForEachBucket(func(name []byte) error {
		if err := checkRing(tx.Bucket(bucketSamples).Bucket(name), opts.SampleCapacity); err != nil {
			errs = append(errs, fmt.Errorf("samples/%q: %w", name, err))
		}
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func u64(v uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	return b[:]
}

// update runs fn in a write transaction, mapping bbolt's closed-database
// error to ErrClosed.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	err := s.db.Update(fn)
	if errors.Is(err, bolterrors.ErrDatabaseNotOpen) {
		return ErrClosed
	}
	return err
}

func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	err := s.db.View(fn)
	if errors.Is(err, bolterrors.ErrDatabaseNotOpen) {
		return ErrClosed
	}
	return err
}
