// Command vigil-lab runs vigil's lab on one machine: the demo now, the
// chaos runner next. It links the lab (network namespaces, the ipmi_sim and
// Redfish BMC simulators, the test guest and its builder, nftables editing),
// which the agent binary, cmd/vigil, never does.
//
// Every subcommand lives in its own file and is listed in commands below.
// Usage errors (unknown commands or flags, missing arguments) exit 2; a
// command that could not do what it says exits 1.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one top-level subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// env is what a subcommand may touch of the process: its output streams.
// Tests substitute their own.
type env struct {
	stdout io.Writer
	stderr io.Writer
}

func commands() []command {
	return []command{
		{"demo", "run a lab cluster on this machine and survive injected failures", runDemo},
		{"chaos", "randomized faults against real agents in the lab, checked after every run", runChaos},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
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
		if c.name == name {
			return exitCode(e.stderr, "vigil-lab "+name, c.run(ctx, e, args[1:]))
		}
	}
	fmt.Fprintf(e.stderr, "vigil-lab: unknown command %q (see 'vigil-lab --help')\n", name)
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
	fmt.Fprintf(stderr, "%s: %v\n", prefix, err)
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "vigil-lab: vigil's lab on one machine (namespaces, BMC simulators, test guests)")
	fmt.Fprintln(w, "\nUsage: vigil-lab COMMAND [FLAGS]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-6s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'vigil-lab COMMAND --help' for a command's flags.")
}

// usageError marks a wrong invocation; it exits 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }
