// Package rmcptest provides a man in the middle for tests of RMCP+ clients:
// DowngradeRelay forwards UDP between a client and a real BMC (ipmi_sim) and
// rewrites the client's Open Session Requests to ask for weaker algorithms
// than the client proposed. Both ends then agree on the weak suite and the
// session opens; only a client that compares what it asked for with what
// was negotiated (rmcp.Observer) notices.
package rmcptest

import (
	"net"
	"sync"
	"testing"
)

// RMCP+ framing as the relay needs it: a 16-byte header (RMCP, auth type
// 0x06, payload type, session ID, sequence, length), and the payload type of
// an Open Session Request, whose integrity and confidentiality algorithms
// sit at payload offsets 20 and 28.
const (
	headerLen                 = 16
	payloadOpenSessionRequest = 0x10
)

// DowngradeRelay is a UDP relay on 127.0.0.1 in front of one BMC.
type DowngradeRelay struct {
	conn    *net.UDPConn
	bmc     *net.UDPAddr
	integ   byte
	crypt   byte
	mu      sync.Mutex
	clients map[string]*net.UDPConn
}

// StartDowngradeRelay relays to bmc ("HOST:PORT"), replacing the integrity
// and confidentiality algorithms of every Open Session Request with integ
// and crypt (0x01, 0x01 changes nothing for suite 3; 0x00, 0x00 forces the
// equivalent of suite 1). It stops at the end of the test.
func StartDowngradeRelay(t testing.TB, bmc string, integ, crypt byte) *DowngradeRelay {
	t.Helper()
	ba, err := net.ResolveUDPAddr("udp", bmc)
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	r := &DowngradeRelay{conn: c, bmc: ba, integ: integ, crypt: crypt, clients: map[string]*net.UDPConn{}}
	go r.serve()
	t.Cleanup(func() {
		c.Close()
		r.mu.Lock()
		for _, u := range r.clients {
			u.Close()
		}
		r.mu.Unlock()
	})
	return r
}

// Port is the relay's UDP port on 127.0.0.1.
func (r *DowngradeRelay) Port() int { return r.conn.LocalAddr().(*net.UDPAddr).Port }

func (r *DowngradeRelay) serve() {
	buf := make([]byte, 4096)
	for {
		n, from, err := r.conn.ReadFromUDP(buf)
		if err != nil {
			return
		}
		pkt := append([]byte(nil), buf[:n]...)
		if len(pkt) >= headerLen+32 && pkt[4] == 0x06 && pkt[5]&0x3f == payloadOpenSessionRequest {
			p := pkt[headerLen:]
			p[20], p[28] = r.integ, r.crypt
		}
		r.mu.Lock()
		up := r.clients[from.String()]
		if up == nil {
			up, err = net.DialUDP("udp", nil, r.bmc)
			if err != nil {
				r.mu.Unlock()
				continue
			}
			r.clients[from.String()] = up
			go func(up *net.UDPConn, client *net.UDPAddr) {
				b := make([]byte, 4096)
				for {
					n, err := up.Read(b)
					if err != nil {
						return
					}
					r.conn.WriteToUDP(b[:n], client)
				}
			}(up, from)
		}
		r.mu.Unlock()
		up.Write(pkt)
	}
}
