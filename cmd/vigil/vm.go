package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/agent/localapi"
)

// daemonTimeout bounds one request to the daemon.
const daemonTimeout = 30 * time.Second

func runVM(ctx context.Context, e *env, args []string) error {
	return dispatch(ctx, e, "vm", []subcommand{
		{"list", "the cluster's VMs: where they run, state, generation", runVMList},
		{"show", "one VM: its state and its spec", runVMShow},
		{"create", "add a VM from a VM file (-f FILE); the cluster places it", runVMCreate},
		{"start", "ask for a VM to run", func(ctx context.Context, e *env, args []string) error {
			return runVMChange(ctx, e, "start", args, (*localapi.Client).StartVM)
		}},
		{"stop", "ask for a VM to stop", func(ctx context.Context, e *env, args []string) error {
			return runVMChange(ctx, e, "stop", args, (*localapi.Client).StopVM)
		}},
		{"migrate", "live-migrate a VM to another host (--to HOST)", runVMMigrate},
	}, args)
}

// nameArg takes a command's NAME, before or after its flags.
func nameArg(fs *flagSet, args []string, what string) (string, error) {
	var name string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args, boolInt(name == "")); err != nil {
		return "", err
	}
	if name == "" {
		name = fs.Arg(0)
	}
	if name == "" {
		return "", usagef("missing %s name", what)
	}
	return name, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func runVMList(ctx context.Context, e *env, args []string) error {
	var d daemonFlags
	fs := newFlags(e, "vm list [--socket PATH] [--config FILE] [--json]", "The cluster's VMs as the local daemon sees them: the host each is placed on,\nits state (running, starting, migrating, stopped, recovering, held), its\ngeneration and priority.")
	d.register(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print JSON (CLI.md)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	c, err := d.client()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, daemonTimeout)
	defer cancel()
	vms, err := c.ListVMs(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if vms == nil {
			vms = []localapi.VM{}
		}
		return writeJSON(e.stdout, vms)
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "VM\tHOST\tSTATE\tGENERATION\tPRIORITY\tMEMORY\tVCPUS")
	for _, v := range vms {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d MiB\t%d\n", v.Name, orDash(v.Host), v.State, v.Generation, v.Priority, v.MemoryMiB, v.VCPUs)
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func runVMShow(ctx context.Context, e *env, args []string) error {
	var d daemonFlags
	fs := newFlags(e, "vm show NAME [--socket PATH] [--config FILE] [--json]", "One VM: where it runs, its state, generation and spec.")
	d.register(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print JSON")
	name, err := nameArg(fs, args, "VM")
	if err != nil {
		return err
	}
	c, err := d.client()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, daemonTimeout)
	defer cancel()
	v, err := c.ShowVM(ctx, name)
	if err != nil {
		return err
	}
	return printVM(e, v, *asJSON)
}

func printVM(e *env, v localapi.VMDetail, asJSON bool) error {
	if asJSON {
		return writeJSON(e.stdout, v)
	}
	w := e.stdout
	fmt.Fprintf(w, "vm %s: %s on %s, generation %d (desired %s)\n", v.Name, v.State, orDash(v.Host), v.Generation, v.Desired)
	if v.Reason != "" {
		fmt.Fprintf(w, "  reason: %s\n", v.Reason)
	}
	s := v.Spec
	fmt.Fprintf(w, "  %d vCPUs, %d MiB, priority %d, rto %v", s.VCPUs, s.MemoryMiB, s.HA.Priority, s.HA.RTO)
	if s.HA.Group != "" {
		fmt.Fprintf(w, ", group %s", s.HA.Group)
	}
	fmt.Fprintln(w)
	for _, d := range s.Disks {
		fmt.Fprintf(w, "  disk %s (%s)\n", d.Path, d.Format)
	}
	for _, n := range s.NICs {
		seg := ""
		switch {
		case n.VLAN != 0:
			seg = fmt.Sprintf(" vlan %d", n.VLAN)
		case n.VNI != 0:
			seg = fmt.Sprintf(" vni %d", n.VNI)
		}
		fmt.Fprintf(w, "  nic %s on %s%s\n", n.MAC, n.Bridge, seg)
	}
	if len(s.Extra) > 0 {
		fmt.Fprintf(w, "  extra: %s\n", strings.Join(s.Extra, " "))
	}
	return nil
}

func runVMCreate(ctx context.Context, e *env, args []string) error {
	var d daemonFlags
	fs := newFlags(e, "vm create -f FILE [--socket PATH] [--config FILE] [--json]", "Add a VM from its VM file (CLI.md). The file is checked here first, every\nproblem named with its file, line and key; the cluster then checks it\nagainst admission control and places it.")
	d.register(fs.FlagSet)
	file := fs.String("f", "", "the VM `FILE`")
	asJSON := fs.Bool("json", false, "print the created VM as JSON")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if *file == "" {
		return usagef("missing -f FILE (the VM file)")
	}
	data, err := os.ReadFile(*file)
	if err != nil {
		return err
	}
	spec, err := config.ParseVM(*file, data)
	var problems config.Errors
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Fprintln(e.stderr, p)
		}
		return reported(err)
	}
	if err != nil {
		return err
	}
	c, err := d.client()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, daemonTimeout)
	defer cancel()
	v, err := c.CreateVM(ctx, spec)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, v)
	}
	fmt.Fprintf(e.stdout, "vm %s created: the cluster places it\n", v.Name)
	return nil
}

func runVMChange(ctx context.Context, e *env, verb string, args []string, do func(*localapi.Client, context.Context, string) (localapi.VMDetail, error)) error {
	var d daemonFlags
	fs := newFlags(e, "vm "+verb+" NAME [--socket PATH] [--config FILE] [--json]", "Ask the cluster for the VM to "+map[string]string{"start": "run", "stop": "stop"}[verb]+"; its host acts on it.")
	d.register(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print the VM as JSON")
	name, err := nameArg(fs, args, "VM")
	if err != nil {
		return err
	}
	c, err := d.client()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, daemonTimeout)
	defer cancel()
	v, err := do(c, ctx, name)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, v)
	}
	fmt.Fprintf(e.stdout, "vm %s: desired %s (now %s on %s)\n", v.Name, v.Desired, v.State, orDash(v.Host))
	return nil
}

func runVMMigrate(ctx context.Context, e *env, args []string) error {
	var d daemonFlags
	fs := newFlags(e, "vm migrate NAME --to HOST [--socket PATH] [--config FILE] [--json]", "Live-migrate a running VM to another host, network first.")
	d.register(fs.FlagSet)
	to := fs.String("to", "", "the target `HOST`")
	asJSON := fs.Bool("json", false, "print the VM as JSON")
	name, err := nameArg(fs, args, "VM")
	if err != nil {
		return err
	}
	if *to == "" {
		return usagef("missing --to HOST")
	}
	c, err := d.client()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, daemonTimeout)
	defer cancel()
	v, err := c.MigrateVM(ctx, name, *to)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, v)
	}
	fmt.Fprintf(e.stdout, "vm %s: migrating to %s\n", v.Name, *to)
	return nil
}
