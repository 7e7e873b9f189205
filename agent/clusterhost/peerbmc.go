package clusterhost

import (
	"crypto/x509"
	"fmt"
	"net"
	"strconv"

	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/cluster/state"
)

// peerEndpoint is one of a peer's BMC endpoints from the state, resolved
// for a connection with this host's fence: account.
type peerEndpoint struct {
	state.BMCEndpoint
	// Host and Port: an ipmi endpoint's address (623 when it names none).
	Host string
	Port int
	// RootCAs: a redfish endpoint's trusted roots from fence.ca_file (nil:
	// the system's).
	RootCAs *x509.CertPool
	// Err: the endpoint cannot be used (an unknown kind, a fence.ca_file
	// without a certificate); logged already.
	Err error
}

// peerBMCs returns host's BMC endpoints, in the state's order, and the
// fence: account's password. False, logged, when host has no BMC in the
// state or the password cannot be read.
func (h *Host) peerBMCs(host string) ([]peerEndpoint, string, bool) {
	hs, ok := h.node.State().Host(host)
	if !ok || len(hs.BMC) == 0 {
		return nil, "", false
	}
	pw, err := config.ReadSecret(h.cfg.Fence.PasswordFile)
	if err != nil {
		h.log.Error("fence password", "err", err)
		return nil, "", false
	}
	var out []peerEndpoint
	for _, ep := range hs.BMC {
		pe := peerEndpoint{BMCEndpoint: ep}
		switch ep.Kind {
		case "ipmi":
			hostPart, portPart, err := net.SplitHostPort(ep.Address)
			if err != nil {
				hostPart, portPart = ep.Address, "623"
			}
			pe.Host = hostPart
			pe.Port, _ = strconv.Atoi(portPart)
		case "redfish":
			if pe.RootCAs, pe.Err = config.ReadCAFile("fence.ca_file", h.cfg.Fence.CAFile); pe.Err != nil {
				h.log.Error("fence.ca_file", "err", pe.Err)
			}
		default:
			pe.Err = fmt.Errorf("%s's BMC %s: unknown kind %q", host, ep.Address, ep.Kind)
		}
		out = append(out, pe)
	}
	return out, pw, true
}
