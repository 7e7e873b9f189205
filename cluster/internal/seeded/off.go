//go:build !vigil_seeded_bugs

package seeded

// Available reports whether this build can switch bugs on.
const Available = false

// On reports whether bug b is switched on: never, in this build.
func On(Bug) bool { return false }
