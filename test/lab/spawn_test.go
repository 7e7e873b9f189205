package lab

import (
	"testing"
	"time"
)

// TestProcessesOutliveDo: a process started on a host survives later Do
// calls. Do's locked thread ends with its goroutine, and the kernel sends a
// child's Pdeathsig when the thread that forked it ends, so a process must
// never be forked from a thread the runtime may later hand to Do.
func TestProcessesOutliveDo(t *testing.T) {
	l := New(t, Options{Hosts: 1, BMC: NoBMC})
	h := l.Hosts[0]
	var procs []*Proc
	for range 20 {
		p, err := h.Start("sleep", "1000")
		if err != nil {
			t.Fatal(err)
		}
		procs = append(procs, p)
		// Each Do ends the thread it ran on, often the one that just
		// forked.
		for range 10 {
			if err := h.Do(func() error { return nil }); err != nil {
				t.Fatal(err)
			}
		}
	}
	time.Sleep(200 * time.Millisecond) // let a SIGKILLed child be reaped
	for i, p := range procs {
		if !p.Alive() {
			t.Errorf("process %d (pid %d) died after Do calls: %v", i, p.Pid(), p.Wait(t.Context()))
		}
	}
}
