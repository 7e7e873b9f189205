package rmcp

import (
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

// datagram frames an RMCP+ payload (session ID and sequence 0).
func datagram(payloadType byte, p []byte) []byte {
	b := []byte{0x06, 0x00, 0xff, 0x07, 0x06, payloadType, 0, 0, 0, 0, 0, 0, 0, 0, byte(len(p)), byte(len(p) >> 8)}
	return append(b, p...)
}

// algPayloads are the three 8-byte algorithm payloads of an Open Session
// message: type, reserved (2), length 8, algorithm, reserved (3).
func algPayloads(a Algorithms) []byte {
	return []byte{0, 0, 0, 8, a.Auth, 0, 0, 0, 1, 0, 0, 8, a.Integrity, 0, 0, 0, 2, 0, 0, 8, a.Confidentiality, 0, 0, 0}
}

// openReq is an Open Session Request (tag, privilege, reserved, console
// session ID) proposing a.
func openReq(a Algorithms) []byte {
	return datagram(payloadOpenSessionRequest, append([]byte{0, 4, 0, 0, 0xa3, 0xa2, 0xa1, 0xa0}, algPayloads(a)...))
}

// openResp is an Open Session Response with status (tag, status, privilege,
// reserved, console and BMC session IDs) answering a.
func openResp(status byte, a Algorithms) []byte {
	return datagram(payloadOpenSessionResponse, append([]byte{0, status, 4, 0, 0xa3, 0xa2, 0xa1, 0xa0, 1, 2, 3, 4}, algPayloads(a)...))
}

func rakp(pt, status byte) []byte { return datagram(pt, []byte{0, status, 0, 0}) }

var (
	suite3  = Algorithms{0x01, 0x01, 0x01} // HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128
	suite17 = Algorithms{0x03, 0x04, 0x01} // HMAC-SHA256, HMAC-SHA256-128, AES-CBC-128
	suite1  = Algorithms{0x01, 0x00, 0x00} // HMAC-SHA1, none, none
)

func TestCheck(t *testing.T) {
	if s, _ := SuiteAlgorithms(3); s != suite3 {
		t.Fatalf("suite 3 = %v, want %v", s, suite3)
	}
	if s, _ := SuiteAlgorithms(17); s != suite17 {
		t.Fatalf("suite 17 = %v, want %v", s, suite17)
	}
	if s, _ := SuiteAlgorithms(1); s != suite1 {
		t.Fatalf("suite 1 = %v, want %v", s, suite1)
	}
	for _, tc := range []struct {
		name      string
		packets   [][]byte
		policy    Policy
		wantSuite int
		weak      bool
	}{
		{"suite 3 as asked", [][]byte{openReq(suite3), openResp(0, suite3)}, Policy{Suite: 3}, 3, false},
		{"suite 3 agreed unpinned", [][]byte{openReq(suite3), openResp(0, suite3)}, Policy{}, 3, false},
		{"suite 17 as asked", [][]byte{openReq(suite17), openResp(0, suite17)}, Policy{}, 17, false},
		{"17 refused then 3", [][]byte{openReq(suite17), openResp(0x11, Algorithms{}), openReq(suite3), openResp(0, suite3)}, Policy{}, 3, false},
		{"downgrade of integrity and crypt", [][]byte{openReq(suite3), openResp(0, suite1)}, Policy{Suite: 3}, -1, true},
		{"downgraded to no integrity", [][]byte{openReq(suite3), openResp(0, suite1)}, Policy{}, -1, true},
		{"auth downgraded to MD5", [][]byte{openReq(suite3), openResp(0, Algorithms{0x02, 0x01, 0x01})}, Policy{}, -1, true},
		{"17 asked, 3 answered is below the request", [][]byte{openReq(suite17), openResp(0, suite3)}, Policy{}, -1, true},
		{"pinned 17 answered with 3", [][]byte{openReq(suite17), openResp(0, suite3)}, Policy{Suite: 17}, -1, true},
		// An error response (status != 0) is not a negotiation.
		{"error response only", [][]byte{openReq(suite3), openResp(0x11, suite1)}, Policy{Suite: 3}, -1, true},
		{"nothing observed", nil, Policy{}, -1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := NewObserver()
			for _, p := range tc.packets {
				o.observe(p, p[5] == payloadOpenSessionRequest)
			}
			got, err := o.Check(tc.policy)
			if (err != nil) != tc.weak || (err == nil && got != tc.wantSuite) {
				t.Fatalf("Check = %d, %v; want suite %d, error %v", got, err, tc.wantSuite, tc.weak)
			}
			if err != nil && !errors.Is(err, ErrWeakCipher) {
				t.Fatalf("error %v does not wrap ErrWeakCipher", err)
			}
		})
	}
}

func TestRAKPStatus(t *testing.T) {
	o := NewObserver()
	o.observe(openReq(suite3), true)
	o.observe(openResp(0, suite3), false)
	o.observe(rakp(payloadRAKP2, 0x09), false)
	if o.RAKPStatus() != 0x09 || o.Inbound() != 2 {
		t.Fatalf("RAKPStatus %#x Inbound %d, want 0x09 and 2", o.RAKPStatus(), o.Inbound())
	}
	o.observe(rakp(payloadRAKP4, 0), false) // a success status does not hide the failure
	if o.RAKPStatus() != 0x09 || o.Inbound() != 3 {
		t.Fatalf("after RAKP 4 status 0: RAKPStatus %#x Inbound %d, want 0x09 and 3", o.RAKPStatus(), o.Inbound())
	}
	o.observe(openReq(suite3), true) // a new attempt forgets the old status
	if o.RAKPStatus() != 0 {
		t.Fatalf("status kept across attempts: %#x", o.RAKPStatus())
	}
	o.observe([]byte("not rmcp"), false) // anything inbound counts
	if o.Inbound() != 4 {
		t.Fatalf("Inbound %d after a stray datagram, want 4", o.Inbound())
	}
}

func TestOpenSessionStatus(t *testing.T) {
	o := NewObserver()
	o.observe(openReq(suite17), true)
	o.observe(openResp(0x11, Algorithms{}), false)
	if o.OpenSessionStatus() != 0x11 || o.Answered() {
		t.Fatalf("after a refused Open Session: status %#x answered %v; want 0x11, false", o.OpenSessionStatus(), o.Answered())
	}
	o.observe(openReq(suite3), true) // the next suite: a new attempt
	if o.OpenSessionStatus() != 0 {
		t.Fatalf("status kept across attempts: %#x", o.OpenSessionStatus())
	}
	o.observe(openResp(0, suite3), false)
	if o.OpenSessionStatus() != 0 || !o.Answered() {
		t.Fatalf("after an accepted Open Session: status %#x answered %v", o.OpenSessionStatus(), o.Answered())
	}
}

// fakeBMC answers every datagram it receives with the next of replies.
func fakeBMC(t *testing.T, replies ...[]byte) string {
	t.Helper()
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	go func() {
		buf := make([]byte, 512)
		for _, r := range replies {
			_, from, err := c.ReadFromUDP(buf)
			if err != nil {
				return
			}
			c.WriteToUDP(r, from)
		}
	}()
	return c.LocalAddr().String()
}

// exchange sends req through conn and reads the answer.
func exchange(t *testing.T, c net.Conn, req []byte) (int, error) {
	t.Helper()
	if _, err := c.Write(req); err != nil {
		t.Fatal(err)
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	return c.Read(make([]byte, 512))
}

func TestRefuseDowngrade(t *testing.T) {
	addr := fakeBMC(t, openResp(0, suite1), openResp(0, suite3))
	o := NewObserver(RefuseDowngrade(Policy{Suite: 3}))
	c, err := o.Dial("udp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	n, err := exchange(t, c, openReq(suite3))
	if n != 0 || !errors.Is(err, ErrWeakCipher) || !strings.Contains(err.Error(), "confidentiality") {
		t.Fatalf("downgraded Open Session Response read = %d, %v; want 0 and ErrWeakCipher naming the algorithms", n, err)
	}
	if !o.Answered() || o.Inbound() != 1 {
		t.Fatalf("Answered %v Inbound %d after the refusal, want true and 1", o.Answered(), o.Inbound())
	}
	want := openResp(0, suite3)
	if n, err := exchange(t, c, openReq(suite3)); n != len(want) || err != nil {
		t.Fatalf("matching Open Session Response read = %d, %v; want %d bytes", n, err, len(want))
	}
	if suite, err := o.Check(Policy{Suite: 3}); suite != 3 || err != nil {
		t.Fatalf("Check = %d, %v; want 3", suite, err)
	}
}

func TestObserverWithoutRefusalOnlyRecords(t *testing.T) {
	resp := openResp(0, suite1)
	addr := fakeBMC(t, resp)
	o := NewObserver()
	c, err := o.Dial("udp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if n, err := exchange(t, c, openReq(suite3)); n != len(resp) || err != nil {
		t.Fatalf("read = %d, %v; want the %d bytes passed through", n, err, len(resp))
	}
	if _, err := o.Check(Policy{}); !errors.Is(err, ErrWeakCipher) {
		t.Fatalf("Check after a downgrade = %v, want ErrWeakCipher", err)
	}
}

// FuzzObserve: datagrams come from the network; observing any bytes must
// not panic.
func FuzzObserve(f *testing.F) {
	f.Add(openReq(suite3), true)
	f.Add(openResp(0, suite3), false)
	f.Add(openResp(0, suite1), false)
	f.Add(openResp(0x11, suite1), false)
	f.Add(rakp(payloadRAKP2, 0x0d), false)
	f.Add([]byte{0x06, 0x00, 0xff, 0x07, 0x06}, false)
	f.Add([]byte{}, true)
	f.Fuzz(func(t *testing.T, b []byte, out bool) {
		o := NewObserver(RefuseDowngrade(Policy{}))
		o.observe(openReq(suite3), true)
		o.observe(b, out)
		_, _ = o.Check(Policy{})
		_ = o.RAKPStatus()
	})
}
