package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/store"
)

// CheckStores opens the store file (agent.StoreFile) in each host's state
// directory copy and runs store.Check on it: bbolt's page check and
// vigil's record invariants. A host without a copy is skipped; a copy
// without a store file, or one that does not open, is a violation. Open
// migrates and trims the file it opens: run it on copies, never on a live
// agent's state directory.
func CheckStores(h *History) []Violation {
	var out []Violation
	for _, hst := range h.Hosts {
		if hst.StateDir == "" {
			continue
		}
		path := filepath.Join(hst.StateDir, agent.StoreFile)
		fail := func(msg string, err error) {
			out = append(out, Violation{Check: Store, Hosts: []string{hst.Name},
				Message:  fmt.Sprintf("store of %s (%s): %s", hst.Name, path, msg),
				Evidence: strings.Split(err.Error(), "\n")})
		}
		if _, err := os.Stat(path); err != nil {
			fail("missing", err)
			continue
		}
		st, err := store.Open(path, store.Options{LockTimeout: time.Second, NoSync: true})
		if err != nil {
			fail("does not open", err)
			continue
		}
		if err := st.Check(); err != nil {
			fail("consistency check failed", err)
		}
		st.Close()
	}
	return out
}
