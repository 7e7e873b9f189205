package bmc

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
)

// Transport classifies an error of the network under a BMC protocol (dial,
// datagram or stream I/O, TLS): certificate and handshake failures are
// ErrCipher, timeouts, refused connections, unreachable hosts and dropped
// connections ErrUnreachable. It returns err unchanged when it is already
// classified, when ctx was cancelled (an interrupt is not a BMC failure), or
// when it is none of these.
func Transport(ctx context.Context, err error) error {
	if err == nil || Classified(err) {
		return err
	}
	if errors.Is(err, context.Canceled) || (ctx != nil && errors.Is(ctx.Err(), context.Canceled)) {
		return err
	}
	if e := tlsCause(err); e != nil {
		return e
	}
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout(),
		ctx != nil && ctx.Err() != nil:
		return Errorf(ErrUnreachable, err, "no answer within the deadline")
	case errors.Is(err, syscall.ECONNREFUSED):
		return Errorf(ErrUnreachable, err, "connection refused: nothing listens at that address and port")
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTDOWN):
		return Errorf(ErrUnreachable, err, "no route to the BMC's address")
	case errors.As(err, &dns):
		return Errorf(ErrUnreachable, err, fmt.Sprintf("cannot resolve %q", dns.Name))
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return Errorf(ErrUnreachable, err, "the BMC closed the connection")
	}
	var op *net.OpError
	if errors.As(err, &op) {
		return Errorf(ErrUnreachable, err, "network error: "+op.Err.Error())
	}
	return err
}

// tlsCause classifies certificate and handshake failures, nil otherwise.
func tlsCause(err error) error {
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	var cv *tls.CertificateVerificationError
	var ae tls.AlertError
	var rh tls.RecordHeaderError
	const trust = "give its CA (SSL_CERT_FILE), or use --insecure on an isolated lab network only"
	switch {
	case errors.As(err, &ua):
		return Errorf(ErrCipher, err, "the BMC's TLS certificate is not signed by a trusted authority (self-signed?): "+trust)
	case errors.As(err, &he):
		return Errorf(ErrCipher, err, fmt.Sprintf("the BMC's TLS certificate is not valid for %q: use the name or address it was issued for", he.Host))
	case errors.As(err, &ci):
		return Errorf(ErrCipher, err, "the BMC's TLS certificate is invalid ("+ci.Error()+")")
	case errors.As(err, &cv):
		return Errorf(ErrCipher, err, "the BMC's TLS certificate could not be verified: "+trust)
	case errors.As(err, &ae):
		return Errorf(ErrCipher, err, "the BMC refused the TLS handshake ("+ae.Error()+"): it may need an older TLS version or other ciphers")
	case errors.As(err, &rh), strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		return Errorf(ErrCipher, err, "the BMC does not speak TLS on this port (plain HTTP on an https:// URL?)")
	case strings.Contains(err.Error(), "tls: "):
		return Errorf(ErrCipher, err, "TLS handshake failed")
	}
	return nil
}

// HTTPStatus classifies a Redfish error answer: 401 ErrAuth, 403
// ErrPrivilege, 400, 405 and 501 ErrUnsupported. brief is the service's own
// message (a Redfish error's first message), shown to the technician. It
// returns nil for any other status.
func HTTPStatus(code int, brief string, raw error) error {
	if brief == "" {
		brief = http.StatusText(code)
	}
	switch code {
	case http.StatusUnauthorized:
		return Errorf(ErrAuth, raw, "the BMC answered 401: wrong user name or password, or the account is locked")
	case http.StatusForbidden:
		return Errorf(ErrPrivilege, raw, "the BMC answered 403, this account's role may not do this: "+brief)
	case http.StatusBadRequest, http.StatusMethodNotAllowed, http.StatusNotImplemented:
		return Errorf(ErrUnsupported, raw, fmt.Sprintf("the BMC answered %d: %s", code, brief))
	}
	return nil
}

// RAKPStatus classifies the status of an RMCP+ RAKP 2 or RAKP 4 message
// (IPMI 2.0 table 13-15) for a session asked at privilege role ("USER",
// "OPERATOR"); hint, when not empty, is appended to a privilege refusal
// (what the caller's job needs). Status 0 is no error (nil); statuses that
// are none of the five causes give an unclassified error naming them.
func RAKPStatus(status uint8, role, hint string) error {
	if status == 0 {
		return nil
	}
	name := rmcpStatusName(status)
	switch status {
	case 0x09, 0x0a:
		msg := fmt.Sprintf("the BMC refused a session at %s privilege for this account (RAKP status %#02x, %s)", role, status, name)
		if hint != "" {
			msg += "; " + hint
		}
		return Errorf(ErrPrivilege, nil, msg)
	case 0x0c, 0x0d:
		return Errorf(ErrAuth, nil, fmt.Sprintf("the BMC refused the user name (RAKP status %#02x, %s): check it, and whether the account is enabled or locked", status, name))
	case 0x0f:
		return Errorf(ErrAuth, nil, fmt.Sprintf("the BMC refused the password (RAKP status %#02x, %s)", status, name))
	}
	return fmt.Errorf("session setup refused by the BMC (RAKP status %#02x, %s)", status, name)
}

// OpenSessionStatus classifies the status of an RMCP+ Open Session
// Response: algorithm refusals are ErrCipher, a refused role ErrPrivilege.
// Status 0 is nil; others give an unclassified error naming them.
func OpenSessionStatus(status uint8, proposed string) error {
	if status == 0 {
		return nil
	}
	name := rmcpStatusName(status)
	switch status {
	case 0x04, 0x05, 0x06, 0x07, 0x10, 0x11:
		return Errorf(ErrCipher, nil, fmt.Sprintf("the BMC accepts none of the cipher suites offered (%s; Open Session status %#02x, %s): "+
			"check which suites it enables, and --cipher-suite", proposed, status, name))
	case 0x09, 0x0a:
		return Errorf(ErrPrivilege, nil, fmt.Sprintf("the BMC refused the requested privilege (Open Session status %#02x, %s)", status, name))
	}
	return fmt.Errorf("session setup refused by the BMC (Open Session status %#02x, %s)", status, name)
}

// rmcpStatusName names an RMCP+ status code (IPMI 2.0 table 13-15).
func rmcpStatusName(s uint8) string {
	names := map[uint8]string{
		0x01: "insufficient resources to create a session",
		0x02: "invalid session ID",
		0x03: "invalid payload type",
		0x04: "invalid authentication algorithm",
		0x05: "invalid integrity algorithm",
		0x06: "no matching authentication payload",
		0x07: "no matching integrity payload",
		0x08: "inactive session ID",
		0x09: "invalid role",
		0x0a: "unauthorized role or privilege level requested",
		0x0b: "insufficient resources to create a session at the requested role",
		0x0c: "invalid name length",
		0x0d: "unauthorized name",
		0x0e: "unauthorized GUID",
		0x0f: "invalid integrity check value",
		0x10: "invalid confidentiality algorithm",
		0x11: "no cipher suite match with proposed security algorithms",
		0x12: "illegal or unrecognized parameter",
	}
	if n, ok := names[s]; ok {
		return n
	}
	return "unknown status"
}

// CompletionCode classifies an IPMI completion code answered to command
// what ("chassis power off"): 0xd4 (insufficient privilege) is
// ErrPrivilege, 0xc1 (invalid command) and 0xd5 (not supported in present
// state) ErrUnsupported; hint is appended to a privilege refusal. It
// returns nil for any other code.
func CompletionCode(cc uint8, what, hint string, raw error) error {
	switch cc {
	case 0xd4:
		msg := fmt.Sprintf("the BMC refused %s for this account (completion code 0xd4)", what)
		if hint != "" {
			msg += "; " + hint
		}
		return Errorf(ErrPrivilege, raw, msg)
	case 0xc1:
		return Errorf(ErrUnsupported, raw, fmt.Sprintf("the BMC does not support %s (completion code 0xc1, invalid command)", what))
	case 0xd5:
		return Errorf(ErrUnsupported, raw, fmt.Sprintf("the BMC does not support %s in its present state (completion code 0xd5)", what))
	}
	return nil
}
