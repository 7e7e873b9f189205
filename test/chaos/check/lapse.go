package check

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Lapse windows: see CheckLeaseLapse.
const (
	// lapseBefore: a guest counts as running at its host's lapse when the
	// watcher read one of its beats this long before the self-fence event
	// at most.
	lapseBefore = 3 * time.Second
	// lapseGrace: how long after the self-fence event its beats may still
	// be read at all; the seq rule (lapseSlack) is what tells a late read
	// from a guest that ran on.
	lapseGrace = time.Second
	// lapseGap: the longest gap between two reads of one running guest;
	// a longer one means it ran elsewhere in between (a migration away and
	// back keeps its boot and file).
	lapseGap = 3 * time.Second
	// lapseSlack: beats beyond those the guest could have written by the
	// lapse, before a late read counts as running on: the watcher may read
	// a beat this many seconds after the guest wrote it. The guest never
	// bursts (a beat at most once a second, test/lab/guest).
	lapseSlack = 2
)

// CheckLeaseLapse checks that a host stops its VMs when its own lease
// lapses (DESIGN.md, invariant 1: a host runs a VM only while its own view
// of its lease is valid). The evidence is each agent's self-fence event
// (its own lease seen lapsing, recorded after the reconcile that stops its
// VMs) and the guests' heartbeats as read from that host: a guest boot
// read there within lapseBefore before the event and still read there,
// without a gap, more than lapseGrace after it with a seq it cannot have
// written by the lapse, ran on without a lease.
// Never-twice misses this while the cluster waits for a fence (the lab's
// hosts run with no watchdog, so a host cut off from its peers and its BMC
// is never presumed self-fenced); this check does not.
func CheckLeaseLapse(h *History) []Violation {
	type key struct{ host, file, boot string }
	reads := map[key][]Beat{}
	beats := slices.Clone(h.Heartbeats)
	slices.SortStableFunc(beats, func(a, b Beat) int { return cmpUint(a.Ord, b.Ord) })
	for _, b := range beats {
		k := key{b.Host, b.File, b.Boot}
		reads[k] = append(reads[k], b)
	}
	keys := make([]key, 0, len(reads))
	for k := range reads {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(strings.Compare(a.host, b.host), strings.Compare(a.file, b.file), strings.Compare(a.boot, b.boot))
	})
	var out []Violation
	seen := map[key]bool{}
	for _, e := range h.Events {
		if e.Kind != "self-fence" || e.From == "" || e.Host != "" && e.Host != e.From {
			continue
		}
		host, lapse := e.From, e.Time
		for _, k := range keys {
			if k.host != host || seen[k] {
				continue
			}
			if b, a, ok := ranThrough(reads[k], lapse); ok {
				seen[k] = true
				out = append(out, Violation{Check: LeaseLapse, VM: b.VM, Hosts: []string{host}, At: lapse,
					Message: fmt.Sprintf("%s: %s's own lease lapsed (self-fence event), yet VM %s ran on there: read at %s (seq %d) and still at %s (seq %d)",
						stamp(lapse), host, b.VM, stamp(b.At), b.Seq, stamp(a.At), a.Seq),
					Evidence: []string{fmt.Sprintf("%s self-fence: %s", host, e.Message),
						fmt.Sprintf("%s boot %s (%s)", host, k.boot, k.file)}})
			}
		}
	}
	return out
}

// ranThrough reports whether the reads of one guest boot on one host show
// it running across lapse: its last read at or before lapse (before) is
// at most lapseBefore old, a read after lapse+lapseGrace (after) carries
// a seq the guest could not have written by the lapse (it beats once a
// second; lapseSlack more allow for beats read late), and no gap between
// reads is longer than lapseGap.
func ranThrough(beats []Beat, lapse time.Time) (before, after Beat, ok bool) {
	found := false
	for _, b := range beats {
		if !b.At.After(lapse) {
			before, found = b, true
			continue
		}
		if !found || before.At.Before(lapse.Add(-lapseBefore)) {
			return Beat{}, Beat{}, false
		}
		prev := before
		if !after.At.IsZero() {
			prev = after
		}
		if b.At.Sub(prev.At) > lapseGap {
			return Beat{}, Beat{}, false
		}
		after = b
		upTo := before.Seq + uint64(lapse.Sub(before.At)/time.Second) + 1 + lapseSlack
		if b.At.After(lapse.Add(lapseGrace)) && b.Seq > upTo {
			return before, b, true
		}
	}
	return Beat{}, Beat{}, false
}
