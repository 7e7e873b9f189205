package clusterhost

import (
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/cluster/planner"
	"github.com/vigil-ha/vigil/cluster/replica"
)

func TestTwoVoterPeer(t *testing.T) {
	v := func(id string) replica.Server { return replica.Server{ID: id, Address: id + ":7947", Voter: true} }
	nv := func(id string) replica.Server { return replica.Server{ID: id, Address: id + ":7947"} }
	for _, tc := range []struct {
		name    string
		servers []replica.Server
		want    string // "" when no race
	}{
		{"two voters", []replica.Server{v("h1"), v("h2")}, "h2"},
		{"alone after a race", []replica.Server{v("h1")}, ""},
		{"three voters", []replica.Server{v("h1"), v("h2"), v("h3")}, ""},
		{"two voters and a non-voter", []replica.Server{v("h1"), v("h2"), nv("h3")}, ""},
		{"a voter and a non-voter", []replica.Server{v("h1"), nv("h2")}, ""},
		{"two voters without this host", []replica.Server{v("h2"), v("h3")}, ""},
		{"none", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			peer, ok := twoVoterPeer(tc.servers, "h1")
			if got := map[bool]string{true: peer.ID}[ok]; got != tc.want {
				t.Errorf("twoVoterPeer(%v, h1) = %q, %v; want %q", tc.servers, peer.ID, ok, tc.want)
			}
		})
	}
}

func TestTieBreakConfig(t *testing.T) {
	for _, tc := range []struct {
		name string
		tb   config.TieBreak
		want planner.TieBreakConfig
	}{
		{"defaults", config.TieBreak{}, planner.TieBreakConfig{Self: "h2", Peer: "h1", Preferred: "h1", Delay: 6 * time.Second}},
		{"set", config.TieBreak{Preferred: "h2", Delay: 9 * time.Second}, planner.TieBreakConfig{Self: "h2", Peer: "h1", Preferred: "h2", Delay: 9 * time.Second}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := &Host{name: "h2", timing: Timing{TieBreakDelay: 6 * time.Second},
				cfg: &config.Config{Cluster: &config.Cluster{Bootstrap: []string{"h1", "h2"}, TieBreak: tc.tb}}}
			if got := h.tieBreakConfig("h1"); got != tc.want {
				t.Errorf("tieBreakConfig(h1) = %+v, want %+v", got, tc.want)
			}
		})
	}
}
