package localapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/internal/testenv"
)

// fakeBackend serves a fixed status and an in-memory event log; its
// status names the caller, so tests see what SO_PEERCRED said.
type fakeBackend struct {
	mu     sync.Mutex
	events []Event
	subs   []chan Event
}

func (f *fakeBackend) Status(ctx context.Context) (Status, error) {
	c := CallerFrom(ctx)
	return Status{Host: "h1", Mode: "standalone", Hosts: []HostStatus{{Name: fmt.Sprintf("uid=%d pid=%d known=%v write=%v", c.UID, c.PID, c.Known, c.Write)}}}, nil
}

func (f *fakeBackend) Events(_ context.Context, after uint64, limit int) ([]Event, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Event
	for _, ev := range f.events {
		if ev.Seq > after && (limit == 0 || len(out) < limit) {
			out = append(out, ev)
		}
	}
	return out, nil
}

func (f *fakeBackend) Subscribe() (<-chan Event, func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	ch := make(chan Event, 16)
	f.subs = append(f.subs, ch)
	return ch, func() {}
}

func (f *fakeBackend) add(kind string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	ev := Event{Seq: uint64(len(f.events) + 1), Time: time.Now(), Kind: kind, Host: "h1", Evidence: json.RawMessage(`{}`)}
	f.events = append(f.events, ev)
	for _, s := range f.subs {
		s <- ev
	}
}

func serve(t *testing.T, b Backend) (string, *Server) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "run", "vigil.sock")
	ln, err := Listen(path)
	if err != nil {
		t.Fatal(err)
	}
	s := NewServer(ln, b, nil)
	done := make(chan error, 1)
	go func() { done <- s.Serve() }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		s.Close(ctx)
		if err := <-done; err != nil {
			t.Errorf("Serve = %v, want nil after Close", err)
		}
	})
	return path, s
}

func TestListen(t *testing.T) {
	path, s := serve(t, &fakeBackend{})
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o660 || fi.Mode()&os.ModeSocket == 0 {
		t.Errorf("socket mode %v, want socket 0660", fi.Mode())
	}
	// A second daemon is refused while the first answers.
	if ln, err := Listen(path); !errors.Is(err, ErrInUse) {
		if ln != nil {
			ln.Close()
		}
		t.Errorf("Listen on a live socket = %v, want ErrInUse", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after Close the socket is still there (%v)", err)
	}

	// A stale socket (bound, nobody listening) is replaced.
	stale := filepath.Join(t.TempDir(), "stale.sock")
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: stale}); err != nil {
		t.Fatal(err)
	}
	syscall.Close(fd)
	ln, err := Listen(stale)
	if err != nil {
		t.Fatalf("Listen over a stale socket = %v, want it replaced", err)
	}
	ln.Close()

	// Anything that is not a socket is left alone.
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("keep"), 0o644)
	if ln, err := Listen(file); err == nil || !strings.Contains(err.Error(), "exists and is not a socket") {
		if ln != nil {
			ln.Close()
		}
		t.Errorf("Listen over a regular file = %v, want refusal", err)
	}
	if b, _ := os.ReadFile(file); string(b) != "keep" {
		t.Errorf("regular file changed to %q", b)
	}
}

func TestClientNoDaemon(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, "stale.sock")
	fd, _ := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	syscall.Bind(fd, &syscall.SockaddrUnix{Name: stale})
	syscall.Close(fd)
	for _, p := range []string{filepath.Join(dir, "missing.sock"), stale} {
		_, err := NewClient(p).Status(context.Background())
		if !errors.Is(err, ErrNoDaemon) || err.Error() != "no vigil daemon answers on "+p {
			t.Errorf("Status(%s) = %v, want ErrNoDaemon naming the socket", p, err)
		}
	}
}

func TestStatusAndEvents(t *testing.T) {
	b := &fakeBackend{}
	b.add("risk")
	b.add("bmc-unreachable")
	path, _ := serve(t, b)
	c := NewClient(path)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := c.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("uid=%d pid=%d known=true write=%v", os.Getuid(), os.Getpid(), os.Getuid() == 0)
	if st.Host != "h1" || len(st.Hosts) != 1 || st.Hosts[0].Name != want || st.VMs == nil {
		t.Errorf("Status = %+v, want host h1 seen by caller %q and vms []", st, want)
	}

	var kinds []string
	if err := c.Events(ctx, 0, false, func(ev Event) error { kinds = append(kinds, ev.Kind); return nil }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(kinds, ",") != "risk,bmc-unreachable" {
		t.Errorf("Events = %v", kinds)
	}
	kinds = nil
	c.Events(ctx, 1, false, func(ev Event) error { kinds = append(kinds, ev.Kind); return nil })
	if strings.Join(kinds, ",") != "bmc-unreachable" {
		t.Errorf("Events after 1 = %v", kinds)
	}

	// Follow: the backlog, then new events as they come.
	got := make(chan Event, 8)
	fctx, fcancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- c.Events(fctx, 0, true, func(ev Event) error { got <- ev; return nil })
	}()
	for i := range 2 {
		if ev := <-got; ev.Seq != uint64(i+1) {
			t.Errorf("followed backlog event %d has seq %d", i, ev.Seq)
		}
	}
	b.add("bmc-reachable")
	select {
	case ev := <-got:
		if ev.Kind != "bmc-reachable" || ev.Seq != 3 {
			t.Errorf("followed event %+v, want seq 3 bmc-reachable", ev)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("a new event did not reach the follower")
	}
	fcancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("follow after cancel = %v, want context.Canceled", err)
	}

	if _, err := c.get(ctx, "/v1/nothing", nil); err == nil || !strings.Contains(err.Error(), "no route GET /v1/nothing") {
		t.Errorf("unknown route: %v", err)
	}
	req := strings.NewReader("")
	resp, err := c.hc.Post("http://vigil/v1/status", "application/json", req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 && resp.StatusCode != 405 {
		t.Errorf("POST /v1/status = %s, want refused", resp.Status)
	}
}

// TestFollowEndsAtClose: a follower's stream ends when the server closes,
// so a shutdown never waits on a client.
func TestFollowEndsAtClose(t *testing.T) {
	b := &fakeBackend{}
	path, s := serve(t, b)
	done := make(chan error, 1)
	started := make(chan struct{})
	go func() {
		var once sync.Once
		b.add("x")
		done <- NewClient(path).Events(context.Background(), 0, true, func(Event) error { once.Do(func() { close(started) }); return nil })
	}()
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := s.Close(ctx); err != nil {
		t.Fatalf("Close with a follower = %v", err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, ErrNoDaemon) {
			t.Errorf("follow after daemon stop = %v, want ErrNoDaemon", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("follower still running after Close")
	}
}

// TestPeerCredentials: an unprivileged process cannot open the 0660
// socket; where it may, the daemon sees its uid and grants it reading only.
func TestPeerCredentials(t *testing.T) {
	if os.Getenv("LOCALAPI_CLIENT") != "" {
		st, err := NewClient(os.Getenv("LOCALAPI_CLIENT")).Status(context.Background())
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(0)
		}
		_, derr := NewClient(os.Getenv("LOCALAPI_CLIENT")).DrainHost(context.Background(), "h2")
		fmt.Println("OK", st.Hosts[0].Name, "drain:", errors.Is(derr, ErrReadOnly))
		os.Exit(0)
	}
	testenv.NeedsRoot(t)
	ops := &fakeOps{}
	path, _ := serve(t, ops)
	// nobody must reach the socket and a copy of the test binary.
	for d := filepath.Dir(path); d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(filepath.Dir(path), "client.test")
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	asNobody := func() string {
		cmd := exec.Command(bin, "-test.run=^TestPeerCredentials$")
		cmd.Env = append(os.Environ(), "LOCALAPI_CLIENT="+path)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("client as nobody: %v %s", err, out)
		}
		return strings.TrimSpace(string(out))
	}
	if out := asNobody(); !strings.HasPrefix(out, "ERR") || !strings.Contains(out, "permission denied") {
		t.Errorf("nobody on a 0660 root socket: %q, want permission denied", out)
	}
	os.Chmod(path, 0o666)
	out := asNobody()
	if !strings.HasPrefix(out, "OK uid=65534 ") || !strings.HasSuffix(out, "known=true write=false drain: true") {
		t.Errorf("nobody on an open socket: %q, want uid 65534, read-only, its drain refused as read-only", out)
	}
	if got := ops.calls(); len(got) != 0 {
		t.Errorf("operations reached the backend for a read-only caller: %q", got)
	}
	if err := (Caller{UID: 65534}).CheckWrite(); !errors.Is(err, ErrReadOnly) {
		t.Errorf("CheckWrite(nobody) = %v, want ErrReadOnly", err)
	}
	if err := (Caller{UID: 0, Known: true, Write: true}).CheckWrite(); err != nil {
		t.Errorf("CheckWrite(root) = %v", err)
	}
}

// fakeOps is a cluster daemon: fakeBackend with Operations over one host
// and one VM.
type fakeOps struct {
	fakeBackend
	mu  sync.Mutex
	log []string
}

func (f *fakeOps) note(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.log = append(f.log, s)
}

func (f *fakeOps) calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.log)
}

func (f *fakeOps) vm(name string) (VMDetail, error) {
	if name != "web1" {
		return VMDetail{}, fmt.Errorf("vm %q: %w", name, ErrNotFound)
	}
	return VMDetail{VM: VM{Name: "web1", Host: "h1", State: "running", Generation: 3, Priority: 100, MemoryMiB: 64, VCPUs: 1}, Desired: "running"}, nil
}

func (f *fakeOps) ListVMs(context.Context) ([]VM, error) {
	d, _ := f.vm("web1")
	return []VM{d.VM}, nil
}
func (f *fakeOps) ShowVM(_ context.Context, name string) (VMDetail, error) { return f.vm(name) }
func (f *fakeOps) CreateVM(_ context.Context, spec state.VMSpec) (VMDetail, error) {
	f.note("create " + spec.Name)
	if spec.Name == "web1" {
		return VMDetail{}, fmt.Errorf("vm web1: %w: already exists", ErrConflict)
	}
	return VMDetail{VM: VM{Name: spec.Name, State: "recovering"}, Desired: "running", Spec: spec}, nil
}
func (f *fakeOps) StartVM(_ context.Context, name string) (VMDetail, error) {
	f.note("start " + name)
	return f.vm(name)
}
func (f *fakeOps) StopVM(_ context.Context, name string) (VMDetail, error) {
	f.note("stop " + name)
	return f.vm(name)
}
func (f *fakeOps) MigrateVM(_ context.Context, name, to string) (VMDetail, error) {
	f.note("migrate " + name + " " + to)
	return VMDetail{}, fmt.Errorf("%w: no leader", ErrUnavailable)
}
func (f *fakeOps) ShowHost(_ context.Context, name string) (HostDetail, error) {
	if name != "h1" {
		return HostDetail{}, fmt.Errorf("host %q: %w", name, ErrNotFound)
	}
	return HostDetail{HostStatus: HostStatus{Name: "h1", State: "healthy"}}, nil
}
func (f *fakeOps) DrainHost(_ context.Context, name string) (HostDetail, error) {
	f.note("drain " + name)
	return f.ShowHost(context.Background(), name)
}
func (f *fakeOps) ReadmitHost(_ context.Context, name string) (HostDetail, error) {
	f.note("readmit " + name)
	return HostDetail{}, fmt.Errorf("readmit %s: %w: it is healthy", name, ErrConflict)
}

// The VM and host routes reach the backend's Operations and their errors
// keep their class across the socket: not found, invalid (an unknown
// field, a migration without a target), refused, unavailable; a daemon
// without Operations answers ErrStandalone.
func TestOperations(t *testing.T) {
	ops := &fakeOps{}
	path, _ := serve(t, ops)
	c := NewClient(path)
	ctx := context.Background()
	vms, err := c.ListVMs(ctx)
	if err != nil || len(vms) != 1 || vms[0].Name != "web1" || vms[0].Generation != 3 || vms[0].MemoryMiB != 64 {
		t.Errorf("ListVMs = %+v, %v", vms, err)
	}
	if _, err := c.ShowVM(ctx, "db1"); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `vm "db1"`) {
		t.Errorf("ShowVM(db1) = %v, want ErrNotFound naming it", err)
	}
	if d, err := c.CreateVM(ctx, state.VMSpec{Name: "db1", VCPUs: 1, MemoryMiB: 64}); err != nil || d.Spec.Name != "db1" || d.Spec.MemoryMiB != 64 {
		t.Errorf("CreateVM(db1) = %+v, %v", d, err)
	}
	if _, err := c.CreateVM(ctx, state.VMSpec{Name: "web1"}); !errors.Is(err, ErrConflict) {
		t.Errorf("CreateVM(web1) = %v, want ErrConflict", err)
	}
	if _, err := c.StopVM(ctx, "web1"); err != nil {
		t.Errorf("StopVM(web1) = %v", err)
	}
	if _, err := c.MigrateVM(ctx, "web1", ""); !errors.Is(err, ErrInvalid) {
		t.Errorf("MigrateVM without a target = %v, want ErrInvalid", err)
	}
	if _, err := c.MigrateVM(ctx, "web1", "h2"); !errors.Is(err, ErrUnavailable) {
		t.Errorf("MigrateVM(h2) = %v, want ErrUnavailable", err)
	}
	if _, err := c.ShowHost(ctx, "h9"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ShowHost(h9) = %v, want ErrNotFound", err)
	}
	if _, err := c.ReadmitHost(ctx, "h1"); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "it is healthy") {
		t.Errorf("ReadmitHost(h1) = %v, want ErrConflict with the reason", err)
	}
	var raw VMDetail
	if err := c.do(ctx, http.MethodPost, "/v1/vms", map[string]any{"name": "x", "cpus": 2}, &raw); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "cpus") {
		t.Errorf("create with an unknown field = %v, want ErrInvalid naming it", err)
	}
	want := []string{"create db1", "create web1", "stop web1", "migrate web1 h2", "readmit h1"}
	if got := ops.calls(); !slices.Equal(got, want) {
		t.Errorf("backend calls = %q, want %q", got, want)
	}

	standalone := NewClient(func() string { p, _ := serve(t, &fakeBackend{}); return p }())
	if _, err := standalone.ListVMs(ctx); !errors.Is(err, ErrStandalone) {
		t.Errorf("ListVMs on a standalone daemon = %v, want ErrStandalone", err)
	}
	if _, err := standalone.DrainHost(ctx, "h1"); !errors.Is(err, ErrStandalone) {
		t.Errorf("DrainHost on a standalone daemon = %v, want ErrStandalone", err)
	}
}
