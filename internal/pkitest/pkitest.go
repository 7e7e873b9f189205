// Package pkitest makes cluster CAs and host certificates for tests of the
// cluster's mutual TLS (raft transport, inter-host API, witness). It writes
// PEM files in the layout replica.LoadTLS reads. Test code only: nothing the
// vigil binary links imports it.
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

func writePEM(tb testing.TB, path, typ string, der []byte, mode os.FileMode) {
	tb.Helper()
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), mode); err != nil {
		tb.Fatal(err)
	}
}

// NewCA makes a CA named name in a fresh temporary directory.
func NewCA(tb testing.TB, name string) *CA {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
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
		tb.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	ca := &CA{Dir: tb.TempDir(), cert: cert, key: key}
	writePEM(tb, filepath.Join(ca.Dir, "ca.pem"), "CERTIFICATE", der, 0o644)
	return ca
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
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
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
		tb.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		tb.Fatal(err)
	}
	files := replica.TLSFiles{
		CAFile:   filepath.Join(ca.Dir, "ca.pem"),
		CertFile: filepath.Join(ca.Dir, host+".pem"),
		KeyFile:  filepath.Join(ca.Dir, host+".key"),
	}
	writePEM(tb, files.CertFile, "CERTIFICATE", der, 0o644)
	writePEM(tb, files.KeyFile, "PRIVATE KEY", keyDER, 0o600)
	return files
}
