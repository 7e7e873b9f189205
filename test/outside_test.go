package test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNothingReadsOutsideRepo: no Go file names a path outside the
// repository, so the tests behave the same on a fresh clone as here. It
// looks for the workplace's shared folder beside the repository by name
// (as one relative path or as path elements to join) and for any string
// literal "../…" that, from the file's own directory, climbs above the
// module root.
func TestNothingReadsOutsideRepo(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	sharedNeedles := []string{".." + "/shared", "\"..\", \"shared\""}
	files := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "bin") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(name, ".go") {
			return nil
		}
		files++
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for _, needle := range sharedNeedles {
			if strings.Contains(string(src), needle) {
				t.Errorf("%s names %s: the workplace's shared folder is not part of the repository (copy what a test needs into testdata)", rel, needle)
			}
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !strings.HasPrefix(s, "../") {
				return true
			}
			target := filepath.Join(filepath.Dir(path), filepath.FromSlash(s))
			if r, err := filepath.Rel(root, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				t.Errorf("%s: path %q leaves the repository", rel, s)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("walked only %d Go files under %s; is the walk broken?", files, root)
	}
}
