package state

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"
)

// maxFences is how many fence records the state keeps; older ones are
// dropped, oldest first (the audit log in each host's store keeps history).
const maxFences = 1024

// State is the replicated cluster state: the tables and the function that
// changes them. Apply is the only writer; queries may run concurrently with
// it and return copies.
type State struct {
	mu sync.RWMutex
	t  *tables
}

// tables holds the state proper. Records are never changed in place once
// stored: a change stores a new copy, so a Snapshot can share them.
type tables struct {
	index     uint64
	hosts     map[string]*Host
	vms       map[string]*VM
	groups    map[string]*GroupPolicy
	admission Admission
	fences    []*FenceRecord // ascending ID
	leases    map[string]*Lease

	// Indexes, rebuilt on restore.
	owned map[string]map[string]struct{} // host → names of the VMs it owns
	macs  map[string]string              // NIC MAC → VM name
}

func newTables() *tables {
	return &tables{
		hosts:  make(map[string]*Host),
		vms:    make(map[string]*VM),
		groups: make(map[string]*GroupPolicy),
		leases: make(map[string]*Lease),
		owned:  make(map[string]map[string]struct{}),
		macs:   make(map[string]string),
	}
}

// New returns an empty state.
func New() *State { return &State{t: newTables()} }

// Result is what a command that applied returns to its proposer.
type Result struct {
	// Index is the log index of the entry.
	Index uint64
	// Ignored: the entry's type is unknown to this build but carried
	// IgnoreUnknownFlag, so it was skipped.
	Ignored bool
	// Generations: for Place, each VM's new generation, in order.
	Generations []uint64
	// FenceID: for OpenFence, the new record's ID.
	FenceID uint64
	// Lease: for lease commands, the lease as it now stands.
	Lease Lease
}

// Apply applies the log entry at index (which must be above the last one
// applied). A command that fails returns an error and changes no table; the
// applied index advances either way, as the entry was consumed. An entry of
// an unknown type fails with ErrUnknownType unless it carries
// IgnoreUnknownFlag.
func (s *State) Apply(index uint64, entry []byte) (Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.t
	if index <= t.index {
		return Result{}, fmt.Errorf("%w: %d after %d", ErrIndex, index, t.index)
	}
	t.index = index
	res := Result{Index: index}
	if len(entry) > 0 {
		typ := MessageType(entry[0])
		if typ&IgnoreUnknownFlag != 0 && newCommand(typ&^IgnoreUnknownFlag) == nil {
			res.Ignored = true
			return res, nil
		}
	}
	cmd, err := Decode(entry)
	if err != nil {
		return res, err
	}
	if err := t.apply(index, cmd, &res); err != nil {
		return Result{Index: index}, fmt.Errorf("%s: %w", cmd.describe(), err)
	}
	return res, nil
}

// ApplyCommand encodes cmd and applies it at index, as Apply would the
// entry: the path a simulation or a test takes without a log.
func (s *State) ApplyCommand(index uint64, cmd Command) (Result, error) {
	entry, err := Encode(cmd)
	if err != nil {
		return Result{}, err
	}
	return s.Apply(index, entry)
}

func (t *tables) apply(index uint64, cmd Command, res *Result) error {
	switch c := cmd.(type) {
	case *RegisterHost:
		return t.registerHost(c)
	case *SetHostState:
		return t.setHostState(c)
	case *CreateVM:
		return t.createVM(c)
	case *UpdateVM:
		return t.updateVM(c)
	case *DeleteVM:
		return t.deleteVM(c)
	case *Place:
		return t.place(c, res)
	case *SetGroupPolicy:
		p := c.Policy.clone()
		t.groups[p.Name] = &p
		return nil
	case *DeleteGroupPolicy:
		if t.groups[c.Name] == nil {
			return fmt.Errorf("%w: no policy for group %q", ErrNotFound, c.Name)
		}
		delete(t.groups, c.Name)
		return nil
	case *SetAdmission:
		t.admission = c.Admission
		return nil
	case *OpenFence:
		return t.openFence(index, c, res)
	case *ConfirmFence:
		return t.confirmFence(c)
	case *GrantLease:
		return t.grantLease(c, res)
	case *RenewLease:
		return t.renewLease(c, res)
	case *RevokeLease:
		return t.revokeLease(c, res)
	case *HoldVM:
		return t.holdVM(c)
	}
	return fmt.Errorf("%w %d", ErrUnknownType, cmd.Type())
}

func (t *tables) registerHost(c *RegisterHost) error {
	for _, other := range t.hosts {
		if other.Name != c.Name && other.Addresses.Management == c.Addresses.Management {
			return fmt.Errorf("addresses.management: %w: %s is host %q's", ErrExists, c.Addresses.Management, other.Name)
		}
	}
	h := Host{
		Name:          c.Name,
		Addresses:     c.Addresses,
		BootID:        c.BootID,
		State:         Healthy,
		Capacity:      c.Capacity,
		BMC:           slices.Clone(c.BMC),
		WatchdogArmed: c.WatchdogArmed,
	}
	if old := t.hosts[c.Name]; old != nil {
		h.State, h.Reason, h.FencedBootID = old.State, old.Reason, old.FencedBootID
	}
	t.hosts[c.Name] = &h
	return nil
}

// allowedTransitions lists, per state, the states SetHostState may move a
// host to. Fenced is absent everywhere: only ConfirmFence leads there.
var allowedTransitions = map[HostState][]HostState{
	Healthy:     {Degraded, Suspect, Fencing, Maintenance, Left},
	Degraded:    {Healthy, Suspect, Fencing, Maintenance, Left},
	Suspect:     {Healthy, Degraded, Fencing, Maintenance, Left},
	Fencing:     {Maintenance, Left}, // a person gives up on the fence
	Fenced:      {Healthy, Degraded, Maintenance, Left},
	Maintenance: {Healthy, Degraded, Fencing, Left},
	Left:        {Healthy, Maintenance},
}

func (t *tables) setHostState(c *SetHostState) error {
	h := t.hosts[c.Host]
	if h == nil {
		return fmt.Errorf("%w: host %q", ErrNotFound, c.Host)
	}
	if c.State == h.State {
		return nil
	}
	if c.State == Fenced {
		return fmt.Errorf("%w: a host becomes fenced only by a confirmed fence record", ErrTransition)
	}
	if !slices.Contains(allowedTransitions[h.State], c.State) {
		return fmt.Errorf("%w: from %s to %s", ErrTransition, h.State, c.State)
	}
	if (c.State == Healthy || c.State == Degraded) && h.FencedBootID != "" && h.BootID == h.FencedBootID {
		return fmt.Errorf("%w: host has not rebooted since it was fenced (boot id %s unchanged)", ErrTransition, h.BootID)
	}
	if c.State == Fencing || c.State == Left {
		if vms := t.owned[c.Host]; len(vms) > 0 {
			names := sortedKeys(vms)
			return fmt.Errorf("%w: %d, first %q; revoke their ownership first", ErrHostOwnsVMs, len(names), names[0])
		}
	}
	nh := *h
	nh.State, nh.Reason = c.State, c.Reason
	t.hosts[c.Host] = &nh
	if c.State == Fencing || c.State == Left {
		if l := t.leases[c.Host]; l != nil && !l.Revoked {
			nl := *l
			nl.Revoked = true
			t.leases[c.Host] = &nl
		}
	}
	return nil
}

// checkMACs refuses a spec whose MACs another VM already has.
func (t *tables) checkMACs(spec *VMSpec) error {
	for i, n := range spec.NICs {
		if other, ok := t.macs[n.MAC]; ok && other != spec.Name {
			return fmt.Errorf("spec.nics[%d].mac: %w: %s is vm %q's", i, ErrDuplicateMAC, n.MAC, other)
		}
	}
	return nil
}

func (t *tables) indexMACs(spec *VMSpec, add bool) {
	for _, n := range spec.NICs {
		if add {
			t.macs[n.MAC] = spec.Name
		} else {
			delete(t.macs, n.MAC)
		}
	}
}

func (t *tables) createVM(c *CreateVM) error {
	if t.vms[c.Spec.Name] != nil {
		return fmt.Errorf("%w: vm %q", ErrExists, c.Spec.Name)
	}
	if err := t.checkMACs(&c.Spec); err != nil {
		return err
	}
	vm := &VM{Spec: c.Spec.clone(), Desired: c.Desired}
	t.vms[c.Spec.Name] = vm
	t.indexMACs(&vm.Spec, true)
	return nil
}

func (t *tables) updateVM(c *UpdateVM) error {
	old := t.vms[c.Spec.Name]
	if old == nil {
		return fmt.Errorf("%w: vm %q", ErrNotFound, c.Spec.Name)
	}
	if err := t.checkMACs(&c.Spec); err != nil {
		return err
	}
	vm := &VM{Spec: c.Spec.clone(), Desired: c.Desired, Owner: old.Owner, Generation: old.Generation}
	t.indexMACs(&old.Spec, false)
	t.indexMACs(&vm.Spec, true)
	t.vms[c.Spec.Name] = vm
	return nil
}

func (t *tables) deleteVM(c *DeleteVM) error {
	vm := t.vms[c.Name]
	if vm == nil {
		return fmt.Errorf("%w: vm %q", ErrNotFound, c.Name)
	}
	if vm.Owner != "" {
		return fmt.Errorf("%w: owned by %q at generation %d; revoke it first", ErrVMPlaced, vm.Owner, vm.Generation)
	}
	t.indexMACs(&vm.Spec, false)
	delete(t.vms, c.Name)
	return nil
}

// place checks every placement first and applies them only if all pass.
func (t *tables) place(c *Place, res *Result) error {
	for i, p := range c.Placements {
		vm := t.vms[p.VM]
		if vm == nil {
			return fmt.Errorf("placements[%d]: %w: vm %q", i, ErrNotFound, p.VM)
		}
		if vm.Generation != p.Generation {
			return fmt.Errorf("placements[%d] vm %q: %w: expected %d, current %d", i, p.VM, ErrStaleGeneration, p.Generation, vm.Generation)
		}
		if p.Owner == "" {
			continue
		}
		h := t.hosts[p.Owner]
		if h == nil {
			return fmt.Errorf("placements[%d] vm %q: owner: %w: host %q", i, p.VM, ErrNotFound, p.Owner)
		}
		if h.State != Healthy {
			return fmt.Errorf("placements[%d] vm %q: %w: host %q is %s", i, p.VM, ErrHostNotPlaceable, p.Owner, h.State)
		}
	}
	res.Generations = make([]uint64, len(c.Placements))
	for i, p := range c.Placements {
		old := t.vms[p.VM]
		vm := *old
		vm.Owner = p.Owner
		vm.Generation++
		if p.Owner != "" {
			vm.Hold = nil
		}
		t.vms[p.VM] = &vm
		if old.Owner != "" {
			delete(t.owned[old.Owner], p.VM)
			if len(t.owned[old.Owner]) == 0 {
				delete(t.owned, old.Owner)
			}
		}
		if p.Owner != "" {
			set := t.owned[p.Owner]
			if set == nil {
				set = make(map[string]struct{})
				t.owned[p.Owner] = set
			}
			set[p.VM] = struct{}{}
		}
		res.Generations[i] = vm.Generation
	}
	return nil
}

func (t *tables) holdVM(c *HoldVM) error {
	old := t.vms[c.VM]
	if old == nil {
		return fmt.Errorf("%w: vm %q", ErrNotFound, c.VM)
	}
	if old.Generation != c.Generation {
		return fmt.Errorf("vm %q: %w: expected %d, current %d", c.VM, ErrStaleGeneration, c.Generation, old.Generation)
	}
	if old.Owner != "" {
		return fmt.Errorf("vm %q: %w: placed on %s", c.VM, ErrVMPlaced, old.Owner)
	}
	vm := *old
	h := c.Hold
	vm.Hold = &h
	t.vms[c.VM] = &vm
	return nil
}

func (t *tables) fenceIndex(id uint64) int {
	i, ok := slices.BinarySearchFunc(t.fences, id, func(r *FenceRecord, id uint64) int { return cmp.Compare(r.ID, id) })
	if !ok {
		return -1
	}
	return i
}

func (t *tables) openFence(index uint64, c *OpenFence, res *Result) error {
	target := t.hosts[c.Target]
	if target == nil {
		return fmt.Errorf("target: %w: host %q", ErrNotFound, c.Target)
	}
	if target.State != Fencing {
		return fmt.Errorf("target: %w: host %q is %s, not fencing", ErrTransition, c.Target, target.State)
	}
	if t.hosts[c.By] == nil {
		return fmt.Errorf("by: %w: host %q", ErrNotFound, c.By)
	}
	rec := &FenceRecord{
		ID:           index,
		Target:       c.Target,
		TargetBootID: target.BootID,
		By:           c.By,
		Method:       c.Method,
		Evidence:     c.Evidence,
		Started:      c.Started.UTC(),
	}
	if len(t.fences) >= maxFences {
		t.fences = slices.Clone(t.fences[len(t.fences)-maxFences+1:])
	}
	t.fences = append(t.fences, rec)
	res.FenceID = rec.ID
	return nil
}

func (t *tables) confirmFence(c *ConfirmFence) error {
	i := t.fenceIndex(c.ID)
	if i < 0 {
		return fmt.Errorf("%w: fence record %d", ErrNotFound, c.ID)
	}
	rec := t.fences[i]
	if rec.Confirmed {
		return fmt.Errorf("%w: fence record %d was confirmed at %s", ErrExists, c.ID, rec.ConfirmedAt.Format(time.RFC3339Nano))
	}
	if c.At.Before(rec.Started) {
		return invalid("at", "%s is before the fence started (%s)", c.At.UTC().Format(time.RFC3339Nano), rec.Started.Format(time.RFC3339Nano))
	}
	target := t.hosts[rec.Target]
	if target == nil {
		return fmt.Errorf("%w: target host %q", ErrNotFound, rec.Target)
	}
	if target.State != Fencing {
		return fmt.Errorf("%w: host %q is %s, not fencing", ErrTransition, rec.Target, target.State)
	}
	nr := *rec
	nr.Confirmed, nr.ConfirmedAt, nr.Confirmation = true, c.At.UTC(), c.Confirmation
	// Replace the slice so a snapshot holding the old one keeps its view.
	t.fences = slices.Clone(t.fences)
	t.fences[i] = &nr
	nh := *target
	nh.State = Fenced
	nh.FencedBootID = rec.TargetBootID
	nh.Reason = fmt.Sprintf("fence %d confirmed (%s)", rec.ID, rec.Method)
	t.hosts[rec.Target] = &nh
	return nil
}

// leaseHolder returns the holder's host if it may hold a lease.
func (t *tables) leaseHolder(name string) error {
	h := t.hosts[name]
	if h == nil {
		return fmt.Errorf("%w: host %q", ErrNotFound, name)
	}
	switch h.State {
	case Fencing, Fenced, Left:
		return fmt.Errorf("%w: host %q is %s", ErrHostNotPlaceable, name, h.State)
	}
	return nil
}

func (t *tables) grantLease(c *GrantLease, res *Result) error {
	if err := t.leaseHolder(c.Holder); err != nil {
		return err
	}
	var cur uint64
	if l := t.leases[c.Holder]; l != nil {
		cur = l.Epoch
	}
	if c.PrevEpoch != cur {
		return fmt.Errorf("%w: expected %d, current %d", ErrStaleEpoch, c.PrevEpoch, cur)
	}
	l := &Lease{Holder: c.Holder, Epoch: cur + 1, Expiry: c.Expiry.UTC()}
	t.leases[c.Holder] = l
	res.Lease = *l
	return nil
}

func (t *tables) currentLease(holder string, epoch uint64) (*Lease, error) {
	l := t.leases[holder]
	if l == nil {
		return nil, fmt.Errorf("%w: no lease for %q", ErrNotFound, holder)
	}
	if l.Epoch != epoch {
		return nil, fmt.Errorf("%w: expected %d, current %d", ErrStaleEpoch, epoch, l.Epoch)
	}
	return l, nil
}

func (t *tables) renewLease(c *RenewLease, res *Result) error {
	if err := t.leaseHolder(c.Holder); err != nil {
		return err
	}
	l, err := t.currentLease(c.Holder, c.Epoch)
	if err != nil {
		return err
	}
	if l.Revoked {
		return fmt.Errorf("%w: epoch %d", ErrLeaseRevoked, l.Epoch)
	}
	nl := *l
	if c.Expiry.After(nl.Expiry) {
		nl.Expiry = c.Expiry.UTC()
	}
	t.leases[c.Holder] = &nl
	res.Lease = nl
	return nil
}

func (t *tables) revokeLease(c *RevokeLease, res *Result) error {
	l, err := t.currentLease(c.Holder, c.Epoch)
	if err != nil {
		return err
	}
	nl := *l
	nl.Revoked = true
	t.leases[c.Holder] = &nl
	res.Lease = nl
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Index is the log index of the last entry applied.
func (s *State) Index() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.t.index
}

// Host returns a copy of the named host.
func (s *State) Host(name string) (Host, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	h := s.t.hosts[name]
	if h == nil {
		return Host{}, false
	}
	return h.clone(), true
}

// Hosts returns copies of every host, sorted by name.
func (s *State) Hosts() []Host {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]Host, 0, len(s.t.hosts))
	for _, name := range sortedKeys(s.t.hosts) {
		out = append(out, s.t.hosts[name].clone())
	}
	return out
}

// VM returns a copy of the named VM.
func (s *State) VM(name string) (VM, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	vm := s.t.vms[name]
	if vm == nil {
		return VM{}, false
	}
	return vm.clone(), true
}

// VMs returns copies of every VM, sorted by name.
func (s *State) VMs() []VM {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]VM, 0, len(s.t.vms))
	for _, name := range sortedKeys(s.t.vms) {
		out = append(out, s.t.vms[name].clone())
	}
	return out
}

// VMsOn returns copies of the VMs the host owns, sorted by name.
func (s *State) VMsOn(host string) []VM {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := sortedKeys(s.t.owned[host])
	out := make([]VM, 0, len(names))
	for _, name := range names {
		out = append(out, s.t.vms[name].clone())
	}
	return out
}

// Group returns a copy of the named group's policy.
func (s *State) Group(name string) (GroupPolicy, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	p := s.t.groups[name]
	if p == nil {
		return GroupPolicy{}, false
	}
	return p.clone(), true
}

// Groups returns copies of every group policy, sorted by name.
func (s *State) Groups() []GroupPolicy {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]GroupPolicy, 0, len(s.t.groups))
	for _, name := range sortedKeys(s.t.groups) {
		out = append(out, s.t.groups[name].clone())
	}
	return out
}

// Admission returns the cluster's admission control.
func (s *State) Admission() Admission {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.t.admission
}

// Fence returns a copy of the fence record with the given ID.
func (s *State) Fence(id uint64) (FenceRecord, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	i := s.t.fenceIndex(id)
	if i < 0 {
		return FenceRecord{}, false
	}
	return *s.t.fences[i], true
}

// Fences returns copies of the fence records kept, oldest first.
func (s *State) Fences() []FenceRecord {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]FenceRecord, len(s.t.fences))
	for i, r := range s.t.fences {
		out[i] = *r
	}
	return out
}

// Lease returns the holder's lease.
func (s *State) Lease(holder string) (Lease, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	l := s.t.leases[holder]
	if l == nil {
		return Lease{}, false
	}
	return *l, true
}

// Leases returns every lease, sorted by holder.
func (s *State) Leases() []Lease {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]Lease, 0, len(s.t.leases))
	for _, name := range sortedKeys(s.t.leases) {
		out = append(out, *s.t.leases[name])
	}
	return out
}
