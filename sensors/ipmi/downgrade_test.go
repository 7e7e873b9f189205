package ipmi

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// downgradeRelay sits between the client and a real BMC and rewrites the
// client's RMCP+ Open Session Request to ask for weaker algorithms than the
// client proposed: a man in the middle forcing a downgrade. Both ends then
// agree on the weak suite, the session opens, and only a client that
// compares what it asked for with what was negotiated notices.
type downgradeRelay struct {
	conn    *net.UDPConn
	bmc     *net.UDPAddr
	integ   byte
	crypt   byte
	mu      sync.Mutex
	clients map[string]*net.UDPConn
}

func startRelay(t *testing.T, bmc string, integ, crypt byte) *downgradeRelay {
	t.Helper()
	ba, err := net.ResolveUDPAddr("udp", bmc)
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	r := &downgradeRelay{conn: c, bmc: ba, integ: integ, crypt: crypt, clients: map[string]*net.UDPConn{}}
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

func (r *downgradeRelay) port() int { return r.conn.LocalAddr().(*net.UDPAddr).Port }

func (r *downgradeRelay) serve() {
	buf := make([]byte, 4096)
	for {
		n, from, err := r.conn.ReadFromUDP(buf)
		if err != nil {
			return
		}
		pkt := append([]byte(nil), buf[:n]...)
		if len(pkt) >= rmcpPlusHeader+32 && pkt[4] == 0x06 && pkt[5]&0x3f == payloadOpenSessionRequest {
			p := pkt[rmcpPlusHeader:]
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

func TestDowngradeRefused(t *testing.T) {
	sim := startSim(t)
	cfg, _ := simConfig(t, sim)

	// Control: through a relay that changes nothing, the session opens.
	clean := startRelay(t, sim.Addr(), 0x01, 0x01)
	cfg.Host, cfg.Port = "127.0.0.1", clean.port()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r := New(cfg)
	if _, err := r.Poll(ctx); err != nil {
		t.Fatalf("through a transparent relay: %v", err)
	}
	r.Close()

	// Integrity and confidentiality forced to none (suite 3 asked, the
	// equivalent of suite 1 negotiated).
	mitm := startRelay(t, sim.Addr(), 0x00, 0x00)
	cfg.Port = mitm.port()
	r = New(cfg)
	defer r.Close()
	_, err := r.Poll(ctx)
	if !errors.Is(err, ErrWeakCipher) {
		t.Fatalf("downgraded session: Poll = %v, want ErrWeakCipher", err)
	}
	if !strings.Contains(err.Error(), "confidentiality") || strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("error %q should name the algorithms and never the password", err)
	}
	t.Logf("refused: %v", err)
}
