package lab

import (
	"net"
	"net/netip"
	"strconv"
	"sync"
)

// BMC is a host's baseboard management controller: a simulator running in
// the test process's namespace on its own address of the management
// network, so the test process, ipmitool, fence agents and every host reach
// it by plain IP.
type BMC struct {
	// Kind is IPMI or Redfish.
	Kind BMCKind
	// IP is the BMC's address (10.213.<lab>.<100+i>).
	IP netip.Addr
	// Port is 623 (IPMI, UDP) or 443 (Redfish, HTTPS).
	Port int
	// URL is the Redfish service URL ("https://10.213.3.101"); empty for IPMI.
	URL string
	sims

	host *Host
	mu   sync.Mutex
	cut  bool // power cut: the BMC is down too
	ln   net.Listener
	dir  string
}

// Addr is "IP:port".
func (b *BMC) Addr() string { return netip.AddrPortFrom(b.IP, uint16(b.Port)).String() }

// Role selects a BMC account.
type Role int

const (
	// Admin may do everything.
	Admin Role = iota
	// Operator may control power (enough for fencing).
	Operator
	// User may only read.
	User
)

// String describes the BMC for logs ("ipmi 10.213.3.101:623").
func (b *BMC) String() string {
	return b.Kind.String() + " " + net.JoinHostPort(b.IP.String(), strconv.Itoa(b.Port))
}
