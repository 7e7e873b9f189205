package guest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Prefix starts every heartbeat line.
const Prefix = "vigil-guest "

// Heartbeat is one parsed heartbeat line.
type Heartbeat struct {
	ID         string        // the VM's identity (id=)
	Seq        uint64        // 0 at boot, +1 a second; continues across migration
	Boot       string        // per-boot nonce (8 hex digits); a fresh boot changes it
	Uptime     time.Duration // guest time since boot (PIT ticks)
	Filling    bool          // state=fill: the initial RAM fill is still running
	MemMiB     uint64        // RAM the guest sees
	FilledMiB  uint64        // RAM filled with random data so far
	DirtyMiBps uint64        // configured dirty rate
	DirtiedKiB uint64        // total written by the dirtying loop since boot
}

// ParseHeartbeat parses a serial line holding a heartbeat. Text before the
// prefix (noise on the line) and unknown keys are ignored; id and seq are
// required; known keys must be well formed and appear once.
func ParseHeartbeat(line string) (Heartbeat, bool) {
	i := strings.Index(line, Prefix+"id=")
	if i < 0 {
		return Heartbeat{}, false
	}
	var hb Heartbeat
	seen := map[string]bool{}
	for _, f := range strings.Fields(line[i+len(Prefix):]) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return Heartbeat{}, false
		}
		if seen[k] {
			return Heartbeat{}, false
		}
		seen[k] = true
		var err error
		switch k {
		case "id":
			err = validID(v)
			hb.ID = v
		case "seq":
			hb.Seq, err = parseUint(v)
		case "boot":
			if len(v) != 8 {
				return Heartbeat{}, false
			}
			_, err = strconv.ParseUint(v, 16, 32)
			hb.Boot = v
		case "up_ms":
			var ms uint64
			ms, err = parseUint(v)
			if ms > uint64(1<<62)/uint64(time.Millisecond) {
				return Heartbeat{}, false
			}
			hb.Uptime = time.Duration(ms) * time.Millisecond
		case "state":
			switch v {
			case "fill":
				hb.Filling = true
			case "run":
			default:
				return Heartbeat{}, false
			}
		case "mem_mib":
			hb.MemMiB, err = parseUint(v)
		case "filled_mib":
			hb.FilledMiB, err = parseUint(v)
		case "dirty_mibps":
			hb.DirtyMiBps, err = parseUint(v)
		case "dirtied_kib":
			hb.DirtiedKiB, err = parseUint(v)
		}
		if err != nil {
			return Heartbeat{}, false
		}
	}
	if !seen["id"] || !seen["seq"] {
		return Heartbeat{}, false
	}
	return hb, true
}

func parseUint(s string) (uint64, error) {
	if s == "" || s[0] < '0' || s[0] > '9' { // no signs
		return 0, errors.New("not a number")
	}
	return strconv.ParseUint(s, 10, 64)
}

// Reader reads heartbeats from a guest's serial output: a pipe (QEMU
// -serial stdio) ends at EOF; a regular file (-serial file:) is followed
// like tail -f until Close. A background goroutine does the reading, so
// calls honour their context even while a read blocks.
type Reader struct {
	lines chan string
	done  chan struct{}
	once  sync.Once

	mu   sync.Mutex
	err  error    // why the stream ended (io.EOF for a closed pipe)
	tail []string // last lines, for error messages
}

const tailLines = 8

// NewReader starts reading r.
func NewReader(r io.Reader) *Reader {
	follow := false
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			follow = true
		}
	}
	return start(func(done <-chan struct{}) (io.Reader, error) { return r, nil }, follow, false)
}

// NewFileReader follows the serial file at path, waiting for QEMU to create
// it. The file is closed by Close.
func NewFileReader(path string) *Reader {
	return start(func(done <-chan struct{}) (io.Reader, error) {
		for {
			f, err := os.Open(path)
			if err == nil {
				return f, nil
			}
			if !errors.Is(err, os.ErrNotExist) {
				return nil, err
			}
			select {
			case <-done:
				return nil, errClosed
			case <-time.After(20 * time.Millisecond):
			}
		}
	}, true, true)
}

var errClosed = errors.New("guest: reader closed")

func start(open func(done <-chan struct{}) (io.Reader, error), follow, owned bool) *Reader {
	r := &Reader{lines: make(chan string, 64), done: make(chan struct{})}
	go func() {
		defer close(r.lines)
		src, err := open(r.done)
		if err != nil {
			r.setErr(err)
			return
		}
		if c, ok := src.(io.Closer); ok && owned {
			defer c.Close()
		}
		br := bufio.NewReaderSize(src, 4096)
		var partial []byte
		for {
			chunk, err := br.ReadSlice('\n')
			partial = append(partial, chunk...)
			if len(partial) > 64<<10 { // runaway line: drop it
				partial = partial[:0]
			}
			if err == nil {
				line := strings.TrimRight(string(partial), "\r\n")
				partial = partial[:0]
				select {
				case r.lines <- line:
				case <-r.done:
					return
				}
				continue
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if errors.Is(err, io.EOF) && follow {
				select {
				case <-r.done:
					return
				case <-time.After(20 * time.Millisecond):
				}
				continue
			}
			r.setErr(err)
			return
		}
	}()
	return r
}

func (r *Reader) setErr(err error) {
	r.mu.Lock()
	r.err = err
	r.mu.Unlock()
}

// Line returns the next serial line (heartbeat or not).
func (r *Reader) Line(ctx context.Context) (string, error) {
	select {
	case line, ok := <-r.lines:
		if !ok {
			r.mu.Lock()
			defer r.mu.Unlock()
			if r.err == nil {
				return "", errClosed
			}
			return "", r.err
		}
		r.mu.Lock()
		r.tail = append(r.tail, line)
		if len(r.tail) > tailLines {
			r.tail = r.tail[1:]
		}
		r.mu.Unlock()
		return line, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Next returns the next heartbeat from any guest.
func (r *Reader) Next(ctx context.Context) (Heartbeat, error) {
	for {
		line, err := r.Line(ctx)
		if err != nil {
			return Heartbeat{}, err
		}
		if hb, ok := ParseHeartbeat(line); ok {
			return hb, nil
		}
	}
}

// Wait returns the first heartbeat for which match returns true. The error
// names what it waited for and quotes the last serial lines.
func (r *Reader) Wait(ctx context.Context, what string, match func(Heartbeat) bool) (Heartbeat, error) {
	for {
		hb, err := r.Next(ctx)
		if err != nil {
			r.mu.Lock()
			tail := strings.Join(r.tail, "\n  ")
			r.mu.Unlock()
			if tail == "" {
				tail = "(no output)"
			}
			return Heartbeat{}, fmt.Errorf("guest: waiting for %s: %w; last serial lines:\n  %s", what, err, tail)
		}
		if match(hb) {
			return hb, nil
		}
	}
}

// Close stops following. A read blocked on a pipe returns when the writer
// (QEMU) closes it.
func (r *Reader) Close() error {
	r.once.Do(func() { close(r.done) })
	return nil
}

// WaitHeartbeat reads r until a heartbeat from the guest id arrives. It
// reads ahead, so use one Reader for several waits on the same stream.
func WaitHeartbeat(ctx context.Context, r io.Reader, id string) (Heartbeat, error) {
	rd := NewReader(r)
	defer rd.Close()
	return rd.Wait(ctx, "a heartbeat from "+id, func(hb Heartbeat) bool { return hb.ID == id })
}
