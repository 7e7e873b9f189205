package redfishsim

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"slices"
	"time"
)

// makeCA creates the simulator's own CA; server certificates are minted from
// it per address the clients connect to.
func (s *Sim) makeCA() error {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return fmt.Errorf("redfishsim: CA key: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: "redfishsim test CA", Organization: []string{"vigil lab"}},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(7 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return fmt.Errorf("redfishsim: CA certificate: %w", err)
	}
	s.ca, err = x509.ParseCertificate(der)
	if err != nil {
		return fmt.Errorf("redfishsim: CA certificate: %w", err)
	}
	s.caKey = key
	s.caPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return nil
}

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	return n
}

func (s *Sim) tlsConfig() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
			var ip string
			if hello.Conn != nil {
				if h, _, err := net.SplitHostPort(hello.Conn.LocalAddr().String()); err == nil {
					ip = h
				}
			}
			return s.leaf(ip, hello.ServerName)
		},
	}
}

// leaf returns (minting and caching) a server certificate valid for
// localhost, the configured TLSHosts, ip and serverName.
func (s *Sim) leaf(ip, serverName string) (*tls.Certificate, error) {
	k := ip + "|" + serverName
	s.certMu.Lock()
	defer s.certMu.Unlock()
	if c := s.certs[k]; c != nil {
		return c, nil
	}
	hosts := append([]string{"localhost", "127.0.0.1", "::1", ip, serverName}, s.cfg.TLSHosts...)
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: "redfishsim BMC"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(7 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, h := range hosts {
		if h == "" {
			continue
		}
		if a := net.ParseIP(h); a != nil {
			if !slices.ContainsFunc(tmpl.IPAddresses, a.Equal) {
				tmpl.IPAddresses = append(tmpl.IPAddresses, a)
			}
		} else if !slices.Contains(tmpl.DNSNames, h) {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, s.ca, &key.PublicKey, s.caKey)
	if err != nil {
		return nil, err
	}
	c := &tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
	s.certs[k] = c
	return c, nil
}

// CACertPool returns a pool holding the simulator's CA (nil with PlainHTTP).
func (s *Sim) CACertPool() *x509.CertPool {
	if s.ca == nil {
		return nil
	}
	p := x509.NewCertPool()
	p.AddCert(s.ca)
	return p
}

// CAPEM returns the CA certificate in PEM (nil with PlainHTTP).
func (s *Sim) CAPEM() []byte { return s.caPEM }

// CAFile writes the CA certificate in PEM to the simulator's directory and
// returns its path, for clients configured with a CA file.
func (s *Sim) CAFile() (string, error) {
	if s.caPEM == nil {
		return "", fmt.Errorf("redfishsim: no CA with PlainHTTP")
	}
	return s.writeSecret("ca.pem", s.caPEM)
}

// HTTPClient returns an http.Client that trusts the simulator's CA.
func (s *Sim) HTTPClient() *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: s.CACertPool()}}
	return &http.Client{Transport: tr, Timeout: 30 * time.Second}
}
