// Package heartbeat is the datastore heartbeat: every host writes a small
// record to a file of its own on the shared storage its VM disks live on,
// and the leader reads them. A host whose network is cut but whose
// heartbeat still advances is isolated, not dead (vSphere HA's datastore
// heartbeat): the leader must not fence it on memberlist's word alone.
//
// Core types: Writer (OpenWriter, Beat, Run) owns <dir>/<host>.hb and
// rewrites its one 512-byte record in place with fsync, under a sequence
// number that only rises (also across agent restarts, read back from the
// file) and two timestamps: the writer's wall clock, for people, and a
// monotonic offset from the writer's start, which clock steps cannot move.
// Reader (Read, Observe) decodes records defensively (magic, version,
// lengths, CRC-32C: a torn or foreign file is an error, never a record) and
// remembers, on its own clock, when each host's record last changed:
// "still being written" is judged by the reader's clock, never by comparing
// the writer's timestamps with it.
//
// Shared storage can hang: every read and write takes a context and returns
// at its deadline even when the system call does not (the stuck call is
// abandoned, and a Writer starts no second write while one is stuck). The
// directory must exist: a Writer never creates it, so an unmounted share
// fails loudly instead of filling the local disk with heartbeats nobody
// reads.
package heartbeat

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/cluster/membership"
)

// Record is one heartbeat.
type Record struct {
	// Host is the writer's host name (also the file name).
	Host string
	// BootID is the writer's boot id: a new one means the host rebooted.
	BootID membership.BootID
	// Seq rises by one at every write, across agent restarts.
	Seq uint64
	// Time is the writer's wall clock at the write.
	Time time.Time
	// Mono is the writer's monotonic time since it opened the file; it
	// only rises within one Writer.
	Mono time.Duration
}

// Record layout (version 1), RecordSize bytes, big-endian:
//
//	0   magic "VGHB"
//	4   version (1)
//	5   host name length (1..MaxHostLen)
//	6   two zero bytes
//	8   sequence (uint64)
//	16  wall clock, Unix nanoseconds (int64)
//	24  monotonic offset, nanoseconds (int64)
//	32  boot id (16 bytes)
//	48  host name, then zeros
//	508 CRC-32C (Castagnoli) of bytes 0..507
const (
	// RecordSize is the size of the file: one sector, written at once.
	RecordSize = 512
	// MaxHostLen bounds a host name.
	MaxHostLen = 253

	magic   = "VGHB"
	version = 1
	hostOff = 48
	crcOff  = RecordSize - 4
	suffix  = ".hb"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Errors of the package.
var (
	// ErrRecord marks a heartbeat file that holds no valid record.
	ErrRecord = errors.New("heartbeat record")
	// ErrBusy: a previous write is still stuck in the storage.
	ErrBusy = errors.New("heartbeat: previous write still blocked in the storage")
)

// CheckHost reports a host name that cannot name a heartbeat file: it must
// be 1 to MaxHostLen letters, digits, dots, hyphens or underscores, not
// starting with a dot.
func CheckHost(host string) error {
	if host == "" || len(host) > MaxHostLen {
		return fmt.Errorf("heartbeat: host name %q: want 1 to %d characters", host, MaxHostLen)
	}
	if host[0] == '.' {
		return fmt.Errorf("heartbeat: host name %q starts with a dot", host)
	}
	for _, c := range []byte(host) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return fmt.Errorf("heartbeat: host name %q: only letters, digits, '.', '-' and '_' allowed", host)
		}
	}
	return nil
}

// Path is the heartbeat file of host in dir.
func Path(dir, host string) string { return filepath.Join(dir, host+suffix) }

// Encode returns the record's RecordSize bytes.
func (r Record) Encode() ([]byte, error) {
	if err := CheckHost(r.Host); err != nil {
		return nil, err
	}
	b := make([]byte, RecordSize)
	copy(b, magic)
	b[4] = version
	b[5] = byte(len(r.Host))
	binary.BigEndian.PutUint64(b[8:], r.Seq)
	binary.BigEndian.PutUint64(b[16:], uint64(r.Time.UnixNano()))
	binary.BigEndian.PutUint64(b[24:], uint64(r.Mono))
	copy(b[32:48], r.BootID[:])
	copy(b[hostOff:], r.Host)
	binary.BigEndian.PutUint32(b[crcOff:], crc32.Checksum(b[:crcOff], castagnoli))
	return b, nil
}

// Decode reads a record. The bytes come from shared storage that another
// host writes (possibly mid-write, possibly another program's file):
// everything is checked and the error names the field.
func Decode(b []byte) (Record, error) {
	var r Record
	if len(b) != RecordSize {
		return r, fmt.Errorf("%w: %d bytes, want %d", ErrRecord, len(b), RecordSize)
	}
	if string(b[:4]) != magic {
		return r, fmt.Errorf("%w: bad magic %q", ErrRecord, b[:4])
	}
	if got, want := binary.BigEndian.Uint32(b[crcOff:]), crc32.Checksum(b[:crcOff], castagnoli); got != want {
		return r, fmt.Errorf("%w: checksum %08x, computed %08x (torn or damaged write)", ErrRecord, got, want)
	}
	if b[4] != version {
		return r, fmt.Errorf("%w: version %d, want %d", ErrRecord, b[4], version)
	}
	n := int(b[5])
	if n == 0 || n > MaxHostLen {
		return r, fmt.Errorf("%w: host name length %d", ErrRecord, n)
	}
	if b[6] != 0 || b[7] != 0 {
		return r, fmt.Errorf("%w: reserved bytes set", ErrRecord)
	}
	for _, c := range b[hostOff+n : crcOff] {
		if c != 0 {
			return r, fmt.Errorf("%w: bytes after the host name are not zero", ErrRecord)
		}
	}
	r.Host = string(b[hostOff : hostOff+n])
	if err := CheckHost(r.Host); err != nil {
		return Record{}, fmt.Errorf("%w: %w", ErrRecord, err)
	}
	r.Seq = binary.BigEndian.Uint64(b[8:])
	r.Time = time.Unix(0, int64(binary.BigEndian.Uint64(b[16:])))
	r.Mono = time.Duration(binary.BigEndian.Uint64(b[24:]))
	if r.Mono < 0 {
		return Record{}, fmt.Errorf("%w: negative monotonic offset", ErrRecord)
	}
	copy(r.BootID[:], b[32:48])
	return r, nil
}

// WriterConfig configures OpenWriter.
type WriterConfig struct {
	// Dir is the heartbeat directory on the shared storage; it must exist.
	Dir string
	// Host is this host's name.
	Host string
	// BootID is this host's boot id.
	BootID membership.BootID
	// Now is the clock; nil means time.Now. Its monotonic reading (if
	// any) gives Record.Mono.
	Now func() time.Time
	// Logger receives Run's failures; nil uses slog.Default.
	Logger *slog.Logger
}

// Writer writes this host's heartbeat.
type Writer struct {
	cfg   WriterConfig
	path  string
	f     *os.File
	start time.Time
	log   *slog.Logger

	mu       sync.Mutex
	seq      uint64
	lastMono time.Duration
	stuck    chan struct{} // non-nil while a write is blocked past its deadline
	closed   bool

	// write puts b in the file durably; tests replace it to model storage
	// that hangs.
	write func(b []byte) error
}

func (w *Writer) writeFile(b []byte) error {
	if _, err := w.f.WriteAt(b, 0); err != nil {
		return err
	}
	return w.f.Sync()
}

// OpenWriter opens (or creates) this host's heartbeat file. A valid record
// already there sets the sequence to continue from; a damaged one is
// overwritten, from sequence 1. ctx bounds the open.
func OpenWriter(ctx context.Context, cfg WriterConfig) (*Writer, error) {
	if err := CheckHost(cfg.Host); err != nil {
		return nil, err
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	w := &Writer{
		cfg:  cfg,
		path: Path(cfg.Dir, cfg.Host),
		log:  cfg.Logger.With("component", "heartbeat"),
	}
	w.write = w.writeFile
	err := do(ctx, func() error {
		st, err := os.Stat(cfg.Dir)
		if err != nil {
			return fmt.Errorf("heartbeat dir %s: %w (is the shared storage mounted?)", cfg.Dir, err)
		}
		if !st.IsDir() {
			return fmt.Errorf("heartbeat dir %s: not a directory", cfg.Dir)
		}
		_, statErr := os.Lstat(w.path)
		created := errors.Is(statErr, os.ErrNotExist)
		f, err := os.OpenFile(w.path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return fmt.Errorf("heartbeat %s: %w", w.path, err)
		}
		if created {
			if err := syncDir(cfg.Dir); err != nil {
				f.Close()
				return fmt.Errorf("heartbeat %s: %w", w.path, err)
			}
		}
		b := make([]byte, RecordSize)
		n, err := f.ReadAt(b, 0)
		if err != nil && !errors.Is(err, io.EOF) {
			f.Close()
			return fmt.Errorf("heartbeat %s: %w", w.path, err)
		}
		if n > 0 {
			old, err := Decode(b[:n])
			switch {
			case err != nil:
				w.log.Warn("heartbeat file damaged, starting over", "path", w.path, "err", err)
			case old.Host != cfg.Host:
				f.Close()
				return fmt.Errorf("heartbeat %s: holds host %q, not %q", w.path, old.Host, cfg.Host)
			default:
				w.seq = old.Seq
			}
		}
		w.f = f
		return nil
	})
	if err != nil {
		return nil, err
	}
	w.start = cfg.Now()
	return w, nil
}

// Path is the file the writer writes.
func (w *Writer) Path() string { return w.path }

// Beat writes the next record and fsyncs it. It returns at ctx's deadline
// even if the storage does not; until that stuck write finishes, Beat
// fails at once with ErrBusy.
func (w *Writer) Beat(ctx context.Context) (Record, error) {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return Record{}, fmt.Errorf("heartbeat %s: %w", w.path, os.ErrClosed)
	}
	if w.stuck != nil {
		select {
		case <-w.stuck:
			w.stuck = nil
		default:
			w.mu.Unlock()
			return Record{}, ErrBusy
		}
	}
	now := w.cfg.Now()
	mono := max(now.Sub(w.start), w.lastMono+1)
	w.seq++
	rec := Record{Host: w.cfg.Host, BootID: w.cfg.BootID, Seq: w.seq, Time: now, Mono: mono}
	w.lastMono = mono
	b, err := rec.Encode()
	if err != nil {
		w.mu.Unlock()
		return Record{}, err
	}
	done := make(chan struct{})
	var werr error
	write := w.write
	go func() {
		defer close(done)
		werr = write(b)
	}()
	select {
	case <-done:
		w.mu.Unlock()
		if werr != nil {
			return Record{}, fmt.Errorf("heartbeat %s: %w", w.path, werr)
		}
		return rec, nil
	case <-ctx.Done():
		w.stuck = done
		w.mu.Unlock()
		return Record{}, fmt.Errorf("heartbeat %s: write: %w", w.path, ctx.Err())
	}
}

// Run beats every interval until ctx ends (then it returns nil). Each
// beat may take at most one interval; failures are logged and the next
// beat tries again.
func (w *Writer) Run(ctx context.Context, every time.Duration) error {
	if every <= 0 {
		return fmt.Errorf("heartbeat: interval %v must be positive", every)
	}
	t := time.NewTicker(every)
	defer t.Stop()
	failing := false
	for {
		bctx, cancel := context.WithTimeout(ctx, every)
		_, err := w.Beat(bctx)
		cancel()
		switch {
		case err != nil && ctx.Err() == nil:
			if !failing {
				w.log.Warn("heartbeat write failed", "path", w.path, "err", err)
			}
			failing = true
		case err == nil && failing:
			w.log.Info("heartbeat write recovered", "path", w.path)
			failing = false
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Close closes the file (the last record stays: a reader then sees the
// heartbeat stop).
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil
	}
	w.closed = true
	if w.stuck != nil {
		// A write is stuck in the storage; closing under it would not
		// unblock it. Leave the descriptor to the stuck goroutine.
		stuck, f := w.stuck, w.f
		go func() { <-stuck; f.Close() }()
		return nil
	}
	return w.f.Close()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// do runs fn, returning at ctx's end even when fn is stuck in a system
// call (fn then finishes in the background).
func do(ctx context.Context, fn func() error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ch := make(chan error, 1)
	go func() { ch <- fn() }()
	select {
	case err := <-ch:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Reader reads the heartbeats of all hosts in a directory and remembers
// when each last changed.
type Reader struct {
	dir string
	now func() time.Time

	mu   sync.Mutex
	seen map[string]Status
}

// Status is what a Reader knows of one host's heartbeat.
type Status struct {
	// Record is the last record read.
	Record Record
	// FirstSeen is when this reader first read a record of the host.
	FirstSeen time.Time
	// LastChange is when this reader last saw the record change (a new
	// sequence number or boot id), by the reader's clock; zero until it
	// has seen one change.
	LastChange time.Time
	// ReadAt is when the record was read.
	ReadAt time.Time
}

// NewReader returns a Reader of dir; now is its clock (nil: time.Now).
func NewReader(dir string, now func() time.Time) *Reader {
	if now == nil {
		now = time.Now
	}
	return &Reader{dir: dir, now: now, seen: map[string]Status{}}
}

// Read reads host's record once, within ctx. A missing file is an error
// matching os.ErrNotExist.
func (r *Reader) Read(ctx context.Context, host string) (Record, error) {
	if err := CheckHost(host); err != nil {
		return Record{}, err
	}
	path := Path(r.dir, host)
	var rec Record
	err := do(ctx, func() error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		b := make([]byte, RecordSize+1)
		n, err := io.ReadFull(f, b)
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
			if errors.Is(err, io.EOF) {
				return fmt.Errorf("%w: empty file", ErrRecord)
			}
			return err
		}
		rec, err = Decode(b[:n])
		if err != nil {
			return err
		}
		if rec.Host != host {
			return fmt.Errorf("%w: file of %q holds host %q", ErrRecord, host, rec.Host)
		}
		return nil
	})
	if err != nil {
		return Record{}, fmt.Errorf("heartbeat %s: %w", path, err)
	}
	return rec, nil
}

// Observe reads host's record and updates what the reader knows of it.
// On error the previous status stays (and is returned with the error).
func (r *Reader) Observe(ctx context.Context, host string) (Status, error) {
	rec, err := r.Read(ctx, host)
	now := r.now()
	r.mu.Lock()
	defer r.mu.Unlock()
	st, known := r.seen[host]
	if err != nil {
		return st, err
	}
	if !known {
		st.FirstSeen = now
	} else if rec.Seq != st.Record.Seq || rec.BootID != st.Record.BootID {
		st.LastChange = now
	}
	st.Record, st.ReadAt = rec, now
	r.seen[host] = st
	return st, nil
}

// Status returns what the reader knows of host without reading.
func (r *Reader) Status(host string) (Status, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	st, ok := r.seen[host]
	return st, ok
}
