package check

import (
	"fmt"
	"slices"

	"github.com/vigil-ha/vigil/test/lab/guest"
)

// CheckNeverTwice replays the recorded heartbeats through the lab watcher's
// rules (guest.Streams) and reports every moment a VM ran more than once:
// one violation per episode (and again when it gets worse), as the live
// watcher does. Beats read together (same At) form one sample; the copies
// are counted after each sample.
//
// The history does not say when a QEMU stopped writing its file, so every
// stream counts as written until LiveWindow after its last beat. That
// differs from the live watcher only when two streams of one VM, neither
// superseding the other, were read within the window while one's writer
// had already died: the live watcher reads only files with a writer, so a
// dead copy's late beats are never recorded in the first place.
func CheckNeverTwice(h *History) []Violation {
	beats := slices.Clone(h.Heartbeats)
	slices.SortStableFunc(beats, func(a, b Beat) int { return cmpUint(a.Ord, b.Ord) })
	ss := guest.NewStreams()
	hostOf := map[string]string{} // file -> host
	last := map[string]int{}      // VM -> copies after the previous sample
	var out []Violation
	for i := 0; i < len(beats); {
		now := beats[i].At
		for ; i < len(beats) && beats[i].At.Equal(now); i++ {
			b := beats[i]
			ss.Add(b.File, b.VM, b.Boot, b.Seq, b.At)
			if b.Host != "" {
				hostOf[b.File] = b.Host
			}
		}
		ss.Forget(now)
		for _, id := range ss.IDs() {
			cs := ss.Copies(id, now, nil)
			n := 0
			for _, c := range cs {
				n += c.Mult
			}
			if n > 1 && n > last[id] {
				v := Violation{Check: NeverTwice, VM: id, At: now,
					Message: fmt.Sprintf("%s: VM %s ran %d times", stamp(now), id, n)}
				for _, c := range cs {
					k := c.Stream.Key
					host := hostOf[k.File]
					if !slices.Contains(v.Hosts, host) {
						v.Hosts = append(v.Hosts, host)
					}
					v.Evidence = append(v.Evidence, fmt.Sprintf("%s boot %s x%d seq %d-%d read %s-%s (%s)",
						host, k.Boot, c.Mult, c.Stream.MinSeq, c.Stream.MaxSeq, stamp(c.Stream.First), stamp(c.Stream.Last), k.File))
				}
				slices.Sort(v.Hosts)
				v.Message += " on " + fmt.Sprint(v.Hosts)
				out = append(out, v)
			}
			last[id] = n
		}
	}
	return out
}
