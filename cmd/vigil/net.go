package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/vigil-ha/vigil/netfabric"
)

func runNet(ctx context.Context, e *env, args []string) error {
	return dispatch(ctx, e, "net", []subcommand{
		{"apply", "make this host's bridges, VLANs, VXLANs and VM taps match a fabric file", runNetApply},
		{"show", "what vigil manages on this host now", runNetShow},
		{"diff", "what `net apply` would change, as ip/bridge commands", runNetDiff},
	}, args)
}

// netResult is the JSON of `net apply` and `net diff`.
type netResult struct {
	File    string               `json:"file"`
	NetNS   string               `json:"netns,omitempty"`
	DryRun  bool                 `json:"dry_run"`
	Applied bool                 `json:"applied"`
	Changes int                  `json:"changes"`
	Steps   []netfabric.StepJSON `json:"steps"`
	Elapsed float64              `json:"elapsed_ms"`
}

func newNetResult(file, ns string, p *netfabric.Plan, start time.Time) *netResult {
	r := &netResult{File: file, NetNS: ns, Steps: []netfabric.StepJSON{}, Elapsed: float64(time.Since(start).Microseconds()) / 1000}
	for _, s := range p.Steps {
		r.Steps = append(r.Steps, netfabric.StepJSON{Op: s.Op(), Object: s.Object(), Command: netfabric.Command(s)})
	}
	r.Changes = len(r.Steps)
	return r
}

type netFlags struct {
	file    *string
	netns   *string
	asJSON  *bool
	timeout *time.Duration
}

func (n *netFlags) register(fs *flagSet, withFile bool) {
	if withFile {
		n.file = fs.String("f", "", "fabric `FILE` (YAML, version 1; see CLI.md)")
	}
	n.netns = fs.String("netns", "", "work inside the network namespace `NAME` (/run/netns/NAME)")
	n.asJSON = fs.Bool("json", false, "print JSON (CLI.md)")
	n.timeout = fs.Duration("timeout", 60*time.Second, "give up after `DURATION`")
}

// open loads the file (if any) and binds to the namespace.
func (n *netFlags) open() (*netfabric.Fabric, *netfabric.Host, error) {
	var f *netfabric.Fabric
	if n.file != nil {
		if *n.file == "" {
			return nil, nil, usagef("missing -f FILE")
		}
		var err error
		if f, err = netfabric.Load(*n.file); err != nil {
			return nil, nil, err
		}
	}
	h, err := netfabric.Open(netfabric.Options{NetNS: *n.netns})
	if err != nil {
		return nil, nil, err
	}
	return f, h, nil
}

func runNetApply(ctx context.Context, e *env, args []string) error {
	var n netFlags
	fs := newFlags(e, "net apply -f FILE [--netns NAME] [--dry-run] [--watch] [--json]",
		"Make this host's bridges, VLANs, VXLANs and VM taps match FILE. Only\n"+
			"interfaces vigil owns (alias \"vigil:...\") are changed; a file that\n"+
			"collides with anything else is refused before any change. Prints the\n"+
			"changes as the ip/bridge commands they stand for.")
	n.register(fs, true)
	dry := fs.Bool("dry-run", false, "print what would change, change nothing")
	watch := fs.Bool("watch", false, "after applying, keep repairing drift until interrupted")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if *dry && *watch {
		return usagef("--dry-run and --watch exclude each other")
	}
	f, h, err := n.open()
	if err != nil {
		return err
	}
	defer h.Close()
	actx, cancel := context.WithTimeout(ctx, *n.timeout)
	defer cancel()
	start := time.Now()
	var p *netfabric.Plan
	if *dry {
		p, err = h.Plan(actx, f)
	} else {
		p, err = h.ApplyFile(actx, f, *n.file)
	}
	if err != nil {
		if p != nil && !p.Empty() {
			fmt.Fprintf(e.stderr, "vigil net apply: stopped part way; the plan was:\n%s", p)
		}
		return err
	}
	r := newNetResult(*n.file, *n.netns, p, start)
	r.DryRun, r.Applied = *dry, !*dry
	if *n.asJSON {
		if err := writeJSON(e.stdout, r); err != nil {
			return err
		}
	} else {
		printPlan(e.stdout, p, *dry)
	}
	if !*watch {
		return nil
	}
	fmt.Fprintln(e.stderr, "vigil net apply: watching for drift (Ctrl-C to stop)")
	err = h.Watch(ctx, netfabric.WatchOptions{OnRepair: func(p *netfabric.Plan, err error) {
		if err != nil {
			fmt.Fprintf(e.stderr, "%s drift repair failed: %v\n", time.Now().Format(time.RFC3339), err)
			return
		}
		fmt.Fprintf(e.stderr, "%s drift repaired:\n%s", time.Now().Format(time.RFC3339), p)
	}})
	if err != nil {
		return err
	}
	return ctx.Err()
}

func runNetDiff(ctx context.Context, e *env, args []string) error {
	var n netFlags
	fs := newFlags(e, "net diff -f FILE [--netns NAME] [--json]",
		"What `vigil net apply -f FILE` would change on this host, as the ip/bridge\ncommands it stands for. Changes nothing.")
	n.register(fs, true)
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	f, h, err := n.open()
	if err != nil {
		return err
	}
	defer h.Close()
	ctx, cancel := context.WithTimeout(ctx, *n.timeout)
	defer cancel()
	start := time.Now()
	p, err := h.Plan(ctx, f)
	if err != nil {
		return err
	}
	if *n.asJSON {
		r := newNetResult(*n.file, *n.netns, p, start)
		r.DryRun = true
		return writeJSON(e.stdout, r)
	}
	printPlan(e.stdout, p, true)
	return nil
}

func printPlan(w io.Writer, p *netfabric.Plan, dry bool) {
	if p.Empty() {
		fmt.Fprintln(w, "no changes: the host matches the file")
		return
	}
	verb := "applied"
	if dry {
		verb = "would apply"
	}
	fmt.Fprintf(w, "# %s %d change(s):\n%s", verb, len(p.Steps), p)
}

func runNetShow(ctx context.Context, e *env, args []string) error {
	var n netFlags
	fs := newFlags(e, "net show [--netns NAME] [--json]", "What vigil manages on this host now: bridges and their ports with VLANs,\nVXLANs with their peers, VM taps.")
	n.register(fs, false)
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	_, h, err := n.open()
	if err != nil {
		return err
	}
	defer h.Close()
	ctx, cancel := context.WithTimeout(ctx, *n.timeout)
	defer cancel()
	v, err := h.Show(ctx)
	if err != nil {
		return err
	}
	if *n.asJSON {
		return writeJSON(e.stdout, v)
	}
	printView(e.stdout, v)
	return nil
}

func printView(w io.Writer, v *netfabric.View) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	defer tw.Flush()
	if len(v.Bridges)+len(v.VXLANs)+len(v.Taps)+len(v.Uplinks) == 0 {
		fmt.Fprintln(tw, "vigil manages nothing on this host")
		return
	}
	ints := func(s []int) string {
		if len(s) == 0 {
			return "-"
		}
		out := make([]string, len(s))
		for i, x := range s {
			out[i] = fmt.Sprint(x)
		}
		return strings.Join(out, ",")
	}
	for _, b := range v.Bridges {
		fmt.Fprintf(tw, "bridge %s\tvlan_filtering=%v\tmtu=%d\tup=%v\n", b.Name, b.VlanFiltering, b.MTU, b.Up)
		for _, p := range b.Ports {
			fmt.Fprintf(tw, "  port %s\t%s\tpvid=%d\tvlans=%s\tuntagged=%s\n", p.Name, p.Kind, p.PVID, ints(p.Vlans), ints(p.Untagged))
		}
	}
	tw.Flush()
	for _, x := range v.VXLANs {
		fmt.Fprintf(tw, "vxlan %s\tvni=%d\tlocal=%s\tport=%d\tlearning=%v\tbridge=%s\tremotes=%s\n",
			x.Name, x.VNI, x.Local, x.Port, x.Learning, x.Bridge, strings.Join(x.Remotes, ","))
	}
	tw.Flush()
	for _, t := range v.Taps {
		fmt.Fprintf(tw, "tap %s\tvm=%s\tbridge=%s\tvlan=%d\tmac=%s\tmtu=%d\tup=%v\n", t.Name, t.VM, t.Bridge, t.VLAN, t.MAC, t.MTU, t.Up)
	}
	tw.Flush()
	for _, a := range v.Addresses {
		fmt.Fprintf(tw, "address %s\ton %s\n", a.Address, a.Dev)
	}
}
