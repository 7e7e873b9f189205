package guest

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var heartbeatCases = []struct {
	name string
	line string
	want Heartbeat
	ok   bool
}{
	{
		name: "full",
		line: "vigil-guest id=vm1 seq=3 boot=8b57b441 up_ms=3000 state=run mem_mib=64 filled_mib=62 dirty_mibps=50 dirtied_kib=153076",
		want: Heartbeat{ID: "vm1", Seq: 3, Boot: "8b57b441", Uptime: 3 * time.Second, MemMiB: 64, FilledMiB: 62, DirtyMiBps: 50, DirtiedKiB: 153076},
		ok:   true,
	},
	{
		name: "filling, CRLF",
		line: "vigil-guest id=a.b_c-9 seq=0 boot=00000000 up_ms=0 state=fill mem_mib=1024 filled_mib=0 dirty_mibps=0 dirtied_kib=0\r\n",
		want: Heartbeat{ID: "a.b_c-9", Boot: "00000000", Filling: true, MemMiB: 1024},
		ok:   true,
	},
	{name: "minimal", line: "vigil-guest id=x seq=7", want: Heartbeat{ID: "x", Seq: 7}, ok: true},
	{name: "noise before prefix", line: "\x00\x1b[0mvigil-guest id=x seq=7", want: Heartbeat{ID: "x", Seq: 7}, ok: true},
	{name: "unknown key ignored", line: "vigil-guest id=x seq=1 future=thing", want: Heartbeat{ID: "x", Seq: 1}, ok: true},
	{name: "empty", line: ""},
	{name: "other line", line: "vigil-guest error: bad dirty on the command line, using default"},
	{name: "no seq", line: "vigil-guest id=x up_ms=10"},
	{name: "no id", line: "vigil-guest seq=1 id=x"},
	{name: "empty id", line: "vigil-guest id= seq=1"},
	{name: "bad id char", line: "vigil-guest id=a/b seq=1"},
	{name: "long id", line: "vigil-guest id=" + strings.Repeat("a", 64) + " seq=1"},
	{name: "negative seq", line: "vigil-guest id=x seq=-1"},
	{name: "plus seq", line: "vigil-guest id=x seq=+1"},
	{name: "seq overflow", line: "vigil-guest id=x seq=18446744073709551616"},
	{name: "duplicate key", line: "vigil-guest id=x seq=1 seq=2"},
	{name: "token without =", line: "vigil-guest id=x seq=1 garbage"},
	{name: "bad boot", line: "vigil-guest id=x seq=1 boot=xyz"},
	{name: "bad state", line: "vigil-guest id=x seq=1 state=sleeping"},
	{name: "uptime overflow", line: "vigil-guest id=x seq=1 up_ms=18446744073709551615"},
	{name: "truncated", line: "vigil-guest id=x seq="},
}

func TestParseHeartbeat(t *testing.T) {
	for _, tc := range heartbeatCases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ParseHeartbeat(tc.line)
			if ok != tc.ok || got != tc.want {
				t.Errorf("ParseHeartbeat(%q) = %+v, %v, want %+v, %v", tc.line, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func FuzzParseHeartbeat(f *testing.F) {
	for _, tc := range heartbeatCases {
		f.Add(tc.line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		hb, ok := ParseHeartbeat(line)
		if !ok {
			if hb != (Heartbeat{}) {
				t.Fatalf("ParseHeartbeat(%q) = %+v on failure, want zero value", line, hb)
			}
			return
		}
		if !strings.Contains(line, Prefix+"id=") {
			t.Fatalf("ParseHeartbeat(%q) accepted a line without the prefix", line)
		}
		if err := validID(hb.ID); err != nil {
			t.Fatalf("ParseHeartbeat(%q) accepted ID %q: %v", line, hb.ID, err)
		}
		if hb.Uptime < 0 {
			t.Fatalf("ParseHeartbeat(%q) gave negative uptime %v", line, hb.Uptime)
		}
		again, ok2 := ParseHeartbeat(line)
		if !ok2 || again != hb {
			t.Fatalf("ParseHeartbeat(%q) not deterministic: %+v then %+v", line, hb, again)
		}
	})
}

func TestReaderPipe(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	r := NewReader(pr)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	go func() {
		io.WriteString(pw, "noise\nvigil-guest id=other seq=0\nvigil-guest id=vm1 seq=0\nvigil-gu")
		time.Sleep(50 * time.Millisecond)
		io.WriteString(pw, "est id=vm1 seq=1\n")
		pw.Close()
	}()
	hb, err := r.Wait(ctx, "vm1", func(hb Heartbeat) bool { return hb.ID == "vm1" })
	if err != nil || hb.Seq != 0 {
		t.Fatalf("Wait(vm1) = %+v, %v, want seq 0", hb, err)
	}
	hb, err = r.Next(ctx)
	if err != nil || hb.ID != "vm1" || hb.Seq != 1 {
		t.Fatalf("Next = %+v, %v, want vm1 seq 1 (line split across writes)", hb, err)
	}
	_, err = r.Wait(ctx, "vm1 seq 2", func(hb Heartbeat) bool { return hb.Seq == 2 })
	if !errors.Is(err, io.EOF) || !strings.Contains(err.Error(), "vigil-guest id=vm1 seq=1") {
		t.Fatalf("Wait after EOF = %v, want io.EOF quoting the last lines", err)
	}
}

func TestReaderFollowsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "serial.log")
	r := NewFileReader(path) // file does not exist yet
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	go func() {
		time.Sleep(50 * time.Millisecond)
		f, err := os.Create(path)
		if err != nil {
			return
		}
		defer f.Close()
		for i := range 3 {
			io.WriteString(f, "vigil-guest id=vm1 seq="+string(rune('0'+i))+"\n")
			time.Sleep(30 * time.Millisecond)
		}
	}()
	hb, err := r.Wait(ctx, "seq 2", func(hb Heartbeat) bool { return hb.Seq == 2 })
	if err != nil || hb.ID != "vm1" {
		t.Fatalf("Wait(seq 2) = %+v, %v", hb, err)
	}

	short, cancel2 := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel2()
	if _, err := r.Next(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Next on an idle file = %v, want deadline exceeded", err)
	}
}

func TestWaitHeartbeatHonoursContext(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err = WaitHeartbeat(ctx, pr, "vm1")
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "no output") {
		t.Fatalf("WaitHeartbeat on a silent pipe = %v, want deadline exceeded and (no output)", err)
	}
}
