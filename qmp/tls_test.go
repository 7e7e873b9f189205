package qmp_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/qmp"
)

// writeTLSDir writes a CA and server and client certificates in the file
// names QEMU's tls-creds-x509 expects.
func writeTLSDir(t *testing.T, dir, host string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	newKey := func() *ecdsa.PrivateKey {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	write := func(name, typ string, der []byte, mode os.FileMode) {
		if err := os.WriteFile(filepath.Join(dir, name), pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), mode); err != nil {
			t.Fatal(err)
		}
	}
	caKey := newKey()
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "vigil test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	write("ca-cert.pem", "CERTIFICATE", caDER, 0o644)
	for i, role := range []string{"server", "client"} {
		k := newKey()
		c := &x509.Certificate{SerialNumber: big.NewInt(int64(2 + i)), Subject: pkix.Name{CommonName: host},
			NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
			KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
			ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
			DNSNames:    []string{host}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}}
		der, err := x509.CreateCertificate(rand.Reader, c, ca, &k.PublicKey, caKey)
		if err != nil {
			t.Fatal(err)
		}
		kder, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		write(role+"-cert.pem", "CERTIFICATE", der, 0o644)
		write(role+"-key.pem", "PRIVATE KEY", kder, 0o600)
	}
}

func localPair(t *testing.T, name string) (src, dst *qmp.VM) {
	needQEMU(t)
	spec := qmp.Spec{Name: name, VCPUs: 1, MemoryMiB: 64}
	return startVM(t, spec, shortDir(t), false), startVM(t, spec, shortDir(t), true)
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func TestRealQEMUMigrateTLS(t *testing.T) {
	src, dst := localPair(t, "tlsvm")
	dir := filepath.Join(shortDir(t), "pki")
	writeTLSDir(t, dir, "dst.vigil.test")
	uri := fmt.Sprintf("tcp:127.0.0.1:%d", freePort(t))
	var params struct {
		TLSCreds string `json:"tls-creds"`
	}
	res, err := qmp.MigrateVM(ctx(t, 60*time.Second), src, dst, qmp.MigrateOptions{
		URI: uri, TLS: &qmp.TLS{Dir: dir, Hostname: "dst.vigil.test"},
		PreSwitchover: func(c context.Context) error {
			return src.Monitor().Run(c, "query-migrate-parameters", nil, &params)
		},
	})
	if err != nil || res.Status != "completed" {
		t.Fatalf("MigrateVM over TLS = %+v, %v", res, err)
	}
	if params.TLSCreds == "" {
		t.Errorf("tls-creds not set on the source during migration")
	}
	if st, err := dst.Status(ctx(t, 5*time.Second)); err != nil || st.Status != "running" {
		t.Errorf("destination status = %+v, %v", st, err)
	}
}

func TestRealQEMUMigrateTLSWrongHost(t *testing.T) {
	src, dst := localPair(t, "tlsbad")
	dir := filepath.Join(shortDir(t), "pki")
	writeTLSDir(t, dir, "dst.vigil.test")
	uri := fmt.Sprintf("tcp:127.0.0.1:%d", freePort(t))
	res, err := qmp.MigrateVM(ctx(t, 60*time.Second), src, dst, qmp.MigrateOptions{
		URI: uri, TLS: &qmp.TLS{Dir: dir, Hostname: "impostor.vigil.test"}, StallTimeout: 5 * time.Second,
	})
	if err == nil || res.Status == "completed" {
		t.Fatalf("MigrateVM to a host whose certificate does not match = %+v, %v; want failure", res, err)
	}
	if !errors.Is(err, qmp.ErrMigrationFailed) && !errors.Is(err, qmp.ErrMigrationStalled) {
		t.Errorf("error = %v", err)
	}
	t.Logf("refused: %s", res.Reason)
	if st, err := src.Status(ctx(t, 5*time.Second)); err != nil || st.Status != "running" {
		t.Errorf("source status = %+v, %v; want running", st, err)
	}
	select {
	case <-dst.Exited():
	case <-time.After(10 * time.Second):
		t.Error("destination still running after the failed migration")
	}
}

// A destination that cannot take the VM (different RAM size: QEMU's own
// error) fails the migration; the VM stays on the source, the destination
// is gone.
func TestRealQEMUMigrateQEMUError(t *testing.T) {
	needQEMU(t)
	spec := qmp.Spec{Name: "mismatch", VCPUs: 1, MemoryMiB: 64}
	src := startVM(t, spec, shortDir(t), false)
	spec.MemoryMiB = 128
	dst := startVM(t, spec, shortDir(t), true)
	res, err := qmp.MigrateVM(ctx(t, 60*time.Second), src, dst, qmp.MigrateOptions{URI: fmt.Sprintf("tcp:127.0.0.1:%d", freePort(t))})
	t.Logf("result: %+v, err: %v", res, err)
	if err == nil || res.Status != "failed" {
		t.Fatalf("MigrateVM to a mismatched destination = %+v, %v; want failed", res, err)
	}
	if st, err := src.Status(ctx(t, 5*time.Second)); err != nil || st.Status != "running" {
		t.Errorf("source status = %+v, %v; want running", st, err)
	}
	select {
	case <-dst.Exited():
	case <-time.After(10 * time.Second):
		t.Error("destination still running")
	}
	if n := liveCopies("mismatch"); n != 1 {
		t.Errorf("live copies = %d, want 1", n)
	}
}
