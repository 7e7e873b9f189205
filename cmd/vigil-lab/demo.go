package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/vigil-ha/vigil/test/demo"
	"github.com/vigil-ha/vigil/test/lab"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo [--bmc ipmi|redfish] [--json] [--vigil PATH]",
		"Bring up a 3-host lab cluster on this machine (network namespaces, BMC simulators, one real\n"+
			"`vigil agent` per host, six QEMU test guests created through `vigil vm create`), inject failures,\n"+
			"watch the agents survive them and print a timeline of their own events. Exits 1 when a scenario\n"+
			"did not pass, including one the agents cannot do yet. Needs root; `make demo` installs what it needs.")
	asJSON := fs.Bool("json", false, "print the report as JSON on stdout (CLI.md's demo shape; the timeline goes to stderr)")
	bmc := fs.String("bmc", "ipmi", "the hosts' BMCs: ipmi (ipmi_sim) or redfish (the Redfish simulator)")
	vigil := fs.String("vigil", "", "the vigil binary the agents run (default: vigil beside vigil-lab, as `make build` puts it)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	kind, ok := map[string]lab.BMCKind{"ipmi": lab.IPMI, "redfish": lab.Redfish}[*bmc]
	if !ok {
		return usagef("--bmc %q: want ipmi or redfish", *bmc)
	}
	bin, err := vigilBinary(*vigil)
	if err != nil {
		return err
	}
	out := e.stdout
	if *asJSON {
		out = e.stderr
	}
	rep, err := demo.Run(ctx, demo.Options{BMC: kind, Vigil: bin, Out: out})
	if err != nil {
		return err
	}
	if *asJSON {
		if err := writeJSON(e.stdout, rep); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "demo: %d scenarios in %.1f s (%s BMCs)\n", len(rep.Scenarios), float64(rep.TotalMS)/1000, rep.BMC)
	for _, s := range rep.Scenarios {
		verdict := "passed"
		switch {
		case s.Unsupported != "":
			verdict = "NOT PASSED (not supported by the agents yet)"
		case !s.Passed:
			verdict = "NOT PASSED"
		}
		fmt.Fprintf(out, "  %-32s %s\n", s.Name, verdict)
	}
	if failed := rep.Failed(); len(failed) > 0 {
		var names []string
		for _, s := range failed {
			names = append(names, s.Name)
		}
		return fmt.Errorf("%d of %d scenarios did not pass: %s", len(failed), len(rep.Scenarios), strings.Join(names, ", "))
	}
	return nil
}

// vigilBinary is the vigil binary the demo's agents run: flag, else the
// vigil beside this executable.
func vigilBinary(flag string) (string, error) {
	if flag != "" {
		if _, err := os.Stat(flag); err != nil {
			return "", usagef("--vigil: %v", err)
		}
		return flag, nil
	}
	self, err := os.Executable()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(filepath.Dir(self), "vigil")
	if _, err := os.Stat(bin); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("no vigil binary beside %s: run `make build` or pass --vigil PATH", self)
		}
		return "", err
	}
	return bin, nil
}
