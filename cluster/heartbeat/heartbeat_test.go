package heartbeat

import (
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/vigil-ha/vigil/cluster/membership"
)

var boot = membership.BootID{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}

func sample() Record {
	return Record{Host: "host-a.lab", BootID: boot, Seq: 42, Time: time.Unix(1700000000, 123456789), Mono: 1500 * time.Millisecond}
}

func TestRecordRoundTrip(t *testing.T) {
	r := sample()
	b, err := r.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != RecordSize {
		t.Fatalf("Encode() = %d bytes, want %d", len(b), RecordSize)
	}
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Host != r.Host || got.BootID != r.BootID || got.Seq != r.Seq || !got.Time.Equal(r.Time) || got.Mono != r.Mono {
		t.Errorf("Decode(Encode(%+v)) = %+v", r, got)
	}
}

// resum recomputes the checksum so a test reaches the checks behind it.
func resum(b []byte) []byte {
	binary.BigEndian.PutUint32(b[crcOff:], crc32.Checksum(b[:crcOff], castagnoli))
	return b
}

func badRecords() map[string][]byte {
	good, _ := sample().Encode()
	edit := func(f func(b []byte) []byte) []byte {
		b := append([]byte(nil), good...)
		return f(b)
	}
	return map[string][]byte{
		"empty":            {},
		"short":            good[:100],
		"long":             append(append([]byte(nil), good...), 0),
		"bad magic":        edit(func(b []byte) []byte { b[0] = 'X'; return resum(b) }),
		"torn write":       edit(func(b []byte) []byte { copy(b[8:], []byte{9, 9, 9}); return b }),
		"version 2":        edit(func(b []byte) []byte { b[4] = 2; return resum(b) }),
		"host length 0":    edit(func(b []byte) []byte { b[5] = 0; return resum(b) }),
		"host length 254":  edit(func(b []byte) []byte { b[5] = 254; return resum(b) }),
		"reserved set":     edit(func(b []byte) []byte { b[6] = 1; return resum(b) }),
		"junk after host":  edit(func(b []byte) []byte { b[hostOff+len("host-a.lab")+3] = 'x'; return resum(b) }),
		"slash in host":    edit(func(b []byte) []byte { b[hostOff+1] = '/'; return resum(b) }),
		"negative mono":    edit(func(b []byte) []byte { b[24] = 0x80; return resum(b) }),
		"host starts .":    edit(func(b []byte) []byte { b[hostOff] = '.'; return resum(b) }),
		"all zero sector":  make([]byte, RecordSize),
		"control in host":  edit(func(b []byte) []byte { b[hostOff+2] = '\n'; return resum(b) }),
		"host length 255":  edit(func(b []byte) []byte { b[5] = 255; return resum(b) }),
		"checksum cleared": edit(func(b []byte) []byte { clear(b[crcOff:]); return b }),
	}
}

func TestDecodeRefuses(t *testing.T) {
	for name, b := range badRecords() {
		t.Run(name, func(t *testing.T) {
			r, err := Decode(b)
			if !errors.Is(err, ErrRecord) {
				t.Fatalf("Decode(%s) = %+v, %v; want an ErrRecord", name, r, err)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	good, _ := sample().Encode()
	f.Add(good)
	for _, b := range badRecords() {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := Decode(b)
		if err != nil {
			return
		}
		// Whatever decodes re-encodes to the same bytes.
		again, err := r.Encode()
		if err != nil {
			t.Fatalf("Decode accepted %+v, which Encode refuses: %v", r, err)
		}
		if string(again) != string(b) {
			t.Fatalf("Decode/Encode round trip changed the record")
		}
	})
}

func TestCheckHost(t *testing.T) {
	for _, h := range []string{"", ".hidden", "a/b", "../x", "a b", strings.Repeat("a", 254), "é"} {
		if err := CheckHost(h); err == nil {
			t.Errorf("CheckHost(%q) = nil, want an error", h)
		}
	}
	for _, h := range []string{"host-a", "h1.lab.example", "node_7", strings.Repeat("a", 253)} {
		if err := CheckHost(h); err != nil {
			t.Errorf("CheckHost(%q) = %v, want nil", h, err)
		}
	}
}

func TestWriterSequenceRisesAcrossRestarts(t *testing.T) {
	dir := t.TempDir()
	ctx := t.Context()
	cfg := WriterConfig{Dir: dir, Host: "host-a", BootID: boot}
	w, err := OpenWriter(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var last Record
	for i := range 3 {
		r, err := w.Beat(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if r.Seq != uint64(i+1) || (i > 0 && r.Mono <= last.Mono) {
			t.Errorf("beat %d = seq %d mono %v after mono %v; want seq %d and a rising mono", i, r.Seq, r.Mono, last.Mono, i+1)
		}
		last = r
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(Path(dir, "host-a"))
	if err != nil || st.Size() != RecordSize {
		t.Fatalf("heartbeat file: %v, size %d; want %d bytes", err, st.Size(), RecordSize)
	}
	// The agent restarts (a new boot, even): the sequence continues.
	cfg.BootID = membership.BootID{9}
	w, err = OpenWriter(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	r, err := w.Beat(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.Seq != 4 {
		t.Errorf("first beat after reopening = seq %d, want 4", r.Seq)
	}
	got, err := NewReader(dir, nil).Read(ctx, "host-a")
	if err != nil {
		t.Fatal(err)
	}
	if got.Seq != 4 || got.BootID != cfg.BootID {
		t.Errorf("Read() = seq %d boot %v, want 4 and %v", got.Seq, got.BootID, cfg.BootID)
	}
}

func TestWriterDamagedFileStartsOver(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(Path(dir, "host-a"), []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := OpenWriter(t.Context(), WriterConfig{Dir: dir, Host: "host-a"})
	if err != nil {
		t.Fatalf("OpenWriter on a damaged file: %v, want it overwritten", err)
	}
	defer w.Close()
	r, err := w.Beat(t.Context())
	if err != nil || r.Seq != 1 {
		t.Fatalf("Beat() = seq %d, %v; want 1", r.Seq, err)
	}
}

func TestWriterRefuses(t *testing.T) {
	dir := t.TempDir()
	other, _ := Record{Host: "host-b", Seq: 7}.Encode()
	if err := os.WriteFile(Path(dir, "host-a"), other, 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "plain")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "not-mounted")
	tests := []struct {
		name string
		cfg  WriterConfig
		want []string
	}{
		{"missing dir is never created", WriterConfig{Dir: missing, Host: "host-a"}, []string{missing, "mounted"}},
		{"dir is a file", WriterConfig{Dir: file, Host: "host-a"}, []string{file, "not a directory"}},
		{"another host's file", WriterConfig{Dir: dir, Host: "host-a"}, []string{`"host-b"`}},
		{"bad host name", WriterConfig{Dir: dir, Host: "../etc"}, []string{"../etc"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, err := OpenWriter(t.Context(), tc.cfg)
			if err == nil {
				w.Close()
				t.Fatalf("OpenWriter(%+v) = nil error, want one", tc.cfg)
			}
			for _, s := range tc.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("OpenWriter error %q, want it to name %q", err, s)
				}
			}
		})
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("OpenWriter created the missing directory (%v)", err)
	}
}

// TestBeatStuckStorage: a write the storage never finishes returns at the
// deadline, and no second write piles up behind it.
func TestBeatStuckStorage(t *testing.T) {
	w, err := OpenWriter(t.Context(), WriterConfig{Dir: t.TempDir(), Host: "host-a"})
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	var calls int
	var mu sync.Mutex
	w.write = func([]byte) error {
		mu.Lock()
		calls++
		mu.Unlock()
		<-release
		return nil
	}
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if _, err := w.Beat(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Beat on stuck storage = %v, want the deadline", err)
	}
	if _, err := w.Beat(t.Context()); !errors.Is(err, ErrBusy) {
		t.Fatalf("Beat while a write is stuck = %v, want ErrBusy", err)
	}
	close(release)
	w.write = w.writeFile
	// The stuck write finished: beats work again.
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, err := w.Beat(t.Context())
		if err == nil {
			break
		}
		if !errors.Is(err, ErrBusy) || time.Now().After(deadline) {
			t.Fatalf("Beat after the storage recovered = %v", err)
		}
		time.Sleep(time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	if calls != 1 {
		t.Errorf("stuck storage saw %d writes, want 1", calls)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestReaderObserve(t *testing.T) {
	dir := t.TempDir()
	ctx := t.Context()
	now := time.Unix(1000, 0)
	r := NewReader(dir, func() time.Time { return now })
	if _, err := r.Observe(ctx, "host-a"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Observe with no file = %v, want ErrNotExist", err)
	}
	w, err := OpenWriter(ctx, WriterConfig{Dir: dir, Host: "host-a", BootID: boot})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Beat(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := r.Observe(ctx, "host-a")
	if err != nil {
		t.Fatal(err)
	}
	if !st.FirstSeen.Equal(now) || !st.LastChange.IsZero() || st.Record.Seq != 1 {
		t.Fatalf("first Observe = %+v, want first seen now, no change yet, seq 1", st)
	}
	now = now.Add(time.Second)
	if st, _ = r.Observe(ctx, "host-a"); !st.LastChange.IsZero() {
		t.Fatalf("Observe of an unchanged record = %+v, want no change", st)
	}
	if _, err := w.Beat(ctx); err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Second)
	if st, _ = r.Observe(ctx, "host-a"); !st.LastChange.Equal(now) || st.Record.Seq != 2 {
		t.Fatalf("Observe after a beat = %+v, want a change now and seq 2", st)
	}
	// A torn record: the error, and the status stays what it was.
	if err := os.WriteFile(Path(dir, "host-a"), make([]byte, RecordSize), 0o644); err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Second)
	got, err := r.Observe(ctx, "host-a")
	if !errors.Is(err, ErrRecord) || got.Record.Seq != 2 || !got.LastChange.Equal(st.LastChange) {
		t.Fatalf("Observe of a torn record = %+v, %v; want ErrRecord and the old status", got, err)
	}
	// Another host's record under this host's name is refused.
	other, _ := Record{Host: "host-b", Seq: 9}.Encode()
	if err := os.WriteFile(Path(dir, "host-a"), other, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(ctx, "host-a"); !errors.Is(err, ErrRecord) {
		t.Fatalf("Read of host-b's record under host-a = %v, want ErrRecord", err)
	}
}

func TestRunBeatsEveryInterval(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		w, err := OpenWriter(t.Context(), WriterConfig{Dir: dir, Host: "host-a"})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error)
		go func() { done <- w.Run(ctx, 200*time.Millisecond) }()
		time.Sleep(time.Second + 100*time.Millisecond)
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("Run() = %v after cancel, want nil", err)
		}
		r, err := NewReader(dir, nil).Read(t.Context(), "host-a")
		if err != nil {
			t.Fatal(err)
		}
		// Beats at 0, 200, …, 1000 ms.
		if r.Seq != 6 {
			t.Errorf("after 1.1 s of 200 ms beats, seq = %d, want 6", r.Seq)
		}
		if err := w.Run(t.Context(), 0); err == nil {
			t.Error("Run with interval 0 = nil error, want one")
		}
	})
}
