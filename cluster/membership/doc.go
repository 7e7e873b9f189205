// Package membership finds the cluster's hosts and raises suspicion when
// one stops answering, through hashicorp/memberlist (SWIM with Lifeguard).
// It is a hint source for the leader's planner, never an authority: a
// "dead" from here starts a second opinion (package cluster/verdict), it
// never fences or moves a VM by itself.
//
// Core types: List (Start, Join, Members, SetMeta, Leave, Close) runs one
// memberlist with encrypted gossip (keys from a 0600/0640 file, see
// ReadKeyFile) and the host name as node name; Meta is what a member
// announces (boot id, agent incarnation, watchdog armed, BMC endpoint),
// compactly encoded and defensively decoded; Profile is a measured set of
// timings (Default, Fast, Confirmed, Stock).
//
// Hints: memberlist's join, update and leave callbacks, its own failed
// probes (read from its log line, as memberlist reports suspicion nowhere
// else) and acks of suspect members become Events, queued for the Handler
// on the List's own goroutine: memberlist never waits for the handler, and
// a full queue drops events (counted in View.Dropped). Every
// Config.ReconcileEvery the handler also receives the full member list, a
// View checked against memberlist's own list: that, not the event stream,
// is the source of truth. Timestamps come from Config.Now. memberlist's
// log goes to slog (NewLogger).
//
// Caveats: State Suspect reflects this member's own probes only; suspicion
// raised by others is not visible until it turns into Dead.
package membership
