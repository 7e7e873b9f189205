package model

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// A property as pan reports its violation: the violated assertion's text,
// or an acceptance cycle through the ltl claim.
type property struct {
	name string
	pan  *regexp.Regexp
}

var (
	neverTwice    = property{"P1 never twice", regexp.MustCompile(`^assertion violated \(\(copies==0\)&&\(gone==0\)\)$`)}
	genRise       = property{"P2 generations only rise", regexp.MustCompile(`^assertion violated \((want\[h\]>=maxstarted|gen>maxstarted)\)$`)}
	massFence     = property{"P3 no mass fencing", regexp.MustCompile(`^assertion violated \(\(\(win\[0\]>0\)`)}
	secondOpinion = property{"P4 second opinion", regexp.MustCompile(`^assertion violated \(lease\[(h|\d)\]==0\)$`)}
	recovers      = property{"liveness (ltl recovers)", regexp.MustCompile(`^acceptance cycle$`)}
)

// check is one Spin run: the model built with defines, verified for
// safety or, with liveness, for acceptance cycles of the ltl claim. broken
// is the property the run must violate; nil means it must verify clean.
type check struct {
	name     string
	defines  []string
	liveness bool
	broken   *property
}

func (c check) spinArgs() []string {
	args := []string{"-a"}
	for _, d := range c.defines {
		args = append(args, "-D"+d)
	}
	if c.liveness {
		args = append(args, "-DLIVENESS")
	}
	return append(args, "protocol.pml")
}

// gccArgs builds pan. -O1: compiling dominates the test (nine builds), and
// -O2 doubles the compile time for no faster search on this model.
func (c check) gccArgs(memMB int) []string {
	args := []string{"-O1", "-w", fmt.Sprintf("-DVECTORSZ=%d", 256), fmt.Sprintf("-DMEMLIM=%d", memMB), "-DCOLLAPSE"}
	if !c.liveness {
		args = append(args, "-DSAFETY")
	}
	return append(args, "-o", "pan", "pan.c")
}

func (c check) panArgs() []string {
	args := []string{"-m100000"}
	if c.liveness {
		args = append(args, "-a")
	}
	return args
}

// checks is what `make test` runs: the correct model (safety and liveness)
// and every bug variant, each with the property it must break.
var checks = []check{
	{name: "correct"},
	{name: "correct-liveness", liveness: true},
	{name: "BUG_SKIP_CONFIRM", defines: []string{"BUG_SKIP_CONFIRM"}, broken: &neverTwice},
	{name: "BUG_TRUST_DEAD", defines: []string{"BUG_TRUST_DEAD"}, broken: &secondOpinion},
	{name: "BUG_LATE_FEED", defines: []string{"BUG_LATE_FEED"}, broken: &neverTwice},
	{name: "BUG_SKIP_GEN", defines: []string{"BUG_SKIP_GEN"}, broken: &genRise},
	{name: "BUG_NO_MASS_GUARD", defines: []string{"BUG_NO_MASS_GUARD"}, broken: &massFence},
	{name: "BUG_TRUST_NO_WATCHDOG", defines: []string{"BUG_TRUST_NO_WATCHDOG"}, broken: &neverTwice},
	{name: "BUG_NO_RESTART", defines: []string{"BUG_NO_RESTART"}, liveness: true, broken: &recovers},
}

// deepChecks run with VIGIL_SPIN_DEEP=1: the correct model with three
// faults (8.3 million states), and with three hosts (13.4 million). Each
// takes one to two minutes of a loaded machine and up to 2 GB.
var deepChecks = []check{
	{name: "correct-3faults", defines: []string{"FAULTS=3"}},
	{name: "correct-3hosts", defines: []string{"N=3"}},
}

// TestProtocolModel verifies protocol.pml with Spin: the correct model
// must verify with no error over the whole state space, and every bug
// variant must violate the property it breaks.
func TestProtocolModel(t *testing.T) {
	if testing.Short() {
		t.Skip("model checking takes 10-30 s; run without -short")
	}
	testenv.NeedsCommand(t, "spin", "gcc")
	src, err := os.ReadFile("protocol.pml")
	if err != nil {
		t.Fatal(err)
	}
	all, memMB := checks, 1024
	if os.Getenv("VIGIL_SPIN_DEEP") == "1" {
		all, memMB = append(append([]check{}, checks...), deepChecks...), 3072
	}
	for _, c := range all {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := runCheck(t, c, src, memMB)
			t.Logf("%s: %d states, depth %d, %s (pan %v)", c.name, r.states, r.depth, r.verdict(), r.took.Round(10*time.Millisecond))
			if c.broken == nil {
				if r.errors != 0 || !r.complete {
					t.Errorf("%s: errors %d, complete %v, want 0 and complete; first error %q\nreproduce: %s\n%s",
						c.name, r.errors, r.complete, r.firstError, c.reproduce(memMB), r.output)
				}
				return
			}
			if r.errors == 0 {
				t.Errorf("%s: no counterexample, want a violation of %s\nreproduce: %s\n%s", c.name, c.broken.name, c.reproduce(memMB), r.output)
				return
			}
			if !c.broken.pan.MatchString(r.firstError) {
				t.Errorf("%s: first error %q, want a violation of %s\nreproduce: %s", c.name, r.firstError, c.broken.name, c.reproduce(memMB))
			}
		})
	}
}

// reproduce is the shell command that repeats c in a copy of the model.
func (c check) reproduce(memMB int) string {
	return fmt.Sprintf("cd cluster/model && spin %s && gcc %s && ./pan %s",
		strings.Join(c.spinArgs(), " "), strings.Join(c.gccArgs(memMB), " "), strings.Join(c.panArgs(), " "))
}

// runCheck builds and runs the verifier for c in a temporary directory.
func runCheck(t *testing.T, c check, src []byte, memMB int) panResult {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "protocol.pml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
	defer cancel()
	run := func(name string, args ...string) string {
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("spin", c.spinArgs()...)
	run("gcc", c.gccArgs(memMB)...)
	start := time.Now()
	// pan exits 0 whether or not it found an error; its report says which.
	out := run(filepath.Join(dir, "pan"), c.panArgs()...)
	r, err := parsePan(out)
	if err != nil {
		t.Fatalf("%s: %v\n%s", c.name, err, out)
	}
	r.took = time.Since(start)
	return r
}

// panResult is what a pan run reports.
type panResult struct {
	errors     int
	states     int
	depth      int
	complete   bool   // the whole state space was searched
	firstError string // e.g. "assertion violated (lease[1]==0)", "acceptance cycle"
	output     string
	took       time.Duration
}

func (r panResult) verdict() string {
	switch {
	case r.errors > 0:
		return fmt.Sprintf("%d error(s), first: %s", r.errors, r.firstError)
	case r.complete:
		return "errors: 0, complete"
	default:
		return "errors: 0, INCOMPLETE"
	}
}

var (
	panSummary = regexp.MustCompile(`(?m)^State-vector \d+ byte, depth reached (\d+), errors: (\d+)$`)
	panStates  = regexp.MustCompile(`(?m)^\s*(\d+) states, stored`)
	panError   = regexp.MustCompile(`(?m)^pan:1: (.*) \(at depth \d+\)$`)
	// Ways a search ends short of the whole state space.
	panTruncated = []string{
		"Search not completed",
		"max search depth too small",
		"reached -DMEMLIM bound",
		"out of memory",
	}
)

// parsePan reads pan's report. The search is complete only if it was a
// full (not bitstate) search that reached its summary and said nothing of
// having stopped early.
func parsePan(out string) (panResult, error) {
	r := panResult{output: out}
	m := panSummary.FindStringSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("pan: no summary line (State-vector …, errors: N)")
	}
	r.depth, _ = strconv.Atoi(m[1])
	r.errors, _ = strconv.Atoi(m[2])
	s := panStates.FindStringSubmatch(out)
	if s == nil {
		return r, fmt.Errorf("pan: no state count")
	}
	r.states, _ = strconv.Atoi(s[1])
	if e := panError.FindStringSubmatch(out); e != nil {
		r.firstError = e[1]
	}
	if r.errors > 0 && r.firstError == "" {
		return r, fmt.Errorf("pan: %d error(s) but no error line", r.errors)
	}
	r.complete = strings.Contains(out, "Full statespace search for:")
	for _, w := range panTruncated {
		if strings.Contains(out, w) {
			r.complete = false
		}
	}
	return r, nil
}
