// Package rsyslogd runs Debian's rsyslogd as a real syslog receiver for
// tests: never as the machine's syslog (its own config, pid file, work
// directory and Unix socket in Config.Dir; /dev/log untouched), on the
// address a test gives it, for instance a lab host's in its network
// namespace (Config.Command).
//
// It listens with imudp, imptcp (octet counting), imtcp over TLS (the
// ossl driver, a certificate for Config.Addr signed by a CA it writes to
// CAFile) and imuxsock (Socket), parses every message as RFC 5424
// (pmrfc5424, and mmpstrucdata for the structured data) and writes each
// as one JSON line to its output file, which Messages reads back. Stop and
// Start restart it on the same ports; it drains its queue to the file
// before it exits.
package rsyslogd

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ErrNotFound: rsyslogd or its modules are not installed.
var ErrNotFound = errors.New("rsyslogd not installed (Debian packages rsyslog and rsyslog-openssl; test/deps.sh)")

// Available reports whether rsyslogd and the modules used here are there.
func Available() error {
	if _, err := exec.LookPath("rsyslogd"); err != nil {
		return ErrNotFound
	}
	for _, m := range []string{"imudp.so", "imptcp.so", "imtcp.so", "imuxsock.so", "mmpstrucdata.so", "lmnsd_ossl.so"} {
		if _, err := os.Stat(filepath.Join(moduleDir, m)); err != nil {
			return fmt.Errorf("%w: no %s", ErrNotFound, m)
		}
	}
	return nil
}

const moduleDir = "/usr/lib/x86_64-linux-gnu/rsyslog"

// Config says where the receiver runs.
type Config struct {
	// Dir holds its config, certificates, socket, state and output.
	Dir string
	// Addr is the address it listens on (default 127.0.0.1).
	Addr netip.Addr
	// Ports of UDP, TCP (octet counting) and TLS; 0 picks a free one on
	// Addr as the test process sees it (give fixed ones in a namespace of
	// its own: 514, 601, 6514).
	UDPPort, TCPPort, TLSPort int
	// Command makes the command that runs rsyslogd (a lab host's
	// Host.Command runs it in the host's namespace); nil: exec.Command.
	Command func(ctx context.Context, name string, args ...string) *exec.Cmd
}

// Rsyslogd is a running (or stopped) receiver.
type Rsyslogd struct {
	cfg Config
	// Addresses of its inputs: HOST:PORT, and the Unix socket's path.
	UDP, TCP, TLS, Socket string
	// CAFile is the CA that signed its TLS certificate.
	CAFile string
	// Output is the file of JSON lines, one per message.
	Output string

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
	log  *lockedWriter
}

// Message is one message as rsyslog parsed it.
type Message struct {
	Input     string `json:"input"` // imudp, imptcp, imtcp, imuxsock
	Pri       string `json:"pri"`
	Facility  string `json:"facility"`
	Severity  string `json:"severity"`
	Version   string `json:"version"`
	Timestamp string `json:"timestamp"`
	Hostname  string `json:"hostname"`
	AppName   string `json:"app_name"`
	ProcID    string `json:"procid"`
	MsgID     string `json:"msgid"`
	// StructuredData is the STRUCTURED-DATA field as received; SD is it
	// parsed by mmpstrucdata: element ID, then parameter name.
	StructuredData string                       `json:"sd"`
	SD             map[string]map[string]string `json:"-"`
	Msg            string                       `json:"msg"`
	// RawMsg is the message as it arrived (without a stream's framing).
	RawMsg string `json:"rawmsg"`
	// Raw is the output line.
	Raw string `json:"-"`
}

// Start writes the config and starts rsyslogd, returning once every input
// has delivered a probe message to the output.
func Start(ctx context.Context, cfg Config) (*Rsyslogd, error) {
	if err := Available(); err != nil {
		return nil, err
	}
	if !cfg.Addr.IsValid() {
		cfg.Addr = netip.MustParseAddr("127.0.0.1")
	}
	for _, p := range []*int{&cfg.UDPPort, &cfg.TCPPort, &cfg.TLSPort} {
		if *p == 0 {
			port, err := freePort(cfg.Addr)
			if err != nil {
				return nil, err
			}
			*p = port
		}
	}
	if cfg.Command == nil {
		cfg.Command = exec.CommandContext
	}
	r := &Rsyslogd{cfg: cfg,
		UDP: netip.AddrPortFrom(cfg.Addr, uint16(cfg.UDPPort)).String(), TCP: netip.AddrPortFrom(cfg.Addr, uint16(cfg.TCPPort)).String(),
		TLS: netip.AddrPortFrom(cfg.Addr, uint16(cfg.TLSPort)).String(), Socket: filepath.Join(cfg.Dir, "log"),
		CAFile: filepath.Join(cfg.Dir, "ca.pem"), Output: filepath.Join(cfg.Dir, "out.jsonl")}
	if err := os.MkdirAll(filepath.Join(cfg.Dir, "work"), 0o700); err != nil {
		return nil, err
	}
	if err := writeCerts(cfg.Dir, cfg.Addr); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(cfg.Dir, "rsyslog.conf"), []byte(r.config()), 0o644); err != nil {
		return nil, err
	}
	if err := r.Start(ctx); err != nil {
		return nil, err
	}
	return r, nil
}

func freePort(a netip.Addr) (int, error) {
	ln, err := net.Listen("tcp", netip.AddrPortFrom(a, 0).String())
	if err != nil {
		return 0, fmt.Errorf("rsyslogd: free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// config is rsyslog.conf: four inputs, one ruleset that parses the
// structured data and writes JSON lines, a queue drained at shutdown.
func (r *Rsyslogd) config() string {
	d := r.cfg.Dir
	return fmt.Sprintf(`global(workDirectory="%[1]s/work" maxMessageSize="64k"
  DefaultNetstreamDriverCAFile="%[1]s/ca.pem"
  DefaultNetstreamDriverCertFile="%[1]s/cert.pem"
  DefaultNetstreamDriverKeyFile="%[1]s/key.pem")
main_queue(queue.timeoutShutdown="30000" queue.timeoutActionCompletion="30000")
module(load="imuxsock" SysSock.Use="off")
module(load="imudp")
module(load="imptcp")
module(load="imtcp" StreamDriver.Name="ossl" StreamDriver.Mode="1" StreamDriver.AuthMode="anon")
module(load="mmpstrucdata")
template(name="ts" type="string" string="%%timereported:::date-rfc3339%%")
template(name="json" type="string" string="%%$!%%\n")
ruleset(name="vigil") {
  action(type="mmpstrucdata")
  set $!f!input = $inputname;
  set $!f!pri = $pri;
  set $!f!facility = $syslogfacility;
  set $!f!severity = $syslogseverity;
  set $!f!version = $protocol-version;
  set $!f!timestamp = exec_template("ts");
  set $!f!hostname = $hostname;
  set $!f!app_name = $app-name;
  set $!f!procid = $procid;
  set $!f!msgid = $msgid;
  set $!f!sd = $structured-data;
  set $!f!msg = $msg;
  set $!f!rawmsg = $rawmsg;
  action(type="omfile" file="%[1]s/out.jsonl" template="json")
}
input(type="imuxsock" Socket="%[1]s/log" UseSpecialParser="off" IgnoreTimestamp="off" ParseHostname="on" ruleset="vigil")
input(type="imudp" address="%[2]s" port="%[3]d" ruleset="vigil")
input(type="imptcp" address="%[2]s" port="%[4]d" ruleset="vigil")
input(type="imtcp" address="%[2]s" port="%[5]d" ruleset="vigil")
`, d, r.cfg.Addr, r.cfg.UDPPort, r.cfg.TCPPort, r.cfg.TLSPort)
}

// writeCerts writes a CA and a server certificate for addr signed by it.
func writeCerts(dir string, addr netip.Addr) error {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	now := time.Now()
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "rsyslogd test CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return err
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: addr.String()},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour), IPAddresses: []net.IP{addr.AsSlice()},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return err
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return err
	}
	for name, b := range map[string]*pem.Block{"ca.pem": {Type: "CERTIFICATE", Bytes: caDER},
		"cert.pem": {Type: "CERTIFICATE", Bytes: der}, "key.pem": {Type: "EC PRIVATE KEY", Bytes: keyDER}} {
		if err := os.WriteFile(filepath.Join(dir, name), pem.EncodeToMemory(b), 0o600); err != nil {
			return err
		}
	}
	return nil
}

// Start starts rsyslogd (again, after Stop) and waits until every input
// answers: a probe message sent to each has reached the output.
func (r *Rsyslogd) Start(ctx context.Context) error {
	r.mu.Lock()
	if r.cmd != nil {
		r.mu.Unlock()
		return errors.New("rsyslogd: already running")
	}
	cmd := r.cfg.Command(context.WithoutCancel(ctx), "rsyslogd", "-n", "-f", filepath.Join(r.cfg.Dir, "rsyslog.conf"),
		"-i", filepath.Join(r.cfg.Dir, "rsyslogd.pid"))
	log := &lockedWriter{w: &bytes.Buffer{}}
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = nil
	if err := cmd.Start(); err != nil {
		r.mu.Unlock()
		return fmt.Errorf("rsyslogd: %w", err)
	}
	done := make(chan struct{})
	r.cmd, r.done, r.log = cmd, done, log
	r.mu.Unlock()
	go func() { cmd.Wait(); close(done) }()

	probe := "probe-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	inputs := map[string]func() error{
		"imudp":    func() error { return sendOnce("udp", r.UDP, probe, false) },
		"imptcp":   func() error { return sendOnce("tcp", r.TCP, probe, true) },
		"imuxsock": func() error { return sendOnce("unixgram", r.Socket, probe, false) },
		"imtcp":    func() error { return r.sendTLS(probe) },
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(inputs) > 0 {
		select {
		case <-done:
			return fmt.Errorf("rsyslogd exited at start: %s", r.Log())
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("rsyslogd: inputs %v never delivered a probe; log: %s", keys(inputs), r.Log())
		}
		for _, send := range inputs {
			send() // not there yet: tried again
		}
		time.Sleep(100 * time.Millisecond)
		msgs, _ := r.Messages()
		for _, m := range msgs {
			if m.AppName == probe {
				delete(inputs, m.Input)
			}
		}
	}
	return nil
}

func keys(m map[string]func() error) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func probeMessage(app string) string {
	return "<14>1 - - " + app + " - - - ready"
}

func sendOnce(network, addr, app string, octets bool) error {
	c, err := net.DialTimeout(network, addr, 2*time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(2 * time.Second))
	m := probeMessage(app)
	if octets {
		m = strconv.Itoa(len(m)) + " " + m
	}
	_, err = c.Write([]byte(m))
	return err
}

func (r *Rsyslogd) sendTLS(app string) error {
	pemBytes, err := os.ReadFile(r.CAFile)
	if err != nil {
		return err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pemBytes)
	d := &net.Dialer{Timeout: 2 * time.Second}
	c, err := tlsDial(d, r.TLS, pool)
	if err != nil {
		return err
	}
	defer c.Close()
	m := probeMessage(app)
	_, err = c.Write([]byte(strconv.Itoa(len(m)) + " " + m))
	return err
}

// Stop ends rsyslogd with SIGTERM (it drains its queue to the output
// first) and waits for it.
func (r *Rsyslogd) Stop() error {
	r.mu.Lock()
	cmd, done := r.cmd, r.done
	r.cmd = nil
	r.mu.Unlock()
	if cmd == nil {
		return nil
	}
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
		return nil
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		<-done
		return errors.New("rsyslogd: still running 60 s after SIGTERM; killed")
	}
}

// Close stops it for good.
func (r *Rsyslogd) Close() error { return r.Stop() }

// Log is what rsyslogd printed.
func (r *Rsyslogd) Log() string {
	r.mu.Lock()
	log := r.log
	r.mu.Unlock()
	if log == nil {
		return ""
	}
	log.mu.Lock()
	defer log.mu.Unlock()
	return log.w.String()
}

// Messages reads every message the output holds, probes included.
func (r *Rsyslogd) Messages() ([]Message, error) {
	f, err := os.Open(r.Output)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Message
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		var raw struct {
			F  Message                      `json:"f"`
			SD map[string]map[string]string `json:"rfc5424-sd"`
		}
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			if !strings.HasSuffix(line, "}") {
				break // a line being written
			}
			return out, fmt.Errorf("rsyslogd output %q: %w", line, err)
		}
		m := raw.F
		m.SD, m.Raw = raw.SD, line
		out = append(out, m)
	}
	return out, sc.Err()
}

type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
