package lab

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dumpLogs prints the last lines of every log the lab kept (process output,
// BMC hook and chassis logs), for a failed test.
func (l *Lab) dumpLogs(t testing.TB) {
	t.Helper()
	_ = filepath.WalkDir(filepath.Join(l.Dir, "hosts"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(d.Name(), ".log") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil || len(b) == 0 {
			return nil
		}
		if len(b) > 2048 {
			b = b[len(b)-2048:]
		}
		rel, _ := filepath.Rel(l.Dir, path)
		t.Logf("lab %d: %s (tail):\n%s", l.Index, rel, b)
		return nil
	})
}
