package rmcp

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/bougou/go-ipmi/pkg/client"
	"github.com/bougou/go-ipmi/pkg/types"

	"github.com/vigil-ha/vigil/internal/bmc"
)

// IPMI 2.0 limits on what a session can carry (RAKP 1's user name field,
// the 20-byte key of a user password).
const (
	MaxUserName = 16
	MaxPassword = 20
)

// CheckCredentials refuses what IPMI 2.0 cannot carry: an empty host or
// user, a user name over 16 bytes, a password over 20 (go-ipmi would cut it
// silently, so the BMC would see another password). Errors name the field
// and the limit, never the password.
func CheckCredentials(host, user, password string) error {
	switch {
	case strings.TrimSpace(host) == "":
		return errors.New("the BMC host is required")
	case user == "":
		return errors.New("the user name is required")
	case len(user) > MaxUserName:
		return fmt.Errorf("user name %q is %d bytes; IPMI 2.0 carries at most %d", user, len(user), MaxUserName)
	case len(password) > MaxPassword:
		return fmt.Errorf("the password is %d bytes; IPMI 2.0 passwords are at most %d (the BMC could not have this one)", len(password), MaxPassword)
	}
	return nil
}

// Session says how to open one RMCP+ session.
type Session struct {
	Host     string
	Port     int
	User     string
	Password string
	Policy   Policy
	// Privilege is the session's privilege; the account must have it.
	Privilege types.PrivilegeLevel
	// Timeout bounds one request/response exchange, Retries how many more
	// attempts a lost datagram gets.
	Timeout time.Duration
	Retries int
	// Hint is added to a privilege refusal: what the caller's job needs
	// ("fencing needs an account with OPERATOR privilege").
	Hint string
}

// Open checks s, then opens a session through an Observer that refuses a
// downgraded Open Session Response, and returns the client and the
// standard cipher suite in use. Every failure is classified with
// internal/bmc's causes (Connect); a configuration error (CheckCredentials,
// Policy.Validate) is returned before anything is sent. On failure no
// client is left open.
func Open(ctx context.Context, s Session) (*client.Client, int, error) {
	if err := CheckCredentials(s.Host, s.User, s.Password); err != nil {
		return nil, -1, err
	}
	suites, err := s.Policy.Candidates()
	if err != nil {
		return nil, -1, err
	}
	cl, err := client.NewClient(s.Host, s.Port, s.User, s.Password)
	if err != nil {
		// CheckCredentials covers what go-ipmi v0.9.1 refuses; keep its
		// own words for anything a later version adds.
		return nil, -1, fmt.Errorf("ipmi client: %w", bmc.Scrub(err, s.Password))
	}
	ids := make([]types.CipherSuiteID, len(suites))
	for i, id := range suites {
		ids[i] = types.CipherSuiteID(id)
	}
	obs := NewObserver(RefuseDowngrade(s.Policy))
	cl.WithCipherSuiteID(ids...).
		WithMaxPrivilegeLevel(s.Privilege).
		WithTimeout(s.Timeout).
		WithRetry(s.Retries).
		WithUDPProxy(obs)
	if err := cl.Connect(ctx); err != nil {
		// Release the socket without waiting for a BMC that may not
		// answer; a half-open session times out on its own.
		done, cancel := context.WithCancel(context.Background())
		cancel()
		_ = cl.Close(done)
		return nil, -1, Connect(ctx, bmc.Scrub(err, s.Password), obs, s)
	}
	suite, err := obs.Check(s.Policy)
	if err != nil {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.Timeout)
		_ = cl.Close(cctx)
		cancel()
		return nil, -1, err
	}
	return cl, suite, nil
}

// Connect classifies a failed session setup, preferring what the BMC said
// on the wire (through obs) over go-ipmi's flattened text: a downgrade is
// ErrWeakCipher (bmc.ErrCipher), an Open Session refusal of every suite
// bmc.ErrCipher, RAKP statuses and a RAKP 2 proof that does not match the
// password bmc.ErrAuth or bmc.ErrPrivilege, silence bmc.ErrUnreachable.
// The raw error is kept for bmc.Detail.
func Connect(ctx context.Context, err error, obs *Observer, s Session) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	if _, werr := obs.Check(s.Policy); obs.Answered() && werr != nil {
		return werr // the downgrade, not whatever go-ipmi tripped on after it
	}
	role := privilegeName(s.Privilege)
	if st := obs.RAKPStatus(); st != 0 {
		if e := bmc.RAKPStatus(st, role, s.Hint); bmc.Classified(e) {
			return withRaw(e, err)
		}
	}
	if strings.Contains(err.Error(), client.ErrRAKPAuthentication.Error()) {
		return bmc.Errorf(bmc.ErrAuth, err, "wrong password (the BMC's RAKP 2 proof does not match it)")
	}
	if st := obs.OpenSessionStatus(); st != 0 {
		if e := bmc.OpenSessionStatus(st, s.Policy.String()); bmc.Classified(e) {
			return withRaw(e, err)
		}
	}
	if re, ok := types.IsResponseError(err); ok && strings.Contains(err.Error(), "SetSessionPrivilegeLevel") {
		if cc := uint8(re.CompletionCode()); cc == 0x80 || cc == 0x81 || cc == 0xd4 {
			msg := fmt.Sprintf("the BMC refused %s privilege for this account (completion code %#02x)", role, cc)
			if s.Hint != "" {
				msg += "; " + s.Hint
			}
			return bmc.Errorf(bmc.ErrPrivilege, err, msg)
		}
	}
	if obs.Inbound() == 0 {
		if c := bmc.Transport(ctx, err); bmc.Classified(c) && !errors.Is(c, bmc.ErrCipher) {
			return c
		}
		return bmc.Errorf(bmc.ErrUnreachable, err, "no answer from the BMC")
	}
	return Classify(ctx, err, "session setup", s.Hint)
}

// Classify maps an error of an established session for command what
// ("chassis power off"): completion codes through bmc.CompletionCode (hint
// added to a privilege refusal), timeouts and network errors through
// bmc.Transport. Other errors, completion codes included, are returned as
// they are.
func Classify(ctx context.Context, err error, what, hint string) error {
	if err == nil || bmc.Classified(err) {
		return err
	}
	if re, ok := types.IsResponseError(err); ok {
		if e := bmc.CompletionCode(uint8(re.CompletionCode()), what, hint, err); e != nil {
			return e
		}
		return err
	}
	if c := bmc.Transport(ctx, err); bmc.Classified(c) {
		return c
	}
	if isTimeout(err) {
		return bmc.Errorf(bmc.ErrUnreachable, err, "no answer within the deadline")
	}
	return err
}

// isTimeout catches go-ipmi's timeouts, which it reports as text.
func isTimeout(err error) bool {
	s := err.Error()
	return strings.Contains(s, "timeout") || strings.Contains(s, "deadline exceeded") || strings.Contains(s, "i/o timeout")
}

// withRaw attaches raw to a classified error built without it.
func withRaw(e, raw error) error {
	var be *bmc.Error
	if errors.As(e, &be) && be.Raw == nil {
		be.Raw = raw
	}
	return e
}

func privilegeName(p types.PrivilegeLevel) string {
	switch p {
	case types.PrivilegeLevelCallback:
		return "CALLBACK"
	case types.PrivilegeLevelUser:
		return "USER"
	case types.PrivilegeLevelOperator:
		return "OPERATOR"
	case types.PrivilegeLevelAdministrator:
		return "ADMINISTRATOR"
	}
	return "privilege " + strconv.Itoa(int(p))
}

// Target is "HOST:PORT" (port 623 when zero), the name of a BMC in errors.
func Target(host string, port int) string {
	if port == 0 {
		port = 623
	}
	return net.JoinHostPort(host, strconv.Itoa(port))
}
