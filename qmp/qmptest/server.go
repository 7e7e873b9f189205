package qmptest

import (
	"bufio"
	"encoding/json"
	"errors"
	"net"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/qmp"
)

// ErrHangUp, returned by a Server's handler, makes the server close the
// connection instead of answering (QEMU dying mid-command).
var ErrHangUp = errors.New("qmptest: hang up")

// ErrHang, returned by a Server's handler, wedges the server: it answers
// neither this command nor anything after it, and reads no more, as a QEMU
// whose main loop is stuck or that was stopped with SIGSTOP. The connection
// stays open. Close still ends the server.
var ErrHang = errors.New("qmptest: hang")

// Server is a fake QMP server on a unix socket: it sends QEMU's greeting,
// insists on qmp_capabilities first, echoes ids, answers commands through
// its Handler in order, and can push events. One client at a time, as QEMU.
type Server struct {
	Path    string
	Handler Handler // nil: empty return for everything

	ln    net.Listener
	mu    sync.Mutex
	conn  net.Conn
	wmu   sync.Mutex
	calls []Call
	wg    sync.WaitGroup

	hangOnce  sync.Once
	hung      chan struct{} // closed by Hang
	closeOnce sync.Once
	closing   chan struct{} // closed by Close: releases a hung server
}

// NewServer listens on the unix socket path and serves until Close.
func NewServer(path string, h Handler) (*Server, error) {
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	s := &Server{Path: path, Handler: h, ln: ln, hung: make(chan struct{}), closing: make(chan struct{})}
	s.wg.Add(1)
	go s.serve()
	return s, nil
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conn = c
		s.mu.Unlock()
		s.handle(c)
		c.Close()
	}
}

// Calls returns the commands received (qmp_capabilities included).
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

func (s *Server) write(c net.Conn, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	_, err = c.Write(append(b, '\r', '\n'))
	return err
}

// WriteRaw writes b to the connected client as is (malformed input tests).
func (s *Server) WriteRaw(b []byte) error {
	s.mu.Lock()
	c := s.conn
	s.mu.Unlock()
	if c == nil {
		return errors.New("qmptest: no client")
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	_, err := c.Write(b)
	return err
}

// Emit sends an event to the connected client.
func (s *Server) Emit(name string, data any) error {
	s.mu.Lock()
	c := s.conn
	s.mu.Unlock()
	if c == nil {
		return errors.New("qmptest: no client")
	}
	now := time.Now()
	ev := map[string]any{"event": name, "timestamp": map[string]int64{"seconds": now.Unix(), "microseconds": int64(now.Nanosecond() / 1000)}}
	if data != nil {
		ev["data"] = data
	}
	return s.write(c, ev)
}

// Hang wedges the server as ErrHang does, from the next command on (one
// already being answered still gets its reply).
func (s *Server) Hang() {
	s.hangOnce.Do(func() { close(s.hung) })
}

// wedge blocks a hung server's connection until Close.
func (s *Server) wedge() {
	s.Hang()
	<-s.closing
}

// HangUp closes the current client connection.
func (s *Server) HangUp() {
	s.mu.Lock()
	c := s.conn
	s.mu.Unlock()
	if c != nil {
		c.Close()
	}
}

func (s *Server) handle(c net.Conn) {
	greeting := map[string]any{"QMP": map[string]any{
		"version":      map[string]any{"qemu": map[string]int{"major": 7, "minor": 2, "micro": 22}, "package": "qmptest"},
		"capabilities": []string{"oob"},
	}}
	if s.write(c, greeting) != nil {
		return
	}
	r := bufio.NewReaderSize(c, 1<<20)
	negotiated := false
	for {
		line, err := r.ReadBytes('\n')
		if err != nil {
			return
		}
		select {
		case <-s.hung:
			s.wedge()
			return
		default:
		}
		var req struct {
			Execute   string          `json:"execute"`
			Arguments json.RawMessage `json:"arguments"`
			ID        json.RawMessage `json:"id"`
		}
		reply := map[string]any{}
		if err := json.Unmarshal(line, &req); err != nil || req.Execute == "" {
			reply["error"] = map[string]string{"class": qmp.ClassGenericError, "desc": "JSON parse error"}
			s.write(c, reply)
			continue
		}
		if req.ID != nil {
			reply["id"] = req.ID
		}
		s.mu.Lock()
		s.calls = append(s.calls, Call{req.Execute, req.Arguments})
		s.mu.Unlock()
		if !negotiated {
			if req.Execute != "qmp_capabilities" {
				reply["error"] = map[string]string{"class": qmp.ClassCommandNotFound, "desc": "Expecting capabilities negotiation with 'qmp_capabilities'"}
			} else {
				negotiated = true
				reply["return"] = struct{}{}
			}
			if s.write(c, reply) != nil {
				return
			}
			continue
		}
		var res any = struct{}{}
		var herr error
		if s.Handler != nil {
			res, herr = s.Handler(req.Execute, req.Arguments)
		}
		if errors.Is(herr, ErrHangUp) {
			return
		}
		if errors.Is(herr, ErrHang) {
			s.wedge()
			return
		}
		if herr != nil {
			class, desc := qmp.ClassGenericError, herr.Error()
			var qe *qmp.Error
			if errors.As(herr, &qe) {
				class, desc = qe.Class, qe.Desc
			}
			reply["error"] = map[string]string{"class": class, "desc": desc}
		} else {
			if res == nil {
				res = struct{}{}
			}
			reply["return"] = res
		}
		if s.write(c, reply) != nil {
			return
		}
	}
}

// Close stops the server and drops its client.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { close(s.closing) })
	err := s.ln.Close()
	s.HangUp()
	s.wg.Wait()
	return err
}
