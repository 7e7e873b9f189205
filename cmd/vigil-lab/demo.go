package main

import (
	"context"
	"fmt"

	"github.com/vigil-ha/vigil/test/demo"
	"github.com/vigil-ha/vigil/test/lab"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo [--bmc ipmi|redfish] [--hosts N] [--json]",
		"Bring up a lab cluster on this machine (network namespaces, BMC simulators, QEMU guests),\n"+
			"inject failures, survive them and print a timeline. Needs root; `make demo` installs what it needs.")
	asJSON := fs.Bool("json", false, "print the report as JSON on stdout (the timeline still goes to stderr)")
	hosts := fs.Int("hosts", 3, "number of simulated hosts (3 to 50)")
	bmc := fs.String("bmc", "ipmi", "the hosts' BMCs: ipmi (ipmi_sim) or redfish (the Redfish simulator)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *hosts < 3 || *hosts > 50 {
		return usagef("--hosts %d: want 3 to 50 (the scenarios need three hosts)", *hosts)
	}
	kind, ok := map[string]lab.BMCKind{"ipmi": lab.IPMI, "redfish": lab.Redfish}[*bmc]
	if !ok {
		return usagef("--bmc %q: want ipmi or redfish", *bmc)
	}
	rep, err := demo.Run(ctx, demo.Options{Hosts: *hosts, BMC: kind, Out: e.stderr})
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
		fmt.Fprintf(e.stdout, "demo: %d scenarios passed (%s BMCs); staged: no vigil agent runs yet, the demo performs the agents' steps (see each scenario's note)\n", len(rep.Scenarios), *bmc)
	}
	return nil
}
