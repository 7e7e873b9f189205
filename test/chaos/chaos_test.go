package chaos

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/seededbugs"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/agents"
	"github.com/vigil-ha/vigil/test/lab"
)

// fixedSeed is the bounded set's fixed run: 3 hosts, 6 VMs, BMCs that read
// on for 3 s after a power off, the leader's agent killed, a power cut
// and two isolations (TestChaos logs the schedule).
const fixedSeed = 8

// needLab ends t unless a lab with real agents can run here.
func needLab(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds vigil, runs labs of real agents with ipmi_sim and QEMU")
	}
	if err := lab.Check(agents.LabOptions(minHosts, lab.IPMI, "chaos")); err != nil {
		testenv.Unavailable(t, "lab unavailable: %v", err)
	}
	testenv.NeedsCommand(t, "qemu-system-x86_64")
}

// TestChaos is `make test`'s bounded chaos: a fixed seed and one random
// seed, both logged (rerun one with `vigil-lab chaos --replay S`), each a
// full run against real agents that must pass the check.
func TestChaos(t *testing.T) {
	needLab(t)
	bin, err := agents.Build(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	seeds := []uint64{fixedSeed, rand.Uint64N(1 << 40)}
	t.Logf("chaos seeds: fixed %d, random %d", seeds[0], seeds[1])
	for _, seed := range seeds {
		t.Run(strings.Join([]string{"seed", itoa(seed)}, "-"), func(t *testing.T) {
			t0 := time.Now()
			res, err := RunOne(context.Background(), Options{Vigil: bin, Out: tWriter{t}}, seed)
			if err != nil {
				t.Fatalf("seed %d could not run: %v", seed, err)
			}
			t.Logf("seed %d: %v (up %v, schedule %v, quiescence %v, check %v, teardown %v), RTOs %v",
				seed, time.Since(t0).Round(time.Second), res.Up.Round(time.Second), res.Schedule.Round(time.Second),
				res.Quiesce.Round(time.Second), res.Check.Round(time.Millisecond), res.Teardown.Round(time.Millisecond), res.RTO)
			for _, v := range res.Violations {
				t.Errorf("seed %d: %s\nschedule:\n%s\nreplay: vigil-lab chaos --replay %d", seed, v, res.Plan, seed)
			}
		})
	}
}

// TestScenarios runs each seeded bug's scenario once against correct
// agents: the schedules aimed at a bug must not fail a correct cluster
// (else catching the bug with them would prove nothing). Two bugs that
// share a scenario share its run.
func TestScenarios(t *testing.T) {
	needLab(t)
	bin, err := agents.Build(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	seed := rand.Uint64N(1 << 40)
	t.Logf("scenario seed %d", seed)
	ran := map[string]bool{}
	for _, name := range Scenarios() {
		k := fmt.Sprintf("%p", scenarios[name])
		if ran[k] {
			continue
		}
		ran[k] = true
		t.Run(name, func(t *testing.T) {
			res, err := RunOne(context.Background(), Options{Vigil: bin, Scenario: name, Out: tWriter{t}}, seed)
			if err != nil {
				t.Fatalf("seed %d could not run: %v", seed, err)
			}
			if res.Plan.Scenario != name || len(res.Faults) == 0 {
				t.Fatalf("seed %d ran %q with faults %v, want the scenario for %s", seed, res.Plan.Scenario, res.Faults, name)
			}
			for _, v := range res.Violations {
				t.Errorf("seed %d: %s\nschedule:\n%s\nreplay: vigil-lab chaos --replay %d --scenario %s", seed, v, res.Plan, seed, name)
			}
		})
	}
}

func itoa(u uint64) string { return strconv.FormatUint(u, 10) }

// tWriter sends a run's progress lines to the test log.
type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// TestReleaseBinary: the release build of vigil (no build tag) has no
// path to the seeded bugs: neither the environment variable that switches
// them on nor any bug's name is in it, while a tagged build has both (so
// the check can fail). Both are built unstripped, which keeps more names
// than the release's -s -w and shares the build cache with TestChaos's.
func TestReleaseBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds vigil twice")
	}
	dir := t.TempDir()
	build := func(name string, tags ...string) []byte {
		out := filepath.Join(dir, name)
		args := []string{"build"}
		if len(tags) > 0 {
			args = append(args, "-tags", strings.Join(tags, ","))
		}
		cmd := exec.Command("go", append(args, "-o", out, "github.com/vigil-ha/vigil/cmd/vigil")...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, b)
		}
		raw, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	release := build("vigil")
	tagged := build("vigil-seeded", seededbugs.Tag)
	marks := append([]string{seededbugs.EnvVar}, seededbugs.Names()...)
	for _, m := range marks {
		if strings.Contains(string(release), m) {
			t.Errorf("the release build of vigil contains %q: a path to the seeded bugs", m)
		}
		if !strings.Contains(string(tagged), m) {
			t.Errorf("the build tagged %s lacks %q: this test could not tell", seededbugs.Tag, m)
		}
	}
}
