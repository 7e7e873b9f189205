// Package rmcp observes the RMCP+ (IPMI 2.0 lanplus) session setup that
// go-ipmi keeps private, for vigil's two IPMI clients (sensors/ipmi and
// fencing/ipmi).
//
// It owns two things. Cipher suite policy: Algorithms (the authentication,
// integrity and confidentiality algorithms of a suite, ranked by strength
// because RMCP+ numbers them in no useful order), SuiteAlgorithms for the
// standard suites 0-17, and CandidateSuites, the suites to propose
// strongest first: a pinned one alone, or every standard suite at least as
// strong as a floor. And the wire: Observer is a dialer for go-ipmi's
// WithUDPProxy hook that sees every datagram of one client and records the
// algorithms proposed in the Open Session Request and answered in the Open
// Session Response, the status of RAKP 2 and 4 and how many datagrams came
// back. Observer.Check compares the negotiated algorithms with the request
// and the floor; with RefuseDowngrade the observer fails the very read that
// delivers a downgraded Open Session Response, before go-ipmi builds a
// session on it.
//
// Caveats: go-ipmi accepts whatever algorithms a BMC answers with, and
// flattens its connect errors to text, hence this package. Suite 2 crashes
// ipmi_sim; with the default floor (3) it is never proposed unpinned, and
// nothing here treats it specially. OEM or unknown algorithm numbers rank
// below every known one.
package rmcp

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/bougou/go-ipmi/pkg/types"
)

// ErrWeakCipher: the BMC negotiated algorithms weaker than were asked for or
// than the configured minimum (a downgrade go-ipmi would accept), or the
// Open Session exchange could not be observed to rule that out.
var ErrWeakCipher = errors.New("BMC negotiated a cipher weaker than allowed")

// MaxStandardSuite is the highest standard cipher suite ID (IPMI 2.0
// table 22-20 and its errata: 0-17).
const MaxStandardSuite = 17

// Algorithm strength ranks (higher is stronger). RMCP+ algorithm numbers
// are not ordered by strength, so each is ranked explicitly.
var (
	authRank  = map[uint8]int{0x00: 0, 0x02: 1, 0x01: 2, 0x03: 3}          // none, HMAC-MD5, HMAC-SHA1, HMAC-SHA256
	integRank = map[uint8]int{0x00: 0, 0x03: 1, 0x02: 2, 0x01: 3, 0x04: 4} // none, MD5-128, HMAC-MD5-128, HMAC-SHA1-96, HMAC-SHA256-128
	cryptRank = map[uint8]int{0x00: 0, 0x03: 1, 0x02: 2, 0x01: 3}          // none, xRC4-40, xRC4-128, AES-CBC-128
)

// Algorithms is one set of RMCP+ algorithms, as numbered on the wire.
type Algorithms struct {
	Auth, Integrity, Confidentiality uint8
}

// String names the algorithms, e.g. "auth HMAC-SHA1, integrity
// HMAC-SHA1-96, confidentiality AES-CBC-128".
func (a Algorithms) String() string {
	return fmt.Sprintf("auth %s, integrity %s, confidentiality %s",
		types.AuthAlg(a.Auth), types.IntegrityAlg(a.Integrity), types.CryptAlg(a.Confidentiality))
}

func rank(m map[uint8]int, v uint8) int {
	if r, ok := m[v]; ok {
		return r
	}
	return -1 // OEM or unknown: weaker than anything we know
}

// AtLeast reports whether every algorithm of a is at least as strong as
// b's.
func (a Algorithms) AtLeast(b Algorithms) bool {
	return rank(authRank, a.Auth) >= rank(authRank, b.Auth) &&
		rank(integRank, a.Integrity) >= rank(integRank, b.Integrity) &&
		rank(cryptRank, a.Confidentiality) >= rank(cryptRank, b.Confidentiality)
}

// SuiteAlgorithms returns the algorithms of standard cipher suite id; ok is
// false for anything outside 0-17.
func SuiteAlgorithms(id int) (a Algorithms, ok bool) {
	if id < 0 || id > MaxStandardSuite {
		return Algorithms{}, false
	}
	au, in, cr, ok := types.GetCipherSuiteAlgorithms(types.CipherSuiteID(id))
	return Algorithms{uint8(au), uint8(in), uint8(cr)}, ok
}

// suiteOf returns the standard suite whose algorithms are a, or -1.
func suiteOf(a Algorithms) int {
	for id := 0; id <= MaxStandardSuite; id++ {
		if s, ok := SuiteAlgorithms(id); ok && s == a {
			return id
		}
	}
	return -1
}

// CandidateSuites lists the cipher suites to propose, strongest first: the
// pinned one alone (pinned >= 0), or every standard suite at least as strong
// as suite minSuite, ordered by confidentiality, then integrity, then
// authentication.
func CandidateSuites(pinned, minSuite int) ([]int, error) {
	if pinned >= 0 {
		if _, ok := SuiteAlgorithms(pinned); !ok {
			return nil, fmt.Errorf("cipher suite %d is not a standard suite (0-%d)", pinned, MaxStandardSuite)
		}
		return []int{pinned}, nil
	}
	floor, ok := SuiteAlgorithms(minSuite)
	if !ok {
		return nil, fmt.Errorf("minimum cipher suite %d is not a standard suite (0-%d)", minSuite, MaxStandardSuite)
	}
	var out []int
	for id := 0; id <= MaxStandardSuite; id++ {
		if a, ok := SuiteAlgorithms(id); ok && a.AtLeast(floor) {
			out = append(out, id)
		}
	}
	slices.SortStableFunc(out, func(x, y int) int {
		a, _ := SuiteAlgorithms(x)
		b, _ := SuiteAlgorithms(y)
		return cmp.Or(
			cmp.Compare(rank(cryptRank, b.Confidentiality), rank(cryptRank, a.Confidentiality)),
			cmp.Compare(rank(integRank, b.Integrity), rank(integRank, a.Integrity)),
			cmp.Compare(rank(authRank, b.Auth), rank(authRank, a.Auth)),
		)
	})
	return out, nil
}
