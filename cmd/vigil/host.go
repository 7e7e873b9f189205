package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
)

func runHost(ctx context.Context, e *env, args []string) error {
	return dispatch(ctx, e, "host", []subcommand{
		{"show", "one host: state, lease, VMs, BMC", func(ctx context.Context, e *env, args []string) error {
			return runHostVerb(ctx, e, "show", args, (*localapi.Client).ShowHost)
		}},
		{"drain", "move a host's VMs away and keep new ones off it (maintenance)", func(ctx context.Context, e *env, args []string) error {
			return runHostVerb(ctx, e, "drain", args, (*localapi.Client).DrainHost)
		}},
		{"readmit", "return a host in maintenance, or fenced and rebooted, to service", func(ctx context.Context, e *env, args []string) error {
			return runHostVerb(ctx, e, "readmit", args, (*localapi.Client).ReadmitHost)
		}},
	}, args)
}

var hostVerbHelp = map[string]string{
	"show":    "One host as the cluster sees it: its state and why, its lease, its VMs,\nits BMC endpoint and whether its watchdog is armed.",
	"drain":   "Put a host in maintenance: the leader moves its VMs away by live migration\nand places nothing new on it.",
	"readmit": "Return a host to service: one in maintenance, or one fenced that has\nrebooted since (a new boot id), without waiting for its stable period.",
}

func runHostVerb(ctx context.Context, e *env, verb string, args []string, do func(*localapi.Client, context.Context, string) (localapi.HostDetail, error)) error {
	var d daemonFlags
	fs := newFlags(e, "host "+verb+" NAME [--socket PATH] [--config FILE] [--json]", hostVerbHelp[verb])
	d.register(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print JSON")
	name, err := nameArg(fs, args, "host")
	if err != nil {
		return err
	}
	c, err := d.client()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, daemonTimeout)
	defer cancel()
	h, err := do(c, ctx, name)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, h)
	}
	w := e.stdout
	fmt.Fprintf(w, "host %s: %s, risk %s", h.Name, h.State, h.Risk)
	if h.Reason != "" {
		fmt.Fprintf(w, " (%s)", h.Reason)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  management %s, boot id %s, %d MiB, %d vCPUs\n", h.Addresses.Management, h.BootID, h.Capacity.MemoryMiB, h.Capacity.VCPUs)
	for _, b := range h.BMC {
		fmt.Fprintf(w, "  bmc %s %s\n", b.Kind, b.Address)
	}
	wd := "none (never assumed to have fenced itself)"
	if h.WatchdogArmed {
		wd = "armed"
	}
	fmt.Fprintf(w, "  watchdog %s\n", wd)
	if h.Voter != nil {
		fmt.Fprintf(w, "  raft %s\n", map[bool]string{true: "voter", false: "non-voter"}[*h.Voter])
	}
	if l := h.Lease; l != nil {
		fmt.Fprintf(w, "  lease epoch %d until %s", l.Epoch, l.Expiry.Local().Format(time.TimeOnly))
		if l.Revoked {
			fmt.Fprint(w, " (revoked)")
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "  vms: %s\n", orDash(strings.Join(h.VMNames, ", ")))
	return nil
}
