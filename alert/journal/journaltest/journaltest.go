// Package journaltest is a fake journald for tests of alert/journal: a
// Unix datagram socket that parses what it receives as the journal's
// native protocol (https://systemd.io/JOURNAL_NATIVE_PROTOCOL/), the
// binary-safe form of multi-line values included, and entries too big for
// a datagram passed as a file descriptor (SCM_RIGHTS).
package journaltest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync/atomic"
	"syscall"
)

// Entry is one journal entry: each field's values (a field may repeat).
type Entry map[string][]string

// Get returns the field's first value.
func (e Entry) Get(name string) string {
	if v := e[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// Parse reads one entry in the native protocol: lines "NAME=value", or
// "NAME" LF, a 64-bit little-endian length, that many bytes, LF.
func Parse(b []byte) (Entry, error) {
	e := Entry{}
	for len(b) > 0 {
		nl := bytes.IndexByte(b, '\n')
		if nl < 0 {
			return e, errors.New("journal entry: field without a trailing newline")
		}
		line := b[:nl]
		if eq := bytes.IndexByte(line, '='); eq >= 0 {
			name := string(line[:eq])
			if err := checkName(name); err != nil {
				return e, err
			}
			e[name] = append(e[name], string(line[eq+1:]))
			b = b[nl+1:]
			continue
		}
		name := string(line)
		if err := checkName(name); err != nil {
			return e, err
		}
		b = b[nl+1:]
		if len(b) < 8 {
			return e, fmt.Errorf("journal entry: field %s: no length", name)
		}
		n := binary.LittleEndian.Uint64(b[:8])
		b = b[8:]
		if n > uint64(len(b)) || uint64(len(b))-n < 1 {
			return e, fmt.Errorf("journal entry: field %s: length %d past the end", name, n)
		}
		if b[n] != '\n' {
			return e, fmt.Errorf("journal entry: field %s: no newline after its %d bytes", name, n)
		}
		e[name] = append(e[name], string(b[:n]))
		b = b[n+1:]
	}
	return e, nil
}

// checkName: uppercase letters, digits and '_', not starting with '_' or
// a digit, at most 64 characters (journald's rules).
func checkName(n string) error {
	if n == "" || len(n) > 64 || n[0] == '_' || n[0] >= '0' && n[0] <= '9' {
		return fmt.Errorf("journal entry: bad field name %q", n)
	}
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return fmt.Errorf("journal entry: bad field name %q", n)
		}
	}
	return nil
}

// Journal is a fake journald listening on a socket path.
type Journal struct {
	conn    *net.UnixConn
	Entries chan Entry
	Errors  chan error
	// Passed counts entries that came as a file descriptor.
	Passed atomic.Int64
}

// Listen opens path and parses what arrives until Close.
func Listen(path string) (*Journal, error) {
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		return nil, err
	}
	j := &Journal{conn: conn, Entries: make(chan Entry, 1024), Errors: make(chan error, 16)}
	go j.run()
	return j, nil
}

func (j *Journal) run() {
	buf := make([]byte, 1<<20)
	oob := make([]byte, syscall.CmsgSpace(4*4))
	for {
		n, oobn, _, _, err := j.conn.ReadMsgUnix(buf, oob)
		if err != nil {
			close(j.Entries)
			return
		}
		data := append([]byte(nil), buf[:n]...)
		if oobn > 0 {
			data, err = readPassedFile(oob[:oobn])
			if err != nil {
				j.Errors <- err
				continue
			}
			j.Passed.Add(1)
		}
		e, err := Parse(data)
		if err != nil {
			j.Errors <- err
			continue
		}
		j.Entries <- e
	}
}

// readPassedFile reads the entry in a file descriptor passed with
// SCM_RIGHTS (a sender's entry too big for one datagram).
func readPassedFile(oob []byte) ([]byte, error) {
	msgs, err := syscall.ParseSocketControlMessage(oob)
	if err != nil {
		return nil, err
	}
	for _, m := range msgs {
		fds, err := syscall.ParseUnixRights(&m)
		if err != nil || len(fds) == 0 {
			continue
		}
		f := os.NewFile(uintptr(fds[0]), "journal-entry")
		for _, fd := range fds[1:] {
			syscall.Close(fd)
		}
		defer f.Close()
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		return io.ReadAll(f)
	}
	return nil, errors.New("journal: control message without a file descriptor")
}

// Close stops listening.
func (j *Journal) Close() error { return j.conn.Close() }
