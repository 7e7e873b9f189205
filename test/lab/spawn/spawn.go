// Package spawn starts lab processes that must die with the test process
// (Pdeathsig) but not before it.
//
// The kernel sends a child's parent-death signal when the *thread* that
// forked it ends, not the process, and the Go runtime ends the thread of
// every goroutine that exits while locked to it (a netns switch does that).
// Any thread may be handed to such a goroutine later, so Start forks from one
// goroutine locked for good to a thread that never ends.
package spawn

import (
	"os/exec"
	"runtime"
	"sync"
)

var (
	once sync.Once
	reqs chan func()
)

// Start starts cmd, like cmd.Start, from the spawner thread.
func Start(cmd *exec.Cmd) error {
	once.Do(func() {
		reqs = make(chan func())
		go func() {
			runtime.LockOSThread() // never unlocked: the thread must not end
			for f := range reqs {
				f()
			}
		}()
	})
	errc := make(chan error, 1)
	reqs <- func() { errc <- cmd.Start() }
	return <-errc
}
