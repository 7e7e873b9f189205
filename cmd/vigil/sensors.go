package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/vigil-ha/vigil/internal/rmcp"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/host"
	"github.com/vigil-ha/vigil/sensors/ipmi"
	"github.com/vigil-ha/vigil/sensors/redfish"
)

func runSensors(ctx context.Context, e *env, args []string) error {
	return dispatch(ctx, e, "sensors", []subcommand{
		{"read", "one poll of a BMC: every sensor reading and the new log entries", runSensorsRead},
		{"host", "this host's kernel view: EDAC per DIMM, hwmon, thermal zones, MCE, disk errors", runSensorsHost},
	}, args)
}

func runSensorsRead(ctx context.Context, e *env, args []string) error {
	var b bmcFlags
	fs := newFlags(e, "sensors read BMC-FLAGS [--json]", "One poll of a BMC: every sensor reading with its thresholds and\ndecoded states, and the log entries (SEL) it holds.\n\n"+bmcExitHelp())
	b.register(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print JSON (CLI.md) instead of a table")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	p, err := pollBMC(ctx, e, &b, nil)
	if err != nil {
		return failJSON(e, *asJSON, &b, err)
	}
	if *asJSON {
		return writeJSON(e.stdout, p)
	}
	printPoll(e.stdout, p)
	return nil
}

func runSensorsHost(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sensors host [--sysfs DIR] [--procfs DIR] [--json]", "This host's kernel view of its hardware.")
	sysfs := fs.String("sysfs", "/sys", "sysfs root `DIR`")
	procfs := fs.String("procfs", "/proc", "procfs root `DIR`")
	asJSON := fs.Bool("json", false, "print JSON (CLI.md) instead of a table")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	p, err := host.New(host.Config{SysfsRoot: *sysfs, ProcfsRoot: *procfs}).Poll(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, p)
	}
	printPoll(e.stdout, p)
	return nil
}

// pollBMC checks the flags, reads the password and does one poll of the
// BMC within --timeout. Its errors carry internal/bmc's causes (the exit
// code and JSON kind follow from them). cur, when not nil, gives the reader
// the event-log cursors of an earlier run and takes the new ones after a
// poll (health --history).
func pollBMC(ctx context.Context, e *env, b *bmcFlags, cur *logCursors) (*sensors.Poll, error) {
	if err := b.check(); err != nil {
		return nil, err
	}
	pw, err := b.password(e)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, b.timeout)
	defer cancel()
	r, err := openBMC(b, pw)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if cur != nil {
		if err := cur.give(r); err != nil {
			return nil, err
		}
	}
	p, err := r.Poll(ctx)
	if err == nil && cur != nil {
		cur.take(r)
	}
	return p, b.explain(ctx, err)
}

func openBMC(b *bmcFlags, pw string) (sensors.Reader, error) {
	if b.ipmi != "" {
		h, port, err := b.ipmiAddr()
		if err != nil {
			return nil, err
		}
		if err := rmcp.CheckCredentials(h, b.user, pw); err != nil {
			return nil, usagef("--ipmi: %v", err)
		}
		p := b.ipmiPolicy()
		return ipmi.New(ipmi.Config{Host: h, Port: port, User: b.user, Password: pw,
			CipherSuite: p.Suite, AllowWeakCipher: p.AllowWeak, PollTimeout: b.timeout}), nil
	}
	return redfish.New(redfish.Config{URL: b.redfish, User: b.user, Password: pw, Insecure: b.insecure,
		AllowPlainHTTP: b.allowPlainHTTP, System: b.system, PollTimeout: b.timeout}), nil
}

// failJSON prints {"error": {"kind", "message"}} on stdout when the
// command was asked for JSON, and returns err for stderr and the exit code.
func failJSON(e *env, asJSON bool, b *bmcFlags, err error) error {
	if asJSON {
		_ = writeJSON(e.stdout, struct {
			Error *jsonError `json:"error"`
		}{newJSONError(err, b.verbose)})
	}
	return err
}

func fmtValue(r sensors.Reading) string {
	if r.Value == nil {
		if len(r.States) > 0 {
			return strings.Join(r.States, ", ")
		}
		return "-"
	}
	return strconv.FormatFloat(*r.Value, 'f', -1, 64) + " " + string(r.Unit)
}

func printPoll(w io.Writer, p *sensors.Poll) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "NAME\tKIND\tVALUE\tSTATUS\n")
	for _, r := range p.Readings {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Name, r.Kind, fmtValue(r), r.Status)
	}
	tw.Flush()
	if len(p.Events) > 0 {
		fmt.Fprintf(w, "\n%d log entries:\n", len(p.Events))
		for _, ev := range p.Events {
			fmt.Fprintf(w, "  %s  %-8s  %s\n", ev.Time.Format("2006-01-02 15:04:05"), ev.Severity, ev.Message)
		}
	}
	for _, s := range p.Skipped {
		fmt.Fprintf(w, "skipped: %s\n", s)
	}
}
