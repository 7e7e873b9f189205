package netfabric

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netlink/nl"
	"github.com/vishvananda/netns"
	"golang.org/x/sys/unix"
)

// Options say which network namespace a Host works in.
type Options struct {
	// NetNS names a namespace under /run/netns (as `ip netns` does).
	NetNS string
	// NS is an open namespace handle, used when NetNS is empty; Open
	// duplicates it, so the caller keeps ownership. 0 (and NetNS empty)
	// means the namespace of the calling thread.
	NS netns.NsHandle
	// Logger receives drift repairs and watch errors; nil discards.
	Logger *slog.Logger
}

// Host reconciles one network namespace's fabric through netlink. It
// remembers the last fabric applied, which Watch keeps in place and the VM
// hooks (PlugVM, UnplugVM) change. Safe for concurrent use: applies, drift
// repairs and VM hooks run one at a time, each from reading the host to the
// kernel's last reply; VM hooks that queue up behind an apply are carried
// out together by the next one.
type Host struct {
	ns   netns.NsHandle
	nlh  *netlink.Handle
	sock *nl.NetlinkSocket // batches: many requests per sendmsg
	log  *slog.Logger
	name string

	// applying holds one token while an apply, plan or drift repair runs;
	// waiting for it honours the caller's context.
	applying chan struct{}

	mu     sync.Mutex // guards the fields below; never held across netlink calls
	fabric *Fabric
	file   string
	closed bool
	edits  []*tapEdit // VM hooks waiting for the next apply
}

// Open binds a Host to a network namespace.
func Open(opts Options) (*Host, error) {
	var ns netns.NsHandle
	var err error
	name := opts.NetNS
	switch {
	case opts.NetNS != "":
		ns, err = netns.GetFromName(opts.NetNS)
		if err != nil {
			return nil, fmt.Errorf("netns %s: %w", opts.NetNS, err)
		}
	case opts.NS > 0:
		fd, derr := unix.FcntlInt(uintptr(opts.NS), unix.F_DUPFD_CLOEXEC, 0)
		if derr != nil {
			return nil, fmt.Errorf("netns: dup handle: %w", derr)
		}
		ns = netns.NsHandle(fd)
		name = opts.NS.UniqueId()
	default:
		ns, err = netns.Get()
		if err != nil {
			return nil, fmt.Errorf("netns: %w", err)
		}
		name = "current"
	}
	// Sockets are made in the namespace of the thread that makes them:
	// from inside ns already, no setns is needed (nor CAP_SYS_ADMIN, which
	// vigil.service does not grant).
	runtime.LockOSThread()
	at := ns
	if inNamespace(ns) {
		at = netns.None()
	}
	nlh, err := netlink.NewHandleAt(at, unix.NETLINK_ROUTE)
	if err != nil {
		runtime.UnlockOSThread()
		ns.Close()
		return nil, fmt.Errorf("netlink: %w", err)
	}
	sock, err := nl.GetNetlinkSocketAt(at, netns.None(), unix.NETLINK_ROUTE)
	runtime.UnlockOSThread()
	if err != nil {
		nlh.Close()
		ns.Close()
		return nil, fmt.Errorf("netlink: %w", err)
	}
	_ = sock.SetExtAck(true)
	_ = unix.SetsockoptInt(sock.GetFd(), unix.SOL_NETLINK, unix.NETLINK_CAP_ACK, 1)
	_ = sock.SetReceiveBufferSize(4<<20, true)
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Host{ns: ns, nlh: nlh, sock: sock, log: log.With("component", "netfabric", "netns", name), name: name,
		applying: make(chan struct{}, 1)}, nil
}

// Close releases the Host's sockets and namespace handle, after the apply
// in progress (if any) has ended. VM hooks still queued fail with
// ErrClosed.
func (h *Host) Close() error {
	h.applying <- struct{}{}
	defer h.unlockApply()
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil
	}
	h.closed = true
	for _, e := range h.edits {
		e.finish(ErrClosed)
	}
	h.edits = nil
	h.sock.Close()
	h.nlh.Close()
	return h.ns.Close()
}

// lockApply waits for the apply token; it fails with ErrClosed on a
// closed Host (and then does not hold the token) or with ctx's error.
func (h *Host) lockApply(ctx context.Context) error {
	select {
	case h.applying <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	h.mu.Lock()
	closed := h.closed
	h.mu.Unlock()
	if closed {
		h.unlockApply()
		return ErrClosed
	}
	return nil
}

func (h *Host) unlockApply() { <-h.applying }

// Fabric returns a copy of the fabric last applied (nil before the first
// Apply).
func (h *Host) Fabric() *Fabric {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.fabric == nil {
		return nil
	}
	return h.fabric.Clone()
}

// Read returns the host's current state: every link with its global
// addresses and whether a default route leaves through it, and the bridge
// VLANs and VXLAN FDB remotes of the links vigil owns. Equivalent to:
// `ip -d link show; ip addr show; ip route show table all; bridge vlan
// show; bridge fdb show`.
func (h *Host) Read(ctx context.Context) (*State, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	links, err := h.nlh.LinkList()
	if err != nil && !errors.Is(err, netlink.ErrDumpInterrupted) {
		return nil, fmt.Errorf("ip link show: %w", err)
	}
	if errors.Is(err, netlink.ErrDumpInterrupted) {
		if links, err = h.nlh.LinkList(); err != nil {
			return nil, fmt.Errorf("ip link show: %w", err)
		}
	}
	s := &State{Links: make(map[string]*Link, len(links))}
	byIndex := make(map[int]*Link, len(links))
	names := make(map[int]string, len(links))
	for _, nl := range links {
		a := nl.Attrs()
		names[a.Index] = a.Name
	}
	anyOwned := false
	for _, nlk := range links {
		a := nlk.Attrs()
		l := &Link{Name: a.Name, Index: a.Index, Kind: nlk.Type(), Alias: a.Alias, MTU: a.MTU,
			Master: names[a.MasterIndex], Up: a.Flags&net.FlagUp != 0}
		if len(a.HardwareAddr) > 0 {
			l.MAC = a.HardwareAddr.String()
		}
		switch v := nlk.(type) {
		case *netlink.Bridge:
			l.VlanFiltering = v.VlanFiltering != nil && *v.VlanFiltering
		case *netlink.Vxlan:
			info := &VXLANInfo{VNI: v.VxlanId, Dev: names[v.VtepDevIndex], Port: v.Port, Learning: v.Learning}
			if v.SrcAddr != nil && !v.SrcAddr.IsUnspecified() {
				info.Local = ipString(v.SrcAddr)
			}
			if v.Group != nil && !v.Group.IsUnspecified() {
				info.Group = ipString(v.Group)
			}
			l.VXLAN = info
		case *netlink.Vlan:
			l.VLANParent, l.VLANID = names[a.ParentIndex], v.VlanId
		case *netlink.Tuntap:
			if v.Mode == netlink.TUNTAP_MODE_TUN {
				l.Kind = "tun"
			}
		}
		if a.Flags&net.FlagLoopback != 0 {
			l.Kind = KindLoopback
		}
		if l.Owned() {
			anyOwned = true
		}
		s.Links[l.Name] = l
		byIndex[l.Index] = l
		s.Order = append(s.Order, l.Name)
	}
	sort.Strings(s.Order)
	// Addresses and default routes of every link: an uplink vigil would
	// take over must not carry the host's own traffic (Diff).
	addrs, err := h.nlh.AddrList(nil, netlink.FAMILY_ALL)
	if err != nil && !errors.Is(err, netlink.ErrDumpInterrupted) {
		return nil, fmt.Errorf("ip addr show: %w", err)
	}
	for _, ad := range addrs {
		l := byIndex[ad.LinkIndex]
		if l == nil || ad.Scope != unix.RT_SCOPE_UNIVERSE || ad.IPNet == nil {
			continue
		}
		ip, _ := netip.AddrFromSlice(ad.IP)
		ones, _ := ad.Mask.Size()
		l.Addrs = append(l.Addrs, netip.PrefixFrom(ip.Unmap(), ones).String())
	}
	routes, err := h.nlh.RouteListFiltered(netlink.FAMILY_ALL, &netlink.Route{Table: unix.RT_TABLE_UNSPEC}, netlink.RT_FILTER_TABLE)
	if err != nil && !errors.Is(err, netlink.ErrDumpInterrupted) {
		return nil, fmt.Errorf("ip route show table all: %w", err)
	}
	for _, r := range routes {
		if r.Dst != nil {
			if ones, _ := r.Dst.Mask.Size(); ones != 0 {
				continue
			}
		}
		if l := byIndex[r.LinkIndex]; l != nil {
			l.DefaultRoute = true
		}
		for _, nh := range r.MultiPath {
			if l := byIndex[nh.LinkIndex]; l != nil {
				l.DefaultRoute = true
			}
		}
	}
	if !anyOwned {
		return s, nil
	}
	vlans, err := h.nlh.BridgeVlanList()
	if err != nil && !errors.Is(err, netlink.ErrDumpInterrupted) {
		return nil, fmt.Errorf("bridge vlan show: %w", err)
	}
	for idx, infos := range vlans {
		l := byIndex[int(idx)]
		if l == nil || !l.Owned() {
			continue
		}
		l.Vlans = map[int]VlanFlags{}
		for _, vi := range infos {
			l.Vlans[int(vi.Vid)] = VlanFlags{PVID: vi.PortVID(), Untagged: vi.EngressUntag()}
		}
	}
	for _, l := range s.Links {
		if !l.Owned() || l.Kind != KindVXLAN {
			continue
		}
		neighs, err := h.nlh.NeighList(l.Index, unix.AF_BRIDGE)
		if err != nil && !errors.Is(err, netlink.ErrDumpInterrupted) {
			return nil, fmt.Errorf("bridge fdb show dev %s: %w", l.Name, err)
		}
		l.FDB = []string{}
		for _, n := range neighs {
			if n.IP != nil && isZeroMAC(n.HardwareAddr) && n.LinkIndex == l.Index {
				l.FDB = append(l.FDB, ipString(n.IP))
			}
		}
		sort.Strings(l.FDB)
	}
	return s, nil
}

func ipString(ip net.IP) string {
	a, ok := netip.AddrFromSlice(ip)
	if !ok {
		return ip.String()
	}
	return a.Unmap().String()
}

func isZeroMAC(m net.HardwareAddr) bool {
	if len(m) == 0 {
		return false
	}
	for _, b := range m {
		if b != 0 {
			return false
		}
	}
	return true
}

// Plan reads the host and returns what Apply(f) would change, changing
// nothing (`vigil net diff`, `apply --dry-run`).
func (h *Host) Plan(ctx context.Context, f *Fabric) (*Plan, error) {
	if err := h.lockApply(ctx); err != nil {
		return nil, err
	}
	defer h.unlockApply()
	return h.plan(ctx, f, "")
}

func (h *Host) plan(ctx context.Context, f *Fabric, file string) (*Plan, error) {
	cur, err := h.Read(ctx)
	if err != nil {
		return nil, err
	}
	p, err := Diff(Desired(f), cur)
	if ce, ok := errors.AsType[*ConflictError](err); ok {
		ce.File = file
	}
	return p, err
}

// Apply makes the host match f: it reads the current state, computes the
// plan and carries out only that, in batches. Conflicts (foreign interfaces
// in the way) are refused before any change. On success f becomes the
// fabric Watch keeps in place. The plan carried out is returned (empty when
// nothing had to change).
func (h *Host) Apply(ctx context.Context, f *Fabric) (*Plan, error) {
	return h.ApplyFile(ctx, f, "")
}

// ApplyFile is Apply with the file name f came from, for error messages.
func (h *Host) ApplyFile(ctx context.Context, f *Fabric, file string) (*Plan, error) {
	if err := f.Validate(fileName(file)); err != nil {
		return nil, err
	}
	if err := h.lockApply(ctx); err != nil {
		return nil, err
	}
	defer h.unlockApply()
	return h.applyLocked(ctx, f, file)
}

func fileName(file string) string {
	if file == "" {
		return "fabric"
	}
	return file
}

// applyLocked plans a valid f against the host and carries the plan out;
// the caller holds the apply token, so nothing else changes the host in
// between. Once planned, f is remembered (even if the kernel then refuses
// a step: Watch keeps trying).
func (h *Host) applyLocked(ctx context.Context, f *Fabric, file string) (*Plan, error) {
	p, err := h.plan(ctx, f, file)
	if err != nil {
		return nil, err
	}
	h.setFabric(f.Clone(), file)
	if err := h.execute(ctx, p); err != nil {
		return p, err
	}
	return p, nil
}

// setFabric remembers f (nil for none) as the fabric applied from file.
func (h *Host) setFabric(f *Fabric, file string) {
	h.mu.Lock()
	h.fabric, h.file = f, file
	h.mu.Unlock()
}

// remembered returns a copy of the remembered fabric (nil before the first
// apply) and its file name.
func (h *Host) remembered() (*Fabric, string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.fabric == nil {
		return nil, h.file
	}
	return h.fabric.Clone(), h.file
}

// reconcile re-applies the remembered fabric (drift repair).
func (h *Host) reconcile(ctx context.Context) (*Plan, error) {
	if err := h.lockApply(ctx); err != nil {
		return nil, err
	}
	defer h.unlockApply()
	f, file := h.remembered()
	if f == nil {
		return &Plan{}, nil
	}
	p, err := h.plan(ctx, f, file)
	if err != nil {
		return nil, err
	}
	return p, h.execute(ctx, p)
}

// execute carries out a plan through netlink, phase by phase; the steps of
// a phase go to the kernel in batches. Deleting something already gone is
// not an error. The first failure stops the plan after its phase and is
// returned naming the step's command.
func (h *Host) execute(ctx context.Context, p *Plan) error {
	if p.Empty() {
		return nil
	}
	idx := newIndexer(h)
	i := 0
	for i < len(p.Steps) {
		if err := ctx.Err(); err != nil {
			return err
		}
		j := i
		for j < len(p.Steps) && p.Steps[j].phase() == p.Steps[i].phase() {
			j++
		}
		if err := h.runPhase(ctx, idx, p.Steps[i:j]); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// indexer resolves interface names to indexes, caching what it learnt.
type indexer struct {
	h     *Host
	cache map[string]int
}

func newIndexer(h *Host) *indexer { return &indexer{h: h, cache: map[string]int{}} }

func (x *indexer) get(name string) (int, error) {
	if i, ok := x.cache[name]; ok {
		return i, nil
	}
	l, err := x.h.nlh.LinkByName(name)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	x.cache[name] = l.Attrs().Index
	return l.Attrs().Index, nil
}

func (h *Host) runPhase(ctx context.Context, idx *indexer, steps []Step) error {
	b := &batch{sock: h.sock}
	var taps []*LinkAdd
	var tapDels []*LinkDel
	for _, s := range steps {
		switch s := s.(type) {
		case *LinkAdd:
			if s.Link.Kind == KindTap {
				taps = append(taps, s)
				continue
			}
			if err := h.linkAdd(idx, s); err != nil {
				return stepErr(s, err)
			}
		case *LinkSet:
			req, err := linkSetRequest(idx, s)
			if err != nil {
				return stepErr(s, err)
			}
			b.add(s, req, false)
		case *LinkDel:
			if s.Kind == KindTap {
				tapDels = append(tapDels, s)
				continue
			}
			b.add(s, linkDelRequest(s.Name), true)
		case *BridgeSet:
			req := nl.NewNetlinkRequest(unix.RTM_NEWLINK, 0)
			req.AddData(nl.NewIfInfomsg(unix.AF_UNSPEC))
			req.AddData(nl.NewRtAttr(unix.IFLA_IFNAME, nl.ZeroTerminated(s.Name)))
			li := nl.NewRtAttr(unix.IFLA_LINKINFO, nil)
			li.AddRtAttr(nl.IFLA_INFO_KIND, nl.NonZeroTerminated(KindBridge))
			data := li.AddRtAttr(nl.IFLA_INFO_DATA, nil)
			data.AddRtAttr(nl.IFLA_BR_VLAN_FILTERING, nl.Uint8Attr(boolByte(s.VlanFiltering)))
			req.AddData(li)
			b.add(s, req, false)
		case *VlanAdd:
			req, err := vlanRequest(idx, unix.RTM_SETLINK, s.Dev, s.VID, s.PVID, s.Untagged, s.Self)
			if err != nil {
				return stepErr(s, err)
			}
			b.add(s, req, false)
		case *VlanDel:
			req, err := vlanRequest(idx, unix.RTM_DELLINK, s.Dev, s.VID, false, false, s.Self)
			if err != nil {
				return stepErr(s, err)
			}
			b.add(s, req, true)
		case *FdbAppend:
			if err := h.fdb(idx, s.Dev, s.Dst, false); err != nil {
				return stepErr(s, err)
			}
		case *FdbDel:
			if err := h.fdb(idx, s.Dev, s.Dst, true); err != nil && !gone(err) {
				return stepErr(s, err)
			}
		case *AddrAdd:
			if err := h.addr(idx, s.Dev, s.Prefix, false); err != nil && !errors.Is(err, unix.EEXIST) {
				return stepErr(s, err)
			}
		case *AddrDel:
			if err := h.addr(idx, s.Dev, s.Prefix, true); err != nil && !gone(err) {
				return stepErr(s, err)
			}
		default:
			return fmt.Errorf("netfabric: unknown step %T", s)
		}
	}
	if len(taps) > 0 {
		if err := h.tapsAdd(idx, taps); err != nil {
			return err
		}
	}
	if len(tapDels) > 0 {
		if err := h.tapsDel(ctx, tapDels); err != nil {
			return err
		}
	}
	return b.run(ctx)
}

// linkDelRequest deletes one interface by name.
// Equivalent to: `ip link del dev NAME`.
func linkDelRequest(name string) *nl.NetlinkRequest {
	req := nl.NewNetlinkRequest(unix.RTM_DELLINK, 0)
	req.AddData(nl.NewIfInfomsg(unix.AF_UNSPEC))
	req.AddData(nl.NewRtAttr(unix.IFLA_IFNAME, nl.ZeroTerminated(name)))
	return req
}

// deleteGroup is the interface group (IFLA_GROUP, `ip link set dev X
// group N`) vigil moves taps into just before deleting them together:
// 1986619136, "vig\0". Nothing else may use it.
const deleteGroup = 0x76696700

// tapsDel deletes taps. The kernel waits for an RCU grace period after
// each interface it unregisters, so deleting taps one by one costs about
// 17 ms each here (an evacuation's 50 VMs: 0.85 s); unregistered together
// they share one wait (50 in about 25 ms). So: the taps join deleteGroup
// and the group is deleted in one request. If anything else is already in
// that group (nothing vigil does leaves it so), or for a single tap, they
// are deleted by name. A tap already gone is not an error.
// Equivalent to: `ip link set dev NAME group N` for each, then `ip link
// del group N`.
func (h *Host) tapsDel(ctx context.Context, steps []*LinkDel) error {
	byName := &batch{sock: h.sock}
	if len(steps) < 2 || !h.groupEmpty(deleteGroup) {
		for _, s := range steps {
			byName.add(s, linkDelRequest(s.Name), true)
		}
		return byName.run(ctx)
	}
	join := &batch{sock: h.sock}
	for _, s := range steps {
		req := nl.NewNetlinkRequest(unix.RTM_NEWLINK, 0)
		req.AddData(nl.NewIfInfomsg(unix.AF_UNSPEC))
		req.AddData(nl.NewRtAttr(unix.IFLA_IFNAME, nl.ZeroTerminated(s.Name)))
		req.AddData(nl.NewRtAttr(unix.IFLA_GROUP, nl.Uint32Attr(deleteGroup)))
		join.add(s, req, true)
	}
	if err := join.run(ctx); err != nil {
		return err
	}
	del := nl.NewNetlinkRequest(unix.RTM_DELLINK, 0)
	del.AddData(nl.NewIfInfomsg(unix.AF_UNSPEC))
	del.AddData(nl.NewRtAttr(unix.IFLA_GROUP, nl.Uint32Attr(deleteGroup)))
	group := &batch{sock: h.sock}
	gd := &groupDel{}
	for _, s := range steps {
		gd.names = append(gd.names, s.Name)
	}
	group.add(gd, del, true)
	return group.run(ctx)
}

// groupEmpty reports whether no interface of the namespace is in group g
// (false when the namespace cannot be read: then nothing is risked).
func (h *Host) groupEmpty(g uint32) bool {
	links, err := h.nlh.LinkList()
	if err != nil {
		return false
	}
	for _, l := range links {
		if l.Attrs().Group == g {
			return false
		}
	}
	return true
}

// groupDel is the deletion of taps through deleteGroup, as a Step for
// errors; plans show one LinkDel per tap.
type groupDel struct{ names []string }

func (g *groupDel) Op() string     { return "link-del" }
func (g *groupDel) Object() string { return strings.Join(g.names, ",") }
func (g *groupDel) Argv() []string {
	return []string{"ip", "link", "del", "group", strconv.Itoa(deleteGroup), "(" + g.Object() + ")"}
}
func (g *groupDel) phase() int { return phaseDelete }

func gone(err error) bool {
	return errors.Is(err, unix.ENODEV) || errors.Is(err, unix.ENOENT) || errors.Is(err, unix.ESRCH) ||
		errors.Is(err, unix.EADDRNOTAVAIL)
}

func boolByte(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// StepError is a step the kernel refused.
type StepError struct {
	Command string
	Err     error
}

func (e *StepError) Error() string { return fmt.Sprintf("%s: %v", e.Command, e.Err) }
func (e *StepError) Unwrap() error { return e.Err }

func stepErr(s Step, err error) error { return &StepError{Command: Command(s), Err: err} }

// linkAdd creates a bridge, vxlan or vlan device.
// Equivalent to: `ip link add NAME type bridge|vxlan|vlan ...`.
func (h *Host) linkAdd(idx *indexer, s *LinkAdd) error {
	l := s.Link
	var link netlink.Link
	attrs := netlink.LinkAttrs{Name: l.Name}
	switch l.Kind {
	case KindBridge:
		br := &netlink.Bridge{LinkAttrs: attrs}
		if l.VlanFiltering {
			on := true
			br.VlanFiltering = &on
		}
		link = br
	case KindVXLAN:
		x := l.VXLAN
		v := &netlink.Vxlan{LinkAttrs: attrs, VxlanId: x.VNI, Port: x.Port, Learning: x.Learning}
		if x.Local != "" {
			v.SrcAddr = net.ParseIP(x.Local)
		}
		if x.Group != "" {
			v.Group = net.ParseIP(x.Group)
		}
		if x.Dev != "" {
			i, err := idx.get(x.Dev)
			if err != nil {
				return err
			}
			v.VtepDevIndex = i
		}
		link = v
	case KindVLAN:
		pi, err := idx.get(l.VLANParent)
		if err != nil {
			return err
		}
		attrs.ParentIndex = pi
		link = &netlink.Vlan{LinkAttrs: attrs, VlanId: l.VLANID}
	default:
		return fmt.Errorf("cannot create a %q", l.Kind)
	}
	if err := h.nlh.LinkAdd(link); err != nil {
		return err
	}
	if i := link.Attrs().Index; i > 0 {
		idx.cache[l.Name] = i
	}
	return nil
}

// tapsAdd creates persistent taps: open /dev/net/tun, TUNSETIFF and
// TUNSETPERSIST on one thread inside the namespace (a tap lands in the
// namespace of the thread that opened /dev/net/tun; the kernel registers
// them one at a time under the rtnl lock anyway, and more threads only spin
// on it). The descriptors are then closed concurrently: each close waits
// for an RCU grace period, and concurrent waits overlap.
// Equivalent to: `ip tuntap add dev NAME mode tap` for each.
func (h *Host) tapsAdd(idx *indexer, steps []*LinkAdd) error {
	var fds []int
	defer func() { closeAll(fds) }()
	return h.Do(func() error {
		sfd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			return fmt.Errorf("socket: %w", err)
		}
		defer unix.Close(sfd)
		for _, s := range steps {
			fd, err := createTap(s.Link.Name)
			if err != nil {
				return stepErr(s, err)
			}
			fds = append(fds, fd)
			ifr, err := unix.NewIfreq(s.Link.Name)
			if err != nil {
				return stepErr(s, err)
			}
			if err := unix.IoctlIfreq(sfd, unix.SIOCGIFINDEX, ifr); err != nil {
				return stepErr(s, fmt.Errorf("SIOCGIFINDEX: %w", err))
			}
			idx.cache[s.Link.Name] = int(ifr.Uint32())
		}
		return nil
	})
}

// tapClosers is how many goroutines close tap descriptors at once.
var tapClosers = 16

// closeAll closes fds from several goroutines at once.
func closeAll(fds []int) {
	n := min(tapClosers, len(fds))
	var wg sync.WaitGroup
	for c := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; i < len(fds); i += n {
				unix.Close(fds[i])
			}
		}()
	}
	wg.Wait()
}

// createTap makes one persistent tap in the calling thread's namespace and
// returns its still open descriptor, for the caller to close.
// Equivalent to: `ip tuntap add dev NAME mode tap`.
func createTap(name string) (int, error) {
	fd, err := unix.Open("/dev/net/tun", unix.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1, err
	}
	ifr, err := unix.NewIfreq(name)
	if err != nil {
		unix.Close(fd)
		return -1, err
	}
	ifr.SetUint16(unix.IFF_TAP | unix.IFF_NO_PI)
	if err := unix.IoctlIfreq(fd, unix.TUNSETIFF, ifr); err != nil {
		unix.Close(fd)
		return -1, fmt.Errorf("TUNSETIFF: %w", err)
	}
	if err := unix.IoctlSetInt(fd, unix.TUNSETPERSIST, 1); err != nil {
		unix.Close(fd)
		return -1, fmt.Errorf("TUNSETPERSIST: %w", err)
	}
	return fd, nil
}

// inNamespace reports whether the calling thread is in namespace ns; the
// caller keeps its thread locked for as long as the answer matters.
func inNamespace(ns netns.NsHandle) bool {
	cur, err := netns.Get()
	if err != nil {
		return false
	}
	defer cur.Close()
	return cur.Equal(ns)
}

// Do runs fn on an OS thread locked inside the Host's namespace. Taps,
// sockets and processes created there belong to that namespace. A thread
// already there stays put: no setns, which needs CAP_SYS_ADMIN.
func (h *Host) Do(fn func() error) error {
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		if inNamespace(h.ns) {
			ferr := fn()
			runtime.UnlockOSThread()
			errc <- ferr
			return
		}
		orig, err := netns.Get()
		if err != nil {
			runtime.UnlockOSThread()
			errc <- err
			return
		}
		defer orig.Close()
		if err := netns.Set(h.ns); err != nil {
			runtime.UnlockOSThread()
			errc <- fmt.Errorf("setns: %w", err)
			return
		}
		ferr := fn()
		if err := netns.Set(orig); err != nil {
			// The thread stays locked and dies with this goroutine.
			errc <- errors.Join(ferr, fmt.Errorf("setns back: %w", err))
			return
		}
		runtime.UnlockOSThread()
		errc <- ferr
	}()
	return <-errc
}

// linkSetRequest builds one RTM_NEWLINK changing all of s's attributes.
// Equivalent to: `ip link set dev NAME address MAC mtu N master BR alias TEXT up`.
func linkSetRequest(idx *indexer, s *LinkSet) (*nl.NetlinkRequest, error) {
	req := nl.NewNetlinkRequest(unix.RTM_NEWLINK, 0)
	msg := nl.NewIfInfomsg(unix.AF_UNSPEC)
	if s.Up {
		msg.Flags = unix.IFF_UP
		msg.Change = unix.IFF_UP
	}
	req.AddData(msg)
	req.AddData(nl.NewRtAttr(unix.IFLA_IFNAME, nl.ZeroTerminated(s.Name)))
	if s.MAC != "" {
		mac, err := net.ParseMAC(s.MAC)
		if err != nil {
			return nil, err
		}
		req.AddData(nl.NewRtAttr(unix.IFLA_ADDRESS, []byte(mac)))
	}
	if s.MTU != 0 {
		req.AddData(nl.NewRtAttr(unix.IFLA_MTU, nl.Uint32Attr(uint32(s.MTU))))
	}
	if s.Master != nil {
		m := 0
		if *s.Master != "" {
			var err error
			if m, err = idx.get(*s.Master); err != nil {
				return nil, err
			}
		}
		req.AddData(nl.NewRtAttr(unix.IFLA_MASTER, nl.Uint32Attr(uint32(m))))
	}
	if s.Alias != nil {
		req.AddData(nl.NewRtAttr(unix.IFLA_IFALIAS, []byte(*s.Alias)))
	}
	return req, nil
}

// vlanRequest builds a bridge VLAN change of a port (or the bridge itself).
// Equivalent to: `bridge vlan add|del dev DEV vid VID [pvid] [untagged] [self]`.
func vlanRequest(idx *indexer, cmd int, dev string, vid int, pvid, untagged, self bool) (*nl.NetlinkRequest, error) {
	i, err := idx.get(dev)
	if err != nil {
		return nil, err
	}
	req := nl.NewNetlinkRequest(cmd, 0)
	msg := nl.NewIfInfomsg(unix.AF_BRIDGE)
	msg.Index = int32(i)
	req.AddData(msg)
	spec := nl.NewRtAttr(unix.IFLA_AF_SPEC, nil)
	if self {
		spec.AddRtAttr(nl.IFLA_BRIDGE_FLAGS, nl.Uint16Attr(nl.BRIDGE_FLAGS_SELF))
	}
	info := &nl.BridgeVlanInfo{Vid: uint16(vid)}
	if pvid {
		info.Flags |= nl.BRIDGE_VLAN_INFO_PVID
	}
	if untagged {
		info.Flags |= nl.BRIDGE_VLAN_INFO_UNTAGGED
	}
	spec.AddRtAttr(nl.IFLA_BRIDGE_VLAN_INFO, info.Serialize())
	req.AddData(spec)
	return req, nil
}

// fdb adds or removes an all-zero FDB entry towards a remote VTEP.
// Equivalent to: `bridge fdb append|del 00:00:00:00:00:00 dev DEV dst IP self permanent`.
func (h *Host) fdb(idx *indexer, dev, dst string, del bool) error {
	i, err := idx.get(dev)
	if err != nil {
		return err
	}
	n := &netlink.Neigh{LinkIndex: i, Family: unix.AF_BRIDGE, State: netlink.NUD_PERMANENT | netlink.NUD_NOARP,
		Flags: netlink.NTF_SELF, IP: net.ParseIP(dst), HardwareAddr: make(net.HardwareAddr, 6)}
	if del {
		return h.nlh.NeighDel(n)
	}
	return h.nlh.NeighAppend(n)
}

// addr adds or removes an address.
// Equivalent to: `ip addr add|del PREFIX dev DEV`.
func (h *Host) addr(idx *indexer, dev, prefix string, del bool) error {
	i, err := idx.get(dev)
	if err != nil {
		return err
	}
	ipn, err := netlink.ParseIPNet(prefix)
	if err != nil {
		return err
	}
	a := &netlink.Addr{IPNet: ipn}
	link := &netlink.Device{LinkAttrs: netlink.LinkAttrs{Index: i, Name: dev}}
	if del {
		return h.nlh.AddrDel(link, a)
	}
	return h.nlh.AddrAdd(link, a)
}

// batch sends many rtnetlink requests in as few sendmsg calls as the socket
// buffer allows. Only the last request of a chunk asks for an ACK: the
// kernel handles a chunk's messages in order and reports failures as they
// happen, so one ACK closes the whole chunk.
type batch struct {
	sock   *nl.NetlinkSocket
	steps  []Step
	reqs   []*nl.NetlinkRequest
	okGone []bool
}

func (b *batch) add(s Step, req *nl.NetlinkRequest, tolerateGone bool) {
	b.steps = append(b.steps, s)
	b.reqs = append(b.reqs, req)
	b.okGone = append(b.okGone, tolerateGone)
}

const batchBytes = 64 << 10

func (b *batch) run(ctx context.Context) error {
	if len(b.reqs) == 0 {
		return nil
	}
	timeout := 10 * time.Second
	if dl, ok := ctx.Deadline(); ok {
		timeout = time.Until(dl)
		if timeout <= 0 {
			return context.DeadlineExceeded
		}
	}
	tv := unix.NsecToTimeval(timeout.Nanoseconds())
	_ = b.sock.SetReceiveTimeout(&tv)
	var errs []error
	start := 0
	for start < len(b.reqs) {
		var buf []byte
		bySeq := map[uint32]int{}
		end := start
		for end < len(b.reqs) {
			r := b.reqs[end]
			r.Flags &^= unix.NLM_F_ACK
			raw := r.Serialize()
			if len(buf) > 0 && len(buf)+len(raw) > batchBytes {
				break
			}
			bySeq[r.Seq] = end
			buf = append(buf, raw...)
			end++
		}
		// Ask for an ACK on the last request only: re-serialize it.
		last := b.reqs[end-1]
		last.Flags |= unix.NLM_F_ACK
		lastRaw := last.Serialize()
		buf = append(buf[:len(buf)-len(lastRaw)], lastRaw...)
		if err := sendAll(b.sock, buf); err != nil {
			return fmt.Errorf("netlink send: %w", err)
		}
	recv:
		for {
			msgs, _, err := b.sock.Receive()
			if err != nil {
				return fmt.Errorf("netlink receive: %w", err)
			}
			for _, m := range msgs {
				i, ok := bySeq[m.Header.Seq]
				if !ok || m.Header.Type != unix.NLMSG_ERROR || len(m.Data) < 4 {
					continue
				}
				errno := int32(nl.NativeEndian().Uint32(m.Data[0:4]))
				if errno != 0 {
					err := unix.Errno(-errno)
					if !(b.okGone[i] && gone(err)) {
						errs = append(errs, stepErr(b.steps[i], err))
					}
				}
				if m.Header.Seq == last.Seq {
					break recv
				}
			}
		}
		start = end
	}
	return errors.Join(errs...)
}

// sendAll writes one buffer of concatenated netlink messages.
func sendAll(s *nl.NetlinkSocket, buf []byte) error {
	for {
		err := unix.Sendto(s.GetFd(), buf, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK})
		if err == unix.EAGAIN || err == unix.EINTR {
			time.Sleep(time.Millisecond)
			continue
		}
		return err
	}
}

// VMTaps returns the taps of vm in the fabric last applied.
func (h *Host) VMTaps(vm string) []Tap {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.fabric == nil {
		return nil
	}
	var out []Tap
	for _, t := range h.fabric.Taps {
		if t.VM == vm {
			out = append(out, t)
		}
	}
	return out
}

// PlugVM adds taps (one VM's NICs) to the remembered fabric and applies it:
// the taps exist on their bridges and VLANs when it returns. Taps of the
// same names are replaced. Reading the remembered fabric, changing it and
// applying it is one critical section, so plugs and unplugs arriving
// together (several migrations at once) each keep the others' taps. A
// refused plug leaves the remembered fabric without its taps.
func (h *Host) PlugVM(ctx context.Context, taps []Tap) error {
	return h.editTaps(ctx, func(f *Fabric) (*Fabric, error) {
		if f == nil {
			return nil, fmt.Errorf("netfabric: plug %s: %w", vmOf(taps), ErrNoFabric)
		}
		for _, t := range taps {
			f.Taps = slices.DeleteFunc(f.Taps, func(o Tap) bool { return o.Name == t.Name })
			f.Taps = append(f.Taps, t)
		}
		return f, nil
	})
}

// UnplugVM removes vm's taps from the remembered fabric and from the host,
// in one critical section like PlugVM. Before any fabric was applied there
// is nothing to remove.
func (h *Host) UnplugVM(ctx context.Context, vm string) error {
	return h.editTaps(ctx, func(f *Fabric) (*Fabric, error) {
		if f == nil {
			return nil, nil
		}
		f.Taps = slices.DeleteFunc(f.Taps, func(t Tap) bool { return t.VM == vm })
		return f, nil
	})
}

// tapEdit is one PlugVM or UnplugVM waiting for an apply. edit changes a
// copy of the remembered fabric (nil before the first apply) and returns
// it, or nil and no error when there is nothing to do.
type tapEdit struct {
	ctx  context.Context // the caller's
	edit func(f *Fabric) (*Fabric, error)
	done chan struct{}
	err  error
}

func (e *tapEdit) finish(err error) {
	e.err = err
	close(e.done)
}

// editTaps queues edit and waits until an apply has carried it out: its
// own, or that of a caller which took the apply token first and carried
// out every edit queued by then in one read-plan-apply round (a burst of
// migrations costs a few rounds, not one each). Edits are applied to the
// remembered fabric in the order they were queued.
func (h *Host) editTaps(ctx context.Context, edit func(f *Fabric) (*Fabric, error)) error {
	e := &tapEdit{ctx: ctx, edit: edit, done: make(chan struct{})}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return ErrClosed
	}
	h.edits = append(h.edits, e)
	h.mu.Unlock()
	select {
	case h.applying <- struct{}{}:
	case <-e.done:
		return e.err
	case <-ctx.Done():
		h.mu.Lock()
		queued := slices.Contains(h.edits, e)
		if queued {
			h.edits = slices.DeleteFunc(h.edits, func(o *tapEdit) bool { return o == e })
		}
		h.mu.Unlock()
		if queued {
			return ctx.Err()
		}
		// Already taken by another caller's apply: its outcome is ours.
		<-e.done
		return e.err
	}
	defer h.unlockApply()
	h.runEdits(ctx, e)
	<-e.done
	return e.err
}

// runEdits carries out the queued edits with the apply token held; own is
// the caller's edit. The edits go into one fabric, each checked as it is
// added (an edit that makes the fabric invalid fails alone); that fabric
// is planned and applied once. When that apply fails, they are applied one
// at a time so that each gets its own outcome, and a failed one leaves the
// remembered fabric as it was. If ctx ends, own fails and the others go
// back to the head of the queue for the next caller.
func (h *Host) runEdits(ctx context.Context, own *tapEdit) {
	h.mu.Lock()
	queue := h.edits
	h.edits = nil
	closed := h.closed
	h.mu.Unlock()
	if closed {
		for _, e := range queue {
			e.finish(ErrClosed)
		}
		return
	}
	base, file := h.remembered()
	f, batch := base, []*tapEdit(nil)
	for _, e := range queue {
		g, err := h.editOne(e, f, file)
		switch {
		case err != nil:
			e.finish(err)
		case g == nil:
			e.finish(nil)
		default:
			f = g
			batch = append(batch, e)
		}
	}
	if len(batch) == 0 {
		return
	}
	_, err := h.applyLocked(ctx, f, file)
	if err == nil {
		for _, e := range batch {
			e.finish(nil)
		}
		return
	}
	// Put the remembered fabric back and find out whose edit failed.
	h.setFabric(base, file)
	if len(batch) == 1 && ctx.Err() == nil {
		batch[0].finish(err)
		return
	}
	for i, e := range batch {
		if ctx.Err() != nil {
			h.requeue(batch[i:], own, ctx.Err())
			return
		}
		g, err := h.editOne(e, base, file)
		if err == nil && g != nil {
			if _, err = h.applyLocked(ctx, g, file); err == nil {
				base = g
			} else {
				h.setFabric(base, file)
				if ctx.Err() != nil { // this caller's time ran out, not e's
					h.requeue(batch[i:], own, ctx.Err())
					return
				}
			}
		}
		e.finish(err)
	}
}

// editOne applies e to a copy of f and checks the result.
func (h *Host) editOne(e *tapEdit, f *Fabric, file string) (*Fabric, error) {
	var g *Fabric
	if f != nil {
		g = f.Clone()
	}
	g, err := e.edit(g)
	if err != nil || g == nil {
		return nil, err
	}
	if err := g.Validate(fileName(file)); err != nil {
		return nil, err
	}
	return g, nil
}

// requeue ends own with err (the error of the context that ran out, the
// applying caller's), and the edits whose callers gave up as well; it puts
// the others back at the head of the queue, where their callers, still
// waiting for the apply token, find them.
func (h *Host) requeue(edits []*tapEdit, own *tapEdit, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var back []*tapEdit
	for _, e := range edits {
		switch {
		case e == own:
			e.finish(err)
		case e.ctx.Err() != nil:
			e.finish(e.ctx.Err())
		default:
			back = append(back, e)
		}
	}
	h.edits = append(back, h.edits...)
}

// vmOf names the VM of taps, for errors.
func vmOf(taps []Tap) string {
	if len(taps) == 0 || taps[0].VM == "" {
		return "VM"
	}
	return taps[0].VM
}
