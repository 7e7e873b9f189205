package membershiptest

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log/slog"
	"math"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/memberlist"
	"github.com/vigil-ha/vigil/cluster/membership"
)

// Options shape a Cluster.
type Options struct {
	// N is the number of members (at least 1).
	N int
	// Profile is every member's profile (zero: membership.Default).
	Profile membership.Profile
	// Seed seeds the members' packet loss.
	Seed uint64
	// Logger receives the members' logs; nil discards them.
	Logger *slog.Logger
	// JoinTimeout bounds the wait until every member sees every other
	// alive (default 30 s plus 1 s per member).
	JoinTimeout time.Duration
	// Settled is the share of members every member must see alive before
	// Start returns (default 1: all). Large in-process clusters on a
	// loaded machine may never have every member alive in every view at
	// once.
	Settled float64
	// JoinBatch is how many members join before the harness waits for
	// the cluster to settle again (default 10). Joining all at once
	// floods a large in-process cluster with push/pulls and gossip.
	JoinBatch int
	// JoinPause is how long to wait after each batch has settled before
	// the next joins, so the batch's gossip (each joiner re-gossips the
	// members it learnt) drains first.
	JoinPause time.Duration
	// Logf, if set, receives the progress of the start (batches joined,
	// members left behind).
	Logf func(format string, args ...any)
	// Configure, if set, edits member i's configuration before it starts
	// (its Handler is the Node's Recorder unless Configure replaces it).
	Configure func(i int, c *membership.Config)
}

// Cluster is N real memberlist members in this process on 127.0.0.1, each
// behind its own Transport.
type Cluster struct {
	Nodes []*Node
	// KeyFile is the gossip key file the members share.
	KeyFile string
}

// Node is one member of a Cluster.
type Node struct {
	Name      string
	List      *membership.List
	Transport *Transport
	Events    *Recorder
}

// WriteKeyFile writes a fresh gossip key file (mode 0600) into dir.
func WriteKeyFile(dir string) (string, error) {
	key := make([]byte, membership.KeySize)
	if _, err := rand.Read(key); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "gossip.key")
	if err := os.WriteFile(path, []byte(base64.StdEncoding.EncodeToString(key)+"\n"), 0o600); err != nil {
		return "", err
	}
	return path, nil
}

// Start starts a cluster for a test and closes it at cleanup. Members join
// in batches (Options.JoinBatch), each through up to three random members
// already settled, and the cluster settles after each batch. It returns
// once every member sees all N alive (or the Settled share).
func Start(tb testing.TB, o Options) *Cluster {
	tb.Helper()
	c, err := TryStart(tb, o)
	if err != nil {
		tb.Fatalf("membershiptest: %v", err)
	}
	return c
}

// TryStart is Start returning an error, with the members started so far,
// when the cluster does not form in time: a measurement can then say how
// far it got. The members are closed at cleanup either way.
func TryStart(tb testing.TB, o Options) (*Cluster, error) {
	tb.Helper()
	c, err := start(tb.TempDir(), o)
	if c != nil {
		tb.Cleanup(c.Close)
	}
	return c, err
}

func start(dir string, o Options) (*Cluster, error) {
	if o.N < 1 {
		return nil, fmt.Errorf("options: N = %d, want at least 1", o.N)
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.JoinTimeout <= 0 {
		o.JoinTimeout = 30*time.Second + time.Duration(o.N)*time.Second
	}
	if o.JoinBatch <= 0 {
		o.JoinBatch = 10
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
	key, err := WriteKeyFile(dir)
	if err != nil {
		return nil, err
	}
	c := &Cluster{KeyFile: key}
	ctx, cancel := context.WithTimeout(context.Background(), o.JoinTimeout)
	defer cancel()
	rng := mrand.New(mrand.NewPCG(o.Seed, 0x5eed))
	for lo := 0; lo < o.N; lo += o.JoinBatch {
		hi := min(o.N, lo+o.JoinBatch)
		for i := lo; i < hi; i++ {
			var edit func(*membership.Config)
			if o.Configure != nil {
				edit = func(c *membership.Config) { o.Configure(i, c) }
			}
			n, err := c.AddNode(ctx, fmt.Sprintf("m%03d", i), o.Profile, o.Seed+uint64(i), o.Logger, edit)
			if err != nil {
				return c, err
			}
			// Join through members that have settled (earlier batches);
			// in the first batch, through the ones before.
			seeds := c.Nodes[:max(lo, i)]
			if len(seeds) > 0 {
				if err := c.join(ctx, n, seeds, rng); err != nil {
					return c, err
				}
			}
		}
		t0 := time.Now()
		err := c.settle(ctx, o.Settled, rng, o.Logf)
		o.Logf("membershiptest: %d members settled in %v", len(c.Nodes), time.Since(t0).Round(time.Millisecond))
		if err != nil {
			return c, err
		}
		if hi < o.N {
			time.Sleep(o.JoinPause)
		}
	}
	return c, nil
}

// join joins n through up to three random seeds (spreading the push/pull
// load of a large cluster's start), retrying while ctx allows.
func (c *Cluster) join(ctx context.Context, n *Node, seeds []*Node, rng *mrand.Rand) error {
	var err error
	for attempt := 0; ctx.Err() == nil; attempt++ {
		var peers []string
		for range min(3, len(seeds)) {
			peers = append(peers, seeds[rng.IntN(len(seeds))].List.Addr().String())
		}
		if _, err = n.List.Join(ctx, peers); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
	}
	return fmt.Errorf("%s: %w (last: %v)", n.Name, ctx.Err(), err)
}

// settle waits until the members so far have settled (WaitSettled). Every
// few seconds without it, each member still behind runs a push/pull with a
// random other member: the full state exchange memberlist itself runs only
// every PushPullInterval (scaled up to 4× at 200 members), which a start
// need not wait for.
func (c *Cluster) settle(ctx context.Context, share float64, rng *mrand.Rand, logf func(string, ...any)) error {
	for {
		wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := c.WaitSettled(wctx, share)
		cancel()
		if err == nil || ctx.Err() != nil {
			return err
		}
		behind := c.behind(share, true)
		if len(behind) == 0 {
			continue
		}
		logf("membershiptest: %d of %d members behind (%s): push/pull", len(behind), len(c.Nodes), c.describe(behind[0], share))
		// A few at a time, each briefly: in a storm of false deaths
		// every member is behind, and refutations, not push/pulls,
		// end it.
		rng.Shuffle(len(behind), func(i, j int) { behind[i], behind[j] = behind[j], behind[i] })
		for _, n := range behind[:min(len(behind), 5)] {
			peer := c.Nodes[rng.IntN(len(c.Nodes))]
			if peer != n {
				jctx, cancel := context.WithTimeout(ctx, 2*time.Second)
				_, _ = n.List.Join(jctx, []string{peer.List.Addr().String()})
				cancel()
			}
		}
	}
}

// AddNode starts one more member (not yet joined) with the cluster's key;
// edit, if not nil, changes its configuration first.
func (c *Cluster) AddNode(ctx context.Context, name string, p membership.Profile, seed uint64, logger *slog.Logger, edit func(*membership.Config)) (*Node, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	nt, err := memberlist.NewNetTransport(&memberlist.NetTransportConfig{
		BindAddrs: []string{"127.0.0.1"},
		Logger:    membership.NewLogger(logger, nil),
	})
	if err != nil {
		return nil, err
	}
	tr := Wrap(nt, seed)
	rec := NewRecorder()
	cfg := membership.Config{
		Name:      name,
		KeyFile:   c.KeyFile,
		Profile:   p,
		Handler:   rec,
		Logger:    logger,
		Transport: tr,
		Meta:      membership.Meta{Incarnation: 1, BMC: "ipmi://127.0.0.1:623"},
	}
	if edit != nil {
		edit(&cfg)
	}
	l, err := membership.Start(ctx, cfg)
	if err != nil {
		_ = tr.Shutdown()
		return nil, err
	}
	n := &Node{Name: name, List: l, Transport: tr, Events: rec}
	c.Nodes = append(c.Nodes, n)
	return n, nil
}

// WaitConverged waits until every member's view holds every member alive.
func (c *Cluster) WaitConverged(ctx context.Context) error { return c.WaitSettled(ctx, 1) }

// WaitSettled waits until every member's view holds at least share (0..1;
// 0 means 1) of the members alive.
func (c *Cluster) WaitSettled(ctx context.Context, share float64) error {
	// Each check reads every member's full list: poll large clusters
	// less often, to leave them the CPU.
	every := 50 * time.Millisecond
	if len(c.Nodes) > 20 {
		every = 250 * time.Millisecond
	}
	for {
		behind := c.behind(share, false)
		if len(behind) == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("not settled: %s: %w", c.describe(behind[0], share), ctx.Err())
		case <-time.After(every):
		}
	}
}

// behind returns the members whose view holds fewer than share of the
// members alive: all of them, or only the first found.
func (c *Cluster) behind(share float64, all bool) []*Node {
	var out []*Node
	for _, n := range c.Nodes {
		if c.alive(n) < c.want(share) {
			out = append(out, n)
			if !all {
				break
			}
		}
	}
	return out
}

func (c *Cluster) want(share float64) int {
	if share <= 0 || share > 1 {
		share = 1
	}
	return int(math.Ceil(share * float64(len(c.Nodes))))
}

// alive counts the members n holds alive.
func (c *Cluster) alive(n *Node) int {
	alive := 0
	for _, m := range n.List.Members().Members {
		if m.State == membership.Alive {
			alive++
		}
	}
	return alive
}

func (c *Cluster) describe(n *Node, share float64) string {
	return fmt.Sprintf("%s sees %d of %d alive (want %d)", n.Name, c.alive(n), len(c.Nodes), c.want(share))
}

// Close stops every member.
func (c *Cluster) Close() {
	var wg sync.WaitGroup
	for _, n := range c.Nodes {
		wg.Go(func() { _ = n.List.Close() })
	}
	wg.Wait()
}

// Detection is one measured failure: how long each other member took to
// declare the victim dead.
type Detection struct {
	Victim string
	// Each holds, in increasing order, the delays of the members that
	// declared it dead within the timeout.
	Each []time.Duration
	// Missed counts members that did not within the timeout.
	Missed int
	// NotAlive counts members that already held the victim dead (a false
	// death still standing) when it was cut; they are not measured.
	NotAlive int
}

// All is the delay until every other member had declared the victim dead
// (the slowest one); 0 if some never did.
func (d Detection) All() time.Duration {
	if d.Missed > 0 || len(d.Each) == 0 {
		return 0
	}
	return d.Each[len(d.Each)-1]
}

// Detect cuts member victim off (Transport.Cut, a host that died) and
// waits up to timeout for every other live member to declare it dead.
// The victim stays cut.
func (c *Cluster) Detect(victim int, timeout time.Duration) Detection {
	v := c.Nodes[victim]
	d := Detection{Victim: v.Name}
	// The observers: live members that hold the victim alive now.
	var observers []*Node
	for i, n := range c.Nodes {
		if i == victim || n.Transport.isCut() {
			continue
		}
		if m, ok := n.List.Members().Get(v.Name); !ok || (m.State != membership.Alive && m.State != membership.Suspect) {
			d.NotAlive++ // already dead in this member's view: nothing to detect
			continue
		}
		observers = append(observers, n)
	}
	t0 := time.Now()
	v.Transport.Cut()
	deadline := t0.Add(timeout)
	for _, n := range observers {
		e, ok := n.Events.WaitFor(membership.Died, v.Name, t0, time.Until(deadline))
		if !ok {
			d.Missed++
			continue
		}
		d.Each = append(d.Each, e.At.Sub(t0))
	}
	slices.Sort(d.Each)
	return d
}

func (t *Transport) isCut() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.cut
}

// Tally counts what the members reported since a moment: in a cluster
// where nobody failed, every suspicion and death is a false one.
type Tally struct {
	// Suspicions counts Suspected events (a member's own probe of another
	// went unanswered), over all members.
	Suspicions int
	// Deaths counts Died events: a member declared another dead.
	Deaths int
	// DeadMembers counts the distinct members someone declared dead.
	DeadMembers int
	// Refutations counts members refuting an accusation about themselves.
	Refutations int
}

// Tally counts the events of all members stamped at or after since,
// leaving out the members named in ignore (ones that were really cut):
// events about them, and their own (cut off, they hold everyone else
// dead).
func (c *Cluster) Tally(since time.Time, ignore ...string) Tally {
	var t Tally
	dead := map[string]bool{}
	for _, n := range c.Nodes {
		if slices.Contains(ignore, n.Name) {
			continue
		}
		for _, e := range n.Events.Since(since) {
			if slices.Contains(ignore, e.Member.Name) {
				continue
			}
			switch e.Kind {
			case membership.Suspected:
				t.Suspicions++
			case membership.Died:
				t.Deaths++
				dead[e.Member.Name] = true
			case membership.Refuted:
				t.Refutations++
			}
		}
	}
	t.DeadMembers = len(dead)
	return t
}

// SetLoss sets every member's packet loss.
func (c *Cluster) SetLoss(p float64) {
	for _, n := range c.Nodes {
		n.Transport.SetLoss(p)
	}
}

// Recorder is a membership.Handler that keeps every event and the last
// member list, for tests to wait on and count.
type Recorder struct {
	mu     sync.Mutex
	events []membership.Event
	view   membership.View
	views  int
	signal chan struct{}
}

// NewRecorder returns an empty Recorder.
func NewRecorder() *Recorder {
	return &Recorder{signal: make(chan struct{})}
}

// HandleEvent implements membership.Handler.
func (r *Recorder) HandleEvent(e membership.Event) {
	r.mu.Lock()
	r.events = append(r.events, e)
	close(r.signal)
	r.signal = make(chan struct{})
	r.mu.Unlock()
}

// HandleMembers implements membership.Handler.
func (r *Recorder) HandleMembers(v membership.View) {
	r.mu.Lock()
	r.view = v
	r.views++
	close(r.signal)
	r.signal = make(chan struct{})
	r.mu.Unlock()
}

// Events returns a copy of every event so far.
func (r *Recorder) Events() []membership.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.events)
}

// Since returns the events stamped at or after t.
func (r *Recorder) Since(t time.Time) []membership.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []membership.Event
	for _, e := range r.events {
		if !e.At.Before(t) {
			out = append(out, e)
		}
	}
	return out
}

// LastView returns the last member list received and how many came.
func (r *Recorder) LastView() (membership.View, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.view, r.views
}

// WaitFor waits up to timeout for an event of kind about member stamped at
// or after since.
func (r *Recorder) WaitFor(kind membership.Kind, member string, since time.Time, timeout time.Duration) (membership.Event, bool) {
	deadline := time.NewTimer(max(timeout, 0))
	defer deadline.Stop()
	seen := 0
	for {
		r.mu.Lock()
		for _, e := range r.events[seen:] {
			if e.Kind == kind && e.Member.Name == member && !e.At.Before(since) {
				r.mu.Unlock()
				return e, true
			}
		}
		seen = len(r.events)
		sig := r.signal
		r.mu.Unlock()
		select {
		case <-sig:
		case <-deadline.C:
			return membership.Event{}, false
		}
	}
}

// Median returns the median of ds (0 for none).
func Median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
