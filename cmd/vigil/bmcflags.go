package main

import (
	"flag"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/internal/bmc/rfsession"
	"github.com/vigil-ha/vigil/internal/rmcp"
)

// bmcFlags are the flags every command that talks to a BMC directly shares
// (CLI.md, "Common flags for talking to a BMC directly"). The password never
// comes from a flag: only from --password-file or VIGIL_BMC_PASSWORD.
type bmcFlags struct {
	ipmi            string
	redfish         string
	insecure        bool
	allowPlainHTTP  bool
	user            string
	passwordFile    string
	system          string
	timeout         time.Duration
	cipherSuite     int // -1: auto
	allowWeakCipher bool
	verbose         bool
}

// passwordEnv names the environment variable that may hold the BMC password.
const passwordEnv = "VIGIL_BMC_PASSWORD"

func (b *bmcFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&b.ipmi, "ipmi", "", "BMC `HOST[:PORT]` over IPMI 2.0 lanplus (default port 623)")
	fs.StringVar(&b.redfish, "redfish", "", "BMC Redfish `URL` (https by default)")
	fs.BoolVar(&b.insecure, "insecure", false, "Redfish: skip TLS certificate verification")
	fs.BoolVar(&b.allowPlainHTTP, "allow-plain-http", false, "Redfish: allow an http:// URL, whose requests carry the credentials\nor session token in clear (isolated lab networks only)")
	fs.StringVar(&b.user, "user", "", "BMC user `NAME`")
	fs.StringVar(&b.passwordFile, "password-file", "", "`FILE` holding the BMC password (or set "+passwordEnv+")")
	fs.StringVar(&b.system, "system", "", "Redfish ComputerSystem `ID` (optional when the BMC has one)")
	fs.DurationVar(&b.timeout, "timeout", 10*time.Second, "deadline for the whole operation")
	b.cipherSuite = -1
	fs.Var((*cipherSuiteFlag)(&b.cipherSuite), "cipher-suite", "IPMI cipher suite `N` (auto: the strongest both sides support, never weaker than suite 3;\n0 is refused, 1 and 2 need --allow-weak-cipher)")
	fs.BoolVar(&b.allowWeakCipher, "allow-weak-cipher", false, "IPMI: allow --cipher-suite 1 or 2 (no confidentiality; anyone on the BMC's\nnetwork could read or forge the session), for an old BMC on an isolated network")
	fs.BoolVar(&b.verbose, "verbose", false, "on failure, also print the BMC library's own error chain")
}

// cipherSuiteFlag is --cipher-suite: a suite number, or -1 for "auto".
type cipherSuiteFlag int

func (c *cipherSuiteFlag) String() string {
	if c == nil || *c < 0 {
		return "auto"
	}
	return strconv.Itoa(int(*c))
}

func (c *cipherSuiteFlag) Set(s string) error {
	if s == "auto" || s == "-1" {
		*c = -1
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return fmt.Errorf("want a cipher suite number 1 to 17 or auto")
	}
	*c = cipherSuiteFlag(n)
	return nil
}

// check validates the flag combination without touching the network.
func (b *bmcFlags) check() error {
	switch {
	case b.ipmi == "" && b.redfish == "":
		return usagef("one of --ipmi or --redfish is required")
	case b.ipmi != "" && b.redfish != "":
		return usagef("--ipmi and --redfish are exclusive")
	case b.user == "":
		return usagef("--user is required")
	case b.timeout <= 0:
		return usagef("--timeout must be positive, got %v", b.timeout)
	case b.ipmi != "" && b.insecure:
		return usagef("--insecure applies to --redfish only")
	case b.redfish != "" && (b.cipherSuite >= 0 || b.allowWeakCipher):
		return usagef("--cipher-suite and --allow-weak-cipher apply to --ipmi only")
	case b.ipmi != "" && b.allowPlainHTTP:
		return usagef("--allow-plain-http applies to --redfish only")
	case b.cipherSuite > rmcp.MaxStandardSuite:
		return usagef("--cipher-suite %d: IPMI cipher suites are 1 to %d", b.cipherSuite, rmcp.MaxStandardSuite)
	case b.cipherSuite == 0:
		return usagef("--cipher-suite 0 refused: %v", rmcp.ErrSuiteZero)
	}
	if b.ipmi != "" {
		if err := b.ipmiPolicy().Validate(); err != nil {
			return usagef("--cipher-suite %d refused: %v (--allow-weak-cipher)", b.cipherSuite, err)
		}
	}
	if b.redfish != "" {
		if _, err := rfsession.Endpoint(b.redfish, b.allowPlainHTTP); err != nil {
			return usagef("--redfish: %v", err)
		}
	}
	return nil
}

// ipmiPolicy is the cipher suite policy the flags ask for (-1, auto, is the
// zero Policy).
func (b *bmcFlags) ipmiPolicy() rmcp.Policy {
	return rmcp.Policy{Suite: max(b.cipherSuite, 0), AllowWeak: b.allowWeakCipher}
}

// target names the BMC for output: "ipmi:HOST:PORT" or the Redfish URL.
func (b *bmcFlags) target() string {
	if b.ipmi != "" {
		return b.ipmi
	}
	return b.redfish
}

// ipmiAddr splits --ipmi "HOST[:PORT]" (IPv6 in brackets) into host and
// port, 623 by default.
func (b *bmcFlags) ipmiAddr() (string, int, error) {
	s := b.ipmi
	if !strings.Contains(s, ":") || (strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]")) {
		return strings.Trim(s, "[]"), 623, nil
	}
	h, p, err := net.SplitHostPort(s)
	if err != nil {
		return "", 0, usagef("--ipmi %q: %v", s, err)
	}
	port, err := strconv.Atoi(p)
	if err != nil || port <= 0 || port > 65535 {
		return "", 0, usagef("--ipmi %q: bad port %q", s, p)
	}
	return h, port, nil
}

// password reads the BMC password from --password-file, else from the
// environment. Errors name the file, never its content.
func (b *bmcFlags) password(e *env) (string, error) {
	if b.passwordFile != "" {
		raw, err := os.ReadFile(b.passwordFile)
		if err != nil {
			return "", fmt.Errorf("password file: %w", err)
		}
		pw := strings.TrimRight(string(raw), "\r\n")
		if pw == "" {
			return "", fmt.Errorf("password file %s is empty", b.passwordFile)
		}
		return pw, nil
	}
	if pw := e.getenv(passwordEnv); pw != "" {
		return pw, nil
	}
	return "", usagef("no BMC password: give --password-file FILE or set %s", passwordEnv)
}
