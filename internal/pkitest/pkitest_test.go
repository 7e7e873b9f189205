package pkitest

import (
	"crypto/x509"
	"encoding/pem"
	"net"
	"os"
	"testing"
)

// IssueFor names the host and carries the addresses asked for, so a peer
// dialling one of them accepts the certificate.
func TestIssueFor(t *testing.T) {
	ca := NewCA(t, "test CA")
	files := ca.IssueFor(t, "lab1-h2", net.ParseIP("10.213.1.12"))
	raw, err := os.ReadFile(files.CertFile)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := pem.Decode(raw)
	cert, err := x509.ParseCertificate(b.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if err := cert.VerifyHostname("lab1-h2"); err != nil {
		t.Errorf("certificate does not name the host: %v", err)
	}
	if err := cert.VerifyHostname("10.213.1.12"); err != nil {
		t.Errorf("certificate does not carry the address: %v", err)
	}
	if err := cert.VerifyHostname("127.0.0.1"); err == nil {
		t.Error("certificate carries 127.0.0.1 too")
	}
}
