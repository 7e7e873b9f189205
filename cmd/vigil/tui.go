package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/tui"
)

func runTUI(ctx context.Context, e *env, args []string) error {
	var d daemonFlags
	fs := newFlags(e, "tui [--socket PATH] [--config FILE] [--interval DURATION] [--timeout DURATION]", "The technician's console view of the local daemon on one 80x24 screen:\nthis host's BMC, readings, risk and watchdog, the hosts, this host's VMs,\nthe failed actions and fences. q quits, tab and the arrows select, enter\nshows a host or an event's evidence, d and a drain and readmit the\nselected host (after a confirmation). A daemon that stops answering is\nshown as such; the screen never waits for it. With the agent's config\n(--config, else "+config.DefaultPath+" when readable), the screen reads\nthis host's BMC itself while the daemon is down.")
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
	opt := tui.Options{Socket: c.Socket(), Poll: *interval, Timeout: *timeout}
	local, host, why := openLocalBMC(d.config)
	if local != nil {
		defer local.r.Close()
		opt.Local = local
	}
	opt.Host, opt.NoLocal = host, why
	// Nothing on the socket and no BMC to read: say so in one line, as
	// every command that asks the daemon does. Once running, a daemon that
	// goes away is shown on the screen instead.
	probe, cancel := context.WithTimeout(ctx, *timeout)
	_, err = c.Status(probe)
	cancel()
	if errors.Is(err, localapi.ErrNoDaemon) && local == nil {
		return err
	}
	return tui.Run(ctx, c, c, opt, os.Stdin, e.stdout)
}

// localBMC is this host's BMC as the agent's config names it, read by the
// screen itself while the daemon is down.
type localBMC struct {
	r      sensors.Reader
	target string
}

func (l *localBMC) Target() string { return l.target }

func (l *localBMC) ReadBMC(ctx context.Context) ([]localapi.Reading, error) {
	p, err := l.r.Poll(ctx)
	if err != nil {
		return nil, err
	}
	return localapi.FromSensors(p.Readings), nil
}

// openLocalBMC opens the BMC of the agent's config (path, else the default
// one when it exists): the reader, this host's name, or why there is no
// reader.
func openLocalBMC(path string) (*localBMC, string, string) {
	if path == "" {
		if _, err := os.Stat(config.DefaultPath); err != nil {
			return nil, "", "no agent config (--config)"
		}
		path = config.DefaultPath
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, "", fmt.Sprintf("config %s: %v", path, firstLine(err.Error()))
	}
	if cfg.BMC == nil {
		return nil, cfg.Host, "the config has no bmc:"
	}
	r, target, err := agent.OpenBMC(cfg.BMC, slog.New(slog.DiscardHandler), nil)
	if err != nil {
		return nil, cfg.Host, firstLine(err.Error())
	}
	return &localBMC{r: r, target: target}, cfg.Host, ""
}
