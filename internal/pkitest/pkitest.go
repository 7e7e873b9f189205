// Package pkitest makes cluster CAs and host certificates for tests of the
// cluster's mutual TLS (raft transport, inter-host API, witness). It writes
// PEM files in the layout replica.LoadTLS reads. Test and lab code only
// (tests through NewCA and IssueFor, vigil-lab's demo through NewCAIn and
// WriteFor): nothing the vigil binary links imports it.
package pkitest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/replica"
)

// CA is a cluster CA made for one test; its certificate is in Dir/ca.pem.
type CA struct {
	Dir  string
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

var serial atomic.Int64

func init() { serial.Store(time.Now().UnixNano()) }

func writePEM(path, typ string, der []byte, mode os.FileMode) error {
	return os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), mode)
}

// NewCA makes a CA named name in a fresh temporary directory.
func NewCA(tb testing.TB, name string) *CA {
	tb.Helper()
	ca, err := NewCAIn(tb.TempDir(), name)
	if err != nil {
		tb.Fatal(err)
	}
	return ca
}

// NewCAIn makes a CA named name in dir, which must exist: for the lab's
// own tools (vigil-lab demo), which have no testing.TB.
func NewCAIn(dir, name string) (*CA, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(serial.Add(1)),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	ca := &CA{Dir: dir, cert: cert, key: key}
	if err := writePEM(filepath.Join(ca.Dir, "ca.pem"), "CERTIFICATE", der, 0o644); err != nil {
		return nil, err
	}
	return ca, nil
}

// Issue writes a certificate for host (common name and DNS name host, IP
// 127.0.0.1, server and client auth) and its key, and returns the files
// with this CA as the CA file.
func (ca *CA) Issue(tb testing.TB, host string) replica.TLSFiles {
	tb.Helper()
	return ca.IssueFor(tb, host, net.IPv4(127, 0, 0, 1))
}

// IssueFor is Issue for a host at the IP addresses ips (its raft address,
// where peers dial it), instead of 127.0.0.1.
func (ca *CA) IssueFor(tb testing.TB, host string, ips ...net.IP) replica.TLSFiles {
	tb.Helper()
	files, err := ca.WriteFor(host, ips...)
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// WriteFor is IssueFor returning its error instead of failing a test.
func (ca *CA) WriteFor(host string, ips ...net.IP) (replica.TLSFiles, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return replica.TLSFiles{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial.Add(1)),
		Subject:      pkix.Name{CommonName: host},
		DNSNames:     []string{host},
		IPAddresses:  ips,
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		return replica.TLSFiles{}, err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return replica.TLSFiles{}, err
	}
	files := replica.TLSFiles{
		CAFile:   filepath.Join(ca.Dir, "ca.pem"),
		CertFile: filepath.Join(ca.Dir, host+".pem"),
		KeyFile:  filepath.Join(ca.Dir, host+".key"),
	}
	if err := writePEM(files.CertFile, "CERTIFICATE", der, 0o644); err != nil {
		return replica.TLSFiles{}, err
	}
	if err := writePEM(files.KeyFile, "PRIVATE KEY", keyDER, 0o600); err != nil {
		return replica.TLSFiles{}, err
	}
	return files, nil
}
