package bmc

import (
	"fmt"
	"log/slog"
	"strings"
)

// Redacted is the face a config holding a BMC password shows to the world:
// which BMC, which account, whether a password is set, and settings worth
// seeing, never the password itself. Every config type with a secret
// (sensors/ipmi, sensors/redfish, fencing/ipmi, fencing/redfish) builds one
// and forwards String, GoString, Format and LogValue to it, so %v, %+v,
// %#v, %s, %q, %x, %d and slog's text and JSON handlers all print the same
// safe line. Their Password fields are also tagged `json:"-"`.
type Redacted struct {
	Driver      string // "ipmi" or "redfish"
	Target      string // "10.0.0.9:623", "https://10.0.0.9"
	User        string
	HasPassword bool
	// Attrs are further settings to show (cipher suite, system). Never put
	// a secret here.
	Attrs []slog.Attr
}

// String is e.g. `ipmi 10.0.0.9:623 user "admin" password=set cipher_suite=auto`.
func (r Redacted) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s user %q password=%s", r.Driver, r.Target, r.User, r.password())
	for _, a := range r.Attrs {
		fmt.Fprintf(&b, " %s=%s", a.Key, a.Value.String())
	}
	return b.String()
}

func (r Redacted) password() string {
	if r.HasPassword {
		return "set"
	}
	return "none"
}

// GoString is String: %#v must not dump the fields.
func (r Redacted) GoString() string { return r.String() }

// Format prints String for every verb and flag, so no verb (%d, %x, %#v)
// falls through to the struct's fields.
func (r Redacted) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue is a group of the same fields.
func (r Redacted) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("driver", r.Driver), slog.String("target", r.Target),
		slog.String("user", r.User), slog.String("password", r.password())}
	return slog.GroupValue(append(attrs, r.Attrs...)...)
}

// Scrub returns err with every occurrence of the secrets in its text, and
// in the raw library errors Detail would show, replaced by "<redacted>".
// errors.Is and errors.As still see the original chain. Empty secrets are
// ignored; an error that contains none is returned as is.
func Scrub(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	leaks := false
	for _, s := range secrets {
		if s != "" && strings.Contains(Detail(err), s) {
			leaks = true
		}
	}
	if !leaks {
		return err
	}
	replace := func(t string) string {
		for _, s := range secrets {
			if s != "" {
				t = strings.ReplaceAll(t, s, "<redacted>")
			}
		}
		return t
	}
	sc := &scrubbed{err: err, text: replace(err.Error())}
	for _, r := range raws(err) {
		sc.raws = append(sc.raws, replace(r))
	}
	return sc
}

// scrubbed is an error whose text (and raw detail) had secrets removed.
type scrubbed struct {
	err  error
	text string
	raws []string
}

func (s *scrubbed) Error() string { return s.text }
func (s *scrubbed) Unwrap() error { return s.err }
