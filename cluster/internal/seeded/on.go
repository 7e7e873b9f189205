//go:build vigil_seeded_bugs

package seeded

import "sync/atomic"

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
