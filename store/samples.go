package store

import (
	"encoding/binary"
	"fmt"
	"math"
	"time"

	bolt "go.etcd.io/bbolt"
)

// AppendSample adds one reading to the history ring of sensorKey (for
// example "ipmi:host-b/FAN1"). The ring keeps the newest
// Options.SampleCapacity samples. NaN readings are refused.
func (s *Store) AppendSample(sensorKey string, t time.Time, value float64) error {
	return s.AppendSamples(t, map[string]float64{sensorKey: value})
}

// AppendSamples adds one reading per sensor, all taken at t, in one
// transaction (one poll of a BMC is one commit, not one per sensor).
func (s *Store) AppendSamples(t time.Time, values map[string]float64) error {
	for k, v := range values {
		if !validName(k) {
			return fmt.Errorf("append sample: %w: sensor key %q must be 1 to %d bytes of UTF-8", ErrInvalid, k, maxName)
		}
		if math.IsNaN(v) {
			return fmt.Errorf("append sample %s: %w: NaN", k, ErrInvalid)
		}
	}
	return s.update(func(tx *bolt.Tx) error {
		return appendBatch(tx.Bucket(bucketSamples), t, values, s.opts.SampleCapacity)
	})
}

// appendBatch appends one sample taken at t to the ring of every key.
func appendBatch(root *bolt.Bucket, t time.Time, values map[string]float64, capacity int) error {
	for k, v := range values {
		ring, err := root.CreateBucketIfNotExists([]byte(k))
		if err != nil {
			return fmt.Errorf("samples/%s: %w", k, err)
		}
		if err := ringAppend(ring, Sample{Time: t, Value: v}, capacity); err != nil {
			return fmt.Errorf("samples/%s: %w", k, err)
		}
	}
	return nil
}

// ringAppend writes s under the next sequence number and drops the oldest
// entries beyond capacity. Keys are contiguous sequence numbers.
func ringAppend(ring *bolt.Bucket, s Sample, capacity int) error {
	seq, err := ring.NextSequence()
	if err != nil {
		return err
	}
	if err := ring.Put(u64(seq), encodeSample(s)); err != nil {
		return err
	}
	c := ring.Cursor()
	for k, _ := c.First(); k != nil && seq-binary.BigEndian.Uint64(k) >= uint64(capacity); k, _ = c.First() {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}

// Samples returns sensorKey's history, oldest first (nil for an unknown
// sensor).
func (s *Store) Samples(sensorKey string) ([]Sample, error) {
	var out []Sample
	err := s.view(func(tx *bolt.Tx) error {
		ring := tx.Bucket(bucketSamples).Bucket([]byte(sensorKey))
		if ring == nil {
			return nil
		}
		return ring.ForEach(func(k, v []byte) error {
			smp, err := decodeSample(v)
			if err != nil {
				return fmt.Errorf("samples/%s/%x: %w", sensorKey, k, err)
			}
			out = append(out, smp)
			return nil
		})
	})
	return out, err
}

// SampleKeys lists the sensors that have a history, in key order.
func (s *Store) SampleKeys() ([]string, error) {
	var out []string
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSamples).ForEachBucket(func(k []byte) error {
			out = append(out, string(k))
			return nil
		})
	})
	return out, err
}

// checkRing verifies one ring: 8-byte contiguous keys ending at the bucket's
// sequence, at most capacity of them, every sample decodable.
func checkRing(ring *bolt.Bucket, capacity int) error {
	var prev uint64
	n := 0
	err := ring.ForEach(func(k, v []byte) error {
		if len(k) != 8 {
			return fmt.Errorf("%w: key %x is not a sequence number", ErrCorrupt, k)
		}
		seq := binary.BigEndian.Uint64(k)
		if n > 0 && seq != prev+1 {
			return fmt.Errorf("%w: gap after %d (next %d)", ErrCorrupt, prev, seq)
		}
		if _, err := decodeSample(v); err != nil {
			return err
		}
		prev = seq
		n++
		return nil
	})
	if err != nil {
		return err
	}
	if n > 0 && prev != ring.Sequence() {
		return fmt.Errorf("%w: newest key %d but sequence %d", ErrCorrupt, prev, ring.Sequence())
	}
	if n > capacity {
		return fmt.Errorf("%d samples over capacity %d", n, capacity)
	}
	return nil
}

// trimRings cuts every ring to capacity (the configured capacity shrank
// since the file was written).
func trimRings(root *bolt.Bucket, capacity int) error {
	return root.ForEachBucket(func(name []byte) error {
		ring := root.Bucket(name)
		c := ring.Cursor()
		last := ring.Sequence()
		for k, _ := c.First(); len(k) == 8 && last-binary.BigEndian.Uint64(k) >= uint64(capacity); k, _ = c.First() {
			if err := c.Delete(); err != nil {
				return err
			}
		}
		return nil
	})
}
