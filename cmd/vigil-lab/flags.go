package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
)

// errHelp is returned when --help was asked for and printed; it exits 0.
var errHelp = errors.New("help shown")

// flagSet is a subcommand's flags plus the help text --help prints.
type flagSet struct {
	*flag.FlagSet
	help func()
}

// newFlags returns a flag set for `vigil-lab USAGE` that prints its help to
// the command's stdout on --help, stays silent on errors (the caller
// reports them) and never exits the process.
func newFlags(e *env, usage, summary string) *flagSet {
	fs := flag.NewFlagSet(usage, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	help := func() {
		fmt.Fprintf(e.stdout, "Usage: vigil-lab %s\n\n%s\n\nFlags:\n", usage, summary)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return &flagSet{FlagSet: fs, help: help}
}

// parseFlags parses args, turning flag errors into usage errors (exit 2),
// --help into errHelp (exit 0), and refusing positional arguments.
func parseFlags(fs *flagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.help()
			return errHelp
		}
		return usagef("%v (see --help)", err)
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

// writeJSON prints v as indented JSON to w.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
