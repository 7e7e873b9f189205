package qmp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Monitor is what the rest of vigil needs from a QMP connection. *Client is
// the real one; qmp/qmptest has a fake.
type Monitor interface {
	// Run executes cmd with args (nil for none; anything encoding/json can
	// marshal) and decodes the reply's "return" into result (nil to
	// ignore it). A QEMU error comes back as *Error.
	Run(ctx context.Context, cmd string, args, result any) error
	// Subscribe returns a channel of events received from now on, and a
	// function that ends the subscription. The channel holds up to buf
	// events; when a slow reader lets it fill, the oldest are dropped (the
	// reader of the socket never blocks). It is closed when the monitor
	// closes or the subscription ends.
	Subscribe(buf int) (<-chan Event, func())
	// Done is closed when the connection is gone.
	Done() <-chan struct{}
	// Close closes the connection.
	Close() error
}

// DefaultMaxMessage bounds one QMP message (query-qmp-schema is about
// 210 KB on QEMU 7.2).
const DefaultMaxMessage = 32 << 20

// Client is a hardened QMP client on one monitor socket: every call takes a
// context, replies are matched by id, events are fanned out without ever
// blocking the socket reader, messages of any size up to MaxMessage are
// read, and when QEMU goes away every pending call returns ErrClosed and the
// reader goroutine ends.
type Client struct {
	conn    net.Conn
	version Version
	caps    []string

	wmu    sync.Mutex // serialises writes
	nextID atomic.Uint64

	mu      sync.Mutex
	pending map[string]chan message
	subs    map[*subscription]struct{}
	closed  bool
	err     error // why the connection ended

	done chan struct{}
	peer *peerProcess // the QEMU behind a local unix socket, or nil
}

type subscription struct {
	ch      chan Event
	dropped atomic.Uint64
}

// DialOptions tune Dial. The zero value is fine.
type DialOptions struct {
	// MaxMessage bounds one message from QEMU; 0 means DefaultMaxMessage.
	MaxMessage int
}

// Dial connects to the QMP unix socket at path, reads the greeting and
// negotiates capabilities (qmp_capabilities). ctx bounds all of it; note
// that a QMP socket serves one client at a time, so a second client waits
// for the first to leave: with a deadline that shows as a greeting timeout.
func Dial(ctx context.Context, path string) (*Client, error) {
	return DialWith(ctx, path, DialOptions{})
}

// DialWith is Dial with options.
func DialWith(ctx context.Context, path string, opt DialOptions) (*Client, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", path)
	if err != nil {
		return nil, fmt.Errorf("qmp dial %s: %w", path, err)
	}
	c, err := newClient(ctx, conn, opt)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("qmp dial %s: %w", path, err)
	}
	return c, nil
}

// NewClient runs the QMP handshake on an established connection (a socket
// pair in tests, a TCP monitor) and returns a Client owning conn.
func NewClient(ctx context.Context, conn net.Conn, opt DialOptions) (*Client, error) {
	return newClient(ctx, conn, opt)
}

func newClient(ctx context.Context, conn net.Conn, opt DialOptions) (*Client, error) {
	max := opt.MaxMessage
	if max <= 0 {
		max = DefaultMaxMessage
	}
	r := bufio.NewReaderSize(conn, 64<<10)
	// The handshake runs synchronously under ctx's deadline.
	stop := watchDeadline(ctx, conn)
	greet, err := readMessage(r, max)
	if err == nil && greet.kind != kindGreeting {
		err = fmt.Errorf("%w: first message is not the QMP greeting", ErrProtocol)
	}
	if err != nil {
		stop()
		return nil, fmt.Errorf("greeting: %w", ctxErr(ctx, err))
	}
	if _, err := conn.Write([]byte(`{"execute":"qmp_capabilities","id":"vigil-0"}` + "\n")); err != nil {
		stop()
		return nil, fmt.Errorf("qmp_capabilities: %w", ctxErr(ctx, err))
	}
	for {
		m, err := readMessage(r, max)
		if err != nil {
			stop()
			return nil, fmt.Errorf("qmp_capabilities: %w", ctxErr(ctx, err))
		}
		if m.kind == kindEvent {
			continue // events may arrive before the reply; nobody subscribed yet
		}
		if m.kind == kindError {
			m.err.Command = "qmp_capabilities"
			stop()
			return nil, m.err
		}
		if m.kind == kindReturn {
			break
		}
		stop()
		return nil, fmt.Errorf("qmp_capabilities: %w: unexpected greeting", ErrProtocol)
	}
	if !stop() {
		return nil, ctx.Err()
	}
	conn.SetDeadline(time.Time{})
	c := &Client{
		conn:    conn,
		version: greet.version,
		caps:    greet.capabilities,
		pending: make(map[string]chan message),
		subs:    make(map[*subscription]struct{}),
		done:    make(chan struct{}),
		peer:    peerOf(conn),
	}
	go c.readLoop(r, max)
	return c, nil
}

// watchDeadline applies ctx's deadline to conn and makes ctx's cancellation
// interrupt blocked I/O. The returned stop ends the watch and reports
// whether ctx was still live.
func watchDeadline(ctx context.Context, conn net.Conn) (stop func() bool) {
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	stopped := make(chan struct{})
	exited := make(chan struct{})
	var once sync.Once
	fired := false
	go func() {
		defer close(exited)
		select {
		case <-ctx.Done():
			conn.SetDeadline(time.Unix(1, 0))
			fired = true
		case <-stopped:
		}
	}()
	return func() bool {
		once.Do(func() { close(stopped) })
		// Wait for the watcher: once stop returns it can no longer poison
		// the deadline the caller is about to clear, even when ctx is
		// cancelled right after the handshake.
		<-exited
		return !fired && ctx.Err() == nil
	}
}

// ctxErr reports an I/O error caused by ctx as ctx's error. The socket's
// deadline is ctx's deadline, and it can fire a moment before ctx's own
// timer does: a socket timeout at or past the deadline is the deadline.
func ctxErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%w (%v)", ctx.Err(), err)
	}
	if dl, ok := ctx.Deadline(); ok && errors.Is(err, os.ErrDeadlineExceeded) && !time.Now().Before(dl) {
		return fmt.Errorf("%w (%v)", context.DeadlineExceeded, err)
	}
	return err
}

// readMessage reads one newline-terminated message of at most max bytes.
func readMessage(r *bufio.Reader, max int) (message, error) {
	for {
		line, err := readLine(r, max)
		if err != nil {
			return message{}, err
		}
		if len(trimSpace(line)) == 0 {
			continue
		}
		return decodeMessage(line)
	}
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\r' || b[0] == '\n' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}

func readLine(r *bufio.Reader, max int) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(buf)+len(chunk) > max {
			return nil, fmt.Errorf("%w (%d bytes)", ErrReplyTooLarge, max)
		}
		if err == bufio.ErrBufferFull {
			buf = append(buf, chunk...)
			continue
		}
		if err != nil {
			if err == io.EOF && len(buf)+len(chunk) == 0 {
				return nil, io.EOF
			}
			if err == io.EOF {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if buf == nil {
			// chunk aliases the reader's buffer; copy it out.
			return append([]byte(nil), chunk...), nil
		}
		return append(buf, chunk...), nil
	}
}

// Version is QEMU's version from the greeting.
func (c *Client) Version() Version { return c.version }

// Capabilities are the QMP capabilities QEMU offered in its greeting.
func (c *Client) Capabilities() []string { return append([]string(nil), c.caps...) }

// Done is closed when the connection is gone.
func (c *Client) Done() <-chan struct{} { return c.done }

// Err says why the connection ended (nil while it is up, ErrClosed after
// Close).
func (c *Client) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Close closes the connection; pending calls return ErrClosed. It waits for
// the reader goroutine to end. KillProcess no longer works afterwards.
func (c *Client) Close() error {
	c.shutdown(ErrClosed)
	<-c.done
	if c.peer != nil {
		c.peer.close()
	}
	return nil
}

func (c *Client) shutdown(why error) {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	c.err = why
	pending := c.pending
	c.pending = nil
	subs := c.subs
	c.subs = nil
	c.mu.Unlock()
	c.conn.Close()
	for _, ch := range pending {
		close(ch) // a closed reply channel means "connection gone"
	}
	for s := range subs {
		close(s.ch)
	}
}

func (c *Client) readLoop(r *bufio.Reader, max int) {
	defer close(c.done)
	for {
		m, err := readMessage(r, max)
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.EOF
			}
			c.shutdown(fmt.Errorf("%w: %v", ErrClosed, err))
			return
		}
		switch m.kind {
		case kindEvent:
			c.dispatch(m.event)
		case kindReturn, kindError:
			c.mu.Lock()
			ch, ok := c.pending[m.id]
			if ok {
				delete(c.pending, m.id)
			}
			c.mu.Unlock()
			if ok {
				ch <- m // buffered 1: never blocks
			}
			// No one waiting (the caller gave up): drop it.
		default:
			c.shutdown(fmt.Errorf("%w: %w: unexpected greeting mid-session", ErrClosed, ErrProtocol))
			return
		}
	}
}

func (c *Client) dispatch(ev Event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for s := range c.subs {
		for {
			select {
			case s.ch <- ev:
			default:
				// Full: drop the oldest and retry; the reader never waits.
				select {
				case <-s.ch:
					s.dropped.Add(1)
				default:
				}
				continue
			}
			break
		}
	}
}

// Subscribe implements Monitor.
func (c *Client) Subscribe(buf int) (<-chan Event, func()) {
	if buf < 1 {
		buf = 1
	}
	s := &subscription{ch: make(chan Event, buf)}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		close(s.ch)
		return s.ch, func() {}
	}
	c.subs[s] = struct{}{}
	c.mu.Unlock()
	return s.ch, func() {
		c.mu.Lock()
		_, ok := c.subs[s]
		delete(c.subs, s)
		c.mu.Unlock()
		if ok {
			close(s.ch)
		}
	}
}

type request struct {
	Execute   string `json:"execute"`
	Arguments any    `json:"arguments,omitempty"`
	ID        string `json:"id"`
}

// Run implements Monitor. When ctx ends first Run returns ctx's error at
// once; QEMU still runs the command and its late reply is discarded.
func (c *Client) Run(ctx context.Context, cmd string, args, result any) error {
	id := "vigil-" + strconv.FormatUint(c.nextID.Add(1), 10)
	b, err := json.Marshal(request{Execute: cmd, Arguments: args, ID: id})
	if err != nil {
		return fmt.Errorf("qmp %s: encode arguments: %w", cmd, err)
	}
	b = append(b, '\n')
	ch := make(chan message, 1)
	c.mu.Lock()
	if c.closed {
		why := c.err
		c.mu.Unlock()
		return fmt.Errorf("qmp %s: %w", cmd, why)
	}
	c.pending[id] = ch
	c.mu.Unlock()
	forget := func() {
		c.mu.Lock()
		if c.pending != nil {
			delete(c.pending, id)
		}
		c.mu.Unlock()
	}

	if err := c.write(ctx, b); err != nil {
		forget()
		return fmt.Errorf("qmp %s: %w", cmd, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("qmp %s: %w", cmd, c.Err())
		}
		if m.kind == kindError {
			e := *m.err
			e.Command = cmd
			return &e
		}
		if result != nil && len(m.ret) > 0 {
			if err := json.Unmarshal(m.ret, result); err != nil {
				return fmt.Errorf("qmp %s: decode reply: %w", cmd, err)
			}
		}
		return nil
	case <-ctx.Done():
		forget()
		return fmt.Errorf("qmp %s: %w", cmd, ctx.Err())
	}
}

func (c *Client) write(ctx context.Context, b []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	dl, ok := ctx.Deadline()
	if !ok {
		dl = time.Now().Add(30 * time.Second)
	}
	c.conn.SetWriteDeadline(dl)
	_, err := c.conn.Write(b)
	c.conn.SetWriteDeadline(time.Time{})
	if err != nil {
		// A partial write desynchronises the stream: give up on it.
		c.shutdown(fmt.Errorf("%w: write: %v", ErrClosed, err))
		c.mu.Lock()
		why := c.err
		c.mu.Unlock()
		return why
	}
	return nil
}

// Dropped reports how many events were dropped across this client's
// subscriptions because their readers were slow (0 in a healthy agent).
func (c *Client) Dropped(ch <-chan Event) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	for s := range c.subs {
		if (<-chan Event)(s.ch) == ch {
			return s.dropped.Load()
		}
	}
	return 0
}

var _ Monitor = (*Client)(nil)
