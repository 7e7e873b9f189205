package redfish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/vigil-ha/vigil/store"
)

// LogCursor is how far one log service has been read (see
// store.LogCursor): the agent keeps one per log service in its store
// (Reader.Cursors after a poll, SetCursors before the next one, from another
// process too), so that every entry is reported once, across polls,
// restarts and cleared logs whose entry Ids start over, with a bounded
// cursor however long the log.
type LogCursor = store.LogCursor

// logSlack is how long before the newest entry read a later entry may
// still have been created (log writers and clocks are not in strict order):
// entries that recent are remembered one by one.
const logSlack = time.Minute

// Cursors returns the cursor of every log service read, by the log
// service's @odata.id.
func (r *Reader) Cursors() map[string]LogCursor {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]LogCursor, len(r.logs))
	for svc, c := range r.logs {
		out[svc] = c
	}
	return out
}

// SetCursors replaces the log cursors (ones remembered from an earlier
// run, by log service @odata.id); the next poll reports only the entries
// after them. A log service without a cursor is read whole.
func (r *Reader) SetCursors(cs map[string]LogCursor) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.logs = make(map[string]LogCursor, len(cs))
	for svc, c := range cs {
		r.logs[svc] = c
	}
}

// logTracker follows one log service through one walk: it says which
// entries are new against the cursor of the previous walk and builds the
// next one.
type logTracker struct {
	old        *LogCursor // nil: never read, every entry is new
	trustKnown bool
	members    int
	knownSet   map[string]bool
	recentSet  map[store.LogMark]bool
	marks      []store.LogMark // dated entries read in this walk
	keys       []string        // every entry read in this walk
	incomplete bool            // an entry could not be read: keep the floor
}

func newLogTracker(old *LogCursor, members int) *logTracker {
	t := &logTracker{old: old, members: members, knownSet: map[string]bool{}, recentSet: map[store.LogMark]bool{}}
	if old == nil {
		return t
	}
	// A collection that shrank was cleared or trimmed: entry links seen
	// before may now name other entries.
	t.trustKnown = members >= old.Members
	for _, k := range old.Known {
		t.knownSet[k] = true
	}
	for _, m := range old.Recent {
		t.recentSet[m] = true
	}
	return t
}

// entryKey is how the cursor names an entry: its Id, else the last element
// of its link; one the store cannot keep as a name is replaced by a digest.
func entryKey(id, link string) string {
	k := nameOr(id, lastPathElem(link))
	if k == "" || len(k) > 64 || !utf8.ValidString(k) {
		sum := sha256.Sum256([]byte(id + "\x00" + link))
		return "sha256:" + hex.EncodeToString(sum[:16])
	}
	return k
}

// known reports an entry read before, so a link to it need not be fetched.
func (t *logTracker) known(key string) bool {
	return t.trustKnown && t.knownSet[key]
}

// entryCreated is an entry's Created time when it is usable for ordering:
// present, after 2000 and not more than a day ahead (a BMC whose clock was
// reset or wrong is ordered by its Ids alone).
func entryCreated(raw []byte, now time.Time) (time.Time, bool) {
	var e struct{ Created string }
	if json.Unmarshal(raw, &e) != nil {
		return time.Time{}, false
	}
	c, err := time.Parse(time.RFC3339, e.Created)
	if err != nil || c.Year() < 2000 || c.After(now.Add(24*time.Hour)) {
		return time.Time{}, false
	}
	return c.UTC(), true
}

// add takes one entry read in this walk and says whether it is new.
func (t *logTracker) add(key string, created time.Time, dated bool) bool {
	t.keys = append(t.keys, key)
	mark := store.LogMark{Key: key, Created: created}
	if dated {
		t.marks = append(t.marks, mark)
	}
	switch o := t.old; {
	case o == nil:
		return true
	case dated && created.Before(o.Floor):
		// Within a second below the floor only after a burst too long
		// for Recent: the entries of that second are told by Known.
		return !created.Before(o.Floor.Add(-time.Second)) && !t.knownSet[key]
	case dated:
		return !t.recentSet[mark]
	default:
		return !t.knownSet[key]
	}
}

// cursor is the cursor after the walk: entries created within logSlack of
// the newest one are remembered one by one (at most MaxLogRecent), the
// floor rises to the oldest of them, and the keys of the newest entries read
// are known (at most MaxLogKnown).
func (t *logTracker) cursor() LogCursor {
	var c LogCursor
	if t.old != nil {
		c.Floor = t.old.Floor
		c.Recent = slices.Clone(t.old.Recent)
		if t.trustKnown {
			c.Known = slices.Clone(t.old.Known)
		}
	}
	c.Members = t.members
	for _, m := range t.marks {
		if !m.Created.Before(c.Floor) && !t.recentSet[m] {
			t.recentSet[m] = true
			c.Recent = append(c.Recent, m)
		}
	}
	slices.SortStableFunc(c.Recent, func(a, b store.LogMark) int { return a.Created.Compare(b.Created) })
	if n := len(c.Recent); n > 0 && !t.incomplete {
		if f := c.Recent[n-1].Created.Add(-logSlack); f.After(c.Floor) {
			c.Floor = f
		}
	}
	if n := len(c.Recent); n > store.MaxLogRecent {
		// Too many entries within the slack: forget the oldest, and
		// everything created up to them.
		c.Floor = c.Recent[n-store.MaxLogRecent-1].Created.Add(time.Nanosecond)
	}
	c.Recent = slices.DeleteFunc(c.Recent, func(m store.LogMark) bool { return m.Created.Before(c.Floor) })
	fresh := map[string]bool{}
	var keys []string
	for _, k := range t.keys {
		if !fresh[k] {
			fresh[k] = true
			keys = append(keys, k)
		}
	}
	c.Known = append(slices.DeleteFunc(c.Known, func(k string) bool { return fresh[k] }), keys...)
	if n := len(c.Known); n > store.MaxLogKnown {
		c.Known = slices.Delete(c.Known, 0, n-store.MaxLogKnown)
	}
	return c
}
