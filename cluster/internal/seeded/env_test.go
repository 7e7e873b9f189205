//go:build vigil_seeded_bugs

package seeded

import (
	"strings"
	"testing"
)

// TestSetFromEnv: the tagged build switches on exactly the bugs the
// variable names and refuses an unknown name.
func TestSetFromEnv(t *testing.T) {
	for _, b := range All() {
		defer Set(b, false)()
	}
	if err := setFromEnv(" skip-fence-confirmation,forget-revoked-vms ,"); err != nil {
		t.Fatalf("setFromEnv: %v", err)
	}
	for _, b := range All() {
		want := b == SkipFenceConfirmation || b == ForgetRevokedVMs
		if On(b) != want {
			t.Errorf("On(%s) = %v, want %v", b, On(b), want)
		}
	}
	err := setFromEnv("no-such-bug")
	if err == nil || !strings.Contains(err.Error(), `unknown seeded bug "no-such-bug"`) {
		t.Errorf(`setFromEnv("no-such-bug") = %v, want an unknown-bug error`, err)
	}
}

// TestNames: every bug has a distinct name that Parse maps back.
func TestNames(t *testing.T) {
	seen := map[string]bool{}
	for _, name := range Names() {
		b, ok := Parse(name)
		if !ok || b.String() != name || seen[name] {
			t.Errorf("Parse(%q) = %v, %v (seen before: %v)", name, b, ok, seen[name])
		}
		seen[name] = true
	}
	if len(seen) != len(All()) {
		t.Errorf("Names() has %d names, want %d", len(seen), len(All()))
	}
}
