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
//   - an RMCP+ session may not ask for more than its account's privilege;
//   - optionally, an account is locked for a while after failed logins in a
//     row.
//
// A refused RAKP 1 reaches ipmi_sim with the user name blanked out, so
// ipmi_sim refuses it and frees the session; the relay rewrites the status
// of that RAKP 2 to what real BMCs answer (0x09 "unauthorized role or
// privilege level requested", 0x0d "unauthorized name" for a locked account).
// It also carries the network faults (unreachable, loss, delay).
type relay struct {
	conn   *net.UDPConn
	roleOf func(name string) (Role, bool)
	lock   lockout

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

	mu sync.Mutex
	// refuse is the RAKP status to put in the next RAKP 2 (0: none) while
	// a refused RAKP 1 of this client is in flight.
	refuse byte
	// login is the client's RAKP handshake in progress, if any.
	login *login
	last  time.Time
}

// login is one RAKP handshake, tracked for the lockout.
type login struct {
	user  string
	rakp2 time.Time // when ipmi_sim's successful RAKP 2 went out (zero: not yet)
	rakp3 bool      // the client answered with RAKP 3
}

// lockout locks an account after failed logins in a row (0 after: off).
type lockout struct {
	after int
	dur   time.Duration

	mu       sync.Mutex
	failures map[string]int
	until    map[string]time.Time
}

const (
	rmcpplusAuthType = 0x06
	payloadRAKP1     = 0x12
	payloadRAKP2     = 0x13
	payloadRAKP3     = 0x14
	payloadRAKP4     = 0x15
	// RAKP status codes (IPMI 2.0 table 13-15).
	rakpUnauthorizedRole = 0x09
	rakpUnauthorizedName = 0x0d
	relayIdle            = 2 * time.Minute
	// abandonAfter is how long a client may take to answer a successful
	// RAKP 2 with RAKP 3. A client with a wrong password sees RAKP 2's HMAC
	// fail and gives up without a word: silence is the failed login.
	abandonAfter = 300 * time.Millisecond
)

func newRelay(host netip.Addr, port int, upstream netip.AddrPort, roleOf func(string) (Role, bool), lockAfter int, lockFor time.Duration) (*relay, error) {
	c, err := net.ListenUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(host, uint16(port))))
	if err != nil {
		return nil, err
	}
	r := &relay{conn: c, roleOf: roleOf, upstream: upstream, clients: map[netip.AddrPort]*relayClient{},
		lock: lockout{after: lockAfter, dur: lockFor, failures: map[string]int{}, until: map[string]time.Time{}}}
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

// setFaults sets the network faults (see Sim.SetReachable and friends).
func (r *relay) setFaults(f func(r *relay)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(r)
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
		now := time.Now()
		switch {
		case isPayload(pkt, payloadRAKP1):
			r.sweep(now)
			user, _ := rakp1User(pkt)
			status := r.check(pkt)
			c.mu.Lock()
			c.refuse = status
			c.login = nil
			if status == 0 && r.lock.after > 0 && user != "" {
				c.login = &login{user: user}
			}
			c.mu.Unlock()
		case isPayload(pkt, payloadRAKP3):
			c.mu.Lock()
			if c.login != nil {
				c.login.rakp3 = true
			}
			c.mu.Unlock()
		}
		c.mu.Lock()
		c.last = now
		c.mu.Unlock()
		_, _ = c.conn.Write(pkt)
	}
}

// check decides whether an RAKP 1 may reach ipmi_sim as it is. If not, it
// blanks the user name in place and returns the RAKP status code the
// client is to get.
func (r *relay) check(pkt []byte) byte {
	status := byte(0)
	switch {
	case r.overPrivileged(pkt):
		status = rakpUnauthorizedRole
	case r.lockedOut(pkt):
		status = rakpUnauthorizedName
	default:
		return 0
	}
	p := pkt[16:]
	for i := range int(p[27]) {
		p[28+i] = 0x01
	}
	return status
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
		switch {
		case isPayload(pkt, payloadRAKP2):
			c.mu.Lock()
			if c.refuse != 0 {
				pkt[16+1] = c.refuse
				c.refuse = 0
			} else if c.login != nil {
				if pkt[16+1] == 0 {
					c.login.rakp2 = time.Now()
				} else {
					c.login = nil // refused by ipmi_sim itself (unknown user)
				}
			}
			c.mu.Unlock()
		case isPayload(pkt, payloadRAKP4):
			c.mu.Lock()
			if l := c.login; l != nil {
				c.login = nil
				r.lock.result(l.user, pkt[16+1] == 0, time.Now())
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

// sweep counts handshakes whose client went silent after RAKP 2 as failed
// logins.
func (r *relay) sweep(now time.Time) {
	if r.lock.after <= 0 {
		return
	}
	r.mu.Lock()
	clients := make([]*relayClient, 0, len(r.clients))
	for _, c := range r.clients {
		clients = append(clients, c)
	}
	r.mu.Unlock()
	for _, c := range clients {
		c.mu.Lock()
		if l := c.login; l != nil && !l.rakp2.IsZero() && !l.rakp3 && now.Sub(l.rakp2) > abandonAfter {
			c.login = nil
			r.lock.result(l.user, false, now)
		}
		c.mu.Unlock()
	}
}

// result records a login's outcome: a success clears the failures, the
// lockout's threshold of failures in a row locks the account.
func (l *lockout) result(user string, ok bool, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ok {
		delete(l.failures, user)
		return
	}
	l.failures[user]++
	if l.failures[user] >= l.after {
		delete(l.failures, user)
		l.until[user] = now.Add(l.dur)
	}
}

func (l *lockout) locked(user string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return now.Before(l.until[user])
}

// lockedOut reports whether pkt is an RAKP 1 for a locked account.
func (r *relay) lockedOut(pkt []byte) bool {
	if r.lock.after <= 0 {
		return false
	}
	user, ok := rakp1User(pkt)
	return ok && r.lock.locked(user, time.Now())
}

// isPayload reports whether pkt is an RMCP+ message of the given payload
// type with at least a RAKP status byte.
func isPayload(pkt []byte, payload byte) bool {
	return len(pkt) >= 18 && pkt[0] == 0x06 && pkt[3] == 0x07 &&
		pkt[4] == rmcpplusAuthType && pkt[5]&0x3f == payload
}

// rakp1User returns the user name of an RAKP 1.
func rakp1User(pkt []byte) (string, bool) {
	if !isPayload(pkt, payloadRAKP1) || len(pkt) < 16+28 {
		return "", false
	}
	p := pkt[16:]
	nameLen := int(p[27])
	if nameLen == 0 || nameLen > 16 || len(p) < 28+nameLen {
		return "", false
	}
	return string(p[28 : 28+nameLen]), true
}

// overPrivileged reports whether pkt is an RAKP 1 asking for more than the
// account's privilege.
func (r *relay) overPrivileged(pkt []byte) bool {
	user, ok := rakp1User(pkt)
	if !ok {
		return false
	}
	role, ok := r.roleOf(user)
	if !ok {
		return false
	}
	return pkt[16+24]&0x0f > role.privilege()
}
