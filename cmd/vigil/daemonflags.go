package main

import (
	"flag"
	"os"

	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/agent/localapi"
)

// daemonFlags are the flags of every command that asks the daemon: its
// socket is --socket, else the socket: of --config, else the default.
type daemonFlags struct {
	socket string
	config string
}

func (d *daemonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.socket, "socket", "", "the daemon's socket `PATH` (default: the config's socket:, else "+config.DefaultSocket+")")
	fs.StringVar(&d.config, "config", "", "take the socket from the agent's config `FILE`")
}

// client returns a client of the daemon's socket. A config given with
// --config is read for its socket: only (its secrets need not be readable).
func (d *daemonFlags) client() (*localapi.Client, error) {
	if d.socket != "" {
		return localapi.NewClient(d.socket), nil
	}
	if d.config != "" {
		data, err := os.ReadFile(d.config)
		if err != nil {
			return nil, err
		}
		cfg, err := config.Parse(d.config, data)
		if err != nil {
			return nil, err
		}
		return localapi.NewClient(cfg.Socket), nil
	}
	return localapi.NewClient(config.DefaultSocket), nil
}
