//go:build vigil_seeded_bugs

package seeded

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"
)

// Available reports whether this build can switch bugs on.
const Available = true

var switches [numBugs]atomic.Bool

// On reports whether bug b is switched on.
func On(b Bug) bool { return switches[b].Load() }

// Set switches bug b on or off and returns a function that restores the
// previous setting. Switches are process-wide: a test that sets one must
// not run beside tests that expect it off.
func Set(b Bug, on bool) (restore func()) {
	old := switches[b].Swap(on)
	return func() { switches[b].Store(old) }
}

// init switches on the bugs EnvVar names: a whole agent process (the
// chaos runner's, test/chaos) runs with them from its first instruction.
// Only this tagged build reads the variable; the release build has no such
// path.
func init() {
	if err := setFromEnv(os.Getenv(EnvVar)); err != nil {
		// A misspelt bug would silently run a correct agent and make the
		// chaos runner report the bug as not caught: refuse to start.
		panic(err)
	}
}

// setFromEnv switches on every bug of a comma-separated list of names.
func setFromEnv(v string) error {
	var on []string
	for name := range strings.SplitSeq(v, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		b, ok := Parse(name)
		if !ok {
			return fmt.Errorf("%s: unknown seeded bug %q (known: %s)", EnvVar, name, strings.Join(Names(), ", "))
		}
		switches[b].Store(true)
		on = append(on, name)
	}
	if len(on) > 0 {
		fmt.Fprintf(os.Stderr, "vigil: seeded bugs switched on (%s): %s\n", EnvVar, strings.Join(on, ", "))
	}
	return nil
}
