package sim

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var rewrite = flag.Bool("rewrite", false, "rewrite the expected output of testdata/*.txt")

// block is one command of a script and the output it should print.
type block struct {
	comments []string
	cmd      string
	want     string
	line     int
}

// parseScript reads a script: comment lines (#), a command, a line
// "----", its expected output, a blank line.
func parseScript(t *testing.T, path, text string) []block {
	var out []block
	lines := strings.Split(text, "\n")
	var cur block
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, "#"):
			cur.comments = append(cur.comments, l)
		case strings.TrimSpace(l) == "":
		default:
			cur.cmd, cur.line = l, i+1
			if i+1 >= len(lines) || lines[i+1] != "----" {
				t.Fatalf("%s:%d: command %q has no ---- line after it", path, i+1, l)
			}
			i += 2
			var want []string
			for ; i < len(lines) && lines[i] != ""; i++ {
				want = append(want, lines[i])
			}
			if len(want) > 0 {
				cur.want = strings.Join(want, "\n") + "\n"
			}
			out = append(out, cur)
			cur = block{}
		}
	}
	return out
}

func formatScript(blocks []block) string {
	var b strings.Builder
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, c := range bl.comments {
			b.WriteString(c + "\n")
		}
		b.WriteString(bl.cmd + "\n----\n" + bl.want)
	}
	return b.String()
}

// TestScripts runs every testdata/*.txt scenario and compares what each
// command prints with the expected output (rewritten with -rewrite).
// Every script must end with no invariant violated.
func TestScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts in testdata: %v", err)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txt"), func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			blocks := parseScript(t, path, string(raw))
			if len(blocks) == 0 || !strings.HasPrefix(blocks[0].cmd, "init") {
				t.Fatalf("%s: the first command must be init", path)
			}
			var s *Sim
			for i := range blocks {
				bl := &blocks[i]
				var got string
				if i == 0 {
					s, err = NewFromInit(strings.Fields(bl.cmd)[1:])
					if err != nil {
						t.Fatalf("%s:%d: %v", path, bl.line, err)
					}
				} else if got, err = s.Exec(bl.cmd); err != nil {
					t.Fatalf("%s:%d: %s: %v", path, bl.line, bl.cmd, err)
				}
				if *rewrite {
					bl.want = got
				} else if got != bl.want {
					t.Errorf("%s:%d: %s:\n got:\n%s\nwant:\n%s", path, bl.line, bl.cmd, got, bl.want)
				}
			}
			if v := s.Violations(); len(v) > 0 {
				t.Errorf("%s: invariants violated:\n%s", path, strings.Join(v, "\n"))
			}
			if *rewrite {
				if err := os.WriteFile(path, []byte(formatScript(blocks)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
