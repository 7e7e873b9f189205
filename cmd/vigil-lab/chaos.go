package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/vigil-ha/vigil/cluster/seededbugs"
	"github.com/vigil-ha/vigil/test/chaos"
)

func runChaos(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "chaos [--runs N] [--seed S] [--replay S] [--bug NAME] [--scenario NAME] [--bugs] [--json] [--vigil PATH]",
		"Randomized faults against real agents: each run brings up a lab of 3 to 5 hosts with a vigil agent\n"+
			"each and 6 to 12 test guests, injects a schedule of faults drawn from its seed (power cuts,\n"+
			"partitions, BMC faults, packet loss, agent kills and stops, full disks, a degrading host...),\n"+
			"heals everything, waits for quiescence and checks the history. A failing run prints its seed and\n"+
			"schedule; --replay S runs it again. --bug NAME runs agents built with a seeded bug against the\n"+
			"schedule aimed at it (its scenario), if it has one. Exits 1 when a run broke an invariant, or when\n"+
			"a seeded bug went uncaught. Needs root.")
	runs := fs.Int("runs", 1, "number of runs (run i uses seed S+i)")
	seed := fs.Uint64("seed", 0, "the first run's seed (default: random, printed)")
	replay := fs.Uint64("replay", 0, "run only seed S, once (what a failing run printed)")
	bug := fs.String("bug", "", "run the agents with this seeded bug switched on (a vigil built with -tags "+seededbugs.Tag+"); stop at the first run that catches it")
	scenario := fs.String("scenario", "", "run the scenario aimed at this seeded bug (with correct agents unless --bug) instead of random schedules")
	bugs := fs.Bool("bugs", false, "list the seeded bugs (those with a scenario marked) and exit")
	asJSON := fs.Bool("json", false, "print the report as JSON on stdout (progress goes to stderr)")
	vigil := fs.String("vigil", "", "the vigil binary the agents run (default: vigil beside vigil-lab; with --bug, vigil-seeded beside it)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *bugs {
		for _, name := range seededbugs.Names() {
			if slices.Contains(chaos.Scenarios(), name) {
				name += " (scenario)"
			}
			fmt.Fprintln(e.stdout, name)
		}
		return nil
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *runs < 1 {
		return usagef("--runs %d: want at least 1", *runs)
	}
	if set["replay"] && (set["seed"] || set["runs"]) {
		return usagef("--replay runs one seed: leave out --seed and --runs")
	}
	if *bug != "" && !seededbugs.Known(*bug) {
		return usagef("--bug %q: unknown (known: %s)", *bug, strings.Join(seededbugs.Names(), ", "))
	}
	if *scenario != "" && !slices.Contains(chaos.Scenarios(), *scenario) {
		return usagef("--scenario %q: no such scenario (scenarios: %s)", *scenario, strings.Join(chaos.Scenarios(), ", "))
	}
	opts := chaos.Options{Runs: *runs, Seed: *seed, Bug: *bug, Scenario: *scenario, Out: e.stdout}
	switch {
	case set["replay"]:
		opts.Runs, opts.Seed = 1, *replay
	case !set["seed"]:
		opts.Seed = rand.Uint64N(1 << 40) // short enough to type back
	}
	bin, err := chaosVigil(*vigil, *bug)
	if err != nil {
		return err
	}
	opts.Vigil = bin
	if *asJSON {
		opts.Out = e.stderr
	}
	fmt.Fprintf(opts.Out, "chaos: %d run(s) from seed %d%s\n", opts.Runs, opts.Seed, bugNote(*bug))
	rep, err := chaos.Run(ctx, opts)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := writeJSON(e.stdout, rep); err != nil {
			return err
		}
	}
	printChaos(opts.Out, rep)
	if len(rep.Errors) > 0 {
		// Neither passed nor failed: the session did not do what it says.
		return fmt.Errorf("%d of %d run(s) could not run (see above); %d violation(s)", len(rep.Errors), rep.Runs, rep.Violations)
	}
	if rep.Violations > 0 {
		if *bug != "" {
			return nil // a seeded bug caught is what was asked for
		}
		return fmt.Errorf("%d violation(s) in %d run(s)", rep.Violations, rep.Runs)
	}
	if *bug != "" {
		return fmt.Errorf("seeded bug %s not caught in %d run(s)", *bug, rep.Runs)
	}
	return nil
}

func bugNote(bug string) string {
	if bug == "" {
		return ""
	}
	return ", agents with seeded bug " + bug
}

// printChaos writes the session's summary.
func printChaos(w interface{ Write([]byte) (int, error) }, rep chaos.Report) {
	fmt.Fprintf(w, "chaos: %d run(s) from seed %d, %d violation(s), %d could not run; %.1f s (run p50 %.1f s, max %.1f s)\n",
		rep.Runs, rep.Seed, rep.Violations, len(rep.Errors), float64(rep.TotalMS)/1000, float64(rep.RunMS.P50)/1000, float64(rep.RunMS.Max)/1000)
	kinds := make([]string, 0, len(rep.Faults))
	for k := range rep.Faults {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, rep.Faults[k]))
	}
	fmt.Fprintf(w, "  faults: %s\n", strings.Join(parts, ", "))
	fmt.Fprintf(w, "  rto: %d failovers, p50 %d ms, p99 %d ms, max %d ms\n", rep.RTOMS.N, rep.RTOMS.P50, rep.RTOMS.P99, rep.RTOMS.Max)
	for _, f := range rep.Failures {
		fmt.Fprintf(w, "  FAILED seed %d: %s\n", f.Seed, f.Violation)
	}
	if rep.Bug != "" {
		if rep.CaughtAfter != nil {
			fmt.Fprintf(w, "  seeded bug %s caught after %d run(s)\n", rep.Bug, *rep.CaughtAfter)
		} else {
			fmt.Fprintf(w, "  seeded bug %s NOT caught in %d run(s)\n", rep.Bug, rep.Runs)
		}
	}
}

// chaosVigil is the vigil the agents run: the flag, else vigil (with a
// bug, vigil-seeded) beside this executable. With a bug it must be a
// tagged build: one without the switch would run a correct agent and the
// bug would never show.
func chaosVigil(flag, bug string) (string, error) {
	bin := flag
	if bin == "" && bug != "" {
		self, err := os.Executable()
		if err != nil {
			return "", err
		}
		bin = filepath.Join(filepath.Dir(self), "vigil-seeded")
		if _, err := os.Stat(bin); err != nil {
			return "", fmt.Errorf("no vigil-seeded beside %s: `make chaos` builds it (go build -tags %s -o bin/vigil-seeded ./cmd/vigil), or pass --vigil PATH", self, seededbugs.Tag)
		}
	}
	bin, err := vigilBinary(bin)
	if err != nil {
		return "", err
	}
	if bug != "" {
		raw, err := os.ReadFile(bin)
		if err != nil {
			return "", err
		}
		if !bytes.Contains(raw, []byte(seededbugs.EnvVar)) {
			return "", fmt.Errorf("--bug needs a vigil built with -tags %s; %s has no seeded bugs", seededbugs.Tag, bin)
		}
	}
	return bin, nil
}
