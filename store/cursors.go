package store

import (
	"fmt"
	"math"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Cursor records how far one event log has been read (an IPMI SEL, a
// Redfish log service), so that a reader started again reports each entry
// once. Exactly one of SEL and Log is set.
type Cursor struct {
	// Source names the log: "ipmi:HOST:PORT/sel",
	// "redfish:URL/redfish/v1/Managers/bmc/LogServices/SEL".
	Source  string     `json:"source"`
	Updated time.Time  `json:"updated"`
	SEL     *SELCursor `json:"sel,omitempty"`
	Log     *LogCursor `json:"log,omitempty"`
}

// SELCursor is how far an IPMI System Event Log has been read.
//
// Record IDs alone do not identify a record: a BMC may reuse them after the
// SEL is cleared, and a full SEL that wraps overwrites its oldest records.
// The cursor therefore keeps the newest record read by ID and checksum, and
// the newest SEL timestamp read with the records that carry it: a record is
// new when it comes after the remembered one, or, when that one is gone,
// when its timestamp is newer (or equal and it is not among Marks).
type SELCursor struct {
	// Valid is set once the SEL has been read; a zero cursor reads it all.
	Valid bool `json:"valid"`
	// LastID and LastSum are the newest record read (0: none), its ID and
	// the CRC-32 of its 16 bytes.
	LastID  uint16 `json:"last_id"`
	LastSum uint32 `json:"last_sum"`
	// Stamp is the newest SEL timestamp read (seconds, as the SEL holds
	// it); Marks the records read with that timestamp, oldest first, at
	// most MaxSELMarks.
	Stamp uint32    `json:"stamp"`
	Marks []SELMark `json:"marks,omitempty"`
	// Entries, Added and Erased are what Get SEL Info said at that read:
	// when none of them moved, nothing is new. Entries is 0 after a read
	// that stopped early, so the next one goes on.
	Entries uint16    `json:"entries"`
	Added   time.Time `json:"added"`
	Erased  time.Time `json:"erased"`
}

// SELMark identifies one SEL record: its ID and the CRC-32 of its bytes.
type SELMark struct {
	ID  uint16 `json:"id"`
	Sum uint32 `json:"sum"`
}

// LogCursor is how far one Redfish log service has been read. Entries
// carry an Id and usually a Created time; Ids restart when a log is
// cleared. An entry created before Floor has been read; one created at or
// after it is new unless it is in Recent. Entries without a usable Created
// time are recognised by Known alone.
type LogCursor struct {
	Floor time.Time `json:"floor"`
	// Recent are the entries read that were created at or after Floor,
	// oldest first, at most MaxLogRecent.
	Recent []LogMark `json:"recent,omitempty"`
	// Known are the keys (Id, else the link's last element) of the
	// entries read most recently, oldest first, at most MaxLogKnown: a
	// reader need not fetch an entry it already knows.
	Known []string `json:"known,omitempty"`
	// Members is the collection's size at the last read: when it shrinks
	// the log was cleared or trimmed and Known no longer proves anything.
	Members int `json:"members"`
}

// LogMark identifies one log entry: its key and creation time.
type LogMark struct {
	Key     string    `json:"key"`
	Created time.Time `json:"created"`
}

// Bounds of a cursor, so one never grows with the log it follows.
const (
	MaxSELMarks  = 64
	MaxLogRecent = 256
	MaxLogKnown  = 1024
)

// Validate reports what makes c unfit for the store (PutCursor refuses it
// with ErrInvalid), or nil.
func (c *Cursor) Validate() error { return c.validate() }

func (c *Cursor) validate() error {
	switch {
	case !validName(c.Source):
		return fmt.Errorf("cursor source %q: must be 1 to %d bytes of UTF-8", c.Source, maxName)
	case (c.SEL == nil) == (c.Log == nil):
		return fmt.Errorf("cursor %s: want exactly one of sel and log", c.Source)
	case c.SEL != nil:
		return c.SEL.validate(c.Source)
	}
	return c.Log.validate(c.Source)
}

func (s *SELCursor) validate(src string) error {
	switch {
	case s.LastID == 0xffff:
		return fmt.Errorf("cursor %s: SEL record id 0xffff is reserved", src)
	case len(s.Marks) > MaxSELMarks:
		return fmt.Errorf("cursor %s: %d SEL marks over the %d limit", src, len(s.Marks), MaxSELMarks)
	case !s.Valid && (s.LastID != 0 || s.Stamp != 0 || len(s.Marks) > 0):
		return fmt.Errorf("cursor %s: a SEL position without a read", src)
	}
	for i, m := range s.Marks {
		if slices.Contains(s.Marks[:i], m) {
			return fmt.Errorf("cursor %s: SEL record %d marked twice", src, m.ID)
		}
	}
	return nil
}

func (l *LogCursor) validate(src string) error {
	switch {
	case len(l.Recent) > MaxLogRecent:
		return fmt.Errorf("cursor %s: %d recent entries over the %d limit", src, len(l.Recent), MaxLogRecent)
	case len(l.Known) > MaxLogKnown:
		return fmt.Errorf("cursor %s: %d known entries over the %d limit", src, len(l.Known), MaxLogKnown)
	case l.Members < 0:
		return fmt.Errorf("cursor %s: %d members", src, l.Members)
	}
	for i, m := range l.Recent {
		switch {
		case !validName(m.Key):
			return fmt.Errorf("cursor %s: entry key %q must be 1 to %d bytes of UTF-8", src, m.Key, maxName)
		case m.Created.Before(l.Floor):
			return fmt.Errorf("cursor %s: entry %s created %s, before the floor %s", src, m.Key,
				m.Created.Format(time.RFC3339), l.Floor.Format(time.RFC3339))
		case i > 0 && m.Created.Before(l.Recent[i-1].Created):
			return fmt.Errorf("cursor %s: recent entries out of order at %s", src, m.Key)
		case slices.Contains(l.Recent[:i], m):
			return fmt.Errorf("cursor %s: entry %s listed twice", src, m.Key)
		}
	}
	for _, k := range l.Known {
		if !validName(k) {
			return fmt.Errorf("cursor %s: entry key %q must be 1 to %d bytes of UTF-8", src, k, maxName)
		}
	}
	return nil
}

func decodeCursor(b []byte) (Cursor, error) { return decodeValid[Cursor](b) }

// Cursor returns the cursor of one log, or ErrNotFound.
func (s *Store) Cursor(source string) (Cursor, error) {
	var c Cursor
	err := s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketCursors).Get([]byte(source))
		if v == nil {
			return fmt.Errorf("cursor %s: %w", source, ErrNotFound)
		}
		var err error
		if c, err = decodeCursor(v); err != nil {
			return fmt.Errorf("cursors/%s: %w", source, err)
		}
		return nil
	})
	return c, err
}

// Cursors returns every cursor, ordered by source.
func (s *Store) Cursors() ([]Cursor, error) {
	var out []Cursor
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCursors).ForEach(func(k, v []byte) error {
			c, err := decodeCursor(v)
			if err != nil {
				return fmt.Errorf("cursors/%s: %w", k, err)
			}
			out = append(out, c)
			return nil
		})
	})
	return out, err
}

// PutCursor writes cursors in one transaction. Nothing is written when one
// of them is invalid (ErrInvalid).
func (s *Store) PutCursor(cs ...Cursor) error {
	return s.AppendBatches(nil, cs...)
}

// DeleteCursor forgets a log's cursor (its next read starts over).
// Deleting a missing cursor is not an error.
func (s *Store) DeleteCursor(source string) error {
	return s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketCursors).Delete([]byte(source)) })
}

// Batch is readings taken at one time, one value per sensor key.
type Batch struct {
	Time   time.Time
	Values map[string]float64
}

// AppendBatches adds samples taken at several times and moves the cursors
// of the logs they were read from, in one transaction: after a crash the
// events of a poll are either recorded and passed by their cursors, or
// neither, so no event is counted twice or lost. Nothing is written when a
// key, value or cursor is invalid (ErrInvalid).
func (s *Store) AppendBatches(batches []Batch, cursors ...Cursor) error {
	for _, b := range batches {
		for k, v := range b.Values {
			if !validName(k) {
				return fmt.Errorf("append sample: %w: sensor key %q must be 1 to %d bytes of UTF-8", ErrInvalid, k, maxName)
			}
			if math.IsNaN(v) {
				return fmt.Errorf("append sample %s: %w: NaN", k, ErrInvalid)
			}
		}
	}
	enc := make([][]byte, len(cursors))
	for i := range cursors {
		c := &cursors[i]
		if c.Updated.IsZero() {
			c.Updated = s.opts.Now()
		}
		if err := c.validate(); err != nil {
			return fmt.Errorf("put cursor: %w: %v", ErrInvalid, err)
		}
		var err error
		if enc[i], err = encode(c); err != nil {
			return err
		}
	}
	return s.update(func(tx *bolt.Tx) error {
		root := tx.Bucket(bucketSamples)
		for _, b := range batches {
			if err := appendBatch(root, b.Time, b.Values, s.opts.SampleCapacity); err != nil {
				return err
			}
		}
		cb := tx.Bucket(bucketCursors)
		for i, c := range cursors {
			if err := cb.Put([]byte(c.Source), enc[i]); err != nil {
				return fmt.Errorf("cursors/%s: %w", c.Source, err)
			}
		}
		return nil
	})
}
