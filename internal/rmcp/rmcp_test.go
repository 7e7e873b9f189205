package rmcp

import (
	"slices"
	"strings"
	"testing"
)

func TestCandidateSuites(t *testing.T) {
	for _, tc := range []struct {
		name          string
		pinned, floor int
		want          []int
	}{
		{"default floor 3", -1, 3, []int{17, 3}},
		{"pinned 3", 3, 3, []int{3}},
		{"pinned 17", 17, 3, []int{17}},
		{"floor 17", -1, 17, []int{17}},
		{"pinned 2 is honoured", 2, 3, []int{2}},
	} {
		got, err := CandidateSuites(tc.pinned, tc.floor)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s: CandidateSuites(%d, %d) = %v, %v, want %v", tc.name, tc.pinned, tc.floor, got, err, tc.want)
		}
	}
	for _, bad := range [][2]int{{18, 3}, {19, 3}, {-1, 18}, {-1, -1}} {
		if got, err := CandidateSuites(bad[0], bad[1]); err == nil || !strings.Contains(err.Error(), "not a standard suite") {
			t.Errorf("CandidateSuites(%d, %d) = %v, %v; want a non-standard suite error", bad[0], bad[1], got, err)
		}
	}
}

// Suite 2 (no confidentiality) crashes ipmi_sim. The default floor keeps it
// out; a lower floor proposes it only after every suite that encrypts, so
// it is reached only when the BMC refused all of those.
func TestSuite2OnlyBelowDefaultFloor(t *testing.T) {
	if got, _ := CandidateSuites(-1, 3); slices.Contains(got, 2) {
		t.Fatalf("suite 2 offered unpinned with the default floor: %v (it crashes ipmi_sim)", got)
	}
	got, err := CandidateSuites(-1, 0)
	if err != nil || len(got) != MaxStandardSuite+1 || got[0] != 17 {
		t.Fatalf("CandidateSuites(auto, min 0) = %v, %v; want all 18 suites, 17 first", got, err)
	}
	i2 := slices.Index(got, 2)
	for _, id := range got[i2+1:] {
		if a, _ := SuiteAlgorithms(id); a.Confidentiality != 0 {
			t.Fatalf("suite %d (with confidentiality) comes after suite 2 in %v", id, got)
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
