// Package store keeps the agent's local durable state in one bbolt file:
// runtime records of the VMs this host runs, intents written before every
// action, the audit log, sensor history rings and fence records. Every write
// is one bbolt transaction, so a crash at any point leaves a consistent file.
//
// Core types: Store (Open, Close, Check), VMRecord, Intent, Event,
// FenceRecord, Sample and Cursor. Buckets are typed: each holds one record kind,
// encoded as a one-byte format tag followed by JSON (samples are 16 fixed
// bytes), and every decoder validates what it reads, so a damaged or
// hand-edited file yields ErrCorrupt naming the bucket and key instead of a
// half-decoded record.
//
// Layout and schema: the "meta" bucket holds the schema version. Open runs
// the migrations from the file's version up to SchemaVersion in one
// transaction and refuses a file written by a newer vigil (ErrSchemaTooNew).
//
// Intents: OpenIntent is committed (fsync) before it returns, so an action
// begun after it is always visible to the next Open through OpenIntents;
// CloseIntent removes it and appends the outcome to the audit log in the same
// transaction.
//
// Bounds: the audit log is pruned by age and total size on every append, and
// one event's evidence is cut at Options.MaxEvidence bytes (the event says so);
// each sensor history is a ring of Options.SampleCapacity samples; fence
// records keep the newest Options.MaxFences; a log cursor holds at most
// MaxSELMarks, MaxLogRecent and MaxLogKnown entries.
//
// Cursors: how far each BMC event log (IPMI SEL, Redfish log service) has
// been read. AppendBatches writes a poll's samples and moves its cursors in
// one transaction, so an event is recorded exactly when its cursor passes
// it.
//
// Caveats: bbolt takes an exclusive file lock, so two agents can never share
// a file (Open waits Options.LockTimeout, then fails). Crash safety relies on
// fsync; tests kill a writer with SIGKILL, which proves the transaction
// protocol but not the disk's honesty about flushes.
package store
