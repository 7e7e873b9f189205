// Package ipmi reads a BMC over IPMI 2.0 (RMCP+ lanplus) through
// github.com/bougou/go-ipmi: threshold and discrete sensors with their SDRs,
// and the SEL read incrementally from a remembered cursor.
//
// Reader (New(Config)) implements sensors.Reader and keeps one session per
// BMC open across polls. The first Poll logs in, reads the SDR repository
// (Full and Compact sensor records) and every threshold sensor's thresholds
// once; later polls cost one Get Sensor Reading per sensor plus one Get SEL
// Info, and Get SEL Entry only for records added since the cursor (about
// 1.5 ms for ten sensors against ipmi_sim, against 140-220 ms for
// `ipmitool sdr elist` plus `sel elist`). A poll that fails on a session
// that was working reconnects once within the same deadline (BMC reboot,
// session timeout); a BMC that does not answer fails the poll with
// sensors.ErrSourceDown and further polls return at once (ErrBackoff, with
// the last failure) until an exponential backoff (bmc.Latch) expires.
//
// Decoding is ours, not ipmitool's: discrete sensors are decoded into the
// named states of the IPMI 2.0 tables 42-2 (generic) and 42-3 (sensor
// specific) with a severity each (DecodeStates), so a power supply reporting
// "Failure detected" or a DIMM reporting "Uncorrectable ECC" is critical
// where ipmitool prints "ok". SEL records are decoded by ParseSEL (standard
// and OEM records, threshold readings converted with the sensor's SDR
// factors, the DIMM of memory events from event data 3). Completion code
// 0xcb on Get SDR or Get SEL Entry means empty, not failure. The SEL cursor
// (SELCursor, kept in the agent's store) reports each record once: when
// its remembered record is erased or its ID reused (a cleared or wrapped
// SEL) the SEL is walked from the start and timestamps tell the new ones.
// vigil's own OEM records (alert/bmclog writes them; internal/bmc/ownlog
// tells them by record type and manufacturer) move the cursor but are
// never reported: a decision of vigil's is not hardware evidence.
//
// Cipher suites: the zero Config is auto with floor 3, never suite 0:
// suites at least as strong as Config.MinCipherSuite (default 3) are
// proposed strongest first (17, then 3); Config.CipherSuite pins one
// (ipmi_sim needs 3: it does not answer the cipher-suite query). A suite or
// floor below 3 is refused unless Config.AllowWeakCipher. go-ipmi accepts
// whatever algorithms the BMC answers with; vigil watches the RMCP+ Open
// Session exchange itself (internal/rmcp, through go-ipmi's UDP dialer hook)
// and refuses with ErrWeakCipher, as soon as the Open Session Response
// arrives and before the session is used, when the BMC chose weaker
// algorithms than were asked for or than the minimum.
//
// Errors speak internal/bmc's vocabulary, as fencing's do: a BMC that does
// not answer is bmc.ErrUnreachable (and sensors.ErrSourceDown); refused
// credentials bmc.ErrAuth; a refused privilege bmc.ErrPrivilege; no
// acceptable cipher suite, or a downgrade, bmc.ErrCipher. The text says
// what to check; bmc.Detail adds go-ipmi's own error chain for logs. A user
// name over 16 bytes or a password over 20 is refused before anything is
// sent, naming the limit.
//
// Caveats: go-ipmi keeps a session alive with a background request every
// 30 s; the SDR cache is refreshed every Config.SDRMaxAge; Config's String,
// GoString, Format and LogValue never show the password (bmc.Redacted), and
// errors are scrubbed of it.
package ipmi
