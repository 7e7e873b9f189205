package membership

import (
	"io"
	"log/slog"
	"testing"
	"time"
)

// newTestList is a List without memberlist: its live members are names.
func newTestList(now *time.Time, live *[]string) *List {
	return &List{
		cfg:       Config{Profile: Fast},
		name:      "self",
		log:       slog.New(slog.NewTextHandler(io.Discard, nil)),
		now:       func() time.Time { return *now },
		liveNames: func() []string { return *live },
		members:   map[string]*Member{},
		events:    make(chan Event, 16),
	}
}

func TestReconcile(t *testing.T) {
	now := time.Unix(1000, 0)
	live := []string{"self", "a", "b"}
	l := newTestList(&now, &live)
	l.members["self"] = &Member{Name: "self", State: Alive, Since: now}
	l.members["a"] = &Member{Name: "a", State: Suspect, Since: now}
	l.members["b"] = &Member{Name: "b", State: Alive, Since: now}
	l.members["gone"] = &Member{Name: "gone", State: Alive, Since: now}

	// Among 3 members, Fast declares death at the latest after
	// 4 × 2 × 200 ms + 2 × 200 ms = 2 s.
	now = now.Add(2 * time.Second)
	v := l.reconcile()
	if m, _ := v.Get("a"); m.State != Suspect {
		t.Fatalf("a suspect for 2 s: %v, want still suspect", m.State)
	}
	if m, _ := v.Get("gone"); m.State != Dead {
		t.Errorf("a member memberlist no longer lists: %v, want dead", m.State)
	}
	now = now.Add(100 * time.Millisecond)
	v = l.reconcile()
	if m, _ := v.Get("a"); m.State != Alive || !m.Since.Equal(now) {
		t.Fatalf("a suspect past memberlist's longest suspicion: %+v, want alive since now", m)
	}
	select {
	case e := <-l.events:
		if e.Kind != Recovered || e.Member.Name != "a" {
			t.Errorf("event %v %s, want recovered a", e.Kind, e.Member.Name)
		}
	default:
		t.Error("no Recovered event for an expired suspicion")
	}
	// A member memberlist lists that the table never saw.
	live = append(live, "new")
	if m, ok := l.reconcile().Get("new"); !ok || m.State != Alive || m.MetaErr == "" {
		t.Errorf("unseen live member: %+v, %v; want alive with unknown meta", m, ok)
	}
	if names := len(l.reconcile().Members); names != 5 {
		t.Errorf("view holds %d members, want 5", names)
	}
}
