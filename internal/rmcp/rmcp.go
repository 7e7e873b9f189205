// Package rmcp is the IPMI half of vigil's BMC plumbing: what go-ipmi keeps
// private of the RMCP+ (IPMI 2.0 lanplus) session setup, for vigil's two
// IPMI clients (sensors/ipmi and fencing/ipmi).
//
// It owns three things. Cipher suite policy: Policy (a pinned suite or
// auto, the floor, and AllowWeak), whose zero value is auto with floor 3
// (HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128), never suite 0; a pinned suite or a
// floor below 3 is refused unless AllowWeak says so, and suite 0 (no
// authentication at all: any password opens it) always. Algorithms ranks
// the authentication, integrity and confidentiality algorithms of a suite by
// strength, because RMCP+ numbers them in no useful order;
// Policy.Candidates lists the suites to propose, strongest first. The wire:
// Observer is a dialer for go-ipmi's WithUDPProxy hook that sees every
// datagram of one client and records the algorithms proposed in the Open
// Session Request and answered in the Open Session Response, the status of a
// refused Open Session and of RAKP 2 and 4, and how many datagrams came
// back. Observer.Check compares the negotiated algorithms with the request
// and the floor; with RefuseDowngrade the observer fails the very read that
// delivers a downgraded Open Session Response, before go-ipmi builds a
// session on it. And the vocabulary: Connect and Classify map what the BMC
// said on the wire (and go-ipmi's errors) to internal/bmc's causes, and
// CheckCredentials refuses a user name or password IPMI cannot carry
// before anything is sent.
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

	"github.com/vigil-ha/vigil/internal/bmc"
)

// ErrWeakCipher: the BMC negotiated algorithms weaker than were asked for or
// than the configured minimum (a downgrade go-ipmi would accept), or the
// Open Session exchange could not be observed to rule that out. It wraps
// bmc.ErrCipher.
var ErrWeakCipher = fmt.Errorf("%w: the BMC negotiated a cipher weaker than allowed", bmc.ErrCipher)

// ErrWeakPolicy: a configuration asked for a cipher suite (or floor) below
// DefaultMinSuite without AllowWeak, or for suite 0. It is a configuration
// error, refused before anything is sent.
var ErrWeakPolicy = errors.New("weak IPMI cipher suite refused")

// ErrSuiteZero says why suite 0 can never be chosen (a zero Policy.Suite
// means auto, so no Policy asks for it; a command line that does is refused
// with this error).
var ErrSuiteZero = fmt.Errorf("%w: cipher suite 0 has no authentication, integrity or confidentiality: "+
	"any password opens a session and anyone on the BMC's network could forge its answers, a \"power off\" confirmation included", ErrWeakPolicy)

// DefaultMinSuite is the weakest suite used unless a Policy allows weaker:
// 3 (HMAC-SHA1 authentication, HMAC-SHA1-96 integrity, AES-CBC-128
// confidentiality), the weakest one that authenticates, protects the
// integrity of and encrypts every message.
const DefaultMinSuite = 3

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

// Policy is an IPMI client's cipher suite setting, as sensors/ipmi.Config
// and fencing/ipmi.Config carry it. The zero value is auto with the default
// floor.
type Policy struct {
	// Suite pins one standard suite (1-17). Zero or negative means auto:
	// every standard suite at least as strong as Min, strongest first.
	Suite int
	// Min is the floor in auto mode; zero means DefaultMinSuite (3).
	Min int
	// AllowWeak permits a pinned Suite or a Min below 3 (suites 1 and 2:
	// no confidentiality, or no integrity either): only for an old BMC on
	// an isolated network, since anyone on that network can then read or
	// forge its answers, a "power off" confirmation included. Suite 0
	// (no authentication) is never allowed.
	AllowWeak bool
}

// Pinned returns the pinned suite, or -1 in auto mode.
func (p Policy) Pinned() int {
	if p.Suite <= 0 {
		return -1
	}
	return p.Suite
}

// Floor is the weakest suite the session may end up with: the pinned suite,
// or Min (DefaultMinSuite when zero).
func (p Policy) Floor() int {
	if p.Suite > 0 {
		return p.Suite
	}
	if p.Min <= 0 {
		return DefaultMinSuite
	}
	return p.Min
}

// String is "auto (at least suite 3)" or "suite 17".
func (p Policy) String() string {
	if p.Pinned() >= 0 {
		return fmt.Sprintf("suite %d", p.Suite)
	}
	return fmt.Sprintf("auto (at least suite %d)", p.Floor())
}

// Validate refuses a non-standard suite, suite 0, and a suite or floor
// below DefaultMinSuite unless AllowWeak. Errors wrap ErrWeakPolicy and say
// why.
func (p Policy) Validate() error {
	if p.Suite > MaxStandardSuite {
		return fmt.Errorf("cipher suite %d is not a standard suite (1-%d)", p.Suite, MaxStandardSuite)
	}
	if p.Suite <= 0 && (p.Min < 0 || p.Min > MaxStandardSuite) {
		return fmt.Errorf("minimum cipher suite %d is not a standard suite (1-%d)", p.Min, MaxStandardSuite)
	}
	floor := p.Floor()
	if floor < DefaultMinSuite && !p.AllowWeak {
		a, _ := SuiteAlgorithms(floor)
		return fmt.Errorf("%w: cipher suite %d (%s) leaves the session readable or forgeable by anyone on the BMC's network; "+
			"use %d or stronger, or allow weak ciphers explicitly for an old BMC on an isolated network", ErrWeakPolicy, floor, a, DefaultMinSuite)
	}
	return nil
}

// Candidates lists the cipher suites to propose, strongest first: the
// pinned one alone, or every standard suite at least as strong as the
// floor, ordered by confidentiality, then integrity, then authentication.
// It fails as Validate does.
func (p Policy) Candidates() ([]int, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if p.Pinned() >= 0 {
		return []int{p.Suite}, nil
	}
	floor, _ := SuiteAlgorithms(p.Floor())
	var out []int
	for id := 1; id <= MaxStandardSuite; id++ {
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
