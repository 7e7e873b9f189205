// Command testsummary reads `go test -json` on stdin, as `make test` runs
// it, and writes what a person needs on stdout: each package's result line
// as it finishes, the whole output of every failed test (and of a package
// that failed outside any test: a build error, a timeout's panic) as soon as
// it fails, and at the end one line per package with its counts of passed,
// failed and skipped tests, then every skipped test with its reason.
//
// It exits 1 when anything failed (a test, a package, a build) or when the
// stream holds no test event at all, so the make target fails with it.
// Counts include subtests. Lines that are not JSON pass through unchanged.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
)

func main() {
	failed, err := summarise(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "testsummary: %v\n", err)
		os.Exit(1)
	}
	if failed {
		os.Exit(1)
	}
}

// event is one line of `go test -json` (cmd/test2json's TestEvent) or of
// the build events `go test -json` interleaves with it.
type event struct {
	Action      string
	Package     string
	Test        string
	Elapsed     float64
	Output      string
	FailedBuild string
	ImportPath  string // build events
}

// pkgResult is what one package's tests came to.
type pkgResult struct {
	name                    string
	passed, failed, skipped int
	// verdict is "ok", "FAIL" or "no test files"; empty while it runs.
	verdict string
	elapsed float64
	// output is the package's own output outside any test, kept until the
	// package ends (printed when it failed).
	output strings.Builder
	// tests holds the output of each running test until it ends.
	tests map[string]*strings.Builder
}

// skip is one skipped test and why.
type skip struct {
	pkg, test, reason string
}

type summary struct {
	out    io.Writer
	pkgs   map[string]*pkgResult
	order  []string
	skips  []skip
	failed bool
	events int
}

func summarise(in io.Reader, out io.Writer) (failed bool, err error) {
	s := &summary{out: out, pkgs: map[string]*pkgResult{}}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		var ev event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &ev) != nil {
			fmt.Fprintf(out, "%s\n", line)
			continue
		}
		s.handle(ev)
	}
	if err := sc.Err(); err != nil {
		return true, fmt.Errorf("reading go test -json: %w", err)
	}
	s.report()
	if s.events == 0 {
		return true, fmt.Errorf("no test events on stdin: did go test -json run?")
	}
	return s.failed, nil
}

func (s *summary) pkg(name string) *pkgResult {
	p, ok := s.pkgs[name]
	if !ok {
		p = &pkgResult{name: name, tests: map[string]*strings.Builder{}}
		s.pkgs[name] = p
		s.order = append(s.order, name)
	}
	return p
}

func (s *summary) handle(ev event) {
	switch ev.Action {
	case "build-output":
		fmt.Fprint(s.out, ev.Output)
		return
	case "build-fail":
		s.failed = true
		return
	}
	if ev.Package == "" {
		return
	}
	s.events++
	p := s.pkg(ev.Package)
	if ev.Test == "" {
		s.handlePackage(p, ev)
		return
	}
	buf := p.tests[ev.Test]
	if buf == nil {
		buf = &strings.Builder{}
		p.tests[ev.Test] = buf
	}
	switch ev.Action {
	case "output":
		buf.WriteString(ev.Output)
	case "pass":
		p.passed++
		delete(p.tests, ev.Test)
	case "skip":
		p.skipped++
		s.skips = append(s.skips, skip{pkg: p.name, test: ev.Test, reason: skipReason(buf.String())})
		delete(p.tests, ev.Test)
	case "fail":
		p.failed++
		s.failed = true
		fmt.Fprintf(s.out, "--- FAIL output of %s %s:\n%s", p.name, ev.Test, buf.String())
		delete(p.tests, ev.Test)
	}
}

func (s *summary) handlePackage(p *pkgResult, ev event) {
	switch ev.Action {
	case "output":
		p.output.WriteString(ev.Output)
		// go test's own result line ("ok  pkg 1.2s", "FAIL pkg ...") shows
		// progress as each package ends.
		if strings.HasPrefix(ev.Output, "ok  \t") || strings.HasPrefix(ev.Output, "FAIL\t") {
			fmt.Fprint(s.out, ev.Output)
		}
	case "pass":
		p.verdict, p.elapsed = "ok", ev.Elapsed
	case "skip":
		p.verdict = "no test files"
	case "fail":
		p.verdict, p.elapsed = "FAIL", ev.Elapsed
		s.failed = true
		// Output outside any test: a panic, a timeout, a build failure, a
		// test that never reported its end.
		if extra := beyondVerdict(p.output.String()); extra != "" {
			fmt.Fprintf(s.out, "--- FAIL output of package %s:\n%s", p.name, extra)
		}
		for _, name := range slices.Sorted(maps.Keys(p.tests)) {
			fmt.Fprintf(s.out, "--- unfinished test %s %s:\n%s", p.name, name, p.tests[name].String())
		}
		if ev.FailedBuild != "" {
			fmt.Fprintf(s.out, "(build failed: %s)\n", ev.FailedBuild)
		}
	}
}

// beyondVerdict is a package's own output without go test's verdict lines
// (PASS, FAIL, "ok  pkg", "FAIL pkg"), which say nothing new.
func beyondVerdict(output string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(output, "\n") {
		t := strings.TrimRight(line, "\n")
		if t == "" || t == "PASS" || t == "FAIL" || strings.HasPrefix(t, "ok  \t") || strings.HasPrefix(t, "FAIL\t") {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// skipReason is a skipped test's own output without go test's framing
// lines (=== RUN, --- SKIP …).
func skipReason(output string) string {
	var parts []string
	for _, line := range strings.Split(output, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- SKIP") {
			continue
		}
		parts = append(parts, t)
	}
	if len(parts) == 0 {
		return "(no reason given)"
	}
	return strings.Join(parts, " / ")
}

func (s *summary) report() {
	width := 0
	for _, name := range s.order {
		width = max(width, len(name))
	}
	var passed, failed, skipped int
	fmt.Fprintf(s.out, "\n=== summary: one line per package (tests and subtests)\n")
	for _, name := range s.order {
		p := s.pkgs[name]
		passed, failed, skipped = passed+p.passed, failed+p.failed, skipped+p.skipped
		verdict := p.verdict
		if verdict == "" {
			verdict = "FAIL" // the stream ended before the package did
			s.failed = true
		}
		if verdict == "no test files" {
			fmt.Fprintf(s.out, "%-4s  %-*s  no test files\n", "?", width, name)
			continue
		}
		fmt.Fprintf(s.out, "%-4s  %-*s  passed %4d  failed %3d  skipped %3d  %7.1fs\n", verdict, width, name, p.passed, p.failed, p.skipped, p.elapsed)
	}
	fmt.Fprintf(s.out, "total: passed %d, failed %d, skipped %d\n", passed, failed, skipped)
	if len(s.skips) > 0 {
		fmt.Fprintf(s.out, "\n=== skipped tests (%d), with their reasons\n", len(s.skips))
		for _, sk := range s.skips {
			fmt.Fprintf(s.out, "SKIP  %s %s: %s\n", sk.pkg, sk.test, sk.reason)
		}
	}
}
