package lab

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vishvananda/netlink"
	"golang.org/x/sys/unix"
)

// Lab indexes are claimed under an flock on /run/vigil-lab/lock: each live
// lab owns /run/vigil-lab/<index>/ with an "owner" file naming its process
// (pid and start time, so a reused pid does not count). A lab whose owner is
// gone is swept (processes, mounts, namespaces, files) by the next Start.

var lookPath = exec.LookPath

func lockRun() (func(), error) {
	if err := os.MkdirAll(runRoot, 0o755); err != nil {
		return nil, fmt.Errorf("lab: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(runRoot, "lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lab: %w", err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("lab: lock %s: %w", f.Name(), err)
	}
	return func() { _ = unix.Flock(int(f.Fd()), unix.LOCK_UN); f.Close() }, nil
}

// procStart returns the start time (clock ticks since boot) of a process,
// or "" when it does not exist.
func procStart(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return ""
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return ""
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 20 {
		return ""
	}
	return f[19] // field 22 overall: starttime
}

func ownerLine() string {
	pid := os.Getpid()
	return fmt.Sprintf("%d %s\n", pid, procStart(pid))
}

// ownerAlive reports whether the lab directory's owner still runs.
func ownerAlive(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "owner"))
	if err != nil {
		// A directory without an owner file is being created by a
		// process holding the lock, or is debris; the lock decides.
		return false
	}
	f := strings.Fields(string(b))
	if len(f) != 2 {
		return false
	}
	pid, err := strconv.Atoi(f[0])
	if err != nil {
		return false
	}
	return procStart(pid) == f[1]
}

// claim sweeps dead labs and takes the lowest free index whose subnets
// collide with nothing configured on the machine.
func (l *Lab) claim() error {
	unlock, err := lockRun()
	if err != nil {
		return err
	}
	defer unlock()
	used := map[int]bool{}
	entries, _ := os.ReadDir(runRoot)
	for _, e := range entries {
		i, err := strconv.Atoi(e.Name())
		if err != nil || !e.IsDir() {
			continue
		}
		if ownerAlive(filepath.Join(runRoot, e.Name())) {
			used[i] = true
			continue
		}
		if err := sweepIndex(i, false); err != nil {
			return fmt.Errorf("lab: sweeping dead lab %d: %w", i, err)
		}
	}
	// Namespaces of a dead lab whose directory is already gone.
	if names, err := os.ReadDir("/run/netns"); err == nil {
		for _, n := range names {
			var i int
			var rest string
			if _, err := fmt.Sscanf(n.Name(), "vlab%d-%s", &i, &rest); err != nil || used[i] {
				continue
			}
			if err := sweepIndex(i, false); err != nil {
				return fmt.Errorf("lab: sweeping dead lab %d: %w", i, err)
			}
		}
	}
	taken, err := machinePrefixes()
	if err != nil {
		return err
	}
	for i := 1; i <= maxIndex; i++ {
		if used[i] {
			continue
		}
		mgmt := netip.MustParsePrefix(fmt.Sprintf("10.213.%d.0/24", i))
		mig := netip.MustParsePrefix(fmt.Sprintf("10.214.%d.0/24", i))
		if overlapsAny(mgmt, taken) || overlapsAny(mig, taken) {
			continue
		}
		dir := filepath.Join(runRoot, strconv.Itoa(i))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("lab: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "owner"), []byte(ownerLine()), 0o644); err != nil {
			return fmt.Errorf("lab: %w", err)
		}
		l.Index, l.Dir, l.MgmtNet, l.MigNet = i, dir, mgmt, mig
		l.GatewayIP = mgmt.Addr().Next()
		return nil
	}
	return fmt.Errorf("lab: no free lab index in 1..%d (all claimed or colliding with the machine's networks)", maxIndex)
}

func overlapsAny(p netip.Prefix, ps []netip.Prefix) bool {
	for _, q := range ps {
		if p.Overlaps(q) {
			return true
		}
	}
	return false
}

// machinePrefixes lists the IPv4 networks configured in the root namespace
// (addresses and routes), except the default route.
func machinePrefixes() ([]netip.Prefix, error) {
	var out []netip.Prefix
	addrs, err := netlink.AddrList(nil, netlink.FAMILY_V4)
	if err != nil {
		return nil, fmt.Errorf("lab: list addresses: %w", err)
	}
	for _, a := range addrs {
		if p, ok := toPrefix(a.IPNet); ok {
			out = append(out, p)
		}
	}
	routes, err := netlink.RouteListFiltered(netlink.FAMILY_V4, &netlink.Route{Table: unix.RT_TABLE_UNSPEC}, netlink.RT_FILTER_TABLE)
	if err != nil {
		return nil, fmt.Errorf("lab: list routes: %w", err)
	}
	for _, r := range routes {
		if p, ok := toPrefix(r.Dst); ok && p.Bits() > 0 {
			out = append(out, p)
		}
	}
	return out, nil
}

func toPrefix(n *net.IPNet) (netip.Prefix, bool) {
	if n == nil {
		return netip.Prefix{}, false
	}
	a, ok := netip.AddrFromSlice(n.IP.To4())
	if !ok {
		return netip.Prefix{}, false
	}
	ones, _ := n.Mask.Size()
	return netip.PrefixFrom(a, ones).Masked(), true
}

// sweepIndex removes every trace of lab index i: processes in its
// namespaces or naming its directory, mounts under its directory, its
// namespaces and root-namespace links, and (unless keepDir... no: always)
// its directory. own is true when the caller is the lab's owner.
func sweepIndex(i int, own bool) error {
	var errs []error
	dir := filepath.Join(runRoot, strconv.Itoa(i))
	prefix := nsPrefix(i)

	// Namespace inodes of the lab.
	inodes := map[uint64]string{}
	if names, err := os.ReadDir("/run/netns"); err == nil {
		for _, n := range names {
			if !strings.HasPrefix(n.Name(), prefix) {
				continue
			}
			var st unix.Stat_t
			if err := unix.Stat(filepath.Join("/run/netns", n.Name()), &st); err == nil {
				inodes[st.Ino] = n.Name()
			}
		}
	}
	// Processes: in a lab namespace, or with the lab directory in argv.
	self := os.Getpid()
	dirArg := dir + "/"
	deadline := time.Now().Add(5 * time.Second)
	for {
		victims := 0
		for _, p := range listPids() {
			if p == self {
				continue
			}
			hit := false
			if ino, ok := netnsInode(p); ok {
				_, hit = inodes[ino]
			}
			if !hit {
				if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", p)); err == nil {
					hit = strings.Contains(string(b), dirArg) || strings.HasSuffix(strings.TrimRight(string(b), "\x00"), dir)
				}
			}
			if hit && !isZombie(p) {
				victims++
				_ = syscall.Kill(p, syscall.SIGKILL)
			}
		}
		if victims == 0 {
			break
		}
		if time.Now().After(deadline) {
			errs = append(errs, fmt.Errorf("%d processes of lab %d survive SIGKILL", victims, i))
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Mounts under the lab directory, deepest first.
	if mounts, err := mountsUnder(dir); err == nil {
		for j := len(mounts) - 1; j >= 0; j-- {
			if err := unix.Unmount(mounts[j], unix.MNT_DETACH); err != nil && !errors.Is(err, unix.EINVAL) && !errors.Is(err, unix.ENOENT) {
				errs = append(errs, fmt.Errorf("umount %s: %w", mounts[j], err))
			}
		}
	} else {
		errs = append(errs, err)
	}
	// Namespaces: unmounting the last reference destroys them with their
	// veths (and the root-side peers).
	for _, name := range inodes {
		p := filepath.Join("/run/netns", name)
		if err := unix.Unmount(p, unix.MNT_DETACH); err != nil && !errors.Is(err, unix.EINVAL) && !errors.Is(err, unix.ENOENT) {
			errs = append(errs, fmt.Errorf("umount %s: %w", p, err))
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	// Root-namespace links (normally gone with the switch namespace).
	if links, err := netlink.LinkList(); err == nil {
		for _, lk := range links {
			if strings.HasPrefix(lk.Attrs().Name, rootIfName(i)) {
				if err := netlink.LinkDel(lk); err != nil && !errors.Is(err, unix.ENODEV) {
					errs = append(errs, fmt.Errorf("delete link %s: %w", lk.Attrs().Name, err))
				}
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "rootfw")); err == nil {
		// The root namespace's BMC-outage table (see editRootFirewall).
		out, err := exec.Command("nft", "delete", "table", "inet", rootTable(i)).CombinedOutput()
		if err != nil && !strings.Contains(string(out), "No such file") {
			errs = append(errs, fmt.Errorf("nft delete table inet %s: %w: %s", rootTable(i), err, out))
		}
	}
	if err := os.RemoveAll(sharedDir(i)); err != nil {
		errs = append(errs, err)
	}
	if err := os.RemoveAll(dir); err != nil {
		errs = append(errs, err)
	}
	_ = own
	return errors.Join(errs...)
}

// sharedDir is lab i's shared storage directory.
func sharedDir(i int) string {
	root := sharedRoot
	if _, err := os.Stat(filepath.Dir(root)); err != nil {
		root = filepath.Join(os.TempDir(), "vigil-lab")
	}
	return filepath.Join(root, strconv.Itoa(i))
}

func rootIfName(i int) string { return fmt.Sprintf("vlab%dm", i) }

func listPids() []int {
	d, err := os.Open("/proc")
	if err != nil {
		return nil
	}
	defer d.Close()
	names, _ := d.Readdirnames(-1)
	pids := make([]int, 0, len(names))
	for _, n := range names {
		if n[0] < '0' || n[0] > '9' {
			continue
		}
		if p, err := strconv.Atoi(n); err == nil {
			pids = append(pids, p)
		}
	}
	return pids
}

// netnsInode returns the inode of a process's network namespace.
func netnsInode(pid int) (uint64, bool) {
	var st unix.Stat_t
	if err := unix.Stat(fmt.Sprintf("/proc/%d/ns/net", pid), &st); err != nil {
		return 0, false
	}
	return st.Ino, true
}

func isZombie(pid int) bool {
	return procState(pid) == 'Z'
}

// procState returns the state letter of /proc/PID/stat (R, S, T, Z...), or 0.
func procState(pid int) byte {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 || i+2 >= len(b) {
		return 0
	}
	return b[i+2]
}

// mountsUnder lists mount points at or below dir, in mountinfo order.
func mountsUnder(dir string) ([]string, error) {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 5 {
			continue
		}
		mp := unescapeMount(fields[4])
		if mp == dir || strings.HasPrefix(mp, dir+"/") {
			out = append(out, mp)
		}
	}
	return out, sc.Err()
}

func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(v))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
