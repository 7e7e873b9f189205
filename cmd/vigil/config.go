package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/vigil-ha/vigil/agent/config"
)

func runConfig(ctx context.Context, e *env, args []string) error {
	return dispatch(ctx, e, "config", []subcommand{
		{"check", "validate the agent's config and say exactly what is wrong", runConfigCheck},
	}, args)
}

// configProblem is one error of `vigil config check --json`.
type configProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Key     string `json:"key"`
	Message string `json:"message"`
}

func runConfigCheck(_ context.Context, e *env, args []string) error {
	fs := newFlags(e, "config check [--config FILE] [--json]", "Validate the agent's config: the schema (unknown keys are refused), every\nvalue, and the files it names (secrets must exist and be 0640 at most).\nPrints OK, or every problem with its file, line and key, and exits 1.")
	path := fs.String("config", config.DefaultPath, "the config `FILE`")
	asJSON := fs.Bool("json", false, `print {"file", "ok", "errors": [{"file", "line", "key", "message"}]}`)
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	c, err := config.Load(*path)
	var problems config.Errors
	if err != nil && !errors.As(err, &problems) {
		return err
	}
	if *asJSON {
		out := struct {
			File   string          `json:"file"`
			OK     bool            `json:"ok"`
			Errors []configProblem `json:"errors"`
		}{File: *path, OK: err == nil, Errors: []configProblem{}}
		for _, p := range problems {
			out.Errors = append(out.Errors, configProblem{p.File, p.Line, p.Path, p.Msg})
		}
		if werr := writeJSON(e.stdout, out); werr != nil {
			return werr
		}
	}
	if err != nil {
		for _, p := range problems {
			fmt.Fprintln(e.stderr, p)
		}
		return reported(fmt.Errorf("%s: %d problem(s)", *path, len(problems)))
	}
	if !*asJSON {
		mode := "standalone"
		if c.Cluster != nil {
			mode = "cluster " + c.Cluster.Name
		}
		fmt.Fprintf(e.stdout, "OK: %s (host %s, %s)\n", *path, c.Host, mode)
	}
	return nil
}
