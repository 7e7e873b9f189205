package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
)

func runStatus(ctx context.Context, e *env, args []string) error {
	var d daemonFlags
	fs := newFlags(e, "status [--socket PATH] [--config FILE] [--json]", "The cluster as the local daemon sees it: hosts with their state and risk,\nthe leader and quorum, VMs and where they run. A standalone host shows\nitself alone, with its components at risk and its sensor sources.")
	d.register(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print JSON (CLI.md) instead of a table")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	c, err := d.client()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	st, err := c.Status(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, st)
	}
	printStatus(e, st)
	return nil
}

func printStatus(e *env, st *localapi.Status) {
	w := e.stdout
	switch {
	case st.Cluster == nil:
		fmt.Fprintf(w, "host %s: standalone", st.Host)
	default:
		leader := "none"
		if st.Leader != nil {
			leader = *st.Leader
		}
		fmt.Fprintf(w, "cluster %s, host %s, leader %s, quorum %v", *st.Cluster, st.Host, leader, st.Quorum)
	}
	if st.Starting {
		fmt.Fprint(w, " (starting: no sensor poll finished yet)")
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\nHOST\tSTATE\tRISK\tVMS\tLAST SEEN")
	for _, h := range st.Hosts {
		seen := "-"
		if h.LastSeenMS != nil {
			seen = (time.Duration(*h.LastSeenMS) * time.Millisecond).Round(100*time.Millisecond).String() + " ago"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", h.Name, h.State, h.Risk, h.VMs, seen)
	}
	tw.Flush()
	for _, h := range st.Hosts {
		if len(h.Components) > 0 {
			fmt.Fprintf(w, "\n%s: components at risk\n", h.Name)
			tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
			for _, c := range h.Components {
				eta := "-"
				if c.ETASeconds != nil {
					eta = fmtSeconds(*c.ETASeconds)
				}
				reason := c.Reason
				if c.Replace && !strings.Contains(reason, "replace") {
					reason += " (replace it)"
				}
				fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", c.Source, c.Name, c.Risk, eta, reason)
			}
			tw.Flush()
		}
		var srcs []string
		for _, s := range h.Sources {
			state := "up"
			if !s.Up {
				state = "down"
				if s.Error != "" {
					state += " (" + firstLine(s.Error) + ")"
				}
			}
			srcs = append(srcs, fmt.Sprintf("%s %s %s", s.Name, s.Target, state))
		}
		if len(srcs) > 0 {
			fmt.Fprintf(w, "%s: sensors: %s\n", h.Name, strings.Join(srcs, "; "))
		}
	}
	if len(st.VMs) > 0 {
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "\nVM\tHOST\tSTATE\tGENERATION\tPRIORITY")
		for _, v := range st.VMs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\n", v.Name, v.Host, v.State, v.Generation, v.Priority)
		}
		tw.Flush()
	}
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}
