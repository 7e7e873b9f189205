package state

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"path"
	"strings"
	"time"
	"unicode/utf8"
)

// Bounds on what one command may carry.
const (
	maxNameLen    = 63
	maxTextLen    = 4096 // reasons, evidence, confirmations
	maxBMCs       = 4
	maxDisks      = 64
	maxNICs       = 64
	maxExtra      = 64
	maxExtraLen   = 4096
	maxRoutes     = 4096
	maxPlacements = 100_000
	maxVCPUs      = 4096
	maxMemoryMiB  = 1 << 30 // 1 PiB: a host; a VM is bound by its host anyway
	maxPriority   = 1_000_000
	maxRTO        = 24 * time.Hour
	maxAdmission  = 64
	maxBootIDLen  = 128
)

// invalid wraps ErrInvalid with the field path and what is wrong with it.
func invalid(field, format string, args ...any) error {
	return fmt.Errorf("%s: %w: %s", field, ErrInvalid, fmt.Sprintf(format, args...))
}

// checkName accepts host, VM, group and bridge-independent names: 1 to 63
// characters of letters, digits, '.', '_' and '-', starting with a letter
// or digit.
func checkName(field, name string) error {
	if name == "" {
		return invalid(field, "empty")
	}
	if len(name) > maxNameLen {
		return invalid(field, "%d characters, at most %d", len(name), maxNameLen)
	}
	for i, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			i > 0 && (r == '.' || r == '_' || r == '-')
		if !ok {
			return invalid(field, "%q: only letters, digits, '.', '_' and '-' (not first)", name)
		}
	}
	return nil
}

// checkText accepts free text up to maxTextLen bytes of valid UTF-8 without
// NUL.
func checkText(field, s string) error {
	if len(s) > maxTextLen {
		return invalid(field, "%d bytes, at most %d", len(s), maxTextLen)
	}
	if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
		return invalid(field, "not valid UTF-8 text")
	}
	return nil
}

func checkTime(field string, t time.Time) error {
	if t.IsZero() {
		return invalid(field, "missing")
	}
	if t.Year() < 2000 || t.Year() > 9999 {
		return invalid(field, "year %d out of range", t.Year())
	}
	return nil
}

func checkIP(field, s string, required bool) error {
	if s == "" {
		if required {
			return invalid(field, "missing")
		}
		return nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return invalid(field, "%q is not an IP address", s)
	}
	if a.String() != s {
		return invalid(field, "%q: write it as %q", s, a.String())
	}
	return nil
}

func (h RegisterHost) check() error {
	if err := checkName("name", h.Name); err != nil {
		return err
	}
	if err := checkIP("addresses.management", h.Addresses.Management, true); err != nil {
		return err
	}
	if err := checkIP("addresses.migration", h.Addresses.Migration, false); err != nil {
		return err
	}
	if h.BootID == "" {
		return invalid("boot_id", "missing")
	}
	if len(h.BootID) > maxBootIDLen {
		return invalid("boot_id", "%d characters, at most %d", len(h.BootID), maxBootIDLen)
	}
	for _, r := range h.BootID {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return invalid("boot_id", "only letters, digits and '-'")
		}
	}
	if h.Capacity.MemoryMiB < 0 || h.Capacity.MemoryMiB > maxMemoryMiB {
		return invalid("capacity.memory_mib", "%d out of range 0..%d", h.Capacity.MemoryMiB, int64(maxMemoryMiB))
	}
	if h.Capacity.VCPUs < 0 || h.Capacity.VCPUs > maxVCPUs {
		return invalid("capacity.vcpus", "%d out of range 0..%d", h.Capacity.VCPUs, maxVCPUs)
	}
	if len(h.BMC) > maxBMCs {
		return invalid("bmc", "%d endpoints, at most %d", len(h.BMC), maxBMCs)
	}
	for i, b := range h.BMC {
		if err := b.check(fmt.Sprintf("bmc[%d]", i)); err != nil {
			return err
		}
	}
	return nil
}

// check refuses an endpoint that carries credentials without echoing them.
func (b BMCEndpoint) check(field string) error {
	switch b.Kind {
	case "ipmi":
		if strings.Contains(b.Address, "@") {
			return invalid(field+".address", "carries credentials; they belong in the host's local files")
		}
		host := b.Address
		if h, port, err := net.SplitHostPort(b.Address); err == nil {
			host = h
			if port == "" {
				return invalid(field+".address", "%q: empty port", b.Address)
			}
		}
		if host == "" || strings.ContainsAny(host, "/ \t\n") || len(b.Address) > 255 {
			return invalid(field+".address", "%q is not HOST[:PORT]", b.Address)
		}
		if b.System != "" {
			return invalid(field+".system", "only for redfish")
		}
	case "redfish":
		u, err := url.Parse(b.Address)
		// The address is never echoed: a mistyped one may hold a secret.
		if err != nil {
			return invalid(field+".address", "not a URL")
		}
		if u.User != nil {
			return invalid(field+".address", "carries credentials; they belong in the host's local files")
		}
		if u.Scheme != "https" && u.Scheme != "http" || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || len(b.Address) > 255 {
			return invalid(field+".address", "not http(s)://HOST[:PORT] (no query or fragment)")
		}
		if b.System != "" && (!strings.HasPrefix(b.System, "/") || len(b.System) > 255 || strings.ContainsAny(b.System, " \t\n?#")) {
			return invalid(field+".system", "%q is not an absolute path", b.System)
		}
	default:
		return invalid(field+".kind", "%q: want ipmi or redfish", b.Kind)
	}
	return nil
}

func checkHostState(field string, s HostState) error {
	switch s {
	case Healthy, Degraded, Suspect, Fencing, Fenced, Maintenance, Left:
		return nil
	}
	return invalid(field, "%q is not a host state", s)
}

func (c SetHostState) check() error {
	if err := checkName("host", c.Host); err != nil {
		return err
	}
	if err := checkHostState("state", c.State); err != nil {
		return err
	}
	return checkText("reason", c.Reason)
}

func checkDesired(d Desired) error {
	if d != Running && d != Stopped {
		return invalid("desired", "%q: want running or stopped", d)
	}
	return nil
}

func (s VMSpec) check() error {
	if err := checkName("spec.name", s.Name); err != nil {
		return err
	}
	if s.VCPUs < 1 || s.VCPUs > maxVCPUs {
		return invalid("spec.vcpus", "%d out of range 1..%d", s.VCPUs, maxVCPUs)
	}
	if s.MemoryMiB < 1 || s.MemoryMiB > maxMemoryMiB {
		return invalid("spec.memory_mib", "%d out of range 1..%d", s.MemoryMiB, int64(maxMemoryMiB))
	}
	if len(s.Disks) > maxDisks {
		return invalid("spec.disks", "%d disks, at most %d", len(s.Disks), maxDisks)
	}
	for i, d := range s.Disks {
		f := fmt.Sprintf("spec.disks[%d]", i)
		if !path.IsAbs(d.Path) || path.Clean(d.Path) != d.Path || len(d.Path) > 4096 {
			return invalid(f+".path", "%q is not a clean absolute path", d.Path)
		}
		if strings.ContainsAny(d.Path, ",\x00\n") {
			return invalid(f+".path", "%q: no commas, NULs or newlines (QEMU option syntax)", d.Path)
		}
		if d.Format != "qcow2" && d.Format != "raw" {
			return invalid(f+".format", "%q: want qcow2 or raw", d.Format)
		}
	}
	if len(s.NICs) > maxNICs {
		return invalid("spec.nics", "%d NICs, at most %d", len(s.NICs), maxNICs)
	}
	seen := make(map[string]int, len(s.NICs))
	for i, n := range s.NICs {
		f := fmt.Sprintf("spec.nics[%d]", i)
		hw, err := net.ParseMAC(n.MAC)
		if err != nil || len(hw) != 6 {
			return invalid(f+".mac", "%q is not a MAC address", n.MAC)
		}
		if hw.String() != n.MAC {
			return invalid(f+".mac", "%q: write it as %q", n.MAC, hw.String())
		}
		if hw[0]&1 != 0 {
			return invalid(f+".mac", "%q is a multicast address", n.MAC)
		}
		if j, dup := seen[n.MAC]; dup {
			return fmt.Errorf("%s.mac: %w: %s also on spec.nics[%d]", f, ErrDuplicateMAC, n.MAC, j)
		}
		seen[n.MAC] = i
		if n.Bridge == "" || len(n.Bridge) > 15 || n.Bridge == "." || n.Bridge == ".." || strings.ContainsAny(n.Bridge, "/ \t\n:\x00") {
			return invalid(f+".bridge", "%q is not a Linux interface name", n.Bridge)
		}
		if n.VLAN != 0 && n.VNI != 0 {
			return invalid(f, "both vlan and vni; a NIC is in one or the other")
		}
		if n.VLAN < 0 || n.VLAN > 4094 {
			return invalid(f+".vlan", "%d out of range 1..4094", n.VLAN)
		}
		if n.VNI < 0 || n.VNI > 1<<24-1 {
			return invalid(f+".vni", "%d out of range 1..16777215", n.VNI)
		}
	}
	if s.HA.Priority < -maxPriority || s.HA.Priority > maxPriority {
		return invalid("spec.ha.priority", "%d out of range %d..%d", s.HA.Priority, -maxPriority, maxPriority)
	}
	if s.HA.RTO <= 0 || s.HA.RTO > maxRTO {
		return invalid("spec.ha.rto", "%v out of range (0, %v]", s.HA.RTO, maxRTO)
	}
	if s.HA.Group != "" {
		if err := checkName("spec.ha.group", s.HA.Group); err != nil {
			return err
		}
	}
	if len(s.Extra) > maxExtra {
		return invalid("spec.extra", "%d arguments, at most %d", len(s.Extra), maxExtra)
	}
	for i, a := range s.Extra {
		if len(a) > maxExtraLen || !utf8.ValidString(a) || strings.ContainsRune(a, 0) {
			return invalid(fmt.Sprintf("spec.extra[%d]", i), "not a QEMU argument (UTF-8, no NUL, at most %d bytes)", maxExtraLen)
		}
	}
	return nil
}

func (c CreateVM) check() error {
	if err := c.Spec.check(); err != nil {
		return err
	}
	return checkDesired(c.Desired)
}

func (c UpdateVM) check() error {
	if err := c.Spec.check(); err != nil {
		return err
	}
	return checkDesired(c.Desired)
}

func (c DeleteVM) check() error { return checkName("name", c.Name) }

// maxHoldReason bounds a hold's reason (it names start errors).
const maxHoldReason = 1024

func (c HoldVM) check() error {
	if err := checkName("vm", c.VM); err != nil {
		return err
	}
	if c.Generation == 0 {
		return invalid("generation", "0: an unplaced VM that was never placed is not held")
	}
	if c.Hold.Reason == "" || len(c.Hold.Reason) > maxHoldReason {
		return invalid("hold.reason", "%d bytes, want 1 to %d", len(c.Hold.Reason), maxHoldReason)
	}
	if c.Hold.Host != "" {
		if err := checkName("hold.host", c.Hold.Host); err != nil {
			return err
		}
	}
	if c.Hold.Since.IsZero() || !c.Hold.Until.After(c.Hold.Since) {
		return invalid("hold.until", "%v is not after hold.since %v", c.Hold.Until, c.Hold.Since)
	}
	return nil
}

func (c Place) check() error {
	if len(c.Placements) == 0 {
		return invalid("placements", "none")
	}
	if len(c.Placements) > maxPlacements {
		return invalid("placements", "%d, at most %d", len(c.Placements), maxPlacements)
	}
	seen := make(map[string]int, len(c.Placements))
	for i, p := range c.Placements {
		f := fmt.Sprintf("placements[%d]", i)
		if err := checkName(f+".vm", p.VM); err != nil {
			return err
		}
		if p.Owner != "" {
			if err := checkName(f+".owner", p.Owner); err != nil {
				return err
			}
		}
		if p.Generation == ^uint64(0) {
			return invalid(f+".generation", "at its limit")
		}
		if j, dup := seen[p.VM]; dup {
			return invalid(f+".vm", "%q also in placements[%d]", p.VM, j)
		}
		seen[p.VM] = i
	}
	return nil
}

func checkHostOrAny(field, s string) error {
	if s == "*" {
		return nil
	}
	return checkName(field, s)
}

func (c SetGroupPolicy) check() error {
	p := c.Policy
	if err := checkName("policy.name", p.Name); err != nil {
		return err
	}
	if len(p.Routes) > maxRoutes {
		return invalid("policy.routes", "%d routes, at most %d", len(p.Routes), maxRoutes)
	}
	for i, r := range p.Routes {
		f := fmt.Sprintf("policy.routes[%d]", i)
		if err := checkHostOrAny(f+".from", r.From); err != nil {
			return err
		}
		if err := checkHostOrAny(f+".to", r.To); err != nil {
			return err
		}
	}
	switch p.Affinity {
	case NoAffinity, Together, Apart:
	default:
		return invalid("policy.affinity", "%q: want affinity, anti-affinity or none", p.Affinity)
	}
	return nil
}

func (c DeleteGroupPolicy) check() error { return checkName("name", c.Name) }

func (c SetAdmission) check() error {
	if n := c.Admission.HostFailures; n < 0 || n > maxAdmission {
		return invalid("admission.host_failures", "%d out of range 0..%d", n, maxAdmission)
	}
	return nil
}

func checkFenceMethod(m string) error {
	switch m {
	case "ipmi", "redfish", "lease-expiry":
		return nil
	}
	return invalid("method", "%q: want ipmi, redfish or lease-expiry", m)
}

func (c OpenFence) check() error {
	if err := checkName("target", c.Target); err != nil {
		return err
	}
	if err := checkName("by", c.By); err != nil {
		return err
	}
	if c.By == c.Target {
		return invalid("by", "a host does not fence itself through the cluster")
	}
	if err := checkFenceMethod(c.Method); err != nil {
		return err
	}
	if err := checkText("evidence", c.Evidence); err != nil {
		return err
	}
	return checkTime("started", c.Started)
}

func (c ConfirmFence) check() error {
	if c.ID == 0 {
		return invalid("id", "missing")
	}
	if err := checkTime("at", c.At); err != nil {
		return err
	}
	return checkText("confirmation", c.Confirmation)
}

func (c GrantLease) check() error {
	if err := checkName("holder", c.Holder); err != nil {
		return err
	}
	if c.PrevEpoch == ^uint64(0) {
		return invalid("prev_epoch", "at its limit")
	}
	return checkTime("expiry", c.Expiry)
}

func (c RenewLease) check() error {
	if err := checkName("holder", c.Holder); err != nil {
		return err
	}
	if c.Epoch == 0 {
		return invalid("epoch", "missing")
	}
	return checkTime("expiry", c.Expiry)
}

func (c RevokeLease) check() error {
	if err := checkName("holder", c.Holder); err != nil {
		return err
	}
	if c.Epoch == 0 {
		return invalid("epoch", "missing")
	}
	return nil
}

func (c RegisterHost) describe() string      { return fmt.Sprintf("register host %q", c.Name) }
func (c SetHostState) describe() string      { return fmt.Sprintf("set host %q %s", c.Host, c.State) }
func (c CreateVM) describe() string          { return fmt.Sprintf("create vm %q", c.Spec.Name) }
func (c UpdateVM) describe() string          { return fmt.Sprintf("update vm %q", c.Spec.Name) }
func (c DeleteVM) describe() string          { return fmt.Sprintf("delete vm %q", c.Name) }
func (c HoldVM) describe() string            { return fmt.Sprintf("hold vm %q", c.VM) }
func (c Place) describe() string             { return fmt.Sprintf("place %d vm(s)", len(c.Placements)) }
func (c SetGroupPolicy) describe() string    { return fmt.Sprintf("set group policy %q", c.Policy.Name) }
func (c DeleteGroupPolicy) describe() string { return fmt.Sprintf("delete group policy %q", c.Name) }
func (c SetAdmission) describe() string      { return "set admission" }
func (c OpenFence) describe() string         { return fmt.Sprintf("open fence of %q", c.Target) }
func (c ConfirmFence) describe() string      { return fmt.Sprintf("confirm fence %d", c.ID) }
func (c GrantLease) describe() string        { return fmt.Sprintf("grant lease to %q", c.Holder) }
func (c RenewLease) describe() string {
	return fmt.Sprintf("renew lease of %q epoch %d", c.Holder, c.Epoch)
}
func (c RevokeLease) describe() string {
	return fmt.Sprintf("revoke lease of %q epoch %d", c.Holder, c.Epoch)
}
