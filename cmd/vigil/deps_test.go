package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLinksNoTestCode: the agent binary links nothing of the lab under
// test/ (BMC simulators, the guest builder, nftables editing) nor
// internal/testenv, and no package it links imports package testing, its
// dependencies included; the lab lives in cmd/vigil-lab.
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
		if pkg == "testing" || slices.Contains(imports, "testing") {
			t.Errorf("cmd/vigil links package testing through %s", pkg)
		}
	}
}

// thirdParty are the modules go.mod replaces with a copy in third_party:
// the pinned version minus the one non-test file that imports package
// testing.
var thirdParty = []struct{ module, version, dir, dropped string }{
	{"github.com/stmcginnis/gofish", "v0.23.0", "gofish", "schemas/testutil.go"},
	{"github.com/hashicorp/raft", "v1.8.0", "raft", "testing.go"},
}

// TestThirdPartyMatchesUpstream: each copy in third_party is its pinned
// module as downloaded and checked against go.sum, byte for byte, less
// the dropped file, the module's own tests and testdata and its .github
// directory; nothing added.
func TestThirdPartyMatchesUpstream(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads the pinned modules: not with -short")
	}
	for _, m := range thirdParty {
		t.Run(m.dir, func(t *testing.T) {
			cmd := exec.Command("go", "mod", "download", "-json", m.module+"@"+m.version)
			cmd.Dir = "../.."
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go mod download %s@%s: %v\n%s", m.module, m.version, err, out)
			}
			var dl struct{ Dir, Error string }
			if err := json.Unmarshal(out, &dl); err != nil || dl.Dir == "" {
				t.Fatalf("go mod download %s@%s: %s %v", m.module, m.version, dl.Error, err)
			}
			want := files(t, dl.Dir, func(rel string) bool {
				return rel == m.dropped || strings.HasSuffix(rel, "_test.go") ||
					strings.HasPrefix(rel, ".github/") || slices.Contains(strings.Split(rel, "/"), "testdata")
			})
			if _, ok := want[m.dropped]; ok {
				t.Fatalf("%s was not left out", m.dropped)
			}
			got := files(t, filepath.Join("../../third_party", m.dir), func(string) bool { return false })
			if _, ok := got[m.dropped]; ok {
				t.Errorf("third_party/%s has %s", m.dir, m.dropped)
			}
			for rel, b := range want {
				if g, ok := got[rel]; !ok {
					t.Errorf("third_party/%s lacks %s", m.dir, rel)
				} else if !bytes.Equal(g, b) {
					t.Errorf("third_party/%s/%s differs from %s@%s", m.dir, rel, m.module, m.version)
				}
			}
			for rel := range got {
				if _, ok := want[rel]; !ok {
					t.Errorf("third_party/%s/%s is not in %s@%s", m.dir, rel, m.module, m.version)
				}
			}
			if len(want) < 20 {
				t.Errorf("%s@%s: only %d files compared", m.module, m.version, len(want))
			}
		})
	}
}

// files reads every regular file below root, by slash path, less those
// skip names.
func files(t *testing.T, root string, skip func(rel string) bool) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if skip(rel) {
			return nil
		}
		b, err := os.ReadFile(p)
		out[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
