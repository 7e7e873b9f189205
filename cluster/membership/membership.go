package membership

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/netip"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/memberlist"
)

// Config configures Start.
type Config struct {
	// Name is this member's name: the host name. Empty means os.Hostname.
	Name string
	// Bind is the address memberlist listens on, UDP and TCP
	// ("10.0.0.11:7946"). Ignored when Transport is set.
	Bind netip.AddrPort
	// Advertise is the address the others reach this member at; the zero
	// value advertises the bound address.
	Advertise netip.AddrPort
	// KeyFile holds the gossip keys (see ReadKeyFile). Required: gossip is
	// always encrypted and verified.
	KeyFile string
	// Meta is what this member tells the others (SetMeta changes it).
	Meta Meta
	// Profile sets memberlist's timings; the zero value means Default.
	Profile Profile
	// Handler receives events and periodic member lists; nil drops them
	// (Members still answers).
	Handler Handler
	// Logger receives memberlist's own log lines (component=membership);
	// nil uses slog.Default.
	Logger *slog.Logger
	// Now stamps events and state changes; nil means time.Now.
	Now func() time.Time
	// QueueLen bounds the events waiting for the handler (default 1024);
	// past it, events are dropped and counted (View.Dropped).
	QueueLen int
	// ReconcileEvery is the period of the full member list sent to
	// Handler.HandleMembers (default 1 s).
	ReconcileEvery time.Duration
	// Transport, when set, replaces memberlist's own UDP/TCP transport:
	// tests wrap it to lose packets (membershiptest), the lab binds it in
	// a host's network namespace. List.Close shuts it down.
	Transport memberlist.NodeAwareTransport
}

// State is a member's state as this member has seen memberlist report it.
type State int

// The states.
const (
	// Alive: memberlist holds the member alive.
	Alive State = iota + 1
	// Suspect: this member's own probe of it went unanswered (memberlist
	// reports no suspicion raised by others until it turns into Dead).
	Suspect
	// Dead: memberlist declared it failed. A hint, never a verdict.
	Dead
	// Left: it said goodbye (a graceful Leave).
	Left
)

func (s State) String() string {
	switch s {
	case Alive:
		return "alive"
	case Suspect:
		return "suspect"
	case Dead:
		return "dead"
	case Left:
		return "left"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// Kind is what an Event reports.
type Kind int

// The event kinds.
const (
	// Join: a member appeared, or came back after Dead or Left.
	Join Kind = iota + 1
	// Update: a member's meta (or address) changed.
	Update
	// Suspected: a probe of the member from here went unanswered.
	Suspected
	// Recovered: a suspect member answered a probe from here again.
	Recovered
	// Died: memberlist declared the member failed.
	Died
	// Departed: the member left gracefully.
	Departed
	// Refuted: another member suspected (or declared dead) this one, and
	// this one refuted it; Event.From names the accuser.
	Refuted
)

func (k Kind) String() string {
	switch k {
	case Join:
		return "join"
	case Update:
		return "update"
	case Suspected:
		return "suspect"
	case Recovered:
		return "recovered"
	case Died:
		return "dead"
	case Departed:
		return "left"
	case Refuted:
		return "refuted"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Event is a membership hint. Events can be lost (a full queue drops them)
// and arrive late; View is the source of truth.
type Event struct {
	Kind Kind
	// At is when this member saw it (Config.Now).
	At time.Time
	// Member is the member the event is about, as known after it.
	Member Member
	// From, for Refuted, is the member whose accusation was refuted.
	From string
}

// Member is one member as this member knows it.
type Member struct {
	Name  string
	Addr  netip.AddrPort
	State State
	// Since is when State began, by Config.Now.
	Since time.Time
	Meta  Meta
	// MetaErr says why the member's meta could not be decoded ("" when it
	// could); Meta is then zero.
	MetaErr string
}

// View is the full member list at one moment.
type View struct {
	At time.Time
	// Self is this member's name.
	Self string
	// Members are sorted by name; dead and departed members stay listed
	// (until the agent restarts) so a planner sees them go.
	Members []Member
	// Dropped counts the events lost so far to a full queue.
	Dropped uint64
}

// Get returns the member called name.
func (v View) Get(name string) (Member, bool) {
	i, ok := slices.BinarySearchFunc(v.Members, name, func(m Member, n string) int { return strings.Compare(m.Name, n) })
	if !ok {
		return Member{}, false
	}
	return v.Members[i], true
}

// Handler receives membership hints. Both methods run on one goroutine of
// the List, never on memberlist's own, so a slow handler delays later
// hints and may make the queue drop events, but never stalls failure
// detection. A handler must not call List.Close.
type Handler interface {
	// HandleEvent receives one event.
	HandleEvent(Event)
	// HandleMembers receives the full member list every
	// Config.ReconcileEvery. A list not yet taken is replaced by the next.
	HandleMembers(View)
}

// List is this host's membership in the cluster: a running memberlist with
// the tables and hints built from it. Create it with Start and Close it.
type List struct {
	cfg  Config
	name string
	ml   *memberlist.Memberlist
	log  *slog.Logger
	now  func() time.Time

	// liveNames lists the members memberlist holds alive or suspect.
	liveNames func() []string

	mu      sync.Mutex
	members map[string]*Member
	meta    []byte

	events  chan Event
	views   chan View
	dropped atomic.Uint64
	stop    chan struct{}
	wg      sync.WaitGroup
	closed  sync.Once
	err     error
}

// Errors of the package.
var (
	// ErrConfig marks a configuration Start refuses.
	ErrConfig = errors.New("membership config")
)

// Start starts memberlist with cfg: it binds, and is a cluster of one until
// Join. ctx bounds only the start.
func Start(ctx context.Context, cfg Config) (*List, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if cfg.Name == "" {
		h, err := os.Hostname()
		if err != nil {
			return nil, fmt.Errorf("%w: no Name and no host name: %w", ErrConfig, err)
		}
		cfg.Name = h
	}
	if cfg.Profile.Name == "" {
		cfg.Profile = Default
	}
	if err := cfg.Profile.Check(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if cfg.KeyFile == "" {
		return nil, fmt.Errorf("%w: KeyFile is required (gossip is always encrypted)", ErrConfig)
	}
	if cfg.Transport == nil && !cfg.Bind.IsValid() {
		return nil, fmt.Errorf("%w: Bind address missing", ErrConfig)
	}
	keyring, err := Keyring(cfg.KeyFile)
	if err != nil {
		return nil, err
	}
	meta, err := cfg.Meta.Encode()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.QueueLen <= 0 {
		cfg.QueueLen = 1024
	}
	if cfg.ReconcileEvery <= 0 {
		cfg.ReconcileEvery = time.Second
	}
	l := &List{
		cfg:     cfg,
		name:    cfg.Name,
		log:     cfg.Logger.With("component", "membership"),
		now:     cfg.Now,
		members: map[string]*Member{},
		meta:    meta,
		events:  make(chan Event, cfg.QueueLen),
		views:   make(chan View, 1),
		stop:    make(chan struct{}),
	}

	mc := memberlist.DefaultLANConfig()
	mc.Name = cfg.Name
	cfg.Profile.apply(mc)
	if cfg.Transport != nil {
		mc.Transport = cfg.Transport
	} else {
		mc.BindAddr = cfg.Bind.Addr().String()
		mc.BindPort = int(cfg.Bind.Port())
	}
	mc.AdvertiseAddr, mc.AdvertisePort = "", mc.BindPort
	if cfg.Advertise.IsValid() {
		mc.AdvertiseAddr = cfg.Advertise.Addr().String()
		mc.AdvertisePort = int(cfg.Advertise.Port())
	} else if cfg.Transport == nil && !cfg.Bind.Addr().IsUnspecified() {
		mc.AdvertiseAddr = mc.BindAddr
	}
	mc.Keyring = keyring
	mc.GossipVerifyIncoming = true
	mc.GossipVerifyOutgoing = true
	mc.Logger = NewLogger(l.log, l.fromLog)
	mc.Events = eventDelegate{l}
	mc.Delegate = metaDelegate{l}
	mc.Ping = pingDelegate{l}

	ml, err := memberlist.Create(mc)
	if err != nil {
		return nil, fmt.Errorf("membership: start %s: %w", cfg.Name, err)
	}
	l.ml = ml
	l.liveNames = func() []string {
		var names []string
		for _, n := range ml.Members() {
			names = append(names, n.Name)
		}
		return names
	}
	l.wg.Add(2)
	go l.dispatch()
	go l.reconcileLoop()
	l.log.Info("membership started", "name", cfg.Name, "addr", ml.LocalNode().Address(), "profile", cfg.Profile.Name)
	return l, nil
}

// Name is this member's name.
func (l *List) Name() string { return l.name }

// Addr is the address this member advertises.
func (l *List) Addr() netip.AddrPort {
	n := l.ml.LocalNode()
	a, _ := netip.AddrFromSlice(n.Addr)
	return netip.AddrPortFrom(a.Unmap(), n.Port)
}

// Join contacts the given members ("host:port") and merges their view. It
// returns how many answered; an error only when none did. ctx bounds the
// wait (memberlist's own exchange is bounded by the profile's TCPTimeout
// and may finish in the background).
func (l *List) Join(ctx context.Context, peers []string) (int, error) {
	type result struct {
		n   int
		err error
	}
	ch := make(chan result, 1)
	go func() {
		n, err := l.ml.Join(peers)
		ch <- result{n, err}
	}()
	select {
	case r := <-ch:
		if r.n > 0 {
			return r.n, nil
		}
		if r.err != nil {
			return 0, fmt.Errorf("membership: join %s: %w", strings.Join(peers, ","), r.err)
		}
		return 0, nil
	case <-ctx.Done():
		return 0, fmt.Errorf("membership: join %s: %w", strings.Join(peers, ","), ctx.Err())
	}
}

// SetMeta changes what this member tells the others and gossips it.
func (l *List) SetMeta(ctx context.Context, m Meta) error {
	b, err := m.Encode()
	if err != nil {
		return err
	}
	l.mu.Lock()
	l.meta = b
	l.mu.Unlock()
	return l.ml.UpdateNode(timeoutOf(ctx, l.cfg.Profile.TCPTimeout))
}

// Leave tells the others this member is leaving, so they see Left rather
// than Dead: it first gossips its meta with Leaving set (memberlist's own
// goodbye does not reach the callbacks as such), then memberlist's goodbye,
// and waits for both to go out, within ctx. Close afterwards.
func (l *List) Leave(ctx context.Context) error {
	l.mu.Lock()
	m, err := DecodeMeta(l.meta)
	l.mu.Unlock()
	if err != nil {
		return fmt.Errorf("membership: leave: %w", err)
	}
	m.Leaving = true
	if err := l.SetMeta(ctx, m); err != nil {
		return fmt.Errorf("membership: leave: %w", err)
	}
	if err := l.ml.Leave(timeoutOf(ctx, l.cfg.Profile.TCPTimeout)); err != nil {
		return fmt.Errorf("membership: leave: %w", err)
	}
	return nil
}

// Close stops memberlist without leaving (the others will declare this
// member dead) and stops the hints. It is safe to call more than once.
func (l *List) Close() error {
	l.closed.Do(func() {
		l.err = l.ml.Shutdown()
		close(l.stop)
		l.wg.Wait()
	})
	return l.err
}

func timeoutOf(ctx context.Context, def time.Duration) time.Duration {
	if d, ok := ctx.Deadline(); ok {
		return max(time.Until(d), time.Millisecond)
	}
	return def
}

// Members returns the full member list now (reconciled against
// memberlist's own).
func (l *List) Members() View {
	return l.reconcile()
}

// reconcile checks the table against memberlist's own list of live
// members and returns the view. memberlist's Node fields other than Name
// may change under its lock after Members returns, so only names are read
// from it; the rest comes from copies the delegates took under that lock.
func (l *List) reconcile() View {
	live := map[string]bool{}
	for _, n := range l.liveNames() {
		live[n] = true
	}
	now := l.now()
	expire := l.cfg.Profile.maxSuspicion(len(live))
	l.mu.Lock()
	defer l.mu.Unlock()
	for name, m := range l.members {
		switch {
		case (m.State == Alive || m.State == Suspect) && !live[name]:
			// Cannot happen while delegates see every change; say so if
			// it does, and believe memberlist.
			l.log.Warn("membership table disagreed with memberlist", "member", name, "was", m.State.String())
			m.State, m.Since = Dead, now
		case m.State == Suspect && now.Sub(m.Since) > expire:
			// memberlist would have declared it dead by now had the
			// suspicion held: it was refuted. (In a large cluster the
			// next probe from here, which would say so, comes only after
			// members × ProbeInterval.)
			m.State, m.Since = Alive, now
			l.emit(Recovered, m, "")
		}
	}
	for name := range live {
		if _, ok := l.members[name]; !ok {
			l.log.Warn("membership table missed a member", "member", name)
			l.members[name] = &Member{Name: name, State: Alive, Since: now, MetaErr: "not seen yet"}
		}
	}
	v := View{At: now, Self: l.name, Dropped: l.dropped.Load(), Members: make([]Member, 0, len(l.members))}
	for _, m := range l.members {
		v.Members = append(v.Members, *m)
	}
	slices.SortFunc(v.Members, func(a, b Member) int { return strings.Compare(a.Name, b.Name) })
	return v
}

func (l *List) reconcileLoop() {
	defer l.wg.Done()
	t := time.NewTicker(l.cfg.ReconcileEvery)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
		}
		v := l.reconcile()
		// Replace a view the handler has not taken yet.
		select {
		case <-l.views:
		default:
		}
		select {
		case l.views <- v:
		default:
		}
	}
}

func (l *List) dispatch() {
	defer l.wg.Done()
	for {
		select {
		case <-l.stop:
			return
		case e := <-l.events:
			if l.cfg.Handler != nil {
				l.cfg.Handler.HandleEvent(e)
			}
		case v := <-l.views:
			if l.cfg.Handler != nil {
				l.cfg.Handler.HandleMembers(v)
			}
		}
	}
}

// emit queues an event without ever blocking memberlist. Called with l.mu
// held.
func (l *List) emit(k Kind, m *Member, from string) {
	e := Event{Kind: k, At: l.now(), Member: *m, From: from}
	select {
	case l.events <- e:
	default:
		l.dropped.Add(1)
	}
	l.log.Debug("membership event", "event", k.String(), "member", m.Name, "from", from)
}

// update copies what is needed of a memberlist node into the table and
// sets the member's state. The delegates call it under memberlist's lock,
// so reading the node is safe there. Called with l.mu held.
func (l *List) update(n *memberlist.Node, state State) *Member {
	m, ok := l.members[n.Name]
	if !ok {
		m = &Member{Name: n.Name}
		l.members[n.Name] = m
	}
	a, _ := netip.AddrFromSlice(n.Addr)
	m.Addr = netip.AddrPortFrom(a.Unmap(), n.Port)
	meta, err := DecodeMeta(n.Meta)
	if err != nil {
		if m.MetaErr != err.Error() {
			l.log.Warn("member meta unreadable", "member", n.Name, "err", err)
		}
		m.Meta, m.MetaErr = Meta{}, err.Error()
	} else {
		m.Meta, m.MetaErr = meta, ""
	}
	if m.State != state {
		m.State, m.Since = state, l.now()
	}
	return m
}

type eventDelegate struct{ l *List }

func (d eventDelegate) NotifyJoin(n *memberlist.Node) {
	d.l.mu.Lock()
	defer d.l.mu.Unlock()
	m := d.l.update(n, Alive)
	m.Since = d.l.now()
	d.l.emit(Join, m, "")
}

func (d eventDelegate) NotifyUpdate(n *memberlist.Node) {
	d.l.mu.Lock()
	defer d.l.mu.Unlock()
	m := d.l.update(n, Alive)
	d.l.emit(Update, m, "")
}

// NotifyLeave runs when memberlist marks a member dead or left; it passes
// no state saying which (its Node.State is not kept up to date), so a
// member that announced Leaving in its meta left, any other died.
func (d eventDelegate) NotifyLeave(n *memberlist.Node) {
	state, kind := Dead, Died
	if meta, err := DecodeMeta(n.Meta); err == nil && meta.Leaving {
		state, kind = Left, Departed
	}
	d.l.mu.Lock()
	defer d.l.mu.Unlock()
	m := d.l.update(n, state)
	d.l.emit(kind, m, "")
}

type metaDelegate struct{ l *List }

func (d metaDelegate) NodeMeta(limit int) []byte {
	d.l.mu.Lock()
	defer d.l.mu.Unlock()
	if len(d.l.meta) > limit {
		// Cannot happen (MaxMetaSize is below memberlist's limit);
		// memberlist would panic on an oversized meta.
		d.l.log.Error("node meta too large", "size", len(d.l.meta), "limit", limit)
		return nil
	}
	return slices.Clone(d.l.meta)
}

func (metaDelegate) NotifyMsg([]byte)                {}
func (metaDelegate) GetBroadcasts(int, int) [][]byte { return nil }
func (metaDelegate) LocalState(bool) []byte          { return nil }
func (metaDelegate) MergeRemoteState([]byte, bool)   {}

type pingDelegate struct{ l *List }

func (pingDelegate) AckPayload() []byte { return nil }

// NotifyPingComplete runs when a probe of other was answered: a suspect it
// was recovers. memberlist passes its own copy of the node.
func (d pingDelegate) NotifyPingComplete(other *memberlist.Node, _ time.Duration, _ []byte) {
	d.l.mu.Lock()
	defer d.l.mu.Unlock()
	m, ok := d.l.members[other.Name]
	if !ok || m.State != Suspect {
		return
	}
	m.State, m.Since = Alive, d.l.now()
	d.l.emit(Recovered, m, "")
}

// fromLog receives the memberlist log lines that carry state memberlist
// reports nowhere else: its own failed probes and its refutations.
func (l *List) fromLog(msg string) {
	switch {
	case strings.HasPrefix(msg, suspectPrefix) && strings.HasSuffix(msg, suspectSuffix):
		name := msg[len(suspectPrefix) : len(msg)-len(suspectSuffix)]
		l.mu.Lock()
		defer l.mu.Unlock()
		m, ok := l.members[name]
		if !ok || m.State != Alive {
			return
		}
		m.State, m.Since = Suspect, l.now()
		l.emit(Suspected, m, "")
	case strings.HasPrefix(msg, refuteSuspect), strings.HasPrefix(msg, refuteDead):
		from := strings.TrimSuffix(msg[strings.Index(msg, "(from: ")+len("(from: "):], ")")
		l.mu.Lock()
		defer l.mu.Unlock()
		m, ok := l.members[l.name]
		if !ok {
			return
		}
		l.emit(Refuted, m, from)
	}
}

// The memberlist v0.7.0 log lines fromLog reads (state.go); a test fails
// if an upgrade changes them.
const (
	suspectPrefix = "Suspect "
	suspectSuffix = " has failed, no acks received"
	refuteSuspect = "Refuting a suspect message (from: "
	refuteDead    = "Refuting a dead message (from: "
)

// NewLogger returns a *log.Logger for memberlist (and its NetTransport)
// that writes to logger: memberlist's "[LEVEL] memberlist: text" lines
// become records at that level with the constant message "memberlist" and
// the text in attribute "detail". Each line's text (without level and
// prefix) is also passed to tap, if not nil.
func NewLogger(logger *slog.Logger, tap func(string)) *log.Logger {
	return log.New(&logBridge{log: logger, tap: tap}, "", 0)
}

type logBridge struct {
	log *slog.Logger
	tap func(string)
}

func (b *logBridge) Write(p []byte) (int, error) {
	line := strings.TrimRight(string(p), "\n")
	level, text := slog.LevelInfo, line
	if strings.HasPrefix(line, "[") {
		if i := strings.IndexByte(line, ']'); i > 0 {
			switch line[1:i] {
			case "DEBUG", "TRACE":
				level = slog.LevelDebug
			case "INFO":
				level = slog.LevelInfo
			case "WARN":
				level = slog.LevelWarn
			case "ERR", "ERROR":
				level = slog.LevelError
			}
			text = strings.TrimSpace(line[i+1:])
		}
	}
	text = strings.TrimPrefix(text, "memberlist: ")
	if b.tap != nil {
		b.tap(text)
	}
	ctx := context.Background()
	if b.log.Enabled(ctx, level) {
		b.log.Log(ctx, level, "memberlist", "detail", text)
	}
	return len(p), nil
}

// check that the delegates fit memberlist's interfaces.
var (
	_ memberlist.EventDelegate = eventDelegate{}
	_ memberlist.Delegate      = metaDelegate{}
	_ memberlist.PingDelegate  = pingDelegate{}
)
