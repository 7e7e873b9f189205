package store_test

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/store"
)

const crashChildEnv = "VIGIL_STORE_CRASH_CHILD"

// TestCrashChild is the writer that TestCrashSafety kills. It runs only when
// re-executed with crashChildEnv naming the store file: it writes in a loop
// (VM record, intent, audit event, samples, event samples with their log
// cursor, closing half the intents) and
// prints "open N" / "close N" to stdout after each intent commit returns.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("helper process for TestCrashSafety")
	}
	s, err := store.Open(path, store.Options{SampleCapacity: 16, MaxAuditBytes: 8 << 10, MaxFences: 8})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	for i := 1; ; i++ {
		vm := fmt.Sprintf("vm%d", i%7)
		gen := uint64(time.Now().UnixNano()) // rises across restarts of the child
		if err := s.PutVM(store.VMRecord{ID: vm, PID: 1000 + i, Generation: gen}); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		id, err := s.OpenIntent(store.Intent{Kind: store.IntentStart, VM: vm, Target: "host-a", Generation: gen})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		fmt.Println("open", id)
		s.Append(store.Event{Kind: "detect", Subject: vm, Message: "tick", Evidence: strings.Repeat("e", i%300)})
		s.AppendSamples(time.Now(), map[string]float64{"a": float64(i), "b": -float64(i)})
		// An event read from a SEL and the cursor past it, together.
		err = s.AppendBatches([]store.Batch{{Time: time.Now(), Values: map[string]float64{"ev": float64(i % 60000)}}},
			store.Cursor{Source: "ipmi:bmc:623/sel", SEL: &store.SELCursor{Valid: true, LastID: uint16(i%60000 + 1)}})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		if i%5 == 0 {
			s.AddFence(store.FenceRecord{Host: "host-b", Action: "off", Started: time.Now(), Power: "off", Confirmed: true})
		}
		if i%2 == 0 {
			if err := s.CloseIntent(id, "done", ""); err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
			fmt.Println("close", id)
		}
	}
}

// TestCrashSafety kills a writing child process with SIGKILL at random
// points, several times over the same file. After each kill the store must
// reopen, pass Check, and list every intent the child saw committed and not
// closed (at most one more: the one whose commit was under way).
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary several times")
	}
	path := filepath.Join(t.TempDir(), "vigil.db")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	acked := map[uint64]bool{} // committed open intents, per the child
	for round := range 6 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Wait for the first commit so every round writes, then kill at a
		// random point.
		kill := time.After(time.Duration(30+rng.IntN(300)) * time.Millisecond)
		killed, started := false, false
		for line := range lines {
			if strings.HasPrefix(line, "error") {
				t.Fatalf("round %d: child: %s", round, line)
			}
			verb, num, _ := strings.Cut(line, " ")
			id, _ := strconv.ParseUint(num, 10, 64)
			switch verb {
			case "open":
				acked[id] = true
				started = true
			case "close":
				delete(acked, id)
			}
			if started && !killed {
				select {
				case <-kill:
					cmd.Process.Signal(syscall.SIGKILL)
					killed = true
				default:
				}
			}
		}
		cmd.Wait()
		if !killed {
			t.Fatalf("round %d: child exited before it was killed", round)
		}

		s, err := store.Open(path, store.Options{SampleCapacity: 16, MaxAuditBytes: 8 << 10, MaxFences: 8})
		if err != nil {
			t.Fatalf("round %d: reopen after SIGKILL: %v", round, err)
		}
		if err := s.Check(); err != nil {
			t.Fatalf("round %d: Check after SIGKILL: %v", round, err)
		}
		open, err := s.OpenIntents()
		if err != nil {
			t.Fatal(err)
		}
		inStore := map[uint64]bool{}
		for _, in := range open {
			inStore[in.ID] = true
		}
		if pending := s.Pending(); len(pending) != len(open) {
			t.Fatalf("round %d: Pending() lists %d intents, OpenIntents() %d", round, len(pending), len(open))
		}
		for id := range acked {
			if !inStore[id] {
				t.Fatalf("round %d: intent %d was committed and not closed, but is missing after the crash", round, id)
			}
		}
		extra := 0
		for id := range inStore {
			if !acked[id] {
				extra++
				acked[id] = true // in flight at the kill, or its close was: still open
			}
		}
		if extra > 1 {
			t.Fatalf("round %d: %d open intents the child never reported, want at most 1", round, extra)
		}
		// The event samples and the SEL cursor moved in the same
		// transactions: the newest event is the one the cursor passed.
		evs, err := s.Samples("ev")
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.Cursor("ipmi:bmc:623/sel")
		switch {
		case errors.Is(err, store.ErrNotFound) && len(evs) == 0:
			// Killed before the first batch committed: neither is there.
		case err != nil || len(evs) == 0 || c.SEL.LastID != uint16(evs[len(evs)-1].Value)+1:
			t.Fatalf("round %d: after SIGKILL the SEL cursor (%+v, %v) and the newest event sample (%d samples) disagree",
				round, c.SEL, err, len(evs))
		}
		t.Logf("round %d: %d open intents visible after SIGKILL, %d unacknowledged", round, len(open), extra)
		s.Close()
	}
}
