package localapi

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/vigil-ha/vigil/cluster/state"
)

// Group is the group whose members may change things through the API
// (besides root), and that owns the socket where it exists.
const Group = "vigil"

// Errors of Listen and the client.
var (
	// ErrInUse: another daemon answers on the socket.
	ErrInUse = errors.New("another vigil daemon answers on the socket")
	// ErrNoDaemon: nothing answers on the socket.
	ErrNoDaemon = errors.New("no vigil daemon answers")
	// ErrReadOnly: the caller may read but not change anything.
	ErrReadOnly = errors.New("read-only: changes need root or group " + Group)
	// ErrStandalone: the daemon runs no cluster (no cluster: in its
	// config), so it has no VMs or hosts to show or change.
	ErrStandalone = errors.New("this host is standalone (no cluster: in its config): no VMs or cluster hosts")
	// ErrNotFound: no such VM or host.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: the request is malformed or names something the
	// cluster refuses; nothing changed.
	ErrInvalid = errors.New("invalid request")
	// ErrConflict: the cluster refused the change in its current state (a
	// VM that already exists, a host that cannot be drained); nothing
	// changed.
	ErrConflict = errors.New("refused")
	// ErrUnavailable: the cluster cannot answer now (no leader, no
	// quorum); try again.
	ErrUnavailable = errors.New("cluster unavailable")
)

// Operations are the cluster's VMs and hosts, as the local API shows and
// changes them. A daemon without a cluster returns ErrStandalone. Errors
// wrap ErrNotFound, ErrInvalid, ErrConflict or ErrUnavailable, which the
// API answers with 404, 400, 409 and 503.
type Operations interface {
	ListVMs(ctx context.Context) ([]VM, error)
	ShowVM(ctx context.Context, name string) (VMDetail, error)
	// CreateVM adds a VM that should run; the cluster places it.
	CreateVM(ctx context.Context, spec state.VMSpec) (VMDetail, error)
	// StartVM and StopVM set the state the VM should be in.
	StartVM(ctx context.Context, name string) (VMDetail, error)
	StopVM(ctx context.Context, name string) (VMDetail, error)
	// MigrateVM live-migrates a running VM to host to.
	MigrateVM(ctx context.Context, name, to string) (VMDetail, error)
	ShowHost(ctx context.Context, name string) (HostDetail, error)
	// DrainHost moves the host's VMs away and keeps new ones off it;
	// ReadmitHost returns it to service.
	DrainHost(ctx context.Context, name string) (HostDetail, error)
	ReadmitHost(ctx context.Context, name string) (HostDetail, error)
}

// Backend is what the API serves. The agent implements it.
type Backend interface {
	// Status answers even while the daemon is starting.
	Status(ctx context.Context) (Status, error)
	// Events returns audit events with sequence numbers above after, oldest
	// first, at most limit (0: all).
	Events(ctx context.Context, after uint64, limit int) ([]Event, error)
	// Subscribe delivers events appended from now on, in order, until
	// cancel is called or the subscriber falls behind (the channel is then
	// closed).
	Subscribe() (events <-chan Event, cancel func())
}

// Listen opens the API's Unix socket at path: it refuses when another
// daemon answers there (ErrInUse), removes a stale socket nobody answers
// on, and never removes anything that is not a socket. The socket is mode
// 0660, group vigil where that group exists. Closing the listener removes
// it.
func Listen(path string) (net.Listener, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("socket %s: %w", path, err)
	}
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("socket %s: %w", path, err)
	case fi.Mode()&os.ModeSocket == 0:
		return nil, fmt.Errorf("socket %s: exists and is not a socket; refusing to remove it", path)
	default:
		c, err := net.DialTimeout("unix", path, time.Second)
		if err == nil {
			c.Close()
			return nil, fmt.Errorf("socket %s: %w", path, ErrInUse)
		}
		if !errors.Is(err, syscall.ECONNREFUSED) {
			return nil, fmt.Errorf("socket %s: cannot tell whether a daemon answers: %w", path, err)
		}
		// Nobody listens: left behind by a daemon that died.
		if err := os.Remove(path); err != nil {
			return nil, fmt.Errorf("socket %s: remove stale socket: %w", path, err)
		}
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("socket %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o660); err != nil {
		ln.Close()
		return nil, fmt.Errorf("socket %s: %w", path, err)
	}
	if gid, ok := groupID(); ok {
		if err := os.Chown(path, -1, gid); err != nil {
			ln.Close()
			return nil, fmt.Errorf("socket %s: group %s: %w", path, Group, err)
		}
	}
	return ln, nil
}

// groupID is the id of group vigil, when it exists.
func groupID() (int, bool) {
	g, err := user.LookupGroup(Group)
	if err != nil {
		return 0, false
	}
	id, err := strconv.Atoi(g.Gid)
	return id, err == nil
}

// Caller is who is on the other end of one connection, from the socket's
// peer credentials (SO_PEERCRED), read once when the connection opens.
type Caller struct {
	PID      int32
	UID, GID uint32
	// Known is false when the credentials could not be read: such a
	// caller may only read.
	Known bool
	// Write: root, or a member of group vigil.
	Write bool
}

// CheckWrite returns ErrReadOnly unless the caller may change things.
// Every mutating handler calls it first.
func (c Caller) CheckWrite() error {
	if !c.Write {
		return fmt.Errorf("%w (caller uid %d)", ErrReadOnly, c.UID)
	}
	return nil
}

type callerKey struct{}

// CallerFrom returns the caller of a request's connection.
func CallerFrom(ctx context.Context) Caller {
	c, _ := ctx.Value(callerKey{}).(Caller)
	return c
}

// peerCaller reads the peer credentials of conn.
func peerCaller(conn net.Conn) Caller {
	uc, ok := conn.(*net.UnixConn)
	if !ok {
		return Caller{}
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return Caller{}
	}
	var cred *unix.Ucred
	var cerr error
	if err := raw.Control(func(fd uintptr) { cred, cerr = unix.GetsockoptUcred(int(fd), unix.SOL_SOCKET, unix.SO_PEERCRED) }); err != nil || cerr != nil {
		return Caller{}
	}
	c := Caller{PID: cred.Pid, UID: cred.Uid, GID: cred.Gid, Known: true}
	c.Write = c.UID == 0 || inGroup(c.UID, c.GID)
	return c
}

// inGroup reports whether uid (primary group gid) is in group vigil.
func inGroup(uid, gid uint32) bool {
	vg, ok := groupID()
	if !ok {
		return false
	}
	if int(gid) == vg {
		return true
	}
	u, err := user.LookupId(strconv.FormatUint(uint64(uid), 10))
	if err != nil {
		return false
	}
	gids, err := u.GroupIds()
	return err == nil && slices.Contains(gids, strconv.Itoa(vg))
}

// Server serves the local API on a listener from Listen.
type Server struct {
	backend Backend
	log     *slog.Logger
	hs      *http.Server
	cancel  context.CancelFunc
	routes  []route

	ln net.Listener
}

// route is one endpoint. Read-only routes answer GET only; a route that
// changes anything must call Caller.CheckWrite in its handler.
type route struct {
	method, path string
	handle       func(w http.ResponseWriter, r *http.Request)
}

// NewServer returns a server of backend on ln (from Listen); Serve starts
// it.
func NewServer(ln net.Listener, backend Backend, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{backend: backend, log: log, ln: ln}
	// Every route, in one table.
	s.routes = []route{
		{http.MethodGet, "/v1/status", s.handleStatus},
		{http.MethodGet, "/v1/events", s.handleEvents},
		{http.MethodGet, "/v1/vms", s.read(func(ctx context.Context, o Operations, _ *http.Request) (any, error) { return o.ListVMs(ctx) })},
		{http.MethodGet, "/v1/vms/{name}", s.read(func(ctx context.Context, o Operations, r *http.Request) (any, error) {
			return o.ShowVM(ctx, r.PathValue("name"))
		})},
		{http.MethodPost, "/v1/vms", s.write(func(ctx context.Context, o Operations, r *http.Request) (any, error) {
			var spec state.VMSpec
			if err := decodeBody(r, &spec); err != nil {
				return nil, err
			}
			return o.CreateVM(ctx, spec)
		})},
		{http.MethodPost, "/v1/vms/{name}/start", s.write(func(ctx context.Context, o Operations, r *http.Request) (any, error) {
			return o.StartVM(ctx, r.PathValue("name"))
		})},
		{http.MethodPost, "/v1/vms/{name}/stop", s.write(func(ctx context.Context, o Operations, r *http.Request) (any, error) {
			return o.StopVM(ctx, r.PathValue("name"))
		})},
		{http.MethodPost, "/v1/vms/{name}/migrate", s.write(func(ctx context.Context, o Operations, r *http.Request) (any, error) {
			var req migrateRequest
			if err := decodeBody(r, &req); err != nil {
				return nil, err
			}
			if req.To == "" {
				return nil, fmt.Errorf("%w: migrate: the target host (to) is required", ErrInvalid)
			}
			return o.MigrateVM(ctx, r.PathValue("name"), req.To)
		})},
		{http.MethodGet, "/v1/hosts/{name}", s.read(func(ctx context.Context, o Operations, r *http.Request) (any, error) {
			return o.ShowHost(ctx, r.PathValue("name"))
		})},
		{http.MethodPost, "/v1/hosts/{name}/drain", s.write(func(ctx context.Context, o Operations, r *http.Request) (any, error) {
			return o.DrainHost(ctx, r.PathValue("name"))
		})},
		{http.MethodPost, "/v1/hosts/{name}/readmit", s.write(func(ctx context.Context, o Operations, r *http.Request) (any, error) {
			return o.ReadmitHost(ctx, r.PathValue("name"))
		})},
	}
	mux := http.NewServeMux()
	for _, rt := range s.routes {
		mux.HandleFunc(rt.method+" "+rt.path, rt.handle)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Errorf("no route %s %s", r.Method, r.URL.Path))
	})
	base, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.hs = &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return base },
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			return context.WithValue(ctx, callerKey{}, peerCaller(c))
		},
	}
	return s
}

// Serve answers requests until Close; it returns nil after Close.
func (s *Server) Serve() error {
	err := s.hs.Serve(s.ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Close ends every request (followers of the event stream too), waits up
// to ctx for them and closes the listener, which removes the socket.
func (s *Server) Close(ctx context.Context) error {
	s.cancel()
	err := s.hs.Shutdown(ctx)
	if err != nil {
		s.hs.Close()
	}
	// Serve closes it too, but may not have run yet: the socket is gone
	// when Close returns.
	s.ln.Close()
	return err
}

func writeJSONBody(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, code int, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(apiError{Error: err.Error()})
}

// maxBodyBytes bounds a request's body (a VM spec is a few KiB).
const maxBodyBytes = 1 << 20

// decodeBody reads one JSON object from the request, refusing unknown
// fields and trailing data.
func decodeBody(r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: body: %v", ErrInvalid, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: body: more than one JSON value", ErrInvalid)
	}
	return nil
}

// operations returns the backend's Operations, or nil on a standalone
// daemon.
func (s *Server) operations() Operations {
	o, _ := s.backend.(Operations)
	return o
}

// opHandler is one route of the cluster's VMs and hosts.
type opHandler func(ctx context.Context, o Operations, r *http.Request) (any, error)

// read serves a route that changes nothing.
func (s *Server) read(h opHandler) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) { s.serveOp(w, r, h) }
}

// write serves a route that changes something: only for callers that may
// (CheckWrite), checked before anything else.
func (s *Server) write(h opHandler) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := CallerFrom(r.Context()).CheckWrite(); err != nil {
			writeError(w, http.StatusForbidden, err)
			return
		}
		s.serveOp(w, r, h)
	}
}

func (s *Server) serveOp(w http.ResponseWriter, r *http.Request, h opHandler) {
	o := s.operations()
	if o == nil {
		writeError(w, http.StatusNotImplemented, ErrStandalone)
		return
	}
	v, err := h(r.Context(), o, r)
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	writeJSONBody(w, v)
}

// statusOf is the HTTP status an Operations error is answered with.
func statusOf(err error) int {
	switch {
	case errors.Is(err, ErrStandalone):
		return http.StatusNotImplemented
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, ErrConflict):
		return http.StatusConflict
	case errors.Is(err, ErrReadOnly):
		return http.StatusForbidden
	}
	return http.StatusServiceUnavailable
}

func (s *Server) handleStatus(w http.ResponseWriter, r *http.Request) {
	st, err := s.backend.Status(r.Context())
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err)
		return
	}
	if st.Hosts == nil {
		st.Hosts = []HostStatus{}
	}
	if st.VMs == nil {
		st.VMs = []VMStatus{}
	}
	writeJSONBody(w, st)
}

// handleEvents streams audit events as JSON lines: those after ?after=SEQ
// (at most ?limit=N), then, with ?follow=1, every new one until the client
// goes away or the server closes.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var after uint64
	var limit int
	var err error
	if v := q.Get("after"); v != "" {
		if after, err = strconv.ParseUint(v, 10, 64); err != nil {
			writeError(w, http.StatusBadRequest, fmt.Errorf("after=%q: want an event sequence number", v))
			return
		}
	}
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 0 {
			writeError(w, http.StatusBadRequest, fmt.Errorf("limit=%q: want a count", v))
			return
		}
	}
	follow := q.Get("follow") == "1"
	ctx := r.Context()
	// Subscribe before reading the backlog, so nothing falls between.
	var live <-chan Event
	if follow {
		var cancel func()
		live, cancel = s.backend.Subscribe()
		defer cancel()
	}
	backlog, err := s.backend.Events(ctx, after, limit)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	flush := func() error {
		if err := bw.Flush(); err != nil {
			return err
		}
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		return nil
	}
	last := after
	for _, ev := range backlog {
		if err := enc.Encode(ev); err != nil {
			return
		}
		last = max(last, ev.Seq)
	}
	if err := flush(); err != nil || !follow {
		return
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-live:
			if !ok {
				// Fell behind, or the daemon stops: the client reconnects
				// with after=last.
				return
			}
			if ev.Seq <= last {
				continue
			}
			last = ev.Seq
			if enc.Encode(ev) != nil || flush() != nil {
				return
			}
		}
	}
}
