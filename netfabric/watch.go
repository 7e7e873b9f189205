package netfabric

import (
	"context"
	"errors"
	"runtime"
	"time"

	"github.com/vishvananda/netlink"
)

// WatchOptions tune Watch.
type WatchOptions struct {
	// Settle is how long to wait after an event for more before
	// reconciling (default 20ms): a burst of changes costs one repair.
	Settle time.Duration
	// Resync re-reads the host this often even without events, catching
	// what rtnetlink does not announce (FDB entries); default 30s.
	Resync time.Duration
	// OnRepair, if set, is called after every reconcile that changed
	// something (or failed).
	OnRepair func(p *Plan, err error)
}

// Watch keeps the host matching the fabric last applied until ctx ends:
// it listens to rtnetlink link and address events in the Host's namespace
// (`ip monitor link address`) and re-applies within Settle of a change —
// someone deleting a tap or a VLAN device, taking a port off its bridge or
// removing a bridge VLAN. It returns nil when ctx is cancelled, ErrClosed
// when the Host is closed.
func (h *Host) Watch(ctx context.Context, opts WatchOptions) error {
	if opts.Settle <= 0 {
		opts.Settle = 20 * time.Millisecond
	}
	if opts.Resync <= 0 {
		opts.Resync = 30 * time.Second
	}
	done := make(chan struct{})
	defer close(done)
	links := make(chan netlink.LinkUpdate, 256)
	addrs := make(chan netlink.AddrUpdate, 256)
	errc := make(chan error, 2)
	cb := func(err error) {
		select {
		case errc <- err:
		default:
		}
	}
	// The subscriptions' sockets are made from this thread: inside the
	// Host's namespace already, netlink need not enter it (setns needs
	// CAP_SYS_ADMIN).
	runtime.LockOSThread()
	ns := &h.ns
	if inNamespace(h.ns) {
		ns = nil
	}
	err := netlink.LinkSubscribeWithOptions(links, done, netlink.LinkSubscribeOptions{
		Namespace: ns, ErrorCallback: cb, ReceiveBufferSize: 1 << 20, ReceiveBufferForceSize: true})
	if err == nil {
		err = netlink.AddrSubscribeWithOptions(addrs, done, netlink.AddrSubscribeOptions{
			Namespace: ns, ErrorCallback: cb, ReceiveBufferSize: 1 << 20, ReceiveBufferForceSize: true})
	}
	runtime.UnlockOSThread()
	if err != nil {
		return err
	}
	closed := false
	repair := func() {
		rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		p, err := h.reconcile(rctx)
		cancel()
		if errors.Is(err, ErrClosed) {
			closed = true
			return
		}
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			h.log.Warn("drift repair failed", "err", err)
		} else if !p.Empty() {
			h.log.Info("drift repaired", "steps", len(p.Steps))
		}
		if opts.OnRepair != nil && (err != nil || !p.Empty()) {
			opts.OnRepair(p, err)
		}
	}
	resync := time.NewTicker(opts.Resync)
	defer resync.Stop()
	var settle <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case _, ok := <-links:
			if !ok {
				return errors.New("netfabric: link subscription ended")
			}
			if settle == nil {
				settle = time.After(opts.Settle)
			}
		case _, ok := <-addrs:
			if !ok {
				return errors.New("netfabric: address subscription ended")
			}
			if settle == nil {
				settle = time.After(opts.Settle)
			}
		case err := <-errc:
			h.log.Warn("netlink subscription error", "err", err)
			if settle == nil {
				settle = time.After(opts.Settle)
			}
		case <-settle:
			settle = nil
			repair()
		case <-resync.C:
			repair()
		}
		if closed {
			return ErrClosed
		}
	}
}
