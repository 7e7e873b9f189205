package syslog

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/rsyslogd"
)

// receiver starts Debian's rsyslogd in a lab host's network namespace,
// on the host's management address (the test process reaches it there).
func receiver(t *testing.T) *rsyslogd.Rsyslogd {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a lab and rsyslogd")
	}
	if err := rsyslogd.Available(); err != nil {
		testenv.Unavailable(t, "%v", err)
	}
	l := lab.New(t, lab.Options{Hosts: 1, Name: "syslog"})
	h := l.Hosts[0]
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	r, err := rsyslogd.Start(ctx, rsyslogd.Config{Dir: t.TempDir(), Addr: h.MgmtIP, UDPPort: 514, TCPPort: 601, TLSPort: 6514,
		Command: h.Command})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		r.Close()
		if t.Failed() {
			t.Logf("rsyslogd log:\n%s", r.Log())
		}
	})
	return r
}

// vigilMessages returns what rsyslog received from vigil, by seq.
func vigilMessages(t *testing.T, r *rsyslogd.Rsyslogd) map[uint64][]rsyslogd.Message {
	t.Helper()
	msgs, err := r.Messages()
	if err != nil {
		t.Fatal(err)
	}
	out := map[uint64][]rsyslogd.Message{}
	for _, m := range msgs {
		if m.AppName != AppName {
			continue
		}
		seq, err := strconv.ParseUint(m.SD[SDIDEvent]["seq"], 10, 64)
		if err != nil {
			t.Fatalf("rsyslog parsed no seq from %s", m.Raw)
		}
		out[seq] = append(out[seq], m)
	}
	return out
}

func waitMessages(t *testing.T, r *rsyslogd.Rsyslogd, what string, cond func(map[uint64][]rsyslogd.Message) bool) map[uint64][]rsyslogd.Message {
	t.Helper()
	deadline := time.Now().Add(2 * generous)
	for {
		got := vigilMessages(t, r)
		if cond(got) {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s (have %d)", what, len(got))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestRsyslogParsesEveryField: over each transport, rsyslog parses the
// message as RFC 5424 and every field reads back as sent: facility and
// severity, timestamp, host, app, procid, msgid, both structured data
// elements parameter by parameter (escapes included), and the text.
func TestRsyslogParsesEveryField(t *testing.T) {
	r := receiver(t)
	ca, err := loadCA(r.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	ts := time.Date(2026, 3, 1, 12, 30, 5, 123456000, time.UTC)
	transports := []Config{
		{Network: "unix", Address: r.Socket},
		{Network: "udp", Address: r.UDP},
		{Network: "tcp", Address: r.TCP},
		{Network: "tls", Address: r.TLS, RootCAs: ca},
	}
	inputs := []string{"imuxsock", "imudp", "imptcp", "imtcp"}
	for i, cfg := range transports {
		cfg.Facility, cfg.Hostname = "local4", "lab1"
		s := newSink(t, cfg)
		ev := alert.Event{Seq: uint64(100 + i), Time: ts, Kind: "risk", Host: "lab1", VM: "web1", Generation: 7, Dropped: 2,
			Message:  "FAN1 risk high (é): falling ] \" \\ end",
			Evidence: map[string]any{"component": "FAN1", "risk": "high", "eta_seconds": 5400, "tricky": `a"b\c]d [x=y]`, "replace": true}}
		ctx, cancel := context.WithTimeout(context.Background(), generous)
		err := s.Send(ctx, ev)
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", cfg.Network, err)
		}
	}
	got := waitMessages(t, r, "one message per transport", func(m map[uint64][]rsyslogd.Message) bool { return len(m) >= 4 })
	for i, in := range inputs {
		ms := got[uint64(100+i)]
		if len(ms) != 1 {
			t.Errorf("%s: %d messages, want 1", in, len(ms))
			continue
		}
		m := ms[0]
		t.Logf("%s: %s", transports[i].Network, m.Raw)
		parsedTime, err := time.Parse(time.RFC3339Nano, m.Timestamp)
		if err != nil || !parsedTime.Equal(ts) {
			t.Errorf("%s: timestamp %q (%v), want %v", in, m.Timestamp, err, ts)
		}
		fields := map[string][2]string{
			"input":    {m.Input, in},
			"pri":      {m.Pri, strconv.Itoa(20*8 + 3)},
			"facility": {m.Facility, "20"},
			"severity": {m.Severity, "3"},
			"version":  {m.Version, "1"},
			"hostname": {m.Hostname, "lab1"},
			"app-name": {m.AppName, "vigil"},
			"procid":   {m.ProcID, strconv.Itoa(os.Getpid())},
			"msgid":    {m.MsgID, "risk"},
			"msg":      {m.Msg, "FAN1 risk high (é): falling ] \" \\ end [2 earlier events lost]"},
		}
		for name, gw := range fields {
			if gw[0] != gw[1] {
				t.Errorf("%s: %s = %q, want %q", in, name, gw[0], gw[1])
			}
		}
		want := map[string]map[string]string{
			SDIDEvent:    {"seq": strconv.Itoa(100 + i), "kind": "risk", "host": "lab1", "vm": "web1", "generation": "7", "dropped": "2"},
			SDIDEvidence: {"component": "FAN1", "risk": "high", "eta_seconds": "5400", "tricky": `a"b\c]d [x=y]`, "replace": "true"},
		}
		if fmt.Sprint(m.SD) != fmt.Sprint(want) {
			t.Errorf("%s: structured data as rsyslog parsed it:\n%v\nwant\n%v", in, m.SD, want)
		}
	}
}

// TestRsyslogRestart: events published through the fan-out while rsyslogd
// restarts all arrive when the queue holds them; with a queue too small
// for the outage, exactly the events it had no room for are missing, the
// fan-out counts them, and the first message after each gap says how many.
func TestRsyslogRestart(t *testing.T) {
	r := receiver(t)
	ca, err := loadCA(r.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		cfg       Config
		queue     int
		wantDrops bool
	}{
		{"tcp within the queue bound", Config{Network: "tcp", Address: r.TCP}, 4096, false},
		{"tls within the queue bound", Config{Network: "tls", Address: r.TLS, RootCAs: ca}, 4096, false},
		{"tcp beyond the queue bound", Config{Network: "tcp", Address: r.TCP}, 16, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.cfg.Hostname = "lab1"
			s, err := New(tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			f := alert.NewFanout(alert.Options{Queue: tc.queue}, s)
			defer f.Close(context.Background())
			base := uint64(time.Now().UnixNano()) // this case's seqs, apart from the others'
			var published sync.WaitGroup
			var mu sync.Mutex
			var n uint64
			stop := make(chan struct{})
			published.Add(1)
			go func() { // one event every 2 ms until told to stop
				defer published.Done()
				tick := time.NewTicker(2 * time.Millisecond)
				defer tick.Stop()
				for {
					select {
					case <-stop:
						return
					case <-tick.C:
					}
					mu.Lock()
					n++
					seq := base + n
					mu.Unlock()
					f.Publish(alert.Event{Seq: seq, Time: time.Now(), Kind: "risk", Host: "lab1", Message: fmt.Sprintf("event %d", seq)})
				}
			}()
			count := func() uint64 { mu.Lock(); defer mu.Unlock(); return n }
			waitCount := func(target uint64) {
				deadline := time.Now().Add(2 * generous)
				for count() < target {
					if time.Now().After(deadline) {
						t.Fatalf("only %d events published", count())
					}
					time.Sleep(5 * time.Millisecond)
				}
			}
			waitCount(100)
			if err := r.Stop(); err != nil {
				t.Fatal(err)
			}
			down := count()
			// Away for at least 60 events: more than the small queue holds.
			waitCount(down + 60)
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			if err := r.Start(ctx); err != nil {
				t.Fatal(err)
			}
			waitCount(count() + 100)
			close(stop)
			published.Wait()
			total := count()
			t.Logf("%d events published, %d while rsyslogd was down", total, count()-down)

			st := f.Stats()[0]
			// Every event is delivered or counted as dropped; then the
			// receiver has each delivered one at least once.
			got := waitMessages(t, r, "every delivered event", func(m map[uint64][]rsyslogd.Message) bool {
				st = f.Stats()[0]
				have := 0
				for seq := base + 1; seq <= base+total; seq++ {
					if len(m[seq]) > 0 {
						have++
					}
				}
				return st.Queued == 0 && st.Delivered+st.Dropped+st.Failed == total && uint64(have) == st.Delivered
			})
			if st.Failed != 0 {
				t.Errorf("%d sends failed, want none (the sink waits for the receiver)", st.Failed)
			}
			if tc.wantDrops != (st.Dropped > 0) {
				t.Errorf("%d dropped by the queue of %d; want drops: %v", st.Dropped, tc.queue, tc.wantDrops)
			}
			// Each gap is reported, exactly, by the first message after it.
			var missing, dup, resent uint64
			gap := uint64(0)
			for seq := base + 1; seq <= base+total; seq++ {
				ms := got[seq]
				if len(ms) == 0 {
					missing++
					gap++
					continue
				}
				dup += uint64(len(ms) - 1)
				for _, m := range ms {
					if m.SD[SDIDEvent]["resent"] == "true" {
						resent++
					}
					if want := fmt.Sprint(gap); gap > 0 && m.SD[SDIDEvent]["dropped"] != want || gap == 0 && m.SD[SDIDEvent]["dropped"] != "" {
						t.Errorf("event %d after %d lost says dropped=%q", seq-base, gap, m.SD[SDIDEvent]["dropped"])
					}
				}
				gap = 0
			}
			if gap > 0 {
				t.Errorf("the last %d events never arrived and no message said so", gap)
			}
			if missing != st.Dropped {
				t.Errorf("%d events missing at the receiver, the fan-out dropped %d", missing, st.Dropped)
			}
			sst := s.Stats()
			t.Logf("missing %d (dropped by the queue), %d received twice, %d resent; sink %+v", missing, dup, resent, sst)
			if sst.Unsure != 0 {
				t.Errorf("%d messages written before the break were not written again", sst.Unsure)
			}
			if sst.Reconnects == 0 {
				t.Error("no reconnect counted across the restart")
			}
		})
	}
}
