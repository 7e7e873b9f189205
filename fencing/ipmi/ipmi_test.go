package ipmi_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/fencing/ipmi"
	"github.com/vigil-ha/vigil/internal/rmcp"
	"github.com/vigil-ha/vigil/internal/rmcp/rmcptest"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// startSim runs a real ipmi_sim whose power hooks write a marker file, the
// way the lab kills and restarts a host's processes.
func startSim(t *testing.T, cfg ipmisim.Config) (*ipmisim.Sim, string) {
	t.Helper()
	marker := filepath.Join(t.TempDir(), "host-state")
	cfg.OnPowerOff = "echo killed > " + marker
	cfg.OnPowerOn = "echo running > " + marker
	return ipmisim.New(t, cfg), marker
}

func config(t testing.TB, sim *ipmisim.Sim, role ipmisim.Role) ipmi.Config {
	t.Helper()
	user, file := sim.User(role)
	pw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// No cipher suite setting: the zero value must mean auto (suite 3 with
	// ipmi_sim, checked in do), never suite 0.
	return ipmi.Config{Host: sim.Host(), Port: sim.Port(), User: user, Password: strings.TrimSpace(string(pw))}
}

func do(t *testing.T, cfg ipmi.Config, a fencing.Action, timeout time.Duration) (fencing.Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	f, err := ipmi.Dial(ctx, cfg)
	if err != nil {
		return fencing.Result{}, err
	}
	defer f.Close()
	if f.CipherSuite() != 3 {
		t.Errorf("negotiated cipher suite %d with ipmi_sim, want 3 (the strongest it has)", f.CipherSuite())
	}
	return fencing.Do(ctx, f, a, fencing.Confirm{})
}

// fenceIPMILanStatus asks Debian's fence_ipmilan for the power state, with
// its options (password included) on stdin, never in argv.
func fenceIPMILanStatus(t *testing.T, cfg ipmi.Config) string {
	t.Helper()
	if _, err := exec.LookPath("fence_ipmilan"); err != nil {
		testenv.Degraded(t, "fence_ipmilan not installed: no cross-check")
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "fence_ipmilan")
	cmd.Stdin = strings.NewReader(fmt.Sprintf("ip=%s\nipport=%d\nusername=%s\npassword=%s\nlanplus=1\ncipher=3\nprivlvl=operator\naction=status\n",
		cfg.Host, cfg.Port, cfg.User, cfg.Password))
	out, _ := cmd.CombinedOutput()
	s := string(out)
	switch {
	case strings.Contains(s, "Status: ON"):
		return "on"
	case strings.Contains(s, "Status: OFF"):
		return "off"
	}
	t.Fatalf("fence_ipmilan status: %s", strings.ReplaceAll(s, cfg.Password, "****"))
	return ""
}

func TestOffOnCycleStatusAgainstIPMISim(t *testing.T) {
	sim, marker := startSim(t, ipmisim.Config{})
	cfg := config(t, sim, ipmisim.Operator)

	res, err := do(t, cfg, fencing.ActionOff, 10*time.Second)
	if err != nil || !res.Confirmed || res.Power != fencing.PowerOff {
		t.Fatalf("off = %+v, %v; want confirmed off", res, err)
	}
	if on, _ := sim.Power(); on {
		t.Fatal("vigil confirmed off but the simulator's chassis is on")
	}
	if b, _ := os.ReadFile(marker); strings.TrimSpace(string(b)) != "killed" {
		t.Fatalf("power-off hook did not run: marker %q", b)
	}
	if got := fenceIPMILanStatus(t, cfg); got != "" && got != "off" {
		t.Fatalf("after off fence_ipmilan reads %s, vigil off", got)
	}
	t.Logf("off confirmed in %v (%d polls)", res.Elapsed, res.Polls)

	res, err = do(t, cfg, fencing.ActionStatus, 10*time.Second)
	if err != nil || res.Power != fencing.PowerOff {
		t.Fatalf("status = %+v, %v; want off", res, err)
	}
	res, err = do(t, cfg, fencing.ActionOn, 10*time.Second)
	if err != nil || !res.Confirmed || res.Power != fencing.PowerOn {
		t.Fatalf("on = %+v, %v; want confirmed on", res, err)
	}
	if b, _ := os.ReadFile(marker); strings.TrimSpace(string(b)) != "running" {
		t.Fatalf("power-on hook did not run: marker %q", b)
	}
	if got := fenceIPMILanStatus(t, cfg); got != "" && got != "on" {
		t.Fatalf("after on fence_ipmilan reads %s, vigil on", got)
	}
	res, err = do(t, cfg, fencing.ActionCycle, 10*time.Second)
	if err != nil || !res.Confirmed || res.Power != fencing.PowerOn {
		t.Fatalf("cycle = %+v, %v; want confirmed on", res, err)
	}
	if log := sim.ChassisLog(); strings.Count(log, "set power 0") < 2 {
		t.Fatalf("cycle did not power off on the BMC; chassis log:\n%s", log)
	}
	if got := fenceIPMILanStatus(t, cfg); got != "" && got != "on" {
		t.Fatalf("after cycle fence_ipmilan reads %s, vigil on", got)
	}
}

func TestOffWaitsForSlowBMC(t *testing.T) {
	sim, _ := startSim(t, ipmisim.Config{OffDelay: time.Second})
	cfg := config(t, sim, ipmisim.Operator)
	res, err := do(t, cfg, fencing.ActionOff, 10*time.Second)
	if err != nil || !res.Confirmed || res.Power != fencing.PowerOff {
		t.Fatalf("off = %+v, %v; want confirmed off", res, err)
	}
	if res.Elapsed < 900*time.Millisecond || res.Polls < 2 {
		t.Fatalf("off confirmed after %v and %d polls, but the BMC read on for 1s", res.Elapsed, res.Polls)
	}
	if on, _ := sim.Power(); on {
		t.Fatal("confirmed off while the simulator still reads on")
	}

	// With a deadline shorter than the BMC's delay: not confirmed, last
	// state on.
	if err := sim.SetPower(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	res, err = do(t, cfg, fencing.ActionOff, 500*time.Millisecond)
	if !errors.Is(err, fencing.ErrNotConfirmed) || res.Confirmed || res.Power != fencing.PowerOn {
		t.Fatalf("off with a 500ms deadline on a 1s BMC = %+v, %v; want ErrNotConfirmed, power on", res, err)
	}
}

func TestRefusals(t *testing.T) {
	sim, _ := startSim(t, ipmisim.Config{})
	op := config(t, sim, ipmisim.Operator)

	wrong := op
	wrong.Password = "not-the-password"
	start := time.Now()
	_, err := do(t, wrong, fencing.ActionOff, 10*time.Second)
	if !errors.Is(err, fencing.ErrAuth) || time.Since(start) > 3*time.Second {
		t.Fatalf("wrong password = %v after %v; want ErrAuth at once", err, time.Since(start))
	}
	if strings.Contains(err.Error(), wrong.Password) {
		t.Fatalf("error text carries the password: %v", err)
	}
	unknown := op
	unknown.User = "nobody"
	if _, err := do(t, unknown, fencing.ActionStatus, 10*time.Second); !errors.Is(err, fencing.ErrAuth) {
		t.Fatalf("unknown user = %v, want ErrAuth", err)
	}

	user := config(t, sim, ipmisim.User)
	_, err = do(t, user, fencing.ActionOff, 10*time.Second)
	if !errors.Is(err, fencing.ErrPrivilege) || !strings.Contains(err.Error(), "insufficient privilege") || !strings.Contains(err.Error(), "OPERATOR") {
		t.Fatalf("USER account = %v; want a clear insufficient privilege error naming OPERATOR", err)
	}
	if on, _ := sim.Power(); !on {
		t.Fatal("a refused account changed the power")
	}
	if !sim.Alive() {
		t.Fatal("ipmi_sim died")
	}
}

// TestCipherRefusals: a suite the BMC does not have is fencing.ErrCipher
// (permanent: no retry); a weak suite is refused before anything is sent,
// so suite 2 (which crashes ipmi_sim) never reaches it, unless explicitly
// allowed.
func TestCipherRefusals(t *testing.T) {
	sim, _ := startSim(t, ipmisim.Config{})
	cfg := config(t, sim, ipmisim.Operator)
	cfg.CipherSuite = 17 // ipmi_sim has no SHA-256 suites
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := ipmi.Dial(ctx, cfg)
	if !errors.Is(err, fencing.ErrCipher) || !fencing.Permanent(err) || !strings.Contains(err.Error(), "cipher suites") {
		t.Fatalf("suite 17 against ipmi_sim = %v; want a permanent ErrCipher naming the suites", err)
	}
	for _, suite := range []int{1, 2} {
		cfg.CipherSuite = suite
		_, err = ipmi.Dial(ctx, cfg)
		if !errors.Is(err, rmcp.ErrWeakPolicy) {
			t.Fatalf("suite %d without AllowWeakCipher = %v; want ErrWeakPolicy", suite, err)
		}
	}
	if !sim.Alive() || sim.Crashes() != 0 {
		t.Fatal("a refused weak suite reached ipmi_sim (suite 2 crashes it)")
	}
	if on, _ := sim.Power(); !on {
		t.Fatal("power changed")
	}
}

// TestDowngradeRefused: a man in the middle rewrites the Open Session
// Request to no integrity and no confidentiality; ipmi_sim agrees, and Dial
// must refuse the session instead of fencing through it.
func TestDowngradeRefused(t *testing.T) {
	sim, _ := startSim(t, ipmisim.Config{})
	cfg := config(t, sim, ipmisim.Operator)
	cfg.Host = "127.0.0.1"

	// Control: through a relay that changes nothing, the session opens.
	clean := rmcptest.StartDowngradeRelay(t, sim.Addr(), 0x01, 0x01)
	cfg.Port = clean.Port()
	if _, err := do(t, cfg, fencing.ActionStatus, 10*time.Second); err != nil {
		t.Fatalf("through a transparent relay: %v", err)
	}

	mitm := rmcptest.StartDowngradeRelay(t, sim.Addr(), 0x00, 0x00)
	cfg.Port = mitm.Port()
	_, err := do(t, cfg, fencing.ActionOff, 10*time.Second)
	if !errors.Is(err, ipmi.ErrWeakCipher) || !errors.Is(err, rmcp.ErrWeakCipher) {
		t.Fatalf("downgraded session: %v, want ErrWeakCipher", err)
	}
	if !strings.Contains(err.Error(), "confidentiality") || strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("error %q should name the algorithms and never the password", err)
	}
	if on, _ := sim.Power(); !on {
		t.Fatal("power changed through a downgraded session")
	}
	t.Logf("refused: %v", err)
}

func TestUnreachableBMC(t *testing.T) {
	// A UDP socket that never answers: a BMC whose network is cut.
	pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	port := pc.LocalAddr().(*net.UDPAddr).Port
	cfg := ipmi.Config{Host: "127.0.0.1", Port: port, User: "operator", Password: "x", CipherSuite: 3}
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err = ipmi.Dial(ctx, cfg)
	took := time.Since(start)
	if !errors.Is(err, fencing.ErrUnreachable) || !strings.Contains(err.Error(), fmt.Sprint(port)) {
		t.Fatalf("silent BMC = %v; want ErrUnreachable naming the target", err)
	}
	if took > 4*time.Second {
		t.Fatalf("silent BMC took %v with a 2s deadline", took)
	}
}

func TestLevelThroughManagerGuards(t *testing.T) {
	cfg := ipmi.Config{Host: "10.0.0.9", User: "operator", CipherSuite: 3}
	lv := ipmi.Level("ipmi", cfg, time.Second, 1)
	if lv.Target != "10.0.0.9:623" || !fencing.SameBMC(lv.Target, "https://10.0.0.9") {
		t.Fatalf("Level target %q", lv.Target)
	}
}
