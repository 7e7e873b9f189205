package replica

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/raft"
	bolt "go.etcd.io/bbolt"
)

func TestSnapshotStore(t *testing.T) {
	s, err := openSnapshotStore(filepath.Join(t.TempDir(), "snapshots.db"), 2)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	conf := raft.Configuration{Servers: []raft.Server{{Suffrage: raft.Voter, ID: "n1", Address: "127.0.0.1:1"}}}
	put := func(term, index uint64, data []byte) string {
		t.Helper()
		sink, err := s.Create(1, index, term, conf, 1, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sink.Write(data); err != nil {
			t.Fatal(err)
		}
		if err := sink.Close(); err != nil {
			t.Fatal(err)
		}
		if err := sink.Close(); err != nil { // raft closes again after Persist
			t.Fatalf("second Close = %v", err)
		}
		return sink.ID()
	}
	big := bytes.Repeat([]byte("0123456789abcdef"), 3*snapshotChunk/16+5) // several chunks
	put(1, 10, []byte("first"))
	newest := put(2, 20, big)
	put(2, 15, []byte("older index, same term"))

	// A cancelled snapshot leaves nothing.
	sink, _ := s.Create(1, 99, 9, conf, 1, nil)
	sink.Write([]byte("dropped"))
	sink.Cancel()

	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != newest || list[0].Index != 20 || list[1].Index != 15 {
		t.Fatalf("List = %+v; want the 2 newest, (term 2, index 20) first", list)
	}
	meta, rc, err := s.Open(newest)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	if !bytes.Equal(got, big) || meta.Size != int64(len(big)) || len(meta.Configuration.Servers) != 1 {
		t.Fatalf("Open: %d bytes, meta %+v; want the %d bytes written", len(got), meta, len(big))
	}

	// Damage is caught by the hash.
	if err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(snapshotsBucket).Bucket([]byte(newest)).Bucket(dataBucket).Put(make([]byte, 8), bytes.Repeat([]byte("X"), snapshotChunk))
	}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Open(newest); err == nil || !strings.Contains(err.Error(), "SHA-256") {
		t.Fatalf("Open(damaged) = %v, want a SHA-256 mismatch", err)
	}
	if _, _, err := s.Open("nope"); err == nil {
		t.Fatal("Open(unknown id) succeeded")
	}
}
