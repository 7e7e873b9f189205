// Package seededbugs is what programs outside cluster (the chaos runner in
// test/chaos, `vigil-lab chaos --bugs`) may know of the cluster's seeded
// bugs (cluster/internal/seeded): their names, the build tag that compiles
// them in and the environment variable that switches them on in a process
// of such a build. The release build of vigil is made without the tag and
// never reads the variable.
package seededbugs

import "github.com/vigil-ha/vigil/cluster/internal/seeded"

// Tag is the build tag that compiles the seeded bugs in.
const Tag = "vigil_seeded_bugs"

// EnvVar is the variable a tagged vigil reads at start: a comma-separated
// list of bug names to switch on (an unknown name stops it).
const EnvVar = seeded.EnvVar

// Names lists every seeded bug's name.
func Names() []string { return seeded.Names() }

// Known reports whether name is a seeded bug.
func Known(name string) bool {
	_, ok := seeded.Parse(name)
	return ok
}
