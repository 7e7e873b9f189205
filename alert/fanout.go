package alert

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults of Options.
const (
	DefaultQueue       = 1024
	DefaultSendTimeout = 30 * time.Second
)

// closeGrace is how long Close waits for sinks to notice their
// cancellation.
const closeGrace = 5 * time.Second

// Options tune a Fanout.
type Options struct {
	// Queue is how many events each sink may lag behind before new ones
	// are dropped for it (default DefaultQueue).
	Queue int
	// SendTimeout bounds one Send of a sink that is not Patient (default
	// DefaultSendTimeout).
	SendTimeout time.Duration
	Logger      *slog.Logger
}

// SinkStats is what the fan-out did for one sink.
type SinkStats struct {
	Sink      string
	Queued    int // events waiting now
	Capacity  int // the queue's bound
	Delivered uint64
	// Dropped counts events the queue had no room for; Failed those
	// whose Send returned an error (or ran out of time). Both are lost
	// to this sink, and both are reported in its next event's Dropped.
	Dropped uint64
	Failed  uint64
	// Counters are the sink's own (Reporter); nil when it has none.
	Counters map[string]uint64
}

// Fanout hands every event to each sink through the sink's own bounded
// queue and goroutine: Publish never blocks, so a slow or wedged sink
// (a syslog server away, a BMC that hangs) can never stall the recorder.
// Create it with NewFanout and Close it once.
type Fanout struct {
	feeds []*feed
	log   *slog.Logger

	mu     sync.RWMutex // Publish holds it shared; Close exclusively
	closed bool
	wg     sync.WaitGroup
}

// feed is one sink's queue and counters.
type feed struct {
	sink    Sink
	queue   chan Event
	timeout time.Duration // 0: until the fan-out closes
	ctx     context.Context
	cancel  context.CancelFunc

	delivered, dropped, failed atomic.Uint64
	// overflow counts the events dropped since one was last queued; the
	// next one queued carries it.
	overflow atomic.Uint64
}

// NewFanout starts one goroutine per sink. Sinks' names should be unique
// (they name the metrics).
func NewFanout(opts Options, sinks ...Sink) *Fanout {
	if opts.Queue <= 0 {
		opts.Queue = DefaultQueue
	}
	if opts.SendTimeout <= 0 {
		opts.SendTimeout = DefaultSendTimeout
	}
	f := &Fanout{log: opts.Logger}
	if f.log == nil {
		f.log = slog.New(slog.DiscardHandler)
	}
	for _, s := range sinks {
		fd := &feed{sink: s, queue: make(chan Event, opts.Queue), timeout: opts.SendTimeout}
		if p, ok := s.(Patient); ok {
			fd.timeout = p.SendTimeout()
		}
		fd.ctx, fd.cancel = context.WithCancel(context.Background())
		f.feeds = append(f.feeds, fd)
		f.wg.Add(1)
		go f.run(fd)
	}
	return f
}

// Publish queues ev for every sink without blocking: a sink whose queue
// is full loses it (counted, and reported with its next event). After
// Close, Publish does nothing. A nil Fanout has no sinks.
func (f *Fanout) Publish(ev Event) {
	if f == nil {
		return
	}
	f.mu.RLock()
	defer f.mu.RUnlock()
	if f.closed {
		return
	}
	for _, fd := range f.feeds {
		// Evidence is shared: sinks only read it.
		e := ev
		e.Dropped = fd.overflow.Swap(0)
		select {
		case fd.queue <- e:
		default:
			fd.overflow.Add(e.Dropped + 1)
			fd.dropped.Add(1)
		}
	}
}

func (f *Fanout) run(fd *feed) {
	defer f.wg.Done()
	log := f.log.With("sink", fd.sink.Name())
	// failed counts the events whose Send failed since the last one that
	// was handed over; the next one carries them.
	var failed uint64
	for ev := range fd.queue {
		if fd.ctx.Err() != nil {
			// Close ran out of time: what is left is not sent.
			continue
		}
		ev.Dropped += failed
		failed = 0
		ctx, cancel := fd.ctx, context.CancelFunc(func() {})
		if fd.timeout > 0 {
			ctx, cancel = context.WithTimeout(fd.ctx, fd.timeout)
		}
		err := fd.sink.Send(ctx, ev)
		cancel()
		if err != nil {
			fd.failed.Add(1)
			failed = ev.Dropped + 1
			log.Warn("alert sink failed an event", "seq", ev.Seq, "kind", ev.Kind, "err", err)
			continue
		}
		fd.delivered.Add(1)
	}
}

// Stats returns each sink's counters, in the order the sinks were given.
func (f *Fanout) Stats() []SinkStats {
	if f == nil {
		return nil
	}
	out := make([]SinkStats, len(f.feeds))
	for i, fd := range f.feeds {
		out[i] = SinkStats{Sink: fd.sink.Name(), Queued: len(fd.queue), Capacity: cap(fd.queue),
			Delivered: fd.delivered.Load(), Dropped: fd.dropped.Load(), Failed: fd.failed.Load()}
		if r, ok := fd.sink.(Reporter); ok {
			out[i].Counters = r.Report()
		}
	}
	return out
}

// Close stops taking events, lets every sink work through its queue until
// ctx ends, then cancels what is still being sent and closes the sinks.
// It returns the sinks' Close errors, and names the sinks that had events
// left when ctx ended.
func (f *Fanout) Close(ctx context.Context) error {
	if f == nil {
		return nil
	}
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		return nil
	}
	f.closed = true
	for _, fd := range f.feeds {
		close(fd.queue)
	}
	f.mu.Unlock()

	done := make(chan struct{})
	go func() { f.wg.Wait(); close(done) }()
	var errs []error
	select {
	case <-done:
	case <-ctx.Done():
		for _, fd := range f.feeds {
			if n := len(fd.queue); n > 0 {
				errs = append(errs, fmt.Errorf("alert %s: %d events not sent at shutdown", fd.sink.Name(), n))
			}
			fd.cancel()
		}
		select {
		case <-done:
		case <-time.After(closeGrace):
			// A sink that ignores its context is left behind rather
			// than hanging the agent's shutdown.
			errs = append(errs, errors.New("alert: a sink did not return from Send after cancellation"))
		}
	}
	for _, fd := range f.feeds {
		fd.cancel()
		if err := fd.sink.Close(); err != nil {
			errs = append(errs, fmt.Errorf("alert %s: %w", fd.sink.Name(), err))
		}
	}
	return errors.Join(errs...)
}
