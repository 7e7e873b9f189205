package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
)

func runEvents(ctx context.Context, e *env, args []string) error {
	var d daemonFlags
	fs := newFlags(e, "events [--follow] [--after SEQ] [--socket PATH] [--config FILE] [--json]", "The audit log of the local daemon: detections, risks, fences, starts,\nmigrations, each with its reasons. --follow keeps printing new events.")
	d.register(fs.FlagSet)
	follow := fs.Bool("follow", false, "keep printing new events until interrupted (with --json, one object per line)")
	after := fs.Uint64("after", 0, "only events after sequence number `SEQ`")
	asJSON := fs.Bool("json", false, "print JSON (CLI.md): an array, or one object per line with --follow")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	c, err := d.client()
	if err != nil {
		return err
	}
	if !*follow {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
	}
	var all []localapi.Event
	enc := json.NewEncoder(e.stdout)
	err = c.Events(ctx, *after, *follow, func(ev localapi.Event) error {
		switch {
		case *asJSON && *follow:
			return enc.Encode(ev)
		case *asJSON:
			all = append(all, ev)
			return nil
		}
		vm := ""
		if ev.VM != "" {
			vm = " vm " + ev.VM
		}
		_, err := fmt.Fprintf(e.stdout, "%s  %-17s %s%s  %s\n", ev.Time.Local().Format("2006-01-02 15:04:05.000"), ev.Kind, ev.Host, vm, ev.Message)
		return err
	})
	if *follow && ctx.Err() != nil {
		// Interrupted while following: that is how following ends.
		return nil
	}
	if err != nil {
		return err
	}
	if *asJSON && !*follow {
		if all == nil {
			all = []localapi.Event{}
		}
		return writeJSON(e.stdout, all)
	}
	return nil
}
