package rmcp

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestPolicyCandidates(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    Policy
		want []int
	}{
		{"zero value is auto with floor 3", Policy{}, []int{17, 3}},
		{"negative is auto too", Policy{Suite: -1}, []int{17, 3}},
		{"pinned 3", Policy{Suite: 3}, []int{3}},
		{"pinned 17", Policy{Suite: 17}, []int{17}},
		{"floor 17", Policy{Min: 17}, []int{17}},
		{"pinned 2 with AllowWeak", Policy{Suite: 2, AllowWeak: true}, []int{2}},
		{"pinned 1 with AllowWeak", Policy{Suite: 1, AllowWeak: true}, []int{1}},
	} {
		got, err := tc.p.Candidates()
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %+v.Candidates() = %v, %v, want %v", tc.name, tc.p, got, err, tc.want)
		}
	}
}

// TestPolicyRefusesWeak: a suite below 3 is refused unless AllowWeak says
// so, with a reason; no Policy ever proposes suite 0.
func TestPolicyRefusesWeak(t *testing.T) {
	for _, tc := range []struct {
		name    string
		p       Policy
		wantErr string
	}{
		{"pinned 1", Policy{Suite: 1}, "readable or forgeable"},
		{"pinned 2", Policy{Suite: 2}, "readable or forgeable"},
		{"floor 1", Policy{Min: 1}, "readable or forgeable"},
		{"floor 2", Policy{Min: 2}, "readable or forgeable"},
		{"pinned 18", Policy{Suite: 18}, "not a standard suite"},
		{"pinned 18 even with AllowWeak", Policy{Suite: 18, AllowWeak: true}, "not a standard suite"},
		{"floor 18", Policy{Min: 18}, "not a standard suite"},
		{"negative floor", Policy{Min: -1}, "not a standard suite"},
	} {
		got, err := tc.p.Candidates()
		if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("%s: %+v.Candidates() = %v, %v; want an error containing %q", tc.name, tc.p, got, err, tc.wantErr)
		}
		if strings.Contains(tc.wantErr, "forgeable") && !errors.Is(err, ErrWeakPolicy) {
			t.Errorf("%s: error %v does not wrap ErrWeakPolicy", tc.name, err)
		}
	}
	for _, p := range []Policy{{}, {AllowWeak: true}, {Min: 1, AllowWeak: true}, {Suite: 1, AllowWeak: true}} {
		if got, _ := p.Candidates(); slices.Contains(got, 0) {
			t.Errorf("%+v.Candidates() = %v proposes suite 0", p, got)
		}
	}
	if !errors.Is(ErrSuiteZero, ErrWeakPolicy) || !strings.Contains(ErrSuiteZero.Error(), "no authentication") {
		t.Errorf("ErrSuiteZero = %v; want ErrWeakPolicy naming the reason", ErrSuiteZero)
	}
}

// Suite 2 (no confidentiality) crashes ipmi_sim. The default floor keeps it
// out; a lower floor proposes it only after every suite that encrypts, so
// it is reached only when the BMC refused all of those.
func TestSuite2OnlyBelowDefaultFloor(t *testing.T) {
	if got, _ := (Policy{}).Candidates(); slices.Contains(got, 2) {
		t.Fatalf("suite 2 offered unpinned with the default floor: %v (it crashes ipmi_sim)", got)
	}
	got, err := Policy{Min: 1, AllowWeak: true}.Candidates()
	if err != nil || got[0] != 17 || !slices.Contains(got, 2) || got[len(got)-1] != 1 {
		t.Fatalf("Candidates(auto, min 1, weak allowed) = %v, %v; want 17 first, 2 among them, 1 last", got, err)
	}
	i2 := slices.Index(got, 2)
	for _, id := range got[i2+1:] {
		if a, _ := SuiteAlgorithms(id); a.Confidentiality != 0 {
			t.Fatalf("suite %d (with confidentiality) comes after suite 2 in %v", id, got)
		}
	}
}

func TestCheckCredentials(t *testing.T) {
	for _, tc := range []struct {
		name, host, user, pw string
		wantErr              string
	}{
		{"ok", "10.0.0.9", "admin", "pw", ""},
		{"16-byte user", "10.0.0.9", strings.Repeat("u", 16), "pw", ""},
		{"20-byte password", "10.0.0.9", "admin", strings.Repeat("p", 20), ""},
		{"no host", "", "admin", "pw", "host is required"},
		{"no user", "10.0.0.9", "", "pw", "user name is required"},
		{"17-byte user", "10.0.0.9", strings.Repeat("u", 17), "pw", "17 bytes; IPMI 2.0 carries at most 16"},
		{"21-byte password", "10.0.0.9", "admin", "secret-" + strings.Repeat("p", 14), "21 bytes; IPMI 2.0 passwords are at most 20"},
	} {
		err := CheckCredentials(tc.host, tc.user, tc.pw)
		if (tc.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%s: CheckCredentials = %v, want %q", tc.name, err, tc.wantErr)
		}
		if err != nil && tc.pw != "" && strings.Contains(err.Error(), tc.pw) {
			t.Errorf("%s: error shows the password: %v", tc.name, err)
		}
	}
}

func TestSuiteAlgorithms(t *testing.T) {
	for _, tc := range []struct {
		id   int
		want Algorithms
	}{
		{0, Algorithms{0, 0, 0}},
		{1, Algorithms{0x01, 0x00, 0x00}},
		{3, Algorithms{0x01, 0x01, 0x01}},
		{17, Algorithms{0x03, 0x04, 0x01}},
	} {
		if got, ok := SuiteAlgorithms(tc.id); !ok || got != tc.want {
			t.Errorf("SuiteAlgorithms(%d) = %v, %v; want %v", tc.id, got, ok, tc.want)
		}
	}
	for _, id := range []int{-1, 18, 19, 255} {
		if _, ok := SuiteAlgorithms(id); ok {
			t.Errorf("SuiteAlgorithms(%d) accepted a non-standard suite", id)
		}
	}
}

func TestAtLeast(t *testing.T) {
	s1, _ := SuiteAlgorithms(1)
	s3, _ := SuiteAlgorithms(3)
	s17, _ := SuiteAlgorithms(17)
	md5 := Algorithms{0x02, 0x01, 0x01}
	oem := Algorithms{0x30, 0x01, 0x01}
	for _, tc := range []struct {
		name string
		a, b Algorithms
		want bool
	}{
		{"3 >= 3", s3, s3, true},
		{"17 >= 3", s17, s3, true},
		{"3 < 17", s3, s17, false},
		{"1 < 3", s1, s3, false},
		{"MD5 auth < SHA1", md5, s3, false},
		{"OEM auth below everything", oem, Algorithms{}, false},
	} {
		if got := tc.a.AtLeast(tc.b); got != tc.want {
			t.Errorf("%s: %v.AtLeast(%v) = %v", tc.name, tc.a, tc.b, got)
		}
	}
	if s := s3.String(); !strings.Contains(s, "auth") || !strings.Contains(s, "integrity") || !strings.Contains(s, "confidentiality") {
		t.Errorf("String() = %q, want the three algorithms named", s)
	}
}
