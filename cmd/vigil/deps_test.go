package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// thirdPartyTestingImporters are the dependencies allowed to pull package
// testing into the agent, each with the reason. Nothing of this module may.
var thirdPartyTestingImporters = map[string]string{
	// gofish v0.23.0 ships assertion helpers (RequireNoError, AssertEqual…)
	// in schemas/testutil.go, a non-test file; upstream's main still does.
	// Release builds (make build) drop that file through the workspace
	// image/workspace.sh prepares; TestReleaseBuildLinksNoTesting checks it.
	"github.com/stmcginnis/gofish/schemas": "gofish v0.23.0 schemas/testutil.go",
	// raft v1.8.0 ships its cluster test helpers (MakeCluster, MockFSM)
	// in testing.go, a non-test file; the workspace drops it too.
	"github.com/hashicorp/raft": "raft v1.8.0 testing.go",
}

// TestLinksNoTestCode: the shipped agent binary links nothing of the lab
// under test/ (BMC simulators, the guest builder, nftables editing) nor
// internal/testenv, and none of its packages imports package testing;
// the lab lives in cmd/vigil-lab.
func TestLinksNoTestCode(t *testing.T) {
	checkLinks(t, os.Environ(), thirdPartyTestingImporters)
}

// TestReleaseBuildLinksNoTesting: built as make build builds it, through
// the workspace of image/workspace.sh, the agent links package testing
// through nothing at all, gofish and raft included.
func TestReleaseBuildLinksNoTesting(t *testing.T) {
	if testing.Short() {
		t.Skip("copies gofish and lists the build: not with -short")
	}
	dir := t.TempDir()
	if out, err := exec.Command("bash", "../../image/workspace.sh", dir).CombinedOutput(); err != nil {
		t.Fatalf("image/workspace.sh: %v\n%s", err, out)
	}
	env := append(os.Environ(), "GOWORK="+filepath.Join(dir, "go.work"))
	checkLinks(t, env, nil)
}

func checkLinks(t *testing.T, env []string, allowed map[string]string) {
	t.Helper()
	const module = "github.com/vigil-ha/vigil"
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", ".")
	cmd.Env = env
	out, err := cmd.Output()
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
			if _, ok := allowed[pkg]; !ok {
				t.Errorf("cmd/vigil links package testing through %s", pkg)
			}
		}
	}
}
