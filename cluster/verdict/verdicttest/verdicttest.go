// Package verdicttest holds hand-written fakes of the witnesses a
// verdict.Judge asks: a BMC, shared-storage heartbeats and the leader's
// leases, each scripted per host and counting its calls.
package verdicttest

import (
	"context"
	"fmt"
	"sync"

	"github.com/vigil-ha/vigil/cluster/heartbeat"
	"github.com/vigil-ha/vigil/cluster/verdict"
	"github.com/vigil-ha/vigil/fencing"
)

// ErrUnknownHost is what a fake answers for a host it was not given.
var ErrUnknownHost = fmt.Errorf("verdicttest: unknown host: %w", fencing.ErrUnreachable)

// BMC is a fake verdict.BMC. Set a host's report or error; Hang makes a
// host's BMC never answer (until the caller's context ends).
type BMC struct {
	mu      sync.Mutex
	reports map[string]verdict.BMCReport
	errs    map[string]error
	hang    map[string]bool
	calls   map[string]int
}

// Set scripts host's answer.
func (b *BMC) Set(host string, r verdict.BMCReport, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.reports == nil {
		b.reports, b.errs, b.hang, b.calls = map[string]verdict.BMCReport{}, map[string]error{}, map[string]bool{}, map[string]int{}
	}
	b.reports[host], b.errs[host], b.hang[host] = r, err, false
}

// Hang makes host's BMC never answer.
func (b *BMC) Hang(host string) {
	b.Set(host, verdict.BMCReport{}, nil)
	b.mu.Lock()
	b.hang[host] = true
	b.mu.Unlock()
}

// Calls counts the reports asked for host.
func (b *BMC) Calls(host string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.calls[host]
}

// Report implements verdict.BMC.
func (b *BMC) Report(ctx context.Context, host string) (verdict.BMCReport, error) {
	b.mu.Lock()
	if b.calls == nil {
		b.calls = map[string]int{}
	}
	b.calls[host]++
	r, known := b.reports[host]
	err, hang := b.errs[host], b.hang[host]
	b.mu.Unlock()
	if hang {
		<-ctx.Done()
		return verdict.BMCReport{}, fmt.Errorf("verdicttest: BMC of %s: %w: %w", host, fencing.ErrUnreachable, ctx.Err())
	}
	if !known {
		return verdict.BMCReport{}, ErrUnknownHost
	}
	return r, err
}

// Heartbeats is a fake verdict.Heartbeats.
type Heartbeats struct {
	mu     sync.Mutex
	status map[string]heartbeat.Status
	errs   map[string]error
	calls  map[string]int
}

// Set scripts host's answer.
func (h *Heartbeats) Set(host string, st heartbeat.Status, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.status == nil {
		h.status, h.errs, h.calls = map[string]heartbeat.Status{}, map[string]error{}, map[string]int{}
	}
	h.status[host], h.errs[host] = st, err
}

// Calls counts the observations of host.
func (h *Heartbeats) Calls(host string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.calls[host]
}

// Observe implements verdict.Heartbeats.
func (h *Heartbeats) Observe(ctx context.Context, host string) (heartbeat.Status, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.calls == nil {
		h.calls = map[string]int{}
	}
	h.calls[host]++
	st, ok := h.status[host]
	if !ok {
		return heartbeat.Status{}, ErrUnknownHost
	}
	return st, h.errs[host]
}

// Leases is a fake verdict.Leases.
type Leases struct {
	mu     sync.Mutex
	leases map[string]verdict.Lease
	errs   map[string]error
	calls  map[string]int
}

// Set scripts host's answer.
func (l *Leases) Set(host string, lease verdict.Lease, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.leases == nil {
		l.leases, l.errs, l.calls = map[string]verdict.Lease{}, map[string]error{}, map[string]int{}
	}
	l.leases[host], l.errs[host] = lease, err
}

// Calls counts the leases asked for host.
func (l *Leases) Calls(host string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.calls[host]
}

// Lease implements verdict.Leases.
func (l *Leases) Lease(ctx context.Context, host string) (verdict.Lease, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.calls == nil {
		l.calls = map[string]int{}
	}
	l.calls[host]++
	lease, ok := l.leases[host]
	if !ok {
		return verdict.Lease{}, ErrUnknownHost
	}
	return lease, l.errs[host]
}

var (
	_ verdict.BMC        = (*BMC)(nil)
	_ verdict.Heartbeats = (*Heartbeats)(nil)
	_ verdict.Leases     = (*Leases)(nil)
)
