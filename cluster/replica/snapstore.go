package replica

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync/atomic"
	"time"

	"github.com/hashicorp/raft"
	bolt "go.etcd.io/bbolt"
)

// snapshotStore keeps raft snapshots in a bbolt file: one bucket per
// snapshot holding its metadata (with a SHA-256 of the data) and the data in
// chunks. A snapshot becomes visible only when its sink closes, in one
// transaction that also drops all but the newest retain snapshots.
type snapshotStore struct {
	db     *bolt.DB
	retain int
	seq    atomic.Uint64
}

var (
	snapshotsBucket = []byte("snapshots")
	metaKey         = []byte("meta")
	dataBucket      = []byte("data")
)

const snapshotChunk = 1 << 20

// storedMeta is what the meta key holds.
type storedMeta struct {
	Meta   raft.SnapshotMeta `json:"meta"`
	SHA256 []byte            `json:"sha256"`
}

var _ raft.SnapshotStore = (*snapshotStore)(nil)

func openSnapshotStore(path string, retain int) (*snapshotStore, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, fmt.Errorf("snapshot store %s: %w", path, err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(snapshotsBucket)
		return err
	}); err != nil {
		db.Close()
		return nil, fmt.Errorf("snapshot store %s: %w", path, err)
	}
	return &snapshotStore{db: db, retain: max(retain, 1)}, nil
}

func (s *snapshotStore) Close() error { return s.db.Close() }

// Create starts a snapshot; nothing is stored until the sink closes.
func (s *snapshotStore) Create(version raft.SnapshotVersion, index, term uint64, configuration raft.Configuration,
	configurationIndex uint64, _ raft.Transport) (raft.SnapshotSink, error) {
	if version != 1 {
		return nil, fmt.Errorf("snapshot version %d not supported", version)
	}
	// IDs sort by term, then index, then creation time.
	id := fmt.Sprintf("%020d-%020d-%020d-%d", term, index, time.Now().UnixNano(), s.seq.Add(1))
	return &snapshotSink{
		store: s,
		meta: raft.SnapshotMeta{
			Version:            version,
			ID:                 id,
			Index:              index,
			Term:               term,
			Configuration:      configuration,
			ConfigurationIndex: configurationIndex,
		},
	}, nil
}

// List returns the stored snapshots, newest first.
func (s *snapshotStore) List() ([]*raft.SnapshotMeta, error) {
	var out []*raft.SnapshotMeta
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(snapshotsBucket).ForEachBucket(func(id []byte) error {
			sm, err := readMeta(tx.Bucket(snapshotsBucket).Bucket(id))
			if err != nil {
				return fmt.Errorf("snapshot %s: %w", id, err)
			}
			out = append(out, &sm.Meta)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b *raft.SnapshotMeta) int {
		return cmp.Or(cmp.Compare(b.Term, a.Term), cmp.Compare(b.Index, a.Index), cmp.Compare(b.ID, a.ID))
	})
	return out, nil
}

func readMeta(b *bolt.Bucket) (storedMeta, error) {
	var sm storedMeta
	raw := b.Get(metaKey)
	if raw == nil {
		return sm, errors.New("no metadata")
	}
	if err := json.Unmarshal(raw, &sm); err != nil {
		return sm, fmt.Errorf("metadata: %w", err)
	}
	return sm, nil
}

// Open returns a snapshot's metadata and data, checked against its hash.
func (s *snapshotStore) Open(id string) (*raft.SnapshotMeta, io.ReadCloser, error) {
	var (
		sm   storedMeta
		data []byte
	)
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(snapshotsBucket).Bucket([]byte(id))
		if b == nil {
			return fmt.Errorf("snapshot %s: not found", id)
		}
		var err error
		if sm, err = readMeta(b); err != nil {
			return fmt.Errorf("snapshot %s: %w", id, err)
		}
		chunks := b.Bucket(dataBucket)
		if chunks == nil {
			return fmt.Errorf("snapshot %s: no data", id)
		}
		data = make([]byte, 0, sm.Meta.Size)
		return chunks.ForEach(func(_, v []byte) error {
			data = append(data, v...)
			return nil
		})
	})
	if err != nil {
		return nil, nil, err
	}
	if int64(len(data)) != sm.Meta.Size {
		return nil, nil, fmt.Errorf("snapshot %s: %d bytes stored, metadata says %d", id, len(data), sm.Meta.Size)
	}
	if sum := sha256.Sum256(data); !bytes.Equal(sum[:], sm.SHA256) {
		return nil, nil, fmt.Errorf("snapshot %s: data does not match its SHA-256", id)
	}
	return &sm.Meta, io.NopCloser(bytes.NewReader(data)), nil
}

type snapshotSink struct {
	store *snapshotStore
	meta  raft.SnapshotMeta
	buf   bytes.Buffer
	done  bool  // closed or cancelled
	err   error // of the first Close
}

func (k *snapshotSink) ID() string { return k.meta.ID }

func (k *snapshotSink) Write(p []byte) (int, error) {
	if k.done {
		return 0, errors.New("snapshot sink closed")
	}
	return k.buf.Write(p)
}

// Cancel drops the snapshot, unless it was already stored.
func (k *snapshotSink) Cancel() error {
	k.done = true
	k.buf = bytes.Buffer{}
	return nil
}

// Close stores the snapshot and drops old ones, in one transaction. Both
// the FSM's Persist and raft close a sink, so a second Close returns the
// first one's result.
func (k *snapshotSink) Close() error {
	if k.done {
		return k.err
	}
	k.done = true
	k.err = k.store.put(&k.meta, k.buf.Bytes())
	k.buf = bytes.Buffer{}
	return k.err
}

func (s *snapshotStore) put(meta *raft.SnapshotMeta, data []byte) error {
	sum := sha256.Sum256(data)
	meta.Size = int64(len(data))
	raw, err := json.Marshal(storedMeta{Meta: *meta, SHA256: sum[:]})
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		all := tx.Bucket(snapshotsBucket)
		b, err := all.CreateBucket([]byte(meta.ID))
		if err != nil {
			return err
		}
		if err := b.Put(metaKey, raw); err != nil {
			return err
		}
		chunks, err := b.CreateBucket(dataBucket)
		if err != nil {
			return err
		}
		chunks.FillPercent = 1
		for i := 0; i*snapshotChunk < len(data) || i == 0; i++ {
			part := data[i*snapshotChunk : min(len(data), (i+1)*snapshotChunk)]
			if err := chunks.Put(binary.BigEndian.AppendUint64(nil, uint64(i)), part); err != nil {
				return err
			}
		}
		return s.reap(all)
	})
}

// reap drops all but the newest retain snapshots.
func (s *snapshotStore) reap(all *bolt.Bucket) error {
	type entry struct {
		id          []byte
		term, index uint64
	}
	var entries []entry
	err := all.ForEachBucket(func(id []byte) error {
		sm, err := readMeta(all.Bucket(id))
		if err != nil {
			return fmt.Errorf("snapshot %s: %w", id, err)
		}
		entries = append(entries, entry{slices.Clone(id), sm.Meta.Term, sm.Meta.Index})
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(entries, func(a, b entry) int {
		return cmp.Or(cmp.Compare(b.term, a.term), cmp.Compare(b.index, a.index), bytes.Compare(b.id, a.id))
	})
	for _, e := range entries[min(len(entries), s.retain):] {
		if err := all.DeleteBucket(e.id); err != nil {
			return err
		}
	}
	return nil
}
