package main

import (
	"context"
	"errors"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/tui"
)

func runTUI(ctx context.Context, e *env, args []string) error {
	var d daemonFlags
	fs := newFlags(e, "tui [--socket PATH] [--config FILE] [--interval DURATION]", "The technician's console view of the local daemon on one 80x24 screen:\nthis host's BMC, readings, risk and watchdog, the hosts, this host's VMs,\nthe failed actions and fences. q quits, tab and the arrows select, enter\nshows a host or an event's evidence, d and a drain and readmit the\nselected host (after a confirmation). A daemon that stops answering is\nshown as such; the screen never waits for it.")
	d.register(fs.FlagSet)
	interval := fs.Duration("interval", time.Second, "how often the status is fetched")
	timeout := fs.Duration("timeout", 3*time.Second, "how long one status request may take before the daemon counts as not answering")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if *interval <= 0 || *timeout <= 0 {
		return usagef("--interval and --timeout must be positive")
	}
	c, err := d.client()
	if err != nil {
		return err
	}
	if !term.IsTerminal(int(os.Stdin.Fd())) {
		return errors.New("needs a terminal on stdin (use vigil status for a one-off view)")
	}
	// Nothing on the socket at all: say so in one line, as every command
	// that asks the daemon does. Once running, a daemon that goes away is
	// shown on the screen instead.
	probe, cancel := context.WithTimeout(ctx, *timeout)
	_, err = c.Status(probe)
	cancel()
	if errors.Is(err, localapi.ErrNoDaemon) {
		return err
	}
	return tui.Run(ctx, c, c, tui.Options{Socket: c.Socket(), Poll: *interval, Timeout: *timeout}, os.Stdin, e.stdout)
}
