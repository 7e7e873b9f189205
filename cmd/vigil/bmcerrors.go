package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/internal/bmc"
)

// bmcExits gives every cause of a BMC failure (internal/bmc) its own exit
// code, the same for sensors, health and fence over IPMI and Redfish, so a
// script can tell "check the cable" from "check the password".
var bmcExits = []struct {
	kind bmc.Kind
	code int
	what string
}{
	{bmc.KindUnreachable, 3, "BMC unreachable (no answer, connection refused, deadline)"},
	{bmc.KindCredentials, 4, "wrong credentials (user name or password refused, account locked)"},
	{bmc.KindPrivilege, 5, "insufficient privilege (the account may not do this)"},
	{bmc.KindCipher, 6, "cipher or TLS refused (no common IPMI cipher suite, a downgrade, an untrusted certificate)"},
	{bmc.KindUnsupported, 7, "not supported by the BMC (e.g. a Redfish ResetType it does not allow)"},
}

// bmcExitHelp is the exit status section of every BMC command's help.
func bmcExitHelp() string {
	var b strings.Builder
	b.WriteString("Exit status: 0 done; 1 failed otherwise (e.g. power not confirmed); 2 usage error;\n")
	for _, x := range bmcExits {
		fmt.Fprintf(&b, "  %d %s\n", x.code, x.what)
	}
	b.WriteString(`With --json a failure also prints {"error": {"kind", "message"}} on stdout,`)
	b.WriteString("\nkind being one of ")
	for i, x := range bmcExits {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(x.kind))
	}
	b.WriteString(", not-confirmed, usage, interrupted, failed.")
	return b.String()
}

// bmcExitCode is the exit code of a classified BMC failure.
func bmcExitCode(err error) (int, bool) {
	k := bmc.KindOf(err)
	for _, x := range bmcExits {
		if x.kind == k {
			return x.code, true
		}
	}
	return 0, false
}

// jsonError is the {"error": ...} object of a failed command with --json.
type jsonError struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
	// Detail is the BMC library's raw error chain, with --verbose only.
	Detail string `json:"detail,omitempty"`
}

// errorKind names what kind of failure err is, for JSON.
func errorKind(err error) string {
	var ue usageError
	switch k := bmc.KindOf(err); {
	case k != "":
		return string(k)
	case errors.Is(err, fencing.ErrNotConfirmed):
		return "not-confirmed"
	case errors.As(err, &ue):
		return "usage"
	case errors.Is(err, context.Canceled):
		return "interrupted"
	}
	return "failed"
}

func newJSONError(err error, verbose bool) *jsonError {
	if err == nil {
		return nil
	}
	je := &jsonError{Kind: errorKind(err), Message: err.Error()}
	var d *detailed
	if errors.As(err, &d) {
		je.Message = d.err.Error()
	}
	if verbose {
		if det := bmc.Detail(err); det != je.Message {
			je.Detail = det
		}
	}
	return je
}

// detailed shows a BMC failure with the library's raw error chain
// (--verbose) while errors.Is and errors.As still see the original.
type detailed struct{ err error }

func (d *detailed) Error() string { return bmc.Detail(d.err) }
func (d *detailed) Unwrap() error { return d.err }

// explain adds what the technician asked for to a failure: the --timeout
// when the deadline ran out, and the raw detail with --verbose.
func (b *bmcFlags) explain(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var ue usageError
	if errors.As(err, &ue) {
		return err
	}
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
		err = fmt.Errorf("%w (--timeout %v)", err, b.timeout)
	}
	if b.verbose {
		return &detailed{err}
	}
	return err
}
