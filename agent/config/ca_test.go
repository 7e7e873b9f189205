package config

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReadCAFile(t *testing.T) {
	if pool, err := ReadCAFile("bmc.ca_file", ""); pool != nil || err != nil {
		t.Errorf("unset: %v, %v; want nil, nil (the system's roots)", pool, err)
	}
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.pem")
	os.WriteFile(junk, []byte("not a certificate\n"), 0o644)
	if _, err := ReadCAFile("fence.ca_file", junk); err == nil || err.Error() != "fence.ca_file: "+junk+" holds no PEM certificate" {
		t.Errorf("junk: %v", err)
	}
	if _, err := ReadCAFile("syslog.ca_file", filepath.Join(dir, "none.pem")); err == nil || !strings.HasPrefix(err.Error(), "syslog.ca_file: open ") {
		t.Errorf("missing: %v", err)
	}
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "lab CA"}, NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "ca.pem")
	os.WriteFile(good, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	pool, err := ReadCAFile("bmc.ca_file", good)
	if err != nil || pool == nil || !pool.Equal(poolOf(t, der)) {
		t.Errorf("good: %v, %v", pool, err)
	}
}

func poolOf(t *testing.T, der []byte) *x509.CertPool {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	p := x509.NewCertPool()
	p.AddCert(c)
	return p
}
