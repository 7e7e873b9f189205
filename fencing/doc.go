// Package fencing powers a failed peer off through its BMC and confirms that
// it is off before any of its VMs may run elsewhere. It owns the Fencer
// interface, fence levels, the guards against self- and mass fencing, and the
// fence records.
//
// Core types: Fencer (one BMC's power control, implemented by fencing/ipmi
// and fencing/redfish, faked by fencing/fencingtest), Do (one action with
// confirmation: off returns only once the BMC reads the power back off, or
// fails with ErrNotConfirmed and the last state seen), and Manager (a host's
// ordered fence levels, each with its own timeout, retries and backoff).
//
// Guards, checked before anything reaches a BMC: a Manager never fences its
// own host or any level whose BMC is one of its own (ErrSelfFence), and never
// more than Config.MaxShare of the cluster within Config.Window
// (ErrMassFence: many hosts "failing" at once means the network failed).
// Errors that retrying cannot fix (ErrAuth, ErrPrivilege, ErrCipher,
// ErrUnsupported) end a level at once, so a wrong password never locks an
// account out. Those four and ErrUnreachable are internal/bmc's causes,
// shared with the sensors readers.
//
// Order (DESIGN.md): an off or a cycle first revokes the host's ownership in
// the replicated state through Config.Revoker, then powers it off, then
// records the confirmation; a failed revoke sends no command at all.
//
// Records: every Manager.Fence writes a fence intent to the store (the
// small Store interface, satisfied by *store.Store) before the first command
// and closes it afterwards, and stores a store.FenceRecord
// with every attempt's level, driver, target, timing, power read back and
// error. Manager.Resume finishes the fences a crashed run left open (the
// store's pending fence intents).
//
// Clock: Config.Now and Config.Sleep drive the records, the retry backoff
// and the confirmation polls (Confirm.Sleep), so a simulation runs fences
// without real waits.
//
// Self-fencing (the host that loses quorum) is fencing/watchdog.
package fencing
