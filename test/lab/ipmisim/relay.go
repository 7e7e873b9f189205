package ipmisim

import (
	"errors"
	"math/rand/v2"
	"net"
	"net/netip"
	"sync"
	"syscall"
	"time"
)

// relay forwards IPMI-over-LAN datagrams between clients and ipmi_sim, one
// upstream socket per client address, and enforces what ipmi_sim does not:
// an RMCP+ session may not ask for more than its account's privilege. Such
// an RAKP 1 reaches ipmi_sim with the user name blanked out, so ipmi_sim
// refuses it and frees the session; the relay turns that RAKP 2 error into
// status 0x09, "unauthorized role or privilege level requested", which is
// what real BMCs answer.
type relay struct {
	conn   *net.UDPConn
	roleOf func(name string) (Role, bool)

	mu       sync.Mutex
	upstream netip.AddrPort
	clients  map[netip.AddrPort]*relayClient
	closed   bool
	wg       sync.WaitGroup
	// Network faults between clients and the BMC.
	unreachable bool          // drop every datagram
	loss        float64       // share of client datagrams dropped
	delay       time.Duration // added to every reply
}

type relayClient struct {
	conn *net.UDPConn
	// refuse is set while an over-privileged RAKP 1 of this client is in
	// flight: the next RAKP 2 gets status 0x09.
	mu     sync.Mutex
	refuse bool
	last   time.Time
}

const (
	rmcpplusAuthType = 0x06
	payloadRAKP1     = 0x12
	payloadRAKP2     = 0x13
	// rakpUnauthorizedRole is the RAKP status code for "unauthorized role
	// or privilege level requested" (IPMI 2.0 table 13-15).
	rakpUnauthorizedRole = 0x09
	relayIdle            = 2 * time.Minute
)

func newRelay(host netip.Addr, port int, upstream netip.AddrPort, roleOf func(string) (Role, bool)) (*relay, error) {
	c, err := net.ListenUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(host, uint16(port))))
	if err != nil {
		return nil, err
	}
	r := &relay{conn: c, roleOf: roleOf, upstream: upstream, clients: map[netip.AddrPort]*relayClient{}}
	r.wg.Add(1)
	go r.serve()
	return r, nil
}

func (r *relay) port() int { return r.conn.LocalAddr().(*net.UDPAddr).Port }

// setUpstream points the relay at a new ipmi_sim port and drops the
// per-client sockets bound to the old one.
func (r *relay) setUpstream(up netip.AddrPort) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.upstream = up
	for a, c := range r.clients {
		c.conn.Close()
		delete(r.clients, a)
	}
}

func (r *relay) close() {
	r.mu.Lock()
	r.closed = true
	for a, c := range r.clients {
		c.conn.Close()
		delete(r.clients, a)
	}
	r.mu.Unlock()
	r.conn.Close()
	r.wg.Wait()
}

func (r *relay) serve() {
	defer r.wg.Done()
	buf := make([]byte, 2048)
	for {
		n, from, err := r.conn.ReadFromUDPAddrPort(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		r.mu.Lock()
		drop := r.unreachable || (r.loss > 0 && rand.Float64() < r.loss)
		r.mu.Unlock()
		if drop {
			continue
		}
		pkt := append([]byte(nil), buf[:n]...)
		c, closed := r.client(from)
		if closed {
			return
		}
		if c == nil {
			continue // no socket to ipmi_sim: the datagram is lost
		}
		if r.overPrivileged(pkt) {
			c.mu.Lock()
			c.refuse = true
			c.mu.Unlock()
		}
		c.mu.Lock()
		c.last = time.Now()
		c.mu.Unlock()
		_, _ = c.conn.Write(pkt)
	}
}

// client returns the upstream socket for a client address, creating it;
// nil if none can be made. closed reports that the relay is closing.
func (r *relay) client(from netip.AddrPort) (c *relayClient, closed bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, true
	}
	if c := r.clients[from]; c != nil {
		return c, false
	}
	up, err := net.DialUDP("udp4", nil, net.UDPAddrFromAddrPort(r.upstream))
	if err != nil {
		return nil, false
	}
	c = &relayClient{conn: up, last: time.Now()}
	r.clients[from] = c
	r.wg.Add(1)
	go r.back(from, c)
	return c, false
}

// back copies ipmi_sim's replies to the client until the client has been
// idle for relayIdle or the relay closes.
func (r *relay) back(to netip.AddrPort, c *relayClient) {
	defer r.wg.Done()
	buf := make([]byte, 2048)
	for {
		_ = c.conn.SetReadDeadline(time.Now().Add(relayIdle / 4))
		n, err := c.conn.Read(buf)
		if err != nil {
			var ne net.Error
			switch {
			case errors.As(err, &ne) && ne.Timeout():
				c.mu.Lock()
				idle := time.Since(c.last) > relayIdle
				c.mu.Unlock()
				if !idle {
					continue
				}
				r.mu.Lock()
				if r.clients[to] == c {
					delete(r.clients, to)
				}
				r.mu.Unlock()
				c.conn.Close()
				return
			case errors.Is(err, syscall.ECONNREFUSED):
				// ipmi_sim is down (crashed or restarting): keep going.
				continue
			default:
				return
			}
		}
		pkt := buf[:n]
		if isPayload(pkt, payloadRAKP2) {
			c.mu.Lock()
			if c.refuse {
				c.refuse = false
				pkt[16+1] = rakpUnauthorizedRole
			}
			c.mu.Unlock()
		}
		r.mu.Lock()
		drop, delay := r.unreachable, r.delay
		r.mu.Unlock()
		switch {
		case drop:
		case delay > 0:
			late := append([]byte(nil), pkt...)
			time.AfterFunc(delay, func() { _, _ = r.conn.WriteToUDPAddrPort(late, to) })
		default:
			_, _ = r.conn.WriteToUDPAddrPort(pkt, to)
		}
	}
}

// setFaults sets the network faults (see Sim.SetReachable and friends).
func (r *relay) setFaults(f func(r *relay)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(r)
}

// isPayload reports whether pkt is an RMCP+ message of the given payload
// type with at least a RAKP status byte.
func isPayload(pkt []byte, payload byte) bool {
	return len(pkt) >= 18 && pkt[0] == 0x06 && pkt[3] == 0x07 &&
		pkt[4] == rmcpplusAuthType && pkt[5]&0x3f == payload
}

// overPrivileged reports whether pkt is an RAKP 1 asking for more than the
// account's privilege; if so it blanks the user name in place so that
// ipmi_sim refuses the session.
func (r *relay) overPrivileged(pkt []byte) bool {
	if !isPayload(pkt, payloadRAKP1) || len(pkt) < 16+28 {
		return false
	}
	p := pkt[16:]
	nameLen := int(p[27])
	if nameLen == 0 || nameLen > 16 || len(p) < 28+nameLen {
		return false
	}
	role, ok := r.roleOf(string(p[28 : 28+nameLen]))
	if !ok {
		return false
	}
	if p[24]&0x0f <= role.privilege() {
		return false
	}
	for i := range nameLen {
		p[28+i] = 0x01
	}
	return true
}
