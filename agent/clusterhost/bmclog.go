package clusterhost

import (
	"github.com/vigil-ha/vigil/agent"
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
	eps, pw, ok := h.peerBMCs(host)
	if !ok || eps[0].Err != nil {
		return bmclog.Target{}, false
	}
	fc, ep := h.cfg.Fence, eps[0]
	switch ep.Kind {
	case "ipmi":
		return bmclog.Target{IPMI: &bmclog.IPMI{Host: ep.Host, Port: ep.Port, User: fc.User, Password: pw, CipherSuite: fc.CipherSuite}}, true
	case "redfish":
		return bmclog.Target{Redfish: &bmclog.Redfish{URL: ep.Address, User: fc.User, Password: pw, Insecure: fc.Insecure, RootCAs: ep.RootCAs}}, true
	}
	return bmclog.Target{}, false
}
