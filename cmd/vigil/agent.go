package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/agent/clusterhost"
	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/qmp"
)

func runAgent(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "agent [--config FILE]", "The daemon: senses this host's BMC and kernel, predicts failures, records\nevery decision in the audit log and serves the local API on its socket.\nWithout cluster: in the config the host is standalone. Under systemd it is\na Type=notify service with a watchdog. SIGTERM or SIGINT stop it cleanly.")
	path := fs.String("config", config.DefaultPath, "the config `FILE`")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	cfg, err := loadConfig(e, *path)
	if err != nil {
		return err
	}
	log := newLogger(e, cfg.Log)
	opts := agent.Options{Logger: log, Version: readBuildVersion().String()}
	if cfg.Cluster != nil {
		copts := clusterhost.Options{Logger: log}
		// Under systemd each VM's QEMU runs in a transient unit in
		// machine.slice (DESIGN.md): in the agent's own unit it would
		// be sandboxed with it and killed by its restart. Without
		// systemd (the lab), QEMU runs in a session of its own.
		if qmp.SystemdBooted() {
			l, err := qmp.NewSystemdLauncher(ctx)
			if err != nil {
				return fmt.Errorf("systemd is this machine's init, but VMs cannot be given units of their own: %w", err)
			}
			defer l.Close()
			copts.QEMU.Launcher = l
			log.Info("VMs run in transient units", "slice", qmp.MachineSlice)
		}
		ch, err := clusterhost.New(cfg, copts)
		if err != nil {
			return err
		}
		opts.Cluster = ch
	}
	a, err := agent.New(cfg, opts)
	if err != nil {
		return err
	}
	log.Info("starting", "host", cfg.Host, "config", cfg.File, "socket", cfg.Socket, "state_dir", cfg.StateDir)
	if err := a.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	log.Info("stopped")
	return nil
}

// loadConfig loads and checks the agent's config, printing every problem
// on stderr (then it exits 1).
func loadConfig(e *env, path string) (*config.Config, error) {
	cfg, err := config.Load(path)
	var problems config.Errors
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Fprintln(e.stderr, p)
		}
		return nil, reported(err)
	}
	return cfg, err
}

// newLogger is the daemon's log on stderr (the journal, under systemd).
func newLogger(e *env, lc config.Log) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(lc.Level))
	opts := &slog.HandlerOptions{Level: level}
	if lc.Format == "json" {
		return slog.New(slog.NewJSONHandler(e.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(e.stderr, opts))
}
