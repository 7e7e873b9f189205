package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// PutVM writes this host's runtime record of a VM. A record never goes back
// to an older generation (ErrStaleGeneration): a stale writer must not
// overwrite a newer placement.
func (s *Store) PutVM(r VMRecord) error {
	if r.Updated.IsZero() {
		r.Updated = s.opts.Now()
	}
	if err := r.validate(); err != nil {
		return fmt.Errorf("put vm: %w: %v", ErrInvalid, err)
	}
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketVMs)
		if old := b.Get([]byte(r.ID)); old != nil {
			prev, err := decodeVM(old)
			if err != nil {
				return fmt.Errorf("vms/%s: %w", r.ID, err)
			}
			if r.Generation < prev.Generation {
				return fmt.Errorf("put vm %s: %w: generation %d < stored %d", r.ID, ErrStaleGeneration, r.Generation, prev.Generation)
			}
		}
		v, err := encode(&r)
		if err != nil {
			return err
		}
		return b.Put([]byte(r.ID), v)
	})
}

// VM returns the runtime record of one VM, or ErrNotFound.
func (s *Store) VM(id string) (VMRecord, error) {
	var r VMRecord
	err := s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketVMs).Get([]byte(id))
		if v == nil {
			return fmt.Errorf("vm %s: %w", id, ErrNotFound)
		}
		var err error
		r, err = decodeVM(v)
		if err != nil {
			return fmt.Errorf("vms/%s: %w", id, err)
		}
		return nil
	})
	return r, err
}

// VMs returns every runtime record, ordered by id.
func (s *Store) VMs() ([]VMRecord, error) {
	var out []VMRecord
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketVMs).ForEach(func(k, v []byte) error {
			r, err := decodeVM(v)
			if err != nil {
				return fmt.Errorf("vms/%s: %w", k, err)
			}
			out = append(out, r)
			return nil
		})
	})
	return out, err
}

// DeleteVM removes a VM's runtime record (the VM stopped or left this host).
// Deleting a missing record is not an error.
func (s *Store) DeleteVM(id string) error {
	return s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketVMs).Delete([]byte(id)) })
}

// OpenIntent writes an intent before its action begins and returns its id.
// When it returns nil the intent is on disk.
func (s *Store) OpenIntent(in Intent) (uint64, error) {
	if in.Opened.IsZero() {
		in.Opened = s.opts.Now()
	}
	if err := in.validate(); err != nil {
		return 0, fmt.Errorf("open intent: %w: %v", ErrInvalid, err)
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketIntents)
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		in.ID = id
		v, err := encode(&in)
		if err != nil {
			return err
		}
		return b.Put(u64(id), v)
	})
	if err != nil {
		return 0, err
	}
	return in.ID, nil
}

// CloseIntent ends an intent with its outcome ("done", "failed", "undone",
// ...): the intent leaves the open set and the audit log records it, in one
// transaction.
func (s *Store) CloseIntent(id uint64, outcome, detail string) error {
	if outcome == "" {
		return fmt.Errorf("close intent %d: %w: empty outcome", id, ErrInvalid)
	}
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketIntents)
		v := b.Get(u64(id))
		if v == nil {
			return fmt.Errorf("close intent %d: %w", id, ErrNotFound)
		}
		in, err := decodeIntent(v)
		if err != nil {
			return fmt.Errorf("intents/%d: %w", id, err)
		}
		if err := b.Delete(u64(id)); err != nil {
			return err
		}
		subject := in.Host
		if in.VM != "" {
			subject = in.VM
		}
		ev := Event{
			Kind:     "intent.closed",
			Subject:  subject,
			Message:  fmt.Sprintf("%s intent %d %s", in.Kind, id, outcome),
			Evidence: fmt.Sprintf("kind=%s vm=%s host=%s target=%s generation=%d opened=%s detail=%q", in.Kind, in.VM, in.Host, in.Target, in.Generation, in.Opened.UTC().Format(time.RFC3339Nano), detail),
		}
		_, err = s.appendEvent(tx, ev)
		return err
	})
}

// OpenIntents lists the intents not yet closed, oldest first: what a
// restarted agent must finish or undo.
func (s *Store) OpenIntents() ([]Intent, error) {
	var out []Intent
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketIntents).ForEach(func(k, v []byte) error {
			in, err := decodeIntent(v)
			if err != nil {
				return fmt.Errorf("intents/%x: %w", k, err)
			}
			out = append(out, in)
			return nil
		})
	})
	return out, err
}

// Append adds an event to the audit log and returns its sequence number.
// Evidence beyond Options.MaxEvidence is cut (EvidenceBytes keeps the full
// length); old events are pruned by age and total size, never the newest.
func (s *Store) Append(ev Event) (uint64, error) {
	if ev.Time.IsZero() {
		ev.Time = s.opts.Now()
	}
	if err := ev.validate(); err != nil {
		return 0, fmt.Errorf("append event: %w: %v", ErrInvalid, err)
	}
	var seq uint64
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		seq, err = s.appendEvent(tx, ev)
		return err
	})
	return seq, err
}

func (s *Store) appendEvent(tx *bolt.Tx, ev Event) (uint64, error) {
	if ev.Time.IsZero() {
		ev.Time = s.opts.Now()
	}
	if n := len(ev.Evidence); n > s.opts.MaxEvidence {
		cut := s.opts.MaxEvidence
		for cut > 0 && !utf8Start(ev.Evidence[cut]) {
			cut--
		}
		ev.Evidence, ev.EvidenceBytes = ev.Evidence[:cut], n
	}
	b := tx.Bucket(bucketAudit)
	meta := tx.Bucket(bucketMeta)
	seq, err := b.NextSequence()
	if err != nil {
		return 0, err
	}
	ev.Seq = seq
	v, err := encode(&ev)
	if err != nil {
		return 0, err
	}
	total := auditBytes(meta) + uint64(8+len(v))
	if err := b.Put(u64(seq), v); err != nil {
		return 0, err
	}
	// Prune the oldest while over the size bound or older than the age
	// bound; the event just written stays.
	oldest := s.opts.Now().Add(-s.opts.MaxAuditAge)
	c := b.Cursor()
	for k, v := c.First(); k != nil && !bytes.Equal(k, u64(seq)); k, v = c.First() {
		if total <= uint64(s.opts.MaxAuditBytes) {
			old, err := decodeEvent(v)
			if err == nil && !old.Time.Before(oldest) {
				break
			}
		}
		total -= uint64(len(k) + len(v))
		if err := c.Delete(); err != nil {
			return 0, err
		}
	}
	return seq, meta.Put(keyAuditBytes, u64(total))
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

func auditBytes(meta *bolt.Bucket) uint64 {
	if v := meta.Get(keyAuditBytes); len(v) == 8 {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

// Events returns audit events with sequence numbers above after, oldest
// first, at most limit of them (0: no limit).
func (s *Store) Events(after uint64, limit int) ([]Event, error) {
	var out []Event
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		for k, v := c.Seek(u64(after + 1)); k != nil; k, v = c.Next() {
			ev, err := decodeEvent(v)
			if err != nil {
				return fmt.Errorf("audit/%x: %w", k, err)
			}
			out = append(out, ev)
			if limit > 0 && len(out) >= limit {
				break
			}
		}
		return nil
	})
	return out, err
}

// AddFence records one fence with its attempts and returns its id. Only the
// newest Options.MaxFences records are kept.
func (s *Store) AddFence(f FenceRecord) (uint64, error) {
	if err := f.validate(); err != nil {
		return 0, fmt.Errorf("add fence: %w: %v", ErrInvalid, err)
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFences)
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		f.ID = id
		v, err := encode(&f)
		if err != nil {
			return err
		}
		if err := b.Put(u64(id), v); err != nil {
			return err
		}
		if id > uint64(s.opts.MaxFences) {
			c := b.Cursor()
			for k, _ := c.First(); k != nil && binary.BigEndian.Uint64(k) <= id-uint64(s.opts.MaxFences); k, _ = c.First() {
				if err := c.Delete(); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return f.ID, err
}

// FencesSince returns the fence records started at or after t, in the
// order they were recorded.
func (s *Store) FencesSince(t time.Time) ([]FenceRecord, error) {
	var out []FenceRecord
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFences).ForEach(func(k, v []byte) error {
			f, err := decodeFence(v)
			if err != nil {
				return fmt.Errorf("fences/%x: %w", k, err)
			}
			if !f.Started.Before(t) {
				out = append(out, f)
			}
			return nil
		})
	})
	return out, err
}
