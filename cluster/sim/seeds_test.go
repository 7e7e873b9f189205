package sim

import (
	"flag"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var (
	seedFlag  = flag.Uint64("seed", 0, "run only this seed, with its trace")
	seedsFlag = flag.Int("seeds", 2000, "how many seeds TestSeeds runs")
	firstFlag = flag.Uint64("first-seed", 1, "the first seed TestSeeds runs")
	verbose   = flag.Bool("trace-verbose", false, "with -seed: lease and replication detail in the trace")
)

// replay is the one-line command that replays a seed exactly.
func replay(seed uint64, bug string) string {
	if bug != "" {
		return fmt.Sprintf("go test -tags vigil_seeded_bugs ./cluster/sim -run 'TestSeededBugs/%s' -seed %d -v", bug, seed)
	}
	return fmt.Sprintf("go test ./cluster/sim -run 'TestSeeds$' -seed %d -v", seed)
}

// runSeeds runs seeds [first, first+n) on every core and returns the
// failing ones (seed → violations). With stopEarly it runs them in chunks
// of 16 and stops after the first chunk with a failure, so the seeds it
// reports do not depend on the number of cores.
func runSeeds(t testing.TB, first uint64, n int, stopEarly bool) (map[uint64][]string, int) {
	if !stopEarly {
		return runChunk(t, first, n)
	}
	total := 0
	for off := 0; off < n; off += 16 {
		failed, ran := runChunk(t, first+uint64(off), min(16, n-off))
		total += ran
		if len(failed) > 0 {
			return failed, total
		}
	}
	return nil, total
}

func runChunk(t testing.TB, first uint64, n int) (map[uint64][]string, int) {
	var (
		next   atomic.Uint64
		ran    atomic.Int64
		mu     sync.Mutex
		failed = map[uint64][]string{}
		wg     sync.WaitGroup
	)
	next.Store(first)
	workers := runtime.GOMAXPROCS(0)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				seed := next.Add(1) - 1
				if seed >= first+uint64(n) {
					return
				}
				s, err := Run(Generate(seed), false, false)
				if err != nil {
					t.Errorf("seed %d: %v", seed, err)
					return
				}
				ran.Add(1)
				if v := s.Violations(); len(v) > 0 {
					mu.Lock()
					failed[seed] = v
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return failed, int(ran.Load())
}

// regressionSeeds found real defects once, and fail on the code before
// their fixes; every test run replays them: 203251 (a source that rebooted
// before the handover was committed started the VM again: the release now
// outlives the agent), 538728 (unanswered migration orders held the room a
// dead host's VMs needed).
var regressionSeeds = []uint64{203251, 538728}

// TestRegressionSeeds replays the seeds that once found defects.
func TestRegressionSeeds(t *testing.T) {
	for _, seed := range regressionSeeds {
		s, err := Run(Generate(seed), false, false)
		if err != nil {
			t.Fatal(err)
		}
		if v := s.Violations(); len(v) > 0 {
			t.Errorf("seed %d: %s\nreplay: %s", seed, v[0], replay(seed, ""))
		}
	}
}

// TestSeeds runs -seeds generated scenarios (2,000 by default) and checks
// every invariant at every step. A failing seed prints its schedule, its
// violations and the command that replays it; -seed N replays one with its
// trace.
func TestSeeds(t *testing.T) {
	if *seedFlag != 0 {
		sc := Generate(*seedFlag)
		s, err := Run(sc, true, *verbose)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("schedule:\n%s\ntrace:\n%s", sc, s.TakeTrace())
		for _, v := range s.Violations() {
			t.Errorf("violation at %s", v)
		}
		return
	}
	n := *seedsFlag
	if testing.Short() {
		n = min(n, 200)
	}
	start := time.Now()
	failed, ran := runSeeds(t, *firstFlag, n, false)
	t.Logf("%d seeds in %v", ran, time.Since(start).Round(time.Millisecond))
	reportFailures(t, failed, "")
}

func reportFailures(t *testing.T, failed map[uint64][]string, bug string) {
	t.Helper()
	shown := 0
	for _, seed := range sortedSeeds(failed) {
		if shown == 5 {
			t.Errorf("... and %d more failing seeds", len(failed)-shown)
			break
		}
		shown++
		t.Errorf("seed %d: %d violation(s), first: %s\nschedule:\n%sreplay: %s", seed, len(failed[seed]), failed[seed][0], Generate(seed), replay(seed, bug))
	}
}

func sortedSeeds(m map[uint64][]string) []uint64 {
	var out []uint64
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// TestDeterminism: a seed's run is the same, trace byte for byte, every
// time (no map order, goroutine or wall clock leaks in).
func TestDeterminism(t *testing.T) {
	for _, seed := range []uint64{1, 5, 41, 146, 1783} {
		var traces [2]string
		for i := range traces {
			s, err := Run(Generate(seed), true, true)
			if err != nil {
				t.Fatal(err)
			}
			traces[i] = s.TakeTrace()
		}
		if traces[0] != traces[1] {
			a, b := strings.Split(traces[0], "\n"), strings.Split(traces[1], "\n")
			for i := range min(len(a), len(b)) {
				if a[i] != b[i] {
					t.Fatalf("seed %d: runs differ at trace line %d:\n%s\n%s", seed, i+1, a[i], b[i])
				}
			}
			t.Fatalf("seed %d: traces differ in length (%d and %d lines)", seed, len(a), len(b))
		}
		if len(traces[0]) < 1000 {
			t.Fatalf("seed %d: trace of %d bytes; tracing is off?", seed, len(traces[0]))
		}
	}
}
