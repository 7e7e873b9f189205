package clusterhost

import (
	"crypto/x509"
	"net"
	"os"
	"strconv"

	"github.com/vigil-ha/vigil/agent"
	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/alert/bmclog"
)

var _ agent.PeerBMCs = (*Host)(nil)

// PeerBMC implements agent.PeerBMCs: host's first BMC endpoint in the
// state, with this host's fence: account (OPERATOR, enough for Add SEL
// Entry and a Redfish LogEntry). The leader writes its decisions about a
// peer (fenced, readmitted, evacuations) there, even while that peer is
// off. False before the state is open, or for a host without a BMC.
func (h *Host) PeerBMC(host string) (bmclog.Target, bool) {
	select {
	case <-h.ready:
	default:
		return bmclog.Target{}, false
	}
	hs, ok := h.node.State().Host(host)
	if !ok || len(hs.BMC) == 0 {
		return bmclog.Target{}, false
	}
	fc := h.cfg.Fence
	pw, err := config.ReadSecret(fc.PasswordFile)
	if err != nil {
		h.log.Error("fence password", "err", err)
		return bmclog.Target{}, false
	}
	ep := hs.BMC[0]
	switch ep.Kind {
	case "ipmi":
		hostPart, portPart, err := net.SplitHostPort(ep.Address)
		if err != nil {
			hostPart, portPart = ep.Address, "623"
		}
		port, _ := strconv.Atoi(portPart)
		return bmclog.Target{IPMI: &bmclog.IPMI{Host: hostPart, Port: port, User: fc.User, Password: pw, CipherSuite: fc.CipherSuite}}, true
	case "redfish":
		rf := &bmclog.Redfish{URL: ep.Address, User: fc.User, Password: pw, Insecure: fc.Insecure}
		if fc.CAFile != "" {
			pem, err := os.ReadFile(fc.CAFile)
			pool := x509.NewCertPool()
			if err != nil || !pool.AppendCertsFromPEM(pem) {
				h.log.Error("fence.ca_file: no PEM certificate", "file", fc.CAFile, "err", err)
				return bmclog.Target{}, false
			}
			rf.RootCAs = pool
		}
		return bmclog.Target{Redfish: rf}, true
	}
	return bmclog.Target{}, false
}
