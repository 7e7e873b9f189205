package ipmi

import (
	"cmp"
	"fmt"
	"net"
	"slices"
	"sync"

	"github.com/bougou/go-ipmi/pkg/types"
)

// Algorithm strength ranks (higher is stronger). RMCP+ algorithm numbers
// are not ordered by strength, so each is ranked explicitly.
var (
	authRank  = map[uint8]int{0x00: 0, 0x02: 1, 0x01: 2, 0x03: 3}          // none, HMAC-MD5, HMAC-SHA1, HMAC-SHA256
	integRank = map[uint8]int{0x00: 0, 0x03: 1, 0x02: 2, 0x01: 3, 0x04: 4} // none, MD5-128, HMAC-MD5-128, HMAC-SHA1-96, HMAC-SHA256-128
	cryptRank = map[uint8]int{0x00: 0, 0x03: 1, 0x02: 2, 0x01: 3}          // none, xRC4-40, xRC4-128, AES-CBC-128
)

// algs is one set of RMCP+ algorithms: authentication, integrity,
// confidentiality.
type algs struct{ auth, integ, crypt uint8 }

func (a algs) String() string {
	return fmt.Sprintf("auth %s, integrity %s, confidentiality %s",
		types.AuthAlg(a.auth), types.IntegrityAlg(a.integ), types.CryptAlg(a.crypt))
}

func rank(m map[uint8]int, v uint8) int {
	if r, ok := m[v]; ok {
		return r
	}
	return -1 // OEM or unknown: weaker than anything we know
}

// atLeast reports whether every algorithm of a is at least as strong as b's.
func (a algs) atLeast(b algs) bool {
	return rank(authRank, a.auth) >= rank(authRank, b.auth) &&
		rank(integRank, a.integ) >= rank(integRank, b.integ) &&
		rank(cryptRank, a.crypt) >= rank(cryptRank, b.crypt)
}

func suiteAlgs(id int) (algs, bool) {
	if id < 0 || id > 19 {
		return algs{}, false
	}
	a, i, c, ok := types.GetCipherSuiteAlgorithms(types.CipherSuiteID(id))
	return algs{uint8(a), uint8(i), uint8(c)}, ok
}

// candidateSuites lists the cipher suites to try, strongest first: the pinned
// one alone, or every standard suite (0-17) at least as strong as min.
func candidateSuites(pinned, minSuite int) ([]int, error) {
	if pinned >= 0 {
		if _, ok := suiteAlgs(pinned); !ok || pinned > 17 {
			return nil, fmt.Errorf("ipmi: cipher suite %d is not a standard suite (0-17)", pinned)
		}
		return []int{pinned}, nil
	}
	floor, ok := suiteAlgs(minSuite)
	if !ok {
		return nil, fmt.Errorf("ipmi: minimum cipher suite %d is not a standard suite (0-17)", minSuite)
	}
	var out []int
	for id := 0; id <= 17; id++ {
		if a, _ := suiteAlgs(id); a.atLeast(floor) {
			out = append(out, id)
		}
	}
	slices.SortStableFunc(out, func(x, y int) int {
		a, _ := suiteAlgs(x)
		b, _ := suiteAlgs(y)
		return cmp.Or(
			cmp.Compare(rank(cryptRank, b.crypt), rank(cryptRank, a.crypt)),
			cmp.Compare(rank(integRank, b.integ), rank(integRank, a.integ)),
			cmp.Compare(rank(authRank, b.auth), rank(authRank, a.auth)),
		)
	})
	return out, nil
}

// negotiation records, from the datagrams themselves, the algorithms the
// client proposed in its last RMCP+ Open Session Request and those the BMC
// answered with. go-ipmi keeps them private and does not compare them.
type negotiation struct {
	// pinned and floor are the configured suite and minimum (check's
	// arguments), so a downgrade is refused as soon as the Open Session
	// Response arrives, before go-ipmi builds a session on it.
	pinned, floor int

	mu        sync.Mutex
	requested algs
	answered  algs
	haveReq   bool
	haveAns   bool
}

// RMCP+ framing: 4 bytes RMCP header, then auth type 0x06, payload type,
// session ID (4), sequence (4), payload length (2), payload.
const (
	payloadOpenSessionRequest  = 0x10
	payloadOpenSessionResponse = 0x11
	rmcpPlusHeader             = 4 + 1 + 1 + 4 + 4 + 2
)

// observe inspects one datagram. It ignores everything that is not a
// well-formed Open Session Request or successful Response.
// It reports whether b was a successful Open Session Response.
func (n *negotiation) observe(b []byte, outbound bool) bool {
	if len(b) < rmcpPlusHeader || b[0] != 0x06 || b[3]&0x0f != 0x07 || b[4] != 0x06 {
		return false
	}
	pt := b[5] & 0x3f
	p := b[rmcpPlusHeader:]
	n.mu.Lock()
	defer n.mu.Unlock()
	switch {
	case outbound && pt == payloadOpenSessionRequest && len(p) >= 32:
		// tag, priv, reserved(2), console session ID(4), then three
		// 8-byte algorithm payloads with the algorithm at offset 4.
		n.requested = algs{p[12] & 0x3f, p[20] & 0x3f, p[28] & 0x3f}
		n.haveReq, n.haveAns = true, false
	case !outbound && pt == payloadOpenSessionResponse && len(p) >= 36 && p[1] == 0:
		// tag, status, priv, reserved, console SID(4), BMC SID(4), then
		// the three algorithm payloads.
		n.answered = algs{p[16] & 0x3f, p[24] & 0x3f, p[32] & 0x3f}
		n.haveAns = true
		return n.haveReq
	}
	return false
}

// check compares what was negotiated with what was asked for and the
// configured minimum, and returns the suite in use.
func (n *negotiation) check(pinned, minSuite int) (int, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.haveReq || !n.haveAns {
		return -1, fmt.Errorf("%w: could not observe the RMCP+ open session exchange", ErrWeakCipher)
	}
	floorID := minSuite
	if pinned >= 0 {
		floorID = pinned
	}
	floor, _ := suiteAlgs(floorID)
	if !n.answered.atLeast(n.requested) || !n.answered.atLeast(floor) {
		return -1, fmt.Errorf("%w: asked for %s, BMC chose %s; the minimum is cipher suite %d (%s)",
			ErrWeakCipher, n.requested, n.answered, floorID, floor)
	}
	suite := -1
	for id := 0; id <= 17; id++ {
		if a, _ := suiteAlgs(id); a == n.requested {
			suite = id
			break
		}
	}
	return suite, nil
}

// answeredOK reports whether a successful Open Session Response was seen.
func (n *negotiation) answeredOK() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.haveReq && n.haveAns
}

// sniffDialer hands go-ipmi a UDP connection that shows every datagram to
// the negotiation recorder (go-ipmi's WithUDPProxy hook).
type sniffDialer struct{ neg *negotiation }

func (d sniffDialer) Dial(network, addr string) (net.Conn, error) {
	c, err := net.Dial(network, addr)
	if err != nil {
		return nil, err
	}
	return &sniffConn{Conn: c, neg: d.neg}, nil
}

type sniffConn struct {
	net.Conn
	neg *negotiation
}

func (c *sniffConn) Write(b []byte) (int, error) {
	c.neg.observe(b, true)
	return c.Conn.Write(b)
}

func (c *sniffConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if n > 0 && c.neg.observe(b[:n], false) {
		if _, cerr := c.neg.check(c.neg.pinned, c.neg.floor); cerr != nil {
			return 0, cerr
		}
	}
	return n, err
}
