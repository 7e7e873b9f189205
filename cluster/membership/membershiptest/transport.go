// Package membershiptest runs real memberlist clusters in one process on
// loopback and breaks their network on purpose: Transport wraps
// memberlist's UDP/TCP transport to lose packets, cut a member off (a dead
// host, a network blip) or freeze it (a stopped process: SIGSTOP, CPU
// starvation); Cluster starts N members wired through such transports and
// records their events; the measurement functions (Detect, Disturb) turn
// those into the figures the package doc of membership reports.
//
// It is test code: the vigil binary never links it.
package membershiptest

import (
	"errors"
	"math/rand/v2"
	"net"
	"sync"
	"time"

	"github.com/hashicorp/memberlist"
)

// Transport wraps a memberlist transport (normally its NetTransport on
// loopback) and misbehaves on demand.
//
//   - Loss: each UDP packet this member sends is dropped with the given
//     probability, and each TCP connection it opens is treated like one
//     whose SYN was lost: it waits 1 s (Linux's first SYN retransmission)
//     and fails if its timeout is shorter, else goes through late.
//   - Cut: everything in and out vanishes, like a host that lost power or
//     its link: sent packets are dropped, received ones too, dials wait
//     for their timeout and fail, accepted connections are held unanswered.
//   - Freeze: the member's traffic stops as if its process were stopped:
//     sends block, received packets and connections wait, and all of it
//     flows again, late, at Thaw (memberlist's timers keep running,
//     unlike a real SIGSTOP; the lab test stops a real process).
type Transport struct {
	inner    memberlist.NodeAwareTransport
	packetCh chan *memberlist.Packet
	streamCh chan net.Conn
	stop     chan struct{}
	wg       sync.WaitGroup
	once     sync.Once

	mu      sync.Mutex
	rng     *rand.Rand
	loss    float64
	cut     bool
	frozen  bool
	thawed  chan struct{} // closed at Thaw and at Restore
	held    []*memberlist.Packet
	heldIn  []net.Conn
	stats   Stats
	dialSYN time.Duration
}

// Stats counts what a Transport did.
type Stats struct {
	Sent, Lost, DialsLost, Received, Dropped uint64
}

// ErrUnreachable is what a dial through a cut or lossy Transport fails
// with.
var ErrUnreachable = errors.New("membershiptest: dial timed out (packet lost)")

// Wrap returns a Transport around inner, with its own random source.
func Wrap(inner memberlist.NodeAwareTransport, seed uint64) *Transport {
	t := &Transport{
		inner:    inner,
		packetCh: make(chan *memberlist.Packet),
		streamCh: make(chan net.Conn),
		stop:     make(chan struct{}),
		rng:      rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		thawed:   make(chan struct{}),
		dialSYN:  time.Second,
	}
	close(t.thawed)
	t.wg.Add(2)
	go t.pumpPackets()
	go t.pumpStreams()
	return t
}

// SetLoss sets the share (0..1) of this member's packets that are lost.
func (t *Transport) SetLoss(p float64) {
	t.mu.Lock()
	t.loss = p
	t.mu.Unlock()
}

// Cut makes the member unreachable and deaf until Restore.
func (t *Transport) Cut() {
	t.mu.Lock()
	t.cut = true
	t.mu.Unlock()
}

// Restore ends a Cut; connections held during it are closed.
func (t *Transport) Restore() {
	t.mu.Lock()
	t.cut = false
	conns := t.heldIn
	t.heldIn = nil
	t.mu.Unlock()
	for _, c := range conns {
		_ = c.Close()
	}
}

// Freeze stops the member's traffic until Thaw.
func (t *Transport) Freeze() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.frozen {
		t.frozen = true
		t.thawed = make(chan struct{})
	}
}

// Thaw lets the traffic held since Freeze go, in order.
func (t *Transport) Thaw() {
	t.mu.Lock()
	if !t.frozen {
		t.mu.Unlock()
		return
	}
	t.frozen = false
	held, conns := t.held, t.heldIn
	t.held, t.heldIn = nil, nil
	close(t.thawed)
	t.mu.Unlock()
	for _, p := range held {
		select {
		case t.packetCh <- p:
		case <-t.stop:
			return
		}
	}
	for _, c := range conns {
		select {
		case t.streamCh <- c:
		case <-t.stop:
			_ = c.Close()
		}
	}
}

// Stats returns the counters so far.
func (t *Transport) Stats() Stats {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.stats
}

// sendVerdict decides the fate of one outgoing packet: wait for a thaw
// (frozen), drop it (cut or lost) or send it.
func (t *Transport) sendVerdict() (wait chan struct{}, drop bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.frozen {
		return t.thawed, false
	}
	t.stats.Sent++
	if t.cut || (t.loss > 0 && t.rng.Float64() < t.loss) {
		t.stats.Lost++
		return nil, true
	}
	return nil, false
}

// WriteTo implements memberlist.Transport.
func (t *Transport) WriteTo(b []byte, addr string) (time.Time, error) {
	return t.WriteToAddress(b, memberlist.Address{Addr: addr})
}

// WriteToAddress implements memberlist.NodeAwareTransport.
func (t *Transport) WriteToAddress(b []byte, a memberlist.Address) (time.Time, error) {
	for {
		wait, drop := t.sendVerdict()
		if wait == nil {
			if drop {
				return time.Now(), nil
			}
			return t.inner.WriteToAddress(b, a)
		}
		select {
		case <-wait:
		case <-t.stop:
			return time.Now(), nil
		}
	}
}

// DialTimeout implements memberlist.Transport.
func (t *Transport) DialTimeout(addr string, timeout time.Duration) (net.Conn, error) {
	return t.DialAddressTimeout(memberlist.Address{Addr: addr}, timeout)
}

// DialAddressTimeout implements memberlist.NodeAwareTransport.
func (t *Transport) DialAddressTimeout(a memberlist.Address, timeout time.Duration) (net.Conn, error) {
	deadline := time.Now().Add(timeout)
	for {
		t.mu.Lock()
		frozen, thawed, cut := t.frozen, t.thawed, t.cut
		lost := !cut && !frozen && t.loss > 0 && t.rng.Float64() < t.loss
		if lost {
			t.stats.DialsLost++
		}
		t.mu.Unlock()
		switch {
		case frozen:
			if !t.sleep(time.Until(deadline), thawed) {
				return nil, ErrUnreachable
			}
			continue
		case cut:
			t.sleep(time.Until(deadline), nil)
			return nil, ErrUnreachable
		case lost:
			if time.Until(deadline) <= t.dialSYN {
				t.sleep(time.Until(deadline), nil)
				return nil, ErrUnreachable
			}
			t.sleep(t.dialSYN, nil)
		}
		return t.inner.DialAddressTimeout(a, time.Until(deadline))
	}
}

// sleep waits d, or until wake is closed (true), or the transport stops.
func (t *Transport) sleep(d time.Duration, wake chan struct{}) bool {
	if d <= 0 {
		return false
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-tm.C:
		return false
	case <-wake:
		return true
	case <-t.stop:
		return false
	}
}

// PacketCh implements memberlist.Transport.
func (t *Transport) PacketCh() <-chan *memberlist.Packet { return t.packetCh }

// StreamCh implements memberlist.Transport.
func (t *Transport) StreamCh() <-chan net.Conn { return t.streamCh }

// FinalAdvertiseAddr implements memberlist.Transport.
func (t *Transport) FinalAdvertiseAddr(ip string, port int) (net.IP, int, error) {
	return t.inner.FinalAdvertiseAddr(ip, port)
}

// Shutdown implements memberlist.Transport.
func (t *Transport) Shutdown() error {
	var err error
	t.once.Do(func() {
		close(t.stop)
		t.wg.Wait()
		// The inner transport's listeners may be blocked handing over a
		// packet or a connection: keep taking them until it has stopped.
		drained := make(chan struct{})
		go func() {
			for {
				select {
				case <-t.inner.PacketCh():
				case c := <-t.inner.StreamCh():
					_ = c.Close()
				case <-drained:
					return
				}
			}
		}()
		err = t.inner.Shutdown()
		close(drained)
		t.mu.Lock()
		conns := t.heldIn
		t.heldIn = nil
		t.mu.Unlock()
		for _, c := range conns {
			_ = c.Close()
		}
	})
	return err
}

func (t *Transport) pumpPackets() {
	defer t.wg.Done()
	in := t.inner.PacketCh()
	for {
		var p *memberlist.Packet
		select {
		case p = <-in:
		case <-t.stop:
			return
		}
		t.mu.Lock()
		switch {
		case t.cut:
			t.stats.Dropped++
			p = nil
		case t.frozen:
			t.held = append(t.held, p)
			p = nil
		default:
			t.stats.Received++
		}
		t.mu.Unlock()
		if p == nil {
			continue
		}
		select {
		case t.packetCh <- p:
		case <-t.stop:
			return
		}
	}
}

func (t *Transport) pumpStreams() {
	defer t.wg.Done()
	in := t.inner.StreamCh()
	for {
		var c net.Conn
		select {
		case c = <-in:
		case <-t.stop:
			return
		}
		t.mu.Lock()
		if t.cut || t.frozen {
			t.heldIn = append(t.heldIn, c)
			c = nil
		}
		t.mu.Unlock()
		if c == nil {
			continue
		}
		select {
		case t.streamCh <- c:
		case <-t.stop:
			_ = c.Close()
			return
		}
	}
}

var _ memberlist.NodeAwareTransport = (*Transport)(nil)
