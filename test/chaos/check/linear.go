package check

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/vigil-ha/vigil/cluster/replica/replicatest"
)

// Linearizability of ownership changes.
//
// Every change of a VM's owner is a compare-and-set on its generation in
// the replicated state (cluster/state's Place: a placement, a revocation,
// a migration's hand-over), and the agents' events are the only trace of
// them a chaos run has. CheckLinearizable turns the events into porcupine
// operations on replicatest.OwnershipModel, one partition per VM:
//
//   - The leader's "placed" ("on H at generation G"), "revoke" ("taken
//     from H at generation G0 (now G)") and "migrated" ("from S to T at
//     generation G") events, those with the leader in their evidence, are
//     each a CAS that succeeded: expect G−1 (G0), owner H ("" for a
//     revocation, T for a migration), new generation G. It was called no
//     earlier than the event's time (the planner's tick, taken before it
//     proposes); its return is left open, since the event does not say when
//     the commit happened.
//   - A host's "started" event at generation G is a read of (that host, G):
//     the host started it because its replica placed it there. Its replica
//     may lag, so the read may have happened any time before the event: it
//     is called at the start of the history and returns at the event. A
//     live migration's target is the exception: it starts the VM at the
//     next generation while its replica still names the source (the
//     event's evidence "owner"), before the leader hands the VM over; its
//     read is left open (the state must place the VM there at some time),
//     and dropped when the migration to that generation failed.
//   - A generation that no CAS event shows (a proposal whose outcome the
//     leader never learnt, an event lost with a host's store) is an
//     operation of unknown outcome: the model forks on it. Its owner is the
//     one a read at that generation saw, if any.
//
// So the check shows that each generation of each VM had one owner across
// every agent's account (the leader's CAS results and the hosts' starts),
// that generations form one chain with no CAS applied twice, and that no
// host started a VM at a generation before a leader proposed it. It cannot
// show read freshness (the hosts' reads are follower reads, called at the
// start), when a commit happened, nor anything about CAS attempts that
// failed (the planner records no event for a stale refusal). A history
// with a clock-step fault drops the times altogether (every CAS is called
// at the start too): the agents' clocks no longer agree.

// ownOp is one operation and the event it came from.
type ownOp struct {
	op   porcupine.Operation
	what string
}

// ownershipOps builds the operations of the history, per VM in name order.
func ownershipOps(h *History) (map[string][]ownOp, []string) {
	timed := true
	for _, f := range h.Faults {
		if f.Kind == FaultClockStep {
			timed = false
		}
	}
	var base time.Time
	for _, e := range h.Events {
		if base.IsZero() || e.Time.Before(base) {
			base = e.Time
		}
	}
	base = base.Add(-time.Second)
	at := func(t time.Time) int64 {
		if !timed {
			return 0
		}
		return int64(t.Sub(base))
	}
	const open = math.MaxInt64
	// Generations a live migration failed to reach: its target may have
	// started the VM ahead of a CAS that never came.
	failedMig := map[string]map[uint64]bool{}
	for _, e := range h.Events {
		if e.Kind == "migrate-failed" && e.VM != "" {
			if failedMig[e.VM] == nil {
				failedMig[e.VM] = map[uint64]bool{}
			}
			failedMig[e.VM][e.Generation()+1] = true
		}
	}
	byVM := map[string][]ownOp{}
	casGen := map[string]map[uint64]bool{}
	readOwner := map[string]map[uint64]string{}
	maxGen := map[string]uint64{}
	seen := map[[2]any]bool{}
	client := 0
	for _, e := range h.Events {
		key := [2]any{e.From, e.Seq}
		if e.Seq != 0 && seen[key] {
			continue // the same event collected twice
		}
		seen[key] = true
		if e.VM == "" {
			continue
		}
		desc := fmt.Sprintf("%s %s (%s's log #%d): %s", stamp(e.Time), e.Kind, e.From, e.Seq, e.Message)
		var in replicatest.OwnInput
		var out replicatest.OwnOutput
		var call, ret int64
		switch {
		case e.Kind == "started":
			g := e.Generation()
			if g == 0 {
				continue
			}
			host := e.Host
			if host == "" {
				host = e.From
			}
			in = replicatest.OwnInput{Read: true, VM: e.VM}
			out = replicatest.OwnOutput{Owner: host, Gen: g}
			call, ret = 0, at(e.Time)
			if owner := e.evidenceString("owner"); owner != "" && owner != host {
				// A live migration's target runs the VM at the next
				// generation before the leader hands it over: the
				// state must place it there at some time, not yet.
				if failedMig[e.VM][g] {
					continue
				}
				ret = open
				desc += " (a migration's target, ahead of the hand-over)"
			}
			if readOwner[e.VM] == nil {
				readOwner[e.VM] = map[uint64]string{}
			}
			if _, ok := readOwner[e.VM][g]; !ok {
				readOwner[e.VM][g] = host
			}
			maxGen[e.VM] = max(maxGen[e.VM], g)
		case fromLeader(e):
			expect, owner, g, ok := parseCAS(e)
			if !ok {
				continue
			}
			in = replicatest.OwnInput{VM: e.VM, Expect: expect, Owner: owner}
			out = replicatest.OwnOutput{Gen: g}
			call, ret = at(e.Time), open
			if casGen[e.VM] == nil {
				casGen[e.VM] = map[uint64]bool{}
			}
			casGen[e.VM][g] = true
			maxGen[e.VM] = max(maxGen[e.VM], g)
		default:
			continue
		}
		byVM[e.VM] = append(byVM[e.VM], ownOp{op: porcupine.Operation{ClientId: client, Input: in, Output: out, Call: call, Return: ret}, what: desc})
		client++
	}
	var names []string
	for vm := range byVM {
		names = append(names, vm)
	}
	slices.Sort(names)
	for _, vm := range names {
		for g := uint64(1); g <= maxGen[vm]; g++ {
			if casGen[vm][g] {
				continue
			}
			owner := readOwner[vm][g]
			byVM[vm] = append(byVM[vm], ownOp{
				op: porcupine.Operation{ClientId: client, Input: replicatest.OwnInput{VM: vm, Expect: g - 1, Owner: owner},
					Output: replicatest.OwnOutput{Unknown: true}, Call: 0, Return: open},
				what: fmt.Sprintf("generation %d: no CAS event (outcome unknown, owner %q from a start)", g, owner)})
			client++
		}
	}
	return byVM, names
}

// fromLeader reports whether e is a leader planner's ownership change.
func fromLeader(e Event) bool {
	return (e.Kind == "placed" || e.Kind == "revoke" || e.Kind == "migrated") && e.Leader() != ""
}

// parseCAS reads a leader's ownership change from its message.
func parseCAS(e Event) (expect uint64, owner string, gen uint64, ok bool) {
	switch e.Kind {
	case "placed":
		if _, err := fmt.Sscanf(e.Message, "on %s at generation %d", &owner, &gen); err == nil && gen > 0 {
			return gen - 1, owner, gen, true
		}
	case "revoke":
		var from string
		if _, err := fmt.Sscanf(e.Message, "taken from %s at generation %d (now %d)", &from, &expect, &gen); err == nil {
			return expect, "", gen, true
		}
	case "migrated":
		var from string
		if _, err := fmt.Sscanf(e.Message, "from %s to %s at generation %d", &from, &owner, &gen); err == nil && gen > 0 {
			return gen - 1, owner, gen, true
		}
	}
	return 0, "", 0, false
}

// linearizeTimeout bounds porcupine per VM.
const linearizeTimeout = 30 * time.Second

// CheckLinearizable checks the ownership changes the events show against
// the ownership model, VM by VM (see the comment above for what the
// operations are), and returns the violations and the number of
// operations judged.
func CheckLinearizable(h *History) ([]Violation, int) {
	byVM, names := ownershipOps(h)
	var out []Violation
	n := 0
	for _, vm := range names {
		ops := byVM[vm]
		n += len(ops)
		pops := make([]porcupine.Operation, len(ops))
		for i, o := range ops {
			pops[i] = o.op
		}
		res := porcupine.CheckOperationsTimeout(replicatest.OwnershipModel, pops, linearizeTimeout)
		if res == porcupine.Ok {
			continue
		}
		v := Violation{Check: Linearizable, VM: vm}
		if res == porcupine.Illegal {
			v.Message = fmt.Sprintf("the ownership history of VM %s is not linearizable (%d operations)", vm, len(ops))
		} else {
			v.Message = fmt.Sprintf("porcupine could not decide the ownership history of VM %s within %v (%d operations)", vm, linearizeTimeout, len(ops))
		}
		for _, o := range ops {
			desc := replicatest.OwnershipModel.DescribeOperation(o.op.Input, o.op.Output)
			v.Evidence = append(v.Evidence, desc+" ← "+o.what)
			if in := o.op.Input.(replicatest.OwnInput); in.Owner != "" && !slices.Contains(v.Hosts, in.Owner) {
				v.Hosts = append(v.Hosts, in.Owner)
			}
			if out := o.op.Output.(replicatest.OwnOutput); out.Owner != "" && !slices.Contains(v.Hosts, out.Owner) {
				v.Hosts = append(v.Hosts, out.Owner)
			}
		}
		slices.Sort(v.Hosts)
		out = append(out, v)
	}
	return out, n
}
