package test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestProductImportsNoLab: outside test/ and cmd/vigil-lab, no package's
// non-test code imports the lab (anything under test/) or internal/testenv,
// so nothing the agent could link depends on test code.
func TestProductImportsNoLab(t *testing.T) {
	const module = "github.com/vigil-ha/vigil"
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", "./...")
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list ./...: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 10 {
		t.Fatalf("go list ./... listed only %d packages", len(lines))
	}
	for _, line := range lines {
		fields := strings.Fields(line)
		pkg := fields[0]
		if pkg == module+"/test" || strings.HasPrefix(pkg, module+"/test/") || pkg == module+"/cmd/vigil-lab" {
			continue
		}
		for _, imp := range fields[1:] {
			if strings.HasPrefix(imp, module+"/test/") || imp == module+"/test" || imp == module+"/internal/testenv" {
				t.Errorf("%s imports %s: only test/ and cmd/vigil-lab may", pkg, imp)
			}
		}
	}
}
