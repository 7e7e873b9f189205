package main

import (
	"context"
	"fmt"

	"github.com/vigil-ha/vigil/test/demo"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo [--hosts N] [--json]",
		"Bring up a lab cluster on this machine (network namespaces, ipmi_sim BMCs, QEMU guests),\n"+
			"inject failures, survive them and print a timeline. Needs root; `make demo` installs what it needs.")
	asJSON := fs.Bool("json", false, "print the report as JSON on stdout (the timeline still goes to stderr)")
	hosts := fs.Int("hosts", 3, "number of simulated hosts (2 to 50)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if *hosts < 2 || *hosts > 50 {
		return usagef("--hosts %d: want 2 to 50", *hosts)
	}
	rep, err := demo.Run(ctx, demo.Options{Hosts: *hosts, Out: e.stderr})
	if err != nil {
		return err
	}
	if *asJSON {
		if err := writeJSON(e.stdout, rep); err != nil {
			return err
		}
	}
	failed := 0
	for _, s := range rep.Scenarios {
		if !s.Passed {
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d scenarios failed", failed, len(rep.Scenarios))
	}
	if !*asJSON {
		fmt.Fprintf(e.stdout, "demo: %d scenarios passed\n", len(rep.Scenarios))
	}
	return nil
}
