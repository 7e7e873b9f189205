//go:build vigil_seeded_bugs

package sim

import (
	"flag"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/internal/seeded"
)

// bugBudget is how many seeds a seeded bug may take to be caught; every
// one must be caught within the seeds `make test` runs.
var bugBudget = 400

var simFlag = flag.Bool("sim", false, "run TestSim (make sim)")

// TestSeededBugs switches each seeded bug on in turn and runs seeds until
// an invariant catches it: the checks can fail.
func TestSeededBugs(t *testing.T) {
	for _, b := range seeded.All() {
		t.Run(b.String(), func(t *testing.T) {
			defer seeded.Set(b, true)()
			if *seedFlag != 0 {
				sc := Generate(*seedFlag)
				s, err := Run(sc, true, *verbose)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("schedule:\n%s\ntrace:\n%s", sc, s.TakeTrace())
				for _, v := range s.Violations() {
					t.Logf("violation at %s", v)
				}
				return
			}
			failed, ran := runSeeds(t, *firstFlag, bugBudget, true)
			if len(failed) == 0 {
				t.Fatalf("seeded bug %s not caught in %d seeds", b, ran)
			}
			seed := sortedSeeds(failed)[0]
			t.Logf("caught after %d seeds: seed %d: %s\nreplay: %s", ran, seed, failed[seed][0], replay(seed, b.String()))
		})
	}
}

// TestSim is `make sim SEEDS=N`: N seeds with every bug off, then each
// seeded bug on until caught (up to bugBudget seeds each). It ends with the
// line "sim: N seeds, V violations, C/B seeded bugs caught" and fails when
// a seed violated an invariant or a bug went uncaught.
func TestSim(t *testing.T) {
	if !*simFlag {
		t.Skip("run by make sim (-sim)")
	}
	start := time.Now()
	failed, ran := runSeeds(t, *firstFlag, *seedsFlag, false)
	violations := 0
	for _, v := range failed {
		violations += len(v)
	}
	for _, seed := range sortedSeeds(failed) {
		fmt.Printf("seed %d: %d violation(s), first: %s\nreplay: %s\n", seed, len(failed[seed]), failed[seed][0], replay(seed, ""))
	}
	elapsed := time.Since(start)
	caught := 0
	bugs := seeded.All()
	for _, b := range bugs {
		restore := seeded.Set(b, true)
		bf, bran := runSeeds(t, *firstFlag, bugBudget, true)
		restore()
		if len(bf) == 0 {
			fmt.Printf("bug %-30s NOT caught in %d seeds\n", b, bran)
			continue
		}
		caught++
		seed := sortedSeeds(bf)[0]
		fmt.Printf("bug %-30s caught by seed %d (%d seeds run): %s\n", b, seed, bran, bf[seed][0])
	}
	fmt.Printf("seeds per second: %.0f (%d seeds in %v on %d workers)\n", float64(ran)/elapsed.Seconds(), ran, elapsed.Round(time.Millisecond), runtime.GOMAXPROCS(0))
	fmt.Printf("sim: %d seeds, %d violations, %d/%d seeded bugs caught\n", ran, violations, caught, len(bugs))
	if violations > 0 || caught < len(bugs) {
		t.Fail() // the details are above; the summary stays the last line
	}
}
