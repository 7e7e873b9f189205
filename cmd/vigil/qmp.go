package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/qmp"
)

func runQMP(ctx context.Context, e *env, args []string) error {
	return dispatch(ctx, e, "qmp", []subcommand{
		{"status", "VM status through its QMP socket", runQMPStatus},
		{"migrate", "live-migrate between two running QEMUs (the target started with -incoming defer)", runQMPMigrate},
	}, args)
}

// qmpStatus is `vigil qmp status --json`.
type qmpStatus struct {
	Socket      string   `json:"socket"`
	Status      string   `json:"status"`
	Running     bool     `json:"running"`
	QEMUVersion string   `json:"qemu_version"`
	Name        string   `json:"name,omitempty"`
	UUID        string   `json:"uuid,omitempty"`
	Migration   string   `json:"migration,omitempty"` // query-migrate status, if any
	Blocks      []string `json:"block_devices"`
}

func runQMPStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "qmp status --socket PATH [--json]", "Ask a QEMU process for its VM's run state over a QMP unix socket.\nUse the VM's admin socket (qmp-admin.sock) while the agent holds the main one.")
	socket := fs.String("socket", "", "QMP unix socket `PATH` (required)")
	timeout := fs.Duration("timeout", 10*time.Second, "give up after `DURATION`")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if *socket == "" {
		return usagef("--socket is required")
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	c, err := qmp.Dial(ctx, *socket)
	if err != nil {
		return busyHint(err)
	}
	defer c.Close()
	st, err := qmp.Status(ctx, c)
	if err != nil {
		return err
	}
	out := qmpStatus{Socket: *socket, Status: st.Status, Running: st.Running, QEMUVersion: c.Version().String(), Blocks: []string{}}
	var name struct {
		Name string `json:"name"`
	}
	if c.Run(ctx, "query-name", nil, &name) == nil {
		out.Name = name.Name
	}
	var uuid struct {
		UUID string `json:"UUID"`
	}
	if c.Run(ctx, "query-uuid", nil, &uuid) == nil && uuid.UUID != "00000000-0000-0000-0000-000000000000" {
		out.UUID = uuid.UUID
	}
	var mig qmp.MigrationInfo
	if c.Run(ctx, "query-migrate", nil, &mig) == nil {
		out.Migration = mig.Status
	}
	var blocks []struct {
		Device   string `json:"device"`
		QDev     string `json:"qdev"`
		Inserted *struct {
			File string `json:"file"`
		} `json:"inserted"`
	}
	if c.Run(ctx, "query-block", nil, &blocks) == nil {
		for _, b := range blocks {
			if b.Inserted != nil {
				out.Blocks = append(out.Blocks, b.Device+"="+b.Inserted.File)
			}
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, out)
	}
	fmt.Fprintf(e.stdout, "status:  %s\n", out.Status)
	if out.Name != "" {
		fmt.Fprintf(e.stdout, "name:    %s\n", out.Name)
	}
	if out.UUID != "" {
		fmt.Fprintf(e.stdout, "uuid:    %s\n", out.UUID)
	}
	fmt.Fprintf(e.stdout, "qemu:    %s\n", out.QEMUVersion)
	if out.Migration != "" {
		fmt.Fprintf(e.stdout, "migration: %s\n", out.Migration)
	}
	for _, b := range out.Blocks {
		fmt.Fprintf(e.stdout, "disk:    %s\n", b)
	}
	return nil
}

// busyHint explains the usual reason a QMP socket does not greet.
func busyHint(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w (a QMP socket serves one client at a time: is the agent connected? use the VM's qmp-admin.sock)", err)
	}
	return err
}

func runQMPMigrate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "qmp migrate --socket SRC --target-socket DST --uri tcp:HOST:PORT [--downtime-ms N] [--bandwidth BYTES/S] [--json]",
		"Live-migrate the VM of the QEMU on --socket to the QEMU on --target-socket, which\n"+
			"must have been started with -incoming defer. Progress goes to stderr, a summary\n"+
			"to stdout. On failure or interrupt the target QEMU is killed (SIGKILL by the pid\n"+
			"its socket reports) and the VM resumes on the source only once the target is\n"+
			"confirmed gone; if it cannot be, both stay paused and the error says so.\n"+
			"Exit 0 only when the VM runs on the target.")
	src := fs.String("socket", "", "source QMP unix socket `PATH` (required)")
	dst := fs.String("target-socket", "", "target QMP unix socket `PATH` (required)")
	uri := fs.String("uri", "", "migration `URI` the source connects to, tcp:HOST:PORT on the migration network (required)")
	listen := fs.String("listen-uri", "", "`URI` the target listens on (default --uri)")
	downtime := fs.Int("downtime-ms", 50, "downtime limit in `MS`")
	maxDowntime := fs.Int("max-downtime-ms", 0, "downtime budget in `MS` escalation may raise the limit to (default --downtime-ms)")
	bw := fs.Int64("bandwidth", 0, "migration link capacity in `BYTES/S` (0: unlimited; QEMU's own default is 128 MiB/s)")
	autoConverge := fs.Bool("auto-converge", true, "throttle vCPUs when the guest outruns the link")
	postcopy := fs.Bool("postcopy", false, "allow post-copy as the last escalation (gives up rollback)")
	multifd := fs.Int("multifd", 0, "parallel RAM streams `N` (0: one stream)")
	stall := fs.Duration("stall-timeout", 10*time.Second, "cancel after `DURATION` without progress")
	step := fs.Duration("step-timeout", 5*time.Second, "time each escalation step gets")
	timeout := fs.Duration("timeout", 30*time.Minute, "cancel after `DURATION` in all")
	tlsDir := fs.String("tls-dir", "", "x509 credentials `DIR` (ca-cert.pem, server-*.pem, client-*.pem) to encrypt the stream")
	tlsHost := fs.String("tls-hostname", "", "`NAME` the target's certificate must carry (default: the URI's host)")
	keep := fs.Bool("keep-source", false, "leave the paused source process after success")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	verbose := fs.Bool("v", false, "log every step to stderr")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	for flag, v := range map[string]string{"--socket": *src, "--target-socket": *dst, "--uri": *uri} {
		if v == "" {
			return usagef("%s is required", flag)
		}
	}
	if *downtime <= 0 || *maxDowntime < 0 || *bw < 0 || *multifd < 0 {
		return usagef("--downtime-ms must be > 0; --max-downtime-ms, --bandwidth and --multifd >= 0")
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	dctx, dcancel := context.WithTimeout(ctx, 10*time.Second)
	defer dcancel()
	sm, err := qmp.Dial(dctx, *src)
	if err != nil {
		return fmt.Errorf("source: %w", busyHint(err))
	}
	defer sm.Close()
	dm, err := qmp.Dial(dctx, *dst)
	if err != nil {
		return fmt.Errorf("target: %w", busyHint(err))
	}
	defer dm.Close()
	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelInfo
	}
	opt := qmp.MigrateOptions{
		URI: *uri, ListenURI: *listen, Bandwidth: *bw,
		DowntimeLimit: time.Duration(*downtime) * time.Millisecond,
		MaxDowntime:   time.Duration(*maxDowntime) * time.Millisecond,
		AutoConverge:  *autoConverge, AllowPostcopy: *postcopy, MultifdChannels: *multifd,
		StallTimeout: *stall, StepTimeout: *step, KeepSource: *keep,
		Progress: progressPrinter(e.stderr),
		Logger:   slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level})),
	}
	if *tlsDir != "" {
		opt.TLS = &qmp.TLS{Dir: *tlsDir, Hostname: *tlsHost}
	}
	res, err := qmp.Migrate(ctx, sm, dm, opt)
	if *asJSON {
		if jerr := writeJSON(e.stdout, res); jerr != nil && err == nil {
			err = jerr
		}
	} else {
		printResult(e.stdout, res)
	}
	return err
}

// progressPrinter prints a progress line to w at most every half second.
func progressPrinter(w io.Writer) func(qmp.Progress) {
	var last time.Time
	return func(p qmp.Progress) {
		if time.Since(last) < 500*time.Millisecond && p.Status == "active" {
			return
		}
		last = time.Now()
		pct := 0.0
		if p.Total > 0 {
			pct = 100 * float64(p.Total-min(p.Remaining, p.Total)) / float64(p.Total)
		}
		line := fmt.Sprintf("migrate: %-14s %5.1fs sent %s, %3.0f%% of RAM, %.0f Mbit/s, dirty %s/s, pass %d",
			p.Status, p.Elapsed.Seconds(), size(p.Transferred), pct, p.Mbps, size(p.DirtyRate), p.Pass)
		if p.ExpectedDowntime > 0 {
			line += fmt.Sprintf(", expected downtime %v", p.ExpectedDowntime)
		}
		if p.Throttle > 0 {
			line += fmt.Sprintf(", throttle %d%%", p.Throttle)
		}
		if p.Step != "" {
			line += ", step " + p.Step
		}
		fmt.Fprintln(w, line)
	}
}

func size(b uint64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%d B", b)
}

func printResult(w io.Writer, r qmp.Result) {
	fmt.Fprintf(w, "status:      %s\n", r.Status)
	if r.Reason != "" {
		fmt.Fprintf(w, "reason:      %s\n", r.Reason)
	}
	fmt.Fprintf(w, "total:       %d ms (setup %d ms, wall %d ms)\n", r.TotalMs, r.SetupMs, r.WallMs)
	fmt.Fprintf(w, "downtime:    %d ms (QEMU), guest paused %.1f ms (STOP to RESUME)\n", r.DowntimeMs, r.PausedMs)
	fmt.Fprintf(w, "transferred: %s at %.0f Mbit/s\n", size(r.TransferredBytes), r.ThroughputMbps)
	if len(r.Steps) > 0 {
		fmt.Fprintf(w, "escalations: %s\n", strings.Join(r.Steps, ", "))
	}
}
