package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/vigil-ha/vigil/cluster/witness"
)

func runWitness(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "witness [--config FILE]", "The VM-less third voter of two-host clusters: one process votes in every\ncluster its config lists, each with its own state directory, port and TLS\nidentity, and hands leadership to a host whenever it wins an election.\nSIGTERM or SIGINT stop it cleanly.")
	path := fs.String("config", witness.DefaultConfigFile, "the config `FILE`")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	cfg, err := witness.Load(*path)
	var problems witness.Errors
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Fprintln(e.stderr, p)
		}
		return reported(err)
	}
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	w, err := witness.Open(ctx, cfg, log)
	if err != nil {
		return err
	}
	log.Info("witness started", "config", cfg.File, "clusters", len(cfg.Clusters), "state_dir", cfg.StateDir)
	<-ctx.Done()
	if err := w.Close(); err != nil {
		return err
	}
	log.Info("witness stopped")
	return nil
}
