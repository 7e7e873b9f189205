package ipmisim

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bougou/go-ipmi/pkg/client"
	"github.com/bougou/go-ipmi/pkg/types"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// needSim skips the test when the real peers are missing. CI installs them
// (test/deps.sh), so there these tests always run.
func needSim(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts ipmi_sim; skipped with -short")
	}
	if err := Available(); err != nil {
		testenv.Unavailable(t, "%v", err)
	}
	if _, err := exec.LookPath("ipmitool"); err != nil {
		testenv.Unavailable(t, "ipmitool not installed (Debian package ipmitool)")
	}
}

func startSim(t *testing.T, cfg Config) *Sim {
	t.Helper()
	if cfg.Dir == "" {
		cfg.Dir = t.TempDir()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := Start(ctx, cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var privName = map[Role]string{Admin: "ADMINISTRATOR", Operator: "OPERATOR", User: "USER"}

// ipmitool runs ipmitool against s as role, asking for the role's own
// privilege level, with the password from the role's file (never argv).
func ipmitool(t testing.TB, s *Sim, r Role, args ...string) (string, error) {
	t.Helper()
	return ipmitoolPriv(t, s, r, privName[r], args...)
}

func ipmitoolPriv(t testing.TB, s *Sim, r Role, priv string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	name, pwfile := s.User(r)
	base := []string{"-I", "lanplus", "-C", "3", "-H", s.Host(), "-p", strconv.Itoa(s.Port()),
		"-U", name, "-f", pwfile, "-L", priv, "-N", "1", "-R", "2"}
	out, err := exec.CommandContext(ctx, "ipmitool", append(base, args...)...).CombinedOutput()
	return string(out), err
}

func mustIpmitool(t *testing.T, s *Sim, r Role, args ...string) string {
	t.Helper()
	out, err := ipmitool(t, s, r, args...)
	if err != nil {
		t.Fatalf("ipmitool %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// sensorRow is one line of `ipmitool sensor list`.
type sensorRow struct {
	value, unit, status string
	thresholds          [6]string // lnr lc lnc unc uc unr, as printed
}

func sensorList(t *testing.T, s *Sim) map[string]sensorRow {
	t.Helper()
	out := mustIpmitool(t, s, User, "sensor", "list")
	rows := map[string]sensorRow{}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Split(line, "|")
		if len(f) != 10 {
			continue
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		var r sensorRow
		r.value, r.unit, r.status = f[1], f[2], f[3]
		copy(r.thresholds[:], f[4:10])
		rows[f[0]] = r
	}
	return rows
}

// ipmitoolOrder is the order of thresholds in ipmitool's sensor list.
var ipmitoolOrder = [6]Threshold{LowerNonRecoverable, LowerCritical, LowerNonCritical,
	UpperNonCritical, UpperCritical, UpperNonRecoverable}

func parseNum(t *testing.T, what, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%s: %q is not a number", what, s)
	}
	return v
}

func TestStartAndSensorList(t *testing.T) {
	needSim(t)
	t.Parallel()
	t0 := time.Now()
	s := startSim(t, Config{Name: "sensors"})
	t.Logf("Start (ipmi_sim answering, SEL clock set): %v", time.Since(t0))

	rows := sensorList(t, s)
	for _, sn := range Sensors() {
		r, ok := rows[sn.Name]
		if !ok {
			t.Errorf("sensor list has no %q; got %v", sn.Name, rows)
			continue
		}
		if sn.Discrete() {
			wantValue := fmt.Sprintf("0x%x", sn.InitialBits&0xff)
			wantStatus := fmt.Sprintf("0x%02x%02x", sn.InitialBits&0xff, sn.InitialBits>>8)
			if r.value != wantValue || r.unit != "discrete" || r.status != wantStatus {
				t.Errorf("%s = %q %q %q, want %q discrete %q", sn.Name, r.value, r.unit, r.status, wantValue, wantStatus)
			}
			continue
		}
		if got := parseNum(t, sn.Name, r.value); math.Abs(got-sn.Initial) > 1e-9 {
			t.Errorf("%s reads %v, want %v", sn.Name, got, sn.Initial)
		}
		if r.unit != sn.Unit || r.status != "ok" {
			t.Errorf("%s unit/status = %q/%q, want %q/ok", sn.Name, r.unit, r.status, sn.Unit)
		}
		for i, th := range ipmitoolOrder {
			want, has := sn.Thresholds[th]
			got := r.thresholds[i]
			if !has {
				if got != "na" {
					t.Errorf("%s %v = %q, want na", sn.Name, th, got)
				}
				continue
			}
			if v := parseNum(t, sn.Name+" "+th.String(), got); math.Abs(v-want) > 1e-9 {
				t.Errorf("%s %v = %v, want %v", sn.Name, th, v, want)
			}
		}
	}
	if len(rows) != len(Sensors()) {
		t.Errorf("sensor list has %d sensors, want %d: %v", len(rows), len(Sensors()), rows)
	}

	// The SEL clock was set at start: within a minute of now.
	out := mustIpmitool(t, s, Admin, "sel", "time", "get")
	bmcTime, err := time.ParseInLocation("01/02/06 15:04:05", strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(out), "UTC")), time.UTC)
	if err != nil {
		t.Fatalf("sel time get: %q: %v", out, err)
	}
	if d := time.Since(bmcTime); d > time.Minute || d < -time.Minute {
		t.Errorf("SEL time %v is %v away from now", bmcTime, d)
	}
}

// selList returns `ipmitool sel elist` lines.
func selList(t *testing.T, s *Sim) []string {
	t.Helper()
	out := mustIpmitool(t, s, User, "sel", "elist")
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "|") {
			lines = append(lines, l)
		}
	}
	return lines
}

func countSEL(lines []string, parts ...string) int {
	n := 0
	for _, l := range lines {
		all := true
		for _, p := range parts {
			if !strings.Contains(l, p) {
				all = false
				break
			}
		}
		if all {
			n++
		}
	}
	return n
}

// assertedStates returns the "[...]" states of a discrete sensor from
// `ipmitool sensor get`.
func assertedStates(t *testing.T, s *Sim, name string) []string {
	t.Helper()
	out := mustIpmitool(t, s, User, "sensor", "get", name)
	var states []string
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
			states = append(states, strings.Trim(l, "[]"))
		}
	}
	return states
}

func TestFaultInjection(t *testing.T) {
	needSim(t)
	t.Parallel()
	s := startSim(t, Config{Name: "faults"})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	// Threshold sensors: reading, status and SEL events.
	if err := s.SetFan(ctx, 1, 800); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTemperature(ctx, CPUTemp, 90); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSensor(ctx, V12, 10.5); err != nil {
		t.Fatal(err)
	}
	if err := s.FailFan(ctx, 2); err != nil {
		t.Fatal(err)
	}
	rows := sensorList(t, s)
	for _, c := range []struct {
		name   string
		value  float64
		status string
	}{
		{Fan1, 800, "cr"}, {Fan2, 0, "nr"}, {CPUTemp, 90, "nc"}, {V12, 10.5, "cr"}, {InletTemp, 24, "ok"},
	} {
		r := rows[c.name]
		if v := parseNum(t, c.name, r.value); math.Abs(v-c.value) > 1e-9 || r.status != c.status {
			t.Errorf("%s = %v %s, want %v %s", c.name, r.value, r.status, c.value, c.status)
		}
	}
	sel := selList(t, s)
	for _, want := range [][]string{
		{"FAN1", "Lower Critical going low", "Asserted", "Reading 800 < Threshold 1000 RPM"},
		{"FAN1", "Lower Non-critical going low", "Asserted"},
		{"FAN2", "Lower Non-recoverable going low", "Asserted"},
		{"CPU Temp", "Upper Non-critical going high", "Asserted", "Reading 90 > Threshold 85 degrees C"},
		{"12V", "Lower Critical going low", "Asserted"},
	} {
		if countSEL(sel, want...) != 1 {
			t.Errorf("SEL has %d entries with %q, want 1:\n%s", countSEL(sel, want...), want, strings.Join(sel, "\n"))
		}
	}
	if countSEL(sel, "CPU Temp", "Upper Critical") != 0 {
		t.Errorf("CPU at 90 C logged an upper critical event:\n%s", strings.Join(sel, "\n"))
	}

	// Discrete sensors.
	if err := s.FailPSU(ctx, 1); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := s.RaiseECC(ctx, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RaiseECC(ctx, false); err != nil {
		t.Fatal(err)
	}
	if err := s.SetBit(ctx, CPUStatus, CPUThermalTrip, true); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		want []string
	}{
		{PSU1Status, []string{"Presence detected", "Failure detected"}},
		{PSU2Status, []string{"Presence detected"}},
		{PSURedundancy, []string{"Redundancy Lost"}},
		{DIMMECC, []string{"Correctable ECC", "Uncorrectable ECC"}},
		{CPUStatus, []string{"Thermal Trip", "Presence detected"}},
	} {
		if got := assertedStates(t, s, c.name); strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s states = %q, want %q", c.name, got, c.want)
		}
	}
	sel = selList(t, s)
	for _, c := range []struct {
		n     int
		parts []string
	}{
		{1, []string{"PSU1 Status", "Failure detected", "Asserted"}},
		{1, []string{"PSU Redundancy", "Redundancy Lost", "Asserted"}},
		{2, []string{"DIMM ECC", "| Correctable ECC", "Asserted"}},
		{1, []string{"DIMM ECC", "Uncorrectable ECC", "Asserted"}},
		{1, []string{"CPU Status", "Thermal Trip", "Asserted"}},
	} {
		if got := countSEL(sel, c.parts...); got != c.n {
			t.Errorf("SEL has %d entries with %q, want %d:\n%s", got, c.parts, c.n, strings.Join(sel, "\n"))
		}
	}

	// Repair and reset log deassertions and restore the readings.
	if err := s.RepairPSU(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetSensor(ctx, Fan1); err != nil {
		t.Fatal(err)
	}
	if got := assertedStates(t, s, PSURedundancy); strings.Join(got, ",") != "Fully Redundant" {
		t.Errorf("after RepairPSU redundancy = %q", got)
	}
	if r := sensorList(t, s)[Fan1]; r.value != "8400.000" || r.status != "ok" {
		t.Errorf("after ResetSensor FAN1 = %s %s", r.value, r.status)
	}
	sel = selList(t, s)
	if countSEL(sel, "PSU1 Status", "Failure detected", "Deasserted") != 1 ||
		countSEL(sel, "FAN1", "Lower Critical going low", "Deasserted") != 1 {
		t.Errorf("repair/reset logged no deassertions:\n%s", strings.Join(sel, "\n"))
	}

	// An injected SEL record.
	if err := s.AddSEL(ctx, PSU2Status, PSUPredictiveFailure, false, 0xff, 0xff); err != nil {
		t.Fatal(err)
	}
	if n := countSEL(selList(t, s), "PSU2 Status", "Predictive failure", "Asserted"); n != 1 {
		t.Errorf("AddSEL: %d matching entries, want 1", n)
	}

	// Bad input: clear errors, nothing changed.
	for name, err := range map[string]error{
		"value on discrete":  s.SetSensor(ctx, PSU1Status, 1),
		"bit on threshold":   s.SetBit(ctx, Fan1, 0, true),
		"unknown sensor":     s.SetSensor(ctx, "FAN9", 1000),
		"out of range":       s.SetSensor(ctx, V12, 20),
		"unsupported offset": s.SetBit(ctx, PSU1Status, 9, true),
		"no fan 3":           s.FailFan(ctx, 3),
		"not a temperature":  s.SetTemperature(ctx, Fan2, 30),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if !errors.Is(s.SetSensor(ctx, PSU1Status, 1), ErrDiscrete) || !errors.Is(s.SetBit(ctx, Fan1, 0, true), ErrThreshold) ||
		!errors.Is(s.ResetSensor(ctx, "FAN9"), ErrUnknownSensor) {
		t.Error("sentinel errors not wrapped")
	}
	if r := sensorList(t, s)[V12]; r.value != "10.500" {
		t.Errorf("out-of-range SetSensor changed 12V to %s", r.value)
	}
}

func TestPowerHooksAndPrivileges(t *testing.T) {
	needSim(t)
	t.Parallel()
	dir := t.TempDir()
	events := filepath.Join(dir, "events")
	hostPid := filepath.Join(dir, "host.pid")
	s := startSim(t, Config{
		Dir:        dir,
		Name:       "power",
		OnPowerOff: fmt.Sprintf(`echo "off $IPMISIM_POWER $IPMISIM_NAME" >> %s; [ -f %s ] && kill $(cat %s); rm -f %s`, events, hostPid, hostPid, hostPid),
		// The "host" is a background process that outlives the hook.
		OnPowerOn: fmt.Sprintf(`echo "on $IPMISIM_POWER $IPMISIM_NAME" >> %s; sleep 600 & echo $! > %s`, events, hostPid),
	})
	t.Cleanup(func() { // never leave the fake host behind
		if b, err := os.ReadFile(hostPid); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
				_ = syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	})
	if on, err := s.Power(); err != nil || !on {
		t.Fatalf("Power() at start = %v, %v; want on", on, err)
	}
	if out := mustIpmitool(t, s, User, "chassis", "power", "status"); !strings.Contains(out, "Chassis Power is on") {
		t.Fatalf("status as USER: %q", out)
	}

	// USER may not power off, at its own level or by asking for more.
	out, err := ipmitool(t, s, User, "chassis", "power", "off")
	if err == nil || !strings.Contains(out, "Insufficient privilege") {
		t.Errorf("USER power off: err=%v out=%q, want insufficient privilege", err, out)
	}
	for _, priv := range []string{"OPERATOR", "ADMINISTRATOR"} {
		out, err = ipmitoolPriv(t, s, User, priv, "-v", "chassis", "power", "off")
		if err == nil || !strings.Contains(out, "RAKP 2 message indicates an error : invalid role") {
			t.Errorf("USER asking for %s: err=%v out=%q, want RAKP 2 refusal", priv, err, out)
		}
	}
	out, err = ipmitoolPriv(t, s, Operator, "ADMINISTRATOR", "chassis", "power", "status")
	if err == nil {
		t.Errorf("OPERATOR got an ADMINISTRATOR session: %q", out)
	}
	if on, _ := s.Power(); !on {
		t.Fatal("power went off after refused requests")
	}

	// OPERATOR powers off and on; hooks run and the BMC reads back.
	t0 := time.Now()
	mustIpmitool(t, s, Operator, "chassis", "power", "on") // already on: no hook
	mustIpmitool(t, s, Operator, "chassis", "power", "off")
	if out := mustIpmitool(t, s, Operator, "chassis", "power", "status"); !strings.Contains(out, "Chassis Power is off") {
		t.Errorf("status after off: %q", out)
	}
	if on, err := s.Power(); err != nil || on {
		t.Errorf("Power() after off = %v, %v", on, err)
	}
	mustIpmitool(t, s, Admin, "chassis", "power", "on")
	if out := mustIpmitool(t, s, Admin, "chassis", "power", "status"); !strings.Contains(out, "Chassis Power is on") {
		t.Errorf("status after on: %q", out)
	}
	t.Logf("status, on (no-op), off, status, on, status through ipmitool: %v", time.Since(t0))
	b, _ := os.ReadFile(hostPid)
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || syscall.Kill(pid, 0) != nil {
		t.Fatalf("OnPowerOn's background process is not running (pid file %q)", b)
	}
	// Off from outside IPMI (a power cut) kills the host through the hook.
	if err := s.SetPower(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if err := waitGone(pid, 2*time.Second); err != nil {
		t.Error(err)
	}
	ev, _ := os.ReadFile(events)
	if got, want := string(ev), "off off power\non on power\noff off power\n"; got != want {
		t.Errorf("hook runs = %q, want %q\nchassis log:\n%s", got, want, s.ChassisLog())
	}

	// The Power Unit sensor follows, with SEL events: off, on, off.
	var sel []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		sel = selList(t, s)
		if countSEL(sel, "Power Unit", "Power off/down", "Asserted") == 2 {
			break
		}
	}
	if countSEL(sel, "Power Unit", "Power off/down", "Asserted") != 2 || countSEL(sel, "Power Unit", "Power off/down", "Deasserted") != 1 {
		t.Errorf("power unit SEL events:\n%s", strings.Join(sel, "\n"))
	}
	if got := assertedStates(t, s, PowerUnit); strings.Join(got, ",") != "Power off/down" {
		t.Errorf("Power Unit states while off = %q", got)
	}
}

// waitGone waits until pid has exited (or is a zombie: the sleep belongs to
// no one here once its shell exits).
func waitGone(pid int, d time.Duration) error {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if syscall.Kill(pid, 0) != nil {
			return nil
		}
		if st, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
			if f := strings.Fields(string(st)); len(f) > 2 && f[2] == "Z" {
				return nil
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	return fmt.Errorf("process %d still alive after %v", pid, d)
}

func TestOffDelay(t *testing.T) {
	needSim(t)
	t.Parallel()
	dir := t.TempDir()
	marker := filepath.Join(dir, "off-ran")
	s := startSim(t, Config{Dir: dir, Name: "lag", OffDelay: time.Second, OnPowerOff: "touch " + marker})
	t0 := time.Now()
	mustIpmitool(t, s, Operator, "chassis", "power", "off")
	if out := mustIpmitool(t, s, Operator, "chassis", "power", "status"); !strings.Contains(out, "is on") {
		t.Errorf("right after power off the BMC reads %q, want on", out)
	}
	var offAt time.Duration
	for time.Since(t0) < 5*time.Second {
		if on, err := s.Power(); err == nil && !on {
			offAt = time.Since(t0)
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if offAt == 0 {
		t.Fatalf("power never read off\n%s", s.ChassisLog())
	}
	if offAt < 900*time.Millisecond {
		t.Errorf("power read off after %v, want about 1 s", offAt)
	}
	if _, err := os.Stat(marker); err != nil {
		t.Errorf("OnPowerOff did not run before power read off: %v", err)
	}
	t.Logf("power read off %v after the off command", offAt)

	// A power on during the delay cancels the pending off.
	os.Remove(marker)
	mustIpmitool(t, s, Operator, "chassis", "power", "on")
	mustIpmitool(t, s, Operator, "chassis", "power", "off")
	mustIpmitool(t, s, Operator, "chassis", "power", "on")
	time.Sleep(1500 * time.Millisecond)
	if on, _ := s.Power(); !on {
		t.Errorf("cancelled power off still happened\n%s", s.ChassisLog())
	}
	if _, err := os.Stat(marker); err == nil {
		t.Errorf("cancelled power off ran OnPowerOff")
	}

	// Close cancels a pending power off, also one from SetPower.
	if err := s.SetPower(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	time.Sleep(1500 * time.Millisecond)
	if _, err := os.Stat(marker); err == nil {
		t.Errorf("a power off pending at Close ran OnPowerOff afterwards\n%s", s.ChassisLog())
	}
}

func TestStartOff(t *testing.T) {
	needSim(t)
	t.Parallel()
	s := startSim(t, Config{StartOff: true})
	if out := mustIpmitool(t, s, User, "chassis", "power", "status"); !strings.Contains(out, "is off") {
		t.Errorf("StartOff: status %q", out)
	}
	if got := assertedStates(t, s, PowerUnit); strings.Join(got, ",") != "Power off/down" {
		t.Errorf("StartOff: Power Unit states = %q", got)
	}
	if sel := selList(t, s); len(sel) != 0 {
		t.Errorf("StartOff logged events: %q", sel)
	}
}

func TestCrashAndRestart(t *testing.T) {
	needSim(t)
	t.Parallel()
	s := startSim(t, Config{Name: "crash"})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := s.SetFan(ctx, 1, 800); err != nil {
		t.Fatal(err)
	}
	mustIpmitool(t, s, Operator, "chassis", "power", "off")
	var sel []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if sel = selList(t, s); countSEL(sel, "Power Unit", "Asserted") == 1 {
			break // the power unit has logged the power off
		}
	}
	before := len(sel)

	// Cipher suite 2 crashes ipmi_sim (LAB.md).
	crashWithCipherSuite2(t, s)
	if err := s.Err(); err == nil || s.Crashes() != 1 {
		t.Errorf("after the crash Err() = %v, Crashes() = %d", err, s.Crashes())
	} else {
		t.Logf("crash noticed: %v", err)
	}
	pctx, pcancel := context.WithTimeout(ctx, 300*time.Millisecond)
	if err := s.Ping(pctx); err == nil {
		t.Error("a dead BMC answered a ping")
	}
	pcancel()

	t0 := time.Now()
	if err := s.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	t.Logf("Restart: %v", time.Since(t0))
	if !s.Alive() {
		t.Fatal("not alive after Restart")
	}
	r := sensorList(t, s)[Fan1]
	if r.value != "800.000" {
		t.Errorf("after restart FAN1 = %s, want the injected 800", r.value)
	}
	if out := mustIpmitool(t, s, User, "chassis", "power", "status"); !strings.Contains(out, "is off") {
		t.Errorf("power state lost in restart: %q", out)
	}
	if after := len(selList(t, s)); after != before {
		t.Errorf("SEL has %d entries after restart, %d before", after, before)
	}
}

// crashWithCipherSuite2 opens a go-ipmi session with cipher suite 2, which
// kills ipmi_sim, and waits until the Sim notices.
func crashWithCipherSuite2(t *testing.T, s *Sim) {
	t.Helper()
	name, pwfile := s.User(Admin)
	pw, err := os.ReadFile(pwfile)
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.NewClient(s.Host(), s.Port(), name, strings.TrimSpace(string(pw)))
	if err != nil {
		t.Fatal(err)
	}
	before := s.Crashes()
	c.WithCipherSuiteID(types.CipherSuiteID2).WithTimeout(500 * time.Millisecond).WithRetry(0)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := c.Connect(ctx); err == nil {
		_ = c.Close(ctx)
	}
	deadline := time.Now().Add(3 * time.Second)
	for s.Crashes() == before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if s.Crashes() == before {
		t.Fatal("cipher suite 2 did not crash ipmi_sim (or the crash went unnoticed)")
	}
}

func TestAutoRestart(t *testing.T) {
	needSim(t)
	t.Parallel()
	s := startSim(t, Config{AutoRestart: 200 * time.Millisecond})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.SetTemperature(ctx, InletTemp, 40); err != nil {
		t.Fatal(err)
	}
	crashWithCipherSuite2(t, s)
	t0 := time.Now()
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("no automatic restart: %v\n%s", err, s.logTail())
	}
	t.Logf("BMC answered again %v after the crash was noticed", time.Since(t0))
	if s.Crashes() != 1 || s.Err() != nil {
		t.Errorf("Crashes() = %d, Err() = %v", s.Crashes(), s.Err())
	}
	if v := sensorList(t, s)[InletTemp].value; v != "40.000" {
		t.Errorf("Inlet Temp after automatic restart = %s, want the injected 40", v)
	}
}

func TestParallelSims(t *testing.T) {
	needSim(t)
	t.Parallel()
	var wg sync.WaitGroup
	sims := make([]*Sim, 2)
	errs := make([]error, 2)
	for i := range sims {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			sims[i], errs[i] = Start(ctx, Config{Dir: t.TempDir(), Name: fmt.Sprintf("par%d", i)})
		})
	}
	wg.Wait()
	for i, s := range sims {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		t.Cleanup(func() { s.Close() })
	}
	if sims[0].Port() == sims[1].Port() {
		t.Fatalf("both sims on port %d", sims[0].Port())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := sims[0].SetTemperature(ctx, CPUTemp, 70); err != nil {
		t.Fatal(err)
	}
	mustIpmitool(t, sims[1], Operator, "chassis", "power", "off")
	if v := sensorList(t, sims[0])[CPUTemp].value; v != "70.000" {
		t.Errorf("sim 0 CPU = %s, want 70", v)
	}
	if v := sensorList(t, sims[1])[CPUTemp].value; v != "45.000" {
		t.Errorf("sim 1 CPU = %s, want untouched 45", v)
	}
	if on, _ := sims[0].Power(); !on {
		t.Error("powering off sim 1 turned sim 0 off")
	}
	if on, _ := sims[1].Power(); on {
		t.Error("sim 1 still on")
	}
}

func TestCloseLeavesNothing(t *testing.T) {
	needSim(t)
	t.Parallel()
	dir := t.TempDir()
	s := startSim(t, Config{Dir: dir})
	s.mu.Lock()
	pid := s.proc.Pid
	s.mu.Unlock()
	before, _ := os.ReadDir(dir)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if err := syscall.Kill(pid, 0); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("ipmi_sim %d still exists after Close: %v", pid, err)
	}
	if err := syscall.Kill(-pid, 0); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("process group %d still has members after Close: %v", pid, err)
	}
	if s.Alive() {
		t.Error("Alive after Close")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if err := s.Ping(ctx); err == nil {
		t.Error("closed BMC still answers")
	}
	if err := s.Restart(context.Background()); err == nil {
		t.Error("Restart after Close succeeded")
	}
	for _, e := range before {
		if _, err := os.Stat(filepath.Join(dir, e.Name())); err != nil {
			t.Errorf("Close removed %s: %v", e.Name(), err)
		}
	}
}

func TestSecretsStayOutOfArgvAndArePrivate(t *testing.T) {
	needSim(t)
	t.Parallel()
	s := startSim(t, Config{})
	s.mu.Lock()
	pid := s.proc.Pid
	s.mu.Unlock()
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []Role{Admin, Operator, User} {
		_, file := s.User(r)
		fi, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want 0600", file, fi.Mode().Perm())
		}
		pw, _ := os.ReadFile(file)
		if p := strings.TrimSpace(string(pw)); len(p) < 16 || strings.Contains(string(cmdline), p) {
			t.Errorf("%v password weak (%d chars) or in ipmi_sim's argv", r, len(p))
		}
	}
	fi, err := os.Stat(filepath.Join(s.Dir(), "lan.conf"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("lan.conf mode: %v, %v", fi, err)
	}
}

func TestNetworkFaults(t *testing.T) {
	needSim(t)
	t.Parallel()
	s := startSim(t, Config{})
	ctx := context.Background()
	quick := func() error {
		c, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		return s.Ping(c)
	}
	if err := quick(); err != nil {
		t.Fatal(err)
	}

	if err := s.SetDelay(400 * time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if err := quick(); err == nil {
		t.Error("a BMC slowed to 400 ms answered within 300 ms")
	}
	t0 := time.Now()
	c, cancel := context.WithTimeout(ctx, 2*time.Second)
	err := s.Ping(c)
	cancel()
	if err != nil || time.Since(t0) < 400*time.Millisecond {
		t.Errorf("slow BMC: ping %v after %v", err, time.Since(t0))
	}
	if err := s.SetDelay(0); err != nil {
		t.Fatal(err)
	}

	if err := s.SetReachable(false); err != nil {
		t.Fatal(err)
	}
	if err := quick(); err == nil {
		t.Error("unreachable BMC answered")
	}
	if !s.Alive() {
		t.Error("cutting the network killed ipmi_sim")
	}
	if err := s.SetReachable(true); err != nil {
		t.Fatal(err)
	}
	mustIpmitool(t, s, User, "chassis", "power", "status")

	if err := s.SetLoss(1); err != nil {
		t.Fatal(err)
	}
	if err := quick(); err == nil {
		t.Error("BMC answered through 100% loss")
	}
	if err := s.SetLoss(0); err != nil {
		t.Fatal(err)
	}
	if err := quick(); err != nil {
		t.Errorf("after loss 0: %v", err)
	}
	for _, err := range []error{s.SetLoss(1.5), s.SetDelay(-time.Second)} {
		if err == nil {
			t.Error("bad fault parameter accepted")
		}
	}
}

// TestNoPrivilegeGuard documents why the relay exists: ipmi_sim alone gives
// a USER account an ADMINISTRATOR session when asked (name-only lookup).
func TestNoPrivilegeGuard(t *testing.T) {
	needSim(t)
	t.Parallel()
	s := startSim(t, Config{NoPrivilegeGuard: true})
	if err := s.SetReachable(false); err == nil {
		t.Error("network faults without the relay")
	}
	out, err := ipmitoolPriv(t, s, User, "ADMINISTRATOR", "session", "info", "active")
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !strings.Contains(out, "privilege level               : ADMINISTRATOR") {
		t.Logf("ipmi_sim now caps USER sessions itself; the relay may be unneeded:\n%s", out)
	}
	if on, _ := s.Power(); !on {
		t.Error("power off at start")
	}
}

// freeIPMISensors runs FreeIPMI's ipmi-sensors (an IPMI client independent
// of ipmitool) as role, the password in a 0600 config file.
func freeIPMISensors(t *testing.T, s *Sim, r Role) (map[string][]string, error) {
	t.Helper()
	if _, err := exec.LookPath("ipmi-sensors"); err != nil {
		testenv.Unavailable(t, "ipmi-sensors not installed (Debian package freeipmi-tools)")
	}
	name, pwfile := s.User(r)
	pw, err := os.ReadFile(pwfile)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "freeipmi.conf")
	// ipmi_sim puts no valid privilege in its Open Session Response:
	// FreeIPMI needs its "opensesspriv" workaround for it.
	content := fmt.Sprintf("username %s\npassword %s\nprivilege-level %s\ncipher-suite-id 3\ndriver-type LAN_2_0\nworkaround-flags opensesspriv\n",
		name, strings.TrimSpace(string(pw)), strings.ToLower(privName[r]))
	if err := writeSecret(conf, content); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "ipmi-sensors", "--config-file", conf,
		"-h", s.Addr(), "--no-sensor-type-output", "--output-sensor-thresholds",
		"--quiet-cache", "--sdr-cache-recreate", "--sdr-cache-directory", dir).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("ipmi-sensors: %v: %s", err, out)
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 11 {
			continue
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		rows[f[1]] = f[2:]
	}
	return rows, nil
}

func TestFreeIPMIAgrees(t *testing.T) {
	needSim(t)
	t.Parallel()
	s := startSim(t, Config{Name: "freeipmi"})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.SetFan(ctx, 1, 800); err != nil {
		t.Fatal(err)
	}
	if err := s.FailPSU(ctx, 2); err != nil {
		t.Fatal(err)
	}
	rows, err := freeIPMISensors(t, s, User)
	if err != nil {
		t.Fatal(err)
	}
	for _, sn := range Sensors() {
		r, ok := rows[sn.Name]
		if !ok {
			t.Errorf("ipmi-sensors lacks %q", sn.Name)
			continue
		}
		if sn.Discrete() {
			continue
		}
		want := sn.Initial
		if sn.Name == Fan1 {
			want = 800
		}
		if v := parseNum(t, sn.Name, r[0]); math.Abs(v-want) > 1e-6 {
			t.Errorf("ipmi-sensors %s = %v, want %v", sn.Name, v, want)
		}
		for i, th := range ipmitoolOrder { // same column order
			if v, has := sn.Thresholds[th]; has && math.Abs(parseNum(t, sn.Name, r[2+i])-v) > 1e-6 {
				t.Errorf("ipmi-sensors %s %v = %s, want %v", sn.Name, th, r[2+i], v)
			}
		}
	}
	for name, want := range map[string]string{
		Fan1:          "'At or Below (<=) Lower Critical Threshold'",
		PSU2Status:    "'Presence detected' 'Power Supply Failure detected'",
		PSU1Status:    "'Presence detected'",
		PSURedundancy: "'Redundancy Lost'",
		CPUStatus:     "'Processor Presence detected'",
	} {
		if got := rows[name][8]; got != want {
			t.Errorf("ipmi-sensors %s event = %s, want %s", name, got, want)
		}
	}
	// FreeIPMI is refused an over-privileged session too.
	name, pwfile := s.User(User)
	pw, _ := os.ReadFile(pwfile)
	conf := filepath.Join(t.TempDir(), "admin.conf")
	if err := writeSecret(conf, fmt.Sprintf("username %s\npassword %s\nprivilege-level admin\ncipher-suite-id 3\ndriver-type LAN_2_0\nworkaround-flags opensesspriv\n", name, strings.TrimSpace(string(pw)))); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.CommandContext(ctx, "ipmi-chassis", "--config-file", conf, "-h", s.Addr(), "--get-status").CombinedOutput(); err == nil {
		t.Errorf("USER got an admin session through FreeIPMI: %s", out)
	}
}

// BenchmarkStart measures Start (files, sdrcomp, ipmi_sim answering, SEL
// clock set) plus Close.
func BenchmarkStart(b *testing.B) {
	if err := Available(); err != nil {
		testenv.Unavailable(b, "%v", err)
	}
	for b.Loop() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		s, err := Start(ctx, Config{Dir: b.TempDir()})
		cancel()
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func TestPortTaken(t *testing.T) {
	needSim(t)
	t.Parallel()
	c, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	port := c.LocalAddr().(*net.UDPAddr).Port
	for _, guard := range []bool{true, false} {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		s, err := Start(ctx, Config{Dir: t.TempDir(), Port: port, NoPrivilegeGuard: !guard})
		cancel()
		if err == nil {
			s.Close()
			t.Fatalf("guard=%v: Start on a taken port %d succeeded", guard, port)
		}
		if !strings.Contains(err.Error(), "bmc") {
			t.Errorf("error does not name the BMC: %v", err)
		}
		t.Logf("guard=%v: %v", guard, err)
	}
}

// TestFenceIPMILan drives the simulator with Debian's fence_ipmilan, the
// reference fencing agent, as OPERATOR (options on stdin, never argv).
func TestFenceIPMILan(t *testing.T) {
	needSim(t)
	t.Parallel()
	if _, err := exec.LookPath("fence_ipmilan"); err != nil {
		testenv.Unavailable(t, "fence_ipmilan not installed (Debian package fence-agents)")
	}
	dir := t.TempDir()
	marker := filepath.Join(dir, "host")
	s := startSim(t, Config{Dir: dir, OnPowerOff: "echo off > " + marker, OnPowerOn: "echo on > " + marker})
	name, pwfile := s.User(Operator)
	pw, err := os.ReadFile(pwfile)
	if err != nil {
		t.Fatal(err)
	}
	fence := func(action string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, "fence_ipmilan")
		cmd.Stdin = strings.NewReader(fmt.Sprintf("ip=%s\nipport=%d\nusername=%s\npassword=%s\nlanplus=1\ncipher=3\nprivlvl=operator\naction=%s\n",
			s.Host(), s.Port(), name, strings.TrimSpace(string(pw)), action))
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := fence("status"); err != nil || !strings.Contains(out, "Status: ON") {
		t.Fatalf("status: %v %s", err, out)
	}
	t0 := time.Now()
	if out, err := fence("off"); err != nil {
		t.Fatalf("off: %v after %v: %s\nchassis log:\n%s\nalive: %v", err, time.Since(t0), out, s.ChassisLog(), s.Alive())
	}
	if on, _ := s.Power(); on {
		t.Error("fence_ipmilan off: BMC still on")
	}
	if b, _ := os.ReadFile(marker); string(b) != "off\n" {
		t.Errorf("OnPowerOff did not run: %q", b)
	}
	if out, err := fence("on"); err != nil {
		t.Fatalf("on: %v %s", err, out)
	}
	if b, _ := os.ReadFile(marker); string(b) != "on\n" {
		t.Errorf("OnPowerOn did not run: %q", b)
	}
}

// TestClientAddSEL checks that a client can write the BMC's log (IPMI Add
// SEL Entry, what the agent does to leave its decisions there) as OPERATOR
// and not as USER.
func TestClientAddSEL(t *testing.T) {
	needSim(t)
	t.Parallel()
	s := startSim(t, Config{})
	// Record 0, type 0x02, timestamp (BMC sets it), generator 0x41 (system
	// software ID 0x20), EvM 0x04, sensor type 0x12 (system event), sensor
	// 0x83, event type 0x6f, data 0x01 0xff 0xff.
	entry := []string{"raw", "0x0a", "0x44", "0", "0", "0x02", "0", "0", "0", "0", "0x41", "0", "0x04", "0x12", "0x83", "0x6f", "0x01", "0xff", "0xff"}
	if out, err := ipmitool(t, s, User, entry...); err == nil || !strings.Contains(out, "Insufficient privilege") {
		t.Errorf("USER wrote the SEL: %v %s", err, out)
	}
	mustIpmitool(t, s, Operator, entry...)
	sel := selList(t, s)
	if len(sel) != 1 || !strings.Contains(sel[0], "System Event #0x83") {
		t.Errorf("SEL after Add SEL Entry: %q", sel)
	}
}

func TestLockout(t *testing.T) {
	needSim(t)
	t.Parallel()
	dir := t.TempDir()
	s := startSim(t, Config{Dir: dir, LockoutAfter: 3, LockoutFor: 3 * time.Second})
	wrong := filepath.Join(t.TempDir(), "wrong.password")
	if err := writeSecret(wrong, "not-the-password\n"); err != nil {
		t.Fatal(err)
	}
	name, _ := s.User(Operator)
	tryWrong := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		out, err := exec.CommandContext(ctx, "ipmitool", "-I", "lanplus", "-C", "3", "-H", s.Host(), "-p", strconv.Itoa(s.Port()),
			"-U", name, "-f", wrong, "-L", "OPERATOR", "-N", "1", "-R", "1", "chassis", "power", "status").CombinedOutput()
		if err == nil {
			t.Fatalf("wrong password accepted: %s", out)
		}
	}
	// Two failures, a success (which clears them), two more: not locked.
	tryWrong()
	tryWrong()
	time.Sleep(400 * time.Millisecond)
	mustIpmitool(t, s, Operator, "chassis", "power", "status")
	tryWrong()
	tryWrong()
	time.Sleep(400 * time.Millisecond)
	if s.LockedOut(Operator) {
		t.Fatal("locked after a success and 2 failures")
	}
	// The third failure in a row locks the account, not the others.
	tryWrong()
	time.Sleep(400 * time.Millisecond)
	if !s.LockedOut(Operator) {
		t.Fatal("3 failed logins in a row did not lock the account")
	}
	out, err := ipmitool(t, s, Operator, "-v", "chassis", "power", "status")
	if err == nil || !strings.Contains(out, "RAKP 2 message indicates an error : unauthorized name") {
		t.Errorf("locked account with the right password: err=%v out=%q", err, out)
	}
	mustIpmitool(t, s, Admin, "chassis", "power", "status")
	for deadline := time.Now().Add(5 * time.Second); s.LockedOut(Operator) && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	if s.LockedOut(Operator) {
		t.Error("still locked after LockoutFor")
	}
	mustIpmitool(t, s, Operator, "chassis", "power", "status")
}

// TestConsoleDuringSessions is a regression test: ipmi_sim writes LAN
// session logs to console connections, and one that had just hung up used
// to kill it with SIGPIPE while power commands and fault injection ran
// together.
func TestConsoleDuringSessions(t *testing.T) {
	needSim(t)
	t.Parallel()
	s := startSim(t, Config{})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for i := range 8 {
		mustIpmitool(t, s, Operator, "chassis", "power", "off")
		if err := s.SetTemperature(ctx, CPUTemp, float64(40+i)); err != nil {
			t.Fatal(err)
		}
		mustIpmitool(t, s, Operator, "chassis", "power", "on")
	}
	if s.Crashes() != 0 || !s.Alive() {
		t.Fatalf("ipmi_sim died: %v", s.Err())
	}
	if v := sensorList(t, s)[CPUTemp].value; v != "47.000" {
		t.Errorf("CPU Temp = %s, want 47", v)
	}
}
