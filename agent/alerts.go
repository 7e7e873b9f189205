package agent

import (
	"fmt"
	"time"

	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/alert/bmclog"
	"github.com/vigil-ha/vigil/alert/journal"
	"github.com/vigil-ha/vigil/alert/syslog"
)

// sinkFlushTimeout is how long the alert sinks get at shutdown to send
// what they still hold (agent-stopped included).
const sinkFlushTimeout = 5 * time.Second

// openSinks builds the alert sinks: those the config asks for (the host's
// own BMC log when bmc: is set, peers' BMC logs in a cluster, the journal
// when the agent runs under systemd, syslog:) and Options.Sinks.
func (a *Agent) openSinks() ([]alert.Sink, error) {
	sinks := append([]alert.Sink(nil), a.opts.Sinks...)
	s, err := a.bmcLogSink()
	if err != nil {
		return nil, err
	}
	if s != nil {
		sinks = append(sinks, s)
	}
	if s, err := a.peerBMCLogSink(); err != nil {
		return nil, err
	} else if s != nil {
		sinks = append(sinks, s)
	}
	if journal.Detect() {
		sinks = append(sinks, journal.New())
	}
	if a.cfg.Syslog != nil {
		s, err := a.syslogSink()
		if err != nil {
			return nil, err
		}
		sinks = append(sinks, s)
	}
	return sinks, nil
}

// syslogSink sends every event to syslog: (alert/syslog), RFC 5424 with
// the event's structured data.
func (a *Agent) syslogSink() (alert.Sink, error) {
	c := a.cfg.Syslog
	cfg := syslog.Config{Network: c.Network, Address: c.Address, Facility: c.Facility, Hostname: a.cfg.Host,
		Logger: a.log.With("component", "syslog")}
	roots, err := config.ReadCAFile("syslog.ca_file", c.CAFile)
	if err != nil {
		return nil, err
	}
	cfg.RootCAs = roots
	s, err := syslog.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("syslog: %w", err)
	}
	return s, nil
}

// bmcLogSink writes this host's decisions into its BMC's log
// (alert/bmclog) with the account of bmc:; nil without a BMC, or when the
// sources are injected (tests of the loop).
func (a *Agent) bmcLogSink() (alert.Sink, error) {
	b := a.cfg.BMC
	if b == nil || a.opts.Sources != nil {
		return nil, nil
	}
	pw, err := config.ReadSecret(b.PasswordFile)
	if err != nil {
		return nil, fmt.Errorf("bmc.password_file: %w", err)
	}
	cfg := bmclog.Config{Host: a.cfg.Host, Timeout: b.Timeout, Logger: a.log, Now: a.now}
	if b.Redfish != "" {
		roots, err := config.ReadCAFile("bmc.ca_file", b.CAFile)
		if err != nil {
			return nil, err
		}
		cfg.Redfish = &bmclog.Redfish{URL: b.Redfish, User: b.User, Password: pw, Insecure: b.Insecure, RootCAs: roots,
			AllowPlainHTTP: b.AllowPlainHTTP}
	} else {
		cfg.IPMI = &bmclog.IPMI{Host: b.IPMIHost, Port: b.IPMIPort, User: b.User, Password: pw,
			CipherSuite: b.CipherSuite, AllowWeakCipher: b.AllowWeakCipher}
	}
	s, err := bmclog.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("bmc: %w", err)
	}
	return s, nil
}

// PeerBMCs is implemented by a Cluster that reaches its peers' BMCs
// (their endpoints in the cluster's state, with the fence: account): the
// decisions this host takes about a peer go into that peer's BMC log.
type PeerBMCs interface {
	// PeerBMC is host's BMC with the account to write its log; false
	// when none is known (yet).
	PeerBMC(host string) (bmclog.Target, bool)
}

// peerBMCLogSink writes the decisions this host takes about its peers
// (as leader: fenced, readmitted, evacuations) into their BMCs' logs
// (bmclog.Peers); nil when the cluster offers no peers' BMCs.
func (a *Agent) peerBMCLogSink() (alert.Sink, error) {
	pb, ok := a.cluster.(PeerBMCs)
	if !ok || a.opts.Sources != nil {
		return nil, nil
	}
	var timeout time.Duration
	if a.cfg.Fence != nil {
		timeout = a.cfg.Fence.Timeout
	}
	s, err := bmclog.NewPeers(bmclog.PeersConfig{Self: a.cfg.Host, Target: pb.PeerBMC, Timeout: min(timeout, 10*time.Second),
		Logger: a.log, Now: a.now})
	if err != nil {
		return nil, fmt.Errorf("fence: %w", err)
	}
	return s, nil
}
