package lab

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		testenv.Unavailable(t, "%s not installed (test/deps.sh installs it)", name)
	}
}

// ipmitool runs ipmitool against a BMC from the test process (h == nil) or
// from inside host h.
func ipmitool(ctx context.Context, h *Host, b *BMC, r Role, args ...string) (string, error) {
	user, pwfile, err := b.Credentials(r)
	if err != nil {
		return "", err
	}
	priv := map[Role]string{Admin: "ADMINISTRATOR", Operator: "OPERATOR", User: "USER"}[r]
	retries := "2"
	if len(args) > 0 && args[0] == "unreachable" {
		// The caller expects no answer: do not wait for retries.
		retries, args = "1", args[1:]
	}
	argv := append([]string{"-I", "lanplus", "-C", "3", "-N", "1", "-R", retries, "-L", priv, "-H", b.IP.String(), "-U", user, "-f", pwfile}, args...)
	var cmd *exec.Cmd
	if h == nil {
		cmd = exec.CommandContext(ctx, "ipmitool", argv...)
	} else {
		cmd = h.Command(ctx, "ipmitool", argv...)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		err = fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), err
}

func waitFor(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestIPMILabBringUp(t *testing.T) {
	needTool(t, "ipmitool")
	t0 := time.Now()
	l := New(t, Options{Hosts: 3})
	t.Logf("3 hosts with IPMI BMCs up in %v", time.Since(t0))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, h := range l.Hosts {
		out, err := ipmitool(ctx, nil, h.BMC, Admin, "chassis", "power", "status")
		if err != nil || out != "Chassis Power is on" {
			t.Errorf("%s BMC from the test process: %q, %v", h.Name, out, err)
		}
	}
	// Every host reaches every BMC.
	for _, from := range l.Hosts {
		to := l.Hosts[(from.Index)%len(l.Hosts)]
		out, err := ipmitool(ctx, from, to.BMC, User, "chassis", "power", "status")
		if err != nil || out != "Chassis Power is on" {
			t.Errorf("%s -> BMC of %s: %q, %v", from.Name, to.Name, out, err)
		}
	}
	// The reference fence agent works by plain IP too (options on stdin:
	// no password in argv).
	if _, err := exec.LookPath("fence_ipmilan"); err == nil {
		h := l.Hosts[2]
		user, pwfile, _ := h.BMC.Credentials(Operator)
		pw, _ := os.ReadFile(pwfile)
		cmd := exec.CommandContext(ctx, "fence_ipmilan")
		cmd.Stdin = strings.NewReader(fmt.Sprintf("action=status\nip=%s\nusername=%s\npassword=%s\nlanplus=1\ncipher=3\nprivlvl=operator\n",
			h.BMC.IP, user, strings.TrimSpace(string(pw))))
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "Status: ON") {
			t.Errorf("fence_ipmilan status of %s: %q, %v", h.Name, out, err)
		}
	} else {
		testenv.Degraded(t, "fence_ipmilan not installed: no cross-check")
	}
	// Sensor injection shows up over IPMI.
	h := l.Hosts[0]
	if err := h.BMC.SetSensor(ctx, "CPU Temp", 91); err != nil {
		t.Fatal(err)
	}
	out, err := ipmitool(ctx, nil, h.BMC, User, "sensor", "reading", "CPU Temp")
	if err != nil || !strings.Contains(out, "91") {
		t.Errorf("CPU Temp after SetSensor(91): %q, %v", out, err)
	}
	if err := h.BMC.FailFan(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if out, err := ipmitool(ctx, nil, h.BMC, User, "sensor", "reading", "FAN2"); err != nil || !strings.HasSuffix(out, "| 0") {
		t.Errorf("FAN2 after FailFan(2): %q, %v", out, err)
	}
	if err := h.BMC.FailPSU(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := h.BMC.RaiseECC(ctx, false); err != nil {
		t.Fatal(err)
	}
	// Both discrete faults land in the SEL.
	out, err = ipmitool(ctx, nil, h.BMC, Admin, "sel", "list")
	if err != nil || !strings.Contains(out, "Power Supply") || !strings.Contains(out, "Memory") {
		t.Errorf("SEL after FailPSU and RaiseECC:\n%s\n%v", out, err)
	}
	// The other hosts' BMCs are untouched.
	if out, err := ipmitool(ctx, nil, l.Hosts[1].BMC, User, "sensor", "reading", "FAN2"); err != nil || strings.HasSuffix(out, "| 0") {
		t.Errorf("FAN2 of another host: %q, %v", out, err)
	}
}

func TestIPMIPowerOffKillsExactlyThatHost(t *testing.T) {
	needTool(t, "ipmitool")
	l := New(t, Options{Hosts: 2})
	h1, h2 := l.Hosts[0], l.Hosts[1]
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	agent, err := h1.AddService("agent", func() *exec.Cmd { return h1.Command(context.Background(), "sleep", "1000") })
	if err != nil {
		t.Fatal(err)
	}
	other, err := h1.Start("sleep", "1000")
	if err != nil {
		t.Fatal(err)
	}
	p2, err := h2.Start("sleep", "1000")
	if err != nil {
		t.Fatal(err)
	}
	// Fence h1 from h2, as a peer would, with the operator account.
	if out, err := ipmitool(ctx, h2, h1.BMC, Operator, "chassis", "power", "off"); err != nil {
		t.Fatalf("power off: %q, %v", out, err)
	}
	// The hook has run by the time ipmitool returns.
	for _, p := range []*Proc{agent, other} {
		select {
		case <-p.Done():
		case <-time.After(5 * time.Second):
			t.Errorf("%s survived the BMC power off", p.Name)
		}
	}
	if pids := h1.Pids(); len(pids) != 0 {
		t.Errorf("h1 still runs %v", pids)
	}
	if h1.On() {
		t.Error("h1 reads on after power off")
	}
	if !p2.Alive() {
		t.Error("h2's process died with h1")
	}
	waitFor(t, "BMC to read off", 10*time.Second, func() bool {
		out, _ := ipmitool(ctx, nil, h1.BMC, User, "chassis", "power", "status")
		return out == "Chassis Power is off"
	})
	// A USER account may not power on.
	if out, err := ipmitool(ctx, nil, h1.BMC, User, "chassis", "power", "on"); err == nil {
		t.Errorf("USER account powered on: %q", out)
	}
	if out, err := ipmitool(ctx, nil, h1.BMC, Operator, "chassis", "power", "on"); err != nil {
		t.Fatalf("power on: %q, %v", out, err)
	}
	waitFor(t, "boot service back", 10*time.Second, func() bool {
		p := h1.Service("agent")
		return p != nil && p != agent && p.Alive()
	})
	// A hard reset kills and restarts the host's software.
	before := h1.Service("agent")
	if out, err := ipmitool(ctx, nil, h1.BMC, Operator, "chassis", "power", "reset"); err != nil {
		t.Fatalf("power reset: %q, %v", out, err)
	}
	waitFor(t, "boot service back after the reset", 10*time.Second, func() bool {
		p := h1.Service("agent")
		return p != nil && p != before && p.Alive()
	})
	if before.Alive() {
		t.Error("the agent survived a hard reset")
	}
	if on, err := h1.BMC.Power(); err != nil || !on {
		t.Errorf("BMC power after on: %v, %v", on, err)
	}
	// The lab's own power methods go through the BMC: it reads the same.
	if err := h1.PowerOff(); err != nil {
		t.Fatal(err)
	}
	if on, err := h1.BMC.Power(); err != nil || on || h1.On() || len(h1.Pids()) != 0 {
		t.Errorf("after Host.PowerOff: BMC on=%v (%v), host on=%v, pids %v", on, err, h1.On(), h1.Pids())
	}
	if err := h1.PowerOn(); err != nil {
		t.Fatal(err)
	}
	if on, err := h1.BMC.Power(); err != nil || !on || !h1.On() || h1.Service("agent") == nil {
		t.Errorf("after Host.PowerOn: BMC on=%v (%v), host on=%v", on, err, h1.On())
	}
}

func TestRedfishPowerOffKillsHost(t *testing.T) {
	l := New(t, Options{Hosts: 2, BMC: Redfish, PowerDelay: 300 * time.Millisecond})
	h1, h2 := l.Hosts[0], l.Hosts[1]
	agent, err := h1.AddService("agent", func() *exec.Cmd { return h1.Command(context.Background(), "sleep", "1000") })
	if err != nil {
		t.Fatal(err)
	}
	p2, err := h2.Start("sleep", "1000")
	if err != nil {
		t.Fatal(err)
	}
	user, pwfile, err := h1.BMC.Credentials(Operator)
	if err != nil {
		t.Fatal(err)
	}
	pw, err := os.ReadFile(pwfile)
	if err != nil {
		t.Fatal(err)
	}
	reset := func(kind string) {
		t.Helper()
		body, _ := json.Marshal(map[string]string{"ResetType": kind})
		req, _ := http.NewRequest("POST", h1.BMC.URL+"/redfish/v1/Systems/1/Actions/ComputerSystem.Reset", bytes.NewReader(body))
		req.SetBasicAuth(user, strings.TrimSpace(string(pw)))
		req.Header.Set("Content-Type", "application/json")
		resp, err := h1.BMC.Redfish.HTTPClient().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			t.Fatalf("Reset %s: %s", kind, resp.Status)
		}
	}
	// Sensor faults reach the Redfish tree.
	ctx := context.Background()
	if err := h1.BMC.FailFan(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := h1.BMC.RaiseECC(ctx, false); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("GET", h1.BMC.URL+"/redfish/v1/Chassis/1/Thermal", nil)
	req.SetBasicAuth(user, strings.TrimSpace(string(pw)))
	resp, err := h1.BMC.Redfish.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var thermal struct {
		Fans []struct {
			Name   string
			Status struct{ Health string }
		}
	}
	err = json.NewDecoder(resp.Body).Decode(&thermal)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	failed := false
	for _, f := range thermal.Fans {
		failed = failed || (f.Name == "FAN1" && f.Status.Health == "Critical")
	}
	if !failed {
		t.Errorf("FAN1 not Critical after FailFan(1): %+v", thermal.Fans)
	}
	reset("ForceOff")
	select {
	case <-agent.Done():
	case <-time.After(15 * time.Second):
		t.Fatal("agent survived Redfish ForceOff")
	}
	waitFor(t, "Redfish PowerState Off", 10*time.Second, func() bool { on, _ := h1.BMC.Power(); return !on })
	if !p2.Alive() {
		t.Error("h2's process died with h1")
	}
	reset("On")
	waitFor(t, "boot service back", 15*time.Second, func() bool {
		p := h1.Service("agent")
		return p != nil && p != agent && p.Alive()
	})
	if err := h1.PowerOff(); err != nil {
		t.Fatal(err)
	}
	if on, err := h1.BMC.Power(); err != nil || on || h1.On() {
		t.Errorf("after Host.PowerOff: BMC on=%v (%v), host on=%v", on, err, h1.On())
	}
}

func TestPartitionFromRealBMC(t *testing.T) {
	needTool(t, "ipmitool")
	l := New(t, Options{Hosts: 2})
	h1, h2 := l.Hosts[0], l.Hosts[1]
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := l.PartitionBMC(h1, h2); err != nil {
		t.Fatal(err)
	}
	if out, err := ipmitool(ctx, h1, h2.BMC, User, "unreachable", "chassis", "power", "status"); err == nil {
		t.Errorf("h1 reached h2's BMC across a BMC partition: %q", out)
	}
	if out, err := ipmitool(ctx, h2, h2.BMC, User, "chassis", "power", "status"); err != nil {
		t.Errorf("h2 -> own BMC: %q, %v", out, err)
	}
	if err := l.Heal(); err != nil {
		t.Fatal(err)
	}
	if out, err := ipmitool(ctx, h1, h2.BMC, User, "chassis", "power", "status"); err != nil {
		t.Errorf("after heal: %q, %v", out, err)
	}
}

func TestCutPowerAndBMCDown(t *testing.T) {
	needTool(t, "ipmitool")
	l := New(t, Options{Hosts: 2})
	h1 := l.Hosts[0]
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	p, err := h1.Start("sleep", "1000")
	if err != nil {
		t.Fatal(err)
	}
	// BMC outage alone: the host runs on.
	if err := h1.BMC.SetDown(true); err != nil {
		t.Fatal(err)
	}
	if out, err := ipmitool(ctx, nil, h1.BMC, User, "unreachable", "chassis", "power", "status"); err == nil {
		t.Errorf("BMC answered while down: %q", out)
	}
	if !p.Alive() {
		t.Fatal("host process died with a BMC outage")
	}
	if err := h1.BMC.SetDown(false); err != nil {
		t.Fatal(err)
	}
	if out, err := ipmitool(ctx, nil, h1.BMC, User, "chassis", "power", "status"); err != nil || out != "Chassis Power is on" {
		t.Errorf("BMC back: %q, %v", out, err)
	}
	// Power cut: host and BMC gone.
	if err := h1.CutPower(ctx); err != nil {
		t.Fatal(err)
	}
	if p.Alive() {
		t.Error("host process survived the power cut")
	}
	if out, err := ipmitool(ctx, l.Hosts[1], h1.BMC, User, "unreachable", "chassis", "power", "status"); err == nil {
		t.Errorf("BMC answered during a power cut: %q", out)
	}
	if err := h1.RestorePower(); err != nil {
		t.Fatal(err)
	}
	if out, err := ipmitool(ctx, nil, h1.BMC, User, "chassis", "power", "status"); err != nil || out != "Chassis Power is off" {
		t.Errorf("after power restore: %q, %v, want off", out, err)
	}
}

// labTraces lists what a lab with index i leaves on the machine.
func labTraces(i int) []string {
	var out []string
	if m, _ := filepath.Glob(fmt.Sprintf("/run/netns/vlab%d-*", i)); len(m) > 0 {
		out = append(out, m...)
	}
	if _, err := os.Stat(filepath.Join(runRoot, fmt.Sprint(i))); err == nil {
		out = append(out, "dir "+filepath.Join(runRoot, fmt.Sprint(i)))
	}
	if ms, _ := mountsUnder(filepath.Join(runRoot, fmt.Sprint(i))); len(ms) > 0 {
		out = append(out, ms...)
	}
	if _, err := os.Stat(sharedDir(i)); err == nil {
		out = append(out, "dir "+sharedDir(i))
	}
	if _, err := os.Stat("/sys/class/net/" + rootIfName(i)); err == nil {
		out = append(out, "link "+rootIfName(i))
	}
	if err := exec.Command("nft", "list", "table", "inet", rootTable(i)).Run(); err == nil {
		out = append(out, "nft table "+rootTable(i))
	}
	return out
}

func childPids() []int {
	var out []int
	self := fmt.Sprint(os.Getpid())
	for _, p := range listPids() {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p))
		if err != nil {
			continue
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) > 1 && f[1] == self && f[0] != "Z" {
			out = append(out, p)
		}
	}
	return out
}

func TestTeardownLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("not with -short")
	}
	if err := Check(Options{}); err != nil {
		testenv.Unavailable(t, "%v", err)
	}
	before := len(childPids())
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	l, err := Start(ctx, Options{Hosts: 3, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	idx := l.Index
	var pids []int
	for _, h := range l.Hosts {
		p, err := h.Start("sleep", "1000")
		if err != nil {
			t.Fatal(err)
		}
		pids = append(pids, p.Pid())
		// A process the lab does not track, in its own session.
		cmd := h.Command(ctx, "setsid", "sleep", "1000")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		pids = append(pids, cmd.Process.Pid)
		go func() { _ = cmd.Wait() }()
	}
	// Leave faults in place: teardown must undo them.
	errs := []error{
		l.Partition(l.Hosts[0], l.Hosts[1]),
		l.Hosts[2].SetLoss(AllNets, 0.1),
		l.Hosts[2].SetBandwidth(MgmtNet, 10_000_000),
		l.Hosts[1].BMC.SetDown(true),
		l.Hosts[0].FillDisk(),
	}
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if traces := labTraces(idx); len(traces) == 0 {
		t.Fatal("a running lab leaves no traces: the check is blind")
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if traces := labTraces(idx); len(traces) > 0 {
		t.Errorf("left behind: %v", traces)
	}
	for _, p := range pids {
		if procStart(p) != "" && !isZombie(p) {
			t.Errorf("process %d started on a lab host survived Close", p)
		}
	}
	waitFor(t, "children reaped", 5*time.Second, func() bool { return len(childPids()) <= before })
	if err := l.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestSweepAfterCrash kills a process that owns a lab (SIGKILL: no
// cleanup runs) and checks that the next Start removes its leftovers.
func TestSweepAfterCrash(t *testing.T) {
	if os.Getenv("VIGIL_LAB_CRASH") == "1" {
		l, err := Start(context.Background(), Options{Hosts: 2, BMC: NoBMC})
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(1)
		}
		// An untracked process (no Pdeathsig): only the sweep removes it.
		p := l.Hosts[0].Command(context.Background(), "setsid", "sleep", "1000")
		if err := p.Start(); err != nil {
			fmt.Println("ERR", err)
			os.Exit(1)
		}
		tracked, err := l.Hosts[1].Start("sleep", "1000")
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(1)
		}
		fmt.Println("LAB", l.Index, p.Process.Pid, tracked.Pid())
		os.Stdout.Sync()
		select {} // killed by the parent
	}
	if testing.Short() {
		t.Skip("not with -short")
	}
	if err := Check(Options{BMC: NoBMC}); err != nil {
		testenv.Unavailable(t, "%v", err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSweepAfterCrash$")
	cmd.Env = append(os.Environ(), "VIGIL_LAB_CRASH=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var idx, pid, tracked int
	buf := make([]byte, 256)
	n, _ := out.Read(buf)
	if _, err := fmt.Sscanf(string(buf[:n]), "LAB %d %d %d", &idx, &pid, &tracked); err != nil {
		_ = cmd.Process.Kill()
		t.Fatalf("child: %q: %v", buf[:n], err)
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	if len(labTraces(idx)) == 0 || procStart(pid) == "" {
		t.Fatal("crashed lab left nothing to sweep: the check is blind")
	}
	// A tracked process dies with its owner, before any sweep.
	waitFor(t, "the tracked process to die with its owner", 5*time.Second, func() bool {
		return procStart(tracked) == "" || isZombie(tracked)
	})
	childPid := cmd.Process.Pid
	New(t, Options{Hosts: 1, BMC: NoBMC})
	if procStart(pid) != "" && !isZombie(pid) {
		t.Errorf("process %d of the crashed lab survived the sweep", pid)
	}
	// The index is free again, or already claimed by a live lab (this one,
	// or one of a test binary running at the same time): never still owned
	// by the dead child.
	dir := filepath.Join(runRoot, fmt.Sprint(idx))
	if b, err := os.ReadFile(filepath.Join(dir, "owner")); err == nil {
		var owner int
		fmt.Sscanf(string(b), "%d", &owner)
		if owner == childPid || !ownerAlive(dir) {
			t.Errorf("lab %d still owned by the dead process %d", idx, owner)
		}
	} else if traces := labTraces(idx); len(traces) > 0 {
		t.Errorf("crashed lab %d left: %v", idx, traces)
	}
}

// TestStartFailureCleansUp makes Start fail after the network is built (a
// Redfish mockup that does not exist): nothing may be left behind.
func TestStartFailureCleansUp(t *testing.T) {
	if testing.Short() {
		t.Skip("not with -short")
	}
	if err := Check(Options{BMC: Redfish}); err != nil {
		testenv.Unavailable(t, "%v", err)
	}
	var logs []string
	_, err := Start(context.Background(), Options{Hosts: 2, BMC: Redfish, RedfishMockup: "/nonexistent/mockup",
		Logf: func(f string, a ...any) { logs = append(logs, fmt.Sprintf(f, a...)) }})
	if err == nil {
		t.Fatal("Start with a missing mockup succeeded")
	}
	t.Logf("Start: %v", err)
	var idx int
	for _, line := range logs {
		if _, err := fmt.Sscanf(line, "lab %d:", &idx); err == nil {
			break
		}
	}
	if idx == 0 {
		t.Fatalf("no lab index in the logs %q: did Start fail before building anything?", logs)
	}
	if traces := labTraces(idx); len(traces) > 0 {
		t.Errorf("failed Start left: %v", traces)
	}
	if _, err := Start(context.Background(), Options{Hosts: 0, Name: "Bad Name"}); err == nil {
		t.Error("Start accepted an invalid name")
	}
	if _, err := Start(context.Background(), Options{Hosts: 51}); err == nil {
		t.Error("Start accepted 51 hosts")
	}
}

// TestRedfishSharedFenceAccount: with BMCPasswords' Operator entry, every
// Redfish BMC has the same Operator account, which powers a host off; the
// administrator stays per BMC and a wrong password is refused.
func TestRedfishSharedFenceAccount(t *testing.T) {
	l := New(t, Options{Hosts: 2, BMC: Redfish, PowerDelay: -1, BMCPasswords: map[ipmisim.Role]string{ipmisim.Operator: "fence42"}})
	for _, h := range l.Hosts {
		user, pwfile, err := h.BMC.Credentials(Operator)
		if err != nil {
			t.Fatal(err)
		}
		pw, err := os.ReadFile(pwfile)
		if err != nil {
			t.Fatal(err)
		}
		if user != "fencer" || string(pw) != "fence42" {
			t.Errorf("%s Operator credentials = %q / %q, want fencer / fence42", h.Name, user, pw)
		}
		if admin, _, _ := h.BMC.Credentials(Admin); admin == "fencer" {
			t.Errorf("%s Admin credentials are the fence account", h.Name)
		}
	}
	h2 := l.Hosts[1]
	reset := func(password string) int {
		t.Helper()
		req, _ := http.NewRequest("POST", h2.BMC.URL+"/redfish/v1/Systems/1/Actions/ComputerSystem.Reset", strings.NewReader(`{"ResetType":"ForceOff"}`))
		req.SetBasicAuth("fencer", password)
		req.Header.Set("Content-Type", "application/json")
		resp, err := h2.BMC.Redfish.HTTPClient().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := reset("wrong"); code != http.StatusUnauthorized {
		t.Errorf("ForceOff with a wrong password: %d, want 401", code)
	}
	if !h2.On() {
		t.Fatal("h2 off after a refused reset")
	}
	if code := reset("fence42"); code/100 != 2 {
		t.Fatalf("ForceOff with the fence account: %d", code)
	}
	waitFor(t, "h2 off", 10*time.Second, func() bool { return !h2.On() })
}
