package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/vigil-ha/vigil/sensors/health"
	"github.com/vigil-ha/vigil/store"
)

func runHealth(ctx context.Context, e *env, args []string) error {
	var b bmcFlags
	fs := newFlags(e, "health BMC-FLAGS [--json]", "One poll of a BMC plus the failure prediction: risk and expected time\nto failure per component. A single poll sees thresholds, decoded states and\nthe SEL; trends need the agent's history.\n\n"+bmcExitHelp())
	b.register(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print JSON (CLI.md) instead of a table")
	historyFile := fs.String("history", "", "keep sensor history in the bbolt `FILE` across runs, so repeated\nruns see trends (default: this poll only)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	p, err := pollBMC(ctx, e, &b)
	if err != nil {
		return failJSON(e, *asJSON, &b, err)
	}
	var hist health.History = health.NewMemHistory(16)
	if *historyFile != "" {
		st, err := store.Open(*historyFile, store.Options{})
		if err != nil {
			return failJSON(e, *asJSON, &b, fmt.Errorf("history: %w", err))
		}
		defer st.Close()
		hist = st
	}
	v, err := health.New(health.Config{Prefix: b.target() + "/"}, hist).Update(p)
	if err != nil {
		return failJSON(e, *asJSON, &b, err)
	}
	v.Target = b.target()
	if *asJSON {
		return writeJSON(e.stdout, v)
	}
	fmt.Fprintf(e.stdout, "%s: risk %s", v.Target, v.Risk)
	if v.Degraded {
		var parts []string
		for _, c := range v.Components {
			if c.Replace {
				parts = append(parts, c.Name)
			}
		}
		fmt.Fprintf(e.stdout, ", degraded (replace %s)", strings.Join(parts, ", "))
	}
	fmt.Fprintln(e.stdout)
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
