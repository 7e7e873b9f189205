package ipmi

import (
	"fmt"
	"net"
	"sync"
)

// wire watches the datagrams of one go-ipmi client (through its UDP proxy
// hook) for what go-ipmi keeps private or flattens: the algorithms proposed
// and accepted in the RMCP+ Open Session exchange, and the status of RAKP 2
// and 4.
type wire struct {
	mu         sync.Mutex
	requested  algs
	answered   algs
	haveReq    bool
	haveAns    bool
	rakpStatus uint8
	inbound    int
}

// RMCP+ framing: RMCP header (4), auth type 0x06, payload type, session ID
// (4), sequence (4), payload length (2), payload.
const (
	rmcpPlusHeader             = 4 + 1 + 1 + 4 + 4 + 2
	payloadOpenSessionRequest  = 0x10
	payloadOpenSessionResponse = 0x11
	payloadRAKP2               = 0x13
	payloadRAKP4               = 0x15
)

// observe looks at one datagram; anything that is not a well-formed RMCP+
// session-setup message is ignored.
func (w *wire) observe(b []byte, outbound bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !outbound {
		w.inbound++
	}
	if len(b) < rmcpPlusHeader || b[0] != 0x06 || b[3]&0x0f != 0x07 || b[4] != 0x06 {
		return
	}
	pt := b[5] & 0x3f
	p := b[rmcpPlusHeader:]
	switch {
	case outbound && pt == payloadOpenSessionRequest && len(p) >= 32:
		w.requested = algs{p[12] & 0x3f, p[20] & 0x3f, p[28] & 0x3f}
		w.haveReq, w.haveAns, w.rakpStatus = true, false, 0
	case !outbound && pt == payloadOpenSessionResponse && len(p) >= 36 && p[1] == 0:
		w.answered = algs{p[16] & 0x3f, p[24] & 0x3f, p[32] & 0x3f}
		w.haveAns = true
	case !outbound && (pt == payloadRAKP2 || pt == payloadRAKP4) && len(p) >= 2 && p[1] != 0:
		w.rakpStatus = p[1]
	}
}

// check compares the negotiated algorithms with the request and the floor,
// and returns the suite in use.
func (w *wire) check(pinned, minSuite int) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.haveReq || !w.haveAns {
		return -1, fmt.Errorf("%w: could not observe the RMCP+ open session exchange", ErrWeakCipher)
	}
	floorID := minSuite
	if pinned >= 0 {
		floorID = pinned
	}
	floor, _ := suiteAlgs(floorID)
	if !w.answered.atLeast(w.requested) || !w.answered.atLeast(floor) {
		return -1, fmt.Errorf("%w: asked for %v, BMC chose %v; the minimum is cipher suite %d", ErrWeakCipher, w.requested, w.answered, floorID)
	}
	for id := 0; id <= 17; id++ {
		if a, ok := suiteAlgs(id); ok && a == w.requested {
			return id, nil
		}
	}
	return -1, nil
}

// Dial implements golang.org/x/net/proxy.Dialer for go-ipmi's UDP client.
func (w *wire) Dial(network, addr string) (net.Conn, error) {
	c, err := net.Dial(network, addr)
	if err != nil {
		return nil, err
	}
	return &wireConn{Conn: c, w: w}, nil
}

type wireConn struct {
	net.Conn
	w *wire
}

func (c *wireConn) Write(b []byte) (int, error) {
	c.w.observe(b, true)
	return c.Conn.Write(b)
}

func (c *wireConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if n > 0 {
		c.w.observe(b[:n], false)
	}
	return n, err
}
