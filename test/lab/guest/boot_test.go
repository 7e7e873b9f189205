package guest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func buildOrSkip(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	k, err := Build(ctx)
	if errors.Is(err, ErrNoToolchain) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestBuild(t *testing.T) {
	t.Setenv("VIGIL_GUEST_CACHE", t.TempDir())
	built.Lock()
	built.path = "" // force a real build into the fresh cache
	built.Unlock()

	var wg sync.WaitGroup
	paths := make([]string, 3)
	errs := make([]error, 3)
	start := time.Now()
	for i := range paths {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			paths[i], errs[i] = Build(ctx)
		})
	}
	wg.Wait()
	for i := range paths {
		if errors.Is(errs[i], ErrNoToolchain) {
			t.Skip(errs[i])
		}
		if errs[i] != nil {
			t.Fatalf("Build #%d: %v", i, errs[i])
		}
		if paths[i] != paths[0] {
			t.Fatalf("Build #%d = %s, want %s", i, paths[i], paths[0])
		}
	}
	t.Logf("built %s in %v", paths[0], time.Since(start))
	if err := checkKernel(paths[0]); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() > 64<<10 {
		t.Errorf("kernel is %d bytes, want a tiny one", st.Size())
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(paths[0]), "build-*")); len(leftovers) > 0 {
		t.Errorf("build directories left behind: %v", leftovers)
	}

	// The next process finds it in the cache without compiling.
	built.Lock()
	built.path = ""
	built.Unlock()
	start = time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	again, err := Build(ctx)
	if err != nil || again != paths[0] {
		t.Fatalf("cached Build = %s, %v, want %s", again, err, paths[0])
	}
	t.Logf("cached Build in %v", time.Since(start))
	built.Lock()
	built.path = ""
	built.Unlock()
}

func TestCheckKernelRejects(t *testing.T) {
	dir := t.TempDir()
	notELF := filepath.Join(dir, "x")
	os.WriteFile(notELF, []byte("hello"), 0o644)
	if err := checkKernel(notELF); err == nil {
		t.Error("checkKernel accepted a non-ELF file")
	}
	self, err := os.Executable() // a 64-bit ELF without a multiboot header
	if err != nil {
		t.Fatal(err)
	}
	if err := checkKernel(self); err == nil {
		t.Error("checkKernel accepted a 64-bit test binary")
	}
}

// vm is one guest under test.
type vm struct {
	cmd     *exec.Cmd
	hb      *Reader
	qmp     string
	started time.Time
}

func bootVM(t *testing.T, o Options) *vm {
	t.Helper()
	qemu, err := exec.LookPath("qemu-system-x86_64")
	if err != nil {
		t.Skip("qemu-system-x86_64 not installed (run test/deps.sh)")
	}
	dir := t.TempDir()
	v := &vm{qmp: filepath.Join(dir, "qmp.sock")}
	args := append(QEMUArgs(o), "-qmp", "unix:"+v.qmp+",server=on,wait=off")
	v.cmd = exec.Command(qemu, args...)
	v.cmd.Stderr = os.Stderr
	if o.SerialFile != "" {
		v.hb = NewFileReader(o.SerialFile)
	} else {
		out, err := v.cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		v.hb = NewReader(out)
	}
	v.started = time.Now()
	if err := v.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		v.cmd.Process.Kill()
		v.cmd.Wait()
		v.hb.Close()
	})
	return v
}

func TestBootHeartbeatAndDirtyRate(t *testing.T) {
	if testing.Short() {
		t.Skip("boots QEMU")
	}
	t.Parallel()
	kernel := buildOrSkip(t)
	idle := bootVM(t, Options{Kernel: kernel, ID: "idle-1", SerialFile: filepath.Join(t.TempDir(), "serial.log")})
	busy := bootVM(t, Options{Kernel: kernel, ID: "busy-1", DirtyMiBps: 50})

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	type result struct {
		first     time.Duration // QEMU start to seq 0
		hbs       []Heartbeat
		arrivals  []time.Time
		dirtyRate float64 // MiB/s measured by QEMU
		err       error
	}
	check := func(v *vm, id string, res *result) {
		hb, err := v.hb.Wait(ctx, "the first heartbeat of "+id, func(hb Heartbeat) bool { return hb.ID == id })
		if err != nil {
			res.err = err
			return
		}
		res.first = time.Since(v.started)
		res.hbs, res.arrivals = append(res.hbs, hb), append(res.arrivals, time.Now())
		for len(res.hbs) < 4 {
			hb, err := v.hb.Next(ctx)
			if err != nil {
				res.err = err
				return
			}
			res.hbs, res.arrivals = append(res.hbs, hb), append(res.arrivals, time.Now())
			if len(res.hbs) == 2 {
				// Filled (64 MiB fills in well under a second): measure
				// the dirty rate through QEMU while the guest runs.
				res.dirtyRate, res.err = calcDirtyRate(ctx, v.qmp)
				if res.err != nil {
					return
				}
			}
		}
	}
	var idleRes, busyRes result
	var wg sync.WaitGroup
	wg.Go(func() { check(idle, "idle-1", &idleRes) })
	wg.Go(func() { check(busy, "busy-1", &busyRes) })
	wg.Wait()

	for _, c := range []struct {
		id  string
		res *result
	}{{"idle-1", &idleRes}, {"busy-1", &busyRes}} {
		res := c.res
		if res.err != nil {
			t.Fatalf("%s: %v", c.id, res.err)
		}
		t.Logf("%s: first heartbeat %v after QEMU start; QEMU dirty rate %.1f MiB/s; last %+v",
			c.id, res.first.Round(time.Millisecond), res.dirtyRate, res.hbs[len(res.hbs)-1])
		if res.first > 5*time.Second {
			t.Errorf("%s: first heartbeat after %v, want a boot in well under 5s", c.id, res.first)
		}
		for i, hb := range res.hbs {
			if hb.ID != c.id || hb.Seq != uint64(i) || hb.Boot != res.hbs[0].Boot {
				t.Errorf("%s: heartbeat %d = %+v, want id %s seq %d boot %s", c.id, i, hb, c.id, i, res.hbs[0].Boot)
			}
			if want := time.Duration(i) * time.Second; hb.Uptime < want || hb.Uptime > want+50*time.Millisecond {
				t.Errorf("%s: heartbeat %d uptime %v, want %v", c.id, i, hb.Uptime, want)
			}
			if hb.MemMiB != 64 {
				t.Errorf("%s: heartbeat %d mem %d MiB, want 64", c.id, i, hb.MemMiB)
			}
		}
		// Real time: three intervals of one second each, seen from outside.
		wall := res.arrivals[3].Sub(res.arrivals[0])
		if wall < 2500*time.Millisecond || wall > 4*time.Second {
			t.Errorf("%s: seq 0 to 3 took %v of wall time, want about 3s", c.id, wall)
		}
		if last := res.hbs[3]; last.Filling || last.FilledMiB < 60 {
			t.Errorf("%s: after 3 s still filling: %+v", c.id, last)
		}
	}

	// The guest's own count: seq 2 to 3 is one second of dirtying.
	got := float64(busyRes.hbs[3].DirtiedKiB-busyRes.hbs[2].DirtiedKiB) / 1024
	if got < 40 || got > 60 {
		t.Errorf("busy guest dirtied %.1f MiB in its fourth second, want about 50", got)
	}
	if idleRes.hbs[3].DirtiedKiB != 0 {
		t.Errorf("idle guest reports %d KiB dirtied, want 0", idleRes.hbs[3].DirtiedKiB)
	}
	// QEMU's measurement (page sampling over one second).
	if busyRes.dirtyRate < 20 {
		t.Errorf("QEMU measured %.1f MiB/s on the busy guest, want about 50", busyRes.dirtyRate)
	}
	if idleRes.dirtyRate > 2 {
		t.Errorf("QEMU measured %.1f MiB/s on the idle guest, want about 0", idleRes.dirtyRate)
	}
}

// calcDirtyRate asks QEMU to measure the guest's dirty rate over one second
// (calc-dirty-rate, page sampling) and returns MiB/s. QEMU 7.2 under TCG
// segfaults on mode dirty-bitmap: do not use it.
func calcDirtyRate(ctx context.Context, sock string) (float64, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", sock)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	sc := bufio.NewScanner(conn)
	sc.Buffer(nil, 1<<20)
	enc := json.NewEncoder(conn)
	call := func(cmd string, args any) (json.RawMessage, error) {
		if err := enc.Encode(map[string]any{"execute": cmd, "arguments": args}); err != nil {
			return nil, err
		}
		for sc.Scan() {
			var r struct {
				Return json.RawMessage
				Error  *struct{ Class, Desc string }
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				return nil, err
			}
			if r.Error != nil {
				return nil, fmt.Errorf("qmp %s: %s: %s", cmd, r.Error.Class, r.Error.Desc)
			}
			if r.Return != nil {
				return r.Return, nil
			}
		}
		return nil, fmt.Errorf("qmp %s: %v", cmd, sc.Err())
	}
	if !sc.Scan() { // greeting
		return 0, fmt.Errorf("qmp greeting: %v", sc.Err())
	}
	if _, err := call("qmp_capabilities", map[string]any{}); err != nil {
		return 0, err
	}
	if _, err := call("calc-dirty-rate", map[string]any{"calc-time": 1, "sample-pages": 4096}); err != nil {
		return 0, err
	}
	for {
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
		raw, err := call("query-dirty-rate", map[string]any{})
		if err != nil {
			return 0, err
		}
		var q struct {
			Status    string  `json:"status"`
			DirtyRate float64 `json:"dirty-rate"`
		}
		if err := json.Unmarshal(raw, &q); err != nil {
			return 0, err
		}
		if q.Status == "measured" {
			return q.DirtyRate, nil
		}
	}
}

func TestBootOneGiB(t *testing.T) {
	if testing.Short() {
		t.Skip("boots QEMU")
	}
	t.Parallel()
	kernel := buildOrSkip(t)
	v := bootVM(t, Options{Kernel: kernel, ID: "big", MemoryMiB: 1024})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	hb, err := v.hb.Wait(ctx, "heartbeat 1 of big", func(hb Heartbeat) bool { return hb.Seq == 1 })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("after 1 s: %+v", hb)
	if hb.ID != "big" || hb.MemMiB != 1024 || hb.FilledMiB == 0 {
		t.Errorf("heartbeat 1 = %+v, want id big, 1024 MiB seen, fill under way", hb)
	}
}
