// Command vigil is the agent's binary: the daemon and the technician's
// commands that talk to BMCs, QEMU and netlink directly. It links no test
// code: the lab and its demo are cmd/vigil-lab.
//
// Every subcommand lives in its own file and is listed in commands below.
// Usage errors (unknown commands or flags, missing arguments) exit 2; a
// command that could not do what it says exits 1, or, when a BMC refused or
// did not answer, the exit code of the cause (bmcerrors.go: 3 unreachable,
// 4 wrong credentials, 5 insufficient privilege, 6 cipher or TLS refused,
// 7 unsupported).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// command is one top-level subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// env is what a subcommand may touch of the process: its output streams and
// environment. Tests substitute their own.
type env struct {
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

func commands() []command {
	return []command{
		{"version", "print version, commit and Go version", runVersion},
		{"sensors", "read a BMC's sensors and log, or this host's kernel view", runSensors},
		{"health", "one BMC poll plus the failure prediction", runHealth},
		{"fence", "power control of a peer through its BMC, with confirmation", runFence},
		{"qmp", "talk to a QEMU process over QMP: status, live migration", runQMP},
		{"net", "reconcile this host's bridges, VLANs, VXLANs and VM taps", runNet},
		{"config", "check the agent's config file", runConfig},
		{"agent", "the daemon: sensors, prediction, events, the local API", runAgent},
		{"status", "the cluster as the local daemon sees it", runStatus},
		{"events", "the daemon's audit log, or follow it", runEvents},
		{"vm", "the cluster's VMs through the daemon: list, show, create, start, stop, migrate", runVM},
		{"host", "a cluster host through the daemon: show, drain, readmit", runHost},
		{"tui", "the technician's console view of the daemon", runTUI},
		{"witness", "the VM-less third voter of two-host clusters", runWitness},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches args to a subcommand and maps its error to an exit code.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		printUsage(e.stderr)
		return 2
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "help" {
		printUsage(e.stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		err := c.run(ctx, e, args[1:])
		return exitCode(e.stderr, "vigil "+name, err)
	}
	fmt.Fprintf(e.stderr, "vigil: unknown command %q (see 'vigil --help')\n", name)
	return 2
}

func exitCode(stderr io.Writer, prefix string, err error) int {
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "%s: interrupted\n", prefix)
		return 130
	}
	var re reportedError
	if errors.As(err, &re) {
		return 1
	}
	fmt.Fprintf(stderr, "%s: %v\n", prefix, err)
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	if code, ok := bmcExitCode(err); ok {
		return code
	}
	return 1
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "vigil: high-availability agent for KVM/QEMU hosts")
	fmt.Fprintln(w, "\nUsage: vigil COMMAND [FLAGS]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'vigil COMMAND --help' for a command's flags.")
}

// reportedError is a failure the command has already explained on
// stderr; it exits 1 without another line.
type reportedError struct{ error }

func reported(err error) error { return reportedError{err} }

// usageError marks a wrong invocation; it exits 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// subcommand is one verb of a command with verbs (`vigil fence off`).
type subcommand struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// dispatch runs the verb named by args[0] among subs.
func dispatch(ctx context.Context, e *env, parent string, subs []subcommand, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := e.stderr
		if len(args) > 0 {
			w = e.stdout
		}
		fmt.Fprintf(w, "Usage: vigil %s VERB [FLAGS]\n\nVerbs:\n", parent)
		for _, s := range subs {
			fmt.Fprintf(w, "  %-8s %s\n", s.name, s.summary)
		}
		if len(args) == 0 {
			return usagef("missing verb: one of %s", verbNames(subs))
		}
		return errHelp
	}
	for _, s := range subs {
		if s.name == args[0] {
			return s.run(ctx, e, args[1:])
		}
	}
	return usagef("unknown verb %q for %s: one of %s", args[0], parent, verbNames(subs))
}

func verbNames(subs []subcommand) string {
	names := make([]string, len(subs))
	for i, s := range subs {
		names[i] = s.name
	}
	return strings.Join(names, ", ")
}
