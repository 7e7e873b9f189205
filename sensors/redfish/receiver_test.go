package redfish

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// newPushServer serves a Receiver over TLS on loopback at /vigil/events
// and returns it with the pool that verifies its certificate.
func newPushServer(t testing.TB, cfg ReceiverConfig) (*Receiver, *x509.CertPool) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cfg.URL = "https://" + ln.Addr().String() + "/vigil/events"
	rc, err := NewReceiver(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(rc)
	srv.Listener.Close()
	srv.Listener = ln
	srv.StartTLS()
	t.Cleanup(srv.Close)
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	return rc, pool
}

func tlsConfig(pool *x509.CertPool) *tls.Config { return &tls.Config{RootCAs: pool} }

// registrations counts a Receiver's subscriptions.
func (rc *Receiver) registrations() int {
	rc.mu.RLock()
	defer rc.mu.RUnlock()
	return len(rc.subs)
}

// secretOf returns a registration's secret, for tests that forge pushes.
func (rc *Receiver) secretOf(id string) string {
	rc.mu.RLock()
	defer rc.mu.RUnlock()
	if reg := rc.subs[id]; reg != nil {
		return string(reg.secret)
	}
	return ""
}

// forgedECC is what an attacker would post: an uncorrectable memory error,
// which would set off an evacuation.
func forgedECC(context string) string {
	return `{"@odata.type":"#Event.v1_7_0.Event","Id":"99","Context":"` + context + `","Events":[{"EventId":"99",` +
		`"EventType":"Alert","EventTimestamp":"2026-03-01T10:00:00Z","MessageSeverity":"Critical",` +
		`"Message":"Uncorrectable ECC error on DIMM 'DIMM_A1'.","MessageId":"Memory.1.0.UncorrectableError",` +
		`"MessageArgs":["DIMM_A1"],"OriginOfCondition":{"@odata.id":"/redfish/v1/Systems/1/Memory/DIMM_A1"}}]}`
}

// TestForgedPushesDropped: pushes without the subscription's secret, or
// with the secret but a body that is too large, malformed or for another
// Context, never reach the subscriber. Each is answered with an error and
// counted once under its reason; then the genuine push, from the simulated
// BMC, is accepted.
func TestForgedPushesDropped(t *testing.T) {
	rc, pool := newPushServer(t, ReceiverConfig{MaxBody: 4 << 10})
	sim := startSim(t, redfishsim.Config{PushRootCAs: pool})
	r := newReader(sim, nil)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var mu sync.Mutex
	var got [][]sensors.Event
	pushed := make(chan struct{}, 16)
	sub, err := r.Subscribe(ctx, rc, func(evs []sensors.Event) {
		mu.Lock()
		got = append(got, evs)
		mu.Unlock()
		pushed <- struct{}{}
	})
	if err != nil {
		t.Fatal(err)
	}
	// Another BMC's subscription, which must not open this one.
	other, _, err := rc.register("other-bmc", func([]sensors.Event) { t.Error("the other subscription got a push") })
	if err != nil {
		t.Fatal(err)
	}
	secret := rc.secretOf(sub.ID)
	wrongSecret := []byte(secret)
	wrongSecret[7] ^= 1
	base := rc.base + "/" + sub.ID + "/"
	good := forgedECC("vigil " + sub.ID)
	cli := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig(pool)}}

	cases := []struct {
		name   string
		method string
		url    string
		body   string
		reason DropReason
		status int
		chunk  bool // no Content-Length: the limit applies while reading
	}{
		{"no subscription in the path", "POST", rc.base, good, DropUnknownSubscription, 404, false},
		{"only a secret", "POST", rc.base + "/" + secret, good, DropUnknownSubscription, 404, false},
		{"unknown subscription", "POST", rc.base + "/0011223344556677/" + secret, good, DropUnknownSubscription, 404, false},
		{"no secret", "POST", base, good, DropUnknownSubscription, 404, false},
		{"wrong secret", "POST", base + string(wrongSecret), good, DropBadSecret, 404, false},
		{"secret cut short", "POST", base + secret[:42], good, DropBadSecret, 404, false},
		{"secret of another subscription", "POST", base + string(other.secret), good, DropBadSecret, 404, false},
		{"secret in a query", "POST", base + "?s=" + secret, good, DropUnknownSubscription, 404, false},
		{"too large", "POST", base + secret, good + strings.Repeat(" ", 4<<10), DropTooLarge, 413, false},
		{"too large, chunked", "POST", base + secret, good + strings.Repeat(" ", 4<<10), DropTooLarge, 413, true},
		{"not JSON", "POST", base + secret, "Uncorrectable ECC", DropMalformed, 400, false},
		{"no event records", "POST", base + secret, `{"Context":"vigil ` + sub.ID + `","Events":[]}`, DropMalformed, 400, false},
		{"another subscription's context", "POST", base + secret, forgedECC(other.context), DropWrongContext, 400, false},
		{"GET", "GET", base + secret, "", DropNotPost, 405, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := rc.Stats()
			var body io.Reader = strings.NewReader(tc.body)
			if tc.chunk {
				body = io.MultiReader(body) // hides the length
			}
			req, err := http.NewRequestWithContext(ctx, tc.method, tc.url, body)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := cli.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("%s %s = HTTP %d, want %d", tc.method, tc.name, resp.StatusCode, tc.status)
			}
			after := rc.Stats()
			want := maps.Clone(before.Dropped)
			want[tc.reason]++
			if !maps.Equal(after.Dropped, want) || after.Accepted != before.Accepted {
				t.Errorf("Stats after %s = %+v, want only %s counted once more than %+v", tc.name, after, tc.reason, before)
			}
		})
	}
	mu.Lock()
	if len(got) != 0 {
		t.Fatalf("forged pushes reached the subscriber: %+v", got)
	}
	mu.Unlock()

	// The genuine one, from the BMC.
	if err := sim.RaiseECC("DIMM A1", true, 1); err != nil {
		t.Fatal(err)
	}
	select {
	case <-pushed:
	case <-ctx.Done():
		t.Fatal("the BMC's push was not accepted")
	}
	if st := rc.Stats(); st.Accepted != 1 {
		t.Errorf("Stats() = %+v, want the BMC's push accepted", st)
	}
	// After Unsubscribe the right secret no longer opens anything.
	if err := r.Unsubscribe(ctx, sub); err != nil {
		t.Fatal(err)
	}
	before := rc.Stats().Dropped[DropUnknownSubscription]
	resp, err := cli.Post(base+secret, "application/json", strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 || rc.Stats().Dropped[DropUnknownSubscription] != before+1 {
		t.Errorf("push after Unsubscribe = HTTP %d, unknown-subscription drops %d -> %d", resp.StatusCode, before, rc.Stats().Dropped[DropUnknownSubscription])
	}
}

// TestNewReceiverRefuses: a receiver URL that would leak its secrets, or
// is no URL a BMC can post to, is refused with the reason.
func TestNewReceiverRefuses(t *testing.T) {
	cases := []struct {
		name string
		cfg  ReceiverConfig
		want string // in the error; "" accepts
	}{
		{"https", ReceiverConfig{URL: "https://10.0.0.5:8443/vigil/events"}, ""},
		{"plain http", ReceiverConfig{URL: "http://10.0.0.5:8080/events"}, "plain http"},
		{"plain http allowed", ReceiverConfig{URL: "http://10.0.0.5:8080/events", AllowHTTP: true}, ""},
		{"no host", ReceiverConfig{URL: "/events"}, "no host"},
		{"query", ReceiverConfig{URL: "https://10.0.0.5/events?x=1"}, "no user, query or fragment"},
		{"user", ReceiverConfig{URL: "https://u:p@10.0.0.5/events"}, "no user, query or fragment"},
		{"scheme", ReceiverConfig{URL: "ftp://10.0.0.5/events"}, "scheme must be https"},
		{"unparsable", ReceiverConfig{URL: "https://[::1/events"}, "URL"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewReceiver(tc.cfg)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("NewReceiver(%q) = %v, want it accepted", tc.cfg.URL, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("NewReceiver(%q) = %v, want an error saying %q", tc.cfg.URL, err, tc.want)
			}
		})
	}
}

// FuzzReceiver posts arbitrary paths and bodies to a Receiver holding one
// subscription. A push reaches the subscriber only with the exact
// subscription path and a decodable body carrying no foreign Context, and
// every request is counted exactly once, accepted or dropped.
func FuzzReceiver(f *testing.F) {
	rc, err := NewReceiver(ReceiverConfig{URL: "https://vigil.test/events", MaxBody: 8 << 10})
	if err != nil {
		f.Fatal(err)
	}
	var delivered int
	reg, dest, err := rc.register("bmc", func([]sensors.Event) { delivered++ })
	if err != nil {
		f.Fatal(err)
	}
	path := strings.TrimPrefix(dest, "https://vigil.test")
	for _, body := range append(eventTable, forgedECC(reg.context), forgedECC("vigil other"), "", "{}", `{"Events":[{}]}`) {
		f.Add(path, []byte(body))
		f.Add("/events/"+reg.id+"/"+strings.Repeat("A", 43), []byte(body))
		f.Add("/events/"+reg.id+"/", []byte(body))
	}
	f.Fuzz(func(t *testing.T, p string, body []byte) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
		req := httptest.NewRequest("POST", "https://vigil.test/", bytes.NewReader(body))
		req.URL.Path = p
		before, was := rc.Stats(), delivered
		w := httptest.NewRecorder()
		rc.ServeHTTP(w, req)
		after := rc.Stats()
		total := func(s ReceiverStats) (n uint64) {
			n = s.Accepted
			for _, d := range s.Dropped {
				n += d
			}
			return n
		}
		if total(after) != total(before)+1 {
			t.Fatalf("request counted %d times", total(after)-total(before))
		}
		if delivered != was {
			if strings.TrimRight(p, "/") != path {
				t.Fatalf("push to %q delivered; only %q may", p, path)
			}
			if _, _, err := decodePush(body, time.Unix(0, 0)); err != nil || len(body) > 8<<10 {
				t.Fatalf("undecodable or oversized body delivered: %q", body)
			}
			if w.Code != http.StatusNoContent || after.Accepted != before.Accepted+1 {
				t.Fatalf("delivered push answered %d, accepted %d -> %d", w.Code, before.Accepted, after.Accepted)
			}
		} else if w.Code < 400 {
			t.Fatalf("dropped push answered %d", w.Code)
		}
	})
}

func ExampleReceiver() {
	rc, err := NewReceiver(ReceiverConfig{URL: "https://10.0.0.5:8443/vigil/events"})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Serve rc over HTTPS at /vigil/events (any prefix works), then for
	// each BMC: sub, err := reader.Subscribe(ctx, rc, deliver).
	fmt.Println(rc.Stats().Dropped[DropBadSecret])
	// Output: 0
}
