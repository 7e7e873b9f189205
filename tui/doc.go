// Package tui is the technician's console view, `vigil tui`: one 80×24
// screen modelled on crm_mon and the ESXi DCUI, drawn with Bubble Tea from
// what the daemon's local API (agent/localapi) says, and nothing else.
//
// The screen, top down: a header (host, daemon version, cluster, leader,
// quorum, age of the data); this host (its BMC's reachability,
// temperatures, fans and PSUs from the last poll, its risk with the ETA
// and top cause, its watchdog); the hosts table (state, last seen, VMs,
// risk) beside the VMs on this host; the history (the last failed actions
// and fences, or every event); a message line; the keys.
//
// Model is the Bubble Tea model. It never waits for the daemon: the status
// is fetched by a command with a deadline (Options.Timeout) every
// Options.Poll, and the audit log is followed by a goroutine of Run
// (Follow) that hands events over in batches, reconnecting from the last
// event seen. A status request that fails or outlives its deadline turns
// the screen's banner into "daemon not answering since …", with the last
// data kept on screen and aged in the header, while the keys keep working.
// Meanwhile, given a LocalBMC (Options.Local: `vigil tui` opens the BMC of
// the agent's config), the screen reads this host's BMC itself every
// Options.LocalEvery and shows its reachability and readings instead of
// the daemon's last ones; it never reads the BMC while the daemon answers.
// A TUI is a client of the socket like any other: however slow it is, the
// daemon drops it rather than wait for it, so it can never stall fencing.
//
// Keys: q quits; r refreshes; tab moves between the panes, arrows, PgUp,
// PgDn, Home and End select and scroll; enter shows the selected host, or
// the selected event with its evidence; f shows every event or only
// failures and fences; d drains and a readmits the selected host, each
// asking for confirmation first, through the Operator (the local API's
// mutating routes). Without an Operator, on a standalone host, or while the
// daemon does not answer, those two are shown dimmed and say why.
//
// View always fits 80×24 (less when the terminal is smaller): every line
// is cut to the width, every table to its rows. Caveat: the history is
// built from the audit log streamed from its start, kept to the last
// Options.History events in memory.
package tui
