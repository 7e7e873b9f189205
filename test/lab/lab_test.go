package lab

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// listenIn opens a TCP listener inside h that accepts and drains every
// connection until the test ends.
func listenIn(t *testing.T, h *Host, ip string) net.Listener {
	t.Helper()
	var ln net.Listener
	if err := h.Do(func() (err error) {
		ln, err = net.Listen("tcp", net.JoinHostPort(ip, "0"))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { _, _ = io.Copy(io.Discard, c); c.Close() }()
		}
	}()
	return ln
}

// dialFrom connects from inside h (or from the test process if h is nil).
func dialFrom(h *Host, addr string, timeout time.Duration) error {
	dial := func() error {
		c, err := net.DialTimeout("tcp", addr, timeout)
		if err != nil {
			return err
		}
		return c.Close()
	}
	if h == nil {
		return dial()
	}
	return h.Do(dial)
}

func TestBringUpAndReachability(t *testing.T) {
	t0 := time.Now()
	l := New(t, Options{Hosts: 3, BMC: NoBMC})
	t.Logf("3 hosts (no BMC) up in %v", time.Since(t0))
	seen := map[string]bool{}
	for _, h := range l.Hosts {
		for _, s := range []string{h.Name, h.Netns, h.MgmtIP.String(), h.MigIP.String(), h.BMC.IP.String()} {
			if seen[s] {
				t.Errorf("%s: %q is not unique", h.Name, s)
			}
			seen[s] = true
		}
		if _, err := os.Stat(h.NetnsPath); err != nil {
			t.Errorf("%s: %v", h.Name, err)
		}
	}
	h1, h2 := l.Hosts[0], l.Hosts[1]
	// Host to host on both networks, root to host on mgmt, host to root.
	mgmt := listenIn(t, h2, h2.MgmtIP.String())
	mig := listenIn(t, h2, h2.MigIP.String())
	for _, c := range []struct {
		name string
		from *Host
		addr string
	}{
		{"h1->h2 mgmt", h1, mgmt.Addr().String()},
		{"h1->h2 mig", h1, mig.Addr().String()},
		{"root->h2 mgmt", nil, mgmt.Addr().String()},
	} {
		if err := dialFrom(c.from, c.addr, 2*time.Second); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	rootLn, err := net.Listen("tcp", net.JoinHostPort(l.GatewayIP.String(), "0"))
	if err != nil {
		t.Fatal(err)
	}
	defer rootLn.Close()
	go func() {
		for {
			c, err := rootLn.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	if err := dialFrom(h1, rootLn.Addr().String(), 2*time.Second); err != nil {
		t.Errorf("h1->root: %v", err)
	}
	// Hosts see only lab networks: no route to the machine's own network.
	if err := dialFrom(h1, "192.0.2.1:22", 300*time.Millisecond); !errors.Is(err, syscall.ENETUNREACH) {
		t.Errorf("h1 -> 192.0.2.1: %v, want network unreachable: hosts must only see lab networks", err)
	}
	// Shared storage: what one host writes, another reads.
	shared := filepath.Join(l.SharedDir, "disk.img")
	if out, err := h1.Command(context.Background(), "sh", "-c", "echo vm-disk > "+shared).CombinedOutput(); err != nil {
		t.Fatalf("write on h1: %v: %s", err, out)
	}
	if out, err := h2.Command(context.Background(), "cat", shared).Output(); err != nil || string(out) != "vm-disk\n" {
		t.Errorf("read on h2: %q, %v", out, err)
	}
	// Another lab in the same process gets other names and subnets.
	l2 := New(t, Options{Hosts: 1, BMC: NoBMC, Name: "other"})
	if l2.Index == l.Index || l2.Hosts[0].MgmtIP == h1.MgmtIP {
		t.Errorf("second lab reuses index %d / %s", l2.Index, l2.Hosts[0].MgmtIP)
	}
}

func TestPartitionAndHeal(t *testing.T) {
	l := New(t, Options{Hosts: 3, BMC: NoBMC})
	h1, h2, h3 := l.Hosts[0], l.Hosts[1], l.Hosts[2]
	ln := listenIn(t, h2, h2.MgmtIP.String())
	migLn := listenIn(t, h2, h2.MigIP.String())
	if err := dialFrom(h1, ln.Addr().String(), 2*time.Second); err != nil {
		t.Fatalf("before partition: %v", err)
	}
	if err := l.Partition(h1, h2); err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{ln.Addr().String(), migLn.Addr().String()} {
		if err := dialFrom(h1, a, 500*time.Millisecond); err == nil {
			t.Errorf("h1 reached %s across a partition", a)
		}
	}
	if err := dialFrom(h3, ln.Addr().String(), 2*time.Second); err != nil {
		t.Errorf("h3 -> h2 during h1|h2 partition: %v", err)
	}
	if err := dialFrom(nil, ln.Addr().String(), 2*time.Second); err != nil {
		t.Errorf("test process -> h2 during h1|h2 partition: %v", err)
	}
	if err := l.Heal(); err != nil {
		t.Fatal(err)
	}
	if err := dialFrom(h1, ln.Addr().String(), 2*time.Second); err != nil {
		t.Errorf("after heal: %v", err)
	}

	// One way: UDP from h1 to h2 is dropped, h2 to h1 still arrives.
	if err := l.PartitionOneWay(h1, h2); err != nil {
		t.Fatal(err)
	}
	if n := udpDelivered(t, h1, h2, 20); n != 0 {
		t.Errorf("one-way partition h1->h2: %d of 20 datagrams arrived, want 0", n)
	}
	if n := udpDelivered(t, h2, h1, 20); n != 20 {
		t.Errorf("one-way partition h1->h2: h2->h1 delivered %d of 20, want 20", n)
	}
	if err := l.Unpartition(h1, h2); err != nil {
		t.Fatal(err)
	}
	if n := udpDelivered(t, h1, h2, 20); n != 20 {
		t.Errorf("after Unpartition: %d of 20 datagrams arrived", n)
	}
}

// udpDelivered sends n datagrams from one host's management address to
// another's and counts how many arrive.
func udpDelivered(t *testing.T, from, to *Host, n int) int {
	t.Helper()
	var pc net.PacketConn
	if err := to.Do(func() (err error) {
		pc, err = net.ListenPacket("udp", net.JoinHostPort(to.MgmtIP.String(), "0"))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	got := make(chan int, 1)
	go func() {
		k := 0
		buf := make([]byte, 16)
		for {
			_ = pc.SetReadDeadline(time.Now().Add(time.Second))
			m, _, err := pc.ReadFrom(buf)
			if err != nil {
				got <- k
				return
			}
			if string(buf[:m]) == "x" {
				k++
			}
		}
	}()
	err := from.Do(func() error {
		c, err := net.Dial("udp", pc.LocalAddr().String())
		if err != nil {
			return err
		}
		defer c.Close()
		for i := 0; i < n; i++ {
			if _, err := c.Write([]byte("x")); err != nil {
				return err
			}
			if i%20 == 19 {
				time.Sleep(200 * time.Microsecond) // stay below socket buffers
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return <-got
}

func TestPartitionFromBMCAddress(t *testing.T) {
	l := New(t, Options{Hosts: 2, BMC: NoBMC})
	h1, h2 := l.Hosts[0], l.Hosts[1]
	// Stand in for h2's BMC with a listener on its address.
	bmc, err := net.Listen("tcp", net.JoinHostPort(h2.BMC.IP.String(), "0"))
	if err != nil {
		t.Fatal(err)
	}
	defer bmc.Close()
	go func() {
		for {
			c, err := bmc.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	for _, h := range l.Hosts {
		if err := dialFrom(h, bmc.Addr().String(), 2*time.Second); err != nil {
			t.Fatalf("%s -> BMC of h2: %v", h.Name, err)
		}
	}
	if err := l.PartitionBMC(h1, h2); err != nil {
		t.Fatal(err)
	}
	if err := dialFrom(h1, bmc.Addr().String(), 500*time.Millisecond); err == nil {
		t.Error("h1 reached h2's BMC across a BMC partition")
	}
	if err := dialFrom(h2, bmc.Addr().String(), 2*time.Second); err != nil {
		t.Errorf("h2 -> its own BMC: %v", err)
	}
	if err := dialFrom(nil, bmc.Addr().String(), 2*time.Second); err != nil {
		t.Errorf("test process -> BMC: %v", err)
	}
	ln := listenIn(t, h2, h2.MgmtIP.String())
	if err := dialFrom(h1, ln.Addr().String(), 2*time.Second); err != nil {
		t.Errorf("h1 -> h2 host during BMC partition: %v", err)
	}
	if err := l.UnpartitionBMC(h1, h2); err != nil {
		t.Fatal(err)
	}
	if err := dialFrom(h1, bmc.Addr().String(), 2*time.Second); err != nil {
		t.Errorf("after UnpartitionBMC: %v", err)
	}
}

func TestPacketLoss(t *testing.T) {
	l := New(t, Options{Hosts: 2, BMC: NoBMC})
	h1, h2 := l.Hosts[0], l.Hosts[1]
	const n = 1000
	if got := udpDelivered(t, h1, h2, n); got < n*98/100 {
		t.Fatalf("without loss only %d of %d arrived", got, n)
	}
	if err := h1.SetLoss(MgmtNet, 0.3); err != nil {
		t.Fatal(err)
	}
	got := udpDelivered(t, h1, h2, n)
	t.Logf("30%% loss on h1: %d of %d datagrams arrived", got, n)
	// Binomial(1000, 0.7): mean 700, sd 14.5; allow more than 6 sd.
	if got < 600 || got > 800 {
		t.Errorf("30%% loss: %d of %d arrived, want about 700", got, n)
	}
	if err := h1.SetLoss(MgmtNet, 0); err != nil {
		t.Fatal(err)
	}
	if got := udpDelivered(t, h1, h2, n); got < n*98/100 {
		t.Errorf("after removing loss only %d of %d arrived", got, n)
	}
	if err := h1.SetLoss(MgmtNet, 1.5); err == nil {
		t.Error("SetLoss(1.5) succeeded")
	}
}

// transfer sends size bytes from one host to another over the management
// network and returns the throughput in bits per second.
func transfer(t *testing.T, from, to *Host, size int) float64 {
	t.Helper()
	ln := listenIn(t, to, to.MgmtIP.String())
	var d time.Duration
	err := from.Do(func() error {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), 2*time.Second)
		if err != nil {
			return err
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(30 * time.Second))
		buf := make([]byte, 64<<10)
		t0 := time.Now()
		for sent := 0; sent < size; sent += len(buf) {
			if _, err := c.Write(buf); err != nil {
				return err
			}
		}
		// Wait until the peer has everything: half-close and read EOF.
		if err := c.(*net.TCPConn).CloseWrite(); err != nil {
			return err
		}
		_, _ = c.Read(make([]byte, 1))
		d = time.Since(t0)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return float64(size) * 8 / d.Seconds()
}

func TestBandwidthLimit(t *testing.T) {
	l := New(t, Options{Hosts: 2, BMC: NoBMC})
	h1, h2 := l.Hosts[0], l.Hosts[1]
	free := transfer(t, h1, h2, 8<<20)
	const limit = 20_000_000 // 20 Mbit/s
	if err := h1.SetBandwidth(MgmtNet, limit); err != nil {
		t.Fatal(err)
	}
	limited := transfer(t, h1, h2, 4<<20)
	t.Logf("throughput h1->h2: %.0f Mbit/s unlimited, %.1f Mbit/s with a 20 Mbit/s limit", free/1e6, limited/1e6)
	if limited > limit*1.3 {
		t.Errorf("limited throughput %.1f Mbit/s exceeds the 20 Mbit/s limit", limited/1e6)
	}
	if limited < limit*0.5 {
		t.Errorf("limited throughput %.1f Mbit/s far below the 20 Mbit/s limit", limited/1e6)
	}
	if free < 3*limit {
		t.Errorf("unlimited throughput %.0f Mbit/s is not clearly above the limit", free/1e6)
	}
	if err := l.Heal(); err != nil {
		t.Fatal(err)
	}
	if again := transfer(t, h1, h2, 8<<20); again < 3*limit {
		t.Errorf("after Heal throughput %.1f Mbit/s, still limited", again/1e6)
	}
}

func TestLatencyNeedsFullKernel(t *testing.T) {
	if _, err := os.Stat("/sys/module/sch_netem"); err == nil {
		t.Skip("this kernel has netem: latency works here")
	}
	l := New(t, Options{Hosts: 1, BMC: NoBMC})
	err := l.Hosts[0].SetLatency(AllNets, 50*time.Millisecond)
	if !errors.Is(err, ErrNeedsFullKernel) || !errors.Is(err, errors.ErrUnsupported) {
		t.Errorf("SetLatency = %v, want ErrNeedsFullKernel", err)
	}
}

func TestPowerKillsOnlyThatHost(t *testing.T) {
	l := New(t, Options{Hosts: 2, BMC: NoBMC})
	h1, h2 := l.Hosts[0], l.Hosts[1]
	svc, err := h1.AddService("agent", func() *exec.Cmd { return h1.Command(context.Background(), "sleep", "1000") })
	if err != nil {
		t.Fatal(err)
	}
	p1, err := h1.Start("sleep", "1000")
	if err != nil {
		t.Fatal(err)
	}
	// A process the lab does not track, started through Command.
	raw := h1.Command(context.Background(), "sleep", "1000")
	if err := raw.Start(); err != nil {
		t.Fatal(err)
	}
	rawDone := make(chan error, 1)
	go func() { rawDone <- raw.Wait() }()
	p2, err := h2.Start("sleep", "1000")
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); len(h1.Pids()) != 3; {
		if time.Now().After(deadline) {
			t.Fatalf("h1 runs %d processes, want 3", len(h1.Pids()))
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := h1.PowerOff(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []*Proc{svc, p1} {
		select {
		case <-p.Done():
		case <-time.After(5 * time.Second):
			t.Errorf("%s (pid %d) survived power off", p.Name, p.Pid())
		}
	}
	select {
	case <-rawDone:
	case <-time.After(5 * time.Second):
		t.Error("untracked process survived power off")
	}
	if pids := h1.Pids(); len(pids) != 0 {
		t.Errorf("h1 still runs %v after power off", pids)
	}
	if !p2.Alive() || len(h2.Pids()) != 1 {
		t.Errorf("h2's process died with h1's power")
	}
	if _, err := h1.Start("sleep", "1"); !errors.Is(err, ErrPoweredOff) {
		t.Errorf("Start on a powered-off host: %v, want ErrPoweredOff", err)
	}
	if err := h1.Command(context.Background(), "true").Run(); !errors.Is(err, ErrPoweredOff) {
		t.Errorf("Command on a powered-off host: %v, want ErrPoweredOff", err)
	}
	if err := h1.PowerOn(); err != nil {
		t.Fatal(err)
	}
	again := h1.Service("agent")
	if again == nil || again == svc || !again.Alive() {
		t.Fatalf("boot service not restarted on power on: %v", again)
	}
	if pids := h1.Pids(); len(pids) != 1 || pids[0] != again.Pid() {
		t.Errorf("after power on h1 runs %v, want only the agent %d", pids, again.Pid())
	}
}

func TestPauseResumeKill(t *testing.T) {
	l := New(t, Options{Hosts: 1, BMC: NoBMC})
	p, err := l.Hosts[0].Start("sleep", "1000")
	if err != nil {
		t.Fatal(err)
	}
	waitState := func(want byte) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for procState(p.Pid()) != want {
			if time.Now().After(deadline) {
				t.Fatalf("process state %c, want %c", procState(p.Pid()), want)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	if err := p.Pause(); err != nil {
		t.Fatal(err)
	}
	waitState('T')
	if err := p.Resume(); err != nil {
		t.Fatal(err)
	}
	waitState('S')
	if err := p.Kill(); err != nil {
		t.Fatal(err)
	}
	if p.Alive() {
		t.Error("alive after Kill")
	}
	var ee *exec.ExitError
	if err := p.Wait(context.Background()); !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Errorf("Wait after Kill = %v, want killed by SIGKILL", err)
	}
}

func TestFillDisk(t *testing.T) {
	l := New(t, Options{Hosts: 1, BMC: NoBMC})
	h := l.Hosts[0]
	probe := filepath.Join(h.StateDir, "probe")
	if err := os.WriteFile(probe, []byte("ok"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := h.FillDisk(); err != nil {
		t.Fatal(err)
	}
	err := os.WriteFile(filepath.Join(h.StateDir, "more"), make([]byte, 64<<10), 0o600)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("write on a full disk: %v, want ENOSPC", err)
	}
	if err := h.FreeDisk(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(h.StateDir, "more"), make([]byte, 64<<10), 0o600); err != nil {
		t.Errorf("write after FreeDisk: %v", err)
	}
}

var qemuOptsCases = []struct {
	in   string
	want string
}{
	{"socket,id=s,path=/a,,b,logfile=/x/y.log", "socket|id=s|path=/a,b|logfile=/x/y.log"},
	{"file,id=f,path=/p", "file|id=f|path=/p"},
	{"a,,,b", "a,|b"},
	{"a,", "a|"},
	{"", ""},
}

func TestQEMUOpts(t *testing.T) {
	for _, c := range qemuOptsCases {
		if got := strings.Join(qemuOpts(c.in), "|"); got != c.want {
			t.Errorf("qemuOpts(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzQEMUOpts checks that splitting and re-escaping gives the input back.
func FuzzQEMUOpts(f *testing.F) {
	for _, c := range qemuOptsCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parts := qemuOpts(s)
		for i, p := range parts {
			parts[i] = strings.ReplaceAll(p, ",", ",,")
		}
		if back := strings.Join(parts, ","); back != s {
			t.Errorf("qemuOpts(%q) re-escaped = %q", s, back)
		}
	})
}

func TestConcurrentLabs(t *testing.T) {
	if testing.Short() {
		t.Skip("not with -short")
	}
	if err := Check(Options{}); err != nil {
		testenv.Unavailable(t, "%v", err)
	}
	const n = 3
	labs := make([]*Lab, n)
	errs := make([]error, n)
	done := make(chan int)
	for i := range n {
		go func() {
			labs[i], errs[i] = Start(context.Background(), Options{Hosts: 2, Name: fmt.Sprintf("c%d", i)})
			done <- i
		}()
	}
	for range n {
		<-done
	}
	seen := map[int]bool{}
	for i, l := range labs {
		if errs[i] != nil {
			t.Errorf("lab %d: %v", i, errs[i])
			continue
		}
		defer l.Close()
		if seen[l.Index] {
			t.Errorf("index %d claimed twice", l.Index)
		}
		seen[l.Index] = true
	}
	if t.Failed() {
		return
	}
	// Labs do not see each other: a listener in one lab's host is
	// reachable from its neighbour and not from the other lab's host.
	a, b := labs[0], labs[1]
	ln := listenIn(t, b.Hosts[0], b.Hosts[0].MgmtIP.String())
	if err := dialFrom(b.Hosts[1], ln.Addr().String(), 2*time.Second); err != nil {
		t.Fatalf("within lab %d: %v", b.Index, err)
	}
	if err := dialFrom(a.Hosts[0], ln.Addr().String(), 300*time.Millisecond); err == nil {
		t.Error("a host of one lab reached a host of another lab")
	}
}
