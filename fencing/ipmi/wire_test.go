package ipmi

import (
	"errors"
	"slices"
	"testing"
)

func datagram(payloadType byte, p []byte) []byte {
	b := []byte{0x06, 0x00, 0xff, 0x07, 0x06, payloadType, 0, 0, 0, 0, 0, 0, 0, 0, byte(len(p)), byte(len(p) >> 8)}
	return append(b, p...)
}

func openReq(a algs) []byte {
	p := make([]byte, 32)
	p[8], p[12] = 0x00, a.auth
	p[16], p[20] = 0x01, a.integ
	p[24], p[28] = 0x02, a.crypt
	return datagram(payloadOpenSessionRequest, p)
}

func openResp(status byte, a algs) []byte {
	p := make([]byte, 36)
	p[1] = status
	p[16], p[24], p[32] = a.auth, a.integ, a.crypt
	return datagram(payloadOpenSessionResponse, p)
}

func rakp(pt, status byte) []byte { return datagram(pt, []byte{0, status, 0, 0}) }

var (
	suite3  = algs{0x01, 0x01, 0x01} // HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128
	suite17 = algs{0x03, 0x04, 0x01} // HMAC-SHA256, HMAC-SHA256-128, AES
	suite1  = algs{0x01, 0x00, 0x00} // HMAC-SHA1, none, none
)

func TestWireCheck(t *testing.T) {
	for _, tc := range []struct {
		name      string
		packets   [][]byte
		pinned    int
		wantSuite int
		weak      bool
	}{
		{"suite 3 agreed", [][]byte{openReq(suite3), openResp(0, suite3)}, -1, 3, false},
		{"17 refused then 3", [][]byte{openReq(suite17), openResp(0x11, algs{}), openReq(suite3), openResp(0, suite3)}, -1, 3, false},
		{"downgraded to no integrity", [][]byte{openReq(suite3), openResp(0, suite1)}, -1, -1, true},
		{"pinned 17 answered with 3", [][]byte{openReq(suite17), openResp(0, suite3)}, 17, -1, true},
		{"nothing observed", nil, -1, -1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := &wire{}
			for _, p := range tc.packets {
				w.observe(p, p[5] == payloadOpenSessionRequest)
			}
			got, err := w.check(tc.pinned, 3)
			if tc.weak != errors.Is(err, ErrWeakCipher) || (!tc.weak && got != tc.wantSuite) {
				t.Fatalf("check = %d, %v; want suite %d, weak %v", got, err, tc.wantSuite, tc.weak)
			}
		})
	}
}

func TestWireRAKPStatus(t *testing.T) {
	w := &wire{}
	w.observe(openReq(suite3), true)
	w.observe(openResp(0, suite3), false)
	w.observe(rakp(payloadRAKP2, 0x09), false)
	if w.rakpStatus != 0x09 || w.inbound != 2 {
		t.Fatalf("rakpStatus %#x inbound %d, want 0x09 and 2", w.rakpStatus, w.inbound)
	}
	w.observe(openReq(suite3), true) // a new attempt forgets the old status
	if w.rakpStatus != 0 {
		t.Fatalf("status kept across attempts: %#x", w.rakpStatus)
	}
}

func TestCandidateSuites(t *testing.T) {
	got, err := candidateSuites(-1, 3)
	if err != nil || !slices.Equal(got, []int{17, 3}) {
		t.Fatalf("candidateSuites(auto, min 3) = %v, %v; want [17 3]", got, err)
	}
	if got, _ := candidateSuites(-1, 0); slices.Contains(got, 2) {
		t.Fatalf("suite 2 offered unpinned: %v (it crashes ipmi_sim)", got)
	}
	if got, err := candidateSuites(2, 3); err != nil || !slices.Equal(got, []int{2}) {
		t.Fatalf("pinned 2 = %v, %v", got, err)
	}
	if _, err := candidateSuites(18, 3); err == nil {
		t.Fatal("suite 18 accepted")
	}
}

// FuzzWireObserve: datagrams come from the network; observing any bytes
// must not panic.
func FuzzWireObserve(f *testing.F) {
	f.Add(openReq(suite3), true)
	f.Add(openResp(0, suite3), false)
	f.Add(rakp(payloadRAKP2, 0x0d), false)
	f.Add([]byte{0x06, 0x00, 0xff, 0x07, 0x06}, false)
	f.Add([]byte{}, true)
	f.Fuzz(func(t *testing.T, b []byte, out bool) {
		w := &wire{}
		w.observe(b, out)
		w.check(-1, 3)
	})
}
