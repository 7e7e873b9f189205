package rsyslogd

import (
	"crypto/tls"
	"crypto/x509"
	"net"
)

func tlsDial(d *net.Dialer, addr string, roots *x509.CertPool) (net.Conn, error) {
	return tls.DialWithDialer(d, "tcp", addr, &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12})
}
