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

	"github.com/vigil-ha/vigil/internal/testenv"
)

func buildOrSkip(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	k, err := Build(ctx)
	if errors.Is(err, ErrNoToolchain) {
		testenv.Unavailable(t, "%v", err)
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
			testenv.Unavailable(t, "%v", errs[i])
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

func bootVM(t *testing.T, o Options, extra ...string) *vm {
	t.Helper()
	qemu, err := exec.LookPath("qemu-system-x86_64")
	if err != nil {
		testenv.Unavailable(t, "qemu-system-x86_64 not installed (run test/deps.sh)")
	}
	dir := t.TempDir()
	v := &vm{qmp: filepath.Join(dir, "qmp.sock")}
	args := append(QEMUArgs(o), "-qmp", "unix:"+v.qmp+",server=on,wait=off")
	args = append(args, extra...)
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

	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()

	type result struct {
		first     time.Duration // QEMU start to seq 0
		hbs       []Heartbeat   // three consecutive heartbeats after the fill
		arrivals  []time.Time
		dirtyRate float64 // MiB/s measured by QEMU over the same seconds
		err       error
	}
	check := func(v *vm, id string, res *result) {
		hb, err := v.hb.Wait(ctx, "the first heartbeat of "+id, func(hb Heartbeat) bool { return hb.ID == id })
		if err != nil {
			res.err = err
			return
		}
		res.first = time.Since(v.started)
		if hb.Seq != 0 {
			res.err = fmt.Errorf("first heartbeat %+v, want seq 0", hb)
			return
		}
		if _, err := v.hb.Wait(ctx, id+" done filling", func(hb Heartbeat) bool { return !hb.Filling }); err != nil {
			res.err = err
			return
		}
		rate := make(chan error, 1)
		go func() {
			var err error
			res.dirtyRate, err = calcDirtyRate(ctx, v.qmp)
			rate <- err
		}()
		for len(res.hbs) < 3 {
			hb, err := v.hb.Next(ctx)
			if err != nil {
				res.err = err
				return
			}
			res.hbs, res.arrivals = append(res.hbs, hb), append(res.arrivals, time.Now())
		}
		res.err = <-rate
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
		t.Logf("%s: first heartbeat %v after QEMU start; QEMU dirty rate %.1f MiB/s; %+v",
			c.id, res.first.Round(time.Millisecond), res.dirtyRate, res.hbs[len(res.hbs)-1])
		if res.first > 5*time.Second {
			t.Errorf("%s: first heartbeat after %v, want a boot in well under 5s", c.id, res.first)
		}
		a := res.hbs[0]
		for i, hb := range res.hbs {
			if hb.ID != c.id || hb.Seq != a.Seq+uint64(i) || hb.Boot != a.Boot || hb.MemMiB != 64 || hb.Filling {
				t.Errorf("%s: heartbeat %+v, want id %s, seq %d, boot %s, 64 MiB, filled", c.id, hb, c.id, a.Seq+uint64(i), a.Boot)
			}
			// One a second on a grid of guest time (HPET, real time under
			// TCG), late by a PIT wake-up, more when the host starves the
			// vCPU (this machine is shared).
			if late := hb.Uptime - time.Duration(hb.Seq)*time.Second; late < 0 || late > 600*time.Millisecond {
				t.Errorf("%s: heartbeat seq %d at guest time %v, want within 0.6s after %ds", c.id, hb.Seq, hb.Uptime, hb.Seq)
			}
		}
		// Guest time is real time, seen from outside.
		guest := res.hbs[2].Uptime - a.Uptime
		wall := res.arrivals[2].Sub(res.arrivals[0])
		if d := wall - guest; d < -500*time.Millisecond || d > 500*time.Millisecond {
			t.Errorf("%s: %v of guest time took %v of wall time", c.id, guest, wall)
		}
	}

	// The guest's own count over two seconds. A starved guest catches up
	// on at most one second of backlog, so over W seconds the rate may
	// reach 50*(W+1)/W.
	a, c := busyRes.hbs[0], busyRes.hbs[2]
	w := (c.Uptime - a.Uptime).Seconds()
	got := float64(c.DirtiedKiB-a.DirtiedKiB) / 1024 / w
	if limit := 50 * (w + 1) / w * 1.05; got < 30 || got > limit {
		t.Errorf("busy guest dirtied %.1f MiB/s over %.2fs, want about 50 (30..%.0f)", got, w, limit)
	}
	if idleRes.hbs[2].DirtiedKiB != 0 {
		t.Errorf("idle guest reports %d KiB dirtied, want 0", idleRes.hbs[2].DirtiedKiB)
	}
	// QEMU's measurement (page sampling over one second).
	if busyRes.dirtyRate < 20 {
		t.Errorf("QEMU measured %.1f MiB/s on the busy guest, want about 50", busyRes.dirtyRate)
	}
	if idleRes.dirtyRate > 2 {
		t.Errorf("QEMU measured %.1f MiB/s on the idle guest, want about 0", idleRes.dirtyRate)
	}
}

// qmpConn is a minimal QMP client for these tests.
type qmpConn struct {
	conn net.Conn
	sc   *bufio.Scanner
	enc  *json.Encoder
}

func dialQMP(ctx context.Context, sock string) (*qmpConn, error) {
	var d net.Dialer
	var conn net.Conn
	var err error
	for { // QEMU creates the socket shortly after start
		conn, err = d.DialContext(ctx, "unix", sock)
		if err == nil {
			break
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(20 * time.Millisecond):
		}
	}
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	q := &qmpConn{conn: conn, sc: bufio.NewScanner(conn), enc: json.NewEncoder(conn)}
	q.sc.Buffer(nil, 1<<20)
	if !q.sc.Scan() { // greeting
		conn.Close()
		return nil, fmt.Errorf("qmp greeting: %v", q.sc.Err())
	}
	if _, err := q.call("qmp_capabilities", nil); err != nil {
		conn.Close()
		return nil, err
	}
	return q, nil
}

func (q *qmpConn) call(cmd string, args any) (json.RawMessage, error) {
	req := map[string]any{"execute": cmd}
	if args != nil {
		req["arguments"] = args
	}
	if err := q.enc.Encode(req); err != nil {
		return nil, err
	}
	for q.sc.Scan() {
		var r struct {
			Return json.RawMessage
			Error  *struct{ Class, Desc string }
		}
		if err := json.Unmarshal(q.sc.Bytes(), &r); err != nil {
			return nil, err
		}
		if r.Error != nil {
			return nil, fmt.Errorf("qmp %s: %s: %s", cmd, r.Error.Class, r.Error.Desc)
		}
		if r.Return != nil {
			return r.Return, nil
		}
	}
	return nil, fmt.Errorf("qmp %s: %v", cmd, q.sc.Err())
}

// calcDirtyRate asks QEMU to measure the guest's dirty rate over one second
// (calc-dirty-rate, page sampling) and returns MiB/s. QEMU 7.2 under TCG
// segfaults on mode dirty-bitmap: do not use it.
func calcDirtyRate(ctx context.Context, sock string) (float64, error) {
	q, err := dialQMP(ctx, sock)
	if err != nil {
		return 0, err
	}
	defer q.conn.Close()
	if _, err := q.call("calc-dirty-rate", map[string]any{"calc-time": 1, "sample-pages": 4096}); err != nil {
		return 0, err
	}
	for {
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
		raw, err := q.call("query-dirty-rate", nil)
		if err != nil {
			return 0, err
		}
		var r struct {
			Status    string  `json:"status"`
			DirtyRate float64 `json:"dirty-rate"`
		}
		if err := json.Unmarshal(raw, &r); err != nil {
			return 0, err
		}
		if r.Status == "measured" {
			return r.DirtyRate, nil
		}
	}
}

// TestHeartbeatSurvivesMigration live-migrates a dirtying guest between two
// local QEMUs and checks that the destination carries on: same boot nonce,
// seq and uptime continuing, and the source stops.
func TestHeartbeatSurvivesMigration(t *testing.T) {
	if testing.Short() {
		t.Skip("boots QEMU")
	}
	t.Parallel()
	kernel := buildOrSkip(t)
	dir := t.TempDir()
	o := Options{Kernel: kernel, ID: "mig-1", DirtyMiBps: 20, SerialFile: filepath.Join(dir, "src.log")}
	src := bootVM(t, o)
	o.SerialFile = filepath.Join(dir, "dst.log")
	migSock := filepath.Join(dir, "mig.sock")
	dst := bootVM(t, o, "-incoming", "unix:"+migSock)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	before, err := src.hb.Wait(ctx, "source heartbeat 1", func(hb Heartbeat) bool { return hb.Seq >= 1 && !hb.Filling })
	if err != nil {
		t.Fatal(err)
	}
	q, err := dialQMP(ctx, src.qmp)
	if err != nil {
		t.Fatal(err)
	}
	defer q.conn.Close()
	if _, err := q.call("migrate-set-parameters", map[string]any{"max-bandwidth": int64(1) << 40, "downtime-limit": 50}); err != nil {
		t.Fatal(err)
	}
	// Wait for the destination to listen.
	for {
		if _, err := os.Stat(migSock); err == nil {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatal("destination never listened on", migSock)
		case <-time.After(20 * time.Millisecond):
		}
	}
	start := time.Now()
	if _, err := q.call("migrate", map[string]any{"uri": "unix:" + migSock}); err != nil {
		t.Fatal(err)
	}
	for {
		raw, err := q.call("query-migrate", nil)
		if err != nil {
			t.Fatal(err)
		}
		var st struct {
			Status string `json:"status"`
		}
		json.Unmarshal(raw, &st)
		if st.Status == "completed" {
			break
		}
		if st.Status == "failed" || st.Status == "cancelled" {
			t.Fatalf("migration %s: %s", st.Status, raw)
		}
		select {
		case <-ctx.Done():
			t.Fatalf("migration still %s", st.Status)
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Logf("migrated 64 MiB dirtying 20 MiB/s in %v", time.Since(start).Round(time.Millisecond))
	after, err := dst.hb.Wait(ctx, "destination heartbeat", func(Heartbeat) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("source last seen %+v; destination first %+v", before, after)
	if after.ID != "mig-1" || after.Boot != before.Boot || after.Seq <= before.Seq || after.Uptime <= before.Uptime {
		t.Errorf("destination heartbeat %+v does not continue source %+v", after, before)
	}
	next, err := dst.hb.Next(ctx)
	if err != nil || next.Seq != after.Seq+1 || next.DirtiedKiB <= after.DirtiedKiB {
		t.Errorf("destination next heartbeat = %+v, %v, want seq %d still dirtying", next, err, after.Seq+1)
	}
	// The source is stopped (postmigrate): no heartbeat for over a second.
	quiet, cancel2 := context.WithTimeout(ctx, 1500*time.Millisecond)
	defer cancel2()
	if hb, err := src.hb.Wait(quiet, "a source heartbeat after migration", func(hb Heartbeat) bool { return hb.Seq > after.Seq }); err == nil {
		t.Errorf("source still heartbeating after migration: %+v", hb)
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

// BenchmarkBootToHeartbeat measures QEMU start to the first heartbeat.
func BenchmarkBootToHeartbeat(b *testing.B) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	kernel, err := Build(ctx)
	if err != nil {
		testenv.Unavailable(b, "%v", err)
	}
	qemu, err := exec.LookPath("qemu-system-x86_64")
	if err != nil {
		testenv.Unavailable(b, "qemu-system-x86_64 not installed")
	}
	for b.Loop() {
		cmd := exec.Command(qemu, QEMUArgs(Options{Kernel: kernel, ID: "bench", NoFill: true})...)
		out, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		_, err = WaitHeartbeat(ctx, out, "bench")
		cmd.Process.Kill()
		cmd.Wait()
		if err != nil {
			b.Fatal(err)
		}
	}
}
