package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// thirdPartyTestingImporters are the dependencies allowed to pull package
// testing into the agent, each with the reason. Nothing of this module may.
var thirdPartyTestingImporters = map[string]string{
	// gofish v0.23.0 ships assertion helpers (RequireNoError, AssertEqual…)
	// in schemas/testutil.go, a non-test file; upstream's main still does.
	// The linker keeps only testing's package init of it.
	"github.com/stmcginnis/gofish/schemas": "gofish v0.23.0 schemas/testutil.go",
}

// TestLinksNoTestCode: the shipped agent binary links nothing of the lab
// under test/ (BMC simulators, the guest builder, nftables editing) nor
// internal/testenv, and none of its packages imports package testing;
// the lab lives in cmd/vigil-lab.
func TestLinksNoTestCode(t *testing.T) {
	const module = "github.com/vigil-ha/vigil"
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps .: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 20 {
		t.Fatalf("go list -deps . listed only %d packages", len(lines))
	}
	for _, line := range lines {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		if pkg == module+"/test" || strings.HasPrefix(pkg, module+"/test/") || pkg == module+"/internal/testenv" {
			t.Errorf("cmd/vigil links %s", pkg)
		}
		if slices.Contains(imports, "testing") {
			if _, ok := thirdPartyTestingImporters[pkg]; !ok {
				t.Errorf("cmd/vigil links package testing through %s", pkg)
			}
		}
	}
}
