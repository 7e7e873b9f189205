package main

import (
	"context"
	"fmt"
	"maps"
	"net"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/health"
	"github.com/vigil-ha/vigil/sensors/ipmi"
	"github.com/vigil-ha/vigil/sensors/redfish"
	"github.com/vigil-ha/vigil/store"
)

func runHealth(ctx context.Context, e *env, args []string) error {
	var b bmcFlags
	fs := newFlags(e, "health BMC-FLAGS [--json]", "One poll of a BMC plus the failure prediction: risk and expected time\nto failure per component. A single poll sees thresholds, decoded states and\nthe SEL; trends need the agent's history.\n\n"+bmcExitHelp())
	b.register(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print JSON (CLI.md) instead of a table")
	historyFile := fs.String("history", "", "keep sensor history, and how far the BMC's event logs were read, in\nthe bbolt `FILE` across runs, so repeated runs see trends and count each\nlog entry once (default: this poll only)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	// With --history, the BMC's event-log cursors live in the same file:
	// each SEL record or log entry is counted once over repeated runs.
	if err := b.check(); err != nil {
		return failJSON(e, *asJSON, &b, err)
	}
	var hist health.History = health.NewMemHistory(16)
	var cur *logCursors
	if *historyFile != "" {
		st, err := store.Open(*historyFile, store.Options{})
		if err != nil {
			return failJSON(e, *asJSON, &b, fmt.Errorf("history: %w", err))
		}
		defer st.Close()
		hist = st
		cur = &logCursors{st: st, prefix: b.logSource()}
	}
	p, err := pollBMC(ctx, e, &b, cur)
	if err != nil {
		return failJSON(e, *asJSON, &b, err)
	}
	var cursors []store.Cursor
	if cur != nil {
		cursors = cur.taken
	}
	v, err := health.New(health.Config{Prefix: b.target() + "/"}, hist).Update(p, cursors...)
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

// logCursors carries a BMC's event-log cursors (the IPMI SEL's, or one per
// Redfish log service) between the history store and the reader. Those
// taken after the poll are written with its samples (health.Update).
type logCursors struct {
	st     *store.Store
	prefix string // source of this BMC's cursors: "ipmi:HOST:PORT", "redfish:URL"
	taken  []store.Cursor
}

// logSource names the BMC's event logs in the history file.
func (b *bmcFlags) logSource() string {
	if b.ipmi != "" {
		if h, port, err := b.ipmiAddr(); err == nil {
			return "ipmi:" + net.JoinHostPort(h, strconv.Itoa(port))
		}
		return "ipmi:" + b.ipmi
	}
	return "redfish:" + strings.TrimRight(b.redfish, "/")
}

// give hands the reader the cursors of the previous run.
func (l *logCursors) give(r sensors.Reader) error {
	all, err := l.st.Cursors()
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	switch r := r.(type) {
	case *ipmi.Reader:
		for _, c := range all {
			if c.Source == l.prefix+"/sel" && c.SEL != nil {
				r.SetCursor(*c.SEL)
			}
		}
	case *redfish.Reader:
		logs := map[string]redfish.LogCursor{}
		for _, c := range all {
			if svc, ok := strings.CutPrefix(c.Source, l.prefix); ok && c.Log != nil && strings.HasPrefix(svc, "/") {
				logs[svc] = *c.Log
			}
		}
		r.SetCursors(logs)
	}
	return nil
}

// take collects the reader's cursors after a poll.
func (l *logCursors) take(r sensors.Reader) {
	switch r := r.(type) {
	case *ipmi.Reader:
		c := r.Cursor()
		l.taken = append(l.taken, store.Cursor{Source: l.prefix + "/sel", SEL: &c})
	case *redfish.Reader:
		logs := r.Cursors()
		for _, svc := range slices.Sorted(maps.Keys(logs)) {
			c := logs[svc]
			l.taken = append(l.taken, store.Cursor{Source: l.prefix + svc, Log: &c})
		}
	}
}
