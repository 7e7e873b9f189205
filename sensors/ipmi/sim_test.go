package ipmi

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bougou/go-ipmi/pkg/command/storage"
	"github.com/bougou/go-ipmi/pkg/types"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/sensors/health"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// startSim runs one real ipmi_sim from the lab harness, or skips when the
// tools are missing.
func startSim(t testing.TB) *ipmisim.Sim {
	t.Helper()
	return ipmisim.New(t, ipmisim.Config{})
}

func simConfig(t testing.TB, sim *ipmisim.Sim) (Config, string) {
	t.Helper()
	user, pwFile := sim.User(ipmisim.Admin)
	pw, err := os.ReadFile(pwFile)
	if err != nil {
		t.Fatal(err)
	}
	return Config{Host: sim.Host(), Port: sim.Port(), User: user, Password: strings.TrimRight(string(pw), "\n"),
		CipherSuite: 3}, pwFile
}

func ipmitool(t testing.TB, sim *ipmisim.Sim, pwFile string, args ...string) []byte {
	t.Helper()
	if _, err := exec.LookPath("ipmitool"); err != nil {
		testenv.Unavailable(t, "ipmitool not available: %v", err)
	}
	user, _ := sim.User(ipmisim.Admin)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	base := []string{"-I", "lanplus", "-C", "3", "-H", sim.Host(), "-p", strconv.Itoa(sim.Port()), "-U", user, "-f", pwFile}
	out, err := exec.CommandContext(ctx, "ipmitool", append(base, args...)...).Output()
	if err != nil {
		t.Fatalf("ipmitool %v: %v", args, err)
	}
	return out
}

// toolSensor is one line of `ipmitool sensor list`.
type toolSensor struct {
	value  string // "45.000", "0x0" for discrete, "na"
	unit   string
	status string
	thr    [6]string // lnr lcr lnc unc ucr unr
}

func parseSensorList(out []byte) map[string]toolSensor {
	m := map[string]toolSensor{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "|")
		if len(f) < 10 {
			continue
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		m[f[0]] = toolSensor{value: f[1], unit: f[2], status: f[3], thr: [6]string{f[4], f[5], f[6], f[7], f[8], f[9]}}
	}
	return m
}

func fmt3(p *float64) string {
	if p == nil {
		return "na"
	}
	return fmt.Sprintf("%.3f", *p)
}

func poll(t testing.TB, r *Reader) *sensors.Poll {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	p, err := r.Poll(ctx)
	if err != nil {
		t.Fatalf("poll: %v", err)
	}
	return p
}

func reading(p *sensors.Poll, name string) *sensors.Reading {
	for i := range p.Readings {
		if p.Readings[i].Name == name {
			return &p.Readings[i]
		}
	}
	return nil
}

// compareWithIpmitool checks every threshold reading and threshold against
// `ipmitool -I lanplus -C 3 sensor list`, and that every sensor ipmitool
// lists is read.
func compareWithIpmitool(t *testing.T, sim *ipmisim.Sim, pwFile string, p *sensors.Poll) {
	t.Helper()
	tool := parseSensorList(ipmitool(t, sim, pwFile, "sensor", "list"))
	if len(tool) < 6 {
		t.Fatalf("ipmitool lists %d sensors: %v", len(tool), tool)
	}
	for name, ts := range tool {
		rd := reading(p, name)
		if rd == nil {
			t.Errorf("ipmitool lists %q, vigil does not", name)
			continue
		}
		if strings.HasPrefix(ts.value, "0x") || ts.unit == "discrete" {
			if rd.Value != nil {
				t.Errorf("%s: discrete in ipmitool, value %v in vigil", name, *rd.Value)
			}
			continue
		}
		if got := fmt3(rd.Value); got != ts.value {
			t.Errorf("%s: value %s, ipmitool %s", name, got, ts.value)
		}
		var thr sensors.Thresholds
		if rd.Thresholds != nil {
			thr = *rd.Thresholds
		}
		got := [6]string{fmt3(thr.LowerFatal), fmt3(thr.LowerCritical), fmt3(thr.LowerWarning),
			fmt3(thr.UpperWarning), fmt3(thr.UpperCritical), fmt3(thr.UpperFatal)}
		if got != ts.thr {
			t.Errorf("%s: thresholds %v, ipmitool %v", name, got, ts.thr)
		}
		want := map[string]sensors.Status{"ok": sensors.StatusOK, "nc": sensors.StatusWarning, "cr": sensors.StatusCritical, "nr": sensors.StatusCritical}[ts.status]
		if want != "" && rd.Status != want {
			t.Errorf("%s: status %s, ipmitool %q", name, rd.Status, ts.status)
		}
	}
}

// compareSEL checks every entry of `ipmitool sel elist` (id | date | time |
// type sensor | description | direction) against the decoded events: same
// record, same condition, same direction.
func compareSEL(t *testing.T, out []byte, evs []sensors.Event) {
	t.Helper()
	byID := map[string]sensors.Event{}
	for _, ev := range evs {
		byID[ev.ID] = ev
	}
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "|")
		if len(f) < 6 {
			continue
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		id, err := strconv.ParseUint(f[0], 16, 16)
		if err != nil {
			continue
		}
		n++
		ev, ok := byID[strconv.Itoa(int(id))]
		if !ok {
			t.Errorf("ipmitool SEL entry %s (%s) not among the decoded events", f[0], sc.Text())
			continue
		}
		if !strings.Contains(strings.ToLower(ev.Message), strings.ToLower(f[4])) ||
			ev.Asserted != (f[5] == "Asserted") {
			t.Errorf("SEL %s: ipmitool %q / %q, vigil %q (asserted %v)", f[0], f[4], f[5], ev.Message, ev.Asserted)
		}
	}
	if n == 0 || n != len(evs) {
		t.Errorf("ipmitool lists %d SEL entries, vigil decoded %d", n, len(evs))
	}
}

func TestAgainstIpmiSim(t *testing.T) {
	sim := startSim(t)
	cfg, pwFile := simConfig(t, sim)
	r := New(cfg)
	defer r.Close()

	p := poll(t, r)
	compareWithIpmitool(t, sim, pwFile, p)
	if psu := reading(p, ipmisim.PSU1Status); psu == nil || psu.Kind != sensors.KindPSU || psu.Status != sensors.StatusOK {
		t.Errorf("PSU1 Status healthy = %+v", psu)
	}
	pred := health.New(health.Config{}, health.NewMemHistory(64))
	v, err := pred.Update(p)
	if err != nil {
		t.Fatal(err)
	}
	if v.Risk != health.RiskNone {
		t.Errorf("healthy BMC: risk %s (%+v)", v.Risk, v.Components)
	}

	// Inject the four faults.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := sim.SetFan(ctx, 1, 800); err != nil {
		t.Fatal(err)
	}
	if err := sim.SetTemperature(ctx, ipmisim.CPUTemp, 90); err != nil {
		t.Fatal(err)
	}
	if err := sim.FailPSU(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := sim.RaiseECC(ctx, true); err != nil {
		t.Fatal(err)
	}
	p = poll(t, r)
	compareWithIpmitool(t, sim, pwFile, p)
	if fan := reading(p, ipmisim.Fan1); fan == nil || fmt3(fan.Value) != "800.000" || fan.Status != sensors.StatusCritical {
		t.Errorf("FAN1 after SetFan 800 = %+v", fan)
	}
	if cpu := reading(p, ipmisim.CPUTemp); cpu == nil || fmt3(cpu.Value) != "90.000" || cpu.Status != sensors.StatusWarning {
		t.Errorf("CPU Temp after 90 °C (UNC 85, UC 95) = %+v", cpu)
	}
	if psu := reading(p, ipmisim.PSU1Status); psu == nil || !slices.Contains(psu.States, "Failure detected") || psu.Status != sensors.StatusCritical {
		t.Errorf("PSU1 Status after FailPSU = %+v, want state \"Failure detected\", critical", psu)
	}
	if mem := reading(p, ipmisim.DIMMECC); mem == nil || !slices.Contains(mem.States, "Correctable ECC") {
		t.Errorf("DIMM ECC after RaiseECC = %+v, want state \"Correctable ECC\"", mem)
	}
	var msgs []string
	for _, ev := range p.Events {
		msgs = append(msgs, ev.Message)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"FAN1: Lower Critical going low", "CPU Temp: Upper Non-critical going high",
		"PSU1 Status: Failure detected", "DIMM ECC: Correctable ECC"} {
		if !strings.Contains(all, want) {
			t.Errorf("SEL events lack %q; got:\n%s", want, all)
		}
	}
	compareSEL(t, ipmitool(t, sim, pwFile, "sel", "elist"), p.Events)
	if _, err := pred.Update(p); err != nil {
		t.Fatal(err)
	}
	// A second poll without new faults returns no SEL entries (cursor)
	// and confirms the threshold crossings to the predictor.
	p2 := poll(t, r)
	if len(p2.Events) != 0 {
		t.Errorf("second poll repeated %d SEL entries", len(p2.Events))
	}
	v, err = pred.Update(p2)
	if err != nil {
		t.Fatal(err)
	}
	// FAN1 failed (one of a redundant pair) while the CPU is over its
	// warning threshold: imminent.
	if v.Risk != health.RiskImminent {
		t.Errorf("after four faults the verdict is %s, want imminent: %+v", v.Risk, v.Components)
	}
	t.Logf("verdict after faults: %s %+v", v.Risk, v.Components)
}

// TestSELClearedAndRefilled: after `sel clear` the remembered record is gone
// and new entries follow; the cursor starts over and reports exactly the new
// ones. (ipmi_sim does not reuse record IDs after a clear; BMCs that do are
// caught by the erase time in the cursor.)
func TestSELClearedAndRefilled(t *testing.T) {
	sim := startSim(t)
	cfg, pwFile := simConfig(t, sim)
	r := New(cfg)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for range 2 {
		if err := sim.RaiseECC(ctx, true); err != nil {
			t.Fatal(err)
		}
	}
	if p := poll(t, r); len(p.Events) != 2 {
		t.Fatalf("first poll: %d events, want 2", len(p.Events))
	}
	ipmitool(t, sim, pwFile, "sel", "clear")
	time.Sleep(1100 * time.Millisecond) // SEL times have one-second resolution
	for range 3 {
		if err := sim.RaiseECC(ctx, true); err != nil {
			t.Fatal(err)
		}
	}
	p := poll(t, r)
	if len(p.Events) != 3 {
		t.Errorf("after clear and 3 new entries: %d events, want 3 (cursor %+v)", len(p.Events), r.Cursor())
	}
}

func TestSessionReestablishedAfterBMCRestart(t *testing.T) {
	sim := startSim(t)
	cfg, _ := simConfig(t, sim)
	r := New(cfg)
	defer r.Close()
	poll(t, r)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := sim.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	p := poll(t, r) // the old session is gone: one reconnect within the poll
	if len(p.Readings) == 0 {
		t.Errorf("no readings after the BMC restarted")
	}
}

func TestDeadBMCFailsFastAndBacksOff(t *testing.T) {
	// A BMC that swallows every datagram: the worst case for a deadline.
	hole, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer hole.Close()
	cfg := Config{Host: "127.0.0.1", Port: hole.LocalAddr().(*net.UDPAddr).Port, User: "admin", Password: "secret-pw-77",
		CipherSuite: 3, Timeout: 200 * time.Millisecond, Retries: 1}
	r := New(cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, err = r.Poll(ctx)
	if !errors.Is(err, sensors.ErrSourceDown) {
		t.Fatalf("poll of a silent BMC = %v, want ErrSourceDown", err)
	}
	if d := time.Since(start); d > 2500*time.Millisecond {
		t.Errorf("poll of a silent BMC took %v, beyond its 2 s deadline", d)
	}
	start = time.Now()
	_, err = r.Poll(ctx)
	if !errors.Is(err, ErrBackoff) || time.Since(start) > 50*time.Millisecond {
		t.Errorf("second poll = %v after %v, want an immediate ErrBackoff", err, time.Since(start))
	}
	if strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("error contains the password")
	}
}

func TestWrongPasswordNotLeaked(t *testing.T) {
	sim := startSim(t)
	cfg, _ := simConfig(t, sim)
	cfg.Password = "not-the-password-42"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := New(cfg).Poll(ctx)
	if err == nil || strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("wrong password: err = %v (must fail and not contain the password)", err)
	}
}

// rawRecord is an Add SEL Entry request carrying a raw 16-byte record.
type rawRecord []byte

func (r rawRecord) Pack() []byte         { return r }
func (rawRecord) Command() types.Command { return types.CommandAddSELEntry }

func addSEL(ctx context.Context, r *Reader, rec []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cl.Exchange(ctx, rawRecord(rec), &storage.AddSELEntryResponse{})
}

// BenchmarkPoll compares one full poll (every sensor and the new SEL
// entries) with the session kept open against `ipmitool sdr elist`
// followed by `ipmitool sel elist`, on the same ipmi_sim.
func BenchmarkPoll(b *testing.B) {
	sim := startSim(b)
	cfg, pwFile := simConfig(b, sim)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for i := 0; i < 8; i++ { // a SEL with entries to read
		if err := sim.RaiseECC(ctx, true); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("vigil-session-kept-open", func(b *testing.B) {
		r := New(cfg)
		defer r.Close()
		poll(b, r)
		b.ResetTimer()
		for b.Loop() {
			poll(b, r)
		}
	})
	b.Run("vigil-new-SEL-entry-each-poll", func(b *testing.B) {
		admin := cfg
		admin.Privilege = "administrator" // to add SEL entries
		r := New(admin)
		defer r.Close()
		poll(b, r)
		b.ResetTimer()
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			if i%50 == 49 {
				// ipmi_sim's SEL is small: clear it now and then (the
				// cursor's entry is erased: the reader starts over).
				ipmitool(b, sim, pwFile, "sel", "clear")
				poll(b, r)
			}
			// A correctable ECC record for DIMM 3, added over IPMI (Add
			// SEL Entry) rather than ipmi_sim's console, which stalls
			// after about a thousand connections.
			actx, acancel := context.WithTimeout(context.Background(), 5*time.Second)
			err := addSEL(actx, r, []byte{0, 0, 0x02, 0, 0, 0, 0, 0x20, 0, 0x04, 0x0c, 9, 0x6f, 0x30, 0xff, 3})
			acancel()
			if err != nil {
				b.Fatalf("iteration %d: add SEL entry: %v", i, err)
			}
			b.StartTimer()
			if p := poll(b, r); len(p.Events) == 0 {
				b.Fatal("no new SEL entry")
			}
		}
	})
	b.Run("vigil-new-session-each-poll", func(b *testing.B) {
		// What the session kept open saves: login, SDR and thresholds
		// on every poll, as an exec'd tool must do.
		for b.Loop() {
			r := New(cfg)
			poll(b, r)
			r.Close()
		}
	})
	b.Run("ipmitool-sdr-elist+sel-elist", func(b *testing.B) {
		for b.Loop() {
			ipmitool(b, sim, pwFile, "sdr", "elist")
			ipmitool(b, sim, pwFile, "sel", "elist")
		}
	})
}
