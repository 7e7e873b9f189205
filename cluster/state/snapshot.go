package state

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// snapshotMagic opens every snapshot stream; the byte after it is the
// format version.
const (
	snapshotMagic   = "vigil-state\n"
	snapshotVersion = 1
	// maxRecordLen bounds one record, so a damaged length cannot make
	// Restore allocate without limit.
	maxRecordLen = 1 << 20
)

// recordType is the byte before each snapshot record. Numbers are only
// ever added.
type recordType uint8

const (
	recMeta      recordType = 1
	recHost      recordType = 2
	recVM        recordType = 3
	recGroup     recordType = 4
	recAdmission recordType = 5
	recFence     recordType = 6
	recLease     recordType = 7
	recEnd       recordType = 0xff
)

type snapMeta struct {
	Index uint64 `json:"index"`
}

// snapEnd closes a snapshot with the number of records of each table, so a
// truncated stream cannot pass for a smaller state.
type snapEnd struct {
	Hosts  int `json:"hosts"`
	VMs    int `json:"vms"`
	Groups int `json:"groups"`
	Fences int `json:"fences"`
	Leases int `json:"leases"`
}

// Snapshot is a point-in-time view of the state, taken cheaply (records are
// shared, never changed in place) and written out later by WriteTo while
// Apply goes on.
type Snapshot struct {
	index     uint64
	hosts     []*Host
	vms       []*VM
	groups    []*GroupPolicy
	admission Admission
	fences    []*FenceRecord
	leases    []*Lease
}

// Snapshot captures the state as it is now.
func (s *State) Snapshot() *Snapshot {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t := s.t
	return &Snapshot{
		index:     t.index,
		hosts:     mapValues(t.hosts),
		vms:       mapValues(t.vms),
		groups:    mapValues(t.groups),
		admission: t.admission,
		fences:    slices.Clone(t.fences),
		leases:    mapValues(t.leases),
	}
}

func mapValues[V any](m map[string]*V) []*V {
	out := make([]*V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// Index is the log index the snapshot was taken at.
func (sn *Snapshot) Index() uint64 { return sn.index }

// WriteTo writes the snapshot: the magic and version, then one table at a
// time, each record as a type byte, a uvarint length and its JSON, in name
// order so two replicas with equal state write equal bytes.
func (sn *Snapshot) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	bw := bufio.NewWriterSize(cw, 64<<10)
	slices.SortFunc(sn.hosts, func(a, b *Host) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(sn.vms, func(a, b *VM) int { return strings.Compare(a.Spec.Name, b.Spec.Name) })
	slices.SortFunc(sn.groups, func(a, b *GroupPolicy) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(sn.leases, func(a, b *Lease) int { return strings.Compare(a.Holder, b.Holder) })

	rw := recordWriter{w: bw}
	bw.WriteString(snapshotMagic)
	bw.WriteByte(snapshotVersion)
	rw.write(recMeta, snapMeta{Index: sn.index})
	for _, h := range sn.hosts {
		rw.write(recHost, h)
	}
	for _, vm := range sn.vms {
		rw.write(recVM, vm)
	}
	for _, g := range sn.groups {
		rw.write(recGroup, g)
	}
	rw.write(recAdmission, sn.admission)
	for _, f := range sn.fences {
		rw.write(recFence, f)
	}
	for _, l := range sn.leases {
		rw.write(recLease, l)
	}
	rw.write(recEnd, snapEnd{Hosts: len(sn.hosts), VMs: len(sn.vms), Groups: len(sn.groups), Fences: len(sn.fences), Leases: len(sn.leases)})
	if rw.err == nil {
		rw.err = bw.Flush()
	}
	if rw.err == nil {
		rw.err = cw.err
	}
	return cw.n, rw.err
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

type recordWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	err error
}

func (rw *recordWriter) write(t recordType, v any) {
	if rw.err != nil {
		return
	}
	rw.buf.Reset()
	if err := json.NewEncoder(&rw.buf).Encode(v); err != nil {
		rw.err = fmt.Errorf("snapshot record %d: %w", t, err)
		return
	}
	b := bytes.TrimSuffix(rw.buf.Bytes(), []byte("\n"))
	var hdr [1 + binary.MaxVarintLen64]byte
	hdr[0] = byte(t)
	n := binary.PutUvarint(hdr[1:], uint64(len(b)))
	if _, err := rw.w.Write(hdr[:1+n]); err != nil {
		rw.err = err
		return
	}
	if _, err := rw.w.Write(b); err != nil {
		rw.err = err
	}
}

// Restore replaces the state with the snapshot read from r. It builds a
// fresh state, checking every record as a command would be checked, and
// swaps it in only when the whole stream was read and its end record
// matched; on any error the current state stays as it was.
func (s *State) Restore(r io.Reader) error {
	t, err := readSnapshot(bufio.NewReaderSize(r, 64<<10))
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.t = t
	s.mu.Unlock()
	return nil
}

func snapErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrSnapshot, fmt.Sprintf(format, args...))
}

func readSnapshot(br *bufio.Reader) (*tables, error) {
	head := make([]byte, len(snapshotMagic)+1)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, snapErr("header: %v", err)
	}
	if string(head[:len(snapshotMagic)]) != snapshotMagic {
		return nil, snapErr("not a vigil state snapshot")
	}
	if v := head[len(snapshotMagic)]; v != snapshotVersion {
		return nil, snapErr("format version %d, this build reads %d", v, snapshotVersion)
	}
	t := newTables()
	var (
		n       int // records read, for error text
		sawMeta bool
		sawAdm  bool
		last    recordType
	)
	for {
		typ, payload, err := readRecord(br)
		if err == io.EOF {
			return nil, snapErr("truncated after %d records (no end record)", n)
		}
		if err != nil {
			return nil, snapErr("record %d: %v", n, err)
		}
		n++
		if typ != recEnd && typ < last {
			return nil, snapErr("record %d: type %d after type %d (tables out of order)", n, typ, last)
		}
		last = typ
		if typ != recMeta && !sawMeta {
			return nil, snapErr("record %d: type %d before the meta record", n, typ)
		}
		switch typ {
		case recMeta:
			if sawMeta {
				return nil, snapErr("record %d: second meta record", n)
			}
			var m snapMeta
			if err := decodeStrict(payload, &m); err != nil {
				return nil, snapErr("record %d (meta): %v", n, err)
			}
			t.index, sawMeta = m.Index, true
		case recHost:
			var h Host
			if err := decodeStrict(payload, &h); err != nil {
				return nil, snapErr("record %d (host): %v", n, err)
			}
			if err := t.restoreHost(&h); err != nil {
				return nil, snapErr("record %d (host %q): %v", n, h.Name, err)
			}
		case recVM:
			var vm VM
			if err := decodeStrict(payload, &vm); err != nil {
				return nil, snapErr("record %d (vm): %v", n, err)
			}
			if err := t.restoreVM(&vm); err != nil {
				return nil, snapErr("record %d (vm %q): %v", n, vm.Spec.Name, err)
			}
		case recGroup:
			var g GroupPolicy
			if err := decodeStrict(payload, &g); err != nil {
				return nil, snapErr("record %d (group): %v", n, err)
			}
			if err := (SetGroupPolicy{Policy: g}).check(); err != nil {
				return nil, snapErr("record %d (group %q): %v", n, g.Name, err)
			}
			if t.groups[g.Name] != nil {
				return nil, snapErr("record %d: group %q twice", n, g.Name)
			}
			t.groups[g.Name] = &g
		case recAdmission:
			if sawAdm {
				return nil, snapErr("record %d: second admission record", n)
			}
			var a Admission
			if err := decodeStrict(payload, &a); err != nil {
				return nil, snapErr("record %d (admission): %v", n, err)
			}
			if err := (SetAdmission{Admission: a}).check(); err != nil {
				return nil, snapErr("record %d (admission): %v", n, err)
			}
			t.admission, sawAdm = a, true
		case recFence:
			var f FenceRecord
			if err := decodeStrict(payload, &f); err != nil {
				return nil, snapErr("record %d (fence): %v", n, err)
			}
			if err := t.restoreFence(&f); err != nil {
				return nil, snapErr("record %d (fence %d): %v", n, f.ID, err)
			}
		case recLease:
			var l Lease
			if err := decodeStrict(payload, &l); err != nil {
				return nil, snapErr("record %d (lease): %v", n, err)
			}
			if err := t.restoreLease(&l); err != nil {
				return nil, snapErr("record %d (lease of %q): %v", n, l.Holder, err)
			}
		case recEnd:
			var e snapEnd
			if err := decodeStrict(payload, &e); err != nil {
				return nil, snapErr("end record: %v", err)
			}
			got := snapEnd{Hosts: len(t.hosts), VMs: len(t.vms), Groups: len(t.groups), Fences: len(t.fences), Leases: len(t.leases)}
			if e != got {
				return nil, snapErr("end record counts %+v, read %+v", e, got)
			}
			if !sawAdm {
				return nil, snapErr("no admission record")
			}
			if _, err := br.ReadByte(); err != io.EOF {
				return nil, snapErr("data after the end record")
			}
			return t, nil
		default:
			return nil, snapErr("record %d: unknown type %d", n, typ)
		}
	}
}

func readRecord(br *bufio.Reader) (recordType, []byte, error) {
	b, err := br.ReadByte()
	if err != nil {
		return 0, nil, err
	}
	size, err := binary.ReadUvarint(br)
	if err != nil {
		return 0, nil, fmt.Errorf("length: %w", noEOF(err))
	}
	if size > maxRecordLen {
		return 0, nil, fmt.Errorf("length %d over %d", size, maxRecordLen)
	}
	payload := make([]byte, size)
	if _, err := io.ReadFull(br, payload); err != nil {
		return 0, nil, fmt.Errorf("payload: %w", noEOF(err))
	}
	return recordType(b), payload, nil
}

// noEOF turns an EOF inside a record into ErrUnexpectedEOF, so only a clean
// end between records reads as io.EOF.
func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if rest := b[dec.InputOffset():]; len(bytes.TrimSpace(rest)) > 0 {
		return errors.New("trailing data")
	}
	return nil
}

func (t *tables) restoreHost(h *Host) error {
	reg := RegisterHost{Name: h.Name, Addresses: h.Addresses, BootID: h.BootID, Capacity: h.Capacity, BMC: h.BMC, WatchdogArmed: h.WatchdogArmed}
	if err := reg.check(); err != nil {
		return err
	}
	if err := checkHostState("state", h.State); err != nil {
		return err
	}
	if err := checkText("reason", h.Reason); err != nil {
		return err
	}
	if len(h.FencedBootID) > maxBootIDLen {
		return invalid("fenced_boot_id", "%d characters, at most %d", len(h.FencedBootID), maxBootIDLen)
	}
	if t.hosts[h.Name] != nil {
		return errors.New("host twice")
	}
	if err := t.registerHost(&reg); err != nil {
		return err
	}
	t.hosts[h.Name] = h
	return nil
}

func (t *tables) restoreVM(vm *VM) error {
	if err := (CreateVM{Spec: vm.Spec, Desired: vm.Desired}).check(); err != nil {
		return err
	}
	if t.vms[vm.Spec.Name] != nil {
		return errors.New("vm twice")
	}
	if err := t.checkMACs(&vm.Spec); err != nil {
		return err
	}
	if vm.Owner != "" {
		if t.hosts[vm.Owner] == nil {
			return fmt.Errorf("owner: %w: host %q", ErrNotFound, vm.Owner)
		}
		if vm.Generation == 0 {
			return invalid("generation", "0 for a placed VM")
		}
		set := t.owned[vm.Owner]
		if set == nil {
			set = make(map[string]struct{})
			t.owned[vm.Owner] = set
		}
		set[vm.Spec.Name] = struct{}{}
	}
	t.vms[vm.Spec.Name] = vm
	t.indexMACs(&vm.Spec, true)
	return nil
}

func (t *tables) restoreFence(f *FenceRecord) error {
	if err := (OpenFence{Target: f.Target, By: f.By, Method: f.Method, Evidence: f.Evidence, Started: f.Started}).check(); err != nil {
		return err
	}
	if f.ID == 0 || f.ID > t.index {
		return invalid("id", "%d not in 1..%d", f.ID, t.index)
	}
	if n := len(t.fences); n > 0 && t.fences[n-1].ID >= f.ID {
		return invalid("id", "%d not above the previous record's %d", f.ID, t.fences[n-1].ID)
	}
	if len(t.fences) >= maxFences {
		return invalid("id", "more than %d fence records", maxFences)
	}
	if f.Confirmed {
		if err := checkTime("confirmed_at", f.ConfirmedAt); err != nil {
			return err
		}
	}
	if err := checkText("confirmation", f.Confirmation); err != nil {
		return err
	}
	t.fences = append(t.fences, f)
	return nil
}

func (t *tables) restoreLease(l *Lease) error {
	if err := (RenewLease{Holder: l.Holder, Epoch: l.Epoch, Expiry: l.Expiry}).check(); err != nil {
		return err
	}
	if t.leases[l.Holder] != nil {
		return errors.New("lease twice")
	}
	if t.hosts[l.Holder] == nil {
		return fmt.Errorf("holder: %w: host %q", ErrNotFound, l.Holder)
	}
	t.leases[l.Holder] = l
	return nil
}
