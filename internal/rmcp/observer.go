package rmcp

import (
	"fmt"
	"net"
	"sync"
)

// RMCP+ framing: RMCP header (4), auth type 0x06, payload type, session ID
// (4), sequence (4), payload length (2), payload.
const (
	headerLen                  = 4 + 1 + 1 + 4 + 4 + 2
	payloadOpenSessionRequest  = 0x10
	payloadOpenSessionResponse = 0x11
	payloadRAKP2               = 0x13
	payloadRAKP4               = 0x15
)

// Observer watches the datagrams of one go-ipmi client: pass it to
// client.WithUDPProxy. It records the algorithms of the last Open Session
// Request and of the successful Response that followed it, the status of a
// refused Open Session and the last non-zero RAKP 2 or 4 status of that
// attempt, and the number of datagrams received. Safe for concurrent use;
// one Observer per client.
type Observer struct {
	refuse bool
	policy Policy

	mu         sync.Mutex
	requested  Algorithms
	answered   Algorithms
	haveReq    bool
	haveAns    bool
	openStatus uint8
	rakpStatus uint8
	inbound    int
}

// Option configures an Observer.
type Option func(*Observer)

// RefuseDowngrade makes the observer fail the read that delivers an Open
// Session Response that Check(p) rejects, with Check's error, so go-ipmi
// never builds a session on downgraded algorithms.
func RefuseDowngrade(p Policy) Option {
	return func(o *Observer) { o.refuse, o.policy = true, p }
}

// NewObserver returns an Observer that has seen nothing yet.
func NewObserver(opts ...Option) *Observer {
	o := &Observer{}
	for _, opt := range opts {
		opt(o)
	}
	return o
}

// observe inspects one datagram; anything that is not a well-formed RMCP+
// session-setup message is only counted (when inbound). It reports whether
// b was a successful Open Session Response to an observed request.
func (o *Observer) observe(b []byte, outbound bool) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !outbound {
		o.inbound++
	}
	if len(b) < headerLen || b[0] != 0x06 || b[3]&0x0f != 0x07 || b[4] != 0x06 {
		return false
	}
	pt := b[5] & 0x3f
	p := b[headerLen:]
	switch {
	case outbound && pt == payloadOpenSessionRequest && len(p) >= 32:
		// tag, privilege, reserved (2), console session ID (4), then
		// three 8-byte algorithm payloads with the algorithm at offset 4.
		o.requested = Algorithms{p[12] & 0x3f, p[20] & 0x3f, p[28] & 0x3f}
		o.haveReq, o.haveAns, o.openStatus, o.rakpStatus = true, false, 0, 0
	case !outbound && pt == payloadOpenSessionResponse && len(p) >= 2 && p[1] != 0:
		o.openStatus = p[1]
	case !outbound && pt == payloadOpenSessionResponse && len(p) >= 36 && p[1] == 0:
		// tag, status, privilege, reserved, console session ID (4), BMC
		// session ID (4), then the three algorithm payloads.
		o.answered = Algorithms{p[16] & 0x3f, p[24] & 0x3f, p[32] & 0x3f}
		o.haveAns = true
		return o.haveReq
	case !outbound && (pt == payloadRAKP2 || pt == payloadRAKP4) && len(p) >= 2 && p[1] != 0:
		o.rakpStatus = p[1]
	}
	return false
}

// Check compares the algorithms the BMC answered with those of the last
// request and with p's floor, and returns the standard suite in use (-1 if
// the request was no standard suite). Every error wraps ErrWeakCipher,
// including "nothing observed".
func (o *Observer) Check(p Policy) (suite int, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.haveReq || !o.haveAns {
		return -1, fmt.Errorf("%w: could not observe the RMCP+ open session exchange", ErrWeakCipher)
	}
	floorID := p.Floor()
	floor, _ := SuiteAlgorithms(floorID)
	if !o.answered.AtLeast(o.requested) || !o.answered.AtLeast(floor) {
		return -1, fmt.Errorf("%w: asked for %s, BMC chose %s; the minimum is cipher suite %d (%s)",
			ErrWeakCipher, o.requested, o.answered, floorID, floor)
	}
	return suiteOf(o.requested), nil
}

// Answered reports whether a successful Open Session Response to the last
// request was seen (so a failed Check is a downgrade, not a lost exchange).
func (o *Observer) Answered() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.haveReq && o.haveAns
}

// OpenSessionStatus is the status of an Open Session Response that refused
// the last request (0: none), e.g. 0x11 no cipher suite match (IPMI 2.0
// table 13-15).
func (o *Observer) OpenSessionStatus() uint8 {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.openStatus
}

// RAKPStatus is the last non-zero status of an RAKP 2 or 4 since the last
// Open Session Request (0: none), e.g. 0x09 role refused, 0x0d unauthorized
// name (IPMI 2.0 table 13-15).
func (o *Observer) RAKPStatus() uint8 {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.rakpStatus
}

// Inbound is the number of datagrams received, of any kind (0: the BMC never
// answered).
func (o *Observer) Inbound() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.inbound
}

// Dial implements golang.org/x/net/proxy.Dialer for go-ipmi's UDP client.
func (o *Observer) Dial(network, addr string) (net.Conn, error) {
	c, err := net.Dial(network, addr)
	if err != nil {
		return nil, err
	}
	return &conn{Conn: c, o: o}, nil
}

type conn struct {
	net.Conn
	o *Observer
}

func (c *conn) Write(b []byte) (int, error) {
	c.o.observe(b, true)
	return c.Conn.Write(b)
}

func (c *conn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if n > 0 && c.o.observe(b[:n], false) && c.o.refuse {
		if _, cerr := c.o.Check(c.o.policy); cerr != nil {
			return 0, cerr
		}
	}
	return n, err
}
