package bmc_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// h2Server serves the Redfish simulator over TLS offering HTTP/2 (ALPN h2),
// as a BMC whose web server speaks both would.
func h2Server(t testing.TB) (*httptest.Server, *redfishsim.Sim, *x509.CertPool) {
	t.Helper()
	sim, err := redfishsim.New(redfishsim.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(sim)
	ts.EnableHTTP2 = true
	ts.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes are the point
	ts.StartTLS()
	t.Cleanup(func() { ts.Close(); sim.Close() })
	pool := x509.NewCertPool()
	pool.AddCert(ts.Certificate())
	return ts, sim, pool
}

// TestHTTPClientSpeaksHTTP1: the one Redfish transport never negotiates
// HTTP/2, even with a server that offers it, and verifies certificates.
func TestHTTPClientSpeaksHTTP1(t *testing.T) {
	ts, sim, pool := h2Server(t)
	user, pw := sim.Credentials()
	get := func(c *http.Client) (*http.Response, error) {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/redfish/v1/Chassis", nil)
		req.SetBasicAuth(user, pw)
		return c.Do(req)
	}
	resp, err := get(bmc.HTTPClient(bmc.TLS{RootCAs: pool}, 0))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.ProtoMajor != 1 || resp.StatusCode != 200 {
		t.Fatalf("got %s %d; want HTTP/1.1 200 from a server offering h2", resp.Proto, resp.StatusCode)
	}
	// Control: the server really offers h2.
	resp, err = get(ts.Client())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.ProtoMajor != 2 {
		t.Fatalf("control: the test server answered %s, not HTTP/2", resp.Proto)
	}
	// Without the CA the certificate is refused, and that is ErrCipher.
	_, err = get(bmc.HTTPClient(bmc.TLS{}, 0))
	if c := bmc.Transport(context.Background(), err); !errors.Is(c, bmc.ErrCipher) || !strings.Contains(c.Error(), "not signed by a trusted authority") {
		t.Fatalf("untrusted certificate = %v; want ErrCipher naming the trust problem", c)
	}
	resp, err = get(bmc.HTTPClient(bmc.TLS{Insecure: true}, 0))
	if err != nil {
		t.Fatalf("Insecure: %v", err)
	}
	resp.Body.Close()
}

// TestTransportClassification feeds Transport real network failures.
func TestTransportClassification(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	// A TCP server that accepts and says nothing.
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	// A plain HTTP server behind an https:// URL.
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "{}") }))
	defer plain.Close()

	c := bmc.HTTPClient(bmc.TLS{}, 0)
	get := func(ctx context.Context, url string) error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		return err
	}
	ctx := context.Background()
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	for _, tc := range []struct {
		name string
		ctx  context.Context
		url  string
		want error
		text string
	}{
		{"closed port", ctx, "https://" + closed, bmc.ErrUnreachable, "connection refused"},
		{"silent server", short, "https://" + silent.Addr().String(), bmc.ErrUnreachable, "deadline"},
		{"http behind https", ctx, "https://" + strings.TrimPrefix(plain.URL, "http://"), bmc.ErrCipher, "does not speak TLS"},
		{"unresolvable name", ctx, "https://no-such-bmc.invalid", bmc.ErrUnreachable, "resolve"},
	} {
		err := get(tc.ctx, tc.url)
		got := bmc.Transport(tc.ctx, err)
		if !errors.Is(got, tc.want) || !strings.Contains(got.Error(), tc.text) {
			t.Errorf("%s: Transport(%v) = %v; want %v naming %q", tc.name, err, got, tc.want, tc.text)
		}
	}
}

// BenchmarkWalk compares HTTP/1.1 (what bmc.HTTPClient speaks) with HTTP/2
// for a sensors-like walk: every resource of the simulator's tree, four
// GETs in flight, against a server that offers both, with no added latency
// and with 2 ms per request (a quick BMC).
func BenchmarkWalk(b *testing.B) {
	ts, sim, pool := h2Server(b)
	user, pw := sim.Credentials()
	paths := sim.Paths()
	h2 := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}, ForceAttemptHTTP2: true, MaxIdleConnsPerHost: 4}}
	for _, delay := range []time.Duration{0, 2 * time.Millisecond} {
		sim.SetDelay(delay)
		for name, c := range map[string]*http.Client{"http1": bmc.HTTPClient(bmc.TLS{RootCAs: pool}, 4), "http2": h2} {
			b.Run(name+"/delay="+delay.String(), func(b *testing.B) {
				for b.Loop() {
					walk(b, c, ts.URL, user, pw, paths)
				}
				b.ReportMetric(float64(len(paths)), "GETs/op")
			})
		}
	}
}

func walk(b *testing.B, c *http.Client, base, user, pw string, paths []string) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, p := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			req, _ := http.NewRequest(http.MethodGet, base+p, nil)
			req.SetBasicAuth(user, pw)
			resp, err := c.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}()
	}
	wg.Wait()
}
