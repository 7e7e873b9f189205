// Package state is the cluster's replicated state machine: the tables every
// replica holds and the one function that changes them. It imports no raft
// and reads no clock, so the same code runs under hashicorp/raft (see
// cluster/replica), in a deterministic simulation and in unit tests, and
// equal logs give equal state everywhere.
//
// Tables: hosts (identity, addresses, boot id, state, capacity, BMC
// endpoints without credentials, watchdog armed), VMs (the spec of CLI.md's
// VM file, desired state, owner, generation), group policies (allowed
// source → destination pairs, affinity), admission control, fence records
// and leases.
//
// Log entries are typed: one [MessageType] byte, then the command's JSON
// ([Encode], [Decode]). Type numbers are only ever added. An entry of an
// unknown type fails with [ErrUnknownType] unless its type byte carries
// [IgnoreUnknownFlag]; JSON with a field this build does not know fails too,
// so a command's shape never changes under an old replica's feet: new
// meaning takes a new type.
//
// [State.Apply] checks a command completely before it changes anything, so a
// command that fails (a wrapped sentinel from errors.go, naming the field)
// changes no table. Rules the tables keep by themselves:
//   - ownership changes only by compare-and-set on (VM, generation)
//     ([Place]); the generation rises by one with every placement and
//     revocation, and a VM is placed only on a healthy host;
//   - a host enters fencing or leaves only once it owns no VM (revoke
//     first, then fence), which also revokes its lease;
//   - a host becomes fenced only by confirming a fence record, and leaves
//     fenced for healthy or degraded only with a new boot id;
//   - times (fence start and confirmation, lease expiry) come inside the
//     command, set by the proposer; a renewal never moves an expiry earlier.
//
// Queries return copies; stored records are never changed in place, so
// [State.Snapshot] is cheap and its [Snapshot.WriteTo] runs beside Apply.
// A snapshot is one table at a time, each record a type byte, a length and
// its JSON, closed by an end record with the counts; [State.Restore] reads
// it into a fresh state, checking every record, and swaps it in under the
// lock only if the whole stream was good.
package state
