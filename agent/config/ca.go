package config

import (
	"crypto/x509"
	"fmt"
	"os"
)

// ReadCAFile reads the PEM certificates of a ca_file setting (key names it
// in errors, e.g. "bmc.ca_file") into a pool; nil, nil when file is unset
// (the system's roots).
func ReadCAFile(key, file string) (*x509.CertPool, error) {
	if file == "" {
		return nil, nil
	}
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s: %s holds no PEM certificate", key, file)
	}
	return pool, nil
}
