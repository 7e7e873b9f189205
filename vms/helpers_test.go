package vms_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/netfabric/netfabrictest"
	"github.com/vigil-ha/vigil/qmp"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/store/storetest"
	"github.com/vigil-ha/vigil/vms"
)

func needQEMU(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts QEMU; skipped with -short")
	}
	if _, err := exec.LookPath("qemu-system-x86_64"); err != nil {
		testenv.Unavailable(t, "qemu-system-x86_64 not installed (test/deps.sh installs it)")
	}
}

// shortDir is a directory whose paths fit unix sockets (t.TempDir paths
// can pass the 108-byte limit).
func shortDir(t testing.TB) string {
	t.Helper()
	d, err := os.MkdirTemp("", "vms")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

func ctxFor(t testing.TB, d time.Duration) context.Context {
	c, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return c
}

// firmwareVM is a VM with no guest (SeaBIOS finds nothing to boot and
// waits): cheap, and enough to start, adopt, stop and migrate.
func firmwareVM(name string, gen uint64) vms.VM {
	return vms.VM{Spec: qmp.Spec{Name: name, UUID: "0b8f5a8e-3c1d-4e2f-9a7b-6c5d4e3f2a1b", VCPUs: 1, MemoryMiB: 64}, Generation: gen}
}

// recStore is a real store that logs the calls vms makes and can fail
// some of them: the order "intent before action" is checked on it.
type recStore struct {
	*store.Store
	mu    sync.Mutex
	ops   []string
	kinds map[uint64]store.IntentKind
	// onOpen runs inside OpenIntent, before it is written.
	onOpen func(in store.Intent)
	// failOpen fails every OpenIntent; failClose fails closing intents
	// of that kind (a crash between the action and the close).
	failOpen  error
	failClose store.IntentKind
}

func newRecStore(s *store.Store) *recStore {
	return &recStore{Store: s, kinds: map[uint64]store.IntentKind{}}
}

func (r *recStore) log(format string, a ...any) {
	r.mu.Lock()
	r.ops = append(r.ops, fmt.Sprintf(format, a...))
	r.mu.Unlock()
}

func (r *recStore) Ops() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.ops...)
}

func (r *recStore) OpenIntent(in store.Intent) (uint64, error) {
	if r.onOpen != nil {
		r.onOpen(in)
	}
	if r.failOpen != nil {
		return 0, r.failOpen
	}
	id, err := r.Store.OpenIntent(in)
	if err == nil {
		r.mu.Lock()
		r.kinds[id] = in.Kind
		r.mu.Unlock()
		r.log("open %s%s %s", in.Kind, map[bool]string{true: "/" + in.Action, false: ""}[in.Action != ""], in.VM)
	}
	return id, err
}

func (r *recStore) CloseIntent(id uint64, outcome, detail string) error {
	r.mu.Lock()
	kind := r.kinds[id]
	r.mu.Unlock()
	if kind != "" && kind == r.failClose {
		return fmt.Errorf("injected: close %s intent", kind)
	}
	err := r.Store.CloseIntent(id, outcome, detail)
	if err == nil {
		r.log("close %s %s", kind, outcome)
	}
	return err
}

func (r *recStore) PutVM(rec store.VMRecord) error {
	err := r.Store.PutVM(rec)
	if err == nil {
		r.log("put %s gen %d", rec.ID, rec.Generation)
	}
	return err
}

func (r *recStore) DeleteVM(id string) error {
	err := r.Store.DeleteVM(id)
	if err == nil {
		r.log("delete %s", id)
	}
	return err
}

// node is one simulated host: its store file, run directory and Host,
// which restart() replaces as an agent restart would.
type node struct {
	t       *testing.T
	name    string
	dbPath  string
	runDir  string
	st      *recStore
	h       *vms.Host
	hooks   map[string]*netfabrictest.Hooks
	peers   map[string]*node
	ports   [2]int
	migrate qmp.MigrateOptions
	// wrap, if set, wraps the peers' receiving side (fault injection).
	wrap func(vms.Receiver) vms.Receiver
}

var portBase = 30000 + (os.Getpid()*37)%20000

func newNode(t *testing.T, name string) *node {
	t.Helper()
	dir := shortDir(t)
	portBase += 10
	n := &node{t: t, name: name, dbPath: filepath.Join(dir, "vigil.db"), runDir: filepath.Join(dir, "run"),
		hooks: map[string]*netfabrictest.Hooks{}, peers: map[string]*node{}, ports: [2]int{portBase, portBase + 9}}
	n.open()
	t.Cleanup(func() {
		n.h.Close()
		n.st.Close()
		if err := storetest.CheckFile(n.dbPath, store.Options{NoSync: true}); err != nil {
			t.Errorf("%s: store at cleanup: %v", name, err)
		}
	})
	return n
}

// open opens the node's store and a new Host on it.
func (n *node) open() {
	n.t.Helper()
	s, err := store.Open(n.dbPath, store.Options{NoSync: true})
	if err != nil {
		n.t.Fatal(err)
	}
	n.st = newRecStore(s)
	n.h, err = vms.New(vms.Config{
		Name: n.name, RunDir: n.runDir, Store: n.st, MigrationIP: "127.0.0.1", MigrationPorts: n.ports,
		Migrate: n.migrate,
		Destinations: func(host string) (vms.Destination, error) {
			p := n.peers[host]
			if p == nil {
				return vms.Destination{}, fmt.Errorf("no route to host %s", host)
			}
			if n.hooks[host] == nil {
				n.hooks[host] = &netfabrictest.Hooks{}
			}
			var r vms.Receiver = p.h
			if n.wrap != nil {
				r = n.wrap(r)
			}
			return vms.Destination{Hooks: n.hooks[host], Receiver: r}, nil
		},
	})
	if err != nil {
		n.t.Fatal(err)
	}
}

// restart is an agent restart: the Host is dropped (its QEMUs keep
// running), the store closed and reopened, a new Host made. It returns
// the intents the previous run left open.
func (n *node) restart() []store.Intent {
	n.t.Helper()
	n.h.Close()
	if err := n.st.Close(); err != nil {
		n.t.Fatal(err)
	}
	n.open()
	return n.st.Pending()
}

func link(a, b *node) {
	a.peers[b.name], b.peers[a.name] = b, a
}

// qemuPIDs lists the live QEMU processes of VM name on this machine.
func qemuPIDs(name string) []int {
	ents, _ := os.ReadDir("/proc")
	var out []int
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cmd, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil || !bytes.Contains(cmd, []byte("qemu-system")) || !bytes.Contains(cmd, []byte("\x00guest="+name+",")) {
			continue
		}
		stat, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if i := bytes.LastIndexByte(stat, ')'); i > 0 && i+2 < len(stat) && stat[i+2] == 'Z' {
			continue
		}
		out = append(out, pid)
	}
	return out
}

// waitPIDs waits until exactly the given QEMU processes of name run.
func waitPIDs(t testing.TB, name string, want ...int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		got := qemuPIDs(name)
		if fmt.Sprint(got) == fmt.Sprint(want) || (want == nil && len(got) == 0) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("QEMU processes of %s = %v, want %v", name, got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// killAll kills every QEMU of name at the end of a test that may leave
// one running on purpose.
func killAll(t testing.TB, name string) {
	t.Cleanup(func() {
		for _, pid := range qemuPIDs(name) {
			if p, err := os.FindProcess(pid); err == nil {
				p.Kill()
			}
		}
	})
}

// intentsClosed returns the "intent.closed" audit messages of s.
func intentsClosed(t testing.TB, s interface {
	Events(after uint64, limit int) ([]store.Event, error)
}) []string {
	t.Helper()
	evs, err := s.Events(0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ev := range evs {
		if ev.Kind == "intent.closed" {
			// "start intent 3 done" -> "start done"
			f := strings.Fields(ev.Message)
			out = append(out, f[0]+" "+f[len(f)-1])
		}
	}
	return out
}

func openIntents(t testing.TB, s interface {
	OpenIntents() ([]store.Intent, error)
}) []store.Intent {
	t.Helper()
	in, err := s.OpenIntents()
	if err != nil {
		t.Fatal(err)
	}
	return in
}
