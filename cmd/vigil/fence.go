package main

import (
	"context"
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/fencing/ipmi"
	"github.com/vigil-ha/vigil/fencing/redfish"
	"github.com/vigil-ha/vigil/internal/rmcp"
)

func runFence(ctx context.Context, e *env, args []string) error {
	return dispatch(ctx, e, "fence", []subcommand{
		{"off", "power the host off and return once the BMC reads it back off", fenceVerb(fencing.ActionOff)},
		{"on", "power the host on and return once the BMC reads it back on", fenceVerb(fencing.ActionOn)},
		{"cycle", "power off (confirmed), then on (confirmed)", fenceVerb(fencing.ActionCycle)},
		{"status", "read the power state", fenceVerb(fencing.ActionStatus)},
	}, args)
}

// fenceOutput is the `vigil fence --json` shape (CLI.md) plus, on failure,
// {"error": {"kind", "message"}} (bmcerrors.go).
type fenceOutput struct {
	fencing.Result
	Error *jsonError `json:"error,omitempty"`
}

func fenceVerb(a fencing.Action) func(ctx context.Context, e *env, args []string) error {
	return func(ctx context.Context, e *env, args []string) error {
		var b bmcFlags
		summary := map[fencing.Action]string{
			fencing.ActionOff:    "Power a host off through its BMC (IPMI chassis power off, Redfish ForceOff) and\nreturn only once the BMC reads the power back as off; otherwise fail with the\nlast state seen. Equivalent to: fence_ipmilan -o off.",
			fencing.ActionOn:     "Power a host on through its BMC and return once it reads back on.",
			fencing.ActionCycle:  "Power a host off (confirmed off), then on (confirmed on).",
			fencing.ActionStatus: "Read a host's power state from its BMC.",
		}[a]
		fs := newFlags(e, "fence "+string(a)+" BMC-FLAGS [--json]", summary+"\n\n"+bmcExitHelp())
		b.register(fs.FlagSet)
		asJSON := fs.Bool("json", false, "print JSON (CLI.md) instead of a line of text")
		if err := parseFlags(fs, args, 0); err != nil {
			return err
		}
		out := fenceOutput{Result: fencing.Result{Action: a, Driver: "ipmi", Target: b.target(), Power: fencing.PowerUnknown}}
		if b.redfish != "" {
			out.Driver = "redfish"
		}
		err := fence(ctx, e, &b, a, &out.Result)
		out.Error = newJSONError(err, b.verbose)
		if *asJSON {
			if werr := writeJSON(e.stdout, out); werr != nil && err == nil {
				err = werr
			}
		} else if err == nil {
			printFence(e, out.Result)
		}
		return err
	}
}

// fence checks the flags, opens the BMC and does a, filling res.
func fence(ctx context.Context, e *env, b *bmcFlags, a fencing.Action, res *fencing.Result) error {
	if err := b.check(); err != nil {
		return err
	}
	pw, err := b.password(e)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, b.timeout)
	defer cancel()
	start := time.Now()
	f, err := openFencer(ctx, b, pw)
	if err == nil {
		var r fencing.Result
		r, err = fencing.Do(ctx, f, a, fencing.Confirm{})
		*res = r
		f.Close()
	}
	res.Elapsed = time.Since(start)
	res.ElapsedMS = res.Elapsed.Milliseconds()
	return b.explain(ctx, err)
}

func printFence(e *env, r fencing.Result) {
	switch {
	case r.Action == fencing.ActionStatus:
		fmt.Fprintf(e.stdout, "%s (%s): power %s\n", r.Target, r.Driver, r.Power)
	default:
		fmt.Fprintf(e.stdout, "%s (%s): power %s, confirmed in %d ms\n", r.Target, r.Driver, r.Power, r.ElapsedMS)
	}
}

// openFencer connects to the BMC the flags name.
func openFencer(ctx context.Context, b *bmcFlags, pw string) (fencing.Fencer, error) {
	if b.ipmi != "" {
		host, port, err := b.ipmiAddr()
		if err != nil {
			return nil, err
		}
		if err := rmcp.CheckCredentials(host, b.user, pw); err != nil {
			return nil, usagef("--ipmi: %v", err)
		}
		p := b.ipmiPolicy()
		return ipmi.Dial(ctx, ipmi.Config{Host: host, Port: port, User: b.user, Password: pw,
			CipherSuite: p.Suite, AllowWeakCipher: p.AllowWeak})
	}
	cfg := redfish.Config{URL: b.redfish, User: b.user, Password: pw, System: b.system, Insecure: b.insecure,
		AllowPlainHTTP: b.allowPlainHTTP}
	if _, err := cfg.Endpoint(); err != nil {
		return nil, usagef("--redfish: %v", err)
	}
	return redfish.Dial(ctx, cfg)
}
