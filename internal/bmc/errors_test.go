package bmc

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestKindOfAndError(t *testing.T) {
	raw := errors.New("connect20 failed after try all cipher suite ids ([3]), errs: RAKP2 authentication code mismatch")
	e := fmt.Errorf("ipmi 10.0.0.9:623: %w", Errorf(ErrAuth, raw, "wrong password"))
	if KindOf(e) != KindCredentials || !errors.Is(e, ErrAuth) || !errors.Is(e, raw) {
		t.Fatalf("KindOf(%v) = %q; want credentials, matching ErrAuth and the raw error", e, KindOf(e))
	}
	if strings.Contains(e.Error(), "connect20") {
		t.Fatalf("Error() = %q shows the raw chain", e)
	}
	if want := "ipmi 10.0.0.9:623: wrong credentials: wrong password"; e.Error() != want {
		t.Fatalf("Error() = %q, want %q", e, want)
	}
	if d := Detail(e); !strings.Contains(d, e.Error()) || !strings.Contains(d, "RAKP2 authentication code mismatch") {
		t.Fatalf("Detail = %q; want the message and the raw chain", d)
	}
	for _, tc := range []struct {
		err  error
		want Kind
	}{
		{nil, ""},
		{errors.New("other"), ""},
		{fmt.Errorf("x: %w", ErrUnreachable), KindUnreachable},
		{Errorf(ErrPrivilege, nil, ""), KindPrivilege},
		{Errorf(ErrCipher, nil, ""), KindCipher},
		{Errorf(ErrUnsupported, nil, ""), KindUnsupported},
		// A cause that retrying cannot fix wins over unreachable.
		{errors.Join(ErrUnreachable, ErrAuth), KindCredentials},
	} {
		if got := KindOf(tc.err); got != tc.want {
			t.Errorf("KindOf(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
	if len(Kinds()) != 5 {
		t.Errorf("Kinds() = %v, want the five causes", Kinds())
	}
}

func TestStatusClassification(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want Kind
		text string
	}{
		{"401", HTTPStatus(401, "", nil), KindCredentials, "wrong user name or password"},
		{"403", HTTPStatus(403, "Insufficient privileges", nil), KindPrivilege, "Insufficient privileges"},
		{"400", HTTPStatus(400, "ResetType ForceOff not allowed", nil), KindUnsupported, "ForceOff"},
		{"501", HTTPStatus(501, "", nil), KindUnsupported, "Not Implemented"},
		{"RAKP 0x09", RAKPStatus(0x09, "OPERATOR", "fencing needs OPERATOR"), KindPrivilege, "fencing needs OPERATOR"},
		{"RAKP 0x0d", RAKPStatus(0x0d, "USER", ""), KindCredentials, "unauthorized name"},
		{"RAKP 0x0f", RAKPStatus(0x0f, "USER", ""), KindCredentials, "password"},
		{"RAKP 0x01", RAKPStatus(0x01, "USER", ""), "", "insufficient resources"},
		{"open 0x11", OpenSessionStatus(0x11, "suite 17"), KindCipher, "no cipher suite match"},
		{"cc 0xd4", CompletionCode(0xd4, "chassis power off", "power control needs OPERATOR", nil), KindPrivilege, "OPERATOR"},
		{"cc 0xc1", CompletionCode(0xc1, "chassis power cycle", "", nil), KindUnsupported, "does not support chassis power cycle"},
	} {
		if got := KindOf(tc.err); got != tc.want || !strings.Contains(tc.err.Error(), tc.text) {
			t.Errorf("%s: %v (kind %q); want kind %q and %q", tc.name, tc.err, got, tc.want, tc.text)
		}
	}
	if HTTPStatus(500, "", nil) != nil || HTTPStatus(404, "", nil) != nil || CompletionCode(0xcb, "x", "", nil) != nil ||
		RAKPStatus(0, "USER", "") != nil || OpenSessionStatus(0, "") != nil {
		t.Error("a status that is none of the causes was classified")
	}
}

func TestLatch(t *testing.T) {
	l := Latch{Min: 100 * time.Millisecond, Max: 300 * time.Millisecond}
	now := time.Unix(1000, 0)
	if l.Err(now) != nil {
		t.Fatal("a fresh latch refuses")
	}
	cause := fmt.Errorf("ipmi x: %w", Errorf(ErrAuth, nil, "wrong password"))
	for i, want := range []time.Duration{100, 200, 300, 300} {
		if d := l.Fail(now, cause); d != want*time.Millisecond {
			t.Fatalf("failure %d: wait %v, want %v", i+1, d, want*time.Millisecond)
		}
	}
	err := l.Err(now.Add(100 * time.Millisecond))
	if !errors.Is(err, ErrBackoff) || KindOf(err) != KindCredentials || !strings.Contains(err.Error(), "wrong password") {
		t.Fatalf("latched Err = %v; want ErrBackoff carrying the last cause", err)
	}
	if l.Err(now.Add(300*time.Millisecond)) != nil {
		t.Fatal("latch still refuses after its wait")
	}
	l.Reset()
	if l.Failures() != 0 || l.Err(now) != nil {
		t.Fatal("Reset did not forget")
	}
}

func TestTransportPassesCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Transport(ctx, context.Canceled); Classified(err) {
		t.Fatalf("an interrupt was classified as %v", err)
	}
}
