package redfish

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// faultyPath is an HTTPS proxy in front of a simulated BMC that can cut
// chosen paths (the request fails as on a dead link) and hold others until
// released, so a test can make a Poll fail at a chosen moment.
type faultyPath struct {
	srv *httptest.Server

	cut     atomic.Pointer[func(path string) bool]
	answer  atomic.Pointer[http.HandlerFunc] // answers instead of the BMC
	mu      sync.Mutex
	hold    string        // path held until release is closed
	reached chan struct{} // closed when a request for hold arrives
	release chan struct{}
}

func newFaultyPath(t testing.TB, sim *redfishsim.Sim) *faultyPath {
	t.Helper()
	target, err := url.Parse(sim.URL())
	if err != nil {
		t.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.Transport = &http.Transport{TLSClientConfig: &tls.Config{RootCAs: sim.CACertPool()}}
	fp := &faultyPath{}
	fp.srv = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if cut := fp.cut.Load(); cut != nil && (*cut)(r.URL.Path) {
			panic(http.ErrAbortHandler) // the client sees the connection die
		}
		if answer := fp.answer.Load(); answer != nil {
			(*answer)(w, r)
			return
		}
		fp.mu.Lock()
		hold, reached, release := fp.hold, fp.reached, fp.release
		fp.mu.Unlock()
		if hold != "" && r.URL.Path == hold {
			close(reached)
			fp.mu.Lock()
			fp.hold = ""
			fp.mu.Unlock()
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(fp.srv.Close)
	return fp
}

// holdNext holds the next request for path until the returned release is
// called; reached is closed when it arrives.
func (fp *faultyPath) holdNext(path string) (reached <-chan struct{}, release func()) {
	fp.mu.Lock()
	defer fp.mu.Unlock()
	fp.hold, fp.reached, fp.release = path, make(chan struct{}), make(chan struct{})
	rel := fp.release
	var once sync.Once
	return fp.reached, func() { once.Do(func() { close(rel) }) }
}

// cutWalk makes every resource a Poll walks below the chassis collection,
// the managers and the systems fail as on a dead link, while logins, the
// service root, the credential check and the EventService still answer.
func (fp *faultyPath) cutWalk(on bool) {
	if !on {
		fp.cut.Store(nil)
		return
	}
	f := func(p string) bool {
		return strings.HasPrefix(p, "/redfish/v1/Chassis/") || strings.HasPrefix(p, "/redfish/v1/Managers") ||
			strings.HasPrefix(p, "/redfish/v1/Systems")
	}
	fp.cut.Store(&f)
}

func (fp *faultyPath) reader(sim *redfishsim.Sim) *Reader {
	u, pw := sim.Credentials()
	pool := x509.NewCertPool()
	pool.AddCert(fp.srv.Certificate())
	// Reconnect at once after a failed Poll: the test wants many.
	return New(Config{URL: fp.srv.URL, User: u, Password: pw, RootCAs: pool,
		MinBackoff: time.Nanosecond, MaxBackoff: time.Nanosecond})
}

// TestStreamSSESessionLostMidway: a Poll that fails while StreamSSE waits
// for the EventService drops the Reader's session. StreamSSE must not use
// the dropped session (it was a nil-pointer panic): the stream opens with
// the session it started with or a new one and delivers events.
func TestStreamSSESessionLostMidway(t *testing.T) {
	sim := startSim(t, redfishsim.Config{})
	fp := newFaultyPath(t, sim)
	r := fp.reader(sim)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := r.Poll(ctx); err != nil {
		t.Fatalf("first Poll: %v", err)
	}

	reached, release := fp.holdNext("/redfish/v1/EventService")
	defer release()
	events := make(chan string, 16)
	sctx, scancel := context.WithCancel(ctx)
	defer scancel()
	done := make(chan error, 1)
	go func() {
		done <- r.StreamSSE(sctx, func(ev sensors.Event) { events <- ev.Message })
	}()
	select {
	case <-reached:
	case <-ctx.Done():
		t.Fatal("StreamSSE never asked for the EventService")
	}
	fp.cutWalk(true)
	if _, err := r.Poll(ctx); err == nil {
		t.Fatal("Poll with the walk cut succeeded")
	}
	r.mu.Lock()
	lost := r.cur == nil
	r.mu.Unlock()
	if !lost {
		t.Fatal("the failed Poll kept its session; the test does not reach the case it is for")
	}
	fp.cutWalk(false)
	release()

	// The stream opens (now or after one backoff) and carries an event.
	deadline := time.After(20 * time.Second)
	for {
		if err := sim.FailFan("FAN1"); err != nil {
			t.Fatal(err)
		}
		select {
		case msg := <-events:
			if !strings.Contains(msg, "FAN1") {
				t.Errorf("SSE event = %q, want FAN1's failure", msg)
			}
			scancel()
			if err := <-done; !errors.Is(err, context.Canceled) {
				t.Errorf("StreamSSE after cancel = %v, want context.Canceled", err)
			}
			return
		case err := <-done:
			t.Fatalf("StreamSSE ended: %v", err)
		case <-deadline:
			t.Fatal("no SSE event after the session was lost and the EventService answered")
		case <-time.After(500 * time.Millisecond):
			_ = sim.Repair("FAN1") // fail it again on the next round
		}
	}
}

// TestSubscribeWhilePollsFail: Subscribe and Unsubscribe in loops while
// Polls fail and drop the session in other goroutines. Each call either
// works or returns an error; none may use a session dropped between its
// checks (a nil-pointer panic before, within half a second here).
func TestSubscribeWhilePollsFail(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: runs for 4 s")
	}
	sim := startSim(t, redfishsim.Config{})
	fp := newFaultyPath(t, sim)
	r := fp.reader(sim)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := r.Poll(ctx); err != nil {
		t.Fatalf("first Poll: %v", err)
	}
	rc, err := NewReceiver(ReceiverConfig{URL: "https://127.0.0.1:9/events"}) // never pushed to
	if err != nil {
		t.Fatal(err)
	}
	fp.cutWalk(true)
	stop := make(chan struct{})
	stopped := func() bool {
		select {
		case <-stop:
			return true
		default:
			return false
		}
	}
	var polls, rounds, errs atomic.Int64
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for !stopped() {
				_, _ = r.Poll(ctx) // fails and drops the session
				polls.Add(1)
			}
		})
	}
	for range 4 {
		wg.Go(func() {
			for !stopped() {
				rounds.Add(1)
				sub, err := r.Subscribe(ctx, rc, func([]sensors.Event) {})
				if err != nil {
					errs.Add(1)
					continue
				}
				if err := r.Unsubscribe(ctx, sub); err != nil {
					errs.Add(1)
				}
			}
		})
	}
	time.Sleep(4 * time.Second)
	close(stop)
	wg.Wait()
	r.Close() // not deferred: after a panic under r.mu it would deadlock and hide the panic
	t.Logf("%d subscribe/unsubscribe rounds (%d errors) against %d failing polls", rounds.Load(), errs.Load(), polls.Load())
	if rounds.Load() < 10 || polls.Load() < 10 {
		t.Fatalf("only %d rounds and %d polls: the race was hardly tried", rounds.Load(), polls.Load())
	}
}

// TestSubscribeRefusedKeepsSecret: a BMC that refuses a subscription and
// quotes its Destination (as Redfish's PropertyValueFormatError does) never
// gets the secret into the error, and the registration is removed.
func TestSubscribeRefusedKeepsSecret(t *testing.T) {
	sim := startSim(t, redfishsim.Config{})
	fp := newFaultyPath(t, sim)
	r := fp.reader(sim)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	rc, err := NewReceiver(ReceiverConfig{URL: "https://127.0.0.1:9/events"})
	if err != nil {
		t.Fatal(err)
	}
	var quoted atomic.Value
	refuse := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodPost || req.URL.Path != "/redfish/v1/EventService/Subscriptions" {
			http.Error(w, "not here", http.StatusNotFound)
			return
		}
		var body struct{ Destination string }
		_ = json.NewDecoder(req.Body).Decode(&body)
		quoted.Store(body.Destination)
		msg := fmt.Sprintf("The value '%s' for the property Destination is of a different format than the property can accept.", body.Destination)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"code": "Base.1.8.GeneralError", "message": msg,
			"@Message.ExtendedInfo": []any{map[string]any{"MessageId": "Base.1.8.PropertyValueFormatError", "Message": msg}}}})
	})
	if _, err := r.Poll(ctx); err != nil { // log in through the BMC first
		t.Fatal(err)
	}
	fp.answer.Store(&refuse)
	sub, err := r.Subscribe(ctx, rc, func([]sensors.Event) {})
	if err == nil {
		t.Fatalf("Subscribe = %+v, want the BMC's refusal", sub)
	}
	dest, _ := quoted.Load().(string)
	_, secret, _ := cutLast(dest)
	if len(secret) != 43 {
		t.Fatalf("the BMC saw Destination %q, want one ending in a 43-character secret", dest)
	}
	for _, text := range []string{err.Error(), fmt.Sprintf("%+v", err), bmc.Detail(err)} {
		if strings.Contains(text, secret) {
			t.Errorf("Subscribe's error shows the secret: %s", text)
		}
	}
	if !strings.Contains(err.Error(), "different format") {
		t.Errorf("Subscribe's error = %v, want the BMC's reason", err)
	}
	if n := rc.registrations(); n != 0 {
		t.Errorf("a refused subscription left %d registrations", n)
	}
}
