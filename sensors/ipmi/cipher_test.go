package ipmi

import (
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
)

func TestCandidateSuites(t *testing.T) {
	for _, tc := range []struct {
		name          string
		pinned, floor int
		want          []int
	}{
		{"default floor 3", -1, 3, []int{17, 3}},
		{"pinned 3", 3, 3, []int{3}},
		{"pinned 17", 17, 3, []int{17}},
		{"floor 17", -1, 17, []int{17}},
	} {
		got, err := candidateSuites(tc.pinned, tc.floor)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s: candidateSuites(%d, %d) = %v, %v, want %v", tc.name, tc.pinned, tc.floor, got, err, tc.want)
		}
	}
	if _, err := candidateSuites(18, 3); err == nil {
		t.Errorf("candidateSuites(18, 3) accepted a non-standard suite")
	}
}

// openSession builds an RMCP+ Open Session Request (outbound) or Response
// datagram carrying the given algorithms.
func openSession(outbound bool, a algs, status byte) []byte {
	hdr := []byte{0x06, 0x00, 0xff, 0x07, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	var p []byte
	if outbound {
		hdr[5] = payloadOpenSessionRequest
		p = []byte{0, 0, 0, 0, 0xa3, 0xa2, 0xa1, 0xa0}
	} else {
		hdr[5] = payloadOpenSessionResponse
		p = []byte{0, status, 4, 0, 0xa3, 0xa2, 0xa1, 0xa0, 1, 2, 3, 4}
	}
	p = append(p, 0, 0, 0, 8, a.auth, 0, 0, 0, 1, 0, 0, 8, a.integ, 0, 0, 0, 2, 0, 0, 8, a.crypt, 0, 0, 0)
	hdr[14] = byte(len(p))
	return append(hdr, p...)
}

func TestNegotiationCheck(t *testing.T) {
	s3, _ := suiteAlgs(3)
	s17, _ := suiteAlgs(17)
	s1, _ := suiteAlgs(1)
	for _, tc := range []struct {
		name          string
		req, ans      algs
		pinned, floor int
		wantSuite     int
		wantErr       bool
	}{
		{"suite 3 as asked", s3, s3, 3, 3, 3, false},
		{"suite 17 as asked", s17, s17, -1, 3, 17, false},
		{"downgrade of integrity and crypt", s3, s1, 3, 3, -1, true},
		{"auth downgraded to MD5", s3, algs{0x02, 0x01, 0x01}, -1, 3, -1, true},
		{"17 asked, 3 answered is below the request", s17, s3, -1, 3, -1, true},
	} {
		n := &negotiation{}
		n.observe(openSession(true, tc.req, 0), true)
		n.observe(openSession(false, tc.ans, 0), false)
		suite, err := n.check(tc.pinned, tc.floor)
		if (err != nil) != tc.wantErr || (err == nil && suite != tc.wantSuite) {
			t.Errorf("%s: check = %d, %v; want suite %d, error %v", tc.name, suite, err, tc.wantSuite, tc.wantErr)
		}
		if err != nil && !errors.Is(err, ErrWeakCipher) {
			t.Errorf("%s: error %v does not wrap ErrWeakCipher", tc.name, err)
		}
	}
	// An error response (status != 0) is not a negotiation.
	n := &negotiation{}
	n.observe(openSession(true, s3, 0), true)
	n.observe(openSession(false, s1, 0x11), false)
	if _, err := n.check(3, 3); err == nil {
		t.Errorf("check after an error response = nil, want an error")
	}
}

func TestConfigNeverPrintsPassword(t *testing.T) {
	c := Config{Host: "10.0.0.9", User: "admin", Password: "hunter2-secret", CipherSuite: 3}
	var b strings.Builder
	l := slog.New(slog.NewTextHandler(&b, nil))
	l.Info("config", "cfg", c)
	fmt.Fprintf(&b, "%v %+v %s %#v", c, c, c, c)
	if strings.Contains(b.String(), "hunter2") {
		t.Errorf("password printed: %s", b.String())
	}
}
