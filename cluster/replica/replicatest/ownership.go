// Package replicatest holds test support for the replicated state's users:
// the porcupine model of VM ownership (per VM, its owner and generation,
// changed only by compare-and-set on the generation), which the replica's
// linearizability test and the chaos checker (test/chaos/check) both judge
// histories with.
package replicatest

import (
	"fmt"

	"github.com/anishathalye/porcupine"
)

// The model: per VM, its owner and generation. An operation is a read or an
// ownership compare-and-set; its outcome is a value, a success with the new
// generation, a refusal (stale), or unknown (the proposer timed out or lost
// its leader: the CAS may or may not have happened, so the model forks,
// as etcd's robustness model does).

// VMRegister is the model's state of one VM.
type VMRegister struct {
	Owner string
	Gen   uint64
}

// OwnInput is an operation: a read of a VM's owner and generation, or a
// compare-and-set of its owner expecting a generation.
type OwnInput struct {
	Read   bool
	VM     string
	Expect uint64 // CAS: expected generation
	Owner  string // CAS: new owner
}

// OwnOutput is an operation's outcome.
type OwnOutput struct {
	Unknown bool
	Stale   bool
	Owner   string // read
	Gen     uint64 // read: current; CAS: new
}

// OwnershipModel is the porcupine model of VM ownership: partitioned by
// VM, a CAS applies when the VM's generation is the expected one and then
// raises it by one (cluster/state's Place).
var OwnershipModel = (&porcupine.NondeterministicModel{
	Partition: func(history []porcupine.Operation) [][]porcupine.Operation {
		byVM := map[string][]porcupine.Operation{}
		var names []string
		for _, op := range history {
			vm := op.Input.(OwnInput).VM
			if _, ok := byVM[vm]; !ok {
				names = append(names, vm)
			}
			byVM[vm] = append(byVM[vm], op)
		}
		out := make([][]porcupine.Operation, 0, len(names))
		for _, n := range names {
			out = append(out, byVM[n])
		}
		return out
	},
	Init: func() []any { return []any{VMRegister{}} },
	Step: func(st, in, out any) []any {
		s, i, o := st.(VMRegister), in.(OwnInput), out.(OwnOutput)
		if i.Read {
			if o.Owner == s.Owner && o.Gen == s.Gen {
				return []any{s}
			}
			return nil
		}
		applies := s.Gen == i.Expect
		next := VMRegister{Owner: i.Owner, Gen: s.Gen + 1}
		switch {
		case o.Unknown && applies:
			return []any{s, next}
		case o.Unknown:
			return []any{s}
		case o.Stale && !applies:
			return []any{s}
		case !o.Stale && applies && o.Gen == next.Gen:
			return []any{next}
		}
		return nil
	},
	DescribeOperation: func(in, out any) string {
		i, o := in.(OwnInput), out.(OwnOutput)
		var res string
		switch {
		case o.Unknown:
			res = "unknown"
		case o.Stale:
			res = "stale"
		case i.Read:
			res = fmt.Sprintf("%q@%d", o.Owner, o.Gen)
		default:
			res = fmt.Sprintf("ok @%d", o.Gen)
		}
		if i.Read {
			return fmt.Sprintf("read(%s) -> %s", i.VM, res)
		}
		return fmt.Sprintf("cas(%s, %d, %q) -> %s", i.VM, i.Expect, i.Owner, res)
	},
}).ToModel()
