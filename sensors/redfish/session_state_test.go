package redfish

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// TestRefusedSessionDroppedWhole: the BMC refuses the Reader's session
// (401) during Subscribe and also refuses the new login. The refused
// session is dropped whole: the Reader holds no part of it, and neither the
// drop nor Close sends the BMC a request with its token (Close once logged
// out a session whose client the events code had already dropped).
func TestRefusedSessionDroppedWhole(t *testing.T) {
	sim := startSim(t, redfishsim.Config{})
	fp := newFaultyPath(t, sim)
	r := fp.reader(sim)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := r.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	r.mu.Lock()
	session, err := r.cur.api.GetSession()
	r.mu.Unlock()
	if err != nil || session.Token == "" {
		t.Fatalf("no session token after the first Poll (%v); the test needs a session", err)
	}
	token := session.Token

	// From now on the BMC refuses everything: the session and any login.
	var mu sync.Mutex
	var withToken []string // requests that carried the refused token
	deleted := make(chan struct{}, 16)
	refuse := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Header.Get("X-Auth-Token") == token {
			mu.Lock()
			withToken = append(withToken, req.Method+" "+req.URL.Path)
			mu.Unlock()
			if req.Method == http.MethodDelete {
				deleted <- struct{}{}
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"error":{"code":"Base.1.8.GeneralError","message":"Unauthorized"}}`))
	})
	fp.answer.Store(&refuse)

	rc, err := NewReceiver(ReceiverConfig{URL: "https://127.0.0.1:9/events"})
	if err != nil {
		t.Fatal(err)
	}
	if sub, err := r.Subscribe(ctx, rc, func([]sensors.Event) {}); err == nil {
		t.Fatalf("Subscribe against a BMC refusing everything = %+v, want an error", sub)
	}
	r.mu.Lock()
	held := r.cur != nil
	r.mu.Unlock()
	if held {
		t.Fatal("after the BMC refused the session and the login, the Reader still holds a login")
	}
	mu.Lock()
	if len(withToken) != 1 || !strings.HasPrefix(withToken[0], "POST ") {
		t.Errorf("requests with the session token before Close: %q, want only the refused POST", withToken)
	}
	mu.Unlock()

	r.Close()
	// A logout would be a DELETE within its 2 s timeout; allow more.
	select {
	case <-deleted:
		mu.Lock()
		t.Errorf("the refused session was logged out (requests with its token: %q)", withToken)
		mu.Unlock()
	case <-time.After(4 * time.Second):
	}
}
