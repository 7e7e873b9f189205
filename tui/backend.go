package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/vigil-ha/vigil/agent/localapi"
)

// Backend is what the screen reads: the daemon's local API.
// *localapi.Client implements it; tuitest.Backend is a fake.
type Backend interface {
	// Status is GET /v1/status; it must return when ctx ends.
	Status(ctx context.Context) (*localapi.Status, error)
	// Events is GET /v1/events: fn gets the audit events after sequence
	// number after, oldest first, then, with follow, each new one until
	// ctx ends or the daemon goes away.
	Events(ctx context.Context, after uint64, follow bool, fn func(localapi.Event) error) error
}

// Operator changes a host's service through the daemon's mutating routes
// (POST /v1/hosts/{name}/drain and /readmit), which answer with the host
// afterwards. *localapi.Client implements it.
type Operator interface {
	DrainHost(ctx context.Context, name string) (localapi.HostDetail, error)
	ReadmitHost(ctx context.Context, name string) (localapi.HostDetail, error)
}

// LocalBMC reads this host's BMC directly, without the daemon: the screen's
// view of this host while the daemon does not answer.
type LocalBMC interface {
	// Target names the BMC ("ipmi 10.0.1.11:623").
	Target() string
	// ReadBMC is one poll of the BMC's sensors; it must return when ctx
	// ends.
	ReadBMC(ctx context.Context) ([]localapi.Reading, error)
}

var (
	_ Backend  = (*localapi.Client)(nil)
	_ Operator = (*localapi.Client)(nil)
)

// eventsMsg is a batch of audit events, oldest first.
type eventsMsg []localapi.Event

// streamMsg says the event stream broke (err) or the daemon closed it;
// Follow reconnects after a pause.
type streamMsg struct {
	err error
	at  time.Time
}

// followBatch is the most events one eventsMsg carries.
const followBatch = 512

// Follow follows the audit log of b until ctx ends and hands what it reads
// to send (Program.Send): events in batches, and a streamMsg each time the
// stream breaks. It reconnects every retry from the last event seen. send
// may block (the program is busy): Follow then stops reading, and a
// daemon that sees this follower fall behind drops it; the next
// connection goes on from the last event handed over.
func Follow(ctx context.Context, b Backend, send func(tea.Msg), retry time.Duration) {
	ch := make(chan localapi.Event, followBatch)
	done := make(chan struct{})
	go func() {
		// Batches what the stream reads into one message per wake-up.
		defer close(done)
		for {
			var batch eventsMsg
			select {
			case <-ctx.Done():
				return
			case ev := <-ch:
				batch = append(batch, ev)
			}
		drain:
			for len(batch) < followBatch {
				select {
				case ev := <-ch:
					batch = append(batch, ev)
				default:
					break drain
				}
			}
			send(batch)
		}
	}()
	var after uint64
	for {
		err := b.Events(ctx, after, true, func(ev localapi.Event) error {
			select {
			case ch <- ev:
				after = ev.Seq
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		if ctx.Err() != nil {
			break
		}
		send(streamMsg{err: err, at: time.Now()})
		select {
		case <-ctx.Done():
		case <-time.After(retry):
		}
		if ctx.Err() != nil {
			break
		}
	}
	<-done
}
