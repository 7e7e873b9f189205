package qmp

import (
	"fmt"
	"net"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// DefaultMachine is the pinned machine type. Both ends of a migration must
// use the same one; the "q35" alias resolves differently across QEMU
// versions and makes cross-version migration fail.
const DefaultMachine = "pc-q35-7.2"

// Spec describes one VM: what QEMU needs to run it. It is stored in the
// cluster state; the runtime paths come from Paths.
type Spec struct {
	Name      string // [A-Za-z0-9][A-Za-z0-9_.-]{0,62}
	UUID      string // 8-4-4-4-12 hex
	VCPUs     int
	MemoryMiB int
	Machine   string // default DefaultMachine
	Accel     string // "tcg" (default here) or "kvm"
	CPU       string // -cpu model; empty leaves QEMU's default
	Disks     []Disk
	NICs      []NIC
	// Extra is appended verbatim (kernel, -append, devices the spec has
	// no field for). Values are not escaped.
	Extra []string
}

// Disk is one block device on shared storage.
type Disk struct {
	Path     string // absolute path of the image, on storage every host sees
	Format   string // "raw" (default) or "qcow2"
	Cache    string // "none" (default, needs O_DIRECT), "writeback", "directsync"
	ReadOnly bool
}

// NIC is one virtio network interface on a tap the host prepared.
type NIC struct {
	MAC   string // unicast, e.g. 52:54:00:00:00:01
	Tap   string // tap device name (≤ 15 bytes)
	Model string // default virtio-net-pci
}

var (
	nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$`)
	uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	tapRE  = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,15}$`)
	optRE  = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
	cpuRE  = regexp.MustCompile(`^[A-Za-z0-9_.,+=-]+$`)
)

// Validate checks the spec and names the first bad field.
func (s Spec) Validate() error {
	bad := func(field, format string, a ...any) error {
		return fmt.Errorf("%w: vm %q: %s: %s", ErrInvalidSpec, s.Name, field, fmt.Sprintf(format, a...))
	}
	if !nameRE.MatchString(s.Name) {
		return bad("name", "must match %s", nameRE)
	}
	if s.UUID != "" && !uuidRE.MatchString(s.UUID) {
		return bad("uuid", "%q is not a UUID", s.UUID)
	}
	if s.VCPUs < 1 || s.VCPUs > 288 {
		return bad("vcpus", "%d not in 1..288", s.VCPUs)
	}
	if s.MemoryMiB < 16 || s.MemoryMiB > 16<<20 {
		return bad("memory_mib", "%d not in 16..%d", s.MemoryMiB, 16<<20)
	}
	if s.Machine != "" && !optRE.MatchString(s.Machine) {
		return bad("machine", "%q", s.Machine)
	}
	switch s.Accel {
	case "", "tcg", "kvm":
	default:
		return bad("accel", "%q is not tcg or kvm", s.Accel)
	}
	if s.CPU != "" && !cpuRE.MatchString(s.CPU) {
		return bad("cpu", "%q", s.CPU)
	}
	for i, d := range s.Disks {
		f := fmt.Sprintf("disks[%d]", i)
		if !filepath.IsAbs(d.Path) || filepath.Clean(d.Path) != d.Path {
			return bad(f+".path", "%q must be a clean absolute path", d.Path)
		}
		switch d.Format {
		case "", "raw", "qcow2":
		default:
			return bad(f+".format", "%q is not raw or qcow2", d.Format)
		}
		switch d.Cache {
		case "", "none", "writeback", "directsync", "writethrough":
		default:
			return bad(f+".cache", "%q", d.Cache)
		}
	}
	macs := map[string]bool{}
	for i, n := range s.NICs {
		f := fmt.Sprintf("nics[%d]", i)
		hw, err := net.ParseMAC(n.MAC)
		if err != nil || len(hw) != 6 || hw[0]&1 != 0 {
			return bad(f+".mac", "%q is not a unicast Ethernet MAC", n.MAC)
		}
		if macs[hw.String()] {
			return bad(f+".mac", "%q used twice", n.MAC)
		}
		macs[hw.String()] = true
		if !tapRE.MatchString(n.Tap) {
			return bad(f+".tap", "%q is not a tap name (1-15 of A-Za-z0-9_.-)", n.Tap)
		}
		if n.Model != "" && !optRE.MatchString(n.Model) {
			return bad(f+".model", "%q", n.Model)
		}
	}
	return nil
}

// Paths are a VM's runtime files on one host.
type Paths struct {
	Dir       string // the VM's run directory
	QMP       string // the agent's QMP socket
	QMPAdmin  string // a second QMP socket for technicians (vigil qmp status)
	Serial    string // COM1 as a unix socket
	SerialLog string // everything COM1 printed
	PIDFile   string
	Log       string // QEMU's stderr
}

// PathsIn lays out a VM's runtime files in dir (one directory per VM).
func PathsIn(dir string) Paths {
	return Paths{
		Dir:       dir,
		QMP:       filepath.Join(dir, "qmp.sock"),
		QMPAdmin:  filepath.Join(dir, "qmp-admin.sock"),
		Serial:    filepath.Join(dir, "serial.sock"),
		SerialLog: filepath.Join(dir, "serial.log"),
		PIDFile:   filepath.Join(dir, "qemu.pid"),
		Log:       filepath.Join(dir, "qemu.log"),
	}
}

// optValue escapes a value for QEMU's option syntax (a comma is doubled).
func optValue(v string) string { return strings.ReplaceAll(v, ",", ",,") }

// Args is the QEMU command line (without the binary) for s with its runtime
// files in p. incoming adds `-incoming defer`: the destination of a live
// migration, waiting for migrate-incoming.
func (s Spec) Args(p Paths, incoming bool) ([]string, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	machine := s.Machine
	if machine == "" {
		machine = DefaultMachine
	}
	accel := s.Accel
	if accel == "" {
		accel = "tcg"
	}
	a := []string{
		"-name", "guest=" + s.Name + ",debug-threads=on",
		"-machine", machine,
		"-accel", accel,
		"-smp", strconv.Itoa(s.VCPUs),
		"-m", strconv.Itoa(s.MemoryMiB),
		"-nodefaults", "-no-user-config",
		"-display", "none",
		"-msg", "timestamp=on",
		"-pidfile", optValue(p.PIDFile),
		"-qmp", "unix:" + optValue(p.QMP) + ",server=on,wait=off",
		"-qmp", "unix:" + optValue(p.QMPAdmin) + ",server=on,wait=off",
		"-chardev", "socket,id=serial0,path=" + optValue(p.Serial) + ",server=on,wait=off,logfile=" + optValue(p.SerialLog) + ",logappend=on",
		"-serial", "chardev:serial0",
	}
	if s.UUID != "" {
		a = append(a, "-uuid", s.UUID)
	}
	if s.CPU != "" {
		a = append(a, "-cpu", s.CPU)
	}
	for i, d := range s.Disks {
		format, cache := d.Format, d.Cache
		if format == "" {
			format = "raw"
		}
		if cache == "" {
			cache = "none"
		}
		drive := fmt.Sprintf("file=%s,if=none,id=drive%d,format=%s,cache=%s", optValue(d.Path), i, format, cache)
		if d.ReadOnly {
			drive += ",readonly=on"
		}
		a = append(a, "-drive", drive, "-device", fmt.Sprintf("virtio-blk-pci,drive=drive%d,id=disk%d", i, i))
	}
	for i, n := range s.NICs {
		model := n.Model
		if model == "" {
			model = "virtio-net-pci"
		}
		hw, _ := net.ParseMAC(n.MAC)
		a = append(a,
			"-netdev", fmt.Sprintf("tap,id=net%d,ifname=%s,script=no,downscript=no,vhost=off", i, n.Tap),
			"-device", fmt.Sprintf("%s,netdev=net%d,mac=%s,id=nic%d", model, i, hw, i))
	}
	a = append(a, s.Extra...)
	if incoming {
		a = append(a, "-incoming", "defer")
	}
	return a, nil
}

// DiskIDs are the QEMU block device ids Args gives s's disks (what
// query-block must show after a migration).
func (s Spec) DiskIDs() []string {
	ids := make([]string, len(s.Disks))
	for i := range s.Disks {
		ids[i] = fmt.Sprintf("drive%d", i)
	}
	return ids
}
