package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/vigil-ha/vigil/sensors/health"
)

func runHealth(ctx context.Context, e *env, args []string) error {
	var b bmcFlags
	fs := newFlags(e, "health BMC-FLAGS [--json]", "One poll of a BMC plus the failure prediction: risk and expected time\nto failure per component. A single poll sees thresholds, decoded states and\nthe SEL; trends need the agent's history.")
	b.register(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print JSON (CLI.md) instead of a table")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	p, err := pollBMC(ctx, e, &b)
	if err != nil {
		return err
	}
	v, err := health.New(health.Config{}, health.NewMemHistory(16)).Update(p)
	if err != nil {
		return err
	}
	v.Target = b.target()
	if *asJSON {
		return writeJSON(e.stdout, v)
	}
	fmt.Fprintf(e.stdout, "%s: risk %s\n", v.Target, v.Risk)
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	for _, c := range v.Components {
		eta := "-"
		if c.ETASeconds != nil {
			eta = fmtSeconds(*c.ETASeconds)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", c.Name, c.Risk, eta, c.Reason)
	}
	return tw.Flush()
}

func fmtSeconds(s float64) string { return fmt.Sprintf("%.0fs", s) }
