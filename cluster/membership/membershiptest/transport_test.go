package membershiptest

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/memberlist"
)

// pipeTransport is a loopback transport for testing Transport alone: what
// is written comes back in on PacketCh.
type pipeTransport struct {
	packets chan *memberlist.Packet
	streams chan net.Conn
	mu      sync.Mutex
	dials   int
	sent    int
}

func newPipe() *pipeTransport {
	return &pipeTransport{packets: make(chan *memberlist.Packet), streams: make(chan net.Conn)}
}

func (p *pipeTransport) FinalAdvertiseAddr(string, int) (net.IP, int, error) {
	return net.IPv4(127, 0, 0, 1), 1, nil
}
func (p *pipeTransport) WriteTo(b []byte, addr string) (time.Time, error) {
	return p.WriteToAddress(b, memberlist.Address{Addr: addr})
}
func (p *pipeTransport) WriteToAddress(b []byte, _ memberlist.Address) (time.Time, error) {
	p.mu.Lock()
	p.sent++
	p.mu.Unlock()
	return time.Now(), nil
}
func (p *pipeTransport) PacketCh() <-chan *memberlist.Packet { return p.packets }
func (p *pipeTransport) DialTimeout(addr string, d time.Duration) (net.Conn, error) {
	return p.DialAddressTimeout(memberlist.Address{Addr: addr}, d)
}
func (p *pipeTransport) DialAddressTimeout(memberlist.Address, time.Duration) (net.Conn, error) {
	p.mu.Lock()
	p.dials++
	p.mu.Unlock()
	a, _ := net.Pipe()
	return a, nil
}
func (p *pipeTransport) StreamCh() <-chan net.Conn { return p.streams }
func (p *pipeTransport) Shutdown() error           { return nil }

func (p *pipeTransport) counts() (sent, dials int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sent, p.dials
}

func TestTransportLoss(t *testing.T) {
	inner := newPipe()
	tr := Wrap(inner, 1)
	defer tr.Shutdown()
	tr.SetLoss(0.3)
	for range 10000 {
		if _, err := tr.WriteTo([]byte{1}, "x"); err != nil {
			t.Fatal(err)
		}
	}
	sent, _ := inner.counts()
	if sent < 6500 || sent > 7500 {
		t.Errorf("with 30%% loss, %d of 10000 packets went out, want about 7000", sent)
	}
	if st := tr.Stats(); st.Sent != 10000 || int(st.Lost) != 10000-sent {
		t.Errorf("Stats() = %+v, want 10000 sent and %d lost", st, 10000-sent)
	}
	// A lost SYN fails a dial shorter than the retransmission.
	tr.dialSYN = 50 * time.Millisecond
	tr.SetLoss(1)
	if _, err := tr.DialTimeout("x", 10*time.Millisecond); !errors.Is(err, ErrUnreachable) {
		t.Errorf("dial with every SYN lost = %v, want ErrUnreachable", err)
	}
	// A longer one goes through late.
	start := time.Now()
	c, err := tr.DialTimeout("x", time.Second)
	if err != nil || time.Since(start) < tr.dialSYN {
		t.Errorf("long dial with a lost SYN = %v after %v, want success after %v", err, time.Since(start), tr.dialSYN)
	} else {
		c.Close()
	}
}

func TestTransportCutAndFreeze(t *testing.T) {
	inner := newPipe()
	tr := Wrap(inner, 1)
	defer tr.Shutdown()

	tr.Cut()
	tr.WriteTo([]byte{1}, "x")
	inner.packets <- &memberlist.Packet{Buf: []byte{1}}
	select {
	case <-tr.PacketCh():
		t.Fatal("a cut transport delivered a packet")
	case <-time.After(50 * time.Millisecond):
	}
	if _, err := tr.DialTimeout("x", 20*time.Millisecond); !errors.Is(err, ErrUnreachable) {
		t.Errorf("dial through a cut = %v, want ErrUnreachable", err)
	}
	if sent, dials := inner.counts(); sent != 0 || dials != 0 {
		t.Errorf("a cut transport sent %d packets and dialed %d times", sent, dials)
	}
	tr.Restore()

	tr.Freeze()
	wrote := make(chan struct{})
	go func() { tr.WriteTo([]byte{2}, "x"); close(wrote) }()
	go func() { inner.packets <- &memberlist.Packet{Buf: []byte{3}} }()
	select {
	case <-wrote:
		t.Fatal("a frozen transport sent")
	case <-tr.PacketCh():
		t.Fatal("a frozen transport delivered")
	case <-time.After(50 * time.Millisecond):
	}
	go tr.Thaw()
	select {
	case p := <-tr.PacketCh():
		if p.Buf[0] != 3 {
			t.Errorf("after thaw got packet %v, want the held one", p.Buf)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the held packet never came after thaw")
	}
	<-wrote
	if sent, _ := inner.counts(); sent != 1 {
		t.Errorf("after thaw %d packets went out, want the held 1", sent)
	}
}

// TestTransportShutdownWhileInnerBlocked: memberlist's NetTransport is
// blocked handing over a packet nobody reads; Shutdown must still return.
func TestTransportShutdownWhileInnerBlocked(t *testing.T) {
	nt, err := memberlist.NewNetTransport(&memberlist.NetTransportConfig{
		BindAddrs: []string{"127.0.0.1"},
		Logger:    log.New(io.Discard, "", 0),
	})
	if err != nil {
		t.Fatal(err)
	}
	tr := Wrap(nt, 1)
	c, err := net.Dial("udp", fmt.Sprintf("127.0.0.1:%d", nt.GetAutoBindPort()))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	// Nobody reads tr.PacketCh: the first packet blocks the wrapper's
	// pump, the next ones NetTransport's listener.
	for range 3 {
		if _, err := c.Write([]byte("ping")); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(100 * time.Millisecond)
	done := make(chan struct{})
	go func() { tr.Shutdown(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Shutdown hung behind a blocked listener")
	}
}
