package bmc

import (
	"errors"
	"strings"
)

// The causes of a BMC failure, for sensors and fencing, IPMI and Redfish
// alike. A classified error wraps exactly one of them; match with errors.Is.
var (
	// ErrUnreachable: no answer from the BMC (nothing listens, the network
	// drops the traffic, or it did not answer within the deadline).
	ErrUnreachable = errors.New("BMC unreachable")
	// ErrAuth: the BMC refused the user name or password (or the account is
	// locked). Never retried: retrying a wrong password locks accounts out.
	ErrAuth = errors.New("wrong credentials")
	// ErrPrivilege: the account logged in but may not do this (an IPMI USER
	// account asked to control power, a Redfish ReadOnly role).
	ErrPrivilege = errors.New("insufficient privilege")
	// ErrCipher: the secure channel was refused: no IPMI cipher suite both
	// sides accept, a BMC that negotiated weaker algorithms than allowed, a
	// TLS handshake that failed or a certificate that is not trusted.
	ErrCipher = errors.New("cipher or TLS refused")
	// ErrUnsupported: the BMC does not offer what was asked (a Redfish
	// ResetType outside its AllowableValues, an IPMI command it rejects).
	ErrUnsupported = errors.New("not supported by the BMC")
)

// ErrBackoff marks a request refused without touching the network because
// the BMC failed recently (see Latch).
var ErrBackoff = errors.New("waiting before reconnecting")

// Kind is the machine name of a cause, as `vigil --json` prints it in
// {"error": {"kind": ...}}.
type Kind string

// The kinds, one per cause.
const (
	KindUnreachable Kind = "unreachable"
	KindCredentials Kind = "credentials"
	KindPrivilege   Kind = "privilege"
	KindCipher      Kind = "cipher"
	KindUnsupported Kind = "unsupported"
)

// causes lists the sentinels with their kinds, in the order KindOf checks
// them.
var causes = []struct {
	err  error
	kind Kind
}{
	{ErrAuth, KindCredentials},
	{ErrPrivilege, KindPrivilege},
	{ErrCipher, KindCipher},
	{ErrUnsupported, KindUnsupported},
	{ErrUnreachable, KindUnreachable},
}

// Kinds lists every kind, for documentation and tests.
func Kinds() []Kind {
	out := make([]Kind, len(causes))
	for i, c := range causes {
		out[i] = c.kind
	}
	return out
}

// KindOf returns the cause of err, or "" when err is none of them. When an
// error wraps several (it should not), the one that retrying cannot fix
// wins: credentials, privilege, cipher, unsupported, then unreachable.
func KindOf(err error) Kind {
	if err == nil {
		return ""
	}
	for _, c := range causes {
		if errors.Is(err, c.err) {
			return c.kind
		}
	}
	return ""
}

// Error is one classified failure: the cause, what happened in words a
// technician can act on, and the client library's own error for logs.
// Error() shows the cause and Msg only; Raw is reached through Detail or
// errors.Is/As (so context.DeadlineExceeded still matches).
type Error struct {
	Cause error  // one of the sentinels above
	Msg   string // what happened and what to check; never a secret
	Raw   error  // the library's error chain; may be nil
}

// Errorf returns a classified error. raw is kept for Detail only.
func Errorf(cause error, raw error, msg string) *Error {
	return &Error{Cause: cause, Msg: msg, Raw: raw}
}

func (e *Error) Error() string {
	if e.Msg == "" {
		return e.Cause.Error()
	}
	return e.Cause.Error() + ": " + e.Msg
}

// Unwrap returns the cause and the raw error.
func (e *Error) Unwrap() []error {
	if e.Raw == nil {
		return []error{e.Cause}
	}
	return []error{e.Cause, e.Raw}
}

// Classified reports whether err already carries a cause, so a second
// classification leaves it alone.
func Classified(err error) bool { return KindOf(err) != "" }

// Detail is err's text followed by the raw library errors of every
// classified error in it: what a log should keep, and what a technician
// sees only when asking for it (`--verbose`).
func Detail(err error) string {
	if err == nil {
		return ""
	}
	rs := raws(err)
	if len(rs) == 0 {
		return err.Error()
	}
	return err.Error() + " [detail: " + strings.Join(rs, "; ") + "]"
}

// raws collects the raw errors of the classified errors in err, depth
// first; below a scrubbed error, its scrubbed copies.
func raws(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		switch u := e.(type) {
		case nil:
			return
		case *scrubbed:
			out = append(out, u.raws...)
			return
		case *Error:
			if u.Raw != nil {
				out = append(out, u.Raw.Error())
			}
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return out
}

// Tag returns err with its own text that errors.Is also matches to tag
// (a reader's sensors.ErrSourceDown), so the message stays in the shared
// words. A nil err stays nil.
func Tag(err, tag error) error {
	if err == nil {
		return nil
	}
	return &tagged{err: err, tag: tag}
}

type tagged struct{ err, tag error }

func (t *tagged) Error() string   { return t.err.Error() }
func (t *tagged) Unwrap() []error { return []error{t.err, t.tag} }
