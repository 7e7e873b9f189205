package bmc

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"time"
)

// TLS says how a Redfish client checks the BMC's certificate.
type TLS struct {
	// Insecure skips certificate verification (never the default; a lab
	// network only).
	Insecure bool
	// RootCAs, when set, replaces the system roots (which honour
	// SSL_CERT_FILE and SSL_CERT_DIR).
	RootCAs *x509.CertPool
}

// HTTPClient is the one HTTP client vigil's Redfish clients use: TLS 1.2 or
// newer, certificates verified unless t.Insecure, no proxy from the
// environment (BMC traffic stays on the management network), up to
// maxConns connections kept alive per BMC (default 4).
//
// HTTP/1.1 only, never HTTP/2, on purpose:
//   - BMC web servers are small embedded stacks; most speak only HTTP/1.1,
//     and where they offer h2 it is their least exercised path. A fence must
//     work on the first try, not on the BMC's newest code.
//   - With HTTP/1.1 each of a poll's parallel GETs has its own connection;
//     over h2 they share one, so one stalled stream or a dead connection
//     holds up every request until the ping timeout, and a slow BMC (which
//     serialises requests anyway) gains nothing from multiplexing.
//   - Measured here (BenchmarkWalk: the 40 resources of redfishsim's tree,
//     four GETs in flight, a server offering both): h2 was not faster,
//     1.8-3.9 ms a walk over HTTP/1.1 against 3.6-14.5 ms over h2 with no
//     added latency, and 27-33 ms against 29-31 ms at 2 ms per request.
//
// The sensors reader used to disable h2 and the fencing driver to force it;
// this is the single choice for both.
func HTTPClient(t TLS, maxConns int) *http.Client {
	if maxConns <= 0 {
		maxConns = 4
	}
	tr := &http.Transport{
		Proxy: nil,
		DialContext: (&net.Dialer{
			Timeout:   10 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		TLSClientConfig: &tls.Config{
			MinVersion:         tls.VersionTLS12,
			RootCAs:            t.RootCAs,
			InsecureSkipVerify: t.Insecure, //nolint:gosec // only with --insecure
		},
		TLSHandshakeTimeout: 10 * time.Second,
		ForceAttemptHTTP2:   false,
		// A non-nil empty map turns HTTP/2 off even if a later change sets
		// ForceAttemptHTTP2 or the TLS config's NextProtos.
		TLSNextProto:        map[string]func(string, *tls.Conn) http.RoundTripper{},
		MaxIdleConns:        maxConns,
		MaxIdleConnsPerHost: maxConns,
		IdleConnTimeout:     time.Minute,
	}
	return &http.Client{Transport: tr}
}
