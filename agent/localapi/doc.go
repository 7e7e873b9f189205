// Package localapi is the daemon's local API: HTTP over a Unix socket that
// `vigil status`, `vigil events`, `vigil vm`, `vigil host` (and the TUI) talk to,
// as `tailscale status` talks to tailscaled.
//
// Listen opens the socket before the daemon has anything to serve, so that a
// second daemon is refused at once (ErrInUse when one answers; a stale socket
// nobody answers on is removed, anything that is not a socket never is). The
// socket is mode 0660, group vigil where that group exists.
//
// Server serves a Backend (the agent) through one table of routes:
// GET /v1/status (Status, CLI.md's `vigil status --json`) and GET /v1/events
// (Event as JSON lines: the audit log after a sequence number, then with
// follow=1 every new event), and the cluster's VMs and hosts when the
// backend has Operations: GET /v1/vms, GET /v1/vms/{name}, POST /v1/vms (a
// VM spec), POST /v1/vms/{name}/start|stop|migrate, GET /v1/hosts/{name},
// POST /v1/hosts/{name}/drain|readmit; a standalone daemon answers those
// with ErrStandalone, and errors keep their class (not found, invalid,
// refused, unavailable) across the socket. The caller of each connection
// is identified once from SO_PEERCRED (Caller, CallerFrom): everyone who may open the
// socket may read; a handler that changes anything must call
// Caller.CheckWrite first, which admits only root and group vigil.
//
// Client is the other end, with ErrNoDaemon when nothing answers.
package localapi
